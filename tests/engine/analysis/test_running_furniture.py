"""Running headers and footers: text repeated at one place in the margin bands, apart from
the body's lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pikepdf

from workers.engine.document import Paragraph
from workers.engine.layout.reader import read_layout

_LINE = b"(The transformation acts on the upper half plane and keeps its lines as lines) Tj"


def _body(top: int, bottom: int) -> list[bytes]:
    """Lines of running text in 11-point type, 15 points apart, from ``top`` down to above
    ``bottom``."""
    return [b"BT /F1 11 Tf 72 %d Td " % y + _LINE + b" ET" for y in range(top, bottom, -15)]


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
    ops += _body(740, 400)
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
    ops += _body(720, 400)
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
    ops += _body(750, 580)
    ops += _body(540, 400)
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
    ops += _body(760, 400)
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


def _spaced_footer_ops(number: int) -> list[bytes]:
    """A page whose footer is letter-spaced: each word drawn apart, as a designer's
    tracked small capitals are, so the one line comes as many pieces."""
    ops = _body(760, 400)
    x = 72
    for word in (b"C O N S T I T U T I O N", b"O F", b"T H E", b"U N I T E D", b"S T A T E S"):
        ops.append(b"BT /F1 7 Tf %d 42 Td (%s) Tj ET" % (x, word))
        x += 8 + 7 * len(word) // 2
    return ops


def test_a_letter_spaced_running_footer_is_furniture(tmp_path: Path) -> None:
    # One line in many pieces is one line of running text: it repeats on every page.
    doc = read_layout(_lecture_notes(tmp_path / "spaced.pdf", 4, _spaced_footer_ops), max_pages=10)
    text = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "C O N" not in text
    assert sum("C O N" in a.text for a in doc.artifacts) == 4


def _moved_head_ops(number: int) -> list[bytes]:
    """Pages with a running head, set higher on the first page (its other margins)."""
    head = 812 if number == 1 else 805
    return [b"BT /F1 9 Tf 200 %d Td (ANNUAL REPORT OF THE COMPANY) Tj ET" % head] + _body(740, 400)


def test_a_running_head_set_a_little_higher_on_the_first_page_is_furniture(
    tmp_path: Path,
) -> None:
    doc = read_layout(_lecture_notes(tmp_path / "moved.pdf", 4, _moved_head_ops), max_pages=10)
    text = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "ANNUAL REPORT" not in text
    assert sum("ANNUAL REPORT" in a.text for a in doc.artifacts) == 4


def _lone_page_ops(number: int) -> list[bytes]:
    """A manual's one page: a header ruled off under it, a footer with the page number."""
    return [
        b"BT /F1 9 Tf 30 770 Td (Configuration Guide Release 2) Tj ET",
        b"BT /F1 9 Tf 470 770 Td (Cross-Connect) Tj ET",
        b"0.5 w 29 750 m 566 750 l S",
        b"BT /F1 11 Tf 72 720 Td (A heading set in the body) Tj ET",
    ] + _body(700, 300) + [
        b"BT /F1 9 Tf 30 40 Td (3HE 19220 AAAB) Tj ET",
        b"BT /F1 9 Tf 540 40 Td (93) Tj ET",
        b"BT /F1 8 Tf 230 28 Td (Use subject to the terms) Tj ET",
    ]


def test_a_lone_pages_ruled_off_header_and_numbered_footer_are_furniture(
    tmp_path: Path,
) -> None:
    # No other page repeats them: the rule under the header and the page number in the
    # footer tell them from the text.
    doc = read_layout(_lecture_notes(tmp_path / "lone.pdf", 1, _lone_page_ops), max_pages=10)
    text = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    for furniture in ("Configuration Guide", "Cross-Connect", "3HE", "93", "terms"):
        assert furniture not in text
    assert "A heading set in the body" in " ".join(b.text for b in doc.blocks)


def _lone_page_unruled_ops(number: int) -> list[bytes]:
    """One page whose first line sits in the top band with no rule and whose last line
    sits in the bottom band with no page number: the text's own."""
    return _body(780, 40)


def test_a_lone_pages_first_and_last_lines_are_text(tmp_path: Path) -> None:
    doc = read_layout(
        _lecture_notes(tmp_path / "plain.pdf", 1, _lone_page_unruled_ops), max_pages=10
    )
    assert not doc.artifacts


def _report_on_two_sheets(path: Path) -> Path:
    """A report whose first two pages are letter-size and the rest legal-size, its running
    head set 40 points under the top edge of each, on the left of even pages and on the
    right of odd ones."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    for number in range(1, 7):
        height = 792 if number <= 2 else 1008
        pdf.add_blank_page(page_size=(612, height))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        x = 72 if number % 2 == 0 else 340
        ops = [b"BT /F1 9 Tf %d %d Td (ANNUAL REPORT OF THE COMPANY) Tj ET" % (x, height - 40)]
        ops += [
            b"BT /F1 11 Tf 72 %d Td " % y + _LINE + b" ET"
            for y in range(height - 100, height - 400, -15)
        ]
        page.obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def test_a_running_head_as_far_from_the_top_of_a_shorter_sheet_is_furniture(
    tmp_path: Path,
) -> None:
    # On the letter-size pages the head stands lower on the page than on the legal-size
    # ones, and only twice there: what places it is its distance from the top edge.
    doc = read_layout(_report_on_two_sheets(tmp_path / "sheets.pdf"), max_pages=10)
    text = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "ANNUAL REPORT" not in text
    assert [a.kind for a in doc.artifacts if "ANNUAL REPORT" in a.text] == ["header"] * 6


def _transcript_page(path: Path, head: bytes) -> Path:
    """A transcript's one page: its text in Courier 12, its page number at its foot in
    the text's face over the reporter's name in Times 11; ``head`` at its top."""
    pdf = pikepdf.new()
    fonts = {
        name: pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name(base), Encoding=pikepdf.Name.WinAnsiEncoding,
        ))
        for name, base in (("F1", "/Courier"), ("F2", "/Times-Roman"), ("F3", "/Helvetica"))
    }
    pdf.add_blank_page(page_size=(612, 792))
    page = pdf.pages[-1]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(**fonts))
    ops = [head] + [
        b"BT /F1 12 Tf 126 %d Td (argument before the Supreme Court of the States) Tj ET" % y
        for y in range(713, 240, -26)
    ] + [
        b"BT /F1 12 Tf 320 56 Td (1) Tj ET",
        b"BT /F2 11 Tf 264 30 Td (Alderson Reporting Company) Tj ET",
    ]
    page.obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def test_a_numbered_transcript_pages_head_and_foot_are_furniture(tmp_path: Path) -> None:
    # The page number is set in the text's face, yet it stands alone over a smaller line:
    # the page is numbered, so a page of a longer work, and the line at its head, in the
    # face of the reporter's name and set off from the text, is its running head.
    head = b"BT /F2 11 Tf 256 746 Td (Official - Subject to Final Review) Tj ET"
    doc = read_layout(_transcript_page(tmp_path / "transcript.pdf", head), max_pages=10)
    kinds = {a.text: a.kind for a in doc.artifacts}
    assert kinds["Official - Subject to Final Review"] == "header"
    assert kinds["Alderson Reporting Company"] == "footer"
    text = " ".join(b.text for b in doc.blocks)
    assert "Official" not in text and "Alderson" not in text


def test_a_smaller_line_at_a_numbered_pages_head_in_another_face_is_text(
    tmp_path: Path,
) -> None:
    # The line at the head is smaller than the text and set off from it, but in a face the
    # foot's template does not use: nothing shows it is the template's.
    head = b"BT /F3 9 Tf 126 746 Td (see the argument of the Petitioner below) Tj ET"
    doc = read_layout(_transcript_page(tmp_path / "transcript.pdf", head), max_pages=10)
    assert "see the argument" in " ".join(b.text for b in doc.blocks)


def _facing_pages_ops(number: int) -> list[bytes]:
    """A title page, then pages printed on both sides: the running head on the left of
    the even (left-hand) pages, on the right of the odd ones, mirrored, and the odd ones'
    a few points lower."""
    if number == 1:
        return [b"BT /F1 24 Tf 72 600 Td (The Annual Report) Tj ET"]
    x, y = (72, 805) if number % 2 == 0 else (363, 799)
    return [b"BT /F1 9 Tf %d %d Td (ANNUAL REPORT OF THE COMPANY) Tj ET" % (x, y)] + _body(740, 400)


def test_a_running_head_on_facing_pages_at_mirrored_places_is_furniture(
    tmp_path: Path,
) -> None:
    # Twice only, and at two heights: yet the same line at mirrored places on two facing
    # pages is a two-sided print's running head.
    doc = read_layout(_lecture_notes(tmp_path / "facing.pdf", 3, _facing_pages_ops), max_pages=10)
    text = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "ANNUAL REPORT" not in text
    assert [a.kind for a in doc.artifacts if "ANNUAL REPORT" in a.text] == ["header"] * 2


def _short_manual_ops(number: int) -> list[bytes]:
    """Two pages of a manual: the first opens with its title, the second carries the
    template's ruled-off header and numbered footer, which no other page repeats."""
    if number == 1:
        return [b"BT /F1 20 Tf 72 780 Td (Configuration) Tj ET"] + _body(740, 300)
    return _lone_page_ops(number)


def test_a_ruled_off_header_on_one_page_of_a_short_document_is_furniture(
    tmp_path: Path,
) -> None:
    doc = read_layout(_lecture_notes(tmp_path / "short.pdf", 2, _short_manual_ops), max_pages=10)
    text = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    for furniture in ("Configuration Guide", "Cross-Connect", "3HE", "terms"):
        assert furniture not in text
    assert "A heading set in the body" in " ".join(b.text for b in doc.blocks)


def _pages_in_faces(path: Path, pages: list[list[bytes]]) -> Path:
    """Letter-size pages in Courier (F1), Times (F2), Courier-Oblique (F3)."""
    pdf = pikepdf.new()
    fonts = {
        name: pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name(base), Encoding=pikepdf.Name.WinAnsiEncoding,
        ))
        for name, base in (("F1", "/Courier"), ("F2", "/Times-Roman"), ("F3", "/Courier-Oblique"))
    }
    for ops in pages:
        pdf.add_blank_page(page_size=(612, 792))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(**fonts))
        page.obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


_TABLE_LINE = b"(Offense charged . . . . . . . . . . . 11,062.6  1,540.0  9,522.6) Tj"


def _abstract_page(folio: list[bytes]) -> list[bytes]:
    """A statistical abstract's page: its table in Courier 7 down to the foot, then
    ``folio``, in Times, and the work's title under it, just under the table's last line."""
    return [b"BT /F1 7 Tf 72 %d Td " % y + _TABLE_LINE + b" ET" for y in range(740, 45, -9)] + (
        folio + [b"BT /F2 7 Tf 300 27 Td (U.S. Census Bureau, Statistical Abstract) Tj ET"]
    )


def test_a_running_title_with_its_folio_set_apart_in_its_own_face_is_furniture(
    tmp_path: Path,
) -> None:
    # Larger than the table's text and close under it, but set in a face of its own, its
    # page number an em space away from its words: a template's running footer.
    folio = [
        b"BT /F2 9.5 Tf 72 36 Td (206) Tj ET",
        b"BT /F2 9.5 Tf 92 36 Td (Law Enforcement, Courts, and Prisons) Tj ET",
    ]
    doc = read_layout(_pages_in_faces(tmp_path / "abstract.pdf", [_abstract_page(folio)]),
                      max_pages=10)
    kinds = {a.text: a.kind for a in doc.artifacts}
    assert kinds["206 Law Enforcement, Courts, and Prisons"] == "footer"
    assert kinds["U.S. Census Bureau, Statistical Abstract"] == "footer"


def test_a_numbered_heading_at_a_pages_foot_in_its_own_face_is_text(tmp_path: Path) -> None:
    # The same line with its number a word space from its words: a numbered heading.
    folio = [b"BT /F2 9.5 Tf 72 36 Td (206 Law Enforcement, Courts, and Prisons) Tj ET"]
    doc = read_layout(_pages_in_faces(tmp_path / "abstract.pdf", [_abstract_page(folio)]),
                      max_pages=10)
    assert "206 Law Enforcement" in " ".join(b.text for b in doc.blocks)


_PAPER_LINE = b"(the format has been the means of exchange of final documents) Tj"


def _paper_page(head: bool) -> list[bytes]:
    """A page of a paper in Courier 10 (60 characters a line, 72 to 432), with its running
    head over it in Courier-Oblique 9 split flush left and right when ``head``."""
    ops = [b"BT /F1 10 Tf 72 %d Td " % y + _PAPER_LINE + b" ET" for y in range(690, 300, -12)]
    if head:
        ops += [
            b"BT /F3 9 Tf 72 725 Td (DocEng 19, Berlin) Tj ET",
            b"BT /F3 9 Tf %.1f 725 Td (Seggern and Posselt) Tj ET" % (432 - 19 * 5.4),
        ]
    return ops


def test_a_running_head_split_flush_left_and_right_on_a_papers_second_page_is_furniture(
    tmp_path: Path,
) -> None:
    pages = [
        [b"BT /F2 16 Tf 72 730 Td (More than digital paper) Tj ET"] + _paper_page(False),
        _paper_page(True),
    ]
    doc = read_layout(_pages_in_faces(tmp_path / "paper.pdf", pages), max_pages=10)
    kinds = {a.text: a.kind for a in doc.artifacts}
    assert kinds["DocEng 19, Berlin"] == kinds["Seggern and Posselt"] == "header"


def test_a_line_split_flush_left_and_right_over_a_first_page_is_text(tmp_path: Path) -> None:
    # Over a document's first page the same setting may be its letterhead or its title.
    doc = read_layout(_pages_in_faces(tmp_path / "paper.pdf", [_paper_page(True)]), max_pages=10)
    assert "DocEng" in " ".join(b.text for b in doc.blocks)


def _form_report_ops(last: bytes) -> Callable[[int], list[bytes]]:
    """A two-page report: the second page numbered at its foot, the first ending in
    ``last`` at the height of that number."""
    def ops(number: int) -> list[bytes]:
        body = _body(740, 45)
        if number == 1:
            return body + [last]
        return body[:20] + [b"BT /F1 11 Tf 300 30 Td (2) Tj ET"]
    return ops


def test_a_form_number_in_the_row_of_another_pages_number_is_furniture(
    tmp_path: Path,
) -> None:
    ops = _form_report_ops(b"BT /F1 8 Tf 30 30 Td (DCF-F-2476-E (R. 04/2014)) Tj ET")
    doc = read_layout(_lecture_notes(tmp_path / "form.pdf", 2, ops), max_pages=10)
    kinds = {a.text: a.kind for a in doc.artifacts}
    assert kinds["DCF-F-2476-E (R. 04/2014)"] == "footer"


def test_a_last_line_of_the_text_in_the_row_of_another_pages_number_is_text(
    tmp_path: Path,
) -> None:
    ops = _form_report_ops(b"BT /F1 11 Tf 72 30 Td (and so the report ends here.) Tj ET")
    doc = read_layout(_lecture_notes(tmp_path / "form.pdf", 2, ops), max_pages=10)
    assert "the report ends here" in " ".join(b.text for b in doc.blocks)


def _boxed_header_ops(folio: bytes) -> Callable[[int], list[bytes]]:
    """A page of a notice: a frame of two cells across its head, reaching out of the top
    margin band, holding its title and the company's name; ``folio`` at its foot."""
    def ops(number: int) -> list[bytes]:
        return [
            # (Drawn as Word draws a table's edges: a thin filled box per cell side.)
            b"30 722 276 0.5 re f 306 722 258 0.5 re f 30 812 276 0.5 re f 306 812 258 0.5 re f",
            b"30 722 0.5 90 re f 306 722 0.5 90 re f 564 722 0.5 90 re f",
            b"BT /F1 12 Tf 60 770 Td (Notice of admission to the main market) Tj ET",
            b"BT /F1 10 Tf 380 738 Td (The Commodity Exchange) Tj ET",
        ] + [b"BT /F1 12 Tf 72 %d Td " % y + _LINE + b" ET" for y in range(690, 200, -16)] + [
            b"BT /F1 9 Tf 280 50 Td (" + folio + b") Tj ET",
        ]
    return ops


def test_a_boxed_header_over_a_page_numbered_past_its_first_is_furniture(
    tmp_path: Path,
) -> None:
    doc = read_layout(
        _lecture_notes(tmp_path / "notice.pdf", 1, _boxed_header_ops(b"Page 7")), max_pages=10
    )
    kinds = {a.text: a.kind for a in doc.artifacts}
    assert kinds["Notice of admission to the main market"] == "header"
    assert kinds["The Commodity Exchange"] == "header"


def test_a_boxed_title_over_a_first_page_is_text(tmp_path: Path) -> None:
    doc = read_layout(
        _lecture_notes(tmp_path / "notice.pdf", 1, _boxed_header_ops(b"Page 1")), max_pages=10
    )
    assert "Notice of admission" in " ".join(b.text for b in doc.blocks)


def _panels_page_ops(number: int) -> list[bytes]:
    """The first page: a title and a paragraph. The second: two columns, each opening with
    its section's heading and an "Attributes" line under it, level across the columns."""
    if number == 1:
        ops = [b"BT /F1 16 Tf 72 790 Td (Canvas reference) Tj ET"]
        return ops + _body(740, 400)
    ops = []
    for x, title in ((72, b"Colors"), (320, b"Text")):
        ops += [b"BT /F1 12 Tf %d 800 Td (%s) Tj ET" % (x, title),
                b"BT /F1 10 Tf %d 780 Td (Attributes) Tj ET" % x]
        ops += [b"BT /F1 9 Tf %d %d Td (The %s of the shape drawn next) Tj ET" % (x, y, title)
                for y in range(760, 500, -13)]
    return ops


def test_a_line_twice_on_one_page_is_no_running_head(tmp_path: Path) -> None:
    # "Attributes" stands twice at one place in the top band of the second page, over each
    # column: no other page repeats it, so it is the text's, not a running head.
    doc = read_layout(_lecture_notes(tmp_path / "sheet.pdf", 2, _panels_page_ops), max_pages=5)
    assert not [a.text for a in doc.artifacts if a.text == "Attributes"]
    assert [b.text for b in doc.blocks if b.text == "Attributes"] == ["Attributes"] * 2


def _cheat_sheet_ops(number: int) -> list[bytes]:
    """Two pages of a reference card with no running lines; the last closes with its
    source, in a smaller face under a rule across the page at its foot."""
    if number == 1:
        return [b"BT /F1 20 Tf 72 780 Td (Canvas Cheat Sheet) Tj ET"] + _body(740, 60)
    return _body(780, 100) + [
        b"0.5 w 30 60 m 565 60 l S",
        b"BT /F1 8 Tf 30 45 Td (Source: http://www.example.org/specs/canvas/ (2009-05-04)) Tj ET",
    ]


def test_a_short_documents_closing_line_on_its_last_page_only_is_text(tmp_path: Path) -> None:
    """A line ruled off at the last page's foot that no other page's foot echoes, with no
    header over it, is the document's closing credit (who made it, from what): read."""
    doc = read_layout(_lecture_notes(tmp_path / "card.pdf", 2, _cheat_sheet_ops), max_pages=10)
    text = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    assert "Source: http://www.example.org" in text
    assert not doc.artifacts


def _ruled_footer_ops(number: int) -> list[bytes]:
    """Two pages, each closing with a ruled-off footer line of its own text."""
    return _body(780, 100) + [
        b"0.5 w 30 60 m 565 60 l S",
        b"BT /F1 8 Tf 30 45 Td (%s) Tj ET" % (b"Draft for comment", b"Internal use")[number - 1],
    ]


def test_a_ruled_off_footer_on_each_page_of_a_short_document_stays_furniture(
    tmp_path: Path,
) -> None:
    """Footers on every page, each page's its own: the template's, the last one too."""
    doc = read_layout(_lecture_notes(tmp_path / "ruled.pdf", 2, _ruled_footer_ops), max_pages=10)
    assert [a.kind for a in doc.artifacts] == ["footer", "footer"]
