"""Bullets set as the letter "o": a word processor's second-level bullet (Word's and
LibreOffice's default, an "o" in a typewriter or symbol face), set alone at the head of a
line, its item's text at the next tab stop in the text's own face. Read as the letter, the
line is a paragraph opening with a word "o"; it is the white bullet "◦" it stands for.

Only a lone "o" of its own piece, in another face than the text right after it on its line,
with nothing set before it on the line, and at least :data:`MIN_BULLETS` such on the page (a
lone "o" in the text's own face, the Spanish or Portuguese word, is no bullet). A page may
hold fewer where a list goes on over a page break (its one point left at the foot of the
page, the rest on the next): such an "o" is a bullet too when it is set in a face that
letter bullets were found in on a page read before (:class:`LetterBulletFaces`).

Tagged, such a label would read "o" where the model says "◦": the tagger looks for labels
whose glyph stands in for the sign read among the labels reading :data:`BULLET` alone
(:data:`..tagged_pdf.stand_in_labels.LAYOUT_STAND_INS`).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import replace

from .lines import Fragment

#: The character a letter bullet is read as.
BULLET = "\u25e6"
#: The item's text starts within this many line heights right of the "o"...
GAP = 4.0
#: ...level with it: their middles apart by at most this share of the line's height.
LEVEL = 0.3
#: Letter bullets a page must hold for its lines to be read as a list's.
MIN_BULLETS = 2


class LetterBulletFaces:
    """The fonts letter bullets were found in on the pages of a document read so far (a
    page with :data:`MIN_BULLETS` of them at least), which tell a page's lone "o" in one of
    them for a bullet too."""

    def __init__(self) -> None:
        self.fonts: set[str] = set()


def letter_bullets(
    frags: list[Fragment], seen: LetterBulletFaces | None = None
) -> list[Fragment]:
    """``frags`` with each "o" set as a bullet (see the module) read as "◦"; ``frags``
    itself when the page has too few of them (and none in a face of ``seen``, the faces
    earlier pages' letter bullets are set in, which this page's add to)."""
    lone = [f for f in frags if f.text.strip() == "o" and f.glyphs]
    known = seen.fonts if seen is not None else set()
    if len(lone) < MIN_BULLETS and not known:
        return frags
    near = _LevelIndex(frags)
    leading = [f for f in lone if _leads_item(f, near.level_with(f))]
    if len(leading) >= MIN_BULLETS:
        known.update(_font(f) for f in leading)
    else:
        leading = [f for f in leading if _font(f) in known]
    if not leading:
        return frags
    bullets = {id(f) for f in leading}
    return [_as_bullet(f) if id(f) in bullets else f for f in frags]


def _font(o: Fragment) -> str:
    return next(g.font for g in o.glyphs if not g.char.isspace())


class _LevelIndex:
    """The page's fragments by the middle of their boxes, to find those that may stand level
    with a fragment (:func:`_leads_item`'s test) without scanning the page for each "o": on
    a page of thousands of scattered one-letter runs that scan took minutes."""

    def __init__(self, frags: list[Fragment]) -> None:
        self.frags = frags
        middles = [(f.y0 + f.y1) / 2 for f in frags]
        # (Boxes that are no plain numbers, NaN among them, are not sorted: every fragment
        # is looked at, as before.)
        self.sortable = all(math.isfinite(m) for m in middles)
        self.order = sorted(range(len(frags)), key=middles.__getitem__) if self.sortable else []
        self.middles = [middles[k] for k in self.order]
        self.tallest = max((f.y1 - f.y0 for f in frags), default=0.0)

    def level_with(self, o: Fragment) -> list[Fragment]:
        """The fragments whose middles are near enough ``o``'s to pass the level test (a
        superset of those that do), in the page's order (ties read as before)."""
        # (A hair wider than the test reaches: rounding never leaves one out.)
        reach = LEVEL * max(o.y1 - o.y0, self.tallest) * (1 + 1e-9) + 1e-9
        middle = (o.y0 + o.y1) / 2
        if not self.sortable or not math.isfinite(reach + middle):
            return self.frags
        lo = bisect.bisect_left(self.middles, middle - reach)
        hi = bisect.bisect_right(self.middles, middle + reach)
        return [self.frags[k] for k in sorted(self.order[lo:hi])]


def _leads_item(o: Fragment, frags: list[Fragment]) -> bool:
    height = o.y1 - o.y0
    if height <= 0:
        return False
    middle = (o.y0 + o.y1) / 2
    face = _font(o)
    after = None
    for f in frags:
        if f is o or abs((f.y0 + f.y1) / 2 - middle) > LEVEL * max(height, f.y1 - f.y0):
            continue
        if f.x1 <= o.x0 + 0.01 and o.x0 - f.x1 < GAP * height:
            return False  # (something set before it on its line: a word in the text)
        if o.x1 <= f.x0 < o.x1 + GAP * height and (after is None or f.x0 < after.x0):
            after = f
    if after is None or not after.glyphs:
        return False
    first = next((g for g in after.glyphs if not g.char.isspace()), None)
    return first is not None and first.font != face


def _as_bullet(o: Fragment) -> Fragment:
    glyphs = [replace(g, char=BULLET) if g.char == "o" else g for g in o.glyphs]
    return replace(o, glyphs=glyphs, text=o.text.replace("o", BULLET))
