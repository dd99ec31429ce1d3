"""A column that opens with its title, set larger than the notes beside it and than its own
text, is read from that title: a margin note standing level with the title or above it (a
form's office-use stamp box at the top of its margin) is read after the title, not before
it. A note beside the column's text further down keeps its place, and so does a note beside
a first line set no larger than the text. Small PDFs drawn here by text operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

BODY = ("Before completing this form read the privacy notice and the statement of burden on "
        "page two. This form is used to tell the office that you intend to file a claim for "
        "the benefits you are owed, and the date it is received is the date your claim "
        "starts. Read each item with care and write in ink.")


def show(x: float, y: float, text: str, size: float = 9) -> bytes:
    return f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET".encode()


def _form(path: Path, title_size: float) -> list[str]:
    ops = [show(60, 760, "INTENT TO FILE A CLAIM", title_size)]
    width = 80
    lines = [BODY[k:k + width] for k in range(0, len(BODY), width)]
    ops += [show(60, 735 - 11 * k, line) for k, line in enumerate(lines)]
    # The stamp box in the right margin, its words at its top, over the title (beside a logo).
    ops += [show(470, 780, "OFFICE STAMP", 7), show(470, 772, "(DO NOT WRITE HERE)", 6)]
    ops.append(b"465 660 90 130 re S")
    # A note further down, beside the last lines of the text.
    ops += [show(470, 700, "See page two", 7), show(470, 692, "for the notice", 7)]
    return [block_text(b) for b in read_layout(text_page_pdf(path, ops), max_pages=1).blocks]


def _at(texts: list[str], start: str) -> int:
    return next(k for k, t in enumerate(texts) if t.startswith(start) or f" {start}" in t)


def test_a_note_level_with_the_title_is_read_after_it(tmp_path: Path) -> None:
    texts = _form(tmp_path / "form.pdf", 16)
    assert _at(texts, "INTENT TO FILE") < _at(texts, "OFFICE STAMP") < _at(texts, "Before")
    # (The note further down keeps its place after the text it stands beside.)
    assert _at(texts, "Before") < _at(texts, "See page two")


def test_a_first_line_in_the_text_type_is_no_title_to_read_first(tmp_path: Path) -> None:
    texts = _form(tmp_path / "form.pdf", 9)
    assert _at(texts, "OFFICE STAMP") < _at(texts, "INTENT TO FILE")
