"""The document title's subtitle, set right under it in a face no other heading uses and
larger than the sections' (:mod:`workers.engine.layout.subtitles`), is no heading and no
level between the title and its sections. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page, prose_ops


def _report(sub_top: float, *, sub_size: float = 20, shared: bool = False) -> list[str]:
    """A title at the top, a subtitle whose line stands at ``sub_top``, three sections."""
    ops = [
        "BT /F2 32 Tf 72 720 Td (Annual Review) Tj ET",
        f"BT /F2 {sub_size} Tf 72 {sub_top} Td (A year of steady growth) Tj ET",
    ]
    top = 600.0
    for name in ("Revenue", "Costs", "Outlook"):
        ops += [f"BT /F2 14 Tf 72 {top} Td ({name}) Tj ET", *prose_ops(top - 22, 4)]
        top -= 90
    if shared:
        ops.append(f"BT /F2 {sub_size} Tf 72 {top} Td (Looking back) Tj ET")
        ops += prose_ops(top - 28, 4)
    return ops


def _levels(path: Path) -> dict[str, int]:
    return {
        b.text: b.level for b in read_layout(path, max_pages=1).blocks
        if isinstance(b, Heading)
    }


def test_a_subtitle_right_under_the_title_is_no_level_of_headings(tmp_path: Path) -> None:
    levels = _levels(helvetica_page(tmp_path / "sub.pdf", _report(696)))
    assert "A year of steady growth" not in levels
    assert levels["Annual Review"] == 1
    assert levels["Revenue"] == levels["Costs"] == levels["Outlook"] == 2


def test_a_heading_after_some_space_under_the_title_is_one(tmp_path: Path) -> None:
    levels = _levels(helvetica_page(tmp_path / "apart.pdf", _report(660)))
    assert levels.get("A year of steady growth") == 2


def test_a_face_other_headings_share_is_no_subtitle(tmp_path: Path) -> None:
    levels = _levels(helvetica_page(tmp_path / "shared.pdf", _report(696, shared=True)))
    assert "A year of steady growth" in levels
