"""Two columns of program text (a synopsis's declarations, wrapped in narrow columns): its
lines come apart at their spaces into pieces of a word or two, none with the words of a line
of running text, yet the page is two columns, read one after the other
(:func:`workers.engine.layout.order._code_column`). Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from ..content_pdfs import fonts_page_pdf, pdf_string
from .test_spanning_heads import in_order, read

#: The columns' left edges, the type size and the leading (points).
LEFT, RIGHT = 50, 310
SIZE, PITCH = 9, 11.0


def declarations(x: float, top: float, names: list[str]) -> list[bytes]:
    """One wrapped C declaration per name, in Courier at ``x`` from ``top`` down: the return
    type and name on a line, then each argument on a line of its own, set in."""
    lines: list[tuple[int, str]] = []
    for name in names:
        lines += [(0, f"xmlChar * {name}"), (0, "(xsltTransformContextPtr ctxt,"),
                  (14, "xmlNodePtr"), (0, "inst);")]
    return [
        f"BT /F2 {SIZE} Tf {x + indent * 0.6 * SIZE} {top - PITCH * k} Td "
        f"({pdf_string(text).decode()}) Tj ET".encode()
        for k, (indent, text) in enumerate(lines)
    ]


def test_two_columns_of_code_are_read_one_after_the_other(tmp_path: Path) -> None:
    # Lines level across the gutter (one grid of baselines), each column's own lines set in.
    ops = [
        *declarations(LEFT, 760, ["evalAlpha", "evalBravo", "evalCharlie"]),
        *declarations(RIGHT, 760, ["evalDelta", "evalEcho", "evalFoxtrot"]),
    ]
    path = fonts_page_pdf(tmp_path / "code.pdf", ops, {"F1": "/Helvetica", "F2": "/Courier"})
    assert in_order(read(path), ["evalAlpha", "evalBravo", "evalCharlie", "evalDelta",
                                 "evalEcho", "evalFoxtrot"])


def test_comments_aligned_after_a_listing_stay_on_their_lines(tmp_path: Path) -> None:
    # A listing's comments aligned in a column of their own past its lines: one listing,
    # each comment read with its line (a guard: the code columns above must not part them).
    code = ["int alpha = 1;", "int bravo = 2;", "int charlie = 3;", "int delta = 4;",
            "int echo = 5;", "int foxtrot = 6;", "int golf = 7;"]
    ops = []
    for k, line in enumerate(code):
        y = 760 - PITCH * k
        ops.append(f"BT /F2 {SIZE} Tf {LEFT} {y} Td ({line}) Tj ET".encode())
        ops.append(f"BT /F2 {SIZE} Tf {RIGHT} {y} Td (/* note{k} */) Tj ET".encode())
    path = fonts_page_pdf(tmp_path / "comments.pdf", ops, {"F1": "/Helvetica", "F2": "/Courier"})
    assert in_order(read(path), ["alpha", "note0", "bravo", "note1", "golf", "note6"])
