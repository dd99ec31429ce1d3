"""Code set in fixed columns ("character cells") with a proportional face is read with its
words whole (:mod:`workers.engine.layout.cells`): glyph by glyph at a fixed step, or each
word spread over its cells by an even kern (LaTeX's listings). Words end only at blank
cells; prose, one-letter words set with word spaces, and tracked headings are read as
before. Small PDFs drawn here."""

from __future__ import annotations

import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pypdfium2 as pdfium
import pytest

from workers.engine.document import block_text
from workers.engine.layout import lines
from workers.engine.layout.cells import (
    GRID_MIN_CELL,
    GRID_SLACK,
    SPREAD_MIN_GAP,
    cell_grid_possible,
)
from workers.engine.layout.glyphs import Glyph, read_page
from workers.engine.layout.lines import Fragment
from workers.engine.layout.reader import read_layout

from ..content_pdfs import pdf_string, text_page_pdf

_BODY = (b"BT /F1 10 Tf 0 Tc 72 540 Td (Few aspects of development are more interesting to us.)"
         b" Tj ET")
_LISTING = ["func main() {", "    for i := 0; i < n; i++ {", "        var x int", "    }", "}"]
_PITCH = 6.0


def _glyph_by_glyph(line: str, y: int) -> list[bytes]:
    """Each character drawn alone at its cell's start (Helvetica: proportional)."""
    return [
        b"BT /F1 10 Tf %.2f %d Td (%s) Tj ET" % (72 + k * _PITCH, y, pdf_string(ch))
        for k, ch in enumerate(line) if ch != " "
    ]


def _spread(line: str, y: int, kern: int = 150) -> list[bytes]:
    """Each word drawn by one TJ from its first cell, its letters spread by an even kern."""
    return [
        b"BT /F1 10 Tf %.2f %d Td [%s] TJ ET" % (
            72 + m.start() * _PITCH, y,
            (b" -%d " % kern).join(b"(%s)" % pdf_string(ch) for ch in m.group()),
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


# Which fragments _close_cells is given: the C loop (cell_candidates) drops those that can be
# no code set in cells, and what _close_cells would have made of every fragment stays.

def _closed(path: Path, monkeypatch: pytest.MonkeyPatch, *, filtered: bool) -> tuple[
        list[str], list[str]]:
    """The texts of the page's fragments, and those of the fragments given to _close_cells
    (all with a short word when not ``filtered``)."""
    given: list[str] = []
    close = lines._close_cells

    def recording(out: list[Fragment], broken: list[Fragment], stream: list[Glyph]) -> None:
        given.extend(f.text for f in broken)
        close(out, broken, stream)

    monkeypatch.setattr(lines, "_close_cells", recording)
    if not filtered:
        monkeypatch.setattr(lines, "_accelerator", _AllCandidates(lines._accelerator))
    pdf = pdfium.PdfDocument(str(path))
    try:
        texts = [f.text for f in lines.fragments(read_page(pdf, 0).glyphs)]
    finally:
        pdf.close()
        monkeypatch.undo()
    return texts, given


class _AllCandidates:
    """The C accelerator with every fragment a candidate (what _close_cells was given before)."""

    def __init__(self, accelerator: ModuleType) -> None:
        self.accelerator = accelerator

    def __getattr__(self, name: str) -> Any:
        return getattr(self.accelerator, name)

    def cell_candidates(self, broken: list[Fragment], *_: float) -> list[Fragment]:
        return broken


_PROSE = b"BT /F1 10 Tf 72 400 Td (I saw a cat in a box, so we ran to it at 9 a.m.) Tj ET"


@pytest.mark.skipif(lines._accelerator is None, reason="the C accelerator is not built")
def test_only_fragments_that_may_be_code_in_cells_go_to_close_cells(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ops = [op for j, line in enumerate(_LISTING) for op in _glyph_by_glyph(line, 700 - 12 * j)]
    ops += [op for j, line in enumerate(_LISTING) for op in _spread(line, 600 - 12 * j)]
    pdf = text_page_pdf(tmp_path / "both.pdf", [*ops, _PROSE, _BODY])
    texts, given = _closed(pdf, monkeypatch, filtered=True)
    every, given_all = _closed(pdf, monkeypatch, filtered=False)
    assert texts == every  # the same texts: nothing _close_cells changes is dropped
    assert any(t.startswith("I saw a cat") for t in given_all)
    assert not any(t.startswith("I saw a cat") or t.startswith("Few aspects") for t in given)
    # the code's fragments still go (read whole: see the tests above)
    assert any("f" in t and "unc" in t for t in given)
    assert "func main() {" in " ".join(texts)


def _fragment(xs: list[float], text: str, *, size: float = 10.0, chars: str = "",
              x1s: list[float] | None = None, obj: int = 0) -> Fragment:
    chars = chars or "abcdefghijklmnopqrstuvwxyz"[: len(xs)]
    ends = x1s or [x + 2.0 for x in xs]
    glyphs = [Glyph(ch, x, 700.0, end, 710.0, size, False, "F", obj, -1)
              for ch, x, end in zip(chars, xs, ends, strict=True)]
    fragment = Fragment(glyphs)
    fragment.text = text
    return fragment


def _candidates(frags: list[Fragment]) -> list[Fragment]:
    assert lines._accelerator is not None
    found: list[Fragment] = lines._accelerator.cell_candidates(
        frags, GRID_MIN_CELL, GRID_SLACK, SPREAD_MIN_GAP)
    return found


@pytest.mark.skipif(lines._accelerator is None, reason="the C accelerator is not built")
def test_cell_candidates_keep_grids_spread_words_and_odd_values() -> None:
    grid = _fragment([72.0 + 6.0 * k for k in range(6)], "a bcdef")
    skipped_cell = _fragment([72.0, 78.0, 90.0, 96.0, 102.0], "ab c de")
    # (prose: each letter ends where the next begins)
    prose = _fragment([72.0, 75.5, 80.0, 84.2, 90.0], "a bcde",
                      x1s=[75.5, 80.0, 84.2, 90.0, 94.0])
    # a letter alone, beside two more of its object apart by gaps that show (2.5 points)
    # (and on no grid: their steps are no multiples of one)
    spread = _fragment([72.0, 76.5, 81.7, 85.5], "a b cd")
    spread_no_single = _fragment([72.0, 76.5, 81.7, 85.5], "ab cd")
    lone = _fragment([72.0], "a")
    nan_size = _fragment([72.0, 75.5, 80.0], "a bc", size=float("nan"))
    nan_step = _fragment([72.0, float("nan"), 80.0], "a bc")
    frags = [grid, skipped_cell, prose, spread, spread_no_single, lone, nan_size, nan_step]
    kept = [grid, skipped_cell, spread, nan_size, nan_step]
    assert [id(f) for f in _candidates(frags)] == [id(f) for f in kept]
    # the grid test is cells.cell_grid_possible's
    assert cell_grid_possible(grid.glyphs) and cell_grid_possible(skipped_cell.glyphs)
    assert not cell_grid_possible(prose.glyphs)
