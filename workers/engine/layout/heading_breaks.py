"""Bold lines set apart, one under another, read as the headings they are, not one block.

The block loop joins a line to the one above it while the gap between them is under the
page's usual gap between lines plus a little (:func:`.reader._text_blocks`). That usual gap
is the median of the gaps between lines, and on a page of short paragraphs, list points
and headings most gaps are paragraph breaks: the median is one, and a heading straight
under another ("Dyndep Examples" / "Fortran Modules", a section's heading and its first
subsection's; "NEWS" / "1.4.6 (2024-05-18)") is read as one heading of both. A heading that
wraps onto a second line fills its first up to the column's edge and is set at its own
tight leading; two bold lines half a line or more apart, from one left edge, the upper
stopping short of the edge by more than the lower's first word, are two headings: the upper
was ended on purpose.
"""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import Block, column_right_edge, cut_between_lines, lines_of
from .lines import Fragment

#: Lines of one heading are set closer than this many line heights (a wrapped heading's
#: leading); lines further apart may be headings of their own.
SET_APART = 0.5
#: … and no further than this: lines further apart were joined by what is between them or
#: beside them (a form's fields, a list's marks), not by the page's leading.
SET_APART_MAX = 1.0


def bold_lines_apart(blocks: list[Block], column: Sequence[Fragment]) -> list[Block]:
    """``blocks`` (of the fragments ``column``) with each bold text block whose lines are set
    apart as headings are (see the module's docstring) read as a block per such line run."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "text" or len(block.frags) < 2 or not block.bold:
            out.append(block)
            continue
        lines = lines_of(block.frags)
        if len(lines) < 2 or not all(f.bold for f in block.frags):
            out.append(block)
            continue
        edge = column_right_edge(block, column)
        out.extend(cut_between_lines(block, lines, [False] + [
            _set_apart(above, below, edge) for above, below in zip(lines, lines[1:], strict=False)
        ]))
    return out


def _set_apart(above: list[Fragment], below: list[Fragment], edge: float) -> bool:
    """Whether ``below`` is a line of its own under ``above``: half a line or more under it,
    from the same left edge, and its first word would have fitted at the end of ``above``
    (no wrap put it there)."""
    height = max(f.height for f in above + below)
    gap = min(f.y0 for f in above) - max(f.y1 for f in below)
    if not SET_APART * height <= gap < SET_APART_MAX * height:
        return False
    first = below[0]
    if abs(first.x0 - above[0].x0) > 0.5 * first.size:
        return False  # (a centred title's lines: set as one title, its lines broken by design)
    text = first.text.lstrip()
    word = text.split()[0] if text.split() else ""
    if not word:
        return False
    # (The word's width and a space's, from the fragment's mean character width.)
    per_char = (first.x1 - first.x0) / max(len(first.text), 1)
    return max(f.x1 for f in above) + (len(word) + 1) * per_char < edge
