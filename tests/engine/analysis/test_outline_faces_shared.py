"""A bookmarked heading set in the text's bold ("Exercises") does not make every line in that
face a heading of the bookmark's level: lecture notes set hundreds of "Definition 3" and
"Example 2" labels in it over their text, which the outline leaves out. Read as the face's
level, each was a top-level heading beside the chapters. A small PDF drawn here with its
outline, in Helvetica and Helvetica-Bold."""

from __future__ import annotations

from pathlib import Path

import pikepdf
from pikepdf import OutlineItem

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import PROSE, helvetica_fonts

LABELS = [f"{kind} {n}" for n in range(1, 5) for kind in ("Definition", "Example")]


def _notes(path: Path) -> Path:
    pdf = pikepdf.new()
    fonts = helvetica_fonts(pdf)
    words = PROSE.split()
    body = [" ".join(words[k:k + 12]) for k in (0, 6)]
    pages: list[list[str]] = [["BT /F2 18 Tf 72 760 Td (1 Spaces and maps) Tj ET"]]
    y = 720.0
    for label in LABELS:
        if y < 120:
            pages.append([])
            y = 760.0
        pages[-1].append(f"BT /F2 10 Tf 72 {y} Td ({label}) Tj ET")
        pages[-1] += [f"BT /F1 10 Tf 72 {y - 20 - 12 * k} Td ({line}) Tj ET"
                      for k, line in enumerate(body)]
        y -= 62
    pages[-1].append(f"BT /F2 10 Tf 72 {y} Td (Exercises) Tj ET")
    pages[-1] += [f"BT /F1 10 Tf 72 {y - 14 - 12 * k} Td ({line}) Tj ET"
                  for k, line in enumerate(body)]
    for ops in pages:
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=fonts)
        page.obj.Contents = pdf.make_stream("\n".join(ops).encode())
    with pdf.open_outline() as outline:
        outline.root.extend([
            OutlineItem("1 Spaces and maps", 0),
            OutlineItem("Exercises", len(pages) - 1),
        ])
    pdf.save(path)
    return path


def test_labels_in_a_bookmarked_headings_face_are_not_its_level(tmp_path: Path) -> None:
    doc = read_layout(_notes(tmp_path / "notes.pdf"), max_pages=5)
    headings = {b.text: b.level for b in doc.blocks if isinstance(b, Heading)}
    assert headings.get("1 Spaces and maps") == 1
    assert headings.get("Exercises") == 1
    labelled = {text: level for text, level in headings.items() if text in LABELS}
    assert all(level > 1 for level in labelled.values()), labelled
