"""The document title's subtitle: a line set right under the title, in a smaller face no
other heading uses ("PDF/UA" over "ISO 14289: The new standard for universally accessible
PDF documents and forms" on a brochure's cover). It goes on saying what the title says; it
heads no part of the document, so it is no heading, and no level of headings between the
title and the sections (which would all be pushed a level down by it).

Only a subtitle set larger than every heading after it is looked for: one set smaller (a
plain line "Power Sleep" under a bold title, over sections set large) pushes no section
down, and is as often tagged a heading by its author as not.

What tells it from a first section heading: the section comes after some space, or is set
in a face other sections share, or is numbered; a subtitle touches the title's last line
and stands on its left edge or its middle."""

from __future__ import annotations

from ..document import Document, Heading, Paragraph
from .patterns import NUMBERED, title_key

#: The gap between the title's last line and the subtitle is at most this share of the
#: subtitle's size (the leading of one text, not the space before a section).
TIGHT_GAP = 0.5
#: The subtitle's left edge (or its middle) is within this share of its size of the title's.
ALIGNED = 1.0


def subtitle_apart(
    doc: Document, faces: dict[int, tuple[float, bool]], outline: dict[str, int]
) -> None:
    """Make a paragraph of the heading right after the document's first (its title) when it
    is the title's subtitle. ``faces``: each heading's (size, bold) as set; ``outline``: the
    bookmarked titles, which are headings whatever their place."""
    at = [k for k, b in enumerate(doc.blocks) if isinstance(b, Heading)]
    if len(at) < 3 or at[1] != at[0] + 1:
        return
    title, sub = doc.blocks[at[0]], doc.blocks[at[1]]
    assert isinstance(title, Heading) and isinstance(sub, Heading)
    if id(title) not in faces or id(sub) not in faces or not title.prov or not sub.prov:
        return
    size = faces[id(sub)][0]
    after = [faces[id(doc.blocks[k])][0] for k in at[2:] if id(doc.blocks[k]) in faces]
    if (
        size >= faces[id(title)][0]
        or not after
        or size <= max(after)  # (set no larger than the sections, it pushes none down)
        or sum(faces.get(id(doc.blocks[k])) == faces[id(sub)] for k in at) > 1
        or NUMBERED.match(sub.text)
        or NUMBERED.match(title.text)
        or title_key(sub.text) in outline
    ):
        return
    last, first = title.prov[-1], sub.prov[0]
    if last.page != first.page:
        return
    gap = last.bbox.y0 - first.bbox.y1
    left = abs(last.bbox.x0 - first.bbox.x0)
    middle = abs((last.bbox.x0 + last.bbox.x1) - (first.bbox.x0 + first.bbox.x1)) / 2
    if -TIGHT_GAP * size < gap < TIGHT_GAP * size and min(left, middle) < ALIGNED * size:
        doc.blocks[at[1]] = Paragraph(sub.text, sub.prov, sub.links, sub.lang)

