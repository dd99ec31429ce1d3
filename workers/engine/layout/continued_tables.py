"""A table continued past a page break: one table, without what the break made it repeat.

A table cut by a page break is often set on the next page under its title again, marked as
going on ("ESTIMATED COSTS—Continued", "Table 3 (continued)"), and over its header row again.
Both repeat what the reader has already heard: they are pagination, like a running header,
not rows of data. The repeated title (a row of its own at the top of the continuation, or a
line set over it) and the repeated header rows are kept as pagination artifacts, so the
tagged PDF still marks what draws them; the header row they repeat is the table's header.
A table's last rows may fill only some of its columns (a section under a head of its own),
and go on over the page drawn with those columns alone: their rows are laid out under them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Artifact, BBox, Block, Cell, Heading, Paragraph, Prov, Row, Table
from .blocks import join_lines
from .patterns import title_key

#: A title saying the table goes on from the page before: "—Continued", "(continued)",
#: "cont'd", at its end ("ESTIMATED COSTS—Continued", "Table 3 (continued)"), or opening it
#: ("Continued: Table 3", "续表 3"); in the languages the corpus has.
CONTINUED = re.compile(
    # (Set off by a dash, a bracket or a stop: "the work will be continued" is a sentence.)
    r"[-–—(\[.,:;]\s*"
    r"(?:continued|cont(?:['’]d|\.)|suite|fortsetzung|forts\.|continuaci[oó]n|continua(?:ção|cao)"
    r"|continua(?:zione)?|vervolg|續|续)\s*[)\]]?\s*\.?\s*$"
    r"|^[(\[]?\s*(?:continued|续表|續表|suite du tableau|fortsetzung)\b",
    re.IGNORECASE,
)

#: A line saying the text or the table goes on over the page: "(continued on next page)",
#: "Continued overleaf", "(continued)", "— suite au verso —"; the whole line, no more than
#: that (not "continued safe flight", nor "Continued from page 3", which opens a part).
GOES_ON = re.compile(
    r"^[\s(\[\-–—*]*"
    r"(?:continued|cont(?:['’]d|\.)|suite|fortsetzung|continúa|continua|segue)"
    r"(?:\s+(?:on|over|to|in|au|à|auf|en|na|alla|sur|a)\b)?"
    r"(?:\s+(?:the|la|der|le|a)\b)?"
    r"(?:\s+(?:next|following|reverse|back|overleaf|page|pages|verso|p\.|nächsten|siguiente"
    r"|seguinte|successiva|suivante|pagina|página|seite)\b\.?(?:\s*\d+)?){0,2}"
    r"[\s)\]\-–—*.…:→►▶»>]*$",
    re.IGNORECASE,
)

#: How far over its table a title is set, in its own lines.
_TITLE_LINES = 3

#: A continued title is a title: a few words, not a sentence that happens to end so.
_TITLE_WORDS = 12

#: A continuation repeating this many of the first column's texts, this share of its own,
#: goes on with the columns (see :func:`repeats_stub`).
_STUB_REPEATS = 3
_STUB_SHARE = 0.8

#: Header rows a continuation may repeat (a head set on two or three lines of rows).
_HEAD_ROWS = 3


def continued_title(text: str) -> bool:
    """The text is a table's title said again where the table goes on ("…—Continued")."""
    return len(text.split()) <= _TITLE_WORDS and CONTINUED.search(text.strip()) is not None


def goes_on_note(text: str) -> bool:
    """The text only says that what it ends goes on over the page ("(continued on next
    page)"): set at a part's foot, it is pagination, like a "—Continued" title over the
    rest (see :data:`GOES_ON`)."""
    return GOES_ON.match(text.strip()) is not None


def goes_on_rows_apart(table: Table) -> list[Artifact]:
    """The table's last rows, each a single cell saying the table goes on over the page,
    taken out of it: pagination artifacts (with what draws them), not rows of data."""
    out: list[Artifact] = []
    while len(table.rows) > 1:
        filled = [c for c in table.rows[-1].cells if c.text.strip()]
        if len(filled) != 1 or not goes_on_note(filled[0].text):
            break
        out.insert(0, _artifact(table.rows.pop()))
    return out


def title_over(block: Block, table: Table) -> bool:
    """``block`` is a continued title set over the ``table`` on its page (the line read
    right before it)."""
    if not isinstance(block, Paragraph | Heading) or len(block.prov) != 1 or not table.prov:
        return False
    title, top = block.prov[0], table.prov[0]
    return (
        title.page == top.page
        and title.bbox.y0 >= (top.bbox.y0 + top.bbox.y1) / 2  # (y grows up the page)
        and continued_title(block.text)
    )


def continue_table(
    previous: Table, table: Table, cut_head: bool = False, rest_head: bool = False
) -> list[Artifact]:
    """Append ``table``'s rows to ``previous``, the table it continues, less the title and
    header rows it repeats; those are returned as artifacts (with what draws them). A first
    row the break cut (by its text, see :func:`cut_row`; or by its drawing, ``cut_head``,
    see :func:`rest_of_row`; or in a head's face, ``rest_head``, see
    :func:`rest_in_head_face`) goes on in the last row of ``previous``."""
    rows = table.rows
    if rest_head:
        # (Set in the face of the row it goes on with: its cells are no header's.)
        for cell in rows[0].cells:
            cell.header, cell.scope = False, None
        _join_cut(previous.rows[-1], rows[0])
        rows = rows[1:]
    title_rows = 0
    while title_rows < len(rows) and _title_row(rows[title_rows]):
        title_rows += 1
    head = _repeated_head(previous.rows, rows[title_rows:])
    for row in previous.rows[:head]:
        # Said again over the rows on the next page: the table's header, whatever its face.
        for cell in row.cells:
            if not cell.header and cell.text:
                cell.header, cell.scope = True, "column"
    dropped = title_rows + head
    rest = rows[dropped:]
    if not dropped and rest and rows is table.rows and head_like_its_rows(previous, table):
        # (A row in the face of the rows it goes on with, a bold question: no head there.)
        for cell in rest[0].cells:
            cell.header, cell.scope = False, None
    if not head and rest and previous.rows and (
        cut_row(previous.rows[-1], rest[0])
        or cut_head and not title_rows and rest_of_row(previous.rows[-1], rest[0])
    ):
        _join_cut(previous.rows[-1], rest[0])
        rest = rest[1:]
    previous.rows.extend(rest)
    previous.prov.extend(table.prov)
    return [_artifact(row) for row in rows[:dropped]]


#: How a cell's text may end where the break cuts it mid-sentence: a word broken at its
#: hyphen, or a clause left open.
_OPEN_END = ("-", "\u2010", ",", ";", "(", "/")


def cut_row(last: Row, first: Row) -> bool:
    """``first``, the first row past a page break, is the rest of ``last``, the row the break
    cut: its cells line up with those of ``last``; it fills only cells ``last`` fills, and
    leaves empty some that ``last`` fills (the short cells, said whole before the break);
    and the text of each cell it fills goes on with the text over it (it opens with a small
    letter, or that text ends open, "panel and," "-"). A row of a group under a stub
    said once ("", "Lyon", "500") opens its cells anew: it stays a row."""
    pairs = _texts_over_page_break(last, first)
    if pairs is None:
        return False
    filled = [(a, b) for a, b in pairs if b]
    return (
        bool(filled)
        and any(a and not b for a, b in pairs)
        and all(a and (b[0].islower() or a.endswith(_OPEN_END)) for a, b in filled)
    )


def _texts_over_page_break(last: Row, first: Row) -> list[tuple[str, str]] | None:
    """The texts of the cells of ``last`` and ``first`` side by side, when ``first`` may be
    the rest of ``last``: their cells line up one for one (same spans, none over two rows,
    ``first``'s no header) and a page break lies between them (a row cut by a column break
    is left in two); None otherwise."""
    if len(last.cells) != len(first.cells) or any(
        a.col_span != b.col_span or a.row_span > 1 or b.row_span > 1 or b.header
        for a, b in zip(last.cells, first.cells, strict=True)
    ):
        return None
    before = [p.page for c in last.cells for p in c.prov]
    after = [p.page for c in first.cells for p in c.prov]
    if not before or not after or max(before) >= min(after):
        return None
    return [(a.text.strip(), b.text.strip()) for a, b in zip(last.cells, first.cells, strict=True)]


def rest_of_row(last: Row, first: Row) -> bool:
    """``first``, drawn as the rest of a row a break cut (no rule over it, the rules down
    running up to the break), can be the rest of ``last``: its cells line up with those of
    ``last``, one for one, and it fills some of them only, each one ``last`` fills (a long
    answer going on past the break, the short question number beside it said whole). A
    row of a grid drawn with no rules across fills all its cells: it stays a row. (Cut by a
    page break, as :func:`cut_row` asks: a row cut by a column break is left in two.)"""
    pairs = _texts_over_page_break(last, first)
    return pairs is not None and (
        any(b for _, b in pairs) and any(not b for _, b in pairs)
        and all(a for a, b in pairs if b)
    )


def rest_in_head_face(previous: Table, table: Table) -> bool:
    """``table``'s first row, set in the face of a header row, is the rest of the last row
    of ``previous`` a break cut (a bold question going on over the page), not a new
    table's head: it fills only cells that last row fills and leaves one it fills empty
    (the question's number, said whole before the break), and the head of ``previous``
    fills other columns than it does (a table of the same kind, set anew, is headed over
    the same columns), or the row opens with a small letter (the rest of a sentence, which
    no head opens with: see :func:`goes_on_mid_cell`)."""
    if not previous.rows or not table.rows:
        return False
    last, first, head = previous.rows[-1].cells, table.rows[0].cells, previous.rows[0].cells
    if len(last) != len(first) or any(
        a.col_span != b.col_span or a.row_span > 1 or b.row_span > 1
        for a, b in zip(last, first, strict=True)
    ) or not any(c.header for c in first) or any(c.header for c in last):
        return False
    pairs = [(a.text.strip(), b.text.strip()) for a, b in zip(last, first, strict=True)]
    if not (any(b for _, b in pairs) and any(a and not b for a, b in pairs)
            and all(a for a, b in pairs if b)):
        return False
    return _filled_columns(head) != _filled_columns(first) or goes_on_mid_cell(table)


def _filled_columns(cells: Sequence[Cell]) -> set[int]:
    """The columns the row's cells with text take (a cell spanning some, each of them)."""
    out: set[int] = set()
    at = 0
    for cell in cells:
        if cell.text.strip():
            out.update(range(at, at + max(cell.col_span, 1)))
        at += max(cell.col_span, 1)
    return out


def _join_cut(last: Row, first: Row) -> None:
    """The cells of ``first`` (the rest of the row ``last``, cut by a page break) joined to
    those over them: one row, each cell's text read on over the break."""
    for cell, rest in zip(last.cells, first.cells, strict=True):
        if rest.text.strip():
            cell.text = join_lines([cell.text, rest.text], None)
            cell.prov.extend(rest.prov)


def columns_under(previous: Table, table: Table) -> list[int] | None:
    """The column of ``previous`` each column of ``table`` stands under, when ``table``
    has fewer columns and they line up one for one with those the last row of ``previous``
    fills (the rows under a group's head using some columns of a wider table, going on over
    the page where only those columns are drawn): for each of its columns, left to right,
    where its full rows' cells stand over the width of one of those cells and of no other.
    None when they do not."""
    if not previous.rows or any(c.row_span > 1 for row in table.rows for c in row.cells):
        return None
    last = previous.rows[-1].cells
    if sum(c.col_span for c in last) < _width(previous):
        return None  # (a cell spanning down into it: its places are not its cells')
    filled, at = [], 0
    for cell in last:
        if cell.text.strip() and cell.prov and cell.col_span == 1:
            filled.append((at, cell.prov[0].bbox.x0, cell.prov[0].bbox.x1))
        at += cell.col_span
    full = [
        row for row in table.rows
        if all(c.col_span == 1 and c.text.strip() and c.prov for c in row.cells)
    ]
    width = _width(table)
    if not full or len(filled) != width or width >= _width(previous):
        return None
    out = []
    for k in range(width):
        x0 = min(row.cells[k].prov[0].bbox.x0 for row in full if len(row.cells) == width)
        x1 = max(row.cells[k].prov[0].bbox.x1 for row in full if len(row.cells) == width)
        over = [at for at, left, right in filled if min(x1, right) > max(x0, left)]
        if over != [filled[k][0]]:
            return None
        out.append(over[0])
    return out


#: How far (points) the edges of a table's two pieces, one column apart, may stand from where
#: the same place of the other column puts them (rounding, a rule's width).
_COLUMN_SLACK = 3.0


def goes_on_in_next_column(previous: Table, table: Table, body: Sequence[BBox]) -> bool:
    """``table`` is the rest of ``previous``, cut by a column break (two-column pages): on
    the same page, in a column right of it, its columns where those of ``previous`` stand
    moved over by one column's pitch (the same pitch for every column both fill, and the
    piece inside the next column), ``previous`` reaching the foot of its column
    and ``table`` starting at the top of its own: none of the page's ``body`` (its content's
    boxes, not its running heads) under the one or over the other. (Read right after it:
    no heading or caption between.)"""
    if not previous.prov or not table.prov or _width(previous) != _width(table):
        return False
    first, second = previous.prov[-1], table.prov[0]
    if first.page != second.page:
        return False
    a, b = first.bbox, second.bbox
    shifts = [(_column_shift(previous, table), a)]
    here, there = _column_lefts(previous, first), _column_lefts(table, second)
    if _rows_in(previous, first) == 1 and here.keys() < there.keys():
        # (A cut row's rest, some of its cells only, their text perhaps set in (a listing's
        # lines): its cells' right edges stand where the next piece's, moved over, stand;
        # its box widened to the grid's columns, as the next piece's columns put them.)
        shift = _shift_between(_column_rights(previous, first), _column_rights(table, second))
        if shift is not None:
            shifts.append(
                (shift, BBox(min(a.x0, b.x0 - shift), a.y0, max(a.x1, b.x1 - shift), a.y1))
            )
    return any(
        shift is not None and _next_column_piece(a, b, shift, body) for shift, a in shifts
    )


def _next_column_piece(a: BBox, b: BBox, shift: float, body: Sequence[BBox]) -> bool:
    """``b`` is the piece of a table the column break cut going on from ``a``, its columns
    ``shift`` right of those of ``a`` (see :func:`goes_on_in_next_column`)."""
    if a.x0 + shift < a.x1 - _COLUMN_SLACK:
        return False  # (not moved over a whole column: the next column starts past it)
    if b.x0 < a.x0 + shift - _COLUMN_SLACK or b.x1 > a.x0 + 2 * shift:
        return False  # (out of the next column, left of it or into the one after)
    # (Nothing under the first piece: it ends its column; nothing over the second, in the
    # next column: it opens it.)
    return not any(
        _under(box, a.x0, a.x1, a.y0) or _over(box, a.x0 + shift, a.x1 + shift, b.y1)
        for box in body
    )


def goes_on_over_the_page(
    previous: Table, table: Table, ending: Sequence[BBox], opening: Sequence[BBox]
) -> bool:
    """``table`` is the rest of ``previous``, cut where a page set in columns ends: on the
    next page, in a column left of it (its first), its columns where those of ``previous``
    stand moved back by the same distance for every column both fill, ``previous`` closing
    its page's last column and ``table`` opening the next page's first: of ``ending`` (the
    first page's content boxes, not its running heads) none under the one nor right of it,
    of ``opening`` (the next page's) none over the other nor left of it. (Read right after
    it: no heading or caption between.)"""
    if not previous.prov or not table.prov:
        return False
    first, second = previous.prov[-1], table.prov[0]
    if second.page != first.page + 1:
        return False
    # (The pieces either side of the break: the table may have filled more columns before.)
    here, there = _column_lefts(previous, first), _column_lefts(table, second)
    if not (
        _same_columns_filled(here, there, _rows_in(previous, first), _rows_in(table, second))
        or _answers_column(here, there, _column_lefts(previous))
    ) or _width(previous) != _width(table) and not _filled_alike(previous, table):
        return False  # (other columns: not the same grid; as many, or the same ones filled)
    a, b = first.bbox, second.bbox
    shift = _shift_between(here, there)
    if shift is None:
        return False
    cut_row = here.keys() != there.keys()
    if cut_row:
        # (A piece of one row filling some columns has the box of their text alone: each
        # piece stands where the other's columns, moved, stand too.)
        a, b = (
            BBox(min(a.x0, b.x0 - shift), a.y0, max(a.x1, b.x1 - shift), a.y1),
            BBox(min(b.x0, a.x0 + shift), b.y0, max(b.x1, a.x1 + shift), b.y1),
        )
    if a.x1 + shift > a.x0 + _COLUMN_SLACK:
        return False  # (not moved back a whole column: the piece would overlap the first)
    if b.x0 < a.x0 + shift - _COLUMN_SLACK or b.x1 > a.x0 + _COLUMN_SLACK:
        return False  # (not in the column the columns moved to)
    # (Both pieces reach the page's text edge, at its foot and at its head, as far as a row
    # that would not fit leaves: not a table ending mid-column before a forced break.)
    pitch = _row_pitch(previous, first) + _COLUMN_SLACK
    if ending and a.y0 > min(box.y0 for box in ending) + pitch:
        return False
    if opening and b.y1 < max(box.y1 for box in opening) - pitch:
        return False
    # (Nothing under the first piece nor right of it: it ends its page's last column;
    # nothing over the second nor left of it: it opens the next page's first.)
    # (Past a cut row's piece, the text of its column goes on under it or over it, its
    # box no wider than the grid's: in its column, not in one beside.)
    return not any(
        _under(box, a.x0, a.x1, a.y0) or box.x0 >= a.x1 - _COLUMN_SLACK
        and not (cut_row and box.y0 >= a.y1 - _COLUMN_SLACK)
        for box in ending
    ) and not any(
        _over(box, b.x0, b.x1, b.y1) or box.x1 <= b.x0 + _COLUMN_SLACK
        and not (cut_row and box.y1 <= b.y0 + _COLUMN_SLACK)
        for box in opening
    )


def _same_columns_filled(
    here: dict[int, float], there: dict[int, float], rows_here: int, rows_there: int
) -> bool:
    """The pieces either side of a break fill the same columns (``here``, ``there``: their
    columns' left edges), or one of them is a single row whose columns are some of the
    other's: a row the break cut, its short cells said whole on one side (a question's
    number beside it, then its long answer going on alone over the page)."""
    if here.keys() == there.keys():
        return True
    if rows_here == 1 and here and here.keys() < there.keys():
        return True
    return rows_there == 1 and bool(there) and there.keys() < here.keys()


def _answers_column(
    here: dict[int, float], there: dict[int, float], before: dict[int, float]
) -> bool:
    """The piece before the break (its columns' left edges ``here``) fills some of the
    columns the piece after it fills (``there``), in rows of its own, and the table had
    filled all of those before it (``before``): the long answers of a table of questions,
    filling their column alone from one break to the next."""
    return bool(here) and here.keys() < there.keys() and there.keys() <= before.keys()


def _rows_in(table: Table, piece: Prov) -> int:
    """The rows of the table with a cell drawn in that piece of it."""
    return sum(
        1 for row in table.rows if any(_inside(p, piece) for c in row.cells for p in c.prov)
    )


def _under(box: BBox, x0: float, x1: float, bottom: float) -> bool:
    """``box`` stands across ``x0``–``x1`` below ``bottom`` (under a table's piece)."""
    return min(box.x1, x1) > max(box.x0, x0) and box.y1 <= bottom + _COLUMN_SLACK


def _over(box: BBox, x0: float, x1: float, top: float) -> bool:
    """``box`` stands across ``x0``–``x1`` above ``top`` (over a table's piece)."""
    return min(box.x1, x1) > max(box.x0, x0) and box.y0 >= top - _COLUMN_SLACK


def goes_on_mid_cell(table: Table) -> bool:
    """The table's first row goes on with a sentence the break cut: its first filled cell
    opens with a small letter ("returned 1 exit status"), which no header cell does. (Set in
    the face of the cell it goes on with, a bold question, it looks like a header row.)"""
    if not table.rows:
        return False
    filled = [c.text.strip() for c in table.rows[0].cells if c.text.strip()]
    return bool(filled) and filled[0][0].islower()


def _column_shift(previous: Table, table: Table) -> float | None:
    """How far right of ``previous``'s columns ``table``'s stand: the same distance for the
    left edge of every column both fill (one at least), or None. (Those of the pieces either
    side of the break: a row the break cut has a cell in each.)"""
    return _shift_between(
        _column_lefts(previous, previous.prov[-1]), _column_lefts(table, table.prov[0])
    )


def _filled_alike(previous: Table, table: Table) -> bool:
    """The two tables fill the same columns, whatever empty ones either draws past them
    (a grid's last column left empty in one piece, not drawn in the other)."""
    return _column_lefts(previous).keys() == _column_lefts(table).keys()


def _shift_between(here: dict[int, float], there: dict[int, float]) -> float | None:
    """How far right of the column edges ``here`` those ``there`` stand: the same distance
    for every column both give (one at least), or None."""
    shifts = [there[k] - here[k] for k in here.keys() & there.keys()]
    if not shifts or max(shifts) - min(shifts) > _COLUMN_SLACK:
        return None
    return min(shifts)


def _column_lefts(table: Table, piece: Prov | None = None) -> dict[int, float]:
    """The left edge of each column of the table some cell of one column fills: its
    leftmost such cell's (of those in ``piece``, one of its pieces, if given)."""
    out: dict[int, float] = {}
    for row in table.rows:
        if _title_across(row):
            continue  # (set across the columns, wherever its cell was read: no column's edge)
        at = 0
        for cell in row.cells:
            # (A cell a break cut has a part in each piece: the one in ``piece`` counts.)
            parts = [p for p in cell.prov if piece is None or _inside(p, piece)][:1]
            if cell.col_span == 1 and parts and cell.text.strip():
                x0 = parts[0].bbox.x0
                out[at] = min(out.get(at, x0), x0)
            at += cell.col_span
    return out


def _column_rights(table: Table, piece: Prov) -> dict[int, float]:
    """The right edge of each column of the table some cell of one column fills in
    ``piece``: its widest such cell's (long text set justified or ragged reaches it)."""
    out: dict[int, float] = {}
    for row in table.rows:
        at = 0
        for cell in row.cells:
            parts = [p for p in cell.prov if _inside(p, piece)][:1]
            if cell.col_span == 1 and parts and cell.text.strip():
                x1 = parts[0].bbox.x1
                out[at] = max(out.get(at, x1), x1)
            at += cell.col_span
    return out


def head_like_its_rows(previous: Table, table: Table) -> bool:
    """``table``'s first row, read as a head, fills the columns a row of ``previous`` past
    its head fills (a question's number and the question, in bold), and not those the head
    of ``previous`` fills: a row of the same table in its rows' face, not a new table's
    head (a table of the same kind set anew is headed as ``previous`` is)."""
    if len(previous.rows) < 2 or not table.rows:
        return False
    first = _filled_columns(table.rows[0].cells)
    return bool(first) and first != _filled_columns(previous.rows[0].cells) and any(
        _filled_columns(row.cells) == first for row in previous.rows[1:]
    )


def _title_across(row: Row) -> bool:
    """The row is a head of one cell among empty ones: a title set across the table (its
    cell read in one column though it spans them all)."""
    filled = [c for c in row.cells if c.text.strip()]
    return len(row.cells) > 1 and len(filled) == 1 and filled[0].header


def _row_pitch(table: Table, piece: Prov) -> float:
    """How far apart the tops of the piece's rows stand, at most (its height if it has
    one row): the room a row left over for the next column takes."""
    tops = [
        max(p.bbox.y1 for c in row.cells for p in c.prov if _inside(p, piece))
        for row in table.rows
        if any(_inside(p, piece) for c in row.cells for p in c.prov)
    ]
    steps = [abs(up - down) for up, down in zip(tops, tops[1:], strict=False)]
    return max(steps, default=piece.bbox.y1 - piece.bbox.y0)


def _inside(cell: Prov, piece: Prov) -> bool:
    """The cell is drawn in that piece of its table (its page, within its box)."""
    a, b = cell.bbox, piece.bbox
    return (
        cell.page == piece.page
        and a.x0 >= b.x0 - _COLUMN_SLACK and a.x1 <= b.x1 + _COLUMN_SLACK
        and a.y0 >= b.y0 - _COLUMN_SLACK and a.y1 <= b.y1 + _COLUMN_SLACK
    )


def spread_over(table: Table, columns: Sequence[int]) -> None:
    """Each row of ``table`` laid out (in place) at the ``columns`` of the wider table it
    goes on with (see :func:`columns_under`): its cells there, empty cells between them."""
    for row in table.rows:
        cells: list[Cell] = []
        at = 0
        for cell in row.cells:
            first, last = columns[at], columns[at + cell.col_span - 1]
            at += cell.col_span
            cells.extend(Cell("") for _ in range(first - sum(c.col_span for c in cells)))
            cell.col_span = last - first + 1
            cells.append(cell)
        row.cells = cells


def _width(table: Table) -> int:
    """The columns of the table: those its widest row takes, its cells' spans counted."""
    return max((sum(c.col_span for c in row.cells) for row in table.rows), default=0)


def title_said_again(title: Block | None, table: Table) -> str | None:
    """The continued title over ``table`` (the block ``title`` set over it, or else its own
    first row), if it has one."""
    if isinstance(title, Paragraph | Heading):
        return title.text
    if starts_continued(table):
        return next(c.text for c in table.rows[0].cells if c.text.strip())
    return None


def caption_first_title(blocks: list[Block], previous: Table, said_again: str) -> None:
    """Where the table's continuation says its title again ("ESTIMATED COSTS—Continued"), the
    paragraph saying it right over the table where it starts ("ESTIMATED COSTS") is its
    caption: read right before the table (see :mod:`..captions`), not wherever the page's
    text put it (a title centred on the page falls inside a column of text above)."""
    key = title_key(_stem(said_again))
    if previous.caption or not key or not previous.prov:
        return
    at = next((k for k, b in enumerate(blocks) if b is previous), None)
    if at is None:
        return
    start = previous.prov[0]
    for k in range(at - 1, -1, -1):
        block = blocks[k]
        if isinstance(block, Paragraph) and len(block.prov) == 1 and _right_over(
            block.prov[0], start
        ) and title_key(block.text) == key:
            blocks.insert(at - 1, blocks.pop(k))
            previous.caption = block.text
            return
        if all(p.page < start.page for p in getattr(block, "prov", [])):
            return  # (the page before: no title of this table)


def _right_over(title: Prov, table: Prov) -> bool:
    """``title`` is set over ``table``'s top, within its width, no more than a few of its
    own lines above it (y grows up the page)."""
    height = title.bbox.y1 - title.bbox.y0
    return (
        title.page == table.page
        and 0 <= title.bbox.y0 - table.bbox.y1 + 1 <= _TITLE_LINES * height
        and table.bbox.x0 <= title.bbox.x0 and title.bbox.x1 <= table.bbox.x1
    )


def _stem(text: str) -> str:
    """The title without what says it is continued ("ESTIMATED COSTS")."""
    return CONTINUED.sub("", text.strip()).strip(" -–—:;,.([")


def repeats_stub(previous: Table, table: Table) -> bool:
    """``table`` repeats the first column of ``previous`` row for row (the years, the names):
    the columns that did not fit the page go on there, over the same rows, not more rows."""
    known = {row.cells[0].text for row in previous.rows if row.cells and row.cells[0].text.strip()}
    stub = [row.cells[0].text for row in table.rows if row.cells and row.cells[0].text.strip()]
    repeated = [text for text in stub if text in known]
    return len(set(repeated)) >= _STUB_REPEATS and len(repeated) >= _STUB_SHARE * len(stub)


def starts_continued(table: Table) -> bool:
    """The table's first row is a title saying it goes on ("ESTIMATED COSTS—Continued")."""
    return bool(table.rows) and _title_row(table.rows[0])


def title_artifact(block: Paragraph | Heading) -> Artifact:
    return Artifact("pagination", block.text, list(block.prov))


def _title_row(row: Row) -> bool:
    filled = [c for c in row.cells if c.text.strip()]
    return len(filled) == 1 and continued_title(filled[0].text)


def _repeated_head(head: Sequence[Row], rows: Sequence[Row]) -> int:
    """How many of ``rows`` (the first, at most :data:`_HEAD_ROWS`) repeat the first rows of
    ``head``, word for word."""
    count = 0
    while (
        count < min(_HEAD_ROWS, len(head), len(rows))
        and _words(head[count]) == _words(rows[count])
        and any(c.text.strip() for c in rows[count].cells)
    ):
        count += 1
    return count


def _words(row: Row) -> list[list[str]]:
    return [c.text.split() for c in row.cells]


def _artifact(row: Row) -> Artifact:
    prov: list[Prov] = [p for c in row.cells for p in c.prov]
    return Artifact("pagination", " ".join(c.text for c in row.cells if c.text), prov)
