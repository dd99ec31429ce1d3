"""Definition lists: a run of terms, each followed by its definition, read as one list.

The terms are found on the page (:mod:`.definition_terms`: a bold line over its definition
flush under it; :mod:`.described_terms`: a bold line over its description indented past
it), where they are kept from being read as headings; the reading loop then reads each term
and its definition as paragraphs. Here, two or more such pairs in a row become one
:class:`ListBlock` with ``definitions`` set: each item's label is the term (its drawing the
label's), its blocks the definition. Read so, a screen reader announces a list of so many
items, each term as the label of what follows, rather than one run of words ("h or H Help:
display a summary...").

A definition goes on over the paragraphs after its first one that start where it does,
indented past its term (a description of two paragraphs); a definition flush under its term
is its one paragraph, as :mod:`.definition_terms` finds it. A term with a link of its own
is left as the paragraph it is (a list's label carries no link).
"""

from __future__ import annotations

from collections.abc import Container

from ..document import Block, ListBlock, ListItem, Paragraph, Prov

#: Least pairs of term and definition in a row for a definition list.
LEAST_PAIRS = 2

#: A description is indented past its term by at least this share of the term's line height
#: (as :data:`.described_terms.LEAST_INDENT`).
LEAST_INDENT = 0.8

#: Two left edges are the same within this share of the term's line height.
SAME_EDGE = 0.5


def definition_lists(
    blocks: list[Block], terms: set[int], parted: Container[int] = ()
) -> list[Block]:
    """``blocks`` (the document's, at the top level) with each run of at least
    :data:`LEAST_PAIRS` term paragraphs (``terms``: their ids), each followed by its
    definition, made one definition list. A term ``parted`` from its definition's paragraph
    (a term hung in its margin, :mod:`.hanging_terms`) that is in no list is read with its
    definition again, as the one paragraph they were drawn as."""
    out: list[Block] = []
    at = 0
    while at < len(blocks):
        items: list[ListItem] = []
        end = at
        while (pair := _pair_at(blocks, end, terms)) is not None:
            item, end = pair
            items.append(item)
            if _broken_off(blocks, end, item) and _pair_at(blocks, end + 1, terms) is not None:
                _read_on(item, blocks[end])  # type: ignore[arg-type]
                end += 1
        if len(items) >= LEAST_PAIRS:
            first = items[0].label_prov
            out.append(ListBlock(items, prov=list(first), definitions=True))
            at = end
        elif id(blocks[at]) in parted and (joined := _joined(blocks, at)) is not None:
            out.append(joined)
            at += 2
        else:
            out.append(blocks[at])
            at += 1
    return out


def _joined(blocks: list[Block], at: int) -> Paragraph | None:
    """The term at ``at`` and its definition after it as one paragraph; None where no
    definition follows it."""
    term, definition = blocks[at], blocks[at + 1] if at + 1 < len(blocks) else None
    if not isinstance(term, Paragraph) or not _is_prose(definition):
        return None
    assert isinstance(definition, Paragraph)
    return Paragraph(
        f"{term.text} {definition.text}", [*term.prov, *definition.prov],
        [*term.links, *definition.links], term.lang,
    )


def _pair_at(blocks: list[Block], at: int, terms: set[int]) -> tuple[ListItem, int] | None:
    """The item made of the term at ``at`` and its definition after it, and where the
    blocks after the definition start; None where no term defined there stands."""
    if at + 1 >= len(blocks):
        return None
    term, first = blocks[at], blocks[at + 1]
    if not _is_term(term, terms) or not _is_prose(first) or id(first) in terms:
        return None
    assert isinstance(term, Paragraph) and isinstance(first, Paragraph)
    definition = [first]
    end = at + 2
    if _indented_past(first, term):
        # (A description indented past its term runs on over the paragraphs starting where
        # it does.)
        while end < len(blocks) and _goes_on(blocks[end], first, term, terms):
            definition.append(blocks[end])  # type: ignore[arg-type]
            end += 1
    prov: list[Prov] = [*term.prov, *(p for block in definition for p in block.prov)]
    return ListItem(term.text, list(definition), prov, list(term.prov), lang=term.lang), end


def _is_term(block: Block, terms: set[int]) -> bool:
    return id(block) in terms and _is_prose(block) and not block.links  # type: ignore[union-attr]


def _is_prose(block: Block | None) -> bool:
    return isinstance(block, Paragraph) and not block.preformatted and bool(block.prov)


def _height(prov: Prov) -> float:
    """The height of what ``prov`` draws (a line's, for a term or a definition's last line)."""
    return max(prov.bbox.y1 - prov.bbox.y0, 1.0)


def _indented_past(definition: Paragraph, term: Paragraph) -> bool:
    here, there = definition.prov[0], term.prov[0]
    return here.page == there.page and here.bbox.x0 - there.bbox.x0 >= LEAST_INDENT * _height(
        there
    )


def _goes_on(block: Block, first: Paragraph, term: Paragraph, terms: set[int]) -> bool:
    """``block`` is a further paragraph of the definition ``first`` opens: prose, no term,
    starting where ``first`` does on its page."""
    if not _is_prose(block) or id(block) in terms:
        return False
    assert isinstance(block, Paragraph)
    here, there = block.prov[0], first.prov[0]
    return here.page == there.page and abs(here.bbox.x0 - there.bbox.x0) <= SAME_EDGE * _height(
        term.prov[0]
    )


#: Ends of a sentence: a definition ending otherwise runs on past a break.
SENTENCE_ENDS = ".!?:;"


def _broken_off(blocks: list[Block], at: int, item: ListItem) -> bool:
    """The block at ``at`` is the rest of ``item``'s definition, broken off at a page's or
    column's end ("... a result backend (using" | "pymemcache)."): prose that opens with no
    capital, on another page or above the definition's end (the next column's top), after a
    definition that ends short of a sentence's end; or its next line, flush under its last
    line."""
    if at >= len(blocks) or not _is_prose(blocks[at]) or not item.blocks:
        return False
    last, rest = item.blocks[-1], blocks[at]
    assert isinstance(rest, Paragraph)
    if not isinstance(last, Paragraph) or not last.prov or last.text.rstrip()[-1:] in \
            SENTENCE_ENDS:
        return False
    # A capital opens a sentence of its own: a paragraph after a definition that ends with
    # an example set without a stop ("Example: curl -O url" | "See also --out."), not the
    # rest of it.
    if rest.text.lstrip()[:1].isupper():
        return False
    end, start = last.prov[-1], rest.prov[0]
    if start.page != end.page or start.bbox.y1 > end.bbox.y1:
        return True
    # (Or its next line, read as a block of its own: flush under it, a line's pitch down.)
    height = _height(end)
    return abs(start.bbox.x0 - end.bbox.x0) <= SAME_EDGE * height and (
        0 <= end.bbox.y0 - start.bbox.y1 <= height
    )


def _read_on(item: ListItem, rest: Paragraph) -> None:
    """``item``'s definition read on with ``rest``, its last paragraph's broken-off end."""
    last = item.blocks[-1]
    assert isinstance(last, Paragraph)
    last.text = f"{last.text} {rest.text}"
    last.prov.extend(rest.prov)
    last.links.extend(rest.links)
    item.prov.extend(rest.prov)
