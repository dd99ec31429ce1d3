"""A space whose advance the word spacing takes back, the letters on both sides touching,
breaks no word (lines.UNDONE_SPACE): Ghostscript's PDF writer kerns a word that way, "(Te x)
Tj" at a negative word spacing for "Text". A space that leaves a gap, however tight the
justification, still parts two words."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from tests.engine.content_pdfs import text_page_pdf
from workers.engine.layout import lines
from workers.engine.layout.glyphs import read_page


def _texts(path: Path, *, accelerated: bool = True) -> list[str]:
    with pdfium.PdfDocument(str(path)) as pdf:
        glyphs = read_page(pdf, 0).glyphs
    if accelerated:
        return [f.text for f in lines.fragments(glyphs)]
    return [f.text for f in lines._python_fragments(glyphs)]


@pytest.mark.parametrize("accelerated", [True, False])
def test_a_space_taken_back_joins_the_letters(tmp_path: Path, accelerated: bool) -> None:
    if accelerated and lines._accelerator is None:
        pytest.skip("the C extension is not built")
    # Helvetica's space is 0.278 em: -2.6 Tw at 10 pt takes its advance back (letters touch).
    path = text_page_pdf(tmp_path / "gs.pdf", [
        b"BT /F1 10 Tf 72 700 Td -2.6 Tw (Te xt) Tj 0 Tw ( is rendered) Tj ET",
    ])
    assert _texts(path, accelerated=accelerated) == ["Text is rendered"]


@pytest.mark.parametrize("accelerated", [True, False])
def test_a_tight_word_space_still_parts_words(tmp_path: Path, accelerated: bool) -> None:
    if accelerated and lines._accelerator is None:
        pytest.skip("the C extension is not built")
    path = text_page_pdf(tmp_path / "tight.pdf", [
        b"BT /F1 10 Tf 72 700 Td -1.0 Tw (Tight justified words) Tj ET",
    ])
    assert _texts(path, accelerated=accelerated) == ["Tight justified words"]

