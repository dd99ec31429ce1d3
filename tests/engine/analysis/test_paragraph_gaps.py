"""Paragraphs parted by a wider gap than their lines' are read apart, even on a page where
the gaps between paragraphs outnumber those between lines (a manual's function entry: a
parameter a paragraph of one line each, a description of a few lines): the usual gap
between lines is the narrower kind (:func:`workers.engine.layout.reader._leading`)."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

_PARAGRAPHS = [
    ["file: the path and the name of the file that holds the declarations."],
    ["definitions: where the structure made from the file is returned."],
    ["error_desc: where the description of an error is written, if there is one."],
    ["Reads the declarations of the file and makes the structures needed to manage",
     "the definitions included in the file, checking each name against the others",
     "as it goes, so that a name used before it is declared is found at once."],
    ["vector: the array of declarations made by the parser beforehand."],
    ["name: the name the vector of declarations is given in the output."],
    ["Returns: success when the file has a correct syntax and every name in it is",
     "known, or an error saying which name is unknown, which line does not parse,",
     "or that the file could not be opened for reading at all."],
    ["size: the size of the buffer the description is written into."],
    ["flags: how the structures are made, one bit for each of the options."],
    ["The structures made are freed by the caller when they are no longer needed,",
     "each with the function that deletes a structure and every node under it,",
     "which sets the pointer it is given to nothing once it is done."],
]


def test_one_line_paragraphs_outnumbering_lines_are_read_apart(tmp_path: Path) -> None:
    ops = []
    y = 760.0
    for paragraph in _PARAGRAPHS:
        for line in paragraph:
            ops.append(b"BT /F1 10 Tf 90 %.1f Td (%s) Tj ET" % (y, pdf_string(line)))
            y -= 13.2
        y -= 4.5  # the wider gap between paragraphs
    path = fonts_page_pdf(tmp_path / "entry.pdf", ops, {"F1": "/Times-Roman"})
    doc = read_layout(path, max_pages=1)
    read = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert read == [" ".join(paragraph) for paragraph in _PARAGRAPHS]
