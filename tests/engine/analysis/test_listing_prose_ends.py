"""A listing's lines (code in a fixed-pitch face, its words set in columns: pieces apart)
followed or led by a prose line of several pieces (justified, set word by word) are one run
of lines for the table finder; the prose lines at the run's ends are the text round the
listing, read with their paragraphs (see :func:`workers.engine.layout.tables._prose_ends`).
Small PDFs drawn here: Times (``/F1``) for the prose, Courier (``/F2``) for the code."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workers.engine.document import Document, Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

#: Code lines, each a list of (column, word): words set in columns, as a listing's
#: generator places them (each a piece of its own on the page).
_CODE = [
    [(0, "Group"), (8, "::="), (12, "SEQUENCE"), (21, "{")],
    [(2, "id"), (8, "OBJECT"), (15, "IDENTIFIER,")],
    [(2, "value"), (8, "Value")],
    [(0, "}")],
]
#: Prose lines, each a list of its pieces: a justified line's word spaces stretched, one
#: (after a comma) so far as to part the line in two.
_AFTER = [
    ["Each name must be set apart from the others,", "so the following declaration is"],
    ["invalid, though the parser reads the rest of it:"],
]
_BEFORE = [
    ["For an example of the syntax, check the file", "distributed with the library."],
    ["Definitions must follow the syntax below:"],
]
_LEFT, _STEP = 72.0, 12.0


def _pdf(path: Path, operators: Sequence[bytes]) -> Path:
    return fonts_page_pdf(path, operators, {"F1": "/Times-Roman", "F2": "/Courier"})


def _code(top: float) -> list[bytes]:
    return [
        b"BT /F2 10 Tf %.2f %.2f Td (%s) Tj ET" % (_LEFT + 18 + 6 * column, top - k * _STEP,
                                                 pdf_string(word))
        for k, line in enumerate(_CODE) for column, word in line
    ]


def _prose(lines: Sequence[Sequence[str]], top: float) -> list[bytes]:
    """Each line's pieces set an em apart (drawn with no space glyph between them)."""
    out = []
    for k, pieces in enumerate(lines):
        spread = b" -1000 ".join(b"(%s)" % pdf_string(piece) for piece in pieces)
        out.append(b"BT /F1 10 Tf %.2f %.2f Td [%s] TJ ET" % (_LEFT, top - k * _STEP, spread))
    return out


def _texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def _prose_text(lines: Sequence[Sequence[str]]) -> str:
    return " ".join(" ".join(words) for words in lines)


def test_prose_after_a_listing_is_one_paragraph(tmp_path: Path) -> None:
    top = 700.0
    ops = [*_code(top), *_prose(_AFTER, top - len(_CODE) * _STEP - 4)]
    doc = read_layout(_pdf(tmp_path / "after.pdf", ops), max_pages=1)
    texts = _texts(doc)
    assert _prose_text(_AFTER) in texts
    # The code is still read line by line, its closing brace (no face to tell) with it.
    (code,) = [b for b in doc.blocks if isinstance(b, Paragraph) and b.preformatted]
    assert code.text.split("\n")[0].startswith("Group") and code.text.endswith("}")


def test_prose_leading_into_a_listing_is_one_paragraph(tmp_path: Path) -> None:
    top = 700.0
    ops = [*_prose(_BEFORE, top), *_code(top - len(_BEFORE) * _STEP - 4)]
    texts = _texts(read_layout(_pdf(tmp_path / "before.pdf", ops), max_pages=1))
    assert _prose_text(_BEFORE) in texts
    assert not any("Group" in text and "For an example" in text for text in texts)
