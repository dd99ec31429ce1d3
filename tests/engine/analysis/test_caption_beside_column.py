"""A caption set in a smaller face beside a column's first lines, its first line level with a
line of the column a gap of little more than a word space away: each is read on its own, not
one line into the other (:func:`workers.engine.layout.reader._goes_on_below`), though the
column holds only two lines above so far, and both are justified word by word (each word a
fragment of its own). A column of values in another face beside a label's line stays a row.
Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from workers.engine.layout.glyphs import read_page
from workers.engine.layout.lines import fragments, lines
from workers.engine.layout.reader import _text_blocks

from .drawn_pdfs import helvetica_page

COLUMN = ["Finally there are meaningful cultural", "and subcultural variations in physical",
          "growth and development. In general,", "people from Asia, South America, and",
          "Africa tend to be smaller than those"]
CAPTION = ["Figure 5. Readers by age, in thousands, all", "counted in the survey of last spring."]


def _blocks(path: Path, ops: list[str]) -> list[str]:
    document = pdfium.PdfDocument(helvetica_page(path, ops))
    try:
        content = read_page(document, 0)
    finally:
        document.close()
    frags = [f for line in lines(fragments(content.glyphs)) for f in line.fragments]
    return [b.text for b in _text_blocks(frags, 0)]


def _column(words_apart: float = 6.0) -> list[str]:
    # Helvetica 11 at x=330, every word spaced 6 points wider (justified): a fragment each.
    return [f"BT /F1 11 Tf {words_apart} Tw 330 {700 - 14 * k} Td ({text}) Tj ET"
            for k, text in enumerate(COLUMN)]


@pytest.mark.parametrize(("words_apart", "x"), [(0, 132), (4, 104)])
def test_a_caption_beside_a_column_is_no_piece_of_its_lines(
    tmp_path: Path, words_apart: float, x: float
) -> None:
    # The caption in Helvetica-Bold 9 ends at x=314.6, the column's third line starts at 330;
    # justified (4 Tw), it is set word by word too, its line's last piece one word ("all").
    ops = _column() + [f"BT /F2 9 Tf {words_apart} Tw {x} {672 - 11 * k} Td ({text}) Tj ET"
                       for k, text in enumerate(CAPTION)]
    found = _blocks(tmp_path / "caption.pdf", ops)
    assert " ".join(COLUMN) in found
    assert " ".join(CAPTION) in found


def test_values_in_another_face_beside_a_label_stay_its_row(tmp_path: Path) -> None:
    # Control: values one under another (a word a line) in Helvetica 11, the last level with
    # a label in Helvetica-Bold 9 that ends 15 points before it: the label's row.
    values = ["1.0", "2004", "Adobe"]
    ops = [f"BT /F1 11 Tf 330 {700 - 14 * k} Td ({text}) Tj ET" for k, text in enumerate(values)]
    ops.append("BT /F2 9 Tf 228 672 Td (Producer of the file) Tj ET")
    found = _blocks(tmp_path / "values.pdf", ops)
    assert "Producer of the file Adobe" in found
