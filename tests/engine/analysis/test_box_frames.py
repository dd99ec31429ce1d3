"""A form's cells drawn each as a box of its own: text a box holds is never read on with text
outside it, across its side (a question's label in its cell and the choices beside it, a word
space or two apart on one line) or across its top (a note in a box across the page under the
lines above it), though no rule is drawn apart from the boxes. A box standing alone (a
diagram's node) and a paragraph shaded line by line part nothing. Small PDFs drawn here by
text operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

LABEL = ["WAS IT RELATED TO", "ANY OF THESE WARS", "OR OPERATIONS?"]


def show(x: float, y: float, text: str, size: float = 10) -> bytes:
    shown = text.replace("(", "\\(").replace(")", "\\)")
    return f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({shown}) Tj ET".encode()


def _form(path: Path, boxes: bool) -> list[str]:
    ops = [show(20, 780, "Application for the review of a discharge", 16)]
    ops += [show(37, 700 - 11 * k, "I AND OR MY COUNSEL WISH TO APPEAR BEFORE THE BOARD IN PERSON "
                 "AT MY OWN EXPENSE") for k in range(2)]
    ops.append(show(184, 670, "(NOTE: The review boards do not travel.)"))
    # The question's cell, its lines set tight; the choices beside it, outside any box: the
    # first choice's second line is level with the question's first line.
    ops += [show(21, 645 - 9.6 * k, line) for k, line in enumerate(LABEL)]
    ops += [show(140, 655, "Operation Iraqi Freedom (OIF) (03/19/2003 -"),
            show(140, 645, "08/31/2010)"), show(140, 627, "Operation New Dawn (OND)")]
    if boxes:
        ops += [b"0.5 w 17.5 665 577 16 re S", b"0.5 w 17.5 610 113.5 55 re S",
                b"0.5 w 133.5 644 5 5 re S"]
    return [block_text(b) for b in read_layout(text_page_pdf(path, ops), max_pages=1).blocks]


def test_a_cell_s_text_is_not_read_on_with_text_beside_or_above_its_box(
    tmp_path: Path,
) -> None:
    texts = _form(tmp_path / "boxes.pdf", boxes=True)
    assert not any("RELATED" in t and "08/31/2010)" in t for t in texts)
    assert not any("EXPENSE" in t and "NOTE" in t for t in texts)
    assert any(t.startswith("WAS IT") and t.endswith("OR OPERATIONS?") for t in texts)


def test_without_the_boxes_the_pieces_run_on(tmp_path: Path) -> None:
    # Control: the same text, no boxes drawn, set as close, is read on across.
    texts = _form(tmp_path / "plain.pdf", boxes=False)
    assert any("RELATED" in t and "08/31/2010)" in t for t in texts)


def test_a_paragraph_shaded_line_by_line_stays_one(tmp_path: Path) -> None:
    # Each line on a strip of its own, the strips stacked: one paragraph, not a box a line.
    lines = ["The consultation showed that most of those who answered agree with",
             "the plan to extend the network, which must be safe and kept up in",
             "summer and in winter alike, and link the places people go to most."]
    ops = [b"0.9 g"]
    ops += [f"60 {697 - 13 * k} 400 13 re f".encode() for k in range(3)]
    ops.append(b"0 g")
    ops += [show(65, 700 - 13 * k, line) for k, line in enumerate(lines)]
    texts = [block_text(b) for b in read_layout(
        text_page_pdf(tmp_path / "shaded.pdf", ops), max_pages=1).blocks]
    assert any(t.startswith("The consultation") and t.endswith("go to most.") for t in texts)
