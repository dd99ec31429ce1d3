"""Lines are grouped by the height most of their glyphs stand at, and a fragment far taller
than a line joins it without stretching it: a formula in one column (a tall bracket, a raised
index) does not draw the lines of the other column into one line, whose fragments would then
be merged glyph by glyph (ieee's "The on the variability…")."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from workers.engine.document import block_text
from workers.engine.layout import operators
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.lines import fragments, lines
from workers.engine.layout.operators import map_operators
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

LEFT = [
    "The amount of noise that needs", "to be added depends on the",
    "variability of the query function", "between neighbour data sets and",
    "on the level of privacy wanted.",
]


def _show(x: float, y: float, size: float, text: str) -> bytes:
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET".encode()


def _two_columns(path: Path, formula: list[bytes]) -> Path:
    """LEFT in a column of 10 pt lines 12 pt apart; beside it a line, ``formula`` and a
    line."""
    return text_page_pdf(path, [
        *(_show(72, 700 - 12 * k, 10, t) for k, t in enumerate(LEFT)),
        _show(320, 700, 10, "Example. Consider the data set"),
        *formula,
        _show(320, 652, 10, "where a and b are the records."),
    ])


def _lines(path: Path) -> list[list[tuple[float, str]]]:
    """Each line's fragments: where each starts, and its text."""
    document = pdfium.PdfDocument(path)
    try:
        content = read_page(document, 0)
    finally:
        document.close()
    return [[(f.x0, f.text) for f in line.fragments] for line in lines(fragments(content.glyphs))]


def _left_lines(path: Path) -> list[str]:
    """The fragments of the left column, line by line."""
    return [text for line in _lines(path) for x0, text in line if x0 < 300]


# One run of text: a bracket four lines tall, the terms and a raised index on the baseline of
# the left column's third line.
RUN = [b"BT /F1 10 Tf 330 676 Td (X = ) Tj /F1 34 Tf (\\() Tj /F1 10 Tf (a + b) Tj "
       b"6 Ts /F1 7 Tf (2) Tj 0 Ts /F1 34 Tf (\\)) Tj ET"]
# The tall bracket a fragment of its own, set apart from the terms.
APART = [_show(330, 676, 10, "X ="), _show(352, 672, 34, "["), _show(390, 676, 10, "a + b")]


def test_a_formula_run_with_tall_glyphs_stands_on_its_baseline(tmp_path: Path) -> None:
    path = _two_columns(tmp_path / "run.pdf", RUN)
    assert _left_lines(path) == LEFT
    formula_line = next(line for line in _lines(path) if any("X =" in t for _, t in line))
    assert formula_line[0][1] == LEFT[2]  # the formula's baseline is the third line's


def test_a_tall_fragment_does_not_stretch_the_line_it_joins(tmp_path: Path) -> None:
    path = _two_columns(tmp_path / "apart.pdf", APART)
    assert _left_lines(path) == LEFT


def test_the_left_column_reads_in_order_beside_a_formula(tmp_path: Path) -> None:
    for name, formula in (("run.pdf", RUN), ("apart.pdf", APART)):
        document = read_layout(_two_columns(tmp_path / name, formula), max_pages=1)
        words = " ".join(block_text(b) for b in document.blocks).split()
        left = " ".join(LEFT).split()
        assert words[:len(left)] == left, name


@pytest.mark.parametrize("scanner", [True, False])
def test_a_lone_point_painted_is_no_page_object(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scanner: bool
) -> None:
    # pdfium keeps no path for a painted lone moveto (TeX draws such "paths" round boxes):
    # the map must not expect one, or it misaligns every object after it.
    path = text_page_pdf(tmp_path / "points.pdf", [
        *(b"1 0 0 RG %d 600 m %d 600 l S %d 610 m S" % (x, x + 20, x + 10)
          + b" " + _show(x, 620, 10, "*") for x in range(72, 500, 40)),
        b"5 5 m 0 0 m S 10 10 l S 72 500 m h f",
    ])
    document = pdfium.PdfDocument(path)
    try:
        content = read_page(document, 0)
    finally:
        document.close()
    if not scanner:
        monkeypatch.setattr(operators, "_scanner", None)  # pikepdf's parser and _kinds_of
    with pikepdf.open(path) as pdf:
        opmap = map_operators(pdf.pages[0], content.object_kinds)
    assert opmap.warning is None
    assert content.object_kinds.count("path") == 11 and -1 not in opmap.operator_of


def test_a_matrix_inside_its_brackets_is_one_line_beside_the_other_column(tmp_path: Path) -> None:
    # The rows of a matrix stand inside its brackets: one piece of a formula (one block, so
    # that its glyphs are never divided between two), while the other column's lines beside
    # it stay lines of their own.
    path = _two_columns(tmp_path / "matrix.pdf", [
        _show(330, 669, 30, "\\("), _show(345, 682, 10, "1"), _show(360, 682, 10, "2"),
        _show(345, 668, 10, "3"), _show(360, 668, 10, "4"), _show(372, 669, 30, "\\)"),
    ])
    assert _left_lines(path) == LEFT
    (matrix,) = ["".join(t for x0, t in line if x0 > 300) for line in _lines(path)
                 if any("(" in t for _, t in line)]
    assert sorted(matrix.replace(" ", "")) == sorted("(1234)")
