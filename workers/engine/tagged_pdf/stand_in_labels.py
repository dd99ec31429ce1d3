"""List labels whose glyph stands in for another sign: a word processor's second-level
bullet, the letter "o" set in a typewriter face, which the layout reader reads as the white
bullet "◦" it stands for (:mod:`..layout.letter_bullets`).

Tagged ``Lbl``, such a label's marked content reads "o" where the model says "◦": the output
would not say what the model says, and no /ActualText may say other characters than the
drawing (the text-fidelity check holds it to that). So the label is written as a bullet
drawn as a shape is (:mod:`..layout.drawn_bullets`): its drawing an artifact (``/Layout``),
its item without a ``Lbl``; the list says which bullet its items have by its
``/ListNumbering`` (ISO 32000-1 14.8.5.3), where the sign has a name there.

Only a label the model reads as one sign (no letter or digit: a number is content, said as
drawn) whose box holds one glyph, a letter, is one; and only where no other element claims
its drawing (an artifact's claim gives way to content: that element would read the letter).
The glyphs are read from the source page (kept loaded for the tagger's other steps), only
on pages holding a label of one sign that may be one: in a model the layout reader made,
a label reading :data:`LAYOUT_STAND_INS` (the reader reads a letter as a sign nowhere else,
so its other labels draw what they read, and their pages are not loaded for this)."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from collections.abc import Set as AbstractSet

from ..document import Prov
from ..layout.glyphs import Glyph
from ..layout.letter_bullets import BULLET
from .checks import normal_counts
from .plan import Node
from .source_pages import SourcePages

#: The ``/ListNumbering`` naming each bullet sign (ISO 32000-1 table 347).
NUMBERING = {"\u25e6": "Circle", "\u2022": "Disc", "\u25aa": "Square", "\u25a0": "Square"}
#: A glyph is a label's when it lies in the label's box, give or take this many points.
SLACK = 0.5
#: The signs the layout reader reads in place of a letter drawn: the letter bullet
#: (:mod:`..layout.letter_bullets`). A reading of another letter as a sign there must be
#: added here, or its labels would be tagged reading the letter.
LAYOUT_STAND_INS = frozenset({BULLET})


def stand_in_labels(
    root: Node,
    pages: SourcePages,
    reread: AbstractSet[str] = frozenset(),
    may_stand_for: AbstractSet[str] | None = None,
) -> list[Node]:
    """The ``Lbl`` leaves of ``root`` whose glyph is a letter standing in for the sign the
    model reads. They are taken out of the tree (their items keep their bodies), and a list
    all of whose labels were taken out says its bullet by ``/ListNumbering``. ``reread``:
    the fonts the tagger gave a /ToUnicode of their own (TeX's math symbols by their glyph
    names: "I" of msam read "▶"): their glyphs read otherwise in the output, and are not
    judged here. ``may_stand_for``: the only signs a label may stand in for, where the model's
    reader tells (:data:`LAYOUT_STAND_INS`); None: any."""
    found: list[Node] = []
    glyphs = _PageGlyphs(pages, reread)
    claimed: _Claims | None = None
    for lst in (n for n in root.walk() if n.role == "L"):
        signs: set[str] = set()
        for item in (c for c in lst.children if c.role == "LI"):
            label = next((c for c in item.children if c.role == "Lbl"), None)
            if label is None or not _stands_in(label, glyphs, may_stand_for):
                continue
            claimed = claimed or _Claims(root)
            if claimed.by_others(label):
                continue
            found.append(label)
            signs.add(label.text.strip())
            item.children.remove(label)
        if len(signs) == 1 and lst.numbering is None and not any(
            c.role == "Lbl" for item in lst.children for c in item.children
        ):
            lst.numbering = NUMBERING.get(signs.pop())
    return found


class _PageGlyphs:
    """The source pages' drawn glyphs (none pdfium made up), each page read once, by the
    height of their middles (a label's are found by bisection, not by a pass per label)."""

    def __init__(self, pages: SourcePages, reread: AbstractSet[str]) -> None:
        self.pages = pages
        self.reread = reread
        self.read: dict[int, tuple[list[float], list[Glyph]]] = {}

    def on(self, page: int) -> tuple[list[float], list[Glyph]]:
        if page not in self.read:
            glyphs = [g for g in self.pages.content(page).glyphs if not g.generated]
            # Each middle worked out once (a page has thousands of glyphs), the glyphs put in
            # their order (stable: ties keep the page's order, as sorting by the key does).
            middles = [(g.y0 + g.y1) / 2 for g in glyphs]
            order = sorted(range(len(glyphs)), key=middles.__getitem__)
            self.read[page] = ([middles[k] for k in order], [glyphs[k] for k in order])
        return self.read[page]


class _Claims:
    """The operator ranges each leaf claims, by page (built once, when a label may be one)."""

    def __init__(self, root: Node) -> None:
        self.by_page: dict[int, list[tuple[int, tuple[int, int]]]] = {}
        for leaf in root.walk():
            if leaf.is_leaf:
                for prov in leaf.prov:
                    self.by_page.setdefault(prov.page, []).extend(
                        (leaf.leaf_id, span) for span in prov.operators)

    def by_others(self, label: Node) -> bool:
        """Whether another leaf claims an operator of ``label``'s."""
        return any(
            who != label.leaf_id and first < end and start < last
            for prov in label.prov for start, end in prov.operators
            for who, (first, last) in self.by_page.get(prov.page, ())
        )


def _stands_in(
    label: Node, glyphs: _PageGlyphs, may_stand_for: AbstractSet[str] | None
) -> bool:
    sign = label.text.strip()
    if len(sign) != 1 or sign.isalnum() or not label.prov or (
            may_stand_for is not None and sign not in may_stand_for):
        return False
    drawn = [g for prov in label.prov for g in _glyphs_in(prov, glyphs) if not g.char.isspace()]
    # One letter where the model reads a sign (compared as the text-fidelity check compares
    # an element's text with the model's: a symbol font's private-use bullet reads as the
    # "•" it draws). Several glyphs in the box, or none: not told here; left as it is.
    return (len(drawn) == 1 and drawn[0].char.isalpha()
            and drawn[0].font not in glyphs.reread
            and normal_counts(drawn[0].char) != normal_counts(sign))


def _glyphs_in(prov: Prov, glyphs: _PageGlyphs) -> Iterator[Glyph]:
    box = prov.bbox
    middles, drawn = glyphs.on(prov.page)
    low = bisect.bisect_left(middles, box.y0 - SLACK)
    high = bisect.bisect_right(middles, box.y1 + SLACK)
    for g in drawn[low:high]:
        if box.x0 - SLACK <= (g.x0 + g.x1) / 2 <= box.x1 + SLACK:
            yield g
