"""Headings set across columns: where they cut a page of columns into bands.

A page set in columns may have elements that span all of them (CSS ``column-span: all``, a
paper's section title over both columns): the columns above such an element are balanced and
end over it, and new columns start under it. A sighted reader reads the page band by band,
each band's columns in turn; reading down each column over the whole page would read the
second column of the first band after the first column of the next.

The element is often narrower than one column (a short heading set at the left margin), so
its text does not reach into the gutter and the column search finds one gutter running the
whole height of the page. What gives it away is the other column: it is empty beside the
heading and well above and below it, its text above ends about where the heading's column's
text above ends (the columns were balanced over the heading), and its text below starts
level with the text under the heading (both columns start under it). A heading in one
column of running text has the other column's lines running on beside it, and a picture
beside it in the other column hardly ever ends both level with the text above the heading
and level with the text under it.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Protocol

#: The other column is empty over this many type sizes at least beside the element (more
#: than a paragraph's spacing, which no band starts at).
EMPTY_BESIDE = 3.0
#: The element stands apart from the text above and below it in its column by this many
#: type sizes at least (a heading's spacing; lines of a paragraph are closer).
APART = 0.8
#: The columns' text above the element ends within this many type sizes of each other
#: (balanced columns end within a few lines of each other).
BALANCED_ENDS = 3.0
#: The columns' text under the element starts within this many type sizes of each other.
LEVEL_STARTS = 1.5
#: An element across the columns is a heading of this many lines at most, set in bold or
#: this many times the size of its column's text at least.
ELEMENT_LINES = 3
HEAD_SIZE = 1.15


class _Piece(Protocol):
    """A piece of a line of text (a fragment): its box, y upwards, and its type size."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def size(self) -> float: ...

    @property
    def bold(self) -> bool: ...


def spanning_cuts(left: Sequence[_Piece], right: Sequence[_Piece]) -> list[float]:
    """Heights at which a heading set across the columns ``left`` and ``right`` (the two
    sides of a gutter running the page's height) parts them into bands: just above each
    such heading, which opens the band under it. None where the columns run on."""
    if not left or not right:
        return []
    cuts: list[float] = []
    for own, other in ((left, right), (right, left)):
        size = statistics.median(p.size for p in other)
        for low, high in _empty_stretches(other, EMPTY_BESIDE * size):
            cut = _cut_above_element(own, low, high)
            if cut is not None:
                cuts.append(cut)
    return sorted(cuts, reverse=True)


def _empty_stretches(side: Sequence[_Piece], least: float) -> list[tuple[float, float]]:
    """(low, high) of each stretch of height at least ``least`` between the side's text
    above (ending at ``high``) and its text below (starting at ``low``)."""
    spans = sorted([(p.y1, p.y0) for p in side], reverse=True)
    stretches: list[tuple[float, float]] = []
    reach = spans[0][1]  # the lowest bottom of the text seen so far, from the top down
    for top, bottom in spans[1:]:
        if reach - top >= least:
            stretches.append((top, reach))
        reach = min(reach, bottom)
    return stretches


def _cut_above_element(own: Sequence[_Piece], low: float, high: float) -> float | None:
    """The height just above a heading in ``own`` set within the other column's empty
    stretch from ``low`` to ``high``, where the two columns end over it and start again
    under it level with each other (see the module's doc); None where there is none."""
    element = [p for p in own if p.y0 >= low and p.y1 <= high]
    if not element:
        return None
    top, bottom = max(p.y1 for p in element), min(p.y0 for p in element)
    above = [p for p in own if p.y0 > top]
    below = [p for p in own if p.y1 < bottom]
    if len(above) + len(below) + len(element) != len(own) or not above or not below:
        return None  # (a piece level with the element, or one column only: no band)
    if len({round(p.y0) for p in element}) > ELEMENT_LINES:
        return None  # a passage of its column beside a picture, not a heading
    size = statistics.median(p.size for p in (*above, *below))
    if not (
        all(p.bold for p in element)
        or statistics.median(p.size for p in element) >= HEAD_SIZE * size
    ):
        return None  # set as its column's text: no heading (a reference list's entry)
    ends_over = min(p.y0 for p in above)
    starts_under = max(p.y1 for p in below)
    if ends_over - top < APART * size or bottom - starts_under < APART * size:
        return None  # a line of its paragraph, not a heading set apart
    if high - top < APART * size or bottom - low < APART * size:
        return None  # (the other column's text runs on level with the heading's edges)
    if abs(ends_over - high) > BALANCED_ENDS * size:
        return None
    if abs(starts_under - low) > LEVEL_STARTS * size:
        return None
    return (top + min(ends_over, high)) / 2
