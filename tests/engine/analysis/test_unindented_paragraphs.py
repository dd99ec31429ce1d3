"""Paragraphs a word processor sets with neither a first-line indent nor a space between
them (LibreOffice's default paragraph style): the only sign of a paragraph's end is its last
line, which ends a sentence and leaves room for the next line's first word, opening the next
sentence with a capital (reader._sentence_ends_at_break). A ragged line that leaves no such
room, or a next line going on in lower case, goes on in the paragraph."""

from __future__ import annotations

from pathlib import Path

from tests.engine.content_pdfs import drawn_widths, shown_at, text_page_pdf
from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

LEFT = 72.0
FULL = [
    "The council agreed to review the parking charges in the town centre after",
    "residents raised concerns about the cost of short stays near the market and",
]


def _paragraphs(tmp_path: Path, lines: list[str]) -> list[str]:
    """The paragraphs read from ``lines`` set flush left, 12 points apart."""
    operators = [b"BT /F1 10 Tf"]
    operators += [shown_at(line, LEFT, 700 - 12 * k) for k, line in enumerate(lines)]
    operators.append(b"ET")
    path = text_page_pdf(tmp_path / "paragraphs.pdf", operators)
    return [block_text(b) for b in read_layout(path, max_pages=1).blocks]


def test_a_sentence_ending_short_of_the_edge_ends_its_paragraph(tmp_path: Path) -> None:
    lines = [*FULL, "the library.", *FULL, "the library on Saturdays."]
    read = _paragraphs(tmp_path, lines)
    assert read == [" ".join(lines[:3]), " ".join(lines[3:])], read


def test_a_ragged_line_without_room_for_the_next_word_goes_on(tmp_path: Path) -> None:
    # The sentence ends near the edge: the next line's first word would not have fitted.
    widths, _ = drawn_widths(tmp_path, [FULL[0], "Residents"])
    ending = "residents raised concerns about the cost of short stays in the market."
    (ending_width, word_width), _ = drawn_widths(tmp_path, [ending, "Residents"])
    assert widths[0] - ending_width < word_width  # (the case at hand)
    lines = [FULL[0], ending, "Residents also asked about the library."]
    read = _paragraphs(tmp_path, lines)
    assert read == [" ".join(lines)], read


def test_a_line_going_on_in_lower_case_goes_on(tmp_path: Path) -> None:
    lines = [*FULL, "the library, i.e.", "the building on the square, on Saturdays."]
    read = _paragraphs(tmp_path, lines)
    assert read == [" ".join(lines)], read


def test_short_lines_without_a_stop_stay_one_block(tmp_path: Path) -> None:
    # An address: short lines, each opening with a capital, none ending a sentence.
    lines = [*FULL, "Town Hall", "Market Street", "Riverton RT1 2AB"]
    read = _paragraphs(tmp_path, lines)
    assert read == [" ".join(lines)], read
