"""A table's first row set in a bold face over rows in a regular face is its header row
(:func:`.table_heads.bold_head_row`), TeX's bold faces too, which name their weight only in
a code ("CMBX10"); a first row in the face every row is set in is no header."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout
from workers.engine.layout.table_heads import TEX_BOLD

_ROWS = [("Country", "Population", "Capital"), ("Germany", "83.2", "Berlin"),
         ("France", "67.8", "Paris"), ("Italy", "59.0", "Rome"), ("Spain", "47.4", "Madrid")]


def _table_pdf(path: Path, head_font: str, body_font: str, *, figures: bool = True) -> Path:
    """The rows at three tab stops, the first in ``head_font``, the rest in ``body_font``
    (standard Type 1 names, not embedded: the name is all the reader has of the face);
    without ``figures``, the first row's head over them left out."""
    rows = _ROWS if figures else [(a, "", c) for a, _, c in _ROWS]
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    fonts = {
        key: pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(name),
        ))
        for key, name in (("/H", head_font), ("/B", body_font))
    }
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(fonts))
    ops = [
        f"BT {'/H' if k == 0 else '/B'} 10 Tf {x} {700 - 14 * k} Td ({cell}) Tj ET".encode()
        for k, row in enumerate(rows) for x, cell in zip((120, 260, 380), row, strict=True)
        if cell
    ]
    page.obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def _table(path: Path) -> Table:
    (table,) = [b for b in read_layout(path, max_pages=5).blocks if isinstance(b, Table)]
    return table


@pytest.mark.parametrize(("head", "body"), [
    ("/CMBX10", "/CMR10"),  # LaTeX's \textbf over Computer Modern roman
    ("/SFBX1000", "/SFRM1000"),  # the same in cm-super's EC faces
    ("/Helvetica-Bold", "/Helvetica"),
])
def test_a_first_row_in_bold_over_regular_rows_is_the_header_row(
    tmp_path: Path, head: str, body: str
) -> None:
    table = _table(_table_pdf(tmp_path / "bold-head.pdf", head, body))
    assert [c.text for c in table.rows[0].cells] == list(_ROWS[0])
    assert all(c.header and c.scope == "column" for c in table.rows[0].cells)
    assert not any(c.header for row in table.rows[1:] for c in row.cells)


def test_a_first_row_in_the_face_of_every_row_is_no_header_row(tmp_path: Path) -> None:
    # Every row in bold (a page's heading block set as a table): nothing sets the first apart
    # (its words over the column of figures would, as in .test_text_head_rows: left out).
    table = _table(_table_pdf(
        tmp_path / "all-bold.pdf", "/Helvetica-Bold", "/Helvetica-Bold", figures=False
    ))
    assert not any(c.header for row in table.rows for c in row.cells)


@pytest.mark.parametrize("name", [
    "cmbx10", "cmbx12", "cmb10", "cmbxti10", "cmbxsl10", "cmbcsc10", "cmssbx10", "cmmib10",
    "cmbsy10", "sfbx1095", "sfsx1440", "sfbi1000", "sfxc1000", "ecbx1000",
])
def test_texs_bold_faces_are_known_by_name(name: str) -> None:
    assert TEX_BOLD.fullmatch(name)


@pytest.mark.parametrize("name", ["cmr10", "cmbr10", "cmti10", "cmss10", "sfrm1095", "cmbx"])
def test_texs_regular_faces_are_not_bold(name: str) -> None:
    assert not TEX_BOLD.fullmatch(name)
