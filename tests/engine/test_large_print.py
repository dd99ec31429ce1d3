"""Large print: every character on every page at the chosen size or larger, page numbers too."""

from __future__ import annotations

import ctypes
import io
import math
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from workers.engine.formats import ConversionOptions, OutputFormat
from workers.engine.pipeline import convert

from .conftest import report_checks, write_pdf

WORDS = "The council will collect garden waste every other week from April to November. "


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_pdf(
        tmp_path_factory.mktemp("large-print") / "source.pdf",
        [["Garden waste", WORDS * 12, "Small print: charges apply."], [WORDS * 3]],
        title="Garden waste collections",
    )


def char_sizes(content: bytes) -> list[tuple[int, str, float]]:
    """(page index, character, size in points) for every visible character, read by pdfium.

    FPDFText_GetFontSize is in text space; WeasyPrint draws in CSS px under a 0.75 CTM, so
    the size on paper is the font size times the vertical scale of the character's matrix.
    """
    found = []
    matrix = pdfium_c.FS_MATRIX()
    pdf = pdfium.PdfDocument(content)
    for index in range(len(pdf)):
        textpage = pdf[index].get_textpage()
        for i in range(textpage.count_chars()):
            char = chr(pdfium_c.FPDFText_GetUnicode(textpage, i))
            if pdfium_c.FPDFText_IsGenerated(textpage, i) or char.isspace():
                continue
            assert pdfium_c.FPDFText_GetMatrix(textpage, i, ctypes.byref(matrix))
            size = pdfium_c.FPDFText_GetFontSize(textpage, i) * math.hypot(matrix.c, matrix.d)
            found.append((index, char, size))
        textpage.close()
    pdf.close()
    return found


def page_texts(content: bytes) -> list[str]:
    pdf = pdfium.PdfDocument(content)
    texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
    pdf.close()
    return texts


@pytest.mark.parametrize("size", [16, 24])
def test_every_character_is_at_least_the_chosen_size(source: Path, size: int) -> None:
    result = convert(source, ConversionOptions(OutputFormat.LARGE_PRINT, size), max_pages=10)
    sizes = char_sizes(result.content)
    assert len(sizes) > 500
    too_small = [(page, char, round(s, 2)) for page, char, s in sizes if s < size - 0.5]
    assert not too_small, too_small[:10]
    # Headings larger than body text (UKAAF), body text at the chosen size, not blown up.
    assert max(s for _, _, s in sizes) >= size * 1.2
    assert min(s for _, _, s in sizes) == pytest.approx(size, abs=0.5)
    check = next(c for c in report_checks(result.report) if c["id"] == "min-font-size")
    assert check["passed"], check


def test_every_page_has_a_page_number(source: Path) -> None:
    result = convert(source, ConversionOptions(OutputFormat.LARGE_PRINT, 24), max_pages=10)
    texts = page_texts(result.content)
    assert len(texts) >= 3  # 24 pt text spreads two source pages over several
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text


def test_source_page_markers_are_labelled_as_original(source: Path) -> None:
    result = convert(source, ConversionOptions(OutputFormat.LARGE_PRINT, 16), max_pages=10)
    text = "".join(page_texts(result.content))
    assert "Original page 1" in text and "Original page 2" in text


def test_a4_portrait_title_language_and_sans_serif(source: Path) -> None:
    result = convert(source, ConversionOptions(OutputFormat.LARGE_PRINT, 20), max_pages=10)
    with pikepdf.open(io.BytesIO(result.content)) as pdf:
        width, height = (float(v) for v in pdf.pages[0].mediabox[2:])
        assert (round(width), round(height)) == (595, 842)
        assert str(pdf.docinfo["/Title"]) == "Garden waste collections"
        assert str(pdf.Root.Lang) == "en-GB"
        fonts = {
            str(font.get("/BaseFont"))
            for page in pdf.pages
            for font in page.Resources.Font.values()
        }
    assert fonts and all("Sans" in name or "Arial" in name or "Arimo" in name for name in fonts), (
        fonts
    )
    assert not any("Oblique" in name or "Italic" in name for name in fonts)


def test_unsupported_size_is_refused() -> None:
    with pytest.raises(ValueError):
        ConversionOptions(OutputFormat.LARGE_PRINT, 12)
