"""Which cut text operators a page must keep whole because pdfium draws their parts differently.

Cutting ``[(2015) -6255.99 (55,957)] TJ`` into ``[(2015) -6255.99] TJ [(55,957)] TJ`` is exact
in PDF terms (:mod:`.split_text`), but pdfium is not exact arithmetic, and two of its habits
can move a pixel:

- it places the glyphs of one operator from the operator's start, adding their advances in
  single precision, and rounds each glyph's origin to a whole pixel; a later part starts from
  a text position summed in another order, so a glyph whose origin lies within a rounding
  error of a pixel boundary (294.99997 drawn whole, 295.0 cut) moves by one pixel;
- it drops a rectangular clipping path around a text object whose box lies inside it: a part
  smaller than the whole operator can lose the clip its operator kept, and the antialiased
  edge of a glyph then reaches a pixel the clip had cut off.

Neither can be undone by writing the parts another way (the spacing number at the end of
one part or the start of the next, or divided between them, is summed the same way). So the
page is rendered again, and the operators whose glyphs lie at the pixels that changed are
cut again with their later parts nudged by 1/20000 of the font size, one way then the other
(:data:`.tagger.NUDGE`: a glyph on a pixel boundary goes back to the side the whole drew it
on, and no glyph moves on any device); those that still render differently are kept whole.
The rest of the page stays cut. Glyphs are located in the source as pdfium
reads them, and each changed pixel goes back to page space through pdfium
(``FPDF_DeviceToPage``), so a turned page is handled as it is rendered.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable, Sequence

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as c
from PIL import Image, ImageChops

from ..layout.glyphs import read_page
from ..layout.operators import map_operators
from .checks import PIXEL_SCALE

#: Points around a glyph's box where a changed pixel is still its doing: a glyph moved by one
#: pixel, or an antialiased edge no longer clipped, changes pixels up to one pixel outside it.
REACH = 2.0 / PIXEL_SCALE
#: Changed pixels looked up one by one at most (beyond, their bounding box stands for them).
MAX_PIXELS = 4000


def rendered(document: pdfium.PdfDocument, index: int) -> Image.Image:
    """Page ``index`` at :data:`.checks.PIXEL_SCALE`, as the pixel check renders it."""
    page = document[index]
    try:
        bitmap = page.render(scale=PIXEL_SCALE)
        try:
            image: Image.Image = bitmap.to_pil().copy()
            return image
        finally:
            bitmap.close()
    finally:
        page.close()


def changed_points(
    before: Image.Image, after: Image.Image, document: pdfium.PdfDocument, index: int
) -> list[tuple[float, float]]:
    """The centres, in page space, of the pixels that differ between two renders of page
    ``index`` (of ``document``, which says how the page is turned); [] if none do."""
    if before.size != after.size or before.mode != after.mode:
        return []
    difference = ImageChops.difference(before, after).convert("L")
    box = difference.getbbox()
    if box is None:
        return []
    width, height = before.size
    pixels: list[tuple[int, int]]
    left, top, right, bottom = box
    if (right - left) * (bottom - top) <= MAX_PIXELS:
        region = difference.crop(box)
        data = region.tobytes()
        span = right - left
        pixels = [(left + k % span, top + k // span) for k, value in enumerate(data) if value]
    else:
        pixels = [(left, top), (right - 1, top), (left, bottom - 1), (right - 1, bottom - 1)]
    page = document[index]
    try:
        x, y = ctypes.c_double(), ctypes.c_double()
        out = []
        for px, py in pixels:
            # The pixel's centre: device coordinates are whole pixels, so ask at twice the size.
            if c.FPDF_DeviceToPage(page.raw, 0, 0, 2 * width, 2 * height, 0, 2 * px + 1,
                                   2 * py + 1, x, y):
                out.append((x.value, y.value))
        return out
    finally:
        page.close()


def glyph_boxes(
    source: pdfium.PdfDocument, page: pikepdf.Page, index: int, candidates: Iterable[int]
) -> dict[int, list[tuple[float, float, float, float]]]:
    """The boxes of the glyphs each of the ``candidates`` draws (operator indices of
    ``page``'s content, which must be the source's as it stands)."""
    wanted = set(candidates)
    if not wanted:
        return {}
    content = read_page(source, index)
    opmap = map_operators(page, content.object_kinds)
    out: dict[int, list[tuple[float, float, float, float]]] = {}
    for glyph in content.glyphs:
        if 0 <= glyph.obj < len(opmap.operator_of):
            operator = opmap.operator_of[glyph.obj]
            if operator in wanted:
                out.setdefault(operator, []).append((glyph.x0, glyph.y0, glyph.x1, glyph.y1))
    return out


def operators_at(
    boxes: dict[int, list[tuple[float, float, float, float]]],
    points: Sequence[tuple[float, float]],
) -> set[int]:
    """The operators (of :func:`glyph_boxes`) with a glyph within :data:`REACH` of a point."""
    return {
        operator for operator, glyphs in boxes.items()
        if any(x0 - REACH <= x <= x1 + REACH and y0 - REACH <= y <= y1 + REACH
               for x0, y0, x1, y1 in glyphs for x, y in points)
    }
