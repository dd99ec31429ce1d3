"""Where the text's left margin lies on each page, to compare indents across a page break.

A list item goes on past a page break when the paragraphs at the head of the next page are
set in as far as the item's text was: measured from the margin, not from the page's edge, since
a book's left and right pages are set to mirrored margins. A page's own leftmost line is no
measure of its margin: a page the item's paragraphs fill all start at the item's indent. So
the margin is the one most pages of the same side (odd or even) start their text at.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable

from .blocks import Block


def text_margins(blocks: Iterable[Block], is_body: Callable[[Block], bool]) -> dict[int, float]:
    """Each page's left margin (by page number): where the text on most pages of its side
    starts, its own leftmost body line taken for its page's vote. A page with no body text is
    left out (no block of its own is asked about there)."""
    leftmost: dict[int, float] = {}
    for block in blocks:
        if block.kind == "text" and block.frags and is_body(block):
            leftmost[block.page] = min(leftmost.get(block.page, block.x0), block.x0)
    votes: dict[int, Counter[float]] = {0: Counter(), 1: Counter()}
    for page, left in leftmost.items():
        votes[page % 2][round(left)] += 1
    margins = {side: max(v.items(), key=lambda kv: (kv[1], -kv[0]))[0]
               for side, v in votes.items() if v}
    return {page: margins[page % 2] for page in leftmost}  # (its side has its vote at least)


#: The share of a page's body text that each half must hold, in blocks set wholly within it,
#: for the page to be read as set in two columns (a title or an abstract across both aside).
_COLUMN_SHARE = 0.25
#: A short right column starts where the other pages' right columns do within this (points).
_SAME_START = 1.0


def second_columns(
    pages: Iterable[tuple[float, list[Block]]], is_body: Callable[[Block], bool]
) -> dict[int, tuple[float, float]]:
    """Each page set in two columns (by page number, given its width and blocks): its middle
    and where its right column's text starts, the start most such pages of the same side
    share (a column full of an item's paragraphs starts at their indent, no measure of it);
    and each page whose right column is short, where it starts at that edge (see below).
    A list item's text goes on from one page's right column into the next page's left one:
    its indents are measured from each column's own left edge."""
    middles: dict[int, float] = {}
    starts: dict[int, float] = {}
    # Pages with text in both halves but too little in one to show columns by themselves.
    short: dict[int, tuple[float, float]] = {}
    for width, blocks in pages:
        body = [b for b in blocks if b.kind == "text" and b.frags and is_body(b)]
        if not body:
            continue
        middle = width / 2
        left = [b for b in body if b.x1 < middle]
        right = [b for b in body if b.x0 > middle]
        total = sum(len(b.text) for b in body)
        page = body[0].page
        if (
            sum(len(b.text) for b in left) >= _COLUMN_SHARE * total
            and sum(len(b.text) for b in right) >= _COLUMN_SHARE * total
        ):
            middles[page] = middle
            starts[page] = min(b.x0 for b in right)
        elif left and right and len(left) + len(right) == len(body):
            # (All its text in one half or the other: none across the middle, as a page
            # set in one column, a formula's pieces beside its text, has.)
            short[page] = (middle, min(b.x0 for b in right))
    votes: dict[int, Counter[float]] = {0: Counter(), 1: Counter()}
    for page, start in starts.items():
        votes[page % 2][round(start)] += 1
    edges = {side: max(v.items(), key=lambda kv: (kv[1], -kv[0]))[0]
             for side, v in votes.items() if v}
    out = {page: (middle, edges[page % 2]) for page, middle in middles.items()}
    # A page whose right column is short (a document's last page, its text run out a few
    # lines into the column) is set in two all the same where that column's text starts
    # just where the right column of the document's other pages starts (of its side first).
    for page, (middle, start) in short.items():
        for side in (page % 2, 1 - page % 2):
            edge = edges.get(side)
            if edge is not None and abs(start - edge) <= _SAME_START:
                out[page] = (middle, edge)
                break
    return out
