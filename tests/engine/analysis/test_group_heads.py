"""A group's name over the columns it gathers ("Total" over "All", "Boys" and "Girls") is one
header cell spanning them, though its text stays inside one of them: centred over their
extent in a table no rule parts, or boxed over them in a ruled grid, the rules between them
stopping under it. A grid's heads centred in their columns over rows whose names are set
flush left are its header cells, though nothing else sets them apart
(:mod:`workers.engine.layout.table_heads`). Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .drawn_pdfs import helvetica_page

ROWS = [("North", 1200, 35), ("South", 3400, 48), ("East", 560, 12), ("West", 780, 20),
        ("Centre", 990, 31)]


def _show(x: float, y: float, text: str) -> bytes:
    return f"BT /F1 10 Tf {x} {y} Td ({text}) Tj ET".encode("cp1252")


def _table(path: Path) -> Table:
    (table,) = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]
    return table


def _first_row(table: Table) -> list[tuple[str, int, bool]]:
    return [(c.text, c.col_span, c.header) for c in table.rows[0].cells]


def _grouped_table_ops(total_x: float, boys_x: float) -> list[bytes]:
    """An unruled table of two groups of three columns: "Total" (at ``total_x``) over
    "All", "Boys" (at ``boys_x``) and "Girls", and "Rate" centred over "Mean", "Low" and
    "High"; the regions' names flush left."""
    counts = (160, boys_x, 280)
    ops = [_show(total_x, 720, "Total"), _show(400.7, 720, "Rate"), _show(72, 700, "Region")]
    ops += [_show(x, 700, name) for x, name in zip(
        (*counts, 340, 400, 460), ("All", "Boys", "Girls", "Mean", "Low", "High"),
        strict=True)]
    for k, (name, count, rate) in enumerate(ROWS):
        y = 682 - 16 * k
        ops.append(_show(72, y, name))
        ops += [_show(x, y, str(count + j)) for j, x in enumerate(counts)]
        ops += [_show(x, y, f"{rate + j}.5") for j, x in enumerate((340, 400, 460))]
    return ops


def test_a_name_centred_over_its_groups_columns_spans_them(tmp_path: Path) -> None:
    # Each name stands over the middle column of its three, centred over all three.
    table = _table(text_page_pdf(tmp_path / "groups.pdf", _grouped_table_ops(219.6, 220)))
    assert _first_row(table) == [("", 1, True), ("Total", 3, True), ("Rate", 3, True)]
    assert [c.text for c in table.rows[1].cells] == [
        "Region", "All", "Boys", "Girls", "Mean", "Low", "High"]
    assert all(c.header for c in table.rows[1].cells)


def test_a_name_over_its_own_column_spans_no_others(tmp_path: Path) -> None:
    # "Total" centred over "Boys" alone (nearer the columns beside it than any other name,
    # but off their middle): a head of one column, spanning none.
    table = _table(text_page_pdf(tmp_path / "one.pdf", _grouped_table_ops(200, 200)))
    assert ("Total", 1, True) in _first_row(table)
    assert ("Rate", 3, True) in _first_row(table)


LEFT, SPLIT, RIGHT = 72, 200, 540
SUBS = (313, 426)  # the rules between the group's three columns


def _text(x: float, y: float, text: str) -> str:
    return f"BT /F1 8 Tf {x} {y} Td ({text}) Tj ET"


def _across(y: float, left: float = LEFT) -> str:
    return f"{left} {y - 0.25} {RIGHT - left} 0.5 re f"


def _down(x: float, top: float, bottom: float) -> str:
    return f"{x - 0.25} {bottom} 0.5 {top - bottom} re f"


def _boxed_group(sub_top: float) -> list[str]:
    """A grid whose group's name, "Sales", is boxed over its three columns' heads, the
    rules between those columns running up to ``sub_top``."""
    ops = ["0 g", _across(724), _across(712, SPLIT), *(_across(y) for y in (700, 688, 676, 664))]
    ops += [_down(x, 724, 664) for x in (LEFT, SPLIT, RIGHT)]
    ops += [_down(x, sub_top, 664) for x in SUBS]
    ops += [_text(360, 715, "Sales"), _text(76, 703, "Region")]
    ops += [_text(x + 4, 703, name) for x, name in zip((SPLIT, *SUBS), ("North", "South", "West"),
                                                       strict=True)]
    for k, (name, count, _) in enumerate(ROWS[:3]):
        y = 691 - 12 * k
        ops.append(_text(76, y, name))
        ops += [_text(x + 4, y, str(count + j)) for j, x in enumerate((SPLIT, *SUBS))]
    return ops


def _prose() -> list[str]:
    return [
        "BT /F1 10 Tf 72 760 Td (The sales of each region, by quarter.) Tj ET",
        "BT /F1 10 Tf 72 620 Td (Figures are in units sold.) Tj ET",
    ]


def test_a_name_boxed_over_its_groups_columns_spans_them(tmp_path: Path) -> None:
    # ("Region", in a box of its own the height of both rows of heads, spans down them.)
    table = _table(helvetica_page(tmp_path / "boxed.pdf", _prose() + _boxed_group(712)))
    assert [(c.text, c.row_span, c.col_span) for c in table.rows[0].cells] == [
        ("Region", 2, 1), ("Sales", 1, 3)]
    assert [c.text for c in table.rows[1].cells] == ["North", "South", "West"]


def test_a_name_the_rules_part_from_its_neighbours_spans_one_column(tmp_path: Path) -> None:
    # The rules between the three columns run up through the name's band: its box is its
    # own column's.
    table = _table(helvetica_page(tmp_path / "parted.pdf", _prose() + _boxed_group(724)))
    assert ("Sales", 1) in [(t, n) for t, n, _ in _first_row(table)]


def test_a_long_name_boxed_over_its_groups_columns_spans_them_all(tmp_path: Path) -> None:
    # The name runs across one rule's place, but its box goes on over the third column.
    ops = [op for op in _boxed_group(712) if "(Sales)" not in op]
    ops.append(_text(300, 715, "Sales of the year by region"))
    table = _table(helvetica_page(tmp_path / "long.pdf", _prose() + ops))
    assert ("Sales of the year by region", 3) in [(t, n) for t, n, _ in _first_row(table)]


def _centred_heads(name_at: float) -> list[str]:
    """A grid ruled alike throughout, in one face, words in every row: its heads centred in
    their columns, the first (set at ``name_at``) over the rows' names set flush left."""
    ops = ["0 g", *(_across(y) for y in (724, 708, 692, 676, 660, 644))]
    ops += [_down(x, 724, 644) for x in (LEFT, 300, 400, RIGHT)]
    ops += [_text(name_at, 713, "Parameter"), _text(339.6, 713, "Alarm"),
            _text(452.9, 713, "Indication")]
    for k, (name, alarm, shown) in enumerate([
        ("Fuel oil pressure", "L", "local"), ("Fuel oil leakage", "H", ""),
        ("Oil mist in crankcase", "H", "local"), ("Cooling water flow", "L", "local"),
    ]):
        y = 697 - 16 * k
        ops += [_text(76, y, name), _text(347.1, y, alarm)]
        if shown:
            ops.append(_text(461.8, y, shown))
    return ops


def test_heads_set_apart_by_their_centring_are_header_cells(tmp_path: Path) -> None:
    table = _table(helvetica_page(tmp_path / "centred.pdf", _prose() + _centred_heads(167.3)))
    assert [(c.text, c.header) for c in table.rows[0].cells] == [
        ("Parameter", True), ("Alarm", True), ("Indication", True)]
    assert not any(c.header for row in table.rows[1:] for c in row.cells)


def test_a_first_row_set_flush_left_as_the_rest_is_no_head(tmp_path: Path) -> None:
    table = _table(helvetica_page(tmp_path / "flush.pdf", _prose() + _centred_heads(76)))
    assert not any(c.header for row in table.rows for c in row.cells)
