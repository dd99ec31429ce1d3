"""Lines that each open with a bold lead ending in a colon, one under another: each its own.

A transcript, a script or a list of settings sets each speaker's line (each key's value)
on a line of its own, opening in bold: "Human: what is the purpose of life ?" over
"Machine: to serve the greater good .". Set at the page's usual leading, the block loop
joins them into one block, and they are read as one run of words ("… life ? Machine: to
serve …"). A line that opens with such a lead, under a line that ended short of the
column's edge (the lead's word would have fitted after it: no wrap put it there), starts
a block of its own; a line wrapped from it, opening in regular text, stays with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import Block, column_right_edge, cut_between_lines, lines_of
from .lines import Fragment

#: The lead is this many characters at most, its colon included ("Interviewer:").
LEAD_CHARS = 24
#: A block is parted so only when this many of its lines open with a lead at least (one
#: paragraph opening with "Note:" is one paragraph).
LEAD_LINES = 2


def lead_lines_apart(blocks: list[Block], column: Sequence[Fragment]) -> list[Block]:
    """``blocks`` (of the fragments ``column``) with each text block holding lines that open
    with a bold lead (see the module's note) read as a block per such line and the lines
    wrapped from it."""
    out: list[Block] = []
    for block in blocks:
        # (A lead ends in a colon: a block holding fewer pieces with one than it takes lines
        # is settled without reading its lines, as nearly every block is.)
        if block.kind != "text" or sum(":" in f.text for f in block.frags) < LEAD_LINES:
            out.append(block)
            continue
        lines = lines_of(block.frags)
        leads = [_opens_with_lead(line) for line in lines]
        if len(lines) < LEAD_LINES or sum(leads) < LEAD_LINES:
            out.append(block)
            continue
        edge = column_right_edge(block, column)
        out.extend(cut_between_lines(block, lines, [False] + [
            leads[k] and _ended_short(lines[k - 1], lines[k], edge) for k in range(1, len(lines))
        ]))
    return out


def _opens_with_lead(line: list[Fragment]) -> bool:
    """Whether the line opens with a run of bold letters ending in a colon, regular text
    after it."""
    glyphs = [g for f in sorted(line, key=lambda f: f.x0) for g in f.glyphs]
    colon = next((k for k, g in enumerate(glyphs[:LEAD_CHARS + 1]) if g.char == ":"), None)
    if colon is None or colon == 0:
        return False
    lead = [g for g in glyphs[:colon] if not g.char.isspace()]
    rest = [g for g in glyphs[colon + 1:] if g.char.isalpha()]
    return (
        bool(lead) and all(g.bold for g in lead) and any(g.char.isalpha() for g in lead)
        and bool(rest) and not any(g.bold for g in rest)
    )


def _ended_short(above: list[Fragment], below: list[Fragment], edge: float) -> bool:
    """Whether ``above`` ended short of the column's ``edge`` by more than the first word
    of ``below`` and a space, both lines from one left edge."""
    first = min(below, key=lambda f: f.x0)
    if abs(first.x0 - min(f.x0 for f in above)) > 0.5 * max(first.size, 1.0):
        return False
    words = first.text.split()
    if not words:
        return False
    per_char = (first.x1 - first.x0) / max(len(first.text), 1)
    return max(f.x1 for f in above) + (len(words[0]) + 1) * per_char < edge
