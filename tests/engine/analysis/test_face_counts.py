"""The quick paths of the face questions asked of line pieces give the answers of the plain
counts they replace (:attr:`Fragment.running_face`, ``reader._face``, the walls filed by
bands in :class:`.walls.GlyphPositions`): random pieces and walls, each answer compared with
the plain count's."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest

from workers.engine.layout import reader
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import RUN_SIZE_STEP, RUNNING_LETTERS, Fragment, _computed_once
from workers.engine.layout.walls import WALL_BAND, GlyphPositions, Walls


def _running_face(glyphs: list[Glyph]) -> tuple[float, bool, str, bool, float] | None:
    """:attr:`Fragment.running_face` as first written: every count made, in one pass."""
    small = [g for g in glyphs if g.char.islower()]
    if len(small) < RUNNING_LETTERS:
        return None
    sizes = sorted(g.size for g in small)
    n = len(sizes)
    size = sizes[n // 2] if n % 2 else (sizes[n // 2 - 1] + sizes[n // 2]) / 2
    bold = 2 * sum(g.bold for g in small) > n
    font = Counter(g.font for g in small).most_common(1)[0][0]
    mixed = False
    for g in glyphs:
        if not g.char.isalpha():
            continue
        if g.size > (1 + RUN_SIZE_STEP) * size:
            return None
        if g.bold != bold or g.font != font or abs(g.size - size) > RUN_SIZE_STEP * size:
            mixed = True
    bottoms = sorted(g.y0 for g in small)
    bottom = bottoms[n // 2] if n % 2 else (bottoms[n // 2 - 1] + bottoms[n // 2]) / 2
    return size, bold, font, mixed, bottom


def _random_piece(rng: random.Random) -> Fragment:
    glyphs = [
        Glyph(rng.choice("abcXY 1."), 10.0 * k, rng.choice([0.0, 0.5, 1.0]),
              10.0 * k + 5, 10.0, rng.choice([9.0, 9.0, 9.0, 7.0, 11.0]),
              rng.random() < 0.3, rng.choice(["F1", "F1", "F2", "F3"]), 0, -1)
        for k in range(rng.randint(0, 12))
    ]
    return Fragment(glyphs, "".join(g.char for g in glyphs), 0.0, 0.0, 130.0, 10.0)


@pytest.mark.parametrize("seed", range(6))
def test_running_face_is_the_plain_counts(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(400):
        piece = _random_piece(rng)
        assert piece.running_face == _running_face(piece.glyphs)


@pytest.mark.parametrize("seed", range(6))
def test_a_pieces_font_is_the_most_common_first_seen(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(400):
        piece = _random_piece(rng)
        fonts = Counter(g.font for g in piece.glyphs if g.char.isalnum())
        assert reader._face(piece) == (fonts.most_common(1)[0][0] if fonts else "")


def test_a_tie_between_fonts_goes_to_the_font_seen_first() -> None:
    glyphs = [Glyph(ch, 0, 0, 1, 1, 9.0, False, font, 0, -1)
              for ch, font in zip("abcd", ["F2", "F1", "F1", "F2"], strict=True)]
    piece = Fragment(glyphs, "abcd", 0, 0, 4, 1)
    assert reader._face(piece) == "F2"
    face = piece.running_face
    assert face is not None and face[2] == "F2" and face[3]


class _Counted:
    computed = 0

    @_computed_once
    def value(self) -> int:
        _Counted.computed += 1
        return 7


def test_a_value_computed_once_is_kept_as_the_instances_attribute() -> None:
    item = _Counted()
    assert (item.value, item.value) == (7, 7)
    assert _Counted.computed == 1
    assert vars(item) == {"value": 7}


def _banded(walls: Walls) -> dict[int, tuple[list[float], Walls]]:
    """The walls by band, filed as first written (one setdefault a band)."""
    bands: dict[int, tuple[list[float], Walls]] = {}
    for w in walls:
        for k in range(math.floor(w[1] / WALL_BAND), math.floor(w[2] / WALL_BAND) + 1):
            band = bands.setdefault(k, ([], []))
            band[0].append(w[0])
            band[1].append(w)
    return bands


@pytest.mark.parametrize("seed", range(6))
def test_walls_are_filed_by_band_as_before(seed: int) -> None:
    rng = random.Random(seed)
    walls = sorted(
        (rng.uniform(0, 600), low, low + rng.uniform(-5, 120))
        for low in (rng.uniform(-50, 800) for _ in range(rng.randint(1, 40)))
    )
    positions = GlyphPositions([])
    positions.against(walls)
    assert positions._banded() == _banded(walls)


def test_a_pieces_prose_face_leaves_out_code_set_inline_and_is_kept() -> None:
    # "see /etc/passwd here": the path in a fixed-pitch face measuring larger than the prose.
    glyphs, x = [], 0.0
    for text, font, size, bold in (("see ", "Times", 10.0, True), ("/etc/passwd", "Courier", 12.0,
                                   False), (" here", "Times", 10.0, True)):
        for ch in text:
            width = 6.0 if font == "Courier" else 4.0 + (ord(ch) % 3)
            glyphs.append(Glyph(ch, x, 0, x + width, size, size, bold, font, 0, -1))
            x += width
    piece = Fragment(glyphs, "".join(g.char for g in glyphs), 0, 0, x, 12)
    assert piece.prose_face == (10.0, "Times", True)
    # (Worked out once: block building asks it of a line as the one under and the one over.)
    assert vars(piece)["prose_face"] == (10.0, "Times", True)
    plain = Fragment(glyphs[:4], "see ", 0, 0, 20, 10)
    assert plain.prose_face is None
