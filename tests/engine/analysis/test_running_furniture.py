"""Running headers and footers: text repeated at one place in the margin bands, apart from
the body's lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf

from workers.engine.document import Paragraph
from workers.engine.layout.reader import read_layout

_LINE = b"(The transformation acts on the upper half plane and keeps its lines as lines) Tj"


def _page_ops(number: int) -> list[bytes]:
    """A page with a running header and a page number at its top, and a paragraph reaching
    into the top margin band: its second line sets a matrix's first row, ``a`` and ``b``
    far apart, the way TeX sets ``[(a) -959 (b)] TJ``."""
    ops = [
        b"BT /F1 9 Tf 72 805 Td (HYPERBOLIC GEOMETRY) Tj ET",
        b"BT /F1 9 Tf 520 805 Td (%d) Tj ET" % number,
        b"BT /F1 11 Tf 72 770 Td " + _LINE + b" ET",
        b"BT /F1 11 Tf 72 755 Td (Let the map be set by the matrix) Tj"
        b" 180 0 Td [(a) -8000 (b)] TJ ET",
    ]
    ops += [b"BT /F1 11 Tf 72 %d Td " % y + _LINE + b" ET" for y in range(740, 400, -15)]
    return ops


def _lecture_notes(
    path: Path, pages: int, page_ops: Callable[[int], list[bytes]] | None = None
) -> Path:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    for number in range(1, pages + 1):
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"\n".join((page_ops or _page_ops)(number)))
    pdf.save(path)
    return path


def test_a_letter_on_a_body_line_in_the_margin_band_is_no_running_header(
    tmp_path: Path,
) -> None:
    # The matrix's "b" comes back at the very same place on every page, in the top margin
    # band, but on a line of the body: a variable of the text, not page furniture.
    doc = read_layout(_lecture_notes(tmp_path / "notes.pdf", 4), max_pages=10)
    furniture = sorted(a.text for a in doc.artifacts)
    assert furniture == ["1", "2", "3", "4"] + ["HYPERBOLIC GEOMETRY"] * 4
    words = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph)).split()
    assert words.count("b") == 4



_NAMES = [b"Poincare", b"Klein", b"Beltrami", b"Lobachevsky", b"Bolyai", b"Gauss"]


def _formula_page_ops(number: int) -> list[bytes]:
    """A page whose first lines, in the top margin band, name a different geometer on each
    page, with a two-letter index ``ab`` set between the lines, inside their box."""
    name = _NAMES[number % len(_NAMES)]
    ops = [
        b"BT /F1 9 Tf 72 805 Td (HYPERBOLIC GEOMETRY) Tj ET",
        b"BT /F1 9 Tf 520 805 Td (%d) Tj ET" % number,
        b"BT /F1 11 Tf 72 762 Td (The model of " + name + b" maps the half plane to) Tj ET",
        b"BT /F1 11 Tf 72 748 Td (the disc of " + name + b" by the map that we study here) Tj ET",
        b"BT /F1 7 Tf 150 755 Td (ab) Tj ET",
    ]
    ops += [b"BT /F1 11 Tf 72 %d Td " % y + _LINE + b" ET" for y in range(720, 400, -15)]
    return ops


def test_a_piece_set_inside_body_text_in_the_margin_band_is_no_running_header(
    tmp_path: Path,
) -> None:
    # The index "ab" comes back at one place on every page, between the lines of the first
    # paragraph, which lies in the top margin band but reads differently on each page.
    path = _lecture_notes(tmp_path / "notes.pdf", 4, _formula_page_ops)
    doc = read_layout(path, max_pages=10)
    furniture = sorted(a.text for a in doc.artifacts)
    assert furniture == ["1", "2", "3", "4"] + ["HYPERBOLIC GEOMETRY"] * 4


def _sections_page_ops(number: int) -> list[bytes]:
    """A page of numbered sections: one opens the page, in the top margin band, another
    starts half-way down, both in the same face (a constitution's "SECTION. 7.")."""
    ops = [
        b"BT /F1 9 Tf 72 805 Td (HYPERBOLIC GEOMETRY) Tj ET",
        b"BT /F1 9 Tf 520 805 Td (%d) Tj ET" % number,
        b"BT /F1 13 Tf 72 770 Td (SECTION. %d.) Tj ET" % (2 * number - 1),
        b"BT /F1 13 Tf 72 560 Td (SECTION. %d.) Tj ET" % (2 * number),
    ]
    ops += [b"BT /F1 11 Tf 72 %d Td " % y + _LINE + b" ET" for y in range(750, 580, -15)]
    ops += [b"BT /F1 11 Tf 72 %d Td " % y + _LINE + b" ET" for y in range(540, 400, -15)]
    return ops


def test_numbered_sections_opening_pages_are_no_running_header(tmp_path: Path) -> None:
    # "SECTION. #." comes back at the head of every page, but with a new number each time,
    # and the body sets the same numbered line in the same face away from the margins:
    # the sections' headings, which a reader must hear, not page furniture.
    path = _lecture_notes(tmp_path / "sections.pdf", 4, _sections_page_ops)
    doc = read_layout(path, max_pages=10)
    furniture = sorted(a.text for a in doc.artifacts)
    assert furniture == ["1", "2", "3", "4"] + ["HYPERBOLIC GEOMETRY"] * 4
    read = " ".join(b.text for b in doc.blocks)
    assert all(f"SECTION. {n}." in read for n in range(1, 9))


_ROMAN_FOLIOS = [b"i", b"ii", b"iii", b"iv", b"v", b"vi"]


def _front_matter_page_ops(number: int) -> list[bytes]:
    """A report's page with a footer line: its title on the left and, level with it on the
    right, the page's number, in Roman numerals on the front matter's first three pages and
    in figures after them; the front matter sets its footer a little higher."""
    front = number <= 3
    folio = _ROMAN_FOLIOS[number - 1] if front else b"%d" % (number - 3)
    y = 44 if front else 34
    ops = [
        b"BT /F1 9 Tf 72 %d Td (GeoBase Data Model) Tj ET" % y,
        b"BT /F1 9 Tf 520 %d Td (" % y + folio + b") Tj ET",
    ]
    ops += [b"BT /F1 11 Tf 72 %d Td " % y + _LINE + b" ET" for y in range(760, 400, -15)]
    return ops


def test_page_numbers_in_roman_numerals_are_running_footers_like_the_figures(
    tmp_path: Path,
) -> None:
    # The footer's title stands level with the folio, so no folio stands alone; the folios
    # in figures repeat as one number at one place, and so do the Roman ones ("iii") at
    # theirs: numbers, not words of the body read after each page's text. (Their row is on
    # too few pages to make all it holds running text.)
    path = _lecture_notes(tmp_path / "report.pdf", 6, _front_matter_page_ops)
    doc = read_layout(path, max_pages=10)
    furniture = sorted(a.text for a in doc.artifacts)
    assert furniture == ["1", "2", "3"] + ["GeoBase Data Model"] * 6 + ["i", "ii", "iii"]
    words = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph)).split()
    assert not {"i", "ii", "iii"} & set(words)
