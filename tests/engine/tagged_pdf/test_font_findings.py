"""What the check report says of the source's fonts: code by code, as PDF/UA-1 reads them."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from workers.engine.tagged_pdf.font_embedding import repair_fonts
from workers.engine.tagged_pdf.fonts import font_findings, forbidden_unicode_codes

from .test_notdef_glyphs import spaced_pdf

EMPTY_TO_UNICODE = (
    b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
    b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
    b"1 begincodespacerange <00> <FF> endcodespacerange\n"
)


def _to_unicode(entries: dict[int, str]) -> bytes:
    lines = [f"<{code:02X}> <{ord(char):04X}>".encode() for code, char in entries.items()]
    block = b"%d beginbfchar\n" % len(lines) + b"\n".join(lines) + b"\nendbfchar\n" \
        if lines else b""
    return EMPTY_TO_UNICODE + block + (
        b"endcmap CMapName currentdict /CMap defineresource pop end end")


def one_font_pdf(**entries: object) -> pikepdf.Pdf:
    """A page showing codes 33 and 34 in one font with ``entries``, its program a stand-in
    (only the dictionaries are read here)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 100))
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, BaseFont=pikepdf.Name("/Sample"), FirstChar=33, LastChar=34,
        Widths=[500, 500], **entries,
    ))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 10 10 Td (!\") Tj ET")
    return pdf


def _descriptor(pdf: pikepdf.Pdf, flags: int, key: str) -> pikepdf.Dictionary:
    descriptor = pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor,
                                    FontName=pikepdf.Name("/Sample"), Flags=flags)
    descriptor[key] = pdf.make_stream(b"\0")
    return descriptor


def test_a_symbolic_truetype_font_with_an_empty_to_unicode_is_reported() -> None:
    """Drawing by code with no glyph names, a /ToUnicode that maps none of its codes says
    nothing: having one is not enough (an Office chart's fonts, subset this way)."""
    pdf = one_font_pdf(Subtype=pikepdf.Name.TrueType)
    font = pdf.pages[0].Resources.Font.F1
    font.FontDescriptor = _descriptor(pdf, 4, "/FontFile2")
    font.ToUnicode = pdf.make_stream(_to_unicode({}))
    assert font_findings(pdf).no_unicode == {"Sample"}
    font.ToUnicode = pdf.make_stream(_to_unicode({33: "T", 34: "r"}))
    assert font_findings(pdf).no_unicode == set()


def test_a_name_outside_the_glyph_list_needs_its_own_to_unicode_entry() -> None:
    pdf = one_font_pdf(Subtype=pikepdf.Name.Type1, Encoding=pikepdf.Dictionary(
        Differences=[33, pikepdf.Name("/Gamma"), pikepdf.Name("/Equal")]))
    font = pdf.pages[0].Resources.Font.F1
    font.FontDescriptor = _descriptor(pdf, 4, "/FontFile3")
    font.ToUnicode = pdf.make_stream(_to_unicode({33: "Γ"}))
    assert font_findings(pdf).no_unicode == {"Sample"}  # "Equal": which character?
    font.ToUnicode = pdf.make_stream(_to_unicode({33: "Γ", 34: "="}))
    assert font_findings(pdf).no_unicode == set()


def test_the_standard_encodings_names_count_as_characters() -> None:
    pdf = one_font_pdf(Subtype=pikepdf.Name.TrueType, Encoding=pikepdf.Dictionary(
        BaseEncoding=pikepdf.Name.MacRomanEncoding, Differences=[65, pikepdf.Name("/A")]))
    font = pdf.pages[0].Resources.Font.F1
    font.FirstChar, font.LastChar, font.Widths = 32, 127, [500] * 96
    font.FontDescriptor = _descriptor(pdf, 32, "/FontFile2")
    assert font_findings(pdf).no_unicode == set()


def test_text_drawn_with_a_notdef_that_draws_a_box_is_reported(tmp_path: Path) -> None:
    source = spaced_pdf(tmp_path / "boxed.pdf", notdef_draws=True)
    with pikepdf.open(source) as pdf, pdfium.PdfDocument(str(source)) as original:
        repair_fonts(pdf, original)  # leaves a .notdef that draws something as it is
        assert font_findings(pdf).notdef == {"BoxCID"}


def test_a_blank_notdef_is_repaired_and_no_longer_reported(tmp_path: Path) -> None:
    source = spaced_pdf(tmp_path / "spaced.pdf")
    with pikepdf.open(source) as pdf, pdfium.PdfDocument(str(source)) as original:
        assert font_findings(pdf).notdef == {"BoxCID"}
        repair_fonts(pdf, original)
        assert font_findings(pdf).notdef == set()


def test_code_0_of_a_subset_drawing_by_code_is_its_notdef_slot_not_text() -> None:
    pdf = one_font_pdf(Subtype=pikepdf.Name.TrueType)
    font = pdf.pages[0].Resources.Font.F1
    font.FirstChar, font.Widths = 0, [365] + [0] * 32 + [500, 500]
    font.FontDescriptor = _descriptor(pdf, 4, "/FontFile2")
    font.ToUnicode = pdf.make_stream(_to_unicode({33: "T", 34: "r"}))
    assert font_findings(pdf).no_unicode == set()


def _cid_font_pdf(to_unicode: bytes, shown: bytes) -> pikepdf.Pdf:
    """A page showing the two-byte codes ``shown`` in a Type 0 font (Identity-H) whose
    /ToUnicode is ``to_unicode`` (its program a stand-in: only dictionaries are read)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(200, 100))
    cid_font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2,
        BaseFont=pikepdf.Name("/ABCDEF+Shaped"),
        CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"),
                                         Ordering=pikepdf.String("Identity"), Supplement=0),
        FontDescriptor=_descriptor(pdf, 4, "/FontFile2"), CIDToGIDMap=pikepdf.Name.Identity)
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/ABCDEF+Shaped"), Encoding=pikepdf.Name("/Identity-H"),
        DescendantFonts=[pdf.make_indirect(cid_font)],
        ToUnicode=pdf.make_stream(
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n" + to_unicode
            + b"\nendcmap CMapName currentdict /CMap defineresource pop end end")))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 10 10 Td <%s> Tj ET" % shown.hex().encode())
    return pdf


def test_a_glyph_shown_with_u0000_in_to_unicode_is_reported() -> None:
    """Chromium maps the glyphs of a shaped cluster (a Devanagari vowel sign drawn before
    its consonant) whose text an /ActualText span carries to U+0000, which PDF/UA-1 forbids
    (7.21.7-2); a copy without the span reads nothing there."""
    entries = b"3 beginbfchar <003D> <0939> <025F> <0000> <028D> <0000> endbfchar"
    shown = _cid_font_pdf(entries, b"\x02\x5f\x00\x3d")
    assert font_findings(shown).forbidden_unicode == {"Shaped"}
    # The entries alone are no failure: veraPDF reads the glyphs shown.
    not_shown = _cid_font_pdf(entries, b"\x00\x3d")
    assert font_findings(not_shown).forbidden_unicode == set()


def test_byte_order_marks_in_ranges_are_found_code_by_code() -> None:
    ranges = (b"2 beginbfrange <0010> <0012> <FEFD> <0020> <0021> [<0041> <FFFE>] endbfrange")
    pdf = _cid_font_pdf(ranges, b"\x00\x11\x00\x21")
    font = pdf.pages[0].Resources.Font.F1
    assert forbidden_unicode_codes(font) == {b"\x00\x12", b"\x00\x21"}
    assert font_findings(pdf).forbidden_unicode == {"Shaped"}
    assert font_findings(_cid_font_pdf(ranges, b"\x00\x10\x00\x20")).forbidden_unicode == set()
