"""A small piece level with the top of a giant one (a slide's site name in the corner beside
"Thank you!") is not read into it: the gap between pieces of one line is judged by the
smaller's height, the giant counting at most twice that
(:func:`workers.engine.layout.reader._line_step_limit`). Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page


def _texts(path: Path) -> list[str]:
    return [block_text(b) for b in read_layout(path, max_pages=1).blocks]


def test_a_small_name_beside_a_giant_title_is_apart(tmp_path: Path) -> None:
    path = helvetica_page(tmp_path / "slide.pdf", [
        # Level with the top of the giant word's box, five of its own heights before it.
        "BT /F2 20 Tf 40 690 Td (www.example.org) Tj ET",
        "BT /F2 200 Tf 330 510 Td (Hi!) Tj ET",
        "BT /F1 40 Tf 330 420 Td (Any questions?) Tj ET",
    ])
    texts = _texts(path)
    assert not any("example.org" in t and "Hi!" in t for t in texts)


def test_a_large_numeral_still_leads_its_title(tmp_path: Path) -> None:
    # Control: a chapter's numeral three times the title's size, a title's height away.
    path = helvetica_page(tmp_path / "chapter.pdf", [
        "BT /F2 120 Tf 40 600 Td (5) Tj ET",
        "BT /F2 40 Tf 150 640 Td (Physical Growth) Tj ET",
        "BT /F1 10 Tf 40 500 Td (The body changes fast in the first years of life.) Tj ET",
    ])
    assert any(t.startswith("5 Physical Growth") for t in _texts(path))
