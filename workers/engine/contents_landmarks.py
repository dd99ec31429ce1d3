"""Names for the ``<nav>`` landmarks of a document's own contents lists.

Screen-reader users move between landmarks by their names ("Contents navigation"): two
landmarks of one kind with one name cannot be told apart (axe: ``landmark-unique``). A
document may have more than one contents list — a manual's whole contents and, at the start
of a chapter, that chapter's (DocBook prints both), or one list the reader found in two
pieces (over a page or column break). Each gets a name that says what it is:

* "Contents of <section>" for a list at the start of a section that leads only to headings
  further on and below that section's heading (a chapter's own contents);
* "Contents" otherwise (the document's contents), and for a list under the document's title
  (its first heading, above all the others);
* a name given already gets "(continued)", then "(continued, part N)": a second list of the
  document's contents is the rest of the first.

>>> names = ContentsNames()
>>> names.name(Section(1, "Manual", 1), [2, 5], {2: 2, 5: 2})
'Contents'
>>> names.name(Section(2, "Parsing", 5), [6, 7], {6: 3, 7: 3})
'Contents of Parsing'
>>> names.name(None, [], {})
'Contents (continued)'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

#: The generic name, as the page's own table of contents is called.
CONTENTS = "Contents"
#: A heading that names a contents list itself ("Table of Contents", "Contents").
_CONTENTS_HEADING = re.compile(r"\bcontents\b", re.IGNORECASE)


@dataclass(frozen=True)
class Section:
    """The heading a contents list sits under: its level in the source, its text, and its
    place among the page's headings (1 for the first)."""

    level: int
    text: str
    number: int


@dataclass
class ContentsNames:
    """Gives each contents list of one page its landmark name, distinct from the others'."""

    given: Counter[str] = field(default_factory=Counter)

    def name(
        self, section: Section | None, targets: list[int], source_levels: dict[int, int]
    ) -> str:
        """The name of a list under ``section`` whose entries lead to the headings numbered
        ``targets`` (``source_levels``: each heading's level in the source, by number)."""
        base = CONTENTS
        if section is not None and _lists_section(section, targets, source_levels):
            base = f"{CONTENTS} of {section.text}"
        count = self.given[base]
        self.given[base] += 1
        if count == 0:
            return base
        return f"{base} (continued)" if count == 1 else f"{base} (continued, part {count + 1})"


def _lists_section(section: Section, targets: list[int], source_levels: dict[int, int]) -> bool:
    """Whether every entry leads past the section's heading to one below it: the section's
    own contents (a list that also leads to a heading at its level or above, or back, is the
    document's)."""
    if not targets or _CONTENTS_HEADING.search(section.text) or _is_title(section, source_levels):
        return False
    return all(
        number > section.number and source_levels.get(number, 0) > section.level
        for number in targets
    )


def _is_title(section: Section, source_levels: dict[int, int]) -> bool:
    """The document's first heading, above every other one: its section is the document."""
    return section.number == 1 and all(
        level > section.level for number, level in source_levels.items() if number != 1
    )
