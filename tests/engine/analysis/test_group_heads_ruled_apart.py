"""Group heads side by side over one rule drawn on under them all, parted by short rules
down standing on it ("Total", "Male", "Female" over their columns, as statistical abstracts
set them): each group's head spans its own columns, and a group's head centred or set
flush over the middle one of its columns is not a line of that column's wrapped head, the
rule under it parting them (:func:`workers.engine.layout.tables._under_spanner_rules`).
Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .conftest import LOREM

LEFT, RIGHT = 72.0, 380.0
#: Left edges of the columns: the offence, then each group's total, young and grown.
XS = (72.0, 175.0, 205.0, 240.0, 280.0, 310.0, 345.0)
#: Where each group's columns start and end: the rule under the heads is cut here.
GROUPS = ((168.0, 272.0), (272.0, RIGHT))


def _show(x: float, y: float, text: str) -> bytes:
    return f"BT /F1 7 Tf {x} {y} Td ({text}) Tj ET".encode()


def _across(left: float, right: float, y: float) -> bytes:
    return f"{left} {y} {right - left} 0.6 re f".encode()


def _down(x: float, bottom: float, top: float) -> bytes:
    return f"{x} {bottom} 0.6 {top - bottom} re f".encode()


def _table_ops(parted: bool) -> list[bytes]:
    """A paragraph, then a table: its top rule; "Total" and "Male" each flush over the
    middle one of its three columns, on one rule drawn on under both (parted by rules down
    between them when ``parted``); the columns' heads under it, "Under 18" over "years" and
    "18 years" over "and over" wrapped, tightly leaded, "Total" on their last line; the rule
    under the heads; five rows of figures."""
    ops = [_show(72, 780, LOREM[:90]), _across(LEFT, RIGHT, 738)]
    ops += [_show(XS[2], 728, "Total"), _show(XS[5], 728, "Male")]
    ops += [_across(GROUPS[0][0], RIGHT, 725.6)]
    if parted:
        ops += [_down(x, 725.6, 738) for x in (GROUPS[0][0], GROUPS[1][0])]
    for first in (1, 4):
        ops += [_show(XS[first + 1], 719, "Under 18"), _show(XS[first + 2], 719, "18 years")]
        ops += [_show(XS[first], 712.5, "Total"), _show(XS[first + 1], 712.5, "years"),
                _show(XS[first + 2], 712.5, "and over")]
    ops += [_show(XS[0], 712.5, "Offense")]
    ops += [_across(LEFT, RIGHT, 708)]
    for r in range(5):
        y = 698 - 9 * r
        ops += [_show(XS[0], y, f"Forgery and counterfeiting {r + 1}")]
        ops += [_show(x, y, f"{3 + k}.{r}") for k, x in enumerate(XS[1:])]
    ops += [_across(LEFT, RIGHT, 650)]
    return ops


def _table(path: Path) -> Table:
    (table,) = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]
    return table


def test_group_heads_parted_by_rules_down_span_their_own_columns(tmp_path: Path) -> None:
    table = _table(text_page_pdf(tmp_path / "parted.pdf", _table_ops(parted=True)))
    heads = [[(c.text, c.row_span, c.col_span) for c in row.cells if c.text]
             for row in table.rows[:2]]
    assert heads == [
        [("Offense", 2, 1), ("Total", 1, 3), ("Male", 1, 3)],
        [("Total", 1, 1), ("Under 18 years", 1, 1), ("18 years and over", 1, 1)] * 2,
    ]
    assert [c.text for c in table.rows[2].cells] == [
        "Forgery and counterfeiting 1", "3.0", "4.0", "5.0", "6.0", "7.0", "8.0"]
