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


_PARAMETERS = [
    [("node:", "the node to process"), ("inst:", "the instruction in the sheet"),
     ("Returns:", "the computed string value")],
    [("name:", "the attribute name"), ("ns:", "the attribute namespace"),
     ("Returns:", "the new attribute node")],
]


def _tables_pdf(
    path: Path, heads: list[tuple[str, str]], tables: list[list[tuple[str, str]]] = _METHODS,
    *, ruled: bool = False,
) -> Path:
    """A section title, then a table of ``tables[k]``'s rows under ``heads[k]``, for each
    table: the heads drawn grey, the rows black, all in one face and size (``ruled``: each
    cell boxed by thin rules)."""
    ops: list[bytes] = []
    top = 760
    for k, rows in enumerate(tables):
        ops.append(f"0 g BT /F1 12 Tf 72 {top} Td (Section {k + 1} of the interface) Tj ET"
                   .encode())
        top -= 24
        ret, name = heads[k]
        ops += [f"0.5 g BT /F1 9 Tf 80 {top} Td ({ret}) Tj ET".encode(),
                f"BT /F1 9 Tf 180 {top} Td ({name}) Tj ET 0 g".encode()]
        first = top
        for returns, method in rows:
            top -= 13
            ops += [f"BT /F1 9 Tf 80 {top} Td ({returns}) Tj ET".encode(),
                    f"BT /F1 9 Tf 180 {top} Td ({method}) Tj ET".encode()]
        if ruled:
            # (Each row boxed: a rule across over and under each, one down each column's side.)
            ys = [first + 10 - 13 * r for r in range(len(rows) + 2)]
            ops += [f"76 {y} 300 0.5 re f".encode() for y in ys]
            ops += [f"{x} {ys[-1]} 0.5 {ys[0] - ys[-1]} re f".encode() for x in (76, 176, 376)]
        top -= 40
    return text_page_pdf(path, ops)


def _heads(path: Path) -> list[list[str]]:
    tables = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]
    assert len(tables) == len(_METHODS)
    return [[c.text for row in t.rows for c in row.cells if c.header] for t in tables]


def test_a_row_every_table_opens_with_heads_each(tmp_path: Path) -> None:
    path = _tables_pdf(tmp_path / "methods.pdf", [("Return", "Name")] * 2)
    assert _heads(path) == [["Return", "Name"], ["Return", "Name"]]


def test_a_row_every_ruled_table_opens_with_heads_each(tmp_path: Path) -> None:
    path = _tables_pdf(tmp_path / "ruled.pdf", [("Return", "Name")] * 2, ruled=True)
    assert _heads(path) == [["Return", "Name"], ["Return", "Name"]]


def test_a_row_one_table_alone_opens_with_heads_nothing(tmp_path: Path) -> None:
    path = _tables_pdf(tmp_path / "apart.pdf", [("Return", "Name"), ("Result", "Method")])
    assert _heads(path) == [[], []]


def test_a_label_and_its_value_every_table_opens_with_heads_nothing(tmp_path: Path) -> None:
    # An API reference's parameter tables, each function's first parameter the same one:
    # "ctxt:" introduces its description, a row of the table like those under it.
    path = _tables_pdf(tmp_path / "params.pdf", [("ctxt:", "the transformation context")] * 2,
                       _PARAMETERS, ruled=True)
    assert _heads(path) == [[], []]
