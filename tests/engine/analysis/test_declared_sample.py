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


def test_the_c_passes_over_a_pages_glyphs_give_what_the_python_ones_give() -> None:
    # font_extents' three passes over every glyph of a page with fonts declaring no extent
    # (C where built, _fragments.c) agree with their Python twins: the objects set in those
    # fonts, the sample of the others, and the sizes given (to the same glyphs, equal).
    import copy

    from workers.engine.layout import font_extents

    accelerator = font_extents._accelerator
    assert accelerator is not None
    pick = random.Random(11)
    fonts = ["Undeclared", "Other", "Declared"]
    chars = ["a", " ", "\u00a0", "ff", "", "\t ", "1"]
    for _ in range(300):
        glyphs = [Glyph(pick.choice(chars), 0, 0, 1, 1, pick.choice((9.0, 10.0, 11.5)), False,
                        pick.choice(fonts), pick.choice((-1, 0, 1, 2, 3, 4)), -1)
                  for _ in range(pick.randrange(0, 60))]
        undeclared = set(pick.sample(["Undeclared", "Other"], pick.randrange(0, 3)))
        assert accelerator.objects_in_fonts(glyphs, undeclared) == (
            font_extents._objects_in_fonts(glyphs, undeclared))
        count = pick.randrange(0, 30)
        fast = accelerator.first_in_other_fonts(glyphs, undeclared, count)
        slow = [g for g in glyphs if g.obj >= 0 and g.font not in undeclared
                and not g.char.isspace()][:count]
        assert [id(g) for g in fast] == [id(g) for g in slow]
        points = {k: pick.choice((0.0, -1.0, 9.0, 10.0, 10.5, 12.0)) for k in range(0, 5)
                  if pick.random() < 0.8}
        extent = pick.choice((1.1, 1.107, 0.93, 1.0))
        by_c, by_python = glyphs, copy.deepcopy(glyphs)
        accelerator.sizes_by_points(by_c, undeclared, points, extent, round)
        font_extents._sizes_by_points(by_python, undeclared, points, extent)
        assert [g.size for g in by_c] == [g.size for g in by_python]
        assert [type(g.size) for g in by_c] == [type(g.size) for g in by_python]
