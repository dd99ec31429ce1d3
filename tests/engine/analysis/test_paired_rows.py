"""A directory set as a table without rules, each entry two lines set solid, its name in bold
over its address, the entries apart ("Cancer Council ACT" over "actcancer.org", three
across): one row per entry, each cell both lines, and no head. Read a line at a time, each
row of names was read across before any address, and the first row's names, in bold over
regular text, were taken for the table's head. A table whose rows alternate bold and regular
lines at an even pitch keeps a row per line. Small PDFs drawn here by text operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf

FONTS = {"F1": "/Helvetica", "F2": "/Helvetica-Bold"}
ENTRIES = [
    [("Council North", "north.org.au"), ("Council Queensland", "qld.org.au"),
     ("Council Victoria", "vic.org.au")],
    [("Council South", "south.com.au"), ("Council West", "west.org.au"),
     ("Council Capital", "capital.asn.au")],
    [("Council Island", "island.org.au"), ("Council Desert", "desert.org.au"),
     ("Council Coast", "coast.org.au")],
]


def _tables(path: Path, within: float, between: float) -> list[Table]:
    """The entries' names ``within`` points over their addresses, the entries ``between``
    points apart, under a paragraph."""
    ops = [b"BT /F1 10 Tf 72 760 Td (Visit the website of the council for your area, "
           b"listed below by region.) Tj ET"]
    top = 730.0
    for row in ENTRIES:
        for k, (name, address) in enumerate(row):
            x = 72 + 160 * k
            ops.append(f"BT /F2 9 Tf {x} {top} Td ({name}) Tj ET".encode())
            ops.append(f"BT /F1 9 Tf {x} {top - within} Td ({address}) Tj ET".encode())
        top -= between
    doc = read_layout(fonts_page_pdf(path, ops, FONTS), max_pages=1)
    return [b for b in doc.blocks if isinstance(b, Table)]


def test_entries_of_a_name_over_an_address_are_one_row_each(tmp_path: Path) -> None:
    tables = _tables(tmp_path / "directory.pdf", 9.5, 28)
    assert len(tables) == 1, tables
    rows = [[cell.text for cell in row.cells] for row in tables[0].rows]
    assert rows == [[f"{name} {address}" for name, address in row] for row in ENTRIES], rows
    assert not any(cell.header for row in tables[0].rows for cell in row.cells)


def test_lines_at_an_even_pitch_stay_rows_of_their_own(tmp_path: Path) -> None:
    # (Bold and regular lines alternating, all as far apart: no pairs.)
    tables = _tables(tmp_path / "even.pdf", 14, 28)
    assert len(tables) == 1, tables
    assert len(tables[0].rows) == 6, tables[0].rows
