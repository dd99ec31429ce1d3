# Types of the C extension built from _glyph_boxes.c (see split_text.py).

from ..layout.glyphs import Glyph

def held_by(
    glyphs: list[Glyph], boxes: list[tuple[float, float, float, float]], tolerance: float,
    loose: bool, /,
) -> list[int] | None: ...
