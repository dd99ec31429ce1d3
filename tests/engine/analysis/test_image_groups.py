"""Which images make one picture: tiles and pieces that touch are one figure, unless each lies
in a drawn box of its own (a table's cells, a frame around each screenshot, two panels); the
pieces of one panel set a little apart are one figure; a picture drawn in strips with holes
is one figure however its strips are ordered. And a small bar chart, its plot smaller than an
icon, is a figure with its scale's values. A small image that a larger one only reaches onto at
its edge is a figure of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.document import BBox, Document, Figure, Paragraph
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import Lines, Picture, body_lines, make_pdf


def figure_boxes(doc: Document) -> list[BBox]:
    return sorted((b.prov[0].bbox for b in doc.walk() if isinstance(b, Figure)),
                  key=lambda r: (r.x0, -r.y1))


def frame(x: float, y: float, w: float, h: float) -> str:
    return f"0 0 0 RG 0.5 w {x} {y} {w} {h} re S"


def test_touching_photographs_are_one_figure_unless_each_has_its_cell(tmp_path: Path) -> None:
    photos = [Picture("left", 100, 500, 170, 100), Picture("right", 270, 500, 170, 100)]
    tiles = read_layout(make_pdf(tmp_path / "tiles.pdf", [(photos, body_lines(400))]),
                        max_pages=1)
    (box,) = figure_boxes(tiles)
    assert (box.x0, box.x1) == (pytest.approx(100), pytest.approx(440))
    cells = [frame(98, 498, 172, 104), frame(270, 498, 172, 104)]
    celled = read_layout(make_pdf(tmp_path / "cells.pdf", [(photos, body_lines(400))],
                                  shapes=cells), max_pages=1)
    left, right = figure_boxes(celled)
    assert (left.x0, left.x1) == (pytest.approx(100), pytest.approx(270))
    assert (right.x0, right.x1) == (pytest.approx(270), pytest.approx(440))


def test_screenshots_stacked_each_on_its_ground_are_figures_of_their_own(
    tmp_path: Path,
) -> None:
    # Each overlaps the one above by a few points; each has its own ground drawn behind it.
    shots = [Picture(f"shot{k}", 380, 600 - 75 * k, 120, 82) for k in range(3)]
    grounds = [frame(374, 599 - 75 * k, 132, 84) for k in range(3)]
    doc = read_layout(make_pdf(tmp_path / "stack.pdf", [(shots, body_lines(400))],
                               shapes=grounds), max_pages=1)
    boxes = figure_boxes(doc)
    assert len(boxes) == 3
    assert all(b.y1 - b.y0 == pytest.approx(82) for b in boxes)


def test_a_panels_pieces_set_apart_are_one_figure_and_two_panels_two(tmp_path: Path) -> None:
    # Two framed panels side by side; in each, two cut-outs 5 points apart; a cut-out of the
    # left panel spills over its frame onto a cut-out of the right one.
    pieces = [Picture("nut", 80, 520, 90, 60), Picture("bolt", 175, 520, 110, 60),
              Picture("case", 270, 520, 90, 60), Picture("core", 365, 520, 90, 60)]
    panels = [frame(75, 510, 200, 80), frame(265, 510, 200, 80)]
    doc = read_layout(make_pdf(tmp_path / "panels.pdf", [(pieces, body_lines(400))],
                               shapes=panels), max_pages=1)
    left, right = figure_boxes(doc)
    assert (left.x0, left.x1) == (pytest.approx(80), pytest.approx(285))
    assert (right.x0, right.x1) == (pytest.approx(270), pytest.approx(455))


def test_a_picture_in_strips_with_a_hole_is_one_figure(tmp_path: Path) -> None:
    # A ring drawn as strips: two pieces side by side over a hole, read first, then a strip
    # under both that joins them.
    strips = [Picture("top-left", 100, 560, 50, 40), Picture("top-right", 200, 560, 50, 40),
              Picture("bottom", 100, 520, 150, 40)]
    doc = read_layout(make_pdf(tmp_path / "ring.pdf", [(strips, body_lines(400))]),
                      max_pages=1)
    (box,) = figure_boxes(doc)
    assert (box.x0, box.y0, box.x1, box.y1) == (
        pytest.approx(100), pytest.approx(520), pytest.approx(250), pytest.approx(600))


def small_bar_chart(x0: float, y0: float) -> list[str]:
    """Three bars 4 points high and its axes: a plot (60 by 16 points) smaller than an icon
    (a 35-point square)."""
    bars = [f"0.3 0.5 0.8 rg {x0} {y0 + 1 + 5 * k} {30 + 10 * k} 4 re f" for k in range(3)]
    return [*bars, f"0 0 0 RG 0.5 w {x0} {y0} m {x0 + 60} {y0} l S",
            f"{x0} {y0} m {x0} {y0 + 16} l S"]


def test_a_bar_chart_smaller_than_an_icon_is_a_figure_with_its_scale(tmp_path: Path) -> None:
    scale: Lines = [(200 + 15 * k - 3, 588, str(10 * k)) for k in range(5)]
    doc = read_layout(make_pdf(tmp_path / "bars.pdf", [([], scale + body_lines(400))],
                               shapes=small_bar_chart(200, 600)), max_pages=1)
    (box,) = figure_boxes(doc)
    assert box.y0 < 595 and box.x0 == pytest.approx(200, abs=1)  # with its scale
    texts = [b.text for b in doc.walk() if isinstance(b, Paragraph)]
    assert not any(text in texts for text in ("10", "20", "30"))
    # Without a scale the same shapes are no chart (an icon, a logo's bars): no figure.
    bare = read_layout(make_pdf(tmp_path / "bare.pdf", [([], body_lines(400))],
                                shapes=small_bar_chart(200, 600)), max_pages=1)
    assert figure_boxes(bare) == []


def test_a_piece_reaching_only_over_the_next_panels_box_stays_in_its_panel(
    tmp_path: Path,
) -> None:
    # The right panel's two pieces, one over the other, make a box the left panel's piece
    # reaches into, though it touches neither of them.
    pieces = [Picture("upper", 300, 560, 150, 40), Picture("lower", 380, 480, 70, 80),
              Picture("left", 200, 500, 110, 40)]
    panels = [frame(195, 490, 112, 60), frame(295, 475, 160, 130)]
    doc = read_layout(make_pdf(tmp_path / "reach.pdf", [(pieces, body_lines(400))],
                               shapes=panels), max_pages=1)
    left, right = figure_boxes(doc)
    assert (left.x0, left.x1) == (pytest.approx(200), pytest.approx(310))
    assert (right.x0, right.y0, right.x1) == (
        pytest.approx(300), pytest.approx(480), pytest.approx(450))


def test_an_icon_a_header_photograph_reaches_onto_is_a_figure_of_its_own(
    tmp_path: Path,
) -> None:
    # A header photograph runs 5 points down onto the top of an icon of the figure below; a
    # short last strip of a photograph cut in strips, overlapping it by 3 points, runs along
    # its whole lower side.
    header = Picture("header", 120, 520, 480, 270)
    icon = Picture("icon", 440, 455, 70, 70)
    doc = read_layout(make_pdf(tmp_path / "header.pdf", [([header, icon], body_lines(400))]),
                      max_pages=1)
    photo, alone = figure_boxes(doc)
    assert (photo.x0, photo.y0, photo.x1, photo.y1) == (
        pytest.approx(120), pytest.approx(520), pytest.approx(600), pytest.approx(790))
    assert (alone.x0, alone.y0, alone.x1, alone.y1) == (
        pytest.approx(440), pytest.approx(455), pytest.approx(510), pytest.approx(525))
    strips = [Picture("strip", 120, 520, 480, 270), Picture("last", 120, 508, 480, 15)]
    cut = read_layout(make_pdf(tmp_path / "strips.pdf", [(strips, body_lines(400))]),
                      max_pages=1)
    (whole,) = figure_boxes(cut)
    assert (whole.y0, whole.y1) == (pytest.approx(508), pytest.approx(790))


def test_two_screenshots_one_reaching_over_the_others_side_are_two_figures(
    tmp_path: Path,
) -> None:
    # A dialog's screenshot and a taller one of another dialog set beside it, reaching 7
    # points over its left side, lined up along no side: two pictures. Strips of one
    # photograph overlapping as much, lined up along their top, are one.
    shots = [Picture("mac", 190, 450, 360, 205), Picture("windows", 40, 420, 157, 245)]
    doc = read_layout(make_pdf(tmp_path / "shots.pdf", [(shots, body_lines(400))]),
                      max_pages=1)
    left, right = figure_boxes(doc)
    assert (left.x0, left.x1) == (pytest.approx(40), pytest.approx(197))
    assert (right.x0, right.x1) == (pytest.approx(190), pytest.approx(550))
    strips = [Picture("one", 190, 450, 360, 205), Picture("two", 40, 420, 157, 235)]
    cut = read_layout(make_pdf(tmp_path / "strips.pdf", [(strips, body_lines(400))]),
                      max_pages=1)
    (whole,) = figure_boxes(cut)
    assert (whole.x0, whole.x1) == (pytest.approx(40), pytest.approx(550))


def test_cut_outs_staggered_meeting_at_a_corner_are_one_figure(tmp_path: Path) -> None:
    # An illustration's cut-outs (a nut, its core), staggered: each overlaps the next by a few
    # points at a corner only.
    pieces = [Picture("nut", 320, 186, 210, 137), Picture("core", 396, 79, 210, 112)]
    doc = read_layout(make_pdf(tmp_path / "cutouts.pdf", [(pieces, body_lines(400))]),
                      max_pages=1)
    (whole,) = figure_boxes(doc)
    assert (whole.x0, whole.y0, whole.x1, whole.y1) == (
        pytest.approx(320), pytest.approx(79), pytest.approx(606), pytest.approx(323))
