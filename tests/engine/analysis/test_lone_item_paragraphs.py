"""A lone item opening with a letter ("A. Children residing at home …", a form's section) is
read as prose, not a list of one item; the paragraphs the page sets apart under its first
(the section's questions and their answers) stay paragraphs of their own, not one run of
words with it. A piece set beside the item's line (a formula's column) still goes on with it."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf

_FONTS = {"F1": "/Helvetica", "F2": "/Helvetica-Bold", "F3": "/Times-Roman"}


_ANSWER = "At the time of the incident, the child lived with his mother and two others."
_NONE = "No services were provided to the family in the five years before the incident."
#: (font, size, x, y, text) of each line.
_LINES = [
    ("F1", 9, 24, 760, "Complete the appropriate following section, A. or B., based on it."),
    ("F2", 9, 24, 744, "A."),
    ("F2", 9, 44, 744, "Children residing at home at the time of the incident:"),
    ("F2", 8, 44, 722, "Description of the child's family, including household members and"),
    ("F2", 8, 44, 713, "other children that have visitation with the child:"),
    ("F3", 10, 44, 700, _ANSWER),
    ("F2", 8, 44, 676, "Summary of all involvement in services as adults by the child's"),
    ("F2", 8, 44, 667, "parents in the previous five years, not including the current incident:"),
    ("F3", 10, 44, 654, _NONE),
]


def _page(tmp_path: Path) -> Path:
    ops = [f"BT /{f} {size} Tf {x} {y} Td ({t}) Tj ET".encode() for f, size, x, y, t in _LINES]
    return fonts_page_pdf(tmp_path / "page.pdf", ops, _FONTS, size=(612, 792))


def test_paragraphs_set_under_a_lone_lettered_item_stay_apart(tmp_path: Path) -> None:
    doc = read_layout(_page(tmp_path), max_pages=1)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "A. Children residing at home at the time of the incident:" in texts
    assert any(t.startswith("Description of the child's family") for t in texts)
    assert _ANSWER in texts
    assert _NONE in texts
