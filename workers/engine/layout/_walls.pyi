"""Type stub of the C extension built from _walls.c (walls._neighbours)."""

from typing import Any

def neighbours(
    boxes: list[Any], thick: float, shared_edge: float, /
) -> list[tuple[Any, Any]] | None: ...
def clusters_grown(shapes: list[Any], gap: float, /) -> list[list[Any]] | None: ...
