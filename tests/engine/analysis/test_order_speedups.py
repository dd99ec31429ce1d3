"""The column search's cheaper answers give what it gave before: an entry led by dots looked
for only where the text holds four dots; one block read as it is. (And a side's lines
rejoined from their pieces as joining them two by two gives them.)"""

from __future__ import annotations

import itertools
import math
import random
import re

import pytest

from workers.engine.layout import order
from workers.engine.layout.blocks import block_of
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment


def _piece(
    text: str, x0: float, y0: float, size: float, sizes: list[float] | None = None
) -> Fragment:
    """A fragment of ``text`` set from ``x0`` on the baseline ``y0``, each glyph half its size
    wide (``sizes``: each glyph's own size)."""
    width = 0.5 * size
    glyphs = [
        Glyph(c, x0 + width * k, y0, x0 + width * (k + 1), y0 + size,
              sizes[k] if sizes else size, False, "F", 1, -1)
        for k, c in enumerate(text)
    ]
    return Fragment(glyphs, text, x0, y0, x0 + width * len(text), y0 + size)


def _pairwise(frags: list[Fragment], gutter: float) -> list[tuple[object, ...]]:
    """What _words_rejoined gave when it joined a line's pieces two by two (a fragment for
    every piece joined), as comparable values."""
    rows: list[list[Fragment]] = []
    row: list[Fragment] = []
    level = reach = 0.0
    for f in sorted(frags, key=lambda f: f.y0):
        if row and abs(level - f.y0) <= reach:
            row.append(f)
        else:
            row = [f]
            rows.append(row)
            reach = 0.3 * (f.y1 - f.y0)
            level, reach = f.y0, reach if reach > 1.0 else 1.0
    joined: list[Fragment] = []
    for row in rows:
        row.sort(key=lambda f: (f.x0, f.x1))
        line = row[0]
        for f in itertools.islice(row, 1, None):
            gap = f.x0 - line.x1
            if 0 <= gap < gutter and gap < order.WORD_GAP * max(line.size, f.size):
                line = Fragment(
                    glyphs=line.glyphs + f.glyphs, text=f"{line.text} {f.text}",
                    x0=line.x0, y0=min(line.y0, f.y0), x1=f.x1, y1=max(line.y1, f.y1),
                )
            else:
                joined.append(line)
                line = f
        joined.append(line)
    return [_values(f) for f in joined]


def _values(f: Fragment) -> tuple[object, ...]:
    size = f.size
    return (f.text, f.x0, f.y0, f.x1, f.y1, [id(g) for g in f.glyphs],
            "nan" if math.isnan(size) else size)


@pytest.mark.parametrize("seed", range(40))
def test_rejoined_lines_are_the_pieces_joined_two_by_two(seed: int) -> None:
    rng = random.Random(seed)
    frags = []
    for row in range(rng.randint(1, 6)):
        x = 72.0
        for _ in range(rng.randint(1, 7)):
            size = rng.choice([8.0, 10.0, 10.0, 12.0, 20.0])
            text = "".join(rng.choice("abcdefgh") for _ in range(rng.randint(1, 6)))
            sizes = None
            if rng.random() < 0.3:
                sizes = [rng.choice([size, 6.0, 14.0, -0.0, 0.0]) for _ in text]
                if rng.random() < 0.2:
                    sizes[rng.randrange(len(text))] = math.nan
            frags.append(_piece(text, x, 700.0 - 14 * row + rng.uniform(-1, 1), size, sizes))
            x = frags[-1].x1 + rng.choice([-2.0, 0.0, 3.0, 9.0, 11.9, 12.0, 14.0, 30.0])
    rng.shuffle(frags)
    gutter = rng.choice([5.0, 13.0, 40.0])
    assert [_values(f) for f in order._words_rejoined(frags, gutter)] == _pairwise(frags, gutter)


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
