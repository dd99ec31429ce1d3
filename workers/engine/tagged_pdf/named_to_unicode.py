"""/ToUnicode entries for codes whose glyph names say a character that readers miss.

TeX's fonts name glyphs outside the Adobe Glyph List (``angbracketleft``, ``lessmuch``), and
their subsets put glyphs at control codes (``prime`` at code 2): pdfium then reads the code
itself as the character, and veraPDF fails the font (PDF/UA-1 7.21.7-1). The character each
name says (:mod:`workers.engine.glyph_names`, the same table the layout reader reads the
source's glyphs by) is written into the font's /ToUnicode, the entries it already has kept;
so is the character of each glyph id a composite font not embedded draws by (see
:mod:`workers.engine.glyph_names.glyph_ids`).
A /ToUnicode changes no glyph drawn, only what is read; but for the glyph ids of a font not
embedded: pdfium draws such a font with a substitute chosen by the text its codes read as,
and drew the source's codes as letters of their own ("(xqkt" for "(voir"), where a viewer
with the named font draws its glyphs by id. With the /ToUnicode it draws the letters the
glyph ids are: the page as its author drew it, not as pdfium misread it (the pixel check
tells the pages apart).
"""

from __future__ import annotations

import pikepdf

from ..glyph_names import named_fixes, to_unicode_entries
from .drawn_encoding import to_unicode_cmap
from .fonts import display_name


def complete_named_to_unicode(
    pdf: pikepdf.Pdf, page_fonts: list[list[pikepdf.Dictionary]]
) -> list[str]:
    """Add the codes of :func:`.glyph_names.named_fixes` to each font's /ToUnicode (made
    if it has none); ``page_fonts``: per page, the indirect fonts it draws with. Returns the
    names of the fonts completed."""
    completed: set[str] = set()
    seen: set[tuple[int, int]] = set()
    for fonts in page_fonts:
        for font in fonts:
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            missing = named_fixes(font)
            if not missing:
                continue
            # named_fixes is empty for a /ToUnicode it cannot read whole, so this reads.
            present = to_unicode_entries(font.ToUnicode) if "/ToUnicode" in font else {}
            # (A composite font's codes, its glyph ids, are two bytes: /Identity-H.)
            composite = font.get("/Subtype") == pikepdf.Name.Type0
            font[pikepdf.Name.ToUnicode] = pdf.make_stream(
                to_unicode_cmap({**present, **missing}, code_bytes=2 if composite else 1))
            completed.add(display_name(font))
    return sorted(completed)
