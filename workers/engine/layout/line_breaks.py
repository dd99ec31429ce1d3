"""Text built from several lines outside a paragraph (a table cell that wraps, a caption, a
wrapped heading) read as a paragraph's lines are: a word the typesetter broke at a line end
("sys-" / "tem") is one word again, a compound broken at its own hyphen keeps it, by the same
document-wide evidence (:func:`.blocks.join_lines`, :class:`.blocks.Hyphenation`).

A screen reader says "sys dash tem" for the broken word; and a caption read otherwise than the
paragraph it is drawn as would not be found to be that paragraph.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial

from .blocks import Hyphenation, join_lines
from .lines import Fragment


@dataclass
class StackedFragment(Fragment):
    """A table cell's text gathered from fragments one under another: ``text`` reads them
    joined by spaces, as table finding compares cells; ``line_texts`` keeps each line's text,
    so the cell's text in the model can join a word broken at a line end."""

    line_texts: list[str] = field(default_factory=list)


def stacked(cell: Fragment, f: Fragment) -> Fragment:
    """``cell`` with ``f`` added after it (its glyphs, its text after a space, the box of
    both). ``f`` set under the cell starts a line of its own; beside it, it goes on the
    cell's last line."""
    lines = list(cell.line_texts) if isinstance(cell, StackedFragment) else [cell.text]
    if (f.y0 + f.y1) / 2 < cell.y0:
        lines.append(f.text)
    else:
        lines[-1] = f"{lines[-1]} {f.text}"
    return StackedFragment(
        cell.glyphs + f.glyphs, f"{cell.text} {f.text}", min(cell.x0, f.x0),
        min(cell.y0, f.y0), max(cell.x1, f.x1), max(cell.y1, f.y1), line_texts=lines,
    )


def cell_text(f: Fragment, hyphenation: Hyphenation | None) -> str:
    """The text of a table cell, its lines read as a paragraph's are."""
    if isinstance(f, StackedFragment) and len(f.line_texts) > 1:
        return join_lines(f.line_texts, hyphenation)
    return f.text


def line_joiner(hyphenation: Hyphenation | None) -> Callable[[Sequence[str]], str]:
    """How lines of text outside a paragraph (a caption's) are read as one."""
    return partial(join_lines, hyphenation=hyphenation)
