"""Two lines of one column that a line group holds together only through a line of another
column, set at another leading, are not merged into one piece: a column of labels ("1.2:",
"1.3:") beside its text would read interleaved ("1.2: 1.3: Scale… Integrate…", gao's
strategy pillars). A formula's parts grouped by its own pieces (a fraction's numerator and
denominator, with the terms beside them) stay one piece of one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.document import block_text
from workers.engine.layout import lines as lines_module
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .conftest import first_page_lines, first_page_pieces

#: The body column: 10 pt lines 12 pt apart.
BODY = [
    "Federal agencies and the nation's critical", "infrastructure depend on technology",
    "systems to carry out fundamental operations", "and to process and report vital",
    "information. However, malicious actors are", "becoming more capable of carrying out",
    "attacks, threatening the continuity and", "integrity of these essential systems.",
]
#: The items beside it, 8 pt lines 9.5 pt apart (the first wraps): label, then text.
ITEMS = [
    ("1.1:", ["Establish cybersecurity requirements to", "support national security"]),
    ("1.2:", ["Scale public-private collaboration"]),
    ("1.3:", ["Integrate federal cybersecurity centers"]),
    ("1.4:", ["Update federal incident response plans"]),
    ("1.5:", ["Modernize federal defenses"]),
]


def _show(x: float, y: float, size: float, text: str) -> bytes:
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET".encode()


def _labelled_items(path: Path, text_x: float = 339, labels_first: bool = False) -> Path:
    """BODY on the left; on the right ITEMS, each label in a column of its own and its text
    in another starting at ``text_x`` (339: past a fragment gap from the labels), every
    piece one text object, as a layout program draws a tabbed list (``labels_first``: all
    the labels, then all the texts, as it draws a frame of labels beside a frame of text)."""
    body = [_show(72, 700 - 12 * k, 10, t) for k, t in enumerate(BODY)]
    labels, texts = [], []
    y = 700.0
    for label, item in ITEMS:
        labels.append(_show(320, y, 8, label))
        for text in item:
            texts.append(_show(text_x, y, 8, text))
            y -= 9.5
    if labels_first:
        return text_page_pdf(path, body + labels + texts)
    ops = body + [op for label, text in zip(labels, texts, strict=False) for op in (label, text)]
    return text_page_pdf(path, ops + texts[len(labels):])


#: The two ways of drawing ITEMS: tabbed past a fragment gap, label and text in turn; and a
#: frame of labels beside a frame of texts closer than a fragment gap (pieces of one line
#: that lines() merges, but only within each line).
LAYOUTS = [(339, False), (336, True)]


def test_the_page_is_one_whose_lines_chain_across_the_columns(tmp_path: Path) -> None:
    # The premise: grouped by band, a body line is level with two item lines at once, so one
    # line group holds both (a merge of them would be the fault this file is about).
    path = _labelled_items(tmp_path / "items.pdf")
    groups = [[f.text for f in line.fragments] for line in first_page_lines(path)]
    assert any({"1.2:", "1.3:"} <= set(group) for group in groups)


@pytest.mark.parametrize(("text_x", "labels_first"), LAYOUTS)
def test_no_piece_holds_two_lines_of_the_items(
    tmp_path: Path, text_x: float, labels_first: bool
) -> None:
    pieces = first_page_pieces(_labelled_items(tmp_path / "items.pdf", text_x, labels_first))
    labels = [label for label, _ in ITEMS]
    for piece in pieces:
        assert sum(word in labels for word in piece.split()) <= 1, piece
    texts = [text for _, item in ITEMS for text in item]
    assert all(any(text in piece for piece in pieces) for text in texts)


@pytest.mark.parametrize(("text_x", "labels_first"), LAYOUTS)
def test_each_label_is_read_with_its_own_text(
    tmp_path: Path, text_x: float, labels_first: bool
) -> None:
    path = _labelled_items(tmp_path / "items.pdf", text_x, labels_first)
    words = " ".join(block_text(b) for b in read_layout(path, max_pages=1).blocks).split()
    expected = " ".join(f"{label} {' '.join(texts)}" for label, texts in ITEMS).split()
    start = words.index("1.1:")
    assert words[start:start + len(expected)] == expected
    body = " ".join(BODY).split()
    assert words[:len(body)] == body


#: A body column of 14 pt lines 17 pt apart, beside a formula's 10 pt lines.
TALL_BODY = [line[:25].strip() for line in BODY]


def _fraction(path: Path, numerator: str, denominator: str, x_numerator: float,
              x_denominator: float) -> Path:
    """TALL_BODY on the left; on the right a line of text, then ``f(x) =`` with
    ``numerator`` over ``denominator`` beside it, each raised or lowered off the formula's
    line by more than half a line (not one line with it by their bands), all three level
    with the body's second line, and a line of text."""
    return text_page_pdf(path, [
        *(_show(72, 700 - 17 * k, 14, t) for k, t in enumerate(TALL_BODY)),
        _show(320, 700, 10, "The density of the noise is"),
        _show(330, 683.5, 10, "f(x) ="),
        _show(x_numerator, 690, 10, numerator),
        b"0.5 w 362 686.5 m 392 686.5 l S",  # the fraction's bar
        _show(x_denominator, 677, 10, denominator),
        _show(320, 650, 10, "where b is the scale parameter."),
    ])


#: Centred, the numerator and denominator start at two left edges; as wide, at one.
FRACTIONS = [("1", "2b", 375, 372), ("a+b", "c+d", 364, 364)]


@pytest.mark.parametrize(("numerator", "denominator", "x_numerator", "x_denominator"),
                         FRACTIONS)
def test_a_fraction_stays_one_piece_of_its_line(
    tmp_path: Path, numerator: str, denominator: str, x_numerator: float, x_denominator: float
) -> None:
    # Held in one line group by the body's line beside it only (the formula's own pieces
    # would make three lines of it), as two lines of labels are above: still one piece.
    path = _fraction(tmp_path / "fraction.pdf", numerator, denominator, x_numerator,
                     x_denominator)
    formula = next(
        [f.text for f in line.fragments] for line in first_page_lines(path)
        if any("f(x) =" in f.text for f in line.fragments)
    )
    assert formula == [TALL_BODY[1], "f(x) =", f"{numerator} {denominator}"] or formula == [
        TALL_BODY[1], "f(x) =", f"{denominator} {numerator}"
    ]
    texts = [block_text(b) for b in read_layout(path, max_pages=1).blocks]
    assert any({"f(x)", numerator, denominator} <= set(t.split()) for t in texts), texts


@pytest.mark.parametrize(("text_x", "labels_first"), LAYOUTS)
def test_without_the_rule_the_lines_are_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text_x: float, labels_first: bool
) -> None:
    # Every pair merged, as before: a piece holds two labels (the fault the tests above
    # would see).
    monkeypatch.setattr(lines_module, "lines_of_a_column", lambda *_: False)
    pieces = first_page_pieces(_labelled_items(tmp_path / "items.pdf", text_x, labels_first))
    assert any("1.2:" in p.split() and "1.3:" in p.split() for p in pieces)
