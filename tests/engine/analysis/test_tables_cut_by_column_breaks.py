"""A ruled table cut by a column break, on pages set in two columns.

On one page its first rows close the left column and the rest open the right one; over a page
break, from the foot of the page's right column to the top of the next page's left column. Its
columns stand where the first piece's stand, moved over (or back) by the columns' pitch: one
table, as a table cut by a page break is. Two tables side by side of another width, or a table
under text at the top of the next column or page, stay apart.
"""

from __future__ import annotations

from workers.engine.document import Table
from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf, tables_read

COLUMNS = (
    "@page { size: A4; margin: 2cm }"
    " .cols { column-count: 2; column-gap: 1cm }"
    " table { width: 100%; border-collapse: collapse }"
    " td, th { border: 0.5pt solid #888; padding: 2pt; text-align: left }"
)


def _rows(count: int, start: int = 1) -> str:
    return "".join(
        f"<tr><td>{k}</td><td>Item {k} name</td><td>{k * 37 % 101}.{k % 10} kg</td></tr>"
        for k in range(start, start + count)
    )


def _weighed(paragraphs: int, rows: int) -> str:
    """The columns' opening: a heading, ``paragraphs`` lengths of prose, then a headed table
    of ``rows`` rows (left open: the caller closes the table and the columns)."""
    return (
        "<div class='cols'><h1>Weights</h1>"
        + f"<p>{LOREM * paragraphs}</p>"
        + "<table><tr><th>No.</th><th>Name</th><th>Weight</th></tr>"
        + _rows(rows)
    )


def _first_and_last_rows_in(table: Table, last: int) -> bool:
    firsts = [row.cells[0].text for row in table.rows]
    return "1" in firsts and str(last) in firsts


def _tables(pdf_body: str, html_pdf: HtmlPdf) -> list[Table]:
    doc = read_layout(html_pdf(pdf_body, css=COLUMNS), max_pages=2)
    return [b for b in doc.blocks if isinstance(b, Table)]


def test_a_table_cut_by_the_column_break_is_one_table(html_pdf: HtmlPdf) -> None:
    body = _weighed(4, 40) + "</table></div>"
    tables = _tables(body, html_pdf)
    assert len(tables) == 1
    boxes = [p.bbox for p in tables[0].prov]
    assert len(boxes) == 2 and boxes[1].x0 > boxes[0].x1  # (one piece in each column)
    assert _first_and_last_rows_in(tables[0], 40)


def test_a_table_under_text_atop_the_next_column_stays_apart(html_pdf: HtmlPdf) -> None:
    # The second table opens with a paragraph over it: not the first one's rest.
    body = (
        _weighed(4, 18) + "</table>"
        + "<p style='break-before: column'>The second lot, weighed again.</p>"
        + "<table>" + _rows(12) + "</table></div>"
    )
    tables = _tables(body, html_pdf)
    assert len(tables) == 2


def test_a_table_cut_from_the_right_column_to_the_next_page_is_one_table(
    html_pdf: HtmlPdf,
) -> None:
    body = _weighed(14, 40) + "</table>" + f"<p>{LOREM * 2}</p></div>"
    tables = _tables(body, html_pdf)
    assert len(tables) == 1
    pages = [p.page for p in tables[0].prov]
    assert len(set(pages)) == 2  # (one piece on each page)
    assert _first_and_last_rows_in(tables[0], 40)


def test_a_table_filling_a_page_s_two_columns_goes_on_over_the_page(
    html_pdf: HtmlPdf,
) -> None:
    # Cut twice: by the column break, then by the page's end (its columns compared with
    # those of the piece that ends the page, not of the whole table so far).
    body = _weighed(4, 90) + "</table>" + f"<p>{LOREM * 2}</p></div>"
    tables = _tables(body, html_pdf)
    assert len(tables) == 1
    pages = [p.page for p in tables[0].prov]
    assert pages[:2] == [0, 0] and 1 in pages
    assert _first_and_last_rows_in(tables[0], 90)


def test_a_table_under_text_atop_the_next_page_stays_apart(html_pdf: HtmlPdf) -> None:
    body = (
        _weighed(14, 10) + "</table>"
        + "<p style='break-before: page'>The second lot, weighed again.</p>"
        + "<table>" + _rows(12, 11) + "</table></div>"
    )
    tables = _tables(body, html_pdf)
    assert len(tables) == 2
    assert [p.page for p in tables[0].prov] == [0] and tables[1].prov[0].page == 1


ANSWERS = COLUMNS + " td { vertical-align: top } td:first-child { width: 20% }"


def _answered(paragraphs: int, shorts: int) -> str:
    """Questions and their answers in a ruled table of two columns (a FAQ): each question's
    number beside it, its answer, long, under it in the second column; after ``paragraphs``
    lengths of prose and ``shorts`` one-word paragraphs, and before a long paragraph."""
    rows = "".join(
        f"<tr><td>Q{k}.</td><td>Question {k}?</td></tr><tr><td></td><td>{LOREM * 3}</td></tr>"
        for k in range(1, 4)
    )
    return (
        f"<div class='cols'><h1>Answers</h1><p>{LOREM * paragraphs}</p>"
        + "<p>Short.</p>" * shorts
        + f"<table>{rows}</table><p>{LOREM * 40}</p></div>"
    )


def test_a_column_s_foot_holding_one_question_is_the_table_s_piece(html_pdf: HtmlPdf) -> None:
    # The left column ends with the first question and its answer, one row of two cells:
    # a grid of terms cut by the column's end, as one cut by the page's end is (narrower
    # than half the page, it is the first piece of the table going on in the next column).
    tables = tables_read(html_pdf(_answered(6, 0), css=ANSWERS), 1)
    assert len(tables) == 1
    boxes = [p.bbox for p in tables[0].prov]
    assert len(boxes) == 2 and boxes[1].x0 > boxes[0].x1
    assert [row.cells[0].text for row in tables[0].rows if row.cells[0].text] == [
        "Q1.", "Q2.", "Q3."
    ]


def _long_answer(paragraphs: int, lengths: int) -> str:
    """Two questions in a ruled table of two columns, the first one's answer ``lengths``
    lengths of prose long: long enough to fill whole columns, cut at both ends by the breaks
    before and after them (its cell drawn there with its rules down alone, none across)."""
    rows = (
        "<tr><td>Q1.</td><td>Question 1?</td></tr>"
        f"<tr><td></td><td>{LOREM * lengths}</td></tr>"
        "<tr><td>Q2.</td><td>Question 2?</td></tr>"
        f"<tr><td></td><td>{LOREM * 2}</td></tr>"
    )
    return (
        f"<div class='cols'><h1>Answers</h1><p>{LOREM * paragraphs}</p>"
        f"<table>{rows}</table><p>{LOREM * 3}</p></div>"
    )


def test_a_row_filling_whole_columns_is_read_in_its_table(html_pdf: HtmlPdf) -> None:
    # The answer fills the second column of the first page and both columns of the second:
    # those pieces of its cell are the table's (each column's apart, as the page's columns
    # part them), read on from the first piece, and the rest of the table after them.
    tables = tables_read(html_pdf(_long_answer(6, 30), css=ANSWERS), 3)
    assert len(tables) == 1
    pieces = [(p.page, p.bbox.x0 > 300) for p in tables[0].prov]
    assert (1, False) in pieces and (1, True) in pieces
    assert [row.cells[0].text for row in tables[0].rows if row.cells[0].text] == ["Q1.", "Q2."]
    assert all(len(row.cells) == 2 for row in tables[0].rows)
    # (The answer's pieces either side of a page break are one cell's text.)
    assert sum(1 for row in tables[0].rows if len({p.page for c in row.cells for p in c.prov}) > 1)


def test_a_cut_row_s_tail_atop_the_next_page_goes_on_in_its_row(html_pdf: HtmlPdf) -> None:
    # The last answer runs a few lines onto the next page: a box of one row there, open at
    # the top (its rules down run up to the break), the rest of the table's last row.
    body = (
        f"<div class='cols'><h1>Answers</h1><p>{LOREM * 20}</p><table>"
        f"<tr><td>Q1.</td><td>Question 1?</td></tr><tr><td></td><td>{LOREM * 2}</td></tr>"
        f"<tr><td>Q2.</td><td>Question 2?</td></tr><tr><td></td><td>{LOREM * 14}</td></tr>"
        f"</table><p>{LOREM * 3}</p></div>"
    )
    tables = tables_read(html_pdf(body, css=ANSWERS), 3)
    assert len(tables) == 1
    assert tables[0].prov[-1].page == 2
    last = tables[0].rows[-1].cells
    assert len(last) == 2 and not last[0].text
    assert {p.page for p in last[1].prov} == {1, 2}


def test_columns_ruled_apart_are_no_table(html_pdf: HtmlPdf) -> None:
    # A page of four columns with a rule between each two: rules down alone, with the same
    # ends, as a row cut at both ends draws; but the columns' text stands right beside the
    # outer rules: they part columns of text, no box's sides.
    css = (
        "@page { size: A4 landscape; margin: 1cm }"
        " .cols { columns: 4; column-rule: 1pt solid; text-align: justify }"
    )
    body = f"<div class='cols'><p>{LOREM * 24}</p></div>"
    doc = read_layout(html_pdf(body, css=css), max_pages=1)
    assert not [b for b in doc.blocks if isinstance(b, Table)]


def test_a_cut_row_s_tail_over_a_blank_spacer_row_goes_on_in_its_row(
    html_pdf: HtmlPdf,
) -> None:
    # As above, with a blank row under the last one (a spacer a writer sets between a
    # table's parts): the box atop the next page holds the tail and that blank row, its
    # text in the row at its open top alone. Still a cut row's rest, no frame round text.
    body = (
        f"<div class='cols'><h1>Answers</h1><p>{LOREM * 20}</p><table>"
        f"<tr><td>Q1.</td><td>Question 1?</td></tr><tr><td></td><td>{LOREM * 2}</td></tr>"
        f"<tr><td>Q2.</td><td>Question 2?</td></tr><tr><td></td><td>{LOREM * 14}</td></tr>"
        "<tr><td colspan='2' style='height: 14pt'></td></tr>"
        f"</table><p>{LOREM * 3}</p></div>"
    )
    tables = tables_read(html_pdf(body, css=ANSWERS), 3)
    assert len(tables) == 1
    assert tables[0].prov[-1].page == 2
    cut = next(
        row for row in tables[0].rows if {p.page for c in row.cells for p in c.prov} == {1, 2}
    )
    assert not cut.cells[0].text and not any(c.header for c in cut.cells)


def _listing_tail(next_column: str) -> str:
    """A ruled table of bold questions under a head, justified, its second answer set in
    (a listing's lines) and cut by the page break: its tail opens the next page's left
    column alone; ``next_column`` opens the right one (forced there)."""
    frames = " ".join(f"frame {k} at 0x{4096 + k:x} in main." for k in range(12))
    return (
        f"<div class='cols'><h1>Answers</h1><p>{LOREM * 20}</p>"
        "<table style='text-align: justify'>"
        "<tr><td colspan='2'><b>1. Questions asked</b></td></tr>"
        f"<tr><td>Q1.</td><td><b>Question 1?</b></td></tr><tr><td></td><td>{LOREM * 2}</td></tr>"
        "<tr><td>Q2.</td><td><b>Question 2?</b></td></tr><tr><td></td>"
        f"<td><div style='padding-left: 24pt'>{LOREM * 13} {frames}</div></td></tr>"
        + next_column
        + "".join(
            f"<tr><td>Q{k}.</td><td><b>Question {k}?</b></td></tr>"
            f"<tr><td></td><td>Answer {k}.</td></tr>"
            for k in (4, 5, 6)
        )
        + f"</table><p>{LOREM * 3}</p></div>"
    )


def test_a_bold_question_atop_the_next_column_goes_on_after_a_set_in_tail(
    html_pdf: HtmlPdf,
) -> None:
    # The tail's text is set in: its cell's left edge is no column's; its right edge, the
    # text justified, is. The question atop the next column, bold, fills the columns the
    # questions over it fill, not the head's: a row of the table, no new table's head.
    body = _listing_tail(
        "<tr style='break-before: column'><td>Q3.</td><td><b>Question 3, set at the top"
        f" of the next column?</b></td></tr><tr><td></td><td>{LOREM}</td></tr>"
    )
    tables = tables_read(html_pdf(body, css=ANSWERS), 3)
    assert len(tables) == 1
    firsts = [row.cells[0].text for row in tables[0].rows if row.cells[0].text]
    assert firsts == ["Q1.", "Q2.", "Q3.", "Q4.", "Q5.", "Q6."]
    assert not any(c.header for row in tables[0].rows[1:] for c in row.cells)


def test_a_table_headed_as_the_one_before_atop_the_next_column_stays_apart(
    html_pdf: HtmlPdf,
) -> None:
    # Atop the next column, a table headed as the first one is (its part's title across
    # it): the next part's table, not the first one's rest.
    body = _listing_tail(
        "</table><table style='break-before: column; text-align: justify'>"
        "<tr><td colspan='2'><b>2. More questions</b></td></tr>"
    )
    tables = tables_read(html_pdf(body, css=ANSWERS), 3)
    assert len(tables) == 2


def _cut_question_in_columns(answer_lengths: int, shorts: int = 4, head: str = "") -> str:
    """A ruled table of bold questions, the column break cutting the long second one: its
    rest and the start of its answer (``answer_lengths`` lengths of prose) fill the right
    column, the answer going on over the page, then the third question. (After ``shorts``
    one-word paragraphs; ``head``: rows over the questions.)"""
    ask = " ".join(f"Does part {k} of the build stop?" for k in range(1, 13))
    return (
        f"<div class='cols'><h1>Answers</h1><p>{LOREM * 4}</p>" + "<p>Short.</p>" * shorts
        + f"<table>{head}<tr><td>Q1.</td><td><b>Question 1?</b></td></tr>"
        f"<tr><td></td><td>{LOREM * 2}</td></tr><tr><td>Q2.</td><td><b>{ask}</b></td></tr>"
        "<tr><td></td>"
        f"<td>{LOREM * answer_lengths}</td></tr><tr><td>Q3.</td><td><b>Question 3?</b></td></tr>"
        f"<tr><td></td><td>{LOREM}</td></tr></table><p>{LOREM * 3}</p></div>"
    )


def test_a_column_of_a_question_s_rest_and_its_answer_is_the_table_s_piece(
    html_pdf: HtmlPdf,
) -> None:
    # The column break cuts a long bold question: its rest and the start of its long
    # answer fill the right column, the answer's cells alone (the numbers' column blank),
    # cut at both ends; the answer goes on over the page, then the next question. All one
    # table: the right column's piece is no frame round text, and filling its answers'
    # column alone it goes on with the rows over the page, filling both.
    body = _cut_question_in_columns(16)
    tables = tables_read(html_pdf(body, css=ANSWERS), 3)
    assert len(tables) == 1
    pieces = [(p.page, p.bbox.x0 > 300) for p in tables[0].prov]
    assert (0, True) in pieces and 1 in {page for page, _ in pieces}
    firsts = [row.cells[0].text for row in tables[0].rows if row.cells[0].text]
    assert firsts == ["Q1.", "Q2.", "Q3."]


def test_answers_alone_before_a_page_break_go_on_with_rows_filling_both_columns(
    html_pdf: HtmlPdf,
) -> None:
    # A shorter answer: atop the next page its rest, then the third question beside its
    # number: that piece fills both columns, the one before the break the answers' alone
    # (in two rows, the question's rest and the answer), as the table did before it.
    tables = tables_read(html_pdf(_cut_question_in_columns(8), css=ANSWERS), 3)
    assert len(tables) == 1
    assert 1 in {p.page for p in tables[0].prov}
    firsts = [row.cells[0].text for row in tables[0].rows if row.cells[0].text]
    assert firsts == ["Q1.", "Q2.", "Q3."]


def test_a_table_under_a_title_across_it_goes_on_in_the_next_column(
    html_pdf: HtmlPdf,
) -> None:
    # The column break cuts the first answer. The title across the table's top, read in
    # one of its cells, stands at no column's edge: the columns are those of its rows.
    body = _cut_question_in_columns(
        16, shorts=9, head="<tr><td colspan='2'><b>1. Questions asked</b></td></tr>"
    )
    tables = tables_read(html_pdf(body, css=ANSWERS), 3)
    assert len(tables) == 1
    pieces = [(p.page, p.bbox.x0 > 300) for p in tables[0].prov]
    assert pieces[:2] == [(0, False), (0, True)]
