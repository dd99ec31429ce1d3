"""A definition list's terms set as bold lines of their own, each described under it in the
body's face indented past it (Sphinx's "Fragility" over its indented text): they are terms,
read as paragraphs, not headings, where the text's paragraphs start at the terms' edge. One
such pair alone stays a heading (a heading over an indented quote), and so do a manual
page's headings, left of all its text: its paragraphs start where the text under each
heading does (groff's ``.SS`` subsections, "Array Index: .[2]", over their sections)."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf

FONTS = {"F1": "/Times-Roman", "F2": "/Times-Bold"}


def _headings(path: Path) -> list[str]:
    doc = read_layout(path, max_pages=1)
    return [b.text for b in doc.blocks if isinstance(b, Heading)]


def _lines(x: float, y: float, count: int, text: str, font: str = "F1") -> list[bytes]:
    return [
        f"BT /{font} 10 Tf {x} {y - 12 * k} Td ({text}) Tj ET".encode() for k in range(count)
    ]


def _body(y: float) -> list[bytes]:
    return _lines(72, y, 3, "Historically the tool has not had a way to depend on other "
                            "libraries, for reasons given below.")


def _term(y: float, term: str, x: float = 72) -> list[bytes]:
    return [
        f"BT /F2 10 Tf {x} {y} Td ({term}) Tj ET".encode(),
        *_lines(x + 30, y - 14, 2, "When the tool depends on another library to work, that "
                                   "library may be removed."),
    ]


def test_bold_terms_described_indented_under_them_are_no_headings(
    tmp_path: Path, block_loop: str
) -> None:
    ops = [
        b"BT /F2 16 Tf 72 780 Td (Rationale) Tj ET",
        *_body(756),
        *_term(700, "Fragility"),
        *_term(650, "Security"),
        *_term(600, "Bootstrapping"),
    ]
    path = fonts_page_pdf(tmp_path / "terms.pdf", ops, FONTS)
    assert _headings(path) == ["Rationale"]


def test_one_bold_line_over_indented_text_stays_a_heading(
    tmp_path: Path, block_loop: str
) -> None:
    ops = [
        b"BT /F2 16 Tf 72 780 Td (Rationale) Tj ET",
        *_body(756),
        *_term(700, "Security"),
        *_body(650),
    ]
    path = fonts_page_pdf(tmp_path / "quote.pdf", ops, FONTS)
    assert "Security" in _headings(path)


def test_a_manual_pages_headings_left_of_all_its_text_stay_headings(
    tmp_path: Path, block_loop: str
) -> None:
    ops = [*_term(760, "NAME"), *_term(710, "SYNOPSIS"), *_term(660, "DESCRIPTION")]
    path = fonts_page_pdf(tmp_path / "manual.pdf", ops, FONTS)
    assert _headings(path) == ["NAME", "SYNOPSIS", "DESCRIPTION"]


def test_subsection_headings_set_out_left_of_the_text_stay_headings(
    tmp_path: Path, block_loop: str
) -> None:
    # A manual page: section headings at the margin, subsection headings a little in, and
    # all the text, paragraphs after the first of each subsection too, further in; a note
    # in the text's face at the subsections' edge here and there.
    ops = [b"BT /F2 11 Tf 72 780 Td (DESCRIPTION) Tj ET", *_lines(108, 764, 2, "The tool "
           "reads its input and writes what the filters make of it, one value a line.")]
    y = 720.0
    for title in ("Identity", "Array Index", "Object Index"):
        ops += [
            f"BT /F2 10 Tf 87 {y} Td ({title}) Tj ET".encode(),
            *_lines(108, y - 14, 2, "The filter takes its input and gives it back as its "
                                    "output, unchanged, for each value read."),
            *_lines(108, y - 48, 2, "A second paragraph of the subsection says more of "
                                    "what the filter does with its input."),
            *_lines(87, y - 80, 1, "The same, with no errors."),
        ]
        y -= 100
    path = fonts_page_pdf(tmp_path / "manual_ss.pdf", ops, FONTS)
    assert _headings(path) == ["DESCRIPTION", "Identity", "Array Index", "Object Index"]
