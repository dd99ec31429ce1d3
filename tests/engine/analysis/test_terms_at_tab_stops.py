"""A hanging-indent list of terms (a manual's options, a glossary): a term short enough for
the indent is set on its description's first line, the description at the indent going on
below, under the description of the entry before it. The term is read with its
description, and the description is not read on from the entry above (which put the term
after text that follows it), in the Python loop and in the C one alike."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

#: (term, its description's lines): terms short enough for the indent share its first line;
#: a longer one stands on a line of its own over its description.
ENTRIES = [
    ("-B, --ignore-backups", ["do not list implied entries ending with a tilde"]),
    ("-c", ["with -lt: sort by, and show, ctime (time of last modification of file status",
            "information); with -l: show ctime and sort by name; otherwise: sort by ctime"]),
    ("-C", ["list entries by columns"]),
    ("--color", ["color the output; more about colours below"]),
]


def _page(path: Path) -> Path:
    ops = []
    y = 720.0
    for term, lines in ENTRIES:
        ops.append(f"BT /F2 10 Tf 108 {y} Td ({pdf_string(term).decode()}) Tj ET".encode())
        if len(term) > 6:  # (past the indent: the description starts under the term)
            y -= 12
        for line in lines:
            ops.append(f"BT /F1 10 Tf 144 {y} Td ({pdf_string(line).decode()}) Tj ET".encode())
            y -= 12
        y -= 5  # (the small space groff's .TP sets between entries)
    return fonts_page_pdf(path, ops, {"F1": "/Times-Roman", "F2": "/Times-Bold"})


def test_a_term_on_its_descriptions_first_line_is_read_with_it(
    tmp_path: Path, block_loop: str
) -> None:
    doc = read_layout(_page(tmp_path / "options.pdf"), max_pages=1)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    words = " ".join(texts).split()
    expected = " ".join(f"{term} {' '.join(lines)}" for term, lines in ENTRIES).split()
    assert words == expected  # (each term before its description, in the page's order)
    for term, lines in ENTRIES[1:3]:  # (the terms set on their description's line)
        assert f"{term} {' '.join(lines)}" in texts


def test_a_bold_time_in_small_print_labels_no_name_beside_it(
    tmp_path: Path, block_loop: str
) -> None:
    # (A timetable's times in small print beside a band's name: not a term and its text.)
    ops = [
        b"BT /F2 6 Tf 108 720 Td (11:00) Tj ET",
        b"BT /F1 10 Tf 150 720 Td (The Crave) Tj ET",
    ]
    path = fonts_page_pdf(tmp_path / "times.pdf", ops,
                          {"F1": "/Times-Roman", "F2": "/Times-Bold"})
    texts = [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Paragraph)]
    assert "11:00 The Crave" not in texts
