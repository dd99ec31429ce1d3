"""A list's sub-item opening with a bullet, indented under its parent item's line, is a line
of its own, even where a line of another column, set at another leading and level with both,
chains the two into one line group: merged, the sub-item would be read as the end of its
parent's line ("Editor support, including: ◦ Completion.", a README set in two columns with
code beside the list)."""

from __future__ import annotations

from pathlib import Path

from ..content_pdfs import text_page_pdf
from .conftest import first_page_pieces


def _show(x: float, y: float, size: float, text: str) -> bytes:
    # (Latin-1 bytes: the font's encoding is WinAnsi, where "\x95" is the bullet.)
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET".encode("latin-1")


def _two_columns(path: Path) -> Path:
    """On the left a line of code (12.9 pt); on the right a list at 10.5 pt, 12.35 pt apart,
    the code line level with the parent item's line and its first sub-item's (as code set
    at its own leading stands beside a list). Each bullet ("\\x95", WinAnsi's) is a text
    object of its own before its text."""
    ops = [_show(45, 705.8, 12.9, '@app.get("/")')]
    items = [(335, "Editor support, including:"), (365, "Completion."), (365, "Type checks."),
             (335, "Validation of data:")]
    for k, (x, text) in enumerate(items):
        y = 712 - 12.35 * k
        ops += [_show(x, y, 10.5, "\x95"), _show(x + 5.7, y, 10.5, text)]
    return text_page_pdf(path, ops)


def test_a_sub_item_is_not_read_as_the_end_of_its_parents_line(tmp_path: Path) -> None:
    pieces = first_page_pieces(_two_columns(tmp_path / "list.pdf"))
    assert "• Editor support, including:" in pieces, pieces
    assert "• Completion." in pieces, pieces
    assert "• Type checks." in pieces, pieces
