"""The second line of a paragraph whose first line is indented goes on under it even when
its first piece, set apart from the rest of the line by a wide space (groff's wider space
after a full stop: "tion.   Types are M…"), stands clear of the indented line: the piece is
measured with the rest of its line (reader.line_reach, and its twin in _block_loop.c). A line
under a short formula, under a block's second line, or under a line of code is not read so."""

from __future__ import annotations

from pathlib import Path

from tests.engine.content_pdfs import drawn_widths, shown_at, text_page_pdf
from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

LEFT = 72.0
INDENT = 25.0
FIRST = "The columns are the name of the command, the type of the object, and the descrip-"
PIECE = "tion."
REST = "Types are M for macro or builtin command, S for a string, R for a"
LAST = "number register, and F for a builtin function."
#: The wide space after a full stop, in points (at 10 pt; the word space is 2.78).
SENTENCE_SPACE = 6.0


def _paragraph_page(tmp_path: Path, first: str, first_x: float) -> tuple[Path, float, float]:
    """``first`` at ``first_x``; under it, at the left edge, PIECE, a wide space and REST;
    under that, LAST. Also the right end of the first line and of the second."""
    (first_width, piece_width, rest_width, _), _ = drawn_widths(
        tmp_path, [first, PIECE, REST, LAST])
    rest_x = LEFT + piece_width + SENTENCE_SPACE
    operators = [
        b"BT /F1 10 Tf",
        shown_at(first, first_x, 700),
        shown_at(PIECE, LEFT, 688),
        shown_at(REST, rest_x, 688),
        shown_at(LAST, LEFT, 676),
        b"ET",
    ]
    path = text_page_pdf(tmp_path / "paragraph.pdf", operators)
    return path, first_x + first_width, rest_x + rest_width


def _blocks(path: Path) -> list[str]:
    return [block_text(b) for b in read_layout(path, max_pages=1).blocks]


def test_the_line_under_an_indented_first_line_goes_on(tmp_path: Path) -> None:
    path, first_end, second_end = _paragraph_page(tmp_path, FIRST, LEFT + INDENT)
    # (The case at hand: the piece ends left of the indent, and the first line, full, runs
    # as far right as the line under it.)
    assert first_end >= second_end
    blocks = _blocks(path)
    assert len(blocks) == 1, blocks
    assert "object, and the descrip" in blocks[0]
    assert "tion. Types are M for macro" in blocks[0]
    assert blocks[0].endswith("builtin function.")


def test_a_line_under_a_short_formula_stays_apart(tmp_path: Path) -> None:
    # The line above is short: a formula set in from the left, ending well before the line
    # under it does. No paragraph's first line stops so far short.
    formula = "x + y = z + 1"
    path, first_end, second_end = _paragraph_page(tmp_path, formula, LEFT + INDENT)
    assert second_end - first_end > 100
    blocks = _blocks(path)
    assert blocks[0] == formula, blocks
    assert not any(formula in b and "Types" in b for b in blocks)


def test_a_piece_under_a_blocks_second_line_stays_apart(tmp_path: Path) -> None:
    # Two lines set in (a quotation), then the piece and its line from the left edge: only
    # a paragraph's first line is indented from the lines under it.
    (_, piece_width, _, _), _ = drawn_widths(tmp_path, [FIRST, PIECE, REST, LAST])
    operators = [
        b"BT /F1 10 Tf",
        shown_at(FIRST, LEFT + INDENT, 712),
        shown_at(FIRST, LEFT + INDENT, 700),
        shown_at(PIECE, LEFT, 688),
        shown_at(REST, LEFT + piece_width + SENTENCE_SPACE, 688),
        shown_at(LAST, LEFT, 676),
        b"ET",
    ]
    path = text_page_pdf(tmp_path / "quote.pdf", operators)
    blocks = _blocks(path)
    assert not any("descrip" in b and "Types" in b for b in blocks), blocks


def test_code_indented_under_code_stays_apart(tmp_path: Path) -> None:
    # A listing's line indented four places, and under it a closing brace set apart from the
    # rest of its line (a word processor sets code word by word): the indent is the code's.
    body, brace, rest = "/* done when inflate() says it is done */", "}", "while (ret != END);"
    operators = [
        b"BT /F1 10 Tf",
        shown_at(body, LEFT + 24, 700),
        shown_at(brace, LEFT, 688),
        shown_at(rest, LEFT + 6 + SENTENCE_SPACE, 688),
        b"ET",
    ]
    path = text_page_pdf(tmp_path / "code.pdf", operators, base="/Courier")
    blocks = _blocks(path)
    assert not any("done */" in b and "while" in b for b in blocks), blocks
