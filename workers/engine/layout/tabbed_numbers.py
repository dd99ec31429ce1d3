"""A section number set apart from its title by a tab, read in one line with it.

Word processors number headings with a tab after the number ("1.7.12⇥<acceptfont>"): the
title starts at the next tab stop, up to a stop's width (about half an inch) past the
number's end. A long number ends near a stop and its title goes on to the next, so the gap
is wider than any word space, and the line's two runs come apart as two blocks: a number
alone (read as a paragraph of its own) and a title with no number (which loses its section's
depth). A one-line block that is no more than a section's number, with a short block
starting on its line within a few of the line's sizes to its right, is one line with it.
"""

from __future__ import annotations

from .blocks import Block, block_of, lines_of, same_line
from .lines import word_count
from .numbered_heads import TITLE_WORDS, section_label

#: The widest gap (in points) from a section number to its title: the default tab stop's
#: width (Word's half inch is 36 pt, LibreOffice's 1.25 cm 35.4 pt: a number ending just past
#: one stop has its title at the next) and a little more. Stops are set in page lengths, not
#: in the text's size, so a heading in the body's size has as wide a gap as a large one.
TAB_GAP = 40.0
#: The most lines a number's title may run to (a long title wraps under itself).
TITLE_LINES = 2


def tabbed_numbers_joined(blocks: list[Block]) -> list[Block]:
    """``blocks`` (one page's, in reading order) with each lone section number read in one
    block with the title set a tab's gap to its right on its line (see the module's
    docstring)."""
    taken: dict[int, Block] = {}
    joined: set[int] = set()
    for block in blocks:
        if _lone_number(block) and id(block) not in joined:
            title = _title_beside(block, blocks, joined)
            if title is not None:
                taken[id(block)] = block_of(block.page, [*block.frags, *title.frags])
                joined.add(id(title))
    if not taken:
        return blocks
    return [taken.get(id(b), b) for b in blocks if id(b) not in joined]


def _lone_number(block: Block) -> bool:
    """A one-piece block that is a section's number with a point in it ("1.7.12", "3.",
    "IV."): a bare figure ("4") is as often a page's number, a chart's value or a label in
    a drawing, set beside other text on its line."""
    text = block.frags[0].text.strip() if len(block.frags) == 1 else ""
    return (
        block.kind == "text" and block.artifact is None and "." in text
        and section_label(text)
    )


def _title_beside(number: Block, blocks: list[Block], joined: set[int]) -> Block | None:
    """The short text block whose first line starts on ``number``'s line, within a tab's gap
    to its right, its wrapped lines (if any) hanging under its first."""
    mark = number.frags[0]
    for block in blocks:
        if block is number or block.kind != "text" or not block.frags or id(block) in joined:
            continue
        first = block.frags[0]
        if not (same_line(mark, first) and 0 < first.x0 - mark.x1 <= TAB_GAP):
            continue
        rows = lines_of(block.frags)
        if (
            block.artifact is None and len(rows) <= TITLE_LINES
            # A title's first word is a word ("<acceptfont>"), not a figure ("−2", a chart's).
            and any(map(str.isalpha, first.text.split()[0] if first.text.split() else ""))
            and 0 < word_count(" ".join(f.text for f in rows[0])) <= TITLE_WORDS
            and all(row[0].x0 >= first.x0 - 0.5 * first.size for row in rows)
        ):
            return block
        return None
    return None
