"""Glyphs into fragments (runs of text on one baseline with no big gap) and lines.

A *fragment* is what a person would see as one piece of a line: words separated by ordinary
spaces. A gap wider than :data:`FRAGMENT_GAP` font sizes ends it, which is what separates
columns, table cells and tab stops. A *line* is every fragment sharing a baseline.

>>> frags = fragments(glyphs)  # doctest: +SKIP
>>> [f.text for f in frags]  # doctest: +SKIP
['Annual report', '2024']
"""

from __future__ import annotations

import operator
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from functools import partial
from types import ModuleType
from typing import Any, Generic, TypeVar, overload

from .cells import (
    GRID_MIN_CELL,
    GRID_SLACK,
    SPREAD_MIN_GAP,
    cell_grid_possible,
    cell_spaces,
    grid_cells,
)
from .glyphs import Glyph
from .limits import reached
from .patterns import BULLET
from .places import Places
from .rounding import round_to
from .spread import MARGIN, spread_below

_accelerator: ModuleType | None
try:
    # The glyph loop of fragments() in C, built by `pip install` where a C compiler exists.
    from . import _fragments as _accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _accelerator = None

#: A horizontal gap wider than this many font sizes ends a fragment (column gutter, cell).
#: Sizes are loose-box heights (about 1.2 em), so this is about 0.6 em: wider than any word
#: space of justified text, narrower than the 10 pt gutters of LaTeX two-column pages.
FRAGMENT_GAP = 0.5
#: A gap wider than this many font sizes between glyphs is a space even if none was drawn.
SPACE_GAP = 0.15
#: A space drawn after a ligature ("fi", "fl": one box read as two letters), starting this
#: many font sizes or more inside its box, the gap from it to the next glyph within
#: :data:`SET_BACK_GAP` of the fragment's usual letter gap so far, breaks no word: text
#: whose ligatures were once extracted as "fi " and set again, the space kerned away
#: ("Offi" [260] " " "cers": its advance undone), so the letters stand as a word's do.
#: (After any other glyph such a space is a kerning pair's, "f" and space in an italic, and
#: the word gap is seen in the letters' ink; tracking moves a word's space back as it moves
#: its letters, and leaves its gap wider than theirs.)
SET_BACK = 0.1
SET_BACK_GAP = 0.05
#: A space drawn between two glyphs of its text object, the next glyph starting within this
#: share of the space's width from where the space starts and no more than
#: :data:`TOUCHING` font sizes right of the glyph before (touching or kerned into it), breaks
#: no word: its advance was taken back. Ghostscript's PDF writer kerns a word so, a space and
#: a negative word spacing in place of the kerning it was given ("(Te x) Tj" at -1.25 Tw
#: draws "Text"). A word space's next glyph starts about a space's width on; an italic
#: letter's overhang brings it back to a third of it, never touching.
UNDONE_SPACE = 0.3
TOUCHING = 0.03
#: Letter gaps a fragment needs before their mean is its usual one (before, 0: one kerned
#: pair, "ff", is no usual gap).
USUAL_AFTER = 3
#: Raised letters touching a numeral ("1" "st", "3" "ème"), higher by this many of its sizes,
#: are an ordinal's indicator: one word with it, though pdfium ends a line between them.
RAISED = 0.15
#: A fragment taller than this many of its glyphs' sizes has glyphs above or below its line.
TALL_GLYPHS = 1.1
#: A brace this many times the size of the glyph before it (or after it) at least spans
#: lines: it groups a list's items, set beside their lines. (A formula's tallest brackets
#: are three times its line's size, six times the size of an index beside them.)
SPANS_LINES = 8.0
#: Braces and brackets, one glyph of which may be drawn as tall as the lines it groups.
BRACES = frozenset("{}[]()⟨⟩|⎧⎨⎩⎫⎬⎭⎡⎣⎤⎦⎛⎝⎞⎠")
#: A fragment more than this many times the height of a line's shortest joins it without
#: stretching it (its box reaches into the lines above or below).
TALLER_THAN_LINE = 1.6
#: Spread of glyph widths (standard deviation over mean) below which a run of glyphs is set
#: in a fixed-pitch face: every glyph of Courier or Consolas is equally wide, while a
#: proportional face's "i" and "m" differ several times over.
FIXED_PITCH_SPREAD = 0.1

_SYMBOL_FONT_BULLETS = str.maketrans(
    {"\uf0b7": "•", "\uf0a7": "▪", "\uf06c": "●", "\uf06e": "■", "\uf0d8": "➢", "\uf0fc": "✓",
     "\ufffe": "-", "\x02": "-"}
)
#: Any character :data:`_SYMBOL_FONT_BULLETS` turns (most text beyond ASCII has none: one
#: search finds that, where translate() looks each character up in the map).
_SYMBOL_FONT_TURNED = re.compile(
    "[" + "".join(re.escape(chr(code)) for code in _SYMBOL_FONT_BULLETS) + "]"
)
#: Where pdfium puts the codes of a symbol font (Symbol, Wingdings) that has no Unicode map.
_SYMBOL_FONT_CODES = frozenset(map(chr, range(0xF021, 0xF100)))
_size_of = operator.attrgetter("size")
_font_of = operator.attrgetter("font")
_char_of = operator.attrgetter("char")
_x0_of = operator.attrgetter("x0")
_obj_of = operator.attrgetter("obj")
_y0_of, _y1_of = operator.attrgetter("y0"), operator.attrgetter("y1")
#: A right-to-left letter: Hebrew, Arabic and the other scripts of U+0590-U+08FF, and the
#: Hebrew and Arabic presentation forms.
RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds a right-to-left letter. (ASCII text, most of it, holds none:
    isascii() reads a flag of the string, where the search would scan every character.)"""
    return not text.isascii() and RTL_LETTER.search(text) is not None


_T = TypeVar("_T")


class _computed_once(Generic[_T]):  # noqa: N801 - used as a decorator, like cached_property
    """A property computed on first use and then kept in the instance, as
    ``functools.cached_property`` does, without the lock Python 3.11 takes on every first use
    (a third of the cost for values as small as a fragment's size; a fragment is built and
    read by one thread, and a value computed twice would be the same). A value may also be
    set beforehand, as :func:`fragments` has the C loop do for the fragments it hands out:
    with no setter, the descriptor leaves it to the instance, and reads it from there."""

    def __init__(self, compute: Callable[[Any], _T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _computed_once[_T]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> Any:
        if obj is None:
            return self
        value = self.compute(obj)
        # Found before this descriptor from now on. Set as an attribute, not through
        # ``obj.__dict__``: reading that makes the instance keep its attributes in a dict of
        # its own, and every attribute read of such a fragment (its box, everywhere) then
        # misses the interpreter's fast path for instances of its class.
        setattr(obj, self.name, value)
        return value


#: A line's running text holds this many small letters at least (a word's worth).
RUNNING_LETTERS = 3
#: Letters whose sizes differ by at most this share are of one size (as the block loop
#: measures two lines' sizes).
RUN_SIZE_STEP = 0.15
#: A font's glyphs in a line show its pitch when they hold this many letters at least …
CODE_LETTERS = 4
#: … and this many different characters (in many a proportional face most small letters,
#: "nuhobd", are equally wide).
CODE_CHARACTERS = 6


def large_code_fonts(glyphs: list[Glyph], *, smaller_too: bool = False) -> frozenset[str]:
    """The fonts of a line's code set inline that measure larger than its running text: fonts
    of fixed pitch (every glyph equally wide, :data:`FIXED_PITCH_SPREAD`; telling takes
    :data:`CODE_LETTERS` letters and :data:`CODE_CHARACTERS` characters) whose glyphs'
    median size is more than :data:`RUN_SIZE_STEP` above that of the letters beside them in
    proportional fonts. A typewriter face's box may be taller than the running face's at one
    point size (DejaVu Sans Mono's by half beside Liberation Serif's), so a line holding
    "/etc/passwd" measures larger than its paragraph's other lines, though it is set in
    their size. Empty when every font of the line is fixed pitch (a listing's line).
    ``smaller_too``: also those whose median size is as far below (a word processor sets
    inline code in a smaller typewriter face: LibreOffice's HTML import sets ``<code>`` so,
    and a line mostly of code then measures smaller than its paragraph's others)."""
    if len(set(map(_font_of, glyphs))) < 2:
        return frozenset()  # (most lines: one font, no question; told at C speed)
    fonts: dict[str, list[Glyph]] = {}
    for g in glyphs:
        if not g.char.isspace():
            fonts.setdefault(g.font, []).append(g)
    if len(fonts) < 2:
        return frozenset()  # (most lines: one font, no question)
    if not any(_may_show_pitch(run) for run in fonts.values()):
        return frozenset()  # (most lines: no font long enough to tell; no widths measured)
    widths: dict[str, list[float]] = {}
    for g, width in zip(glyphs, set_widths(glyphs), strict=True):
        if not g.char.isspace():
            widths.setdefault(g.font, []).append(width)
    fixed = fixed_pitch_fonts(fonts, widths)
    if not fixed:
        return fixed
    prose = [g.size for font, run in fonts.items() if font not in fixed
             for g in run if g.char.isalpha()]
    if not prose:
        return frozenset()
    running = quick_median(prose)
    largest = (1 + RUN_SIZE_STEP) * running
    smallest = (1 - RUN_SIZE_STEP) * running if smaller_too else 0.0
    return frozenset(
        font for font in fixed
        if not smallest <= quick_median([g.size for g in fonts[font]]) <= largest
    )


def fixed_pitch_fonts(
    fonts: dict[str, list[Glyph]], set_as: dict[str, list[float]] | None = None
) -> frozenset[str]:
    """Of ``fonts`` (each font's glyphs, spaces left out), those that show a fixed pitch:
    every glyph equally wide (:data:`FIXED_PITCH_SPREAD`), over :data:`CODE_LETTERS`
    letters and :data:`CODE_CHARACTERS` characters at least. ``set_as``: each font's glyphs'
    widths as set in their line (:func:`set_widths`), where known; else their boxes'."""
    return frozenset(
        font for font, run in fonts.items()
        if _may_show_pitch(run)
        and (widths := set_as[font] if set_as else [g.x1 - g.x0 for g in run])
        and min(widths) > 0
        and spread_below(widths, FIXED_PITCH_SPREAD)
    )


def _may_show_pitch(run: list[Glyph]) -> bool:
    """Whether a font's glyphs in a line (spaces left out) are enough to tell its pitch:
    :data:`CODE_LETTERS` letters and :data:`CODE_CHARACTERS` characters at least."""
    if len(run) < CODE_CHARACTERS:
        return False
    chars = list(map(_char_of, run))  # (attrgetter and str methods: at C speed)
    return (
        sum(map(str.isalpha, chars)) >= CODE_LETTERS and len(set(chars)) >= CODE_CHARACTERS
    )


def set_widths(glyphs: Sequence[Glyph]) -> list[float]:
    """Each glyph's width as set in its line (``glyphs`` in reading order): its box's, cut
    short where the glyph after it starts inside it. A slanted glyph's box overhangs the
    next one by its slant (a typewriter face slanted for emphasis, "foo.bar", its boxes
    half as wide again as its upright glyphs'), while the next glyph starts one pitch on.
    The last of a slanted word, which the one before overhangs as far, is as wide as that
    one (a word space may start its next glyph inside it still)."""
    out = [g.x1 - g.x0 for g in glyphs]
    slanted: list[int] = []  # (glyphs overhanging the next by a slant: few, most lines none)
    for k in range(len(glyphs) - 1):
        g, after = glyphs[k], glyphs[k + 1]
        if g.x0 < after.x0 < g.x1 and abs(after.y0 - g.y0) < 0.5 * (g.y1 - g.y0):
            out[k] = after.x0 - g.x0
            if g.x1 - after.x0 > SLANT_OVERHANG * out[k]:
                slanted.append(k)
    for k in range(1, len(glyphs)):
        before, g = glyphs[k - 1], glyphs[k]
        if before.font == g.font and before.x1 - g.x0 > SLANT_OVERHANG * out[k - 1] > 0:
            out[k] = min(out[k], out[k - 1])
    for k in slanted:
        if k == 0:
            continue
        before, g, after = glyphs[k - 1], glyphs[k], glyphs[k + 1]
        if (before.font == g.font and before.x0 < g.x0 < before.x1 <= after.x0
                and before.x1 - g.x0 <= SLANT_OVERHANG * out[k - 1]
                and g.x1 - after.x0 > SLANT_OVERHANG * out[k] > 0):
            # A slanted glyph after an upright one of its face: its box starts left of its
            # origin, by as much as its foot leans, so the upright one is cut short and it
            # is set wide by as much; the two steps from the upright one's origin to the
            # next glyph's are the two glyphs' widths, shared out evenly.
            out[k - 1] = out[k] = (after.x0 - before.x0) / 2
    return out


#: A glyph whose box reaches this share of its width as set into the next one's is slanted
#: (a kerned pair overlaps by a few hundredths of an em).
SLANT_OVERHANG = 0.25


def quick_median(values: list[float]) -> float:
    """``statistics.median`` of a non-empty list, its arithmetic without its per-call cost."""
    ordered = sorted(values)
    n = len(ordered)
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def comes_back(keys: Iterable[int]) -> bool:
    """Whether ``keys``, read in order, leave one (not negative: negatives are skipped) for
    another and come back to it: an object's glyphs read on both sides of another's."""
    seen: set[int] = set()
    last = -1
    for key in keys:
        if key < 0 or key == last:
            continue
        if key in seen:
            return True
        seen.add(key)
        last = key
    return False


@dataclass
class Fragment:
    glyphs: list[Glyph] = field(default_factory=list)
    text: str = ""
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    #: Whether the content drew a space (a page object's space character, not one pdfium
    #: made up) right before the fragment's first glyph, after any line end pdfium saw;
    #: and right after its last glyph, before that line end. A line broken between words
    #: ends in one where the typesetter draws the space it broke at (a word processor);
    #: a word broken between two of its letters (Korean) ends in none. None: not known (a
    #: fragment made otherwise than from a page's glyphs). A piece merged from two on one
    #: line takes the left one's ``space_before`` and the right one's ``space_after``.
    space_before: bool | None = None
    space_after: bool | None = None
    #: The text parts its first word from what the glyphs draw right after it, with no
    #: space between: a note's raised mark set against its first word ("1 The", drawn
    #: "1The"; see :mod:`.footnotes`). A class attribute an instance sets, not a field: the
    #: C loops make fragments by setting exactly the fields (see :func:`assigned_fields`).
    mark_apart = False

    # Kept: the fragment's median (size) and its block's (Block.size, over all its fragments'
    # glyphs, in their order) are both taken from them, and a block's is asked again whenever
    # a fragment joins it.
    @_computed_once
    def sizes(self) -> list[float]:
        """The glyphs' sizes, in the glyphs' order."""
        return list(map(_size_of, self.glyphs))

    @_computed_once
    def size(self) -> float:
        sizes = self.sizes
        return quick_median(sizes) if sizes else 0.0

    # Cached (as rtl is, from the same text, which no longer changes once fragments() has
    # returned the fragment): the column search asks it of the same fragments for every part
    # of the page it looks at.
    @_computed_once
    def words(self) -> int:
        """:func:`word_count` of the text."""
        return word_count(self.text)

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    # Cached: asked for many times per fragment, and a fragment's glyphs no longer change
    # once fragments() or lines() has returned it.
    @_computed_once
    def letter_counts(self) -> tuple[int, int]:
        """:func:`letter_boldness` of the glyphs (a block's boldness sums its fragments')."""
        return letter_boldness(self.glyphs)

    @_computed_once
    def bold(self) -> bool:
        letters, bold = self.letter_counts
        return letters > 0 and bold > letters / 2

    @_computed_once
    def after_lead(self) -> Fragment | None:
        """The regular text the fragment ends in after a run-in lead in bold that opens it
        ("FOR FURTHER INFORMATION CONTACT: Ian", "Note 1: Guidance for"), as a fragment of
        its own (its glyphs from the first regular letter on): the face its paragraph goes on
        in on the lines below, though the lead may make most of the line bold, and in a size
        of its own (small capitals). None where the bold letters are no leading run, or the
        regular ones hold no letter. A word set in a face of its own inside that text (a
        program's name in a typewriter face, "Sample program. ``primes`` is") is no face the
        paragraph goes on in: the text is taken from the last word in another font than the
        one the line ends in, when that font's run holds a letter (not a note's mark).
        (Asked only where two lines' weights or sizes differ.)"""
        glyphs = self.glyphs
        letters = [k for k, g in enumerate(glyphs) if g.char.isalnum()]
        if not letters or not glyphs[letters[0]].bold or glyphs[letters[-1]].bold:
            return None
        start = next(k for k in letters if not glyphs[k].bold)
        tail = glyphs[start:]
        if any(g.bold for g in tail if g.char.isalnum()) or not any(
            g.char.isalpha() for g in tail
        ):
            return None
        tail = _ending_run(tail)
        return Fragment(
            tail, "".join(g.char for g in tail), min(g.x0 for g in tail), self.y0,
            max(g.x1 for g in tail), self.y1,
        )

    # Cached: block building asks it of a fragment as the line under one line and again as
    # the line over the next (and of both lines of every pair in another size).
    @_computed_once
    def face(self) -> str:
        """The font most of the fragment's letters (and digits) are set in, "" with none."""
        fonts = [g.font for g in self.glyphs if g.char.isalnum()]
        if not fonts:
            return ""
        first = fonts[0]
        # (Most fragments are set in one font: counted only where fonts mix, ties going to
        # the font seen first, as Counter.most_common gives them.)
        if fonts.count(first) == len(fonts):
            return first
        face: str = Counter(fonts).most_common(1)[0][0]
        return face

    @_computed_once
    def running_face(self) -> tuple[float, bool, str, bool, float] | None:
        """The face of the fragment's running text: the median size of its small letters,
        whether most of them are bold, the font most are set in; whether other letters are
        set in another face (a run inside the line: small capitals, "in the FOR FURTHER
        INFORMATION", a word in bold or in another font), none of them larger; and the
        median bottom of the small letters (where the running text stands, which a run of
        tall glyphs, a formula's, does not move as it moves the fragment's box). The face a
        paragraph's lines share though such a run may make most of one line. None with
        fewer than :data:`RUNNING_LETTERS` small letters (a line of capitals, a script
        without case), or where a letter is set larger than the running text (a heading's
        words). (Asked only where two lines' weights or sizes differ.)"""
        glyphs = self.glyphs
        small = [g for g in glyphs if g.char.islower()]
        if len(small) < RUNNING_LETTERS:
            return None
        n = len(small)
        size = quick_median([g.size for g in small])
        # A letter larger than the running text rules a running face out: looked for first,
        # as it ends the question (a heading's line), before the counts below are made.
        largest = (1 + RUN_SIZE_STEP) * size
        letters = [g for g in glyphs if g.char.isalpha()]
        if any(g.size > largest for g in letters):
            return None
        bold = 2 * sum(g.bold for g in small) > n
        first = small[0].font
        # (Most lines' small letters are all in one font, which is then the most common: the
        # count, whose ties go to the font seen first, is made only where fonts mix.)
        font = first if all(g.font == first for g in small) else Counter(
            g.font for g in small
        ).most_common(1)[0][0]
        step = RUN_SIZE_STEP * size
        mixed = any(
            g.bold != bold or g.font != font or abs(g.size - size) > step for g in letters
        )
        bottom = quick_median([g.y0 for g in small])
        return size, bold, font, mixed, bottom

    @property
    def objects(self) -> list[int]:
        return [g.obj for g in self.glyphs if g.obj >= 0]

    # Cached: a block's provenance gathers its fragments' objects, and a fragment's glyphs no
    # longer change once fragments() or lines() has returned it.
    @_computed_once
    def drawn_objects(self) -> list[int]:
        """The glyphs' page objects (-1: generated by pdfium), each once, in the order they
        first appear: a fragment's many glyphs come from a few objects."""
        return list(dict.fromkeys(map(_obj_of, self.glyphs)))

    # Cached, and set in C with drawn_objects: a block's provenance asks it of every fragment.
    @_computed_once
    def objects_interleaved(self) -> bool:
        """Whether the glyphs, read in order, leave a page object (not -1) for another and come
        back to it: "NEEL KASHKARI 247" drawn by one object, the "REP" between by another.
        Tagged whole in drawing order, such objects read otherwise than the fragment."""
        if len([obj for obj in self.drawn_objects if obj >= 0]) < 2:
            return False  # (most fragments: one object, no glyph looked at again)
        return comes_back(map(_obj_of, self.glyphs))

    # Cached: the column search asks it of the same fragments for every candidate split
    # (whether a side is a program listing), and table finding again.
    # Cached: every grouping into lines asks it of each fragment (the page's, a ruled table's,
    # each column region's), and a fragment's box and glyphs no longer change.
    @_computed_once
    def band(self) -> tuple[float, float]:
        """:func:`band`."""
        return _band_of(self)

    @_computed_once
    def fixed_pitch(self) -> bool | None:
        """Whether the fragment is set in a fixed-pitch face (None: too few glyphs to tell)."""
        if _accelerator is not None and isinstance(self.glyphs, list):
            # The same answer in C (a test holds the two equal), but for values it leaves to
            # Python: table finding and the column search ask it of many fragments.
            found = _accelerator.fixed_pitch(self.glyphs, FIXED_PITCH_SPREAD, MARGIN)
            if found is not NotImplemented:
                answer: bool | None = found
                return answer
        widths = [g.x1 - g.x0 for g in self.glyphs if not g.char.isspace()]
        if len(widths) < 4 or statistics.fmean(widths) <= 0:
            return None
        return spread_below(widths, FIXED_PITCH_SPREAD)

    # Cached: building blocks asks it of a fragment as the line under one line and again as
    # the line over the next.
    @_computed_once
    def prose_face(self) -> tuple[float, str, bool] | None:
        """The size, font and weight (bold: most letters) of the glyphs outside code set
        inline in a size of its own (:func:`large_code_fonts`, larger or smaller), None
        where the fragment holds no such code."""
        code = large_code_fonts(self.glyphs, smaller_too=True)
        if not code:
            return None
        prose = [g for g in self.glyphs if g.font not in code]
        letters = [g for g in prose if g.char.isalnum()]
        return (
            quick_median([g.size for g in prose]),
            Counter(g.font for g in letters).most_common(1)[0][0],
            2 * sum(g.bold for g in letters) > len(letters),
        )

    @_computed_once
    def rtl(self) -> bool:
        # (Most text has no right-to-left letter: one search finds none, with no list made.)
        return has_rtl(self.text) and (
            len(RTL_LETTER.findall(self.text)) > len(self.text) / 3
        )


def word_count(text: str) -> int:
    """Words with letters in them: leader dots and figures are not running text."""
    if _accelerator is not None:
        # The same count in C (a test holds the two equal): asked of every fragment and of
        # many blocks' texts, where a Python loop over a non-ASCII text's tokens was dear.
        count: int = _accelerator.word_count(text)
        return count
    if text.isascii():
        # (Most text, counted twice as fast by one search: an ASCII letter is what isalpha()
        # finds in ASCII, and a match runs from a word's first letter to the word's end, so
        # each word with letters matches once. \S is what split() does not split at.)
        return len(_FROM_FIRST_LETTER.findall(text))
    # any(map(...)) tests a token's characters without a Python-level generator (hot: asked
    # for every fragment at each level of the column search).
    return sum(any(map(str.isalpha, token)) for token in text.split())


_FROM_FIRST_LETTER = re.compile(r"[A-Za-z]\S*")


def _ending_run(glyphs: list[Glyph]) -> list[Glyph]:
    """``glyphs`` from the last letter in another font than the last letter's on: the run of
    text they end in, in one font (all of them when that run holds no letter, or is all)."""
    fonts = [g.font for g in glyphs if g.char.isalpha()]
    if not fonts or all(font == fonts[-1] for font in fonts):
        return glyphs
    last_other = max(k for k, g in enumerate(glyphs) if g.char.isalpha() and g.font != fonts[-1])
    return glyphs[last_other + 1:]


def letter_boldness(glyphs: list[Glyph]) -> tuple[int, int]:
    """How many of ``glyphs`` are letters or digits, and how many of those are bold."""
    if _accelerator is not None:
        counts: tuple[int, int] = _accelerator.letter_boldness(glyphs)
        return counts
    letters = [g.bold for g in glyphs if g.char.isalnum()]
    return len(letters), sum(letters)


#: A combining diacritical mark (U+0300-U+036F).
_COMBINING_MARK = re.compile("[\u0300-\u036f]")


def clean(text: str) -> str:
    if not text.isascii() or "\x02" in text:
        # (Every other character the map turns is outside ASCII; isascii() is a flag read.)
        if _SYMBOL_FONT_TURNED.search(text):
            text = text.translate(_SYMBOL_FONT_BULLETS)
        if _COMBINING_MARK.search(text):
            # A letter and a mark drawn apart (see .accents): one character where Unicode
            # has it ("o" + U+0301 -> "ó"), as a reader and a search expect.
            text = unicodedata.normalize("NFC", text)
    if text[:1] in _SYMBOL_FONT_CODES and text[1:2] in ("", " "):
        # Another symbol font's character opening a line, set apart from what follows: a
        # bullet of a font the map above does not know (Wingdings 2's, a slide's bullets).
        text = "•" + text[1:]
    # Printable text (nearly all of it) has no control, surrogate or private-use character:
    # only the rest needs the character-by-character check.
    if text.isprintable():
        # Its only white space is the ASCII space (every other kind is unprintable): without
        # one leading, trailing or doubled, splitting and joining would give it back as it is.
        if "  " not in text and text[:1] != " " and text[-1:] != " ":
            return text
        return " ".join(text.split())
    kept = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cs", "Co"))
    return " ".join(kept.split())


def fragments(glyphs: list[Glyph], places: Places[Glyph] | None = None) -> list[Fragment]:
    """Runs of glyphs in content order, split at line changes and wide gaps. ``places``: the
    index of ``glyphs`` by identity, where the caller shares one (see :class:`.places.Places`)."""
    if places is None or places.items is not glyphs:
        places = Places(glyphs)
    if _accelerator is not None:
        out: list[Fragment] = _accelerator.fragments(
            glyphs, Fragment, FRAGMENT_GAP, SPACE_GAP, SET_BACK, SET_BACK_GAP, USUAL_AFTER,
            RAISED, SPANS_LINES, UNDONE_SPACE, TOUCHING, BRACES, _FRAGMENT_FIELDS,
        )
    else:
        out = _python_fragments(glyphs)
    # (Most fragments' text is printable ASCII with single spaces and no letters spaced
    # apart: the C loop picks out the others, the only ones the loop below changes.)
    looked_at = _accelerator.unplain_texts(out) if _accelerator is not None else range(len(out))
    for k in looked_at:
        fragment = out[k]
        text = fragment.text = clean(fragment.text)
        if " " in text and _SPACED_LETTERS.search(text):
            positions = places.at()  # (a rare fragment: the page's glyphs are indexed once)
            fragment.text = _without_glyph_line_ends(fragment, glyphs, positions)
            if _SPACED_LETTERS.search(fragment.text):
                fragment.text = _close_letter_spacing(fragment, glyphs, positions)
    # (Few fragments have a word of one or two letters: only their lines are looked at.)
    broken = [f for f in out if " " in f.text and _SHORT_WORD.search(f.text)]
    if broken and _accelerator is not None:
        # (Nearly all of them are prose with a short word, which _close_cells leaves as it
        # is: the C loop drops those that cannot be code set in cells, at C speed.)
        broken = _accelerator.cell_candidates(
            broken, GRID_MIN_CELL, GRID_SLACK, SPREAD_MIN_GAP
        )
    if broken:
        _close_cells(out, broken, places)
    kept = [f for f in out if f.text]
    if _accelerator is not None:
        # What each fragment would compute once from its glyphs on first use (sizes, size,
        # band, letter_counts, bold, drawn_objects), worked out in C now: nearly every
        # fragment is asked most of them, and a Python call each cost more than the loop that
        # made it. Safe: the glyphs no longer change, and a test holds the values to the
        # properties'.
        _accelerator.glyph_facts(kept, TALL_GLYPHS)
        # The same for what the finished text says (words, rtl).
        _accelerator.text_facts(kept)
    return kept


#: A word of one or two letters: a word of code set in cells, broken apart, leaves one
#: ("f unc", "f u nc", "i nt"). (A cheap test, so that most fragments are not looked at.)
_SHORT_WORD = re.compile(r"(?<!\S)\S{1,2}(?!\S)")


def _close_cells(out: list[Fragment], broken: list[Fragment], places: Places[Glyph]) -> None:
    """Take the spaces inside words of code set in character cells out of the texts of
    ``broken`` (some of ``out``): :func:`.cells.cell_spaces`, with the grid of each one's line
    (the fragments of ``out`` on its band: a blank cell ends a fragment, so one word of code
    is too few glyphs to show a grid). ``places``: the page's glyph stream, indexed."""
    lines: dict[tuple[float, float], list[Fragment]] | None = None
    grids: dict[tuple[float, float], dict[int, int] | None] = {}
    for fragment in broken:
        glyphs = fragment.glyphs
        text = fragment.text
        chars = "".join([g.char for g in glyphs])
        if len(chars) != len(glyphs) or text.replace(" ", "") != chars:
            continue  # clean() changed a character: the text no longer maps onto the glyphs
        cells = None
        if len(glyphs) >= 2 and cell_grid_possible(glyphs):
            if lines is None:
                lines = {}
                for f in out:
                    lines.setdefault(_band_key(f), []).append(f)
            key = _band_key(fragment)
            if key not in grids:
                grids[key] = grid_cells(
                    [g for f in lines[key] for g in f.glyphs if not g.char.isspace()]
                )
            cells = grids[key]
        singles = _single_glyphs(text)
        may_stay = cell_spaces(glyphs, singles, cells)
        if may_stay is None:
            continue
        # (The page's glyphs are indexed once, for the few that get here.)
        fragment.text = _without_cell_spaces(fragment, may_stay, places)


def _band_key(f: Fragment) -> tuple[float, float]:
    return round_to(f.y0, 1), round_to(f.y1, 1)


def _single_glyphs(text: str) -> list[int]:
    """The indices (among the text's characters other than spaces) of the letters and digits
    standing alone between spaces."""
    out = []
    k = 0
    for token in text.split(" "):
        if len(token) == 1 and token.isalnum():
            out.append(k)
        k += len(token)
    return out


def _without_cell_spaces(
    fragment: Fragment, may_stay: list[bool], places: Places[Glyph]
) -> str:
    """The text of ``fragment`` without the spaces ``may_stay`` says may not stay, but for
    spaces a page object drew (the author typed them); ``places``: the page's glyph stream,
    indexed."""
    stream, positions = places.items, places.at()
    glyphs = fragment.glyphs
    text = fragment.text
    out = [text[0]]
    k = 0  # the glyph the text so far ends with
    for i in range(1, len(text)):
        ch = text[i]
        if ch == " ":
            continue
        k += 1
        if text[i - 1] == " ":
            a, b = glyphs[k - 1], glyphs[k]
            typed = any(
                not g.generated and g.obj >= 0 and g.char == " "
                for g in stream[positions[id(a)] + 1:positions[id(b)]]
            )
            if may_stay[k - 1] or typed:
                out.append(" ")
        out.append(ch)
    return "".join(out)


#: Four letters at least, each standing alone between spaces: a candidate for a word set
#: with wide tracking ("C H A P T E R"). (Fewer are too often real one-letter words.)
_SPACED_LETTERS = re.compile(r"(?<!\S)(?:[^\W\d_] ){3,}[^\W\d_](?!\S)")
#: The even gap between the letters of a tracked word is at most this many font sizes
#: (loose-box heights): tracking opens a word up by a fifth of an em or so; a run of
#: one-letter words is set with ordinary word spaces, wider.
LETTER_SPACING_GAP = 0.25
#: The letter gaps of a tracked word exceed the usual one by at most this many font sizes:
#: tracking adds the same amount after every letter, and the rest is kerning and the
#: letters' own side bearings (an italic's overhang), a few hundredths of an em.
LETTER_SPACING_EVEN = 0.1
#: The letters of a tracked word are one size, to this share of it (rounding). Its word
#: gaps are wider than its letter gap by a space at least (the word space is tracked too):
#: :data:`SPACE_GAP` font sizes.
LETTER_SPACING_SLACK = 0.02


#: Glyphs in a row, each parted from the next only by a line end pdfium reported and
#: touching it, that are one word set a glyph to a page object (see
#: :func:`_without_glyph_line_ends`): fewer could be one-letter words ("à a").
GLYPH_LINE_ENDS = 4


def _without_glyph_line_ends(
    fragment: Fragment, stream: list[Glyph], positions: dict[int, int]
) -> str:
    """The text of ``fragment`` without the spaces pdfium's line ends put inside words set a
    glyph to a page object: Chromium places each letter of some lines on its own (far down a
    long page, where coordinates are large) and pdfium then ends a "line" after every
    letter, so the words would read "t h e s t a c k". Taken out only inside a run of
    :data:`GLYPH_LINE_ENDS` glyphs at least, each touching the next (a letter gap or a
    kerned pair's, under :data:`SPACE_GAP` font sizes) with only such a line end between:
    a typed space, a wider gap, or a glyph drawn with the next one ends the run. One line
    end between touching words ("de joindre", set tight) is a word space."""
    glyphs = fragment.glyphs
    text = fragment.text
    if text.replace(" ", "") != "".join(g.char for g in glyphs):
        return text  # (clean() changed a character: the text no longer maps onto the glyphs)
    starts = [i for i, ch in enumerate(text) if ch != " "]
    inside = []  # for each gap between glyphs: only a line end, the glyphs touching
    for a, b in zip(glyphs, glyphs[1:], strict=False):
        after, at = positions[id(a)] + 1, positions[id(b)]
        if at <= after:
            inside.append(False)  # (nothing between the two in the stream: most gaps)
            continue
        between = stream[after:at]
        size = max(a.size, b.size, 1.0)
        inside.append(
            abs(b.x0 - a.x1) <= SPACE_GAP * size and b.x0 > a.x0
            and all(g.char.isspace() and g.obj < 0 and not g.generated for g in between)
        )
    out = [text[:starts[0] + 1]] if starts else [text]
    k = 0
    while k < len(inside):
        end = k
        while end < len(inside) and inside[end]:
            end += 1
        joined = end - k + 1 >= GLYPH_LINE_ENDS
        for j in range(k, max(end, k + 1)):
            if j >= len(inside):
                break
            if joined and inside[j]:
                out.append(text[starts[j + 1]])
            else:
                out.append(text[starts[j] + 1:starts[j + 1] + 1])
        k = max(end, k + 1)
    if starts:
        out.append(text[starts[-1] + 1:])
    return "".join(out)


def _close_letter_spacing(
    fragment: Fragment, stream: list[Glyph], positions: dict[int, int]
) -> str:
    """The text of ``fragment`` with each run of letters set with wide tracking read as
    words ("C H A P T E R" as "CHAPTER"): pdfium reports a space in every gap, so a screen
    reader would spell the word out. Runs the checks of :func:`_tracked_words` do not take
    as tracking keep their spaces."""
    glyphs = fragment.glyphs
    text = fragment.text
    # Letters of the text and glyphs of the fragment correspond one for one, unless clean()
    # dropped or turned a character: then leave the text as it is.
    if text.replace(" ", "") != "".join(g.char for g in glyphs):
        return text
    starts = [i for i, ch in enumerate(text) if ch != " "]  # text offset of each glyph
    at = {offset: k for k, offset in enumerate(starts)}

    def rejoined(match: re.Match[str]) -> str:
        first, last = at[match.start()], at[match.end() - 1]
        before = glyphs[first - 1] if first > 0 else None
        after = glyphs[last + 1] if last + 1 < len(glyphs) else None
        words = _tracked_words(glyphs[first:last + 1], before, after, stream, positions)
        return match.group() if words is None else " ".join(words)

    return _SPACED_LETTERS.sub(rejoined, text)


def _tracked_words(
    letters: list[Glyph], before: Glyph | None, after: Glyph | None,
    stream: list[Glyph], positions: dict[int, int],
) -> list[str] | None:
    """The words that ``letters`` (one-letter words in a fragment, left to right) spell when
    they are one face set with even, wide tracking; None when they are not: letters of
    different faces or sizes, letters of a script without case (Thai, CJK, Arabic set their
    letters apart in other ways), a space the content drew between two of them (the author
    typed it), gaps uneven or as wide as the gaps to the words beside them (one-letter words
    or variables "x y z w" set with ordinary word spaces)."""
    head = letters[0]
    size = max(head.size, 1.0)
    if any(
        not (g.char.isupper() or g.char.islower()) or g.rotated or g.font != head.font
        or abs(g.size - head.size) > LETTER_SPACING_SLACK * size
        for g in letters
    ):
        return None
    gaps = [b.x0 - a.x1 for a, b in zip(letters, letters[1:], strict=False)]
    # The letter gap is the usual one (a word has more letter gaps than it has word gaps
    # after it); a kerned pair ("TA") may stand closer, which is still a letter gap.
    letter_gap = sorted(gaps)[(len(gaps) - 1) // 2]
    if min(gaps) <= 0 or letter_gap > LETTER_SPACING_GAP * size:
        return None
    even = letter_gap + LETTER_SPACING_EVEN * size
    word_gap = letter_gap + SPACE_GAP * size
    if any(even < gap < word_gap for gap in gaps):
        return None  # neither a letter gap nor a word gap: not even tracking
    for a, b in ((before, head), (letters[-1], after)):
        # (A neighbour overlapping the run or behind it is not beside it on the line: a
        # tall numeral set over the run's line, pulled into its fragment.)
        if a is not None and b is not None and 0 <= b.x0 - a.x1 < word_gap:
            return None  # the words beside are as close: ordinary word spaces
    for a, b, gap in zip(letters, letters[1:], gaps, strict=False):
        if gap < word_gap and any(
            not g.generated and g.obj >= 0 and g.char == " "
            for g in stream[positions[id(a)] + 1:positions[id(b)]]
        ):
            return None  # a space typed between letters: the author's text
    words = [head.char]
    for gap, g in zip(gaps, letters[1:], strict=True):
        if gap >= word_gap:
            words.append(g.char)
        else:
            words[-1] += g.char
    if all(len(w) == 1 for w in words):
        return None
    return words


def _python_fragments(glyphs: list[Glyph]) -> list[Fragment]:
    """The fragments with their raw text; ``_fragments.c`` does the same in C (keep the two
    in step: a test compares them)."""
    # The hottest loop of the analysis (every character of the document passes here once):
    # the current fragment's box and text are kept in locals and written back when it ends.
    out: list[Fragment] = []
    current: Fragment | None = None
    parts: list[str] = []
    x0 = y0 = x1 = y1 = 0.0
    last: Glyph | None = None
    space = False
    # Where the last of the spaces since the last glyph starts, whether that glyph ends a
    # ligature, and the sum and count of the current fragment's letter gaps (see SET_BACK).
    space_x0 = 0.0
    # The space since the last glyph, when it is one alone, drawn (UNDONE_SPACE).
    drawn_space: Glyph | None = None
    after_ligature = False
    gaps = 0.0
    letters = 0
    # Whether every space since the last glyph is one pdfium put at a line end it saw (drawn
    # by no page object).
    line_end = False

    # Whether a drawn space (no space pdfium made up) came since the last glyph before any
    # line end pdfium saw (it ends that glyph's line), and since the last such line end (it
    # opens the next glyph's); whether such a line end came (see Fragment.space_before).
    drawn_after = drawn_before = past_line_end = False

    def close() -> None:
        if current is not None:
            current.text = "".join(parts)
            current.x0, current.y0, current.x1, current.y1 = x0, y0, x1, y1
            if drawn_after:
                current.space_after = True

    for g in glyphs:
        char = g.char
        if char.isspace():
            drawn_space = g if not space and g.obj >= 0 and not g.generated else None
            space_x0 = g.x0 if not space or g.x0 > space_x0 else space_x0
            line_end = (line_end or not space) and g.obj < 0
            space = True
            if g.obj < 0:
                past_line_end = True
                drawn_before = False
            elif not g.generated:
                drawn_after = drawn_after or not past_line_end
                drawn_before = True
            continue
        gy0, gy1 = g.y0, g.y1
        if gy1 - gy0 <= 0 and current is not None:
            continue
        if g.rotated:
            # Rotated text: pdfium's boxes stay upright, so follow content order instead.
            if (
                current is not None and last is not None and last.rotated
                and abs(g.x0 - last.x0) + abs(gy0 - last.y0) < 3 * max(g.size, last.size, 1.0)
            ):
                if space:
                    parts.append(" ")
                current.glyphs.append(g)
                parts.append(char)
                x0, x1 = min(x0, g.x0), max(x1, g.x1)
                y0, y1 = min(y0, gy0), max(y1, gy1)
            else:
                close()
                current = Fragment([g], "", g.x0, gy0, g.x1, gy1, drawn_before, False)
                out.append(current)
                parts = [char]
                x0, y0, x1, y1 = g.x0, gy0, g.x1, gy1
            last = g
            space = False
            drawn_after = drawn_before = past_line_end = False
            continue
        if current is not None and last is not None and last.rotated:
            close()
            current = None
        # The conditional expressions below are min() and max() spelled out (same operands,
        # same result, ties and all): builtin calls cost more than the rest of the test.
        if current is not None and last is not None and (
            (gy1 if gy1 < y1 else y1) - (gy0 if gy0 > y0 else y0)
            > 0.5 * (gy1 - gy0 if gy1 - gy0 < y1 - y0 else y1 - y0)
        ) and not (
            # A brace as tall as many lines stands beside them, on none: the glyphs after
            # it (or before it) are of the line they stand on. (Sizes under 1 counted as 1,
            # as the gaps below count them.)
            (g.size > SPANS_LINES * (last.size if last.size > 1.0 else 1.0)
             and g.char in BRACES)
            or (last.size > SPANS_LINES * (g.size if g.size > 1.0 else 1.0)
                and last.char in BRACES)
        ):
            gx0, gx1 = g.x0, g.x1
            gap = gx0 - last.x1
            size = g.size
            if last.size > size:
                size = last.size
            if size < 1.0:
                size = 1.0
            # A ligature's glyphs ("fi") share one box: the second starts where the first did.
            ligature = abs(gx0 - last.x0) < 0.5 and abs(gx1 - last.x1) < 0.5
            if (
                # (or kerned far back into a glyph whose box is wider than its advance, as a
                # script face's swashes are, yet right of where that glyph starts)
                (-0.5 * size <= gap or gx0 > last.x0) and gap <= FRAGMENT_GAP * size
            ) or ligature or (
                # right-to-left runs advance leftwards
                -FRAGMENT_GAP * size <= last.x0 - gx1 <= FRAGMENT_GAP * size and gap < 0
            ):
                if (
                    space and after_ligature and gx0 > last.x0
                    and space_x0 < last.x1 - SET_BACK * size
                    and abs(gap - (gaps / letters if letters >= USUAL_AFTER else 0.0))
                    <= SET_BACK_GAP * size
                ):
                    space = False  # set back into the glyph before, its advance undone
                if (
                    space and drawn_space is not None and gx0 > last.x0
                    and gap <= TOUCHING * size
                    and gx0 - drawn_space.x0 < UNDONE_SPACE * (drawn_space.x1 - drawn_space.x0)
                    and drawn_space.obj == last.obj == g.obj
                ):
                    space = False  # its advance taken back: the letters touch
                if (
                    space and line_end and len(char) == 1 and char.islower()
                    and last.char.isdigit() and gy0 > last.y0 + RAISED * last.size
                    and abs(gap) <= SPACE_GAP * size
                ):
                    space = False  # an ordinal's raised letters: pdfium's line end is none
                if space or abs(gap) > SPACE_GAP * size and gap > 0:
                    parts.append(" ")
                elif gx0 > last.x0:
                    gaps += gap
                    letters += 1
                after_ligature = ligature
                current.glyphs.append(g)
                parts.append(char)
                if gx0 < x0:
                    x0 = gx0
                if gx1 > x1:
                    x1 = gx1
                if gy0 < y0:
                    y0 = gy0
                if gy1 > y1:
                    y1 = gy1
                last = g
                space = False
                drawn_after = drawn_before = past_line_end = False
                continue
        close()
        current = Fragment([g], "", g.x0, gy0, g.x1, gy1, drawn_before, False)
        out.append(current)
        parts = [char]
        x0, y0, x1, y1 = g.x0, gy0, g.x1, gy1
        last = g
        space = False
        drawn_after = drawn_before = past_line_end = False
        after_ligature = False
        gaps = 0.0
        letters = 0
    close()
    return out


@dataclass
class Line:
    fragments: list[Fragment]

    # (Read with attrgetters, at C speed: table finding asks them of every line it looks at.)
    @property
    def y0(self) -> float:
        low: float = min(map(_y0_of, self.fragments))
        return low

    @property
    def y1(self) -> float:
        high: float = max(map(_y1_of, self.fragments))
        return high


def assigned_fields(cls: type) -> tuple[str, ...] | None:
    """The fields of the dataclass ``cls``, in order, when the ``__init__`` dataclass made for
    it does nothing but set each to its argument (or default): no ``__post_init__``, no
    init-only or ``init=False`` field, not frozen, no slots and no ``__new__`` of its own.
    The C loops (``_fragments.c``) then make an instance by setting those fields in that
    order, as that ``__init__`` does, without entering Python; None (they call the class)
    otherwise."""
    params = getattr(cls, "__dataclass_params__", None)
    init = cls.__dict__.get("__init__")
    declared: dict[str, Any] = getattr(cls, "__dataclass_fields__", {})
    new: Any = cls.__new__
    if (
        params is None or not params.init or params.frozen or hasattr(cls, "__post_init__")
        or "__slots__" in cls.__dict__ or new is not object.__new__
        or getattr(init, "__qualname__", "") != f"{cls.__qualname__}.__init__"
        or getattr(getattr(init, "__code__", None), "co_filename", "") != "<string>"
    ):
        return None
    found = fields(cls)
    if len(found) != len(declared) or not all(f.init for f in found):
        return None  # (a ClassVar or InitVar declared, or a field __init__ does not set)
    return tuple(f.name for f in found)


_FRAGMENT_FIELDS = assigned_fields(Fragment)
_LINE_FIELDS = assigned_fields(Line)


def band(f: Fragment) -> tuple[float, float]:
    """The height at which most of a fragment's glyphs stand: its box, unless a few glyphs
    reach above or below the rest (an index, a fraction's numerator, a brace of a maths font
    whose box is taller than the text's), then the median glyph's bottom and top. A line's
    glyphs share a band whatever their scripts; a box stretched by a few would reach into the
    lines above and below and join them. (Kept by the fragment: see :attr:`Fragment.band`.)"""
    return f.band


def _band_of(f: Fragment) -> tuple[float, float]:
    """:func:`band`, worked out."""
    fy0, fy1 = f.y0, f.y1
    if fy1 - fy0 <= TALL_GLYPHS * f.size:
        return fy0, fy1  # (nearly every fragment: one face on one baseline)
    glyphs = [g for g in f.glyphs if g.y1 > g.y0]
    n = len(glyphs)
    if n < 2:
        return fy0, fy1
    # (The same rank of both: the k-th bottom is below the k-th top, as every glyph's is.
    # Lists sorted in place: a tenth of the fragments come here, a sorted() of a generator
    # costs twice as much.)
    bottoms = [g.y0 for g in glyphs]
    tops = [g.y1 for g in glyphs]
    bottoms.sort()
    tops.sort()
    return bottoms[n // 2], tops[n // 2]


def _extent(
    bands: list[tuple[float, float]], limit: float
) -> tuple[float, float, float]:
    """Highest top, lowest bottom and tallest height of the ``bands`` (a group's members')
    no taller than ``limit``."""
    kept = [b for b in bands if b[1] - b[0] <= limit]
    return (max(y1 for _, y1 in kept), min(y0 for y0, _ in kept),
            max(y1 - y0 for y0, y1 in kept))


#: A group of fragments being gathered into a line, with the :func:`band` of each (kept
#: beside it rather than looked up by fragment: read for every fragment that joins a group).
_Group = tuple[list[Fragment], list[tuple[float, float]]]
#: A fragment whose box reaches far above or below its band, with the group it is in.
_Enclosing = tuple[Fragment, _Group]


def _middle_downwards(banded: tuple[tuple[float, float], Fragment]) -> float:
    """Sort key: the middle of a fragment's band, negated (top to bottom in PDF space)."""
    return -sum(banded[0]) / 2


def _enclosing(
    f: Fragment, fy0: float, fy1: float, enclosing: list[_Enclosing]
) -> _Group | None:
    """The line of the first of ``enclosing`` whose box holds nine tenths at least of the
    band ``fy0``-``fy1`` of ``f``, beside it no further away than that height (in the same
    formula, not across a gutter in another column); None when there is none."""
    height = fy1 - fy0
    for e, line in enclosing:  # (line: the members and their bands)
        gap = max(e.x0 - f.x1, f.x0 - e.x1)
        inside = min(fy1, e.y1) - max(fy0, e.y0)
        if gap <= height and inside >= 0.9 * height > 0:
            return line
    return None


#: Pieces merged into one fragment of a line at most: a line of text is a few hundred
#: (letter by letter); thousands side by side are no line (a page of scattered one-letter
#: runs), and each merge re-reads the whole fragment (its size and band), so an unbounded
#: run made the merging quadratic. The next piece starts a new fragment of the line (and
#: the page's model has a warning: :mod:`.limits`).
MAX_MERGED_PIECES = 1000
#: The warning that says a page had such a line (:mod:`.limits`).
LINE_PIECES_LIMIT = (
    "line-pieces-limit",
    f"a line of more than {MAX_MERGED_PIECES:,} separate pieces of text (scattered letters?) "
    "was read in a simpler way: its words may be out of order",
)


def lines(frags: list[Fragment]) -> list[Line]:
    """Fragments grouped by baseline, top to bottom; fragments in a line left to right,
    with neighbours closer than a fragment gap merged (pdfium can split a line's runs).
    Fragments are grouped by their :func:`band`, not their box, so a formula with an index
    or a tall brace in one column does not draw the other column's lines together."""
    if _accelerator is not None and isinstance(frags, list):
        # The same lines made in C (a test holds the two equal), but for values it leaves to
        # Python: asked of every region and table of every page, the loop was dear.
        found: list[Line] | None = _accelerator.group_lines(
            frags, Line, Fragment, TALLER_THAN_LINE, FRAGMENT_GAP, OVERPRINT, FULL_SIZE,
            partial(lines_of_a_column, runs=ColumnRuns()), _LINE_FIELDS, _FRAGMENT_FIELDS,
            MAX_MERGED_PIECES, partial(reached, *LINE_PIECES_LIMIT), SPACE_GAP, ABUTTING_GAP,
            SAME_BAND,
        )
        if found is not None:
            return found
    return _python_lines(frags)


def _python_lines(frags: list[Fragment]) -> list[Line]:
    """:func:`lines` in Python; ``_fragments.c`` does the same in C (keep the two in step: a
    test compares them)."""
    banded = [(f.band, f) for f in frags]
    banded.sort(key=_middle_downwards)
    groups: list[_Group] = []
    # The last group's extent (highest top, lowest bottom) and tallest height, updated as it
    # grows: the values max() and min() over its members give, without rescanning it for
    # every fragment (which made long lines quadratic). Only members of about the height of
    # the group's shortest count: a taller one (a symbol whose box is a maths font's, a
    # large initial) joins the line it stands on without reaching into the lines above and
    # below, which would join them to it (and, chained line by line, the lines of another
    # column to each other).
    # (min() and max() of two values spelled out with their exact semantics, ties and all:
    # ``min(a, b)`` is ``b if b < a else a``, ``max(a, b)`` is ``b if b > a else a``.)
    high = low = tall = short = 0.0
    # Fragments whose boxes reach far above or below their band (a matrix's brackets, a
    # fraction with its bar), with their lines: a fragment set inside one's box right beside
    # it (the matrix's next row) is of that line, which it does not stretch.
    enclosing: list[_Enclosing] = []
    # Rotated text (a photo credit up the margin) is upright-tall in these boxes: grouped
    # with horizontal lines it would stretch their line over every line it spans.
    rotated_group = False
    for b, f in banded:
        fy0, fy1 = b
        height = fy1 - fy0
        rotated = f.glyphs[0].rotated if f.glyphs else False
        if groups and not rotated and not rotated_group:
            top = fy1 if fy1 < high else high
            bottom = fy0 if fy0 > low else low
            if top - bottom > 0.5 * (tall if tall < height else height):
                group = groups[-1]
                group[0].append(f)
                group[1].append(b)
                if f.y1 - f.y0 > TALLER_THAN_LINE * (short if short < height else height):
                    enclosing.append((f, group))
                if height > TALLER_THAN_LINE * short:
                    continue  # rides on the line without stretching it
                if height * TALLER_THAN_LINE < tall:
                    # Shorter than the members so far: those that are now tall stop counting.
                    short = height
                    high, low, tall = _extent(group[1], TALLER_THAN_LINE * short)
                    continue
                if height < short:
                    short = height
                if fy1 > high:
                    high = fy1
                if fy0 < low:
                    low = fy0
                if height > tall:
                    tall = height
                continue
        if enclosing and not rotated:
            enclosing = [(e, g) for e, g in enclosing if e.y0 < fy1]  # (the rest are above)
            host = _enclosing(f, fy0, fy1, enclosing)
            if host is not None:
                host[0].append(f)
                host[1].append(b)
                continue
        groups.append(([f], [b]))
        high, low, tall, short = fy1, fy0, height, height
        if not rotated and f.y1 - f.y0 > TALLER_THAN_LINE * height:
            enclosing.append((f, groups[-1]))
        rotated_group = rotated
    out: list[Line] = []
    column_runs = ColumnRuns()
    for members, _ in groups:
        if len(members) == 1:
            out.append(Line(members))  # one fragment: nothing to order or merge
            continue
        # Right-to-left when most of the line's letters are (a Latin word in Arabic text
        # is still read in the Arabic line's order).
        text = "".join([f.text for f in members])
        # (Most lines have no right-to-left letter at all: their letters need no counting.)
        rtl = has_rtl(text) and (
            len(RTL_LETTER.findall(text)) > sum(map(str.isalpha, text)) / 2
        )
        members.sort(key=_x0_of)
        # (Pieces this size at least are the line's text, not an index or exponent over
        # another: see set_over.)
        full_size = FULL_SIZE * max([f.size for f in members])
        merged: list[Fragment] = []
        # The members each of ``merged`` was made of (left to right): a run of three or
        # more is read band by band once made (see _in_bands).
        runs: list[list[Fragment]] = []
        for f in members:
            if merged:
                prev = merged[-1]
                prev_size, f_size = prev.size, f.size
                # max(prev_size, f_size, 1.0), spelled out with its semantics (ties keep the
                # first): one call per pair of neighbours on every line.
                size = f_size if f_size > prev_size else prev_size
                if size < 1.0:
                    size = 1.0
                if f.text == prev.text and _overprinted(prev, f, size):
                    continue  # the same words drawn again on themselves: read once
                near = (
                    f.x0 - prev.x1 <= FRAGMENT_GAP * size and abs(prev_size - f_size) < 0.3 * size
                )
                if near and len(runs[-1]) >= MAX_MERGED_PIECES:
                    reached(*LINE_PIECES_LIMIT)
                    near = False
                if near and not (
                    stacked(prev, f) and lines_of_a_column(prev, f, members, column_runs)
                ):
                    # Glyphs as the text reads them: right to left, the fragment further
                    # right first (the tagger orders an element's drawing by them); a
                    # piece of the line's text set over another (a cell's two lines held
                    # in one line group by the row's taller cells) first, whichever starts
                    # further left.
                    over = prev_size >= full_size and f_size >= full_size
                    if over and set_over(f, prev):
                        joined, glyphs = f"{f.text} {prev.text}", f.glyphs + prev.glyphs
                    elif over and set_over(prev, f):
                        joined, glyphs = f"{prev.text} {f.text}", prev.glyphs + f.glyphs
                    elif rtl:
                        joined, glyphs = f"{f.text} {prev.text}", f.glyphs + prev.glyphs
                    elif abutting(prev, f, size):
                        joined, glyphs = prev.text + f.text, prev.glyphs + f.glyphs
                    else:
                        joined, glyphs = f"{prev.text} {f.text}", prev.glyphs + f.glyphs
                    merged[-1] = Fragment(
                        glyphs, joined, prev.x0, min(prev.y0, f.y0),
                        max(prev.x1, f.x1), max(prev.y1, f.y1), prev.space_before, f.space_after,
                    )
                    runs[-1].append(f)
                    continue
            merged.append(f)
            runs.append([f])
        for k, run in enumerate(runs):
            if len(run) > 2:
                read = _in_bands(run, full_size, rtl)
                if read is not None:
                    made = merged[k]
                    merged[k] = Fragment(
                        [g for f in read for g in f.glyphs], " ".join([f.text for f in read]),
                        made.x0, made.y0, made.x1, made.y1, made.space_before, made.space_after,
                    )
        if rtl:
            merged.reverse()
        out.append(Line(merged))
    return out


#: Pieces of one line set this many font sizes apart at most, on one band, are one word's,
#: as close as its letters: a word whose letters the content draws apart, out of order
#: ("ORGANISM" with the form's other lines, its "E" later, where an edit put it). Half the
#: gap that is a word space (:data:`SPACE_GAP`): a justified line's narrowest word space is
#: wider. The next piece may start back over the last glyph as far as a word space (an
#: apostrophe's box overhangs the letter after it), not further (words drawn over words).
ABUTTING_GAP = 0.08


def abutting(left: Fragment, right: Fragment, size: float) -> bool:
    """Whether ``right``, the piece after ``left`` on their line (left to right, ``size``
    the larger of their sizes, 1 at least), goes on with ``left``'s last word, no space
    between: set against it (:data:`ABUTTING_GAP`), on its band (:data:`SAME_BAND`), no
    space drawn at the end of the one or the start of the other (pieces read otherwise
    than from the page's glyphs, a bullet drawn as a shape, are not known to have none),
    and the characters meeting there are a word's (:func:`word_goes_on`). The band is the
    two glyphs' that meet (a piece's box may hold a tall delimiter, or lines stacked in a
    formula, and match another's by chance)."""
    if not (left.glyphs and right.glyphs and left.text and right.text):
        return False
    last, first = left.glyphs[-1], right.glyphs[0]
    return (
        -SPACE_GAP * size <= right.x0 - left.x1 <= ABUTTING_GAP * size
        and left.space_after is False and right.space_before is False
        and abs(first.y0 - last.y0) <= SAME_BAND * size
        and abs(first.y1 - last.y1) <= SAME_BAND * size
        and word_goes_on(left.text[-1], right.text[0])
    )


#: Characters that end a word where they follow it, set against it.
WORD_ENDS = frozenset(",.;:!?")
#: Apostrophes, after which a word goes on ("L'ASSURE").
APOSTROPHES = frozenset("'\u2019")


def word_goes_on(last: str, first: str) -> bool:
    """Whether ``first``, set right against ``last``, goes on with its word: a letter or
    digit after a letter, digit or apostrophe, or a mark that ends a word after a letter or
    digit. A bracket or a sign set against a word may open another text (a figure's "(b)"
    against the caption of its part (a), set in the next column) or a formula's next term:
    those keep their space."""
    if first.isalnum():
        return last.isalnum() or last in APOSTROPHES
    return first in WORD_ENDS and last.isalnum()


def stacked(upper: Fragment, lower: Fragment) -> bool:
    """Whether two fragments of one line group stand one above the other rather than side by
    side: their bands share no more than half the shorter's height (the test that groups
    fragments into a line, failed). (Either order: the names say what is usual.)"""
    top0, top1 = upper.band[1], lower.band[1]
    bottom0, bottom1 = upper.band[0], lower.band[0]
    shared = (top0 if top0 < top1 else top1) - (bottom0 if bottom0 > bottom1 else bottom1)
    height0, height1 = top0 - bottom0, top1 - bottom1
    return shared <= 0.5 * (height0 if height0 < height1 else height1)


#: Pieces of a line group this share of its largest piece's size at least are set in the
#: line's own size: an index or exponent is smaller (two thirds or less in TeX).
FULL_SIZE = 0.85


def set_over(upper: Fragment, lower: Fragment) -> bool:
    """Whether ``upper`` stands over ``lower`` (:func:`stacked`), across some of its width,
    not beside it, the middle of each band clear of the other's box (over the whole of a
    piece merged from several, or under the whole of it): two lines of one cell, read top
    first. (A raised piece after its neighbour, an exponent, stands beside it: read in the
    line's order; so is a piece set between the lines of pieces merged already, whose
    place among them the pair does not tell: once merged, a run of three pieces or more is
    read again band by band, :func:`_in_bands`. :func:`lines` asks only of pieces in the
    line's own size, :data:`FULL_SIZE`, not of an exponent over an index.)"""
    if not (upper.x0 < lower.x1 and lower.x0 < upper.x1):
        return False
    up, down = upper.band, lower.band
    return (
        up[0] + up[1] > 2 * lower.y1 and down[0] + down[1] < 2 * upper.y0
        and stacked(upper, lower)
    )


def _in_bands(run: list[Fragment], full_size: float, rtl: bool) -> list[Fragment] | None:
    """The pieces of ``run`` (merged into one by :func:`lines`, left to right) in reading
    order when they stand in a stack of lines, a cell's lines held in one line group by
    the row's other cells: band by band top to bottom, the pieces of a band left to right
    (right to left when ``rtl``). None when they do not, and the order they were merged
    in stands (:func:`set_over` for two pieces, to which this comes for them).

    The pieces in the line's own size (``full_size`` at least, :data:`FULL_SIZE`) are
    taken top down by the middle of their :func:`band`, a new band begun below a piece
    they stand :func:`stacked` with. They are a stack when there are two bands at least,
    each across some of the width of the next, and every piece :func:`set_over` every
    piece of a lower band but for their widths (a piece at the end of a centred cell's
    longer line stands over none of the shorter line under it). A smaller piece (an
    index, an exponent, a note's mark) is read in the one band whose boxes reach over
    the middle of its band, or the run is no stack. (Pieces set between two lines, a
    fraction's terms beside "x =" at its height, a matrix's rows in their brackets, are
    no stack: their bands stand beside each other or in one.)"""
    full = [f for f in run if f.size >= full_size]
    if len(full) < 2:
        return None
    full.sort(key=_band_middle_downwards)
    bands = [[full[0]]]
    for above, f in zip(full, full[1:], strict=False):
        if stacked(above, f):
            bands.append([f])
        else:
            bands[-1].append(f)
    if len(bands) < 2:
        return None
    for k, upper in enumerate(bands):
        if k + 1 < len(bands):
            lower = bands[k + 1]
            if not (min([u.x0 for u in upper]) < max([d.x1 for d in lower])
                    and min([d.x0 for d in lower]) < max([u.x1 for u in upper])):
                return None
        for lower in bands[k + 1:]:
            for u in upper:
                up = u.band
                for d in lower:
                    down = d.band
                    if not (up[0] + up[1] > 2 * d.y1 and down[0] + down[1] < 2 * u.y0
                            and stacked(u, d)):
                        return None
    reach = [(min([g.y0 for g in b]), max([g.y1 for g in b])) for b in bands]
    for f in run:
        if f.size < full_size:
            middle = f.band[0] + f.band[1]
            homes = [k for k, (y0, y1) in enumerate(reach) if 2 * y0 < middle < 2 * y1]
            if len(homes) != 1:
                return None
            bands[homes[0]].append(f)
    read: list[Fragment] = []
    for b in bands:
        b.sort(key=_x0_of)
        if rtl:
            b.reverse()
        read += b
    return read


def _band_middle_downwards(f: Fragment) -> float:
    """Sort key: the middle of a fragment's band, negated (top to bottom in PDF space)."""
    return -sum(f.band) / 2


#: Pieces of a line group this many font sizes apart at most, side by side, are of one
#: column: a label and its text, a formula's terms. The gutter between columns is wider.
COLUMN_GAP = 1.0
#: Left edges closer than this many font sizes are one edge: the lines of a column set
#: flush left (or to a tab stop) start at the same x, where a numerator and its
#: denominator are centred over each other.
SAME_EDGE = 0.01
#: Pieces of one line (a label and its text) stand on one band, to this many font sizes
#: (top and bottom), where a formula's raised or lowered parts stand off its line's band.
SAME_BAND = 0.1


def lines_of_a_column(
    upper: Fragment, lower: Fragment, members: list[Fragment], runs: ColumnRuns | None = None
) -> bool:
    """Whether ``upper`` and ``lower``, one above the other in a line group (``members``,
    left to right), stand on two lines of one column that the group holds together only
    through a line of another column set at another leading: a column of labels ("1.2:",
    "1.3:") beside their texts, level with one line of the body text beside it. Merged,
    their words would be read interleaved ("1.2: 1.3: Scale… Integrate…"); kept apart,
    their column's lines are found again in its region. They do when

    - the pieces of their column alone (the members chained to them by gaps of
      :data:`COLUMN_GAP` at most) put them on two lines: the parts of a formula held in
      one line by its own pieces (a fraction's numerator and denominator, a limit under
      its operator, a matrix's rows inside their brackets) are merged as before, and a
      group with no other column's pieces in it is never changed;
    - a piece of each of those two lines starts at one left edge (:data:`SAME_EDGE`): a
      margin or tab stop the column's lines share, where a formula's parts are centred;
    - and one of the two lines holds two pieces on one band (:data:`SAME_BAND`), a label
      beside its text, where a formula's stacked parts stand alone on theirs;

    or, in place of the last two, when the two are lines of running text
    (:func:`_running_lines`) in a group chained down lines of columns set at other
    leadings (:func:`_chained`): a paragraph's lines beside such a column, its first line
    indented, or a list item's bullet line out past its body's;

    or when the lower line opens with a bullet (:func:`_opens_an_item`) no further left
    than the upper starts: a list's next item, or a sub-item under its parent's line.
    """
    size = max(upper.size, lower.size, 1.0)
    column = (
        _column_of(lower, members, COLUMN_GAP * size) if runs is None
        else runs.column_of(lower, members, COLUMN_GAP * size)
    )
    if len(column) == len(members):
        return False  # the group is the column's own: its lines are what it makes them
    if len(column) > MAX_MERGED_PIECES:
        # No column of labels: thousands of pieces chained side by side (scattered
        # one-letter runs), whose lines, asked again for every pair, would take minutes.
        reached(*LINE_PIECES_LIMIT)
        return False
    line_of = (
        _line_numbers(column) if runs is None else runs.line_numbers(column)
    )
    above, below = line_of.get(id(upper.glyphs[-1])), line_of.get(id(lower.glyphs[0]))
    if above is None or below is None or above == below:
        return False
    on_above = [f for f in column if f.glyphs and line_of.get(id(f.glyphs[0])) == above]
    on_below = [f for f in column if f.glyphs and line_of.get(id(f.glyphs[0])) == below]
    if on_above and on_below and _opens_an_item(on_below, on_above, size):
        return True
    if on_above and on_below and (
        _running_lines(on_above, on_below) and _chained(members, upper, lower)
        or _running_lines(on_above, on_below, BESIDE_OVERLAP)
        and _running_beside(members, column)
    ):
        return True
    edge = SAME_EDGE * size
    if not any(abs(a.x0 - b.x0) <= edge for a in on_above for b in on_below):
        return False
    return _two_on_one_band(on_above, size) or _two_on_one_band(on_below, size)


def _opens_an_item(line: list[Fragment], above: list[Fragment], size: float) -> bool:
    """Whether a column's line (its pieces left to right) opens with a bullet glyph ("•",
    "◦", not a dash, which a formula's term may open with) followed by text, no further
    left than the line ``above`` starts (:data:`SAME_EDGE`): a list item's first line, a
    line of its own whatever the lines of another column beside it chain it to."""
    first = line[0]
    found = BULLET.match(first.text if len(line) == 1 else f"{first.text} {line[1].text}")
    return bool(found and found.group(1)) and first.x0 >= min(
        f.x0 for f in above
    ) - SAME_EDGE * size


#: Words (of two letters or more) two lines of running text hold at least, one a line at
#: least (a paragraph's last line may be one word): a formula's stacked parts (a numerator
#: over its denominator, a limit under its operator) are terms, a word at most each ("sin
#: x" over "cos x", "dx"), and a name's two lines in a box ("You Me" over "At Six") few.
RUNNING_WORDS = 5
#: The longer of two lines of running text spans this many font sizes at least: a column
#: of text is wider than a box's or a cell's name.
RUNNING_WIDTH = 10.0
#: Lines of running text, a line's step apart, share this share of the shorter's band at
#: most (a face's loose box a little taller than the leading): a cell's two lines squeezed
#: closer share more.
RUNNING_OVERLAP = 0.15
_WORD = re.compile(r"[^\W\d_]{2,}")
#: Lines of running text in a group that holds two lines of running text of another column
#: too (:func:`_running_beside`) share this share of the shorter's band at most: a face's
#: loose box reaches further past its leading (LaTeX's 10 pt type on a 12 pt step).
BESIDE_OVERLAP = 0.25


def _running_lines(
    one: list[Fragment], other: list[Fragment], overlap: float = RUNNING_OVERLAP
) -> bool:
    """Whether two lines' pieces (``one`` and ``other``, each a line of a column) are lines
    of running text: they hold :data:`RUNNING_WORDS` words at least, the longer spans
    :data:`RUNNING_WIDTH` font sizes at least, and their bands a
    line's step apart (:data:`RUNNING_OVERLAP`: text set at its leading). A cell's two lines
    squeezed closer than that, held in one group by the row's taller heads, are read as one
    piece (see :func:`set_over`), as are a formula's parts."""
    words = [len(_WORD.findall(" ".join([f.text for f in pieces]))) for pieces in (one, other)]
    if not (words[0] and words[1] and words[0] + words[1] >= RUNNING_WORDS):
        return False
    size = max([f.size for f in one + other])
    if max([max([f.x1 for f in p]) - min([f.x0 for f in p]) for p in (one, other)]) < (
        RUNNING_WIDTH * size
    ):
        return False
    top0 = max([f.band[1] for f in one])
    bottom0 = min([f.band[0] for f in one])
    top1 = max([f.band[1] for f in other])
    bottom1 = min([f.band[0] for f in other])
    shared = min(top0, top1) - max(bottom0, bottom1)
    return shared <= overlap * min(top0 - bottom0, top1 - bottom1)


#: A line group this many line heights tall at least is chained down the lines of columns
#: set at other leadings (each line level with two of the next column's): a table's row of
#: cells, the tallest two or three lines, with a value centred beside them, is shorter.
CHAINED_LINES = 3.0


def _chained(members: list[Fragment], upper: Fragment, lower: Fragment) -> bool:
    """Whether the line group ``members`` reaches :data:`CHAINED_LINES` heights of the
    taller of ``upper`` and ``lower`` (by the members' bands)."""
    up, down = upper.band, lower.band
    line = max(up[1] - up[0], down[1] - down[0])
    bands = [f.band for f in members]
    return max([b[1] for b in bands]) - min([b[0] for b in bands]) >= CHAINED_LINES * line


def _running_beside(members: list[Fragment], column: list[Fragment]) -> bool:
    """Whether the pieces of the line group ``members`` outside ``column`` (another
    column's) stand on two lines of running text too (:func:`_running_lines`, to
    :data:`BESIDE_OVERLAP`), not centred on the middle of ``column``'s lines: two columns
    of text set at leadings offset by part of a line, each line level with two of the
    other's, chained into one group however short it is. A table's cells in one row are
    centred on one middle (a cell of three lines beside one of two) or share their
    baselines (set from the top or the foot): a row of cells, read as before."""
    inside = {id(f) for f in column}
    other = [f for f in members if id(f) not in inside]
    if len(other) < 2:
        return False
    found = lines(other)
    if not any(
        _running_lines(a.fragments, b.fragments, BESIDE_OVERLAP)
        for a, b in zip(found, found[1:], strict=False)
    ):
        return False
    line = max(f.band[1] - f.band[0] for f in members)
    return abs(_band_middle(column) - _band_middle(other)) > OFF_MIDDLE * line


#: Two columns' lines whose middles are this many line heights apart at most are centred
#: on one middle (a table row's cells).
OFF_MIDDLE = 0.25


def _band_middle(pieces: list[Fragment]) -> float:
    """The middle of the bands ``pieces`` stand on, from the lowest to the highest."""
    return (min(f.band[0] for f in pieces) + max(f.band[1] for f in pieces)) / 2


def _column_of(piece: Fragment, members: list[Fragment], gap: float) -> list[Fragment]:
    """The ``members`` (left to right) chained to ``piece`` (one of them) by horizontal gaps
    of ``gap`` at most."""
    run: list[Fragment] = []
    right = 0.0
    found = False
    for f in members:
        if run and f.x0 - right > gap:
            if found:
                break
            run = []
        if not run:
            right = f.x1
        run.append(f)
        right = max(right, f.x1)
        found = found or f is piece
    return run


class ColumnRuns:
    """The runs of a line group's members (left to right) chained by horizontal gaps of
    ``gap`` at most, found once per group and gap: :func:`lines_of_a_column` asks for the
    run of a piece for pairs of neighbours all along the group, and a scan of the whole
    group per pair made a line group of thousands of pieces (a page of scattered
    one-letter runs) take minutes. Lives for one :func:`lines` call, holding the members
    it was asked of (not changed while their line is merged), so identity is enough."""

    def __init__(self) -> None:
        self._members: list[Fragment] | None = None
        self._by_gap: dict[float, tuple[dict[int, list[Fragment]], list[Fragment]]] = {}
        #: Line numbers by the id of the run (held in ``_by_gap``, so the id is its own).
        self._lines: dict[int, dict[int, int]] = {}

    def column_of(self, piece: Fragment, members: list[Fragment], gap: float
                  ) -> list[Fragment]:
        """What :func:`_column_of` gives, from the runs found for ``members`` and ``gap``."""
        if members is not self._members:
            self._members, self._by_gap, self._lines = members, {}, {}
        found = self._by_gap.get(gap)
        if found is None:
            found = self._by_gap[gap] = _runs_by_piece(members, gap)
        run_of, last = found
        return run_of.get(id(piece), last)

    def line_numbers(self, column: list[Fragment]) -> dict[int, int]:
        """:func:`_line_numbers` of ``column`` (a run this gave), found once per run."""
        found = self._lines.get(id(column))
        if found is None:
            found = self._lines[id(column)] = _line_numbers(column)
        return found


def _line_numbers(column: list[Fragment]) -> dict[int, int]:
    """The line (top to bottom) of each glyph of ``column``'s pieces, by the glyph's id."""
    return {id(g): k for k, line in enumerate(lines(column)) for f in line.fragments
            for g in f.glyphs}


def _runs_by_piece(members: list[Fragment], gap: float
                   ) -> tuple[dict[int, list[Fragment]], list[Fragment]]:
    """Each member's run (as :func:`_column_of` chains them), and the last run (what it
    gives for a piece not among the members)."""
    run_of: dict[int, list[Fragment]] = {}
    run: list[Fragment] = []
    right = 0.0
    for f in members:
        if run and f.x0 - right > gap:
            run = []
        if not run:
            right = f.x1
        run.append(f)
        right = max(right, f.x1)
        run_of.setdefault(id(f), run)
    return run_of, run


def _two_on_one_band(pieces: list[Fragment], size: float) -> bool:
    """Whether two of ``pieces`` stand on one band, to :data:`SAME_BAND` font sizes."""
    slack = SAME_BAND * size
    return any(
        abs(a.band[0] - b.band[0]) <= slack and abs(a.band[1] - b.band[1]) <= slack
        for k, a in enumerate(pieces) for b in pieces[k + 1:]
    )


#: Words drawn again within this share of their size of where they stand are drawn on
#: themselves (a diagram's label over its own white outline, a shadow, a fake bold).
OVERPRINT = 0.2


def _overprinted(first: Fragment, again: Fragment, size: float) -> bool:
    """Whether ``again`` draws ``first``'s words once more in the same place."""
    slack = OVERPRINT * size
    return (
        abs(first.x0 - again.x0) <= slack and abs(first.x1 - again.x1) <= slack
        and abs(first.y0 - again.y0) <= slack and abs(first.y1 - again.y1) <= slack
    )


def text_of(glyphs: list[Glyph]) -> str:
    """Readable text of glyphs given in reading order (used for tagged content)."""
    return " ".join(f.text for f in fragments(glyphs))
