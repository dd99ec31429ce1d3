"""A table of contents set as lines close under each other, each a section's number and its
title ("10.1. Overview" / "10.2. Using DHAT" / "10.2.1. Running DHAT"), as a browser prints
a web page's list of links to its sections: the lines build as one block, which would read
as one paragraph (or, numbered as the section after the chapter's heading, as one heading
"10.1. Overview 10.2. Using DHAT …"). A block whose every line opens with a section number,
the numbers growing down the block and at least one of them numbering a subsection
("10.1"), each line a title's few words, is such a run of entries: it is split into one
block per line, each an entry that classification reads as it reads a contents line set
apart (a list's point, or the echo of a heading further on). Text set as close under the
last entry stays one block of its own.

A paragraph's lines do not all open with numbers, and a column of figures ("1.5", "2.25")
says no title after them."""

from __future__ import annotations

import re

from .blocks import Block, split_blocks
from .lines import Fragment

#: A contents line: a section number ("10.2.1.", "3") and a title opening with a letter.
_ENTRY = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?\s+[^\W\d_]", re.UNICODE)
#: A contents entry's title holds this many words at most (a paragraph's line holds more).
ENTRY_WORDS = 10


def split_contents_lines(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each text block that is a run of numbered contents lines split into
    one block per line (``blocks`` itself when none is)."""
    if not any(map(_may_be_entries, blocks)):
        return blocks  # (most pages: no block opens with a number)
    return split_blocks(blocks, lambda block: _entries(block) if _may_be_entries(block) else None)


def _may_be_entries(block: Block) -> bool:
    return (block.kind == "text" and len(block.frags) > 1 and block.note is None
            and block.frags[0].text[:1].isdigit())


def _lines(frags: list[Fragment]) -> list[list[Fragment]]:
    lines: list[list[Fragment]] = [[frags[0]]]
    for above, f in zip(frags, frags[1:], strict=False):
        if (f.y0 + f.y1) / 2 < above.y0:  # (under the piece before it: a new line)
            lines.append([f])
        else:
            lines[-1].append(f)
    return lines


def _entries(block: Block) -> list[Block] | None:
    """The block's leading run of contents lines, one block each, and what follows them
    (the text under the contents, set as close under its last line) as one block; None
    where the block opens with no such run."""
    lines = _lines(block.frags)
    numbers: list[tuple[int, ...]] = []
    for line in lines:
        text = " ".join(f.text.strip() for f in line)
        entry = _ENTRY.match(text)
        if entry is None or len(text.split()) - 1 > ENTRY_WORDS:
            break
        number = tuple(int(n) for n in entry.group(1).split("."))
        if numbers and number <= numbers[-1]:
            break  # (numbers that do not grow down the page number no contents)
        numbers.append(number)
    if len(numbers) < 2 or all(len(n) == 1 for n in numbers):
        return None  # (a numbered list's points, "1." "2.", are classification's to read)
    parts = [_block_of(block, line, first=k == 0) for k, line in enumerate(lines[:len(numbers)])]
    rest = [f for line in lines[len(numbers):] for f in line]
    return parts + [_block_of(block, rest, first=False)] if rest else parts


def _block_of(block: Block, frags: list[Fragment], first: bool) -> Block:
    part = Block(block.page, artifact=block.artifact, opens_list=block.opens_list and first)
    for f in frags:
        part.add(f)
    return part
