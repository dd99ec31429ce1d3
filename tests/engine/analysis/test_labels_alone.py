"""A line of labels and nothing they label ("(i) (i)": a formula's superscripts set apart
from their line) is no list's point."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import ListBlock, Paragraph, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

_TEXT = ["Each passage can be viewed as a sequence of tokens, and given a question the task",
         "is to find a span of tokens from one of the passages that can answer the question.",
         "Notice that to cover a wide variety of domains the corpus size can grow very large."]


def _page(path: Path, small: str) -> Path:
    ops = [b"BT /F1 16 Tf 72 780 Td (Background) Tj ET"]
    ops += [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (740 - 12 * k, line.encode())
            for k, line in enumerate(_TEXT)]
    ops.append(b"BT /F1 7 Tf 200 690 Td (%s) Tj ET" % small.encode())
    ops += [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (650 - 12 * k, line.encode())
            for k, line in enumerate(_TEXT)]
    return text_page_pdf(path, ops)


def test_a_line_of_labels_alone_is_no_list(tmp_path: Path) -> None:
    blocks = read_layout(_page(tmp_path / "paper.pdf", "(i)      (i)"), max_pages=5).blocks
    assert not any(isinstance(b, ListBlock) for b in blocks)
    assert "(i) (i)" in [block_text(b) for b in blocks if isinstance(b, Paragraph)]


def test_a_label_with_words_after_it_still_opens_a_point(tmp_path: Path) -> None:
    blocks = read_layout(_page(tmp_path / "paper.pdf", "(i) the first case"), max_pages=5).blocks
    assert any(isinstance(b, ListBlock) for b in blocks)
