"""Block building: two pieces of text level with each other, a word space or two apart, go on
as one line, unless a rule is drawn down between them: then each stands in a box of its own
(a form's field label, and the next box's note beside it)."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf


def show(x: float, y: float, text: str, size: int = 9) -> bytes:
    return b"BT /F1 %d Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (size, x, y, text.encode())


def _row(wall: list[bytes]) -> list[bytes]:
    """A form's row: a label ending near a box's right wall, the next box's two-line note
    starting a word space or two past it, then ``wall``."""
    return [
        b"38 690 464 0.8 re f",  # the row's top and bottom rules
        b"38 660 464 0.8 re f",
        show(60, 678, "Foreign postal code"),
        show(148, 676, "If more than four dependents,"),
        show(148, 666, "see instructions and check here"),
        *wall,
    ]


def _texts(path: Path) -> list[str]:
    return [block_text(b) for b in read_layout(path, max_pages=1).blocks]


def test_a_rule_down_between_two_pieces_of_a_line_sets_them_apart(tmp_path: Path) -> None:
    wall = [b"142 660 0.8 30.8 re f"]  # the label's box's right wall, from rule to rule
    texts = _texts(text_page_pdf(tmp_path / "form.pdf", _row(wall)))
    assert "Foreign postal code" in texts
    assert "If more than four dependents, see instructions and check here" in texts


def test_without_the_rule_the_two_pieces_go_on_as_one_line(tmp_path: Path) -> None:
    # The same gap with no wall is a gap within one line ("2   Title"): the label reads on.
    texts = _texts(text_page_pdf(tmp_path / "form.pdf", _row([])))
    assert not any(t == "Foreign postal code" for t in texts)
    assert any(t.startswith("Foreign postal code If more") for t in texts)


def test_a_stroke_ending_short_of_the_line_is_no_wall(tmp_path: Path) -> None:
    # A short stroke between the two (a tick under the line's height) parts nothing.
    tick = [b"142 676 0.8 3 re f"]
    texts = _texts(text_page_pdf(tmp_path / "form.pdf", _row(tick)))
    assert any(t.startswith("Foreign postal code If more") for t in texts)
