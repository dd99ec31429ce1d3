"""The probes that ask pdfium what a font's codes draw and read (:mod:`.drawn_encoding`)."""

from __future__ import annotations

import string

import pikepdf

from workers.engine.tagged_pdf.drawn_encoding import code_text

#: More codes than one row of the probe holds, so glyphs have neighbours above and below.
_LETTERS = string.ascii_uppercase[:20]


def tall_glyph_font(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    """A Type 3 font whose glyphs reach three ems below the baseline and one above, as the
    big delimiters of a TeX extension font do; every code is named as its letter."""
    bar = pdf.make_stream(b"600 0 0 -3000 600 1000 d1 0 -3000 600 4000 re f")
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type3,
        FontBBox=[0, -3000, 600, 1000], FontMatrix=[0.001, 0, 0, 0.001, 0, 0],
        CharProcs=pikepdf.Dictionary({f"/{letter}": bar for letter in _LETTERS}),
        Encoding=pikepdf.Dictionary(
            Type=pikepdf.Name.Encoding,
            Differences=[ord(_LETTERS[0]), *(pikepdf.Name(f"/{c}") for c in _LETTERS)],
        ),
        FirstChar=ord(_LETTERS[0]), LastChar=ord(_LETTERS[-1]),
        Widths=[600] * len(_LETTERS), Resources=pikepdf.Dictionary(),
    ))


def test_a_code_whose_glyph_reaches_outside_its_cell_reads_as_itself() -> None:
    """Each code is read where the probe put it (its origin), not where its box's middle
    falls: a glyph far taller than its cell is still that code's."""
    pdf = pikepdf.new()
    font = tall_glyph_font(pdf)
    codes = [letter.encode() for letter in _LETTERS]
    assert code_text(font, codes) == {code: code.decode() for code in codes}
