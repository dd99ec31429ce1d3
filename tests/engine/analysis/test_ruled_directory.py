"""A ruled grid whose rows each hold a service described at length and, in the last column,
its telephone number and address (a booklet's "Helpful resources"): a table, read row by
row, each cell whole. It was taken for a frame round text (a cell of more than forty words),
its lines left to the table finder, which read the number into the first line of the
description. A grid closing each row with a figure (a table's column of counts beside a long
note) is judged as before. Small PDFs drawn here by text operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

DESCRIPTIONS = (
    "Encore: This free eight-week information and exercise program is for women who have "
    "had breast cancer surgery. It uses floor and pool exercises to strengthen and tone the "
    "arms, shoulders and chest. The program helps women regain their mobility and improve "
    "their general fitness.",
    "Look Good Feel Better: This free program teaches techniques to help restore "
    "appearance, confidence and self-image during treatment.",
    "Journey Kit: The kit contains information, resources and tips for women newly "
    "diagnosed with breast cancer.",
)


def _wrapped(text: str, width: int = 42) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return [*lines, line]


def show(x: float, y: float, text: str) -> bytes:
    return f"BT /F1 9 Tf {x} {y} Td ({text}) Tj ET".encode()


def _grid(path: Path, contacts: list[tuple[str, str]]) -> list[Table]:
    """Three ruled rows, a description at left and two lines of contact at right of each."""
    ops: list[bytes] = []
    top = 700.0
    tops = [top]
    for description, (number, address) in zip(DESCRIPTIONS, contacts, strict=True):
        lines = _wrapped(description)
        ops += [show(60, top - 14 - 12 * k, line) for k, line in enumerate(lines)]
        ops += [show(260, top - 14, number), show(260, top - 26, address)]
        top -= 14 + 12 * len(lines)
        tops.append(top)
    # (Rules across between the rows and round the grid, and down its sides and between
    # its two columns.)
    ops += [f"50 {y} 300 0.8 re f".encode() for y in tops]
    ops += [f"{x} {tops[-1]} 0.8 {tops[0] - tops[-1]} re f".encode() for x in (50, 250, 350)]
    doc = read_layout(text_page_pdf(path, ops), max_pages=1)
    return [b for b in doc.blocks if isinstance(b, Table)]


def test_a_directory_of_services_ruled_in_rows_is_a_table(tmp_path: Path) -> None:
    contacts = [("1800 305 150", "encore.org.au"), ("1800 650 960", "lgfb.org.au"),
                ("1800 500 258", "kit.org.au")]
    tables = _grid(tmp_path / "directory.pdf", contacts)
    assert len(tables) == 1, tables
    rows = [[cell.text for cell in row.cells] for row in tables[0].rows]
    assert rows[0][0] == DESCRIPTIONS[0] and rows[0][1] == "1800 305 150 encore.org.au", rows
    assert len(rows) == 3, rows


def test_a_frame_closing_its_rows_with_figures_is_judged_as_before(tmp_path: Path) -> None:
    # (Figures in the last column: no directory's contacts; the long cell keeps the grid a
    # frame round text.)
    contacts = [("1,540", "9,522"), ("8,263", "1,071"), ("2,799", "468")]
    cells = [cell.text for table in _grid(tmp_path / "figures.pdf", contacts)
             for row in table.rows for cell in row.cells]
    assert DESCRIPTIONS[0] not in cells, cells
