"""An unruled grid whose cells the reading ran together: a spreadsheet's column of figures set
flush right, each cell a text object of its own, a couple of points before the next
column's text, set flush left ("139102" and "J. Smith" read as one piece). The place where
the next column starts on every row is a wall the pieces are split at
(layout/aligned_cells.py); a list's numbers, notes' numbers and words are no such column.
A piece joined from runs drawn apart (a wrapped cell drawn after its row's others) is split
at a wall too, at a rule as at an aligned place (walls.split_at_walls)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from tests.engine.content_pdfs import drawn_widths, pdf_string, text_page_pdf
from workers.engine.document import Table
from workers.engine.layout.aligned_cells import aligned_walls
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.lines import fragments, lines
from workers.engine.layout.places import Places
from workers.engine.layout.reader import read_layout
from workers.engine.layout.walls import GlyphPositions, split_at_walls

#: Where the column of figures ends and where the next column starts (2 pt on).
FIGURES_END = 300.0
NEXT_START = 302.0
ROWS = [
    ("Housing repairs", "139102", "J. Smith"),
    ("Street lighting", "-513281", "K. Brown"),
    ("Parks", "4480", "A. Patel"),
    ("Libraries", "340229", "M. Jones"),
    ("Planning", "-81256", "R. Evans"),
]


def _cell(text: str, x: float, y: float) -> bytes:
    """One cell: a text object of its own, as a spreadsheet draws it."""
    return f"BT /F1 10 Tf {x:.3f} {y} Td ({pdf_string(text).decode()}) Tj ET".encode()


def _grid_page(tmp_path: Path, rows: list[tuple[str, str, str]], name: str) -> Path:
    """A header row and ``rows``: a name at the left edge, a figure ending at FIGURES_END,
    and a text starting at NEXT_START."""
    widths, _ = drawn_widths(tmp_path, [figure for _, figure, _ in rows] + ["Variance"])
    operators = [_cell("Service", 72, 720), _cell("Variance", FIGURES_END - widths[-1], 720),
                 _cell("Officer", NEXT_START, 720)]
    for k, ((label, figure, text), width) in enumerate(zip(rows, widths, strict=False)):
        y = 706 - 14 * k
        operators += [_cell(label, 72, y), _cell(figure, FIGURES_END - width, y),
                      _cell(text, NEXT_START, y)]
    return text_page_pdf(tmp_path / name, operators)


def _walls(path: Path) -> list[tuple[float, float, float]]:
    with pdfium.PdfDocument(str(path)) as pdf:
        return aligned_walls(fragments(read_page(pdf, 0).glyphs))


def test_figures_flush_right_against_text_are_two_columns(tmp_path: Path) -> None:
    path = _grid_page(tmp_path, ROWS, "grid.pdf")
    with pdfium.PdfDocument(str(path)) as pdf:
        pieces = [f.text for f in fragments(read_page(pdf, 0).glyphs)]
    assert "139102 J. Smith" in pieces  # (the case at hand: read as one piece)
    walls = _walls(path)
    assert len(walls) == 1 and FIGURES_END < walls[0][0] < NEXT_START, walls
    tables = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    rows = [[cell.text for cell in row.cells] for row in tables[0].rows]
    assert rows[0] == ["Service", "Variance", "Officer"]
    assert rows[1:] == [list(row) for row in ROWS]


def test_two_rows_are_too_few(tmp_path: Path) -> None:
    assert _walls(_grid_page(tmp_path, ROWS[:2], "two.pdf")) == []


def test_words_flush_right_are_no_column_of_figures(tmp_path: Path) -> None:
    rows = [(label, word, text) for (label, _, text), word in zip(
        ROWS, ["paid", "pending", "on hold", "paid", "refused"], strict=True)]
    assert _walls(_grid_page(tmp_path, rows, "words.pdf")) == []


def test_a_lists_numbers_flush_right_are_no_column(tmp_path: Path) -> None:
    # An ordered list's numbers set flush right before their items' text at a tab stop.
    rows = [("", f"{k}.", text) for k, text in zip(
        range(8, 13), ["Open the file.", "Read it.", "Close it.", "Check it.", "Send it."],
        strict=True)]
    assert _walls(_grid_page(tmp_path, rows, "list.pdf")) == []


def test_notes_numbers_of_one_width_are_no_column(tmp_path: Path) -> None:
    # Notes numbered 1 to 5 before their text: figures all one width show no flush right,
    # and a note's line is no row of a grid.
    rows = [("", str(k), "Estimate for the year.") for k in range(1, 6)]
    assert _walls(_grid_page(tmp_path, rows, "notes.pdf")) == []


def test_a_figure_joined_to_wrapped_text_drawn_later_is_split_at_the_rule(
    tmp_path: Path,
) -> None:
    # A ruled grid whose notes column wraps over two lines, each row drawn a cell at a time
    # and the wrapped cells after the others: the figure, the first line of the notes 2.5
    # points on across the rule, and (on the widest row) the officer's name as close past
    # the next rule are read as one piece joined from runs drawn apart, in the stream's
    # order or not, which the rules cut (walls.split_at_walls reads each part from its own
    # glyphs).
    rows = [("Parks", "39,632.10", "Tender under evaluation", "with a decision due", "J. Smith"),
            ("Libraries", "158,869.28", "Work started on site", "in the spring", "K. Brown"),
            ("Markets", "4,480.00", "Waiting for the quote", "from the contractor", "A. Patel")]
    widths, _ = drawn_widths(tmp_path, [r[1] for r in rows] + [r[2] for r in rows])
    figure_widths, note_widths = widths[:len(rows)], widths[len(rows):]
    rule = 300.0
    last_rule = rule + 1.5 + max(note_widths) + 1.0
    top = 720.0
    operators = [b"0.5 w"]
    for x in (70.0, 200.0, rule, last_rule, last_rule + 80):
        operators.append(f"{x} {top - 30 * len(rows)} m {x} {top} l S".encode())
    for k in range(len(rows) + 1):
        operators.append(f"70 {top - 30 * k} m {last_rule + 80} {top - 30 * k} l S".encode())
    for k, ((label, figure, _, _, officer), width) in enumerate(
        zip(rows, figure_widths, strict=True)
    ):
        y = top - 30 * k - 10
        operators += [_cell(label, 72, y), _cell(figure, rule - 1 - width, y),
                      _cell(officer, last_rule + 1.5, y)]
    for k, (_, _, first, second, _) in enumerate(rows):
        y = top - 30 * k - 10
        operators += [_cell(first, rule + 1.5, y), _cell(second, rule + 1.5, y - 11)]
    path = text_page_pdf(tmp_path / "ruled.pdf", operators)
    tables = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Table)]
    assert len(tables) == 1
    read = [[cell.text for cell in row.cells] for row in tables[0].rows]
    assert read == [[label, figure, f"{first} {second}", officer]
                    for label, figure, first, second, officer in rows], read


def test_a_piece_joined_out_of_drawing_order_is_split_too(tmp_path: Path) -> None:
    # Unruled: the name after the notes drawn before them (a spreadsheet draws a wrapped
    # cell after the row's others), 2 points past the notes' end; the figure, the notes and
    # the name read as one piece whose glyphs are not in the stream's order.
    notes = ["Tender under review", "Work started on site", "Waiting for the quote"]
    widths, _ = drawn_widths(tmp_path, [figure for _, figure, _ in ROWS[:3]] + notes)
    operators = []
    for k, ((label, figure, name), width, note_width) in enumerate(
        zip(ROWS[:3], widths[:3], widths[3:], strict=True)
    ):
        y = 706 - 14 * k
        operators += [_cell(label, 72, y), _cell(figure, FIGURES_END - width, y),
                      _cell(name, NEXT_START + note_width + 2, y)]
    for k, note in enumerate(notes):
        operators.append(_cell(note, NEXT_START, 706 - 14 * k))
    path = text_page_pdf(tmp_path / "order.pdf", operators)
    with pdfium.PdfDocument(str(path)) as pdf:
        glyphs = read_page(pdf, 0).glyphs
    pieces = [f for line in lines(fragments(glyphs)) for f in line.fragments]
    assert "139102 Tender under review J. Smith" in [f.text for f in pieces]
    parts = split_at_walls(pieces, aligned_walls(pieces), GlyphPositions(glyphs, Places(glyphs)))
    texts = [f.text for f in parts]
    for (_, figure, name), note in zip(ROWS[:3], notes, strict=True):
        # (The notes and the name stay one piece: no figure before the name.)
        assert figure in texts and f"{note} {name}" in texts, texts


def test_the_column_goes_on_past_rows_whose_figure_is_blank(tmp_path: Path) -> None:
    # Three rows with a figure, five whose figure cell is blank (the next column's text
    # standing alone where it starts), and a last row with a figure again: its piece is cut
    # too, the wall running down past the blank ones.
    rows = [*ROWS[:3], *[(f"School {k}", "", "J. Smith") for k in range(5)], ROWS[3]]
    widths, _ = drawn_widths(tmp_path, [figure or "0" for _, figure, _ in rows])
    operators = []
    for k, ((label, figure, text), width) in enumerate(zip(rows, widths, strict=True)):
        y = 706 - 14 * k
        operators += [_cell(label, 72, y), _cell(text, NEXT_START, y)]
        if figure:
            operators.append(_cell(figure, FIGURES_END - width, y))
    path = text_page_pdf(tmp_path / "blanks.pdf", operators)
    walls = _walls(path)
    assert len(walls) == 1
    _, y0, _ = walls[0]
    assert y0 < 706 - 14 * (len(rows) - 1) + 1  # (down to the last row)
