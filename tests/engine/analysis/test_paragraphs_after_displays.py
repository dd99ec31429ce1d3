"""A paragraph that opens under a display formula, its first line indented as the column's
paragraphs are, is a paragraph of its own (ieee-paper-differential-privacy: a proof with a
display formula took the "Let D' ..." paragraph under it into itself). Two ways a formula
hid the break: a fraction or a tall delimiter makes the formula's line tall, and an indent
measured in that line's height looked too small for a first line's; and a formula set
centred on a line of its own, one block of one line, showed no right edge for the next
line to start out from. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.document import block_text
from workers.engine.layout import reader
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page

LEFT, INDENT, SIZE, LEADING = 72.0, 84.0, 10.0, 12.0


def _line(x: float, y: float, text: str) -> str:
    return f"BT /F1 {SIZE} Tf {x} {y} Td ({text}) Tj ET"


def _tall_formula(y: float) -> str:
    """A formula line from the column's edge to its right edge, ending in a full stop, its
    brackets drawn at 26 points (as a fraction's are, over its numerator and denominator)."""
    big = "/F1 26 Tf -6 Ts (\\() Tj /F1 10 Tf 0 Ts"
    close = "/F1 26 Tf -6 Ts (\\)) Tj /F1 10 Tf 0 Ts"
    return (
        f"BT /F1 10 Tf {LEFT} {y} Td (exp ) Tj {big} ( - a - b / beta ) Tj {close} "
        f"( <= Pr\\(z + N = s\\) <= exp ) Tj {big} ( a - b / beta ) Tj {close} (.) Tj ET"
    )


def _texts(tmp_path: Path, ops: list[str]) -> list[str]:
    doc = read_layout(helvetica_page(tmp_path / "page.pdf", ops), max_pages=1)
    return [block_text(b) for b in doc.blocks]


def test_an_indented_line_under_a_tall_formula_line_opens_a_paragraph(tmp_path: Path) -> None:
    texts = _texts(tmp_path, [
        _line(INDENT, 700, "Proof. If N is a vector of independent noise variables, we know"),
        _line(LEFT, 688, "that for all values s taken by the noise the two bounds hold:"),
        _tall_formula(670),
        _line(INDENT, 652, "Let D be a data set that differs from D in one record. By taking"),
        _line(LEFT, 640, "z and the bound above we get the result that was to be shown."),
    ])
    let = next(t for t in texts if "Let D" in t)
    assert let.startswith("Let D be a data set")
    assert let.endswith("that was to be shown.")
    assert not any(t.startswith("Proof.") and "Let D" in t for t in texts)


def test_a_centred_formula_closing_a_sentence_ends_its_paragraph(tmp_path: Path) -> None:
    texts = _texts(tmp_path, [
        _line(INDENT, 700, "A mechanism gives differential privacy if for all data sets D1"),
        _line(LEFT, 688, "and D2 that differ in one record and all sets S, we have"),
        # (Set apart from the line above, as a display is, close over the line under it.)
        _line(LEFT + 70, 668, "Pr(K(D1) in S) <= exp(e) Pr(K(D2) in S)."),
        _line(INDENT, 655, "Let D be the data set that is to be protected. Given a query f,"),
        _line(LEFT, 643, "the goal is to find an approximation to f that satisfies it."),
    ])
    let = next(t for t in texts if "Let D" in t)
    assert let.startswith("Let D be the data set")
    assert any(t.endswith("Pr(K(D2) in S).") for t in texts)


def test_a_centred_formula_going_on_in_the_line_under_it_stays_with_it(tmp_path: Path) -> None:
    # A formula ending with no full stop is read on into the line under it, as before.
    texts = _texts(tmp_path, [
        _line(INDENT, 700, "A mechanism gives differential privacy if for all data sets D1"),
        _line(LEFT, 688, "and D2 that differ in one record and all sets S, we have"),
        _line(LEFT + 70, 668, "Pr(K(D1) in S) <= exp(e) Pr(K(D2) in S),"),
        _line(INDENT, 655, "where D is the data set that is to be protected. Given a query f,"),
        _line(LEFT, 643, "the goal is to find an approximation to f that satisfies it."),
    ])
    assert any("in S), where D is the data set" in t for t in texts)


def test_the_c_block_loop_reads_these_pages_as_python_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = [
        [_line(INDENT, 700, "Proof. If N is a vector of independent noise variables, we know"),
         _line(LEFT, 688, "that for all values s taken by the noise the two bounds hold:"),
         _tall_formula(670),
         _line(INDENT, 652, "Let D be a data set that differs from D in one record. By taking"),
         _line(LEFT, 640, "z and the bound above we get the result that was to be shown.")],
        [_line(INDENT, 700, "A mechanism gives differential privacy if for all data sets D1"),
         _line(LEFT, 688, "and D2 that differ in one record and all sets S, we have"),
         _line(LEFT + 70, 668, "Pr(K(D1) in S) <= exp(e) Pr(K(D2) in S)."),
         _line(INDENT, 655, "Let D be the data set that is to be protected. Given a query f,"),
         _line(LEFT, 643, "the goal is to find an approximation to f that satisfies it.")],
    ]
    in_c = [_texts(tmp_path, ops) for ops in pages]
    monkeypatch.setattr(reader, "_blocks_accelerator", None)
    assert [_texts(tmp_path, ops) for ops in pages] == in_c
