"""Two columns of running text whose gutter a few headings in a larger face reach into (a
script face's swash capital, set at the head of the right column, starting over the left
column's extent): the column search still finds the gutter the body text keeps clear, and
each column is read whole, its headings with it. A line across both columns (a title over
them, or one that the columns stop for) is no column's. Small PDFs drawn here by text
operators, and fragments made here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, block_text
from workers.engine.layout import order
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

LEFT = ["The right of citizens of the States to vote",
        "shall not be denied or abridged by any State",
        "on account of race, color, or condition of",
        "servitude, and Congress shall enforce it."]
RIGHT = ["After one year from the ratification of this",
         "article the sale or transportation of liquors",
         "within, the importation thereof into, or the",
         "exportation thereof from the country is banned."]


def show(x: float, y: float, text: str, size: float = 9) -> bytes:
    return f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET".encode()


def _page(heads: list[tuple[float, float, str]]) -> list[bytes]:
    """Two columns (72 and 266 points in, an 18-point gutter after the left one's longest
    line), two paragraphs each, with 24-point headings where ``heads`` puts them."""
    ops = [show(x, y, text, 24) for x, y, text in heads]
    for top in (690, 560):
        for k in range(4):
            ops.append(show(72, top - 12 * k, LEFT[k]))
            ops.append(show(266, top - 12 * k, RIGHT[k]))
    return ops


def test_headings_over_the_gutter_leave_the_columns_apart(tmp_path: Path) -> None:
    # The right column's headings start 24 points left of its text, over the end of the
    # left column's longest lines: no band runs clear down the page.
    heads = [(60, 715, "Article 15"), (242, 715, "Amendment XVIII"),
             (60, 585, "Article 16"), (242, 585, "Amendment XIX")]
    doc = read_layout(text_page_pdf(tmp_path / "heads.pdf", _page(heads)), max_pages=1)
    texts = [block_text(b) for b in doc.blocks]
    headings = [block_text(b) for b in doc.blocks if isinstance(b, Heading)]
    assert sorted(headings) == sorted(text for _, _, text in heads)  # none joined across
    at = {text: k for k, text in enumerate(texts)}
    # The left column whole (its headings and paragraphs), then the right.
    assert at["Article 15"] < at["Article 16"] < at["Amendment XVIII"]
    assert at["Amendment XVIII"] < at["Amendment XIX"]
    left = [k for k, text in enumerate(texts) if text.startswith("The right of citizens")]
    right = [k for k, text in enumerate(texts) if text.startswith("After one year")]
    assert len(left) == len(right) == 2
    assert max(left) < at["Amendment XVIII"] < min(right)


def _frag(text: str, x0: float, y0: float, x1: float, size: float) -> Fragment:
    glyph = Glyph(text[0], x0, y0, x0 + size / 2, y0 + size, size, False, "F", 1, -1)
    return Fragment([glyph], text, x0, y0, x1, y0 + size)


def _columns() -> list[Fragment]:
    out = []
    for top in (700.0, 600.0, 450.0, 350.0):
        for k in range(4):
            out.append(_frag(LEFT[k], 72, top - 12 * k, 297, 9))
            out.append(_frag(RIGHT[k], 315, top - 12 * k, 540, 9))
    return out


def test_a_heading_at_the_head_of_a_column_goes_with_it() -> None:
    heading = _frag("Amendment Eighteen", 291, 720, 520, 24)
    beside = _frag("Amendment Fifteen", 60, 720, 250, 24)
    split = order._split_past_display_lines([*_columns(), heading, beside])
    assert split is not None
    left, right = split
    assert heading in right and beside in left
    assert all(f.x0 >= 291 for f in right) and all(f.x1 <= 297 for f in left)


def test_a_title_the_columns_stop_for_is_no_columns() -> None:
    # Set between the columns' paragraphs, level with nothing, reaching a few points over
    # the right column: the columns stop for it, above and below (read across, not in one).
    title = _frag("Resolutions of the Congress", 72, 500, 320, 24)
    assert order._split_past_display_lines([*_columns(), title]) is None
    # The same line at the foot of the left column, the right one ended above it, is the
    # left column's last line.
    last = _frag("Resolutions of the Congress", 72, 280, 320, 24)
    assert order._split_past_display_lines([*_columns(), last]) is not None


def test_a_title_over_both_columns_is_no_columns() -> None:
    # Centred over both: it reaches far over the gutter, more than its type size.
    title = _frag("The Amendments to the Constitution", 150, 740, 460, 24)
    assert order._split_past_display_lines([*_columns(), title]) is None
