"""Read the source's glyphs by what their names say, where pdfium reads the code itself.

pdfium reads a code of a simple font whose glyph name it does not know (TeX's
``angbracketleft``) as the code itself ('h' for ⟨), and so for some named glyphs at control
codes (a TeX subset's ``prime`` at code 2). :func:`workers.engine.glyph_names.reading_fixes`
says, per font, which characters those are and what their names say; the tagged PDF writer
writes the same characters into the font's /ToUnicode, so the model and the tagged output
read alike.
"""

from __future__ import annotations

import itertools
import operator

import pikepdf

from ..glyph_names import NotUnderstood, reading_fixes
from ..tagged_pdf.fonts import display_name, page_roots, reachable_fonts
from .glyphs import Glyph

_char_of = operator.attrgetter("char")


class NamedGlyphReading:
    """The reading fixes of a document's fonts, worked out once per font."""

    def __init__(self) -> None:
        self._fixes: dict[tuple[int, int], dict[str, str]] = {}
        self._by_resources: dict[tuple[int, int], dict[str, dict[str, str]]] = {}

    def apply(self, page: pikepdf.Page, glyphs: list[Glyph]) -> None:
        """Give each glyph of ``page`` (read by pdfium) the character its name says, where
        pdfium read the code itself. Glyphs know their font by name only: a name two fonts
        of the page share with different fixes is left alone."""
        usable = self._usable(page)
        if not usable:
            return
        fixed = set().union(*usable.values())
        # (The page's glyphs sifted at C speed: most pages of a TeX document have fixes, and
        # few of their glyphs are among them.)
        chosen = list(itertools.compress(glyphs, map(fixed.__contains__, map(_char_of, glyphs))))
        for glyph in chosen:
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
        for font in reachable_fonts(page_roots(page)):
            fixes = self._of(font)
            name = display_name(font)
            if name in by_name and by_name[name] != fixes:
                by_name[name] = None
            else:
                by_name[name] = fixes
        usable = {name: fixes for name, fixes in by_name.items() if fixes}
        if key is not None:
            self._by_resources[key] = usable
        return usable

    def _of(self, font: pikepdf.Dictionary) -> dict[str, str]:
        if not font.is_indirect:
            return _fixes(font)
        key = font.objgen
        if key not in self._fixes:
            self._fixes[key] = _fixes(font)
        return self._fixes[key]


def _fixes(font: pikepdf.Dictionary) -> dict[str, str]:
    try:
        return reading_fixes(font)
    except (NotUnderstood, pikepdf.PdfError, ValueError, TypeError):
        return {}
