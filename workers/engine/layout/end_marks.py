"""End marks: a lone square set flush right where a proof (or an article) ends.

TeX's ``\\qed`` (amsthm's □, a filled ■ in many classes, ∎) sets its square at the right
margin, on the last line of the proof past a stretch of white, or on a line of its own right
under it when that line is full. A reader of the page sees the end of that paragraph. Read as
a fragment of its own, the square would become a one-character paragraph, or, level with
lines of text to its left, a second column of a table. The squares are taken out of a column's
lines before tables and blocks are built, and put back, after blocks are built, at the end of
the line they end.

A square that is no end mark stays where it was: a bullet opens its line, a form's checkbox
(☐) is another character, and squares standing in a column, one above another (a table's
cells, a checklist's boxes), are no lone marks.

>>> marks, kept = take_end_marks(region_lines)  # doctest: +SKIP
>>> leftovers = attach_end_marks(marks, blocks)  # doctest: +SKIP
"""

from __future__ import annotations

from dataclasses import dataclass

from .blocks import Block
from .lines import Fragment, Line

#: The characters set to end a proof: ∎ (end of proof), the squares ■ □, the small ▪ ▫ and
#: the medium ◼ ◻ ◾ ◽. Not the ballot box ☐ (a form's checkbox).
END_MARK_CHARS = frozenset("∎■□▪▫◼◻◾◽")
#: A mark ends this many of its sizes at most short of the column's right edge (flush right).
FLUSH_RIGHT = 1.0
#: The column's right edge: as far right as this share of its lines reach.
RIGHT_EDGE_SHARE = 0.9
#: A mark on a line of its own stands at most this many heights (its own or the text's above)
#: under the line above it: about a line's pitch. (A flush-right square opens no paragraph, so
#: it is read with the text above it, even set a little apart under a formula's subscripts.)
RIGHT_UNDER = 2.0
#: A mark is no bigger than this many times the text it ends (not a decorative block).
MAX_SIZE_RATIO = 1.6
#: Lines this many heights above or below a mark are its neighbours: a piece of them set where
#: the mark is makes the mark one of a column (a table's cells), not a lone end.
NEIGHBOUR_REACH = 2.5


@dataclass
class EndMark:
    """A lone end mark and the fragment of text it is set after (the end of its paragraph)."""

    mark: Fragment
    after: Fragment


def is_end_mark(f: Fragment) -> bool:
    """Whether ``f`` is one end-mark glyph and nothing else."""
    return len(f.text) == 1 and f.text in END_MARK_CHARS and len(f.glyphs) == 1


def take_end_marks(region_lines: list[Line]) -> tuple[list[EndMark], list[Line]]:
    """The lone end marks of a column's lines (given top to bottom), and the lines without
    them. A mark is the last piece of its line, flush right against the column's right edge,
    after text on the same line or alone on its line right under a line of text; no piece of
    the lines around it is set where it stands (a column of squares is a table's)."""
    candidates = [
        (k, f) for k, line in enumerate(region_lines) for f in line.fragments if is_end_mark(f)
    ]
    if not candidates:
        return [], region_lines  # (nearly every column: nothing to look at)
    marks = {id(f) for _, f in candidates}
    ends = sorted(
        max(f.x1 for f in line.fragments if id(f) not in marks)
        for line in region_lines if any(id(f) not in marks for f in line.fragments)
    )
    if not ends:
        return [], region_lines
    # Where the column's lines end: a hyphen or a formula jutting past it on a line or two
    # does not move it.
    right_edge = ends[int(RIGHT_EDGE_SHARE * (len(ends) - 1))]
    found: list[EndMark] = []
    for k, mark in candidates:
        after = _text_before(mark, k, region_lines, right_edge)
        if after is not None and not _in_a_column(mark, k, region_lines):
            found.append(EndMark(mark, after))
    if not found:
        return [], region_lines
    taken = {id(m.mark) for m in found}
    kept: list[Line] = []
    for line in region_lines:
        rest = [f for f in line.fragments if id(f) not in taken]
        if len(rest) == len(line.fragments):
            kept.append(line)
        elif rest:
            kept.append(Line(rest))
    return found, kept


def _text_before(
    mark: Fragment, k: int, region_lines: list[Line], right_edge: float
) -> Fragment | None:
    """The fragment of text the mark at line ``k`` ends: the last one before it on its line,
    or, alone on its line, the last one of the line right above; None when the mark is not
    set as an end mark is (short of the right edge, opening its line, far under the text)."""
    size = mark.height
    if mark.x1 < right_edge - FLUSH_RIGHT * size:
        return None
    others = [f for f in region_lines[k].fragments if f is not mark]
    if others:
        if any(f.x1 > mark.x0 for f in others):
            return None  # not the last piece of its line (a bullet, a cell among others)
        after = max(others, key=lambda f: f.x1)
    else:
        if k == 0:
            return None
        above = region_lines[k - 1].fragments
        after = max(above, key=lambda f: f.x1)
        line_x0 = min(f.x0 for f in above)
        height = max(size, after.height)
        if after.y0 - mark.y1 > RIGHT_UNDER * height:
            return None  # a paragraph gap under the text: something else
        if (mark.x0 + mark.x1) / 2 <= (line_x0 + after.x1) / 2:
            return None  # not at the right of the text it would end
    if mark.size > MAX_SIZE_RATIO * after.size or after.size > MAX_SIZE_RATIO * mark.size:
        return None
    return after


def _in_a_column(mark: Fragment, k: int, region_lines: list[Line]) -> bool:
    """Whether a piece of a line near the mark's (above or below) starts at about where the
    mark stands: squares or values set one above another are a column of cells."""
    reach = NEIGHBOUR_REACH * mark.height
    slack = 2 * mark.height
    for j in (k - 2, k - 1, k + 1, k + 2):
        if not 0 <= j < len(region_lines):
            continue
        for f in region_lines[j].fragments:
            near = f.y0 - mark.y1 < reach and mark.y0 - f.y1 < reach
            if near and f.x0 >= mark.x0 - slack and f.x0 < mark.x1:
                return True
    return False


@dataclass
class Attached:
    """What :func:`attach_end_marks` could not settle: marks whose text is in no text block
    (a table's row), and the lines cut off under a mark with the marks that end them."""

    unplaced: list[Fragment]
    below: list[Fragment]
    pending: list[EndMark]


def attach_end_marks(marks: list[EndMark], blocks: list[Block]) -> Attached:
    """Put each mark into the text block holding the fragment it ends, right after it. The
    mark ends the paragraph: lines the block took under it (a run-in heading set close under
    a proof, the next paragraph) are cut off, to be built into blocks of their own; marks
    ending text of those lines are given back with them."""
    holder: dict[int, Block] = {}
    for block in blocks:
        if block.kind == "text":
            for f in block.frags:
                holder[id(f)] = block
    unplaced: list[Fragment] = []
    firsts: dict[int, tuple[int, EndMark]] = {}  # block id -> its first mark, where it goes
    placed: list[tuple[Block, EndMark]] = []
    for m in marks:
        found = holder.get(id(m.after))
        if found is None:
            unplaced.append(m.mark)
            continue
        at = next(i for i, f in enumerate(found.frags) if f is m.after)
        if id(found) not in firsts or at < firsts[id(found)][0]:
            firsts[id(found)] = (at, m)
        placed.append((found, m))
    below: list[Fragment] = []
    cut: dict[int, set[int]] = {}  # block id -> ids of the fragments cut off it
    for block in {id(b): b for b, _ in placed}.values():
        at, m = firsts[id(block)]
        below.extend(block.frags[at + 1:])
        cut[id(block)] = {id(f) for f in block.frags[at + 1:]}
        _refit(block, block.frags[:at + 1] + [m.mark])
    pending: list[EndMark] = []
    for b, m in placed:
        if firsts[id(b)][1] is m:
            continue
        if id(m.after) in cut[id(b)]:
            pending.append(m)  # its text goes on in the lines cut off
        else:
            unplaced.append(m.mark)  # (two marks after one piece of text: never lost)
    return Attached(unplaced, below, pending)


def _refit(block: Block, frags: list[Fragment]) -> None:
    """Make ``frags`` the block's fragments, its box theirs."""
    block.frags = []
    for f in frags:
        block.add(f)
