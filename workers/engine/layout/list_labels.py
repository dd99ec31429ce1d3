"""A list item's label told apart from its text, by the glyphs that draw each.

The layout reader finds a list item by its text ("• Apples", "3. Pears"); the tagger wants the
label's drawing apart from the body's, to tag it ``Lbl`` (screen readers announce it as the
item's label) and the rest ``LBody``. The label is the item's first glyphs, spaces aside: when
they spell the label exactly, their page objects, operators and box are the label's
provenance; the other glyphs are the body's. A label drawn by its own operator (a bullet in
a symbol font) is then claimed by the label alone; one drawn by the same operator as the text
is claimed by both, and the tagger splits that operator between them by the glyphs' boxes.

>>> label_provs(0, [], [], OperatorMap([]), [], "•") is None
True
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence
from types import ModuleType

from ..document import BBox, Prov
from .glyphs import Glyph
from .lines import Fragment, clean
from .operators import OperatorMap
from .rounding import round_to

_accelerator: ModuleType | None
try:
    # The box of a list item's body in C (see ink_box), built where a C compiler exists.
    from . import _fragments as _accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _accelerator = None

_obj_of = operator.attrgetter("obj")
_x0_of, _y0_of = operator.attrgetter("x0"), operator.attrgetter("y0")
_x1_of, _y1_of = operator.attrgetter("x1"), operator.attrgetter("y1")


def label_provs(
    page: int,
    frags: Sequence[Fragment],
    objects: Sequence[int],
    opmap: OperatorMap,
    mcids: Sequence[int],
    label: str,
) -> tuple[Prov, Prov] | None:
    """The provenance of the label and of the rest of the item, or None when the item's first
    glyphs do not spell ``label``, in any order (a ligature, glyphs stored out of reading
    order) or nothing is left for the body. ``objects``: other page objects the item is
    drawn with (they go with the body)."""
    wanted = "".join(label.split())
    glyphs = list(itertools.chain.from_iterable(f.glyphs for f in frags))
    spelled = ""
    end = 0  # glyphs[:end] are the label's (spaces before it included)
    while end < len(glyphs) and len(spelled) < len(wanted):
        # Read as the item's text was (a symbol font's private-use bullet is "•", "✓"…).
        spelled += clean(glyphs[end].char)
        end += 1
    # (Sorted: a right-to-left line draws a figure's label the way it looks, "1." as ".1".)
    if spelled != wanted and sorted(spelled) != sorted(wanted):
        return None  # (asked first: the body's glyphs need not be gathered then)
    label_glyphs = [g for g in glyphs[:end] if not g.char.isspace()]
    rest = glyphs[end:]
    body_box = ink_box(rest)
    if body_box is None or any(g.obj < 0 for g in label_glyphs):
        return None
    label_objects = {g.obj for g in label_glyphs}
    # (An item may be a long paragraph: its glyphs are walked at C speed where that is enough.)
    body_objects = {o for o in set(map(_obj_of, rest)) if o >= 0} | set(objects)
    return (
        _prov(page, _box_of(label_glyphs), label_objects, opmap, mcids),
        _prov(page, body_box, body_objects, opmap, mcids),
    )


Box = tuple[float, float, float, float]


def ink_box(glyphs: list[Glyph]) -> Box | None:
    """The box of ``glyphs`` but the blank and those pdfium generated (the ink an item's body
    draws), None when none is left."""
    if _accelerator is not None:
        # The same box in C (a test holds the two equal): an item may be a long paragraph.
        found = _accelerator.ink_box(glyphs)
        if found is not NotImplemented:
            box: Box | None = found
            return box
    inked = [g for g in glyphs if not g.char.isspace() and not g.generated]
    return _box_of(inked) if inked else None


def _box_of(glyphs: list[Glyph]) -> Box:
    return (
        min(map(_x0_of, glyphs)), min(map(_y0_of, glyphs)),
        max(map(_x1_of, glyphs)), max(map(_y1_of, glyphs)),
    )


def _prov(page: int, box: Box, objects: set[int], opmap: OperatorMap, mcids: Sequence[int]) -> Prov:
    x0, y0, x1, y1 = box
    count = len(mcids)
    marks = {mcids[o] for o in objects if 0 <= o < count} - {-1}
    return Prov(
        page, BBox(round_to(x0, 2), round_to(y0, 2), round_to(x1, 2), round_to(y1, 2)),
        tuple(sorted(marks)), opmap.ranges(objects),
    )
