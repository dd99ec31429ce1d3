"""Words set with wide tracking ("C H A P T E R": pdfium reports a space in every gap) are read
as words (:func:`workers.engine.layout.lines._close_letter_spacing`); one-letter words set with
ordinary word spaces, and spaces the author typed, are kept. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

_BODY = (b"BT /F1 10 Tf 0 Tc 72 640 Td (Few aspects of development are more interesting to us.)"
         b" Tj ET")


def _text(path: Path) -> str:
    doc = read_layout(path, max_pages=1)
    return " ".join(block_text(b) for b in doc.blocks)


def test_a_tracked_word_is_read_as_one_word(tmp_path: Path) -> None:
    pdf = text_page_pdf(tmp_path / "tracked.pdf", [
        b"BT /F1 18 Tf 5 Tc 72 700 Td (CHAPTER) Tj ET", _BODY,
    ])
    assert _text(pdf).startswith("CHAPTER ")


def test_tracked_words_keep_the_wider_space_between_them(tmp_path: Path) -> None:
    # The word space is tracked too, so it stays wider than the letters' gaps.
    letters = b" -220 ".join(b"(%c)" % c for c in b"THANK")
    pdf = text_page_pdf(tmp_path / "two.pdf", [
        b"BT /F1 18 Tf 72 700 Td [" + letters + b" -480 (Y) -220 (O) -220 (U)] TJ ET", _BODY,
    ])
    assert _text(pdf).startswith("THANK YOU ")


def test_untracked_text_control(tmp_path: Path) -> None:
    pdf = text_page_pdf(tmp_path / "plain.pdf", [b"BT /F1 18 Tf 72 700 Td (CHAPTER) Tj ET", _BODY])
    assert _text(pdf).startswith("CHAPTER ")


def test_one_letter_words_among_words_keep_their_spaces(tmp_path: Path) -> None:
    # Variables set apart by kerning as wide as the sentence's own word gaps (no space drawn).
    pdf = text_page_pdf(tmp_path / "vars.pdf", [
        b"BT /F1 12 Tf 72 700 Td [(let) -280 (x) -280 (y) -280 (z) -280 (w) -280 (be) -280 (real)]"
        b" TJ ET", _BODY,
    ])
    assert "let x y z w be real" in _text(pdf)


def test_typed_spaces_between_letters_are_kept(tmp_path: Path) -> None:
    pdf = text_page_pdf(tmp_path / "typed.pdf", [
        b"BT /F1 18 Tf 72 700 Td (C H A P T E R) Tj ET", _BODY,
    ])
    assert _text(pdf).startswith("C H A P T E R ")


def test_unevenly_spaced_letters_keep_their_spaces(tmp_path: Path) -> None:
    pdf = text_page_pdf(tmp_path / "uneven.pdf", [
        b"BT /F1 18 Tf 72 700 Td [(A) -200 (B) -350 (C) -200 (D) -350 (E)] TJ ET", _BODY,
    ])
    assert _text(pdf).startswith("A B C D E ")
