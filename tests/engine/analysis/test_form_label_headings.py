"""Bold lines at the body's size that are a form's labels, not headings: a label with its
value after the colon, and the first line of a longer bold label cut from the rest."""

from __future__ import annotations

from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf, heading_texts, paragraph_texts


def test_a_bold_label_with_its_value_after_the_colon_is_no_heading(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<h1>Incident report</h1><p>{LOREM}</p>"
        "<p><b>Residence at the time of the incident:</b> In-home</p>"
        f"<p>{LOREM}</p><p><b>Further findings</b></p><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Incident report", "Further findings"]
    assert "Residence at the time of the incident: In-home" in paragraph_texts(doc)


def test_a_title_with_its_subtitle_after_a_colon_in_bold_stays_a_heading(
    html_pdf: HtmlPdf,
) -> None:
    path = html_pdf(
        f"<h1>Incident report</h1><p>{LOREM}</p>"
        f"<p><b>Findings: What the Agency Learnt</b></p><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Incident report", "Findings: What the Agency Learnt"]


def test_the_first_line_of_a_longer_bold_label_is_no_heading(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<h1>Incident report</h1><p>{LOREM}</p>"
        "<p><b>Summary of all the involvement in services as adults by the child's parents"
        " in the past</b><br><b>five years:</b> (Does not include the current incident.)</p>"
        f"<p>{LOREM}</p><p><b>Further findings</b></p><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Incident report", "Further findings"]


def test_a_bold_heading_over_a_paragraph_in_small_letters_stays_a_heading(
    html_pdf: HtmlPdf,
) -> None:
    # (The paragraph under it is in the regular face: the heading's words end on its line.)
    path = html_pdf(
        f"<h1>Incident report</h1><p>{LOREM}</p>"
        f"<p style='margin: 0'><b>Further findings</b></p><p>and then {LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Incident report", "Further findings"]
