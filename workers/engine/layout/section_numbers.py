"""Which headings' opening numbers are section numbers, whose depth gives their level.

A heading opening with "2.3.1" is one level below "2.3": the depth of its number rules over
its face. But not every number opening a heading numbers a section. A change log heads each
release with its version, newest first ("1.4.6 (2024-05-18)", "1.4.5 (2024-03-02)" … "1.2
(2018-09-01)"): three figures deep, then two, and every release one level all the same.
Section numbers go up through a document ("2.1", "2.2", "3.1"); versions listed newest first
go down. So the headings of a depth whose numbers mostly go down, from one to the next, are
left out of the section numbering, and their faces (or bookmarks) give their levels.

>>> counting_down([(1, 4, 6), (1, 4, 5), (1, 4, 4)]), counting_down([(2, 1), (2, 2), (3, 1)])
(True, False)
"""

from __future__ import annotations

from collections.abc import Sequence

from ..document import Heading
from .patterns import NUMBERED

Number = tuple[int, ...]


def counting_down(numbers: Sequence[Number]) -> bool:
    """Whether a series of numbers, in the document's order, goes down more often than not
    from one to the next (two steps at least: one step down is a numbering started again,
    an appendix's "1" after "7")."""
    steps = list(zip(numbers, numbers[1:], strict=False))
    return len(steps) >= 2 and 2 * sum(b < a for a, b in steps) > len(steps)


def section_numbered(heads: Sequence[Heading]) -> list[tuple[Heading, int]]:
    """The headings opening with a section number, each with its number's depth ("2.3.1":
    3), in order; numbers of a depth that counts down (versions, newest first) are none."""
    numbered: list[tuple[Heading, Number]] = []
    for h in heads:
        if match := NUMBERED.match(h.text):
            numbered.append((h, tuple(int(n) for n in match.group(1).split("."))))
    by_depth: dict[int, list[Number]] = {}
    for _, number in numbered:
        by_depth.setdefault(len(number), []).append(number)
    down = {depth for depth, numbers in by_depth.items() if counting_down(numbers)}
    return [(h, len(number)) for h, number in numbered if len(number) not in down]
