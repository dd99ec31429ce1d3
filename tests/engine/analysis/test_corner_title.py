"""A title set in the top-left cell of a ruled table (a form's "Dependents:" beside the
heads of the table's other columns, over its first column's own head), in a larger face than
any of the table's text: read as text before the table, not as its first cell. A title row
across all the columns stays the table's. Small PDFs made here from HTML."""

from __future__ import annotations

from workers.engine.document import Table, block_text
from workers.engine.layout.reader import read_layout

from .conftest import HtmlPdf

CSS = ("table { border-collapse: collapse; font-size: 8pt } td { border: 1px solid black;"
       " padding: 2pt 6pt } .title { font-size: 11pt; font-weight: bold }")
HEADS = "<td>(2) Social security number</td><td>(3) Relationship to you</td>"
BODY = "".join(
    f"<tr><td>{name}</td><td>{number}</td><td>{kin}</td></tr>"
    for name, number, kin in [("Ann Smith", "123-45-6789", "Daughter"),
                              ("Bob Smith", "987-65-4321", "Son")]
)


def _cells(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_a_title_in_the_top_left_cell_is_read_before_the_table(html_pdf: HtmlPdf) -> None:
    html = (
        "<p>Filing status and exemptions are claimed below.</p><table>"
        f"<tr><td><span class='title'>Dependents:</span></td>{HEADS}</tr>"
        f"<tr><td>(1) First name Last name</td><td></td><td></td></tr>{BODY}</table>"
    )
    doc = read_layout(html_pdf(html, css=CSS), max_pages=5)
    texts = [block_text(b) for b in doc.blocks]
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert "Dependents:" in texts
    assert texts.index("Dependents:") < doc.blocks.index(table)
    cells = _cells(table)
    assert not any("Dependents" in c for row in cells for c in row)
    assert ["(1) First name Last name", "", ""] in cells


def test_a_title_row_across_the_columns_stays_in_the_table(html_pdf: HtmlPdf) -> None:
    html = (
        "<p>Filing status and exemptions are claimed below.</p><table>"
        "<tr><td colspan='3'><span class='title'>Dependents:</span></td></tr>"
        f"<tr><td>(1) First name Last name</td>{HEADS}</tr>{BODY}</table>"
    )
    doc = read_layout(html_pdf(html, css=CSS), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table)[0][0] == "Dependents:"
