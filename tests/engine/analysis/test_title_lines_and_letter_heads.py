"""Headings a word processor or a browser sets in ways the heading rules missed: a title
broken over two lines set with a heading style's wide leading (one and a half lines) is one
heading, not a heading and a second one under it; and a section named by one capital letter
("C", a language among "Ada" and "Fortran") in the headings' face is a heading like its
neighbours; a letter drawn large in no heading's face (a figure's placeholder) is none."""

from __future__ import annotations

from pathlib import Path

from tests.engine.content_pdfs import fonts_page_pdf
from workers.engine.document import Heading, block_text
from workers.engine.layout.reader import read_layout

_FONTS = {"F1": "/Helvetica", "F2": "/Helvetica-Bold"}
_BODY = "The tool counts the blocks a program allocates, and how it reads and writes them."


def _body(top: float, lines: int) -> list[bytes]:
    """``lines`` lines of body text, 10 pt on a 14 pt pitch, the first at ``top``."""
    return [
        f"BT /F1 10 Tf 72 {top - 14 * k} Td ({_BODY}) Tj ET".encode() for k in range(lines)
    ]


def _headings(path: Path, ops: list[bytes]) -> list[str]:
    doc = read_layout(fonts_page_pdf(path, ops, _FONTS), max_pages=1)
    return [b.text for b in doc.blocks if isinstance(b, Heading)]


def test_a_title_on_two_lines_with_wide_leading_is_one_heading(tmp_path: Path) -> None:
    ops = [b"BT /F2 24 Tf 72 760 Td (13. BBV: an experimental) Tj ET",
           b"BT /F2 24 Tf 72 716 Td (basic block vector generation tool) Tj ET"]
    ops += _body(690, 3)
    ops.append(b"BT /F2 14 Tf 72 620 Td (13.1. Overview) Tj ET")
    ops += _body(600, 3)
    headings = _headings(tmp_path / "title.pdf", ops)
    assert "13. BBV: an experimental basic block vector generation tool" in headings, headings


def _language_sections(size: float) -> list[bytes]:
    """A page of sections "Ada", "C", "Fortran", "Go" in bold at ``size``, each over two
    body lines, under a larger title."""
    ops = [b"BT /F2 20 Tf 72 780 Td (Language improvements) Tj ET"]
    y = 750.0
    for name in ["Ada", "C", "Fortran", "Go"]:
        ops.append(f"BT /F2 {size} Tf 72 {y} Td ({name}) Tj ET".encode())
        ops += _body(y - 20, 2)
        y -= 70
    return ops


def test_a_one_letter_section_in_the_headings_face_is_a_heading(tmp_path: Path) -> None:
    ops = _language_sections(14)
    headings = _headings(tmp_path / "letter.pdf", ops)
    assert [h for h in headings if h != "Language improvements"] == ["Ada", "C", "Fortran", "Go"]


def test_a_letter_drawn_large_in_no_headings_face_is_no_heading(tmp_path: Path) -> None:
    # (A figure's placeholder, "A" drawn large in its box: no heading is set in its face.)
    ops = [b"BT /F1 80 Tf 150 600 Td (A) Tj ET",
           b"BT /F2 14 Tf 72 540 Td (Figures and Tables) Tj ET"]
    ops += _body(520, 3)
    ops.append(b"BT /F2 14 Tf 72 440 Td (Theorems) Tj ET")
    ops += _body(420, 3)
    headings = _headings(tmp_path / "figure.pdf", ops)
    assert headings == ["Figures and Tables", "Theorems"], headings


def test_a_one_letter_section_in_bold_at_the_bodys_size_is_a_heading(tmp_path: Path) -> None:
    # (Bold headings no larger than the body: "C" among them as "Fortran" is.)
    ops = _language_sections(10)
    headings = _headings(tmp_path / "bold.pdf", ops)
    assert [h for h in headings if h != "Language improvements"] == ["Ada", "C", "Fortran", "Go"]


def test_a_capital_c_heading_the_top_of_a_page_is_no_page_number(tmp_path: Path) -> None:
    # (Read as a Roman numeral, "C" is a hundred: a page number no short document reaches,
    # and no front matter's, which is numbered in small ones.)
    ops = [b"BT /F2 14 Tf 72 800 Td (C) Tj ET"]
    ops += _body(770, 3)
    ops.append(b"BT /F2 14 Tf 72 700 Td (Fortran) Tj ET")
    ops += _body(680, 3)
    headings = _headings(tmp_path / "top.pdf", ops)
    assert headings == ["C", "Fortran"], headings


def test_a_sentence_wrapped_onto_a_line_in_bold_goes_on_in_its_paragraph(
    tmp_path: Path,
) -> None:
    # (The line above reaches its column's edge and leaves its sentence open: the bold words
    # under it are the rest of that sentence, set at its leading, not a heading.)
    ops = [b"BT /F2 14 Tf 72 780 Td (Leak reports) Tj ET"]
    ops += _body(750, 2)
    ops.append(b"BT /F1 10 Tf 72 722 Td (The tool counts the blocks a program allocates, "
               b"and how it reads and writes the) Tj ET")
    ops.append(b"BT /F2 10 Tf 72 708 Td (blocks it lost for good.) Tj /F1 10 Tf ( Yes.) Tj ET")
    ops.append(b"BT /F2 14 Tf 72 660 Td (Next steps) Tj ET")
    ops += _body(640, 3)
    doc = read_layout(fonts_page_pdf(tmp_path / "wrapped.pdf", ops, _FONTS), max_pages=1)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == [
        "Leak reports", "Next steps"
    ]
    assert any(
        "writes the blocks it lost for good." in getattr(b, "text", "") for b in doc.blocks
    )


def test_a_sentence_wrapped_into_bold_under_a_term_at_a_tab_goes_on(tmp_path: Path) -> None:
    # A manual's entry: its term, then its text at a tab stop, wrapped at a hyphen in a word
    # set in bold; the next line, under the text (not under the term), mostly in bold.
    ops = _body(750, 2)
    ops.append(b"BT /F2 10 Tf 72 722 Td (typeof\\(x\\)) Tj ET")
    ops.append(b"BT /F1 10 Tf 128 722 Td (The type of value x, as a string, which is one of ) Tj "
               b"/F2 10 Tf (array) Tj /F1 10 Tf (, ) Tj /F2 10 Tf (number) Tj /F1 10 Tf (, ) Tj "
               b"/F2 10 Tf (reg-) Tj ET")
    ops.append(b"BT /F2 10 Tf 128 708 Td (exp) Tj /F1 10 Tf (, ) Tj /F2 10 Tf (string) Tj "
               b"/F1 10 Tf ( or ) Tj /F2 10 Tf (undefined) Tj /F1 10 Tf (.) Tj ET")
    ops += _body(680, 3)
    doc = read_layout(fonts_page_pdf(tmp_path / "term.pdf", ops, _FONTS), max_pages=1)
    texts = [block_text(b) for b in doc.blocks]
    assert any("typeof(x) The type of value x" in t and "exp, string or undefined." in t
               for t in texts), texts
