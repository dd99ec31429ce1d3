"""Boxes to tick on a form: small squares drawn just before a piece of text on its line (an
option's box: "[ ] ARMY  [ ] NAVY"; an answer's under its question: "[ ] PTSD"). The piece
a box leads is an entry of its own: options set side by side are not one line read on, nor
is an option set under a question that question's paragraph going on."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence

from .glyphs import Rect
from .lines import Fragment

#: A box to tick is a square (its shorter side at least this share of its longer one: the
#: rounding of its drawing, a frame drawn round a filled square)...
SQUARE = 0.8
#: ... whose side is between these shares of the height of the text it leads (a bullet
#: drawn as a square is smaller; a box holding text is larger than the text)...
SIDE = (0.5, 1.4)
#: ... standing before the text by at most this many heights of the text, level with it:
#: their middles apart by at most this share of its height (a box set between the two lines
#: of an option wrapped leads neither: it is the option's, whose first line goes on a block).
GAP = 1.0
LEVEL = 0.25
#: A stretch across holding every box (see :meth:`TickBoxes.lead`).
EVERYWHERE = (-math.inf, math.inf)


class TickBoxes:
    """The page's small squares (among ``shapes``), asked whether one leads a piece of text.
    Worked out on the first question (most pages ask none: it is asked only of pieces that
    would go on a block)."""

    def __init__(self, shapes: Sequence[Rect]) -> None:
        self.shapes = shapes
        #: The squares by where their right sides stand (their places, and the squares).
        self.index: tuple[list[float], list[Rect]] | None = None

    def _squares(self) -> tuple[list[float], list[Rect]]:
        squares = sorted(
            (s for s in self.shapes
             if min(s.x1 - s.x0, s.y1 - s.y0) >= SQUARE * max(s.x1 - s.x0, s.y1 - s.y0) > 0),
            key=lambda s: s.x1,
        )
        return [s.x1 for s in squares], squares

    def squares(self) -> list[Rect]:
        """The squares, by where their right sides stand (worked out on the first question;
        the block loop in C looks them up itself)."""
        if not self.shapes:
            return []
        if self.index is None:
            self.index = self._squares()
        return self.index[1]

    def lead(self, f: Fragment, within: tuple[float, float]) -> bool:
        """Whether a box to tick stands just before ``f`` (on its left; on its right for
        right-to-left text), level with it, and ``within`` the stretch across of the lines
        above (a form's option under its question: a dot drawn out in the margin beside a
        paragraph's line, a picture's, leads no option)."""
        if not self.shapes:
            return False
        if self.index is None:
            self.index = self._squares()
        places, squares = self.index
        if not squares:
            return False
        height = f.y1 - f.y0
        middle = (f.y0 + f.y1) / 2
        if f.rtl:
            candidates: Sequence[Rect] = [
                s for s in squares if f.x1 - 0.5 <= s.x0 <= f.x1 + GAP * height
            ]
        else:
            first = bisect.bisect_left(places, f.x0 - GAP * height)
            candidates = squares[first:bisect.bisect_right(places, f.x0 + 0.5)]
        start, end = within[0] - 0.5 * height, within[1] + 0.5 * height
        return any(
            start <= s.x0 and s.x1 <= end
            and SIDE[0] * height <= s.y1 - s.y0 <= SIDE[1] * height
            and abs((s.y0 + s.y1) / 2 - middle) <= LEVEL * height
            for s in candidates
        )
