"""A bulleted list of terms, each on a line of its own over its description, which is
indented past the term's start (a readme's "• Fast" over "A single process can ..."): the
narrow gap between a term and the left edge of the description above it is the
description's indent, no gutter between columns. Each term is read after the text of the
item above it, not before it."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

#: (term, its description's lines).
ITEMS = [
    ("Highly Available", ["Workers and clients will automatically retry in the event of",
                          "connection loss or failure, and some brokers support high",
                          "availability by replication."]),
    ("Fast", ["A single process can process millions of tasks a minute, with",
              "sub-millisecond round-trip latency using a fast broker and",
              "optimized settings."]),
    ("Flexible", ["Almost every part of the library can be extended or used on its",
                  "own: custom pool implementations, serializers, compression",
                  "schemes, logging, schedulers and consumers."]),
]


def _page(path: Path) -> Path:
    ops = []
    y = 700.0
    for term, lines in ITEMS:
        ops.append(f"BT /F1 10 Tf 72 {y} Td (\\225) Tj ET".encode())
        ops.append(f"BT /F2 10 Tf 84 {y} Td ({pdf_string(term).decode()}) Tj ET".encode())
        y -= 26  # (the description's first line further below its term than ...)
        for line in lines:
            ops.append(f"BT /F1 10 Tf 112 {y} Td ({pdf_string(line).decode()}) Tj ET".encode())
            y -= 12
        y -= 8  # (... the next term below the description's last line)
    return fonts_page_pdf(path, ops, {"F1": "/Helvetica", "F2": "/Helvetica-Bold"})


def test_each_term_is_read_after_the_text_above_it(tmp_path: Path, block_loop: str) -> None:
    doc = read_layout(_page(tmp_path / "terms.pdf"), max_pages=1)
    text = " ".join(b.text for b in doc.walk() if isinstance(b, (Paragraph, Heading)))
    at = [text.find(word) for word in ("Highly Available", "Workers", "Fast", "A single",
                                       "Flexible", "Almost")]
    assert -1 not in at and at == sorted(at), text
