"""Lines in one face numbered one after another ("1 Defend …", "2 Disrupt …", "3 Shape …"):
the parts of one sequence, which the author set alike, so they are read alike. A test that
sets some of them aside as no headings (a picture behind two of them, taken for a chart they
label) while the rest stand is outvoted: the treatment most of the run gets is given to all
of it. A tie leaves each as judged.

A run is :data:`MIN_RUN` lines at least, each numbered one more than the line before it in
one face (size and weight), in reading order; lines of other faces between them do not break
it (a section's body runs between its numbered titles)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from .blocks import Block

#: A run is this many numbered lines at least (two alike may be chance).
MIN_RUN = 3
#: "1 Title", "2. Title", "3) Title": a whole number alone, then the title's words.
_LEAD = re.compile(r"^(\d{1,3})[.)]?\s+(?=\S)")


def numbered_runs(blocks: Iterable[Block], candidate: Callable[[Block], bool]) -> list[list[Block]]:
    """The runs among ``blocks`` (in reading order) of lines for which ``candidate`` holds."""
    open_runs: dict[tuple[float, bool], list[tuple[int, Block]]] = {}
    runs: list[list[Block]] = []
    for block in blocks:
        lead = _LEAD.match(block.text)
        if lead is None or not candidate(block):
            continue
        number = int(lead.group(1))
        face = (round(block.size, 1), block.bold)
        run = open_runs.get(face)
        if run and run[-1][0] + 1 == number:
            run.append((number, block))
            continue
        if run and len(run) >= MIN_RUN:
            runs.append([b for _, b in run])
        open_runs[face] = [(number, block)]
    runs.extend([b for _, b in run] for run in open_runs.values() if len(run) >= MIN_RUN)
    return runs


def outvoted(runs: list[list[Block]], set_aside: set[int]) -> tuple[set[int], set[int]]:
    """Which ids of ``set_aside`` go back (their run mostly stands) and which join it (their
    run is mostly set aside): (given back, added)."""
    back: set[int] = set()
    added: set[int] = set()
    for run in runs:
        aside = [id(b) for b in run if id(b) in set_aside]
        kept = [id(b) for b in run if id(b) not in set_aside]
        if len(kept) > len(aside):
            back.update(aside)
        elif len(aside) > len(kept):
            added.update(kept)
    return back, added
