"""A page's crop and media boxes as pdfium draws the page.

pypdfium2's ``get_cropbox`` and ``get_mediabox`` read the boxes with pdfium's
``FPDFPage_Get*Box``, which look only in the page dictionary itself: a box the page inherits
from its page tree node (``/Pages`` holding ``/MediaBox`` for all its pages, as some
producers write it) is not found, and pypdfium2 then falls back to US Letter. pdfium still
draws such a page at its true size, so an A4 page would be measured 612 x 792 and its top 50
points taken for "off the page". Where neither box is found that way, the box pdfium draws the
page in (``FPDF_GetPageBoundingBox``: the crop box cut to the media box, inherited entries
included) stands for both.
"""

from __future__ import annotations

import pypdfium2 as pdfium

Box = tuple[float, float, float, float]


def crop_box(page: pdfium.PdfPage) -> Box:
    """The page's crop box (its media box where it has none), left, bottom, right, top."""
    box = page.get_cropbox(fallback_ok=False) or page.get_mediabox(fallback_ok=False)
    return _floats(box) if box else _floats(page.get_bbox())


def media_box(page: pdfium.PdfPage) -> Box:
    """The page's media box, left, bottom, right, top."""
    box = page.get_mediabox(fallback_ok=False)
    return _floats(box) if box else _floats(page.get_bbox())


def _floats(box: tuple[float, ...]) -> Box:
    left, bottom, right, top = box
    return float(left), float(bottom), float(right), float(top)
