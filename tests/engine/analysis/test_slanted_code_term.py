"""A definition list's term holding code set inline, a word of it slanted (Chromium skews a
typewriter face that has no italic, for a <var>), measures larger than the text for the
typewriter face's taller box; its prose ("or") is of the text's size. Set out left of the
last definition's one line, which closes its sentence, it opens no line of that
definition (:func:`workers.engine.layout.reader._code_inline_goes_on`). A small PDF drawn
here."""

from __future__ import annotations

from pathlib import Path

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
