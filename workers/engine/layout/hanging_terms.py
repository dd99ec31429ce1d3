"""Terms hung out in the margin of their definitions: a run of blocks, each a short term at
one left edge and its definition at a hanging indent further in (a manual page's commands,
"h or H   Help: display a summary of these commands", the definition's lines all starting
where its first line's definition does).

The reading of lines makes each entry one block, the term and the start of its definition
on one line (or the term alone on the first line, when it is wider than the indent, and
the definition under it at the indent; or, a short term far from its definition, two blocks
side by side). A block is shaped as such an entry when

- its lines after the first all start at one edge, the hang, well in from the first's;
- on its first line a piece of text stands at the hang, set apart from the term before it
  by more than a word's space (the term "h or H" ends short of the hang); or the first line
  is the term alone, short of the block's right edge, the definition starting on the next;
  a one-line entry has only the first of these to show its hang;
- it is no list's point ("1.", "•": those are read as lists), and no contents entry (its
  section's number hung out, its title led by dots to its page); its term has a letter or
  is signs with no digit (a command "{"), not a number.

A term may also be run in: set in bold at the line's start, its definition going on in the
regular face a space or so after it, the definition's further lines at the hang (LaTeX's
``description`` list, "**Household** Effective tax rates was ..."). The change of face
marks where the term ends; such an entry of one line shows no hang, and goes on a run of
entries begun above it at the run's edge.

One such block is weak evidence (a paragraph may hang its lines, a reference list does; a
formula's parts are set a tab apart): a run of three or more in a row, at one left edge with
one hang (within half the text's size: a term wider than the indent pushes its definition a
little further in), their terms different words (not one sign, "+", marking each line), most
of their definitions more than a word (not a table's columns), is a definition list.
Paragraphs at the hang between them are the definitions' further paragraphs, and the run
goes on past them.
"""

from __future__ import annotations

from collections.abc import Sequence

from .blocks import Block, lines_of
from .lines import Fragment
from .patterns import LEADER, starts_item

#: The hang is at least this many times the text's size in from the term's edge (an indent,
#: not a paragraph's wandering first line), and at most this many.
LEAST_HANG = 1.5
MOST_HANG = 12.0

#: A term is set apart from its definition on their line by more than this share of the
#: size (a word's space is about a quarter of it).
LEAST_GAP = 0.6

#: Two edges are the same within this share of the text's size.
SAME_EDGE = 0.6

#: A term alone on the first line ends this share of the block's width short of its right
#: edge at least (a hanging paragraph's first line runs on to the measure).
SHORT_LINE = 0.25

#: Entries in a row for their terms to be terms (two pieces of a formula set apart at one
#: tab, "P(s) = softmax(...)", or two statements' labels with their text hung past them
#: come in pairs; a list of commands or options runs on).
LEAST_ENTRIES = 3


def hanging_terms(blocks: Sequence[Block]) -> dict[int, int]:
    """Of ``blocks`` (text blocks in reading order, the pages' furniture left out): the ids
    of the blocks read as a term and its definition (see the module's docstring), each with
    the number of the term's words, which open the block's text. A term read as a block of
    its own, its definition the next block beside it on its line ("J" far from "Like j,
    but ..."), is given with all its words."""
    shaped = [_shape(block) for block in blocks]
    found: dict[int, int] = {}
    # (Each entry: index, edge, words; the run's hang is the first its entries show: an
    # entry of one line with its term run in shows none. A run none of whose entries shows
    # one is no list: bold leads of one line each may be a form's labels.)
    run: list[tuple[int, float, int]] = []
    run_hang: float | None = None

    def close() -> None:
        nonlocal run_hang
        entries = [blocks[k] for k, *_ in run]
        if (
            run_hang is not None and len(run) >= LEAST_ENTRIES and _named_apart(entries)
            and _said(run, blocks)
        ):
            found.update((id(blocks[k]), words) for k, _, words in run)
        run.clear()
        run_hang = None

    k = 0
    while k < len(blocks):
        block = blocks[k]
        shape = shaped[k]
        step = 1
        if shape is None and k + 1 < len(blocks) and _beside(block, blocks[k + 1]):
            shape = (block.x0, blocks[k + 1].x0, len(block.text.split()))
            step = 2
        if run:
            edge = run[-1][1]
            slack = SAME_EDGE * block.size
            if shape is not None and abs(shape[0] - edge) <= slack and (
                shape[1] is None or run_hang is None or abs(shape[1] - run_hang) <= slack
            ):
                run.append((k, shape[0], shape[2]))
                run_hang = shape[1] if run_hang is None else run_hang
                k += step
                continue
            if (
                shape is None and run_hang is not None
                and abs(block.x0 - run_hang) <= slack and not starts_item(block.text)
            ):
                k += 1
                continue  # (a further paragraph of the last definition, at the hang)
            close()
        if shape is not None:
            run.append((k, shape[0], shape[2]))
            run_hang = shape[1]
        k += step
    close()
    return found


def _named_apart(entries: list[Block]) -> bool:
    """The entries' first words differ from one another (most of them): a list's terms, not
    one word or sign opening each line ("+ nid: DT_UUID", "+ name: Char(50)": a diagram's
    attributes marked public; "var x = ...", "var y = ...": lines of code)."""
    firsts = [entry.text.split(None, 1)[0] for entry in entries]
    return 2 * len(set(firsts)) > len(firsts)


def _said(run: list[tuple[int, float, int]], blocks: Sequence[Block]) -> bool:
    """Most of the run's definitions say something in more than a word: a table's columns
    set a tab apart ("sched   SCH", a code beside its column's heading) name one thing
    each."""
    worded = 0
    for k, _, words in run:
        said = len(blocks[k].text.split()) - words  # (the rest of the entry's block)
        if said == 0 and k + 1 < len(blocks):
            said = len(blocks[k + 1].text.split())  # (a term beside its definition)
        worded += said > 1
    return 2 * worded > len(run)


def _beside(term: Block, definition: Block) -> bool:
    """``term`` is one line standing alone left of ``definition``'s first line, on the same
    line, a gap and a hang apart from it; the definition's lines all start at one edge."""
    if term.kind != "text" or definition.kind != "text" or term.page != definition.page:
        return False
    if not term.frags or not definition.frags or term.pitch or definition.pitch:
        return False
    size = max(term.size, 1.0)
    # (The boxes first: most pairs of blocks stand nowhere near so, and their lines, grouped
    # anew for each pair, need not be looked at.)
    return (
        abs(term.frags[0].y0 - definition.frags[0].y0) <= 0.25 * size
        and definition.x0 - term.x1 >= LEAST_GAP * size
        and LEAST_HANG * size <= definition.x0 - term.x0 <= MOST_HANG * size
        and len(lines_of(term.frags)) == 1
        and all(
            abs(line[0].x0 - definition.x0) <= SAME_EDGE * size
            for line in lines_of(definition.frags)
        )
        and not starts_item(term.text)
        and _names(term.frags)
        and not LEADER.search(definition.text)
    )


def _shape(block: Block) -> tuple[float, float | None, int] | None:
    """The term's edge, the hang and the number of the term's words where ``block`` is
    shaped as a term and its definition (the hang None for a term run in on an entry of one
    line, which shows none); None where it is not."""
    if block.kind != "text" or block.pitch or block.note is not None or not block.frags:
        return None
    size = max(block.size, 1.0)
    if not _hung_piece(block.frags, size):
        return _run_in_one_line(block)
    lines = lines_of(block.frags)
    first = lines[0]
    edge = first[0].x0
    rest = [line[0].x0 for line in lines[1:]]
    hang = min(rest) if rest else None
    if hang is not None and max(rest) - hang > SAME_EDGE * size:
        return None  # (its further lines start at more than one edge)
    term = _term_before_hang(first, edge, hang, size)
    if term is None and hang is not None and _alone(first, block):
        term = len(first)
    if term is None:
        if hang is None:
            return _run_in_one_line(block)
        # (A term run in shows where it ends by its face, not by a gap at the hang.)
        run_in = _run_in_words(first)
        if (
            run_in is None or not LEAST_HANG * size <= hang - edge <= MOST_HANG * size
            or starts_item(block.text) or LEADER.search(block.text)
        ):
            return None
        return edge, hang, run_in
    if hang is None:
        hang = first[term].x0
    if not LEAST_HANG * size <= hang - edge <= MOST_HANG * size or starts_item(block.text):
        return None
    words = sum(len(f.text.split()) for f in first[:term])
    if not words or LEADER.search(block.text) or not _names(first[:term]):
        return None  # (a contents entry, "2.1  Mathematics . . . 1", its number hung out)
    return edge, hang, words


def _hung_piece(frags: list[Fragment], size: float) -> bool:
    """Whether some piece of the block starts far enough in from its first piece's left edge
    to stand at a hang (the hang :func:`_shape` finds is where some piece starts: a later
    line's first, or one on the first line past the term, and lies ``LEAST_HANG`` sizes in
    from the term's edge at least; the same subtraction is made here). Most blocks have no
    such piece (a paragraph's lines start at one edge, a one-piece line stands alone), and
    their lines need not be grouped to tell they hang no term."""
    edge = frags[0].x0
    least = LEAST_HANG * size
    return any(f.x0 - edge >= least for f in frags)


def _names(term: list[Fragment]) -> bool:
    """The term has a letter in it, or is signs without a digit (a command "{" or "%"): no
    number alone (a section's, a contents entry's)."""
    chars = [ch for f in term for ch in f.text if not ch.isspace()]
    return any(ch.isalpha() for ch in chars) or bool(chars) and not any(
        ch.isdigit() for ch in chars
    )


def _term_before_hang(
    line: list[Fragment], edge: float, hang: float | None, size: float
) -> int | None:
    """How many of the first line's pieces are the term: those before the first piece set
    apart from the one before it by a gap, at the hang where the block has one."""
    for k in range(1, len(line)):
        if line[k].x0 - line[k - 1].x1 < LEAST_GAP * size:
            continue
        if hang is None or abs(line[k].x0 - hang) <= SAME_EDGE * size:
            return k
        return None  # (a gap, but not at the hang: no term)
    return None


def _run_in_words(line: list[Fragment]) -> int | None:
    """How many words of the line are a term run in: those of the bold pieces opening it
    when the next is in the regular face, or those of a bold lead opening its first piece
    (:attr:`.lines.Fragment.after_lead`); None where the line opens otherwise or the term
    has no letter."""
    lead: list[str] = []
    for f in line:
        if f.bold:
            lead.append(f.text)
            continue
        if not lead:
            return _lead_words(f)
        if not any(ch.isalpha() for ch in f.text):
            return None
        break
    else:
        return None  # (bold to the line's end: a heading's line, no term run in)
    words = " ".join(lead).split()
    return len(words) if any(ch.isalpha() for ch in "".join(words)) else None


def _lead_words(piece: Fragment) -> int | None:
    """How many words of ``piece`` its bold lead is (:attr:`.lines.Fragment.after_lead`: bold
    letters opening it, regular ones after), counted by their letters (the piece's text has
    the spaces its glyphs lack); None where it has none, it ends inside a word or it has no
    letter (a figure in bold)."""
    if piece.after_lead is None:
        return None
    bold = 0
    named = False
    for g in piece.glyphs:
        if g.char.isalnum():
            if not g.bold:
                break
            bold += 1
            named = named or g.char.isalpha()
    if not named:
        return None
    counted = 0
    for words, word in enumerate(piece.text.split(), start=1):
        counted += sum(ch.isalnum() for ch in word)
        if counted >= bold:
            return words if counted == bold else None
    return None


def _run_in_one_line(block: Block) -> tuple[float, None, int] | None:
    """The edge and the number of the term's words of an entry of one line whose term is run
    in (:func:`_run_in_words`), its hang not shown; None where ``block`` is none."""
    if not block.frags[0].letter_counts[1]:
        return None  # (no bold letter opens it: most blocks, their lines not grouped)
    lines = lines_of(block.frags)
    if len(lines) != 1 or starts_item(block.text) or LEADER.search(block.text):
        return None
    words = _run_in_words(lines[0])
    return None if words is None else (lines[0][0].x0, None, words)


def _alone(line: list[Fragment], block: Block) -> bool:
    """The first line is a term alone: short of the block's right edge."""
    width = block.x1 - block.x0
    return max(f.x1 for f in line) <= block.x1 - SHORT_LINE * width
