"""Text the page sets over a picture, left out where the picture is drawn for an output.

The renderers draw a figure by rendering its area of the source page (large print, HTML,
Word, EPUB). Where a picture lies under the page's own text (a report's cover photo behind its
title and first paragraphs, a banner under a heading, an infographic's bands under their
points), that area holds the text too, printed at its original size: a reader of large print
would get a miniature of the page inside the picture, and the same words again, at their size,
right after it. So the text the output prints anyway as running text (headings, paragraphs
of a sentence or more, list items, notes, tables) is taken off the page before the figure's
area is rendered. A picture's own labels stay: those read as part of it (a captioned chart's
axis names) are no block of the document, and a short paragraph (a label given back to the
text, "Fully addressed") may name what the picture shows.

Only the page as loaded for the render is changed (pdfium draws the objects it holds); the
source file is not.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import pypdfium2.raw as c

from .document import (
    BBox,
    Block,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Table,
)

#: A paragraph of at most this many words may be a label of the picture it is set on.
LABEL_WORDS = 8

#: Form XObjects nested deeper than this are not looked into (a hostile file's nesting).
MAX_FORM_DEPTH = 8

#: pdfium's identity matrix (a, b, c, d, e, f).
_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def running_text_boxes(document: Document) -> dict[int, list[BBox]]:
    """Per page, the boxes of the text the outputs print as running text (see the module's
    docstring)."""
    boxes: dict[int, list[BBox]] = {}
    for placed in _running_text(document.blocks):
        for prov in placed.prov:
            boxes.setdefault(prov.page, []).append(prov.bbox)
    return boxes


def _running_text(blocks: Iterable[Block]) -> Iterator[Block | ListItem]:
    """The blocks and list items among ``blocks`` (lists looked into) that are running text."""
    for block in blocks:
        if isinstance(block, Heading | Note | Table) or (
            isinstance(block, Paragraph) and len(block.text.split()) > LABEL_WORDS
        ):
            yield block
        elif isinstance(block, ListBlock):
            # (An item, label and body, is printed as the list's, however short.)
            for item in block.items:
                yield item
                yield from _running_text(item.blocks)


def hide_text_over(page: Any, figure: BBox, running: Sequence[BBox]) -> int:
    """Take off the loaded pdfium ``page`` (raw handle) every text object that reaches into
    ``figure`` (the picture's box) and whose middle lies inside one of ``running`` (boxes of
    running text on that page, user space); the number taken off. Text inside Form XObjects
    counts, placed by their matrices."""
    boxes = [box for box in running if _meets(box, figure)]
    if not boxes:
        return 0
    hidden = 0
    for holder, obj, matrix in list(_text_objects(page, None, _IDENTITY, 0)):
        bounds = _page_bounds(obj, matrix)
        if bounds is None or not _meets(bounds, figure):
            continue
        middle = ((bounds.x0 + bounds.x1) / 2, (bounds.y0 + bounds.y1) / 2)
        if not any(_inside(middle, box) for box in boxes):
            continue
        removed = (c.FPDFPage_RemoveObject(page, obj) if holder is None
                   else c.FPDFFormObj_RemoveObject(holder, obj))
        if removed:
            c.FPDFPageObj_Destroy(obj)
            hidden += 1
    return hidden


def _text_objects(
    page: Any, form: Any, matrix: tuple[float, ...], depth: int
) -> Iterator[tuple[Any, Any, tuple[float, ...]]]:
    """(holder, text object, matrix to page space) for each text object of the page (holder
    None) or of the form object ``form``, forms looked into."""
    count = c.FPDFPage_CountObjects(page) if form is None else c.FPDFFormObj_CountObjects(form)
    for index in range(max(count, 0)):
        obj = (c.FPDFPage_GetObject(page, index) if form is None
               else c.FPDFFormObj_GetObject(form, index))
        if not obj:
            continue
        kind = c.FPDFPageObj_GetType(obj)
        if kind == c.FPDF_PAGEOBJ_TEXT:
            yield form, obj, matrix
        elif kind == c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
            own = c.FS_MATRIX()
            if c.FPDFPageObj_GetMatrix(obj, own):
                inner = _times((own.a, own.b, own.c, own.d, own.e, own.f), matrix)
                yield from _text_objects(page, obj, inner, depth + 1)


def _times(first: tuple[float, ...], then: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying ``first``, then ``then`` (PDF's row-vector convention)."""
    a, b, c_, d, e, f = first
    a2, b2, c2, d2, e2, f2 = then
    return (a * a2 + b * c2, a * b2 + b * d2, c_ * a2 + d * c2, c_ * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _page_bounds(obj: Any, matrix: tuple[float, ...]) -> BBox | None:
    """The object's bounds, in page space (its corners placed by ``matrix``)."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
        return None
    a, b, c_, d, e, f = matrix
    corners = [(a * x + c_ * y + e, b * x + d * y + f)
               for x in (left.value, right.value) for y in (bottom.value, top.value)]
    xs, ys = [x for x, _ in corners], [y for _, y in corners]
    return BBox(min(xs), min(ys), max(xs), max(ys))


def _inside(point: tuple[float, float], box: BBox) -> bool:
    x, y = point
    return box.x0 <= x <= box.x1 and box.y0 <= y <= box.y1


def _meets(a: BBox, b: BBox) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1
