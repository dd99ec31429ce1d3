"""The reading order's rows of blocks (:func:`workers.engine.layout.order._by_rows`) read as
they did when the script's direction was counted for every part: that count, over every
fragment of the part, is only asked where a row holds two blocks or more (most parts the
recursion asks of hold a block a row). Made-up blocks of every kind: rows of one block and of
several, level tops and not, left-to-right and right-to-left text, blocks with no fragment."""

from __future__ import annotations

import functools
import random

from workers.engine.layout.blocks import Block
from workers.engine.layout.lines import Fragment
from workers.engine.layout.order import _by_rows, _first_x, _level, _mostly_rtl

_TEXTS = ["Words of a line", "12", "\u0645\u0631\u062d\u0628\u0627 \u0628\u0643\u0645", "x"]


def _former_by_rows(blocks: list[Block]) -> list[Block]:
    """_by_rows as it was: the direction counted first, every row sorted."""
    rtl = _mostly_rtl(blocks)
    rows: list[list[Block]] = []
    for block in sorted(blocks, key=lambda b: -b.y1):
        slack = 0.5 * (block.frags[0].height if block.frags else 4.0)
        if rows and rows[-1][0].y1 - block.y1 <= slack and _level(rows[-1][0], block):
            rows[-1].append(block)
        else:
            rows.append([block])
    return [b for row in rows for b in sorted(row, key=functools.partial(_first_x, rtl=rtl))]


def _block(rnd: random.Random, top: float) -> Block:
    block = Block(0)
    x = rnd.choice([20.0, 200.0, 380.0]) + rnd.random() * 30
    for line in range(rnd.randint(0, 3)):
        y1 = top - 14.0 * line
        block.add(Fragment(glyphs=[], text=rnd.choice(_TEXTS), x0=x, y0=y1 - 10.0,
                           x1=x + 40.0 + rnd.random() * 100, y1=y1))
    if not block.frags:
        block.x0, block.y0, block.x1, block.y1 = x, top - 10.0, x + 50.0, top
    return block


def test_rows_of_blocks_read_as_when_every_part_counted_its_direction() -> None:
    rnd = random.Random(5)
    several = 0
    for _ in range(3000):
        # (Tops on a few levels, some a hair apart: rows of one block and of several.)
        blocks = [_block(rnd, rnd.choice([700.0, 650.0, 600.0]) + rnd.choice([0.0, 0.5, 3.0]))
                  for _ in range(rnd.randint(0, 6))]
        got = _by_rows(blocks)
        assert [id(b) for b in got] == [id(b) for b in _former_by_rows(blocks)]
        several += len(blocks) >= 2 and got != sorted(blocks, key=lambda b: -b.y1)
    assert several > 100  # (rows read across were met, not only one block a row)
