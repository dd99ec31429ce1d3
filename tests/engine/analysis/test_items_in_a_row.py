"""List items set side by side on one line are items of one list, none nested in another."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import ListBlock, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf


def show(x: float, y: float, text: str, size: int = 10) -> bytes:
    return b"BT /F1 %d Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (size, x, y, text.encode())


def test_lettered_answers_along_one_line_are_one_lists_items(tmp_path: Path) -> None:
    # An exercise's choices set along one line, each further right than the one before but
    # level with it: the next of the same list, not a list inside the one before.
    ops = [show(57, 780, "Exercises", 16),
           show(72, 740, "Which function is periodic? Choose one of the following."),
           show(72, 722, "(a) Parabola"), show(172, 722, "(b) Sine"), show(272, 722, "(c) Cubic")]
    blocks = read_layout(text_page_pdf(tmp_path / "row.pdf", ops), max_pages=5).blocks
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert [(i.label, " ".join(block_text(b) for b in i.blocks)) for i in lists[0].items] == [
        ("(a)", "Parabola"), ("(b)", "Sine"), ("(c)", "Cubic")]
