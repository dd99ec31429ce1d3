"""The cycle collector during layout analysis: paused for the whole document, and run early
only after a page that failed (see workers/engine/layout/gcpause.py)."""

from __future__ import annotations

import gc
from pathlib import Path

import pikepdf
import pytest

from workers.engine.layout import reader

from ..content_pdfs import text_page_pdf


def _pages(tmp_path: Path, count: int) -> Path:
    one = text_page_pdf(tmp_path / "one.pdf", [b"BT /F1 12 Tf 72 700 Td (A line of text) Tj ET"])
    with pikepdf.open(one) as src, pikepdf.new() as out:
        for _ in range(count):
            out.pages.append(src.pages[0])
        path = tmp_path / "pages.pdf"
        out.save(path)
    return path


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    original = reader.collect_young

    def counted() -> None:
        calls.append(1)
        original()

    monkeypatch.setattr(reader, "collect_young", counted)
    return calls


def test_pages_read_to_the_end_collect_nothing_until_the_document_ends(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting(monkeypatch)
    enabled = gc.isenabled()
    doc = reader.read_layout(_pages(tmp_path, 3), max_pages=10)
    assert len(doc.pages) == 3
    assert not calls
    assert gc.isenabled() == enabled  # (the collector runs again as it did before)


def test_a_page_that_fails_is_collected_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _counting(monkeypatch)
    analyse = reader._analyse_page

    def failing(fitz, pk, index, *args):  # type: ignore[no-untyped-def]
        if index == 1:
            raise ValueError("broken page")
        return analyse(fitz, pk, index, *args)

    monkeypatch.setattr(reader, "_analyse_page", failing)
    doc = reader.read_layout(_pages(tmp_path, 3), max_pages=10)
    assert [w.page for w in doc.warnings if w.code == "page-unreadable"] == [1]
    assert len(calls) == 1
