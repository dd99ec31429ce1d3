"""Font probes are made once per distinct font: equal fonts (by their bytes) reuse the
program, the reading and the verdict found for the first; a charstring's opening and width
are read without running its outline, as fontTools reads them."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pikepdf
import pytest
from fontTools.cffLib import CFFFontSet
from fontTools.misc.psCharStrings import T2CharString, T2WidthExtractor

from workers.engine.tagged_pdf import font_embedding
from workers.engine.tagged_pdf.drawn_encoding import object_bytes
from workers.engine.tagged_pdf.font_embedding import (
    draw_the_same,
    embed_substitute_fonts,
    pdfium_program,
)
from workers.engine.tagged_pdf.t2_opening import _read_on, charstring_width, t2_opening


def _helvetica(pdf: pikepdf.Pdf, widths: list[int] | None = None) -> pikepdf.Dictionary:
    entries: dict[str, object] = {"Encoding": pikepdf.Name.WinAnsiEncoding}
    if widths is not None:
        entries.update(FirstChar=65, LastChar=65 + len(widths) - 1, Widths=pdf.make_indirect(
            pikepdf.Array(widths)))
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
        BaseFont=pikepdf.Name.Helvetica, **entries))


def _pages_with(pdf: pikepdf.Pdf, fonts: list[pikepdf.Dictionary]) -> None:
    for font in fonts:
        pdf.add_blank_page(page_size=(200, 100))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 10 50 Td (ABA) Tj ET")


@pytest.fixture
def forgetting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing remembered from other tests."""
    for table in ("_FONT_PROGRAMS", "_SUBSTITUTES", "_VERDICTS"):
        monkeypatch.setattr(font_embedding, table, {})


def _counting(monkeypatch: pytest.MonkeyPatch, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(font_embedding, name)

    def counted(items):  # type: ignore[no-untyped-def]
        calls.append(len(items))
        return real(items)

    monkeypatch.setattr(font_embedding, name, counted)
    return calls


@pytest.mark.usefixtures("forgetting")
def test_equal_fonts_are_probed_once_and_all_embedded(monkeypatch: pytest.MonkeyPatch) -> None:
    programs = _counting(monkeypatch, "pdfium_programs")
    pages = _counting(monkeypatch, "_probe_pages")
    pdf = pikepdf.new()
    # Two equal fonts (one per page, as some producers write them) and a third that differs.
    fonts = [_helvetica(pdf, [667, 667]), _helvetica(pdf, [667, 667]),
             _helvetica(pdf, [667, 667, 722])]
    _pages_with(pdf, fonts)
    result = embed_substitute_fonts(pdf)
    assert all("/FontFile3" in font.FontDescriptor for font in fonts), result
    assert programs == [2]  # the two distinct fonts
    assert pages == [4]  # each distinct font as it was and embedded
    # Another document with an equal font: nothing probed again.
    other = pikepdf.new()
    again = _helvetica(other, [667, 667])
    _pages_with(other, [again])
    embed_substitute_fonts(other)
    assert "/FontFile3" in again.FontDescriptor
    assert programs == [2, 0] and pages == [4, 0]


@pytest.mark.usefixtures("forgetting")
def test_a_verdict_is_reused_only_for_the_same_probe(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = _counting(monkeypatch, "_probe_pages")
    pdf = pikepdf.new()
    font = _helvetica(pdf)
    embedded = _helvetica(pdf)
    embedded.Encoding = pikepdf.Name.MacRomanEncoding  # differs from the font at code 0xD5
    assert draw_the_same([(font, embedded, {0x41})]) == [True]
    assert draw_the_same([(font, _helvetica(pdf), {0x41})]) == [True]
    assert draw_the_same([(font, embedded, {0x41})]) == [True]
    assert pages == [2, 2, 0]
    # The same fonts with other codes are another probe, with its own verdict.
    assert draw_the_same([(font, embedded, {0x41, 0xD5})]) == [False]
    assert pages == [2, 2, 0, 2]


def test_object_bytes_tell_apart_what_a_reference_leads_to() -> None:
    pdf = pikepdf.new()
    one = pdf.make_indirect(pikepdf.Dictionary(W=pdf.make_indirect(pikepdf.Array([1, 2]))))
    two = pdf.make_indirect(pikepdf.Dictionary(W=pdf.make_indirect(pikepdf.Array([1, 3]))))
    again = pdf.make_indirect(pikepdf.Dictionary(W=pdf.make_indirect(pikepdf.Array([1, 2]))))
    assert object_bytes(one) != object_bytes(two)
    assert object_bytes(one) == object_bytes(again)
    assert object_bytes(pikepdf.Array([1, 2])) != object_bytes(pikepdf.Array([1, 2.5]))


def _substitute_charstrings(base: str) -> list[T2CharString]:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(base)))
    program = pdfium_program(font)
    assert program is not None
    fonts = CFFFontSet()
    fonts.decompile(io.BytesIO(program), None)
    top = fonts[fonts.fontNames[0]]
    return [top.CharStrings[name] for name in top.charset]


def _fonttools_opening(charstring: T2CharString) -> list[object]:
    # fontTools' own tokens from the start (t2_opening's fallback, asked from index 0):
    # the reference the module's own number decoding must match.
    return _read_on(charstring, 0, [])


def _fonttools_width(charstring: T2CharString, nominal: float, default: float) -> float:
    extractor = T2WidthExtractor(getattr(charstring.private, "Subrs", []),
                                 charstring.globalSubrs, nominal, default,
                                 private=charstring.private)
    extractor.execute(charstring)
    return float(extractor.width)


@pytest.mark.parametrize("base", ["/Times-Roman", "/Helvetica-Bold", "/Courier", "/Symbol"])
def test_openings_and_widths_are_fonttools_own(base: str) -> None:
    strings = _substitute_charstrings(base)
    private = strings[0].private
    nominal = float(getattr(private, "nominalWidthX", 0))
    default = float(getattr(private, "defaultWidthX", 0))
    read_here = 0
    for charstring in strings:
        assert t2_opening(charstring) == _fonttools_opening(charstring)
        width = charstring_width(charstring, nominal, default)
        if width is not None:
            read_here += 1
            assert width == _fonttools_width(charstring, nominal, default)
    assert read_here > len(strings) * 0.9  # the test means something
    # A decompiled charstring is read from its program, alike.
    strings[1].decompile()
    assert t2_opening(strings[1]) == _fonttools_opening(strings[1])
    assert charstring_width(strings[1], nominal, default) == _fonttools_width(
        strings[1], nominal, default)


def _charstring(program: list[object], subrs: list[list[object]] | None = None) -> T2CharString:
    local = [T2CharString(program=subr) for subr in subrs or []]
    return T2CharString(program=program, private=SimpleNamespace(Subrs=local), globalSubrs=[])


@pytest.mark.parametrize(("program", "subrs", "width"), [
    ([10, 20, 30, "rmoveto", "endchar"], None, 510.0),  # one operand more than taken: width
    ([20, 30, "rmoveto", "endchar"], None, 250.0),  # none: the default
    ([20, "hmoveto", "endchar"], None, 250.0),
    ([10, 20, "hmoveto", "endchar"], None, 510.0),
    ([5, "endchar"], None, 505.0),
    (["endchar"], None, 250.0),
    ([1, 2, 3, "hstem", "endchar"], None, 501.0),
    # The width before a call to a subroutine holding the hints (bias 107 for few subrs).
    ([40, -107, "callsubr", "endchar"], [[1, 2, "hstem", "return"]], 540.0),
    ([-107, "callsubr", "endchar"], [[1, 2, "return"], []], 250.0),
    ([7, "callsubr", "endchar"], [[1, "return"]], None),  # no such subroutine: interpreter's
    ([1, 2, "add", "hstem", "endchar"], None, None),  # arithmetic: left to the interpreter
    (["hmoveto", "endchar"], None, None),  # malformed: left to the interpreter
    ([1, 2], None, None),  # no operator at all
])
def test_charstring_width(
    program: list[object], subrs: list[list[object]] | None, width: float | None,
) -> None:
    assert charstring_width(_charstring(program, subrs), 500.0, 250.0) == width
