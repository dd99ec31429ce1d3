"""OperatorMap.ranges merges runs of consecutive objects into half-open operator ranges; the
loop keeping the open range in locals answers as the plain one (below) it replaced."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workers.engine.layout.operators import OperatorMap


def _plain(operator_of: list[int], objects: list[int]) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    previous_obj = -10
    for obj in sorted(set(objects)):
        if not 0 <= obj < len(operator_of) or operator_of[obj] < 0:
            continue
        op = operator_of[obj]
        if out and obj == previous_obj + 1 and op >= out[-1][1] - 1:
            out[-1] = (out[-1][0], op + 1)
        else:
            out.append((op, op + 1))
        previous_obj = obj
    return tuple(out)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(min_value=-1, max_value=40), max_size=30),
       st.lists(st.integers(min_value=-3, max_value=35), max_size=30))
def test_ranges_as_the_plain_loop(operator_of: list[int], objects: list[int]) -> None:
    assert OperatorMap(operator_of).ranges(objects) == _plain(operator_of, objects)


def test_runs_merge_and_gaps_split() -> None:
    opmap = OperatorMap([3, 4, 5, -1, 9, 2])
    assert opmap.ranges([0, 1, 2]) == ((3, 6),)
    assert opmap.ranges([2, 3, 4]) == ((5, 6), (9, 10))
    assert opmap.ranges([4, 5]) == ((9, 10), (2, 3))  # an operator earlier: a new range
    assert opmap.ranges([-1, 7]) == ()
