"""A list read on past a page break where the margins move (a book's right page set further
in than its left): the points on the next page go on the lists they count on, measured by
the new page's indents. "5)" after "4)" goes on the inner list, "c)" after "b)" on the outer
one, and the "1)" under "c)" opens a list inside "c)"."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import ListBlock
from workers.engine.layout.reader import read_layout

_TEXT = "the readings are to be taken and recorded by the surveyor in the test report"


def _page(pdf: pikepdf.Pdf, font: pikepdf.Object, lines: list[tuple[float, str]]) -> None:
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[-1]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    ops = [f"BT /F1 10 Tf {x} {760 - 16 * k} Td ({_escaped(t)}) Tj ET".encode()
           for k, (x, t) in enumerate(lines)]
    page.obj.Contents = pdf.make_stream(b"\n".join(ops))


def _escaped(text: str) -> str:
    return text.replace(")", "\\)")


def _book(path: Path) -> Path:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Helvetica"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    # A right page, set 40 points further in than the left page after it.
    _page(pdf, font, [(112, f"a) Objectives: {_TEXT}."), (112, "b) Records"),
                      *[(130, f"{n}) Item {n}: {_TEXT}.") for n in range(1, 5)]])
    _page(pdf, font, [(90, f"5) Item 5: {_TEXT}."), (72, "c) Test loads"),
                      (90, f"1) Loads: {_TEXT}."), (90, f"2) Engines: {_TEXT}.")])
    pdf.save(path)
    return path


def test_points_past_a_page_break_go_on_the_lists_they_count_on(tmp_path: Path) -> None:
    doc = read_layout(_book(tmp_path / "book.pdf"), max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    outer = lists[0]
    assert [i.label for i in outer.items] == ["a)", "b)", "c)"]
    records = [b for b in outer.items[1].blocks if isinstance(b, ListBlock)]
    assert [i.label for i in records[0].items] == ["1)", "2)", "3)", "4)", "5)"]
    loads = [b for b in outer.items[2].blocks if isinstance(b, ListBlock)]
    assert [i.label for i in loads[0].items] == ["1)", "2)"]
