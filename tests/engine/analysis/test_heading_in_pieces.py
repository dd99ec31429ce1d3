"""A heading whose one line comes in several pieces (its words set apart by wide gaps, as
TeX leaves them round the rules it draws for underscores) is a heading as the other lines
in its face are: a heading's length is counted in lines, not pieces."""

from __future__ import annotations

from workers.engine.document import Heading, Paragraph
from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf, heading_texts

#: Function entries headed in one face; the second's words set far apart on its line.
_ENTRIES = ["parse tree", "get tag der length", "read value"]
#: The entries' face: larger than the body's, not bold (a texinfo manual's).
_ENTRY_FACE = "h1, h3 { bookmark-level: none } h3 { font-weight: normal; font-size: 16pt }"


def test_a_heading_line_in_four_pieces_is_a_heading(html_pdf: HtmlPdf) -> None:
    body = "<h1>Function reference</h1>"
    for name in _ENTRIES:
        style = " style='word-spacing: 1em'" if name == "get tag der length" else ""
        body += f"<h3{style}>{name}</h3><p>{LOREM * 2}</p>"
    doc = read_layout(html_pdf(body, css=_ENTRY_FACE), max_pages=5)
    assert heading_texts(doc) == ["Function reference", *_ENTRIES]
    assert not [b for b in doc.blocks if isinstance(b, Paragraph) and b.text in _ENTRIES]


def test_four_lines_in_a_heading_face_are_no_heading(html_pdf: HtmlPdf) -> None:
    # (An address set large and centred, its lines close together: four lines, though
    # their leading is less than their height.)
    address = ("Department of Veterans Affairs<br>Evidence Intake Center<br>"
               "P.O. Box 4444<br>Janesville, WI 53547")
    body = (
        f"<h1>Where to send it</h1><p>{LOREM * 2}</p>"
        f"<p style='font-size: 16pt; line-height: 0.9; text-align: center'>{address}</p>"
        f"<h3>After sending it</h3><p>{LOREM * 2}</p>"
    )
    doc = read_layout(html_pdf(body, css=_ENTRY_FACE), max_pages=5)
    assert not [b for b in doc.blocks if isinstance(b, Heading) and "Veterans" in b.text]
    assert any(isinstance(b, Paragraph) and "Veterans" in b.text for b in doc.blocks)
