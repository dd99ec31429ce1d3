"""Lines lined up side by side that are no table: lists set in columns (a slide's), and
columns of entries parted by rules down the page (a bulletin's results), each read whole,
column after column; and tables that only look like them, which stay tables."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.document import Document, ListBlock, Paragraph, Table, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

BULLET = "\\225"  # (WinAnsi's bullet, in a PDF string)


def _show(x: float, y: float, text: str) -> bytes:
    return f"BT /F1 12 Tf {x} {y} Td ({text}) Tj ET".encode()


def _rule_down(x: float, bottom: float, top: float) -> bytes:
    return f"{x} {bottom} 1 {top - bottom} re f".encode()


def _read(tmp_path: Path, ops: list[bytes]) -> Document:
    path = text_page_pdf(tmp_path / "page.pdf", ops, size=(720, 540))
    return read_layout(path, max_pages=1)


def _items(block: ListBlock) -> list[str]:
    return [block_text(item.blocks[0]) for item in block.items]


def test_lists_set_side_by_side_are_lists_each_read_whole(tmp_path: Path) -> None:
    # A slide's columns: a numbered list, a bulleted one, a line leading into bullets, and
    # bullets again, their rows level. Read as one table, each row would mix the lists'
    # points ("2. Plums | Figs | Rye"); each is a list, read whole, one after the other.
    step = 18
    ops = []
    for k, fruit in enumerate(["Apples", "Plums", "Grapes"]):
        ops += [_show(100, 400 - step * k, f"{k + 1}."), _show(116, 400 - step * k, fruit)]
    for k, fruit in enumerate(["Pears", "Figs", "Limes", "Dates"]):
        ops += [_show(230, 400 - step * k, BULLET), _show(244, 400 - step * k, fruit)]
    ops.append(_show(350, 400, "Grains:"))
    for k, grain in enumerate(["Rye", "Oats"]):
        ops.append(_show(350, 400 - step * (k + 1), f"{BULLET} {grain}"))
    for k, nut in enumerate(["Pecans", "Walnuts", "Almonds"]):
        ops += [_show(480, 400 - step * k, BULLET), _show(494, 400 - step * k, nut)]
    doc = _read(tmp_path, ops)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    read = [
        ("list", _items(b)) if isinstance(b, ListBlock) else ("text", block_text(b))
        for b in doc.blocks
    ]
    assert read == [
        ("list", ["Apples", "Plums", "Grapes"]),
        ("list", ["Pears", "Figs", "Limes", "Dates"]),
        ("text", "Grains:"),
        ("list", ["Rye", "Oats"]),
        ("list", ["Pecans", "Walnuts", "Almonds"]),
    ]


@pytest.mark.parametrize("bulleted", [{0}, {1}, {0, 1, 2}])
def test_a_table_with_bullets_in_its_cells_stays_a_table(
    tmp_path: Path, bulleted: set[int]
) -> None:
    # A table of parts whose names (or notes) are bulleted: the other columns open with no
    # bullet, so its rows are records read across, not lists set side by side. Nor is one
    # with every cell bulleted and a cell left blank inside a column: a list leaves no line
    # blank between its points, a table's row may have nothing in a column.
    rows = [("Pump", "Quiet running", "120.50"), ("Valve", "Brass body", "35.00"),
            ("Filter", "", "18.25"), ("Hose", "Two metres", "12.80"), ("Clamp", "Steel", "2.10")]
    ops = [_show(100, 418, "Part"), _show(260, 418, "Note"), _show(420, 418, "Price")]
    for k, row in enumerate(rows):
        for j, (x, text) in enumerate(zip((100, 260, 420), row, strict=True)):
            if text:
                ops.append(_show(x, 400 - 18 * k, f"{BULLET} {text}" if j in bulleted else text))
    doc = _read(tmp_path, ops)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    bullet = f"{chr(0x2022)} "
    assert [c.text for c in table.rows[2].cells] == [
        f"{bullet if j in bulleted else ''}{text}" for j, text in enumerate(rows[1])
    ]


def _contests(x: float, top: float, contests: list[tuple[str, list[tuple[str, str]]]]) -> (
    list[bytes]
):
    """A column of results: each contest's title, then a line for each choice and its votes,
    a blank line after each contest."""
    ops, y = [], top
    for title, choices in contests:
        ops.append(_show(x, y, title))
        y -= 13
        for name, votes in choices:
            ops += [_show(x, y, name), _show(x + 120, y, votes)]
            y -= 13
        y -= 13
    return ops


def test_columns_of_entries_parted_by_rules_down_are_read_column_by_column(
    tmp_path: Path
) -> None:
    # A bulletin printed in columns parted by rules down the page, each a run of contests of
    # its own: their lines share baselines, but not their rows (a contest's title or blank
    # line in one column where the other lists votes). Read across as a table, each row
    # would mix two contests; each column is read whole, then the next.
    left = [("GOVERNOR", [("KASHKARI", "247"), ("BROWN", "69")]),
            ("CONTROLLER", [("YEE", "59"), ("SWEARENGIN", "249"), ("LEE", "12")]),
            ("TREASURER", [("CONLON", "240"), ("CHIANG", "69")]),
            ("ASSESSOR", [("PRANG", "104"), ("MORRIS", "136")])]
    right = [("SHERIFF", [("MCDONNELL", "219"), ("TANAKA", "61"), ("LEER", "39")]),
             ("MEASURE 1", [("YES", "104"), ("NO", "214")]),
             ("JUDGE #61", [("LEWIS", "64"), ("MATHAI", "175"), ("STEIN", "51")]),
             ("MEASURE 2", [("YES", "133"), ("NO", "180")])]
    ops = [*_contests(60, 480, left), *_contests(300, 480, right),
           _rule_down(270, 180, 495), _rule_down(510, 180, 495)]
    doc = _read(tmp_path, ops)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    texts = [block_text(b) for b in doc.blocks if isinstance(b, Paragraph)]
    assert texts[:4] == ["GOVERNOR", "KASHKARI 247", "BROWN 69", "CONTROLLER"]
    assert texts.index("MORRIS 136") < texts.index("SHERIFF")


_TYPES = [
    (40, "type Abser interface {"), (67, "Abs() float64"), (40, "}"),
    (40, "type Vertex struct {"), (67, "X, Y float64"), (40, "}"),
    (40, "func (v *Vertex) Abs() float64 {"), (67, "return math.Sqrt(v.X*v.X + v.Y*v.Y)"),
    (40, "}"),
]
_MAIN = [
    (420, "func main() {"), (447, "var a Abser"), (447, "v := Vertex{3, 4}"),
    (447, "a = &v // a *Vertex implements Abser"), (447, "fmt.Println(a.Abs())"), (420, "}"),
]


def test_two_programs_side_by_side_are_read_each_down(tmp_path: Path) -> None:
    # A slide's code in a proportional face: type declarations on the left, main on the
    # right, their lines on one grid with the slide's wide leading. Read across, each row
    # would mix the two programs ("type Abser interface { func main() {"); each is read
    # down, line by line, the left one first.
    ops = [_show(x, 436 - 32 * k, text) for k, (x, text) in enumerate(_TYPES)]
    ops += [_show(x, 436 - 32 * k, text) for k, (x, text) in enumerate(_MAIN)]
    doc = _read(tmp_path, ops)
    read = [line for b in doc.blocks for line in block_text(b).split("\n")]
    assert " ".join(read).split() == " ".join(t for _, t in _TYPES + _MAIN).split()
