"""What the layout reader keeps once computed is computed again when what it was computed from
changes: a block's heading-candidate verdict follows its fragments, text and the body size;
a fragment's fixed-pitch answer is its glyphs' (they no longer change once it is built). And
work whose answer is known is not done: a spent column search looks for no cuts."""

from __future__ import annotations

from typing import Any

import pytest

from workers.engine.layout import order
from workers.engine.layout.blocks import Block
from workers.engine.layout.classify import _heading_candidate
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment, fragments


def _line(text: str, y: float, size: float = 12.0, bold: bool = True) -> Fragment:
    glyphs = [Glyph(c, 72 + 6 * k, y, 78 + 6 * k, y + size, size, bold, "F", 1, -1)
              for k, c in enumerate(text)]
    (fragment,) = fragments(glyphs)
    return fragment


def test_a_heading_verdict_follows_the_block_it_was_given_for() -> None:
    block = Block(0)
    block.add(_line("Results", 700))
    assert _heading_candidate(block, block.text, 12.0)
    assert _heading_candidate(block, block.text, 12.0)  # (kept)
    # Four lines are no heading: the verdict kept for one line is not reused.
    for k in range(3):
        block.add(_line(f"More text {k}", 680 - 20 * k))
    assert not _heading_candidate(block, block.text, 12.0)
    # Another text for the same block is judged by that text.
    one = Block(0)
    one.add(_line("Results", 700))
    assert _heading_candidate(one, one.text, 12.0)
    assert not _heading_candidate(one, "results, as shown.", 12.0)
    # Another body size: bold text of a smaller size than the body's is no heading.
    assert not _heading_candidate(one, one.text, 20.0)


def test_fixed_pitch_is_read_from_the_glyph_widths() -> None:
    even = _line("code = 1", 700)
    assert even.fixed_pitch is True
    uneven = Fragment(
        [Glyph(c, 72 + 10 * k, 700, 72 + 10 * k + w, 712, 12.0, False, "F", 1, -1)
         for k, (c, w) in enumerate(zip("mill", (9.0, 2.5, 2.5, 2.5), strict=True))],
        "mill", 72, 700, 114.5, 712,
    )
    assert uneven.fixed_pitch is False
    assert Fragment([], "", 0, 0, 0, 0).fixed_pitch is None


def test_a_spent_column_search_looks_for_no_cuts(monkeypatch: pytest.MonkeyPatch) -> None:
    frags = [_line(f"Line number {k} of the text", 700 - 14 * k, bold=False) for k in range(6)]
    looked: list[int] = []
    real = order._horizontal_cuts

    def counted(*args: Any, **kwargs: Any) -> Any:
        looked.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(order, "_horizontal_cuts", counted)
    # With the budget spent every split would be refused: no cut is looked for.
    assert order._cut_revealing_columns(frags, 2, [0], order._SplitMemo()) is None
    assert looked == []
    # With budget left, the cuts are looked for (one column: none reveals columns).
    assert order._cut_revealing_columns(frags, 2, [300], order._SplitMemo()) is None
    assert looked
