"""A section's title in bold whose glyphs read a little smaller than the body's is still a
heading: a glyph's size is its font's box (ascent to descent), whose height per point differs
from face to face by several hundredths, so a title set at the body's point size in a sans-serif
bold beside a serif body with tall extents reads about 0.93 of the body's size ("Blood tests"
over a booklet's Minion text; "Airworthiness Directives; …" over the Federal Register's Times).
Bold clearly smaller than the body (a note's label) is no heading."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf

_FONTS = {"F1": "/Times-Roman", "F2": "/Times-Bold"}
_TEXT = [
    "A bone scan may be done to see if the cancer has spread to your bones. A small",
    "amount of radioactive material is injected into a vein, usually in your arm, and",
    "it is attracted to areas of bone where there is cancer, then viewed by a scanner.",
]


def _page(tmp_path: Path, head_size: float) -> Path:
    ops = [
        *(f"BT /F1 10 Tf 72 {760 - 12 * k} Td ({t}) Tj ET".encode() for k, t in enumerate(_TEXT)),
        f"BT /F2 {head_size} Tf 72 714 Td (Chest x-ray) Tj ET".encode(),
        *(f"BT /F1 10 Tf 72 {700 - 12 * k} Td ({t}) Tj ET".encode() for k, t in enumerate(_TEXT)),
        f"BT /F2 {head_size} Tf 72 654 Td (Bone scan) Tj ET".encode(),
        *(f"BT /F1 10 Tf 72 {640 - 12 * k} Td ({t}) Tj ET".encode() for k, t in enumerate(_TEXT)),
    ]
    return fonts_page_pdf(tmp_path / "page.pdf", ops, _FONTS)


def _headings(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Heading)]


def test_a_bold_title_reading_a_little_smaller_than_the_body_is_a_heading(tmp_path: Path) -> None:
    assert _headings(_page(tmp_path, 9.4)) == ["Chest x-ray", "Bone scan"]


def test_bold_clearly_smaller_than_the_body_is_no_heading(tmp_path: Path) -> None:
    assert _headings(_page(tmp_path, 8.5)) == []
