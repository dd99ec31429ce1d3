"""A font whose descriptor gives no /FontWeight has its weight guessed by pdfium from /StemV
(``StemV * 4 + 140`` past 140), which a browser writes thick for a monospace face: Chromium's
"NotoSansMono-Regular" (StemV 141) would read as weight 704, bold, and a line of code under a
list's point would open a part of its own as a bold heading does. A face its name calls
regular is read as regular; a name that says nothing of its weight still takes the guess,
and one that says bold stays bold. Small PDFs drawn here, each font a standard-14 one under
another name with a descriptor of its own (not embedded).

TeX's bold faces say "bold" only in Knuth's abbreviations ("CMBX10", cm-super's "SFBX1000"),
and their /StemV (CMBX10: 114) makes pdfium's guess 596, short of bold: they are bold by
name."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from workers.engine.layout import glyphs as glyphs_module
from workers.engine.layout.glyphs import read_page


def _pdf(path: Path, base: str, stem: int = 141) -> Path:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(612, 792))
    page = pdf.pages[0]
    descriptor = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name(base), Flags=5,
        FontBBox=[-100, -200, 700, 900], ItalicAngle=0, Ascent=800, Descent=-200,
        CapHeight=700, StemV=stem,
    ))
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(base),
        Encoding=pikepdf.Name.WinAnsiEncoding, FirstChar=32, LastChar=126,
        Widths=[600] * 95, FontDescriptor=descriptor,
    ))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"BT /F1 10 Tf 72 700 Td (ninja_dyndep_version = 1) Tj ET")
    pdf.save(path)
    return path


@pytest.mark.parametrize(("base", "bold"), [
    ("/NotoSansMono-Regular", False),
    ("/NotoSansMono-Bold", True),
    ("/F7", True),  # (no weight in the name: pdfium's guess stands)
    # A name that says only italic is a regular italic; a bold italic says so.
    ("/DejaVuSans-Oblique", False),
    ("/Arial-ItalicMT", False),
    ("/TimesNewRoman,Cursiva", False),
    ("/Arial-BoldItalicMT", True),
    ("/HelveticaNeueLTStd-BdIt", True),
    ("/HelveticaNeueLTStd-BdOblique", True),  # (an abbreviated weight: the guess stands)
    ("/NimbusRomNo9L-MediItal", True),
    ("/CMBXTI10", True),
])
@pytest.mark.parametrize("loop", ["c", "python"])
def test_a_face_named_regular_is_not_bold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, base: str, bold: bool, loop: str
) -> None:
    # (The C reader, where built, and the Python one must read the weight alike.)
    if loop == "python":
        monkeypatch.setattr(glyphs_module, "_accelerator", None)
    pdf = pdfium.PdfDocument(str(_pdf(tmp_path / "font.pdf", base)))
    try:
        glyphs = [g for g in read_page(pdf, 0).glyphs if not g.char.isspace()]
    finally:
        pdf.close()
    assert glyphs and all(g.bold == bold for g in glyphs)


@pytest.mark.parametrize(("base", "bold"), [
    ("/CMBX10", True),
    ("/CMBX12", True),
    ("/CMB10", True),
    ("/CMSSBX10", True),
    ("/SFBX1000", True),
    ("/SFSX1200", True),
    ("/CMR10", False),
    ("/SFRM1000", False),
    ("/CMBR10", False),  # (Computer Modern Bright, its regular weight)
])
@pytest.mark.parametrize("loop", ["c", "python"])
def test_tex_bold_faces_are_bold_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, base: str, bold: bool, loop: str
) -> None:
    if loop == "python":
        monkeypatch.setattr(glyphs_module, "_accelerator", None)
    pdf = pdfium.PdfDocument(str(_pdf(tmp_path / "font.pdf", base, stem=114)))
    try:
        glyphs = [g for g in read_page(pdf, 0).glyphs if not g.char.isspace()]
    finally:
        pdf.close()
    assert glyphs and all(g.bold == bold for g in glyphs)
