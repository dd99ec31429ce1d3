"""Terms and their descriptions set with a hanging indent, in one face (a manual's keys):
a short term on its description's first line, a long one on a line of its own over it,
the descriptions running on at the indent over several lines. Each entry is read whole,
its term before its description, as its own entry of a definition list: no table of two
columns, whose rows would part a description's lines and put its tail beside the next term."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import ListBlock, Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

#: (term, its description's lines), each line filled out to the right margin but the last.
ENTRIES = [
    ("R", ["Repaint the screen, discarding any buffered input. That is, reload the current",
           "file. Useful if the file is changing while it is being viewed."]),
    ("F", ["Scroll forward, and keep trying to read when the end of file is reached. It is",
           "a way to monitor the tail of a file which is growing while it is being viewed",
           "and written to by another program at the same time."]),
    ("g or < or ESC-<", ["Go to line N in the file, default one, the beginning of the file. This",
                         "may be slow if N is large."]),
    ("G", ["Go to line N in the file, default the end of the file. This may be slow if N is",
           "large, or if N is not given and standard input is being read."]),
    ("p or %", ["Go to a position N percent into the file. N should be between zero and one",
                "hundred, and may hold a decimal point."]),
]


def _page(path: Path) -> Path:
    ops = []
    y = 720.0
    for term, lines in ENTRIES:
        ops.append(f"BT /F1 10 Tf 108 {y} Td ({pdf_string(term).decode()}) Tj ET".encode())
        if len(term) > 6:  # (past the indent: the description starts under the term)
            y -= 12
        for k, line in enumerate(lines):
            # (Filled lines stretched to the margin at 540, the last one left short.)
            spacing = "" if k == len(lines) - 1 else "0.8 Tw "
            ops.append(
                f"BT /F1 10 Tf {spacing}144 {y} Td ({pdf_string(line).decode()}) Tj ET".encode()
            )
            y -= 12
        y -= 5  # (the small space groff's .TP sets between entries)
    return fonts_page_pdf(path, ops, {"F1": "/Times-Roman"})


def test_each_term_is_read_with_its_whole_description(tmp_path: Path, block_loop: str) -> None:
    doc = read_layout(_page(tmp_path / "keys.pdf"), max_pages=1)
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    # (A definition list: each entry its term, the item's label, and its description.)
    (terms,) = [b for b in doc.blocks if isinstance(b, ListBlock) and b.definitions]
    texts = [f"{item.label} {item.text}" for item in terms.items]
    for term, lines in ENTRIES:
        assert f"{term} {' '.join(lines)}" in texts


#: (name, its cell's lines): a table's first column as wide as half its second.
ROWS = [
    ("Screening of access report", ["Attempted or successful reunification of the",
                                    "family within the period."]),
    ("Protective plan implemented", ["Referral to services in the county where the",
                                     "family lives."]),
    ("Initial assessment conducted", ["Transportation assistance for the family and",
                                      "the children."]),
    ("Safety plan implemented", ["Collaboration with law enforcement and the",
                                 "courts."]),
]


def test_a_table_whose_first_column_is_wide_stays_a_table(
    tmp_path: Path, block_loop: str
) -> None:
    # (Two columns of a like width: a table's rows, no terms and their descriptions.)
    ops = []
    y = 720.0
    for name, lines in ROWS:
        ops.append(f"BT /F1 10 Tf 72 {y} Td ({pdf_string(name).decode()}) Tj ET".encode())
        for line in lines:
            ops.append(f"BT /F1 10 Tf 250 {y} Td ({pdf_string(line).decode()}) Tj ET".encode())
            y -= 12
        y -= 5
    path = fonts_page_pdf(tmp_path / "table.pdf", ops, {"F1": "/Times-Roman"})
    doc = read_layout(path, max_pages=1)
    assert [b for b in doc.blocks if isinstance(b, Table)]
