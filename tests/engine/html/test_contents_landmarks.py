"""A page with more than one contents list gives each ``<nav>`` its own name (axe
``landmark-unique``): a chapter's own contents is named after the chapter, the rest of a
contents list read in two pieces is "continued"."""

from __future__ import annotations

import re
from pathlib import Path

from workers.engine.document import Document, Heading, ListBlock, ListItem, Paragraph
from workers.engine.layout.reader import read_layout
from workers.engine.render_html import build_html

from ..analysis.test_contents import BODY, Text, leaders, make_pages
from .conftest import run_axe


def nav_names(html: str) -> list[str]:
    return re.findall(r'<nav class="contents" aria-label="([^"]*)">', html)


def manual_with_a_chapter_contents(tmp_path: Path) -> Path:
    """A manual's contents on page 1; chapter 2 opens with a contents list of its own (as
    DocBook prints them), leading to its three sections."""
    first = [Text(72, 780, "Field guide", 24), Text(72, 740, "Contents", 18)]
    for k, (title, page) in enumerate([("1 Introduction", "2"), ("2 Methods", "3"),
                                       ("3 Results", "4")]):
        first.append(Text(72, 700 - 20 * k, leaders(title, page, 70)))
    methods = [Text(72, 760, "2 Methods", 18)]
    sections = ("2.1 Design", "2.2 Data", "2.3 Analysis")
    for k, title in enumerate(sections):
        methods.append(Text(72, 720 - 20 * k, leaders(title, "3", 70)))
    for k, title in enumerate(sections):
        methods += [Text(72, 640 - 70 * k, title, 14), Text(72, 615 - 70 * k, BODY)]
    pages = [
        first,
        [Text(72, 760, "1 Introduction", 18), Text(72, 730, BODY)],
        methods,
        [Text(72, 760, "3 Results", 18), Text(72, 730, BODY)],
    ]
    return make_pages(tmp_path / "guide.pdf", pages)


def test_a_chapter_s_own_contents_is_named_after_the_chapter(tmp_path: Path) -> None:
    document = read_layout(manual_with_a_chapter_contents(tmp_path), max_pages=10)
    assert sum(isinstance(b, ListBlock) and b.contents for b in document.blocks) == 2
    assert nav_names(build_html(document).html) == ["Contents", "Contents of 2 Methods"]


def contents(*titles: str) -> ListBlock:
    return ListBlock([ListItem("", [Paragraph(t)], page_label="1") for t in titles],
                     contents=True)


def split_contents() -> Document:
    """One contents list the reader found in two pieces, a stray line between them."""
    return Document(blocks=[
        Heading("Field guide", 1),
        Heading("Table of contents", 2),
        contents("Introduction"),
        Paragraph("Methods Design"),
        contents("Data", "Results"),
        Heading("Introduction", 2), Paragraph(BODY),
        Heading("Methods", 2), Paragraph(BODY),
        Heading("Data", 3), Paragraph(BODY),
        Heading("Results", 2), Paragraph(BODY),
    ])


def test_the_rest_of_a_contents_list_is_continued() -> None:
    assert nav_names(build_html(split_contents()).html) == ["Contents", "Contents (continued)"]


def test_pages_with_several_contents_lists_have_no_axe_violations(tmp_path: Path) -> None:
    document = read_layout(manual_with_a_chapter_contents(tmp_path), max_pages=10)
    pages = {"chapter.html": build_html(document), "split.html": build_html(split_contents())}
    for name, page in pages.items():
        (tmp_path / name).write_bytes(page.content)
    assert run_axe(*(tmp_path / name for name in pages)) == {name: {} for name in pages}
