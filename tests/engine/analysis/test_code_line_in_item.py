"""A line of code in a list item, set in a larger monospace face than the item's text (as a
browser sets ``<code>`` in its default monospace) and lined up with the text: the item's, and
the list goes on after it; a line in that face at the labels' indent is the text's."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout


def _font(pdf: pikepdf.Pdf, name: str) -> pikepdf.Object:
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(f"/{name}"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))


def _reference(path: Path, code_x: float) -> Path:
    """Two numbered points, the first with a line of code (at ``code_x``) and a paragraph
    after it, set 18 points in with its text; a listing in the code's face after them."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(
        F1=_font(pdf, "Helvetica"), F2=_font(pdf, "Courier")))
    lines = [
        ("F1", 10, 72, 760, "Files of this kind have the following layout, in this order."),
        ("F1", 10, 90, 730, "1."),
        ("F1", 10, 108, 730, "A version number in the form major, minor and suffix:"),
        ("F2", 13, code_x, 706, "build out | imp-outs... : dyndep | imp-ins..."),
        ("F1", 10, 108, 682, "Currently the version number must always be 1 or 1.0."),
        ("F1", 10, 90, 658, "2."),
        ("F1", 10, 108, 658, "One or more build statements of the form shown below."),
        ("F1", 10, 72, 628, "An example of a file of this kind, with two build statements:"),
        # (A listing in the code's face: its face is the code's, no heading's.)
        *[("F2", 13, 72, 600 - 15 * k, line) for k, line in enumerate(
            ["dyndep_version = 1", "build out: dyndep", "build all: dyndep | in", "  restat = 1"])],
    ]
    ops = [f"BT /{f} {s} Tf {x} {y} Td ({t}) Tj ET".encode() for f, s, x, y, t in lines]
    page.obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def test_a_larger_code_line_lined_up_with_the_items_text_is_the_items(tmp_path: Path) -> None:
    doc = read_layout(_reference(tmp_path / "reference.pdf", code_x=108), max_pages=2)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    first, second = lists[0].items
    texts = [b.text for b in first.blocks if isinstance(b, Paragraph)]
    assert [t.split()[0] for t in texts] == ["A", "build", "Currently"]
    assert second.label == "2."


def test_a_code_line_at_the_labels_indent_ends_the_list(tmp_path: Path) -> None:
    doc = read_layout(_reference(tmp_path / "reference.pdf", code_x=90), max_pages=2)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 2
