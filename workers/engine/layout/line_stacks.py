"""Stacks of one-line blocks read without a break: lines set one under the next from one
left edge, in one size, a line apart (a diagram panel's facts, "Name:", "Author:",
"Version:", each read as a block of its own), with a block set clearly larger beside the
stack's top line (the panel's title, level with "Name:").

The recursive cut cannot always keep such a stack whole: where something else on the page
reaches under the stack's top line and level with its last (a class box drawn just under
"Updated:"), no gap runs down beside the stack, and the cut across the page that parts the
stack's lower lines from its upper ones leaves the block beside its top with the upper
ones: it is read between two lines of the stack ("Created:", the title, "Updated:"). Read
so, the facts are no run (no list of terms) and the title comes in the middle of them. The
block is read after the stack instead, as it is where a gap beside the stack lets the cut
read the stack first.
"""

from __future__ import annotations

from .blocks import Block

#: Lines of a stack start at one left edge within this share of their size.
SAME_EDGE = 0.3
#: Lines of a stack are of one size within this share of it.
SAME_SIZE = 0.05
#: Lines of a stack stand less than this many line heights apart (the gap between them).
LINE_GAP = 1.0
#: The block beside the stack's top is set this many times the stack's size at least (a
#: title by small facts; text of the stack's own size beside it is a row's other cells).
TITLE_SIZE = 1.5
#: A block of one line is less than this many times its tallest piece high (two lines are
#: twice it and more).
ONE_LINE = 1.5


def stacks_unbroken(blocks: list[Block]) -> list[Block]:
    """``blocks`` (in reading order) with each block read between two lines of a stack of
    one-line blocks, standing beside the stack's top line and set clearly larger (its
    title), moved after the stack."""
    out = list(blocks)
    k = 1
    while k + 1 < len(out):
        upper, middle, lower = out[k - 1], out[k], out[k + 1]
        if not _next_line(upper, lower) or _next_line(upper, middle):
            k += 1
            continue
        top = k - 1
        while top > 0 and _next_line(out[top - 1], out[top]):
            top -= 1
        if not _beside(middle, out[top]) or middle.size < TITLE_SIZE * out[top].size:
            k += 1
            continue
        end = k + 1
        while end + 1 < len(out) and _next_line(out[end], out[end + 1]):
            end += 1
        out.insert(end, out.pop(k))
        k = end + 1
    return out


def _next_line(upper: Block, lower: Block) -> bool:
    """``lower`` is the line of the stack after ``upper``: both one-line text blocks, from
    one left edge, in one size, ``lower`` under ``upper`` and less than a line apart."""
    if upper.kind != "text" or lower.kind != "text" or not upper.frags or not lower.frags:
        return False
    size = upper.size
    if size <= 0 or abs(lower.size - size) > SAME_SIZE * size:
        return False
    if abs(upper.x0 - lower.x0) > SAME_EDGE * size:
        return False
    height = upper.y1 - upper.y0
    if not 0 <= upper.y0 - lower.y1 < LINE_GAP * height:
        return False
    return _one_line(upper) and _one_line(lower)


def _one_line(block: Block) -> bool:
    tallest = max(f.height for f in block.frags)
    return block.y1 - block.y0 < ONE_LINE * tallest


def _beside(block: Block, line: Block) -> bool:
    """``block`` stands level with ``line`` and clear of it to one side."""
    level = block.y0 < line.y1 and line.y0 < block.y1
    return level and (block.x0 >= line.x1 or block.x1 <= line.x0)
