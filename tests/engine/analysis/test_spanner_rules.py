"""A group's head over a rule running under it across some of a table's columns (a
"spanner" rule, in a table no rule parts down) spans those columns, though it is set over a
gutter between two of them; heads wrapped upwards over lines in their columns, set on the
line of the other columns' heads, are one cell each, and a head with nothing over it spans
the head rows (:func:`workers.engine.layout.tables._under_spanner_rules`). Small PDFs drawn
here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .conftest import LOREM
from .ruled_rows import LEFT, RIGHT, across, figure_rows, show

#: Left edges of the columns: the year, four grades, all grades.
XS = (72.0, 130.0, 190.0, 250.0, 310.0, 420.0)


def _table_ops(spanner: bool) -> list[bytes]:
    """A paragraph, then a table ruled across only: its top rule, "Grade" centred over its
    four columns (over the gutter between the second and third), a rule under it across
    those columns when ``spanner``, the columns' heads on one line under it ("All" over
    "grades" wrapped upwards in the last, on the line of "Grade"), the rule under the
    heads, five rows of figures."""
    ops = [show(72, 780, LOREM[:90]), across(LEFT, RIGHT, 732)]
    ops += [show(221, 714, "Grade")]
    if spanner:
        ops += [across(XS[1], XS[4] + 22, 711.5)]
    ops += [show(x, 703, text) for x, text in zip(XS, ("Year", "7", "8", "9", "10"),
                                                   strict=False)]
    ops += [show(XS[5], 714, "All"), show(XS[5], 703, "grades")]
    ops += [across(LEFT, RIGHT, 698)]
    ops += figure_rows(XS)
    ops += [across(LEFT, RIGHT, 624)]
    return ops


def _table(path: Path) -> Table:
    (table,) = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]
    return table


def test_a_head_over_a_spanner_rule_spans_the_columns_it_runs_over(tmp_path: Path) -> None:
    table = _table(text_page_pdf(tmp_path / "spanner.pdf", _table_ops(spanner=True)))
    heads = [[(c.text, c.row_span, c.col_span, c.header) for c in row.cells]
             for row in table.rows[:2]]
    # (The year's and the last column's heads, nothing over them, span both head rows.)
    assert heads == [
        [("Year", 2, 1, True), ("Grade", 1, 4, True), ("All grades", 2, 1, True)],
        [(grade, 1, 1, True) for grade in ("7", "8", "9", "10")],
    ]
    assert [c.text for c in table.rows[2].cells] == [
        "2001", "3,400", "4,401", "5,402", "6,403", "7,404"]
