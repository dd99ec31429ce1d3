"""A column's head stacked on three lines over a table of lines lined up, its first line
alone on its line (the other columns' heads are shorter): the head's first line, not text
over the table."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Paragraph, Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

_ROWS = [("Total", "10,690,561", "7,389,208", "150,544"),
         ("Violent crime", "456,965", "268,346", "5,608"),
         ("Robbery", "100,496", "43,039", "726"),
         ("Arson", "9,466", "7,085", "115")]
#: Where each column ends: the figures and the heads over them are set flush right.
_RIGHTS = (None, 250.0, 320.0, 400.0)


def _show(text: str, y: float, right: float | None, *, x: float = 80.0) -> bytes:
    # (Helvetica's digits are 0.556 em wide, its letters about as wide on average: close
    # enough to set the text flush right by its length.)
    left = x if right is None else right - 0.556 * 7 * len(text)
    return f"BT /F1 7 Tf {left:.2f} {y} Td ({text}) Tj ET".encode()


def test_a_heads_first_line_alone_on_its_line_is_the_heads(tmp_path: Path) -> None:
    ops = [
        _show("Alaskan", 740, 400),
        _show("Offense charged", 732, None), _show("Indian", 732, 400),
        _show("Total", 724, 250), _show("White", 724, 320), _show("Native", 724, 400),
    ]
    for k, row in enumerate(_ROWS):
        ops += [_show(text, 712 - 9 * k, right) for text, right in zip(row, _RIGHTS,
                                                                       strict=True)]
    doc = read_layout(text_page_pdf(tmp_path / "heads.pdf", ops), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    said = " ".join(c.text for row in table.rows for c in row.cells)
    assert "Alaskan" in said
    assert not [b for b in doc.blocks if isinstance(b, Paragraph) and "Alaskan" in b.text]
