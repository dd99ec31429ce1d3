"""A form's questions and labels each beside its own form field (a widget annotation: a check
box, a radio button, a text box or a push button), one under another. A form's author sets
each label on a line of its own and the field beside it, at a tab stop on its right ("Are you
a boss?   [x]") or just before it on its left ("( ) Marcus Aurelius"). The field, drawn by
the viewer and not by the page, leaves no trace among the page's pieces of text, so the
labels set one under another read as one paragraph's lines: each is an entry of its own.

A line made of two pieces far apart, where only the left one has lines under it in its
block and fields stand under the right one, heads two groups set side by side ("Select your
figure:" over its radio buttons, "Perform an action" over its push buttons): the right one
is read after the left group, not in the middle of its line.

Boxes are as the page is shown (y up), the page's pieces and its fields alike."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from ..document import BBox
from .blocks import Block, split_blocks
from .lines import Fragment

#: A field leading its label stands at most this many heights of the text before it (a
#: radio button or a check box just left of its option; a box out in the margin beside a
#: paragraph is farther, and no option's).
LEAD_GAP = 2.0
#: A field leading a label is a box to tick about the text's size: at most this many text
#: heights tall and wide (a box to write in, before text, is a blank of the sentence).
LEAD_SIZE = 2.5
#: A field beside a line is level with it: at most this many text heights tall (a box to
#: write a few lines in, beside a paragraph, stands level with several lines and labels no
#: one of them).
BESIDE_SIZE = 3.0


def _lines(frags: Sequence[Fragment]) -> list[list[Fragment]]:
    """A block's pieces line by line (a piece whose middle is below the top of the piece
    before it opens a line)."""
    out: list[list[Fragment]] = []
    for f in frags:
        if out and (f.y0 + f.y1) / 2 >= out[-1][-1].y0:
            out[-1].append(f)
        else:
            out.append([f])
    return out


def _level(line: Sequence[Fragment], field: BBox, room: tuple[float, float]) -> bool:
    """Whether ``field`` stands level with ``line`` alone: its middle within the line's
    height, not many lines tall, and within ``room`` (from the top of the line under it to
    the foot of the line over it). A field beside a label wrapped over two lines, set level
    with the label as a whole, reaches into both: it is no line's own."""
    y0 = min(f.y0 for f in line)
    y1 = max(f.y1 for f in line)
    middle = (field.y0 + field.y1) / 2
    return (
        y0 <= middle <= y1 and field.y1 - field.y0 <= BESIDE_SIZE * (y1 - y0)
        and room[0] - 0.5 <= field.y0 and field.y1 <= room[1] + 0.5
    )


def _rooms(lines: Sequence[Sequence[Fragment]]) -> list[tuple[float, float]]:
    """For each line, the room a field of its own stands in: from the top of the line under
    it to the foot of the line over it."""
    tops = [max(f.y1 for f in line) for line in lines]
    feet = [min(f.y0 for f in line) for line in lines]
    return [
        (tops[k + 1] if k + 1 < len(lines) else -math.inf,
         feet[k - 1] if k > 0 else math.inf)
        for k in range(len(lines))
    ]


class PagePieces:
    """The page's pieces of text, by where they start across, asked what stands level with a
    height within a stretch across."""

    def __init__(self, frags: Sequence[Fragment]) -> None:
        self.pieces = sorted(frags, key=lambda f: f.x0)
        self.starts = [f.x0 for f in self.pieces]

    def level_within(self, x0: float, x1: float, y: float) -> bool:
        """Whether a piece starting between ``x0`` and ``x1`` spans height ``y``."""
        first = bisect.bisect_left(self.starts, x0)
        last = bisect.bisect_right(self.starts, x1)
        return any(f.y0 <= y <= f.y1 for f in self.pieces[first:last])


def _field_after(
    line: Sequence[Fragment], fields: Sequence[BBox], span: tuple[float, float],
    room: tuple[float, float], pieces: PagePieces,
) -> bool:
    """Whether a field stands on the right of ``line``, level with it, past the right edge of
    its block (``span``, the block's stretch across: a field at a tab stop set past all the
    labels; one standing among the block's lines is a cell's, of a form whose cells were
    read together) by at most the block's width (not a field in a column far across), with
    no text between them (a label of its own there, the field is that label's)."""
    x1 = max(f.x1 for f in line)
    right = max(x1, span[1])
    return any(
        right - 0.5 <= field.x0 <= x1 + (span[1] - span[0]) and _level(line, field, room)
        and not pieces.level_within(x1 + 0.5, field.x0 - 0.5, (field.y0 + field.y1) / 2)
        for field in fields
    )


def _field_before(
    line: Sequence[Fragment], fields: Sequence[BBox], room: tuple[float, float]
) -> bool:
    """Whether a box to tick of about the text's size stands just before ``line`` on its left,
    level with it (a radio button or a check box leading its option)."""
    x0 = min(f.x0 for f in line)
    height = max(f.y1 for f in line) - min(f.y0 for f in line)
    return any(
        x0 - LEAD_GAP * height <= field.x1 <= x0 + 0.5
        and max(field.y1 - field.y0, field.x1 - field.x0) <= LEAD_SIZE * height
        and _level(line, field, room)
        for field in fields
    )


def _cells_side_by_side(line: Sequence[Fragment]) -> bool:
    """Whether ``line`` holds pieces set apart by more than its height: the texts of a form's
    cells side by side, read as one block's lines (a label wrapped in its cell, the next
    cell's label beside it), not one label."""
    height = max(f.y1 for f in line) - min(f.y0 for f in line)
    return any(b.x0 - a.x1 > height for a, b in zip(line, line[1:], strict=False))


def _part(block: Block, frags: Sequence[Fragment], first: bool) -> Block:
    """A part of ``block`` parted at its fields: a form's label (no running text, though a
    form printed twice on its pages repeats it at the same place)."""
    part = Block(block.page, artifact=block.artifact, opens_list=block.opens_list and first,
                 labels_field=True)
    for f in frags:
        part.add(f)
    return part


def _side_group_head(
    lines: list[list[Fragment]], fields: Sequence[BBox]
) -> tuple[list[Fragment], list[Fragment]] | None:
    """The first line parted into its left and right pieces where they head two groups set
    side by side: the pieces past a gap, starting beyond where the lines under them reach
    (no line of the block under them), with a field under them (the right group's members
    are fields); None otherwise."""
    if len(lines) < 2 or len(lines[0]) < 2:
        return None
    reach = max(f.x1 for line in lines[1:] for f in line)
    head = lines[0]
    left = [f for f in head if f.x0 <= reach]
    right = [f for f in head if f.x0 > reach]
    if not left or not right or min(f.x0 for f in right) <= max(f.x1 for f in left):
        return None
    x0, x1 = min(f.x0 for f in right), max(f.x1 for f in right)
    top = min(f.y0 for f in right)
    bottom = min(f.y0 for f in lines[-1])
    if not any(field.x0 < x1 and x0 < field.x1 and bottom <= field.y1 <= top
               for field in fields):
        return None
    return left, right


def _parts(
    block: Block, fields: Sequence[BBox], ends: Sequence[BBox], pieces: PagePieces
) -> tuple[list[Block], Block | None] | None:
    """``block`` parted at its labels (see :func:`split_at_fields`; ``ends``: the fields
    that may end a line on their left): the parts, and apart from them the head of a group
    set beside, if any; None if it is not parted."""
    lines = _lines(block.frags)
    if len(lines) < 2:
        return None
    after: list[Fragment] = []  # a right group's head, read after the left group
    parted = _side_group_head(lines, fields)
    if parted is not None:
        lines[0], after = parted
    if any(_cells_side_by_side(line) for line in lines):
        return None  # (a form's cells read together: which line a field ends is unclear)
    span = (min(f.x0 for line in lines for f in line), max(f.x1 for line in lines for f in line))
    rooms = _rooms(lines)
    beside_after = [
        _field_after(line, ends, span, room, pieces)
        for line, room in zip(lines, rooms, strict=True)
    ]
    led = [_field_before(line, fields, room) for line, room in zip(lines, rooms, strict=True)]
    groups: list[list[Fragment]] = [list(lines[0])]
    for k in range(1, len(lines)):
        # A line with its field on its right ends there; a line led by its own field opens
        # an entry of its own.
        if beside_after[k - 1] or led[k]:
            groups.append(list(lines[k]))
        else:
            groups[-1].extend(lines[k])
    if len(groups) == 1 and not after:
        return None
    parts = [_part(block, group, first=k == 0) for k, group in enumerate(groups)]
    return parts, (_part(block, after, first=False) if after else None)


def split_at_fields(
    blocks: list[Block], fields: Sequence[BBox], frags: Sequence[Fragment]
) -> tuple[list[Block], list[tuple[list[Block], Block]]]:
    """``blocks`` with each text block whose lines are labels of form fields split into one
    block per label (``blocks`` itself when none is); and the groups set side by side found
    on the way: the blocks of the left group, and the head of the group of fields beside it
    (two columns, the left read first)."""
    if not fields:
        return blocks, []
    pieces = PagePieces(frags)
    # (A field leading text on its right is that text's, not the line's on its left.)
    ends = [
        field for field in fields
        if not pieces.level_within(field.x1 - 0.5, field.x1 + LEAD_GAP * (field.y1 - field.y0),
                                   (field.y0 + field.y1) / 2)
    ]
    side_groups: list[tuple[list[Block], Block]] = []

    def pieces_of(block: Block) -> list[Block] | None:
        parts = (
            _parts(block, fields, ends, pieces)
            if block.kind == "text" and len(block.frags) > 1 and block.note is None
            else None
        )
        if parts is None:
            return None
        group, head = parts
        if head is None:
            return group
        side_groups.append((group, head))
        return [*group, head]

    return split_blocks(blocks, pieces_of), side_groups
