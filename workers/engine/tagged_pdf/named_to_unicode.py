"""/ToUnicode entries for codes whose glyph names say a character that readers miss.

TeX's fonts name glyphs outside the Adobe Glyph List (``angbracketleft``, ``lessmuch``), and
their subsets put glyphs at control codes (``prime`` at code 2): pdfium then reads the code
itself as the character, and veraPDF fails the font (PDF/UA-1 7.21.7-1). The character each
name says (:mod:`workers.engine.glyph_names`, the same table the layout reader reads the
source's glyphs by) is written into the font's /ToUnicode, the entries it already has kept.
A /ToUnicode changes no glyph drawn there, only what is read.

Not so for the glyph ids of a composite font not embedded (see
:mod:`workers.engine.glyph_names.glyph_ids`), which the layout reader reads alike: pdfium
draws such a font with a substitute whose glyphs it picks by the text its codes read as, and
a /ToUnicode would change the page's pixels (the source, in pdfium, draws "(xqkt" where the
glyph ids say "(voir"). Their font is left as it is (its codes still read as no character:
reported) and the text they draw is said by the /ActualText of the elements drawing it
(:mod:`.glyph_id_reading`, :mod:`.logical_text`).
"""

from __future__ import annotations

import pikepdf

from ..glyph_names import named_fixes, to_unicode_entries
from .drawn_encoding import to_unicode_cmap
from .fonts import display_name


def complete_named_to_unicode(
    pdf: pikepdf.Pdf, page_fonts: list[list[pikepdf.Dictionary]]
) -> list[str]:
    """Add the codes of :func:`.glyph_names.named_fixes` to each simple font's /ToUnicode
    (made if it has none); ``page_fonts``: per page, the indirect fonts it draws with.
    Returns the names of the fonts completed. (A composite font's only fixes are glyph ids
    of a font not embedded: none is written, see :meth:`.glyph_id_reading.GlyphIdFonts.collect`.)"""
    completed: set[str] = set()
    seen: set[tuple[int, int]] = set()
    for fonts in page_fonts:
        for font in fonts:
            if font.objgen in seen or font.get("/Subtype") == pikepdf.Name.Type0:
                continue
            seen.add(font.objgen)
            missing = named_fixes(font)
            if not missing:
                continue
            # named_fixes is empty for a /ToUnicode it cannot read whole, so this reads.
            present = to_unicode_entries(font.ToUnicode) if "/ToUnicode" in font else {}
            font[pikepdf.Name.ToUnicode] = pdf.make_stream(to_unicode_cmap({**present, **missing}))
            completed.add(display_name(font))
    return sorted(completed)
