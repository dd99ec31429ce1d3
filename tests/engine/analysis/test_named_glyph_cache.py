"""The layout reader works out each font's named-glyph fixes, and the fonts each Form XObject
and appearance reaches, once per document (pages share their fonts); a page's answer must be
what a walk of that page alone finds."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.glyph_names import reading_fixes
from workers.engine.layout.named_glyphs import NamedGlyphReading
from workers.engine.tagged_pdf.fonts import display_name, page_roots, reachable_fonts

from ..tagged_pdf.test_named_glyphs import ENCODING, _font

#: Another font of the same name whose codes name other glyphs: its fixes differ.
OTHER_ENCODING = {**ENCODING, 104: "h", 105: "i", 2: "lessmuch", 28: "prime"}


def _walked_alone(page: pikepdf.Page) -> dict[str, dict[str, str]]:
    """The page's usable fixes by a walk of the page alone, with no memory of other pages."""
    by_name: dict[str, dict[str, str] | None] = {}
    for font in reachable_fonts(page_roots(page)):
        fixes = reading_fixes(font)
        name = display_name(font)
        by_name[name] = None if name in by_name and by_name[name] != fixes else fixes
    return {name: fixes for name, fixes in by_name.items() if fixes}


def _form(pdf: pikepdf.Pdf, fonts: pikepdf.Dictionary) -> pikepdf.Stream:
    return pdf.make_stream(b"BT /G1 10 Tf 0 0 Td (a) Tj ET", Type=pikepdf.Name.XObject,
                           Subtype=pikepdf.Name.Form, BBox=[0, 0, 100, 100],
                           Resources=pikepdf.Dictionary(Font=fonts))


def _shared_fonts_pdf(path: Path) -> Path:
    """Pages that share a math font, a plain font, a Form XObject bringing a same-named font
    with other fixes, an image, a Type3 font using the math font, an annotation appearance
    and one indirect resource dictionary, each in another mix."""
    pdf = pikepdf.new()
    math = _font(pdf, ENCODING, {})
    other = _font(pdf, OTHER_ENCODING, {})
    plain = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
    clash = _form(pdf, pikepdf.Dictionary(G1=other))
    agree = _form(pdf, pikepdf.Dictionary(G1=math))
    image = pdf.make_stream(b"\x00", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                            Width=1, Height=1, ColorSpace=pikepdf.Name.DeviceGray,
                            BitsPerComponent=8)
    type3 = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3, BaseFont=pikepdf.Name("/Glyphs"),
        FontBBox=[0, 0, 1, 1], FontMatrix=[0.001, 0, 0, 0.001, 0, 0], CharProcs={},
        Encoding=pikepdf.Dictionary(Differences=[]), FirstChar=0, LastChar=0, Widths=[0],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(M=math))))
    shared = pdf.make_indirect(pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=math)))
    appearance = _form(pdf, pikepdf.Dictionary(G1=other))
    mixes: list[pikepdf.Dictionary] = [
        pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=math, F2=plain)),
        pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=math),
                           XObject=pikepdf.Dictionary(X1=clash, Im=image)),
        pikepdf.Dictionary(Font=pikepdf.Dictionary(F2=plain),
                           XObject=pikepdf.Dictionary(X1=agree, X2=clash)),
        pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=math, T3=type3),
                           XObject=pikepdf.Dictionary(X1=agree)),
        pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=math, F2=plain)),  # page 1's again
        shared, shared,
    ]
    for resources in [*mixes, shared]:
        pdf.add_blank_page(page_size=(595, 842))
        pdf.pages[-1].obj.Resources = resources
    # The last page shares the indirect resources but has an annotation with other fixes.
    pdf.pages[-1].obj.Annots = pdf.make_indirect(pikepdf.Array([pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Stamp, Rect=[0, 0, 100, 100],
        AP=pikepdf.Dictionary(N=appearance))]))
    pdf.save(path)
    return path


def test_each_page_reads_as_a_walk_of_it_alone_finds(tmp_path: Path) -> None:
    with pikepdf.open(_shared_fonts_pdf(tmp_path / "shared.pdf")) as pdf:
        alone = [_walked_alone(page) for page in pdf.pages]
        remembering = NamedGlyphReading()
        # (No glyph ids of a font not embedded here: no name's fixes are read by object.)
        assert [remembering._usable(page) for page in pdf.pages] == [(a, set()) for a in alone]
        assert [NamedGlyphReading()._usable(page) for page in pdf.pages] == [
            (a, set()) for a in alone
        ]
    # The pages' answers differ (else the test would prove little): the math font's fixes
    # are usable where no same-named font with other fixes is on the page.
    usable = [bool(page) for page in alone]
    assert usable == [True, False, False, True, True, True, True, False], usable
