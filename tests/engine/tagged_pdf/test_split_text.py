"""One TJ drawing a whole table row is cut between cells, and the page still looks the same."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from workers.engine.document import BBox
from workers.engine.layout.glyphs import read_page
from workers.engine.tagged_pdf.checks import read_tagged_text
from workers.engine.tagged_pdf.split_proof import rendered
from workers.engine.tagged_pdf.split_text import (
    LeafBox,
    PageText,
    contested_text,
    split_operators,
)

from ..content_pdfs import text_page_pdf
from .conftest import tag_and_check

ROWS = [
    ("Car park", "Spaces", "Charge"),
    ("Market Street", "120", "1.50"),
    ("Station Road", "300", "2.00"),
    ("Riverside", "80", "1.00"),
]


def one_operator_per_row(path: Path) -> Path:
    lines = [b"BT /F1 11 Tf 72 760 Td (Parking charges in the town centre) Tj ET"]
    y = 700
    for first, second, third in ROWS:
        gap = (150 - len(first) * 6) * 1000 // 11  # cells start at fixed columns
        lines.append(
            f"BT /F1 11 Tf 72 {y} Td [({first}) -{gap} ({second}) -8000 ({third})] TJ ET".encode()
        )
        y -= 16
    return text_page_pdf(path, lines)


def test_each_cell_reads_as_itself_and_the_page_is_unchanged(tmp_path: Path) -> None:
    result = tag_and_check(one_operator_per_row(tmp_path / "rows.pdf"))

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    assert result.check("content-tagged")["passed"], result.report
    texts = [text.strip() for text in read_tagged_text(result.output.read_bytes())]
    for row in ROWS:
        for cell in row:
            assert cell in texts, (cell, texts)
    with pikepdf.open(result.output) as pdf:
        operators = [str(i.operator) for i in pikepdf.parse_content_stream(pdf.pages[0])]
    assert operators.count("TJ") == 3 * len(ROWS)  # one per cell, was one per row


def spaced_rows(path: Path) -> Path:
    """Rows each shown by one string, their cells set apart by runs of spaces, as some report
    writers do (pdfium reads a run of spaces as one: its characters are fewer than the
    codes)."""
    lines = [b"BT /F1 11 Tf 72 760 Td (Parking charges in the town centre) Tj ET"]
    y = 700
    for first, second, third in ROWS:
        row = first + " " * (40 - 2 * len(first)) + second + " " * 16 + third
        lines.append(f"BT /F1 11 Tf 72 {y} Td ({row}) Tj ET".encode())
        y -= 16
    return text_page_pdf(path, lines)


def test_runs_of_spaces_read_as_one_still_split_between_cells(tmp_path: Path) -> None:
    source = spaced_rows(tmp_path / "spaced.pdf")
    with pdfium.PdfDocument(str(source)) as document:
        text = document[0].get_textpage().get_text_range()
    assert "Street" in text and "Street          " not in text  # the test means something
    result = tag_and_check(source)

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    texts = [text.strip() for text in read_tagged_text(result.output.read_bytes())]
    for row in ROWS:
        for cell in row:
            assert cell in texts, (cell, texts)



def _first_tj_cut(
    source: Path, order: list[int], boxes: list[LeafBox]
) -> list[tuple[int, bytes]]:
    """The parts the page's first ``TJ`` is cut into between leaves 0 and 1 (``order``: the
    leaves' reading order), with the bytes each shows."""
    with pikepdf.open(source) as pdf, pdfium.PdfDocument(str(source)) as document:
        page = pdf.pages[0]
        instructions = list(pikepdf.parse_content_stream(page))
        names = [str(i.operator) for i in instructions]
        shared = names.index("TJ")
        text = PageText.of(instructions, names, [shared])
        parts = split_operators(document, page, 0, text, {shared: order}, boxes)
        return [(owner, bytes(part.operands[0][0])) for owner, part in parts[shared]]

def test_a_glyph_in_nested_boxes_goes_to_the_innermost_block(tmp_path: Path) -> None:
    """A block set inside another's box (a formula's entry among the lines of the paragraph
    around it) owns its glyphs, whichever of the two comes first in reading order."""
    source = text_page_pdf(tmp_path / "nested.pdf", [
        b"BT /F1 11 Tf 72 700 Td (Outer) Tj ET",
        b"BT /F1 11 Tf 72 680 Td [(Inner) -3000 (Outer)] TJ ET",
        b"BT /F1 11 Tf 72 660 Td (Outer) Tj ET",
    ])
    outer = LeafBox(0, BBox(70, 655, 200, 712))  # all three lines, the inner word too
    inner = LeafBox(1, BBox(71, 677, 100, 692))  # the inner word only
    for order in ([0, 1], [1, 0]):
        shown = _first_tj_cut(source, order, [outer, inner])
        assert shown == [(1, b"Inner"), (0, b"Outer")], (order, shown)


def rows_one_clipped_tight(path: Path) -> Path:
    """:func:`one_operator_per_row` with the second row drawn inside a clipping rectangle
    whose left edge lies a fraction of a point before its second cell's first glyph: pdfium
    keeps that clip for the whole row (it does not contain the row's box), but drops it for
    the cell alone (it does), and the glyph's antialiased edge then reaches the pixel to its
    left."""
    lines = [b"BT /F1 11 Tf 72 760 Td (Parking charges in the town centre) Tj ET"]
    y = 700
    for k, (first, second, third) in enumerate(ROWS):
        gap = (150 - len(first) * 6) * 1000 // 11
        row = f"BT /F1 11 Tf 72 {y} Td [({first}) -{gap} ({second}) -8000 ({third})] TJ ET"
        if k == 1:
            row = f"q 211.05 {y - 4} 300 20 re W n {row} Q"
        lines.append(row.encode())
        y -= 16
    return text_page_pdf(path, lines)


def test_only_the_operator_whose_cut_renders_differently_is_kept_whole(
    tmp_path: Path,
) -> None:
    result = tag_and_check(rows_one_clipped_tight(tmp_path / "clipped.pdf"))

    assert result.check("pixels")["passed"], result.report
    assert any("1 text operator(s)" in note for note in result.tagged.notes), result.tagged.notes
    texts = [text.strip() for text in read_tagged_text(result.output.read_bytes())]
    for k, row in enumerate(ROWS):
        if k != 1:
            for cell in row:
                assert cell in texts, (cell, texts)
    with pikepdf.open(result.output) as pdf:
        operators = [str(i.operator) for i in pikepdf.parse_content_stream(pdf.pages[0])]
    assert operators.count("TJ") == 3 * (len(ROWS) - 1) + 1  # the clipped row kept whole


def test_what_a_fonts_codes_read_as_is_probed_once_per_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workers.engine.tagged_pdf import split_text

    one_page = spaced_rows(tmp_path / "spaced.pdf")
    source = tmp_path / "two-pages.pdf"
    with pikepdf.open(one_page) as pdf:
        pdf.pages.append(pdf.pages[0])  # a second page, in the same font
        pdf.save(source)
    probed: list[int] = []
    code_text = split_text.code_text

    def counted(font: pikepdf.Dictionary, codes: list[bytes]) -> dict[bytes, str]:
        probed.append(len(codes))
        return code_text(font, codes)

    monkeypatch.setattr(split_text, "code_text", counted)
    tag_and_check(one_page)
    on_one_page = len(probed)
    assert on_one_page  # the test means something: codes are looked up
    probed.clear()
    result = tag_and_check(source)

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    texts = [text.strip() for text in read_tagged_text(result.output.read_bytes())]
    assert texts.count("Street") == 0 and texts.count("Market Street") == 2, texts
    assert len(probed) == on_one_page  # the second page's codes were known from the first


def test_a_glyph_making_a_boxs_side_goes_to_that_block_not_a_smaller_one_over_it(
        tmp_path: Path) -> None:
    """Two blocks' boxes overlap without one being set in the other: a table read as a
    block of rows beside a block of a column head and its entries, the head reaching back
    over the rows' last cells. One operator draws a row's last cell and the column's entry
    (as a ``Tc``-spaced ``(00) Tj`` does). The cell's glyph makes the rows' right side, so
    it is the rows', though the column's box is smaller and holds its centre too."""
    source = text_page_pdf(tmp_path / "overlap.pdf", [
        b"BT /F1 11 Tf 72 700 Td (Rows of the table) Tj ET",
        b"BT /F1 11 Tf 72 680 Td [(Row cell A) -6000 (B)] TJ ET",
    ])
    with pdfium.PdfDocument(str(source)) as document:
        glyphs = [g for g in read_page(document, 0).glyphs if g.char in "AB"]
    cell, entry = glyphs[-2], glyphs[-1]
    rows = LeafBox(0, BBox(72, cell.y0 - 30, cell.x1, cell.y1 + 25))  # the cell ends its side
    column = LeafBox(1, BBox(cell.x0 - 3, entry.y0, entry.x1, entry.y1 + 12))  # head above

    def area(b: LeafBox) -> float:
        return (b.box.x1 - b.box.x0) * (b.box.y1 - b.box.y0)
    assert area(column) < area(rows)  # smallest-box-first alone would give the cell away
    assert column.box.x0 < (cell.x0 + cell.x1) / 2 < rows.box.x1
    for order in ([0, 1], [1, 0]):
        shown = _first_tj_cut(source, order, [rows, column])
        assert shown == [(0, b"Row cell A"), (1, b"B")], (order, shown)


def type3_row_pdf(path: Path) -> Path:
    """One ``TJ`` in a Type 3 font (glyph procedures drawing squares, named as letters, as a
    TikZ diagram's labels and dots are) drawing a label at the left and one at the right."""
    pdf = pikepdf.new()
    square = pdf.make_stream(b"750 0 0 0 600 600 d1 0 0 600 600 re f")
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3,
        FontBBox=[0, 0, 600, 600], FontMatrix=[0.001, 0, 0, 0.001, 0, 0],
        CharProcs=pikepdf.Dictionary(A=square, B=square),
        Encoding=pikepdf.Dictionary(Type=pikepdf.Name.Encoding,
                                    Differences=[65, pikepdf.Name.A, pikepdf.Name.B]),
        FirstChar=65, LastChar=66, Widths=[750, 750], Resources=pikepdf.Dictionary(),
    ))
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(T3=font))
    page.obj.Contents = pdf.make_stream(b"BT /T3 11 Tf 72 700 Td [(AA) -9000 (BB)] TJ ET")
    pdf.save(path)
    return path


def test_an_operator_in_a_type3_font_is_cut_between_blocks(tmp_path: Path) -> None:
    """A Type 3 font's codes are one byte each, as any simple font's: its operators are cut
    like others (the cut is proven by rendering, as every cut is)."""
    source = type3_row_pdf(tmp_path / "type3.pdf")
    with pdfium.PdfDocument(str(source)) as document:
        glyphs = [g for g in read_page(document, 0).glyphs if not g.generated]
    assert [g.char for g in glyphs] == ["A", "A", "B", "B"]  # pdfium reads the names
    left = LeafBox(0, BBox(glyphs[0].x0, glyphs[0].y0, glyphs[1].x1, glyphs[1].y1))
    right = LeafBox(1, BBox(glyphs[2].x0, glyphs[2].y0, glyphs[3].x1, glyphs[3].y1))
    shown = _first_tj_cut(source, [0, 1], [left, right])
    assert shown == [(0, b"AA"), (1, b"BB")], shown


def _first_tj_cut_with_texts(
    source: Path, boxes: list[LeafBox], leaf_texts: dict[int, str] | None
) -> list[tuple[int, bytes]] | None:
    """:func:`_first_tj_cut` with the leaves' texts known (None: not given): every other text
    operator is leaf 0's alone. None when the ``TJ`` is not cut."""
    with pikepdf.open(source) as pdf, pdfium.PdfDocument(str(source)) as document:
        page = pdf.pages[0]
        instructions = list(pikepdf.parse_content_stream(page))
        names = [str(i.operator) for i in instructions]
        shared = names.index("TJ")
        owners: list[int | str | None] = [0 if name == "Tj" else None for name in names]
        text = PageText.of(instructions, names, [shared])
        parts = split_operators(document, page, 0, text, {shared: [0, 1]}, boxes,
                                leaf_texts=leaf_texts, owners=owners if leaf_texts else None)
        if shared not in parts:
            return None
        return [(owner, bytes(part.operands[0][0])) for owner, part in parts[shared]]


def test_a_glyph_in_two_boxes_goes_to_the_block_whose_text_lacks_it(tmp_path: Path) -> None:
    """A matrix entry set inside the box of another entry's block (the model's boxes are
    the unions of their glyphs', and a block of two far-apart glyphs spans what lies between
    them): both glyphs of one operator lie wholly inside both boxes, so the smallest box
    would take them both. The blocks' texts tell which is whose."""
    source = text_page_pdf(tmp_path / "matrix.pdf", [
        b"BT /F1 11 Tf 72 700 Td (Outer) Tj ET",
        b"BT /F1 11 Tf 72 680 Td [(Inner) -3000 (Outer)] TJ ET",
        b"BT /F1 11 Tf 72 660 Td (Outer) Tj ET",
    ])
    outer = LeafBox(0, BBox(70, 655, 240, 712))  # all three lines
    inner = LeafBox(1, BBox(71, 677, 200, 692))  # the whole middle line: both of its words
    assert _first_tj_cut_with_texts(source, [outer, inner], {0: "Outer Outer Outer",
                                                             1: "Inner"}) == [
        (1, b"Inner"), (0, b"Outer")]
    # Boxes alone, or texts that want both words in the inner block, keep it whole.
    assert _first_tj_cut_with_texts(source, [outer, inner], None) is None
    assert _first_tj_cut_with_texts(source, [outer, inner], {0: "Outer Outer",
                                                             1: "Inner Outer"}) is None


def test_a_glyph_only_an_artifact_claims_by_its_text_is_cut_out_as_the_artifact(
        tmp_path: Path) -> None:
    """The model calls one glyph of an operator page furniture (its box the artifact's) and
    leaves it out of the paragraph whose operator range holds the operator: that glyph is
    the artifact's. A glyph the paragraph's text has stays the paragraph's, artifact box or
    not: content is never hidden from the reader."""
    source = text_page_pdf(tmp_path / "furniture.pdf", [
        b"BT /F1 11 Tf 72 700 Td [(Matrix) -3000 (b)] TJ ET",
    ])
    with pdfium.PdfDocument(str(source)) as document:
        (glyph,) = [g for g in read_page(document, 0).glyphs if g.char == "b"]
    with pikepdf.open(source) as pdf:
        names = [str(i.operator) for i in pikepdf.parse_content_stream(pdf.pages[0])]
    shown = names.index("TJ")
    claims: list[tuple[int | str, list[tuple[int, int]]]] = [
        (0, [(0, len(names))]), ("header", [(shown, shown + 1)])]
    assert contested_text(names, claims) == {}  # an artifact's claim alone contests nothing
    assert contested_text(names, claims, with_artifacts=True) == {shown: [0, "header"]}

    paragraph = LeafBox(0, BBox(70, 690, 300, 715))
    furniture = LeafBox("header", BBox(glyph.x0, glyph.y0, glyph.x1, glyph.y1))

    def cut(text: str) -> list[tuple[int | str, bytes]] | None:
        with pikepdf.open(source) as pdf, pdfium.PdfDocument(str(source)) as document:
            page = pdf.pages[0]
            instructions = list(pikepdf.parse_content_stream(page))
            page_text = PageText.of(instructions, names, [shown])
            parts = split_operators(document, page, 0, page_text, {shown: [0, "header"]},
                                    [paragraph, furniture], leaf_texts={0: text},
                                    owners=[0] * len(names))
            if shown not in parts:
                return None
            return [(owner, bytes(part.operands[0][0])) for owner, part in parts[shown]]

    assert cut("Matrix") == [(0, b"Matrix"), ("header", b"b")]
    assert cut("Matrix b") is None  # the paragraph reads the glyph: it keeps it


def rows_on_a_pixel_boundary(path: Path) -> Path:
    """A table whose rows are each one ``TJ`` from a year to its figures. In the row of 2015
    the fourth figure's "7" starts, in exact arithmetic, on a pixel boundary: pdfium sums
    the whole row's positions to just before it, and a part cut after the year from a start
    summed otherwise to just on it, so the cut draws that glyph a pixel to the right."""
    figures = "(55,957) -2650.98 (39,788) -2633.02 (16,169) -3720. (50,773) -2666. (35,735)"
    lines = [b"BT /F1 9 Tf 1 0 0 1 42.5 520 Tm [(Year) -5000 (Total) -2650 (Male) -2633 "
             b"(Female) -3720 (Urban) -2666 (Rural)] TJ ET"]
    for k in range(6):
        x, y = 42.53217059 + k * 0.00898437, 496.39434 - k * 10.8719
        lines.append(f"BT /F1 9 Tf 1 0 0 1 {x:.8f} {y:.5f} Tm [({2011 + k}) -6255.99 "
                     f"{figures}] TJ ET".encode())
    return text_page_pdf(path, lines)


def test_a_cut_drawn_a_pixel_away_is_nudged_back_not_kept_whole(tmp_path: Path) -> None:
    source = rows_on_a_pixel_boundary(tmp_path / "boundary.pdf")
    with pikepdf.open(source) as pdf:  # the test means something: the plain cut moves a pixel
        instructions = list(pikepdf.parse_content_stream(pdf.pages[0]))
        row = [i for i in instructions if str(i.operator) == "TJ"][5]
        at = instructions.index(row)
        year, rest = list(row.operands[0])[:2], list(row.operands[0])[2:]
        instructions[at:at + 1] = [
            pikepdf.ContentStreamInstruction([pikepdf.Array(part)], pikepdf.Operator("TJ"))
            for part in (year, rest)]
        pdf.pages[0].obj.Contents = pdf.make_stream(
            pikepdf.unparse_content_stream(instructions))
        pdf.save(tmp_path / "cut.pdf")
    with pdfium.PdfDocument(str(source)) as whole, \
            pdfium.PdfDocument(str(tmp_path / "cut.pdf")) as cut:
        assert rendered(whole, 0).tobytes() != rendered(cut, 0).tobytes()

    result = tag_and_check(source)

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    assert any("nudged" in note for note in result.tagged.notes), result.tagged.notes
    assert not any("kept whole" in note for note in result.tagged.notes), result.tagged.notes
    texts = [text.strip() for text in read_tagged_text(result.output.read_bytes())]
    assert texts.count("2015") == 1 and texts.count("55,957") == 6, texts


def test_a_word_whose_letters_two_blocks_both_lack_stays_in_one_piece(tmp_path: Path) -> None:
    """Both boxes hold both words, and both texts have letters of the first: the smaller
    box would take its "a", "s", "t" and leave the first block its "V" alone. The letters
    go on with the block the word started in while it lacks them."""
    source = text_page_pdf(tmp_path / "words.pdf", [
        b"BT /F1 11 Tf 72 680 Td [(Vast) -3000 (toast)] TJ ET",
    ])
    large = LeafBox(0, BBox(70, 670, 300, 700))
    small = LeafBox(1, BBox(71, 677, 200, 692))
    assert _first_tj_cut_with_texts(source, [large, small], {0: "Vast", 1: "toast"}) == [
        (0, b"Vast"), (1, b"toast")]
