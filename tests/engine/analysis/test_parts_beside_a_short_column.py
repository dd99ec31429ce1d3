"""A quiz box set in three columns: true-or-false points in the first, a matching exercise's
lead and numbered terms in the second, their lettered definitions in the third. The first
column stops short of the others: text flows into the next column from the foot of a full
one, so what stands beside a column that stopped short is a part of its own, not its last
point going on ("Matching: …" no paragraph of point "1.", the definitions no list inside
point "5.")."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Block, ListBlock, Paragraph, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import pdf_string, text_page_pdf

_FIRST = [(80, "Check your understanding of the causes of growth"),
          (80, "disorders by answering the following questions."),
          (80, "Answers appear in the appendix of the book."),
          None,
          (80, "True or False: Indicate whether the following"),
          (80, "statement is true or false."),
          (86, "1. (T)(F) Rites of passage are rituals observed"),
          (97, "in many countries that are used to mark the"),
          (97, "child's puberty and transition to adolescence.")]
_SECOND = [(320, "Matching: Match the following"),
           (320, "nutritional deficits with their"),
           (320, "definitions."),
           (328, "2. kwashiorkor"),
           (328, "3. marasmus"),
           (328, "4. iron deficiency anemia"),
           (328, "5. overnutrition")]
_THIRD = [(470, "a. a wasting away of body"), (480, "tissues caused by too little"),
          (480, "protein and calories"),
          (470, "b. a disease marked by a"), (480, "swollen abdomen and severe"),
          (480, "skin lesions caused by too"), (480, "little protein"),
          (470, "c. a disease associated with"), (480, "diabetes, high blood pressure,"),
          (480, "and heart or kidney disease"),
          (470, "d. a disease that makes"), (480, "children listless and"),
          (480, "inattentive, slows their"), (480, "growth, and causes them to"),
          (480, "score poorly on tests of"), (480, "intelligence")]


def _quiz(path: Path) -> Path:
    ops = []
    for column in (_FIRST, _SECOND, _THIRD):
        y = 680.0
        for line in column:
            if line is not None:
                x, text = line
                ops.append(b"BT /F1 9 Tf %d %.1f Td (%s) Tj ET" % (x, y, pdf_string(text)))
            y -= 11.0
    return text_page_pdf(path, ops, size=(612, 792))


def _shape(blocks: list[Block]) -> list[object]:
    """Each block: a paragraph's first word, or a list's points, each with what it holds
    past its first paragraph."""
    return [block_text(b).split()[0] if isinstance(b, Paragraph)
            else [(item.label, _shape(item.blocks[1:])) for item in b.items]
            for b in blocks if isinstance(b, (Paragraph, ListBlock))]


def test_parts_beside_a_column_that_stopped_short_are_their_own(tmp_path: Path) -> None:
    blocks = read_layout(_quiz(tmp_path / "quiz.pdf"), max_pages=5).blocks
    assert _shape(blocks) == [
        "Check", "True", [("1.", [])],
        "Matching:", [("2.", []), ("3.", []), ("4.", []), ("5.", [])],
        [("a.", []), ("b.", []), ("c.", []), ("d.", [])],
    ]
