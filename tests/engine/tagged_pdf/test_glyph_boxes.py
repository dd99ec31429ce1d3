"""The C search of the box holding each glyph (_glyph_boxes.c) finds what its Python twin
finds, and splitting asks it as it asked each glyph's boxes one by one."""

from __future__ import annotations

import random

import pytest

from workers.engine.document import BBox
from workers.engine.layout.glyphs import Glyph
from workers.engine.tagged_pdf.split_text import (
    _TOLERANCE,
    NO_BOX,
    SEVERAL_BOXES,
    GlyphNeeds,
    give_unambiguous,
    glyph_owner,
    held_by,
    python_held_by,
)

boxes_c = pytest.importorskip("workers.engine.tagged_pdf._glyph_boxes")


def _glyph(x0: float, y0: float, x1: float, y1: float, char: str = "a") -> Glyph:
    return Glyph(char, x0, y0, x1, y1, 10.0, False, "F", 0, -1)


def _random_page(seed: int) -> tuple[list[Glyph], list[BBox]]:
    """Boxes side by side and set in one another, and glyphs in them, between them and on
    their edges to within the tolerance (where the two tests round differently)."""
    rng = random.Random(seed)
    boxes: list[BBox] = []
    for _ in range(rng.randrange(0, 6)):
        x0, y0 = rng.uniform(0, 500), rng.uniform(0, 700)
        boxes.append(BBox(round(x0, 2), round(y0, 2), round(x0 + rng.uniform(0, 200), 2),
                          round(y0 + rng.uniform(0, 40), 2)))
    glyphs: list[Glyph] = []
    for _ in range(rng.randrange(0, 80)):
        if boxes and rng.random() < 0.5:
            # On an edge, give or take the tolerance.
            box = rng.choice(boxes)
            cx = rng.choice([box.x0, box.x1]) + rng.choice([-1, 1]) * _TOLERANCE \
                + rng.uniform(-1e-9, 1e-9)
            cy = rng.uniform(box.y0, box.y1)
        else:
            cx, cy = rng.uniform(0, 700), rng.uniform(0, 740)
        w, h = rng.uniform(0, 8), rng.uniform(0, 12)
        glyphs.append(_glyph(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2))
    return glyphs, boxes


@pytest.mark.parametrize("seed", range(80))
@pytest.mark.parametrize("loose", [False, True])
def test_random_glyphs_held_as_python(seed: int, loose: bool) -> None:
    glyphs, boxes = _random_page(seed)
    corners = [(b.x0, b.y0, b.x1, b.y1) for b in boxes]
    expected = python_held_by(glyphs, boxes, loose)
    assert boxes_c.held_by(glyphs, corners, _TOLERANCE, loose) == expected
    assert held_by(glyphs, boxes, loose) == expected


def test_a_glyph_in_one_box_is_its_owners_as_glyph_owner_says() -> None:
    boxes = [BBox(0, 0, 100, 20), BBox(50, 0, 200, 20), BBox(300, 0, 400, 20)]
    glyphs = [_glyph(10, 5, 16, 15), _glyph(60, 5, 66, 15), _glyph(350, 5, 356, 15),
              _glyph(250, 5, 256, 15), _glyph(400.5, 5, 401.3, 15)]
    assert held_by(glyphs, boxes) == [0, SEVERAL_BOXES, 2, NO_BOX, 2]
    pairs = [(k, box) for k, box in enumerate(boxes)]
    for glyph, held in zip(glyphs, held_by(glyphs, boxes), strict=True):
        if held != SEVERAL_BOXES:
            assert glyph_owner(glyph, pairs) == (None if held == NO_BOX else held)


def test_only_a_glyph_of_one_owner_is_given_before_the_rest() -> None:
    # Two boxes of one leaf hold the first glyph; two leaves' boxes the second.
    boxes = [(1, BBox(0, 0, 100, 20)), (1, BBox(0, 0, 50, 20)), (2, BBox(80, 0, 200, 20))]
    needs = GlyphNeeds({1: "ab", 2: "b"})
    first, second, third = _glyph(10, 5, 16, 15, "a"), _glyph(85, 5, 91, 15, "b"), \
        _glyph(150, 5, 156, 15, "b")
    give_unambiguous(needs, [first, second, third], boxes)
    assert not needs.wants(1, first)  # given to 1 (its boxes alone hold it)
    assert needs.wants(1, second)  # held by 1 and 2: not given out
    assert not needs.wants(2, second)  # the third "b" went to 2
