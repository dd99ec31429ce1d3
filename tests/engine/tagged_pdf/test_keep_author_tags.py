"""A well-tagged source keeps its author's tags; a badly tagged one is re-tagged."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from ..conftest import SHARED
from .conftest import HtmlPdf, pdfua_check, tag_and_check

BODY = (
    "<h1>Library opening hours</h1><p>The library is open every day but Sunday.</p>"
    "<h2>Holidays</h2><p>It is closed on bank holidays.</p>"
)


def struct_elements(path: Path) -> int:
    with pikepdf.open(path) as pdf:
        return sum(
            1 for o in pdf.objects
            if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/StructElem"
        )


def assert_retagged_and_compliant(source: Path, check: str) -> None:
    """``source``'s tags are not kept: it is re-tagged, passes the run-time ``check`` and
    veraPDF's PDF/UA-1 checks."""
    result = tag_and_check(source)
    assert not result.tagged.kept_author_tags
    assert result.check(check)["passed"], result.report
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


def test_sound_tags_are_kept_and_completed(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    source = tmp_path / "tagged-untitled.pdf"
    with pikepdf.open(html_pdf(BODY, tagged=True)) as pdf:
        # What an author's export often lacks: the PDF/UA identifier, the title display, and
        # a painted rule nobody tagged.
        del pdf.Root["/ViewerPreferences"]
        del pdf.Root["/Metadata"]
        page = pdf.pages[0]
        page.contents_add(pdf.make_stream(b"q 0 0 1 rg 50 50 100 2 re f Q"), prepend=False)
        pdf.save(source)

    result = tag_and_check(source)

    assert result.tagged.kept_author_tags
    assert struct_elements(result.output) == struct_elements(source)
    assert result.failed() == [], result.report
    notes = " ".join(result.tagged.notes)
    assert "author's tags were sound and are kept" in notes
    with pikepdf.open(result.output) as pdf:
        stream = pdf.pages[0].Contents.read_bytes() if isinstance(
            pdf.pages[0].Contents, pikepdf.Stream) else b""
        assert b"/Artifact BMC" in stream
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


def test_unsound_tags_are_rebuilt(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    source = tmp_path / "skipped-levels.pdf"
    with pikepdf.open(html_pdf(BODY, tagged=True)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/H2":
                obj.S = pikepdf.Name.H4  # H1 then H4: a skipped level
        pdf.save(source)

    assert_retagged_and_compliant(source, "structure")


def test_reference_suite_document_keeps_its_tags(tmp_path: Path) -> None:
    suite = SHARED / "corpus" / "pdfua" / "PDFUA-Reference-Suite-1.1"
    source = suite / "PDFUA-Ref-2-02_Invoice.pdf"
    if not source.is_file():
        pytest.skip("PDF/UA reference suite not present")
    result = tag_and_check(source, tmp_path / "invoice-tagged.pdf")
    assert result.tagged.kept_author_tags
    assert result.check("pixels")["passed"]
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


def test_a_link_annotation_outside_a_link_element_is_retagged(
    html_pdf: HtmlPdf, tmp_path: Path
) -> None:
    # PDF/UA-1 7.18.5: a link's annotation belongs to a Link element. An author's tree that
    # puts it elsewhere (WeasyPrint: the second of two annotations over one link, in a
    # NonStruct) is not kept: the document is re-tagged, its links in Link elements.
    source = tmp_path / "link-in-nonstruct.pdf"
    body = '<p>The timetable is at <a href="https://example.org/times">the station</a>.</p>'
    with pikepdf.open(html_pdf(body, tagged=True)) as pdf:
        links = [o for o in pdf.objects
                 if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Link"]
        assert links
        for link in links:
            link.S = pikepdf.Name.NonStruct
        pdf.save(source)

    assert_retagged_and_compliant(source, "annotations")
