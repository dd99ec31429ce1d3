"""Read the source's glyphs by what their names say, where pdfium reads the code itself.

pdfium reads a code of a simple font whose glyph name it does not know (TeX's
``angbracketleft``) as the code itself ('h' for ⟨), and so for some named glyphs at control
codes (a TeX subset's ``prime`` at code 2). :func:`workers.engine.glyph_names.reading_fixes`
says, per font, which characters those are and what their names say; the tagged PDF writer
writes the same characters into the font's /ToUnicode, so the model and the tagged output
read alike.
"""

from __future__ import annotations

import pikepdf

from ..glyph_names import NotUnderstood, reading_fixes
from .glyphs import Glyph, glyphs_among
from .page_fonts import PageFonts, ReachedFont


class NamedGlyphReading:
    """The reading fixes of a document's fonts, worked out once per font."""

    def __init__(self, page_fonts: PageFonts | None = None) -> None:
        """``page_fonts``: the document's walk of its pages' fonts, shared with the other
        readers of its fonts (see :mod:`.page_fonts`)."""
        self._page_fonts = page_fonts or PageFonts()
        self._fixes: dict[tuple[int, int], dict[str, str]] = {}
        self._direct: dict[int, tuple[ReachedFont, dict[str, str]]] = {}
        self._by_resources: dict[tuple[int, int], dict[str, dict[str, str]]] = {}

    def apply(self, page: pikepdf.Page, glyphs: list[Glyph]) -> None:
        """Give each glyph of ``page`` (read by pdfium) the character its name says, where
        pdfium read the code itself. Glyphs know their font by name only: a name two fonts
        of the page share with different fixes is left alone."""
        if not glyphs:  # (a page of images: no fonts worth walking)
            return
        usable = self._usable(page)
        if not usable:
            return
        fixed = set().union(*usable.values())
        # (Most pages of a TeX document have fixes, and few of their glyphs are among them:
        # sifted in C where built, see glyphs_among.)
        for glyph in glyphs_among(glyphs, fixed):
            of_font = usable.get(glyph.font)
            # A space pdfium adds between words takes the font of the glyph before it.
            if of_font is not None and glyph.char in of_font and not glyph.generated:
                glyph.char = of_font[glyph.char]

    def _usable(self, page: pikepdf.Page) -> dict[str, dict[str, str]]:
        """The fixes of the page's fonts by font name, those of a name two fonts of the page
        share with different fixes left out; worked out once per resource dictionary when
        the page has no annotations (pages share one, as many producers write them)."""
        resources = page.obj.get("/Resources")
        key = (resources.objgen if isinstance(resources, pikepdf.Dictionary)
               and resources.is_indirect and "/Annots" not in page.obj else None)
        if key is not None and key in self._by_resources:
            return self._by_resources[key]
        by_name: dict[str, dict[str, str] | None] = {}
        for reached in self._page_fonts.of(page):
            name, fixes = reached.name, self._of(reached)
            if name in by_name and by_name[name] != fixes:
                by_name[name] = None
            else:
                by_name[name] = fixes
        usable = {name: fixes for name, fixes in by_name.items() if fixes}
        if key is not None:
            self._by_resources[key] = usable
        return usable

    def _of(self, reached: ReachedFont) -> dict[str, str]:
        key = reached.key
        if key is None:
            # (A direct font has no id of its own; one inside a Form XObject is reached
            # through the same entry on every page: kept by the entry, held here with it.)
            held = self._direct.get(id(reached))
            if held is None:
                held = self._direct[id(reached)] = (reached, _fixes(reached.font))
            return held[1]
        fixes = self._fixes.get(key)
        if fixes is None:
            fixes = self._fixes[key] = _fixes(reached.font)
        return fixes


def _fixes(font: pikepdf.Dictionary) -> dict[str, str]:
    try:
        return reading_fixes(font)
    except (NotUnderstood, pikepdf.PdfError, ValueError, TypeError):
        return {}
