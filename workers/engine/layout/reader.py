"""The layout reader: a Document from what the pages draw, for PDFs without usable tags.

Steps, page by page (one page in memory at a time), then once over the whole document:

1. :mod:`.glyphs` — glyphs (pdfium), images and rules, with their page objects; :mod:`.operators`
   maps page objects to content-stream operators for provenance.
2. :mod:`.lines` — fragments (runs with no wide gap) and lines.
3. Tables — runs of lines split into several fragments whose fragments line up in columns and
   do not fill them (text columns fill theirs, table cells rarely do).
4. Blocks — the remaining fragments grouped top to bottom while they overlap horizontally, sit
   close (less than a line apart) and share a font size; a list marker always starts a block.
5. Reading order — recursive XY-cut: a region is split at the widest empty horizontal or
   vertical band; a vertical split (columns) wins unless the blocks either side sit on the same
   rows (a form or table, read row by row) — but not units repeated across (authors' names
   over their affiliations), which are columns. An unnumbered notes box under a rule at the
   foot of a column (a paper's permission notice) is read after the page. Pages follow one
   another, except in a folded leaflet (two landscape sides of three panels), read front
   cover first and back panels last.
6. Document-wide classification — the body font size is the most used one; running headers
   and footers are text repeated in the page margins on many pages (digits ignored, so page
   numbers match), and line numbers in the margin are artifacts too; headings are short
   blocks in a larger or bold face, levelled by face (or by the outline when the PDF has
   bookmarks); list items start with a bullet or a number; figures
   are images of some size, captions the nearby text starting "Figure", "Table"…

Nothing is tuned to particular files; every threshold is relative to font size or page size.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
import statistics
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pikepdf
import pypdfium2 as pdfium

from ..document import (
    Artifact,
    ArtifactKind,
    BBox,
    Cell,
    Document,
    Figure,
    Heading,
    Link,
    ListBlock,
    ListItem,
    Note,
    Page,
    Paragraph,
    Prov,
    Row,
    Table,
    Warning,
)
from .figures import (
    BACKGROUND_AREA,
    FIGURE_MIN_AREA,
    Candidate,
    caption_of,
    judge,
    place,
    styled_caption_of,
    text_frame,
)
from .gcpause import collect_young, paused_gc
from .glyphs import ImageFacts, PageContent, Rect, read_page
from .lines import FRAGMENT_GAP, Fragment, Line, fragments, lines, text_of
from .list_labels import label_provs
from .operators import OperatorMap, map_operators
from .rotation import Frame, box_to_display, frame_of, to_display_space, to_user_space
from .spread import spread_below

#: Lines further apart than this many line heights do not belong to one block.
BLOCK_GAP = 0.9
#: Margin bands (fraction of page height) where running headers and footers live.
MARGIN_BAND = 0.12

_BULLET = re.compile(
    r"^(?:([•●▪■□◦‣⁃∙○◆◇◊➢➤►▶▸▹▷✓✔✗✘☐☑☒█▬▫◘◙⦿⦾]|[\u2190-\u21ff\u25a0-\u25ff\u2700-\u27bf])\s*"
    # (A line of dashes, "- - - - x", is a rule drawn in text, not an item.)
    r"|([-–—*·])\s+(?![-–—*·](?:\s|$)))(?=\S)"
)
#: "1.", "a)", "(iv)", and "[12]" (a numbered reference list).
_NUMBER = re.compile(
    r"^(\(?(?:\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,5})[.)]|\[\d{1,3}\])\s+(?=\S)"
)
_PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|seite|página|pagina)\s*)?[-–(\[]?\s*(\d{1,4}|[ivxlcdm]{1,6})\s*[-–)\]]?"
    r"(?:\s*(?:/|of|de|sur|von)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_LEADER = re.compile(r"(\.\s?){4,}|…{2,}|_{4,}")
_MONTH = (
    r"(?:jan(?:uary|vier)?|feb(?:ruary)?|f[ée]v(?:rier)?|m[aä]r(?:ch|s|z)?|apr(?:il)?|avr(?:il)?"
    r"|ma[iy]|jui?n[e]?|jui?l(?:y|let)?|aug(?:ust)?|ao[uû]t|sept?(?:ember|embre)?"
    r"|o[ck]t(?:ober|obre)?|nov(?:ember|embre)?|d[ée][cz](?:ember|embre)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?"
#: A line that is only a date ("2025-06-18", "Fri, Feb 24, 2017", "23 February 2024"): the
#: date of a title page or a letter, never a heading however large it is set.
_DATE_ONLY = re.compile(
    rf"^(?:{_WEEKDAY}\s*)?(?:\d{{1,4}}[-/.]\d{{1,2}}[-/.]\d{{1,4}}"
    rf"|(?:\d{{1,2}}(?:st|nd|rd|th|er)?\.?\s+)?{_MONTH}\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?\d{{4}})$",
    re.IGNORECASE,
)


@dataclass
class _Block:
    """A block during analysis: fragments on one page, in reading order."""

    page: int
    frags: list[Fragment] = field(default_factory=list)
    kind: str = "text"  # text | table | figure
    table: list[list[Fragment | None]] | None = None
    #: For a table: the lines it was built from (to rebuild it when a continuation is found).
    lines: list[Line] = field(default_factory=list)
    image: Rect | None = None
    #: How to read a hyphen at the end of a line; set for the whole document before
    #: classification (see :class:`_Hyphenation`).
    hyphenation: _Hyphenation | None = None
    #: Page objects a figure is drawn with (every shape of a vector drawing).
    objects: list[int] = field(default_factory=list)
    #: For a figure: what :mod:`.figures` needs to tell a picture from decoration.
    candidate: Candidate | None = None
    #: Set when the page layout alone shows the block is no content (a line number).
    artifact: ArtifactKind | None = None
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0

    def add(self, f: Fragment) -> None:
        if not self.frags and self.image is None:
            self.x0, self.y0, self.x1, self.y1 = f.x0, f.y0, f.x1, f.y1
        else:
            self.x0, self.y0 = min(self.x0, f.x0), min(self.y0, f.y0)
            self.x1, self.y1 = max(self.x1, f.x1), max(self.y1, f.y1)
        self.frags.append(f)

    @property
    def text(self) -> str:
        out = ""
        for f in self.frags:
            if out.endswith("\u00ad"):
                out = out[:-1] + f.text
            elif (
                out.endswith("-")
                and len(out) > 1
                and out[-2].isalpha()
                and f.text[:1].islower()
                and (self.hyphenation is None or self.hyphenation.joins(out, f.text))
            ):
                out = out[:-1] + f.text  # a word broken across lines
            elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and f.text[:1].isalpha():
                out += f.text  # a compound broken at its own hyphen ("well-" "known")
            else:
                out = f"{out} {f.text}" if out else f.text
        return out

    @property
    def size(self) -> float:
        sizes = [g.size for f in self.frags for g in f.glyphs]
        return statistics.median(sizes) if sizes else 0.0

    @property
    def bold(self) -> bool:
        letters = [g for f in self.frags for g in f.glyphs if g.char.isalnum()]
        return bool(letters) and sum(g.bold for g in letters) > 0.8 * len(letters)

    @property
    def bbox(self) -> BBox:
        return BBox(self.x0, self.y0, self.x1, self.y1)


_WORD = re.compile(r"\w+(?:-\w+)*")
_HEAD = re.compile(r"(\w+)-$")
_TAIL = re.compile(r"\w+")


class _Hyphenation:
    """Document-wide evidence on a hyphen at the end of a line: a word broken by the typesetter
    ("docu-" "ment" is "document") or a compound broken at its own hyphen ("well-" "known").

    pdfium marks both kinds alike (U+FFFE), so the text itself decides: the compound written
    with its hyphen inside a line keeps it; the word written whole inside a line is joined.
    Breaks with no such evidence follow the document's habit: joined if the evidence shows a
    typesetter that hyphenates words (TeX, InDesign), kept otherwise (word processors and
    browsers break lines only at hyphens that are there), which never loses a character.
    """

    def __init__(self, blocks: list[_Block]) -> None:
        self.words: set[str] = set()
        breaks: list[tuple[str, str]] = []
        for block in blocks:
            for a, b in zip(block.frags, block.frags[1:], strict=False):
                if (head := _HEAD.search(a.text)) and (tail := _TAIL.match(b.text)):
                    breaks.append((head.group(1).lower(), tail.group(0).lower()))
            for f in block.frags:
                self.words.update(w.lower() for w in _WORD.findall(f.text))
        votes = [self._evidence(head, tail) for head, tail in breaks]
        self.join_default = votes.count(True) > votes.count(False)

    def _evidence(self, head: str, tail: str) -> bool | None:
        if f"{head}-{tail}" in self.words:
            return False
        if head + tail in self.words:
            return True
        return None

    def joins(self, before: str, after: str) -> bool:
        """Whether ``before`` (ending in "-") and the next line ``after`` make one word."""
        head, tail = _HEAD.search(before), _TAIL.match(after)
        if head is None or tail is None:
            return self.join_default
        found = self._evidence(head.group(1).lower(), tail.group(0).lower())
        return self.join_default if found is None else found


@dataclass
class _PageResult:
    #: The page as shown, like its blocks (:mod:`.rotation`).
    page: Page
    blocks: list[_Block]
    opmap: OperatorMap
    mcids: list[int]
    frame: Frame
    #: The page in user space, as the model keeps it.
    user_page: Page


def read_layout(path: Path, *, max_pages: int, pdf: pikepdf.Pdf | None = None) -> Document:
    """Analyse the PDF at ``path`` from its drawing alone. ``pdf``: the same file, already open."""
    with paused_gc():
        return _read_layout(path, max_pages=max_pages, pdf=pdf)


def _read_layout(path: Path, *, max_pages: int, pdf: pikepdf.Pdf | None) -> Document:
    doc = Document(reader="layout")
    own = pdf is None
    pk = pikepdf.open(path) if pdf is None else pdf
    try:
        fitz = pdfium.PdfDocument(str(path))
        try:
            results = [
                _read_page(fitz, pk, index, doc)
                for index in range(min(len(fitz), len(pk.pages), max_pages))
            ]
        finally:
            fitz.close()
        outline = _outline(pk)
        links = _links(pk, len(results))
        fields = _form_fields(pk, len(results))
        doc.language = _language(pk)
        doc.title = _title(pk)
    finally:
        if own:
            pk.close()
    # The analysis works on pages as shown (.rotation); the model's boxes are turned back last.
    frames = [r.frame for r in results]
    doc.pages = [r.page for r in results]
    links = {page: [(box_to_display(box, frames[page]), uri) for box, uri in found]
             for page, found in links.items() if page < len(frames)}
    fields = {page: [box_to_display(box, frames[page]) for box in found]
              for page, found in fields.items() if page < len(frames)}
    text_blocks = [b for r in results for b in r.blocks if b.kind == "text"]
    hyphenation = _Hyphenation(text_blocks)
    for block in text_blocks:
        block.hyphenation = hyphenation
    _classify(doc, results, outline, links, fields)
    doc.pages = [r.user_page for r in results]
    to_user_space(doc, frames)
    if doc.title is None:
        heading = next((b for b in doc.blocks if isinstance(b, Heading)), None)
        doc.title = heading.text if heading else None
    return doc


def _read_page(fitz: pdfium.PdfDocument, pk: pikepdf.Pdf, index: int, doc: Document) -> _PageResult:
    try:
        return _analyse_page(fitz, pk, index, doc)
    except Exception as e:  # noqa: BLE001 - one bad page must not lose the document
        doc.warnings.append(Warning("page-unreadable", f"{type(e).__name__}: {e}", index))
        empty = Page(0.0, 0.0)
        return _PageResult(empty, [], OperatorMap(), [], Frame(0, 0.0, 0.0), empty)
    finally:
        collect_young()


def _analyse_page(
    fitz: pdfium.PdfDocument, pk: pikepdf.Pdf, index: int, doc: Document
) -> _PageResult:
    content = read_page(fitz, index, image_facts=True)
    for message in content.warnings:
        doc.warnings.append(Warning("page-truncated", message, index))
    opmap = map_operators(pk.pages[index], content.object_kinds)
    if opmap.warning:
        doc.warnings.append(Warning("operator-map", opmap.warning, index))
    needs_ocr = not content.glyphs and bool(content.images)
    if needs_ocr:
        doc.warnings.append(Warning("needs-ocr", "the page is an image with no text", index))
    page = Page(round(content.width, 2), round(content.height, 2), content.rotation, needs_ocr,
                round(content.x0, 2), round(content.y0, 2))
    frame = frame_of(content)
    to_display_space(content, frame)
    return _PageResult(frame.display_page(page), page_blocks(content), opmap,
                       content.object_mcids, frame, page)


def page_blocks(content: PageContent) -> list[_Block]:
    """Blocks of one page in reading order."""
    frags = [f for line in lines(fragments(content.glyphs)) for f in line.fragments]
    blocks = _ruled_tables(content, frags)
    if blocks:
        inside = {id(f) for b in blocks for f in b.frags}
        frags = [f for f in frags if id(f) not in inside]
    for region in _regions(frags):
        region_lines = lines(region)
        tables, used = _tables(region_lines, content.index)
        rest = [f for line in region_lines for f in line.fragments if id(f) not in used]
        blocks.extend(_text_blocks(rest, content.index) + tables)
    page_area = max(content.width * content.height, 1.0)
    page_box = (content.x0, content.y0, content.width, content.height)
    tables = [b for b in blocks if b.kind == "table"]
    for drawing in _drawings(content, frags):
        if any(_area_share(drawing, t) > 0.3 for t in tables):
            continue  # the rules and shading of a table
        members = [
            r for r in content.paths + content.rules + content.images
            if r.x0 >= drawing.x0 - 1 and r.x1 <= drawing.x1 + 1 and r.y0 >= drawing.y0 - 1
            and r.y1 <= drawing.y1 + 1
        ]
        on_it = [
            f.height for f in frags
            if drawing.x0 <= (f.x0 + f.x1) / 2 <= drawing.x1
            and drawing.y0 <= (f.y0 + f.y1) / 2 <= drawing.y1
        ]
        blocks.append(
            _Block(content.index, kind="figure", image=drawing, x0=drawing.x0, y0=drawing.y0,
                   x1=drawing.x1, y1=drawing.y1, objects=sorted({r.obj for r in members}),
                   candidate=Candidate(
                       content.index, (drawing.x0, drawing.y0, drawing.x1, drawing.y1), True,
                       text_heights=on_it, page_box=page_box,
                       shapes=tuple(sorted(place(r.x0, r.y0, r.x1, r.y1) for r in members)),
                   ))
        )
    facts = content.image_facts
    for image in _merge_images(content.images):
        area = (image.x1 - image.x0) * (image.y1 - image.y0)
        # A page-size image behind text is its background (decoration: see .figures); on a
        # page without text it is the page itself, a scan waiting for OCR, left as it was.
        scan = not content.glyphs and area >= BACKGROUND_AREA * page_area
        if area >= FIGURE_MIN_AREA * page_area and not scan:
            pieces = [
                (r, facts[k] if k < len(facts) else ImageFacts())
                for k, r in enumerate(content.images)
                if r.x0 >= image.x0 - 1 and r.x1 <= image.x1 + 1 and r.y0 >= image.y0 - 1
                and r.y1 <= image.y1 + 1
            ]
            blocks.append(
                _Block(content.index, kind="figure", image=image, x0=image.x0, y0=image.y0,
                       x1=image.x1, y1=image.y1, objects=sorted({r.obj for r, _ in pieces}),
                       candidate=Candidate(content.index, (image.x0, image.y0, image.x1,
                                                           image.y1), False, pieces,
                                           page_box=page_box, text_on=[
                                               (f.x0, f.y0, f.x1, f.y1, f.size) for f in frags
                                               if image.x0 <= (f.x0 + f.x1) / 2 <= image.x1
                                               and image.y0 <= (f.y0 + f.y1) / 2 <= image.y1
                                           ]))
            )
    return _join_tables(_footnotes_last(_reading_order(blocks), content))


#: Footnotes live in this share of the page, from its foot.
FOOT_BAND = 0.4


def _footnotes_last(blocks: list[_Block], content: PageContent) -> list[_Block]:
    """Notes at the foot of a column that belong to the whole page (a paper's copyright and
    permission box) read after the page's text, not in the middle of it (before the next
    column). Such an area: in the lower part of the page, below a rule and starting where
    it starts, less text than the column above the rule, in a smaller face, unnumbered,
    running text."""
    notes: list[_Block] = []
    foot = content.y0 + FOOT_BAND * content.height
    for r in content.rules[:MAX_SHAPES]:
        if r.y1 - r.y0 > 2.5 or not 10 < r.x1 - r.x0 < 0.6 * content.width or r.y1 > foot:
            continue  # (a rule across the page sets no column's notes apart)
        if not any(
            b.x0 >= r.x1 and b.y0 < r.y0 and b.y1 > r.y1 and b.kind == "text" for b in blocks
        ):
            # No next column running on past the rule beside the notes (a table's cells end
            # at its rules): nothing is read after them that they should follow.
            continue
        # The rule starts where the notes do, at the column's left edge; it may be shorter
        # than the column (a separator a third as wide).
        under = [b for b in blocks if b.y1 <= r.y0 + 1]
        starts = [b for b in under if abs(b.x0 - r.x0) <= max(3.0, b.size)]
        if not starts:
            continue
        # (A note's lines past its number start a little in: they belong to the notes.)
        right = max(b.x1 for b in starts)
        below = [b for b in under if r.x0 - max(3.0, b.size) <= b.x0 < right]
        above = [
            b for b in blocks
            if b.y0 >= r.y1 - 1 and b.kind == "text" and b.x0 < r.x1 and r.x0 < b.x1
        ]
        if not below or not above or any(b.kind != "text" or b.y1 > foot for b in below):
            continue
        if any(b.text[:1].isdigit() or b.text[:1] in "*†‡§¶" for b in below):
            # Numbered notes belong with their references, most often in the column they
            # end: they stay where the column puts them.
            continue
        if sum(len(b.text) for b in below) >= sum(len(b.text) for b in above):
            continue
        lines_below = [f for b in below for f in b.frags]
        if sum(_word_count(f.text) for f in lines_below) < 5 * len(lines_below):
            continue  # short pieces (a footer's page number, a form's options): no notes
        column_size = statistics.median(b.size for b in above)
        if all(b.size < 0.9 * column_size for b in below):
            notes.extend(b for b in below if b not in notes)
    if not notes or len(notes) == len(blocks):
        return blocks
    return [b for b in blocks if b not in notes] + [b for b in blocks if b in notes]


def _join_tables(blocks: list[_Block]) -> list[_Block]:
    """Tables split by a wide gap between rows, one after the other: rebuilt as one."""
    out: list[_Block] = []
    for block in blocks:
        previous = out[-1] if out else None
        if (
            previous is not None
            and previous.kind == block.kind == "table"
            and previous.lines
            and block.lines  # (a ruled table keeps its own grid)
            and _x_overlap(previous, block) >= 0.6
        ):
            joined = _table_from(previous.lines + block.lines, block.page)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(block)
    return out


def _x_overlap(a: _Block | BBox, b: _Block | BBox) -> float:
    """Horizontal overlap as a share of the narrower of the two."""
    overlap = min(a.x1, b.x1) - max(a.x0, b.x0)
    narrower = min(a.x1 - a.x0, b.x1 - b.x0)
    return overlap / narrower if narrower > 0 else 0.0


#: Column splits tried per page at most: the search for columns is bounded work.
COLUMN_SEARCH_BUDGET = 300


# Memoised: the column search asks again for the same fragments at every level and for every
# candidate split. Bounded, and larger than a page's fragments usually are.
@functools.lru_cache(maxsize=8192)
def _word_count(text: str) -> int:
    """Words with letters in them: leader dots and figures are not running text."""
    # any(map(...)) tests a token's characters without a Python-level generator (hot: asked
    # for every fragment at each level of the column search).
    return sum(any(map(str.isalpha, token)) for token in text.split())


def _ruled_tables(content: PageContent, frags: list[Fragment]) -> list[_Block]:
    """Tables drawn with rules: a grid of at least three horizontal and three vertical lines
    (two columns, two rows), its text placed in the grid's cells."""
    rules = content.rules[:MAX_SHAPES]
    horizontal = [r for r in rules if r.x1 - r.x0 > 10 and r.y1 - r.y0 <= 2.5]
    vertical = [r for r in rules if r.y1 - r.y0 > 6 and r.x1 - r.x0 <= 2.5]
    if len(horizontal) < 3 or len(vertical) < 3:
        return []
    # Connected groups of crossing rules, grown greedily (bounded by the rule count).
    groups: list[tuple[Rect, list[Rect], list[Rect]]] = []
    horizontal_ids = {id(r) for r in horizontal}
    for r in sorted(horizontal + vertical, key=lambda r: (-r.y1, r.x0)):
        is_h = id(r) in horizontal_ids
        for k, (box, hs, vs) in enumerate(groups):
            if r.x0 <= box.x1 + 2 and box.x0 <= r.x1 + 2 and r.y0 <= box.y1 + 2 and (
                box.y0 <= r.y1 + 2
            ):
                grown = Rect(min(box.x0, r.x0), min(box.y0, r.y0), max(box.x1, r.x1),
                             max(box.y1, r.y1), box.obj)
                groups[k] = (grown, hs + [r] if is_h else hs, vs if is_h else vs + [r])
                break
        else:
            groups.append((Rect(r.x0, r.y0, r.x1, r.y1, r.obj), [r] if is_h else [],
                           [] if is_h else [r]))
    out: list[_Block] = []
    for _box, hs, vs in groups:
        ys = _positions([(r.y0 + r.y1) / 2 for r in hs])
        xs = _positions([(r.x0 + r.x1) / 2 for r in vs])
        if len(ys) < 3 or len(xs) < 3:
            continue
        ys.sort(reverse=True)
        xs.sort()
        cells: list[list[Fragment | None]] = []
        members: list[Fragment] = []
        longest = 0  # words in the fullest cell of the grid
        for top, bottom in zip(ys, ys[1:], strict=False):
            inside = [
                f for f in frags
                if bottom < (f.y0 + f.y1) / 2 < top and xs[0] < (f.x0 + f.x1) / 2 < xs[-1]
            ]
            members.extend(inside)
            for k in range(len(xs) - 1):
                words = sum(
                    _word_count(f.text) for f in inside if xs[k] <= (f.x0 + f.x1) / 2 < xs[k + 1]
                )
                longest = max(longest, words)
            text_lines = lines(inside)
            # Rules only around the header and the body (a "booktabs" table): each line of
            # text across the columns is a row of its own.
            if sum(len(line.fragments) > 1 for line in text_lines) >= 2:
                row_groups = [line.fragments for line in text_lines]
            else:
                row_groups = [inside]
            for group in row_groups:
                row: list[Fragment | None] = [None] * (len(xs) - 1)
                for f in group:
                    cx = (f.x0 + f.x1) / 2
                    k = max(i for i in range(len(xs) - 1) if xs[i] <= cx)
                    cell = row[k]
                    row[k] = f if cell is None else Fragment(
                        cell.glyphs + f.glyphs, f"{cell.text} {f.text}", min(cell.x0, f.x0),
                        min(cell.y0, f.y0), max(cell.x1, f.x1), max(cell.y1, f.y1),
                    )
                if any(c is not None for c in row):
                    cells.append(row)
        filled = [row for row in cells if sum(c is not None for c in row) >= 2]
        if len(filled) < 2 or longest > 40:
            continue  # a frame around text, or a form's boxes: not a table of data
        block = _Block(content.index, kind="table", table=cells)
        for f in members:
            block.add(f)
        out.append(block)
    return out


def _positions(values: list[float], tolerance: float = 2.0) -> list[float]:
    """Distinct positions, values closer than ``tolerance`` counted once."""
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > tolerance:
            out.append(v)
    return out


def _regions(
    frags: list[Fragment], depth: int = 0, budget: list[int] | None = None
) -> list[list[Fragment]]:
    """Split a page into regions at column gutters, in reading order.

    A vertical gutter is a column break only when text on one side of it runs in long lines
    that fill that side (set text); short fragments on both sides are a table or a form,
    which must stay in one region to be read row by row. When no gutter runs the full height
    (a title across two columns), the region is first cut across, at the first horizontal gap
    below or above which such a gutter appears.
    """
    budget = [COLUMN_SEARCH_BUDGET] if budget is None else budget
    if len(frags) < 2 or depth > 40 or budget[0] <= 0:
        return [frags]
    if depth == 0:
        frags, aside = _set_aside_side_notes(frags)
        above, frags, below = _set_aside_margin_lines(frags)
        if above or below or aside:
            inner = _regions(frags, 1, budget) if frags else []
            return ([above] if above else []) + inner + ([below] if below else []) + (
                [aside] if aside else []
            )
    if sum(_word_count(f.text) >= 4 for f in frags) < 3:
        return [frags]  # no running text here, so no text columns: a table, a form, a list
    vertical = _column_split(frags, budget)
    if vertical is not None:
        left, right = vertical
        if sum(f.rtl for f in frags) > len(frags) / 2:
            left, right = right, left
        return _regions(left, depth + 1, budget) + _regions(right, depth + 1, budget)
    cut = _cut_revealing_columns(frags, 2 if len(frags) < 3000 else 1, budget)
    if cut is not None:
        return _regions(cut[0], depth + 1, budget) + _regions(cut[1], depth + 1, budget)
    return [frags]


def _turned(fragment: Fragment) -> bool:
    """Text running at an angle to the page as shown (up or down a margin, a turned label)."""
    return bool(fragment.glyphs) and all(g.rotated for g in fragment.glyphs)


def _set_aside_side_notes(frags: list[Fragment]) -> tuple[list[Fragment], list[Fragment]]:
    """(the rest, side notes): text running up or down a side margin, beside all the level
    text (a print job's slug, a journal's vertical running title, "Draft" along the edge).
    Tall and narrow, it spans the gaps that separate the page's title, columns and footer,
    and would keep them from being found; it is read after the page. Turned text among the
    level text (a table's turned column heads, a chart's axis title) stays where it is."""
    aside = _beside_level_text(frags, _turned, lambda f: True)
    if not aside:
        return frags, []
    gone = {id(f) for f in aside}
    return [f for f in frags if id(f) not in gone], aside


def _beside_level_text(
    items: list[_B], turned: Callable[[_B], bool], counts: Callable[[_B], bool]
) -> list[_B]:
    """The ``turned`` items lying wholly left or right of all the level items that ``counts``
    (side notes; see :func:`_set_aside_side_notes`)."""
    level = [item for item in items if not turned(item) and counts(item)]
    if not level:
        return []
    start, end = min(item.x0 for item in level), max(item.x1 for item in level)
    return [item for item in items if turned(item) and (item.x1 <= start or item.x0 >= end)]


def _set_aside_margin_lines(
    frags: list[Fragment],
) -> tuple[list[Fragment], list[Fragment], list[Fragment]]:
    """(top line, the rest, bottom line): a lone short line at the very top or bottom of the
    page, set apart from the text by a gap, is a page number or running title. Centred on a
    two-column page it sits in the gutter and would hide the columns, so it is read apart."""
    if len(frags) < 8:
        return [], frags, []
    height = statistics.median(f.height for f in frags)

    def lone(edge: list[Fragment], rest: list[Fragment], gap: float) -> bool:
        return (
            len(edge) == 1
            and _word_count(edge[0].text) <= 3
            and gap >= height
            and len(rest) >= 6
        )

    ordered = sorted(frags, key=lambda f: -f.y1)
    top, below_top = ordered[:1], ordered[1:]
    above: list[Fragment] = []
    if below_top and lone(top, below_top, top[0].y0 - max(f.y1 for f in below_top)):
        above, ordered = top, below_top
    ordered.sort(key=lambda f: f.y0)
    bottom, over_bottom = ordered[:1], ordered[1:]
    below: list[Fragment] = []
    if over_bottom and lone(bottom, over_bottom, min(f.y0 for f in over_bottom) - bottom[0].y1):
        below, ordered = bottom, over_bottom
    if not above and not below:
        return [], frags, []
    kept = {id(f) for f in ordered}
    return above, [f for f in frags if id(f) in kept], below


def _cut_revealing_columns(
    frags: list[Fragment], depth: int, budget: list[int]
) -> tuple[list[Fragment], list[Fragment]] | None:
    """The first horizontal cut after which one part (possibly after one more such cut, e.g.
    a title above and a page number below) splits into columns."""
    if len(frags) < 4:
        return None
    heights = statistics.median(f.height for f in frags)
    cuts = _horizontal_cuts(frags, 0.25 * heights, 12)
    for top, bottom in cuts:
        if _column_split(top, budget) is not None or _column_split(bottom, budget) is not None:
            return top, bottom
    if depth > 1:
        # A title above and a page number below both bridge the gutter: try cutting off the
        # first or last few lines, then look again.
        for top, bottom in cuts[:3] + cuts[-3:]:
            if _cut_revealing_columns(top, depth - 1, budget) or _cut_revealing_columns(
                bottom, depth - 1, budget
            ):
                return top, bottom
    return None


def _column_split(
    frags: list[Fragment], budget: list[int] | None = None
) -> tuple[list[Fragment], list[Fragment]] | None:
    if budget is not None:
        budget[0] -= 1
        if budget[0] < 0:
            return None
    if len(frags) < 4:
        return None
    size = statistics.median(f.size for f in frags) or 10.0
    split = _split(frags, "x", max(4.0, FRAGMENT_GAP * size))
    if split is None:
        return None
    left_text, right_text = _text_like(split[0]), _text_like(split[1])
    if not (left_text or right_text):
        return None
    if left_text != right_text and _rows_align(*split):
        return None  # a table whose last (or first) column holds longer text
    # A column is wider than a few characters: a gutter beside list numbers is no column break.
    narrow = min(max(f.x1 for f in side) - min(f.x0 for f in side) for side in split)
    return split if narrow >= 5 * size else None


def _rows_align(a: list[Fragment], b: list[Fragment]) -> bool:
    """Most lines on the shorter side sit on the baseline of a fragment on the other side."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    bases = sorted(f.y0 for f in large)
    aligned = 0
    for f in small:
        slack = max(1.0, 0.3 * f.height)
        k = bisect.bisect_left(bases, f.y0 - slack)
        aligned += k < len(bases) and bases[k] <= f.y0 + slack
    return aligned > 0.6 * len(small)


def _horizontal_cuts(
    frags: list[Fragment], minimum: float, limit: int = 24
) -> list[tuple[list[Fragment], list[Fragment]]]:
    """The widest horizontal gaps (at most ``limit``), as (above, below), top to bottom."""
    spans = sorted(frags, key=lambda f: -f.y1)
    gaps: list[tuple[float, int]] = []
    reach = spans[0].y0
    for i in range(1, len(spans)):
        gap = reach - spans[i].y1
        if gap >= minimum:
            gaps.append((gap, i))
        reach = min(reach, spans[i].y0)
    chosen = sorted(i for _, i in sorted(gaps, reverse=True)[:limit])
    return [(spans[:i], spans[i:]) for i in chosen]


class _Boxed(Protocol):
    x0: float
    y0: float
    x1: float
    y1: float


_B = TypeVar("_B", bound=_Boxed)


# The same (start, end) sort key as a lambda would build, made in C.
_first_two = operator.itemgetter(0, 1)


def _split(items: list[_B], axis: str, minimum: float) -> tuple[list[_B], list[_B]] | None:
    """Split at the widest empty band (at least ``minimum`` wide) across ``axis``."""
    if axis == "x":
        spans = sorted(((f.x0, f.x1, f) for f in items), key=_first_two)
    else:
        spans = sorted(((-f.y1, -f.y0, f) for f in items), key=_first_two)
    best_gap, best_at = 0.0, -1
    reach = spans[0][1]
    for i in range(1, len(spans)):
        start, end, _ = spans[i]
        gap = start - reach
        if gap > best_gap:
            best_gap, best_at = gap, i
        if end > reach:  # max(reach, end) without the call: hot in the column search
            reach = end
    if best_at < 0 or best_gap < minimum:
        return None
    return [s[2] for s in spans[:best_at]], [s[2] for s in spans[best_at:]]


def _text_like(frags: list[Fragment], depth: int = 0) -> bool:
    """Set text: lines of several words that fill their column (or columns, if this side is
    itself split by a gutter)."""
    if len(frags) < 3 or depth > 6:
        return False
    long = [f for f in frags if _word_count(f.text) >= 4]
    if len(long) < 3:
        return False
    # Many short pieces (a contents list's numbers and dot leaders, the parts of a displayed
    # formula) beside running lines: still set text if the running lines carry most of it.
    if len(long) < len(frags) / 2 and sum(len(f.text) for f in long) < 0.6 * sum(
        len(f.text) for f in frags
    ):
        return False
    width = max(f.x1 for f in frags) - min(f.x0 for f in frags)
    running = frags if len(long) >= len(frags) / 2 else long
    if width > 0 and statistics.median(f.width / width for f in running) >= 0.6:
        return True
    size = statistics.median(f.size for f in frags) or 10.0
    inner = _split(frags, "x", max(4.0, FRAGMENT_GAP * size))
    return inner is not None and (
        _text_like(inner[0], depth + 1) or _text_like(inner[1], depth + 1)
    )


#: Shapes considered per page when looking for vector drawings (bounded work).
MAX_SHAPES = 2000


def _area_share(a: _Boxed, b: _Boxed) -> float:
    """How much of ``a`` lies inside ``b``."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    area = (a.x1 - a.x0) * (a.y1 - a.y0)
    return w * h / area if w > 0 and h > 0 and area > 0 else 0.0


def _drawings(content: PageContent, frags: list[Fragment]) -> list[Rect]:
    """Vector drawings (charts, diagrams): clusters of many shapes covering some of the page,
    holding at most short labels. A single shape, or shapes behind running text, are boxes
    and backgrounds, not figures."""
    page_area = max(content.width * content.height, 1.0)
    shapes = [
        r for r in content.paths + content.rules
        if (r.x1 - r.x0) * (r.y1 - r.y0) < 0.5 * page_area
    ][:MAX_SHAPES]
    clusters: list[tuple[Rect, int]] = []
    for r in sorted(shapes, key=lambda r: (-r.y1, r.x0)):
        for k, (m, n) in enumerate(clusters):
            if r.x0 <= m.x1 + 6 and m.x0 <= r.x1 + 6 and r.y0 <= m.y1 + 6 and m.y0 <= r.y1 + 6:
                clusters[k] = (
                    Rect(min(m.x0, r.x0), min(m.y0, r.y0), max(m.x1, r.x1), max(m.y1, r.y1),
                         m.obj),
                    n + 1,
                )
                break
        else:
            clusters.append((Rect(r.x0, r.y0, r.x1, r.y1, r.obj), 1))
    # Clusters that grew into each other are one drawing (bounded: few clusters on a page).
    merged = True
    while merged and len(clusters) <= 300:
        merged = False
        for i in range(len(clusters)):
            for j in range(i + 1, len(clusters)):
                (a, count_a), (b, count_b) = clusters[i], clusters[j]
                if a.x0 <= b.x1 + 6 and b.x0 <= a.x1 + 6 and a.y0 <= b.y1 + 6 and b.y0 <= a.y1 + 6:
                    clusters[i] = (
                        Rect(min(a.x0, b.x0), min(a.y0, b.y0), max(a.x1, b.x1), max(a.y1, b.y1),
                             a.obj),
                        count_a + count_b,
                    )
                    del clusters[j]
                    merged = True
                    break
            if merged:
                break
    out = []
    for box, count in clusters:
        area = (box.x1 - box.x0) * (box.y1 - box.y0)
        if count < 4 or not 0.02 * page_area <= area <= 0.6 * page_area:
            continue
        inside = [
            ((f.x0, f.y0, f.x1, f.y1), f.text) for f in frags
            if box.x0 <= (f.x0 + f.x1) / 2 <= box.x1 and box.y0 <= (f.y0 + f.y1) / 2 <= box.y1
        ]
        members = [
            (r.x0, r.y0, r.x1, r.y1) for r in shapes
            if r.x0 >= box.x0 - 1 and r.x1 <= box.x1 + 1 and r.y0 >= box.y0 - 1
            and r.y1 <= box.y1 + 1
        ]
        if text_frame((box.x0, box.y0, box.x1, box.y1), members, inside):
            continue  # running text on a coloured box, a table drawn with shapes: no picture
        out.append(box)
    return out


def _merge_images(images: list[Rect]) -> list[Rect]:
    # Tiled or sliced pictures: overlapping or touching images are one figure.
    merged: list[Rect] = []
    for image in sorted(images, key=lambda r: (-r.y1, r.x0))[:500]:
        for m in merged:
            if image.x0 <= m.x1 + 1 and m.x0 <= image.x1 + 1 and image.y0 <= m.y1 + 1 and (
                m.y0 <= image.y1 + 1
            ):
                m.x0, m.y0 = min(m.x0, image.x0), min(m.y0, image.y0)
                m.x1, m.y1 = max(m.x1, image.x1), max(m.y1, image.y1)
                break
        else:
            merged.append(Rect(image.x0, image.y0, image.x1, image.y1, image.obj))
    return merged


# --- tables ------------------------------------------------------------------------------------


def _tables(page_lines: list[Line], page: int) -> tuple[list[_Block], set[int]]:
    blocks: list[_Block] = []
    used: set[int] = set()
    run: list[Line] = []

    def close() -> None:
        _trim_headings(run)
        rows = [list(line.fragments) for line in run]
        fixed = _fixed_pitch_words(rows)
        if len([row for row in rows if len(row) > 1]) >= 3 and (fixed or _line_numbered(rows)):
            # Code or a typewritten page, aligned by spaces, or text with its lines numbered
            # (a transcript, a pleading): not a table of data, but still read line by line
            # (a line's pieces belong together; read as paragraphs, a listing's comments
            # would run into the code).
            column = _number_column(rows)
            for line in run:
                pieces = list(line.fragments)
                used.update(id(f) for f in pieces)
                if column is not None and _in_number_column(pieces[0], column):
                    # The margin's line numbers only count lines: an artifact, as page
                    # numbers are, or a reader would hear a number before every line.
                    number = _Block(page, artifact="other")
                    number.add(pieces.pop(0))
                    blocks.append(number)
                if pieces:
                    block = _Block(page)
                    for f in pieces:
                        block.add(f)
                    blocks.append(block)
        elif len([line for line in run if len(line.fragments) > 1]) >= 3:
            table = _table_from(run, page)
            if table is not None:
                blocks.append(table)
                used.update(id(f) for f in table.frags)
        run.clear()

    for line in page_lines:
        height = max(f.height for f in line.fragments)
        if len(run) >= 2 and _heading_in_rows(line, run):
            close()
        near = bool(run) and run[-1].y0 - line.y1 < 2.5 * height
        if len(line.fragments) > 1:
            if not near:
                close()
            run.append(line)
        elif near and _inside_columns(line, run):
            run.append(line)  # a row with one filled cell
        else:
            close()
    close()
    return blocks, used


def _line_size(line: Line) -> float:
    return max(f.size for f in line.fragments)


def _heading_in_rows(line: Line, rows: list[Line]) -> bool:
    """A heading set with its number apart ("2.2   Lists"): two pieces like a row, but in a
    face clearly larger than the usual one of the rows (their median: rows may mix sizes,
    sub- and superscripts, symbols)."""
    usual = statistics.median(_line_size(r) for r in rows)
    return len(line.fragments) <= 2 and _line_size(line) > 1.15 * usual


def _trim_headings(run: list[Line]) -> None:
    """Drop such headings from the ends of a run (one opening it is seen only here)."""
    while len(run) >= 3 and _heading_in_rows(run[-1], run):
        run.pop()
    while len(run) >= 3 and _heading_in_rows(run[0], run):
        run.pop(0)


def _inside_columns(line: Line, run: list[Line]) -> bool:
    left = min(f.x0 for r in run for f in r.fragments)
    right = max(f.x1 for r in run for f in r.fragments)
    f = line.fragments[0]
    return f.x0 >= left - 2 and f.x1 <= right + 2 and f.width < 0.5 * (right - left)


def _columns(rows: list[list[Fragment]]) -> list[list[float]]:
    """The union of the x-ranges of fragments in multi-fragment rows, as disjoint intervals."""
    spans = sorted((f.x0, f.x1) for row in rows if len(row) > 1 for f in row)
    columns: list[list[float]] = []
    for x0, x1 in spans:
        if columns and x0 <= columns[-1][1] + 1:
            columns[-1][1] = max(columns[-1][1], x1)
        else:
            columns.append([x0, x1])
    return columns


def _in_column(f: Fragment, column: list[float]) -> bool:
    return f.x0 < column[1] and f.x1 > column[0]


def _is_text_column(column: list[float], rows: list[list[Fragment]]) -> bool:
    """Text set in columns fills its column line after line, in long runs of words; table
    cells rarely fill theirs and hold a few words each."""
    frags = [f for row in rows for f in row if _in_column(f, column)]
    if len(frags) < 3:
        return False
    width = max(column[1] - column[0], 1.0)
    fill = statistics.median(f.width / width for f in frags)
    words = statistics.median(_word_count(f.text) for f in frags)
    return fill > 0.75 and words >= 4


def _table_of_contents(rows: list[list[Fragment]]) -> bool:
    """Entries with leader dots, or numbered titles each followed by just a page number."""
    entries = sum(
        len(row) <= 3 and any(_LEADER.search(f.text) for f in row)
        and bool(re.fullmatch(r"\d{1,4}|[ivxlc]{1,6}", row[-1].text.split()[-1]))
        for row in rows
    )
    if entries > 0.5 * len(rows):
        return True
    pairs = [row for row in rows if len(row) == 2]
    if len(pairs) > 0.8 * len(rows) and all(
        row[1].text.isdigit() or bool(re.fullmatch(r"[ivxlc]+", row[1].text)) for row in pairs
    ) and sum(bool(_NUMBERED.match(row[0].text)) for row in pairs) > 0.5 * len(pairs):
        return True
    return _numbered_contents(rows)


def _numbered_contents(rows: list[list[Fragment]]) -> bool:
    """Contents set in three pieces: a section number, its title, its page ("2.1   Lists
    . . .   4"). The pages never go back and some numbers are of sub-sections (2.1): rows numbered
    1, 2, 3 with a quantity at the end are a table's."""
    # Leader dots set apart from the title are no piece of the entry.
    pieces = [[f for f in row if f.text.strip(". …_")] for row in rows]
    entries = [
        row for row in pieces
        if len(row) == 3 and re.fullmatch(r"\d{1,3}(\.\d{1,3})*\.?", row[0].text)
        and row[2].text.isdigit()
    ]
    if len(entries) < 3 or len(entries) < 0.8 * len(rows):
        return False
    pages = [int(row[2].text) for row in entries]
    return all(a <= b for a, b in zip(pages, pages[1:], strict=False)) and any(
        "." in row[0].text.rstrip(".") for row in entries
    )


def _merge_wrapped_cells(rows: list[list[Fragment]]) -> list[list[Fragment]]:
    """Lines holding a single fragment between full rows are wrapped cell text. A run of them
    joins the full row above or below, whichever is closer in the same column (cells are often
    centred vertically, so wrapped text can sit above its row's first line)."""
    out: dict[int, list[Fragment]] = {i: list(row) for i, row in enumerate(rows) if len(row) > 1}
    i = 0
    while i < len(rows):
        if len(rows[i]) > 1:
            i += 1
            continue
        j = i
        while j + 1 < len(rows) and len(rows[j + 1]) == 1 and _overlap_x(rows[j + 1][0],
                                                                             rows[i][0]):
            j += 1
        group = [rows[k][0] for k in range(i, j + 1)]
        top, bottom = group[0], group[-1]
        gaps = []
        if i - 1 in out:
            gaps.append((_edge_gap(out[i - 1], top, above=True), i - 1))
        if j + 1 in out:
            gaps.append((_edge_gap(out[j + 1], bottom, above=False), j + 1))
        gaps = [g for g in gaps if g[0] < 1.5 * max(top.height, 1.0)]
        if gaps:
            out[min(gaps)[1]].extend(group)
        else:
            for k in range(i, j + 1):
                out[k] = [rows[k][0]]
        i = j + 1
    return [sorted(out[k], key=lambda f: -f.y1) for k in sorted(out)]


def _overlap_x(a: Fragment, b: Fragment) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1


def _edge_gap(row: list[Fragment], f: Fragment, *, above: bool) -> float:
    """Vertical gap between ``f`` and ``row`` (above or below it), in the same column if it can."""
    same = [g for g in row if _overlap_x(g, f)] or row
    if above:
        return min(g.y0 for g in same) - f.y1
    return f.y0 - max(g.y1 for g in same)


#: Spread of glyph widths (standard deviation over mean) below which a run of glyphs is set
#: in a fixed-pitch face: every glyph of Courier or Consolas is equally wide, while a
#: proportional face's "i" and "m" differ several times over.
FIXED_PITCH_SPREAD = 0.1


def _fixed_pitch(f: Fragment) -> bool | None:
    """Whether the fragment is set in a fixed-pitch face (None: too few glyphs to tell)."""
    widths = [g.x1 - g.x0 for g in f.glyphs if not g.char.isspace()]
    if len(widths) < 4 or statistics.fmean(widths) <= 0:
        return None
    return spread_below(widths, FIXED_PITCH_SPREAD)


def _is_numeric(text: str) -> bool:
    digits = sum(ch.isdigit() for ch in text)
    return digits >= 0.5 * sum(not ch.isspace() for ch in text)


def _fixed_pitch_words(rows: list[list[Fragment]]) -> bool:
    """Words set in a fixed-pitch face: program code on a slide, a typewritten transcript.
    Their columns come from spaces lining up character by character, not from a table;
    read as a table a listing's lines are torn into cells. Fixed-pitch figures (a mainframe
    report's numbers) are still a table: only mostly non-numeric cells count."""
    measured = [(f, pitch) for row in rows for f in row if (pitch := _fixed_pitch(f)) is not None]
    if not measured:
        return False
    fixed = sum(pitch for _, pitch in measured)
    words = sum(not _is_numeric(f.text) for f, _ in measured)
    return fixed > 0.5 * len(measured) and words > 0.5 * len(measured)


def _line_numbered(rows: list[list[Fragment]]) -> bool:
    """Text whose lines are numbered in the margin (a court transcript, a pleading): each
    line a number counting up by one, then the line's words. Two pieces a line like a
    two-column table, but the numbers only count lines. A table whose rows are numbered
    holds more columns, or figures, beside the number: it is left alone."""
    numbered = [row for row in rows if len(row) >= 2 and row[0].text.isdigit()]
    if len(numbered) < 5 or len(numbered) < 0.6 * len(rows):
        return False
    if any(len(row) > 2 or _is_numeric(row[1].text) for row in numbered):
        return False
    numbers = [int(row[0].text) for row in numbered]
    counting = sum(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))
    return counting >= 0.8 * (len(numbers) - 1)


def _number_column(rows: list[list[Fragment]]) -> tuple[float, float] | None:
    """The span across the page of line numbers in the margin, if the lines are numbered:
    every line from the first numbered one to the last starts with a number, counting up by
    one, set apart from the line's words by more than a space (a typewritten list "1 Item"
    has its number a space away). Numbered items of a list or a table leave lines between
    them unnumbered (an item wrapped onto a second line): their numbers are content."""
    starts = [k for k, row in enumerate(rows) if row[0].text.isdigit()]
    if not starts or len(starts) != starts[-1] - starts[0] + 1:
        return None
    numbered = [row for row in rows if len(row) >= 2 and row[0].text.isdigit()]
    if len(numbered) < 5:
        return None
    right = max(row[0].x1 for row in numbered)
    last = rows[starts[-1]]
    for row in rows[: starts[0]] + rows[starts[-1] + 1:]:
        if row[0].x0 < right:
            return None  # a heading over the numbers ("No."): a table's column
        if len(last) > 1 and abs(row[0].x0 - last[1].x0) < 0.5 * row[0].height:
            return None  # the last item wrapped onto an unnumbered line
    numbers = [int(row[0].text) for row in numbered]
    counting = sum(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))
    if counting < 0.8 * (len(numbers) - 1):
        return None
    for row in numbered:
        digit = (row[0].x1 - row[0].x0) / len(row[0].text)
        if row[1].x0 - row[0].x1 < 1.5 * digit:
            return None
    return min(row[0].x0 for row in numbered), max(row[0].x1 for row in numbered)


def _in_number_column(f: Fragment, column: tuple[float, float]) -> bool:
    """A line number: digits alone, inside the numbers' column (a line holding only its
    number, a blank line of the transcript, included)."""
    slack = 0.5 * f.height
    return f.text.isdigit() and f.x0 >= column[0] - slack and f.x1 <= column[1] + slack


#: Share of a grid's cells below which its text is scattered labels, not a table.
SCATTERED_FILL = 0.4


def _scattered(cells: list[list[Fragment | None]]) -> bool:
    """Most of the grid empty: the labels of a chart (a pie's slices, a bar chart's values
    and categories) placed about its shapes line up into many columns, each holding a label
    on only a row or two. A table fills most of its cells, a blank here and there."""
    slots = sum(len(row) for row in cells)
    filled = sum(c is not None for row in cells for c in row)
    return slots > 0 and filled < SCATTERED_FILL * slots


def _runs_on(cells: list[list[Fragment | None]], column: int) -> bool:
    """Most lines in the column go on with the sentence of the line above (they start in
    lower case): running text wrapped line after line, such as a side column or captions set
    beside the body text, whose lines share baselines with it. A table's cells each start
    afresh (a wrapped cell's lone lines are already joined to their row), and a value
    repeated down a column ("yes", "no", a unit) is a table's, however it is written."""
    pairs = [
        (above[column], below[column]) for above, below in zip(cells, cells[1:], strict=False)
        if above[column] is not None and below[column] is not None
    ]
    if len(pairs) < 3:
        return False
    going_on = sum(
        bool(above is not None and below is not None and below.text[:1].islower()
             and below.text != above.text)
        for above, below in pairs
    )
    return going_on >= 0.75 * len(pairs)


def _table_from(run: list[Line], page: int) -> _Block | None:
    rows = [list(line.fragments) for line in run]
    for _ in range(3):
        columns = _columns(rows)
        if len(columns) < 2:
            return None
        total = columns[-1][1] - columns[0][0]
        text = [c for c in columns if c[1] - c[0] >= 0.35 * total and _is_text_column(c, rows)]
        # ... unless it is the only one and its lines sit on the rows of the other columns:
        # then it is a table column holding longer text.
        text = text if len(text) > 1 else [
            c for c in text
            if not _rows_align(
                [f for row in rows for f in row if _in_column(f, c)],
                [f for row in rows for f in row if not _in_column(f, c)],
            )
        ]
        if not text:
            break
        # A column of running text beside a table (or beside another column): not cells.
        rows = [[f for f in row if not any(_in_column(f, c) for c in text)] for row in rows]
    else:
        return None
    rows = [row for row in rows if row]
    if _table_of_contents(rows):
        return None
    first = [f for row in rows for f in row if _in_column(f, columns[0])]
    if len(columns) == 2 and sum(_is_marker(f.text) for f in first) > len(first) / 2:
        return None  # bullets or numbers beside text: a list
    multi = [row for row in rows if len(row) > 1]
    if len(multi) < 3 or sum(len(row) for row in multi) < 2 * len(multi):
        return None
    rows = _merge_wrapped_cells(rows)
    cells: list[list[Fragment | None]] = []
    for row in rows:
        cell_row: list[Fragment | None] = [None] * len(columns)
        for f in row:
            k = next((i for i, c in enumerate(columns) if _in_column(f, c)), len(columns) - 1)
            existing = cell_row[k]
            if existing is not None:
                cell_row[k] = Fragment(existing.glyphs + f.glyphs, f"{existing.text} {f.text}",
                                       min(existing.x0, f.x0), min(existing.y0, f.y0),
                                       max(existing.x1, f.x1), max(existing.y1, f.y1))
            else:
                cell_row[k] = f
        cells.append(cell_row)
    if any(_runs_on(cells, k) for k in range(len(columns))):
        return None  # a column of sentences running from line to line: text set beside text
    if _scattered(cells):
        return None  # labels placed about a chart or diagram: no rows and columns of data
    block = _Block(page, kind="table", table=cells, lines=list(run))
    for row in rows:
        for f in row:
            block.add(f)
    return block


# --- text blocks ----------------------------------------------------------------------------


def _starts_item(text: str) -> bool:
    return bool(_BULLET.match(text) or _NUMBER.match(text)) or _is_marker(text)


def _is_marker(text: str) -> bool:
    """A bullet or a list number standing alone (its text follows past a tab stop)."""
    return bool(_BULLET.match(text + " x") or _NUMBER.match(text + " x")) and len(text) <= 6


def _leading(frags: list[Fragment]) -> float:
    """The usual gap between a line and the next one below it in the same column."""
    gaps = []
    for a, b in zip(frags, frags[1:], strict=False):
        if min(a.x1, b.x1) > max(a.x0, b.x0) and a.y0 > b.y1 - 0.5 * a.height:
            gaps.append(a.y0 - b.y1)
    return statistics.median(gaps) if len(gaps) >= 3 else float("inf")


def _text_blocks(frags: list[Fragment], page: int) -> list[_Block]:
    # ``frags`` come line by line, top to bottom, each line left to right.
    leading = _leading(frags)
    open_blocks: list[_Block] = []
    done: list[_Block] = []
    for f in frags:
        target = None
        for block in open_blocks:
            last = block.frags[-1]
            # Right-to-left lines come right to left: the next fragment is further left.
            step = last.x0 - f.x1 if last.rtl else f.x0 - last.x1
            if (
                min(last.y1, f.y1) - max(last.y0, f.y0) > 0.5 * min(last.height, f.height)
                and 0 <= step < 2 * max(last.height, f.height)
            ):
                target = block  # the rest of the same line, past a wide gap ("2   Title")
                break
        if target is None and not _starts_item(f.text):
            for block in open_blocks:
                last = block.frags[-1]
                if _is_marker(last.text) and len(block.frags) == 1:
                    continue  # a lone bullet or number waits for its text on the same line
                height = max(last.height, f.height)
                gap = last.y0 - f.y1
                overlap = min(last.x1, f.x1) - max(last.x0, f.x0)
                # A paragraph break is a gap clearly wider than the usual gap between lines.
                limit = min(BLOCK_GAP * height, max(leading + 0.3 * height, 0.15 * height))
                first = block.frags[0]
                if (
                    -0.5 * height < gap < limit
                    and overlap > 0
                    and abs(last.size - f.size) <= 0.15 * max(last.size, f.size)
                    and last.bold == f.bold
                    # A list item's lines never start left of its marker: a line that does is
                    # the next point one level out (a paragraph's first line may be indented,
                    # so this holds for items only).
                    and not (_starts_item(first.text) and f.x0 < first.x0 - 0.5 * height)
                ):
                    target = block
                    break
        if target is None:
            target = _Block(page)
            open_blocks.append(target)
        target.add(f)
        # Blocks whose bottom is far above the current line can no longer grow.
        keep = []
        for block in open_blocks:
            if block.frags[-1].y0 - f.y1 > 3 * max(f.height, 1.0) and block is not target:
                done.append(block)
            else:
                keep.append(block)
        open_blocks = keep
    return done + open_blocks


# --- reading order ------------------------------------------------------------------------------


def _reading_order(blocks: list[_Block], depth: int = 0) -> list[_Block]:
    if depth == 0:
        # Side notes (see _set_aside_side_notes) would block every cut: read after the page.
        aside = _beside_level_text(
            blocks, lambda b: bool(b.frags) and all(_turned(f) for f in b.frags),
            lambda b: b.kind == "text",
        )
        if aside:
            return _reading_order([b for b in blocks if b not in aside]) + aside
        # A picture with text set on it (a cover photo, a bleed into the gutter) would bridge
        # the columns it overlaps and hide them: order the rest, then read the picture just
        # before the first of the texts lying most fully on it.
        text = [b for b in blocks if b.kind != "figure"]
        under = [
            b for b in blocks
            if b.kind == "figure" and any(_overlaps(b.bbox, t.bbox) for t in text)
        ]
        if under:
            ordered = _reading_order([b for b in blocks if b not in under], 1)
            for figure in under:
                shares = [
                    (_area_share(b, figure), -k)
                    for k, b in enumerate(ordered) if b.kind != "figure"
                ]
                ordered.insert(-max(shares)[1], figure)
            return ordered
    if len(blocks) <= 1 or depth > 60:
        return _by_rows(blocks)
    vertical = _cut(blocks, axis="x")
    horizontal = _cut(blocks, axis="y")
    if vertical is not None and (
        horizontal is None or not _same_rows(*vertical) or _cards(*vertical)
    ):
        left, right = vertical
        rtl = _mostly_rtl(blocks)
        first, second = (right, left) if rtl else (left, right)
        return _reading_order(first, depth + 1) + _reading_order(second, depth + 1)
    if horizontal is not None:
        top, bottom = horizontal
        return _reading_order(top, depth + 1) + _reading_order(bottom, depth + 1)
    return _by_rows(blocks)


def _by_rows(blocks: list[_Block]) -> list[_Block]:
    """Blocks no gap separates, top to bottom; blocks whose tops are level read across (in
    the script's direction). Level within part of a line height: a heading in a larger face
    beside its text tops a little higher or lower by its size, so sorting on the exact top
    could read the heading after the text beside it."""
    rtl = _mostly_rtl(blocks)
    rows: list[list[_Block]] = []
    for block in sorted(blocks, key=lambda b: -b.y1):
        slack = 0.5 * (block.frags[0].height if block.frags else 4.0)
        if rows and rows[-1][0].y1 - block.y1 <= slack:
            rows[-1].append(block)
        else:
            rows.append([block])
    return [b for row in rows for b in sorted(row, key=functools.partial(_first_x, rtl=rtl))]


def _first_x(block: _Block, rtl: bool) -> float:
    """Where a block's first line starts (its second line may start further out), as a key
    that sorts in reading direction."""
    first = block.frags[0] if block.frags else block
    return -first.x1 if rtl else first.x0


def _cut(blocks: list[_Block], axis: str) -> tuple[list[_Block], list[_Block]] | None:
    """Split at the widest empty band across ``axis`` (x: columns, y: rows)."""
    return _split(blocks, axis, 3.0 if axis == "x" else 0.5)


def _same_rows(left: list[_Block], right: list[_Block]) -> bool:
    """True when most blocks on the left have a block on the right starting on the same row."""
    tops = [b.y1 for b in right]
    matched = sum(any(abs(b.y1 - t) < max(2.0, 0.3 * b.size) for t in tops) for b in left)
    return matched > 0.5 * len(left) and len(left) > 1


def _face(block: _Block) -> tuple[float, bool]:
    return round(block.size * 2) / 2, block.bold


def _cards(left: list[_Block], right: list[_Block]) -> bool:
    """Blocks side by side on the same rows that are nonetheless columns: units of a few
    blocks close together in alternating faces, repeated across (authors' names over their
    affiliations).
    Each row holds one face; down each column the face changes from block to block. A form
    or a table keeps one face down a column (labels, values), so it is still read by rows."""
    if len(left) != len(right) or len(left) < 2:
        return False
    if any(b.kind != "text" for b in left + right):
        return False
    left = sorted(left, key=lambda b: -b.y1)
    right = sorted(right, key=lambda b: -b.y1)
    for a, b in zip(left, right, strict=True):
        if _face(a) != _face(b) or abs(a.y1 - b.y1) >= max(2.0, 0.3 * a.size):
            return False
    # Within a unit (until the first block's face comes back) the blocks sit close, as the
    # lines of one paragraph do: a running header above a page's first line is no unit.
    return all(
        _face(a) != _face(b)
        and (_face(b) == _face(side[0]) or a.y0 - b.y1 < max(a.size, b.size))
        for side in (left, right) for a, b in zip(side, side[1:], strict=False)
    )


def _mostly_rtl(blocks: list[_Block]) -> bool:
    frags = [f for b in blocks for f in b.frags]
    return bool(frags) and sum(f.rtl for f in frags) > len(frags) / 2


# --- document-wide classification ------------------------------------------------------------


def _title_key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _norm(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def _classify(
    doc: Document,
    results: list[_PageResult],
    outline: dict[str, int],
    links: dict[int, list[tuple[BBox, str]]],
    fields: dict[int, list[BBox]] | None = None,
) -> None:
    fields = fields or {}
    artifact_ids = _find_artifacts(doc, results)
    _set_aside_decoration(doc, results, artifact_ids)
    body = [b for r in results for b in r.blocks if b.kind == "text" and id(b) not in artifact_ids]
    sizes: Counter[float] = Counter()
    for b in body:
        for f in b.frags:
            sizes[round(f.size * 2) / 2] += len(f.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0
    # Form labels sit beside their fields: whatever their face, they name a field, not a
    # section (a checkbox's "Option 2" in bold is no heading).
    not_headings = {
        id(b) for b in body
        if fields.get(b.page) and _beside_field(b, fields[b.page], body_size)
    }
    if not _slide_deck(doc.pages):
        # (On slides, pictures fill the page around their title, which the slide-title rule
        # below already tells from the points and labels.)
        not_headings |= _figure_labels(results, body_size)
    if _body_is_bold(body, body_size):
        # Bold is the body's own face here, so it sets nothing apart: only a larger face does.
        body = [b for b in body if b.size >= 1.15 * body_size or not b.bold]
        not_headings |= {
            id(b) for r in results for b in r.blocks
            if b.kind == "text" and b.bold and b.size < 1.15 * body_size
        }
    body = [b for b in body if id(b) not in not_headings]
    repeated = _repeated_texts(body, body_size)
    styles = _heading_styles([b for b in body if _title_key(b.text) not in repeated], body_size)
    faces = _outline_faces(body, outline, body_size)
    byline = _byline(results[0].blocks if results else [], body, body_size)
    titles = _slide_titles(doc.pages, body, styles, body_size) if _slide_deck(doc.pages) else None
    stack: list[ListBlock] = []
    list_x: list[float] = []
    for result, blocks in _document_order(results):
        for block in blocks:
            if id(block) in artifact_ids:
                continue
            prov = [_prov(block, result)]
            if block.kind == "figure":
                stack = []
                doc.blocks.append(_figure(block, result, prov, body_size, artifact_ids))
                continue
            if block.kind == "table":
                stack = []
                table = _table(block, result, prov)
                previous = doc.blocks[-1] if doc.blocks else None
                if (
                    isinstance(previous, Table)
                    and previous.prov
                    and previous.prov[-1].page != block.page
                    and _x_overlap(previous.prov[-1].bbox, block.bbox) >= 0.6
                    and abs(_columns_of(previous) - _columns_of(table)) <= 1
                ):
                    # The same table, continued past a page break or a wide gap between rows;
                    # a repeated header row is dropped.
                    rows = table.rows
                    if rows and previous.rows and [c.text for c in rows[0].cells] == [
                        c.text for c in previous.rows[0].cells
                    ]:
                        rows = rows[1:]
                    previous.rows.extend(rows)
                    previous.prov.extend(table.prov)
                    width = _columns_of(previous)
                    for row in previous.rows:  # keep rows regular
                        row.cells.extend(Cell("") for _ in range(width - len(row.cells)))
                else:
                    doc.blocks.append(table)
                continue
            text = block.text
            page_links = [
                Link(_link_text(block, r), u, [Prov(block.page, r)])
                for r, u in links.get(block.page, [])
                if _overlaps(r, block.bbox)
            ]
            item = _BULLET.match(text) or _NUMBER.match(text)
            if item and block.size >= 1.15 * body_size and _heading_level(
                block, text, styles, outline, body_size, repeated, faces
            ):
                item = None  # "1. Introduction" set large is a numbered heading
            if item:
                label = next(g for g in item.groups() if g)
                apart = label_provs(block.page, block.frags, block.objects, result.opmap,
                                    result.mcids, label)
                body_prov = [apart[1]] if apart else prov
                entry = ListItem(label, [Paragraph(text[item.end():].strip(), body_prov,
                                                   page_links)], prov,
                                 [apart[0]] if apart else [])
                ordered = not _BULLET.match(text)
                indent = block.x0
                tolerance = 0.8 * max(block.size, 1.0)
                if not stack:
                    stack = [ListBlock([], ordered=ordered, prov=prov)]
                    list_x = [indent]
                    doc.blocks.append(stack[0])
                while len(stack) > 1 and indent < list_x[-1] - tolerance:
                    stack.pop()
                    list_x.pop()
                if (
                    abs(indent - list_x[-1]) <= tolerance
                    and stack[-1].items
                    and _label_kind(stack[-1].items[-1].label) != _label_kind(label)
                ):
                    # Bullets, then numbers, then letters at one indent are lists one after
                    # the other (a list of people titled "M." above numbered agenda points).
                    fresh = ListBlock([], ordered=ordered, prov=prov)
                    if len(stack) > 1:
                        stack[-2].items[-1].blocks.append(fresh)
                    else:
                        doc.blocks.append(fresh)
                    stack[-1] = fresh
                if indent > list_x[-1] + tolerance and stack[-1].items:
                    inner = ListBlock([], ordered=ordered, prov=prov)
                    stack[-1].items[-1].blocks.append(inner)
                    stack.append(inner)
                    list_x.append(indent)
                stack[-1].items.append(entry)
                continue
            level = _heading_level(block, text, styles, outline, body_size, repeated, faces)
            if level and _contents_entry(block, result.blocks):
                level = 0  # the heading's entry in a table of contents, not the heading
            if level and _title_key(text) not in outline and (
                id(block) in byline
                or id(block) in not_headings
                or (titles is not None and id(block) not in titles)
            ):
                level = 0
            elif level and titles is not None and _title_key(text) not in outline:
                # Every slide's title heads that slide, the title slide's included, whatever
                # face its slide sets it in: they are all one level.
                level = 1
            if level:
                stack = []
                doc.blocks.append(Heading(text, level, prov, page_links))
            elif _is_note(block, result, body_size, text):
                doc.blocks.append(Note(text, text.split(" ", 1)[0], prov, page_links))
            else:
                owner = _continued_item(block, stack, list_x)
                if owner is not None:
                    owner.blocks.append(Paragraph(text, prov, page_links))
                    continue
                stack = []
                doc.blocks.append(Paragraph(text, prov, page_links))
    _normalise_levels(doc)
    _drop_lone_items(doc)
    _drop_unordered_letters(doc)
    for result in results:
        for block in result.blocks:
            if id(block) in artifact_ids:
                doc.artifacts.append(Artifact(artifact_ids[id(block)], block.text,
                                              [_prov(block, result)]))


def _document_order(results: list[_PageResult]) -> list[tuple[_PageResult, list[_Block]]]:
    """Each page's blocks, pages in the order they are read: page after page, except in a
    folded leaflet (see :func:`_trifold_cover`), whose cover is read first and whose back last."""
    cover = _trifold_cover(results)
    if cover is None:
        return [(r, r.blocks) for r in results]
    outside, inside = results
    front = [b for b in outside.blocks if id(b) in cover]
    back = [b for b in outside.blocks if id(b) not in cover]
    return [(outside, front), (inside, inside.blocks), (outside, back)]


def _panel_of(block: _Block, page: Page) -> int | None:
    """Which third of the page ``block`` lies in (0, 1, 2), or None if it crosses a fold."""
    third = page.width / 3
    left, right = block.x0 - page.x0, block.x1 - page.x0
    for k in range(3):
        # (A little slack: text may touch the fold line, never cross it.)
        if left >= k * third - 0.02 * third and right <= (k + 1) * third + 0.02 * third:
            return k
    return None


def _trifold_cover(results: list[_PageResult]) -> set[int] | None:
    """The blocks of the front cover of a letter-folded leaflet, or None for any other document.

    A tri-fold leaflet is two landscape sides, each three equal panels wide, no text crossing
    a fold. Folded, the first side's right panel is the front cover (it carries the largest
    text: the title); the leaflet is read cover first, then the inside, then the back panels.
    Read page by page, the back would come before the cover.
    """
    if len(results) != 2:
        return None
    for result in results:
        page = result.page
        text = [b for b in result.blocks if b.kind != "figure" and b.frags]
        if page.width <= page.height or not text:
            return None
        panels = [_panel_of(b, page) for b in text]
        if None in panels or len(set(panels)) != 3:
            return None
    outside = results[0]
    text = [b for b in outside.blocks if b.kind != "figure" and b.frags]
    largest = max(text, key=lambda b: b.size)
    if _panel_of(largest, outside.page) != 2:
        return None
    # (A picture may bleed past the page edge: its middle tells its panel.)
    fold = outside.page.x0 + 2 * outside.page.width / 3
    return {id(b) for b in outside.blocks if (b.x0 + b.x1) / 2 > fold}


_PAGE_REF = re.compile(r"\d{1,4}|[ivxlcIVXLC]{1,6}")


def _contents_entry(block: _Block, page: list[_Block]) -> bool:
    """A one-line block with a lone page number far along its baseline: an entry of a table
    of contents set without leader dots ("1 Document structures        1")."""
    line = block.frags[-1] if block.frags else None
    if line is None or any(abs(f.y0 - line.y0) >= 0.3 * line.height for f in block.frags):
        return False  # more than one line: a paragraph, or a heading that wraps
    for other in page:
        if other is block or other.kind != "text" or len(other.frags) != 1:
            continue
        f = other.frags[0]
        if (
            f.x0 > line.x1 + 2 * line.height
            and abs(f.y0 - line.y0) < 0.3 * line.height
            and _PAGE_REF.fullmatch(f.text.strip())
        ):
            return True
    return False


def _figure_labels(results: list[_PageResult], body_size: float) -> set[int]:
    """Heading-like lines lying wholly on a figure that takes less than half its page, among
    other labels: a chart's title or a diagram's labels, which name the picture, not a
    section. (A title set on a cover photo filling the page still heads the document.)"""
    out: set[int] = set()
    for result in results:
        page_area = max(result.page.width * result.page.height, 1.0)
        figures = [
            b for b in result.blocks
            if b.kind == "figure" and (b.x1 - b.x0) * (b.y1 - b.y0) < 0.5 * page_area
        ]
        if not figures:
            continue
        texts = [b for b in result.blocks if b.kind == "text"]
        for block in texts:
            if not _heading_candidate(block, block.text, body_size):
                continue
            for figure in figures:
                if _area_share(block, figure) <= 0.9:
                    continue
                # A chart carries other labels too (axes, legend, values); a banner or a
                # slide's title bar behind a heading carries the heading alone.
                others = sum(
                    t is not block and _area_share(t, figure) > 0.9 for t in texts
                )
                if others >= 3:
                    out.add(id(block))
                    break
    return out


def _body_is_bold(body: list[_Block], body_size: float) -> bool:
    """Most of the text in the body's size is bold (a flyer or a form set all in bold)."""
    bold = plain = 0
    for b in body:
        for f in b.frags:
            if abs(f.size - body_size) <= 0.05 * body_size:
                if f.bold:
                    bold += len(f.text)
                else:
                    plain += len(f.text)
    return bold > plain


def _beside_field(block: _Block, fields: list[BBox], body_size: float) -> bool:
    """A line of the block sits on the row of a form field, just before or after it, or
    just above it in no larger a face than the body's (the label at the top of a form's box,
    the field under it; a title set larger above the first field still names the form)."""
    for f in block.frags:
        reach = 2 * max(f.height, 1.0)
        for box in fields:
            row = min(f.y1, box.y1) - max(f.y0, box.y0) > 0.5 * min(f.height, box.height)
            beside = -reach < box.x0 - f.x1 < reach or -reach < f.x0 - box.x1 < reach
            above = (
                f.size < 1.15 * body_size
                and -0.5 * f.height < f.y0 - box.y1 < f.height
                and min(f.x1, box.x1) - max(f.x0, box.x0) > 0
            )
            if (row and beside) or above:
                return True
    return False


def _set_aside_decoration(
    doc: Document, results: list[_PageResult], artifact_ids: dict[int, Any]
) -> None:
    """Figures that are decoration (:mod:`.figures`) become artifacts; a picture merged with
    running images (a logo, a slide's band) keeps only its own images."""
    blocks = {id(b.candidate): (b, r) for r in results for b in r.blocks if b.candidate}
    for block, result in blocks.values():
        if block.candidate is not None:
            texts = [other.frags for other in result.blocks if other.kind == "text"]
            block.candidate.captioned = caption_of(
                block.candidate.box, texts, result.page.height) is not None
    verdicts = judge([b.candidate for b, _ in blocks.values() if b.candidate],
                     pages=len(results))
    for key, verdict in verdicts.items():
        block, result = blocks[key]
        kept = verdict.kept
        if not kept:
            artifact_ids[id(block)] = "decoration"
            continue
        # (Images drawn by one Form XObject share its object: they stay with the picture.)
        dropped = set(block.objects) - {r.obj for r in kept}
        block.objects = sorted({r.obj for r in kept})
        block.image = kept[0]
        block.x0, block.y0 = min(r.x0 for r in kept), min(r.y0 for r in kept)
        block.x1, block.y1 = max(r.x1 for r in kept), max(r.y1 for r in kept)
        gone = [r for r, _ in block.candidate.images if r.obj in dropped] if block.candidate else []
        if gone:
            box = BBox(min(r.x0 for r in gone), min(r.y0 for r in gone),
                       max(r.x1 for r in gone), max(r.y1 for r in gone))
            doc.artifacts.append(Artifact("decoration", "", [Prov(
                block.page, box, (), result.opmap.ranges(dropped))]))


def _slide_deck(pages: list[Page]) -> bool:
    """Landscape pages, several of them: slides."""
    def landscape(p: Page) -> bool:
        wide = p.width > 1.2 * p.height
        return wide != (p.rotation % 180 == 90)

    return len(pages) >= 3 and sum(landscape(p) for p in pages) >= 0.8 * len(pages)


def _slide_titles(
    pages: list[Page],
    body: list[_Block],
    styles: dict[tuple[float, bool], int],
    body_size: float,
) -> set[int]:
    """The headings of each slide: its heading-like lines in its most prominent face (a title,
    or the titles of two halves side by side). The other large lines of a slide are its
    points, set large to be read from afar, not sections of it."""
    candidates = [
        b for b in body
        if _heading_candidate(b, b.text, body_size) and (round(b.size), b.bold) in styles
    ]
    best: dict[int, tuple[float, bool]] = {}
    for b in candidates:
        best[b.page] = max(best.get(b.page, (0.0, False)), (round(b.size), b.bold))
    return {id(b) for b in candidates if (round(b.size), b.bold) == best[b.page]}


def _byline(first_page: list[_Block], body: list[_Block], body_size: float) -> set[int]:
    """Lines of a title block that are set large but name no section: authors, affiliations.

    The title block is what the first page shows above its first bold heading after the
    title, with no running text. Below the title, lines in a regular face that no heading
    after the title block uses are a byline, not a level of headings."""
    styles: Counter[tuple[float, bool]] = Counter(
        (round(b.size), b.bold) for b in body if _heading_candidate(b, b.text, body_size)
    )
    front: list[_Block] = []
    titled = False  # the first heading-like line is the title, whatever its face
    for block in first_page:
        if block.kind != "text":
            continue
        candidate = _heading_candidate(block, block.text, body_size)
        if candidate and titled and block.bold:
            break
        if len(block.frags) >= 2 and abs(block.size - body_size) <= 0.05 * body_size:
            return set()  # running text before any bold heading: no title block to judge
        titled = titled or candidate
        front.append(block)
    else:
        return set()
    candidates = [b for b in front if _heading_candidate(b, b.text, body_size)]
    if len(candidates) < 3:
        return set()
    title = max(b.size for b in candidates)
    used_in_front: Counter[tuple[float, bool]] = Counter(
        (round(b.size), b.bold) for b in candidates
    )
    byline = {
        id(b) for b in candidates
        if not b.bold
        and b.size < 0.95 * title
        and styles[(round(b.size), b.bold)] == used_in_front[(round(b.size), b.bold)]
    }
    # One such line may as well be a subtitle or a first section in a plain face; a byline
    # names people or places, several of them.
    return byline if len(byline) >= 2 else set()


def _drop_lone_items(doc: Document) -> None:
    """A lone line opening with a dash, a letter or a citation is prose (dialogue, an
    attribution, an initial: "T. Carew", "[3] showed"), not a list; a lone bullet or "1." may
    well be one."""
    for k, block in enumerate(doc.blocks):
        if (
            isinstance(block, ListBlock)
            and len(block.items) == 1
            and (
                block.items[0].label in ("-", "–", "—")
                or block.items[0].label[:1].isalpha()
                or block.items[0].label.startswith("[")  # a citation opening a line
            )
            and all(isinstance(b, Paragraph) for b in block.items[0].blocks)
        ):
            item = block.items[0]
            paragraphs = [b for b in item.blocks if isinstance(b, Paragraph)]
            text = " ".join([item.label, *(b.text for b in paragraphs)])
            links = [link for b in paragraphs for link in b.links]
            # The paragraphs that continued the item keep their places on the page.
            prov = list(block.prov)
            prov.extend(p for b in paragraphs for p in b.prov if p not in prov)
            doc.blocks[k] = Paragraph(text, prov, links)


def _label_kind(label: str) -> str:
    """What a list label counts with: "number" (1., [2]), "letter" (a), iv.) or "bullet"."""
    if any(ch.isdigit() for ch in label):
        return "number"
    return "letter" if any(ch.isalpha() for ch in label) else "bullet"


def _letters_in_sequence(labels: list[str]) -> bool:
    """Whether labels that are single letters run a, b, c… (labels of other kinds pass)."""
    letters = [label.strip("().") for label in labels]
    if not all(len(x) == 1 and x.isalpha() for x in letters):
        return True
    return all(ord(b.lower()) - ord(a.lower()) == 1 for a, b in zip(letters, letters[1:],
                                                                    strict=False))


def _drop_unordered_letters(doc: Document) -> None:
    """Lines opening with letters that do not run a, b, c ("M. Gagné", "M. Huggins", a list
    of people with their titles, or of initials) are prose, not a lettered list."""
    out: list[Any] = []
    for block in doc.blocks:
        if (
            isinstance(block, ListBlock)
            and len(block.items) > 1
            and not _letters_in_sequence([item.label for item in block.items])
            and all(isinstance(b, Paragraph) for item in block.items for b in item.blocks)
        ):
            for item in block.items:
                paragraphs = [b for b in item.blocks if isinstance(b, Paragraph)]
                text = " ".join([item.label, *(b.text for b in paragraphs)])
                links = [link for b in paragraphs for link in b.links]
                out.append(Paragraph(text, item.prov, links))
        else:
            out.append(block)
    doc.blocks = out


def _continued_item(
    block: _Block, stack: list[ListBlock], list_x: list[float]
) -> ListItem | None:
    """The list item an indented paragraph after a list continues, if any."""
    for level in range(len(stack) - 1, -1, -1):
        if block.x0 > list_x[level] + 0.8 * block.size and stack[level].items:
            return stack[level].items[-1]
    return None


def _link_text(block: _Block, r: BBox) -> str:
    inside = [
        g for f in block.frags for g in f.glyphs
        if r.x0 - 1 <= (g.x0 + g.x1) / 2 <= r.x1 + 1 and r.y0 - 1 <= (g.y0 + g.y1) / 2 <= r.y1 + 1
    ]
    return text_of(inside)


def _overlaps(a: BBox, b: BBox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _find_artifacts(doc: Document, results: list[_PageResult]) -> dict[int, Any]:
    found: dict[int, Any] = {}
    seen: Counter[str] = Counter()
    candidates: list[tuple[_Block, str, bool]] = []
    for result, page in zip(results, doc.pages, strict=True):
        for block in result.blocks:
            if block.artifact is not None:
                found[id(block)] = block.artifact
                continue
            if block.kind != "text" or len(block.frags) > 3:
                continue
            band = MARGIN_BAND * page.height
            y0, y1 = block.y0 - page.y0, block.y1 - page.y0
            if y0 > page.height - band or y1 < band:
                # Running text sits at the same place on every page it repeats on.
                place = "top" if y0 > page.height / 2 else "bottom"
                key = f"{place}:{round((block.y0 + block.y1) / 12)}:{_norm(block.text)}"
                alone = not any(
                    other is not block and other.y0 < block.y1 and block.y0 < other.y1
                    for other in result.blocks
                )
                candidates.append((block, key, alone))
                seen[key] += 1
            elif _word_count(block.text) <= 8:
                # Furniture beside the text (a slide's side panel, a book's thumb tab): the
                # same short text at the very same place, left edge and top, on most pages.
                # Only the place is loosely matched; the text itself must be the same, digits
                # included ("Part 1", "Part 2" at the top of each page are headings).
                key = f"side:{round(block.x0 / 6)}:{round(block.y1 / 6)}:{block.text}"
                candidates.append((block, key, False))
                seen[key] += 1
    repeats = max(2, min(3, len(results) // 2)) if len(results) > 1 else 10**9
    # Away from the margins, only what most pages repeat is furniture: a label or a heading
    # may well come back on a few pages of a form or a report.
    side_repeats = max(3, len(results) // 2 + 1)
    for block, key, alone in candidates:
        text = block.text
        if alone and _PAGE_NUMBER.match(text.strip()):
            found[id(block)] = "page-number"
        elif key.startswith("side:"):
            if seen[key] >= side_repeats:
                found[id(block)] = "other"
        elif seen[key] >= repeats:
            found[id(block)] = "header" if key.startswith("top") else "footer"
    return found


def _repeated_texts(body: list[_Block], body_size: float) -> set[str]:
    """Heading-like texts printed three times or more: running titles on pages of a long
    table, chart legends, repeated labels. A heading names one section."""
    counts = Counter(
        _title_key(b.text) for b in body if _heading_candidate(b, b.text, body_size)
    )
    return {key for key, n in counts.items() if n >= 3}


def _heading_styles(body: list[_Block], body_size: float) -> dict[tuple[float, bool], int]:
    styles: Counter[tuple[float, bool]] = Counter()
    for b in body:
        if _heading_candidate(b, b.text, body_size):
            styles[(round(b.size), b.bold)] += 1
    ordered = sorted(styles, key=lambda s: (-s[0], not s[1]))
    return {style: min(i + 1, 6) for i, style in enumerate(ordered)}


_NUMBERED = re.compile(r"^(\d{1,3}(?:\.\d{1,3})*)\.?\s+\S")


def _outline_faces(
    body: list[_Block], outline: dict[str, int], body_size: float
) -> dict[tuple[float, bool], int]:
    """The bookmarks' level of each face of unnumbered headings they name: a heading the
    outline leaves out ("Keywords" set like "Abstract", which has a bookmark) takes the level
    of its face's bookmarked headings, not a level of its own below them. Numbered headings
    are left out: a face may serve a numbered level and an unnumbered one below it
    ("3.3.1 Scope", then "Keep it simple" in the same face, one level down)."""
    levels: dict[tuple[float, bool], Counter[int]] = {}
    for b in body:
        level = outline.get(_title_key(b.text))
        if level and not _NUMBERED.match(b.text) and _heading_candidate(b, b.text, body_size):
            levels.setdefault((round(b.size), b.bold), Counter())[level] += 1
    return {face: counts.most_common(1)[0][0] for face, counts in levels.items()}


def _normalise_levels(doc: Document) -> None:
    """Section numbers decide levels where headings have them ("3.2.1" is one below "3.2");
    then levels are renumbered 1, 2, 3… in order, so none is skipped."""
    heads = [b for b in doc.blocks if isinstance(b, Heading)]
    numbered = [(h, m.group(1).count(".") + 1) for h in heads if (m := _NUMBERED.match(h.text))]
    if len(numbered) >= 3 and len({depth for _, depth in numbered}) > 1:
        shallowest = min(depth for _, depth in numbered)
        numbered_levels = {h.level for h, depth in numbered if depth == shallowest}
        base = min(numbered_levels)
        for h, depth in numbered:
            h.level = min(base + depth - shallowest, 6)
    used = sorted({h.level for h in heads})
    rank = {level: i + 1 for i, level in enumerate(used)}
    for h in heads:
        h.level = rank[h.level]


def _heading_candidate(block: _Block, text: str, body_size: float) -> bool:
    if len(block.frags) > 3 or not 1 < len(text) <= 160:
        return False
    if not any(ch.isalpha() for ch in text) or _LEADER.search(text) or _BULLET.match(text):
        return False  # no words, a table-of-contents entry ("Results ....... 12"), a bullet
    if _DATE_ONLY.match(text.strip()):
        return False
    if not (text[0].isalnum() or text[0] in "«“‘\"'(¿¡[§"):
        return False  # "= staff time", "$ = under 50 000": a legend
    if block.size >= 1.15 * body_size:
        # A larger face: a heading, even when numbered like a list ("1. Scope"); but a whole
        # sentence set large ("This page has been intentionally left blank.") is a
        # statement, a pull quote or a slide's point: a title ends without a full stop.
        return not (text.endswith(".") and not text.endswith("..") and _word_count(text) >= 6)
    # The body's size in bold: a heading only if it is a short line that reads like a title.
    return (
        block.bold
        and block.size >= 0.95 * body_size
        and len(block.frags) <= 2
        and not _starts_item(text)
        and not text.endswith((".", ",", ";", ":"))
        and not text[:1].islower()
    )


def _heading_level(
    block: _Block,
    text: str,
    styles: dict[tuple[float, bool], int],
    outline: dict[str, int],
    body_size: float,
    repeated: frozenset[str] | set[str] = frozenset(),
    faces: dict[tuple[float, bool], int] | None = None,
) -> int:
    """``faces``: levels the outline gives unnumbered headings by face (see
    :func:`_outline_faces`)."""
    key = _title_key(text)
    if key in outline:
        return outline[key]
    if key in repeated or not _heading_candidate(block, text, body_size):
        return 0
    face = (round(block.size), block.bold)
    if faces and face in faces and not _NUMBERED.match(text):
        return faces[face]
    return styles.get(face, 0)


def _is_note(block: _Block, result: _PageResult, body_size: float, text: str) -> bool:
    return (
        block.size < 0.85 * body_size
        and block.y1 - result.page.y0 < 0.3 * max(result.page.height, 1.0)
        and bool(re.match(r"^(\d{1,3}|[*†‡§])\s*\S", text))
    )


_object_of = operator.attrgetter("obj")


def _prov(block: _Block, result: _PageResult) -> Prov:
    # A block's glyphs come from a few page objects: deduplicate (at C speed) before looking
    # them up. Glyphs pdfium generated carry -1, which both lookups below skip.
    objects: set[int] = set(block.objects)
    for f in block.frags:
        objects.update(map(_object_of, f.glyphs))
    if block.image is not None:
        objects.add(block.image.obj)
    mcids = {result.mcids[o] for o in objects if 0 <= o < len(result.mcids)} - {-1}
    return Prov(
        block.page,
        BBox(round(block.x0, 2), round(block.y0, 2), round(block.x1, 2), round(block.y1, 2)),
        tuple(sorted(mcids)),
        result.opmap.ranges(objects),
    )


def _figure(
    block: _Block, result: _PageResult, prov: list[Prov], body_size: float,
    artifact_ids: dict[int, Any],
) -> Figure:
    texts = [other.frags for other in result.blocks if other.kind == "text"]
    box = (block.x0, block.y0, block.x1, block.y1)
    caption = caption_of(box, texts, result.page.height) or styled_caption_of(
        box,
        # (Page furniture under a picture, a printer's slug line, describes nothing.)
        [o.frags for o in result.blocks if o.kind == "text" and id(o) not in artifact_ids],
        body_size,
    )
    image = f"page:{block.page}/object:{block.image.obj}" if block.image else None
    return Figure(image=image, caption=caption, prov=prov)


def _columns_of(table: Table) -> int:
    return max((len(row.cells) for row in table.rows), default=0)


def _table(block: _Block, result: _PageResult, prov: list[Prov]) -> Table:
    assert block.table is not None
    rows: list[Row] = []
    # A right-to-left table (Arabic, Hebrew, Persian) starts at its right edge: its first
    # column, the one read first, is the rightmost.
    # Decided by all its cells, figures included: a table mostly of figures keeps the order
    # it is drawn in (tagged Arabic tables of results are found read left to right).
    rtl = sum(f.rtl for f in block.frags) > len(block.frags) / 2
    grid = [row[::-1] for row in block.table] if rtl else block.table
    for i, row in enumerate(grid):
        header = i == 0 and all(f is None or f.bold for f in row) and any(
            f is not None and f.bold for f in row
        )
        rows.append(
            Row([
                Cell(
                    f.text if f else "",
                    header=header,
                    scope="column" if header else None,
                    prov=[Prov(block.page, BBox(f.x0, f.y0, f.x1, f.y1), (),
                               result.opmap.ranges(f.objects))] if f else [],
                )
                for f in row
            ])
        )
    return Table(rows, None, prov)


# --- catalog --------------------------------------------------------------------------------


def _language(pdf: pikepdf.Pdf) -> str | None:
    try:
        lang = pdf.Root.get("/Lang")
        return str(lang).strip() or None if isinstance(lang, pikepdf.String) else None
    except (pikepdf.PdfError, ValueError, TypeError):
        return None


def _title(pdf: pikepdf.Pdf) -> str | None:
    try:
        raw = pdf.docinfo.get("/Title")
        title = " ".join(str(raw).split()) if raw is not None else ""
        return title or None
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
        return None


def _outline(pdf: pikepdf.Pdf) -> dict[str, int]:
    """Bookmark titles (normalised) -> heading level, from the outline's depth."""
    levels: dict[str, int] = {}
    try:
        with pdf.open_outline() as outline:
            stack = [(item, 1) for item in outline.root]
            seen = 0
            while stack and seen < 5000:
                item, depth = stack.pop()
                seen += 1
                levels.setdefault(_title_key(item.title or ""), min(depth, 6))
                stack.extend((child, depth + 1) for child in item.children)
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError, RecursionError):
        return {}
    levels.pop("", None)
    return levels


#: Form fields read per page at most (bounded work on a hostile annotation array).
MAX_FIELDS = 1000


def _form_fields(pdf: pikepdf.Pdf, pages: int) -> dict[int, list[BBox]]:
    """The boxes of the form fields (widget annotations) on each page."""
    out: dict[int, list[BBox]] = {}
    for index in range(pages):
        try:
            annots = pdf.pages[index].obj.get("/Annots")
            if not isinstance(annots, pikepdf.Array):
                continue
            for annot in list(annots)[:MAX_FIELDS]:
                if not isinstance(annot, pikepdf.Dictionary) or annot.get("/Subtype") != (
                    "/Widget"
                ):
                    continue
                rect = [float(v) for v in annot.get("/Rect", [])]
                if len(rect) != 4:
                    continue
                out.setdefault(index, []).append(
                    BBox(min(rect[0], rect[2]), min(rect[1], rect[3]),
                         max(rect[0], rect[2]), max(rect[1], rect[3]))
                )
        except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
            continue
    return out


def _links(pdf: pikepdf.Pdf, pages: int) -> dict[int, list[tuple[BBox, str]]]:
    out: dict[int, list[tuple[BBox, str]]] = {}
    for index in range(pages):
        try:
            annots = pdf.pages[index].obj.get("/Annots")
            if not isinstance(annots, pikepdf.Array):
                continue
            for annot in list(annots)[:1000]:
                if not isinstance(annot, pikepdf.Dictionary) or annot.get("/Subtype") != "/Link":
                    continue
                action = annot.get("/A")
                uri = action.get("/URI") if isinstance(action, pikepdf.Dictionary) else None
                rect = [float(v) for v in annot.get("/Rect", [])]
                if uri is None or len(rect) != 4:
                    continue
                box = BBox(min(rect[0], rect[2]), min(rect[1], rect[3]),
                           max(rect[0], rect[2]), max(rect[1], rect[3]))
                out.setdefault(index, []).append((box, str(uri)))
        except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
            continue
    return out
