"""Lines of Chinese or Japanese set with wide leading, read as the paragraph they make.

The block loop parts lines further apart than about a line's height (:data:`.reader.BLOCK_GAP`):
a paragraph double-spaced, as official reports in Chinese often are, comes out a block per
line, and a reader hears each line a paragraph of its own, a word cut at each line end
("……保证季度报告内容的真" / "实、准确、完整……"). Chinese and Japanese set no space between
words and break a line anywhere between two characters: a line filled to its column's right
edge that stops mid-sentence, and a line under it set flush left (a paragraph's first line is
indented two characters), in the same face at no more than a wide leading, are one
paragraph's lines. A line ending a sentence, a line short of the edge, or a line under it
indented or in another face keeps the break.
"""

from __future__ import annotations

from .blocks import Block, lines_of, unspaced

#: How far under a line the next line of its paragraph may start, in line heights (double
#: spacing; the gap between paragraphs is wider still).
WIDE_LEADING = 1.5
#: A paragraph's first line is indented by no more than this many characters.
INDENT = 3.0
#: Sizes alike: apart by no more than this share.
SAME_SIZE = 0.05
#: What ends a sentence or a clause that may end a paragraph (a colon before a list).
_CLAUSE_END = frozenset("。！？．：；…")


def wide_leading_lines_joined(blocks: list[Block]) -> list[Block]:
    """``blocks`` (one page's, in reading order) with each Chinese or Japanese line that runs
    on into the next block (see the module's docstring) read in one block with it."""
    # (Cheap first, with no block's text read: most pages hold no block whose last piece
    # ends in a Chinese or Japanese character, or any from U+2E80 on.)
    if not any(b.kind == "text" and b.frags and b.frags[-1].text.rstrip()[-1:] >= "\u2e80"
               for b in blocks):
        return blocks
    out: list[Block] = []
    for block in blocks:
        above = out[-1] if out else None
        if above is not None and _runs_on(above, block, blocks):
            for f in block.frags:
                above.add(f)
        else:
            out.append(block)
    return out


def _plain(block: Block) -> bool:
    """A block of running text: no note, listing, label, artifact, or list's lead line."""
    return (
        block.kind == "text" and bool(block.frags) and block.artifact is None
        and block.note is None and not block.pitch and not block.labels_box
        and not block.labels_field and not block.wordmark and not block.opens_list
    )


def _runs_on(above: Block, below: Block, page: list[Block]) -> bool:
    """Whether ``below``'s first line goes on with ``above``'s last, a Chinese or Japanese
    paragraph's next line set at a wide leading."""
    if not (_plain(above) and _plain(below) and above.page == below.page):
        return False
    end, start = lines_of(above.frags)[-1], lines_of(below.frags)[0]
    last, first = end[-1], start[0]
    ending, opening = last.text.rstrip()[-1:], first.text.lstrip()[:1]
    if not (ending and opening and unspaced(ending) and unspaced(opening)):
        return False
    if ending in _CLAUSE_END:
        return False
    size = last.size
    height = max(f.height for f in end)
    left = min(f.x0 for f in end)
    return (
        abs(size - first.size) <= SAME_SIZE * max(size, first.size)
        and last.bold == first.bold
        # Right under it, no further than a wide leading.
        and -0.2 * height < last.y0 - first.y1 < WIDE_LEADING * height
        # Flush left: not indented past the line above (a paragraph's first line is), nor
        # further left than the indent of the paragraph's first line (another column's).
        and above.x0 - INDENT * size <= first.x0 <= left + 0.5 * size
        # Full: the line above reaches its column's right edge, to within a character.
        and _right_edge(above, page) - last.x1 <= size
    )


def _right_edge(block: Block, page: list[Block]) -> float:
    """The right edge of the column ``block`` stands in: the furthest any text on the page
    set across the block's width reaches."""
    return max(
        (b.x1 for b in page if b.kind == "text" and b.x0 < block.x1 and b.x1 > block.x0),
        default=block.x1,
    )

