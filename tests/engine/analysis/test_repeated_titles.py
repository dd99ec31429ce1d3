"""A page title said again by the heading under it (:mod:`workers.engine.layout.repeated_titles`)
is read as a paragraph, the heading standing in for it; a heading set on two lines that the
title runs together is one heading. And a label set at the text's size over a run of
contents entries (:mod:`workers.engine.layout.contents_labels`) is no heading. Small PDFs
drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page, prose_ops


def _sections(top: float, names: tuple[str, ...]) -> list[str]:
    ops: list[str] = []
    for name in names:
        ops += [f"BT /F2 14 Tf 72 {top} Td ({name}) Tj ET", *prose_ops(top - 22, 4)]
        top -= 90
    return ops


def _levels(path: Path) -> dict[str, int]:
    return {
        b.text: b.level for b in read_layout(path, max_pages=1).blocks
        if isinstance(b, Heading)
    }


def test_a_title_the_heading_under_it_repeats_is_no_second_title(tmp_path: Path) -> None:
    ops = [
        "BT /F1 24 Tf 100 730 Td (Widget: a small test tool) Tj ET",
        "BT /F2 20 Tf 72 690 Td (1 Widget: a small test tool) Tj ET",
        *prose_ops(665, 3),
        *_sections(600, ("Overview", "Running Widget", "Output")),
    ]
    levels = _levels(helvetica_page(tmp_path / "title.pdf", ops))
    assert "Widget: a small test tool" not in levels
    assert levels["1 Widget: a small test tool"] == 1
    assert levels["Overview"] == levels["Output"] == 2


def test_a_heading_on_two_lines_the_title_runs_together_is_one(tmp_path: Path) -> None:
    ops = [
        "BT /F1 22 Tf 72 730 Td (Widget 3 Release Series - Changes and Fixes - Example) Tj ET",
        "BT /F2 14 Tf 72 690 Td (Widget 3 Release Series) Tj ET",
        "BT /F2 14 Tf 72 672 Td (Changes and Fixes) Tj ET",
        *prose_ops(648, 3),
        *_sections(590, ("Caveats", "General Improvements", "Languages")),
    ]
    levels = _levels(helvetica_page(tmp_path / "two.pdf", ops))
    assert levels.get("Widget 3 Release Series Changes and Fixes") == 1
    assert "Changes and Fixes" not in levels
    assert levels["Caveats"] == levels["Languages"] == 2


def test_a_label_over_contents_entries_is_no_heading(tmp_path: Path) -> None:
    ops = [
        "BT /F2 24 Tf 72 730 Td (Widget manual) Tj ET",
        "BT /F2 10 Tf 72 700 Td (Table of Contents) Tj ET",
        "BT /F1 10 Tf 72 686 Td (1. Overview) Tj ET",
        "BT /F1 10 Tf 72 672 Td (2. Running Widget) Tj ET",
        "BT /F1 10 Tf 72 658 Td (3. Output) Tj ET",
        *prose_ops(636, 2),
        *_sections(590, ("1. Overview", "2. Running Widget", "3. Output")),
    ]
    levels = _levels(helvetica_page(tmp_path / "toc.pdf", ops))
    assert "Table of Contents" not in levels
    assert "2. Running Widget" in levels
