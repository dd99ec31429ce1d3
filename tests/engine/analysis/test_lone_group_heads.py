"""A group's head alone on its line, over a rule running under it across its columns ("Grade"
over "PK", "K", "1" … "6"), heads the group: a head row of its own, not the top line of the
head under it ("Grade 6") (:func:`workers.engine.layout.tables._merge_wrapped_cells`)."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .conftest import LOREM
from .ruled_rows import LEFT, RIGHT, across, figure_rows, show

#: Left edges of the columns: the year, the total, five grades.
XS = (72.0, 130.0, 190.0, 250.0, 310.0, 370.0, 430.0)
GRADES = ("PK", "K", "1", "2", "3")


def _table_ops() -> list[bytes]:
    """A paragraph, then a table ruled across only: its top rule, "Grade" alone on its line
    over its five columns' middle one, a rule under it across them, the columns' heads on
    one line under it, the rule under the heads, five rows of figures."""
    ops = [show(72, 780, LOREM[:90]), across(LEFT, RIGHT, 732)]
    ops += [show(XS[4], 714, "Grade"), across(XS[2], XS[6] + 22, 711.5)]
    ops += [show(x, 703, text) for x, text in zip(XS, ("Year", "Total", *GRADES), strict=True)]
    ops += [across(LEFT, RIGHT, 698)]
    ops += figure_rows(XS)
    ops += [across(LEFT, RIGHT, 624)]
    return ops


def test_a_group_head_alone_on_its_rule_heads_the_columns_under_it(tmp_path: Path) -> None:
    path = text_page_pdf(tmp_path / "grade.pdf", _table_ops())
    (table,) = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]
    heads = [[(c.text, c.row_span, c.col_span, c.header) for c in row.cells]
             for row in table.rows[:2]]
    assert heads == [
        [("Year", 2, 1, True), ("Total", 2, 1, True), ("Grade", 1, 5, True)],
        [(grade, 1, 1, True) for grade in GRADES],
    ]
    assert [c.text for c in table.rows[2].cells][:2] == ["2001", "3,400"]
