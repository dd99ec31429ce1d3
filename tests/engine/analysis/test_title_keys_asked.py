"""Classification works out a block's title key (its words in lower case, :func:`.patterns.
title_key`) only where there is something to look it up in: the document's bookmarks, the
pages they lead to, or titles printed again and again. A paragraph's whole text is read for
its key; a document without any of these (most) reads none, and its headings are the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.document import Heading, Paragraph
from workers.engine.layout import classify
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import BODY, helvetica_page


def _page(tmp_path: Path) -> Path:
    ops = ["BT /F2 18 Tf 72 700 Td (Keeping the score) Tj ET"]
    ops += [f"BT /F1 11 Tf 72 {670 - 14 * k} Td ({BODY[k % 2]}) Tj ET" for k in range(8)]
    return helvetica_page(tmp_path / "page.pdf", ops)


def test_a_document_without_bookmarks_or_repeated_titles_keys_no_paragraph(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyed: list[str] = []
    real = classify.title_key

    def recorded(text: str) -> str:
        keyed.append(text)
        return real(text)

    monkeypatch.setattr(classify, "title_key", recorded)
    doc = read_layout(_page(tmp_path), max_pages=10)
    assert [(type(b), getattr(b, "level", None)) for b in doc.blocks] == [
        (Heading, 1), (Paragraph, None)
    ]
    assert not [text for text in keyed if text.startswith(BODY[0][:20])]
