"""A smaller aside in parentheses after a line's text: no part of the face the line is set in.

A slide's title may end in an aside set in the size of the slide's points ("Echo Function
in C (not much of a difference...)", the title in 15 points, the aside in 10). With more
letters in the aside than in the title, the median size of the line's glyphs is the
aside's, and the title reads as one of the slide's points, not as its heading. The face a
block is set in is that of its text before such an aside: the aside is said with it.
"""

from __future__ import annotations

from collections.abc import Sequence

from .glyphs import Glyph
from .lines import quick_median

#: The aside's glyphs are all this many times the size of the text before it at most (a
#: smaller face, not the same face measured a little apart).
ASIDE_SMALLER = 0.85
#: ... or this many times at most where the aside is also set lighter than the words before
#: it, they in bold and it not (a form's "SECTION 6: APPLICANT" in bold, then "(if other
#: than the Service Member)" in the text's italic, 0.86 of it): a face of its own by weight.
ASIDE_LIGHTER_SMALLER = 0.95


def before_smaller_aside(glyphs: Sequence[Glyph]) -> Sequence[Glyph]:
    """``glyphs`` without the aside in parentheses they end in, where the aside is set
    smaller than the words before it (see the module's note); ``glyphs`` themselves where
    they end in no such aside."""
    end = len(glyphs)
    while end and glyphs[end - 1].char.isspace():
        end -= 1
    if not end or glyphs[end - 1].char != ")":
        return glyphs  # (most blocks: asked first, the scan below costs more)
    opening = _opening(glyphs, end - 1)
    if opening is None:
        return glyphs
    before = glyphs[:opening]
    if not any(g.char.isalpha() for g in before):
        return glyphs  # "(1)", "(a) (b)": the parentheses are the text
    size = quick_median([g.size for g in before if not g.char.isspace()] or [0.0])
    aside = [g for g in glyphs[opening:end] if not g.char.isspace()]
    largest = max(g.size for g in aside)
    if size <= 0 or largest > ASIDE_LIGHTER_SMALLER * size:
        return glyphs
    if largest > ASIDE_SMALLER * size and not _lighter(before, aside):
        return glyphs
    return before


def _lighter(before: Sequence[Glyph], aside: Sequence[Glyph]) -> bool:
    """Whether ``aside`` is set in a lighter weight than the words ``before`` it: they in
    bold, no letter of it."""
    letters = [g for g in before if g.char.isalpha()]
    return (
        bool(letters) and all(g.bold for g in letters)
        and not any(g.bold for g in aside if g.char.isalpha())
    )


def _opening(glyphs: Sequence[Glyph], closing: int) -> int | None:
    """The index of the "(" the ")" at ``closing`` closes, or None."""
    depth = 0
    for at in range(closing, -1, -1):
        char = glyphs[at].char
        if char == ")":
            depth += 1
        elif char == "(":
            depth -= 1
            if depth == 0:
                return at
    return None
