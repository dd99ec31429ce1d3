"""Unruled tables whose pieces cross a gutter now and then (a head over two columns, a
merged cell) and whose cells open with bullets: the columns are the ones the other rows
show, and a bullet is read with its cell's text."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf


def _show(x: float, y: float, text: str) -> bytes:
    return f"BT /F1 10 Tf {x} {y} Td ({text}) Tj ET".encode("cp1252")


def _cells(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def test_a_head_over_two_columns_leaves_them_two(tmp_path: Path) -> None:
    # "Training questions" runs over the two columns of figures under it (the dataset's
    # own questions and those kept): its one piece crosses the gutter that every other row
    # leaves clear, and the figures stay in their two columns.
    ops = [_show(72, 700, "Dataset"), _show(190, 700, "Training questions"),
           _show(340, 700, "Test")]
    for k, (name, first, kept, test) in enumerate([
        ("Natural", "79,168", "58,880", "3,610"), ("Trivia", "78,785", "60,413", "11,313"),
        ("Web", "3,417", "2,474", "2,032"), ("Curated", "1,353", "1,125", "694"),
        ("Squad", "78,713", "70,096", "10,570"),
    ]):
        y = 682 - 16 * k
        ops += [_show(72, y, name), _show(190, y, first), _show(260, y, kept),
                _show(340, y, test)]
    doc = read_layout(text_page_pdf(tmp_path / "spanning-head.pdf", ops), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = _cells(table)
    assert cells[1] == ["Natural", "79,168", "58,880", "3,610"]
    assert cells[-1] == ["Squad", "78,713", "70,096", "10,570"]


def test_a_head_reaching_over_two_columns_spans_them(tmp_path: Path) -> None:
    # The same head, read as the head of both columns of figures, not of the first alone
    # beside a blank head.
    ops = [_show(72, 700, "Dataset"), _show(190, 700, "Training questions"),
           _show(340, 700, "Test")]
    for k in range(5):
        y = 682 - 16 * k
        ops += [_show(72, y, f"Set {k}"), _show(190, y, f"{7000 + k}"),
                _show(260, y, f"{5000 + k}"), _show(340, y, f"{300 + k}")]
    doc = read_layout(text_page_pdf(tmp_path / "spanning-head.pdf", ops), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    head = table.rows[0].cells
    assert [(c.text, c.col_span) for c in head] == [
        ("Dataset", 1), ("Training questions", 2), ("Test", 1)]


def test_a_bullet_opening_a_cell_is_read_with_its_text(tmp_path: Path) -> None:
    # A slide's table with a bulleted point in each cell: the bullet stands a little apart
    # from its word, and is the cell's, not a column of bullets of its own.
    bullet = "\u2022"
    ops = [_show(160, 700, f"{bullet}"), _show(172, 700, "Class 1"),
           _show(260, 700, f"{bullet}"), _show(272, 700, "Class 2"),
           _show(360, 700, f"{bullet}"), _show(372, 700, "Class 3")]
    for k, row in enumerate([("R1", "True", "False", "True"), ("R2", "False", "True", "True"),
                             ("R3", "True", "True", "False"), ("R4", "False", "False", "True")]):
        y = 682 - 16 * k
        ops += [_show(72, y, row[0])]
        for c, value in enumerate(row[1:]):
            ops += [_show(160 + 100 * c, y, f"{bullet}"), _show(172 + 100 * c, y, value)]
    doc = read_layout(text_page_pdf(tmp_path / "bulleted-cells.pdf", ops), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = _cells(table)
    assert cells[1] == ["R1", "\u2022 True", "\u2022 False", "\u2022 True"]
    assert all(len(row) == 4 for row in cells)
