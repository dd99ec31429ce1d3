"""A list item whose label is told apart from its body: the body's marked content is listed in
the order the item is read, not the order the page draws it in (a body's second line drawn
before its first), so that the structure reader reads the item back as the model."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import ListBlock, Paragraph, block_text
from workers.engine.structure.reader import read_structure
from workers.engine.tagged_pdf.plan import _ordered_as

from ..content_pdfs import text_page_pdf
from .conftest import tag_and_check

FIRST = "The first line of the item says what it is about"
SECOND = "and its second line is drawn before the first"


def _item_texts(blocks: list) -> list[str]:  # type: ignore[type-arg]
    return [block_text(b) for b in blocks if isinstance(b, ListBlock)]


def test_an_item_body_drawn_second_line_first_reads_first_line_first(tmp_path: Path) -> None:
    source = text_page_pdf(tmp_path / "item.pdf", [
        b"BT /F1 12 Tf 72 760 Td (Heading of the page) Tj ET",
        b"BT /F1 11 Tf 72 730 Td (A paragraph before the list, to read it as one.) Tj ET",
        f"BT /F1 11 Tf 84 686 Td ({SECOND}) Tj ET".encode(),
        b"BT /F1 11 Tf 72 700 Td (\x95) Tj ET",
        f"BT /F1 11 Tf 84 700 Td ({FIRST}) Tj ET".encode(),
        b"BT /F1 11 Tf 72 650 Td (\x95) Tj ET",
        b"BT /F1 11 Tf 84 650 Td (A second item of one line) Tj ET",
    ])
    result = tag_and_check(source)
    assert result.check("pixels")["passed"], result.report
    expected = f"{FIRST} {SECOND}"
    model = _item_texts(result.document.blocks)
    assert model and expected in model[0]  # the layout reader reads the top line first
    item = next(b for b in result.document.blocks if isinstance(b, ListBlock)).items[0]
    assert item.label_prov, "the label is drawn apart: the test needs it told apart"
    read = read_structure(result.output, max_pages=5)
    assert any(expected in text for text in _item_texts(read.blocks)), _item_texts(read.blocks)
    assert not any(isinstance(b, Paragraph) and FIRST in b.text for b in read.blocks)


def test_ranges_take_the_order_of_the_ranges_they_are_read_in() -> None:
    # The item reads 30-40 (second part of the body) before 10-20; 5-6 is its label.
    reading = ((5, 6), (30, 40), (10, 20))
    assert _ordered_as(((10, 20), (30, 40)), reading) == ((30, 40), (10, 20))
    # Consecutive pieces read one after the other become one range.
    assert _ordered_as(((10, 14), (14, 20)), ((10, 20),)) == ((10, 20),)
    # Operators the reading does not list: left as they were.
    assert _ordered_as(((10, 20), (50, 60)), reading) == ((10, 20), (50, 60))
