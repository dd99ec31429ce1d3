"""A list of the sections ahead: lines one after another (stacked, or tabs in a row),
each reading as a heading that comes later in the document set larger (a chapter's opening
box naming its sections, "An Overview of Maturation and Growth", "Development of the
Brain", …, in the small bold of its box). They name the sections; they head nothing, so
they are no headings, and no level of headings over the sections they name.

With an outline, the bookmarks tell this already (their pages lie ahead: see
:mod:`.classify`); this is for documents without one. What tells such a list from a summary's
own sub-headings named after the sections ("Executive summary", then "Revenue" over a
paragraph, "Costs" over a paragraph): the list's lines follow each other with nothing
between them but a short line now and then (a note on an entry), where a summary's
sub-headings each head their paragraphs."""

from __future__ import annotations

from ..document import Document, Heading, Paragraph
from .lines import word_count
from .patterns import title_key

#: A list of the sections ahead names this many of them at least.
SECTIONS_AHEAD = 3
#: Between two of its lines, at most one block, of at most this many words (a note on the
#: entry above: "Focus on Research: Sports Participation and …").
NOTE_WORDS = 15


def sections_ahead_apart(doc: Document, faces: dict[int, tuple[float, bool]]) -> None:
    """Make paragraphs of the headings of ``doc`` that list the sections ahead. ``faces``:
    each heading's (size, bold) as set."""
    heads = [(k, b) for k, b in enumerate(doc.blocks) if isinstance(b, Heading) and id(b) in faces]
    # The largest face of the headings each text reads as, from each heading on.
    later: dict[str, float] = {}
    names: list[bool] = [False] * len(heads)
    for n in range(len(heads) - 1, -1, -1):
        _, h = heads[n]
        key, size = title_key(h.text), faces[id(h)][0]
        names[n] = later.get(key, 0.0) > size
        later[key] = max(later.get(key, 0.0), size)
    run: list[int] = []
    for n, (at, h) in enumerate(heads):
        if run and not _follows(doc, heads[run[-1]], (at, h), faces):
            _take(doc, heads, run)
            run = []
        if names[n]:
            run.append(n)
        elif run:
            _take(doc, heads, run)
            run = []
    _take(doc, heads, run)


def _follows(
    doc: Document, above: tuple[int, Heading], below: tuple[int, Heading],
    faces: dict[int, tuple[float, bool]],
) -> bool:
    """Whether heading ``below`` goes on the list ``above`` is on: the same face, the same
    page, at most a short note between them."""
    (a, h), (b, g) = above, below
    between = doc.blocks[a + 1:b]
    return (
        faces[id(h)] == faces[id(g)]
        and bool(h.prov) and bool(g.prov) and h.prov[0].page == g.prov[0].page
        and len(between) <= 1
        and all(isinstance(x, Paragraph) and word_count(x.text) <= NOTE_WORDS for x in between)
    )


def _take(doc: Document, heads: list[tuple[int, Heading]], run: list[int]) -> None:
    if len(run) < SECTIONS_AHEAD:
        return
    for n in run:
        at, h = heads[n]
        doc.blocks[at] = Paragraph(h.text, h.prov, h.links, h.lang)
