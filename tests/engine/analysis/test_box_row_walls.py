"""A form's row of boxes drawn side by side (each a rectangle of its own, sharing a side with
the next): text of two boxes read by pdfium as one run, where the gap across the shared side
is a word space, is split at the wall."""

from __future__ import annotations

import bisect
import random
from pathlib import Path

import pypdfium2 as pdfium

from workers.engine.layout.figures import RULE_WIDTH
from workers.engine.layout.glyphs import OpenedPage
from workers.engine.layout.lines import fragments, lines
from workers.engine.layout.walls import (
    GlyphPositions,
    shared_edges,
    split_at_walls,
    vertical_walls,
)

from ..content_pdfs import text_page_pdf

CHAR = 0.6 * 9  # Courier at 9 points
WORD_SPACE = -2.5  # word spacing (Tw): Courier's wide space narrowed to a usual word space


def show(x: float, y: float, text: str) -> bytes:
    return b"BT /F1 9 Tf %.1f Tw 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (
        WORD_SPACE, x, y, text.encode()
    )


def _against_wall(right_edge: float, y: float, text: str) -> bytes:
    """``text`` ending 2 points short of the wall at ``right_edge``."""
    width = CHAR * len(text) + WORD_SPACE * text.count(" ")
    return show(right_edge - 2 - width, y, text)


def _boxes(frames: bool) -> list[bytes]:
    ops = [b"0.5 w 38 580 200 100 re S 238 580 200 100 re S"] if frames else []
    ops += [
        show(42, 668, "NAVY AND MARINE CORPS"),
        show(242, 668, "AIR FORCE"),
        show(42, 656, "Secretary of the Navy Council of"),
        show(242, 656, "Air Force Discharge Review Board"),
        # Both boxes' next lines at one height, 4 points apart across the wall: one run.
        _against_wall(238, 644, "Review Boards ATTN: Naval Discharge"),
        show(240, 644, "3351 Celmers Lane"),
        show(42, 632, "Suite 309 Washington Navy Yard"),
        show(242, 632, "Joint Base Andrews, MD 20762"),
        show(42, 620, "20374-5023"),
    ]
    return ops


def _pieces(path: Path) -> list[str]:
    """The page's pieces of text, grouped into lines, then split at its walls."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        with OpenedPage(pdf, 0) as opened:
            content = opened.content
            walls = vertical_walls(content.rules, shared_edges(content.paths, RULE_WIDTH))
            found = [f for line in lines(fragments(content.glyphs)) for f in line.fragments]
            return [f.text for f in split_at_walls(found, walls, GlyphPositions(content.glyphs))]
    finally:
        pdf.close()


def test_a_run_across_the_side_two_boxes_share_is_split_there(tmp_path: Path) -> None:
    pieces = _pieces(text_page_pdf(tmp_path / "boxes.pdf", _boxes(True), base="/Courier"))
    assert "Review Boards ATTN: Naval Discharge" in pieces, pieces
    assert "3351 Celmers Lane" in pieces, pieces


def test_without_the_boxes_the_run_is_one_piece(tmp_path: Path) -> None:
    pieces = _pieces(text_page_pdf(tmp_path / "boxes.pdf", _boxes(False), base="/Courier"))
    assert "Review Boards ATTN: Naval Discharge 3351 Celmers Lane" in pieces, pieces


def test_boxes_apart_share_no_wall(tmp_path: Path) -> None:
    # Two boxes a gutter apart: no side shared, nothing split (the run crosses no wall).
    ops = _boxes(False) + [b"0.5 w 38 580 199 100 re S 241 580 197 100 re S"]
    pieces = _pieces(text_page_pdf(tmp_path / "boxes.pdf", ops, base="/Courier"))
    assert "Review Boards ATTN: Naval Discharge 3351 Celmers Lane" in pieces, pieces


def test_walls_found_by_band_are_those_a_scan_finds() -> None:
    """The walls running down a piece of text, looked up in bands of height among many (a
    chart drawn cell by cell), are those a scan of all of them finds, in the same order."""
    rng = random.Random(7)
    walls = sorted(
        (rng.uniform(0, 600), y0, y0 + rng.choice([0.5, 4.0, 12.0, 40.0, 300.0]))
        for y0 in (rng.uniform(-20, 800) for _ in range(3000))
    )
    positions = GlyphPositions([])
    positions.against(walls)
    places = [w[0] for w in walls]
    for _ in range(500):
        x0 = rng.uniform(0, 600)
        x1 = x0 + rng.uniform(0, 300)
        low = rng.uniform(-30, 820)
        high = low + rng.uniform(0, 30)
        at, stop = bisect.bisect_right(places, x0), bisect.bisect_left(places, x1)
        scanned = [w for w in walls[at:stop] if w[1] <= low and w[2] >= high]
        assert positions.down(at, stop, x0, x1, low, high) == scanned
