"""Text set in a composite font whose codes are the glyph ids of a TrueType font not embedded
(/Type0 over /CIDFontType2, /Identity-H, no /ToUnicode, no program): office writers leave
such fonts naming the system's own ("TimesNewRoman"), whose first glyphs follow TrueType's
standard order (glyph 3 the space, 68 "a"). pdfium reads the codes themselves ("QHSDV" for
"nepas", U+0003 for a space); the layout reader reads them by that order where the font's
widths bear it out (:mod:`workers.engine.glyph_names.glyph_ids`), also beside an embedded
subset of the same name (read object by object); the tagged PDF says the same as the
/ActualText of the elements drawing them. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from workers.engine.layout.reader import read_layout
from workers.engine.tagged_pdf.drawn_encoding import to_unicode_cmap
from workers.engine.tagged_pdf.glyph_id_reading import GlyphIdFonts
from workers.engine.tagged_pdf.named_to_unicode import complete_named_to_unicode

SERIF = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
#: The words set in the font not embedded, and those set in the embedded one.
UNREAD = "ne pas remplir les conditions"
EMBEDDED = "Je certifie exacts"
#: Standard order: a printable ASCII character's glyph id is its code less 29.
SHIFT = 29


def _widths(*, even_figures: bool = True) -> list[int]:
    """Widths of glyphs 0 to 257 as a text face has them: the space narrow, "A" wide, the
    figures (glyphs 19 to 28) of one width, unless not ``even_figures``."""
    widths = [500] * 258
    widths[3], widths[36] = 250, 722
    if not even_figures:
        widths[19:29] = [480 + 4 * k for k in range(10)]
    return widths


def _unembedded_font(pdf: pikepdf.Pdf, *, even_figures: bool = True) -> pikepdf.Object:
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/TimesNewRoman"), Flags=6,
        FontBBox=[-568, -307, 2000, 1007], ItalicAngle=0, Ascent=891, Descent=-216,
        CapHeight=662, StemV=80,
    )
    descendant = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2,
        BaseFont=pikepdf.Name("/TimesNewRoman"), FontDescriptor=pdf.make_indirect(descriptor),
        CIDSystemInfo=pikepdf.Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
        DW=1000, W=[0, _widths(even_figures=even_figures)],
    )
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/TimesNewRoman"), Encoding=pikepdf.Name("/Identity-H"),
        DescendantFonts=[pdf.make_indirect(descendant)],
    ))


def _embedded_font(pdf: pikepdf.Pdf) -> tuple[pikepdf.Object, dict[str, int]]:
    """Liberation Serif embedded under the same name, with its /ToUnicode; and its glyph ids
    by character."""
    from fontTools.ttLib import TTFont

    program = SERIF.read_bytes()
    font = TTFont(SERIF)
    order, cmap = font.getReverseGlyphMap(), font.getBestCmap()
    ids = {chr(u): order[name] for u, name in cmap.items() if u < 0x80}
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/ABCDEF+TimesNewRoman"),
        Flags=6, FontBBox=[-568, -307, 2000, 1007], ItalicAngle=0, Ascent=891,
        Descent=-216, CapHeight=662, StemV=80,
        FontFile2=pdf.make_stream(program, Length1=len(program)),
    )
    descendant = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2,
        BaseFont=pikepdf.Name("/ABCDEF+TimesNewRoman"),
        FontDescriptor=pdf.make_indirect(descriptor),
        CIDSystemInfo=pikepdf.Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
        DW=500, CIDToGIDMap=pikepdf.Name.Identity,
    )
    text = {gid: char for char, gid in ids.items()}
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/ABCDEF+TimesNewRoman"), Encoding=pikepdf.Name("/Identity-H"),
        DescendantFonts=[pdf.make_indirect(descendant)],
        ToUnicode=pdf.make_stream(to_unicode_cmap(text, code_bytes=2)),
    )), ids


def _codes(text: str, ids: dict[str, int] | None = None) -> bytes:
    gids = [ids[c] if ids else ord(c) - SHIFT for c in text]
    return b"<" + b"".join(b"%04X" % g for g in gids) + b">"


def _page(path: Path, *, embedded_too: bool = False, even_figures: bool = True) -> Path:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    fonts = pikepdf.Dictionary(F1=_unembedded_font(pdf, even_figures=even_figures))
    ops = [b"BT /F1 12 Tf 72 700 Td " + _codes(UNREAD) + b" Tj ET"]
    if embedded_too:
        fonts.F2, ids = _embedded_font(pdf)
        ops.insert(0, b"BT /F2 12 Tf 72 720 Td " + _codes(EMBEDDED, ids) + b" Tj ET")
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(Font=fonts)
    pdf.pages[0].obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def _text(path: Path) -> str:
    return " ".join(getattr(b, "text", "") or "" for b in read_layout(path, max_pages=1).blocks)


def test_glyph_ids_of_a_font_not_embedded_read_by_the_standard_order(tmp_path: Path) -> None:
    assert UNREAD in _text(_page(tmp_path / "ids.pdf"))


def test_glyph_ids_read_beside_an_embedded_font_of_the_same_name(tmp_path: Path) -> None:
    if not SERIF.is_file():
        pytest.skip("fonts-liberation not installed")
    text = _text(_page(tmp_path / "both.pdf", embedded_too=True))
    assert UNREAD in text
    assert EMBEDDED in text  # (its glyphs, read by its /ToUnicode, are left alone)


def test_widths_against_the_standard_order_leave_the_codes_alone(tmp_path: Path) -> None:
    """Figures of ten widths: the font's glyphs are not in the standard order."""
    text = _text(_page(tmp_path / "other.pdf", even_figures=False))
    assert UNREAD not in text
    assert "QH" in text


def test_the_tagged_output_leaves_the_glyph_id_font_alone(tmp_path: Path) -> None:
    """No /ToUnicode is written for the glyph ids (pdfium would pick the substitute's glyphs
    by it, and draw the page otherwise): the font and the page drawing with it are noted,
    for the elements' /ActualText (tests/engine/tagged_pdf/test_glyph_id_actual_text.py)."""
    source = _page(tmp_path / "ids.pdf")
    with pikepdf.open(source) as pdf:
        font = pdf.pages[0].Resources.Font.F1
        glyph_ids = GlyphIdFonts()
        glyph_ids.collect([[font]])
        assert complete_named_to_unicode(pdf, [[font]]) == []
        assert "/ToUnicode" not in font
        assert glyph_ids.pages == {0}
        assert glyph_ids.read_as["TimesNewRoman"]["Q"] == "n"  # (glyph 81, read as U+0051)
