"""A paragraph that runs on over a page break is read in one go.

The page's reading order puts what stands beside or under its running text (a picture with
its caption and credit, a margin's notes, footnotes) after that text: on a page whose last
paragraph breaks off mid-sentence to go on at the top of the next page, they land between
the two halves of the sentence: a listener hears "… the bridge was closed for" — a photo
credit and a caption — "three weeks in June". They are read after the paragraph ends
instead, on the next page, as a reader of the printed page turns back to them after
finishing the sentence.
"""

from __future__ import annotations

from ..document import Block, Figure, Note, Paragraph, Table

#: Closing quotes and brackets that may follow a sentence's end.
CLOSERS = "\"'”’)]»"
#: At most this many blocks between the halves are moved (more is no page's asides).
MAX_ASIDES = 12
#: A paragraph or table between the halves is narrower than this share of the paragraph.
ASIDE_WIDTH = 0.8
#: The second half holds at least this many words.
GOING_ON_WORDS = 3
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


def asides_after_runover(blocks: list[Block]) -> list[Block]:
    """``blocks`` with the asides read between the halves of a paragraph broken by a page
    break moved to after its second half. The halves: the last paragraph of a page that
    breaks off mid-sentence, and the first block of the next page, a paragraph going on with
    a small letter; between them only pictures, notes, tables and paragraphs of that page
    (no heading, no list: a new part of the text)."""
    out = list(blocks)
    k = 0
    while k < len(out):
        first = out[k]
        span = _page_span(first)
        k += 1
        if not isinstance(first, Paragraph) or span is None or not breaks_off(first.text):
            continue
        page = span[1]
        end = k
        while end < len(out) and end - k <= MAX_ASIDES:
            aside = out[end]
            at = _page_span(aside)
            if at is None or at[0] != page or not isinstance(aside, _ASIDE_KINDS):
                break
            if isinstance(aside, Paragraph | Table) and _running_text(aside, first):
                break  # (the running text going on below, in the paragraph's column)
            if isinstance(aside, Paragraph) and _goes_on(aside.text):
                break  # (the sentence going on, under a formula set on its own lines)
            end += 1
        if end == k or end >= len(out) or end - k > MAX_ASIDES:
            continue
        second = out[end]
        at = _page_span(second)
        if not isinstance(second, Paragraph) or at is None or at[0] != page + 1:
            continue
        if not _goes_on(second.text) or len(second.text.split()) < GOING_ON_WORDS:
            continue  # (a diagram's label at the top of the next page: no sentence)
        out[k:end + 1] = [second, *out[k:end]]
    return out
