"""A chapter's opening list of its sections, each line reading as a heading set larger
further on, is no heading (:mod:`workers.engine.layout.sections_ahead`); a summary's own
sub-headings named after the sections, each over its paragraph, still are. Small PDFs drawn
here, without an outline."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page, prose_ops

SECTIONS = ("Growth and Change", "The Brain at Work", "Motor Skills", "Puberty")




def _chapter(tmp_path: Path, *, with_paragraphs: bool) -> Path:
    """Page 1: the chapter's title, then its sections named in small bold (one under the
    other, or each over a paragraph), then prose. Pages 2-3: the sections, set large."""
    first = ["BT /F2 28 Tf 72 720 Td (Physical Development) Tj ET"]
    top = 670.0
    for name in SECTIONS:
        first.append(f"BT /F2 12 Tf 72 {top} Td ({name}) Tj ET")
        if with_paragraphs:
            first += prose_ops(top - 16, 3)
            top -= 60
        else:
            top -= 24
    first += prose_ops(top - 30, 5)
    pages = [helvetica_page(tmp_path / "p1.pdf", first)]
    for k in (0, 2):
        ops: list[str] = []
        top = 720.0
        for name in SECTIONS[k:k + 2]:
            ops += [f"BT /F2 18 Tf 72 {top} Td ({name}) Tj ET", *prose_ops(top - 26, 8)]
            top -= 160
        pages.append(helvetica_page(tmp_path / f"p{k + 2}.pdf", ops))
    out = pikepdf.new()
    for page in pages:
        out.pages.extend(pikepdf.open(page).pages)
    path = tmp_path / "chapter.pdf"
    out.save(path)
    return path


def _headings(path: Path) -> list[tuple[int, str]]:
    return [
        (b.prov[0].page, b.text) for b in read_layout(path, max_pages=3).blocks
        if isinstance(b, Heading)
    ]


def test_a_list_of_the_sections_ahead_is_no_heading(tmp_path: Path) -> None:
    heads = _headings(_chapter(tmp_path, with_paragraphs=False))
    assert not [text for page, text in heads if page == 0 and text in SECTIONS]
    assert [text for page, text in heads if page > 0] == list(SECTIONS)


def test_a_summarys_sub_headings_over_paragraphs_are_headings(tmp_path: Path) -> None:
    heads = _headings(_chapter(tmp_path, with_paragraphs=True))
    assert [text for page, text in heads if page == 0 and text in SECTIONS] == list(SECTIONS)
