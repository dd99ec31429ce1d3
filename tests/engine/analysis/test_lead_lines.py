"""Lines that each open with a bold lead ending in a colon ("Human: …" over "Machine: …"), each
ended short of the column's edge, are read one by one, not as one run of words
(:mod:`workers.engine.layout.lead_lines`)."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Paragraph
from workers.engine.layout.reader import read_layout

from .conftest import LOREM
from .drawn_pdfs import helvetica_page

EXCHANGE = [
    ("Human:", " what is the purpose of life ?"),
    ("Machine:", " to serve the greater good ."),
    ("Human:", " what is the purpose of living ?"),
    ("Machine:", " to live forever ."),
]


def _page(path: Path, lines: list[tuple[str, str]], x: float = 84.0) -> Path:
    ops = [f"BT /F1 10 Tf 72 {720 - 12 * k} Td ({LOREM[80 * k:80 * k + 80]}) Tj ET"
           for k in range(3)]
    ops.append("BT /F1 10 Tf 72 672 Td (Results like the following were obtained:) Tj ET")
    for k, (lead, rest) in enumerate(lines):
        ops.append(f"BT {x} {652 - 12 * k} Td /F2 10 Tf ({lead}) Tj /F1 10 Tf ({rest}) Tj ET")
    ops += [f"BT /F1 10 Tf 72 {590 - 12 * k} Td ({LOREM[80 * k:80 * k + 80]}) Tj ET"
            for k in range(3)]
    return helvetica_page(path, ops)


def _paragraphs(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Paragraph)]


def test_each_speakers_line_is_read_on_its_own(tmp_path: Path, block_loop: str) -> None:
    texts = _paragraphs(_page(tmp_path / "exchange.pdf", EXCHANGE))
    for lead, rest in EXCHANGE:
        assert f"{lead}{rest}" in texts


def test_one_line_opening_with_a_lead_stays_with_the_lines_under_it(
    tmp_path: Path, block_loop: str
) -> None:
    # (One lead only: a paragraph opening with "Note:", its lines the paragraph's.)
    lines = [("Note:", " the results below were"), ("", "obtained on a small machine"),
             ("", "with little memory.")]
    texts = _paragraphs(_page(tmp_path / "note.pdf", lines, x=72.0))
    assert any("Note: the results below were obtained on a small machine" in t for t in texts)
