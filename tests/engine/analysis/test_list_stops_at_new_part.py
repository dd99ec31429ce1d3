"""A list set at the foot of one column does not go on with the text at the head of the next
when that text opens a new part: a numbered section's title, or a line of its own in bold
after items in a regular face. Other text there goes on with the last item, as before."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from tests.engine.analysis.conftest import HtmlPdf
from tests.engine.content_pdfs import text_page
from workers.engine.document import Document, ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

CSS = (
    "@page { size: A4; margin: 2cm }"
    " body { font: 10pt Helvetica; column-count: 2; column-gap: 1cm }"
    " p { margin: 0 0 4pt }"
    " .item { padding-left: 14pt; text-indent: -14pt }"
    " .next { break-before: column }"
)

_SENTENCE = (
    "The engine is to be run at its rated power while the readings are taken and recorded"
    " by the surveyor in the test report."
)


def _two_columns(html_pdf: HtmlPdf, head: str) -> Document:
    """A lettered list ending at the foot of the first column, ``head`` heading the second
    column, then another lettered list."""
    first = "".join(f"<p>{_SENTENCE} {_SENTENCE}</p>" for _ in range(2)) + "".join(
        f"<p class='item'>{label}) {_SENTENCE}</p>" for label in "abcdefg"
    )
    second = f"<p class='next'>{head}</p>" + "".join(
        f"<p class='item'>{label}) {_SENTENCE}</p>" for label in "abc"
    )
    return read_layout(html_pdf(first + second, css=CSS), max_pages=3)


def _lists_apart(doc: Document, head: str) -> None:
    """The two lists stand apart, each item its one paragraph, ``head`` between them."""
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [[item.label for item in b.items] for b in lists] == [
        [f"{x})" for x in "abcdefg"], ["a)", "b)", "c)"]
    ]
    assert all(
        [p.text for p in item.blocks if isinstance(p, Paragraph)] == [_SENTENCE]
        and len(item.blocks) == 1
        for b in lists for item in b.items
    )
    between = doc.blocks[doc.blocks.index(lists[0]) + 1: doc.blocks.index(lists[1])]
    assert [getattr(b, "text", None) for b in between] == [head]


def test_a_numbered_section_at_a_column_head_ends_the_list(html_pdf: HtmlPdf) -> None:
    # Set in the body's face: only its number says it opens a section.
    head = "4.1.8 Stage C - Opening up for inspections"
    _lists_apart(_two_columns(html_pdf, head), head)


def test_a_bold_lead_in_at_a_column_head_ends_the_list(html_pdf: HtmlPdf) -> None:
    head = "Opening up for inspections:"
    _lists_apart(_two_columns(html_pdf, f"<b>{head}</b>"), head)


def test_a_paragraph_at_a_column_head_goes_on_with_the_item(html_pdf: HtmlPdf) -> None:
    # The last item's second paragraph, past the column break: still the item's.
    doc = _two_columns(html_pdf, "<span style='padding-left: 14pt'>Then the engine stops.</span>")
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    last = lists[0].items[-1]
    assert [p.text for p in last.blocks if isinstance(p, Paragraph)] == [
        _SENTENCE, "Then the engine stops."
    ]


def _bold_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name("/Helvetica-Bold"), Encoding=pikepdf.Name.WinAnsiEncoding,
    ))


def test_an_items_last_line_in_bold_right_under_it_stays_the_items(tmp_path: Path) -> None:
    # A slide's bullet whose last words, in bold, wrap to a line of their own: a block of
    # its own for its face, but no heading: the item's words, read on in its paragraph.
    ops = [
        b"BT /F1 14 Tf 72 760 Td (Duck typing) Tj ET",
        b"BT /F1 11 Tf 72 730 Td (\x95) Tj 14 0 Td"
        b" (Go functional polymorphism is a type-safe realization of) Tj ET",
        b"BT /F2 11 Tf 86 716 Td (duck typing.) Tj ET",
        b"BT /F1 11 Tf 72 696 Td (\x95) Tj 14 0 Td"
        b" (Implicit rule: if something can do this, it can be used here.) Tj ET",
        b"BT /F1 11 Tf 72 676 Td (\x95) Tj 14 0 Td"
        b" (Opportunistic behaviour of the instances of the types.) Tj ET",
    ]
    pdf, page = text_page(b"\n".join(ops))
    page.obj.Resources.Font.F2 = _bold_font(pdf)
    pdf.save(tmp_path / "slide.pdf")
    doc = read_layout(tmp_path / "slide.pdf", max_pages=2)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert [p.text for p in lists[0].items[0].blocks if isinstance(p, Paragraph)] == [
        "Go functional polymorphism is a type-safe realization of duck typing."
    ]
