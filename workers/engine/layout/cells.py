"""Words of code set in fixed columns ("character cells") with a proportional face.

A program listing typeset in fixed columns puts each character in a cell of one width
whatever the face: glyph by glyph at a fixed step, or (LaTeX's listings) each word spread
over its cells by an even kern after every letter. A narrow letter then stands apart from
the next by more than a space's width ("f unc"), or pdfium reads the kern as a space
("f u nc"), and the word is heard letter by letter. Within such a run the words end only at
blank cells: :func:`cell_spaces` says where.
"""

from __future__ import annotations

from .glyphs import Glyph

#: Glyphs a run needs before their steps can show a grid: with fewer, a proportional face's
#: advances fall on some grid by chance ("I am": two equal steps).
GRID_GLYPHS = 5
#: Steps of one cell from or to a letter or digit a grid needs (the rest step over blank
#: cells or between punctuation).
GRID_ONE_CELL = 3
#: A glyph's start stands within this share of a cell of the grid's (rounding, and the
#: jitter of positions written with two decimals).
GRID_SLACK = 0.08
#: A cell is at least this many font sizes (loose-box heights) wide: narrower steps are a
#: proportional face's narrow letters, not cells.
GRID_MIN_CELL = 0.3
#: The letters of a word spread over its cells (one drawing, one face and size) stand apart
#: by gaps at least this many font sizes wide (the spreading shows), equal to within
#: :data:`SPREAD_EVEN` font sizes (the rest is kerning and a letter's overhang), and at most
#: :data:`SPREAD_MAX_GAP` (one-letter words apart by ordinary word spaces stand wider: the
#: bound of :data:`.lines.LETTER_SPACING_GAP`).
SPREAD_MIN_GAP = 0.04
SPREAD_EVEN = 0.1
SPREAD_MAX_GAP = 0.25
#: Letters a spread word has at least (two: its gaps cannot show they are even).
SPREAD_LETTERS = 3


def cell_grid_possible(glyphs: list[Glyph]) -> bool:
    """Whether ``glyphs`` (a fragment's, left to right) may stand in cells: each steps on from
    the last by a cell's width at least, and by a whole number of the narrowest step. (A
    cheap test before the line's grid is sought: a proportional face's letters fail it
    within a few glyphs.)"""
    steps = [b.x0 - a.x0 for a, b in zip(glyphs, glyphs[1:], strict=False)]
    least = min(steps)
    if least < GRID_MIN_CELL * max(glyphs[0].size, 1.0):
        return False
    return all(abs(s - round(s / least) * least) <= GRID_SLACK * least for s in steps)


def cell_spaces(
    glyphs: list[Glyph], singles: list[int], cells: dict[int, int] | None
) -> list[bool] | None:
    """For each pair of neighbours in ``glyphs`` (a fragment's, no spaces among them, left to
    right), whether a space between them may stay, when the fragment is set in character
    cells; None when nothing shows it is (then its spaces stand as they are). ``cells`` is
    :func:`grid_cells` of the fragment's line (or None); ``singles`` the indices of glyphs
    that stand alone between spaces in the text (a word spread over its cells and broken
    apart leaves one)."""
    if len(glyphs) < 2:
        return None
    if cells is not None and all(id(g) in cells for g in glyphs):
        at = [cells[id(g)] for g in glyphs]
        return [b - a >= 2 for a, b in zip(at, at[1:], strict=False)]
    if len(glyphs) < SPREAD_LETTERS:
        return None
    return _spread_breaks(glyphs, singles)


def _one_face(glyphs: list[Glyph]) -> bool:
    head = glyphs[0]
    size = max(head.size, 1.0)
    return not any(g.rotated or abs(g.size - head.size) > 0.02 * size for g in glyphs)


def grid_cells(line: list[Glyph]) -> dict[int, int] | None:
    """The cell of each glyph of ``line`` (the glyphs on one baseline, no spaces among them),
    keyed by id, when every glyph starts on a grid of one pitch (a face's own advances would
    not: an "i" and an "m" step differently); None when they do not."""
    if len(line) < GRID_GLYPHS or not _one_face(line):
        return None
    glyphs = sorted(line, key=lambda g: g.x0)
    size = max(glyphs[0].size, 1.0)
    steps = [b.x0 - a.x0 for a, b in zip(glyphs, glyphs[1:], strict=False)]
    least = min(steps)
    if least < GRID_MIN_CELL * size:
        return None
    near = sorted(s for s in steps if s < 1.5 * least)
    pitch = near[len(near) // 2]
    counts = [round(s / pitch) for s in steps]
    if any(abs(s - k * pitch) > GRID_SLACK * pitch for s, k in zip(steps, counts, strict=True)):
        return None
    if sum(
        k == 1 and (a.char.isalnum() or b.char.isalnum())
        for a, b, k in zip(glyphs, glyphs[1:], counts, strict=False)
    ) < GRID_ONE_CELL:
        return None  # too few letters side by side (maths sets its dots evenly: ". . .")
    if len({round(g.x1 - g.x0, 1) for g in glyphs}) == 1:
        return None  # a fixed-pitch face: its gaps already tell blank cells
    cell = 0
    cells = {id(glyphs[0]): 0}
    for g, k in zip(glyphs[1:], counts, strict=True):
        cell += k
        cells[id(g)] = cell
    return cells


def _spread_breaks(glyphs: list[Glyph], singles: list[int]) -> list[bool] | None:
    """Where a space may stay among ``glyphs`` when they hold words each spread over its
    cells: runs of three letters or digits or more drawn by one object in one face, apart by
    even gaps (the object's narrowest, to :data:`SPREAD_EVEN` font sizes) that show and are
    narrower than ordinary word spaces (:data:`SPREAD_MAX_GAP`); None when none is. Only
    the runs holding one of ``singles`` are looked at; a run with a gap too narrow to show
    is given up at once (prose: its letters touch)."""
    may_stay: list[bool] | None = None
    done = -1  # the last glyph of the last run looked at
    for k in singles:
        if k <= done:
            continue
        size = max(glyphs[k].size, 1.0)
        least = SPREAD_MIN_GAP * size
        lo = k
        while lo > 0 and _one_drawing(glyphs[lo - 1], glyphs[lo]):
            if glyphs[lo].x0 - glyphs[lo - 1].x1 < least:
                break
            lo -= 1
        else:
            hi = k
            while hi + 1 < len(glyphs) and _one_drawing(glyphs[hi], glyphs[hi + 1]):
                if glyphs[hi + 1].x0 - glyphs[hi].x1 < least:
                    break
                hi += 1
            else:
                done = hi
                marked = [True] * (len(glyphs) - 1) if may_stay is None else may_stay
                if _close_run(glyphs, lo, hi, size, marked):
                    may_stay = marked
                continue
        # a gap too narrow: skip the rest of this drawing
        done = k
        while done + 1 < len(glyphs) and _one_drawing(glyphs[done], glyphs[done + 1]):
            done += 1
    return may_stay


def _close_run(glyphs: list[Glyph], lo: int, hi: int, size: float, may_stay: list[bool]) -> bool:
    """Mark in ``may_stay`` the gaps inside the pieces of even gaps (the narrowest, to
    :data:`SPREAD_EVEN` font sizes) of the run ``glyphs[lo:hi + 1]`` (one drawing, every gap
    showing) that hold three letters at least; whether any was marked. (Two letters apart
    by one gap show no evenness: "A B C D E" set with alternating gaps keeps its spaces.)"""
    gaps = [glyphs[i + 1].x0 - glyphs[i].x1 for i in range(lo, hi)]
    if len(gaps) < SPREAD_LETTERS - 1:
        return False
    letter_gap = min(gaps)
    if letter_gap > SPREAD_MAX_GAP * size:
        return False
    found = False
    piece = 0  # the first gap of the current piece of even gaps
    for i in range(len(gaps) + 1):
        if i < len(gaps) and gaps[i] <= letter_gap + SPREAD_EVEN * size:
            continue
        if i - piece >= SPREAD_LETTERS - 1:
            may_stay[lo + piece:lo + i] = [False] * (i - piece)
            found = True
        piece = i + 1
    return found


def _one_drawing(a: Glyph, b: Glyph) -> bool:
    """Whether ``a`` and ``b`` are letters or digits drawn by one page object in one face and
    size. (Punctuation is left out: maths and leaders set their dots, commas and operators
    apart by even kerns too, "1, . . . , n", "A ∪ B".)"""
    return (
        a.obj == b.obj and a.obj >= 0 and a.font == b.font and not a.rotated
        and a.char.isalnum() and b.char.isalnum()
        and abs(a.size - b.size) <= 0.02 * max(a.size, 1.0)
    )
