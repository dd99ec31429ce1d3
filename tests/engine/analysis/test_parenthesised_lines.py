"""A line wholly in parentheses, however large or bold, is a note on what is above it (a
form's legal reference under its title), not a heading."""

from __future__ import annotations

from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf, heading_texts

NO_BOOKMARK = "style='bookmark-level: none'"


def test_a_reference_in_parentheses_under_a_title_is_no_heading(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<h1 {NO_BOOKMARK}>APPLICATION FOR MEMBERSHIP OF RELATIVES</h1>"
        "<p style='font-size: 14pt'><b><i>(Articles L.161-14, L.161-25-2 and R.161-8 of the"
        " Social Security Code)</i></b></p>"
        f"<p>{LOREM * 2}</p><h2 {NO_BOOKMARK}>The insured person</h2><p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["APPLICATION FOR MEMBERSHIP OF RELATIVES", "The insured person"]


def test_a_heading_opening_with_an_aside_in_parentheses_stays_a_heading(
    html_pdf: HtmlPdf,
) -> None:
    path = html_pdf(
        f"<h1 {NO_BOOKMARK}>Membership of relatives</h1><p>{LOREM * 2}</p>"
        f"<h2 {NO_BOOKMARK}>(Optional) Further details</h2><p>{LOREM * 2}</p>"
        f"<h2 {NO_BOOKMARK}>(Optional) Other relatives (not children)</h2><p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == [
        "Membership of relatives", "(Optional) Further details",
        "(Optional) Other relatives (not children)",
    ]
