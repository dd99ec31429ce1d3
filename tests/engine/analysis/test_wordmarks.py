"""A name locked up with a drawn mark into a letterhead's logo is no heading
(:mod:`workers.engine.layout.wordmarks`); a title beside a mark kept apart, on a band behind
it, or under other text still is. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page, prose_ops


def _letterhead(mark_x: float, *, band: bool = False, above: bool = False) -> list[str]:
    """A bold name at the top left, a paper plane drawn from ``mark_x`` rightwards (the name
    ends near x 250), then the document's own heading and prose."""
    ops = [
        "0.5 0.5 0.7 rg",
        f"{mark_x} 725 m {mark_x + 100} 775 l {mark_x + 20} 745 l h f",
        f"{mark_x + 20} 745 m {mark_x + 100} 775 l {mark_x + 30} 728 l h f",
        "0 g",
    ]
    if band:
        ops = ["0.8 0.8 0.8 rg 60 735 540 40 re f", "0 g"]
    if above:
        ops.append("BT /F1 10 Tf 72 780 Td (Customer copy) Tj ET")
    return [
        *ops,
        "BT /F2 20 Tf 72 745 Td (Northwind Traders) Tj ET",
        *prose_ops(680, 6),
        "BT /F2 16 Tf 72 600 Td (Quarterly Statement) Tj ET",
        *prose_ops(570, 6),
    ]


def _headings(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Heading)]


def test_a_name_locked_up_with_its_drawn_mark_is_no_heading(tmp_path: Path) -> None:
    headings = _headings(helvetica_page(tmp_path / "logo.pdf", _letterhead(240)))
    assert "Northwind Traders" not in headings
    assert "Quarterly Statement" in headings


def test_a_title_beside_a_mark_kept_apart_is_a_heading(tmp_path: Path) -> None:
    headings = _headings(helvetica_page(tmp_path / "apart.pdf", _letterhead(300)))
    assert "Northwind Traders" in headings


def test_a_title_on_a_band_behind_it_is_a_heading(tmp_path: Path) -> None:
    headings = _headings(helvetica_page(tmp_path / "band.pdf", _letterhead(240, band=True)))
    assert "Northwind Traders" in headings


def test_a_name_under_other_text_is_no_letterhead(tmp_path: Path) -> None:
    headings = _headings(helvetica_page(tmp_path / "under.pdf", _letterhead(240, above=True)))
    assert "Northwind Traders" in headings
