"""The C search for where a page's characters change text object (_object_runs.c) finds what
its Python twin finds, and reading a page's text by MCID reads the same through either."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pytest

from workers.engine.layout.glyphs import Glyph
from workers.engine.tagged_pdf import mcid_text
from workers.engine.tagged_pdf.form_content import _glyphs_by_object
from workers.engine.tagged_pdf.mcid_text import (
    object_changes,
    page_text_by_mcid,
    python_object_changes,
)

runs_c = pytest.importorskip("workers.engine.tagged_pdf._object_runs")


def _source(path: Path) -> Path:
    """Page 1: two text objects in one MCID, a wide gap pdfium reads as a generated space, an
    artifact's text (no MCID: forms are looked into), a form inside a form painted in an MCID
    and text outside any; page 2: one text object over two content streams; page 3: none."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))

    def form(content: bytes, resources: pikepdf.Dictionary) -> pikepdf.Stream:
        made = pdf.make_stream(content)
        made.Type, made.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
        made.BBox = [0, 0, 595, 842]
        made.Resources = resources
        return made

    fonts = pikepdf.Dictionary(F1=font)
    inner = form(b"BT /F1 12 Tf 72 560 Td (Deep inside) Tj ET", pikepdf.Dictionary(Font=fonts))
    outer = form(b"BT /F1 12 Tf 72 600 Td (Inside the form) Tj ET q /Fm1 Do Q",
                 pikepdf.Dictionary(Font=fonts, XObject=pikepdf.Dictionary(Fm1=inner)))
    for _ in range(3):
        pdf.add_blank_page(page_size=(595, 842))
    for page in pdf.pages:
        page.obj.Resources = pikepdf.Dictionary(Font=fonts, XObject=pikepdf.Dictionary(Fm0=outer))
    pdf.pages[0].obj.Contents = pdf.make_stream(
        b"/P << /MCID 0 >> BDC BT /F1 12 Tf 72 760 Td [(Left) -4000 (Right)] TJ ET "
        b"BT /F1 12 Tf 72 740 Td (Second line) Tj ET EMC "
        b"/Artifact BMC BT /F1 9 Tf 72 40 Td (Page 1) Tj ET EMC "
        b"/P << /MCID 1 >> BDC q /Fm0 Do Q EMC BT /F1 12 Tf 72 400 Td (Unmarked) Tj ET"
    )
    pdf.pages[1].obj.Contents = pikepdf.Array([
        pdf.make_stream(b"/P << /MCID 3 >> BDC BT /F1 12 Tf 72 760 Td (One object"),
        pdf.make_stream(b" over two) Tj ET EMC"),
    ])
    pdf.save(path)
    return path


def _text_pages(path: Path) -> Iterator[tuple[int, Any, int, int]]:
    """Each page of ``path``: its index, its text page, the text page's address and its
    character count; each page closed after its turn, the document at the end."""
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                address = ctypes.cast(textpage.raw, ctypes.c_void_p).value or 0
                yield index, textpage, address, pdfium.raw.FPDFText_CountChars(textpage.raw)
            finally:
                textpage.close()
                page.close()
    finally:
        document.close()


def test_object_changes_in_c_are_those_in_python(tmp_path: Path) -> None:
    for index, _, address, count in _text_pages(_source(tmp_path / "runs.pdf")):
        expected = python_object_changes(address, count)
        assert object_changes(address, count) == expected
        starts, objects = expected
        assert len(starts) == len(objects) <= count
        assert (index == 2) == (not starts)  # the empty page has no characters
        # A prefix of the characters has the prefix of the changes.
        assert object_changes(address, count // 2) == python_object_changes(
            address, count // 2)


def test_text_by_mcid_reads_the_same_without_the_extension(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = pdfium.PdfDocument(str(_source(tmp_path / "runs.pdf")))
    try:
        with_c = [page_text_by_mcid(document, i) for i in range(len(document))]
        monkeypatch.setattr(mcid_text, "_runs", None)
        assert [page_text_by_mcid(document, i) for i in range(len(document))] == with_c
    finally:
        document.close()
    first = {mcid: "".join(runs) for mcid, runs in with_c[0].items()}
    assert first[0].split() == ["Left", "Right", "Second", "line"]
    assert first[1] == "Inside the formDeep inside"  # a form in a form takes the page's MCID
    assert "Unmarked" not in "".join(first.values())
    assert "".join(with_c[1][3]) == "One object over two"
    assert with_c[2] == {}


def _glyphs_char_by_char(textpage: pdfium.PdfTextPage, wanted: set[int]) -> dict[int, list[Glyph]]:
    """What :func:`form_content._glyphs_by_object` reads, asked character by character (the
    text object of every character of the page)."""
    raw = textpage.raw
    out: dict[int, list[Glyph]] = {}
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for i in range(pdfium.raw.FPDFText_CountChars(raw)):
        address = ctypes.cast(pdfium.raw.FPDFText_GetTextObject(raw, i), ctypes.c_void_p).value
        if address not in wanted or not pdfium.raw.FPDFText_GetCharBox(
                raw, i, left, right, bottom, top):
            continue
        out.setdefault(address, []).append(Glyph(
            chr(pdfium.raw.FPDFText_GetUnicode(raw, i)), left.value, bottom.value, right.value,
            top.value, 0.0, False, "", -1, -1,
            generated=pdfium.raw.FPDFText_IsGenerated(raw, i) == 1))
    return out


def test_a_forms_glyphs_are_read_by_object_runs_as_char_by_char(tmp_path: Path) -> None:
    """The tagger reads the glyphs of chosen text objects (those inside a form) from the runs
    of characters each object draws: the same glyphs, in the same order, as asking every
    character of the page for its object."""
    for index, textpage, address, count in _text_pages(_source(tmp_path / "runs.pdf")):
        objects = set(python_object_changes(address, count)[1]) - {0}
        # Every object, none, and every other one (in the page's order).
        for wanted in (objects, set(), set(sorted(objects)[::2])):
            read = _glyphs_by_object(textpage, wanted)
            expected = _glyphs_char_by_char(textpage, wanted)
            assert read == expected
            assert list(read) == list(expected)
            assert (index != 2 and bool(wanted)) == bool(read)
