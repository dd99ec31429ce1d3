"""A table of contents set line under line, each line a section's number and its title, as a
browser prints a web page's list of links to its sections: the lines build as one block,
which must not read as one heading ("2.1 Overview 2.2 Running it …", numbered as the
chapter's first section) nor as one paragraph: each line is an entry of its own. A numbered
list's points ("1." "2.") and a paragraph opening with a number are left to classification."""

from __future__ import annotations

from pathlib import Path

from tests.engine.content_pdfs import fonts_page_pdf
from workers.engine.document import Document, Heading, ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

_ENTRIES = ["2.1 Overview", "2.2 Running the tool", "2.2.1 Options", "2.2.2 Output file",
            "2.3 Copy profiling"]


def _texts(doc: Document) -> list[str]:
    out: list[str] = []
    for b in doc.blocks:
        if isinstance(b, ListBlock):
            out += [blk.text for item in b.items for blk in item.blocks]
        elif isinstance(b, Heading | Paragraph):
            out.append(b.text)
    return out


def _page(path: Path, entries: list[str]) -> Document:
    ops = [b"BT /F2 18 Tf 72 780 Td (2 A heap analysis tool) Tj ET",
           b"BT /F2 10 Tf 72 750 Td (Table of Contents) Tj ET"]
    y = 730.0
    for entry in entries:
        indent = 20 if entry.count(".") > 1 else 0
        ops.append(f"BT /F1 10 Tf {72 + indent} {y} Td ({entry}) Tj ET".encode())
        y -= 11.5
    ops.append(f"BT /F1 10 Tf 72 {y} Td (To use this tool, name it on the command line.) Tj ET"
               .encode())
    y -= 30
    for number, title in [("2.1", "Overview"), ("2.2", "Running the tool")]:
        ops.append(f"BT /F2 12 Tf 72 {y} Td ({number} {title}) Tj ET".encode())
        ops.append(f"BT /F1 10 Tf 72 {y - 20} Td (The tool counts the blocks a program "
                   f"allocates and reads.) Tj ET".encode())
        y -= 50
    return read_layout(fonts_page_pdf(path, ops, {"F1": "/Helvetica", "F2": "/Helvetica-Bold"}),
                       max_pages=1)


def test_numbered_contents_lines_are_entries_of_their_own(tmp_path: Path) -> None:
    doc = _page(tmp_path / "toc.pdf", _ENTRIES)
    texts = _texts(doc)
    for entry in _ENTRIES:
        assert any(t.endswith(entry.split(" ", 1)[1]) and len(t) <= len(entry) + 1
                   for t in texts), (entry, texts)
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert not any("Running" in h and "Overview" in h for h in headings), headings
    assert "To use this tool, name it on the command line." in texts


def test_lines_whose_numbers_do_not_grow_stay_together(tmp_path: Path) -> None:
    # (Values, not contents: "2.5 litres" under "2.1 litres" is no next section.)
    doc = _page(tmp_path / "values.pdf", ["2.5 Litres of water", "2.1 Litres of milk"])
    assert "2.5 Litres of water 2.1 Litres of milk" in " ".join(_texts(doc))
