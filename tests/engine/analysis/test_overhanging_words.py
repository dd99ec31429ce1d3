"""Two columns of running text whose gutter an unbreakable word reaches into: a line of code
with no space to break at, set in a column too narrow for it, runs on past the column's edge
(a browser lets it overflow), and leaves the gutter narrower there than any gutter. The
columns' other lines keep the gutter clear: each column is still read whole, the word in
its own. A small PDF drawn here by text operators."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from workers.engine.document import ListBlock, block_text
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .test_display_lines_in_gutter import LEFT, RIGHT

#: A name with no space in it, too long for the left column.
CODE = "std::basic_string::resize_and_overwrite_at_once"


def show(x: float, y: float, text: str) -> bytes:
    """``text`` at 9 points (in WinAnsiEncoding: "\x95" is its bullet)."""
    return f"BT /F1 9 Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET".encode("latin-1")


def _width(tmp_path: Path, text: str) -> float:
    """How wide ``text`` is drawn in the test's face at 9 points."""
    path = text_page_pdf(tmp_path / "measure.pdf", [show(0, 400, text)])
    glyphs = read_page(pdfium.PdfDocument(path), 0).glyphs
    return max(g.x1 for g in glyphs) - min(g.x0 for g in glyphs)


def _column(x: float, lines: list[str], skip: int) -> list[bytes]:
    """A column of bulleted points of two lines each (the second hung under the first's
    text), twelve lines, but for line ``skip`` (-1: none)."""
    ops = []
    for k in range(12):
        if k == skip:
            continue
        text = lines[k % 4]
        ops.append(show(x, 690 - 12 * k, f"\x95 {text}") if k % 2 == 0 else
                   show(x + 8, 690 - 12 * k, text))
    return ops


def _page(tmp_path: Path) -> Path:
    """Two columns of points (72 and 266 points in); in the left column's middle a line of
    code, ending 3.5 points short of the right column's edge (its line there left blank)."""
    end = 262.5
    ops = [*_column(72, LEFT, 6), *_column(266, RIGHT, 6),
           show(end - _width(tmp_path, CODE), 690 - 12 * 6, CODE)]
    return text_page_pdf(tmp_path / "overhang.pdf", ops)


def _read(path: Path) -> list[str]:
    """The texts of the page's points, in reading order, then of its paragraphs."""
    doc = read_layout(path, max_pages=1)
    return [item.text for b in doc.blocks if isinstance(b, ListBlock) for item in b.items] + [
        block_text(b) for b in doc.blocks if not isinstance(b, ListBlock)]


def test_a_word_overhanging_the_gutter_leaves_the_columns_apart(tmp_path: Path) -> None:
    texts = _read(_page(tmp_path))
    # No point read across the gutter: the left column's points (the code in one of them),
    # then the right column's.
    assert not any(LEFT[0] in t and RIGHT[1] in t for t in texts)
    assert not any(LEFT[1] in t and RIGHT[0] in t for t in texts)
    left = [k for k, t in enumerate(texts) if t.startswith(LEFT[0])]
    right = [k for k, t in enumerate(texts) if t.startswith(RIGHT[0])]
    assert len(left) == 3 and len(right) == 3
    assert any(CODE in t for t in texts[:max(left) + 1])
    assert max(left) < min(right)

