"""Small lines set in a page's top corner beside its title, above it (a form's control number
and expiry date over the top right of its frame), are read after the title, which opens the
page. A header across the page over the title, and notes over a first line set no larger
than the text, keep their places. Small PDFs drawn here by text operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

BODY = ("Before completing this form read the privacy notice and the statement of burden on "
        "page two. This form is used to tell the office that you intend to file a claim for "
        "the benefits you are owed, and the date it is received is the date your claim "
        "starts. Read each item with care and write in ink, one letter to a box.")


def show(x: float, y: float, text: str, size: float = 9) -> bytes:
    return f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET".encode()


def _form(path: Path, *, title_size: float = 16, notes_x: float = 480) -> list[str]:
    # The form's frame, from under the notes to the foot of the page.
    ops = [b"30 300 540 450 re S", b"30 700 540 0.8 re f"]
    ops += [show(notes_x, 780, "Control No. 2900-0826", 7),
            show(notes_x, 772, "Burden: 5 minutes", 7),
            show(notes_x, 764, "Expires: 02/28/2026", 7)]
    ops.append(show(60, 720, "INTENT TO FILE A CLAIM", title_size))
    width = 80
    lines = [BODY[k:k + width] for k in range(0, len(BODY), width)]
    ops += [show(40, 680 - 11 * k, line) for k, line in enumerate(lines)]
    ops += [show(40, 600 - 20 * k, f"{k + 1}. ITEM NUMBER {k + 1} OF THE FORM") for k in range(4)]
    return [block_text(b) for b in read_layout(text_page_pdf(path, ops), max_pages=1).blocks]


def _at(texts: list[str], start: str) -> int:
    return next(k for k, t in enumerate(texts) if t.startswith(start) or f" {start}" in t)


def test_notes_in_the_corner_over_the_title_are_read_after_it(tmp_path: Path) -> None:
    texts = _form(tmp_path / "form.pdf")
    assert _at(texts, "INTENT TO FILE") < _at(texts, "Control No.") < _at(texts, "Before")


def test_a_header_over_the_title_keeps_its_place(tmp_path: Path) -> None:
    # (Set over the title's own width: a header across the top, not a corner's note.)
    texts = _form(tmp_path / "form.pdf", notes_x=100)
    assert _at(texts, "Control No.") < _at(texts, "INTENT TO FILE")


def test_notes_over_a_first_line_in_the_text_type_keep_their_place(tmp_path: Path) -> None:
    texts = _form(tmp_path / "form.pdf", title_size=9)
    assert _at(texts, "Control No.") < _at(texts, "INTENT TO FILE")



def test_notes_either_side_over_the_title_keep_their_place(tmp_path: Path) -> None:
    # A line at each side over a title set between them: a header across the page's top,
    # read first, not a corner's notes.
    ops = [b"30 300 540 450 re S", show(40, 780, "Control No. 2900-0826", 7),
           show(480, 780, "Expires: 02/28/2026", 7), show(200, 720, "A LARGE TITLE", 16)]
    width = 80
    lines = [BODY[k:k + width] for k in range(0, len(BODY), width)]
    ops += [show(40, 680 - 11 * k, line) for k, line in enumerate(lines)]
    doc = read_layout(text_page_pdf(tmp_path / "page.pdf", ops), max_pages=1)
    texts = [block_text(b) for b in doc.blocks]
    assert _at(texts, "Control No.") < _at(texts, "A LARGE TITLE")
    assert _at(texts, "Expires") < _at(texts, "A LARGE TITLE")
