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

Inline code (a monospaced word inside a paragraph) stays in its paragraph: it is no block
of its own, nor of :data:`MIN_LINES` lines.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from .blocks import Block, PageResult, lines_of
from .glyphs import Glyph
from .lines import Fragment

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


def listings_apart(results: Sequence[PageResult]) -> None:
    """Gather each listing's blocks into one block (see the module's docstring)."""
    running_face: str | None = None
    for result in results:
        for run in _candidate_runs(result.blocks):
            frags = [f for b in run for f in b.frags]
            pitch = glyph_pitch(frags)
            if pitch is None:
                continue  # (most runs: a column of figures, of bullets; no listing)
            frags = _lines_down(frags)
            if not _set_as_listing(frags, pitch):
                continue
            if running_face is None:
                # (Read only for a document with a listing's lines in it: most have none.)
                running_face = _running_face(results)
            if _face(frags) == running_face:
                continue
            merged = Block(run[0].page)
            for f in frags:
                merged.add(f)
            merged.pitch = pitch
            gone = {id(b) for b in run[1:]}
            at = result.blocks.index(run[0])
            result.blocks[at] = merged
            result.blocks[:] = [b for b in result.blocks if id(b) not in gone]


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
    """A listing block's text: :func:`lines_text` of its lines at its pitch."""
    return lines_text(lines_of(block.frags), block.pitch)


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
    bases = [min(f.y0 for f in line) for line in lines]
    steps = sorted(a - b for a, b in zip(bases, bases[1:], strict=False))
    usual = steps[len(steps) // 2] if steps else 0.0
    out: list[str] = []
    for k, line in enumerate(lines):
        if k and usual > 0:
            out.extend([""] * max(0, round((bases[k - 1] - bases[k]) / usual) - 1))
        text = ""
        for f in sorted(line, key=lambda f: f.x0):
            column = max(0, round((f.x0 - left) / pitch))
            gap = column - len(text)
            text += (" " * gap if gap > 0 else (" " if text else "")) + f.text
        out.append(text.rstrip())
    return "\n".join(out)


def _candidate_runs(blocks: list[Block]) -> list[list[Block]]:
    """Runs of text blocks, each set at one width of glyph (a cheap look first), read one
    after another in one column (each starting inside the width of those before, or not
    out left of them by more than :data:`OUT_LEFT` characters), and parted by no wider gap
    than :data:`MAX_STEP` sizes (taken top down: a closing brace may be read right after
    the line opening it, before the lines between); the runs of :data:`MIN_LINES`
    fragments at least."""
    groups: list[list[Block]] = []
    group: list[Block] = []
    left = right = 0.0
    for block in blocks:
        if not _one_width(block):
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
    width = 0.0
    seen = odd = 0
    for g in block.frags[0].glyphs:
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
    fonts: Counter[str] = Counter()
    for result in results:
        for block in result.blocks:
            if block.kind != "text":
                continue
            for f in block.frags:
                if f.glyphs:
                    fonts[f.glyphs[len(f.glyphs) // 2].font] += len(f.glyphs)
    return fonts.most_common(1)[0][0] if fonts else ""
