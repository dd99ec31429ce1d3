"""A listing whose text the layout reader spells from its glyphs' places (each character in a
cell of a fixed pitch, set in a proportional face) reads back from the tagged PDF as the model
says it: its ``Code`` element gets an /ActualText where pdfium, reading the drawing, would part
or join its words otherwise ("i f" for "if")."""

from __future__ import annotations

import re
from pathlib import Path

import pikepdf

from workers.engine.document import Paragraph
from workers.engine.structure.reader import read_structure

from ..analysis.test_code_listings import (
    _AFTER,
    _BRACED,
    _HELVETICA_WIDTHS,
    _escaped,
    _lines,
    _pdf,
)
from .conftest import tag_and_check


def _cells_source(path: Path) -> Path:
    ops = [b"BT /F1 14 Tf 72 740 Td (Loops in Go) Tj ET"]
    for k, line in enumerate(_BRACED):
        for column, char in enumerate(line):
            if char != " ":
                ops.append(b"BT /F1 10 Tf %.2f %d Td (%s) Tj ET" % (
                    72 + 6 * column + (6 - _HELVETICA_WIDTHS.get(char, 5.56)) / 2,
                    710 - 12 * k, _escaped(char)))
    return _pdf(path, [*ops, *_lines(b"F1", _AFTER, 620)])


def _code_actual_texts(content: Path) -> list[str | None]:
    out: list[str | None] = []
    with pikepdf.open(content) as pdf:
        stack = [pdf.Root.StructTreeRoot]
        while stack:
            node = stack.pop()
            if node.get("/S") == "/Code":
                actual = node.get("/ActualText")
                out.append(str(actual) if actual is not None else None)
            kids = node.get("/K")
            if isinstance(kids, pikepdf.Array):
                stack.extend(k for k in reversed(list(kids)) if isinstance(k, pikepdf.Dictionary))
            elif isinstance(kids, pikepdf.Dictionary):
                stack.append(kids)
    return out


def test_a_listing_spelled_from_its_cells_reads_back_as_the_model_says(tmp_path: Path) -> None:
    result = tag_and_check(_cells_source(tmp_path / "in.pdf"), tmp_path / "out.pdf")
    (code,) = [b for b in result.document.blocks
               if isinstance(b, Paragraph) and b.preformatted]
    assert code.text == "\n".join(_BRACED)
    assert _code_actual_texts(result.output) == [" ".join(code.text.split("\n"))]
    read = [b for b in read_structure(result.output, max_pages=5).blocks
            if isinstance(b, Paragraph) and b.preformatted]
    assert [re.findall(r"\w+", b.text) for b in read] == [re.findall(r"\w+", code.text)]
    assert set(result.failed()) <= {"fonts-embedded"}
