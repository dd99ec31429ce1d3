"""List items the layout reader must not take for lists: numbered form fields, the labels of
a diagram; and lists it must keep beside them."""

from __future__ import annotations

from pathlib import Path

from tests.engine.analysis.conftest import HtmlPdf
from tests.engine.analysis.drawn_pdfs import (
    Picture,
    body_lines,
    helvetica_page,
    make_pdf,
    prose_ops,
)
from workers.engine.document import ListBlock, ListItem
from workers.engine.layout.reader import read_layout


def _items(path: Path) -> list[str]:
    """The text of each list item the layout reader finds (labels aside)."""
    doc = read_layout(path, max_pages=5)
    return [item.text for item in doc.walk() if isinstance(item, ListItem)]


FORM_CSS = (
    "input { display: block; width: 12cm; height: 0.8cm; margin: 0.1cm 0 0.5cm }"
    " .row { display: flex; gap: 0.6cm; align-items: center; margin-bottom: 0.5cm }"
    " .row input { display: inline-block; width: 8cm; margin: 0 }"
)


def test_numbered_form_fields_are_no_list(html_pdf: HtmlPdf) -> None:
    # A form numbers its fields for the reader to find them; a sighted reader sees boxes to
    # fill in, each under or beside its label, not a list. The list of what to attach, with
    # no field beside or under its items, is a list.
    path = html_pdf(
        "<h1>Application for a permit</h1>"
        "<p>1. NAME OF APPLICANT</p><input type='text' name='name'>"
        "<p>2. DATE OF BIRTH (DD/MM/YYYY)</p><input type='text' name='born'>"
        "<div class='row'><span>3. TELEPHONE</span><input type='text' name='phone'></div>"
        "<div class='row'><span>4. E-MAIL ADDRESS</span><input type='text' name='mail'></div>"
        "<p>Attach to this form:</p>"
        "<p>1. a copy of your passport;</p><p>2. a recent photograph;</p>"
        "<p>3. proof of your address.</p>"
        "<h2>Where to send it</h2><p>To the permit office, with its attachments.</p>",
        css=FORM_CSS,
        pdf_forms=True,
    )
    assert _items(path) == [
        "a copy of your passport;", "a recent photograph;", "proof of your address."
    ]


def test_a_numbered_field_with_a_note_over_its_box_is_no_list(html_pdf: HtmlPdf) -> None:
    # The form's third field has a note between its label and its box: the label numbers
    # the next field of the form's run ("1.", "2.", then "3."), a field under it, so it
    # names that field as the first two name theirs. The list after them starts from 1.
    path = html_pdf(
        "<h1>Application for a permit</h1>"
        "<p>1. NAME OF APPLICANT</p><input type='text' name='name'>"
        "<p>2. DATE OF BIRTH (DD/MM/YYYY)</p><input type='text' name='born'>"
        "<p>3. NAME OF YOUR AGENT (Please Print)</p>"
        "<p class='note'>NOTE: Only an agent with a signed letter of authority may complete"
        " this box.</p><input type='text' name='agent'>"
        "<p>Attach to this form:</p>"
        "<p>1. a copy of your passport;</p><p>2. a recent photograph;</p>"
        "<h2>Where to send it</h2><p>To the permit office, with its attachments.</p>",
        css=FORM_CSS + " .note { font-size: 8pt; font-weight: bold; margin-top: 0.5cm }",
        pdf_forms=True,
    )
    assert _items(path) == ["a copy of your passport;", "a recent photograph;"]


def test_numbered_lines_without_fields_stay_a_list(html_pdf: HtmlPdf) -> None:
    # The same lines, the form's fields drawn as plain boxes (no form fields): nothing tells
    # them from a list, and they are read as one.
    path = html_pdf(
        "<h1>Application for a permit</h1>"
        "<p>1. NAME OF APPLICANT</p><p>2. DATE OF BIRTH (DD/MM/YYYY)</p>"
        "<p>3. TELEPHONE</p><h2>Where to send it</h2><p>To the permit office.</p>",
    )
    assert _items(path) == ["NAME OF APPLICANT", "DATE OF BIRTH (DD/MM/YYYY)", "TELEPHONE"]


DIAGRAM_LINES = [
    "Customer", "- name: string", "- born: date", "+ order(): Order", "Order",
    "- placed: date", "- total: money", "+ cancel(): void", "places", "1..*",
]


def test_labels_of_a_diagram_are_no_list(tmp_path: Path) -> None:
    # A class diagram: boxes with attributes ("- name: string") and operations ("+ order()")
    # set on a picture with many other labels. The dashes are the diagram's notation, not a
    # list's bullets.
    diagram = Picture("class-diagram", 80, 300, 430, 300)
    lines = [(100 + 200 * (k % 2), 570 - 26 * (k // 2), text)
             for k, text in enumerate(DIAGRAM_LINES)]
    path = make_pdf(tmp_path / "diagram.pdf", [
        ([diagram], body_lines(780) + lines + body_lines(200)),
    ])
    assert _items(path) == []


def test_a_list_set_on_a_photo_is_a_list(tmp_path: Path) -> None:
    # A cover's questions set on its photo: a few lines on a picture are read as they come,
    # a list among them.
    photo = Picture("cover-photo", 80, 300, 430, 300)
    lines = [(100, 570 - 26 * k, text) for k, text in enumerate((
        "- When is a document accessible?", "- What should authors know?",
        "- Where does it make a difference?",
    ))]
    path = make_pdf(tmp_path / "cover.pdf", [([photo], body_lines(780) + lines + body_lines(200))])
    assert _items(path) == [
        "When is a document accessible?", "What should authors know?",
        "Where does it make a difference?",
    ]


def test_a_note_under_a_list_is_no_point_of_it(html_pdf: HtmlPdf) -> None:
    # A slide's points, then the note its asterisk refers to at the foot: the note opens at
    # the points' indent with a mark, not a bullet, and is no fourth point.
    path = html_pdf(
        "<h1>How to get accessible PDF</h1>"
        "<p>• Use the right tools</p><p>• Basic knowledge for all (see the guide*)</p>"
        "<p>• Do not tag a PDF after it is made</p>"
        "<p style='margin-top: 6cm; font-size: 8pt'>* The guide to tagging, pdfa.org</p>",
    )
    assert _items(path) == [
        "Use the right tools", "Basic knowledge for all (see the guide*)",
        "Do not tag a PDF after it is made",
    ]


def test_an_item_goes_on_under_its_title_in_another_face(html_pdf: HtmlPdf) -> None:
    # Each resource's name in a larger bold face ends the item's first line; its description
    # goes on below in the regular face, lined up with the item's text: one item each.
    item = (
        "<li><b style='font-size: 13pt'>{0} –</b><br>"
        "<span style='font-size: 10pt'>{1}</span></li>"
    )
    path = html_pdf(
        "<h1>Helpful resources</h1><p>The following booklets can provide information.</p>"
        "<ul style='padding-left: 1cm'>"
        + item.format("Caring for Someone", "a booklet produced by the Council, call the line")
        + item.format("When you care at home", "a series of podcasts made by the Council")
        + "</ul><h2>Other help</h2><p>Ask your doctor about the help near you.</p>",
    )
    assert _items(path) == [
        "Caring for Someone – a booklet produced by the Council, call the line",
        "When you care at home – a series of podcasts made by the Council",
    ]


def test_a_list_goes_on_past_a_page_break_where_the_margins_move(html_pdf: HtmlPdf) -> None:
    # A book's left and right pages have other margins: the points on the next page are
    # further right, yet they go on with the list, no list inside its last point, and the
    # paragraph after them is no part of that point.
    points = "".join(f"<li>Point number {k} of the list</li>" for k in range(1, 41))
    path = html_pdf(
        f"<p>{'Words before the list. ' * 30}</p><ul>{points}</ul>"
        "<p>After the list, a paragraph of its own.</p>",
        css="@page :right { margin-left: 2cm } @page :left { margin-left: 4cm }",
    )
    doc = read_layout(path, max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [len(lst.items) for lst in lists] == [40]
    assert not any(isinstance(b, ListBlock) for item in lists[0].items for b in item.blocks)
    assert _items(path)[-1] == "Point number 40 of the list"


def test_an_items_text_wrapped_onto_a_line_in_bold_is_one_paragraph(tmp_path: Path) -> None:
    # A slide's point wraps onto a line set in bold (its first word did not fit at the end
    # of the line above): the line is read on in the item's paragraph, not as a paragraph of
    # its own. A line that ends short of the edge was broken by choice: the next is another.
    def line(font: str, x: float, y: float, text: str) -> str:
        return f"BT /{font} 11 Tf {x} {y} Td ({text}) Tj ET"

    ops = [
        line("F2", 72, 720, "Duck typing"), *prose_ops(690, 3, size=11),
        line("F1", 72, 630, "\\225"),  # (a bullet)
        line("F1", 86, 630, "Go functional polymorphism is a type-safe realization of the idea"),
        line("F2", 86, 617, "duck typing in the language."),
        line("F1", 72, 595, "\\225"),
        line("F1", 86, 595, "The open interval is not compact."),
        line("F2", 86, 582, "The sets Un cover it without a finite subcover."),
        *prose_ops(550, 3, size=11),
    ]
    doc = read_layout(helvetica_page(tmp_path / "slide.pdf", ops), max_pages=1)
    [lst] = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [[getattr(b, "text", "") for b in item.blocks] for item in lst.items] == [
        ["Go functional polymorphism is a type-safe realization of the idea duck typing in "
         "the language."],
        ["The open interval is not compact.", "The sets Un cover it without a finite subcover."],
    ]


def test_a_full_slides_list_beside_its_slide_number_is_no_table(tmp_path: Path) -> None:
    # A slide filled to its foot: the last point's wrapped line shares its row with the
    # slide's number ("2 / 2") at the right. A column holding that one piece makes no
    # table of the bullets beside their points.
    points = [
        "Go is quite easy to install on most systems", "Fully available for Linux and Darwin",
        "Needed: Mercurial, the version control system", "To make a basic Go program useful",
        "Replace the eights by sixes for 64 bits",
    ]
    lines = [(72.0, 220.0, "Go installation")]
    for k, point in enumerate(points):
        lines += [(80.0, 180.0 - 20 * k, "\\225"), (94.0, 180.0 - 20 * k, point)]  # (a bullet)
    last = 180.0 - 20 * len(points)
    lines += [(94.0, last, "architectures of the machines."), (480.0, last, "2 / 2")]
    first = [(72.0, 220.0, "Go"), (72.0, 180.0, "A talk on a language"), (480.0, last, "1 / 2")]
    doc = read_layout(make_pdf(tmp_path / "slides.pdf", [([], first), ([], lines)]), max_pages=2)
    [lst] = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [item.text for item in lst.items] == [
        *points[:-1], "Replace the eights by sixes for 64 bits architectures of the machines.",
    ]
