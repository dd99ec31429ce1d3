"""Pages are rendered into a buffer kept from one render to the next (checks._reused_bitmap):
the pixels are exactly those of a render into a new bitmap, whatever was rendered before
(a larger page, another page, a clipped render)."""

from __future__ import annotations

import io
import threading

import pikepdf
import pypdfium2 as pdfium
import pytest

from workers.engine.tagged_pdf import checks
from workers.engine.tagged_pdf.checks import PIXEL_SCALE, page_pixels, render_page

_TEXT = ("0.2 0.4 0.6 rg 20 20 100 60 re f "
         "BT /F1 {size} Tf 30 {y} Td (Pixels kept apart) Tj ET")


def _document(sizes: list[tuple[float, float]]) -> pdfium.PdfDocument:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
    for number, (width, height) in enumerate(sizes):
        pdf.add_blank_page(page_size=(width, height))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(
            _TEXT.format(size=10 + 4 * number, y=height / 2).encode())
    buffer = io.BytesIO()
    pdf.save(buffer)
    return pdfium.PdfDocument(buffer.getvalue())


def _fresh(document: pdfium.PdfDocument, index: int) -> bytes:
    """The render into a new bitmap (pypdfium2's own)."""
    page = document[index]
    try:
        bitmap = page.render(scale=PIXEL_SCALE)
        try:
            return bytes(bitmap.buffer)
        finally:
            bitmap.close()
    finally:
        page.close()


@pytest.fixture
def new_buffer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "_RENDER_BUFFER", threading.local())


@pytest.mark.usefixtures("new_buffer")
def test_pages_render_as_into_a_new_bitmap_after_larger_and_other_pages() -> None:
    # A large page first (the buffer kept holds its pixels), then smaller and odd sizes.
    document = _document([(600, 800), (200, 150), (333.5, 101.25), (600, 800), (90, 700)])
    try:
        for index in [0, 1, 2, 3, 4, 1, 0]:
            assert render_page(document, index) == _fresh(document, index)
    finally:
        document.close()


@pytest.mark.usefixtures("new_buffer")
def test_clipped_renders_do_not_see_an_earlier_render() -> None:
    document = _document([(300, 200), (300, 200)])
    boxes = [(10, 20, 200, 190)]
    try:
        first = render_page(document, 1, boxes)  # the buffer is new: nothing before it
        render_page(document, 0)  # the buffer now holds another page's pixels
        assert render_page(document, 1, boxes) == first
    finally:
        document.close()


def test_a_buffer_too_large_to_keep_is_not_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "_RENDER_BUFFER", threading.local())
    monkeypatch.setattr(checks, "MAX_KEPT_RENDER_BYTES", 1000)
    document = _document([(100, 100)])
    try:
        page = document[0]
        try:
            assert page_pixels(page) == _fresh(document, 0)
        finally:
            page.close()
    finally:
        document.close()
    assert getattr(checks._RENDER_BUFFER, "buffer", None) is None
