"""Terms of a definition list set as lines of their own: a short bold line (a glossary's
word, Sphinx's "Fragility") with its description under it in the body's face, indented past
it. Alone, such a line looks like a heading over an indented block; what tells the two apart
is where the text's own paragraphs start:

- a term stands at the text's edge and its description is indented past that edge: the
  paragraphs around the list start where the terms do;
- a heading set out left of its text (a manual page's ``.SS`` subsection, "Array Index:
  .[2]" over its paragraphs) stands left of the text's edge and the text under it starts
  at that edge: the paragraphs start where the "descriptions" do.

So a pair is a term and its description when more of the text's lines (descriptions left
out) start at the term's edge than at the description's. One such pair alone is weak
evidence (a heading over an indented quote): two or more pairs at the same indents are a
list of terms."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .blocks import Block, lines_of
from .patterns import starts_item

#: Least indent of a description past its term, in the term's heights (a heading's text
#: wanders less than this from its left edge).
LEAST_INDENT = 0.8
#: Most indent of a description, in heights: further right it is another column's text.
MOST_INDENT = 12.0
#: Most gap between a term and its description, in heights (a paragraph's spacing).
MOST_GAP = 1.2
#: Two edges are the same within this share of a height.
SAME_EDGE = 0.5
#: Pairs at the same indents for their terms to be terms.
LEAST_PAIRS = 2


def described_terms(
    pages: list[list[Block]], body_size: float, heading_like: Callable[[Block], bool]
) -> set[int]:
    """The ids of the blocks (of each page's text blocks in reading order, page furniture
    left out) that are terms described under them: ``heading_like`` tells a block that looks
    like a heading in the document."""
    pairs: list[tuple[Block, Block]] = []
    for at, blocks in enumerate(pages):
        pairs.extend(
            (term, below) for term, below in zip(blocks, blocks[1:], strict=False)
            if _described(term, below, body_size, heading_like)
        )
        # (A term at a page's foot is described at the next page's head.)
        if blocks and at + 1 < len(pages) and pages[at + 1]:
            term, below = blocks[-1], pages[at + 1][0]
            if _described(term, below, body_size, heading_like, over_page=True):
                pairs.append((term, below))
    if not pairs:
        return set()
    descriptions = {id(below) for _, below in pairs}
    # (Each of the text's lines counts: a paragraph's edge is where most of its lines start.)
    text_edges: Counter[float] = Counter()
    for blocks in pages:
        for b in blocks:
            if id(b) not in descriptions and not b.bold and _body_face(b, body_size):
                text_edges[round(b.x0)] += len(lines_of(b.frags))
    out: set[int] = set()
    for term, below in pairs:
        slack = SAME_EDGE * _height(term)
        alike = sum(
            1 for t, b in pairs
            if abs(t.x0 - term.x0) <= slack and abs(b.x0 - below.x0) <= slack
        )
        if alike >= LEAST_PAIRS and (
            _lines_at(text_edges, term.x0, slack) > _lines_at(text_edges, below.x0, slack)
        ):
            out.add(id(term))
    return out


def _lines_at(edges: Counter[float], x: float, slack: float) -> int:
    """How many of the text's lines start at ``x`` (within ``slack``)."""
    return sum(n for edge, n in edges.items() if abs(edge - x) <= slack + 0.5)


def _described(
    term: Block, below: Block, body_size: float, heading_like: Callable[[Block], bool],
    over_page: bool = False,
) -> bool:
    """``below`` is a description of ``term``: right under it (or at the next page's head),
    in the body's face (not bold, the body's size, no list item's label), indented past it."""
    if not term.bold or below.bold:
        return False
    height = _height(term)
    indent = below.x0 - term.x0
    return (
        _body_face(below, body_size)
        and term.size <= 1.15 * body_size
        and (over_page or 0 <= term.y0 - below.y1 <= MOST_GAP * height)
        and LEAST_INDENT * height <= indent <= MOST_INDENT * height
        and not starts_item(below.text)
        and heading_like(term)
    )


def _body_face(block: Block, body_size: float) -> bool:
    return abs(block.size - body_size) <= 0.15 * body_size


def _height(block: Block) -> float:
    return max((f.height for f in block.frags), default=1.0)
