"""Wrap a page's original drawing operators in marked content, changing nothing else.

Every operator that paints something (text showing, a painted path with its construction, an
image or Form XObject ``Do``, a shading, an inline image) gets an *owner*: the structure leaf
whose provenance claims it, or an artifact. Unclaimed painting is an artifact, so each piece of
content is in exactly one of the two — never both, never neither (PDF/UA-1 7.1).

Where the owner changes, the sequence in progress ends (``EMC``) and the next one starts
(``BDC`` with a fresh MCID, or ``/Artifact``). Sequences never cross a text object's ``BT``/
``ET`` (a block boundary inside a text object is handled by ending and starting sequences
between its text-showing operators, which the PDF syntax allows) and never split a path from
its painting operator. The operators themselves are written back unchanged and in order, so the
page draws exactly what it drew before.

The source's own marked content is dropped (its MCIDs referred to a structure tree that is
replaced), except optional content (``/OC``), which decides what is visible.

Where the C scanner (``_instruction_scan.c``) reads the page's stream, the marked-content
operators are written between the stream's original bytes (:func:`tag_stream_bytes`): no
operand is parsed into a Python object and written back. Elsewhere pikepdf's instructions are
tagged (:func:`tag_instructions`); both follow one plan (:func:`_plan_marks`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import compress, count
from types import ModuleType

import pikepdf

from ..layout.operators import joined_content
from ..operator_names import operand_text, operator_name
from ..pdf_entries import entry_of

_scanner: ModuleType | None
try:
    # Where each instruction lies in the stream's bytes, read in C (_instruction_scan.c).
    from . import _instruction_scan as _scanner
except ImportError:  # pragma: no cover - depends on the installation
    _scanner = None
_units: ModuleType | None
try:
    # Each instruction's unit owner, walked in C (_mark_units.c): see _unit_owners.
    from . import _mark_units as _units
except ImportError:  # pragma: no cover - depends on the installation
    _units = None

_SHOW = frozenset({"Tj", "TJ", "'", '"'})
_PAINT = frozenset({"f", "F", "f*", "B", "B*", "b", "b*", "S", "s"})
_PATH = frozenset({"m", "l", "c", "v", "y", "h", "re", "W", "W*"})
_MARKS = frozenset({"BDC", "BMC", "EMC", "MP", "DP"})
#: Every operator :func:`is_painting` can call painting (a ``Do`` paints when it names an
#: XObject; an inline image, which has no operator of its own, paints too).
PAINTING_OPERATORS = _SHOW | _PAINT | {"sh", "Do"}

#: What owns a piece of content: a structure leaf's id (an int), or an artifact kind (a str:
#: "header", "footer", "page-number", "pagination", "decoration", "other").
Owner = int | str

#: The /Artifact properties of each artifact kind (ISO 32000-1 14.8.2.2).
_ARTIFACT_PROPERTIES: dict[str, dict[str, str]] = {
    "header": {"/Type": "/Pagination", "/Subtype": "/Header"},
    "footer": {"/Type": "/Pagination", "/Subtype": "/Footer"},
    "page-number": {"/Type": "/Pagination"},
    "pagination": {"/Type": "/Pagination"},
    "decoration": {"/Type": "/Layout"},
}


#: Where a sequence is read within its leaf: its place in the leaf's ranges, the operator it
#: starts at, and inside a form its offset in the leaf's text and operator there.
ReadingKey = tuple[int, int, int, int]


@dataclass
class PageTagging:
    """The result for one page: which leaf each new MCID belongs to, and what was done."""

    #: ``mcid_owner[mcid]`` = the leaf id drawn by that marked-content sequence.
    mcid_owner: list[int] = field(default_factory=list)
    #: ``mcid_start[mcid]`` = the index of the first operator that sequence holds.
    mcid_start: list[int] = field(default_factory=list)
    #: Painting operators per owner kind, for the report: tagged and artifact counts.
    tagged_operators: int = 0
    artifact_operators: int = 0
    #: Leaves that claimed a painting operator another leaf (earlier in reading order) had
    #: already claimed: their text is partly in the other leaf's element.
    contested: set[int] = field(default_factory=set)
    #: List labels whose drawing went to their item's body (see :func:`yield_labels`).
    yielded: set[int] = field(default_factory=set)
    #: MCIDs marked inside a Form XObject painted on the page (not in the page's own stream):
    #: mcid -> that form (see :mod:`.form_content`). They go on from the page's numbering, so
    #: (page, MCID) names one sequence whichever stream holds it.
    mcid_stream: dict[int, pikepdf.Stream] = field(default_factory=dict)
    #: Those MCIDs' order among their leaf's sequences painted by the same ``Do`` (the form
    #: may draw a leaf's text in another order than it is read: :mod:`.form_content`).
    mcid_rank: dict[int, tuple[int, int]] = field(default_factory=dict)


Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage
#: The name :func:`read_operators` gives an inline image (as pikepdf's ``operator`` does).
INLINE_IMAGE = "INLINE IMAGE"


@dataclass(frozen=True)
class Operators:
    """A page's instructions' operator names and whether each paints, read once.

    Every pikepdf attribute access builds a Python object (microseconds each) and pages have
    tens of thousands of operators, which every step below looks at several times."""

    names: list[str]
    painting: list[bool]


def indices_of(names: Sequence[str], wanted: AbstractSet[str]) -> list[int]:
    """The indices of the ``wanted`` operators among ``names``, in order. Searched for name by
    name (``list.index`` compares in C), for operators a page has few of (``Do``, ``Tf``): a
    Python loop over its tens of thousands of instructions costs several times more. (Not
    for text-showing ones: a text page is mostly those, and one search per hit costs more.)"""
    found: list[int] = []
    for name in wanted:
        at = -1
        try:
            while True:
                at = names.index(name, at + 1)
                found.append(at)
        except ValueError:
            pass
    found.sort()
    return found


def read_operators(instructions: Sequence[Instruction], xobject_names: frozenset[str]) -> Operators:
    names: list[str] = []
    painting: list[bool] = []
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            names.append(INLINE_IMAGE)
            painting.append(True)
            continue
        op = operator_name(instruction.operator)
        names.append(op)
        if op == "Do":
            painting.append(is_painting(instruction, xobject_names))
        else:
            painting.append(op in _SHOW or op in _PAINT or op == "sh")
    return Operators(names, painting)


def is_painting(instruction: Instruction, xobject_names: frozenset[str]) -> bool:
    if isinstance(instruction, pikepdf.ContentStreamInlineImage):
        return True
    op = operator_name(instruction.operator)
    if op in _SHOW or op in _PAINT or op == "sh":
        return True
    return op == "Do" and bool(instruction.operands) and operand_text(instruction.operands[0]) in (
        xobject_names
    )


#: A name at the start of an instruction's bytes (the scanner leaves names with escapes to pikepdf).
_NAME = re.compile(rb"/[^\x00\t\n\f\r ()<>\[\]{}/%]+")


@dataclass(frozen=True)
class ScannedContent:
    """A page's content stream (its streams joined as qpdf joins them) with where each
    instruction lies: ``data[starts[i]:ends[i]]`` is instruction ``i``, operands and operator,
    numbered as :func:`pikepdf.parse_content_stream` numbers them."""

    data: bytes
    operators: Operators
    starts: list[int]
    ends: list[int]

    def first_name(self, index: int) -> str | None:
        """Instruction ``index``'s first operand when it is a name ("/OC", "/Im1")."""
        return first_name_at(self.data, self.starts[index])


def first_name_at(data: bytes, start: int) -> str | None:
    """The name the instruction that starts at ``start`` of scanned ``data`` begins with."""
    match = _NAME.match(data, start)
    return match.group().decode("ascii") if match else None


def scan_content(page: pikepdf.Page, xobject_names: frozenset[str]) -> ScannedContent | None:
    """The page's content read by the C scanner; None when it is not built, or the stream has
    anything it leaves to pikepdf (see ``_instruction_scan.c``)."""
    if _scanner is None:
        return None
    joined = joined_content(page)
    if joined is None:
        return None
    data, boundaries = joined
    scanned: tuple[list[str], list[int], list[int], list[bool]] | None = _scanner.scan(
        data, boundaries, xobject_names
    )
    if scanned is None:
        return None
    names, starts, ends, painting = scanned
    return ScannedContent(data, Operators(names, painting), starts, ends)


def owners_of(
    count: int, claims: Sequence[tuple[Owner, Sequence[tuple[int, int]]]]
) -> list[Owner | None]:
    """The owner of every operator index: the first claim (in the order given) covering it."""
    owner: list[Owner | None] = [None] * count
    for who, ranges in claims:
        for start, end in ranges:
            first, last = max(start, 0), min(end, count)
            if first >= last:
                continue
            if owner[first:last].count(None) == last - first:
                owner[first:last] = [who] * (last - first)  # unclaimed so far: all at once
                continue
            for index in range(first, last):
                if owner[index] is None:
                    owner[index] = who
    return owner


def yield_labels(
    owners: list[Owner | None],
    claims: Sequence[tuple[Owner, Sequence[tuple[int, int]]]],
    splits: dict[int, list[tuple[Owner, pikepdf.ContentStreamInstruction]]],
    labels: Mapping[int, int],
    separated: AbstractSet[int] = frozenset(),
) -> set[int]:
    """Give a list label's operators to its body where they cannot be told apart.

    A label drawn by the same operator as other content (its item's text in one ``Tj``, a Form
    XObject drawing the whole list) comes first in reading order, so it would own all of that
    operator when it is not split (:mod:`.split_text` splits text-showing operators only, and
    not all of them): the ``Lbl`` would read the item's text. Then every operator of that
    label goes to its body leaf (``labels``: label leaf -> body leaf), which reads label and
    text together, as it did before labels were tagged. ``owners`` and ``splits`` are changed
    in place; returns the labels that yielded. ``separated``: operators (Form XObject ``Do``s)
    whose content is divided between their leaves otherwise, like ``splits``."""
    if not labels:
        return set()
    # operator -> the label owning it. An owner is a leaf id (int), an artifact kind (str) or
    # None: only a leaf id can be a key of ``labels``, so membership alone tells (a page has
    # tens of thousands of operators, and most documents no label that yields).
    label_ops: dict[int, int] = {}
    for index in compress(count(), map(labels.__contains__, owners)):  # picked in C
        owner = owners[index]
        if isinstance(owner, int):
            label_ops[index] = owner
    if not label_ops:
        return set()
    ordered = sorted(label_ops)
    failed: set[int] = set()
    for who, ranges in claims:
        if not isinstance(who, int):
            continue  # an artifact's claim gives way to content anyway
        for start, end in ranges:
            at = bisect.bisect_left(ordered, start)
            while at < len(ordered) and ordered[at] < end:
                index = ordered[at]
                if label_ops[index] != who and index not in splits and index not in separated:
                    failed.add(label_ops[index])  # drawn whole with another leaf's content
                at += 1
    if not failed:
        return failed
    for index, owner in label_ops.items():
        if owner in failed:
            owners[index] = labels[owner]
    for index, parts in splits.items():
        if any(owner in failed for owner, _ in parts):
            splits[index] = [
                (labels[owner] if isinstance(owner, int) and owner in failed else owner, part)
                for owner, part in parts
            ]
    return failed


def contested_leaves(
    count: int, claims: Sequence[tuple[Owner, Sequence[tuple[int, int]]]],
    painting: Callable[[int], bool],
) -> set[int]:
    """Leaves claiming a painting operator that an earlier leaf claimed too."""
    # The first leaf claiming each operator, painting or not: an operator that paints
    # nothing is never contested, so ``painting`` is asked only where two leaves meet (most
    # claims are of operators nobody else claims, filled a range at a time).
    first: list[Owner | None] = [None] * count
    out: set[int] = set()
    for who, ranges in claims:
        if not isinstance(who, int):
            continue
        for start, end in ranges:
            start, end = max(start, 0), min(end, count)
            if start >= end:
                continue
            if first[start:end].count(None) == end - start:
                first[start:end] = [who] * (end - start)
                continue
            for index in range(start, end):
                earlier = first[index]
                if earlier is None:
                    first[index] = who
                elif earlier != who and painting(index):
                    out.add(who)
    return out


class _End:
    """Ends the open marked-content sequence (``EMC``)."""


_END = _End()


@dataclass(frozen=True)
class _Begin:
    """Starts a sequence: a leaf's (with its MCID) or an artifact's (``mcid`` None)."""

    owner: Owner
    mcid: int | None


@dataclass(frozen=True)
class _ActualTextBegin:
    """Starts a span of a leaf's sequence read as ``text`` instead of the glyphs it draws."""

    text: str


#: Source operators (``start``, ``end``) read as ``text``: the author's /ActualText for them.
ActualTextSpan = tuple[int, int, str]
#: What a tagged page is made of, in order: a run of original instructions (their indices),
#: a sequence's start or end, or a part of a split text operator (or a replacement).
_PlanItem = range | _Begin | _End | _ActualTextBegin | pikepdf.ContentStreamInstruction
#: The operators an /ActualText span may cover: it stands for text, never for other drawing.
_SHOW_TEXT = frozenset({"Tj", "TJ", "'", '"'})
#: Operators the plan looks at whatever they paint and whoever owns them.
_PLANNED = _MARKS | {"BT", "ET"}


def _plan_marks(
    operators: Operators,
    owners: list[Owner | None],
    result: PageTagging,
    splits: Mapping[int, Sequence[tuple[Owner, pikepdf.ContentStreamInstruction]]] | None,
    opens_optional_content: Callable[[int], bool],
    cuts: AbstractSet[int] = frozenset(),
    bare: Mapping[int, pikepdf.ContentStreamInstruction] | None = None,
) -> list[_PlanItem]:
    """The page's instructions with marked content inserted around each owner's operators.
    ``opens_optional_content(i)``: instruction ``i`` (a ``BDC``) starts optional content.
    ``cuts``: painting operators that start a leaf's sequence even after the same leaf's
    (a part of the leaf read elsewhere than it is drawn: its own MCID, listed in place).
    ``bare``: instructions replaced by another, written outside any sequence (a Form XObject
    whose own content is marked inside it: :mod:`.form_content`). The walk is
    :func:`python_plan_marks`, made in C where the extension is built (a page starts tens of
    thousands of sequences)."""
    unit_owner, looked_at = _unit_owners(operators, owners)
    split_at = dict(splits or {})
    bare_at = dict(bare or {})
    # Only these instructions can change the plan; the others between them are copied as
    # they are, as runs (pages have tens of thousands of instructions). Split and replaced
    # instructions paint, so they are looked at already; the union is only to be sure.
    planned = sorted(set(looked_at).union(split_at, bare_at))
    walk = _units.plan_marks if _units is not None else python_plan_marks
    plan: list[_PlanItem]
    plan, tagged, artifacts = walk(
        operators.names, operators.painting, unit_owner, planned, split_at, bare_at, cuts,
        result.mcid_owner, result.mcid_start, opens_optional_content, _Begin, _END)
    result.tagged_operators += tagged
    result.artifact_operators += artifacts
    return plan


def python_plan_marks(
    names: list[str],
    painting: list[bool],
    unit_owner: list[Owner | None],
    planned: list[int],
    split_at: dict[int, Sequence[tuple[Owner, pikepdf.ContentStreamInstruction]]],
    bare_at: dict[int, pikepdf.ContentStreamInstruction],
    cuts: AbstractSet[int],
    mcid_owner: list[int],
    mcid_start: list[int],
    opens_optional_content: Callable[[int], bool],
    begin_type: type[_Begin],
    end: _End,
) -> tuple[list[_PlanItem], int, int]:
    """:func:`_plan_marks`' walk of the ``planned`` instructions (ascending), with each
    instruction's unit owner (:func:`_unit_owners`): the plan, and how many painting
    operators it puts in a leaf's sequence and in an artifact's. Each leaf's sequence gets
    the next MCID: its owner and first instruction are appended to ``mcid_owner`` and
    ``mcid_start``. ``begin_type`` and ``end``: :class:`_Begin` and :data:`_END` (given, as
    the C twin is given them)."""
    out: list[_PlanItem] = []
    tagged = artifacts = 0
    current: Owner | None = None  # the owner of the open sequence, None when none is open
    kept_marks: list[bool] = []  # for each source BDC/BMC still open: was it kept (/OC)?
    # Original instructions are written as runs: those from ``run_from`` up to the one being
    # planned are still to be written, as one range, before anything else is (a text page
    # paints at nearly every instruction: one range per run, not an item per instruction).
    run_from = 0
    index = 0

    def write_run() -> None:
        nonlocal run_from
        if run_from < index:
            out.append(range(run_from, index))
            run_from = index

    def close() -> None:
        nonlocal current
        if current is not None:
            write_run()
            out.append(end)
            current = None

    def begin(owner: Owner, index: int) -> None:
        nonlocal current
        close()
        write_run()
        if isinstance(owner, int):
            out.append(begin_type(owner, len(mcid_owner)))
            mcid_owner.append(owner)
            mcid_start.append(index)
        else:
            out.append(begin_type(owner, None))
        current = owner

    def drop() -> None:
        """The instruction being planned is not written as it is."""
        nonlocal run_from
        write_run()
        run_from = index + 1

    for index in planned:
        op = names[index]
        if op in _MARKS:
            if _keep_mark(op, index, opens_optional_content, kept_marks):
                close()  # our sequences nest inside or outside optional content, not across
            else:
                drop()
            continue
        if op == "BT" or op == "ET":
            close()
        replacement = bare_at.get(index)
        if replacement is not None:
            close()
            drop()
            out.append(replacement)
            continue
        if index in split_at:
            drop()
            for owner, part in split_at[index]:
                if owner != current:
                    begin(owner, index)
                tagged += 1
                out.append(part)
            continue
        wanted = unit_owner[index]
        if wanted is not None:
            owner = wanted if wanted != "" else "other"
            if owner != current or (index in cuts and isinstance(owner, int)):
                begin(owner, index)
        if current is not None and painting[index]:
            if isinstance(current, int):
                tagged += 1
            else:
                artifacts += 1
    index = len(names)
    write_run()
    close()
    return out, tagged, artifacts


def _with_actual_texts(
    plan: list[_PlanItem], spans: Sequence[ActualTextSpan], operators: Operators
) -> list[_PlanItem]:
    """``plan`` with each span's operators wrapped in ``/Span <</ActualText …>> BDC … EMC``
    inside the leaf's sequence (PDF 32000-1 14.9.4: a screen reader hears the author's text,
    "LaTeX", not the pieces drawn). Only a span written as one run of original instructions
    inside one leaf's sequence, and showing text only, is wrapped: marked content nests and
    may not cross a sequence's or a text object's ends, and a span over a cut operator or a
    form would say its text for other drawing. Any other span is read as drawn."""
    if not spans:
        return plan
    pending = sorted(filter(None, (_painted_part(span, operators) for span in spans)))
    out: list[_PlanItem] = []
    in_leaf = False
    next_span = 0
    for item in plan:
        if isinstance(item, _Begin):
            in_leaf = item.mcid is not None
        elif isinstance(item, _End):
            in_leaf = False
        if not isinstance(item, range):
            out.append(item)
            continue
        while next_span < len(pending) and pending[next_span][0] < item.start:
            next_span += 1  # began before this run: not one run
        at = item.start
        while in_leaf and next_span < len(pending) and pending[next_span][1] <= item.stop:
            start, end, text = pending[next_span]
            next_span += 1
            if start < at or not _shows_text_only(operators, start, end):
                continue
            if at < start:
                out.append(range(at, start))
            out.extend((_ActualTextBegin(text), range(start, end), _END))
            at = end
        if at < item.stop:
            out.append(range(at, item.stop))
    return out


def source_actual_texts(
    instructions: Sequence[Instruction], properties: object
) -> list[ActualTextSpan]:
    """The source's own marked-content /ActualText (a property list inline or named in the
    page's ``/Properties``), each with the operators inside its sequence. Tagging drops the
    source's marks, and pdfium read the model's text through these: they are said again
    where they still fit (:func:`_with_actual_texts`)."""
    out: list[ActualTextSpan] = []
    open_marks: list[tuple[int, str | None]] = []
    for index, instruction in enumerate(instructions):
        if not isinstance(instruction, pikepdf.ContentStreamInstruction):
            continue
        op = operator_name(instruction.operator)
        if op == "BMC":
            open_marks.append((index, None))
        elif op == "BDC":
            open_marks.append((index, _actual_text_of(list(instruction.operands), properties)))
        elif op == "EMC" and open_marks:
            start, text = open_marks.pop()
            if text is not None:
                out.append((start + 1, index, text))
    return out


def mentions_actual_text(data: bytes, properties: object) -> bool:
    """Whether a content stream's bytes, or the named property lists it can use, may hold an
    /ActualText (cheap: most pages have none, and need not be parsed for it)."""
    if b"/ActualText" in data:
        return True
    return isinstance(properties, pikepdf.Dictionary) and any(
        isinstance(entry, pikepdf.Dictionary) and "/ActualText" in entry
        for entry in properties.values())


def _actual_text_of(operands: Sequence[object], properties: object) -> str | None:
    if len(operands) < 2:
        return None
    entries = operands[1]
    if isinstance(entries, pikepdf.Name) and isinstance(properties, pikepdf.Dictionary):
        entries = properties.get(str(entries))
    if not isinstance(entries, pikepdf.Dictionary):
        return None
    text = entry_of(entries, "/ActualText")
    return str(text) if isinstance(text, pikepdf.String) else None


def _painted_part(span: ActualTextSpan, operators: Operators) -> ActualTextSpan | None:
    """``span`` from its first painting operator to its last: the state set around them
    (``BT``, ``Tf``, ``Td``…) says nothing, and our sequences open at the painting (a span
    around a whole text object fits in the sequence opened inside it). None: paints nothing."""
    start, end, text = span
    painting = operators.painting
    if not 0 <= start < end <= len(painting):
        return None
    painted = [index for index in range(start, end) if painting[index]]
    return (painted[0], painted[-1] + 1, text) if painted else None


def _shows_text_only(operators: Operators, start: int, end: int) -> bool:
    names, painting = operators.names, operators.painting
    shown = False
    for index in range(start, end):
        if names[index] in _MARKS or names[index] in ("BT", "ET"):
            return False
        if painting[index]:
            if names[index] not in _SHOW_TEXT:
                return False
            shown = True
    return shown


def tag_instructions(
    instructions: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage],
    owners: list[Owner | None],
    xobject_names: frozenset[str],
    result: PageTagging,
    splits: Mapping[int, Sequence[tuple[Owner, pikepdf.ContentStreamInstruction]]] | None = None,
    *,
    operators: Operators | None = None,
    cuts: AbstractSet[int] = frozenset(),
    bare: Mapping[int, pikepdf.ContentStreamInstruction] | None = None,
    actual_texts: Sequence[ActualTextSpan] = (),
) -> list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage]:
    """The page's instructions with marked content inserted around each owner's operators.

    ``splits``: text-showing operators replaced by parts with owners of their own (see
    :mod:`.split_text`). ``operators``: :func:`read_operators` of ``instructions``, when the
    caller has it already. ``actual_texts``: spans read as the author's text instead of the
    glyphs drawn (:func:`_with_actual_texts`)."""
    if operators is None:
        operators = read_operators(instructions, xobject_names)
    opens_optional_content = _optional_content_opener(instructions)
    out: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
    end = pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC"))
    plan = _plan_marks(operators, owners, result, splits, opens_optional_content, cuts, bare)
    for item in _with_actual_texts(plan, actual_texts, operators):
        if isinstance(item, range):
            out.extend(instructions[item.start:item.stop])
        elif isinstance(item, _End):
            out.append(end)
        elif isinstance(item, _Begin):
            out.append(_begin_instruction(item))
        elif isinstance(item, _ActualTextBegin):
            out.append(pikepdf.ContentStreamInstruction(
                [pikepdf.Name("/Span"), _actual_text_properties(item)], pikepdf.Operator("BDC")))
        else:
            out.append(item)
    return out


def _optional_content_opener(instructions: Sequence[Instruction]) -> Callable[[int], bool]:
    """Whether instruction ``i`` (a ``BDC``) of ``instructions`` starts optional content."""

    def opens_optional_content(index: int) -> bool:
        operands = instructions[index].operands
        return bool(operands) and operand_text(operands[0]) == "/OC"

    return opens_optional_content


def tag_stream_bytes(
    content: ScannedContent,
    owners: list[Owner | None],
    result: PageTagging,
    splits: Mapping[int, Sequence[tuple[Owner, pikepdf.ContentStreamInstruction]]] | None = None,
    cuts: AbstractSet[int] = frozenset(),
    bare: Mapping[int, pikepdf.ContentStreamInstruction] | None = None,
    actual_texts: Sequence[ActualTextSpan] = (),
) -> bytes:
    """:func:`tag_instructions` on the stream's bytes: the original instructions are copied as
    they are (runs of them in one slice), marked-content operators written between them
    (:func:`python_write_plan`, in C where the extension is built)."""

    def opens_optional_content(index: int) -> bool:
        return content.first_name(index) == "/OC"

    plan = _with_actual_texts(
        _plan_marks(content.operators, owners, result, splits, opens_optional_content, cuts,
                    bare),
        actual_texts, content.operators)
    write = _units.write_plan if _units is not None else python_write_plan
    written: bytes = write(content.data, content.starts, content.ends, plan, _Begin, _END,
                           _item_bytes)
    return written


def python_write_plan(
    data: bytes, starts: list[int], ends: list[int], plan: list[_PlanItem],
    begin_type: type[_Begin], end: _End, item_bytes: Callable[[_PlanItem], bytes],
) -> bytes:
    """``plan`` written over the stream's ``data`` (instruction ``i`` is
    ``data[starts[i]:ends[i]]``): each run of consecutive original instructions as one
    slice, then a newline; a sequence's end as ``EMC``, a leaf's start as its ``BDC``, and
    anything else as ``item_bytes`` writes it (:func:`_item_bytes`). ``begin_type`` and
    ``end``: as for :func:`python_plan_marks`."""
    # Runs are joined from views of the stream: each byte is copied once, into the result.
    view = memoryview(data)
    pieces: list[bytes | memoryview] = []
    run_first = run_last = -1  # the run of consecutive original instructions being copied
    for item in plan:
        if isinstance(item, range):
            if item.start == run_last + 1 and run_first >= 0:
                run_last = item.stop - 1
                continue
            if run_first >= 0:
                pieces.append(view[starts[run_first]:ends[run_last]])
                pieces.append(b"\n")
            run_first, run_last = item.start, item.stop - 1
            continue
        if run_first >= 0:
            pieces.append(view[starts[run_first]:ends[run_last]])
            pieces.append(b"\n")
            run_first = -1
        if item is end:
            pieces.append(b"EMC\n")
        elif type(item) is begin_type and isinstance(item, _Begin) and item.mcid is not None:
            pieces.append(b"/P <</MCID %d>> BDC\n" % item.mcid)
        else:
            pieces.append(item_bytes(item))
    if run_first >= 0:
        pieces.append(view[starts[run_first]:ends[run_last]])
        pieces.append(b"\n")
    return b"".join(pieces)


def _item_bytes(item: _PlanItem) -> bytes:
    """A plan's item other than a run of original instructions, as content-stream syntax."""
    if isinstance(item, _End):
        return b"EMC\n"
    if isinstance(item, _Begin):
        return _begin_bytes(item)
    if isinstance(item, _ActualTextBegin):
        return b"/Span %s BDC\n" % _actual_text_properties(item).unparse()
    if isinstance(item, pikepdf.ContentStreamInstruction):
        return pikepdf.unparse_content_stream([item]) + b"\n"
    return b""


def _keep_mark(
    op: str, index: int, opens_optional_content: Callable[[int], bool], kept_marks: list[bool]
) -> bool:
    """Optional content (``/OC``) sequences stay; every other source mark goes."""
    if op in ("BDC", "BMC"):
        keep = op == "BDC" and opens_optional_content(index)
        kept_marks.append(keep)
        return keep
    if op == "EMC":
        return kept_marks.pop() if kept_marks else False
    return False  # MP, DP: marked points carry no content


#: How :func:`_unit_owners` reads an operator (one dictionary look-up each, not a set test per
#: kind: a page has tens of thousands of operators): 1 path construction, 2 path painting
#: or ``n``, 3 planned whatever it paints (:data:`_PLANNED`), 0 anything else.
_UNIT_KIND: dict[str, int] = {
    **{op: 3 for op in _PLANNED}, **{op: 2 for op in _PAINT | {"n"}}, **{op: 1 for op in _PATH}
}


def _unit_owners(
    operators: Operators, owners: list[Owner | None]
) -> tuple[list[Owner | None], list[int]]:
    """:func:`python_unit_owners`, walked in C where the extension is built (the walk looks
    at every instruction of every page, and again for each page retagged while its cuts are
    proven)."""
    if _units is not None:
        found: tuple[list[Owner | None], list[int]] = _units.unit_owners(
            operators.names, operators.painting, owners)
        return found
    return python_unit_owners(operators, owners)


def python_unit_owners(
    operators: Operators, owners: list[Owner | None]
) -> tuple[list[Owner | None], list[int]]:
    """The owner to switch to *before* each instruction, or None for "no change"; and the
    instructions :func:`_plan_marks` looks at (those an owner is switched to before, those
    that paint, and marked-content and text-object operators), found in the same walk.

    A path's sequence must start before its first construction operator (marked content may
    not come between ``m``/``re``… and the painting operator), so its owner is moved there.
    Unclaimed painting gets ``""``, which becomes an unnamed artifact (an inline image too:
    it paints, and is no path).
    """
    painting = operators.painting
    out: list[Owner | None] = [None] * len(painting)
    looked_at: list[int] = []
    path_start: int | None = None
    kind_of = _UNIT_KIND.get
    for index, op in enumerate(operators.names):
        kind = kind_of(op, 0)
        if kind == 1:  # path construction
            if path_start is None:
                path_start = index
            continue
        if kind == 2:  # painting a path, or ending it unpainted (n)
            start = path_start if path_start is not None else index
            path_start = None
            if op != "n":
                out[start] = owners[index] if owners[index] is not None else ""
                if start != index:
                    looked_at.append(start)
                looked_at.append(index)  # it paints
            continue
        if painting[index]:
            out[index] = owners[index] if owners[index] is not None else ""
            looked_at.append(index)
        elif kind == 3:
            looked_at.append(index)
    return out, looked_at


def _begin_instruction(begin: _Begin) -> pikepdf.ContentStreamInstruction:
    if begin.mcid is not None:
        properties = pikepdf.Dictionary(MCID=begin.mcid)
        return pikepdf.ContentStreamInstruction(
            [pikepdf.Name("/P"), properties], pikepdf.Operator("BDC")
        )
    attributes = _ARTIFACT_PROPERTIES.get(str(begin.owner))
    if attributes is None:
        return pikepdf.ContentStreamInstruction(
            [pikepdf.Name("/Artifact")], pikepdf.Operator("BMC")
        )
    properties = pikepdf.Dictionary({k: pikepdf.Name(v) for k, v in attributes.items()})
    return pikepdf.ContentStreamInstruction(
        [pikepdf.Name("/Artifact"), properties], pikepdf.Operator("BDC")
    )


def _actual_text_properties(begin: _ActualTextBegin) -> pikepdf.Dictionary:
    return pikepdf.Dictionary(ActualText=pikepdf.String(begin.text))


def _begin_bytes(begin: _Begin) -> bytes:
    """:func:`_begin_instruction` as content-stream syntax."""
    if begin.mcid is not None:
        return b"/P <</MCID %d>> BDC\n" % begin.mcid
    written = _ARTIFACT_BYTES.get(begin.owner)
    if written is None:
        attributes = _ARTIFACT_PROPERTIES.get(str(begin.owner))
        if attributes is None:
            written = b"/Artifact BMC\n"
        else:
            entries = " ".join(f"{key} {value}" for key, value in attributes.items())
            written = f"/Artifact <<{entries}>> BDC\n".encode("ascii")
        _ARTIFACT_BYTES[begin.owner] = written
    return written


#: :func:`_begin_bytes` of each artifact kind, written once (a page starts many artifacts).
_ARTIFACT_BYTES: dict[Owner, bytes] = {}


def xobject_names(resources: object) -> frozenset[str]:
    """Names of the XObjects a ``Do`` can paint with these resources."""
    if not isinstance(resources, pikepdf.Dictionary):
        return frozenset()
    xobjects = entry_of(resources, "/XObject")
    if not isinstance(xobjects, pikepdf.Dictionary):
        return frozenset()
    return frozenset(str(name) for name in xobjects.keys())  # noqa: SIM118 - pikepdf keys


def strip_form_marks(pdf: pikepdf.Pdf) -> int:
    """Drop the source's marked content (but not optional content) from every Form XObject.

    Their MCIDs belonged to the old structure tree; the forms' content is now tagged by the
    sequence around the ``Do`` that paints them, or, where one painting draws several blocks,
    inside a copy of the form (:mod:`.form_content`). Returns how many forms were rewritten.
    """
    rewritten = 0
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream) or entry_of(obj, "/Subtype") != pikepdf.Name.Form:
            continue
        for key in ("/StructParents", "/StructParent"):
            if key in obj:
                del obj[key]
        try:
            if not _may_mark(obj.read_bytes()):
                continue  # nothing to drop: no need to parse it (documents have thousands)
            instructions = pikepdf.parse_content_stream(obj)
        except (pikepdf.PdfError, pikepdf.DependencyError, ValueError, TypeError):
            continue  # unreadable: left exactly as it was
        kept_marks: list[bool] = []
        opens_optional_content = _optional_content_opener(instructions)
        kept = [
            i for index, i in enumerate(instructions)
            if isinstance(i, pikepdf.ContentStreamInlineImage)
            or operator_name(i.operator) not in _MARKS
            or _keep_mark(operator_name(i.operator), index, opens_optional_content, kept_marks)
        ]
        if len(kept) != len(instructions):
            obj.write(pikepdf.unparse_content_stream(kept))
            rewritten += 1
    return rewritten


def _may_mark(content: bytes) -> bool:
    """False when the stream cannot hold a marked-content operator: none of their names
    occurs anywhere in its bytes."""
    return any(mark.encode() in content for mark in _MARKS)
