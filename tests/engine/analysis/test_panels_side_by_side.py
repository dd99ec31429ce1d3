"""Boxed panels side by side on a page with no running text (a cheat sheet: small grids of
names and types under dark section bars, two page columns of panels): each page column is
read down before the next, so that each panel's grid is read as one table, and not row by
row across both columns. Table shading drawn cell by cell, level across its columns, is no
such evidence: the table stays one, read row by row."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Document, Table, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf


def _show(x: float, y: float, text: str, size: int = 8) -> bytes:
    return f"0 g BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET".encode()


def _bar(x: float, y: float, width: float = 240, height: float = 18) -> bytes:
    return f"0.8 g {x} {y} {width} {height} re f".encode()


def _panel(x: float, top: float, title: str, rows: list[tuple[str, ...]]) -> list[bytes]:
    """A panel: its bar and title, a grid of names, types and defaults under it."""
    ops = [_bar(x - 7, top), _show(x - 3, top + 3, title, 11)]
    return ops + [
        _show(x + (0, 74, 152)[k], top - 14 - 13 * r, cell)
        for r, row in enumerate(rows) for k, cell in enumerate(row)
    ]


def _read(tmp_path: Path, ops: list[bytes]) -> Document:
    return read_layout(text_page_pdf(tmp_path / "page.pdf", ops, size=(612, 792)), max_pages=1)


def _cells(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_panels_in_two_page_columns_are_read_a_column_at_a_time(tmp_path: Path) -> None:
    # Two page columns of two panels each, under their bars: the right's first bar level
    # with the left's, its second not. Their grids' rows stand level across the gutter:
    # read as one region, the rows across both columns hide each grid's table.
    head = ("Name", "Type", "Default")
    ops = [_show(42, 770, "Canvas Sheet", 16)]
    ops += _panel(49, 742, "Canvas", [head, ("width", "unsigned long", "300"),
                                      ("height", "unsigned long", "150")])
    ops += _panel(49, 660, "Context", [head, ("canvas", "canvas object", "none"),
                                       ("mode", "quoted string", "flat")])
    ops += _panel(319, 742, "Compositing", [
        head, ("alpha", "float number", "1.0"), ("blend", "quoted string", "over"),
    ])
    ops += _panel(319, 618, "Lines", [head, ("width", "float number", "1.0"),
                                        ("cap", "quoted string", "butt")])
    doc = _read(tmp_path, ops)
    texts = [block_text(b) for b in doc.blocks]
    tables = [_cells(b) for b in doc.blocks if isinstance(b, Table)]
    assert [t[1] for t in tables] == [
        ["width", "unsigned long", "300"], ["canvas", "canvas object", "none"],
        ["alpha", "float number", "1.0"], ["width", "float number", "1.0"],
    ]
    assert texts.index("Context") < texts.index("Compositing")


def test_shading_level_across_a_table_keeps_it_one(tmp_path: Path) -> None:
    # A table's rows shaded cell by cell, with white between its two halves: every shade has
    # one level with it across the strip, so the strip is no gutter between panels.
    ops = []
    for r in range(4):
        y = 690 - 30 * r
        ops += [_bar(36, y - 4, 200, 16), _bar(300, y - 4, 200, 16)]
        ops += [_show(40, y, f"Item {r}", 9), _show(140, y, f"{r}0", 9),
                _show(304, y, f"Part {r}", 9), _show(404, y, f"{r}5", 9)]
    doc = _read(tmp_path, ops)
    tables = [_cells(b) for b in doc.blocks if isinstance(b, Table)]
    assert tables and tables[0][0] == ["Item 0", "00", "Part 0", "05"]


def test_a_grid_with_a_column_of_names_in_lower_case_is_a_table(tmp_path: Path) -> None:
    # Names in lower case one under another ("alpha" over "blend") do not run on as a
    # sentence's lines do: a word a line, the column is a table's.
    ops = _panel(49, 742, "Compositing", [
        ("Name", "Type", "Default"), ("alpha", "float", "1.0"), ("blend", "string", "over"),
        ("mask", "string", "none"), ("clip", "string", "none"),
    ])
    tables = [_cells(b) for b in _read(tmp_path, ops).blocks if isinstance(b, Table)]
    assert tables and tables[0][-1] == ["clip", "string", "none"]
