"""Walls between a form's boxes: the lines drawn down the page that part two boxes set side by
side, and the pieces of text that run across one (two boxes' text read by pdfium as one run,
the gap between them no wider than a word space) split there.

A wall is a vertical rule, or the edge two painted boxes share (a form's row of boxes, each
drawn as a rectangle of its own, the next one's left side on the previous one's right)."""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable, Sequence
from types import ModuleType

from .abutting_labels import label_drawn_apart
from .blocks import Boxed
from .glyphs import Glyph, Rect
from .lines import SPACE_GAP, Fragment, fragments
from .places import Places

_accelerator: ModuleType | None
try:
    # The pairs of boxes side by side in C (_walls.c), built where a compiler exists.
    from . import _walls as _accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _accelerator = None

_gap_accelerator: ModuleType | None
try:
    # The rules made into pieces of lines in C (_column_gap.c), built where a compiler exists.
    from . import _column_gap as _gap_accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _gap_accelerator = None

#: Two boxes share an edge when one starts within this distance (points) of where the other
#: ends: the stroke of each box's side covers the joint.
SHARED_EDGE = 1.5
#: A glyph overlapping the wall by no more than this (points) still stands on its side.
WALL_TOUCH = 0.5
#: A wall parts a piece of text when it runs down all of its height but this share.
WALL_SLACK = 0.1
#: The height (points) of the bands walls are filed by, to find those running down a piece
#: of text among many (a chart drawn cell by cell has thousands of shared edges)...
WALL_BAND = 16.0
#: ... looked up only where more walls than this stand across the piece,
BAND_LOOKUP = 16
#: ... and given up where the walls would fill more than this many bands each on average.
BAND_ENTRIES = 8

Walls = list[tuple[float, float, float]]
#: Walls filed by band: each band's walls' places across and the walls, by place.
Bands = dict[int, tuple[list[float], Walls]]


def _neighbours(boxes: Sequence[Rect], thick: float) -> list[tuple[Rect, Rect]]:
    """(left, right) pairs of the ``boxes`` (shapes thicker than ``thick`` both ways) set
    side by side, the right one's left side on the left one's right, along some stretch."""
    if _accelerator is not None and isinstance(boxes, list):
        # (In C: a page drawn as thousands of shapes, a map, has tens of thousands of pairs.)
        found: list[tuple[Rect, Rect]] | None = _accelerator.neighbours(
            boxes, thick, SHARED_EDGE
        )
        if found is not None:
            return found
    return _python_neighbours(boxes, thick)


def _python_neighbours(boxes: Sequence[Rect], thick: float) -> list[tuple[Rect, Rect]]:
    """:func:`_neighbours` in Python; ``_walls.c`` does the same in C (a test compares them)."""
    # The shapes by where they start (to the point), each group by height: a left box's
    # neighbours are looked up, not scanned for (a table's column of cell shadings all start
    # at one place: scanning it for every cell of the column before would be quadratic).
    starting: dict[int, list[Rect]] = {}
    for b in boxes:
        if b.x1 - b.x0 > thick and b.y1 - b.y0 > thick:
            starting.setdefault(round(b.x0), []).append(b)
    if len(starting) < 2:
        return []
    groups: dict[int, tuple[list[Rect], list[float], float]] = {}
    for key, group in starting.items():
        group.sort(key=_bottom)
        groups[key] = (group, [b.y0 for b in group], max(b.y1 - b.y0 for b in group))
    # Where a left box's right side may stand for some group to start there: the many boxes
    # ending nowhere near a group's start are passed over with one look-up, not five.
    reachable = {key + step for key in groups for step in (-2, -1, 0, 1, 2)}
    pairs = []
    # (Plain locals, and min()/max() of two values spelled out with their exact semantics:
    # a page of many boxes, a chart drawn cell by cell, has tens of thousands of pairs.)
    for shapes, _, _ in groups.values():
        for left in shapes:
            lx1 = left.x1
            near = round(lx1)
            if near not in reachable:
                continue
            ly0, ly1 = left.y0, left.y1
            for key in (near - 2, near - 1, near, near + 1, near + 2):
                found = groups.get(key)
                if found is None:
                    continue
                group, starts, tallest = found
                at = bisect.bisect_left(starts, ly0 - tallest)
                stop = bisect.bisect_left(starts, ly1)
                for right in group[at:stop]:
                    ry0, ry1 = right.y0, right.y1
                    if (
                        abs(right.x0 - lx1) <= SHARED_EDGE
                        and (ry1 if ry1 < ly1 else ly1) > (ry0 if ry0 > ly0 else ly0)
                        and right.x1 > lx1 + SHARED_EDGE
                    ):
                        pairs.append((left, right))
    return pairs


def _bottom(box: Rect) -> float:
    return box.y0


def shared_edges(boxes: Sequence[Rect], thick: float) -> list[Rect]:
    """The vertical edges two of the ``boxes`` (shapes thicker than ``thick`` both ways)
    share, each as a rule as high as the stretch along which both boxes run."""
    pairs = _neighbours(boxes, thick)
    if _accelerator is not None and pairs:
        # (In C where built: a page drawn as thousands of shapes has tens of thousands.)
        found: list[Rect] | None = _accelerator.edges(pairs, Rect)
        if found is not None:
            return found
    return _python_edges(pairs)


def _python_edges(pairs: list[tuple[Rect, Rect]]) -> list[Rect]:
    """:func:`shared_edges`'s edges of the pairs; ``_walls.c`` does the same in C (a test
    compares them)."""
    edges = []
    for left, right in pairs:
        x = (left.x1 + right.x0) / 2
        ly0, ry0, ly1, ry1 = left.y0, right.y0, left.y1, right.y1
        # (max() and min() of two values spelled out, ties and all: see _neighbours.)
        low = ry0 if ry0 > ly0 else ly0
        high = ry1 if ry1 < ly1 else ly1
        edges.append(Rect(x - 0.5, low, x + 0.5, high, left.obj))
    return edges


def boxes_in_rows(boxes: Sequence[Rect], thick: float) -> set[int]:
    """The ids of the ``boxes`` set side by side with another of the same height (within
    :data:`SHARED_EDGE`), sharing a whole side: the cells of a form's row of boxes."""
    return {
        id(box)
        for left, right in _neighbours(boxes, thick)
        if abs(left.y0 - right.y0) <= SHARED_EDGE and abs(left.y1 - right.y1) <= SHARED_EDGE
        for box in (left, right)
    }


def vertical_walls(
    rules: Sequence[Rect], edges: Sequence[Rect]
) -> list[tuple[float, float, float]]:
    """(x, y0, y1) of the vertical ``rules`` and box ``edges``, by x."""
    found = rule_pieces(rules, horizontal=False) + rule_pieces(edges, horizontal=False)
    found.sort()
    return found


def rule_pieces(rules: Iterable[Boxed], *, horizontal: bool) -> list[tuple[float, float, float]]:
    """The ``rules`` longer one way (horizontal or not) as pieces for :func:`lines_along`:
    where each stands across that axis (its middle), and its stretch along it. In C where
    built (a page drawn as thousands of shapes has tens of thousands of edges, made into
    pieces by several passes), else :func:`_python_rule_pieces`."""
    if _gap_accelerator is not None and isinstance(rules, (list, tuple)):
        found: list[tuple[float, float, float]] | None = _gap_accelerator.rule_pieces(
            rules, horizontal
        )
        if found is not None:
            return found
    return _python_rule_pieces(rules, horizontal=horizontal)


def _python_rule_pieces(
    rules: Iterable[Boxed], *, horizontal: bool
) -> list[tuple[float, float, float]]:
    """:func:`rule_pieces` in Python; ``_column_gap.c`` does the same in C (a test compares
    them)."""
    if horizontal:
        return [((r.y0 + r.y1) / 2, r.x0, r.x1) for r in rules if r.x1 - r.x0 > r.y1 - r.y0]
    return [((r.x0 + r.x1) / 2, r.y0, r.y1) for r in rules if r.y1 - r.y0 > r.x1 - r.x0]


class GlyphPositions:
    """Where each glyph of the page's stream stands in it, indexed on the first question (a
    page's pieces are split in several passes; most pages have none to split)."""

    def __init__(self, stream: list[Glyph], places: Places[Glyph] | None = None) -> None:
        self.stream = stream
        #: The stream's index (shared with the page's other passes where given).
        self.indexed = places if places is not None and places.items is stream else Places(stream)
        # The walls last split at, their places across, and the pieces already found whole
        # against them (kept, so their ids stay theirs): the page's pieces are split again
        # after each region's lines are grouped, and most come back unchanged.
        self.walls: list[tuple[float, float, float]] | None = None
        self.places: list[float] = []
        self.whole: dict[int, Fragment] = {}
        self._bands: Bands | None = None
        self._unbanded = False  # (the walls are too many to file in bands)

    def against(self, walls: list[tuple[float, float, float]]) -> None:
        """Index ``walls`` (forgetting the pieces found whole against others)."""
        if walls is not self.walls:
            self.walls = walls
            self.places = [w[0] for w in walls]
            self.whole = {}
            self._bands = None
            self._unbanded = False

    def down(self, at: int, stop: int, x0: float, x1: float, low: float, high: float) -> Walls:
        """The walls ``at``-``stop`` (those strictly between ``x0`` and ``x1``) that run from
        ``low`` or below to ``high`` or above, in their order."""
        walls = self.walls or []
        if stop - at > BAND_LOOKUP and low <= high and math.isfinite(low):
            bands = self._banded()
            if bands is not None:
                # Such a wall runs through the height ``low``: it is in that height's band
                # (the same walls in the same order, the band's few looked through).
                band = bands.get(math.floor(low / WALL_BAND))
                if band is None:
                    return []
                places, members = band
                at = bisect.bisect_right(places, x0)
                stop = bisect.bisect_left(places, x1)
                return [w for w in members[at:stop] if w[1] <= low and w[2] >= high]
        return [w for w in walls[at:stop] if w[1] <= low and w[2] >= high]

    def _banded(self) -> Bands | None:
        """The walls by the bands of height :data:`WALL_BAND` they run through (each band's
        walls by place across, with their places), or None where they would be too many to
        file (a page of very tall or unbounded strokes: the walls are looked through)."""
        if self._unbanded:
            return None
        if self._bands is None:
            walls = self.walls or []
            found: Bands | None = NotImplemented
            if _accelerator is not None:
                # (In C where built: a chart drawn cell by cell files thousands of walls.)
                found = _accelerator.banded(walls, WALL_BAND, BAND_ENTRIES)
            if found is NotImplemented:
                found = _python_banded(walls)
            if found is None:
                self._unbanded = True
                return None
            self._bands = found
        return self._bands

    def of(self, glyphs: list[Glyph]) -> list[int]:
        at = self.indexed.at()
        return [at.get(id(g), -1) for g in glyphs]


def _python_banded(walls: Walls) -> Bands | None:
    """:meth:`GlyphPositions._banded`'s filing of ``walls``, None where they are too many to
    file; ``_walls.c`` does the same in C (a test compares them)."""
    bands: Bands = {}
    budget = BAND_ENTRIES * (len(walls) + 1)
    isfinite, floor, find = math.isfinite, math.floor, bands.get
    for w in walls:
        x, y0, y1 = w
        if not (isfinite(y0) and isfinite(y1)):
            return None
        first, last = floor(y0 / WALL_BAND), floor(y1 / WALL_BAND)
        if last >= first:
            budget -= last - first + 1
            if budget < 0:
                return None
        # (A band made where a wall first runs through it, in the walls' order.)
        for k in range(first, last + 1):
            band = find(k)
            if band is None:
                band = bands[k] = ([], [])
            band[0].append(x)
            band[1].append(w)
    return bands


def split_at_walls(
    frags: list[Fragment], walls: list[tuple[float, float, float]], positions: GlyphPositions
) -> list[Fragment]:
    """``frags`` with each piece that runs across a wall (``walls``: :func:`vertical_walls`)
    split there, between two of its words (never inside one; a list's number drawn against
    its first word by an object of its own counts as a word, see
    :func:`.abutting_labels.label_drawn_apart`), each part read again from
    the page's glyph stream (``positions``; its spaces kept). A piece is left whole when its
    parts do not read back as one piece each."""
    if not walls:
        return frags
    positions.against(walls)
    places, whole = positions.places, positions.whole
    out: list[Fragment] = []
    for f in frags:
        if whole.get(id(f)) is f:
            out.append(f)  # (asked before, the same piece: left whole again)
            continue
        at = bisect.bisect_right(places, f.x0)
        stop = bisect.bisect_left(places, f.x1)
        if at >= stop or len(f.glyphs) < 2:
            out.append(f)  # (most pieces: no wall inside them)
            continue
        slack = WALL_SLACK * (f.y1 - f.y0)
        down = positions.down(at, stop, f.x0, f.x1, f.y0 + slack, f.y1 - slack)
        # (A stroke ending short of the line is no wall between its words.)
        parts = _split(f, down, positions) if down else [f]
        if len(parts) == 1 and parts[0] is f:
            whole[id(f)] = f
        out.extend(parts)
    return out


def _word_space(before: Glyph, after: Glyph, between: list[Glyph]) -> bool:
    """Whether a word space parts the two glyphs (a space drawn between them, or a gap as
    wide): a wall between two boxes' texts falls between words, never inside one (a
    chart's label running over the edge two of its shapes share)."""
    size = max(before.size, after.size, 1.0)
    return any(g.char.isspace() for g in between) or after.x0 - before.x1 > SPACE_GAP * size


def _split(
    f: Fragment, walls: list[tuple[float, float, float]], positions: GlyphPositions
) -> list[Fragment]:
    glyphs = f.glyphs
    stream = positions.stream
    indices = positions.of(glyphs)
    if -1 in indices:
        return [f]  # (glyphs the stream does not hold: left as read)
    # A piece joined from runs drawn apart, a spreadsheet's figure and the wrapped text of
    # the next cell drawn after the row's other cells (in the stream's order, or not: the
    # next cell's text before the figure's neighbour), is split as well: its parts are read
    # from their own glyphs, and its spaces are the gaps the glyphs leave.
    in_order = indices == sorted(indices)
    cuts = []
    for x, _, _ in walls:
        for k in range(1, len(glyphs)):
            between = stream[indices[k - 1] + 1:indices[k]] if in_order else []
            if (
                glyphs[k - 1].x1 <= x + WALL_TOUCH and glyphs[k].x0 >= x - WALL_TOUCH
                and (_word_space(glyphs[k - 1], glyphs[k], between)
                     or label_drawn_apart(glyphs, k))
            ):
                cuts.append(k)
                break
    if not cuts:
        return [f]
    bounds = [0, *sorted(set(cuts)), len(glyphs)]
    parts = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        read = []
        if in_order:
            # From the part's first glyph to just before the next part's (its spaces with it).
            first = indices[start]
            last = indices[end] if end < len(glyphs) else indices[-1] + 1
            read = fragments(stream[first:last])
        if len(read) != 1 or len(read[0].glyphs) != end - start:
            read = fragments(glyphs[start:end])
            if len(read) != 1 or len(read[0].glyphs) != end - start:
                return [f]
        parts.append(read[0])
    return parts
