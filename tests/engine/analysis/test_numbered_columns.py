"""Two columns of one numbered list (a manual page's exit codes set in two columns: each
code on a line of its own at the column's edge, its meaning indented under it) are read
column by column, each number with its meaning, not as a table row by row: the right
column's numbers go on from the left column's
(:mod:`workers.engine.layout.numbered_columns`). Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .test_spanning_heads import LEFT, PITCH, RIGHT, SIZE

#: How far each entry's meaning is indented under its number (points).
INDENT = 36
#: What each code means, by its number.
MEANINGS = (
    "No error (normal operation)", "No argument", "Too many parameters", "Unknown option",
    "Failed to parse the stylesheet", "Error in the stylesheet",
    "Error in one of the documents", "Unsupported output method",
    "String parameter contains both quotes", "Internal processing error",
    "Processing was stopped by a message", "Could not write the result to the file",
)


def entries(x: float, top: float, numbers: range) -> list[bytes]:
    """Entries of a numbered list down one column from ``top``: each number on a line of
    its own at ``x``, its meaning (labelled by its first word) indented under it."""
    ops = []
    for k, number in enumerate(numbers):
        y = top - 3 * PITCH * k
        ops.append(f"BT /F1 {SIZE} Tf {x} {y} Td ({number}) Tj ET".encode())
        under = y - 1.5 * PITCH
        ops.append(f"BT /F1 {SIZE} Tf {x + INDENT} {under} Td ({MEANINGS[number]}) Tj ET".encode())
    return ops


def columns_of_codes(tmp_path: Path, left: range, right: range, name: str) -> Path:
    ops = [
        *entries(LEFT, 750, left),
        *entries(RIGHT, 750, right),
    ]
    return text_page_pdf(tmp_path / name, ops)


def test_a_numbered_list_running_on_into_the_right_column_is_read_down(tmp_path: Path) -> None:
    # Codes 2 to 8 down the left column, 9 to 11 down the right: one list, two columns.
    path = columns_of_codes(tmp_path, range(2, 9), range(9, 12), "codes.pdf")
    assert not any(isinstance(b, Table) for b in read_layout(path, max_pages=1).blocks)
    blocks = [block_text(b) for b in read_layout(path, max_pages=1).blocks]
    # Each number read with its meaning, the left column's before the right's.
    assert blocks == [text for n in range(2, 12) for text in (str(n), MEANINGS[n])]


def test_numbers_not_running_on_leave_a_table(tmp_path: Path) -> None:
    # The right column numbered afresh (0 to 2) is no list going on from the left's: the
    # rows of numbers and meanings, level across, stay read as they were (a table).
    path = columns_of_codes(tmp_path, range(2, 9), range(0, 3), "fresh.pdf")
    assert any(isinstance(b, Table) for b in read_layout(path, max_pages=1).blocks)
