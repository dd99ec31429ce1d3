"""Line ends pdfium reports inside a word: text set one glyph to a page object.

Chromium places each letter of some lines with its own positioning (far down a long page,
where the coordinates are large), and pdfium then ends a "line" after every letter: two
spaces of its own between letters that touch. Read as spaces they spell every word out
("O c c a s i o n a l l y"); the letters touch, so they are one word. A word space there is
as wide as any and still parts the words.
"""

from __future__ import annotations

import pytest

from workers.engine.layout import lines
from workers.engine.layout.glyphs import Glyph

SIZE = 10.5
#: The letters' advances, LiberationSerif at 10.5 pt, rounded.
WIDTH = {"O": 7.6, "c": 4.7, "a": 4.7, "s": 4.1, "i": 2.9, "o": 5.3, "n": 5.3, "l": 2.9,
         "y": 5.3, "V": 7.6, "g": 5.3, "r": 3.5, "d": 5.3}


def _glyphs_with_line_ends(text: str, word_space: float) -> list[Glyph]:
    """Each letter its own page object, touching the one before; two spaces pdfium made (no
    object drew them: its line ends) after every letter; a space's width between words."""
    out: list[Glyph] = []
    x = 72.0
    for k, ch in enumerate(text):
        if ch == " ":
            x += word_space
            continue
        out.append(Glyph(ch, x, 700.0, x + WIDTH[ch], 700.0 + SIZE, SIZE, False, "Serif", k, -1))
        x += WIDTH[ch]
        for _ in range(2):
            out.append(Glyph(" ", x, 700.0, x, 700.0 + SIZE, SIZE, False, "Serif", -1, -1))
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
