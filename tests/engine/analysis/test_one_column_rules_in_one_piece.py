"""One column of boxed entries as LibreOffice draws it: each side ruled down in one piece.

A manual's list of types, a table of one column, each entry boxed by rules across, is a
table though only two rules run down it (one a side, not one a cell as WeasyPrint draws
them); when the page break cut its first row, that row's box is left blank at the top of the
next page, and the rest is still the table. Two rules down a frame of paragraphs, rules
across between them, stay text.
"""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table, block_text
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page

TYPES = ("inode/chardevice", "inode/directory", "inode/fifo", "inode/mount-point",
         "inode/socket", "inode/symlink")
PARAGRAPH = (
    "Sometimes it is useful to assign types to other objects in the filesystem, such as",
    "directories, sockets and device files, for looking up an icon for a type or for giving",
    "a textual description of one of these objects, with the types listed in the manual.",
)
LEFT, RIGHT = 65.0, 462.0
ROW = 26.5


def _column_page(path: Path, cells: list[tuple[str, ...]], top: float = 760.0) -> Path:
    """A column of boxed ``cells`` (each a few lines, or none) from ``top`` down, its two
    sides ruled in one piece each, and prose under it."""
    ops: list[str] = ["0 g"]
    y = top
    edges = [y]
    for lines in cells:
        height = ROW * max(1, len(lines))
        for k, text in enumerate(lines):
            ops.append(f"BT /F1 10 Tf {LEFT + 6} {y - 17 - 14 * k} Td ({text}) Tj ET")
        y -= height
        edges.append(y)
    ops += [f"{LEFT} {e - 0.5} {RIGHT - LEFT} 1 re f" for e in edges]
    ops += [f"{x - 0.5} {y} 1 {top - y} re f" for x in (LEFT, RIGHT)]
    for k, text in enumerate(PARAGRAPH):
        ops.append(f"BT /F1 10 Tf 65 {y - 30 - 14 * k} Td ({text}) Tj ET")
    return helvetica_page(path, ops)


def test_a_column_of_entries_ruled_down_in_one_piece_is_a_table(tmp_path: Path) -> None:
    pdf = _column_page(tmp_path / "types.pdf", [(t,) for t in TYPES])
    tables = [b for b in read_layout(pdf, max_pages=1).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [[c.text for c in r.cells] for r in tables[0].rows] == [[t] for t in TYPES]


def test_a_column_whose_first_box_the_page_break_left_blank_is_a_table(tmp_path: Path) -> None:
    # The first entry was set on the page before; its box goes on over the break, blank.
    pdf = _column_page(tmp_path / "cut.pdf", [(), *[(t,) for t in TYPES]])
    tables = [b for b in read_layout(pdf, max_pages=1).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    texts = [c.text for r in tables[0].rows for c in r.cells if c.text]
    assert texts == list(TYPES)


def test_paragraphs_framed_by_two_rules_down_stay_text(tmp_path: Path) -> None:
    pdf = _column_page(tmp_path / "notes.pdf", [(), PARAGRAPH, PARAGRAPH, PARAGRAPH, ()])
    blocks = read_layout(pdf, max_pages=1).blocks
    assert not [b for b in blocks if isinstance(b, Table)]
    assert "sockets and device files" in " ".join(block_text(b) for b in blocks)
