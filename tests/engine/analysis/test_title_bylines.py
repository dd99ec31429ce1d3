"""The byline under a centred title (organisation, author, address: short lines centred on
the title's axis, in bold faces larger than the body's) heads no text: paragraphs, not
headings. A centred line that heads text under it stays a heading."""

from __future__ import annotations

from workers.engine.document import Heading, Paragraph
from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf, heading_texts

_CSS = (
    "h1, h2, h3 { bookmark-level: none } .c { text-align: center } "
    ".by { font-weight: bold; font-size: 16pt; text-align: center; margin: 16pt 0 } "
    ".mail { font-weight: bold; font-size: 11pt; text-align: center }"
)


def _title_page(byline: str) -> str:
    return (
        "<h1 class='c'>Shared Database Specification</h1>" + byline
        + f"<h2>1. Introduction</h2><p>{LOREM * 2}</p>"
        + f"<h3>1.1. Version</h3><p>{LOREM}</p><h3>1.2. Scope</h3><p>{LOREM}</p>"
        + f"<h2>2. Unified system</h2><p>{LOREM * 2}</p>"
    )


def test_a_centred_byline_under_the_title_is_no_heading(html_pdf: HtmlPdf) -> None:
    byline = ("<p class='by'>Desktop Group (www.example.org)</p>"
              "<p class='by'>Thomas Leonard</p><p class='mail'>tal at example.net</p>")
    doc = read_layout(html_pdf(_title_page(byline), css=_CSS), max_pages=5)
    assert heading_texts(doc) == [
        "Shared Database Specification", "1. Introduction", "1.1. Version", "1.2. Scope",
        "2. Unified system",
    ]
    said = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert said[:3] == ["Desktop Group (www.example.org)", "Thomas Leonard", "tal at example.net"]


def test_a_centred_line_over_text_stays_a_heading(html_pdf: HtmlPdf) -> None:
    body = (
        "<h1 class='c'>Shared Database Specification</h1>"
        f"<p class='by'>Abstract</p><p>{LOREM * 2}</p>"
        f"<h2>1. Introduction</h2><p>{LOREM * 2}</p><h2>2. Unified system</h2><p>{LOREM}</p>"
    )
    doc = read_layout(html_pdf(body, css=_CSS), max_pages=5)
    assert any(isinstance(b, Heading) and b.text == "Abstract" for b in doc.blocks)
