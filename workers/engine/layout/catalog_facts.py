"""What a PDF says of itself beside its drawing: language, title, bookmarks, links, fields."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pikepdf
from pikepdf import NameTree

from ..document import (
    BBox,
)
from ..pdf_entries import entry_of
from ..titles import real_title
from .patterns import title_key


def catalog_language(pdf: pikepdf.Pdf) -> str | None:
    try:
        lang = entry_of(pdf.Root, "/Lang")
        return str(lang).strip() or None if isinstance(lang, pikepdf.String) else None
    except (pikepdf.PdfError, ValueError, TypeError):
        return None


def catalog_title(pdf: pikepdf.Pdf) -> str | None:
    try:
        raw = entry_of(pdf.docinfo, "/Title")
        return real_title(str(raw)) if raw is not None else None
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
        return None


def info_entry(pdf: pikepdf.Pdf, key: str) -> str | None:
    """An entry of the information dictionary as text ("/Producer"), None if it has none."""
    try:
        raw = entry_of(pdf.docinfo, key)
        return str(raw) if isinstance(raw, pikepdf.String) else None
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
        return None


@dataclass(frozen=True)
class Outline:
    """What the bookmarks say of the headings, titles normalised (:func:`.patterns.title_key`).

    ``levels``: each title's level, from the outline's depth; a title bookmarked twice (a
    summary's entries repeating the sections' names one level down) keeps its first
    bookmark's level, in the outline's order. ``places``: for each title, the pages its
    bookmarks lead to and their levels there, which tell the two apart."""

    levels: dict[str, int] = field(default_factory=dict)
    places: dict[str, dict[int, int]] = field(default_factory=dict)


#: Bookmarks read at most (bounded work on a huge or looping outline).
MAX_BOOKMARKS = 5000


def read_outline(pdf: pikepdf.Pdf) -> Outline:
    outline = Outline()
    # Last bookmark first, so that a title's first bookmark is the one kept.
    for key, page, level in reversed(_bookmarks(pdf)):
        outline.levels[key] = level
        if page is not None:
            outline.places.setdefault(key, {})[page] = level
    return outline


def _bookmarks(pdf: pikepdf.Pdf) -> list[tuple[str, int | None, int]]:
    """Each bookmark's title key, the index of the page it leads to (None when unknown) and
    its depth, in outline order."""
    out: list[tuple[str, int | None, int]] = []
    try:
        target = PageOfDestination(pdf)
        # (Read only: not opened as a context manager, whose exit writes every item back into
        # the PDF, and an empty /Outlines into one without bookmarks.)
        outline = pdf.open_outline()
        stack = [(item, 1) for item in reversed(outline.root)]
        while stack and len(out) < MAX_BOOKMARKS:
            item, depth = stack.pop()
            key = title_key(item.title or "")
            if key:
                out.append((key, target(item), min(depth, 6)))
            stack.extend((child, depth + 1) for child in reversed(item.children))
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError, RecursionError):
        return []
    return out


class PageOfDestination:
    """The index of the page a bookmark leads to: its destination, or its GoTo action's, an
    explicit one ([page /XYZ ...]) or a named one looked up in the catalog."""

    def __init__(self, pdf: pikepdf.Pdf) -> None:
        self.pdf = pdf
        self.pages = {page.obj.objgen: k for k, page in enumerate(pdf.pages)}
        self.names: NameTree | None = None
        # (A name looked up again is answered from here: a slide deck's links lead to a few
        # dozen names hundreds of times, and each look-up walks the name tree in qpdf.)
        self._found: dict[str, Any] = {}

    def __call__(self, item: pikepdf.OutlineItem) -> int | None:
        try:
            return self.page_of(item.destination, item.action)
        except (pikepdf.PdfError, ValueError, TypeError, AttributeError, KeyError):
            return None  # a broken destination: the bookmark still gives its level

    def page_of(self, dest: Any, action: Any) -> int | None:
        """The page index a destination (or a GoTo action, when there is none) leads to."""
        try:
            if dest is None and isinstance(action, pikepdf.Dictionary) and action.get(
                "/S"
            ) == "/GoTo":
                dest = action.get("/D")
            if isinstance(dest, (pikepdf.String, pikepdf.Name)):
                dest = self._named(dest)
            if isinstance(dest, pikepdf.Dictionary):
                dest = entry_of(dest, "/D")
            if (
                isinstance(dest, pikepdf.Array)
                and len(dest)
                and isinstance(dest[0], pikepdf.Dictionary)
            ):
                return self.pages.get(dest[0].objgen)
        except (pikepdf.PdfError, ValueError, TypeError, AttributeError, KeyError):
            pass  # a broken destination
        return None

    def _named(self, name: pikepdf.String | pikepdf.Name) -> Any:
        if isinstance(name, pikepdf.Name):
            dests = entry_of(self.pdf.Root, "/Dests")
            return entry_of(dests, str(name)) if isinstance(dests, pikepdf.Dictionary) else None
        if self.names is None:
            catalog_names = entry_of(self.pdf.Root, "/Names")
            tree = (
                entry_of(catalog_names, "/Dests")
                if isinstance(catalog_names, pikepdf.Dictionary) else None
            )
            if not isinstance(tree, pikepdf.Dictionary):
                return None
            self.names = NameTree(tree)
        key = str(name)
        if key not in self._found:
            self._found[key] = self.names.get(key)
        return self._found[key]


#: Form fields read per page at most (bounded work on a hostile annotation array).
MAX_FIELDS = 1000


def form_field_boxes(pdf: pikepdf.Pdf, pages: int) -> dict[int, list[BBox]]:
    """The boxes of the form fields (widget annotations) on each page."""
    out: dict[int, list[BBox]] = {}
    for index in range(pages):
        boxes = page_field_boxes(pdf.pages[index])
        if boxes:
            out[index] = boxes
    return out


def page_field_boxes(page: pikepdf.Page) -> list[BBox]:
    """The boxes of the form fields (widget annotations) on one page, in user space."""
    out: list[BBox] = []
    try:
        annots = entry_of(page.obj, "/Annots")
        if not isinstance(annots, pikepdf.Array):
            return out
        for annot in list(annots)[:MAX_FIELDS]:
            if not isinstance(annot, pikepdf.Dictionary) or annot.get("/Subtype") != (
                "/Widget"
            ):
                continue
            rect = [float(v) for v in annot.get("/Rect", [])]
            if len(rect) != 4:
                continue
            out.append(
                BBox(min(rect[0], rect[2]), min(rect[1], rect[3]),
                     max(rect[0], rect[2]), max(rect[1], rect[3]))
            )
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
        return out
    return out


def _link_annotations(
    pdf: pikepdf.Pdf, pages: int
) -> Iterator[tuple[int, pikepdf.Dictionary, BBox]]:
    """Every link annotation of the first ``pages`` pages (at most 1,000 a page): its page,
    itself and its box. A page whose annotations cannot be read gives none."""
    for index in range(pages):
        found: list[tuple[pikepdf.Dictionary, BBox]] = []
        try:
            annots = entry_of(pdf.pages[index].obj, "/Annots")
            if not isinstance(annots, pikepdf.Array):
                continue
            for annot in list(annots)[:1000]:
                if not isinstance(annot, pikepdf.Dictionary) or annot.get("/Subtype") != "/Link":
                    continue
                rect = [float(v) for v in annot.get("/Rect", [])]
                if len(rect) != 4:
                    continue
                found.append((annot, BBox(min(rect[0], rect[2]), min(rect[1], rect[3]),
                                          max(rect[0], rect[2]), max(rect[1], rect[3]))))
        except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
            continue
        for annot, box in found:
            yield index, annot, box


@dataclass
class PageLinks:
    """The link annotations of a document's pages, by page index, with their boxes."""

    #: Links to addresses outside the document (``/URI`` actions).
    uris: dict[int, list[tuple[BBox, str]]] = field(default_factory=dict)
    #: Links to a page of the document itself, by that page's index (a table of contents'
    #: entries link so).
    pages: dict[int, list[tuple[BBox, int]]] = field(default_factory=dict)


def page_links(pdf: pikepdf.Pdf, pages: int) -> PageLinks:
    """The link annotations of the first ``pages`` pages, read in one walk."""
    out = PageLinks()
    target = PageOfDestination(pdf)
    for index, annot, box in _link_annotations(pdf, pages):
        action = annot.get("/A")
        uri = entry_of(action, "/URI") if isinstance(action, pikepdf.Dictionary) else None
        if uri is not None:
            out.uris.setdefault(index, []).append((box, str(uri)))
        page = target.page_of(entry_of(annot, "/Dest"), action)
        if page is not None:
            out.pages.setdefault(index, []).append((box, page))
    return out
