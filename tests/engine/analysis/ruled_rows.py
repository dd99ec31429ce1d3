"""Drawing tables ruled across only, for the tests of group heads over their columns:
a line of text, a rule, and the rows of figures under a table's heads."""

from __future__ import annotations

from collections.abc import Sequence

#: The left and right ends of the tables' rules.
LEFT, RIGHT = 72.0, 480.0


def show(x: float, y: float, text: str) -> bytes:
    """``text`` in /F1 at 8 points from (x, y)."""
    return f"BT /F1 8 Tf {x} {y} Td ({text}) Tj ET".encode()


def across(left: float, right: float, y: float) -> bytes:
    """A rule from ``left`` to ``right`` at height ``y``."""
    return f"{left} {y} {right - left} 0.6 re f".encode()


def figure_rows(columns: Sequence[float]) -> list[bytes]:
    """Five rows under the heads: a year in the first column, a figure in each other."""
    ops: list[bytes] = []
    for r in range(5):
        y = 686 - 12 * r
        ops += [show(columns[0], y, str(2001 + r))]
        ops += [show(x, y, f"{3 + k},{400 + 17 * r + k}") for k, x in enumerate(columns[1:])]
    return ops
