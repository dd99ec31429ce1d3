"""A ruled table the page break cuts, as WeasyPrint draws it: its edge at the break left open.

A manual's questions and answers set as a ruled grid (as DocBook writes a FAQ: a head across
it, a row of links to the questions, then each question beside its number over its answer,
the number's cell left blank) keeps a question or two on a page when its long answers run
over the page, whether the break parts an answer (its edge left open) or falls between a
question and its answer (each part closed by its rules). The part on each page is still
the table's, and the two parts one table; a frame round a paragraph beside a short label,
closed and with text after it, stays text, and so does a frame closed at the top of a page
under its title.
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
ANSWER = " ".join(
    f"<p>{LOREM * 3}</p>" for _ in range(4)
)
QUESTIONS = ("Why does the build stop?", "Why is the output empty?")


def _faq(intro_paragraphs: int, answer_whole: bool = False) -> str:
    kept = " style='break-inside: avoid'" if answer_whole else ""
    rows = "".join(
        f"<tr><td class='number'><b>1.{k}.</b></td><td><b>{q}</b></td></tr>"
        f"<tr{kept}><td></td><td>{ANSWER}</td></tr>"
        for k, q in enumerate(QUESTIONS, start=1)
    )
    links = "<br>".join(f"1.{k}. <a href='#q{k}'>{q}</a>" for k, q in enumerate(QUESTIONS, 1))
    return (
        "<h1>Frequently asked questions</h1>"
        + f"<p>{LOREM * 3}</p>" * intro_paragraphs
        + "<table><tr><td colspan='2'><h2>1. Building</h2></td></tr>"
        + f"<tr><td colspan='2'>{links}</td></tr><tr><td colspan='2'>&nbsp;</td></tr>"
        + rows + "</table><p>The end of the questions.</p>"
    )


def test_a_table_of_questions_cut_by_a_page_break_is_one_table(html_pdf: HtmlPdf) -> None:
    # Each page holds one question of its own and part of an answer: one row of a term and
    # what it says, with rows across it (the head, the links) on the first page.
    pdf = html_pdf(_faq(intro_paragraphs=4), css=GRID)
    tables = tables_read(pdf, 3)
    assert len(tables) == 1
    pages = {p.page for p in tables[0].prov}
    assert {0, 1} <= pages
    firsts = [row.cells[0].text for row in tables[0].rows if row.cells]
    assert "1.1." in firsts and "1.2." in firsts


def test_a_question_closed_at_the_foot_of_its_page_is_its_table(html_pdf: HtmlPdf) -> None:
    # The answers kept whole: the first question ends the first page, its row closed by a
    # rule across, its answer over the page. Nothing under it on the page: the break's.
    pdf = html_pdf(_faq(intro_paragraphs=4, answer_whole=True), css=GRID)
    tables = tables_read(pdf, 4)
    assert tables
    assert 0 in {p.page for p in tables[0].prov}
    assert any(row.cells and row.cells[0].text == "1.1." for row in tables[0].rows)


def test_a_framed_note_beside_its_label_mid_page_stays_text(html_pdf: HtmlPdf) -> None:
    # Closed all round, text after it: a note's frame, no table cut by a break.
    pdf = html_pdf(
        f"<h1>Notes</h1><p>{LOREM}</p>"
        f"<table><tr><td class='number'>Note</td><td>{LOREM * 3}</td></tr></table>"
        f"<p>{LOREM * 2}</p>",
        css=GRID,
    )
    doc = read_layout(pdf, max_pages=1)
    assert not [b for b in doc.blocks if isinstance(b, Table)]


def test_a_framed_note_closed_at_the_top_of_a_page_stays_text(html_pdf: HtmlPdf) -> None:
    # Its title over it sits in the page's top band, as a running head would: its top rule
    # says the table starts there, no break cut it.
    pdf = html_pdf(
        "<p>Notes</p>"
        f"<table><tr><td class='number'>Note</td><td>{LOREM * 3}</td></tr>"
        f"<tr><td></td><td>{LOREM * 2}</td></tr></table><p>{LOREM * 2}</p>",
        css=GRID,
    )
    doc = read_layout(pdf, max_pages=1)
    assert not [b for b in doc.blocks if isinstance(b, Table)]


def _questions(prefix: str, verb: str) -> str:
    return "".join(
        f"<tr><td>{prefix}.{k}.</td><td><b>Why is {verb} {k} empty?</b></td></tr>"
        f"<tr><td></td><td>Answer {k} says why: the file was not {verb}.</td></tr>"
        for k in range(2, 6)
    )


def _cut_question(head: str, rest: str) -> str:
    """A grid of bold questions over their answers, the break forced inside the last
    question on the first page: the rest of it (``rest``, bold) opens the next page, in
    the question's column, its number's cell left blank. ``head``: the grid's first row."""
    return (
        "<h1>Frequently asked questions</h1>" + f"<p>{LOREM * 3}</p>" * 2
        + f"<table>{head}" + _questions("0", "input")
        + "<tr><td class='number'>1.1.</td><td><b>Why does the build stop at the link step?"
        + "</b></td></tr>"
        + f"<tr style='break-before: page'><td class='number'></td><td><b>{rest}</b></td></tr>"
        + f"<tr><td></td><td>{LOREM * 2}</td></tr>" + _questions("1", "output")
        + "</table><p>The end of the questions.</p>"
    )


def test_a_bold_question_cut_by_a_page_break_goes_on_in_its_row(html_pdf: HtmlPdf) -> None:
    # The rest opens with a capital, bold like a head row; but it fills only the question's
    # cell, and the grid's head (the part's number and title) fills others: the row's rest.
    pdf = html_pdf(_cut_question(
        "<tr><td><b>1.</b></td><td><b>Building</b></td></tr>",
        "It stops with a message saying the symbol is missing.",
    ), css=GRID)
    tables = tables_read(pdf, 2)
    assert len(tables) == 1
    cut = next(row for row in tables[0].rows if row.cells[0].text == "1.1.")
    assert "symbol is missing" in cut.cells[1].text
    assert not any(c.header for row in tables[0].rows[1:] for c in row.cells)


def test_a_table_headed_over_the_same_columns_past_a_break_stays_apart(
    html_pdf: HtmlPdf,
) -> None:
    # The next page's grid is headed like the first one (its title over the answers'
    # column, the numbers' left blank): a new table, not the rest of the last row.
    pdf = html_pdf(_cut_question(
        "<tr><td></td><td><b>Building</b></td></tr>", "Running",
    ), css=GRID)
    tables = tables_read(pdf, 2)
    assert len(tables) == 2


def test_a_question_going_on_in_lower_case_past_a_break_is_its_rows_rest(
    html_pdf: HtmlPdf,
) -> None:
    # The next page's grid, its top rule drawn again, opens with a small letter: the rest of
    # the sentence the break cut, which no title nor head row opens with. One table, the
    # rest in the cut question's row.
    pdf = html_pdf(_cut_question(
        "<tr><td></td><td><b>Building</b></td></tr>", "already running when it stops?",
    ), css=GRID)
    tables = tables_read(pdf, 2)
    assert len(tables) == 1
    cut = next(row for row in tables[0].rows if row.cells[0].text == "1.1.")
    assert "already running" in cut.cells[1].text


def test_a_bold_question_opening_the_next_page_goes_on_with_its_table(
    html_pdf: HtmlPdf,
) -> None:
    # The break falls between an answer and the next question: the next page's grid opens
    # with the question, bold in both its columns as the questions before it are, where the
    # part's head (its title alone, over the answers' column) fills one. A row of the table
    # in its rows' face, not a new table's head: one table, the question no head of it.
    broken = " style='break-before: page'"
    questions = "".join(
        f"<tr{broken if k == 3 else ''}>"
        f"<td class='number'><b>4.{k}.</b></td><td><b>Why does run {k} stop?</b></td></tr>"
        f"<tr><td></td><td>Answer {k}: {LOREM}</td></tr>"
        for k in range(1, 5)
    )
    pdf = html_pdf(
        "<h1>Frequently asked questions</h1>" + f"<p>{LOREM * 3}</p>"
        + "<table><tr><td></td><td><b>4. Behaviour</b></td></tr>" + questions
        + "</table><p>The end of the questions.</p>",
        css=GRID,
    )
    tables = tables_read(pdf, 2)
    assert len(tables) == 1
    assert {0, 1} <= {p.page for p in tables[0].prov}
    third = next(row for row in tables[0].rows if row.cells[0].text == "4.3.")
    assert not any(c.header for c in third.cells)
