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
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import pikepdf

_SHOW = frozenset({"Tj", "TJ", "'", '"'})
_PAINT = frozenset({"f", "F", "f*", "B", "B*", "b", "b*", "S", "s"})
_PATH = frozenset({"m", "l", "c", "v", "y", "h", "re", "W", "W*"})
_MARKS = frozenset({"BDC", "BMC", "EMC", "MP", "DP"})

#: What owns a piece of content: a structure leaf's id (an int), or an artifact kind (a str:
#: "header", "footer", "page-number", "decoration", "other").
Owner = int | str

#: The /Artifact properties of each artifact kind (ISO 32000-1 14.8.2.2).
_ARTIFACT_PROPERTIES: dict[str, dict[str, str]] = {
    "header": {"/Type": "/Pagination", "/Subtype": "/Header"},
    "footer": {"/Type": "/Pagination", "/Subtype": "/Footer"},
    "page-number": {"/Type": "/Pagination"},
    "decoration": {"/Type": "/Layout"},
}


@dataclass
class PageTagging:
    """The result for one page: which leaf each new MCID belongs to, and what was done."""

    #: ``mcid_owner[mcid]`` = the leaf id drawn by that marked-content sequence.
    mcid_owner: list[int] = field(default_factory=list)
    #: Painting operators per owner kind, for the report: tagged and artifact counts.
    tagged_operators: int = 0
    artifact_operators: int = 0
    #: Leaves that claimed a painting operator another leaf (earlier in reading order) had
    #: already claimed: their text is partly in the other leaf's element.
    contested: set[int] = field(default_factory=set)
    #: List labels whose drawing went to their item's body (see :func:`yield_labels`).
    yielded: set[int] = field(default_factory=set)


Instruction = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage
#: The name :func:`read_operators` gives an inline image (as pikepdf's ``operator`` does).
INLINE_IMAGE = "INLINE IMAGE"


@dataclass(frozen=True)
class Operators:
    """A page's instructions with each one's operator name and whether it paints, read once.

    Every pikepdf attribute access builds a Python object (microseconds each) and pages have
    tens of thousands of operators, which every step below looks at several times."""

    instructions: Sequence[Instruction]
    names: list[str]
    painting: list[bool]


def read_operators(instructions: Sequence[Instruction], xobject_names: frozenset[str]) -> Operators:
    names: list[str] = []
    painting: list[bool] = []
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            names.append(INLINE_IMAGE)
            painting.append(True)
            continue
        op = str(instruction.operator)
        names.append(op)
        if op == "Do":
            painting.append(is_painting(instruction, xobject_names))
        else:
            painting.append(op in _SHOW or op in _PAINT or op == "sh")
    return Operators(instructions, names, painting)


def is_painting(instruction: Instruction, xobject_names: frozenset[str]) -> bool:
    if isinstance(instruction, pikepdf.ContentStreamInlineImage):
        return True
    op = str(instruction.operator)
    if op in _SHOW or op in _PAINT or op == "sh":
        return True
    return op == "Do" and bool(instruction.operands) and str(instruction.operands[0]) in (
        xobject_names
    )


def owners_of(
    count: int, claims: Sequence[tuple[Owner, Sequence[tuple[int, int]]]]
) -> list[Owner | None]:
    """The owner of every operator index: the first claim (in the order given) covering it."""
    owner: list[Owner | None] = [None] * count
    for who, ranges in claims:
        for start, end in ranges:
            for index in range(max(start, 0), min(end, count)):
                if owner[index] is None:
                    owner[index] = who
    return owner


def yield_labels(
    owners: list[Owner | None],
    claims: Sequence[tuple[Owner, Sequence[tuple[int, int]]]],
    splits: dict[int, list[tuple[Owner, pikepdf.ContentStreamInstruction]]],
    labels: Mapping[int, int],
) -> set[int]:
    """Give a list label's operators to its body where they cannot be told apart.

    A label drawn by the same operator as other content (its item's text in one ``Tj``, a Form
    XObject drawing the whole list) comes first in reading order, so it would own all of that
    operator when it is not split (:mod:`.split_text` splits text-showing operators only, and
    not all of them): the ``Lbl`` would read the item's text. Then every operator of that
    label goes to its body leaf (``labels``: label leaf -> body leaf), which reads label and
    text together, as it did before labels were tagged. ``owners`` and ``splits`` are changed
    in place; returns the labels that yielded."""
    label_ops: dict[int, int] = {}  # operator -> the label owning it
    for index, owner in enumerate(owners):
        if isinstance(owner, int) and owner in labels:
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
                if label_ops[index] != who and index not in splits:
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
    first: dict[int, Owner] = {}
    out: set[int] = set()
    for who, ranges in claims:
        if not isinstance(who, int):
            continue
        for start, end in ranges:
            for index in range(max(start, 0), min(end, count)):
                if not painting(index):
                    continue
                if index in first and first[index] != who:
                    out.add(who)
                else:
                    first.setdefault(index, who)
    return out


def tag_instructions(
    instructions: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage],
    owners: list[Owner | None],
    xobject_names: frozenset[str],
    result: PageTagging,
    splits: Mapping[int, Sequence[tuple[Owner, pikepdf.ContentStreamInstruction]]] | None = None,
    *,
    operators: Operators | None = None,
) -> list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage]:
    """The page's instructions with marked content inserted around each owner's operators.

    ``splits``: text-showing operators replaced by parts with owners of their own (see
    :mod:`.split_text`). ``operators``: :func:`read_operators` of ``instructions``, when the
    caller has it already."""
    if operators is None:
        operators = read_operators(instructions, xobject_names)
    names, painting = operators.names, operators.painting
    out: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
    unit_owner = _unit_owners(operators, owners)
    current: Owner | None = None  # the owner of the open sequence, None when none is open
    kept_marks: list[bool] = []  # for each source BDC/BMC still open: was it kept (/OC)?

    def close() -> None:
        nonlocal current
        if current is not None:
            out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))
            current = None

    for index, instruction in enumerate(instructions):
        op = names[index]
        if op in _MARKS:
            assert isinstance(instruction, pikepdf.ContentStreamInstruction)
            if _keep_mark(op, instruction, kept_marks):
                close()  # our sequences nest inside or outside optional content, not across
                out.append(instruction)
            continue
        if op == "BT" or op == "ET":
            close()
        if splits and index in splits:
            for owner, part in splits[index]:
                if owner != current:
                    close()
                    out.append(_begin(owner, result))
                    current = owner
                result.tagged_operators += 1
                out.append(part)
            continue
        wanted = unit_owner[index]
        if wanted is not None:
            owner = wanted if wanted != "" else "other"
            if owner != current:
                close()
                out.append(_begin(owner, result))
                current = owner
        if current is not None and painting[index]:
            if isinstance(current, int):
                result.tagged_operators += 1
            else:
                result.artifact_operators += 1
        out.append(instruction)
    close()
    return out


def _keep_mark(
    op: str, instruction: pikepdf.ContentStreamInstruction, kept_marks: list[bool]
) -> bool:
    """Optional content (``/OC``) sequences stay; every other source mark goes."""
    if op in ("BDC", "BMC"):
        keep = op == "BDC" and bool(instruction.operands) and str(instruction.operands[0]) == "/OC"
        kept_marks.append(keep)
        return keep
    if op == "EMC":
        return kept_marks.pop() if kept_marks else False
    return False  # MP, DP: marked points carry no content


def _unit_owners(operators: Operators, owners: list[Owner | None]) -> list[Owner | None]:
    """The owner to switch to *before* each instruction, or None for "no change".

    A path's sequence must start before its first construction operator (marked content may
    not come between ``m``/``re``… and the painting operator), so its owner is moved there.
    Unclaimed painting gets ``""``, which becomes an unnamed artifact.
    """
    painting = operators.painting
    out: list[Owner | None] = [None] * len(painting)
    path_start: int | None = None
    for index, op in enumerate(operators.names):
        if op == INLINE_IMAGE:
            out[index] = owners[index] if owners[index] is not None else ""
            continue
        if op in _PATH:
            if path_start is None:
                path_start = index
            continue
        if op in _PAINT or op == "n":
            start = path_start if path_start is not None else index
            path_start = None
            if op != "n":
                out[start] = owners[index] if owners[index] is not None else ""
            continue
        if painting[index]:
            out[index] = owners[index] if owners[index] is not None else ""
    return out


def _begin(owner: Owner, result: PageTagging) -> pikepdf.ContentStreamInstruction:
    if isinstance(owner, int):
        mcid = len(result.mcid_owner)
        result.mcid_owner.append(owner)
        properties = pikepdf.Dictionary(MCID=mcid)
        return pikepdf.ContentStreamInstruction(
            [pikepdf.Name("/P"), properties], pikepdf.Operator("BDC")
        )
    attributes = _ARTIFACT_PROPERTIES.get(owner)
    if attributes is None:
        return pikepdf.ContentStreamInstruction(
            [pikepdf.Name("/Artifact")], pikepdf.Operator("BMC")
        )
    properties = pikepdf.Dictionary({k: pikepdf.Name(v) for k, v in attributes.items()})
    return pikepdf.ContentStreamInstruction(
        [pikepdf.Name("/Artifact"), properties], pikepdf.Operator("BDC")
    )


def xobject_names(resources: object) -> frozenset[str]:
    """Names of the XObjects a ``Do`` can paint with these resources."""
    if not isinstance(resources, pikepdf.Dictionary):
        return frozenset()
    xobjects = resources.get("/XObject")
    if not isinstance(xobjects, pikepdf.Dictionary):
        return frozenset()
    return frozenset(str(name) for name in xobjects.keys())  # noqa: SIM118 - pikepdf keys


def strip_form_marks(pdf: pikepdf.Pdf) -> int:
    """Drop the source's marked content (but not optional content) from every Form XObject.

    Their MCIDs belonged to the old structure tree; the forms' content is now tagged by the
    sequence around the ``Do`` that paints them. Returns how many forms were rewritten.
    """
    rewritten = 0
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream) or obj.get("/Subtype") != pikepdf.Name.Form:
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
        kept = [
            i for i in instructions
            if isinstance(i, pikepdf.ContentStreamInlineImage)
            or str(i.operator) not in _MARKS
            or _keep_mark(str(i.operator), i, kept_marks)
        ]
        if len(kept) != len(instructions):
            obj.write(pikepdf.unparse_content_stream(kept))
            rewritten += 1
    return rewritten


def _may_mark(content: bytes) -> bool:
    """False when the stream cannot hold a marked-content operator: none of their names
    occurs anywhere in its bytes."""
    return any(mark.encode() in content for mark in _MARKS)
