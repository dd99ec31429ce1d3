"""A ruled grid of terms holding one term only (a manual's last section of questions, as
DocBook writes a FAQ, with one question in it): its head across it, a row of links, a blank
spacer row, then the question's number beside the question over its long answer, the
number's cell left blank. It is the same table as the sections before it, each with more
questions, and is read as a table (so is such a part of a longer table past a page break,
and it goes on with it); a frame round a note beside its label, long from its first row,
stays text.
"""

from __future__ import annotations

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf, tables_read

GRID = (
    "table { width: 100%; border-collapse: collapse }"
    " td { border: 0.5pt solid #888; padding: 4pt; vertical-align: top }"
    " td.number { width: 8% }"
)


def test_a_grid_of_one_question_over_its_long_answer_is_a_table(html_pdf: HtmlPdf) -> None:
    pdf = html_pdf(
        "<h1>Frequently asked questions</h1>"
        f"<p>{LOREM}</p>"
        "<table><tr><td colspan='2'><h2>6. Getting help</h2></td></tr>"
        "<tr><td colspan='2'>6.1. <a href='#q'>Where can I get more help?</a></td></tr>"
        "<tr><td colspan='2'>&nbsp;</td></tr>"
        "<tr><td class='number'><b>6.1.</b></td><td><b>Where can I get more help?</b></td></tr>"
        f"<tr><td></td><td><p>{LOREM * 2}</p><p>{LOREM * 2}</p></td></tr></table>"
        f"<p>{LOREM}</p>",
        css=GRID,
    )
    tables = tables_read(pdf, 1)
    assert len(tables) == 1
    question = next(row for row in tables[0].rows if row.cells[0].text == "6.1.")
    assert "more help" in question.cells[1].text


def test_a_note_framed_beside_its_label_over_more_text_stays_text(html_pdf: HtmlPdf) -> None:
    # The same grid's shape, but its first row's text is already long: a note, no term.
    pdf = html_pdf(
        f"<h1>Notes</h1><p>{LOREM}</p>"
        f"<table><tr><td class='number'>Note</td><td>{LOREM * 3}</td></tr>"
        f"<tr><td></td><td>{LOREM * 2}</td></tr></table><p>{LOREM * 2}</p>",
        css=GRID,
    )
    doc = read_layout(pdf, max_pages=1)
    assert not [b for b in doc.blocks if isinstance(b, Table)]


def test_a_grid_of_one_question_past_a_page_break_goes_on_with_its_table(
    html_pdf: HtmlPdf,
) -> None:
    # The next page's part of the questions, its top rule drawn again: the rest of an answer
    # the break cut, then one question over its long answer. The same table, one past the
    # break.
    questions = "".join(
        f"<tr><td>0.{k}.</td><td><b>Why is input {k} empty?</b></td></tr>"
        f"<tr><td></td><td>Answer {k} says why.</td></tr>"
        for k in range(2, 6)
    )
    pdf = html_pdf(
        "<h1>Frequently asked questions</h1>" + f"<p>{LOREM * 3}</p>" * 2
        + "<table><tr><td><b>1.</b></td><td><b>Building</b></td></tr>" + questions
        + "<tr><td class='number'>1.1.</td><td><b>Why does the build stop?</b></td></tr>"
        + "<tr><td></td><td>The answer begins here and</td></tr>"
        + f"<tr style='break-before: page'><td></td><td>{LOREM.lower() * 3}</td></tr>"
        + "<tr><td class='number'>1.2.</td><td><b>Why is the output empty?</b></td></tr>"
        + f"<tr><td></td><td>{LOREM * 3}</td></tr></table><p>The end of the questions.</p>",
        css=GRID,
    )
    tables = tables_read(pdf, 2)
    assert len(tables) == 1
    assert {p.page for p in tables[0].prov} == {0, 1}
    assert "1.2." in [row.cells[0].text for row in tables[0].rows]
