"""A paragraph that runs on over a page break (or a column break) is read in one go.

The page's reading order puts what stands beside or under its running text (a picture with
its caption and credit, a margin's notes, footnotes) after that text: on a page whose last
paragraph breaks off mid-sentence to go on at the top of the next page, they land between
the two halves of the sentence: a listener hears "… the bridge was closed for" — a photo
credit and a caption — "three weeks in June". They are read after the paragraph ends
instead, on the next page, as a reader of the printed page turns back to them after
finishing the sentence.

Then the two halves are one paragraph (:func:`paragraphs_run_on`): a screen reader announces
a new paragraph and pauses at each break, and a reflowed large-print copy would start a new
paragraph mid-sentence; the tagged PDF's one P element holds the marks of both pages.
A code listing broken by a page break is one listing likewise, its lines kept.
"""

from __future__ import annotations

from dataclasses import replace

from ..document import Artifact, Block, Figure, Heading, Note, Paragraph, Table
from .blocks import Hyphenation, join_lines

#: Closing quotes and brackets that may follow a sentence's end.
CLOSERS = "\"'”’)]»"
#: At most this many blocks between the halves are moved (more is no page's asides).
MAX_ASIDES = 12
#: A paragraph or table between the halves is narrower than this share of the paragraph.
ASIDE_WIDTH = 0.8
#: The second half holds at least this many words.
GOING_ON_WORDS = 3
#: The halves of a paragraph broken by a column break are set in columns this much alike in
#: width at least (the narrower over the wider): a caption or a side note is no column.
COLUMN_LIKENESS = 0.8
#: The first half of a paragraph broken by a column break holds this many words at least:
#: more than a line. Labels set side by side in a row ("for 1–2 years after treatment", "for
#: 3–5 years …") each break off and go on with a small letter too.
COLUMN_HALF_WORDS = 10
#: What may stand between the halves: out of the running text's flow.
_ASIDE_KINDS = (Figure, Note, Paragraph, Table)


def _page_span(block: Block) -> tuple[int, int] | None:
    prov = getattr(block, "prov", None)
    if not prov:
        return None
    return prov[0].page, prov[-1].page


def _running_text(block: Paragraph | Table, paragraph: Paragraph) -> bool:
    """``block`` may be running text going on after ``paragraph`` (so the paragraph is not
    its page's last): nearly as wide as the paragraph, or set below it across half the
    narrower one's width (display space: y up). An aside stands beside the column or is
    narrower: a caption, a credit."""
    last, box = paragraph.prov[-1].bbox, block.prov[0].bbox
    width, column = box.x1 - box.x0, last.x1 - last.x0
    if width >= ASIDE_WIDTH * column:
        return True
    across = min(box.x1, last.x1) - max(box.x0, last.x0)
    return box.y1 <= last.y0 + 1 and across > 0.5 * min(width, column)


def breaks_off(text: str) -> bool:
    """The paragraph stops mid-sentence: after a word, a comma or a hyphen. (Not after a
    number: an index's or a table's column of entries ends in page numbers or amounts.)"""
    end = text.rstrip().rstrip(CLOSERS)
    return bool(end) and (end[-1].isalpha() or end[-1] in ",-‐")


def _goes_on(text: str) -> bool:
    """The paragraph starts as a sentence's middle: with a small letter."""
    start = text.lstrip()
    return bool(start) and start[0].islower()


#: The two halves of a listing broken by a page break start within this many points of one
#: another (the same margin, on the next page).
LISTING_EDGE = 36.0


def letterheads_apart(blocks: list[Block]) -> tuple[list[Block], list[Artifact]]:
    """``blocks`` without the headings that stand inside a sentence broken by a page break,
    and those headings as page furniture. A letterhead repeated at the top of a report's or
    a letter's later pages (the sender's name beside its logo, set large) is read first on
    its page, before the running text goes on there; where that text goes on mid-sentence
    (with a small letter, under the line) from a paragraph of the page before that breaks
    off, in a column about as wide, no section starts between the sentence's halves: the
    line is the page's header, not a heading."""
    kept: list[Block] = []
    furniture: list[Artifact] = []
    for k, block in enumerate(blocks):
        if isinstance(block, Heading) and _inside_a_sentence(block, blocks, k):
            furniture.append(Artifact("header", block.text, list(block.prov)))
        else:
            kept.append(block)
    return kept, furniture


def _inside_a_sentence(heading: Heading, blocks: list[Block], k: int) -> bool:
    """``heading``, ``blocks[k]``, is read first on its page, above a paragraph that goes on
    with a sentence a paragraph of the page before breaks off (see :func:`letterheads_apart`)."""
    span = _page_span(heading)
    if span is None or k == 0 or k + 1 >= len(blocks):
        return False
    page = span[0]
    before = _page_span(blocks[k - 1])
    if before is None or before[1] >= page:
        return False  # (not the first thing read on its page)
    going_on = blocks[k + 1]
    if (not isinstance(going_on, Paragraph) or going_on.preformatted
            or _page_span(going_on) != (page, page) or not _goes_on(going_on.text)
            or len(going_on.text.split()) < COLUMN_HALF_WORDS):
        return False
    head, start = heading.prov[-1].bbox, going_on.prov[0].bbox
    if start.y1 > head.y0 + 1:
        return False  # (display space, y up: the text goes on under the line, not beside it)
    width = start.x1 - start.x0
    for j in range(k - 1, -1, -1):
        b = blocks[j]
        at = _page_span(b)
        if at is not None and at[1] < page - 1:
            return False  # (read back to the page before, no further)
        if (isinstance(b, Paragraph) and not b.preformatted and at == (page - 1, page - 1)
                and breaks_off(b.text) and len(b.text.split()) >= COLUMN_HALF_WORDS
                and _alike_in_width(b.prov[-1].bbox.x1 - b.prov[-1].bbox.x0, width)):
            return True
    return False


def _alike_in_width(a: float, b: float) -> bool:
    wide, narrow = max(a, b), min(a, b)
    return wide > 0 and narrow >= COLUMN_LIKENESS * wide


def asides_after_runover(blocks: list[Block]) -> list[Block]:
    """``blocks`` with the asides read between the halves of a paragraph broken by a page
    or column break moved to after its second half. The halves: the last paragraph of a page
    (or of a column) that breaks off mid-sentence, and the first block of the next page (or
    the head of the next column, :func:`_next_column`), a paragraph going on with a small
    letter; between them only pictures, notes, tables and paragraphs of that page (no
    heading, no list: a new part of the text), none of them running text going on under the
    paragraph but a picture's own labels and caption."""
    out = list(blocks)
    k = 0
    while k < len(out):
        first = out[k]
        span = _page_span(first)
        k += 1
        if (not isinstance(first, Paragraph) or first.preformatted or span is None
                or not breaks_off(first.text)):
            continue
        page = span[1]
        end = k
        pictures: list[Figure] = []
        while end < len(out) and end - k <= MAX_ASIDES:
            aside = out[end]
            at = _page_span(aside)
            if at is None or at[0] != page or not isinstance(aside, _ASIDE_KINDS):
                break
            if isinstance(aside, Paragraph) and _goes_on(aside.text):
                break  # (the sentence going on, under a formula set on its own lines)
            if isinstance(aside, Figure):
                pictures.append(aside)
            elif isinstance(aside, Paragraph | Table) and _running_text(aside, first) and not (
                _set_on_picture(aside, pictures)
            ):
                break  # (the running text going on below, in the paragraph's column)
            end += 1
        if end == k or end >= len(out) or end - k > MAX_ASIDES:
            continue
        second = out[end]
        at = _page_span(second)
        if not isinstance(second, Paragraph) or second.preformatted or at is None:
            continue
        if at[0] != page + 1 and not (at[0] == page and _next_column(first, second)):
            continue
        if not _goes_on(second.text) or len(second.text.split()) < GOING_ON_WORDS:
            continue  # (a diagram's label at the top of the next page: no sentence)
        out[k:end + 1] = [second, *out[k:end]]
    return out


def _set_on_picture(block: Block, pictures: list[Figure]) -> bool:
    """``block`` is a label set on one of the ``pictures`` (on its page, its middle inside the
    picture's box), or its caption: a drawing's text, read with it, however wide it reaches
    below the paragraph."""
    prov = getattr(block, "prov", None)
    if not prov:
        return False
    if isinstance(block, Paragraph) and any(
        picture.caption and " ".join(block.text.split()) == " ".join(picture.caption.split())
        for picture in pictures
    ):
        return True
    box, page = prov[0].bbox, prov[0].page
    x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    return any(
        p.page == page and p.bbox.x0 <= x <= p.bbox.x1 and p.bbox.y0 <= y <= p.bbox.y1
        for picture in pictures for p in picture.prov
    )


def paragraphs_run_on(blocks: list[Block], hyphenation: Hyphenation | None) -> list[Block]:
    """``blocks`` with each paragraph broken off mid-sentence and going on in the next block
    (after :func:`asides_after_runover`) read as one paragraph: the second half starts with a
    small letter at the head of the next page, or at the head of the next column to the right
    on the same page, in a column about as wide. A word the break hyphenated is one again."""
    out: list[Block] = []
    for block in blocks:
        first = out[-1] if out else None
        if not (isinstance(first, Paragraph) and isinstance(block, Paragraph)):
            out.append(block)
        elif _listing_runs_on(first, block):
            # (One listing over a page break: its lines go on, none joined.)
            out[-1] = _joined(first, block, f"{first.text}\n{block.text}")
        elif first.lang == block.lang and _runs_on(first, block):
            out[-1] = _joined(first, block, join_lines([first.text, block.text], hyphenation))
        else:
            out.append(block)
    return out


def _joined(first: Paragraph, second: Paragraph, text: str) -> Paragraph:
    """The two paragraphs as one reading ``text``: the first's, with both halves' marks and
    links."""
    return replace(
        first, text=text, prov=[*first.prov, *second.prov], links=[*first.links, *second.links]
    )


def _listing_runs_on(first: Paragraph, second: Paragraph) -> bool:
    """Whether two listings (preformatted paragraphs), one read right after the other, are
    one listing broken by a page break: the first ends its page's text, the second starts
    the next page's, at about the same left edge."""
    if not (first.preformatted and second.preformatted and first.prov and second.prov):
        return False
    end, start = first.prov[-1], second.prov[0]
    return (start.page == end.page + 1 and first.lang == second.lang
            and abs(start.bbox.x0 - end.bbox.x0) <= LISTING_EDGE)


def _runs_on(first: Paragraph, second: Paragraph) -> bool:
    if first.preformatted or second.preformatted:
        return False  # (a listing's lines are its own: no sentence runs on into them)
    if not first.prov or not second.prov or not breaks_off(first.text):
        return False
    if not _goes_on(second.text) or len(second.text.split()) < GOING_ON_WORDS:
        return False
    end, start = first.prov[-1], second.prov[0]
    a, b = end.bbox, start.bbox
    wide, narrow = max(a.x1 - a.x0, b.x1 - b.x0), min(a.x1 - a.x0, b.x1 - b.x0)
    if wide <= 0 or narrow < COLUMN_LIKENESS * wide:
        return False
    if start.page == end.page + 1:
        return True
    return start.page == end.page and _next_column(first, second)


def _next_column(first: Paragraph, second: Paragraph) -> bool:
    """``second`` stands at the head of the next column after ``first``'s on one page, in a
    column about as wide: to the right, starting above where the first ends (display space:
    y up); and the first holds more than a line (see :data:`COLUMN_HALF_WORDS`)."""
    a, b = first.prov[-1].bbox, second.prov[0].bbox
    wide, narrow = max(a.x1 - a.x0, b.x1 - b.x0), min(a.x1 - a.x0, b.x1 - b.x0)
    return (
        wide > 0 and narrow >= COLUMN_LIKENESS * wide
        and b.x0 >= a.x1 - 1 and b.y1 > a.y0
        and len(first.text.split()) >= COLUMN_HALF_WORDS
    )
