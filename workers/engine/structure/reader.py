"""The structure reader: a Document from the author's tags, for PDFs with a structure tree.

The structure tree says what each piece of content is (``H2``, ``P``, ``LI``, ``TD``…, through
the ``/RoleMap`` for custom types) and, through marked-content ids (MCIDs), which drawing it
is. pdfium tells us the MCID of every glyph and image (:mod:`..layout.glyphs`), so an element's
text is the text of its MCIDs in tree order (or its ``/ActualText``); figures keep ``/Alt``
(a figure without one is read by the words it draws); ``/Lang`` on the catalog gives the
document language. Content no element refers to is page furniture (artifacts), and so are the
words form fields show (their widgets speak for themselves in every output).

When tags are missing or broken — no tree, or a tree that refers to less than
:data:`MIN_COVERAGE` of the text drawn — the layout reader reads the document instead, and the
model says so in a warning.

>>> doc = read_structure(Path("tagged.pdf"), max_pages=500)  # doctest: +SKIP
>>> [b.type for b in doc.blocks][:3]  # doctest: +SKIP
['heading', 'paragraph', 'list']
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium

from ..document import (
    ActualText,
    Artifact,
    BBox,
    Block,
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
    page_target,
)
from ..language import detect_languages, is_language_tag
from ..layout.bidi import marks_on_their_letters
from ..layout.blocks import (
    Hyphenation,
    drawn_space_missing,
    draws_line_end_spaces,
    full_in_their_columns,
    join_lines,
)
from ..layout.catalog_facts import PageOfDestination, catalog_language, catalog_title
from ..layout.glyphs import Glyph, Rect, read_page
from ..layout.lines import Fragment, clean, fragments, text_of
from ..layout.listings import code_text
from ..layout.operators import OperatorMap, map_operators
from ..layout.reader import read_layout
from ..layout.rotation import Frame, frame_of, to_display_space, to_user_space
from ..layout.unread_text import read_alongside
from ..operator_names import operator_name
from ..pdf_entries import entry_of

#: Below this share of drawn characters referenced by the tree, the tags are not trusted.
MIN_COVERAGE = 0.5
#: Text (characters) a page draws, none of it tagged, from which the page is read from layout.
MIN_UNTAGGED_PAGE_CHARS = 40
#: Structure elements visited at most (bounded work on huge or looping trees).
MAX_ELEMENTS = 500_000

_GROUPING = {
    "Document", "DocumentFragment", "Part", "Art", "Sect", "Div", "NonStruct", "Private",
    "TOC", "Form", "Aside", "Index", "BibEntry", "Annot", "Title",
}
_INLINE = {
    "Span", "Link", "Quote", "Code", "Reference", "Em", "Strong", "Sub", "Lbl", "Ruby", "RB",
    "RT", "RP", "Warichu", "WT", "WP", "FENote",
}
#: Roles that make a parent a container of blocks rather than one paragraph.
_BLOCK_ROLES = _GROUPING | {
    "P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Table", "Figure", "BlockQuote",
    "Caption", "TOCI", "Note",
}
_HEADING = re.compile(r"^H([1-6])$")
#: The standard structure types of ISO 32000-1 (14.8.4): a type of these names is what its
#: name says. PDF/UA-1 (7.1) and ISO 32000-2 (14.8.6) forbid remapping them, and a document
#: that does anyway (InDesign maps an object style named "Table" to Sect) still holds rows
#: (TR, TD) under its "Table": read by the role map it would be a section of loose cells.
_STANDARD = (_GROUPING | _INLINE | _BLOCK_ROLES | {
    "TR", "TH", "TD", "THead", "TBody", "TFoot", "LBody", "Formula", "Link", "Annot",
}) - {"Aside", "DocumentFragment", "Title", "Em", "Strong", "Sub", "FENote"}
#: The page number a contents entry ends with.
_PAGE_LABEL = re.compile(r"(?:^|\s|[.\u2026])(\d{1,4}|[ivxlc]{1,6}|[IVXLC]{1,6})$")


@dataclass
class _Page:
    glyphs: dict[int, list[Glyph]] = field(default_factory=dict)
    images: dict[int, list[Rect]] = field(default_factory=dict)
    unmarked: list[Glyph] = field(default_factory=list)
    opmap: OperatorMap = field(default_factory=OperatorMap)
    page: Page = field(default_factory=lambda: Page(0.0, 0.0))
    used: set[int] = field(default_factory=set)
    #: How the page is turned when shown: its glyphs and images are read as shown.
    frame: Frame = field(default_factory=lambda: Frame(0, 0.0, 0.0))


@dataclass
class _Content:
    """What an element draws: glyphs in tree order and images, with their MCIDs per page."""

    glyphs: list[tuple[int, Glyph]] = field(default_factory=list)
    images: list[tuple[int, Rect]] = field(default_factory=list)
    mcids: list[tuple[int, int]] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    actual: str | None = None
    #: Glyphs drawn but read as an /ActualText instead: not read, still the element's drawing.
    replaced: list[tuple[int, Glyph]] = field(default_factory=list)
    #: Each /ActualText with the page and objects of the glyphs it replaces.
    actual_texts: list[tuple[int, str, list[int]]] = field(default_factory=list)
    #: The glyph an /ActualText is read as (by ``id``, among ``glyphs``) -> the text as the
    #: author wrote it, line breaks and all: the glyph's own text has spaces for them.
    said: dict[int, str] = field(default_factory=dict)

    def take_drawing(self, inner: _Content) -> None:
        """What ``inner`` draws besides its text, as part of this content's drawing."""
        self.mcids.extend(inner.mcids)
        self.images.extend(inner.images)
        self.replaced.extend(inner.replaced)


def read_structure(path: Path, *, max_pages: int, pdf: pikepdf.Pdf | None = None) -> Document:
    """Read the PDF at ``path`` from its tags (see the module's doc). ``pdf``: the same file,
    already open (left open)."""
    if pdf is not None:
        return _read_structure(path, max_pages, pdf)
    with pikepdf.open(path) as pk:
        return _read_structure(path, max_pages, pk)


def _read_structure(path: Path, max_pages: int, pk: pikepdf.Pdf) -> Document:
    root = pk.Root.get("/StructTreeRoot")
    if not isinstance(root, pikepdf.Dictionary):
        doc = read_layout(path, max_pages=max_pages, pdf=pk)
        doc.warnings.append(Warning("no-structure", "no structure tree: read from layout"))
        return doc
    reader = _Reader(pk, root)
    fitz = pdfium.PdfDocument(str(path))
    read_alongside(fitz, pk)
    try:
        count = min(len(fitz), len(pk.pages), max_pages)
        reader.load_pages(fitz, count)
        doc = reader.build()
    except Exception as e:  # noqa: BLE001 - broken tags: the layout still reads the page
        fallback = read_layout(path, max_pages=max_pages, pdf=pk)
        fallback.warnings.append(
            Warning("structure-unusable", f"{type(e).__name__}: {e}: read from layout")
        )
        return fallback
    finally:
        fitz.close()
    if reader.coverage() < MIN_COVERAGE:
        fallback = read_layout(path, max_pages=max_pages, pdf=pk)
        fallback.warnings.append(
            Warning(
                "structure-unusable",
                f"the structure tree refers to {reader.coverage():.0%} of the text: "
                "read from layout",
            )
        )
        return fallback
    untagged = reader.untagged_pages()
    if untagged:
        # Tags missing on whole pages (the rest of the document is tagged): those pages
        # only are read from the layout, in their place among the tagged pages.
        _fill_untagged_pages(doc, read_layout(path, max_pages=max_pages, pdf=pk), untagged)
        doc.warnings.extend(
            Warning("untagged-page", f"no tags on page {page + 1}: read from layout", page)
            for page in untagged
        )
    if not is_language_tag(doc.language):
        # The author's /Lang values stand; only a document that says no language of its
        # own is read for one (and its passages that inherit it).
        detect_languages(doc)
        drop_inherited_languages(doc.blocks, doc.language)
    return doc


def _fill_untagged_pages(doc: Document, layout: Document, untagged: list[int]) -> None:
    """``layout``'s blocks and artifacts on the ``untagged`` pages put into ``doc``: each block
    before the first tagged block that starts on a later page; the text ``doc`` held there as
    page furniture (nothing referred to it) goes."""
    missing = set(untagged)
    taken: list[Block] = []
    for block in layout.blocks:
        pages = _pages_of(block)
        if pages and pages <= missing:
            taken.append(block)
        elif isinstance(block, ListBlock) and pages & missing:
            # A list going on from a tagged page onto an untagged one (or back): its items
            # drawn on the untagged pages only (the tags have the others).
            items = [i for i in block.items if (on := _pages_of(i)) and on <= missing]
            if items:
                # (Its provenance on those pages too: the list is where its items are.)
                drawn = [p for p in block.prov if p.page in missing]
                taken.append(
                    ListBlock(items, block.ordered, drawn, contents=block.contents,
                              definitions=block.definitions)
                )
    for block in taken:
        first = min(_pages_of(block))
        at = next((i for i, b in enumerate(doc.blocks)
                   if (pages := _pages_of(b)) and min(pages) > first), len(doc.blocks))
        doc.blocks.insert(at, block)
    doc.artifacts = [a for a in doc.artifacts if not any(p.page in missing for p in a.prov)]
    doc.artifacts.extend(a for a in layout.artifacts if any(p.page in missing for p in a.prov))


def _pages_of(block: Block) -> set[int]:
    """The pages a block (and every block inside it) draws on."""
    pages = {p.page for p in getattr(block, "prov", [])}
    inside: list[Block] = []
    if isinstance(block, ListBlock):
        inside = list(block.items)
    elif isinstance(block, ListItem):
        inside = block.blocks
    for part in inside:
        pages |= _pages_of(part)
    return pages


class _Reader:
    def __init__(self, pdf: pikepdf.Pdf, root: pikepdf.Dictionary) -> None:
        self.pdf = pdf
        self.root = root
        self.pages: list[_Page] = []
        self.page_index: dict[tuple[int, int], int] = {}
        self.role_map: dict[str, str] = {}
        role_map = root.get("/RoleMap")
        if isinstance(role_map, pikepdf.Dictionary):
            for key in role_map.keys():  # noqa: SIM118 - pikepdf Dictionary
                value = role_map.get(key)
                if isinstance(value, pikepdf.Name) and str(key)[1:] not in _STANDARD:
                    self.role_map[str(key)[1:]] = str(value)[1:]
        self.visited = 0
        #: The elements (by object number) being collected, outer to inner: a loop's way back.
        self.on_path: set[tuple[int, int]] = set()
        self.blocks_path: set[tuple[int, int]] = set()
        #: Inside a ``TOC``: links to pages of the document are kept ("#page=N"), as the
        #: entries' targets (elsewhere only web and mail addresses are links of the model).
        self.in_contents = 0
        self.destinations = PageOfDestination(pdf)
        self.doc = Document(reader="structure")
        self.hyphenation: Hyphenation | None = None
        #: Whether the document draws the space it breaks a line of Korean at (see
        #: :func:`.blocks.draws_line_end_spaces`): read once, when the first line going on
        #: in Korean asks.
        self.spaced_line_ends: bool | None = None
        #: The language each marked-content sequence names, by (page, MCID).
        self.marked_languages: dict[tuple[int, int], str] = {}

    # --- pages ---

    def load_pages(self, fitz: pdfium.PdfDocument, count: int) -> None:
        for index in range(count):
            self.page_index[self.pdf.pages[index].obj.objgen] = index
            state = _Page()
            try:
                content = read_page(fitz, index)
            except (pdfium.PdfiumError, OSError, ValueError) as e:
                self.doc.warnings.append(Warning("page-unreadable", str(e), index))
                self.pages.append(state)
                continue
            state.page = Page(round(content.width, 2), round(content.height, 2), content.rotation,
                              not content.glyphs and bool(content.images))
            # Glyphs are joined into words as the page is shown; boxes go back to user space
            # when the model is built.
            state.frame = frame_of(content)
            to_display_space(content, state.frame)
            state.opmap = map_operators(self.pdf.pages[index], content.object_kinds)
            for mcid, lang in _marked_languages(self.pdf.pages[index]).items():
                self.marked_languages[(index, mcid)] = lang
            form_mcids = content.object_mcids
            glyphs = content.glyphs
            for at, g in enumerate(glyphs):
                mcid = g.mcid
                if mcid < 0 and 0 <= g.obj < len(form_mcids):
                    # Text inside a Form XObject has no marked content of its own when the
                    # page marks the whole form (BDC /P <</MCID n>> … /Fm0 Do EMC): it is
                    # drawn in the form's sequence, as an image in it is.
                    mcid = form_mcids[g.obj]
                if mcid >= 0:
                    state.glyphs.setdefault(mcid, []).append(g)
                else:
                    state.unmarked.append(g)
                    if (broken := _artifact_line_end_hyphen(glyphs, at)) >= 0:
                        # The author marked the hyphen that broke a word at the end of a line
                        # as no content: the word goes on on the next line (as a soft hyphen
                        # says), the hyphen itself stays page furniture.
                        state.glyphs[broken].append(Glyph(
                            "\u00ad", g.x0, g.y0, g.x1, g.y1, g.size, g.bold, g.font, -1, broken
                        ))
            for image in content.images:
                mcid = image.mcid
                if mcid < 0 and 0 <= image.obj < len(form_mcids):
                    # As for text: an image inside a form without marked content of its own
                    # is drawn in the sequence that paints the form.
                    mcid = form_mcids[image.obj]
                if mcid >= 0:
                    state.images.setdefault(mcid, []).append(image)
            self.pages.append(state)

    def coverage(self) -> float:
        total = used = 0
        for state in self.pages:
            for mcid, glyphs in state.glyphs.items():
                n = sum(not g.char.isspace() for g in glyphs)
                total += n
                used += n if mcid in state.used else 0
            total += sum(not g.char.isspace() and not g.artifact for g in state.unmarked)
        return used / total if total else 1.0

    def untagged_pages(self) -> list[int]:
        """Pages drawing text (at least :data:`MIN_UNTAGGED_PAGE_CHARS` characters not marked
        as artifacts) of which the tree refers to none: the author's tagging missed them."""
        out = []
        for index, state in enumerate(self.pages):
            if any(mcid in state.used for mcid in state.glyphs):
                continue
            drawn = sum(not g.char.isspace() and not g.artifact for g in state.unmarked)
            drawn += sum(not g.char.isspace() and not g.artifact
                         for glyphs in state.glyphs.values() for g in glyphs)
            if drawn >= MIN_UNTAGGED_PAGE_CHARS:
                out.append(index)
        return out

    # --- tree ---

    def role(self, element: pikepdf.Dictionary) -> str:
        name = element.get("/S")
        role = str(name)[1:] if isinstance(name, pikepdf.Name) else ""
        for _ in range(10):
            if role in self.role_map and self.role_map[role] != role:
                role = self.role_map[role]
            else:
                break
        return role

    def children(self, element: pikepdf.Object) -> list[Any]:
        kids = element.get("/K") if isinstance(element, pikepdf.Dictionary) else None
        if kids is None:
            return []
        return list(kids) if isinstance(kids, pikepdf.Array) else [kids]

    def page_of(self, element: pikepdf.Dictionary, inherited: int) -> int:
        pg = entry_of(element, "/Pg")
        if isinstance(pg, pikepdf.Dictionary):
            return self.page_index.get(pg.objgen, -1)
        return inherited

    def content(self, element: pikepdf.Object, page: int, out: _Content, depth: int = 0) -> None:
        """Collect everything ``element`` draws, in tree order. An element inside itself (a
        damaged tree's loop) is not entered again: a link holding itself gathered its text
        at every level of the loop, over and over (minutes)."""
        key = element.objgen if isinstance(element, pikepdf.Dictionary) else (0, 0)
        if key != (0, 0):
            if key in self.on_path:
                return
            self.on_path.add(key)
        try:
            self._content(element, page, out, depth)
        finally:
            if key != (0, 0):
                self.on_path.discard(key)

    def _content(self, element: pikepdf.Object, page: int, out: _Content, depth: int) -> None:
        self.visited += 1
        if self.visited > MAX_ELEMENTS or depth > 100:
            return
        if isinstance(element, int) and not isinstance(element, bool):
            self.take(page, element, out)
            return
        if not isinstance(element, pikepdf.Dictionary):
            return
        kind = entry_of(element, "/Type")
        if kind == "/MCR":
            self.take(self.page_of(element, page), int(element.get("/MCID", -1)), out)
            return
        if kind == "/OBJR":
            annot = element.get("/Obj")
            if isinstance(annot, pikepdf.Dictionary) and annot.get("/Subtype") == "/Link":
                target = _uri(annot)
                if target is None and self.in_contents:
                    to = self.destinations.page_of(entry_of(annot, "/Dest"), entry_of(annot, "/A"))
                    target = page_target(to) if to is not None else None
                if target:
                    out.links.append(Link("", target))
            return
        page = self.page_of(element, page)
        if self.role(element) == "Link":
            inner = _Content()
            for kid in self.children(element):
                self.content(kid, page, inner, depth + 1)
            text = clean(text_of([g for _, g in inner.glyphs]))
            for link in inner.links:
                link.text = link.text or text
            out.glyphs.extend(inner.glyphs)
            out.take_drawing(inner)
            out.actual_texts.extend(inner.actual_texts)
            out.said.update(inner.said)
            out.links.extend(inner.links)
            return
        actual = entry_of(element, "/ActualText")
        if isinstance(actual, pikepdf.String):
            inner = _Content()
            for kid in self.children(element):
                self.content(kid, page, inner, depth + 1)
            out.take_drawing(inner)
            # Its links stay its links (a right-to-left paragraph said in reading order).
            out.links.extend(inner.links)
            # The drawn glyphs stay the element's drawing (tagged with it, not furniture);
            # an /ActualText inside this one is replaced with the rest.
            out.replaced.extend(inner.glyphs)
            drawn_on = {page for page, _ in inner.glyphs}
            objects = [g.obj for _, g in inner.glyphs if g.obj >= 0]
            if len(drawn_on) == 1 and objects:
                out.actual_texts.append((inner.glyphs[0][0], str(actual), objects))
            # ActualText replaces the drawn text; keep its place with a synthetic glyph run.
            drawn = [g for _, g in inner.glyphs]
            box = _union(drawn)
            # A line break in it parts words as a space does (text read as a paragraph drops
            # control characters: "total\n}" would read "total}"); a listing reads its lines
            # (:meth:`_code`).
            said = " ".join(str(actual).splitlines())
            if drawn:
                # In the drawn text's box, size and page (the element may name no page: its
                # marked content does), it is part of the word around it as the glyphs were
                # (the TeX logo of "LuaTeX", a ligature): the gaps decide.
                size = max(g.size for g in drawn)
                glyph = Glyph(said, *box, size, False, "", -1, -1)
                out.glyphs.append((inner.glyphs[0][0], glyph))
            else:
                # Nothing drawn to place it: a word of its own.
                glyph = Glyph(f" {said} ", *box, 10.0, False, "", -1, -1)
                out.glyphs.append((page, glyph))
            out.said[id(glyph)] = str(actual)
            return
        if self.role(element) == "Lbl":
            # A label (a footnote's mark, an item's number) is a word of its own, however
            # close the text after it is set ("1The current…" is "1 The current…").
            start = len(out.glyphs)
            for kid in self.children(element):
                self.content(kid, page, out, depth + 1)
            if len(out.glyphs) > start:
                last = out.glyphs[-1][1]
                out.glyphs.append((page, Glyph(" ", last.x1, last.y0, last.x1, last.y1,
                                               last.size, False, last.font, -1, last.mcid)))
            return
        for kid in self.children(element):
            self.content(kid, page, out, depth + 1)

    def take(self, page: int, mcid: int, out: _Content) -> None:
        if not 0 <= page < len(self.pages) or mcid < 0:
            return
        state = self.pages[page]
        state.used.add(mcid)
        out.mcids.append((page, mcid))
        out.glyphs.extend((page, g) for g in state.glyphs.get(mcid, []))
        out.images.extend((page, r) for r in state.images.get(mcid, []))

    def build(self) -> Document:
        doc = self.doc
        doc.pages = [state.page for state in self.pages]
        doc.language = catalog_language(self.pdf)
        doc.title = catalog_title(self.pdf)
        for kid in self.children(self.root):
            doc.blocks.extend(self.blocks(kid, -1, 0))
        for index, state in enumerate(self.pages):
            furniture = list(state.unmarked)
            for mcid, glyphs in state.glyphs.items():
                if mcid not in state.used:
                    furniture.extend(glyphs)
            for f in fragments(furniture):
                doc.artifacts.append(
                    Artifact("other", f.text, [Prov(index, BBox(f.x0, f.y0, f.x1, f.y1), (),
                                                    state.opmap.ranges(f.objects))])
                )
        drop_inherited_languages(doc.blocks, doc.language)
        to_user_space(doc, [state.frame for state in self.pages])
        doc.artifacts.extend(self.form_fields())
        if doc.title is None:
            heading = next((b for b in doc.blocks if isinstance(b, Heading)), None)
            doc.title = heading.text if heading else None
        return doc

    def form_fields(self) -> list[Artifact]:
        """What the form fields show in words (a value, a list's options, a button's
        caption), drawn by their widgets, not the page: kept with the page furniture (in user
        space, as the widget's box is), apart from the text read. A field is an interactive
        part of the page that outputs take from the widget itself (the tagged PDF tags every
        widget as a Form), whether a Form element refers to it or not: read as text too, it
        would be said twice."""
        out = []
        for index in range(len(self.pages)):
            annots = entry_of(self.pdf.pages[index].obj, "/Annots")
            if not isinstance(annots, pikepdf.Array):
                continue
            for annot in annots:
                if isinstance(annot, pikepdf.Dictionary) and (shown := _field_text(annot)):
                    out.append(Artifact("other", shown,
                                        [Prov(index, BBox(*_annotation_box(annot)))]))
        return out

    def blocks(self, element: Any, page: int, depth: int) -> list[Block]:
        # An element inside itself (a damaged tree's loop) is read once, not again at every
        # turn of the loop down to the depth limit (with the whole tree when the loop runs
        # through the root: minutes).
        key = element.objgen if isinstance(element, pikepdf.Dictionary) else (0, 0)
        if key != (0, 0) and key in self.blocks_path:
            if not any(w.code == "structure-loop" for w in self.doc.warnings):
                self.doc.warnings.append(Warning(
                    "structure-loop", "an element of the structure tree contains itself"))
            return []
        self.blocks_path.add(key)
        try:
            out = self._element_blocks(element, page, depth)
        finally:
            self.blocks_path.discard(key)
        if self.marked_languages:
            for block in out:
                self._take_marked_language(block)
        return _in_language_of(element, out)

    def _take_marked_language(self, block: Block | Cell) -> None:
        """A block drawn wholly in marked content that names one language (``BDC /P
        <</MCID 3 /Lang (nn-NO)>>``, PDF 32000-1 14.9.2.2) is in that language: it says
        more than the element around it. Content in several languages, or only partly
        marked with one, is left to the element's language (a span of another language
        inside a block is not kept: the model has no place for it yet)."""
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    self._take_marked_language(cell)
            return
        if block.lang is not None or isinstance(block, ListBlock | ListItem):
            return
        # Each language weighed by the characters drawn in it (a sequence drawing only
        # spaces says nothing); None: content no marked sequence gives a language.
        weights: dict[str | None, int] = {}
        for prov in block.prov:
            if not 0 <= prov.page < len(self.pages):
                continue
            drawn = self.pages[prov.page].glyphs
            for mcid in prov.mcids:
                count = sum(not g.char.isspace() for g in drawn.get(mcid, ()))
                if count:
                    lang = self.marked_languages.get((prov.page, mcid))
                    weights[lang] = weights.get(lang, 0) + count
        if not weights or None in weights:
            return
        if len({lang.split("-")[0].lower() for lang in weights if lang}) == 1:
            # One language, maybe in regional variants ("en-US", "en-CA"): one voice reads
            # it; the variant most of it is marked with names it.
            block.lang = max(weights, key=lambda lang: weights[lang])

    def _element_blocks(self, element: Any, page: int, depth: int) -> list[Block]:
        self.visited += 1
        if self.visited > MAX_ELEMENTS or depth > 100:
            if self.visited == MAX_ELEMENTS + 1:
                self.doc.warnings.append(Warning("structure-truncated", "structure tree too big"))
            return []
        if not isinstance(element, pikepdf.Dictionary) or entry_of(element, "/Type") in (
            "/MCR", "/OBJR"
        ):
            # Content directly in a grouping element: a paragraph of its own.
            content = _Content()
            self.content(element, page, content)
            return self._paragraph(content)
        page = self.page_of(element, page)
        role = self.role(element)
        heading = _HEADING.match(role)
        if heading or role == "H":
            content = self.collect(element, page)
            text = self.text(content)
            if not text:
                return []
            level = int(heading.group(1)) if heading else 1
            return [Heading(text, level, self.prov(content), content.links)]
        if role == "L":
            return [self.list_block(element, page, depth)]
        if role == "TOC":
            contents = self.contents_block(element, page, depth)
            return [contents] if contents.items else []
        if role == "Table":
            return self.table(element, page)
        if role == "Figure":
            return self.figure(element, page)
        if role in ("Note", "FENote") and not self._holds_described_figure(element, depth):
            content = self.collect(element, page)
            text = self.text(content)
            label = text.split(" ", 1)[0] if text else ""
            return [Note(text, label, self.prov(content), content.links)] if text else []
        if role in _GROUPING or role == "" or self._has_blocks(element):
            out: list[Block] = []
            for kid in self.children(element):
                out.extend(self.blocks(kid, page, depth + 1))
            return out
        if role == "Code":
            # Code at block level (not inside a P): a listing, its lines and indents kept.
            return self._code(self.collect(element, page))
        # P, Caption, TOCI, BlockQuote, Formula, inline elements at block level, unknown roles.
        return self._paragraph(self.collect(element, page))

    def figure(self, element: pikepdf.Dictionary, page: int) -> list[Block]:
        """A ``Figure`` and, where it has a ``Caption`` child, its caption: the figure's
        caption and a paragraph of its own where it is read (before or after the figure), as
        the layout reader has it — the caption is text on the page, not only a name."""
        content = _Content()
        before: list[Block] = []
        after: list[Block] = []
        for kid in self.children(element):
            if (
                isinstance(kid, pikepdf.Dictionary)
                and kid.get("/Type") not in ("/MCR", "/OBJR")
                and self.role(kid) == "Caption"
            ):
                drawn = bool(content.glyphs or content.images)
                (after if drawn else before).extend(self._paragraph(self.collect(kid, page)))
            else:
                self.content(kid, page, content)
        alt_text = _alternative(entry_of(element, "/Alt"))
        captions = [b.text for b in (*before, *after) if isinstance(b, Paragraph)]
        if alt_text is None and content.glyphs:
            # Without an alternative, the words drawn in the picture (a diagram's labels, a
            # logo's small print) are all a listener has of it, as a screen reader reads a
            # Figure without /Alt: they are read after it; the figure keeps its images.
            labels = self._paragraph(_Content(glyphs=content.glyphs, links=content.links,
                                              replaced=content.replaced,
                                              actual_texts=content.actual_texts))
            if labels:
                # The text's drawing is the paragraph's; a figure of text alone (no image)
                # keeps its place on the page but draws nothing of its own.
                prov = self.prov(_Content(images=content.images)) if content.images else [
                    replace(p, operators=(), actual_texts=()) for p in self.prov(content)
                ]
                figure = Figure(image=None, caption=" ".join(captions) or None, prov=prov)
                return [*before, figure, *labels, *after]
        figure = Figure(image=None, caption=" ".join(captions) or None, alt=alt_text,
                        prov=self.prov(content))
        return [*before, figure, *after]

    def _holds_described_figure(self, element: pikepdf.Dictionary, depth: int) -> bool:
        """Whether a Figure with the author's description is inside ``element``. A note read
        as one run of text would say the figure's drawn words and drop its /Alt; a note that
        holds a figure is a float (LaTeX maps its ``Aside`` floats to ``Note`` for PDF 1.7),
        read as the blocks it holds."""
        stack = [(kid, depth + 1) for kid in self.children(element)]
        seen: set[tuple[int, int]] = set()
        while stack:
            kid, level = stack.pop()
            if level > 100 or not isinstance(kid, pikepdf.Dictionary) or kid.get("/Type") in (
                "/MCR", "/OBJR"
            ):
                continue
            if kid.is_indirect:
                # A looping tree is read once.
                if kid.objgen in seen:
                    continue
                seen.add(kid.objgen)
            if self.role(kid) == "Figure" and _alternative(kid.get("/Alt")) is not None:
                return True
            stack.extend((grandkid, level + 1) for grandkid in self.children(kid))
        return False

    def _has_blocks(self, element: pikepdf.Dictionary) -> bool:
        for kid in self.children(element):
            if (
                isinstance(kid, pikepdf.Dictionary)
                and entry_of(kid, "/Type") not in ("/MCR", "/OBJR")
                and self.role(kid) in _BLOCK_ROLES
            ):
                return True
        return False

    def _paragraph(self, content: _Content) -> list[Block]:
        text = self.text(content)
        return [Paragraph(text, self.prov(content), content.links)] if text else []

    def _code(self, content: _Content) -> list[Block]:
        """A ``Code`` element's text as a preformatted paragraph (see :func:`code_text`),
        page by page; its /ActualText, where it has one, as the author gave it: its lines
        and their indents are the listing's."""
        runs: dict[int, list[Glyph]] = {}
        for page, g in content.glyphs:
            runs.setdefault(page, []).append(g)
        text = "\n".join(
            self._code_lines(run, content.said) for run in runs.values()
        ).strip("\n")
        if not text.strip():
            return []
        for link in content.links:
            link.text = link.text or text
        return [Paragraph(text, self.prov(content), content.links, preformatted=True)]

    @staticmethod
    def _code_lines(run: list[Glyph], said: dict[int, str]) -> str:
        """The lines of a listing's glyphs on one page: those drawn as their places set
        them (:func:`code_text`), an /ActualText of lines as written (one inside a line, a
        ligature's, is read in its place, as a glyph)."""
        if not said:
            return code_text(fragments(marks_on_their_letters(run)))
        parts: list[str] = []
        drawn: list[Glyph] = []
        for g in run:
            written = said.get(id(g))
            if written is None or len(written.splitlines()) < 2:
                drawn.append(g)
                continue
            if drawn:
                parts.append(code_text(fragments(marks_on_their_letters(drawn))))
                drawn = []
            parts.append("\n".join(written.splitlines()))
        if drawn:
            parts.append(code_text(fragments(marks_on_their_letters(drawn))))
        return "\n".join(part for part in parts if part)

    def collect(self, element: pikepdf.Object, page: int) -> _Content:
        content = _Content()
        self.content(element, page, content)
        return content

    def text(self, content: _Content) -> str:
        pieces: list[Fragment] = []
        run: list[Glyph] = []
        last_page = -2
        for page, g in content.glyphs:
            if page != last_page and run:
                pieces.extend(fragments(marks_on_their_letters(run)))
                run = []
            last_page = page
            run.append(g)
        if run:
            pieces.extend(fragments(marks_on_their_letters(run)))
        lines = [f.text for f in pieces]
        if self.hyphenation is None and any(line.endswith(_LINE_END_HYPHENS) for line in lines):
            # Read once, when the first line ending in a hyphen asks for it.
            self.hyphenation = self._hyphenation()
        # (Lines of Chinese or Japanese run on with no space where they are full, as the
        # layout reader reads a block's lines: each against its own column's edge, as a
        # paragraph the layout reader read on over a column or page break ends its block.)
        # (A Korean word broken between two lines goes on with no space, where the document
        # draws the spaces its lines break at, as the layout reader reads it: asked only of
        # a line going on in Korean.)
        missing = drawn_space_missing(pieces)
        text = clean(join_lines(
            lines, self.hyphenation, full_in_their_columns(pieces),
            lambda k: self._spaced_line_ends() and missing(k),
        ))
        for link in content.links:
            if not link.text:
                link.text = text
        return text

    def _spaced_line_ends(self) -> bool:
        """Whether the document draws the space it breaks a line of Korean at, from the
        lines of every marked sequence (read once)."""
        if self.spaced_line_ends is None:
            self.spaced_line_ends = draws_line_end_spaces(
                fragments(marks_on_their_letters(list(glyphs)))
                for state in self.pages for glyphs in state.glyphs.values()
            )
        return self.spaced_line_ends

    def _hyphenation(self) -> Hyphenation:
        """The document's evidence on hyphens at line ends (a word the typesetter broke is read
        whole, as the layout reader reads it: "docu-" "ment", but "well-" "known"), from the
        characters of every marked sequence (the tags say which content is one element only
        once the tree is read): pdfium reads a hyphen that ends a line as U+FFFE. A page's
        sequences are read one after the other, as drawn: a word broken at a line's end goes
        on in the next sequence where its element marks each line apart (a tagger's sequence
        per line or per text object)."""
        runs = []
        for state in self.pages:
            sequences = ["".join([g.char for g in glyphs]) for glyphs in state.glyphs.values()]
            # Sequences are set apart (a line break) unless one ends in a broken word.
            drawn = "".join(
                text if text.endswith("\ufffe") else f"{text}\n" for text in sequences
            )
            parts = drawn.split("\ufffe")
            runs.append([f"{part}-" for part in parts[:-1]] + parts[-1:])
        return Hyphenation(runs)

    def prov(self, content: _Content) -> list[Prov]:
        by_page: dict[int, list[Glyph | Rect]] = {}
        for page, g in itertools.chain(content.glyphs, content.replaced):
            if g.obj >= 0:
                by_page.setdefault(page, []).append(g)
        actual_texts: dict[int, list[ActualText]] = {}
        for page, text, objects in content.actual_texts:
            operators = self.pages[page].opmap.ranges(objects)
            if operators:
                actual_texts.setdefault(page, []).append(ActualText(text, operators))
        for page, r in content.images:
            by_page.setdefault(page, []).append(r)
        mcids: dict[int, list[int]] = {}
        for page, mcid in content.mcids:
            mcids.setdefault(page, []).append(mcid)
        out = []
        for page in sorted(set(by_page) | set(mcids)):
            items = by_page.get(page, [])
            box = _union(items) if items else (0.0, 0.0, 0.0, 0.0)
            objects = [i.obj for i in items]
            out.append(Prov(page, BBox(*box), tuple(mcids.get(page, [])),
                            self.pages[page].opmap.ranges(objects),
                            tuple(actual_texts.get(page, ()))))
        return out

    def list_block(self, element: pikepdf.Dictionary, page: int, depth: int) -> ListBlock:
        items: list[ListItem] = []
        for kid in self.children(element):
            if not isinstance(kid, pikepdf.Dictionary):
                continue
            role = self.role(kid)
            if role == "L":
                nested = self.list_block(kid, page, depth + 1)
                if items:
                    items[-1].blocks.append(nested)
                else:
                    items.append(ListItem("", [nested]))
                continue
            if role != "LI":
                blocks = self.blocks(kid, page, depth + 1)
                if items:
                    items[-1].blocks.extend(blocks)
                elif blocks:
                    items.append(ListItem("", blocks))
                continue
            label = ""
            body: list[Block] = []
            item_content = _Content()
            for part in self.children(kid):
                part_role = self.role(part) if isinstance(part, pikepdf.Dictionary) else ""
                if part_role == "Lbl":
                    lbl = self.collect(part, page)
                    item_content.glyphs.extend(lbl.glyphs)
                    item_content.replaced.extend(lbl.replaced)
                    item_content.actual_texts.extend(lbl.actual_texts)
                    label = self.text(lbl)
                elif isinstance(part, pikepdf.Dictionary) and part_role == "LBody":
                    body.extend(_in_language_of(part, self._body(part, page, depth)))
                else:
                    body.extend(self.blocks(part, page, depth + 1))
            drawn = self.prov(item_content) if label else []
            items.append(ListItem(label, body, drawn, drawn, lang=_element_language(kid)))
        ordered = any(re.match(r"^\(?[0-9a-zA-Z]{1,4}[.)]", item.label) for item in items)
        numbering = element.get("/A")
        if isinstance(numbering, pikepdf.Dictionary):
            value = numbering.get("/ListNumbering")
            if isinstance(value, pikepdf.Name):
                ordered = str(value) not in ("/None", "/Disc", "/Circle", "/Square")
        return ListBlock(items, ordered)

    def contents_block(self, element: pikepdf.Dictionary, page: int, depth: int) -> ListBlock:
        """A ``TOC``: a contents list, each ``TOCI`` an entry; a ``TOC`` in or after an entry
        holds the entries under it."""
        self.in_contents += 1
        try:
            items: list[ListItem] = []
            for kid in self.children(element):
                role = self.role(kid) if isinstance(kid, pikepdf.Dictionary) else ""
                if role == "TOCI":
                    item = self._contents_item(kid, page, depth + 1)
                    if item.blocks or item.label:  # (Word writes an empty first TOCI)
                        items.append(item)
                    continue
                blocks: list[Block] = (
                    [self.contents_block(kid, page, depth + 1)] if role == "TOC"
                    else self.blocks(kid, page, depth + 1)
                )
                blocks = [b for b in blocks if not isinstance(b, ListBlock) or b.items]
                if items:
                    items[-1].blocks.extend(blocks)
                elif blocks:
                    items.append(ListItem("", blocks))
            if not all(item.page_label for item in items if item.blocks):
                # Some entries end in a number, not all: no page numbers are printed, those
                # numbers end their titles ("Part II").
                for item in items:
                    item.page_label = ""
            return ListBlock(items, ordered=False, contents=True)
        finally:
            self.in_contents -= 1

    def _contents_item(self, element: pikepdf.Dictionary, page: int, depth: int) -> ListItem:
        """A ``TOCI``: its text read as one paragraph (title, leaders, page number; a ``Lbl``
        right in it is the item's label), entries nested in it as a contents list."""
        page = self.page_of(element, page)
        label = ""
        label_drawn: list[Prov] = []
        content = _Content()
        nested: list[Block] = []
        for part in self.children(element):
            role = (
                self.role(part) if isinstance(part, pikepdf.Dictionary)
                and entry_of(part, "/Type") not in ("/MCR", "/OBJR") else ""
            )
            if role == "TOC":
                inner = self.contents_block(part, page, depth + 1)
                if inner.items:
                    nested.append(inner)
            elif role == "Lbl" and not label:
                lbl = self.collect(part, page)
                label = self.text(lbl)
                label_drawn = self.prov(lbl) if label else []
            else:
                self.content(part, page, content)
        body = [*self._paragraph(content), *nested]
        text = body[0].text if body and isinstance(body[0], Paragraph) else ""
        number = _PAGE_LABEL.search(text)
        return ListItem(label, body, [*label_drawn, *self.prov(content)], label_drawn,
                        page_label=number[1] if number else "",
                        lang=_element_language(element))

    def _body(self, element: pikepdf.Dictionary, page: int, depth: int) -> list[Block]:
        # (The body's own /Pg: the list and item around it need not say their page, and the
        # marked content directly in a body that also holds blocks is read on it.)
        page = self.page_of(element, page)
        if self._has_blocks(element):
            out: list[Block] = []
            for kid in self.children(element):
                out.extend(self.blocks(kid, page, depth + 1))
            return out
        return self._paragraph(self.collect(element, page))

    def table(self, element: pikepdf.Dictionary, page: int) -> list[Block]:
        """The table and, after it, the figures it holds outside its rows (a spreadsheet's
        logo set over the sheet): no cell says them, yet they are the author's, /Alt and all."""
        rows: list[Row] = []
        figures: list[Block] = []
        caption: str | None = None
        content = _Content()

        def walk(node: Any, depth: int) -> None:
            nonlocal caption
            if not isinstance(node, pikepdf.Dictionary) or depth > 6:
                return
            role = self.role(node)
            if role == "TR":
                cells = []
                for cell in self.children(node):
                    if not isinstance(cell, pikepdf.Dictionary):
                        continue
                    cell_role = self.role(cell)
                    cell_content = self.collect(cell, page)
                    content.glyphs.extend(cell_content.glyphs)
                    content.mcids.extend(cell_content.mcids)
                    content.replaced.extend(cell_content.replaced)
                    attrs = _attributes(cell)
                    scope = str(attrs.get("/Scope", ""))[1:].lower()
                    cells.append(
                        Cell(
                            self.text(cell_content),
                            header=cell_role == "TH",
                            scope=(
                                ("row", "column", "both")[("row", "column", "both").index(scope)]
                                if scope in ("row", "column", "both")
                                else None
                            ),
                            row_span=_int(attrs.get("/RowSpan"), 1),
                            col_span=_int(attrs.get("/ColSpan"), 1),
                            prov=self.prov(cell_content),
                            lang=_element_language(cell),
                        )
                    )
                rows.append(Row(cells))
            elif role == "Caption":
                caption = self.text(self.collect(node, page)) or None
            elif role == "Figure":
                figures.extend(self.figure(node, self.page_of(node, page)))
            else:
                for kid in self.children(node):
                    walk(kid, depth + 1)

        for kid in self.children(element):
            walk(kid, 0)
        return [Table(rows, caption, self.prov(content)), *figures]


def _artifact_line_end_hyphen(glyphs: list[Glyph], at: int) -> int:
    """The MCID of the element whose last glyph the unmarked glyph ``glyphs[at]`` follows if
    it is a hyphen ending that line (pdfium reads a line-end hyphen as U+FFFE), else -1.
    Spaces pdfium generates between glyphs are passed over."""
    g = glyphs[at]
    if g.char not in _LINE_END_HYPHENS:
        return -1
    before = next((b for b in reversed(glyphs[max(0, at - 4):at]) if not _generated_space(b)),
                  None)
    # A hyphen's box is a short dash at mid-height: its middle is tested against the line.
    middle = (g.y0 + g.y1) / 2
    if before is None or before.mcid < 0 or not before.y0 <= middle <= before.y1:
        return -1
    after = next((a for a in glyphs[at + 1:at + 5] if not _generated_space(a)), None)
    if after is not None and after.y0 <= middle <= after.y1:
        return -1  # the line goes on: a dash, not a break
    return before.mcid


def _generated_space(g: Glyph) -> bool:
    return g.obj < 0 and g.char.isspace()


_LINE_END_HYPHENS = ("\ufffe", "-", "\u2010")


#: What an authoring tool writes as /Alt when nobody described the picture: the element's own
#: kind, which says nothing of what it shows.
_PLACEHOLDER_ALTS = {"figure", "image", "picture", "graphic", "photo", "img"}


def _alternative(alt: Any) -> str | None:
    """A Figure's /Alt if it describes something: not empty, not only NULs and spaces (a
    C string's terminator written into it), not a placeholder naming the element's kind."""
    if not isinstance(alt, pikepdf.String):
        return None
    text = str(alt).replace("\x00", "").strip()
    if not text or text.strip(" .:-_").lower() in _PLACEHOLDER_ALTS:
        return None
    return text


#: Form field flags (ISO 32000-1, 12.7.4): a push button, a combo box, a password.
_PUSH_BUTTON = 1 << 16
_COMBO = 1 << 17
_PASSWORD = 1 << 13
#: Annotation flags: hidden, not shown on screen.
_HIDDEN = 1 << 1
_NO_VIEW = 1 << 5


def _field_text(annot: pikepdf.Dictionary) -> str:
    """What a widget annotation's form field shows in words: a text field's or a combo box's
    value, a list box's options, a push button's caption; "" for anything else (a check
    box's or radio button's mark is a state, drawn in a symbol font; a password is hidden)."""
    if annot.get("/Subtype") != "/Widget" or _number(annot.get("/F")) & (_HIDDEN | _NO_VIEW):
        return ""
    kind = _inherited(annot, "/FT")
    flags = _number(_inherited(annot, "/Ff"))
    if kind == "/Tx" and not flags & _PASSWORD:
        return _strings(_inherited(annot, "/V"))
    if kind == "/Ch":
        if flags & _COMBO:
            return _strings(_inherited(annot, "/V"))
        options = _inherited(annot, "/Opt")
        # An option is its text, or a pair: the value exported, then the text shown.
        shown = [o[1] if isinstance(o, pikepdf.Array) and len(o) > 1 else o
                 for o in (options if isinstance(options, pikepdf.Array) else [])]
        return " ".join(s for s in (_strings(o) for o in shown) if s)
    if kind == "/Btn" and flags & _PUSH_BUTTON:
        look = annot.get("/MK")
        return _strings(look.get("/CA")) if isinstance(look, pikepdf.Dictionary) else ""
    return ""


def _inherited(field: pikepdf.Dictionary, key: str) -> Any:
    """A field's entry, from the field or the nearest ancestor that has it (fields inherit
    their kind, flags, value and options)."""
    node: Any = field
    for _ in range(20):
        if not isinstance(node, pikepdf.Dictionary):
            return None
        if key in node:
            return node.get(key)
        node = entry_of(node, "/Parent")
    return None


def _strings(value: Any) -> str:
    if isinstance(value, pikepdf.Array):
        return " ".join(s for s in (_strings(v) for v in value) if s)
    return " ".join(str(value).split()) if isinstance(value, pikepdf.String) else ""


def _number(value: Any) -> int:
    try:
        return int(value) if value is not None else 0
    except (TypeError, ValueError):
        return 0


def _annotation_box(annot: pikepdf.Dictionary) -> tuple[float, float, float, float]:
    """An annotation's /Rect, left, bottom, right, top (user space); zeros when unreadable."""
    rect = annot.get("/Rect")
    try:
        x0, y0, x1, y1 = (float(v) for v in (rect if isinstance(rect, pikepdf.Array) else []))
    except (TypeError, ValueError):
        return (0.0, 0.0, 0.0, 0.0)
    return (round(min(x0, x1), 2), round(min(y0, y1), 2),
            round(max(x0, x1), 2), round(max(y0, y1), 2))


def _int(value: Any, default: int) -> int:
    try:
        return max(1, int(value)) if value is not None else default
    except (TypeError, ValueError):
        return default


def _attributes(element: pikepdf.Dictionary) -> dict[str, Any]:
    attrs = entry_of(element, "/A")
    found: dict[str, Any] = {}
    items = list(attrs) if isinstance(attrs, pikepdf.Array) else [attrs]
    for item in items:
        if isinstance(item, pikepdf.Dictionary):
            for key in item.keys():  # noqa: SIM118 - pikepdf Dictionary
                found[str(key)] = item.get(key)
    return found


def _union(items: list[Any]) -> tuple[float, float, float, float]:
    if not items:
        return (0.0, 0.0, 0.0, 0.0)
    return (
        round(min(i.x0 for i in items), 2),
        round(min(i.y0 for i in items), 2),
        round(max(i.x1 for i in items), 2),
        round(max(i.y1 for i in items), 2),
    )


def _uri(annot: pikepdf.Dictionary) -> str | None:
    action = annot.get("/A")
    if isinstance(action, pikepdf.Dictionary):
        uri = entry_of(action, "/URI")
        if uri is not None:
            return str(uri)
    return None


def _in_language_of(element: Any, blocks: list[Block]) -> list[Block]:
    """``blocks``, read from ``element``, in its language where nothing inside says another
    (PDF 32000-1 14.9.2: /Lang is inherited down the tree)."""
    lang = _element_language(element)
    if lang:
        for block in blocks:
            if block.lang is None:
                block.lang = lang
    return blocks


def _element_language(element: Any) -> str | None:
    """The language a structure element's own ``/Lang`` names (None where it names none)."""
    if not isinstance(element, pikepdf.Dictionary):
        return None
    return _language(entry_of(element, "/Lang"))


def _language(value: Any) -> str | None:
    if not isinstance(value, pikepdf.String):
        return None
    # (Some writers end the string with a NUL.)
    lang = str(value).replace("\x00", "").strip()
    # Word writes "x-none" for text it knows no language of: that names no language, the
    # text is in the language around it.
    return lang if lang and lang.lower() != "x-none" else None


def _marked_languages(page: pikepdf.Page) -> dict[int, str]:
    """The language of each marked-content sequence of the page's own content that is in
    one: its property list's ``/Lang``, or that of a sequence around it."""
    try:
        contents = page.obj.get("/Contents")
        streams = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
        data = b"".join(s.read_bytes() for s in streams if isinstance(s, pikepdf.Stream))
    except pikepdf.PdfError:
        return {}
    if b"/Lang" not in data:
        return {}  # (most pages: no second parse of the content)
    try:
        instructions = pikepdf.parse_content_stream(page)
    except pikepdf.PdfError:
        return {}
    resources = page.obj.get("/Resources")
    named = (entry_of(resources, "/Properties")
             if isinstance(resources, pikepdf.Dictionary) else None)
    out: dict[int, str] = {}
    open_languages: list[str | None] = []
    for instruction in instructions:
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            continue
        operands, op = instruction.operands, operator_name(instruction.operator)
        if op == "EMC":
            if open_languages:
                open_languages.pop()
            continue
        if op == "BMC":
            open_languages.append(open_languages[-1] if open_languages else None)
            continue
        if op != "BDC" or len(operands) < 2:
            continue
        properties: Any = operands[1]
        if isinstance(properties, pikepdf.Name) and isinstance(named, pikepdf.Dictionary):
            properties = named.get(properties)
        lang = None
        if isinstance(properties, pikepdf.Dictionary):
            lang = _language(properties.get("/Lang"))
        lang = lang or (open_languages[-1] if open_languages else None)
        open_languages.append(lang)
        mcid = properties.get("/MCID") if isinstance(properties, pikepdf.Dictionary) else None
        if lang and isinstance(mcid, int):
            out[int(mcid)] = lang
    return out


def drop_inherited_languages(blocks: list[Block], inherited: str | None) -> None:
    """Keep a block's ``lang`` only where it differs from the language it would inherit
    (the list, item or table holding it, else the document's): the model says a language
    only where the voice changes."""
    for block in blocks:
        if block.lang is not None and inherited is not None and (
            block.lang.lower() == inherited.lower()
        ):
            block.lang = None
        own = block.lang or inherited
        if isinstance(block, ListBlock):
            drop_inherited_languages(list(block.items), own)
        elif isinstance(block, ListItem):
            drop_inherited_languages(block.blocks, own)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    if cell.lang is not None and own is not None and (
                        cell.lang.lower() == own.lower()
                    ):
                        cell.lang = None


