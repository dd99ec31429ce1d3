"""Accents drawn apart from their letters, joined to them (before fragments are built).

TeX, and other typesetting systems whose fonts have few accented letters, draw "ó" as two
glyphs: the base letter and a *spacing* accent ("´", U+00B4) placed over it — often in
another show operator, sometimes before the letter, sometimes after the whole word
("Kuttler" then "¨" moved back over the "u"). Read in drawing order the name reads
"Laszl ´ o", and a screen reader says "Laszl acute o". Here each spacing accent set over
(or, for a cedilla or ogonek, under) a letter is joined to it: the accent's glyph becomes the
combining mark and moves to just after the letter, in the letter's box, so that the fragment
reads "o" + U+0301, which :func:`.lines.clean` composes (NFC) to "ó". The accent's glyph
stays in the list, so its page object still belongs to the block that reads the letter (the
tagged PDF tags every drawn operator). An accent with no letter under it stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import ModuleType

from .glyphs import Glyph
from .lines import Fragment

_accelerator: ModuleType | None
try:
    # chars_among below, in C (lines.py's glyph loops' module), built where a C compiler exists.
    from . import _fragments as _accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _accelerator = None

#: Spacing accents (and their modifier-letter forms) -> the combining mark they draw.
COMBINING = {
    "\u00b4": "\u0301", "\u02ca": "\u0301",  # acute
    "`": "\u0300", "\u02cb": "\u0300",  # grave
    "\u00a8": "\u0308",  # diaeresis
    "\u02dc": "\u0303",  # tilde (not the ASCII "~" nor "^": code's operators, not accents)
    "\u02c6": "\u0302",  # circumflex
    "\u02c7": "\u030c",  # caron
    "\u02d8": "\u0306",  # breve
    "\u02d9": "\u0307",  # dot above
    "\u02da": "\u030a",  # ring above
    "\u02dd": "\u030b",  # double acute
    "\u00af": "\u0304", "\u02c9": "\u0304",  # macron
    "\u00b8": "\u0327",  # cedilla (under)
    "\u02db": "\u0328",  # ogonek (under)
}
#: Marks set under the letter, at its baseline, not over it.
_BELOW = frozenset("\u0327\u0328")
#: Dotless letters that a mark over them turns into the dotted ones (TeX's "\"{\i}": ı + ¨).
_DOTTED = {"\u0131": "i", "\u0237": "j"}
_ACCENTS = "".join(COMBINING)
_ANY_ACCENT = re.compile("[" + re.escape(_ACCENTS) + "]")
#: Glyphs looked at on each side of an accent (in drawing order) for its letter: TeX draws
#: the accent next to its letter, after the rest of the word, or after the rest of the line.
WINDOW = 160
#: An accent and its letter are of one size class: within this ratio of each other (a dot
#: over a large operator, "∪˙", is no accented letter).
SIZE_RATIO = 1.4
#: How far (share of the size) the accent may stand above the letter's top: over a capital
#: it is raised, yet a line above starts a whole line higher.
ABOVE = 0.35
#: How far (share of the size) a cedilla or ogonek may reach under the letter's bottom.
BELOW = 0.4
#: How far (share of the size) an accent's box may start below its letter's top (ink boxes)
#: or bottom (font-height boxes), or a cedilla's end above the letter's bottom.
NEAR = 0.25
#: An accent's box at least this share of its letter's height is the font's whole height.
LOOSE = 0.8


#: A combining diacritical mark: what a joined accent's glyph reads.
_MARK = re.compile("[\u0300-\u036f]")
_MARKS = "".join(map(chr, range(0x300, 0x370)))


def joins_accents(fragment: Fragment) -> bool:
    """Whether ``fragment`` reads an accent drawn apart joined to its letter (its text then
    reads otherwise than its glyphs in drawing order: the tagger says it again)."""
    # (One search over the glyphs' first characters: the fragments of a page in a script
    # other than Latin are all looked at, glyph by glyph.)
    return not fragment.text.isascii() and glyphs_join_accents(fragment.glyphs)


def glyphs_join_accents(glyphs: list[Glyph]) -> bool:
    """:func:`joins_accents` of a fragment whose text is known to go beyond ASCII: whether
    one of its ``glyphs`` reads a combining mark (a joined accent)."""
    return _glyph_holds(glyphs, _MARKS, _MARK, True)


def _glyph_holds(glyphs: list[Glyph], chars: str, pattern: re.Pattern[str],
                 first_only: bool) -> bool:
    """Whether a character of ``chars`` (``pattern`` finds any one of them) is among the
    glyphs' characters (only each glyph's first with ``first_only``). Asked of every glyph
    of every page: counted in C where built (``_fragments.chars_among``; a test holds the two
    equal), else by one search over the characters joined."""
    if _accelerator is not None and isinstance(glyphs, list):
        found = _accelerator.chars_among(glyphs, chars, first_only)
        if found is not NotImplemented:
            answer: bool = found
            return answer
    return _python_glyph_holds(glyphs, pattern, first_only)


def _python_glyph_holds(glyphs: Sequence[Glyph], pattern: re.Pattern[str],
                        first_only: bool) -> bool:
    """:func:`_glyph_holds` in Python (keep it in step with ``_fragments.c``'s)."""
    if first_only:
        return pattern.search("".join([g.char[:1] for g in glyphs])) is not None
    return pattern.search("".join([g.char for g in glyphs])) is not None


def join_accents(glyphs: list[Glyph]) -> None:
    """Join, in place, each spacing accent of ``glyphs`` (drawing order) to the letter it is
    set over or under (see the module's word)."""
    if not _glyph_holds(glyphs, _ACCENTS, _ANY_ACCENT, False):
        return  # (nearly every page)
    k = 0
    while k < len(glyphs):
        # (Past the glyphs holding no accent at once: they are all but a few of the page's,
        # and each would only be stepped over below.)
        k = _next_accent(glyphs, k)
        if k >= len(glyphs):
            break
        accent = glyphs[k]
        mark = COMBINING.get(accent.char)
        if mark is None or accent.rotated:
            k += 1
            continue
        at = _letter_under(glyphs, k, mark in _BELOW)
        if at is None:
            k += 1
            continue
        letter = glyphs[at]
        if mark not in _BELOW:
            letter.char = _DOTTED.get(letter.char, letter.char)
        accent.char = mark
        accent.x0, accent.y0, accent.x1, accent.y1 = letter.x0, letter.y0, letter.x1, letter.y1
        del glyphs[k]
        k = _drop_spaces_left(glyphs, k)
        place = next(i for i in range(max(0, at - WINDOW), len(glyphs)) if glyphs[i] is letter)
        glyphs.insert(place + 1, accent)
        # (Looked at again from where the accent was: the mark is no accent any more.)


def _next_accent(glyphs: list[Glyph], k: int) -> int:
    """The index of the first of ``glyphs`` from ``k`` on whose character holds a spacing
    accent (a character of :data:`_ACCENTS`), ``len(glyphs)`` when none does. Only such a
    glyph can be an accent (:data:`COMBINING`'s keys are characters of :data:`_ACCENTS`): the
    glyphs before it are stepped over as :func:`join_accents` steps over any other. In C where
    built (``_fragments.index_among``; a test holds the two equal)."""
    if _accelerator is not None and isinstance(glyphs, list):
        found = _accelerator.index_among(glyphs, _ACCENTS, k)
        if found is not NotImplemented:
            at: int = found
            return at
    return _python_next_accent(glyphs, k)


def _python_next_accent(glyphs: list[Glyph], k: int) -> int:
    """:func:`_next_accent` in Python (keep it in step with ``_fragments.c``'s)."""
    while k < len(glyphs) and _ANY_ACCENT.search(glyphs[k].char) is None:
        k += 1
    return k


def _letter_under(glyphs: Sequence[Glyph], k: int, below: bool) -> int | None:
    """Index of the letter the accent ``glyphs[k]`` is set over (or under, ``below``): the
    one whose box holds the accent's centre across, of the same size class, at the right
    height; the nearest of several. None where no letter is there."""
    accent = glyphs[k]
    centre = (accent.x0 + accent.x1) / 2
    size = max(accent.size, 1.0)
    best: int | None = None
    distance = 0.0
    for i in range(max(0, k - WINDOW), min(len(glyphs), k + WINDOW + 1)):
        g = glyphs[i]
        # (The box first: a comparison of two floats settles most glyphs of the window.)
        if not g.x0 <= centre <= g.x1 or i == k or not g.char.isalpha() or g.rotated:
            continue
        if not 1 / SIZE_RATIO <= max(g.size, 1.0) / size <= SIZE_RATIO:
            continue
        if not _at_height(accent, g, below):
            continue
        d = abs((g.x0 + g.x1) / 2 - centre) + abs(g.y0 - accent.y0)
        if best is None or d < distance:
            best, distance = i, d
    return best


def _at_height(accent: Glyph, letter: Glyph, below: bool) -> bool:
    """Whether ``accent`` stands where an accent of ``letter`` does. Boxes are either the
    font's whole height (then an accent's box is as tall as its letter's, and the two share
    most of it: an accent over a capital is raised a little, never a line) or the ink's
    (then the accent starts at about the letter's top, or a cedilla ends at about its
    baseline)."""
    size = max(letter.size, 1.0)
    tall = letter.y1 - letter.y0
    if accent.y1 - accent.y0 >= LOOSE * tall:
        shared = min(accent.y1, letter.y1) - max(accent.y0, letter.y0)
        return shared > 0.5 * tall and (below or accent.y0 >= letter.y0 - NEAR * size)
    if below:
        return letter.y0 - BELOW * size <= accent.y1 <= letter.y0 + NEAR * size
    return letter.y1 - NEAR * size <= accent.y0 <= letter.y1 + ABOVE * size


def _drop_spaces_left(glyphs: list[Glyph], k: int) -> int:
    """Drop the spaces pdfium made up around an accent taken out before ``glyphs[k]``: a gap
    it saw between the letters on either side and the accent set back over one of them. Where
    those letters stand close, no space was meant; else one run of spaces is kept. Returns
    where the spaces (kept or not) start."""
    start = k
    while start > 0 and glyphs[start - 1].char.isspace():
        start -= 1
    end = k
    while end < len(glyphs) and glyphs[end].char.isspace():
        end += 1
    if start == end:
        return start
    made_up = [i for i in range(start, end) if glyphs[i].obj < 0 or glyphs[i].generated]
    if start > 0 and end < len(glyphs) and _close(glyphs[start - 1], glyphs[end]):
        dropped = made_up
    elif start < k < end:
        dropped = [i for i in made_up if i >= k]  # (spaces on both sides: keep the first)
    else:
        return start
    for i in reversed(dropped):
        del glyphs[i]
    return start


#: Letters this close (share of the size) are of one word (as :data:`.lines.SPACE_GAP`).
_WORD_GAP = 0.15


def _close(before: Glyph, after: Glyph) -> bool:
    """Whether ``after`` follows ``before`` on its line with no word space between."""
    size = max(before.size, after.size, 1.0)
    gap = after.x0 - before.x1
    same_line = min(before.y1, after.y1) - max(before.y0, after.y0) > 0.5 * min(
        before.y1 - before.y0, after.y1 - after.y0
    )
    return same_line and -0.5 * size <= gap <= _WORD_GAP * size
