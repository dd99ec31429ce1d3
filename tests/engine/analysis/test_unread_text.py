"""Text objects pdfium's text page skips (glyphs with no outline) are read where a picture of
a glyph's size is drawn over them, as a colour emoji is drawn (a picture over an outline-less
glyph), and nowhere else: a skipped object with nothing over it draws nothing a sighted
reader sees (a space whose font's /ToUnicode says a letter).

The PDFs are drawn here: a TrueType face made here whose code "A" draws no outline and reads
as "✅" (its /ToUnicode), and "B" draws a box; the picture is a tiny image. The same rule
read through WeasyPrint's colour emoji: tests/engine/test_colour_emoji.py."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from tests.engine.tagged_pdf.box_fonts import truetype_bytes
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.unread_text import to_unicode
from workers.engine.tagged_pdf.mcid_text import page_text_by_mcid

SIGN = "\u2705"


def _font_program() -> bytes:
    """A face whose "A" has no outline (an emoji's glyph in a bitmap font) and "B" a box."""
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "blank", "box"])
    builder.setupCharacterMap({0x41: "blank", 0x42: "box"})
    pen = TTGlyphPen(None)
    pen.moveTo((100, 0))
    for point in ((800, 0), (800, 700), (100, 700)):
        pen.lineTo(point)
    pen.closePath()
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "blank": TTGlyphPen(None).glyph(),
                       "box": pen.glyph()})
    builder.setupHorizontalMetrics({".notdef": (500, 0), "blank": (1000, 0), "box": (900, 100)})
    return truetype_bytes(builder, "Hand")


def _page(path: Path, picture: bytes = b"") -> Path:
    """"A" at (72, 700), 20 pt, in marked content 0, then "BBB" after it in marked content 1;
    ``picture``: operators drawing the image /Im1 (after both, as WeasyPrint draws)."""
    pdf = pikepdf.new()
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
            b"1 begincodespacerange <00> <FF> endcodespacerange "
            b"2 beginbfchar <41> <2705> <42> <0042> endbfchar endcmap end end")
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/Hand"), Flags=32,
        FontBBox=[0, -200, 1000, 800], ItalicAngle=0, Ascent=800, Descent=-200,
        CapHeight=700, StemV=80, FontFile2=pdf.make_stream(_font_program()),
    )
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType, BaseFont=pikepdf.Name("/Hand"),
        FirstChar=65, LastChar=66, Widths=[1000, 900], FontDescriptor=descriptor,
        ToUnicode=pdf.make_stream(cmap),
    ))
    image = pdf.make_stream(b"\x80" * 12, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                            Width=2, Height=2, ColorSpace=pikepdf.Name.DeviceRGB,
                            BitsPerComponent=8)
    page = pdf.add_blank_page(page_size=(595, 842))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font),
                                        XObject=pikepdf.Dictionary(Im1=image))
    page.Contents = pdf.make_stream(
        b"/P <</MCID 0>> BDC BT /F1 20 Tf 72 700 Td (A) Tj ET EMC "
        b"/P <</MCID 1>> BDC BT /F1 20 Tf 92 700 Td (BBB) Tj ET EMC " + picture
    )
    pdf.save(path)
    return path


#: The image drawn over "A" (20 by 20 points from its origin, down to its descent).
OVER_THE_SIGN = b"q 20 0 0 20 72 696 cm /Im1 Do Q"


def _glyphs(path: Path) -> list[tuple[str, float, float]]:
    document = pdfium.PdfDocument(path)
    try:
        return [(g.char, round(g.x0, 1), round(g.y0, 1)) for g in read_page(document, 0).glyphs]
    finally:
        document.close()


def _by_mcid(path: Path) -> dict[int, str]:
    document = pdfium.PdfDocument(path)
    try:
        return {mcid: "".join(runs) for mcid, runs in page_text_by_mcid(document, 0).items()}
    finally:
        document.close()


def test_a_pictured_glyph_is_read_before_the_text_after_it(tmp_path: Path) -> None:
    path = _page(tmp_path / "pictured.pdf", OVER_THE_SIGN)
    glyphs = _glyphs(path)
    assert [g[0] for g in glyphs] == [SIGN, "B", "B", "B"]
    # From its origin by its advance (1000 thousandths of 20 pt), on the line of the B's.
    assert glyphs[0][1] == 72.0 and glyphs[1][1] == 92.0 and glyphs[0][2] == glyphs[1][2]
    assert _by_mcid(path) == {0: SIGN, 1: "BBB"}


@pytest.mark.parametrize("picture", [
    b"",  # nothing over it: it draws nothing a reader sees
    b"q 500 0 0 500 40 300 cm /Im1 Do Q",  # a photograph it is set on, no glyph's picture
    b"q 20 0 0 20 300 696 cm /Im1 Do Q",  # a picture elsewhere on the line
])
def test_an_unseen_glyph_is_not_read(tmp_path: Path, picture: bytes) -> None:
    path = _page(tmp_path / "unseen.pdf", picture)
    assert [g[0] for g in _glyphs(path)] == ["B", "B", "B"]
    assert _by_mcid(path) == {1: "BBB"}


def test_to_unicode_reads_chars_and_ranges_of_either_width() -> None:
    cmap = (b"2 beginbfchar <008f> <2705> <03b5> <d83dde42> endbfchar "
            b"1 beginbfrange <0010> <0012> <0041> endbfrange "
            b"1 beginbfrange <0020> <0021> [<0061> <00620063>] endbfrange")
    assert to_unicode(cmap, {0x8F, 0x3B5, 0x11, 0x21, 0x99}, 2) == {
        0x8F: SIGN, 0x3B5: "\U0001F642", 0x11: "B", 0x21: "bc"}
    assert to_unicode(b"1 beginbfchar <41> <2705> endbfchar", {0x41}, 1) == {0x41: SIGN}
