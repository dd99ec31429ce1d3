"""What the layout reader now works out faster gives what it gave before, on random input:
the rows matched across a gutter (by search, not by scanning every top), a box's share
inside another and a contents entry's overlap with a link (min and max spelled out), a
caption line's reach across (walked by index), a run-in title's prefixes keyed one from
the last, and the characters of scripts without spaces that a word count finds (by search)."""

from __future__ import annotations

import random

from workers.engine.document import BBox
from workers.engine.layout.blocks import Block, area_share
from workers.engine.layout.contents import _overlap
from workers.engine.layout.figures import (
    _SPACELESS,
    _SPACELESS_CHAR,
    TextLine,
    _line_end,
    word_count,
)
from workers.engine.layout.lines import Fragment
from workers.engine.layout.order import _same_rows
from workers.engine.layout.patterns import prefix_title_keys, title_key

NAN = float("nan")


def _same_rows_scanned(left: list[Block], right: list[Block]) -> bool:
    """_same_rows as it was: every block on the left against every top on the right."""
    tops = [b.y1 for b in right]
    matched = sum(any(abs(b.y1 - t) < max(2.0, 0.3 * b.size) for t in tops) for b in left)
    return matched > 0.5 * len(left) and len(left) > 1


def _block(rng: random.Random, top: float) -> Block:
    size = rng.choice([0.0, 6.0, 9.5, 10.0, 12.0, 24.0, NAN])
    block = Block(0)
    block.add(Fragment(text="x", x0=0.0, y0=top - size, x1=10.0, y1=top))
    # (A fragment without glyphs has no size: the block's is set as one read from glyphs.)
    block.__dict__["_size_cache"] = (block.frags, len(block.frags), size)
    return block


def test_rows_matched_by_search_are_those_matched_by_scanning() -> None:
    rng = random.Random(7)
    tops = [700.0, 700.5, 688.0, 676.0, 650.0, 1e-9, -3.0, 1e17, NAN, float("inf")]
    for _ in range(3000):
        left = [_block(rng, rng.choice(tops) + rng.choice([0.0, 1.9, 2.0, 3.5, -2.6]))
                for _ in range(rng.randint(0, 6))]
        # (Tops exactly a slack apart as well as anywhere near: the bounds are met.)
        right = [_block(rng, rng.choice(tops) + rng.choice([0.0, 2.0, -3.0, 7.2, 0.9])
                        + rng.choice([0.0, rng.uniform(-4.0, 4.0)]))
                 for _ in range(rng.randint(0, 6))]
        assert _same_rows(left, right) == _same_rows_scanned(left, right)


def _box(rng: random.Random) -> BBox:
    values = [0.0, 1.0, 5.0, 5.5, 10.0, 12.0, NAN]
    x0, y0 = rng.choice(values), rng.choice(values)
    return BBox(x0, y0, x0 + rng.choice([0.0, 2.0, 5.0, 7.5]), y0 + rng.choice([0.0, 3.0, 6.0]))


def test_shares_and_overlaps_spelled_out_are_as_min_and_max_gave_them() -> None:
    rng = random.Random(11)
    for _ in range(5000):
        a, b = _box(rng), _box(rng)
        w = min(a.x1, b.x1) - max(a.x0, b.x0)
        h = min(a.y1, b.y1) - max(a.y0, b.y0)
        area = (a.x1 - a.x0) * (a.y1 - a.y0)
        share = w * h / area if w > 0 and h > 0 and area > 0 else 0.0
        assert area_share(a, b) == share
        height = min(a.height, b.height)
        y = min(a.y1, b.y1) - max(a.y0, b.y0)
        assert _overlap(a, b) == (min(a.x1, b.x1) > max(a.x0, b.x0) and y > 0.5 * height)


def _across_copied(lines: list[TextLine], k: int, x0: float, x1: float) -> float | None:
    """_across as it was: the lines after ``k`` walked as a copy, max() of the two."""
    line = lines[k]
    right = line.x1
    for other in lines[k + 1:]:
        if other.y0 >= line.y1 or other.y1 <= line.y0:
            break
        right = max(right, other.x1)
    return right if right > x0 and line.x0 < x1 else None


def test_a_lines_reach_across_walked_by_index_is_as_before() -> None:
    rng = random.Random(5)
    for _ in range(2000):
        lines: list[TextLine] = [
            Fragment(
                text=f"w{k}", x0=rng.choice([0.0, 50.0, 120.0]), y0=rng.choice([10.0, 20.0]),
                x1=rng.choice([40.0, 90.0, 200.0, NAN]), y1=rng.choice([18.0, 28.0]),
            )
            for k in range(rng.randint(1, 6))
        ]
        x0, x1 = rng.choice([30.0, 100.0, 150.0]), rng.choice([60.0, 180.0, 300.0])
        for k in range(len(lines)):
            # (Where the line ends, as caption_among asks whether that reaches across.)
            right = _line_end(lines, k)
            across = right if right > x0 and lines[k].x0 < x1 else None
            assert across == _across_copied(lines, k, x0, x1)


def test_prefix_keys_are_the_keys_of_the_prefixes() -> None:
    rng = random.Random(3)
    pieces = ["1.2", "Ǆ", "Die", "ÜBERSICHT", "—", "ΟΔΟΣ", "ΣΑΣ.", "Σ", "İstanbul", "l'État",
              "ﬁnal", "ǅ", "x_y", "A.Σ", "(a)", "Straße", "..."]
    for _ in range(2000):
        words = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))).split()
        keys = list(prefix_title_keys(words))
        assert keys == [title_key(" ".join(words[:n])) for n in range(1, len(words) + 1)]


def test_spaceless_characters_searched_for_are_those_of_the_ranges() -> None:
    # word_count finds a token's characters of scripts written without spaces with one
    # search (ASCII tokens with none): every code point is found exactly when it lies in one
    # of the ranges, as the test per character it replaces had it.
    for code in range(0x32000):
        if 0xD800 <= code <= 0xDFFF:
            continue  # (lone surrogates: no character)
        in_ranges = any(lo <= code <= hi for lo, hi in _SPACELESS)
        assert (_SPACELESS_CHAR.fullmatch(chr(code)) is not None) == in_ranges, hex(code)
    assert word_count("Net profit 归属于上市公司股东的净利润 ok") == 3 + 6.5
