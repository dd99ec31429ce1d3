"""What a PDF says of itself beside its drawing: language, title, bookmarks, links, fields."""

from __future__ import annotations

from typing import Any

import pikepdf
from pikepdf import NameTree

from ..document import (
    BBox,
)
from .patterns import title_key


def catalog_language(pdf: pikepdf.Pdf) -> str | None:
    try:
        lang = pdf.Root.get("/Lang")
        return str(lang).strip() or None if isinstance(lang, pikepdf.String) else None
    except (pikepdf.PdfError, ValueError, TypeError):
        return None


def catalog_title(pdf: pikepdf.Pdf) -> str | None:
    try:
        raw = pdf.docinfo.get("/Title")
        title = " ".join(str(raw).split()) if raw is not None else ""
        return title or None
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
        return None


def outline_levels(pdf: pikepdf.Pdf) -> dict[str, int]:
    """Bookmark titles (normalised) -> heading level, from the outline's depth. A title
    bookmarked twice (a summary's entries repeating the sections' names one level down)
    keeps its first bookmark's level, in the outline's order; :func:`outline_places` tells
    the two apart by page."""
    return {key: level for (key, _), level in reversed(_bookmarks(pdf))}


def outline_places(pdf: pikepdf.Pdf) -> dict[str, dict[int, int]]:
    """Bookmark title (normalised) -> {index of a page a bookmark of that title leads to: its
    level}: where the heading of that name is, and its level there (a title may be bookmarked
    twice, a section and its entry in a summary one level down)."""
    places: dict[str, dict[int, int]] = {}
    for (key, page), level in reversed(_bookmarks(pdf)):
        if page is not None:
            places.setdefault(key, {})[page] = level
    return places


#: Bookmarks read at most (bounded work on a huge or looping outline).
MAX_BOOKMARKS = 5000


def _bookmarks(pdf: pikepdf.Pdf) -> list[tuple[tuple[str, int | None], int]]:
    """Each bookmark's (title key, target page index or None) and depth, in outline order."""
    out: list[tuple[tuple[str, int | None], int]] = []
    try:
        pages = {page.obj.objgen: k for k, page in enumerate(pdf.pages)}
        with pdf.open_outline() as outline:
            stack = [(item, 1) for item in reversed(outline.root)]
            while stack and len(out) < MAX_BOOKMARKS:
                item, depth = stack.pop()
                key = title_key(item.title or "")
                if key:
                    out.append(((key, _target_page(pdf, item, pages)), min(depth, 6)))
                stack.extend((child, depth + 1) for child in reversed(item.children))
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError, RecursionError):
        return []
    return out


def _target_page(
    pdf: pikepdf.Pdf, item: pikepdf.OutlineItem, pages: dict[tuple[int, int], int]
) -> int | None:
    """The index of the page a bookmark leads to: its destination, or its GoTo action's,
    an explicit one ([page /XYZ ...]) or a named one looked up in the catalog."""
    dest: Any = item.destination
    action = item.action
    if dest is None and action is not None and action.get("/S") == "/GoTo":
        dest = action.get("/D")
    if isinstance(dest, (pikepdf.String, pikepdf.Name)):
        dest = _named_destination(pdf, dest)
    if isinstance(dest, pikepdf.Dictionary):
        dest = dest.get("/D")
    if isinstance(dest, pikepdf.Array) and len(dest) and isinstance(dest[0], pikepdf.Dictionary):
        return pages.get(dest[0].objgen)
    return None


def _named_destination(pdf: pikepdf.Pdf, name: pikepdf.String | pikepdf.Name) -> Any:
    if isinstance(name, pikepdf.Name):
        dests = pdf.Root.get("/Dests")
        return dests.get(str(name)) if isinstance(dests, pikepdf.Dictionary) else None
    names = pdf.Root.get("/Names")
    tree = names.get("/Dests") if isinstance(names, pikepdf.Dictionary) else None
    if not isinstance(tree, pikepdf.Dictionary):
        return None
    return NameTree(tree).get(str(name))


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
        annots = page.obj.get("/Annots")
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


def link_targets(pdf: pikepdf.Pdf, pages: int) -> dict[int, list[tuple[BBox, str]]]:
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
