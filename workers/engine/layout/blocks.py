"""Blocks of a page during layout analysis, and the small geometry they are compared by."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Literal, Protocol

from ..document import (
    ArtifactKind,
    BBox,
    Page,
)
from .asides import before_smaller_aside
from .figures import (
    Candidate,
)
from .glyphs import Rect
from .lines import Fragment, Line, quick_median
from .operators import OperatorMap
from .rotation import Frame
from .word_runs import distinct_word_matches

_accelerator: ModuleType | None
try:
    # C loops of lines.py (here: lines_of), built by `pip install` where a C compiler exists.
    from . import _fragments as _accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _accelerator = None


@dataclass
class Block:
    """A block during analysis: fragments on one page, in reading order."""

    page: int
    frags: list[Fragment] = field(default_factory=list)
    kind: str = "text"  # text | table | figure
    table: list[list[Fragment | None]] | None = None
    #: For a table: the lines it was built from (to rebuild it when a continuation is found).
    lines: list[Line] = field(default_factory=list)
    #: For a table: how many of its first rows are its heads, set apart by how they are drawn
    #: (see :mod:`.table_heads`); 0 leaves it to the first row's face.
    head_rows: int = 0
    #: For a table: set where its rows are all entries, none a head (rows of two lines each,
    #: names in bold over addresses: see :func:`.tables._rows_in_pairs`).
    no_heads: bool = False
    #: For a table: the cells spanning more than one row or column, by their top-left
    #: position (row, column): (rows, columns) spanned.
    spans: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    image: Rect | None = None
    #: How to read a hyphen at the end of a line; set for the whole document before
    #: classification (see :class:`Hyphenation`).
    hyphenation: Hyphenation | None = None
    #: Page objects a figure is drawn with (every shape of a vector drawing).
    objects: list[int] = field(default_factory=list)
    #: For a figure: what :mod:`.figures` needs to tell a picture from decoration.
    candidate: Candidate | None = None
    #: For a vector drawing: the text blocks set on it (a chart's axes and legend, a
    #: diagram's names), read as part of the picture unless it is judged decoration.
    labels: list[Block] = field(default_factory=list)
    #: Set when the page layout alone shows the block is no content (a line number).
    artifact: ArtifactKind | None = None
    #: Set for a text block labelling an empty box drawn on the page, to be filled in (see
    #: :mod:`.box_labels`): a form's label, no heading.
    labels_box: bool = False
    #: Set for a text block parted from the lines round it at a form's fields (see
    #: :mod:`.field_rows`): a form's label, the form's content wherever it stands.
    labels_field: bool = False
    #: Set for a text block locked up with a drawn mark into a logo at the top of its page
    #: (see :mod:`.wordmarks`): the sender's name, no heading.
    wordmark: bool = False
    #: Set for the first line of a list set beside another (its lead line, or else its first
    #: point: see :func:`.tables.find_tables`): it opens a list of its own, neither going on
    #: with the list before it nor nested in its last point.
    opens_list: bool = False
    #: Set for a ruled table drawn on another, sharing a rule with it but ruled into columns
    #: at no place of the other's (see :func:`.tables._boxes_apart`): a table of its own, not
    #: the other's heads.
    drawn_apart: bool = False
    #: Set for a ruled table whose head a page or column break cut (see
    #: :func:`.tables._open_ends`): its rules down run up to the break, no rule across
    #: over its first row, which is the rest of a row the break cut.
    cut_head: bool = False
    #: Set for a footnote at the foot of its page (see :mod:`.footnotes`): its mark ("1",
    #: "*"), matching a mark raised in the page's text.
    note: str | None = None
    #: Set for a code listing (see :mod:`.listings`): the width of one character of its
    #: fixed-pitch face, which its lines' indents are counted in; 0 for any other block.
    pitch: float = 0.0
    #: For a listing, how its text is spelled (see :func:`.listings.listing_text`): "pitch",
    #: its pieces at the columns of its fixed pitch; "cells", its glyphs by the cells
    #: ``pitch`` wide they stand in (faces of several widths, each character centred in its
    #: cell); "words", its pieces a space apart, each line's indent in steps of ``pitch``
    #: (a proportional face). The last two are found by their braces
    #: (:func:`.listings._braced_code_apart`).
    spelling: Literal["pitch", "cells", "words"] = "pitch"
    #: Set for a block of a boxed panel (found by :func:`.order.panels_last`, moved after
    #: the running text or not): the panel's frame. The panel is a float, as a figure is:
    #: a sentence broken off before it goes on past it (:mod:`.runover`).
    panel: BBox | None = None
    #: Set for a bold title over text set smaller than the body (see :mod:`.small_heads`):
    #: a heading judged by the size of the text it heads, not the body's.
    heads_smaller_text: bool = False
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    # Text, size and boldness are asked for many times per block (classification, ordering,
    # tables): cached with what they were computed from (the fragment list, its length, the
    # hyphenation), so a fragment appended or the hyphenation set makes them be recomputed
    # (but a text no hyphenation reads otherwise: see settled_lines_text). A fragment's own
    # text and glyphs no longer change once it is in a block.
    _text_cache: tuple[object, ...] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _size_cache: tuple[object, ...] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    _bold_cache: tuple[object, ...] | None = field(
        default=None, init=False, repr=False, compare=False
    )
    #: Classification's verdict on the block as a heading candidate (classify.py keeps it).
    heading_cache: tuple[object, ...] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def add(self, f: Fragment) -> None:
        if not self.frags and self.image is None:
            self.x0, self.y0, self.x1, self.y1 = f.x0, f.y0, f.x1, f.y1
        else:
            # min() and max() of two values spelled out with their exact semantics (``min(a,
            # b)`` is ``b if b < a else a``): every fragment of every page is added here.
            x0, y0, x1, y1 = f.x0, f.y0, f.x1, f.y1
            if x0 < self.x0:
                self.x0 = x0
            if y0 < self.y0:
                self.y0 = y0
            if x1 > self.x1:
                self.x1 = x1
            if y1 > self.y1:
                self.y1 = y1
        self.frags.append(f)

    # (The caches are read with the fragment list in a local and unpacked at once: these
    # properties are asked hundreds of thousands of times a document.)
    @property
    def text(self) -> str:
        frags = self.frags
        hyphenation = self.hyphenation
        cached = self._text_cache
        if cached is not None:
            of, count, cached_hyphenation, out, settled = cached
            # (A text any hyphenation reads alike is kept when the document's is set.)
            if of is frags and count == len(frags) and (
                    cached_hyphenation is hyphenation or settled):
                return out  # type: ignore[return-value]
        out, settled = settled_lines_text(frags, self.x1, hyphenation)
        self._text_cache = (frags, len(frags), hyphenation, out, settled)
        return out

    @property
    def size(self) -> float:
        frags = self.frags
        cached = self._size_cache
        if cached is not None:
            of, count, size = cached
            if of is frags and count == len(frags):
                return size  # type: ignore[return-value]
        sizes: list[float] = []
        for f in frags:
            sizes.extend(f.sizes)
        if frags and frags[-1].text.rstrip().endswith(")"):
            # (The face of the text, not of a smaller aside it ends in: see .asides.)
            sizes = [g.size for g in before_smaller_aside([g for f in frags for g in f.glyphs])]
        size = quick_median(sizes) if sizes else 0.0
        self._size_cache = (frags, len(frags), size)
        return size

    @property
    def bold(self) -> bool:
        frags = self.frags
        cached = self._bold_cache
        if cached is not None:
            of, count, result = cached
            if of is frags and count == len(frags):
                return result  # type: ignore[return-value]
        letters = bold = 0
        for f in frags:
            counts = f.letter_counts
            letters, bold = letters + counts[0], bold + counts[1]
        result = letters > 0 and bold > 0.8 * letters
        self._bold_cache = (frags, len(frags), result)
        return result

    @property
    def bbox(self) -> BBox:
        return BBox(self.x0, self.y0, self.x1, self.y1)


def block_of(page: int, frags: Iterable[Fragment], *, opens_list: bool = False) -> Block:
    """A text block of ``page`` holding ``frags``, added in the order given."""
    block = Block(page, opens_list=opens_list)
    for f in frags:
        block.add(f)
    return block


def split_blocks(
    blocks: list[Block], pieces_of: Callable[[Block], list[Block] | None]
) -> list[Block]:
    """``blocks`` with each block that ``pieces_of`` splits replaced by its pieces (``blocks``
    itself, not a copy, when it splits none: most pages have nothing to split)."""
    out: list[Block] | None = None
    for k, block in enumerate(blocks):
        pieces = pieces_of(block)
        if pieces is None:
            if out is not None:
                out.append(block)
            continue
        if out is None:
            out = blocks[:k]
        out.extend(pieces)
    return blocks if out is None else out


#: Chinese and Japanese characters, which are written with no space between words: the
#: CJK radicals, symbols and punctuation, kana, bopomofo, ideographs (and their extensions),
#: and the fullwidth and halfwidth forms but Hangul's. (Korean writes spaces between words.)
_UNSPACED = (
    (0x2E80, 0x2FDF), (0x3001, 0x303F), (0x3040, 0x30FF), (0x3100, 0x312F), (0x31A0, 0x31FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF01, 0xFF9F),
    (0xFFE0, 0xFFEF), (0x20000, 0x3134F),
)


#: Any character from U+2E80 on (where :data:`_UNSPACED` starts): text holding none is
#: known to need no look at its line ends' characters. (A search at C speed: max() of a
#: string of accented letters makes a string of each character to compare it.)
_FROM_CJK = re.compile("[\u2e80-\U0010ffff]")
#: Hangul's conjoining jamo, the one range of :data:`_HANGUL` below U+2E80.
_CONJOINING_JAMO = re.compile("[\u1100-\u11ff]")


def unspaced(ch: str) -> bool:
    """Whether ``ch`` (one character) is Chinese or Japanese (:data:`_UNSPACED`)."""
    code = ord(ch)
    if code < 0x2E80:
        return False  # (below every range: most characters asked are settled here)
    return any(low <= code <= high for low, high in _UNSPACED)


#: One character of :data:`_UNSPACED`'s ranges, to count them in a text at C speed.
_UNSPACED_CHAR = re.compile(
    "[" + "".join(f"{re.escape(chr(low))}-{re.escape(chr(high))}" for low, high in _UNSPACED) + "]"
)


def unspaced_count(text: str) -> int:
    """How many of ``text``'s characters are Chinese or Japanese (:func:`unspaced`)."""
    return len(_UNSPACED_CHAR.findall(text))


#: Korean letters: the Hangul syllables, and the jamo (conjoining and compatibility).
_HANGUL = ((0xAC00, 0xD7A3), (0x1100, 0x11FF), (0x3131, 0x318E), (0xA960, 0xA97F),
           (0xD7B0, 0xD7FF))


def hangul(ch: str) -> bool:
    """Whether ``ch`` (one character, or none) is a Korean letter (:data:`_HANGUL`)."""
    if not ch:
        return False
    code = ord(ch)
    return any(low <= code <= high for low, high in _HANGUL)


def join_lines(
    texts: Sequence[str], hyphenation: Hyphenation | None,
    runs_on: Callable[[int], bool] | None = None,
    inside_word: Callable[[int], bool] | None = None,
) -> str:
    """The text of a block's lines (or of a run of fragments) read as one: a soft hyphen or a
    typesetter's hyphen at the end of a line joins the word it broke, a compound broken at
    its own hyphen keeps it, a line of Chinese or Japanese goes on with no space (those
    languages set none between words, and break a line anywhere between two characters),
    anything else is joined with a space. ``runs_on(k)``: whether the text before
    ``texts[k]`` runs on into it over a line break, its line full (by default each does);
    pieces of one line set apart, and a line ended short (a heading's, an option's, a
    paragraph's last), keep their space. A line of Korean, which sets spaces between words
    and breaks a line at one as a rule, goes on with no space only where ``inside_word(k)``
    says the break before ``texts[k]`` fell inside a word (a full line, broken between two
    letters: see :func:`drawn_space_missing`); without it, it keeps its space."""
    joined = _spaced(texts)
    # (Korean's conjoining jamo lie below U+2E80: only asked where a Korean line may go on
    # with no space, ``inside_word`` given.)
    if joined is not None and (inside_word is None or _CONJOINING_JAMO.search(joined) is None):
        return joined
    return _join_each(texts, hyphenation, runs_on, inside_word)


def _spaced(texts: Sequence[str]) -> str | None:
    """``texts`` joined with a space each, where :func:`join_lines` reads most blocks so: no
    soft hyphen anywhere, no line but the last ending in a hyphen (in the lines joined by
    spaces, a line's end is followed by a space), and no character from U+2E80 on (no
    Chinese or Japanese; ASCII text is known to hold none without a look at its
    characters), so each line is joined with a space, as :func:`_join_each` would join them
    one by one; None otherwise. (An empty first line is not: the line after it is joined
    without one.) A Korean line that may go on with no space is join_lines's to ask."""
    if not texts or not texts[0]:
        return None
    joined = " ".join(texts)
    if ("\u00ad" not in joined and "- " not in joined and "\u2010 " not in joined
            and (joined.isascii() or _FROM_CJK.search(joined) is None)):
        return joined
    return None


def _join_each(
    texts: Sequence[str], hyphenation: Hyphenation | None,
    runs_on: Callable[[int], bool] | None = None,
    inside_word: Callable[[int], bool] | None = None,
) -> str:
    """:func:`join_lines`, line by line."""
    out = ""
    for k, text in enumerate(texts):
        if out.endswith("\u00ad"):
            out = out[:-1].rstrip() + text
        elif text.startswith("\u00ad"):
            out += text  # a soft hyphen set apart (an /ActualText of its own): the word goes on
        elif (
            out.endswith(_HYPHENS)
            and len(out) > 1
            and out[-2].isalpha()
            and text[:1].islower()
            and (hyphenation is None or hyphenation.joins(out, text))
        ):
            out = out[:-1] + text  # a word broken across lines
        elif _broken_name(out, text, hyphenation):
            out = out[:-1] + text  # "Trace-" "Monkey", written "TraceMonkey" elsewhere
        elif out.endswith(_HYPHENS) and len(out) > 1 and out[-2].isalnum() and text[:1].isalnum():
            out += text  # a compound broken at its own hyphen ("well-" "known", "COVID-" "19")
        elif (
            # (No character before U+2E80 is Chinese or Japanese: most text is settled by
            # one comparison, without a search.)
            out[-1:] >= "\u2e80" and text[:1] >= "\u2e80"
            and unspaced(out[-1]) and unspaced(text[0])
            and (runs_on is None or runs_on(k))
        ):
            out += text
        elif (
            # (The next line opens in Korean: a Korean word going on, or a particle after a
            # word in another script, a figure, a bracket or quote closing. A line followed
            # by one opening in another script, a web address under a name, keeps its
            # space; so does one ending a sentence or clause, "다." or ",".)
            inside_word is not None
            and hangul(text[:1])
            and (out[-1:].isalnum() or out[-1:] in _CLOSING)
            and (runs_on is None or runs_on(k))
            and inside_word(k)
        ):
            # A Korean word broken between two of its letters, or where its particle follows
            # a word in another script or a figure with no space ("“U07.1”로", "MERS와").
            out += text
        elif out:
            # (Appended in place, as the branches above do: a new string for every line
            # made joining a long block's lines cost the square of its length.)
            out += " " + text
        else:
            out = text
    # A soft hyphen is an invisible hyphenation point: whatever spacing a run put around it
    # (an /ActualText of its own is read with spaces), the word it sits in is one word.
    return _SOFT_HYPHEN.sub("", out) if "\u00ad" in out else out


def settled_lines_text(
    frags: Sequence[Fragment], right: float, hyphenation: Hyphenation | None
) -> tuple[str, bool]:
    """:func:`lines_text`, and whether any hyphenation reads ``frags`` so: their lines joined
    by a space each (:func:`_spaced`), none holding a Korean conjoining jamo (the one letter
    a hyphenation's drawn line-end spaces may join across a break). Nothing else of the text
    asks the hyphenation, so such a text stays as read once the document's hyphenation is
    known (most blocks are read before it is, by the page's analysis, and again after)."""
    texts = [f.text for f in frags]
    joined = _spaced(texts)
    if joined is not None and (joined.isascii() or _CONJOINING_JAMO.search(joined) is None):
        return joined, True
    return join_lines(
        texts, hyphenation, full_lines(frags, right),
        drawn_space_missing(frags)
        if hyphenation is not None and hyphenation.spaced_line_ends else None,
    ), False


def lines_text(frags: Sequence[Fragment], right: float, hyphenation: Hyphenation | None) -> str:
    """The text of ``frags`` (lines top to bottom, each left to right, of a block or a table
    cell whose right edge is ``right``) read as one by :func:`join_lines`: a line full to
    that edge runs on, and where the document draws the spaces its lines break at, a Korean
    line ended with none was broken inside a word."""
    return join_lines(
        [f.text for f in frags], hyphenation, full_lines(frags, right),
        drawn_space_missing(frags)
        if hyphenation is not None and hyphenation.spaced_line_ends else None,
    )


def full_lines(frags: Sequence[Fragment], right: float) -> Callable[[int], bool]:
    """For :func:`join_lines` of ``frags`` (lines top to bottom, each left to right, of a
    block whose right edge is ``right``): whether the piece before the ``k``-th ends a line
    full to that edge, which therefore runs on into the next (a line of Chinese or Japanese
    broken for want of room ends within a character of the edge; one ended short, a
    heading's or an option's, was ended on purpose)."""

    def runs_on(k: int) -> bool:
        above = frags[k - 1]
        return not same_line(above, frags[k]) and right - above.x1 <= above.size

    return runs_on


def full_in_their_columns(frags: Sequence[Fragment]) -> Callable[[int], bool]:
    """:func:`full_lines` of ``frags`` (lines top to bottom, each left to right) that may go
    on from one column or page into the next (a tagged paragraph's marked lines): each line
    measured against the right edge of its own column, the furthest any line of it reaches.
    A line set above the one before it starts a new column (or page): a column's lines go
    down. (Measured against the widest column, a narrower one's lines would never be full.)"""
    rights: list[float] = []
    start = 0
    for k in range(1, len(frags) + 1):
        if k == len(frags) or frags[k].y0 > frags[k - 1].y1:
            right = max(f.x1 for f in frags[start:k])
            rights.extend([right] * (k - start))
            start = k

    def runs_on(k: int) -> bool:
        above = frags[k - 1]
        return not same_line(above, frags[k]) and rights[k - 1] - above.x1 <= above.size

    return runs_on


#: Closing brackets and quotes a Korean particle follows with no space ("(U00~09)에",
#: "“U07.1”로", "「감염병예방법」이").
_CLOSING = frozenset(")]}\u201d\u2019\"'\u300d\u300f\u3009\u300b\u3011\u3015\uff09")


def drawn_space_missing(frags: Sequence[Fragment]) -> Callable[[int], bool]:
    """For :func:`join_lines` of ``frags``, in a document whose typesetter draws the space at
    which it breaks a line between words (:attr:`Hyphenation.spaced_line_ends`): whether the
    break before the ``k``-th falls inside a word, no space drawn at the end of the line
    before nor at the start of the next. (A fragment not made from the page's glyphs says
    nothing: its break keeps its space.)"""

    def inside_word(k: int) -> bool:
        return frags[k - 1].space_after is False and frags[k].space_before is False

    return inside_word


def draws_line_end_spaces(runs: Iterable[Sequence[Fragment]]) -> bool:
    """Whether the typesetter of ``runs`` (the fragments of each block, or of each run of
    text read together) draws the space at which it breaks a line of Korean between words
    (a word processor keeps it at the end of the line): a line of some run ends in a Korean
    letter and a drawn space, the run's next line under it. Where it does, a Korean line
    ended with no space was broken inside a word; where it does not (most typesetters drop
    that space), a missing space tells nothing."""
    for frags in runs:
        for above, below in zip(frags, frags[1:], strict=False):
            # (No character before U+1100 is Korean: most line ends are settled by one
            # comparison, without a search.)
            if (above.space_after and above.text[-1:] >= "\u1100" and hangul(above.text[-1])
                    and not same_line(above, below)):
                return True
    return False


def _broken_name(before: str, after: str, hyphenation: Hyphenation | None) -> bool:
    """A capitalised word broken at a line end ("Trace-" "Monkey"): joined only where the
    document writes it whole inside a line and never with its hyphen, as a capital after a
    hyphen is more often a compound's ("Anglo-" "Saxon")."""
    return (
        hyphenation is not None
        and after[:1].isupper()
        and before.endswith(_HYPHENS)
        and before[-2:-1].isalpha()
        and hyphenation.written_whole(before, after)
    )


_SOFT_HYPHEN = re.compile(r"\s*\u00ad\s*")
#: Hyphens a line can end in: the ASCII one and the typographic one (U+2010) typesetters
#: draw where they hyphenate (WeasyPrint's ``hyphens: auto``).
_HYPHENS = ("-", "\u2010")


_WORD = re.compile(r"\w+(?:[-\u2010]\w+)*")


_HEAD = re.compile(r"(\w+)[-\u2010]$")


_TAIL = re.compile(r"\w+")


_LAST_WORD = re.compile(r"\w+$")


def _head(text: str) -> re.Match[str] | None:
    """``_HEAD.search(text)``, without scanning text that cannot match: a text that does not
    end in a hyphen (``$`` also matches before a final newline), and any text up to its last
    space (no word character is a space, so the match starts after it)."""
    if not (text.endswith(_HYPHENS) or text.endswith(("-\n", "\u2010\n"))):
        return None
    return _HEAD.search(text, text.rfind(" ") + 1)


def _line_words(texts: Iterable[str]) -> tuple[set[str], set[str], set[str]]:
    """The words (lower-cased) of ``texts`` (lines): all of them, those written with a word
    after them on their line (not its last), those written with one before them (not its
    first)."""
    written: set[str] = set()
    not_ending: set[str] = set()
    not_starting: set[str] = set()
    for text in texts:
        found = _TAIL.findall(text)
        written.update(found)
        not_ending.update(found[:-1])
        not_starting.update(found[1:])
    # (Lower-cased once each, as gathered: a document writes its few thousand words many
    # times over.)
    return _lowered(written), _lowered(not_ending), _lowered(not_starting)


def _lowered(words: set[str]) -> set[str]:
    return {w.lower() for w in words}


class Hyphenation:
    """Document-wide evidence on a hyphen at the end of a line: a word broken by the typesetter
    ("docu-" "ment" is "document") or a compound broken at its own hyphen ("well-" "known").

    pdfium marks both kinds alike (U+FFFE), so the text itself decides: the compound written
    with its hyphen inside a line keeps it; the word written whole inside a line is joined.
    Breaks with no such evidence follow the document's habit: joined if the evidence shows a
    typesetter that hyphenates words (TeX, InDesign), kept otherwise (word processors and
    browsers break lines only at hyphens that are there), which never loses a character.
    """

    def __init__(self, runs: Iterable[Sequence[str]], cells: Iterable[str] = ()) -> None:
        """``runs``: the lines' texts of each block (or of each run of text read together);
        ``cells``: the texts of the document's table cells, whose words are evidence too
        ("access-fannkuch" in a column of names)."""
        breaks: list[tuple[str, str]] = []
        every: list[str] = []
        for texts in runs:
            for a, b in zip(texts, texts[1:], strict=False):
                if (head := _head(a)) and (tail := _TAIL.match(b)):
                    breaks.append((head.group(1).lower(), tail.group(0).lower()))
            every.extend(texts)
        self._texts = every
        # (Kept apart from the blocks' lines: a cell's lines held in one piece are read apart
        # for :meth:`broken_unhyphenated`, from :attr:`cell_lines`.)
        self._cell_texts = list(cells)
        self._words: set[str] | None = None
        # (No break, no vote: the words are gathered only when a break asks for them, which
        # a document whose lines never end in a hyphen never does.)
        votes = [self._evidence(head, tail) for head, tail in breaks]
        self.join_default = votes.count(True) > votes.count(False)
        #: Evidence on spaces at line ends, set by the reader (:func:`draws_line_end_spaces`):
        #: the typesetter draws the space it breaks a line of Korean at, so a line ended
        #: with none broke a word.
        self.spaced_line_ends = False
        #: The lines of the document's table cells, given by the reader: a cell's lines held
        #: in one piece (:func:`.line_breaks.cell_lines`) are not a block's. Read for their
        #: words only when a word broken with no hyphen asks (:meth:`broken_unhyphenated`).
        self.cell_lines: Callable[[], Iterable[str]] = tuple
        self._line_words: tuple[set[str], set[str], set[str]] | None = None

    @property
    def words(self) -> set[str]:
        """The words the document writes inside its lines, lower-cased, U+2010 read as "-"."""
        if self._words is None:
            # The words as written (normalised once each, below), found in all the texts
            # joined: a word never runs across the line break between two (neither a word
            # character nor a hyphen), so that finds what a search of each text finds; each
            # distinct piece between spaces looked at once (see .word_runs).
            joined = "\n".join([*self._texts, *self._cell_texts])
            written = distinct_word_matches(joined, _WORD)
            # (A word holds U+2010 only where the texts do: most documents' do not.)
            self._words = (
                {w.lower().replace("\u2010", "-") for w in written} if "\u2010" in joined
                else {w.lower() for w in written}
            )
        return self._words

    def _evidence(self, head: str, tail: str) -> bool | None:
        if f"{head}-{tail}" in self.words:
            return False
        if head + tail in self.words:
            return True
        return None

    def written_whole(self, before: str, after: str) -> bool:
        """Whether the document writes the word ``before`` (ending in "-") and ``after`` break
        whole inside a line, and never with its hyphen."""
        head, tail = _head(before), _TAIL.match(after)
        return (
            head is not None and tail is not None
            and self._evidence(head.group(1).lower(), tail.group(0).lower()) is True
        )

    def broken_unhyphenated(self, before: str, after: str) -> bool:
        """Whether the last word of ``before`` (a line's text) and the first of ``after`` (the
        next line's, starting lower-case) are one word broken with no hyphen: a word processor
        breaks a word between two letters where it is wider than its narrow cell
        ("Complèteme" "nt"). The document writes the word whole inside a line (a block's or a
        cell's), and neither piece as a word of its own: two words the document writes
        ("Cross" "head", "over" "all") keep their space."""
        head, tail = _LAST_WORD.search(before), _TAIL.match(after)
        if head is None or tail is None or not tail.group(0)[:1].islower():
            return False
        first, second = head.group(0).lower(), tail.group(0).lower()
        if not (first.isalpha() and second.isalpha()):
            return False
        if self._line_words is None:
            self._line_words = _line_words([*self._texts, *self.cell_lines()])
        written, not_ending, not_starting = self._line_words
        # (A piece of a broken word is its line's last or first word: written elsewhere, or
        # on this line too, with a word after it or before it, it is a word.)
        return (first + second in written and first not in not_ending
                and second not in not_starting)

    def joins(self, before: str, after: str) -> bool:
        """Whether ``before`` (ending in "-") and the next line ``after`` make one word."""
        head, tail = _head(before), _TAIL.match(after)
        if head is None or tail is None:
            return self.join_default
        found = self._evidence(head.group(1).lower(), tail.group(0).lower())
        return self.join_default if found is None else found


@dataclass
class PageResult:
    #: The page as shown, like its blocks (:mod:`.rotation`).
    page: Page
    blocks: list[Block]
    opmap: OperatorMap
    mcids: list[int]
    frame: Frame
    #: The page in user space, as the model keeps it.
    user_page: Page
    #: The page's drawn horizontal rules (display space): what rules a running header or
    #: footer off from the text on a page that no other page repeats (:mod:`.classify`).
    level_rules: list[BBox] = field(default_factory=list)
    #: The page's horizontal strokes across a third of it at least, pieces drawn end to end
    #: as one, frames' edges too: what closes a boxed header off (:mod:`.classify`).
    level_edges: list[BBox] = field(default_factory=list)


def x_overlap(a: Block | BBox, b: Block | BBox) -> float:
    """Horizontal overlap as a share of the narrower of the two."""
    overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    narrower = min(a.x1 - a.x0, b.x1 - b.x0)
    return overlap / narrower if narrower > 0 else 0.0


class Boxed(Protocol):
    x0: float
    y0: float
    x1: float
    y1: float


#: Margin bands (fraction of page height) where running headers and footers live.
MARGIN_BAND = 0.12

#: Shapes considered per page when looking for vector drawings (bounded work).
MAX_SHAPES = 2000


def area_share(a: Boxed, b: Boxed) -> float:
    """How much of ``a`` lies inside ``b``."""
    # (Asked of many pairs of boxes: min() and max() of two values spelled out with their
    # exact semantics, ``min(p, q)`` is ``q if q < p else p`` and ``max(p, q)`` is ``q if
    # q > p else p``.)
    ax0, ay0, ax1, ay1 = a.x0, a.y0, a.x1, a.y1
    bx0, by0, bx1, by1 = b.x0, b.y0, b.x1, b.y1
    w = (bx1 if bx1 < ax1 else ax1) - (bx0 if bx0 > ax0 else ax0)
    h = (by1 if by1 < ay1 else ay1) - (by0 if by0 > ay0 else ay0)
    area = (ax1 - ax0) * (ay1 - ay0)
    return w * h / area if w > 0 and h > 0 and area > 0 else 0.0


def boxes_overlap(a: BBox, b: BBox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def same_line(a: Fragment, b: Fragment) -> bool:
    """Whether two fragments sit on one line: they share over half the shorter one's height."""
    # ``min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5 * min(a.height, b.height)``, with min() and
    # max() of two values spelled out with their exact semantics (``min(a, b)`` is ``b if b <
    # a else a``) and the heights worked out here: asked of every fragment a block takes.
    ay0, ay1, by0, by1 = a.y0, a.y1, b.y0, b.y1
    a_height, b_height = ay1 - ay0, by1 - by0
    return (by1 if by1 < ay1 else ay1) - (by0 if by0 > ay0 else ay0) > 0.5 * (
        b_height if b_height < a_height else a_height
    )


def stacked_lines(block: Block) -> int:
    """How many lines a block's fragments stand on, counting a line where a fragment does not
    share any height with the one before (a cheaper count than :func:`lines_of`'s, for short
    labels and names)."""
    count, previous = 0, None
    for f in block.frags:
        if previous is None or f.y1 <= previous.y0 or f.y0 >= previous.y1:
            count += 1
        previous = f
    return count


def lines_of(frags: Sequence[Fragment]) -> list[list[Fragment]]:
    """Fragments (line by line, as a block holds them) grouped into their lines."""
    if _accelerator is not None:
        # (The same lines in C, but where a box is not plainly floats: many passes ask it of
        # every block, and the calls of same_line were most of its time. A test holds the
        # two equal.)
        found = _accelerator.lines_of(frags)
        if found is not NotImplemented:
            grouped: list[list[Fragment]] = found
            return grouped
    return _python_lines_of(frags)


def _python_lines_of(frags: Sequence[Fragment]) -> list[list[Fragment]]:
    """:func:`lines_of` in Python."""
    out: list[list[Fragment]] = []
    for f in frags:
        if out and same_line(out[-1][-1], f):
            out[-1].append(f)
        else:
            out.append([f])
    return out


def cut_between_lines(
    block: Block, lines: Sequence[Sequence[Fragment]], apart: Sequence[bool]
) -> list[Block]:
    """``block`` (its ``lines``, as :func:`lines_of` gives them) cut before each line ``k``
    (from the second) that ``apart[k]`` sets apart: a block per part, or ``[block]`` itself
    where no line is."""
    parts = [list(lines[0])]
    for k in range(1, len(lines)):
        if apart[k]:
            parts.append(list(lines[k]))
        else:
            parts[-1].extend(lines[k])
    if len(parts) == 1:
        return [block]
    out: list[Block] = []
    for part in parts:
        piece = Block(block.page)
        for f in part:
            piece.add(f)
        out.append(piece)
    return out


def column_right_edge(block: Block, column: Sequence[Fragment]) -> float:
    """The right edge of the column ``block`` stands in: the furthest any of its text set
    across the block's width reaches."""
    return max((f.x1 for f in column if f.x0 < block.x1 and f.x1 > block.x0), default=block.x1)
