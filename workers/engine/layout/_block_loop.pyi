"""Type stub of the C extension built from _block_loop.c (reader._text_blocks' loop)."""

from collections.abc import Callable
from typing import Any

def text_blocks(
    frags: list[Any], asks: Any, open_blocks: list[Any], block_starts: dict[int, list[float]],
    leading: float, block_gap: float, line_step: float, line_step_tall: float,
    starts_item: Callable[[str], bool], is_marker: Callable[[str], bool],
    verify: bool = False, /,
) -> list[Any] | None: ...
def configure(
    *, fragment_gap: float, column_edge: float, label_size_step: float, label_raise: float,
    vertical_rule_slack: float, gutter_step: float, face_size_step: float, indent_min: float,
    indent_max: float, rule_over_capitals: float, tick_gap: float, tick_level: float,
    tick_side_min: float, tick_side_max: float, marker_step: float, key_step: float,
    spread_step: float, line_reach_step: float, line_reach_edge: float,
    short_line_space: float, short_line_slack: float,
    label_letters: int, run_on_words: int, column_line_words: int, box_glyphs: str,
) -> None: ...
