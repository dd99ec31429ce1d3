"""A brace drawn as tall as the lines it groups (a form's "{" beside the kinds of relative a
list names, a "}" before a note on them) stands beside those lines, on none: each line is
read on its own, top down, and the brace is decoration
(:data:`workers.engine.layout.lines.SPANS_LINES`,
:func:`workers.engine.layout.reader._braces_apart`). Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from workers.engine.document import ListBlock, block_text
from workers.engine.layout import lines
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page

ITEMS = ["the spouse of the insured", "a partner living with the insured",
         "a parent or a grandparent", "a child or a grandchild", "a brother or a sister"]
NOTE = ["(they must live under", "the same roof as the", "insured person, who", "keeps them)"]


def _page(tmp_path: Path) -> Path:
    ops = ["BT /F2 14 Tf 72 720 Td (People who may be attached:) Tj ET"]
    # The content order of such forms: the brace, then the first line's words beside it.
    ops.append("BT /F1 90 Tf 72 620 Td ({) Tj ET")
    for k, item in enumerate(ITEMS):
        ops.append(f"BT /F1 10 Tf 108 {690 - 13 * k} Td (\\225 {item}) Tj ET")
    ops.append("BT /F1 72 Tf 300 632 Td (}) Tj ET")
    for k, line in enumerate(reversed(NOTE)):
        escaped = line.replace("(", "\\(").replace(")", "\\)")
        ops.append(f"BT /F1 9 Tf 330 {652 + 10 * k} Td ({escaped}) Tj ET")
    ops += [f"BT /F1 10 Tf 72 {560 - 13 * k} Td (Some text under the list, set in the body "
            f"face, runs on as text does.) Tj ET" for k in range(4)]
    return helvetica_page(tmp_path / "braces.pdf", ops)


def test_lines_beside_a_tall_brace_are_read_one_by_one(tmp_path: Path) -> None:
    doc = read_layout(_page(tmp_path), max_pages=1)
    (items,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [block_text(i.blocks[0]) for i in items.items] == ITEMS
    # (The note, after the lines it is set beside, top down.)
    text = " ".join(block_text(b) for b in doc.blocks)
    assert " ".join(NOTE) in text and "{" not in text and "}" not in text
    assert sorted(a.text for a in doc.artifacts if a.kind == "decoration") == ["{", "}"]


def test_c_and_python_set_a_brace_apart_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    pdf = pdfium.PdfDocument(str(_page(tmp_path)))
    try:
        page_glyphs = read_page(pdf, 0).glyphs
    finally:
        pdf.close()
    fast = lines.fragments(page_glyphs)
    monkeypatch.setattr(lines, "_accelerator", None)
    slow = lines.fragments(page_glyphs)
    assert [(f.text, [id(g) for g in f.glyphs]) for f in fast] == [
        (f.text, [id(g) for g in f.glyphs]) for f in slow
    ]
    assert "{" in [f.text for f in slow] and "}" in [f.text for f in slow]
