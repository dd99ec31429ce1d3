"""A heading numbered by a counter the bookmarks leave out ("1. Introduction" under the
bookmark "Introduction", as a style sheet's ``h2::before`` numbers it): the table of
contents' bare entry "Introduction" on the same page is the bookmark's echo, not its
heading; the numbered line is."""

from __future__ import annotations

from pathlib import Path

import pikepdf
from pikepdf import OutlineItem

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page, prose_ops


def _tutorial(path: Path) -> Path:
    ops = ["BT /F2 20 Tf 72 740 Td (Tutorial) Tj ET"]
    ops += [f"BT /F1 10 Tf 72 {y} Td ({entry}) Tj ET"
            for y, entry in ((700, "Introduction"), (680, "Methods"), (660, "Results"))]
    ops += prose_ops(630, 3)
    top = 590.0
    for number, title in (("1.", "Introduction"), ("2.", "Methods"), ("3.", "Results")):
        ops += [f"BT /F2 15 Tf 72 {top} Td ({number} {title}) Tj ET", *prose_ops(top - 24, 4)]
        top -= 110
    helvetica_page(path, ops)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        with pdf.open_outline() as outline:
            top_item = OutlineItem("Tutorial", 0)
            top_item.children.extend(
                OutlineItem(title, 0) for title in ("Introduction", "Methods", "Results")
            )
            outline.root.append(top_item)
        pdf.save(path)
    return path


def test_the_contents_entry_is_no_heading_beside_the_numbered_one(tmp_path: Path) -> None:
    blocks = read_layout(_tutorial(tmp_path / "tutorial.pdf"), max_pages=1).blocks
    heads = [b.text for b in blocks if isinstance(b, Heading)]
    assert heads == ["Tutorial", "1. Introduction", "2. Methods", "3. Results"]
