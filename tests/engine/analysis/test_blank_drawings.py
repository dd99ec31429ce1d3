"""Drawings that show nothing (:meth:`workers.engine.layout.glyphs.OpenedPage.paints_nothing`):
shapes filled in white, not stroked, on bare page are decoration, not figures a person must
describe — on small PDFs drawn here with pikepdf. White shapes that show (on a coloured
panel, or outlined) stay figures."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Document, Figure
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import Picture, body_lines, make_pdf


def figures(doc: Document) -> list[Figure]:
    return [b for b in doc.walk() if isinstance(b, Figure)]


def _rows(paint: str) -> list[str]:
    """Eight row bands of a table, stacked, each painted with ``paint`` ("f": filled)."""
    return [f"90 {100 + 26 * k} 430 24 re {paint}" for k in range(8)]


def _read(tmp_path: Path, shapes: list[str]) -> Document:
    # (In q/Q: the shapes' white fill would paint the text drawn after them white, unseen.)
    return read_layout(make_pdf(tmp_path / "rows.pdf", [([], body_lines(760))],
                                shapes=["q", *shapes, "Q"]), max_pages=2)


def test_white_rows_on_bare_page_are_decoration(tmp_path: Path) -> None:
    doc = _read(tmp_path, ["1 1 1 rg", *_rows("f")])
    assert figures(doc) == []
    assert [a.kind for a in doc.artifacts] == ["decoration"]


def test_grey_rows_stay_a_figure(tmp_path: Path) -> None:
    assert len(figures(_read(tmp_path, ["0.8 0.8 0.8 rg", *_rows("f")]))) == 1


def test_white_rows_on_a_coloured_panel_stay_a_figure(tmp_path: Path) -> None:
    panel = "0.2 0.4 0.6 rg 80 90 450 230 re f"
    assert len(figures(_read(tmp_path, [panel, "1 1 1 rg", *_rows("f")]))) == 1


def test_white_rows_on_a_picture_are_not_set_aside(tmp_path: Path) -> None:
    """A picture lies under some of the rows: white on it shows."""
    photo = Picture("photo", 80, 90, 450, 80)
    doc = read_layout(make_pdf(tmp_path / "rows.pdf", [([photo], body_lines(760))],
                               shapes=["q", "1 1 1 rg", *_rows("f"), "Q"]), max_pages=2)
    assert [a.kind for a in doc.artifacts] == []
    assert figures(doc)


def test_outlined_white_rows_stay_a_figure(tmp_path: Path) -> None:
    assert len(figures(_read(tmp_path, ["1 1 1 rg 0 0 0 RG", *_rows("B")]))) == 1


def test_white_rows_with_a_rule_along_them_are_decoration(tmp_path: Path) -> None:
    """A table's bottom border drawn in segments along the rows' top: one line shows, a rule."""
    rule = [f"{90 + 86 * k} 308 86 0.5 re f" for k in range(5)]
    doc = _read(tmp_path, ["1 1 1 rg", *_rows("f"), "0 0 0 rg", *rule])
    assert figures(doc) == []
    assert [a.kind for a in doc.artifacts] == ["decoration"]


def test_white_rows_with_rules_across_stay_a_figure(tmp_path: Path) -> None:
    """Two lines, one each way, show: more than a rule (a chart's axes)."""
    axes = ["90 100 430 0.5 re f", "90 100 0.5 206 re f"]
    assert len(figures(_read(tmp_path, ["1 1 1 rg", *_rows("f"), "0 0 0 rg", *axes]))) == 1
