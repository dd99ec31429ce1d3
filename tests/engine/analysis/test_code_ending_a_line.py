"""A paragraph of justified running text whose line ends in inline code set in a larger
typewriter face (LibreOffice sets ``<code>`` so), the line's wide word space putting the
code apart as a piece of its own: that piece alone measures as code, larger than the
paragraph's text, and the next line (opening with the rest of the code) would start a
paragraph of its own. The line is judged by its running text: one paragraph, and the
option broken at its own hyphen reads whole ("-fvect-" "cost-model=cheap")."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import pdf_string
from .test_letter_bullets_over_pages import _pages_pdf


def _line(*runs: tuple[str, float, str], x: float, y: float) -> bytes:
    """One text object drawing ``runs`` (font, size, text) one after another from (x, y);
    a run after one in another font is set a justified line's wide space apart (a
    ``TJ`` offset of 800 thousandths of its size), but one opening with a stop."""
    ops = [b"BT %.2f %.2f Td" % (x, y)]
    for k, (font, size, text) in enumerate(runs):
        gap = b"-800 " if k and not text.startswith(".") else b""
        ops.append(b"/%s %g Tf [%s(%s)] TJ" % (font.encode(), size, gap, pdf_string(text)))
    return b" ".join(ops + [b"ET"])


def test_a_line_ending_in_code_goes_on_into_the_next(tmp_path: Path) -> None:
    # Helvetica 10 for the text (/F1), Courier 14 for the code (/F2), which measures larger.
    path = _pages_pdf(tmp_path / "code.pdf", [[
        _line(("F1", 10, "Vectorization is now enabled at the second level, as with"),
              ("F2", 14, "-fvect-"), x=72, y=700),
        _line(("F2", 14, "cost-model=cheap"),
              ("F1", 10, ". Note that the default cost model has changed"), x=72, y=683),
        _line(("F1", 10, "since the last release, which used to behave otherwise."), x=72, y=668),
        _line(("F1", 10, "Another paragraph follows after a paragraph's space."), x=72, y=630),
    ]])
    texts = [b.text for b in read_layout(path, max_pages=5).blocks if isinstance(b, Paragraph)]
    assert texts == [
        "Vectorization is now enabled at the second level, as with -fvect-cost-model=cheap. "
        "Note that the default cost model has changed since the last release, which used to "
        "behave otherwise.",
        "Another paragraph follows after a paragraph's space.",
    ]
