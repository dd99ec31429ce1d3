"""The named-glyph and font-extent readers share one walk of each page's fonts, its parts
kept per document: every page must reach the fonts a walk of that page alone finds, whichever
reader asks first."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.layout.font_extents import UndeclaredExtents
from workers.engine.layout.named_glyphs import NamedGlyphReading
from workers.engine.layout.page_fonts import PageFonts
from workers.engine.tagged_pdf.fonts import display_name, page_roots, reachable_fonts

from .test_named_glyph_cache import _shared_fonts_pdf


def _alone(page: pikepdf.Page) -> set[tuple[str, tuple[int, int]]]:
    return {(display_name(f), f.objgen) for f in reachable_fonts(page_roots(page))}


def test_each_page_reaches_the_fonts_a_walk_of_it_alone_finds(tmp_path: Path) -> None:
    with pikepdf.open(_shared_fonts_pdf(tmp_path / "shared.pdf")) as pdf:
        fonts = PageFonts()
        for page in pdf.pages:
            reached = fonts.of(page)
            assert {(r.name, r.font.objgen) for r in reached} == _alone(page)
            assert fonts.of(page) is reached  # (the second reader of the page: no walk)
            assert all(r.key == r.font.objgen for r in reached)


def test_shared_walk_gives_each_reader_its_own_answer(tmp_path: Path) -> None:
    with pikepdf.open(_shared_fonts_pdf(tmp_path / "shared.pdf")) as pdf:
        shared = PageFonts()
        named, extents = NamedGlyphReading(shared), UndeclaredExtents(shared)
        for page in pdf.pages:
            assert named._usable(page) == NamedGlyphReading()._usable(page)
            assert extents._undeclared(page) == UndeclaredExtents()._undeclared(page)
