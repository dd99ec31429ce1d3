"""The C accelerator of the glyph loop (layout/_glyph_reader.c) and the Python loop it
replaces read the same glyphs, field for field, from pages that exercise every branch: fonts
and styles, sizes, rotated text, non-BMP characters, pdfium's generated spaces, artifacts,
marked content and text inside a Form XObject."""

from __future__ import annotations

import shutil
import sysconfig
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
import weasyprint

from workers.engine.layout import glyphs
from workers.engine.layout.glyphs import Glyph, read_page

_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 2cm } body { font: 11pt 'DejaVu Sans' }</style></head><body>
<h1>A heading</h1>
<p>Plain, <b>bold words</b>, <i>italic words</i>, math letters \U0001d538\U0001d539 and
ＡＢ full width; ligatures: office affinity.</p>
<p style="font-size: 6pt">tiny text</p><p style="font-size: 30pt">Huge</p>
<div style="transform: rotate(90deg); width: 10em">rotated label</div>
<table><tr><td>cell one</td><td>cell two</td></tr></table>
</body></html>"""

# Text shown by TJ with wide kerning gaps and no space characters (pdfium generates the
# spaces), an artifact, marked content with an MCID, a rotated run and a Form XObject.
_CONTENT = b"""
BT /F1 12 Tf 72 720 Td [(Kerned) -900 (words) -900 (without) -900 (spaces)] TJ ET
/Artifact BMC BT /F1 9 Tf 72 40 Td (Page 1 of 1) Tj ET EMC
/P <</MCID 0>> BDC BT /F2 14 Tf 72 680 Td (Bold marked paragraph.) Tj T* (Next line) Tj ET EMC
BT /F1 10 Tf 0 1 -1 0 560 300 Tm (Vertical margin note) Tj ET
q 1 0 0 1 72 500 cm /Fm0 Do Q
"""
_FORM = b"BT /F1 11 Tf 0 0 Td (Text inside a form) Tj ET"


def _made_by_hand(path: Path) -> Path:
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(612, 792))
    fonts = pikepdf.Dictionary(
        F1=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name.Helvetica),
        F2=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name("/Helvetica-Bold")),
    )
    form = pdf.make_stream(_FORM)
    form.Type = pikepdf.Name.XObject
    form.Subtype = pikepdf.Name.Form
    form.BBox = pikepdf.Array([0, 0, 300, 50])
    form.Resources = pikepdf.Dictionary(Font=fonts)
    page.obj.Resources = pikepdf.Dictionary(Font=fonts, XObject=pikepdf.Dictionary(Fm0=form))
    page.obj.Contents = pdf.make_stream(_CONTENT)
    pdf.save(path)
    return path


def _glyphs_both_ways(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[Glyph], list[Glyph]]:
    accelerator = glyphs._accelerator
    if accelerator is None:
        pytest.skip("the C accelerator is not built here (no C compiler at install time)")
    pdf = pdfium.PdfDocument(str(path))
    try:
        fast = [g for i in range(len(pdf)) for g in read_page(pdf, i).glyphs]
        monkeypatch.setattr(glyphs, "_accelerator", None)
        slow = [g for i in range(len(pdf)) for g in read_page(pdf, i).glyphs]
    finally:
        pdf.close()
    return fast, slow


def test_c_and_python_read_the_same_glyphs_from_a_weasyprint_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "styles.pdf"
    weasyprint.HTML(string=_HTML).write_pdf(path)
    fast, slow = _glyphs_both_ways(path, monkeypatch)
    assert fast == slow
    # The page reaches the branches the comparison is meant to cover.
    assert any(g.bold for g in fast) and any(g.italic for g in fast)
    assert any(g.rotated for g in fast)
    assert any("\ud800" <= g.char <= "\udfff" for g in fast)  # non-BMP: per code unit
    assert any(g.obj == -1 and g.char == " " for g in fast)  # pdfium's line-end spaces
    assert len({g.size for g in fast}) >= 4


def test_c_and_python_read_the_same_glyphs_from_a_hand_made_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, slow = _glyphs_both_ways(_made_by_hand(tmp_path / "hand.pdf"), monkeypatch)
    assert fast == slow
    text = "".join(g.char for g in fast)
    assert "Text inside a form" in text
    assert any(g.artifact for g in fast) and any(g.mcid == 0 for g in fast)
    assert any(g.rotated for g in fast) and any(g.bold for g in fast)
    assert any(g.generated for g in fast) or any(g.obj == -1 for g in fast)


def test_the_accelerator_is_built_where_a_c_compiler_exists() -> None:
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        pytest.skip(f"no C compiler ({compiler}) here: the Python loop is used")
    assert glyphs._accelerator is not None, (
        "a C compiler exists but workers/engine/layout/_glyph_reader.c was not built: "
        "run `pip install -e .` (make install) again and read its output"
    )
