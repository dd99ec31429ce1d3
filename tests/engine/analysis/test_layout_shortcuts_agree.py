"""Shortcuts taken in the layout reader's hot spots give what the plain code gave, on made-up
inputs of every kind:

- list_labels.ink_box (C, in layout/_fragments.c, and its Python twin): the box of a list
  item's body glyphs, blanks and pdfium's generated glyphs aside, as min() and max() over
  them gave it;
- classify._grid_cells: the pairs of heading-like lines it links, their measures worked
  out inline, are those x_overlap and min()/max() linked;
- classify._joins_accents: the ASCII look first answers as asking every fragment does."""

from __future__ import annotations

import math
import random

import pytest

from workers.engine.layout import classify, list_labels
from workers.engine.layout.accents import joins_accents
from workers.engine.layout.blocks import Block, x_overlap
from workers.engine.layout.disjoint_sets import DisjointSets
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment


def _glyph(chooser: random.Random, char: str, *, generated: bool = False) -> Glyph:
    x0, y0 = chooser.uniform(0, 500), chooser.uniform(0, 700)
    # (Ties too: equal coordinates, as the glyphs of one line share their bottoms.)
    if chooser.random() < 0.3:
        x0, y0 = float(round(x0 / 50) * 50), float(round(y0 / 50) * 50)
    return Glyph(char, x0, y0, x0 + chooser.uniform(-1, 9), y0 + chooser.uniform(0, 12),
                 10.0, False, "F", chooser.randrange(-1, 4), -1, generated=generated)


def _box_in_python(glyphs: list[Glyph]) -> tuple[float, ...] | None:
    """What label_provs took for the body's box before ink_box."""
    inked = [g for g in glyphs if not g.char.isspace() and not g.generated]
    if not inked:
        return None
    return (min(g.x0 for g in inked), min(g.y0 for g in inked),
            max(g.x1 for g in inked), max(g.y1 for g in inked))


def _same(a: tuple[float, ...] | None, b: tuple[float, ...] | None) -> bool:
    if a is None or b is None:
        return a is b
    return all(x == y or (math.isnan(x) and math.isnan(y)) for x, y in zip(a, b, strict=True))


def test_an_items_body_box_is_the_one_min_and_max_give(monkeypatch: pytest.MonkeyPatch) -> None:
    chooser = random.Random(20)
    chars = ["a", "B", " ", "\u00a0", "\u3000", "", "\t\n", " x", "1", "\u2022", "\U0001d538"]
    runs: list[list[Glyph]] = [[], [_glyph(chooser, " ")], [_glyph(chooser, "a", generated=True)]]
    for _ in range(400):
        runs.append([
            _glyph(chooser, chooser.choice(chars), generated=chooser.random() < 0.1)
            for _ in range(chooser.randrange(1, 40))
        ])
    nan = _glyph(chooser, "n")
    nan.x1 = math.nan
    runs += [[nan, _glyph(chooser, "a")], [_glyph(chooser, "a"), nan]]
    for run in runs:
        expected = _box_in_python(run)
        assert _same(list_labels.ink_box(run), expected)
        with monkeypatch.context() as patch:
            patch.setattr(list_labels, "_accelerator", None)
            assert _same(list_labels.ink_box(run), expected)
    if list_labels._accelerator is not None:
        # Coordinates that are no floats are left to Python.
        whole = Glyph("a", 1, 2, 3, 4, 10.0, False, "F", 0, -1)  # type: ignore[arg-type]
        assert list_labels._accelerator.ink_box([whole]) is NotImplemented
        assert list_labels.ink_box([whole]) == (1, 2, 3, 4)


def _grid_cells_before(heads: list[Block]) -> set[int]:
    """classify._grid_cells as it was written before its pairs were measured inline."""
    if len(heads) < 2 * classify.GRID_HEADS:
        return set()
    groups = DisjointSets(len(heads))
    columns = DisjointSets(len(heads))
    faces = [(head.bold, head.size) for head in heads]
    for i, a in enumerate(heads):
        a_bold, a_size = faces[i]
        for j in range(i + 1, len(heads)):
            b_bold, b_size = faces[j]
            if a_bold != b_bold or max(a_size, b_size) > classify.GRID_CELL_SIZES * min(
                a_size, b_size
            ):
                continue
            b = heads[j]
            stacked = x_overlap(a, b) >= 0.5
            beside = (
                not stacked
                and min(a.y1, b.y1) - max(a.y0, b.y0) > 0
                and abs(a.x0 - b.x0) <= classify.GRID_PITCH * max(a_size, b_size, 1.0)
            )
            if stacked or beside:
                groups.join(i, j)
            if stacked:
                columns.join(i, j)
    members: dict[int, list[int]] = {}
    for k in range(len(heads)):
        members.setdefault(groups.root(k), []).append(k)
    out: set[int] = set()
    for lines in members.values():
        if (len({columns.root(k) for k in lines}) >= classify.GRID_HEADS
                and len(lines) >= 2 * classify.GRID_HEADS):
            out.update(id(heads[k]) for k in lines)
    return out


def _head(chooser: random.Random, column: int, row: int) -> Block:
    """A line in a grid's cell (loosely: cells overlap, lines go astray, sizes vary)."""
    size = chooser.choice([10.0, 10.0, 10.0, 9.0, 12.0, 14.0, 17.0, 0.0])
    # (Ties too: lines half over one another, x0 a pitch apart.)
    x0 = 20.0 + 60.0 * column + chooser.choice([0.0, 0.0, 25.0, -25.0, chooser.uniform(-40, 40)])
    y0 = 700.0 - 30.0 * row + chooser.choice([0.0, chooser.uniform(-20, 20)])
    width = chooser.choice([50.0, 50.0, chooser.uniform(0, 120), 0.0])
    glyphs = [Glyph("A", x0, y0, x0 + width, y0 + size, size, chooser.random() < 0.1, "F", 0, -1)]
    block = Block(1)
    block.add(Fragment(glyphs, "A", x0, y0, x0 + width, y0 + max(size, 1.0)))
    return block


def test_grid_cells_link_the_lines_the_plain_comparisons_linked() -> None:
    chooser = random.Random(8)
    found = 0
    for _ in range(300):
        columns, rows = chooser.randrange(2, 9), chooser.randrange(1, 6)
        heads = [
            _head(chooser, c, r) for c in range(columns) for r in range(rows)
            if chooser.random() < 0.9
        ]
        chooser.shuffle(heads)
        expected = _grid_cells_before(heads)
        assert classify._grid_cells(heads) == expected
        found += bool(expected)
    assert found > 20  # (the made-up pages hold grids, not only scattered lines)


def test_accents_are_looked_for_as_before() -> None:
    def piece(text: str, chars: str) -> Fragment:
        glyphs = [Glyph(c, 10.0 * k, 0.0, 10.0 * k + 8, 10.0, 10.0, False, "F", 0, -1)
                  for k, c in enumerate(chars)]
        return Fragment(glyphs, text, 0.0, 0.0, 10.0 * len(chars), 10.0)

    plain = piece("cafe", "cafe")
    joined = piece("café", "cafe\u0301")  # (the accent drawn apart, after its letter)
    spaced = piece("café", "caf\u00b4e")  # (a spacing accent)
    foreign = piece("naïve", "naïve")  # (precomposed: nothing joined)
    for frags in ([], [plain], [plain, joined], [foreign], [foreign, plain], [spaced],
                  [plain, spaced, foreign], [joined]):
        assert classify._joins_accents(frags) == any(map(joins_accents, frags))
    assert classify._joins_accents([plain, joined]) == joins_accents(joined)


def test_accents_and_marks_are_found_among_the_glyphs_as_the_joined_search_finds_them() -> None:
    """accents._glyph_holds (C where built) answers as the regular expression over the glyphs'
    characters joined did: spacing accents anywhere in a glyph's character, combining marks
    first in one, glyphs of several characters (ligatures) and empty ones among them."""
    from workers.engine.layout import accents

    chooser = random.Random(7)
    alphabet = ["a", "`", "~", "^", "é", "\u00b4", "\u02dc", "\u00b8", "\u0301", "\u036f",
                "\u0370", "\u02ff", "ﬁ", "f\u0301", "\u0301f", "", "中", "\U0001d400", "\x7f"]
    cases = [[], [_glyph(chooser, "a")], [_glyph(chooser, "\u00b4")]]
    for _ in range(400):
        cases.append([_glyph(chooser, chooser.choice(alphabet))
                      for _ in range(chooser.randrange(1, 6))])
    found = {False: 0, True: 0}
    for glyphs in cases:
        for chars, pattern, first_only in ((accents._ACCENTS, accents._ANY_ACCENT, False),
                                           (accents._MARKS, accents._MARK, True)):
            fast = accents._glyph_holds(glyphs, chars, pattern, first_only)
            assert fast is accents._python_glyph_holds(glyphs, pattern, first_only)
            found[fast] += 1
    assert found[False] > 50 and found[True] > 50
    # (A character that is no str is left to Python.)
    odd = [Glyph(1, 0.0, 0.0, 1.0, 1.0, 10.0, False, "F", 0, -1)]  # type: ignore[arg-type]
    assert accents._accelerator is not None
    assert accents._accelerator.chars_among(odd, "a", False) is NotImplemented


def test_the_next_accent_is_found_as_the_python_walk_finds_it() -> None:
    """accents._next_accent (C where built, _fragments.index_among) finds the first glyph from a
    place on holding a spacing accent where the Python walk finds it: anywhere in a glyph's
    character, past the end, ligatures and empty characters among them; a character that is
    no str is left to Python."""
    from workers.engine.layout import accents

    assert accents._accelerator is not None
    chooser = random.Random(13)
    alphabet = ["a", "`", "~", "^", "é", "\u00b4", "\u02dc", "\u00b8", "\u0301", "ﬁ",
                "f\u00b4", "", "中", "\U0001d400", " "]
    found = 0
    for _ in range(300):
        glyphs = [_glyph(chooser, chooser.choice(alphabet))
                  for _ in range(chooser.randrange(0, 12))]
        for start in range(len(glyphs) + 2):
            fast = accents._next_accent(glyphs, start)
            assert fast == accents._python_next_accent(glyphs, start)
            found += fast < len(glyphs)
    assert found > 500
    odd = [Glyph(1, 0.0, 0.0, 1.0, 1.0, 10.0, False, "F", 0, -1)]  # type: ignore[arg-type]
    assert accents._accelerator.index_among(odd, "a", 0) is NotImplemented


def test_accents_are_joined_as_the_glyph_by_glyph_walk_joined_them() -> None:
    """join_accents, stepping past the glyphs that hold no accent at once, joins the accents
    the walk that looked at every glyph joined: "´" over its "e", a "^" with no letter under
    it left as it is, "¨" over a dotless "ı" dotted again."""
    from workers.engine.layout.accents import join_accents

    def glyph(char: str, x0: float, y0: float, x1: float, y1: float) -> Glyph:
        return Glyph(char, x0, y0, x1, y1, 10.0, False, "F", 0, -1)

    glyphs = [glyph("c", 0, 0, 5, 7), glyph("a", 5, 0, 10, 7), glyph("f", 10, 0, 14, 10),
              glyph("e", 14, 0, 19, 7), glyph("\u00b4", 15, 7, 18, 10), glyph(" ", 19, 0, 22, 7),
              glyph("^", 40, 0, 45, 7), glyph("n", 60, 0, 65, 7), glyph("a", 65, 0, 70, 7),
              glyph("\u0131", 70, 0, 72, 7), glyph("\u00a8", 69.5, 7.5, 72.5, 9.5),
              glyph("v", 72, 0, 77, 7)]
    join_accents(glyphs)
    assert "".join(g.char for g in glyphs) == "cafe\u0301 ^nai\u0308v"


def test_rules_are_made_into_pieces_as_the_python_loop_makes_them() -> None:
    """walls.rule_pieces (C where built, _column_gap.rule_pieces) makes the pieces each way
    the Python loop makes: the rules longer that way, in order, at their middle across, their
    own ends; square rules and NaN in neither; a coordinate that is no float left to Python."""
    from workers.engine.layout import _column_gap, walls
    from workers.engine.layout.glyphs import Rect

    chooser = random.Random(17)
    made = 0
    for _ in range(300):
        rules = []
        for k in range(chooser.randrange(0, 30)):
            x0, y0 = chooser.uniform(0, 500), chooser.uniform(0, 700)
            w, h = chooser.choice([0.5, 1.0, 3.0, 40.0]), chooser.choice([0.5, 1.0, 3.0, 40.0])
            if chooser.random() < 0.03:
                w = math.nan
            rules.append(Rect(x0, y0, x0 + w, y0 + h, k))
        for horizontal in (True, False):
            fast = _column_gap.rule_pieces(rules, horizontal)
            slow = walls._python_rule_pieces(rules, horizontal=horizontal)
            assert fast is not None and fast == slow
            assert all(a[1] is b[1] and a[2] is b[2] for a, b in zip(fast, slow, strict=True))
            assert walls.rule_pieces(tuple(rules), horizontal=horizontal) == slow
            made += len(fast)
    assert made > 1000
    assert _column_gap.rule_pieces([Rect(0, 0, 10, 1, 0)], True) is None  # (ints: Python's)
    assert walls.rule_pieces([Rect(0, 0, 10, 1, 0)], horizontal=True) == [(0.5, 0, 10)]


def test_glyphs_are_indexed_by_their_bottoms_as_the_python_sort_indexes_them() -> None:
    """drawn_underscores' index of a page's glyphs (C where built, _fragments.by_bottom) is the
    Python one: sorted stably by their bottoms (ties in their order), their bottoms, the
    largest size (the first of equal ones in that order); glyphs with a NaN or a field that
    is no float are left to Python."""
    from workers.engine.layout import drawn_underscores

    accelerator = drawn_underscores._accelerator
    assert accelerator is not None
    chooser = random.Random(19)
    for _ in range(300):
        glyphs = [_glyph(chooser, "a") for _ in range(chooser.randrange(1, 40))]
        for g in glyphs:
            g.size = chooser.choice([8.0, 10.0, 10.0, 12.0, 0.0, -0.0])
        fast = accelerator.by_bottom(glyphs)
        slow = drawn_underscores._python_by_bottom(glyphs)
        assert [id(g) for g in fast[0]] == [id(g) for g in slow[0]]
        assert fast[1] == slow[1] and all(a is b for a, b in zip(fast[1], slow[1], strict=True))
        assert fast[2] is slow[2]
    assert accelerator.by_bottom([]) is NotImplemented
    odd = [_glyph(chooser, "a"), _glyph(chooser, "b")]
    odd[1].y0 = math.nan
    assert accelerator.by_bottom(odd) is NotImplemented
    odd[1].y0 = 3  # type: ignore[assignment]
    assert accelerator.by_bottom(odd) is NotImplemented
    odd[1].y0, odd[0].size = 3.0, math.nan
    assert accelerator.by_bottom(odd) is NotImplemented


def test_shapes_grow_the_clusters_the_python_loop_grew() -> None:
    """reader._clusters's first pass (C where built, _walls.clusters_grown) grows the clusters
    the Python loop grows, in the same order with the same boxes and counts: shapes touching,
    a gap apart, ties, a NaN among them; a coordinate that is no float is left to Python."""
    from workers.engine.layout import _walls, reader
    from workers.engine.layout.glyphs import Rect

    chooser = random.Random(5)
    grew = 0
    for _ in range(200):
        shapes = []
        for k in range(chooser.randrange(0, 40)):
            x0 = float(chooser.choice([0, 10, 11.5, 12, 30, 31, 60, 100]) + chooser.random() * 3)
            y0 = float(chooser.choice([0, 5, 20, 21, 50]))
            if chooser.random() < 0.02:
                y0 = math.nan
            shapes.append(Rect(x0, y0, x0 + chooser.choice([0.0, 1.0, 4.0]),
                               y0 + chooser.choice([0.0, 2.0, 9.0]), k))
        ordered = sorted(shapes, key=lambda r: (-r.y1, r.x0))
        for gap in (0.0, 1.5, 6.0):
            fast = _walls.clusters_grown(ordered, gap)
            slow = reader._python_clusters_grown(ordered, gap)
            assert fast is not None and len(fast) == len(slow)
            for a, b in zip(fast, slow, strict=True):
                assert a[4:] == b[4:]
                assert all(x == y or (math.isnan(x) and math.isnan(y))
                           for x, y in zip(a[:4], b[:4], strict=True))
            grew += sum(row[5] > 1 for row in slow)
    assert grew > 100
    assert _walls.clusters_grown([Rect(0, 0, 1, 1, 0)], 1.0) is None  # (ints: Python's)
    assert reader._clusters([Rect(0, 0, 1, 1, 0), Rect(1.5, 0, 2, 1, 1)], 1.0) == [
        (Rect(0, 0, 2, 1, 0), 2)]


def test_characters_looked_for_are_found_in_any_order_they_are_given() -> None:
    """chars_among sorts the characters it looks for only when they come unsorted: the same
    answers for a set given ascending, descending and shuffled."""
    from workers.engine.layout import accents

    assert accents._accelerator is not None
    chooser = random.Random(11)
    marks = list(accents._MARKS) + ["中", "é", "\u00b4"]
    orders = [sorted(marks), sorted(marks, reverse=True), chooser.sample(marks, len(marks))]
    for char in ["a", "\u0300", "\u0301", "\u036f", "\u0370", "中", "é", "\u00b4", "\u02ff"]:
        glyphs = [_glyph(chooser, "b"), _glyph(chooser, char)]
        answers = {accents._accelerator.chars_among(glyphs, "".join(order), True)
                   for order in orders}
        assert answers == {char in marks}


def test_the_glyphs_about_a_rule_are_those_the_python_sift_finds() -> None:
    """drawn_underscores' glyphs about a rule (C where built, _fragments.glyphs_across) are
    those of the slice reaching across the rule's reach, in order; a NaN reaches nowhere, and
    a field or bound that is no float is left to Python."""
    from workers.engine.layout import drawn_underscores

    accelerator = drawn_underscores._accelerator
    assert accelerator is not None
    chooser = random.Random(23)
    for _ in range(300):
        glyphs = [_glyph(chooser, "a") for _ in range(chooser.randrange(0, 40))]
        if glyphs and chooser.random() < 0.2:
            chooser.choice(glyphs).x1 = math.nan
        lo, hi = chooser.randrange(-5, 45), chooser.randrange(-5, 45)
        left = chooser.uniform(-10, 500)
        right = left + chooser.uniform(-5, 60)
        fast = accelerator.glyphs_across(glyphs, lo, hi, left, right)
        slow = [g for g in glyphs[lo:hi] if g.x1 >= left and g.x0 <= right]
        assert [id(g) for g in fast] == [id(g) for g in slow]
    odd = [_glyph(chooser, "a"), _glyph(chooser, "b")]
    assert accelerator.glyphs_across(odd, 0, 2, 0, 600.0) is NotImplemented
    odd[1].x0 = 3  # type: ignore[assignment]
    assert accelerator.glyphs_across(odd, 0, 2, 0.0, 600.0) is NotImplemented


def test_a_blocks_objects_and_marks_are_those_the_python_sift_finds() -> None:
    """classify._prov's objects of a block (each once, in the order first drawn, none of
    pdfium's -1) and their marked-content ids (sorted, none unmarked), in C where built
    (_content_scan.drawn_objects), are the Python ones; an object or a mark that is no int is
    left to Python."""
    from workers.engine.layout import classify

    scanner = classify._scanner
    assert scanner is not None
    chooser = random.Random(29)
    for _ in range(500):
        marks = [chooser.choice((-1, -1, 0, 1, 2, 7, 40)) for _ in range(chooser.randrange(0, 12))]
        drawn = [chooser.randrange(-3, 15) for _ in range(chooser.randrange(0, 30))]
        assert scanner.drawn_objects(drawn, marks) == classify._drawn_objects(drawn, marks)
    assert scanner.drawn_objects([1, True], [0, 0]) is NotImplemented
    assert scanner.drawn_objects([0, 1], [0, 2.0]) is NotImplemented
    assert scanner.drawn_objects([2**70], []) is NotImplemented


def test_words_by_ruled_column_are_those_each_column_counts() -> None:
    """tables._words_by_column (a piece's column found by bisection) counts what asking each
    column for its pieces counted: ruled edges repeated, pieces on an edge, beyond the first
    or the last, a middle or an edge that is NaN."""
    from workers.engine.layout import tables

    chooser = random.Random(31)
    for _ in range(400):
        edges = sorted(chooser.choice((0.0, 50.0, 100.0, 150.0, chooser.uniform(0, 200)))
                       for _ in range(chooser.randrange(0, 6)))
        if edges and chooser.random() < 0.1:
            edges[chooser.randrange(len(edges))] = math.nan
        frags = []
        for _ in range(chooser.randrange(0, 20)):
            x0 = chooser.choice((0.0, 25.0, 50.0, 100.0, chooser.uniform(-20, 220)))
            f = Fragment([], "a b c"[: chooser.randrange(1, 6)], x0, 0.0,
                         x0 + chooser.choice((0.0, 10.0, 50.0)), 10.0)
            if chooser.random() < 0.05:
                f.x1 = math.nan
            frags.append(f)
        asked = [
            sum(f.words for f in frags if edges[k] <= (f.x0 + f.x1) / 2 < edges[k + 1])
            for k in range(len(edges) - 1)
        ]
        assert tables._words_by_column(frags, edges) == asked


def test_a_blocks_first_look_at_one_width_is_the_python_one() -> None:
    """listings' first look at whether a block's first glyphs are of one width (C where
    built, _fragments.one_width) answers as its Python twin: spaces skipped, one glyph off at
    most, widths zero, negative or NaN; a character that is no str is left to Python."""
    from workers.engine.layout import listings

    accelerator = listings._accelerator
    assert accelerator is not None
    chooser = random.Random(37)
    for _ in range(600):
        glyphs = []
        for _ in range(chooser.randrange(0, 12)):
            x0 = chooser.uniform(0, 500)
            width = chooser.choice((6.0, 6.0, 6.0, 6.1, 6.3, 4.0, 0.0, -1.0, math.nan))
            glyphs.append(Glyph(chooser.choice(("a", "a", " ", "\u00a0", "ab")), x0, 0.0,
                                x0 + width, 10.0, 10.0, False, "F", 0, -1))
        assert accelerator.one_width(glyphs, listings.PITCH_TOLERANCE, listings.FIRST_LOOK) == (
            listings._python_one_width(glyphs))
    odd = [Glyph("a", 0.0, 0.0, 6.0, 10.0, 10.0, False, "F", 0, -1)]
    odd[0].x1 = 6  # type: ignore[assignment]
    assert accelerator.one_width(odd, 0.04, 6) is NotImplemented
