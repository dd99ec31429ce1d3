"""Pictures or decoration: which figure candidates a reader needs described, and which are
page furniture to be marked as artifacts.

PDF/UA asks for every ``Figure`` to have alternative text, or for the drawing to be an
artifact. An artifact is hidden from a blind reader, so the rules here are the ones remediation
practice (the Matterhorn Protocol's 14-series, the PDF Association's and the Section 508
guidance on artifacts) accepts as decoration, applied conservatively: a meaningful picture
hidden is worse than one flagged for a person to describe. Each rule's precision against the
authors' own tags is measured by ``bench/figures.py``.

Decoration (besides images under :data:`FIGURE_MIN_AREA` or over :data:`BACKGROUND_AREA` of
the page, which the layout reader always took for icons and page backgrounds):

* **unseen** — an image or drawing wholly outside the page's crop box or its clip path: the
  other half of a spread exported page by page, a picture cropped to nothing. Nothing of it
  shows, so there is nothing to describe; it is marked as an artifact like any drawing
  nobody sees.
* **running images** — the same image (the same pixels) at the same place on many pages: a
  logo in a running header, a slide master's band. Pagination furniture, like a running title.
* **images without an edge** — one colour, a gradient, a soft glow or shadow behind a title
  (:attr:`~.glyphs.ImageFacts.smooth`): nothing in them but colour. A figure made of at most
  :data:`FEW_IMAGES` of them (besides running images) is decoration; more of them arranged
  together may be a chart built of flat pieces (bars on a background), which is kept.
* **running drawings** — the same vector drawing (the same shapes at the same places) on many
  pages, or a drawing at the same place in the top or bottom margin on many pages (its shapes
  may differ a little: a page number drawn as outlines): a rule and a logo in a running
  footer, a slide master's ornament.
* **blank drawings** — shapes filled in white, not stroked, on bare page: they show nothing
  (a table's row bands left without their text, a layout program's empty box).
* **empty frames** — a drawing made of rules alone (thin strokes or fills, level or upright),
  holding no text and no image, each rule ending on another or running the drawing's whole
  width or height: the frame and grid of a table or a box whose text is gone, a form's box to
  write in (its label, beside it, says what it is). Nothing in it to describe. A chart's
  tick marks and a diagram's connectors end in the open (or are drawn slanting, or with
  arrowheads and boxes that are no rules), and the words of a diagram lie on it.
* **bars behind a line of text** — a vector drawing hardly taller than the text set on it: the
  shaded band of a heading, a box around a label. Pictures are taller than their labels.
* **panels behind text** — a vector drawing of a panel or two, each holding words, and rules
  joining none of them: a masthead's band behind its title and tab behind its issue number.
  A diagram's boxes are joined by connectors or hold no words; a chart's bars hold numbers.
* **bands behind a line of text** — an image holding one line of text, and no taller than two
  lines of it: a heading's background strip (its number's box, a gradient, a ribbon). A
  picture with words on it (a map, a photograph with a title) is taller, or holds more lines.
  Edgeless images each behind a line of text no smaller than themselves (two lines of it at
  most) are the glow or shadow of a title's lines, however many there are.
* **ground of text** — an image bled off the page's edge with the page's text set on it,
  line after line over a good share of it: a report's cover graphic behind its title and
  first paragraphs. A chart's or a map's labels lie on a picture set within the margins,
  and a photograph's title is a line or two.
* **specks bled off the page** — images each the size of an icon (under
  :data:`FIGURE_MIN_AREA` of the page), lying together so that they make one figure, the
  figure bled off the page's edge: the nodes of a network pattern strewn over a report's
  margins, cut by the page's edge. No one of them is a picture, and a picture made of
  them would be set within the page (a row of icons is set in the margins).

No figure at all (:func:`text_frame`, asked by the layout reader before a drawing becomes a
candidate): a drawing whose inside is text — running text in any script (words of Chinese or
Thai counted by their characters), or a grid of rules and boxes whose cells are filled with
text: a table drawn with shapes, a box around a paragraph or a form's answer, a frame drawn
round a listing however much room its lines leave (:func:`framed_only`), rules closed round
a paragraph wrapped in one cell (:func:`ruled_cell_of_text`: a table's row run on to the next
page, its other cell empty). Its text is read as text; no picture is lost.

Captions (:func:`caption_of`, :func:`styled_caption_of`) give a figure alternative text in the
author's own words: a line opening like a caption ("Figure 3:"), or else a short line right
under the picture set apart from the body (italics, or smaller), or else, for a picture in a
row of pictures each named by a word or two lined up under (or over) them, its name
(:func:`row_label_of`).

>>> from .glyphs import ImageFacts, Rect
>>> band = Candidate(page=0, box=(0, 0, 20, 800), drawing=False,
...                  images=[(Rect(0, 0, 20, 800, 3), ImageFacts("k", smooth=True))],
...                  page_box=(0, 0, 600, 800))
>>> judge([band], pages=1)[id(band)].rule
'edgeless'
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import islice, pairwise
from typing import Protocol

from .glyphs import ImageFacts, Rect
from .patterns import BULLET

#: An image or drawing at the same place on this many pages at least …
RUNNING_MIN_PAGES = 3
#: … and on at least this share of the pages is running furniture. (A picture kept on a few
#: consecutive slides while bullets build up is content, and covers few of a deck's pages.)
RUNNING_MIN_SHARE = 1 / 3
#: Boxes within this many points of each other are at the same place.
PLACE_TOLERANCE = 3.0
#: A figure of at most this many edgeless images is decoration.
FEW_IMAGES = 2
#: Pieces of a figure smaller than this share of the page (dots, hairlines) do not decide.
TINY_PIECE = 0.0005
#: Images smaller than this share of the page are decoration (icons, bullets), not figures:
#: about a 35-point square on a letter page, larger than the line or two of text an icon or a
#: bullet is set in. A logo (a form's issuer, 200 by 24 points), a photograph of an author in
#: a margin or a book's ornament under a chapter title (0.2-1% of the page) is larger, and a
#: picture a reader is told of.
FIGURE_MIN_AREA = 0.0025
#: An image covering this share of the page is its background, behind the text.
BACKGROUND_AREA = 0.9
#: Margin bands (share of the page height) where running headers and footers live.
MARGIN_BAND = 0.12
#: A drawing at most this many times the height of the text line on it is a bar behind text.
BAR_HEIGHT = 2.0
#: An image holding one line of text and at most this many lines of it tall is its band.
BAND_LINES = 2.0
#: A line of text takes this many times its font size (the usual leading of body text).
LINE_PITCH = 1.2


@dataclass
class Candidate:
    """A figure the layout reader found: its page, box, and what it is drawn with."""

    page: int
    #: x0, y0, x1, y1 in page user space.
    box: tuple[float, float, float, float]
    #: A vector drawing (shapes), not images.
    drawing: bool
    #: The images it is made of, with what they show.
    images: list[tuple[Rect, ImageFacts]] = field(default_factory=list)
    #: Heights of the text lines lying on it (for drawings: bars behind text).
    text_heights: list[float] = field(default_factory=list)
    #: The text lying on it (for images: bands behind text): its box and font size.
    text_on: list[tuple[float, float, float, float, float]] = field(default_factory=list)
    #: A drawing's shapes, boxes rounded: the same drawing wherever it is repeated.
    shapes: tuple[tuple[int, int, int, int], ...] = ()
    #: A drawing whose shapes show nothing: white on the bare page.
    blank: bool = False
    #: The words lying on a drawing, each piece with its box (for panels behind text).
    words_on: list[tuple[tuple[float, float, float, float], str]] = field(default_factory=list)
    #: The page's crop box: x0, y0, width, height.
    page_box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)
    #: A caption names it ("Figure 3: …"): the author calls it a figure, whatever it looks like.
    captioned: bool = False
    #: Drawn wholly off the page or outside its clip: nothing of it shows.
    nowhere: bool = False
    #: A drawing of rules alone (no other shape, no image): their boxes, x0, y0, x1, y1.
    rules: tuple[tuple[float, float, float, float], ...] = ()

    def significant(self) -> list[tuple[Rect, ImageFacts]]:
        """The images large enough to say what the figure is."""
        area = TINY_PIECE * self.page_box[2] * self.page_box[3]
        return [(r, f) for r, f in self.images if (r.x1 - r.x0) * (r.y1 - r.y0) >= area]


@dataclass
class Verdict:
    """What remains of a candidate's picture (nothing: it is all decoration), and the rule that
    decided: "running-image", "edgeless", "background", "too-small", "running-drawing",
    "blank", "empty-frame", "bar-behind-text", "panels-behind-text", "band-behind-text",
    "ground-of-text", "bled-specks",
    "unseen"."""

    kept: list[Rect]
    rule: str
    #: The running images among those set aside (whatever decided for the rest).
    running: list[Rect] = field(default_factory=list)


def place(x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
    """A box rounded so that boxes a little apart compare equal."""
    return (round(x0 / PLACE_TOLERANCE), round(y0 / PLACE_TOLERANCE),
            round(x1 / PLACE_TOLERANCE), round(y1 / PLACE_TOLERANCE))


def judge(candidates: Sequence[Candidate], *, pages: int) -> dict[int, Verdict]:
    """Over a whole document: for each candidate (by ``id()``) that is not simply a picture,
    the images that remain of the picture once the decoration is set aside — none when the
    whole candidate is decoration. Candidates not in the answer are pictures as they are."""
    running = running_keys(candidates, pages=pages)
    out: dict[int, Verdict] = {}
    for c in candidates:
        if c.nowhere:
            # Nothing of it shows, so nothing is hidden from a reader: whatever a caption
            # beside it says is read as text.
            out[id(c)] = Verdict([], "unseen")
            continue
        if c.captioned and c.drawing:
            continue
        if c.drawing:
            in_margin = _in_margin(c) and ("margin", place(*c.box)) in running
            if c.shapes in running or in_margin:
                out[id(c)] = Verdict([], "running-drawing")
            elif c.blank:
                out[id(c)] = Verdict([], "blank")
            elif not c.words_on and empty_frame(c.rules, c.box):
                out[id(c)] = Verdict([], "empty-frame")
            elif _bar_behind_text(c):
                out[id(c)] = Verdict([], "bar-behind-text")
            elif panels_behind_text(c.shapes, c.words_on):
                out[id(c)] = Verdict([], "panels-behind-text")
            continue
        if not c.captioned and (_band_behind_text(c) or _glow_behind_text(c, c.significant())):
            out[id(c)] = Verdict([], "band-behind-text")
            continue
        verdict = _without_running(c, running)
        if verdict is None and not c.captioned and _ground_of_text(c):
            verdict = Verdict([], "ground-of-text")
        if verdict is None and not c.captioned and _bled_specks(c):
            verdict = Verdict([], "bled-specks")
        if verdict is not None and (verdict.kept or not c.captioned):
            out[id(c)] = verdict
    return out


def empty_frame(
    rules: Sequence[tuple[float, float, float, float]],
    box: tuple[float, float, float, float],
) -> bool:
    """Whether ``rules`` (a drawing's shapes, all of them rules: x0, y0, x1, y1), lying in the
    drawing's ``box``, only frame it: level and upright lines (pieces drawn end to end, or
    twice, one line), each of whose ends meets a line across it, or that runs the box's whole
    width or height (a frame's side cut by the page's foot). A tick mark, an axis standing
    alone or a connector has an end in the open; a dot, no direction."""
    if not rules:
        return False
    level = _joined_lines([(y0, y1, x0, x1) for x0, y0, x1, y1 in rules if x1 - x0 > y1 - y0])
    upright = _joined_lines([(x0, x1, y0, y1) for x0, y0, x1, y1 in rules if y1 - y0 >= x1 - x0])
    x0, y0, x1, y1 = box
    return all(
        _spans(line, x0, x1) or all(_meets(end, line, upright) for end in (line[2], line[3]))
        for line in level
    ) and all(
        _spans(line, y0, y1) or all(_meets(end, line, level) for end in (line[2], line[3]))
        for line in upright
    )


#: Lines in a frame: across (the band it lies on, two edges) and along (where it starts and
#: ends).
_Line = tuple[float, float, float, float]


def _joined_lines(pieces: Sequence[_Line]) -> list[_Line]:
    """Rules lying on one band (within :data:`EDGE_TOLERANCE`), touching or overlapping along
    it, joined into one line: a side drawn a cell at a time, or stroked twice, is one side."""
    lines: list[list[float]] = []
    for low, high, start, end in sorted(pieces, key=lambda p: ((p[0] + p[1]) / 2, p[2])):
        for line in lines:
            if (abs((low + high) / 2 - (line[0] + line[1]) / 2) <= EDGE_TOLERANCE
                    and start <= line[3] + EDGE_TOLERANCE and line[2] <= end + EDGE_TOLERANCE):
                line[0], line[1] = min(line[0], low), max(line[1], high)
                line[2], line[3] = min(line[2], start), max(line[3], end)
                break
        else:
            lines.append([low, high, start, end])
    return [(a, b, c, d) for a, b, c, d in lines]


def _spans(line: _Line, start: float, end: float) -> bool:
    """Whether ``line`` runs the whole way from ``start`` to ``end``."""
    return line[2] <= start + EDGE_TOLERANCE and line[3] >= end - EDGE_TOLERANCE


def _meets(at: float, line: _Line, across: Sequence[_Line]) -> bool:
    """Whether the end of ``line`` at ``at`` (along it) meets one of the lines ``across``."""
    middle = (line[0] + line[1]) / 2
    return any(
        other[0] - EDGE_TOLERANCE <= at <= other[1] + EDGE_TOLERANCE
        and other[2] - EDGE_TOLERANCE <= middle <= other[3] + EDGE_TOLERANCE
        for other in across
    )


def running_keys(candidates: Sequence[Candidate], *, pages: int) -> set[object]:
    """The identities (see :func:`_image_keys`; a drawing's shapes; a margin drawing's place)
    met on enough of the document's ``pages`` to be running furniture."""
    seen_on: dict[object, set[int]] = {}
    for c in candidates:
        for key in _image_keys(c):
            seen_on.setdefault(key, set()).add(c.page)
        if c.drawing and c.shapes:
            seen_on.setdefault(c.shapes, set()).add(c.page)
        if c.drawing and _in_margin(c):
            seen_on.setdefault(("margin", place(*c.box)), set()).add(c.page)
    needed = max(RUNNING_MIN_PAGES, RUNNING_MIN_SHARE * pages)
    return {key for key, on in seen_on.items() if len(on) >= needed}


def smoothness_asked(c: Candidate, running: set[object]) -> list[ImageFacts]:
    """The images of ``c`` whose :attr:`~.glyphs.ImageFacts.smooth` :func:`judge` may read,
    when the document's running identities are among ``running`` (a superset of
    :func:`running_keys`; empty while the pages are still being read, when the answer is
    those asked of the candidate if none of its images proves running). The rest are never
    read, whatever else is: an image under no line of text its size (see
    :func:`_glow_behind_text`) is read only when at most ``FEW_IMAGES`` images are left
    beside the running ones, so only when fewer than that of the others are not running.
    Of a band behind text (see :func:`_band_behind_text`) only the images not running may be
    read, and only beside one that is: uncaptioned, it is a band before they are asked;
    captioned, the running ones are set aside, and without one each verdict left to the
    others keeps nothing (a captioned picture is judged only by what it keeps)."""
    if c.drawing or c.nowhere:
        return []
    pieces = c.significant()
    keys = _image_keys(c, pieces)
    band = _band_behind_text(c)
    if band and not any(key in running for key in keys):
        return []
    asked = []
    for k, (r, facts) in enumerate(pieces):
        if band and keys[k] in running:
            continue
        others_left = sum(1 for j, key in enumerate(keys) if j != k and key not in running)
        if others_left < FEW_IMAGES or _under_text_line(c, r):
            asked.append(facts)
    return asked


def _without_running(c: Candidate, running: set[object]) -> Verdict | None:
    """The images of a picture left once running images are set aside; None if unchanged."""
    pieces = c.significant()
    if not pieces:
        return None
    keys = _image_keys(c, pieces)
    rest = [(r, facts) for key, (r, facts) in zip(keys, pieces, strict=True)
            if key not in running]
    repeated = [r for key, (r, _) in zip(keys, pieces, strict=True) if key in running]
    if not rest:
        return Verdict([], "running-image", repeated)
    if len(rest) <= FEW_IMAGES and all(facts.smooth for _, facts in rest):
        return Verdict([], "edgeless", repeated)  # besides running ones, a few edgeless images
    if _glow_behind_text(c, rest):
        return Verdict([], "band-behind-text", repeated)
    page_area = max(c.page_box[2] * c.page_box[3], 1.0)
    x0 = min(r.x0 for r, _ in rest)
    y0 = min(r.y0 for r, _ in rest)
    x1 = max(r.x1 for r, _ in rest)
    y1 = max(r.y1 for r, _ in rest)
    area = (x1 - x0) * (y1 - y0)
    if area >= BACKGROUND_AREA * page_area:
        return Verdict([], "background", repeated)  # behind the whole page
    if not repeated:
        return None
    if area < FIGURE_MIN_AREA * page_area:
        return Verdict([], "too-small", repeated)  # too small for a figure without them
    # Small pieces lying on what is left belong to it; the running images do not.
    dropped = {id(r) for r in repeated}
    return Verdict([
        r for r, _ in c.images
        if id(r) not in dropped and x0 - 1 <= r.x0 and r.x1 <= x1 + 1 and y0 - 1 <= r.y0
        and r.y1 <= y1 + 1
    ], "running-image", repeated)


def _image_keys(
    c: Candidate, pieces: list[tuple[Rect, ImageFacts]] | None = None
) -> list[object]:
    """Each image's identity and place ("" when its pixels are unknown: never running)."""
    return [
        (facts.key, place(r.x0, r.y0, r.x1, r.y1)) if facts.key else ""
        for r, facts in (c.significant() if pieces is None else pieces)
    ]


def _in_margin(c: Candidate) -> bool:
    """Wholly in the top or bottom margin band of its page."""
    _, page_y0, _, height = c.page_box
    if height <= 0:
        return False
    _, y0, _, y1 = c.box
    band = MARGIN_BAND * height
    return y0 - page_y0 >= height - band or y1 - page_y0 <= band


def _bar_behind_text(c: Candidate) -> bool:
    """A drawing no taller than a couple of the text lines set on it: a heading's band."""
    if not c.text_heights:
        return False
    _, y0, _, y1 = c.box
    return y1 - y0 <= BAR_HEIGHT * max(c.text_heights)


#: A drawing of at most this many panels holding words (a title's band and its number's tab)
#: is their ground; more of them side by side are the boxes of a diagram or the bars of a
#: chart, kept.
FEW_PANELS = 2


def panels_behind_text(
    shapes: Sequence[tuple[int, int, int, int]],
    words: Sequence[tuple[tuple[float, float, float, float], str]],
) -> bool:
    """A drawing made only of a panel or two, each holding words, and rules joining no two of
    them: the coloured ground of a masthead's title and of its issue number, a rule under
    them. Their words are read as text; the ground says nothing more. A diagram's boxes are
    joined by connectors, or hold no words (arrowheads, icons); a chart's bars hold numbers
    at most; so each is kept. (``shapes``: rounded places, see :func:`place`.)

    >>> panels_behind_text([(20, 20, 60, 40), (0, 42, 60, 43)], [((70, 70, 160, 100), "Issue")])
    True
    >>> panels_behind_text([(20, 20, 60, 40), (0, 42, 60, 43)], [((70, 70, 160, 100), "1695")])
    False
    """
    boxes = {tuple(v * PLACE_TOLERANCE for v in s) for s in shapes}
    # (Rounding a rule's edges to places may make it one place thicker.)
    thin = RULE_WIDTH + PLACE_TOLERANCE
    rules = [b for b in boxes if b[2] - b[0] <= thin or b[3] - b[1] <= thin]
    rule_set = set(rules)
    panels: list[tuple[float, ...]] = []
    for b in sorted(boxes):
        # A shape filled and stroked is drawn twice, its outline a little larger: one panel.
        if b not in rule_set and not any(
            all(abs(u - v) <= PLACE_TOLERANCE for u, v in zip(b, p, strict=True))
            for p in panels
        ):
            panels.append(b)
            # Panels are only ever added, so once there are more than a few the answer below
            # is already False: stop rather than compare every further shape with them all
            # (a chart of hundreds of bars made this quadratic).
            if len(panels) > FEW_PANELS:
                return False
    if not 0 < len(panels) <= FEW_PANELS:
        return False
    lettered = [
        ((x0 + x1) / 2, (y0 + y1) / 2) for (x0, y0, x1, y1), text in words
        if any(ch.isalpha() for ch in text)
    ]
    if not all(any(p[0] <= x <= p[2] and p[1] <= y <= p[3] for x, y in lettered)
               for p in panels):
        return False  # a shape without words is a piece of a picture
    return not any(sum(_touches(rule, p) for p in panels) > 1 for rule in rules)


def _touches(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    """Boxes meeting or overlapping, give or take a rounded place."""
    slack = PLACE_TOLERANCE + EDGE_TOLERANCE
    return a[0] <= b[2] + slack and b[0] <= a[2] + slack and a[1] <= b[3] + slack and (
        b[1] <= a[3] + slack)


def _band_behind_text(c: Candidate) -> bool:
    """An image with one line of text set on it, hardly taller than that line: its band."""
    if not c.text_on:
        return False
    size = max(size for *_, size in c.text_on)
    middles = [(y0 + y1) / 2 for _, y0, _, y1, _ in c.text_on]
    if max(middles) - min(middles) > size / 2:
        return False  # lines one above the other: a picture with words on it
    _, y0, _, y1 = c.box
    return y1 - y0 <= BAND_LINES * LINE_PITCH * size


#: Lines of text lying on an image, at least, and the share of its area their boxes cover,
#: for it to be the ground the page's text is set on (:func:`_ground_of_text`).
GROUND_LINES = 8
GROUND_COVER = 0.2
#: An image reaching within this many points of the page's edge (or past it) is bled off it.
BLEED = 1.0


def _ground_of_text(c: Candidate) -> bool:
    """An image bled off the page's edge that the page's text is set on, line after line,
    covering a good share of it (a report's cover graphic behind its title, its summary box
    and the first column): the ground of the page, not a picture with words on it (a map's
    or a chart's labels, a photograph's title: set within the page's margins, or a few
    lines covering little of it)."""
    if len(c.text_on) < GROUND_LINES:
        return False
    if not _bled(c):
        return False
    x0, y0, x1, y1 = c.box
    area = max((x1 - x0) * (y1 - y0), 1.0)
    middles = {round((b + t) / 2) for _, b, _, t, _ in c.text_on}
    covered = sum((r - l_) * (t - b) for l_, b, r, t, _ in c.text_on)
    return len(middles) >= GROUND_LINES and covered >= GROUND_COVER * area


def _bled(c: Candidate) -> bool:
    """The candidate reaches the page's edge (within :data:`BLEED`) or past it."""
    x0, y0, x1, y1 = c.box
    left, bottom, width, height = c.page_box
    return (
        x0 <= left + BLEED or y0 <= bottom + BLEED
        or x1 >= left + width - BLEED or y1 >= bottom + height - BLEED
    )


#: Images covering this share of their figure's box at least are the tiles (or strips) of
#: one picture, drawn piece by piece; specks strewn about leave gaps between them.
TILED_SHARE = 0.75


def _bled_specks(c: Candidate) -> bool:
    """Images each too small for a figure alone (an icon's size, under
    :data:`FIGURE_MIN_AREA` of the page), strewn with gaps between them (covering less
    than :data:`TILED_SHARE` of their box), together bled off the page's edge: the pieces
    of a background pattern the page cuts (a network's nodes strewn over the margins), not
    a picture. (Icons set in a row lie within the page's margins; a bled photograph drawn
    in strips or tiles covers its box.)"""
    if not c.images or not _bled(c):
        return False
    least = FIGURE_MIN_AREA * c.page_box[2] * c.page_box[3]
    if any((r.x1 - r.x0) * (r.y1 - r.y0) >= least for r, _ in c.images):
        return False
    x0, y0, x1, y1 = c.box
    area = (x1 - x0) * (y1 - y0)
    return area > 0 and _covered([(r.x0, r.y0, r.x1, r.y1) for r, _ in c.images]) < (
        TILED_SHARE * area)


def _covered(boxes: Sequence[tuple[float, float, float, float]]) -> float:
    """The area the union of ``boxes`` covers (band by band across, between their edges)."""
    xs = sorted({b[0] for b in boxes} | {b[2] for b in boxes})
    total = 0.0
    for left, right in pairwise(xs):
        spans = [(b[1], b[3]) for b in boxes if b[0] <= left and b[2] >= right]
        if spans:
            total += (right - left) * _union(spans)
    return total


def _glow_behind_text(c: Candidate, pieces: list[tuple[Rect, ImageFacts]]) -> bool:
    """Edgeless images, each behind a line of text set on it and hardly taller than it: the
    glow or shadow of a title's lines, drawn in pieces. (The flat bars of a chart are not
    each covered by a line of text their own size.)"""
    # (Where they lie is asked first: whether they are edgeless is judged only for images
    # that may be asked, see smoothness_asked.)
    return bool(pieces) and all(_under_text_line(c, r) for r, _ in pieces) and all(
        facts.smooth for _, facts in pieces)


def _under_text_line(c: Candidate, r: Rect) -> bool:
    """The image ``r`` of ``c`` has text set on it and is hardly taller than that text's line."""
    sizes = [
        size for x0, y0, x1, y1, size in c.text_on
        if x0 < r.x1 and r.x0 < x1 and y0 < r.y1 and r.y0 < y1
    ]
    return bool(sizes) and r.y1 - r.y0 <= BAND_LINES * LINE_PITCH * max(sizes)


# --- captions ---------------------------------------------------------------------------------

#: What opens a caption: a figure (or table, map, chart…) word and its number, in the languages
#: the service meets ("Figure 3:", "Fig. 2", "Abb. 4", "Tableau II", "Figure A-1", "图 1",
#: "그림 2"). Roman numerals must be capitals and whole ("Figure illustrates" is no caption).
CAPTION = re.compile(
    r"^(?:figure|fig\.?|abb\.|abbildung|bild|grafik|schaubild|karte|table|tableau|tabelle|tabla"
    r"|tabella|chart|graph|graphique|gr[áa]fico|image|photo|plate|planche|map|carte|diagram"
    r"|diagramme|exhibit|illustration|figura|figuur|afbeelding|sch[ée]ma|scheme|[图圖図表]|그림|표)"
    r"\s*(?:\d|(?-i:[IVX]+)\b|(?-i:[A-Z])[-.]?\d)",
    re.IGNORECASE,
)
#: A caption is within this share of the page height of its figure, above or below it.
CAPTION_GAP = 0.1


#: A caption's label set off from its words ("Abbildung 5.1: Möbiusband", "Figure 2. Results",
#: "Table 3 – Costs"), not a sentence that names a figure ("Figure 1 shows the noise").
_LABEL_SET_OFF = re.compile(r"[\w.\-]*\s*[:.\u2013\u2014|](?=\s|$)")


def set_off_caption(text: str) -> bool:
    """Whether ``text`` is a caption whose label is set off from its words (see
    :data:`_LABEL_SET_OFF`): no running text, whatever stands around it."""
    caption = caption_text(text)
    if caption is None:
        return False
    match = CAPTION.match(caption)
    return match is not None and _LABEL_SET_OFF.match(caption, match.end()) is not None


class TextLine(Protocol):
    """A line of a text block, as the layout reader has it."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def caption_text(text: str) -> str | None:
    """The caption a line opens ("Figure 3: …"), or None. An ornament set before the figure's
    word (a bar or dingbat a book puts before its figure numbers, "▌Figure 5.1", which its
    font may map to "•") is decoration, no part of the caption: it is left out."""
    if CAPTION.match(text):
        return text
    if text[:1].isascii() and text[:1].isalnum():
        return None  # (most lines: a letter or a figure opens them, no ornament)
    rest = BULLET.sub("", text, count=1)
    return rest if rest != text and CAPTION.match(rest) else None


#: A line opening like a caption, found by :func:`caption_lines`: its block's place among the
#: blocks, the lines of that block, its place among them, the caption it opens
#: (:func:`caption_text`), and where it ends on the right with the pieces following it on
#: its line (:func:`_line_end`).
CaptionLine = tuple[int, Sequence[TextLine], int, str, float]


def caption_lines(blocks: Sequence[Sequence[TextLine]]) -> list[CaptionLine]:
    """The lines of ``blocks`` opening like a caption, block by block: what
    :func:`caption_of` looks for whatever the figure (asked for every figure of a page, they
    are found once: see :func:`caption_among`)."""
    out: list[CaptionLine] = []
    for b, lines in enumerate(blocks):
        for k, line in enumerate(lines):
            first = caption_text(line.text)
            if first is not None:
                out.append((b, lines, k, first, _line_end(lines, k)))
    return out


def caption_of(
    box: tuple[float, float, float, float],
    blocks: Sequence[Sequence[TextLine]],
    page_height: float,
    join: Callable[[Sequence[str]], str] = " ".join,
) -> str | None:
    """The caption of the figure at ``box``: the nearest text above or below it, overlapping
    it across, whose line opens like a caption ("Figure 3: …", see :func:`caption_text`),
    read from that line to the end of its block. A label of the drawing set just above the
    caption can fall in the same block ("x  y  Figure 2: …"): the caption starts at its own
    line. It ends at a line beside the figure, not under or over it, and not lined up with
    the caption's own lines (the text of a column beside the picture, run into the caption's
    block). ``join`` reads its lines as one (as a paragraph's are, a word broken at a line
    end joined: :mod:`.line_breaks`)."""
    return caption_among(box, caption_lines(blocks), page_height, join)


def caption_among(
    box: tuple[float, float, float, float],
    found: list[CaptionLine],
    page_height: float,
    join: Callable[[Sequence[str]], str] = " ".join,
) -> str | None:
    """:func:`caption_of` the figure at ``box`` among the caption lines of its page's
    blocks, ``found`` by :func:`caption_lines` (once for all the page's figures)."""
    x0, y0, x1, y1 = box
    best: tuple[tuple[bool, float], str] | None = None
    taken = -1  # the last block whose caption line was judged
    for b, lines, k, first, right in found:
        line = lines[k]
        # (Only a block's first caption line across the figure is judged.)
        if b == taken or not (right > x0 and line.x0 < x1):
            continue
        taken = b
        height = max(line.y1 - line.y0, 1.0)
        gap = y0 - line.y1 if (line.y0 + line.y1) / 2 < (y0 + y1) / 2 else line.y0 - y1
        # A caption whose middle stands under (or over) the figure comes before a nearer
        # one that only reaches in from beside it: the caption of the next picture in a
        # row, set a point or two higher, starting where this one's frame ends.
        rank = (not x0 <= (line.x0 + right) / 2 <= x1, gap)
        if -height <= gap < CAPTION_GAP * page_height and (best is None or rank < best[0]):
            # (A line of the caption's own, a short last one ending left of a narrow
            # figure, starts where the caption does.)
            end = next(
                (j for j in range(k + 1, len(lines))
                 if (lines[j].x1 <= x0 or lines[j].x0 >= x1)
                 and abs(lines[j].x0 - line.x0) > height),
                len(lines),
            )
            best = (rank, join([first, *(other.text for other in lines[k + 1:end])]))
    return best[1] if best else None


def _line_end(lines: Sequence[TextLine], k: int) -> float:
    """Where the line at ``k``, with the pieces following it on its line, ends on the right:
    a caption's label ("Figure 2.") may stand left of a figure whose scale values lie beside
    its plots, its words running on over it."""
    line = lines[k]
    right = line.x1
    # (Walked by index rather than copying the lines after it, and max() of two values
    # spelled out, ``max(a, b)`` being ``b if b > a else a``.)
    for j in range(k + 1, len(lines)):
        other = lines[j]
        if other.y0 >= line.y1 or other.y1 <= line.y0:
            break
        other_x1 = other.x1
        right = other_x1 if other_x1 > right else right
    return right


# A caption without a keyword: the author's own line under a picture, set apart from the body
# ("PDF.js in Firefox 100, with a table of contents in the sidebar", in italics or smaller).

class Edges(Protocol):
    """A box's edges (a :class:`~workers.engine.document.BBox`, a text line), read only."""

    @property
    def x0(self) -> float: ...
    @property
    def y0(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def y1(self) -> float: ...


def between_pictures_and_caption(
    x: float, y: float, pictures: Sequence[Edges], caption: Edges, margin: float
) -> bool:
    """Whether the point (``x``, ``y``), the middle of a block of text, stands in the gap
    between a figure's ``pictures`` and its ``caption``, across them: where the names of the
    sub-figures ("(a) Halbraum  (b) Pair of pants") and a diagram's lowest labels are set.
    A figure is its pictures and its caption: nothing of the running text is set between
    the two. Only the gap on the caption's side counts (from the caption to the pictures'
    nearest edge, give or take ``margin``): text between two pictures set one over the
    other may be running text read between them."""
    left = min(caption.x0, *(p.x0 for p in pictures)) - margin
    right = max(caption.x1, *(p.x1 for p in pictures)) + margin
    if not left <= x <= right:
        return False
    bottom = min(p.y0 for p in pictures)
    if caption.y1 <= bottom + margin:  # the caption under the pictures
        return caption.y1 <= y <= bottom + margin
    top = max(p.y1 for p in pictures)
    return caption.y0 >= top - margin and top - margin <= y <= caption.y0


#: Such a caption starts within this many of its line heights under the figure …
STYLED_CAPTION_GAP = 1.0
#: … holds at most this many lines and words …
STYLED_CAPTION_LINES = 3
STYLED_CAPTION_WORDS = 40
#: … (more lines when they are short ones, a caption wrapped under a narrow picture: no more
#: words than this many to each of :data:`STYLED_CAPTION_LINES` lines, a paragraph's line
#: holding a dozen) …
NARROW_LINE_WORDS = 8
#: … and is set in italics (this share of its letters) or smaller than the body text.
ITALIC_SHARE = 0.8
SMALLER = 0.9
#: Lines naming where a picture comes from say nothing of what it shows: no description.
SOURCE_LINE = re.compile(
    r"^(?:(?:sources?|quellen?|fuentes?|fontes?|bron(?:nen)?|credits?|cr[ée]dits?"
    r"|photo(?:graph)?s?|fotos?|images?|bild(?:er)?)\s*(?::|by\b|©)|copyright\b|courtesy\b|©)",
    re.IGNORECASE,
)


class Letter(Protocol):
    """A glyph, as far as its face goes."""

    @property
    def char(self) -> str: ...

    @property
    def italic(self) -> bool: ...


class StyledLine(TextLine, Protocol):
    """A line of a text block with its face: its size and its glyphs."""

    @property
    def size(self) -> float: ...

    @property
    def glyphs(self) -> Sequence[Letter]: ...


def styled_caption_of(
    box: tuple[float, float, float, float],
    blocks: Sequence[Sequence[StyledLine]],
    body_size: float,
    join: Callable[[Sequence[str]], str] = " ".join,
) -> str | None:
    """The caption of the figure at ``box`` when no line names it ("Figure 3"): the text block
    right under it, within its width (give or take a short word: a caption wrapped at its own
    measure under a narrow picture), short, and set apart from the body — in italics or
    smaller. A paragraph of the body under a picture is no caption (the same face), nor is a
    line naming the picture's source.

    Conservative: only the nearest block under the figure is looked at; it must start within
    a line's height of it, and be the only one there (two side by side under one figure are
    the captions of the pictures it is made of, each describing one). Its lines are read as one
    by ``join``, as :func:`caption_of`'s."""
    x0, y0, x1, _ = box
    under: list[tuple[float, Sequence[StyledLine]]] = []
    for lines in blocks:
        if not lines or max(f.x1 for f in lines) <= x0 or min(f.x0 for f in lines) >= x1:
            continue
        top = max(f.y1 for f in lines)
        if top > y0 + 2:
            continue  # beside or above the figure
        under.append((y0 - top, lines))
    if not under:
        return None
    gap, lines = min(under, key=lambda u: u[0])
    height = max(f.y1 - f.y0 for f in lines)
    if sum(g <= STYLED_CAPTION_GAP * max(f.y1 - f.y0 for f in other) for g, other in under) > 1:
        return None
    if _runs_on_from_over(box, lines, blocks, height) or _goes_on_under(lines, blocks, height):
        return None
    # A caption wraps at its own measure, which may run past a narrow picture's edge by a
    # short word (about a line's height).
    tolerance = max(6.0, 0.05 * (x1 - x0), height)
    text = join([f.text for f in lines]).strip()
    words = word_count(text)
    letters = [g for f in lines for g in f.glyphs if not g.char.isspace()]
    if (
        gap > STYLED_CAPTION_GAP * height
        or min(f.x0 for f in lines) < x0 - tolerance
        or max(f.x1 for f in lines) > x1 + tolerance
        or (_line_count(lines) > STYLED_CAPTION_LINES
            and words > STYLED_CAPTION_LINES * NARROW_LINE_WORDS)
        or words > STYLED_CAPTION_WORDS
        or sum(any(ch.isalpha() for ch in token) for token in text.split()) < 2  # "7 0": a scale
        or SOURCE_LINE.match(text)
        or not letters
    ):
        return None
    italic = _italic(lines)
    sizes = sorted(f.size for f in lines)
    smaller = sizes[len(sizes) // 2] <= SMALLER * body_size
    return text if italic or smaller else None


#: A block goes on in the next block under it when that starts within this many of its line
#: heights (a line's pitch, give or take) …
GOES_ON_PITCH = 1.5
#: … in a face as large (to this share).
GOES_ON_SIZE = 0.1
#: What ends a sentence, a closing quote or bracket included.
_SENTENCE_ENDS = frozenset(".!?:;\u201d\u2019\"')\u00bb\u3002")


def _goes_on_under(
    lines: Sequence[StyledLine], blocks: Sequence[Sequence[StyledLine]], height: float
) -> bool:
    """Whether the block of ``lines`` goes on in a block right under it, across it, in the
    same face (as large, as italic or not): a caption the reader cut in two (a line of it run
    into the text beside a narrow picture). Its first part alone ("The stacked up") would
    describe nothing: its words stop short of a sentence's end, and the block under goes on
    in lower case. (An italic caption at the body's size is followed by the body, upright; a
    quotation under a portrait by its source's name.)"""
    bottom = min(f.y0 for f in lines)
    left, right = min(f.x0 for f in lines), max(f.x1 for f in lines)
    size = sorted(f.size for f in lines)[len(lines) // 2]
    if lines[-1].text.rstrip()[-1:] in _SENTENCE_ENDS:
        return False  # the caption's sentence ends: what follows is a line of its own
    italic = _italic(lines)
    for other in blocks:
        if other is lines or not other:
            continue
        if (
            0 <= bottom - max(f.y1 for f in other) <= GOES_ON_PITCH * height
            and min(f.x0 for f in other) < right and max(f.x1 for f in other) > left
            and all(abs(f.size - size) <= GOES_ON_SIZE * size for f in other)
            and _italic(other) == italic
            and other[0].text.lstrip()[:1].islower()
        ):
            return True
    return False


def _italic(lines: Sequence[StyledLine]) -> bool:
    """Whether the block of ``lines`` is set in italics (:data:`ITALIC_SHARE` of its letters)."""
    letters = [g for f in lines for g in f.glyphs if not g.char.isspace()]
    return bool(letters) and sum(g.italic for g in letters) >= ITALIC_SHARE * len(letters)


# A chart's own title. A spreadsheet or a statistics package exports a chart with its title
# inside the chart's frame, centred over the plot, in a face larger than the chart's other
# labels (its scale, its legend): the author's name for the chart. Read as its caption the
# reader hears it with the chart, once (its paragraph becomes the figure's Caption), and
# nothing is hidden: the title is still read where it stands.

#: A chart's title stands in this top share of the chart's box …
TITLE_TOP = 0.2
#: … its middle on the chart's middle, to this share of the chart's width …
TITLE_CENTRE = 0.05
#: … in a face at least this much larger than every other label on the chart.
TITLE_LARGER = 1.15


def title_on(box: Box, blocks: Sequence[Sequence[StyledLine]]) -> str | None:
    """The title set on the drawing at ``box`` (``blocks``: the page's text blocks): the
    topmost block lying on it, one line of words centred at its top, in a face larger than
    every other block on it. A drawing with no other text on it has no labels to tell a title
    from, and is left alone; so is a line of values (a scale) or a sentence.

    >>> class L:
    ...     def __init__(self, text, x0, y0, x1, y1, size):
    ...         self.text, self.x0, self.y0, self.x1, self.y1 = text, x0, y0, x1, y1
    ...         self.size, self.glyphs = size, []
    >>> title = [L("Iowa Ethanol", 80, 180, 120, 190, 10)]
    >>> scale = [L("2.60 2.40 2.20", 5, 40, 15, 160, 6)]
    >>> title_on((0, 0, 200, 200), [scale, title])
    'Iowa Ethanol'
    >>> title_on((0, 0, 200, 200), [scale, [L("Iowa Ethanol", 10, 180, 50, 190, 10)]])
    """
    x0, y0, x1, y1 = box
    width, height = x1 - x0, y1 - y0
    on = [
        lines for lines in blocks
        if lines and all(
            x0 <= (f.x0 + f.x1) / 2 <= x1 and y0 <= (f.y0 + f.y1) / 2 <= y1 for f in lines)
    ]
    if len(on) < 2 or width <= 0 or height <= 0:
        return None
    top = max(on, key=lambda lines: max(f.y1 for f in lines))
    text = " ".join(f.text for f in top).strip()
    left, right = min(f.x0 for f in top), max(f.x1 for f in top)
    if (
        _line_count(top) != 1
        or running_text(text) or scale_label(text) or not any(ch.isalpha() for ch in text)
        or abs((left + right) / 2 - (x0 + x1) / 2) > TITLE_CENTRE * width
        or min(f.y0 for f in top) < y1 - TITLE_TOP * height
    ):
        return None
    others = max(f.size for lines in on if lines is not top for f in lines)
    return text if min(f.size for f in top) >= TITLE_LARGER * others else None


# A slide (or a page of a picture book) that shows one picture and says one short thing under
# it: that line is what the author says of the picture, however it is set (a slide's text is
# all set in one large face, and may run wider than the picture). Read as its caption, the
# reader hears it with the picture, once; nothing is hidden.

#: The line is set no larger than this many times the body's size (a cover's title under the
#: issuer's logo is larger, and heads the document).
SOLE_LINE_SIZE = 1.15


def sole_caption_of(
    box: Box, blocks: Sequence[Sequence[StyledLine]], body_size: float,
    join: Callable[[Sequence[str]], str] = " ".join,
) -> str | None:
    """The caption of the only picture of a page whose only text (``blocks``, its running
    lines set aside) is one short block right under the picture, overlapping it across: at
    most :data:`STYLED_CAPTION_LINES` lines and :data:`STYLED_CAPTION_WORDS` words, of two
    words at least, not a line naming the picture's source, in a face no larger than the
    body's. (The caller makes sure the picture is the page's only one.)

    >>> class L:
    ...     def __init__(self, text, x0, y0, x1, y1, size=11):
    ...         self.text, self.x0, self.y0, self.x1, self.y1 = text, x0, y0, x1, y1
    ...         self.size, self.glyphs = size, []
    >>> line = [L("Objective-C and Go: a new kind of progression", 28, 19, 324, 28)]
    >>> sole_caption_of((28, 36, 255, 266), [line], 11)
    'Objective-C and Go: a new kind of progression'
    >>> sole_caption_of((28, 36, 255, 266), [line, [L("More", 28, 280, 60, 290)]], 11)
    """
    if len(blocks) != 1 or not blocks[0]:
        return None
    lines = blocks[0]
    x0, y0, x1, _ = box
    height = max(f.y1 - f.y0 for f in lines)
    gap = y0 - max(f.y1 for f in lines)
    text = join([f.text for f in lines]).strip()
    sizes = sorted(f.size for f in lines)
    if (
        not -EDGE_TOLERANCE <= gap <= STYLED_CAPTION_GAP * height
        or max(f.x1 for f in lines) <= x0 or min(f.x0 for f in lines) >= x1
        or _line_count(lines) > STYLED_CAPTION_LINES
        or word_count(text) > STYLED_CAPTION_WORDS
        or sum(any(ch.isalpha() for ch in token) for token in text.split()) < 2
        or SOURCE_LINE.match(text)
        or sizes[len(sizes) // 2] > SOLE_LINE_SIZE * body_size
    ):
        return None
    return text


#: Text set on a picture runs on under it when the block under the picture starts within
#: this many of its line heights of a block over the picture, above it …
RUNS_ON_GAP = 2.0
#: … set at the same left edge (to this many points) …
RUNS_ON_EDGE = 1.0
#: … in lines as tall (to this share).
RUNS_ON_HEIGHT = 0.1


def _runs_on_from_over(
    box: tuple[float, float, float, float], lines: Sequence[TextLine],
    blocks: Sequence[Sequence[TextLine]], height: float,
) -> bool:
    """Whether the block of ``lines`` under the picture at ``box`` goes on from a block of
    text set over the picture's lower part, right above it, at its left edge and in lines as
    tall (a designed page's list laid over its background photograph, running on past the
    picture's edge): the page's text, not a caption set apart under the picture. (A chart's
    labels over it are set elsewhere than its caption's margin.)"""
    x0, y0, x1, y1 = box
    left = min(f.x0 for f in lines)
    top = max(f.y1 for f in lines)
    for other in blocks:
        if other is lines or not other:
            continue
        bottom = min(f.y0 for f in other)
        if (
            bottom < y1 and max(f.y1 for f in other) > y0  # over the picture
            and min(f.x0 for f in other) < x1 and max(f.x1 for f in other) > x0
            and -0.5 * height <= bottom - top <= RUNS_ON_GAP * height  # (loose boxes touch)
            and abs(min(f.x0 for f in other) - left) <= RUNS_ON_EDGE
            and abs(max(f.y1 - f.y0 for f in other) - height) <= RUNS_ON_HEIGHT * height
        ):
            return True
    return False


# The labels of a row of pictures: each picture of the row named by a word or two set right
# under it (or right over it), the names lined up ("source-over  source-in  source-out" under
# three drawings of compositing modes; names under portraits). The row of labels lined up
# says each names the picture it is set against, whatever its face.

#: Pictures side by side are in one row when they share this share of the lower one's height.
ROW_OVERLAP = 0.5
#: Labels of one row stand on one line: their baselines are within this many points.
LABEL_ALIGN = 2.0


def row_label_of(
    box: Box, pictures: Sequence[Box], blocks: Sequence[Sequence[StyledLine]]
) -> tuple[str, Sequence[StyledLine]] | None:
    """The label of the picture at ``box`` when it is one of a row of labelled ``pictures``
    (the others on its page): a line of a few words right under it (else right over it),
    within its width, and a picture beside it labelled the same way, the two labels lined up.
    A lone picture's short line is no label of it (a heading, a scale, a stray word).
    Returns the label and its block's lines."""
    row = [
        other for other in pictures
        if other != box and (other[2] <= box[0] or other[0] >= box[2])
        and min(box[3], other[3]) - max(box[1], other[1])
        >= ROW_OVERLAP * min(box[3] - box[1], other[3] - other[1])
    ]
    if not row:
        return None
    # (Each block's extent measured once, and each picture's label looked for once each way:
    # a page of many pictures asks of every one beside each.)
    extents = _block_extents(blocks)
    found: dict[tuple[Box, bool], _Label | None] = {}

    def label_against(picture: Box, under: bool) -> _Label | None:
        key = (picture, under)
        if key not in found:
            found[key] = _label_against(picture, extents, under=under)
        return found[key]

    for under in (True, False):
        label = label_against(box, under)
        if label is None:
            continue
        text, edge, lines = label
        if not under and any(
            (named := label_against(other, True)) and named[2] is lines
            for other in pictures if other != box
        ):
            continue  # the label under the picture above: between two rows, not this one's
        for other in row:
            beside = label_against(other, under)
            if beside is not None and abs(beside[1] - edge) <= LABEL_ALIGN:
                return text, lines
    return None


#: A block's lines with their extent: the right end of the rightmost, the left end of the
#: leftmost, the tallest's height, the top and the bottom.
_Extent = tuple[Sequence[StyledLine], float, float, float, float, float]
#: A picture's label: its text, its baseline (its top, over the picture), its block's lines.
_Label = tuple[str, float, Sequence[StyledLine]]


def _block_extents(blocks: Sequence[Sequence[StyledLine]]) -> list[_Extent]:
    """The extents of the ``blocks`` that have lines (see :data:`_Extent`), in order."""
    return [
        (lines, max(f.x1 for f in lines), min(f.x0 for f in lines),
         max(f.y1 - f.y0 for f in lines), max(f.y1 for f in lines), min(f.y0 for f in lines))
        for lines in blocks if lines
    ]


def _label_against(box: Box, extents: list[_Extent], *, under: bool) -> _Label | None:
    """The one short line set right under (or over) the picture at ``box``, within its width
    (``extents``: the page's blocks, see :func:`_block_extents`): its text, its baseline (its
    top, for a line over the picture) and its block's lines."""
    x0, y0, x1, y1 = box
    near: list[tuple[float, Sequence[StyledLine]]] = []
    for lines, right, left, height, top, bottom in extents:
        if right <= x0 or left >= x1:
            continue
        gap = y0 - top if under else bottom - y1
        if -EDGE_TOLERANCE <= gap <= STYLED_CAPTION_GAP * height:
            near.append((gap, lines))
    if len(near) != 1:
        return None  # none, or two blocks against the picture: no one label of it
    _, lines = near[0]
    text = " ".join(f.text for f in lines).strip()
    tolerance = max(6.0, 0.05 * (x1 - x0))
    if (
        min(f.x0 for f in lines) < x0 - tolerance or max(f.x1 for f in lines) > x1 + tolerance
        or _line_count(lines) != 1 or running_text(text)
        or not any(ch.isalpha() for ch in text) or SOURCE_LINE.match(text)
    ):
        return None
    return text, min(f.y0 for f in lines) if under else max(f.y1 for f in lines), lines


def _line_count(lines: Sequence[TextLine]) -> int:
    """Lines of a block's pieces: pieces one above the other, not side by side."""
    count, bottom = 0, float("inf")
    for f in sorted(lines, key=lambda f: -f.y1):
        if f.y1 <= bottom + 0.5 * (f.y1 - f.y0):
            count += 1
            bottom = f.y0
        else:
            bottom = min(bottom, f.y0)
    return count

# A row of pictures named on one line: the names set as one line of text (one piece, or
# two words run together in one piece), each centred on its own picture ("source-atop
# destination-over destination-in" under three drawings, "butt round square" over three).
# The line read as a whole names no one picture; cut at the words and each word set on the
# picture it stands on, the names match the pictures one for one, and each is its picture's.


class PlacedLetter(Protocol):
    """A glyph with where it is drawn across the line."""

    @property
    def char(self) -> str: ...

    @property
    def x0(self) -> float: ...

    @property
    def x1(self) -> float: ...


class PlacedLine(TextLine, Protocol):
    """A line of a text block with its glyphs placed."""

    @property
    def glyphs(self) -> Sequence[PlacedLetter]: ...


#: A name is centred on its picture when its middle is within this share of the picture's
#: width of the picture's middle (or within :data:`NAME_CENTRE_POINTS`, for narrow ones).
NAME_CENTRE_SHARE = 0.08
NAME_CENTRE_POINTS = 3.0


def row_name_of(
    box: Box, pictures: Sequence[Box], blocks: Sequence[Sequence[PlacedLine]]
) -> tuple[str, list[PlacedLine]] | None:
    """The name of the picture at ``box`` read off one line of names set right under its
    row of pictures (else right over it): every word of the line across the row stands on
    one picture of the row, every picture has its name, and each name is centred on its
    picture. A line with a word between two pictures, a picture without its name or a name
    off its picture's middle is something else (a table's row, running text): no name is
    taken from it. Sub-figures' names labelled in turn may stand further down, under the
    drawings' lowest labels, and off their pictures' middles (:func:`_labelled_name_of`).
    Returns the name and the line's pieces (those of its blocks)."""
    row = sorted(
        [box] + [
            other for other in pictures
            if other != box and (other[2] <= box[0] or other[0] >= box[2])
            and min(box[3], other[3]) - max(box[1], other[1])
            >= ROW_OVERLAP * min(box[3] - box[1], other[3] - other[1])
        ]
    )
    if len(row) < 2 or any(a[2] > b[0] for a, b in pairwise(row)):
        return None  # one picture, or pictures overlapping: no names one for one
    left, right = row[0][0], row[-1][2]
    bottom, top = min(p[1] for p in row), max(p[3] for p in row)
    lines = [f for block in blocks for f in block if f.x1 > left and f.x0 < right]
    for under in (True, False):
        near = [
            f for f in lines
            if -EDGE_TOLERANCE <= (bottom - f.y1 if under else f.y0 - top)
            <= STYLED_CAPTION_GAP * (f.y1 - f.y0)
        ]
        if not near:
            continue
        if max(f.y0 for f in near) - min(f.y0 for f in near) > LABEL_ALIGN:
            continue  # more than one line against the row
        if not under and _under_another(near, pictures, row):
            continue  # the names under the row above: between two rows, not this one's
        names = _names_on(row, near)
        if names is not None:
            return names[row.index(box)], near
    return _labelled_name_of(box, row, lines)


#: Sub-figures' names, labelled in turn under their row ("(a) Kugelkoordinaten  (b) …"),
#: stand within this many of their line heights under the pictures: a drawing's lowest
#: labels (a sphere's pole, a plot's ticks) may be set between.
SUBFIGURE_NAME_GAP = 3.0
#: A sub-figure's label opening its name: "(a)", "a)".
SUBFIGURE_LABEL = re.compile(r"\(?([a-z])\)\s")
#: Points around a picture within which text is still set on it (its lowest labels).
ON_PICTURE = 12.0


def _labelled_name_of(
    box: Box, row: list[Box], lines: Sequence[PlacedLine]
) -> tuple[str, list[PlacedLine]] | None:
    """The name of the picture at ``box`` on a line under its ``row`` that names each picture
    in turn with a sub-figure's label, "(a)", "(b)" …, one name on each picture, with only
    text set on the pictures (their lowest labels) between the pictures and the line."""
    bottom = min(p[1] for p in row)
    height = max((f.y1 - f.y0 for f in lines), default=0.0)
    opening = [
        f for f in lines
        if -EDGE_TOLERANCE <= bottom - f.y1 <= SUBFIGURE_NAME_GAP * (f.y1 - f.y0)
        and SUBFIGURE_LABEL.match(f.text.strip() + " ")
    ]
    if len(opening) != len(row):
        return None
    baseline = min(f.y0 for f in opening)
    if max(f.y0 for f in opening) - baseline > LABEL_ALIGN:
        return None
    line = [f for f in lines if abs(f.y0 - baseline) <= LABEL_ALIGN]
    over = [f for f in lines if f.y0 > baseline + LABEL_ALIGN and f.y1 < bottom + height]
    if any(not _set_on_pictures(f, row) for f in over):
        return None  # text of the page between the pictures and the names
    names = []
    for picture in row:
        mine = sorted((f for f in line if picture[0] <= (f.x0 + f.x1) / 2 <= picture[2]),
                      key=lambda f: f.x0)
        text = " ".join(f.text.strip() for f in mine)
        tolerance = max(6.0, 0.05 * (picture[2] - picture[0]))
        if (
            not mine or min(f.x0 for f in mine) < picture[0] - tolerance
            or max(f.x1 for f in mine) > picture[2] + tolerance or running_text(text)
        ):
            return None
        names.append(text)
    if not _labelled_in_turn(names) or any(
        not any(p[0] <= (f.x0 + f.x1) / 2 <= p[2] for p in row) for f in line
    ):
        return None  # labels out of turn, or a word of the line under no picture
    return names[row.index(box)], line


def _labelled_in_turn(names: list[str]) -> bool:
    """Each name opens with a sub-figure's label, the letters in turn: (a), (b), (c)…"""
    letters = []
    for name in names:
        label = SUBFIGURE_LABEL.match(name + " ")
        if label is None:
            return False
        letters.append(ord(label.group(1)))
    return letters == list(range(letters[0], letters[0] + len(letters)))


def _set_on_pictures(f: TextLine, row: list[Box]) -> bool:
    x, y = (f.x0 + f.x1) / 2, (f.y0 + f.y1) / 2
    return any(
        p[0] - ON_PICTURE <= x <= p[2] + ON_PICTURE and p[1] - ON_PICTURE <= y <= p[3] + ON_PICTURE
        for p in row
    )


def _under_another(near: Sequence[TextLine], pictures: Sequence[Box], row: list[Box]) -> bool:
    """The line ``near`` is set right under a picture not of the ``row``."""
    top = max(f.y1 for f in near)
    height = max(f.y1 - f.y0 for f in near)
    return any(
        p not in row and -EDGE_TOLERANCE <= p[1] - top <= STYLED_CAPTION_GAP * height
        and any(f.x1 > p[0] and f.x0 < p[2] for f in near)
        for p in pictures
    )


def _names_on(row: list[Box], line: Sequence[PlacedLine]) -> list[str] | None:
    """Each picture's name in ``row`` (left to right), from the words of ``line``: None unless
    every word stands on a picture, every picture has words, and each picture's words are
    centred on it and a short name (no running text, no source line)."""
    placed: list[list[tuple[str, float, float]]] = [[] for _ in row]
    for piece in line:
        for word, x0, x1 in _placed_words(piece):
            middle = (x0 + x1) / 2
            on = [k for k, p in enumerate(row) if p[0] <= middle <= p[2]]
            if not on:
                return None  # a word between the pictures: not a row of names
            placed[on[0]].append((word, x0, x1))
    names: list[str] = []
    for picture, words in zip(row, placed, strict=True):
        if not words:
            return None
        words.sort(key=lambda w: w[1])
        x0, x1 = words[0][1], max(w[2] for w in words)
        width = picture[2] - picture[0]
        text = " ".join(w[0] for w in words)
        if (
            abs((x0 + x1) / 2 - (picture[0] + picture[2]) / 2)
            > max(NAME_CENTRE_POINTS, NAME_CENTRE_SHARE * width)
            or running_text(text) or not any(ch.isalpha() for ch in text)
            or SOURCE_LINE.match(text)
        ):
            return None
        names.append(text)
    return names


def _placed_words(piece: PlacedLine) -> list[tuple[str, float, float]]:
    """The words of a line's piece, each with its left and right end, from the piece's glyphs
    (a typesetter that moves the pen rather than draw a space leaves no space glyph between
    words: the glyphs are counted off word by word). Glyphs that do not spell the text (a
    ligature, a made-up space) leave the piece one word, set where the piece is."""
    words = piece.text.split()
    glyphs = [g for g in piece.glyphs if not g.char.isspace()]
    if "".join(g.char for g in glyphs) != "".join(words):
        return [(" ".join(words), piece.x0, piece.x1)] if words else []
    out: list[tuple[str, float, float]] = []
    at = 0
    for word in words:
        mine = glyphs[at:at + len(word)]
        at += len(word)
        out.append((word, min(g.x0 for g in mine), max(g.x1 for g in mine)))
    return out


# --- text frames: tables and boxes drawn with shapes ------------------------------------------

#: A piece of text of at least this many words is running text (a sentence), not a label.
RUNNING_WORDS = 6
#: In scripts written without spaces between words (Chinese, Japanese, Thai…) about this many
#: characters make a word (a Chinese word averages under two characters: counted so, a line
#: reads as fewer words than it holds, the cautious side for a picture's labels).
CHARS_PER_WORD = 2
#: A drawing whose grid cells hold text over this share of their area is a table drawn with
#: shapes, or a text box: its inside is text. A chart's grid is mostly plot, without text.
TEXT_GRID_SHARE = 0.6
#: … when its text is more than a few labels: the text's own boxes cover this share of it. (A
#: diagram's few letters, lying in the large cells its lines cut, cover a few hundredths.)
TEXT_DENSITY = 0.05
#: A cell is filled with text when its lines of text cover this share of its height.
CELL_FILL = 1 / 3
#: Shapes at most this thick are rules (a table's lines, a chart's axes and gridlines).
RULE_WIDTH = 2.5
#: Edges closer than this are one edge of the grid (a rule's two sides, a box's stroke).
EDGE_TOLERANCE = 2.0

#: Code point ranges of the scripts written without spaces between words: CJK ideographs and
#: their extensions, kana, Thai, Lao, Myanmar, Khmer. (Hangul is written with spaces.)
_SPACELESS = (
    (0x0E00, 0x0EFF), (0x1000, 0x109F), (0x1780, 0x17FF), (0x3040, 0x30FF),
    (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3134F),
)

Box = tuple[float, float, float, float]


#: A character of :data:`_SPACELESS` (one search per token, not a test per character).
_SPACELESS_CHAR = re.compile(
    "[" + "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in _SPACELESS) + "]"
)


def word_count(text: str) -> float:
    """Words in ``text``: its space-separated tokens, a token of a script written without
    spaces counted by its characters.

    >>> word_count("Net profit of the year"), word_count("归属于上市公司股东的净利润")
    (5, 6.5)
    """
    total: float = 0
    for token in text.split():
        # (An ASCII token holds none: one word.)
        spaceless = 0 if token.isascii() else len(_SPACELESS_CHAR.findall(token))
        total += max(1, spaceless / CHARS_PER_WORD)
    return total


#: A value on a chart's scale: a number, with its sign, separators, currency or percent sign
#: ("2.60", "-5", "$1,200", "45%", "2010") — or a single letter (a month's initial).
_SCALE_VALUE = re.compile(r"^[-+\u2212]?[$\u20ac\u00a3\u00a5]?[\d.,]*\d[\d.,]*%?$|^\w$")


def scale_label(text: str) -> bool:
    """Text of a chart's scale: values along an axis ("0 10 20 30", "J F M A M J"), which
    read in a row say nothing without the picture they measure. A title, an axis's name or a
    legend ("Iowa Ethanol", "$/gal", "5 Yr Avg") has words, and names what it shows.

    >>> scale_label("2.60 2.40 2.20"), scale_label("J F M A M J J A S O N D")
    (True, True)
    >>> scale_label("2017 2016 5 Yr Avg"), scale_label("$/gal"), scale_label("")
    (False, False, False)
    """
    tokens = text.split()
    return bool(tokens) and all(_SCALE_VALUE.match(token) for token in tokens)


#: A chart's scale marks this many values at least (fewer numbers beside a drawing say
#: something of their own).
SCALE_MIN_VALUES = 3
#: Values of a scale are set this many of their own heights off the plot at most.
SCALE_REACH = 1.5


def with_scales(box: Box, texts: Sequence[tuple[Box, str]]) -> Box:
    """``box`` (a chart's drawing) grown over the values of its scales set just outside it:
    a column of numbers against its left or right edge (the y-axis's ticks), a row of them
    under or over it (the x-axis's), each lined up with :data:`SCALE_MIN_VALUES` at least,
    within :data:`SCALE_REACH` of their height of the edge. They are the chart's, read with
    it (or set aside with it), not a column of numbers beside the picture. Words, and values
    that line up with nothing, are left where they are.

    >>> ticks = [((80, y, 86, y + 6), str(y)) for y in (100, 150, 200)]
    >>> with_scales((90, 95, 300, 210), ticks)
    (80, 95, 300, 210)
    >>> with_scales((90, 95, 300, 210), ticks[:2] + [((80, 200, 86, 206), "Sales")])
    (90, 95, 300, 210)
    """
    x0, y0, x1, y1 = box
    sides: dict[str, list[tuple[Box, int]]] = {"left": [], "right": [], "below": [],
                                               "above": []}
    for (a, b, c, d), text in texts:
        if not scale_label(text) or (x0 <= a and c <= x1 and y0 <= b and d <= y1):
            continue  # words, or on the drawing already
        h = max(d - b, 1.0)
        reach = SCALE_REACH * h
        along_y = y0 - h <= (b + d) / 2 <= y1 + h
        along_x = x0 - h <= (a + c) / 2 <= x1 + h
        value = ((a, b, c, d), len(text.split()))  # (a row of values may be one piece)
        # (Reaching past the edge: a value may touch the axis or overlap it a little.)
        if along_y and a < x0 and x0 - c <= reach:
            sides["left"].append(value)
        elif along_y and c > x1 and a - x1 <= reach:
            sides["right"].append(value)
        elif along_x and b < y0 and y0 - d <= reach:
            sides["below"].append(value)
        elif along_x and d > y1 and b - y1 <= reach:
            sides["above"].append(value)
    for side, values in sides.items():
        # A column's values end (or start) at one x; a row's stand on one baseline.
        edge = {"left": 2, "right": 0, "below": 1, "above": 1}[side]
        for lined in _lined_up(values, edge):
            x0, y0 = min(x0, *(v[0] for v in lined)), min(y0, *(v[1] for v in lined))
            x1, y1 = max(x1, *(v[2] for v in lined)), max(y1, *(v[3] for v in lined))
    return x0, y0, x1, y1


def scale_on(box: Box, blocks: Sequence[Sequence[TextLine]]) -> bool:
    """Whether the picture at ``box`` carries a chart's scale: values (see :func:`scale_label`)
    set on it as text, :data:`SCALE_MIN_VALUES` at least lined up in a row (on one baseline)
    or a column (ending at one x). A chart exported as a picture with its labels laid over it
    as text is a chart, whatever paints its plot; a photograph or a banner carries no scale.

    >>> class L:
    ...     def __init__(self, text, x0, y0, x1, y1):
    ...         self.text, self.x0, self.y0, self.x1, self.y1 = text, x0, y0, x1, y1
    >>> ticks = [[L(f"{v}%", 10 + 40 * v, 5, 25 + 40 * v, 12)] for v in range(4)]
    >>> scale_on((0, 0, 200, 100), ticks), scale_on((0, 0, 200, 100), ticks[:2])
    (True, False)
    """
    x0, y0, x1, y1 = box
    values: list[tuple[Box, int]] = []
    for lines in blocks:
        if not lines:
            continue
        a, b = min(f.x0 for f in lines), min(f.y0 for f in lines)
        c, d = max(f.x1 for f in lines), max(f.y1 for f in lines)
        text = " ".join(f.text for f in lines)
        if x0 <= (a + c) / 2 <= x1 and y0 <= (b + d) / 2 <= y1 and scale_label(text):
            values.append(((a, b, c, d), len(text.split())))
    return bool(_lined_up(values, 1) or _lined_up(values, 2))


def _lined_up(values: list[tuple[Box, int]], edge: int) -> list[list[Box]]:
    """The groups of boxes whose coordinate ``edge`` agrees (within half the smallest box's
    height) holding :data:`SCALE_MIN_VALUES` values at least (``values``: each box with how
    many it holds)."""
    out: list[list[Box]] = []
    group: list[tuple[Box, int]] = []

    def close() -> None:
        if sum(count for _, count in group) >= SCALE_MIN_VALUES:
            out.append([v for v, _ in group])

    for v, count in sorted(values, key=lambda item: item[0][edge]):
        if group:
            least = min(v[3] - v[1], *(g[3] - g[1] for g, _ in group))
            if v[edge] - group[-1][0][edge] > max(0.5 * least, 0.5):
                close()
                group = []
        group.append((v, count))
    close()
    return out


def running_text(text: str) -> bool:
    """A sentence or more, not a picture's label (a drawing holding it is a text box)."""
    # Split no further than the tokens needed: with at most RUNNING_WORDS - 1 splits there
    # are RUNNING_WORDS pieces exactly when the text has that many tokens or more (the last
    # piece is the rest, non-empty only if a token is left); asked of every line.
    tokens = text.split(maxsplit=RUNNING_WORDS - 1)
    if len(tokens) >= RUNNING_WORDS:
        return True  # (every token is a word at least: asked of every line, the quick answer)
    return not text.isascii() and word_count(text) >= RUNNING_WORDS


def frames_running_text(shape: Box, running: Sequence[Box]) -> bool:
    """A shape (not a rule) wholly around a piece of running text: a box set around a caption
    or a paragraph. Such a box is not part of a drawing beside it (a chart and, under it, its
    caption in a tinted box), nor is a picture's white ground holding its caption: the
    drawing is the rest of the shapes.

    >>> frames_running_text((0, 0, 300, 60), [(10, 10, 290, 22)])
    True
    >>> frames_running_text((0, 0, 300, 1), [(10, 10, 290, 22)])
    False
    """
    x0, y0, x1, y1 = shape
    if x1 - x0 <= RULE_WIDTH or y1 - y0 <= RULE_WIDTH:
        return False
    return any(
        x0 - EDGE_TOLERANCE <= a and b <= x1 + EDGE_TOLERANCE
        and y0 - EDGE_TOLERANCE <= c and d <= y1 + EDGE_TOLERANCE
        for a, c, b, d in running
    )


#: A drawing this share of which pictures cover is the ground they are set on.
GROUND_OF_PICTURES = 0.5


def ground_of_pictures(box: Box, images: Sequence[Box]) -> bool:
    """Shapes mostly covered by images: the panel or frames photographs are set on, no
    drawing of its own (the photographs are the figures).

    >>> ground_of_pictures((0, 0, 100, 50), [(5, 5, 45, 45), (55, 5, 95, 45)])
    True
    >>> ground_of_pictures((0, 0, 100, 50), [(5, 5, 25, 25)])
    False
    """
    x0, y0, x1, y1 = box
    area = (x1 - x0) * (y1 - y0)
    covered = sum(
        max(0.0, min(x1, b[2]) - max(x0, b[0])) * max(0.0, min(y1, b[3]) - max(y0, b[1]))
        for b in images
    )
    return area > 0 and covered >= GROUND_OF_PICTURES * area


def text_frame(box: Box, shapes: Sequence[Box], texts: Sequence[tuple[Box, str]]) -> bool:
    """A drawing whose inside is text, not a picture: it holds running text (a sentence, in
    any script), or its shapes draw a grid filled with text — a table drawn with shapes, a box
    around a paragraph or a form's answer. A chart's labels are short words scattered around
    a plot that holds none. Running text on an illustration drawn with many pieces (arm
    exercises drawn each beside its instructions, a diagram's boxes of notes) leaves it a
    picture with words on it: see :func:`illustration`."""
    area = (box[2] - box[0]) * (box[3] - box[1])
    boxes = [b for b, _ in texts]
    if any(running_text(text) for _, text in texts):
        return not illustration(box, shapes, boxes)
    if ruled_cell_of_text(box, shapes, texts):
        return True
    covered = sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in boxes)
    return area > 0 and covered >= TEXT_DENSITY * area and (
        framed_only(box, shapes) or text_grid_share(box, shapes, boxes) >= TEXT_GRID_SHARE)


def ruled_cell_of_text(
    box: Box, shapes: Sequence[Box], texts: Sequence[tuple[Box, str]]
) -> bool:
    """Whether ``shapes`` are rules alone, closed as a frame's or a table's are (each ends on
    another or runs the drawing's whole width or height, see :func:`empty_frame`), and the
    text on them is a table's: a cell they draw holds running text, its lines read together
    (a paragraph wrapped in a table's narrow column, no line of which is a sentence alone:
    the last row of a table run on from the page before, its first cell empty), or every
    piece of text lies in a cell the rules close round it, which its lines fill (a table's
    row of short words, a separating rule under it). A chart's axes and ticks end in the
    open and its data are drawn with other shapes (bars, curves); a diagram's boxes are
    shapes and its arrows have heads; a plan's rooms are much taller than their names.

    >>> frame = [(0, 0, 300, 1), (0, 99, 300, 100), (0, 0, 1, 100), (299, 0, 300, 100),
    ...          (150, 0, 151, 100)]
    >>> lines = [((160, 80 - 12 * k, 290, 90 - 12 * k), "wrapped in a narrow cell")
    ...          for k in range(2)]
    >>> ruled_cell_of_text((0, 0, 300, 100), frame, lines)
    True
    >>> ruled_cell_of_text((0, 0, 300, 100), frame, lines[:1])
    False
    >>> row = [(0, 20, 300, 21), (0, 0, 300, 1), (0, 0, 1, 21), (150, 0, 151, 21),
    ...        (299, 0, 300, 21)]
    >>> words = [((5, 5, 60, 15), "Returns:"), ((155, 5, 290, 15), "the node.")]
    >>> ruled_cell_of_text((0, 0, 300, 21), row, words)
    True
    >>> ruled_cell_of_text((0, 0, 300, 21), row, words[:1])
    False
    """
    if not texts or not shapes or any(
        x1 - x0 > RULE_WIDTH and y1 - y0 > RULE_WIDTH for x0, y0, x1, y1 in shapes
    ):
        return False
    if not empty_frame(shapes, box):
        return False
    xs, ys = _grid_edges(box, shapes)
    columns, rows = _edges(xs), _edges(ys)
    cells: dict[tuple[int, int], list[str]] = {}
    for (x0, y0, x1, y1), text in texts:
        # (A line lies in the cell of its middle; lines of one cell are read together.)
        column = bisect.bisect_right(columns, (x0 + x1) / 2)
        row = bisect.bisect_right(rows, (y0 + y1) / 2)
        cells.setdefault((column, row), []).append(text)
    if any(running_text(" ".join(words)) for words in cells.values()):
        return True
    return _filled_closed_cells(shapes, [b for b, _ in texts], columns, rows)


#: Cells of a grid of rules looked at, at most, for those its rules close (bounded work: a
#: grid finer than this is left to :func:`text_grid_share`).
MAX_GRID_CELLS = 2500


def _filled_closed_cells(
    shapes: Sequence[Box], texts: Sequence[Box], columns: list[float], rows: list[float]
) -> bool:
    """Whether each of ``texts`` lies in a cell the rules ``shapes`` close round it (the
    nearest rule on each of its four sides running past its middle), and the cells the
    rules close are mostly filled with text (:data:`TEXT_GRID_SHARE` of their area, a cell
    filled when its lines cover :data:`CELL_FILL` of its height): a table's cells. A
    chart's gridlines close many cells, few of them holding a label; the room a frame's
    rule leaves outside the cells is no cell. ``columns``, ``rows``: the edges the shapes
    draw (:func:`_grid_edges`), each once."""
    level = _joined_lines([(y0, y1, x0, x1) for x0, y0, x1, y1 in shapes if x1 - x0 > y1 - y0])
    upright = _joined_lines([(x0, x1, y0, y1) for x0, y0, x1, y1 in shapes if y1 - y0 >= x1 - x0])

    def closed(x0: float, y0: float, x1: float, y1: float) -> Box | None:
        """The cell the rules close round the box (x0, y0, x1, y1), if they do."""
        mx, my = (x0 + x1) / 2, (y0 + y1) / 2
        across = [(a + b) / 2 for a, b, start, end in upright
                  if start - EDGE_TOLERANCE <= my <= end + EDGE_TOLERANCE]
        along = [(a + b) / 2 for a, b, start, end in level
                 if start - EDGE_TOLERANCE <= mx <= end + EDGE_TOLERANCE]
        left = [x for x in across if x <= x0 + EDGE_TOLERANCE]
        right = [x for x in across if x >= x1 - EDGE_TOLERANCE]
        under = [y for y in along if y <= y0 + EDGE_TOLERANCE]
        over = [y for y in along if y >= y1 - EDGE_TOLERANCE]
        if not (left and right and under and over):
            return None
        return max(left), max(under), min(right), min(over)

    spans: dict[Box, list[tuple[float, float]]] = {}
    for x0, y0, x1, y1 in texts:
        cell = closed(x0, y0, x1, y1)
        if cell is None:
            return False  # text the rules do not close round: a label, not a cell's
        spans.setdefault(cell, []).append((y0, y1))
    if (len(columns) - 1) * (len(rows) - 1) > MAX_GRID_CELLS:
        return False
    cells = {
        cell for (a, c), (b, d) in
        ((pair_x, pair_y) for pair_x in pairwise(columns) for pair_y in pairwise(rows))
        if (cell := closed((a + c) / 2, (b + d) / 2, (a + c) / 2, (b + d) / 2)) is not None
    }
    cells.update(spans)
    total = sum((x1 - x0) * (y1 - y0) for x0, y0, x1, y1 in cells)
    filled = sum(
        (x1 - x0) * (y1 - y0) for (x0, y0, x1, y1), covered in spans.items()
        if _union(covered) >= CELL_FILL * (y1 - y0)
    )
    return total > 0 and filled >= TEXT_GRID_SHARE * total


def _grid_edges(box: Box, shapes: Sequence[Box]) -> tuple[list[float], list[float]]:
    """The x and the y of the edges a drawing's ``shapes`` draw in its ``box``: a rule's line
    and its ends, another shape's sides (see :func:`text_grid_share`)."""
    xs: list[float] = [box[0], box[2]]
    ys: list[float] = [box[1], box[3]]
    for x0, y0, x1, y1 in shapes:
        if y1 - y0 <= RULE_WIDTH:  # a horizontal rule: its line and its ends
            ys.append((y0 + y1) / 2)
            xs.extend((x0, x1))
        elif x1 - x0 <= RULE_WIDTH:
            xs.append((x0 + x1) / 2)
            ys.extend((y0, y1))
        else:
            xs.extend((x0, x1))
            ys.extend((y0, y1))
    return xs, ys


def framed_only(box: Box, shapes: Sequence[Box]) -> bool:
    """Whether ``shapes`` only draw the outline of ``box``: rules along its four edges, or
    one shape as large as the box (a stroked or shaded rectangle). Text inside such a frame
    is all it holds (a listing's box, however much room its one line leaves): nothing of a
    picture. A table's or a diagram's inner rules and boxes are no outline.

    >>> framed_only((0, 0, 300, 40), [(0, 0, 300, 1), (0, 39, 300, 40), (0, 0, 1, 40),
    ...                               (299, 0, 300, 40)])
    True
    >>> framed_only((0, 0, 300, 40), [(0, 0, 300, 40), (150, 0, 151, 40)])
    False
    """
    near = EDGE_TOLERANCE + RULE_WIDTH
    left, bottom, right, top = box
    for x0, y0, x1, y1 in shapes:
        whole = (abs(x0 - left) <= near and abs(y0 - bottom) <= near
                 and abs(x1 - right) <= near and abs(y1 - top) <= near)
        level = y1 - y0 <= RULE_WIDTH and (abs(y0 - bottom) <= near or abs(y1 - top) <= near)
        upright = x1 - x0 <= RULE_WIDTH and (abs(x0 - left) <= near or abs(x1 - right) <= near)
        if not (whole or level or upright):
            return False
    return bool(shapes)


#: An illustration is drawn with at least this many pieces (shapes that are not rules, each a
#: small part of the drawing: a figure's outline, a fold, a shadow) …
ILLUSTRATION_PIECES = 40
#: … each under this share of the drawing's area …
PIECE_SHARE = 0.05
#: … and the text on it fills under this share of the cells they cut (a third of a text
#: frame's: a timetable's slots, some empty, leave more than a fifth of its cells filled).
ILLUSTRATION_GRID = TEXT_GRID_SHARE / 3


def illustration(box: Box, shapes: Sequence[Box], texts: Sequence[Box]) -> bool:
    """A drawing made of many small pieces, with its text in few of the cells they cut: a
    picture with words on it, however long (instructions beside each drawing of a poster),
    not a box around text. A text box is drawn with a frame and a few rules, a form with
    rules whose cells its text fills; a page's border drawn in many segments draws rules; a
    timetable's many slots each hold their text.

    >>> pieces = [(x, y, x + 8, y + 8) for x in range(0, 200, 20) for y in range(0, 100, 20)]
    >>> illustration((0, 0, 200, 120), pieces, [(0, 105, 200, 115)])
    True
    >>> illustration((0, 0, 200, 120), pieces[:10], [(0, 105, 200, 115)])
    False
    """
    area = (box[2] - box[0]) * (box[3] - box[1])
    middles = [((a + c) / 2, (b + d) / 2) for a, b, c, d in texts]
    pieces = (
        1 for x0, y0, x1, y1 in shapes
        if x1 - x0 > RULE_WIDTH and y1 - y0 > RULE_WIDTH
        and (x1 - x0) * (y1 - y0) < PIECE_SHARE * area
        # A shape holding text is a box of it (a timetable's slot, a diagram's note), no
        # piece of a drawing: an illustration's words lie beside its pieces.
        and not any(x0 <= x <= x1 and y0 <= y <= y1 for x, y in middles)
    )
    # Only whether there are enough pieces matters, so counting stops at that many (a
    # drawing of thousands of shapes, each tested against every text, was dear); the count
    # reaches the limit exactly when the full count would.
    enough = sum(islice(pieces, ILLUSTRATION_PIECES)) >= ILLUSTRATION_PIECES
    return enough and text_grid_share(box, shapes, texts) < ILLUSTRATION_GRID


def text_grid_share(box: Box, shapes: Sequence[Box], texts: Sequence[Box]) -> float:
    """How much of the grid a drawing's shapes draw is filled with text: the edges of its rules
    and boxes cut its box into cells; the share (by area) of the cells that text lies on. A
    table drawn with shapes, or a box around a paragraph, is filled; a chart's gridlines, bars
    and wedges cut its plot into cells without text, its labels lie around it, and the many
    shapes of an illustration cut it into cells too small for a label to fill much. 0 when no
    text lies on it.

    >>> grid = [(0, 0, 300, 1), (0, 20, 300, 21), (0, 40, 300, 41), (0, 0, 1, 41),
    ...         (150, 0, 151, 41), (299, 0, 300, 41)]
    >>> cells = [(5, 5, 30, 15), (155, 5, 180, 15), (5, 25, 30, 35), (155, 25, 180, 35)]
    >>> text_grid_share((0, 0, 300, 41), grid, cells)
    1.0
    >>> round(text_grid_share((0, 0, 300, 41), grid, cells[:1]), 2)
    0.25
    """
    if not texts:
        return 0.0
    xs, ys = _grid_edges(box, shapes)
    columns, rows = _edges(xs), _edges(ys)
    total = (columns[-1] - columns[0]) * (rows[-1] - rows[0])
    if total <= 0:
        return 0.0
    # Per cell, the heights its text covers: a table's cell is about as tall as its lines of
    # text, a diagram's region much taller than the letter naming it.
    spans: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for x0, y0, x1, y1 in texts:
        # The cells the text lies on (a glyph's box may touch the rule beside it: not that far).
        c0 = max(bisect.bisect_right(columns, x0 + EDGE_TOLERANCE) - 1, 0)
        c1 = min(bisect.bisect_left(columns, x1 - EDGE_TOLERANCE), len(columns) - 1)
        r0 = max(bisect.bisect_right(rows, y0 + EDGE_TOLERANCE) - 1, 0)
        r1 = min(bisect.bisect_left(rows, y1 - EDGE_TOLERANCE), len(rows) - 1)
        for r in range(r0, r1):
            span = (max(y0, rows[r]), min(y1, rows[r + 1]))
            for c in range(c0, c1):
                spans.setdefault((c, r), []).append(span)
    area = sum(
        (columns[c + 1] - columns[c]) * (rows[r + 1] - rows[r])
        for (c, r), covered in spans.items()
        if _union(covered) >= CELL_FILL * (rows[r + 1] - rows[r])
    )
    return area / total


def _union(spans: list[tuple[float, float]]) -> float:
    """The length of the union of intervals."""
    total, end = 0.0, float("-inf")
    for lo, hi in sorted(spans):
        if hi > end:
            total += hi - max(lo, end)
            end = hi
    return total


def _edges(values: list[float]) -> list[float]:
    """Distinct positions, those closer than :data:`EDGE_TOLERANCE` counted once."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > EDGE_TOLERANCE:
            out.append(v)
    return out
