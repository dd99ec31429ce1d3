"""Bullets drawn as shapes, not set as glyphs: LaTeX beamer's square and circle bullets (a
filled square, a disc drawn with four curves), a triangle, painted before each item's text.
No character stands for them, so the item's line would read as a paragraph's. A small
filled shape standing alone at the left of a line, where a label would be set, level with
the text right after it, is that line's bullet: it is read as a "•" of its own piece, set
where the shape is, and the lines it leads make a list as bullets set in a font do.

Kept cheap: only the page's small shapes about as wide as tall are looked at, and each
only against the pieces of text starting just right of it (found by bisection)."""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence

from .glyphs import Glyph, PageContent, Rect
from .lines import Fragment
from .patterns import starts_item

#: The character a drawn bullet is read as.
BULLET = "•"
#: A bullet's side, against the height of the line it leads: smaller than the text's
#: letters, larger than a full stop (a box to tick, half the height or more, is no bullet:
#: see :mod:`.tick_boxes`)...
SIDE = (0.15, 0.5)
#: ... in points, at most (a quick first cut of the page's shapes).
MAX_SIDE = 12.0
#: Its narrower side is at least this share of its wider one (a square, a disc, a triangle:
#: a dash or a bar is no bullet).
ROUND = 0.6
#: The text starts within this many line heights right of the bullet ...
GAP = 2.0
#: ... level with it: their middles apart by at most this share of the line's height.
LEVEL = 0.3
#: Nothing else drawn or set within this many of the bullet's sides around it (a chart's
#: marker sits on its curve or among others; a bullet stands alone in the margin).
CLEAR = 1.0
_x0_of = operator.attrgetter("x0")

#: Bullets a page must hold, of one size, for its lines to make a list (one small shape
#: before a label is as likely a chart's legend key as a bullet, unless it has all of a
#: bullet's marks: :func:`_bullet_on_its_own`).
MIN_BULLETS = 2


def with_drawn_bullets(
    frags: list[Fragment], content: PageContent,
) -> list[Fragment]:
    """``frags`` with a piece "•" put before each one a bullet drawn among the page's shapes
    (or rules: a dot under a rule's thickness) leads; ``frags`` itself when none does."""
    drawn = (*content.paths, *content.rules)
    small = [s for s in drawn if _bullet_shaped(s)]
    if not small:
        return frags
    by_start = sorted(frags, key=_x0_of)  # (attrgetter: no Python call per piece)
    starts = [f.x0 for f in by_start]
    drawings = _Drawings(content)
    led: dict[int, tuple[Rect, Fragment]] = {}
    for shape in small:
        text = _led_text(shape, by_start, starts)
        if (text is not None and id(text) not in led
                and _alone(shape, text, frags, drawn, drawings)):
            led[id(text)] = (shape, text)
    led = _repeated(led, drawn)
    if not led:
        return frags
    out: list[Fragment] = []
    for f in frags:
        found = led.get(id(f))
        if found is not None:
            out.append(_bullet_piece(*found))
        out.append(f)
    return out


def _bullet_shaped(s: Rect) -> bool:
    wide, tall = s.x1 - s.x0, s.y1 - s.y0
    longer = max(wide, tall)
    return 0.0 < longer <= MAX_SIDE and min(wide, tall) >= ROUND * longer


def _led_text(shape: Rect, by_start: list[Fragment], starts: list[float]) -> Fragment | None:
    """The piece of text ``shape`` stands before as a bullet would, or None."""
    side = max(shape.x1 - shape.x0, shape.y1 - shape.y0)
    middle = (shape.y0 + shape.y1) / 2
    # (The tallest line a bullet this size may lead sets how far right its text may start.)
    reach = GAP * side / SIDE[0]
    first = bisect.bisect_left(starts, shape.x1)
    last = bisect.bisect_right(starts, shape.x1 + reach)
    for f in by_start[first:last]:
        height = f.y1 - f.y0
        if (
            SIDE[0] * height <= side < SIDE[1] * height
            and f.x0 - shape.x1 <= GAP * height
            and abs((f.y0 + f.y1) / 2 - middle) <= LEVEL * height
            and not f.rtl
            and not starts_item(f.text)  # (a bullet set in a font already: a shape behind it)
        ):
            return f
    return None


class _Drawings:
    """Which of the page's shapes are a drawing's frame: a box that holds pictures or other
    shapes than bullets (a chart's panel, its legend's keys beside its plot). A box as large
    as half the page is the page's background, no drawing's. Each box is looked at once,
    when a bullet is found standing on it."""

    def __init__(self, content: PageContent) -> None:
        self.content = content
        self.page_area = content.width * content.height
        self.known: dict[int, bool] = {}

    def frames_drawing(self, box: Rect) -> bool:
        known = self.known.get(id(box))
        if known is None:
            known = self.known[id(box)] = self._holds_pictures(box)
        return known

    def _holds_pictures(self, box: Rect) -> bool:
        if (box.x1 - box.x0) * (box.y1 - box.y0) >= 0.5 * self.page_area:
            return False
        return any(
            r is not box and box.x0 <= r.x0 and r.x1 <= box.x1 and box.y0 <= r.y0
            and r.y1 <= box.y1 and not _bullet_shaped(r)
            for r in (*self.content.paths, *self.content.images)
        )


def _alone(
    shape: Rect, text: Fragment, frags: list[Fragment], drawn: Sequence[Rect],
    drawings: _Drawings,
) -> bool:
    """Whether ``shape`` stands alone before ``text``: no other text between them or just
    left of it on the line, and no other shape drawn near it (a panel it stands on aside,
    unless that panel frames a drawing)."""
    height = text.y1 - text.y0
    left = shape.x0 - height
    for f in frags:
        if (f is not text and f.x0 < text.x0 and f.x1 > left
                and f.y0 < text.y1 - 0.25 * height and f.y1 > text.y0 + 0.25 * height):
            return False
    clear = CLEAR * max(shape.x1 - shape.x0, shape.y1 - shape.y0)
    x0, y0, x1, y1 = shape.x0 - clear, shape.y0 - clear, shape.x1 + clear, shape.y1 + clear
    for other in drawn:
        if other is shape or other.x0 >= x1 or other.x1 <= x0 or other.y0 >= y1 or other.y1 <= y0:
            continue
        if _same_box(other, shape):
            continue  # the bullet's own outline, stroked over its fill
        if (other.x0 <= x0 and other.x1 >= x1 and other.y0 <= y0 and other.y1 >= y1
                and not drawings.frames_drawing(other)):
            continue  # a panel or a shaded box the bullet stands on
        return False
    return True


def _same_box(a: Rect, b: Rect) -> bool:
    return (abs(a.x0 - b.x0) <= 0.5 and abs(a.x1 - b.x1) <= 0.5
            and abs(a.y0 - b.y0) <= 0.5 and abs(a.y1 - b.y1) <= 0.5)


def _repeated(
    found: dict[int, tuple[Rect, Fragment]], drawn: Sequence[Rect],
) -> dict[int, tuple[Rect, Fragment]]:
    """The shapes of ``found`` drawn in a size that :data:`MIN_BULLETS` of them share (to
    half a point): a list's bullets are one mark repeated; those of another size leading
    points nested in such a list (:func:`_nested_under`); and one that is a bullet by its
    own marks (:func:`_bullet_on_its_own`: a list's only item on the page)."""
    sizes = [(_half_points(s), s, f) for s, f in found.values()]
    kept = {
        key: (s, f) for key, (s, f) in found.items()
        if sum(abs(_half_points(s) - size) <= 1 and _repeat_of(s, f, other, text)
               for size, other, text in sizes) >= MIN_BULLETS
        or _bullet_on_its_own(s, f, drawn)
    }
    if kept and len(kept) < len(found):
        outer = [s for s, _ in kept.values()]
        kept.update(
            (key, (s, f)) for key, (s, f) in found.items()
            if key not in kept and _nested_under(s, f, outer)
        )
    return kept


#: A list's bullet shaped otherwise than a disc or a square (a triangle) repeats within this
#: many of its line's heights down the page: a browser's disclosure triangles, one before
#: each collapsed section's summary line ("▶ About the command…"), stand apart, far more
#: than a list's points.
TRIANGLE_REACH = 12.0


def _repeat_of(shape: Rect, text: Fragment, other: Rect, other_text: Fragment) -> bool:
    """Whether ``other`` (leading ``other_text``) counts as a repeat of ``shape``'s mark:
    any one for a disc or a square (the shape itself too), one near it for another shape
    (:data:`TRIANGLE_REACH`)."""
    wide, tall = shape.x1 - shape.x0, shape.y1 - shape.y0
    if min(wide, tall) >= LONE_ROUND * max(wide, tall):
        return True
    reach = TRIANGLE_REACH * max(text.y1 - text.y0, other_text.y1 - other_text.y0)
    return abs((shape.y0 + shape.y1) - (other.y0 + other.y1)) / 2 <= reach


#: A bullet standing alone on its page is one by its own marks: a disc or a square (its
#: narrower side at least this share of its wider one) ...
LONE_ROUND = 0.9
#: ... its side this share of its line's height (a browser's disc or square: a fifth) ...
LONE_SIDE = (0.15, 0.3)
#: ... its middle on its line's, to this share of the line's height ...
LONE_LEVEL = 0.1
#: ... its text this many line heights right of it (a label's gap, not a word space) ...
LONE_GAP = (0.25, 1.0)
#: ... and nothing else drawn within this many line heights of it (a chart's legend key
#: stands by its chart; a panel or shaded box it stands on aside).
LONE_CLEAR = 3.0


def _bullet_on_its_own(shape: Rect, text: Fragment, drawn: Sequence[Rect]) -> bool:
    """Whether ``shape``, leading ``text`` with no other bullet of its size on the page, is
    one all the same: shaped, sized, set and spaced as a browser sets a list's bullet (a
    list whose items fall one to a page, or whose last item opens a page)."""
    wide, tall = shape.x1 - shape.x0, shape.y1 - shape.y0
    side = max(wide, tall)
    height = text.y1 - text.y0
    if not (
        min(wide, tall) >= LONE_ROUND * side
        and LONE_SIDE[0] * height <= side <= LONE_SIDE[1] * height
        and abs((text.y0 + text.y1) - (shape.y0 + shape.y1)) / 2 <= LONE_LEVEL * height
        and LONE_GAP[0] * height <= text.x0 - shape.x1 <= LONE_GAP[1] * height
    ):
        return False
    clear = LONE_CLEAR * height
    x0, y0, x1, y1 = shape.x0 - clear, shape.y0 - clear, shape.x1 + clear, shape.y1 + clear
    return not any(
        other is not shape and not _same_box(other, shape)
        and other.x0 < x1 and other.x1 > x0 and other.y0 < y1 and other.y1 > y0
        and not (other.x0 <= x0 and other.x1 >= x1 and other.y0 <= y0 and other.y1 >= y1)
        for other in drawn
    )


#: A nested point's bullet stands within this many of its line's heights of a bullet of
#: the list it is nested in (above it, or below it where the list goes on after it).
NEST_REACH = 4.0


def _nested_under(shape: Rect, text: Fragment, outer: list[Rect]) -> bool:
    """Whether ``shape``, a bullet of a size no other shares, leads a point nested in a list
    of repeated bullets ``outer``: it stands right of one of them, near it down the page.
    Each level of a nested list has a bullet of its own (a browser draws a disc, then a
    ring, then a square, each its own size), and a level of one point has one."""
    reach = NEST_REACH * (text.y1 - text.y0)
    return any(
        o.x1 < shape.x0 and abs((o.y0 + o.y1) - (shape.y0 + shape.y1)) / 2 <= reach
        for o in outer
    )


def _half_points(s: Rect) -> int:
    return round(2 * max(s.x1 - s.x0, s.y1 - s.y0))


def drawn_bullet(f: Fragment) -> bool:
    """Whether ``f`` opens with a bullet drawn as a shape (see :func:`with_drawn_bullets`):
    a glyph no page object drew that is no space (pdfium generates spaces alone)."""
    first = f.glyphs[0] if f.glyphs else None
    return first is not None and first.generated and first.char == BULLET


def _bullet_piece(shape: Rect, text: Fragment) -> Fragment:
    """A piece "•" where ``shape`` is, as high as the line it leads (read as one of its
    pieces), in its text's size; no page object's glyph (the shape draws no text: the item
    it labels has no label in the text, as a list tagged with a picture for its label reads
    back)."""
    first = text.glyphs[0]
    glyph = Glyph(
        BULLET, shape.x0, text.y0, shape.x1, text.y1, first.size, False, "", -1, -1,
        artifact=first.artifact, generated=True,
    )
    return Fragment([glyph], BULLET, shape.x0, text.y0, shape.x1, text.y1)


def without_drawn_bullets(text: str, glyphs: Sequence[Glyph]) -> str:
    """``text``, read from ``glyphs`` in their order (a table cell's), without the "•" read
    for bullets drawn as shapes. A list item led by one has no label in its text (its shape
    prints no character: nothing reads it from the page, tagged or not); a cell holding
    such a list says no more. Bullets set in a font stay. Where the text's "•" cannot be
    matched one to one with the glyphs' (none are left out), the text is kept as it is."""
    if BULLET not in text:
        return text
    drawn = [g.generated for g in glyphs if g.char == BULLET]
    parts = text.split(BULLET)
    if not any(drawn) or len(parts) - 1 != len(drawn):
        return text
    out = parts[0]
    for shape, part in zip(drawn, parts[1:], strict=True):
        if not shape:
            out += BULLET + part
        elif part.startswith(" ") and (not out or out.endswith(" ")):
            out += part[1:]  # (one space, not two, where the bullet stood between them)
        else:
            out += part
    return out.strip(" ")
