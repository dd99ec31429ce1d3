"""A title over two columns that start at different heights (a letterhead: the firm's name,
its address block set close under it on the right, the addressee's block lower on the left,
where an envelope's window is): the title is read first, then the column a reader meets first
going down the page (:func:`workers.engine.layout.order._title_over_gutter`,
:func:`workers.engine.layout.order._starts_lines_above`). Columns starting level are read left
to right as before. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import Lines, make_pdf

TITLE = (220.0, 792.0, "Kraxi Systems, Inc.")
SENDER: Lines = [
    (455.0, 776.0, "17, Aviation Road"), (455.0, 763.0, "Paperfield"),
    (455.0, 745.0, "Phone 7079 4301"), (455.0, 732.0, "Fax 7079 4302"),
    (455.0, 714.0, "info@kraxi.com"),
]


def addressee(top: float) -> Lines:
    return [(55.0, top - 13 * k, line) for k, line in
            enumerate(["John Q. Doe", "255 Customer Lane", "12345 User Town"])]


def text(path: Path) -> str:
    return " ".join(block_text(b) for b in read_layout(path, max_pages=1).blocks)


def test_the_column_set_close_under_a_title_is_read_before_the_one_starting_lower(
    tmp_path: Path,
) -> None:
    read = text(make_pdf(tmp_path / "letter.pdf", [([], [TITLE, *SENDER, *addressee(690.0)])]))
    assert read.index("Kraxi") < read.index("Aviation") < read.index("info@") < read.index("John")


def test_columns_starting_level_under_a_title_are_read_left_to_right(tmp_path: Path) -> None:
    read = text(make_pdf(tmp_path / "level.pdf", [([], [TITLE, *SENDER, *addressee(776.0)])]))
    assert read.index("Kraxi") < read.index("John") < read.index("Aviation")
