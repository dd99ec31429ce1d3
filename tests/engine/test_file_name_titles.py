"""A metadata title that only names a file is no title: the outputs take the first heading."""

from __future__ import annotations

import io

import pikepdf
import pytest

from workers.engine.formats import ConversionOptions, OutputFormat
from workers.engine.pipeline import convert
from workers.engine.titles import names_a_file, real_title

from .conftest import MakePdf


@pytest.mark.parametrize(
    "title",
    [
        "constitution_pdf2",
        "905_Precinct_NoOU",
        "odf_presentation.odp",
        "ETaurus - Premium - Gruppo Acapulco.xlsm",
        "Microsoft Word - SPECIAL BOARD AGENDA 040616.doc",
        "SoriaComas_iDP-R2_rev.pdf",
        "IBM-PDFs.graffle",
    ],
)
def test_file_names_are_no_titles(title: str) -> None:
    assert names_a_file(title)
    assert real_title(title) is None


@pytest.mark.parametrize(
    "title",
    [
        "Geometrie und Topologie",
        "GAO-23-106826, Cybersecurity: Launching the National Strategy",
        "DD Form 293",
        "PDF.js - Wikipedia",
        "Walden",
        "Use of the __init__ method",
    ],
)
def test_titles_are_kept(title: str) -> None:
    assert not names_a_file(title)
    assert real_title(f"  {title} ") == title


def test_html_and_tagged_pdf_take_the_first_heading_for_a_file_name(make_pdf: MakePdf) -> None:
    source = make_pdf([["Parking permits", "Apply online for a permit."]],
                      title="parking_permits_v2")
    html = convert(source, ConversionOptions(OutputFormat.HTML), max_pages=10).content.decode()
    assert "<title>Parking permits</title>" in html
    assert "parking_permits_v2" not in html
    tagged = convert(source, ConversionOptions(OutputFormat.TAGGED_PDF), max_pages=10).content
    with pikepdf.open(io.BytesIO(tagged)) as pdf:
        assert str(pdf.docinfo["/Title"]) == "Parking permits"
        with pdf.open_metadata() as xmp:
            assert xmp["dc:title"] == "Parking permits"


def test_a_real_title_is_kept(make_pdf: MakePdf) -> None:
    source = make_pdf([["Parking permits", "Apply online for a permit."]],
                      title="Residents' parking")
    html = convert(source, ConversionOptions(OutputFormat.HTML), max_pages=10).content.decode()
    assert "<title>Residents&#39; parking</title>" in html or (
        "<title>Residents' parking</title>" in html
    )
