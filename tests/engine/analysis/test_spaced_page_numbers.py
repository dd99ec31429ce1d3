"""A page number drawn digit by digit with a space between ("1 0", a word processor's
letter-spaced folio) is read as a page number where it goes on with the numbers of the pages
around it; spaced digits that do not are read as drawn."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.layout.reader import read_layout

WORDS = ["public bodies publish documents for many readers", "each page says something new",
         "the survey counted cyclists on every street", "the council met in the spring"]


def _pages(path: Path, folios: list[str]) -> Path:
    """A PDF of one page per folio: a few lines of text, and the folio alone at the foot."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    for k, folio in enumerate(folios):
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        ops = [f"BT /F1 11 Tf 72 {700 - 16 * n} Td (Page {k} line {n}: {WORDS[(k + n) % 4]}) Tj ET"
               for n in range(12)]
        ops.append(f"BT /F1 10 Tf 72 40 Td ({folio}) Tj ET")
        page.obj.Contents = pdf.make_stream("\n".join(ops).encode())
    pdf.save(path)
    return path


def _artifacts(path: Path) -> list[tuple[str, str]]:
    doc = read_layout(path, max_pages=10)
    return [(a.kind, a.text) for a in doc.artifacts]


def test_a_page_number_drawn_with_a_space_between_its_digits_is_a_page_number(
    tmp_path: Path,
) -> None:
    path = _pages(tmp_path / "spaced.pdf", ["7", "8", "9", "1 0"])
    assert _artifacts(path) == [("page-number", "7"), ("page-number", "8"),
                                ("page-number", "9"), ("page-number", "1 0")]


def test_spaced_digits_that_do_not_go_on_with_the_page_numbers_are_read(
    tmp_path: Path,
) -> None:
    path = _pages(tmp_path / "figures.pdf", ["7", "8", "9", "4 2"])
    assert ("page-number", "4 2") not in _artifacts(path)
