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

import bisect
import ctypes
import math
from collections.abc import Iterable, Sequence
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as c
from PIL import Image, ImageChops

from ..layout.glyphs import read_page
from ..layout.operators import map_operators
from .checks import PIXEL_SCALE, Clip, render_size
from .marked_content import indices_of

#: Points around a glyph's box where a changed pixel is still its doing: a glyph moved by one
#: pixel, or an antialiased edge no longer clipped, changes pixels up to one pixel outside it.
REACH = 2.0 / PIXEL_SCALE
#: Changed pixels looked up one by one at most (beyond, their bounding box stands for them).
MAX_PIXELS = 4000


def rendered(document: pdfium.PdfDocument, index: int) -> Image.Image:
    """Page ``index`` at :data:`.checks.PIXEL_SCALE`, as the pixel check renders it
    (:class:`.checks.PageTooLargeError` for a page too large to render)."""
    page = document[index]
    try:
        render_size(page)
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


#: Pixels a clipped proof (:func:`cut_boxes`) reaches beyond the drawing of the text objects
#: holding cut operators: a glyph moved by a pixel, an antialiased edge no longer clipped,
#: hinting, and the edge of the clip itself (whose pixels may differ from the whole render's).
CLIP_MARGIN = 6
_DRAWN_TEXT = frozenset({c.FPDF_TEXTRENDERMODE_FILL, c.FPDF_TEXTRENDERMODE_INVISIBLE})


def cut_boxes(
    page: pdfium.PdfPage, operator_of: Sequence[int], names: Sequence[str],
    cut: Iterable[int], resources: pikepdf.Object | None,
) -> list[Clip | None]:
    """The pixels (at :data:`.checks.PIXEL_SCALE`) outside which the page draws the same
    whether the operators ``cut`` (indices into ``names``, the page content's operators) are
    cut or whole; None when that cannot be bounded. A cut moves no glyph (:mod:`.split_text`)
    but pdfium may draw a part, or a later operator of the same text object (its text
    position summed another way), a pixel away: so the box holds every object pdfium draws
    from each cut operator up to the next operator that sets the text position afresh
    (:func:`_moved_runs`), where ``page`` (the source, loaded; ``operator_of``: each of its
    objects' operator) says they are, and :data:`CLIP_MARGIN` more. Not bounded: a Type 3
    font on the page (its glyphs may draw anywhere), text stroked or clipping (modes other
    than fill and invisible: a stroke reaches beyond the glyph, a clip changes what is drawn
    later), an object pdfium draws that no operator is known for, or a cut operator pdfium
    draws nothing of. Given as a box per run of operators that may move (a page's cuts lie
    on lines here and there: the proof renders those lines, not the page between them), or
    as the one box holding them all where some run's box holds no pixel of the page; [None]
    where the pixels cannot be bounded."""
    wanted = sorted(set(cut))
    if not wanted or _has_type3(resources):
        return [None]
    ordered = _moved_runs(names, wanted)
    if ordered is None:
        return [None]
    firsts = [first for first, _ in ordered]
    # Per run: left, bottom, right, top of what pdfium draws from it.
    bounds = [[math.inf, math.inf, -math.inf, -math.inf] for _ in ordered]
    drawn: set[int] = set()
    x0, y0, x1, y1 = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if min(operator_of, default=0) < 0:
        return [None]
    for obj in _objects_within(operator_of, ordered):
        operator = operator_of[obj]
        k = bisect.bisect_right(firsts, operator) - 1
        if k < 0 or operator > ordered[k][1]:
            continue
        handle = c.FPDFPage_GetObject(page.raw, obj)
        if not handle:
            return [None]
        if (c.FPDFPageObj_GetType(handle) == c.FPDF_PAGEOBJ_TEXT
                and c.FPDFTextObj_GetTextRenderMode(handle) not in _DRAWN_TEXT):
            return [None]
        if not c.FPDFPageObj_GetBounds(handle, x0, y0, x1, y1):
            return [None]
        run = bounds[k]
        run[0], run[1] = min(run[0], x0.value), min(run[1], y0.value)
        run[2], run[3] = max(run[2], x1.value), max(run[3], y1.value)
        drawn.add(operator)
    if not drawn.issuperset(wanted):
        return [None]
    boxes = [_device_box(page, *run) for run in bounds if run[0] <= run[2]]
    if all(box is not None for box in boxes):
        return boxes
    # (A run drawn off the page, or one drawing nothing: the box holding every run's.)
    return [_device_box(page, min(run[0] for run in bounds), min(run[1] for run in bounds),
                        max(run[2] for run in bounds), max(run[3] for run in bounds))]


#: Operators after which pdfium places the next glyph from the text line's start (``Td``,
#: ``TD``, ``T*``, and ``'`` and ``"`` before they show), or from a new text matrix (``Tm``):
#: that start is kept apart from the glyphs' advances, so what follows is placed alike
#: whether the text shown before was drawn whole or cut.
_SETS_TEXT_POSITION = frozenset({"Td", "TD", "Tm", "T*", "'", '"'})
#: Operators that save or restore the graphics state, the text position with it in pdfium:
#: a position summed after a cut can come back after a reset.
_SAVES_STATE = frozenset({"q", "Q"})


def _moved_runs(names: Sequence[str], cut: Sequence[int]) -> list[tuple[int, int]] | None:
    """The runs of operators (first and last, sorted, apart) whose drawing may move when the
    operators ``cut`` (sorted) are cut: pdfium sums the text position glyph by glyph, so a
    cut operator's parts and the text shown after them in its text object may land a pixel
    away, up to an operator that sets the position afresh (:data:`_SETS_TEXT_POSITION`);
    the whole text object (``BT`` … ``ET``) where the state is saved or restored before
    that. None for a cut operator outside any text object."""
    starts, ends = indices_of(names, {"BT"}), indices_of(names, {"ET"})
    runs: list[tuple[int, int]] = []
    for operator in cut:
        k = bisect.bisect_right(starts, operator) - 1
        if k < 0:
            return None
        e = bisect.bisect_left(ends, operator)
        end = ends[e] if e < len(ends) else len(names)
        last = end
        for at in range(operator + 1, end):
            name = names[at]
            if name in _SETS_TEXT_POSITION:
                last = at - 1
                break
            if name in _SAVES_STATE:
                operator = starts[k]  # (the whole text object)
                break
        runs.append((operator, last))
    runs.sort()
    merged = [runs[0]]
    for first, last in runs[1:]:
        if first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


#: Objects inside a form (and the forms in it) looked at, at most, bounding its cuts.
MAX_FORM_OBJECTS = 50_000


def form_clip(
    page: pdfium.PdfPage, form_object: Any, resources: Iterable[pikepdf.Object | None],
) -> Clip | None:
    """The pixels (as :func:`cut_boxes` gives a box of them) outside which the page draws the same
    whether text operators inside the form ``form_object`` paints (a page object of ``page``,
    the source, loaded) are cut or whole; None when that cannot be bounded. The form's copy
    draws what the form did but for its cut operators (:mod:`.form_content`), and the box
    pdfium gives the form object holds every object drawn inside it (their boxes, through
    the form's matrix): so the box is the form object's and :data:`CLIP_MARGIN` more, as
    around the text objects of cut operators on a page. Not bounded: a Type 3 font in any of
    ``resources`` (those the page and the forms down to the cut one are painted with), text
    inside the form stroked or clipping (see :func:`cut_boxes`), or too many objects in it."""
    if any(_has_type3(found) for found in resources) or not _fills_its_text(form_object):
        return None
    x0, y0, x1, y1 = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not c.FPDFPageObj_GetBounds(form_object, x0, y0, x1, y1):
        return None
    return _device_box(page, x0.value, y0.value, x1.value, y1.value)


def proof_boxes(clips: Sequence[Clip | None]) -> tuple[Clip, ...] | None:
    """The boxes a proof renders for ``clips`` (those of a page's cuts and of its forms'),
    boxes that overlap joined into one (their pixels rendered once); None: one cannot be
    bounded, or there are none."""
    if not clips or any(clip is None for clip in clips):
        return None
    boxes = sorted(clip for clip in clips if clip is not None)
    joined = True
    while joined:
        joined = False
        kept: list[Clip] = []
        for box in boxes:
            for k, other in enumerate(kept):
                if box[0] < other[2] and other[0] < box[2] and box[1] < other[3] \
                        and other[1] < box[3]:
                    kept[k] = (min(box[0], other[0]), min(box[1], other[1]),
                               max(box[2], other[2]), max(box[3], other[3]))
                    joined = True
                    break
            else:
                kept.append(box)
        boxes = kept
    return tuple(boxes)


def joined_clip(clips: Sequence[Clip | None]) -> Clip | None:
    """The box holding all of ``clips`` (None: one cannot be bounded, or there are none)."""
    if not clips or any(clip is None for clip in clips):
        return None
    boxes = [clip for clip in clips if clip is not None]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))


def _fills_its_text(form_object: Any) -> bool:
    """Whether every text object inside the form (and the forms in it) is filled or
    invisible (:data:`_DRAWN_TEXT`), looked at up to :data:`MAX_FORM_OBJECTS` objects."""
    forms = [form_object]
    seen = 0
    while forms:
        form = forms.pop()
        for k in range(c.FPDFFormObj_CountObjects(form)):
            obj = c.FPDFFormObj_GetObject(form, k)
            seen += 1
            if not obj or seen > MAX_FORM_OBJECTS:
                return False
            kind = c.FPDFPageObj_GetType(obj)
            if kind == c.FPDF_PAGEOBJ_TEXT and c.FPDFTextObj_GetTextRenderMode(
                    obj) not in _DRAWN_TEXT:
                return False
            if kind == c.FPDF_PAGEOBJ_FORM:
                forms.append(obj)
    return True


def _device_box(
    page: pdfium.PdfPage, left: float, bottom: float, right: float, top: float
) -> Clip | None:
    """The device pixels of a box of page space, with :data:`CLIP_MARGIN` more, kept to the
    page; None for a box that is not finite or holds no pixel of the page."""
    if not all(map(math.isfinite, (left, bottom, right, top))):
        return None
    width = math.ceil(page.get_width() * PIXEL_SCALE)
    height = math.ceil(page.get_height() * PIXEL_SCALE)
    xs, ys = [], []
    dx, dy = ctypes.c_int(), ctypes.c_int()
    for x in (left, right):
        for y in (bottom, top):
            if not c.FPDF_PageToDevice(page.raw, 0, 0, width, height, 0, x, y, dx, dy):
                return None
            xs.append(dx.value)
            ys.append(dy.value)
    box = (max(0, min(xs) - CLIP_MARGIN), max(0, min(ys) - CLIP_MARGIN),
           min(width, max(xs) + CLIP_MARGIN), min(height, max(ys) + CLIP_MARGIN))
    if box[0] >= box[2] or box[1] >= box[3]:
        return None
    return box


def _objects_within(operator_of: Sequence[int], spans: Sequence[tuple[int, int]]) -> Iterable[int]:
    """The page objects, in order, whose operator may lie in one of ``spans`` (first and last
    operator, sorted): all of them, unless the objects' operators run in order (a page's
    objects are read in content order), when only those the spans reach are (found by
    bisection: a page has thousands of objects, a few text objects are cut)."""
    if sorted(operator_of) != list(operator_of):  # (compared in C)
        return range(len(operator_of))
    found: set[int] = set()
    for first, last in spans:
        found.update(range(bisect.bisect_left(operator_of, first),
                           bisect.bisect_right(operator_of, last)))
    return sorted(found)


def _has_type3(resources: pikepdf.Object | None) -> bool:
    """Whether the fonts of ``resources`` include a Type 3 font (or cannot be read)."""
    if resources is None:
        return True  # inherited or missing: not looked for
    try:
        fonts = resources.get("/Font")
        if fonts is None:
            return False
        return any(font.get("/Subtype") == "/Type3" for _, font in fonts.items())
    except (AttributeError, TypeError, ValueError, pikepdf.PdfError):
        return True
