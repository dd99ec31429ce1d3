"""A list's points where a column or a page breaks (as LaTeX sets them: each list's labels at
their own indent, the bullets "•" then "–" nested under them):

- a paragraph heading the right column after a list that ended the left one is set flush
  with that column's text: it ends the list, as it would in one column, though it stands far
  right of the list's labels; so too on a page whose right column is short (a document's
  last, its text running out a few lines into the column), where the column's left edge is
  that of the document's other pages in two columns;
- a point of another bullet ("–" after "•") heading the next page, or the right column of a
  page set in two, set further in than the list's labels, is a sub-point, not the list going
  on at a moved margin."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Document, ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

from .handbook_pages import WORDS, Line, item, paragraph

#: The columns' left edges.
LEFT, RIGHT = 57.0, 310.0


def _column_lines(n: int) -> list[str]:
    """``n`` lines of a column's running text."""
    return [WORDS[k * 40 % 120:k * 40 % 120 + 40] for k in range(n)]


def add_page(pdf: pikepdf.Pdf, font: pikepdf.Object, number: int, lines: list[Line]) -> None:
    """A page of ``lines`` in 10-point type (in the font's WinAnsi encoding: "•" and "–"
    are its own bytes), with a running head and a page number."""
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[-1]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    furniture = [(250.0, 810.0, "Survey Handbook"), (290.0, 30.0, f"Page {number}")]
    ops = [b"BT /F1 10 Tf %.1f %.1f Td (" % (x, y) + t.encode("cp1252") + b") Tj ET"
           for x, y, t in furniture + lines]
    page.obj.Contents = pdf.make_stream(b"\n".join(ops))


def _font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Helvetica"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))


def _list_ending_a_column(top: float) -> list[Line]:
    """A paragraph, then two points whose second runs to the left column's foot (y 60)."""
    lines = paragraph(LEFT, top, _column_lines(4))
    lines += item("•", LEFT + 10, top - 60, _column_lines(2))
    rows = int((top - 60 - 30 - 60) / 12)
    lines += item("•", LEFT + 10, top - 90, [*_column_lines(rows - 1), "before it is sent."])
    return lines


def _closing(n: int) -> list[str]:
    """A paragraph of ``n`` lines opening a sentence of its own."""
    return ["The owner keeps the report for five", *_column_lines(n - 1)]


def _paper(path: Path, right_column_lines: int) -> Path:
    """Two pages set in two columns: the first full; on the second, the left column's list
    ends at its foot and the right column holds a paragraph of ``right_column_lines``
    lines set flush with the column."""
    pdf = pikepdf.new()
    font = _font(pdf)
    add_page(pdf, font, 1, [*paragraph(LEFT, 780, _column_lines(58)),
                            *paragraph(RIGHT, 780, _column_lines(58))])
    add_page(pdf, font, 2, [*_list_ending_a_column(780),
                            *paragraph(RIGHT, 780, _closing(right_column_lines))])
    pdf.save(path)
    return path


def _read(path: Path) -> tuple[Document, list[ListBlock]]:
    """The model of ``path`` and its lists."""
    doc = read_layout(path, max_pages=5)
    return doc, [b for b in doc.blocks if isinstance(b, ListBlock)]


def test_a_paragraph_heading_the_right_column_after_a_list_ends_the_list(
    tmp_path: Path,
) -> None:
    doc, lists = _read(_paper(tmp_path / "paper.pdf", 50))
    assert len(lists) == 1 and len(lists[0].items) == 2
    assert all(len(i.blocks) == 1 for i in lists[0].items)
    after = doc.blocks[doc.blocks.index(lists[0]) + 1]
    assert isinstance(after, Paragraph) and after.prov[0].bbox.x0 > RIGHT - 1


def test_a_short_right_column_after_a_list_is_no_part_of_its_last_point(
    tmp_path: Path,
) -> None:
    doc, lists = _read(_paper(tmp_path / "paper.pdf", 4))
    assert len(lists) == 1 and all(len(i.blocks) == 1 for i in lists[0].items)
    assert isinstance(doc.blocks[-1], Paragraph)
    assert doc.blocks[-1].prov[0].bbox.x0 > RIGHT - 1


def _report(path: Path, sub_bullet: str) -> Path:
    """One column: a list whose second point ends the first page; the next page opens with
    a point bulleted ``sub_bullet`` set 17 points further in, then a point "•" at the list's
    indent and a closing paragraph."""
    pdf = pikepdf.new()
    font = _font(pdf)
    wide = [WORDS[:72], WORDS[72:]]
    add_page(pdf, font, 1, [*paragraph(72, 760, wide * 2),
                            *item("•", 82, 700, wide),
                            *item("•", 82, 670, (wide * 30)[:50])])
    add_page(pdf, font, 2, [*item(sub_bullet, 99, 780, wide),
                            *item("•", 82, 750, wide),
                            *paragraph(72, 720, wide * 2)])
    pdf.save(path)
    return path


def test_a_point_of_another_bullet_heading_the_next_page_further_in_is_a_sub_point(
    tmp_path: Path,
) -> None:
    _, lists = _read(_report(tmp_path / "report.pdf", "–"))
    assert len(lists) == 1
    top = lists[0]
    assert [i.label for i in top.items] == ["•", "•", "•"]
    nested = [b for b in top.items[1].blocks if isinstance(b, ListBlock)]
    assert len(nested) == 1 and [i.label for i in nested[0].items] == ["–"]


def test_a_point_of_another_bullet_heading_the_right_column_further_in_is_a_sub_point(
    tmp_path: Path,
) -> None:
    # The list's second point ends the left column; the right column opens with a "–"
    # point set 17 points further in than the column's "•" labels (past their text's
    # indent), then a "•" point and a paragraph flush with the column. The "–" was read as
    # the list going on in the next column, a third point beside the "•" ones.
    pdf = pikepdf.new()
    font = _font(pdf)
    add_page(pdf, font, 1, [*paragraph(LEFT, 780, _column_lines(58)),
                            *paragraph(RIGHT, 780, _column_lines(58))])
    add_page(pdf, font, 2, [*_list_ending_a_column(780),
                            *item("–", RIGHT + 27, 780, _column_lines(3)),
                            *item("•", RIGHT + 10, 735, _column_lines(2)),
                            *paragraph(RIGHT, 700, _closing(10))])
    pdf.save(tmp_path / "paper.pdf")
    _, lists = _read(tmp_path / "paper.pdf")
    assert len(lists) == 1
    top = lists[0]
    assert [i.label for i in top.items] == ["•", "•", "•"]
    nested = [b for b in top.items[1].blocks if isinstance(b, ListBlock)]
    assert len(nested) == 1 and [i.label for i in nested[0].items] == ["–"]
