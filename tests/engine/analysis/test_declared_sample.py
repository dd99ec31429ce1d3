"""font_extents samples the glyphs of fonts declaring their extent a chunk at a time, stopping
once the sample is full: the sample must be the first glyphs a sift of the whole page finds."""

from __future__ import annotations

import random

from workers.engine.layout.font_extents import DECLARED_SAMPLE, _declared_sample
from workers.engine.layout.glyphs import Glyph


def _sifted(glyphs: list[Glyph], undeclared: set[str]) -> list[Glyph]:
    return [g for g in glyphs if g.obj >= 0 and g.font not in undeclared
            and not g.char.isspace()][:DECLARED_SAMPLE]


def test_sample_is_the_first_declared_glyphs_of_the_page() -> None:
    pick = random.Random(7)
    undeclared = {"Undeclared"}
    n = DECLARED_SAMPLE
    for count in (0, 1, n - 1, n, n + 1, 3 * n + 5, 9000):
        for share in (0.1, 0.5, 0.95):
            glyphs = [Glyph(pick.choice("ab "), 0, 0, 1, 1, 10, False,
                            "Undeclared" if pick.random() > share else "Declared",
                            pick.choice((-1, 0, 1, 2)), -1) for _ in range(count)]
            sample = _declared_sample(glyphs, undeclared)
            assert len(sample) == len(_sifted(glyphs, undeclared))
            assert all(a is b for a, b in zip(sample, _sifted(glyphs, undeclared), strict=True))
