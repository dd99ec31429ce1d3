"""The structure reader on an author's ``Code`` element: at block level it is a listing, a
preformatted paragraph with its lines and indents; inside a ``P`` it is a word of the
paragraph (inline code). Hand-made tagged PDFs: Helvetica (``/F1``) and Courier (``/F2``)."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Paragraph
from workers.engine.structure.reader import read_structure

from ..content_pdfs import pdf_string
from .conftest import StructureBuild, add_structure_tree

_LISTING = ["int main(void) {", "    puts(\"hi\");", "    return 0;", "}"]


def _code_lines(first_mcid: int, top: float) -> bytes:
    """The listing in Courier, each line its own marked sequence, indented by its spaces."""
    out = []
    for k, line in enumerate(_LISTING):
        indent = len(line) - len(line.lstrip(" "))
        out.append(b"/Code <</MCID %d>> BDC BT /F2 10 Tf %.1f %.1f Td (%s) Tj ET EMC" % (
            first_mcid + k, 72 + 6 * indent, top - 12 * k, pdf_string(line.lstrip(" "))))
    return b"\n".join(out)


def _tagged(path: Path, content: bytes, build: StructureBuild) -> Path:
    """One page drawing ``content``; ``build(pdf, document, page)`` returns the elements
    under the Document element and the MCID -> element map for the parent tree."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]

    def font(base: str) -> pikepdf.Object:
        return pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(base),
            Encoding=pikepdf.Name.WinAnsiEncoding))

    page.obj.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(F1=font("/Helvetica"), F2=font("/Courier")))
    page.obj.Contents = pdf.make_stream(content)
    add_structure_tree(pdf, page, build)
    pdf.save(path)
    return path


def _element(pdf: pikepdf.Pdf, role: str, parent: pikepdf.Object, page: pikepdf.Page,
             kids: list[object]) -> pikepdf.Object:
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name(f"/{role}"), P=parent, Pg=page.obj,
        K=pikepdf.Array(kids)))


def test_code_element_at_block_level_is_a_preformatted_paragraph(tmp_path: Path) -> None:
    content = b"\n".join([
        b"/P <</MCID 0>> BDC BT /F1 10 Tf 72 720 Td (The program below says hi.) Tj ET EMC",
        _code_lines(1, 700),
    ])

    def build(pdf: pikepdf.Pdf, document: pikepdf.Object, page: pikepdf.Page) -> object:
        prose = _element(pdf, "P", document, page, [0])
        code = _element(pdf, "Code", document, page, [1, 2, 3, 4])
        return [prose, code], {0: prose, 1: code, 2: code, 3: code, 4: code}

    doc = read_structure(_tagged(tmp_path / "code.pdf", content, build), max_pages=1)
    assert doc.reader == "structure", doc.warnings
    prose, code = doc.blocks
    assert isinstance(prose, Paragraph) and not prose.preformatted
    assert isinstance(code, Paragraph) and code.preformatted
    assert code.text == "\n".join(_LISTING)


def test_code_inside_a_paragraph_stays_inline(tmp_path: Path) -> None:
    content = (b"/P <</MCID 0>> BDC BT /F1 10 Tf 72 720 Td (Call ) Tj ET EMC\n"
               b"/Code <</MCID 1>> BDC BT /F2 10 Tf 98 720 Td (puts) Tj ET EMC\n"
               b"/P <</MCID 2>> BDC BT /F1 10 Tf 124 720 Td (to say it.) Tj ET EMC")

    def build(pdf: pikepdf.Pdf, document: pikepdf.Object, page: pikepdf.Page) -> object:
        paragraph = _element(pdf, "P", document, page, [0])
        code = _element(pdf, "Code", paragraph, page, [1])
        paragraph.K = pikepdf.Array([0, code, 2])
        return [paragraph], {0: paragraph, 1: code, 2: paragraph}

    doc = read_structure(_tagged(tmp_path / "inline.pdf", content, build), max_pages=1)
    (paragraph,) = doc.blocks
    assert isinstance(paragraph, Paragraph) and not paragraph.preformatted
    assert paragraph.text == "Call puts to say it."


def test_an_actual_text_with_line_breaks_keeps_a_listings_lines_and_parts_a_paragraphs_words(
    tmp_path: Path,
) -> None:
    # The listing drawn in one proportional line (as a tagger's drawing might read), the
    # author's /ActualText saying it with its lines and indents; a paragraph whose
    # /ActualText breaks its line after "says": a line break parts words as a space does.
    content = b"\n".join([
        b"/P <</MCID 0>> BDC BT /F1 10 Tf 72 720 Td (The program below says hi.) Tj ET EMC",
        b"/Code <</MCID 1>> BDC BT /F1 10 Tf 72 700 Td (%s) Tj ET EMC"
        % pdf_string(" ".join(line.strip() for line in _LISTING)),
    ])

    def build(pdf: pikepdf.Pdf, document: pikepdf.Object, page: pikepdf.Page) -> object:
        prose = _element(pdf, "P", document, page, [0])
        prose.ActualText = pikepdf.String("The program below says\nhi.")
        code = _element(pdf, "Code", document, page, [1])
        code.ActualText = pikepdf.String("\r\n".join(_LISTING))
        return [prose, code], {0: prose, 1: code}

    doc = read_structure(_tagged(tmp_path / "said.pdf", content, build), max_pages=1)
    assert doc.reader == "structure", doc.warnings
    prose, code = doc.blocks
    assert isinstance(prose, Paragraph) and prose.text == "The program below says hi."
    assert isinstance(code, Paragraph) and code.preformatted
    assert code.text == "\n".join(_LISTING)
