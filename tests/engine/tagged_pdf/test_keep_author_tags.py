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

    result = tag_and_check(source)

    assert not result.tagged.kept_author_tags
    assert result.check("structure")["passed"], result.report
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


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
