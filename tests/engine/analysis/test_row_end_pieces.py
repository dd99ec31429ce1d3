"""Reading order: a form's line numbers set by its entry boxes, at the ends of its rows, are
read with their rows, also where nothing cuts the page across (a note in the margin runs
down beside several rows): they are no column read after all the rows."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

ROWS = [
    ("1", "Wages salaries and tips from your employers"),
    ("2", "Taxable interest from your savings accounts"),
    ("3", "Ordinary dividends from your shares and funds"),
    ("4", "Pensions and annuities paid to you this year"),
    ("5", "Social security benefits received this year"),
]
MARGIN = ["Standard", "deduction", "for single", "filers or", "married", "filing", "jointly",
          "or heads of", "household"]


def show(x: float, y: float, text: str, size: int = 9) -> bytes:
    return b"BT /F1 %d Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (size, x, y, text.encode())


def _form(margin: list[str]) -> list[bytes]:
    ops = [show(40, 760, "Income", 16)]
    for k, (number, text) in enumerate(ROWS):
        y = 720 - 20 * k
        ops += [show(110, y, text), show(480, y, "Line " + number)]
    ops += [show(40, 724 - 11 * k, line) for k, line in enumerate(margin)]
    return ops


def _words(path: Path) -> list[str]:
    return " ".join(block_text(b) for b in read_layout(path, max_pages=1).blocks).split()


def test_row_ends_beside_a_margin_note_are_read_with_their_rows(tmp_path: Path) -> None:
    words = _words(text_page_pdf(tmp_path / "form.pdf", _form(MARGIN)))
    for (number, text), (_, following) in zip(ROWS, ROWS[1:], strict=False):
        last, first_after = text.split()[-1], following.split()[0]
        # "... employers Line 1 Taxable ..." : each number right after its row.
        at = words.index(last)
        assert words[at + 1:at + 3] == ["Line", number], words
        assert words.index(first_after) == at + 3


def test_without_the_margin_note_rows_read_across_as_before(tmp_path: Path) -> None:
    # The rows alone are cut across (a gap between each two): read row by row as well.
    words = _words(text_page_pdf(tmp_path / "form.pdf", _form([])))
    assert words.index("employers") < words.index("1") < words.index("Taxable")


def _walled_rows() -> list[bytes]:
    """Rows of a form's lines with a wall drawn down before the column of line numbers; only
    the first row has its number in that column (the next is a sub-line, its box inside)."""
    return [
        b"38 745 524 0.8 re f",  # the part's top and bottom rules, across all
        b"38 698 524 0.8 re f",
        b"38 727 430 0.6 re f",  # a rule between the two rows, under their text alone
        b"470 698 0.8 47.8 re f",  # the wall before the numbers' column
        show(60, 732, "b Add Schedule two and enter the total here"),
        show(480, 732, "12b"),
        show(60, 714, "13a Child tax credit or credit for other dependents"),
    ]


def test_a_row_end_past_a_drawn_wall_is_read_with_its_row(tmp_path: Path) -> None:
    words = _words(text_page_pdf(tmp_path / "form.pdf", _walled_rows()))
    assert words.index("here") < words.index("12b") < words.index("13a"), words
