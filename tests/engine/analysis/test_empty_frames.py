"""Empty frames (:func:`workers.engine.layout.figures.empty_frame`): a drawing of rules alone,
holding no text, each rule ending on another or running the drawing's whole width or height
(the frame of a table whose text is gone, a box to write in), shows nothing to describe: it is
decoration, not a figure. Rules with an end in the open (a chart's axes and tick marks) and
drawings with other shapes (a slanting line) stay figures — on small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Document, Figure
from workers.engine.layout.figures import empty_frame
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import body_lines, make_pdf

LEFT, RIGHT, BOTTOM, TOP = 90, 520, 100, 190
ROWS = 5


def figures(doc: Document) -> list[Figure]:
    return [b for b in doc.walk() if isinstance(b, Figure)]


def _read(tmp_path: Path, strokes: list[str]) -> Document:
    shapes = ["q", "0 0 0 RG", "0.4 w", *strokes, "Q"]
    return read_layout(make_pdf(tmp_path / "frame.pdf", [([], body_lines(760))], shapes=shapes),
                       max_pages=2)


def _line(x0: float, y0: float, x1: float, y1: float) -> str:
    return f"{x0} {y0} m {x1} {y1} l S"


def _sides(bottom: float) -> list[str]:
    """The frame's two sides drawn a row at a time, as a table's cells draw them."""
    pitch = (TOP - BOTTOM) / ROWS
    rows = [(TOP - pitch * (k + 1), TOP - pitch * k) for k in range(ROWS)]
    return [_line(x, max(low, bottom), x, high)
            for low, high in rows if high > bottom for x in (LEFT, RIGHT)]


def test_an_empty_ruled_box_is_decoration(tmp_path: Path) -> None:
    """Top rule stroked twice, sides drawn row by row, a bottom rule: a table left empty."""
    top = [_line(LEFT, TOP, RIGHT, TOP)] * 2
    doc = _read(tmp_path, [*top, *_sides(BOTTOM), _line(LEFT, BOTTOM, RIGHT, BOTTOM)])
    assert figures(doc) == []
    assert [a.kind for a in doc.artifacts] == ["decoration"]


def test_an_empty_grid_is_decoration(tmp_path: Path) -> None:
    """Rows and a column rule inside the frame, all ending on its sides."""
    inner = [_line(LEFT, y, RIGHT, y) for y in (130, 160)] + [_line(300, BOTTOM, 300, TOP)]
    frame = [_line(LEFT, TOP, RIGHT, TOP), _line(LEFT, BOTTOM, RIGHT, BOTTOM),
             _line(LEFT, BOTTOM, LEFT, TOP), _line(RIGHT, BOTTOM, RIGHT, TOP)]
    doc = _read(tmp_path, [*frame, *inner])
    assert figures(doc) == []


def test_axes_with_tick_marks_stay_a_figure(tmp_path: Path) -> None:
    """Two axes and their ticks, no labels: each tick has an end in the open."""
    axes = [_line(LEFT, BOTTOM, RIGHT, BOTTOM), _line(LEFT, BOTTOM, LEFT, TOP)]
    ticks = [_line(x, BOTTOM, x, BOTTOM + 4) for x in range(140, RIGHT, 60)]
    ticks += [_line(LEFT, y, LEFT + 4, y) for y in range(120, TOP, 20)]
    assert len(figures(_read(tmp_path, [*axes, *ticks]))) == 1


def test_a_frame_with_a_slanting_line_in_it_stays_a_figure(tmp_path: Path) -> None:
    frame = [_line(LEFT, TOP, RIGHT, TOP), _line(LEFT, BOTTOM, RIGHT, BOTTOM),
             _line(LEFT, BOTTOM, LEFT, TOP), _line(RIGHT, BOTTOM, RIGHT, TOP)]
    assert len(figures(_read(tmp_path, [*frame, _line(LEFT, BOTTOM, RIGHT, TOP)]))) == 1


def test_a_frame_cut_by_the_page_foot_runs_its_whole_height() -> None:
    """A box continued on the next page: its sides end in the open, but run the whole box."""
    box = (90.0, 100.0, 520.0, 190.0)
    sides = [(89.8, 100.0, 90.2, 190.0), (519.8, 100.0, 520.2, 190.0)]
    assert empty_frame([(90.0, 189.8, 520.0, 190.2), *sides], box)
    # A rule of it that stops short, free at an end, is a stroke of something drawn.
    assert not empty_frame([(90.0, 189.8, 520.0, 190.2), *sides, (90.0, 150.0, 200.0, 150.4)],
                           box)
    assert not empty_frame([], box)
