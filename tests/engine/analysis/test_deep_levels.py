"""Heading faces are ranked without a cap until the headings are known: a face ranked past
the sixth among every face a heading may be set in (some of which head nothing in the end,
a subtitle's) is still a level of its own, and a run-in heading under it is one deeper, not
its sibling. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page, prose_ops


def _chapter() -> list[str]:
    ops = [
        "BT /F2 26 Tf 72 740 Td (Physical Development) Tj ET",
        # (Its subtitle, as large and not bold: a face of its own that heads nothing.)
        "BT /F1 26 Tf 72 712 Td (Body and Brain) Tj ET",
        *prose_ops(680, 3),
    ]
    top = 630.0
    for size, name in ((20, "Growth"), (17, "Height"), (14, "Weight"), (12, "Nutrition")):
        ops += [f"BT /F2 {size} Tf 72 {top} Td ({name}) Tj ET", *prose_ops(top - size - 6, 3)]
        top -= 80
    ops += [
        f"BT /F2 10 Tf 72 {top} Td (Problems of Undernutrition.) Tj "
        "/F1 10 Tf ( If undernutrition lasts, children grow slowly and) Tj ET",
        f"BT /F1 10 Tf 72 {top - 12} Td (catch up later only in part, as the studies "
        "of the children show.) Tj ET",
        *prose_ops(top - 40, 3),
    ]
    return ops


def test_a_run_in_heading_under_the_sixth_face_is_one_level_deeper(tmp_path: Path) -> None:
    blocks = read_layout(helvetica_page(tmp_path / "deep.pdf", _chapter()), max_pages=1).blocks
    levels = {b.text: b.level for b in blocks if isinstance(b, Heading)}
    assert "Body and Brain" not in levels
    assert levels["Growth"] < levels["Height"] < levels["Weight"] < levels["Nutrition"]
    assert levels["Problems of Undernutrition."] == levels["Nutrition"] + 1
