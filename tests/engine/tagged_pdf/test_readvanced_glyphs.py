"""A non-embedded font whose /Widths differ slightly from pdfium's substitute for a glyph the
text shows: pdfium draws the substitute's glyph where /Widths puts it, so the program is
embedded with that glyph advancing by /Widths — pixels unchanged, and veraPDF finds the font
embedded with agreeing widths (7.21.4.1-1, 7.21.5-1)."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.tagged_pdf.font_embedding import MAX_READVANCE, embed_substitute_fonts

from .conftest import pdfua_check, tag_and_check
from .test_font_embedding import LINES, _first_font, _program_widths, text_pdf

#: A code the text shows, given a /Widths width off the substitute's.
SEMICOLON = ord(";")


def arial_pdf(path: Path, tmp_path: Path, off_by: float) -> Path:
    """Arial (TrueType, WinAnsi, not embedded) with the substitute's widths, but the
    semicolon's ``off_by`` narrower."""
    with pikepdf.open(text_pdf(tmp_path / "plain.pdf")) as pdf:
        embed_substitute_fonts(pdf)
        real = [float(w) for w in _first_font(pdf).Widths]
        first = int(_first_font(pdf).FirstChar)
    widths = list(real)
    widths[SEMICOLON - first] -= off_by
    return text_pdf(
        path,
        {"Encoding": pikepdf.Name.WinAnsiEncoding, "FirstChar": first,
         "LastChar": first + len(widths) - 1, "Widths": pikepdf.Array(widths)},
        subtype="/TrueType", base="/Arial",
    )


def test_a_shown_glyph_slightly_off_widths_is_embedded_at_the_widths_advance(
    tmp_path: Path,
) -> None:
    assert any(SEMICOLON in line for line in LINES)
    source = arial_pdf(tmp_path / "arial.pdf", tmp_path, off_by=40)
    result = tag_and_check(source)

    assert result.check("pixels")["passed"], result.report
    assert result.check("fonts-embedded")["passed"], result.report
    with pikepdf.open(result.output) as output:
        font = _first_font(output)
        program = _program_widths(font)
        first = int(font.FirstChar)
        for code in {c for line in LINES for c in line}:
            assert abs(float(font.Widths[code - first]) - program[code]) <= 1, code
    assert any("/Widths advance" in note and "Arial" in note for note in result.tagged.notes)
    _, judged = pdfua_check(result.source, result.output)
    failed = judged["failed_rules"] or {}
    assert "7.21.4.1-1" not in failed and "7.21.5-1" not in failed, judged


def test_a_glyph_further_off_than_a_tenth_of_an_em_leaves_the_font(tmp_path: Path) -> None:
    source = arial_pdf(tmp_path / "arial.pdf", tmp_path, off_by=MAX_READVANCE + 20)
    with pikepdf.open(source) as pdf:
        done = embed_substitute_fonts(pdf)
        assert done.embedded == []
        assert "widths disagree" in done.left["Arial"]


def test_a_glyph_two_shown_codes_need_at_different_widths_leaves_the_font(
    tmp_path: Path,
) -> None:
    """Code 127 names the semicolon too, at the program's width, and the text shows it: one
    glyph cannot advance by both widths."""
    source = arial_pdf(tmp_path / "arial.pdf", tmp_path, off_by=40)
    with pikepdf.open(source, allow_overwriting_input=True) as pdf:
        font = _first_font(pdf)
        first = int(font.FirstChar)
        semicolon = float(font.Widths[SEMICOLON - first]) + 40
        widths = list(font.Widths)
        widths += [0] * (127 - (first + len(widths) - 1))
        widths[127 - first] = semicolon
        font.Widths = pikepdf.Array(widths)
        font.LastChar = 127
        font.Encoding = pikepdf.Dictionary(
            Type=pikepdf.Name.Encoding, BaseEncoding=pikepdf.Name.WinAnsiEncoding,
            Differences=pikepdf.Array([127, pikepdf.Name.semicolon]))
        page = pdf.pages[0]
        page.obj.Contents = pdf.make_stream(
            page.obj.Contents.read_bytes() + b"\nBT /F1 11 Tf 72 600 Td (a\x7fb) Tj ET")
        pdf.save(source)
    with pikepdf.open(source) as pdf:
        done = embed_substitute_fonts(pdf)
        assert done.embedded == [], done
        assert "widths disagree" in done.left["Arial"]
