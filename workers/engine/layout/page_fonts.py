"""The fonts each page of a document reaches, walked once for every reader that asks.

Two readers of a page's glyphs look at its fonts' dictionaries (:mod:`.named_glyphs` for the
names of their glyphs, :mod:`.font_extents` for their declared extent), one after the other.
Each walked the page's resources on its own; they now share one walk, and the walk shares its
parts across pages: pages rarely share a resource dictionary, but mostly share their fonts
and Form XObjects, so each font's, Form's and appearance's fonts are found once per document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pikepdf

from ..pdf_entries import entry_of
from ..tagged_pdf.fonts import display_name, page_roots, reachable_fonts


@dataclass(frozen=True, slots=True, eq=False)
class ReachedFont:
    """A font a page reaches: its name as a person knows it (as glyphs name their font),
    its dictionary, and its object id (None for a direct font: nothing to remember it by)."""

    name: str
    font: pikepdf.Dictionary
    key: tuple[int, int] | None


class PageFonts:
    """The fonts each page reaches: those :func:`reachable_fonts` finds from
    :func:`page_roots`, a font reached twice perhaps twice."""

    def __init__(self) -> None:
        self._fonts: dict[tuple[int, int], tuple[ReachedFont, ...]] = {}
        self._streams: dict[tuple[int, int], tuple[ReachedFont, ...]] = {}
        # (The readers ask about a page in turn: the last page's answer is kept for the next.)
        self._last: tuple[tuple[int, int], tuple[ReachedFont, ...]] | None = None

    def of(self, page: pikepdf.Page) -> tuple[ReachedFont, ...]:
        """The fonts ``page`` reaches; a page's own walk only reads the objects its resources
        name, the rest is known from earlier pages."""
        key = page.obj.objgen
        if self._last is not None and self._last[0] == key and page.obj.is_indirect:
            return self._last[1]
        found: list[ReachedFont] = []
        resources = page.obj.get("/Resources")
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
        reached = tuple(found)
        self._last = (key, reached)
        return reached

    def _font(self, font: pikepdf.Dictionary) -> tuple[ReachedFont, ...]:
        """The font, and the fonts its Type3 glyphs use (kept for an indirect font: pages
        share them)."""
        key = font.objgen if font.is_indirect else None
        reached = _reached([font])
        if entry_of(font, "/Subtype") == "/Type3":
            glyph_resources = entry_of(font, "/Resources", pikepdf.Dictionary())
            reached += _reached(reachable_fonts([glyph_resources]))
        if key is not None:
            self._fonts[key] = reached
        return reached

    def _form(self, xobject: pikepdf.Stream) -> tuple[ReachedFont, ...]:
        """The fonts a Form XObject reaches; none for an image."""
        return self._subtree(xobject) if entry_of(xobject, "/Subtype") == "/Form" else ()

    def _subtree(self, stream: pikepdf.Stream) -> tuple[ReachedFont, ...]:
        """The fonts a Form XObject or an appearance stream reaches, walked once."""
        key = stream.objgen
        known = self._streams.get(key)
        if known is None:
            known = _reached(reachable_fonts([stream]))
            self._streams[key] = known
        return known


def _reached(fonts: Iterable[pikepdf.Dictionary]) -> tuple[ReachedFont, ...]:
    return tuple(ReachedFont(display_name(font), font, font.objgen if font.is_indirect else None)
                 for font in fonts)
