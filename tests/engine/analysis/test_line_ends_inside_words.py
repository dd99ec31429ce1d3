"""Line ends pdfium reports inside a word: text set one glyph to a page object.

Chromium places each letter of some lines with its own positioning (far down a long page,
where the coordinates are large), and pdfium then ends a "line" after every letter: two
spaces of its own between letters that touch. Read as spaces they spell every word out
("O c c a s i o n a l l y"); the letters touch, so they are one word. A word space there is
as wide as any and still parts the words.
"""

from __future__ import annotations

import pytest

from workers.engine.layout import glyph_line_ends, lines
from workers.engine.layout.glyphs import Glyph

SIZE = 10.5
#: The letters' advances, LiberationSerif at 10.5 pt, rounded.
WIDTH = {"O": 7.6, "c": 4.7, "a": 4.7, "s": 4.1, "i": 2.9, "o": 5.3, "n": 5.3, "l": 2.9,
         "y": 5.3, "V": 7.6, "g": 5.3, "r": 3.5, "d": 5.3}


def _glyphs_with_line_ends(text: str, word_space: float, y: float = 700.0) -> list[Glyph]:
    """Each letter its own page object, touching the one before; two spaces pdfium made (no
    object drew them: its line ends) after every letter; a space's width between words."""
    out: list[Glyph] = []
    x = 72.0
    for k, ch in enumerate(text):
        if ch == " ":
            x += word_space
            continue
        width = WIDTH.get(ch, 4.7)
        out.append(Glyph(ch, x, y, x + width, y + SIZE, SIZE, False, "Serif", k, -1))
        x += width
        for _ in range(2):
            out.append(Glyph(" ", x, y, x, y + SIZE, SIZE, False, "Serif", -1, -1))
    return out


@pytest.fixture(params=["c", "python"])
def fragment_loop(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    if request.param == "python":
        monkeypatch.setattr(lines, "_accelerator", None)
    return str(request.param)


def test_line_ends_between_touching_letters_break_no_word(fragment_loop: str) -> None:
    found = lines.fragments(_glyphs_with_line_ends("Occasionally Valgrind", 2.6))
    assert [f.text for f in found] == ["Occasionally Valgrind"]


def test_a_line_end_across_a_word_space_is_still_a_space(fragment_loop: str) -> None:
    found = lines.fragments(_glyphs_with_line_ends("Occasionally Valgrind", 2.6))
    assert " " in found[0].text


# The page as a whole (layout/glyph_line_ends.py): runs of four letters or more were read
# whole by lines.fragments alone; the short words between them ("My", "if", "the") and
# fragments without such a run kept a space between their letters. The page's many runs show
# how it is set, and every such line end between touching letters is taken out when the page
# is read.


def _text(glyphs: list[Glyph]) -> list[str]:
    return [f.text for f in lines.fragments(glyphs)]


def test_short_words_on_a_glyph_set_page_are_read_whole() -> None:
    page = (_glyphs_with_line_ends("My buggy program dies", 2.4, 700.0)
            + _glyphs_with_line_ends("if you are", 2.4, 686.0)
            + _glyphs_with_line_ends("none.", 2.4, 672.0))
    assert _text(page) != ["My buggy program dies", "if you are", "none."]  # (the fragments alone)
    kept = glyph_line_ends.without_glyph_line_ends(page)
    assert _text(kept) == ["My buggy program dies", "if you are", "none."]


def test_word_spaces_stay_on_a_glyph_set_page() -> None:
    kept = glyph_line_ends.without_glyph_line_ends(
        _glyphs_with_line_ends("a b cde fghi jklm nopq", 2.4)
    )
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
    page = _glyphs_with_line_ends("one word of more", 2.4)
    assert glyph_line_ends.without_glyph_line_ends(page) is page  # (two runs: "word", "more")


def test_the_quick_test_reads_pdfium_text_line_ends() -> None:
    assert glyph_line_ends.looks_glyph_set("M\r\ny\r\n \r\nb\r\nu\r\n")
    assert not glyph_line_ends.looks_glyph_set("A line of ordinary text\r\nand another\r\n")
    assert not glyph_line_ends.looks_glyph_set("")
