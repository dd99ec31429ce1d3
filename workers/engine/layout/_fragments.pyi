# Types of the C extension built from _fragments.c (see lines.py).
from typing import Any

def fragments(
    glyphs: list[Any], fragment_class: type, fragment_gap: float, space_gap: float, /
) -> list[Any]: ...
def letter_boldness(glyphs: list[Any], /) -> tuple[int, int]: ...
