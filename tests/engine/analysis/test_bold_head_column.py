"""A table's first column set in bold beside columns in a regular face heads its rows
(:func:`.table_heads.bold_head_column`): an infobox's labels ("Developer(s)  Mozilla"), a
fact sheet's, a comparison's row names. Each is a row head (scope "row"), said with the
cells beside it; a first column in the face of the others, or beside bold cells, heads
nothing. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from tests.engine.content_pdfs import fonts_page_pdf
from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

_ROWS = [("Developer", "Mozilla Foundation"), ("Initial release", "2 July 2011"),
         ("Written in", "JavaScript and HTML"), ("Type", "Document viewer"),
         ("License", "Apache License")]


def _table_pdf(path: Path, label_font: str, value_font: str, *, bold_value: int = -1) -> Path:
    """The rows at two tab stops, the labels in ``label_font``, the values in
    ``value_font`` (the value of row ``bold_value`` in Helvetica-Bold), under a paragraph."""
    ops = [b"BT /V 10 Tf 120 740 Td (The facts of the program, row by row.) Tj ET"]
    for k, (label, value) in enumerate(_ROWS):
        y = 700 - 16 * k
        ops.append(f"BT /L 10 Tf 120 {y} Td ({label}) Tj ET".encode())
        face = "/X" if k == bold_value else "/V"
        ops.append(f"BT {face} 10 Tf 260 {y} Td ({value}) Tj ET".encode())
    return fonts_page_pdf(path, ops, {"L": label_font, "V": value_font, "X": "/Helvetica-Bold"})


def _table(path: Path) -> Table:
    (table,) = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]
    return table


def test_a_first_column_in_bold_heads_its_rows(tmp_path: Path) -> None:
    table = _table(_table_pdf(tmp_path / "facts.pdf", "/Helvetica-Bold", "/Helvetica"))
    assert [[c.text for c in row.cells] for row in table.rows] == [list(r) for r in _ROWS]
    for row in table.rows:
        label, value = row.cells
        assert label.header and label.scope == "row"
        assert not value.header and value.scope is None


def test_a_first_column_in_the_others_face_heads_nothing(tmp_path: Path) -> None:
    table = _table(_table_pdf(tmp_path / "plain.pdf", "/Helvetica", "/Helvetica"))
    assert not any(c.header for row in table.rows for c in row.cells)


def test_bold_labels_beside_a_bold_value_head_nothing(tmp_path: Path) -> None:
    """A value in bold too (a total, a warning): the bold is no column's mark."""
    table = _table(_table_pdf(
        tmp_path / "mixed.pdf", "/Helvetica-Bold", "/Helvetica", bold_value=2
    ))
    assert not any(c.scope == "row" for row in table.rows for c in row.cells)


def _two_pages_pdf(path: Path) -> Path:
    """A table of bold labels and regular values running from the foot of one page onto the
    top of the next (no head row), eight rows a page."""
    pdf = pikepdf.new()
    fonts = pikepdf.Dictionary(
        L=pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name("/Helvetica-Bold"))),
        V=pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name("/Helvetica"))),
    )
    for page in range(2):
        pdf.add_blank_page(page_size=(595, 842))
        ops = []
        top = 200 if page == 0 else 760  # (the first page's rows at its foot)
        if page == 0:
            ops.append(b"BT /V 10 Tf 120 700 Td (The terms, one by one, in the table.) Tj ET")
        for k in range(8):
            n = 8 * page + k + 1
            ops.append(f"BT /L 10 Tf 120 {top - 16 * k} Td (Region {n}) Tj ET".encode())
            ops.append(f"BT /V 10 Tf 260 {top - 16 * k} Td ({1200 + 37 * n} km) Tj ET"
                       .encode())
        pdf.pages[-1].obj.Resources = pikepdf.Dictionary(Font=fonts)
        pdf.pages[-1].obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def test_row_heads_do_not_part_a_table_at_a_page_break(tmp_path: Path) -> None:
    """The joining of a table's pieces asks whether the next piece is headed anew: a row's
    head is no column head (the row heads are said once the pieces are joined)."""
    tables = [
        b for b in read_layout(_two_pages_pdf(tmp_path / "two.pdf"), max_pages=2).blocks
        if isinstance(b, Table)
    ]
    assert len(tables) == 1
    assert len(tables[0].rows) == 16
    assert all(row.cells[0].header and row.cells[0].scope == "row" for row in tables[0].rows)
