"""Paragraphs set as a book sets them, with no space between them and the first line of each
indented, are separate paragraphs (:func:`workers.engine.layout.reader._opens_indented_paragraph`);
centred lines and a list item's lines under its label stay one block. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from workers.engine.document import Document, ListItem, Paragraph, block_text
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.lines import fragments
from workers.engine.layout.lines import lines as page_lines
from workers.engine.layout.reader import _text_blocks, read_layout

from .drawn_pdfs import make_pdf

Lines = list[tuple[float, float, str]]

LEFT, INDENT, LEADING = 72.0, 90.0, 14.0
FULL = "the analysis has to find what the layout shows to a sighted reader and say it"


def texts(doc: Document) -> list[str]:
    return [block_text(b) for b in doc.blocks]


def column(rows: list[tuple[float, str]], top: float = 700.0) -> Lines:
    """Lines set close, one under the other: (x, text) from the top."""
    return [(x, top - LEADING * k, text) for k, (x, text) in enumerate(rows)]


def read(tmp_path: Path, lines: Lines) -> Document:
    return read_layout(make_pdf(tmp_path / "page.pdf", [([], lines)]), max_pages=5)


def test_an_indented_first_line_opens_a_paragraph(tmp_path: Path) -> None:
    doc = read(tmp_path, column([
        (INDENT, "Public bodies publish documents that many people read with assistive"),
        (LEFT, FULL),
        (LEFT, "in tags for them."),
        (INDENT, "Second paragraph opens here and it runs on over its three lines with"),
        (LEFT, FULL),
        (LEFT, "to the end."),
    ]))
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert [p.text.split()[0] for p in paragraphs] == ["Public", "Second"]
    assert paragraphs[0].text.endswith("in tags for them.")


def test_a_full_last_line_closing_a_sentence_ends_a_paragraph(tmp_path: Path) -> None:
    # The first paragraph's last line happens to fill the measure: its full stop and the
    # capital of the indented line under it still mark the break.
    doc = read(tmp_path, column([
        (INDENT, "Public bodies publish documents that many people read with assistive"),
        (LEFT, FULL),
        (LEFT, FULL + "."),
        (INDENT, "Second paragraph opens here and it runs on over its three lines with"),
        (LEFT, "to the end."),
    ]))
    assert [t.split()[0] for t in texts(doc)] == ["Public", "Second"]


def test_lines_with_no_indent_stay_one_paragraph(tmp_path: Path) -> None:
    doc = read(tmp_path, column([
        (LEFT, "Public bodies publish documents that many people read with assistive"),
        (LEFT, "short line."),
        (LEFT, FULL),
        (LEFT, "to the end."),
    ]))
    assert len(doc.blocks) == 1


def test_centred_lines_stay_one_block(tmp_path: Path) -> None:
    # Each line centred on the page: every line but the widest starts further in.
    words = ["A report on the publication", "of documents", "for every reader of them all",
             "in tags"]
    lines = [(297.0 - 2.75 * len(w), w) for w in words]
    doc = read(tmp_path, column(lines))
    assert len(doc.blocks) == 1


def test_a_list_items_lines_under_its_label_stay_one_item(tmp_path: Path) -> None:
    doc = read(tmp_path, column([
        (LEFT, "1. Public bodies publish documents that many"),
        (INDENT, "people read with assistive technology, so the"),
        (INDENT, "layout has to be found."),
    ]))
    assert len(doc.blocks) == 1
    assert "layout has to be found" in texts(doc)[0]


def test_a_column_goes_on_beside_a_caption_level_with_its_lines(tmp_path: Path) -> None:
    # A column of text at x=300 whose last lines come level with a note set at the left
    # (ending at x=273 and 278), a gap of less than two line heights between them: each is
    # read on its own, not line by line into the other (_goes_on_below).
    column_lines = [
        "Public bodies publish documents that", "many people read with assistive",
        "technology, so the analysis has to", "find what the layout shows to a",
        "sighted reader and say it in tags", "for those who listen to the page",
        "and those who read it enlarged on", "their screens at home or at work.",
    ]
    lines: Lines = [(300.0, 700.0 - LEADING * k, text) for k, text in enumerate(column_lines)]
    lines += [(72.0, 700.0 - LEADING * 6, "Note 1. Readers by age, in thousands, all"),
              (72.0, 700.0 - LEADING * 7, "counted in the survey of the last spring, by")]
    doc = read(tmp_path, lines)
    found = texts(doc)
    column = next(t for t in found if t.startswith("Public"))
    assert column.endswith("at home or at work.")
    assert "Readers" not in column
    assert any(t.startswith("Note 1. Readers by age") for t in found)


def test_a_credit_turned_up_beside_a_paragraph_is_no_piece_of_its_lines(
    tmp_path: Path,
) -> None:
    # A photo credit running up the side of a picture, just right of a paragraph's line
    # ends (6 points past the third): level with its lines, but no piece of them. (Blocks
    # built from the page's lines directly: alone beside the text, as here, the credit is
    # set aside before the blocks are built; beside a picture among other text it is not.)
    paragraph = [
        "Public bodies publish documents", "many people read with assistive",
        "technology, so the analysis has to", "find what the layout shows to the",
    ]
    lines: Lines = [(72.0, 700.0 - LEADING * k, text) for k, text in enumerate(paragraph)]
    credit = "BT /F1 7 Tf 0 1 -1 0 250 640 Tm (Photo Credit Agency) Tj ET"
    path = make_pdf(tmp_path / "page.pdf", [([], lines)], shapes=[credit])
    document = pdfium.PdfDocument(path)
    try:
        content = read_page(document, 0)
    finally:
        document.close()
    frags = [f for line in page_lines(fragments(content.glyphs)) for f in line.fragments]
    found = [b.text for b in _text_blocks(frags, 0)]
    assert "Photo Credit Agency" in found
    assert any(t.endswith("find what the layout shows to the") for t in found)


def test_a_numbers_text_stays_with_it_under_the_item_above(tmp_path: Path) -> None:
    # Items with hanging indents: each number's text starts where the lines of the item
    # above start, past a gap wider than a word space, and still goes with its number.
    doc = read(tmp_path, [
        (LEFT, 700.0, "1."), (100.0, 700.0, "Public bodies publish documents that many"),
        (100.0, 686.0, "people read with assistive technology, so"),
        (100.0, 672.0, "the layout has to be found."),
        (LEFT, 658.0, "2."), (100.0, 658.0, "A second point follows the first one here."),
    ])
    items = [b for b in doc.walk() if isinstance(b, ListItem)]
    assert [block_text(i) for i in items] == [
        "1. Public bodies publish documents that many people read with assistive technology,"
        " so the layout has to be found.",
        "2. A second point follows the first one here.",
    ]
