"""Display formulas: lines of a column set out as mathematics, read as one block, in place.

A display formula is set between paragraphs, inside its column, away from the column's left
edge (centred, or indented as an aligned set of equations is), set apart from the text above
and below it, in small pieces with wide gaps between them (an equation and its number, the
sides of aligned equations, a matrix's entries) or with a delimiter reaching over its rows
(a matrix's brackets). Left to the block builder, its pieces read as prose: a line of two
pieces joins the paragraph under it, aligned equations fall apart, and a matrix's rows are
read across, one bracket with the entries beside it. A run of such lines close together is
one block here, its lines top to bottom, each left to right; in a line holding a matrix the
matrix is read whole, row by row, before what follows it (the next matrix). A line is maths
by its signs (relations and operators, the letters of the Mathematical Alphanumeric Symbols
block, a delimiter) with letters among them, and by having at most :data:`PROSE_WORDS` words
of running text (one more beside a delimiter); a program listing's line (fixed pitch) is no
maths.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from operator import attrgetter

from .blocks import Block
from .glyphs import Glyph
from .lines import FRAGMENT_GAP, Fragment, Line, fragments

#: Relations and operators that mark a line as maths (not "+" nor "-": a telephone number or
#: a range in a line of a form has them).
MATH_SIGNS = frozenset("=≠<>≤≥≈≡∼≃≅∝→←↦⇒⇐⇔∈∉⊂⊃⊆⊇∪∩−×÷±∓∑∏∫∮∂∇√∞")
#: A word of running text: four letters or more ("sin", "cos", "mod", "det" are maths').
_PROSE_WORD = re.compile(r"[^\W\d_]{4,}")
#: At most this many words of running text in a line of maths; one more beside a tall
#: delimiter (cases: "otherwise", "if"): a line of prose with a formula in it has more,
#: and so has the last line of a paragraph ending in one, unless it is one word
#: ("Innenwinkel ≤ π.").
PROSE_WORDS = 0
#: A formula line starts at least this many of its font sizes right of its column's left edge.
INDENT = 0.5
#: A glyph this many times the formula's usual glyph height, or taller, is a delimiter
#: reaching over its rows (a matrix's bracket, a brace of cases).
TALL = 1.5
#: Lines of one formula are at most this many of their font sizes apart (between boxes).
LINE_GAP = 1.0
#: A formula is set apart from the text above and below it by this many of its font sizes
#: more than the column's usual gap between the lines of a paragraph.
APART = 0.3


_sizes_of = attrgetter("sizes")

#: A maths sign or a letter of the Mathematical Alphanumeric Symbols block.
_MATHS = re.compile("[" + re.escape("".join(sorted(MATH_SIGNS))) + "\U0001D400-\U0001D7FF]")


def _tall(glyphs: Sequence[Glyph]) -> float:
    """The height from which a glyph of ``glyphs`` is a tall delimiter (inf: too few)."""
    heights = sorted([g.y1 - g.y0 for g in glyphs if g.y1 > g.y0])
    if len(heights) < 3:
        return float("inf")
    return TALL * heights[len(heights) // 2]


def _delimiters(glyphs: Sequence[Glyph]) -> list[Glyph]:
    """The delimiters among ``glyphs``: glyphs :data:`TALL` reaching over two rows of the
    others or more (a matrix's bracket; a maths font's tall box for "≤" or "−" in a line
    reaches over one)."""
    tall = _tall(glyphs)
    high = [g for g in glyphs if g.y1 - g.y0 >= tall]
    if not high:
        return []
    rows = [_middle(row) for row in _rows([g for g in glyphs if g.y1 - g.y0 < tall])]
    return [g for g in high if sum(g.y0 <= m <= g.y1 for m in rows) >= 2]


def _middle(row: Sequence[Glyph]) -> float:
    return (min([g.y0 for g in row]) + max([g.y1 for g in row])) / 2


def formula_line(line: Sequence[Fragment], left: float) -> bool:
    """Whether the fragments of a line are a line of a display formula in a column whose
    text starts at ``left``."""
    if not line or min([f.x0 for f in line]) <= left:
        return False  # (a line at the column's edge: no indent, whatever its size below)
    text = " ".join([f.text for f in line])
    prose = _prose_words(text, PROSE_WORDS + 2)
    if prose > PROSE_WORDS + 1:
        return False  # (most lines of text: asked first, the rest costs more)
    size = _size(line)
    if size <= 0 or min([f.x0 for f in line]) < left + INDENT * size:
        return False
    pitch = [f.fixed_pitch for f in line if f.fixed_pitch is not None]
    if pitch and all(pitch):
        return False  # (a listing's; a short piece of maths may look fixed pitch alone)
    signs = _MATHS.search(text) is not None and any(map(str.isalpha, text))
    if len(line) >= 2 and prose <= PROSE_WORDS and signs:
        return True  # (pieces a wide gap apart, with maths signs and letters)
    # Else only a delimiter over rows makes it maths: one piece is a line of text, signs
    # among figures alone are a chart's scale ("−4 −2 2 4"), and a word of running text
    # more is allowed beside a delimiter (cases: "otherwise").
    return bool(_delimiters([g for f in line for g in f.glyphs]))


def _prose_words(text: str, most: int) -> int:
    """How many words of running text ``text`` has (as ``_PROSE_WORD.findall`` finds them),
    counted up to ``most``: a line of prose is refused on its first few words, without
    searching the rest of it."""
    count, at = 0, 0
    while count < most:
        found = _PROSE_WORD.search(text, at)
        if found is None:
            break
        count, at = count + 1, found.end()
    return count


def formula_runs(
    region_lines: Sequence[Line], used: set[int]
) -> list[list[list[Fragment]]]:
    """The runs of consecutive lines of ``region_lines`` (a column's, top to bottom) that are
    a display formula, each as its lines' fragments (fragments in ``used``, tables', are no
    formula's). A run stands apart from the lines above and below it by :data:`APART` more
    than the column's usual gap between lines, or than none where that is wider (a column
    of headings and short paragraphs): a paragraph's first line, indented, has the next
    close under it, and so has a program's line."""
    pieces = (
        [[f for f in line.fragments if id(f) not in used] for line in region_lines] if used
        else [list(line.fragments) for line in region_lines]  # (most columns: no table)
    )
    text = [f for line in pieces for f in line]
    if not text:
        return []
    left = min([f.x0 for f in text])
    runs: list[tuple[int, int]] = []  # (first, last) line of each run
    for k, (line, kept) in enumerate(zip(region_lines, pieces, strict=True)):
        if len(kept) != len(line.fragments) or not formula_line(kept, left):
            continue
        size = _size(kept)
        if runs and runs[-1][1] == k - 1 and _gap(region_lines[k - 1], line) <= LINE_GAP * size:
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    out: list[list[list[Fragment]]] = []
    usual = _usual_gap(region_lines) if runs else 0.0
    for first, last in runs:
        size = _size([f for k in range(first, last + 1) for f in pieces[k]])
        apart = min(usual, 0.0) + APART * size
        if (first == 0 or _gap(region_lines[first - 1], region_lines[first]) >= apart) and (
            last == len(region_lines) - 1
            or _gap(region_lines[last], region_lines[last + 1]) >= apart
        ):
            out.append([pieces[k] for k in range(first, last + 1)])
    return out


def _size(frags: Sequence[Fragment]) -> float:
    """The median size of the glyphs of ``frags`` (a tall bracket's is not the text's)."""
    sizes = sorted(itertools.chain.from_iterable(map(_sizes_of, frags)))
    return sizes[len(sizes) // 2] if sizes else 0.0


def _gap(above: Line, below: Line) -> float:
    """The height between two lines' boxes (negative where they overlap)."""
    return min([f.y0 for f in above.fragments]) - max([f.y1 for f in below.fragments])


def _usual_gap(region_lines: Sequence[Line]) -> float:
    """The gap between consecutive lines of a column's paragraphs: the lower quartile of
    them all (a column of headings, formulas and short paragraphs has many wider ones);
    0 for fewer than three lines."""
    gaps = sorted(
        _gap(a, b) for a, b in zip(region_lines, region_lines[1:], strict=False)
    )
    if len(gaps) < 2:
        return 0.0
    return gaps[len(gaps) // 4]


def formula_block(
    page: int, run: Sequence[Sequence[Fragment]], stream: Sequence[Glyph], at: dict[int, int],
    ends: dict[int, Fragment],
) -> Block:
    """One block of a formula's lines (``run``, top to bottom), each line's fragments left
    to right as they are, but a line holding a matrix, whose glyphs are read again as
    :func:`matrix_glyphs` (``stream``: the page's glyphs; ``at``: each glyph's place there,
    by id). ``ends``: end marks (a proof's, set flush right), by the id of the fragment each
    is read after (at the end of its line, where that line is read again)."""
    block = Block(page)
    for line in run:
        glyphs = matrix_glyphs([g for f in line for g in f.glyphs], at)
        if glyphs is None:
            for f in line:
                block.add(f)
                if id(f) in ends:
                    block.add(ends[id(f)])
            continue
        spaced: list[Glyph] = []
        for g in glyphs:
            # Each glyph with the spaces after it in the page's stream, which part its words
            # as they did.
            spaced.append(g)
            k = at.get(id(g), -1) + 1
            while 0 < k < len(stream) and stream[k].char.isspace():
                spaced.append(stream[k])
                k += 1
        for f in fragments(spaced):
            block.add(f)
        for f in line:
            if id(f) in ends:
                block.add(ends[id(f)])
    return block


def matrix_glyphs(glyphs: Sequence[Glyph], at: dict[int, int]) -> list[Glyph] | None:
    """A formula line's glyphs in reading order where it holds a matrix (None where it holds
    none): the line parted at its delimiters (see :func:`_delimiters`), each delimiter after
    the part before it; a part between two delimiters in rows standing in columns (see
    :func:`_matrix`) is a matrix's, read row by row, top to bottom, each row left to right;
    any other part (a fraction's, what stands outside the delimiters) is read in the order
    it is drawn (``at``: each glyph's place in the page's stream, by id), as a fragment is."""
    delimiters = sorted(_delimiters(glyphs), key=lambda g: g.x0)
    if len(delimiters) < 2:
        return None
    chosen = {id(d) for d in delimiters}
    parts: list[list[Glyph]] = [[] for _ in range(len(delimiters) + 1)]
    middles = [(d.x0 + d.x1) / 2 for d in delimiters]
    for g in glyphs:
        if id(g) not in chosen:
            parts[sum(m <= (g.x0 + g.x1) / 2 for m in middles)].append(g)
    out: list[Glyph] = []
    found = False
    for k, part in enumerate(parts):
        rows = _rows(part)
        if 0 < k < len(delimiters) and _matrix(rows, delimiters[k - 1], delimiters[k]):
            found = True
            out.extend(g for row in rows for g in sorted(row, key=lambda g: g.x0))
        else:
            out.extend(sorted(part, key=lambda g: at.get(id(g), -1)))
        if k < len(delimiters):
            out.append(delimiters[k])
    return out if found else None


def _matrix(rows: Sequence[Sequence[Glyph]], opening: Glyph, closing: Glyph) -> bool:
    """Whether ``rows`` (of a part between the delimiters ``opening`` and ``closing``) are a
    matrix's: two or more, within the delimiters' height, each with as many entries (runs of
    glyphs a fragment gap apart), two or more, standing in columns (each row's k-th entry
    across from the first row's). Fractions side by side have rows of entries too, but their
    numerators do not stand over the arguments between them."""
    if len(rows) < 2:
        return False
    low, high = max(opening.y0, closing.y0), min(opening.y1, closing.y1)
    columns: list[tuple[float, float]] | None = None
    for row in rows:
        if min(g.y0 for g in row) < low - 1 or max(g.y1 for g in row) > high + 1:
            return False
        entries = _entries(row)
        if columns is None:
            columns = entries
        if len(entries) < 2 or len(entries) != len(columns) or any(
            e[0] > c[1] or c[0] > e[1] for e, c in zip(entries, columns, strict=True)
        ):
            return False
    return True


def _entries(row: Sequence[Glyph]) -> list[tuple[float, float]]:
    """The extents across of a row's runs of glyphs a fragment gap apart, left to right."""
    out: list[tuple[float, float]] = []
    last: Glyph | None = None
    for g in sorted(row, key=lambda g: g.x0):
        if last is not None and g.x0 - out[-1][1] <= FRAGMENT_GAP * max(g.size, last.size):
            out[-1] = (out[-1][0], max(out[-1][1], g.x1))
        else:
            out.append((g.x0, g.x1))
        last = g
    return out


def _rows(glyphs: Sequence[Glyph]) -> list[list[Glyph]]:
    """Glyphs in rows, top to bottom: the largest first, a glyph whose middle is within a
    row's height joins it (an index, raised or lowered, stays with its base); a tall glyph
    joins the row nearest its middle."""
    tall = _tall(glyphs)
    rows: list[tuple[list[Glyph], list[float]]] = []
    high: list[Glyph] = []
    for g in sorted(glyphs, key=lambda g: (g.y0 - g.y1, -(g.y0 + g.y1))):
        middle = (g.y0 + g.y1) / 2
        if g.y1 - g.y0 >= tall:
            high.append(g)
            continue
        for row, extent in rows:
            if extent[0] <= middle <= extent[1]:
                row.append(g)
                extent[0], extent[1] = min(extent[0], g.y0), max(extent[1], g.y1)
                break
        else:
            rows.append(([g], [g.y0, g.y1]))
    for g in high:
        middle = (g.y0 + g.y1) / 2
        if not rows:
            rows.append(([g], [g.y0, g.y1]))
            continue
        row, _ = min(rows, key=lambda r: abs((r[1][0] + r[1][1]) / 2 - middle))
        row.append(g)
    return [row for row, _ in sorted(rows, key=lambda r: -(r[1][0] + r[1][1]))]
