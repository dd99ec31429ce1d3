"""A form's section labels in its left margin ("Refund", "Amount You Owe"), bold and larger
than the rows beside them, are blocks of their own, not the first words of the row they stand
level with (:func:`workers.engine.layout.reader._label_beside`); a rule drawn between two
lines ends a block (:class:`workers.engine.layout.reader._HorizontalRules`). Small PDFs drawn
here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page

ROWS = [
    "20 If line 19 is more than line 16, subtract line 16 from line 19 . . . . . .",
    "21 Amount of line 20 you want refunded to you. If Form 8888 is attached . . .",
    "22 Amount of line 20 you want applied to your 2020 estimated tax . . . . . .",
    "23 Amount you owe. Subtract line 19 from line 16. For details see instructions",
    "24 Estimated tax penalty (see instructions) . . . . . . . . . . . . . . . .",
]


def _rows(top: float = 700.0, x: float = 100.0) -> list[str]:
    return [f"BT /F1 8 Tf {x} {top - 12 * k} Td ({row}) Tj ET" for k, row in enumerate(ROWS)]


def _texts(path: Path) -> list[str]:
    return [block_text(b) for b in read_layout(path, max_pages=1).blocks]


def test_a_larger_bold_margin_label_is_not_read_into_its_row(tmp_path: Path) -> None:
    path = helvetica_page(
        tmp_path / "label.pdf", ["BT /F2 12 Tf 36 698 Td (Refund) Tj ET", *_rows()]
    )
    texts = _texts(path)
    assert "Refund" in texts
    assert not any(t.startswith("Refund 20") for t in texts)


def test_a_label_of_the_rows_size_stays_with_its_row(tmp_path: Path) -> None:
    # Control: a bold label of the rows' own size, as close to its row, is read into it.
    path = helvetica_page(
        tmp_path / "same.pdf", ["BT /F2 8 Tf 36 700 Td (Refund) Tj ET", *_rows(x=75.0)]
    )
    assert any(t.startswith("Refund 20") for t in _texts(path))


def _two_labels(rule: bool) -> list[str]:
    ops = [
        "BT /F2 12 Tf 36 652 Td (Amount) Tj ET", "BT /F2 12 Tf 36 642 Td (You Owe) Tj ET",
        "BT /F2 12 Tf 36 626 Td (Third Party) Tj ET", "BT /F2 12 Tf 36 616 Td (Designee) Tj ET",
        *_rows(),
    ]
    if rule:
        ops.append("0.5 w 35 638.4 m 570 638.4 l S")
    return ops


def test_a_rule_between_two_labels_sets_them_apart(tmp_path: Path) -> None:
    texts = _texts(helvetica_page(tmp_path / "ruled.pdf", _two_labels(rule=True)))
    assert "Amount You Owe" in texts
    assert "Third Party Designee" in texts


def test_labels_close_together_without_a_rule_are_one_block(tmp_path: Path) -> None:
    # Control: without the rule the four lines read as one block, as they did.
    texts = _texts(helvetica_page(tmp_path / "plain.pdf", _two_labels(rule=False)))
    assert "Amount You Owe Third Party Designee" in texts
