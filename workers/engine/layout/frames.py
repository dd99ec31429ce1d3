"""Drawn boxes that hold text: a form's cells drawn each as a rectangle of its own (a question's
label in its box, the choices beside it in theirs, a note in a box across the page). A cell
shares a side with another painted box (the form's grid of boxes, set side by side or one on
another); a box standing alone (a diagram's node, a chart's frame, a highlight) is no cell,
nor is one with other shapes painted in it (a chart's legend by its plot, a drawing's part).

A piece of text a box holds and a piece outside that box are in two boxes: they are never
one line read on across the box's side, nor one paragraph going on across its top or foot,
however close they are set (the box's side is a wall or a rule the reader sees, though no
rule is drawn apart from the box). Boxes holding both pieces (a page's background, a panel
around a whole section) part nothing."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .glyphs import Rect
from .lines import Fragment
from .walls import neighbours

#: A piece of text is held by a box when its loose box pokes out of it by no more than this
#: share of its height (a cell's text set tight against its frame).
HELD_SLACK = 0.25
#: The height (points) of the bands the boxes are filed by, to find those around a piece of
#: text among many (a chart drawn cell by cell).
BAND = 16.0


class Frames:
    """The page's painted boxes (``shapes`` thicker than ``thick`` both ways), asked which
    hold a piece of text. Filed by band on the first question: most pages ask none."""

    def __init__(self, shapes: Sequence[Rect], thick: float) -> None:
        self.shapes = shapes
        self.thick = thick
        self.boxes: list[Rect] | None = None
        self.bands: dict[int, list[Rect]] | None = None
        self.held: dict[int, tuple[Rect, ...]] = {}
        self.empty: dict[int, bool] = {}
        #: Index of a box -> indices of the boxes sharing a side with it.
        self.touching: dict[int, set[int]] = {}
        self.number: dict[int, int] = {}  # id of a shape -> its index
        self.middles: list[tuple[float, float, int]] | None = None

    def _cells(self) -> list[Rect]:
        """The boxes sharing a side with another: side by side, or one on the other (found
        as side by side with the page turned)."""
        shapes = self.shapes
        number = self.number = {id(s): k for k, s in enumerate(shapes)}
        pairs = [(number[id(a)], number[id(b)]) for a, b in neighbours(shapes, self.thick)]
        turned = [Rect(s.y0, s.x0, s.y1, s.x1, k) for k, s in enumerate(shapes)]
        pairs += [(a.obj, b.obj) for a, b in neighbours(turned, self.thick)]
        for a, b in pairs:
            self.touching.setdefault(a, set()).add(b)
            self.touching.setdefault(b, set()).add(a)
        self.boxes = [s for k, s in enumerate(shapes) if k in self.touching]
        return self.boxes

    def _file(self) -> dict[int, list[Rect]]:
        bands: dict[int, list[Rect]] = {}
        for box in self.boxes if self.boxes is not None else self._cells():
            for k in range(int(box.y0 // BAND), int(box.y1 // BAND) + 1):
                bands.setdefault(k, []).append(box)
        self.bands = bands
        return bands

    def _empty(self, box: Rect) -> bool:
        """No other shape is painted inside the box (by its middle)."""
        known = self.empty.get(id(box))
        if known is not None:
            return known
        if self.middles is None:
            self.middles = sorted(
                ((s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2, k) for k, s in enumerate(self.shapes)
            )
        middles = self.middles
        at = bisect.bisect_left(middles, (box.x0,))
        stop = bisect.bisect_right(middles, (box.x1, float("inf")))
        empty = not any(
            box.y0 <= y <= box.y1 and self.shapes[k] is not box for _, y, k in middles[at:stop]
        )
        self.empty[id(box)] = empty
        return empty

    def holding(self, f: Fragment) -> tuple[Rect, ...]:
        """The empty cells that hold the piece ``f`` whole (within :data:`HELD_SLACK`)."""
        known = self.held.get(id(f))
        if known is not None:
            return known
        bands = self.bands if self.bands is not None else self._file()
        slack = HELD_SLACK * (f.y1 - f.y0)
        middle = (f.y0 + f.y1) / 2
        found = tuple(
            b for b in bands.get(int(middle // BAND), ())
            if b.x0 - slack <= f.x0 and f.x1 <= b.x1 + slack
            and b.y0 - slack <= f.y0 and f.y1 <= b.y1 + slack and self._empty(b)
        )
        self.held[id(f)] = found
        return found

    def apart(self, a: Fragment, b: Fragment) -> bool:
        """Whether a box holds one of the pieces while the other stands outside it (its
        middle beyond the box's side): they are in two boxes."""
        if not self.shapes or (self.boxes is not None and not self.boxes):
            return False
        for one, other in ((a, b), (b, a)):
            x, y = (other.x0 + other.x1) / 2, (other.y0 + other.y1) / 2
            held = {id(box) for box in self.holding(other)}
            for box in self.holding(one):
                if box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1:
                    continue
                # (The other piece in a box touching this one: a shaded paragraph painted
                # line by line, a strip to each, or two cells side by side, whose shared
                # side is a wall already.)
                touching = self.touching[self.number[id(box)]]
                if not any(id(self.shapes[k]) in held for k in touching):
                    return True
        return False
