"""A symbolic TrueType font drawing by code whose /Encoding names a glyph outside the Adobe
Glyph List (Wingdings' ``onesansinv``): the /Encoding PDF/UA-1 forbids there (veraPDF
7.21.6-3) is still dropped, the AGL names kept as /ToUnicode, and the unknown name's code is
given no character — neither one guessed from the name nor the base encoding's."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from .conftest import pdfua_check
from .test_font_embedding import (
    LIBERATION,
    _first_font,
    symbolic_subset_pdf,
    tagged_without_encoding,
)

#: The name given to the last code (letters of "Canvas" by code: C a n s v).
UNKNOWN = "/vsansinv"


def unnamed_glyph_pdf(path: Path) -> Path:
    symbolic_subset_pdf(path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        differences = _first_font(pdf).Encoding.Differences
        differences[len(differences) - 1] = pikepdf.Name(UNKNOWN)
        pdf.save(path)
    return path


def test_the_encoding_goes_and_the_unknown_name_says_no_character(tmp_path: Path) -> None:
    if not LIBERATION.is_file():
        pytest.skip("Liberation Sans is not installed")
    source = unnamed_glyph_pdf(tmp_path / "symbolic.pdf")
    result, cmap = tagged_without_encoding(source)
    assert b"<05>" not in cmap  # "vsansinv" says nothing: nothing is written
    source_verdict, output_verdict = pdfua_check(result.source, result.output)
    assert "7.21.6-3" in (source_verdict["failed_rules"] or {})  # the test means something
    assert "7.21.6-3" not in (output_verdict["failed_rules"] or {}), output_verdict
