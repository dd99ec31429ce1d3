"""layout/spread.spread_below answers as statistics' exact arithmetic does, also at the limit."""

from __future__ import annotations

import statistics

from hypothesis import given, settings
from hypothesis import strategies as st

from workers.engine.layout.spread import spread_below

LIMIT = 0.1


def _exact(values: list[float], limit: float) -> bool:
    return statistics.pstdev(values) / statistics.fmean(values) < limit


widths = st.floats(min_value=0.01, max_value=1000.0, allow_nan=False, allow_infinity=False)


@settings(max_examples=500, deadline=None)
@given(st.lists(widths, min_size=1, max_size=60), st.sampled_from([LIMIT, 0.5, 1e-3]))
def test_the_same_answer_as_statistics(values: list[float], limit: float) -> None:
    assert spread_below(values, limit) == _exact(values, limit)


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=0.1, max_value=100.0), st.integers(min_value=1, max_value=40),
       st.floats(min_value=-1e-9, max_value=1e-9))
def test_at_the_limit_the_exact_answer(mean: float, half: int, nudge: float) -> None:
    # Half the values at mean - d, half at mean + d: the spread is d / mean, set to the limit
    # (give or take a nudge far below the float estimate's margin).
    d = mean * (LIMIT + nudge)
    values = [mean - d] * half + [mean + d] * half
    assert spread_below(values, LIMIT) == _exact(values, LIMIT)


def test_equal_values_do_not_spread() -> None:
    assert spread_below([7.2] * 9, LIMIT) is True
    assert spread_below([1.0, 9.0, 1.0, 9.0], LIMIT) is False
