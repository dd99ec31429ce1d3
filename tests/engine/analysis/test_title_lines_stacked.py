"""A title set in lines of different sizes stacked close (a cover: "THE" small, over
"CONSTITUTION" in a face twice its size, over "of the United States"): no gap parts the lines,
and the small first line tops within half the large line's height of the large line's top, but
it stands wholly above it, not beside it. It is read first, not after the large line that
starts further left. Lines that do stand side by side, level, still read across. Small PDFs
drawn here by text operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf


def show(x: float, y: float, text: str, size: float) -> bytes:
    return f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET".encode()


def _texts(path: Path, ops: list[bytes]) -> list[str]:
    return [block_text(b) for b in read_layout(text_page_pdf(path, ops), max_pages=1).blocks]


def test_a_small_line_stacked_over_a_large_one_is_read_first(tmp_path: Path) -> None:
    ops = [
        show(282, 540, "THE", 20),
        show(150, 496, "CONSTITUTION", 44),
        show(200, 463, "of the United States", 30),
    ]
    texts = _texts(tmp_path / "cover.pdf", ops)
    read = " ".join(texts)
    assert read.index("THE") < read.index("CONSTITUTION") < read.index("United"), texts


def test_a_heading_level_with_its_text_beside_it_reads_across(tmp_path: Path) -> None:
    # Control: a run-in head in a larger face beside a paragraph, their tops close and the
    # head's line wholly within the paragraph's height, reads before the text beside it.
    ops = [show(72, 700, "Notes", 16)] + [
        show(150, 702 - 12 * k, line, 10) for k, line in enumerate(
            ["The committee met twice in the spring and", "agreed the budget for the year ahead,",
             "with the changes proposed in the winter."]
        )
    ]
    read = " ".join(_texts(tmp_path / "side.pdf", ops))
    assert read.index("Notes") < read.index("committee")
