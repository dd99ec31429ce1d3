"""Figures nothing of which shows (:meth:`workers.engine.layout.glyphs.OpenedPage.shows_nowhere`):
a drawing wholly outside its clip path or off the page, an image placed beside the page, are
decoration — nobody sees them, so there is nothing to describe. A drawing part of which shows
stays a figure. On small PDFs drawn here with pikepdf."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Document, Figure
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import Picture, body_lines, make_pdf

#: Grey bands stacked 90-520 wide and 100-306 high (a drawing the reader takes for a figure).
BANDS = ["0.8 0.8 0.8 rg", *(f"90 {100 + 26 * k} 430 24 re f" for k in range(8))]


def figures(doc: Document) -> list[Figure]:
    return [b for b in doc.walk() if isinstance(b, Figure)]


def _read(tmp_path: Path, shapes: list[str], pictures: list[Picture] | None = None) -> Document:
    return read_layout(make_pdf(tmp_path / "unseen.pdf", [(pictures or [], body_lines(760))],
                                shapes=shapes), max_pages=2)


def test_bands_are_a_figure(tmp_path: Path) -> None:
    assert len(figures(_read(tmp_path, ["q", *BANDS, "Q"]))) == 1


def test_bands_clipped_away_are_decoration(tmp_path: Path) -> None:
    """The clip (a box above the bands) lets nothing of them show."""
    doc = _read(tmp_path, ["q 90 400 200 100 re W n", *BANDS, "Q"])
    assert figures(doc) == []
    assert [a.kind for a in doc.artifacts] == ["decoration"]


def test_bands_partly_clipped_stay_a_figure(tmp_path: Path) -> None:
    """The clip cuts the upper bands off: the rest shows."""
    assert len(figures(_read(tmp_path, ["q 80 90 460 100 re W n", *BANDS, "Q"]))) == 1


def test_bands_below_the_page_are_no_figure(tmp_path: Path) -> None:
    """Drawn below the page's bottom edge (the other page of a spread). Shapes off the page
    are left out of every drawing before figures are judged, so no block claims them: the
    tagger marks such unclaimed painting as an artifact."""
    doc = _read(tmp_path, ["q 1 0 0 1 0 -400 cm", *BANDS, "Q"])
    assert figures(doc) == []


def test_a_photo_beside_the_page_is_decoration(tmp_path: Path) -> None:
    doc = _read(tmp_path, [], [Picture("photo", -400, 300, 300, 200)])
    assert figures(doc) == []


def test_a_photo_on_the_page_is_a_figure(tmp_path: Path) -> None:
    assert len(figures(_read(tmp_path, [], [Picture("photo", 100, 300, 300, 200)]))) == 1
