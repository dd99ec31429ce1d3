"""A paragraph that runs on over a page break (or a column break) is read in one go.

The page's reading order puts what stands beside or under its running text (a picture with
its caption and credit, a margin's notes, footnotes, a boxed panel) after that text: on a
page whose last paragraph breaks off mid-sentence to go on at the top of the next page,
they land between the two halves of the sentence: a listener hears "… the bridge was
closed for" — a photo credit and a caption — "three weeks in June". They are read after
the paragraph ends instead, on the next page, as a reader of the printed page turns back
to them after finishing the sentence.

Then the two halves are one paragraph (:func:`paragraphs_run_on`): a screen reader announces
a new paragraph and pauses at each break, and a reflowed large-print copy would start a new
paragraph mid-sentence; the tagged PDF's one P element holds the marks of both pages.
A code listing broken by a page break is one listing likewise, its lines kept.

A sentence going on shows by a small letter; Korean, Chinese and Japanese have none, so there
the first half must leave its sentence unfinished (no full stop, no Korean declarative "다")
and the second open with a letter of the same script that is not an item's label ("가.",
"一、"). A Korean word the break fell inside reads whole where the document draws the spaces
it breaks its lines at (:func:`words_broken_at_block_ends`), as within a block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import replace

from ..document import (
    Artifact,
    BBox,
    Block,
    Figure,
    Heading,
    ListBlock,
    Note,
    Paragraph,
    Prov,
    Table,
)
from .blocks import Block as TextBlock
from .blocks import Hyphenation, hangul, join_lines, unspaced, unspaced_count
from .figures import caption_text
from .patterns import starts_item
from .rounding import round_to

#: Whether the word at the end of one paragraph's half goes on, unspaced, at the start of
#: the other's (a Korean word broken between two of its letters): see
#: :func:`paragraphs_run_on`.
BrokenWord = Callable[[Paragraph, Paragraph], bool]

#: Closing quotes and brackets that may follow a sentence's end.
CLOSERS = "\"'”’)]»"
#: At most this many blocks between the halves are moved (more is no page's asides).
MAX_ASIDES = 12
#: At most this many blocks make the floats between the halves of a sentence broken by a
#: column or page break (a table read as its columns' paragraphs): see :func:`_past_floats`.
MAX_FLOAT_BLOCKS = 40
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
    return bool(end) and (end[-1].isalpha() or end[-1] in _CLAUSE_ENDS)


#: Marks a sentence goes on after: the comma and hyphens, and the comma and enumeration
#: comma of Chinese and Japanese ("，", "、").
_CLAUSE_ENDS = ",-‐\uff0c\u3001"


def _goes_on(text: str, before: str) -> bool:
    """The paragraph starts as a sentence's middle, going on from ``before``: with a small
    letter; or, in Korean, Chinese or Japanese, which have no small letters, with a letter
    of theirs where ``before`` ends in one, a sentence left unfinished (see
    :func:`_caseless_goes_on`)."""
    start = text.lstrip()
    if not start:
        return False
    return _small_letter_first(start) or _caseless_goes_on(start, before.rstrip())


#: Words no sentence nor line of its own ends in: the articles (English, French), each
#: leading on to the word after it. (Not prepositions: a caption or a note broken off after
#: "by" or "of" stands beside a column whose head opens with a capital of its own.)
_LEADING_ON = frozenset({
    "the", "a", "an", "le", "la", "les", "un", "une", "des", "du", "au", "aux",
})


def _after_a_word_leading_on(start: str, before: str) -> bool:
    """Whether ``before`` ends in an article, a word that leads on to another ("… linked to
    breast cancer are on the"), so that the sentence goes on in ``start`` though it opens
    with a capital ("BRCA1 and BRCA2 genes"): a name goes on from such a word. ``start``
    opens with a letter, no item's label. (Asked only of the head of the next column beside
    the first half, see :func:`_runs_on`: a caption or a note set between the halves opens
    with a capital too.)"""
    words = before.split()
    return (
        bool(words) and words[-1] in _LEADING_ON
        and start[:1].isalpha()
        and _BRACKETED_LABEL.match(start) is None
        and not starts_item(start)
    )


#: Opening quotes and brackets a sentence's middle may open with ("“augmentation of …”").
OPENERS = "\"'“‘([«"
#: An item's label in brackets ("(a)", "(iv)", "[2."): no sentence's middle.
_BRACKETED_LABEL = re.compile(r"\w{1,4}[.)\]]")


def _small_letter_first(start: str) -> bool:
    """``start`` opens with a small letter, or with a word of small letters only after an
    opening quote or bracket (a quotation or an aside going on with the sentence), not a
    label ("(a)") nor a name ("«dataType» Code", a diagram's stereotype)."""
    if start[0].islower():
        return True
    inner = start.lstrip(OPENERS)
    word = inner.split(maxsplit=1)[0].rstrip(CLOSERS + ",.;:") if inner.strip() else ""
    return (inner != start and word.isalpha() and word.islower()
            and _BRACKETED_LABEL.match(inner) is None)


#: A Korean sentence's last syllable in the declarative ("했다", "있다"), which a paragraph
#: ended without its full stop still ends in: a Korean paragraph ending in it has ended.
_KOREAN_SENTENCE_END = "\ub2e4"
#: An item's label in Korean, Chinese or Japanese: a syllable or an ideograph counting the
#: items ("가.", "나)", "一、", "二．").
_CASELESS_LABEL = re.compile("[\uac00-\ud7a3\u3400-\u9fff][.)\u3001\uff0e\uff09]")


def _caseless_goes_on(start: str, before: str) -> bool:
    """Whether a paragraph starting with ``start`` goes on from one ending with ``before``,
    in a script without capitals (Korean, Chinese, Japanese), where a sentence's middle
    cannot be told by a small letter: both halves are in that script, letters meeting at
    the break, but for a comma after the first (not a bracket, a quote or a figure: a new
    sentence may start with one), the first half's last sentence unfinished (no full stop,
    no Korean declarative ending), the second not opening with an item's label."""
    first = start[0]
    if first < "\u1100":
        return False  # (no Korean, Chinese or Japanese letter comes before U+1100)
    last = before.rstrip(_CLAUSE_ENDS)[-1:]
    return (
        first.isalpha() and last.isalpha()
        and (hangul(first) and hangul(last) or unspaced(first) and unspaced(last))
        and before[-1:] != _KOREAN_SENTENCE_END
        and _CASELESS_LABEL.match(start) is None
    )


def _going_on_words(text: str) -> int:
    """Words in ``text``, read as the length of a sentence: the words between its spaces;
    in Chinese and Japanese, which set no spaces between words, a word for each two
    characters (about a word's length in those languages)."""
    words = len(text.split())
    if text[:1] and unspaced(text[0]):
        return max(words, unspaced_count(text) // 2)
    return words


def ends_sentence(text: str) -> bool:
    """The paragraph ends as a sentence does: with a full stop, a question or an
    exclamation mark (a closing quote or bracket may follow): "(when filled in)" closes no
    sentence, "(see above.)" does."""
    return text.rstrip().rstrip(CLOSERS)[-1:] in (".", "?", "!")


def _second_half(text: str, before: str) -> bool:
    """``text`` may be the rest of a sentence broken off above (``before``): it goes on from
    it (:func:`_goes_on`) and holds :data:`GOING_ON_WORDS` words at least (:func:`_going_on_words`),
    or ends the sentence ("herself.",
    "destroyed it.": the few words left for the next page). A diagram's label at the top of
    the next page, a few words with no full stop, is no sentence's rest."""
    return _goes_on(text, before) and (
        _going_on_words(text) >= GOING_ON_WORDS or ends_sentence(text))


#: The two halves of a listing broken by a page break start within this many points of one
#: another (the same margin, on the next page).
LISTING_EDGE = 36.0


def letterheads_apart(
    blocks: list[Block], running_heads: Mapping[int, float] | None = None,
    bookmarked: Container[int] = (),
) -> tuple[list[Block], list[Artifact]]:
    """``blocks`` without the headings that stand inside a sentence broken by a page break,
    and those headings as page furniture. A letterhead repeated at the top of a report's or
    a letter's later pages (the sender's name beside its logo, set large) is read first on
    its page, before the running text goes on there; where that text goes on mid-sentence
    (with a small letter, under the line) from a paragraph of the page before that breaks
    off, in a column about as wide, no section starts between the sentence's halves: the
    line is the page's header, not a heading.

    ``running_heads``: for a page, where its running lines at its head end (the lowest
    bottom of its running header and its page number there, display space: y up). A line
    under them is no header: the page has its furniture over it, and a line set once under
    that is the text's, a section's title at the text block's top (a manual's function
    heading opening a page, over its signature: "int asn1_copy_node (…" opens with a small
    letter too).

    ``bookmarked``: the ids of the headings a bookmark of the document leads to, on their
    page. Such a heading is a section's title wherever it stands: a web page's list of
    links broken by the page, its last link read as a sentence breaking off and the next
    section's first link ("address UDP4-RECV") as one going on with a small letter."""
    kept: list[Block] = []
    furniture: list[Artifact] = []
    for k, block in enumerate(blocks):
        if (isinstance(block, Heading) and id(block) not in bookmarked
                and not _under_running_head(block, running_heads or {})
                and _inside_a_sentence(block, blocks, k)):
            furniture.append(Artifact("header", block.text, list(block.prov)))
        else:
            kept.append(block)
    return kept, furniture


def _under_running_head(heading: Heading, running_heads: Mapping[int, float]) -> bool:
    """Whether ``heading`` starts on its page under that page's running lines at its head
    (see :func:`letterheads_apart`; display space: y up)."""
    if not heading.prov:
        return False
    first = heading.prov[0]
    head = running_heads.get(first.page)
    return head is not None and first.bbox.y1 <= head + 1


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
            or _page_span(going_on) != (page, page)
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
                and breaks_off(b.text) and _goes_on(going_on.text, b.text)
                and len(b.text.split()) >= COLUMN_HALF_WORDS
                and _alike_in_width(b.prov[-1].bbox.x1 - b.prov[-1].bbox.x0, width)):
            return True
    return False


def _alike_in_width(a: float, b: float) -> bool:
    wide, narrow = max(a, b), min(a, b)
    return wide > 0 and narrow >= COLUMN_LIKENESS * wide


#: The size of the text set in one of a paragraph's places (its :class:`Prov`), or None
#: where it is not known: see :func:`text_sizes`.
TextSize = Callable[[Prov], float | None]
#: A note set at a column's foot is set this much smaller than the running text at most
#: (a footnote's size, or a paper's permission notice).
NOTE_SIZE = 0.9


def text_sizes(blocks: Iterable[TextBlock]) -> TextSize:
    """For :func:`asides_after_runover`, from the text ``blocks`` the paragraphs were read
    from (found by their page and box): the size each is set in."""
    at = {_place(b.page, b.x0, b.y0, b.x1, b.y1): b.size for b in blocks if b.frags}
    return lambda prov: at.get(_prov_place(prov))


#: The frames of each page's boxed panels (display space, by page), read as floats: see
#: :func:`asides_after_runover`.
Panels = Mapping[int, Sequence[BBox]]


def panel_frames(blocks: Iterable[TextBlock]) -> dict[int, list[BBox]]:
    """For :func:`asides_after_runover`, from the blocks of the document's pages: the frames
    of their boxed panels (found by :func:`.order.panels_last`)."""
    frames: dict[int, list[BBox]] = {}
    for block in blocks:
        if block.panel is not None and block.panel not in frames.setdefault(block.page, []):
            frames[block.page].append(block.panel)
    return frames


def _panel_of(block: Block, panels: Panels) -> BBox | None:
    """The frame of the boxed panel ``block`` stands inside (every place of it), or None."""
    prov = getattr(block, "prov", None)
    if not prov or not panels:
        return None
    frames = panels.get(prov[0].page, ())
    return next((frame for frame in frames if all(
        p.page == prov[0].page and _inside(p.bbox, frame) for p in prov
    )), None)


#: A block's box lies inside a panel's frame within this many points of its edges.
FRAME_SLACK = 2.0


def _inside(box: BBox, frame: BBox) -> bool:
    return (box.x0 >= frame.x0 - FRAME_SLACK and box.x1 <= frame.x1 + FRAME_SLACK
            and box.y0 >= frame.y0 - FRAME_SLACK and box.y1 <= frame.y1 + FRAME_SLACK)


def asides_after_runover(
    blocks: list[Block], size: TextSize | None = None, panels: Panels | None = None,
) -> list[Block]:
    """``blocks`` with the asides read between the halves of a paragraph broken by a page
    or column break moved to after its second half. The halves: the last paragraph of a page
    (or of a column) that breaks off mid-sentence, and the first block of the next page (or
    the head of the next column, :func:`_next_column`), a paragraph going on with a small
    letter; between them only pictures, notes, tables and paragraphs of that page (no
    heading, no list: a new part of the text), none of them running text going on under the
    paragraph but a float's own text: a picture's labels and caption (the labels set on or
    round a drawing not counted among :data:`MAX_ASIDES`), a table with its caption, its
    heading cells and the note under it; a note set smaller than the paragraph under it, at
    its column's foot (a footnote, a paper's permission notice), where ``size`` tells the
    paragraphs' sizes; a boxed panel's blocks, whatever they are (its title, its lists),
    where ``panels`` gives the frames of the page's panels: a panel is a float too, set
    apart from the running text as a picture is (each panel one aside)."""
    out = list(blocks)
    panels = panels or {}
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
        # (The page's floats are looked for only once an aside is there to be set on one:
        # most paragraphs are followed by running text or the next page.)
        floats: list[Figure | Table] | None = None
        counted = 0
        boxes: list[BBox] = []
        while end < len(out) and counted <= MAX_ASIDES:
            aside = out[end]
            at = _page_span(aside)
            if at is None or at[0] != page:
                break
            frame = _panel_of(aside, panels)
            if frame is not None:
                counted += frame not in boxes
                boxes.append(frame)
                end += 1
                continue
            if not isinstance(aside, _ASIDE_KINDS):
                break
            if (isinstance(aside, Paragraph) and _goes_on(aside.text, first.text)
                    and _under(aside, first)):
                break  # (the sentence going on, under a formula set on its own lines)
            if floats is None:
                floats = _floats_of_page(out[k:k + MAX_FLOAT_BLOCKS], page)
            # (A table with its caption is a float, however wide: no running text.)
            on_float = _set_on_picture(aside, floats) or (
                isinstance(aside, Table) and aside.caption is not None)
            if (isinstance(aside, Paragraph | Table) and not on_float
                    and not _table_note(aside, out[end - 1], first)
                    and not _set_smaller_under(aside, first, size)
                    and _running_text(aside, first)):
                break  # (the running text going on below, in the paragraph's column)
            # (A drawing's labels are read with it: many of them make no more asides.)
            counted += not (on_float and isinstance(aside, Paragraph))
            end += 1
        if end == k or counted > MAX_ASIDES or not (
            _second_half_at(out, end, first, size)
            or _wraps_under(first, out[k:end], out[end:end + 1])
        ):
            past = _past_floats(out, k, first)
            if past is None:
                continue
            end = past
        out[k:end + 1] = [out[end], *out[k:end]]
    return out


#: The halves of a sentence broken by a page or column break are set this much alike in size
#: at least (the smaller over the larger): see :func:`same_size`.
SAME_SIZE = 0.85


def same_size(first: Paragraph, second: Paragraph, size: TextSize | None) -> bool:
    """Whether ``second`` may be set in the size ``first`` ends in, where ``size`` tells both
    (True where it does not): a sentence keeps its face over a break, and an infographic's
    small item with no full stop at a page's end ("5.5: Secure global supply chains") is no
    half of the running text's sentence opening the next page."""
    if size is None or not first.prov or not second.prov:
        return True
    end, start = size(first.prov[-1]), size(second.prov[0])
    if not end or not start:
        return True
    return min(end, start) >= SAME_SIZE * max(end, start)


def _set_smaller_under(block: Block, paragraph: Paragraph, size: TextSize | None) -> bool:
    """``block`` is a note set under ``paragraph`` in smaller type (:data:`NOTE_SIZE`): a
    footnote, no running text going on. The paragraph holds more than a line (a form's
    label over its small print is no sentence broken off)."""
    if (size is None or not isinstance(block, Paragraph) or not _under(block, paragraph)
            or _going_on_words(paragraph.text) < COLUMN_HALF_WORDS):
        return False
    own, running = size(block.prov[0]), size(paragraph.prov[-1])
    return own is not None and running is not None and 0 < own <= NOTE_SIZE * running


def _under(block: Paragraph, paragraph: Paragraph) -> bool:
    """``block`` starts below ``paragraph``'s end on its page (display space: y up), not
    beside it (a margin's glossary entry opening with a small letter)."""
    return block.prov[0].bbox.y1 <= paragraph.prov[-1].bbox.y0 + 1


def _second_half_at(
    blocks: list[Block], end: int, first: Paragraph, size: TextSize | None = None
) -> bool:
    """``blocks[end]`` goes on with the sentence ``first`` breaks off, at the head of the
    next page or of the next column."""
    if end >= len(blocks):
        return False
    second = blocks[end]
    at, span = _page_span(second), _page_span(first)
    if not isinstance(second, Paragraph) or second.preformatted or at is None or span is None:
        return False
    page = span[1]
    if at[0] != page + 1 and not (at[0] == page and _next_column(first, second)):
        return False
    # (A diagram's label at the top of the next page: no sentence.)
    return _second_half(second.text, first.text) and same_size(first, second, size)


def _wraps_under(first: Paragraph, between: list[Block], after: list[Block]) -> bool:
    """The paragraph ``after`` holds (one block) goes on with the sentence ``first`` breaks
    off beside a picture, under both (the text wraps round an author's photo in a paper's
    biographies): ``first`` holds more than a line, the ``between`` blocks are pictures set
    beside its last part, and the second half stands directly under it (no further than
    its own height), reaching in under them."""
    second = after[0] if after else None
    if (first.preformatted or not first.prov or not breaks_off(first.text)
            or _going_on_words(first.text) < COLUMN_HALF_WORDS):
        return False  # (a diagram's labels by its drawing: no sentence)
    if not (isinstance(second, Paragraph) and not second.preformatted and second.prov
            and between and all(isinstance(b, Figure) and b.prov for b in between)
            and _second_half(second.text, first.text)):
        return False
    last, start = first.prov[-1], second.prov[0]
    a, b = last.bbox, start.bbox
    if start.page != last.page or not -1 <= a.y0 - b.y1 <= b.y1 - b.y0:
        return False
    return all(
        _beside(p, last) and p.bbox.x0 < b.x1 and b.x0 < p.bbox.x1
        for picture in between for p in getattr(picture, "prov", [])
    )


def _beside(place: Prov, text: Prov) -> bool:
    """``place`` stands beside ``text`` on its page: level with it, not across it."""
    a, b = place.bbox, text.bbox
    return (place.page == text.page and a.y0 < b.y1 and b.y0 < a.y1
            and (a.x1 <= b.x0 + 1 or a.x0 >= b.x1 - 1))


def _past_floats(blocks: list[Block], k: int, first: Paragraph) -> int | None:
    """Where the sentence ``first`` (``blocks[k - 1]``) breaks off goes on past floats set
    at the foot of its column or the head of the next (a figure, a listing or a table with
    its caption, as wide as the column they stand in): the index of its second half, or
    None. The second half is the first paragraph after ``first`` going on with a small
    letter at the head of the next column or page, in a column about as wide (past a
    table's cells over it that open with one), and ``first`` holds more than a line; each
    block between stands under ``first`` on its page, across its column, or over the
    second half on its; the one read last before the second half is a caption (or its
    rest, :func:`_caption_rest`), a picture or a table (a float's foot meets the running
    text, which a paragraph of the column would not)."""
    if _going_on_words(first.text) < COLUMN_HALF_WORDS:
        return None  # (a line over a table, "Unit: yuan", is no broken sentence)
    # (A second half starts on the page ``first`` ends on or the next, as _second_half_at
    # asks: asked first, so that the blocks of other pages are passed over by one
    # comparison, not after a look at their words.)
    pages = (first.prov[-1].page, first.prov[-1].page + 1)
    end = next((j for j, block in enumerate(blocks[k + 1:k + MAX_FLOAT_BLOCKS + 1], start=k + 1)
                if isinstance(block, Paragraph) and block.prov and block.prov[0].page in pages
                and _goes_on(block.text, first.text) and _second_half_at(blocks, j, first)),
               None)
    if end is None:
        return None
    if not _float_foot(blocks[end - 1]) and not _caption_rest(blocks[max(k, end - 2):end + 1]):
        return None
    under, over = first.prov[-1], blocks[end].prov[0]
    for block in blocks[k:end]:
        prov = getattr(block, "prov", None)
        if isinstance(block, Heading | ListBlock | Artifact) or not prov:
            return None  # (a new part of the text, no float)
        if not all(_set_apart(p, under, below=True) or _set_apart(p, over, below=False)
                   for p in prov):
            return None
        if (isinstance(block, Paragraph) and _goes_on(block.text, first.text)
                and not all(_set_apart(p, over, below=False) for p in prov)):
            return None  # (the sentence going on in its column, under a formula: no float)
    return end


def _float_foot(block: Block) -> bool:
    """``block`` may end a float: a picture, a table, or a caption ("Figure 3. …")."""
    if isinstance(block, Figure | Table):
        return True
    return isinstance(block, Paragraph) and caption_text(block.text) is not None


def _caption_rest(three: list[Block]) -> bool:
    """Of ``three`` blocks read in a row, the second is the rest of a caption, the first
    (its label's line set apart: "Figure 9. Tagged values." over "Testing tags … is a key
    benefit."), over running text, the third: on one page, set closer under the caption
    than over the text (display space: y up)."""
    if len(three) != 3:
        return False
    caption, rest, text = three
    if not (isinstance(caption, Paragraph) and caption_text(caption.text) is not None
            and isinstance(rest, Paragraph) and caption.prov and rest.prov):
        return False
    above, under, below = caption.prov[-1], rest.prov[0], text.prov[0]
    if not above.page == under.page == below.page:
        return False
    gap = above.bbox.y0 - under.bbox.y1
    return gap >= -1 and 2 * gap < under.bbox.y0 - below.bbox.y1


def _set_apart(place: Prov, text: Prov, *, below: bool) -> bool:
    """``place`` stands on ``text``'s page under it, across its column (``below``), or over
    it (display space: y up), anywhere across the page (a table at the head of a page
    spans its columns)."""
    a, b = place.bbox, text.bbox
    if place.page != text.page:
        return False
    if not below:
        return a.y0 >= b.y1 - 1
    return a.y1 <= b.y0 + 1 and a.x0 < b.x1 and b.x0 < a.x1


def _floats_of_page(blocks: list[Block], page: int) -> list[Figure | Table]:
    """The pictures and tables among ``blocks`` read on ``page`` (up to the first block of
    another): a float's caption and labels may be read before it."""
    floats: list[Figure | Table] = []
    for block in blocks:
        # (_page_span(block) != (page, page), spelled out: asked of every block after each
        # paragraph breaking off.)
        prov = getattr(block, "prov", None)
        if not prov or prov[0].page != page or prov[-1].page != page:
            break
        if isinstance(block, Figure | Table):
            floats.append(block)
    return floats


def _set_on_picture(block: Block, pictures: list[Figure | Table]) -> bool:
    """``block`` is a label set on one of the ``pictures`` or a table's head (on its page,
    its middle inside the float's box, or its box meeting that box and no wider than half
    of it: a label set round a drawing, a heading cell over a table's rows), or its caption:
    a float's text, read with it, however wide it reaches below the paragraph."""
    prov = getattr(block, "prov", None)
    if not prov or any(block is picture for picture in pictures):
        return False
    if isinstance(block, Paragraph) and any(
        picture.caption and " ".join(block.text.split()) == " ".join(picture.caption.split())
        for picture in pictures
    ):
        return True
    box, page = prov[0].bbox, prov[0].page
    x, y = (box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2
    return any(
        p.page == page and (
            p.bbox.x0 <= x <= p.bbox.x1 and p.bbox.y0 <= y <= p.bbox.y1
            or _meets(box, p.bbox) and 2 * (box.x1 - box.x0) <= p.bbox.x1 - p.bbox.x0
        )
        for picture in pictures for p in picture.prov
    )


#: Boxes this near (points) meet: a label set by the drawing it names, a hair's gap apart
#: (less than a line's leading).
MEETING = 3.0


def _meets(a: BBox, b: BBox) -> bool:
    return (a.x0 <= b.x1 + MEETING and b.x0 <= a.x1 + MEETING
            and a.y0 <= b.y1 + MEETING and b.y0 <= a.y1 + MEETING)


def _table_note(block: Block, before: Block, paragraph: Paragraph) -> bool:
    """``block`` is the note under the table read ``before`` it ("Sources: …"): a paragraph
    narrower than the running text (``paragraph``'s column), set directly under the table
    (no further below than twice its own height), within the table's width."""
    if not (isinstance(block, Paragraph) and isinstance(before, Table) and block.prov
            and before.prov and paragraph.prov):
        return False
    note, table, last = block.prov[0], before.prov[-1], paragraph.prov[-1].bbox
    a, b = note.bbox, table.bbox
    return (note.page == table.page
            and a.x1 - a.x0 < ASIDE_WIDTH * (last.x1 - last.x0)
            and -1 <= b.y0 - a.y1 <= 2 * (a.y1 - a.y0)
            and a.x0 < b.x1 and b.x0 < a.x1)


def paragraphs_run_on(
    blocks: list[Block], hyphenation: Hyphenation | None,
    broken_word: BrokenWord | None = None, size: TextSize | None = None,
) -> list[Block]:
    """``blocks`` with each paragraph broken off mid-sentence and going on in the next block
    (after :func:`asides_after_runover`) read as one paragraph: the second half starts with a
    small letter (in Korean, Chinese or Japanese: a letter, the first half's sentence
    unfinished) at the head of the next page, or at the head of the next column to the right
    on the same page, in a column about as wide, or under a picture the first half stands
    beside, which is read after the second (:func:`_wraps_under`). A word the break
    hyphenated is one again; so is a Korean word the break fell inside, where
    ``broken_word`` says so (otherwise the halves of a Korean line join with a space, as
    Korean breaks a line between words). Where ``size`` tells the paragraphs' sizes, the
    halves are set in one size (:func:`same_size`)."""
    out: list[Block] = []
    for n, block in enumerate(blocks):
        if isinstance(block, ListBlock):
            # (An item's own paragraphs go on over a page break as the text's do.)
            for item in block.items:
                item.blocks = paragraphs_run_on(item.blocks, hyphenation, broken_word, size)
        first = out[-1] if out else None
        if isinstance(first, ListBlock) and isinstance(block, Paragraph):
            # A list's last point broken off at the foot of a page goes on at the head of
            # the next as a paragraph's sentence does (its lines are no point of their own).
            if not _item_runs_on(first, block, hyphenation, size):
                out.append(block)
        elif not (isinstance(first, Paragraph) and isinstance(block, Paragraph)):
            out.append(block)
        elif _listing_runs_on(first, block):
            # (One listing over a page break: its lines go on, none joined.)
            out[-1] = _joined(first, block, f"{first.text}\n{block.text}")
        elif first.lang == block.lang and (
            _runs_on(first, block, size)
            # (The text wrapped round a picture, which is read after it: see asides_after_runover.)
            or _wraps_under(first, blocks[n + 1:n + 2], [block])
        ):
            out[-1] = _joined(first, block, join_lines(
                [first.text, block.text], hyphenation,
                inside_word=_at_the_break(broken_word, first, block),
            ))
        else:
            out.append(block)
    return out


def _at_the_break(
    broken_word: BrokenWord | None, first: Paragraph, second: Paragraph,
) -> Callable[[int], bool] | None:
    """``broken_word`` asked of the one break :func:`join_lines` reads between the halves."""
    if broken_word is None:
        return None
    return lambda _k: broken_word(first, second)


def _item_runs_on(
    lst: ListBlock, second: Paragraph, hyphenation: Hyphenation | None,
    size: TextSize | None = None,
) -> bool:
    """Whether ``second`` is the rest of the last paragraph of the list's last point (of the
    innermost list that ends it); if so it is joined to that paragraph."""
    item = lst.items[-1] if lst.items else None
    while item is not None and item.blocks and isinstance(item.blocks[-1], ListBlock):
        inner = item.blocks[-1]
        item = inner.items[-1] if inner.items else None
    tail = item.blocks[-1] if item is not None and item.blocks else None
    if not (isinstance(tail, Paragraph) and tail.lang == second.lang
            and _runs_on(tail, second, size)):
        return False
    assert item is not None  # (a tail was found in it)
    item.blocks[-1] = _joined(tail, second, join_lines([tail.text, second.text], hyphenation))
    return True


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


def _runs_on(first: Paragraph, second: Paragraph, size: TextSize | None = None) -> bool:
    if first.preformatted or second.preformatted:
        return False  # (a listing's lines are its own: no sentence runs on into them)
    if not first.prov or not second.prov or not breaks_off(first.text):
        return False
    if not same_size(first, second, size):
        return False
    if not (_second_half(second.text, first.text) or (
        _after_a_word_leading_on(second.text.lstrip(), first.text)
        and first.prov[-1].page == second.prov[0].page and _next_column(first, second)
    )):
        return False
    end, start = first.prov[-1], second.prov[0]
    a, b = end.bbox, start.bbox
    wide, narrow = max(a.x1 - a.x0, b.x1 - b.x0), min(a.x1 - a.x0, b.x1 - b.x0)
    if start.page == end.page + 1:
        # The rest of a sentence that ends the paragraph on the next page is as long as its
        # words make it (its last line): it is no column's width, so it is held only to be
        # no wider than the column the paragraph broke off in.
        return wide > 0 and (narrow >= COLUMN_LIKENESS * wide or (
            ends_sentence(second.text) and b.x1 - b.x0 <= a.x1 - a.x0
        ))
    if wide <= 0 or narrow < COLUMN_LIKENESS * wide:
        return False
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


def words_broken_at_block_ends(blocks: Iterable[TextBlock]) -> BrokenWord:
    """For :func:`paragraphs_run_on`, in a document whose typesetter draws the space it breaks
    a line of Korean at (:attr:`.blocks.Hyphenation.spaced_line_ends`), from the text
    ``blocks`` the paragraphs were read from (found by their page and box): whether the
    break between two halves fell inside a word, the first half's last line full to its
    block's edge and no space drawn at its end nor at the start of the second half (as
    :func:`.blocks.drawn_space_missing` reads a break between two lines of one block)."""
    at = {_place(b.page, b.x0, b.y0, b.x1, b.y1): b for b in blocks if b.frags}

    def broken_word(first: Paragraph, second: Paragraph) -> bool:
        above, below = at.get(_prov_place(first.prov[-1])), at.get(_prov_place(second.prov[0]))
        if above is None or below is None:
            return False
        last, opening = above.frags[-1], below.frags[0]
        return (above.x1 - last.x1 <= last.size
                and last.space_after is False and opening.space_before is False)

    return broken_word


def _place(page: int, x0: float, y0: float, x1: float, y1: float) -> tuple[float, ...]:
    """A block's page and box, rounded as a paragraph's :class:`Prov` keeps it."""
    return (page, round_to(x0, 2), round_to(y0, 2), round_to(x1, 2), round_to(y1, 2))


def _prov_place(prov: Prov) -> tuple[float, ...]:
    box = prov.bbox
    return _place(prov.page, box.x0, box.y0, box.x1, box.y1)
