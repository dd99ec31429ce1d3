"""Heading levels of a page a web browser printed: the HTML's own, told by the sizes the
browser's default style sheet sets each level in.

Levels are otherwise ranked by face, the largest heading of the document level 1. A page
made from HTML has levels of its own, which its face does not show relative to the others
but does show absolutely: every browser sets h1…h6, where the page's style sheet does not
say otherwise, in bold at 2, 1.5, 1.17, 1, 0.83 and 0.67 times the body's size (the CSS 2
default style sheet, which WeasyPrint and Chromium follow). A manual page whose sections
are h2, under no h1 (DocBook's reference pages), has its largest heading at 1.5 times the
body: level 2, not 1. An h1 title over h3 authors keeps the level skipped between them, as
the page's own tags have it (the renderers close levels up where their format needs it).

The sizes decide only where they cannot be a style sheet's own choice: the PDF's producer
is a browser engine; every heading set in a face of its own is bold at one of those sizes;
and either the largest of them is h1's, or there are two levels at least, one step apart
each (a page styling h1 at 1.5 times the body and h2…h6 at the body's size reads as h2 over
h4: a style sheet's, left to the faces' ranks). A lone face below h1's is left to its rank
too: an h2 is the same size as a style sheet's h1 set at 1.5 times the body. Nor do sizes
decide where they set a heading no smaller than the one it is nested under (by the
bookmarks, which the browser made from the HTML's levels, or by a smaller face): a style
sheet setting h2…h6 all in the body's size (h4's default) merges levels the HTML has. The
bookmarks also tell which headings are the HTML's: where they name some, only those headings'
sizes count (a bold line of code at h3's size, read as a heading, is none of its levels),
and a bookmark names one heading: the first reading its title on its page, not a later line
repeating it there (a function's name in bold in the synopsis under its own heading). A
heading's size is its own face's: a code span in it, set in the monospace face, is left out.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Heading
from .blocks import Block
from .glyphs import Glyph
from .lines import fixed_pitch_fonts, quick_median
from .patterns import title_key

#: The default sizes of h1…h6 in a browser, in the body's size (all bold).
DEFAULT_SIZES = (2.0, 1.5, 1.17, 1.0, 0.83, 0.67)
#: How far (a share of the size) a heading's size may be from a default for it to be one.
SIZE_SLACK = 0.04

#: The producers (or creators) of PDFs printed by a browser engine from HTML.
_BROWSER = re.compile(r"WeasyPrint|Skia/PDF|HeadlessChrome|wkhtmltopdf", re.IGNORECASE)


def printed_by_browser(producer: str | None, creator: str | None) -> bool:
    """Whether a PDF's /Producer or /Creator names a browser engine printing HTML."""
    return any(name is not None and _BROWSER.search(name) for name in (producer, creator))


def default_level(size: float, bold: bool, body_size: float) -> int | None:
    """The level h1…h6 a browser sets in ``size`` by default (None: no level's size)."""
    if not bold or body_size <= 0:
        return None
    ratio = size / body_size
    for level, default in enumerate(DEFAULT_SIZES, start=1):
        if abs(ratio - default) <= SIZE_SLACK * default:
            return level
    return None


def heading_face_size(block: Block) -> float:
    """The size of the face a heading line is set in: its glyphs' median size, leaving out
    those of a font of fixed pitch when other fonts remain. A heading naming code ("The
    ``console`` pool") sets the name in the page's monospace face, whose glyphs measure
    larger or smaller than the heading's own at one size: not the size the HTML's level
    sets the heading in."""
    fonts: dict[str, list[Glyph]] = {}
    for f in block.frags:
        for g in f.glyphs:
            if not g.char.isspace():
                fonts.setdefault(g.font, []).append(g)
    if len(fonts) < 2:
        return block.size
    fixed = fixed_pitch_fonts(fonts)
    sizes = [g.size for font, run in fonts.items() if font not in fixed for g in run]
    return quick_median(sizes) if fixed and sizes else block.size


def bookmarked_heads(heads: Sequence[Heading], outline: dict[str, int]) -> set[int]:
    """The ids of the headings the bookmarks were made from: on each page, the first heading
    bearing a bookmarked title. A later heading repeating it on that page is another line
    read as a heading (a function's name, bold in the synopsis under its heading), in a face
    the HTML's levels do not set."""
    seen: set[tuple[str, int | None]] = set()
    out: set[int] = set()
    for h in heads:
        key = title_key(h.text)
        if key not in outline:
            continue
        place = (key, h.prov[0].page if h.prov else None)
        if place not in seen:
            seen.add(place)
            out.add(id(h))
    return out


def browser_levels(
    heads: Sequence[Heading],
    faces: dict[int, tuple[float, bool]],
    body_size: float,
    outlined: set[int] | None = None,
) -> None:
    """Give ``heads`` the levels of the HTML they were printed from, where their faces are
    the browser's defaults (see the module's notes). ``faces``: the exact size and the
    boldness of each heading set in a face of its own; the others (a numbered paragraph
    read as a heading) keep their place relative to the last heading with a face before
    them. ``outlined``: the headings the PDF's bookmarks name, which the browser made from
    the HTML's headings: where some have a face, theirs alone tell the sizes (a bold line
    of code we read as a heading, at a size of its own, is none of the HTML's)."""
    evidence = [h for h in heads if id(h) in faces]
    if outlined and any(id(h) in outlined for h in evidence):
        evidence = [h for h in evidence if id(h) in outlined]
    html: dict[int, int] = {}
    for h in evidence:
        level = default_level(*faces[id(h)], body_size)
        if level is None:
            return  # (a face of the page's own style sheet: its sizes say nothing)
        html[id(h)] = level
    used = sorted(set(html.values()))
    if not used or used[0] != 1 and (len(used) < 2 or used[-1] - used[0] != len(used) - 1):
        return
    if any(
        b.level > a.level and html[id(b)] <= html[id(a)]
        for a, b in zip(evidence, evidence[1:], strict=False)
    ):
        # (A heading nested under the one before it, by the bookmarks or by a smaller face,
        # at a default size no smaller: the style sheet sets two levels in one size.)
        return
    shift: int | None = None  # how far the last heading with a face moved
    levels: list[int] = []
    for h in heads:
        if id(h) in html:
            shift = html[id(h)] - h.level
        elif shift is None:
            return  # (a heading before every face's: nothing to place it by)
        levels.append(max(1, min(h.level + shift, 6)))
    for h, level in zip(heads, levels, strict=True):
        h.level = level
