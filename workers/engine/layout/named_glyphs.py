"""Read the source's glyphs by what their names say, where pdfium reads the code itself.

pdfium reads a code of a simple font whose glyph name it does not know (TeX's
``angbracketleft``) as the code itself ('h' for ⟨), and so for some named glyphs at control
codes (a TeX subset's ``prime`` at code 2). :func:`workers.engine.glyph_names.reading_fixes`
says, per font, which characters those are and what their names say; the tagged PDF writer
writes the same characters into the font's /ToUnicode, so the model and the tagged output
read alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pikepdf

from ..glyph_names import NotUnderstood, reading_fixes
from ..glyph_names.glyph_ids import SPACE_ID
from .glyphs import Glyph, glyphs_among
from .page_fonts import PageFonts, ReachedFont

#: pdfium's reading of a glyph id font's space (glyph 3 of the standard order: U+0003).
GLYPH_ID_SPACE = chr(SPACE_ID)


class NamedGlyphReading:
    """The reading fixes of a document's fonts, worked out once per font."""

    def __init__(self, page_fonts: PageFonts | None = None) -> None:
        """``page_fonts``: the document's walk of its pages' fonts, shared with the other
        readers of its fonts (see :mod:`.page_fonts`)."""
        self._page_fonts = page_fonts or PageFonts()
        self._fixes: dict[tuple[int, int], dict[str, str]] = {}
        self._direct: dict[int, tuple[ReachedFont, dict[str, str]]] = {}
        self._by_resources: dict[
            tuple[int, int], tuple[dict[str, dict[str, str]], set[str]]
        ] = {}

    def apply(
        self, page: pikepdf.Page, glyphs: list[Glyph],
        unembedded: Callable[[Iterable[int]], set[int]] | None = None,
    ) -> None:
        """Give each glyph of ``page`` (read by pdfium) the character its name says, where
        pdfium read the code itself. Glyphs know their font by name only: a name two fonts
        of the page share with different fixes is left alone, but for the glyph ids of a
        font not embedded (see :mod:`workers.engine.glyph_names.glyph_ids`) beside fonts of
        its name that need none (its embedded subsets): those are read in the text objects
        ``unembedded`` says set their text in a font not embedded (of the top-level page
        objects given; a text object is set in one font)."""
        if not glyphs:  # (a page of images: no fonts worth walking)
            return
        usable, shared = self._usable(page)
        if not usable:
            return
        fixed = set().union(*usable.values())
        # (Most pages of a TeX document have fixes, and few of their glyphs are among them:
        # sifted in C where built, see glyphs_among.)
        among = glyphs_among(glyphs, fixed)
        objects: set[int] = set()
        if shared and unembedded is not None:
            objects = unembedded({g.obj for g in among if g.font in shared})
        for glyph in among:
            of_font = usable.get(glyph.font)
            # A space pdfium adds between words takes the font of the glyph before it, and is
            # drawn by no object (a glyph id font's code 32 is "=", its code 10 "'").
            if of_font is not None and glyph.char in of_font and not glyph.generated and (
                glyph.obj >= 0
            ) and (glyph.font not in shared or glyph.obj in objects):
                glyph.char = of_font[glyph.char]

    def _usable(self, page: pikepdf.Page) -> tuple[dict[str, dict[str, str]], set[str]]:
        """The fixes of the page's fonts by font name, those of a name two fonts of the page
        share with different fixes left out, and the names of those kept all the same: the
        glyph ids of a font not embedded, its other fonts of the name needing no fix (read
        object by object, see :meth:`apply`). Worked out once per resource dictionary when
        the page has no annotations (pages share one, as many producers write them)."""
        resources = page.obj.get("/Resources")
        key = (resources.objgen if isinstance(resources, pikepdf.Dictionary)
               and resources.is_indirect and "/Annots" not in page.obj else None)
        if key is not None and key in self._by_resources:
            return self._by_resources[key]
        by_name: dict[str, list[dict[str, str]]] = {}
        for reached in self._page_fonts.of(page):
            fixes, seen = self._of(reached), by_name.setdefault(reached.name, [])
            if fixes not in seen:
                seen.append(fixes)
        usable: dict[str, dict[str, str]] = {}
        shared: set[str] = set()
        for name, distinct in by_name.items():
            fixing = [fixes for fixes in distinct if fixes]
            if len(fixing) != 1:
                continue
            if len(distinct) == 1:
                usable[name] = fixing[0]
            elif fixing[0].get(GLYPH_ID_SPACE) == " ":
                usable[name] = fixing[0]
                shared.add(name)
        if key is not None:
            self._by_resources[key] = (usable, shared)
        return usable, shared

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
