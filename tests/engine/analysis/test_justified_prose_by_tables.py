"""Lines of a paragraph justified with word spaces wide enough to part them word by word, as
LaTeX sets a narrow column: close under a table's rows they end the table (its columns are
found, and the paragraph is read as text), and lines that open with the same words, so that
their words line up, are no table either. Small PDFs drawn here, in Helvetica 9.5, the
paragraphs justified with 3 points of word spacing (``Tw``): a space 5.6 points wide, more
than half the type size, so each word is a piece of its own."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, Paragraph, Table
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page, justified_ops

SIZE = 9.5
#: Helvetica's widths (per 1000 of the type size) of the characters of the figures.
_FIGURE_WIDTHS = {",": 278, ".": 278, "-": 333}

ROWS = [
    ("East Midlands", "6,095", "6,268", "2.8"),
    ("South East", "3,511", "3,871", "10.3"),
    ("West Midlands", "1,757", "1,752", "-0.3"),
    ("Scotland", "3,547", "3,736", "5.3"),
    ("London", "4,312", "4,306", "-0.1"),
    ("North West", "7,087", "7,306", "3.1"),
]
#: Right edges of the three columns of figures (the regions' column starts at 78).
FIGURE_ENDS = (186.0, 223.0, 292.0)

PROSE = [
    "Inflation remained broadly flat because of",
    "the change in methodology. Office rents",
    "increased once the definitions were harmonised.",
]


def _figure_width(text: str) -> float:
    return sum(_FIGURE_WIDTHS.get(ch, 556) for ch in text) * SIZE / 1000


def _table_ops(top: float) -> list[str]:
    """A caption wrapped over two lines, then a table ruled as booktabs rules one (a rule
    over its head, one under it, one under its last row, none down), its head's figures
    and its rows' figures set flush right in their columns."""
    ops = [
        f"BT /F1 {SIZE} Tf 72 {top} Td (Table 1: Effective tax rates by region, 2025 and) Tj ET",
        f"BT /F1 {SIZE} Tf 72 {top - 13.5} Td (2026) Tj ET",
        f"72 {top - 17} 220 0.8 re f",
    ]
    head_y = top - 28
    heads = ("2025", "2026", "Change (%)")
    ops.append(f"BT /F1 {SIZE} Tf 78 {head_y} Td (Region) Tj ET")
    head_starts = (164.3, 201.1, 244.0)
    ops += [f"BT /F1 {SIZE} Tf {x} {head_y} Td ({text}) Tj ET"
            for x, text in zip(head_starts, heads, strict=True)]
    ops.append(f"72 {head_y - 5} 220 0.5 re f")
    for k, (region, *figures) in enumerate(ROWS):
        y = head_y - 18 - 13.5 * k
        ops.append(f"BT /F1 {SIZE} Tf 78 {y} Td ({region}) Tj ET")
        ops += [f"BT /F1 {SIZE} Tf {end - _figure_width(text):.2f} {y} Td ({text}) Tj ET"
                for end, text in zip(FIGURE_ENDS, figures, strict=True)]
    bottom = head_y - 18 - 13.5 * (len(ROWS) - 1) - 5
    ops.append(f"72 {bottom} 220 0.8 re f")
    return ops


def _prose_ops(lines: list[str], top: float, x: float = 72.0) -> list[str]:
    return [f"BT /F1 {SIZE} Tf 3 Tw {x} {top - 13.5 * k} Td ({text}) Tj ET"
            for k, text in enumerate(lines)]


def test_a_justified_paragraph_close_under_a_table_ends_it(tmp_path: Path) -> None:
    # The paragraph's first line stands 22 points under the last row, near enough to go on
    # the run of lines the table was read from, and its words, pieces of their own, reach
    # into the gutters between the table's columns: the rows and the paragraph were read as
    # one table, which fell apart, and the regions, figures and words were read as text.
    ops = _table_ops(700) + _prose_ops(PROSE, 700 - 28 - 18 - 13.5 * 5 - 22)
    doc = read_layout(helvetica_page(tmp_path / "table.pdf", ops), max_pages=1)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Region", "2025", "2026", "Change (%)"], *[list(row) for row in ROWS]
    ]
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert (
        "Inflation remained broadly flat because of the change in methodology. "
        "Office rents increased once the definitions were harmonised."
    ) in texts


def test_justified_lines_opening_with_the_same_words_are_no_table(tmp_path: Path) -> None:
    # Under a subsection's heading (its number set apart from its title, in a bold face
    # little larger than the text's), a paragraph justified to 340 points, its lines but the
    # last in pieces word by word. The second and third lines open with the same six words
    # and are about as wide, so their words line up word for word, as if in columns; the
    # first sets two spaces after a full stop (a wider space, as TeX sets one). The heading
    # and the three lines were read as a table, the heading its head row.
    lines = [
        "Household income increased when the figures are deflated.  Inflation was",
        "benchmarked as the classification was modified. The survey design was",
        "benchmarked as the classification was modified. The response rate was",
        "estimated in every region except the North East.",
    ]
    ops = [
        "BT /F2 10 Tf 72 700 Td (4.1) Tj ET",
        "BT /F2 10 Tf 100 700 Td (Office rents in detail) Tj ET",
        *justified_ops(tmp_path / "measure.pdf", lines, x=72, top=680, measure=340,
                       size=SIZE, leading=13.5),
    ]
    doc = read_layout(helvetica_page(tmp_path / "prose.pdf", ops), max_pages=1)
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == [
        "4.1 Office rents in detail"
    ]
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == [
        " ".join(lines).replace("  ", " ")
    ]
