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
#: Steps of one cell a grid needs (the rest step over blank cells).
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


def cell_spaces(glyphs: list[Glyph], cells: dict[int, int] | None) -> list[bool] | None:
    """For each pair of neighbours in ``glyphs`` (a fragment's, no spaces among them, left to
    right), whether a space between them may stay, when the fragment is set in character
    cells; None when nothing shows it is (then its spaces stand as they are). ``cells`` is
    :func:`grid_cells` of the fragment's line."""
    if len(glyphs) < 2:
        return None
    if cells is not None and all(id(g) in cells for g in glyphs):
        at = [cells[id(g)] for g in glyphs]
        return [b - a >= 2 for a, b in zip(at, at[1:], strict=False)]
    if len(glyphs) < SPREAD_LETTERS:
        return None
    return _spread_breaks(glyphs)


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
    if counts.count(1) < GRID_ONE_CELL:
        return None
    if len({round(g.x1 - g.x0, 1) for g in glyphs}) == 1:
        return None  # a fixed-pitch face: its gaps already tell blank cells
    cell = 0
    cells = {id(glyphs[0]): 0}
    for g, k in zip(glyphs[1:], counts, strict=True):
        cell += k
        cells[id(g)] = cell
    return cells


def _spread_breaks(glyphs: list[Glyph]) -> list[bool] | None:
    """Where a space may stay among ``glyphs`` when they hold words each spread over its
    cells: runs of three characters or more drawn by one object in one face, apart by even
    gaps (the object's narrowest, to :data:`SPREAD_EVEN` font sizes) that show and are
    narrower than ordinary word spaces (:data:`SPREAD_MAX_GAP`); None when none is."""
    gaps = [b.x0 - a.x1 for a, b in zip(glyphs, glyphs[1:], strict=False)]
    may_stay = [True] * len(gaps)
    found = False
    start = 0
    for end in range(1, len(glyphs) + 1):
        if end < len(glyphs) and _one_drawing(glyphs[end - 1], glyphs[end]):
            continue
        # glyphs[start:end]: one object's run; its gaps are gaps[start:end - 1]
        run = gaps[start:end - 1]
        size = max(glyphs[start].size, 1.0)
        if len(run) >= SPREAD_LETTERS - 1 and not glyphs[start].rotated:
            letter_gap = min(run)
            if SPREAD_MIN_GAP * size <= letter_gap <= SPREAD_MAX_GAP * size:
                piece = start  # the first gap of the current piece of even gaps
                for i in range(start, end):
                    if i < end - 1 and gaps[i] <= letter_gap + SPREAD_EVEN * size:
                        continue
                    if i - piece >= SPREAD_LETTERS - 1:
                        may_stay[piece:i] = [False] * (i - piece)
                        found = True
                    piece = i + 1
        start = end
    return may_stay if found else None


def _one_drawing(a: Glyph, b: Glyph) -> bool:
    """Whether ``a`` and ``b`` are drawn by one page object in one face and size."""
    return (
        a.obj == b.obj and a.obj >= 0 and a.font == b.font
        and abs(a.size - b.size) <= 0.02 * max(a.size, 1.0)
    )
