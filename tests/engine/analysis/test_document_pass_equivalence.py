"""The document-level pass's quicker ways to the same answers: random inputs, read the old way
(kept here as the reference) and the new, give the same answer. The body's size counts
characters by exact size and rounds each size once (ties broken alike), less the program
listings' (a fixed-pitch face) while the rest holds a quarter of the text; a page's caption
lines are found once for all its figures."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import Any

from workers.engine.layout.blocks import Block, area_share
from workers.engine.layout.classify import BACKDROP, _body_size
from workers.engine.layout.figures import (
    CAPTION_GAP,
    TextLine,
    caption_among,
    caption_lines,
    caption_of,
    caption_text,
)

# ---- the body's size ----


def _old_body_size(results: list[Any], artifact_ids: dict[int, Any]) -> float:
    """:func:`_body_size` as it was: every fragment's size rounded and counted in turn."""
    everywhere: Counter[float] = Counter()
    off_figures: Counter[float] = Counter()
    code_everywhere: Counter[float] = Counter()
    code_off_figures: Counter[float] = Counter()
    for result in results:
        page_area = result.page.width * result.page.height
        figures = [
            b for b in result.blocks
            if b.kind == "figure" and id(b) not in artifact_ids
            and (b.x1 - b.x0) * (b.y1 - b.y0) < BACKDROP * page_area
        ]
        for b in result.blocks:
            if b.kind != "text" or id(b) in artifact_ids:
                continue
            on_figure = bool(figures) and any(area_share(b, figure) > 0.9 for figure in figures)
            for f in b.frags:
                size = round(f.size * 2) / 2
                count = len(f.text)
                everywhere[size] += count
                if f.fixed_pitch is True:
                    code_everywhere[size] += count
                if not on_figure:
                    off_figures[size] += count
                    if f.fixed_pitch is True:
                        code_off_figures[size] += count
    enough = off_figures.total() >= 0.25 * everywhere.total()
    sizes = off_figures if enough else everywhere
    prose = sizes - (code_off_figures if enough else code_everywhere)
    if prose.total() >= 0.25 * sizes.total():
        sizes = prose
    return sizes.most_common(1)[0][0] if sizes else 10.0


#: Sizes a few hundredths apart about the half points (rounding to one or to the next) and
#: sizes set alike: ties between rounded sizes are common.
_SIZES = (7.0, 8.74, 8.76, 9.0, 9.24, 9.25, 9.26, 10.0, 10.25, 10.5, 10.75, 11.99, 12.0, 14.0)


def _block(chooser: random.Random, kind: str) -> Block:
    block = Block(0, kind=kind)
    block.x0, block.y0 = chooser.uniform(0, 400), chooser.uniform(0, 600)
    block.x1 = block.x0 + chooser.uniform(5, 200)
    block.y1 = block.y0 + chooser.uniform(5, 200)
    block.frags = [
        SimpleNamespace(size=chooser.choice(_SIZES), text="x" * chooser.randrange(0, 6),
                        fixed_pitch=chooser.choice((None, False, False, True)))
        for _ in range(chooser.randrange(0, 5))
    ]  # type: ignore[list-item]
    return block


def test_the_body_size_is_the_one_counted_fragment_by_fragment() -> None:
    chooser = random.Random(19)
    for _ in range(400):
        results = [
            SimpleNamespace(
                page=SimpleNamespace(width=612, height=792),
                blocks=[_block(chooser, chooser.choice(("text", "text", "text", "figure")))
                        for _ in range(chooser.randrange(0, 8))],
            )
            for _ in range(chooser.randrange(0, 4))
        ]
        every = [b for r in results for b in r.blocks]
        artifact_ids = {id(b): "other" for b in every if chooser.random() < 0.2}
        assert _body_size(results, artifact_ids) == _old_body_size(results, artifact_ids)  # type: ignore[arg-type]


# ---- captions ----


def _old_across(lines: Sequence[TextLine], k: int, x0: float, x1: float) -> float | None:
    line = lines[k]
    right = line.x1
    for j in range(k + 1, len(lines)):
        other = lines[j]
        if other.y0 >= line.y1 or other.y1 <= line.y0:
            break
        right = max(right, other.x1)
    return right if right > x0 and line.x0 < x1 else None


def _old_caption_of(
    box: tuple[float, float, float, float],
    blocks: Sequence[Sequence[TextLine]],
    page_height: float,
    join: Callable[[Sequence[str]], str] = " ".join,
) -> str | None:
    """:func:`caption_of` as it was: every line of every block looked at for each figure."""
    x0, y0, x1, y1 = box
    best: tuple[tuple[bool, float], str] | None = None
    for lines in blocks:
        for k, line in enumerate(lines):
            right = _old_across(lines, k, x0, x1)
            first = caption_text(line.text) if right is not None else None
            if first is None or right is None:
                continue
            height = max(line.y1 - line.y0, 1.0)
            gap = y0 - line.y1 if (line.y0 + line.y1) / 2 < (y0 + y1) / 2 else line.y0 - y1
            rank = (not x0 <= (line.x0 + right) / 2 <= x1, gap)
            if -height <= gap < CAPTION_GAP * page_height and (best is None or rank < best[0]):
                end = next(
                    (j for j in range(k + 1, len(lines))
                     if (lines[j].x1 <= x0 or lines[j].x0 >= x1)
                     and abs(lines[j].x0 - line.x0) > height),
                    len(lines),
                )
                best = (rank, join([first, *(other.text for other in lines[k + 1:end])]))
            break
    return best[1] if best else None


_TEXTS = ("Figure 1: Results", "Table 2. Costs", "• Figure 3 Map", "x  y", "Fig. 4", "Values",
          "continued here", "Figure illustrates", "Chart 5")


def _lines(chooser: random.Random) -> list[Any]:
    out = []
    x, y = chooser.uniform(0, 400), chooser.uniform(0, 700)
    for _ in range(chooser.randrange(1, 6)):
        if chooser.random() < 0.3:  # a piece on the same line, further right
            x += chooser.uniform(20, 120)
        else:
            x, y = chooser.uniform(0, 400), y - chooser.uniform(8, 30)
        out.append(SimpleNamespace(text=chooser.choice(_TEXTS), x0=x, y0=y,
                                   x1=x + chooser.uniform(10, 200), y1=y + chooser.uniform(6, 14)))
    return out


def test_a_figure_caption_is_the_one_found_line_by_line() -> None:
    chooser = random.Random(19)
    for _ in range(400):
        blocks = [_lines(chooser) for _ in range(chooser.randrange(0, 6))]
        found = caption_lines(blocks)
        for _ in range(4):
            x0, y0 = chooser.uniform(0, 500), chooser.uniform(0, 700)
            box = (x0, y0, x0 + chooser.uniform(5, 300), y0 + chooser.uniform(5, 300))
            expected = _old_caption_of(box, blocks, 792)
            assert caption_of(box, blocks, 792) == expected
            assert caption_among(box, found, 792) == expected
