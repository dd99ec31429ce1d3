"""A boxed panel between the halves of a sentence broken by a page break is a float.

A textbook page's running text breaks off mid-sentence ("… Girls who") over a shaded panel
of questions under its title band ("CONCEPT CHECK 5.2"); the sentence goes on at the head of
the next page ("are tall and overweight …"). A listener hears the sentence whole, then the
panel, as a reader of the printed page does: the panel is set apart from the running text
as a picture is.
"""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import BBox, Heading, ListBlock, Paragraph, Prov, block_text
from workers.engine.layout.reader import read_layout
from workers.engine.layout.runover import asides_after_runover

from ..content_pdfs import text_pages_pdf

#: The running text's lines, a sentence broken off at the foot of the first page's column.
FIRST_HALF = [
    "In 1900, when her great-grandmother was born, the average age of first",
    "menstruation was fourteen years or later. The trend shows how environment",
    "matters as well: in the poorer parts of the world, where nutrition is",
    "less adequate, maturation comes later than it does in richer ones. Even",
    "within our own relatively affluent society, poorly nourished adolescents",
    "mature later than well-nourished ones. Girls who",
]
SECOND_HALF = [
    "are tall and overweight as children tend to mature early, whereas many",
    "dancers and gymnasts who engage regularly in strenuous physical activity",
    "may begin to menstruate much later than other girls do.",
]
PANEL_LINES = [
    "Check your understanding of motor development and the changes of puberty",
    "by answering the following questions. Answers to the objective questions",
    "appear in the appendix at the end of the book, after the glossary.",
]
QUESTIONS = [
    "1. Infants who walk early are more intelligent later in childhood than others.",
    "2. Infants who crawl easily are less fearful of strangers than others are.",
    "3. Generally, girls reach sexual maturity earlier than boys of their age.",
    "4. The secular trend means children mature later than their grandparents did.",
    "5. Boys and girls are nearly equal in physical abilities until their puberty.",
]
TITLE = "CONCEPT CHECK Motor Development and Puberty"


def _show(x: float, y: float, text: str, size: float = 10) -> str:
    return f"0 g BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET"


def _lines(x: float, top: float, lines: list[str], size: float = 10) -> list[str]:
    return [_show(x, top - 1.3 * size * k, text, size) for k, text in enumerate(lines)]


def _pdf(path: Path, pages: list[list[str]]) -> Path:
    return text_pages_pdf(path, [[op.encode() for op in ops] for ops in pages])


def _book_pages(path: Path, *, band: bool = True) -> Path:
    """Two pages: the first's running text breaks off over a shaded panel (a title band set
    on it, ``band``), the second's goes on with the sentence and ends."""
    first = _lines(90, 740, FIRST_HALF)
    # The panel: a shaded box of questions, holding more words than the running text over
    # it (it keeps its place, after the running text), its title on a band over it.
    first.append("0.9 g 80 150 452 380 re f")
    if band:
        first.append("0.8 g 80 536 452 20 re f")
    first.append(_show(86, 542, TITLE, 11))
    first += _lines(90, 510, PANEL_LINES)
    first += _lines(100, 460, QUESTIONS)
    first += _lines(90, 380, PANEL_LINES[:2] + ["appear in the appendix."])
    first += _lines(100, 330, QUESTIONS)
    second = _lines(90, 740, SECOND_HALF)
    second += _lines(90, 680, [
        "Nutrition is perhaps the most important environmental influence on growth.",
        "Children who are poorly nourished grow slowly and are smaller as adults.",
    ])
    return _pdf(path, [first, second])


def _words(lines: list[str]) -> list[str]:
    return " ".join(lines).split()


def test_a_sentence_broken_over_a_boxed_panel_is_read_whole_then_the_panel(
    tmp_path: Path,
) -> None:
    doc = read_layout(_book_pages(tmp_path / "book.pdf"), max_pages=5)
    first = doc.blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text.split() == _words(FIRST_HALF + SECOND_HALF)
    assert [p.page for p in first.prov] == [0, 1]
    # The panel, title first, is read after the sentence, before the next paragraph.
    words = " ".join(block_text(b) for b in doc.blocks[1:]).split()
    assert words[:len(TITLE.split())] == TITLE.split()
    nutrition = words.index("Nutrition")
    assert words.index("Check") < nutrition and words.index("Infants") < nutrition


def test_a_panel_s_title_band_is_part_of_the_panel(tmp_path: Path) -> None:
    # Without the band, the title is a line of its own over the box, no part of the panel:
    # the sentence is not read past it.
    doc = read_layout(_book_pages(tmp_path / "book.pdf", band=False), max_pages=5)
    first = doc.blocks[0]
    assert isinstance(first, Paragraph) and first.text.split() == _words(FIRST_HALF)


def _para(text: str, page: int, box: tuple[float, float, float, float]) -> Paragraph:
    return Paragraph(text, [Prov(page, BBox(*box))])


def test_only_a_panel_s_blocks_are_floats() -> None:
    broken = _para("poorly nourished adolescents mature later. Girls who", 0, (90, 600, 540, 740))
    title = Heading("CONCEPT CHECK 5.2", 3, [Prov(0, BBox(86, 540, 300, 552))])
    questions = ListBlock(prov=[Prov(0, BBox(100, 300, 500, 470))])
    rest = _para("are tall and overweight as children tend to mature early.", 1,
                 (90, 700, 540, 740))
    panels = {0: [BBox(80, 150, 532, 556)]}
    assert asides_after_runover([broken, title, questions, rest], panels=panels) == [
        broken, rest, title, questions,
    ]
    # No panel there: a heading and a list are a new part of the text, left where they are.
    assert asides_after_runover([broken, title, questions, rest]) == [
        broken, title, questions, rest,
    ]
    # A panel's frame on another page holds nothing of this one.
    elsewhere = {1: [BBox(80, 150, 532, 556)]}
    assert asides_after_runover([broken, title, questions, rest], panels=elsewhere) == [
        broken, title, questions, rest,
    ]
