"""A ruled grid's head rows, the columns it really has, and its empty rows.

A screen-reader user moves through a table by its header cells: a grid's first rows set
apart from the rest (by a heavier rule under them, a shading of their own, a face of their
own, or as the only text over empty ruled rows to fill in) are its heads, with column scope;
so is the row under them naming the columns of a group their head runs over; so are any
table's first rows its text sets apart (:func:`set_apart_head`: a face of their own, or
words over its columns of figures), and a grid's first rows centred over the names of its
rows set flush left (:func:`centred_head_rows`). A group's name boxed over its columns, or
centred over them where no rule parts the table (:func:`centred_groups`), spans them.
Rules down that only tick off a field to fill in (the dotted marks parting a number's
digits) part no columns: no text of its own lies on either side of them, and a head runs
across them. The empty ruled rows of a form are rows, where a reader fills in an entry.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from .glyphs import Rect
from .line_breaks import stacked
from .lines import Fragment

#: A text crossing a column edge by this much (points) on both sides runs across it.
CROSSING = 2.0
#: A rule under the head this many times thicker than every other rule across the grid
#: (between its rows) or more sets the head apart.
HEAVIER = 1.4
#: A shading covering this share of the grid's width and of a band's height (or more) shades
#: the band.
SHADED = 0.8
#: At most this many rows of text set apart at the top of a grid are its heads (more are a
#: section of the body).
MAX_HEAD_ROWS = 3

Cells = list[list[Fragment | None]]

#: The bold faces of Computer Modern and of its EC fonts (cm-super), which name their weight
#: in a code, their descriptors often giving none: "CMBX10" (bold extended), "CMB10",
#: "CMBXTI10", "CMSSBX10", "CMMIB10", "CMBSY10"; "SFBX1095", "SFSX1440", "ECBX1000" (bold
#: extended, sans bold extended, and their italic, slanted and caps faces). Lower case; not
#: "CMBR10" (Computer Modern Bright's regular face). (Known as bold here only: read as bold
#: everywhere, a LaTeX paper's run-in theorem labels would be taken for headings.)
TEX_BOLD = re.compile(
    r"cm(?:ss)?bx?(?:sl|ti|csc)?\d+|cmmib\d+|cmbsy\d+|(?:sf|ec)(?:bx|bi|bl|xc|sx|so)\d+"
)


def bold_head_row(cells: Cells) -> bool:
    """The grid's first row is set in a bold face, every cell of it, over rows in a regular
    face (some cell at least): the header row that face sets apart."""
    first = [f for f in cells[0] if f is not None] if cells else []
    return bool(first) and all(map(_set_in_bold, first)) and any(
        not _set_in_bold(f) for row in cells[1:] for f in row if f is not None
    )


#: Rows under the heads whose first cells, all in bold, make the first column a column of row
#: heads (:func:`bold_head_column`): fewer show no column set apart.
HEAD_COLUMN_ROWS = 3


def bold_head_column(cells: Cells, head_rows: int) -> bool:
    """The grid's first column, under its ``head_rows``, is set in bold, every cell of it
    (:data:`HEAD_COLUMN_ROWS` at least), beside columns in a regular face, no cell of them
    bold: the heads of its rows, as an infobox or a sheet of facts sets its labels
    ("**Developer(s)**  Mozilla"). Each row's head is said with the cells beside it."""
    body = cells[head_rows:]
    first = [row[0] for row in body if row and row[0] is not None]
    if len(first) < HEAD_COLUMN_ROWS or not all(map(_set_in_bold, first)):
        return False
    others = [f for row in body for f in row[1:] if f is not None]
    return bool(others) and not any(map(_set_in_bold, others))


def _set_in_bold(f: Fragment) -> bool:
    """Most of the fragment's letters are bold, by their font's weight or, in TeX's faces,
    by its name."""
    if f.bold:
        return True
    fonts = Counter(g.font for g in f.glyphs if g.char.isalnum())
    tex = sum(count for font, count in fonts.items() if _tex_bold(font))
    return tex > fonts.total() / 2


@functools.lru_cache(maxsize=256)
def _tex_bold(font: str) -> bool:
    """The font (its name as the PDF gives it, subset prefix and all) is a TeX bold face."""
    return TEX_BOLD.fullmatch(font.split("+", 1)[-1].lower()) is not None


def comb_edges(xs: Sequence[float], cells: Cells, heads: int) -> list[int]:
    """The inner column edges (indexes into ``xs``) that part no columns: ticks under a
    head running across them (a field's digits ticked off). Read left to right, an edge is
    one when a head (in the first ``heads`` rows) runs across it, or across an edge just
    taken out, and one of the columns it parts (the left one with those taken out before)
    holds no text of its own, none that does not run across it."""
    out: list[int] = []
    start = 0  # the first column of the column being merged
    crossed = False  # a text runs across an edge taken out of it

    def texts(first: int, last: int) -> list[Fragment]:
        return [f for row in cells for f in row[first:last] if f is not None]

    for k in range(1, len(xs) - 1):
        edge = xs[k]
        left, right = texts(start, k), texts(k, k + 1)

        def across(f: Fragment, at: float = edge) -> bool:
            return f.x0 < at - CROSSING and f.x1 > at + CROSSING

        runs_across = any(
            across(f) for row in cells[:heads] for f in row[start:k + 1] if f is not None
        )
        if (runs_across or crossed) and not (
            any(not across(f) for f in left) and any(not across(f) for f in right)
        ):
            out.append(k)
            crossed = True
        else:
            start, crossed = k, False
    return out


def without_edges(xs: list[float], cells: Cells, edges: Sequence[int]) -> tuple[list[float], Cells]:
    """The grid's column edges and cells, each of ``edges`` taken out: the columns it parted
    are one, their cells' text stacked (in the order read: top down, then left to right)."""
    if not edges:
        return xs, cells
    gone = set(edges)
    kept = [x for k, x in enumerate(xs) if k not in gone]
    merged: Cells = []
    for row in cells:
        out: list[Fragment | None] = []
        for k, f in enumerate(row):
            if k in gone and out:  # (column k begins at edge k: it joins the one before)
                before = out[-1]
                out[-1] = (
                    f if before is None else before if f is None else _read_in_order(before, f)
                )
            else:
                out.append(f)
        merged.append(out)
    return kept, merged


def _read_in_order(left: Fragment, right: Fragment) -> Fragment:
    """The texts of two merged columns' cells as one, the one set higher first (a head's
    lines), else the left one."""
    if (left.y0 + left.y1) / 2 < right.y0:
        return stacked(right, left)
    return stacked(left, right)


@dataclass(slots=True)
class Bands:
    """What a ruled grid's bands (between its rules across, top down) show: the band each of
    its rows came from, the bands holding no text, and the rules across."""

    ys: list[float]  # the rules across, top down
    row_bands: list[int]  # row k of the cells came from band row_bands[k]
    blank: list[int]  # bands inside the ruled area holding no text, top down
    across: list[Rect]  # the grid's rules across


def head_rows(cells: Cells, bands: Bands, shadings: Sequence[Rect]) -> int:
    """How many of the grid's first rows are its heads: the rows of its first band holding
    text, when that band is set apart from the bands under it (see the module's doc); 0
    when none is."""
    if len(cells) < 1 or not bands.row_bands:
        return 0
    first = bands.row_bands[0]
    count = sum(b == first for b in bands.row_bands)
    if count > MAX_HEAD_ROWS:
        return 0
    body = [row for row, b in zip(cells, bands.row_bands, strict=True) if b != first]
    later_blank = [b for b in bands.blank if b > first]
    if not body:
        # Text only over empty ruled rows: the names of what goes in them.
        return count if later_blank else 0
    head = [f for row in cells[:count] for f in row if f is not None]
    if sum(any(row[k] is not None for row in cells[:count]) for k in range(len(cells[0]))) < 2:
        return 0  # (a label across the grid, over a section of its rows: no column's head)
    rest = [f for row in body for f in row if f is not None]
    if all(f.bold for f in head) and not all(f.bold for f in rest):
        return count
    if _heavier_under(first, bands) or _shaded(first, bands, shadings):
        return count
    return 0


def sub_head_rows(cells: Cells, heads: int, bands: Bands, xs: Sequence[float]) -> int:
    """How many rows under the grid's ``heads`` rows are its heads too: the band right under
    them, when a head of theirs runs across columns empty beside it (a group's name,
    "hypermarkets" over "1996" and "change since 1980") and that band's rows name each of
    the group's columns, with no row's name in the first column ("1996" under the group
    where "Austria" stands in the rows under them): the group's columns' own heads. 0
    otherwise."""
    if not heads or heads >= len(cells):
        return 0
    groups = [span for row in cells[:heads] for span in _spanned(row, xs)]
    band = bands.row_bands[heads]
    under = [k for k in range(heads, len(cells)) if bands.row_bands[k] == band]
    body = cells[heads + len(under):]
    if not groups or len(under) > MAX_HEAD_ROWS or len(body) < 2:
        return 0
    if any(cells[k][0] is not None for k in under) or sum(
        row[0] is not None for row in body
    ) <= len(body) / 2:
        return 0
    named = all(
        any(cells[k][j] is not None for k in under)
        for first, last in groups for j in range(first, last + 1)
    )
    # (Each of their texts under a head or a group's: text under no head, beside the
    # group, is the body's, or heads of their own the group does not reach.)
    headed = {j for first, last in groups for j in range(first, last + 1)} | {
        j for row in cells[:heads] for j, f in enumerate(row) if f is not None
    }
    under_heads = all(
        j in headed for k in under for j, f in enumerate(cells[k]) if f is not None
    )
    return len(under) if named and under_heads else 0


def _spanned(row: Sequence[Fragment | None], xs: Sequence[float]) -> list[tuple[int, int]]:
    """The first and last columns of each text of ``row`` running across column edges over
    columns empty beside it in the row (see :func:`head_spans`)."""
    out = []
    for k, f in enumerate(row):
        if f is None:
            continue
        first = next(j for j in range(len(row)) if f.x0 < xs[j + 1] - CROSSING)
        last = max(j for j in range(len(row)) if f.x1 > xs[j] + CROSSING)
        if first < last and all(row[j] is None for j in range(first, last + 1) if j != k):
            out.append((first, last))
    return out


def _thickness_at(y: float, across: Sequence[Rect]) -> float:
    return max((r.y1 - r.y0 for r in across if r.y0 - 1 <= y <= r.y1 + 1), default=0.0)


def _heavier_under(band: int, bands: Bands) -> bool:
    """The rule under ``band`` is :data:`HEAVIER` than every other rule between rows."""
    inner = bands.ys[1:-1]
    if band + 1 >= len(bands.ys) - 1 or len(inner) < 2:
        return False
    under = _thickness_at(bands.ys[band + 1], bands.across)
    others = [_thickness_at(y, bands.across) for y in inner if y != bands.ys[band + 1]]
    return under > 0 and all(under >= HEAVIER * t for t in others)


def _shaded(band: int, bands: Bands, shadings: Sequence[Rect]) -> bool:
    """``band`` is shaded and no band under it is."""
    left = min(r.x0 for r in bands.across)
    right = max(r.x1 for r in bands.across)

    def shaded(k: int) -> bool:
        top, bottom = bands.ys[k], bands.ys[k + 1]
        return any(
            min(s.x1, right) - max(s.x0, left) >= SHADED * (right - left)
            and min(s.y1, top) - max(s.y0, bottom) >= SHADED * (top - bottom)
            and s.y1 <= top + CROSSING and s.y0 >= bottom - CROSSING
            for s in shadings
        )

    # (Stripes shading every other row set apart no head.)
    return band + 2 < len(bands.ys) and shaded(band) and not any(
        shaded(k) for k in range(band + 1, len(bands.ys) - 1)
    )


def with_blank_rows(cells: Cells, bands: Bands, *, least_height: float) -> Cells:
    """The cells with a row of empty cells for each blank ruled band at least
    ``least_height`` high (a row to fill in, not the gap between a double rule), in place."""
    width = len(cells[0]) if cells else 0
    out: Cells = []
    blank = [b for b in bands.blank if bands.ys[b] - bands.ys[b + 1] >= least_height]
    k = 0
    for band in sorted(set(bands.row_bands) | set(blank)):
        if band in blank and band not in bands.row_bands:
            out.append([None] * width)
            continue
        while k < len(cells) and bands.row_bands[k] == band:
            out.append(cells[k])
            k += 1
    out.extend(cells[k:])
    return out


#: A cell's extent, by its top-left position (row, column): (rows, columns) it spans.
Spans = dict[tuple[int, int], tuple[int, int]]


def head_spans(
    cells: Cells, heads: int, xs: Sequence[float], *, packed: bool = True,
    downs: Sequence[Rect] = (),
) -> tuple[Cells, int, Spans]:
    """The head rows laid out as drawn: a head running across column edges over columns
    empty beside it in its row (a group's name over its columns' own heads) spans them,
    set in the first; so does a head boxed over them, the grid's rules down (``downs``)
    bounding it on both sides and none parting them beside it (see :func:`_boxed`); when
    ``packed`` (the head is a ruled band's), a head with nothing over it in the head moves
    up (heads set at different heights in one ruled band are one row's); a head with
    nothing under it in the head spans down to the body. Only the first
    ``heads`` rows are touched; returned with their number once rows left empty are
    dropped."""
    rows = [list(row) for row in cells]
    across: dict[tuple[int, int], int] = {}  # (row, first column) -> columns spanned
    for r in range(heads):
        row = rows[r]
        for k, f in enumerate(row):
            if f is None:
                continue
            first = next(j for j in range(len(row)) if f.x0 < xs[j + 1] - CROSSING)
            last = max(j for j in range(len(row)) if f.x1 > xs[j] + CROSSING)
            first, last = _boxed(f, row, min(first, k), max(last, k), xs, downs)
            if first >= last or any(
                row[j] is not None for j in range(first, last + 1) if j != k
            ):
                continue
            row[k] = None
            row[first] = f
            across[(r, first)] = last - first + 1
    covered = {(r, k + d) for (r, k), n in across.items() for d in range(1, n)}
    if packed:
        pack_up(rows, heads, across.keys(), covered)
    empty = [r for r in range(heads) if all(f is None for f in rows[r])]
    if empty:
        rows = [row for r, row in enumerate(rows) if r not in empty]
        across = {(r - sum(e < r for e in empty), k): n for (r, k), n in across.items()}
        heads -= len(empty)
        covered = {(r, k + d) for (r, k), n in across.items() for d in range(1, n)}
    spans: Spans = {(r, k): (1, n) for (r, k), n in across.items()}
    span_down(rows, heads, across.keys(), covered, spans)
    return rows, heads, spans


def span_down(
    rows: Cells, heads: int, fixed: Collection[tuple[int, int]],
    covered: Collection[tuple[int, int]], spans: Spans,
) -> None:
    """A head of the first ``heads`` rows of ``rows`` with nothing under it in the head spans
    down over the empty cells (to the body): its row span goes into ``spans``. A head at
    ``fixed`` (row, column) keeps its span; none spans into a cell ``covered`` by another."""
    for r in range(heads - 1):
        for k, f in enumerate(rows[r]):
            if f is None or (r, k) in fixed:
                continue
            down = r + 1
            while down < heads and rows[down][k] is None and (down, k) not in covered:
                down += 1
            if down > r + 1:
                spans[(r, k)] = (down - r, 1)


def pack_up(
    rows: Cells, heads: int, fixed: Collection[tuple[int, int]],
    covered: Collection[tuple[int, int]],
) -> None:
    """Move each head of the first ``heads`` rows of ``rows`` up, in place, into the empty
    cells over it (top rows first): heads set at different heights are one row's. A head at
    ``fixed`` (row, column) stays; none moves into or past a cell ``covered`` by a span."""
    for r in range(1, heads):
        for k, f in enumerate(rows[r]):
            if f is None or (r, k) in fixed:
                continue
            up = r
            while up > 0 and rows[up - 1][k] is None and (up - 1, k) not in covered:
                up -= 1
            if up < r:
                rows[up][k], rows[r][k] = f, None


def _boxed(
    f: Fragment, row: Sequence[Fragment | None], start: int, end: int, xs: Sequence[float],
    downs: Sequence[Rect],
) -> tuple[int, int]:
    """The first and last columns of the box ``f`` (over columns ``start`` to ``end`` of
    ``row``) is set in: out from those columns over the columns empty beside them in the
    row, as far as the rules down (``downs``) at the height of its text, which bound it on
    both sides, one of them at least inside the grid (a group's name boxed over its
    columns' heads, the rules between those columns stopping under it: "Pre-Pawn" centred
    over "Handgun", "Long Gun" and "Other"). ``start`` and ``end`` when no such box holds
    it (nothing but the frame bounds the text of a head band no rule parts: no box of a
    group's)."""
    middle = (f.y0 + f.y1) / 2

    def ruled(j: int) -> bool:
        return any(
            v.x0 - CROSSING <= xs[j] <= v.x1 + CROSSING and v.y0 <= middle <= v.y1
            for v in downs
        )

    first, last = start, end
    while first > 0 and row[first - 1] is None and not ruled(first):
        first -= 1
    while last + 1 < len(row) and row[last + 1] is None and not ruled(last + 1):
        last += 1
    inner = first > 0 or last + 1 < len(row)
    if first < last and inner and ruled(first) and ruled(last + 1):
        return first, last
    return start, end


def centred_groups(cells: Cells, heads: int, spans: Spans) -> Spans:
    """The spans of the heads of a table no rule parts that name groups of its columns,
    each set (in place) in its group's first column: a head in its row's first ``heads``
    rows, one row of heads under it at least, centred over the columns its row leaves to it
    ("Total" over "PK-12", "PK-8" and "9-12", "Public" over the next three). A column is
    left to the head of its row its text stands nearest (each row's name in the first
    column is under none); a group is two columns or more, each headed in the rows under
    it, the head's middle within half its height of the middle of their text. (Centred over
    its own column alone, a head spans none: a wrapped head's first line, say.) Heads
    already spanning (``spans``) are left as they are."""
    out: Spans = {}
    for r in range(max(0, heads - 1)):
        row = cells[r]
        extents = [_extent_under(cells, r, j) for j in range(len(row))]
        groups = _columns_left_to(row, extents)
        for k, f in enumerate(row):
            group = groups.get(k, [])
            if f is None or (r, k) in spans or len(group) < 2:
                continue
            if group != list(range(group[0], group[-1] + 1)) or any(
                row[j] is not None for j in group if j != k
            ) or not all(any(cells[h][j] is not None for h in range(r + 1, heads)) for j in group):
                continue
            left = min(e[0] for j in group if (e := extents[j]) is not None)
            right = max(e[1] for j in group if (e := extents[j]) is not None)
            if abs((f.x0 + f.x1) / 2 - (left + right) / 2) > f.height / 2:
                continue
            row[k] = None
            row[group[0]] = f
            out[(r, group[0])] = (1, len(group))
    return out


def _extent_under(cells: Cells, r: int, j: int) -> tuple[float, float] | None:
    """The left and right of the text in column ``j`` under row ``r`` (None: none)."""
    under = [f for below in cells[r + 1:] if (f := below[j]) is not None]
    if not under:
        return None
    return min(f.x0 for f in under), max(f.x1 for f in under)


def _columns_left_to(
    row: Sequence[Fragment | None], extents: Sequence[tuple[float, float] | None]
) -> dict[int, list[int]]:
    """The columns (but the first) left to each text of ``row``, by its column: those whose
    text under the row (``extents``) stands nearer it than any other of the row's texts."""
    named = [(k, f) for k, f in enumerate(row) if f is not None]
    out: dict[int, list[int]] = {}
    if not named:
        return out
    for j in range(1, len(row)):
        span = extents[j]
        if span is None:
            continue
        x0, x1 = span
        nearest = min(named, key=lambda item: max(item[1].x0 - x1, x0 - item[1].x1, 0))[0]
        out.setdefault(nearest, []).append(j)
    return out


def centred_head_rows(cells: Cells, xs: Sequence[float]) -> int:
    """How many of a ruled grid's first rows are heads set apart by their centring alone:
    the rows down to one (no more than :data:`MAX_HEAD_ROWS` of them) whose texts, two at
    least, are each centred in their columns, its first column's too, over rows whose first
    column's texts are set flush left, most of them (each row's name): a head centred over
    the names of the rows it heads ("Identification of system parameter" over "Fuel oil
    pressure"). 0 when none is: a first column centred like the rest sets no row apart."""
    for count in range(min(MAX_HEAD_ROWS, len(cells) - BODY_ROWS), 0, -1):
        last = [(k, f) for k, f in enumerate(cells[count - 1]) if f is not None]
        if len(last) < 2 or last[0][0] != 0:
            continue
        if not all(_centred(f, xs[k], xs[k + 1]) for k, f in last):
            continue
        names = [f for row in cells[count:] if (f := row[0]) is not None]
        if len(names) < BODY_ROWS:
            return 0
        left = min(f.x0 for f in names)
        flush = [f for f in names if f.x0 - left <= CROSSING and not _centred(f, xs[0], xs[1])]
        head = last[0][1]
        return count if 2 * len(flush) > len(names) and head.x0 - left > head.height else 0
    return 0


def _centred(f: Fragment, left: float, right: float) -> bool:
    """The text's middle is that of the column from ``left`` to ``right``, within a quarter
    of its line's height (however wide the column: centred text is set to a point or so)."""
    return abs((f.x0 + f.x1) / 2 - (left + right) / 2) <= max(CROSSING, f.height / 4)


def set_apart_head(cells: Cells, *, bold: bool = True) -> int:
    """How many of the first rows of a table no rule or shading marks are its heads, read
    from its text alone. A table's column heads are set apart from its data by how they are
    written, whatever draws the table: in bold (:func:`bold_head_row`; unless not ``bold``),
    in faces of their own (a smaller or larger size, another font or its italic), or as
    words over columns of figures. No head is found where none of these holds: a first data
    row is no head; nor is a row under the first that gives a figure where its columns hold
    figures (a total in bold under bold heads)."""
    texts = [_texts(row) for row in cells]
    figures = _figure_columns(texts)
    in_bold = _bold_head_rows(cells) if bold else 0
    heads = in_bold or _face_head_rows(cells) or _worded_head_rows(texts, figures)
    # (The first row is told by its face or words: those under it are heads only where they
    # give no figure either.)
    count = 1
    while count < heads and not any(_number(texts[count][k] or "") for k in figures):
        count += 1
    heads = min(heads, count)
    if in_bold:
        return heads
    # (A lone text across the first row is the table's title over its heads, or a label over
    # the rows of its first section, not a column's head: a head only over heads.)
    lone = sum(f is not None for f in cells[0]) < 2 if cells else True
    return 0 if lone and heads < 2 else heads


#: Tables of a document opening with one row, word for word, at least: the names of their
#: columns, set over each (a reference's method tables, each under "Return  Name").
REPEATED_HEADS = 2


def repeated_first_rows(tables: Iterable[Cells]) -> set[tuple[str | None, ...]]:
    """The first rows (their texts) that :data:`REPEATED_HEADS` of ``tables`` open with at
    least, each of two cells or more and words alone (:func:`_names_columns`): a document
    setting one kind of table again and again (a cheat sheet's method tables, a data
    sheet's ratings) heads each with the same names of its columns, however the face
    that sets them apart is told (in grey, by colour alone). Rows of data differ from
    table to table; and a row the table gives again under it is no head."""
    counts: Counter[tuple[str | None, ...]] = Counter()
    for cells in tables:
        texts = [_texts(row) for row in cells]
        if len(texts) < 2 or not _names_columns(texts[0]) or texts[0] in texts[1:]:
            continue
        counts[tuple(texts[0])] += 1
    return {row for row, count in counts.items() if count >= REPEATED_HEADS}


def opens_with(cells: Cells, rows: Collection[tuple[str | None, ...]]) -> bool:
    """The table's first row is one of ``rows`` (:func:`repeated_first_rows`) and more rows
    follow it."""
    return len(cells) >= 2 and tuple(_texts(cells[0])) in rows


def _names_columns(row: Sequence[str | None]) -> bool:
    """Two cells of the row at least hold text, each of it words with no figure, none
    ending in a colon: a label ending so introduces the value beside it, in its own row
    ("ctxt:  the XSLT transformation context", the first parameter of many functions
    alike), where a column's name stands over the column."""
    filled = [text.rstrip() for text in row if text is not None]
    return len(filled) >= 2 and all(
        _worded(text) and not any(map(str.isdigit, text)) and not text.endswith((":", "："))
        for text in filled
    )


def _bold_head_rows(cells: Cells) -> int:
    """The first row in bold over regular rows (:func:`bold_head_row`) and the rows under it
    wholly in bold (the heads' lines wrapped in their cells), no more than
    :data:`MAX_HEAD_ROWS` of them."""
    if not bold_head_row(cells):
        return 0
    count = 1
    while count < min(MAX_HEAD_ROWS, len(cells) - 1) and _all_bold(cells[count]):
        count += 1
    return count


def _all_bold(row: Sequence[Fragment | None]) -> bool:
    filled = [f for f in row if f is not None]
    return bool(filled) and all(map(_set_in_bold, filled))


#: A face: a font, its size (to half a point: one face's glyphs vary by rounding only), bold,
#: italic.
Face = tuple[str, float, bool, bool]


def _face(f: Fragment) -> Face:
    """The face most of the fragment's letters and figures are set in."""
    faces = Counter(
        (g.font, round(g.size * 2) / 2, g.bold, g.italic) for g in f.glyphs if g.char.isalnum()
    )
    if not faces:
        return ("", 0.0, False, False)
    font, size, bold, italic = faces.most_common(1)[0][0]
    return (font.split("+", 1)[-1], size, bold, italic)  # (a subset's prefix named no face)


#: Rows under a table's head, at least, for the head to be told by its faces (fewer rows show
#: no faces the body is set in).
BODY_ROWS = 2


def _face_head_rows(cells: Cells) -> int:
    """The fewest first rows (the first of two cells at least, across columns; no more than
    :data:`MAX_HEAD_ROWS`) set in faces no cell under them is set in, when
    :data:`BODY_ROWS` rows at least follow them; 0 when none are. Faces of the heads' own
    (set smaller, larger, in another font or its italic) are how the writer set them apart;
    a data row is set as the rows under it are."""
    if not cells or sum(f is not None for f in cells[0]) < 2:
        return 0
    first = {_face(f) for f in cells[0] if f is not None}
    if any(_face(f) in first for row in cells[MAX_HEAD_ROWS:] for f in row if f is not None):
        return 0  # (the first row's face is the body's: quickly told, as in most tables)
    faces = [{_face(f) for f in row if f is not None} for row in cells]
    for count in range(1, min(MAX_HEAD_ROWS, len(cells) - BODY_ROWS) + 1):
        head = set().union(*faces[:count])
        if not head & set().union(*faces[count:]):
            return count
    return 0


#: Two figures joined by a dash: a range ("9–12", "1996-97"), which names a group of the
#: things a column counts (grades, years) rather than giving a count.
RANGE = re.compile(r"\d[-–—]\d")


def _number(text: str) -> bool:
    """The cell reads as a figure: digits with no word ("46,857", "-16.55%", "(3.2)"), and
    no range."""
    return (
        any(map(str.isdigit, text)) and not any(map(str.isalpha, text))
        and RANGE.search(text) is None
    )


def _worded(text: str) -> bool:
    return any(map(str.isalpha, text))


def _texts(row: Sequence[Fragment | None]) -> list[str | None]:
    return [f.text if f is not None else None for f in row]


def _figure_columns(texts: list[list[str | None]]) -> set[int]:
    """The columns of figures: two figures at least, and more figures than worded cells (its
    heads; a dash or a blank for a figure not given is neither)."""
    out: set[int] = set()
    for k in range(len(texts[0]) if texts else 0):
        column = [row[k] or "" for row in texts]
        figures = sum(map(_number, column))
        if figures >= 2 and figures > sum(map(_worded, column)):
            out.add(k)
    return out


def _worded_head_rows(texts: list[list[str | None]], figures: set[int]) -> int:
    """How many of the table's first rows are words over its columns of ``figures``: rows
    holding no figure in a column of figures and a word in one at least, no more than
    :data:`MAX_HEAD_ROWS` of them. A column's head names what its figures count; a row of
    data gives a figure where its columns hold them. (A word over a column's figures that
    comes again under them, "n/a", is a value, not its name; but for the whole row again,
    the head repeated where the table goes on over a page.)"""
    count = 0
    while figures and count < min(MAX_HEAD_ROWS + 1, len(texts) - 1):
        row = texts[count]
        over = {k: text for k in figures if (text := row[k]) is not None}
        if not any(map(_worded, over.values())) or any(map(_number, over.values())):
            break
        if any(
            other[k] == text
            for other in texts[count + 1:] if other != row
            for k, text in over.items()
        ):
            break
        count += 1
    return count if count <= MAX_HEAD_ROWS else 0
