"""Underscores drawn as rules, read as "_" (before fragments are built).

TeX's ``\\_`` outside the typewriter face (LaTeX's and texinfo's ``\\_`` in a heading, in
italic or roman text) is no glyph: it is a short rule painted on the baseline, in the gap
between the letters it joins. pdfium's text has a space there, or nothing, so
"asn1_parser2tree" reads "asn1 parser2tree" and a name a programmer must type is read wrong.

A rule is such an underscore when a typographer would see one: thin (a stroke of the text's
weight), a fraction of an em to about one em long, lying on the baseline of the letters
beside it (its top well under their middle: a hyphen or a dash drawn as a rule stands
higher) and in the gap between two letters or figures of one line and one size, touching
both, with no other rule against it. A fill-in blank is many ems long; an underline, a
link's rule under a raised reference and a fraction's bar have glyphs over or under them; an
underline drawn in pieces, hatching and ornaments are rules against rules; a table's rule
crosses text or stands clear of it. Only joins are read: an underscore opening or ending a
name ("_len") touches a letter on one side only, as many a short rule beside a word does.

The space pdfium generated in the gap becomes the "_"; where there is none, a "_" glyph drawn
by no page object is put after the letter before it. The rule itself stays among the page's
rules, as drawn: only what the line reads changes, not how the page is laid out.

Kept cheap: only rules shorter than :data:`MAX_LENGTH` points and thinner than
:data:`MAX_THICKNESS` points are looked at, each only against the glyphs about it across
the page (found by bisection).
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Sequence
from types import ModuleType

from .glyphs import Glyph, PageContent, Rect
from .lines import Fragment
from .places import places_by_id

_accelerator: ModuleType | None
try:
    # The page's glyphs indexed by their bottoms in C (_fragments.c), where built.
    from . import _fragments as _accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _accelerator = None

#: The character such a rule is read as.
UNDERSCORE = "_"
#: A first cut of the page's rules, in points: an underscore of text up to 24 pt ...
MAX_LENGTH = 24.0
#: ... and no thicker than this.
MAX_THICKNESS = 3.0
#: Its length, against the size of the text it stands in: TeX's ``\\_`` is 0.3 em of rule
#: with a kern each side (0.4-0.6 em in all).
LENGTH = (0.2, 1.0)
#: Its thickness, at most, against that size (a stroke of the letters' weight).
THICKNESS = 0.15
#: Its top, at most this share of the letters' height over their box's bottom: on the
#: baseline, under the middle of the lowercase letters where a hyphen or a dash stands.
TOP = 0.38
#: Its bottom, at least this share of the letters' height under their box's bottom (a box
#: may be the ink's, its bottom on the baseline).
BOTTOM = 0.1
#: The letters each side of it stand on one baseline and are of one size: their boxes' bottoms
#: apart by at most this share of their height, their sizes by this share of the larger.
SAME_LINE = 0.15
#: Punctuation of names and addresses an underscore may stand by.
_NAME_PUNCTUATION = frozenset("-./")
#: A letter touches the rule when the gap between them is at most this share of the size
#: (the kern TeX sets each side of it); so does a letter it reaches over by as much.
TOUCH = 0.2


def read_drawn_underscores(content: PageContent) -> None:
    """Read each rule of ``content`` drawn as an underscore (see the module's docstring) as
    a "_" glyph in ``content.glyphs``."""
    short = [r for r in content.rules if _short_and_flat(r)]
    if not short or not content.glyphs:
        return
    glyphs = content.glyphs
    near = _GlyphsNear(glyphs)
    joins: list[tuple[Rect, Glyph]] = []
    for rule in short:
        if not near.may_join(rule):
            continue
        left = _joined_before(rule, near.around(rule))
        if left is not None and _alone(rule, left, content.rules):
            joins.append((rule, left))
    if not joins:
        return
    place = places_by_id(glyphs)
    # (From the last glyph back: a glyph put in moves none of those before it.)
    for rule, left in sorted(joins, key=lambda join: place[id(join[1])], reverse=True):
        _put_underscore(glyphs, rule, place[id(left)])


class _GlyphsNear:
    """The page's glyphs by the bottom of their box, to find those about a rule:
    the lines it may stand in, and a glyph's height over or under it."""

    def __init__(self, glyphs: Sequence[Glyph]) -> None:
        # (Built only for a page with short rules: in C where built, reading each glyph's
        # fields in place; else at C speed by attrgetter. A glyph's box is at most twice its
        # size tall.)
        found = (
            _accelerator.by_bottom(glyphs)
            if _accelerator is not None and isinstance(glyphs, list) else NotImplemented
        )
        if found is NotImplemented:
            found = _python_by_bottom(glyphs)
        self.glyphs: list[Glyph] = found[0]
        self.bottoms: list[float] = found[1]
        self.largest: float = found[2]
        self.tallest = 2 * self.largest

    def around(self, rule: Rect) -> list[Glyph]:
        """The glyphs whose box may stand over, under or beside ``rule``: their bottoms within
        a glyph's height of it, and their sides within a touch of it. (The glyphs it may
        join are at most ``1 / LENGTH[0]`` times its length in size, their boxes at most
        twice their size tall: a short rule is looked at against a line or two.)"""
        tall = min(self.tallest, 2 * (rule.x1 - rule.x0) / LENGTH[0])
        lo = bisect.bisect_left(self.bottoms, rule.y0 - tall)
        hi = bisect.bisect_right(self.bottoms, rule.y1 + 0.5 * tall)
        reach = TOUCH * self.largest
        x0, x1 = rule.x0 - reach, rule.x1 + reach
        # (Sifted in C where built: a rule looks at a line or two of glyphs across the page.)
        found = (
            _accelerator.glyphs_across(self.glyphs, lo, hi, x0, x1)
            if _accelerator is not None else NotImplemented
        )
        if found is NotImplemented:
            found = [g for g in self.glyphs[lo:hi] if g.x1 >= x0 and g.x0 <= x1]
        across: list[Glyph] = found
        return across

    def may_join(self, rule: Rect) -> bool:
        """A cheap first look: ``rule`` is short and thin enough for the page's largest text."""
        length, thickness = rule.x1 - rule.x0, rule.y1 - rule.y0
        return length <= LENGTH[1] * self.largest and thickness <= THICKNESS * self.largest


_y0_of = operator.attrgetter("y0")
_size_of = operator.attrgetter("size")


def _python_by_bottom(glyphs: Sequence[Glyph]) -> tuple[list[Glyph], list[float], float]:
    """The glyphs sorted by their bottoms (stably), those bottoms, and the largest size:
    :class:`_GlyphsNear`'s index in Python (``_fragments.by_bottom`` in C: a test holds the
    two equal)."""
    ordered = sorted(glyphs, key=_y0_of)
    return ordered, list(map(_y0_of, ordered)), max(map(_size_of, ordered))


def reads_drawn_underscore(fragment: Fragment) -> bool:
    """Whether ``fragment`` reads an underscore drawn as a rule (its text then has a "_"
    where the drawing's has a space or nothing: the tagger says it again)."""
    return "_" in fragment.text and any(
        g.char == UNDERSCORE and g.obj < 0 for g in fragment.glyphs
    )


def _short_and_flat(rule: Rect) -> bool:
    length, thickness = rule.x1 - rule.x0, rule.y1 - rule.y0
    return 0 < length <= MAX_LENGTH and 0 < thickness <= MAX_THICKNESS and thickness < length


def _level(rule: Rect, g: Glyph) -> bool:
    """``rule`` lies on the baseline of ``g``'s line, at the size of ``g``'s text."""
    height = g.y1 - g.y0
    size = g.size if g.size > 0 else height
    if height <= 0 or size <= 0 or g.rotated:
        return False
    length, thickness = rule.x1 - rule.x0, rule.y1 - rule.y0
    return (
        LENGTH[0] * size <= length <= LENGTH[1] * size
        and thickness <= THICKNESS * size
        and rule.y1 <= g.y0 + TOP * height
        and rule.y0 >= g.y0 - BOTTOM * height
    )


def _joined_before(rule: Rect, glyphs: Sequence[Glyph]) -> Glyph | None:
    """The letter ``rule`` follows as an underscore, among ``glyphs`` (those about it): it
    joins that letter to the next, touching both, on one baseline and of one size; or None
    when it is no underscore (a side touches no letter or figure, or a glyph of any size
    stands over or under it: an underline, a link's rule under a raised reference, a
    fraction's bar)."""
    left: Glyph | None = None
    right: Glyph | None = None
    for g in glyphs:
        if g.char.isspace():
            continue
        height = g.y1 - g.y0
        touch = TOUCH * (g.size if g.size > 0 else height)
        if g.x0 < rule.x1 - touch and g.x1 > rule.x0 + touch:
            if g.y0 - 0.5 * height <= rule.y1 and rule.y0 <= g.y1:
                return None  # a glyph over it (or under it): no gap between letters
            continue
        if not _level(rule, g):
            continue
        if rule.x0 - touch <= g.x1 <= rule.x0 + touch:
            if left is None or g.x1 > left.x1:
                left = g
        elif rule.x1 - touch <= g.x0 <= rule.x1 + touch and (right is None or g.x0 < right.x0):
            right = g
    if left is None or right is None:
        return None
    if not (_joins(left.char[-1:]) and _joins(right.char[:1])):
        return None
    if abs(left.y0 - right.y0) > SAME_LINE * (left.y1 - left.y0) or abs(
        left.size - right.size
    ) > SAME_LINE * max(left.size, right.size):
        return None
    return left


def _joins(ch: str) -> bool:
    """``ch`` may stand by an underscore in a name: a letter or a figure, or a name's or an
    address's punctuation ("jLR-_c", "x._y"), not a formula's symbol or a bracket."""
    return ch.isalnum() or ch in _NAME_PUNCTUATION


def _alone(rule: Rect, letter: Glyph, rules: Sequence[Rect]) -> bool:
    """No other rule touches ``rule`` along its line or stands over or under it within a line
    of ``letter``'s height: an underline drawn in pieces, a stack of bars (hatching, an
    ornament) are no underscores."""
    height = letter.y1 - letter.y0
    touch = TOUCH * letter.size
    return not any(
        other is not rule
        and other.x0 <= rule.x1 + touch and other.x1 >= rule.x0 - touch
        and other.y0 <= rule.y1 + height and other.y1 >= rule.y0 - height
        for other in rules
    )


def _put_underscore(glyphs: list[Glyph], rule: Rect, left: int) -> None:
    """Put a "_" where ``rule`` is, after the letter at ``left`` (an index into ``glyphs``):
    the space pdfium generated after it becomes it, or a new glyph goes in after the letter,
    in its line and face."""
    beside = glyphs[left]
    if left + 1 < len(glyphs):
        after = glyphs[left + 1]
        touch = TOUCH * beside.size
        generated = after.generated or after.obj < 0
        if generated and after.char.isspace() and abs(after.x0 - beside.x1) <= touch:
            after.char = UNDERSCORE
            after.x0, after.x1 = rule.x0, rule.x1
            after.y0, after.y1 = beside.y0, beside.y1
            return
    glyph = Glyph(
        UNDERSCORE, rule.x0, beside.y0, rule.x1, beside.y1, beside.size, beside.bold,
        beside.font, -1, -1, italic=beside.italic, artifact=beside.artifact, generated=True,
    )
    glyphs.insert(left + 1, glyph)
