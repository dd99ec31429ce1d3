"""Read the source's glyphs by what their names say, where pdfium reads the code itself.

pdfium reads a code of a simple font whose glyph name it does not know (TeX's
``angbracketleft``) as the code itself ('h' for ⟨), and so for some named glyphs at control
codes (a TeX subset's ``prime`` at code 2). :func:`workers.engine.glyph_names.reading_fixes`
says, per font, which characters those are and what their names say; the tagged PDF writer
writes the same characters into the font's /ToUnicode, so the model and the tagged output
read alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pikepdf

from ..glyph_names import NotUnderstood, reading_fixes
from ..pdf_entries import entry_of
from ..tagged_pdf.fonts import display_name, page_roots, reachable_fonts
from .glyphs import Glyph

# A font's name as a person knows it, and its fixes.
_Named = tuple[str, dict[str, str]]


class NamedGlyphReading:
    """The reading fixes of a document's fonts, worked out once per font."""

    def __init__(self) -> None:
        self._fixes: dict[tuple[int, int], dict[str, str]] = {}
        self._by_resources: dict[tuple[int, int], dict[str, dict[str, str]]] = {}
        self._fonts: dict[tuple[int, int], tuple[_Named, ...]] = {}
        self._forms: dict[tuple[int, int], tuple[_Named, ...]] = {}
        self._streams: dict[tuple[int, int], tuple[_Named, ...]] = {}

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
        # (Most pages of a TeX document have fixes, and few of their glyphs are among them.
        # A comprehension sifts them faster than itertools.compress over attrgetter: the
        # interpreter reads a slot of a Glyph at once, an attrgetter looks the name up.)
        for glyph in [g for g in glyphs if g.char in fixed]:
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
        for name, fixes in self._page_fonts(page, resources):
            if name in by_name and by_name[name] != fixes:
                by_name[name] = None
            else:
                by_name[name] = fixes
        usable = {name: fixes for name, fixes in by_name.items() if fixes}
        if key is not None:
            self._by_resources[key] = usable
        return usable

    def _page_fonts(self, page: pikepdf.Page, resources: object) -> list[_Named]:
        """The name and fixes of each font the page reaches (those :func:`reachable_fonts`
        finds from :func:`page_roots`), a font reached twice perhaps twice. Pages rarely
        share a resource dictionary but mostly share their fonts and Form XObjects: each
        font's answer, and each Form's or appearance's fonts, are worked out once per
        document, and a page's own walk only reads the objects its resources name."""
        found: list[_Named] = []
        if isinstance(resources, pikepdf.Dictionary):
            fonts = entry_of(resources, "/Font")
            if isinstance(fonts, pikepdf.Dictionary):
                known = self._fonts  # (by objgen; a direct font's (0, 0) is never known)
                for font in fonts.values():
                    if isinstance(font, pikepdf.Dictionary):
                        found += known.get(font.objgen) or self._font(font)
            xobjects = entry_of(resources, "/XObject")
            if isinstance(xobjects, pikepdf.Dictionary):
                for xobject in xobjects.values():
                    if isinstance(xobject, pikepdf.Stream):
                        found += self._form(xobject)
        if "/Annots" in page.obj:
            appearances = page_roots(page)
            next(appearances)  # (the resources, read above)
            for appearance in appearances:
                if isinstance(appearance, pikepdf.Stream):
                    found += self._subtree(appearance)
        return found

    def _font(self, font: pikepdf.Dictionary) -> tuple[_Named, ...]:
        """The font's name and fixes, and those of the fonts its Type3 glyphs use (kept for
        an indirect font: pages share them)."""
        key = font.objgen if font.is_indirect else None
        named: tuple[_Named, ...] = ((display_name(font), self._of(font)),)
        if entry_of(font, "/Subtype") == "/Type3":
            glyph_resources = entry_of(font, "/Resources", pikepdf.Dictionary())
            named += tuple(self._named(reachable_fonts([glyph_resources])))
        if key is not None:
            self._fonts[key] = named
        return named

    def _form(self, xobject: pikepdf.Stream) -> tuple[_Named, ...]:
        """The fonts a Form XObject reaches; none for an image."""
        key = xobject.objgen
        known = self._forms.get(key)
        if known is None:
            known = (self._subtree(xobject) if entry_of(xobject, "/Subtype") == "/Form"
                     else ())
            self._forms[key] = known
        return known

    def _subtree(self, stream: pikepdf.Stream) -> tuple[_Named, ...]:
        """The fonts a Form XObject or an appearance stream reaches, walked once."""
        key = stream.objgen
        known = self._streams.get(key)
        if known is None:
            known = tuple(self._named(reachable_fonts([stream])))
            self._streams[key] = known
        return known

    def _named(self, fonts: Iterable[pikepdf.Dictionary]) -> Iterator[_Named]:
        for font in fonts:
            yield display_name(font), self._of(font)

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
