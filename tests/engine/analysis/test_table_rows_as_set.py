"""A table's rows and columns as a sighted reader sees them: a form's rules drawn a piece at
a time part no columns, and its empty ruled rows stay rows whatever its heads' lines; a
cell's line split at the two spaces after a clause is its cell's; lines set as rows, their
figures left blank, stay rows; the row naming a group's columns, under the group's head,
is a head row too; and a line saying the table goes on over the page is pagination. Small
PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Cell, Row, Table, block_text
from workers.engine.layout.continued_tables import goes_on_rows_apart
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page

LEFT, RIGHT = 72, 540


def _text(x: float, y: float, text: str, size: float = 8) -> str:
    literal = text.replace("(", "\\(").replace(")", "\\)")
    return f"BT /F1 {size} Tf {x} {y} Td ({literal}) Tj ET"


def _across(y: float, x0: float, x1: float) -> str:
    return f"{x0} {y - 0.25} {x1 - x0} 0.5 re f"


def _down(x: float, top: float, bottom: float) -> str:
    return f"{x - 0.25} {bottom} 0.5 {top - bottom} re f"


def _prose() -> list[str]:
    return [
        "BT /F1 10 Tf 72 760 Td (Fill in the table below for each person you claim.) Tj ET",
        "BT /F1 10 Tf 72 560 Td (Sign the form once every entry is made.) Tj ET",
    ]


def _tables(path: Path) -> list[Table]:
    return [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]


def _cells(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_rules_drawn_in_pieces_part_no_empty_column_and_blank_rows_stay(
    tmp_path: Path,
) -> None:
    # A form's table of dependents: heads over four empty ruled rows, each rule across drawn
    # in two pieces meeting where no rule runs down; the third head's note mark raised, its
    # line higher than a row.
    ops = [*_prose(), "0 g"]
    for y in (724, 700, 686, 672, 658, 644):
        ops += [_across(y, LEFT, 300), _across(y, 300, RIGHT)]
    ops += [_down(x, 724, 644) for x in (LEFT, 250, 400, RIGHT)]
    ops += [_text(76, 709, "Family name"), _text(254, 709, "Given names"),
            "BT /F1 8 Tf 404 706 Td (Date of birth) Tj 7 Ts (1) Tj ET"]
    (table,) = _tables(helvetica_page(tmp_path / "form.pdf", ops))
    assert _cells(table) == [["Family name", "Given names", "Date of birth 1"], *[["", "", ""]] * 4]
    assert all(c.header for c in table.rows[0].cells)


def _width(text: str, size: float) -> float:
    # Helvetica's advance widths for the few characters a test sets after a gap.
    widths = {"C": 722, "I": 278, "T": 611, "Y": 667, ";": 278}
    return sum(widths[ch] for ch in text) * size / 1000


def test_a_cells_line_split_after_a_clause_stays_in_its_row(tmp_path: Path) -> None:
    # An expenses report's rows; one description runs on to a line "CITY;  3/24 SAINT
    # LOUIS ...", two spaces typed after the semicolon: the line is split there, both its
    # pieces in the description's column.
    rows = [("DHAW01", "CITIBANK CARD", "AIRFARE FOR K FORD TO SAINT LOUIS, KANSAS", "903.90"),
            ("DHAW02", "CITIBANK CARD", "AIRFARE FOR M BERG TO SPRINGFIELD", "521.00"),
            ("DHAW03", "SENATOR CARD", "TRAIN FARE TO NEW YORK AND RETURN", "618.00"),
            ("DHAW04", "CITIBANK CARD", "AIRFARE FOR C WEIHS TO SPRINGFIELD", "411.49")]
    ops = [_text(72, 760, "Expenses of the office for the second quarter, by document.", 10)]
    y = 700.0
    for k, row in enumerate(rows):
        ops += [_text(x, y, text) for x, text in zip((72, 150, 260, 500), row, strict=True)]
        if k == 0:
            y -= 10
            ops += [_text(260, y, "CITY;"),
                    _text(260 + _width("CITY;", 8) + 7, y, "3/24 SAINT LOUIS TO WASHINGTON DC")]
        y -= 14
    (table,) = _tables(helvetica_page(tmp_path / "expenses.pdf", ops))
    cells = _cells(table)
    assert len(cells) == 4
    assert cells[0][2] == ("AIRFARE FOR K FORD TO SAINT LOUIS, KANSAS CITY; 3/24 SAINT LOUIS"
                           " TO WASHINGTON DC")


def test_lines_set_as_rows_with_their_figures_blank_stay_rows(tmp_path: Path) -> None:
    # An income statement: an item's parts listed under it, a row each at the statement's
    # pitch, their figures left blank. Each ends far short of the column's edge: no line
    # wrapped on to the next.
    rows = [("Value of production", "124.504", "127.608"),
            ("Revenue from sales and services", "120.062", "124.406"),
            ("Change in inventories of finished goods", "1.942", "117"),
            ("Income from holdings", "0", "0"),
            ("Subsidiaries",), ("Associates",), ("Others",),
            ("Other financial income", "57", "461"),
            ("Interest and other financial charges", "3.027", "2.996"),
            ("Costs of production", "115.995", "116.800")]
    ops = [_text(72, 760, "Income statement of the company, in thousands of euros.", 10)]
    for k, row in enumerate(rows):
        y = 700 - 12 * k
        ops.append(_text(72 if len(row) > 1 else 84, y, row[0]))
        ops += [_text(x, y, figure) for x, figure in zip((450, 520), row[1:], strict=False)]
    (table,) = _tables(helvetica_page(tmp_path / "statement.pdf", ops))
    cells = _cells(table)
    assert ["Income from holdings", "0", "0"] in cells
    for part in ("Subsidiaries", "Associates", "Others"):
        assert [part, "", ""] in cells
    assert len(cells) == len(rows)


def test_a_line_saying_the_text_goes_on_over_the_page_is_pagination(tmp_path: Path) -> None:
    ops = [_text(72, 760, "The costs of the work are set out in the table below, by action.", 10)]
    for k, row in enumerate([("Action", "Labor", "Parts"), ("Install", "85", "0"),
                             ("Revise", "85", "0"), ("Test", "3,400", "0")]):
        ops += [_text(x, 700 - 12 * k, t) for x, t in zip((72, 250, 400), row, strict=True)]
    ops.append(_text(72, 640, "(continued on next page)"))
    doc = read_layout(helvetica_page(tmp_path / "goes-on.pdf", ops), max_pages=1)
    texts = [block_text(b) for b in doc.blocks]
    assert not any("continued" in text for text in texts)
    assert [(a.kind, a.text) for a in doc.artifacts] == [
        ("pagination", "(continued on next page)")
    ]


def test_a_tables_last_row_saying_it_goes_on_is_pagination() -> None:
    table = Table([Row([Cell("Install"), Cell("85")]), Row([Cell("Continued on page 5"),
                                                            Cell("")])])
    (artifact,) = goes_on_rows_apart(table)
    assert (artifact.kind, artifact.text) == ("pagination", "Continued on page 5")
    assert [[c.text for c in row.cells] for row in table.rows] == [["Install", "85"]]


def test_heads_under_a_groups_head_are_heads_too(tmp_path: Path) -> None:
    # A bold head row, "Sales" running over two columns, over a ruled row naming the two
    # ("1996", "1997") and one under "Staff", with no row's name beside them, over the
    # regions' rows: both rows are heads.
    ys = [724, 708, 694, 680, 666, 652]
    ops = [*_prose(), "0 g", *(_across(y, LEFT, RIGHT) for y in ys)]
    ops += [_down(x, ys[0], ys[-1]) for x in (LEFT, 200, 300, 400, RIGHT)]
    ops += ["BT /F2 8 Tf 262 713 Td (Sales total) Tj ET", "BT /F2 8 Tf 404 713 Td (Staff) Tj ET",
            _text(204, 698, "1996"), _text(304, 698, "1997"), _text(404, 698, "1996")]
    for k, (region, *figures) in enumerate([("North", "12", "14", "3"), ("South", "20", "22", "5"),
                                            ("West", "7", "9", "2")]):
        y = 684 - 14 * k
        ops += [_text(76, y, region), *(_text(x, y, t) for x, t in zip((204, 304, 404), figures,
                                                                        strict=True))]
    (table,) = _tables(helvetica_page(tmp_path / "groups.pdf", ops))
    heads = [[c.text for c in row.cells if c.header] for row in table.rows]
    assert heads[:2] == [["", "Sales total", "Staff"], ["", "1996", "1997", "1996"]]
    assert not any(heads[2:])
