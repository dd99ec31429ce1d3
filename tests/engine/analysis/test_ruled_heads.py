"""A ruled grid's first rows set apart are its header cells, with column scope: as the only
text over empty ruled rows to fill in (a form's table of dependents), or over a heavier
rule, or on a shading of their own. A group's head over two columns spans them; heads set
at different heights in one ruled band are one row. Dotted ticks parting a number's digits
under one head part no columns, and the form's empty ruled rows are rows
(:mod:`workers.engine.layout.table_heads`). Words over a grid's figures are heads too, each
row on the line it is set on. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page

LEFT, RIGHT = 72, 540


def _text(x: float, y: float, text: str, font: str = "F1") -> str:
    return f"BT /{font} 8 Tf {x} {y} Td ({text}) Tj ET"


def _across(y: float, width: float = 0.5) -> str:
    return f"{LEFT} {y - width / 2} {RIGHT - LEFT} {width} re f"


def _down(x: float, top: float, bottom: float) -> str:
    return f"{x - 0.25} {bottom} 0.5 {top - bottom} re f"


def _form() -> list[str]:
    """Heads in one ruled band over three empty rows: "(1) Name" set lower than the
    others, "(3) Qualifies for" over two columns of its own heads, and dotted ticks under
    "(2) Number" parting its digits in the empty rows only."""
    ops = ["0 g", *(_across(y) for y in (724, 700, 688, 676, 664))]
    ops += [_down(x, 724, 664) for x in (LEFT, 250, 350, RIGHT)]
    ops.append(_down(450, 700, 664))  # (parts the two credits, under their group's head)
    ops += ["0.5 w [1 2] 0 d", "283 664 m 283 700 l S", "316 664 m 316 700 l S", "[] 0 d"]
    ops += [
        _text(76, 703, "(1) Name"),
        _text(270, 714, "(2) Number"),
        _text(405, 714, "(3) Qualifies for"),
        _text(380, 703, "Credit A"),
        _text(475, 703, "Credit B"),
    ]
    return ops


def _prose() -> list[str]:
    return [
        "BT /F1 10 Tf 72 760 Td (Fill in the table below for each person you claim.) Tj ET",
        "BT /F1 10 Tf 72 620 Td (Sign the form once every entry is made.) Tj ET",
    ]


def _table(path: Path) -> Table:
    (table,) = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]
    return table


def test_a_forms_heads_over_empty_rows_are_header_cells(tmp_path: Path) -> None:
    table = _table(helvetica_page(tmp_path / "form.pdf", _prose() + _form()))
    first, second, *entries = table.rows
    assert [(c.text, c.row_span, c.col_span) for c in first.cells] == [
        ("(1) Name", 2, 1), ("(2) Number", 2, 1), ("(3) Qualifies for", 1, 2),
    ]
    assert [c.text for c in second.cells] == ["Credit A", "Credit B"]
    assert all(c.header and c.scope == "column" for row in (first, second) for c in row.cells)
    # The empty ruled rows are rows, one cell in each of the four drawn columns.
    assert len(entries) == 3
    assert all(len(row.cells) == 4 and not any(c.text or c.header for c in row.cells)
               for row in entries)


def _data_grid(
    under_head: float, shaded: bool = False, heads: tuple[str, str] = ("Population", "Area")
) -> list[str]:
    """A head row and three rows of data, in one face, ruled between every row; ``heads``
    over the columns of figures."""
    ops = ["0.85 g 72 700 468 24 re f"] if shaded else []
    ops += ["0 g", *(_across(y, under_head if y == 700 else 0.5) for y in (724, 688, 676, 664))]
    ops.append(_across(700, under_head))
    ops += [_down(x, 724, 664) for x in (LEFT, 250, 400, RIGHT)]
    ops += [_text(76, 709, "Region"), _text(254, 709, heads[0]), _text(404, 709, heads[1])]
    for k, (name, people, area) in enumerate(
        [("North", "1200", "35"), ("South", "3400", "48"), ("West", "560", "12")]
    ):
        y = 691 - 12 * k
        ops += [_text(76, y, name), _text(254, y, people), _text(404, y, area)]
    return ops


def _heads(table: Table) -> list[list[bool]]:
    return [[c.header for c in row.cells] for row in table.rows]


def test_a_head_over_a_heavier_rule_is_header_cells(tmp_path: Path) -> None:
    table = _table(helvetica_page(tmp_path / "heavy.pdf", _prose() + _data_grid(2.0)))
    assert _heads(table) == [[True] * 3] + [[False] * 3] * 3
    assert [c.scope for c in table.rows[0].cells] == ["column"] * 3


def test_a_shaded_head_is_header_cells(tmp_path: Path) -> None:
    table = _table(helvetica_page(tmp_path / "shaded.pdf", _prose() + _data_grid(0.5, True)))
    assert _heads(table) == [[True] * 3] + [[False] * 3] * 3


def test_a_first_row_not_set_apart_is_no_head(tmp_path: Path) -> None:
    # (Years over the figures: no words over them, which would set the row apart.)
    ops = _prose() + _data_grid(0.5, heads=("2019", "2020"))
    table = _table(helvetica_page(tmp_path / "plain.pdf", ops))
    assert not any(c.header for row in table.rows for c in row.cells)


def test_stripes_shading_every_other_row_set_apart_no_head(tmp_path: Path) -> None:
    stripes = ["0.85 g 72 700 468 24 re f", "0.85 g 72 676 468 12 re f"]
    ops = _prose() + stripes + _data_grid(0.5, heads=("2019", "2020"))
    table = _table(helvetica_page(tmp_path / "stripes.pdf", ops))
    assert not any(c.header for row in table.rows for c in row.cells)


def _head_over_two_lines() -> list[str]:
    """A head row whose middle head holds two lines, the lower longer and starting further
    left, and whose other heads stand level with neither line but between them (so the
    row's text is one group of lines, the cell's two lines in it), over rows of data."""
    ops = ["0 g", *(_across(y, 2.0 if y == 700 else 0.5) for y in (724, 688, 676, 664))]
    ops.append(_across(700, 2.0))
    ops += [_down(x, 724, 664) for x in (LEFT, 250, 400, RIGHT)]
    ops += [
        _text(76, 708.5, "Family name"),
        _text(290, 712, "Date of birth"),
        _text(262, 705, "or registration number"),
        _text(404, 708.5, "Relationship"),
    ]
    for k, (name, born, tie) in enumerate(
        [("Martin", "1980-04-02", "Spouse"), ("Durand", "1975-11-30", "Parent")]
    ):
        y = 679 - 12 * k
        ops += [_text(76, y, name), _text(254, y, born), _text(404, y, tie)]
    return ops


def test_a_heads_two_lines_read_top_line_first(tmp_path: Path) -> None:
    # (Grouped with the row's other heads into one line, the cell's two lines were read
    # left to right as pieces of one line: the lower line, starting further left, first.)
    table = _table(helvetica_page(tmp_path / "two-lines.pdf", _prose() + _head_over_two_lines()))
    assert [c.text for c in table.rows[0].cells] == [
        "Family name", "Date of birth or registration number", "Relationship",
    ]


def _head_over_three_lines() -> list[str]:
    """A head row whose first head holds three lines centred in its cell, the top one the
    widest and the middle one the narrowest (so that, left to right, the pieces start top,
    bottom, middle), beside heads of two lines and of one set between them (the row's text
    one group of lines, the three lines in it), the last head's top line drawn in two
    pieces, over rows of data."""
    ops = ["0 g", *(_across(y) for y in (724, 678, 664)), _across(692, 2.0)]
    ops += [_down(x, 724, 664) for x in (LEFT, 200, 330, 450, RIGHT)]
    ops += [
        _text(121.8, 712, "Number"),  # (28.4 points wide, centred on 136)
        _text(132.7, 705, "of"),  # (6.7)
        _text(127.1, 698, "visits"),  # (17.8)
        _text(245.2, 708.5, "First visit"),
        _text(240.3, 701.5, "to the clinic"),
        _text(380.4, 705, "Total"),
        _text(476.1, 708.5, "Last"),  # (its line drawn in two pieces, the line under
        _text(477.9, 701.5, "this year"),  # it between them)
        _text(493.4, 708.5, "visit"),
    ]
    for y, row in ((683, ("3", "2019-04-02", "7", "2024-11-30")),
                   (669, ("1", "2023-01-15", "1", "2023-01-15"))):
        ops += [_text(x, y, text) for x, text in zip((76, 204, 334, 454), row, strict=True)]
    return ops


def test_a_heads_three_lines_read_top_down(tmp_path: Path) -> None:
    # (Grouped with the row's other heads into one line, a cell's pieces were merged left
    # to right, of two pieces the upper first but a third last: the middle line, which
    # starts furthest right, "Number visits of"; the end of the top line, "Last this year
    # visit".)
    path = helvetica_page(tmp_path / "three-lines.pdf", _prose() + _head_over_three_lines())
    assert [c.text for c in _table(path).rows[0].cells] == [
        "Number of visits", "First visit to the clinic", "Total", "Last visit this year",
    ]


def test_words_over_a_grids_figures_are_header_cells(tmp_path: Path) -> None:
    # Ruled between every row alike, in one face: the words over the figures are the head.
    table = _table(helvetica_page(tmp_path / "words.pdf", _prose() + _data_grid(0.5)))
    assert _heads(table) == [[True] * 3] + [[False] * 3] * 3


def test_heads_told_by_their_words_keep_the_rows_they_are_set_on(tmp_path: Path) -> None:
    # A group's name over the Population column, ruled into a band of its own over the
    # columns' heads: "Region" and "Area" are not moved up beside it (as heads set at
    # different heights in one band would be).
    ops = _prose() + _data_grid(0.5) + [_across(736), _down(LEFT, 736, 724),
                                         _down(RIGHT, 736, 724), _text(254, 727, "Census")]
    table = _table(helvetica_page(tmp_path / "group.pdf", ops))
    assert [[c.text for c in row.cells] for row in table.rows[:2]] == [
        ["", "Census", ""], ["Region", "Population", "Area"]
    ]
    assert _heads(table)[:3] == [[True] * 3, [True] * 3, [False] * 3]
