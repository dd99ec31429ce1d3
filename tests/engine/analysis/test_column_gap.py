"""layout/_column_gap.c gives what order._python_widest_x_gap gives: the same widest gap,
the same index and the same order of the items (ties by their place in the list), on sets of
fragments with many ties; and it leaves the answer to Python where it cannot match it."""

from __future__ import annotations

import math
import random
import threading

import pytest

from workers.engine.layout import order
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment

_accelerator = order._gap_accelerator
needs_c = pytest.mark.skipif(_accelerator is None, reason="C extension not built")


def _fragments(rng: random.Random, count: int) -> list[Fragment]:
    # Few distinct edges, so equal (x0, x1) pairs and equal starts are common.
    edges = [float(rng.randint(0, 40)) * 7.5 for _ in range(6)] + [0.0, -0.0]
    out = []
    for k in range(count):
        x0 = rng.choice(edges) + rng.choice((0.0, 0.0, 0.25))
        out.append(Fragment([], f"f{k}", x0, 0.0, x0 + rng.choice((1.0, 30.0, 120.0)), 10.0))
    return out


@needs_c
def test_c_matches_python_on_random_fragments() -> None:
    assert _accelerator is not None
    rng = random.Random(7)
    found = 0
    for count in (1, 2, 3, 5, 17, 80, 300):
        for _ in range(40):
            frags = _fragments(rng, count)
            gap, at, ordered = _accelerator.widest_x_gap(frags)
            want_gap, want_at, want_order = order._python_widest_x_gap(frags)
            assert (gap, at) == (want_gap, want_at)
            assert [id(f) for f in ordered] == [id(f) for f in want_order]
            found += at >= 0
    assert found > 100  # most sets have a gap: the index and the width are compared too


@needs_c
def test_c_leaves_what_it_cannot_match_to_python() -> None:
    assert _accelerator is not None
    assert _accelerator.widest_x_gap([]) is None
    whole = Fragment([], "int edges", 0, 0.0, 10, 10.0)  # type: ignore[arg-type]
    assert _accelerator.widest_x_gap([whole, Fragment([], "b", 20.0, 0.0, 30.0, 10.0)]) is None
    odd = Fragment([], "nan", math.nan, 0.0, 5.0, 10.0)
    assert _accelerator.widest_x_gap([odd, Fragment([], "b", 20.0, 0.0, 30.0, 10.0)]) is None
    # The caller then answers in Python, as before.
    a, b = Fragment([], "a", 0.0, 0.0, 10.0, 10.0), Fragment([], "b", 20, 0.0, 30, 10.0)  # type: ignore[arg-type]
    assert order._widest_gap([b, a], "x") == (10.0, 1, [a, b])


def _slices(rng: random.Random, count: int) -> list[tuple[int, int]]:
    bounds = [(0, count), (0, 0), (count, count)]
    for _ in range(12):
        start = rng.randint(0, count)
        bounds.append((start, rng.randint(start, count)))
    return bounds


def test_measures_of_slices_are_those_of_the_column_search() -> None:
    rng = random.Random(11)
    wide = 0
    for count in (1, 2, 5, 17, 80):
        for _ in range(30):
            frags = _sized(rng, _fragments(rng, count))
            bounds = _slices(rng, count)
            measures = order._python_gap_measures(frags, bounds)
            assert measures is not None
            for (start, end), (width, size, narrow) in zip(bounds, measures, strict=True):
                part = frags[start:end]
                gap, at, ordered = order._python_widest_x_gap(part) if part else (0.0, -1, [])
                assert width == gap
                if at < 0 or gap < order.MIN_GUTTER:
                    assert (size, narrow) == (0.0, 0.0)
                    continue
                wide += 1
                assert size == order._median_size(part)
                assert narrow == order._narrower_side((ordered[:at], ordered[at:]))
    assert wide > 100  # many slices hold a gap a gutter could be: all measures are compared


def _sized(rng: random.Random, frags: list[Fragment]) -> list[Fragment]:
    # Type sizes from a few, so that medians fall between two of them as well.
    for f in frags:
        f.glyphs = [Glyph("a", f.x0, f.y0, f.x1, f.y1, rng.choice((8.0, 9.5, 10.0, 12.0)),
                          False, "F", 0, -1)]
    return frags


@needs_c
def test_c_measures_of_slices_match_python() -> None:
    assert _accelerator is not None
    rng = random.Random(13)
    for count in (1, 2, 3, 17, 80, 300):
        for _ in range(30):
            frags = _sized(rng, _fragments(rng, count))
            bounds = _slices(rng, count)
            assert _accelerator.gap_measures(
                frags, bounds, order.MIN_GUTTER
            ) == order._python_gap_measures(frags, bounds)


def test_no_measures_where_a_coordinate_is_not_a_number() -> None:
    odd = [Fragment([], "nan", math.nan, 0.0, 5.0, 10.0), Fragment([], "b", 20.0, 0.0, 30.0, 10.0)]
    assert order._python_gap_measures(odd, [(0, 2)]) is None
    assert order._gap_measures(odd, [(0, 2)]) is None
    # Whole numbers (the C loop reads floats only) are measured in Python, the same way.
    whole = [Fragment([], "a", 0, 0.0, 10, 10.0), Fragment([], "b", 20, 0.0, 30, 10.0)]  # type: ignore[arg-type]
    assert order._gap_measures(whole, [(0, 2), (1, 2)]) == [(10, 0.0, 10), (0.0, 0.0, 0.0)]


@needs_c
def test_c_refuses_slices_out_of_the_list() -> None:
    assert _accelerator is not None
    frags = [Fragment([], "a", 0.0, 0.0, 10.0, 10.0)]
    with pytest.raises(ValueError):
        _accelerator.gap_measures(frags, [(0, 2)], order.MIN_GUTTER)


def _page_with_title_and_footer() -> list[Fragment]:
    # A title across the page, two columns of running lines under it, a footer across: only
    # a cut under the title and one over the footer reveal the gutter.
    frags = [Fragment([], "A title running across both of the columns", 40.0, 760.0, 520.0, 776.0)]
    for row in range(20):
        y = 730.0 - 14 * row
        for x0 in (40.0, 300.0):
            frags.append(Fragment([], f"running words of column {x0:.0f} row {row}", x0, y,
                                  x0 + 220.0, y + 10.0))
    frags.append(Fragment([], "A footer line across the page, under both columns", 40.0, 400.0,
                          520.0, 410.0))
    return frags


def test_parts_refused_on_their_width_change_no_regions(monkeypatch: pytest.MonkeyPatch) -> None:
    looked: list[int] = []
    real_find = order._find_column_split

    def counted(frags: list[Fragment]) -> object:
        looked.append(len(frags))
        return real_find(frags)

    monkeypatch.setattr(order, "_find_column_split", counted)
    regions = order.column_regions(_page_with_title_and_footer())
    with_widths = len(looked)
    looked.clear()
    monkeypatch.setattr(order, "_gap_measures", lambda items, bounds: None)
    unmeasured = order.column_regions(_page_with_title_and_footer())
    assert [[f.text for f in region] for region in regions] == [
        [f.text for f in region] for region in unmeasured
    ]
    assert regions[0][0].text.startswith("A title") and len(regions) >= 3  # columns found
    assert with_widths < len(looked)  # parts were refused on their widths alone


def _lines(rng: random.Random, count: int) -> list[Fragment]:
    # Lines on a few rows and of a few heights (ties in tops, in gaps and in heights), some
    # overlapping the one above.
    out = []
    for k in range(count):
        top = 700.0 - rng.randint(0, 40) * rng.choice((6.0, 12.5))
        height = rng.choice((8.0, 10.0, 24.0))
        x0 = rng.choice((40.0, 300.0))
        out.append(Fragment([], f"l{k}", x0, top - height, x0 + 200.0, top))
    return out


@needs_c
def test_c_horizontal_cuts_match_python() -> None:
    assert _accelerator is not None
    rng = random.Random(17)
    cut = 0
    for count in (1, 2, 5, 17, 80, 300):
        for _ in range(30):
            frags = _lines(rng, count)
            for top_down, limit in ((False, 12), (False, 3), (True, 12)):
                share = rng.choice((0.0, 0.25, 1.0))
                spans, places = _accelerator.horizontal_cuts(  # type: ignore[misc]
                    frags, share, order.LEADING_SHARE, limit, top_down
                )
                want_spans, want_places = order._python_horizontal_cuts(
                    frags, share, limit, top_down
                )
                assert [id(f) for f in spans] == [id(f) for f in want_spans]
                assert places == want_places
                cut += len(places)
    assert cut > 1000  # most sets are cut: the places are compared


@needs_c
def test_c_leaves_horizontal_cuts_it_cannot_match_to_python() -> None:
    assert _accelerator is not None
    assert _accelerator.horizontal_cuts([], 0.25, 0.25, 12, False) is None
    odd = [Fragment([], "nan", 0.0, math.nan, 5.0, 10.0), Fragment([], "b", 0.0, 0.0, 5.0, 8.0)]
    assert _accelerator.horizontal_cuts(odd, 0.25, 0.25, 12, False) is None
    whole = [Fragment([], "a", 0.0, 20, 5.0, 30), Fragment([], "b", 0.0, 0, 5.0, 10)]  # type: ignore[arg-type]
    assert _accelerator.horizontal_cuts(whole, 0.25, 0.25, 12, False) is None
    assert order._horizontal_cuts(whole, 0.25, 12) == (whole, [1])


@needs_c
def test_c_widest_gap_down_the_page_matches_python() -> None:
    assert _accelerator is not None
    rng = random.Random(19)
    found = 0
    for count in (1, 2, 3, 5, 17, 80, 300):
        for _ in range(40):
            frags = _lines(rng, count)
            gap, at, ordered = _accelerator.widest_y_gap(frags)  # type: ignore[misc]
            want_gap, want_at, want_order = order._python_widest_y_gap(frags)
            assert (gap, at) == (want_gap, want_at)
            assert [id(f) for f in ordered] == [id(f) for f in want_order]
            found += at >= 0
    assert found > 100
    assert _accelerator.widest_y_gap([]) is None
    odd = [Fragment([], "nan", 0.0, math.nan, 5.0, 10.0), Fragment([], "b", 0.0, 0.0, 5.0, 8.0)]
    assert _accelerator.widest_y_gap(odd) is None


def _pieces(rng: random.Random, count: int) -> list[tuple[float, float, float]]:
    # Few places and stretch ends, so pieces tie at one place, share starts, touch and nest,
    # and some are drawn backwards (end before start), as a damaged path's may be.
    places = [float(rng.randint(0, 30)) * 0.75 for _ in range(8)] + [0.0, -0.0]
    ends = [float(rng.randint(0, 40)) * 2.5 for _ in range(10)] + [0.0, -0.0]
    return [
        (rng.choice(places), rng.choice(ends), rng.choice(ends)) for _ in range(count)
    ]


@needs_c
def test_lines_along_in_c_matches_python_on_random_pieces() -> None:
    assert _accelerator is not None
    rng = random.Random(11)
    joined = 0
    for count in (0, 1, 2, 3, 7, 40, 250):
        for _ in range(40):
            pieces = _pieces(rng, count)
            got = _accelerator.lines_along(list(pieces), order.LINE_JOIN)
            want = order._python_lines_along(list(pieces))
            # (By repr: -0.0 == 0.0, and the signs the twin keeps are compared too.)
            assert repr(got) == repr(want)
            joined += sum(len(stretches) > 1 for _, stretches in want)
    assert joined > 100  # many lines have stretches apart, so the joins are compared too


@needs_c
def test_lines_along_leaves_what_it_cannot_match_to_python() -> None:
    assert _accelerator is not None
    assert _accelerator.lines_along([(1.0, 2.0, math.nan)], 2.0) is None
    assert _accelerator.lines_along([(1.0, 2, 3.0)], 2.0) is None  # type: ignore[list-item]
    assert _accelerator.lines_along([(1.0, 2.0)], 2.0) is None  # type: ignore[list-item]
    # The caller then answers in Python, as before.
    assert order.lines_along([(1.0, 2, 3.0), (0.5, 4.0, 5.0)]) == [(0.5, [(2, 5.0)])]  # type: ignore[list-item]


@needs_c
def test_spanning_in_c_matches_python_on_random_lines() -> None:
    # Which lines drawn along one axis reach across a stretch (asked at every cut of the
    # reading order): the same places, in the same order, both ways.
    assert _accelerator is not None
    rng = random.Random(5)
    found = 0
    for count in (0, 1, 3, 40, 250):
        for _ in range(40):
            lines = order._python_lines_along(_pieces(rng, count))
            first, last = rng.randint(0, len(lines)), rng.randint(0, len(lines))
            start = rng.choice([0.0, 10.0, 25.0, 60.0])
            end = rng.choice([5.0, 30.0, 95.0, math.nan])
            got = _accelerator.spanning(lines, first, last, start, end)
            want = order._python_spanning(lines, first, last, start, end)
            assert repr(got) == repr(want)
            found += len(want)
    assert found > 50
    # A value lines_along does not make (an int, a stretch of three) is left to Python.
    assert _accelerator.spanning([(1.0, [(0, 5.0)])], 0, 1, 1.0, 2.0) is None  # type: ignore[list-item]
    assert _accelerator.spanning([(1.0, [(0.0, 5.0, 1.0)])], 0, 1, 1.0, 2.0) is None  # type: ignore[list-item]
    assert order._spanning(([1.0], [(1.0, [(0, 5.0)])]), 0.0, 2.0, 1.0, 2.0) == [1.0]  # type: ignore[list-item]


_WORDS = ["the", "a", "column", "of", "set", "text", "runs", "on", "x", "1.2"]


def _text_pieces(rng: random.Random, count: int) -> list[Fragment]:
    """Pieces of lines for order._text_like: few distinct edges and widths (ties and gaps),
    one to nine words, some led by dots to a page number, a few type sizes."""
    spread = rng.choice((2, 20, 60))
    edges = [float(rng.randint(0, spread)) * 5.0 for _ in range(5)]
    long = rng.random()  # (the share of long lines: parts of every kind)
    out = []
    for _ in range(count):
        x0 = rng.choice(edges) + rng.choice((0.0, 0.0, 0.5))
        width = rng.choice((8.0, 40.0, 150.0, 240.0, 300.0, 300.0))
        many = rng.randint(4, 9) if rng.random() < long else rng.randint(1, 3)
        words = " ".join(rng.choice(_WORDS) for _ in range(many))
        if rng.random() < 0.15:
            words = f"{rng.choice(_WORDS)} " + ". " * rng.randint(2, 8) + str(rng.randint(1, 99))
        y0 = float(rng.randint(0, 50)) * 12.0
        f = Fragment([], words, x0, y0, x0 + width, y0 + 10.0)
        f.size = rng.choice((8.0, 10.0, 10.0, 0.0, 24.0))  # type: ignore[misc]
        out.append(f)
    return out


@needs_c
def test_c_text_like_matches_python_on_random_pieces() -> None:
    assert _accelerator is not None
    rng = random.Random(11)
    answers = {True: 0, False: 0}
    for count in (0, 2, 3, 4, 6, 9, 15, 30, 80):
        for _ in range(150):
            frags = _text_pieces(rng, count)
            for depth in (0, 3, 7):
                got = _accelerator.text_like(
                    frags, depth, order.FRAGMENT_GAP, order._leadered_entry
                )
                assert got == order._python_text_like(frags, depth)
                answers[bool(got)] += 1
    assert min(answers.values()) > 400  # both answers, many times


@needs_c
def test_c_text_like_leaves_what_it_cannot_match_to_python() -> None:
    assert _accelerator is not None
    rng = random.Random(3)
    frags = _text_pieces(rng, 6)
    frags[2].x1 = math.nan
    assert _accelerator.text_like(frags, 0, 0.5, order._leadered_entry) is None
    frags = _text_pieces(rng, 6)
    frags[4].size = math.inf  # type: ignore[misc]
    found = _accelerator.text_like(frags, 0, 0.5, order._leadered_entry)
    assert found is None or found == order._python_text_like(frags)
    whole = _text_pieces(rng, 6)
    whole[0].x0 = 3  # type: ignore[assignment]
    assert _accelerator.text_like(whole, 0, 0.5, order._leadered_entry) is None
    assert order._text_like(whole) == order._python_text_like(whole)


def _cut_as_before(
    frags: list[Fragment], depth: int, budget: list[int], memo: order._SplitMemo,
    top_down: bool = False,
) -> tuple[list[Fragment], list[Fragment]] | None:
    """order._cut_revealing_columns as it was before a repeated retry was paid for without
    its questions: every cut tried asks its questions, however often it comes up."""
    if len(frags) < 4 or budget[0] <= 0:
        return None
    spans, places = order._horizontal_cuts(frags, 0.25, 12, top_down)
    places = order._places_off_leading(spans, places, memo)
    end = len(spans)
    measures = order._gap_measures(spans, [(0, i) for i in places] + [(i, end) for i in places])
    above, below = (measures[:len(places)], measures[len(places):]) if measures else ([], [])
    for k, i in enumerate(places):
        if above and order._no_gutter(*above[k]):
            budget[0] -= 1
        elif order._column_split(spans[:i], budget, memo) is not None:
            return spans[:i], spans[i:]
        if below and order._no_gutter(*below[k]):
            budget[0] -= 1
        elif order._column_split(spans[i:], budget, memo) is not None:
            return spans[:i], spans[i:]
    if depth > 1:
        for i in places[:3] + places[-3:]:
            top, bottom = spans[:i], spans[i:]
            if _cut_as_before(top, depth - 1, budget, memo, True) or _cut_as_before(
                bottom, depth - 1, budget, memo, True
            ):
                return top, bottom
    return None


def _banded_page(rng: random.Random) -> list[Fragment]:
    """A few bands down a page, each across it or in two columns of running lines (or of
    short pieces), a gap between bands: parts with few cuts, some revealing columns only
    once a band over and one under are cut off."""
    frags: list[Fragment] = []
    y = 760.0
    for _ in range(rng.randint(2, 5)):
        kind = rng.choice(("across", "columns", "pieces"))
        for _row in range(rng.randint(1, 6)):
            if kind == "across":
                frags.append(Fragment([], "a line running across the whole page here", 40.0, y,
                                      520.0, y + 10.0))
            else:
                for x0 in (40.0, 300.0):
                    text = "running words of a column line" if kind == "columns" else "x"
                    width = 220.0 if kind == "columns" else 20.0
                    frags.append(Fragment([], text, x0, y, x0 + width, y + 10.0))
            y -= 14.0
        y -= rng.choice((10.0, 30.0))
    return frags


def test_repeated_retries_paid_without_their_questions_change_nothing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = random.Random(13)
    for _ in range(60):
        frags = _banded_page(rng)
        for start in (2, 5, 12, 40, order.COLUMN_SEARCH_BUDGET):
            budget = [start]
            got = order._cut_revealing_columns(frags, 2, budget, order._SplitMemo())
            want_budget = [start]
            with monkeypatch.context() as patched:
                patched.setattr(order, "_cut_revealing_columns", _cut_as_before)
                want = _cut_as_before(frags, 2, want_budget, order._SplitMemo())
            assert budget == want_budget
            assert (got is None) == (want is None)
            if got is not None and want is not None:
                assert [[id(f) for f in part] for part in got] == [
                    [id(f) for f in part] for part in want
                ]


@needs_c
def test_boxes_kept_while_the_column_search_runs_give_the_answers_read_anew() -> None:
    """With remember_boxes on (order.column_regions, a page's column search), each item's box
    and size are read once and kept: the widest gaps, the measures of slices and the cuts
    across are those found reading them anew, asked once or again; boxes that are no finite
    floats are still left to Python; once it is off, a box is read as it is then."""
    assert _accelerator is not None
    rng = random.Random(23)
    groups = [_fragments(rng, count) for count in (1, 2, 5, 17, 80, 300) for _ in range(6)]
    for frags in groups:
        for k, f in enumerate(frags):
            f.y0, f.y1 = float(k % 7) * 12.0, float(k % 7) * 12.0 + 10.0
    odd = [Fragment([], "nan", math.nan, 0.0, 5.0, 10.0), Fragment([], "b", 20.0, 0.0, 30.0, 10.0)]
    whole = [Fragment([], "int", 0, 0.0, 10, 10.0), Fragment([], "b", 20.0, 0.0, 30.0, 10.0)]  # type: ignore[arg-type]

    def plain(value: object) -> object:
        """The answer with each fragment by its identity (lists and tuples gone through)."""
        if isinstance(value, Fragment):
            return ("fragment", id(value))
        if isinstance(value, (list, tuple)):
            return [plain(v) for v in value]
        return value

    def answers() -> list[object]:
        found: list[object] = []
        for frags in [*groups, odd, whole]:
            bounds = [(0, len(frags)), (0, len(frags) // 2), (len(frags) // 3, len(frags))]
            found.extend(plain(answer) for answer in (
                _accelerator.widest_x_gap(frags), _accelerator.widest_y_gap(frags),
                _accelerator.gap_measures(frags, bounds, order.MIN_GUTTER),
                _accelerator.horizontal_cuts(frags, 0.25, 12.0, 12, False),
            ))
        return found

    read_anew = answers()
    _accelerator.remember_boxes(True)
    try:
        assert answers() == read_anew  # (read, and kept)
        assert answers() == read_anew  # (from what was kept)
    finally:
        _accelerator.remember_boxes(False)
    assert _accelerator.widest_x_gap(odd) is None and _accelerator.widest_x_gap(whole) is None
    moved = groups[-1][0]
    moved.x0, moved.x1 = -500.0, -400.0  # (a box changed once the search is done)
    found = _accelerator.widest_x_gap(groups[-1])
    assert found is not None and plain(found) == plain(order._python_widest_x_gap(groups[-1]))
    assert found[0] >= 300.0


@needs_c
def test_boxes_are_kept_for_the_thread_that_asked_only() -> None:
    """The boxes kept while one thread's column search runs are that thread's: another
    thread (an analysis of its own) reads its boxes anew, and cannot turn the keeping off."""
    assert _accelerator is not None
    frag = Fragment([], "a", 0.0, 0.0, 10.0, 10.0)
    seen: list[float | None] = []

    def other_thread() -> None:
        _accelerator.remember_boxes(False)  # (not its own: left on)
        seen.append(_accelerator.median_size([frag]))

    _accelerator.remember_boxes(True)
    try:
        assert _accelerator.median_size([frag]) == frag.size  # (read, and kept)
        kept = frag.size
        frag.size = kept + 5.0
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
        assert seen == [kept + 5.0]  # (read anew in the other thread)
        assert _accelerator.median_size([frag]) == kept  # (still kept in this one)
    finally:
        _accelerator.remember_boxes(False)
    assert _accelerator.median_size([frag]) == kept + 5.0


@needs_c
def test_median_size_and_narrower_side_in_c_match_python() -> None:
    """order._median_size and order._narrower_side (C where built) give what the Python
    twins give: sizes with ties and signed zeros, sides of one piece or many; an empty list,
    a NaN or a coordinate that is no float left to Python."""
    assert _accelerator is not None
    rng = random.Random(29)
    for count in (1, 2, 3, 8, 40):
        for _ in range(60):
            frags = _fragments(rng, count)
            for f in frags:
                f.glyphs = []
                f.__dict__["size"] = rng.choice([9.0, 10.0, 10.0, 12.0, 0.0, -0.0])
            assert _accelerator.median_size(frags) == order._python_median_size(frags)
            cut = rng.randrange(1, count + 1)
            split = (frags[:cut], frags[cut:] or frags[:1])
            assert _accelerator.narrower_side(*split) == order._python_narrower_side(split)
    assert _accelerator.median_size([]) is None
    assert _accelerator.narrower_side([], _fragments(rng, 2)) is None
    odd = Fragment([], "nan", math.nan, 0.0, 5.0, 10.0)
    assert _accelerator.narrower_side([odd], _fragments(rng, 2)) is None
    whole = Fragment([], "int", 0, 0.0, 10, 10.0)  # type: ignore[arg-type]
    assert _accelerator.narrower_side([whole], _fragments(rng, 2)) is None
    assert order._narrower_side(([whole], [Fragment([], "b", 20.0, 0.0, 25.0, 10.0)])) == 5.0


@needs_c
def test_extent_in_c_matches_python() -> None:
    """order._extent (C where built) is the Python twin's: the least and greatest coordinates,
    ties and signed zeros among them, of fragments and of blocks; no items, a NaN or an
    infinite edge left to Python."""
    from workers.engine.layout.blocks import Block

    assert _accelerator is not None
    rng = random.Random(31)
    for count in (1, 2, 5, 30):
        for _ in range(60):
            frags = _fragments(rng, count)
            for f in frags:
                f.y0 = rng.choice([0.0, -0.0, 5.0, 12.5])
                f.y1 = f.y0 + rng.choice([0.0, 10.0])
            found = _accelerator.extent(frags)
            assert found is not None and found == order._python_extent(frags)  # type: ignore[arg-type]
    assert _accelerator.extent([]) is None
    assert _accelerator.extent([Fragment([], "nan", math.nan, 0.0, 5.0, 10.0)]) is None
    endless = Fragment([], "inf", 0.0, 0.0, math.inf, 10.0)
    assert _accelerator.extent([endless]) is None
    assert order._extent([endless]) == (0.0, math.inf, 0.0, 10.0)  # type: ignore[list-item]
    block = Block(0)
    block.add(Fragment([], "a", 3.0, 1.0, 9.0, 11.0))
    assert order._extent([block]) == order._python_extent([block]) == (3.0, 9.0, 1.0, 11.0)
