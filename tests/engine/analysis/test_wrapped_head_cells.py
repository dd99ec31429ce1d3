"""A column's head wrapped onto a second line in its column is one header cell, not two head
rows: spreadsheets and word processors wrap long heads ("Annual" over "percentage rate") in
the heads they draw over a ruled grid, and a screen reader says the cell's whole name with
each figure under it (:func:`workers.engine.layout.tables._headed`). Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .conftest import LOREM

#: The columns' edges: loan type, two rates under one group head, the reference rate.
XS = (72.0, 172.0, 262.0, 352.0, 472.0)
#: The body grid's rules across (three rows), under the heads' band (700 to 740).
BODY = (696.0, 676.0, 656.0, 636.0)
ROWS = [("Standard", "5.37%", "5.51%", "Variable"), ("Fixed", "4.04%", "5.38%", "Fixed"),
        ("Extra", "3.84%", "4.39%", "Extra")]


def _show(x: float, y: float, text: str, size: float = 8) -> bytes:
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET".encode()


def _rule(x: float, y: float, width: float, height: float) -> bytes:
    return f"{x} {y} {width} {height} re f".encode()


def _heads_over_grid(leading: float) -> list[bytes]:
    """A paragraph, then heads drawn over a ruled grid, apart from it: the group head
    "Rates p.a." centred over its two columns, a rule under it between them, and under it each
    column's head on two lines (``leading`` apart); "Reference" over "rate" in the last
    column, "Loan type" on one line in the first, both set by the middle of the band."""
    ops = [_show(72, 780, LOREM[:90], 10)]
    # (The heads' own rules: one under the group head, its columns' edges down the band.)
    ops += [_rule(XS[1], 719.75, XS[3] - XS[1], 0.5)]
    ops += [_rule(x, 700, 0.5, 40) for x in (XS[1], XS[3])]
    ops += [_rule(XS[2], 700, 0.5, 20)]
    ops += [_show(78, 717, "Loan type"), _show(243, 726, "Rates p.a.")]
    ops += [_show(360, 720 + leading / 2, "Reference"), _show(360, 720 - leading / 2, "rate")]
    ops += [_show(180, 712, "Annual"), _show(180, 712 - leading, "percentage rate")]
    ops += [_show(270, 712, "Comparison"), _show(270, 712 - leading, "rate")]
    ops += [_rule(XS[0], y, XS[-1] - XS[0], 0.5) for y in BODY]
    ops += [_rule(x, BODY[-1], 0.5, BODY[0] - BODY[-1]) for x in XS]
    for r, row in enumerate(ROWS):
        ops += [_show(XS[c] + 6, BODY[r] - 14, text) for c, text in enumerate(row)]
    return ops


def _table(path: Path) -> Table:
    (table,) = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]
    return table


def _heads(table: Table) -> list[list[tuple[str, int, int]]]:
    return [
        [(c.text, c.row_span, c.col_span) for c in row.cells]
        for row in table.rows if row.cells and all(c.header for c in row.cells)
    ]


def test_a_head_wrapped_in_its_column_is_one_cell(tmp_path: Path) -> None:
    table = _table(text_page_pdf(tmp_path / "wrapped.pdf", _heads_over_grid(9)))
    heads = _heads(table)
    assert heads == [
        [("Loan type", 2, 1), ("Rates p.a.", 1, 2), ("Reference rate", 2, 1)],
        [("Annual percentage rate", 1, 1), ("Comparison rate", 1, 1)],
    ]
    assert [c.text for c in table.rows[2].cells] == list(ROWS[0])

