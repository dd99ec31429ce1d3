"""Footnotes at the foot of a page or column, each read as a note of its own, after the text.

A footnote is set in a smaller face than the running text, in the lower part of the page,
and opens with a mark ("1", "2)", "*", "†") that a line of the page's text carries raised
above it, smaller (the reference). The notes are set apart from the text above them: under a
short rule (the note separator), or each opening with its own mark raised as well (a word
processor's notes set off by a gap alone); a list of numbered points in a small face at the
foot of a column is neither. The reading order of columns would read the notes where
the column they stand in ends: in the middle of the page's text, and, where the column's
last paragraph goes on at the top of the next column, in the middle of a sentence ("… which
we treat as" — two notes — "a disease"). A reader needs the running text whole, and each
note apart: the notes keep the place the column gives them, after its text, unless the
column's last paragraph breaks off there mid-sentence; then they are read where that
paragraph ends (past the column breaks it runs on over; at the page's end where it goes on
over the page, and then after its end: see :mod:`.runover`).

The notes of a page may come as one block (lines in one face, one under the other): a line
opening with a mark the text carries opens a note of its own. Numbered notes count up: a
line or block opening with a number no greater than the last note's is a point inside that
note ("2) A table of accidents: 1) … 2) …"), read with it. A block in the notes' face under
a short rule at the foot of the next column, opening with no mark, is the last note going
on there.

Small text at the foot that opens with no mark the text carries raised (a caption, a
copyright line, an address, a page number) is no note, and keeps its place.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .blocks import Block, lines_of
from .figures import caption_text
from .glyphs import PageContent
from .lines import Fragment
from .runover import breaks_off

#: Notes live in this share of the page, from its foot.
FOOT_BAND = 0.4
#: A note's face is smaller than this share of the page's running text.
NOTE_FACE = 0.95
#: A note going on in another block is set in its face: sizes at most this far apart.
NOTE_SIZE_APART = 0.3
#: A raised mark is set at most this share of its line's size...
RAISED_SIZE = 0.8
#: ... with its foot at least this share of the line's size above the line's.
RAISED_BY = 0.25

#: The marks of notes that are no numbers.
SYMBOLS = "*∗†‡§¶"

#: A note's opening mark: a number of up to three digits (not the start of a longer number, a
#: date or a decimal: "2020.1.1.", "2.5"), or one to three symbols; then a closing ")" or "."
#: may follow.
_OPENING = re.compile(r"\s*(\d{1,3}(?!\d)|[*∗†‡§¶]{1,3})(?![.,]\d)[).]?")
#: A word of two letters at least (or a Chinese, Japanese or Korean character).
_WORD = re.compile(r"[^\W\d_]{2}|[\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _key(mark: str) -> str:
    """One spelling of a mark: a number without leading zeros, "∗" as "*"."""
    return str(int(mark)) if mark.isdigit() else mark.replace("∗", "*")


def _opening(text: str) -> str | None:
    """The mark ``text`` opens with, where words follow it, two or more, one of them two
    letters long at least: a number alone is a page's, "3(ii)" or "1) R 2" a formula's."""
    found = _OPENING.match(text)
    if found is None:
        return None
    words = text[found.end():].split()
    if len(words) < 2 or not any(_WORD.search(w) for w in words):
        return None
    return _key(found.group(1))


#: Quotes a note's first word may open with, right after the mark ("1„Verschiebung“ …").
_OPENING_QUOTES = "\"'\u2018\u201c\u201e\u00ab\u2039"


def _mark_apart(line: list[Fragment]) -> list[Fragment]:
    """The first line of a note (its pieces left to right) with its mark a word of its own:
    a raised mark set with no space before the note's first word ("1The", from a TeX or
    word processor's note) would be read as one word with it."""
    first = line[0]
    found = _OPENING.match(first.text)
    if found is None:
        return line
    end = found.end()
    after = first.text[end:end + 1]
    if not after or not (after.isalpha() or after in _OPENING_QUOTES):
        return line
    apart = replace(first, text=f"{first.text[:end]} {first.text[end:]}")
    apart.mark_apart = True
    return [apart, *line[1:]]


def _mark_raised(block: Block) -> bool:
    """The block's first line opens with its mark raised above the line, in a smaller face
    (as a word processor or TeX sets a note's own mark)."""
    line = lines_of(block.frags)[0]
    size = block.size
    rest = [g.y0 for f in line for g in f.glyphs if g.size > RAISED_SIZE * size]
    first = line[0].glyphs[0] if line[0].glyphs else None
    return (
        first is not None and bool(rest) and first.size <= RAISED_SIZE * size
        and first.y0 >= min(rest) + RAISED_BY * size
    )


def _body_size(blocks: list[Block]) -> float:
    """The size most of the page's text is set in."""
    sizes: Counter[float] = Counter()
    for b in blocks:
        if b.kind == "text":
            sizes[round(b.size * 2) / 2] += sum(len(f.text) for f in b.frags)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def raised_marks(blocks: list[Block]) -> set[str]:
    """The marks the blocks' lines carry raised above them, in a smaller face: numbers and
    symbols, each run of them one mark ("12", "†")."""
    marks: set[str] = set()
    for b in blocks:
        if b.kind == "figure":
            continue
        size = b.size
        previous: Fragment | None = None
        for f in b.frags:
            if f.size >= 0.9 * size:
                base = f.y0
            elif previous is not None and previous.y0 < f.y0 < previous.y1:
                base = previous.y0  # a mark set as a piece of its own, after its word
            else:
                previous = f
                continue
            previous = f
            if min(f.sizes, default=size) > RAISED_SIZE * size:
                continue  # (no glyph small enough: most lines)
            run = ""
            for g in f.glyphs:
                if (
                    (g.char.isdigit() or g.char in SYMBOLS)
                    and g.size <= RAISED_SIZE * size and g.y0 >= base + RAISED_BY * size
                ):
                    run += g.char
                elif run:
                    marks.add(_key(run))
                    run = ""
            if run:
                marks.add(_key(run))
    return marks


def _under_rule(block: Block, content: PageContent) -> bool:
    """A short rule (less than the page's width) lies just above ``block``, from its left."""
    return any(
        r.y1 - r.y0 <= 2.5 and r.x1 - r.x0 < 0.6 * content.width
        and 0 <= r.y0 - block.y1 <= 2 * block.size
        and r.x0 <= block.x0 + block.size and r.x1 > block.x0
        for r in content.rules
    )


def _right_below(block: Block, note: Block) -> bool:
    """``block`` stands under ``note``, in its column, a line's gap apart at most."""
    return (
        block.y1 <= note.y0 + 0.5 * block.size
        and note.y0 - block.y1 <= 1.5 * block.size
        and block.x0 < note.x1 and note.x0 < block.x1
    )


def footnotes_apart(blocks: list[Block], content: PageContent) -> list[Block]:
    """``blocks`` with the page's footnotes each a block of its own (its ``note`` set to its
    mark), read where the column puts them unless that is in the middle of a paragraph."""
    foot = content.y0 + FOOT_BAND * content.height
    # (Cheap first: most pages have no small text opening with a mark at their foot.)
    low = [
        b for b in blocks
        if b.kind == "text" and b.y1 <= foot and b.frags and _OPENING.match(b.frags[0].text)
    ]
    low = [b for b in low if _opening(b.text)]
    if not low:
        return blocks
    size = _body_size(blocks)
    low = [b for b in low if b.size < NOTE_FACE * size]
    if not low:
        return blocks
    in_low = {id(b) for b in low}
    marks = raised_marks([b for b in blocks if id(b) not in in_low])
    if not any(_opening(b.text) in marks for b in low):
        return blocks  # (no note is referred to in the text)
    notes: list[tuple[str, list[Fragment]]] = []
    sources: list[Block] = []  # the block each note opens in
    used: set[int] = set()
    last_number = 0
    last: Block | None = None  # the block the last note was read from

    def opens(mark: str | None, confirmed: bool) -> bool:
        """Whether a note opens with ``mark``: a number counting on from the last note's, or
        a symbol not used yet, and raised in the text (``confirmed``: a number need not be,
        where it opens a block of its own in the notes' face, on a page with notes)."""
        if mark is None:
            return False
        if mark.isdigit():
            return int(mark) > last_number and (confirmed or mark in marks)
        return mark in marks and all(mark != m for m, _ in notes)

    for b in blocks:
        if b.kind != "text" or b.y1 > foot:
            continue
        mark = _opening(b.text)
        if id(b) not in in_low or not opens(mark, True) or not (
            _under_rule(b, content) or _mark_raised(b)
            or (last is not None and _right_below(b, last))
        ):
            if last is not None and abs(b.size - last.size) <= NOTE_SIZE_APART and (
                _right_below(b, last) if mark is not None else _under_rule(b, content)
            ):
                # A point inside the last note (numbered anew), or the note going on
                # under the rule at the foot of the next column.
                notes[-1][1].extend(b.frags)
                used.add(id(b))
                last = b
            continue
        used.add(id(b))
        last = b
        for k, line in enumerate(lines_of(b.frags)):
            mark = _opening(" ".join(f.text for f in line)) if k else mark
            if k == 0 or opens(mark, False):
                assert mark is not None
                notes.append((mark, _mark_apart(list(line))))
                sources.append(b)
                if mark.isdigit():
                    last_number = int(mark)
            else:
                notes[-1][1].extend(line)
    if not notes:
        return blocks
    out: list[Block] = []
    before: dict[int, int] = {}  # a note's block -> the index in ``out`` of the block before
    for b in blocks:
        if id(b) in used:
            before[id(b)] = len(out) - 1
        else:
            out.append(b)
    after: dict[int, list[Block]] = {}  # index in ``out`` -> the notes read after it
    for (mark, frags), source in zip(notes, sources, strict=True):
        note = Block(source.page, note=mark)
        for f in frags:
            note.add(f)
        at = before[id(source)]
        if at >= 0 and out[at].kind == "text" and breaks_off(out[at].text):
            at = _paragraph_end(out, at)
        after.setdefault(at, []).append(note)
    return after.get(-1, []) + [x for k, b in enumerate(out) for x in [b, *after.get(k, [])]]


#: A paragraph is followed over at most this many blocks (columns, pages) to its end.
PARAGRAPH_BLOCKS = 4


def _paragraph_end(blocks: list[Block], at: int) -> int:
    """The index of the block that ends the paragraph going on from ``blocks[at]``: the
    paragraph goes on past a block breaking off mid-sentence (after a word, a comma or a
    hyphen), into the next text block in its face (the next column's top; a caption or a
    drawing's labels read between are none). Where no such text follows, it ends there (a
    credit line without a full stop; a paragraph going on over the page, its end on the next
    page: see :mod:`.runover`)."""
    size = blocks[at].size
    for _ in range(PARAGRAPH_BLOCKS):
        if not breaks_off(blocks[at].text):
            return at
        following = next(
            (k for k in range(at + 1, len(blocks))
             if blocks[k].kind == "text" and NOTE_FACE * size <= blocks[k].size <= size / NOTE_FACE
             and caption_text(blocks[k].text) is None),
            None,
        )
        if following is None:
            return at
        at = following
    return at
