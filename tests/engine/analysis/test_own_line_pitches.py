"""Two columns set side by side with a narrow gutter, each on a leading of its own: a
lead-in paragraph and a short numbered list spaced apart on the left, a lettered list set
solid on the right. Enough of the left's lines come level with the right's by chance for
the two to look like a table's rows, but lines running down beside each other at two
pitches are no rows of one table: the gutter parts two columns, and no line joins words
of both. A small PDF drawn here by text operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout import order
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment, fragments
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

LEFT = ["Matching: Match the follow-", "ing nutritional deficits with", "their definitions."]
ITEMS = ["2. kwashiorkor", "3. marasmus", "4. iron deficiency anemia", "5. overnutrition"]
RIGHT = ["a. a wasting away of body", "    tissues caused by insuffi-",
         "    cient protein and calories", "b. a disease marked by a",
         "    swollen abdomen and", "    severe skin lesions caused",
         "    by insufficient protein", "c. a disease associated with",
         "    diabetes, high blood pres-", "    sure, and heart or kidney", "    disease"]


def show(x: float, y: float, text: str) -> bytes:
    return f"BT /F1 9 Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET".encode()


def _page() -> list[bytes]:
    """The left column 72 points in (its longest line about 115 points long), the right
    one 198 points in: an 11-point gutter. The left's lead-in at 11 points' leading, its
    list at 13; the right's lines at 11."""
    ops = [show(72, 700 - 11 * k, text) for k, text in enumerate(LEFT)]
    ops += [show(80, 700 - 11 * 2 - 13 * (k + 1), text) for k, text in enumerate(ITEMS)]
    for k, text in enumerate(RIGHT):
        indent = 10 if text.startswith(" ") else 0
        ops.append(show(198 + indent, 700 - 11 * k, text.strip()))
    return ops


def test_columns_on_their_own_leadings_are_read_apart(tmp_path: Path) -> None:
    doc = read_layout(text_page_pdf(tmp_path / "pitches.pdf", _page()), max_pages=1)
    texts = [block_text(b) for b in doc.blocks]
    joined = [t for t in texts if "follow" in t and "wasting" in t]
    assert not joined, joined
    whole = " ".join(texts)
    assert "Match the following nutritional deficits with their definitions." in whole
    assert "a wasting away of body tissues caused by insufficient protein and calories" in whole


def test_runs_at_a_steady_pitch() -> None:
    class Piece:
        def __init__(self, y0: float, x0: float = 72) -> None:
            self.y0, self.x0, self.x1 = y0, x0, x0 + 100
            self.glyphs: list[Glyph] = []  # (placed by its box's foot)

    lead_in_then_list = [Piece(y) for y in (700, 689, 678, 665, 652, 639, 626)]
    runs = order._steady_runs(lead_in_then_list, 9)  # type: ignore[arg-type]
    # (the list's run opens at the lead-in's last line)
    assert [(top, bottom) for top, bottom, _ in runs] == [(700, 678), (678, 626)]
    assert [round(pitch) for _, _, pitch in runs] == [11, 13]
    # Lines of two columns of their own, each line of the side two pieces: no run of one
    # column; nor lines that stand apart across the page, one under another's gap.
    two_columns = [Piece(y, x) for y in (700, 689, 678, 667) for x in (72, 300)]
    assert order._steady_runs(two_columns, 9) == []  # type: ignore[arg-type]
    apart = [Piece(y, x) for y, x in ((700, 72), (689, 300), (678, 72), (667, 300))]
    assert order._steady_runs(apart, 9) == []  # type: ignore[arg-type]


def _line(text: str, baseline: float, size: float = 24.0) -> Fragment:
    """A line as pdfium boxes a face that declares no ascent or descent (LibreOffice's
    embedded fonts): each glyph by its own outline, "g", "p" and "y" reaching below the
    baseline, the others standing on it."""
    glyphs = []
    for k, char in enumerate(text):
        foot = baseline - 0.2 * size if char in "gjpqy," else baseline
        glyphs.append(Glyph(char, 72 + 0.5 * size * k, foot, 72 + 0.5 * size * (k + 1),
                            baseline + 0.7 * size, size, False, "F1", 0, -1))
    [line] = fragments(glyphs)
    return line


def test_lines_are_placed_by_their_baselines_not_their_feet() -> None:
    # A point's lines at a steady 30-point pitch, some with letters below the baseline: the
    # boxes' feet step 30, 25, 35, 30; the baselines step 30 each.
    texts = ["Share the running of", "waste collection subject", "to the cabinet's",
             "approval, so that waste", "library service are"]
    lines = [_line(text, 400 - 30 * k) for k, text in enumerate(texts)]
    assert [round(f.y0) for f in lines] == [395, 365, 340, 305, 275]
    runs = order._steady_runs(lines, 24)
    assert runs == [(400, 280, 30)]
