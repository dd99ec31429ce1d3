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


def _framed_note(path: Path, tab: bool) -> list[str]:
    """The form, its note in a frame beside rows 2 to 9, and with ``tab`` the frame reaching
    out across the gutter to row 8: a rule from its side over the row and one under it."""
    ops = [show(72, 780, "Annual income return", 16)]
    # (Row 6 runs long, as a form's lines do: the rows are running text, the note beside.)
    rows = [*ROWS[:5], "Capital gain or loss. Attach the schedule if it is required. If not "
            "required, check here", *ROWS[6:]]
    for k, row in enumerate(rows):
        y = 700 - 14 * k
        ops += [show(100, y, f"{k + 1}"), show(115, y, f"{row} . . . . . . . . . ."),
                show(420, y, f"{k + 1}"), f"95 {y - 3.5} 340 0.5 re f".encode()]
    ops += [show(100, 540, FOOT[:90]), show(100, 529, FOOT[90:])]
    note = "Deduction for single filers twelve thousand joint filers twenty four thousand"
    ops += [show(20, 688 - 7.5 * k, word, 6)
            for k, word in enumerate([*note.split(), "of", "house", "see", "instructions"])]
    # (The frame, its corners rounded: 16 to 76 across, 578 to 698 up.)
    ops.append(b"22 578 m 70 578 l 76 578 76 584 76 584 c 76 692 l 76 698 70 698 70 698 c "
               b"22 698 l 16 698 16 692 16 692 c 16 584 l 16 578 22 578 22 578 c S")
    if tab:
        ops += [b"76 612 24 0.8 re f", b"76 599 24 0.8 re f"]
    return [block_text(b) for b in read_layout(text_page_pdf(path, ops), max_pages=1).blocks]


def test_a_note_whose_frame_opens_onto_a_row_follows_that_row(tmp_path: Path) -> None:
    # A tab of the frame opens onto row 8: the note is that row's, read after it, though it
    # stands beside the rows down to 9.
    texts = _framed_note(tmp_path / "form.pdf", tab=True)
    note = _at(texts, "Deduction for")
    assert _at(texts, "Adjustments to") < note < _at(texts, "Standard deduction")


def test_without_the_tab_the_framed_note_follows_the_last_row_beside_it(
    tmp_path: Path,
) -> None:
    texts = _framed_note(tmp_path / "form.pdf", tab=False)
    note = _at(texts, "Deduction for")
    assert _at(texts, "Standard deduction") < note < _at(texts, "Business income")
