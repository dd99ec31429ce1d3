"""Text a clip path hides: whole words drawn wholly outside the clip in force where they are
drawn.

A chart exported from a layout program keeps an axis label its frame clips away; a text box
cut short keeps its overflow behind the box's clip. No sighted reader sees such words; read
as drawn, a screen-reader user hears them. They are taken out of the text before lines are
made and recorded with the glyphs off the page (:mod:`.off_page`) as an artifact, so the
tagged output marks them as one (PDF/UA-1 7.1) and the page draws as before.

The clip asked is the one pdfium keeps for each top-level page object, in page user space
(see :meth:`.glyphs.OpenedPage.clip_boxes`); for a Form XObject, the clip in force where it
is painted, which holds all the form draws (the clips inside the form are not asked: text
they alone hide stays). pdfium forgets a clip that is one rectangle holding the object's
whole box (nothing of it hidden); otherwise its clip is the content stream's: over the
corpus, each text object's clip box computed from the stream (path points under ``W`` or
``W*``, with the CTM, through ``q``/``Q``) was pdfium's, or hid none of its glyphs, or had
no area.

Each path of the clip is bounded by the box of its points (a curve's control points hold the
curve; an even-odd path lies inside its points too), and the clip by the intersection of
those boxes: what shows lies inside, so a word wholly outside it shows nowhere. A clip that
cannot be read, or a path of no area (renderers differ on it), leaves the object's text as
it is; a clip made by text (render modes 4-7) is not asked: it only hides more.

Only text objects drawn wholly out of sight are taken out: every glyph outside the clip by
more than :data:`CLIP_TOLERANCE` (a glyph's ink may run past its box), and whole words only.
An object that shows some of its text keeps all of it: a spreadsheet cell's text cut at the
cell's edge, its last words hidden under the next cell, is the author's text (the export's
own tags read it whole), and a word the clip cuts shows in part. A word here is a run of
glyphs between spaces in pdfium's order, which may join two words drawn apart (then both
must be hidden) but never splits one. Text a Form XObject draws is taken out only when all
it draws is hidden: the tagged output marks the form's ``Do`` whole, with the text it shows,
and reads it back so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import ModuleType

from .glyphs import Glyph, PageContent

_accelerator: ModuleType | None
try:
    # hidden_glyphs below, in C (lines.py's glyph loops' module), built where a C compiler
    # exists.
    from . import _fragments as _accelerator
except ImportError:  # pragma: no cover - depends on the installation
    _accelerator = None

#: Points (at least) a glyph's box must lie outside a clip for the glyph to count as hidden:
#: pdfium's loose box is the font's ascent and advance, which an accent, a swash or an italic
#: overhang may pass. See :data:`CLIP_TOLERANCE_SHARE`.
CLIP_TOLERANCE = 1.0
#: ... or this share of the glyph's size, when more.
CLIP_TOLERANCE_SHARE = 0.1

Box = tuple[float, float, float, float]


def take_clipped(content: PageContent, clips: Mapping[int, Box | None]) -> list[Glyph]:
    """Take out of ``content.glyphs`` (user space, as read) the words hidden by their top-level
    objects' clips (``clips[obj]``, page user space; missing or None: not clipped, or not
    known) and return their glyphs, in drawing order; the rest stay as they were. The spaces
    between two words taken out (or a word taken out and the page's first or last glyph) go
    with them; a space beside a word that stays goes only if its own object's clip hides it."""
    if not clips:
        return []  # (most pages: pdfium keeps no clip that holds all of an object)
    glyphs = content.glyphs
    found = hidden_glyphs(glyphs, clips)
    if found is None:
        return []
    hidden = found
    # An object that shows some of its text keeps all of it: a spreadsheet cell's text run
    # on under the next cell is its author's (read whole, as the export's own tags read it),
    # and an object the tagger cannot cut (a form's Do) is marked with the text it shows (see
    # off_page_objects). Only what an object draws wholly out of sight is taken out.
    showing = {g.obj for g, h in zip(glyphs, hidden, strict=True)
               if not h and not g.char.isspace() and g.obj in clips}
    if showing:
        hidden = [h and g.obj not in showing for g, h in zip(glyphs, hidden, strict=True)]
    gone = [False] * len(glyphs)
    # Words: runs of glyphs that are not spaces, each taken out whole or not at all.
    words: list[tuple[int, int]] = []
    start = -1
    for k, g in enumerate(glyphs):
        if g.char.isspace():
            if start >= 0:
                words.append((start, k))
                start = -1
        elif start < 0:
            start = k
    if start >= 0:
        words.append((start, len(glyphs)))
    for a, b in words:
        if all(hidden[a:b]):
            gone[a:b] = [True] * (b - a)
    if not any(gone):
        return []
    # The spaces between words: with both neighbours gone (or the page's end), all of them;
    # beside a word that stays, those the clip hides (never pdfium's generated ones).
    for (a, b), after in zip([(-1, 0), *words], [*words, (len(glyphs), len(glyphs))],
                             strict=True):
        before_gone = a < 0 or gone[a]
        after_gone = after[0] >= len(glyphs) or gone[after[0]]
        if a < 0 and after[0] >= len(glyphs):
            continue
        for k in range(b, after[0]):
            gone[k] = (before_gone and after_gone) or hidden[k]
    content.glyphs = [g for g, out in zip(glyphs, gone, strict=True) if not out]
    return [g for g, out in zip(glyphs, gone, strict=True) if out]


def hidden_glyphs(glyphs: list[Glyph], clips: Mapping[int, Box | None]) -> list[bool] | None:
    """Which of ``glyphs`` their objects' clips hide (by more than their tolerance); None when
    none hidden is other than a space (nothing is taken out then). Asked of every glyph of a
    page with a clipped object: in C where built (``_fragments.clip_hidden``, the same lookups
    and comparisons in the same order; a test holds the two equal), else in Python."""
    if _accelerator is not None:
        answer = _accelerator.clip_hidden(glyphs, clips, CLIP_TOLERANCE, CLIP_TOLERANCE_SHARE)
        if answer is not NotImplemented:
            hidden: list[bool] | None = answer
            return hidden
    return _python_hidden_glyphs(glyphs, clips)


def _python_hidden_glyphs(
    glyphs: Sequence[Glyph], clips: Mapping[int, Box | None]
) -> list[bool] | None:
    """:func:`hidden_glyphs` in Python (keep it in step with ``_fragments.c``'s)."""
    hidden = [False] * len(glyphs)
    found = False
    get = clips.get
    for k, g in enumerate(glyphs):
        clip = get(g.obj)
        if clip is None:
            continue
        # (_hidden spelled out: asked of every glyph of a clipped object.)
        t = CLIP_TOLERANCE_SHARE * g.size
        if not t > CLIP_TOLERANCE:
            t = CLIP_TOLERANCE
        if g.x1 < clip[0] - t or g.x0 > clip[2] + t or g.y1 < clip[1] - t or g.y0 > clip[3] + t:
            hidden[k] = True
            found = found or not g.char.isspace()
    return hidden if found else None
