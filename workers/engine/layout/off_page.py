"""Text drawn where no one can see it: wholly outside the visible page.

A layout program's spread exported page by page draws the whole spread on each page and crops
each to its half: a table across two facing pages is drawn in full on both, its other half
lying beside the page, outside the crop box. A sighted reader sees each half once; read as
drawn, a screen-reader user would hear the table twice. Such glyphs are taken out of the text
before lines are made, and recorded as an artifact, so the tagged output marks them as one
(PDF/UA-1 7.1) and the page draws as before.

The visible area is taken generously: glyphs are taken out only when they lie outside both
the crop box the reader measures the page by (its size is the model's page size) and the box
pdfium draws the page in (crop box cut to media box, read with the page's inherited
entries). The two differed where a page inherits its /MediaBox from its page tree
node, which pdfium's box accessors do not read (pypdfium2 then falls back to US Letter; the
reader now measures such a page by :func:`..page_boxes.crop_box`), and they differ where a
crop box reaches past the media box (what lies between is not drawn, but the reader's
margins are measured on the crop box, and a printer's slug there is read as running text).
Only glyphs wholly outside, by more than :data:`OFF_PAGE_TOLERANCE`, are taken out: a glyph
cut by the page's edge still shows in part. A word goes out whole when most of its glyphs do
(a slide's text overflowing its foot shows the tops of its tall letters at most).

Clip paths are not asked here: words a clip hides wholly are taken out by :mod:`.clipped`,
after these, and recorded in the same artifact.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType

from .glyphs import Glyph, PageContent

_accelerator: ModuleType | None
try:
    # all_inside below, in C (lines.py's glyph loops' module), built where a C compiler exists.
    from . import _fragments as _accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _accelerator = None

#: Points a glyph's box may lie outside the visible page and still count as on it (pdfium's
#: boxes and the page's edges are rounded apart).
OFF_PAGE_TOLERANCE = 1.0

Box = tuple[float, float, float, float]


def visible_area(content: PageContent, drawn: Sequence[float]) -> Box:
    """Where the page ``content`` was read from may show text: its crop box as read, and
    ``drawn`` (left, bottom, right, top: the box pdfium draws the page in), together."""
    return (min(content.x0, drawn[0]), min(content.y0, drawn[1]),
            max(content.x0 + content.width, drawn[2]), max(content.y0 + content.height, drawn[3]))


def take_off_page(content: PageContent, visible: Box) -> list[Glyph]:
    """Take out of ``content.glyphs`` (user space, as read) those drawn wholly outside
    ``visible`` and return them, in drawing order; the rest stay as they were. Nothing is
    taken when only spaces lie outside."""
    left, bottom, right, top = (visible[0] - OFF_PAGE_TOLERANCE, visible[1] - OFF_PAGE_TOLERANCE,
                                visible[2] + OFF_PAGE_TOLERANCE, visible[3] + OFF_PAGE_TOLERANCE)
    glyphs = content.glyphs
    # (A pass that only compares: nearly every page has every glyph on it.)
    if all_inside(glyphs, left, bottom, right, top):
        return []
    inside = [g.x0 <= right and g.x1 >= left and g.y0 <= top and g.y1 >= bottom
              for g in glyphs]
    _words_mostly_off(glyphs, inside)
    kept = [g for g, shows in zip(glyphs, inside, strict=True) if shows]
    off = [g for g, shows in zip(glyphs, inside, strict=True) if not shows]
    if all(g.char.isspace() for g in off):
        # (Only spaces past the edge, a word break pdfium set after a line running up to
        # it: nothing is drawn there to hide, and nothing to mark.)
        return []
    content.glyphs = kept
    return off


def _words_mostly_off(glyphs: Sequence[Glyph], inside: list[bool]) -> None:
    """Marks outside (in ``inside``) the glyphs of each word drawn mostly outside: a word
    running off the page's foot shows at most the tops of its tall letters ("d" of
    "evidence", on a slide whose text overflows), which no one reads as the letter; kept, it
    would be read as a word of one letter, and its operator cut inside a word between the
    text and the artifact. (A word: the glyphs one object draws between spaces, in drawing
    order.)"""
    start = 0
    count = len(glyphs)
    while start < count:
        end = start
        owner = glyphs[start].obj
        while end < count and not glyphs[end].char.isspace() and glyphs[end].obj == owner:
            end += 1
        if end == start:
            start += 1
            continue
        shown = sum(inside[start:end])
        if shown > 0 and 2 * shown < end - start:
            inside[start:end] = [False] * (end - start)
        start = end


def all_inside(glyphs: list[Glyph], left: float, bottom: float, right: float, top: float) -> bool:
    """Whether every one of ``glyphs`` reaches into the bounds (edges included). Every glyph of
    a document is asked: the C loop (``_fragments.all_inside``, the same comparisons in the
    same order; a test holds the two equal) answers where every value is a plain float."""
    if _accelerator is not None and isinstance(glyphs, list):
        found = _accelerator.all_inside(glyphs, left, bottom, right, top)
        if found is not NotImplemented:
            answer: bool = found
            return answer
    return _python_all_inside(glyphs, left, bottom, right, top)


def _python_all_inside(
    glyphs: Sequence[Glyph], left: float, bottom: float, right: float, top: float
) -> bool:
    """:func:`all_inside` in Python (keep it in step with ``_fragments.c``'s)."""
    return all(g.x0 <= right and g.x1 >= left and g.y0 <= top and g.y1 >= bottom for g in glyphs)


def off_page_objects(
    off: Sequence[Glyph], kept: Sequence[Glyph], kinds: Sequence[str]
) -> list[int]:
    """The page objects that drew the glyphs ``off`` the page (generated spaces have none).
    A text object drawing glyphs that show too (``kept``) is among them: claimed by the
    artifact and by the block its other glyphs are read in, its operators are cut between
    the two by the glyphs' boxes (see :mod:`..tagged_pdf.split_text`). Any other object
    drawing both (a Form XObject, whose ``Do`` cannot be cut) is left to the block alone."""
    shown = {g.obj for g in kept}
    return sorted({
        g.obj for g in off
        if g.obj >= 0 and (g.obj not in shown or (g.obj < len(kinds) and kinds[g.obj] == "text"))
    })


def off_page_text(off: Sequence[Glyph]) -> str:
    """The words of the glyphs ``off`` the page, as drawn, spaces collapsed."""
    return " ".join("".join(g.char for g in off).split())
