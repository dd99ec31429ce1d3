"""layout/_column_gap.c gives what order._python_widest_x_gap gives: the same widest gap,
the same index and the same order of the items (ties by their place in the list), on sets of
fragments with many ties; and it leaves the answer to Python where it cannot match it."""

from __future__ import annotations

import math
import random

import pytest

from workers.engine.layout import order
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
