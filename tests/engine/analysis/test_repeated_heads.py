"""A document whose tables open again and again with one row of column names, set in the
body's own face (in grey, told by colour alone): that row heads each of them
(:func:`.table_heads.repeated_first_rows`). A row of data, or a row one table alone opens
with, heads nothing. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from tests.engine.content_pdfs import text_page_pdf
from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

_METHODS = [
    [("void", "save()"), ("void", "restore()"), ("void", "clip()")],
    [("void", "scale(float x, float y)"), ("void", "rotate(float angle)"),
     ("string", "toDataURL(string type)")],
]


def _tables_pdf(path: Path, heads: list[tuple[str, str]]) -> Path:
    """A section title, then a table of methods under ``heads[k]``, for each table: the
    heads drawn grey, the rows black, all in one face and size."""
    ops: list[bytes] = []
    top = 760
    for k, rows in enumerate(_METHODS):
        ops.append(f"0 g BT /F1 12 Tf 72 {top} Td (Section {k + 1} of the interface) Tj ET"
                   .encode())
        top -= 24
        ret, name = heads[k]
        ops += [f"0.5 g BT /F1 9 Tf 80 {top} Td ({ret}) Tj ET".encode(),
                f"BT /F1 9 Tf 180 {top} Td ({name}) Tj ET 0 g".encode()]
        for returns, method in rows:
            top -= 13
            ops += [f"BT /F1 9 Tf 80 {top} Td ({returns}) Tj ET".encode(),
                    f"BT /F1 9 Tf 180 {top} Td ({method}) Tj ET".encode()]
        top -= 40
    return text_page_pdf(path, ops)


def _heads(path: Path) -> list[list[str]]:
    tables = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]
    assert len(tables) == len(_METHODS)
    return [[c.text for row in t.rows for c in row.cells if c.header] for t in tables]


def test_a_row_every_table_opens_with_heads_each(tmp_path: Path) -> None:
    path = _tables_pdf(tmp_path / "methods.pdf", [("Return", "Name")] * 2)
    assert _heads(path) == [["Return", "Name"], ["Return", "Name"]]


def test_a_row_one_table_alone_opens_with_heads_nothing(tmp_path: Path) -> None:
    path = _tables_pdf(tmp_path / "apart.pdf", [("Return", "Name"), ("Result", "Method")])
    assert _heads(path) == [[], []]
