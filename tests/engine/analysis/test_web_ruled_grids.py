"""Ruled grids as WeasyPrint (and a browser) draws them: a rule a cell edge, often not joined.

A manual's table of commands beside what each does is a table however long its descriptions
run; a menu of links ruled cell by cell, its other cells left blank, is a table (its maker's
tags say so), and no picture; so is a page's ruled row of links to the pages before and after
it, though a second row holds one link only; so are one row of boxed cells (not in the page's
margin, where running headers are ruled so) and one column of short entries each boxed; a
chart's grid lines, a legend in a band or two, and boxed paragraphs stay no table.
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


def test_a_menu_of_links_ruled_cell_by_cell_is_a_table(html_pdf: HtmlPdf) -> None:
    # A manual's menu (as texinfo writes it): a ruled grid, a link in each row's first cell,
    # the others left empty, a rule across the page under it. The rules down part every row:
    # cells drawn one by one, a table though one column holds all its text; no picture.
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
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [row.cells[0].text.lstrip("• ") for row in tables[0].rows] == list(entries)
    text = " ".join(block_text(b) for b in blocks)
    assert all(n in text for n in entries)


def test_a_ruled_row_of_links_to_the_pages_around_is_a_table(html_pdf: HtmlPdf) -> None:
    # A manual's foot (as DocBook writes it): the pages before and after, and the one up,
    # over a second row holding the link home in its middle cell only, each cell ruled.
    pdf = html_pdf(
        f"<h1>Quick start</h1><p>{DESCRIPTION}.</p>"
        "<table><tr><td>&lt;&lt; Memcheck</td><td>Up</td><td>User Manual &gt;&gt;</td></tr>"
        "<tr><td></td><td>Home</td><td></td></tr></table>",
        css=GRID,
    )
    blocks = read_layout(pdf, max_pages=1).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[c.text for c in row.cells] for row in tables[0].rows] == [
        ["<< Memcheck", "Up", "User Manual >>"], ["", "Home", ""]
    ]


def test_a_chart_grid_with_a_legend_in_two_bands_is_no_table(html_pdf: HtmlPdf) -> None:
    # Grid lines ruled cell by cell, as a plot's, the legend's two lines in bands of their
    # own, the rest blank: the rules part the legend's bands, but the bands without text
    # make it no table.
    rows = "".join(
        "<tr>" + "".join("<td style='height: 14pt'></td>" for _ in range(5)) + "</tr>"
        for _ in range(6)
    )
    legend = "".join(f"<tr><td>stage {k}</td>{'<td></td>' * 4}</tr>" for k in (1, 2))
    pdf = html_pdf(f"<h1>Power</h1><table>{rows}{legend}</table>", css=GRID)
    blocks = read_layout(pdf, max_pages=1).blocks
    assert not [b for b in blocks if isinstance(b, Table)]


def test_a_menu_of_one_entry_ruled_cell_by_cell_is_a_table(html_pdf: HtmlPdf) -> None:
    # The same menu with one entry: one row of cells, each ruled on its own, the entry's
    # beside a blank one. One row is no less a grid than two (the rules down part it).
    pdf = html_pdf(
        f"<h1>Statements</h1><p>{DESCRIPTION}.</p>"
        "<table><tr><td>&bull; Pseudo Statements</td><td>&nbsp;&nbsp;</td></tr></table>"
        f"<p>{DESCRIPTION}.</p>",
        css="table { border-collapse: collapse }"
        " td { border: 0.5pt solid #888; padding: 2pt 4pt }",
    )
    blocks = read_layout(pdf, max_pages=1).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[c.text for c in row.cells] for row in tables[0].rows] == [
        ["• Pseudo Statements", ""]
    ]


def test_a_ruled_row_of_links_over_a_chapter_is_a_table(html_pdf: HtmlPdf) -> None:
    # A manual's head of a page (as DocBook writes it) under the chapter's title: the pages
    # before, up and after, and the manual's name, one row of cells each ruled.
    pdf = html_pdf(
        "<h1>Quick start</h1><h2>A tool for finding bugs in programs</h2>"
        f"<p>{DESCRIPTION}.</p>"
        "<table><tr><td>Prev</td><td>Up</td><td>Valgrind User Manual</td><td>Next</td></tr>"
        f"</table><h2>Overview</h2><p>{DESCRIPTION}.</p>",
        css=GRID,
    )
    blocks = read_layout(pdf, max_pages=1).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[c.text for c in row.cells] for row in tables[0].rows] == [
        ["Prev", "Up", "Valgrind User Manual", "Next"]
    ]


def test_a_ruled_row_in_the_top_margin_is_no_table(html_pdf: HtmlPdf) -> None:
    # The same row of cells atop the page, in its margin band, where a running header is
    # often ruled so (a title beside a logo): read as text, for the page's furniture to be
    # found in it. So is one box round a line of text, a frame with no rule down inside.
    pdf = html_pdf(
        "<table><tr><td>Notice of listing</td><td>Commodity Exchange</td></tr></table>"
        f"<h1>Standards</h1><p>{DESCRIPTION}.</p>"
        "<table><tr><td>A line of text in a box of its own, framed</td></tr></table>"
        f"<p>{DESCRIPTION}.</p>",
        css=GRID + " @page { margin: 36pt }",
    )
    blocks = read_layout(pdf, max_pages=1).blocks
    assert not [b for b in blocks if isinstance(b, Table)]
    text = " ".join(block_text(b) for b in blocks)
    assert "Notice of listing" in text and "framed" in text


def test_a_column_of_entries_boxed_one_by_one_is_a_table(html_pdf: HtmlPdf) -> None:
    # A manual's list of types, a table of one column, each entry in a box of its own:
    # the rules across part every row, the rules down run along both sides.
    types = ("inode/blockdevice", "inode/chardevice", "inode/directory", "inode/fifo",
             "inode/socket")
    rows = "".join(f"<tr><td>{t}</td></tr>" for t in types)
    pdf = html_pdf(
        f"<h1>Non-regular files</h1><p>{DESCRIPTION}.</p><table>{rows}</table>"
        f"<p>{DESCRIPTION}.</p>",
        css=GRID,
    )
    blocks = read_layout(pdf, max_pages=1).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[c.text for c in row.cells] for row in tables[0].rows] == [[t] for t in types]


def test_a_column_of_boxed_paragraphs_is_no_table(html_pdf: HtmlPdf) -> None:
    # Notes framed one under another, a rule across between them: each holds a paragraph,
    # not an entry; read as text.
    rows = "".join(f"<tr><td>{DESCRIPTION}.</td></tr>" for _ in range(3))
    pdf = html_pdf(f"<h1>Notes</h1><table>{rows}</table>", css=GRID)
    blocks = read_layout(pdf, max_pages=1).blocks
    assert not [b for b in blocks if isinstance(b, Table)]
    assert "dependency graph" in " ".join(block_text(b) for b in blocks)


def test_a_grid_with_a_narrow_blank_column_is_a_table(html_pdf: HtmlPdf) -> None:
    # A tutorial's callouts (DocBook's), their marks not drawn: a blank column a few points
    # wide, ruled across by pieces of the rules shorter than a rule, beside a sentence a row.
    # The pieces carry the rules on: the blank column is the grid's, each row parted in two.
    notes = ("Free the memory used by your stylesheet here.",
             "Free the memory used by the results document.",
             "Free the memory used by your original document.",
             "Free the memory used by the global variables.")
    rows = "".join(f"<tr><td></td><td>{n}</td></tr>" for n in notes)
    pdf = html_pdf(
        f"<h1>Cleanup</h1><p>{DESCRIPTION}.</p><table>{rows}</table><p>{DESCRIPTION}.</p>",
        css="table { border-collapse: collapse }"
        " td { border: 0.5pt solid #888; padding: 10pt 4pt; vertical-align: top }",
    )
    blocks = read_layout(pdf, max_pages=1).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[c.text for c in row.cells] for row in tables[0].rows] == [["", n] for n in notes]


def test_a_row_of_links_drawn_on_an_index_is_a_table_of_its_own(html_pdf: HtmlPdf) -> None:
    # A manual's index (as texinfo writes it): a row of links to its letters, as wide as its
    # links, set on the index's top rule, the index wider and ruled into columns at other
    # places. Two tables, the row of links no heads of the index: its rules down would tear
    # the index's entries apart.
    entries = (("bug reporting:", "Reporting bugs"), ("checklist for reports:", "Reporting"),
               ("format:", "Setting Format"), ("version number:", "Invoking time"))
    rows = "".join(f"<tr><td></td><td>{e}</td><td>{s}</td></tr>" for e, s in entries)
    pdf = html_pdf(
        f"<h1>Concept index</h1><p>{DESCRIPTION}.</p>"
        "<table><tr><td>Jump to:</td><td>B C F V</td></tr></table>"
        f"<table style='width: 70%'><tr><td></td><td>Index entry</td><td>Section</td></tr>"
        f"{rows}</table><p>{DESCRIPTION}.</p>",
        css="table { border-collapse: collapse; margin: 0 }"
        " td { border: 0.5pt solid #888; padding: 2pt 4pt }",
    )
    blocks = read_layout(pdf, max_pages=1).blocks
    tables = [[[c.text for c in row.cells] for row in b.rows] for b in blocks
              if isinstance(b, Table)]
    assert tables == [
        [["Jump to:", "B C F V"]],
        [["", "Index entry", "Section"], *[["", e, s] for e, s in entries]],
    ]
