"""A proof's end mark (■ set flush right on the last line, or on a line of its own right under
it) is read at the end of the paragraph it ends, and ends it there
(:mod:`workers.engine.layout.end_marks`); squares that open lines (bullets), a form's
checkboxes and squares set one above another stay as they were. PDFs made here."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from workers.engine.document import ListBlock, block_text
from workers.engine.layout.end_marks import take_end_marks
from workers.engine.layout.glyphs import OpenedPage
from workers.engine.layout.lines import fragments, lines
from workers.engine.layout.reader import read_layout

from .conftest import HtmlPdf, paragraph_texts

SENTENCE = (
    "Let x be a point of the space and U an open set around it; then the map sends U to an"
    " open set, which is what was to be shown for every point of the space here"
)
NEXT = "Then the next paragraph starts here and says something else."
TIGHT = "p { margin: 0 }"


def proof_ending_flush_right(html_pdf: HtmlPdf, css: str = "") -> Path:
    """A proof whose last line ends in a ■ floated right, then the next paragraph."""
    return html_pdf(
        f"<p>Proof. {SENTENCE}, {SENTENCE}, so it holds."
        f" <span style='float: right'>■</span></p><p>{NEXT}</p>",
        css=css,
    )


def marks_found(path: Path) -> int:
    """How many end marks :func:`take_end_marks` takes from the page's lines."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        with OpenedPage(pdf, 0) as opened:
            found, _ = take_end_marks(lines(fragments(opened.content.glyphs)))
    finally:
        pdf.close()
    return len(found)


def test_a_square_flush_right_on_the_last_line_ends_its_paragraph(
    html_pdf: HtmlPdf,
) -> None:
    assert paragraph_texts(read_layout(proof_ending_flush_right(html_pdf), max_pages=5)) == [
        f"Proof. {SENTENCE}, {SENTENCE}, so it holds. ■", NEXT,
    ]


def test_a_square_on_a_line_of_its_own_under_the_paragraph_ends_it(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<p>Proof. {SENTENCE} and so on to the end of it.</p>"
        f"<p style='text-align: right'>■</p><p>{NEXT}</p>",
        css=TIGHT,
    )
    assert paragraph_texts(read_layout(path, max_pages=5)) == [
        f"Proof. {SENTENCE} and so on to the end of it. ■", NEXT,
    ]


def test_the_end_mark_ends_the_block_the_next_lines_set_close_under_it_are_another(
    html_pdf: HtmlPdf,
) -> None:
    # No space between the proof and the next paragraph: only the mark shows where one ends.
    path = proof_ending_flush_right(html_pdf, css=TIGHT)
    assert paragraph_texts(read_layout(path, max_pages=5)) == [
        f"Proof. {SENTENCE}, {SENTENCE}, so it holds. ■", NEXT,
    ]


def test_squares_opening_lines_are_bullets_of_a_list(html_pdf: HtmlPdf) -> None:
    items = [f"Item number {k} of the list" for k in range(4)]
    path = html_pdf(
        "".join(f"<p><span style='display: inline-block; width: 2em'>■</span>{text}</p>"
                for text in items),
        css=TIGHT,
    )
    assert marks_found(path) == 0
    doc = read_layout(path, max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert [block_text(item) for item in lists[0].items] == [f"■ {text}" for text in items]


def test_checkboxes_of_a_form_stay_where_they_are(html_pdf: HtmlPdf) -> None:
    # Ballot boxes opening the lines, and squares at the right of the questions one above
    # another (a column of boxes to tick, not the end of anything).
    path = html_pdf(
        "".join(f"<p>☐ Option {k} to tick</p>" for k in range(3))
        + "".join(
            "<p style='display: flex; justify-content: space-between'>"
            f"<span>Question {k} on the form</span><span>□</span></p>" for k in range(3)
        ),
        css=TIGHT,
    )
    assert marks_found(path) == 0
    text = " ".join(block_text(b) for b in read_layout(path, max_pages=5).blocks)
    assert "form. □" not in text and text.count("□") == 3 and text.count("☐") == 3


def test_a_number_ending_the_proof_before_its_mark_is_no_list_number(
    html_pdf: HtmlPdf,
) -> None:
    # The proof's last line holds its last word, a number ("12."), and the mark: no list.
    path = html_pdf(
        f"<p>Proof. {SENTENCE}, so there is a way from the first point to the point<br>"
        "12. <span style='float: right'>■</span></p>"
        f"<p>{NEXT}</p>",
    )
    doc = read_layout(path, max_pages=5)
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert "12. ■" in " ".join(paragraph_texts(doc))
