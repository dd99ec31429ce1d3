"""entry_of answers as pikepdf's get does, for dictionaries and streams, found or missing."""

from __future__ import annotations

import pikepdf
import pytest

from workers.engine.pdf_entries import entry_of


@pytest.fixture
def pdf() -> pikepdf.Pdf:
    return pikepdf.new()


def test_found_missing_and_default_as_get(pdf: pikepdf.Pdf) -> None:
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, FirstChar=32, Widths=pikepdf.Array([500, 600])))
    for key in ("/Type", "/FirstChar", "/Widths", "/Subtype", "/Encoding"):
        assert entry_of(font, key) == font.get(key)
        assert entry_of(font, key, 0) == font.get(key, 0)
    assert entry_of(font, "/FirstChar") == 32  # a number comes back as Python's, as get's
    assert entry_of(font, "/Subtype") is None
    default = pikepdf.Dictionary()
    assert entry_of(font, "/Resources", default) is default


def test_null_value_is_missing(pdf: pikepdf.Pdf) -> None:
    # qpdf reads a key whose value is null as absent: get gives the default, so must entry_of.
    annot = pdf.make_indirect(pikepdf.Object.parse(b"<< /Subtype /Link /Contents null >>"))
    assert annot.get("/Contents", "none") == "none"
    assert entry_of(annot, "/Contents", "none") == "none"
    assert entry_of(annot, "/Subtype") == pikepdf.Name.Link


def test_stream_entries_are_its_dictionary(pdf: pikepdf.Pdf) -> None:
    form = pdf.make_stream(b"0 0 m 1 1 l S", Subtype=pikepdf.Name.Form)
    assert entry_of(form, "/Subtype") == pikepdf.Name.Form == form.get("/Subtype")
    assert entry_of(form, "/Resources") is None
