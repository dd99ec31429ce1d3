"""Shortcuts of the reading stage give what the long way gives:

- the content scanner knows an operator by a table look-up: exactly the PDF operators it
  reads, every other word (however close to one) leaves the stream to pikepdf;
- a fragment's median size is taken without sorting when its sizes are in order already:
  the same value, and the same float object, as sorted() gives;
- boldness counted in C without calls for ASCII letters and True/False: the same counts for
  letters of any script;
- the set of the glyphs' page objects gathered in C is set(map(...)) of them;
- the glyphs whose character is in a set, sifted in C, are those a comprehension sifts;
- glyph names remembered by name_text read as they are worked out."""

from __future__ import annotations

import itertools
from pathlib import Path
from types import SimpleNamespace

import pikepdf
import pypdfium2 as pdfium
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workers.engine import glyph_names
from workers.engine.layout import glyphs, lines, operators
from workers.engine.layout.glyphs import Glyph, read_page
from workers.engine.layout.lines import Fragment

from .drawn_pdfs import body_lines, make_pdf

#: Every operator the scanner reads (the rest it leaves to pikepdf).
KNOWN = [
    "Tj", "'", '"', "TJ", "Do", "n", "sh", "m", "l", "c", "v", "y", "h", "re", "f", "F", "f*",
    "B", "B*", "b", "b*", "S", "s", "BDC", "BMC", "BT", "BX", "cm", "CS", "cs", "d", "d0",
    "d1", "DP", "EMC", "ET", "EX", "G", "g", "gs", "i", "j", "J", "K", "k", "M", "MP", "q",
    "Q", "RG", "rg", "ri", "SC", "sc", "SCN", "scn", "T*", "Tc", "Td", "TD", "Tf", "TL", "Tm",
    "Tr", "Ts", "Tw", "Tz", "w", "W", "W*",
]

_OPEN: list[pikepdf.Pdf] = []


def _scanned(data: bytes) -> tuple[int, list[str], list[int]] | None:
    pdf = pikepdf.new()
    _OPEN.append(pdf)
    page = pdf.add_blank_page(page_size=(612, 792))
    page.obj.Contents = pdf.make_stream(data)
    return operators._scanned(page, {})


needs_scanner = pytest.mark.skipif(operators._scanner is None, reason="no C scanner built")
needs_fragments = pytest.mark.skipif(lines._accelerator is None, reason="no C loop built")
needs_glyph_reader = pytest.mark.skipif(glyphs._accelerator is None, reason="no C loop built")


@needs_scanner
def test_every_known_operator_is_read_and_no_other_word() -> None:
    for word in KNOWN:
        assert _scanned(f"q {word} Q".encode("latin-1")) is not None, word
    # Words sharing their first characters, their length or their packed bytes with known
    # ones, and the longest operator with a character more.
    near = ["T", "Tj*", "TJJ", "Tjj", "BI", "ID", "EI", "SCNx", "BDCx", "r", "e", "ff", "f**",
            "nn", "qQ", "BDc", "scN", "d2", "D", "Sh", "do", "RE", "t*", "ww", "EM", "BD"]
    for word in near:
        assert _scanned(f"q {word} Q".encode("latin-1")) is None, word


@needs_scanner
def test_a_number_is_told_from_a_word_as_qpdf_tells_it() -> None:
    # (The scanner counts a word's digits and points as it reads it: a sign only leads, one
    # point at most, a digit at least.) A number is an operand of "w"; any other word is an
    # operator it does not know, which leaves the stream to pikepdf.
    numbers = ["1", "-1", "+1", "0.5", ".5", "5.", "-.5", "+5.", "007", "-0"]
    others = [".", "+", "-", "+.", "-.", "1.2.3", "..5", "+-1", "--1", "1-", "1+1", "5.-",
              "1.5.", "+1.2.", "1e5", "0x1"]
    for word in numbers:
        assert _scanned(f"{word} w".encode("latin-1")) is not None, word
    for word in others:
        assert _scanned(f"{word} w".encode("latin-1")) is None, word


@needs_scanner
@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="TJjDdoBCMEScsnmrehfFbwWqQgGkK*'\"0123", min_size=1, max_size=4))
def test_a_word_is_read_exactly_when_it_is_an_operator(word: str) -> None:
    scanned = _scanned(f"q {word} Q".encode("latin-1"))
    numeric = word.strip("0123456789") == "" or word.isdigit()
    if numeric:
        return  # (a number is an operand, left over at the end: not what is asked here)
    assert (scanned is not None) == (word in KNOWN)


def _glyph(char: str, x0: float, size: float, bold: object = False, obj: int = 0) -> Glyph:
    return Glyph(char, x0, 0.0, x0 + 4.0, 10.0, size, bold, "F", obj, -1)  # type: ignore[arg-type]


@needs_fragments
def test_the_median_size_is_the_same_object_with_or_without_sorting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Equal values held by distinct float objects: sorted() keeps the first of them first.
    ten_a, ten_b, nine, eleven = float("10.0"), float("10.0"), 9.0, 11.0
    assert ten_a is not ten_b
    runs = [
        [nine, ten_a, ten_b],  # in order: no sort
        [ten_a, nine, ten_b],  # out of order
        [ten_b, ten_a, nine],
        [eleven, ten_a, nine, ten_b, eleven],
        [ten_a, ten_b, ten_a],  # all equal
        [nine, ten_a, ten_b, eleven],  # even count: the mean of the middle two
        [eleven, nine],
    ]
    made = [Fragment([_glyph("a", 4.0 * k, s) for k, s in enumerate(run)], "a", 0.0, 0.0,
                     30.0, 10.0) for run in runs]
    assert lines._accelerator.glyph_facts(made, lines.TALL_GLYPHS) == len(made)
    fast = [f.__dict__["size"] for f in made]
    monkeypatch.setattr(lines, "_accelerator", None)
    slow = [Fragment(f.glyphs, f.text, f.x0, f.y0, f.x1, f.y1).size for f in made]
    assert fast == slow
    for c_value, python_value, run in zip(fast, slow, runs, strict=True):
        if len(run) % 2:
            assert c_value is python_value  # (the very float sorted() puts in the middle)
    assert fast[0] is ten_a and fast[1] is ten_a and fast[2] is ten_b


@needs_fragments
def test_boldness_of_any_truth_and_letters_of_any_script(monkeypatch: pytest.MonkeyPatch) -> None:
    chars = ["A", "z", "0", "9", "@", "[", "`", "{", "\u00e9", "\u0661", "\u4e2d", "\u2022", " "]
    # (Python sums the boldness, C counts its truth: alike for booleans, what glyphs hold,
    # and for 0 and 1.)
    truths: list[object] = [True, False, 1, 0]
    made = [_glyph(char, 0.0, 10.0, bold)
            for char, bold in itertools.product(chars, truths)]
    runs = [made, made[::3], made[5:9], []]
    fast = [lines.letter_boldness(run) for run in runs]
    monkeypatch.setattr(lines, "_accelerator", None)
    slow = [lines.letter_boldness(run) for run in runs]
    assert fast == slow
    assert fast[0] == (7 * len(truths), 7 * 2)  # (True and 1 are bold)


@needs_glyph_reader
def test_the_glyphs_objects_are_gathered_as_python_gathers_them(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "page.pdf", [([], body_lines())])
    pdf = pdfium.PdfDocument(str(path))
    try:
        page_glyphs = read_page(pdf, 0).glyphs
    finally:
        pdf.close()
    assert page_glyphs
    assert glyphs.drawn_objects(page_glyphs) == {g.obj for g in page_glyphs}
    # Equal numbers held by distinct objects, runs of one object, and glyph-like objects of
    # another type (read by attribute).
    big = [int("123456789012"), int("123456789012"), 5, 5, -1]
    made: list[object] = [_glyph("a", 0.0, 10.0, obj=value) for value in big]
    made += [SimpleNamespace(obj=value) for value in (7, 7, 123456789012, -1)]
    made.insert(2, _glyph("b", 0.0, 10.0, obj=8))
    expected = {g.obj for g in made}  # type: ignore[attr-defined]
    assert glyphs._accelerator.glyph_objects(made, Glyph) == expected
    assert glyphs._accelerator.glyph_objects([], Glyph) == set()


class _Str(str):
    """A str of another type (its characters are asked of the set as they are)."""


@needs_glyph_reader
def test_the_glyphs_among_characters_are_sifted_as_python_sifts_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Runs of one character (answered once), characters below U+0100 (each asked of the set
    # once), beyond it and of two characters, strs of another type, and glyph-like objects
    # of another type (read by attribute).
    chars = ["h", "h", "i", "h", "\u27e8", "".join(["\u27e8"]), "ab", "x", "h"]
    made: list[object] = [_glyph(ch, float(k), 10.0) for k, ch in enumerate(chars)]
    made += [SimpleNamespace(char=ch) for ch in ("h", "y", "ab", _Str("h"), _Str("i"))]
    wanted = {"h", "\u27e8", "ab"}
    fast = glyphs.glyphs_among(made, wanted)  # type: ignore[arg-type]
    assert [id(g) for g in fast] == [id(g) for g in made if g.char in wanted]  # type: ignore[attr-defined]
    assert glyphs.glyphs_among([], wanted) == []
    assert glyphs.glyphs_among(made, set()) == []  # type: ignore[arg-type]
    monkeypatch.setattr(glyphs, "_accelerator", None)
    assert glyphs.glyphs_among(made, wanted) == fast  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        glyphs.glyphs_among([object()], wanted)  # type: ignore[list-item]


def test_remembered_glyph_names_read_as_worked_out() -> None:
    names = ["alpha", "phi1", "uni27E8", "u1D465", "angbracketleft.big", "a12", "A", ".notdef",
             "uni00410042", "prime", "a.sc", "space"]
    first = [glyph_names.name_text(name) for name in names]
    again = [glyph_names.name_text(name) for name in names]
    assert first == again == [glyph_names._name_text(name) for name in names]
    assert len(glyph_names._name_texts) <= glyph_names.MAX_NAME_TEXTS


#: Font names (with a subset tag or two, a Latin-1 byte, capitals) and descriptors (weight,
#: italic angle): each font's face read in C as glyphs._face reads it.
_FONTS = [
    ("/ABCDEF+Helvetica-BoldOblique", None),
    ("/Times-Roman", None),
    ("/QWERTY+MyFont-BLACK", None),
    ("/Plain", {"FontWeight": 700}),
    ("/Slanted", {"ItalicAngle": -12}),
    ("/Deco+Demi+Light", {"FontWeight": 300}),
    ("/Fancy#C0HEAVY", None),
    ("/SansOBLIQUE", {"FontWeight": 599}),
    ("/+", None),
    ("/Book", {"FontWeight": 600, "ItalicAngle": 0}),
]


def _many_fonts(path: Path) -> Path:
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(612, 792))
    fonts = pikepdf.Dictionary()
    content = []
    for k, (name, described) in enumerate(_FONTS):
        font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                                  BaseFont=pikepdf.Name(name))
        if described is not None:
            descriptor = pikepdf.Dictionary(
                Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name(name), Flags=32,
                FontBBox=pikepdf.Array([0, -200, 1000, 900]), ItalicAngle=0, Ascent=800,
                Descent=-200, CapHeight=700, StemV=80,
            )
            for key, value in described.items():
                descriptor[f"/{key}"] = value
            font.FontDescriptor = pdf.make_indirect(descriptor)
            font.FirstChar, font.LastChar = 32, 126
            font.Widths = pikepdf.Array([500] * 95)
        fonts[f"/F{k}"] = pdf.make_indirect(font)
        content.append(f"BT /F{k} 11 Tf 72 {720 - 20 * k} Td (Text in font {k}) Tj ET")
    page.obj.Resources = pikepdf.Dictionary(Font=fonts)
    page.obj.Contents = pdf.make_stream("\n".join(content).encode())
    pdf.save(path)
    return path


@needs_glyph_reader
def test_fonts_faces_are_read_in_c_as_in_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pdf = pdfium.PdfDocument(str(_many_fonts(tmp_path / "fonts.pdf")))
    try:
        fast = read_page(pdf, 0).glyphs
        with monkeypatch.context() as patch:
            patch.setattr(glyphs, "_accelerator", None)
            slow = read_page(pdf, 0).glyphs
    finally:
        pdf.close()
    assert fast == slow
    faces = {(g.font, g.bold, g.italic) for g in fast}
    assert len({font for font, _, _ in faces}) == len(_FONTS)
    assert {bold for _, bold, _ in faces} == {True, False}
    assert {italic for _, _, italic in faces} == {True, False}
    assert ("Helvetica-BoldOblique", True, True) in faces
    assert ("Demi+Light", True, False) in faces  # (the tag is only up to the first '+')


@needs_fragments
@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="aZb 1_.-\x02\u00e9\t\uf0b7", max_size=12), max_size=6))
def test_texts_left_as_they_are_are_those_fragments_would_not_change(texts: list[str]) -> None:
    made = [Fragment([], text) for text in texts]
    looked_at = set(lines._accelerator.unplain_texts(made))
    for k, text in enumerate(texts):
        unchanged = lines.clean(text) == text and not (
            " " in text and lines._SPACED_LETTERS.search(text)
        )
        if k not in looked_at:
            assert unchanged, repr(text)


@needs_fragments
def test_plain_texts_are_told_apart_from_the_rest() -> None:
    plain = ["", "Plain text.", "a b c", "A b c 1", "x y z w1", "ab c d e", "Hello, world!"]
    looked = [" lead", "trail ", "two  spaces", "a b c d", "one A B C D two", "tab\there",
              "caf\u00e9", "\uf0b7 bullet", "soft\x02hyphen"]
    made = [Fragment([], text) for text in plain + looked]
    assert lines._accelerator.unplain_texts(made) == list(range(len(plain), len(made)))


_TURNED = "".join(map(chr, lines._SYMBOL_FONT_BULLETS))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="a .\u00e9\u2014\u201c\uac00\uf0b6\uf0b8\uf021\u0301" + _TURNED,
               max_size=16))
def test_clean_translates_only_texts_it_would_change(text: str) -> None:
    # clean() searches for a character the symbol-font map turns before translating: the
    # search finds one exactly where translating would change the text (the characters
    # beside each mapped one, and other private-use codes, are not turned).
    turned = text.translate(lines._SYMBOL_FONT_BULLETS)
    assert (lines._SYMBOL_FONT_TURNED.search(text) is not None) == (turned != text)
