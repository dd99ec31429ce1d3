"""A reference list labelled by citation keys without a year ("[hut]", "[KR]"): a run of
entries, each opening with its bracketed key, under a references heading, is a list. A lone
bracketed word opening a paragraph of running text ("[sic]") is no list's label."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.content_pdfs import text_page_pdf
from workers.engine.document import Document, ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

_REFERENCES = [
    ("[hut]", "P. Hut and G. J. Sussman. Advanced computing for science. 1987."),
    ("[KR]", "B. W. Kernighan and D. M. Ritchie. The C Programming Language. 1978."),
    ("[knuth]", "D. E. Knuth. The Art of Computer Programming. Addison-Wesley."),
    ("[pike]", "R. Pike. Notes on programming in C. Bell Labs, 1989."),
]


def _read(path: Path, heading: str, setting: str = "spaced") -> Document:
    """The page, its entries set ``setting``: "spaced" (a blank line between entries),
    "close" (line under line, as one paragraph's lines are) or "tab" (each key a piece of
    its own, its entry past a tab stop)."""
    ops = [
        b"BT /F1 14 Tf 72 760 Td (1 Introduction) Tj ET",
        b"BT /F1 10 Tf 72 740 Td (Computing has changed science in many ways.) Tj ET",
        b"BT /F1 10 Tf 72 714 Td ([sic] The old machines were slow, and the new ones fast.) Tj ET",
        b"BT /F1 10 Tf 72 688 Td (That is a remark on the text above.) Tj ET",
        f"BT /F1 14 Tf 72 650 Td ({heading}) Tj ET".encode(),
    ]
    step = 26 if setting == "spaced" else 13
    for k, (key, entry) in enumerate(_REFERENCES):
        y = 624 - step * k
        if setting == "tab":
            ops.append(f"BT /F1 10 Tf 72 {y} Td ({key}) Tj ET".encode())
            ops.append(f"BT /F1 10 Tf 135 {y} Td ({entry}) Tj ET".encode())
        else:
            ops.append(f"BT /F1 10 Tf 72 {y} Td ({key} {entry}) Tj ET".encode())
    return read_layout(text_page_pdf(path, ops), max_pages=5)


@pytest.mark.parametrize("setting", ["spaced", "close", "tab"])
def test_entries_keyed_without_a_year_under_references_are_a_list(
    tmp_path: Path, setting: str
) -> None:
    doc = _read(tmp_path / "refs.pdf", "References", setting)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert [i.label for i in lists[0].items] == [key for key, _ in _REFERENCES]
    assert [i.blocks[0].text for i in lists[0].items] == [e for _, e in _REFERENCES]


def test_a_bracketed_word_in_running_text_is_no_label(tmp_path: Path) -> None:
    doc = _read(tmp_path / "refs.pdf", "References")
    assert any(isinstance(b, Paragraph) and b.text.startswith("[sic]") for b in doc.blocks)


@pytest.mark.parametrize("setting", ["spaced", "close"])
def test_keyed_entries_outside_a_references_section_are_no_list(
    tmp_path: Path, setting: str
) -> None:
    doc = _read(tmp_path / "notes.pdf", "Further remarks", setting)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)


def test_entries_keyed_with_a_year_line_under_line_are_a_list(tmp_path: Path) -> None:
    # (Keys with a year, "[Knu84]", set line under line: one paragraph's lines before.)
    ops = [b"BT /F1 14 Tf 72 760 Td (Bibliography) Tj ET"]
    keys = ["[Hut87]", "[KR78]", "[Knu73]"]
    for k, (key, (_, entry)) in enumerate(zip(keys, _REFERENCES, strict=False)):
        ops.append(f"BT /F1 10 Tf 72 {730 - 13 * k} Td ({key} {entry}) Tj ET".encode())
    doc = read_layout(text_page_pdf(tmp_path / "years.pdf", ops), max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [i.label for i in lists[0].items] == keys


def test_a_paragraph_opening_with_a_bracketed_word_stays_whole(tmp_path: Path) -> None:
    ops = [
        b"BT /F1 14 Tf 72 760 Td (References) Tj ET",
        b"BT /F1 10 Tf 72 730 Td ([Note] The entries below were checked against the) Tj ET",
        b"BT /F1 10 Tf 72 717 Td (catalogue of the library, and corrected where needed.) Tj ET",
    ]
    doc = read_layout(text_page_pdf(tmp_path / "note.pdf", ops), max_pages=5)
    assert [type(b).__name__ for b in doc.blocks] == ["Heading", "Paragraph"]
    assert doc.blocks[1].text.endswith("corrected where needed.")
