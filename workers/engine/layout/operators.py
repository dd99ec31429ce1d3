"""Map pdfium's page objects to the content-stream operators that drew them.

pdfium turns a page's content stream into a flat list of page objects, in stream order: one
text object per text-showing operator (``Tj``, ``TJ``, ``'``, ``"``) with a non-empty string,
one path object per painted path (``f``, ``S``, ``B``…; not ``n``) with a segment after its
first point (a lone ``m`` paints nothing), one image per image ``Do`` or inline image, one
form object per Form XObject ``Do``, one shading per ``sh``.
We walk the same stream with ``pikepdf.parse_content_stream`` and predict that sequence of
object kinds. Where prediction and pdfium agree (almost always), page object *k* is operator
``ops[k]``; where they disagree (a missing font or XObject, a damaged stream), the two
sequences are aligned with difflib and only the matched stretches get operator references,
and the mismatch is reported as a warning. No reference is ever guessed.

The walk itself runs in C (``_content_scan.c``) when the extension is built: pikepdf's parser
makes a Python object of every operand of the page, which cost more than the rest of a text
page's analysis together, and the map needs a few facts per operator. The scanner reads the
common streams and leaves anything unusual (comments, inline images, damage) to pikepdf;
:func:`_pikepdf_events` is the same walk over pikepdf's instructions, and a test holds the two
to the same answer.
"""

from __future__ import annotations

import difflib
import enum
import itertools
import operator
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from types import ModuleType
from typing import Literal

import pikepdf

from ..operator_names import operand_text, operator_name
from ..pdf_entries import entry_of

_longest: ModuleType | None
try:
    # difflib's longest-match search in C, built by `pip install` where a compiler exists.
    from . import _longest_match as _longest
except ImportError:  # pragma: no cover - depends on the installation
    _longest = None

_scanner: ModuleType | None
try:
    # The content-stream walk in C (_content_scan.c); without it, pikepdf's parser.
    from . import _content_scan as _scanner
except ImportError:  # pragma: no cover - depends on the installation
    _scanner = None


class _Role(enum.Enum):
    SHOW = "show text"
    PATH = "build a path"
    PAINT = "paint the path"
    END_PATH = "end the path unpainted"
    XOBJECT = "draw an XObject"
    SHADING = "paint a shading"


_ROLE: dict[str, _Role] = {
    **dict.fromkeys(("Tj", "TJ", "'", '"'), _Role.SHOW),
    **dict.fromkeys(("m", "l", "c", "v", "y", "h", "re"), _Role.PATH),
    **dict.fromkeys(("f", "F", "f*", "B", "B*", "b", "b*", "S", "s"), _Role.PAINT),
    "n": _Role.END_PATH,
    "Do": _Role.XOBJECT,
    "sh": _Role.SHADING,
}
#: Pages whose content has more operators than this are not mapped (bounded work).
MAX_OPERATORS = 2_000_000


@dataclass
class OperatorMap:
    #: ``operator_of[k]`` = index of the operator that drew top-level page object ``k``, or -1.
    operator_of: list[int] = field(default_factory=list)
    warning: str | None = None

    def ranges(self, objects: Iterable[int]) -> tuple[tuple[int, int], ...]:
        """Half-open operator ranges covering ``objects``, merging runs of consecutive objects."""
        if _scanner is not None and isinstance(objects, (list, tuple)) and isinstance(
            self.operator_of, list
        ):
            # The same ranges in C (a test holds the two equal): asked for every block.
            found = _scanner.ranges(self.operator_of, objects)
            if found is not NotImplemented:
                made: tuple[tuple[int, int], ...] = found
                return made
        # Asked for every block of the document: the open range is kept in two locals
        # (start, end) rather than rebuilt as a tuple for each object it grows by.
        out: list[tuple[int, int]] = []
        operator_of = self.operator_of
        count = len(operator_of)
        previous_obj = -10
        start = end = -1  # the open range; none while end < 0
        for obj in sorted(set(objects)):
            if not 0 <= obj < count:
                continue
            op = operator_of[obj]
            if op < 0:
                continue
            if end >= 0 and obj == previous_obj + 1 and op >= end - 1:
                end = op + 1
            else:
                if end >= 0:
                    out.append((start, end))
                start, end = op, op + 1
            previous_obj = obj
        if end >= 0:
            out.append((start, end))
        return tuple(out)

    def ranges_in_order(self, objects: Sequence[int]) -> tuple[tuple[int, int], ...]:
        """The operators of :meth:`ranges`, cut where the reading of ``objects`` (a block's
        objects as its text is read) does not go on to the next object drawn, and the ranges
        ordered as they are read: a paragraph whose second line is drawn first, a
        right-to-left line drawn word by word from the left, a form's label drawn apart from
        the line it sits in, read as the text reads (the tagger lists an element's marked
        content in this order). Objects in stream order: :meth:`ranges`."""
        if _scanner is not None and isinstance(objects, (list, tuple)) and isinstance(
            self.operator_of, list
        ):
            # The same ranges in C (a test holds the two equal): asked for every block, cell
            # and label of every page.
            found = _scanner.ranges_in_order(self.operator_of, objects)
            if found is not NotImplemented:
                made: tuple[tuple[int, int], ...] = found
                return made
        # (Each object before the next, compared at C speed: asked for every block and cell.)
        if all(map(operator.lt, objects, itertools.islice(objects, 1, None))):
            return self.ranges(objects)  # (most blocks: read as drawn)
        operator_of = self.operator_of
        count = len(operator_of)
        place: dict[int, int] = {}
        for obj in objects:
            if 0 <= obj < count and operator_of[obj] >= 0:
                place.setdefault(obj, len(place))
        out: list[list[int]] = []  # [start, end, place of its first object]
        previous_obj = -10
        previous_place = -1
        for obj in sorted(place):
            op = operator_of[obj]
            here = place[obj]
            if out and obj == previous_obj + 1 and op >= out[-1][1] - 1:
                if here == previous_place + 1 or op == out[-1][1] - 1:
                    out[-1][1] = op + 1  # read on as drawn (or the operator already there)
                    previous_obj, previous_place = obj, here
                    continue
                # Something else is read between the two: a range of its own, the operators
                # in between (no object of their own) staying with the range they follow.
                out[-1][1] = op
            out.append([op, op + 1, here])
            previous_obj, previous_place = obj, here
        out.sort(key=lambda r: r[2])
        return tuple((start, end) for start, end, _ in out)


#: An operator that can make a page object: (index of the instruction, operator — "BI" for
#: an inline image —, a text-showing operator's string has bytes, a Do's first operand).
_Event = tuple[int, str, bool, str | None]


def map_operators(
    page: pikepdf.Page, pdfium_kinds: list[str], joined: Joined | None | Literal[False] = False
) -> OperatorMap:
    """``joined``: the page's :func:`joined_content`, where the caller has read it (False:
    not read)."""
    xobject_kinds = _xobject_kinds(page)
    scanned = _scanned(page, xobject_kinds, joined)
    if scanned is None:
        try:
            instructions = pikepdf.parse_content_stream(page)
        except Exception as e:  # noqa: BLE001 - any damage (or a missing decoder) only costs refs
            return OperatorMap([-1] * len(pdfium_kinds), f"content stream unreadable: {e}")
        if len(instructions) > MAX_OPERATORS:
            return OperatorMap([-1] * len(pdfium_kinds), "too many operators to map")
        kinds, positions = _kinds_of(_pikepdf_events(instructions), xobject_kinds)
    else:
        count, kinds, positions = scanned
        if count > MAX_OPERATORS:
            return OperatorMap([-1] * len(pdfium_kinds), "too many operators to map")
    result = OperatorMap([-1] * len(pdfium_kinds))
    if kinds == pdfium_kinds:
        result.operator_of = positions
        return result
    matcher = _matcher(kinds, pdfium_kinds)
    matched = 0
    for a, b, size in matcher.get_matching_blocks():
        for k in range(size):
            result.operator_of[b + k] = positions[a + k]
        matched += size
    if matched < len(pdfium_kinds):
        result.warning = (
            f"content stream and pdfium disagree on {len(pdfium_kinds) - matched} of "
            f"{len(pdfium_kinds)} page objects; those have no operator reference"
        )
    return result


def _kinds_of(events: list[_Event], xobject_kinds: dict[str, str]) -> tuple[list[str], list[int]]:
    """The page objects the operators make, in order, and the index of the instruction making
    each (what the C scanner predicts: a test holds the two equal)."""
    kinds: list[str] = []
    positions: list[int] = []
    # pdfium keeps a path it paints only when it has a segment after its first point: a
    # lone ``m`` (or several, each replacing the last) is one point, painting nothing, and
    # a segment before any ``m`` is dropped. So the path is *started* by ``m`` or ``re`` and
    # *drawn* by a segment of a started path (``re`` is both).
    started = drawn = False
    for index, op, shows, name in events:
        if op == "BI":
            kinds.append("image")
            positions.append(index)
            continue
        role = _ROLE[op]
        kind: str | None = None
        if role is _Role.SHOW:
            if shows:
                kind = "text"
        elif role is _Role.PATH:
            if op == "m":
                started = True
            elif op == "re":
                started = drawn = True
            elif op != "h" and started:
                drawn = True
        elif role is _Role.PAINT or role is _Role.END_PATH:
            if role is _Role.PAINT and drawn:
                kind = "path"
            started = drawn = False
        elif role is _Role.XOBJECT:
            if name is not None:
                kind = xobject_kinds.get(name)
        else:
            kind = "shading"
        if kind is not None:
            kinds.append(kind)
            positions.append(index)
    return kinds, positions


def _pikepdf_events(instructions: list[pikepdf.ContentStreamInstructions]) -> list[_Event]:
    """The operators making page objects among pikepdf's instructions (what the C scanner
    finds in the stream's bytes: a test holds the two equal)."""
    events: list[_Event] = []
    # Once per operator of every page: one dictionary look-up sorts out the many operators
    # that make no page object (q, cm, Tf, Td, colours…) before anything else is asked.
    role_of = _ROLE.get
    inline_image = pikepdf.ContentStreamInlineImage
    for index, instruction in enumerate(instructions):
        if isinstance(instruction, inline_image):
            events.append((index, "BI", False, None))
            continue
        op = operator_name(instruction.operator)
        role = role_of(op)
        if role is None:
            continue
        if role is _Role.SHOW:
            events.append((index, op, _shows_something(op, list(instruction.operands)), None))
        elif role is _Role.XOBJECT:
            operands = instruction.operands
            events.append((index, op, False, operand_text(operands[0]) if operands else None))
        else:
            events.append((index, op, False, None))
    return events


def _scanned(
    page: pikepdf.Page,
    xobject_kinds: dict[str, str],
    joined: Joined | None | Literal[False] = False,
) -> tuple[int, list[str], list[int]] | None:
    """The instruction count, predicted objects and their instructions' indices of the page's
    content, read by the C scanner; None when it is not built or leaves the stream to pikepdf
    (see _content_scan.c)."""
    if _scanner is None:
        return None
    if joined is False:
        joined = joined_content(page)
    if joined is None:
        return None
    data, boundaries = joined
    result: tuple[int, list[str], list[int]] | None = _scanner.scan(
        data, boundaries, xobject_kinds
    )
    return result


#: A page's content streams joined, and where they meet (:func:`joined_content`).
Joined = tuple[bytes, list[int]]


def joined_content(page: pikepdf.Page) -> Joined | None:
    """The page's content streams as qpdf reads them, one after the other with a newline
    between, and where each joint lies (a string split between two streams is left to
    pikepdf: the C scanners are told where they meet); None when a stream cannot be read,
    whose damage pikepdf's parser will then report."""
    try:
        contents = page.obj.get("/Contents")
        items = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        streams = [s for s in items if isinstance(s, pikepdf.Stream)]
        if not streams or len(streams) != len(items):
            return None
        chunks = [s.read_bytes() for s in streams]
    except Exception:  # noqa: BLE001 - whatever the damage, pikepdf's parser will say it
        return None
    boundaries: list[int] = []
    offset = 0
    for chunk in chunks[:-1]:
        offset += len(chunk)
        boundaries.append(offset)
        offset += 1
    return b"\n".join(chunks), boundaries


class _KindMatcher(difflib.SequenceMatcher[str]):
    """difflib's matcher whose inner search runs in C on the kinds coded as bytes: the
    matching blocks are difflib's own (no junk, no autojunk), found much faster."""

    def __init__(self, a: list[str], b: list[str], codes: dict[str, int]) -> None:
        super().__init__(None, a, b, autojunk=False)
        self._a_codes = bytes(codes[kind] for kind in a)
        self._b_codes = bytes(codes[kind] for kind in b)

    def find_longest_match(
        self, alo: int = 0, ahi: int | None = None, blo: int = 0, bhi: int | None = None
    ) -> difflib.Match:
        assert _longest is not None
        ahi = len(self._a_codes) if ahi is None else ahi
        bhi = len(self._b_codes) if bhi is None else bhi
        i, j, k = _longest.longest_match(self._a_codes, self._b_codes, alo, ahi, blo, bhi)
        return difflib.Match(i, j, k)


def _matcher(a: list[str], b: list[str]) -> difflib.SequenceMatcher[str]:
    kinds = sorted(set(a) | set(b))
    if _longest is None or len(kinds) > 256:
        return difflib.SequenceMatcher(None, a, b, autojunk=False)
    return _KindMatcher(a, b, {kind: n for n, kind in enumerate(kinds)})


def _shows_something(op: str, operands: list[object]) -> bool:
    if op == "TJ":
        array = operands[0] if operands else None
        if not isinstance(array, pikepdf.Array):
            return False
        # By index: iterating a pikepdf Array converts all of it first, and the first item
        # nearly always answers.
        for k in range(len(array)):
            item = array[k]
            if isinstance(item, pikepdf.String) and len(bytes(item)) > 0:
                return True
        return False
    text = operands[-1] if operands else None
    return isinstance(text, pikepdf.String) and len(bytes(text)) > 0


def form_objects(
    instructions: list[pikepdf.ContentStreamInstructions], resources: object
) -> tuple[list[str], list[int]]:
    """The objects pdfium makes of a Form XObject's own content (``instructions``, drawn with
    ``resources``), as :func:`map_operators` predicts a page's: their kinds, and the index of
    the instruction making each (the tagger marks content inside forms with these)."""
    return _kinds_of(_pikepdf_events(instructions), xobject_kinds(resources))


def _xobject_kinds(page: pikepdf.Page) -> dict[str, str]:
    try:
        resources = page.resources
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
        return {}
    return xobject_kinds(resources)


def xobject_kinds(resources: object) -> dict[str, str]:
    """Resource name -> "image" or "form", for the XObjects of ``resources``."""
    kinds: dict[str, str] = {}
    try:
        xobjects = (entry_of(resources, "/XObject")
                    if isinstance(resources, pikepdf.Dictionary) else None)
        if not isinstance(xobjects, pikepdf.Dictionary):
            return kinds
        for name in xobjects.keys():  # noqa: SIM118 - pikepdf Dictionary iterates keys this way
            xobject = xobjects.get(name)
            subtype = xobject.get("/Subtype") if isinstance(xobject, pikepdf.Stream) else None
            if subtype == pikepdf.Name.Image:
                kinds[name] = "image"
            elif subtype == pikepdf.Name.Form:
                kinds[name] = "form"
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
        pass
    return kinds
