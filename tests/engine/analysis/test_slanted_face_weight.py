"""A slanted face whose font names it italic and no weight ("DejaVuSans-Oblique", as a
browser embeds it) is the regular weight, though the stem width in its descriptor, measured
across the slant, would make the weight pdfium estimates from it bold: a quotation set in
it, a few words on a line of its own, is no heading in bold."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Heading, Paragraph
from workers.engine.layout.reader import read_layout

_BODY = "The tool counts the blocks a program allocates, and how it reads and writes them."


def _page(path: Path, slanted: str) -> Path:
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[-1]

    def font(base: str, stem: int, angle: int) -> pikepdf.Object:
        descriptor = pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name(base), Flags=68 if angle
            else 4, ItalicAngle=angle, StemV=stem, Ascent=760, Descent=-240, CapHeight=730,
            FontBBox=[-1021, -463, 1793, 1232],
        )
        return pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(base),
            Encoding=pikepdf.Name.WinAnsiEncoding, FontDescriptor=descriptor,
        ))

    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(
        F1=font("/Helvetica", 46, 0), F2=font(slanted, 122, -11),
        F3=font("/Helvetica-Bold", 92, 0),
    ))
    ops = [b"BT /F3 16 Tf 72 780 Td (Opinions) Tj ET"]
    for k in range(3):
        ops.append(f"BT /F1 10 Tf 72 {750 - 14 * k} Td ({_BODY}) Tj ET".encode())
    ops.append(b"BT /F2 10 Tf 72 690 Td (We adopted the library for our servers) Tj ET")
    for k in range(3):
        ops.append(f"BT /F1 10 Tf 72 {664 - 14 * k} Td ({_BODY}) Tj ET".encode())
    page.obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def test_a_line_in_an_oblique_face_is_no_bold_heading(tmp_path: Path) -> None:
    doc = read_layout(_page(tmp_path / "quote.pdf", "/DejaVuSans-Oblique"), max_pages=1)
    quote = "We adopted the library for our servers"
    assert not any(isinstance(b, Heading) and b.text == quote for b in doc.blocks)
    assert any(isinstance(b, Paragraph) and b.text == quote for b in doc.blocks)


def test_a_bold_oblique_face_stays_bold(tmp_path: Path) -> None:
    doc = read_layout(_page(tmp_path / "bold.pdf", "/DejaVuSans-BoldOblique"), max_pages=1)
    assert any(isinstance(b, Heading) and b.text.startswith("We adopted") for b in doc.blocks)
