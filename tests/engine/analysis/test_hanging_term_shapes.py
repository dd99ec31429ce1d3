"""The quick look :func:`.hanging_terms._shape` takes first (a piece set in from the block's
first one by a hang's width at least) answers as the whole reading of the block's lines does:
blocks hung or not, one piece or many, a hang just short of the least and just at it."""

from __future__ import annotations

import pytest

from workers.engine.layout import hanging_terms
from workers.engine.layout.blocks import Block
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment

SIZE = 10.0


def _piece(text: str, x0: float, y0: float) -> Fragment:
    width = 0.5 * SIZE
    glyphs = [Glyph(ch, x0 + k * width, y0, x0 + (k + 1) * width, y0 + SIZE, SIZE, False, "F",
                    0, -1) for k, ch in enumerate(text)]
    return Fragment(glyphs, text, x0, y0, x0 + len(text) * width, y0 + SIZE)


def _block(*pieces: tuple[str, float, float]) -> Block:
    block = Block(0)
    for text, x0, y0 in pieces:
        block.add(_piece(text, x0, y0))
    return block


HANG = hanging_terms.LEAST_HANG * SIZE
BLOCKS = {
    "one piece": _block(("just a line of text", 72, 700)),
    "paragraph": _block(("first line of it", 72, 700), ("second line", 72, 688)),
    "first line indented": _block(("first line", 90, 700), ("second line", 72, 688)),
    "term on its line": _block(("-v", 72, 700), ("says more of what it does", 72 + 3 * HANG,
                                                    700), ("and goes on here", 72 + 3 * HANG,
                                                           688)),
    "term over its text": _block(("--a-long-option", 72, 700),
                                 ("what it does", 72 + 2 * HANG, 688),
                                 ("and more of it", 72 + 2 * HANG, 676)),
    "hang just short": _block(("x", 72, 700), ("what it does here", 72 + HANG - 0.01, 700),
                              ("and goes on", 72 + HANG - 0.01, 688)),
    "hang at the least": _block(("x", 72, 700), ("what it does here", 72 + HANG, 700),
                                ("and goes on", 72 + HANG, 688)),
}


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_quick_look_answers_as_the_lines_do(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    block = BLOCKS[name]
    quick = hanging_terms._shape(block)
    monkeypatch.setattr(hanging_terms, "_hung_piece", lambda frags, size: True)
    assert quick == hanging_terms._shape(block)


def test_the_cases_hold_shapes_and_none() -> None:
    # (Both answers are met: the comparison above is no comparison of Nones.)
    shapes = {name: hanging_terms._shape(block) for name, block in BLOCKS.items()}
    assert shapes["term on its line"] is not None
    assert shapes["hang at the least"] is not None
    assert shapes["one piece"] is None and shapes["paragraph"] is None
