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


def _same_rects(got: list[Rect], want: list[Rect]) -> bool:
    """Field for field, each value with its type and sign (0.0 is not -0.0 here)."""
    def fields(r: Rect) -> list[tuple[str, str]]:
        return [(type(v).__name__, repr(v)) for v in (r.x0, r.y0, r.x1, r.y1, r.obj, r.mcid)]
    return [fields(r) for r in got] == [fields(r) for r in want]


@needs_c
def test_c_makes_the_edges_python_makes() -> None:
    assert _accelerator is not None
    rng = random.Random(9)
    made = 0
    for count in (2, 3, 8, 30, 120):
        for _ in range(60):
            boxes = _boxes(rng, count)
            pairs = walls._neighbours(boxes, 1.0)
            got = _accelerator.edges(pairs, Rect)
            assert got is not None and _same_rects(got, walls._python_edges(pairs))
            made += len(got)
    assert made > 1000
    # The boxes' own floats bound the edges, ties and all (max and min keep the first).
    left, right = Rect(0.0, -0.0, 10.0, 5.0, 3), Rect(10.0, 0.0, 20.0, 5.0, 4)
    (edge,) = _accelerator.edges([(left, right)], Rect)
    assert repr(edge.y0) == "-0.0" and (edge.x0, edge.x1, edge.obj, edge.mcid) == (9.5, 10.5, 3, -1)


@needs_c
def test_c_leaves_edges_it_cannot_match_to_python() -> None:
    assert _accelerator is not None
    left, right = Rect(0.0, 0.0, 10.0, 10.0, 0), Rect(10.0, 0.0, 20.0, 5.0, 1)
    for odd in (Rect(10, 0.0, 20.0, 10.0, 1), Rect(10.0, 0.0, 20.0, True, 1)):  # type: ignore[arg-type]
        assert _accelerator.edges([(left, right), (left, odd)], Rect) is None
    # The caller then answers in Python, as before; a class of no slots is called.
    whole = Rect(10, 0.0, 20.0, 10.0, 1)  # type: ignore[arg-type]
    assert walls.shared_edges([left, whole], 2.5) == [Rect(9.5, 0.0, 10.5, 10.0, 0)]

    class Plain:
        def __init__(self, *fields: object) -> None:
            self.fields = fields

    (plain,) = _accelerator.edges([(left, Rect(10.0, 0.0, 20.0, 10.0, 1))], Plain)
    assert plain.fields == (9.5, 0.0, 10.5, 10.0, 0)


def _walls_down(rng: random.Random, count: int) -> walls.Walls:
    # Heights on and about the bands' edges (multiples of WALL_BAND), below zero too, and
    # walls of no height or upside down, which run through no band.
    edges = [k * walls.WALL_BAND for k in range(-3, 12)]
    out = []
    for _ in range(count):
        y0 = rng.choice(edges) + rng.choice((0.0, -0.0, 0.5, -0.5, 7.25))
        y1 = y0 + rng.choice((0.0, -1.0, 3.0, walls.WALL_BAND, 40.0, 170.0))
        out.append((rng.choice((10.0, 20.5, 20.5, 33.0)), y0, y1))
    out.sort()
    return out


@needs_c
def test_c_files_the_walls_by_band_as_python_does(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _accelerator is not None
    rng = random.Random(11)
    filed = refused = 0
    for count in (0, 1, 2, 5, 30, 200):
        for _ in range(40):
            down = _walls_down(rng, count)
            for entries in (1, 2, walls.BAND_ENTRIES):
                got = _accelerator.banded(down, walls.WALL_BAND, entries)
                with monkeypatch.context() as patch:
                    patch.setattr(walls, "BAND_ENTRIES", entries)
                    want = walls._python_banded(down)
                if want is None:
                    assert got is None
                    refused += 1
                    continue
                assert list(got.items()) == list(want.items())  # (bands in the same order)
                assert all(a is b for k in want
                           for a, b in zip(got[k][1], want[k][1], strict=True))
                filed += 1
    assert filed > 300 and refused > 30


@needs_c
def test_c_leaves_walls_it_cannot_file_to_python() -> None:
    assert _accelerator is not None
    band = walls.WALL_BAND
    assert _accelerator.banded([(1.0, 0.0, math.inf)], band, 8) is None  # (unbanded, as in Python)
    assert walls._python_banded([(1.0, 0.0, math.inf)]) is None
    for odd in ((1.0, 0, 5.0), (1.0, 0.0, 5.0, 2.0), [1.0, 0.0, 5.0], (1.0, 0.0, 1e300)):
        assert _accelerator.banded([(2.0, 0.0, 5.0), odd], band, 8) is NotImplemented
    positions = walls.GlyphPositions([])
    positions.against([(1.0, 0, 40.0)])  # type: ignore[list-item]
    assert positions._banded() == {0: ([1.0], [(1.0, 0, 40.0)]), 1: ([1.0], [(1.0, 0, 40.0)]),
                                   2: ([1.0], [(1.0, 0, 40.0)])}
