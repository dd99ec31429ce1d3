"""Text drawn where no one can see it: in no ink, or in the colour of what lies under it.

A layout program's template leaves words painted white on the white page ("SPACER TEXT"
holding a frame open, a keyword list for search engines); a writer hides text with render
mode 3 (invisible) or a fill of alpha 0. No sighted reader sees them; read as drawn, a
screen-reader user hears them. They are taken out of the text before lines are made and
recorded with the glyphs off the page (:mod:`.off_page`) as an artifact, so the tagged
output marks them as one (PDF/UA-1 7.1) and the page draws as before.

Which text objects show nothing is asked of pdfium (:meth:`.glyphs.OpenedPage.unseen_text`):
cheaply for every text object (its render mode and colours, in C), and what lies under it
only for the few that paint no ink or only white. Invisible text over an image or drawn
shapes is kept: it is an OCR layer over a scan, or the words of text turned to outlines,
the only text the page has of what shows there. White text is kept on anything but bare page
or a white fill (a heading on a coloured band, a caption on a photograph).

Only top-level text objects are asked: the tagger can cut their operators between an
artifact and a block, and what a Form XObject draws is marked whole with its ``Do``.
"""

from __future__ import annotations

from collections.abc import Set

from .glyphs import Glyph, PageContent


def take_unseen(content: PageContent, objects: Set[int]) -> list[Glyph]:
    """Take out of ``content.glyphs`` those drawn by the top-level text objects ``objects``
    (which show nothing) and return them, in drawing order; the rest stay as they were. A
    space pdfium generated goes with them when the glyphs on both sides of it go (or the
    page's first or last glyph is on its other side): it parts two hidden words."""
    if not objects:
        return []
    glyphs = content.glyphs
    taken = [g.obj in objects for g in glyphs]
    if not any(taken):
        return []
    last = len(glyphs) - 1
    for k, g in enumerate(glyphs):
        if g.obj < 0 and (k == 0 or taken[k - 1]) and (k == last or glyphs[k + 1].obj in objects):
            taken[k] = True
    content.glyphs = [g for g, t in zip(glyphs, taken, strict=True) if not t]
    return [g for g, t in zip(glyphs, taken, strict=True) if t]
