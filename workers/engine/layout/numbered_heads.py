"""A section's heading numbered like a list item ("IV. Individual differential privacy" in
centred small capitals, "A. Intuitive view" in italics, "2. Method" in bold): one short line
set apart from the running text that follows it. A reader needs it as the heading it is, not
as a list of one item (nor as a point nested in the list above it, whose labels stand left of
it): the list finder, which reads "IV." as a label first, leaves such a line to the heading
rules.

A list keeps its items: the next point follows the line (a list of several short items), or
the line is set in the running text's own face and place (a list of one item), or the text
under it is indented past the label (the item's own paragraphs).

>>> section_label("IV."), section_label("2.1"), section_label("a."), section_label("(ii)")
(True, True, False, False)
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from ..document import Block as ModelBlock
from ..document import Heading, ListBlock, Paragraph
from .blocks import Block
from .lines import word_count
from .patterns import BULLET, NUMBER

#: A section's number: Roman ("IV."), a capital letter ("B."), or figures ("3.", "2.1").
#: Lower-case letters and numerals, brackets and parentheses ("a.", "iv.", "(ii)", "1)")
#: number a list's points, seldom a section.
_SECTION_LABEL = re.compile(r"^(?:[IVX]{1,5}\.|[A-Z]\.|\d{1,3}(?:\.\d{1,3})*\.?)$")

#: The most words a numbered heading's title has (a point of a list runs on as a sentence).
TITLE_WORDS = 10

#: A face of small capitals, by its name (TeX's cmcsc and Latin Modern's LMRomanCaps, a
#: synthesised "…-Small-Caps", a foundry's "…SC").
_SMALL_CAPS = re.compile(r"caps|csc\d|smcp|[a-z-]SC$", re.IGNORECASE)

#: How far (in the line's size) each side of a centred line stays in from the text below it.
CENTRED_IN = 1.5
#: How far apart (in the line's size) the two middles may be for the line to be centred.
CENTRED_OFF = 0.5


def section_label(label: str) -> bool:
    """Whether ``label`` numbers sections as well as lists ("IV.", "B.", "3.", "2.1")."""
    return _SECTION_LABEL.match(label) is not None


def numbered_heading(block: Block, label: str, title: str, below: Block | None) -> bool:
    """Whether ``block`` (its number ``label``, then ``title``) is a section's heading: one
    short line, in a face or a place of its own (bold, italics, small capitals, capitals,
    larger, or centred over the text), over running text set in the body's face from the
    label's edge or further out."""
    if (
        below is None or below.kind != "text" or below.page != block.page
        or not block.frags or not section_label(label)
        or not 0 < word_count(title) <= TITLE_WORDS
        or title.rstrip().endswith((".", ",", ";", ":"))
        or BULLET.match(below.text) or NUMBER.match(below.text)  # the next point
        or word_count(below.text) <= word_count(title)
        or below.x0 > block.frags[0].x0 + 0.8 * block.size  # the item's own text, indented
    ):
        return False
    first = block.frags[0]
    middle = (first.y0 + first.y1) / 2
    if not all(f.y0 <= middle <= f.y1 for f in block.frags):
        return False  # more than one line: a point running on
    return _face_apart(block, below) or _centred_over(block, below)


def _face_apart(block: Block, below: Block) -> bool:
    mine = [g for f in block.frags for g in f.glyphs if g.char.isalpha()]
    # (The opening of the text below shows its face: a paragraph may be long.)
    theirs = [g for f in below.frags[:3] for g in f.glyphs if g.char.isalpha()]
    if not mine or not theirs:
        return False
    if block.bold and not below.bold:
        return True
    if block.size >= 1.15 * below.size:
        return True
    if all(g.italic for g in mine) and sum(g.italic for g in theirs) < len(theirs) / 2:
        return True
    if len(mine) >= 3 and all(g.char.isupper() for g in mine) and not all(
        g.char.isupper() for g in theirs
    ):
        return True
    caps = sum(bool(_SMALL_CAPS.search(g.font)) for g in mine)
    return caps > len(mine) / 2 and not any(_SMALL_CAPS.search(g.font) for g in theirs[:20])


def _centred_over(block: Block, below: Block) -> bool:
    """Whether the line stands centred over the text below it, in from both its edges."""
    size = max(below.size, 1.0)  # (small capitals make the line's own size small)
    return (
        block.x0 - below.x0 >= CENTRED_IN * size
        and below.x1 - block.x1 >= CENTRED_IN * size
        and abs((block.x0 + block.x1) - (below.x0 + below.x1)) / 2 <= CENTRED_OFF * size
    )


#: A rule's paragraph head labelled by a letter or a number in brackets ("(j) Installation of
#: Software"; a report's "(1) Amendment of the Infectious Disease Act" under its section "2").
_BRACKETED_LETTER = re.compile(r"^\(([a-z]|[1-9]\d?)\)$")
#: The fewest such heads, lettered or numbered in order from "(a)" or "(1)", read as a rule's
#: paragraphs' heads (two lone points a paragraph apart may be a list's, broken by its first
#: point's text).
BRACKETED_RUN = 3
#: The most words a paragraph head names its paragraph's subject in: a regulation's heads
#: run longer than a paper's section titles ("Installation/Verification of MAX Display
#: System (MDS) Software, Removal of INOP Markers"), short of a point's sentence or more.
BRACKETED_TITLE_WORDS = 2 * TITLE_WORDS


def bracketed_heads(blocks: list[ModelBlock]) -> list[ModelBlock]:
    """``blocks`` with a rule's lettered paragraph heads as headings, one level below the
    heading above them: lists of one point each, "(a)", "(b)", "(c)" … in order from "(a)"
    (or "(1)", "(2)", "(3)" … from "(1)"),
    each a title (no sentence: no closing punctuation) with running text between them
    (sentences, not only a drawing's labels between its subfigures' lettered captions)
    (a regulation's paragraphs, "(a) Comments Due Date", its text, "(b) Affected ADs" …). A
    list's points follow one another in one list; read as lists of one point, these leave a
    reader each head's text outside its "list" and no heads to move between."""
    # (A head at the head of the next column, lettered on from the last, is read as that
    # list's next point: the heads of such a list are each taken as a list of one point, and
    # the list is kept whole unless every one of them is read as a heading.)
    whole = blocks
    blocks, parts = _points_apart(blocks)
    runs: list[list[int]] = []
    # (Letters and numbers run apart: a regulation's "(g)" holds points "(1)", "(2)" and
    # goes on with "(h)"; numbers under a lettered head start again from "(1)".)
    run: dict[bool, list[int]] = {False: [], True: []}
    for at, block in enumerate(blocks):
        if isinstance(block, Heading):
            # (another part of the document: its heads start again from "(a)")
            run = {False: [], True: []}
            continue
        letter = _bracketed_letter(block)
        if letter is None:
            continue
        numbered = letter.isdigit()
        if not numbered:
            run[True] = []
        if letter in ("a", "1"):
            run[numbered] = [at]
            runs.append(run[numbered])
        elif (last := run[numbered]) and _next_letter(blocks[last[-1]]) == letter and any(
            map(_sentence, [*_under_head(blocks[last[-1]]), *blocks[last[-1] + 1:at]])
        ):
            last.append(at)
    heads = {at for run_ in runs if len(run_) >= BRACKETED_RUN for at in run_}
    if not heads:
        return whole
    out: list[ModelBlock] = []
    level = 0
    # (The level of the last lettered head made, where numbered heads follow it: one below.)
    lettered = 0
    for at, block in enumerate(whole):
        if isinstance(block, Heading):
            level, lettered = block.level, 0
        apart = [k for k in range(bisect.bisect_left(parts, at), len(parts)) if parts[k] == at]
        if not all(k in heads for k in apart):
            out.append(block)  # (a list taken apart stays whole unless all its points head)
            continue
        for one in (blocks[k] for k in apart):
            assert isinstance(one, ListBlock)
            item = one.items[0]
            title = item.blocks[0]
            assert isinstance(title, Paragraph)
            numbered = item.label[1:2].isdigit()
            head_level = min((lettered if numbered and lettered else level) + 1, 6)
            if not numbered:
                lettered = head_level
            heading = Heading(f"{item.label} {title.text}", head_level, one.prov,
                              title.links, item.lang or one.lang)
            # (What went on under the head in its point, a list of its own paragraphs,
            # follows it, as the head's paragraph's text does.)
            out += [heading, *item.blocks[1:]]
    return out


def _points_apart(blocks: list[ModelBlock]) -> tuple[list[ModelBlock], list[int]]:
    """``blocks`` with each list whose every point is a lettered paragraph head (see
    :func:`_bracketed_letter`) taken apart into lists of one point each; and, for each block
    of the result, the index in ``blocks`` of the block it came from."""
    out: list[ModelBlock] = []
    parts: list[int] = []
    for at, block in enumerate(blocks):
        alone = [
            dataclasses.replace(block, items=[item], prov=item.prov) for item in block.items
        ] if isinstance(block, ListBlock) and not block.definitions else []
        if len(alone) > 1 and all(_bracketed_letter(one) is not None for one in alone):
            out += alone
            parts += [at] * len(alone)
        else:
            out.append(block)
            parts.append(at)
    return out, parts


def _under_head(block: ModelBlock) -> list[ModelBlock]:
    """What a lettered head's point holds under its title (its own points, "(1)", "(2)")."""
    if isinstance(block, ListBlock) and len(block.items) == 1:
        return block.items[0].blocks[1:]
    return []


def _bracketed_letter(block: ModelBlock) -> str | None:
    """The letter of a list of one point titled as a paragraph head ("(j) Markers")."""
    if not isinstance(block, ListBlock) or len(block.items) != 1:
        return None
    item = block.items[0]
    match = _BRACKETED_LETTER.match(item.label)
    if match is None or not item.blocks or not isinstance(item.blocks[0], Paragraph):
        return None
    title = item.blocks[0].text.rstrip()
    if not title or title.endswith((".", ",", ";", ":")):
        return None
    if not 0 < word_count(title) <= BRACKETED_TITLE_WORDS:
        return None
    return match.group(1)


def _sentence(block: ModelBlock) -> bool:
    """Whether ``block`` is running text: a paragraph of a few words closed by a full stop (a
    head's paragraph), not a drawing's labels ("−1", "sin x cos x") set between subfigures'
    lettered captions."""
    if isinstance(block, ListBlock):
        # (a head's own points, "(1) Before further flight, do …", under its title)
        return any(_sentence(inner) for item in block.items for inner in item.blocks)
    return (
        isinstance(block, Paragraph)
        and block.text.rstrip().endswith((".", "!", "?"))
        and word_count(block.text) > 3
    )


def _next_letter(block: ModelBlock) -> str:
    """The letter or number the head after ``block``'s is labelled by ("b" after "a", "10"
    after "9"); "" where ``block`` is no head."""
    letter = _bracketed_letter(block)
    if not letter:
        return ""
    return str(int(letter) + 1) if letter.isdigit() else chr(ord(letter) + 1)
