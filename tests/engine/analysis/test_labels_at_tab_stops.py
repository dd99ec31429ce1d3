"""A list's bullet or number set alone at the margin, its text at a tab stop half an inch on
(a word processor's hanging indent), labels that text: the gap past a lone marker may be
wider than the two line heights that part a line's other pieces (reader.MARKER_STEP), in
the Python loop and in the C one alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page

ITEMS = [
    ("Over time, there has been a continued decline in the number of retail food",
     "outlets in most, if not all, member states."),
    ("The two sources from which the numbers are derived are clearly incompatible,",
     "and care must be taken in using them."),
    ("In general, the larger member states tend to have more retail outlets, but",
     "the number of inhabitants per outlet varies widely."),
]


def _page(path: Path, labels: list[str]) -> Path:
    ops = ["BT /F1 10 Tf 72 720 Td (The retail sector across the member states, seen "
           "from the sources at hand:) Tj ET"]
    y = 696
    for label, (first, second) in zip(labels, ITEMS, strict=True):
        ops.append(f"BT /F1 10 Tf 72 {y} Td ({label}) Tj ET")
        ops.append(f"BT /F1 10 Tf 108 {y} Td ({first}) Tj ET")
        ops.append(f"BT /F1 10 Tf 108 {y - 12} Td ({second}) Tj ET")
        y -= 30
    return helvetica_page(path, ops)


def _items(path: Path) -> list[tuple[str, str]]:
    doc = read_layout(path, max_pages=1)
    return [
        (item.label, " ".join(b.text for b in item.blocks if isinstance(b, Paragraph)))
        for block in doc.blocks if isinstance(block, ListBlock) for item in block.items
    ]


@pytest.mark.parametrize("labels", [["\\225"] * 3, ["1.", "2.", "3."]])
def test_a_lone_label_half_an_inch_before_its_text_labels_it(
    tmp_path: Path, block_loop: str, labels: list[str]
) -> None:
    items = _items(_page(tmp_path / "tabbed.pdf", labels))
    assert [text for _, text in items] == [f"{a} {b}" for a, b in ITEMS]
    assert [label for label, _ in items] == (
        ["\u2022"] * 3 if labels[0] == "\\225" else ["1.", "2.", "3."]
    )


def test_a_dash_or_a_mark_before_a_letter_is_no_label_past_a_tab(
    tmp_path: Path, block_loop: str
) -> None:
    # (A dash standing for nothing in a column of figures; a dot marking a right angle
    # before a side's letter in a drawing.)
    ops = [
        "BT /F1 10 Tf 72 700 Td (-) Tj ET",
        "BT /F1 10 Tf 108 700 Td (0.93x 2.20x 4.19x 3.05x) Tj ET",
        "BT /F1 10 Tf 72 640 Td (\\267) Tj ET",
        "BT /F1 10 Tf 108 640 Td (a) Tj ET",
    ]
    doc = read_layout(helvetica_page(tmp_path / "marks.pdf", ops), max_pages=1)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "0.93x 2.20x 4.19x 3.05x" in texts
