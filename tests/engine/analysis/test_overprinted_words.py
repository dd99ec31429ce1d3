"""Words drawn twice on themselves (a diagram's labels over their own shadows) are read once
(:func:`workers.engine.layout.lines._overprinted`); the same words drawn apart are read
twice. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import labels_drawn_twice


def _words(path: Path) -> list[str]:
    doc = read_layout(path, max_pages=5)
    return " ".join(block_text(b) for b in doc.blocks).split()


def test_labels_drawn_twice_in_one_place_are_read_once(tmp_path: Path) -> None:
    words = _words(labels_drawn_twice(tmp_path / "labels.pdf"))
    assert words.count("Pituitary") == 1
    assert words.count("Estrogen") == 1


def test_the_same_words_drawn_apart_are_read_twice(tmp_path: Path) -> None:
    words = _words(labels_drawn_twice(tmp_path / "apart.pdf", shift=80.0))
    assert words.count("Pituitary") == 2
