"""layout/_block_loop.c decides most pairs of pieces itself (reader._BlockAsks.goes_on_line and
goes_on_below, where their tests' cheap parts settle them) and asks Python only of the rest,
with the verdict Python gives: checked pair by pair (the loop's ``verify`` mode asks Python
of every pair decided in C too, and fails where the two differ) on made-up pages with rules,
drawn boxes, boxes to tick, links, contents entries, labels, turned and right-to-left text."""

from __future__ import annotations

import random

import pytest

from workers.engine.document import BBox
from workers.engine.layout import reader
from workers.engine.layout.blocks import Block
from workers.engine.layout.frames import Frames
from workers.engine.layout.glyphs import Glyph, Rect
from workers.engine.layout.lines import Fragment

from .test_block_loop import _column, _described


def _skip_without_accelerator() -> None:
    if reader._blocks_accelerator is None:
        pytest.skip("the C block loop is not built here (no C compiler at install time)")


class _Counted(reader._BlockAsks):
    """The asks, counting the questions put to Python."""

    asked = 0

    def goes_on_line(self, block: Block, last: Fragment, f: Fragment, step: float) -> bool:
        self.asked += 1
        return super().goes_on_line(block, last, f, step)

    def goes_on_below(
        self, block: Block, last: Fragment, f: Fragment, height: float,
        line_x0: float, line_x1: float, above_x0: float, one_line: bool,
    ) -> bool:
        self.asked += 1
        return super().goes_on_below(block, last, f, height, line_x0, line_x1, above_x0,
                                     one_line)


def _in_c(
    frags: list[Fragment], to_pages: list[tuple[BBox, int]] | None = None,
    rules: list[Rect] | None = None, frames: Frames | None = None, verify: bool = False,
) -> tuple[list[Block], int]:
    """The blocks the C loop builds, and how many questions it put to Python."""
    accelerator = reader._blocks_accelerator
    assert accelerator is not None
    asks = _Counted(frags, 0, to_pages or [], rules or [], frames)
    blocks = accelerator.text_blocks(
        frags, asks, asks.open_blocks, asks.block_starts, asks.leading, reader.BLOCK_GAP,
        reader.LINE_STEP, reader.LINE_STEP_TALL, reader.starts_item, reader.is_marker, verify,
    )
    assert blocks is not None
    return blocks, asks.asked


def _in_python(
    frags: list[Fragment], to_pages: list[tuple[BBox, int]] | None = None,
    rules: list[Rect] | None = None, frames: Frames | None = None,
) -> list[Block]:
    asks = reader._BlockAsks(frags, 0, to_pages or [], rules or [], frames)
    return reader._python_text_blocks(frags, asks)


def _piece(text: str, x0: float, y0: float, width: float, *, size: float = 10.0,
           bold: bool = False) -> Fragment:
    glyphs = [Glyph(c, x0 + k, y0, x0 + k + 1, y0 + size, size, bold, "Serif", k, -1)
              for k, c in enumerate(text) if not c.isspace()]
    return Fragment(glyphs, text, x0, y0, x0 + width, y0 + size)


def _plain_page() -> list[Fragment]:
    """A numbered heading ("2   Title": two pieces of one line), then paragraphs: lines a
    leading apart, a first line indented, a line of two pieces set apart in it."""
    frags = [_piece("2", 72.0, 700.0, 8.0, size=14.0, bold=True),
             _piece("Methods and results", 100.0, 700.0, 150.0, size=14.0, bold=True)]
    y = 680.0
    for paragraph in range(3):
        for line in range(6):
            x0 = 90.0 if line == 0 else 72.0
            y -= 12.0
            if line == 3:
                frags += [_piece("the words of this line set", x0, y, 140.0),
                          _piece("apart by a wide space", 218.0, y, 150.0)]
            else:
                frags.append(_piece("running text of a paragraph going on", x0, y,
                                    298.0 if line < 5 else 120.0))
        y -= 6.0 * paragraph
    return frags


def test_c_asks_python_of_no_pair_of_plain_running_text() -> None:
    _skip_without_accelerator()
    frags = _plain_page()
    blocks, asked = _in_c(frags)
    assert asked == 0
    assert _described(blocks, frags) == _described(_in_python(frags), frags)
    assert max(len(b.frags) for b in blocks) >= 6  # (paragraphs of several lines were built)


def test_c_asks_python_of_no_pair_where_rules_and_boxes_part_nothing() -> None:
    """A page with rules (none between the lines), a shaded panel holding all the text, a
    link over a line: each settled in C."""
    _skip_without_accelerator()
    frags = _plain_page()
    rules = [Rect(60.0, 720.0, 400.0, 720.5, -1), Rect(40.0, 100.0, 40.5, 700.0, -1)]
    frames = Frames([Rect(50.0, 300.0, 420.0, 730.0, -1)], reader.RULE_WIDTH)
    links = [(BBox(72.0, 660.0, 370.0, 670.0), 3)]
    blocks, asked = _in_c(frags, links, rules, frames, verify=True)
    assert _described(blocks, frags) == _described(_in_python(frags, links, rules, frames),
                                                   frags)
    _, asked = _in_c(frags, links, rules, frames)
    assert asked == 0


#: Texts ending lines as contents entries do, with leaders of each kind (or almost), and
#: options each opening with a box printed as a character.
_ENTRIES = ["Chapter.......... 12", "Index____ 9", "Notes \u2026 4", "Part \u00b7\u00b7 7",
            "Part \u00b7 8", "Words... 5", "a . . ", ". . x 3", "\u2610 Army", "\u2610 Navy",
            "\u2610"]


def _labelled(chooser: random.Random, frags: list[Fragment]) -> list[Fragment]:
    """Some pieces made bold (and larger, or set off their line's baseline), set in a
    fixed-pitch face, or given a contents entry's or an option's text."""
    out = []
    for f in frags:
        roll = chooser.random()
        if roll > 0.93:
            f = Fragment(f.glyphs, chooser.choice(_ENTRIES), f.x0, f.y0, f.x1, f.y1)
        if roll < 0.1:
            size = chooser.choice([10.0, 14.0])
            glyphs = [Glyph(g.char, g.x0, g.y0, g.x1, g.y1, size, True, g.font, g.obj, -1)
                      for g in f.glyphs]
            f = Fragment(glyphs, f.text, f.x0, f.y0 + chooser.choice([0.0, 3.0]), f.x1, f.y1)
        elif roll < 0.13:
            glyphs = [Glyph(g.char, g.x0, g.y0, g.x1, g.y1, g.size, g.bold, "Courier", g.obj,
                            -1) for g in f.glyphs]
            f = Fragment(glyphs, f.text, f.x0, f.y0, f.x1, f.y1)
        out.append(f)
    return out


def _page_furniture(
    chooser: random.Random, frags: list[Fragment]
) -> tuple[list[tuple[BBox, int]], list[Rect], Frames | None]:
    """Links over some pieces, rules across and down, and drawn boxes: cells side by side,
    a panel, and boxes to tick just before some pieces."""
    links = [
        (BBox(f.x0 - 1.0, f.y0 - 1.0, f.x1 + chooser.choice([1.0, 200.0]), f.y1 + 1.0),
         chooser.choice([1, 2]))
        for f in frags if chooser.random() < 0.15
    ]
    rules = [Rect(chooser.choice([60.0, 70.0, 150.0]), y, chooser.choice([300.0, 400.0]),
                  y + 0.5, -1)
             for y in chooser.sample([650.0, 620.0, 600.0, 550.0, 500.0],
                                     chooser.randint(0, 3))]
    rules += [Rect(x, chooser.choice([400.0, 600.0]), x + 0.5, 700.0, -1)
              for x in chooser.sample([120.0, 180.0, 260.0, 330.0], chooser.randint(0, 2))]
    if chooser.random() < 0.1:
        # (Sides given as whole numbers: the C loop leaves what it cannot read to Python.)
        links = [(BBox(int(b.x0), int(b.y0), int(b.x1), int(b.y1)), to)  # type: ignore[arg-type]
                 for b, to in links]
        rules = [Rect(int(r.x0), int(r.y0), int(r.x1) + 1, int(r.y1) + 1, -1) for r in rules]
    shapes: list[Rect] = []
    if chooser.random() < 0.4:
        top = chooser.choice([640.0, 600.0])
        shapes += [Rect(60.0, top - 60.0, 200.0, top, -1), Rect(200.0, top - 60.0, 400.0, top, -1)]
    if chooser.random() < 0.3:
        shapes.append(Rect(50.0, 300.0, 450.0, 720.0, -1))
    for f in frags:
        if chooser.random() < 0.1:
            side = (f.y1 - f.y0) * chooser.choice([0.8, 1.0])
            middle = (f.y0 + f.y1) / 2
            shapes.append(Rect(f.x0 - side - 2.0, middle - side / 2, f.x0 - 2.0,
                               middle + side / 2, -1))
    if chooser.random() < 0.05:
        shapes = [Rect(int(r.x0), int(r.y0), int(r.x1), int(r.y1), -1) for r in shapes]
    frames = Frames(shapes, reader.RULE_WIDTH) if shapes or chooser.random() < 0.5 else None
    return links, rules, frames


def test_c_verdicts_are_pythons_on_made_up_pages() -> None:
    _skip_without_accelerator()
    chooser = random.Random(14)
    asked_in_c = asked_in_python = 0
    for _ in range(1500):
        frags = _labelled(chooser, _column(chooser))
        links, rules, frames = _page_furniture(chooser, frags)
        fast, _ = _in_c(frags, links, rules, frames, verify=True)
        assert _described(fast, frags) == _described(
            _in_python(frags, links, rules, frames), frags
        )
        _, every = _in_c(frags, links, rules, frames, verify=True)
        _, some = _in_c(frags, links, rules, frames)
        asked_in_python += every
        asked_in_c += some
    assert asked_in_python > 10000  # (many pairs reach the tests)
    # (Many decided in C, though these pages are crowded with rules, boxes and links.)
    assert asked_in_c < 0.7 * asked_in_python
