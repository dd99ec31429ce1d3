"""Drawn boxes that hold text: a form's cells drawn each as a rectangle of its own (a question's
label in its box, the choices beside it in theirs, a note in a box across the page). A cell
shares a side with another painted box (the form's grid of boxes, set side by side or one on
another); a box standing alone (a diagram's node, a chart's frame, a highlight) is no cell,
nor is one with other shapes painted in it (a chart's legend by its plot, a drawing's part).

A piece of text a cell holds and a piece outside that cell are in two boxes: they are never
one line read on across the cell's side, nor one paragraph going on across its top or foot,
however close they are set (the cell's side is a wall or a rule the reader sees, though no
rule is drawn apart from the boxes). Boxes holding both pieces (a page's background, a panel
around a whole section) part nothing; nor does a cell whose neighbouring cell holds the other
piece (a paragraph shaded line by line, a strip to each line; two cells side by side, whose shared
side is a wall already: see :mod:`.walls`)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from operator import attrgetter

from .glyphs import Rect
from .lines import Fragment

#: A piece of text is held by a box when its loose box pokes out of it by no more than this
#: share of its height (a cell's text set tight against its frame).
HELD_SLACK = 0.25
#: The height (points) of the bands the boxes are filed by, to find those around a piece of
#: text among many (a chart drawn cell by cell).
BAND = 16.0
#: Two boxes share a side when one starts within this distance (points) of where the other
#: ends (the stroke of each box's side covers the joint).
SHARED_SIDE = 1.5


class Frames:
    """The page's painted boxes (``shapes`` thicker than ``thick`` both ways), asked whether
    one parts two pieces of text. Everything is worked out on the first question, and only
    for the boxes asked about: most pages ask few, and most boxes hold no text."""

    def __init__(self, shapes: Sequence[Rect], thick: float) -> None:
        self.shapes = shapes
        self.thick = thick
        self.boxes: list[Rect] | None = None
        self.bands: dict[int, list[Rect]] | None = None
        self.held: dict[int, tuple[Rect, ...]] = {}
        #: id of a box -> whether it is a cell (shares a side, holds no other shape).
        self.cells: dict[int, bool] = {}
        #: id of a box -> ids of the boxes sharing a side with it.
        self.touching: dict[int, set[int]] = {}
        #: The shapes' middles, by band of height, each band's left to right (with their
        #: places across, to look up those between two places).
        self.middles: dict[int, tuple[list[float], list[tuple[float, float, Rect]]]] | None = (
            None
        )
        #: The boxes by each of their sides (left, right, bottom, top): the places of that
        #: side in order, and the boxes in that order (to find those with a side near a place).
        self.edges: list[tuple[list[float], list[Rect]]] | None = None

    def _file(self) -> dict[int, list[Rect]]:
        thick = self.thick
        self.boxes = boxes = [
            s for s in self.shapes if s.x1 - s.x0 > thick and s.y1 - s.y0 > thick
        ]
        bands: dict[int, list[Rect]] = {}
        get = bands.get
        for box in boxes:
            low, high = int(box.y0 // BAND), int(box.y1 // BAND)
            for k in range(low, high + 1) if high > low else (low,):
                filed = get(k)
                if filed is None:
                    bands[k] = [box]
                else:
                    filed.append(box)
        self.bands = bands
        return bands

    def holding(self, f: Fragment) -> tuple[Rect, ...]:
        """The boxes that hold the piece ``f`` whole (within :data:`HELD_SLACK`)."""
        known = self.held.get(id(f))
        if known is not None:
            return known
        bands = self.bands if self.bands is not None else self._file()
        fy0, fy1 = f.y0, f.y1
        around = bands.get(int((fy0 + fy1) / 2 // BAND))
        if around is None:
            found: tuple[Rect, ...] = ()
        else:
            slack = HELD_SLACK * (fy1 - fy0)
            x0, y0, x1, y1 = f.x0 + slack, fy0 + slack, f.x1 - slack, fy1 - slack
            found = tuple([
                b for b in around if b.x0 <= x0 and x1 <= b.x1 and b.y0 <= y0 and y1 <= b.y1
            ])
        self.held[id(f)] = found
        return found

    def _cell(self, box: Rect) -> bool:
        """The box holds no other shape and shares a side with another (worked out once per
        box; its neighbours looked up by where their sides are, not among all the boxes)."""
        known = self.cells.get(id(box))
        if known is not None:
            return known
        touching: set[int] = set()
        if self._empty(box):
            x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
            # A box sharing a side has its left side near this one's right, its right near
            # this one's left, its foot near this one's top or its top near this one's foot:
            # looked up by side (within a point more than SHARED_SIDE), then tested.
            edges = self.edges if self.edges is not None else self._edges()
            near = SHARED_SIDE + 1.0
            for (places, boxes), at in zip(edges, (x1, x0, y1, y0), strict=True):
                for o in boxes[bisect_left(places, at - near):bisect_right(places, at + near)]:
                    # (Overlapping along one side, meeting at the other's edge across it.)
                    if (o.y0 < y1 and y0 < o.y1 and (
                        -SHARED_SIDE <= o.x0 - x1 <= SHARED_SIDE
                        or -SHARED_SIDE <= x0 - o.x1 <= SHARED_SIDE
                    )) or (o.x0 < x1 and x0 < o.x1 and (
                        -SHARED_SIDE <= o.y0 - y1 <= SHARED_SIDE
                        or -SHARED_SIDE <= y0 - o.y1 <= SHARED_SIDE
                    )):
                        touching.add(id(o))
            touching.discard(id(box))
        self.touching[id(box)] = touching
        cell = bool(touching)
        self.cells[id(box)] = cell
        return cell

    def _edges(self) -> list[tuple[list[float], list[Rect]]]:
        """The boxes sorted by each side (see :attr:`edges`), once a page."""
        if self.boxes is None:
            self._file()
        boxes = self.boxes or []
        edges = []
        for side in ("x0", "x1", "y0", "y1"):
            key = attrgetter(side)
            ordered = sorted(boxes, key=key)
            edges.append(([key(b) for b in ordered], ordered))
        self.edges = edges
        return edges

    def _empty(self, box: Rect) -> bool:
        """No other shape is painted inside the box (by its middle)."""
        middles = self.middles
        if middles is None:
            filed: dict[int, list[tuple[float, float, Rect]]] = {}
            for s in self.shapes:
                x, y = (s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2
                filed.setdefault(int(y // BAND), []).append((x, y, s))
            middles = self.middles = {}
            for k, band in filed.items():
                band.sort(key=lambda m: m[0])
                middles[k] = ([m[0] for m in band], band)
        x0, y0, x1, y1 = box.x0, box.y0, box.x1, box.y1
        for k in range(int(y0 // BAND), int(y1 // BAND) + 1):
            band_of = middles.get(k)
            if band_of is None:
                continue
            xs, band = band_of
            for x, y, s in band[bisect_left(xs, x0):bisect_right(xs, x1)]:
                if x0 <= x <= x1 and y0 <= y <= y1 and s is not box:
                    return False
        return True

    def apart(self, a: Fragment, b: Fragment) -> bool:
        """Whether a cell holds one of the pieces while the other stands outside it (its
        middle beyond the cell's side), and in no cell touching it: they are in two boxes."""
        if not self.shapes:
            return False
        holding = self.holding
        held_a, held_b = holding(a), holding(b)
        if not held_a and not held_b:
            return False  # (most pieces: in no box at all)
        for other, around, held in ((b, held_a, held_b), (a, held_b, held_a)):
            if not around:
                continue
            x, y = (other.x0 + other.x1) / 2, (other.y0 + other.y1) / 2
            for box in around:
                if box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1:
                    continue
                if not self._cell(box):
                    continue
                touching = self.touching[id(box)]
                if not any(id(h) in touching and self._cell(h) for h in held):
                    return True
        return False
