"""Line ends pdfium makes up between the letters of text set a glyph to a page object.

Chromium places each letter of some lines with a positioning of its own (far down a long
page, where the coordinates are large), and pdfium then ends a "line" after every letter: two
spaces of its own (drawn by no object) between letters that touch. Read as spaces they spell
every word out ("M y (b u g g y) p r o g r a m"), in the layout reader's text and in the
structure reader's alike. ``lines.fragments`` already reads a run of
:data:`lines.GLYPH_LINE_ENDS` such letters as one word, but a word of fewer letters ("My",
"if", "the") is too short to tell from two one-letter words there, and a fragment holding no
run of spaced letters is never looked at. The page as a whole tells: where many runs of
letters are parted only by such line ends, the page is set a glyph to an object, and every
such line end between two glyphs that touch on one baseline is no space. They are taken out
of the page's glyphs when it is read, so every reader of the page sees the words whole.

A line end between touching glyphs on a page set the usual way is kept: pdfium reports one
where a text object ends and the next begins on the same line, and where the two are set
tight that is a word space ("de joindre", a contents entry against its leader dots).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .glyphs import Glyph

#: A run of this many glyphs at least, each touching the next with only pdfium's line ends
#: between, is one word set a glyph to an object (as ``lines.GLYPH_LINE_ENDS``).
RUN_GLYPHS = 4
#: This many such runs on a page show the page is set a glyph to an object: no page set the
#: usual way in the corpus or the held-out set has even one.
GLYPH_SET_RUNS = 3
#: pdfium's text of such a page is one line end (``\r\n``) to every glyph or so, a third of
#: its characters; a page set the usual way has one to a line, under a tenth. Pages with
#: fewer than this share are not looked at (a quick count, before any glyph is).
LINE_END_SHARE = 0.125
#: Glyphs touch when the gap between them is under this many font sizes (as
#: ``lines.SPACE_GAP``: a narrower gap is no word space)...
TOUCHING_GAP = 0.15
#: ...and they stand on one baseline, to this many font sizes (a raised mark is apart).
SAME_BASELINE = 0.1


def looks_glyph_set(text: str) -> bool:
    """Whether pdfium's text of a page has line ends enough for a page set a glyph to an
    object (the cheap test before the glyphs are looked at)."""
    return len(text) > 0 and text.count("\r\n") >= LINE_END_SHARE * len(text)


def without_glyph_line_ends(glyphs: list[Glyph]) -> list[Glyph]:
    """``glyphs`` without the line ends pdfium put between touching glyphs, when the page is
    set a glyph to an object (:data:`GLYPH_SET_RUNS` runs of :data:`RUN_GLYPHS` at least);
    the same list when it is not."""
    # (start, end) of the line ends between each pair of touching glyphs, and the runs' sizes.
    between: list[tuple[int, int]] = []
    runs = 0
    run = 1
    last: Glyph | None = None
    ends_from = -1  # where the line ends since ``last`` start; -1: something else came
    for k, g in enumerate(glyphs):
        if g.char.isspace():
            if g.obj >= 0 or g.generated:
                ends_from = -1  # a space drawn, or one pdfium saw in a gap: a word space
            continue
        if last is not None and 0 <= ends_from < k and _touching(last, g):
            between.append((ends_from, k))
            run += 1
        else:
            runs += run >= RUN_GLYPHS
            run = 1
        last, ends_from = g, k + 1
    runs += run >= RUN_GLYPHS
    if runs < GLYPH_SET_RUNS:
        return glyphs
    dropped = {k for start, end in between for k in range(start, end)}
    return [g for k, g in enumerate(glyphs) if k not in dropped]


def _touching(a: Glyph, b: Glyph) -> bool:
    """Whether ``b`` follows ``a`` on its line with no word space's gap between them."""
    if a.rotated or b.rotated:
        return False  # (pdfium's boxes of turned text stay upright: gaps say nothing)
    size = max(a.size, b.size, 1.0)
    return (
        abs(b.x0 - a.x1) <= TOUCHING_GAP * size
        and b.x0 > a.x0
        and abs(b.y0 - a.y0) <= SAME_BASELINE * size
    )
