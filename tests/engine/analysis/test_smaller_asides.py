"""A heading that ends in a smaller aside in parentheses: read in its own face, not the aside's."""

from __future__ import annotations

from workers.engine.document import Heading, Paragraph
from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf

PLAIN = "font-weight: normal; bookmark-level: none"
TITLE = f"<h1 style='font-size: 30pt; {PLAIN}'>{{}}</h1><p style='font-size: 18pt'>{{}}</p>"
ASIDE = "<span style='font-size: 16pt'>{}</span>"


def _slides(html_pdf: HtmlPdf, slides: list[str]) -> tuple[list[str], list[str]]:
    body = "".join(f"<section style='page-break-after: always'>{s}</section>" for s in slides)
    doc = read_layout(html_pdf(body, css="@page { size: A4 landscape }"), max_pages=9)
    heads = [b.text for b in doc.blocks if isinstance(b, Heading)]
    paragraphs = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    return heads, paragraphs


def test_a_slide_title_with_a_longer_smaller_aside_is_the_slides_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The aside has more letters than the title: the median size of the line is the aside's.
    aside = ASIDE.format("(not much of a difference from the one before)")
    heads, paragraphs = _slides(html_pdf, [
        TITLE.format("Echo in Go", LOREM),
        TITLE.format(f"Echo in C {aside}", LOREM),
        TITLE.format("Functions", LOREM),
    ])
    assert heads == [
        "Echo in Go", "Echo in C (not much of a difference from the one before)", "Functions",
    ]
    assert not any(p.startswith("Echo") for p in paragraphs)


def test_a_line_in_the_points_face_ending_in_a_smaller_aside_stays_a_point(
    html_pdf: HtmlPdf,
) -> None:
    # The words before the aside are in the points' face: no heading, whatever the aside.
    line = "<p style='font-size: 18pt'>Echo in C {}</p>".format(
        "<span style='font-size: 12pt'>(not much of a difference from the one before)</span>"
    )
    heads, paragraphs = _slides(html_pdf, [
        TITLE.format("Echo in Go", LOREM),
        TITLE.format("Echo in C", LOREM) + line,
        TITLE.format("Functions", LOREM),
    ])
    assert heads == ["Echo in Go", "Echo in C", "Functions"]
    assert "Echo in C (not much of a difference from the one before)" in paragraphs


SECTION = (
    "<p style='font-size: 12.5pt; font-weight: bold; margin-top: 18pt'>{} "
    "<span style='font-size: 11pt; font-weight: normal; font-style: italic'>{}</span></p>"
    "<p style='font-size: 10pt'>{}</p>"
)


def test_a_bold_title_with_a_longer_lighter_aside_a_little_smaller_is_a_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The aside is 0.88 of the title's size, in italic, not bold: a face of its own by its
    # weight, though nearer the title's size than a smaller aside's 0.85.
    body = "".join([
        SECTION.format("SECTION 1: SERVICE", "(The person whose discharge is to be reviewed.)",
                       LOREM),
        SECTION.format("SECTION 2: APPLICANT", "(if other than the service member named above)",
                       LOREM),
    ])
    doc = read_layout(html_pdf(body), max_pages=1)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == [
        "SECTION 1: SERVICE (The person whose discharge is to be reviewed.)",
        "SECTION 2: APPLICANT (if other than the service member named above)",
    ]
