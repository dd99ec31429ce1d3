"""Generated sources tagged end to end: structure, checks, pixels, and veraPDF's verdict."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

from workers.engine.formats import ConversionOptions, OutputFormat
from workers.engine.pipeline import convert

from .conftest import HtmlPdf, pdfua_check, png_data_uri, tag_and_check

REPORT = """
<h1>Parking review</h1>
<p>The council reviewed parking charges in the town centre during the spring.</p>
<h2>What we found</h2>
<ul><li>Charges were higher than in nearby towns.</li><li>Most people stay an hour.</li></ul>
<table>
<tr><th><b>Car park</b></th><th><b>Spaces</b></th><th><b>Charge</b></th></tr>
<tr><td>Market Street</td><td>120</td><td>1.50</td></tr>
<tr><td>Station Road</td><td>300</td><td>2.00</td></tr>
<tr><td>Riverside</td><td>80</td><td>1.00</td></tr>
</table>
<h2>What happens next</h2>
<p>Read the <a href="https://www.example.gov.uk/parking">full parking report</a> online.</p>
"""
TABLE_CSS = "table { border-collapse: collapse } td, th { padding: 2pt 30pt 2pt 0 }"


def struct_roles(path: Path) -> list[str]:
    with pikepdf.open(path) as pdf:
        roles: list[str] = []
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            kids = node.get("/K")
            items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
            for kid in reversed(items):
                if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
                    stack.append(kid)
            if node.get("/Type") == "/StructElem":
                roles.append(str(node.S)[1:])
        return roles


def test_report_is_tagged_checked_and_looks_the_same(html_pdf: HtmlPdf) -> None:
    result = tag_and_check(html_pdf(REPORT, css=TABLE_CSS))

    assert result.failed() == [], result.report
    roles = struct_roles(result.output)
    assert roles[0] == "Document"
    assert {"H1", "H2", "P", "L", "LI", "LBody", "Table", "TR", "TH", "TD", "Link"} <= set(roles)
    assert roles.index("H1") < roles.index("H2")
    assert result.check("pixels")["passed"]
    assert "exactly the model's characters" in str(result.check("text-fidelity")["detail"])
    with pikepdf.open(result.output) as pdf:
        (page,) = pdf.pages
        assert page.obj.Tabs == "/S"
        (link,) = [a for a in page.obj.Annots if a.Subtype == "/Link"]
        assert "full parking report" in str(link.Contents)
        assert "/StructParent" in link
        assert pdf.Root.MarkInfo.Marked is True
        assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1"
            assert xmp["dc:title"] == "Test"  # the source's own title
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


def test_figure_takes_its_caption_as_alt_text(html_pdf: HtmlPdf) -> None:
    body = (
        f"<h1>Map</h1><p>Where the car parks are.</p><img src='{png_data_uri(300, 200)}'>"
        "<p>Figure 1: Car parks in the town centre</p>"
    )
    result = tag_and_check(html_pdf(body))

    assert result.tagged.review == []
    with pikepdf.open(result.output) as pdf:
        figures = [o for o in pdf.objects
                   if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Figure"]
        assert [str(f.Alt) for f in figures] == ["Figure 1: Car parks in the town centre"]
        assert len(figures[0].A.BBox) == 4
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


def test_figure_without_description_is_flagged_not_invented(html_pdf: HtmlPdf) -> None:
    body = f"<h1>Photo</h1><p>The new library.</p><img src='{png_data_uri(300, 200)}'>"
    source = html_pdf(body)
    result = convert(source, ConversionOptions(OutputFormat.TAGGED_PDF), max_pages=10)

    assert "missing-alt-text" in result.review_reasons
    notes = result.report["notes"]
    assert isinstance(notes, list)
    assert any("figure on page 1 has no alternative text" in str(n) for n in notes)
    with pikepdf.open(io.BytesIO(result.content)) as pdf:
        figures = [o for o in pdf.objects
                   if isinstance(o, pikepdf.Dictionary) and o.get("/S") == "/Figure"]
        assert len(figures) == 1 and "/Alt" not in figures[0]
    path = source.with_name("flagged.pdf")
    path.write_bytes(result.content)
    (verdict,) = pdfua_check(path)
    assert set(verdict["failed_rules"]) == {"7.3-1"}  # only the missing description


def test_form_xobject_reused_across_pages(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    # One page's drawing turned into a Form XObject and painted on three pages.
    original = html_pdf("<h1>Notice</h1><p>The road will be closed on Sunday.</p>")
    source = tmp_path / "reused-form.pdf"
    with pikepdf.open(original) as pdf:
        form = pdf.pages[0].as_form_xobject()
        for _ in range(2):
            pdf.add_blank_page(page_size=(595.27, 841.89))
        for page in pdf.pages:
            page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=form))
            page.obj.Contents = pdf.make_stream(b"q /Fm0 Do Q")
        pdf.save(source)

    result = tag_and_check(source)

    assert result.check("content-tagged")["passed"], result.report
    assert result.check("pixels")["passed"], result.report
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


def test_link_annotation_without_appearance(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    source = tmp_path / "no-appearance.pdf"
    with pikepdf.open(html_pdf("<h1>Contact</h1><p>Write to us at the town hall.</p>")) as pdf:
        link = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[56, 700, 300, 720],
            A=pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String("https://example.org/")),
        ))
        pdf.pages[0].obj.Annots = pdf.make_indirect(pikepdf.Array([link]))
        pdf.save(source)

    result = tag_and_check(source)

    assert result.check("annotations")["passed"], result.report
    assert result.check("pixels")["passed"], result.report
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


@pytest.mark.parametrize("pages", [1, 3])
def test_pipeline_output_passes_its_own_checks(make_pdf: object, pages: int) -> None:
    assert callable(make_pdf)
    source = make_pdf([[f"Page {n} says hello.", "A second paragraph."] for n in range(pages)],
                      title="Greetings")
    result = convert(source, ConversionOptions(OutputFormat.TAGGED_PDF), max_pages=10)
    assert result.report["passed"], result.report
    assert result.review_reasons == ()
