"""A note in the margin, set level with the body's lines a gutter's width from them, is read
as its own text, not into the body line by line
(:class:`workers.engine.layout.reader._NarrowColumns`); a column of labels beside their values
is still read row by row. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

BODY = [
    "Larger figures such as the first one are usually placed in a float",
    "to be positioned at a suitable place to help with column and page",
    "breaking, and the text refers to them by their number instead of",
    "saying above or below, which the reader could not rely upon at all",
    "once the float has moved to the top of the next page or column.",
]
NOTE = ["Marginal", "notes are", "usually", "placed in", "the outer"]


def _texts(path: Path) -> list[str]:
    return [block_text(b) for b in read_layout(path, max_pages=1).blocks]


def _page(path: Path, left: list[str], right: list[str], right_x: float = 100.0) -> Path:
    ops = [f"BT /F1 10 Tf 50 {700 - 12 * k} Td ({t}) Tj ET".encode() for k, t in enumerate(left)]
    ops += [
        f"BT /F1 10 Tf {right_x} {700 - 12 * k} Td ({t}) Tj ET".encode()
        for k, t in enumerate(right)
    ]
    return text_page_pdf(path, ops)


def test_a_margin_note_is_not_read_into_the_body_lines(tmp_path: Path) -> None:
    # The note's lines end by x 95 at most; the body starts at 105, a gutter of 10 points.
    texts = _texts(_page(tmp_path / "note.pdf", NOTE, BODY, right_x=105.0))
    assert " ".join(NOTE) in texts
    assert any(t.startswith(BODY[0] + " " + BODY[1]) for t in texts)


def test_a_column_of_labels_is_read_with_its_values(tmp_path: Path) -> None:
    # Control: each label opens its own text (a capital), so the rows are read across.
    labels = ["Name:", "Address:", "Phone:", "Email:", "Office:"]
    values = ["Jane Doe of the council", "1 High Street, Townsville", "0123 456 789",
              "jane@example.org", "Room 12, second floor"]
    texts = _texts(_page(tmp_path / "labels.pdf", labels, values, right_x=105.0))
    assert "Name: Jane Doe of the council" in " ".join(texts)
