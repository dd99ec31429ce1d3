"""Ruled grids as WeasyPrint (and a browser) draws them: a rule a cell edge, often not joined.

A manual's table of commands beside what each does is a table however long its descriptions
run; a menu of links ruled a row each, read as text, is still no picture: its rules frame text.
"""

from __future__ import annotations

from workers.engine.document import Figure, Table, block_text
from workers.engine.layout.reader import read_layout

from .conftest import HtmlPdf

DESCRIPTION = (
    "browse the dependency graph in a web browser; clicking a file focuses the view on that "
    "file, showing its inputs and its outputs. This feature needs an interpreter installed, "
    "and by default it serves the page on a port of its own and opens a browser window on "
    "it, both of which can be changed with options given after two dashes on the line"
)
TERMS = ("query", "browse", "graph", "targets")
#: Collapsed borders: WeasyPrint strokes each cell's edges apart, rules that meet but are not
#: joined (a browser fills a thin rectangle an edge).
GRID = (
    "table { width: 80%; border-collapse: collapse }"
    " td { border: 0.5pt solid #888; padding: 6pt; vertical-align: top }"
    " td:first-child { width: 30% }"
)


def test_a_ruled_table_of_terms_with_long_descriptions_is_a_table(html_pdf: HtmlPdf) -> None:
    # Each description runs to some fifty words: no frame around a paragraph, as each row's
    # first cell is a term of a word, the column rules parting the rows.
    rows = "".join(f"<tr><td><code>{t}</code></td><td>{DESCRIPTION}</td></tr>" for t in TERMS)
    pdf = html_pdf(
        "<h1>Extra tools</h1><p>The flag runs some tools that we have found useful.</p>"
        f"<table>{rows}</table><p>A last paragraph closes the page after the table.</p>",
        css=GRID,
    )
    blocks = read_layout(pdf, max_pages=1).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [row.cells[0].text for row in tables[0].rows] == list(TERMS)
    assert all("dependency graph" in row.cells[1].text for row in tables[0].rows)
    assert not [b for b in blocks if isinstance(b, Figure)]


def test_a_menu_of_links_ruled_a_row_each_is_no_figure(html_pdf: HtmlPdf) -> None:
    # A manual's menu (as texinfo writes it): a ruled grid, a link in each row's first cell,
    # the others left empty, a rule across the page under it. Its text is read (no table of
    # data: one column holds it all); its rules draw no picture.
    entries = ("Introduction", "Basic Elements", "Expressions", "Statements", "Functions",
               "Examples", "Limits", "Environment Variables")
    rows = "".join(
        f"<tr><td>&bull; <a href='#{n}'>{n}</a></td><td>&nbsp;&nbsp;</td><td></td></tr>"
        for n in entries
    )
    pdf = html_pdf(
        f"<h1>Top</h1><table>{rows}</table><hr>"
        "<p>Next: Basic Elements, Previous: Top, Up: Top.</p>",
        css="table { border-collapse: collapse }"
        " td { border: 0.5pt solid #888; padding: 2pt 4pt }",
    )
    blocks = read_layout(pdf, max_pages=1).blocks
    assert not [b for b in blocks if isinstance(b, Figure)]
    text = " ".join(block_text(b) for b in blocks)
    assert all(n in text for n in entries)
