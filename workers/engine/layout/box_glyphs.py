"""Boxes to tick printed as characters ("Branch  ☐ Army  ☐ Navy"): a ballot box set after a
word space in the middle of a line opens an option of its own, as a drawn box does (see
:mod:`.tick_boxes`). pdfium reads such a line as one run where its gaps are word spaces; the
run is cut just before each such box (with :func:`.walls.split_at_walls`), and a piece that
opens with one opens an option (see :mod:`.option_rows`)."""

from __future__ import annotations

import operator
import re
from collections.abc import Sequence

from .blocks import same_line
from .lines import SPACE_GAP, Fragment

#: Ballot boxes and the squares forms print as boxes to tick. Not the ticks and crosses
#: (a mark inside a label: "(4) ✓ if qualifies"), nor the filled squares and circles that
#: also serve as bullets and end marks.
BOX_GLYPHS = frozenset("☐☑☒❏❐❑❒□▢")
#: Any of :data:`BOX_GLYPHS`.
_ANY_BOX = re.compile("[" + "".join(sorted(BOX_GLYPHS)) + "]")
_text_of = operator.attrgetter("text")
#: Ticks and crosses a form may print in place of the chosen option's box ("√ Yes □ No").
TICK_MARKS = frozenset("√✓✔✗✘")


def opens_with_box(f: Fragment) -> bool:
    """Whether ``f`` opens with a box to tick followed by the option's words."""
    text = f.text
    return text[:1] in BOX_GLYPHS and any(c.isalnum() for c in text[1:])


def box_glyph_walls(frags: Sequence[Fragment]) -> list[tuple[float, float, float]]:
    """(x, y0, y1) walls standing just before each box glyph that follows a word space
    within a piece and leads words of its own ("☐ Army"), each as high as its piece: to
    cut the piece there (``frags`` line by line). A box closing a piece ("Age ☐", a box to
    fill in after its label) leads no option. A line opening with a box is left whole: its
    options may come before their question ("☐ Yes ☐ No Charges filed?"), which a cut would
    leave opening the last option's entry (in one run, where the options end is not seen).
    So is a piece holding a tick among its boxes ("Items √ Applicable □ Not applicable"):
    the tick stands for the chosen option's box, and a cut at the boxes alone would part
    the options unlike each other."""
    if _ANY_BOX.search("\n".join(map(_text_of, frags))) is None:
        return []  # (nearly every page: no box glyph at all, found by one search)
    walls = []
    for at, f in enumerate(frags):
        text = f.text
        if len(text) < 3 or BOX_GLYPHS.isdisjoint(text):
            continue  # (most pieces: no box in them)
        first = at
        while first > 0 and same_line(frags[first - 1], f):
            first -= 1
        opening = frags[first].text.lstrip()[:1]
        if opening in BOX_GLYPHS or opening in TICK_MARKS or not TICK_MARKS.isdisjoint(text):
            continue
        glyphs = f.glyphs
        for k in range(1, len(glyphs)):
            g = glyphs[k]
            if (
                g.char in BOX_GLYPHS
                and (glyphs[k - 1].char.isspace() or g.x0 - glyphs[k - 1].x1 > SPACE_GAP * g.size)
                and any(c.char.isalnum() for c in glyphs[k + 1:])
                and any(c.char.isalnum() for c in glyphs[:k])
            ):
                walls.append((g.x0, f.y0, f.y1))
    walls.sort()
    return walls


def opens_options_row(frags: Sequence[Fragment]) -> bool:
    """Whether the line ``frags`` open (a block's pieces, its first line first) is a row of
    options, its first the box it opens with: a box to tick, or a tick standing for a chosen
    option's box, then another box or tick as a word of its own later on that line ("□ Yes
    √ No"). A form prints such a row where its answers are picked; a list's bullet opens its
    item and does not come back between the item's words, so the opening mark is the first
    option's box (content a reader must hear, ticked or not), not a bullet."""
    if not frags:
        return False
    first = frags[0]
    words = first.text.split()
    marks = BOX_GLYPHS | TICK_MARKS
    if not words or words[0] not in marks:
        return False
    words.extend(w for f in frags[1:] if same_line(f, first) for w in f.text.split())
    return any(w in marks for w in words[1:])
