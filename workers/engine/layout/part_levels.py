"""Heading levels the faces alone get wrong where a document changes parts.

Levels are first ranked by face, larger above smaller. What a face does not say:

* **Series after series.** A document divided into labelled divisions ("Article I" …
  "Article VII") may go on with another series of them in a face of its own, smaller
  ("Amendment I" … "Amendment XXVII"). Ranked by face, the whole second series falls under
  the last division of the first. When the same sub-headings ("Section 1", "Section 2" in
  one face) head the divisions of both, and the second series begins only once the first is
  over, the two are one level: parts of the document one after the other.
* **A heading over the part that follows.** A heading with nothing of its own under it,
  straight over a heading a level above its own ("THE AMENDMENTS TO THE CONSTITUTION" set
  smaller, then "Preamble" and "Amendment I" in the larger face) heads what follows it, not
  a subsection of the part before: it is a level with the heading it stands over.
* **The title.** The document's first heading, the first thing it says, is its title even
  set smaller than the sections; said again after a cover, in another face, it is the title
  again, not a level between the title and the sections.
* **The contents' heading.** "Contents" over a table of contents heads that list alone, a
  part of the front matter a level with the chapters it lists, whatever its face.
* **A division's label and its title on one line** ("SECTION 2", then "DIESEL ENGINES"
  further right in another face) are one heading.

Each rule is asked once per document of its few headings: no cost to speak of.
"""

from __future__ import annotations

import re
from collections import Counter

from ..document import Document, Figure, Heading, ListBlock
from .blocks import Block, x_overlap
from .contents import CONTENTS_HEADING
from .patterns import NUMBERED, title_key

#: A division's label: a word, then its number in figures, Roman numerals or a capital letter
#: ("Article. I.", "Amendment XII.", "SECTION 3", "Annex B"), then nothing or its title.
_LABELLED = re.compile(r"^([^\W\d_]{3,})\.?\s+(?:\d{1,3}|[IVXLC]{1,7}|[A-Z])\b\.?")

#: Headings of one label in one face, at least, for them to be a series of divisions.
SERIES = 2

Face = tuple[float, bool]


def division_label(text: str) -> bool:
    """``text`` opens with a division's label ("Chapter 3", "SECTION 2", "Annex B")."""
    return _LABELLED.match(text) is not None


def _label(text: str) -> str | None:
    match = _LABELLED.match(text)
    return match.group(1).lower() if match else None


def label_beside_title(label: Block, title: Block, label_text: str) -> bool:
    """Whether ``title`` is the title of the division ``label`` numbers, set beside it on its
    line ("SECTION 2" at the left, "DIESEL ENGINES" further right, in another face): one
    heading, not a division and a heading of its own under it. ``label_text``: the text of
    the heading read so far from ``label``, a division's label and nothing else."""
    match = _LABELLED.match(label_text)
    if match is None or match.end() != len(label_text.rstrip()):
        return False
    last = label.frags[-1]
    first = title.frags[0]
    height = min(last.height, first.height)
    return (
        label.page == title.page
        and first.x0 > last.x1
        and abs(last.y0 - first.y0) < 0.5 * height
        and len({round(f.y0) for f in title.frags}) == 1  # (one line)
    )


def series_after_series(heads: list[Heading], faces: dict[int, Face]) -> None:
    """Give a series of labelled divisions that follows another, wholly after it and in a
    deeper face, the other's level when sub-headings of one face head divisions of both
    (see the module's note). ``heads``: the document's headings in order, levelled by face;
    ``faces``: the face of each heading set as one (headings without one are passed by)."""
    series = _series_faces(heads, faces)
    if len(series) < 2:
        return
    parents = _parent_faces(heads, faces)
    for first_face, first_label in series.items():
        first = [h for h in heads if faces.get(id(h)) == first_face
                 and _label(h.text) == first_label]
        level = first[0].level
        if any(h.level != level for h in first):
            continue
        end = heads.index(first[-1])
        for later_face in series:
            later = [h for h in heads if faces.get(id(h)) == later_face]
            if (
                later_face == first_face
                or any(h.level <= level for h in later)
                or heads.index(later[0]) <= end
                or not parents.get(first_face, set()) & parents.get(later_face, set())
            ):
                continue
            for h in later:
                h.level = level


def _series_faces(heads: list[Heading], faces: dict[int, Face]) -> dict[Face, str]:
    """The faces that set a series of labelled divisions, with their label: the label most
    of the face's headings bear, borne by :data:`SERIES` of them at least."""
    labels: dict[Face, Counter[str]] = {}
    for h in heads:
        if id(h) in faces and (label := _label(h.text)) is not None:
            labels.setdefault(faces[id(h)], Counter())[label] += 1
    out: dict[Face, str] = {}
    for face, counts in labels.items():
        label, count = counts.most_common(1)[0]
        if count >= SERIES:
            out[face] = label
    return out


def _parent_faces(heads: list[Heading], faces: dict[int, Face]) -> dict[Face, set[Face]]:
    """For each face, the faces of the headings set right under its headings (the headings
    each falls under, by level, are of that face)."""
    out: dict[Face, set[Face]] = {}
    open_heads: list[Heading] = []
    for h in heads:
        while open_heads and open_heads[-1].level >= h.level:
            open_heads.pop()
        if open_heads and id(h) in faces and id(open_heads[-1]) in faces:
            out.setdefault(faces[id(open_heads[-1])], set()).add(faces[id(h)])
        open_heads.append(h)
    return out


def heads_of_what_follows(doc: Document, faces: dict[int, Face]) -> None:
    """A heading set straight over one a level above its own, with nothing between them,
    takes that heading's level (see the module's note). Numbered headings keep the level
    their numbers give."""
    blocks = doc.blocks
    for at in range(len(blocks) - 2, -1, -1):
        h, below = blocks[at], blocks[at + 1]
        if (
            isinstance(h, Heading) and isinstance(below, Heading)
            and id(h) in faces and below.level < h.level
            and not NUMBERED.match(h.text)
            and _straight_over(h, below, faces[id(h)][0])
        ):
            h.level = below.level


#: The most space between a heading and the one it stands over, in the upper one's size.
OVER_GAP = 3.0


def _straight_over(h: Heading, below: Heading, size: float) -> bool:
    """Whether ``below`` is set right under ``h`` on its page, in its column: read next for
    its place, not because the text under ``h`` is read elsewhere (a column's sections
    beside a table the reading order takes apart)."""
    if not h.prov or not below.prov:
        return False
    upper, lower = h.prov[-1], below.prov[0]
    return (
        upper.page == lower.page
        and x_overlap(upper.bbox, lower.bbox) > 0
        and -0.5 * size <= upper.bbox.y0 - lower.bbox.y1 <= OVER_GAP * size
    )


def title_over_larger_sections(
    doc: Document, heads: list[Heading], faces: dict[int, Face]
) -> None:
    """The document's first heading, the first thing it says, heads the whole document even
    when set smaller than the sections after it (a report's title in the body's size in
    bold, its sections in a larger bold face): it is no sibling of those sections but their
    title, a level above them. Its face must be its own (or its repeats'): one other
    headings share is a level of sections. (A heading set straight over a larger one is read
    as the head of what follows: see :func:`heads_of_what_follows`.)"""
    title = _title(doc, heads)
    if title is None:
        return
    key = title_key(title.text)
    face = faces.get(id(title))
    others = [h for h in heads if title_key(h.text) != key]
    if not others:
        return  # (every heading says the title: a running title, no sections to head)
    top = min(h.level for h in others)
    if (
        face is not None
        and title.level > top
        and not NUMBERED.match(title.text)
        and not isinstance(_after(doc, title), Heading)
        and not any(faces.get(id(h)) == face for h in others)
    ):
        title.level = top - 1


def repeats_of_the_title(doc: Document, heads: list[Heading]) -> None:
    """A heading that says the document's title again (on the first page of the text after a
    cover, in another face) is the title again, a level with it: not a level of its own
    between the title and the sections, nor a section under a larger one."""
    title = _title(doc, heads)
    if title is None:
        return
    key = title_key(title.text)
    for h in heads[1:]:
        if title_key(h.text) == key:
            h.level = title.level


def _after(doc: Document, block: Heading) -> object:
    at = next(k for k, b in enumerate(doc.blocks) if b is block)
    return doc.blocks[at + 1] if at + 1 < len(doc.blocks) else None


def _title(doc: Document, heads: list[Heading]) -> Heading | None:
    """The document's first heading when it is the first thing the document says (a cover
    picture may come before it), before two headings more at least."""
    if len(heads) < 3:
        return None
    for block in doc.blocks:
        if block is heads[0]:
            return heads[0]
        if not isinstance(block, Figure):
            return None
    return None


def contents_at_the_sections_level(doc: Document, outline: dict[str, int]) -> None:
    """The heading of a table of contents ("Contents" over the contents list) heads that
    list alone, a part of the front matter: it takes the level of the first heading after
    the list, the sections it lists, not the title's when set as large (every chapter
    after it would fall under "Contents"), nor a level under the section before it. (A
    heading the outline levels keeps its level.)"""
    changed = False
    blocks = doc.blocks
    # (Levels that skip one already are the page's own, kept as its HTML had them: see
    # :mod:`.browser_levels`. Those closed up stay so.)
    kept = skips_a_level([b for b in blocks if isinstance(b, Heading)])
    for at in range(1, len(blocks)):
        listed, head = blocks[at], blocks[at - 1]
        if (
            not isinstance(listed, ListBlock) or not listed.contents
            or not isinstance(head, Heading)
            or not CONTENTS_HEADING.match(" ".join(head.text.split()))
            or title_key(head.text) in outline
        ):
            continue
        after = next((b for b in blocks[at + 1:] if isinstance(b, Heading)), None)
        if after is not None and after.level != head.level:
            head.level = after.level
            changed = True
    if changed and not kept:
        close_up_levels([b for b in blocks if isinstance(b, Heading)])


def skips_a_level(heads: list[Heading]) -> bool:
    """Whether the first heading is below level 1, or one is more than a level below the
    heading before it."""
    return any(
        h.level > (previous.level if previous else 0) + 1
        for previous, h in zip([None, *heads], heads, strict=False)
    )


def close_up_levels(heads: list[Heading]) -> None:
    """No level is skipped going down (PDF/UA, WCAG): the first heading is level 1, and one
    deeper than the heading it falls under by more than one level becomes one level below
    it; headings of one level under the same heading stay siblings (1, 3, 3, 4, 2 becomes
    1, 2, 2, 3, 2). A subtitle in a smaller face than the sections after it (title 1,
    subtitle 3, sections 2) is so one level below the title, as the sections are."""
    open_levels: list[tuple[int, int]] = []  # (level found, level given) of open headings
    for h in heads:
        while open_levels and open_levels[-1][0] >= h.level:
            open_levels.pop()
        given = open_levels[-1][1] + 1 if open_levels else 1
        open_levels.append((h.level, given))
        h.level = given
