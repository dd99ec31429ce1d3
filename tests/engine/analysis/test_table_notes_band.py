"""A ruled table whose notes sit in a band across all its columns under the grid (one cell
spanning the columns, no column rule through it): its notes may run long, past what a
cell of data holds, and the grid is still a table. A frame round a paragraph with only
a row or two of boxes over it is still no table. Small PDFs made here from HTML."""

from __future__ import annotations

from workers.engine.document import Table, block_text
from workers.engine.layout.reader import read_layout

from .conftest import HtmlPdf

CSS = "table { border-collapse: collapse } td { border: 1px solid black; padding: 2pt 8pt }"
NOTES = (
    "(1) Not required if the coolant is oil taken from the main cooling system of the engine."
    " (2) Where the outlet flow cannot be monitored owing to the engine's design, another"
    " arrangement may be accepted. (3) For engines of 220 kW and above. (4) Indication is"
    " required after each cylinder, for engines of 500 kW per cylinder and above."
)
ROWS = [("Fuel oil pressure after filter", "L", "local"),
        ("Lubricating oil inlet temperature", "H", "local"),
        ("Piston coolant inlet pressure (1)", "L", "local"),
        ("Exhaust gas temperature (4)", "H", "local")]


def _table(rows: list[tuple[str, str, str]]) -> str:
    body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    return (
        "<p>Table 4: Monitoring of main propulsion engines</p>"
        f"<table>{body}<tr><td colspan='3'>{NOTES}</td></tr></table><p>After the table.</p>"
    )


def test_long_notes_across_a_ruled_table_leave_it_a_table(html_pdf: HtmlPdf) -> None:
    assert len(NOTES.split()) > 40  # (more words than a cell of data holds)
    doc = read_layout(html_pdf(_table(ROWS), css=CSS), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[:4] == [list(row) for row in ROWS]
    assert "Not required if the coolant" in " ".join(c for row in cells[4:] for c in row)


def test_a_frame_round_a_paragraph_under_two_rows_of_boxes_is_no_table(
    html_pdf: HtmlPdf,
) -> None:
    # Two rows of boxes over the long text: too few rows of cells for a grid of data.
    doc = read_layout(html_pdf(_table(ROWS[:2]), css=CSS), max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert any(block_text(b).startswith("(1) Not required") for b in doc.blocks)
