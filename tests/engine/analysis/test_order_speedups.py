"""The column search's cheaper answers give what it gave before: an entry led by dots looked
for only where the text holds four dots; one block read as it is."""

from __future__ import annotations

import re

import pytest

from workers.engine.layout import order
from workers.engine.layout.blocks import block_of
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment


def _piece(text: str, x0: float, y0: float, size: float) -> Fragment:
    """A fragment of ``text`` set from ``x0`` on the baseline ``y0``, each glyph half its size
    wide."""
    width = 0.5 * size
    glyphs = [
        Glyph(c, x0 + width * k, y0, x0 + width * (k + 1), y0 + size,
              size, False, "F", 1, -1)
        for k, c in enumerate(text)
    ]
    return Fragment(glyphs, text, x0, y0, x0 + width * len(text), y0 + size)


@pytest.mark.parametrize(
    ("text", "led"),
    [
        ("threads . . . . . 12", True),
        ("Introduction\u2026\u2026\u2026\u2026 iv", True),
        ("Index \u00b7\u00b7\u00b7\u00b7", True),
        ("what?_______", False),
        ("1.2.3 . . 4", False),
        ("a sentence of several words.", False),
        ("x", False),
        ("", False),
    ],
)
def test_an_entry_led_by_dots_is_told_as_before(text: str, led: bool) -> None:
    f = _piece(text or " ", 72.0, 700.0, 10.0)
    f.text = text
    assert order._leadered_entry(f) is led
    assert led == (f.words >= 1 and order._DOTS_TO_LINE_END.search(text) is not None)


class _CountedSearch:
    """The leader pattern, with the texts it was asked to search."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.asked: list[str] = []

    def search(self, text: str) -> re.Match[str] | None:
        self.asked.append(text)
        return self.pattern.search(text)


def test_a_piece_without_four_dots_is_not_searched(monkeypatch: pytest.MonkeyPatch) -> None:
    counted = _CountedSearch(order._DOTS_TO_LINE_END)
    monkeypatch.setattr(order, "_DOTS_TO_LINE_END", counted)
    assert not order._leadered_entry(_piece("Results", 72.0, 700.0, 10.0))
    assert not order._leadered_entry(_piece("Fig. 3. a.b", 72.0, 700.0, 10.0))
    assert counted.asked == []
    assert order._leadered_entry(_piece("Results ....... 7", 72.0, 700.0, 10.0))
    assert counted.asked == ["Results ....... 7"]


def test_one_block_is_read_as_it_is() -> None:
    block = block_of(0, [_piece("alone", 72.0, 700.0, 10.0)])
    blocks = [block]
    ordered = order.reading_order(blocks)
    assert ordered == [block] and ordered is not blocks
    assert order.reading_order([]) == []
