"""Text built from several lines outside a paragraph (a table cell that wraps, a caption, a
wrapped heading) read as a paragraph's lines are: a word the typesetter broke at a line end
("sys-" / "tem") is one word again, a compound broken at its own hyphen keeps it, by the same
document-wide evidence (:func:`.blocks.join_lines`, :class:`.blocks.Hyphenation`).

A screen reader says "sys dash tem" for the broken word; and a caption read otherwise than the
paragraph it is drawn as would not be found to be that paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial

from .blocks import Hyphenation, full_lines, join_lines, lines_text, unspaced
from .glyphs import Glyph
from .lines import Fragment


@dataclass
class StackedFragment(Fragment):
    """A table cell's text gathered from fragments one under another: ``text`` reads them
    joined by spaces, as table finding compares cells; ``line_fragments`` keeps each line
    (its pieces side by side made one), so the cell's text in the model reads its line
    breaks as a paragraph's: a word broken at a line end joined, a Korean word broken
    between two letters whole (by the line's width and the spaces drawn at its ends)."""

    line_fragments: list[Fragment] = field(default_factory=list)


def stacked(cell: Fragment, f: Fragment) -> Fragment:
    """``cell`` with ``f`` added after it (its glyphs, its text after a space, the box of
    both). ``f`` set under the cell starts a line of its own; beside it, it goes on the
    cell's last line."""
    lines = list(cell.line_fragments) if isinstance(cell, StackedFragment) else [cell]
    if (f.y0 + f.y1) / 2 < cell.y0:
        lines.append(f)
    else:
        lines[-1] = _side_by_side(lines[-1], f)
    return StackedFragment(
        cell.glyphs + f.glyphs, f"{cell.text} {f.text}", min(cell.x0, f.x0),
        min(cell.y0, f.y0), max(cell.x1, f.x1), max(cell.y1, f.y1), line_fragments=lines,
    )


def _side_by_side(left: Fragment, right: Fragment) -> Fragment:
    """Two pieces of one line read as one, a space between them: the left one's start and
    the right one's end (whether a space is drawn there) are the line's."""
    return Fragment(
        left.glyphs + right.glyphs, f"{left.text} {right.text}", min(left.x0, right.x0),
        min(left.y0, right.y0), max(left.x1, right.x1), max(left.y1, right.y1),
        space_before=left.space_before, space_after=right.space_after,
    )


def cell_text(f: Fragment, hyphenation: Hyphenation | None) -> str:
    """The text of a table cell, its lines read as a paragraph's are (its right edge the
    furthest any of its lines reaches)."""
    if isinstance(f, StackedFragment) and len(f.line_fragments) > 1:
        lines = f.line_fragments
        if hyphenation is not None:
            lines = _broken_lines_joined(lines, f.x1, hyphenation)
        return lines_text(lines, f.x1, hyphenation)
    if hyphenation is None:
        return f.text
    return _words_whole(f, hyphenation)


def runs_words_on(f: Fragment, text: str) -> bool:
    """Whether ``text``, the cell ``f`` read (:func:`cell_text`), runs a word on over a line
    break the drawing sets apart with no hyphen ("github.c" / "om" read "github.com", a
    Korean word broken between two letters): the same characters as its lines read with a
    space between them, a space left out between two letters of a script that parts its words
    with spaces. Its marked content reads the lines apart: the tagger says such a cell's text
    again (:mod:`..tagged_pdf.logical_text`). A word broken at a hyphen (the hyphen ends the
    line: any reader joins it, pdfium marks it) and lines of Chinese or Japanese (no space
    parts their words) read the same either way. (Most cells read as drawn: one comparison.)"""
    drawn = f.text
    if text == drawn or text.count(" ") >= drawn.count(" ") or (
        text.replace(" ", "") != drawn.replace(" ", "")
    ):
        return False
    at = 0  # the next character of ``text``, read along ``drawn`` (the same but for spaces)
    for ch in drawn:
        if ch != " ":
            while text[at] == " ":
                at += 1  # a space the text has where the drawing has none
            at += 1
        elif at < len(text) and text[at] == " ":
            at += 1
        elif 0 < at < len(text) and text[at - 1] != " " and _parts_words(
                text[at - 1], text[at]):
            return True
    return False


def _parts_words(before: str, after: str) -> bool:
    """Whether a space drawn between ``before`` and ``after`` (a line's last character and
    the next line's first) would part two words a reader hears: not after a hyphen, nor
    between two characters of Chinese or Japanese."""
    return before not in _HYPHENS and not (unspaced(before) and unspaced(after))


#: Hyphens a line may end in: a reader joins the word broken there (or keeps the compound).
_HYPHENS = frozenset("-\u00ad\u2010\u2011")


def _broken_lines_joined(
    lines: list[Fragment], right: float, hyphenation: Hyphenation
) -> list[Fragment]:
    """A cell's lines (top to bottom, its right edge ``right``) with each ending in a word
    broken with no hyphen (:meth:`.blocks.Hyphenation.broken_unhyphenated`), the line full
    to that edge, read on into the next with no space: the two are one piece, in the place
    of the lower line (its end is where the text goes on)."""
    runs_on = full_lines(lines, right)
    out = [lines[0]]
    for k in range(1, len(lines)):
        above, below = out[-1], lines[k]
        if runs_on(k) and hyphenation.broken_unhyphenated(above.text, below.text):
            out[-1] = Fragment(
                above.glyphs + below.glyphs, above.text + below.text, below.x0, below.y0,
                below.x1, below.y1, space_before=above.space_before,
                space_after=below.space_after,
            )
        else:
            out.append(below)
    return out


def _words_whole(f: Fragment, hyphenation: Hyphenation) -> str:
    """The text of ``f`` (a cell's lines held in one piece, read with a space between them
    by :func:`.lines.lines`) with each word broken with no hyphen at the end of a line full
    to the cell's furthest reach read whole (:meth:`.blocks.Hyphenation.broken_unhyphenated`:
    "Complèteme" "nt en accord" in a narrow head cell is "Complètement en accord")."""
    text = f.text
    for start, end, line_end in reversed(_line_breaks(f)):
        if (f.x1 - line_end.x1 <= line_end.size
                and hyphenation.broken_unhyphenated(text[:start], text[end:])):
            text = text[:start] + text[end:]
    return text


def _line_breaks(f: Fragment) -> list[tuple[int, int, Glyph]]:
    """Where the text of ``f`` goes on from one line to the one under it: the start and end
    of each run of spaces between a character and one drawn lower, and the last glyph
    before it. None found where the text's characters are not its glyphs' in their order
    (a piece read right to left, a glyph's text made up)."""
    text, glyphs = f.text, f.glyphs
    # (Most cells are one line, less than one and a half of its glyphs' size tall: their
    # glyphs need no matching.)
    if " " not in text or not glyphs or f.y1 - f.y0 < 1.5 * glyphs[0].size:
        return []
    owners: list[Glyph] = []
    for g in glyphs:
        owners.extend([g] * sum(not c.isspace() for c in g.char))
    drawn = [c for g in glyphs for c in g.char if not c.isspace()]
    if [c for c in text if not c.isspace()] != drawn:
        return []
    breaks: list[tuple[int, int, Glyph]] = []
    n = 0
    k = 0
    while k < len(text):
        if not text[k].isspace():
            n += 1
            k += 1
            continue
        end = k
        while end < len(text) and text[end].isspace():
            end += 1
        if 0 < n < len(owners):
            above, below = owners[n - 1], owners[n]
            if (below.y0 + below.y1) / 2 < above.y0:
                breaks.append((k, end, above))
        k = end
    return breaks


def cell_lines(cells: Iterable[Fragment]) -> Iterator[str]:
    """The lines of text of table cells (``cells``), each cell's split where it goes on to
    a line under (:func:`_line_breaks`): their words are evidence as a block's lines' are
    (:attr:`.blocks.Hyphenation.cell_lines`)."""
    for cell in cells:
        pieces = cell.line_fragments if isinstance(cell, StackedFragment) else [cell]
        for piece in pieces:
            start = 0
            for begin, end, _ in _line_breaks(piece):
                yield piece.text[start:begin]
                start = end
            yield piece.text[start:]


def line_joiner(hyphenation: Hyphenation | None) -> Callable[[Sequence[str]], str]:
    """How lines of text outside a paragraph (a caption's) are read as one."""
    return partial(join_lines, hyphenation=hyphenation)
