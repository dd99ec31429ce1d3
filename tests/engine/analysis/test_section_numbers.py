"""Versions heading a change log, newest first ("2.1 (18 May 2024)", "2.0.3 (2 March 2024)"
… "1.8 (10 January 2022)"), are no section numbers: each release is one level, whatever the
depth of its number. Section numbers go up through a document; a small PDF drawn here counts
down."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout
from workers.engine.layout.section_numbers import counting_down

from .drawn_pdfs import helvetica_page, prose_ops

#: (A deeper number after a shorter one: read as section numbers, "2.0.3" … "2.0.1" would
#: fall under "2.1".)
RELEASES = (
    "2.1 (18 May 2024)", "2.0.3 (2 March 2024)", "2.0.2 (21 December 2023)",
    "2.0.1 (8 June 2023)", "1.9 (24 November 2022)", "1.8 (10 January 2022)",
)


def _change_log() -> list[str]:
    ops = ["BT /F2 22 Tf 72 740 Td (Changes) Tj ET"]
    top = 700.0
    for release in RELEASES:
        ops += [f"BT /F2 14 Tf 72 {top} Td ({release}) Tj ET", *prose_ops(top - 20, 2)]
        top -= 80
    return ops


def test_releases_newest_first_are_one_level(tmp_path: Path) -> None:
    blocks = read_layout(helvetica_page(tmp_path / "news.pdf", _change_log()), max_pages=1).blocks
    levels = {b.text: b.level for b in blocks if isinstance(b, Heading)}
    assert levels["Changes"] == 1
    assert [levels[r] for r in RELEASES] == [2] * len(RELEASES)


def test_section_numbers_go_up() -> None:
    assert counting_down([(3, 2), (3, 1), (2, 9)])
    assert not counting_down([(1, 1), (1, 2), (2, 1)])
    # (One step down is a numbering started again: an appendix's sections after the last.)
    assert not counting_down([(7, 1), (1, 1)])
