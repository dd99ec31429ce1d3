"""A list item's paragraph after the points nested in it: set at the item's text indent, past
the nested points' labels, it is the item's, and the list goes on with the next point after
it. On one page, and past a page break from a page's right column into the next page's left
one (a rule book set in two columns), where the nested points stand left of the item's label
as the page sets it, but further in than it as each column's edge measures."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import ListBlock, ListItem, Paragraph
from workers.engine.layout.reader import read_layout

BULLET = "\\225"  # (WinAnsi's bullet, in a PDF string)

_WORDS = ("the surveyor records the readings of each test in the report and signs every "
          "page of it before the report goes to the owner of the vessel for approval")

Line = tuple[float, float, str]


def _lines(n: int, width: int = 40) -> list[str]:
    """``n`` lines of running text, each about as long as a line of a column."""
    return [_WORDS[k % 3 * width:][:width].strip() or "the owner" for k in range(n)]


def _page(pdf: pikepdf.Pdf, font: pikepdf.Object, number: int, lines: list[Line]) -> None:
    """A page of lines (x, y, text) in 10-point type, with a running head and a page number."""
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[-1]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    furniture = [(250.0, 810.0, "Rules for Engines"), (290.0, 30.0, f"Page {number}")]
    ops = [f"BT /F1 10 Tf {x} {y} Td ({_escaped(t)}) Tj ET".encode()
           for x, y, t in furniture + lines]
    page.obj.Contents = pdf.make_stream(b"\n".join(ops))


def _escaped(text: str) -> str:
    """The text as a PDF string's contents: its parentheses escaped ("a)")."""
    return text.replace("(", "\\(").replace(")", "\\)")


def _font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Helvetica"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))


def _paragraph(x: float, top: float, lines: list[str]) -> list[Line]:
    return [(x, top - 12 * k, line) for k, line in enumerate(lines)]


def _item(label: str, x: float, top: float, lines: list[str]) -> list[Line]:
    """A point: its label at ``x``, its text 18 points further in, hanging."""
    return [(x, top, label), *_paragraph(x + 18, top, lines)]


def _nested_points(x: float, top: float) -> list[Line]:
    """Three bulleted points, their bullets at ``x``, 18 points apart."""
    return [line for k in range(3)
            for line in _item(BULLET, x, top - 18 * k, [f"to verify the valve works {k + 1}"])]


def _items(lst: ListBlock) -> list[ListItem]:
    return lst.items


def _lists(path: Path) -> list[ListBlock]:
    doc = read_layout(path, max_pages=5)
    return [b for b in doc.blocks if isinstance(b, ListBlock)]


def _one_page(path: Path) -> Path:
    """One column: a paragraph, points "a)" and "b)", "a)"'s bullets set at its text indent
    and a paragraph after them there, then a closing paragraph at the margin."""
    pdf = pikepdf.new()
    font = _font(pdf)
    _page(pdf, font, 1, [
        *_paragraph(72, 760, _lines(3, 80)),
        *_item("a)", 72, 710, _lines(2, 70)),
        *_paragraph(90, 680, ["The purpose of the test is:"]),
        *_nested_points(90, 662),
        *_paragraph(90, 600, ["Where the valves are shielded the shield is tested too.",
                              *_lines(2, 70)]),
        *_item("b)", 72, 550, _lines(2, 70)),
        *_paragraph(72, 510, _lines(4, 80)),
    ])
    pdf.save(path)
    return path


def _over_a_page(path: Path) -> Path:
    """One column: points "a)" and "b)", "b)"'s bullets, at its text indent, ending the first
    page; its paragraph after them, there too, heads the next, then point "c)" and a closing
    paragraph at the margin."""
    pdf = pikepdf.new()
    font = _font(pdf)
    _page(pdf, font, 1, [
        *_paragraph(72, 760, _lines(35, 80)),
        *_item("a)", 72, 310, _lines(3, 70)),
        *_item("b)", 72, 250, _lines(3, 70)),
        *_paragraph(90, 208, ["The purpose of the test is:"]),
        *_nested_points(90, 190),
    ])
    _page(pdf, font, 2, [
        *_paragraph(90, 780, ["Where the valves are shielded the shield is tested too.",
                              *_lines(2, 70)]),
        *_item("c)", 72, 730, _lines(2, 70)),
        *_paragraph(72, 690, _lines(30, 80)),
    ])
    pdf.save(path)
    return path


def _two_columns(path: Path) -> Path:
    """Two pages set in two columns (the left at 72, the right at 320): point "j)" ends the
    first page's right column; the next page's left column opens with its paragraph, its
    bullets and a paragraph after them, all at its text indent (18 points in from the column's
    edge), then point "k)" at the column's edge; the right column is running text."""
    pdf = pikepdf.new()
    font = _font(pdf)
    left, right = 72.0, 320.0
    _page(pdf, font, 1, [
        *_paragraph(left, 760, _lines(50)),
        *_item("i)", right, 760, _lines(20)),
        *_item("j)", right, 500, _lines(30)),
    ])
    _page(pdf, font, 2, [
        *_paragraph(left + 18, 780, ["The purpose of the test is:"]),
        *_nested_points(left + 18, 762),
        *_paragraph(left + 18, 700, ["Where the valves are shielded, the", *_lines(3)]),
        *_item("k)", left, 640, _lines(6)),
        *_paragraph(left, 560, _lines(30)),
        *_paragraph(right, 780, _lines(55)),
    ])
    pdf.save(path)
    return path


def _item_texts(item: ListItem) -> list[str]:
    return [b.text.split()[0] if isinstance(b, Paragraph) else "list" for b in item.blocks]


def test_the_paragraph_after_nested_points_on_one_page_is_the_items(tmp_path: Path) -> None:
    lists = _lists(_one_page(tmp_path / "rules.pdf"))
    assert len(lists) == 1
    first, second = _items(lists[0])
    assert [first.label, second.label] == ["a)", "b)"]
    assert _item_texts(first) == ["the", "The", "list", "Where"]
    nested = first.blocks[2]
    assert isinstance(nested, ListBlock) and len(nested.items) == 3


def test_the_paragraph_after_nested_points_over_a_page_is_the_items(tmp_path: Path) -> None:
    lists = _lists(_over_a_page(tmp_path / "rules.pdf"))
    assert len(lists) == 1
    assert [item.label for item in lists[0].items] == ["a)", "b)", "c)"]
    assert _item_texts(lists[0].items[1]) == ["the", "The", "list", "Where"]


def test_points_nested_past_a_column_and_page_break_stay_in_the_item(tmp_path: Path) -> None:
    lists = _lists(_two_columns(tmp_path / "rules.pdf"))
    assert len(lists) == 1
    labels = [item.label for item in lists[0].items]
    assert labels == ["i)", "j)", "k)"]
    j = lists[0].items[1]
    # (Its own text, its paragraph heading the next page, its points, the paragraph after.)
    assert _item_texts(j)[-3:] == ["The", "list", "Where"]
    nested = j.blocks[-2]
    assert isinstance(nested, ListBlock)
    assert [item.label for item in nested.items] == ["•"] * 3
