"""A heading set across two columns (CSS ``column-span: all``) cuts the page into bands:
each band's left column, then its right, then the heading and the next band. The heading is
short, so its text leaves the gutter clear, and the column search finds one gutter down the
whole page; the other column's empty stretch beside the heading, with the columns ending
level over it and starting level under it, tells it from a heading inside a column
(:mod:`workers.engine.layout.spanning`). Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout
from workers.engine.layout.spanning import spanning_cuts

from ..content_pdfs import text_page_pdf

#: The columns' left edges, the body size and its leading (points).
LEFT, RIGHT = 72, 320
SIZE, PITCH = 10, 12.5
#: A line of running text, under 200 points wide at 10 points in Helvetica.
LINE = "and the text of the paragraph runs on"


def paragraph(x: float, top: float, name: str, lines: int) -> list[bytes]:
    """A paragraph of ``lines`` lines at ``x``, its first line at ``top``, opening with its
    ``name`` (so the test can find where it is read)."""
    return [
        f"BT /F1 {SIZE} Tf {x} {top - PITCH * k} Td ({name if k == 0 else 'then'} {LINE}) Tj ET"
        .encode()
        for k in range(lines)
    ]


def heading(top: float, text: str) -> list[bytes]:
    return [f"BT /F1 18 Tf {LEFT} {top} Td ({text}) Tj ET".encode()]


def band(top: float, names: tuple[str, str, str, str], lines: int = 5) -> list[bytes]:
    """Two balanced columns of two paragraphs each, opening at ``top``: ``names`` are the
    left column's two paragraphs, then the right's."""
    second = top - PITCH * (lines + 1)
    return [
        *paragraph(LEFT, top, names[0], lines), *paragraph(LEFT, second, names[1], lines),
        *paragraph(RIGHT, top, names[2], lines), *paragraph(RIGHT, second, names[3], lines),
    ]


def read(path: Path) -> str:
    return " ".join(block_text(b) for b in read_layout(path, max_pages=1).blocks)


def in_order(text: str, names: list[str]) -> bool:
    at = [text.index(name) for name in names]
    return at == sorted(at)


def test_a_heading_across_the_columns_is_read_between_their_bands(tmp_path: Path) -> None:
    # Band one ends at 625 in both columns; the heading stands at 550; band two opens
    # at 515 in both columns (balanced columns above and under a spanning heading).
    ops = [
        *heading(780, "Concepts"),
        *band(750, ("Alpha", "Bravo", "Charlie", "Delta")),
        *heading(550, "Sessions"),
        *band(515, ("Echo", "Foxtrot", "Golf", "Hotel")),
    ]
    text = read(text_page_pdf(tmp_path / "bands.pdf", ops))
    assert in_order(text, [
        "Concepts", "Alpha", "Bravo", "Charlie", "Delta",
        "Sessions", "Echo", "Foxtrot", "Golf", "Hotel",
    ])


def test_a_heading_inside_a_column_leaves_the_columns_whole(tmp_path: Path) -> None:
    # The right column runs on beside the left column's heading: read column by column.
    ops = [
        *paragraph(LEFT, 750, "Alpha", 12),
        *heading(580, "Sessions"),
        *paragraph(LEFT, 550, "Echo", 12),
        *paragraph(RIGHT, 750, "Charlie", 26),
    ]
    text = read(text_page_pdf(tmp_path / "column.pdf", ops))
    assert in_order(text, ["Alpha", "Sessions", "Echo", "Charlie"])


def test_a_column_ending_beside_a_heading_opens_no_band(tmp_path: Path) -> None:
    # The right column (a page's last) ends above the heading and has no text under it.
    ops = [
        *paragraph(LEFT, 750, "Alpha", 12),
        *heading(580, "Sessions"),
        *paragraph(LEFT, 550, "Echo", 12),
        *paragraph(RIGHT, 750, "Charlie", 12),
    ]
    text = read(text_page_pdf(tmp_path / "ends.pdf", ops))
    assert in_order(text, ["Alpha", "Sessions", "Echo", "Charlie"])


class _Piece:
    """A piece of a line: its box and type size (a heading's larger), in no bold."""

    def __init__(self, x0: float, y0: float, x1: float, y1: float, size: float = 10.0) -> None:
        self.x0, self.y0, self.x1, self.y1 = x0, y0, x1, y1
        self.size, self.bold = size, False


def _column(x: float, top: float, bottom: float) -> list[_Piece]:
    """A column's lines from ``top`` down to ``bottom`` at a leading of 12.5 points."""
    count = int((top - bottom) / PITCH) + 1
    return [_Piece(x, top - PITCH * k - 8, x + 200, top - PITCH * k + 2) for k in range(count)]


#: A heading in the left column, set larger than the columns' text.
HEAD = _Piece(LEFT, 550, LEFT + 80, 565, 18.0)


def test_a_picture_beside_a_heading_that_does_not_end_level_cuts_nothing() -> None:
    # A paper: the right column has a picture (no text) from 640 down to 420 beside the left
    # column's heading at 550; the columns' text ends and starts far from level around it.
    left = [*_column(LEFT, 750, 580), HEAD, *_column(LEFT, 535, 100)]
    right = [*_column(RIGHT, 750, 650), *_column(RIGHT, 410, 100)]
    assert spanning_cuts(left, right) == []


def test_a_heading_between_balanced_bands_cuts_just_above_it() -> None:
    left = [*_column(LEFT, 750, 590), HEAD, *_column(LEFT, 525, 100)]
    right = [*_column(RIGHT, 750, 600), *_column(RIGHT, 525, 100)]
    (cut,) = spanning_cuts(left, right)
    assert 565 < cut < 580

