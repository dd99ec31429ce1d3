"""The text-pattern memos last one document: emptied once it is read (see
workers/engine/layout/patterns.py, forget_texts), so a long-running process starts each
document as a fresh one does; what the document reads is the same either way."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.layout import patterns, reader

from ..content_pdfs import text_page_pdf

MEMOS = (patterns.starts_item, patterns.is_marker, patterns.title_key)


def _list_page(tmp_path: Path) -> Path:
    lines = [b"BT /F1 18 Tf 72 760 Td (Contents of the list) Tj ET"]
    lines += [f"BT /F1 12 Tf 72 {720 - 20 * k} Td ({k + 1}. Item number {k + 1}) Tj ET".encode()
              for k in range(4)]
    return text_page_pdf(tmp_path / "list.pdf", lines)


def test_the_memos_are_empty_once_a_document_is_read(tmp_path: Path) -> None:
    path = _list_page(tmp_path)
    patterns.title_key("left over from another document")
    assert patterns.title_key.cache_info().currsize > 0
    first = reader.read_layout(path, max_pages=10)
    assert [m.cache_info().currsize for m in MEMOS] == [0, 0, 0]
    assert reader.read_layout(path, max_pages=10).to_json() == first.to_json()


def test_the_memos_are_emptied_when_the_reading_fails(tmp_path: Path) -> None:
    patterns.starts_item("1. left over")
    with pytest.raises(Exception):  # noqa: B017,PT011 - any failure to open will do
        reader.read_layout(tmp_path / "absent.pdf", max_pages=10)
    assert patterns.starts_item.cache_info().currsize == 0
