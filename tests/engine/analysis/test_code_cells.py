"""Code set in fixed columns ("character cells") with a proportional face is read with its
words whole (:mod:`workers.engine.layout.cells`): glyph by glyph at a fixed step, or each
word spread over its cells by an even kern (LaTeX's listings). Words end only at blank
cells; prose, one-letter words set with word spaces, and tracked headings are read as
before. Small PDFs drawn here."""

from __future__ import annotations

import re
from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

_BODY = (b"BT /F1 10 Tf 0 Tc 72 540 Td (Few aspects of development are more interesting to us.)"
         b" Tj ET")
_LISTING = ["func main() {", "    for i := 0; i < n; i++ {", "        var x int", "    }", "}"]
_PITCH = 6.0


def _escaped(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode()


def _glyph_by_glyph(line: str, y: int) -> list[bytes]:
    """Each character drawn alone at its cell's start (Helvetica: proportional)."""
    return [
        b"BT /F1 10 Tf %.2f %d Td (%s) Tj ET" % (72 + k * _PITCH, y, _escaped(ch))
        for k, ch in enumerate(line) if ch != " "
    ]


def _spread(line: str, y: int, kern: int = 150) -> list[bytes]:
    """Each word drawn by one TJ from its first cell, its letters spread by an even kern."""
    return [
        b"BT /F1 10 Tf %.2f %d Td [%s] TJ ET" % (
            72 + m.start() * _PITCH, y,
            (b" -%d " % kern).join(b"(%s)" % _escaped(ch) for ch in m.group()),
        )
        for m in re.finditer(r"\S+", line)
    ]


def _text(path: Path) -> str:
    doc = read_layout(path, max_pages=1)
    return " ".join(block_text(b) for b in doc.blocks)


def test_code_drawn_glyph_by_glyph_in_cells_reads_whole_words(tmp_path: Path) -> None:
    ops = [op for j, line in enumerate(_LISTING) for op in _glyph_by_glyph(line, 700 - 12 * j)]
    text = _text(text_page_pdf(tmp_path / "grid.pdf", [*ops, _BODY]))
    assert "func main() {" in text
    assert "for i := 0; i < n; i++ {" in text
    assert "var x int" in text


def test_code_words_spread_over_their_cells_read_whole(tmp_path: Path) -> None:
    ops = [op for j, line in enumerate(_LISTING) for op in _spread(line, 700 - 12 * j)]
    text = _text(text_page_pdf(tmp_path / "spread.pdf", [*ops, _BODY]))
    # (Punctuation spread as the letters are stays apart: maths sets its dots so too.)
    assert "func main" in text
    assert "for i" in text
    assert "var x int" in text


def test_blank_cells_still_end_words(tmp_path: Path) -> None:
    # One blank cell between one-letter names: a word ends there.
    ops = _glyph_by_glyph("a b c d e f", 700)
    text = _text(text_page_pdf(tmp_path / "blank.pdf", [*ops, _BODY]))
    assert text.startswith("a b c d e f ")


def test_proportional_prose_drawn_by_words_control(tmp_path: Path) -> None:
    # The same words drawn as prose (one object, ordinary spaces) are read as they were.
    pdf = text_page_pdf(tmp_path / "prose.pdf", [
        b"BT /F1 10 Tf 72 700 Td (for i in a set of x y z) Tj ET", _BODY,
    ])
    assert _text(pdf).startswith("for i in a set of x y z ")


def test_one_letter_words_apart_by_kerned_word_spaces_keep_them(tmp_path: Path) -> None:
    # Three one-letter words in one object apart by ordinary word spaces set as kerns.
    pdf = text_page_pdf(tmp_path / "kerned.pdf", [
        b"BT /F1 12 Tf 72 700 Td [(x) -300 (y) -300 (z)] TJ ET", _BODY,
    ])
    assert _text(pdf).startswith("x y z ")


def test_tracked_heading_stays_joined(tmp_path: Path) -> None:
    letters = b" -220 ".join(b"(%c)" % c for c in b"UNITED")
    pdf = text_page_pdf(tmp_path / "tracked.pdf", [
        b"BT /F1 18 Tf 72 700 Td [" + letters + b" -480 (N) -220 (A) -220 (T) -220 (I) -220"
        b" (O) -220 (N) -220 (S)] TJ ET", _BODY,
    ])
    assert _text(pdf).startswith("UNITED NATIONS ")


def test_evenly_set_dots_of_maths_keep_their_spaces(tmp_path: Path) -> None:
    # "x1, . . . , xn": dots and commas set apart by one even kern, as maths sets them.
    dots = b" -400 ".join(b"(%s)" % c for c in (b",", b".", b".", b".", b","))
    pdf = text_page_pdf(tmp_path / "dots.pdf", [
        b"BT /F1 12 Tf 72 700 Td [(x1) " + dots + b" -400 (xn)] TJ ET", _BODY,
    ])
    assert _text(pdf).startswith("x1, . . . , xn ")
