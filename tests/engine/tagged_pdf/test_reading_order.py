"""An element's marked-content sequences are listed in the order its text is read, which is
not always the order the page draws them in (lines drawn bottom first, a right-to-left line
drawn word by word from the left): the structure reader reads the tags back as the model."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Paragraph
from workers.engine.structure.reader import read_structure

from ..content_pdfs import text_page_pdf
from .conftest import tag_and_check

FIRST = "The opening line of the paragraph is at the top"
SECOND = "and its second line is drawn before it"


def test_a_paragraph_drawn_bottom_line_first_reads_top_line_first(tmp_path: Path) -> None:
    source = text_page_pdf(tmp_path / "lines.pdf", [
        b"BT /F1 12 Tf 72 760 Td (Heading of the page) Tj ET",
        f"BT /F1 11 Tf 72 686 Td ({SECOND}) Tj ET".encode(),
        f"BT /F1 11 Tf 72 700 Td ({FIRST}) Tj ET".encode(),
    ])
    result = tag_and_check(source)
    assert result.check("pixels")["passed"], result.report
    model = [b.text for b in result.document.blocks if isinstance(b, Paragraph)]
    assert f"{FIRST} {SECOND}" in model  # the layout reader reads the top line first
    read = read_structure(result.output, max_pages=5)
    assert f"{FIRST} {SECOND}" in [b.text for b in read.blocks if isinstance(b, Paragraph)]



def test_a_line_drawn_after_the_lines_around_it_is_read_between_them(tmp_path: Path) -> None:
    lines = ["The first line of a paragraph of three", "the middle line is drawn last of all",
             "and the third line closes the paragraph"]
    source = text_page_pdf(tmp_path / "middle.pdf", [
        b"BT /F1 12 Tf 72 760 Td (Heading of the page) Tj ET",
        f"BT /F1 11 Tf 72 700 Td ({lines[0]}) Tj ET".encode(),
        f"BT /F1 11 Tf 72 672 Td ({lines[2]}) Tj ET".encode(),
        f"BT /F1 11 Tf 72 686 Td ({lines[1]}) Tj ET".encode(),
    ])
    result = tag_and_check(source)
    assert result.check("pixels")["passed"], result.report
    text = " ".join(lines)
    assert text in [b.text for b in result.document.blocks if isinstance(b, Paragraph)]
    read = read_structure(result.output, max_pages=5)
    assert text in [b.text for b in read.blocks if isinstance(b, Paragraph)]



def test_lines_drawn_out_of_order_inside_one_text_object_are_read_in_order(
    tmp_path: Path
) -> None:
    # One text object draws a paragraph's second line, then its first above it (as
    # syntax-highlighted code can draw a pass of one colour over several lines at once).
    source = text_page_pdf(tmp_path / "inside.pdf", [
        b"BT /F1 12 Tf 72 760 Td (Heading of the page) Tj ET",
        f"BT /F1 11 Tf 72 686 Td ({SECOND}) Tj 0 14 Td ({FIRST}) Tj ET".encode(),
    ])
    result = tag_and_check(source)
    assert result.check("pixels")["passed"], result.report
    text = f"{FIRST} {SECOND}"
    assert text in [b.text for b in result.document.blocks if isinstance(b, Paragraph)]
    read = read_structure(result.output, max_pages=5)
    assert text in [b.text for b in read.blocks if isinstance(b, Paragraph)]


# Letters a-j read as Hebrew alef-yod (the font's ToUnicode map): right-to-left text drawn
# with a standard font, as a test can write it.
_HEBREW_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Hebrew-test def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfrange <61> <6A> <05D0> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


def test_a_right_to_left_line_drawn_from_the_left_reads_from_the_right(tmp_path: Path) -> None:
    # Three words, each drawn left to right as it is seen (its letters reversed), the
    # leftmost word first: read from the right, they are alef-bet-gimel, dalet-he-vav, ...
    source = text_page_pdf(tmp_path / "rtl.pdf", [
        b"BT /F1 12 Tf 72 760 Td (TITLE) Tj ET",
        b"BT /F1 12 Tf 200 700 Td (ihg) Tj ET",
        b"BT /F1 12 Tf 230 700 Td (fed) Tj ET",
        b"BT /F1 12 Tf 260 700 Td (cba) Tj ET",
    ])
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        font = pdf.pages[0].obj.Resources.Font.F1
        font.ToUnicode = pdf.make_stream(_HEBREW_CMAP)
        pdf.save(source)
    words = "\u05d0\u05d1\u05d2 \u05d3\u05d4\u05d5 \u05d6\u05d7\u05d8"
    result = tag_and_check(source)
    assert result.check("pixels")["passed"], result.report
    assert words in [b.text for b in result.document.blocks if isinstance(b, Paragraph)]
    read = read_structure(result.output, max_pages=5)
    assert words in [b.text for b in read.blocks if isinstance(b, Paragraph)]
