"""A page title said again by the heading right under it. A word processor that prints a
web page sets the page's own title (its HTML ``<title>``) large at the top, and the page's
first heading repeats it a little lower ("10. DHAT: a dynamic heap analysis tool" over a
navigation bar, then the same words as the chapter's heading, numbered by the word
processor; or "GCC 12 Release Series — Changes, New Features, and Fixes - GNU Project" over
the heading "GCC 12 Release Series" / "Changes, New Features, and Fixes", the site's name
left off). The document has one title, not two: the heading reads the title out, and the
line over it is the title line the design shows, said as a paragraph (the heading takes
its level) so a reader does not
meet an extra top-level section holding only a navigation bar.

The heading may be set on two lines, each capitalised like a heading of its own; when the
two lines' words run on together inside the title line above, the title says they are one
heading broken in two, and they are read as one.

Only the document's first heading is asked after, only when it stands over the heading
that repeats it on the page, and only when nothing but tables and figures (no running text)
stands between them."""

from __future__ import annotations

import re

from ..document import Document, Figure, Heading, Paragraph, Table
from .patterns import title_words

#: Section numbers a word processor puts before the heading's own words ("1", "1.2").
_NUMBER = re.compile(r"\d+(\.\d+)*\.?$")
#: Share of the title's words the heading must say at least (what it may leave off is the
#: site's name the title adds: "- GNU Project").
MOST_OF_TITLE = 2 / 3


def _own_words(text: str) -> list[str]:
    """The heading's words without the number a word processor set before them."""
    head, _, rest = text.strip().partition(" ")
    return title_words(rest if _NUMBER.match(head) and rest else text)


def _run_in(part: list[str], whole: list[str]) -> bool:
    """Whether ``part`` is a run of consecutive words of ``whole``."""
    return bool(part) and any(
        whole[k:k + len(part)] == part for k in range(len(whole) - len(part) + 1)
    )


def _repeats(title: list[str], heading: str) -> bool:
    return any(
        _run_in(said, title) and len(said) >= MOST_OF_TITLE * len(title)
        for said in (title_words(heading), _own_words(heading))
    )


def _stands_above(title: Heading, heading: Heading) -> bool:
    """Whether the title's last line stands over the heading's first on the same page (a
    title read after the heading it repeats is no line set over it)."""
    if not title.prov or not heading.prov:
        return False
    last, first = title.prov[-1], heading.prov[0]
    return last.page == first.page and last.bbox.y0 >= first.bbox.y1


def repeated_title_apart(doc: Document) -> None:
    """Make a paragraph of the document's first heading when the next heading, with only
    tables or figures between them, says most of its words in their order (a leading
    section number aside); that heading, set on two lines the title runs together, is one."""
    at = next((k for k, b in enumerate(doc.blocks) if isinstance(b, Heading)), None)
    if at is None:
        return
    title = doc.blocks[at]
    assert isinstance(title, Heading)
    said = title_words(title.text)
    nxt = at + 1
    while nxt < len(doc.blocks) and isinstance(doc.blocks[nxt], (Table, Figure)):
        nxt += 1
    if nxt >= len(doc.blocks) or not isinstance(heading := doc.blocks[nxt], Heading):
        return
    if not _stands_above(title, heading):
        return
    if nxt + 1 < len(doc.blocks):
        second = doc.blocks[nxt + 1]
        joined = f"{heading.text} {second.text}" if isinstance(second, Heading) else ""
        if (
            isinstance(second, Heading)
            and second.level == heading.level
            and _run_in(_own_words(joined), said)
            and _repeats(said, joined)
        ):
            heading.text = joined
            heading.prov.extend(second.prov)
            heading.links.extend(second.links)
            del doc.blocks[nxt + 1]
    if _repeats(said, heading.text):
        # (The heading stands in for the title: at the title's level, over the sections
        # that were set under both.)
        heading.level = min(heading.level, title.level)
        doc.blocks[at] = Paragraph(title.text, title.prov, title.links, title.lang)
