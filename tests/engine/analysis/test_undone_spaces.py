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
@pytest.mark.parametrize(("shown", "read"), [
    # Helvetica's space is 0.278 em: -2.6 Tw at 10 pt takes its advance back (letters touch).
    (b"-2.6 Tw (Te xt) Tj 0 Tw ( is rendered) Tj", "Text is rendered"),
    # A tight justification's space still leaves a gap.
    (b"-1.0 Tw (Tight justified words) Tj", "Tight justified words"),
])
def test_a_space_parts_words_unless_taken_back(
    tmp_path: Path, accelerated: bool, shown: bytes, read: str
) -> None:
    if accelerated and lines._accelerator is None:
        pytest.skip("the C extension is not built")
    path = text_page_pdf(tmp_path / "line.pdf", [b"BT /F1 10 Tf 72 700 Td " + shown + b" ET"])
    assert _texts(path, accelerated=accelerated) == [read]
