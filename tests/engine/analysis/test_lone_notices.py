"""A sentence closed by a full stop, alone on its page, is a notice ("The appendices follow
overleaf."), not a heading, however large it is set ("This page intentionally left blank." is
a pagination artifact: test_left_blank_pages.py); a part's title alone on
its page stays a heading (:func:`workers.engine.layout.classify._lone_notices`)."""

from __future__ import annotations

from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf, heading_texts, paragraph_texts

ALONE = "page-break-before: always; page-break-after: always; margin-top: 300pt"


def _book(html_pdf: HtmlPdf, alone: str, size: str = "16pt") -> str:
    chapter = "".join(f"<p>{LOREM * 3}</p>" for _ in range(4))
    return (
        f"<h1>Annual Report</h1>{chapter}"
        f'<p style="{ALONE}; font-size: {size}; font-weight: bold">{alone}</p>'
        f"<h2>Accounts</h2>{chapter}"
    )


def test_a_sentence_alone_on_its_page_is_no_heading(html_pdf: HtmlPdf) -> None:
    notice = "The appendices follow overleaf."
    doc = read_layout(html_pdf(_book(html_pdf, notice)), max_pages=5)
    assert notice not in heading_texts(doc)
    assert notice in paragraph_texts(doc)
    assert "Accounts" in heading_texts(doc)


def test_a_part_title_alone_on_its_page_stays_a_heading(html_pdf: HtmlPdf) -> None:
    doc = read_layout(html_pdf(_book(html_pdf, "Part Two.", "22pt")), max_pages=5)
    assert "Part Two." in heading_texts(doc)
