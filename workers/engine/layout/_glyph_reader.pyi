# Types of the C accelerator built from _glyph_reader.c (see glyphs.py).
from collections.abc import Callable, Iterable
from typing import Any

def read_glyphs(
    out: list[Any],
    chars: str | list[str],
    text_page: int,
    count: int,
    functions: tuple[int, int, int, int],
    glyph_class: type,
    info_of: Callable[[int, int], Any],
    fonts: tuple[
        tuple[int, int, int, int] | tuple[int, int, int, int, int, int, int]
        | tuple[int, int, int, int, int, int, int, int, int],
        dict[int, tuple[str, bool, bool]],
        Callable[[int], tuple[str, bool, bool]],
        Callable[[int], bool],
        dict[int, int],
        int,
    ] | None = None,
    /,
) -> None: ...

def walk_objects(
    page: int,
    functions: tuple[int, int, int, int, int, int, int],
    rect_class: type,
    images: list[Any],
    rules: list[Any],
    paths: list[Any],
    on_image: Callable[[int, Any], None] | None,
    kind_names: dict[int, str],
    max_objects: int,
    max_paths: int,
    rule_thickness: float,
    /,
) -> tuple[dict[int, int], list[str], list[int], int]: ...

def aligned_chars(
    text_page: int, count: int, text: str, get_unicode: int, /
) -> list[str]: ...

def glyph_objects(glyphs: list[Any], glyph_class: type, /) -> set[int]: ...

def object_boxes(
    page: int, stop: int, skip: dict[int, int], get_object: int, get_bounds: int, /
) -> tuple[list[int], list[tuple[float, float, float, float]]]: ...

def objects_by_size(
    page: int, indices: list[int], get_object: int, get_bounds: int, /
) -> list[tuple[float, int, int, float, float, float, float]] | None: ...

def clip_boxes(
    page: int,
    indices: list[int],
    functions: tuple[int, int, int, int, int, int],
    min_side: float,
    /,
) -> dict[int, tuple[float, float, float, float]]: ...

def text_paints(
    page: int, indices: Iterable[int], functions: tuple[int, int, int, int], near_white: int, /
) -> dict[int, int]: ...

def round_one(value: float, /) -> float: ...
