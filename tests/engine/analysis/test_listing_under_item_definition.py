"""A code listing in a list item whose text is set in under the item's title ("• Simple" in
bold, its explanation on the lines below, further in), set in a larger monospace face than
the text (as a browser sets ``<pre>``) and lined up with the explanation it follows: the
item's, and the list goes on after it."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf


def _reference(path: Path, code_x: float) -> Path:
    """Two points, each a bold title with its explanation 30 points further in; the first
    explanation goes on with a listing (at ``code_x``) in a face 1.4 times larger (its
    glyphs some 1.25 times taller)."""
    lines = [
        ("F1", 10, 72, 760, "The library is made to be easy to use and quick to set up:"),
        ("F1", 10, 90, 730, "\\225"),
        ("F3", 10, 100, 730, "Simple"),
        ("F1", 10, 130, 706, "It is easy to use and maintain, and needs no configuration."),
        ("F1", 10, 130, 682, "Here is one of the simplest programs you can write with it:"),
        *[("F2", 14, code_x, 656 - 15 * k, line) for k, line in enumerate(
            ["from library import App", "app = App('hello')", "app.run()"])],
        ("F1", 10, 90, 590, "\\225"),
        ("F3", 10, 100, 590, "Fast"),
        ("F1", 10, 130, 566, "A single process handles millions of tasks a minute."),
        ("F1", 10, 72, 536, "The next part of the text says how to install it on a machine."),
    ]
    ops = [f"BT /{f} {s} Tf {x} {y} Td ({t}) Tj ET".encode() for f, s, x, y, t in lines]
    return fonts_page_pdf(
        path, ops, {"F1": "/Helvetica", "F2": "/Courier", "F3": "/Helvetica-Bold"})


def test_a_listing_lined_up_with_the_items_explanation_is_the_items(tmp_path: Path) -> None:
    doc = read_layout(_reference(tmp_path / "reference.pdf", code_x=130), max_pages=2)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    first, second = lists[0].items
    listings = [b for b in first.blocks if isinstance(b, Paragraph) and b.preformatted]
    assert len(listings) == 1 and listings[0].text.startswith("from library import App")
    assert second.text.startswith("Fast")


def test_a_listing_at_the_labels_indent_ends_the_list(tmp_path: Path) -> None:
    doc = read_layout(_reference(tmp_path / "reference.pdf", code_x=90), max_pages=2)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 2
