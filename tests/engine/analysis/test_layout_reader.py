"""The layout reader on small untagged PDFs made by the tests: one test per classifier."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import (
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Table,
    block_text,
)
from workers.engine.layout.lines import Fragment
from workers.engine.layout.order import column_regions
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .conftest import LOREM, HtmlPdf, heading_texts, paragraph_texts, png_data_uri


def read(path: Path) -> list[str]:
    doc = read_layout(path, max_pages=50)
    return [f"{b.type}:{block_text(b)}" for b in doc.blocks]


def read_words(path: Path) -> list[str]:
    """The words of the model's blocks, in reading order."""
    return " ".join(block_text(b) for b in read_layout(path, max_pages=5).blocks).split()


def test_headings_get_levels_from_their_faces(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<h1>Annual report</h1><p>{LOREM}</p><h2>Our work</h2><p>{LOREM}</p>"
        f"<h2>Our money</h2><p>{LOREM * 2}</p><h3>Spending detail</h3><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    found = [(b.text, b.level) for b in doc.blocks if isinstance(b, Heading)]
    assert found == [
        ("Annual report", 1), ("Our work", 2), ("Our money", 2), ("Spending detail", 3)
    ]
    assert all(isinstance(b, Heading | Paragraph) for b in doc.blocks)
    assert doc.title == "Test"


def test_a_date_set_large_on_a_title_page_is_not_a_heading(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        "<h1>Annual report</h1><p style='font-size: 16pt; font-weight: bold'>23 February 2024"
        f"</p><p>{LOREM}</p><h2>Our work</h2><p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Annual report", "Our work"]
    assert any(isinstance(b, Paragraph) and b.text == "23 February 2024" for b in doc.blocks)


def test_bulleted_numbered_and_nested_lists(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        "<p>Before the list.</p>"
        "<ul><li>First point</li><li>Second point<ul><li>Inner one</li><li>Inner two</li></ul>"
        "</li><li>Third point</li></ul>"
        "<p>Between lists.</p><ol><li>Step one</li><li>Step two</li></ol>"
    )
    doc = read_layout(path, max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 2
    bullets, numbers = lists
    assert not bullets.ordered and numbers.ordered
    assert [i.text for i in bullets.items] == ["First point", "Second point", "Third point"]
    nested = [b for b in bullets.items[1].blocks if isinstance(b, ListBlock)]
    assert [i.text for i in nested[0].items] == ["Inner one", "Inner two"]
    assert [(i.label, i.text) for i in numbers.items] == [("1.", "Step one"), ("2.", "Step two")]


def test_ruled_table_rows_and_header(html_pdf: HtmlPdf) -> None:
    rows = "".join(
        f"<tr><td>{day}</td><td>{a}</td><td>{b}</td></tr>"
        for day, a, b in [("Monday", 23, 15), ("Tuesday", 28, 13), ("Wednesday", 18, 20)]
    )
    path = html_pdf(
        "<p>Temperatures this week.</p><table><tr><th>Day</th><th>Sydney</th>"
        f"<th>Melbourne</th></tr>{rows}</table><p>After the table.</p>",
        css="table { border-collapse: collapse } td, th { border: 1px solid black;"
        " padding: 2pt 12pt }",
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [
        ["Day", "Sydney", "Melbourne"],
        ["Monday", "23", "15"],
        ["Tuesday", "28", "13"],
        ["Wednesday", "18", "20"],
    ]
    assert all(c.header and c.scope == "column" for c in table.rows[0].cells)
    assert not any(c.header for c in table.rows[1].cells)
    assert read(path)[-1] == "paragraph:After the table."


def test_two_columns_are_read_one_after_the_other(html_pdf: HtmlPdf) -> None:
    left = " ".join(f"left{i}" for i in range(120))
    right = " ".join(f"right{i}" for i in range(120))
    path = html_pdf(
        f"<h1>Two columns</h1><div style='columns: 2; column-gap: 1.5cm'><p>{left}</p>"
        f"<p style='break-before: column'>{right}</p></div>"
    )
    words = read_words(path)
    assert words[:2] == ["Two", "columns"]
    assert words[2:] == left.split() + right.split()


def _leaflet(html_pdf: HtmlPdf, outside: list[str], inside: list[str]) -> Path:
    """Two landscape sides of three equal panels each (a letter-folded leaflet)."""
    def side(panels: list[str]) -> str:
        cells = "".join(f"<div style='flex: 1'>{p}</div>" for p in panels)
        return f"<div style='display: flex; gap: 1.5cm; break-after: page'>{cells}</div>"

    css = "@page { size: A4 landscape; margin: 1cm }"
    return html_pdf(side(outside) + side(inside), css=css)


def _panel(name: str) -> str:
    return "<p>" + " ".join(f"{name}{i}" for i in range(60)) + "</p>"


def test_a_folded_leaflet_is_read_cover_first_and_back_last(html_pdf: HtmlPdf) -> None:
    cover = "<h1 style='font-size: 30pt'>Cover</h1>" + _panel("cover")
    path = _leaflet(
        html_pdf, [_panel("flap"), _panel("back"), cover],
        [_panel("one"), _panel("two"), _panel("three")],
    )
    assert _panels_in_order(path) == ["Cover", "cover", "one", "two", "three", "flap", "back"]


def _panels_in_order(path: Path) -> list[str]:
    """The panels' names (their words less the numbers), in the order they are read."""
    words = read_words(path)
    return list(dict.fromkeys(w.rstrip("0123456789") for w in words))


def test_three_panels_without_a_cover_on_the_right_are_read_page_by_page(
    html_pdf: HtmlPdf,
) -> None:
    # The largest text (the title) on the left: a landscape document in three columns, not
    # the outside of a leaflet.
    title = "<h1 style='font-size: 30pt'>Title</h1>" + _panel("first")
    path = _leaflet(
        html_pdf, [title, _panel("second"), _panel("third")],
        [_panel("one"), _panel("two"), _panel("three")],
    )
    assert _panels_in_order(path) == [
        "Title", "first", "second", "third", "one", "two", "three"
    ]


def test_columns_with_a_contents_list_and_a_page_number_in_the_gutter(
    html_pdf: HtmlPdf,
) -> None:
    # A contents list (numbers, titles and page numbers: many short pieces) in the left
    # column, and the page number centred under the gutter, must not hide the columns.
    css = "@page { @bottom-center { content: counter(page) } }"
    contents = "".join(
        f"<p style='display: flex; justify-content: space-between; margin: 0'>"
        f"<span>{n} Part{n}</span><span>{n}</span></p>"
        for n in range(1, 9)
    )
    formulas = "".join(
        f"<p style='display: flex; justify-content: space-around; margin: 0'>"
        f"<span>x{n}</span><span>=</span><span>y{n}</span><span>({n})</span></p>"
        for n in range(1, 9)
    )
    left = " ".join(f"left{i}" for i in range(90))
    right = " ".join(f"right{i}" for i in range(90))
    path = html_pdf(
        f"<h1>Two columns</h1><div style='columns: 2; column-gap: 0.4cm'><p>{left}</p>"
        f"{contents}<p style='break-before: column'>{right}</p>{formulas}</div>",
        css=css,
    )
    words = read_words(path)
    assert [w for w in words if w.startswith(("left", "right"))] == left.split() + right.split()
    assert words.index("Part8") < words.index("right0")


def test_running_headers_footers_and_page_numbers_are_artifacts(html_pdf: HtmlPdf) -> None:
    css = (
        "@page { @top-center { content: 'Council newsletter' }"
        " @bottom-right { content: 'Page ' counter(page) } }"
    )
    words = ["Apples", "Pears", "Plums", "Figs"]
    body = "".join(f"<p style='break-after: page'>{w} are fruit. {LOREM}</p>" for w in words)
    doc = read_layout(html_pdf(body, css=css), max_pages=10)
    kinds = sorted({(a.kind, a.text) for a in doc.artifacts})
    assert ("header", "Council newsletter") in kinds
    assert {k for k, _ in kinds} == {"header", "page-number"}
    assert len(doc.artifacts) == 8
    text = " ".join(block_text(b) for b in doc.blocks)
    assert "Council newsletter" not in text and "Page 2" not in text


def test_a_short_sections_running_title_is_a_header_where_the_others_are(
    html_pdf: HtmlPdf,
) -> None:
    # The running header names the section: a long one's name repeats on five pages, two
    # short ones' only on two each, printed in the same row: all are page furniture.
    css = (
        "h2 { string-set: section content() } "
        "@page { @top-right { content: string(section); font-size: 9pt } }"
    )
    pages = {"Background": 5, "Method": 2, "Results": 2}
    fruit = iter(["Apples", "Pears", "Plums", "Figs", "Dates", "Limes", "Kiwis", "Grapes",
                  "Melons"])
    body = "".join(
        f"<h2>{name}</h2>" + "".join(
            f"<p style='break-after: page'>{next(fruit)} grow here. {LOREM}</p>"
            for _ in range(count)
        )
        for name, count in pages.items()
    )
    doc = read_layout(html_pdf(body, css=css), max_pages=12)
    headers = sorted(a.text for a in doc.artifacts if a.kind == "header")
    assert headers == ["Background"] * 5 + ["Method"] * 2 + ["Results"] * 2
    assert heading_texts(doc) == list(pages)


def test_figure_with_caption(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<p>{LOREM}</p><figure><img src='{png_data_uri()}' style='width: 8cm'>"
        "<figcaption>Figure 1: Visits by month</figcaption></figure><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    (figure,) = [b for b in doc.blocks if isinstance(b, Figure)]
    assert figure.caption == "Figure 1: Visits by month"
    assert figure.alt is None  # never invented
    assert figure.prov[0].bbox.width > 200


def test_links_come_from_annotations(html_pdf: HtmlPdf) -> None:
    path = html_pdf("<p>Read <a href='https://example.org/guide'>the guide</a> first.</p>")
    (para,) = read_layout(path, max_pages=5).blocks
    assert isinstance(para, Paragraph)
    assert [(link.text, link.target) for link in para.links] == [
        ("the guide", "https://example.org/guide")
    ]


def test_provenance_points_at_the_text_showing_operators(html_pdf: HtmlPdf) -> None:
    path = html_pdf(f"<h1>Provenance</h1><p>{LOREM}</p>")
    doc = read_layout(path, max_pages=5)
    with pikepdf.open(path) as pdf:
        ops = pikepdf.parse_content_stream(pdf.pages[0])
        for block in doc.blocks:
            (prov,) = block.prov
            assert prov.page == 0 and prov.operators
            for start, end in prov.operators:
                assert str(ops[end - 1].operator) in ("Tj", "TJ", "'", '"')
                assert str(ops[start].operator) in ("Tj", "TJ", "'", '"')


def test_list_items_hold_labels_and_bodies(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        "<ol style='list-style-type: lower-alpha'><li>Alpha item</li><li>Beta item</li>"
        "<li>Gamma</li></ol>"
    )
    (lst,) = read_layout(path, max_pages=5).blocks
    assert isinstance(lst, ListBlock)
    assert [(i.label, i.text) for i in lst.items] == [
        ("a.", "Alpha item"), ("b.", "Beta item"), ("c.", "Gamma")
    ]
    assert all(isinstance(i, ListItem) for i in lst.items)


def test_vector_chart_is_a_figure(html_pdf: HtmlPdf) -> None:
    bars = "".join(
        f"<rect x='{20 + 50 * i}' y='{150 - h}' width='30' height='{h}' fill='#36c'/>"
        f"<text x='{22 + 50 * i}' y='170' font-size='10'>Q{i + 1}</text>"
        for i, h in enumerate([40, 90, 120, 70, 100])
    )
    path = html_pdf(
        f"<p>{LOREM}</p><svg width='300' height='180'><line x1='10' y1='150' x2='290' y2='150'"
        f" stroke='black'/>{bars}</svg><p>Figure 2: Sales by quarter</p><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    (figure,) = [b for b in doc.blocks if isinstance(b, Figure)]
    assert figure.caption == "Figure 2: Sales by quarter"
    assert figure.prov[0].bbox.width > 150
    # Every shape of the drawing is referenced, so a tagger can mark the whole chart.
    assert sum(end - start for start, end in figure.prov[0].operators) >= 6


def test_a_line_opening_with_a_dash_in_prose_is_not_a_list(html_pdf: HtmlPdf) -> None:
    path = html_pdf(f"<p>{LOREM}</p><p>— said the keeper, closing the gate.</p><p>{LOREM}</p>")
    doc = read_layout(path, max_pages=5)
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert "— said the keeper, closing the gate." in [block_text(b) for b in doc.blocks]


def test_a_hyphen_at_a_line_end_is_read_from_the_document_evidence(html_pdf: HtmlPdf) -> None:
    # pdfium marks every line-end hyphen alike, so the words written elsewhere decide:
    # "document" written whole joins "docu-" + "ment"; "well-known" written with its hyphen
    # keeps it. The document hyphenates words, so a break with no evidence is joined too.
    path = html_pdf(
        "<p>This document is well-known. A section needs a reader.</p>"
        "<p>The docu-<br>ment is well-<br>known, the sec-<br>tion short and the gov-<br>ernment"
        " hyphenates.</p>"
    )
    texts = [block_text(b) for b in read_layout(path, max_pages=5).blocks]
    assert texts[1] == (
        "The document is well-known, the section short and the government hyphenates."
    )


def test_a_hyphen_at_a_line_end_is_kept_without_evidence_of_hyphenation(
    html_pdf: HtmlPdf,
) -> None:
    # A word processor or a browser breaks lines only at hyphens that are there.
    path = html_pdf("<p>The state-<br>owned bank is self-<br>funded.</p>")
    texts = [block_text(b) for b in read_layout(path, max_pages=5).blocks]
    assert texts == ["The state-owned bank is self-funded."]


def test_a_numbered_heading_right_after_an_unruled_table_is_not_a_row(html_pdf: HtmlPdf) -> None:
    # The number set apart from the title ("2.2   Lists") makes the heading line two pieces,
    # like a table row; its larger face tells it from the rows above it.
    rows = "".join(
        f"<tr><td>Item {k}</td><td>{k * 3} units</td><td>{k * 7} pounds</td></tr>"
        for k in range(1, 6)
    )
    path = html_pdf(
        f"<p>{LOREM}</p><table style='border-spacing: 2em 0'>{rows}</table>"
        "<h2 style='margin-top: 0.3em'>2.2<span style='margin-left: 1.2em'>Lists</span></h2>"
        f"<p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    assert len(tables) == 1 and "Lists" not in block_text(tables[0])
    assert heading_texts(doc) == ["2.2 Lists"]


def test_author_names_under_the_title_are_not_headings(html_pdf: HtmlPdf) -> None:
    # Each author with an affiliation under the name, as on a paper's first page.
    byline = "font-size: 14pt; margin: 0.8em 0 0.2em"
    path = html_pdf(
        f"<h1>Hidden features of the format</h1><p style='{byline}'>Ada Lovelace</p>"
        f"<p>University of London</p><p style='{byline}'>Charles Babbage</p>"
        "<p>University of Cambridge</p>"
        f"<h2>Abstract</h2><p>{LOREM * 2}</p><h2>Summary</h2><p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert [(b.text, b.level) for b in doc.blocks if isinstance(b, Heading)] == [
        ("Hidden features of the format", 1), ("Abstract", 2), ("Summary", 2)
    ]
    assert any(isinstance(b, Paragraph) and "Ada Lovelace" in b.text for b in doc.blocks)


def test_slides_have_one_heading_each_and_large_points_are_not_headings(
    html_pdf: HtmlPdf,
) -> None:
    # Points set large on a slide look like headings by their size alone.
    slides = "".join(
        f"<section style='page-break-after: always'><h1>Slide {name}</h1>"
        f"<p style='font-size: 20pt'>Shortest distance between {name} and code</p>"
        "<p>Easy to learn and to program, with parallelism built in</p>"
        f"<p style='font-size: 20pt'>Fast execution of {name}</p>"
        "<p>Needed for comparisons with commercial solvers</p></section>"
        for name in ("one", "two", "three")
    )
    path = html_pdf(slides, css="@page { size: A4 landscape }")
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == [
        "Slide one", "Slide two", "Slide three"
    ]


def test_a_sentence_set_large_is_not_a_heading(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<h1>Annual report</h1><p>{LOREM}</p>"
        "<p style='font-size: 18pt'>This page has been left blank on purpose for you.</p>"
        f"<h2>Our work</h2><p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Annual report", "Our work"]


def test_a_numbered_reference_list_is_a_list(html_pdf: HtmlPdf) -> None:
    refs = "".join(
        f"<p style='margin: 0 0 0.2em'>[{k}] {name}. A long title of a paper that wraps over"
        " two lines of the column, in a journal, 2007.</p>"
        for k, name in ((1, "Taco Hoekwater"), (2, "Don Knuth"))
    )
    path = html_pdf(
        f"<h2>References</h2>{refs}<h2>Notes</h2><p>[3] showed the same as this note.</p>"
    )
    doc = read_layout(path, max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1 and [i.label for i in lists[0].items] == ["[1]", "[2]"]
    assert lists[0].ordered
    assert any(isinstance(b, Paragraph) and b.text.startswith("[3] showed") for b in doc.blocks)


def test_slide_titles_are_one_level_whatever_their_size(html_pdf: HtmlPdf) -> None:
    # A title slide in a larger face than the other slides' titles: still one level.
    slides = "<section style='page-break-after: always'><h1 style='font-size: 36pt'>Go for"\
        " research</h1><p>Jane Doe, 2024</p></section>" + "".join(
            f"<section style='page-break-after: always'><h1>Slide {name}</h1>"
            f"<p>{LOREM}</p></section>"
            for name in ("one", "two", "three")
        )
    path = html_pdf(slides, css="@page { size: A4 landscape }")
    doc = read_layout(path, max_pages=5)
    assert [(b.text, b.level) for b in doc.blocks if isinstance(b, Heading)] == [
        ("Go for research", 1), ("Slide one", 1), ("Slide two", 1), ("Slide three", 1)
    ]


def test_bold_labels_beside_form_fields_are_not_headings(html_pdf: HtmlPdf) -> None:
    bold = "style='font-weight: bold; margin: 0.6em 0'"
    path = html_pdf(
        f"<h1>Application</h1><p>{LOREM}</p>"
        f"<h2>Your details</h2><p {bold}>Surname <input type='text' name='surname'></p>"
        f"<p {bold}>Agree <input type='checkbox' name='agree'></p><p>{LOREM}</p>",
        pdf_forms=True,
    )
    with pikepdf.open(path) as pdf:  # the fields are there to be seen beside their labels
        assert sum(a.get("/Subtype") == "/Widget" for a in pdf.pages[0].Annots) == 2
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == [
        "Application", "Your details"
    ]
    assert any(isinstance(b, Paragraph) and b.text == "Surname" for b in doc.blocks)


def test_bold_is_no_heading_where_the_body_is_bold(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<h1>Weekly round-up</h1><p>{LOREM}</p><p>Market news</p><p>{LOREM * 2}</p>",
        css="body { font-weight: bold }",
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Weekly round-up"]
    assert any(isinstance(b, Paragraph) and b.text == "Market news" for b in doc.blocks)


def test_text_repeated_at_one_place_beside_the_body_on_most_pages_is_furniture(
    html_pdf: HtmlPdf,
) -> None:
    # A side panel WeasyPrint repeats on every page ("position: fixed"), half-way down the
    # page: outside the header and footer bands, yet furniture all the same.
    side = (
        "<div style='position: fixed; left: 0; top: 12cm; width: 2.5cm; font-size: 9pt'>"
        "www.example.org Jane Doe</div>"
    )
    names = ("Scope", "Method", "Results", "Costs")
    pages = "".join(
        f"<section style='page-break-after: always'><p>{LOREM}</p><h2>{name}</h2>"
        f"<p>{LOREM * 2}</p></section>"
        for name in names
    )
    path = html_pdf(side + pages, css="section { margin-left: 3.5cm }")
    doc = read_layout(path, max_pages=10)
    assert not any("example.org" in block_text(b) for b in doc.blocks)
    assert [a.text for a in doc.artifacts if "example.org" in a.text] == [
        "www.example.org Jane Doe"
    ] * 4
    assert heading_texts(doc) == list(names)


def test_a_right_to_left_table_starts_at_its_right_edge(html_pdf: HtmlPdf) -> None:
    # Hebrew: the label column is drawn rightmost and is read first.
    rows = [("יום", "עיר", "מזג"), ("שני", "חיפה", "חם"), ("שלישי", "אילת", "לוהט"),
            ("רביעי", "צפת", "קריר")]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    path = html_pdf(
        f"<p dir='rtl'>טבלה של מזג האוויר השבוע.</p><table dir='rtl'>{body}</table>",
        css="table { border-collapse: collapse } td { border: 1px solid black;"
        " padding: 2pt 12pt }",
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[c.text for c in row.cells] for row in table.rows] == [list(r) for r in rows]


def test_a_right_to_left_table_mostly_of_figures_starts_at_its_right_edge(
    html_pdf: HtmlPdf
) -> None:
    # Election results in Hebrew: a name column and three columns of figures. Figures are
    # written left to right in any script; the words say the table reads from the right.
    rows = [("רשימה", "צפון", "דרום", "סך"), ("אלף", "426", "63", "489"),
            ("בית", "3001", "419", "3420"), ("גימל", "387", "50", "437")]
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    path = html_pdf(
        f"<p dir='rtl'>תוצאות הבחירות במחוז.</p><table dir='rtl'>{body}</table>",
        css="table { border-collapse: collapse } td { border: 1px solid black;"
        " padding: 2pt 12pt }",
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[c.text for c in row.cells] for row in table.rows] == [list(r) for r in rows]


def test_contents_entries_without_leader_dots_are_not_headings(html_pdf: HtmlPdf) -> None:
    entry = "display: flex; justify-content: space-between; width: 8cm; font-weight: bold;" \
        " margin: 1.2em 0"
    names = ("1 Scope", "2 Method", "3 Results")
    contents = "".join(
        f"<p style='{entry}'><span>{name}</span><span>{k}</span></p>"
        for k, name in enumerate(names, start=2)
    )
    sections = "".join(f"<h2>{name}</h2><p>{LOREM * 2}</p>" for name in names)
    path = html_pdf(f"<h2>Contents</h2>{contents}{sections}")
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Contents", *names]


def test_a_line_starting_left_of_a_list_marker_ends_the_item(html_pdf: HtmlPdf) -> None:
    # Slides set each point's sub-points just below it, as tight as the lines of one item.
    tight = "margin: 0; line-height: 1.2"
    path = html_pdf(
        f"<p style='{tight}; font-size: 12.5pt'>Hardware has evolved:</p>"
        f"<ul style='{tight}'><li>Multiple processors are everywhere</li>"
        "<li>Even phones have four cores</li></ul>"
        f"<p style='{tight}; font-size: 12.5pt'>Conclusion:</p>"
        f"<ul style='{tight}'><li>New algorithms must be parallel</li></ul>"
    )
    doc = read_layout(path, max_pages=5)
    items = [i.blocks[0].text for b in doc.blocks if isinstance(b, ListBlock) for i in b.items
             if isinstance(i.blocks[0], Paragraph)]
    assert items == [
        "Multiple processors are everywhere", "Even phones have four cores",
        "New algorithms must be parallel",
    ]
    assert any(isinstance(b, Paragraph) and b.text == "Conclusion:" for b in doc.blocks)


def test_titles_of_people_are_not_a_lettered_list_and_kinds_of_label_part_lists(
    html_pdf: HtmlPdf,
) -> None:
    tight = "style='margin: 0 0 0.3em'"
    path = html_pdf(
        "<p>Members:</p>"
        f"<p {tight}>M. Jean Dupont, councillor</p><p {tight}>M. Paul Martin, councillor</p>"
        f"<p {tight}>1. Opening of the meeting</p><p {tight}>2. Adoption of the agenda</p>"
        f"<p {tight}>a. Minutes of the last meeting</p><p {tight}>b. Questions</p>"
    )
    doc = read_layout(path, max_pages=5)
    lists = [[i.label for i in b.items] for b in doc.blocks if isinstance(b, ListBlock)]
    assert lists == [["1.", "2."], ["a.", "b."]]
    assert paragraph_texts(doc) == [
        "Members:", "M. Jean Dupont, councillor", "M. Paul Martin, councillor"
    ]


def test_a_chart_title_drawn_on_the_chart_is_not_a_heading(html_pdf: HtmlPdf) -> None:
    bars = "".join(
        f"<rect x='{20 + 50 * i}' y='{150 - h}' width='30' height='{h}' fill='#36c'/>"
        f"<text x='{22 + 50 * i}' y='170' font-size='10'>Q{i + 1}</text>"
        for i, h in enumerate([40, 90, 100, 70, 100])
    )
    path = html_pdf(
        f"<h2>Sales</h2><p>{LOREM}</p><svg width='300' height='180'>"
        "<rect x='0' y='0' width='300' height='180' fill='none' stroke='black'/>"
        "<text x='20' y='25' font-size='24' font-weight='bold'>Sales by quarter</text>"
        f"<line x1='10' y1='150' x2='290' y2='150' stroke='black'/>{bars}</svg>"
        f"<h2>Costs</h2><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert len([b for b in doc.blocks if isinstance(b, Figure)]) == 1
    assert heading_texts(doc) == ["Sales", "Costs"]


def test_a_heading_on_a_coloured_banner_stays_a_heading(html_pdf: HtmlPdf) -> None:
    # The banner is a drawing of several shapes (a figure), the heading its only text.
    stripes = "".join(
        f"<rect x='0' y='{12 * i}' width='400' height='12' fill='#{'9c' if i % 2 else 'ce'}f'/>"
        for i, _ in enumerate(range(5))
    )
    path = html_pdf(
        f"<p>{LOREM}</p><svg width='400' height='60'>{stripes}"
        "<text x='20' y='38' font-size='24' font-weight='bold'>Our results</text></svg>"
        f"<p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Our results"]


def test_a_slide_title_over_a_diagram_stays_the_slide_heading(html_pdf: HtmlPdf) -> None:
    # The diagram's drawing reaches round the slide's title, among the diagram's labels.
    boxes = "".join(
        f"<rect x='{30 + 150 * i}' y='120' width='120' height='60' fill='#9cf'/>"
        f"<text x='{40 + 150 * i}' y='155' font-size='14'>Stage {name}</text>"
        for i, name in enumerate(("one", "two", "three", "four"))
    )
    slides = "".join(
        "<section style='page-break-after: always'><svg width='640' height='260'>"
        "<rect x='0' y='0' width='640' height='260' fill='none' stroke='black'/>"
        f"<text x='20' y='50' font-size='40'>{title}</text>{boxes}</svg>"
        f"<p>{LOREM}</p></section>"
        for title in ("Packages", "Functions", "Results")
    )
    path = html_pdf(slides, css="@page { size: A4 landscape }")
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == [
        "Packages", "Functions", "Results"
    ]


def test_code_set_apart_from_its_comments_in_a_fixed_pitch_face_is_no_table(
    html_pdf: HtmlPdf,
) -> None:
    # A listing whose comments line up past a wide gap has columns like a table's; its
    # fixed-pitch face (every glyph equally wide) tells code or typescript from data. It is
    # read line by line, each line whole: one listing (a preformatted paragraph).
    listing = [
        ("total := first + second", "add the values"),
        ("for index := range items {", "walk the items"),
        ("count = count + weight", "weigh each item"),
        ("names = append(names, name)", "keep the name"),
    ]
    rows = "".join(f"<tr><td>{code}</td><td>// {note}</td></tr>" for code, note in listing)
    path = html_pdf(
        f"<p>{LOREM}</p><table style='border-spacing: 3em 0; font-family: \"DejaVu Sans Mono\"'>"
        f"{rows}</table><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    (code_block,) = [b for b in doc.blocks if isinstance(b, Paragraph) and b.preformatted]
    lines = [" ".join(line.split()) for line in code_block.text.split("\n")]
    assert lines == [f"{code} // {note}" for code, note in listing]


def test_figures_in_a_fixed_pitch_face_are_still_a_table(html_pdf: HtmlPdf) -> None:
    # A typewritten or mainframe report of figures is a table of data, whatever its face.
    rows = "".join(
        f"<tr><td>R{k}</td><td>{k * 1234}</td><td>{k * 4321}</td><td>{k * 97}.5</td></tr>"
        for k in range(1, 6)
    )
    path = html_pdf(
        f"<p>{LOREM}</p><table style='border-spacing: 3em 0; font-family: \"DejaVu Sans Mono\"'>"
        f"{rows}</table><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [c.text for c in table.rows[0].cells] == ["R1", "1234", "4321", "97.5"]


def test_narrow_columns_of_running_text_side_by_side_are_no_table(html_pdf: HtmlPdf) -> None:
    # A side column beside a narrow column of body text: their lines share baselines and
    # hold a few words each, like rows of cells, but each line goes on with the sentence of
    # the line above (it starts in lower case), which a table's cells do not.
    side = (
        "Recently developmentalists have begun to consider the benefits of active play, "
        "speculating that it serves as a mechanism for building strength and endurance."
    )
    body = (
        "Children who play outside every day sleep better, learn faster and report fewer "
        "worries about school than children who spend their afternoons indoors with screens."
    )
    path = html_pdf(
        f"<p>{LOREM}</p><table style='border-spacing: 3em 0'><tr>"
        f"<td style='width: 3.2cm; vertical-align: top'>{side}</td>"
        f"<td style='width: 3.2cm; vertical-align: top'>{body}</td></tr></table><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)


def test_a_column_repeating_a_lower_case_value_is_still_a_table(html_pdf: HtmlPdf) -> None:
    # "yes" down a column starts in lower case like text running on, but a value repeated
    # from row to row is a table's. (With a second column as constant, "yes" and "no" on
    # every row, the rows are a questionnaire's answers to circle: see test_layout_tables.)
    questions = ["Did you eat late?", "Did you drink coffee?", "Did you nap today?",
                 "Did you walk outside?"]
    how_often = ["Often", "Never", "Daily", "Seldom"]
    rows = "".join(
        f"<tr><td>{q}</td><td>yes</td><td>{often}</td></tr>"
        for q, often in zip(questions, how_often, strict=True)
    )
    path = html_pdf(
        f"<p>{LOREM}</p><table style='border-spacing: 3em 0'>{rows}</table><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [c.text for c in table.rows[0].cells] == ["Did you eat late?", "yes", "Often"]


def test_numbered_lines_of_a_transcript_are_no_table(html_pdf: HtmlPdf) -> None:
    # A court transcript numbers its lines in the margin: a number, a gap, the line's words,
    # like a two-column table; the numbers counting up by one only count lines, so they are
    # artifacts (as page numbers are).
    spoken = [
        "We will hear argument first this morning",
        "in case number seven, the warden against",
        "the respondent. Counsel, whenever you are ready.",
        "Thank you, and may it please the court.",
        "The question in this case is whether the",
        "court of appeals applied the right standard.",
    ]
    rows = "".join(f"<tr><td>{k}</td><td>{line}</td></tr>" for k, line in enumerate(spoken, 1))
    path = html_pdf(
        f"<p>{LOREM}</p><table style='border-spacing: 3em 0'>{rows}</table><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    texts = [block_text(b) for b in doc.blocks]
    assert "We will hear argument first this morning" in texts
    assert [a.text for a in doc.artifacts] == [str(k) for k in range(1, len(spoken) + 1)]


def test_a_table_with_numbered_rows_is_still_a_table(html_pdf: HtmlPdf) -> None:
    # Rows numbered 1, 2, 3 with figures beside the name are data, not numbered lines.
    rows = "".join(
        f"<tr><td>{k}</td><td>Station {chr(64 + k)}</td><td>{k * 31}</td></tr>"
        for k in range(1, 7)
    )
    path = html_pdf(
        f"<p>{LOREM}</p><table style='border-spacing: 3em 0'>{rows}</table><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [c.text for c in table.rows[0].cells] == ["1", "Station A", "31"]


def test_labels_scattered_about_a_chart_are_no_table(html_pdf: HtmlPdf) -> None:
    # A chart's labels (a share and its category beside each slice or bar) share lines two by
    # two and line up into many columns, each column holding a label on a row or so: most
    # of such a grid is empty, as a table's is not.
    labels = [
        (0, 0, "12%"), (0, 330, "WALKING"), (1, 60, "30%"), (1, 390, "CYCLING"),
        (2, 120, "8%"), (2, 270, "BUS"), (3, 180, "41%"), (3, 0, "CAR"),
        (4, 240, "9%"), (4, 60, "OTHER"),
    ]
    spans = "".join(
        f"<span style='position: absolute; top: {row * 18}pt; left: {left}pt'>{text}</span>"
        for row, left, text in labels
    )
    path = html_pdf(
        f"<p>{LOREM}</p><div style='position: relative; height: 100pt'>{spans}</div>"
        f"<p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)
    assert "WALKING" in " ".join(block_text(b) for b in doc.blocks)


def test_contents_with_section_numbers_set_apart_are_no_table(html_pdf: HtmlPdf) -> None:
    # "2.1   Mathematics . . .   1": number, title and page in three pieces, pages never
    # going back, some numbers of sub-sections: contents, not a table.
    entries = [("1", "Introduction", 1), ("2", "Document structures", 1),
               ("2.1", "Mathematics", 1), ("2.2", "Lists", 2), ("2.3", "Figures", 2),
               ("3", "Citations", 3)]
    rows = "".join(
        f"<tr><td>{n}</td><td>{title}</td><td>{page}</td></tr>" for n, title, page in entries
    )
    path = html_pdf(
        f"<p>{LOREM}</p><table style='border-spacing: 3em 0'>{rows}</table><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, Table) for b in doc.blocks)


def _numbered_lines(lines: list[tuple[str, str]]) -> str:
    return "".join(
        f"<div style='display: flex; margin: 0'><span style='width: 1.5em; text-align: right'>"
        f"{n}</span><span style='margin-left: 3em'>{text}</span></div>"
        for n, text in lines
    )


_SAID = [
    "The court met at ten in the morning", "and the clerk called the first case",
    "counsel for the state stood to speak", "and asked for more time to prepare",
    "the judge said that the case would wait", "until the afternoon session began",
    "when both parties had their papers ready",
]


def test_numbered_rows_under_a_heading_keep_their_numbers(html_pdf: HtmlPdf) -> None:
    # A "No." column heads the numbers: they number items and are part of the content.
    rows = [("No.", "Item")] + [(str(n), t) for n, t in enumerate(_SAID, 1)]
    doc = read_layout(html_pdf(_numbered_lines(rows)), max_pages=5)
    body = " ".join(block_text(b) for b in doc.blocks).split()
    assert [w for w in body if w.isdigit()] == [str(n) for n in range(1, len(_SAID) + 1)]
    assert not doc.artifacts


def test_a_line_of_dashes_is_no_list_item(html_pdf: HtmlPdf) -> None:
    # A typewritten rule ("- - - - x", a transcript's caption box) starts with a dash and a
    # space, as a dashed list item does; taken for one, it swallowed the indented text below.
    path = html_pdf(
        f"<p>{LOREM}</p><p>- - - - - - - - - - - - x</p>"
        f"<p style='margin-left: 3em'>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    assert "- - - - - - - - - - - - x" in [block_text(b) for b in doc.blocks]


def test_a_heading_beside_its_text_is_read_before_it(tmp_path: Path) -> None:
    # A box titled "Guidance" in bold, a note in the text face on the same line further
    # right, the text below running back to the left edge: nothing separates the title from
    # the text (they overlap both ways), and the note, set a point higher than the title's
    # baseline, tops it by a hair. Level tops are one row, read across. (The text's first
    # line runs on under the title, beside which the note stands: it starts a paragraph of
    # its own, not the note's second line.)
    pdf = pikepdf.new()

    def font(name: str) -> pikepdf.Object:
        return pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(name),
            Encoding=pikepdf.Name.WinAnsiEncoding,
        ))

    body = [
        "Revenue will grow next year and the margin will improve as the",
        "order book fills up with new work from public and private clients,",
        "and the company expects to pay a higher dividend than last year.",
    ]
    ops = ["BT /F2 10 Tf 60 700 Td (Guidance) Tj ET",
           "BT /F1 9 Tf 200 701.5 Td ((New guidance)) Tj ET"]
    ops += [f"BT /F1 9 Tf 60 {689 - 11 * k} Td ({line}) Tj ET" for k, line in enumerate(body)]
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(
            F1=font("/Helvetica"), F2=font("/Helvetica-Bold"))),
        Contents=pdf.make_stream("\n".join(ops).encode()),
    )))
    path = tmp_path / "box.pdf"
    pdf.save(path)
    texts = [block_text(b) for b in read_layout(path, max_pages=5).blocks]
    assert texts[0] == "Guidance"
    assert texts[1] == "(New guidance)"
    assert texts[2].startswith("Revenue will grow")


def test_a_heading_left_out_of_the_bookmarks_takes_the_level_of_its_face(
    html_pdf: HtmlPdf,
) -> None:
    # "Keywords" is set like "Abstract" but has no bookmark: it is a heading of the same
    # level, not one below it (the title, larger but not bookmarked, takes the first level
    # by face).
    path = html_pdf(
        f"<h1 style='bookmark-level: none'>Paper title</h1><h2>Abstract</h2><p>{LOREM}</p>"
        f"<h2 style='bookmark-level: none'>Keywords</h2><p>{LOREM}</p>"
        f"<h2>Introduction</h2><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    levels = {b.text: b.level for b in doc.blocks if isinstance(b, Heading)}
    assert levels["Keywords"] == levels["Abstract"] == levels["Introduction"]


def test_authors_side_by_side_are_read_name_then_affiliation(html_pdf: HtmlPdf) -> None:
    # Names in bold over their affiliations, two authors a row: the blocks line up in rows
    # (as a form's labels and values do), but each name belongs with the lines below it.
    people = [("Ada Lovelace", "Analytical Society"), ("Alan Turing", "Computing Laboratory"),
              ("Grace Hopper", "Naval Reserve Office"), ("Edsger Dijkstra", "Mathematical Centre")]
    cards = "".join(
        f"<div><b style='font-size: 13pt'>{name}</b><br>{place}, member of the research "
        f"department and of the board of the society, {name.split()[1].lower()}@example.org"
        f"</div>" for name, place in people
    )
    path = html_pdf(
        f"<h1>A paper</h1><div style='display: grid; grid-template-columns: 1fr 1fr; "
        f"gap: 1.5em 3em; margin-bottom: 2em'>{cards}</div><p>{LOREM * 2}</p>"
    )
    texts = [block_text(b) for b in read_layout(path, max_pages=5).blocks]
    for name, place in people:
        assert texts[texts.index(name) + 1].startswith(place)


def test_a_permission_box_at_the_foot_of_a_column_is_read_after_the_page(
    tmp_path: Path,
) -> None:
    # A paper's first page: the copyright and permission notice sits under a short rule at
    # the foot of the left column, in a small face; the text runs on in the right column.
    words = "public bodies publish documents for many readers"
    notice = "permission to make copies of this work for classroom use is granted"
    ops = [f"BT /F1 10 Tf 60 {700 - 13 * k} Td (left{k} {words}) Tj ET" for k in range(30)]
    ops += [f"BT /F1 10 Tf 320 {700 - 13 * k} Td (right{k} {words}) Tj ET" for k in range(48)]
    ops.append("60 150 100 0.5 re f")
    ops += [f"BT /F1 6 Tf 60 {140 - 8 * k} Td (note{k} {notice}) Tj ET" for k in range(4)]
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        Contents=pdf.make_stream("\n".join(ops).encode()),
    )))
    path = tmp_path / "paper.pdf"
    pdf.save(path)
    found = [w for b in read_layout(path, max_pages=5).blocks for w in block_text(b).split()]
    firsts = [w for w in found if w.startswith(("left", "right", "note"))]
    assert firsts == (
        [f"left{k}" for k in range(30)] + [f"right{k}" for k in range(48)]
        + [f"note{k}" for k in range(4)]
    )


def test_glossary_columns_whose_entries_share_rows_are_read_column_by_column(
    html_pdf: HtmlPdf,
) -> None:
    # Terms over definitions in two columns on one grid of lines, the definitions of the
    # second column one or three lines long: most entries of both columns start on the same
    # rows, and gaps between entries line up, as in a form; but the columns are set text,
    # found as columns before the blocks are ordered.
    def entry(i: int, lines: int, first_in_column: bool = False) -> str:
        style = " style='break-before: column'" if first_in_column else ""
        body = "<br>".join(f"definition{i} line {k} of the glossary" for k in range(lines))
        return f"<p{style}><b>term{i}</b><br>{body}</p>"

    left = "".join(entry(i, 2) for i in range(6))
    right = "".join(entry(6 + i, 1 if i % 2 == 0 else 3, i == 0) for i in range(6))
    path = html_pdf(
        f"<h1>Glossary</h1><div style='columns: 2; column-gap: 1cm'>{left}{right}</div>",
        css="p { margin: 0 0 14pt 0; line-height: 14pt }",
    )
    words = read_words(path)
    terms = [w for w in words if w.startswith("term") and w[4:].isdigit()]
    assert terms == [f"term{i}" for i in range(12)]


def test_a_boxed_tip_is_read_after_the_running_text_it_interrupts(html_pdf: HtmlPdf) -> None:
    tip = "Tip: " + " ".join(f"tip{i}" for i in range(30))
    before = " ".join(f"before{i}" for i in range(80))
    after = " ".join(f"after{i}" for i in range(80))
    path = html_pdf(
        f"<p>{before}</p><div style='border: 2px solid #e90; background: #fec; padding: 8pt;"
        f" margin: 12pt 0'>{tip}</div><p>{after}</p>"
    )
    words = read_words(path)
    assert words == before.split() + after.split() + tip.split()


def test_a_boxed_notice_under_the_title_before_the_running_text_keeps_its_place(
    html_pdf: HtmlPdf,
) -> None:
    # A meeting's welcome notice in a box under its title, before the agenda: read there, it
    # cuts no running text (a tip inside the text is read after it, see above).
    notice = "Welcome " + " ".join(f"notice{i}" for i in range(30)) + "."
    items = "".join(
        f"<h2>{n}. Item{n}</h2><p>" + " ".join(f"item{n}w{i}" for i in range(30)) + ".</p>"
        for n in range(1, 4)
    )
    path = html_pdf(
        "<h1>Board meeting</h1><p>April 6, 2016.</p><div style='border: 2px solid #333;"
        f" padding: 8pt; margin: 12pt 0'>{notice}</div>{items}"
    )
    words = read_words(path)
    assert words.index("Welcome") == words.index("2016.") + 1
    assert words.index("notice29.") < words.index("Item1")


def test_boxes_holding_most_of_the_text_keep_their_places(html_pdf: HtmlPdf) -> None:
    # Slides and forms put their content in boxes: those are no asides.
    box = "<div style='border: 2px solid #333; padding: 8pt; margin: 12pt 0'>{}</div>"
    first = " ".join(f"first{i}" for i in range(40))
    second = " ".join(f"second{i}" for i in range(40))
    path = html_pdf(f"<h1>Slide title</h1>{box.format(first)}{box.format(second)}")
    words = read_words(path)
    assert words == ["Slide", "title"] + first.split() + second.split()


def test_a_form_row_of_options_is_read_with_its_label_not_after_the_page(
    tmp_path: Path,
) -> None:
    # The options "C" and "D" stand right of everything else on the page: the empty band
    # left of them looks like a gutter, but they are the rest of the row "A B".
    def show(x: int, y: int, size: int, text: str) -> bytes:
        return b"BT /F1 %d Tf 1 0 0 1 %d %d Tm (%s) Tj ET" % (size, x, y, text.encode())

    path = text_page_pdf(tmp_path / "form.pdf", [
        show(57, 730, 24, "Application form"), show(57, 690, 14, "About you"),
        show(57, 660, 9, "Full name:"), show(57, 610, 9, "Date of birth:"),
        show(57, 560, 9, "Check boxes:"), show(68, 546, 9, "A"), show(112, 546, 9, "B"),
        show(160, 546, 9, "C"), show(203, 546, 9, "D"),
        show(57, 500, 9, "Radio buttons:"), show(68, 486, 9, "yes"), show(100, 486, 9, "no"),
        show(57, 440, 9, "Drop-down:"),
    ])
    words = read_words(path)
    assert words[words.index("Check"):] == [
        "Check", "boxes:", "A", "B", "C", "D", "Radio", "buttons:", "yes", "no", "Drop-down:"
    ]


def test_a_footer_line_across_both_columns_is_read_after_them(html_pdf: HtmlPdf) -> None:
    left = " ".join(f"left{i}" for i in range(150))
    right = " ".join(f"right{i}" for i in range(150))
    path = html_pdf(
        f"<div style='columns: 2; column-gap: 1.5cm; height: 20cm'><p>{left}</p>"
        f"<p style='break-before: column'>{right}</p></div>"
        "<div style='display: flex; justify-content: space-between; margin-top: 1cm'>"
        "<span>Department of Information Systems</span><span>Ann Author, Bo Writer</span></div>"
    )
    words = read_words(path)
    assert words == left.split() + right.split() + [
        "Department", "of", "Information", "Systems", "Ann", "Author,", "Bo", "Writer"
    ]


def test_heads_atop_two_columns_are_read_each_with_its_column(html_pdf: HtmlPdf) -> None:
    # Level at the top like a running header, but each heads the text just below it.
    left = " ".join(f"left{i}" for i in range(150))
    right = " ".join(f"right{i}" for i in range(150))
    path = html_pdf(
        f"<div style='columns: 2; column-gap: 1.5cm'><h2>First part</h2><p>{left}</p>"
        f"<h2 style='break-before: column'>Second part</h2><p>{right}</p></div>"
    )
    words = read_words(path)
    assert words == ["First", "part"] + left.split() + ["Second", "part"] + right.split()


def test_letters_out_of_sequence_read_as_prose_keep_their_continuations_drawing(
    tmp_path: Path,
) -> None:
    # Items "b)" and "d)" (their siblings set elsewhere) are no lettered list: each becomes a
    # paragraph, the indented line that continued it included, drawing and all (here drawn
    # after both items, as a writer filling columns may).
    path = text_page_pdf(tmp_path / "letters.pdf", [
        b"BT /F1 11 Tf 72 700 Td (b\\) Electronic governors for main engines) Tj ET",
        b"BT /F1 11 Tf 72 620 Td (d\\) Electronic governors for generators) Tj ET",
        b"BT /F1 11 Tf 100 670 Td (A fault in the governor is not to change the power.) Tj ET",
        b"BT /F1 11 Tf 100 590 Td (The fuel admission is to be set to zero.) Tj ET",
    ])
    doc = read_layout(path, max_pages=5)
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]
    (fault,) = [b for b in doc.blocks if isinstance(b, Paragraph) and "fault" in b.text]
    assert fault.text.startswith("b)")
    with pikepdf.open(path) as pdf:
        ops = pikepdf.parse_content_stream(pdf.pages[0])
        showing = {i for i, op in enumerate(ops) if str(op.operator) in ("Tj", "TJ", "'", '"')}
    claimed = {i for b in doc.blocks for p in b.prov for start, end in p.operators
               for i in range(start, end)}
    assert showing <= claimed, (sorted(showing - claimed), [b.prov for b in doc.blocks])
    drawn = [i for p in fault.prov for start, end in p.operators for i in range(start, end)]
    assert len(drawn) == len(set(drawn)), fault.prov  # each operator claimed once


def test_a_two_line_heading_in_large_type_stays_whole_above_columns(html_pdf: HtmlPdf) -> None:
    # Beside the first line of a poster's two-line heading stands the next panel's heading;
    # the gap between the heading's lines is only its leading, no place to cut the page.
    left = " ".join(f"left{i}" for i in range(120))
    right = " ".join(f"right{i}" for i in range(200))
    head = "font-size: 30pt; line-height: 1.2; margin: 0 0 12pt 0"
    path = html_pdf(
        "<div style='display: flex; gap: 1.5cm'>"
        f"<div style='width: 6cm'><h1 style='{head}'>Claimed advantages</h1>"
        f"<p>{left}</p></div>"
        f"<div style='flex: 1'><h1 style='{head}'>Other results</h1><p>{right}</p></div></div>"
    )
    doc = read_layout(path, max_pages=5)
    headings = heading_texts(doc)
    assert headings == ["Claimed advantages", "Other results"]
    assert read_words(path) == (
        ["Claimed", "advantages"] + left.split() + ["Other", "results"]
        + right.split()
    )


def test_margin_notes_are_read_after_the_paragraph_beside_them(html_pdf: HtmlPdf) -> None:
    # A narrow column of notes in smaller type beside running text (a textbook's margin):
    # each note is an aside to the paragraph it stands beside, read after it, not before.
    paragraphs = [" ".join(f"p{k}w{i}" for i in range(90)) for k in range(3)]
    notes = [" ".join(f"n{k}w{i}" for i in range(12)) for k in range(3)]
    path = html_pdf("".join(
        "<div style='display: flex; gap: 1cm; margin-bottom: 14pt'>"
        f"<div style='width: 3.5cm; font-size: 8pt'>{note}</div>"
        f"<p style='flex: 1; margin: 0'>{paragraph}</p></div>"
        for paragraph, note in zip(paragraphs, notes, strict=True)
    ))
    assert read_words(path) == [
        w for paragraph, note in zip(paragraphs, notes, strict=True)
        for w in paragraph.split() + note.split()
    ]


def test_a_margin_glossary_term_is_read_after_the_paragraph_using_it(html_pdf: HtmlPdf) -> None:
    # The term stands beside the end of the first paragraph, its definition reaches down
    # beside the second, which is the one that uses the term.
    first = " ".join(f"a{i}" for i in range(90))
    second = " ".join(f"b{i}" for i in range(40)) + " the lattice " + " ".join(
        f"c{i}" for i in range(40)
    )
    definition = " ".join(f"d{i}" for i in range(14))
    path = html_pdf(
        "<div style='display: flex; gap: 1cm'>"
        "<div style='width: 3.5cm; font-size: 8pt; padding-top: 80pt'>"
        "<div style='font-weight: bold; margin-bottom: 6pt'>lattice</div>"
        f"<div>{definition}</div></div>"
        f"<div style='flex: 1'><p style='margin: 0 0 8pt 0'>{first}</p>"
        f"<p style='margin: 0'>{second}</p></div></div>"
    )
    assert read_words(path) == (
        first.split() + second.split() + ["lattice"] + definition.split()
    )


def test_a_listing_beside_prose_is_a_column_not_a_table(html_pdf: HtmlPdf) -> None:
    # The code's lines keep to the prose's rows, as a table's cells would; but a listing in
    # a fixed-pitch face beside prose is a column of its own, read after the prose.
    prose = " ".join(f"p{i}" for i in range(80))
    code = ["x = 0", "for i in xs:", "    x += i", "    y = x", "print(x)", "end = 1", "done()"]
    path = html_pdf(
        "<div style='display: flex; gap: 0.5cm; font-size: 11pt; line-height: 14pt'>"
        f"<p style='width: 8cm; margin: 0'>{prose}</p>"
        f"<pre style='margin: 0; font-size: 11pt; line-height: 14pt'>{chr(10).join(code)}</pre>"
        "</div>"
    )
    assert read_words(path) == prose.split() + " ".join(code).split()


def test_a_title_centred_over_columns_is_read_before_them(html_pdf: HtmlPdf) -> None:
    # The title ends inside the gutter between the second and third columns: the narrow gap
    # left beside it is no column break that would read the first column before the title.
    first = " ".join(f"a{i}" for i in range(60))
    third = " ".join(f"c{i}" for i in range(60))
    path = html_pdf(
        "<div style='width: 17cm'>"
        "<h1 style='font-size: 24pt; margin: 0 0 14pt 0; text-align: center'>Is it fast</h1>"
        "<div style='display: flex; gap: 1cm'>"
        f"<p style='width: 5cm; margin: 0'>{first}</p>"
        "<pre style='width: 5cm; margin: 0; font-size: 9pt'>x = 0</pre>"
        f"<p style='width: 5cm; margin: 0'>{third}</p></div></div>"
    )
    words = read_words(path)
    assert words[:3] == ["Is", "it", "fast"]
    assert words[3:] == first.split() + ["x", "=", "0"] + third.split()


def test_a_margin_with_a_picture_still_holds_notes(html_pdf: HtmlPdf) -> None:
    # Under the note, the margin holds a photo and its caption: still a margin of asides,
    # each read after the paragraph beside which it begins.
    paragraphs = [" ".join(f"p{k}w{i}" for i in range(90)) for k in range(3)]
    note = " ".join(f"n{i}" for i in range(14))
    caption = "Children at play on the beach"
    path = html_pdf(
        "<div style='display: flex; gap: 1cm'><div style='width: 3.5cm; font-size: 8pt'>"
        f"<p style='margin: 0 0 150pt 0'>{note}</p>"
        f"<img src='{png_data_uri()}' style='width: 3.5cm'>"
        f"<p style='margin: 2pt 0 0 0'>{caption}</p></div><div style='flex: 1'>"
        + "".join(f"<p style='margin: 0 0 10pt 0'>{p}</p>" for p in paragraphs)
        + "</div></div>"
    )
    doc = read_layout(path, max_pages=5)
    assert [type(b).__name__ for b in doc.blocks] == [
        "Paragraph", "Paragraph", "Figure", "Paragraph", "Paragraph", "Paragraph"
    ]
    assert paragraph_texts(doc) == [
        paragraphs[0], note, caption, paragraphs[1], paragraphs[2]
    ]


def test_columns_of_text_set_round_pictures_are_still_columns() -> None:
    # Each column's first eight lines run beside a picture, half as wide as the six under it:
    # most lines do not fill the column, yet it is set text, and the narrow gutter between
    # the two columns (their lines on the same rows) is a column break.
    def column(x0: float, picture_right: bool) -> list[Fragment]:
        frags = []
        for row in range(14):
            y = 700.0 - 12 * row
            start, end = x0, x0 + 240
            if row < 8:
                start, end = (x0, x0 + 120) if picture_right else (x0 + 120, x0 + 240)
            frags.append(Fragment([], f"c{x0:.0f} r{row} some running words here",
                                  start, y, end, y + 10))
        return frags

    left, right = column(0, True), column(258, False)
    regions = column_regions(sorted(left + right, key=lambda f: (-f.y1, f.x0)))
    assert [{id(f) for f in region} for region in regions] == [
        {id(f) for f in left}, {id(f) for f in right}
    ]


def test_a_picture_beside_a_wider_column_of_text_is_read_after_it(html_pdf: HtmlPdf) -> None:
    # A chart with its caption beside the running text it illustrates: the text is read
    # through, then the picture, rather than the picture first because it stands left.
    paragraphs = [" ".join(f"p{k}w{i}" for i in range(90)) for k in range(2)]
    caption = "Figure 2. Growth curves for different body systems"
    path = html_pdf(
        "<div style='display: flex; gap: 0.8cm'><div style='width: 7cm'>"
        f"<img src='{png_data_uri()}' style='width: 7cm'>"
        f"<p style='margin: 4pt 0 0 0; font-size: 9pt'>{caption}</p></div>"
        "<div style='flex: 1'>"
        + "".join(f"<p style='margin: 0 0 10pt 0'>{p}</p>" for p in paragraphs)
        + "</div></div>"
    )
    doc = read_layout(path, max_pages=5)
    assert [type(b).__name__ for b in doc.blocks] == [
        "Paragraph", "Paragraph", "Figure", "Paragraph"
    ]
    assert paragraph_texts(doc) == paragraphs + [caption]


def test_a_shaded_box_of_form_lines_keeps_its_place_before_the_footer(tmp_path: Path) -> None:
    # A tax form's income lines sit on a shaded box: one line each, however many pieces the
    # leader dots break them into. They are the form's content, no boxed aside to read after
    # the page's footer.
    def show(x: int, y: int, text: str, size: int = 9) -> bytes:
        return b"BT /F1 %d Tf 1 0 0 1 %d %d Tm (%s) Tj ET" % (size, x, y, text.encode())

    intro = "Complete every part of this form and attach the statements"
    items = [
        "Wages, salaries and tips. Attach your forms",
        "Interest on savings accounts. Attach schedule",
        "Dividends paid to you this year. See schedule",
        "Pensions and annuities received, less your part",
        "Social security benefits received. See notes",
        "Add the amounts above. This is your total income",
    ]
    ops = [show(57, 760, "Annual return", 20)]
    ops += [show(57, 730 - 12 * k, f"intro{k} {intro}") for k in range(10)]
    ops.append(b"0.85 0.95 0.95 rg 50 470 500 140 re f 0 g")
    for k, item in enumerate(items):
        y = 590 - 18 * k
        ops += [show(60, y, f"Item{k}"), show(95, y, item)]
        # (Courier: 5.4 points a character at 9 points.)
        ops += [show(x, y, ".") for x in range(95 + round(5.4 * len(item)) + 8, 520, 10)]
    ops.append(show(57, 450, "For the privacy notice see the separate instructions"))
    path = text_page_pdf(tmp_path / "form.pdf", ops, base="/Courier")
    words = read_words(path)
    firsts = [w for w in words if w.startswith(("intro", "Item", "For"))]
    assert firsts == [f"intro{k}" for k in range(10)] + [f"Item{k}" for k in range(6)] + [
        "For"
    ]
