"""An element drawn in several boxes on one page (a paragraph's lines, each box claiming
several operator ranges) lists its marked-content sequences in the order of its boxes'
ranges: the ranges of a box are numbered one after another, never interleaved with the next
box's, so the structure reader reads its words back in the model's order."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import BBox, Document, Paragraph, Prov
from workers.engine.structure.reader import read_structure
from workers.engine.tagged_pdf.checks import check_tagged_pdf
from workers.engine.tagged_pdf.marked_content import PageTagging
from workers.engine.tagged_pdf.tagger import reading_places, tag_pdf

from ..content_pdfs import text_page_pdf

WORDS = ["Statement", "of", "services", "were", "provided"]
#: Each word is one text object of five operators (BT Tf Td Tj ET); a filled square no
#: element claims (five operators: q g re f Q) is drawn between two words, so
#: that each word is a marked-content sequence of its own.
_WORD_OPERATORS = 5
_GAP_OPERATORS = 5


def _word_ranges() -> list[tuple[int, int]]:
    step = _WORD_OPERATORS + _GAP_OPERATORS
    return [(k * step, k * step + _WORD_OPERATORS) for k in range(len(WORDS))]


def _words_pdf(path: Path) -> Path:
    operators: list[bytes] = []
    for k, word in enumerate(WORDS):
        operators.append(f"BT /F1 11 Tf {72 + 70 * k} 700 Td ({word}) Tj ET".encode())
        operators.append(f"q 0.5 g {72 + 70 * k} 600 4 4 re f Q".encode())
    return text_page_pdf(path, operators)


def test_a_boxes_ranges_are_placed_before_the_next_boxes() -> None:
    ranges = _word_ranges()
    # The first box claims three ranges, the second two: all in drawing order.
    claims = [(0, ranges[:3]), (0, ranges[3:])]
    tagging = PageTagging()
    tagging.mcid_owner = [0] * len(ranges)
    tagging.mcid_start = [start for start, _ in ranges]
    assert reading_places(tagging, claims) == [0, 1, 2, 3, 4]


def test_a_paragraph_in_two_boxes_reads_back_in_the_models_order(tmp_path: Path) -> None:
    source = _words_pdf(tmp_path / "words.pdf")
    ranges = _word_ranges()
    text = " ".join(WORDS)
    paragraph = Paragraph(text, [
        Prov(0, BBox(72, 700, 282, 711), (), tuple(ranges[:3])),
        Prov(0, BBox(282, 700, 420, 711), (), tuple(ranges[3:])),
    ])
    tagged = tag_pdf(source, Document(blocks=[paragraph]))
    output = tmp_path / "words-tagged.pdf"
    output.write_bytes(tagged.content)
    report = check_tagged_pdf(tagged.content, source=source, expected_texts=tagged.expected_texts)
    checks = {str(c["id"]): c for c in report["checks"]}  # type: ignore[union-attr]
    assert checks["pixels"]["passed"], report
    read = read_structure(output, max_pages=5)
    assert [b.text for b in read.blocks if isinstance(b, Paragraph)] == [text]
