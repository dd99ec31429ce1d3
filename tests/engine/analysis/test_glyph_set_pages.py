"""A page set a glyph to a page object: pdfium's line ends after every letter are no spaces.

Chromium places each letter of some pages with its own positioning, and pdfium then ends a
"line" after every letter. Runs of four letters or more were already read whole by
``lines.fragments``; the short words between them ("My", "if", "the") and fragments without
such a run kept a space between their letters. The page's many runs show how it is set, and
every such line end between touching letters is then taken out when the page is read.
"""

from __future__ import annotations

from workers.engine.layout import glyph_line_ends, lines
from workers.engine.layout.glyphs import Glyph

SIZE = 10.5
LETTER = 4.7  # each letter's advance: the glyphs touch
WORD_SPACE = 2.4


def _glyph_set_line(text: str, y: float = 700.0) -> list[Glyph]:
    """Each letter its own page object, touching the one before, two line ends pdfium made
    (drawn by no object) after it; a word space's gap between words."""
    out: list[Glyph] = []
    x = 72.0
    for k, ch in enumerate(text):
        if ch == " ":
            x += WORD_SPACE
            continue
        out.append(Glyph(ch, x, y, x + LETTER, y + SIZE, SIZE, False, "Serif", k, -1))
        x += LETTER
        for _ in range(2):
            out.append(Glyph(" ", x, y, x, y + SIZE, SIZE, False, "Serif", -1, -1))
    return out


def _text(glyphs: list[Glyph]) -> list[str]:
    return [f.text for f in lines.fragments(glyphs)]


def test_short_words_on_a_glyph_set_page_are_read_whole() -> None:
    page = (_glyph_set_line("My buggy program dies", 700.0)
            + _glyph_set_line("if you are", 686.0)
            + _glyph_set_line("none.", 672.0))
    assert _text(page) != ["My buggy program dies", "if you are", "none."]  # (without)
    kept = glyph_line_ends.without_glyph_line_ends(page)
    assert _text(kept) == ["My buggy program dies", "if you are", "none."]


def test_word_spaces_stay_on_a_glyph_set_page() -> None:
    kept = glyph_line_ends.without_glyph_line_ends(_glyph_set_line("a b cde fghi jklm nopq"))
    assert _text(kept) == ["a b cde fghi jklm nopq"]


def test_a_page_set_the_usual_way_keeps_line_ends_between_touching_words() -> None:
    # Words set tight, each its own text object, touching: pdfium's line end between two is
    # their word space. Without runs of letters so set, the page is no glyph-set page.
    words = [Glyph(w, 72.0 + 20 * k, 700.0, 92.0 + 20 * k, 700.0 + SIZE, SIZE, False, "Serif",
                   k, -1) for k, w in enumerate("abcdefgh")]
    page: list[Glyph] = []
    for g in words:
        page.append(g)
        page.append(Glyph(" ", g.x1, 700.0, g.x1, 700.0 + SIZE, SIZE, False, "Serif", -1, -1))
    assert glyph_line_ends.without_glyph_line_ends(page) is page


def test_too_few_runs_leave_the_page_as_it_is() -> None:
    page = _glyph_set_line("one word of more")
    assert glyph_line_ends.without_glyph_line_ends(page) is page  # (two runs: "word", "more")


def test_the_quick_test_reads_pdfium_text_line_ends() -> None:
    assert glyph_line_ends.looks_glyph_set("M\r\ny\r\n \r\nb\r\nu\r\n")
    assert not glyph_line_ends.looks_glyph_set("A line of ordinary text\r\nand another\r\n")
    assert not glyph_line_ends.looks_glyph_set("")
