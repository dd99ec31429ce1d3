"""Type stub of the C extension built from _column_gap.c (order.py's widest gap across x)."""

from typing import Any

def widest_x_gap(items: list[Any], /) -> tuple[float, int, list[Any]] | None: ...
