"""Two columns of one numbered list: a list set in two columns (a manual page's exit codes,
each number at its column's edge and its meaning beside or under it) whose short entries
leave neither column looking like running text, so that its rows, level across the gutter,
look like a table's. The numbers tell: down each column they count on one by one, and the
right column's come after the left column's (2 to 8, then 9 to 11), as a table's columns of
numbers, row by row beside each other, do not."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .lines import Fragment

#: A list's number opening a piece of text: "9", "9.", "9)" alone or before its text.
_NUMBER = re.compile(r"\(?(\d{1,3})[.):]?(?=\s|$)")
#: Such a number alone, its text set apart from it (indented under it, or past a tab).
_BARE = re.compile(r"\(?\d{1,3}[.):]?")
#: Numbers counting on down each column, at least this many in each.
NUMBERS_EACH = 2
#: A number stands at its column's edge within this many type sizes of it.
EDGE = 1.0


def _numbers_down_edge(side: Sequence[Fragment]) -> list[int] | None:
    """The numbers opening the pieces at the left edge of ``side``, top to bottom, where they
    count on one by one (a list's numbers down its column), else None."""
    if not side:
        return None
    edge = min([f.x0 for f in side])
    numbers: list[tuple[float, int]] = []
    for f in side:
        if f.x0 - edge <= EDGE * (f.size or 10.0):
            found = _NUMBER.match(f.text.strip())
            if found is not None:
                numbers.append((-f.y1, int(found.group(1))))  # (heights grow upwards)
    counted = [n for _, n in sorted(numbers)]
    if len(counted) < NUMBERS_EACH:
        return None
    if any(b != a + 1 for a, b in zip(counted, counted[1:], strict=False)):
        return None
    return counted


def numbering_runs_on(left: Sequence[Fragment], right: Sequence[Fragment]) -> bool:
    """Whether ``left`` and ``right`` (two sides of a gap) are two columns of one numbered
    list: the numbers at each side's edge count on, and the right's come after the left's."""
    counted_left = _numbers_down_edge(left)
    if counted_left is None:
        return False
    counted_right = _numbers_down_edge(right)
    # (Past the left's last, not next to it: a run of lines read as a table may hold only
    # the top of a left column whose numbers go on below it, 2 to 5 beside 9 to 11.)
    return counted_right is not None and counted_right[0] > counted_left[-1]


def numbered_list_across(cells: Sequence[Sequence[Fragment | None]]) -> bool:
    """Whether a grid of cells (rows of a run of lines read as a table) is a numbered list
    set in columns: the cells left of some column boundary and those right of it are two
    columns of one list (:func:`numbering_runs_on`)."""
    width = max((len(row) for row in cells), default=0)
    for cut in range(1, width):
        left = [c for row in cells for c in row[:cut] if c is not None]
        right = [c for row in cells for c in row[cut:] if c is not None]
        if numbering_runs_on(left, right):
            return True
    return False


def numbers_alone(side: Sequence[Fragment], other: Sequence[Fragment]) -> bool:
    """Whether ``side`` is only a list's numbers, each alone, counting on down the page, or
    a single one set under the top of ``other``'s text (its entries' text set under or
    beside them, indented): labels, no column of their own."""
    if not side or any(_BARE.fullmatch(f.text.strip()) is None for f in side):
        return False
    if len(side) == 1:
        # (One number, lower than the text beside it by a line: that text, over it, is the
        # entry before's, read first.)
        number = side[0]
        return any(f.y0 > number.y1 for f in other)
    return _numbers_down_edge(side) is not None
