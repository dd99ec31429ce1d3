"""A table set in under a list item's text, past its label (a point's table of attributes), is
the item's, and the list goes on after it; its rows going on past a page break are the same
table, still the item's. A table at the list's own left edge after an item is no item's: it
ends the list."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import ListBlock, Paragraph, Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_pages_pdf

_PROSE = "The reader takes each entry of the file in turn and keeps those that match it."


def _show(x: float, y: float, text: str, size: float = 10) -> bytes:
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET".encode("cp1252")


def _ruled(
    left: float, top: float, rows: list[tuple[str, str, str]], right: float = 520
) -> list[bytes]:
    """``rows`` in bands between rules across a table from ``left`` to ``right``, its three
    columns parted by rules."""
    columns = (left + 4, left + 90, left + 170)
    ops = [f"{left} {top} {right - left} 0.5 re f".encode()]
    y = top
    for row in rows:
        ops += [_show(x, y - 13, cell) for x, cell in zip(columns, row, strict=True)]
        ops += [f"{x - 4} {y - 18} 0.5 18 re f".encode() for x in (left, *columns[1:], right)]
        y -= 18
        ops.append(f"{left} {y} {right - left} 0.5 re f".encode())
    return ops


_HEAD = ("Attribute", "Required?", "Value")
_ROWS = [
    ("type", "Yes", "The type of the value to compare."),
    ("offset", "Yes", "The byte offset in the file to start at."),
    ("value", "Yes", "The value to compare the file contents with."),
    ("mask", "No", "The number to AND the value in the file with."),
]


def _points(path: Path, table_x: float) -> Path:
    """An introduction, then two bulleted points (labels at 80, text at 96); the first says
    its element has attributes, over a table of them set at ``table_x``."""
    ops = [
        _show(72, 760, "Each element may contain any of the following elements, in any order:"),
        _show(80, 730, "\u2022"),
        _show(96, 730, "magic elements contain a list of match elements, any of which may"),
        _show(96, 718, "match, and an optional priority attribute for all of the rules."),
        _show(96, 694, "Each match element has a number of attributes:"),
        *_ruled(table_x, 680, [_HEAD, *_ROWS]),
        _show(80, 570, "\u2022"),
        _show(96, 570, "alias elements indicate that the type is also known by another name."),
        _show(80, 546, "\u2022"),
        _show(96, 546, "comment elements give a description of the type, in one language."),
        *(_show(72, 510 - 12 * k, _PROSE) for k in range(4)),
    ]
    return text_pages_pdf(path, [ops])


def test_a_table_set_in_under_an_items_text_is_the_items(tmp_path: Path) -> None:
    doc = read_layout(_points(tmp_path / "points.pdf", table_x=96), max_pages=2)
    (points,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(points.items) == 3
    first = points.items[0].blocks
    assert [type(b) for b in first] == [Paragraph, Paragraph, Table]
    table = first[-1]
    assert isinstance(table, Table)
    assert [c.text for c in table.rows[0].cells if c.text] == list(_HEAD)
    assert not [b for b in doc.blocks if isinstance(b, Table)]


def test_a_table_at_the_lists_own_edge_ends_the_list(tmp_path: Path) -> None:
    doc = read_layout(_points(tmp_path / "points.pdf", table_x=72), max_pages=2)
    kinds = [type(b) for b in doc.blocks]
    assert kinds.count(ListBlock) == 2
    assert Table in kinds
    assert kinds.index(Table) < len(kinds) - 1 - kinds[::-1].index(ListBlock)


def test_a_table_in_an_item_going_on_over_the_page_is_one_table_in_it(tmp_path: Path) -> None:
    table_x = 96
    prose = [_show(72, 760 - 12 * k, _PROSE) for k in range(44)]
    first = [
        *prose,
        _show(80, 220, "\u2022"),
        _show(96, 220, "treemagic elements contain a list of treematch elements."),
        _show(96, 196, "Each treematch element has a number of attributes:"),
        *_ruled(table_x, 182, [_HEAD, *_ROWS[:3]]),
    ]
    second = [
        *_ruled(table_x, 760, _ROWS[3:] * 2),
        _show(96, 710, "treematch elements can be nested, meaning that both must match."),
        _show(80, 686, "\u2022"),
        _show(96, 686, "alias elements indicate that the type is also known by another name."),
        *(_show(72, 650 - 12 * k, _PROSE) for k in range(4)),
    ]
    doc = read_layout(text_pages_pdf(tmp_path / "over.pdf", [first, second]), max_pages=3)
    (points,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(points.items) == 2
    blocks = points.items[0].blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [r.cells[0].text for r in tables[0].rows] == ["Attribute", "type", "offset", "value",
                                                        "mask", "mask"]
    last = blocks[-1]
    assert isinstance(last, Paragraph)
    assert last.text.startswith("treematch elements can be nested")


def test_a_table_heading_the_next_column_is_not_the_items(tmp_path: Path) -> None:
    """A page set in two columns, the left ending with a bulleted point, the right opening
    with a table: the table is right of the point's label, though not under its text."""
    words = "The reader keeps each entry that matches."
    left = [
        *(_show(72, 760 - 12 * k, words) for k in range(40)),
        _show(72, 260, "\u2022"),
        *(_show(84, 260 - 12 * k, "The rate includes a margin over the base.") for k in range(3)),
    ]
    right = [
        *_ruled(320, 770, [_HEAD, *[(a, b, "Yes") for a, b, _ in _ROWS]], right=540),
        *(_show(320, 660 - 12 * k, words) for k in range(30)),
    ]
    doc = read_layout(text_pages_pdf(tmp_path / "columns.pdf", [left + right]), max_pages=2)
    (points,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert not [b for item in points.items for b in item.blocks if isinstance(b, Table)]
    assert [b for b in doc.blocks if isinstance(b, Table)]
