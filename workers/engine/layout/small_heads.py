"""A heading of text set smaller than the body: judged by the text it heads.

A booklet's "Key points" box, a sidebar's or a tip's title: the box's text is set smaller
than the body, and its title is set apart from that text (in bold, larger), not from the
body's, so it may be smaller than the body's own size. Judged against the body alone, it
reads as a bold label; judged against the text under it, it heads that text, and a
screen-reader user moving by headings finds the box.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .blocks import Block, lines_of

#: The title is set this many times the size of the text under it at least …
HEAD_OVER_TEXT = 1.15
#: … which is set this share of the body's size at most (print smaller than the body's) …
SMALLER_TEXT = 0.9
#: … in this many blocks at least, the title on this many lines at most.
TEXT_BLOCKS = 2
HEAD_LINES = 2


def heads_of_smaller_text(pages: Iterable[Sequence[Block]], body_size: float) -> set[int]:
    """The ids of the text blocks (``pages``: each page's, in reading order) that head the
    smaller text read after them: in bold, a line or two, the next :data:`TEXT_BLOCKS`
    blocks of text in a regular face set :data:`SMALLER_TEXT` of ``body_size`` at most and
    :data:`HEAD_OVER_TEXT` times smaller than the title at least, standing under it and
    starting within a line's height of its left edge."""
    out: set[int] = set()
    for blocks in pages:
        texts = [b for b in blocks if b.kind == "text" and b.frags]
        for k, head in enumerate(texts):
            under = texts[k + 1:k + 1 + TEXT_BLOCKS]
            if len(under) < TEXT_BLOCKS or not head.bold:
                continue
            height = head.frags[0].height
            if (
                all(
                    not b.bold and b.size <= SMALLER_TEXT * body_size
                    and HEAD_OVER_TEXT * b.size <= head.size
                    and b.y1 <= head.y0 + 0.5 * height and abs(b.x0 - head.x0) <= height
                    for b in under
                )
                and len(lines_of(head.frags)) <= HEAD_LINES
            ):
                out.add(id(head))
    return out
