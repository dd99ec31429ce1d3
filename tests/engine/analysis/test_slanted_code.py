"""Code set inline in a typewriter face, a word of it slanted for emphasis: a face with no
italic is skewed (Chromium sets a <var> in code so), and a slanted glyph's box is wider
than its advance by its slant. The face is still told as of fixed pitch by its advances
(:func:`workers.engine.layout.lines.shows_fixed_pitch`), so a paragraph's last line
holding it, measuring larger than the text for the typewriter face's taller box, is read
as the text's size, not as a heading. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from workers.engine.document import Heading
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.lines import advances, fragments, large_code_fonts
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

FONTS = {"F1": "/Times-Roman", "F3": "/Courier"}
#: Courier's pitch at 13 points.
PITCH = 0.6 * 13
LINES = [
    "For subpackages such as these ones, the recommendation made by the policy is to name",
    "the binary package after the module it provides, with the prefix for its Python, so",
    "that a reader of the archive can find the package that provides a module; thus the",
]


def _code_line(y: float) -> list[bytes]:
    """ "package python3-foo.bar." at ``y``: "package " and the stop in Times 10, the
    code in Courier 13, its last word skewed a quarter of its height to the right."""
    start = 72 + 35.26  # (after "package " in Times 10)
    slanted = start + 8 * PITCH
    stop = slanted + 7 * PITCH
    return [
        b"BT /F1 10 Tf 72 %.2f Td (package ) Tj /F3 13 Tf (python3-) Tj ET" % y,
        b"BT /F3 13 Tf 1 0 0.25 1 %.2f %.2f Tm (foo.bar) Tj ET" % (slanted, y),
        b"BT /F1 10 Tf %.2f %.2f Td (.) Tj ET" % (stop, y),
    ]


def _page(tmp_path: Path) -> Path:
    ops = [b"BT /F1 10 Tf 72 %d Td (" % (700 - 12 * k) + pdf_string(text) + b") Tj ET"
           for k, text in enumerate(LINES)]
    ops += _code_line(700 - 12 * len(LINES))
    return fonts_page_pdf(tmp_path / "slanted.pdf", ops, FONTS, size=(612, 792))


def test_slanted_code_steps_by_its_pitch(tmp_path: Path) -> None:
    glyphs = read_page(pdfium.PdfDocument(_page(tmp_path)), 0).glyphs
    line = next(f for f in fragments(glyphs) if f.text.startswith("package"))
    code = [g for g in line.glyphs if g.font == "Courier"]
    slanted = code[8:]
    # (The premise: the slanted boxes are wider than the upright ones.)
    assert slanted[0].x1 - slanted[0].x0 > 1.2 * (code[0].x1 - code[0].x0)
    assert all(abs(a - PITCH) < 0.1 for a in advances(slanted))
    assert large_code_fonts(line.glyphs) == {"Courier"}


def test_a_line_ending_in_slanted_code_is_no_heading(tmp_path: Path) -> None:
    doc = read_layout(_page(tmp_path), max_pages=1)
    assert not [b.text for b in doc.blocks if isinstance(b, Heading)]


def _term(y: float, option: str, slanted: str) -> list[bytes]:
    """A definition list's term at ``y``: "-x or ``option`` ``slanted``", the options in
    Courier 13, "or" in Times 10, the last word skewed."""
    start = 72 + 2 * PITCH + 12.0  # (after "-x" and " or ")
    at = start + (len(option) + 1) * PITCH
    return [
        b"BT /F3 13 Tf 72 %.2f Td (-x) Tj /F1 10 Tf ( or ) Tj /F3 13 Tf (" % y
        + pdf_string(option) + b" ) Tj ET",
        b"BT /F3 13 Tf 1 0 0.25 1 %.2f %.2f Tm (" % (at, y) + pdf_string(slanted) + b") Tj ET",
    ]


def test_a_term_in_slanted_code_opens_no_line_of_the_definition_above(tmp_path: Path) -> None:
    ops = [b"BT /F1 10 Tf 72 %d Td (" % (700 - 12 * k) + pdf_string(text) + b") Tj ET"
           for k, text in enumerate(LINES)]
    y = 700 - 12 * len(LINES) - 20
    definitions = ["Writes nothing to any file or resource.", "Writes the output to the file."]
    for option, slanted, definition in zip(
        ["--nowrite-all", "--output-file"], ["NOTHING", "FILENAME"], definitions, strict=True
    ):
        ops += _term(y, option, slanted)
        ops.append(b"BT /F1 10 Tf 100 %.2f Td (" % (y - 14) + pdf_string(definition)
                   + b") Tj ET")
        y -= 30
    path = fonts_page_pdf(tmp_path / "terms.pdf", ops, FONTS, size=(612, 792))
    texts = [str(getattr(b, "text", "")) for b in read_layout(path, max_pages=1).blocks]
    resource = next(t for t in texts if "resource." in t)
    assert "--output-file" not in resource
