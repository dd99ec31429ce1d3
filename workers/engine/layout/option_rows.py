"""A form's options set along one line, each opening with its box to tick: after their
question ("1. Branch  [ ] Army  [ ] Navy"), or alone ("[ ] PTSD  [ ] TBI"). Each option is an
entry of its own, not the line before it read on. The box is drawn (:mod:`.tick_boxes`) or
printed as a character (:mod:`.box_glyphs`).

Where a piece after the options on their line opens with no box, the options come before
their question ("[x] Yes  [ ] No   Charges filed?"): that line is read on as one, answers and
question together, as it reads aloud (parted, "No" would open "No charges filed?")."""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import same_line
from .box_glyphs import opens_with_box
from .lines import Fragment
from .tick_boxes import TickBoxes


def gap_of(last: Fragment, f: Fragment) -> tuple[float, float]:
    """The stretch across between ``last`` and ``f``, the next piece along its line (right to
    left in right-to-left text)."""
    return (f.x1, last.x0) if last.rtl else (last.x1, f.x0)


class OptionRows:
    """Asks whether a piece opens an option of its own on its line, among the page's pieces
    ``frags`` (line by line, each line left to right), with the page's drawn ``ticks``."""

    def __init__(self, frags: Sequence[Fragment], ticks: TickBoxes | None) -> None:
        self.frags = frags
        self.ticks = ticks
        #: id of a piece -> its place in ``frags`` (on the first question: most pages ask none).
        self.places: dict[int, int] | None = None

    def _led(self, before: Fragment, f: Fragment) -> bool:
        """Whether a box to tick opens ``f``, the piece after ``before`` on its line."""
        return opens_with_box(f) or (
            self.ticks is not None and self.ticks.lead(f, gap_of(before, f))
        )

    def opens_option(self, last: Fragment, f: Fragment) -> bool:
        """Whether ``f``, the piece after ``last`` along their line, opens an option of its
        own: a box to tick leads it, and one leads every piece after it on the line."""
        if not self._led(last, f):
            return False
        if self.places is None:
            self.places = {id(g): k for k, g in enumerate(self.frags)}
        at = self.places.get(id(f))
        if at is None:
            return True
        frags = self.frags
        step = -1 if f.rtl else 1
        before, k = f, at + step
        while 0 <= k < len(frags) and same_line(frags[k], f):
            after = frags[k]
            if not self._led(before, after):
                return False  # the question after its options: the line reads on
            before, k = after, k + step
        return True
