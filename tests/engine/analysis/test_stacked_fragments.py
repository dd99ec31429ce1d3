"""Two lines of one column chained into one line group by a line of the column beside it,
set at another leading: their fragments, one above the other, stay apart (merged, "1.2:"
and "1.3:" would read as one piece, both numbers before both items)."""

from __future__ import annotations

from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import fragments, lines


def _word(text: str, x: float, y: float, height: float, obj: int) -> list[Glyph]:
    width = 0.6 * height
    return [Glyph(c, x + width * k, y, x + width * (k + 1), y + height, height, False, "F",
                  obj, -1) for k, c in enumerate(text)]


def _page() -> list[Glyph]:
    # Body text at 13 points with its own leading, level with both list lines at 9.6.
    body = _word("carrying", 25, 527, 13, 1)
    first = _word("1.2:", 386, 532, 9.6, 2)
    second = _word("1.3:", 386, 522.5, 9.6, 3)
    return body + first + second


def test_fragments_one_above_the_other_are_not_merged() -> None:
    pieces = [f.text for line in lines(fragments(_page())) for f in line.fragments]
    assert sorted(pieces) == ["1.2:", "1.3:", "carrying"]


def test_fragments_side_by_side_are_still_merged() -> None:
    glyphs = _word("1.2:", 386, 532, 9.6, 2) + _word("Scale", 413, 532, 9.6, 2)
    (line,) = lines(fragments(glyphs[4:]) + fragments(glyphs[:4]))
    assert [f.text for f in line.fragments] == ["1.2: Scale"]
