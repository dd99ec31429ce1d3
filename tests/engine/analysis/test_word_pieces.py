"""A word whose letters the content draws apart and out of order, its pieces set against
each other on the line: a form edited in place draws "ORGANISM" with the form's other lines
and its last letter "E" (with the rest of the line) after them, right where the word goes
on. Read as pieces of a line, the word would say "ORGANISM E"; set as close as its letters,
with no space drawn between, it is one word. Pieces a word space apart stay two words, and
so does a bracket set against a word (another text's "(b)"). Courier (``/F2``, 6 points a
letter at 10 points) places the pieces exactly."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Paragraph
from workers.engine.layout.reader import read_layout

from .test_letter_bullets_over_pages import _pages_pdf, _text


def _read_in_pieces(path: Path, first: str, letters_on: int, second: str) -> list[str]:
    """The paragraphs read from a line drawn as ``first``, then another line, then ``second``
    set ``letters_on`` letters right of where ``first`` starts."""
    _pages_pdf(path, [[
        _text("F2", 72, 700, first),
        _text("F2", 72, 640, "The form's other lines come between the two pieces."),
        _text("F2", 72 + 6 * letters_on, 700, second),
    ]])
    document = read_layout(path, max_pages=5)
    return [b.text for b in document.blocks if isinstance(b, Paragraph)]


def test_a_words_pieces_set_against_each_other_read_as_one_word(tmp_path: Path) -> None:
    head = "NOM ET ADRESSE DE L'ORGANISM"
    # The word's last letter, drawn later, where the first piece ends.
    read = _read_in_pieces(tmp_path / "pieces.pdf", head, len(head),
                           "E QUI REGLE VOS PRESTATIONS")
    assert "NOM ET ADRESSE DE L'ORGANISME QUI REGLE VOS PRESTATIONS" in read


def test_pieces_a_word_space_apart_stay_two_words(tmp_path: Path) -> None:
    head = "NOM ET ADRESSE DE L'ORGANISME"
    # One space's advance right of the first piece: a word space, not drawn.
    read = _read_in_pieces(tmp_path / "spaced.pdf", head, len(head) + 1,
                           "QUI REGLE VOS PRESTATIONS")
    assert "NOM ET ADRESSE DE L'ORGANISME QUI REGLE VOS PRESTATIONS" in read


def test_a_piece_after_a_drawn_space_keeps_it(tmp_path: Path) -> None:
    # The first piece ends in a space it draws; the next is set over that space's end.
    read = _read_in_pieces(tmp_path / "drawn.pdf", "VOIR LA ", len("VOIR LA"), "NOTICE JOINTE")
    assert "VOIR LA NOTICE JOINTE" in read


def test_a_bracket_set_against_a_word_opens_another_text(tmp_path: Path) -> None:
    # A figure's two parts side by side: the caption of part (a) runs to its column's edge,
    # where "(b)", opening the second part's caption, is set. Two texts: the space stays.
    first = "The graph drawn as"
    read = _read_in_pieces(tmp_path / "parts.pdf", first, len(first), "(b) Planar embedding")
    assert "The graph drawn as (b) Planar embedding" in read
