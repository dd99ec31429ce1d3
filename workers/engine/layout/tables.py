"""Tables on a page: ruled grids, and runs of lines whose fragments line up in columns.

A run of lines split into several fragments is a table when its fragments line up in columns
and do not fill them (text columns fill theirs, table cells rarely do); contents lists, line
numbers and fixed-pitch listings are not tables. A table split by a wide gap between rows is
rebuilt as one. A caption set apart over or under a table's rows ("Table 3: …" running across
its columns, or over its top rule) is no row: it is read as text, the table's caption.
"""

from __future__ import annotations

import bisect
import itertools
import math
import operator
import re
import statistics
import unicodedata
from collections.abc import Callable, Iterable, Sequence

from ..document import BBox
from .blocks import MARGIN_BAND, MAX_SHAPES, Block, block_of, cut_between_lines, x_overlap
from .disjoint_sets import DisjointSets
from .figures import (
    CAPTION_GAP,
    EDGE_TOLERANCE,
    FIGURE_MIN_AREA,
    LINE_PITCH,
    TextLine,
    caption_text,
)
from .glyphs import RULE_THICKNESS, Glyph, PageContent, Rect
from .hanging_lists import hanging_entries
from .line_breaks import stacked
from .lines import SPACE_GAP, Fragment, Line, fragments, lines, word_count
from .numbered_columns import numbered_list_across
from .patterns import BULLET, LEADER, NUMBERED, is_marker, starts_item
from .row_groups import centred_row_groups
from .table_heads import (
    BODY_ROWS,
    CROSSING,
    MAX_HEAD_ROWS,
    Bands,
    Spans,
    centred_groups,
    centred_head_rows,
    comb_edges,
    head_rows,
    head_spans,
    pack_up,
    set_apart_head,
    span_down,
    sub_head_rows,
    with_blank_rows,
    without_edges,
)


def join_tables(blocks: list[Block]) -> list[Block]:
    """Tables split by a wide gap between rows, one after the other: rebuilt as one. Heads
    set above a ruled grid's top rule (read as tables of their own): the grid's first rows."""
    out: list[Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.kind == block.kind == "table"
            and previous.lines
            and block.lines  # (a ruled table keeps its own grid)
            and x_overlap(previous, block) >= 0.6
        ):
            joined = _table_from(previous.lines + block.lines, block.page)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(block)
    for grid in [b for b in out if b.kind == "table" and b.table and not b.lines]:
        heads = [head for head in out if _heads(head, grid)]
        if not heads:
            continue
        # Short labels on the heads' lines, outside their own grid ("Loan type" left of it).
        top, bottom = max(h.y1 for h in heads), min(h.y0 for h in heads)
        heads += [
            b for b in out
            if b.kind == "text" and b.frags and len(b.frags) <= 2 and bottom - 1 <= b.y0
            and b.y1 <= top + 1 and b.x0 >= grid.x0 - 2 and b.x1 <= grid.x1 + 2
        ]
        gone = {id(head) for head in heads} | {id(grid)}
        first = min(k for k, b in enumerate(out) if id(b) in gone)
        rest = [b for b in out if id(b) not in gone]
        out = rest[:first] + [_headed(heads, grid)] + rest[first:]
    return out


#: A table's headnote: a note set wholly in brackets, one level of parentheses inside it and
#: all ("[In thousands (11,062.6 represents 11,062,600) For year ending December 31. ...]").
HEADNOTE = re.compile(r"\[[^\[\]]*\]|\((?:[^()]|\([^()]*\))*\)")
#: Blocks set on a table's top edge (a head's line reaching over its first rule) that may stand
#: between its headnote and the table in reading order.
_ON_TOP = 2


def headnotes_captioned(blocks: list[Block]) -> list[Block]:
    """A table's caption and the headnote set under it, over the table (the units of its
    figures, what it covers, wholly in brackets: "[In thousands (...) For year ending ...]"):
    one block, the table's caption, as :func:`_caption_block` reads a units note under a
    caption within a run of rows. Apart, the headnote stands between the caption and the
    table, and the caption, said with the table, would be read once more where it stands (see
    ..captions: only a caption next to its table is paired with it)."""
    out: list[Block] = []
    for k, block in enumerate(blocks):
        if out and out[-1].kind == "text" and _headnote_of(
            out[-1], block, blocks[k + 1:k + 2 + _ON_TOP]
        ):
            out[-1] = block_of(block.page, out[-1].frags + block.frags)
            continue
        out.append(block)
    return out


def _headnote_of(caption: Block, note: Block, after: list[Block]) -> bool:
    """``note``, read after ``caption``, is the headnote of a table read right after it (or
    after a line or two set on its top edge): set under the caption, a line apart at most,
    right over the table, both across it."""
    if note.kind != "text" or not note.frags or not caption.frags:
        return False
    # (The table first: most blocks have none right after them, and their texts, asked
    # here of every text block of every page, need not be read.)
    table = next((b for b in after[:_ON_TOP + 1] if b.kind == "table"), None)
    if (
        table is None
        or not TABLE_CAPTION.match(caption.text)
        or HEADNOTE.fullmatch(note.text.strip()) is None
        or not any(ch.isalpha() for ch in note.text)
    ):
        return False
    line = max(f.height for f in note.frags)
    if any(
        b.y0 > table.y1 + line for b in after[:after.index(table)]
    ):
        return False
    return (
        0 <= caption.y0 - note.y1 + 0.5 * line < 1.5 * line
        and 0 <= note.y0 - table.y1 + 0.5 * line < 2 * line
        and all(b.x0 < table.x1 and b.x1 > table.x0 for b in (caption, note))
    )


def _heads(head: Block, grid: Block) -> bool:
    """``head`` is a table right above the grid, within its width and shorter than it: the
    grid's column heads (whether ruled or not, read as a table of its own)."""
    if (
        head is grid or head.kind != "table" or not head.table or not head.frags
        or head.drawn_apart
    ):
        return False
    height = max(f.height for f in head.frags)
    slack = 0.25 * (grid.x1 - grid.x0)  # (the grid measured by its text, not its rules)
    return (
        0 <= head.y0 - grid.y1 < 2 * height
        and head.y1 - head.y0 < grid.y1 - grid.y0
        and head.x0 >= grid.x0 - slack and head.x1 <= grid.x1 + slack
    )


def _headed(heads: list[Block], grid: Block) -> Block:
    """The lines of the ``heads`` put as rows over the columns of the ruled ``grid`` (each
    piece in the column it overlaps most, or the nearest). A head wrapped over lines in its
    column is one cell (:func:`_wrapped_heads`); the rows are then laid out as a ruled
    band's heads are (:func:`.table_heads.head_spans`): a head with nothing over it moves
    up, a head over columns empty beside it spans them, one with nothing under it spans
    down to the body."""
    assert grid.table is not None
    width = len(grid.table[0])
    spans: list[tuple[float, float] | None] = []
    for k in range(width):
        column = [f for row in grid.table if k < len(row) and (f := row[k]) is not None]
        spans.append((min(f.x0 for f in column), max(f.x1 for f in column)) if column else None)
    known = [(k, span) for k, span in enumerate(spans) if span is not None]

    def place(f: Fragment) -> int:
        return max(known, key=lambda item: (
            min(f.x1, item[1][1]) - max(f.x0, item[1][0]),
            -abs((f.x0 + f.x1) - (item[1][0] + item[1][1])),
        ))[0]

    head_frags = [f for h in heads for f in h.frags]
    column_of = {id(f): place(f) for f in head_frags}
    cells_of, within = _wrapped_heads(head_frags, column_of, spans)
    head_rows: list[list[Fragment | None]] = [
        [cells_of.get(id(f), f) for f in line.fragments if id(f) not in within]
        for line in lines(head_frags)
    ]
    rows: list[list[Fragment | None]] = []
    for head_row in head_rows:
        row: list[Fragment | None] = [None] * width
        for f in head_row:
            if f is None:
                continue
            k = column_of[id(f)] if id(f) in column_of else place(f)
            cell = row[k]
            row[k] = f if cell is None else stacked(cell, f)
        if any(c is not None for c in row):
            rows.append(row)
    head_cells: dict[tuple[int, int], tuple[int, int]] = {}
    if within:
        # (A column's edges told by its wrapped heads too, each within its column: often
        # wider than the figures under it.)
        extents = list(spans)
        for first, cell in cells_of.items():
            k = column_of[first]
            here = extents[k]
            if here is not None:
                extents[k] = (min(here[0], cell.x0), max(here[1], cell.x1))
        rows, count, head_cells = head_spans(
            rows + grid.table, len(rows), _column_edges(extents), packed=True
        )
        rows = rows[:count]
    table = Block(
        grid.page, kind="table", table=rows + grid.table, head_rows=len(rows) + grid.head_rows,
        spans=head_cells | {(r + len(rows), k): span for (r, k), span in grid.spans.items()},
    )
    for f in head_frags + grid.frags:
        table.add(f)
    return table


#: A head's next line in its column is its text wrapped when the space between the two
#: lines is at most this share of the lower line's size (the cell's own leading: a head
#: row of its own is set off by the cells' padding, and most often a rule).
WRAP_GAP = 0.5


def _wrapped_heads(
    frags: list[Fragment], column_of: dict[int, int],
    spans: Sequence[tuple[float, float] | None],
) -> tuple[dict[int, Fragment], set[int]]:
    """Heads over a grid's columns (``column_of``: each piece's column, by id) whose text
    wraps onto the next line in their column: the piece under a head, within the same
    column as the head (neither runs over another column's text, ``spans``: each column's
    extent), in its size, the space between them at most a line's leading
    (:data:`WRAP_GAP`), is the same cell's text, not a head row of its own (spreadsheets
    and word processors wrap long column heads: "Annual" over "percentage rate"). A
    group's head running over several columns is no wrapped line of a column's head under
    it. Returned: each cell by the id of its first piece, and the ids of the pieces taken
    into a cell above them."""
    by_column: dict[int, list[Fragment]] = {}
    for f in frags:
        by_column.setdefault(column_of[id(f)], []).append(f)
    cells: dict[int, Fragment] = {}
    within: set[int] = set()
    for k, pieces in by_column.items():
        if len(pieces) < 2:
            continue
        pieces.sort(key=lambda f: -f.y1)
        first = cell = pieces[0]
        for f in pieces[1:]:
            if (
                _wraps_onto(cell, f)
                and _within_column(cell, k, spans) and _within_column(f, k, spans)
            ):
                cell = stacked(cell, f)
                cells[id(first)] = cell
                within.add(id(f))
            else:
                first = cell = f
    return cells, within


def _wraps_onto(cell: Fragment, f: Fragment) -> bool:
    """``f`` is the next line of ``cell``'s text: under it, in its size, no more than a
    line's leading below it (:data:`WRAP_GAP`), set as it is (flush left, centred or flush
    right alike, within half the line's size, a footnote's mark beside a line's end
    and all: a group's head centred over two columns is set otherwise than the head of one
    of them under it)."""
    size = f.size
    if not (
        (f.y0 + f.y1) / 2 < cell.y0
        and cell.y0 - f.y1 <= WRAP_GAP * size
        and abs(cell.size - size) <= 0.1 * max(cell.size, size)
    ):
        return False
    near = max(CROSSING, size / 2)
    return (
        abs(f.x0 - cell.x0) <= near or abs(f.x1 - cell.x1) <= near
        or abs((f.x0 + f.x1) - (cell.x0 + cell.x1)) / 2 <= near
    )


def _within_column(
    f: Fragment, k: int, spans: Sequence[tuple[float, float] | None]
) -> bool:
    """``f`` runs over no other column's text than column ``k``'s (``spans``: each column's
    extent), but by a hair (:data:`.table_heads.CROSSING`)."""
    return all(
        min(f.x1, span[1]) - max(f.x0, span[0]) <= CROSSING
        for j, span in enumerate(spans) if j != k and span is not None
    )


def _column_edges(spans: Sequence[tuple[float, float] | None]) -> list[float]:
    """The edges of a grid's columns told by their text (``spans``: each column's extent,
    None where it holds none): halfway between one column's text and the next's, the
    outer edges a point beyond the text (a column holding none closes up to nothing)."""
    known = [span for span in spans if span is not None]
    left = min(span[0] for span in known) - 1.0
    edges = [left]
    for k in range(len(spans) - 1):
        here = spans[k]
        ahead = next((span for span in spans[k + 1:] if span is not None), None)
        if here is None or ahead is None:
            edges.append(edges[-1])
            continue
        edges.append(max(edges[-1], (here[1] + ahead[0]) / 2))
    edges.append(max(edges[-1], max(span[1] for span in known) + 1.0))
    return edges


def ruled_tables(
    content: PageContent, frags: list[Fragment], fields: Sequence[BBox] = (),
    text_grids: list[Rect] | None = None,
) -> list[Block]:
    """Tables drawn with rules: a grid of at least three horizontal and three vertical lines
    (two columns, two rows), or one row or one column of boxed cells (:func:`_one_row_of_cells`,
    :func:`_one_column_of_cells`), its text placed in the grid's cells. A form's grid of labels,
    each naming its field (``fields``: the boxes of the page's form fields), is none; a
    grid whose heads name columns of fields to fill in, row after row, is one. The boxes of
    the grids holding text in rows of their own that are read as no table (a menu of links
    ruled a row each, a frame around paragraphs) go in ``text_grids``: their rules frame
    text, no drawing."""
    rules = content.rules[:MAX_SHAPES]
    horizontal = [r for r in rules if r.x1 - r.x0 > RULE_ACROSS and r.y1 - r.y0 <= 2.5]
    vertical = [r for r in rules if r.y1 - r.y0 > 6 and r.x1 - r.x0 <= 2.5]
    horizontal += _narrow_cell_edges(rules, horizontal, vertical)
    out: list[Block] = []
    taken: set[int] = set()
    for side_by_side in boxes_side_by_side(content.paths, frags):
        # (Read a box at a time: their lines side by side would seem a table's columns, and
        # a box's lines would run on into its neighbour's. A line set up to the box's edge
        # may have run on into the next box's in one piece: cut at the edge, in place, so
        # the page reads the pieces and not the whole.)
        frags[:] = _cut_at_edges(frags, side_by_side)
        boxed = _box_texts(content.index, _box_of(side_by_side), side_by_side, frags)
        taken.update(id(f) for b in boxed for f in b.frags)
        out.extend(boxed)
    # (One row of cells has two rules across, see _one_row_of_cells; one column of cells two
    # rules down, one down each side where a writer draws each side in one piece, as
    # LibreOffice does: see _one_column_of_cells.)
    if len(vertical) < CUT_THROUGH_RULES and (
        len(horizontal) < 2 or len(vertical) < (2 if len(horizontal) > COLUMN_CELLS else 3)
    ):
        return out
    groups: list[tuple[Rect, list[Rect], list[Rect]]] = []
    panels: list[Rect] = []
    apart: set[int] = set()  # the grids drawn on another table (by id of their box)
    drawn_groups = _rule_groups(horizontal, vertical)
    for drawn in drawn_groups:
        for part, on_another in _stacked(drawn):
            grid, bare = _without_bare_panels(part)
            groups.append(grid)
            if on_another:
                apart.add(id(grid[0]))
            panels.extend(bare)
    # (A row cut at both ends, by the breaks before and after its column, is drawn with
    # its rules down alone: see _cut_through.)
    through = _cut_through(drawn_groups)
    groups.extend(through)
    cut_through = {id(box) for box, _, _ in through}
    for panel in panels:
        # (Read a box at a time, as a diagram's: a chart's axis labels line up with the
        # table's rows beside it, and would be read as more of its columns.)
        boxed = _box_texts(content.index, panel, content.paths, frags)
        taken.update(id(f) for b in boxed for f in b.frags)
        out.extend(boxed)
    for box, hs, vs in groups:
        if id(box) not in cut_through and not _may_be_grid(hs, vs):
            continue  # a rule or two under a head, say, spanning some of its columns
        # A diagram's boxes and connectors: its text is read as text, a box's at a time.
        # (A link's underline in a table's cell meets no other rule either: not counted.)
        ruling = _without_underlines(hs, box, frags)
        if hs and _drawn_apart(ruling, vs):
            boxed = _box_texts(
                content.index, box, content.paths, [f for f in frags if id(f) not in taken]
            )
            taken.update(id(f) for b in boxed for f in b.frags)
            out.extend(boxed)
            continue
        if len(hs) >= 3 and len(vs) >= 2:
            hs = ruling
        # The rules' own ends bound the grid too: a table ruled between its rows and down
        # between its columns only, with no frame, has its outer edges where they end.
        ys = _positions([(r.y0 + r.y1) / 2 for r in hs] + _ends([(r.y0, r.y1) for r in vs], hs))
        if id(box) in cut_through:
            ys = [box.y0, box.y1]  # (no rule across: the rules down's own ends)
        xs = _positions([(r.x0 + r.x1) / 2 for r in vs] + _cell_edges(hs)
                        + _ends([(r.x0, r.x1) for r in hs], vs))
        if len(xs) == 2 and len(ys) > RULED_ROWS:
            xs = sorted(xs + _spaced_columns(xs, max(ys), min(ys), frags))
        # (A grid a break cut, its rules down running on to it: the row there goes on past
        # the break, its long text a cell's, no frame's, filling some of its cells only.)
        open_ends = _open_ends(xs, ys, hs, frags, content) if len(xs) >= 3 else (False, False)
        one_row = len(ys) == 2 and (
            _one_row_of_cells(xs, ys, vs, content, open_ends)
            if id(box) not in cut_through
            else all(open_ends) and _sides_clear(xs, ys, frags)
            and not _shapes_inside(box, content.paths)
        )
        cut_row = any(open_ends) and (
            len(ys) == 2 or _text_at_open_end_only(ys, xs, open_ends, frags)
        ) or all(open_ends) and _sides_clear(xs, ys, frags) and not _shapes_inside(
            box, content.paths
        )
        one_column = len(xs) == 2 and _one_column_of_cells(
            xs, ys, hs, vs, [f for f in frags if id(f) not in taken]
        )
        if (
            len(ys) == 2 and not one_row and id(box) not in cut_through
            and _cells_ruled_down(sorted(xs), ys, vs)
        ):
            # A row of boxed cells in a margin band (a form's title box: its logo and number,
            # its title, where to send it), read as no table: each box's text is read on its
            # own, a box at a time. Read across, the lines of the boxes side by side would
            # seem a table's rows, the title's lines cut and read in turn with the others'.
            cell_texts = _cell_texts(
                content.index, sorted(xs), ys, [f for f in frags if id(f) not in taken]
            )
            taken.update(id(f) for b in cell_texts for f in b.frags)
            out.extend(cell_texts)
            if text_grids is not None and cell_texts:
                text_grids.append(box)  # (its rules frame text: no drawing)
            continue
        if (len(ys) < 3 and not one_row) or (len(xs) < 3 and not one_column):
            continue
        ys.sort(reverse=True)
        xs.sort()
        ruled_top, ruled_bottom = ys[0], ys[-1]
        ys = _with_bands_of_its_box(ys, xs, content.paths, frags)
        ruled = xs
        xs = _widened_to_row_ends(xs, ys, [f for f in frags if id(f) not in taken], vertical)
        text_bands = _text_bands(ys, ruled_top, ruled_bottom, xs, frags)
        rows_ruled = _rows_ruled(text_bands)
        head = _wrapped_head(text_bands)
        band_of = _bands_of_cells(
            ys, xs, ruled, hs, vs,
            [f for f in frags
             if xs[0] < (f.x0 + f.x1) / 2 < xs[-1] and id(f) not in taken],
        )
        cells: list[list[Fragment | None]] = []
        row_bands: list[int] = []  # the band each row of ``cells`` came from
        blank_bands: list[int] = []  # ruled bands holding no text
        members: list[Fragment] = []
        longest = 0  # words in the fullest cell of the grid
        # Words in the fullest cell of a band no rule down the grid runs through (a note
        # under the table, a title over it: one cell across its columns, whose text may run
        # long): the grid's cells are the bands its column rules part.
        longest_across = 0
        inner = [v for v in vs if xs[0] + TOUCH < (v.x0 + v.x1) / 2 < xs[-1] - TOUCH]
        parted_rows = 0  # bands of text the column rules part
        first_parted: bool | None = None  # whether the column rules part the first band of text
        to_fill_in = 0  # rows of the grid holding fields and no text
        blank = 0  # ruled rows of the grid holding no text (fields or not)
        # Each band's fragments, in page order, sorted out in one pass rather than a pass
        # over the page per band: nothing in the loop below adds to ``taken`` (it grows only
        # once the grid is read), so these are the lists a pass per band would make.
        in_band: dict[int, list[Fragment]] = {}
        beyond: set[int] = set()  # bands of the box beyond the rules (a title, a note)
        for f in frags:
            at = band_of.get(id(f))
            if at is not None and id(f) not in taken:  # (widened grids may overlap)
                in_band.setdefault(at, []).append(f)
        for band, (top, bottom) in enumerate(zip(ys, ys[1:], strict=False)):
            inside = in_band.get(band, [])
            if not inside:
                to_fill_in += _fields_in(fields, xs[0], bottom, xs[-1], top) >= 2
                if ruled_bottom - TOUCH <= bottom and top <= ruled_top + TOUCH:
                    blank += 1
                    blank_bands.append(band)
            members.extend(inside)
            # The text of cells spanning down from this band's row goes in its first row;
            # the band's own lines say how it parts into rows.
            spanned = [f for f in inside if not bottom < (f.y0 + f.y1) / 2 < top]
            placed = [f for f in inside if bottom < (f.y0 + f.y1) / 2 < top] if spanned else inside
            text_lines = lines(placed)
            # Rules only around the header and the body (a "booktabs" table): each line of
            # text across the columns is a row of its own, but for lines wrapped in its cells.
            if sum(len(line.fragments) > 1 for line in text_lines) >= 2:
                if rows_ruled and _one_ruled_row(
                    text_lines, xs, vs, top, bottom, labels_part=band != head
                ):
                    row_groups = [[f for line in text_lines for f in line.fragments]]
                else:
                    row_groups = _band_rows(text_lines, xs)
            else:
                row_groups = [placed]
            if spanned:
                row_groups = [row_groups[0] + spanned, *row_groups[1:]]
            # (Counted in the ruled columns: row labels beside them may run on for many lines.)
            middle = (top + bottom) / 2
            parted = any(v.y0 <= middle <= v.y1 for v in inner)
            parted_rows += parted and bool(inside)
            if inside and first_parted is None:
                first_parted = parted
            for words in _words_by_column(inside, ruled):
                if parted:
                    longest = max(longest, words)
                else:
                    longest_across = max(longest_across, words)
            # (A band of the box beyond the rules, its title or its note, spans the columns:
            # its text is one cell, the first.)
            spanning = top > ruled_top + TOUCH or bottom < ruled_bottom - TOUCH
            if spanning:
                beyond.add(band)
            for group in row_groups:
                row: list[Fragment | None] = [None] * (len(xs) - 1)
                for f in group:
                    cx = (f.x0 + f.x1) / 2
                    k = 0 if spanning else max([i for i in range(len(xs) - 1) if xs[i] <= cx])
                    cell = row[k]
                    row[k] = f if cell is None else stacked(cell, f)
                if any(c is not None for c in row):
                    cells.append(row)
                    row_bands.append(band)
        xs, cells = without_edges(xs, cells, _pieced_edges(xs, cells, vs))
        filled = [row for row in cells if sum(c is not None for c in row) >= 2]
        # A row of heads, one in each column, over ruled rows left blank: a table printed
        # to be filled in (its heads name what goes in its columns), as one with fields.
        heads_over_blanks = (
            blank >= 1 and len(cells) == 1 and bool(in_band.get(0))
            and all(c is not None for c in cells[0])
        )
        # (Cut by a page break, the grid may keep a row or two of its own: one is enough.
        # Asked only where it matters: a page of many grids has many fragments to look at.)
        cut = (
            (len(filled) < 2 or max(longest, longest_across) > LONGEST_CELL)
            and _cut_by_page_break(ruled_top, ruled_bottom, ruled, hs, frags, content)
        )
        one_term = _one_term_described_below(cells, filled, parted_rows)
        wanted = 1 if to_fill_in >= FILL_IN_ROWS or heads_over_blanks or cut or one_term else 2
        terms = _terms_described(filled, parted_rows, 1 if cut else TERMS_ROWS) or one_term
        if longest > LONGEST_CELL and terms:
            longest = 0  # a table of terms, each described at length beside it
        if parted_rows < PARTED_ROWS and not ((cut or one_term) and terms):
            # (A frame round a paragraph, with a row or two of boxes over it, is no table;
            # a table of terms cut by a page break may keep only a row or two of its own,
            # under rows across it, a head or a row of links.)
            longest = max(longest, longest_across)
        # A grid ruled cell by cell, the rules down parting every band of its text, is a
        # table though its text fills one column or one row only (a menu of links ruled
        # with blank cells beside them, a page's links to the next and previous pages).
        enough = (
            len(filled) >= wanted or _ruled_cell_by_cell(row_bands, parted_rows, blank)
            or _titled_cell_by_cell(
                row_bands, parted_rows, blank, first_parted is False, longest_across
            )
            # (One column's blank cell, at an end, is a row the page break cut.)
            or (((one_row and not blank) or one_column) and bool(cells))
            or cut_row and bool(cells)
        )
        if not enough or longest > LONGEST_CELL and not cut_row:
            if text_grids is not None and len(set(row_bands)) >= TEXT_GRID_SHARE * (len(ys) - 1):
                text_grids.append(box)
            continue  # a frame around text, or a form's boxes: not a table of data
        if _plot_area(cells):
            continue  # a chart's grid lines: its labels are read as text
        title = _corner_title(cells)
        if title is not None:
            # Read as text before the table (the page's heading it is), not as its first cell.
            glyphs = {id(g) for g in title.glyphs}
            members = [f for f in members if not any(id(g) in glyphs for g in f.glyphs)]
            cells[0][0] = None
            if all(c is None for c in cells[0]):
                del cells[0]
                del row_bands[0]
        for at in (0, -1):
            if len(cells) > 2 and row_bands[at] in beyond and _caption_cell(cells[at]):
                # The table's caption in a band of its box ("Table 3: …"): read as text over
                # or under the table, its caption (see .classify), not a row spanning it.
                glyphs = {id(g) for f in cells[at] if f is not None for g in f.glyphs}
                members = [f for f in members if not any(id(g) in glyphs for g in f.glyphs)]
                del cells[at]
                del row_bands[at]
        picture_caption: list[Fragment] = []
        if len(cells) > 2 and _picture_caption_cell(cells[0], content):
            # The caption of the picture over the table: its own block of text, taken from
            # the page with the table (left to the page, its lines could be read into the
            # text of a column beside it).
            glyphs = {id(g) for f in cells[0] if f is not None for g in f.glyphs}
            picture_caption = [f for f in members if any(id(g) in glyphs for g in f.glyphs)]
            members = [f for f in members if not any(id(g) in glyphs for g in f.glyphs)]
            del cells[0]
            del row_bands[0]
        grid_cells, heads, spans = _drawn_table(
            cells, xs, Bands(ys, row_bands, blank_bands, hs), content.paths, members, vs,
            cut_head=open_ends[1],
        )
        title = _title_row(grid_cells, spans)
        if title is not None:
            # Read as text over the table (its title), not as the head of the columns it
            # stands over; the heads under it, told with it over them, stay heads.
            told = heads or set_apart_head(grid_cells)
            glyphs = {id(g) for g in title.glyphs}
            members = [f for f in members if not any(id(g) in glyphs for g in f.glyphs)]
            grid_cells = grid_cells[1:]
            spans = {(r - 1, k): span for (r, k), span in spans.items() if r > 0}
            heads = max(told - 1, 0)
        block = Block(
            content.index, kind="table", table=grid_cells, head_rows=heads, spans=spans,
            drawn_apart=id(box) in apart, cut_head=open_ends[1],
        )
        for f in members:
            block.add(f)
        if to_fill_in < FILL_IN_ROWS and lays_out_form(block, fields):
            continue  # its labels are read as text
        taken.update(id(f) for f in members)
        out.append(block)
        if picture_caption:
            taken.update(id(f) for f in picture_caption)
            out.append(block_of(content.index, picture_caption))
    return out


#: Length a rule across must pass to be read as one of a grid's (shorter, a mark or a dash) …
RULE_ACROSS = 10
#: … unless it runs on from one that long: a piece of a rule drawn cell by cell (see
#: :func:`_narrow_cell_edges`) is at least this long, the width of a cell's border.
CELL_EDGE_PIECE = 1.0


def _narrow_cell_edges(
    rules: Sequence[Rect], horizontal: list[Rect], vertical: list[Rect]
) -> list[Rect]:
    """The short rules across (``rules`` not in ``horizontal``, those long enough) that carry
    on one of ``horizontal`` along its line, end to end, and run from one rule down
    (``vertical``) to another: the edges of a narrow cell in a grid drawn cell by cell
    (WeasyPrint strokes each cell's borders apart, so a column a few points wide, left blank
    or holding a callout's mark, is ruled across by pieces shorter than any rule). Dropped,
    the rules down that column's side would meet no rule across, and stand apart from the
    grid as a piece of their own; its columns would be read as one. A chart's tick carrying
    on a grid line past its axis meets a rule down at one end only."""
    long_ids = {id(r) for r in horizontal}
    short = [
        r for r in rules
        if id(r) not in long_ids and CELL_EDGE_PIECE <= r.x1 - r.x0 <= RULE_ACROSS
        and r.y1 - r.y0 <= RULE_THICKNESS
    ]
    if not short or not vertical:
        return []
    by_height = sorted(horizontal, key=lambda r: r.y0)
    lows = [r.y0 for r in by_height]
    out = []
    for piece in short:
        middle = (piece.y0 + piece.y1) / 2
        near = by_height[bisect.bisect_left(lows, piece.y0 - RULE_THICKNESS):
                         bisect.bisect_right(lows, piece.y1)]
        carried_on = any(
            r.y0 <= middle <= r.y1 and piece.x0 <= r.x1 + TOUCH and r.x0 <= piece.x1 + TOUCH
            for r in near
        )
        if not carried_on:
            continue
        # (Two rules down, one at each end: a tick at a plot's corner, its ends both on the
        # one axis, is no cell's edge.)
        ends = [
            {round((v.x0 + v.x1) / 2) for v in vertical
             if v.x0 - TOUCH <= x <= v.x1 + TOUCH and v.y0 - TOUCH <= middle <= v.y1 + TOUCH}
            for x in (piece.x0, piece.x1)
        ]
        if any(right - left > TOUCH for left in ends[0] for right in ends[1]):
            out.append(piece)
    return out


#: Words in a ruled grid's fullest cell above which it is a frame around text, not a table of
#: data (but see :func:`_terms_described`).
LONGEST_CELL = 40
#: Share of a grid's ruled bands holding text at least for its rules to frame text, no
#: drawing (a chart's gridlines part its plot into bands, a label or a legend few of them).
TEXT_GRID_SHARE = 0.5
#: A table of terms and what they mean has this many rows at least, each of a term and its
#: description (the rows a table's part carried over to the next column may be as few) …
TERMS_ROWS = 2
#: … each term this many letters at most (a word or a few: counted in letters, not words,
#: as a line set letterspaced reads as a word per letter).
TERM_LETTERS = 30


#: Bands of text, each parted by the rules down, that make a grid ruled cell by cell.
CELL_BY_CELL_ROWS = 2


def _ruled_cell_by_cell(row_bands: list[int], parted_rows: int, blank: int) -> bool:
    """Every band of the grid holds text, its rules down part each one, and two bands at
    least: its rules draw each cell, not a frame round text (a frame's rules down run along
    its sides only), a row of boxes over a paragraph (the paragraph's band is not parted)
    nor a chart's grid lines (most of their bands hold no text: a legend, a label or two)."""
    bands = len(set(row_bands))
    return not blank and bands >= CELL_BY_CELL_ROWS and parted_rows == bands


#: Words at most in the title across the top of a grid ruled cell by cell under it.
GRID_TITLE_WORDS = 8


def _titled_cell_by_cell(
    row_bands: list[int], parted_rows: int, blank: int, title_first: bool, title_words: int
) -> bool:
    """A grid ruled cell by cell (:func:`_ruled_cell_by_cell`) under a title across it, the
    one band of text the rules down do not part (a manual's page head: its title over a row
    of links to the pages before and after, one cell between them left blank). A title, not a
    paragraph: a few words (``title_words``: the most in a cell of the bands not parted)."""
    bands = len(set(row_bands))
    return (
        not blank and title_first and bands >= CELL_BY_CELL_ROWS
        and parted_rows == bands - 1 and title_words <= GRID_TITLE_WORDS
    )


def _one_row_of_cells(
    xs: list[float], ys: list[float], vs: list[Rect], content: PageContent,
    open_ends: tuple[bool, bool] = (False, False),
) -> bool:
    """The grid is one row of boxed cells: two rules across (``ys``: its top and bottom) and,
    at each of its column edges (``xs``, three at least), a rule down from one to the other.
    Each cell is drawn on its own, as a grid's are, not a frame round text (a frame's rules
    down run along its sides only): a one-row table (a page's links to the previous, up and
    next pages; a menu of one entry ruled beside a blank cell), read as the grids of
    several rows ruled cell by cell are (:func:`_ruled_cell_by_cell`). One reaching into a
    margin band of the page is left to be read as its text: a running header or footer is
    often ruled so (a title beside a logo, a form's number beside its page's), and a
    table is never read as one. Unless the end in the band is open (``open_ends``: its
    foot, its head; see :func:`_open_ends`): the rest of a row a page or column break cut,
    its rules down running on to the break, set at the top of the next page or column (or
    its first part, at the foot of the page)."""
    top, bottom = max(ys), min(ys)
    band = MARGIN_BAND * content.height
    open_foot, open_head = open_ends
    in_band = (
        top - content.y0 > content.height - band and not open_head
        or bottom - content.y0 < band and not open_foot
    )
    return not in_band and _cells_ruled_down(xs, ys, vs)


def _cells_ruled_down(xs: list[float], ys: list[float], vs: Sequence[Rect]) -> bool:
    """Two cells at least (``xs``: three edges or more) between the rules across ``ys``,
    a rule down at each of their edges from the one to the other."""
    top, bottom = max(ys), min(ys)
    return len(xs) >= 3 and all(_ruled_down(x, bottom, top, vs) for x in xs)


def _cell_texts(
    page: int, xs: list[float], ys: list[float], frags: list[Fragment]
) -> list[Block]:
    """The text of each cell of one row of boxed cells (``xs``: their edges, left to right;
    ``ys``: the rules across), a block a cell, its lines in turn: a box's text is read
    together, as a diagram's boxes are (:func:`_box_texts`), and as a cell of a table is."""
    top, bottom = max(ys), min(ys)
    out = []
    for left, right in itertools.pairwise(xs):
        inside = [
            f for f in frags
            if left < (f.x0 + f.x1) / 2 < right and bottom < (f.y0 + f.y1) / 2 < top
        ]
        if inside:
            cell_lines = lines(inside)
            cell = block_of(page, (f for line in cell_lines for f in line.fragments))
            out.extend(cut_between_lines(
                cell, [line.fragments for line in cell_lines], _paragraphs_apart(cell_lines)
            ))
    return out


#: A paragraph's break in a box is a gap between lines wider than the box's usual gap by
#: this many line heights, and as wide at least (the paragraph builder's own step past the
#: usual gap between lines); the step between the lines' feet is as much wider too.
BOX_PARAGRAPH_GAP = 0.3


def _paragraphs_apart(cell_lines: Sequence[Line]) -> list[bool]:
    """For each line of a box (top to bottom), whether it opens a paragraph of its own: a
    box that holds a note in paragraphs (a sentence, a line of code, the sentence on it)
    sets them apart by space added between lines, as a page does; read as one block, they
    would run together. The space is told against the box's own lines, its usual gap and
    step the narrowest (told from two gaps at least: a box of two lines, a form's number
    under its logo, has nothing to tell a paragraph's break by), both the gap between the
    lines' boxes and the step between their feet: lines of two sizes (a form's title box, a
    larger "PART 1" over "to be sent"), set at one step, leave gaps as uneven as the boxes'
    heights, and a larger line's box reaching down further narrows its gap, not its step.
    Space parts lines of one style, or a line of code from the text (:func:`_one_style_or_code`)."""
    pairs = list(itertools.pairwise(cell_lines))
    gaps = [above.y0 - below.y1 for above, below in pairs]
    steps = [above.y0 - below.y0 for above, below in pairs]
    apart = [False] * len(cell_lines)
    if len(gaps) < 2:
        return apart
    usual_gap, usual_step = min(gaps), min(steps)
    for k, (above, below) in enumerate(pairs, start=1):
        added = BOX_PARAGRAPH_GAP * max(above.y1 - above.y0, below.y1 - below.y0)
        apart[k] = (
            gaps[k - 1] > added + max(usual_gap, 0.0) and steps[k - 1] > added + usual_step
            and _one_style_or_code(above, below)
        )
    return apart


#: Lines whose sizes differ by less than this share are set in one size.
BOX_SAME_SIZE = 0.05


def _one_style_or_code(above: Line, below: Line) -> bool:
    """Two lines of a box set in one size, or the one wholly in a fixed-pitch face and the
    other not (a line of code, which measures larger than the running text around it): the
    space between them may part two paragraphs. A line set smaller under a larger one is a
    title's next part (a form's title, the insurance it is for under it), read with it."""
    size_above = statistics.median(f.size for f in above.fragments)
    size_below = statistics.median(f.size for f in below.fragments)
    if abs(size_above - size_below) <= BOX_SAME_SIZE * max(size_above, size_below):
        return True
    return all(f.fixed_pitch for f in above.fragments) != all(
        f.fixed_pitch for f in below.fragments
    )


#: Rows at least of a grid of one column ruled cell by cell (:func:`_one_column_of_cells`).
COLUMN_CELLS = 3
#: Words at most in each cell of such a column: entries, not paragraphs in frames.
COLUMN_CELL_WORDS = 6


def _one_column_of_cells(
    xs: list[float], ys: list[float], hs: list[Rect], vs: list[Rect], frags: list[Fragment]
) -> bool:
    """The grid is one column of boxed cells, :data:`COLUMN_CELLS` rows at least: ruled down
    both sides (``xs``) from its top rule to its bottom one, a rule across the column at
    each of its rows' edges (``ys``), and in every row one line of a few words (a manual's
    list of types boxed one by one, a function's parameters ruled a row each whose
    descriptions were cut off the page). Each entry drawn in its own box makes a table of
    one column, as a grid ruled cell by cell is one (:func:`_ruled_cell_by_cell`); a frame
    round paragraphs, a rule or two across it, holds long text, and a stack of fields to
    fill in holds none. Its first or last cell may be blank (a row the page break cut), when
    :data:`COLUMN_CELLS` others hold entries."""
    if len(ys) < COLUMN_CELLS + 1:
        return False
    top, bottom = max(ys), min(ys)
    width = xs[-1] - xs[0]
    if not all(_ruled_down(x, bottom, top, vs) for x in xs):
        return False
    for y in ys:
        covered = sum(
            max(0.0, min(r.x1, xs[-1]) - max(r.x0, xs[0])) for r in hs
            if abs((r.y0 + r.y1) / 2 - y) <= TOUCH
        )
        if covered < RULED_DOWN * width:
            return False
    inside = [
        f for f in frags
        if bottom < (f.y0 + f.y1) / 2 < top and xs[0] < (f.x0 + f.x1) / 2 < xs[-1]
    ]
    edges = sorted(ys, reverse=True)
    bands = list(zip(edges, edges[1:], strict=False))
    entries = 0
    for k, (high, low) in enumerate(bands):
        cell = lines([f for f in inside if low < (f.y0 + f.y1) / 2 < high])
        if not cell and k in (0, len(bands) - 1):
            # A page break may cut the first row or the last: its box is drawn on both
            # pages, its line on one, the other's piece blank.
            continue
        if len(cell) != 1 or sum(f.words for f in cell[0].fragments) > COLUMN_CELL_WORDS:
            return False
        entries += 1
    return entries >= COLUMN_CELLS


def _terms_described(
    filled: list[list[Fragment | None]], parted_rows: int, rows: int = TERMS_ROWS
) -> bool:
    """A ruled grid of terms down its first column, each beside a description however long
    (a manual's table of commands or options and what each does), or down its last column,
    each after one (a directory's telephone numbers and addresses, each beside what the
    service offers): a table, not a frame around text. Its column rules part its rows,
    ``rows`` of them at least (fewer where a page break cut the grid), and each row's first
    (or each one's last) cell is a term of a few words. (``filled``: the grid's rows holding
    two cells of text or more.)"""
    if len(filled) < rows or parted_rows < rows:
        return False
    if all(row[0] is not None and _letters(row[0].text) <= TERM_LETTERS for row in filled):
        return True
    # (Down the last column, words in most rows: a column of figures closing a frame's rows,
    # under a head or two, is no directory's.)
    last = [row[-1] for row in filled]
    return all(c is not None and _letters(c.text) <= TERM_LETTERS for c in last) and 2 * sum(
        any(ch.isalpha() for ch in c.text) for c in last if c is not None
    ) > len(last)


def _one_term_described_below(
    cells: list[list[Fragment | None]], filled: list[list[Fragment | None]], parted_rows: int
) -> bool:
    """A ruled grid of terms holding one term (a manual's last section of questions, one
    question in it): its row, the term beside its head, the last of the grid's rows of two
    cells, and under it, in ruled rows its column rules part too, the term's description
    with the term's cell left blank. (Over its row may stand the grid's head, its links,
    or, past a page break, the rest of the answer before it, its top rule drawn again:
    that part of a longer table is a grid of one term too.) The term's row is a row of
    data, no cell of it long:
    a frame round a note beside its label (its text long from the first row) stays text,
    as does a frame round text (its rules down run along its sides only, no term row over
    its text) and a box of notes beside an icon (no text in the icon's cell)."""
    if len(filled) != 1 or parted_rows < TERMS_ROWS:
        return False
    term = filled[0]
    at = next(k for k, row in enumerate(cells) if row is term)
    below = cells[at + 1:]
    return (
        term[0] is not None and _letters(term[0].text) <= TERM_LETTERS
        and all(c is None or c.words <= LONGEST_CELL for c in term) and bool(below)
        and all(row[0] is None and any(c is not None for c in row[1:]) for row in below)
    )


#: Share of the page's width a grid spans, more than this, to be read as cut by a page break
#: rather than by the end of a column (see :func:`_cut_by_page_break`).
PAGE_WIDE = 0.5


def _cut_by_page_break(
    top: float, bottom: float, xs: list[float], hs: list[Rect], frags: list[Fragment],
    content: PageContent,
) -> bool:
    """Nothing of the page's body (its margin bands left out) lies under the grid in its
    width, or over it where no rule across closes its top: a table the page break may have
    cut, going on over the page (whether the break left its last row open, as WeasyPrint
    does in a row it parts, or fell between two rows) or come from the page before, the
    break leaving its top open. Its part on this page may hold a row or two of its own only.
    (A closed top under nothing is not enough: a margin band may hold the line over it, its
    title, as well as a running head.) A grid no wider than half the page may be cut by a
    column's end instead, going on in the next column (where the pieces are joined, see
    :mod:`.continued_tables`): so cut, it reaches the foot of the page's body, or comes
    from its head, whatever stands beside it in the other columns (within a line or so:
    columns end unevenly), and no line of the body runs across its sides (a plot's grid
    lines in a page of one column are no column's piece)."""
    return any(_break_ends(top, bottom, xs, hs, frags, content))


def _break_ends(
    top: float, bottom: float, xs: list[float], hs: list[Rect], frags: list[Fragment],
    content: PageContent,
) -> tuple[bool, bool]:
    """Whether a break may cut the grid at its foot, and at its head (see
    :func:`_cut_by_page_break`)."""
    width = xs[-1] - xs[0]
    band = MARGIN_BAND * content.height
    body = [
        f for f in frags
        if content.y0 + band < (f.y0 + f.y1) / 2 < content.y0 + content.height - band
    ]
    across = [(f.y0 + f.y1) / 2 for f in body if xs[0] < (f.x0 + f.x1) / 2 < xs[-1]]
    # (A narrow grid in a page set in columns: no line of the body runs across its sides
    # into the next column. One in a page of one column, a figure's, is no column's piece.)
    narrow = width <= PAGE_WIDE * content.width
    if narrow and any(
        f.x0 < x - ACROSS_SIDE < x + ACROSS_SIDE < f.x1 for f in body for x in (xs[0], xs[-1])
    ):
        return False, False
    # (How far past a narrow grid's end the other columns' text may reach: a line or so.)
    slack = COLUMN_END_LINES * statistics.median(f.y1 - f.y0 for f in body) if body else 0.0
    foot = not any(y < bottom for y in across) and (
        not narrow or not any((f.y0 + f.y1) / 2 < bottom - slack for f in body)
    )
    closed_top = any(
        abs((r.y0 + r.y1) / 2 - top) <= TOUCH and r.x1 - r.x0 >= RULED_DOWN * width for r in hs
    )
    head = not closed_top and not any(y > top for y in across) and (
        not narrow or not any((f.y0 + f.y1) / 2 > top + slack for f in body)
    )
    return foot, head


def _closed_at(y: float, width: float, hs: Sequence[Rect]) -> bool:
    """Rules across run at ``y`` over (most of) the grid's ``width``: in one piece, or a
    piece a cell (a grid drawn cell by cell)."""
    return sum(r.x1 - r.x0 for r in hs if abs((r.y0 + r.y1) / 2 - y) <= TOUCH) >= (
        RULED_DOWN * width
    )


def _open_ends(
    xs: list[float], ys: list[float], hs: list[Rect], frags: list[Fragment],
    content: PageContent,
) -> tuple[bool, bool]:
    """Whether the grid's foot, and its head, are open where a break cut it: no rule across
    closes that end (its rules down run on to the break) and nothing of the body lies past
    it (see :func:`_break_ends`)."""
    top, bottom = max(ys), min(ys)
    width = xs[-1] - xs[0]
    foot, head = _break_ends(top, bottom, xs, hs, frags, content)
    return foot and not _closed_at(bottom, width, hs), head and not _closed_at(top, width, hs)


def _text_at_open_end_only(
    ys: list[float], xs: list[float], open_ends: tuple[bool, bool], frags: list[Fragment]
) -> bool:
    """The grid's text all stands in its row at the end a break cut open (see
    :func:`_open_ends`), its other rows blank: a cut row's rest with the blank spacer row a
    writer sets between a table's parts (or under its last row) after it; one row still."""
    edges = sorted(ys, reverse=True)
    if open_ends[1]:
        top, bottom = edges[0], edges[1]
    else:
        top, bottom = edges[-2], edges[-1]
    inside = [
        f for f in frags
        if xs[0] < (f.x0 + f.x1) / 2 < xs[-1] and edges[-1] < (f.y0 + f.y1) / 2 < edges[0]
        and f.text.strip()
    ]
    return bool(inside) and all(bottom < (f.y0 + f.y1) / 2 < top for f in inside)


def _sides_clear(xs: list[float], ys: list[float], frags: list[Fragment]) -> bool:
    """No text stands right outside the outer rules down (``xs``' ends), level with them:
    they are a box's sides, its cells inside them alone, not rules parting columns of text
    (a bulletin's columns, ruled apart, the text of each set up to the rule beside it)."""
    top, bottom = max(ys), min(ys)
    return not any(
        bottom < (f.y0 + f.y1) / 2 < top
        and (xs[0] - SIDE_CLEAR < f.x1 <= xs[0] or xs[-1] <= f.x0 < xs[-1] + SIDE_CLEAR)
        for f in frags
    )


#: How far outside a box's side rule text may not stand (points): a column gap's width,
#: more than a cell's padding.
SIDE_CLEAR = 12.0
#: Points each way a shape passes to be more than a mark in a line of text (a bullet).
SHAPE_SIZE = 8.0


def _shapes_inside(box: Rect, paths: Sequence[Rect]) -> bool:
    """Shapes other than rules and marks are drawn inside ``box`` (a chart's bars, a panel's
    tint): lines down round them are a drawing's grid lines, not the sides of a row of cells
    (whose text may hold a list's drawn bullets, a few points wide)."""
    return any(
        p.x1 - p.x0 > SHAPE_SIZE and p.y1 - p.y0 > SHAPE_SIZE
        and p.x0 < box.x1 and p.x1 > box.x0 and p.y0 < box.y1 and p.y1 > box.y0
        for p in paths
    )


#: Rules down at least (its two sides and a column edge) for a row cut at both ends.
CUT_THROUGH_RULES = 3


def _cut_through(
    groups: Sequence[tuple[Rect, list[Rect], list[Rect]]],
) -> list[tuple[Rect, list[Rect], list[Rect]]]:
    """Rules down meeting no other rule, :data:`CUT_THROUGH_RULES` or more side by side
    with the same ends: the sides and column edges of a table's row cut at both ends, its
    top by the break before its column and its foot by the break after (a long answer in a
    table of questions, filling a whole column): no rule across is drawn there. (Read as
    a row only where both ends are such breaks: see :func:`_open_ends`.)"""
    lone = sorted(
        (vs[0] for _, hs, vs in groups if not hs and len(vs) == 1), key=lambda r: r.x0
    )
    out: list[tuple[Rect, list[Rect], list[Rect]]] = []
    used: set[int] = set()
    for rule in lone:
        if id(rule) in used:
            continue
        alike = [
            r for r in lone
            if id(r) not in used and abs(r.y0 - rule.y0) <= TOUCH and abs(r.y1 - rule.y1) <= TOUCH
        ]
        if len(_positions([(r.x0 + r.x1) / 2 for r in alike])) >= CUT_THROUGH_RULES:
            used.update(id(r) for r in alike)
            out.extend((_box_of(piece), [], piece) for piece in _column_pieces(alike))
    return out


def _column_pieces(rules: list[Rect]) -> list[list[Rect]]:
    """The rules down of rows cut through, parted into the pieces of each column of the
    page: where the same column edges stand again, moved over by the columns' pitch (a
    table filling both columns of a page between its breaks), a piece of its own each."""
    xs = _positions([(r.x0 + r.x1) / 2 for r in rules])
    for count in range(2, len(xs) // CUT_THROUGH_RULES + 1):
        if len(xs) % count:
            continue
        size = len(xs) // count
        chunks = [xs[k * size:(k + 1) * size] for k in range(count)]
        steps = [[b - a for a, b in zip(c, c[1:], strict=False)] for c in chunks]
        if all(
            abs(step - first) <= TOUCH
            for other in steps[1:] for step, first in zip(other, steps[0], strict=True)
        ):
            return [
                [r for r in rules if c[0] - TOUCH <= (r.x0 + r.x1) / 2 <= c[-1] + TOUCH]
                for c in chunks
            ]
    return [rules]


#: How far a line must run on past each side of a narrow grid's edge to run across it (a
#: line of the column the grid fills reaches its edge, and may pass it by a point or so).
ACROSS_SIDE = 6.0
#: Lines (of the body's median height) by which the columns of a page may end apart, at
#: its foot or its head (see :func:`_cut_by_page_break`).
COLUMN_END_LINES = 1.5


def _letters(text: str) -> int:
    """The letters (and other marks) of ``text``, its spaces left out."""
    return len(text) - sum(c.isspace() for c in text)


def _pieced_edges(
    xs: list[float], cells: list[list[Fragment | None]], vs: list[Rect]
) -> list[int]:
    """The grid's inner column edges (indexes into ``xs``) that only a break in its rules
    across puts there, beside a column holding no text: rules drawn a piece at a time (a
    form's ruling, its pieces meeting where no rule runs down) part no columns, and the
    empty column between such a break and the next edge is none a reader would find."""
    def ruled_down(x: float) -> bool:
        return any(abs((v.x0 + v.x1) / 2 - x) <= TOUCH for v in vs)

    def empty(k: int) -> bool:
        left, right = xs[k] + CROSSING, xs[k + 1] - CROSSING
        return all(
            row[k] is None and not any(f is not None and f.x0 < right and f.x1 > left
                                       for f in row)
            for row in cells
        )

    return [
        k for k in range(1, len(xs) - 1)
        if not ruled_down(xs[k]) and (empty(k - 1) or empty(k))
    ]


def _caption_cell(row: list[Fragment | None]) -> bool:
    """A row of one cell, across the grid, reading as a table's caption ("Table 3: …")."""
    first = row[0]
    return (
        first is not None and all(c is None for c in row[1:])
        and bool(TABLE_CAPTION.match(first.text))
    )


def _picture_caption_cell(row: list[Fragment | None], content: PageContent) -> bool:
    """A row of one cell, under a picture: the picture's caption, set in the table's top row.

    A web page's infobox (printed to PDF from a browser) is one table holding a picture, the
    picture's caption in the row under it, then the rows of facts; the picture is read as a
    figure and the rows under it as the table, so its caption would open the table as a row
    spanning it, and the picture would be left undescribed. Read as text over the table, it
    is the picture's caption (see :func:`.figures.styled_caption_of`), said with it, and
    still read where it stands: nothing is lost. The picture is an image large enough for a
    figure, its foot within a line of the cell's top, the cell's middle within its width."""
    first = row[0]
    if first is None or any(c is not None for c in row[1:]):
        return False
    if sum(any(ch.isalpha() for ch in token) for token in first.text.split()) < 2:
        return False
    page_area = content.width * content.height
    line = LINE_PITCH * max(first.size, 1.0)
    middle = (first.x0 + first.x1) / 2
    return any(
        (r.x1 - r.x0) * (r.y1 - r.y0) >= FIGURE_MIN_AREA * page_area
        and -EDGE_TOLERANCE <= r.y0 - first.y1 <= line and r.x0 <= middle <= r.x1
        for r in content.images
    )


def _drawn_table(
    cells: list[list[Fragment | None]], xs: list[float], bands: Bands, shadings: list[Rect],
    members: list[Fragment], downs: list[Rect], cut_head: bool = False,
) -> tuple[list[list[Fragment | None]], int, Spans]:
    """A ruled grid's rows as drawn (see :mod:`.table_heads`): the columns its heads part,
    its empty ruled rows to fill in, and how many of its first rows are heads (a head's
    box bounded by the grid's rules ``downs``). A grid whose head a break cut open
    (``cut_head``) opens with the rest of a row: no head, however it is drawn."""
    drawn = head_rows(cells, bands, shadings)
    drawn += sub_head_rows(cells, drawn, bands, xs)
    if drawn:
        xs, cells = without_edges(xs, cells, comb_edges(xs, cells, drawn))
    if drawn and bands.blank and members:
        # (A line of the grid's largest text: a cell's lines stacked are higher than any row.)
        cells = with_blank_rows(cells, bands, least_height=max(f.size for f in members))
    # (No rule or shading set the heads apart: their text may. Such a table is a table of
    # data, not a form: its blank rows and columns are no fields to fill in. Its head rows
    # are the lines its text is set on: none is moved into another. A head in bold is told
    # once the grid is read with any heads drawn over it, apart: see .classify.)
    heads = drawn or set_apart_head(cells, bold=False) or centred_head_rows(cells, xs)
    if cut_head:
        heads = 0
    cells, heads, spans = head_spans(cells, heads, xs, packed=bool(drawn), downs=downs)
    return cells, heads, spans


def _title_row(cells: list[list[Fragment | None]], spans: Spans) -> Fragment | None:
    """The text of the grid's first row when it is the table's title set inside its frame
    ("NICS Firearm Background Checks" over the groups' and the columns' heads), not a head
    of the columns under it: the row's one text, in a face :data:`CORNER_TITLE` times
    larger than every other cell's text, over two rows or more, spanning (``spans``) two
    of the columns or more but not all (a band across the grid, its own title row, is
    read with it: see :func:`_corner_title`). None otherwise."""
    if len(cells) < 3:
        return None
    texts = [(k, c) for k, c in enumerate(cells[0]) if c is not None]
    if len(texts) != 1 or not 1 < spans.get((0, texts[0][0]), (1, 1))[1] < len(cells[0]):
        return None
    title = texts[0][1]
    others = [c.size for row in cells[1:] for c in row if c is not None]
    if not others or title.size < CORNER_TITLE * max(others):
        return None
    return title


#: A grid's top-left text in a face this many times larger than all its other text (or more)
#: is a title set inside the table's frame, not a cell (see :func:`_corner_title`).
CORNER_TITLE = 1.1


def _corner_title(cells: list[list[Fragment | None]]) -> Fragment | None:
    """The text of the grid's top-left cell when it is a title set inside the table's frame
    (a form's "Dependents:" beside the heads of its other columns), not the first column's
    head: in a face :data:`CORNER_TITLE` times larger than every other cell's text, beside
    other heads in its row, with the first column's own head in the row under it. None
    otherwise."""
    if len(cells) < 2 or cells[0][0] is None or cells[1][0] is None:
        return None
    if all(c is None for c in cells[0][1:]):
        return None  # (a band across the grid: the table's own title row, read with it)
    first = cells[0][0]
    others = [c.size for row in cells for c in row if c is not None and c is not first]
    if not others or first.size < CORNER_TITLE * max(others):
        return None
    return first


#: A rule across this share of a cell's width at least is the cell's edge.
CELL_EDGE = 0.8


#: Bands of text parted by a grid's column rules, at least, for a band across all its columns
#: (a note under the table, a title over it) to hold longer text than a cell of data.
PARTED_ROWS = 3


def _bands_of_cells(
    ys: list[float], xs: list[float], ruled: list[float], hs: list[Rect], vs: list[Rect],
    frags: list[Fragment],
) -> dict[int, int]:
    """The band of the grid (between ``ys``, top down) whose row each fragment's cell
    belongs to, by fragment id. A fragment's own band, unless its cell spans rows: a cell
    of a ruled column (between ``ruled`` rules down) that the cells' edges across the row
    above it leave open, with rules down both its sides through that row's edge (a group's
    label set by the middle of its rows, "Financier" beside four actions), is the first
    row's, where a reader meets it before the rows it labels."""
    downward = [-y for y in ys]  # (ys run top down: negated, they rise for bisect)
    # The rules by where they run (a grid may hold hundreds of each, asked of many times).
    across_rules = sorted(hs, key=lambda h: (h.y0 + h.y1) / 2)
    across_at = [(h.y0 + h.y1) / 2 for h in across_rules]
    down_rules = sorted(vs, key=lambda v: (v.x0 + v.x1) / 2)
    down_at = [(v.x0 + v.x1) / 2 for v in down_rules]

    def band_at(y: float) -> int | None:
        k = bisect.bisect_right(downward, -y) - 1
        return k if 0 <= k < len(ys) - 1 and ys[k + 1] < y < ys[k] else None

    def downs_at(x: float) -> list[Rect]:
        """The rules down at ``x``."""
        return down_rules[
            bisect.bisect_left(down_at, x - TOUCH):bisect.bisect_right(down_at, x + TOUCH)
        ]

    def down(x: float, y: float) -> bool:
        """A rule down at ``x`` runs through height ``y`` (drawn whole, or a cell's side at a
        time: one piece ending there and the next starting)."""
        near = [v for v in downs_at(x) if v.y0 - TOUCH <= y <= v.y1 + TOUCH]
        return any(v.y1 > y + TOUCH for v in near) and any(v.y0 < y - TOUCH for v in near)

    def cell_edge(h: Rect) -> bool:
        """Cells' edges run across most of a cell, or end on a rule down; a word's
        underline, set in a cell apart from the text, does neither."""
        y = (h.y0 + h.y1) / 2
        return any(
            min(h.x1, b) - max(h.x0, a) >= CELL_EDGE * (b - a)
            for a, b in zip(xs, xs[1:], strict=False)
        ) or any(
            v.y0 - TOUCH <= y <= v.y1 + TOUCH for v in downs_at(h.x0) + downs_at(h.x1)
        )

    edges_at: dict[int, list[Rect]] = {}

    def across(band: int, x: float) -> bool | None:
        """Whether a cell's edge runs across ``x`` atop the ``band``; None when no cell's
        edge is drawn there at all (a band of the grid's box beyond its rules)."""
        if band not in edges_at:
            y = ys[band]
            edges_at[band] = [
                h for h in across_rules[
                    bisect.bisect_left(across_at, y - TOUCH):
                    bisect.bisect_right(across_at, y + TOUCH)
                ]
                if cell_edge(h)
            ]
        at = edges_at[band]
        if not at:
            return None
        return any(h.x0 - TOUCH <= x <= h.x1 + TOUCH for h in at)

    opens: dict[tuple[int, int], bool] = {}  # (band, column) -> open to the band above

    def open_above(band: int, k: int) -> bool:
        if (band, k) not in opens:
            y, left, right = ys[band], xs[k], xs[k + 1]
            opens[band, k] = (
                across(band, (left + right) / 2) is False and down(left, y) and down(right, y)
            )
        return opens[band, k]

    own = {id(f): band_at((f.y0 + f.y1) / 2) for f in frags}
    # (A band holding no text is no row a cell could span: a sliver between two rules.)
    rows = {band for band in own.values() if band is not None}
    out: dict[int, int] = {}
    for f in frags:
        band = own[id(f)]
        if band is None:
            continue
        cx = (f.x0 + f.x1) / 2
        k = bisect.bisect_right(xs, cx) - 1
        if ruled[0] - TOUCH <= cx <= ruled[-1] + TOUCH and 0 <= k < len(xs) - 1:
            while band - 1 in rows and open_above(band, k):
                band -= 1
        out[id(f)] = band
    return out


#: Share of a grid's cells holding text below which it is a chart's grid lines, if an axis
#: runs down one of its columns (a table, even one with gaps, fills more).
PLOT_FILL = 0.2
#: Numbers down a column, rising or falling row after row, that make an axis's scale.
AXIS_LABELS = 4

_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def _plot_area(cells: list[list[Fragment | None]]) -> bool:
    """A chart's plot area drawn with grid lines: its cells mostly empty, the labels of an
    axis down one column (numbers rising or falling row by row: 100, 90, 70, 60), the
    curves' labels scattered in the rest."""
    count = sum(len(row) for row in cells)
    filled = sum(c is not None for row in cells for c in row)
    if not count or filled >= PLOT_FILL * count:
        return False
    for k in range(max(len(row) for row in cells)):
        values = []
        for row in cells:
            cell = row[k] if k < len(row) else None
            text = cell.text.split()[-1] if cell is not None and cell.text.split() else ""
            if _NUMBER.fullmatch(text):
                values.append(float(text.replace(",", ".")))
        steps = [b - a for a, b in zip(values, values[1:], strict=False)]
        if len(values) >= AXIS_LABELS and (all(d > 0 for d in steps) or all(d < 0 for d in steps)):
            return True
    return False


#: Rows of fields with no text, under heads naming their columns, that make a grid a table
#: to fill in (a form's table of dependents, a name, a number and a relationship a row),
#: not a form's layout of labels each by its field.
FILL_IN_ROWS = 2


def _fields_in(fields: Sequence[BBox], x0: float, y0: float, x1: float, y1: float) -> int:
    return sum(
        x0 < (box.x0 + box.x1) / 2 < x1 and y0 < (box.y0 + box.y1) / 2 < y1 for box in fields
    )


#: How near two rules must come to be drawn as one (a rule ends at the line it meets, give
#: or take its own width and the rounding of the drawing).
TOUCH = 2.0


#: How far apart (across their length) two rules one way may lie and still touch: each is
#: at most RULE_THICKNESS thick (see .glyphs: 2.5), and TOUCH near. (A hair more, so that
#: no rounding of the sums keeps a pair that touches from being compared.)
_REACH = TOUCH + 2.5 + 0.01


def _joined(horizontal: list[Rect], vertical: list[Rect]) -> DisjointSets:
    """The pieces the rules draw (indices: ``horizontal`` first, then ``vertical``): rules
    whose boxes come within TOUCH of each other, one to the next, are one piece. Rules across
    are at most 2.5 thick, rules down at most 2.5 wide (as :func:`ruled_tables` takes them).
    Only rules near each other are compared: a rule across with those across on about its
    line, a rule down with those down on about its line, and with the rules across whose
    line it reaches. (The same pieces as comparing every pair, at a fraction of the pairs.)"""
    rules = horizontal + vertical
    pieces = DisjointSets(len(rules))
    root, parent = pieces.root, pieces.parent
    boxes = [(r.x0, r.y0, r.x1, r.y1) for r in rules]

    def join(a: int, others: Iterable[int]) -> None:
        # (The hottest loop of a page of ruled tables: spelled out, with ``a``'s edges and
        # reach kept in locals; each test is the same sum and comparison as ever.)
        ax0, ay0, ax1, ay1 = boxes[a]
        ax1, ay1 = ax1 + TOUCH, ay1 + TOUCH
        for b in others:
            bx0, by0, bx1, by1 = boxes[b]
            if ax0 <= bx1 + TOUCH and bx0 <= ax1 and ay0 <= by1 + TOUCH and by0 <= ay1:
                top_a, top_b = root(a), root(b)
                if top_a != top_b:
                    parent[top_a] = top_b

    across = sorted(range(len(horizontal)), key=lambda k: rules[k].y0)
    across_ys = [rules[k].y0 for k in across]
    down = sorted(range(len(horizontal), len(rules)), key=lambda k: rules[k].x0)
    down_xs = [rules[k].x0 for k in down]
    for order, places in ((across, across_ys), (down, down_xs)):
        for n, a in enumerate(order):
            join(a, order[n + 1:bisect.bisect_right(places, places[n] + _REACH, n + 1)])
    for v in range(len(horizontal), len(rules)):
        low = bisect.bisect_left(across_ys, rules[v].y0 - _REACH)
        high = bisect.bisect_right(across_ys, rules[v].y1 + TOUCH)
        join(v, across[low:high])
    return pieces


def _rule_groups(
    horizontal: list[Rect], vertical: list[Rect]
) -> list[tuple[Rect, list[Rect], list[Rect]]]:
    """The grids the rules draw, top first: rules that cross or touch, one to the next, are
    one grid (its box, its horizontal and its vertical rules). A frame drawn round the page
    or round a box of tables holds them but touches none: each table is its own grid. Loose
    rules that form no grid of their own (an underline in a cell, a rule stopping short of
    the ones it meets) go with the smallest grid holding them."""
    rules = horizontal + vertical
    pieces = _joined(horizontal, vertical)
    horizontal_ids = {id(r) for r in horizontal}
    found: dict[int, tuple[list[Rect], list[Rect]]] = {}
    for k, r in enumerate(rules):
        hs, vs = found.setdefault(pieces.root(k), ([], []))
        (hs if id(r) in horizontal_ids else vs).append(r)
    groups = [(_box_of(hs + vs), hs, vs) for hs, vs in found.values()]
    grids = [k for k, (_, hs, vs) in enumerate(groups) if _may_be_grid(hs, vs)]
    holder: dict[int, int] = {}
    for k, (box, _, _) in enumerate(groups):
        # A grid inside another grid's box is part of it (boxes drawn apart in a form's
        # columns), unless the other is a bare frame round it (the page's border).
        holders = [
            j for j in grids
            if j != k and _holds(groups[j][0], box)
            and (k not in grids or not _bare_frame(groups[j]))
        ]
        if holders:
            holder[k] = min(holders, key=lambda j: _area(groups[j][0]))
    merged: dict[int, tuple[Rect, list[Rect], list[Rect]]] = {}
    for k, (_, hs, vs) in enumerate(groups):
        top = k
        for _ in range(len(groups)):  # (a holder is bigger than what it holds: no cycles)
            if top not in holder:
                break
            top = holder[top]
        grid_box, grid_hs, grid_vs = merged.get(top, (groups[top][0], [], []))
        merged[top] = (grid_box, grid_hs + hs, grid_vs + vs)
    return sorted(merged.values(), key=lambda g: (-g[0].y1, g[0].x0))


#: Share of the lines across a frame's columns that may cross a gap between them (a title
#: line spanning the columns).
SPANNING_SHARE = 0.15


def _spaced_columns(
    xs: list[float], top: float, bottom: float, frags: list[Fragment]
) -> list[float]:
    """The edges between the columns of a frame ruled between its rows (or groups of rows)
    and down its sides only, its columns set apart by space: where the lines in pieces
    leave a gap (crossed by a few lines at most, a title spanning them)."""
    inside = [
        f for f in frags
        if bottom < (f.y0 + f.y1) / 2 < top and xs[0] < (f.x0 + f.x1) / 2 < xs[-1]
    ]
    across = [line.fragments for line in lines(inside) if len(line.fragments) > 1]
    if len(across) < RULED_ROWS:
        return []
    edges: list[float] = []
    for x in sorted({round(f.x1 + 1, 1) for row in across for f in row}):
        crossing = sum(any(f.x0 < x < f.x1 for f in row) for row in across)
        beyond = sum(
            any(f.x1 < x for f in row) and any(f.x0 > x for f in row) for row in across
        )
        if (crossing <= SPANNING_SHARE * len(across) and beyond >= len(across) / 2
                and xs[0] + TOUCH < x < xs[-1] - TOUCH):
            edges.append(x)
    # (A gap is many places wide, past the ends of a column's longer and shorter texts:
    # one edge a column, the first past text on two lines at least.)
    kept: list[float] = []
    for x in edges:
        left = kept[-1] if kept else xs[0]
        if sum(any(left < (f.x0 + f.x1) / 2 < x for f in row) for row in across) >= 2:
            kept.append(x)
    # (Two columns side by side in a ruled box are as often a diagram's box, its names by
    # their types: three, a table's label and its figures, are asked for.)
    return kept if len(kept) >= SPACED_EDGES else []


#: Gaps between columns set apart by space that make a ruled box's text a table.
SPACED_EDGES = 2


#: Rows (bands between rules across) each part of a grid cut in two must keep.
STACKED_ROWS = 2


def _stacked(
    group: tuple[Rect, list[Rect], list[Rect]]
) -> list[tuple[tuple[Rect, list[Rect], list[Rect]], bool]]:
    """A grid cut where the rules down between its columns change all at once: the rows
    above a rule across and the rows below it are ruled into columns at no place in common
    (a form's table of dependents over its lines of income, drawn on from one rule). Two
    grids stacked on a shared rule, each a table of its own (or, if it is no grid, text):
    one grid's columns cut through the other's rows would tear their lines into cells. A
    head or a row spanning the columns, with no rule down through it, cuts nothing; nor
    does a frame down the outer edges, which both parts share. A table drawn on another
    (:func:`_boxes_apart`: a row of links on an index) is cut off however few its rows;
    each part comes with whether it was cut so, to be read as no heads of the other."""
    box, hs, vs = group
    ys = sorted(_positions([(r.y0 + r.y1) / 2 for r in hs]), reverse=True)
    bands = [  # where the rules down cross each band between rules across
        [(r.x0 + r.x1) / 2 for r in vs if r.y0 < (top + bottom) / 2 < r.y1]
        for top, bottom in zip(ys, ys[1:], strict=False)
    ]
    cuts: list[float] = []
    apart: list[float] = []  # the cuts between tables drawn one on the other
    above: list[float] = []
    parted_above: list[float] = []  # (the last band above parted into columns)
    rows_above = 0
    for k, xs in enumerate(bands):
        rows_below = len(bands) - k
        if len(xs) > 2 and parted_above and _boxes_apart(parted_above, xs):
            apart.append(ys[k])
        if len(xs) > 2:
            parted_above = xs
        if xs and above and (
            rows_above >= STACKED_ROWS and rows_below >= STACKED_ROWS
            and not any(abs(x - y) <= TOUCH for x in xs for y in above)
            or apart and apart[-1] == ys[k]
        ):
            cuts.append(ys[k])
            rows_above = 0
        rows_above += 1
        above = xs or above
    if not cuts:
        return [(group, False)]
    parts = []
    for top, bottom in zip([box.y1 + TOUCH, *cuts], [*cuts, box.y0 - TOUCH], strict=False):
        part_hs = [r for r in hs if bottom - TOUCH <= (r.y0 + r.y1) / 2 <= top + TOUCH]
        part_vs = [r for r in vs if bottom - TOUCH < (r.y0 + r.y1) / 2 < top + TOUCH]
        if part_hs and part_vs:
            at_cuts = [y for y in (top, bottom) if y in apart]
            part_hs = _within_sides(part_hs, part_vs, at_cuts)
            parts.append(((_box_of(part_hs + part_vs), part_hs, part_vs), bool(at_cuts)))
    return parts


def _within_sides(hs: list[Rect], vs: list[Rect], cuts: list[float]) -> list[Rect]:
    """A part's rules across, those on a line it was cut at (``cuts``) kept within its rules
    down: the rule the two parts share runs as wide as the wider, and the narrower part's
    columns end at its own side, not at the other's."""
    left, right = min(v.x0 for v in vs), max(v.x1 for v in vs)
    out = []
    for r in hs:
        if not any(abs((r.y0 + r.y1) / 2 - y) <= TOUCH for y in cuts):
            out.append(r)
        elif r.x1 > left and r.x0 < right:
            out.append(Rect(max(r.x0, left), r.y0, min(r.x1, right), r.y1, r.obj))
    return out


def _boxes_apart(above: list[float], below: list[float]) -> bool:
    """Two tables drawn one on the other, sharing a rule across (``above`` and ``below``:
    where the rules down cross a band of each): their boxes end at different places, on the
    left or the right, and the rules down inside them meet at no place (a manual's row of
    links to an index's letters over the index, as wide as its links, the index wider).
    Each part may be one row: a row of the one table, however short, would end where the
    table does, or share a column edge with it. (A row that ends short of the table's edge
    with a column edge in common, a letter heading an index's entries, is the table's.)"""
    inner_above, inner_below = sorted(above)[1:-1], sorted(below)[1:-1]
    if not inner_above or not inner_below:
        return False  # a frame alone, or a row spanning the columns: nothing to tell by
    ends_apart = (
        abs(min(above) - min(below)) > TOUCH or abs(max(above) - max(below)) > TOUCH
    )
    return ends_apart and not any(
        abs(x - y) <= TOUCH for x in inner_above for y in inner_below
    )


def _without_bare_panels(
    group: tuple[Rect, list[Rect], list[Rect]]
) -> tuple[tuple[Rect, list[Rect], list[Rect]], list[Rect]]:
    """The grid without a panel at its side that its rules across do not rule: a frame round
    the page, parted by a rule down its whole height into a table and a column of charts,
    draws one piece, but no rule across the panel of charts runs from the rule down to the
    frame's side (a chart's axes and legend stop short of both), so the panel is no column
    of the table: the charts' labels are not its cells."""
    box, hs, vs = group
    edge = TOUCH + 2.5
    dividers = sorted(
        (r.x0 + r.x1) / 2 for r in vs
        if r.y0 <= box.y0 + edge and r.y1 >= box.y1 - edge
    )
    if len(dividers) < 3:
        return group, []  # no frame parted in panels

    def ruled_across(left: float, right: float) -> int:
        return sum(
            r.x0 <= left + edge and r.x1 >= right - edge
            and box.y0 + edge < (r.y0 + r.y1) / 2 < box.y1 - edge
            for r in hs
        )

    # The table stays in the panel ruled across most often; a bare panel at either side goes.
    panels = list(zip(dividers, dividers[1:], strict=False))
    counts = [ruled_across(left, right) for left, right in panels]
    best = max(range(len(panels)), key=lambda k: counts[k])
    if counts[best] < 2:
        return group, []
    low, high = 0, len(panels) - 1
    while low < best and counts[low] == 0:
        low += 1
    while high > best and counts[high] == 0:
        high -= 1
    if low == 0 and high == len(panels) - 1:
        return group, []
    x0, x1 = panels[low][0], panels[high][1]
    kept_hs = [
        Rect(max(r.x0, x0 - TOUCH), r.y0, min(r.x1, x1 + TOUCH), r.y1, r.obj)
        for r in hs if r.x1 > x0 + edge and r.x0 < x1 - edge
    ]
    kept_vs = [r for r in vs if x0 - edge <= (r.x0 + r.x1) / 2 <= x1 + edge]
    if not kept_hs or not kept_vs:
        return group, []
    bare = [
        Rect(left, box.y0, right, box.y1, box.obj)
        for k, (left, right) in enumerate(panels) if k < low or k > high
    ]
    return (_box_of(kept_hs + kept_vs), kept_hs, kept_vs), bare


#: Boxes drawn edge to edge in a row, and lines of text in each, that make a row of boxes of
#: text (addresses, one a box) rather than a table's shaded cells.
SIDE_BY_SIDE = 3
BOX_LINES = 3


def boxes_side_by_side(paths: list[Rect], frags: list[Fragment]) -> list[list[Rect]]:
    """Rows of boxes drawn edge to edge, of one height, each holding several lines of text
    (a form's addresses, one a box, a head over each), with no row of boxes on them above or
    below (those are a table's cells, shaded): each box's text is read on its own."""
    boxes = [p for p in paths if p.x1 - p.x0 > 20 and p.y1 - p.y0 > 20]
    boxes.sort(key=lambda p: (round(p.y0), round(p.y1), p.x0))
    rows: list[list[Rect]] = []
    for p in boxes:
        last = rows[-1][-1] if rows else None
        if (last is not None and abs(p.y0 - last.y0) <= TOUCH
                and abs(p.y1 - last.y1) <= TOUCH and abs(p.x0 - last.x1) <= TOUCH):
            rows[-1].append(p)
        else:
            rows.append([p])

    def text_lines(box: Rect) -> int:
        return len(lines([
            f for f in frags
            if box.x0 < (f.x0 + f.x1) / 2 < box.x1 and box.y0 < (f.y0 + f.y1) / 2 < box.y1
        ]))

    def stacked(row: list[Rect]) -> bool:
        box = _box_of(row)
        return any(
            other is not row and other[0].x0 < box.x1 and box.x0 < other[-1].x1
            and (abs(other[0].y0 - box.y1) <= TOUCH or abs(other[0].y1 - box.y0) <= TOUCH)
            for other in rows
        )

    return [
        row for row in rows
        if len(row) >= SIDE_BY_SIDE and not stacked(row)
        and all(text_lines(box) >= BOX_LINES for box in row)
    ]


def side_by_side_areas(paths: list[Rect], frags: list[Fragment]) -> list[Rect]:
    """Where rows of boxes of text side by side are (see :func:`boxes_side_by_side`)."""
    return [_box_of(row) for row in boxes_side_by_side(paths, frags)]


def _cut_at_edges(frags: list[Fragment], row: list[Rect]) -> list[Fragment]:
    """The pieces of text, those running across an edge between two of the boxes cut in two
    there (their glyphs each side made pieces of their own)."""
    edges = [box.x1 for box in row[:-1]]
    low, high = row[0].y0, row[0].y1
    out: list[Fragment] = []
    for f in frags:
        cut = next((x for x in edges if f.x0 < x - TOUCH and x + TOUCH < f.x1), None)
        if cut is None or not low < (f.y0 + f.y1) / 2 < high:
            out.append(f)
            continue
        out.extend(fragments([g for g in f.glyphs if (g.x0 + g.x1) / 2 < cut]))
        out.extend(fragments([g for g in f.glyphs if (g.x0 + g.x1) / 2 >= cut]))
    return out


def _holds(outer: Rect, inner: Rect) -> bool:
    return (outer.x0 - TOUCH <= inner.x0 and inner.x1 <= outer.x1 + TOUCH
            and outer.y0 - TOUCH <= inner.y0 and inner.y1 <= outer.y1 + TOUCH)


def _area(box: Rect) -> float:
    return (box.x1 - box.x0) * (box.y1 - box.y0)


def _bare_frame(group: tuple[Rect, list[Rect], list[Rect]]) -> bool:
    """Every rule of the group runs along an edge of its box: a frame, ruling nothing inside."""
    box, hs, vs = group
    edge = TOUCH + 2.5
    return all(min(abs(r.y0 - box.y0), abs(r.y1 - box.y1)) <= edge for r in hs) and all(
        min(abs(r.x0 - box.x0), abs(r.x1 - box.x1)) <= edge for r in vs
    )


def _may_be_grid(hs: list[Rect], vs: list[Rect]) -> bool:
    """Enough rules each way to rule a grid of two rows and two columns (frames add ends)."""
    return len(hs) + len(vs) >= 5 and len(hs) >= 2 and len(vs) >= 1


#: Pieces of rules, apart from the grid's main one, that make a grid a drawing of boxes.
APART_PIECES = 3


def _drawn_apart(hs: list[Rect], vs: list[Rect]) -> bool:
    """The rules fall apart into pieces that meet no other: a diagram's boxes and connectors
    (a line between a class box's compartments, a connector's bent path) drawn inside one
    frame (the piece spanning most), not a table's grid. A table's rules meet at its cells'
    corners, so all but a stray rule or two (a rule under a head) are one piece; a
    diagram's loose pieces, all inside its frame, hold more of its rules than it does."""
    rules = hs + vs
    joined = _joined(hs, vs)
    pieces: dict[int, list[Rect]] = {}
    # (Each piece's rules, and the pieces, in order of where the rules start from the left.)
    for k in sorted(range(len(rules)), key=lambda k: rules[k].x0):
        pieces.setdefault(joined.root(k), []).append(rules[k])
    largest = max(pieces.values(), key=lambda piece: _area(_box_of(piece)))
    if len(pieces) - 1 < APART_PIECES or len(rules) - len(largest) <= len(largest):
        return False
    # The loose pieces lie inside the largest, a frame round them (a table whose rules all
    # stop short of the ones they cross would fall apart too, but no piece would hold it).
    frame = _box_of(largest)
    return all(_holds(frame, r) for r in rules)


def _box_texts(
    page: int, drawing: Rect, paths: list[Rect], frags: list[Fragment]
) -> list[Block]:
    """The text set on a diagram (``drawing``: its box) as text blocks, one a box drawn on
    it (a class box's name and its compartments' lines read together), one a line for the
    text on no box of its own (a connector's label): read line by line, side-by-side boxes
    would seem a table's columns and a box's lines would run on into its neighbour's."""
    on_it = [
        f for f in frags
        if drawing.x0 - TOUCH <= (f.x0 + f.x1) / 2 <= drawing.x1 + TOUCH
        and drawing.y0 - TOUCH <= (f.y0 + f.y1) / 2 <= drawing.y1 + TOUCH
    ]
    shapes = [p for p in paths if _holds(drawing, p)]
    texts: dict[int, list[Fragment]] = {}
    loose: list[Fragment] = []
    for f in on_it:
        cx, cy = (f.x0 + f.x1) / 2, (f.y0 + f.y1) / 2
        holding = [
            k for k, p in enumerate(shapes) if p.x0 <= cx <= p.x1 and p.y0 <= cy <= p.y1
        ]
        if holding:
            texts.setdefault(min(holding, key=lambda k: _area(shapes[k])), []).append(f)
        else:
            loose.append(f)
    # A shape holding another that holds text is a panel or a frame, not a box: its own
    # text (a panel's title) is a line on its own like a connector's label.
    for k in list(texts):
        if any(j != k and _holds(shapes[k], shapes[j]) and _area(shapes[j]) < _area(shapes[k])
               for j in texts):
            loose.extend(texts.pop(k))
    pieces = list(texts.values()) + [
        part for line in lines(loose) for part in _set_apart_by_size(line.fragments)
    ]
    out = []
    for piece in pieces:
        block = Block(page, kind="text")
        for line in lines(piece):
            for f in line.fragments:
                block.add(f)
        out.append(block)
    return out


#: Pieces of a diagram's loose line this many times the taller's height apart or more …
LOOSE_STEP = 2.0
#: … one of them this many times the other's height at least, are two texts, not one line.
LOOSE_SIZE_STEP = 1.5


def _set_apart_by_size(line: list[Fragment]) -> list[list[Fragment]]:
    """A line of a diagram's loose text (no box of its own holds it) cut where the next
    piece stands far past the last, a line step of the taller of the two (as a page's
    lines go on), and is set in a clearly other size: a panel's title set large, level
    with the small facts flush left of it ("Name: Hydro Network   **Hydro Network**"), is
    read apart from them, not as more of the last fact's value. (Pieces of one size go on:
    a label and its value at a tab stop, a connector's labels.)"""
    parts = [[line[0]]] if line else []
    for last, f in itertools.pairwise(line):
        tall, short = sorted((last.height, f.height), reverse=True)
        if f.x0 - last.x1 >= LOOSE_STEP * tall and tall >= LOOSE_SIZE_STEP * short:
            parts.append([])
        parts[-1].append(f)
    return parts


def _box_of(rules: list[Rect]) -> Rect:
    return Rect(min(r.x0 for r in rules), min(r.y0 for r in rules), max(r.x1 for r in rules),
                max(r.y1 for r in rules), rules[0].obj)


#: Share of a grid's height that a band of its box beyond its rules may have (its title,
#: its note): more is a panel of text the table is set in.
BOX_BAND = 0.5


def _with_bands_of_its_box(
    ys: list[float], xs: list[float], paths: list[Rect], frags: list[Fragment]
) -> list[float]:
    """The rows' edges (``ys``, top first) with the bands of the box the grid is drawn on
    beyond its top and bottom rules: a shape as wide as the grid, going on above its top
    rule or below its bottom one by less than half its height, holds the table's title
    row ("Staging") and its note row under the last rule, set on the table's own colour.
    The grid's columns (``xs``) say how wide. A band whose lines come in pieces holds the
    heads of columns, not a title (read as a table of their own, then put over the grid's
    columns: :func:`join_tables`)."""
    top, bottom = ys[0], ys[-1]
    reach = BOX_BAND * (top - bottom)
    above, below = top, bottom
    for p in paths:
        if abs(p.x0 - xs[0]) > 2 * TOUCH or abs(p.x1 - xs[-1]) > 2 * TOUCH:
            continue
        if p.y0 < bottom - reach or p.y1 > top + reach:
            continue  # a panel the table is set in, with more text
        if p.y1 > top + TOUCH:
            above = max(above, p.y1)
        if p.y0 < bottom - TOUCH:
            below = min(below, p.y0)

    def one_piece_a_line(high: float, low: float) -> bool:
        inside = [
            f for f in frags
            if low < (f.y0 + f.y1) / 2 < high and xs[0] < (f.x0 + f.x1) / 2 < xs[-1]
        ]
        return all(len(line.fragments) == 1 for line in lines(inside))

    return (
        ([above] if above > top and one_piece_a_line(above, top) else []) + ys
        + ([below] if below < bottom and one_piece_a_line(bottom, below) else [])
    )


#: Bands between rules across, holding text, that show a grid rules its rows one by one
#: (a head band and three rows at least): a table ruled round its head and body only (a
#: "booktabs" table) has two.
RULED_ROWS = 4
#: Bands holding text in a grid whose rows below its head are each one line, which shows the
#: rules bound its rows one by one (a head band and two rows).
SHORT_RULED_ROWS = 3


def _text_bands(
    ys: list[float], ruled_top: float, ruled_bottom: float, xs: list[float],
    frags: list[Fragment],
) -> list[tuple[int, bool]]:
    """The bands between the grid's rules across that hold text, top first: each band's
    number (in ``ys``), and whether its text is one line."""
    # (The grid's fragments by their middles' heights, looked up band by band: a long table
    # has many bands and many fragments.)
    inside = sorted(
        ((f.y0 + f.y1) / 2, f.y0, f.y1) for f in frags if xs[0] < (f.x0 + f.x1) / 2 < xs[-1]
    )
    middles = [m for m, _, _ in inside]
    out: list[tuple[int, bool]] = []
    for band, (top, bottom) in enumerate(zip(ys, ys[1:], strict=False)):
        if top > ruled_top + TOUCH or bottom < ruled_bottom - TOUCH:
            continue
        held = inside[bisect.bisect_right(middles, bottom):bisect.bisect_left(middles, top)]
        if held:
            out.append((band, max(y0 for _, y0, _ in held) < min(y1 for _, _, y1 in held)))
    return out


def _rows_ruled(bands: list[tuple[int, bool]]) -> bool:
    """The grid's rules across bound its rows one by one (``bands``: its
    :func:`_text_bands`): enough of its bands hold text; or, in a short grid (a head and two
    rows, the last page of a long table), every band under the first holds one line (a
    booktabs table's body band holds its rows' lines, many of them)."""
    if len(bands) >= RULED_ROWS:
        return True
    return len(bands) >= SHORT_RULED_ROWS and all(one for _, one in bands[1:])


def _wrapped_head(bands: list[tuple[int, bool]]) -> int | None:
    """The band of the grid's head when its text wraps over lines and every band under it
    holds one line: rules that part row from row, each of one line, part no rows within
    the head, which is one row however its cells start (``bands``: :func:`_text_bands`)."""
    if len(bands) < SHORT_RULED_ROWS or bands[0][1] or not all(one for _, one in bands[1:]):
        return None
    return bands[0][0]


def _one_ruled_row(
    text_lines: list[Line], xs: list[float], vs: list[Rect], top: float, bottom: float,
    *, labels_part: bool = True,
) -> bool:
    """A band of a grid ruling its rows one by one, and down between its columns, is one
    row, its cells' text wrapped over lines (each cell set by the middle of the band, so a
    cell of three lines starts above one of one): unless every line has text in the first
    column (most lines, some of them at least), a group of rows each with its label, under
    rules that only part the groups (asked when ``labels_part``: not of a wrapped head,
    :func:`_wrapped_head`).
    A rule down ending inside the band parts a line spanning columns (a group's head,
    "Redemption") from the heads of its columns under it: rows of their own."""
    inside = [
        r for r in vs
        if xs[0] + TOUCH < (r.x0 + r.x1) / 2 < xs[-1] - TOUCH
        and r.y0 < top - TOUCH and r.y1 > bottom + TOUCH
    ]
    if not inside:
        return False  # no rules down through the band: its columns are not ruled
    if any(r.y0 > bottom + TOUCH or r.y1 < top - TOUCH for r in inside):
        return False
    if not labels_part:
        return True
    starts = [_column_starts(line, xs) for line in text_lines]
    label_column = min(k for first in starts for k in first)
    labelled = sum(label_column in first for first in starts)
    # (A group's own head line may come first, its rows labelled under it; a cell's label
    # wrapped over two lines does not make its row a group.)
    return labelled < len(starts) and not (
        labelled >= GROUP_ROWS and labelled > len(starts) / 2
    )


#: Labelled lines in a band that make it a group of rows, not one row with a wrapped label.
GROUP_ROWS = 3


def _band_rows(text_lines: list[Line], xs: list[float]) -> list[list[Fragment]]:
    """The rows of a ruled band holding several lines across its columns (``xs``: the
    columns' edges): a row a line, unless text wraps in the band. Then a row starts at a
    line across the columns whose text in each column starts afresh ("Apples  3.5  2"); a
    line going on in some column with the words above ("ER+  receptors are called") is the
    same row's cells wrapped, and so is a line in one column (a cell's own wrapped text, a
    label set by the middle of its row), unless it is in the rows' first column between two
    rows of their own (a group's heading in the body of the table)."""
    pieces = [_pieces_by_column(line, xs) for line in text_lines]
    starts = [{k: first.text for k, (first, _) in by_column.items()} for by_column in pieces]
    # (A word in lower case under a figure is no text going on: "unq", a price not quoted;
    # nor is a web or mail address, written in lower case wherever it stands; nor a word
    # that had room on the line above it in its column: text wraps where the next word does
    # not fit, "officer" under "repair" in a column of short values.)
    going_on: list[dict[int, str]] = [{}] + [
        {k: text for k, text in first.items()
         if _lower_start(text) and not _is_numeric(starts[n].get(k, "x"))
         and not WEB_ADDRESS.match(text)
         and not _had_room(pieces[n].get(k), pieces[n + 1][k][0], xs, k)}
        for n, first in enumerate(starts[1:])
    ]
    if not any(going_on):
        return [list(line.fragments) for line in text_lines]  # nothing wraps: a row a line
    full = [len(first) > 1 and not going_on[n] for n, first in enumerate(starts)]
    label_column = min(k for first in starts for k in first)
    rows: list[list[Fragment]] = []
    for k, line in enumerate(text_lines):
        alone = (
            list(starts[k]) == [label_column] and not _lower_start(starts[k][label_column])
            and 0 < k < len(text_lines) - 1 and full[k - 1] and full[k + 1]
        )
        if not rows or full[k] or alone:
            rows.append(list(line.fragments))
        else:
            rows[-1].extend(line.fragments)
    return rows


#: A web or mail address at the start of a cell's text.
WEB_ADDRESS = re.compile(r"(?:https?://|www\.|[\w.+-]+@[\w-]+\.)", re.IGNORECASE)


def _pieces_by_column(line: Line, xs: list[float]) -> dict[int, tuple[Fragment, Fragment]]:
    """The first and the last piece of the line in each column it reaches, by column (as
    :func:`_column_starts` numbers them)."""
    out: dict[int, tuple[Fragment, Fragment]] = {}
    for f in sorted(line.fragments, key=lambda f: f.x0):
        column = bisect.bisect_right(xs, (f.x0 + f.x1) / 2)
        out[column] = (out[column][0], f) if column in out else (f, f)
    return out


def _had_room(
    above: tuple[Fragment, Fragment] | None, below: Fragment, xs: list[float], column: int
) -> bool:
    """Whether the first word of ``below`` (a piece starting a line in ``column``) would
    have fit on the line above it in that column (``above``: its first and last pieces
    there) by a wide margin: more than :data:`ROOM_LEFT` of the column's width to spare."""
    if above is None or not 0 < column < len(xs):
        return False
    width = xs[column] - xs[column - 1]
    word = below.text.split(" ", 1)[0]
    word_width = (below.x1 - below.x0) * len(word) / max(len(below.text), 1)
    return xs[column] - above[1].x1 > word_width + ROOM_LEFT * width


#: The share of its column's width a line must leave free for the word under it to be no
#: wrapped text of its cell.
ROOM_LEFT = 0.3


def _column_starts(line: Line, xs: list[float]) -> dict[int, str]:
    """The text of the first piece of the line in each column it reaches, by column (a
    justified line may come in pieces word by word: only the first says whether the cell
    goes on)."""
    return {k: first.text for k, (first, _) in _pieces_by_column(line, xs).items()}


def _lower_start(text: str) -> bool:
    """The text's first letter or digit is a lower-case letter ("(see pages 46)" too)."""
    first = next((c for c in text if c.isalnum()), "")
    return first.islower()


def _widened_to_row_ends(
    xs: list[float], ys: list[float], frags: list[Fragment], vs: Sequence[Rect] = (),
) -> list[float]:
    """Rules drawn only between columns (none down the outer edges): the row labels left of
    the first rule and the figures right of the last one sit on the rows' lines, and are
    columns of the table too. Taken when most lines of the grid go on past the edge, in
    pieces that are no running text. A frame, both outer edges ruled down the rows (``vs``:
    the page's rules down), closes them: the lines level with them past it are another
    column's (a framed table in the left column of a page, beside the right column's lines).
    One edge ruled is no frame (the first rule down may be the row labels'), nor is an edge
    ruled twice (a double rule between two groups of a table's columns, drawn as grids of
    their own)."""
    inside = [f for f in frags if ys[-1] < (f.y0 + f.y1) / 2 < ys[0]]
    rows = [
        line for line in lines(inside)
        if any(xs[0] < (f.x0 + f.x1) / 2 < xs[-1] for f in line.fragments)
    ]
    if len(rows) < 3:
        return xs
    if _framed_edge(xs[0], -1, ys, vs) and _framed_edge(xs[-1], 1, ys, vs):
        return xs
    out = list(xs)
    for side in (-1, 1):
        beyond = [
            [f for f in line.fragments
             if (f.x1 <= xs[0] + 2 if side < 0 else f.x0 >= xs[-1] - 2)]
            for line in rows
        ]
        pieces = [f for found in beyond for f in found]
        if sum(bool(found) for found in beyond) < 0.6 * len(rows) or any(
            f.words > 6 for f in pieces
        ):
            continue
        if side < 0:
            out.insert(0, min(f.x0 for f in pieces) - 1)
        else:
            out.append(max(f.x1 for f in pieces) + 1)
    return out


#: An edge is ruled down a grid's rows when rules along it cover this share of their height.
RULED_DOWN = 0.5


def _ruled_down(x: float, bottom: float, top: float, vs: Sequence[Rect]) -> bool:
    """Whether rules down (``vs``) within two points of ``x`` cover :data:`RULED_DOWN` of
    the height from ``bottom`` to ``top``."""
    covered = sum(
        max(0.0, min(r.y1, top) - max(r.y0, bottom)) for r in vs
        if abs((r.x0 + r.x1) / 2 - x) <= 2
    )
    return top > bottom and covered >= RULED_DOWN * (top - bottom)


#: A second rule down this far past a grid's edge (points) at most doubles it.
DOUBLE_RULE = 15.0


def _framed_edge(x: float, side: int, ys: list[float], vs: Sequence[Rect]) -> bool:
    """Whether the grid's outer edge at ``x`` (``side``: -1 left, 1 right), its rows from
    ``ys[0]`` down to ``ys[-1]``, is ruled down them, once: no second rule beside it past
    it (see :func:`_widened_to_row_ends`)."""
    if not _ruled_down(x, ys[-1], ys[0], vs):
        return False
    steps = range(4, int(DOUBLE_RULE) + 1, 2)  # (each rule found within two points)
    return not any(_ruled_down(x + side * step, ys[-1], ys[0], vs) for step in steps)


def _without_underlines(rules: list[Rect], box: Rect, frags: list[Fragment]) -> list[Rect]:
    """The rules that are not a link's or a word's underline (a rule at the foot of a piece
    of text, no wider than it): they mark no row of the grid."""
    inside = [
        f for f in frags
        if box.x0 - 2 <= f.x0 and f.x1 <= box.x1 + 2 and box.y0 - 2 <= f.y0 and f.y1 <= box.y1 + 2
    ]
    # Each piece's reach worked out once, not for every rule (a grid has many of both), and
    # the pieces kept in order of their feet: a rule is compared only with those whose foot
    # lies within the longest reach of its line (and a point more, for rounding), which
    # holds every piece it can be the underline of. (A piece whose foot or reach is not a
    # number is no rule's: abs(...) <= reach fails.)
    under = sorted(
        (
            (f.y0, f.x0 - 2, f.x1 + 2, 0.4 * (f.y1 - f.y0)) for f in inside
            if math.isfinite(f.y0) and math.isfinite(0.4 * (f.y1 - f.y0))
        ),
        key=operator.itemgetter(0),
    )
    feet = [foot for foot, _, _, _ in under]
    longest = max((reach for _, _, _, reach in under), default=0.0) + 1.0

    def underlines(r: Rect) -> bool:
        line = (r.y0 + r.y1) / 2
        if math.isfinite(line):
            first = bisect.bisect_left(feet, line - longest)
            last = bisect.bisect_right(feet, line + longest)
        else:
            first, last = 0, len(under)
        return any(
            left <= r.x0 and r.x1 <= right and abs(line - foot) <= reach
            for foot, left, right, reach in under[first:last]
        )

    return [r for r in rules if not underlines(r)]


def _ends(spans: list[tuple[float, float]], across: list[Rect]) -> list[float]:
    """The outer ends of the rules running one way, when rules run the other way too."""
    if not spans or not across:
        return []
    low, high = min(a for a, _ in spans), max(b for _, b in spans)
    return [low, high]


def _cell_edges(horizontal: list[Rect]) -> list[float]:
    """Where the rules across the table break, on most of the rows they run across: each
    cell drawn with its own border (a web page's box of facts, printed) puts a column's edge
    there even where no rule runs down between the columns."""
    by_row: dict[float, list[Rect]] = {}
    for r in horizontal:
        by_row.setdefault(round((r.y0 + r.y1) / 2), []).append(r)
    breaks: list[float] = []
    spans: list[tuple[float, float]] = []
    for segments in by_row.values():
        segments.sort(key=lambda r: r.x0)
        spans.append((segments[0].x0, max(r.x1 for r in segments)))
        breaks.extend(
            (a.x1 + b.x0) / 2 for a, b in zip(segments, segments[1:], strict=False)
            if abs(b.x0 - a.x1) <= 2
        )
    edges = []
    for x in _positions(breaks):
        across = sum(x0 < x - 2 and x1 > x + 2 for x0, x1 in spans)
        if sum(abs(b - x) <= 2 for b in breaks) >= max(2, across / 2):
            edges.append(x)
    return edges


def _words_by_column(frags: Sequence[Fragment], edges: list[float]) -> list[int]:
    """The words of ``frags`` in each column between ``edges`` (sorted), a piece counted in
    the column its middle falls in: ``edges[k] <= middle < edges[k + 1]``. Found by bisection,
    a piece at a time (at most one column holds it), not by asking every piece of every
    column; where an edge is no finite number (its order unknown) every column is asked."""
    columns = max(len(edges) - 1, 0)
    if not all(map(math.isfinite, edges)):
        return [
            sum(f.words for f in frags if edges[k] <= (f.x0 + f.x1) / 2 < edges[k + 1])
            for k in range(columns)
        ]
    words = [0] * columns
    for f in frags:
        k = bisect.bisect_right(edges, (f.x0 + f.x1) / 2) - 1
        if 0 <= k < columns:
            words[k] += f.words
    return words


def _positions(values: list[float], tolerance: float = 2.0) -> list[float]:
    """Distinct positions, values closer than ``tolerance`` counted once."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def rows_align(a: list[Fragment], b: list[Fragment]) -> bool:
    """Most lines on the shorter side sit on the baseline of a fragment on the other side."""
    return level_rows(a, b) > 0.6 * min(len(a), len(b))


def level_rows(a: list[Fragment], b: list[Fragment]) -> int:
    """How many pieces on the shorter side sit on the baseline of a piece on the other."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    bases = sorted(f.y0 for f in large)
    aligned = 0
    for f in small:
        slack = max(1.0, 0.3 * f.height)
        k = bisect.bisect_left(bases, f.y0 - slack)
        aligned += k < len(bases) and bases[k] <= f.y0 + slack
    return aligned


def find_tables(
    page_lines: list[Line], page: int, walls: Sequence[tuple[float, float, float]] = (),
    columns: dict[int, int] | None = None, *, rules: Sequence[Rect] = (),
) -> tuple[list[Block], set[int]]:
    """The tables among ``page_lines`` (a column region's, top to bottom), and the ids of the
    fragments read into them or into the blocks read in their place (a listing's lines, lists
    side by side). ``walls``: (x, y0, y1) of the page's rules down, by x (see
    :func:`.walls.vertical_walls`), which may part columns of text set side by side;
    ``columns``, when given, gets the blocks of such columns (lists side by side too), by
    id: the column each was read in, numbered anew for every column found, to be read whole
    as a column region is (see :func:`.order.reading_order`). ``rules``: the page's rules,
    which may set a table's caption apart from its rows (see :func:`_trim_captions`)."""
    blocks: list[Block] = []
    used: set[int] = set()
    run: list[Line] = []
    shape = _RunShape()
    own = {} if columns is None else columns

    def close() -> None:
        _read_run(run, page, walls, blocks, used, own, rules)
        run.clear()

    alone: Line | None = None  # the line of one piece just read outside any run
    for line in page_lines:
        if len(line.fragments) <= 2 and run and (
            _heading_over(line, shape.of(run)) if len(run) >= 2
            else _numbered_heading_under(line, run[0])
        ):
            close()
        # (The line's height, y1 - y0 as Fragment.height has it, asked only beside a run.)
        near = bool(run) and run[-1].y0 - line.y1 < 2.5 * max(
            [f.y1 - f.y0 for f in line.fragments]
        )
        if len(line.fragments) > 1:
            if not near or _spans_columns(line, shape.of(run)) or _reaches_past_gutter(
                line, shape.of(run)
            ) or _prose_under_rows(line, shape.of(run)):
                close()
            if not run and alone is not None and _head_line_over(alone, line):
                run.append(alone)
            run.append(line)
        elif near and _inside_columns(line, shape.of(run)):
            run.append(line)  # a row with one filled cell
        else:
            close()
        alone = line if len(line.fragments) == 1 and not (run and run[-1] is line) else None
    close()
    return blocks, used


def _head_line_over(line: Line, row: Line) -> bool:
    """The one piece of ``line`` is the first line of a head stacked over the cell of
    ``row`` under it ("American" over "Indian/Alaskan" over "Native"): at the rows' line
    pitch, in their face, lined up with that cell and within its column (clear of the cells
    beside it), which is not the first (a line over the stub's column is the text's). A
    heading or a caption over a table is set larger, or apart, or across its columns."""
    (f,) = line.fragments
    cells = sorted(row.fragments, key=operator.attrgetter("x0"))
    if line.y0 - row.y1 > 0.5 * f.height:
        return False
    for k, g in enumerate(cells[1:], start=1):
        if (
            _aligned(f, g) and f.x0 > cells[k - 1].x1
            and (k + 1 == len(cells) or f.x1 < cells[k + 1].x0)
            and abs(f.size - g.size) <= 0.1 * g.size
        ):
            return True
    return False


def _trim_captions(run: list[Line], rules: Sequence[Rect]) -> list[Line]:
    """The run without a table's caption at its top or its bottom ("Table 3: …", with the
    lines it wraps onto, and at the top a note of the units under it, "[In thousands]"), or
    ``run`` itself when it has none. A caption is set apart from
    the column grid of the rows: a piece of its line spans two of their columns, stands in
    none or lines up with no cell of its column (a title running on from its label), or a
    rule across the rows parts it from them and none rules it in (a caption over a table's
    top rule). A row whose first cell happens to open like a caption ("Table 1" in a list
    of tables) sits in the grid, its cells lined up with the others, and the rules round
    it rule it in."""
    if not (
        TABLE_CAPTION.match(run[0].fragments[0].text)
        or any(TABLE_CAPTION.match(line.fragments[0].text) for line in run[-_CAPTION_LINES:])
    ):
        return run  # (most runs: asked of every table found)
    rows = run
    if _opens_caption(run[0]):
        end = 1 + _wrapped_lines(run, 0)
        if end < len(run) and _units_note(run[end]):
            end += 1  # (the units of its figures, under it: "[In thousands]")
        if _caption_apart(run[:end], run[end:], rules, top=True):
            rows = run[end:]
    for k in range(max(len(rows) - _CAPTION_LINES, 1), len(rows)):
        if (
            _opens_caption(rows[k])
            and k + 1 + _wrapped_lines(rows, k) == len(rows)
            and _caption_apart(rows[k:], rows[:k], rules, top=False)
        ):
            rows = rows[:k]
            break
    return rows if sum(len(line.fragments) > 1 for line in rows) >= 3 else run


def _caption_block(run: list[Line], kept: list[Line], page: int) -> Block:
    """The lines of ``run`` not ``kept`` in its table, its caption: one block (the caption's
    label and title, a wide gap apart, are one text)."""
    in_table = {id(line) for line in kept}
    return block_of(
        page, (f for line in run if id(line) not in in_table for f in line.fragments)
    )


def _opens_caption(line: Line) -> bool:
    """The line opens like a table's caption: its first piece names the table, a title may
    follow in a piece or two, none naming a table (a row of heads "Table 1  Table 2" names
    the columns)."""
    pieces = line.fragments
    return (
        len(pieces) <= 3 and bool(TABLE_CAPTION.match(pieces[0].text))
        and not any(TABLE_CAPTION.match(f.text) for f in pieces[1:])
    )


#: A note of the units a table's figures are in, set in brackets on a line of its own under
#: its caption ("[In thousands]", "(Millions of dollars)", "[Percent]"): a few words, with a
#: letter, wholly bracketed.
UNITS_NOTE = re.compile(r"\[(?=[^\]]*[^\W\d_])[^\[\]]{2,60}\]|\((?=[^)]*[^\W\d_])[^()]{2,60}\)")


def _units_note(line: Line) -> bool:
    """The line is a units note alone (see :data:`UNITS_NOTE`)."""
    return len(line.fragments) == 1 and UNITS_NOTE.fullmatch(
        line.fragments[0].text.strip()) is not None


def _aligned(a: Fragment, b: Fragment) -> bool:
    """Two pieces of a column lined up as its cells are: flush left, flush right or centred
    alike."""
    return (
        abs(a.x0 - b.x0) <= _ALIGNED or abs(a.x1 - b.x1) <= _ALIGNED
        or abs(a.x0 + a.x1 - b.x0 - b.x1) <= 2 * _ALIGNED
    )


#: Points within which cells of a column line up.
_ALIGNED = 1.0
#: A caption is at most this many lines (its first and those it wraps onto).
_CAPTION_LINES = 4


def _wrapped_lines(run: list[Line], k: int) -> int:
    """How many lines after the caption line at ``k`` are its text wrapped: one piece each,
    starting where a piece of the caption's line does, close under the line above."""
    starts = [f.x0 for f in run[k].fragments]
    count = 0
    for above, line in zip(run[k:], run[k + 1:k + _CAPTION_LINES], strict=False):
        f = line.fragments[0]
        if len(line.fragments) > 1 or above.y0 - line.y1 > 0.5 * f.height or not any(
            abs(f.x0 - x) <= 2 for x in starts
        ):
            break
        count += 1
    return count


def _caption_apart(
    caption: list[Line], rows: list[Line], rules: Sequence[Rect], *, top: bool
) -> bool:
    """The ``caption`` lines (over the ``rows`` when ``top``, else under them) are set apart
    from the rows' column grid (see :func:`_trim_captions`): a piece spans two columns or
    stands in none, or does not line up with the cells of its column (cells line up, flush
    left or right or centred: a caption's title runs on from its label wherever that ends),
    or rules set the lines apart."""
    columns = _columns([list(line.fragments) for line in rows])
    if len(columns) < 2:
        return False
    cells = [f for line in rows for f in line.fragments]
    for f in (f for line in caption for f in line.fragments):
        within = [c for c in columns if _in_column(f, c)]
        if len(within) != 1 or not any(
            _in_column(g, within[0]) and _aligned(f, g) for g in cells
        ):
            return True
    left, right = columns[0][0], columns[-1][1]
    across = [
        r for r in rules
        if r.x0 <= left + 2 and r.x1 >= right - 2 and r.x1 - r.x0 > 10 and r.y1 - r.y0 <= 2.5
    ]
    inner, next_row = (caption[-1], rows[0]) if top else (caption[0], rows[-1])
    outer = caption[0] if top else caption[-1]
    pitch = abs(inner.y0 - next_row.y0)
    # (A rule set close under a line may cross its box: its descenders' room.)
    room = 0.25 * max(f.height for f in inner.fragments)
    middles = [(r.y0 + r.y1) / 2 for r in across]
    if top:
        parted = any(next_row.y1 - room <= y <= inner.y0 + room for y in middles)
        ruled_in = any(outer.y1 - room <= y <= outer.y1 + pitch for y in middles)
    else:
        parted = any(inner.y1 - room <= y <= next_row.y0 + room for y in middles)
        ruled_in = any(outer.y0 - pitch <= y <= outer.y0 + room for y in middles)
    return parted and not ruled_in


def _read_run(
    run: list[Line], page: int, walls: Sequence[tuple[float, float, float]],
    blocks: list[Block], used: set[int], columns: dict[int, int],
    rules: Sequence[Rect] = (),
) -> None:
    """Read a run of lines of several pieces (see :func:`find_tables`): as a table, a listing
    read line by line, lists side by side, or (adding nothing) as text. ``columns`` and
    ``rules``: see :func:`find_tables`."""
    # (A run of fewer than three lines, most of them, is answered without a count.)
    if len(run) < 3 or sum(len(line.fragments) > 1 for line in run) < 3:
        # Neither a listing nor a table without three rows of pieces, and trimming the
        # run's ends only takes rows away: nothing to look at (most runs, a line each).
        return
    parted = _parted_by_rules(run, walls) if walls else None
    if parted is not None:
        # Columns of their own set side by side between rules down the page (a bulletin's
        # columns of results): each read whole, one after the other. A column's entries
        # are its lines (a contest's title, then a line for each candidate with party and
        # votes), each read whole, a block, as a listing's are: a table built of the column
        # would read the titles into its rows' cells.
        above, parts, below = parted
        _read_run(above, page, (), blocks, used, columns, rules)
        for part in parts:
            fresh = len(set(columns.values()))
            for line in part:
                block = block_of(page, line.fragments)
                blocks.append(block)
                columns[id(block)] = fresh
                used.update(id(f) for f in line.fragments)
        _read_run(below, page, (), blocks, used, columns, rules)
        return
    run = list(run)
    _trim_headings(run)
    _trim_set_apart(run)
    _trim_underlined_top(run, rules)
    rows = [list(line.fragments) for line in run]
    if _kinds_defined(rows):
        # A reference manual's definitions: each definition's line read whole, a block (its
        # name or signature, and its kind flush right, heard together, as a listing's line
        # is); the lines describing it are text, read as their paragraphs.
        for line in run:
            if len(line.fragments) > 1 and _kind_defined(line.fragments):
                blocks.append(block_of(page, line.fragments))
                used.update(id(f) for f in line.fragments)
        return
    listing = _listing_of(run, rows)
    entries = hanging_entries(run) if listing is None else None
    if entries is not None:
        # Terms and their descriptions set with a hanging indent (see .hanging_lists): each
        # entry one block, its term read before its whole description.
        for entry in entries:
            blocks.append(block_of(page, entry))
            used.update(id(f) for f in entry)
        return
    if listing is not None:
        # Code or a typewritten page, aligned by spaces, or text with its lines numbered
        # (a transcript, a pleading): not a table of data, but still read line by line
        # (a line's pieces belong together; read as paragraphs, a listing's comments
        # would run into the code). The prose lines the run took on at either end (the
        # sentence leading into the code, or going on after it) are read as they would
        # be without it: their paragraphs' lines.
        lead, run, tail = listing
        _read_run(lead, page, (), blocks, used, columns, rules)
        _read_run(tail, page, (), blocks, used, columns, rules)
        rows = [list(line.fragments) for line in run]
        column = _number_column(rows)
        for line in run:
            pieces = list(line.fragments)
            used.update(id(f) for f in pieces)
            if column is not None and _in_number_column(pieces[0], column):
                # The margin's line numbers only count lines: an artifact, as page
                # numbers are, or a reader would hear a number before every line.
                number = Block(page, artifact="other")
                number.add(pieces.pop(0))
                blocks.append(number)
            if pieces:
                blocks.append(block_of(page, pieces))
    elif len([line for line in run if len(line.fragments) > 1]) >= 3:
        # A caption set apart at either end is the table's, read as text (the reader hears
        # it as the table's caption, see .classify), no row: a block of its own.
        kept = _trim_captions(run, rules)
        table = _table_from(kept, page, rules) if kept is not run else None
        if table is None:
            kept, table = run, _table_from(run, page, rules)
        lists = _lists_side_by_side(table.table) if table is not None and table.table else None
        if table is not None and table.table is not None and _choices_to_mark(table.table):
            # A questionnaire: each question and the answers printed beside it to circle
            # ("yes  no"), read across as one line, not down as columns of answers.
            for line in run:
                blocks.append(block_of(page, line.fragments))
                used.update(id(f) for f in line.fragments)
        elif table is not None and lists is not None:
            # Lists set side by side (a slide's columns): each read whole, a list after the
            # list, each line a block of its own as a list's items are (its label with it).
            line_of = {id(f): k for k, line in enumerate(run) for f in line.fragments}
            for x0, x1 in lists:
                fresh = len(set(columns.values()))
                mine = [f for f in table.frags if x0 <= (f.x0 + f.x1) / 2 <= x1]
                for n, k in enumerate(sorted({line_of[id(f)] for f in mine})):
                    block = block_of(
                        page,
                        sorted((f for f in mine if line_of[id(f)] == k),
                               key=operator.attrgetter("x0")),
                        opens_list=n == 0,
                    )
                    blocks.append(block)
                    columns[id(block)] = fresh
                used.update(id(f) for f in mine)
        elif table is None and _ragged_rows(run):
            # Short pieces set apart on every line, whose columns overlap from row to row (a
            # table typed with spaces in a proportional face, a long word pushing the next
            # piece on): no columns to read down, so each line is read across, a block, as a
            # listing's are; read as text, its pieces would stack into paragraphs down the
            # page, each row's words heard apart.
            for line in run:
                blocks.append(block_of(page, line.fragments))
                used.update(id(f) for f in line.fragments)
        elif table is not None and table.table is not None and numbered_list_across(table.table):
            # One numbered list set in two columns, its rows level across the gutter: no
            # table; its lines are read as text, column by column (see .order).
            pass
        elif table is not None:
            if kept is not run:
                blocks.append(_caption_block(run, kept, page))
                used.update(id(f) for f in blocks[-1].frags)
            blocks.append(table)
            used.update(id(f) for f in table.frags)


#: Lines a rule down must run beside, with text on both its sides, to part a run of lines
#: into columns of their own (see :func:`_parted_by_rules`).
RULED_COLUMN_LINES = 6
#: Lines a column holds no text on, between its own, where a column beside it does, for it
#: to read down rather than across: the columns' rows are not shared.
OWN_GAPS = 2


#: Lines of several pieces a run holds at least for it to be read line by line when its
#: pieces make no columns (see :func:`_ragged_rows`): a table typed with spaces runs on for
#: rows, where a heading's number, a formula's limits or a justified line's words part a
#: line or two...
RAGGED_MIN_ROWS = 5
#: ...this share of the run's lines at least...
RAGGED_ROWS = 0.75
#: ...each of this many pieces at most (a typed table's columns, not a justified line's
#: words)...
RAGGED_MAX_PIECES = 4
#: ...each piece but a line's last of this many words at most (a cell's value, a name: a
#: line of running text parted at a wide space leaves longer pieces; the last column may
#: hold a description)...
RAGGED_PIECE_WORDS = 2
#: ...and most lines ending short of the run's right edge by more than this (points): the
#: lines of a justified paragraph end flush.
FLUSH_SLACK = 1.0


def _ragged_rows(run: list[Line]) -> bool:
    """Nearly every line of ``run`` comes apart into a few short pieces, none opening
    with a list's marker, and the pieces overlap from row to row so that most lines hold
    more pieces than the run has columns (the pieces' x-ranges swept together): cells lined
    up by spaces in a proportional face, whose columns drift with the width of the words
    before them."""
    parted = [line.fragments for line in run if len(line.fragments) > 1]
    if len(parted) < RAGGED_MIN_ROWS or len(parted) < RAGGED_ROWS * len(run):
        return False
    if any(len(row) > RAGGED_MAX_PIECES for row in parted):
        return False
    if any(len(f.text.split()) > RAGGED_PIECE_WORDS for row in parted for f in row[:-1]):
        return False
    if any(is_marker(row[0].text) for row in parted):
        return False  # a list's items, each marker set apart from its text
    right = max(row[-1].x1 for row in parted)
    if sum(right - row[-1].x1 <= FLUSH_SLACK for row in parted) >= len(parted) / 2:
        return False  # justified lines, parted at their stretched word spaces
    columns = len(_columns([list(row) for row in parted]))
    return sum(len(row) > columns for row in parted) > len(parted) / 2


def _parted_by_rules(
    run: list[Line], walls: Sequence[tuple[float, float, float]]
) -> tuple[list[Line], list[list[Line]], list[Line]] | None:
    """The run read as its parts, when rules down it part it into columns whose rows are their
    own (a bulletin's columns of results, a directory's columns of entries): the lines above
    the rules, each column's lines (its pieces of them), the lines below. Columns of a table
    share its rows: a row is one record read across, and where one column has a blank line
    between its entries the others do too, or run on with a cell wrapped. Columns set side
    by side as text each have their own rows: one column's blank lines (between its
    entries) fall where another has text, and another's where it has. Each column must also
    hold rows of its own (three lines of several pieces), or it is a table's column of long
    cells, wrapped. None when the run is not parted so."""
    left = min(f.x0 for line in run for f in line.fragments)
    right = max(f.x1 for line in run for f in line.fragments)
    top, bottom = run[0].y1, run[-1].y0
    # (A rule shorter than that many lines of the run's first's height runs beside fewer.)
    tall = (RULED_COLUMN_LINES - 1) * (run[0].y1 - run[0].y0)
    crossing: list[tuple[float, float, float]] = []
    # Each line's middle, its first piece's end and its last piece's start: a rule at x has
    # text on both its sides on the line when some piece ends before x and some starts past.
    spans: list[tuple[float, float, float]] | None = None
    # (The walls come by x: only those between the run's ends are looked at.)
    first = bisect.bisect_right(walls, left, key=operator.itemgetter(0))
    end = bisect.bisect_left(walls, right, key=operator.itemgetter(0))
    for x, y0, y1 in walls[first:end]:
        if y1 - tall < bottom or y0 + tall > top or y1 - y0 < tall:
            continue  # (no stretch of the run ``tall`` high beside it)
        if spans is None:
            spans = [
                ((line.y0 + line.y1) / 2, min(f.x1 for f in line.fragments),
                 max(f.x0 for f in line.fragments))
                for line in run
            ]
        beside = sum(y0 <= middle <= y1 and end <= x <= start for middle, end, start in spans)
        if beside >= RULED_COLUMN_LINES:
            crossing.append((x, y0, y1))
    if not crossing:
        return None
    low = max(w[1] for w in crossing)
    high = min(w[2] for w in crossing)
    inside = [k for k, line in enumerate(run) if low <= (line.y0 + line.y1) / 2 <= high]
    if len(inside) < RULED_COLUMN_LINES:
        return None
    first, last = inside[0], inside[-1]
    xs = sorted({w[0] for w in crossing})
    columns: list[list[Line]] = [[] for _ in range(len(xs) + 1)]
    filled: list[list[bool]] = [[] for _ in columns]
    for line in run[first:last + 1]:
        pieces: list[list[Fragment]] = [[] for _ in columns]
        for f in line.fragments:
            pieces[bisect.bisect(xs, (f.x0 + f.x1) / 2)].append(f)
        for k, mine in enumerate(pieces):
            filled[k].append(bool(mine))
            if mine:
                columns[k].append(Line(mine))
    columns = [c for c in columns if c]
    filled = [f for f in filled if any(f)]
    if len(columns) < 2 or any(
        sum(len(line.fragments) > 1 for line in column) < 3 for column in columns
    ):
        return None
    own = 0  # columns with blank lines of their own where another has text
    for k, has_text in enumerate(filled):
        top, bottom = has_text.index(True), len(has_text) - has_text[::-1].index(True)
        gaps = sum(
            not has_text[i] and any(other[i] for j, other in enumerate(filled) if j != k)
            for i in range(top, bottom)
        )
        own += gaps >= OWN_GAPS
    if own < 2:
        return None
    return run[:first], columns, run[last + 1:]


def _lists_side_by_side(cells: list[list[Fragment | None]]) -> list[tuple[float, float]] | None:
    """The x-ranges of lists set side by side that a grid of cells is (a slide's columns of
    bullet points), or None. Each list opens with a column of its labels, bullets or numbers
    (each cell one, or opening with one), but for a line leading into the list at its top;
    its lines run on from its first to its last with no line left blank; and the lists are
    not all as long as each other and level (as a table's columns, every cell bulleted, may
    be). A table with bullets in a column has other columns, or a first column, that no
    labels open; a table whose every cell is bulleted leaves cells blank between others in
    a column, where its rows have nothing in that column."""
    width = len(cells[0]) if cells else 0

    def opens_list(k: int) -> bool:
        texts = [c.text for row in cells if (c := row[k]) is not None]
        items = [starts_item(t.strip()) for t in texts]
        return sum(items) >= 2 and all(items[1:])

    starts = [k for k in range(width) if opens_list(k)]
    if len(starts) < 2 or starts[0] != 0:
        return None
    spans: list[tuple[float, float]] = []
    reach: set[tuple[int, int]] = set()  # the first and last rows of each list
    for a, b in zip(starts, [*starts[1:], width], strict=True):
        rows = [i for i, row in enumerate(cells) if any(row[k] is not None for k in range(a, b))]
        if rows != list(range(rows[0], rows[-1] + 1)):
            return None  # a line left blank inside: a table's rows, not a list's lines
        pieces = [c for row in cells for c in row[a:b] if c is not None]
        spans.append((min(c.x0 for c in pieces), max(c.x1 for c in pieces)))
        reach.add((rows[0], rows[-1]))
    if len(reach) == 1:
        return None  # lists as long as each other, level: as well a table's columns, kept
    return spans


class _RunShape:
    """The rows of several pieces of a run of lines and their :func:`_columns`, kept as the run
    grows rather than rebuilt from all its rows for every line asked about (a long table made
    that quadratic). Safe because :func:`find_tables` only appends to its run or empties it
    (trimming happens inside ``close``, which then empties it), so the run is always a
    stretch of the page's lines: the same first line and no fewer lines mean the lines seen
    so far are still its first ones. The columns are merged in one new line at a time: a
    column is the hull of fragments chained by gaps of at most a point, and merging a hull
    with more spans chains exactly as its fragments would, so the result is what
    :func:`_columns` gives for all the rows at once (the same sweep over the same values)."""

    def __init__(self) -> None:
        self.first: Line | None = None
        self.seen = 0
        self.rows: list[list[Fragment]] = []
        self.columns: list[list[float]] = []
        # Every line's size (:func:`_line_size`), kept sorted, for their median; and the
        # left and right edges of all the run's pieces, min() and max() folded a line at a
        # time (the same fold over the same values in the same order).
        self.sizes: list[float] = []
        self.sizes_sortable = True
        self.left = self.right = 0.0
        self.edged = False  # (left and right hold a piece's edges)
        self.run: list[Line] = []

    def of(self, run: list[Line]) -> _RunShape:
        """The shape of the run (its rows of several pieces, their columns, ...)."""
        if run and run[0] is self.first and len(run) == self.seen:
            self.run = run
            return self  # (asked again of the same run, as find_tables does for a line)
        if not run or run[0] is not self.first or len(run) < self.seen:
            self.first, self.seen, self.rows, self.columns = (run[0] if run else None), 0, [], []
            self.sizes, self.sizes_sortable, self.edged = [], True, False
        for line in run[self.seen:]:
            if len(line.fragments) > 1:
                row = list(line.fragments)
                self.rows.append(row)
                self.columns = merged_columns(self.columns, row)
            size = _line_size(line)
            # (A NaN sorts where it happens to stand: such a run is left to statistics.)
            self.sizes_sortable = self.sizes_sortable and size == size
            bisect.insort(self.sizes, size)
            for f in line.fragments:
                if not self.edged:
                    self.left, self.right, self.edged = f.x0, f.x1, True
                    continue
                if f.x0 < self.left:
                    self.left = f.x0
                if f.x1 > self.right:
                    self.right = f.x1
        self.seen = len(run)
        self.run = run
        return self

    def usual_size(self) -> float:
        """statistics.median of the lines' sizes (the same arithmetic on the same values)."""
        if not self.sizes_sortable:
            return float(statistics.median(map(_line_size, self.run)))
        sizes, n = self.sizes, len(self.sizes)
        return sizes[n // 2] if n % 2 else (sizes[n // 2 - 1] + sizes[n // 2]) / 2


def _spans_columns(line: Line, shape: _RunShape) -> bool:
    """A piece of the line runs across two or more whole columns of the rows above: the
    table has ended and text set otherwise goes on (a marginal note beside a paragraph)."""
    rows, columns = shape.rows, shape.columns
    if len(rows) < 2:
        return False
    spans = any(_across_columns(f, columns) >= 2 for f in line.fragments)
    # (Lines of a typewritten page are split word by word: their "columns" are words.)
    return spans and not _fixed_pitch_words(rows) and not _line_numbered(rows)


#: Columns the rows above must make for a justified line of text out of step with them to
#: end a run, and how many of the line's pieces must stand out of step.
PROSE_COLUMNS = 3
PROSE_MISFITS = 2


def _prose_under_rows(line: Line, shape: _RunShape) -> bool:
    """The line is a line of text justified with word spaces wide enough to split it into
    pieces (:func:`_spaced_words`), and two or more of its pieces reach into the gutters
    between the columns of the rows above (three columns at least): it fits the table's
    columns no better than words fall, so the table has ended and a paragraph goes on
    under it. A row of the table keeps its cells within their columns, and is hardly ever
    spaced word by word. The rows above that are such lines themselves and a caption's
    first line over them ("Table 1: | Housing affordability by ...", a title piece as wide
    as the table) say nothing of the columns."""
    if len(shape.rows) < 2 or _spaced_words(line.fragments) is None:
        return False
    rows = [
        list(above.fragments) for above in shape.run
        if len(above.fragments) > 1 and not _opens_caption(above)
        and _spaced_words(above.fragments) is None
    ]
    columns = _columns(rows) if len(rows) >= 2 else []
    if len(columns) < PROSE_COLUMNS:
        return False
    misfits = sum(
        not any(c[0] - _ALIGNED <= f.x0 and f.x1 <= c[1] + _ALIGNED for c in columns)
        for f in line.fragments
    )
    return misfits >= PROSE_MISFITS


def _across_columns(f: Fragment, columns: list[list[float]]) -> int:
    """How many of the ``columns`` (their extents across) the piece runs over whole. (A plain
    loop: asked of every piece of every line a table's rows are read on for.)"""
    x0, x1 = f.x0, f.x1
    count = 0
    for c in columns:
        if x0 <= c[0] + 1 and x1 >= c[1] - 1:
            count += 1
    return count


def _reaches_past_gutter(line: Line, shape: _RunShape) -> bool:
    """Pieces of the line stand right of all the rows above, side by side and set off from
    them by a gap wider than any gap between their columns: a row of another column of the
    page (the labels under a row of pictures beside a table), so the table has ended. A
    column of the table left empty so far stands at about the table's column spacing, and a
    row filling it fills others too: so a row with pieces in the table's columns must be set
    off by twice that spacing, and one with none of its pieces there by more than it. (One
    piece far out is a value set flush right, a percentage after its label: not a row.)"""
    rows, columns = shape.rows, shape.columns
    if len(rows) < 2:
        return False
    widest = max((b[0] - a[1] for a, b in zip(columns, columns[1:], strict=False)), default=0.0)
    right = columns[-1][1]
    pieces = sorted(line.fragments, key=lambda f: f.x0)
    gaps = [f.x0 - right for f in pieces]
    if all(gap > 0 for gap in gaps):
        past = min(gaps) > widest + 1
    else:
        # The line itself opens a gutter there: its pieces in the table's columns end well
        # before the first one past them (code split at its word spaces runs on).
        beyond = next(k for k, gap in enumerate(gaps + [1e9]) if gap > 2 * widest + 1)
        past = len(pieces) - beyond >= 2 and (
            pieces[beyond].x0 - max(f.x1 for f in pieces[:beyond]) > 2 * widest + 1
        )
    # (Lines of code or a typewritten page are split word by word: their "columns" are
    # words, and a longer line reaches past them.)
    return past and not _fixed_pitch_words(rows) and not _line_numbered(rows)


_size_of = operator.attrgetter("size")


def _line_size(line: Line) -> float:
    size: float = max(map(_size_of, line.fragments))
    return size


def _heading_over(line: Line, shape: _RunShape) -> bool:
    """:func:`_heading_in_rows` of a line of two pieces at most, over the run ``shape`` is
    the shape of (its lines' median size kept as the run grows: asked for every line)."""
    return _line_size(line) > 1.15 * shape.usual_size()


#: A section's number set apart from its heading's title: "4.3", "2.6.", "A.1", "IV".
HEADING_NUMBER = re.compile(r"(?:\d{1,3}|[A-Z]|[IVX]{1,5})(?:\.\d{1,3})*\.?")


def _numbered_heading_under(line: Line, row: Line) -> bool:
    """The line is a section's heading set with its number apart ("4.3   DER functions"),
    under a run's one line: its number, then a title opening with a letter, in a face
    clearly larger than the line's (as :func:`_heading_over` asks). Two pieces like a row,
    but the run ends above it: it opens what follows (a lone line of pieces above it, the
    end of a paragraph before the next section, would otherwise carry the heading into a
    table with the first rows under it). A larger line of one piece (a slide's heading
    between two lines of code) does not end a run of one line: the code's lone line
    above it, read with the code under it, is a listing's line, and read alone a
    paragraph torn at its wide spaces."""
    if len(line.fragments) != 2:
        return False
    number, title = line.fragments
    return (
        HEADING_NUMBER.fullmatch(number.text.strip()) is not None
        and title.text[:1].isalpha()
        and _line_size(line) > 1.15 * _line_size(row)
    )


def _heading_in_rows(line: Line, rows: list[Line]) -> bool:
    """A heading set with its number apart ("2.2   Lists"): two pieces like a row, but in a
    face clearly larger than the usual one of the rows (their median: rows may mix sizes,
    sub- and superscripts, symbols)."""
    if len(line.fragments) > 2:
        return False  # (asked first: the rows' median is the costly part, and most lines fail here)
    usual = statistics.median(map(_line_size, rows))
    return _line_size(line) > 1.15 * usual


def _trim_headings(run: list[Line]) -> None:
    """Drop such headings from the ends of a run (one opening it is seen only here)."""
    while len(run) >= 3 and _heading_in_rows(run[-1], run):
        run.pop()
    while len(run) >= 3 and _heading_in_rows(run[0], run):
        run.pop(0)


#: How many times the rows' usual gap a gap must exceed (and a line's height as well) to set
#: the line beyond it apart from the rows.
SET_APART = 3.0


def _trim_set_apart(run: list[Line]) -> None:
    """Drop from the ends of a run a line set apart from the rows by a gap several times
    theirs and taller than a line: the first, a heading or a title line over the table ("Invoice
    2020-10   January 8, 2020"); the last if it holds one piece, the next section's heading
    taken for a row with one filled cell, or if it opens like a caption: a listing's or a
    figure's caption under it ("Figure 1.   Sample program: …"), its label set a wide gap
    before its title, is two pieces but no row (its wrapped lines, read as text after it,
    would lose their first line). A table's rows follow each other at one pitch."""
    if len(run) < 4:
        return
    gaps = [above.y0 - below.y1 for above, below in zip(run, run[1:], strict=False)]

    def apart(gap: float, line: Line, others: list[float]) -> bool:
        height = max(f.height for f in line.fragments)
        return gap > max(SET_APART * statistics.median(others), height)

    if apart(gaps[-1], run[-1], gaps[:-1]) and (
        len(run[-1].fragments) == 1 or caption_text(run[-1].fragments[0].text) is not None
    ):
        run.pop()
        gaps.pop()
    if len(run) >= 4 and apart(gaps[0], run[0], gaps[1:]):
        run.pop(0)


#: How many times the gap between a line and the rule it sits on the gap from that rule down
#: to the next line must be (a line's height at least) for the rule to underline the line
#: alone: see :func:`_trim_underlined_top`.
UNDERLINED_APART = 3.0


def _trim_underlined_top(run: list[Line], rules: Sequence[Rect]) -> None:
    """Drop the run's first line when a rule across the whole run underlines it alone: the
    rule hugs the line, the next line starts well below it, and no rule runs over the line.
    That is a page's running head over its header rule ("23   1.6. WEGE UND KNOTEN"), page
    furniture whose two pieces, at the text's two edges, would make the head row of
    whatever lines follow. A table's head ruled off from its rows has the rule midway between
    them (the head's and the first row's cell margins alike), and a head ruled in over and
    under is a booktabs table's."""
    if len(run) < 2 or not rules:
        return
    first, second = run[0], run[1]
    left = min(f.x0 for line in run for f in line.fragments)
    right = max(f.x1 for line in run for f in line.fragments)
    across = [
        (r.y0 + r.y1) / 2 for r in rules
        if r.x0 <= left + 2 and r.x1 >= right - 2 and r.y1 - r.y0 <= RULE_THICKNESS
    ]
    height = max(f.height for f in first.fragments)
    if any(first.y1 - 0.25 * height <= y <= first.y1 + 2 * height for y in across):
        return  # ruled in over as well: a head row (or a caption) between its rules
    for y in across:
        hug, gap = first.y0 - y, y - second.y1
        if -0.25 * height <= hug <= 0.5 * height and gap >= max(
            UNDERLINED_APART * max(hug, 1.0), height
        ):
            run.pop(0)
            return


def _inside_columns(line: Line, shape: _RunShape) -> bool:
    """The line's one piece is a row with one filled cell: inside the rows' span, and narrow
    next to it or within one of their columns (a wide column's text wrapped onto lines of
    its own, beside the short figures of the other columns), unless that column hangs from
    a column of a list's labels."""
    left, right = shape.left, shape.right  # (all the run's pieces')
    f = line.fragments[0]
    if f.x0 < left - 2:
        return False
    if f.x1 > right + 2:
        return _last_column_wrapped(f, shape)
    if f.width < 0.5 * (right - left):
        return True
    rows, columns = shape.rows, shape.columns  # (as _columns(rows) gives them)
    within = [k for k, c in enumerate(columns) if _in_column(f, c)]
    if len(columns) < 2 or len(within) != 1:
        return False
    if within[0] == 0:
        return True
    # Beside a column of bullets, numbers or reference keys, the line hangs from them: a
    # list's item wrapped (an entry of a reference list, "[Knu84]  D. E. Knuth, ...").
    beside = [g for row in rows for g in row if _in_column(g, columns[within[0] - 1])]
    return sum(_is_label(g.text) for g in beside) < len(beside) / 2


def _last_column_wrapped(f: Fragment, shape: _RunShape) -> bool:
    """The piece ``f``, running past the right edge of all the run's pieces, is a line of the
    last column's cell wrapped under it: it starts within that column (flush with its cells
    or indented, as a signature's arguments hang under its name), and the cell's text over
    it, from the row it opens on, leaves a bracket open.
    Nothing stands right of a table's last column: its longer cells reach past the rows
    seen so far ("drawImage(" over "float dx, float dy, [Optional] float dw, float dh)")."""
    columns, run = shape.columns, shape.run
    if len(columns) < 2 or not run:
        return False
    start, end = columns[-1]
    if not start - 2 <= f.x0 <= end:
        return False
    # The cell's text so far: its lines up the run to the row it opens on.
    texts: list[str] = []
    for line in reversed(run):
        mine = [g.text for g in line.fragments if g.x1 > start and g.x0 >= start - 2]
        if not mine:
            return False
        texts[:0] = mine
        if len(line.fragments) > 1:
            break
    return leaves_open(" ".join(texts))


#: Opening brackets and the brackets closing them.
_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))


def leaves_open(text: str) -> bool:
    """The text opens a bracket it does not close: what it says goes on after it (a call's
    name over its arguments, "transform(" over "float m11, float m12,")."""
    return any(text.count(o) > text.count(c) for o, c in _BRACKETS)


#: A reference list's label: a citation key in brackets ("[12]", "[Knu84]", "[KMN+02]").
REFERENCE_KEY = re.compile(r"\[[^\]\s]{1,10}\]")
#: An item's number closed by a colon, at one level or more ("3:", "2.1:"): a strategy's
#: objectives, a plan's actions. (A colon, never put after a version or a figure in a
#: table's cell, tells it from "1.1", a version table's first column.)
ITEM_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,3})*:")


def _is_label(text: str) -> bool:
    """A list item's label: a bullet, a number, or a reference list's citation key."""
    return (
        is_marker(text) or bool(REFERENCE_KEY.fullmatch(text))
        or bool(ITEM_NUMBER.fullmatch(text.strip()))
    )


def _keys_beside_meanings(rows: list[list[Fragment]], columns: list[list[float]]) -> bool:
    """Every row of two pieces sets a key of one word (an abbreviation, a symbol, a code:
    "NRCan", "n/a", "W") beside words saying what it means ("Natural Resources Canada"),
    and no row heads the columns: a glossary or a legend set at a tab stop, read as its
    lines ("NRCan Natural Resources Canada"), not a table of data (whose cells hold
    values, and whose heads name its columns). Lines of one piece (a meaning going on) may
    come between."""
    pairs = [row for row in rows if len(row) > 1]
    for row in pairs:
        if len(row) != 2 or not _in_column(row[0], columns[0]):
            return False
        key, meaning = row
        if key.words != 1 or meaning.words < 2 or _is_numeric(key.text) or _is_numeric(
            meaning.text
        ):
            return False
    return len(pairs) >= 3


def _columns(rows: list[list[Fragment]]) -> list[list[float]]:
    """The union of the x-ranges of fragments in multi-fragment rows, as disjoint intervals."""
    return _swept(sorted([(f.x0, f.x1) for row in rows if len(row) > 1 for f in row]))


def merged_columns(columns: list[list[float]], row: list[Fragment]) -> list[list[float]]:
    """:func:`_columns` of the rows whose columns are ``columns`` and of ``row`` (a row of
    several pieces): each column stands in for its fragments (see :class:`_RunShape`)."""
    return _swept(sorted([(c[0], c[1]) for c in columns] + [(f.x0, f.x1) for f in row]))


def _swept(spans: list[tuple[float, float]]) -> list[list[float]]:
    """Sorted x-ranges joined where they meet or stand a point apart, as disjoint intervals."""
    columns: list[list[float]] = []
    # (Asked again for every line a run of rows grows by: the last column is kept in a local
    # and max() spelled out, same result.)
    last: list[float] | None = None
    for x0, x1 in spans:
        if last is not None and x0 <= last[1] + 1:
            if x1 > last[1]:
                last[1] = x1
        else:
            last = [x0, x1]
            columns.append(last)
    return columns


#: A table's rows, this many at least, for a gutter that a few rows' pieces cross (cells
#: spanning two columns) to part its columns still ...
SPANNED_ROWS = 4
#: ... when no more than this share of them cross it (a head over a group of columns, a
#: merged cell: each row crossing it is an exception the other rows show up).
SPANNING_SHARE = 0.25


def _columns_under_spans(rows: list[list[Fragment]]) -> list[list[float]]:
    """:func:`_columns`, with a gutter that a few rows' pieces cross kept: a slide's or a
    report's table spans a head or a cell across two columns ("Class 1" over "A" and "B", "A
    merged with B"), and those pieces would join the columns beneath them into one. A gutter
    is a stretch that few rows reach (:data:`SPANNING_SHARE`) between stretches that more
    rows reach, inside what :func:`_columns` made one column. (A column of few entries at the
    table's edge, a label standing for several rows, has no busier stretch beyond it; one
    between two others is a column of its own already, clear gutters either side.)"""
    multi = [row for row in rows if len(row) > 1]
    swept = _columns(rows)
    if len(multi) < SPANNED_ROWS:
        return swept
    edges = sorted({x for row in multi for f in row for x in (f.x0, f.x1)})
    stretches = list(zip(edges, edges[1:], strict=False))
    # (Rows reaching each stretch between neighbouring edges, counted by differences: a
    # row's swept spans are apart, and each runs from one edge to another.)
    steps = [0] * (len(edges) + 1)
    for row in multi:
        for a, b in _swept(sorted((f.x0, f.x1) for f in row)):
            steps[bisect.bisect_left(edges, a)] += 1
            steps[bisect.bisect_left(edges, b)] -= 1
    reach = list(itertools.accumulate(steps[: len(stretches)]))
    crossing = max(1, int(SPANNING_SHARE * len(multi)))
    gutters: list[tuple[float, float]] = []
    k = 0
    while k < len(stretches):
        if not 0 < reach[k] <= crossing:
            k += 1
            continue
        end = k
        while end + 1 < len(stretches) and 0 < reach[end + 1] <= crossing:
            end += 1
        x0, x1 = stretches[k][0], stretches[end][1]
        beside = any(r > crossing for r in reach[:k]) and any(r > crossing for r in reach[end + 1:])
        if beside:
            gutters.append((x0, x1))
        k = end + 1
    if not gutters:
        return swept
    columns: list[list[float]] = []
    for column in swept:
        start = column[0]
        for x0, x1 in gutters:
            if column[0] < x0 and x1 < column[1]:
                columns.append([start, x0])
                start = x1
        columns.append([start, column[1]])
    return columns


def _spans_across(
    cells: list[list[Fragment | None]], columns: list[list[float]]
) -> dict[tuple[int, int], tuple[int, int]]:
    """Each cell reaching across a gutter into the next columns, empty in its row, spans
    them (a stage's name over its acts' and their times' columns, "A merged with B" over
    "A" and "B"): read as the head of both, not of the first alone beside a blank one."""
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r, row in enumerate(cells):
        for k, f in enumerate(row):
            if f is None:
                continue
            end = k + 1
            while end < len(row) and row[end] is None and f.x1 > columns[end][0] + CROSSING:
                end += 1
            if end > k + 1:
                spans[(r, k)] = (1, end - k)
    return spans


def _bullets_joined(rows: list[list[Fragment]]) -> list[list[Fragment]]:
    """The rows with each bullet standing apart from the text it opens, within a font size
    of it, joined to that text: a table's cell holding a bulleted point (a slide's table)
    is one cell, not a column of bullets beside a column of words."""
    joined_rows: list[list[Fragment]] = []
    for row in rows:
        joined: list[Fragment] = []
        for f in row:
            before = joined[-1] if joined else None
            if (
                before is not None and _lone_bullet(before.text)
                and 0 <= f.x0 - before.x1 < WORD_SPACE_SIZES * f.size
                and abs(f.y0 - before.y0) < f.height / 2
            ):
                joined[-1] = stacked(before, f)
            else:
                joined.append(f)
        joined_rows.append(joined)
    return joined_rows


def _lone_bullet(text: str) -> bool:
    """A bullet sign alone ("●", "•"): not a dash, an asterisk or a number, which stand for a
    value in a table's cell as often ("–" for none, "*" for a note)."""
    text = text.strip()
    return len(text) == 1 and bool(BULLET.match(text + " x")) and text not in "-–—*·"


def _in_column(f: Fragment, column: list[float]) -> bool:
    return f.x0 < column[1] and f.x1 > column[0]


def _is_text_column(column: list[float], rows: list[list[Fragment]]) -> bool:
    """Text set in columns fills its column line after line, in long runs of words; table
    cells rarely fill theirs and hold a few words each."""
    frags = [f for row in rows for f in row if _in_column(f, column)]
    if len(frags) < 3:
        return False
    width = max(column[1] - column[0], 1.0)
    # A line's pieces in the column taken together: a bullet set apart from its item, a
    # run-in heading's number apart from its title, are one line of the column's text.
    lines_in = [[f for f in row if _in_column(f, column)] for row in rows]
    lines_in = [line for line in lines_in if line]
    fill = statistics.median(
        (max(f.x1 for f in line) - min(f.x0 for f in line)) / width for line in lines_in
    )
    words = statistics.median(sum(f.words for f in line) for line in lines_in)
    return fill > 0.75 and words >= 4


def _table_of_contents(rows: list[list[Fragment]]) -> bool:
    """Entries with leader dots, or numbered titles each followed by just a page number."""
    entries = sum(map(_leadered_entry, rows))
    # (Sums led to by dots are lines of text only when every row is one: under a head
    # naming the figures' column, "2019", they are a statement's table.)
    if entries > 0.5 * len(rows) or all(map(_led_to_a_figure, rows)):
        return True
    pairs = [row for row in rows if len(row) == 2]
    if len(pairs) > 0.8 * len(rows) and all(
        row[1].text.isdigit() or bool(re.fullmatch(r"[ivxlc]+", row[1].text)) for row in pairs
    ) and sum(bool(NUMBERED.match(row[0].text)) for row in pairs) > 0.5 * len(pairs):
        return True
    return _numbered_contents(rows) or _index_columns(rows)


#: Leader dots running up to a page number ending the line: a contents entry's end.
_LEADERS_TO_PAGE = re.compile(r"(?:[.·]\s?|…|_){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})$")
_ENDS_IN_PAGE = re.compile(r"(?:^|\s)(?:\d{1,4}|[ivxlc]{1,6})$")


def _leadered_entry(row: list[Fragment]) -> bool:
    """Contents entries: a title (with its number), leader dots, a page number; one on the
    row, or two side by side (contents set in two columns). The dots may be one piece with
    the title, or pieces of their own: typesetters that set leaders on a grid (LaTeX's dotted
    contents lines) draw each dot apart, and the dots then line up down the page like a
    table's columns. A table's row with dots in its label cell has its values after them
    ("Revenue . . . . 120  130"): the dots do not run to its last figure."""
    if len(row) <= 3 and any(LEADER.search(f.text) for f in row):
        return bool(re.fullmatch(r"\d{1,4}|[ivxlc]{1,6}", row[-1].text.split()[-1]))
    end = row[-1].text[-1:]
    if len(row) <= 3 or not end or not (end.isdigit() or end in "ivxlc"):
        return False  # (the cheap tests first)
    pieces = 0  # of the entry so far, leaders aside
    start = 0
    for k, f in enumerate(row):
        pieces += bool(f.text.strip(LEADER_DOTS))
        if pieces > 3:
            return False
        if _ENDS_IN_PAGE.search(f.text) and _LEADERS_TO_PAGE.search(
            " ".join(g.text for g in row[start:k + 1])
        ):
            pieces, start = 0, k + 1
    return start == len(row)


def _led_to_a_figure(row: list[Fragment]) -> bool:
    """A label whose leader dots run to one figure, the line's only other piece ("Food eight
    months . . . . 8.74"): an account or a price list set in the text, read line by line as
    a contents list is. (A table of figures holds more than one on a row.)"""
    # (Dots set apart from the label are a piece of their own, and no piece of the entry.)
    pieces = [f for f in row if f.text.strip(LEADER_DOTS)]
    if len(pieces) != 2 or not LEADER.search(" ".join(f.text for f in row)):
        return False
    last = pieces[1].text.split()[-1]
    return any(c.isdigit() for c in last) and not any(c.isalpha() for c in last)


#: An index entry: words, then the pages they are found on ("synapse 173", "tumour 12, 40-42").
INDEX_ENTRY = re.compile(r"([^\W\d_][^\d]*)\s\d{1,4}(\s*[,–-]\s*\d{1,4})*")


#: What a reference manual's definition line ends with, flush right: the kind of thing it
#: defines, a word or a few in brackets ("[Function]", "[Constant]", "[Context struct]").
DEFINITION_KIND = re.compile(r"\[[^\W\d_]{3,}(?:[ -][^\W\d_]+){0,3}\]")
#: Share of a run's lines of pieces that end with such a kind for it to be definitions (a
#: description's lines come in pieces too, split where its words change face: "Encryption
#: function.   length must be ...").
KINDS_DEFINED = 0.5


def _kinds_defined(rows: list[list[Fragment]]) -> bool:
    """Definitions of a reference manual (texinfo's ``@deftypefn``): each line of pieces a
    name or a signature, then the kind of what it defines in brackets, flush with the
    text's right edge ("SHA256_DIGEST_SIZE ... [Constant]"); the lines between describe it.
    Read as a table, the names, their descriptions and their kinds made its columns; they
    are entries of a reference, read as text. Lines of names and kinds with no line of one
    piece among them, nothing described, are a table's rows (an interface's attributes:
    "width   unsigned long   [readonly]")."""
    kinds = [kind for row in rows if len(row) > 1 and (kind := _kind_defined(row)) is not None]
    if len(kinds) < 2 or all(len(row) > 1 for row in rows):
        return False  # (most runs: no kinds; or nothing described)
    # (Lines of the prose round them justified at wide word spaces, in pieces too, count
    # neither way.)
    multi = [
        row for row, justified in zip(rows, _justified_rows(rows), strict=True)
        if len(row) > 1 and not justified
    ]
    if len(kinds) < KINDS_DEFINED * len(multi):
        return False
    right = max(f.x1 for row in rows for f in row)
    return all(right - f.x1 <= 2 * _ALIGNED for f in kinds)


def _kind_defined(row: Sequence[Fragment]) -> Fragment | None:
    """The row's last piece when it names the kind of what a definition's line defines
    (:data:`DEFINITION_KIND`), else None."""
    end = max(row, key=operator.attrgetter("x1"))
    return end if DEFINITION_KIND.fullmatch(end.text.strip()) else None


def _index_columns(rows: list[list[Fragment]]) -> bool:
    """A book's index set in columns: nearly every piece a term and its page numbers (a
    term wrapped over two lines leaves one line without), the terms all different and in
    alphabetical order down each column. Its columns are of the index, not of a table,
    whose cells keep words and figures apart ("Cell 1", "Cell 3" repeat their word)."""
    pieces = [f for row in rows for f in row]
    matches = [INDEX_ENTRY.fullmatch(f.text.strip()) for f in pieces]
    terms = [match.group(1).casefold() for match in matches if match]
    if len(pieces) < 6 or len(terms) < 0.7 * len(pieces) or len(set(terms)) < 0.9 * len(terms):
        return False
    width = max(len(row) for row in rows)
    downward = [[row[k].text.casefold() for row in rows if k < len(row)] for k in range(width)]
    pairs = [(a, b) for column in downward for a, b in zip(column, column[1:], strict=False)]
    return bool(pairs) and sum(a <= b for a, b in pairs) >= 0.8 * len(pairs)


def _numbered_contents(rows: list[list[Fragment]]) -> bool:
    """Contents set in three pieces: a section number, its title, its page ("2.1   Lists
    . . .   4"). The pages never go back and some numbers are of sub-sections (2.1): rows numbered
    1, 2, 3 with a quantity at the end are a table's."""
    # Leader dots set apart from the title are no piece of the entry.
    pieces = [[f for f in row if f.text.strip(". …_")] for row in rows]
    entries = [
        row for row in pieces
        if len(row) == 3 and re.fullmatch(r"\d{1,3}(\.\d{1,3})*\.?", row[0].text)
        and row[2].text.isdigit()
    ]
    if len(entries) < 3 or len(entries) < 0.8 * len(rows):
        return False
    pages = [int(row[2].text) for row in entries]
    return all(a <= b for a, b in zip(pages, pages[1:], strict=False)) and any(
        "." in row[0].text.rstrip(".") for row in entries
    )


def _column_of(f: Fragment, columns: list[list[float]]) -> int:
    """The column (index into ``columns``) a piece of a row is in: the first it reaches
    into, else the last."""
    return next((i for i, c in enumerate(columns) if _in_column(f, c)), len(columns) - 1)


def _merge_wrapped_cells(
    rows: list[list[Fragment]], columns: list[list[float]],
    spanners: Sequence[tuple[float, float, float]] = (),
) -> list[list[Fragment]]:
    """Lines holding a single fragment between full rows are wrapped cell text, and so are
    lines of one cell split where a clause ends before a wide space (see
    :func:`_one_cell_line`). A run of them joins the full row above or below, whichever is
    closer in the same column (cells are often centred vertically, so wrapped text can sit
    above its row's first line) -- unless it is set apart from that row's cell as rows are
    (see :func:`_own_row`): then it is a row of its own, its other cells empty. So is a
    group's head standing alone on a rule that runs across its columns (``spanners``, see
    :func:`_on_spanner`) over a row that holds a cell in its column: "Grade" over "PK",
    "K", "1" … "6", read by :func:`_under_spanner_rules` as heading them all, not as the
    top line of one of their heads ("Grade 6")."""

    full = [len(row) > 1 and not _one_cell_line(row, columns) for row in rows]
    for i, row in enumerate(rows[:-1]):
        # (Only where it would be read into the cell under it: a group's head joined to a
        # row whose cell under it is empty is still read as the group's by its rule.)
        if len(row) == 1 and full[i + 1] and _on_spanner(row[0], columns, spanners) and any(
            _column_of(f, columns) == _column_of(row[0], columns) for f in rows[i + 1]
        ):
            full[i] = True
    pitch = _row_gap([row for k, row in enumerate(rows) if full[k]])

    out: dict[int, list[Fragment]] = {i: list(row) for i, row in enumerate(rows) if full[i]}
    # A merged row reads its lines top to bottom, each left to right, as they came: its
    # pieces sorted by their tops would put a larger value before its label on one line
    # ("150109 Case Tracking Number:") where the two stand on one baseline.
    place = {id(f): (i, k) for i, row in enumerate(rows) for k, f in enumerate(row)}
    i = 0
    while i < len(rows):
        if full[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(rows) and not full[j + 1] and _overlap_x(rows[j + 1][0], rows[i][0]):
            j += 1
        group = [f for k in range(i, j + 1) for f in rows[k]]
        top, bottom = rows[i][0], rows[j][0]
        gaps = []
        # (Set apart from the row above as rows are, the run joins the row below only if
        # nearer to it than rows stand: a row of its own, its first cells blank, else.)
        apart = i - 1 in out and _own_row(out[i - 1], top, pitch, columns, above=True)
        if i - 1 in out and not apart:
            gaps.append((_edge_gap(out[i - 1], top, above=True), i - 1))
        if j + 1 in out and not (
            _own_row(out[j + 1], bottom, pitch, columns, above=False)
            or apart and _as_far_as_rows(out[j + 1], bottom, pitch, above=False)
        ):
            gaps.append((_edge_gap(out[j + 1], bottom, above=False), j + 1))
        gaps = [g for g in gaps if g[0] < 1.5 * max(top.height, 1.0)]
        if gaps:
            out[_nearer_row(gaps, group, out.get(i - 1), out.get(j + 1))].extend(group)
        else:
            for k in range(i, j + 1):
                out[k] = list(rows[k])
        i = j + 1
    return [sorted(out[k], key=lambda f: place[id(f)]) for k in sorted(out)]


#: The lines of a pair of rows are set solid, this share of a line's height apart at most…
PAIR_SOLID = 0.25
#: … and the pairs this share of a line's height further apart than that at least.
PAIRS_APART = 0.5


def _rows_in_pairs(rows: list[list[Fragment]]) -> list[list[Fragment]] | None:
    """Rows set in pairs, each pair's two lines set solid and the pairs apart, the upper line
    of every pair in bold and the lower in a regular face, each piece of the lower under one
    of the upper's: one row each, its cells of two lines (a directory of names in bold, each
    over its address). Read a line at a time, each name's row would be read across before
    any address, and the names taken for the table's head. Two pairs at least; None where
    the rows are not so set."""
    if len(rows) < 4 or len(rows) % 2:
        return None
    uppers, lowers = rows[0::2], rows[1::2]
    if not all(all(f.bold for f in upper) for upper in uppers) or any(
        f.bold for lower in lowers for f in lower
    ):
        return None
    if not all(
        any(_overlap_x(f, g) for g in upper) for upper, lower in zip(uppers, lowers, strict=True)
        for f in lower
    ):
        return None
    height = statistics.median(f.height for row in rows for f in row)
    gaps = [
        min(f.y0 for f in upper) - max(f.y1 for f in lower)
        for upper, lower in zip(rows, rows[1:], strict=False)
    ]
    solid, apart = max(gaps[0::2]), min(gaps[1::2])
    if solid > PAIR_SOLID * height or apart < solid + PAIRS_APART * height:
        return None
    return [upper + lower for upper, lower in zip(uppers, lowers, strict=True)]


def _on_spanner(
    f: Fragment, columns: list[list[float]], spanners: Sequence[tuple[float, float, float]]
) -> bool:
    """Whether ``f`` stands on a rule across (one of ``spanners``: left, right, height)
    under it, within a line's height, that runs over two columns or more of ``columns``
    but not across them all, ``f`` within the rule's ends: a group's head over its
    columns."""
    width = columns[-1][1] - columns[0][0]
    for x0, x1, y in spanners:
        if not (0 <= f.y0 - y <= f.height and x0 - CROSSING <= f.x0 and f.x1 <= x1 + CROSSING):
            continue
        under = sum(x0 - CROSSING <= a and b <= x1 + CROSSING for a, b in columns)
        if under >= 2 and x1 - x0 < 0.8 * width:
            return True
    return False


#: Leader dots that end a label's line (run out to its row's figures).
_LEADERS_AT_END = re.compile(r"(?:\.\s?){4,}$")


#: A line this share of the rows' usual gap (or more) from a row is set as far apart as
#: rows are (the lines of a cell, wrapped, stand closer, or at the same pitch).
ROW_PITCH = 0.8


def _row_gap(rows: list[list[Fragment]]) -> float | None:
    """The usual gap between one full row of a table and the next (None with fewer than
    three rows to tell it by)."""
    gaps = [
        min(f.y0 for f in upper) - max(f.y1 for f in lower)
        for upper, lower in zip(rows, rows[1:], strict=False)
    ]
    return statistics.median(gaps) if len(gaps) >= 2 else None


def _own_row(
    row: list[Fragment], line: Fragment, pitch: float | None, columns: list[list[float]],
    *, above: bool,
) -> bool:
    """``line``, set alone in its column right under (``above``: ``row`` is over it) or
    over ``row``, is no wrapped line of the row's cell: it stands as far from it as rows do
    from each other, and the earlier of the two lines ends with room left in its column for
    the later one's first word. Text wraps only when the next word does not fit; a line
    that ends short with its next word on the line after, as far off as the next row, was
    set as a row of its own (a statement's items, "Imprese controllate", "Imprese
    collegate", under "15) Proventi da partecipazioni", their figures left blank)."""
    cell = [g for g in row if _overlap_x(g, line)]
    if not cell or not _as_far_as_rows(row, line, pitch, above=above):
        return False
    # (Text leaving a bracket open goes on in the line after it, however far off.)
    if leaves_open(" ".join(g.text for g in cell) if above else line.text):
        return False
    if above:
        bottom = min(g.y0 for g in cell)
        last = [g for g in cell if g.y0 < bottom + g.height / 2]  # (its last line's pieces)
        end, later = max(g.x1 for g in last), line
        column = _column_of(max(last, key=lambda g: g.x1), columns)
    else:
        end, later = line.x1, max(cell, key=lambda g: g.y1)
        column = _column_of(line, columns)
    return columns[column][1] - end > _first_word_width(later) + SPACE_SHARE * later.size


#: Rows stand at least this share of a line's height apart, to tell them from a cell's lines
#: set solid (a table of rows packed as close as lines tells nothing by its gaps).
ROW_GAP_LINES = 0.25


def _as_far_as_rows(
    row: list[Fragment], line: Fragment, pitch: float | None, *, above: bool
) -> bool:
    """``line`` stands as far from ``row`` (over it, if ``above``) as full rows stand from
    each other (``pitch``, their usual gap), and some way apart."""
    cell = [g for g in row if _overlap_x(g, line)]
    if pitch is None or not cell:
        return False
    gap = _edge_gap(cell, line, above=above)
    return gap >= ROW_PITCH * pitch and gap > ROW_GAP_LINES * line.height


#: A word space, in font sizes (about a quarter of an em).
SPACE_SHARE = 0.25


def _first_word_width(f: Fragment) -> float:
    """How wide the fragment's first word is drawn (to a space, drawn or not: a gap of
    :data:`.lines.SPACE_GAP` font sizes)."""
    word: list[Glyph] = []
    for g in f.glyphs:
        if g.char.isspace():
            if word:
                break
            continue
        if word and g.x0 - word[-1].x1 > SPACE_GAP * g.size:
            break
        word.append(g)
    return word[-1].x1 - word[0].x0 if word else 0.0


def _one_cell_line(row: list[Fragment], columns: list[list[float]]) -> bool:
    """The row's pieces are one cell's line, split at the two spaces typed after a clause
    ("CITY;  3/24 SAINT LOUIS"): all in one column, each less than a font size after a
    piece ending a sentence or a clause (see :func:`_sentence_gaps_closed`, which joins such
    pieces only where the one after would stand alone in its column). Not after a label
    ("Race or Ethnicity:  African American/Black"): a line of a form's own, a row."""
    # (The pieces' ends and gaps asked first: most rows fail there, before their columns.)
    return all(
        a.text.rstrip().endswith(CLAUSE_ENDS) and b.x0 - a.x1 < WORD_SPACE_SIZES * b.size
        for a, b in zip(row, row[1:], strict=False)
    ) and len({_column_of(f, columns) for f in row}) == 1


#: Gaps closer than this share of a line's height tell no row nearer.
_TIED_GAPS = 0.25


def _nearer_row(
    gaps: list[tuple[float, int]], group: list[Fragment],
    above: list[Fragment] | None, below: list[Fragment] | None,
) -> int:
    """The row wrapped lines (``group``) join, of those ``gaps`` away (above first): the
    nearer. Where the gaps are as good as tied (records set line after line at one pitch),
    the row above when its cell over them holds text: a cell's text goes on under its first
    line, as it is read. Not where the text goes on into the cell under them, in the row
    below, "Offenses against the family and" over "children . . . 92.4": a label set down
    to its row's figures, whose nearer row is kept; and where the cell over them is done,
    run out in leader dots, the row below takes them even a hair's breadth farther off
    ("Murder and nonnegligent" under a bold "Violent crime . . .", whose taller line comes
    nearer, over "manslaughter . . . 10.0")."""
    if len(gaps) == 2 and abs(gaps[0][0] - gaps[1][0]) <= _TIED_GAPS * max(group[0].height, 1.0):
        over = [f for f in above or () if _overlap_x(f, group[0])]
        if over and leaves_open(" ".join(f.text for f in over)):
            return gaps[0][1]  # (its text goes on: "transform(" over its arguments)
        under = [f for f in below or () if _overlap_x(f, group[-1])]
        goes_on = bool(under) and under[0].text[:1].islower() and not starts_item(under[0].text)
        # (A label run out to its figures in leader dots is done: nothing of it goes on
        # under it.)
        if goes_on and over and _LEADERS_AT_END.search(over[0].text.rstrip()):
            return gaps[1][1]
        if over and not goes_on:
            return gaps[0][1]
    return min(gaps)[1]


def _overlap_x(a: Fragment, b: Fragment) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


def _edge_gap(row: list[Fragment], f: Fragment, *, above: bool) -> float:
    """Vertical gap between ``f`` and ``row`` (above or below it), in the same column if it can."""
    same = [g for g in row if _overlap_x(g, f)] or row
    if above:
        return min(g.y0 for g in same) - f.y1
    return f.y0 - max(g.y1 for g in same)


def _is_numeric(text: str) -> bool:
    # (Counted by map in C: a fragment can be a whole line of text.)
    digits = sum(map(str.isdigit, text))
    return digits >= 0.5 * (len(text) - sum(map(str.isspace, text)))


def is_listing(frags: list[Fragment]) -> bool:
    """Words set in a fixed-pitch face (see :func:`_fixed_pitch_words`): a program listing
    (for the column search, which tells a listing beside prose from a table's column)."""
    return _fixed_pitch_words([frags])


def set_in_fixed_pitch(frags: list[Fragment]) -> bool:
    """Most of the pieces whose pitch is known are set in a fixed-pitch face, words or
    figures: a listing's column of versions and dates is set in its face, whatever it says."""
    measured = [pitch for f in frags if (pitch := f.fixed_pitch) is not None]
    return bool(measured) and sum(measured) > 0.5 * len(measured)


def _fixed_pitch_words(rows: list[list[Fragment]]) -> bool:
    """Words set in a fixed-pitch face: program code on a slide, a typewritten transcript.
    Their columns come from spaces lining up character by character, not from a table;
    read as a table a listing's lines are torn into cells. Fixed-pitch figures (a mainframe
    report's numbers) are still a table: only mostly non-numeric cells count."""
    measured = [(f, pitch) for row in rows for f in row if (pitch := f.fixed_pitch) is not None]
    if not measured:
        return False
    fixed = sum(pitch for _, pitch in measured)
    if fixed <= 0.5 * len(measured):
        return False  # set in a proportional face: its words need no counting
    words = sum(not _is_numeric(f.text) for f, _ in measured)
    return words > 0.5 * len(measured)


#: A group of hex digits as a dump of bytes sets them: a byte, a word, an offset ("4d",
#: "4d49", "00000020").
HEX_GROUP = re.compile(r"[0-9a-fA-F]{2,8}")
#: Share of a run's pieces that are groups of hex digits for it to be a dump of bytes.
HEX_PIECES = 0.6
#: Share of those groups holding a letter beside a digit ("0a", "3e"): figures hold none.
HEX_LETTERED = 0.1


def _hex_dump(rows: list[list[Fragment]]) -> bool:
    """Bytes dumped in hex in a fixed-pitch face (xxd, od, a debugger's memory): each line
    an offset and groups of hex digits, the bytes as text at its end ("|..diff..>0=|").
    Computer output, read line by line as a listing is, not a table of figures: its groups
    line up by the face's pitch, and most read as numbers, so :func:`_fixed_pitch_words`
    (which leaves fixed-pitch figures to be a table) does not tell it. Told by its pieces:
    most are groups of hex digits, and some of these hold a letter beside a digit ("0a",
    "3e"), which no table's figures do."""
    measured = [pitch for row in rows for f in row if (pitch := f.fixed_pitch) is not None]
    if not measured or sum(measured) <= 0.5 * len(measured):
        return False  # (set in a proportional face)
    # (A piece may hold several groups a space apart: the gap left between a dump's halves
    # parts a line into pieces of eight bytes each, "4d 49 4d 45 2d 4d 61 67". Such a piece
    # is the dump's when its groups are all of one width, as a dump's bytes are; words and
    # numbers of a line of text that happen to be hex digits, "a9 a10", are not.)
    pieces = [f.text.split() for row in rows for f in row]
    groups = [
        tokens for tokens in pieces
        if tokens and len({len(t) for t in tokens}) == 1
        and all(HEX_GROUP.fullmatch(t) for t in tokens)
    ]
    held = [t for tokens in groups for t in tokens]
    lettered = sum(
        any(c.isdigit() for c in t) and any(c.isalpha() for c in t) for t in held
    )
    return len(groups) >= HEX_PIECES * len(pieces) and lettered >= max(
        2, HEX_LETTERED * len(held)
    )


def _listing_of(
    run: list[Line], rows: list[list[Fragment]]
) -> tuple[list[Line], list[Line], list[Line]] | None:
    """The run read as a listing, when it is one (code or a typewritten page in a fixed-pitch
    face, a program's output or a shell session, its lines opening with one mark (see
    :func:`_prefixed_lines`), or text with its lines numbered): the lines before it, its
    own, the lines after it; None when the run is no listing. A run of lines of several
    pieces runs on from code into the prose next to it (a justified line is set in pieces,
    and the guards that end a table's run at a line across its columns let a listing's run
    go on, its "columns" being words), and most of the run's pieces being the code's, the
    whole run was read line by line: the prose lines at its ends, set in a proportional
    face (see :func:`_prose_ends`), are the text round the listing, each a line of its
    paragraph."""
    if len([row for row in rows if len(row) > 1]) < 3:
        return None
    if _fixed_pitch_words(rows) or _hex_dump(rows):
        first, last = _prose_ends(run)
        return run[:first], run[first:last], run[last:]
    prefixed = _prefixed_lines(rows)
    if prefixed is not None:
        first, last = prefixed
        return run[:first], run[first:last], run[last:]
    if _line_numbered(rows):
        return [], run, []
    return None


#: Lines of a run that must open with the same mark for it to be a program's output.
PREFIXED_LINES = 3
#: Share of a run's lines of several pieces that must open with the mark.
PREFIXED_SHARE = 0.8
#: A shell's or an interpreter's prompts: a sign alone opening a line of a session.
PROMPTS = frozenset({"$", "#", "%", ">", ">>>"})
#: Signs that open a list's items ("+" a class's attribute in a diagram, "--" a plain-text
#: list) or stand for a value in a table's cell: a mark of only these opens no output line.
ITEM_SIGNS = frozenset("-\u2013\u2014*\u00b7+o\u2022")


def _prefixed_lines(rows: list[list[Fragment]]) -> tuple[int, int] | None:
    """Where the lines of a program's output or a terminal session lie in the run
    (``rows[first:last]``), when most of its lines open with one and the same mark holding no
    letter: a process's id in a tool's log ("==8119==  at 0x4005: main (a.c:6)"), a shell's
    prompt ("$"). Each such line is a line of output, read line by line as a listing is, even
    where its pieces line up in columns (a summary printed label by label): a table's first
    column names its rows, one value in every row names none. Set in a proportional face too
    (a plain-text file typeset), so the face does not tell it. A bullet or a dash opens a
    list's items ("+" a class's attributes in a diagram), so a sign alone counts only as a
    prompt; and a currency sign before figures is a table's column, so the rest of the
    lines must be mostly words."""
    opening = [row[0].text.strip() if len(row) > 1 else None for row in rows]
    marks = [m for m in opening if m]
    if len(marks) < PREFIXED_LINES:
        return None
    mark = max(marks, key=marks.count)  # (on a tie the first: the same on every run)
    lines_with = [k for k, m in enumerate(opening) if m == mark]
    if len(lines_with) < max(PREFIXED_LINES, PREFIXED_SHARE * len(marks)):
        return None
    if mark not in PROMPTS and (
        len(mark) < 2  # (a sign alone, a bullet's, opens a list's items)
        or any(c.isalpha() for c in mark)
        or set(mark) <= ITEM_SIGNS
        or all(c.isdigit() or c in ".,:;%()" for c in mark)  # (a figure, an item's number)
    ):
        return None
    rest = [f for k in lines_with for f in rows[k][1:]]
    if 2 * sum(not _is_numeric(f.text) for f in rest) <= len(rest):
        return None  # figures after a sign: a table's columns ("$  1,200")
    return lines_with[0], lines_with[-1] + 1


def _prose_ends(run: list[Line]) -> tuple[int, int]:
    """Where the fixed-pitch lines of ``run`` start and end (``run[first:last]``): the lines
    before the first of its fixed-pitch lines up to the last one set in a proportional face,
    and those after its last fixed-pitch line from the first proportional one on, are prose
    (see :func:`_face_of_line`). Lines whose face cannot be told (a brace, "END": too few
    letters) go with the listing next to them, or with the prose past a prose line."""
    faces = [_face_of_line(line) for line in run]
    fixed = [k for k, face in enumerate(faces) if face is True]
    if not fixed:
        return 0, len(run)
    first, last = fixed[0], fixed[-1] + 1
    before = [k for k in range(first) if faces[k] is False]
    after = [k for k in range(last, len(run)) if faces[k] is False]
    return (before[-1] + 1 if before else 0), (after[0] if after else len(run))


def _face_of_line(line: Line) -> bool | None:
    """Whether the line is set in a fixed-pitch face (True) or a proportional one (False):
    most of the width of its pieces whose face can be told is in that face. (A word of a
    proportional face may measure as fixed pitch by chance, "access" its letters alike
    wide; a prose line naming code, a `keyword` or two, is mostly proportional.) None: no
    piece tells."""
    fixed = proportional = 0.0
    for f in line.fragments:
        pitch = f.fixed_pitch
        if pitch is True:
            fixed += f.x1 - f.x0
        elif pitch is False:
            proportional += f.x1 - f.x0
    if fixed == proportional == 0.0:
        return None
    return fixed > proportional


def _line_numbered(rows: list[list[Fragment]]) -> bool:
    """Text whose lines are numbered in the margin (a court transcript, a pleading): each
    line a number counting up by one, then the line's words. Two pieces a line like a
    two-column table, but the numbers only count lines. A table whose rows are numbered
    holds more columns, or figures, beside the number: it is left alone."""
    numbered = [row for row in rows if len(row) >= 2 and row[0].text.isdigit()]
    if len(numbered) < 5 or len(numbered) < 0.6 * len(rows):
        return False
    if any(len(row) > 2 or _is_numeric(row[1].text) for row in numbered):
        return False
    numbers = [int(row[0].text) for row in numbered]
    counting = sum(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))
    return counting >= 0.8 * (len(numbers) - 1)


def _number_column(rows: list[list[Fragment]]) -> tuple[float, float] | None:
    """The span across the page of line numbers in the margin, if the lines are numbered:
    every line from the first numbered one to the last starts with a number, counting up by
    one, set apart from the line's words by more than a space (a typewritten list "1 Item"
    has its number a space away). Numbered items of a list or a table leave lines between
    them unnumbered (an item wrapped onto a second line): their numbers are content."""
    starts = [k for k, row in enumerate(rows) if row[0].text.isdigit()]
    if not starts or len(starts) != starts[-1] - starts[0] + 1:
        return None
    numbered = [row for row in rows if len(row) >= 2 and row[0].text.isdigit()]
    if len(numbered) < 5:
        return None
    right = max(row[0].x1 for row in numbered)
    last = rows[starts[-1]]
    for row in rows[: starts[0]] + rows[starts[-1] + 1:]:
        if row[0].x0 < right:
            return None  # a heading over the numbers ("No."): a table's column
        if len(last) > 1 and abs(row[0].x0 - last[1].x0) < 0.5 * row[0].height:
            return None  # the last item wrapped onto an unnumbered line
    numbers = [int(row[0].text) for row in numbered]
    counting = sum(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))
    if counting < 0.8 * (len(numbers) - 1):
        return None
    for row in numbered:
        digit = (row[0].x1 - row[0].x0) / len(row[0].text)
        if row[1].x0 - row[0].x1 < 1.5 * digit:
            return None
    return min(row[0].x0 for row in numbered), max(row[0].x1 for row in numbered)


def _in_number_column(f: Fragment, column: tuple[float, float]) -> bool:
    """A line number: digits alone, inside the numbers' column (a line holding only its
    number, a blank line of the transcript, included)."""
    slack = 0.5 * f.height
    return f.text.isdigit() and f.x0 >= column[0] - slack and f.x1 <= column[1] + slack


#: Share of a grid's cells below which its text is scattered labels, not a table.
SCATTERED_FILL = 0.4


def _scattered(cells: list[list[Fragment | None]]) -> bool:
    """Most of the grid empty: the labels of a chart (a pie's slices, a bar chart's values
    and categories) placed about its shapes line up into many columns, each holding a label
    on only a row or two. A table fills most of its cells, a blank here and there."""
    slots = sum(len(row) for row in cells)
    filled = sum(c is not None for row in cells for c in row)
    return slots > 0 and filled < SCATTERED_FILL * slots


def _one_column_filled(cells: list[list[Fragment | None]]) -> bool:
    """Only one column holds text in more than one row: a column of text (a list and the
    sentence leading into it) with a piece or two set beside it (a label of the next
    column's first line, hanging in the gutter), not rows and columns of data."""
    columns = len(cells[0]) if cells else 0
    return sum(sum(row[k] is not None for row in cells) >= 2 for k in range(columns)) < 2


#: Letters set alone as bullets: a word processor's second-level bullet is a small "o"
#: (its Courier New circle), which no table sets alone down every row of its first column.
LETTER_BULLETS = frozenset("o")


def _one_symbol(pieces: list[Fragment]) -> bool:
    """Every piece the same one sign that is no letter or digit ("+", "»", "✓"), or a
    letter set as a bullet (see :data:`LETTER_BULLETS`): bullets of whatever font, down the
    left of a list (a class diagram's attributes marked "+")."""
    texts = {f.text.strip() for f in pieces}
    if len(pieces) < 3 or len(texts) != 1:
        return False
    (text,) = texts
    return len(text) == 1 and (not text.isalnum() or text in LETTER_BULLETS)


def _choices_to_mark(cells: list[list[Fragment | None]]) -> bool:
    """Two or more columns each holding one same word on every row, the first included
    ("yes", "no"): the answers a printed questionnaire offers to circle beside each
    question. A table's column tells its rows apart (a value repeated down it stands under
    a head of another text); a column that says the same on every row, head included,
    tells nothing, and two of them saying different words are a form's choices. (A unit
    repeated after each of two figures, "mm", is one word twice: no choice.)"""
    if len(cells) < 3:
        return False
    constant: set[str] = set()
    for k in range(len(cells[0])):
        down = [row[k] for row in cells]
        texts = {f.text.strip().casefold() for f in down if f is not None}
        if len(texts) != 1 or None in down:
            continue
        (text,) = texts
        if text and word_count(text) <= 2 and not any(c.isdigit() for c in text):
            constant.add(text)
    return len(constant) >= 2


def _runs_on(cells: list[list[Fragment | None]], column: int) -> bool:
    """Most lines in the column go on with the sentence of the line above (they start in
    lower case): running text wrapped line after line, such as a side column or captions set
    beside the body text, whose lines share baselines with it. A table's cells each start
    afresh (a wrapped cell's lone lines are already joined to their row), and a value
    repeated down a column ("yes", "no", a unit) is a table's, however it is written, and
    so is a column of single words (names in lower case, "lineWidth" over "lineCap"): a
    sentence wrapped from line to line has lines of several words. Nor does a line opening
    with a call (see :data:`CALL`) go on with the line above: a column of calls named in
    lower case ("scale( float x, float y)" over "rotate( float angle)") lists code.
    Over only two or three lines every one must go on, from a line of several words (a
    short cell in lower case, "yes" over "no", goes on with nothing)."""
    pairs = [
        (above[column], below[column]) for above, below in zip(cells, cells[1:], strict=False)
        if above[column] is not None and below[column] is not None
    ]
    if len(pairs) < 2 or all(f.words == 1 for pair in pairs for f in pair if f is not None):
        return False  # (a word a line, each: a column of names, no sentence running on)
    going_on = [
        above for above, below in pairs
        if above is not None and below is not None and _item_text(below.text)[:1].islower()
        and below.text != above.text and CALL.match(below.text) is None
    ]
    if len(pairs) == 2:
        return len(going_on) == 2 and all(f.words >= 3 for f in going_on)
    return len(going_on) >= 0.75 * len(pairs)


#: A line opening with a call: a name glued to its bracket ("rotate(", "fill( )"), as code
#: writes it and prose never does (a word of a sentence is set a space before a bracket).
CALL = re.compile(r"[^\W\d]\w*\(")


def _item_text(text: str) -> str:
    """The text past a bullet or a list number opening it: a list's items go on with the
    sentence that leads into them as its lines would ("is:" / "• to verify that")."""
    first, _, rest = text.partition(" ")
    return rest if rest and is_marker(first) else text


#: An equation's number at the right margin: "(2.1)", "(14)", "(3b)".
EQUATION_NUMBER = re.compile(r"\(\d{1,3}(\.\d{1,3})*[a-z]?\)")


def _numbered_equations(cells: list[list[Fragment | None]]) -> bool:
    """Displayed equations: the last column holds only their numbers ("(2.1)"), each
    equation's pieces spread before it. Set apart by wide gaps, they line up like a table's
    cells, but they are formulas of the text."""
    numbers = [row[-1].text.strip() for row in cells if row[-1] is not None]
    return len(numbers) >= 2 and all(EQUATION_NUMBER.fullmatch(n) for n in numbers)


#: A font made for mathematics: TeX's math italic, symbols and extensions, the AMS symbols,
#: Fraktur and script faces, and the OpenType math fonts ("Cambria Math", "STIX Two Math").
MATH_FONT = re.compile(
    r"^(?:[A-Z]{6}\+)?(?:CMMI|CMSY|CMEX|CMBSY|MSAM|MSBM|EUFM|EUSM|EUEX|RSFS)|Math", re.IGNORECASE
)
#: Share of a run's glyphs that are mathematics above which its lines are displayed formulas.
MATH_SHARE = 0.3


def _typeset_math(rows: list[list[Fragment]]) -> bool:
    """Displayed formulas: a matrix's entries, equations aligned at their signs, a diagram's
    variables, their pieces spread apart like a table's cells. Told by their glyphs: a
    large share set in fonts made for mathematics or written with its signs and Greek
    letters (some in a math font, so typeset as mathematics: a table of comparisons in a
    text face, "< 5", "= 0", is left alone). A table's cells are words and figures."""
    glyphs = [g for row in rows for f in row for g in f.glyphs if not g.char.isspace()]
    # (A run sets its glyphs in a few fonts: each font's name is matched once, not per glyph,
    # and a run with no math font at all, nearly every one, is none without counting.)
    math = {font: MATH_FONT.search(font) is not None for font in {g.font for g in glyphs}}
    if not any(math.values()):
        return False
    typeset = sum(math[g.font] for g in glyphs)
    signs = sum(
        not math[g.font] and (
            unicodedata.category(g.char[:1]) == "Sm" or "\u0370" <= g.char[:1] <= "\u03ff"
        )
        for g in glyphs
    )
    return typeset + signs >= MATH_SHARE * len(glyphs)


#: Share of a run's rows opening or closing a block of code with a brace, above which the run
#: is program code.
BRACED_ROWS = 0.25


def _braced_code(rows: list[list[Fragment]]) -> bool:
    """Program code in a C-like language (C, Go, Java, JavaScript) set in a proportional face,
    as slides set it: many of its lines open a block with a brace at their end or close one
    with a brace alone. Its indents and side-by-side listings line up like a table's columns,
    but a table's cells hardly ever end with an opening brace."""
    braced = sum(
        any(f.text.rstrip().endswith("{") or f.text.strip() in ("}", "};", "})") for f in row)
        for row in rows
    )
    return braced >= 2 and braced >= BRACED_ROWS * len(rows)


def _words_spaced_out(rows: list[list[Fragment]], columns: list[list[float]]) -> bool:
    """Most rows put two or more pieces in one column, and the rows hold on average twice as
    many pieces as there are columns: the pieces do not line up into columns, they are the
    words of lines justified with word spaces wide enough to split them (a paragraph, a
    reference list). A table's cells line up, one to a column a row (a long cell running
    into the next column crowds one column, not all of them); a table whose columns were
    merged by a title spanning them crowds figures, not words."""
    pieces = [f for row in rows for f in row]
    # (Twice as many pieces as cells asked first: a table's rows fall short of it, and
    # then no column's crowd need be counted.)
    if len(pieces) < 2 * len(columns) * len(rows):
        return False
    words = sum(not _is_numeric(f.text) for f in pieces)
    if not words > 0.5 * len(pieces):  # (figures crowd a column a spanning title merged)
        return False
    crowded = 0
    for row in rows:
        counts = [sum(_in_column(f, c) for f in row) for c in columns]
        crowded += max(counts) >= 2
    if not crowded > 0.5 * len(rows):
        return False
    # A gap between columns clearly wider than the word spaces is a gutter: two columns of
    # text side by side, each justified, whose lines the reading order must keep apart
    # (read as plain lines they would run across the gutter): left to the table's reading.
    spaces = [b.x0 - a.x1 for row in rows for a, b in zip(row, row[1:], strict=False)]
    gutter = max(b[0] - a[1] for a, b in zip(columns, columns[1:], strict=False))
    return gutter <= GUTTER * statistics.median(spaces)


#: How many times a line's usual word space a gap between columns must be to be a gutter.
GUTTER = 1.5


#: Word spaces of one justified line differ by no more than this share of its type size.
EVEN_SPACES = 0.1


def _justified_rows(rows: list[list[Fragment]]) -> list[bool]:
    """For each of ``rows``, whether it is a line of text justified with word spaces wide
    enough to split it into pieces: four or more pieces of words (no figures), a word or two
    each, set the same distance apart (a list label's gap before them aside), most of them
    lined up with no piece of another row that is not such a line itself. A line justified
    to the measure stretches every word space in it alike, and the lines round it (an item's
    short last line, bullets) leave its words alone, columns that nothing else fills or that
    no piece of another row lines up with (an item's wrapped lines under its first words
    start where its text does, not where those words do). (A table's head set with one gap
    between its columns, as LaTeX sets one, is evenly spaced too, but the rows below fill
    its columns, lined up with it; and they are not evenly spaced, each cell standing where
    its column starts. Two justified lines that open with the same words line up word for
    word, by chance, as far as their words are the same.)"""
    spaced = [_spaced_words(row) for row in rows]
    if not any(spaced):
        return [False] * len(rows)
    # (The pieces a spaced row's words may line up with: those of the rows that are not
    # spaced rows, which leaves out the row itself.)
    others = [g for row, words in zip(rows, spaced, strict=True) if words is None for g in row]
    return [
        words is not None
        and sum(not any(_aligned(f, g) for g in others) for f in words) > len(words) / 2
        for words in spaced
    ]


def _mostly_justified(rows: list[list[Fragment]]) -> bool:
    """Fewer than three of the rows of several pieces are no justified line of text split at
    its word spaces (:func:`_justified_rows`): no table's rows."""
    flags = _justified_rows(rows)
    return sum(len(row) > 1 and not flag for row, flag in zip(rows, flags, strict=True)) < 3


def _spaced_words(row: list[Fragment]) -> list[Fragment] | None:
    """The row's pieces past a list label when they are four or more words (no figures), a
    word or two each, set the same distance apart (see :func:`_justified_rows`), else
    None."""
    ordered = sorted(row, key=operator.attrgetter("x0"))
    pieces = ordered[1:] if is_marker(ordered[0].text.strip()) else ordered
    if len(pieces) < 4:
        return None
    if any(_is_numeric(f.text) or f.words > 2 for f in pieces):
        return None
    # (A space after a full stop or a comma may be stretched further, as TeX stretches it:
    # it must be no narrower than the others, and not a gutter.)
    plain: list[float] = []
    punctuated: list[float] = []
    for a, b in zip(pieces, pieces[1:], strict=False):
        (punctuated if a.text.rstrip().endswith(STRETCHED_AFTER) else plain).append(b.x0 - a.x1)
    size = min(f.size for f in pieces)
    if len(plain) < 2 or min(plain) <= 0 or max(plain) - min(plain) > EVEN_SPACES * size:
        return None
    if any(
        not min(plain) - EVEN_SPACES * size <= gap <= PUNCTUATED_SPACE * max(plain)
        for gap in punctuated
    ):
        return None
    return pieces


#: Marks after which a justified line's space may be stretched further than its others.
STRETCHED_AFTER = (".", ",", ";", ":", "?", "!")

#: How many times a justified line's widest plain word space one after a clause may be.
PUNCTUATED_SPACE = 2.5


def _reads_on_across(rows: list[list[Fragment]]) -> bool:
    """Every row but the last runs to the right edge of the run, and the next row goes on
    with its sentence (it starts in lower case after a word or a broken word's hyphen): lines
    of a paragraph justified to both edges, read from one line into the next. A table's
    rows each start afresh, and its last column's cells rarely all end at one edge. Over
    only three rows a word must be broken across them too (labels wrapped side by side can
    end at one edge and go on in lower case by chance)."""
    if len(rows) < 3:
        return False
    right = max(f.x1 for row in rows for f in row)
    broken = False
    for above, below in zip(rows, rows[1:], strict=False):
        last, first = above[-1], below[0]
        end = last.text.rstrip()
        if last.x1 < right - max(last.height, 1.0) or not first.text[:1].islower():
            return False
        if not (end[-1:].isalpha() or end.endswith(("-", ","))):
            return False
        broken = broken or end.endswith("-")
    return broken or len(rows) > 3


#: Ratio of font sizes above which two pieces of a line are set in different sizes.
MIXED_SIZES = 1.25


def _sizes_mixed(rows: list[list[Fragment]]) -> bool:
    """Most rows set their pieces (bullets aside) in clearly different sizes: two blocks of
    text set side by side that happen to share lines (a form's title beside its box of notes,
    "OMB No. ..."). The two cells of a two-column table's row are set in one size. (Only
    asked of two columns: a timetable's many columns may set times small beside names.)"""
    mixed = 0
    for row in rows:
        sizes = [f.size for f in row if not is_marker(f.text)]
        mixed += len(sizes) >= 2 and max(sizes) > MIXED_SIZES * min(sizes)
    return mixed > 0.5 * len(rows)


def _table_from(run: list[Line], page: int, rules: Sequence[Rect] = ()) -> Block | None:
    """The table the run of lines makes, or None. ``rules``: the page's rules, which may
    set a group's head over its columns (see :func:`_under_spanner_rules`)."""
    rows, parts = _sentence_gaps_closed([list(line.fragments) for line in run])
    if _mostly_justified(rows):
        # (Asked before columns of text are taken out: the words left of such lines, past
        # their columns' removal, line up by chance, "was" under "was".)
        return None  # lines of a justified paragraph (their words' pieces) make up the rows
    for _ in range(3):
        columns = _columns(rows)
        if len(columns) < 2:
            return None
        total = columns[-1][1] - columns[0][0]
        text = [c for c in columns if c[1] - c[0] >= 0.35 * total and _is_text_column(c, rows)]
        # ... unless it is the only one and its lines sit on the rows of the other columns:
        # then it is a table column holding longer text.
        text = text if len(text) > 1 else [
            c for c in text
            if not rows_align(
                [f for row in rows for f in row if _in_column(f, c)],
                [f for row in rows for f in row if not _in_column(f, c)],
            )
        ]
        if not text:
            break
        # A column of running text beside a table (or beside another column): not cells.
        rows = [[f for f in row if not any(_in_column(f, c) for c in text)] for row in rows]
    else:
        return None
    rows = [row for row in rows if row]
    if _table_of_contents(rows):
        return None
    first = [f for row in rows for f in row if _in_column(f, columns[0])]
    if (
        sum(_is_label(f.text) for f in first) > len(first) / 2 or _one_symbol(first)
    ) and (
        # (A column holding one piece is none: a slide's number on the row of a full
        # slide's last line, "41 / 41", right of the list's text.)
        len(columns) == 2
        or sum(sum(_in_column(f, c) for row in rows for f in row) > 1 for c in columns) == 2
    ):
        return None  # bullets, numbers or reference keys beside text: a list
    if len(columns) == 2 and _keys_beside_meanings(rows, columns):
        return None  # a glossary or a legend: each key is read with what it means
    if len(columns) > 2:
        # (Past the tests for a list: a column of bullets beside their items' text is one,
        # and more columns than two make a table whose cells may open with bullets. The
        # rows keep their pieces, for the tests of rows below: a bullet falls in its cell's
        # column and is read with its text there.)
        columns = _columns_under_spans(_bullets_joined(rows))
    multi = [row for row in rows if len(row) > 1]
    if len(multi) < 3 or sum(len(row) for row in multi) < 2 * len(multi):
        return None
    if _mostly_justified(rows):
        return None  # a justified line of text (its words' pieces) makes up the rows
    if _words_spaced_out(multi, columns) or _reads_on_across(rows):
        return None  # justified lines split at their wide word spaces: words, not cells
    if len(columns) == 2 and _sizes_mixed(multi):
        return None  # two blocks of text side by side (a title beside a box of notes)
    rows = _merge_wrapped_cells(rows, columns, _rule_runs(rules) if rules else ())
    paired = _rows_in_pairs(rows)
    if paired is not None:
        rows = paired
    cells: list[list[Fragment | None]] = []
    for row in rows:
        cell_row: list[Fragment | None] = [None] * len(columns)
        for f in row:
            k = _column_of(f, columns)
            existing = cell_row[k]
            if existing is not None:
                cell_row[k] = stacked(existing, f)
            else:
                cell_row[k] = f
        cells.append(cell_row)
    if any(_runs_on(cells, k) for k in range(len(columns))):
        return None  # a column of sentences running from line to line: text set beside text
    if _scattered(cells) or _one_column_filled(cells):
        return None  # labels placed about a chart or diagram: no rows and columns of data
    if _numbered_equations(cells) or _braced_code(rows) or _typeset_math(rows):
        return None
    # (Rows in pairs have no head: every row is a pair, a head would stand alone, and the
    # first row's names in bold are entries, as every row's are.)
    heads = set_apart_head(cells) if paired is None else 0
    ruled_groups: Spans = {}
    spanned = _under_spanner_rules(cells, columns, heads, rules) if rules else None
    if spanned is not None:
        cells, columns, heads, ruled_groups = spanned
    spans = _spans_across(cells, columns)
    groups = centred_groups(cells, heads, spans | ruled_groups) | ruled_groups
    spans.update(groups)
    if rules:
        cells, spans = centred_row_groups(cells, heads, spans, _rule_runs(rules))
    # (The heads told before the groups' names moved into their first columns: moved, a
    # name may stand over the same word in its column's head, "Total" over "Total", and
    # read as a value.)
    block = Block(
        page, kind="table", table=cells, lines=list(run), spans=spans,
        head_rows=heads if groups else 0, no_heads=paired is not None,
    )
    for row in rows:
        for f in row:
            for part in parts.get(id(f), (f,)):
                block.add(part)
    return block


def _under_spanner_rules(
    cells: list[list[Fragment | None]], columns: list[list[float]], heads: int,
    rules: Sequence[Rect],
) -> tuple[list[list[Fragment | None]], list[list[float]], int, Spans] | None:
    """The head of a table no rule parts, read by its rules across: a group's head over a
    rule running under it across some of the table's columns (a "spanner" rule, between the
    table's top rule and the rule under its heads) spans the columns the rule runs over.
    The head rows are those over the rule across the whole table under them, if any
    (:data:`.table_heads.MAX_HEAD_ROWS` at most; else those its text sets apart,
    ``heads``, two at least). A head wrapped over lines in its column is one cell, in the
    row of its last line (heads are set on the line of the columns' heads, wrapped upwards:
    "Asian/" "Pacific" over "Islander"), and so is a group's head wrapped over its rule. A
    column holding no text but the group's head (set between its columns' heads, over their
    gutter) is none. Then the heads are laid out as a ruled band's are: a head with nothing
    over it in the head rows moves up, and spans down to the body when nothing is under it.
    The cells, columns, head rows and the spans of the head rows' cells; None when no such
    rule runs under a head. One rule drawn on under a row of groups' heads, rules down
    parting them, is each group's own (see :func:`_cut_at_rules_down`), and a group's head
    over its rule is no wrapped line of the head under it (:func:`_ruled_apart`)."""
    if len(cells) < BODY_ROWS + 2:
        return None
    left, right = columns[0][0], columns[-1][1]
    width = right - left
    tops = [max((f.y1 for f in row if f is not None), default=0.0) for row in cells]
    bottoms = [min((f.y0 for f in row if f is not None), default=0.0) for row in cells]
    # (Only the rules within the table's box are asked about: a page may hold thousands.)
    runs = _rule_runs([
        r for r in rules
        if r.x1 > left and r.x0 < right and bottoms[-1] < r.y0 and r.y1 < max(tops)
    ])
    if not runs:
        return None
    # (A rule under the head rows runs across the table: most of its width.)
    under = next((
        r for r in range(1, min(MAX_HEAD_ROWS, len(cells) - BODY_ROWS) + 1)
        if any(x1 - x0 >= 0.8 * width and tops[r] < y < bottoms[r - 1] for x0, x1, y in runs)
    ), None)
    # (A rule drawn on under all the groups' heads is each group's own where rules down
    # part the heads standing on it: cut there, each piece spans its group's columns.)
    spanners = _cut_at_rules_down([
        (x0, x1, y) for x0, x1, y in runs
        if x1 - x0 < 0.8 * width and tops[-1] < y < max(tops)
    ], rules)
    if not spanners:
        return None
    body = cells[max(heads, under or 0):]
    extents = [_text_extent([row[k] for row in body]) for k in range(len(columns))]
    rows = [list(row) for row in cells]
    count = under or heads
    if count < 2:
        return None
    for k in range(len(columns)):  # (wrapped heads first: a group's head spans over them)
        for r in range(count - 1):
            upper, lower = rows[r][k], rows[r + 1][k]
            if (
                upper is not None and lower is not None and _wraps_onto(upper, lower)
                and _within_column(upper, k, extents) and _within_column(lower, k, extents)
                and not _ruled_apart(upper, lower, spanners)
            ):
                rows[r + 1][k], rows[r][k] = stacked(upper, lower), None
    groups: Spans = {}
    for r in range(count - 1):
        for k, f in enumerate(rows[r]):
            if f is None:
                continue
            rule = next((
                (x0, x1) for x0, x1, y in spanners
                if 0 <= f.y0 - y <= f.height and x0 - CROSSING <= f.x0 and f.x1 <= x1 + CROSSING
            ), None)
            if rule is None:
                continue
            group = [
                j for j, (a, b) in enumerate(columns)
                if rule[0] - CROSSING <= a and b <= rule[1] + CROSSING
            ]
            if (
                len(group) < 2 or k not in group
                or group != list(range(group[0], group[-1] + 1))
                or any(rows[r][j] is not None for j in group if j != k)
            ):
                continue
            above = [(j, g) for j in group if r > 0 and (g := rows[r - 1][j]) is not None]
            if len(above) == 1 and _wraps_onto(above[0][1], f) and (
                columns[group[0]][0] - CROSSING <= above[0][1].x0
                and above[0][1].x1 <= columns[group[-1]][1] + CROSSING
            ):
                # (The group's head wrapped over lines, "Obligation/Service" over "Dates".)
                rows[r - 1][above[0][0]] = None
                f = stacked(above[0][1], f)
            rows[r][k] = None
            rows[r][group[0]] = f
            groups[(r, group[0])] = (1, len(group))
    if not groups:
        return None
    # (A head with nothing over it in the head rows moves up, as a ruled band's heads do:
    # set on the line of its columns' heads, it heads the head rows from the top.)
    for (r, k), (_, n) in sorted(groups.items()):  # (a group's head too, over its columns)
        others = {
            (row, first + d) for (row, first), (_, wide) in groups.items() if row != r
            for d in range(wide)
        }
        up = r
        while up > 0 and all(
            rows[up - 1][j] is None and (up - 1, j) not in others for j in range(k, k + n)
        ):
            up -= 1
        if up < r:
            rows[up][k], rows[r][k] = rows[r][k], None
            groups[(up, k)] = groups.pop((r, k))
    covered = {(r, k + d) for (r, k), (_, n) in groups.items() for d in range(n)}
    pack_up(rows, count, covered, covered)
    # (Head rows left empty, their heads wrapped into the rows under them, are gone; so is
    # a column holding nothing once its group's head spans from the group's first.)
    empty_rows = [r for r in range(count) if all(f is None for f in rows[r])]
    gone = [
        k for k in range(len(columns))
        if all(row[k] is None for row in rows)
    ]
    rows = [
        [f for k, f in enumerate(row) if k not in gone]
        for r, row in enumerate(rows) if r not in empty_rows
    ]
    kept_columns = [c for k, c in enumerate(columns) if k not in gone]
    spans: Spans = {
        (r - sum(e < r for e in empty_rows), k - sum(g < k for g in gone)):
        (1, n - sum(k <= g < k + n for g in gone))
        for (r, k), (_, n) in groups.items()
    }
    count -= len(empty_rows)
    covered = {(r, k + d) for (r, k), (_, n) in spans.items() for d in range(n)}
    span_down(rows, count, set(spans), covered, spans)
    return rows, kept_columns, count, spans


def _text_extent(column: list[Fragment | None]) -> tuple[float, float] | None:
    """The left and right of the text in a column's cells (None: it holds none)."""
    texts = [f for f in column if f is not None]
    if not texts:
        return None
    return min(f.x0 for f in texts), max(f.x1 for f in texts)


def _ruled_apart(
    upper: Fragment, lower: Fragment, runs: Sequence[tuple[float, float, float]],
) -> bool:
    """Whether a rule across (of ``runs``: left, right, height) runs between ``upper`` and
    the line under it, under both: a group's head over its rule, centred over the middle
    one of its columns, is no line of that column's head wrapped."""
    return any(
        lower.y1 - RULE_THICKNESS <= y <= upper.y0 + RULE_THICKNESS
        and x0 - CROSSING <= min(upper.x0, lower.x0) and max(upper.x1, lower.x1) <= x1 + CROSSING
        for x0, x1, y in runs
    )


def _cut_at_rules_down(
    runs: list[tuple[float, float, float]], rules: Sequence[Rect],
) -> list[tuple[float, float, float]]:
    """``runs`` (rules across: left, right, height) cut where a rule down stands on one,
    within it (not at its ends): the rules parting a row of group heads over one rule
    drawn on under them all ("Total", "Male", "Female" each over its own columns)."""
    if not runs:
        return runs
    downs = [
        ((r.x0 + r.x1) / 2, r.y0) for r in rules
        if r.x1 - r.x0 <= RULE_THICKNESS and r.y1 - r.y0 > 2 * TOUCH
    ]
    out: list[tuple[float, float, float]] = []
    for x0, x1, y in runs:
        cuts = sorted(
            x for x, bottom in downs
            if x0 + TOUCH < x < x1 - TOUCH and abs(bottom - y) <= TOUCH
        )
        for x in cuts:
            out.append((x0, x, y))
            x0 = x
        out.append((x0, x1, y))
    return out


def _rule_runs(rules: Sequence[Rect]) -> list[tuple[float, float, float]]:
    """The page's rules across, pieces drawn end to end on one line joined: each run's left,
    right and height."""
    across = sorted(
        ((r.x0, r.x1, (r.y0 + r.y1) / 2) for r in rules
         if r.x1 - r.x0 > 10 and r.y1 - r.y0 <= RULE_THICKNESS),
        key=lambda run: (round(run[2]), run[0]),
    )
    runs: list[tuple[float, float, float]] = []
    for x0, x1, y in across:
        if runs and abs(runs[-1][2] - y) <= TOUCH and x0 <= runs[-1][1] + TOUCH:
            runs[-1] = (runs[-1][0], max(runs[-1][1], x1), runs[-1][2])
        else:
            runs.append((x0, x1, y))
    return runs


#: Gap between two pieces of a row, in font sizes of the right-hand piece (loose-box
#: heights, about 1.2 em), below which it may be a wide word space (two spaces after a full
#: stop, a justified line's stretch) rather than a gutter.
WORD_SPACE_SIZES = 1.0
#: What a piece ends with for a wide space after it to be one typed after a sentence or a
#: label ("agenda.  The", "Agency:  Bureau").
SENTENCE_ENDS = (".", ":", ";", "?", "!")
#: What a piece ends with for a wide space after it to go on within its line of text.
CLAUSE_ENDS = (".", ";", "?", "!")


def _sentence_gaps_closed(
    rows: list[list[Fragment]],
) -> tuple[list[list[Fragment]], dict[int, list[Fragment]]]:
    """The rows with each piece that is alone in its column, opens with a letter and stands
    less than a font size after a piece ending a sentence or a label on its line joined to
    that piece: a line split at the two spaces typed after a full stop, whose last word would
    otherwise make a column of one cell ("... on the agenda." | "The") and turn the lines of
    a numbered list into a table. A table's column holds a cell in more than one row, and its
    gutter is wider than that. Also returned: the pieces each joined piece was made of, by
    its id (the table's block holds those, so that they count as read)."""
    parts: dict[int, list[Fragment]] = {}
    ranges = [(f.x0, f.x1) for row in rows for f in row]
    if len(ranges) < 3:
        return rows, parts
    closed: list[list[Fragment]] = []
    for row in rows:
        joined: list[Fragment] = []
        for f in row:
            before = joined[-1] if joined else None
            if (
                before is not None and before.text.rstrip().endswith(SENTENCE_ENDS)
                and f.text[:1].isalpha() and f.x0 - before.x1 < WORD_SPACE_SIZES * f.size
                and abs(f.y0 - before.y0) < f.height / 2
                and sum(x0 < f.x1 and x1 > f.x0 for x0, x1 in ranges) == 1
            ):
                joined[-1] = stacked(before, f)
                parts[id(joined[-1])] = [*parts.pop(id(before), [before]), f]
            else:
                joined.append(f)
        closed.append(joined)
    return closed, parts


#: Share of a picture's area that a table of its labels covers at most.
PICTURE_LABELS = 0.5
#: Share of the page a picture holding labels covers at most (more: a page's background).
PICTURE_AREA = 0.5


def labels_on_pictures(blocks: list[Block], page_area: float) -> list[Block]:
    """The tables (of lines lined up, not ruled) lying inside a picture or a drawing of the
    page, over a small part of it: a chart's labels lined up (a bar chart's categories and
    their values, a pie's legend), not a table of the text. A table set on a background
    (a picture over much of the page) is left alone."""
    def area(b: Block) -> float:
        return (b.x1 - b.x0) * (b.y1 - b.y0)

    pictures = [b for b in blocks if b.kind == "figure" and area(b) <= PICTURE_AREA * page_area]
    return [
        t for t in blocks
        if t.kind == "table" and t.lines and any(
            p.x0 - 1 <= t.x0 and t.x1 <= p.x1 + 1 and p.y0 - 1 <= t.y0 and t.y1 <= p.y1 + 1
            and area(t) < PICTURE_LABELS * area(p)
            for p in pictures
        )
    ]


#: A picture's name is set at most this many of its lines under it (or over it).
NAME_LINES = 3.0


def names_of_pictures(
    blocks: list[Block], page_area: float
) -> list[tuple[Block, list[tuple[Block | None, list[Fragment]]]]]:
    """The tables (of lines lined up, not ruled) that name the pictures of a row: each column
    of the table set under (or over) a picture of its own, within :data:`NAME_LINES` of its
    lines — a row of icons, each with its name centred under it ("Purpose, scope, and
    methodology"). The names are the pictures' labels, read as text with them, not a table
    of rows and columns: no two columns name the same picture, and every cell names one.
    (A picture is one image of a figure drawn with several side by side.) Each table with
    its pieces of text gathered by the picture they name (each name read whole), with the
    figure that picture is part of."""
    pictures: list[Rect] = []
    owners: list[Block] = []  # each picture's figure
    for b in blocks:
        if b.kind != "figure" or b.candidate is None or b.candidate.drawing:
            continue
        if (b.x1 - b.x0) * (b.y1 - b.y0) > PICTURE_AREA * page_area:
            continue
        boxes = [r for r, _ in b.candidate.images]
        # (The outermost images: a picture's own pieces lie inside it.)
        outer = [
            r for r in boxes
            if not any(o is not r and _inside(r, o) and not _inside(o, r) for o in boxes)
        ]
        pictures.extend(outer)
        owners.extend(b for _ in outer)
    if len(pictures) < 2:
        return []
    out = []
    for t in blocks:
        if t.kind != "table" or not t.lines or not t.table:
            continue
        named: list[set[int]] = [set() for _ in t.table[0]]
        for row in t.table:
            for column, cell in enumerate(row):
                if cell is None:
                    continue
                picture = _picture_named(cell, pictures)
                if picture is None or column >= len(named):
                    break
                named[column].add(picture)
            else:
                continue
            break
        else:
            columns = [ks for ks in named if ks]
            if len(columns) >= 2 and sum(map(len, columns)) == len(set().union(*columns)):
                names: dict[int, list[Fragment]] = {}
                for f in t.frags:
                    picture = _picture_named(f, pictures)
                    names.setdefault(-1 if picture is None else picture, []).append(f)
                out.append((t, [(owners[k] if k >= 0 else None, name)
                                for k, name in names.items()]))
    return out


def _inside(inner: Rect, outer: Rect) -> bool:
    return (outer.x0 - 1 <= inner.x0 and inner.x1 <= outer.x1 + 1
            and outer.y0 - 1 <= inner.y0 and inner.y1 <= outer.y1 + 1)


def _picture_named(cell: Fragment, pictures: Sequence[Rect]) -> int | None:
    """The picture (its index) the cell's text is centred under or over, or lies on, within
    :data:`NAME_LINES` of its lines; of two such, the nearest (up or down, then across)."""
    line = cell.size * 1.2
    cx, cy = (cell.x0 + cell.x1) / 2, (cell.y0 + cell.y1) / 2
    near = [
        (max(p.y0 - cy, cy - p.y1, 0.0), abs((p.x0 + p.x1) / 2 - cx), k)
        for k, p in enumerate(pictures)
        if p.x0 <= cx <= p.x1 and p.y0 - NAME_LINES * line <= cy <= p.y1 + NAME_LINES * line
    ]
    return min(near)[2] if near else None


#: Share of a table's pieces of text naming a form field above which it is a form's layout.
FORM_LABELS = 0.5


def lays_out_form(table: Block, fields: Sequence[BBox]) -> bool:
    """A form's boxes and labels, not a table of data: most of its pieces of text name a form
    field (the field beside them on their row, just under them, or drawn over them). A form
    lines its labels up in a grid, but each names what to fill in; a reader wants them read
    as labels, one after the other, not as cells of rows and columns."""
    # Leader dots run from a label to its box: they name nothing, and are no cell's text.
    pieces = [f for f in table.frags if f.text.strip(LEADER_DOTS)]
    if not fields or not pieces:
        return False
    leaders = [f for f in table.frags if not f.text.strip(LEADER_DOTS)]
    labels = sum(_names_field(f, fields) or _led_to_field(f, leaders, fields) for f in pieces)
    return labels > FORM_LABELS * len(pieces)


def _led_to_field(f: Fragment, leaders: list[Fragment], fields: Sequence[BBox]) -> bool:
    """Leader dots run from the piece to a field on its line ("Wages . . . . 1 [  ]"): the
    line's label, however far from its box."""
    def on_line(box: Fragment | BBox) -> bool:
        return min(f.y1, box.y1) - max(f.y0, box.y0) > 0.5 * min(f.y1 - f.y0, box.y1 - box.y0)

    return any(dots.x0 >= f.x1 - 1 and on_line(dots) for dots in leaders) and any(
        box.x0 >= f.x1 - 1 and on_line(box) for box in fields
    )


#: What a run of leader dots is drawn with.
LEADER_DOTS = " .…·_"


def _names_field(f: Fragment, fields: Sequence[BBox]) -> bool:
    reach = 2 * max(f.height, 1.0)
    for box in fields:
        across = min(f.x1, box.x1) - max(f.x0, box.x0) > 0
        on_row = min(f.y1, box.y1) - max(f.y0, box.y0) > 0.5 * min(f.height, box.height)
        if on_row and (across or -reach < box.x0 - f.x1 < reach or -reach < f.x0 - box.x1 < reach):
            return True
        if across and 0 <= f.y0 - box.y1 < reach:
            return True  # the label at the top of the box, the field under it
    return False


#: What opens a table's caption ("Table 3:", "Tableau II", "Tabelle 4", "表 1"): the caption
#: words of :data:`.figures.CAPTION` that name a table, and a number.
TABLE_CAPTION = re.compile(
    r"^(?:table|tab\.|tableau|tabelle|tabla|tabella|tabel|表|표)"
    r"\s*(?:\d|(?-i:[IVX]+)\b|(?-i:[A-Z])[-.]?\d)",
    re.IGNORECASE,
)


def table_caption(
    table: Block, texts: Sequence[Sequence[TextLine]], page_height: float,
    join: Callable[[Sequence[str]], str] = " ".join, others: Sequence[Block] = (),
) -> str | None:
    """The caption of the table: text across it opening like a table's caption ("Table 3:
    …"), read from that line to the end of its block; the nearest above it (where tables are
    captioned), else the nearest below, within a tenth of the page (as a figure's, see
    :func:`.figures.caption_of`, its lines read as one by ``join``). A caption above it set
    nearer under another of the page's tables (``others``) is that table's: tables stacked
    in a column, each captioned under it, have the caption of the one above between them."""
    best: dict[bool, tuple[float, str]] = {}
    for block in texts:
        for k, line in enumerate(block):
            if not TABLE_CAPTION.match(line.text) or line.x1 <= table.x0 or line.x0 >= table.x1:
                continue
            above = (line.y0 + line.y1) / 2 > (table.y0 + table.y1) / 2
            gap = line.y0 - table.y1 if above else table.y0 - line.y1
            if above and _nearer_under_another(line, gap, table, others, texts, page_height):
                break
            if -(line.y1 - line.y0) <= gap < CAPTION_GAP * page_height and (
                above not in best or gap < best[above][0]
            ):
                best[above] = (gap, join([other.text for other in block[k:]]))
            break
    found = best.get(True) or best.get(False)
    return found[1] if found else None


def _nearer_under_another(
    line: TextLine, gap: float, table: Block, others: Sequence[Block],
    texts: Sequence[Sequence[TextLine]], page_height: float,
) -> bool:
    """Whether the caption ``line``, ``gap`` over ``table``, stands under another of
    ``others`` across it, nearer to that one's bottom than to ``table``'s top, and that one
    has no caption over it (its tables are captioned under them)."""
    return any(
        other is not table and other.x0 < line.x1 and line.x0 < other.x1
        and 0 <= other.y0 - line.y1 < gap
        and not _caption_over(other, texts, page_height)
        for other in others
    )


def _caption_over(table: Block, texts: Sequence[Sequence[TextLine]], page_height: float) -> bool:
    """Whether a line opening like a table's caption stands over ``table``, across it,
    within a tenth of the page."""
    return any(
        TABLE_CAPTION.match(line.text) and line.x0 < table.x1 and table.x0 < line.x1
        and 0 <= line.y0 - table.y1 < CAPTION_GAP * page_height
        for block in texts for line in block
    )
