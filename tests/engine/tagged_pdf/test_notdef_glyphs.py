"""Text drawn with a CID font's blank .notdef glyph (CID 0, used as a space) gets a copy of
that glyph under a CID of its own: nothing drawn or read changes, and no .notdef is used."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
from fontTools.cffLib import CFFFontSet, FDArrayIndex, FDSelect, FontDict
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

from workers.engine.tagged_pdf.checks import pages_drawn_differently
from workers.engine.tagged_pdf.font_embedding import indirect_fonts_by_page, repair_fonts
from workers.engine.tagged_pdf.fonts import font_findings
from workers.engine.tagged_pdf.notdef_glyphs import give_notdef_a_blank_glyph
from workers.engine.tagged_pdf.split_text import _code_width

from .box_fonts import truetype_bytes
from .conftest import pdfua_check

#: Widths: of .notdef (a space's) and of the two boxes.
SPACE, BOX = 250, 600


def cid_program(notdef_draws: bool = False) -> bytes:
    """A CID-keyed CFF program (Adobe-Identity-0): CID 0 .notdef (blank, unless
    ``notdef_draws``: a box), CIDs 1 and 2 boxes of two heights."""
    builder = FontBuilder(1000, isTTF=False)
    names = [".notdef", "cid00001", "cid00002"]
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({})
    strings = {}
    for name, height in zip(names, (700 if notdef_draws else 0, 700, 300), strict=True):
        pen = T2CharStringPen(SPACE if name == ".notdef" else BOX, None)
        if height:
            pen.moveTo((50, 0))
            pen.lineTo((200, 0))
            pen.lineTo((200, height))
            pen.closePath()
        strings[name] = pen.getCharString()
    builder.setupCFF("BoxCID", {"FullName": "BoxCID"}, strings, {})
    cff = builder.font["CFF "].cff
    top = cff.topDictIndex[0]
    top.ROS = ("Adobe", "Identity", 0)
    top.CIDCount = len(names)
    font_dict = FontDict()
    font_dict.Private = top.Private
    font_dict.FontMatrix = [0.001, 0, 0, 0.001, 0, 0]
    top.FDArray = FDArrayIndex()
    top.FDArray.append(font_dict)
    top.FDSelect = FDSelect()
    top.FDSelect.format = 3
    top.FDSelect.gidArray = [0] * len(names)
    del top.Private
    out = io.BytesIO()
    cff.compile(out, builder.font)
    return out.getvalue()


def spaced_pdf(path: Path, *, notdef_draws: bool = False) -> Path:
    """Boxes separated by CID 0, which /ToUnicode reads as a space (as InDesign writes a
    space its font lacks), in a Type 0 font with Identity-H."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 120))
    program = pdf.make_stream(cid_program(notdef_draws))
    program.Subtype = pikepdf.Name.CIDFontType0C
    cid_font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType0,
        BaseFont=pikepdf.Name("/BoxCID"),
        CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"),
                                         Ordering=pikepdf.String("Identity"), Supplement=0),
        W=[0, [SPACE, BOX, BOX]], DW=1000,
        FontDescriptor=pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/BoxCID"), Flags=4,
            FontBBox=[0, 0, 600, 700], ItalicAngle=0, Ascent=700, Descent=0, CapHeight=700,
            StemV=80, FontFile3=program),
    ))
    to_unicode = pdf.make_stream(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"3 beginbfchar <0000> <0020> <0001> <0049> <0002> <006F> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end")
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name("/BoxCID"),
        Encoding=pikepdf.Name("/Identity-H"), DescendantFonts=[cid_font], ToUnicode=to_unicode,
    ))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(
        b"BT /F1 30 Tf 20 40 Td <0001000000020000000100020001> Tj ET")
    pdf.save(path)
    return path


def _cids(stream: pikepdf.Stream) -> list[str]:
    fonts = CFFFontSet()
    fonts.decompile(io.BytesIO(stream.read_bytes()), None)
    return list(fonts[fonts.fontNames[0]].charset)


def test_code_0_gets_a_blank_glyph_of_its_own_and_the_page_is_unchanged(
    tmp_path: Path,
) -> None:
    source = spaced_pdf(tmp_path / "spaced.pdf")
    with pikepdf.open(source) as pdf:
        assert give_notdef_a_blank_glyph(pdf, indirect_fonts_by_page(pdf)) == ["BoxCID"]
        font = pdf.pages[0].Resources.Font.F1
        # CIDs 1 and 2 are shown: the copy takes the first CID neither present nor shown.
        assert _cids(font.DescendantFonts[0].FontDescriptor.FontFile3) == [
            ".notdef", "cid00001", "cid00002", "cid00003"]
        cmap = font.Encoding.read_bytes()
        assert b"<0000> 3" in cmap and b"<0001> <FFFF> 1" in cmap
        assert list(font.DescendantFonts[0].W)[-2:] == [3, [SPACE]]
        with pdfium.PdfDocument(str(source)) as original:
            assert pages_drawn_differently(pdf, original, [0], text=True) == []


def test_a_notdef_that_draws_a_box_is_left_as_the_page_shows_it(tmp_path: Path) -> None:
    source = spaced_pdf(tmp_path / "boxed.pdf", notdef_draws=True)
    with pikepdf.open(source) as pdf:
        assert give_notdef_a_blank_glyph(pdf, indirect_fonts_by_page(pdf)) == []
        assert pdf.pages[0].Resources.Font.F1.Encoding == "/Identity-H"


def test_veraPDF_finds_notdef_before_and_none_after(tmp_path: Path) -> None:  # noqa: N802
    source = spaced_pdf(tmp_path / "spaced.pdf")
    output = tmp_path / "spaced-repaired.pdf"
    with pikepdf.open(source) as pdf, pdfium.PdfDocument(str(source)) as original:
        notes = repair_fonts(pdf, original)
        pdf.save(output)
    assert any("BoxCID" in note for note in notes), notes
    before, after = pdfua_check(source, output)
    assert "7.21.8-1" in (before["failed_rules"] or {}), before
    failed = after["failed_rules"] or {}
    for rule in ("7.21.8-1", "7.21.3.1-1", "7.21.3.3-1", "7.21.3.3-2", "7.21.4.1-2",
                 "7.21.5-1", "7.21.7-1"):
        assert rule not in failed, (rule, after)


def test_the_repaired_fonts_codes_are_still_cut_two_bytes_at_a_time(tmp_path: Path) -> None:
    """The embedded CMap's code space is two-byte codes, as Identity's: a text operator in
    the font can still be cut between blocks."""
    source = spaced_pdf(tmp_path / "spaced.pdf")
    with pikepdf.open(source) as pdf:
        give_notdef_a_blank_glyph(pdf, indirect_fonts_by_page(pdf))
        font = pdf.pages[0].Resources.Font.F1
        assert isinstance(font.Encoding, pikepdf.Stream)
        assert _code_width(font) == 2


def truetype_program(notdef_draws: bool = False) -> bytes:
    """A TrueType program: glyph 0 .notdef (no outline, unless ``notdef_draws``: a box),
    glyphs 1 and 2 boxes of two heights."""
    builder = FontBuilder(1000, isTTF=True)
    names = [".notdef", "tall", "short"]
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord("I"): "tall", ord("o"): "short"})
    glyphs = {}
    for name, height in zip(names, (700 if notdef_draws else 0, 700, 300), strict=True):
        pen = TTGlyphPen(None)
        if height:
            pen.moveTo((50, 0))
            pen.lineTo((50, height))
            pen.lineTo((200, height))
            pen.lineTo((200, 0))
            pen.closePath()
        glyphs[name] = pen.glyph()
    builder.setupGlyf(glyphs)
    # The program's .notdef is wider than the dictionary says (WeasyPrint's subsets).
    builder.setupHorizontalMetrics({".notdef": (778, 0), "tall": (BOX, 50), "short": (BOX, 50)})
    return truetype_bytes(builder, "BoxTT")


#: A code WeasyPrint sends to CID 0 for a character no font has, and the character.
LOST_CODE, LOST = 0x0A2A, "\U0001F680"


def lost_character_pdf(path: Path, *, notdef_draws: bool = False) -> Path:
    """Boxes around a code that an embedded CMap (as WeasyPrint writes) sends to CID 0 in a
    TrueType CID font, /ToUnicode reading it as a rocket no installed font had."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 120))
    program = pdf.make_stream(truetype_program(notdef_draws))
    program.Length1 = len(program.read_bytes())
    cid_font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2,
        BaseFont=pikepdf.Name("/BoxTT"), CIDToGIDMap=pikepdf.Name.Identity,
        CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"),
                                         Ordering=pikepdf.String("Identity"), Supplement=0),
        W=[0, [SPACE, BOX, BOX]], DW=1000,
        FontDescriptor=pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/BoxTT"), Flags=4,
            FontBBox=[0, 0, 600, 700], ItalicAngle=0, Ascent=700, Descent=0, CapHeight=700,
            StemV=80, FontFile2=program),
    ))
    cmap = pdf.make_stream(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo 3 dict dup begin /Registry (Adobe) def /Ordering (Identity) def "
        b"/Supplement 0 def end def\n/CMapName /WP-Encod-0 def /CMapType 1 def\n"
        b"1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n"
        b"3 begincidchar\n<0001> 1\n<0002> 2\n<0a2a> 0\nendcidchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end")
    cmap.Type = pikepdf.Name.CMap
    cmap.CMapName = pikepdf.Name("/WP-Encod-0")
    cmap.CIDSystemInfo = pikepdf.Dictionary(Registry=pikepdf.String("Adobe"),
                                            Ordering=pikepdf.String("Identity"), Supplement=0)
    to_unicode = pdf.make_stream(
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
        b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
        b"3 beginbfchar <0001> <0049> <0002> <006F> <0A2A> <D83DDE80> endbfchar\n"
        b"endcmap CMapName currentdict /CMap defineresource pop end end")
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name("/BoxTT"),
        Encoding=cmap, DescendantFonts=[cid_font], ToUnicode=to_unicode,
    ))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.obj.Contents = pdf.make_stream(
        b"BT /F1 30 Tf 20 40 Td <00010a2a00020a2a0001> Tj ET")
    pdf.save(path)
    return path


def test_a_code_an_embedded_cmap_sends_to_a_blank_truetype_notdef_gets_a_glyph(
    tmp_path: Path,
) -> None:
    source = lost_character_pdf(tmp_path / "lost.pdf")
    with pikepdf.open(source) as pdf:
        assert give_notdef_a_blank_glyph(pdf, indirect_fonts_by_page(pdf)) == ["BoxTT"]
        font = pdf.pages[0].Resources.Font.F1
        cid_font = font.DescendantFonts[0]
        program = TTFont(io.BytesIO(cid_font.FontDescriptor.FontFile2.read_bytes()))
        # The copy is the glyph after the last (CID = glyph index), with no outline, and
        # advances by the width the page gave CID 0 (not the program's .notdef advance).
        assert program["maxp"].numGlyphs == 4
        added = program.getGlyphOrder()[3]
        assert program["glyf"][added].numberOfContours == 0
        assert program["hmtx"][added][0] == SPACE
        cmap = font.Encoding.read_bytes()
        assert b"<0A2A> 3" in cmap and b"<0001> 1" in cmap and b"<0002> 2" in cmap
        assert list(cid_font.W)[-2:] == [3, [SPACE]]
        with pdfium.PdfDocument(str(source)) as original:
            assert pages_drawn_differently(pdf, original, [0], text=True) == []
            assert LOST in original[0].get_textpage().get_text_range()


def test_a_truetype_notdef_that_draws_a_box_is_left(tmp_path: Path) -> None:
    source = lost_character_pdf(tmp_path / "boxed.pdf", notdef_draws=True)
    with pikepdf.open(source) as pdf:
        assert give_notdef_a_blank_glyph(pdf, indirect_fonts_by_page(pdf)) == []


def test_veraPDF_passes_the_truetype_font_after(tmp_path: Path) -> None:  # noqa: N802
    source = lost_character_pdf(tmp_path / "lost.pdf")
    output = tmp_path / "lost-repaired.pdf"
    with pikepdf.open(source) as pdf, pdfium.PdfDocument(str(source)) as original:
        notes = repair_fonts(pdf, original)
        pdf.save(output)
    assert any("BoxTT" in note for note in notes), notes
    before, after = pdfua_check(source, output)
    assert "7.21.8-1" in (before["failed_rules"] or {}), before
    failed = after["failed_rules"] or {}
    for rule in ("7.21.8-1", "7.21.4.1-2", "7.21.5-1", "7.21.7-1"):
        assert rule not in failed, (rule, after)


def _identity_truetype_pdf(path: Path, *, code_0_text: bytes | None) -> Path:
    """:func:`lost_character_pdf`'s font with Identity-H, showing code 0 between boxes, its
    /ToUnicode reading code 0 as ``code_0_text`` (hex), or not at all (as Chromium draws a
    character no font had)."""
    lost_character_pdf(path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        font = pdf.pages[0].Resources.Font.F1
        font.Encoding = pikepdf.Name("/Identity-H")
        entries = b"<0001> <0049> <0002> <006F>" + (
            b" <0000> <" + code_0_text + b">" if code_0_text else b"")
        font.ToUnicode = pdf.make_stream(
            b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            + b"%d beginbfchar " % entries.count(b"> <") + entries + b" endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end")
        pdf.pages[0].obj.Contents = pdf.make_stream(
            b"BT /F1 30 Tf 20 40 Td <000100000002> Tj ET")
        pdf.save(path)
    return path


def test_code_0_without_text_is_left_and_reported(tmp_path: Path) -> None:
    """A code drawn with .notdef that reads as no character is a character the source lost
    (its /ToUnicode's code space, <0000> <FFFF>, maps nothing): left, and reported."""
    source = _identity_truetype_pdf(tmp_path / "lost.pdf", code_0_text=None)
    with pikepdf.open(source) as pdf:
        assert give_notdef_a_blank_glyph(pdf, indirect_fonts_by_page(pdf)) == []
        assert font_findings(pdf).notdef == {"BoxTT"}


def test_code_0_read_as_a_space_in_a_truetype_font_is_repaired(tmp_path: Path) -> None:
    source = _identity_truetype_pdf(tmp_path / "spaced.pdf", code_0_text=b"0020")
    with pikepdf.open(source) as pdf:
        assert give_notdef_a_blank_glyph(pdf, indirect_fonts_by_page(pdf)) == ["BoxTT"]
        assert font_findings(pdf).notdef == set()
        with pdfium.PdfDocument(str(source)) as original:
            assert pages_drawn_differently(pdf, original, [0], text=True) == []
