"""Type stub of the C extension built from _block_loop.c (reader._text_blocks' loop)."""

from collections.abc import Callable
from typing import Any

def text_blocks(
    frags: list[Any], asks: Any, open_blocks: list[Any], block_starts: dict[int, list[float]],
    leading: float, block_gap: float, line_step: float, line_step_tall: float,
    starts_item: Callable[[str], bool], is_marker: Callable[[str], bool], /,
) -> list[Any] | None: ...
