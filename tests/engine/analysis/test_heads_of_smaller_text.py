"""A box's title in bold over the box's text, set smaller than the body: the title heads the
box (:mod:`.small_heads`), judged by the text under it, though it is smaller than the body's
size ("Key points" over a booklet's summary box). Bold as small as the text under it, or
over text of the body's size, heads nothing. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf

_FONTS = {"F1": "/Times-Roman", "F2": "/Helvetica-Bold", "F3": "/Helvetica"}
_TEXT = [
    "A bone scan may be done to see if the cancer has spread to your bones. A small",
    "amount of radioactive material is injected into a vein, usually in your arm, and",
    "it is attracted to areas of bone where there is cancer, then viewed by a scanner.",
]
_POINTS = [
    ["Several tests are used to diagnose", "breast cancer in most people."],
    ["Your doctor will examine your breasts", "and you will have a mammogram."],
    ["A biopsy is when a sample of tissue", "is removed from your breast."],
]


def _page(tmp_path: Path, head_size: float, points_size: float) -> Path:
    ops = [
        f"BT /F1 10 Tf 72 {760 - 12 * k - 48 * p} Td ({t}) Tj ET".encode()
        for p in range(3) for k, t in enumerate(_TEXT)
    ]
    ops.append(f"BT /F2 {head_size} Tf 90 560 Td (Key points) Tj ET".encode())
    top = 540
    for lines in _POINTS:
        for k, line in enumerate(lines):
            ops.append(f"BT /F3 {points_size} Tf 90 {top - 10 * k} Td ({line}) Tj ET".encode())
        top -= 30
    return fonts_page_pdf(tmp_path / "page.pdf", ops, _FONTS)


def _headings(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Heading)]


def test_a_bold_title_over_smaller_text_heads_it(tmp_path: Path) -> None:
    assert _headings(_page(tmp_path, 8.5, 7)) == ["Key points"]


def test_bold_as_small_as_the_text_under_it_heads_nothing(tmp_path: Path) -> None:
    assert _headings(_page(tmp_path, 7, 7)) == []
