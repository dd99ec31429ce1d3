"""A paragraph's last line stops short: the next line's first word would have fitted in the
room left at its end. Where the next line also starts a level further out (a man page's
text going on at the margin under an indented description, the next term of a list), the
two are two paragraphs, in the Python loop and in the C one alike. A line stopping short
by less than that word, or a short line with the next set at its own level, goes on."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf

_FONTS = {"F1": "/Times-Roman", "F2": "/Times-Bold"}
_LONG = "change the default of using modification times; access time and change time too"


def _texts(path: Path) -> list[str]:
    doc = read_layout(path, max_pages=1)
    return [b.text for b in doc.blocks if isinstance(b, (Heading, Paragraph))]


def _page(tmp_path: Path, last: str, below: str, below_x: int) -> Path:
    """Lines of running text at 108, a description indented at 144 (a long line, then
    ``last``), then ``below`` at ``below_x`` (all in one face, one line step apart)."""
    intro = [
        f"BT /F1 10 Tf 108 {760 - 12 * k} Td (The ls utility lists the files of each "
        f"directory named, with options that change what it shows.) Tj ET".encode()
        for k in range(3)
    ]
    ops = [
        *intro,
        b"BT /F1 10 Tf 144 712 Td (" + _LONG.encode() + b") Tj ET",
        b"BT /F1 10 Tf 144 700 Td (" + last.encode() + b") Tj ET",
        f"BT /F1 10 Tf {below_x} 688 Td ({below}) Tj ET".encode(),
    ]
    return fonts_page_pdf(tmp_path / "page.pdf", ops, _FONTS)


def test_a_line_further_out_under_a_short_last_line_starts_a_paragraph(
    tmp_path: Path, block_loop: str
) -> None:
    texts = _texts(_page(tmp_path, "status; birth time.", "The SIZE argument is an integer.", 108))
    assert f"{_LONG} status; birth time." in texts
    assert "The SIZE argument is an integer." in texts


def test_a_line_too_long_for_the_next_word_to_fit_goes_on(
    tmp_path: Path, block_loop: str
) -> None:
    # The room left at the line's end is narrower than "characteristically".
    last = "change the default of using modification times; access time and"
    texts = _texts(_page(tmp_path, last, "characteristically set in the margin.", 108))
    assert not any(t.startswith("characteristically") for t in texts)


def test_a_short_line_with_the_next_at_its_own_level_goes_on(
    tmp_path: Path, block_loop: str
) -> None:
    # (Ragged-right text leaves room at a line's end: no break without a second sign.)
    texts = _texts(_page(tmp_path, "status; birth", "time and the creation time.", 144))
    assert f"{_LONG} status; birth time and the creation time." in texts
