"""Type stub of the C extension built from _column_gap.c (order.py's widest gap across x)."""

from typing import Any

def widest_x_gap(items: list[Any], /) -> tuple[float, int, list[Any]] | None: ...
def gap_measures(
    items: list[Any], bounds: list[tuple[int, int]], wide: float, /
) -> list[tuple[float, float, float]] | None: ...
def horizontal_cuts(
    items: list[Any], share: float, leading: float, limit: int, top_down: bool, /
) -> tuple[list[Any], list[int]] | None: ...
