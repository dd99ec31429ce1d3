"""A contents list is tagged ``TOC`` with ``TOCI`` entries (``Reference`` holding the entry's
``Link``, ``TOC`` for the entries under one), the page unchanged, every element read back; the
structure reader reads those tags back as the same contents list; HTML makes it navigation,
text and large print a list of "title page" entries."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.analyse import analyse
from workers.engine.checks_formats import check_text
from workers.engine.document import (
    BBox,
    Document,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Prov,
    contents_title,
)
from workers.engine.render_html import build_html
from workers.engine.render_large_print import build_large_print_html
from workers.engine.render_pandoc import render_pandoc
from workers.engine.structure.reader import read_structure
from workers.engine.tagged_pdf.tagger import tag_pdf

from ..analysis.test_contents import Text, contents_document, make_pages
from .conftest import pdfua_check, tag_and_check


def _roles(element: pikepdf.Dictionary, depth: int = 0) -> list[tuple[int, str]]:
    """(depth, role) of every structure element below ``element``, in tree order."""
    out: list[tuple[int, str]] = []
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            out.append((depth, str(kid.S)[1:]))
            out.extend(_roles(kid, depth + 1))
    return out


def _toc_subtree(roles: list[tuple[int, str]]) -> list[tuple[int, str]]:
    start = next(k for k, (_, role) in enumerate(roles) if role == "TOC")
    base = roles[start][0]
    out = [(0, roles[start][1])]
    for depth, role in roles[start + 1:]:
        if depth <= base:
            break
        out.append((depth - base, role))
    return out


def test_contents_are_tagged_toc_with_toci_and_links_in_references(tmp_path: Path) -> None:
    result = tag_and_check(contents_document(tmp_path))
    assert result.failed() == []  # pixels identical, every element read back, PDF/UA basics
    with pikepdf.open(result.output) as pdf:
        toc = _toc_subtree(_roles(pdf.Root.StructTreeRoot))
        # Entry 1 holds entry 1.1 in a TOC of its own.
        assert toc == [
            (0, "TOC"),
            (1, "TOCI"), (2, "Reference"), (3, "Link"),
            (2, "TOC"), (3, "TOCI"), (4, "Reference"), (5, "Link"),
            (1, "TOCI"), (2, "Reference"), (3, "Link"),
            (1, "TOCI"), (2, "Reference"), (3, "Link"),
        ]
        # Every link annotation is reached from its Link element through /StructParent.
        parent_tree = pdf.Root.StructTreeRoot.ParentTree.Nums
        by_key = {int(parent_tree[k]): parent_tree[k + 1] for k in range(0, len(parent_tree), 2)}
        for annot in pdf.pages[0].Annots:
            element = by_key[int(annot.StructParent)]
            assert element.S == "/Link"
            assert element.P.S == "/Reference"
            assert element.K.Obj.objgen == annot.objgen


def test_contents_tags_pass_verapdf(tmp_path: Path) -> None:
    result = tag_and_check(contents_document(tmp_path))
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


def test_the_structure_reader_reads_toc_tags_as_the_same_contents(tmp_path: Path) -> None:
    result = tag_and_check(contents_document(tmp_path))
    read = read_structure(result.output, max_pages=10)
    assert read.reader == "structure"
    (found,) = [b for b in read.blocks if isinstance(b, ListBlock) and b.contents]
    (model,) = [b for b in result.document.blocks if isinstance(b, ListBlock) and b.contents]

    def shape(block: ListBlock) -> list[tuple[str, str, list[object]]]:
        return [
            (contents_title(item), item.page_label,
             [shape(b) for b in item.blocks if isinstance(b, ListBlock)])
            for item in block.items
        ]

    assert shape(found) == shape(model)
    first = found.items[0].blocks[0]
    assert isinstance(first, Paragraph)
    assert [link.target for link in first.links] == ["#page=2"]


def test_html_renders_the_documents_contents_once_as_navigation(tmp_path: Path) -> None:
    result = tag_and_check(contents_document(tmp_path))
    # Four pages and four headings: enough for a generated contents list, which the
    # document's own replaces.
    html = build_html(result.document).html
    assert html.count("<nav") == 1
    assert '<nav class="contents" aria-label="Contents">' in html
    assert '<a href="#heading-2">1 Introduction</a> <span class="contents-page">2</span>' in html
    assert '<a href="#heading-3">1.1 Background</a>' in html
    assert "....." not in html


def test_html_links_an_entry_without_a_matching_heading_to_its_page() -> None:
    box = BBox(72, 700, 500, 712)
    entry = Paragraph("Annexes ........ 2", [Prov(0, box)], [Link("Annexes", "#page=2")])
    doc = Document(blocks=[
        ListBlock([ListItem("", [entry], page_label="2")], contents=True),
        Paragraph("Body text on the second page.", [Prov(1, box)]),
    ])
    html = build_html(doc).html
    assert '<a href="#page-2">Annexes</a>' in html
    assert 'id="page-2"' in html
    assert "not a web or e-mail address" not in html


def test_text_and_large_print_read_entries_as_title_and_page(tmp_path: Path) -> None:
    result = tag_and_check(contents_document(tmp_path))
    text = render_pandoc(result.document, "text").content.decode("utf-8")
    assert "1 Introduction 2" in text and "1.1 Background 2" in text
    assert "....." not in text
    assert check_text(text.encode("utf-8"), result.document)["passed"]
    large = build_large_print_html(result.document, point_size=18)
    assert "1 Introduction 2" in large.html and "....." not in large.html


def test_titles_ending_in_numbers_are_no_page_numbers_when_others_have_none(
    tmp_path: Path,
) -> None:
    # A contents list without page numbers ("Part II" ends in a numeral, "Economy" does not):
    # tagged TOC/TOCI, then read back by the structure reader.
    lines = ["Economy", "Part II", "Reading"]
    source = make_pages(tmp_path / "parts.pdf",
                        [[Text(72, 720 - 40 * k, line) for k, line in enumerate(lines)]])
    document = analyse(source, max_pages=5)
    paragraphs = [b for b in document.blocks if isinstance(b, Paragraph)]
    assert [p.text for p in paragraphs] == lines
    document.blocks = [ListBlock([ListItem("", [p]) for p in paragraphs], contents=True)]
    output = tmp_path / "parts-tagged.pdf"
    output.write_bytes(tag_pdf(source, document).content)
    read = read_structure(output, max_pages=5)
    (found,) = [b for b in read.blocks if isinstance(b, ListBlock) and b.contents]
    assert [(contents_title(item), item.page_label) for item in found.items] == [
        (line, "") for line in lines]
