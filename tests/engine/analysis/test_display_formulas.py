"""A display formula in a column (lines of small pieces with wide gaps, or a bracket taller
than its rows, set in from the column's edge between paragraphs) is read as one block, in
place, row by row, top to bottom; a matrix inside its brackets is read whole before the next
(latex-tagged-two-column's aligned equations and matrices, read across the rows or into the
prose)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from workers.engine.document import block_text
from workers.engine.layout.formulas import _PROSE_WORD, _prose_words, formula_line, matrix_glyphs
from workers.engine.layout.glyphs import Glyph, read_page
from workers.engine.layout.lines import fragments, lines
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

LEFT = [
    "The amount of noise that needs", "to be added depends on the",
    "variability of the query function", "between neighbour data sets and",
    "on the level of privacy wanted.", "A second paragraph follows it",
    "in the same column of text and", "runs on to the foot of the page.",
]
RIGHT_ABOVE = ["Let p be a prime number, then", "the sums below hold for all x:"]
RIGHT_BELOW = ["The two sides are equal for all", "the values we have chosen here."]


def _show(x: float, y: float, size: float, text: str) -> bytes:
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET".encode()


def _page(path: Path, formula: list[bytes], below: float) -> Path:
    """Two columns of 10 pt lines 12 pt apart: LEFT; RIGHT_ABOVE, ``formula``, and
    RIGHT_BELOW from ``below`` down."""
    return text_page_pdf(path, [
        *(_show(72, 700 - 12 * k, 10, t) for k, t in enumerate(LEFT)),
        *(_show(320, 700 - 12 * k, 10, t) for k, t in enumerate(RIGHT_ABOVE)),
        *formula,
        *(_show(320, below - 12 * k, 10, t) for k, t in enumerate(RIGHT_BELOW)),
    ])


# Two aligned equations, each in two pieces with an equation number at the column's edge.
ALIGNED = [
    _show(335, 668, 10, "f = a + b"), _show(400, 668, 10, "g = a - b"), _show(520, 668, 10, "(1)"),
    _show(335, 654, 10, "h = 2 c"), _show(400, 654, 10, "k = - 2 c"), _show(520, 654, 10, "(2)"),
]
# Two matrices in tall brackets and their product, each matrix's rows drawn one by one.
MATRICES = [
    _show(350, 651, 30, "\\("), _show(362, 664, 10, "1"), _show(377, 664, 10, "2"),
    _show(362, 651, 10, "3"), _show(377, 651, 10, "4"), _show(386, 651, 30, "\\)"),
    _show(398, 651, 30, "\\("), _show(410, 664, 10, "5"), _show(425, 664, 10, "6"),
    _show(410, 651, 10, "7"), _show(425, 651, 10, "8"), _show(434, 651, 30, "\\)"),
    _show(448, 657, 10, "="), _show(460, 651, 30, "\\("), _show(472, 664, 10, "19"),
    _show(492, 664, 10, "22"), _show(472, 651, 10, "43"), _show(492, 651, 10, "50"),
    _show(504, 651, 30, "\\)"),
]


def _texts(path: Path) -> list[str]:
    return [block_text(b) for b in read_layout(path, max_pages=1).blocks]


def _words(texts: list[str]) -> list[str]:
    return " ".join(texts).split()


def test_aligned_equations_are_one_block_read_row_by_row_in_their_column(
    tmp_path: Path
) -> None:
    texts = _texts(_page(tmp_path / "aligned.pdf", ALIGNED, 634))
    formula = "f = a + b g = a - b (1) h = 2 c k = - 2 c (2)"
    assert formula in texts
    assert _words(texts) == _words(LEFT + RIGHT_ABOVE + [formula] + RIGHT_BELOW)


def test_a_matrix_is_read_whole_inside_its_brackets_before_the_next(tmp_path: Path) -> None:
    texts = _texts(_page(tmp_path / "matrices.pdf", MATRICES, 628))
    formula = "(1 2 3 4) (5 6 7 8) = (19 22 43 50)"
    assert [_flat([t]) for t in texts if "=" in t] == [_flat([formula])]
    assert _flat(texts) == _flat(LEFT + RIGHT_ABOVE + [formula] + RIGHT_BELOW)


def _flat(texts: list[str]) -> str:
    """The texts run together without spaces (a bracket's spacing is the font's)."""
    return "".join(texts).replace(" ", "")


def test_a_formula_of_one_line_is_not_read_into_the_paragraph_under_it(
    tmp_path: Path
) -> None:
    # A centred equation in two pieces, a wide gap apart; the next paragraph's first line
    # under it, indented as the formula is.
    texts = _texts(_page(tmp_path / "one.pdf", [
        _show(380, 664, 10, "y = x"), _show(420, 664, 10, "mod p"),
    ], 646))
    assert "y = x mod p" in texts
    assert any(t.startswith(RIGHT_BELOW[0]) for t in texts)


def test_prose_and_listings_are_no_formula_lines(tmp_path: Path) -> None:
    path = text_page_pdf(tmp_path / "prose.pdf", [
        _show(72, 700, 10, "Some text"), _show(120, 680, 10, "where the sum x = y holds"),
        _show(200, 680, 10, "for every value"), _show(120, 660, 10, "a = b"),
        _show(180, 660, 10, "c = d"),
    ])
    document = pdfium.PdfDocument(path)
    try:
        content = read_page(document, 0)
    finally:
        document.close()
    found = lines(fragments(content.glyphs))
    assert [formula_line(line.fragments, 72) for line in found] == [False, False, True]


def _glyph(char: str, x: float, y: float, size: float = 10.0) -> Glyph:
    return Glyph(char, x, y, x + 0.5 * size, y + size, size, False, "F", 0, -1)


def test_fractions_side_by_side_in_brackets_are_no_matrix() -> None:
    # ⟨ a/b (p), c/d (p) ⟩: rows of two entries each, but the arguments between numerators
    # and denominators do not stand in their columns; read in the order drawn.
    drawn = [
        _glyph("<", 100, 90, 30), _glyph("a", 110, 110), _glyph("b", 110, 90),
        _glyph("p", 120, 100), _glyph("c", 140, 110), _glyph("d", 140, 90),
        _glyph("q", 150, 100), _glyph(">", 160, 90, 30),
    ]
    at = {id(g): k for k, g in enumerate(drawn)}
    assert matrix_glyphs(drawn, at) is None
    # A matrix's entries in columns: read row by row.
    drawn = [
        _glyph("(", 100, 90, 30), _glyph("1", 110, 110), _glyph("3", 110, 90),
        _glyph("2", 130, 110), _glyph("4", 130, 90), _glyph(")", 140, 90, 30),
    ]
    at = {id(g): k for k, g in enumerate(drawn)}
    assert "".join(g.char for g in matrix_glyphs(drawn, at) or []) == "(1234)"


def test_a_tall_sign_in_a_matrix_is_no_delimiter() -> None:
    # A maths font's box for "−" taller than the entries reaches over one row, not two: an
    # entry's sign, not a bracket parting the matrix.
    drawn = [
        _glyph("(", 100, 85, 36), _glyph("0", 110, 110), _glyph("1", 130, 110),
        _glyph("−", 106, 88, 20), _glyph("1", 112, 90), _glyph("0", 130, 90),
        _glyph(")", 140, 85, 36),
    ]
    at = {id(g): k for k, g in enumerate(drawn)}
    assert "".join(g.char for g in matrix_glyphs(drawn, at) or []) == "(01−10)"


@pytest.mark.parametrize("text", [
    "", "x = y + 1", "sin x ≤ cos y", "Innenwinkel ≤ π.", "the sum over all words here",
    "αβγδ and ωψχφ", "abc_defgh 1234abcd efgh", "ab cd ef gh otherwise",
])
def test_prose_words_counted_as_findall_up_to_the_most(text: str) -> None:
    found = len(_PROSE_WORD.findall(text))
    for most in range(4):
        assert _prose_words(text, most) == min(found, most)
