"""Right-to-left lines read in their logical order, from where their glyphs stand.

A PDF draws a line as it looks: in a right-to-left line (Arabic, Hebrew, Persian) the
figures and Latin words still run left to right, and the bidirectional algorithm has moved
the neutral characters around them (a hyphen, a full stop, a percent sign, brackets) to the
side the reading direction puts them on. Writers draw the pieces in any order (Word and
Pango draw right-to-left letters one by one leftwards, figures rightwards), so content
order alone reads ``"3- پذیرش"`` as ``"-3 پذیرش"``, ``"50% از"`` as ``"%50 از"``, a
numbered item's ``"1."`` as ``".1"`` and ``"(12)"`` as ``") 12 ("``.

:func:`logical_lines` undoes the visual reordering from the glyphs' places: the line's
glyphs left to right, runs that read left to right (Latin words and figures with what
joins them) kept as they stand, everything else read from the right, and brackets outside
those runs turned back (drawn mirrored, they were mapped to the mirrored character).

>>> logical_lines(lines(fragments(glyphs)))  # doctest: +SKIP
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from operator import attrgetter

from .glyphs import Glyph
from .lines import RTL_LETTER, SPACE_GAP, Fragment, Line, has_rtl

#: Brackets and quotation marks a right-to-left run draws mirrored.
_MIRRORED = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
#: Glyphs whose boxes start and end this close (points) are parts of one ligature ("لا").
_SAME_BOX = 0.5
#: Digits a group of thousands holds: "3 001", a figure whose groups a space parts.
_THOUSANDS = 3

# The kinds a cluster takes its part in the reordering from (Unicode bidirectional classes,
# coarsened): right-to-left letters, left-to-right letters, digits, separators that join
# two numbers ("1403/09/19", "2-5", "47.500"), terminators ("%"), and the rest.
_R, _L, _DIGIT, _SEPARATOR, _TERMINATOR, _NEUTRAL = range(6)
_SCRIPTS = {_R, _L}
_KINDS = {
    "R": _R, "AL": _R, "L": _L, "EN": _DIGIT, "AN": _DIGIT,
    "ES": _SEPARATOR, "CS": _SEPARATOR, "ET": _TERMINATOR,
}


@dataclass(slots=True)
class _Cluster:
    """A glyph with the marks and ligature parts drawn on it, in content order."""

    text: str
    x0: float
    x1: float
    size: float
    #: Where it starts and ends in the fragment's text (content order).
    index: int
    end: int
    #: The fragment's text has a space just before it.
    spaced: bool
    kind: int


#: (Asked of every line of every page, most of them holding no right-to-left piece: mapped at
#: C speed, not a generator resumed for each piece.)
_rtl_of = attrgetter("rtl")


def logical_lines(lines: list[Line]) -> list[Line]:
    """``lines`` with each fragment of a right-to-left line given its text in reading
    order (a fragment whose glyphs do not spell its text is left as it is)."""
    for line in lines:
        frags = line.fragments
        if not any(map(_rtl_of, frags)) or not _right_to_left(frags):
            continue
        for k, f in enumerate(frags):
            text = logical_text(f)
            if text is not None and text != f.text:
                frags[k] = Fragment(f.glyphs, text, f.x0, f.y0, f.x1, f.y1)
    return lines


def reads_right_to_left(frags: list[Fragment]) -> bool:
    """Whether a block of ``frags`` reads from the right: most of its pieces do."""
    return bool(frags) and sum(f.rtl for f in frags) > len(frags) / 2


def _right_to_left(frags: list[Fragment]) -> bool:
    # The test lines() reads a line's fragments from the right by: most of its letters are.
    text = "".join([f.text for f in frags])
    return has_rtl(text) and len(RTL_LETTER.findall(text)) > sum(map(str.isalpha, text)) / 2


def logical_text(f: Fragment) -> str | None:
    """The text of ``f``, a piece of a right-to-left line, in reading order; None when its
    glyphs do not spell its text (cleaned or closed up after they were read)."""
    glyphs = f.glyphs
    if not glyphs or glyphs[0].rotated:
        return None
    clusters = _clusters(f)
    if clusters is None:
        return None
    seen = sorted(clusters, key=lambda c: (c.x0 + c.x1) / 2)  # left to right
    spaces = [_space_between(a, b) for a, b in zip(seen, seen[1:], strict=False)]
    units = _units(seen, spaces)
    parts: list[str] = []
    for lo, hi in reversed(units):
        if parts and spaces[hi]:
            parts.append(" ")
        if lo == hi and seen[lo].kind != _L and seen[lo].kind != _DIGIT:
            parts.append(seen[lo].text.translate(_MIRRORED))
            continue
        for k in range(lo, hi + 1):
            if k > lo and spaces[k - 1]:
                parts.append(" ")
            parts.append(seen[k].text)
    return "".join(parts)


def _clusters(f: Fragment) -> list[_Cluster] | None:
    text = f.text
    at, end = 0, len(text)
    out: list[_Cluster] = []
    strays: list[tuple[str, float]] = []  # marks drawn apart from their letter, and where
    last = None
    for g in f.glyphs:
        char = g.char
        if char.isspace():
            continue
        spaced = False
        while at < end and text[at] == " ":
            spaced, at = True, at + 1
        if not text.startswith(char, at):
            return None
        index, at = at, at + len(char)
        category = unicodedata.category(char[0])
        mark = category in ("Mn", "Me")
        ligature = last is not None and (
            abs(g.x0 - last.x0) < _SAME_BOX and abs(g.x1 - last.x1) < _SAME_BOX
        )
        if out and not spaced and (category == "Cf" or ligature or mark and _holds(
            out[-1], (g.x0 + g.x1) / 2
        )):
            out[-1].text += char
            out[-1].end = at
            continue
        if mark:
            # Drawn before its letter (Word draws a vowel sign first, pdfium may read a space
            # before it): it goes with the letter it is drawn on.
            strays.append((char, (g.x0 + g.x1) / 2))
            continue
        kind = _KINDS.get(unicodedata.bidirectional(char[0]), _NEUTRAL)
        out.append(_Cluster(char, g.x0, g.x1, g.size, index, at, spaced, kind))
        last = g
    if text[at:].strip() or not out:
        return None
    for char, middle in strays:
        base = min(out, key=lambda c: abs((c.x0 + c.x1) / 2 - middle))
        base.text += char
    return out


def _holds(cluster: _Cluster, x: float) -> bool:
    return cluster.x0 - _SAME_BOX <= x <= cluster.x1 + _SAME_BOX


def _space_between(left: _Cluster, right: _Cluster) -> bool:
    """Whether a word space parts two clusters that stand side by side: always between a
    left-to-right and a right-to-left letter (two words, whatever the writer drew between
    them: Word draws "Python من" with no space between the two); else the text says so where
    they follow each other in it too; elsewhere (the edge of a run drawn the other way) the
    gap between them does."""
    if {left.kind, right.kind} == _SCRIPTS:
        return True
    first, second = (left, right) if left.index < right.index else (right, left)
    if _follow(first, second):
        return second.spaced
    size = max(left.size, right.size, 1.0)
    return right.x0 - left.x1 > SPACE_GAP * size


def _follow(first: _Cluster, second: _Cluster) -> bool:
    return second.index == first.end + second.spaced


def _units(seen: list[_Cluster], spaces: list[bool]) -> list[tuple[int, int]]:
    """The line's clusters (left to right) as units read whole, left to right: runs of
    Latin words and figures (first and last places), and each other cluster alone."""
    units: list[tuple[int, int]] = []
    k, n = 0, len(seen)
    while k < n:
        if seen[k].kind not in (_L, _DIGIT):
            units.append((k, k))
            k += 1
            continue
        lo = hi = k
        while True:
            nxt = _next_joined(seen, spaces, hi)
            if nxt is None:
                break
            hi = nxt
        # A terminator just after a figure is its own ("5%"); one before it, at its left,
        # follows it in reading ("٪50" reads "50٪"): what Word and Pango draw.
        while (
            hi + 1 < n and seen[hi].kind == _DIGIT and seen[hi + 1].kind == _TERMINATOR
            and not spaces[hi]
        ):
            hi += 1
        units.append((lo, hi))
        k = hi + 1
    return units


def _next_joined(seen: list[_Cluster], spaces: list[bool], hi: int) -> int | None:
    """The place of the next Latin letter or digit that reads on in the same run as the
    one at ``hi``, or None. Digits join digits side by side, across one separator
    ("1403/09/19") or across a space before a group of thousands ("3 001"); anything
    bar a right-to-left letter stands between a letter and what follows it ("Word file",
    "Windows 10")."""
    n = len(seen)
    j = hi + 1
    while j < n and seen[j].kind not in (_R, _L, _DIGIT):
        j += 1
    if j >= n or seen[j].kind == _R:
        return None
    if seen[hi].kind == _L or seen[j].kind == _L:
        return j
    between = j - hi - 1
    if between == 0:
        return j if not spaces[hi] or _thousands(seen, spaces, j) else None
    if between == 1 and seen[hi + 1].kind in (_SEPARATOR, _TERMINATOR):
        return j if not spaces[hi] and not spaces[hi + 1] else None
    return None


def _thousands(seen: list[_Cluster], spaces: list[bool], j: int) -> bool:
    """Whether the digits from ``j`` on are a group of thousands: just so many, ending the
    number."""
    end = j + 1
    while end < len(seen) and seen[end].kind == _DIGIT and not spaces[end - 1]:
        end += 1
    return end - j == _THOUSANDS


def marks_on_their_letters(glyphs: list[Glyph]) -> list[Glyph]:
    """``glyphs`` (in content order) with each combining mark drawn just before the letter it
    sits on moved after that letter, where Unicode puts it, and the space pdfium reads before
    such a mark (from the jump back to it) dropped: Word draws an Arabic vowel sign before
    its letter, and read as drawn "بناءً" became "بنا ًء"."""
    if all(g.char.isascii() for g in glyphs):
        return glyphs  # (nearly all text: no mark at all)
    out: list[Glyph] = []
    k, n = 0, len(glyphs)
    while k < n:
        g = glyphs[k]
        following = glyphs[k + 1] if k + 1 < n else None
        if (
            following is not None and not g.char.isascii()
            and unicodedata.category(g.char[0]) in ("Mn", "Me")
            and not following.char.isspace()
            and _glyph_holds(following, g)
        ):
            while out and out[-1].char.isspace() and (out[-1].generated or out[-1].obj < 0):
                out.pop()
            if not (out and _glyph_holds(out[-1], g)):
                out.extend((following, g))
                k += 2
                continue
        out.append(g)
        k += 1
    return out


def _glyph_holds(letter: Glyph, mark: Glyph) -> bool:
    middle = (mark.x0 + mark.x1) / 2
    return letter.x0 - _SAME_BOX <= middle <= letter.x1 + _SAME_BOX
