"""A lone page number set a little above the bottom margin band (LaTeX's folio on a one-page
document, where no other page repeats it) is an artifact when it is the last thing on the
page, set apart from the text; a number closing the text, or with text under it, is body
text. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

_LINE = b"(The transformation acts on the upper half plane and keeps its lines as lines) Tj"


def _page(path: Path, number_at: int, body_to: int = 130) -> Path:
    # Letter size: the margin band (0.12 of the height) ends at 95 points, under the number.
    ops = [b"BT /F1 11 Tf 72 %d Td " % y + _LINE + b" ET" for y in range(700, body_to - 1, -14)]
    ops.append(b"BT /F1 10 Tf 300 %d Td (1) Tj ET" % number_at)
    return text_page_pdf(path, ops, size=(612, 792))


def _body(path: Path) -> str:
    return " ".join(block_text(b) for b in read_layout(path, max_pages=1).blocks)


def test_a_lone_number_apart_at_the_foot_is_the_page_number(tmp_path: Path) -> None:
    doc = read_layout(_page(tmp_path / "folio.pdf", number_at=90), max_pages=1)
    assert [a.text for a in doc.artifacts] == ["1"]
    assert not any(block_text(b) == "1" for b in doc.blocks)


def test_a_number_closing_the_text_is_body_text(tmp_path: Path) -> None:
    # Control: set on the next line of the text (its last line is at 140), the number is
    # the text's own.
    path = _page(tmp_path / "closing.pdf", number_at=126, body_to=130)
    assert _body(path).endswith(" 1")


def test_a_number_with_text_under_it_is_body_text(tmp_path: Path) -> None:
    # Control: a gap over the number, but the text goes on under it.
    path = _page(tmp_path / "inside.pdf", number_at=160, body_to=130)
    assert "1" in _body(path).split()


def test_a_year_apart_at_the_foot_of_a_title_page_is_body_text(tmp_path: Path) -> None:
    # Control: a number no page of the document could bear (the year a book was printed).
    ops = [b"BT /F1 11 Tf 72 %d Td " % y + _LINE + b" ET" for y in range(700, 129, -14)]
    ops.append(b"BT /F1 10 Tf 300 90 Td (1854) Tj ET")
    path = text_page_pdf(tmp_path / "year.pdf", ops, size=(612, 792))
    assert _body(path).endswith(" 1854")
