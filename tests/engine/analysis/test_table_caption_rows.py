"""A table's caption set apart over or under its rows ("Table 3. …" running across the
columns, or set above the table's top rule) is the table's caption, read as text where it
stands, not a row of cells; a row whose first cell merely opens like a caption stays a row."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from pikepdf import OutlineItem

from workers.engine.captions import without_caption_paragraphs
from workers.engine.document import Block, Heading, Paragraph, Table
from workers.engine.layout.reader import read_layout
from workers.engine.tagged_pdf.plan import _sequence

from ..content_pdfs import text_page_pdf

_ROWS = [("Item", "Quantity", "Price"), ("Super Kite", "2", "20.00"),
         ("Turbo Flyer", "5", "40.00"), ("Giga Trash", "1", "180.00"),
         ("Bare Bone Kit", "3", "50.00")]
_COLUMNS = (120, 330, 430)


def _show(x: float, y: float, text: str, size: float = 9) -> bytes:
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET".encode()


def _rule(x0: float, x1: float, y: float) -> bytes:
    return f"{x0} {y} {x1 - x0} 0.4 re f".encode()


def _rows(top: float, rows: list[tuple[str, str, str]] = _ROWS) -> list[bytes]:
    return [
        _show(x, top - 14 * k, cell) for k, row in enumerate(rows)
        for x, cell in zip(_COLUMNS, row, strict=True)
    ]


def _cells(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def _read(path: Path) -> tuple[Table, list[Block]]:
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    return table, doc.blocks


@pytest.mark.parametrize("label", ["Table 3.", "Tab. 3", "Tableau 3 :", "Tabelle 3."])
def test_a_caption_running_across_the_columns_over_the_rows_is_the_tables_caption(
    tmp_path: Path, label: str
) -> None:
    # The label at the table's left edge, the title running on across its columns, on the
    # line right over the rows (the rows' own pitch): no row of cells.
    ops = [_show(120, 734, label), _show(186, 734, "Sales of kites by model and by shop, spring")]
    path = text_page_pdf(tmp_path / "above.pdf", ops + _rows(720))
    table, blocks = _read(path)
    caption = f"{label} Sales of kites by model and by shop, spring"
    assert table.caption == caption
    assert _cells(table)[0] == ["Item", "Quantity", "Price"]
    assert not any("Sales" in cell for row in _cells(table) for cell in row)
    assert any(isinstance(b, Paragraph) and b.text == caption for b in blocks)


def test_a_caption_wrapped_onto_a_second_line_over_the_rows_is_the_tables_caption(
    tmp_path: Path,
) -> None:
    ops = [_show(120, 748, "Table 3."),
           _show(170, 748, "Sales of kites by model and by shop in the"),
           _show(170, 738, "spring and summer")]
    path = text_page_pdf(tmp_path / "wrapped.pdf", ops + _rows(720))
    table, _ = _read(path)
    assert table.caption == "Table 3. Sales of kites by model and by shop in the spring and summer"
    assert _cells(table)[0] == ["Item", "Quantity", "Price"]


def test_a_caption_under_the_rows_is_the_tables_caption(tmp_path: Path) -> None:
    title = "Sales of kites by model and by shop, spring and summer"
    ops = _rows(720) + [_show(120, 650, "Table 3:"), _show(160, 650, title)]
    path = text_page_pdf(tmp_path / "below.pdf", ops)
    table, blocks = _read(path)
    assert table.caption == "Table 3: Sales of kites by model and by shop, spring and summer"
    assert _cells(table)[-1] == ["Bare Bone Kit", "3", "50.00"]
    assert not any("Sales" in cell for row in _cells(table) for cell in row)
    # (Tagged as the table's Caption, its last child: where it is read.)
    (node,) = _sequence(blocks)
    assert node.role == "Table" and node.children[-1].role == "Caption"


def test_a_caption_over_the_tables_top_rule_is_its_caption(tmp_path: Path) -> None:
    # The caption's two pieces each fall in a column of the rows, but the table's top rule
    # runs between them and the rows, and no rule over the caption: set apart, as LaTeX's
    # booktabs sets a table.
    ops = [_show(150, 736, "Table 1:"), _show(330, 736, "Kites"), _rule(110, 470, 732)]
    path = text_page_pdf(tmp_path / "ruled.pdf", ops + _rows(720) + [_rule(110, 470, 660)])
    table, _ = _read(path)
    assert table.caption == "Table 1: Kites"
    assert _cells(table)[0] == ["Item", "Quantity", "Price"]


def test_a_first_row_opening_like_a_caption_in_the_grid_stays_a_row(tmp_path: Path) -> None:
    # A list of tables: "Table 1" is a cell of the first column, each piece of the row in a
    # column of the grid.
    rows = [("Table 1", "12", "4.00"), ("Table 2", "8", "3.50"), ("Chair", "40", "1.20"),
            ("Bench", "6", "9.00")]
    path = text_page_pdf(tmp_path / "row.pdf", _rows(720, rows))
    table, _ = _read(path)
    assert table.caption is None
    assert _cells(table)[0] == ["Table 1", "12", "4.00"]


def test_a_first_row_ruled_in_like_the_others_stays_a_row(tmp_path: Path) -> None:
    # Every row between rules: the one under the first row parts it from the rest, but the
    # one over it rules it in.
    rows = [("Table 1", "12", "4.00"), ("Table 2", "8", "3.50"), ("Chair", "40", "1.20"),
            ("Bench", "6", "9.00")]
    rules = [_rule(110, 470, 731 - 14 * k) for k in range(5)]
    path = text_page_pdf(tmp_path / "ruled-rows.pdf", _rows(720, rows) + rules)
    table, _ = _read(path)
    assert table.caption is None
    assert _cells(table)[0] == ["Table 1", "12", "4.00"]


def test_a_bookmarked_caption_is_no_heading_but_the_tables_caption(tmp_path: Path) -> None:
    # The outline leads to the table by its caption: the caption is said with the table
    # (tagged as its Caption), not once more as a heading over it.
    caption = "Table 3. Sales of kites by model and by shop, spring"
    ops = [_show(120, 734, "Table 3."), _show(170, 734, caption.removeprefix("Table 3. "))]
    path = text_page_pdf(tmp_path / "plain.pdf", ops + _rows(720))
    pdf = pikepdf.open(path)
    with pdf.open_outline() as outline:
        outline.root.append(OutlineItem(caption, 0))
    pdf.save(tmp_path / "marked.pdf")
    doc = read_layout(tmp_path / "marked.pdf", max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert table.caption == caption
    assert not any(isinstance(b, Heading) for b in doc.blocks)
    (node,) = [n for n in _sequence(doc.blocks) if n.role == "Table"]
    assert node.children[0].role == "Caption"


def _grid(xs: list[float], ys: list[float]) -> list[bytes]:
    return [f"{xs[0]} {y} {xs[-1] - xs[0]} 0.5 re f".encode() for y in ys] + [
        f"{x} {ys[-1]} 0.5 {ys[0] - ys[-1]} re f".encode() for x in xs
    ]


@pytest.mark.parametrize("title", ["Table 2: Staging of the tumour", "Staging"])
def test_a_caption_in_a_band_of_the_grids_box_over_its_rules_is_its_caption(
    tmp_path: Path, title: str
) -> None:
    # A table set on a coloured box, its caption in a band of the box above the top rule:
    # the table's caption, read as text. (A title naming no table stays the grid's first
    # row, one cell across it.)
    xs, ys = [100.0, 200.0, 400.0], [700.0, 670.0, 640.0, 610.0]
    rows = [("Stage I", "Less than 2 cm"), ("Stage II", "From 2 to 5 cm"),
            ("Stage III", "More than 5 cm")]
    ops = [b"0.8 g 100 600 300 125 re f 0 g", *_grid(xs, ys), _show(106, 708, title)]
    for r, (stage, size) in enumerate(rows):
        ops += [_show(106, 684 - 30 * r, stage), _show(206, 684 - 30 * r, size)]
    table, blocks = _read(text_page_pdf(tmp_path / "boxed.pdf", ops))
    cells = [[text for text in row if text] for row in _cells(table)]
    if title.startswith("Table"):
        assert table.caption == title
        assert cells == [list(row) for row in rows]
        assert any(isinstance(b, Paragraph) and b.text == title for b in blocks)
    else:
        assert table.caption is None
        assert cells[0] == [title]


def test_heads_naming_tables_over_their_columns_stay_a_row(tmp_path: Path) -> None:
    # Heads centred over columns of figures set flush right line up with no figure, but
    # each names a table: the columns' heads, no caption.
    ops = [_show(x - 16, 734, f"Table {k + 1}") for k, x in enumerate((140, 240, 340))]
    for k, row in enumerate([("1,204", "87", "5"), ("12", "4", "310"), ("340", "21,500", "9")]):
        ops += [_show(x + 8 - 5 * len(v), 720 - 14 * k, v) for x, v in zip((140, 240, 340), row,
                                                                          strict=True)]
    table, _ = _read(text_page_pdf(tmp_path / "heads.pdf", ops))
    assert table.caption is None
    assert _cells(table)[0] == ["Table 1", "Table 2", "Table 3"]


@pytest.mark.parametrize("note", ["[In thousands]", "(Percent)"])
def test_a_units_note_under_the_caption_goes_with_the_caption(tmp_path: Path, note: str) -> None:
    # "[In thousands]" centred under a two-line caption, over the table's top rule: the
    # units of its figures, said with the caption, not a cell of a first row.
    ops = [_show(120, 762, "Table 3."), _show(170, 762, "Sales of kites by model and by shop in"),
           _show(170, 752, "the spring and summer"), _show(260, 740, note), _rule(110, 470, 732)]
    path = text_page_pdf(tmp_path / "units.pdf", ops + _rows(720) + [_rule(110, 470, 660)])
    table, blocks = _read(path)
    caption = f"Table 3. Sales of kites by model and by shop in the spring and summer {note}"
    assert table.caption == caption
    assert _cells(table)[0] == ["Item", "Quantity", "Price"]
    assert not any(note in cell for row in _cells(table) for cell in row)
    # (Said once: the caption's paragraph, tagged as the table's Caption, says the note.)
    (node,) = [n for n in _sequence(blocks) if n.role == "Table"]
    assert node.children[0].role == "Caption" and node.children[0].text == caption



def test_a_headnote_under_the_caption_goes_with_the_caption(tmp_path: Path) -> None:
    # A statistical abstract's table: its caption in a larger face, then a headnote of two
    # lines in a smaller one, wholly in brackets, over the table's top rule. The two read
    # apart as blocks, the headnote between the caption and the table; the caption, said
    # with the table, was then said once more where it stood.
    note = ("[In thousands (11,062.6 represents 11,062,600). For year ending December 31.",
            "Based on reports of 12,910 agencies. See text, this section and source]")
    ops = [_show(110, 770, "Table 324. Sales of Kites by Model: 2009", size=12),
           _show(110, 758, note[0], size=7), _show(110, 750, note[1], size=7),
           _rule(110, 470, 744)]
    path = text_page_pdf(tmp_path / "headnote.pdf", ops + _rows(732) + [_rule(110, 470, 672)])
    table, blocks = _read(path)
    caption = f"Table 324. Sales of Kites by Model: 2009 {note[0]} {note[1]}"
    assert table.caption == caption
    assert _cells(table)[0] == ["Item", "Quantity", "Price"]
    said = " ".join(b.text for b in without_caption_paragraphs(blocks) if isinstance(b, Paragraph))
    assert "Table 324" not in said and "In thousands" not in said
