"""Two right-to-left fragments of one line joined by ``lines()``: the joined fragment's glyphs
come as its text reads them, the right one first (the tagger orders an element's drawing by
the glyphs' page objects, so the element's marked content is listed as the line is read)."""

from __future__ import annotations

from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import fragments, lines


def _word(text: str, right: float, obj: int) -> list[Glyph]:
    """``text`` (logical order) set right to left from ``right``, one page object."""
    out = []
    for k, char in enumerate(text):
        x1 = right - 6 * k
        out.append(Glyph(char, x1 - 6, 700, x1, 712, 12.0, False, "F", obj, -1))
    return out


def test_joined_right_to_left_fragments_keep_reading_order() -> None:
    first, second = "\u05d0\u05d1\u05d2", "\u05d3\u05d4\u05d5"
    # The left word is drawn first, then the right one (first in reading).
    frags = fragments(_word(second, 196, 2)) + fragments(_word(first, 220, 1))
    assert [f.text for f in frags] == [second, first]
    (line,) = lines(frags)
    (joined,) = line.fragments
    assert joined.text == f"{first} {second}"
    assert [g.obj for g in joined.glyphs] == [1, 1, 1, 2, 2, 2]


def test_joined_left_to_right_fragments_keep_drawing_order() -> None:
    left = [Glyph(c, 100 + 6 * k, 700, 106 + 6 * k, 712, 12.0, False, "F", 1, -1)
            for k, c in enumerate("abc")]
    right = [Glyph(c, 122 + 6 * k, 700, 128 + 6 * k, 712, 12.0, False, "F", 2, -1)
             for k, c in enumerate("def")]
    (line,) = lines(fragments(right) + fragments(left))
    (joined,) = line.fragments
    assert joined.text == "abc def"
    assert [g.obj for g in joined.glyphs] == [1, 1, 1, 2, 2, 2]
