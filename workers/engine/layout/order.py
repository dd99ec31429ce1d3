"""Reading order of a page's blocks: regions at column gutters, then recursive XY-cut.

A region is split at the widest empty horizontal or vertical band; a vertical split (columns)
wins unless the blocks either side sit on the same rows (a form or table, read row by row) —
but not units repeated across (authors' names over their affiliations), which are columns.
Text running up a side margin is read after the page; an unnumbered notes box under a rule at
the foot of a column (a paper's permission notice) is read after the page's text.
A gutter the column search found between set text is read as columns even where paragraphs
either side start on the same rows; a single row of short options beside a form's row is part
of it; a line across the gutter at the top or foot (a poster's footer) is read apart from the
columns; boxed panels (tips, sidebars) are read after the running text they interrupt.
The page is never cut across between two lines closer than their own leading (the lines of a
poster's heading in large type stay together). Margin notes (in a smaller type, or a few in
the body's type beside one or more columns) are read after the paragraph of the nearer
column they stand beside; a picture with its caption beside a wider column of text is read after
it. A picture begun above a heading set beside it is read, with its caption, before that
heading. A program listing beside prose is a column, not a table's column; a title centred over
columns is read before them. A gutter that a few lines in a larger face reach into (a script
heading's swash capital at the head of the right column, over the left column's extent) is
still found where the body text on both sides keeps it clear; each such line is read with
the column it stands in. Two columns of justified text on one grid of baselines are columns,
not a table's rows, even where one column's stretched word spaces broke its lines into
pieces: a side is measured with its lines' words joined again (but only across spaces
narrower than the gutter, which is wider than any word space beside it).
A margin note standing level with a column's title or above it (a form's office-use stamp
box beside its logo) is read after that title, set larger than the notes and the column's
text, which opens the text; so are small lines in a top corner of the page, above the title
and beside it (a form's control number over its frame).
A heading set across two columns (CSS ``column-span``) cuts them into bands, each band's
columns read in turn (see :mod:`.spanning`); a line or two of the left column reaching into
the gutter (a word too long to break) do not hide the gutter the other lines keep clear.
A row of pictures set on the text (their tops reaching into the line above) is read from left
to right, each with its caption, whichever stands a little higher.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import operator
import re
import statistics
from collections.abc import Callable, Iterable, Sequence
from types import ModuleType
from typing import Protocol, TypeVar

from ..document import BBox
from .blocks import (
    MAX_SHAPES,
    Block,
    Boxed,
    area_share,
    boxes_overlap,
    same_line,
)
from .contents import ends_with_page_number
from .figures import RULE_WIDTH, caption_text
from .glyphs import PageContent
from .lines import FRAGMENT_GAP, Fragment, quick_median, word_count
from .margin_anchors import (
    GLOSSARY_TERM_WORDS,
    caption_label,
    is_term,
    reference_user,
    term_user,
)
from .numbered_columns import numbering_runs_on, numbers_alone
from .patterns import is_marker
from .spanning import spanning_cuts
from .tables import is_listing, level_rows, rows_align, set_in_fixed_pitch
from .walls import boxes_in_rows, rule_pieces

_gap_accelerator: ModuleType | None
try:
    # The column search's widest gap across x in C, built by `pip install` where a C
    # compiler exists.
    from . import _column_gap as _gap_accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _gap_accelerator = None

#: Footnotes live in this share of the page, from its foot.
FOOT_BAND = 0.4


def footnotes_last(blocks: list[Block], content: PageContent) -> list[Block]:
    """Notes at the foot of a column that belong to the whole page (a paper's copyright and
    permission box) read after the page's text, not in the middle of it (before the next
    column). Such an area: in the lower part of the page, below a rule and starting where
    it starts, less text than the column above the rule, in a smaller face, unnumbered,
    running text."""
    notes: list[Block] = []
    foot = content.y0 + FOOT_BAND * content.height
    for r in content.rules[:MAX_SHAPES]:
        if r.y1 - r.y0 > 2.5 or not 10 < r.x1 - r.x0 < 0.6 * content.width or r.y1 > foot:
            continue  # (a rule across the page sets no column's notes apart)
        if not any(
            b.x0 >= r.x1 and b.y0 < r.y0 and b.y1 > r.y1 and b.kind == "text" for b in blocks
        ):
            # No next column running on past the rule beside the notes (a table's cells end
            # at its rules): nothing is read after them that they should follow.
            continue
        # The rule starts where the notes do, at the column's left edge; it may be shorter
        # than the column (a separator a third as wide).
        under = [b for b in blocks if b.y1 <= r.y0 + 1]
        starts = [b for b in under if abs(b.x0 - r.x0) <= max(3.0, b.size)]
        if not starts:
            continue
        # (A note's lines past its number start a little in: they belong to the notes.)
        right = max(b.x1 for b in starts)
        below = [b for b in under if r.x0 - max(3.0, b.size) <= b.x0 < right]
        above = [
            b for b in blocks
            if b.y0 >= r.y1 - 1 and b.kind == "text" and b.x0 < r.x1 and r.x0 < b.x1
        ]
        if not below or not above or any(b.kind != "text" or b.y1 > foot for b in below):
            continue
        if any(b.text[:1].isdigit() or b.text[:1] in "*†‡§¶" for b in below):
            # Numbered notes belong with their references, most often in the column they
            # end: they stay where the column puts them.
            continue
        if sum(len(b.text) for b in below) >= sum(len(b.text) for b in above):
            continue
        lines_below = [f for b in below for f in b.frags]
        if sum(f.words for f in lines_below) < 5 * len(lines_below):
            continue  # short pieces (a footer's page number, a form's options): no notes
        column_size = statistics.median(b.size for b in above)
        if all(b.size < 0.9 * column_size for b in below):
            notes.extend(b for b in below if b not in notes)
    if not notes or len(notes) == len(blocks):
        return blocks
    return [b for b in blocks if b not in notes] + [b for b in blocks if b in notes]


#: A boxed panel holds at least this many words (less is a label or a heading's band).
PANEL_MIN_WORDS = 15
#: A box covering more than this share of the page frames the page, not a panel.
PANEL_MAX_AREA = 0.5


#: A panel's title band (a shaded strip with its title, set on the panel's top edge) is
#: this many of the page's lines high at most.
TITLE_BAND_LINES = 3.0


def _with_title_bands(frame: BBox, shapes: Sequence[Boxed], size: float) -> BBox:
    """``frame`` (a panel's) grown by the title bands set on it: shapes no higher than
    :data:`TITLE_BAND_LINES` lines of ``size``, within its width, standing over its top
    edge no further than a line (display space: y up). "CONCEPT CHECK 5.2" on a strip over
    the shaded box of its questions heads the panel: part of the float."""
    top = frame.y1
    for shape in shapes:
        if (shape.y0 >= frame.y1 - 1 and shape.y0 - frame.y1 <= size
                and shape.y1 - shape.y0 <= TITLE_BAND_LINES * size
                and shape.x0 >= frame.x0 - 2 and shape.x1 <= frame.x1 + 2):
            top = max(top, shape.y1)
    return frame if top == frame.y1 else BBox(frame.x0, frame.y0, frame.x1, top)


def _opens_running_text(blocks: list[Block], held: set[int]) -> bool:
    """Whether the blocks ``held`` in a panel, where the reading order places them, come
    before any of the page's running text and after its title lines (a notice under a
    meeting's title, ahead of its agenda): no text outside the panel comes between them,
    the text read before them is short lines only (none of them a paragraph that could go
    on past the panel), and the text after them starts afresh. Read there, the panel cuts
    nothing; at the top of a page with no text before it, the running text may go on from
    the previous page, and the panel is still read after it."""
    at = [k for k, b in enumerate(blocks) if id(b) in held]
    first, last = at[0], at[-1]
    if any(
        blocks[k].kind == "text" and id(blocks[k]) not in held for k in range(first, last)
    ):
        return False
    before = [b for b in blocks[:first] if b.kind == "text" and b.text.strip()]
    after = next((b for b in blocks[last + 1:] if b.kind == "text" and b.text.strip()), None)
    return (
        bool(before) and all(word_count(b.text) < PANEL_MIN_WORDS for b in before)
        and after is not None and not after.text.lstrip()[:1].islower()
    )


def panels_last(
    blocks: list[Block], content: PageContent, fields: Sequence[BBox] = ()
) -> list[Block]:
    """Boxed panels (a tip or warning in a drawn or shaded box, a sidebar) read after the
    page's running text, as asides: placed wherever they fit, they would otherwise cut the
    running text where it goes on past the box (or from the previous page).
    A panel: a painted shape, smaller than half the page, that holds whole blocks, among
    them a paragraph of running text, in a face no larger than the text outside, and that
    starts afresh (text going on from outside the box, a caption's second line on a shaded
    strip, is no aside). The text outside all panels carries more words than the panels do:
    where boxes hold most of the text, as on slides and forms, they are the content and
    keep their places. A box of short lines (a chapter's contents) keeps its place too, and
    so does a box holding a form's fields to fill in (``fields``: a signature area): it is
    the form's content. Every panel found, moved or not, marks its blocks with its frame
    (:attr:`.blocks.Block.panel`, grown by the title bands set on it): a float, read past
    where a sentence breaks off before it (:mod:`.runover`)."""
    texts = [b for b in blocks if b.kind == "text"]
    if len(texts) < 2 or not content.paths:
        return blocks
    # (The line height of the first lines, not the blocks' font sizes: cheap, and enough to
    # tell a shape that can hold a paragraph.)
    heights = [b.frags[0].height for b in texts if b.frags]
    size = (statistics.median(heights) if heights else 0.0) or 10.0
    largest = PANEL_MAX_AREA * content.width * content.height
    inside: dict[int, Block] = {}
    seen: set[tuple[int, int, int, int]] = set()
    shapes = content.paths[:MAX_SHAPES]
    in_rows: set[int] | None = None
    for box in shapes:
        width, height = box.x1 - box.x0, box.y1 - box.y0
        if width < 8 * size or height < 2 * size or width * height > largest:
            continue  # too small to hold a paragraph, or framing the page
        if in_rows is None:  # (on the first box large enough: most pages have none)
            # (Boxes of one row are of one height: shapes too low for a panel are no
            # neighbours of one.)
            in_rows = boxes_in_rows([b for b in shapes if b.y1 - b.y0 >= 2 * size], RULE_WIDTH)
        if id(box) in in_rows:
            continue  # a cell of a row of boxes side by side (a form's band): no aside
        key = (round(box.x0), round(box.y0), round(box.x1), round(box.y1))
        if key in seen:
            continue
        seen.add(key)
        held = [b for b in blocks if _within(b, box)]
        held_text = [b for b in held if b.kind == "text"]
        if not any(
            _on_lines(b) and word_count(b.text) >= PANEL_MIN_WORDS // 2 for b in held_text
        ):
            continue  # (a form's line items, one line each however many pieces: no panel)
        if sum(word_count(b.text) for b in held_text) < PANEL_MIN_WORDS:
            continue
        if held_text[0].text[:1].islower():
            continue  # goes on from text outside the box
        if any(_within(field, box) for field in fields):
            continue
        frame = _bbox(box)
        if any(
            b.kind != "figure" and not _within(b, box) and boxes_overlap(b.bbox, frame)
            for b in blocks
        ):
            continue  # text running in and out of the shape: no frame around a panel
        if _opens_running_text(blocks, {id(b) for b in held}):
            continue  # read where it stands, under the title, it interrupts nothing
        inside.update((id(b), b) for b in held)
        titled = _with_title_bands(frame, shapes, size)
        for b in held:
            b.panel = titled
    if not inside:
        return blocks
    outside = [b for b in texts if id(b) not in inside]
    boxed = [b for b in texts if id(b) in inside]
    if not outside or sum(word_count(b.text) for b in outside) <= sum(
        word_count(b.text) for b in boxed
    ):
        return blocks
    body_size = statistics.median(b.size for b in outside)
    if statistics.median(b.size for b in boxed) > 1.1 * body_size:
        return blocks  # a title or heading set on a band: where it stands is its place
    rest = [b for b in blocks if id(b) not in inside]
    foot = _foot_lines(rest, min(b.y0 for b in inside.values()), content)
    return rest[:len(rest) - foot] + [b for b in blocks if id(b) in inside] + rest[
        len(rest) - foot:
    ]


#: A page's foot lines (its footer: a copyright line, an author's name) stand within this
#: share of the page from its foot.
FOOT_LINES_BAND = 0.1
#: A note at a column's foot (a footnote, an imprint) is set this much smaller than the
#: page's running text at most.
FOOT_NOTE_SIZE = 0.9


def _foot_lines(rest: list[Block], panels_foot: float, content: PageContent) -> int:
    """How many of the last blocks of ``rest`` (the page's text outside its panels, in
    reading order) are its foot: under every panel (whose lowest edge is ``panels_foot``),
    each a line in the page's foot band, a note set smaller than the running text (a
    footnote, an imprint) or a picture (a QR code beside the imprint), and set apart by a
    line's height at least from all else above them in their columns (a caption stands
    right under its picture). The panels are read after the running text, not after the
    page's footer (a one-page sheet's, which no other page repeats as furniture) nor its
    notes: those end the page, as they do where they stand."""
    band = content.y0 + FOOT_LINES_BAND * content.height
    texts = [b.size for b in rest if b.kind == "text"]
    small = FOOT_NOTE_SIZE * quick_median(texts) if texts else 0.0
    count = 0
    for block in reversed(rest):
        if block.y1 > panels_foot:
            break
        if block.kind == "text":
            if not (block.y1 <= band and not _on_lines(block) or block.size <= small):
                break
        elif block.kind != "figure":
            break
        count += 1
    if not count or count == len(rest):
        return 0
    feet = rest[len(rest) - count:]
    line = max((f.height for b in feet for f in b.frags), default=0.0) or max(
        b.y1 - b.y0 for b in feet
    )
    above = [b for b in rest[:len(rest) - count]
             if any(b.x0 < f.x1 and f.x0 < b.x1 for f in feet)]
    top = min([b.y0 for b in above], default=panels_foot)
    return count if max(b.y1 for b in feet) + line <= min(top, panels_foot) else 0


def _on_lines(block: Block) -> bool:
    """The block's text runs over two lines or more: some fragment lies below the top one
    (a form's line item broken into pieces by its leader dots and entry number is one)."""
    frags = block.frags
    if len(frags) < 2:
        return False
    top = max(frags, key=operator.attrgetter("y1"))
    return any((f.y0 + f.y1) / 2 < top.y0 for f in frags)


def _bbox(box: Boxed) -> BBox:
    return BBox(box.x0, box.y0, box.x1, box.y1)


def _within(item: Block | BBox, box: Boxed) -> bool:
    """The block (or field) lies inside the box (within a point or two of its edges)."""
    slack = 2.0
    return (
        item.x0 >= box.x0 - slack and item.x1 <= box.x1 + slack
        and item.y0 >= box.y0 - slack and item.y1 <= box.y1 + slack
    )


#: Column splits tried per page at most: the search for columns is bounded work.
COLUMN_SEARCH_BUDGET = 300


def column_regions(
    frags: list[Fragment], depth: int = 0, budget: list[int] | None = None,
    memo: _SplitMemo | None = None, breaks: SectionBreaks | None = None,
) -> list[list[Fragment]]:
    """:func:`_column_regions`, the boxes the search reads kept while it runs (in C where
    built, ``_column_gap.remember_boxes``): it reads the box of every fragment of each of
    the thousands of parts it looks at, and reading one by its attributes' names cost more
    than the rest of the loops reading it. (The search changes no fragment's box.)"""
    if depth > 0 or _gap_accelerator is None:
        return _column_regions(frags, depth, budget, memo, breaks)
    _gap_accelerator.remember_boxes(True)
    try:
        return _column_regions(frags, depth, budget, memo, breaks)
    finally:
        _gap_accelerator.remember_boxes(False)


def _column_regions(
    frags: list[Fragment], depth: int = 0, budget: list[int] | None = None,
    memo: _SplitMemo | None = None, breaks: SectionBreaks | None = None,
) -> list[list[Fragment]]:
    """Split a page into regions at column gutters, in reading order.

    A vertical gutter is a column break only when text on one side of it runs in long lines
    that fill that side (set text); short fragments on both sides are a table or a form,
    which must stay in one region to be read row by row. When no gutter runs the full height
    (a title across two columns), the region is first cut across, at the first horizontal gap
    below or above which such a gutter appears. A line drawn across the whole region
    (``breaks``: a form's section rule, a band) stops a gutter: where one is found, the
    region is first cut at such lines and each band looks for its own columns.
    """
    budget = [COLUMN_SEARCH_BUDGET] if budget is None else budget
    memo = _SplitMemo() if memo is None else memo
    if len(frags) < 2 or depth > 40 or budget[0] <= 0:
        return [frags]
    if depth == 0:
        frags, aside = _set_aside_side_notes(frags)
        frags, fine = _set_aside_turned_fine_print(frags)
        above, frags, below = _set_aside_margin_lines(frags)
        if above or below or aside or fine:
            inner = column_regions(frags, 1, budget, memo, breaks) if frags else []
            # (The fine print, a page in miniature, is searched for columns of its own.)
            small = column_regions(fine, 1, budget, memo, breaks) if fine else []
            return ([above] if above else []) + inner + ([below] if below else []) + (
                [aside] if aside else []
            ) + small
    panels = _panel_split(frags, breaks.shapes) if breaks is not None else None
    if panels is not None:
        # Boxed panels side by side (a cheat sheet's sections under dark bars): a page
        # column of panels is read down before the next, even with no running text.
        return [
            region for part in panels if part
            for region in column_regions(part, depth + 1, budget, memo, breaks)
        ]
    if not _has_running_lines(frags, 3):
        # No running text here, so no text columns: a table, a form, a list; or columns of
        # program text, whose lines come apart at their spaces into pieces of a word or two
        # (those only: a listing's own columns, dates beside notes, stay one listing).
        code = _code_columns(frags) if _has_code_lines(frags) else None
        if code is None:
            return [frags]
        return column_regions(code[0], depth + 1, budget, memo, breaks) + column_regions(
            code[1], depth + 1, budget, memo, breaks
        )
    vertical = _column_split(frags, budget, memo)
    if vertical is not None:
        bands = breaks.bands(frags, vertical) if breaks is not None else [frags]
        if len(bands) > 1:
            # A column ends at a line drawn across: a sighted reader reads the sections it
            # divides one after the other, each with columns of its own.
            return [
                region for band in bands
                for region in column_regions(band, depth + 1, budget, memo, breaks)
            ]
        left, right = vertical
        if sum(map(_rtl_of, frags)) > len(frags) / 2:
            left, right = right, left
        return column_regions(left, depth + 1, budget, memo, breaks) + column_regions(
            right, depth + 1, budget, memo, breaks
        )
    cut = _cut_revealing_columns(frags, 2 if len(frags) < 3000 else 1, budget, memo)
    if cut is not None:
        top = column_regions(cut[0], depth + 1, budget, memo, breaks)
        bottom = column_regions(cut[1], depth + 1, budget, memo, breaks)
        heads = _column_heads(top, bottom) if len(top) == 1 and len(bottom) > 1 else None
        return (top if heads is None else heads) + bottom
    return [frags]


#: Painted shapes on each side of a gutter that make its two sides page columns of panels.
PANEL_SHAPES = 2


def _panel_split(
    frags: list[Fragment], shapes: Sequence[Boxed]
) -> tuple[list[Fragment], list[Fragment], list[Fragment]] | None:
    """(the head above them, the left column, the right column) of ``frags`` set as boxed
    panels in two page columns, or None. The evidence is the page's own drawing: painted
    shapes (a panel's dark section bar, its box) lie on both sides of a strip that no shape
    and no text below the head crosses, at least :data:`PANEL_SHAPES` on each side, each
    as wide as half its side's text at least (a panel's bar spans its panel, a highlight
    does not). The panels' bars are set each column on its own: some shape has none level
    with it across the strip (a table's row shading, drawn cell by cell, is level across
    its columns: one table, read row by row). The head: the lines above every such shape
    (the page's title, over both columns)."""
    if len(shapes) < 2 * PANEL_SHAPES or len(frags) < 2:
        return None
    # (Read at C speed: asked of every region the column search looks at on a page with
    # painted shapes.)
    x0, x1 = min(map(_x0_of, frags)), max(map(_x1_of, frags))
    y0, y1 = min(map(_y0_of, frags)), max(map(_y1_of, frags))
    # (A frame round all the text, the page's border, divides nothing.)
    inside = [
        s for s in shapes
        if s.y0 < y1 and s.y1 > y0 and s.x0 < x1 and s.x1 > x0
        and not (s.x0 <= x0 and s.x1 >= x1)
    ]
    if len(inside) < 2 * PANEL_SHAPES:
        return None
    top = max([s.y1 for s in inside])
    head = [f for f in frags if f.y0 >= top]
    body = [f for f in frags if f.y0 < top]
    if len(body) < 2:
        return None
    # (Only a strip within a gap of the text below the head may be a gutter: found by one
    # sweep each of the shapes and of the text, not by sorting the text at every strip.)
    text_gaps = _gaps([(f.x0, f.x1) for f in body])
    for left_end, right_start in _gaps([(s.x0, s.x1) for s in inside]):
        if not any(a <= left_end and right_start <= b for a, b in text_gaps):
            continue  # text runs into the strip: no gutter
        sides = _panels_at(body, inside, left_end, right_start)
        if sides is not None:
            return head, *sides
    return None


def _gaps(spans: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stretches across x that none of ``spans`` covers, between the leftmost and the
    rightmost (each as its left and right end), left first."""
    ordered = sorted(spans)
    gaps: list[tuple[float, float]] = []
    reach = ordered[0][1]
    for start, end in ordered[1:]:
        if start > reach:
            gaps.append((reach, start))
        reach = max(reach, end)
    return gaps


def _panels_at(
    body: list[Fragment], shapes: list[Boxed], left_end: float, right_start: float
) -> tuple[list[Fragment], list[Fragment]] | None:
    """(the left column, the right column) of ``body`` (the text under the head, none of it
    in the strip) parted at the strip from ``left_end`` to ``right_start`` (see
    :func:`_panel_split`), or None."""
    left = [f for f in body if f.x1 <= left_end]
    right = [f for f in body if f.x0 >= right_start]
    if not left or not right:
        return None
    # (Each side's width measured once, not once for every shape asked about it.)
    left_half, right_half = _half_width(left), _half_width(right)
    left_shapes = [s for s in shapes if s.x1 <= left_end and s.x1 - s.x0 >= left_half]
    right_shapes = [s for s in shapes if s.x0 >= right_start and s.x1 - s.x0 >= right_half]
    if len(left_shapes) < PANEL_SHAPES or len(right_shapes) < PANEL_SHAPES:
        return None
    if all(_has_level(s, right_shapes) for s in left_shapes) and all(
        _has_level(s, left_shapes) for s in right_shapes
    ):
        return None
    return left, right


def _half_width(side: list[Fragment]) -> float:
    """Half the width of the text of a side: a shape as wide at least spans it as a
    panel's bar does."""
    width: float = max(map(_x1_of, side)) - min(map(_x0_of, side))
    return 0.5 * width


def _has_level(shape: Boxed, others: list[Boxed]) -> bool:
    """One of ``others`` stands level with ``shape`` (their heights overlap)."""
    return any(o.y0 < shape.y1 and shape.y0 < o.y1 for o in others)


def _column_heads(
    above: list[list[Fragment]], below: list[list[Fragment]]
) -> list[list[Fragment]] | None:
    """The pieces of one line (``above``: one region) over the columns of the regions
    ``below``, as two regions, one over each column: a title at the head of each column
    ("Part Six" over the left, "Part Seven" over the right) is two lines, each read with its
    column (see :func:`reading_order`), not one line read across the gutter. The gutter: the
    widest gap across the text below, wide enough for one, with a region wholly on each side
    of it at the top of that text (the columns). The line stands on the columns (no further
    above them than its own height), and each of its pieces lies on one side of the gutter,
    reaching into it (a script capital's swash) by no more than its own type size; a line
    that runs across the gutter is a title over both. None otherwise."""
    line = above[0]
    if len(line) < 2:
        return None
    # One line: every piece's band shares more than half the shortest's height with all the
    # others' (as pieces grouped into a line do; a title block, authors over their
    # affiliations, are lines apart).
    shared = min(f.band[1] for f in line) - max(f.band[0] for f in line)
    if shared <= 0.5 * min(f.band[1] - f.band[0] for f in line):
        return None
    text = [f for region in below for f in region]
    if min(f.y0 for f in line) - max(f.y1 for f in text) > max(f.y1 - f.y0 for f in line):
        return None
    gap, at, ordered = _widest_gap(text, "x")
    if at < 0:
        return None
    split = ordered[:at], ordered[at:]
    if _no_gutter(gap, _median_size(text), _narrower_side(split)):
        return None
    start, end = max(map(_x1_of, split[0])), min(map(_x0_of, split[1]))  # the gutter
    # The columns the line stands on: a region on each side of the gutter, wholly, that
    # starts at the top of the text below (a page's footer may be read with a column's foot).
    top = max(f.y1 for f in text)
    reach = max(f.y1 - f.y0 for f in text if f.y1 >= top)
    heads = [region for region in below if max(f.y1 for f in region) >= top - reach]
    if not (any(max(map(_x1_of, region)) <= start for region in heads)
            and any(min(map(_x0_of, region)) >= end for region in heads)):
        return None
    sides: tuple[list[Fragment], list[Fragment]] = ([], [])
    for f in line:
        on_left = f.x0 + f.x1 <= start + end
        if (f.x1 - end if on_left else start - f.x0) > f.size:
            return None
        sides[0 if on_left else 1].append(f)
    if not (sides[0] and sides[1]):
        return None
    return list(sides)


#: Pieces of a drawn horizontal line this close (points, across or along) are one line: a
#: form's row of boxes each draws its own stretch of the rule between two rows.
LINE_JOIN = 2.0
#: A line through the middle of a fragment (all but this share of its height at either
#: edge) strikes it through; within the edges it only touches the ascent or descent of the
#: text above or below (a tight form's rule).
LINE_TOUCH = 0.25


#: Where a fragment (or block) lies among the cuts at lines across: (cut, band) for each
#: cut it went through, outermost first; bands of one cut are numbered top first.
Section = tuple[tuple[int, int], ...]


class SectionBreaks:
    """The page's horizontal lines: its rules, and the top and bottom edges of its painted
    shapes (filled bands, boxes), each line the union of the pieces drawn at one height.
    A line across the whole width of a part of the page divides it into sections; the
    section of every fragment cut off is kept (:attr:`sections`, by the fragment's id)."""

    def __init__(self, rules: Sequence[Boxed], shapes: Sequence[Boxed]) -> None:
        #: The page's drawn lines, which the reading order asks about too.
        self.drawn = DrawnLines(rules, shapes)
        self.sections: dict[int, Section] = {}
        self._cuts = 0

    @property
    def shapes(self) -> Sequence[Boxed]:
        """The page's painted shapes (filled bands, boxes)."""
        return self.drawn.shapes

    @property
    def lines(self) -> list[tuple[float, list[tuple[float, float]]]]:
        """(height, the stretches it covers along x, in order, each as wide as it can be),
        worked out on the first question (only pages with columns ask one)."""
        return self.drawn.across[1]

    def bands(self, frags: list[Fragment], sides: _Split) -> list[list[Fragment]]:
        """``frags`` in the sections (top first) that lines drawn across all of them divide
        them into, where the gutter between ``sides`` (their split into columns) stops: the
        lines that span their width (short of it by no more than the text's size at either
        end), strike no fragment through, and have one side all above or all below them (a
        column ending there). One band when there is none. Where both sides go on across a
        line, it is a table's rule between rows (its columns go on) and cuts nothing.
        A heading set across the columns cuts them too, just above it (see :mod:`.spanning`).
        """
        cuts = self._drawn_cuts(frags, sides) + spanning_cuts(*sides)
        if not cuts:
            return [frags]
        cuts.sort(reverse=True)
        bands: list[list[Fragment]] = [[] for _ in range(len(cuts) + 1)]
        for f in frags:
            middle = (f.y0 + f.y1) / 2
            bands[sum(y > middle for y in cuts)].append(f)
        bands = [band for band in bands if band]
        if len(bands) > 1:
            self._cuts += 1
            for k, band in enumerate(bands):
                for f in band:
                    self.sections[id(f)] = self.sections.get(id(f), ()) + ((self._cuts, k),)
        return bands

    def _drawn_cuts(self, frags: list[Fragment], sides: _Split) -> list[float]:
        """The heights of the lines drawn across ``frags`` that cut them (see :meth:`bands`)."""
        if not self.lines:
            return []
        x0, x1 = min(f.x0 for f in frags), max(f.x1 for f in frags)
        y0, y1 = min(f.y0 for f in frags), max(f.y1 for f in frags)
        slack = statistics.median(map(_size_of, frags))
        cuts = [
            y for y, stretches in self.lines
            if y0 < y < y1 and any(a <= x0 + slack and b >= x1 - slack for a, b in stretches)
        ]
        return [
            y for y in cuts
            if any(_all_one_side(side, y) for side in sides)
            and not any(_struck(f, y) for f in frags)
        ]


#: Lines drawn along one axis, each as (where it stands across the axis, the stretches it
#: covers along it, in order): see :class:`DrawnLines`.
_Lines = list[tuple[float, list[tuple[float, float]]]]


def lines_along(pieces: list[tuple[float, float, float]]) -> _Lines:
    """(place, start, end) ``pieces`` of lines drawn along one axis, gathered into lines: the
    pieces within :data:`LINE_JOIN` of one place make one line, their stretches joined where
    they touch. In order of place."""
    if _gap_accelerator is not None:
        # (In C: a page drawn as thousands of shapes has tens of thousands of edges.)
        found: _Lines | None = _gap_accelerator.lines_along(pieces, LINE_JOIN)
        if found is not None:
            return found
    return _python_lines_along(pieces)


def _python_lines_along(pieces: list[tuple[float, float, float]]) -> _Lines:
    """:func:`lines_along` in Python; ``_column_gap.c`` does the same in C (a test compares
    them). Sorts ``pieces``."""
    pieces.sort()
    lines: _Lines = []
    at, count = 0, len(pieces)
    while at < count:
        place = pieces[at][0]
        end = at + 1
        while end < count and pieces[end][0] - place <= LINE_JOIN:
            end += 1
        if end == at + 1:  # (most lines are one piece: nothing to join)
            lines.append((place, [(pieces[at][1], pieces[at][2])]))
        else:
            lines.append((place, _joined_stretches(pieces[at:end])))
        at = end
    return lines


class DrawnLines:
    """The page's drawn lines both ways, to read a form drawn as bands of ruled cells: its
    rules, and the edges of its painted shapes (a cell drawn as a box), each line the union of
    the pieces drawn at one place (a form's row of boxes each draws its own stretch of the
    rule between two bands, and each box its own wall). Worked out on the first question."""

    def __init__(self, rules: Sequence[Boxed], shapes: Sequence[Boxed]) -> None:
        self._rules, self._shapes = rules, shapes
        #: The largest type size of the page's text (set by :meth:`read_with`): no block's
        #: is larger, so a line short of a part's width by more than it at either end spans
        #: none of its parts (most lines, told so without working out a part's sizes).
        self.reach = math.inf
        #: Each block asked about (by id, with the block, which keeps the id its own): the
        #: heights strictly between which a line runs through it (:func:`_struck_range`),
        #: worked out once (the same blocks are asked at every step of the reading order).
        self._struck: dict[int, tuple[Block, float, float]] = {}

    @property
    def shapes(self) -> Sequence[Boxed]:
        """The page's painted shapes (filled bands, boxes)."""
        return self._shapes

    def struck_between(self, block: Block) -> tuple[float, float]:
        """The heights strictly between which a line drawn across runs through ``block``
        (:func:`_struck_range`)."""
        known = self._struck.get(id(block))
        if known is None:
            known = (block, *_struck_range(block))
            self._struck[id(block)] = known
        return known[1], known[2]

    def read_with(self, blocks: Sequence[Block]) -> DrawnLines:
        """These lines, for the page's ``blocks`` (see :attr:`reach`)."""
        self.reach = max(map(_size_of, blocks), default=0.0)
        return self

    @functools.cached_property
    def across(self) -> tuple[list[float], _Lines]:
        """The horizontal lines (their heights, and the lines), bottom first."""
        return self._lines(horizontal=True)

    @functools.cached_property
    def down(self) -> tuple[list[float], _Lines]:
        """The vertical lines (where they stand across, and the lines), leftmost first."""
        return self._lines(horizontal=False)

    def _lines(self, *, horizontal: bool) -> tuple[list[float], _Lines]:
        """The lines one way: rules longer that way (at their middle) and both edges of every
        shape that way, touching pieces joined; with where each stands across."""
        pieces = rule_pieces(self._rules, horizontal=horizontal)
        for shape in self._shapes:
            if horizontal:
                pieces.append((shape.y0, shape.x0, shape.x1))
                pieces.append((shape.y1, shape.x0, shape.x1))
            else:
                pieces.append((shape.x0, shape.y0, shape.y1))
                pieces.append((shape.x1, shape.y0, shape.y1))
        lines = lines_along(pieces)
        return [at for at, _ in lines], lines

    def within(self, extent: _Extent) -> bool:
        """Some line, either way, is drawn strictly within ``extent`` (x0, x1, y0, y1) across
        its axis (whatever its stretches): one the questions below may find."""
        x0, x1, y0, y1 = extent
        heights = self.across[0]
        if bisect.bisect_right(heights, y0) < bisect.bisect_left(heights, y1):
            return True
        places = self.down[0]
        return bisect.bisect_right(places, x0) < bisect.bisect_left(places, x1)

    def across_between(self, low: float, high: float, start: float, end: float) -> list[float]:
        """Heights strictly between ``low`` and ``high`` of the horizontal lines that run from
        ``start`` to ``end`` in one stretch."""
        return _spanning(self.across, low, high, start, end)

    def down_between(self, low: float, high: float, start: float, end: float) -> list[float]:
        """Places strictly between ``low`` and ``high`` (across) of the vertical lines that run
        from ``start`` to ``end`` (up the page) in one stretch."""
        return _spanning(self.down, low, high, start, end)


def _spanning(
    indexed: tuple[list[float], _Lines], low: float, high: float, start: float, end: float
) -> list[float]:
    places, lines = indexed
    first, last = bisect.bisect_right(places, low), bisect.bisect_left(places, high)
    if _gap_accelerator is not None and isinstance(start, float) and isinstance(end, float):
        # (In C, the same comparisons: asked at every cut of the reading order, of every line
        # in the part; None where a value is not a plain float.)
        spans: list[float] | None = _gap_accelerator.spanning(lines, first, last, start, end)
        if spans is not None:
            return spans
    return _python_spanning(lines, first, last, start, end)


def _python_spanning(
    lines: _Lines, first: int, last: int, start: float, end: float
) -> list[float]:
    """The places of ``lines[first:last]`` with a stretch from ``start`` to ``end``;
    ``_column_gap.c``'s spanning does the same in C (keep the two in step: a test compares
    them)."""
    found = []
    for place, stretches in lines[first:last]:
        for a, b in stretches:
            if a <= start and b >= end:
                found.append(place)
                break
    return found


def _joined_stretches(pieces: Sequence[tuple[float, float, float]]) -> list[tuple[float, float]]:
    """The x stretches that (height, x0, x1) ``pieces`` of one line cover, touching pieces
    joined (within :data:`LINE_JOIN`)."""
    stretches: list[tuple[float, float]] = []
    for _, a, b in sorted(pieces, key=operator.itemgetter(1)):
        if stretches and a <= stretches[-1][1] + LINE_JOIN:
            stretches[-1] = (stretches[-1][0], max(stretches[-1][1], b))
        else:
            stretches.append((a, b))
    return stretches


def _against_sections(
    split: tuple[list[Block], list[Block]], sections: dict[int, Section], blocks: list[Block]
) -> bool:
    """Reading the two sides of a gutter one after the other (right first in right-to-left
    text) would read some block of the first before a block of an earlier section on the
    second: the gutter runs through a line across the page (see :class:`SectionBreaks`)."""
    if not sections:
        return False
    first, second = (split[1], split[0]) if _mostly_rtl(blocks) else split
    later = {sections[id(b)] for b in first if id(b) in sections}
    earlier = {sections[id(b)] for b in second if id(b) in sections}
    return any(_before(early, late) for late in later for early in earlier)


def _before(one: Section, other: Section) -> bool:
    """``one`` lies in an earlier band than ``other`` of the first cut they parted at."""
    for (cut, band), (other_cut, other_band) in zip(one, other, strict=False):
        if cut != other_cut:
            return False
        if band != other_band:
            return band < other_band
    return False


def _all_one_side(frags: list[Fragment], y: float) -> bool:
    """The fragments lie all above height ``y`` or all below it (by their middles)."""
    above = [(f.y0 + f.y1) / 2 > y for f in frags]
    return all(above) or not any(above)


def _struck(f: Fragment, y: float) -> bool:
    """A line at height ``y`` runs through the fragment (not just touching its edges)."""
    inset = LINE_TOUCH * (f.y1 - f.y0)
    return f.y0 + inset < y < f.y1 - inset


def _has_running_lines(frags: list[Fragment], wanted: int) -> bool:
    """At least ``wanted`` fragments of four words or more, or entries led by dots across
    their column (:func:`_leadered_entry`) (counted only until there are enough: most
    parts of a page open with running lines)."""
    found = 0
    for f in frags:
        if f.words >= 4 or _leadered_entry(f):
            found += 1
            if found >= wanted:
                return True
    return False


#: An entry's term led by dots to the end of its line, or to its page number there.
_DOTS_TO_LINE_END = re.compile(
    r"[^\W\d_]\S*\s*(?:[.\u00b7\u2026]\s?){4,}\s*(?:\d{1,4}|[ivxlcIVXLC]{1,6})?\s*$"
)


def _leadered_entry(fragment: Fragment) -> bool:
    """Whether the fragment is an entry's term led by dots to its page number ("threads
    . . . . . 1", an index's or a contents list's): a line of one or two words that
    fills its column as a line of running text does, its dots reaching the column's right
    edge (an index set in two columns is read down each). A form's rule to write on
    ("what?_______") is no leader: its columns of questions and answers are a table's."""
    text = fragment.text
    # (Four leader dots at least, counted at C speed before the search: asked of every short
    # piece of every part the column search looks at, and almost none has them.)
    if text.count(".") + text.count("\u00b7") + text.count("\u2026") < 4:
        return False
    return fragment.words >= 1 and _DOTS_TO_LINE_END.search(text) is not None


def turned(fragment: Fragment) -> bool:
    """Text running at an angle to the page as shown (up or down a margin, a turned label)."""
    glyphs = fragment.glyphs
    if not glyphs or not glyphs[0].rotated:
        return False  # (most text: answered without walking its glyphs)
    return all(g.rotated for g in glyphs)


def _any_turned(frags: list[Fragment]) -> bool:
    """Whether a fragment's first glyph is turned (a plain loop: asked of every region)."""
    for f in frags:
        glyphs = f.glyphs
        if glyphs and glyphs[0].rotated:
            return True
    return False


def _set_aside_side_notes(frags: list[Fragment]) -> tuple[list[Fragment], list[Fragment]]:
    """(the rest, side notes): text running up or down a side margin, beside all the level
    text (a print job's slug, a journal's vertical running title, "Draft" along the edge).
    Tall and narrow, it spans the gaps that separate the page's title, columns and footer,
    and would keep them from being found; it is read after the page. Turned text among the
    level text (a table's turned column heads, a chart's axis title) stays where it is."""
    if not _any_turned(frags):
        return frags, []  # (no fragment turned, as turned() first asks: most pages, at once)
    aside = _beside_level_text(frags, turned, lambda f: True)
    if not aside:
        return frags, []
    gone = {id(f) for f in aside}
    return [f for f in frags if id(f) not in gone], aside


#: Text at an angle set at most this share of the size of the page's level text is a
#: picture's fine print (see :func:`_set_aside_turned_fine_print`).
FINE_PRINT = 0.5


def _set_aside_turned_fine_print(
    frags: list[Fragment],
) -> tuple[list[Fragment], list[Fragment]]:
    """(the rest, fine print): text slanting across the page (neither level nor running up
    or down it) and set at most :data:`FINE_PRINT` of the size of the page's level text: the
    words of a picture of a page, a poster or a leaflet shown askew in miniature beside the
    text. Its many short lines outnumber a paragraph's beside it, so the column search takes
    the part for no running text and may cut it across at a gap level with one between the
    paragraph's lines, reading the miniature's lines between theirs; set aside, it is read
    after the page's text and searched for columns of its own. A page's slant is told by its
    fine print's pieces of two glyphs or more, most of which must slant (its single letters
    go with them): small text running up a picture's side (a photograph's credit, a chart's
    axis title) stays where it is, and so does slanting text of the text's own size."""
    if not _any_turned(frags):
        return frags, []  # (most pages: no fragment turned)
    level = [f.size for f in frags if not turned(f)]
    if not level:
        return frags, []
    limit = FINE_PRINT * quick_median(level)
    fine = [f for f in frags if f.size <= limit and turned(f)]
    if not fine:
        return frags, []
    slants = [_slants(f) for f in fine]
    known = [s for s in slants if s is not None]
    if 2 * sum(known) <= len(known):
        return frags, []  # (no slanting run, or most run up or down: credits, axis titles)
    fine = [f for f, s in zip(fine, slants, strict=True) if s is not False]
    gone = {id(f) for f in fine}
    return [f for f in frags if id(f) not in gone], fine


def _slants(f: Fragment) -> bool | None:
    """Whether a turned fragment's glyphs run across the page more than up or down it (its
    first and last glyph's centres); None for a single glyph, which cannot tell."""
    glyphs = [g for g in f.glyphs if not g.char.isspace()]
    if len(glyphs) < 2:
        return None
    first, last = glyphs[0], glyphs[-1]
    across = (last.x0 + last.x1 - first.x0 - first.x1) / 2
    up = (last.y0 + last.y1 - first.y0 - first.y1) / 2
    return abs(across) > abs(up)


def side_notes(blocks: list[Block]) -> list[Block]:
    """The text blocks of a page running up or down a side margin, wholly beside all its
    level text blocks (see :func:`_set_aside_side_notes`)."""
    # (Asked of every block of every page, twice: a block's first line answers for most.)
    return _beside_level_text(
        blocks, lambda b: bool(b.frags) and turned(b.frags[0]) and all(map(turned, b.frags)),
        lambda b: b.kind == "text",
    )


def _beside_level_text(
    items: list[_B], turned: Callable[[_B], bool], counts: Callable[[_B], bool]
) -> list[_B]:
    """The ``turned`` items lying wholly left or right of all the level items that ``counts``
    (side notes; see :func:`_set_aside_side_notes`)."""
    # (Each item asked once whether it is turned: most pages turn none, and are done.)
    turned_items = [item for item in items if turned(item)]
    if not turned_items:
        return []
    gone = {id(item) for item in turned_items}
    level = [item for item in items if id(item) not in gone and counts(item)]
    if not level:
        return []
    start, end = min(item.x0 for item in level), max(item.x1 for item in level)
    return [item for item in turned_items if item.x1 <= start or item.x0 >= end]


def _set_aside_margin_lines(
    frags: list[Fragment],
) -> tuple[list[Fragment], list[Fragment], list[Fragment]]:
    """(top line, the rest, bottom line): a lone short line at the very top or bottom of the
    page, set apart from the text by a gap, is a page number or running title. Centred on a
    two-column page it sits in the gutter and would hide the columns, so it is read apart."""
    if len(frags) < 8:
        return [], frags, []
    height = quick_median([f.y1 - f.y0 for f in frags])  # (their heights, unrolled)

    def lone(edge: list[Fragment], rest: list[Fragment], gap: float) -> bool:
        return (
            len(edge) == 1
            and word_count(edge[0].text) <= 3
            and gap >= height
            and len(rest) >= 6
        )

    ordered = sorted(frags, key=lambda f: -f.y1)
    top, below_top = ordered[:1], ordered[1:]
    above: list[Fragment] = []
    if below_top and lone(top, below_top, top[0].y0 - max(map(_y1_of, below_top))):
        above, ordered = top, below_top
    ordered.sort(key=lambda f: f.y0)
    bottom, over_bottom = ordered[:1], ordered[1:]
    below: list[Fragment] = []
    if over_bottom and lone(bottom, over_bottom, min(map(_y0_of, over_bottom)) - bottom[0].y1):
        below, ordered = bottom, over_bottom
    if not above and not below:
        return [], frags, []
    kept = {id(f) for f in ordered}
    return above, [f for f in frags if id(f) in kept], below


def _cut_revealing_columns(
    frags: list[Fragment], depth: int, budget: list[int], memo: _SplitMemo,
    top_down: bool = False,
) -> tuple[list[Fragment], list[Fragment]] | None:
    """The first horizontal cut after which one part (possibly after one more such cut, e.g.
    a title above and a page number below) splits into columns. ``top_down``: ``frags`` are
    already in :func:`_horizontal_cuts`'s order (a part it cut off)."""
    if len(frags) < 4 or budget[0] <= 0:
        # (With the search's budget spent, every split asked below would be refused: no cut
        # can reveal columns, and the cuts need not be looked for.)
        return None
    spans, places = _horizontal_cuts(frags, 0.25, 12, top_down)
    # (No cut between two lines of a column at its leading: it would part a paragraph.)
    places = _places_off_leading(spans, places, memo)
    # Each part's widest gap across x, for all parts at once: most parts have none wide
    # enough for a gutter, and are refused on it without being cut off, sorted and looked up.
    end = len(spans)
    # What decides most parts, measured for all of them at once. A part whose widest gap is
    # too narrow for a gutter, or leaves a side too narrow for a column, has no columns (as
    # _find_column_split would answer, on the same measures): refused without being cut off
    # as a list of its own, which would cost more than the answer. (Still a question asked:
    # the budget bounds them, as _column_split counts them.)
    measures = _gap_measures(spans, [(0, i) for i in places] + [(i, end) for i in places])
    above, below = (measures[:len(places)], measures[len(places):]) if measures else ([], [])
    for k, i in enumerate(places):
        if above and _no_gutter(*above[k]):
            budget[0] -= 1
        elif _column_split(spans[:i], budget, memo) is not None:
            return spans[:i], spans[i:]
        if below and _no_gutter(*below[k]):
            budget[0] -= 1
        elif _column_split(spans[i:], budget, memo) is not None:
            return spans[:i], spans[i:]
    if depth > 1:
        # A title above and a page number below both bridge the gutter: try cutting off the
        # first or last few lines, then look again.
        # (A part of fewer than six cuts tries some twice: the same questions, asked again of
        # the memo, get the same answers, none, and spend as much of the budget, unless it
        # runs out on the way, which only a budget that cannot pay for them all again may.
        # Each cut's cost is kept, and paid again without the questions where it can be.)
        spent: dict[int, int] = {}
        for i in places[:3] + places[-3:]:
            again = spent.get(i)
            if again is not None and budget[0] - again > 0:
                budget[0] -= again
                continue
            before = budget[0]
            top, bottom = spans[:i], spans[i:]
            if _cut_revealing_columns(
                top, depth - 1, budget, memo, True
            ) or _cut_revealing_columns(bottom, depth - 1, budget, memo, True):
                return top, bottom
            spent[i] = before - budget[0]
    return None


#: Lines of one column this much apart at most (points) more than its leading are at it.
LEADING_SLACK = 0.5
#: A line of a paragraph in a column is this many times its height long at least (a cell's
#: label, a heading in a bar, are shorter).
LINE_LENGTH = 15.0


def _places_off_leading(
    spans: list[Fragment], places: list[int], memo: _SplitMemo | None = None
) -> list[int]:
    """The cuts ``places`` of ``spans`` (as :func:`_horizontal_cuts` gives them) but those
    between two lines of one column at its leading (:func:`_between_lines_of_a_column`),
    where most of ``spans`` are lines of running text (:func:`_mostly_running_lines`); all
    of them otherwise. Asked of every part the column search looks at, for every line under
    each cut: in C where built (``_column_gap.places_off_leading``), else
    :func:`_python_places_off_leading`."""
    if places and _gap_accelerator is not None:
        kept: list[int] | None = _gap_accelerator.places_off_leading(
            spans, places, LINE_LENGTH, LEADING_SLACK
        )
        if kept is not None:
            return kept
    return _python_places_off_leading(spans, places, memo)


def _python_places_off_leading(
    spans: list[Fragment], places: list[int], memo: _SplitMemo | None = None
) -> list[int]:
    """:func:`_places_off_leading` in Python; ``_column_gap.c`` does the same in C (keep the
    two in step: a test compares them)."""
    if places and _mostly_running_lines(spans, memo):
        return [i for i in places if not _between_lines_of_a_column(spans, i)]
    return places


def _mostly_running_lines(frags: list[Fragment], memo: _SplitMemo | None = None) -> bool:
    """Most of ``frags`` are lines of running text, :data:`LINE_LENGTH` line heights long
    (a page of paragraphs in columns; not a cheat sheet's tables and labels, whose few
    notes' lines a cut may part to find its sections). ``memo``: the page's column search,
    which knows each of its fragments' answer once asked (every part cut off is asked
    again, of the same fragments)."""
    long = sum(map(_long_line, frags)) if memo is None else memo.long_lines(frags)
    return 2 * long > len(frags)


def _long_line(f: Fragment) -> bool:
    """``f`` is :data:`LINE_LENGTH` times its height long at least: a line of running text."""
    return f.x1 - f.x0 >= LINE_LENGTH * (f.y1 - f.y0)


def _between_lines_of_a_column(spans: list[Fragment], i: int) -> bool:
    """Whether the cut before ``spans[i]`` (sorted by their tops, highest first) falls
    between two lines of one column set at its leading: a line under the cut (of the first
    row under it), the nearest line over it in the same column (as tall, starting at the
    same edge and reaching as far at least, :data:`LINE_LENGTH` line heights long, as a
    paragraph's lines fill their column) and the next line under it there (or over the line
    over it) stand equally far apart, and no further than a line's height. A cut there
    parts a paragraph's lines (two columns of Korean text on one grid of baselines have
    many such gaps level across the page); a title over the columns, a footer under them,
    stand further off than the columns' own leading."""
    first = spans[i]
    j = i
    while j < len(spans) and spans[j].y1 > first.y0:
        if _at_leading(spans, i, j):
            return True
        j += 1
    return False


def _at_leading(spans: list[Fragment], i: int, j: int) -> bool:
    """Whether ``spans[j]`` stands under the cut before ``spans[i]`` at its column's leading
    from the line over the cut (see :func:`_between_lines_of_a_column`)."""
    below = spans[j]
    height = below.y1 - below.y0
    # (By index, not slices: a slice would copy the page's fragments for every line asked.)
    at = _nearest_over(spans, below, i - 1)
    if at < 0:
        return False
    over = spans[at]
    if (abs((over.y1 - over.y0) - height) > 0.2 * height
            or abs(over.x0 - below.x0) > height or over.x1 < below.x1 - height
            or over.x1 - over.x0 < LINE_LENGTH * height):
        return False  # (a table's rows, a form's labels: no column's full lines)
    # The column's leading: under the line under the cut, or (a column's last line) over
    # the line over it (looked for further up, past it).
    under = _nearest_under(spans, below, j + 1)
    above = _nearest_over(spans, over, at - 1)
    leadings = [gap for gap in (below.y0 - spans[under].y1 if under >= 0 else -1.0,
                                spans[above].y0 - over.y1 if above >= 0 else -1.0)
                if 0 <= gap <= height]
    return bool(leadings) and over.y0 - below.y1 <= max(leadings) + LEADING_SLACK


# (The two searches below, one line at a time, are asked for every line under every cut on
# a page of columns: plain loops over indices, with no generator to step through.)


def _nearest_over(spans: list[Fragment], line: Fragment, start: int) -> int:
    """The index of the first of ``spans`` from ``start`` back to the first across the same
    stretch as ``line``, wholly over it (display space: y up), or -1."""
    x0, x1, top = line.x0, line.x1, line.y1
    for k in range(start, -1, -1):
        f = spans[k]
        if f.x0 < x1 and x0 < f.x1 and f.y0 >= top:
            return k
    return -1


def _nearest_under(spans: list[Fragment], line: Fragment, start: int) -> int:
    """The index of the first of ``spans`` from ``start`` on across the same stretch as
    ``line``, wholly under it (display space: y up), or -1."""
    x0, x1, bottom = line.x0, line.x1, line.y0
    for k in range(start, len(spans)):
        f = spans[k]
        if f.x0 < x1 and x0 < f.x1 and f.y1 <= bottom:
            return k
    return -1


_Split = tuple[list[Fragment], list[Fragment]]


class _SplitMemo:
    """The column search's answers for the parts of one page it has already looked at, by the
    identity of their fragments in order: the same part comes up again under other cuts and at
    other depths (about half the questions are repeats).

    A part is filed under a few of its fragments and its length, and found by comparing
    identities one by one (at C speed): a key of every fragment's id made as many new
    integers, and hashed them, for every question."""

    def __init__(self) -> None:
        self._filed: dict[tuple[int, int, int, int], list[tuple[list[Fragment], _Split | None]]]
        self._filed = {}
        # Each fragment asked about, by identity, whether it is a long line (_long_line),
        # and the fragments themselves, kept so that no identity is used again by another.
        self._long: dict[int, bool] = {}
        self._asked: list[Fragment] = []

    def long_lines(self, frags: list[Fragment]) -> int:
        """How many of ``frags`` are long lines (:func:`_long_line`), each measured once:
        the count is read at C speed from the answers kept."""
        known = self._long
        try:
            return sum(map(known.__getitem__, map(id, frags)))
        except KeyError:
            for f in frags:
                if id(f) not in known:
                    known[id(f)] = _long_line(f)
                    self._asked.append(f)
            return sum(map(known.__getitem__, map(id, frags)))

    @staticmethod
    def _place(frags: list[Fragment]) -> tuple[int, int, int, int]:
        return (len(frags), id(frags[0]), id(frags[len(frags) // 2]), id(frags[-1]))

    def split_of(
        self, frags: list[Fragment], find: Callable[[list[Fragment]], _Split | None]
    ) -> _Split | None:
        """The answer for the part ``frags`` (not empty): the one kept, else ``find``'s."""
        filed = self._filed.setdefault(self._place(frags), [])
        for part, split in filed:
            if all(map(operator.is_, part, frags)):
                return split
        split = find(frags)
        filed.append((list(frags), split))  # (a copy: the part's list is the caller's)
        return split


def _column_split(
    frags: list[Fragment], budget: list[int] | None = None, memo: _SplitMemo | None = None
) -> _Split | None:
    if budget is not None:
        budget[0] -= 1  # a repeat still counts: the budget bounds the questions, as before
        if budget[0] < 0:
            return None
    if len(frags) < 4:
        return None
    if memo is None:
        return _find_column_split(frags)
    return memo.split_of(frags, _find_column_split)


#: A gutter between columns is at least this wide (points), whatever the type size.
MIN_GUTTER = 4.0

#: (the widest gap's width across x, the median type size, the width of the narrower
#: side of the gap): what decides whether a part may have columns (see :func:`_no_gutter`).
_GapMeasures = tuple[float, float, float]


def _no_gutter(gap: float, size: float, narrow: float) -> bool:
    """The widest gap, ``gap`` wide, in text of median type size ``size`` (0: unknown),
    leaving a side ``narrow`` wide, is no gutter between columns: narrower than a gutter,
    or beside a side too narrow for a column (a gutter beside list numbers is no column
    break)."""
    size = size or 10.0
    # (not "<" for the side: a NaN width is refused, as it always was)
    return gap < MIN_GUTTER or gap < FRAGMENT_GAP * size or not narrow >= 5 * size


def _median_size(frags: list[Fragment]) -> float:
    if _gap_accelerator is not None and isinstance(frags, list):
        # (In C where built: the sizes the column search keeps, see column_regions.)
        found: float | None = _gap_accelerator.median_size(frags)
        if found is not None:
            return found
    return _python_median_size(frags)


def _python_median_size(frags: list[Fragment]) -> float:
    """:func:`_median_size` in Python; ``_column_gap.c`` does the same in C (a test compares
    them)."""
    size: float = quick_median(list(map(_size_of, frags)))
    return size


def _narrower_side(split: tuple[list[Fragment], list[Fragment]]) -> float:
    """The width of the narrower of the two sides."""
    left, right = split
    if _gap_accelerator is not None and isinstance(left, list) and isinstance(right, list):
        # (In C where built: the boxes the column search keeps, see column_regions.)
        found: float | None = _gap_accelerator.narrower_side(left, right)
        if found is not None:
            return found
    return _python_narrower_side(split)


def _python_narrower_side(split: tuple[list[Fragment], list[Fragment]]) -> float:
    """:func:`_narrower_side` in Python; ``_column_gap.c`` does the same in C (a test compares
    them)."""
    narrow: float = min(max(map(_x1_of, side)) - min(map(_x0_of, side)) for side in split)
    return narrow


def _find_column_split(frags: list[Fragment]) -> tuple[list[Fragment], list[Fragment]] | None:
    # Most candidate parts have no gutter at all: find the widest gap first, and work out the
    # gap a gutter needs (from the text size) only when there is one of the least width.
    gap, at, ordered = _widest_gap(frags, "x")
    if at < 0 or gap < MIN_GUTTER:
        return _split_past_display_lines(frags) or _split_past_overhangs(frags, ordered)
    split = ordered[:at], ordered[at:]
    if _no_gutter(gap, _median_size(frags), _narrower_side(split)):
        return (
            _split_past_display_lines(frags) or _split_past_overhangs(frags, ordered)
            or _split_numbered_columns(ordered)
        )
    return _checked_columns(split, gap)


def _split_numbered_columns(ordered: list[Fragment]) -> _Split | None:
    """Two columns of one numbered list whose gutter is narrower than the gap between each
    column's numbers and their text (a manual's exit codes, each number at the column's edge
    and its meaning indented under it): the widest gap is that indent, no gutter; a
    narrower clear gap is, where the numbers at its right go on from those at its left
    (:func:`.numbered_columns.numbering_runs_on`). ``ordered``: the part's pieces by their
    left edges."""
    size = _median_size(ordered)
    reached = -math.inf
    for i, f in enumerate(ordered):
        gap = f.x0 - reached
        if i and gap >= MIN_GUTTER:
            split = ordered[:i], ordered[i:]
            if not _no_gutter(gap, size, _narrower_side(split)) and numbering_runs_on(*split):
                return split
        reached = max(reached, f.x1)
    return None


def _checked_columns(split: _Split, gap: float) -> _Split | None:
    """``split`` (two sides of a gap ``gap`` wide) where its sides are columns of set text,
    not a table's columns nor labels hung in a margin."""
    # (A side whose lines came apart at a justified line's stretched word spaces, each
    # piece too short to look like running text, is measured with its lines joined again:
    # a column beside another on one grid of baselines, as LaTeX sets them, is no table.)
    left_text, right_text = (
        _text_like(side) or _rejoined_text_like(side, gap) or _text_round_code(side)
        for side in split
    )
    if not (left_text and right_text) and numbering_runs_on(*split):
        # Two columns of one numbered list, its entries too short to look like running
        # text, its rows level across the gutter: still columns, the right's numbers go on
        # from the left's.
        return split
    if not (left_text or right_text):
        return None
    if left_text != right_text and _one_listing(*(split if left_text else split[::-1])):
        # (A listing's own columns, lined up by its spaces: notes beside its dates, comments
        # beside its code. Columns of running text both sides, in a typewriter's face, stay
        # columns.)
        return None
    if (
        left_text != right_text and rows_align(*split) and not _listing_beside_prose(*split)
        and not _beside_running_lines(*(split if right_text else split[::-1]))
        and not _own_line_pitches(*split)
    ):
        return None  # a table whose last (or first) column holds longer text
    if _labels_hung_in_gap(*split):
        return None  # (the gap between a column's hanging labels and their text)
    return split


def _text_round_code(side: list[Fragment]) -> bool:
    """Set text with program text set in it (a manual's column of declarations, each
    with its description): the program's lines come apart at their spaces into pieces of a
    word or two, more pieces than the paragraphs' lines, so the side is measured by its
    pieces in a proportional face. Only a side with lines of program text (see
    :func:`_has_code_lines`) is measured so."""
    if not _has_code_lines(side):
        return False
    prose = [f for f in side if not f.fixed_pitch]
    return len(prose) < len(side) and _text_like(prose)


#: Program text: fixed-pitch pieces on this many lines at least (each line of it comes apart
#: into pieces at its spaces, as wide as a character, so no piece has the words of a line)...
CODE_LINES = 6
#: ...this share of the pieces whose pitch is known at least...
CODE_SHARE = 0.75
#: ...this share of its lines at least set in from its left edge by two characters or more
#: (wrapped and nested lines: a listing's comments aligned past its lines, or its columns of
#: dates and versions, start level at one edge)...
CODE_INDENTED = 0.15
#: ...and this many characters wide at least (a column of code holds whole statements).
CODE_WIDTH = 24


def _has_code_lines(frags: list[Fragment]) -> bool:
    """At least :data:`CODE_LINES` fragments set in a fixed-pitch face (counted only until
    there are enough)."""
    found = 0
    for f in frags:
        if f.fixed_pitch:
            found += 1
            if found >= CODE_LINES:
                return True
    return False


def _code_columns(frags: list[Fragment]) -> _Split | None:
    """Two columns of program text (a synopsis's wrapped declarations) either side of the
    widest gap down ``frags``, where it is a gutter: no line of words, yet columns."""
    gap, at, ordered = _widest_gap(frags, "x")
    if at < 0 or gap < MIN_GUTTER:
        return None
    split = ordered[:at], ordered[at:]
    if _no_gutter(gap, _median_size(frags), _narrower_side(split)):
        return None
    return split if _code_column(split[0]) and _code_column(split[1]) else None


def _code_column(side: list[Fragment]) -> bool:
    """Whether ``side`` is a column of program text: most of its pieces fixed-pitch, on
    :data:`CODE_LINES` lines at least, :data:`CODE_WIDTH` characters wide, with its own
    indented lines (see :data:`CODE_INDENTED`), as a column of code has and a listing's
    aligned comments or columns of figures have not."""
    known = [pitch for f in side if (pitch := f.fixed_pitch) is not None]
    if not known or sum(known) < CODE_SHARE * len(known):
        return False
    starts: dict[float, float] = {}  # each line's left edge, by its baseline
    for f in side:
        at = round(f.y0)
        starts[at] = min(starts.get(at, f.x0), f.x0)
    if len(starts) < CODE_LINES:
        return False
    edge = min(starts.values())
    char = 0.6 * _median_size(side)  # (a fixed-pitch face's character, about)
    if max(map(_x1_of, side)) - edge < CODE_WIDTH * char:
        return False
    inset = sum(x - edge >= 2 * char for x in starts.values())
    return inset >= CODE_INDENTED * len(starts)


#: Lines of a left-hand column that may reach into the gutter (a word too long to break,
#: set past the column's edge: a program's name in a narrow column), this many at most...
OVERHANGS = 2
#: ...and one in this many of the column's pieces at most.
OVERHANG_SHARE = 10


def _split_past_overhangs(frags: list[Fragment], ordered: list[Fragment]) -> _Split | None:
    """Two columns whose gutter a line or two of the left column reach into (an unbreakable
    word overflowing the column's edge), so no band runs clear down the whole part: the
    gutter the other lines keep clear, where it is one (see :func:`_checked_columns`) and
    the lines reaching into it stop short of the right column. ``ordered``: ``frags`` by
    their left edges (as :func:`_widest_gap` sorts them)."""
    if len(frags) < OVERHANG_SHARE * 2:
        return None
    # Walk the pieces from the left, keeping the right edges reached so far by the furthest
    # few: the gap before each piece, past all but OVERHANGS of those before it.
    reached: list[float] = []
    best_gap, best_at = 0.0, -1
    for i, item in enumerate(ordered):
        if len(reached) > OVERHANGS:
            gap = item.x0 + reached[OVERHANGS]
            if gap > best_gap:
                best_gap, best_at = gap, i
        bisect.insort(reached, -item.x1)  # (negated, so the furthest come first)
        del reached[OVERHANGS + 1:]
    if best_at < 0:
        return None
    left, right = ordered[:best_at], ordered[best_at:]
    # (Reaching into the gutter: past the column's edge by more than a word space; a line
    # ending a little past the others is no overhang.)
    size = _median_size(frags)
    edge = right[0].x0 - best_gap + FRAGMENT_GAP * size
    over = [f for f in left if f.x1 > edge]
    if (
        not over or len(over) * OVERHANG_SHARE > len(left)
        or any(f.x1 > right[0].x0 for f in over)
    ):
        return None  # (none reaching in, or reaching across into the right column)
    kept = [f for f in left if f.x1 <= edge]
    gap = right[0].x0 - max(map(_x1_of, kept))
    if _no_gutter(gap, size, _narrower_side((kept, right))):
        return None
    return _checked_columns((left, right), gap)


#: Entries of a column beside a column of running text, more than this share of them (of
#: this many at least) opening level with a line inside one of its paragraphs, are no
#: table's cells.
RUN_ON_BESIDE = 0.5
RUN_ON_BESIDE_LINES = 3
#: A justified line fills its column to this many type sizes of the column's right edge.
FULL_LINE = 1.0
#: A line stands under the one above it within this many type sizes.
NEXT_LINE = 2.0
#: A line of running text holds this many words at least …
RUNNING_WORDS = 6
#: … its pieces (words of a justified line, spaced out) at most this many type sizes apart.
WORD_SPACE = 1.0
#: Lines of one entry stand at most this many times the tightest pitch apart.
ENTRY_PITCH = 1.2
#: Lines side by side are level when their baselines are within this many type sizes.
LEVEL = 0.3


def _beside_running_lines(short: list[Fragment], text: list[Fragment]) -> bool:
    """Whether the entries of ``short`` open, most of them, level with a line inside a
    paragraph of ``text``: the line above runs on onto it, and it runs on onto the line
    below (a line runs on when it is a line of words that fills the column, justified to its
    right edge, and ends inside a sentence: in a word, a comma or a hyphen; a table's row
    ends in a figure). An entry is a run of ``short``'s lines at its tightest pitch; it
    opens at its first line level with one of ``text``. A table's cell opens level with the
    first line of its row's longer text (a wrapped cell's lines go on beside that text's);
    entries set beside a column of running text on the same grid of baselines (a book's
    lists of names beside its text, two columns of one page) open wherever they come."""
    lines: dict[float, list[Fragment]] = {}
    for f in text:
        lines.setdefault(round(f.y0), []).append(f)
    if len(lines) < RUN_ON_BESIDE_LINES:
        return False
    size = _median_size(text)
    inside = _lines_inside_paragraphs(lines, size)
    # (Only the lines level with one of ``text`` tell: a heading between the names, a page's
    # foot, stand level with none.)
    slack = LEVEL * size  # (as :func:`.tables.rows_align` has lines level)
    opening: list[float] = []
    for entry in _entries({round(f.y0) for f in short}):
        level = [y for y in entry if any(abs(y - b) <= slack for b in lines)]
        if level:
            opening.append(min(lines, key=lambda b: abs(level[0] - b)))
    running = sum(y in inside for y in opening)
    return len(opening) >= RUN_ON_BESIDE_LINES and running > RUN_ON_BESIDE * len(opening)


#: Lines follow at a steady pitch when their steps differ by at most this (points)...
STEADY_STEP = 0.5
#: ...and two such runs keep pitches of their own when these differ by this share at least.
OWN_PITCH = 0.1


def _own_line_pitches(left: list[Fragment], right: list[Fragment]) -> bool:
    """Whether each side runs lines at a steady pitch of its own beside the other's, over the
    same height: two columns of text each set on its own leading (a short list of items
    spaced apart beside a column set solid). A table's cells open on its rows' baselines,
    so lines running down beside each other at two pitches are no rows of one table, though
    enough of them come level by chance for the rows to seem aligned."""
    size = _median_size(left + right)
    left_runs, right_runs = _steady_runs(left, size), _steady_runs(right, size)
    return any(
        _steps_overlap(a, b) and abs(a[2] - b[2]) >= OWN_PITCH * max(a[2], b[2])
        for a in left_runs for b in right_runs
    )


def _steady_runs(side: list[Fragment], size: float) -> list[tuple[float, float, float]]:
    """(top baseline, bottom baseline, pitch) of each run of three lines or more of ``side``
    that follow one another down one column at a steady pitch, no wider than two lines of
    its type size: a line of one piece each, under the line before it. (A line of several
    pieces, a side of columns of its own, ends a run.) A run's last line may open the next
    run (a list spaced apart after its lead-in). Lines are placed by their baselines
    (:func:`_baseline`)."""
    at = {id(f): _baseline(f) for f in side}
    lines: list[list[Fragment]] = []
    for f in sorted(side, key=lambda f: at[id(f)], reverse=True):
        if lines and at[id(lines[-1][-1])] - at[id(f)] <= STEADY_STEP:
            lines[-1].append(f)
        else:
            lines.append([f])
    runs: list[tuple[float, float, float]] = []
    run: list[Fragment] = []
    for line in lines:
        piece = line[0] if len(line) == 1 else None
        if run and piece is not None:
            step = at[id(run[-1])] - at[id(piece)]
            pitch = at[id(run[0])] - at[id(run[1])] if len(run) > 1 else step
            if (
                step <= 2 * size and abs(step - pitch) <= STEADY_STEP
                and piece.x0 < run[-1].x1 and run[-1].x0 < piece.x1
            ):
                run.append(piece)
                continue
        if len(run) >= 3:
            runs.append((at[id(run[0])], at[id(run[-1])], at[id(run[0])] - at[id(run[1])]))
        under = (
            piece is not None and bool(run) and at[id(run[-1])] - at[id(piece)] <= 2 * size
            and piece.x0 < run[-1].x1 and run[-1].x0 < piece.x1
        )
        run = [] if piece is None else [run[-1], piece] if under else [piece]
    if len(run) >= 3:
        runs.append((at[id(run[0])], at[id(run[-1])], at[id(run[0])] - at[id(run[1])]))
    return runs


def _baseline(f: Fragment) -> float:
    """Where ``f``'s line stands: the median foot of its glyphs. A face whose glyphs pdfium
    boxes each by its own outline (LibreOffice's embedded fonts declare no ascent or
    descent) gives a line with a "g" or a "y" a lower box than one without; most of a
    line's glyphs stand on its baseline. (A face boxed by its ascent and descent gives every
    glyph the same foot, the box's.)"""
    feet = [g.y0 for g in f.glyphs if not g.char.isspace()]
    return quick_median(feet) if feet else f.y0


def _steps_overlap(a: tuple[float, float, float], b: tuple[float, float, float]) -> bool:
    """Whether two runs of lines share a height of two steps of the wider pitch at least."""
    shared = min(a[0], b[0]) - max(a[1], b[1])
    return shared >= 2 * max(a[2], b[2]) - STEADY_STEP


def _lines_inside_paragraphs(lines: dict[float, list[Fragment]], size: float) -> set[float]:
    """The lines (by height) that the line above runs on onto and that run on onto the
    line below (see :func:`_beside_running_lines`)."""
    # The column's right edge: where its longer lines end, most of them (a page number or a
    # line set out past the column does not move it).
    ends = {y: max(f.x1 for f in line) for y, line in lines.items()}
    half = (min(f.x0 for line in lines.values() for f in line) + max(ends.values())) / 2
    right = statistics.median(end for end in ends.values() if end > half)
    runs_on: set[float] = set()  # lines the line above runs on onto
    runs_into: set[float] = set()  # lines that run on onto the line below
    for above, below in itertools.pairwise(sorted(lines, reverse=True)):
        pieces = sorted(lines[above], key=_x0_of)
        last = pieces[-1].text.rstrip()[-1:]
        if (
            above - below <= NEXT_LINE * size
            and abs(right - ends[above]) <= FULL_LINE * size
            and sum(word_count(f.text) for f in pieces) >= RUNNING_WORDS
            # (Its pieces a word space apart, at most stretched: no cell past a wide gap.)
            and all(b.x0 - a.x1 <= WORD_SPACE * size for a, b in itertools.pairwise(pieces))
            # (A word or a break inside a sentence; a table's row ends in a figure.)
            and (last.isalpha() or last in ",-\u00ad")
        ):
            runs_on.add(below)
            runs_into.add(above)
    return runs_on & runs_into


def _entries(heights: set[float]) -> list[list[float]]:
    """Lines (by height) in entries, top down: lines at the tightest pitch between two of
    them (to :data:`ENTRY_PITCH` of it) are one entry's."""
    down = sorted(heights, reverse=True)
    steps = [a - b for a, b in itertools.pairwise(down) if a - b > 0]
    if not steps:
        return [down] if down else []
    pitch = min(steps)
    entries = [[down[0]]]
    for above, below in itertools.pairwise(down):
        if above - below > ENTRY_PITCH * pitch:
            entries.append([])
        entries[-1].append(below)
    return entries


#: A list label stands no further than this many type sizes from the text it labels.
LABEL_REACH = 3.0
#: A label hung in the gutter: no more than this share of the left column's pieces reach
#: past its start (a footer or a heading across the gutter may; a column's lines, most of
#: them, end short of a gutter).
HUNG_CLEAR = 0.2


def _labels_hung_in_gap(left: list[Fragment], right: list[Fragment]) -> bool:
    """A list label ("a)", "•") on the ``left`` of a gap is the last piece of its line
    there, and the line goes on across the gap on the ``right``, nearer than anything on the
    label's left: the label hangs in the margin of the column on its right, and the gap is
    the space between labels and their items, no gutter. (A column's left edge is lined up
    by its text, not by labels hung before it; cut there, the labels would be read with the
    column on their left, each item's label apart from its text.)"""
    edge = max(map(_x1_of, left))
    labels = [
        f for f in left if f.x1 - f.x0 < 3 * f.size and is_marker(f.text.strip())
        and edge - f.x1 < LABEL_REACH * f.size
    ]
    if not labels:
        return False
    # (Hung in the gutter, a label stands clear of the left column's lines: an equation's
    # number "(1)", set flush right in that column, ends its line, and is no label.)
    ends = sorted(f.x1 for f in left if not is_marker(f.text.strip()))
    for label in labels:
        if len(ends) - bisect.bisect_right(ends, label.x0) > HUNG_CLEAR * len(ends):
            continue
        mid, half = (label.y0 + label.y1) / 2, (label.y1 - label.y0) / 2
        text = min(
            (g.x0 - label.x1 for g in right if abs((g.y0 + g.y1) / 2 - mid) < half),
            default=math.inf,
        )
        if not 0 <= text < LABEL_REACH * label.size:
            continue
        before = min(
            (label.x0 - g.x1 for g in left
             if g is not label and g.x0 < label.x0 and abs((g.y0 + g.y1) / 2 - mid) < half),
            default=math.inf,
        )
        after = any(
            g is not label and g.x0 >= label.x1 and abs((g.y0 + g.y1) / 2 - mid) < half
            for g in left
        )
        if text < before and not after:
            return True
    return False


#: Pieces of a line closer than this many type sizes are words of one line of text: the
#: widest word space of a justified line, measured between the glyphs' inked boxes (after
#: a full stop), is about one size; the gap between a table's columns is wider.
WORD_GAP = 1.2


def _rejoined_text_like(side: list[Fragment], gutter: float) -> bool:
    """:func:`_text_like` of ``side`` measured with its lines' pieces joined again
    (:func:`_words_rejoined`); False at once where the side has too few words for it (joining
    pieces adds none), or no piece joins another (the side is as it was, and was measured
    so)."""
    if sum(map(_words_of, side)) < 3 * LONG_LINE_WORDS:
        return False  # (joined or not, too few words for three lines of running text)
    rejoined = _words_rejoined(side, gutter)
    return len(rejoined) < len(side) and _text_like(rejoined)


def _words_rejoined(frags: list[Fragment], gutter: float) -> list[Fragment]:
    """``frags`` with the pieces of each line (level with one another) that stand no more
    than :data:`WORD_GAP` sizes apart, and closer than the ``gutter`` beside them, joined
    into one fragment: the line a justified column's stretched word spaces broke into pieces
    (see :data:`FRAGMENT_GAP`), whole again for :func:`_text_like` to measure. Pieces that
    do not join are kept as they were. (A gutter is wider than the word spaces either side
    of it: a gap no wider than a line's own word spaces is a space in a line across it.)"""
    rows: list[list[Fragment]] = []
    row: list[Fragment] = []
    level = reach = 0.0  # the row's first piece's y0, and how far from it a piece joins it
    for f in sorted(frags, key=_base):
        if row and abs(level - f.y0) <= reach:
            row.append(f)
        else:
            row = [f]
            rows.append(row)
            # (max() of two values spelled out with its exact semantics, ``max(a, b)`` is
            # ``b if b > a else a``: every piece of every side the column search looks at.)
            reach = 0.3 * (f.y1 - f.y0)
            level, reach = f.y0, reach if reach > 1.0 else 1.0
    joined: list[Fragment] = []
    for row in rows:
        if len(row) == 1:
            joined.append(row[0])  # (most lines: one piece, nothing to join)
            continue
        row.sort(key=_x_span)
        line = row[0]
        for f in itertools.islice(row, 1, None):
            gap = f.x0 - line.x1
            # (The sizes asked only of a gap narrower than the gutter: most are not.)
            if 0 <= gap < gutter and gap < WORD_GAP * (
                f.size if f.size > line.size else line.size
            ):
                line = Fragment(
                    glyphs=line.glyphs + f.glyphs, text=f"{line.text} {f.text}",
                    x0=line.x0, y0=min(line.y0, f.y0), x1=f.x1, y1=max(line.y1, f.y1),
                )
            else:
                joined.append(line)
                line = f
        joined.append(line)
    return joined


#: Type this many times the part's median size (or larger) is set for display: a heading,
#: a title, a decorative initial (see :func:`_split_past_display_lines`).
DISPLAY_SIZE = 1.5
#: Display lines are a few of the part's lines: at most this share of them.
DISPLAY_SHARE = 0.25


class _Sized(Boxed, Protocol):
    @property
    def size(self) -> float: ...


_S = TypeVar("_S", bound=_Sized)


def _split_past_display_lines(frags: list[Fragment]) -> _Split | None:
    """Two columns of set text whose gutter a few display lines reach into: headings in a
    larger face (a script face's swash capital overhanging to the left) set at the head of
    the right-hand column start inside the gutter, over the left column's extent, and no
    band runs clear down the whole part. A reader still sees the gutter: the body text on
    both sides keeps it clear, and each display line stands in its own column.
    The split (:func:`_split_past_display`): the gutter of the lines in the body's type,
    with running text on both sides."""
    return _split_past_display(
        frags, _sizes_of, MIN_GUTTER,
        lambda left, right, size: not _no_gutter(
            _gap_of(left, right), size, _narrower_side((left, right))
        ) and _text_like(left) and _text_like(right),
    )


def _sizes_of(frags: list[Fragment]) -> list[float]:
    return list(map(_size_of, frags))


def _gap_of(left: Sequence[Boxed], right: Sequence[Boxed]) -> float:
    gap: float = min(map(_x0_of, right)) - max(map(_x1_of, left))
    return gap


def _split_past_display(
    items: list[_S], line_sizes: Callable[[list[_S]], list[float]], minimum: float,
    columns: Callable[[list[_S], list[_S], float], bool],
    keeps: Callable[[list[_S], list[_S]], bool] | None = None,
) -> tuple[list[_S], list[_S]] | None:
    """``items`` split at a gutter that a few display items reach into (see
    :func:`_split_past_display_lines`), or None: the items in type at least
    :data:`DISPLAY_SIZE` times the median size of their lines' pieces (``line_sizes``: of
    each piece, a fragment, of the items' lines) set aside, holding no more than
    :data:`DISPLAY_SHARE` of the pieces; the widest gap of the rest (at least
    ``minimum`` wide) parts them into two sides that ``columns`` (left, right, the body's
    type size) finds columns (and ``keeps``, if given, still finds in the two sides with
    the display items). Each display item then goes to the side holding its middle,
    where it reaches over the gutter into the other side's extent by no more than its own
    type size, overlaps nothing of that side, and does not interrupt it (see
    :func:`_breaks_across`). A line across the columns (a title over both, a heading
    across the page) reaches far over, or has the other column stop for it: no split here
    (the cuts across find the columns under it)."""
    # (Each item's size asked once: a block's is a property, and the reading order asks
    # this of the same blocks at every step of its recursion.)
    item_sizes = list(map(_size_of, items))
    faces = [size for size in item_sizes if size > 0]
    if not faces or max(faces) < DISPLAY_SIZE * min(faces):
        return None  # (one face size, or near it: most parts, at once)
    sizes = line_sizes(items)
    body_size: float = quick_median(sizes)
    floor = DISPLAY_SIZE * body_size
    display = [item for item, size in zip(items, item_sizes, strict=True) if size >= floor]
    if not display or not body_size or len(line_sizes(display)) > DISPLAY_SHARE * len(sizes):
        return None
    body = [item for item, size in zip(items, item_sizes, strict=True) if size < floor]
    if not body:
        return None
    gap, at, ordered = _widest_gap(body, "x")
    if at < 0 or gap < minimum:
        return None
    left, right = ordered[:at], ordered[at:]
    if not columns(left, right, body_size):
        return None
    start, end = max(map(_x1_of, left)), min(map(_x0_of, right))  # the gutter's edges
    middle = start + end
    for item in display:
        (left if item.x0 + item.x1 <= middle else right).append(item)
    for item in display:
        # (How far it reaches over the gutter into the other side's extent.)
        if item.x0 + item.x1 <= middle:
            reach, other = item.x1 - end, right
        else:
            reach, other = start - item.x0, left
        if reach > 0 and (
            reach > item.size
            or any(_overlap(item, o) for o in other)
            or _breaks_across(item, other)
        ):
            return None
    if keeps is not None and not keeps(left, right):
        return None
    return sorted(left, key=_x_span), sorted(right, key=_x_span)


def _overlap(a: Boxed, b: Boxed) -> bool:
    """The boxes overlap, across by any width and up the page by more than the share
    :data:`LINE_TOUCH` of the lower one's height (a line's descent touching the ascent of
    the line under it is no overlap)."""
    if not (a.x0 < b.x1 and b.x0 < a.x1):
        return False
    low = min(a.y1 - a.y0, b.y1 - b.y0)
    return min(a.y1, b.y1) - max(a.y0, b.y0) > LINE_TOUCH * low


def _breaks_across(item: Boxed, side: Sequence[Boxed]) -> bool:
    """The ``side``'s text stops for ``item``: it runs on close above it and close below it
    (within twice its height), none of it level with it. The line interrupts that column:
    it spans the columns, and is no line beside the other column."""
    near = 2 * (item.y1 - item.y0)
    above = below = False
    for o in side:
        if o.y0 < item.y1 and item.y0 < o.y1:
            return False
        above = above or item.y1 <= o.y0 <= item.y1 + near
        below = below or item.y0 - near <= o.y1 <= item.y0
    return above and below


#: A cut between lines is wider than this share of the height of the lines either side.
LEADING_SHARE = 0.25


def _listing_beside_prose(left: list[Fragment], right: list[Fragment]) -> bool:
    """One side is a listing (program code: a few lines or more, in a fixed-pitch face, in
    ASCII), the other set in a proportional face: a column of code beside prose, whose lines
    may keep to the prose's rows without making a table. (Full-width CJK text is set at a
    fixed pitch too, and is no listing.) A side of figures in the listing's face (a version
    history's numbers and dates beside its notes, in a comment) is the listing's own
    column, no prose, unless it runs in lines of text as prose does."""
    if min(len(left), len(right)) < 3:
        return False
    listing = [is_listing(side) and _ascii(side) for side in (left, right)]
    if listing[0] == listing[1] or (is_listing(left) and is_listing(right)):
        return False
    other = right if listing[0] else left
    return not set_in_fixed_pitch(other) or _text_like(other)


#: A listing's lines run across the gap on this share of the shorter side's lines at least.
LISTING_ROWS = 0.5


def _one_listing(text: list[Fragment], other: list[Fragment]) -> bool:
    """The side that runs in lines of text (``text``) holds a listing's words, and both
    sides are set wholly in a fixed-pitch face, their lines running across the gap (half
    the shorter side's lines at least level with a piece on the other side): one listing
    whose spaces line its parts up in columns (a version history's notes beside its dates,
    comments aligned past the code), at whatever spacing its lines are set, to be read a
    line at a time, not as two columns nor as a table. (Two page columns holding listings
    hold prose too: a line of it in a proportional face on either side keeps them columns.
    :func:`_listing_beside_prose` tells a listing beside prose by the prose's face; this is
    the listing whole.)"""
    if min(len(text), len(other)) < 3:
        return False
    if not (_wholly_fixed_pitch(text) and _wholly_fixed_pitch(other)):
        return False
    if not is_listing(text) or not _ascii(text + other):
        return False
    return level_rows(text, other) >= LISTING_ROWS * min(len(text), len(other))


def _wholly_fixed_pitch(frags: list[Fragment]) -> bool:
    """Every piece whose pitch is known is set in a fixed-pitch face, and some are known (a
    box-drawing character's pitch is not)."""
    return any(f.fixed_pitch for f in frags) and all(f.fixed_pitch is not False for f in frags)


def _ascii(frags: list[Fragment]) -> bool:
    """The text is nearly all ASCII (a program's)."""
    text = "".join(f.text for f in frags)
    return sum(ch.isascii() for ch in text) >= 0.9 * len(text)


def _horizontal_cuts(
    frags: list[Fragment], share: float, limit: int = 24, top_down: bool = False
) -> tuple[list[Fragment], list[int]]:
    """(the fragments sorted by their tops, highest first; where to cut them): the widest
    horizontal gaps (at most ``limit``), top to bottom, as places in that order (a cut at
    ``i`` leaves ``spans[:i]`` above and ``spans[i:]`` below; the column search cuts the
    parts off only when it needs them). A gap is at least ``share`` of the fragments' median
    height. ``top_down``: ``frags`` are already sorted by their tops, as the parts cut off
    here are (sorting them again, stably, would give the same order).
    A gap is also wider than :data:`LEADING_SHARE` of the lines either side of it: between
    two lines of large type (a poster's two-line heading) a gap of the body text's leading
    is the heading's own leading, and cutting there would split the heading."""
    if _gap_accelerator is not None:
        found: tuple[list[Fragment], list[int]] | None = _gap_accelerator.horizontal_cuts(
            frags, share, LEADING_SHARE, limit, top_down
        )
        if found is not None:
            return found
    return _python_horizontal_cuts(frags, share, limit, top_down)


def _python_horizontal_cuts(
    frags: list[Fragment], share: float, limit: int = 24, top_down: bool = False
) -> tuple[list[Fragment], list[int]]:
    """:func:`_horizontal_cuts` in Python; ``_column_gap.c`` does the same in C (a test
    compares them)."""
    minimum = share * statistics.median([f.y1 - f.y0 for f in frags])  # (heights, unrolled)
    spans = frags if top_down else sorted(frags, key=lambda f: -f.y1)
    gaps: list[tuple[float, int]] = []
    reach = spans[0].y0
    reach_height = spans[0].y1 - spans[0].y0  # the line whose foot sets ``reach``
    for i in range(1, len(spans)):
        below = spans[i]
        gap = reach - below.y1
        if gap >= minimum and gap >= LEADING_SHARE * min(reach_height, below.y1 - below.y0):
            gaps.append((gap, i))
        start = below.y0
        if start < reach:  # min(reach, start) without the call
            reach, reach_height = start, below.y1 - below.y0
    return spans, sorted(i for _, i in sorted(gaps, reverse=True)[:limit])


_B = TypeVar("_B", bound=Boxed)


# The (start, end) sort keys, made in C: the column search sorts fragments by x tens of
# thousands of times per document.
_x_span = operator.attrgetter("x0", "x1")
_base = operator.attrgetter("y0")
_first_two = operator.itemgetter(0, 1)
_size_of = operator.attrgetter("size")
_x0_of = operator.attrgetter("x0")
_x1_of = operator.attrgetter("x1")
_y0_of = operator.attrgetter("y0")
_y1_of = operator.attrgetter("y1")
_rtl_of = operator.attrgetter("rtl")
_words_of = operator.attrgetter("words")
_text_of = operator.attrgetter("text")


def _widest_gap(items: list[_B], axis: str) -> tuple[float, int, list[_B]]:
    """(width, index, items in order along ``axis``) of the widest empty band across
    ``axis``; index -1 when there is none. The items before the index lie before the band."""
    if axis == "x":
        if _gap_accelerator is not None:
            found: tuple[float, int, list[_B]] | None = _gap_accelerator.widest_x_gap(items)
            if found is not None:
                return found
        return _python_widest_x_gap(items)
    if _gap_accelerator is not None:
        down: tuple[float, int, list[_B]] | None = _gap_accelerator.widest_y_gap(items)
        if down is not None:
            return down
    return _python_widest_y_gap(items)


def _python_widest_y_gap(items: list[_B]) -> tuple[float, int, list[_B]]:
    """:func:`_widest_gap` across y; ``_column_gap.c`` does the same in C (a test compares
    them)."""
    spans = sorted(((-f.y1, -f.y0, f) for f in items), key=_first_two)
    best_gap, best_at = 0.0, -1
    reach = spans[0][1]
    for i in range(1, len(spans)):
        start, end, _ = spans[i]
        gap = start - reach
        if gap > best_gap:
            best_gap, best_at = gap, i
        if end > reach:
            reach = end
    return best_gap, best_at, [s[2] for s in spans]


def _python_widest_x_gap(items: list[_B]) -> tuple[float, int, list[_B]]:
    """:func:`_widest_gap` across x; ``_column_gap.c`` does the same in C (keep the two in
    step: a test compares them)."""
    ordered = sorted(items, key=_x_span)
    best_gap, best_at = 0.0, -1
    reach = ordered[0].x1
    for i in range(1, len(ordered)):
        item = ordered[i]
        gap = item.x0 - reach
        if gap > best_gap:
            best_gap, best_at = gap, i
        if item.x1 > reach:  # max(reach, end) without the call: hot in the column search
            reach = item.x1
    return best_gap, best_at, ordered


def _gap_measures(
    items: list[Fragment], bounds: list[tuple[int, int]]
) -> list[_GapMeasures] | None:
    """The :data:`_GapMeasures` of each slice ``items[start:end]`` for (start, end) in
    ``bounds`` (0 <= start <= end <= len(items)); the size and the side 0.0 where the gap
    is narrower than :data:`MIN_GUTTER` (it decides alone), the width 0.0 where there is no
    gap. None where a coordinate is not a finite number (the parts are then measured one by
    one, as before)."""
    if _gap_accelerator is not None:
        measures: list[_GapMeasures] | None = _gap_accelerator.gap_measures(
            items, bounds, MIN_GUTTER
        )
        if measures is not None:
            return measures
    return _python_gap_measures(items, bounds)


def _python_gap_measures(
    items: list[Fragment], bounds: list[tuple[int, int]]
) -> list[_GapMeasures] | None:
    """:func:`_gap_measures` in Python; ``_column_gap.c`` does the same in C (a test compares
    them). The items are sorted by x once: a slice's items taken in that order are the slice
    sorted as :func:`_python_widest_x_gap` sorts it (stably, by the same keys), so the same
    walk over them finds the same widest gap. Where it is wide enough, the slice is measured
    as :func:`_find_column_split` measures it. (NaN compares false both ways, and a sort's
    result then depends on the items it is given: no measures.)"""
    if not all(math.isfinite(item.x0) and math.isfinite(item.x1) for item in items):
        return None
    ordered = sorted(range(len(items)), key=lambda k: _x_span(items[k]))
    measures: list[_GapMeasures] = []
    for start, end in bounds:
        inside = [items[k] for k in ordered if start <= k < end]
        best_gap, best_at = 0.0, -1
        reach = inside[0].x1 if inside else 0.0
        for n in range(1, len(inside)):
            item = inside[n]
            gap = item.x0 - reach
            if gap > best_gap:
                best_gap, best_at = gap, n
            if item.x1 > reach:
                reach = item.x1
        if best_at < 0 or best_gap < MIN_GUTTER:
            measures.append((best_gap, 0.0, 0.0))
            continue
        sides = inside[:best_at], inside[best_at:]
        measures.append((best_gap, _median_size(items[start:end]), _narrower_side(sides)))
    return measures


def _split(items: list[_B], axis: str, minimum: float) -> tuple[list[_B], list[_B]] | None:
    """Split at the widest empty band (at least ``minimum`` wide) across ``axis``."""
    gap, at, ordered = _widest_gap(items, axis)
    if at < 0 or gap < minimum:
        return None
    return ordered[:at], ordered[at:]


#: Words a line of running text holds at least (:func:`_text_like` wants three such lines).
LONG_LINE_WORDS = 4


def _text_like(frags: list[Fragment], depth: int = 0) -> bool:
    """Set text: lines of several words that fill their column (or columns, if this side is
    itself split by a gutter). Set round a picture, half its lines may run short beside it:
    two in five of them filling the column is enough."""
    if _gap_accelerator is not None:
        found: bool | None = _gap_accelerator.text_like(
            frags, depth, FRAGMENT_GAP, _leadered_entry
        )
        if found is not None:
            return found
    return _python_text_like(frags, depth)


def _python_text_like(frags: list[Fragment], depth: int = 0) -> bool:
    """:func:`_text_like` in Python; ``_column_gap.c`` does the same in C (keep the two in
    step: a test compares them). Asked of both sides of every gap the column search weighs."""
    if len(frags) < 3 or depth > 6:
        return False
    long = [f for f in frags if f.words >= LONG_LINE_WORDS or _leadered_entry(f)]
    if len(long) < 3:
        return False
    # Many short pieces (a contents list's numbers and dot leaders, the parts of a displayed
    # formula) beside running lines: still set text if the running lines carry most of it.
    if len(long) < len(frags) / 2 and sum(map(len, map(_text_of, long))) < 0.6 * sum(
        map(len, map(_text_of, frags))
    ):
        return False
    width = max(f.x1 for f in frags) - min(f.x0 for f in frags)
    running = frags if len(long) >= len(frags) / 2 else long
    # (The fragments' widths spelled out, as Fragment.width computes them: a property is a
    # call, and this is asked of every part the column search looks at.)
    if width > 0 and quick_median([(f.x1 - f.x0) / width for f in running]) >= 0.6:
        return True
    # Text set round a picture: the lines beside it are short, those below fill the column.
    if width > 0 and sum(f.x1 - f.x0 >= 0.9 * width for f in long) >= 0.4 * len(long):
        return True
    size = quick_median([f.size for f in frags]) or 10.0
    inner = _split(frags, "x", max(4.0, FRAGMENT_GAP * size))
    return inner is not None and (
        _python_text_like(inner[0], depth + 1) or _python_text_like(inner[1], depth + 1)
    )


def reading_order(
    blocks: list[Block], regions: dict[int, int] | None = None, depth: int = 0,
    figures: list[Block] | None = None, sections: dict[int, Section] | None = None,
    drawn: DrawnLines | None = None,
) -> list[Block]:
    """Blocks in reading order by recursive XY-cut. ``regions`` maps a block's id to the
    column region (:func:`column_regions`) it was built in: a gutter between blocks of
    different regions was found to separate columns of set text, so it is read as one even
    where the columns' paragraphs happen to start on the same rows (a glossary's terms).
    ``sections`` maps a block's id to its section (:class:`SectionBreaks`): a gutter that
    would read a later section before an earlier one is not cut when the page can be cut
    across instead. ``drawn``: the page's drawn lines, which part a form's bands of ruled
    cells (:func:`_ruled_parts`)."""
    if len(blocks) <= 1:
        # (Half the recursion's questions: one block, read as it is. At the top too, where
        # a lone block is neither a side note beside level text nor a picture under any.)
        return list(blocks)
    regions = regions or {}
    sections = sections or {}
    # (The page's figures, kept through the recursion: a caption is told by its picture.)
    figures = [b for b in blocks if b.kind == "figure"] if figures is None else figures

    def order(part: list[Block], level: int = depth + 1) -> list[Block]:
        return reading_order(part, regions, level, figures, sections, drawn)

    if depth == 0:
        # Side notes (see _set_aside_side_notes) would block every cut: read after the page.
        aside = side_notes(blocks)
        if aside:
            # (By identity: ``in`` compared every block field by field with every side note,
            # minutes on a page of ten thousand one-letter blocks.)
            gone = {id(b) for b in aside}
            rest = [b for b in blocks if id(b) not in gone]
            return order(rest, 0) + aside
        # A picture with text set on it (a cover photo, a bleed into the gutter) would bridge
        # the columns it overlaps and hide them: order the rest, then read the picture just
        # before the first of the texts lying most fully on it.
        text = [b for b in blocks if b.kind != "figure"]
        # (The texts' boxes made once, where the page has a picture to lay them on.)
        text_boxes = [t.bbox for t in text] if len(text) < len(blocks) else []
        under = [
            b for b in blocks
            if b.kind == "figure" and any(boxes_overlap(b.bbox, box) for box in text_boxes)
        ]
        if under:
            ordered = order([b for b in blocks if b not in under], 1)
            for figure in under:
                place = _place_of_picture(figure, ordered)
                ahead = _before_section_heads(figure, ordered, place)
                ordered.insert(ahead, figure)
                if ahead < place:
                    _caption_after(figure, ordered, ahead)
            if len(under) > 1 and not _mostly_rtl(blocks):
                _row_of_pictures_in_turn(ordered, under)
            return ordered
    if len(blocks) <= 1 or depth > 60:
        return _by_rows(blocks)
    if drawn is not None:
        extent = _extent(blocks)
        if drawn.within(extent):
            parts = _ruled_parts(blocks, extent, drawn, regions)
            if parts is not None:
                return [b for part in parts for b in order(part)]
        else:
            # No line drawn within the blocks' extent: none within any part of them either
            # (asked at every step of the recursion, which only narrows the extent).
            drawn = None
    vertical = _cut(blocks, axis="x")
    if vertical is None and regions:
        # (Each side's display blocks built in its columns, as the column search found.)
        apart = functools.partial(_apart_in_regions, regions=regions)
        vertical = _split_past_display(
            blocks, _line_sizes, 3.0, lambda left, right, _: apart(left, right), apart
        ) or _narrow_gutter(blocks, regions)
    if vertical is not None and numbers_alone(
        [f for b in vertical[0] for f in b.frags], [f for b in vertical[1] for f in b.frags]
    ):
        # A list's numbers, each alone on its line over its entry's indented text: read
        # with their entries, row by row, not as a column before them all.
        vertical = None
    horizontal = _cut(blocks, axis="y")
    if (
        vertical is not None and horizontal is not None
        and _indent_between_rows(*vertical) and not _apart_in_regions(*vertical, regions)
        and not _found_apart(*vertical, regions)
    ):
        # A list's terms by the indented text of the items before them: read down the page.
        vertical = None
    # (Columns the table finder found among a region's lines, numbered below zero, are read
    # one after the other, whatever their lines' lengths: the short lines of a list set
    # beside another are no ends of its rows.)
    # (Two columns of one numbered list, found apart by the column search, are read one
    # after the other as well: their entries stand level across the gutter, row by row.)
    numbered = vertical is not None and _numbered_apart(*vertical, regions)
    found_apart = numbered or (vertical is not None and _found_apart(*vertical, regions))
    ends = _row_ends(*vertical) if (
        vertical is not None and horizontal is None and not found_apart
    ) else None
    if ends is not None and vertical is not None and _contents_columns(*vertical):
        # (A contents entry whose leader dots are drawn one by one is all short pieces: no
        # row's end for all that.)
        ends = None
    if ends is not None:
        # Nothing cuts across, and one side of the gutter is only the ends of the other's
        # rows (a form's line numbers by its entry boxes, beside lines whose margin note
        # spans several rows): each is read with its row, not as a column after them all.
        pieces, other = ends
        return _with_row_ends(order(other), pieces)
    # (Asked last of blocks on the same rows, and only then: see _programs_side_by_side.)
    programs = False
    if vertical is not None and (
        horizontal is None
        or (
            (
                not _same_rows(*vertical)
                or _cards(*vertical)
                or _apart_in_regions(*vertical, regions)
                or (horizontal is not None and _runs_past_rows(vertical, horizontal))
                or _contents_columns(*vertical)
                or (programs := _programs_side_by_side(*vertical))
            )
            and (found_apart or not _one_row_beside(*vertical) or _contents_columns(*vertical))
            and not _against_sections(vertical, sections, blocks)
        )
    ):
        title = _centred_title(blocks)
        if title:
            rest = [b for b in blocks if b not in title]
            return title + order(rest)
        left, right = vertical
        if programs:
            # Each read down, line by line: their first lines open on one row (no row across
            # the columns), and an indented body is no column of its own beside its braces.
            return _by_rows(left) + _by_rows(right)
        # (A numbered list's first entries, level across the columns, are no line across.)
        top, middle, bottom = ([], blocks, []) if numbered else _rows_across(blocks, left, right)
        if top or bottom:
            return top + order(middle) + bottom
        rtl = _mostly_rtl(blocks)
        first, second = (right, left) if rtl else (left, right)
        lead = _title_over_gutter(blocks, left, right)
        if lead:
            first = [b for b in first if b not in lead]
            second = [b for b in second if b not in lead]
            if _starts_lines_above(second, first):
                first, second = second, first
            return order(lead) + order(first) + order(second)
        for notes, text in ((first, second), (second, first)):
            if _margin_notes(notes, text, figures):
                return _with_notes(
                    order(text), order(notes), _column_beside(text, notes), drawn, figures
                )
            if _asides(notes, text, figures):
                return order(text) + order(notes)
        return order(first) + order(second)
    if horizontal is not None:
        top, bottom = horizontal
        return order(top) + order(bottom)
    return _by_rows(blocks)


def _title_over_gutter(blocks: list[Block], left: list[Block], right: list[Block]) -> list[Block]:
    """The region's top block, if it stands above all the others (none level with it) and
    reaches more than an em of its type into the gutter between the columns under it (of
    two lines or more each, in type no larger than its own): a title over both (a
    letterhead's name over its address blocks), read before either column, not as the first
    block of the one it leans on. Empty otherwise."""
    title = max(blocks, key=lambda b: b.y1)
    if title.kind != "text" or any(b.y1 > title.y0 for b in blocks if b is not title):
        return []
    rest_left = [b for b in left if b is not title]
    rest_right = [b for b in right if b is not title]
    if min(sum(len(b.frags) for b in side) for side in (rest_left, rest_right)) < 2:
        return []  # (a label over single ones: a chart's tallest bar's value)
    sizes = [b.size for b in rest_left + rest_right if b.kind == "text" and b.size > 0]
    if not sizes or title.size < statistics.median(sizes):
        return []  # (a title is set no smaller than the text under it)
    gutter_start = max(b.x1 for b in rest_left)
    gutter_end = min(b.x0 for b in rest_right)
    # (Past an em: a column's heading ends within the column, a ragged line's width off.)
    em = title.size
    return [title] if (
        title.x0 < gutter_end and title.x1 > gutter_start and gutter_end > gutter_start
        and (title.x1 > gutter_start + em or title.x0 < gutter_end - em)
    ) else []


def _starts_lines_above(side: list[Block], other: list[Block]) -> bool:
    """``side`` starts at least two lines of its text above ``other``'s first block: going
    down the page a reader meets it first (a letterhead's address under its name, beside
    the addressee's block set lower, where an envelope's window is)."""
    text = [b for b in side if b.kind == "text" and b.frags]
    if not text or not other:
        return False
    top = max(b.y1 for b in other)
    line = statistics.median(f.height for b in text for f in b.frags)
    above = [b for b in text if b.y0 >= top]
    return bool(above) and max(b.y1 for b in side) - top >= 2 * line and sum(
        len(b.frags) for b in above
    ) >= 2


def _ruled_parts(
    blocks: list[Block], extent: _Extent, drawn: DrawnLines, regions: dict[int, int]
) -> list[list[Block]] | None:
    """The blocks parted by lines drawn between them, in reading order, or None: a form
    drawn as bands of ruled cells (boxes side by side, a label at the top of each and its
    field under it) is read band by band, top first, and each band cell by cell, as a
    sighted reader reads it; the widest gap, which the cut would otherwise take, may run
    through a band between a cell's label and its field, or down the page between cells of
    several bands. See :func:`_ruled_bands` and :func:`_ruled_cells`. (``extent``: the
    blocks' :func:`_extent`.)"""
    bands = _ruled_bands(blocks, extent, drawn, regions)
    if bands is not None:
        return bands
    cells = _ruled_cells(blocks, extent, drawn)
    if cells is not None and _mostly_rtl(blocks):
        cells.reverse()
    return cells


def _ruled_bands(
    blocks: list[Block], extent: _Extent, drawn: DrawnLines, regions: dict[int, int]
) -> list[list[Block]] | None:
    """The blocks in the bands (top first) that horizontal lines drawn across all of them
    divide them into: lines spanning their width (short of it by no more than the text's
    size at either end) that run through no block (touching a line's ascent or descent at
    most). None when there is none. Columns of set text found apart (``regions``) that both
    go on across such a line are no bands (a shape's edge behind two columns of text).
    (``extent``: the blocks' :func:`_extent`.)"""
    x0, x1, y0, y1 = extent
    # (Lines spanning the width short of the page's largest type size at either end first:
    # most parts of most pages have none, and are answered without their median type size.)
    reach = drawn.reach
    if not drawn.across_between(y0, y1, x0 + reach, x1 - reach):
        return None
    slack = _text_size(blocks)
    heights = drawn.across_between(y0, y1, x0 + slack, x1 - slack)
    if heights:
        struck = [drawn.struck_between(b) for b in blocks]
        heights = [y for y in heights if not any(lo < y < hi for lo, hi in struck)]
    if not heights:
        return None
    vertical = _cut(blocks, axis="x")
    if vertical is not None and _apart_in_regions(*vertical, regions):
        heights = [
            y for y in heights if not all(_on_both_sides(side, y) for side in vertical)
        ]
    return _parted(blocks, sorted(-y for y in heights), lambda b: -(b.y0 + b.y1) / 2)


def _ruled_cells(
    blocks: list[Block], extent: _Extent, drawn: DrawnLines
) -> list[list[Block]] | None:
    """The blocks in the cells (left first) that vertical lines drawn down the whole height
    of them divide them into (walls between cells of one band), or None. A wall whose sides
    keep mostly to the same rows (either way) is a table's rule between columns (a form's
    line items and their amounts), read row by row; a single block on one side (a cell's
    label the band's height beside a grid of choices) makes no rows with the other. Cells
    hold labels and short notes: among running text (a picture's frame beside a column) a
    line down is no wall."""
    x0, x1, y0, y1 = extent
    reach = drawn.reach  # (a first look, as :func:`_ruled_bands` takes)
    if not drawn.down_between(x0, x1, y0 + reach, y1 - reach) or _has_paragraph(blocks):
        return None  # (running text: its columns are found by their gutters)
    slack = _text_size(blocks)
    walls = []
    for x in drawn.down_between(x0, x1, y0 + slack, y1 - slack):
        if any(b.x0 + WALL_TOUCH < x < b.x1 - WALL_TOUCH for b in blocks):
            continue  # text runs across the line: no wall between cells
        left = [b for b in blocks if (b.x0 + b.x1) / 2 < x]
        right = [b for b in blocks if (b.x0 + b.x1) / 2 >= x]
        if not left or not right:
            continue
        if min(len(left), len(right)) > 1 and (
            _same_rows(left, right) or _same_rows(right, left)
        ):
            continue
        if _ends_rows(left, right):
            continue  # a row's number by its entry box, past the wall: read with its row
        walls.append(x)
    if not walls:
        return None
    return _parted(blocks, sorted(walls), lambda b: (b.x0 + b.x1) / 2)


def _ends_rows(left: list[Block], right: list[Block]) -> bool:
    """The side read last (right, in left-to-right text) holds only pieces each ending a row
    of the side read first (:func:`_row_ends`): a form's line number set in the box past the
    wall after its line, which is no cell of its own. (A label read first, the band's height
    beside a grid of choices, is still a cell.)"""
    after = left if _mostly_rtl(left + right) else right
    ends = _row_ends(left, right)
    return ends is not None and ends[0] is after


#: A wall between cells runs at least this far (points) inside a block's box to part it (text
#: set against the wall touches it).
WALL_TOUCH = 1.0


def _parted(
    blocks: list[Block], cuts: list[float], key: Callable[[Block], float]
) -> list[list[Block]] | None:
    """``blocks`` parted at the ``cuts`` (sorted, in the measure of ``key``, by which each
    block is placed), parts in that order; None when fewer than two parts hold blocks."""
    parts: list[list[Block]] = [[] for _ in range(len(cuts) + 1)]
    for b in blocks:
        parts[bisect.bisect_left(cuts, key(b))].append(b)
    held = [part for part in parts if part]
    return held if len(held) > 1 else None


#: (x0, x1, y0, y1) of a set of blocks.
_Extent = tuple[float, float, float, float]


def _extent(blocks: list[Block]) -> _Extent:
    if _gap_accelerator is not None and isinstance(blocks, list):
        # (In C where built: asked at every step of the recursion on a page of drawn lines.)
        found: _Extent | None = _gap_accelerator.extent(blocks)
        if found is not None:
            return found
    return _python_extent(blocks)


def _python_extent(blocks: list[Block]) -> _Extent:
    """:func:`_extent` in Python; ``_column_gap.c`` does the same in C (a test compares
    them)."""
    return (
        min(map(_x0_of, blocks)), max(map(_x1_of, blocks)),
        min(map(_y0_of, blocks)), max(map(_y1_of, blocks)),
    )


def _text_size(blocks: list[Block]) -> float:
    """The blocks' median type size (a picture has none; 10 points when none has one)."""
    sizes = [size for size in map(_size_of, blocks) if size > 0]
    return quick_median(sizes) if sizes else 10.0


def _struck_range(block: Block) -> tuple[float, float]:
    """The heights strictly between which a line runs through the block (not just touching
    the ascent of its top line or the descent of its bottom one)."""
    if not block.frags:
        return block.y0, block.y1
    inset = LINE_TOUCH * min([f.y1 - f.y0 for f in block.frags])
    return block.y0 + inset, block.y1 - inset


def _on_both_sides(blocks: list[Block], y: float) -> bool:
    """Some of the blocks lie above height ``y`` and some below (by their middles)."""
    above = [(b.y0 + b.y1) / 2 > y for b in blocks]
    return any(above) and not all(above)


#: Text this share of which lies on a picture is set on it (a title on a cover photograph).
SET_ON_PICTURE = 0.5


def _place_of_picture(figure: Block, ordered: list[Block]) -> int:
    """Where a picture overlapping text is read among the ``ordered`` other blocks: just
    before the text set most fully on it (a cover photograph before its title); or, when
    text only grazes it (the last line of a margin note reaching into a photograph's white
    edge), before the first text of its column that starts below its top — where a reader
    comes to it going down the column, not between a note's lines. A text of its column runs
    into the picture's width for more than half an em of its type: text set beside it that
    only touches its edge (a list's longest line reaching the photograph's transparent
    margin) is not of its column, and with no text of its column below it the picture is
    read after the last text touching it — the text beside it, read before the picture."""
    # (Text of the column above running on into the picture's top edge is not set on it.)
    running_in = {
        k for k, b in enumerate(ordered)
        if k and b.y0 < figure.y1 and runs_into_top(b, ordered[k - 1], figure)
    }
    shares = [
        (area_share(b, figure), -k) for k, b in enumerate(ordered)
        if b.kind != "figure" and k not in running_in
    ] or [(0.0, 0)]
    share, place = max(shares)
    if share >= SET_ON_PICTURE:
        caption = next(
            (k for k, b in enumerate(ordered)
             if b.kind == "text" and caption_text(b.text) is not None and _captions(b, figure)),
            None,
        )
        if caption is None or caption < -place or not any(
            b.kind == "text" and _has_paragraph([b]) and not boxes_overlap(b.bbox, figure.bbox)
            for b in ordered[-place:caption]
        ):
            return -place
        # A chart cut in two by the page's order, a label at its top read with the text
        # beside it, the rest with its caption below, running text between: read with the
        # caption, before the labels (and sub-captions) read just before that.
        while caption > 0 and ordered[caption - 1].kind == "text" and _by_picture(
            ordered[caption - 1], figure
        ):
            caption -= 1
        return caption
    for k, b in enumerate(ordered):
        if (
            b.kind != "figure" and b.y1 <= figure.y1 and k not in running_in
            and min(b.x1, figure.x1) - max(b.x0, figure.x0) > TOUCHING_EM * max(b.size, 1.0)
        ):
            return k
    touching = [
        k for k, b in enumerate(ordered)
        if b.kind != "figure" and boxes_overlap(b.bbox, figure.bbox)
    ]
    return touching[-1] + 1 if touching else -place


def runs_into_top(block: Block, before: Block | None, figure: Block) -> bool:
    """The ``block`` set on the picture's top edge goes on from the text read ``before`` it,
    set off the picture: its top within a line of the picture's top, a line under that
    text's foot, at its left edge, in its size (a list's last item drawn on a picture's
    transparent margin, "1.5: Modernize federal defenses" under "1.4: …"). It is the column's
    text running into the picture, not text set on it: the picture is read after it."""
    if before is None or before.kind != "text" or block.kind != "text":
        return False
    line = max(block.size, 1.0)
    # (Where the two stand asked first: most blocks by a picture are nowhere near its top.)
    return (
        figure.y1 - block.y1 <= line
        and -0.5 * line <= before.y0 - block.y1 <= line
        and abs(before.x0 - block.x0) <= TOUCHING_EM * line
        and abs(before.size - block.size) <= 0.1 * line
        and area_share(before, figure) < SET_ON_PICTURE
        # (In its face: a picture's label under its caption, at its edge, is set otherwise.)
        and before.bold == block.bold and _italic(before) == _italic(block)
        and caption_text(before.text) is None
    )


def tops_out_at(block: Block, figure: Block) -> bool:
    """Whether the top of ``block`` stands within a line of the picture's top: what
    :func:`runs_into_top` asks first of ``block``, whatever it is read ``before``. (False:
    it runs in after no block; asked once per block, not once per block it may follow.)"""
    return figure.y1 - block.y1 <= max(block.size, 1.0)


def _italic(block: Block) -> bool:
    """Most of the block's letters are italic."""
    letters = [g.italic for f in block.frags for g in f.glyphs if g.char.isalpha()]
    return sum(letters) > len(letters) / 2


def _row_of_pictures_in_turn(ordered: list[Block], placed: list[Block]) -> None:
    """Read a row of pictures set on the page's text (``placed`` among the ``ordered``
    blocks, each where its column reaches it: see :func:`_place_of_picture`) from left to
    right, each with its caption. Their captions, read with the pictures taken out, go by
    their tops, and a caption set beside a picture's lower half comes first: the picture
    on the right, set a little higher, was read before the one on the left, whose caption
    hung lower (a memo's two photographs side by side under a paragraph, their tops
    reaching into its last line). A picture is moved, with the captions read just after it,
    to before one level with it on its right when only that one's captions stand between
    them, never running text."""
    for _ in range(len(placed) * len(placed)):
        moved = False
        for figure in placed:
            at = ordered.index(figure)
            before = at - 1
            while before >= 0 and ordered[before].kind == "text" and not _has_paragraph(
                [ordered[before]]
            ):
                before -= 1
            if before < 0 or ordered[before].kind != "figure":
                continue
            other = ordered[before]
            if not (figure.x1 <= other.x0 and _level_pictures(figure, other)) or not all(
                _captions(b, other) or _by_picture(b, other) for b in ordered[before + 1:at]
            ):
                continue
            end = at + 1
            while end < len(ordered) and ordered[end].kind == "text" and _captions(
                ordered[end], figure
            ) and not _has_paragraph([ordered[end]]):
                end += 1
            ordered[before:end] = ordered[at:end] + ordered[before:at]
            moved = True
        if not moved:
            return


def _level_pictures(one: Block, other: Block) -> bool:
    """Two pictures stand in one row: they overlap down the page by half the shorter's
    height at least."""
    shared = min(one.y1, other.y1) - max(one.y0, other.y0)
    return shared >= 0.5 * min(one.y1 - one.y0, other.y1 - other.y0)


#: A heading opening a section is at most this many words long.
SECTION_HEAD_WORDS = 12


def _before_section_heads(figure: Block, ordered: list[Block], place: int) -> int:
    """Where the picture to be read at ``place`` (before running text) goes when the text's
    heading is read just before it: before that heading when it opens a section after the
    picture began (its top below the picture's top, level with the picture). A picture set
    at the head of one section beside its text is not read in the next section, whose
    heading stands beside it further down (a book's figure beside "Individual Variations"
    and its paragraph, with "Cultural Variations" opening under them, level with the
    picture's lower half). A picture below the heading's top sits inside that section and
    stays after it."""
    if place >= len(ordered) or not _has_paragraph([ordered[place]]):
        return place
    text = ordered[place]
    ahead = place
    while (
        ahead > 0 and _opens_section_beside(ordered[ahead - 1], figure)
        and _face_over(text, ordered[ahead - 1]) and _set_over(ordered[ahead - 1], text)
    ):
        ahead -= 1
    return ahead


def _opens_section_beside(block: Block, figure: Block) -> bool:
    """``block`` is a heading's one line, level with ``figure`` below its top."""
    return (
        block.kind == "text" and _one_line(block) and word_count(block.text) <= SECTION_HEAD_WORDS
        and caption_text(block.text) is None
        and figure.y0 < block.y0 and block.y1 < figure.y1
    )


def _face_over(text: Block, head: Block) -> bool:
    """``head`` is set in a heading's face over ``text``: bold over plain, or larger."""
    return (head.bold and not text.bold) or head.size > HEAD_SIZE_OVER * text.size


def _set_over(head: Block, text: Block) -> bool:
    """``head`` stands over the first line of ``text`` (running text), lined up with it on
    the left within an em and no more than two of its lines above it: a heading over its
    paragraph, not a byline or a note standing apart."""
    first = text.frags[0]
    em = max(text.size, 1.0)
    return abs(head.x0 - first.x0) <= em and 0 <= head.y0 - first.y1 <= 2 * first.height


#: A heading set larger than its text is at least this many times its size.
HEAD_SIZE_OVER = 1.15


def _caption_after(figure: Block, ordered: list[Block], at: int) -> None:
    """Move the caption under or over ``figure`` (at ``at`` in ``ordered``), read later,
    to just after it: a caption is read with its picture, not in the section after it."""
    caption = next(
        (k for k, b in enumerate(ordered)
         if k > at and b.kind == "text" and caption_text(b.text) is not None
         and _captions(b, figure)),
        None,
    )
    if caption is not None and caption > at + 1:
        ordered.insert(at + 1, ordered.pop(caption))


def _by_picture(block: Block, figure: Block) -> bool:
    """``block`` is a label of ``figure``: no running text, on it or within an em of it."""
    if _has_paragraph([block]):
        return False
    em = max(block.size, 1.0)
    return (
        block.x0 - em < figure.x1 and figure.x0 < block.x1 + em
        and block.y0 - em < figure.y1 and figure.y0 < block.y1 + em
    )


#: Text reaching this many ems of its type into a picture's width, or less, only touches
#: its edge.
TOUCHING_EM = 0.5


def _centred_title(items: list[Block]) -> list[Block]:
    """The region's first line, if it is a title over the rest: alone on the top line, set
    apart from the lines below by a gap and centred over the region (within a tenth of its
    width), in a larger face than the region's text. Empty otherwise. (Such a title may end
    inside a gutter below it, and narrow it to a gap that is no column break; read first, it
    is out of the way. Two heads atop two columns are no title, even centred together.)"""
    top = max(items, key=lambda b: b.y1)
    band = [b for b in items if b.y0 < top.y1 and b.y1 > top.y0]
    if len(band) != 1 or len(items) == 1:
        return []
    kept = {id(b) for b in band}
    rest = [b for b in items if id(b) not in kept]
    line = max(b.y1 - b.y0 for b in band)
    if max(b.y1 for b in rest) > min(b.y0 for b in band) - LEADING_SHARE * line:
        return []  # no gap under the line: a column's first line
    sizes = [b.size for b in rest if b.size > 0]  # (a picture has no type size)
    if not sizes or min(b.size for b in band) <= 1.2 * statistics.median(sizes):
        return []
    start, end = min(b.x0 for b in items), max(b.x1 for b in items)
    middle = (min(b.x0 for b in band) + max(b.x1 for b in band)) / 2
    return band if abs(middle - (start + end) / 2) <= 0.1 * (end - start) else []


def _rows_across(
    blocks: list[Block], left: list[Block], right: list[Block]
) -> tuple[list[Block], list[Block], list[Block]]:
    """(top row, the rest, bottom row): a single line at the top or foot of the region,
    set apart from the other text by a gap, with pieces either side of the gutter (a
    poster's footer: department, date, authors; a running header with the title left and the
    page right). It runs across the columns, so it is read before or after them, not piece
    by piece inside them. (A picture may reach into the line's band: it holds no words.)"""
    on_left = {id(b) for b in left}
    text = [b for b in blocks if b.kind != "figure"]
    if len(text) < 3:
        return [], blocks, []

    def row_of(items: list[Block]) -> list[Block]:
        """The blocks of ``items`` (sorted from the edge inwards) that overlap the first
        one's line band, if that band is one line set apart from the rest by a gap."""
        first = items[0]
        row = [b for b in items if b.y1 > first.y0 and b.y0 < first.y1]
        line = max((f.height for b in row for f in b.frags), default=0.0)
        low, high = min(b.y0 for b in row), max(b.y1 for b in row)
        if not line or high - low > 1.5 * line or len(row) == len(items):
            return []
        if all(id(b) in on_left for b in row) or not any(id(b) in on_left for b in row):
            return []  # not across the gutter
        if any(b.y1 > low - line and b.y0 < high + line for b in items if b not in row):
            # No gap of a line between the row and the rest: column heads over their text.
            return []
        return row

    top = row_of(sorted(text, key=lambda b: -b.y1))
    rest = [b for b in text if b not in top]
    bottom = row_of(sorted(rest, key=lambda b: b.y0))
    if not top and not bottom:
        return [], blocks, []
    edge = {id(b) for b in top + bottom}
    return _by_rows(top), [b for b in blocks if id(b) not in edge], _by_rows(bottom)


#: Margin notes take at most this share of the width of the text beside them.
MARGIN_NOTE_WIDTH = 0.4


def _margin_notes(notes: list[Block], text: list[Block], figures: list[Block]) -> bool:
    """``notes`` are margin notes beside ``text`` (a textbook's glossary in its outer
    margin): text blocks in a column much narrower, in a smaller type, carrying fewer words
    than the running text beside them, which is one column (a narrow first column beside
    two others is a column of a folded leaflet, no margin); or a few notes in the body's
    type (:func:`_few_beside_columns`). The margin may hold pictures
    with their captions as well, but captions under or over pictures (``figures``) alone
    make a column of pictures, no margin notes."""
    # (The cheap tests first: this is asked at every column cut of the reading order.)
    if not notes or not text or any(b.kind not in ("text", "figure") for b in notes):
        return False
    if not _narrow_beside(notes, text, MARGIN_NOTE_WIDTH):
        return False
    noted = [b for b in notes if b.kind == "text"]
    running = [b for b in text if b.kind == "text"]
    if not noted or not _has_paragraph(running):
        return False
    if sum(word_count(b.text) for b in noted) >= sum(word_count(b.text) for b in running):
        return False
    if all(any(_captions(b, figure) for figure in figures) for b in noted):
        return False
    if statistics.median(b.size for b in noted) < 0.95 * statistics.median(
        b.size for b in running
    ):
        return _cut(text, axis="x") is None
    return _few_beside_columns(noted, text)


#: Margin notes in the body's type fill at most this share of the height of the text beside.
MARGIN_NOTE_HEIGHT = 0.25


def _few_beside_columns(noted: list[Block], text: list[Block]) -> bool:
    """Text in the body's type, a margin's width beside running text, that is a few margin
    notes (LaTeX's \\marginpar), not a column: it fills a small share of the height of the
    text (a column, a folded leaflet's narrow panel, runs down the page) and is much
    narrower than the column next to it. Side heads in bold beside their paragraphs are no
    notes: they are read before the text, not after it; nor are labels hung in the margin
    before their items or entries ("a)", "•", "[Kay04]"), which hold a few words at most."""
    if any(b.bold or word_count(b.text) <= GLOSSARY_TERM_WORDS for b in noted):
        return False
    filled = sum(b.y1 - b.y0 for b in noted)
    if filled > MARGIN_NOTE_HEIGHT * (max(b.y1 for b in text) - min(b.y0 for b in text)):
        return False
    return _narrow_beside(noted, _column_beside(text, noted), MARGIN_NOTE_WIDTH)


def _column_beside(text: list[Block], notes: list[Block]) -> list[Block]:
    """The blocks of ``text`` in its column next to the ``notes`` (all of ``text`` when it
    is one column): cut into columns while the side next to the notes holds running text."""
    on_left = max(b.x1 for b in notes) <= min(b.x0 for b in text)
    column = text
    while (cut := _cut(column, axis="x")) is not None:
        near = cut[0] if on_left else cut[1]
        if not _has_paragraph([b for b in near if b.kind == "text"]):
            break
        column = near
    return column


def _narrow_beside(side: list[Block], text: list[Block], share: float) -> bool:
    """Whether the blocks of ``side`` span at most ``share`` of the width of ``text``'s."""
    width = max(b.x1 for b in side) - min(b.x0 for b in side)
    return width <= share * (max(b.x1 for b in text) - min(b.x0 for b in text))


def _has_paragraph(blocks: list[Block]) -> bool:
    """Running text: a block of two lines or more and :data:`PANEL_MIN_WORDS` words (a
    diagram's labels and sub-captions are none)."""
    return any(len(b.frags) >= 2 and word_count(b.text) >= PANEL_MIN_WORDS for b in blocks)


#: A credit or note beside a picture holds at most this many words.
ASIDE_WORDS = 40
#: A side of pictures and captions is narrower than this share of the text beside it.
ASIDE_WIDTH = 0.95


def _asides(side: list[Block], text: list[Block], figures: list[Block]) -> bool:
    """``side`` holds only a picture's parts beside ``text``, one wider column of running
    text: pictures, captions ("Figure 5.4 ..."), a chart's short labels, credits and notes
    in a smaller type. Read after the text beside them, they do not cut it (and the text
    says what the picture shows before the picture is described). A picture atop one of
    two columns of the same width stays in its column's flow."""
    if not side or not text or any(b.kind not in ("text", "figure") for b in side):
        return False
    if not _narrow_beside(side, text, ASIDE_WIDTH):
        return False
    running = [b for b in text if b.kind == "text"]
    if not _has_paragraph(running):
        return False
    body = statistics.median(b.size for b in running)
    captioned = False
    for b in side:
        if b.kind == "figure":
            captioned = True
            continue
        if caption_text(b.text) is not None or any(_captions(b, f) for f in figures):
            captioned = True
        elif word_count(b.text) > 3 and (
            b.size >= 0.95 * body or word_count(b.text) > ASIDE_WORDS
        ):
            return False  # text of its own
    if not captioned:
        return False
    if sum(word_count(b.text) for b in side) >= sum(word_count(b.text) for b in running):
        return False
    return _cut(text, axis="x") is None


def _captions(block: Block, figure: Block) -> bool:
    """``block`` stands right under or over ``figure`` (within two lines), overlapping it
    across."""
    if block.x1 <= figure.x0 or figure.x1 <= block.x0:
        return False
    line = block.frags[0].height if block.frags else 0.0
    return -line <= figure.y0 - block.y1 <= 2 * line or -line <= block.y0 - figure.y1 <= 2 * line


#: A note set beside at least this many rows of one line each is a form's sidebar to them.
SIDEBAR_ROWS = 3


def _of_picture(note: Block, figure: Block) -> bool:
    """``note`` is part of ``figure``: set on it (a label); or a caption ("Figure 5.3 …") or
    a credit turned up its side, within two of its lines of its edge."""
    if boxes_overlap(note.bbox, figure.bbox):
        return True
    if caption_text(note.text) is None and not all(turned(f) for f in note.frags):
        return False
    reach = 2 * _note_line(note)
    return (
        note.x0 - reach < figure.x1 and figure.x0 < note.x1 + reach
        and note.y0 - reach < figure.y1 and figure.y0 < note.y1 + reach
    )


#: A glossary's term is used by a paragraph beside it within this many lines of it.
TERM_REACH_LINES = 5


def _note_line(note: Block) -> float:
    """The height of a margin note's line: its first piece's, or its type size when it runs
    up or down the margin (a turned credit's piece is as tall as the whole credit)."""
    if not note.frags:
        return 0.0
    return note.size if turned(note.frags[0]) else note.frags[0].height


def _one_line(block: Block) -> bool:
    """The block is set on one line (its height within half a line of its tallest piece's)."""
    return bool(block.frags) and block.y1 - block.y0 <= 1.5 * max(f.height for f in block.frags)


def _with_notes(
    text: list[Block], notes: list[Block], beside: list[Block], drawn: DrawnLines | None = None,
    figures: Sequence[Block] = (),
) -> list[Block]:
    """``text`` with each of the margin ``notes`` read after the block of text beside which
    the note begins (the last one of the column ``beside`` the notes starting at or above
    it), the notes in their own order. A note set close under the one before it (a
    definition under its term) goes with it. A note whose frame reaches out across the
    gutter to one row of the text (``drawn``: the page's lines; :func:`_row_led_to`) is
    read after that row. Notes running down beside :data:`SIDEBAR_ROWS` or more rows of one
    line each (a form's box of amounts in its margin beside the lines that use them) are
    read after the last of those rows instead."""
    near = {id(b) for b in beside}

    def users(k: int, start: int = 0, foot: float | None = None) -> list[tuple[int, str]]:
        """The paragraphs beside the note ``k`` (from ``start`` on) that may use it as a
        glossary's term: within a few lines above it or of its definition's foot."""
        reach = TERM_REACH_LINES * _note_line(notes[k])
        low = min(notes[k].y0, foot if foot is not None else notes[k].y0) - reach
        return [
            (j, b.text) for j, b in enumerate(text)
            if j >= start and id(b) in near and b.y1 >= low and b.y0 <= notes[k].y1 + reach
        ]

    # A glossary's term set close under a picture's caption in the margin starts a note of
    # its own: it is read with the paragraph that uses it, not with the picture.
    terms = {
        k for k, note in enumerate(notes)
        if is_term(note.text) and term_user(note.text, users(k)) is not None
    }

    def joined(k: int) -> bool:
        """The note ``k`` is set close under the one before it, or both are parts of one
        picture in the margin (its labels, credit, caption), and it is no term of its own."""
        return k > 0 and k not in terms and (
            notes[k - 1].y0 - notes[k].y1 < _note_line(notes[k])
            or any(_of_picture(notes[k - 1], f) and _of_picture(notes[k], f) for f in figures)
        )

    anchors: list[int] = []
    for k, note in enumerate(notes):
        if joined(k):
            anchors.append(anchors[-1])
            continue
        line = _note_line(note)
        end = k + 1
        while end < len(notes) and joined(end):
            end += 1
        foot = min(n.y0 for n in notes[k:end])
        led = _row_led_to(notes[k:end], text, near, drawn) if drawn is not None else None
        if led is not None:
            anchors.append(max([led, *anchors[-1:]]))
            continue
        rows = [
            j for j, b in enumerate(text)
            if id(b) in near and foot <= (b.y0 + b.y1) / 2 <= note.y1
        ]
        if len(rows) >= SIDEBAR_ROWS and all(_one_line(text[j]) for j in rows):
            # A note running down beside a run of a form's rows (a box of amounts in the
            # margin beside lines 2 to 10): read after the last row it stands beside, not
            # in the middle of the run, which a reader takes row after row.
            at = max(
                j for j, b in enumerate(text) if id(b) in near and (b.y0 + b.y1) / 2 >= foot
            )
            anchors.append(max([at, *anchors[-1:]]))
            continue
        # (Half a line of slack: a note set level with a paragraph's first line.)
        at = max(
            (j for j, b in enumerate(text) if id(b) in near and b.y1 >= note.y1 - 0.5 * line),
            default=-1,
        )
        beside_note = users(k, max([0, *anchors[-1:]]), foot)
        if k in terms:
            # A glossary's term: its definition follows the paragraph beside it that uses
            # the term, which may start a little below the term or end a little above it.
            used = term_user(note.text, beside_note)
            at = at if used is None else used
        label = next((lb for n in notes[k:end] if (lb := caption_label(n.text))), None)
        if label is not None:
            # A picture with its caption: read after the paragraph beside it that refers
            # to it, when one does.
            used = reference_user(label, beside_note)
            at = at if used is None else used
        anchors.append(max([at, *anchors[-1:]]))
    title = _opening_title(text, near, notes)
    if title is not None:
        # The column opens with its title: a note level with the title or the picture over
        # it (a form's office-use stamp box beside its logo) is read after the title, which
        # opens the text.
        anchors = [max(at, title) for at in anchors]
    out = [n for n, at in zip(notes, anchors, strict=True) if at < 0]
    for k, block in enumerate(text):
        out.append(block)
        out.extend(n for n, at in zip(notes, anchors, strict=True) if at == k)
    return out


#: A column's title is set at least this much larger than the margin notes beside it and
#: the column's other text.
OPENING_TITLE_SIZE = 1.2


def _opening_title(text: list[Block], near: set[int], notes: list[Block]) -> int | None:
    """The place in ``text`` of the first text block of the column beside the ``notes``
    (``near``: ids of its blocks) if it is the column's title: nothing but pictures before
    it, and set larger than every note and than the column's other text. None otherwise."""
    first = next((j for j, b in enumerate(text) if b.kind == "text"), None)
    if first is None or id(text[first]) not in near:
        return None
    size = OPENING_TITLE_SIZE * max(
        (b.size for b in [*notes, *text[first + 1:]] if b.kind == "text"), default=0.0
    )
    return first if size and text[first].size >= size else None


#: At most this many blocks of small lines stand in a page's top corner over its title.
CORNER_NOTES = 3


def corner_notes_after_title(blocks: list[Block]) -> list[Block]:
    """``blocks`` (a page's, in reading order) with the small lines set in a top corner of
    the page beside its title, above it, read after the title instead of before it: a
    form's control number and expiry date over the top right of its frame, which a reader
    takes in after the form's title, as the title opens the page. The notes are the first
    text read on the page (no more than :data:`CORNER_NOTES` blocks, fewer words than a
    panel's), all above the title and clear of its width on one side (in the corner beside
    it, not a header across the page over it); the title, the next text read (pictures may
    come between: a logo), is set :data:`OPENING_TITLE_SIZE` times larger than the notes and
    than the page's text at least, and not on a picture (a drawing's letter)."""
    notes: list[Block] = []
    title: Block | None = None
    for block in blocks:
        if block.kind != "text" or block.artifact is not None:
            continue
        if notes and block.size >= OPENING_TITLE_SIZE * max(n.size for n in notes):
            title = block
            break
        notes.append(block)
        if len(notes) > CORNER_NOTES:
            return blocks
    if title is None or sum(word_count(n.text) for n in notes) >= PANEL_MIN_WORDS:
        return blocks
    if not (all(n.y0 >= title.y1 - 1 and n.x0 >= title.x1 for n in notes)
            or all(n.y0 >= title.y1 - 1 and n.x1 <= title.x0 for n in notes)):
        return blocks  # (a header's pieces either side over the title: a header across)
    middle = ((title.x0 + title.x1) / 2, (title.y0 + title.y1) / 2)
    if any(b.kind == "figure" and b.x0 <= middle[0] <= b.x1 and b.y0 <= middle[1] <= b.y1
           for b in blocks):
        return blocks  # (a letter drawn on a picture, large: no title)
    sizes = [b.size for b in blocks if b.kind == "text" and b.artifact is None]
    if title.size < OPENING_TITLE_SIZE * quick_median(sizes):
        return blocks
    rest = [b for b in blocks if not any(b is n for n in notes)]
    at = next(k for k, b in enumerate(rest) if b is title) + 1
    return rest[:at] + notes + rest[at:]


def _row_led_to(
    notes: list[Block], text: list[Block], near: set[int], drawn: DrawnLines
) -> int | None:
    """The place in ``text`` of the last block of the row a margin note (``notes``: its
    blocks) is drawn leading to: one or two lines drawn across the gutter from the note's
    side (or its frame's) to the text beside it (``near``: ids of the blocks of that column),
    at the note's height; one marks the row it runs level with, two the row between them
    (a tax form's box of amounts for a line, its frame opening onto that line). None when no
    line, or more than two, cross the gutter there (rows shaded across it)."""
    column = [b for b in text if id(b) in near]
    if not column:
        return None
    line = max(f.height for b in notes for f in b.frags[:1]) if notes[0].frags else 0.0
    side, edge = max(b.x1 for b in notes), min(b.x0 for b in column)
    if edge <= side:
        return None
    foot, head = min(b.y0 for b in notes), max(b.y1 for b in notes)
    # The note's frame, when one is drawn round it: its side is a line down the gutter along
    # the note (set off from the note's text by the frame's margin).
    quarter = (head - foot) / 4
    frame = drawn.down_between(side - line, edge, foot + quarter, head - quarter)
    if frame:
        side = min(frame)
    low, high = foot - line, head + line
    heights, lines = drawn.across
    first, last = bisect.bisect_right(heights, low), bisect.bisect_left(heights, high)
    # (From the note's side, give or take a line's height, to the text: a rule starting
    # further left runs under the note too, across the page; one starting further right is
    # the text's own, a rule under a row.)
    leads = [
        place for place, stretches in lines[first:last]
        if any(side - line <= a <= side + line and a < edge <= b for a, b in stretches)
    ]
    if not leads or len(leads) > 2:
        return None
    bottom, top = min(leads), max(leads)
    rows = [
        j for j, b in enumerate(text)
        if id(b) in near and (
            bottom < (b.y0 + b.y1) / 2 < top if len(leads) == 2 else b.y0 <= top <= b.y1
        )
    ]
    return max(rows) if rows else None


def _one_row_beside(left: list[Block], right: list[Block]) -> bool:
    """One side holds only short pieces of one line each (options, not a field's label; a
    form's line numbers by its entry boxes), each level with a block on the other side (a
    form's options "C" "D" beside "Check boxes: A" "B"; "15" "16" at the ends of lines 15
    and 16): no column but the rest of those rows, which the gap beside them only seems to
    set apart because they are all that side holds."""
    return _row_ends(left, right) is not None


def _row_ends(
    left: list[Block], right: list[Block]
) -> tuple[list[Block], list[Block]] | None:
    """(the pieces, the other side) when one side is :func:`_one_row_beside` the other."""
    for side, other in ((left, right), (right, left)):
        frags = [f for b in side for f in b.frags]
        if not frags or any(len(f.text) > 20 for f in frags) or any(
            b.kind != "text" for b in side
        ):
            continue
        if any(b.y1 - b.y0 > 1.5 * max(f.height for f in b.frags) for b in side if b.frags):
            continue  # a piece of two lines or more: a label of its own
        tops = sorted(o.y1 for o in other)  # (searched, not scanned: a side may be long)
        if all(_level_with_one(b, tops) for b in side):
            return side, other
    return None


def _with_row_ends(ordered: list[Block], pieces: list[Block]) -> list[Block]:
    """``ordered`` (the other side, in reading order) with each of the ``pieces`` (see
    :func:`_row_ends`) read with the row it ends or opens: after the nearest block level
    with it that stands before it (a line's text before its number by the entry box), or
    else before the first level block after it. (A piece level with none stays last.)"""
    result = list(ordered)
    rtl = _mostly_rtl(ordered + pieces)
    for piece in sorted(pieces, key=lambda b: -b.y1):
        # Level: standing on the piece's line over most of its height (a row's last piece
        # may be set a little lower or higher, in another face).
        half = 0.5 * (piece.y1 - piece.y0)
        level = [
            k for k, b in enumerate(result)
            if min(b.y1, piece.y1) - max(b.y0, piece.y0) > half
        ]
        start = _first_x(piece, rtl)
        before = [k for k in level if _first_x(result[k], rtl) < start]
        if before:
            at = max(before, key=lambda k: _first_x(result[k], rtl)) + 1
        elif level:
            at = min(level, key=lambda k: _first_x(result[k], rtl))
        else:
            at = len(result)
        result.insert(at, piece)
    return result


#: Blocks one over the other less than this share of a line apart run on (a heading over its
#: text); rows of a form are set apart by a line's height or more.
RUNS_ON_GAP = 0.5


def _runs_past_rows(
    vertical: tuple[list[Block], list[Block]], horizontal: tuple[list[Block], list[Block]]
) -> bool:
    """One side of the gutter runs on across the gap between rows on the other side: there
    a block above the cut across stands right over one below it (less than
    :data:`RUNS_ON_GAP` of a line apart, as a heading over the paragraph set under it),
    while on the other side a line's height or more of white parts the rows. The two sides
    are no rows of one grid but sections side by side (a form's boxed notice beside its
    address fields): cut across, the notice's heading would be read a row before its text."""
    above = {id(b) for b in horizontal[0]}
    parts = []
    for side in vertical:
        upper = [b for b in side if id(b) in above]
        lower = [b for b in side if id(b) not in above]
        if not upper or not lower or not all(b.frags for b in side):
            return False
        parts.append((upper, lower, min(b.frags[0].height for b in side)))
    for (upper, lower, line), (other_upper, other_lower, other_line) in (
        (parts[0], parts[1]), (parts[1], parts[0])
    ):
        apart = min(b.y0 for b in other_upper) - max(b.y1 for b in other_lower)
        if apart < other_line:
            continue
        # (Only blocks next to the cut can touch across it: the pairs asked stay few.)
        reach = RUNS_ON_GAP * line
        floor, ceiling = min(b.y0 for b in upper), max(b.y1 for b in lower)
        near_above = [u for u in upper if u.y0 - ceiling < reach]
        near_below = [b for b in lower if floor - b.y1 < reach]
        if any(_runs_on_under(u, b, upper, line) for u in near_above for b in near_below):
            return True
    return False


def _runs_on_under(top: Block, below: Block, row: list[Block], line: float) -> bool:
    """``below`` is set right under ``top`` (less than :data:`RUNS_ON_GAP` of a ``line``
    apart) and under no other block of ``row``: it goes on from ``top`` alone (a heading's
    text), not from a row of pieces it runs under (a table under a running header's parts)."""
    if not (top.y0 - below.y1 < RUNS_ON_GAP * line and top.x0 < below.x1 and below.x0 < top.x1):
        return False
    return all(b is top or b.x1 <= below.x0 or below.x1 <= b.x0 for b in row)


def _level_with_one(block: Block, tops: list[float]) -> bool:
    """Some top of ``tops`` (sorted) is level with the block's, within a third of its size."""
    slack = max(2.0, 0.3 * block.size)
    at = bisect.bisect_right(tops, block.y1 - slack)
    return at < len(tops) and tops[at] < block.y1 + slack


def _line_sizes(blocks: list[Block]) -> list[float]:
    """The sizes of the blocks' fragments (the pieces of their lines)."""
    return [f.size for b in blocks for f in b.frags]


def _apart_in_regions(left: list[Block], right: list[Block], regions: dict[int, int]) -> bool:
    """Both sides hold text of column regions, and no region has blocks on both sides."""
    left_regions = {regions[id(b)] for b in left if id(b) in regions}
    right_regions = {regions[id(b)] for b in right if id(b) in regions}
    return bool(left_regions) and bool(right_regions) and not left_regions & right_regions


def _narrow_gutter(
    blocks: list[Block], regions: dict[int, int]
) -> tuple[list[Block], list[Block]] | None:
    """The blocks parted at a gap across x narrower than a gutter between blocks (a
    line reaching into the gutter, see :func:`_split_past_overhangs`), where the column
    search found the columns either side of it apart."""
    gap, at, ordered = _widest_gap(blocks, "x")
    if at < 0 or gap <= 0:
        return None
    left, right = ordered[:at], ordered[at:]
    return (left, right) if _apart_in_regions(left, right, regions) else None


def _numbered_apart(left: list[Block], right: list[Block], regions: dict[int, int]) -> bool:
    """The two sides are columns of one numbered list (see :mod:`.numbered_columns`) that
    the column search found apart: read one after the other, though their entries stand
    level across the gutter."""
    if not _apart_in_regions(left, right, regions):
        return False
    return numbering_runs_on(
        [f for b in left for f in b.frags], [f for b in right for f in b.frags]
    )


def _found_apart(left: list[Block], right: list[Block], regions: dict[int, int]) -> bool:
    """Both sides are columns the table finder found apart (lists set side by side, columns
    parted by rules down the page: see :func:`.tables.find_tables`), their regions numbered
    below zero, and no such column has blocks on both sides."""
    # (Asked at every gutter of every page: most blocks are in no such column, and the
    # first one asked settles it.)
    found: set[int] = set()
    for b in left:
        region = regions.get(id(b), 0)
        if region >= 0:
            return False
        found.add(region)
    for b in right:
        region = regions.get(id(b), 0)
        if region >= 0 or region in found:
            return False
    return True


def _by_rows(blocks: list[Block]) -> list[Block]:
    """Blocks no gap separates, top to bottom; blocks whose tops are level read across (in
    the script's direction). Level within part of a line height: a heading in a larger face
    beside its text tops a little higher or lower by its size, so sorting on the exact top
    could read the heading after the text beside it. Blocks level at the top also share
    more than a touch of the shorter one's height (see :func:`_level`)."""
    rows: list[list[Block]] = []
    for block in sorted(blocks, key=lambda b: -b.y1):
        slack = 0.5 * (block.frags[0].height if block.frags else 4.0)
        if rows and rows[-1][0].y1 - block.y1 <= slack and _level(rows[-1][0], block):
            rows[-1].append(block)
        else:
            rows.append([block])
    if all(len(row) == 1 for row in rows):
        # (Most parts the reading order's recursion asks of: a block a row, nothing read
        # across, and the script's direction, counted over every fragment, not asked.)
        return [row[0] for row in rows]
    first_x = functools.partial(_first_x, rtl=_mostly_rtl(blocks))
    return [b for row in rows for b in (sorted(row, key=first_x) if len(row) > 1 else row)]


def _level(one: Block, other: Block) -> bool:
    """The blocks share more of the shorter one's height than a line's descent touching the
    ascent of the line under it (:data:`LINE_TOUCH`): set beside each other, not one over
    the other. (A title's small first line, "THE" over "CONSTITUTION" in a face twice its
    size, tops within half the large line's height of its top, yet stands wholly above it:
    it is read first, not after the large line that starts further left.)"""
    shared = min(one.y1, other.y1) - max(one.y0, other.y0)
    return shared > LINE_TOUCH * min(one.y1 - one.y0, other.y1 - other.y0)


def _first_x(block: Block, rtl: bool) -> float:
    """Where a block's first line starts (its second line may start further out), as a key
    that sorts in reading direction."""
    first = block.frags[0] if block.frags else block
    return -first.x1 if rtl else first.x0


def _cut(blocks: list[Block], axis: str) -> tuple[list[Block], list[Block]] | None:
    """Split at the widest empty band across ``axis`` (x: columns, y: rows)."""
    return _split(blocks, axis, 3.0 if axis == "x" else 0.5)


#: A gap across x narrower than this many type sizes, with nothing level across it, is an
#: indent (a list's text indented past its labels), no gutter.
INDENT_GAP = 2.0


def _indent_between_rows(left: list[Block], right: list[Block]) -> bool:
    """The gap between ``left`` and ``right`` is narrower than :data:`INDENT_GAP` sizes and
    no block of one side stands level with (beside) any block of the other: the blocks take
    turns down the page (a list's labelled terms, each over its indented text, the next term
    further left than that text), and the gap is the indent of the text under each term, no
    gutter. Columns stand beside each other; cut there, each term would be read before the
    text of the item above it."""
    if not left or not right:
        return False
    gap = min(map(_x0_of, right)) - max(map(_x1_of, left))
    # (Measured by the smaller text: a slide's small corner line by its large title is no
    # list's term and text, whose sizes are alike. The fewer blocks' size is found first:
    # a gap wider than it is wider than the smaller one.)
    fewer, more = (left, right) if len(left) <= len(right) else (right, left)
    if gap >= INDENT_GAP * _text_size(fewer) or gap >= INDENT_GAP * _text_size(more):
        return False
    spans = sorted(_struck_range(b) for b in right)
    tops = [low for low, _ in spans]
    reach = list(itertools.accumulate((high for _, high in spans), max))
    for b in left:
        low, high = _struck_range(b)
        # (Any block of the right starting below this one's top and reaching above its foot.)
        at = bisect.bisect_left(tops, high)
        if at and reach[at - 1] > low:
            return False
    # (A line turned up the page, a photo's credit, is no row of a list. Asked last: most
    # columns are told by their levels already, side by side.)
    return not any(turned(f) for b in (*left, *right) for f in b.frags)


def _same_rows(left: list[Block], right: list[Block]) -> bool:
    """True when most blocks on the left have a block on the right starting on the same row."""
    if len(left) <= 1:
        return False
    # The tops near each block's are found by search, not by a scan of all of them (asked at
    # every column cut of the reading order, of sides that may be long), then tested as
    # before: the window reaches a point past the slack, which no rounding crosses. (A NaN
    # top never matches, and would unsort the list: left out.)
    tops = sorted(b.y1 for b in right if b.y1 == b.y1)
    matched = 0
    for b in left:
        y1 = b.y1
        slack = max(2.0, 0.3 * b.size)
        at = bisect.bisect_left(tops, y1 - (slack + 1.0))
        reach = y1 + (slack + 1.0)
        while at < len(tops) and tops[at] <= reach:
            if abs(y1 - tops[at]) < slack:
                matched += 1
                break
            at += 1
    return matched > 0.5 * len(left)


#: Entries a side of a contents page set in two columns holds at the least.
CONTENTS_COLUMN_ENTRIES = 3


def _contents_columns(left: list[Block], right: list[Block]) -> bool:
    """Blocks side by side on the same rows that are nonetheless columns: a table of contents
    set in two columns. Each side is mostly entries ending in leader dots and a page number,
    the pages growing down each side and going on from the left side's last to the right
    side's first: read down one column, then the other, the pages follow the document as a
    contents list does; read across, they jump back and forth."""
    if any(sum(bool(b.frags) and b.frags[-1].text[-1:].isdigit() for b in side)
           < CONTENTS_COLUMN_ENTRIES for side in (left, right)):
        return False  # (the cheap test first: asked at every column cut)
    pages = []
    for side in (left, right):
        numbers = [_entry_page(b) for b in sorted(side, key=lambda b: -b.y1)]
        found = [n for n in numbers if n is not None]
        if len(found) < max(CONTENTS_COLUMN_ENTRIES, 0.5 * len(side)):
            return False
        if any(b < a for a, b in zip(found, found[1:], strict=False)):
            return False
        pages.append(found)
    return pages[0][-1] <= pages[1][0]


def _programs_side_by_side(left: list[Block], right: list[Block]) -> bool:
    """Blocks side by side on the same rows that are nonetheless columns: two pieces of
    program code set beside each other (a slide's type declarations beside its ``main``),
    in whatever face. Each side opens a brace at the end of a line and closes it on a later
    line of its own, every brace it opens closed: the lines of one program, read down, not
    across into the other's."""
    return _program_lines(left) and _program_lines(right)


def _program_lines(side: list[Block]) -> bool:
    """The blocks, read down, are lines of program code: some line ends by opening a brace
    ("func main() {"), and the lines that close one ("}") close them all, none before it is
    opened."""
    if not any(f.text.rstrip().endswith("{") for b in side for f in b.frags):
        # (The cheap test first, of the pieces as set, none of the blocks' text joined: asked
        # at every column cut of rows.)
        return False
    depth = 0
    for block in sorted(side, key=lambda b: -b.y1):
        for line in block.text.splitlines() or [""]:
            text = line.strip()
            if text.startswith("}"):
                depth -= 1
                if depth < 0:
                    return False
            if text.endswith("{"):
                depth += 1
    return depth == 0


def _entry_page(block: Block) -> int | None:
    """The page number ending the block as a contents entry's ends (leaders, then the
    number), if it does."""
    if block.kind != "text" or not block.frags:
        return None
    last = block.frags[-1]
    if not last.text[-1:].isdigit():
        return None
    line = [f.text for f in block.frags if same_line(f, last)]
    text = " ".join(line)
    if not ends_with_page_number(text):
        return None
    return int(text.split()[-1])


def _face(block: Block) -> tuple[float, bool]:
    return round(block.size * 2) / 2, block.bold


def _cards(left: list[Block], right: list[Block]) -> bool:
    """Blocks side by side on the same rows that are nonetheless columns: units of a few
    blocks close together in alternating faces, repeated across (authors' names over their
    affiliations).
    Each row holds one face; down each column the face changes from block to block. A form
    or a table keeps one face down a column (labels, values), so it is still read by rows."""
    if len(left) != len(right) or len(left) < 2:
        return False
    if any(b.kind != "text" for b in left + right):
        return False
    left = sorted(left, key=lambda b: -b.y1)
    right = sorted(right, key=lambda b: -b.y1)
    for a, b in zip(left, right, strict=True):
        if _face(a) != _face(b) or abs(a.y1 - b.y1) >= max(2.0, 0.3 * a.size):
            return False
    # Within a unit (until the first block's face comes back) the blocks sit close, as the
    # lines of one paragraph do: a running header above a page's first line is no unit.
    return all(
        _face(a) != _face(b)
        and (_face(b) == _face(side[0]) or a.y0 - b.y1 < max(a.size, b.size))
        for side in (left, right) for a, b in zip(side, side[1:], strict=False)
    )


def _mostly_rtl(blocks: list[Block]) -> bool:
    frags = [f for b in blocks for f in b.frags]
    # (Counted by map in C: asked at every level of the reading order's recursion.)
    return bool(frags) and sum(map(_rtl_of, frags)) > len(frags) / 2
