"""A form's note set in its margin beside a run of its rows (a box of amounts beside lines 2
to 6) is read after the last row it stands beside, not in the middle of the run; a note beside
a paragraph still follows the paragraph it starts beside (test_margin_notes_beside_columns).
Small PDFs drawn here by text operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

ROWS = ["Wages salaries tips", "Tax exempt interest", "Qualified dividends",
        "Pension distributions", "Social security benefits", "Capital gain or loss",
        "Other income", "Adjustments to income", "Standard deduction amount",
        "Business income deduction"]
NOTE = ["Deduction for", "Single filers", "twelve thousand", "Joint filers", "twenty four",
        "thousand dollars", "Head of house", "eighteen thousand"]
FOOT = ("Taxable income is what is left once the deductions above are taken from the total "
        "income, and it is entered on the line below")


def show(x: float, y: float, text: str, size: float = 9) -> bytes:
    return f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET".encode()


def _form(path: Path, note_top: float) -> list[str]:
    ops = [show(72, 780, "Annual income return", 16)]
    for k, row in enumerate(ROWS):
        y = 700 - 14 * k
        ops += [show(100, y, f"{k + 1}"), show(115, y, f"{row} . . . . . . . . . ."),
                show(420, y, f"{k + 1}"), f"95 {y - 3.5} 340 0.5 re f".encode()]
    ops += [show(100, 540, FOOT[:90]), show(100, 529, FOOT[90:])]
    ops += [show(20, note_top - 7.5 * k, line, 6) for k, line in enumerate(NOTE)]
    return [block_text(b) for b in read_layout(text_page_pdf(path, ops), max_pages=1).blocks]


def _at(texts: list[str], start: str) -> int:
    return next(k for k, t in enumerate(texts) if t.startswith(start) or f" {start}" in t)


def test_a_note_beside_a_run_of_rows_follows_the_last_of_them(tmp_path: Path) -> None:
    # The note starts level with row 2 and ends level with row 5.
    texts = _form(tmp_path / "form.pdf", 688)
    note = _at(texts, "Deduction for")
    assert _at(texts, "Social security") < note < _at(texts, "Capital gain")
    assert note > _at(texts, "Tax exempt")  # (not read where it starts)
