"""Small charts side by side in a panel of text framed by four rules (a poster's panel): the
frame joins its text and the charts into one text frame, which is no drawing; inside it each
chart (axes and bars, a scale of its own under it, its axis's name and legend) is a figure,
its labels read with it, one chart after the other, not row by row across the charts. A
table whose rules meet its frame stays no drawing. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Figure, block_text
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import Lines, body_lines, make_pdf

FRAME = ["0 0 0 rg", "60 700 480 1.5 re f", "60 300 480 1.5 re f", "60 300 1.5 401.5 re f",
         "538.5 300 1.5 401.5 re f"]
NAMES = ["Number of lines", "Size in bytes"]
VALUES = [["850", "1068", "902"], ["592", "132", "1249"]]


def chart(k: int) -> tuple[list[str], Lines]:
    """A bar chart 130 points wide, three bars off its axes, its scale's values under it,
    then its axis's name and its legend."""
    x0, y0 = 90 + 220 * k, 400
    ops = ["0 0 0 rg", f"{x0} {y0} 1 75 re f", f"{x0} {y0} 130 1 re f", "0.3 0.5 0.8 rg"]
    ops += [f"{x0 + 1} {y0 + 5 + 24 * b} {40 + 30 * b} 18 re f" for b in range(3)]
    labels = [(x0 + 50 + 30 * b, y0 + 10 + 24 * b, VALUES[k][b]) for b in range(3)]
    labels += [(x0 - 3 + 30 * s, y0 - 14, str(30 * s)) for s in range(5)]
    labels += [(x0 + 30, y0 - 32, NAMES[k]), (x0 + 40, y0 - 50, "C Java Go")]
    return ops, labels


def test_charts_in_a_ruled_panel_are_figures_read_one_by_one(tmp_path: Path) -> None:
    shapes, lines = list(FRAME), body_lines(680)
    for k in range(2):
        ops, labels = chart(k)
        shapes += ops
        lines += labels
    doc = read_layout(make_pdf(tmp_path / "panel.pdf", [([], lines)], shapes=shapes),
                      max_pages=1)
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert len(figures) == 2
    texts = [block_text(b) for b in doc.blocks]
    at = {text: k for k, text in enumerate(texts)}
    first = [at[text] for text in (*VALUES[0], NAMES[0])]
    second = [at[text] for text in (*VALUES[1], NAMES[1])]
    assert max(first) < min(second)  # chart by chart, not row by row across them


def test_a_table_ruled_to_its_frame_is_no_drawing(tmp_path: Path) -> None:
    # The same frame, its inside ruled into cells whose rules meet it, text in every cell.
    shapes = list(FRAME)
    shapes += [f"60 {300 + 40 * r} 480 1 re f" for r in range(1, 10)]
    shapes += [f"{60 + 120 * c} 300 1 400 re f" for c in range(1, 4)]
    lines: Lines = [(66 + 120 * c, 312 + 40 * r, f"Cell {r} {c} value") for r in range(10)
                    for c in range(4)]
    doc = read_layout(make_pdf(tmp_path / "table.pdf", [([], lines)], shapes=shapes),
                      max_pages=1)
    assert not [b for b in doc.blocks if isinstance(b, Figure)]
