"""Which of a page's images make one picture.

A picture may be drawn as several images: tiles or strips of one photograph set edge to edge,
pieces of an illustration laid over one another. Images that touch or overlap are taken for
one picture, unless each lies in a drawn box of its own: a table's cells holding a
photograph each (the cells' shared side runs along the seam), a frame drawn around each
screenshot of a stack, two panels each holding an illustration whose pieces spill a little
over the panel's edge. A box holds an image when most of the image lies inside it
(:data:`HOLDS`); two images are held apart when their boxes differ and neither box holds much
of the other image (:data:`HOLDS_APART`). A page's background or a frame around a whole panel
of tiles holds them all alike and parts nothing; nor does a box around one inset picture laid
on a larger one (the larger lies over the inset's box too).

A small image that a much larger one overlaps only at its edge, the small one lying mostly
outside (:data:`SMALL_SHARE`, :data:`EDGE_SHARE`, :data:`REACH`), is a picture of its own: an
icon of a figure that a header's photograph runs down onto, a dot of a pattern strewn along a
photograph's side. Pieces set edge to edge without overlapping are still one picture (a
bitmap's rows of runs, tiles), and so is a strip laid along a whole side of a larger tile (the
last, shorter strip of a photograph cut in strips, overlapping it a little).

Two images overlapping only by a sliver at their sides, each lying almost wholly outside the
other (:data:`SLIVER_SHARE`), lined up along no side, one reaching over the other's whole
side, are two pictures as well: two screenshots set side by side, the one reaching a few
points over the other's edge. (Strips of one photograph line up along a side; pieces of an
illustration laid over one another overlap much more, or, cut out and staggered, meet at a
corner: one picture.)

Images held by one box that come near each other (:data:`PANEL_GAP` apart at most) are pieces
of the picture the box frames, when they fill much of it (:data:`PANEL_FILL`): an
illustration drawn as cut-outs set a little apart in its panel. (A page's frame or background
holds every picture on it alike, and joins none.)

>>> from .glyphs import Rect
>>> left, right = Rect(0, 0, 100, 80, 1), Rect(100, 0, 200, 80, 2)
>>> [(r.x0, r.x1) for r in merge_images([left, right])]
[(0, 200)]
>>> cells = [Rect(-1, -1, 100, 81, 3), Rect(100, -1, 201, 81, 4)]
>>> [(r.x0, r.x1) for r in merge_images([left, right], cells)]
[(0, 100), (100, 200)]
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from .glyphs import Rect

#: A drawn box holds an image when at least this share of the image lies inside it.
HOLDS = 2 / 3
#: Two images in boxes of their own are held apart when each box holds less than this share
#: of the other image.
HOLDS_APART = 1 / 3
#: An image this small beside a larger one at most (a share of its area) …
SMALL_SHARE = 1 / 8
#: … lying less than this share inside the larger one, is apart from it unless it runs along
#: a whole side of it.
EDGE_SHARE = 1 / 2
#: Two images each lying no more than this share inside the other overlap by a sliver only.
SLIVER_SHARE = 0.1
#: Points the two must overlap by each way at least (less: set edge to edge).
REACH = 1.0
#: Points by which a strip's ends may miss the side of the tile it runs along.
SIDE_SLACK = 2.0
#: Images held by one box this many points apart at most …
PANEL_GAP = 8.0
#: … covering at least this share of the box together are pieces of one picture.
PANEL_FILL = 1 / 3
#: Images looked at on a page at most (bounded work on a page of many tiles).
MAX_IMAGES = 500
#: Passes joining the pictures that came to touch at most (each pass joins all it can).
MAX_PASSES = 8
#: Drawn boxes looked at as holders at most.
MAX_BOXES = 2000


def merge_images(images: Sequence[Rect], boxes: Sequence[Rect] = ()) -> list[Rect]:
    """The pictures ``images`` make: each the box of the images joined into it, with the
    page object of its top image. ``boxes``: the page's painted shapes, of which the boxes
    holding images part them (see the module's text)."""
    ordered = sorted(images, key=lambda r: (-r.y1, r.x0))[:MAX_IMAGES]
    holders = _Holders(boxes) if boxes else None
    merged: list[Rect] = []
    members: list[list[Rect]] = []
    for image in ordered:
        for m, inside in zip(merged, members, strict=True):
            if not _touch(image, m, PANEL_GAP):
                continue
            if _touch(image, m, 1.0):
                joins = not _apart([image], inside, holders)
            else:
                joins = holders is not None and any(
                    _touch(image, k, PANEL_GAP) and holders.together(image, k) for k in inside
                )
            if joins:
                _grow(m, image)
                inside.append(image)
                break
        else:
            merged.append(Rect(image.x0, image.y0, image.x1, image.y1, image.obj))
            members.append([image])
    return _joined(merged, members, holders)


def _joined(
    merged: list[Rect], members: list[list[Rect]], holders: _Holders | None
) -> list[Rect]:
    """``merged`` with the pictures that came to touch as they grew joined: the pieces of a
    picture drawn row by row in strips with holes (a shape's outline, a bitmap's rows of
    runs) meet only through rows read later."""
    joined, passes = True, 0
    while joined and len(merged) > 1 and passes < MAX_PASSES:
        joined, passes = False, passes + 1
        for a in range(len(merged)):
            for b in range(len(merged) - 1, a, -1):
                if _touch(merged[a], merged[b], 1.0) and not _apart(
                    members[a], members[b], holders
                ):
                    _grow(merged[a], merged[b])
                    members[a].extend(members.pop(b))
                    del merged[b]
                    joined = True
    return merged


def _apart(one: list[Rect], other: list[Rect], holders: _Holders | None) -> bool:
    """Whether two pictures' images are apart: each pair of them that touches lies in drawn
    boxes of its own or is a small image at a larger one's edge; where only the pictures'
    boxes meet, every pair lies in boxes of its own."""
    touching = False
    for i in one:
        for k in other:
            if _touch(i, k, 1.0):
                if not (_at_edge(i, k) or _sliver_apart(i, k)
                        or (holders is not None and holders.apart(i, k))):
                    return False
                touching = True
    return touching or (
        holders is not None and all(holders.apart(i, k) for i in one for k in other)
    )


def _at_edge(a: Rect, b: Rect) -> bool:
    """Whether the smaller of ``a`` and ``b`` only reaches into the edge of the much larger
    one: overlapping it, lying mostly outside it, and not along a whole side of it."""
    small, large = (a, b) if _area(a) <= _area(b) else (b, a)
    if _area(small) > SMALL_SHARE * _area(large) or _share_in(small, large) >= EDGE_SHARE:
        return False
    if (min(small.x1, large.x1) - max(small.x0, large.x0) <= REACH
            or min(small.y1, large.y1) - max(small.y0, large.y0) <= REACH):
        return False  # (edge to edge: tiles, a bitmap's rows)
    along_x = abs(small.x0 - large.x0) <= SIDE_SLACK and abs(small.x1 - large.x1) <= SIDE_SLACK
    along_y = abs(small.y0 - large.y0) <= SIDE_SLACK and abs(small.y1 - large.y1) <= SIDE_SLACK
    return not (along_x or along_y)


def _sliver_apart(a: Rect, b: Rect) -> bool:
    """Whether ``a`` and ``b`` overlap only by a sliver at their sides (:data:`SLIVER_SHARE`
    of each at most, more than :data:`REACH` each way), lined up along no side of each
    other, the one reaching over the other's whole side: two pictures set side by side (or
    one over the other), one reaching a little over the other. Pieces of an illustration
    cut out and staggered meet at a corner."""
    if _share_in(a, b) > SLIVER_SHARE or _share_in(b, a) > SLIVER_SHARE:
        return False
    across = min(a.x1, b.x1) - max(a.x0, b.x0)
    down = min(a.y1, b.y1) - max(a.y0, b.y0)
    if across <= REACH or down <= REACH:
        return False  # (edge to edge: tiles, a bitmap's rows)
    along_x = abs(a.x0 - b.x0) <= SIDE_SLACK or abs(a.x1 - b.x1) <= SIDE_SLACK
    along_y = abs(a.y0 - b.y0) <= SIDE_SLACK or abs(a.y1 - b.y1) <= SIDE_SLACK
    if along_x or along_y:
        return False
    # Side by side, one over the other's whole side; cut-outs laid over one another,
    # staggered, meet at a corner.
    beside = down >= min(a.y1 - a.y0, b.y1 - b.y0) - SIDE_SLACK
    stacked = across >= min(a.x1 - a.x0, b.x1 - b.x0) - SIDE_SLACK
    return beside or stacked


class _Holders:
    """The smallest drawn box holding each image asked about (none: held by no box)."""

    def __init__(self, boxes: Sequence[Rect]) -> None:
        self.given = boxes
        self.boxes: list[Rect] = []
        self.areas: list[float] = []
        self.known: dict[int, Rect | None] = {}

    def of(self, image: Rect) -> Rect | None:
        key = id(image)
        if key not in self.known:
            if not self.known:  # (sorted once asked: most pages' images touch no other)
                self.boxes = sorted(
                    (b for b in self.given[:MAX_BOXES] if _area(b) > 0), key=_area
                )
                self.areas = [_area(b) for b in self.boxes]
            # (A box smaller than the share it must hold holds nothing: skipped unlooked at.
            # Holding two thirds of the image each way at least, it holds the image's centre.)
            first = bisect_left(self.areas, HOLDS * _area(image))
            cx, cy = (image.x0 + image.x1) / 2, (image.y0 + image.y1) / 2
            self.known[key] = next((
                b for b in self.boxes[first:]
                if b.x0 <= cx <= b.x1 and b.y0 <= cy <= b.y1 and _share_in(image, b) >= HOLDS
            ), None)
        return self.known[key]

    def apart(self, a: Rect, b: Rect) -> bool:
        """Whether ``a`` and ``b`` each lie in a drawn box of their own."""
        ha, hb = self.of(a), self.of(b)
        return (
            ha is not None and hb is not None and ha is not hb
            and _share_in(b, ha) < HOLDS_APART and _share_in(a, hb) < HOLDS_APART
        )

    def together(self, a: Rect, b: Rect) -> bool:
        """Whether ``a`` and ``b`` lie in the same drawn box, filling much of it."""
        held = self.of(a)
        if held is None or held is not self.of(b):
            return False
        x0, y0 = min(a.x0, b.x0), min(a.y0, b.y0)
        x1, y1 = max(a.x1, b.x1), max(a.y1, b.y1)
        return (x1 - x0) * (y1 - y0) >= PANEL_FILL * _area(held)


def _touch(a: Rect, b: Rect, gap: float) -> bool:
    return a.x0 <= b.x1 + gap and b.x0 <= a.x1 + gap and a.y0 <= b.y1 + gap and b.y0 <= a.y1 + gap


def _grow(m: Rect, r: Rect) -> None:
    m.x0, m.y0 = min(m.x0, r.x0), min(m.y0, r.y0)
    m.x1, m.y1 = max(m.x1, r.x1), max(m.y1, r.y1)


def _area(r: Rect) -> float:
    return max(r.x1 - r.x0, 0.0) * max(r.y1 - r.y0, 0.0)


def _share_in(r: Rect, box: Rect) -> float:
    """Share of ``r``'s area inside ``box`` (a degenerate ``r``: 1 when its centre is)."""
    area = _area(r)
    if area <= 0:
        cx, cy = (r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2
        return float(box.x0 <= cx <= box.x1 and box.y0 <= cy <= box.y1)
    w = min(r.x1, box.x1) - max(r.x0, box.x0)
    h = min(r.y1, box.y1) - max(r.y0, box.y0)
    return w * h / area if w > 0 and h > 0 else 0.0
