"""Labels of empty boxes: a short text set at the top of a box drawn on the page whose space
under it is left empty, to be filled in ("VA DATE STAMP" over "(DO NOT WRITE IN THIS
SPACE)", at the top of the box a clerk stamps). It names what goes in the box, as a form's
field label does: no title of a section of the document, however it is set (bold, large).

The box is what the reader sees around the text: lines drawn (rules, or the edges of painted
shapes) right above it, under it, and on both sides of the space under it. A box is empty
when nothing is set in it but its label and a line or two of note, all at its top, and
most of it is left blank."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence

from ..document import BBox
from .blocks import Block, boxes_overlap, stacked_lines
from .lines import word_count
from .order import DrawnLines

#: A label holds this many words at most ...
LABEL_WORDS = 8
#: ... on this many lines at most; the notes set with it in its box hold as many lines.
LABEL_LINES = 2
#: The line drawn over the label stands within this many of its line heights above it.
TOP_REACH = 1.5
#: The box's blank space under its text is this many line heights tall at least ...
BLANK_LINES = 3.0
#: ... and this share of the box's height.
BLANK_SHARE = 0.5
#: The box's own lines, read as a drawing, reach this many line heights of its sides.
FRAME_SLACK = 1.0
#: Far enough to find any line drawn on the page.
_FAR = 1e9


def mark_box_labels(blocks: Sequence[Block], drawn: DrawnLines) -> None:
    """Set :attr:`Block.labels_box` on the text blocks of a page (``blocks``) that label an
    empty box drawn with ``drawn``'s lines."""
    # (The blocks by the height of their middle: a box's are looked up in its height.)
    by_middle = sorted(blocks, key=_middle)
    middles = [_middle(b) for b in by_middle]

    def level_with(low: float, high: float) -> list[Block]:
        """The blocks whose middle lies strictly between heights ``low`` and ``high``."""
        return by_middle[bisect.bisect_right(middles, low):bisect.bisect_left(middles, high)]

    # (The page's pictures, found once: a scan of the page for them per label looked at was
    # quadratic on a page of thousands of one-letter blocks.)
    figures = [b for b in blocks if b.kind == "figure"]
    for block in blocks:
        if block.kind == "text" and _labels_empty_box(block, figures, level_with, drawn):
            block.labels_box = True


def _middle(block: Block) -> float:
    return (block.y0 + block.y1) / 2


def _labels_empty_box(
    block: Block, figures: Sequence[Block], level_with: Callable[[float, float], list[Block]],
    drawn: DrawnLines,
) -> bool:
    """Whether ``block`` labels an empty box (``figures``: the page's pictures)."""
    if (not block.frags or stacked_lines(block) > LABEL_LINES
            or word_count(block.text) > LABEL_WORDS):
        return False
    height = max(f.y1 - f.y0 for f in block.frags)
    # (Asked first, by height alone: most blocks have no line drawn right over them.)
    tops = drawn.across_between(block.y1 - 0.25 * height, block.y1 + TOP_REACH * height,
                                block.x0, block.x1)
    if not tops:
        return False
    top = min(tops)
    bottoms = drawn.across_between(-_FAR, block.y0, block.x0, block.x1)
    if not bottoms:
        return False
    bottom = max(bottoms)
    # The text and tables under the label, down to the line under it: the box's sides are
    # found along the blank space below them. (Pictures are asked of the whole box below.)
    within = level_with(bottom, top)
    under = [
        b for b in within
        if b is not block and b.kind != "figure" and block.x0 <= (b.x0 + b.x1) / 2 <= block.x1
    ]
    lowest = min([block.y0] + [b.y0 for b in under])
    if lowest - bottom < BLANK_LINES * height:
        return False
    lefts = drawn.down_between(-_FAR, block.x0, bottom + 1.0, lowest)
    rights = drawn.down_between(block.x1, _FAR, bottom + 1.0, lowest)
    if not lefts or not rights:
        return False
    left, right = max(lefts), min(rights)
    # (The box's own lines, read as a drawing round it, are no picture in it.)
    slack = FRAME_SLACK * height
    frames = {
        id(b) for b in figures
        if b.x0 <= left + slack and b.x1 >= right - slack
        and b.y0 <= bottom + slack and b.y1 >= top - slack
    }
    held = [
        b for b in within
        if b is not block and id(b) not in frames and left < (b.x0 + b.x1) / 2 < right
    ]
    if any(b.kind != "text" for b in held):
        return False  # a picture or a table in the box: it is not left blank
    if any(b.y1 > block.y1 + 0.5 * height for b in held):
        return False  # text over the label: the label does not open the box
    if sum(stacked_lines(b) for b in held) > LABEL_LINES:
        return False  # a box of text under its title (a sidebar), not one left blank
    lowest = min([block.y0] + [b.y0 for b in held])
    blank = BBox(left, bottom, right, lowest)
    return (
        lowest - bottom >= BLANK_LINES * height
        and lowest - bottom >= BLANK_SHARE * (top - bottom)
        # (A picture reaching into the blank space fills it.)
        and not any(id(b) not in frames and boxes_overlap(b.bbox, blank) for b in figures)
    )
