"""A row group's name centred down the first column beside its rows, the groups parted by
rules across, is the group's row head spanning its rows, set in its first row
(:mod:`workers.engine.layout.row_groups`)."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .conftest import LOREM

XS = (72.0, 140.0, 260.0, 330.0, 400.0)
LEFT, RIGHT = 72.0, 440.0


def _show(x: float, y: float, text: str) -> bytes:
    return f"BT /F1 9 Tf {x} {y} Td ({text}) Tj ET".encode()


def _across(y: float) -> bytes:
    return f"{LEFT} {y} {RIGHT - LEFT} 0.5 re f".encode()


def _table_ops(centred: bool) -> list[bytes]:
    """A paragraph, then a table ruled across only: its heads, a group of three rows named
    "Single", a group of two named "Multi", the names centred down their rows (set on the
    middle row, and between the two) when ``centred``, else on each group's first row."""
    ops = [_show(72, 780, LOREM[:90]), _across(740)]
    ops += [_show(x, 728, t) for x, t in zip(XS, ("Training", "Model", "NQ", "TQA", "WQ"),
                                             strict=True)]
    ops += [_across(722)]
    models = ("BM25", "DPR", "BM25+DPR", "DPR", "BM25+DPR")
    ys = (710.0, 698.0, 686.0, 668.0, 656.0)
    for k, (model, y) in enumerate(zip(models, ys, strict=True)):
        ops += [_show(XS[1], y, model)]
        ops += [_show(x, y, f"{30 + 3 * k + j}.{k + j}") for j, x in enumerate(XS[2:])]
    ops += [_across(679), _across(648)]
    if centred:
        ops += [_show(XS[0], 698, "Single"), _show(XS[0], 662, "Multi")]
    else:
        ops += [_show(XS[0], 710, "Single"), _show(XS[0], 668, "Multi")]
    return ops


def _first_cells(path: Path) -> list[tuple[str, int]]:
    (table,) = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]
    return [(row.cells[0].text, row.cells[0].row_span) for row in table.rows[1:]]


def test_a_name_centred_down_its_rows_heads_them_all(tmp_path: Path) -> None:
    cells = _first_cells(text_page_pdf(tmp_path / "centred.pdf", _table_ops(centred=True)))
    assert [cell for cell in cells if cell[0] in ("Single", "Multi")] == [
        ("Single", 3), ("Multi", 2)]
    assert cells[0] == ("Single", 3) and cells[3] == ("Multi", 2)


def test_a_name_on_its_groups_first_row_is_left_as_it_is(tmp_path: Path) -> None:
    cells = _first_cells(text_page_pdf(tmp_path / "top.pdf", _table_ops(centred=False)))
    assert cells[0] == ("Single", 1) and cells[3] == ("Multi", 1)
