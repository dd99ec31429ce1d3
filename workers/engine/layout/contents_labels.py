"""The label over a table of contents ("Table of Contents" in bold, at the running text's
size, over a list of the sections' titles). It names the list under it, as a caption names a
table; it heads no section of the document, so it is no heading: read as a heading it would
be one more level in the outline, with only the list of the real headings under it.

A line is taken for such a label when it is set no larger than the running text and what
comes right under it is a run of entries that name headings found later in the document
(each entry's words are a later heading's words, or their end, past a number the heading
was given). A heading set larger than the text is left alone: a "Contents" title set as
large as the chapters' titles is the document's own section, and authors tag it so."""

from __future__ import annotations

from ..document import Block, Document, Heading, ListBlock, Paragraph
from .patterns import title_words

#: Entries at least that name later headings (one line of text alone names no contents).
MIN_ENTRIES = 2
#: Share of a list's items that must name later headings for the list to be contents.
MOST = 0.5


def _words(text: str) -> tuple[str, ...]:
    return tuple(title_words(text))


def _names_one_of(text: str, later: list[tuple[str, ...]]) -> bool:
    entry = _words(text)
    return bool(entry) and any(h[len(h) - len(entry):] == entry for h in later)


def _entries(block: Block, later: list[tuple[str, ...]]) -> int:
    """How many entries naming later headings the block is (0: the block is no entry)."""
    if isinstance(block, Paragraph):
        return int(not block.preformatted and _names_one_of(block.text, later))
    if isinstance(block, ListBlock) and block.items:
        texts = [" ".join(p.text for p in item.blocks if isinstance(p, Paragraph))
                 for item in block.items]
        named = sum(_names_one_of(t, later) for t in texts)
        return named if named >= MOST * len(texts) else 0
    return 0


def contents_labels_apart(
    doc: Document, faces: dict[int, tuple[float, bool]], body_size: float
) -> None:
    """Make a paragraph of each heading, set no larger than ``body_size``, that labels the
    contents entries right under it. ``faces``: each heading's (size, bold) as set."""
    for at, block in enumerate(doc.blocks):
        if not isinstance(block, Heading) or id(block) not in faces:
            continue
        if faces[id(block)][0] > round(body_size):
            continue
        later = [_words(b.text) for b in doc.blocks[at + 1:] if isinstance(b, Heading)]
        found = 0
        for entry in doc.blocks[at + 1:]:
            named = _entries(entry, later)
            if not named:
                break
            found += named
        if found >= MIN_ENTRIES:
            doc.blocks[at] = Paragraph(block.text, block.prov, block.links, block.lang)
