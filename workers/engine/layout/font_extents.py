"""Type sizes of fonts whose descriptor gives no ascent nor descent.

A glyph's size is the height of pdfium's loose box: the font's ascent to its descent, scaled
by the text matrix. The font descriptor says where they are; where it gives both as 0 (as
LibreOffice 7.3 and 7.4 write every font they embed, and some TeX fonts have it), pdfium
guesses them from the font program (a glyph's box, or the font's bounding box), and the
guess differs from one subset to another: text set in one point size reads larger in one
face than in another (a bold term a third larger than the regular text beside it, read as
a heading), or each glyph as tall as its own ink. Those fonts' glyphs are measured instead
by their point size, as the page draws them (the font size scaled by the text's matrix),
times the size per point that the page's fonts declaring their extent read at (a usual text
face's, where none does): one point size reads as one size whatever the subset holds.
"""

from __future__ import annotations

import builtins
import statistics
from collections.abc import Callable, Iterable
from types import ModuleType

import pikepdf

from ..pdf_entries import entry_of
from .glyphs import Glyph
from .page_fonts import PageFonts

# (The passes over every glyph of a page whose fonts declare no extent, in C where built: see
# objects_in_fonts, first_in_other_fonts and sizes_by_points in _fragments.c; a test holds
# them to the Python below.)
_accelerator: ModuleType | None
try:
    from . import _fragments as _accelerator
except ImportError:  # pragma: no cover - the extension is optional
    _accelerator = None

#: The ascent-to-descent height of a usual text face, per point of its size (Times and
#: Liberation Serif 1.107, Arial 1.117, Calibri 1.0 as their descriptors give it): the
#: glyphs' size per point where no font of the page declares its extent.
USUAL_EXTENT = 1.1
#: Glyphs of the page's declared fonts that tell their size per point, this many at most.
DECLARED_SAMPLE = 2000


class UndeclaredExtents:
    """The fonts of a document whose descriptor gives neither ascent nor descent, worked out
    once per font."""

    def __init__(self, page_fonts: PageFonts | None = None) -> None:
        """``page_fonts``: the document's walk of its pages' fonts, shared with the other
        readers of its fonts (see :mod:`.page_fonts`)."""
        self._page_fonts = page_fonts or PageFonts()
        self._fonts: dict[tuple[int, int], bool] = {}
        self._by_resources: dict[tuple[int, int], set[str]] = {}

    def apply(
        self, page: pikepdf.Page, glyphs: list[Glyph],
        type_sizes: Callable[[Iterable[int]], dict[int, float]],
    ) -> None:
        """Give each glyph of ``page`` set in a font with no ascent and descent declared the
        size its point size reads in the page's other fonts, those that declare theirs (in a
        usual text face where none does: :data:`USUAL_EXTENT`). ``type_sizes``: the point
        size of each top-level text object asked, as drawn. Glyphs know their font by name
        only: a name two fonts of the page share, one declaring its extent, is left as it
        was; so is a glyph drawn inside a Form XObject (its object is the Form)."""
        if not glyphs:
            return
        undeclared = self._undeclared(page)
        if not undeclared:
            return
        fast = _accelerator is not None and isinstance(glyphs, list)
        wanted: set[int] = (
            _accelerator.objects_in_fonts(glyphs, undeclared) if fast  # type: ignore[union-attr]
            else _objects_in_fonts(glyphs, undeclared)
        )
        if not wanted:
            return
        declared = _declared_sample(glyphs, undeclared)
        points = type_sizes(wanted | {g.obj for g in declared})
        ratios = [g.size / point for g in declared
                  if (point := points.get(g.obj, 0.0)) > 0.0]
        extent = statistics.median(ratios) if ratios else USUAL_EXTENT
        if fast:
            _accelerator.sizes_by_points(  # type: ignore[union-attr]
                glyphs, undeclared, points, extent, builtins.round)
        else:
            _sizes_by_points(glyphs, undeclared, points, extent)

    def _undeclared(self, page: pikepdf.Page) -> set[str]:
        """The names of the page's fonts that declare no extent (none another font of the
        page declaring one shares); worked out once per resource dictionary when the page
        has no annotations, as :class:`.named_glyphs.NamedGlyphReading` does."""
        resources = page.obj.get("/Resources")
        key = (resources.objgen if isinstance(resources, pikepdf.Dictionary)
               and resources.is_indirect and "/Annots" not in page.obj else None)
        if key is not None and key in self._by_resources:
            return self._by_resources[key]
        names = self._walked(page)
        if key is not None:
            self._by_resources[key] = names
        return names

    def _walked(self, page: pikepdf.Page) -> set[str]:
        """:meth:`_undeclared`, found by going through the fonts the page reaches."""
        undeclared: set[str] = set()
        declared: set[str] = set()
        for reached in self._page_fonts.of(page):
            key = reached.key
            known = self._fonts.get(key) if key is not None else None
            if known is None:
                known = _no_extent(reached.font)
                if key is not None:
                    self._fonts[key] = known
            (undeclared if known else declared).add(reached.name)
        return undeclared - declared


def _objects_in_fonts(glyphs: Iterable[Glyph], fonts: set[str]) -> set[int]:
    """The objects drawing the glyphs set in ``fonts`` (none pdfium generated)."""
    return {g.obj for g in glyphs if g.font in fonts and g.obj >= 0}


def _sizes_by_points(
    glyphs: Iterable[Glyph], undeclared: set[str], points: dict[int, float], extent: float
) -> None:
    """Give each glyph set in an ``undeclared`` font the size its object's point size
    (``points``) reads at ``extent`` per point; a space pdfium added, its glyph's before."""
    sizes: dict[float, float] = {}
    last: Glyph | None = None
    for glyph in glyphs:
        if glyph.obj < 0:
            # (A space pdfium adds between words has the size of the glyph before it.)
            if last is not None and glyph.font == last.font:
                glyph.size = last.size
            continue
        last = glyph
        point = points.get(glyph.obj, 0.0) if glyph.font in undeclared else 0.0
        if point > 0.0:
            size = sizes.get(point)
            if size is None:
                size = sizes[point] = round(point * extent, 1)
            glyph.size = size


def _declared_sample(glyphs: list[Glyph], undeclared: set[str]) -> list[Glyph]:
    """The first :data:`DECLARED_SAMPLE` glyphs (none a space, none drawn by pdfium) set in a
    font of the page that declares its extent. (Sifted a sample's length of glyphs at a time,
    stopping once the sample is full: a page of prose holds several times as many.)"""
    if _accelerator is not None and isinstance(glyphs, list):
        found: list[Glyph] = _accelerator.first_in_other_fonts(glyphs, undeclared, DECLARED_SAMPLE)
        return found
    return _python_declared_sample(glyphs, undeclared)


def _python_declared_sample(glyphs: list[Glyph], undeclared: set[str]) -> list[Glyph]:
    """:func:`_declared_sample` in Python."""
    declared: list[Glyph] = []
    for start in range(0, len(glyphs), DECLARED_SAMPLE):
        declared += [g for g in glyphs[start:start + DECLARED_SAMPLE]
                     if g.obj >= 0 and g.font not in undeclared and not g.char.isspace()]
        if len(declared) >= DECLARED_SAMPLE:
            break
    return declared[:DECLARED_SAMPLE]


def _no_extent(font: pikepdf.Dictionary) -> bool:
    """Whether the font's descriptor gives neither its ascent nor its descent (both 0 or
    missing). A Type 3 font, or one with no descriptor (the standard 14), is measured as
    pdfium measures it."""
    described: pikepdf.Object = font
    if entry_of(font, "/Subtype") == "/Type0":
        kids = entry_of(font, "/DescendantFonts")
        described = kids[0] if isinstance(kids, pikepdf.Array) and len(kids) else font
        if not isinstance(described, pikepdf.Dictionary):
            return False
    descriptor = entry_of(described, "/FontDescriptor")
    if not isinstance(descriptor, pikepdf.Dictionary) or entry_of(font, "/Subtype") == "/Type3":
        return False
    return all(_zero(entry_of(descriptor, key)) for key in ("/Ascent", "/Descent"))


def _zero(value: object) -> bool:
    if value is None:
        return True
    try:
        return float(value) == 0.0  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False
