"""Cells of an unruled grid that the reading ran together: a spreadsheet printed without
gridlines sets a column of figures flush right and the next column's text flush left, a few
points apart ("139102" and "J. Smith" read as one piece, "139102 J. Smith"). Each cell is a
text object of its own, so on every row the same object boundary stands at the same place
across: the start of the next column, after the ends of the column of figures, flush right.
Such a place, shared by several rows one under another, is a wall between two cells
(:func:`aligned_walls`), which :func:`.walls.split_at_walls` splits the pieces at, as it
does at a drawn rule.

Only boundaries between page objects count, past a gap that reads as a word space (the
cells may stand closer than the font's space is wide): a word processor's running text
keeps a line's words in one object, and where it sets each word apart (a line drawn word
by word) its words do not start at one place across rows, after figures set flush right.
"""

from __future__ import annotations

import bisect
import itertools
import re
import statistics
from collections.abc import Sequence
from typing import NamedTuple

from .glyphs import Glyph
from .lines import SPACE_GAP, Fragment
from .patterns import starts_item

#: A digit: a piece holding none holds no figure (most pieces, passed over at once).
_DIGIT = re.compile(r"\d")
#: Rows sharing the boundary, one under another, at the least.
ALIGNED_ROWS = 3
#: How far apart (points) the boundaries' places across may be and still be one place: the
#: start of a cell's text is placed exactly, to rounding.
ALIGNED_SLACK = 0.3
#: Of the rows sharing the boundary, this share at least has a figure before it (the
#: others: the column's heading, a word set flush right with the figures, "Variance").
FIGURE_SHARE = 0.75
#: Rows one under another are at most this many line heights apart, top to top (a few
#: rows between may leave the cell before the place blank).
ALIGNED_PITCH = 6.0


class _Boundary(NamedTuple):
    """An object boundary inside a piece: where the text after it starts, the piece's
    band, and where the cell before it (the glyphs of the object before) starts and ends."""

    x: float
    y0: float
    y1: float
    before_x0: float
    before_x1: float
    before_text: str


def aligned_walls(frags: Sequence[Fragment]) -> list[tuple[float, float, float]]:
    """(x, y0, y1) of each place across where :data:`ALIGNED_ROWS` pieces or more, one under
    another, have an object boundary past a gap, each after a figure set flush right (their
    ends at one place): just before the text after it starts."""
    found: list[_Boundary] = []
    for f in frags:
        # (Most pieces are drawn by one object, or hold no figure: only their list of
        # objects, or their text, is looked at.)
        if len(f.drawn_objects) < 2 or f.rtl or _DIGIT.search(f.text) is None:
            continue
        before: Glyph | None = None
        cell_start = 0
        glyphs = [g for g in f.glyphs if not g.char.isspace()]
        for k, g in enumerate(glyphs):
            if before is not None and g.obj != before.obj:
                if (
                    g.obj >= 0 and before.obj >= 0
                    and g.x0 - before.x1 > SPACE_GAP * max(before.size, g.size)
                ):
                    cell = glyphs[cell_start:k]
                    found.append(_Boundary(
                        g.x0, f.y0, f.y1, cell[0].x0, before.x1, "".join(c.char for c in cell)
                    ))
                cell_start = k
            before = g
    if len(found) < ALIGNED_ROWS:
        return []
    middles = sorted((f.y0 + f.y1) / 2 for f in frags)
    found.sort()
    walls: list[tuple[float, float, float]] = []
    k = 0
    while k < len(found):
        end = k + 1
        while end < len(found) and found[end].x - found[end - 1].x <= ALIGNED_SLACK:
            end += 1
        place = found[k:end]
        if len(place) >= ALIGNED_ROWS:
            # (The pieces standing alone where the next column starts, on the rows between:
            # the column goes on down past rows that leave the cell before it blank.)
            x = place[0].x
            alone = [f for f in frags if abs(f.x0 - x) <= ALIGNED_SLACK]
            walls += [
                wall for run in _runs_down(place, alone)
                if (wall := _wall(run, middles)) is not None
            ]
        k = end
    walls.sort()
    return walls


def _runs_down(
    at_one_place: list[_Boundary], alone: Sequence[Fragment]
) -> list[list[_Boundary]]:
    """The boundaries at one place across in runs of :data:`ALIGNED_ROWS` rows or more one
    under another (top to bottom, each within :data:`ALIGNED_PITCH` line heights of the
    row above, or of a piece between starting at that place: ``alone``)."""
    # (Top to bottom: a boundary's row, or a piece standing alone at the place.)
    rows: list[tuple[float, float, _Boundary | None]] = sorted(
        [(b.y1, b.y1 - b.y0, b) for b in at_one_place]
        + [(f.y1, f.y1 - f.y0, None) for f in alone],
        key=lambda row: -row[0],
    )
    runs: list[list[_Boundary]] = [[]]
    above: tuple[float, float, _Boundary | None] | None = None
    for row in rows:
        if above is not None and above[0] - row[0] > ALIGNED_PITCH * max(above[1], row[1]):
            runs.append([])
        if row[2] is not None:
            runs[-1].append(row[2])
        above = row
    return [run for run in runs if len(run) >= ALIGNED_ROWS]


def _wall(run: list[_Boundary], middles: list[float]) -> tuple[float, float, float] | None:
    """The wall the run of boundaries stands for: when the cells before most of them (all
    but a heading's, :data:`FIGURE_SHARE`) are figures set flush right (their ends at one
    place, their starts not; or quantities all one width, or in rows of a grid), and none is
    a list's label (a list's numbers, "9." over "10.", are set flush right before their
    items' text at a tab stop)."""
    figures = [b for b in run if _figures(b.before_text)]
    if len(figures) < ALIGNED_ROWS or len(figures) < FIGURE_SHARE * len(run):
        return None
    ends = [b.before_x1 for b in figures]
    starts = [b.before_x0 for b in figures]
    if max(ends) - min(ends) > ALIGNED_SLACK:
        return None
    if max(starts) - min(starts) <= ALIGNED_SLACK and not (
        all(_quantity(b.before_text) for b in figures)
        or all(_pieces_level(middles, b.y0, b.y1) >= GRID_PIECES for b in figures)
    ):
        # Figures all one width show no flush right: a section's or a note's number, or a
        # contents entry's, leads its text at a tab stop ("0.1   Joey Hess"), unless each
        # is a quantity no label is, or stands in a row of a grid.
        return None
    if any(b.before_text.endswith((".", ":")) or starts_item(b.before_text + " x")
           for b in run):
        return None  # (a list's or a section's number: "3.1." "Programs run OK…")
    # (Up through the row over the run too, at the run's pitch: the columns' headings, set
    # over their figures, "Amount" flush right before "Officer".)
    tops = sorted((b.y1 for b in run), reverse=True)
    pitch = statistics.median(a - b for a, b in itertools.pairwise(tops))
    return (min(b.x for b in run) - ALIGNED_SLACK, min(b.y0 for b in run), tops[0] + pitch)


def _figures(text: str) -> bool:
    """Whether ``text`` is a figure: digits, with signs, separators or a currency's mark,
    and no letter (the pieces of a justified line drawn a run at a time are words)."""
    return any(c.isdigit() for c in text) and not any(c.isalpha() for c in text)


#: Pieces a row of a grid holds, at the least, besides the one split (a note's, a section's
#: or a contents entry's line holds its number and text, and a page number).
GRID_PIECES = 3


def _pieces_level(middles: list[float], y0: float, y1: float) -> int:
    """How many pieces (``middles``: their middles up the page, sorted) have their middle
    within ``y0``-``y1``, less the one there spanning that band."""
    return bisect.bisect_right(middles, y1) - bisect.bisect_left(middles, y0) - 1


#: Digits a figure holds, at the least, to be a quantity rather than a number labelling a
#: note or a section: (a note's "1", a section's "0.1"; a table's "817", "45.20").
QUANTITY_DIGITS = 3


def _quantity(text: str) -> bool:
    """Whether the figure ``text`` reads as a quantity: :data:`QUANTITY_DIGITS` digits at
    least and no more than one full stop (a section's number "3.4.1" has two)."""
    return sum(c.isdigit() for c in text) >= QUANTITY_DIGITS and text.count(".") <= 1
