"""Code listings: lines set in a fixed-pitch face, apart from the running text.

A program, a shell session or a configuration is printed line by line in a face whose every
character is equally wide (Courier, Consolas, a typewriter face), and its line breaks and
indentation carry meaning: joined into a paragraph, ``def f(x):`` and the lines under it run
into one sentence. Block building reads such a listing as many blocks (each line, or each
run of lines at one indent) or as one; here the consecutive blocks of a page that make one
listing are gathered into one block, marked with its :attr:`.Block.pitch`, which
classification makes a preformatted paragraph whose lines are kept and each line's indent
spelled in spaces (:func:`listing_text`).

A run of blocks is a listing when

- it spans :data:`MIN_LINES` lines at least, one under the other in one column;
- its glyphs are all (:data:`SAME_PITCH`) of one width, among them letters of several
  shapes (:data:`MIN_SHAPES`; a column of figures is set at one width in any face);
- each piece of a line has its glyphs on a grid of that width from its start
  (:data:`ON_GRID`): a listing's words are parted by whole spaces, where a justified
  line's spaces stretch (a sentence naming programs in a typewriter face is running text);
  pieces may start off the grid (a tab stop); and they are neither justified nor centred;
- and its face is not the document's running text's: a typewritten transcript is all in
  one fixed-pitch face, and its lines are prose.

A page set wholly in a fixed-pitch face (a slide) writes its prose in that face too: among
lines of code, a line at the listing's edge that reads as a sentence is told apart from the
code (:func:`_prose_apart`).

Code set in a proportional face, or in several faces (a slide's keywords in bold, its names
in a typewriter face, each character centred in a cell of one width) shows no fixed pitch;
its braces show its structure instead: a line opening a block with "{", the lines under it
set further in, and a line closing it with "}" at the opener's indent
(:func:`_braced_code_apart`).

A listing broken by a page break may leave a line alone on one side ("/*" at a page's foot):
a line in the listing's face and pitch there is the listing's (:func:`_lone_lines_across`).

Inline code (a monospaced word inside a paragraph) stays in its paragraph: it is no block
of its own, nor of :data:`MIN_LINES` lines.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter, itemgetter
from types import ModuleType

from ..document import BBox
from .blocks import Block, PageResult, lines_of
from .contents import is_page_number
from .glyphs import Glyph
from .lines import Fragment, clean
from .patterns import BULLET, starts_item

_accelerator: ModuleType | None
try:
    # The first look at a block's glyph widths in C (_fragments.c), where built.
    from . import _fragments as _accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _accelerator = None

#: A listing holds at least this many lines (two lines in a typewriter face can be an
#: address or a pair of names; three make a block of code).
MIN_LINES = 3
#: Glyphs of a listing whose widths are its pitch (within :data:`PITCH_TOLERANCE`): nearly
#: all, leaving room for a symbol drawn from another font.
SAME_PITCH = 0.95
PITCH_TOLERANCE = 0.04
#: Distinct letters a listing's glyphs hold at least, all of the one width: a proportional
#: face's "i" and "m" differ, its figures do not.
MIN_SHAPES = 6
#: Glyphs of a block's first fragment looked at first: of one width (but one), the block may
#: be a listing's.
FIRST_LOOK = 6
#: Glyphs standing a whole number of pitches from the listing's left edge (within
#: :data:`GRID_TOLERANCE` of a pitch): nearly all.
ON_GRID = 0.9
GRID_TOLERANCE = 0.2
#: Consecutive lines of a listing are at most this many sizes apart, baseline to baseline
#: (a blank line or two between its parts).
MAX_STEP = 3.5
#: A block starts at most this many pitches out left of the listing's edge so far (a
#: closing brace under an indented first line).
OUT_LEFT = 40

#: A short display of code is set no larger than this many times the running text beside it
#: (a heading in a typewriter face is larger).
LARGER = 1.1
#: A line of prose holds this many words at least, or ends with a colon (a line leading
#: into the code under it: "Equivalent declarations:").
PROSE_WORDS = 4
#: A word of prose: letters (with an apostrophe or a hyphen inside).
_PROSE_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
#: What a program's statement holds and prose does not: an assignment or a comparison, a
#: statement's end, a brace, a comment's mark (not a web address's "://"), an increment.
_STATEMENT = re.compile(r"[;{}=]|(?<!:)//|\+\+|->")
#: A mark of code in a short display: a statement's (:data:`_STATEMENT`), a shell's
#: prompt opening it ("$ make", "% ls", "> dir"), a call ("free(p)").
_CODE_MARK = re.compile(r"[;{}=]|(?<!:)//|\+\+|->|^\s*[$%>#]\s|\w\([^()]*\)")
#: A line of web or e-mail addresses alone ("{gal,brendan}@mozilla.com", "http://fsf.org/"):
#: an author block's or a licence's, no code.
_ADDRESSES = re.compile(r"(?:\S*@\S+|\w+://\S+)(?:[\s,;]+(?:\S*@\S+|\w+://\S+))*")
#: What may stand round a word of prose: brackets, quotes and punctuation.
_AROUND_WORDS = "()[]\"'“”‘’.,:;?!…"
#: Glyphs next to one another in a listing set in cells stand a whole number of cells apart
#: (within :data:`CELL_TOLERANCE` of a cell), nearly all of them (:data:`ON_GRID`).
CELL_TOLERANCE = 0.25


_text_of = attrgetter("text")


def listings_apart(results: Sequence[PageResult]) -> None:
    """Gather each listing's blocks into one block (see the module's docstring)."""
    running_face: str | None = None
    for result in results:
        runs = [
            part for run in _candidate_runs(result.blocks)
            for part in _apart_at_rules(run, result.level_edges)
            if sum(len(b.frags) for b in part) >= MIN_LINES
        ]
        for run, pitch in _pitched_runs(runs):
            frags = _lines_down([f for b in run for f in b.frags])
            if not _set_as_listing(frags, pitch):
                continue
            if running_face is None:
                # (Read only for a document with a listing's lines in it: most have none.)
                running_face = _running_face(results)
            if _face(frags) == running_face or _bulleted(lines_of(frags), _face(frags)):
                continue
            pieces = _prose_apart(lines_of(frags), pitch)
            if pieces is None:
                continue
            made: list[Block] = []
            for is_code, lines in pieces:
                piece = Block(run[0].page)
                for f in (f for line in lines for f in line):
                    piece.add(f)
                piece.pitch = pitch if is_code else 0.0
                made.append(piece)
            gone = {id(b) for b in run[1:]}
            at = result.blocks.index(run[0])
            result.blocks[at:at + 1] = made
            result.blocks[:] = [b for b in result.blocks if id(b) not in gone]
        if running_face is None and _short_display_may_be(result.blocks):
            running_face = _running_face(results)
        if running_face is not None:
            _short_displays_apart(result.blocks, running_face)
        _braced_code_apart(result.blocks)
    for result, after in zip(results, results[1:], strict=False):
        _lone_lines_across(result.blocks, after.blocks)


def _short_display_may_be(blocks: list[Block]) -> bool:
    """Whether a block of the page, of fewer lines than a listing, may be a short display
    of code (a cheap look: its first glyphs of one width, a mark of code in it)."""
    return any(
        not b.pitch and len(b.frags) < 4 * MIN_LINES and _one_width(b)
        and _CODE_MARK.search(b.text) is not None
        for b in blocks
    )


def _short_displays_apart(blocks: list[Block], running_face: str) -> None:
    """Mark each short display of code as a listing: a block of a line or two, fewer than a
    listing's :data:`MIN_LINES` (a shell command, a declaration shown on its own), set
    wholly in one fixed-pitch face that is not the running text's, holding a mark of code
    (:data:`_CODE_MARK`: a statement's, a shell's prompt) and no mere web or e-mail
    addresses (an author block's, a licence's address line), with a block of running text
    before or after it on the page: a display between paragraphs, not inline code (that
    is in its paragraph's block), nor a line of a typewritten page. Not bold, nor larger
    than the running text beside it (:data:`LARGER`): that is a heading naming an element
    ('<dir prefix="default">'), set in the typewriter face its name is written in."""
    for k, block in enumerate(blocks):
        if (block.pitch or len(block.frags) >= 4 * MIN_LINES or not _one_width(block)
                or _CODE_MARK.search(block.text) is None):
            continue
        lines = lines_of(block.frags)
        if len(lines) >= MIN_LINES or _ADDRESSES.fullmatch(block.text.strip()):
            continue
        fonts = {g.font for f in block.frags for g in f.glyphs if not g.char.isspace()}
        pitch = glyph_pitch(block.frags)
        if pitch is None or fonts != {_face(block.frags)} or running_face in fonts:
            continue
        if all(f.bold for f in block.frags):
            continue  # a heading in a typewriter face (a manual's element names), no code
        around = [b for b in blocks[max(0, k - 1):k] + blocks[k + 1:k + 2]
                  if b.kind == "text" and b.note is None and b.frags
                  and _face(b.frags) == running_face]
        size = max(f.size for f in block.frags)
        if around and size <= LARGER * max(f.size for b in around for f in b.frags) and not (
            _centred(lines, pitch)
        ):
            block.pitch = pitch


def _pitched_runs(
    runs: Iterable[list[Block]],
) -> Iterable[tuple[list[Block], float]]:
    """The runs (or stretches of them) whose glyphs are all of one width, each with that
    width (:func:`glyph_pitch`). A run that is not may hold such a stretch: the cheap first
    look (:func:`_one_width`) takes a heading whose first glyphs happen to be of one width
    ("3.1"), or a paragraph opening with a word in a typewriter face, and the run reaching
    over them holds glyphs of many widths; the stretches of its blocks whose own glyphs are
    all of one width are tried instead (a manual's usage message under its section's
    heading and first paragraph)."""
    for run in runs:
        pitch = glyph_pitch([f for b in run for f in b.frags])
        if pitch is not None:
            yield run, pitch
            continue
        # (Most runs end here: a column of figures, of bullets; no listing.)
        for stretch in _one_width_stretches(run):
            if len(stretch) < len(run) and sum(len(b.frags) for b in stretch) >= MIN_LINES:
                pitch = glyph_pitch([f for b in stretch for f in b.frags])
                if pitch is not None:
                    yield stretch, pitch


def _one_width_stretches(run: list[Block]) -> list[list[Block]]:
    """The run's stretches of consecutive blocks whose glyphs are each (:data:`SAME_PITCH`)
    of one width."""
    stretches: list[list[Block]] = [[]]
    for block in run:
        if _all_one_width(block):
            stretches[-1].append(block)
        elif stretches[-1]:
            stretches.append([])
    return [stretch for stretch in stretches if stretch]


def _all_one_width(block: Block) -> bool:
    """Whether nearly all (:data:`SAME_PITCH`) of the block's glyphs are of one width."""
    widths = sorted([g.x1 - g.x0 for f in block.frags for g in f.glyphs if not g.char.isspace()])
    if not widths:
        return False
    middle = widths[len(widths) // 2]
    low, high = (1 - PITCH_TOLERANCE) * middle, (1 + PITCH_TOLERANCE) * middle
    return bisect_right(widths, high) - bisect_left(widths, low) >= SAME_PITCH * len(widths)


def _braced_code_apart(blocks: list[Block]) -> None:
    """Gather into one listing each run of lines that a program's braces structure, in
    whatever faces they are set: a slide's code is often set in a proportional face, or in
    several (keywords in bold, names in a typewriter face, punctuation in the slide's face),
    each character centred in a cell of one width, so that its glyphs are of many widths
    and no fixed pitch shows. Its structure shows instead (:func:`_braced_spans`): a line
    opening a block with "{", the lines under it set further in, and a line at the
    opener's indent closing it with "}". A listing whose glyphs stand in cells
    (:func:`_on_cells`) is spelled from its glyphs' places (:func:`cells_text`); another
    from its pieces' texts (:func:`words_text`)."""
    # (Every fragment of every page is looked at: read at C speed.)
    texts = list(map(_text_of, itertools.chain.from_iterable(
        b.frags for b in blocks if b.kind == "text" and not b.pitch)))
    if "{" not in "".join(texts) or not any(text.rstrip().endswith("{") for text in texts):
        return  # (most pages: no line opens a block of code)
    runs = [column for run in _candidate_runs(blocks, _may_hold_code)
            for column in _side_by_side(run)]
    for run in runs:
        lines = lines_of(_lines_down([f for b in run for f in b.frags]))
        spans = _braced_spans(lines, _with_prose(run, lines))
        if not spans:
            continue
        listings: list[Block] = []
        for start, end in spans:
            listing = Block(run[0].page)
            for f in (f for line in lines[start:end] for f in line):
                listing.add(f)
            listing.pitch = _cell_width(lines[start:end])
            listing.spelling = "cells" if _on_cells(lines[start:end], listing.pitch) else "words"
            listings.append(listing)
        at = blocks.index(run[0])
        members = {id(b) for b in run}
        blocks[:] = [
            *(b for b in blocks[:at] if id(b) not in members),
            *_run_with_listings(run, listings),
            *(b for b in blocks[at:] if id(b) not in members),
        ]


def _side_by_side(run: list[Block]) -> list[list[Block]]:
    """The run's blocks in columns: blocks whose spans across overlap, one with another,
    are in one column (a slide's two listings side by side are read row by row, and their
    lines would be read as one line each)."""
    columns: list[tuple[float, float, list[int]]] = []
    for k in sorted(range(len(run)), key=lambda k: run[k].x0):
        block = run[k]
        if columns and block.x0 < columns[-1][1]:
            x0, x1, members = columns[-1]
            columns[-1] = (x0, max(x1, block.x1), [*members, k])
        else:
            columns.append((block.x0, block.x1, [k]))
    return [[run[k] for k in sorted(members)] for _, _, members in columns]


def _may_hold_code(block: Block) -> bool:
    """Whether a block may hold lines of a listing its braces show: text of the page's
    own (no footnote), not yet a listing, read left to right."""
    return (block.kind == "text" and bool(block.frags) and block.note is None
            and not block.pitch and not any(f.rtl for f in block.frags))


def _with_prose(run: list[Block], lines: list[list[Fragment]]) -> list[bool]:
    """For each of ``lines`` (the run's, top down), whether a piece of it stands in a block
    holding a line that reads as prose (:func:`_reads_as_prose`): a paragraph's, whose
    last line may be a few words in small letters ("the following code") though it is no
    code."""
    prose_blocks = {
        id(block) for block in run
        if any(_reads_as_prose(" ".join(f.text for f in line)) for line in lines_of(block.frags))
    }
    holder = {id(f): id(block) for block in run for f in block.frags}
    return [any(holder[id(f)] in prose_blocks for f in line) for line in lines]


def _braced_spans(lines: list[list[Fragment]], with_prose: list[bool]) -> list[tuple[int, int]]:
    """The spans of ``lines`` (start, end: ``lines[start:end]``) that are a program's: each
    holds a block its braces open and close (a line ending in "{", lines set further in
    under it, a line at its indent opening with "}"), with the lines of code around it
    (:func:`_code_like`), none of them in a block with prose (``with_prose``). None of a
    span's lines reads as prose."""
    texts = [" ".join(f.text for f in line).strip() for line in lines]
    indents = [line[0].x0 for line in lines]
    sizes = sorted(f.size for line in lines for f in line)
    slack = 0.5 * sizes[len(sizes) // 2]
    braced = [False] * len(lines)
    for k, text in enumerate(texts):
        if not text.endswith("{"):
            continue
        for j in range(k + 1, len(lines)):
            if texts[j].startswith("}") and abs(indents[j] - indents[k]) <= slack:
                if j > k + 1:
                    braced[k:j + 1] = [True] * (j + 1 - k)
                break
            if indents[j] <= indents[k] + slack:
                break  # a line not set in: the brace opens no block of lines
    prose = [_reads_as_prose(text) for text in texts]
    code = [braced[k] or (_code_like(text) and not prose[k] and not with_prose[k])
            for k, text in enumerate(texts)]
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(lines):
        if not code[k]:
            k += 1
            continue
        end = k
        while end < len(lines) and code[end]:
            end += 1
        if any(braced[k:end]) and end - k >= MIN_LINES and not any(prose[k:end]):
            spans.append((k, end))
        k = end
    return spans


def _code_like(text: str) -> bool:
    """Whether a line may be a program's, next to lines its braces structure: it holds a
    statement's marks (:data:`_STATEMENT`), opens or closes a bracket, or is a few words
    opening with no capital ("package main", "else", a string's '"os"'); no list's point,
    no sentence."""
    if not text or starts_item(text):
        return False
    if _STATEMENT.search(text) or text[-1] in "([)]" or text[0] in ")]":
        return True
    words = [word for word in text.split() if any(ch.isalnum() for ch in word)]
    return len(words) < PROSE_WORDS and not text[0].isupper() and text[-1] not in ".:?!"


def _reads_as_prose(text: str) -> bool:
    """Whether a line reads as a sentence: no mark of a statement (:data:`_STATEMENT`), a
    word with a capital first (not a word all in capitals: a keyword of SQL or COBOL), and
    words of letters two in three of its words at least ("Echo Function in C (not much of
    a difference...)"), :data:`PROSE_WORDS` words or more, or a colon at the end ("A
    producer/consumer agreement:")."""
    words = text.split()
    if len(words) < 2 or _STATEMENT.search(text):
        return False
    first = words[0].strip(_AROUND_WORDS)
    if not first[:1].isupper() or (len(first) > 1 and first.isupper()):
        return False
    lettered = sum(1 for word in words if _PROSE_WORD.fullmatch(word.strip(_AROUND_WORDS)))
    return 3 * lettered >= 2 * len(words) and (
        len(words) >= PROSE_WORDS or text.rstrip()[-1:] == ":"
    )


def _cell_width(lines: list[list[Fragment]]) -> float:
    """The width of a cell of a listing set in cells: the usual step between the middles of
    two glyphs next to one another in a piece of a line (a name's letters)."""
    steps = sorted(
        _middle(b) - _middle(a)
        for line in lines for f in line
        for a, b in zip(f.glyphs, f.glyphs[1:], strict=False)
        if not a.char.isspace() and not b.char.isspace()
    )
    positive = [step for step in steps if step > 0]
    return positive[len(positive) // 2] if positive else max(lines[0][0].size * 0.5, 1.0)


def _on_cells(lines: list[list[Fragment]], width: float) -> bool:
    """Whether the lines' glyphs stand in cells ``width`` wide: the middles of nearly every
    two glyphs next to one another on a line a whole number of cells apart. In a
    proportional face set as it comes, a space is narrower than a letter, and the steps
    between letters are of many lengths."""
    steps = [
        (_middle(b) - _middle(a)) / width
        for line in lines
        for row in [sorted((g for f in line for g in f.glyphs if not g.char.isspace()),
                           key=_middle)]
        for a, b in zip(row, row[1:], strict=False)
    ]
    whole = sum(1 for step in steps if step >= 1 - CELL_TOLERANCE
                and abs(step - round(step)) <= CELL_TOLERANCE)
    return bool(steps) and whole >= ON_GRID * len(steps)


def _run_with_listings(run: list[Block], listings: list[Block]) -> list[Block]:
    """The run's blocks with the listings' fragments taken out of them and each listing put
    where its first fragment was read; a block left with fragments of its own stays (cut
    down to them, before the listing when they are read before its first)."""
    owner = {id(f): listing for listing in listings for f in listing.frags}
    out: list[Block] = []
    placed: set[int] = set()
    for block in run:
        own = [f for f in block.frags if id(f) not in owner]
        if len(own) == len(block.frags):
            out.append(block)
            continue
        rest = Block(block.page)
        for f in own:
            rest.add(f)
        first_own = block.frags.index(own[0]) if own else len(block.frags)
        first_taken = next(k for k, f in enumerate(block.frags) if id(f) in owner)
        if own and first_own < first_taken:
            out.append(rest)
        for f in block.frags:
            listing = owner.get(id(f))
            if listing is not None and id(listing) not in placed:
                placed.add(id(listing))
                out.append(listing)
        if own and first_own > first_taken:
            out.append(rest)
    return out


def _lone_lines_across(page: list[Block], next_page: list[Block]) -> None:
    """A listing broken by a page break may leave a line or two on one side, too few to
    count as one ("/*" at the foot of a page, the comment it opens at the head of the
    next; a closing "}" over the next page's text): such lines, the last text of their
    page (the first of the next), are the listing's when every glyph of them is of the
    listing's pitch and in one of its fonts. (:mod:`.runover` then reads the two halves
    as one listing.)"""
    last, first = _end_block(reversed(page)), _end_block(next_page)
    if last is None or first is None or bool(last.pitch) == bool(first.pitch):
        return
    listing, lone = (last, first) if last.pitch else (first, last)
    if lone.note is None and len(lines_of(lone.frags)) < MIN_LINES and _in_listing_face(
        lone, listing
    ):
        lone.pitch = listing.pitch
        _pieces_beside_joined(page if lone is last else next_page, lone, listing)


def _pieces_beside_joined(blocks: list[Block], lone: Block, listing: Block) -> None:
    """A lone line's value set far out past its name ("==1== Reads:     2,807 bytes", the
    gap wider than the block loop's line step) was read as a block of its own beside it:
    each text block standing wholly on the lone lines' baselines, in the listing's face, is
    taken back into them, so the code line is read whole (and one text object is no longer
    claimed by two blocks)."""
    baselines = [line[0].y0 for line in lines_of(lone.frags)]

    def on_lone_line(f: Fragment) -> bool:
        return any(abs(f.y0 - y) <= 0.3 * max(f.size, 1.0) for y in baselines)

    beside = [
        b for b in blocks
        if b is not lone and b.kind == "text" and not b.pitch and b.note is None and b.frags
        and all(on_lone_line(f) for f in b.frags) and _in_listing_face(b, listing)
    ]
    if not beside:
        return
    frags = _lines_down([f for b in [lone, *beside] for f in b.frags])
    lone.frags = []
    for f in frags:
        lone.add(f)
    gone = {id(b) for b in beside}
    blocks[:] = [b for b in blocks if id(b) not in gone]


def _end_block(blocks: Iterable[Block]) -> Block | None:
    """The first text block of ``blocks`` that is not a page number alone, if it is text."""
    for block in blocks:
        if block.kind == "text" and not is_page_number(block.text):
            return block
        if block.kind != "text":
            return None
    return None


def _in_listing_face(block: Block, listing: Block) -> bool:
    """Whether every glyph of ``block`` is as wide as the listing's pitch and drawn in one of
    the listing's fonts."""
    fonts = {g.font for f in listing.frags for g in f.glyphs}
    glyphs = [g for f in block.frags for g in f.glyphs if not g.char.isspace()]
    low, high = (1 - PITCH_TOLERANCE) * listing.pitch, (1 + PITCH_TOLERANCE) * listing.pitch
    return bool(glyphs) and all(
        g.font in fonts and low <= g.x1 - g.x0 <= high for g in glyphs
    )



def _prose_line(line: list[Fragment], left: float, pitch: float) -> bool:
    """Whether a listing's line is a sentence of prose: at the listing's left edge (an
    indented line is the code's), a capitalised word and words of letters after it, no
    mark of code among them, :data:`PROSE_WORDS` of them or a colon at the end."""
    if line[0].x0 - left > GRID_TOLERANCE * pitch:
        return False
    return _reads_as_prose(" ".join(f.text for f in line))


def _prose_apart(
    lines: list[list[Fragment]], pitch: float
) -> list[tuple[bool, list[list[Fragment]]]] | None:
    """A listing's lines in pieces, each (code or not, its lines): a slide or a page set
    wholly in a fixed-pitch face writes its prose in that face too ("Equivalent
    declarations:" over the lines it leads into, "Declares i to be a new variable" under
    them), and those lines are no code. Prose is told apart only among lines of code, of
    which :data:`MIN_LINES` hold a statement's marks (:data:`_STATEMENT`): a verbatim copy
    of a poem or of an article, its lines all words, is kept whole, as set. None when the
    code left holds fewer than :data:`MIN_LINES` lines (a page of prose with a line or two
    of code in it is no listing)."""
    statements = sum(
        1 for line in lines if _STATEMENT.search(" ".join(f.text for f in line))
    )
    if statements < MIN_LINES:
        return [(True, lines)]
    left = min(f.x0 for line in lines for f in line)
    pieces: list[tuple[bool, list[list[Fragment]]]] = []
    for line in lines:
        is_code = not _prose_line(line, left, pitch)
        if pieces and pieces[-1][0] == is_code:
            pieces[-1][1].append(line)
        else:
            pieces.append((is_code, [line]))
    if sum(len(piece) for is_code, piece in pieces if is_code) < MIN_LINES:
        return None
    return pieces


def _bulleted(lines: list[list[Fragment]], face: str) -> bool:
    """Whether most of ``lines`` open with a bullet set apart, in another face than the
    code's (drawn, or a symbol font's): a list whose points are names in a typewriter
    face ("• <stdatomic.h>", "• std::invoke_r"), each its own point, not a listing. (A
    listing's own marks, a diff's "-" or a comment's "*", are set in its face.)"""
    bullets = 0
    for line in lines:
        first = line[0]
        mark = BULLET.match(first.text.strip() + " x")
        if (len(line) > 1 and mark is not None and mark.group(1) is not None
                and len(first.text.strip()) == 1
                and all(g.font != face for g in first.glyphs if not g.char.isspace())):
            bullets += 1
    return bullets >= 2 and 2 * bullets >= len(lines)


def _set_as_listing(frags: list[Fragment], pitch: float) -> bool:
    """Whether ``frags`` (in their lines, top down), their glyphs all ``pitch`` wide (see
    :func:`glyph_pitch`), are a listing: not so where they hold fewer than
    :data:`MIN_LINES` lines, their words are not on one grid, or their lines are justified
    or centred."""
    lines = lines_of(frags)
    if len(lines) < MIN_LINES:
        return False
    glyphs = 0
    on_grid = 0
    for f in frags:
        for g in f.glyphs:
            if not g.char.isspace():
                glyphs += 1
                on_grid += _off_grid(g, f.x0, pitch) <= GRID_TOLERANCE
    return not (on_grid < ON_GRID * glyphs or _justified(lines, pitch)
                or _centred(lines, pitch))


def glyph_pitch(frags: list[Fragment]) -> float | None:
    """The one width of the glyphs of ``frags`` (in any order), or None: glyphs of several
    widths (:data:`SAME_PITCH`), or letters of too few shapes (:data:`MIN_SHAPES`)."""
    glyphs = [g for f in frags for g in f.glyphs if not g.char.isspace()]
    if not glyphs:
        return None
    widths = sorted([g.x1 - g.x0 for g in glyphs])
    pitch = widths[len(widths) // 2]
    if pitch <= 0:
        return None
    low, high = (1 - PITCH_TOLERANCE) * pitch, (1 + PITCH_TOLERANCE) * pitch
    alike = bisect_right(widths, high) - bisect_left(widths, low)
    if alike < SAME_PITCH * len(widths):
        return None
    if len({g.char for g in glyphs if g.char.isalpha()}) < MIN_SHAPES:
        return None
    return pitch


def _centred(lines: list[list[Fragment]], pitch: float) -> bool:
    """Whether the lines are centred (a title page's addresses in a typewriter face): they
    start at several places, and their middles stand within a character of one another. A
    listing's lines start at its margin or at indents, wherever they end."""
    lefts = [min(f.x0 for f in line) for line in lines]
    if max(lefts) - min(lefts) <= GRID_TOLERANCE * pitch:
        return False
    middles = [(left + max(f.x1 for f in line)) / 2 for left, line in zip(lefts, lines,
                                                                          strict=True)]
    return max(middles) - min(middles) <= pitch


def _justified(lines: list[list[Fragment]], pitch: float) -> bool:
    """Whether the lines are justified running text: all but the last end at one right
    edge, and their words stand apart by stretched spaces (a piece of a line starts off
    the grid its first piece starts). A listing's lines end where their code does; where
    they are all of one length (a dump), their pieces stand on one grid."""
    full = lines[:-1]
    if len(full) < 2:
        return False
    ends = [max(f.x1 for f in line) for line in full]
    if max(ends) - min(ends) > GRID_TOLERANCE * pitch:
        return False
    return any(
        _off_grid(f.glyphs[0], line[0].x0, pitch) > GRID_TOLERANCE
        for line in full for f in line[1:] if f.glyphs
    )


def listing_text(block: Block) -> str:
    """A listing block's text as its :attr:`.Block.spelling` says: :func:`lines_text` of its
    lines at its pitch, :func:`cells_text` or :func:`words_text`."""
    lines = lines_of(block.frags)
    if block.spelling == "cells":
        return cells_text(lines, block.pitch)
    if block.spelling == "words":
        return words_text(lines, block.pitch)
    return lines_text(lines, block.pitch)


def code_text(frags: list[Fragment]) -> str:
    """The text of fragments an author tagged as code (a ``Code`` element at block level),
    as :func:`lines_text` gives it: their lines top down, each line's indent in characters
    of the median glyph width (the face need not be fixed-pitch: the author's word says it
    is code)."""
    if not frags:
        return ""
    widths = sorted(g.x1 - g.x0 for f in frags for g in f.glyphs if not g.char.isspace())
    pitch = widths[len(widths) // 2] if widths else 0.0
    lines = lines_of(_lines_down(frags))
    if pitch <= 0:
        return "\n".join(" ".join(f.text for f in line).strip() for line in lines)
    return lines_text(lines, pitch)


def lines_text(lines: list[list[Fragment]], pitch: float) -> str:
    """Lines of a listing as text, line by line ("\\n"), each line's pieces at their columns
    (the pitches they stand from the listing's left edge, in spaces), blank lines kept where
    the lines step down further than the listing's usual step."""
    left = min(f.x0 for line in lines for f in line)
    texts: list[str] = []
    for line in lines:
        text = ""
        for f in sorted(line, key=lambda f: f.x0):
            column = max(0, round((f.x0 - left) / pitch))
            gap = column - len(text)
            text += (" " * gap if gap > 0 else (" " if text else "")) + f.text
        texts.append(text.rstrip())
    return _with_blank_lines(lines, texts)


def words_text(lines: list[list[Fragment]], step: float) -> str:
    """Lines of a listing set in a proportional face as text: each line's pieces a space
    apart (no column of such a face lines up with another's), its indent in steps of ``step``
    from the listing's left edge."""
    left = min(f.x0 for line in lines for f in line)
    texts = [
        " " * max(0, round((min(f.x0 for f in line) - left) / step))
        + " ".join(f.text.strip() for f in sorted(line, key=lambda f: f.x0))
        for line in lines
    ]
    return _with_blank_lines(lines, [text.rstrip() for text in texts])


def cells_text(lines: list[list[Fragment]], pitch: float) -> str:
    """Lines of a listing set in cells (see :func:`_braced_code_apart`) as text: each line's
    glyphs left to right, as many spaces between two of them as the whole cells ``pitch``
    wide that stand empty between their middles (a narrow glyph centred in its cell leaves
    gaps as wide as a space of a proportional face; the pieces read from the page are cut
    there: "i f", "flag . Parse"), the line's indent in cells from the listing's left."""
    rows = [sorted((g for f in line for g in f.glyphs if not g.char.isspace()),
                   key=_middle) for line in lines]
    left = min((_middle(row[0]) for row in rows if row), default=0.0)
    texts: list[str] = []
    for row in rows:
        text = ""
        before: Glyph | None = None
        for g in row:
            char = clean(g.char)
            if before is None:
                text = " " * max(0, round((_middle(g) - left) / pitch))
            else:
                # (Between the middles of two glyphs of one character each: one cell.)
                width = (len(char) + len(clean(before.char))) / 2
                cells = (_middle(g) - _middle(before)) / pitch - width
                text += " " * max(0, round(cells))
            text += char
            before = g
        texts.append(text.rstrip())
    return _with_blank_lines(lines, texts)


def _middle(glyph: Glyph) -> float:
    return (glyph.x0 + glyph.x1) / 2


def _with_blank_lines(lines: list[list[Fragment]], texts: list[str]) -> str:
    """The lines' ``texts`` one a line, blank lines kept where the lines step down further
    than the listing's usual step."""
    bases = [min(f.y0 for f in line) for line in lines]
    steps = sorted(a - b for a, b in zip(bases, bases[1:], strict=False))
    usual = steps[len(steps) // 2] if steps else 0.0
    out: list[str] = []
    for k, text in enumerate(texts):
        if k and usual > 0:
            out.extend([""] * max(0, round((bases[k - 1] - bases[k]) / usual) - 1))
        out.append(text)
    return "\n".join(out)


def _candidate_runs(
    blocks: list[Block], member: Callable[[Block], bool] | None = None
) -> list[list[Block]]:
    """Runs of text blocks, each set at one width of glyph (a cheap look first; or each
    one ``member`` takes), read one
    after another in one column (each starting inside the width of those before, or not
    out left of them by more than :data:`OUT_LEFT` characters), and parted by no wider gap
    than :data:`MAX_STEP` sizes (taken top down: a closing brace may be read right after
    the line opening it, before the lines between); the runs of :data:`MIN_LINES`
    fragments at least."""
    groups: list[list[Block]] = []
    group: list[Block] = []
    left = right = 0.0
    takes = _one_width if member is None else member
    for block in blocks:
        if not takes(block):
            group = []
            continue
        if group and not left - OUT_LEFT * 0.6 * block.frags[0].size <= block.x0 < right:
            group = []
        if not group:
            groups.append(group)
            left, right = block.x0, block.x1
        group.append(block)
        left, right = min(left, block.x0), max(right, block.x1)
    # (A line is one fragment at least: a run of fewer holds fewer lines. Its lines are
    # counted when it is measured.)
    return [run for g in groups if sum(len(b.frags) for b in g) >= MIN_LINES
            for run in _apart_by_gaps(g) if sum(len(b.frags) for b in run) >= MIN_LINES]


def _apart_at_rules(run: list[Block], rules: Sequence[BBox]) -> list[list[Block]]:
    """The run's blocks in runs parted where a rule drawn across them lies between one and
    the next (the foot of a box drawn round a listing, and a heading in the code's face set
    under it: the box holds the listing, what is outside it is not the listing's)."""
    if not rules or len(run) < 2:
        return [run]
    parts: list[list[Block]] = [[run[0]]]
    for above, below in zip(run, run[1:], strict=False):
        if any(
            below.y1 <= rule.y0 and rule.y1 <= above.y0
            and rule.x0 < min(above.x1, below.x1) and max(above.x0, below.x0) < rule.x1
            for rule in rules
        ):
            parts.append([])
        parts[-1].append(below)
    return parts


def _apart_by_gaps(group: list[Block]) -> list[list[Block]]:
    """The group's blocks in runs parted by gaps wider than :data:`MAX_STEP` sizes, each run
    in reading order."""
    down = sorted(group, key=lambda b: -b.y1)
    runs: list[list[Block]] = [[down[0]]]
    bottom = down[0].y0
    for block in down[1:]:
        if bottom - block.y1 > MAX_STEP * max(block.frags[0].size, 1.0):
            runs.append([])
        runs[-1].append(block)
        bottom = min(bottom, block.y0)
    order = {id(b): k for k, b in enumerate(group)}
    return [sorted(run, key=lambda b: order[id(b)]) for run in runs]


def _one_width(block: Block) -> bool:
    """Whether a text block's first glyphs are of one width, but one at most (a cheap first
    look, at :data:`FIRST_LOOK` glyphs at most: most text is set in a proportional face, and
    its first letters differ; the whole run is measured after)."""
    if block.kind != "text" or not block.frags or block.note is not None:
        return False
    glyphs = block.frags[0].glyphs
    if _accelerator is not None and isinstance(glyphs, list):
        # (The same look in C: asked of every block of every page.)
        found = _accelerator.one_width(glyphs, PITCH_TOLERANCE, FIRST_LOOK)
        if found is not NotImplemented:
            answer: bool = found
            return answer
    return _python_one_width(glyphs)


def _python_one_width(glyphs: Sequence[Glyph]) -> bool:
    """:func:`_one_width`'s look at a block's first fragment's ``glyphs``, in Python (keep it
    in step with ``_fragments.c``'s one_width: a test compares them)."""
    width = 0.0
    seen = odd = 0
    for g in glyphs:
        if g.char == " ":
            continue
        w = g.x1 - g.x0
        if not seen:
            width = w
        elif abs(w - width) > PITCH_TOLERANCE * width:
            odd += 1
            if odd > 1:
                return False
        seen += 1
        if seen == FIRST_LOOK:
            break
    return width > 0 and 2 * odd < seen


def _lines_down(frags: list[Fragment]) -> list[Fragment]:
    """Fragments in their lines top down, each line left to right (the run's blocks may have
    been read in another order: a closing brace before the lines over it)."""
    ordered = sorted(frags, key=lambda f: (-f.y0, f.x0))
    lines: list[list[Fragment]] = []
    for f in ordered:
        if lines and abs(lines[-1][0].y0 - f.y0) <= 0.3 * max(f.size, 1.0):
            lines[-1].append(f)
        else:
            lines.append([f])
    return [f for line in lines for f in sorted(line, key=lambda f: f.x0)]


def _off_grid(glyph: Glyph, left: float, pitch: float) -> float:
    """How far (in pitches) a glyph stands from the nearest column of the grid starting at
    ``left``."""
    columns = (glyph.x0 - left) / pitch
    return abs(columns - round(columns))


def _face(frags: list[Fragment]) -> str:
    """The font most of the glyphs are set in."""
    fonts = Counter(g.font for f in frags for g in f.glyphs if g.char.isalnum())
    return fonts.most_common(1)[0][0] if fonts else ""


def _running_face(results: Sequence[PageResult]) -> str:
    """The font of the document's running text: the one most of its text lines are set in
    (each fragment counted by its middle glyph's font, weighted by its length)."""
    # (A plain dict, in the order the fonts are first seen, and the first of the most
    # weighed as Counter.most_common(1) picks it: a Counter's += of a font not yet seen goes
    # through __missing__, asked of every fragment of the document.)
    fonts: dict[str, int] = {}
    for result in results:
        for block in result.blocks:
            if block.kind != "text":
                continue
            for f in block.frags:
                glyphs = f.glyphs
                if glyphs:
                    font = glyphs[len(glyphs) // 2].font
                    fonts[font] = fonts.get(font, 0) + len(glyphs)
    return max(fonts.items(), key=itemgetter(1))[0] if fonts else ""
