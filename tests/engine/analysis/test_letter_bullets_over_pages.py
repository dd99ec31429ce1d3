"""A list bulleted with a small "o" (a word processor's second-level bullet, set in a face of
its own) that goes on over a page break may leave one point alone on a page: that page has
too few "o"s at the head of a line to tell a bullet from the word, but the face the earlier
page's bullets were set in tells it (:class:`workers.engine.layout.letter_bullets.
LetterBulletFaces`). A lone "o" in the text's own face stays a word. Small PDFs drawn here:
Helvetica (``/F1``) for the text, Courier (``/F2``) for the bullets."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pikepdf

from workers.engine.document import Document, ListItem, Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import pdf_string


def _pages_pdf(path: Path, pages: Sequence[Sequence[bytes]]) -> Path:
    pdf = pikepdf.new()
    fonts = pikepdf.Dictionary({
        f"/{name}": pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(base),
            Encoding=pikepdf.Name.WinAnsiEncoding,
        ))
        for name, base in {"F1": "/Helvetica", "F2": "/Courier"}.items()
    })
    for operators in pages:
        pdf.add_blank_page(page_size=(612, 792))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=fonts)
        page.obj.Contents = pdf.make_stream(b"\n".join(operators))
    pdf.save(path)
    return path


def _text(font: str, x: float, y: float, text: str) -> bytes:
    return b"BT /%s 10 Tf %.2f %.2f Td (%s) Tj ET" % (font.encode(), x, y, pdf_string(text))


_FIRST = [
    "OpenACC worker parallelism for the new graphics cards of the vendor",
    "Data privatization and sharing at the OpenACC gang level",
]
_LAST = "Considerable improvements for the experimental kernels decomposition"
_AFTER = "The offload target code generation can now be adjusted by an option."


def _document(tmp_path: Path, bullet_font: str) -> Document:
    first = [_text("F1", 72, 700, "In addition to general performance tuning, new features:")]
    for k, item in enumerate(_FIRST):
        y = 680 - 16 * k
        first += [_text(bullet_font, 88, y, "o"), _text("F1", 106, y, item)]
    second = [_text(bullet_font, 88, 720, "o"), _text("F1", 106, 720, _LAST),
              _text("F1", 72, 690, _AFTER)]
    return read_layout(_pages_pdf(tmp_path / "pages.pdf", [first, second]), max_pages=2)


def _item_texts(doc: Document) -> list[str]:
    return [b.text for b in doc.walk() if isinstance(b, ListItem)]


def test_a_lone_letter_bullet_after_a_page_break_is_a_bullet(tmp_path: Path) -> None:
    doc = _document(tmp_path, "F2")
    items = _item_texts(doc)
    assert any(_LAST in t and not t.startswith("o ") for t in items), items
    assert not any(isinstance(b, Paragraph) and b.text.startswith("o ") for b in doc.blocks)


def test_a_lone_o_in_the_texts_face_stays_a_word(tmp_path: Path) -> None:
    # (Set in the text's own face, the "o"s are no bullets on either page.)
    doc = _document(tmp_path, "F1")
    assert not any(_LAST in t for t in _item_texts(doc))
