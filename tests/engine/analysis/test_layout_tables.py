"""Tables found by the layout reader on small untagged PDFs the tests make: what is a table
(ruled in all its ways) and what only lines up like one (a form's labels, prose side by side)."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from workers.engine.document import ListBlock, Paragraph, Table, block_text
from workers.engine.layout.blocks import Block
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.lines import fragments, lines
from workers.engine.layout.reader import read_layout
from workers.engine.layout.tables import find_tables

from ..content_pdfs import fonts_page_pdf, text_page_pdf
from .conftest import LOREM, HtmlPdf

GRID = "table { border-collapse: collapse } td { border: 1px solid black; padding: 4pt 8pt }"


def _cells(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def _form_grid(cell: str) -> str:
    labels = [("Surname", "Given names", "Date of birth"),
              ("Street", "Town", "Postcode"),
              ("Telephone", "Email", "Service number")]
    rows = "".join(
        "<tr>" + "".join(f"<td>{cell.format(label=label, name=f'f{r}{c}')}</td>"
                         for c, label in enumerate(row)) + "</tr>"
        for r, row in enumerate(labels)
    )
    return f"<h1>Application</h1><p>{LOREM}</p><table>{rows}</table><p>{LOREM}</p>"


def test_a_forms_labels_in_a_grid_of_boxes_are_no_table(html_pdf: HtmlPdf) -> None:
    # A form lines its boxes up in rows and columns, each box a label and the field to fill
    # in: the labels name fields, they are no cells of data.
    path = html_pdf(
        _form_grid("{label}<br><input type='text' name='{name}'>"), css=GRID, pdf_forms=True
    )
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert any(isinstance(b, Paragraph) and "Surname" in b.text for b in doc.blocks)


def test_the_same_grid_without_fields_is_a_table(html_pdf: HtmlPdf) -> None:
    path = html_pdf(_form_grid("{label}"), css=GRID)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table)[0] == ["Surname", "Given names", "Date of birth"]


def test_a_caption_beside_a_few_lines_of_body_text_is_no_table(tmp_path: Path) -> None:
    # A two-line caption in a small face beside three lines of justified body text (its
    # last line spaced out into pieces): they share baselines like the rows of a small
    # table, but each line of the body goes on with the sentence of the line above.
    def show(size: float, x: float, y: float, text: str) -> bytes:
        return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET".encode()

    above = ["Einstein had to take a very different approach from Newton in",
             "order to put the round tail on the human shadows. He said that"]
    below = ["mathematics and other representational systems are not the actual",
             "truth and we have to make do with approximations of it instead."]
    path = text_page_pdf(tmp_path / "caption.pdf", [
        *(show(11, 90, 660 - 14.5 * k, line) for k, line in enumerate(above)),
        show(9, 97, 600, "The orbit of Mercury precesses in a way"),
        show(11, 269, 600, "especially mathematics because it is"),
        show(9, 97, 585.5, "Newton's model does not predict at all"),
        show(11, 269, 585.5, "only about itself, and can be made"),
        show(11, 269, 571, "consistent."),
        show(11, 340, 571, "But when we try to apply"),
        *(show(11, 90, 556.5 - 14.5 * k, line) for k, line in enumerate(below)),
    ])
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert any("Mercury" in block_text(b) for b in doc.blocks)


FACTS = [("Original author", "Andreas Gal"), ("Developer", "Mozilla"),
         ("Repository", "github.com/mozilla/pdf.js (https://github.com/mozilla/pdf.js)"),
         ("Written in", "JavaScript, CSS, HTML"), ("Type", "PDF viewer"),
         ("Licence", "Apache License 2.0")]


def test_a_box_of_facts_drawn_cell_by_cell_is_a_table(html_pdf: HtmlPdf) -> None:
    # Each cell drawn with its own top and bottom border and the box with its two sides: no
    # rule runs down between label and value, but the rules across break there on every row.
    rows = "".join(
        f"<tr><td class='k'><u>{k}</u></td><td class='v'>{v}</td></tr>" for k, v in FACTS
    )
    path = html_pdf(
        f"<p>{LOREM}</p><table>{rows}</table><p>{LOREM}</p>",
        css="table { border-collapse: collapse; border-left: 1px solid black;"
        " border-right: 1px solid black; width: 8cm } td { border-top: 1px solid black;"
        " border-bottom: 1px solid black; padding: 3pt 6pt; vertical-align: top }"
        " td.k { width: 3cm } td.v { width: 4cm }",
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    # (A web address broken over lines is read with a space at each break.)
    squeezed = [["".join(text.split()) for text in row] for row in _cells(table)]
    assert squeezed == [["".join(text.split()) for text in row] for row in FACTS]


def test_rules_only_between_columns_leave_the_outer_columns_in_the_table(
    html_pdf: HtmlPdf,
) -> None:
    # A statistical table rules its head and foot across, and down only between its columns
    # of figures: the row labels left of the first rule down and the last column right of
    # the last one are columns of the same table, on the same rows.
    labels = ["Violent crime", "Robbery", "Burglary", "Arson", "Fraud", "Vandalism"]
    body = "".join(
        f"<tr><td>{label}</td><td>{100 + k}.5</td><td>{20 + k}.1</td><td>{80 + k}.4</td>"
        f"<td>{10 + k}.9</td></tr>"
        for k, label in enumerate(labels)
    )
    head = "<tr><th>Offence</th><th>Total</th><th>Young</th><th>Adult</th><th>Female</th></tr>"
    path = html_pdf(
        f"<p>{LOREM}</p><table>{head}{body}</table><p>{LOREM}</p>",
        css="table { border-collapse: collapse }"
        " th { border-top: 1px solid black; border-bottom: 1px solid black }"
        " tr:last-child td { border-bottom: 1px solid black }"
        " th, td { padding: 2pt 8pt; text-align: left }"
        " td + td, th + th { border-left: 1px solid black }"
        " td:last-child, th:last-child { border-left: 1px solid black }",
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = _cells(table)
    assert cells[0] == ["Offence", "Total", "Young", "Adult", "Female"]
    assert cells[1] == ["Violent crime", "100.5", "20.1", "80.4", "10.9"]
    assert len(cells) == 7
    assert "Vandalism" in block_text(table)


def test_a_head_set_above_the_grids_top_rule_is_the_tables_first_rows(
    html_pdf: HtmlPdf,
) -> None:
    # Only the body is ruled; the three lines of column heads sit above the grid's top rule.
    head = "".join(
        f"<tr><th>{a}</th><th>{b}</th><th>{c}</th></tr>"
        for a, b, c in [("", "Principal and", "Interest only"),
                        ("Loan type", "interest rate", "rate"),
                        ("", "per year", "per year")]
    )
    body = "".join(
        f"<tr><td>{name}</td><td>{rate}%</td><td>{other}%</td></tr>"
        for name, rate, other in [("Standard variable", "5.37", "5.92"),
                                  ("One year fixed", "4.04", "4.69"),
                                  ("Two year fixed", "3.94", "4.44"),
                                  ("Three year fixed", "3.94", "4.49")]
    )
    path = html_pdf(
        f"<p>{LOREM}</p><table><thead>{head}</thead><tbody>{body}</tbody></table><p>{LOREM}</p>",
        css="table { border-collapse: collapse } th { padding: 0 10pt; text-align: left }"
        " td { border: 1px solid black; padding: 4pt 10pt }",
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = _cells(table)
    assert cells[-1] == ["Three year fixed", "3.94%", "4.49%"]
    # (Each head wrapped over the three lines is one cell, "Loan type" set by their middle.)
    assert cells[0] == ["Loan type", "Principal and interest rate per year",
                        "Interest only rate per year"]
    assert [c.header for c in table.rows[0].cells] == [True] * 3


def test_a_table_ruled_between_rows_and_columns_only_is_read_by_its_rules(
    html_pdf: HtmlPdf,
) -> None:
    # No frame: rules across between the rows and one rule down between label and text.
    # The text wraps over several lines, and a stage's label sits by its text's middle.
    stages = [
        ("Stage I", "The tumour is less than 2 cm in diameter and has not spread to the "
                    "lymph nodes in the armpit."),
        ("Stage IIA", "The tumour is less than 2 cm in diameter and has spread to the lymph "
                      "nodes in the armpit."),
        ("Stage IIB", "The tumour is 2 to 5 cm in diameter and has spread to the lymph nodes "
                      "in the armpit."),
    ]
    rows = "".join(f"<tr><td>{s}</td><td>{t}</td></tr>" for s, t in stages)
    path = html_pdf(
        f"<p>{LOREM}</p><table>{rows}</table><p>{LOREM}</p>",
        css="table { border-collapse: collapse; width: 9cm }"
        " td { border-top: 1px solid black; border-bottom: 1px solid black;"
        " padding: 4pt 8pt; vertical-align: middle } td + td { border-left: 1px solid black }",
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table) == [list(row) for row in stages]


def test_an_index_set_in_columns_is_no_table(html_pdf: HtmlPdf) -> None:
    # Each piece a term and the pages it is found on: columns of an index, not of data.
    left = ["Apgar scale 172", "Babinski reflex 173", "Bayley scales 174", "Brazelton 168, 170"]
    right = ["Piaget 183", "Moro reflex 192", "Rooting reflex 191", "Tanner stages 186-188"]
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in zip(left, right, strict=True))
    path = html_pdf(
        f"<p>{LOREM}</p><table style='border-spacing: 4em 0'>{rows}</table><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert any("Bayley scales 174" in block_text(b) for b in doc.blocks)


def test_a_tables_caption_above_it_is_its_caption(html_pdf: HtmlPdf) -> None:
    # Two tables, each captioned above ("Table 1: …"): the second's caption, right under the
    # first table, is the second's, and the first keeps its own.
    def table(number: int, title: str) -> str:
        rows = "".join(
            f"<tr><td>{day}</td><td>{k + number}.5</td><td>{k * 2 + number}.0</td></tr>"
            for k, day in enumerate(["Monday", "Tuesday", "Wednesday", "Thursday"])
        )
        return (f"<p style='margin: 1.5em 0 0.5em 0'>Table {number}: {title}</p>"
                f"<table style='border-spacing: 3em 0'>{rows}</table>")

    path = html_pdf(f"<p>{LOREM}</p>" + table(1, "Rainfall by day") + table(2, "Sunshine by day"))
    doc = read_layout(path, max_pages=5)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [t.caption for t in tables] == ["Table 1: Rainfall by day", "Table 2: Sunshine by day"]
    # (The caption is still a paragraph where it is read; outputs say it once, see captions.)
    assert any(isinstance(b, Paragraph) and b.text == "Table 2: Sunshine by day"
               for b in doc.blocks)


def test_cells_named_by_a_word_and_a_number_are_still_a_table(html_pdf: HtmlPdf) -> None:
    # "Cell 1", "Cell 3" look like index entries (a word, a number), but repeat their word
    # and stand in no alphabetical order: a table's cells.
    rows = "".join(
        f"<tr><td>{a}</td><td>{b}</td></tr>"
        for a, b in [("Column 1", "Column 2"), ("Cell 1", "Cell 2"), ("Cell 3", "Cell 4")]
    )
    path = html_pdf(
        f"<p>{LOREM}</p><table style='border-spacing: 4em 0'>{rows}</table><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table)[-1] == ["Cell 3", "Cell 4"]


def test_displayed_equations_with_their_numbers_are_no_table(tmp_path: Path) -> None:
    # Two displayed equations, each in two pieces set wide apart, numbered at the right
    # margin: three columns of pieces, but formulas of the text.
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 11 Tf {x} {y} Td ({text}) Tj ET".encode()

    path = text_page_pdf(tmp_path / "equations.pdf", [
        show(72, 700, "The derivatives of the two functions are set out below, as usual."),
        show(150, 670, "F(x) = A sin x + B cos x"), show(300, 670, "F'(x) = A cos x - B sin x"),
        show(500, 670, "(2.1)"),
        show(150, 650, "G(x) = 2 A cos x"), show(300, 650, "G'(x) = -2 A sin x"),
        show(500, 650, "(2.2)"),
        show(150, 630, "H(x) = 3 B tan x"), show(300, 630, "H'(x) = 3 B sec x sec x"),
        show(500, 630, "(2.3)"),
        show(72, 600, "Both follow from the rules for the derivatives of sums and products."),
    ])
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert any("(2.2)" in block_text(b) for b in doc.blocks)


def _ruled_grid(x: float, top: float, rows: list[tuple[str, str, str]]) -> list[bytes]:
    """Rows of three cells, 100pt wide and 20pt high, each rule a thin filled rectangle."""
    ops = []
    bottom = top - 20 * len(rows)
    for k in range(len(rows) + 1):
        ops.append(f"{x} {top - 20 * k} 300 0.5 re f".encode())
    for k in range(4):
        ops.append(f"{x + 100 * k} {bottom} 0.5 {top - bottom} re f".encode())
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            ops.append(f"BT /F1 10 Tf {x + 6 + 100 * c} {top - 20 * r - 14} Td ({text}) Tj ET"
                       .encode())
    return ops


def test_two_grids_inside_a_frame_round_the_page_are_two_tables(tmp_path: Path) -> None:
    # A border drawn round the whole page holds both tables but touches neither: it joins
    # none of their rules into one grid, and the text between them is no cell.
    frame = [b"30 30 535 1 re f", b"30 811 535 1 re f", b"30 30 1 782 re f",
             b"564 30 1 782 re f"]
    apples = [(f"Apples {k}", f"{k * 7}.5", f"{k * 3}.25") for k in range(1, 4)]
    pears = [(f"Pears {k}", f"{k * 5}.5", f"{k * 2}.75") for k in range(1, 4)]
    path = text_page_pdf(tmp_path / "framed.pdf", [
        *frame,
        b"BT /F1 11 Tf 72 760 Td (" + LOREM[:80].encode() + b") Tj ET",
        *_ruled_grid(72, 740, apples),
        b"BT /F1 11 Tf 72 640 Td (" + LOREM[80:160].encode() + b") Tj ET",
        *_ruled_grid(72, 620, pears),
    ])
    doc = read_layout(path, max_pages=5)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [_cells(t) for t in tables] == [[list(row) for row in apples],
                                           [list(row) for row in pears]]


def test_a_wide_first_columns_wrapped_lines_stay_in_its_rows(html_pdf: HtmlPdf) -> None:
    # Services described at length in the first column, their phone and web address short
    # in the second: the description's lines past the second column's two are rows with one
    # filled cell, wider than half the table but within the first column.
    services = [
        ("Encore: This free eight-week information and exercise program is for women who "
         "have had breast cancer surgery and uses floor and pool exercises.",
         "1800 305 150", "encore.org.au"),
        ("Look Good Feel Better: This free program teaches techniques to help restore "
         "appearance, confidence and self-image during treatment.",
         "1800 650 960", "lgfb.org.au"),
        ("My Journey Kit: The kit contains information, resources and tips for women newly "
         "diagnosed with breast cancer.", "1800 500 258", "bcna.org.au"),
    ]
    rows = "".join(f"<tr><td>{text}</td><td>{phone}<br>{web}</td></tr>"
                   for text, phone, web in services)
    path = html_pdf(
        f"<p>{LOREM}</p><table style='border-spacing: 0 10pt; width: 11cm'>{rows}</table>"
        f"<p>{LOREM}</p>",
        css="td { vertical-align: top; padding: 0 } td + td { width: 3.5cm; padding-left: 1cm }",
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    text = block_text(table)
    assert all(phone in text for _, phone, _ in services)
    assert "floor and pool exercises" in text and "diagnosed with breast cancer" in text


def test_program_code_in_a_proportional_face_is_no_table(tmp_path: Path) -> None:
    # Two listings side by side on a slide, set in Helvetica: their indents and columns line
    # up like a table's, but lines opening and closing blocks with braces are code.
    left = [(40, "interface Shape {"), (67, "double area();"), (40, "}"),
            (40, "class Square implements Shape {"), (67, "double side;"), (40, "}")]
    right = [(420, "public static void main(String[] args) {"),
             (447, "Shape s = new Square(3);"), (447, "Square q = (Square) s;"),
             (447, "double a = s.area();"), (447, "System.out.println(a);"), (420, "}")]
    ops = [b"BT /F1 24 Tf 290 530 Td (Interfaces) Tj ET"]
    for k, ((x0, a), (x1, b)) in enumerate(zip(left, right, strict=True)):
        y = 440 - 32 * k
        ops.append(f"BT /F1 14 Tf {x0} {y} Td ({a}) Tj ET".encode())
        ops.append(f"BT /F1 14 Tf {x1} {y} Td ({b}) Tj ET".encode())
    path = text_page_pdf(tmp_path / "code.pdf", ops, size=(794, 595))
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert any("Square q = (Square) s;" in block_text(b) for b in doc.blocks)


def test_text_wrapped_in_a_ruled_rows_cells_stays_one_row(html_pdf: HtmlPdf) -> None:
    # Every row ruled; the description and the response wrap over lines of their own, the
    # status set by the middle of its row: each ruled row is one row, its lines going on in
    # lower case. The body of a table ruled only round head and body is still read line by
    # line (see the "rules only between columns" test).
    rows = [
        ("ER+", "Cancer cells with oestrogen receptors are called oestrogen receptor "
                "positive.", "A cancer that is ER+ is more likely to respond to hormone "
                             "therapy."),
        ("PR+", "Cancer cells with progesterone receptors are called progesterone receptor "
                "positive.", "A cancer that is PR+ is more likely to respond to hormone "
                             "therapy."),
    ]
    body = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td></tr>" for a, b, c in rows)
    path = html_pdf(
        f"<p>{LOREM}</p><table><tr><th>Status</th><th>Description</th><th>Response</th></tr>"
        f"{body}</table><p>{LOREM}</p>",
        css=GRID + " table { width: 11cm } td { vertical-align: top; width: 4.5cm }"
        " td:first-child { width: 2cm; vertical-align: middle }"
        " th { border: 1px solid black; text-align: left }",
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table) == [["Status", "Description", "Response"], *map(list, rows)]


def test_a_fully_ruled_grids_rows_are_its_ruled_bands(html_pdf: HtmlPdf) -> None:
    # Every row and column ruled, each cell set by the middle of its row: a cell of three
    # lines of code ("[1", "[2", "[3") starts above its neighbours of one, and no line goes
    # on in lower case. Each ruled band is one row all the same, its cells' lines kept.
    rows = [
        ("Array", "[1<br>[2<br>[3<br>[4", "A0<br>A1", "B0"),
        ("Boolean", "T[<br>F]", "W", "C1"),
        ("Comment", "N", "N", "N"),
        ("Dictionary", "D[<br>D]<br>E[<br>E]", "W<br>V", "K4"),
    ]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    path = html_pdf(
        f"<p>{LOREM}</p><table><tr><td>Kind</td><td>First</td><td>Second</td><td>Third</td>"
        f"</tr>{body}</table><p>{LOREM}</p>",
        css=GRID + " td { vertical-align: middle; width: 3cm }",
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table) == [
        ["Kind", "First", "Second", "Third"],
        *[[cell.replace("<br>", " ") for cell in row] for row in rows],
    ]


def test_a_group_heading_in_a_booktabs_body_is_a_row_of_its_own(tmp_path: Path) -> None:
    # Rules over and under the head and under the body, and down the columns: the body is
    # one band, read line by line. A heading alone in the first column between two rows
    # ("Vegetables") heads a group of rows and is a row too, not wrapped text of the row
    # above; a price set word by word ("1.5 per kg") starts its row afresh all the same.
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 10 Tf {x} {y} Td ({text}) Tj ET".encode()

    body = [("Apples", "3.5", "2"), ("Pears", "4.0", "1"), ("Vegetables",),
            ("Carrots", "1.5", "7"), ("Leeks", "2.5", "3")]
    ops = [b"72 700 300 0.5 re f", b"72 680 300 0.5 re f", b"72 560 300 0.5 re f",
           b"72 560 0.5 140 re f", b"172 560 0.5 140 re f", b"272 560 0.5 140 re f",
           b"372 560 0.5 140 re f", show(78, 686, "Produce"),
           show(178, 686, "Price"), show(278, 686, "Stock")]
    for k, row in enumerate(body):
        ops += [show(78 + 100 * c, 666 - 18 * k, text) for c, text in enumerate(row)]
    ops += [show(78, 576, "Onions"), show(178, 576, "1.5"), show(205, 576, "per"),
            show(235, 576, "kg"), show(278, 576, "9")]
    path = text_page_pdf(tmp_path / "groups.pdf", ops)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table) == [["Produce", "Price", "Stock"],
                             *[list(row) + [""] * (3 - len(row)) for row in body],
                             ["Onions", "1.5 per kg", "9"]]


def test_rules_under_a_spanning_head_alone_make_no_grid(tmp_path: Path) -> None:
    # An unruled table whose head spans two columns ("Dates" over "Start" and "End") with a
    # rule under the spanning head and rules down beside it: one rule across and three down
    # rule no grid of rows, and the table is read whole, its head included.
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 8 Tf {x} {y} Td ({text}) Tj ET".encode()

    # (With a rule under the page's title and one over its footer, as pages have.)
    ops = [b"72 770 450 0.5 re f", b"72 80 450 0.5 re f",
           b"180 684 120 0.5 re f", b"180 668 0.5 36 re f", b"240 668 0.5 16 re f",
           b"300 668 0.5 36 re f",
           show(80, 696, "Payee"), show(200, 696, "Service"), show(340, 696, "Amount"),
           show(80, 687, "Posted"), show(220, 687, "Dates"),
           show(190, 673, "Start"), show(250, 673, "End")]
    payees = ["Smith", "Jones", "Brown", "Green", "White"]
    for k, name in enumerate(payees):
        y = 655 - 14 * k
        ops += [show(80, y, name), show(190, y, f"0{k + 1}/01"), show(250, y, f"0{k + 1}/28"),
                show(340, y, f"{1000 + 250 * k}.00")]
    path = text_page_pdf(tmp_path / "spanning.pdf", ops)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    text = block_text(table)
    assert "Payee" in text and "Start" in text and "White" in text and "2000.00" in text


def test_a_bulleted_list_under_a_justified_line_is_no_table(tmp_path: Path) -> None:
    # A justified line spaced out word by word, then bullets whose items wrap onto lines
    # of their own, wider than half the run: the wrapped lines hang in the last column,
    # from bullets, as a list's items do; they end the run (no table of bullets and words).
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 9 Tf {x} {y} Td ({text}) Tj ET".encode()

    words = ["In", "this", "item,", "surging", "and", "continuous", "surging", "are"]
    ops = [show(320 + 26 * k, 700, word) for k, word in enumerate(words)]
    ops += [show(320, 689, "defined as follows:"),
            show(320, 674, "*"), show(334, 674, "Surging means the phenomenon, which results"),
            show(334, 663, "in a high pitch vibration of an audible level or"),
            show(334, 652, "explosion-like noise from the scavenger area."),
            show(320, 637, "*"), show(334, 637, "Continuous surging means that surging happens"),
            show(334, 626, "repeatedly and not only once, in any running of the"),
            show(334, 615, "engine at its rated power or above it.")]
    path = text_page_pdf(tmp_path / "bullets.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_boxes_drawn_apart_inside_a_grids_cells_divide_them(tmp_path: Path) -> None:
    # A form's lines: the amounts in a column of boxes of their own inside the grid's frame,
    # touching none of the grid's rules (the rules between its rows stop short of them).
    # They are part of the grid all the same: the label before each box and the amount in
    # it are cells apart.
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 9 Tf {x} {y} Td ({text}) Tj ET".encode()

    rows = [("1", "Wages and salaries", "Line 1", "1200.00"),
            ("2", "Interest received", "Line 2", "35.10"),
            ("3", "Dividends received", "Line 3", "410.75")]
    ops = [b"72 700 300 0.5 re f", b"72 640 300 0.5 re f", b"72 680 228 0.5 re f",
           b"72 660 228 0.5 re f"]
    ops += [f"{x} 640 0.5 60 re f".encode() for x in (72, 100, 272, 372)]
    ops += [f"310 {y} 58 0.5 re f".encode() for y in (697, 679, 661, 643)]
    ops += [f"{x} 643 0.5 54 re f".encode() for x in (310, 368)]
    for k, (number, label, line, amount) in enumerate(rows):
        y = 686 - 20 * k
        ops += [show(78, y, number), show(106, y, label), show(276, y, line),
                show(314, y, amount)]
    path = text_page_pdf(tmp_path / "boxes.pdf", ops)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = [[text for text in row if text] for row in _cells(table)]
    assert cells == [list(row) for row in rows]


def test_a_reference_list_keyed_in_brackets_is_no_table(tmp_path: Path) -> None:
    # Entries labelled with citation keys ("[Knu84]"), each wrapped onto lines of its own
    # under its first: the wrapped lines hang from the keys, as a list's items from their
    # numbers; no table of keys and text.
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 9 Tf {x} {y} Td ({text}) Tj ET".encode()

    entries = [("[Knu84]", ["D. E. Knuth, The TeXbook. Reading, Massachusetts,",
                            "Addison-Wesley, in the year 1984."]),
               ("[Lam94]", ["L. Lamport, LaTeX: A Document Preparation",
                            "System, Addison-Wesley, in 1994."]),
               ("[MG04]", ["F. Mittelbach and M. Goossens, The LaTeX",
                           "Companion, Addison-Wesley, 2004."]),
               ("[Oet15]", ["T. Oetiker, The Not So Short Introduction",
                            "to LaTeX, on the web, in 2015."])]
    ops = []
    y = 700.0
    for key, lines_of in entries:
        ops += [show(72, y, key), show(120, y, lines_of[0]), show(120, y - 11, lines_of[1])]
        y -= 26
    path = text_page_pdf(tmp_path / "references.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)


def _show(x: float, y: float, text: str, size: float = 9, spacing: float = 0) -> bytes:
    return f"BT /F1 {size} Tf {spacing} Tw {x} {y} Td ({text}) Tj ET".encode()


def test_a_paragraph_justified_with_wide_word_spaces_is_no_table(tmp_path: Path) -> None:
    # A section head, then lines stretched with word spacing wider than half a font size:
    # every word a piece of its own, the pieces falling into two "columns" (a space wider
    # than the others at the same place on each line), several words in each.
    halves = [("The development of information", "technologies has"),
              ("boosted the collection of data", "about people. Data"),
              ("stores containing personal data", "are a valuable")]
    ops = [_show(130, 720, "I."), _show(142, 720, "Introduction")]
    for k, (left, right) in enumerate(halves):
        ops += [_show(72, 700 - 11 * k, left, spacing=3.6),
                _show(216, 700 - 11 * k, right, spacing=3.6)]
    ops += [_show(72, 667, "resource to support decision making in the public"),
            _show(72, 656, "and the private sector alike.")]
    path = text_page_pdf(tmp_path / "justified.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    text = " ".join(block_text(b) for b in doc.blocks)
    assert "The development of information technologies has boosted" in text


def test_lines_whose_words_line_up_but_read_on_from_line_to_line_are_no_table(
    tmp_path: Path,
) -> None:
    # Three lines of a justified paragraph whose wide word spaces happen to fall at the same
    # places: columns of words, one a line, but each line runs to the right edge and the next
    # goes on with its sentence (a word broken by a hyphen, a lower-case start).
    lines_of = [("Composing", "music", "with", "recurrent", "neu-"),
                ("ral", "networks,", "personal", "weblog,", "on-"),
                ("line", "since", "the", "year", "2015.")]
    ops = []
    for k, words in enumerate(lines_of):
        y = 700 - 11 * k
        ops += [_show(72 + 60 * j, y, word) for j, word in enumerate(words[:-1])]
        # (the last word set flush with the right edge, as justification sets it)
        ops.append(_show(330 - 5 * len(words[-1]), y, words[-1]))
    path = text_page_pdf(tmp_path / "aligned-words.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)


def _item_rows(top: float) -> list[bytes]:
    rows = [("Item", "Quantity", "Price"), ("Super Kite", "2", "20.00"),
            ("Turbo Flyer", "5", "40.00"), ("Giga Trash", "1", "180.00"),
            ("Bare Bone Kit", "3", "50.00")]
    return [
        _show(x, top - 14 * k, cell) for k, row in enumerate(rows)
        for x, cell in zip((120, 330, 430), row, strict=True)
    ]


def test_a_title_line_set_apart_above_a_tables_rows_is_not_its_first_row(
    tmp_path: Path,
) -> None:
    # "Invoice 2020-10" at the left margin and a date at the right, well above the table's
    # rows (several times their gap): a title over the table, not a row of it.
    ops = [_show(72, 746, "Invoice 2020-10"), _show(430, 746, "January 8, 2020")]
    ops += _item_rows(720)
    path = text_page_pdf(tmp_path / "invoice.pdf", ops)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table)[0] == ["Item", "Quantity", "Price"]
    assert "Invoice" not in block_text(table)


def test_a_heading_set_apart_below_a_tables_rows_is_not_its_last_row(tmp_path: Path) -> None:
    # The next section's heading, short, under the last row after a gap several times the
    # rows': not a row with one filled cell.
    ops = _item_rows(720) + [_show(120, 642, "C. SLEEP SCHEDULE")]
    path = text_page_pdf(tmp_path / "next-heading.pdf", ops)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert "SCHEDULE" not in block_text(table)
    assert _cells(table)[-1] == ["Bare Bone Kit", "3", "50.00"]


def test_a_reference_list_justified_word_by_word_is_no_table(tmp_path: Path) -> None:
    # Entries keyed in brackets, their lines justified with word spaces wide enough to part
    # every word: keys beside words, the rows of a list, not of a table.
    entries = [("[HS97]", ["S. Hochreiter and J. Schmidhuber, Long short-term memory,",
                           "Neural computation, vol. 9, no. 8, pp. 1735-1780, 1997."]),
               ("[HZ15]", ["K. He, X. Zhang, S. Ren, and J. Sun, Deep residual learning",
                           "for image recognition, in the proceedings of CVPR 2016."]),
               ("[Kar15]", ["A. Karpathy, The unreasonable effectiveness of recurrent",
                            "neural networks, a personal weblog, in the year 2015."])]
    ops = []
    y = 700.0
    for key, lines_of in entries:
        ops += [_show(72, y, key), _show(110, y, lines_of[0], size=7, spacing=3.6),
                _show(110, y - 9, lines_of[1], size=7, spacing=3.6)]
        y -= 20
    path = text_page_pdf(tmp_path / "references.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_a_title_beside_a_box_of_notes_is_no_table(tmp_path: Path) -> None:
    # A form's title in large type, centred, beside a small box of notes ("OMB No. ..."):
    # their lines meet, but the pieces of each line are set in clearly different sizes.
    ops = [_show(134, 753, "APPLICATION FOR THE REVIEW", size=14),
           _show(503, 753, "OMB No. 0704-0004", size=10),
           _show(123, 741, "OF A DISCHARGE FROM THE FORCES", size=14),
           _show(499, 743, "OMB approval expires:", size=10),
           _show(90, 731, "(Please read the notes on the back first.)", size=10),
           _show(520, 733, "2026-02-28", size=10),
           _show(72, 700, LOREM[:90], size=10)]
    path = text_page_pdf(tmp_path / "title-box.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)


def _with_fields(path: Path, boxes: list[tuple[float, float, float, float]]) -> Path:
    """The PDF at ``path`` with a text field (a widget annotation) over each box."""
    import pikepdf

    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        widgets = [
            pdf.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Widget, FT=pikepdf.Name.Tx,
                T=pikepdf.String(f"f{k}"), Rect=pikepdf.Array(list(box)),
            ))
            for k, box in enumerate(boxes)
        ]
        pdf.pages[0].obj.Annots = pikepdf.Array(widgets)
        pdf.Root.AcroForm = pikepdf.Dictionary(Fields=pikepdf.Array(widgets))
        pdf.save(path)
    return path


def _grid(xs: list[float], ys: list[float]) -> list[bytes]:
    """Rules across at ``ys`` from the first x to the last, and down at ``xs`` between the
    first y and the last: thin filled rectangles."""
    return [f"{xs[0]} {y} {xs[-1] - xs[0]} 0.5 re f".encode() for y in ys] + [
        f"{x} {ys[-1]} 0.5 {ys[0] - ys[-1]} re f".encode() for x in xs
    ]


def test_a_head_over_rows_of_fields_to_fill_in_is_a_table(tmp_path: Path) -> None:
    # A form's table of dependents: heads over rows of boxes to fill in, one field a cell
    # and no text in the rows. The heads name the columns, not each its own field: a table.
    xs, ys = [72.0, 222.0, 322.0, 472.0], [700.0, 680.0, 660.0, 640.0, 620.0]
    heads = ["First and last name", "Number", "Relationship to you"]
    ops = _grid(xs, ys) + [
        _show(x + 6, 686, text) for x, text in zip(xs, heads, strict=False)
    ]
    path = text_page_pdf(tmp_path / "dependents.pdf", ops)
    boxes = [(x + 2, y + 2, right - 2, y + 18) for y in ys[2:] for x, right in zip(xs, xs[1:],
                                                                                  strict=False)]
    doc = read_layout(_with_fields(path, boxes), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table)[0] == heads


def test_a_forms_labels_in_a_grid_with_a_field_each_are_still_no_table(tmp_path: Path) -> None:
    # The same grid with a label in every row by its field: a form's layout, read as text.
    xs, ys = [72.0, 222.0, 322.0, 472.0], [700.0, 680.0, 660.0, 640.0]
    labels = [["Surname", "Given names", "Date of birth"], ["Street", "Town", "Postcode"],
              ["Telephone", "Email", "Service number"]]
    ops = _grid(xs, ys) + [
        _show(x + 4, y - 8, text)
        for row, y in zip(labels, ys, strict=False) for x, text in zip(xs, row, strict=False)
    ]
    path = text_page_pdf(tmp_path / "form.pdf", ops)
    boxes = [(x + 60, y - 18, right - 2, y - 2) for y in ys[:3] for x, right in zip(xs, xs[1:],
                                                                                   strict=False)]
    doc = read_layout(_with_fields(path, boxes), max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_a_forms_lines_with_leader_dots_to_their_boxes_are_no_table(tmp_path: Path) -> None:
    # A tax form's lines: a label, leader dots to the line's number and its box to fill in,
    # ruled as a grid. The dots are no cells: the labels lead to fields, a form's layout.
    xs, ys = [72.0, 400.0, 420.0, 520.0], [700.0, 680.0, 660.0, 640.0, 620.0]
    lines = ["Wages, salaries, tips", "Tax-exempt interest", "Qualified dividends",
             "Pensions and annuities"]
    ops = _grid(xs, ys)
    for k, label in enumerate(lines):
        y = ys[k] - 14
        ops += [_show(76, y, f"{k + 1}  {label}")]
        ops += [_show(x, y, ".") for x in range(230, 390, 12)]
        ops += [_show(404, y, str(k + 1))]
    path = text_page_pdf(tmp_path / "lines.pdf", ops)
    boxes = [(422, y + 2, 518, y + 18) for y in ys[1:]]
    doc = read_layout(_with_fields(path, boxes), max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_grids_stacked_on_one_rule_with_their_columns_apart_are_two_tables(
    tmp_path: Path
) -> None:
    # A grid drawn on from the bottom rule of another, its rules down at other places: two
    # tables, each read by its own columns (one's columns would tear the other's rows).
    top = [("Name", "Born", "Town"), ("Ada", "1815", "London"), ("Alan", "1912", "London")]
    bottom = [("Item", "Amount"), ("Rent", "1200.00"), ("Food", "310.50")]
    ops = _grid([72.0, 172.0, 272.0, 372.0], [700.0, 680.0, 660.0, 640.0])
    # (the second grid ruled down only between its two columns, where the first has none)
    ops += _grid([72.0, 222.0, 372.0], [640.0, 620.0, 600.0, 580.0])[:-3]
    ops += [b"222.0 580.0 0.5 60.0 re f"]
    for r, row in enumerate(top):
        ops += [_show(78 + 100 * c, 686 - 20 * r, text) for c, text in enumerate(row)]
    for r, row in enumerate(bottom):
        ops += [_show(78 + 150 * c, 626 - 20 * r, text) for c, text in enumerate(row)]
    path = text_page_pdf(tmp_path / "stacked.pdf", ops)
    doc = read_layout(path, max_pages=5)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[[t for t in row if t] for row in _cells(t)] for t in tables] == [
        [list(row) for row in top], [list(row) for row in bottom]
    ]


def test_a_matrix_typeset_in_math_fonts_is_no_table(tmp_path: Path) -> None:
    # A displayed matrix: its entries in TeX's math italic spread apart in rows and columns
    # like a table's cells, beside the formula's left side. A formula of the text.
    import pikepdf

    entries = [("JF(u, v) =", "xu(p)", "xv(p)"), ("", "yu(p)", "yv(p)"), ("", "zu(p)", "zv(p)")]
    ops = [_show(72, 760, LOREM[:90])]
    for r, row in enumerate(entries):
        y = 720 - 16 * r
        ops += [f"BT /F2 10 Tf {x} {y} Td ({text}) Tj ET".encode()
                for x, text in zip((150, 240, 320), row, strict=False) if text]
    path = text_page_pdf(tmp_path / "matrix.pdf", ops)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        resources = pdf.pages[0].obj.Resources
        resources.Font.F2 = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
            BaseFont=pikepdf.Name("/CMMI10"), Encoding=pikepdf.Name.WinAnsiEncoding,
        ))
        pdf.save(path)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert any("xu(p)" in block_text(b) for b in doc.blocks)


def test_a_charts_labels_lined_up_on_it_are_no_table(tmp_path: Path) -> None:
    # A bar chart drawn with shapes: each bar's category left of it and its value on it,
    # in two columns row after row like a small table's. They are the chart's labels.
    categories = [("Never", "3%", 20), ("Monthly", "7%", 50), ("Weekly", "5%", 35),
                  ("Twice weekly", "25%", 160), ("Daily", "60%", 300)]
    ops = [_show(72, 780, LOREM[:90]), b"0.9 g 60 520 470 200 re f 0 g"]
    for k, (name, value, length) in enumerate(categories):
        y = 690 - 30 * k
        ops += [f"0 0 1 rg 160 {y - 4} {length} 16 re f 0 g".encode(), _show(70, y, name),
                _show(164, y, value)]
    ops += [f"{x} 540 0.5 170 re f".encode() for x in (160, 260, 360, 460)]
    path = text_page_pdf(tmp_path / "chart.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert any("Monthly" in block_text(b) for b in doc.blocks)


def test_a_grids_title_and_note_on_its_box_beyond_its_rules_are_its_rows(
    tmp_path: Path
) -> None:
    # A table set on a coloured box: its title in a band of the box above the top rule,
    # a note in a band below the last rule. Both are the table's, rows spanning it.
    xs, ys = [100.0, 200.0, 400.0], [700.0, 670.0, 640.0, 610.0]
    rows = [("Stage I", "Less than 2 cm"), ("Stage II", "From 2 to 5 cm"),
            ("Stage III", "More than 5 cm")]
    ops = [_show(72, 780, LOREM[:90]), b"0.8 g 100 575 300 150 re f 0 g", *_grid(xs, ys)]
    ops += [_show(106, 708, "Staging")]
    for r, (stage, size) in enumerate(rows):
        ops += [_show(106, 684 - 30 * r, stage), _show(206, 684 - 30 * r, size)]
    ops += [_show(106, 592, "Stage IV is referred to as advanced cancer.")]
    path = text_page_pdf(tmp_path / "boxed.pdf", ops)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = [[text for text in row if text] for row in _cells(table)]
    assert cells == [["Staging"], *[list(row) for row in rows],
                     ["Stage IV is referred to as advanced cancer."]]


def test_a_table_opening_a_page_with_a_head_of_its_own_is_a_new_table(
    html_pdf: HtmlPdf
) -> None:
    # Two tables of two columns, one a page, each headed by its own title row: the second
    # is no continuation of the first (a continued table repeats its head, or has none).
    def table(title: str, rows: list[tuple[str, str]]) -> str:
        body = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in rows)
        return f"<table><tr><th>{title}</th><th>Meaning</th></tr>{body}</table>"

    staging = [("Stage I", "Less than 2 cm"), ("Stage II", "From 2 to 5 cm")]
    grading = [("Grade 1", "Slow growing"), ("Grade 2", "Faster growing")]
    path = html_pdf(
        f"<p>{LOREM}</p>{table('Staging', staging)}"
        f"<div style='page-break-before: always'>{table('Grading', grading)}</div>",
        css=GRID + " th { border: 1px solid black; padding: 4pt 8pt }",
    )
    doc = read_layout(path, max_pages=5)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert [_cells(t)[0][0] for t in tables] == ["Staging", "Grading"]


def test_heads_of_columns_on_the_grids_box_above_its_rules_are_no_title_row(
    tmp_path: Path
) -> None:
    # The band of the box above the top rule holds the columns' heads, a piece over each
    # column: no title to be one cell spanning the table (heads are put over a grid's
    # columns when they are read as a table of their own: join_tables).
    xs, ys = [100.0, 200.0, 400.0], [700.0, 670.0, 640.0, 610.0]
    rows = [("Stage I", "Less than 2 cm"), ("Stage II", "From 2 to 5 cm"),
            ("Stage III", "More than 5 cm")]
    ops = [_show(72, 780, LOREM[:90]), b"0.8 g 100 610 300 115 re f 0 g", *_grid(xs, ys)]
    ops += [_show(106, 708, "Stage"), _show(206, 708, "Size of the tumour")]
    for r, (stage, size) in enumerate(rows):
        ops += [_show(106, 684 - 30 * r, stage), _show(206, 684 - 30 * r, size)]
    path = text_page_pdf(tmp_path / "headed.pdf", ops)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert not any("Stage Size" in text for row in _cells(table) for text in row)


def _class_box(x: float, name: str, attributes: list[str], operation: str) -> list[bytes]:
    """A UML class box 160pt wide: a filled shape, its name over two compartments (the
    attributes, an operation), each compartment under a thin rule across the box."""
    ops = [b"0.98 0.94 0.85 rg", f"{x} 620 160 120 re f".encode(), b"0 g",
           f"{x} 705 160 0.5 re f".encode(), f"{x} 655 160 0.5 re f".encode(),
           f"BT /F1 9 Tf {x + 50} 718 Td ({name}) Tj ET".encode()]
    for k, attribute in enumerate(attributes):
        ops.append(f"BT /F1 8 Tf {x + 6} {690 - 12 * k} Td ({attribute}) Tj ET".encode())
    ops.append(f"BT /F1 8 Tf {x + 6} 640 Td ({operation}) Tj ET".encode())
    return ops


def test_a_class_diagram_in_a_frame_is_no_table_but_its_boxes_are_text(tmp_path: Path) -> None:
    # A UML class diagram in its frame (the name in a tab at its corner): two class boxes
    # side by side, their compartments ruled off, joined by a connector bent three times
    # and ending in an arrowhead. The frame holds its rules, but they meet neither the
    # frame nor each other: boxes and connectors, not a grid. Each box's text is read
    # together; the ruled table under the diagram is still a table.
    frame = [b"60 420 480 0.7 re f", b"60 800 480 0.7 re f", b"60 420 0.7 380.7 re f",
             b"540 420 0.7 380.7 re f", b"60 785 100 0.7 re f", b"160 785 0.7 15 re f",
             b"BT /F1 8 Tf 64 789 Td (cd Ledger) Tj ET"]
    connector = [b"250 680 40 0.7 re f", b"290 560 0.7 120.7 re f", b"290 560 120 0.7 re f",
                 b"410 560 0.7 60 re f", b"406 612 m 414 612 l 410 620 l f",
                 b"BT /F1 7 Tf 330 566 Td (owns) Tj ET"]
    apples = [(f"Apples {k}", f"{k * 7}.5", f"{k * 3}.25") for k in range(1, 4)]
    path = text_page_pdf(tmp_path / "diagram.pdf", [
        b"BT /F1 11 Tf 72 815 Td (" + LOREM[:80].encode() + b") Tj ET",
        *frame,
        *_class_box(90, "Account", ["+ id: UUID", "+ owner: Name", "+ opened: Date"],
                    "+ close(): Boolean"),
        *_class_box(330, "Customer", ["+ name: Text", "+ email: Text", "+ joined: Date"],
                    "+ merge(): Boolean"),
        *connector,
        b"BT /F1 11 Tf 72 400 Td (" + LOREM[80:160].encode() + b") Tj ET",
        *_ruled_grid(72, 380, apples),
    ])
    doc = read_layout(path, max_pages=5)
    tables = [b for b in doc.walk() if isinstance(b, Table)]
    assert [_cells(t) for t in tables] == [[list(row) for row in apples]]
    texts = [block_text(b) for b in doc.walk() if not isinstance(b, Table)]
    account = [t for t in texts if "Account" in t]
    assert len(account) == 1
    assert "+ owner: Name" in account[0] and "+ close(): Boolean" in account[0]
    assert "Customer" not in account[0] and "email" not in account[0]
    assert any("+ merge(): Boolean" in t and "Customer" in t for t in texts)


def test_a_ruled_table_of_underlined_links_stays_a_table(tmp_path: Path) -> None:
    # Every cell a link, underlined: the underlines meet no rule of the grid, nor each
    # other, and outnumber its rules, but they are the links' marks, not a diagram's pieces.
    rows = [(f"Item {k}", f"Code {k}", f"Page {k}") for k in range(1, 4)]
    underlines = [
        f"{72 + 6 + 100 * c} {740 - 20 * r - 15.5} 30 0.5 re f".encode()
        for r in range(3) for c in range(3)
    ]
    path = text_page_pdf(tmp_path / "links.pdf", [
        b"BT /F1 11 Tf 72 760 Td (" + LOREM[:80].encode() + b") Tj ET",
        *_ruled_grid(72, 740, rows), *underlines,
    ])
    doc = read_layout(path, max_pages=5)
    tables = [b for b in doc.walk() if isinstance(b, Table)]
    assert [_cells(t) for t in tables] == [[list(row) for row in rows]]


def test_a_questionnaires_answers_printed_to_circle_are_no_table(tmp_path: Path) -> None:
    # Each question followed by "yes" and "no" to circle, on every line: two columns that
    # say the same on every row tell the rows nothing; a form, read as its lines.
    questions = ["Did you eat anything before going to bed?", "Did you drink any alcohol?",
                 "Did you listen to any soothing music?", "Did you watch any TV?"]
    ops = []
    for k, question in enumerate(questions):
        ops += [_show(72, 700 - 14 * k, question), _show(380, 700 - 14 * k, "yes"),
                _show(410, 700 - 14 * k, "no")]
    path = text_page_pdf(tmp_path / "questionnaire.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    # Each question read with its answers, across the line, not the answers down a column.
    assert "Did you watch any TV? yes no" in " ".join(block_text(b) for b in doc.blocks)


def test_answers_under_heads_that_vary_by_row_are_still_a_table(tmp_path: Path) -> None:
    # The same layout with a head row and answers that differ: a table of data.
    rows = [("Question", "Monday", "Tuesday"), ("Did you sleep well?", "Yes", "No"),
            ("Did you eat late?", "No", "No"), ("Did you drink coffee?", "Yes", "Yes")]
    ops = [_show(x, 700 - 14 * k, cell) for k, row in enumerate(rows)
           for x, cell in zip((72, 380, 430), row, strict=True)]
    path = text_page_pdf(tmp_path / "answers.pdf", ops)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table)[1] == ["Did you sleep well?", "Yes", "No"]


def test_an_account_with_leader_dots_to_each_sum_is_no_table(tmp_path: Path) -> None:
    # "Food eight months . . . . 8.74": a label led by dots to its one figure, line after
    # line in a book's text, is read as lines, as a contents list is.
    entries = [("House", "$ 28.12+"), ("Farm one year", "14.72+"),
               ("Food eight months", "8.74"), ("Clothing, etc., eight months", "8.40-3/4")]
    ops = []
    for k, (label, value) in enumerate(entries):
        ops += [_show(90, 700 - 14 * k, label + " " + ". " * (26 - len(label) // 2)),
                _show(330, 700 - 14 * k, value)]
        if k % 2:  # (the last dots set apart, a piece of their own)
            ops.append(_show(300, 700 - 14 * k, ". . ."))
    path = text_page_pdf(tmp_path / "account.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_a_list_marked_with_one_sign_of_its_own_is_no_table(tmp_path: Path) -> None:
    # A class's attributes each marked "+" (its visibility), the sign set apart from the
    # text: a column of bullets beside the items, a list, however the sign is drawn.
    attributes = ["Identifier: DT_UUID", "ValidityDate: DT_Date", "Accuracy: Int",
                  "CompletelyCover: Boolean"]
    ops = [_show(72, 730, "The class Object Metadata has these attributes, each one public."),
           _show(72, 640, "Every attribute is described in the data dictionary that follows.")]
    for k, attribute in enumerate(attributes):
        ops += [_show(100, 700 - 12 * k, "+"), _show(130, 700 - 12 * k, attribute)]
    path = text_page_pdf(tmp_path / "attributes.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert "Accuracy: Int" in " ".join(block_text(b) for b in doc.blocks)


def test_a_unit_repeated_after_each_figure_of_a_row_is_still_a_table(tmp_path: Path) -> None:
    # "mm" after each of two figures on every row: one word twice, no choice to circle.
    rows = [("Width of the frame", "5", "mm", "7", "mm"),
            ("Height of the frame", "12", "mm", "14", "mm"),
            ("Depth of the frame", "3", "mm", "4", "mm")]
    ops = [_show(x, 700 - 14 * k, cell) for k, row in enumerate(rows)
           for x, cell in zip((72, 300, 330, 400, 430), row, strict=True)]
    path = text_page_pdf(tmp_path / "units.pdf", ops)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table)[1] == ["Height of the frame", "12", "mm", "14", "mm"]


def test_sums_led_to_by_dots_under_a_head_naming_their_column_are_a_table(
    tmp_path: Path,
) -> None:
    # The same lines under a head naming the figures' column ("2019"): a statement's table.
    entries = [("Revenue from sales", "1,234.50"), ("Cost of goods", "567.20"),
               ("Wages and salaries", "321.00"), ("Rent of the premises", "88.75")]
    ops = [_show(90, 714, "Account"), _show(330, 714, "2019")]
    for k, (label, value) in enumerate(entries):
        ops += [_show(90, 700 - 14 * k, label + " " + ". " * (30 - len(label) // 2)),
                _show(330, 700 - 14 * k, value)]
    path = text_page_pdf(tmp_path / "statement.pdf", ops)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table)[0] == ["Account", "2019"]
    assert _cells(table)[1][1] == "1,234.50"


def test_objectives_numbered_with_a_colon_beside_their_text_are_no_table(
    tmp_path: Path,
) -> None:
    # A strategy's objectives, each number closed by a colon ("2.1:") set apart from its
    # text: a numbered list, as "1." or "a)" beside an item's text are.
    objectives = ["Integrate federal disruption activities", "Counter cybercrime and ransomware",
                  "Increase the speed of intelligence sharing", "Prevent abuse of infrastructure"]
    ops = [_show(72, 730, "Pillar two: disrupt and dismantle threat actors", size=12)]
    for k, objective in enumerate(objectives):
        ops += [_show(90, 710 - 12 * k, f"2.{k + 1}:"), _show(112, 710 - 12 * k, objective)]
    path = text_page_pdf(tmp_path / "objectives.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert "2.3: Increase the speed" in " ".join(block_text(b) for b in doc.blocks)


#: Helvetica's widths (thousandths of the size) of the characters the next test sets.
_HELVETICA = dict(zip(
    "abcdefghijklmnopqrstuvwxyzCEIST.,-:12345 ",
    [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333,
     500, 278, 556, 500, 722, 500, 500, 500, 722, 667, 278, 667, 611, 278, 278, 333, 278,
     556, 556, 556, 556, 556, 278],
    strict=True,
))


def _tables_of_page_lines(path: Path) -> list[Block]:
    """The tables :func:`find_tables` finds among all the lines of the first page together
    (no columns told apart first)."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        content = read_page(pdf, 0)
    finally:
        pdf.close()
    blocks, _ = find_tables(lines(fragments(content.glyphs)), 0)
    return [b for b in blocks if b.kind == "table"]


def _set(x0: float, y: float, text: str, x1: float | None = None) -> bytes:
    """``text`` at ``x0``; given ``x1``, stretched to end there (a justified line)."""
    natural = sum(_HELVETICA[c] for c in text) * 9 / 1000
    scale = 100 if x1 is None else 100 * (x1 - x0) / natural
    return f"BT /F1 9 Tf {scale:.2f} Tz {x0} {y} Td ({text}) Tj ET".encode()


def test_two_columns_of_text_sharing_baselines_are_no_table(tmp_path: Path) -> None:
    # Two columns of a page's text whose lines share baselines, each line of a column in
    # pieces now and then (a bullet set apart from its item, a heading's number from its
    # title): taken line by line, the columns fill their width in runs of words, as text
    # does, however their pieces measure one by one. (Asked of the table finder itself:
    # where the page's columns are not told apart first, it is what keeps them text.)
    left = [("h", "1.3.1", "Engine type"),
            ("t", "In general the type of an engine is defined by the"),
            ("s", "following characteristics."),
            ("b", "the cylinder diameter and the piston stroke of the"),
            ("t", "engine, the method of injection of the fuel into the"),
            ("s", "cylinders and the kind of fuel."),
            ("h", "1.3.2", "Engine power"),
            ("t", "The maximum continuous power is the maximum"),
            ("t", "power at ambient reference conditions which the"),
            ("t", "engine is capable of delivering continuously at"),
            ("s", "nominal maximum speed.")]
    right = [("t", "The power of engines is to be referred to the"), ("s", "following conditions."),
             ("b", "barometric pressure of one bar and a relative"),
             ("t", "humidity of sixty percent, with an ambient air"),
             ("s", "temperature of forty five degrees."),
             ("t", "In the case of ships assigned with a navigation"),
             ("t", "notation other than unrestricted navigation, other"),
             ("s", "temperatures may be accepted."), ("h", "1.3.4", "Same type of engines"),
             ("t", "Two diesel engines are considered to be of the"),
             ("t", "same type when they do not differ in design and")]

    def line(x0: float, x1: float, y: float, kind: str, *text: str) -> list[bytes]:
        if kind == "h":
            return [_set(x0, y, text[0]), _set(x0 + 30, y, text[1])]
        if kind == "b":
            return [_set(x0 + 4, y, "-"), _set(x0 + 14, y, text[0], x1)]
        return [_set(x0, y, text[0], x1 if kind == "t" else None)]

    ops = []
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        ops += line(40, 270, 730 - 11 * k, *a) + line(290, 520, 730 - 11 * k, *b)
    path = text_page_pdf(tmp_path / "columns.pdf", ops)
    assert _tables_of_page_lines(path) == []
    # (The whole page, its columns told apart first, reads them as text all the same.)
    doc = read_layout(path, max_pages=1)
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_a_framed_table_beside_a_panel_of_charts_keeps_to_its_panel(tmp_path: Path) -> None:
    # A frame round the page, parted by a rule down its whole height: a table ruled between
    # its groups of rows, its columns set apart by space, and a chart beside it whose axis
    # labels ("2.60") sit on the table's lines. The chart's panel is no column of the table,
    # its labels no cells; the table's columns are its gaps; "unq" (not quoted) under a
    # figure is a value, and an address in lower case ("www.usda.gov") starts afresh: no
    # text going on from the row above.
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 10 Tf {x} {y} Td ({text}) Tj ET".encode()

    frame = [b"40 100 532 0.5 re f", b"40 740 532 0.5 re f", b"40 100 0.5 640.5 re f",
             b"572 100 0.5 640.5 re f", b"380 100 0.5 640.5 re f"]
    groups = [("Ethanol", [("Iowa", "1.35", "1.38", "Iowa Report"),
                           ("Ohio", "unq", "1.40", "Ohio Report")]),
              ("Biodiesel", [("Iowa", "2.85", "2.99", "Soy Report"),
                             ("Ohio", "unq", "3.47", "Oil Report")]),
              ("Grease", [("Chicago", "30.50", "28.00", "Hides Report"),
                          ("Denver", "23.50", "20.00", "Feed Report")]),
              ("Futures", [("Ethanol", "1.50", "1.54", "CME Group"),
                           ("Crude", "54.45", "53.36", "CME Group")]),
              ("Contact", [("Room 767", "", "", "desk@usda.gov"),
                           ("Des Moines", "", "", "www.usda.gov")])]
    ops = [*frame, show(170, 720, "This week"), show(230, 720, "Last week"),
           show(300, 720, "Link"), b"40 712 340 0.5 re f"]
    y = 700
    for head, rows in groups:
        ops.append(show(50, y, head))
        for row in rows:
            y -= 14
            ops += [show(x, y, text) for x, text in zip((50, 170, 230, 300), row, strict=True)]
        y -= 8
        ops.append(f"40 {y} 340 0.5 re f".encode())
        y -= 12
    ops += [show(440, 725, "Ethanol price"), b"420 590 140 0.5 re f", b"420 590 0.5 120 re f"]
    ops += [show(388, 700 - 14 * k, f"2.{6 - k}0") for k in range(6)]
    path = text_page_pdf(tmp_path / "panels.pdf", ops)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    expected = [["", "This week", "Last week", "Link"]]
    for head, rows in groups:
        expected += [[head, "", "", ""], *map(list, rows)]
    assert _cells(table) == expected
    assert "2.60" in " ".join(block_text(b) for b in doc.blocks if not isinstance(b, Table))


def test_boxes_side_by_side_are_read_a_box_at_a_time(tmp_path: Path) -> None:
    # Four boxes drawn edge to edge, an address in each under its head: no table (its lines
    # side by side lined up as columns), each box's text on its own, even where a line set
    # up to a box's edge runs on into the next box's line with hardly a gap.
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 9 Tf {x} {y} Td ({text}) Tj ET".encode()

    boxes = [("ARMY", "Army Review Board", "251 South Street", "Arlington VA"),
             ("NAVY", "Navy Review Board", "720 Kennon Avenue", "Washington DC"),
             ("AIR FORCE", "Air Force Board", "3351 Celmers Lane", "Andrews MD"),
             ("COAST GUARD", "Coast Guard Board", "2703 King Avenue", "Washington DC")]
    ops = [b"0.8 w"]
    for k, box in enumerate(boxes):
        x = 40 + 130 * k
        ops.append(f"{x} 500 130 90 re S".encode())
        ops += [show(x + 4, 575 - 16 * n, text) for n, text in enumerate(box)]
    # The navy's third line runs up to its box's edge, the next box's line just past it.
    ops.append(show(258, 543, "Suite 309"))
    path = text_page_pdf(tmp_path / "boxes.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert [type(b) for b in doc.blocks] == [Paragraph] * 4  # (no table, no figure)
    texts = [block_text(b) for b in doc.blocks]
    for box in boxes:
        (holding,) = [t for t in texts if t.startswith(f"{box[0]} {box[1]}")]
        assert holding.endswith(box[3])
    (navy,) = [t for t in texts if "Navy Review Board" in t]
    assert "Suite 309" in navy and "Celmers" not in navy


def test_a_ruled_band_of_numbered_rows_under_a_head_stays_rows(tmp_path: Path) -> None:
    # A grid ruling its rows one by one, and down its columns; one band holds a group: a head
    # line ("Systems") over numbered rows, not ruled apart. Most of its lines carry a label
    # in the first column: rows of their own, not one row's cells wrapped.
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 10 Tf {x} {y} Td ({text}) Tj ET".encode()

    ops = [f"72 {y} 300 0.5 re f".encode() for y in (700, 680, 660, 640, 570)]
    ops += [f"{x} 570 0.5 130.5 re f".encode() for x in (72, 172, 272, 372)]
    rows = [("Item", "Part", "Count"), ("11", "Frame", "2"), ("12", "Shaft", "1")]
    ops += [show(78 + 100 * c, 686 - 20 * k, text)
            for k, row in enumerate(rows) for c, text in enumerate(row)]
    group = [("13", "Fuel", "3"), ("14", "Oil", "4"), ("15", "Water", "5")]
    ops.append(show(178, 626, "Systems"))
    ops += [show(78 + 100 * c, 612 - 14 * k, text)
            for k, row in enumerate(group) for c, text in enumerate(row)]
    path = text_page_pdf(tmp_path / "group.pdf", ops)
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table) == [*map(list, rows), ["", "Systems", ""], *map(list, group)]


def test_a_charts_grid_lines_are_no_table(tmp_path: Path) -> None:
    # A chart drawn with grid lines: its scale down the first column (80, 70, .. 10), two
    # curves' labels in the plot, every other cell empty. A plot area, not a table: its
    # curves' labels are read as text, its scale's values (which say nothing without the
    # picture) set apart as artifacts, still in the model.
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 9 Tf {x} {y} Td ({text}) Tj ET".encode()

    ops = [f"100 {400 + 30 * k} 240 0.5 re f".encode() for k in range(9)]
    ops += [f"{100 + 30 * k} 400 0.5 240.5 re f".encode() for k in range(9)]
    ops += [show(104, 627 - 30 * k, str(80 - 10 * k)) for k in range(8)]
    ops += [show(224, 567, "Torque"), show(284, 477, "Power")]
    path = text_page_pdf(tmp_path / "chart.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    text = " ".join(block_text(b) for b in doc.blocks)
    assert all(word in text.split() for word in ("Torque", "Power"))
    set_apart = " ".join(a.text for a in doc.artifacts)
    assert all(value in set_apart.split() for value in ("80", "10"))


def test_a_cell_spanning_rows_is_read_in_the_first_of_them(html_pdf: HtmlPdf) -> None:
    # A group's label set by the middle of the rows it spans (rowspan, vertically centred)
    # has no rule across it between those rows: it belongs to the first, where a reader
    # meets it before the rows it labels, not to the row its lines happen to fall in.
    path = html_pdf(
        f"<p>{LOREM}</p><table><tr><td>Axis</td><td>Action</td><td>Year</td></tr>"
        "<tr><td rowspan='4'>Funding<br>Ways to find<br>the money</td>"
        "<td>Set a budget</td><td>2022</td></tr>"
        "<tr><td>Use transfer duties</td><td>2023</td></tr>"
        "<tr><td>Find partners</td><td>2024</td></tr>"
        "<tr><td>Seek grants</td><td>2025</td></tr>"
        "<tr><td>Staff</td><td>Hire an expert</td><td>2026</td></tr>"
        f"</table><p>{LOREM}</p>",
        css=GRID + " td { vertical-align: middle; width: 4cm }",
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = _cells(table)
    assert cells[1] == ["Funding Ways to find the money", "Set a budget", "2022"]
    assert [row[1:] for row in cells[2:5]] == [
        ["Use transfer duties", "2023"], ["Find partners", "2024"], ["Seek grants", "2025"],
    ]
    assert all(not row[0] for row in cells[2:5])
    assert cells[5] == ["Staff", "Hire an expert", "2026"]


def _cell_texts(path: Path) -> list[str]:
    doc = read_layout(path, max_pages=5)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    return [cell for row in _cells(tables[0]) for cell in row if cell]


def test_labels_in_the_next_page_column_end_a_table_beside_them(tmp_path: Path) -> None:
    # A small table in the left column of a cheat sheet; in the right column, level with its
    # last rows, the labels under a row of pictures. They are no further column of the table:
    # set apart from its rows by far more than its columns are from each other.
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 9 Tf {x} {y} Td ({text}) Tj ET".encode()

    rows = [("Name", "Type", "Default"), ("Width", "Integer", "300"),
            ("Height", "Integer", "150"), ("Canvas", "Object", "None")]
    ops = [b"BT /F1 14 Tf 60 700 Td (Attributes of the canvas) Tj ET"]
    for k, (a, b, c) in enumerate(rows):
        ops += [show(60, 660 - 14 * k, a), show(120, 660 - 14 * k, b), show(190, 660 - 14 * k, c)]
    ops += [show(330, 660 - 14 * 4, "source-atop"), show(420, 660 - 14 * 4, "destination-in")]
    cells = _cell_texts(text_page_pdf(tmp_path / "beside.pdf", ops))
    assert "Canvas" in cells and "Height" in cells
    assert "source-atop" not in cells and "destination-in" not in cells


def test_a_column_filled_only_in_later_rows_stays_in_the_table(tmp_path: Path) -> None:
    # The same table with a column of notes, empty in the first rows: a later row filling it
    # stands at the table's usual column spacing, so it is still a row of the table.
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 9 Tf {x} {y} Td ({text}) Tj ET".encode()

    rows = [("Name", "Type", "Default", ""), ("Width", "Integer", "300", ""),
            ("Height", "Integer", "150", ""), ("Canvas", "Object", "None", "read only")]
    ops = [b"BT /F1 14 Tf 60 700 Td (Attributes of the canvas) Tj ET"]
    for k, (a, b, c, d) in enumerate(rows):
        ops += [show(60, 660 - 14 * k, a), show(120, 660 - 14 * k, b), show(190, 660 - 14 * k, c)]
        if d:
            ops.append(show(280, 660 - 14 * k, d))
    cells = _cell_texts(text_page_pdf(tmp_path / "notes.pdf", ops))
    assert "read only" in cells


def test_a_head_over_a_ruled_row_left_blank_is_a_table(tmp_path: Path) -> None:
    # A printed table to fill in, no form fields on the page: a row of heads, one in each
    # column, over a ruled row with nothing in it yet. The heads name its columns: a table.
    xs, ys = [72.0, 222.0, 472.0], [700.0, 680.0, 660.0]
    heads = ["Key word", "Description"]
    ops = _grid(xs, ys) + [_show(x + 6, 686, text) for x, text in zip(xs, heads, strict=False)]
    doc = read_layout(text_page_pdf(tmp_path / "blank.pdf", ops), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table)[0] == heads


def test_a_frame_round_one_row_of_text_is_still_no_table(tmp_path: Path) -> None:
    # The same heads in a frame with no row under them, no rule down between them: a frame
    # round text, no table. (Ruled down between them too, each in a box of its own, they
    # are one row of cells, a table of one row: see test_web_ruled_grids.)
    xs, ys = [72.0, 472.0], [700.0, 680.0]
    ops = _grid(xs, ys) + [_show(x + 6, 686, text)
                           for x, text in zip((72.0, 222.0), ["Key word", "Description"],
                                              strict=False)]
    doc = read_layout(text_page_pdf(tmp_path / "frame.pdf", ops), max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_a_glossary_of_keys_beside_their_meanings_is_no_table(tmp_path: Path) -> None:
    # Abbreviations set at a tab stop, each beside the words it stands for: a glossary read
    # line by line ("NRCan Natural Resources Canada"), not a table of data.
    entries = [("LRM", "Linear Reference Method"), ("NID", "National Identifier"),
               ("NRCan", "Natural Resources Canada"), ("n/a", "Not allowed at all")]
    ops = [_show(x, 700 - 22 * k, text)
           for k, pair in enumerate(entries) for x, text in zip((72, 150), pair, strict=False)]
    doc = read_layout(text_page_pdf(tmp_path / "glossary.pdf", ops), max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    text = " ".join(block_text(b) for b in doc.blocks)
    assert "NRCan Natural Resources Canada" in text


def test_keys_beside_values_are_still_a_table(tmp_path: Path) -> None:
    # The same layout with a value beside each name: data, a table.
    entries = [("Apples", "3.50"), ("Pears", "2.10"), ("Plums", "4.25"), ("Figs", "6.00")]
    ops = [_show(x, 700 - 22 * k, text)
           for k, pair in enumerate(entries) for x, text in zip((72, 150), pair, strict=False)]
    doc = read_layout(text_page_pdf(tmp_path / "prices.pdf", ops), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert _cells(table)[0] == ["Apples", "3.50"]


def test_a_cells_label_and_larger_value_on_one_line_read_label_first() -> None:
    # A form's row: a label in a small face and the value typed after it in a larger one, on
    # one baseline, and a line wrapped under the row. The row reads its lines as they stand,
    # each left to right: not its pieces by their tops (the larger value first).
    from workers.engine.layout.lines import Fragment
    from workers.engine.layout.tables import _merge_wrapped_cells

    label = Fragment([], "Case number:", 72, 700, 130, 708)
    value = Fragment([], "150109-DSP", 134, 700, 200, 712)
    other = Fragment([], "Agency:", 300, 700, 340, 708)
    wrapped = Fragment([], "(at time of incident)", 72, 688, 160, 696)
    (row,) = _merge_wrapped_cells([[label, value, other], [wrapped]], [[72, 200], [300, 340]])
    assert [f.text for f in row] == ["Case number:", "150109-DSP", "Agency:",
                                     "(at time of incident)"]


def test_a_column_of_text_with_a_label_beside_its_first_line_is_no_table(
    tmp_path: Path,
) -> None:
    # A sentence leading into a bulleted list, and the next column's item label ("b)")
    # hanging level with its first line: one column of text holds every row; the label
    # stands beside it once. No rows and columns of data.
    ops = [_show(45, 700, "The purpose of type testing the valves is:"), _show(291, 700, "b\\)")]
    items = ["to verify the effectiveness of the arrester",
             "to verify that the valve closes after a test",
             "to verify that the valve is tight after a test",
             "to establish the level of protection given"]
    for k, item in enumerate(items):
        ops += [_show(45, 687 - 13 * k, "\\225"), _show(60, 687 - 13 * k, item)]
    ops += [_show(45, 622, "Where"), _show(80, 622, "relief valves are provided with shields,"),
            _show(31, 609, "k\\)"), _show(45, 609, "Crankcase relief valves are to be provided")]
    path = text_page_pdf(tmp_path / "column.pdf", ops)
    # (Asked of the lines together, as a column region holding the label would give them.)
    assert _tables_of_page_lines(path) == []


def _short_grid(tmp_path: Path, rows: list[tuple[str, str, str]]) -> Table:
    """A grid ruled round every row and down every column, its head's cells each wrapped
    over two lines ("Summary by" over "Month"), the rows under it one line each."""
    def show(x: float, y: float, text: str) -> bytes:
        return f"BT /F1 9 Tf {x} {y} Td ({text}) Tj ET".encode()

    bottom = 640 - 14 * len(rows)
    ops = [f"72 {y} 300 0.8 re f".encode() for y in (680, 654, *range(640, bottom - 1, -14))]
    ops += [f"{x} {bottom} 0.8 {680 - bottom} re f".encode() for x in (72, 172, 272, 372)]
    head = [("Summary by", "Month"), ("Employees", "Affected"), ("Temporary", "Layoff")]
    for c, (first, second) in enumerate(head):
        ops += [show(78 + 100 * c, 670, first), show(78 + 100 * c, 659, second)]
    for k, row in enumerate(rows):
        ops += [show(78 + 100 * c, 644 - 14 * k, text) for c, text in enumerate(row)]
    path = text_page_pdf(tmp_path / "grid.pdf", [*ops, show(72, 760, LOREM[:90])])
    (table,) = [b for b in read_layout(path, max_pages=5).blocks if isinstance(b, Table)]
    return table


def test_a_short_grids_wrapped_head_is_one_row(tmp_path: Path) -> None:
    # The last page of a long table: its head and two rows, each ruled round. The head's
    # cells all wrap, each column's first line included, as a group of labelled rows would;
    # but the rules part every row below it, each of one line: the head is one row too.
    rows = [("July 2015", "8,574", "2"), ("August 2015", "5,890", "0")]
    table = _short_grid(tmp_path, rows)
    assert _cells(table) == [
        ["Summary by Month", "Employees Affected", "Temporary Layoff"], *map(list, rows)
    ]


def test_a_longer_grids_wrapped_head_is_one_row(tmp_path: Path) -> None:
    rows = [(f"Month {k}", f"{1000 + k}", f"{k}") for k in range(1, 6)]
    table = _short_grid(tmp_path, rows)
    assert _cells(table)[0] == ["Summary by Month", "Employees Affected", "Temporary Layoff"]
    assert len(table.rows) == 6


def test_a_numbered_list_over_a_line_with_two_spaces_after_a_full_stop_is_no_table(
    tmp_path: Path,
) -> None:
    # An agenda's numbered items, then the second item's text, its first line parted at the
    # two spaces typed after a full stop (two thirds of an em): the last word would stand alone in a
    # third "column", and the numbers beside the items make the lines look like rows.
    ops = [_show(76, 720, "1.", 11), _show(104, 720, "CALL TO ORDER/FLAG SALUTE", 11),
           _show(76, 706, "2.", 11), _show(104, 706, "PUBLIC COMMENT - ITEMS ON THE AGENDA", 11),
           _show(104, 692, "The public may address the Board on any item on the agenda.", 11),
           _show(415, 692, "The", 11),
           _show(104, 680, "Board president will only call on those who have filled out", 11),
           _show(104, 668, "comment cards before the meeting, and each speaker will be", 11),
           _show(104, 656, "allotted three minutes.", 11)]
    path = text_page_pdf(tmp_path / "agenda.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    text = " ".join(block_text(b) for b in doc.blocks)
    assert "on the agenda. The Board president" in text


def _records(rows: list[tuple[str, str, list[str]]], pitches: list[float]) -> list[bytes]:
    """Records at four tab stops, each a number, a name, a description that may run on over
    lines of its own under the first, and an amount; ``pitches``: each line's step down from
    the last."""
    ops, y, steps = [], 760.0, iter(pitches)
    for k, (number, name, lines_of) in enumerate(rows):
        ops += [_show(72, y, number), _show(140, y, name), _show(260, y, lines_of[0]),
                _show(500, y, f"{120 + 37 * k}.{k}0")]
        for more in lines_of[1:]:
            y -= next(steps)
            ops.append(_show(300, y, more))
        y -= next(steps)
    return ops


def test_a_description_run_over_lines_at_the_rows_pitch_stays_with_its_record(
    tmp_path: Path,
) -> None:
    # Records set line after line at one pitch (a ledger): the next record's first line is
    # no farther from a description's last line than its own first line is, a half point
    # nearer even. The description goes on under its first line, as it is read.
    rows = [("0001", "TRAVEL CARD", ["STAFF TRANSPORTATION"]),
            ("0002", "SENATOR CARD", ["OFFICE SUPPLIES"]),
            ("0004", "TRAVEL CARD", ["STAFF TRANSPORTATION", "AIRFARE FOR K FORD TO SAINT LOUIS",
                                     "WASHINGTON DC"]),
            ("0005", "SENATOR CARD", ["SENATORS TRANSPORTATION"]),
            ("0006", "TRAVEL CARD", ["POSTAGE"])]
    ops = _records(rows, [10, 10, 10, 10, 9.5, 10, 10])
    doc = read_layout(text_page_pdf(tmp_path / "ledger.pdf", ops), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row[2] for row in _cells(table)] == [
        "STAFF TRANSPORTATION", "OFFICE SUPPLIES",
        "STAFF TRANSPORTATION AIRFARE FOR K FORD TO SAINT LOUIS WASHINGTON DC",
        "SENATORS TRANSPORTATION", "POSTAGE"]



def test_a_label_running_on_into_its_rows_cell_stays_with_that_row(tmp_path: Path) -> None:
    # A row's label set down to its figures: its first line over the row, a little nearer
    # it than the row above, the line it goes on on ("children") beside the figures.
    ops = []
    for k, (label, figure) in enumerate([("Burglary", "12.4"), ("children", "92.4"),
                                         ("Vandalism", "7.1")]):
        ops += [_show(72, 700 - 20 * k, label), _show(300, 700 - 20 * k, figure),
                _show(400, 700 - 20 * k, "1.0")]
    ops.append(_show(72, 689.5, "Offenses against the family and"))
    doc = read_layout(text_page_pdf(tmp_path / "labels.pdf", ops), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row[0] for row in _cells(table)] == [
        "Burglary", "Offenses against the family and children", "Vandalism"]


def test_a_label_midway_going_on_into_the_row_below_joins_that_row(tmp_path: Path) -> None:
    # Rows at one pitch, their labels run out in leader dots, a label's first line on a
    # line of its own midway between two rows (no nearer either), its text going on in the
    # row under it ("manslaughter", lower case, beside the figures): read with that row,
    # not with the one over it, whose label is done.
    ops = []
    for k, (label, figure) in enumerate([("Violent crime", "467.9"), ("Rape", "17.5"),
                                         ("manslaughter", "10.0"), ("Robbery", "102.1")]):
        label += " . . . . . . . ."
        y = 700 - 10 * k - (10 if k >= 2 else 0)
        ops += [_show(72, y, label), _show(300, y, figure), _show(400, y, "1.0")]
    ops.append(_show(72, 680, "Murder and nonnegligent"))
    doc = read_layout(text_page_pdf(tmp_path / "midway.pdf", ops), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [row[0].rstrip(" .") for row in _cells(table)] == [
        "Violent crime", "Rape", "Murder and nonnegligent manslaughter", "Robbery"]


def test_a_diagram_panels_title_is_read_apart_from_the_small_line_level_with_it(
    tmp_path: Path,
) -> None:
    # A UML package's panel, a shape holding its class boxes, with its own text loose on
    # it: small facts flush left ("Name: Ledger"), and the package's title set large in
    # bold far to the right, level with the first of them. One line by their heights, but
    # no line a writer set: the title is read apart, not as more of the name's value.
    frame = [b"60 420 480 0.7 re f", b"60 800 480 0.7 re f", b"60 420 0.7 380.7 re f",
             b"540 420 0.7 380.7 re f", b"60 785 100 0.7 re f", b"160 785 0.7 15 re f",
             b"BT /F1 8 Tf 64 789 Td (cd Ledger) Tj ET"]
    panel = [b"0.8 0.9 1 rg 70 430 460 345 re f 0 g",
             b"BT /F1 5 Tf 80 762 Td (Name:) Tj ET", b"BT /F1 5 Tf 105 762 Td (Ledger) Tj ET",
             b"BT /F1 5 Tf 80 756 Td (Author:) Tj ET", b"BT /F1 5 Tf 105 756 Td (Team) Tj ET",
             b"BT /F2 12 Tf 330 760 Td (Ledger Package) Tj ET"]
    connector = [b"250 680 40 0.7 re f", b"290 560 0.7 120.7 re f", b"290 560 120 0.7 re f",
                 b"410 560 0.7 60 re f", b"406 612 m 414 612 l 410 620 l f",
                 b"BT /F1 7 Tf 330 566 Td (owns) Tj ET"]
    path = fonts_page_pdf(tmp_path / "panel.pdf", [
        b"BT /F1 11 Tf 72 815 Td (" + LOREM[:80].encode() + b") Tj ET",
        *frame, *panel, *connector,
        *_class_box(90, "Account", ["+ id: UUID", "+ owner: Name", "+ opened: Date"],
                    "+ close(): Boolean"),
        *_class_box(330, "Customer", ["+ name: Text", "+ email: Text", "+ joined: Date"],
                    "+ merge(): Boolean"),
        b"BT /F1 11 Tf 72 400 Td (" + LOREM[80:160].encode() + b") Tj ET",
    ], {"F1": "/Helvetica", "F2": "/Helvetica-Bold"})
    doc = read_layout(path, max_pages=5)
    texts = [block_text(b) for b in doc.walk() if not isinstance(b, Table)]
    assert "Ledger Package" in texts
    assert not any("Ledger Ledger" in t for t in texts)


def test_a_title_box_of_cells_in_the_top_band_is_read_a_box_at_a_time(tmp_path: Path) -> None:
    # A form's title box at the very top of the page: one row of three boxed cells (the
    # form's number, its title on three lines, where to send it), in the margin band where
    # a ruled row is read as no table. Read across, the boxes' lines would seem a table's
    # rows, the title cut and read in turn with the lines beside it: each box is read whole.
    xs, ys = [20.0, 110.0, 490.0, 578.0], [826.0, 748.0]
    ops = [*_grid(xs, ys),
           _show(40, 800, "cerfa", 14), _show(34, 770, "No 14411", 11),
           _show(150, 808, "APPLICATION TO JOIN AN INSURED PERSON", 14),
           _show(150, 792, "FOR DEPENDANTS OTHER THAN CHILDREN", 14),
           _show(160, 765, "HEALTH AND MATERNITY INSURANCE", 11),
           _show(505, 802, "PART 1", 13), _show(505, 786, "to be sent", 10),
           _show(505, 772, "to the insurer", 10),
           _show(72, 700, LOREM[:90]), _show(72, 686, LOREM[90:180])]
    path = text_page_pdf(tmp_path / "title-box.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.walk())
    texts = [block_text(b) for b in doc.walk()]
    assert ("APPLICATION TO JOIN AN INSURED PERSON FOR DEPENDANTS OTHER THAN CHILDREN "
            "HEALTH AND MATERNITY INSURANCE") in texts
    assert "PART 1 to be sent to the insurer" in texts


def test_a_boxed_cell_in_the_top_band_is_read_a_paragraph_at_a_time(tmp_path: Path) -> None:
    # A table's row run on to the top of the next page, in the margin band (read a box at
    # a time, as no table): its right box holds a note in three paragraphs set apart by
    # space added between lines, a sentence, a command, the sentence on it. Read as one
    # block, the three would run together: each is a block, in turn.
    xs, ys = [30.0, 100.0, 570.0], [826.0, 740.0]
    ops = [*_grid(xs, ys), _show(36, 812, "msvc"),
           _show(106, 812, "Available on Windows hosts only. Helper tool to invoke the compiler"),
           _show(106, 801, "with a set of environment variables, as in:"),
           _show(106, 783, "ninja -t msvc -e ENVFILE -- cl.exe"),
           _show(106, 765, "Where ENVFILE is a binary file that holds an environment block"),
           _show(106, 754, "suitable for starting a process on Windows."),
           _show(72, 700, LOREM[:90]), _show(72, 686, LOREM[90:180])]
    path = text_page_pdf(tmp_path / "boxed-paragraphs.pdf", ops)
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.walk())
    texts = [block_text(b) for b in doc.walk()]
    first = ("Available on Windows hosts only. Helper tool to invoke the compiler with a set of "
             "environment variables, as in:")
    command = "ninja -t msvc -e ENVFILE -- cl.exe"
    last = ("Where ENVFILE is a binary file that holds an environment block suitable for "
            "starting a process on Windows.")
    assert [t for t in texts if t in (first, command, last)] == [first, command, last]


def test_a_diagram_panels_facts_are_read_whole_with_a_box_under_them(tmp_path: Path) -> None:
    # A UML package's panel: its facts stacked small flush left ("Name:", "Author:", ...),
    # its title set large level with the first, and a class box just under the facts,
    # reaching in under the long name and up level with the last fact. No gap runs down
    # beside the facts; the facts are still read one after the other (a list of terms) and
    # the title after them, not between "Created:" and "Updated:".
    frame = [b"60 420 480 0.7 re f", b"60 800 480 0.7 re f", b"60 420 0.7 380.7 re f",
             b"540 420 0.7 380.7 re f", b"60 785 100 0.7 re f", b"160 785 0.7 15 re f",
             b"BT /F1 8 Tf 64 789 Td (cd Ledger) Tj ET"]
    facts = [("Name:", "LedgerAccountEntityModelRecord"), ("Author:", "Ledger Team"),
             ("Version:", "1.0"), ("Created:", "2004-04-06 10:38:27"),
             ("Updated:", "2004-06-02 17:01:53")]
    panel = [b"0.8 0.9 1 rg 70 430 460 345 re f 0 g",
             b"BT /F2 12 Tf 220 760 Td (Ledger Package) Tj ET"]
    for k, (label, value) in enumerate(facts):
        panel.append(f"BT /F1 5 Tf 80 {762 - 7.5 * k} Td ({label}) Tj ET".encode())
        panel.append(f"BT /F1 5 Tf 105 {762 - 7.5 * k} Td ({value}) Tj ET".encode())
    connector = [b"280 680 50 0.7 re f", b"330 560 0.7 120.7 re f", b"330 560 100 0.7 re f",
                 b"430 560 0.7 60 re f", b"426 612 m 434 612 l 430 620 l f",
                 b"BT /F1 7 Tf 350 566 Td (owns) Tj ET"]
    path = fonts_page_pdf(tmp_path / "panel.pdf", [
        b"BT /F1 11 Tf 72 815 Td (" + LOREM[:80].encode() + b") Tj ET",
        *frame, *panel, *connector,
        b"q 1 0 0 1 0 6 cm",  # (its name level with the last fact)
        *_class_box(165, "Account", ["+ id: UUID", "+ owner: Name", "+ opened: Date"],
                    "+ close(): Boolean"),
        b"Q",
        *_class_box(360, "Customer", ["+ name: Text", "+ email: Text", "+ joined: Date"],
                    "+ merge(): Boolean"),
        b"BT /F1 11 Tf 72 400 Td (" + LOREM[80:160].encode() + b") Tj ET",
    ], {"F1": "/Helvetica", "F2": "/Helvetica-Bold"})
    doc = read_layout(path, max_pages=5)
    texts = [block_text(b) for b in doc.walk() if not isinstance(b, Table)]
    values = [texts.index(next(t for t in texts if value in t)) for _, value in facts]
    title = texts.index("Ledger Package")
    assert values == sorted(values)
    assert not values[0] < title < values[-1]
    lists = [b for b in doc.walk() if isinstance(b, ListBlock)]
    assert [len(b.items) for b in lists] == [len(facts)]
