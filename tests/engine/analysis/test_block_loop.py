"""layout/_block_loop.c and reader._python_text_blocks build the same blocks: on made-up
columns of fragments that reach every branch (pieces of one line near and far, right-to-left
lines, lines close under each other or a paragraph apart, sizes and weights that differ,
bullets waiting for their text, contents entries ending in page numbers, rules and boxes
between pieces, turned text), on every column of generated pages and of the shared corpus
(when present); and a box that is not all floats is left to Python."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import weasyprint

from workers.engine.layout import reader
from workers.engine.layout.blocks import Block
from workers.engine.layout.frames import Frames
from workers.engine.layout.glyphs import Glyph, Rect
from workers.engine.layout.lines import Fragment

from ..conftest import SHARED

#: Hebrew words (a right-to-left line).
_HEBREW = "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd \u05d6\u05d4 \u05d8\u05e7\u05e1\u05d8"

_TEXTS = [
    "A paragraph line with several words in it", "goes on here with more words and more",
    "\u2022", "1.", "\u2022 An item", "2. Second item", "Chapter One . . . . . . 12", "12",
    "Heading", _HEBREW,
    "label:", "x", "values 1.0", "ends a sentence.", "Starts a sentence", "lower case line",
]


def _fragment(chooser: random.Random, x0: float, y0: float, plain: bool = False) -> Fragment:
    """A piece of text at (x0, y0); ``plain``: of one size and face, as a paragraph's lines."""
    text = chooser.choice(_TEXTS)
    height = 10.0 if plain else chooser.choice([10.0, 10.0, 10.0, 12.0, 20.0, 4.0, 0.0])
    size = 10.0 if plain else chooser.choice([10.0, 10.0, 10.0, 11.0, 14.0, 20.0])
    bold = not plain and chooser.random() < 0.2
    font = "Serif" if plain else chooser.choice(["Serif", "Sans"])
    rotated = not plain and chooser.random() < 0.05
    width = max(1.0, 5.0 * len(text) * chooser.choice([0.5, 1.0, 1.0]))
    if plain:
        width = chooser.choice([150.0, 250.0, 290.0, 300.0])
    # A run-in lead in bold (a larger or smaller size, too) before the regular rest of the
    # line, now and then: the lines under it go on in its regular face (after_lead).
    lead = 0 if plain or chooser.random() < 0.85 else chooser.randint(1, len(text))
    lead_size = chooser.choice([size, size, 0.7 * size, 1.3 * size])
    # Or a run of small capitals inside the line, now and then (inline_run_goes_on).
    run = (0, 0) if plain or lead or chooser.random() < 0.8 else tuple(
        sorted(chooser.sample(range(len(text) + 1), 2)))
    glyphs = [
        Glyph(c.upper() if run[0] <= k < run[1] else c, x0 + k, y0, x0 + k + 1, y0 + height,
              lead_size if k < lead or run[0] <= k < run[1] else size,
              bold or k < lead or (run[0] <= k < run[1] and lead_size < size), font, k, -1,
              rotated=rotated)
        for k, c in enumerate(text) if not c.isspace()
    ]
    return Fragment(glyphs, text, x0, y0, x0 + width, y0 + height)


def _column(chooser: random.Random) -> list[Fragment]:
    """Lines top to bottom, each of a few pieces left to right: set at a few steps and
    indents (paragraphs, indented first lines, lists), or anywhere (any gap, any overlap)."""
    frags: list[Fragment] = []
    y = 700.0
    loose = chooser.random() < 0.3
    plain = not loose and chooser.random() < 0.4
    for _ in range(chooser.randint(0, 30)):
        if loose:
            y -= chooser.uniform(-2.0, 20.0)
            x = chooser.uniform(60.0, 120.0)
        else:
            y -= chooser.choice([12.0, 12.0, 12.0, 13.0, 18.0, 30.0, 6.0, 0.0])
            x = chooser.choice([72.0, 72.0, 72.0, 72.5, 84.0, 96.0, 300.0])
        for _ in range(chooser.choice([1, 1, 1, 2, 3])):
            f = _fragment(chooser, x, y + chooser.choice([0.0, 0.0, 1.0, 3.0]), plain)
            frags.append(f)
            x = f.x1 + chooser.choice([2.0, 8.0, 15.0, 30.0, 60.0])
    return frags


def _described(blocks: list[Block], given: list[Fragment]) -> list[tuple[object, ...]]:
    place = {id(f): k for k, f in enumerate(given)}
    return [(b.page, b.kind, [place[id(f)] for f in b.frags], b.x0, b.y0, b.x1, b.y1)
            for b in blocks]


def _both_ways(
    frags: list[Fragment], page: int = 0, to_pages: list[tuple[object, int]] | None = None,
    rules: list[Rect] | None = None, frames: Frames | None = None,
) -> tuple[object, object]:
    accelerator = reader._blocks_accelerator
    assert accelerator is not None
    args = (to_pages or [], rules or [], frames)
    fast_asks = reader._BlockAsks(frags, page, *args)  # type: ignore[arg-type]
    fast = accelerator.text_blocks(
        frags, fast_asks, fast_asks.open_blocks, fast_asks.block_starts, fast_asks.leading,
        reader.BLOCK_GAP, reader.LINE_STEP, reader.LINE_STEP_TALL, reader.starts_item,
        reader.is_marker, True,  # (every verdict decided in C checked against Python's)
    )
    slow_asks = reader._BlockAsks(frags, page, *args)  # type: ignore[arg-type]
    slow = reader._python_text_blocks(frags, slow_asks)
    if fast is not None:
        # (What the loop leaves in the asks' state is the same too: where each block's lines
        # start, and the contents entries ended.)
        assert sorted(fast_asks.block_starts.values()) == sorted(
            slow_asks.block_starts.values()
        )
        assert len(fast_asks.ended) == len(slow_asks.ended)
    return (None if fast is None else _described(fast, frags)), _described(slow, frags)


def _skip_without_accelerator() -> None:
    if reader._blocks_accelerator is None:
        pytest.skip("the C block loop is not built here (no C compiler at install time)")


def test_c_and_python_build_the_same_blocks_from_made_up_columns() -> None:
    _skip_without_accelerator()
    chooser = random.Random(13)
    many = 0
    for _ in range(2000):
        frags = _column(chooser)
        rules = [Rect(chooser.choice([70.0, 150.0, 250.0]), y, 400.0, y + 0.5, -1)
                 for y in chooser.sample([650.0, 600.0, 550.0, 500.0], chooser.randint(0, 2))]
        rules += [Rect(x, 400.0, x + 0.5, 700.0, -1)
                  for x in chooser.sample([120.0, 180.0, 260.0], chooser.randint(0, 2))]
        frames = Frames([Rect(60.0, 560.0, 200.0, 640.0, -1)], 1.0) if (
            chooser.random() < 0.3) else None
        fast, slow = _both_ways(frags, rules=rules, frames=frames)
        assert fast == slow
        many += sum(len(b[2]) > 1 for b in slow)  # type: ignore[arg-type]
    assert many > 1000  # (blocks of several pieces are built, not only blocks of one)


def test_a_box_not_all_floats_is_left_to_python() -> None:
    _skip_without_accelerator()
    chooser = random.Random(5)
    frags = [_fragment(chooser, 72.0, 700.0 - 12 * k) for k in range(3)]
    frags[1].y0 = 690  # type: ignore[assignment]
    fast, slow = _both_ways(frags)
    assert fast is None and slow


def _columns_read(path: Path, pages: int, monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Every column :func:`reader._text_blocks` is asked to build while the file is read."""
    asked: list[tuple] = []
    original = reader._text_blocks

    def spy(frags: list[Fragment], page: int, to_pages=(), rules=(), frames=None):  # type: ignore[no-untyped-def]
        asked.append((list(frags), page, list(to_pages), list(rules), frames))
        return original(frags, page, to_pages, rules, frames)

    with monkeypatch.context() as patch:
        patch.setattr(reader, "_text_blocks", spy)
        reader.read_layout(path, max_pages=pages)
    return asked


_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 2cm } body { font: 10pt 'DejaVu Serif'; columns: 2 }
p { text-indent: 2em; margin: 0 } h2 { font: bold 14pt 'DejaVu Sans' }
table, td { border: 1px solid black; border-collapse: collapse }</style></head><body>
<h2>1   A numbered heading</h2>
<p>""" + "A paragraph set in two columns, long enough to wrap over several lines. " * 8 + """</p>
<p>""" + "The next paragraph is indented as books indent theirs, with no gap above. " * 6 + """</p>
<ul><li>A first item of a list</li><li>A second item that runs on over two lines of the
column to show how items wrap</li></ul>
<ol><li>Numbered</li><li>Items</li></ol>
<table><tr><td>Name</td><td>Value</td></tr><tr><td>Width</td><td>12 cm</td></tr></table>
<p dir="rtl">""" + _HEBREW + " " + _HEBREW + """</p>
<p>Contents . . . . . . . . . 3</p><p>Chapter . . . . . . . . . 7</p>
</body></html>"""


def test_c_and_python_build_the_same_blocks_on_a_generated_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _skip_without_accelerator()
    path = tmp_path / "columns.pdf"
    weasyprint.HTML(string=_HTML).write_pdf(path)
    columns = _columns_read(path, 5, monkeypatch)
    assert len(columns) >= 2
    longest = 0
    for frags, page, to_pages, rules, frames in columns:
        fast, slow = _both_ways(frags, page, to_pages, rules, frames)
        assert fast == slow
        longest = max([longest, *(len(b[2]) for b in slow)])  # type: ignore[arg-type]
    assert longest >= 5  # (a paragraph of several lines is built)


@pytest.mark.skipif(not (SHARED / "corpus" / "untagged").is_dir(),
                    reason="shared corpus not present")
def test_c_and_python_build_the_same_blocks_on_the_corpus(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _skip_without_accelerator()
    files = sorted((SHARED / "corpus" / "untagged").glob("*.pdf"))
    assert files
    compared = 0
    for path in files:
        for frags, page, to_pages, rules, frames in _columns_read(path, 3, monkeypatch):
            fast, slow = _both_ways(frags, page, to_pages, rules, frames)
            assert fast == slow, (path.name, page)
            compared += 1
    assert compared > 100
