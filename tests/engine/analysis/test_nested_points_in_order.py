"""Points nested in a numbered point, read in the order printed: a paragraph that goes on
with the numbered point past its nested points closes them, so the points after that
paragraph are a list of their own under it; and points set further in than a list's labels
at the head of the next page, where the margins have not moved, are nested in the list's
last point, not more points of it."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

_LINE = "the space is compact and connected and every open cover has a finite subcover"


def _pdf(path: Path, pages: list[list[tuple[float, float, str]]]) -> Path:
    """Pages of 10-point lines (x, y, text)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Helvetica"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    for lines in pages:
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        ops = [f"BT /F1 10 Tf {x} {y} Td ({_escaped(t)}) Tj ET".encode() for x, y, t in lines]
        page.obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def _escaped(text: str) -> str:
    return text.replace("(", "\\(").replace(")", "\\)")


def _point(label: str, x: float, y: float, text: str) -> list[tuple[float, float, str]]:
    return [(x, y, f"{label} {text}")]


def _paragraph(x: float, top: float, lines: int) -> list[tuple[float, float, str]]:
    return [(x, top - 12 * k, _LINE) for k in range(lines)]


def test_points_after_the_points_paragraph_are_a_list_under_it(tmp_path: Path) -> None:
    page = [
        *_paragraph(72, 780, 3),
        *_point("1)", 72, 730, "Let X be a space and S a cover of it."),
        *_point("\\225", 90, 710, "S is a cover of X"),
        *_point("\\225", 90, 694, "S is finite"),
        (90, 670, "Then X is compact, and moreover:"),
        *_point("\\225", 90, 650, "X is closed"),
        *_point("\\225", 90, 634, "X is bounded"),
        *_point("2)", 72, 610, "Every closed subset of X is compact."),
        *_paragraph(72, 580, 3),
    ]
    doc = read_layout(_pdf(tmp_path / "notes.pdf", [page]), max_pages=2)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    first = lists[0].items[0]
    kinds = [type(b).__name__ for b in first.blocks]
    assert kinds == ["Paragraph", "ListBlock", "Paragraph", "ListBlock"]
    inner = [b for b in first.blocks if isinstance(b, ListBlock)]
    assert [len(b.items) for b in inner] == [2, 2]
    assert [i.label for i in lists[0].items] == ["1)", "2)"]


def test_deeper_points_heading_the_next_page_are_nested(tmp_path: Path) -> None:
    first = [*_paragraph(72, 780, 50), *_point("3)", 72, 150, "Let X be a finite space.")]
    second = [
        *_point("\\225", 90, 780, "S is a cover of X"),
        *_point("\\225", 90, 764, "S is finite"),
        (90, 740, "Then X is compact."),
        *_point("4)", 72, 716, "Every closed subset of X is compact."),
        *_paragraph(72, 690, 3),
    ]
    doc = read_layout(_pdf(tmp_path / "notes.pdf", [first, second]), max_pages=3)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert [i.label for i in lists[0].items] == ["3)", "4)"]
    third = lists[0].items[0]
    nested = [b for b in third.blocks if isinstance(b, ListBlock)]
    assert len(nested) == 1 and len(nested[0].items) == 2
    assert isinstance(third.blocks[-1], Paragraph)
    assert third.blocks[-1].text == "Then X is compact."
