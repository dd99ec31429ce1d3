"""OperatorMap.ranges merges runs of consecutive objects into half-open operator ranges; the
loop keeping the open range in locals answers as the plain one (below) it replaced."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workers.engine.layout import operators
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


def _covered(ranges: tuple[tuple[int, int], ...]) -> set[int]:
    return {op for start, end in ranges for op in range(start, end)}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(min_value=-1, max_value=40), max_size=30),
       st.lists(st.integers(min_value=-3, max_value=35), max_size=30))
def test_ranges_in_order_cover_the_same_operators(
    operator_of: list[int], objects: list[int]
) -> None:
    opmap = OperatorMap(operator_of)
    in_order = opmap.ranges_in_order(objects)
    assert _covered(in_order) == _covered(opmap.ranges(objects))
    # Objects read in the order they are drawn: the ranges are the plain ones.
    assert opmap.ranges_in_order(sorted(set(objects))) == opmap.ranges(objects)


def test_ranges_in_order_follow_the_reading() -> None:
    # Objects 0-2 draw a second line (operators 10-12), objects 3-5 the first (13-15).
    opmap = OperatorMap([10, 11, 12, 13, 14, 15])
    assert opmap.ranges([3, 4, 5, 0, 1, 2]) == ((10, 16),)
    assert opmap.ranges_in_order([3, 4, 5, 0, 1, 2]) == ((13, 16), (10, 13))
    # A right-to-left line drawn word by word from the left, read from the right.
    assert opmap.ranges_in_order([4, 5, 2, 3, 0, 1]) == ((14, 16), (12, 14), (10, 12))


def test_ranges_in_order_cut_where_something_else_is_read_between() -> None:
    # A line drawn in two objects (0, 1: operators 10, 11) with a label drawn later (object
    # 2, operator 20) read between them.
    opmap = OperatorMap([10, 11, 20])
    # (The operators between 11 and 20, drawing no object, stay with the range before them.)
    assert opmap.ranges_in_order([0, 2, 1]) == ((10, 11), (20, 21), (11, 20))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.integers(min_value=-1, max_value=40), max_size=30),
       st.lists(st.integers(min_value=-3, max_value=35), max_size=30), st.booleans())
def test_c_and_python_make_the_same_ranges(
    operator_of: list[int], objects: list[int], as_drawn: bool
) -> None:
    if operators._scanner is None:
        pytest.skip("the C content scanner is not built here (no C compiler at install time)")
    if as_drawn:
        objects = sorted(set(objects))  # (the common case: read as drawn)
    opmap = OperatorMap(operator_of)
    fast = (operators._scanner.ranges(operator_of, objects),
            operators._scanner.ranges_in_order(operator_of, tuple(objects)))
    saved = operators._scanner
    operators._scanner = None
    try:
        slow = (opmap.ranges(objects), opmap.ranges_in_order(objects))
    finally:
        operators._scanner = saved
    assert fast == slow


def test_c_leaves_numbers_no_long_holds_to_python() -> None:
    if operators._scanner is None:
        pytest.skip("the C content scanner is not built here (no C compiler at install time)")
    for operator_of, objects in (([1, 2, 3], [0, 2**70]), ([1, 2**70, 3], [2, 1, 0]),
                                 ([1, 2, 3], [True, 2])):
        assert operators._scanner.ranges(operator_of, objects) is NotImplemented
        assert operators._scanner.ranges_in_order(operator_of, objects) is NotImplemented
    # (Python answers for it, with numbers of any size.)
    assert OperatorMap([1, 2**70, 3]).ranges_in_order([2, 1, 0]) == (
        (3, 4), (2**70, 2**70 + 1), (1, 2**70)
    )
