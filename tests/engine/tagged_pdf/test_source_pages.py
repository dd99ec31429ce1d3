"""The tagger's kept source pages read and render as pages loaded afresh, and at most a bounded
number stay loaded, the first loaded closed first."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from workers.engine.layout.glyphs import read_page
from workers.engine.tagged_pdf.checks import render_page
from workers.engine.tagged_pdf.source_pages import SourcePages, loaded_page, page_content


def pages_pdf(path: Path, count: int) -> Path:
    """``count`` pages, each a line of text and a grey box where the page's number says."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    for number in range(count):
        pdf.add_blank_page(page_size=(300, 200))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(
            f"0.5 g {20 + 30 * number} 20 25 25 re f "
            f"BT /F1 12 Tf 20 150 Td [(Page) -250 ({number + 1})] TJ ET".encode())
    pdf.save(path)
    return path


def test_a_kept_page_reads_and_renders_as_a_page_loaded_afresh(tmp_path: Path) -> None:
    document = pdfium.PdfDocument(str(pages_pdf(tmp_path / "pages.pdf", 3)))
    try:
        with SourcePages(document) as pages:
            for index in range(3):
                glyphs = [(g.char, g.x0, g.y0, g.x1, g.y1) for g in pages.content(index).glyphs]
                # Rendered after its glyphs were read, from the same load.
                assert pages.pixels(index) == render_page(document, index)
                assert glyphs == [(g.char, g.x0, g.y0, g.x1, g.y1)
                                  for g in read_page(document, index).glyphs]
                assert "".join(char for char, *_ in glyphs) == f"Page {index + 1}"
    finally:
        document.close()


def test_at_most_the_limit_is_kept_the_first_loaded_closed_first(tmp_path: Path) -> None:
    document = pdfium.PdfDocument(str(pages_pdf(tmp_path / "pages.pdf", 4)))
    try:
        with SourcePages(document, limit=2) as pages:
            first, second = pages.page(0), pages.page(1)
            assert pages.page(0) is first  # kept: not loaded again
            third = pages.page(2)  # over the limit: page 0, loaded first, is closed
            assert pages.page(1) is second and pages.page(2) is third
            again = pages.page(0)  # loaded again (and page 1 closed for it)
            assert again is not first
            assert pages.page(2) is third
            assert pages.pixels(0) == render_page(document, 0)
            pages.release(2)
            assert pages.page(2) is not third
    finally:
        document.close()


def test_a_document_is_read_as_the_kept_pages_are(tmp_path: Path) -> None:
    """The steps that read a page take the document itself too (each page loaded and closed
    again)."""
    document = pdfium.PdfDocument(str(pages_pdf(tmp_path / "pages.pdf", 2)))
    try:
        with SourcePages(document) as pages:
            assert ([g.char for g in page_content(document, 1).glyphs]
                    == [g.char for g in page_content(pages, 1).glyphs])
            with loaded_page(pages, 1) as kept:
                assert kept is pages.page(1)
            with loaded_page(document, 1) as loaded:
                assert loaded is not pages.page(1)
                assert loaded.get_size() == (300, 200)
    finally:
        document.close()


def test_a_kept_page_is_read_once_and_again_after_its_release(tmp_path: Path) -> None:
    """The steps that read a kept page's glyphs share one reading (the list labels and the
    splitting read the same pages); a page released or closed over the limit is read anew."""
    document = pdfium.PdfDocument(str(pages_pdf(tmp_path / "pages.pdf", 3)))
    try:
        with SourcePages(document, limit=2) as pages:
            first = pages.content(0)
            assert pages.content(0) is first
            pages.release(0)
            again = pages.content(0)
            assert again is not first
            assert [g.char for g in again.glyphs] == [g.char for g in first.glyphs]
            pages.content(1)
            pages.content(2)  # over the limit: page 0 is closed, its reading dropped
            assert pages.content(0) is not again
    finally:
        document.close()
