"""pages_drawn_differently with ``text``: each page's pixels and text are read from one load
of it, the text only where the pixels agree; the pages found are those that render or read
differently. With ``read_also``, a page of the saved copy is handed on as loaded for its
render (the tagger reads its logical texts' pages then)."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from workers.engine.document import BBox, Prov
from workers.engine.tagged_pdf.checks import (
    loaded_page_text,
    pages_drawn_differently,
    render_page,
)
from workers.engine.tagged_pdf.drawn_encoding import to_unicode_cmap
from workers.engine.tagged_pdf.logical_text import pages_maybe_read
from workers.engine.tagged_pdf.plan import Node


def _source(path: Path) -> Path:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding))
    for _ in range(3):
        pdf.add_blank_page(page_size=(200, 100))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 10 50 Td (ABBA) Tj ET")
    pdf.save(path)
    return path


class _Counting(pdfium.PdfDocument):  # type: ignore[misc]
    loads = 0

    def __getitem__(self, index: int) -> pdfium.PdfPage:
        type(self).loads += 1
        return super().__getitem__(index)


def test_text_read_differently_is_found_and_each_source_page_loaded_once(
    tmp_path: Path,
) -> None:
    path = _source(tmp_path / "source.pdf")
    with pikepdf.open(path) as pdf:
        # Page 2 reads "ZBBZ" (the same glyphs); page 3 draws other glyphs.
        font = pikepdf.Dictionary(dict(pdf.pages[1].Resources.Font.F1.items()))
        font[pikepdf.Name.ToUnicode] = pdf.make_stream(to_unicode_cmap({65: "Z", 66: "B"}))
        pdf.pages[1].Resources.Font.F1 = pdf.make_indirect(font)
        pdf.pages[2].Contents = pdf.make_stream(b"BT /F1 12 Tf 10 50 Td (ABBC) Tj ET")
        source = _Counting(str(path))
        try:
            assert render_page(source, 1) == render_page(source, 0)  # the text alone differs
            _Counting.loads = 0
            assert pages_drawn_differently(pdf, source, [0, 1, 2], text=True) == [1, 2]
            assert _Counting.loads == 3  # one load per page, for its pixels and its text
            assert pages_drawn_differently(pdf, source, [0, 1, 2]) == [2]
            assert pages_drawn_differently(
                pdf, source, [0, 1, 2], text=True,
                source_pixels=lambda index, clip: render_page(source, index, clip),
            ) == [1, 2]
        finally:
            source.close()


def test_a_page_loaded_for_its_render_is_handed_on_and_not_loaded_again(tmp_path: Path) -> None:
    path = _source(tmp_path / "source.pdf")
    with pikepdf.open(path) as pdf:
        pdf.pages[2].Contents = pdf.make_stream(b"BT /F1 12 Tf 10 50 Td (ABBC) Tj ET")
        source = pdfium.PdfDocument(str(path))
        buffer = io.BytesIO()
        pdf.save(buffer)
        saved = _Counting(buffer.getvalue())  # as the tagger's copy (checks.pdfium_copy)
        read: dict[int, str] = {}
        try:
            _Counting.loads = 0
            found = pages_drawn_differently(
                pdf, source, [0, 2], saved=saved,
                read_also=lambda index, page: read.update({index: loaded_page_text(page)}))
            assert _Counting.loads == 2  # each page of the copy loaded once, for both
            assert found == [2] == pages_drawn_differently(pdf, source, [0, 2])
            assert read == {0: "ABBA", 2: "ABBC"}
        finally:
            saved.close()
            source.close()


def test_the_pages_logical_texts_may_read_are_those_of_the_leaves_they_look_at() -> None:
    def leaf(text: str, page: int, role: str = "P", **flags: bool) -> Node:
        return Node(role, prov=[Prov(page, BBox(0, 0, 10, 10), **flags)], text=text)

    plain = [leaf("one", 0), leaf("two", 1, interleaved=True), leaf("x = 1", 2, role="Code"),
             leaf("", 3, role="Figure", run_on=True)]
    assert pages_maybe_read(plain) == {1, 2}
    # With right-to-left text anywhere, any leaf but a figure may read otherwise.
    assert pages_maybe_read([*plain, leaf("שלום", 4)]) == {0, 1, 2, 4}
    assert pages_maybe_read([leaf("one", 0)]) == set()
