"""A section's number set before its title at a tab stop ("6.4<tab>The changing face"): one
heading, number and title, as a word processor's numbered heading is one."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Heading, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page

_BODY = [
    "Both from casual empiricism and previous studies, it is clear that the face of food",
    "retailing has undergone a major shift in recent decades, as supermarkets and then",
    "hypermarkets spread and the counter-service family-run store declined in most states.",
]


def _page(path: Path, number: str, tab: float) -> Path:
    """A bold ``number`` at the left margin, its title ``tab`` points past it on its line (a
    tab stop wider than twice the line's height), then a paragraph of running text."""
    ops = [b"BT /F1 16 Tf 72 780 Td (Chapter six: market structure) Tj ET",
           b"BT /F1 12 Tf 72 700 Td (%s) Tj ET" % number.encode(),
           b"BT /F1 12 Tf %.1f 700 Td (The changing face of retail outlets) Tj ET"
           % (72 + 0.5 * 12 * len(number) + tab)]
    ops += [b"BT /F2 11 Tf 72 %d Td (%s) Tj ET" % (676 - 14 * k, line.encode())
            for k, line in enumerate(_BODY)]
    pdf, page = text_page(b"\n".join(ops), base="/Times-Bold")
    page.obj.Resources.Font.F2 = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Times-Roman"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    pdf.save(path)
    return path


def test_a_section_number_at_a_tab_stop_before_its_title_is_one_heading_with_it(
    tmp_path: Path,
) -> None:
    blocks = read_layout(_page(tmp_path / "report.pdf", "6.4", 30), max_pages=5).blocks
    texts = [block_text(b) for b in blocks]
    assert "6.4" not in texts
    heading = next(b for b in blocks if "changing face" in block_text(b))
    assert isinstance(heading, Heading)
    assert block_text(heading) == "6.4 The changing face of retail outlets"


def test_a_list_number_at_a_tab_stop_still_labels_its_text(tmp_path: Path) -> None:
    # (As before: "6." at the stop is a list's number, its text the item's.)
    blocks = read_layout(_page(tmp_path / "report.pdf", "6.", 30), max_pages=5).blocks
    assert "6." not in [block_text(b) for b in blocks]
