"""Terms and their descriptions set with a hanging indent, in one face (a manual's keys):
a short term on its description's first line, a long one on a line of its own over it,
the descriptions running on at the indent over several lines. Each entry is read whole,
its term before its description, as its own block: no table of two columns, whose rows
would part a description's lines and put its tail beside the next term."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Paragraph, Table
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
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    for term, lines in ENTRIES:
        assert f"{term} {' '.join(lines)}" in texts
