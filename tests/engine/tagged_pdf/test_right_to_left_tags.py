"""Right-to-left lines are drawn as they look (figures left to right, brackets mirrored), and
tagging marks the drawing in the order it is drawn: an element whose marked content reads
otherwise than the model gets the model's text as its ``/ActualText`` (PDF 32000-1 14.9.4),
which screen readers and our structure reader read instead; the others get none."""

from __future__ import annotations

import io
from pathlib import Path
from types import SimpleNamespace

import pikepdf
import pytest

from workers.engine.document import Paragraph
from workers.engine.structure.reader import read_structure
from workers.engine.tagged_pdf import logical_text
from workers.engine.tagged_pdf.checks import check_tagged_pdf, read_tagged_text

from ..analysis.conftest import HtmlPdf
from .conftest import tag_and_check

RTL_CSS = "body { direction: rtl } p { margin: 0 0 1.2em }"
# Drawn "%50" and ") 12 (" (Pango: figures rightwards, neutrals where the bidirectional
# algorithm puts them); read in content order a listener hears them so.
REORDERED = ["حداقل 50% از توليد ساليانه", "مقدار (12) و -5 درجه"]
# Letters only: drawn one by one leftwards, in the order they read.
IN_ORDER = "این یک پاراگراف است"


def _paragraph_elements(content: bytes) -> list[tuple[str | None, str]]:
    """Each P element: its /ActualText (None without one), and the text its marked content
    reads in content order."""
    drawn = iter(read_tagged_text(content))
    out = []
    with pikepdf.open(io.BytesIO(content)) as pdf:
        for element in _elements(pdf.Root.StructTreeRoot):
            text = next(drawn)
            if element.get("/S") == "/P":
                actual = element.get("/ActualText")
                out.append((str(actual) if actual is not None else None, text))
    return out


def _elements(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
    """Elements that draw content, in tree order (as read_tagged_text walks them)."""
    kids = node.get("/K")
    items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
    out: list[pikepdf.Dictionary] = []
    if any(isinstance(k, int) or (isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR")
           for k in items) and node.get("/S") != "/Figure":
        out.append(node)
    for kid in items:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") not in ("/MCR", "/OBJR"):
            out.extend(_elements(kid))
    return out


def test_a_right_to_left_line_drawn_out_of_order_says_its_text(
    html_pdf: HtmlPdf, tmp_path: Path
) -> None:
    source = html_pdf("".join(f"<p>{line}</p>" for line in [*REORDERED, IN_ORDER]),
                      css=RTL_CSS)
    result = tag_and_check(source, tmp_path / "out.pdf")
    assert [b.text for b in result.document.blocks if isinstance(b, Paragraph)] == [
        *REORDERED, IN_ORDER]
    elements = _paragraph_elements(result.tagged.content)
    # Heard: the /ActualText where there is one, else the drawing in content order.
    assert [actual if actual is not None else " ".join(drawn.split())
            for actual, drawn in elements] == [*REORDERED, IN_ORDER]
    # Only where the drawing reads otherwise: the line of letters keeps its drawing.
    assert [actual is not None for actual, _ in elements] == [True, True, False]
    # The drawn characters are still the model's (the fidelity check means something), and
    # the structure reader reads the output's text as the model's.
    assert result.failed() == []
    assert [b.text for b in read_structure(result.output, max_pages=5).blocks
            if isinstance(b, Paragraph)] == [*REORDERED, IN_ORDER]


def test_a_left_to_right_document_gets_no_actual_text(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    source = html_pdf("<p>Total (12) of 50% in 17 496 votes</p><p>Another line</p>",
                      css="p { margin: 0 0 1.2em }")
    result = tag_and_check(source, tmp_path / "out.pdf")
    assert [actual for actual, _ in _paragraph_elements(result.tagged.content)] == [None, None]
    assert result.failed() == []


def test_the_fidelity_check_fails_an_actual_text_saying_other_characters(
    html_pdf: HtmlPdf, tmp_path: Path
) -> None:
    source = html_pdf(f"<p>{REORDERED[0]}</p>", css=RTL_CSS)
    result = tag_and_check(source, tmp_path / "out.pdf")
    assert result.failed() == []
    with pikepdf.open(io.BytesIO(result.tagged.content)) as pdf:
        (element,) = [e for e in _elements(pdf.Root.StructTreeRoot) if "/ActualText" in e]
        element.ActualText = pikepdf.String(REORDERED[0].replace("50", "60"))
        buffer = io.BytesIO()
        pdf.save(buffer)
    report = check_tagged_pdf(buffer.getvalue(), source=source,
                              expected_texts=result.tagged.expected_texts)
    assert [c["id"] for c in report["checks"] if not c["passed"]] == ["text-fidelity"]


def test_a_link_in_a_line_said_as_its_actual_text_is_read_back(
    html_pdf: HtmlPdf, tmp_path: Path
) -> None:
    # The paragraph's /ActualText replaces what it draws for the structure reader; the Link
    # element inside it (the annotation) must still be read as its link.
    line = REORDERED[0].replace("توليد", '<a href="https://example.org/x">توليد</a>')
    result = tag_and_check(html_pdf(f"<p>{line}</p>", css=RTL_CSS), tmp_path / "out.pdf")
    assert [actual is not None for actual, _ in _paragraph_elements(result.tagged.content)] == [
        True]
    (paragraph,) = [b for b in read_structure(result.output, max_pages=5).blocks
                    if isinstance(b, Paragraph)]
    assert paragraph.text == REORDERED[0]
    assert [link.target for link in paragraph.links] == ["https://example.org/x"]


def test_the_output_read_back_for_its_order_is_saved_uncompressed(
    html_pdf: HtmlPdf, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy pdfium reads the right-to-left elements' text from is read once: its streams
    are written as they are, not compressed (the output saved afterwards is compressed)."""
    read: list[bytes] = []
    document = logical_text.pdfium.PdfDocument

    def reading(data: bytes) -> object:
        read.append(data)
        return document(data)

    monkeypatch.setattr(logical_text, "pdfium", SimpleNamespace(PdfDocument=reading))
    source = html_pdf("".join(f"<p>{line}</p>" for line in REORDERED), css=RTL_CSS)
    result = tag_and_check(source, tmp_path / "out.pdf")
    assert len(read) == 1
    with pikepdf.open(io.BytesIO(read[0])) as pdf:
        contents = pdf.pages[0].obj.Contents
        assert "/Filter" not in contents and b"/MCID" in contents.read_raw_bytes()
    assert result.failed() == []
