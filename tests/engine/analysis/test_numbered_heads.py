"""Section headings numbered like list items are headings, not lists of one item."""

from __future__ import annotations

from workers.engine.document import Document, Heading, ListBlock
from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf


def _lists(doc: Document) -> list[list[str]]:
    """Every list's labels, nested lists included."""
    found: list[list[str]] = []

    def walk(blocks: list[object]) -> None:
        for b in blocks:
            if isinstance(b, ListBlock):
                found.append([item.label for item in b.items])
                for item in b.items:
                    walk(list(item.blocks))

    walk(list(doc.blocks))
    return found


def test_a_centred_roman_section_after_a_list_is_a_heading_not_a_nested_item(
    html_pdf: HtmlPdf,
) -> None:
    # A paper's section in centred small capitals, read right after a point of a list: its
    # "IV." is a section's number, not the label of a point nested in the list above.
    path = html_pdf(
        "<h1>On rivers</h1>"
        f"<p>{LOREM}</p><p>1. A first point to make: {LOREM}</p>"
        "<p style='text-align: center; font-variant: small-caps'>IV. Individual privacy</p>"
        f"<p>{LOREM}{LOREM}</p>"
        "<p><i>A. Intuitive view</i></p>"
        f"<p>{LOREM}{LOREM}</p>"
        "<p><i>B. Formal view</i></p>"
        f"<p>{LOREM}{LOREM}</p>",
        producer="pdfTeX-1.40.25",  # (a paper: its title is the first of the top level)
    )
    doc = read_layout(path, max_pages=5)
    heads = [(b.text.lower(), b.level) for b in doc.blocks if isinstance(b, Heading)]
    assert heads == [
        ("on rivers", 1), ("iv. individual privacy", 1), ("a. intuitive view", 2),
        ("b. formal view", 2),
    ]
    assert _lists(doc) == [["1."]]


def test_lists_in_the_body_face_or_of_several_points_stay_lists(html_pdf: HtmlPdf) -> None:
    # One point in the running text's face, and short bold points one after the other (the
    # last one over running text), are lists still.
    path = html_pdf(
        f"<h1>On rivers</h1><p>{LOREM}</p>"
        f"<p>1. Bring your passport</p><p>{LOREM}{LOREM}</p>"
        f"<p><b>1. Apples</b></p><p><b>2. Pears</b></p><p>{LOREM}{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["On rivers"]
    assert _lists(doc) == [["1."], ["1.", "2."]]


def test_a_centred_numbered_section_after_a_list_is_no_point_of_it(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<h1>On rivers</h1><p>{LOREM}</p><ul><li>A point to make: {LOREM}</li></ul>"
        "<p style='text-align: center'><b>2. Method</b></p>"
        f"<p>{LOREM}{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == ["On rivers", "2. Method"]
    assert _lists(doc) == [["•"]]
