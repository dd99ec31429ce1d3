"""analyse() parses the file once: validation, the structure check and the reader share one
pikepdf open, and validation leaves that open file as a fresh open would read it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pikepdf
import pytest

from workers.engine.analyse import analyse
from workers.engine.layout.reader import read_layout
from workers.engine.source import open_checked, open_source

from .conftest import MakePdf


def _xmp_titled(path: Path) -> Path:
    """The file with a title in its XMP metadata alone (none in the information dictionary),
    the case where validation reads the XMP."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as xmp:
            xmp["dc:title"] = "Title from XMP"
        if "/Title" in pdf.docinfo:
            del pdf.docinfo["/Title"]
        pdf.save(path)
    return path


@pytest.mark.parametrize("tagged", [False, True])
def test_analyse_opens_the_file_once(
    make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch, tagged: bool
) -> None:
    path = make_pdf([["A heading"], ["Some text on the second page."]])
    if tagged:  # (a tree that tags nothing: the structure reader falls back to the layout)
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            pdf.Root.StructTreeRoot = pdf.make_indirect(
                pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot)
            )
            pdf.save(path)
    opened: list[object] = []
    real_open = pikepdf.open

    def counted(*args: Any, **kwargs: Any) -> pikepdf.Pdf:
        opened.append(args[0])
        return real_open(*args, **kwargs)

    expected = read_layout(path, max_pages=10).to_json() if not tagged else None
    monkeypatch.setattr(pikepdf, "open", counted)
    doc = analyse(path, max_pages=10)
    assert len(opened) == 1
    if expected is not None:
        assert doc.to_json() == expected


def test_validation_leaves_the_open_file_as_it_was(make_pdf: MakePdf) -> None:
    path = _xmp_titled(make_pdf([["Some text"]]))
    with pikepdf.open(path) as fresh:
        metadata = bytes(fresh.Root.Metadata.read_bytes())
    assert open_source(path, max_pages=10).title == "Title from XMP"
    pdf, info = open_checked(path, max_pages=10)
    try:
        assert info.title == "Title from XMP"
        # (Opening the metadata for editing would have written it back, pikepdf's marks in
        # it, and synced the information dictionary's title from it.)
        assert bytes(pdf.Root.Metadata.read_bytes()) == metadata
        assert "/Title" not in pdf.docinfo
    finally:
        pdf.close()
    # The model reads what a fresh open reads: the reader's title is not the XMP's.
    assert analyse(path, max_pages=10).to_json() == read_layout(path, max_pages=10).to_json()
