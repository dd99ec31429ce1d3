"""Images each the size of an icon, lying together and bled off the page's edge (the nodes of
a network pattern strewn over a report's margins, cut by the page), are decoration, not a
figure to describe (:func:`workers.engine.layout.figures._bled_specks`). The same specks
set within the page's margins stay a figure, and so does a large picture bled off the
page. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Figure
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import HEIGHT, Picture, body_lines, make_pdf


def _specks(x: float, top: float) -> list[Picture]:
    """Five overlapping images of 20 points square (each under an icon's share of the
    page), the highest reaching ``top``, the leftmost at ``x``."""
    places = [(0, 0), (14, -10), (4, -24), (22, -30), (10, -44)]
    return [Picture(f"node{k}", x + dx, top - 20 + dy, 20, 20)
            for k, (dx, dy) in enumerate(places)]


def _figures(path: Path) -> list[Figure]:
    return [b for b in read_layout(path, max_pages=1).walk() if isinstance(b, Figure)]


def test_specks_bled_off_the_page_are_decoration(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "bled.pdf", [(_specks(10, HEIGHT + 8), body_lines())])
    assert _figures(path) == []


def test_specks_within_the_margins_stay_a_figure(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "inside.pdf", [(_specks(300, 760), body_lines(600))])
    assert len(_figures(path)) == 1


def test_a_large_picture_bled_off_the_page_stays_a_figure(tmp_path: Path) -> None:
    photo = Picture("photo", -10, HEIGHT - 150, 200, 160)
    path = make_pdf(tmp_path / "photo.pdf", [([photo], body_lines())])
    assert len(_figures(path)) == 1


def test_a_bled_picture_drawn_in_strips_stays_a_figure(tmp_path: Path) -> None:
    """A photograph bled off the page's top, drawn as twelve strips (as some writers draw a
    large image), each smaller than an icon: together they cover their box."""
    strips = [Picture(f"strip{k}", -5, HEIGHT + 5 - 6 * (k + 1), 150, 6) for k in range(12)]
    path = make_pdf(tmp_path / "strips.pdf", [(strips, body_lines())])
    assert len(_figures(path)) == 1
