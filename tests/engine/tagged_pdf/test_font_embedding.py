"""Fonts the source does not embed get the program pdfium already draws them with — only when
every glyph the text shows stays where it was and looks the same."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from fontTools.cffLib import CFFFontSet

from workers.engine.tagged_pdf.checks import render_page
from workers.engine.tagged_pdf.drawn_encoding import drawn_encoding
from workers.engine.tagged_pdf.font_embedding import (
    code_glyph_names,
    dictionary_widths,
    draw_the_same,
    draws_the_same,
    embed_substitute_fonts,
    pdfium_program,
    pdfium_programs,
    repair_fonts,
)
from workers.engine.tagged_pdf.font_usage import CodesUsed

from .conftest import Tagged, pdfua_check, tag_and_check

LINES = [
    b"Opening hours of the public library",
    b"Monday to Friday, from nine in the morning",
    b"Saturday mornings only; closed on Sunday.",
]


def _font(pdf: pikepdf.Pdf, subtype: str, base: str, **entries: object) -> pikepdf.Dictionary:
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name(subtype), BaseFont=pikepdf.Name(base),
        **entries,
    ))


def text_pdf(path: Path, font_entries: dict[str, object] | None = None,
             subtype: str = "/Type1", base: str = "/Helvetica") -> Path:
    """A page of text in one non-embedded font (by default the standard 14 Helvetica)."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    entries = font_entries if font_entries is not None else {
        "Encoding": pikepdf.Name.WinAnsiEncoding}
    font = _font(pdf, subtype, base, **entries)
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    content = [b"BT /F1 18 Tf 72 760 Td (" + LINES[0] + b") Tj ET"]
    y = 720
    for line in LINES[1:]:
        content.append(b"BT /F1 11 Tf 72 %d Td (" % y + line + b") Tj ET")
        y -= 16
    page.obj.Contents = pdf.make_stream(b"\n".join(content))
    pdf.save(path)
    return path


def _first_font(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    font = pdf.pages[0].Resources.Font.F1
    assert isinstance(font, pikepdf.Dictionary)
    return font


def tagged_without_encoding(source: Path) -> tuple[Tagged, bytes]:
    """``source`` tagged and checked: every page drawn alike, the text read back, its first
    font's /Encoding dropped (said in the notes) and its code 1 read as "C" by the
    /ToUnicode written in its place (returned, with the result)."""
    result = tag_and_check(source)
    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    assert any("/Encoding dropped" in note for note in result.tagged.notes), result.tagged.notes
    with pikepdf.open(result.output) as output:
        font = _first_font(output)
        assert "/Encoding" not in font
        cmap = bytes(font.ToUnicode.read_bytes())
    assert b"<01> <0043>" in cmap  # code 1 is "C", as its name says
    return result, cmap


def _program_widths(font: pikepdf.Dictionary) -> dict[int, float]:
    """The embedded CFF program's width of each code's glyph, read with fontTools."""
    program = font.FontDescriptor.FontFile3.read_bytes()
    cff = CFFFontSet()
    cff.decompile(io.BytesIO(program), None)
    top = cff[cff.fontNames[0]]
    names = code_glyph_names(font, [".notdef"] * 256)
    out: dict[int, float] = {}
    for code, name in enumerate(names):
        if name in top.CharStrings:
            charstring = top.CharStrings[name]
            charstring.draw(_NullPen())
            out[code] = float(charstring.width) * float(top.FontMatrix[0]) * 1000
    return out


class _NullPen:
    def moveTo(self, *_: object) -> None:  # noqa: N802 - the pen protocol
        pass

    def lineTo(self, *_: object) -> None:  # noqa: N802
        pass

    def curveTo(self, *_: object) -> None:  # noqa: N802
        pass

    def qCurveTo(self, *_: object) -> None:  # noqa: N802
        pass

    def closePath(self) -> None:  # noqa: N802
        pass

    def endPath(self) -> None:  # noqa: N802
        pass


def test_helvetica_is_embedded_with_agreeing_widths_and_the_same_pixels(tmp_path: Path) -> None:
    result = tag_and_check(text_pdf(tmp_path / "helvetica.pdf"))

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    assert result.check("fonts-embedded")["passed"], result.report
    assert any("now embedded" in note and "Helvetica" in note for note in result.tagged.notes)
    output = pikepdf.open(result.output)
    font = _first_font(output)
    assert font.Subtype == "/Type1"
    assert font.FontDescriptor.FontFile3.Subtype == "/Type1C"
    for key in ("/Flags", "/FontBBox", "/ItalicAngle", "/Ascent", "/Descent", "/CapHeight",
                "/StemV", "/FontName"):
        assert key in font.FontDescriptor, key
    program = _program_widths(font)
    first = int(font.FirstChar)
    shown = {code for line in LINES for code in line}
    for code in shown:
        assert abs(float(font.Widths[code - first]) - program[code]) <= 1, code
    assert float(font.Widths[ord("A") - first]) == 667  # Helvetica's published metric


def test_a_font_whose_widths_disagree_on_shown_text_is_left_and_reported(
    tmp_path: Path,
) -> None:
    widths = [556] * (126 - 32 + 1)  # Arial's widths are not all 556: "i" is 222
    source = text_pdf(
        tmp_path / "arial.pdf",
        {"Encoding": pikepdf.Name.WinAnsiEncoding, "FirstChar": 32, "LastChar": 126,
         "Widths": pikepdf.Array(widths)},
        subtype="/TrueType", base="/ArialMT",
    )
    result = tag_and_check(source)

    assert result.check("pixels")["passed"], result.report
    assert not result.check("fonts-embedded")["passed"]
    with pikepdf.open(result.output) as output:
        assert "/FontDescriptor" not in _first_font(output)
    assert any("ArialMT not embedded" in note and "widths disagree" in note
               for note in result.tagged.notes), result.tagged.notes


def test_widths_of_codes_never_shown_do_not_count(tmp_path: Path) -> None:
    """Word writes 0 for the codes a document never uses: nothing is drawn with them."""
    source = text_pdf(tmp_path / "plain.pdf")
    with pikepdf.open(source) as pdf:
        program_font = pdf.pages[0].Resources.Font.F1
        embed_substitute_fonts(pdf)
        real = [float(w) for w in program_font.Widths]
        first = int(program_font.FirstChar)
    shown = {code for line in LINES for code in line}
    widths = [w if first + i in shown else 0 for i, w in enumerate(real)]
    source = text_pdf(
        tmp_path / "word-like.pdf",
        {"Encoding": pikepdf.Name.WinAnsiEncoding, "FirstChar": first,
         "LastChar": first + len(widths) - 1, "Widths": pikepdf.Array(widths)},
        subtype="/TrueType", base="/Arial",
    )
    with pikepdf.open(source) as pdf:
        done = embed_substitute_fonts(pdf)
        assert done.embedded == ["Arial"], done.left
        unshown = ord("#") - first
        assert widths[unshown] == 0
        # Left as the author wrote it: the code draws nothing anywhere.
        assert pdf.pages[0].Resources.Font.F1.Widths[unshown] == 0


def test_the_probe_sees_a_glyph_drawn_differently(tmp_path: Path) -> None:
    with pikepdf.open(text_pdf(tmp_path / "helvetica.pdf")) as pdf:
        font = pdf.pages[0].Resources.Font.F1
        original = pdf.make_indirect(pikepdf.Dictionary(dict(font.items())))
        embed_substitute_fonts(pdf)
        embedded = pdf.make_indirect(pikepdf.Dictionary(dict(font.items())))
        shown = {ord("a"), ord("b")}
        assert draws_the_same(original, embedded, shown)
        # The same program, but code "a" now selects the glyph "o": drawn differently.
        embedded.Encoding = pikepdf.Dictionary(
            BaseEncoding=pikepdf.Name.WinAnsiEncoding,
            Differences=pikepdf.Array([ord("a"), pikepdf.Name("/o")]),
        )
        assert not draws_the_same(original, embedded, shown)


def test_codes_are_read_through_forms_and_saved_graphics_states() -> None:
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    first, second = _font(pdf, "/Type1", "/Helvetica"), _font(pdf, "/Type1", "/Courier")
    form = pdf.make_stream(b"BT (xy) Tj ET", Type=pikepdf.Name.XObject,
                           Subtype=pikepdf.Name.Form, BBox=[0, 0, 10, 10])
    page.obj.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(F1=first, F2=second),
        XObject=pikepdf.Dictionary(X1=form),
    )
    page.obj.Contents = pdf.make_stream(
        b"BT /F1 9 Tf (a) Tj q /F2 9 Tf [(b) -20 (c)] TJ Q (d) ' ET /X1 Do"
    )
    usage = CodesUsed({first.objgen, second.objgen})
    usage.read_page(page)
    # The form shows its text in the font in force when it is painted: F1 after Q.
    assert usage.codes(first.objgen) == set(b"adxy")
    assert usage.codes(second.objgen) == set(b"bc")


def test_verapdf_no_longer_finds_the_font_unembedded(tmp_path: Path) -> None:
    result = tag_and_check(text_pdf(tmp_path / "helvetica.pdf"))
    source, output = pdfua_check(result.source, result.output)
    assert "7.21.4.1-1" in (source["failed_rules"] or {})  # the test means something
    failed = output["failed_rules"] or {}
    for rule in ("7.21.4.1-1", "7.21.5-1", "7.21.6-1", "7.21.6-2", "7.21.6-3", "7.21.8-1"):
        assert rule not in failed, (rule, output)


LIBERATION = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


def cid_font_pdf(path: Path) -> Path:
    """Text in an embedded TrueType CID font (Identity-H) that leaves out /CIDToGIDMap."""
    from fontTools.ttLib import TTFont

    program = LIBERATION.read_bytes()
    cmap = TTFont(LIBERATION).getBestCmap()
    glyph_ids = TTFont(LIBERATION).getReverseGlyphMap()
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(400, 200))
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/LiberationSans"), Flags=32,
        FontBBox=[-200, -300, 1200, 1000], ItalicAngle=0, Ascent=900, Descent=-210,
        CapHeight=700, StemV=80, FontFile2=pdf.make_stream(program, Length1=len(program)),
    )
    descendant = pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2,
        BaseFont=pikepdf.Name("/LiberationSans"), FontDescriptor=pdf.make_indirect(descriptor),
        CIDSystemInfo=pikepdf.Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0),
        DW=556,
    )
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/LiberationSans"), Encoding=pikepdf.Name("/Identity-H"),
        DescendantFonts=[pdf.make_indirect(descendant)],
    ))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    gids = b"".join(glyph_ids[cmap[ord(c)]].to_bytes(2, "big") for c in "Identity")
    page.obj.Contents = pdf.make_stream(b"BT /F1 24 Tf 40 100 Td <" + gids.hex().encode()
                                        + b"> Tj ET")
    pdf.save(path)
    return path


def test_the_default_cid_to_gid_map_is_written_when_pages_stay_the_same(
    tmp_path: Path,
) -> None:
    if not LIBERATION.is_file():
        pytest.skip("fonts-liberation not installed")
    source = cid_font_pdf(tmp_path / "cid.pdf")
    reference = pdfium.PdfDocument(str(source))
    with pikepdf.open(source) as pdf:
        notes = repair_fonts(pdf, reference)
        descendant = pdf.pages[0].Resources.Font.F1.DescendantFonts[0]
        assert descendant.CIDToGIDMap == "/Identity"
        assert any("CIDToGIDMap" in note and "LiberationSans" in note for note in notes)
        buffer = io.BytesIO()
        pdf.save(buffer)
    repaired = pdfium.PdfDocument(buffer.getvalue())
    assert render_page(repaired, 0) == render_page(reference, 0)
    empty = pikepdf.new()
    empty.add_blank_page(page_size=(400, 200))
    empty.save(tmp_path / "empty.pdf")
    blank = render_page(pdfium.PdfDocument(tmp_path / "empty.pdf"), 0)
    assert render_page(repaired, 0) != blank  # the text is drawn at all


# --- symbol fonts: ZapfDingbats and Symbol without /Encoding -----------------------------------


def check_box_pdf(path: Path) -> Path:
    """A form's ticked box as Acrobat writes it: a label in Helvetica, and the tick drawn in
    ZapfDingbats (code 52, "4", its check mark a20) with no /Encoding, in the widget's
    appearance stream."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 200))
    page = pdf.pages[0]
    tick = _font(pdf, "/Type1", "/ZapfDingbats")
    label = _font(pdf, "/Type1", "/Helvetica", Encoding=pikepdf.Name.WinAnsiEncoding)
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=label))
    page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 60 104 Td (I agree to the terms) Tj ET")
    appearance = pdf.make_stream(
        b"/Tx BMC q BT /ZaDb 14 Tf 2 3 Td (4) Tj ET Q EMC",
        Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 18, 18],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(ZaDb=tick)),
    )
    field = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Btn,
        T=pikepdf.String("agree"), TU=pikepdf.String("I agree to the terms"),
        Rect=[36, 100, 54, 118], V=pikepdf.Name.Yes, AS=pikepdf.Name.Yes, F=4,
        AP=pikepdf.Dictionary(N=pikepdf.Dictionary(Yes=appearance)), P=page.obj,
    ))
    page.obj.Annots = pdf.make_indirect(pikepdf.Array([field]))
    pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array([field]))
    pdf.save(path)
    return path


def test_zapf_dingbats_is_embedded_with_its_own_encoding_written_out(tmp_path: Path) -> None:
    source = check_box_pdf(tmp_path / "tick.pdf")
    with pikepdf.open(source) as pdf:
        done = embed_substitute_fonts(pdf)
        assert "ZapfDingbats" in done.embedded, done.left
        tick = pdf.pages[0].Annots[0].AP.N.Yes.Resources.Font.ZaDb
        assert tick.FontDescriptor.FontFile3.Subtype == "/Type1C"
        # pdfium's program says StandardEncoding ("four" at 52); the font's own encoding,
        # as pdfium draws it, is written out instead: the check mark a20.
        assert code_glyph_names(tick, [".notdef"] * 256)[ord("4")] == "a20"
        assert int(tick.FontDescriptor.Flags) & 4  # symbolic
        cmap = tick.ToUnicode.read_bytes()
        assert b"<34> <2714>" in cmap  # code 52 reads as U+2714 HEAVY CHECK MARK


def test_a_ticked_box_keeps_its_pixels_and_passes_the_font_checks(tmp_path: Path) -> None:
    result = tag_and_check(check_box_pdf(tmp_path / "tick.pdf"))

    assert result.check("pixels")["passed"], result.report
    assert result.check("fonts-embedded")["passed"], result.report
    assert result.check("fonts-unicode")["passed"], result.report
    source, output = pdfua_check(result.source, result.output)
    assert "7.21.4.1-1" in (source["failed_rules"] or {})  # the test means something
    failed = output["failed_rules"] or {}
    for rule in ("7.21.4.1-1", "7.21.5-1", "7.21.7-1", "7.21.8-1"):
        assert rule not in failed, (rule, output)


def test_the_symbol_fonts_built_in_encoding_is_read_from_pdfium_not_assumed() -> None:
    pdf = pikepdf.new()
    for base, code, glyph, text in (("/ZapfDingbats", 0x6C, "a71", "\u25cf"),
                                    ("/Symbol", 0x61, "alpha", "\u03b1")):
        font = _font(pdf, "/Type1", base)
        program = pdfium_program(font)
        assert program is not None
        cff = CFFFontSet()
        cff.decompile(io.BytesIO(program), None)
        found = drawn_encoding(font, program, cff[cff.fontNames[0]].charset)
        assert found.names[code] == glyph
        assert found.text[code] == text
        assert found.names[0x20] == ".notdef"  # a space draws nothing: nothing to match


# --- symbolic TrueType fonts with an /Encoding ---------------------------------------------------

WORD = "Canvas"


def symbolic_subset_pdf(path: Path) -> Path:
    """A word in a subset TrueType font flagged symbolic, whose program finds glyphs by code
    ((3,0) and (1,0) cmaps, codes 1, 2, 3…), with an /Encoding naming what each code is — as
    some producers write it (PDF/UA-1 forbids the /Encoding there: veraPDF 7.21.6-3)."""
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.tables._c_m_a_p import CmapSubtable

    font = TTFont(LIBERATION)
    unicode_map = font.getBestCmap()
    letters = sorted(set(WORD))
    by_code = {k + 1: unicode_map[ord(letter)] for k, letter in enumerate(letters)}
    tables = []
    for platform, encoding, offset in ((3, 0, 0xF000), (1, 0, 0)):
        table = CmapSubtable.newSubtable(4)
        table.platformID, table.platEncID, table.language = platform, encoding, 0
        table.cmap = {offset + code: glyph for code, glyph in by_code.items()}
        tables.append(table)
    font["cmap"].tables = tables
    buffer = io.BytesIO()
    font.save(buffer)
    program = buffer.getvalue()
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(300, 120))
    widths = [round(font["hmtx"][by_code[c]][0] * 1000 / font["head"].unitsPerEm)
              for c in sorted(by_code)]
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/ABCDEF+LiberationSans"),
        Flags=4, FontBBox=[-200, -300, 1200, 1000], ItalicAngle=0, Ascent=900, Descent=-210,
        CapHeight=700, StemV=80, FontFile2=pdf.make_stream(program, Length1=len(program)),
    )
    differences: list[object] = [1, *(pikepdf.Name("/" + letter) for letter in letters)]
    simple = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType,
        BaseFont=pikepdf.Name("/ABCDEF+LiberationSans"), FirstChar=1,
        LastChar=len(letters), Widths=widths, FontDescriptor=pdf.make_indirect(descriptor),
        Encoding=pikepdf.Dictionary(Type=pikepdf.Name.Encoding,
                                    BaseEncoding=pikepdf.Name.WinAnsiEncoding,
                                    Differences=differences),
    ))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=simple))
    codes = bytes(letters.index(letter) + 1 for letter in WORD)
    page.obj.Contents = pdf.make_stream(b"BT /F1 30 Tf 30 50 Td <" + codes.hex().encode()
                                        + b"> Tj ET")
    pdf.save(path)
    return path


def test_a_symbolic_truetype_font_loses_its_encoding_but_keeps_its_meaning(
    tmp_path: Path,
) -> None:
    if not LIBERATION.is_file():
        pytest.skip("Liberation Sans is not installed")
    source = symbolic_subset_pdf(tmp_path / "symbolic.pdf")
    with pdfium.PdfDocument(str(source)) as document:
        page = document[0]
        assert page.get_textpage().get_text_range() == WORD  # the names say the text
    result, _ = tagged_without_encoding(source)
    source_verdict, output_verdict = pdfua_check(result.source, result.output)
    assert "7.21.6-3" in (source_verdict["failed_rules"] or {})  # the test means something
    failed = output_verdict["failed_rules"] or {}
    assert "7.21.6-3" not in failed and "7.21.7-1" not in failed, output_verdict


# --- probes batched and remembered (speed) ---------------------------------------------------


def test_fonts_probed_together_are_judged_each_on_its_own(tmp_path: Path) -> None:
    with pikepdf.open(text_pdf(tmp_path / "helvetica.pdf")) as pdf:
        font = pdf.pages[0].Resources.Font.F1
        original = pdf.make_indirect(pikepdf.Dictionary(dict(font.items())))
        embed_substitute_fonts(pdf)
        embedded = pdf.make_indirect(pikepdf.Dictionary(dict(font.items())))
        wrong = pdf.make_indirect(pikepdf.Dictionary(dict(font.items())))
        wrong.Encoding = pikepdf.Dictionary(
            BaseEncoding=pikepdf.Name.WinAnsiEncoding,
            Differences=pikepdf.Array([ord("a"), pikepdf.Name("/o")]),
        )
        shown = {ord("a"), ord("b")}
        # One probe document: the wrong font's pages do not make the right one's differ,
        # nor the other way round.
        assert draw_the_same([(original, embedded, shown), (original, wrong, shown),
                              (original, embedded, shown)]) == [True, False, True]


def test_programs_found_together_are_each_fonts_own() -> None:
    pdf = pikepdf.new()
    fonts = [_font(pdf, "/Type1", base) for base in ("/ZapfDingbats", "/Helvetica", "/Symbol")]
    together = pdfium_programs(fonts)
    assert together == [pdfium_program(font) for font in fonts]
    assert len(set(together)) == 3


def test_an_equal_symbol_font_reuses_its_drawn_encoding_and_another_is_probed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from workers.engine.tagged_pdf import drawn_encoding as module

    first, second = pikepdf.new(), pikepdf.new()
    font = _font(first, "/Type1", "/ZapfDingbats")
    program = pdfium_program(font)
    assert program is not None
    cff = CFFFontSet()
    cff.decompile(io.BytesIO(program), None)
    charset = cff[cff.fontNames[0]].charset
    found = drawn_encoding(font, program, charset)
    probes: list[int] = []
    cells = module._cells

    def counted(*args: object) -> object:
        probes.append(1)
        return cells(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(module, "_cells", counted)
    # The same dictionary in another document (other object numbers): remembered.
    second.add_blank_page()
    assert drawn_encoding(_font(second, "/Type1", "/ZapfDingbats"), program, charset) == found
    assert probes == []
    # A dictionary that differs (here a /ToUnicode stream) may read otherwise: probed again.
    other = _font(second, "/Type1", "/ZapfDingbats",
                  ToUnicode=second.make_stream(b"/CIDInit /ProcSet findresource begin"))
    drawn_encoding(other, program, charset)
    assert probes


def test_object_bytes_are_equal_for_equal_objects_whatever_their_numbers() -> None:
    from workers.engine.tagged_pdf.drawn_encoding import object_bytes

    first, second = pikepdf.new(), pikepdf.new()
    second.make_indirect(pikepdf.Dictionary())  # shifts the object numbers
    a = _font(first, "/Type1", "/Symbol", Widths=first.make_indirect(pikepdf.Array([1, 2])))
    b = _font(second, "/Type1", "/Symbol", Widths=second.make_indirect(pikepdf.Array([1, 2])))
    c = _font(second, "/Type1", "/Symbol", Widths=pikepdf.Array([1, 3]))
    assert object_bytes(a) == object_bytes(b)
    assert object_bytes(a) != object_bytes(c)
    a.Self = a  # a cycle is written as a back-reference, not followed forever
    assert object_bytes(a) != object_bytes(b)


def test_pages_sharing_resources_reach_the_same_fonts_and_others_their_own() -> None:
    from workers.engine.tagged_pdf.font_embedding import indirect_fonts_by_page

    pdf = pikepdf.new()
    helvetica, courier = _font(pdf, "/Type1", "/Helvetica"), _font(pdf, "/Type1", "/Courier")
    shared = pdf.make_indirect(pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=helvetica)))
    for resources in (shared, shared, pikepdf.Dictionary(Font=pikepdf.Dictionary(F2=courier)),
                      shared):
        pdf.add_blank_page()
        pdf.pages[-1].obj.Resources = resources
    found = [[font.objgen for font in fonts] for fonts in indirect_fonts_by_page(pdf)]
    assert found == [[helvetica.objgen], [helvetica.objgen], [courier.objgen],
                     [helvetica.objgen]]


def test_widths_written_as_real_numbers_are_read() -> None:
    """pikepdf gives 333.008 as a Decimal: such a width is the font's, not a missing one
    (which would keep a font whose widths agree from being embedded)."""
    pdf = pikepdf.new()
    font = _font(pdf, "/TrueType", "/TimesNewRomanPS-BoldItalicMT", FirstChar=40,
                 Widths=pikepdf.Array([Decimal("333.008"), 500]))
    assert dictionary_widths(font) == {40: pytest.approx(333.008), 41: 500.0}


def test_an_unused_win_ansi_code_is_embedded_as_the_bullet_it_draws(tmp_path: Path) -> None:
    # ReportLab shows a list's bullet as code 177 (octal) of WinAnsiEncoding, which names no
    # glyph there: the encoding's unused codes draw the bullet (ISO 32000-1 D.2 note 3), and
    # pdfium draws and reads it so. The embedded font's /Widths give it the bullet's width.
    source = text_pdf(tmp_path / "bullets.pdf")
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        page.obj.Contents = pdf.make_stream(page.obj.Contents.read_bytes() + (
            b"\nBT /F1 11 Tf 72 600 Td (\\177) Tj 18 0 Td (First point of the list) Tj ET"
            b"\nBT /F1 11 Tf 72 584 Td (\\225) Tj 18 0 Td (Second point of the list) Tj ET"))
        pdf.save(source)
    result = tag_and_check(source)
    assert result.failed() == [], result.report
    with pikepdf.open(result.output) as output:
        font = _first_font(output)
        assert "/FontFile3" in font.FontDescriptor
        widths = dictionary_widths(font)
    assert widths is not None
    assert widths[0o177] == widths[0o225] > 0
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict["failed_rules"]
