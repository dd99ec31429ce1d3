"""A page whose media box is inherited from its page tree node is measured at its true size
(pypdfium2's box accessors fall back to US Letter there), by the layout reader and the
large-print renderer's figure crops alike."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from workers.engine.layout.reader import read_layout
from workers.engine.page_boxes import crop_box, media_box

from .analysis.drawn_pdfs import helvetica_page

A4 = (0.0, 0.0, 595.28, 841.89)


def _a4_inherited(path: Path, *, crop: tuple[float, ...] | None = None) -> Path:
    helvetica_page(path, ["BT /F1 11 Tf 72 700 Td (A line of text on the page.) Tj ET"])
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0].obj
        del page["/MediaBox"]  # (written on the page tree node instead, for the page to inherit)
        pdf.Root.Pages.MediaBox = pikepdf.Array(list(A4))
        if crop is not None:
            page.CropBox = pikepdf.Array(list(crop))
        pdf.save(path)
    return path


def _rounded(box: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(round(v, 2) for v in box)


def test_an_inherited_media_box_is_read_at_its_size(tmp_path: Path) -> None:
    path = _a4_inherited(tmp_path / "a4.pdf")
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        assert _rounded(page.get_mediabox()) == (0, 0, 612, 792)  # (why this module is)
        assert _rounded(crop_box(page)) == A4
        assert _rounded(media_box(page)) == A4
    finally:
        pdf.close()
    size = read_layout(path, max_pages=5).pages[0]
    assert (round(size.width, 2), round(size.height, 2)) == (595.28, 841.89)


def test_a_crop_box_written_in_the_page_is_read_as_it_is(tmp_path: Path) -> None:
    path = _a4_inherited(tmp_path / "cropped.pdf", crop=(20, 30, 500, 800))
    pdf = pdfium.PdfDocument(str(path))
    try:
        assert _rounded(crop_box(pdf[0])) == (20, 30, 500, 800)
    finally:
        pdf.close()
