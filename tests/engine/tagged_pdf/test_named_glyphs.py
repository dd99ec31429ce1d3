"""Glyph names pdfium does not read (TeX's ``angbracketleft``, a ``prime`` at code 2): the
layout reader reads them as the names say, and the tagged output's /ToUnicode says the same,
so each element reads back as the model has it and veraPDF finds every code mapped."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from fontTools.agl import LEGACY_AGL2UV
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.t2CharStringPen import T2CharStringPen

from workers.engine.analyse import analyse
from workers.engine.document import block_text
from workers.engine.glyph_names import (
    TEX_GLYPHS,
    NotUnderstood,
    code_names,
    name_text,
    named_fixes,
    reading_fixes,
    to_unicode_entries,
)
from workers.engine.tagged_pdf.drawn_encoding import to_unicode_cmap

from .conftest import pdfua_check, tag_and_check

LETTERS = "abcdefgjklmnopqrstuvwxyz"  # no h, i: TeX's symbol fonts put ⟨ ⟩ at their codes


def _program(encoding: dict[int, str]) -> bytes:
    """A CFF program with a glyph (a bar of its own height) for each name of ``encoding``,
    which is also its built-in encoding."""
    names = [".notdef", *dict.fromkeys(encoding.values())]
    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder(names)
    strings = {}
    for index, name in enumerate(names):
        pen = T2CharStringPen(500, None)
        if name != "space":
            pen.moveTo((50, 0))
            pen.lineTo((50, 100 + 20 * index))
            pen.lineTo((450, 100 + 20 * index))
            pen.lineTo((450, 0))
            pen.closePath()
        strings[name] = pen.getCharString()
    builder.setupCFF("TestMath", {"FullName": "TestMath"}, strings, {})
    cff = builder.font["CFF "].cff
    built_in = [".notdef"] * 256
    for code, name in encoding.items():
        built_in[code] = name
    cff.topDictIndex[0].Encoding = built_in
    out = io.BytesIO()
    cff.compile(out, builder.font)
    return out.getvalue()


#: The test font's built-in encoding: letters, space and comma where ASCII has them, and
#: TeX's names at the codes TeX's symbol font gives them.
ENCODING = {
    **{ord(letter): letter for letter in LETTERS},
    32: "space", 44: "comma",
    104: "angbracketleft", 105: "angbracketright", 28: "lessmuch", 2: "prime",
}


def _font(pdf: pikepdf.Pdf, encoding: dict[int, str], entries: dict[str, object]
          ) -> pikepdf.Dictionary:
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name("/ABCDEF+TestMath"),
        FirstChar=0, LastChar=255, Widths=pikepdf.Array([500] * 256),
        FontDescriptor=pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/ABCDEF+TestMath"),
            Flags=4, FontBBox=pikepdf.Array([0, 0, 500, 700]), ItalicAngle=0, Ascent=700,
            Descent=0, CapHeight=700, StemV=80,
            FontFile3=pdf.make_stream(_program(encoding), Subtype=pikepdf.Name.Type1C),
        ),
        **entries,
    ))


def math_pdf(path: Path, entries: dict[str, object] | None = None,
             encoding: dict[int, str] | None = None, lines: list[bytes] | None = None,
             ) -> Path:
    """A page of text in the test font, with its built-in encoding (no /Encoding) unless
    ``entries`` say otherwise; ``encoding`` and ``lines``: another encoding and text."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(F1=_font(pdf, encoding or ENCODING, entries or {})))
    lines = lines or [b"a set hx, yi names two sets", b"a copy x\x02 stays apart",
                      b"and y\x1c z"]
    content = [b"BT /F1 12 Tf 72 %d Td <%s> Tj ET" % (760 - 20 * n, line.hex().encode())
               for n, line in enumerate(lines)]
    page.obj.Contents = pdf.make_stream(b"\n".join(content))
    pdf.save(path)
    return path


def _text(path: Path) -> str:
    document = analyse(path, max_pages=5)
    return " ".join(block_text(block) for block in document.walk() if block_text(block))


# --- the table and the names --------------------------------------------------------------


def test_the_tex_table_names_only_what_the_glyph_list_does_not() -> None:
    assert TEX_GLYPHS["angbracketleft"] == "\u27e8"
    assert TEX_GLYPHS["lessmuch"] == "\u226a"
    assert TEX_GLYPHS["intercal"] == "\u22ba"
    assert not [name for name in TEX_GLYPHS if name in LEGACY_AGL2UV]
    assert all(len(text) == 1 for text in TEX_GLYPHS.values())


def test_a_name_says_its_character_by_the_glyph_list_first() -> None:
    assert name_text("alpha") == "\u03b1"
    assert name_text("phi1") == "\u03d5"  # the AGL's reading, not TeX's varphi
    assert name_text("uni27E8") == "\u27e8"
    assert name_text("u1D465") == "\U0001d465"
    assert name_text("angbracketleft.big") == "\u27e8"
    assert name_text("a12") is None


def test_a_to_unicode_cmap_is_read_whole_or_not_at_all() -> None:
    pdf = pikepdf.new()
    entries = to_unicode_entries(pdf.make_stream(to_unicode_cmap({3: "\u03ba", 65: "A"})))
    assert entries == {3: "\u03ba", 65: "A"}
    ranges = pdf.make_stream(
        b"1 begincodespacerange <00> <FF> endcodespacerange\n"
        b"2 beginbfrange <61> <63> <0061>\n<70> <71> [<03C0> <03C1>] endbfrange")
    assert to_unicode_entries(ranges) == {0x61: "a", 0x62: "b", 0x63: "c",
                                          0x70: "\u03c0", 0x71: "\u03c1"}
    two_bytes = pdf.make_stream(b"1 begincodespacerange <0000> <FFFF> endcodespacerange")
    with pytest.raises(NotUnderstood):
        to_unicode_entries(two_bytes)


def test_the_fixes_are_the_codes_readers_miss_and_no_others(tmp_path: Path) -> None:
    with pikepdf.open(math_pdf(tmp_path / "math.pdf")) as pdf:
        font = pdf.pages[0].Resources.Font.F1
        assert code_names(font)[104] == "angbracketleft"  # read from the CFF program
        assert named_fixes(font) == {104: "\u27e8", 105: "\u27e9", 28: "\u226a", 2: "\u2032"}
        assert reading_fixes(font)["h"] == "\u27e8"


def test_a_code_whose_own_character_another_code_reads_is_left_alone(tmp_path: Path) -> None:
    """Code 40 is a large brace, and another code's glyph is named ``parenleft`` (a name
    pdfium knows, so it reads "(" there too): pdfium's "(" could be either, so neither side
    changes code 40. The same goes for a character another code's /ToUnicode gives."""
    pdf = pikepdf.new()
    font = _font(pdf, {96: "parenleft", 40: "braceleftbigg"}, {})
    assert named_fixes(font) == {}
    mapped = _font(pdf, {16: "parenleftBig", 40: "braceleftbigg"},
                   {"ToUnicode": pdf.make_stream(to_unicode_cmap({16: "("}))})
    assert named_fixes(mapped) == {}


def test_a_tex_name_takes_no_character_from_another_code(tmp_path: Path) -> None:
    """TeX's big delimiters: code 40 is a large brace, code 16 a large parenthesis named
    ``parenleftBig``, which pdfium does not know: it reads code 16 as the code itself, never
    as "(", so its "(" can only be code 40's, and both codes are read as their names say."""
    pdf = pikepdf.new()
    font = _font(pdf, {16: "parenleftBig", 40: "braceleftbigg"}, {})
    assert named_fixes(font) == {16: "(", 40: "{"}
    assert reading_fixes(font) == {"\x10": "(", "(": "{"}


def test_a_code_already_in_the_to_unicode_keeps_its_entry(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    font = _font(pdf, ENCODING, {"ToUnicode": pdf.make_stream(to_unicode_cmap({104: "<"}))})
    assert 104 not in named_fixes(font)
    assert "\u27e8" not in reading_fixes(font).values()


# --- both sides read alike ----------------------------------------------------------------


def test_the_layout_reads_tex_names_and_control_code_glyphs(tmp_path: Path) -> None:
    text = _text(math_pdf(tmp_path / "math.pdf"))
    assert "\u27e8x, y\u27e9" in text, text
    assert "x\u2032" in text, text
    assert "y\u226a" in text, text


def test_glyph_names_in_differences_are_read_too(tmp_path: Path) -> None:
    differences = pikepdf.Array([2, pikepdf.Name.prime, 104, pikepdf.Name.angbracketleft,
                                 pikepdf.Name.angbracketright])
    source = math_pdf(tmp_path / "math.pdf", {"Encoding": pikepdf.Dictionary(
        Type=pikepdf.Name.Encoding, Differences=differences)})
    text = _text(source)
    assert "x\u2032" in text and "\u27e8x, y\u27e9" in text, text


def test_the_tagged_output_maps_them_and_reads_back_as_the_model(tmp_path: Path) -> None:
    result = tag_and_check(math_pdf(tmp_path / "math.pdf"))

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    with pikepdf.open(result.output) as pdf:
        font = pdf.pages[0].Resources.Font.F1
        entries = to_unicode_entries(font.ToUnicode)
    assert entries == {104: "\u27e8", 105: "\u27e9", 28: "\u226a", 2: "\u2032"}
    assert any("ToUnicode completed" in note for note in result.tagged.notes)

    source, output = pdfua_check(result.source, result.output)
    assert "7.21.7-1" in (source["failed_rules"] or {})  # the test means something
    assert "7.21.7-1" not in (output["failed_rules"] or {}), output


def test_big_delimiters_read_back_as_the_model_and_map_every_code(tmp_path: Path) -> None:
    """A brace at the code of "(" and a parenthesis at a control code, both TeX names: the
    model reads them as their names say, the output's /ToUnicode says the same, every
    element reads back as the model has it, and veraPDF finds every code mapped."""
    encoding = {**{ord(letter): letter for letter in LETTERS}, 32: "space",
                16: "parenleftBig", 17: "parenrightBig", 40: "braceleftbigg",
                41: "bracerightbigg"}
    source = math_pdf(tmp_path / "big.pdf", encoding=encoding, lines=[
        b"a set (x y) names two sets", b"a pair \x10x y\x11 stays apart"])
    text = _text(source)
    assert "{x y}" in text and "(x y)" in text, text
    result = tag_and_check(source)

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    with pikepdf.open(result.output) as pdf:
        entries = to_unicode_entries(pdf.pages[0].Resources.Font.F1.ToUnicode)
    assert entries == {16: "(", 17: ")", 40: "{", 41: "}"}
    source_verdict, output = pdfua_check(result.source, result.output)
    assert "7.21.7-1" in (source_verdict["failed_rules"] or {})  # the test means something
    assert "7.21.7-1" not in (output["failed_rules"] or {}), output


def test_a_base_encoding_names_nothing_below_code_32() -> None:
    """PDF's MacRomanEncoding has no glyph at control codes (fontTools' Mac Roman list, the
    TrueType 'post' order, has Eth, Lslash… there): nothing to add for them."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType, BaseFont=pikepdf.Name("/Serif"),
        Encoding=pikepdf.Dictionary(BaseEncoding=pikepdf.Name.MacRomanEncoding,
                                    Differences=pikepdf.Array([233, pikepdf.Name.eacute])),
    ))
    assert min(code_names(font)) >= 32
    assert named_fixes(font) == {}
