"""Two columns set on one grid of baselines are read column by column, their paragraphs
whole: the column search does not cut the page across between two lines of a column at its
leading (where gaps in both columns stand level), though no gutter runs the page's full
height (a title over the columns, a footer under them crossing the gutter). In a script
without capitals (Korean), a full line closing a sentence before an indented line ends a
paragraph, as it does before a capital."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Paragraph
from workers.engine.layout.reader import read_layout

from .test_korean_line_joins import _korean_font

#: Syllables the lines' words are made of (four to a word).
SYLLABLES = "가나다라마바사아자차카타파하거너더러머버서어저처커터퍼허고노도로모보소오조초"
#: The lines' pitch and the columns' left edges (points).
PITCH = 14
LEFT, RIGHT = 72, 320


def words(start: int, count: int) -> list[str]:
    return [
        "".join(SYLLABLES[(start + 4 * k + j) % len(SYLLABLES)] for j in range(4))
        for k in range(count)
    ]


def paragraph(start: int, lines: int, *, last_words: int = 2) -> list[str]:
    """A paragraph's lines: full lines of five four-syllable words (220 points at 10
    points; the first names a year, "(2020)", in figures half as wide as a syllable), a
    shorter last one ending its sentence ("…다.")."""
    body = [" ".join(words(start + 20 * n, 5)) for n in range(lines - 1)]
    body[0] = body[0][:-6] + "(2020)"
    return [*body, " ".join(words(start + 20 * lines, last_words)) + "다."]


def _font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """:func:`_korean_font` with its ASCII half as wide as a syllable, as a Korean font
    sets its figures (set all alike, the lines would read as a fixed-pitch face's)."""
    font = _korean_font(pdf)
    font.DescendantFonts[0].W = [1, [500] * 95]
    return font


def draw(x: float, y: float, text: str, size: int = 10) -> str:
    return f"BT /F1 {size} Tf {x} {y} Td <{text.encode('utf-16-be').hex()}> Tj ET"


def columns_page(path: Path, columns: list[list[list[str]]], *, indent: float = 10,
                 title: bool = True, footer: bool = True) -> Path:
    """One page: ``columns`` (each a list of paragraphs, each a list of lines) side by
    side on one grid of baselines, each paragraph's first line indented; a title over them
    and a footer under them, both across the gutter."""
    pdf = pikepdf.new()
    font = _font(pdf)
    ops = []
    if title:
        ops.append(draw(LEFT, 760, " ".join(words(3, 6)), 16))
    for x, paragraphs in zip((LEFT, RIGHT), columns, strict=False):
        y = 700
        for lines in paragraphs:
            for k, line in enumerate(lines):
                ops.append(draw(x + (indent if k == 0 else 0), y, line))
                y -= PITCH
    if footer:
        ops.append(draw(LEFT, 60, " ".join(words(7, 8)), 8))
    page = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        Contents=pdf.make_stream("\n".join(ops).encode()),
    ))
    pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def _paragraphs(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Paragraph)]


def test_columns_on_one_grid_keep_their_paragraphs_whole(tmp_path: Path) -> None:
    left = [paragraph(0, 6), paragraph(5, 5), paragraph(9, 7)]
    right = [paragraph(2, 4), paragraph(11, 8), paragraph(13, 5)]
    path = columns_page(tmp_path / "columns.pdf", [left, right])
    read = _paragraphs(path)
    for lines in left + right:
        assert " ".join(lines) in read
    # Column by column: the left column's paragraphs, then the right's.
    at = [read.index(" ".join(lines)) for lines in left + right]
    assert at == sorted(at)


def test_an_indented_line_after_a_closed_sentence_opens_a_paragraph(tmp_path: Path) -> None:
    # The first paragraph's last line is full, closing its sentence ("…다."); the next line
    # is indented: a new paragraph, though Korean has no capital to open it.
    first = paragraph(0, 3, last_words=5)
    second = paragraph(8, 3)
    path = columns_page(tmp_path / "one.pdf", [[first, second]], title=False, footer=False)
    assert _paragraphs(path) == [" ".join(first), " ".join(second)]
