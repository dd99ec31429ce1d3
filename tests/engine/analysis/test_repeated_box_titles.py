"""A heading-like line printed twice on one page in one face titles two boxes alike: a label,
not two sections (a section is headed once)."""

from __future__ import annotations

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf, heading_texts


def quoted_box(title: str) -> str:
    return (
        "<div style='background: #eee'>"
        f"<p style='text-align: center; margin: 0'><b>{title}</b></p><p>« {LOREM} »</p></div>"
    )


def test_two_boxes_titled_alike_on_a_page_are_no_sections(html_pdf: HtmlPdf) -> None:
    box = quoted_box("A shared vision to guide the plan?")
    path = html_pdf(
        f"<h1>Active transport plan</h1><p>{LOREM}</p><h2>A renewed vision</h2><p>{LOREM}</p>"
        f"{box}<p><i>The vision put forward after the consultations:</i></p>{box}"
        f"<p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Active transport plan", "A renewed vision"]


def test_a_heading_and_a_box_titled_like_it_in_a_smaller_face_keep_the_heading(
    html_pdf: HtmlPdf,
) -> None:
    # (Without bookmarks, which would name the heading whatever its neighbours.)
    path = html_pdf(
        f"<h1 style='bookmark-level: none'>Active transport plan</h1><p>{LOREM}</p>"
        f"<h2 style='bookmark-level: none'>A shared vision</h2><p>{LOREM}</p>"
        f"{quoted_box('A shared vision')}<p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert ("A shared vision", 2) in [
        (b.text, b.level) for b in doc.blocks if isinstance(b, Heading)
    ]
