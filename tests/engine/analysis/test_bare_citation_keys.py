"""A reference list labelled by citation keys without a year ("[hut]", "[KR]"): a run of
entries, each opening with its bracketed key, under a references heading, is a list. A lone
bracketed word opening a paragraph of running text ("[sic]") is no list's label."""

from __future__ import annotations

from pathlib import Path

from tests.engine.content_pdfs import text_page_pdf
from workers.engine.document import Document, ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

_REFERENCES = [
    ("[hut]", "P. Hut and G. J. Sussman. Advanced computing for science. 1987."),
    ("[KR]", "B. W. Kernighan and D. M. Ritchie. The C Programming Language. 1978."),
    ("[knuth]", "D. E. Knuth. The Art of Computer Programming. Addison-Wesley."),
    ("[pike]", "R. Pike. Notes on programming in C. Bell Labs, 1989."),
]


def _read(path: Path, heading: str) -> Document:
    ops = [
        b"BT /F1 14 Tf 72 760 Td (1 Introduction) Tj ET",
        b"BT /F1 10 Tf 72 740 Td (Computing has changed science in many ways.) Tj ET",
        b"BT /F1 10 Tf 72 714 Td ([sic] The old machines were slow, and the new ones fast.) Tj ET",
        b"BT /F1 10 Tf 72 688 Td (That is a remark on the text above.) Tj ET",
        f"BT /F1 14 Tf 72 650 Td ({heading}) Tj ET".encode(),
    ]
    for k, (key, entry) in enumerate(_REFERENCES):
        # (Each entry a paragraph of its own, set apart by a blank line.)
        ops.append(f"BT /F1 10 Tf 72 {624 - 26 * k} Td ({key} {entry}) Tj ET".encode())
    return read_layout(text_page_pdf(path, ops), max_pages=5)


def test_entries_keyed_without_a_year_under_references_are_a_list(tmp_path: Path) -> None:
    doc = _read(tmp_path / "refs.pdf", "References")
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert [i.label for i in lists[0].items] == [key for key, _ in _REFERENCES]
    assert [i.blocks[0].text for i in lists[0].items] == [e for _, e in _REFERENCES]


def test_a_bracketed_word_in_running_text_is_no_label(tmp_path: Path) -> None:
    doc = _read(tmp_path / "refs.pdf", "References")
    assert any(isinstance(b, Paragraph) and b.text.startswith("[sic]") for b in doc.blocks)


def test_keyed_paragraphs_outside_a_references_section_stay_paragraphs(tmp_path: Path) -> None:
    doc = _read(tmp_path / "notes.pdf", "Further remarks")
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
