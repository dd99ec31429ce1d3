"""Wordmarks: a name set in type and a small drawn mark locked together into one logo, at the
top of a page (a letterhead's "Kraxi Systems, Inc." beside its paper plane, the plane's tip
reaching under the name's last letters). The name is the sender's, part of the logo: no
title of the document, however large or bold it is set.

What tells the lock-up from a heading with an icon, or a title on a band of colour:

* the mark's shapes overlap the name's box without standing behind it (a band or panel
  behind a title holds the title's middle, and covers most of it): the designer drew them
  into each other, where an icon keeps its distance from its heading;
* the mark is no rule nor an underline: at least as tall as a line of the name;
* nothing of the page's text is set above the name: a letterhead tops its page.
"""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import Block, stacked_lines
from .glyphs import Rect
from .lines import word_count

#: A wordmark holds this many words at most (a name and a tagline) ...
WORDMARK_WORDS = 8
#: ... on this many lines at most.
WORDMARK_LINES = 3
#: The mark covers at most this share of the name's box: more, and it stands behind it.
MARK_COVER = 0.25
#: Shapes this many points apart at most are pieces of one mark (a stroke's gap).
MARK_GAP = 2.0
#: A mark's shapes lie within this many of the name's line heights of it.
MARK_REACH = 6.0
#: Shapes of a mark looked at most (bounded work on a page of many shapes).
MAX_MARK_SHAPES = 200


def mark_wordmarks(blocks: Sequence[Block], shapes: Sequence[Rect]) -> None:
    """Set :attr:`Block.wordmark` on the text blocks of a page (``blocks``) locked up with a
    mark drawn with ``shapes`` (the page's vector shapes)."""
    texts = [b for b in blocks if b.kind == "text" and b.frags]
    if not texts or not shapes:
        return
    for block in texts:
        if any(other.y0 >= block.y1 for other in texts if other is not block):
            continue  # (text above it: no letterhead)
        if word_count(block.text) > WORDMARK_WORDS or stacked_lines(block) > WORDMARK_LINES:
            continue
        mark = _mark_touching(block, shapes)
        if mark is not None and _locked_up(block, mark):
            block.wordmark = True


def _mark_touching(block: Block, shapes: Sequence[Rect]) -> tuple[float, ...] | None:
    """The box of the shapes overlapping ``block``'s box, with those joined to them."""
    # (Looked for within a few lines of the name: a mark is drawn beside it.)
    reach = MARK_REACH * max(f.y1 - f.y0 for f in block.frags)
    near = [
        s for s in shapes
        if s.x0 < block.x1 + reach and s.x1 > block.x0 - reach
        and s.y0 < block.y1 + reach and s.y1 > block.y0 - reach
    ][:MAX_MARK_SHAPES]
    seeds = [s for s in near if s.x0 < block.x1 and s.x1 > block.x0
             and s.y0 < block.y1 and s.y1 > block.y0]
    if not seeds:
        return None
    x0 = min(s.x0 for s in seeds)
    y0 = min(s.y0 for s in seeds)
    x1 = max(s.x1 for s in seeds)
    y1 = max(s.y1 for s in seeds)
    taken = {id(s) for s in seeds}
    grew = True
    while grew:
        grew = False
        for s in near:
            if id(s) in taken:
                continue
            if (s.x0 <= x1 + MARK_GAP and x0 <= s.x1 + MARK_GAP
                    and s.y0 <= y1 + MARK_GAP and y0 <= s.y1 + MARK_GAP):
                x0, y0, x1, y1 = min(x0, s.x0), min(y0, s.y0), max(x1, s.x1), max(y1, s.y1)
                taken.add(id(s))
                grew = True
    return (x0, y0, x1, y1)


def _locked_up(block: Block, mark: tuple[float, ...]) -> bool:
    x0, y0, x1, y1 = mark
    middle_x, middle_y = (block.x0 + block.x1) / 2, (block.y0 + block.y1) / 2
    if x0 <= middle_x <= x1 and y0 <= middle_y <= y1:
        return False  # behind the text: a band, a panel, a box
    line = max(f.y1 - f.y0 for f in block.frags)
    if y1 - y0 < line or x1 - x0 < line:
        return False  # a rule, an underline, a bullet
    area = (block.x1 - block.x0) * (block.y1 - block.y0)
    cover = max(0.0, min(x1, block.x1) - max(x0, block.x0)) * max(
        0.0, min(y1, block.y1) - max(y0, block.y0)
    )
    return area > 0 and cover <= MARK_COVER * area
