"""A ruled table the column break cuts, on a page set in two columns.

Its first rows close the left column, the rest open the right one, its columns where the
first piece's stand moved over by the columns' pitch: one table, as a table cut by a page
break is. Two tables side by side of another width, or a table under text at the top of the
next column, stay apart.
"""

from __future__ import annotations

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf

COLUMNS = (
    "@page { size: A4; margin: 2cm }"
    " .cols { column-count: 2; column-gap: 1cm }"
    " table { width: 100%; border-collapse: collapse }"
    " td, th { border: 0.5pt solid #888; padding: 2pt; text-align: left }"
)


def _rows(count: int) -> str:
    return "".join(
        f"<tr><td>{k}</td><td>Item {k} name</td><td>{k * 37 % 101}.{k % 10} kg</td></tr>"
        for k in range(1, count + 1)
    )


def _tables(pdf_body: str, html_pdf: HtmlPdf) -> list[Table]:
    doc = read_layout(html_pdf(pdf_body, css=COLUMNS), max_pages=1)
    return [b for b in doc.blocks if isinstance(b, Table)]


def test_a_table_cut_by_the_column_break_is_one_table(html_pdf: HtmlPdf) -> None:
    body = (
        "<div class='cols'><h1>Weights</h1>"
        + f"<p>{LOREM * 4}</p>"
        + "<table><tr><th>No.</th><th>Name</th><th>Weight</th></tr>"
        + _rows(40) + "</table></div>"
    )
    tables = _tables(body, html_pdf)
    assert len(tables) == 1
    boxes = [p.bbox for p in tables[0].prov]
    assert len(boxes) == 2 and boxes[1].x0 > boxes[0].x1  # (one piece in each column)
    firsts = [row.cells[0].text for row in tables[0].rows]
    assert "1" in firsts and "40" in firsts


def test_a_table_under_text_atop_the_next_column_stays_apart(html_pdf: HtmlPdf) -> None:
    # The second table opens with a paragraph over it: not the first one's rest.
    body = (
        "<div class='cols'><h1>Weights</h1>"
        + f"<p>{LOREM * 4}</p>"
        + "<table><tr><th>No.</th><th>Name</th><th>Weight</th></tr>"
        + _rows(18) + "</table>"
        + "<p style='break-before: column'>The second lot, weighed again.</p>"
        + "<table>" + _rows(12) + "</table></div>"
    )
    tables = _tables(body, html_pdf)
    assert len(tables) == 2
