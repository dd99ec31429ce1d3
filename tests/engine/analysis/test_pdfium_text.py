"""Characters pdfium leaves out of a page's text: every glyph keeps its own character."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from workers.engine.document import block_text
from workers.engine.layout import glyphs
from workers.engine.layout.reader import read_layout

# Helvetica's codes read as themselves, except code 0x80, which the font's /ToUnicode maps
# to a control character (as a paper's math font maps a Greek letter to U+0002).
TO_UNICODE = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Test) /Ordering (Test) /Supplement 0 >> def
/CMapName /Test def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfrange
<20> <7E> <0020>
<80> <80> <0003>
endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end"""


def _control_character_page(path: Path) -> Path:
    """Two lines whose first holds a character pdfium leaves out of its page text."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        ToUnicode=pdf.make_stream(TO_UNICODE),
    ))
    page = pdf.add_blank_page(page_size=(400, 200))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(
        b"BT /F1 12 Tf 20 150 Td (For X\x80 the actual) Tj 0 -14 Td (data set is small.) Tj ET"
    )
    pdf.save(path)
    return path


def test_a_character_left_out_of_the_page_text_shifts_no_other(tmp_path: Path) -> None:
    path = _control_character_page(tmp_path / "control.pdf")
    (paragraph,) = read_layout(path, max_pages=1).blocks
    # pdfium's page text has one character fewer than the page: read by index, every
    # character after X was its neighbour's, and the next line's first one went up a line
    # ("the actuald" over "ata set is small").
    assert block_text(paragraph) == "For X the actual data set is small."


def _glyph_at_a_time(path: Path, text: str, *, backwards: bool, ink: str = " ",
                     set_back: float = 0.0) -> Path:
    """``text`` drawn a glyph per show operator (as Word draws right-to-left text), in
    Courier, its spaces narrow (a fifth of a letter); ``backwards``: the last glyph first.
    ``ink``: what is drawn where ``text`` has a space; ``set_back``: how far (points) each
    space starts before the end of the letter it follows."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Courier,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    page = pdf.add_blank_page(page_size=(400, 200))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    placed, x = [], 20.0
    for char in text:
        at = x - set_back if char == " " else x
        placed.append(f"1 0 0 1 {at:.2f} 150 Tm ({ink if char == ' ' else char}) Tj")
        x += 1.44 if char == " " else 7.2
    shows = " ".join(reversed(placed) if backwards else placed)
    page.obj.Contents = pdf.make_stream(f"BT /F1 12 Tf {shows} ET".encode())
    pdf.save(path)
    return path


def test_a_narrow_space_drawn_on_its_own_still_breaks_the_words(tmp_path: Path) -> None:
    # pdfium leaves such a space out of its text and generates none: "wordanother".
    for backwards in (False, True):
        path = _glyph_at_a_time(tmp_path / "narrow.pdf", "word another", backwards=backwards)
        (paragraph,) = read_layout(path, max_pages=1).blocks
        assert block_text(paragraph) == "word another"


def test_a_narrow_glyph_drawn_on_its_own_is_no_space(tmp_path: Path) -> None:
    # A glyph with ink between the two is a letter of the word (an "i"), not a break.
    path = _glyph_at_a_time(tmp_path / "letter.pdf", "word another", backwards=False, ink="i")
    (paragraph,) = read_layout(path, max_pages=1).blocks
    assert " " not in block_text(paragraph)


def test_a_space_set_back_into_the_letter_before_it_breaks_no_word(tmp_path: Path) -> None:
    # A justifying writer's space drawn over the end of the "d": no gap the eye sees.
    path = _glyph_at_a_time(tmp_path / "set-back.pdf", "word another", backwards=False,
                            set_back=2.0)
    (paragraph,) = read_layout(path, max_pages=1).blocks
    assert " " not in block_text(paragraph)


def test_c_and_python_read_the_characters_of_a_page_text_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if glyphs._accelerator is None:
        pytest.skip("the C accelerator is not built here (no C compiler at install time)")
    pdf = pdfium.PdfDocument(str(_control_character_page(tmp_path / "control.pdf")))
    try:
        textpage = pdf[0].get_textpage()
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        fast = glyphs.page_chars(textpage.raw, count)
        monkeypatch.setattr(glyphs, "_accelerator", None)
        slow = glyphs.page_chars(textpage.raw, count)
        textpage.close()
    finally:
        pdf.close()
    # (The page text is a character short: the characters are read one by one.)
    assert isinstance(fast, list) and len(fast) == count
    assert fast == slow
    assert "".join(slow).startswith("For X\x03 the actual")
