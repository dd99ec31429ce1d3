"""A figure opening a line under one that ends in a relation or an operator ("… and LEN !="
over "0. With this instruction …") is the expression's operand, the sentence going on: no
list item numbered "0." (see :meth:`workers.engine.layout.reader._BlockAsks.opens_item`)."""

from __future__ import annotations

from pathlib import Path

from tests.engine.content_pdfs import text_page_pdf
from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

_LINES = [
    "SEQUENCE OF: the value must be the string NEW and its length must be such that LEN !=",
    "0. With this instruction another element is appended to the sequence, and its name",
    "will be ?1 if it is the first one, ?2 for the second one, and so on until the last.",
]


def _doc(tmp_path: Path, lines: list[str]) -> list[object]:
    ops = [
        b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (700 - 12 * k, line.encode())
        for k, line in enumerate(lines)
    ]
    return list(read_layout(text_page_pdf(tmp_path / "op.pdf", ops), max_pages=1).blocks)


def test_figure_after_an_operator_goes_on_with_the_sentence(tmp_path: Path) -> None:
    blocks = _doc(tmp_path, _LINES)
    assert not any(isinstance(b, ListBlock) for b in blocks)
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [" ".join(_LINES)]


def test_figure_after_a_full_line_of_words_still_opens_an_item(tmp_path: Path) -> None:
    # The same lines after a sentence ended with a colon: "0." numbers an item there.
    lines = ["The values that the length may take, each with its own meaning, are these:",
             *_LINES[1:]]
    blocks = _doc(tmp_path, lines)
    assert any(isinstance(b, ListBlock) for b in blocks)
