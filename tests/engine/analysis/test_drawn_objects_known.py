"""The objects a page's glyphs were drawn by are known from reading the page; the reader asks
again once glyphs off the page are taken out, and must get what a count of the glyphs it then
holds gives."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from workers.engine.layout.glyphs import OpenedPage, content_drawn_objects, drawn_objects

from ..content_pdfs import text_page_pdf


def test_known_objects_are_those_of_the_glyphs_held(tmp_path: Path) -> None:
    path = text_page_pdf(tmp_path / "words.pdf", [
        b"BT /F1 12 Tf 72 700 Td (Hello) Tj ET",
        b"BT /F1 12 Tf 130 700 Td (world) Tj ET",  # (a gap: pdfium puts a space between)
        b"BT /F1 12 Tf 72 680 Td (again) Tj ET",
        b"BT /F1 12 Tf 700 680 Td (off) Tj ET",  # (beyond the right edge)
    ])
    pdf = pdfium.PdfDocument(str(path))
    try:
        with OpenedPage(pdf, 0) as opened:
            content = opened.content
            assert content.drawn is not None
            found = content_drawn_objects(content)
            assert found == drawn_objects(content.glyphs) and -1 in found and len(found) == 5
            found.clear()  # (the caller's own copy)
            assert content_drawn_objects(content) == drawn_objects(content.glyphs)
            content.glyphs = [g for g in content.glyphs if g.x0 < 595]  # (a new list)
            assert content_drawn_objects(content) == drawn_objects(content.glyphs)
            assert len(content_drawn_objects(content)) == 4
            held = content.glyphs
            content.drawn = (held, len(held), drawn_objects(held))
            del held[next(k for k, g in enumerate(held) if g.obj == 2):]  # (in place)
            assert content_drawn_objects(content) == drawn_objects(held) == {-1, 0, 1}
        assert content.drawn is None  # (the page closed: nothing kept)
    finally:
        pdf.close()
