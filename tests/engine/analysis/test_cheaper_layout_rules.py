"""Layout rules made cheaper keep their answers: each rewritten search or count agrees with
the way it was asked before, on generated inputs."""

from __future__ import annotations

import math
import random
from collections.abc import Iterable

import pytest

from workers.engine.layout import order
from workers.engine.layout.blocks import _UNSPACED, unspaced, unspaced_count
from workers.engine.layout.lines import Fragment
from workers.engine.layout.order import (
    LEADING_SLACK,
    LINE_LENGTH,
    _at_leading,
    _between_lines_of_a_column,
    _mostly_running_lines,
    _SplitMemo,
)


def _in_ranges(code: int) -> bool:
    return any(low <= code <= high for low, high in _UNSPACED)


def test_unspaced_and_its_count_agree_with_the_ranges() -> None:
    edges = {
        c for low, high in _UNSPACED for c in (low - 1, low, low + 1, high - 1, high, high + 1)
    }
    for code in sorted(edges | set(range(0, 0x110000, 61))):
        ch = chr(code)
        expected = _in_ranges(code)
        assert unspaced(ch) is expected, hex(code)
        assert unspaced_count(ch) == int(expected), hex(code)
    # (Every character at once: the count is the ranges' sizes.)
    everything = "".join(map(chr, range(0x110000)))
    assert unspaced_count(everything) == sum(high - low + 1 for low, high in _UNSPACED)
    text = "漢字かなカナ、abc 한국어 ＡＢ𠀀"
    assert unspaced_count(text) == sum(_in_ranges(ord(c)) for c in text)


def _line(rng: random.Random, column: float, top: float, height: float) -> Fragment:
    x0 = column + rng.choice((0.0, 0.0, 0.5, 8.0))
    length = rng.choice((height * 4, height * 14, height * 16, 240.0))
    return Fragment([], "text", x0, top - height, x0 + length, top)


def _page(rng: random.Random) -> list[Fragment]:
    """Lines in one to three columns, at one or two leadings, some short (labels), a title
    over them and a line under them, sorted by their tops (highest first), as
    :func:`.order._horizontal_cuts` gives them."""
    columns = [72.0 + 170.0 * k for k in range(rng.randint(1, 3))]
    frags = [Fragment([], "Title", 72.0, 740.0, 400.0, 760.0)]
    for column in columns:
        height = rng.choice((10.0, 12.0))
        leading = height + rng.choice((0.0, 1.0, 2.0, 3.0, 14.0))
        top = 720.0 - rng.choice((0.0, 0.0, 6.0))
        for _ in range(rng.randint(2, 14)):
            frags.append(_line(rng, column, top, height))
            top -= leading + rng.choice((0.0, 0.0, 0.0, 20.0))
    frags.append(Fragment([], "7", 300.0, 40.0, 306.0, 50.0))
    return sorted(frags, key=lambda f: (-f.y1, f.x0))


def _nearest_in_column_before(
    line: Fragment, others: Iterable[Fragment], *, over: bool
) -> Fragment | None:
    for f in others:
        if f.x0 < line.x1 and line.x0 < f.x1 and (f.y0 >= line.y1 if over else f.y1 <= line.y0):
            return f
    return None


def _at_leading_before(spans: list[Fragment], i: int, j: int) -> bool:
    """:func:`.order._at_leading` as it was written with generators over the lines."""
    below = spans[j]
    height = below.y1 - below.y0
    upward = (spans[k] for k in range(i - 1, -1, -1))
    over = _nearest_in_column_before(below, upward, over=True)
    if (over is None or abs((over.y1 - over.y0) - height) > 0.2 * height
            or abs(over.x0 - below.x0) > height or over.x1 < below.x1 - height
            or over.x1 - over.x0 < LINE_LENGTH * height):
        return False
    under = _nearest_in_column_before(
        below, (spans[k] for k in range(j + 1, len(spans))), over=False
    )
    above = _nearest_in_column_before(over, upward, over=True)
    leadings = [gap for gap in (below.y0 - under.y1 if under else -1.0,
                                above.y0 - over.y1 if above else -1.0) if 0 <= gap <= height]
    return bool(leadings) and over.y0 - below.y1 <= max(leadings) + LEADING_SLACK


def test_the_leading_test_by_index_agrees_with_the_generator_search() -> None:
    rng = random.Random(20)
    fired = 0
    for _ in range(300):
        spans = _page(rng)
        for i in range(1, len(spans)):
            for j in range(i, len(spans)):
                new = _at_leading(spans, i, j)
                assert new == _at_leading_before(spans, i, j)
                fired += new
            _between_lines_of_a_column(spans, i)
    assert fired > 100  # (the generated pages have columns at their leading)


def test_long_lines_counted_by_the_column_searchs_memo_agree() -> None:
    rng = random.Random(7)
    for _ in range(50):
        frags = _page(rng)
        memo = _SplitMemo()
        for _ in range(20):
            start = rng.randrange(len(frags))
            part = frags[start:rng.randint(start + 1, len(frags))]
            if rng.random() < 0.3:  # (a part made of fragments the memo has not seen)
                part = part + [_line(rng, 72.0, 30.0, 10.0)]
            long = sum(f.x1 - f.x0 >= LINE_LENGTH * (f.y1 - f.y0) for f in part)
            assert memo.long_lines(part) == long
            assert _mostly_running_lines(part, memo) == _mostly_running_lines(part) == (
                2 * long > len(part)
            )


@pytest.mark.skipif(order._gap_accelerator is None, reason="C extension not built")
def test_cuts_kept_off_a_columns_leading_in_c_match_python() -> None:
    accelerator = order._gap_accelerator
    assert accelerator is not None
    rng = random.Random(23)
    dropped = 0
    for _ in range(600):
        spans = _page(rng)
        places = sorted(rng.sample(range(1, len(spans)), min(len(spans) - 1, rng.randint(0, 8))))
        kept = accelerator.places_off_leading(spans, places, LINE_LENGTH, LEADING_SLACK)
        assert kept == order._python_places_off_leading(spans, places, _SplitMemo())
        dropped += len(places) - len(kept)
    assert dropped > 100  # (the generated pages have cuts between lines at their leading)
    # Where it cannot match Python (a coordinate not a finite float, a place off the list),
    # it leaves the answer to the twin.
    odd = [Fragment([], "nan", 0.0, math.nan, 300.0, 10.0), _line(rng, 72.0, 30.0, 10.0)]
    assert accelerator.places_off_leading(odd, [1], LINE_LENGTH, LEADING_SLACK) is None
    whole = [Fragment([], "a", 0, 20.0, 300.0, 30.0), _line(rng, 72.0, 10.0, 10.0)]  # type: ignore[arg-type]
    assert accelerator.places_off_leading(whole, [1], LINE_LENGTH, LEADING_SLACK) is None
    assert order._places_off_leading(whole, [1]) == [1]
    spans = _page(rng)
    assert accelerator.places_off_leading(spans, [len(spans)], LINE_LENGTH, LEADING_SLACK) is None
