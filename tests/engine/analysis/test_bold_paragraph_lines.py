"""A paragraph set in bold with wide leading is read one block per line: its lines, short
and bold, are no headings, since they run on to a sentence's stop."""

from __future__ import annotations

from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf, heading_texts

NOTICE = (
    "The board of directors and the senior managers of the company guarantee that the "
    "contents of this quarterly report are true, accurate and complete, and take on their "
    "joint legal responsibility."
)


def test_the_lines_of_a_bold_paragraph_with_wide_leading_are_no_headings(
    html_pdf: HtmlPdf,
) -> None:
    path = html_pdf(
        "<h1>Quarterly report</h1><h2>Important notice</h2>"
        f"<p style='line-height: 2.4; text-align: justify'><b>{NOTICE}</b></p>"
        f"<p>{LOREM * 2}</p><h2>Company profile</h2><p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Quarterly report", "Important notice", "Company profile"]


def test_a_short_bold_heading_over_a_bold_paragraph_stays_a_heading(
    html_pdf: HtmlPdf,
) -> None:
    # (The heading ends well before the paragraph's lines do.)
    path = html_pdf(
        "<h1>Quarterly report</h1>"
        f"<p style='margin: 0; line-height: 2.4'><b>Important notice</b></p>"
        f"<p style='line-height: 2.4; text-align: justify'><b>{NOTICE}</b></p>"
        f"<p>{LOREM * 2}</p><p><b>Company profile</b></p><p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Quarterly report", "Important notice", "Company profile"]
