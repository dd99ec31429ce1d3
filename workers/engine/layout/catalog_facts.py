"""What a PDF says of itself beside its drawing: language, title, bookmarks, links, fields."""

from __future__ import annotations

import pikepdf

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
    """Bookmark titles (normalised) -> heading level, from the outline's depth."""
    levels: dict[str, int] = {}
    try:
        with pdf.open_outline() as outline:
            stack = [(item, 1) for item in outline.root]
            seen = 0
            while stack and seen < 5000:
                item, depth = stack.pop()
                seen += 1
                levels.setdefault(title_key(item.title or ""), min(depth, 6))
                stack.extend((child, depth + 1) for child in item.children)
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError, RecursionError):
        return {}
    levels.pop("", None)
    return levels


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
