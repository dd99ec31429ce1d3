"""Definition lists set as bold terms with their definitions flush under them.

A dictionary list (HTML's ``<dl>``, a word processor's "List Contents" under a "List
Heading") may be set with each term a line of its own in bold at the text's size and its
definition right under it, at the same left edge (or within a few points of it): a bold
line over a paragraph, as a subsection heading in the text's size is. The two are told
apart by how they are spaced and by what follows them:

- a term is bound to its definition more tightly than the text's paragraphs are set apart
  (the space under it is well under the space between paragraphs), where a heading made by
  hand in bold is spaced as a paragraph is; or it is spaced as the list's terms that no
  heading could be are ("--timing", a name in lower case), where those are bound to their
  definitions more tightly than to what stands above them (a word processor may space a
  term's definition as it spaces its paragraphs);
- the definition is one short piece of prose in the text's size (code set inline in a
  typewriter face that measures larger left out): one line, or lines that run on to the
  measure (a stack of short lines under a bold line is a list the line heads);
- terms come in a row: the block after the definition is another term in the same face,
  defined in the same way, whether or not it could be a heading itself ("names" in lower
  case beside "Strings"); or the block before the term is the definition of one; on
  the same page or over a page break. A section runs on for more than one paragraph
  before its next heading.

A numbered line ("1.2.1 Time Resources") is a section's heading however it is spaced.

A term may be set in the document's typewriter face ("celery[auth]" over "for using the
auth security serializer."), which may measure larger than the text's: in the code's own
size (:mod:`.code_face`) it is of the text's size.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container

from .blocks import Block, PageResult, lines_of
from .code_face import CodeFace
from .lines import large_code_fonts, quick_median

#: The space under a term is less than this share of the space between the text's
#: paragraphs.
TERM_GAP_SHARE = 0.8

#: A definition is flush under its term within this share of the text's size (a word
#: processor may set the term a few points in, by its own padding: LibreOffice's
#: "List Heading" 4 points right of its "List Contents").
FLUSH_SHARE = 0.4

#: A definition's lines before its last run on to within this share of its width of its
#: right edge (prose, not a stack of short lines).
RUN_ON_SHARE = 0.15

#: Terms no heading could be that teach the space under the document's terms.
LEAST_SURE_TERMS = 3

#: Two spaces between blocks are the same within this many points.
SAME_GAP = 1.0

_SECTION_NUMBER = re.compile(r"^(?:[IVX]{1,5}\.|[A-Z]\.|\d{1,3}(?:\.\d{1,3})*\.?)\s")


def paragraph_gap(results: list[PageResult], body_size: float) -> float | None:
    """The commonest space between two paragraphs of the text's size and regular face read
    one after the other, one over the other (to the half point); None when there are none."""
    gaps: Counter[float] = Counter()
    widest = 3 * body_size
    for result in results:
        texts = [b for b in result.blocks if b.kind == "text"]
        for above, below in zip(texts, texts[1:], strict=False):
            # (Where the two stand asked first: it needs no look at their letters.)
            gap = above.y0 - below.y1
            if not 0 < gap < widest or below.x0 > above.x1 or above.x0 > below.x1:
                continue
            if above.bold or below.bold or max(above.size, below.size) > 1.1 * body_size:
                continue
            gaps[round(gap * 2) / 2] += 1
    return gaps.most_common(1)[0][0] if gaps else None


def _prose(block: Block) -> bool:
    """One line, or lines running on to the block's right edge but for the last."""
    lines = lines_of(block.frags)
    width = block.x1 - block.x0
    return all(
        block.x1 - max(f.x1 for f in line) <= RUN_ON_SHARE * width for line in lines[:-1]
    )


def definition_terms(
    results: list[PageResult], body_size: float, candidate: Callable[[Block], bool],
    code: CodeFace | None = None, furniture: Container[int] = (),
) -> set[int]:
    """The ids of the bold lines read as a definition list's terms (see the module's
    docstring); ``candidate`` tells a block that could be a heading, ``code`` is the
    document's typewriter face where it is set larger than the text; ``furniture``, the
    ids of the pages' running heads and folios, passed over."""
    gap = paragraph_gap(results, body_size)
    if gap is None:
        return set()
    # (Blocks shaped as terms in the document's order, with the space under each, and
    # above it: a list runs on over a page break.)
    in_order: list[Block] = []
    shaped: list[tuple[float, float | None] | None] = []
    for result in results:
        blocks = [b for b in result.blocks if id(b) not in furniture]
        in_order += blocks
        shaped += [_term_shape(blocks, i, body_size, code) for i in range(len(blocks))]
    limit = max(TERM_GAP_SHARE * gap, _sure_terms_gap(in_order, shaped, candidate) or 0.0)
    terms = [s is not None and s[0] < limit for s in shaped]
    found: set[int] = set()
    for i, is_term in enumerate(terms):
        # (Its neighbours are terms whether or not they could be headings: "names" in
        # lower case is a term in the same list as "Strings".)
        if not is_term or not candidate(in_order[i]):
            continue
        face = round(in_order[i].size)  # (a term in code and one in the text's face differ)
        if any(
            0 <= j < len(in_order) and terms[j] and round(in_order[j].size) == face
            for j in (i - 2, i + 2)
        ):
            found.add(id(in_order[i]))
    return found


def _term_shape(
    blocks: list[Block], i: int, body_size: float, code: CodeFace | None
) -> tuple[float, float | None] | None:
    """The space under the block and above it (None at the page's head) where it is shaped
    as a term: a bold line of the text's size over a prose definition flush under it, not
    numbered as a section; None where it is not."""
    if i + 1 >= len(blocks):
        return None
    block, under = blocks[i], blocks[i + 1]
    if block.kind != "text" or under.kind != "text" or not block.bold or under.bold:
        return None  # (most blocks: told by their kind and weight alone)
    size = body_size if code is not None and code.sets(block) else block.size
    below = block.y0 - under.y1
    shaped = (
        0.95 * body_size <= size < 1.15 * body_size
        and (under.size < 1.15 * body_size or _text_size(under) < 1.15 * body_size)
        and abs(under.x0 - block.x0) < FLUSH_SHARE * body_size
        and below >= 0
        and not _SECTION_NUMBER.match(block.text)
        and _prose(under)
    )
    if not shaped:
        return None
    above = blocks[i - 1].y0 - block.y1 if i > 0 and blocks[i - 1].kind == "text" else None
    return below, above


def _sure_terms_gap(
    blocks: list[Block], shaped: list[tuple[float, float | None] | None],
    candidate: Callable[[Block], bool],
) -> float | None:
    """The space under a term, learnt from the terms no heading could be (an option's
    "--timing", a name in lower case), where there are enough of them and they are bound to
    their definitions more tightly than to what stands above them; a term the list sets
    as they are is one of them however its paragraphs are spaced (a word processor's list
    spaced as its paragraphs are). A little over the space, to take it in; None where
    there are too few."""
    sure = [s for b, s in zip(blocks, shaped, strict=True) if s is not None and not candidate(b)]
    if len(sure) < LEAST_SURE_TERMS:
        return None
    under = quick_median([below for below, _ in sure])
    over = [above for _, above in sure if above is not None]
    if not over or quick_median(over) <= under + SAME_GAP:
        return None
    return under + SAME_GAP


def _text_size(block: Block) -> float:
    """The size of the block's letters but those of code set inline, whose typewriter face
    may measure larger than the text's at one point size ("for using the
    task_remote_tracebacks feature."); never more than the block's."""
    glyphs = [g for f in block.frags for g in f.glyphs]
    code = large_code_fonts(glyphs)
    sizes = [g.size for g in glyphs if g.char.isalpha() and g.font not in code]
    return min(quick_median(sizes), block.size) if sizes else block.size
