"""A list's number drawn right against its text ("1.Improve"), as PowerPoint and Impress set
a numbered paragraph whose number fills its hanging indent: the number is a text object of
its own, and the text's object starts where the number's advance ends, with no space drawn
and no gap. pdfium reads the line as one run, so the item's label would be read as part of
its first word. A wall just before the text's first glyph (cut by
:func:`.walls.split_at_walls`) leaves the number a piece of its own, a label standing alone
as one set at a tab stop is (:func:`.patterns.is_marker`).

What makes the number a label, not part of the text, is the drawing: an object that draws
the number and nothing else, opening a line, with the next object opening on a letter. A
number set in its word's run ("1.5", "3.Juni" in one object) or followed by a figure is left
alone.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from .blocks import same_line
from .glyphs import Glyph
from .lines import Fragment

#: A list number as :data:`.patterns.NUMBER` reads one ("3.", "b)", "(iv)", "12)"), set
#: against a letter.
_ABUTTING = re.compile(
    r"(\((?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})\)|(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})[.)])"
    r"[^\W\d_]"
)
#: The most a piece on the line before the label may come within it (in its size) for the
#: label still to open its line: a column's line to the left ends further away.
LINE_OPENS_GAP = 1.0


def abutting_label_walls(frags: Sequence[Fragment]) -> list[tuple[float, float, float]]:
    """(x, y0, y1) walls standing before the text of each line that opens with a list
    number drawn against it by an object of its own (``frags``: the page's pieces, line by
    line)."""
    walls = []
    found_at: list[tuple[int, float]] = []  # (piece, where its text starts) of each number
    counts: Counter[int] | None = None
    for at, f in enumerate(frags):
        text = f.text
        if not text[:1].isalnum() and text[:1] != "(":
            continue
        found = _ABUTTING.match(text)
        if found is None:
            continue
        length = len(found.group(1))
        glyphs = f.glyphs
        if not label_drawn_apart(glyphs, length):
            continue
        owner, first = glyphs[0].obj, glyphs[length]
        if counts is None:
            counts = Counter(g.obj for piece in frags for g in piece.glyphs)
        if counts[owner] != length:
            continue  # (the object draws more than the number: its own text, not a label)
        if _opens_line_after(frags, at):
            continue
        found_at.append((at, first.x0))
    labelled = {at for at, _ in found_at}
    for at, body_x in found_at:
        if _hangs(frags, at, body_x, labelled):
            f = frags[at]
            walls.append((body_x, f.y0, f.y1))
    walls.sort()
    return walls


#: How far (in line heights) the lines next to a numbered line are looked for, above and
#: below, and how close (in points) a line's start must come to a place to start there.
NEIGHBOUR_REACH = 2.0
SAME_START = 1.0


def _hangs(frags: Sequence[Fragment], at: int, body_x: float, labelled: set[int]) -> bool:
    """Whether the numbered line ``frags[at]`` (its text starting at ``body_x``) stands as a
    point's first line does: the line under it goes on at its text's start (a hanging
    indent), or no line next to it starts where its number does but another numbered one.
    A line of running text that happens to open with a number drawn apart ("2.Y runtime",
    a version wrapped to a line's start) has the paragraph's other lines starting there."""
    f = frags[at]
    height = f.y1 - f.y0
    reach = NEIGHBOUR_REACH * height
    above = _next_line(frags, at, lambda o: o.y0 - f.y1, reach, height)
    below = _next_line(frags, at, lambda o: f.y0 - o.y1, reach, height)
    if below is not None and abs(frags[below].x0 - body_x) <= SAME_START:
        return True
    return not any(
        k is not None and k not in labelled and abs(frags[k].x0 - f.x0) <= SAME_START
        for k in (above, below)
    )


def _next_line(
    frags: Sequence[Fragment], at: int, gap_to: Callable[[Fragment], float], reach: float,
    height: float,
) -> int | None:
    """The piece starting the nearest line on one side of ``frags[at]`` (``gap_to``: how far
    a piece stands on that side, negative when it does not), among the pieces across its
    extent within ``reach``; None when there is none."""
    f = frags[at]
    near: list[tuple[float, float, int]] = []
    for k, other in enumerate(frags):
        if k != at and other.x0 < f.x1 and other.x1 > f.x0:
            gap = gap_to(other)
            if -0.5 * height < gap < reach:
                near.append((gap, other.x0, k))
    if not near:
        return None
    nearest = min(gap for gap, _, _ in near)
    return min((x0, k) for gap, x0, k in near if gap < nearest + 0.5 * height)[1]


def label_drawn_apart(glyphs: Sequence[Glyph], length: int) -> bool:
    """Whether ``glyphs[:length]`` spell a list number drawn by one object, and the next
    glyph, a letter, by another (where :func:`.walls.split_at_walls` may cut a piece with
    no space between)."""
    if not 0 < length < len(glyphs):
        return False
    owner, first = glyphs[0].obj, glyphs[length]
    if owner < 0 or first.obj == owner or not first.char.isalpha():
        return False
    label = glyphs[:length]
    if any(g.obj != owner for g in label):
        return False
    spelled = "".join(g.char for g in label)
    found = _ABUTTING.match(spelled + first.char)
    return found is not None and found.group(1) == spelled


def _opens_line_after(frags: Sequence[Fragment], at: int) -> bool:
    """Whether a piece on ``frags[at]``'s line ends close before it (the number then does
    not open its line)."""
    f = frags[at]
    reach = LINE_OPENS_GAP * f.size
    for step in (-1, 1):
        k = at + step
        while 0 <= k < len(frags) and same_line(frags[k], f):
            other = frags[k]
            if other.x1 <= f.x0 + 0.5 and f.x0 - other.x1 < reach:
                return True
            k += step
    return False
