"""A line of a left-hand column reaching into the gutter (a program's name too long to
break, set past the column's edge) leaves the page two columns: the gutter the other lines
keep clear is found past it (:func:`workers.engine.layout.order._split_past_overhangs`), and
the columns are read one after the other. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from ..content_pdfs import fonts_page_pdf
from .test_spanning_heads import LEFT, RIGHT, in_order, paragraph, read


def test_a_line_reaching_into_the_gutter_leaves_two_columns(tmp_path: Path) -> None:
    # A program's name too long to break (Courier, 41 characters: 246 points) runs from the
    # left column's edge to 318, 2 points short of the right column (between two of its
    # paragraphs): no band runs clear down the page, but the other lines keep it clear.
    long_name = "std::basic_string::resize_and_overwrite()"
    ops = [
        *paragraph(LEFT, 750, "Alpha", 8),
        f"BT /F2 10 Tf {LEFT} 645 Td ({long_name}) Tj ET".encode(),
        *paragraph(LEFT, 620, "Bravo", 8),
        *paragraph(RIGHT, 750, "Charlie", 8),
        *paragraph(RIGHT, 630, "Delta", 8),
    ]
    path = fonts_page_pdf(
        tmp_path / "overhang.pdf", ops, {"F1": "/Helvetica", "F2": "/Courier"}
    )
    assert in_order(read(path), ["Alpha", "resize_and_overwrite", "Bravo", "Charlie", "Delta"])
