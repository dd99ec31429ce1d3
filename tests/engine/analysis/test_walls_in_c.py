"""layout/_walls.c finds the pairs of boxes side by side that walls._python_neighbours finds,
in the same order, on random pages of boxes with many ties (starts rounding half way, equal
bottoms, boxes touching within a hair of the shared edge); and it leaves to Python what it
cannot match."""

from __future__ import annotations

import math
import random

import pytest

from workers.engine.layout import walls
from workers.engine.layout.glyphs import Rect

_accelerator = walls._accelerator
needs_c = pytest.mark.skipif(_accelerator is None, reason="C extension not built")


def _boxes(rng: random.Random, count: int) -> list[Rect]:
    # Few places, half points among them (round() goes to the even neighbour), so boxes
    # start where others end, tie on their bottoms, and groups share rounded starts.
    xs = [rng.randint(0, 12) * 2.5 for _ in range(6)] + [0.5, 1.5, -0.0]
    ys = [rng.randint(0, 10) * 4.0 for _ in range(5)]
    out = []
    for k in range(count):
        x0 = rng.choice(xs) + rng.choice((0.0, 0.0, 1.5, -1.5, 0.75))
        y0 = rng.choice(ys) + rng.choice((0.0, 0.5))
        width = rng.choice((0.5, 2.5, 3.0, 5.0, 12.5))
        height = rng.choice((0.5, 3.0, 4.0, 9.0, 30.0))
        out.append(Rect(x0, y0, x0 + width, y0 + height, k))
    return out


@needs_c
def test_c_finds_the_pairs_python_finds_in_its_order() -> None:
    assert _accelerator is not None
    rng = random.Random(5)
    paired = 0
    for count in (0, 1, 2, 3, 8, 30, 120):
        for _ in range(60):
            boxes = _boxes(rng, count)
            for thick in (1.0, 2.5):
                got = _accelerator.neighbours(boxes, thick, walls.SHARED_EDGE)
                want = walls._python_neighbours(boxes, thick)
                assert got is not None
                assert [(id(a), id(b)) for a, b in got] == [(id(a), id(b)) for a, b in want]
                paired += len(want)
    assert paired > 1000  # (the pages have pairs: their order is compared, not only none)


@needs_c
def test_c_leaves_what_it_cannot_match_to_python() -> None:
    assert _accelerator is not None
    left, right = Rect(0.0, 0.0, 10.0, 10.0, 0), Rect(10.0, 0.0, 20.0, 10.0, 1)
    for odd in (Rect(math.nan, 0.0, 5.0, 5.0, 2), Rect(0.0, 0.0, math.inf, 5.0, 2),
                Rect(0, 0.0, 5.0, 5.0, 2), Rect(1e300, 0.0, 2e300, 5.0, 2)):  # type: ignore[arg-type]
        assert _accelerator.neighbours([left, right, odd], 2.5, walls.SHARED_EDGE) is None
    # The caller then answers in Python, as before.
    whole = Rect(40, 0.0, 50.0, 5.0, 2)  # type: ignore[arg-type]
    assert walls._neighbours([left, right, whole], 2.5) == [(left, right)]
    assert _accelerator.neighbours([left, right], 2.5, walls.SHARED_EDGE) == [(left, right)]
