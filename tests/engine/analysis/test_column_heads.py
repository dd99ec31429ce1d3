"""A title at the head of each of two columns, level with each other ("Article VI." over the
left column, "Article VII." over the right, the right one's swash capital reaching into the
gutter): two lines, each read with its column, where the columns below are found only by
cutting the page across (one column runs in short lines, a list of names set on the other
column's rows, so the two read together as a table would). A line whose pieces run across
the gutter, or stand well above the columns, stays one line. Small PDFs drawn here by text
operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

LEFT = ["All debts contracted and engagements entered into,",
        "before the adoption of this constitution, shall be",
        "as valid against the nation under this constitution",
        "as they were under the confederation of the states.",
        "This constitution, and the laws which shall be made",
        "in pursuance thereof, and all treaties made under",
        "the authority of the nation, shall be the supreme",
        "law of the land; and the judges in every state shall",
        "be bound thereby, anything in the constitution or",
        "laws of any state to the contrary notwithstanding.",
        "The senators and representatives before mentioned,",
        "and the members of the several state legislatures,"]
RIGHT = ["The ratification of the conventions of nine states",
         "shall be sufficient for the establishment of this",
         "constitution between the states so ratifying it.",
         "Signed by",
         "John Langdon", "Nicholas Gilman", "Nathaniel Gorham", "Rufus King",
         "Roger Sherman", "William Johnson", "Alexander Hamilton", "David Brearley"]


def show(x: float, y: float, text: str, size: float = 9) -> bytes:
    return f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET".encode()


def _page(tmp_path: Path, heads: list[tuple[float, float, str]]) -> Path:
    """Two columns (72 and 315 points in, a 34-point gutter after the left one's longest
    line, at 281) under 30-point ``heads``: running text in 12-point rows on the left; on
    the right a short paragraph on the same rows, then names in 16-point rows."""
    ops = [show(x, y, text, 30) for x, y, text in heads]
    for k in range(len(LEFT)):
        ops.append(show(72, 680 - 12 * k, LEFT[k]))
    for k in range(len(RIGHT)):
        ops.append(show(315, 680 - 12 * k if k < 3 else 684 - 16 * k, RIGHT[k]))
    return text_page_pdf(tmp_path / "heads.pdf", ops)


def test_a_title_over_each_column_is_read_with_it(tmp_path: Path) -> None:
    # The right title starts 11 points inside the gutter's left edge, over the left column.
    heads = [(44, 700, "Article Sixth"), (270, 700, "Article Seventh")]
    doc = read_layout(_page(tmp_path, heads), max_pages=1)
    texts = [block_text(b) for b in doc.blocks]
    headings = [block_text(b) for b in doc.blocks if isinstance(b, Heading)]
    assert sorted(headings) == ["Article Seventh", "Article Sixth"]  # not one line across
    at = {text: k for k, text in enumerate(texts)}
    left = next(k for k, text in enumerate(texts) if text.startswith("All debts"))
    right = next(k for k, text in enumerate(texts) if text.startswith("The ratification"))
    assert at["Article Sixth"] < left < at["Article Seventh"] < right


def test_a_line_running_across_the_gutter_stays_one(tmp_path: Path) -> None:
    # The second piece starts far over the left column (51 points, more than its type
    # size): one line across the columns, not a title over the right one.
    heads = [(44, 700, "Article Sixth"), (230, 700, "Article Seventh")]
    doc = read_layout(_page(tmp_path, heads), max_pages=1)
    assert "Article Sixth Article Seventh" in [block_text(b) for b in doc.blocks]


def test_a_line_well_above_the_columns_stays_one(tmp_path: Path) -> None:
    # Pieces over each column, but further above them than their own height: a line over
    # the page (a running head), not the columns' titles.
    heads = [(44, 760, "Article Sixth"), (270, 760, "Article Seventh")]
    doc = read_layout(_page(tmp_path, heads), max_pages=1)
    assert "Article Sixth Article Seventh" in [block_text(b) for b in doc.blocks]
