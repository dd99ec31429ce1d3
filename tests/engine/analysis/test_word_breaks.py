"""Where words break: a space set back into the ligature before it (its advance undone, the
letters touching) breaks no word (:data:`workers.engine.layout.lines.SET_BACK`); a glyph
kerned far back into a wide box, yet right of where that glyph starts, goes on the same
fragment; a blank glyph that a font maps to a private-use code is a space
(:func:`workers.engine.layout.glyphs._blank_private_glyphs_as_spaces`); an ordinal's raised
letters are one word with its numeral (``RAISED``). Small PDFs drawn here; each case has its
control."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page, text_page_pdf

_BODY = (b"BT /F1 10 Tf 72 640 Td (Few aspects of development are more interesting to us.)"
         b" Tj ET")


def _first_block(path: Path) -> str:
    doc = read_layout(path, max_pages=1)
    return block_text(doc.blocks[0])


def _mapped_page(path: Path, shown: bytes, mapping: dict[int, str], *, body: bool = True) -> Path:
    """A page showing ``shown`` (a TJ array or a string and its operator) in 20 pt Helvetica
    whose /ToUnicode maps each code to itself but those in ``mapping`` to the text given
    ("#" to "fi": a ligature's glyph read as two letters)."""
    ops = b"BT /F1 20 Tf 72 700 Td " + shown + b" ET" + (b"\n" + _BODY if body else b"")
    pdf, page = text_page(ops)
    entries = b"".join(
        b"<%02X> <%s>\n" % (code, "".join(
            f"{ord(ch):04X}" for ch in mapping.get(code, chr(code))).encode())
        for code in range(32, 127)
    )
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"95 beginbfchar\n" + entries + b"endbfchar\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    page.obj.Resources.Font.F1.ToUnicode = pdf.make_stream(cmap)
    pdf.save(path)
    return path


_FI = {ord("#"): "fi"}


def test_a_space_set_back_into_a_ligature_breaks_no_word(tmp_path: Path) -> None:
    # "#" is the ligature (one box, two letters); Helvetica's space is 278 units wide: set
    # back by as much, its advance is undone.
    pdf = _mapped_page(tmp_path / "setback.pdf", b"[(the Of#) 278 ( ) (cers)] TJ", _FI)
    assert _first_block(pdf) == "the Officers"


def test_a_ligature_and_a_space_with_its_advance_are_apart(tmp_path: Path) -> None:
    pdf = _mapped_page(tmp_path / "space.pdf", b"[(the Of#) ( ) (cers)] TJ", _FI)
    assert _first_block(pdf) == "the Offi cers"


def test_a_space_set_back_only_partly_is_a_word_break(tmp_path: Path) -> None:
    # Kerned into the ligature, but the next word still starts well apart.
    pdf = _mapped_page(tmp_path / "partly.pdf", b"[(the Of#) 150 ( ) (cers)] TJ", _FI)
    assert _first_block(pdf) == "the Offi cers"


def test_a_space_set_back_after_a_letter_is_a_word_break(tmp_path: Path) -> None:
    # An italic's "f" and space kerned as a pair: the space set back into the "f", the next
    # word starting where its box ends; the gap is in the letters' ink, not in their boxes.
    pdf = _mapped_page(tmp_path / "letter.pdf", b"[(a portion of) 278 ( ) (the text)] TJ", {})
    assert _first_block(pdf) == "a portion of the text"


def test_tracking_keeps_a_set_back_space(tmp_path: Path) -> None:
    # Letters tracked closer (each kerned 150 units back): the space after the ligature is
    # set back with them, but the word gap stays a space's width wider than theirs.
    letters = b" 150 ".join(b"(%c)" % c for c in b"pro#")
    pdf = _mapped_page(tmp_path / "tracked.pdf", b"[" + letters + b" 150 ( ) 150 (le)] TJ", _FI)
    assert _first_block(pdf) == "profi le"


def test_a_glyph_kerned_far_into_a_wide_box_stays_on_the_fragment(tmp_path: Path) -> None:
    # The "b" starts inside the "m"'s box, more than half a size back from its end, but
    # right of where the "m" starts: the word goes on.
    pdf = text_page_pdf(tmp_path / "kerned.pdf", [
        b"BT /F1 30 Tf 72 700 Td [(Pream) 700 (ble)] TJ ET", _BODY,
    ])
    assert _first_block(pdf) == "Preamble"


def _private_use_page(path: Path, text: bytes, private: dict[int, int]) -> Path:
    """``text`` shown with the codes in ``private`` mapped to the private-use codes given."""
    shown = b"(" + text + b") Tj"
    return _mapped_page(path, shown, {code: chr(value) for code, value in private.items()})


def test_a_blank_glyph_mapped_to_private_use_is_a_space(tmp_path: Path) -> None:
    pdf = _private_use_page(tmp_path / "blank.pdf", b"Amendment VI.", {0x20: 0xE020})
    assert _first_block(pdf) == "Amendment VI."


def test_an_inked_glyph_mapped_to_private_use_is_no_space(tmp_path: Path) -> None:
    pdf = _private_use_page(tmp_path / "inked.pdf", b"One+Two", {ord("+"): 0xE02B})
    assert _first_block(pdf) == "OneTwo"


def test_private_use_page_control(tmp_path: Path) -> None:
    # The same font with its space mapped to U+0020 (the /ToUnicode itself is read).
    pdf = _private_use_page(tmp_path / "plain.pdf", b"Amendment VI.", {ord("A"): ord("B")})
    assert _first_block(pdf) == "Bmendment VI."


def test_pikepdf_font_has_the_map(tmp_path: Path) -> None:
    path = _private_use_page(tmp_path / "map.pdf", b"A B", {0x20: 0xE020})
    with pikepdf.open(path) as pdf:
        assert b"<20> <E020>" in pdf.pages[0].Resources.Font.F1.ToUnicode.read_bytes()


def _raised_after(first: bytes, raised: bytes, after: bytes, path: Path) -> Path:
    """``first`` at 11 pt, then ``raised`` at 7 pt set 4 pt higher by its own text matrix
    (pdfium ends a line between them), then ``after`` on the first's baseline."""
    x = 72 + 0.556 * 11 * len(first)  # (about: digits and most letters are 556 units)
    return text_page_pdf(path, [
        b"BT /F1 11 Tf 1 0 0 1 72 700 Tm (%s) Tj ET" % first,
        b"BT /F1 7 Tf 1 0 0 1 %.2f 704 Tm (%s) Tj ET" % (x, raised),
        b"BT /F1 11 Tf 1 0 0 1 %.2f 700 Tm (%s) Tj ET" % (x + 0.5 * 7 * len(raised), after),
        _BODY,
    ])


def test_an_ordinals_raised_letters_are_one_word_with_its_numeral(tmp_path: Path) -> None:
    pdf = _raised_after(b"1", b"st", b" PDF object", tmp_path / "ordinal.pdf")
    assert _first_block(pdf) == "1st PDF object"


def test_raised_letters_after_a_letter_stay_apart(tmp_path: Path) -> None:
    # Not an ordinal (an exponent, a footnote's letter): pdfium's line end stays a break.
    pdf = _raised_after(b"the R", b"n", b" here", tmp_path / "exponent.pdf")
    assert _first_block(pdf) == "the R n here"


def test_one_kerned_pair_is_no_usual_gap(tmp_path: Path) -> None:
    # A line opening "Of" [200] "fi": the one letter gap before the ligature is a kerning
    # pair's, not the line's usual gap, so the space set back after it still goes.
    pdf = _mapped_page(tmp_path / "kerned.pdf", b"[(Of) 200 (#) 278 ( ) (ce under)] TJ", _FI)
    assert _first_block(pdf) == "Office under"
