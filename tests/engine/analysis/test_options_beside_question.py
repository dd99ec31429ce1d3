"""A form's options set on their question's line, each after its box to tick: each option
is an entry of its own, not the question's line read on."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import ListBlock, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page, text_page_pdf


def show(x: float, y: float, text: str, size: int = 9) -> bytes:
    return b"BT /F1 %d Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (size, x, y, text.encode())


def _texts(path: Path, boxes: bool) -> list[str]:
    """A question, then on its line three options, each after its box (with ``boxes``), the
    gaps between them no wider than a form's gaps between the words of one label."""
    ops = [show(57, 780, "Section one: service member", 16),
           show(60, 700, "Branch at time of discharge")]
    for x, text in ((175, "Army"), (210, "Navy"), (245, "Air Force")):
        ops.append(show(x + 11, 700, text))
        if boxes:
            ops.append(b"%d 699 8 8 re S" % x)
    return [block_text(b) for b in read_layout(text_page_pdf(path, ops), max_pages=5).blocks]


def test_options_by_their_boxes_on_the_question_line_are_entries_of_their_own(
    tmp_path: Path,
) -> None:
    texts = _texts(tmp_path / "form.pdf", boxes=True)
    assert texts[1:] == ["Branch at time of discharge", "Army", "Navy", "Air Force"]


def test_without_boxes_the_pieces_of_the_line_read_on(tmp_path: Path) -> None:
    texts = _texts(tmp_path / "form.pdf", boxes=False)
    assert "Branch at time of discharge Army Navy Air Force" in texts


# A font whose "q" reads as the ballot box ☐ (its ToUnicode map): boxes to tick printed as
# characters, as forms set them in a symbol font.
_BOX_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Box-test def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
1 beginbfchar <71> <2610> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""


def _glyph_boxes_page(path: Path, tight: bool) -> Path:
    """The question and its options on one line, each option after a box printed as a
    character (/F2 "q"): the box set tight against its option in one text object
    (``tight``), or each in its own, a word space apart."""
    ops = [show(57, 780, "Section one: service member", 16),
           show(60, 700, "Branch at time of discharge")]
    for x, text in ((175, "Army"), (210, "Navy"), (245, "Air Force")):
        if tight:
            ops.append(b"BT /F2 9 Tf 1 0 0 1 %d 700 Tm (q) Tj /F1 9 Tf 2.5 0 Td (%s) Tj ET"
                       % (x, text.encode()))
        else:
            ops += [b"BT /F2 9 Tf 1 0 0 1 %d 700 Tm (q) Tj ET" % x, show(x + 11, 700, text)]
    pdf, page = text_page(b"\n".join(ops))
    page.obj.Resources.Font.F2 = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name.ZapfDingbats, ToUnicode=pdf.make_stream(_BOX_CMAP),
    ))
    pdf.save(path)
    return path


def _entries(path: Path) -> list[tuple[str, str]]:
    """The page's top-level blocks and list items: (label or kind, text)."""
    found: list[tuple[str, str]] = []
    for block in read_layout(path, max_pages=5).blocks:
        if isinstance(block, ListBlock):
            found += [(item.label, " ".join(block_text(b) for b in item.blocks))
                      for item in block.items]
        else:
            found.append((block.type, block_text(block)))
    return found


def test_options_after_box_glyphs_read_in_one_run_with_the_question_are_items_of_a_list(
    tmp_path: Path,
) -> None:
    # pdfium reads the options and their boxes as one run with the question's line, the
    # gaps between being word spaces: each box cuts the run, and opens an option; the
    # options, side by side on one line, are items of one list, none nested in another.
    entries = _entries(_glyph_boxes_page(tmp_path / "form.pdf", tight=False))
    assert entries[1:] == [("paragraph", "Branch at time of discharge"),
                           ("☐", "Army"), ("☐", "Navy"), ("☐", "Air Force")]


def test_options_opening_with_their_box_glyph_are_no_part_of_the_question(
    tmp_path: Path,
) -> None:
    entries = _entries(_glyph_boxes_page(tmp_path / "form.pdf", tight=True))
    assert entries[1:] == [("paragraph", "Branch at time of discharge"),
                           ("☐", "Army"), ("☐", "Navy"), ("☐", "Air Force")]


def test_a_box_glyph_closing_a_label_cuts_nothing(tmp_path: Path) -> None:
    # A box to fill in after its label ("Age ☐") leads no option of its own.
    ops = [show(57, 780, "Section one: service member", 16),
           b"BT /F1 9 Tf 1 0 0 1 60 700 Tm (Age at discharge ) Tj /F2 9 Tf (q) Tj ET"]
    pdf, page = text_page(b"\n".join(ops))
    page.obj.Resources.Font.F2 = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name.ZapfDingbats, ToUnicode=pdf.make_stream(_BOX_CMAP),
    ))
    pdf.save(tmp_path / "form.pdf")
    assert _entries(tmp_path / "form.pdf")[1:] == [("paragraph", "Age at discharge ☐")]


def test_answers_by_their_boxes_before_their_question_read_on_with_it(tmp_path: Path) -> None:
    # "[x] Yes  [ ] No   Criminal charges filed?": the options come first, the question after
    # them on the line. Parted, "No" would open "No criminal charges filed?": the line is
    # read on as one, answers and question, as before.
    ops = [show(57, 780, "Section two: findings", 16),
           show(60, 700, "The agency completed the assessment and closed the case.")]
    for y, question in ((676, "Criminal investigation pending?"), (664, "Criminal charges filed?")):
        ops += [b"60 %d 8 8 re S" % (y - 1), show(71, y, "Yes"),
                b"92 %d 8 8 re S" % (y - 1), show(103, y, "No"), show(125, y, question)]
    texts = [block_text(b) for b in read_layout(text_page_pdf(tmp_path / "form.pdf", ops),
                                                  max_pages=5).blocks]
    assert "Yes No Criminal investigation pending?" in texts
    assert "Yes No Criminal charges filed?" in texts


def _box_and_tick_page(path: Path, ops: list[bytes]) -> Path:
    """A page drawing ``ops`` with /F1 Helvetica and /F2 ZapfDingbats, whose "q" reads as an
    empty box (☐) and "r" as a tick (√)."""
    pdf, page = text_page(b"\n".join(ops))
    page.obj.Resources.Font.F2 = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name.ZapfDingbats,
        ToUnicode=pdf.make_stream(_BOX_CMAP.replace(b"1 beginbfchar <71> <2610>",
                                                    b"2 beginbfchar <71> <2610> <72> <221A>")),
    ))
    pdf.save(path)
    return path


def test_a_line_of_boxes_holding_a_tick_for_the_chosen_option_is_left_whole(
    tmp_path: Path,
) -> None:
    # "Items  √ Applicable  ☐ Not applicable": the tick stands for the chosen option's box;
    # cut at the box alone, the two options would be read unlike each other.
    ops = [show(57, 780, "Section one: service member", 16),
           b"BT /F1 9 Tf 1 0 0 1 60 700 Tm (Items of gain ) Tj /F2 9 Tf (r) Tj /F1 9 Tf"
           b" ( Applicable ) Tj /F2 9 Tf (q) Tj /F1 9 Tf ( Not applicable) Tj ET"]
    _box_and_tick_page(tmp_path / "form.pdf", ops)
    assert _entries(tmp_path / "form.pdf")[1:] == [
        ("paragraph", "Items of gain √ Applicable ☐ Not applicable")]


def test_a_line_opening_with_a_box_among_its_options_boxes_keeps_the_box_in_its_text(
    tmp_path: Path,
) -> None:
    # "☐ Applicable  √ Not applicable" on a line of its own under its question: the box it
    # opens with is the first option's (unticked: the answer), not a list's bullet, which
    # a reader would hear as a list of one item and lose the box by.
    ops = [show(57, 780, "Section one: service member", 16),
           show(60, 700, "Items of non-recurring gain and loss"),
           b"BT /F2 9 Tf 1 0 0 1 60 686 Tm (q) Tj /F1 9 Tf ( Applicable ) Tj /F2 9 Tf (r) Tj"
           b" /F1 9 Tf ( Not applicable) Tj ET"]
    _box_and_tick_page(tmp_path / "form.pdf", ops)
    entries = _entries(tmp_path / "form.pdf")
    assert ("paragraph", "☐ Applicable √ Not applicable") in entries
    assert not any(label == "☐" for label, _ in entries)
