"""A table's title set in its ruled grid's first row, over some of its columns, in a larger
face than any of the table's text, is read as text before the table, not as the head of
the columns it stands over; the heads under it stay heads
(:func:`workers.engine.layout.tables._title_row`). Small PDFs made here from HTML."""

from __future__ import annotations

from workers.engine.document import Table, block_text
from workers.engine.layout.reader import read_layout

from .conftest import HtmlPdf

CSS = ("table { border-collapse: collapse; font-size: 8pt } td { border: 1px solid black;"
       " padding: 2pt 6pt } .title { font-size: 14pt; font-weight: bold }")
TITLE = "Background Checks for November"
GROUPS = "<tr><td></td><td colspan='2'>Pre-Pawn</td><td colspan='2'>Redemption</td><td></td></tr>"
HEADS = ("<tr><td>State</td><td>Handgun</td><td>Long Gun</td><td>Handgun</td>"
         "<td>Long Gun</td><td>Totals</td></tr>")
BODY = "".join(
    f"<tr><td>{state}</td>" + "".join(f"<td>{n + k}</td>" for k in range(5)) + "</tr>"
    for state, n in [("Alabama", 14), ("Alaska", 9), ("Arizona", 5), ("Arkansas", 12)]
)


def test_a_title_over_some_columns_of_the_grid_is_read_before_the_table(
    html_pdf: HtmlPdf,
) -> None:
    html = (
        "<p>The checks initiated through the system, by state, for the month.</p><table>"
        f"<tr><td></td><td colspan='4' style='text-align: center'>"
        f"<span class='title'>{TITLE}</span></td><td></td></tr>"
        f"{GROUPS}{HEADS}{BODY}</table>"
    )
    doc = read_layout(html_pdf(html, css=CSS), max_pages=5)
    texts = [block_text(b) for b in doc.blocks]
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert TITLE in texts and texts.index(TITLE) < doc.blocks.index(table)
    cells = [[(c.text, c.header) for c in row.cells] for row in table.rows]
    assert not any(TITLE in text for row in cells for text, _ in row)
    assert ("State", True) in cells[1] and ("Alabama", False) in cells[2]
