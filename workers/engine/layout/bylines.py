"""The byline under a document's title: the lines naming its authors, their organisation
and their addresses, set centred under a centred title in a face of their own (often bold,
larger than the body's, as headings are). They read like headings by their face, yet a
heading is followed by the text it heads: a byline is followed by the next line of the
byline, and then by the first section's heading, which is no part of any of them."""

from __future__ import annotations

from ..document import BBox, Document, Heading, Paragraph
from .patterns import title_key

#: A title is centred on its page when its middle is this share of the page's width from
#: the page's middle at most.
CENTRED_TITLE = 0.05
#: A byline's line is set on the title's axis: its middle is this many of its own line
#: heights from the title's at most (the width of a letter or two).
ON_AXIS = 1.0
#: A byline's line is short: this share of the page's width at most (a running line of
#: text centred under a title spans the column).
SHORT_LINE = 0.75


def _middle(box: BBox) -> float:
    return (box.x0 + box.x1) / 2


def bylines_apart(
    doc: Document, faces: dict[int, tuple[float, bool]], outline: dict[str, int]
) -> None:
    """Make paragraphs of the headings right under the document's first heading (its title),
    centred on the page, that are its byline: short lines centred on the title's axis (the
    headings among them set smaller than the title), the last of them followed by a heading
    of the rank of the highest of them or higher (so that none of them heads any text).
    ``faces``: each heading's (size, bold) as set; ``outline``: the bookmarked titles, which
    are headings wherever they stand."""
    at = next((k for k, b in enumerate(doc.blocks) if isinstance(b, Heading)), None)
    if at is None:
        return
    title = doc.blocks[at]
    if not isinstance(title, Heading) or not title.prov or id(title) not in faces:
        return
    last = title.prov[-1]
    first = doc.blocks[0].prov if hasattr(doc.blocks[0], "prov") else []
    if not 0 <= last.page < len(doc.pages) or not first or first[0].page != last.page:
        return  # (a title page's: the page the text opens on)
    page = doc.pages[last.page]
    axis = _middle(last.bbox)
    if abs(axis - (page.x0 + page.width / 2)) > CENTRED_TITLE * page.width:
        return
    run: list[int] = []
    k = at + 1
    while k < len(doc.blocks):
        line = doc.blocks[k]
        # (A line of the byline in the body's face is read as a paragraph already: the
        # address under the author's name.)
        if not (
            isinstance(line, Heading | Paragraph) and len(line.prov) == 1
            and line.prov[0].page == last.page
        ) or isinstance(line, Heading) and (
            id(line) not in faces or faces[id(line)][0] >= faces[id(title)][0]
            or title_key(line.text) in outline
        ):
            break
        box = line.prov[0].bbox
        if (abs(_middle(box) - axis) > ON_AXIS * (box.y1 - box.y0)
                or box.x1 - box.x0 > SHORT_LINE * page.width):
            break
        run.append(k)
        k += 1
    after = doc.blocks[k] if k < len(doc.blocks) else None
    heads = [line for j in run if isinstance(line := doc.blocks[j], Heading)]
    if not heads or not isinstance(after, Heading):
        return  # (a centred line over running text heads it: "Abstract")
    if after.level > min(line.level for line in heads):
        return  # (the last centred line heads the section under it)
    for j in run:
        line = doc.blocks[j]
        if isinstance(line, Heading):
            doc.blocks[j] = Paragraph(line.text, line.prov, line.links, line.lang)
