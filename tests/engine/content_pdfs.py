"""One-page PDFs drawn by content-stream operators the test writes itself: where a test needs
to say exactly how text is shown (one ``Tj`` per row, a turned line, runs of spaces)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from workers.engine.layout.glyphs import read_page


def text_page(
    content: bytes, *, base: str = "/Helvetica", size: tuple[float, float] = (595, 842)
) -> tuple[pikepdf.Pdf, pikepdf.Page]:
    """A new PDF and its one page drawn by ``content``, with ``/F1`` a standard-14 font (not
    embedded) in WinAnsiEncoding; for a test that adds more (tags) before saving it."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=size)
    page = pdf.pages[0]
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(base),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(content)
    return pdf, page


def text_page_pdf(
    path: Path,
    operators: Sequence[bytes],
    *,
    base: str = "/Helvetica",
    size: tuple[float, float] = (595, 842),
) -> Path:
    """A page drawing ``operators`` (one per line of the content stream), with ``/F1`` a
    standard-14 font (not embedded) in WinAnsiEncoding."""
    pdf, _ = text_page(b"\n".join(operators), base=base, size=size)
    pdf.save(path)
    return path


def text_pages_pdf(
    path: Path,
    pages: Sequence[Sequence[bytes]],
    *,
    base: str = "/Helvetica",
    size: tuple[float, float] = (612, 792),
) -> Path:
    """A PDF of one page per item of ``pages``, each drawn by its operators (one per line of
    its content stream), all with ``/F1`` one standard-14 font (not embedded) in WinAnsiEncoding."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(base),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    for operators in pages:
        pdf.add_blank_page(page_size=size)
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"\n".join(operators))
    pdf.save(path)
    return path


def shown_at(text: str, x: float, y: float) -> bytes:
    """The operators drawing ``text`` with its start at (x, y)."""
    return f"1 0 0 1 {x:.3f} {y} Tm ({pdf_string(text).decode()}) Tj".encode()


def drawn_widths(tmp_path: Path, texts: Sequence[str]) -> tuple[list[float], float]:
    """Each text's width as ``/F1`` draws it at 10 pt (one per line of a probe page), and
    the height of a line's glyph boxes."""
    operators = [b"BT /F1 10 Tf"]
    for k, text in enumerate(texts):
        operators.append(shown_at(text, 72, 700 - 20 * k))
    operators.append(b"ET")
    probe = text_page_pdf(tmp_path / "probe.pdf", operators)
    with pdfium.PdfDocument(str(probe)) as pdf:
        glyphs = [g for g in read_page(pdf, 0).glyphs if not g.char.isspace()]
    widths = []
    for k in range(len(texts)):
        line = [g for g in glyphs if g.obj == k]  # (each line's one text object)
        widths.append(max(g.x1 for g in line) - min(g.x0 for g in line))
    return widths, max(g.y1 - g.y0 for g in glyphs)


def pdf_string(text: str) -> bytes:
    """``text`` as the inside of a PDF literal string ``(…)``: its backslashes and brackets
    escaped."""
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode()


def fonts_page_pdf(
    path: Path,
    operators: Sequence[bytes],
    fonts: dict[str, str],
    *,
    size: tuple[float, float] = (595, 842),
) -> Path:
    """A page drawing ``operators`` (one per line of the content stream) with ``fonts``:
    resource name -> standard-14 base font ({"F1": "/Times-Roman", "F2": "/Courier"}), each
    not embedded, in WinAnsiEncoding."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=size)
    page = pdf.pages[-1]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary({
        f"/{name}": pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(base),
            Encoding=pikepdf.Name.WinAnsiEncoding,
        ))
        for name, base in fonts.items()
    }))
    page.obj.Contents = pdf.make_stream(b"\n".join(operators))
    pdf.save(path)
    return path


LABELS = ["Pituitary gland", "Thyroid", "Adrenal glands", "Testes", "Ovaries", "Thyroxine",
          "Androgens", "Estrogen"]


def labels_drawn_twice(path: Path, shift: float = 0.0) -> Path:
    """A diagram's labels, each drawn in grey, then all again in black ``shift`` points to
    the right. (Drawn straight after itself, a label's glyphs are dropped by pdfium already:
    a diagram draws all its shadows first.)"""
    ops = [b"BT /F1 11 Tf 72 700 Td (The hormones and the glands that release them) Tj ET"]
    for colour, dx in ((b"0.5", 0.0), (b"0", shift)):
        ops += [
            colour + f" g BT /F1 9 Tf {200 + dx} {600 - 20 * k} Td ({t}) Tj ET".encode()
            for k, t in enumerate(LABELS)
        ]
    return text_page_pdf(path, ops)
