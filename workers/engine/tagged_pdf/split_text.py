"""Split a text-showing operator whose glyphs belong to several blocks.

One ``TJ`` often draws a whole line: two table cells, a list label and its text, the end of
one column's line and the start of the next. The model's provenance is per operator, so such
an operator is claimed by several leaves. Here it is cut, between character codes, into
consecutive operators that each draw one leaf's glyphs: ``[(Market) -3000 (120)] TJ`` becomes
``[(Market) -3000] TJ`` and ``[(120)] TJ``. Showing the parts one after the other moves the text
position exactly as the whole did (``TJ`` and ``Tj`` advance glyph by glyph; spacing numbers
stay between the same glyphs), so the page draws the same.

Which leaf a glyph belongs to is decided by its box (from pdfium) inside the leaves' boxes.
pdfium's characters of one text object are matched to the operator's character codes one to
one. Where their numbers differ (two spaces read as one, a ligature read as two letters), each
code's text as pdfium reads it alone (:func:`.drawn_encoding.code_text`) is aligned with the
characters instead. Where even that fails (a multi-byte CMap other than Identity) nothing is
split and the first leaf keeps the operator, as before. A Type 3 font's codes are one byte,
as any simple font's: its glyph procedures may draw anything, but a cut moves no glyph (each
is drawn where the whole operator drew it) and every cut is proven by rendering.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from itertools import compress, count, groupby, repeat
from operator import attrgetter
from types import ModuleType
from typing import TypeVar

import pikepdf

from ..document import BBox
from ..layout.glyphs import Glyph
from ..layout.operators import map_operators
from ..operator_names import operand_text, operator_name
from .checks import Clip, normal_counts
from .drawn_encoding import code_text
from .marked_content import Owner, indices_of
from .source_pages import PageSource, loaded_page, page_content
from .split_proof import cut_boxes

_units: ModuleType | None
try:
    # The contested operators found in C (_mark_units.c): see contested_text.
    from . import _mark_units as _units
except ImportError:  # pragma: no cover - depends on the installation
    _units = None
_boxes: ModuleType | None
try:
    # Which box holds each glyph, found in C (_glyph_boxes.c): see held_by.
    from . import _glyph_boxes as _boxes
except ImportError:  # pragma: no cover - depends on the installation
    _boxes = None

Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage
#: Pieces of one operator, each with the leaf that owns it, in drawing order.
Parts = list[tuple[Owner, pikepdf.ContentStreamInstruction]]

T = TypeVar("T")

_SHOW = frozenset({"Tj", "TJ", "'", '"'})
_TF = frozenset({"Tf"})
#: The operators that set, save or restore the font in use.
_FONT_STATE = frozenset({"q", "Q", "Tf"})
_OBJECT = attrgetter("obj")
_CHAR = attrgetter("char")
#: Points a glyph's centre may lie outside a leaf's box and still belong to it.
_TOLERANCE = 1.0


@dataclass(frozen=True)
class LeafBox:
    """A leaf's box, or an artifact's (``leaf`` its kind): a glyph of an operator a leaf and
    an artifact both claim goes to the artifact only where no leaf's text lacks it."""

    leaf: Owner
    box: BBox


class GlyphNeeds:
    """The characters each leaf's text (the model's) still lacks, as glyphs are given out.

    A box says where a block lies, its text says what it holds: where boxes overlap (a
    matrix entry set inside the box of the formula around it, a diagram's column of bullets
    reaching into the box of the rows beside it) a glyph held by several boxes goes to a
    leaf whose text still lacks that character, and to the most specific box only when none
    or several do. Counted as the fidelity check counts (:func:`.checks.normal_counts`)."""

    def __init__(self, texts: Mapping[Owner, str]) -> None:
        self._lacking: dict[Owner, Counter[str]] = {
            owner: normal_counts(text) for owner, text in texts.items()}
        self._given: set[int] = set()

    def wants(self, owner: Owner, glyph: Glyph) -> bool:
        """Whether ``owner``'s text still lacks every character the glyph reads as (a glyph
        that counts as no character — a space — is wanted by none)."""
        lacking = self._lacking.get(owner)
        if lacking is None:
            return False
        counts = _glyph_counts(glyph.char)
        if len(counts) == 1:  # most glyphs read as one character
            (ch, n), = counts
            return lacking[ch] >= n
        return bool(counts) and all(lacking[ch] >= n for ch, n in counts)

    def give(self, owner: Owner, glyph: Glyph) -> None:
        """``glyph`` goes to ``owner``: its characters are no longer lacking (once per glyph,
        however often it is given)."""
        if id(glyph) in self._given:
            return
        self._given.add(id(glyph))
        lacking = self._lacking.get(owner)
        if lacking is not None:
            for ch, n in _glyph_counts(glyph.char):
                lacking[ch] -= n

    def give_all(self, owner: Owner, glyphs: Iterable[Glyph]) -> None:
        """:meth:`give` of each of ``glyphs`` (a page's many uncontested glyphs at once: what
        is lacking is a count, so the order they are given in changes nothing)."""
        given = self._given
        lacking = self._lacking.get(owner)
        glyphs = list(glyphs)
        ids = set(map(id, glyphs))
        chars: Counter[str]
        if len(ids) == len(glyphs) and given.isdisjoint(ids):
            # None given yet, each once (the usual case): counted in C.
            given |= ids
            chars = Counter(map(_CHAR, glyphs))
        else:
            chars = Counter()
            for glyph in glyphs:
                if id(glyph) not in given:
                    given.add(id(glyph))
                    chars[glyph.char] += 1
        if lacking is not None:
            for char, times in chars.items():
                for ch, n in _glyph_counts(char):
                    lacking[ch] -= n * times


@functools.lru_cache(maxsize=4096)
def _glyph_counts(char: str) -> tuple[tuple[str, int], ...]:
    """What one glyph's text counts as (a page has few distinct ones: looked up once)."""
    return tuple(normal_counts(char).items())


def contested_text(
    operator_names: Sequence[str],
    claims: Sequence[tuple[Owner, Sequence[tuple[int, int]]]],
    with_artifacts: bool = False,
) -> dict[int, list[Owner]]:
    """Text-showing operators claimed by more than one leaf: index -> leaves, claim order.
    ``operator_names``: each instruction's operator (:func:`.marked_content.read_operators`).
    ``with_artifacts``: an artifact's claim counts too, after the leaves' (an operator drawing
    a paragraph's text and a glyph the model calls page furniture), where a leaf claims the
    operator as well (the first claimant is always a leaf). Found in C where the extension
    is built (every page's claims are walked), else by :func:`python_contested_text`."""
    if _units is not None and isinstance(operator_names, list) and isinstance(claims, list):
        found: dict[int, list[Owner]] | None = _units.contested_text(
            operator_names, claims, with_artifacts)
        if found is not None:
            return found
    return python_contested_text(operator_names, claims, with_artifacts)


def python_contested_text(
    operator_names: Sequence[str],
    claims: Sequence[tuple[Owner, Sequence[tuple[int, int]]]],
    with_artifacts: bool = False,
) -> dict[int, list[Owner]]:
    """:func:`contested_text` in Python."""
    # Claims cover every operator of the page, text-showing ones only a part: those are
    # found in each range by bisection rather than by looking at every operator in it.
    # (Picked in C: a Python loop over the page's tens of thousands of names costs more.)
    showing = list(compress(count(), map(_SHOW.__contains__, operator_names)))
    # Most text-showing operators have one claimant: each range's operators are recorded
    # with it at once (in C), and only those already claimed are looked at one by one.
    first_claimant: dict[int, Owner] = {}  # operator -> its first claimant (claim order)
    later: dict[int, list[Owner]] = {}  # operator -> its other claimants, in claim order
    for who, ranges in claims:
        if not isinstance(who, int) and not with_artifacts:
            continue
        for start, end in ranges:
            first = bisect.bisect_left(showing, start)
            last = bisect.bisect_left(showing, end, first)
            if first == last:
                continue
            found = showing[first:last]
            if first_claimant.keys().isdisjoint(found):
                first_claimant.update(zip(found, repeat(who)))
                continue
            for index in found:
                earlier = first_claimant.setdefault(index, who)
                if earlier != who:
                    others = later.setdefault(index, [])
                    if who not in others:
                        others.append(who)
    # (In the order operators were first claimed, as they are met by the callers.)
    return {index: [leaf, *later[index]] for index, leaf in first_claimant.items()
            if index in later and isinstance(leaf, int)} if later else {}


@dataclass(frozen=True)
class PageText:
    """What splitting needs of a page's instructions: each one's operator, the first operand
    of each ``Tf`` (the font's resource name), and the contested instructions themselves."""

    operator_names: Sequence[str]
    font_names: Mapping[int, str | None]
    instructions: Mapping[int, Instruction]

    @classmethod
    def of(cls, instructions: Sequence[Instruction], operator_names: Sequence[str],
           contested: Iterable[int]) -> PageText:
        """From pikepdf's instructions of the whole page."""
        fonts: dict[int, str | None] = {}
        for index in indices_of(operator_names, _TF):
            operands = instructions[index].operands
            fonts[index] = operand_text(operands[0]) if operands else None
        return cls(operator_names, fonts, {index: instructions[index] for index in contested})


def split_operators(
    source: PageSource,
    page: pikepdf.Page,
    page_index: int,
    text: PageText,
    contested: Mapping[int, Sequence[Owner]],
    boxes: Sequence[LeafBox],
    texts: CodeTexts | None = None,
    leaf_texts: Mapping[int, str] | None = None,
    owners: Sequence[Owner | None] | None = None,
    nudges: Mapping[int, float] | None = None,
    clip: list[Clip | None] | None = None,
) -> dict[int, Parts]:
    """For each contested operator that can be split faithfully, its parts. ``texts``: the
    codes' characters looked up so far in the document (a font is shared by its pages).
    ``leaf_texts``: the model's text of the leaves, with ``owners`` (the owner of every
    operator of the page, as its claims give it): a glyph held by several leaves' boxes
    goes to one whose text lacks it (:class:`GlyphNeeds`). None: boxes alone decide.
    ``nudges``: operators whose parts after the first are nudged (:func:`_split`).
    ``clip``: given, the pixels the cuts can change (:func:`.split_proof.cut_boxes`) are
    appended to it where some operator is cut."""
    if not contested:
        return {}
    instructions = text.instructions
    content = page_content(source, page_index)
    opmap = map_operators(page, content.object_kinds)
    glyphs_of: dict[int, list[Glyph]] = {}
    needs: GlyphNeeds | None = None
    counted: set[int] = set()  # the leaves whose texts ``needs`` counts
    if leaf_texts is not None and owners is not None:
        claimants = {leaf for leaves in contested.values() for leaf in leaves}
        counted = {leaf for leaf in claimants if isinstance(leaf, int)}
        needs = GlyphNeeds({leaf: leaf_texts.get(leaf, "") for leaf in counted})
    uncontested: dict[Owner, list[Glyph]] = {}  # counted leaf -> the glyphs it alone draws
    # (Looked up once: a page has tens of thousands of glyphs.)
    operator_of = opmap.operator_of
    objects = len(operator_of)
    # The owners a glyph of an uncontested operator is given to (none without ``needs``).
    owner_of: Sequence[Owner | None] = owners if needs is not None and owners is not None else ()
    operators = len(owner_of)
    # (A page object's glyphs come one after another: each run is placed at once.)
    for obj, run in groupby(content.glyphs, key=_OBJECT):
        if 0 <= obj < objects:
            operator = operator_of[obj]
            if operator in contested:
                glyphs_of.setdefault(operator, []).extend(run)
            elif 0 <= operator < operators:
                # Drawn by an operator one leaf alone claims: that leaf's, whatever its box.
                # Given only to a leaf whose text is counted: to any other, giving changes
                # nothing but the record that the glyph was given, and a glyph of an
                # uncontested operator is never offered again (each glyph has one operator).
                owner = owner_of[operator]
                if owner in counted:
                    uncontested.setdefault(owner, []).extend(run)
    if needs is not None:
        for owner, glyphs in uncontested.items():
            needs.give_all(owner, glyphs)
    boxes_of = _boxes_by_owner(boxes)
    if needs is not None:
        for index, leaves in contested.items():
            give_unambiguous(needs, [g for g in glyphs_of.get(index, []) if not g.generated],
                             [(b.leaf, b.box) for b in boxes_of(leaves)])
    fonts = fonts_in_use(page.obj.get("/Resources"), text, set(contested))
    texts = texts if texts is not None else CodeTexts()
    out: dict[int, Parts] = {}
    for index, leaves in contested.items():
        candidates = boxes_of(leaves)
        parts = split_by_glyphs(instructions[index], glyphs_of.get(index, []), candidates,
                                leaves[0], fonts.get(index), texts, needs,
                                (nudges or {}).get(index, 0.0))
        if parts is not None:
            out[index] = parts
    if clip is not None and out:
        with loaded_page(source, page_index) as loaded:
            clip.extend(cut_boxes(loaded, operator_of, text.operator_names, out,
                                  page.obj.get("/Resources")))
    return out


def _boxes_by_owner(boxes: Sequence[LeafBox]) -> Callable[[Iterable[Owner]], list[LeafBox]]:
    """The boxes of some owners, in the order of ``boxes`` (equal boxes keep reading order):
    found through each owner's positions, not by a pass over a page's hundreds of boxes for
    each of its contested operators."""
    positions: dict[Owner, list[int]] = {}
    for position, box in enumerate(boxes):
        positions.setdefault(box.leaf, []).append(position)

    def boxes_of(owners: Iterable[Owner]) -> list[LeafBox]:
        found = sorted(p for owner in set(owners) for p in positions.get(owner, ()))
        return [boxes[p] for p in found]

    return boxes_of


def split_by_glyphs(
    instruction: Instruction, glyphs: list[Glyph], boxes: list[LeafBox], first: Owner,
    font: tuple[int, pikepdf.Dictionary] | None, texts: CodeTexts | None = None,
    needs: GlyphNeeds | None = None,
    nudge: float = 0.0,
) -> Parts | None:
    """``instruction`` (showing ``glyphs``, as pdfium reads them, in ``font``: bytes per code
    and dictionary) cut where its glyphs go from one leaf's box to another's; None when it
    cannot be cut faithfully or draws one leaf's text only. ``first``: the owner of glyphs
    before any found in a box. ``texts``: each code's characters, as looked up so far.
    ``needs``: what the leaves' texts still lack (None: boxes alone decide). ``nudge``: see
    :func:`_split`."""
    if font is None or not glyphs or isinstance(instruction, pikepdf.ContentStreamInlineImage):
        return None
    width, font_dict = font
    elements = _elements(instruction)
    codes = _codes(elements, width) if elements is not None else None
    if elements is None or codes is None:
        return None
    # pdfium also reports spaces it infers from wide spacing: those match no code.
    drawn = [g for g in glyphs if not g.generated]
    by_glyph = _glyph_owners(drawn, boxes, first, needs)
    owners = by_glyph if len(by_glyph) == len(codes) else _code_owners(
        codes, drawn, by_glyph, (texts or CodeTexts()).of(font_dict, codes))
    parts = _split(instruction, elements, owners, width, nudge) if owners is not None else None
    return parts if parts is not None and len({owner for owner, _ in parts}) > 1 else None


#: Codes of one operator whose characters are looked up (a probe page each: bounded work).
MAX_ALIGNED_CODES = 2000


class CodeTexts:
    """What pdfium reads for each code of a font (:func:`.drawn_encoding.code_text`), probed
    once per code in a document, however many operators and pages show it (fonts are not
    changed while pages are tagged: they are repaired before)."""

    def __init__(self) -> None:
        self._known: dict[tuple[int, int], dict[bytes, str]] = {}

    def of(self, font: pikepdf.Dictionary, codes: list[bytes]) -> dict[bytes, str] | None:
        """None when there are too many codes to look up (bounded work)."""
        if len(codes) > MAX_ALIGNED_CODES:
            return None
        if not font.is_indirect:
            return code_text(font, codes)  # no identity to remember it by
        known = self._known.setdefault(font.objgen, {})
        missing = [code for code in dict.fromkeys(codes) if code not in known]
        if missing:
            known.update(dict.fromkeys(missing, ""))  # a code read as nothing stays nothing
            known.update(code_text(font, missing))
        return known


def _code_owners(
    codes: list[bytes], glyphs: list[Glyph], owners: list[Owner], text: dict[bytes, str] | None
) -> list[Owner] | None:
    """Owners of ``codes`` when pdfium's characters are not one per code: two spaces read as
    one, a ligature read as two letters. Each code's characters, as pdfium reads the code
    shown alone, are aligned with the operator's characters; a code takes the owner of the
    first character it is aligned with, and one aligned with none (a doubled space) the owner
    of the code before it. ``text``: each code's characters (None: not looked up). None when
    the two disagree too much to be sure."""
    if text is None:
        return None
    code_chars: list[str] = []
    code_of_char: list[int] = []
    for position, code in enumerate(codes):
        for char in text.get(code, ""):
            code_chars.append(char)
            code_of_char.append(position)
    glyph_chars = [g.char for g in glyphs]
    matcher = SequenceMatcher(None, code_chars, glyph_chars, autojunk=False)
    blocks = matcher.get_matching_blocks()
    matched = sum(block.size for block in blocks)
    # A space shown alone draws nothing, so it has no text here: only the rest must match.
    visible = sum(not char.isspace() for char in glyph_chars)
    if not code_chars or matched < 0.9 * max(visible, 1):
        return None
    found: list[Owner | None] = [None] * len(codes)
    for block in blocks:
        for k in range(block.size):
            position = code_of_char[block.a + k]
            if found[position] is None:
                found[position] = owners[block.b + k]
    out: list[Owner] = []
    previous = owners[0]
    for owner in found:
        previous = previous if owner is None else owner
        out.append(previous)
    return out


def _elements(instruction: pikepdf.ContentStreamInstruction) -> list[pikepdf.Object] | None:
    """What a text-showing operator shows: a ``TJ``'s strings and spacing numbers, or the
    one string of ``Tj``, ``'`` and ``"``; None for anything else."""
    operands = list(instruction.operands)
    if operator_name(instruction.operator) == "TJ":
        if not operands or not isinstance(operands[0], pikepdf.Array):
            return None
        return list(operands[0])
    if operands and isinstance(operands[-1], pikepdf.String):
        return [operands[-1]]
    return None


def _codes(elements: list[pikepdf.Object], width: int) -> list[bytes] | None:
    """The character codes ``elements`` show, in order (None: strings of a length the code
    width does not divide)."""
    strings = [bytes(e) for e in elements if isinstance(e, pikepdf.String)]
    if any(len(d) % width for d in strings):
        return None
    return [d[k:k + width] for d in strings for k in range(0, len(d), width)]


def _glyph_owners(
    glyphs: list[Glyph], boxes: list[LeafBox], first: Owner, needs: GlyphNeeds | None = None
) -> list[Owner]:
    owners: list[Owner] = []
    previous = first
    pairs = [(b.leaf, b.box) for b in boxes]
    for glyph, held in zip(glyphs, held_by(glyphs, [box for _, box in pairs]), strict=True):
        # (A glyph one box holds is that box's owner, as glyph_owner would say: most are.)
        owner = pairs[held][0] if held >= 0 else None if held == NO_BOX else glyph_owner(
            glyph, pairs, wanted_by(needs, glyph), previous if owners else None)
        if owner is None or glyph.char.isspace():
            owner = previous  # a space (or a glyph in no box) goes with the text before it
        elif needs is not None:
            needs.give(owner, glyph)
        owners.append(owner)
        previous = owner
    return owners


def wanted_by(needs: GlyphNeeds | None, glyph: Glyph) -> Callable[[T], bool] | None:
    if needs is None:
        return None
    return lambda who: isinstance(who, int | str) and needs.wants(who, glyph)


def give_unambiguous(needs: GlyphNeeds, glyphs: Iterable[Glyph],
                     boxes: Sequence[tuple[Owner, BBox]]) -> None:
    """Give each glyph that lies in one box only to that box's owner, before any glyph held
    by several is given out: what a leaf lacks then does not depend on drawing order."""
    glyphs = list(glyphs)
    for glyph, held in zip(glyphs, held_by(glyphs, [box for _, box in boxes], loose=True),
                           strict=True):
        if held >= 0:
            needs.give(boxes[held][0], glyph)  # one box holds it (as most glyphs)
        elif held == SEVERAL_BOXES:
            _give_if_one_owner(needs, glyph, boxes)


def _give_if_one_owner(needs: GlyphNeeds, glyph: Glyph,
                       boxes: Sequence[tuple[Owner, BBox]]) -> None:
    """:func:`give_unambiguous` of one glyph: given to the owner of the boxes holding it
    where they have one owner."""
    cx, cy = (glyph.x0 + glyph.x1) / 2, (glyph.y0 + glyph.y1) / 2
    holder: Owner | None = None
    for who, box in boxes:
        if (box.x0 - _TOLERANCE <= cx <= box.x1 + _TOLERANCE
                and box.y0 - _TOLERANCE <= cy <= box.y1 + _TOLERANCE):
            if holder is not None and holder != who:
                return  # held by two owners: not given out here
            holder = who
    if holder is not None:
        needs.give(holder, glyph)


#: :func:`held_by`'s answer for a glyph no box holds, and for one several boxes hold.
NO_BOX = -1
SEVERAL_BOXES = -2


def held_by(glyphs: list[Glyph], boxes: Sequence[BBox], loose: bool = False) -> list[int]:
    """For each glyph, the index of the one box holding its centre within
    :data:`_TOLERANCE`, or :data:`NO_BOX`, or :data:`SEVERAL_BOXES`. ``loose``: as
    :func:`give_unambiguous` tests it (the box widened by the tolerance), else as
    :func:`glyph_owner` does (the centre's distance past each side): the two round
    differently. In C where the extension is built (every glyph of every contested
    operator is placed, twice), else :func:`python_held_by`."""
    if _boxes is not None:
        corners = [(box.x0, box.y0, box.x1, box.y1) for box in boxes]
        found: list[int] | None = _boxes.held_by(glyphs, corners, _TOLERANCE, loose)
        if found is not None:
            return found
    return python_held_by(glyphs, boxes, loose)


def python_held_by(glyphs: list[Glyph], boxes: Sequence[BBox], loose: bool = False) -> list[int]:
    """:func:`held_by` in Python."""
    out: list[int] = []
    for glyph in glyphs:
        cx, cy = (glyph.x0 + glyph.x1) / 2, (glyph.y0 + glyph.y1) / 2
        held = NO_BOX
        for at, box in enumerate(boxes):
            if loose:
                holds = (box.x0 - _TOLERANCE <= cx <= box.x1 + _TOLERANCE
                         and box.y0 - _TOLERANCE <= cy <= box.y1 + _TOLERANCE)
            else:
                holds = (box.x0 - cx <= _TOLERANCE and cx - box.x1 <= _TOLERANCE
                         and box.y0 - cy <= _TOLERANCE and cy - box.y1 <= _TOLERANCE)
            if holds:
                if held != NO_BOX:
                    held = SEVERAL_BOXES
                    break
                held = at
        out.append(held)
    return out


def glyph_owner(
    glyph: Glyph, boxes: Sequence[tuple[T, BBox]], wants: Callable[[T], bool] | None = None,
    after: T | None = None,
) -> T | None:
    """The owner (a leaf) whose box holds the glyph's centre: one that ``wants`` it (whose
    text still lacks its character, :class:`GlyphNeeds`) before one that does not, and of
    those that do, the owner of the glyph drawn just before it (``after``, same operator)
    before another: a word two blocks' texts both have letters of stays in one piece, and
    the letters the other lacks go to it where they are drawn. Boxes can
    overlap (a paragraph's box spans all its lines, and a short block set among them — a
    formula's matrix entries, a marginal number — lies inside it): among the boxes that want
    it (or, when none does, among all) the glyph then belongs to the most specific box,
    one holding the centre itself before one reached only through the tolerance, then one
    holding the whole glyph before one it sticks out of, then one whose left or right edge
    the glyph lies on before one it lies within, and of those the smallest. Equal boxes
    keep reading order.

    Why the whole glyph and the edge: a block's box is the union of its glyphs' boxes, so
    none of its glyphs sticks out of it, and every edge of it is some glyph's of its own.
    Two blocks' boxes can overlap without one being set in the other (a table read as a
    head-and-column block beside a block of rows: the column's box reaches back over the
    first cell of each row; a diagram's labels in rows of cells, a row's box reaching a
    little into the row above), and a glyph ending the rows' box, or held whole by only
    one of the boxes, is then that block's, however small the other box is."""
    cx, cy = (glyph.x0 + glyph.x1) / 2, (glyph.y0 + glyph.y1) / 2
    holding: list[tuple[T, BBox, float]] = []
    for who, box in boxes:
        # (The distances are tested one by one first: most boxes are far from the glyph, and
        # their largest distance is over the tolerance when any one is.)
        left, right, below, above = box.x0 - cx, cx - box.x1, box.y0 - cy, cy - box.y1
        if left <= _TOLERANCE and right <= _TOLERANCE and below <= _TOLERANCE \
                and above <= _TOLERANCE:
            holding.append((who, box, max(left, right, below, above, 0.0)))
    if len(holding) == 1:
        # The ranking below only chooses among the boxes holding the glyph (and ``wants``
        # only reads): with one, it is that box's owner, and most glyphs lie in one box.
        return holding[0][0]
    best: tuple[bool, float, bool, bool, bool, float] | None = None
    owner: T | None = None
    for who, box, outside in holding:
        unwanted = wants is not None and not wants(who)
        # Among those that want it only: where none does, the boxes alone decide.
        breaks_run = not unwanted and wants is not None and after is not None and who != after
        # Whether the glyph reaches out of the box further than the tolerance on some side,
        # and whether its left or right side lies on that side of the box (the glyph makes
        # that edge of it: tops and bottoms tell nothing, glyphs of one line share them,
        # whichever of the blocks set side by side on it they belong to — a run-in label
        # and its paragraph, a row's cells). (Inline: a ranked glyph is ranked per box.)
        sticks_out = max(box.x0 - glyph.x0, glyph.x1 - box.x1, box.y0 - glyph.y0,
                         glyph.y1 - box.y1) > _TOLERANCE
        on_edge = abs(glyph.x0 - box.x0) <= _EDGE or abs(glyph.x1 - box.x1) <= _EDGE
        rank = (unwanted, outside, breaks_run, sticks_out, not on_edge,
                (box.x1 - box.x0) * (box.y1 - box.y0))
        if best is None or rank < best:
            best, owner = rank, who
    return owner


#: Points between a glyph's side and a box's edge still taken as the same line: the model's
#: boxes are rounded to hundredths of a point.
_EDGE = 0.02


def fonts_in_use(
    resources: object, text: PageText, wanted: set[int]
) -> dict[int, tuple[int, pikepdf.Dictionary]]:
    """The font in use at each wanted operator of a stream drawn with ``resources``, with its
    bytes per character code (1 for simple fonts, 2 for Identity-encoded CID fonts);
    operators in other fonts are left out."""
    fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
    out: dict[int, tuple[int, pikepdf.Dictionary]] = {}
    current: tuple[int, pikepdf.Dictionary] | None = None
    stack: list[tuple[int, pikepdf.Dictionary] | None] = []
    # A font's resource name -> the font and its code width (a page sets few fonts often).
    known: dict[str, tuple[int, pikepdf.Dictionary] | None] = {}
    names = text.operator_names
    # Only the operators that change the font in use, or are wanted, are looked at: a
    # Python pass over the page's every operator costs more than finding them in C.
    for index in sorted({*indices_of(names, _FONT_STATE), *wanted}):
        op = names[index]
        if op == "q":
            stack.append(current)
        elif op == "Q" and stack:
            current = stack.pop()
        elif op == "Tf":
            name = text.font_names.get(index)
            if name is None:
                continue  # no operand: the font stays
            if name not in known:
                font = fonts.get(name) if isinstance(fonts, pikepdf.Dictionary) else None
                width = _code_width(font)
                known[name] = (width, font) if width is not None and isinstance(
                    font, pikepdf.Dictionary) else None
            current = known[name]
        elif index in wanted and current is not None:
            out[index] = current
    return out


def _code_width(font: object) -> int | None:
    if not isinstance(font, pikepdf.Dictionary):
        return None
    subtype = font.get("/Subtype")
    if subtype in ("/Type1", "/TrueType", "/MMType1", "/Type3"):
        return 1
    if subtype != "/Type0":
        return None
    encoding = font.get("/Encoding")
    if encoding in ("/Identity-H", "/Identity-V"):
        return 2
    if isinstance(encoding, pikepdf.Stream):
        return _embedded_code_width(encoding)
    return None  # a predefined CMap we do not parse


_CODESPACE = re.compile(rb"begincodespacerange(.*?)endcodespacerange", re.S)
_HEX_CODE = re.compile(rb"<([0-9A-Fa-f]*)>")


def _embedded_code_width(cmap: pikepdf.Stream) -> int | None:
    """Bytes per code of an embedded CMap whose code space ranges all have codes of one
    length (None for mixed lengths, or a CMap built on another by ``usecmap``)."""
    try:
        data = cmap.read_bytes()
    except pikepdf.PdfError:
        return None
    if b"usecmap" in data:
        return None
    lengths = {len(code) // 2 for block in _CODESPACE.findall(data)
               for code in _HEX_CODE.findall(block)}
    return lengths.pop() if len(lengths) == 1 and lengths <= {1, 2} else None


def _split(
    instruction: pikepdf.ContentStreamInstruction,
    elements: list[pikepdf.Object],
    owners: list[Owner],
    width: int,
    nudge: float = 0.0,
) -> Parts | None:
    """``instruction`` (showing ``elements``) cut where the owner of its codes changes.
    ``nudge``: a spacing number (thousandths of text space) the second part starts with and
    the last ends with the opposite of: the parts after the first drawn that much away, the
    text position after the last where the whole left it. pdfium sums a part's positions
    from another start than the whole's, and a glyph on a pixel boundary can land a pixel
    away (:mod:`.split_proof`); a nudge of a small fraction of a hundredth of a point puts it
    back where the whole drew it (the caller proves it by rendering)."""
    op = operator_name(instruction.operator)
    operands = list(instruction.operands)
    codes = _codes(elements, width)
    if codes is None or len(codes) != len(owners):
        return None  # the owners are not one per code: do not guess
    pieces: list[tuple[Owner, list[pikepdf.Object | float | bytes]]] = []
    position = 0
    for element in elements:
        if not isinstance(element, pikepdf.String):
            if not pieces:
                pieces.append((owners[0] if owners else 0, []))
            pieces[-1][1].append(element)  # spacing stays before the glyph that follows it
            continue
        data = bytes(element)
        for start in range(0, len(data), width):
            owner = owners[position]
            position += 1
            code = data[start:start + width]
            if not pieces or pieces[-1][0] != owner:
                pieces.append((owner, []))
            items = pieces[-1][1]
            if items and isinstance(items[-1], bytes):
                items[-1] = items[-1] + code
            else:
                items.append(code)
    if nudge and len(pieces) > 1:
        pieces[1][1].insert(0, nudge)
        pieces[-1][1].append(-nudge)
    parts: Parts = []
    for number, (owner, items) in enumerate(pieces):
        array = pikepdf.Array(
            [pikepdf.String(i) if isinstance(i, bytes) else i for i in items]
        )
        if number == 0 and op in ("'", '"'):
            # The first part keeps the line move (and spacing) of the original operator.
            text = b"".join(i for i in items if isinstance(i, bytes))
            first = [*operands[:-1], pikepdf.String(text)]
            if len(items) != sum(isinstance(i, bytes) for i in items):
                return None  # never happens for ' and " (no spacing numbers); be safe
            parts.append((owner, pikepdf.ContentStreamInstruction(first, instruction.operator)))
        else:
            parts.append((owner, pikepdf.ContentStreamInstruction(
                [array], pikepdf.Operator("TJ"))))
    return parts
