"""Drawn cells (layout/frames.py) answer as the plain rule says, whatever the boxes are looked
up by: which boxes hold a piece of text, whether a box is a cell (empty, sharing a side with
another) and which boxes share its sides, and whether two pieces are apart, compared with a
scan of every box and every pair on pages of many boxes (a timetable drawn cell by cell,
boxes at random, nested, side by side, touching within a stroke's width)."""

from __future__ import annotations

import random

import pytest

from workers.engine.layout.frames import HELD_SLACK, SHARED_SIDE, Frames
from workers.engine.layout.glyphs import Rect
from workers.engine.layout.lines import Fragment

THICK = 2.0


def _plain_holding(boxes: list[Rect], f: Fragment) -> set[int]:
    slack = HELD_SLACK * (f.y1 - f.y0)
    return {id(b) for b in boxes
            if b.x0 <= f.x0 + slack and f.x1 - slack <= b.x1
            and b.y0 <= f.y0 + slack and f.y1 - slack <= b.y1}


def _plain_touching(shapes: list[Rect], boxes: list[Rect], box: Rect) -> set[int]:
    """Every box sharing a side with ``box``, when no shape's middle is inside it."""
    for s in shapes:
        x, y = (s.x0 + s.x1) / 2, (s.y0 + s.y1) / 2
        if box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1 and s is not box:
            return set()
    found = set()
    for o in boxes:
        if o is box:
            continue
        if (o.y0 < box.y1 and box.y0 < o.y1 and (
            abs(o.x0 - box.x1) <= SHARED_SIDE or abs(box.x0 - o.x1) <= SHARED_SIDE
        )) or (o.x0 < box.x1 and box.x0 < o.x1 and (
            abs(o.y0 - box.y1) <= SHARED_SIDE or abs(box.y0 - o.y1) <= SHARED_SIDE
        )):
            found.add(id(o))
    return found


def _plain_apart(shapes: list[Rect], boxes: list[Rect], a: Fragment, b: Fragment) -> bool:
    by_id = {id(o): o for o in boxes}

    def cell(box: Rect) -> bool:
        return bool(_plain_touching(shapes, boxes, box))

    for one, other in ((a, b), (b, a)):
        x, y = (other.x0 + other.x1) / 2, (other.y0 + other.y1) / 2
        for key in _plain_holding(boxes, one):
            box = by_id[key]
            if box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1 or not cell(box):
                continue
            touching = _plain_touching(shapes, boxes, box)
            if not any(h in touching and cell(by_id[h]) for h in _plain_holding(boxes, other)):
                return True
    return False


def _timetable(rng: random.Random) -> list[Rect]:
    """A grid of cells drawn each as a box (some a stroke's width apart, some merged), a
    page frame around it, a few small marks inside cells and rules among them."""
    shapes = [Rect(10, 10, 600, 780, 0)]
    y = 40.0
    for _ in range(30):
        x, h = 30.0, rng.choice((12.0, 18.0, 24.0))
        while x < 560:
            w = rng.choice((20.0, 40.0, 60.0, 90.0))
            gap = rng.choice((0.0, 0.0, 0.5, 1.4, 1.6, 3.0))
            shapes.append(Rect(x, y, x + w, y + h, len(shapes)))
            x += w + gap
        y += h + rng.choice((0.0, 0.0, 1.0, 1.5, 2.0))
    for _ in range(15):
        x, y = rng.uniform(30, 560), rng.uniform(40, 700)
        shapes.append(Rect(x, y, x + rng.uniform(0.5, 6), y + rng.uniform(0.5, 6), len(shapes)))
    return shapes


def _random_boxes(rng: random.Random) -> list[Rect]:
    shapes = []
    for k in range(400):
        x, y = rng.uniform(0, 580), rng.uniform(0, 760)
        shapes.append(Rect(x, y, x + rng.uniform(0.5, 120), y + rng.uniform(0.5, 60), k))
    return shapes


def _pieces(rng: random.Random, n: int) -> list[Fragment]:
    pieces = []
    for _ in range(n):
        x, y = rng.uniform(20, 570), rng.uniform(30, 760)
        pieces.append(Fragment(text="w", x0=x, y0=y, x1=x + rng.uniform(3, 60),
                               y1=y + rng.uniform(5, 12)))
    return pieces


@pytest.mark.parametrize("seed", range(6))
def test_frames_answer_as_a_scan_of_every_box(seed: int) -> None:
    rng = random.Random(seed)
    shapes = _timetable(rng) if seed % 2 == 0 else _random_boxes(rng)
    boxes = [s for s in shapes if s.x1 - s.x0 > THICK and s.y1 - s.y0 > THICK]
    frames = Frames(shapes, THICK)
    pieces = _pieces(rng, 150)
    # Pieces set in cells, tight and loose, so that many are held.
    for box in rng.sample(boxes, 60):
        pieces.append(Fragment(text="c", x0=box.x0 + 1, y0=box.y0 + 1, x1=box.x1 - 1,
                               y1=min(box.y1 - 1, box.y0 + 11)))
    held = 0
    for f in pieces:
        got = {id(b) for b in frames.holding(f)}
        assert got == _plain_holding(boxes, f)
        held += bool(got)
    assert held > 20
    cells = 0
    for box in boxes:
        assert frames._cell(box) == bool(_plain_touching(shapes, boxes, box))
        assert frames.touching[id(box)] == _plain_touching(shapes, boxes, box)
        cells += frames.cells[id(box)]
    assert cells > 5
    apart = 0
    for _ in range(400):
        a, b = rng.sample(pieces, 2)
        assert frames.apart(a, b) == _plain_apart(shapes, boxes, a, b)
        apart += frames.apart(a, b)
    assert apart > 0


def test_boxes_a_stroke_apart_share_a_side() -> None:
    left, right = Rect(0, 0, 50, 20, 0), Rect(51.5, 5, 90, 25, 1)
    far = Rect(91.6, 0, 120, 20, 2)
    frames = Frames([left, right, far], THICK)
    assert frames._cell(left) and frames.touching[id(left)] == {id(right)}
    assert frames._cell(right) and frames.touching[id(right)] == {id(left)}
    assert not frames._cell(far)
