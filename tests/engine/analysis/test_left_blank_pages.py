""""This page intentionally left blank" is furniture of the print, read as a pagination
artifact, not body text; a sentence that only speaks of blank pages stays text. Small PDFs
drawn here."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf


def _page(path: Path, line: str) -> Path:
    ops = [b"BT /F1 11 Tf 72 700 Td (The committee met on the first Monday of the month) Tj ET",
           b"BT /F1 11 Tf 200 400 Td (" + line.encode("latin-1") + b") Tj ET"]
    return text_page_pdf(path, ops, size=(612, 792))


@pytest.mark.parametrize("line", [
    "This page intentionally left blank.",
    "THIS PAGE IS INTENTIONALLY LEFT BLANK",
    "his page intentionally left blank.",  # a dropped initial the text does not hold
    "- Page left blank intentionally -",
])
def test_the_notice_is_a_pagination_artifact(tmp_path: Path, line: str) -> None:
    doc = read_layout(_page(tmp_path / "blank.pdf", line), max_pages=1)
    assert [(a.kind, a.text) for a in doc.artifacts] == [("pagination", line)]
    assert [block_text(b) for b in doc.blocks] == [
        "The committee met on the first Monday of the month"]


def test_a_sentence_about_blank_pages_is_text(tmp_path: Path) -> None:
    line = "A page intentionally left blank is numbered in the sequence."
    doc = read_layout(_page(tmp_path / "sentence.pdf", line), max_pages=1)
    assert not doc.artifacts
    assert line in [block_text(b) for b in doc.blocks]
