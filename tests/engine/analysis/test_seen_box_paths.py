"""What a drawing shows (:meth:`workers.engine.layout.glyphs.OpenedPage.seen_box`) is told alike
whether a drawing's objects are read in C or in Python: the objects with their bounds in the
same order, and the same box, for drawings of many pieces, clipped, run off the page, or
asked about with a figure's box."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from workers.engine.layout import glyphs
from workers.engine.layout.glyphs import OpenedPage, _objects_by_size, _Seen

from .drawn_pdfs import make_pdf


def _grid(tmp_path: Path) -> tuple[list[str], Path]:
    """The shapes of :func:`_shapes`, and a page drawing them."""
    shapes = _shapes()
    return shapes, make_pdf(tmp_path / "grid.pdf", [([], [])], shapes=shapes)


def _shapes() -> list[str]:
    shapes = []
    # A grid of boxes, some the same size (ties keep their order), one a bare line.
    for row in range(12):
        for col in range(10):
            x, y = 40 + 50 * col, 100 + 40 * row
            shapes.append(f"0.5 w {x} {y} {40 if (row + col) % 3 else 30} 30 re S")
    shapes.append("1 w 40 90 m 540 90 l S")
    # A plot's curve drawn past its frame, clipped to it; a drawing running off the page.
    shapes.append("q 300 620 200 100 re W n 2 w 250 600 m 400 800 500 500 560 760 c S Q")
    shapes.append("q 0 0 1 rg 500 700 300 60 re f Q")
    return shapes


def _both(path: Path, monkeypatch: pytest.MonkeyPatch, ask: object) -> list[object]:
    """``ask(opened)`` on the first page, with the C accelerator (when built), then without."""
    pdf = pdfium.PdfDocument(str(path))
    answers = []
    try:
        with OpenedPage(pdf, 0) as opened:
            if glyphs._accelerator is not None:
                answers.append(ask(opened))  # type: ignore[operator]
            with monkeypatch.context() as patch:
                patch.setattr(glyphs, "_accelerator", None)
                answers.append(ask(opened))  # type: ignore[operator]
    finally:
        pdf.close()
    return answers


def test_c_and_python_read_a_drawings_objects_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if glyphs._accelerator is None:
        pytest.skip("the C accelerator is not built here (no C compiler at install time)")
    shapes, path = _grid(tmp_path)
    wanted = list(range(len(shapes)))

    def objects(opened: OpenedPage) -> object:
        return _objects_by_size(glyphs._address(opened.page.raw), wanted, _Seen(None))

    fast, slow = _both(path, monkeypatch, objects)
    assert isinstance(fast, list) and fast == slow and len(fast) == len(shapes)
    # The largest: the clipped curve, whose bounds (its control points) reach past its clip.
    assert sorted(fast)[0][1] == len(shapes) - 2
    # One missing object: no answer, both ways.
    missing = _both(path, monkeypatch, lambda opened: _objects_by_size(
        glyphs._address(opened.page.raw), [0, len(shapes) + 5], _Seen(None)))
    assert missing == [None, None]


@pytest.mark.parametrize("within", [None, (40.0, 90.0, 595.0, 760.0), (0.0, 0.0, 595.0, 842.0)])
def test_seen_box_is_told_alike_both_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    within: tuple[float, float, float, float] | None,
) -> None:
    shapes, path = _grid(tmp_path)
    answers = _both(path, monkeypatch, lambda opened: opened.seen_box(range(len(shapes)), within))
    assert all(a == answers[0] for a in answers)
    if within is None:
        box = answers[0]
        assert isinstance(box, tuple)
        # Cut to the page's side on the right (the blue box runs off the A4 page), and the
        # clipped curve to its clip: nothing above the blue box's top.
        assert box[2] == pytest.approx(595.0) and box[3] == pytest.approx(760.0, abs=0.6)


def test_c_and_python_read_a_pages_object_boxes_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # unseen_text's boxes of the page's other objects (glyphs._object_boxes): the same
    # indices and bounds in drawing order both ways, those skipped left out, and nothing
    # asked past the page's last object.
    if glyphs._accelerator is None:
        pytest.skip("the C accelerator is not built here (no C compiler at install time)")
    shapes, path = _grid(tmp_path)
    skip = {k: 1 for k in range(0, len(shapes), 7)}

    def boxes(opened: OpenedPage) -> object:
        return glyphs._object_boxes(glyphs._address(opened.page.raw), len(shapes) + 3, skip)

    fast, slow = _both(path, monkeypatch, boxes)
    assert fast == slow
    indices, found = fast  # type: ignore[misc]
    assert indices == [k for k in range(len(shapes)) if k not in skip]
    assert len(found) == len(indices) and all(x0 <= x1 and y0 <= y1 for x0, y0, x1, y1 in found)
