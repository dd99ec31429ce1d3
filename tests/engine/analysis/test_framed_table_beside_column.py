"""A table framed by rules, set in the left column of a page, ends at its frame: the right
column's lines level with its rows are no cells of it (rules only between the columns, none
down the outer edges, would leave labels and figures past the last rule to be the table's;
:func:`workers.engine.layout.tables._widened_to_row_ends`). Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from ..content_pdfs import text_page_pdf
from .test_spanning_heads import LEFT, RIGHT, in_order, paragraph, read

#: The table's columns' edges, its top and its rows' height (points).
EDGES = (LEFT, 180, 290)
TOP, ROW = 600, 16
NAMES = ["Django", "Pyramid", "Pylons", "Flask", "Tornado"]


def framed_table() -> list[bytes]:
    """A grid ruled all round and between its rows and columns: a name and a package a row."""
    bottom = TOP - ROW * len(NAMES)
    ops = [f"{x} {bottom} m {x} {TOP} l S".encode() for x in EDGES]
    ops += [f"{EDGES[0]} {TOP - ROW * k} m {EDGES[-1]} {TOP - ROW * k} l S".encode()
            for k in range(len(NAMES) + 1)]
    for k, name in enumerate(NAMES):
        y = TOP - ROW * (k + 1) + 4
        ops.append(f"BT /F1 10 Tf {EDGES[0] + 3} {y} Td ({name}) Tj ET".encode())
        ops.append(f"BT /F1 10 Tf {EDGES[1] + 3} {y} Td ({name.lower()}-pkg) Tj ET".encode())
    return ops


def test_the_right_columns_lines_are_no_cells_of_a_framed_table(tmp_path: Path) -> None:
    # The right column's short lines (a bundle's name, a line on what it is for) stand level
    # with the table's rows, past its right-hand rule.
    right = []
    for k in range(len(NAMES)):
        y = TOP - ROW * (k + 1) + 4
        right.append(f"BT /F1 10 Tf {RIGHT} {y} Td (for using bundle{k} here) Tj ET".encode())
    ops = [
        *paragraph(LEFT, 750, "Alpha", 8),
        *framed_table(),
        *paragraph(LEFT, 490, "Bravo", 8),
        *paragraph(RIGHT, 750, "Charlie", 10),
        *right,
        *paragraph(RIGHT, 490, "Delta", 8),
    ]
    path = text_page_pdf(tmp_path / "framed.pdf", ops)
    text = read(path)
    assert in_order(text, ["Alpha", "Django", "Tornado", "Bravo", "Charlie", "bundle0",
                           "bundle4", "Delta"])
