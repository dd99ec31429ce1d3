"""A grid ruled cell by cell under a title across it, as a manual's page head is drawn.

DocBook's page head: the manual's title in one cell across the grid, over a row of links to
the pages before and after, the cell between them left blank. The rules down part every band
of text but the title's: a table (its maker's tags say so), not a picture.
"""

from __future__ import annotations

from workers.engine.document import Figure, Table, block_text
from workers.engine.layout.reader import read_layout

from .conftest import HtmlPdf

GRID = "table { border-collapse: collapse } td { border: 0.5pt solid #888; padding: 2pt }"
PROSE = (
    "In discussions about the previous systems used by several desktops, it was clear that "
    "the differences between the databases were simply a result of them being separate."
)


def _page(top: str) -> str:
    return (
        f"<table><tr><td colspan='3'>{top}</td></tr>"
        "<tr><td><a href='#a'>Prev</a></td><td></td><td><a href='#b'>Next</a></td></tr>"
        f"</table><hr><h1>Unified system</h1><p>{PROSE}</p><p>{PROSE}</p>"
    )


def test_a_title_over_a_row_of_links_ruled_cell_by_cell_is_a_table(html_pdf: HtmlPdf) -> None:
    pdf = html_pdf(_page("<b>Shared MIME-info Database</b>"), css=GRID)
    blocks = read_layout(pdf, max_pages=1).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    text = block_text(tables[0])
    assert "Shared MIME-info Database" in text and "Prev" in text and "Next" in text
    assert not [b for b in blocks if isinstance(b, Figure)]

