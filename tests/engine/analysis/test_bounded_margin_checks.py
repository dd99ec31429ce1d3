"""The margin-band checks of :mod:`.layout.classify` that look at a page's other blocks for
each block read them from a small index, not a scan of the page (quadratic on pages of
thousands of one-letter blocks): the index must find what the scan found."""

from __future__ import annotations

import math
import random

from workers.engine.layout.blocks import Block
from workers.engine.layout.classify import _ByHeight, _PageEnds, _PageRefs, _same_line
from workers.engine.layout.lines import Fragment


def _block(rng: random.Random, k: int) -> Block:
    block = Block(0)
    y0 = rng.choice([rng.uniform(0, 800), rng.uniform(-1e12, 1e12), 400.0])
    height = rng.choice([rng.uniform(0, 12), rng.uniform(0, 600), 0.0, -5.0, 1e11])
    block.y0, block.y1 = y0, y0 + height
    block.x0, block.x1 = k * 0.5, k * 0.5 + rng.uniform(0, 50)
    return block


def _pages(seed: int) -> list[list[Block]]:
    rng = random.Random(seed)
    pages = []
    for _ in range(60):
        blocks = [_block(rng, k) for k in range(rng.randrange(1, 40))]
        blocks.extend(rng.sample(blocks, rng.randrange(len(blocks))))  # listed twice
        if rng.random() < 0.1:
            rng.choice(blocks).y1 = math.nan
        pages.append(blocks)
    return pages


def test_page_ends_are_the_extremes_of_the_other_blocks() -> None:
    for blocks in _pages(1):
        ends = _PageEnds(blocks)
        for block in blocks:
            others = [b for b in blocks if b is not block]
            lowest, highest = ends.lowest_bottom_besides(block), ends.highest_top_besides(block)
            if not others:
                assert lowest is None and highest is None
                continue
            # (Compared as the check compares them: every other's edge against a value.)
            assert lowest is not None and highest is not None
            for limit in (b.y1 + 3 for b in blocks):
                assert (lowest >= limit) == all(b.y0 >= limit for b in others)
                assert (highest <= limit - 6) == all(b.y1 <= limit - 6 for b in others)


def test_blocks_beside_hold_every_block_on_the_same_line() -> None:
    for blocks in _pages(2):
        index = _ByHeight(blocks)
        for block in [*blocks, *_pages(3)[0]]:
            beside = {id(b) for b in index.beside(block)}
            assert all(
                id(other) in beside for other in blocks if _same_line(block, other)
            )


def test_page_refs_near_a_line_hold_every_page_number_on_it() -> None:
    # (:func:`.classify._contents_entry` looks only at these for a page number ending a line.)
    rng = random.Random(4)
    for _ in range(60):
        page = []
        for _ in range(rng.randrange(1, 40)):
            y0 = rng.choice([rng.uniform(0, 800), rng.uniform(-1e12, 1e12), 400.0])
            block = Block(0)
            block.add(Fragment([], rng.choice(["12", "iv", "x", "Contents", "7 of 9"]),
                               0.0, y0, 10.0, y0 + 10.0))
            page.append(block)
        if rng.random() < 0.1:
            page[0].frags[0].y0 = math.nan
        refs = _PageRefs(page)
        for base in [*(b.frags[0].y0 for b in page), 399.5, math.nan]:
            for level in (0.0, 3.0, 1e13, -1.0, math.nan):
                near = {id(b) for b in refs.near(base, level)}
                assert all(id(b) in near for b in refs.refs
                           if abs(b.frags[0].y0 - base) < level)
                assert {id(b) for b in refs.refs} >= near
