"""Lines set apart in bold that name no section: a form's margin label of its rows' size set
off their baseline is a block of its own (:func:`workers.engine.layout.reader._label_beside`);
the label at the top of a box left blank to be filled in ("DATE STAMP") is a form's label
(:mod:`workers.engine.layout.box_labels`); a long question in the body's size is asked in the
text (:func:`workers.engine.layout.classify._long_question`). Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, block_text
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page, prose_ops


def _texts(path: Path) -> list[str]:
    return [block_text(b) for b in read_layout(path, max_pages=1).blocks]


def _headings(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Heading)]


def _label_row(raise_by: float) -> list[str]:
    return [
        f"BT /F2 8 Tf 36 {600 + raise_by} Td (Age/Blindness) Tj ET",
        "BT /F2 8 Tf 104 600 Td (You:) Tj ET",
        "BT /F1 8 Tf 140 600 Td (Were born before January 2, 1955) Tj ET",
    ]


def test_a_label_of_the_rows_size_set_off_its_baseline_is_a_block_of_its_own(
    tmp_path: Path,
) -> None:
    texts = _texts(helvetica_page(tmp_path / "raised.pdf", _label_row(2.0)))
    assert "Age/Blindness" in texts
    assert not any(t.startswith("Age/Blindness You") for t in texts)


def test_a_label_on_its_rows_baseline_stays_with_it(tmp_path: Path) -> None:
    texts = _texts(helvetica_page(tmp_path / "level.pdf", _label_row(0.0)))
    assert any(t.startswith("Age/Blindness You") for t in texts)


def _boxed(filled: bool) -> list[str]:
    """A box drawn at the top right (rules round it), its label at its top; below, prose."""
    ops = [
        "2 w 440 760 m 580 760 l S", "2 w 440 640 m 580 640 l S",
        "2 w 440 760 m 440 640 l S", "2 w 580 760 m 580 640 l S",
        "BT /F2 12 Tf 470 744 Td (DATE STAMP) Tj ET",
        *prose_ops(600, 6), *prose_ops(500, 6),
        "BT /F2 12 Tf 72 520 Td (Eligibility) Tj ET",
    ]
    if filled:
        ops += prose_ops(728, 6, x=446, size=7.0)
    return ops


def test_the_label_of_an_empty_box_is_no_heading(tmp_path: Path) -> None:
    path = helvetica_page(tmp_path / "empty.pdf", _boxed(filled=False))
    headings = _headings(path)
    assert "Eligibility" in headings
    assert "DATE STAMP" not in headings


def test_the_title_of_a_box_of_text_is_read_as_before(tmp_path: Path) -> None:
    headings = _headings(helvetica_page(tmp_path / "filled.pdf", _boxed(filled=True)))
    assert "DATE STAMP" in headings


QUESTION = ("Does the vision proposed in the plan still reflect your priorities and your "
            "aspirations for the years to come?")


def _asked(question: str) -> list[str]:
    return [*prose_ops(700, 6), "BT /F2 10 Tf 72 610 Td (Overview) Tj ET", *prose_ops(590, 6),
            f"BT /F2 10 Tf 72 500 Td ({question}) Tj ET", *prose_ops(480, 6)]


def test_a_long_question_in_the_body_size_is_no_heading(tmp_path: Path) -> None:
    headings = _headings(helvetica_page(tmp_path / "long.pdf", _asked(QUESTION)))
    assert "Overview" in headings
    assert QUESTION not in headings


def test_a_short_question_in_bold_is_a_heading(tmp_path: Path) -> None:
    headings = _headings(helvetica_page(tmp_path / "short.pdf", _asked("How do I apply?")))
    assert "How do I apply?" in headings
