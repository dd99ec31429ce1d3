# Types of the C accelerator built from _glyph_reader.c (see glyphs.py).
from collections.abc import Callable
from typing import Any

def read_glyphs(
    out: list[Any],
    chars: str | list[str],
    text_page: int,
    count: int,
    functions: tuple[int, int, int, int],
    glyph_class: type,
    info_of: Callable[[int, int], Any],
    /,
) -> None: ...
