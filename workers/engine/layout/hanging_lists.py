"""Terms and their descriptions set with a hanging indent (a manual's options and keys, a
glossary): each term at the left margin, its description opening on the same line at a
common indent past it and going on at that indent below; a term too long for the indent
stands on a line of its own, its description starting at the indent on the next line. The
terms and the first lines beside them look like the rows of a table of two columns, and a
description's lines under its first like that column's cells wrapped; read as a table, a
description's lines are parted among rows and put beside the next term. Each entry is one
block instead: its term, then its description, as it reads aloud.

The shape is told by the lines alone: every line starts at one of two places, the terms'
margin or the descriptions' indent; a line at the margin holds a term before the indent
(its description past a gap at the indent) or a term running past the indent, alone (a
short line alone at the margin over indented text is a heading, and no such list); some
description runs on over lines of its own at the indent, filled out to a common right edge
as running text is (a table's wrapped cell rarely holds sentences); and no description
holds a piece standing apart from its line's text (a third column)."""

from __future__ import annotations

import itertools
import statistics

from .lines import Fragment, Line

#: Entries a run holds at least to be read as terms and their descriptions.
MIN_ENTRIES = 3
#: How far (in line heights) a line's start may stray from the margin or the indent.
START_SLACK = 0.3
#: A description's first piece stands this far (in line heights) at least past its term.
TERM_GAP = 0.5
#: Pieces of one line of text stand less than this far apart (in line heights): a word
#: space, or the wider space after a sentence, stretched to fill the line out.
TEXT_GAP = 1.2
#: A term's size differs from its description's by this share of it at most (a heading
#: over indented text is set larger).
SIZE_STEP = 0.05
#: A term alone on its line runs within this much (in line heights) of the indent at least.
ALONE_SHORT = 1.0
#: A description's line with another under it reaches this share of the width from the
#: indent to the descriptions' right edge at least (running text filled out to the margin,
#: ragged by a word at most).
FILLED = 0.8
#: Lines of a description follow each other within this much (in line heights) more than
#: its closest lines do (an entry of a nested list set apart is no wrapped line).
ENTRY_GAP = 0.15
#: The descriptions are this many times as wide as the terms' column at least: the terms
#: short, the descriptions running text across the rest of the width.
TERMS_NARROW = 2.5
#: What a description's last line, filled out to the right edge, ends with: the end of
#: its last sentence.
SENTENCE_ENDS = frozenset(".:;!?)]\"'”’")


def hanging_entries(run: list[Line]) -> list[list[Fragment]] | None:
    """The run's entries, each its term's pieces then its description's (line by line),
    when ``run`` (lines top to bottom, each left to right) is a list of terms set with a
    hanging indent; None when it is not. Lines at the indent before the first term (a
    description going on from above) are left out, to be read with the text above them, as
    is a term alone at the foot, to be read with its description below. A description may
    hold a list of its own set further in (a key's modifiers under it): its entries follow
    their owner's, each one."""
    if len(run) < MIN_ENTRIES + 1:
        return None
    height = max(f.y1 - f.y0 for line in run for f in line.fragments)
    slack = START_SLACK * height
    margin = min(line.fragments[0].x0 for line in run)
    opening = [line for line in run if line.fragments[0].x0 > margin + slack]
    if not opening:
        return None
    indent = min(line.fragments[0].x0 for line in opening)
    if indent - margin < 2 * height:
        return None
    size = statistics.median(
        f.size for line in opening for f in line.fragments if f.x0 >= indent - slack
    )
    deeper = _nested_stops(opening, indent, indent - margin, slack, height)
    lead: list[Line] = []
    entries: list[list[Line]] = []
    described: list[bool] = []  # (per entry: whether its description has begun)
    own_lines = 0  # description lines at the indent, under their first
    for line in run:
        frags = line.fragments
        x0 = frags[0].x0
        if x0 >= indent - slack:
            if not entries:
                if x0 > indent + slack or not _one_line_of_text(frags, height):
                    return None
                lead.append(line)  # (a description going on from above the run)
                continue
            if x0 > indent + slack and not described[-1]:
                return None  # (a nested list under a term with no description)
            if x0 <= indent + slack:
                if not _one_line_of_text(frags, height) and not _nested_term(
                    frags, deeper, slack, height
                ):
                    return None
                own_lines += described[-1]
            entries[-1].append(line)
            described[-1] = True
            continue
        if abs(x0 - margin) > slack:
            return None  # a third place lines start at
        split = _term_end(frags, indent, slack, height)
        if split is None:
            return None
        if split == len(frags) and frags[-1].x1 < indent - ALONE_SHORT * height:
            return None  # a short line alone at the margin: a heading over text, or prose
        if any(abs(f.size - size) > SIZE_STEP * size for f in frags[:split]):
            return None  # a term set larger or smaller than the text: a heading, a label
        if split < len(frags) and not _one_line_of_text(frags[split:], height):
            return None
        entries.append([line])
        described.append(split < len(frags))
    pitch = None if (
        len(entries) < MIN_ENTRIES or not all(described[:-1]) or own_lines == 0
    ) else _set_as_entries(lead, entries, indent, slack, height)
    if pitch is None:
        return None
    if not described[-1]:
        # A term alone at the run's foot: its description, under it, is outside the run;
        # the term is left to be read with it as text.
        entries.pop()
    out: list[list[Fragment]] = []
    for lines in entries:
        nested = None
        if any(line.fragments[0].x0 > indent + slack for line in lines):
            for k in range(1, len(lines) - 2):
                nested = hanging_entries(lines[k:])
                if nested is not None:
                    lines = lines[:k]
                    break
        out.extend(_paragraphs(lines, indent, pitch + ENTRY_GAP * height, slack))
        out.extend(nested or ())
    return out


def _top(line: Line) -> float:
    return line.fragments[0].y1


def _paragraphs(
    lines: list[Line], indent: float, step: float, slack: float
) -> list[list[Fragment]]:
    """The pieces of an entry's ``lines``, parted where a line at the indent stands
    further than ``step`` under the line above (a description's next paragraph)."""
    out = [list(lines[0].fragments)]
    for a, b in itertools.pairwise(lines):
        if abs(b.fragments[0].x0 - indent) <= slack and _top(a) - _top(b) > step:
            out.append([])
        out[-1].extend(b.fragments)
    return out


def _set_as_entries(
    lead: list[Line], entries: list[list[Line]], indent: float, slack: float, height: float
) -> float | None:
    """The pitch of the descriptions' lines when ``entries`` (each its lines, its term's
    first, after the lines ``lead``) are set as a list's entries (None when not): the
    descriptions running text much wider than the terms' column, each description's
    wrapped lines filled out to the descriptions' right edge (its sentences running on; a
    table's cell wraps short as often), and its last line ending a sentence where it
    reaches that edge (not running on beside the next term, as a column of labels' wrapped
    lines beside a paragraph would)."""
    within = sorted(
        _top(a) - _top(b) for lines in entries for a, b in itertools.pairwise(lines)
        if b.fragments[0].x0 <= indent + slack
    )
    if not within:
        return None
    pitch = within[len(within) // 4]  # (the pitch of wrapped lines; nested entries are apart)
    desc = [line for lines in [lead, *entries] for line in lines
            if line.fragments[-1].x0 >= indent - slack]
    right = max(line.fragments[-1].x1 for line in desc)
    margin = entries[0][0].fragments[0].x0
    if right - indent < TERMS_NARROW * (indent - margin):
        return None  # (two columns of a like width: a table's, or lists side by side)
    for lines in [lead, *entries[:-1]]:
        if not lines:
            continue
        last = lines[-1].fragments[-1]
        if (
            last.x0 >= indent - slack and last.x1 >= indent + FILLED * (right - indent)
            and last.text.rstrip()[-1:] not in SENTENCE_ENDS
        ):
            return None  # a sentence running on beside the next term: no entry's end
    wrapped = 0
    for lines in [lead, *entries]:
        for a, b in itertools.pairwise(lines):
            if (
                a.fragments[-1].x0 >= indent - slack and b.fragments[0].x0 <= indent + slack
                and _top(a) - _top(b) < pitch + ENTRY_GAP * height
            ):  # (a description's line wrapped; a term alone over it is no such line)
                if a.fragments[-1].x1 < indent + FILLED * (right - indent):
                    return None
                wrapped += 1
    return pitch if wrapped else None


def _nested_stops(
    lines: list[Line], indent: float, step: float, slack: float, height: float
) -> list[float]:
    """Where the descriptions of a list nested in a description start: where ``lines``
    (those set in from the margin) start further in than ``indent``, and where pieces of
    two lines at least start past a gap within ``step`` (the outer list's indent) of it
    (nested terms, their one-line descriptions at their own tab stop)."""
    stops = [line.fragments[0].x0 for line in lines if line.fragments[0].x0 > indent + slack]
    tabbed: list[float] = []
    for line in lines:
        frags = line.fragments
        if abs(frags[0].x0 - indent) > slack:
            continue
        for k in range(1, len(frags)):
            if frags[k].x0 - frags[k - 1].x1 >= TERM_GAP * height:
                if frags[k].x0 <= indent + step + slack:
                    tabbed.append(frags[k].x0)
                break
    stops.extend(x for x in tabbed if sum(abs(x - y) <= slack for y in tabbed) >= 2)
    return stops


def _nested_term(
    frags: list[Fragment], deeper: list[float], slack: float, height: float
) -> bool:
    """Whether a line at the indent, of pieces ``frags``, opens an entry of a list nested
    in a description: its term, then a piece at the start of lines set further in."""
    for k in range(1, len(frags)):
        if frags[k].x0 - frags[k - 1].x1 >= TERM_GAP * height and any(
            abs(frags[k].x0 - x) <= slack for x in deeper
        ):
            return _one_line_of_text(frags[k:], height)
        if frags[k].x0 - frags[k - 1].x1 >= TEXT_GAP * height:
            return False  # (a piece set apart elsewhere: a column)
    return True


def _term_end(frags: list[Fragment], indent: float, slack: float, height: float) -> int | None:
    """Where the term of a line at the margin ends among its pieces ``frags``: at the piece
    starting at the indent past a gap (its description's first), or after its last piece
    (a term alone on its line). None when a piece starts past the indent elsewhere, or
    the term's pieces stand apart (cells of a table's row)."""
    for k in range(1, len(frags)):
        gap = frags[k].x0 - frags[k - 1].x1
        if abs(frags[k].x0 - indent) <= slack and gap >= TERM_GAP * height:
            return k
        if gap >= TERM_GAP * height:
            return None  # pieces of a term set apart, or a piece elsewhere past the indent
    return len(frags)


def _one_line_of_text(frags: list[Fragment], height: float) -> bool:
    """Whether ``frags`` read on as one line of text: no piece stands apart from the one
    before it by more than a sentence's space stretched (a column past it)."""
    return all(
        frags[k].x0 - frags[k - 1].x1 < TEXT_GAP * height for k in range(1, len(frags))
    )
