"""A row group's name set down the table's first column, centred over its rows between rules.

A table of results groups its rows under a name set once in the first column, centred down
the group's rows, the groups parted by rules across the table ("Single" beside the rows
"BM25", "DPR" and "BM25+DPR", a rule over them and under them; "Multi" between its two
rows). Read row by row, the name falls in the row it is level with, or the row under it
when it stands between two, and the group's other rows have no name: a screen reader
says "Single" with one row and nothing with the others. The name is the group's row
head, spanning its rows: set in the group's first row, over all of them.
"""

from __future__ import annotations

from collections.abc import Sequence

from .lines import Fragment
from .table_heads import Spans

#: The name's middle is within this share of its height of the middle of its rows.
CENTRED = 0.5
#: A rule across runs over this share of the table's width at least.
ACROSS = 0.8


def centred_row_groups(
    cells: list[list[Fragment | None]], heads: int, spans: Spans,
    runs: Sequence[tuple[float, float, float]],
) -> tuple[list[list[Fragment | None]], Spans]:
    """``cells`` and ``spans`` with each first-column name of the body (under the ``heads``
    rows) that is centred over a group of rows bounded by rules across (``runs``: left,
    right, height) or the table's ends, the group's other first cells empty, set in the
    group's first row and spanning its rows (see the module's note)."""
    body = range(heads, len(cells))
    if len(body) < 3 or any(k == 0 for (r, k) in spans if r >= heads):
        return cells, spans
    filled = [f for row in cells for f in row if f is not None]
    if not filled:
        return cells, spans
    left = min(f.x0 for f in filled)
    right = max(f.x1 for f in filled)
    across = sorted(y for x0, x1, y in runs if x1 - x0 >= ACROSS * (right - left))
    tops = [max((f.y1 for f in row if f is not None), default=0.0) for row in cells]
    bottoms = [min((f.y0 for f in row if f is not None), default=0.0) for row in cells]

    def ruled_between(upper: int, lower: int) -> bool:
        return any(tops[lower] < y < bottoms[upper] for y in across)

    def bounded_above(r: int) -> bool:
        return r == heads or ruled_between(r - 1, r)

    def bounded_below(r: int) -> bool:
        return r == len(cells) - 1 or ruled_between(r, r + 1)

    rows = [list(row) for row in cells]
    out = dict(spans)
    for r in body:
        name = rows[r][0]
        if name is None or sum(f is not None for f in rows[r][1:]) == 0:
            continue
        first = r
        while first - 1 >= heads and rows[first - 1][0] is None and not bounded_above(first):
            first -= 1
        last = r
        while last + 1 < len(rows) and rows[last + 1][0] is None and not bounded_below(last):
            last += 1
        if first == last or not (bounded_above(first) and bounded_below(last)):
            continue
        if any(all(f is None for f in rows[k][1:]) for k in range(first, last + 1)):
            continue  # (a row of the group with nothing in it: no row of data)
        middle = (tops[first] + bottoms[last]) / 2
        if abs((name.y0 + name.y1) / 2 - middle) > CENTRED * max(name.height, 1.0):
            continue
        rows[r][0], rows[first][0] = None, name
        out[(first, 0)] = (last - first + 1, 1)
    return rows, out
