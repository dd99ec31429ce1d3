"""A table framed and ruled down between its columns, its rows under the head not ruled
apart (as fpdf2 draws an HTML table), reads a row a line even where a column's values start
in lower case ("officer", "repair"): text wraps only where the next word does not fit, and
each of these had room on the line above it (tables._had_room). A cell's text that does
wrap still goes on."""

from __future__ import annotations

from pathlib import Path

from tests.engine.content_pdfs import text_page_pdf
from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

#: The columns' left edges and the table's right edge; the rows' baselines.
EDGES = [72.0, 232.0, 392.0, 552.0]
TOP = 700.0
STEP = 14.0


def _show(x: float, y: float, text: str) -> bytes:
    return f"BT /F1 10 Tf {x + 3} {y} Td ({text}) Tj ET".encode()


def _table(path: Path, rows: list[list[str]]) -> Path:
    """The table as fpdf2 draws an HTML table: the rules down drawn row by row (each piece
    a row high, so every row's cells are boxed at their sides), rules across only over and
    under the head and under the last row."""
    ops = [b"0.5 w"]
    for r in range(len(rows)):
        top, bottom = TOP + 10 - STEP * r, TOP + 10 - STEP * (r + 1)
        ops += [f"{x} {bottom} m {x} {top} l S".encode() for x in EDGES]
    for y in (TOP + 10, TOP + 10 - STEP, TOP + 10 - STEP * len(rows)):
        ops.append(f"{EDGES[0]} {y} m {EDGES[-1]} {y} l S".encode())
    for r, row in enumerate(rows):
        ops += [_show(EDGES[k], TOP - STEP * r, text) for k, text in enumerate(row) if text]
    return text_page_pdf(path, ops)


def _rows(path: Path) -> list[list[str]]:
    doc = read_layout(path, max_pages=1)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    return [[getattr(cell, "text", "") for cell in row.cells] for row in table.rows]


def test_short_values_in_lower_case_are_rows_of_their_own(tmp_path: Path) -> None:
    rows = [["Priority", "Response", "Example"], ["Emergency", "25 days", "officer"],
            ["Urgent", "13 days", "repair"], ["Emergency", "3 days", "inspection"],
            ["Routine", "21 days", "landlord"]]
    assert _rows(_table(tmp_path / "short.pdf", rows)) == rows


def test_a_wrapped_cell_still_goes_on(tmp_path: Path) -> None:
    # The last column's text fills its line and goes on in lower case under it: one row.
    rows = [["Priority", "Response", "Example"],
            ["Emergency", "25 days", "heating has failed for a tenant"],
            ["", "", "who is elderly or unwell"],
            ["Routine", "21 days", "Landlord"]]
    found = _rows(_table(tmp_path / "wrapped.pdf", rows))
    assert len(found) == 3
    assert found[1][2] == "heating has failed for a tenant who is elderly or unwell"
