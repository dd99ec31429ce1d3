"""The large print PDF renderer, on Documents built in the test (no reader involved)."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
import weasyprint

from workers.engine.checks import check_large_print
from workers.engine.checks_large_print import (
    _spaces_gap,
    document_words,
    read_back,
    word_recall,
)
from workers.engine.document import (
    BBox,
    Cell,
    Document,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Page,
    Paragraph,
    Prov,
    Row,
    Table,
)
from workers.engine.render_large_print import (
    TEXT_WIDTH_PT,
    build_large_print_html,
    linearise,
    regular_rows,
    render_large_print,
    table_fits,
)

from ..conftest import page_crossing_document, row_headed, table_over_pages_document
from .conftest import (
    HEBREW,
    LONG_URL,
    WORDS,
    font_names,
    pdf_text,
    prov,
    sample_document,
    wide_table,
)


@pytest.fixture(scope="module")
def rendered() -> dict[int, bytes]:
    doc = sample_document()
    return {size: render_large_print(doc, point_size=size) for size in (16, 24)}


@pytest.mark.parametrize("size", [16, 24])
def test_every_glyph_is_at_least_the_size(rendered: dict[int, bytes], size: int) -> None:
    facts = read_back(rendered[size])
    assert facts.glyphs > 500
    assert facts.too_small(size) == 0, facts.sizes
    assert facts.smallest == pytest.approx(size, abs=0.5)
    report = check_large_print(rendered[size], point_size=size)
    assert report["passed"], report


@pytest.mark.parametrize("size", [16, 24])
def test_headings_are_larger_and_bold(rendered: dict[int, bytes], size: int) -> None:
    facts = read_back(rendered[size])
    assert max(facts.sizes) >= size * 1.3
    assert any("Bold" in name for name in font_names(rendered[size]))


def test_plain_sans_serif_no_italic_no_justified(rendered: dict[int, bytes]) -> None:
    names = font_names(rendered[24])
    assert names and all("LiberationSans" in n.replace("-", "") for n in names), names
    facts = read_back(rendered[24])
    assert facts.italic_fonts == [] and facts.slanted_glyphs == 0
    assert facts.judged_lines > 5 and facts.justified_lines == 0


def test_page_numbers_on_every_page(rendered: dict[int, bytes]) -> None:
    facts = read_back(rendered[24])
    assert facts.pages >= 2
    for number, text in enumerate(facts.page_texts, start=1):
        assert f"Page {number} of {facts.pages}" in text


def test_a4_portrait_title_and_language(rendered: dict[int, bytes]) -> None:
    with pikepdf.open(io.BytesIO(rendered[16])) as pdf:
        width, height = (float(v) for v in pdf.pages[0].mediabox[2:])
        assert (round(width), round(height)) == (595, 842)
        assert str(pdf.docinfo["/Title"]) == "Garden waste collections"
        assert str(pdf.Root.Lang) == "en-GB"


def test_all_body_words_in_order(rendered: dict[int, bytes]) -> None:
    recall = word_recall(document_words(sample_document()), read_back(rendered[16]).words)
    assert recall.value == 1.0, recall.missing


def test_original_page_markers(rendered: dict[int, bytes]) -> None:
    text = pdf_text(rendered[16])
    assert "Original page 1" in text and "Original page 2" in text


def test_long_url_wraps_instead_of_shrinking() -> None:
    doc = Document(title="Links", language="en", blocks=[Paragraph(f"See {LONG_URL} now.")])
    content = render_large_print(doc, point_size=24)
    facts = read_back(content)
    assert facts.too_small(24) == 0
    assert word_recall(document_words(doc), facts.words).value == 1.0
    # Nothing runs off the page: every character is inside the text column.
    pdf = pdfium.PdfDocument(content)
    textpage = pdf[0].get_textpage()
    rights = [textpage.get_charbox(i)[2] for i in range(textpage.count_chars())]
    pdf.close()
    assert max(rights) <= 595 - 56.69 + 1
    assert facts.page_texts[0].count("very-long-path-segment") == 12


def test_wide_table_is_linearised_not_shrunk() -> None:
    table = wide_table(12)
    assert not table_fits(table, point_size=18)
    doc = Document(title="Table", language="en", blocks=[table])
    page = build_large_print_html(doc, point_size=18)
    assert "<table" not in page.html
    assert any("row by row" in note for note in page.notes)
    content = render_large_print(doc, point_size=18)
    text = " ".join(pdf_text(content).split())
    assert "Heading 11: value-0-11" in text and "Row 3" in text
    assert read_back(content).too_small(18) == 0


@pytest.mark.parametrize("in_item", [False, True], ids=["top-level", "in-item"])
def test_linearised_rows_start_in_the_text_column(in_item: bool) -> None:
    """A linearised table's "Heading: value" lines start no further left than its own first
    line ("Table: … (given row by row)"): at the page's margin on their own, under the item's
    text in a list's item (a point's table of attributes), never out in the margin or under
    the item's label."""
    table = wide_table(12)
    lead = Paragraph("The attributes of each element:")
    blocks: list = (
        [ListBlock(items=[ListItem(label="\u2022", blocks=[lead, table])])]
        if in_item else [lead, table]
    )
    content = render_large_print(Document(title="T", language="en", blocks=blocks), point_size=18)
    pdf = pdfium.PdfDocument(content)
    page = pdf[0].get_textpage()
    text = page.get_text_range()
    said_x = page.get_charbox(text.index("Table: Wide"))[0]
    field_x = page.get_charbox(text.index("Heading 0:"))[0]
    pdf.close()
    assert field_x >= said_x - 1


def test_narrow_table_stays_a_table() -> None:
    doc = sample_document()
    table = next(b for b in doc.blocks if isinstance(b, Table))
    assert table_fits(table, point_size=28)
    html = build_large_print_html(doc, point_size=28).html
    assert '<th scope="col">Month</th>' in html and "<caption>Collection days</caption>" in html


def test_table_fit_depends_on_the_size() -> None:
    table = wide_table(4)
    assert table_fits(table, point_size=16) != table_fits(table, point_size=28) or not (
        table_fits(table, point_size=28)
    )
    # 170 mm of text: at 28 pt about 17 average characters fit across.
    assert TEXT_WIDTH_PT / (28 * 0.58) < 30


def test_ragged_table_is_made_regular() -> None:
    table = Table(
        [
            Row([Cell("A", header=True), Cell("B", header=True), Cell("C", header=True)]),
            Row([Cell("x", row_span=2), Cell("y")]),
            Row([Cell("z")]),
        ]
    )
    rows = regular_rows(table)
    assert [len(r.cells) for r in rows] == [3, 3, 3]
    assert [c.text for c in rows[2].cells] == ["", "z", ""]


def test_linearised_rows_use_headings_and_row_headers() -> None:
    table = Table(
        [
            Row([Cell("", header=True), Cell("2024", header=True), Cell("2025", header=True)]),
            Row([Cell("Income", header=True), Cell("10"), Cell("")]),
        ]
    )
    assert linearise(table) == [("Income", [("2024", "10")])]


def test_right_to_left_paragraph() -> None:
    doc = Document(title="Notice", language="he", blocks=[Paragraph(HEBREW)])
    page = build_large_print_html(doc, point_size=20)
    assert '<p dir="rtl">' in page.html
    content = render_large_print(doc, point_size=20)
    pdf = pdfium.PdfDocument(content)
    textpage = pdf[0].get_textpage()
    boxes = [textpage.get_charbox(i) for i in range(textpage.count_chars())]
    pdf.close()
    # Right aligned: the first line reaches the right edge of the text column.
    assert max(box[2] for box in boxes) > 595 - 56.69 - 5
    assert read_back(content).too_small(20) == 0


def test_document_text_is_escaped() -> None:
    doc = Document(title="<b>x</b>", blocks=[Paragraph('<img src="http://evil/x.png"> & co')])
    html = build_large_print_html(doc, point_size=18).html
    assert "<img" not in html and "&lt;img src=&#34;http://evil/x.png&#34;&gt; &amp; co" in html
    text = pdf_text(render_large_print(doc, point_size=18))
    assert '<img src="http://evil/x.png"> & co' in " ".join(text.split())


def test_heading_levels_never_skip() -> None:
    doc = Document(
        title="T", blocks=[Heading("T", 1), Heading("Deep", 4), Paragraph("x"), Heading("B", 3)]
    )
    html = build_large_print_html(doc, point_size=18).html
    # "B" (h3) is no child of "Deep" (h4): both close up to h2 under "T", as in the HTML.
    assert re.findall(r"<h(\d)", html) == ["1", "2", "2"]


def test_sections_after_a_first_h2_stay_its_siblings() -> None:
    # A manual page printed without its h1, its name the title: the sections are siblings,
    # none under the first (as in the HTML and the tagged PDF).
    doc = Document(title="Synopsis", blocks=[
        Heading("Synopsis", 2), Paragraph("x"), Heading("Description", 2),
        Heading("Options", 3), Heading("See also", 2),
    ])
    html = build_large_print_html(doc, point_size=18).html
    assert re.findall(r"<h(\d)", html) == ["1", "1", "2", "1"]


def test_enormous_figure_is_downsampled_and_keeps_alt(tmp_path: Path) -> None:
    from PIL import Image

    picture = tmp_path / "big.png"
    Image.new("RGB", (5000, 3000), (30, 90, 160)).save(picture)
    source = tmp_path / "source.pdf"
    weasyprint.HTML(
        string=f'<html><body><img src="{picture.as_uri()}" style="width: 15cm"></body></html>'
    ).write_pdf(source)
    figure = Figure(
        alt="A blue rectangle", caption="Figure 1: blue", prov=[Prov(0, BBox(56, 500, 482, 760))]
    )
    doc = Document(title="Figures", language="en", pages=[Page(595, 842)], blocks=[figure])
    content = render_large_print(doc, point_size=18, source=source)
    with pikepdf.open(io.BytesIO(content)) as pdf:
        images = [
            pikepdf.PdfImage(obj)
            for page in pdf.pages
            for obj in page.Resources.get("/XObject", {}).values()
            if obj.get("/Subtype") == "/Image"
        ]
        assert "/Alt" in str(pdf.Root.StructTreeRoot.K.unparse()) or images
    assert images and all(image.width <= 1400 for image in images)
    assert "Figure 1: blue" in pdf_text(content)


def test_figure_without_alt_is_noted_not_invented() -> None:
    doc = Document(title="Figures", blocks=[Figure(prov=[Prov(0, BBox(0, 0, 100, 100))])])
    page = build_large_print_html(doc, point_size=18)
    assert page.notes == []  # no source, no alt, no caption: nothing to show
    doc.blocks.append(Figure(caption="Map of the area"))
    page = build_large_print_html(doc, point_size=18)
    assert any("no alternative text" in note for note in page.notes)


def test_justified_and_italic_text_are_detected() -> None:
    text = WORDS * 6
    html = (
        '<html lang="en"><head><title>t</title></head><body style="font: 18pt Liberation Sans">'
        f'<p style="text-align: justify">{text}</p><p style="font-style: italic">{text}</p>'
        "</body></html>"
    )
    facts = read_back(weasyprint.HTML(string=html).write_pdf())
    assert facts.justified_lines >= 3
    assert facts.italic_fonts
    assert facts.too_small(18) == 0 and facts.too_small(20) > 0


def test_table_with_a_row_taller_than_half_a_page_is_linearised() -> None:
    # WeasyPrint can lose a cell's text when it splits a row across pages.
    long_cell = WORDS * 12
    table = Table([Row([Cell("Topic", header=True), Cell("Notes", header=True)]),
                   Row([Cell("Waste"), Cell(long_cell)])])
    assert not table_fits(table, point_size=18)
    doc = Document(title="T", language="en", blocks=[table])
    content = render_large_print(doc, point_size=18)
    assert word_recall(document_words(doc), read_back(content).words).value == 1.0


def test_a_passage_in_another_language_says_its_language() -> None:
    # The model gives a block its own language where it differs from the document's (read
    # from the tags or detected): large print says it too, so the voice switches (WCAG 3.1.2).
    doc = Document(title="Notice", language="en", blocks=[
        Heading("Aviso", level=1, lang="es"),
        Paragraph("The council meets on Monday.", lang=None),
        Paragraph("El consejo se reúne el lunes.", lang="es"),
        Paragraph("Not a tag", lang="not a tag"),
    ])
    html = build_large_print_html(doc, point_size=18).html
    assert re.search(r'<h1 lang="es">Aviso</h1>', html)
    assert re.search(r'<p lang="es">El consejo se reúne el lunes.</p>', html)
    assert re.search(r"<p>The council meets on Monday.</p>", html)
    assert re.search(r"<p>Not a tag</p>", html)


def test_lists_running_over_page_breaks_keep_their_pages_markers() -> None:
    # A list and a definition list whose items start on later pages: each page's "Original
    # page" marker ends the item before the page's first item, none twice or out of order.
    doc = Document(
        title="Options",
        language="en",
        pages=[Page(595, 842) for _ in range(4)],
        blocks=[
            Heading("Options", 1, prov(0)),
            ListBlock(items=[
                ListItem("•", [Paragraph("First", prov(0))], prov(0)),
                ListItem("•", [Paragraph("Second", prov(1))], prov(1)),
            ]),
            ListBlock(definitions=True, items=[
                ListItem("-a", [Paragraph("All of them.", prov(2))], prov(2)),
                ListItem("-b", [Paragraph("Both of them.", prov(3))], prov(3)),
            ]),
        ],
    )
    html = " ".join(build_large_print_html(doc, point_size=18).html.split())
    assert re.findall(r"Original page (\d+)", html) == ["1", "2", "3", "4"]
    assert re.search(r"First</p> <p class=\"page-marker\">Original page 2</p> </li>", html)
    assert re.search(r"All of them\.</p> <p class=\"page-marker\">Original page 4</p> </dd>", html)


def test_pages_beginning_inside_a_block_are_marked_where_it_ends() -> None:
    # As in the HTML: a page a table runs onto is marked right after the table, one begun
    # inside a list item at the end of that item, the blank last page at the end.
    doc = replace(page_crossing_document(), title="Tonnage", language="en")
    html = " ".join(build_large_print_html(doc, point_size=18).html.split())
    assert re.findall(r"Original page (\d+)", html) == ["1", "2", "3", "4", "5", "6"]
    assert re.search(r"</table> (</div> )?<p class=\"page-marker\">Original page 2</p> "
                     r"<p class=\"page-marker\">Original page 3</p> <p>After the table", html)
    assert re.search(r"Long item</p> <p class=\"page-marker\">Original page 4</p> "
                     r"<p class=\"page-marker\">Original page 5</p> </li>", html)
    assert html.index("Original page 6") > html.index("Next")


def test_a_document_with_no_text_says_so_past_its_markers_and_title() -> None:
    # As in the HTML: the page markers and the title heading are not text read from the
    # document; with nothing else, the whole document says that no text could be read.
    doc = Document(title="Scan", pages=[Page(595, 842), Page(595, 842, needs_ocr=True)])
    html = " ".join(build_large_print_html(doc, point_size=18).html.split())
    assert re.search(
        r'<p class="page-marker">Original page 2</p> '
        r"<p>No text could be read from this page automatically\.</p> "
        r"<p>No text could be read from this document automatically\.</p>", html
    ), html


@pytest.mark.parametrize("columns", [2, 12], ids=["table", "linearised"])
def test_pages_beginning_at_a_table_row_are_marked_with_it(columns: int) -> None:
    # As in the HTML: each page a table runs onto is marked at the row beginning it (at the
    # start of its first cell, or before its title when given row by row), never at the
    # header row, not after the table; each page once.
    doc = table_over_pages_document(columns)
    page = build_large_print_html(doc, point_size=18)
    html = " ".join(page.html.split())
    assert re.findall(r"Original page (\d+)", html) == ["1", "2", "3"]
    if columns == 2:
        assert '<td><span class="page-marker">Original page 2</span>Bravo</td>' in html
        assert '<td><span class="page-marker">Original page 3</span>Charlie</td>' in html
        assert "<td>Alpha</td>" in html and "<td>Delta</td>" in html
        assert "page-marker" not in html[html.index("<thead>"):html.index("</thead>")]
    else:
        assert "<table" not in html
        assert '<p class="page-marker">Original page 2</p> <p>Row 2</p>' in html
        assert '<p class="page-marker">Original page 3</p> <p>Row 3</p>' in html
        assert re.search(r"<li> <p>Row 4</p>", html)
    assert re.search(r"</(table|ul)> (</div> )?(</li> )*(</ul> )?<p>After the table", html)
    content = render_large_print(doc, point_size=18)
    text = " ".join(pdf_text(content).split())
    assert "Original page 2" in text and "Original page 3" in text
    assert word_recall(document_words(doc), read_back(content).words).value == 1.0
    assert check_large_print(content, point_size=18)["passed"]


def test_a_page_marker_goes_in_the_first_data_cell_after_a_row_header() -> None:
    # As in the HTML: a row header names every cell of its row, so the marker is not in it.
    page = build_large_print_html(row_headed(table_over_pages_document(2)), point_size=18)
    html = " ".join(page.html.split())
    assert re.search(r'<th scope="row">Bravo</th> <td><span class="page-marker">Original page 2'
                     r"</span>Bravo-value-1", html)


def test_deeply_indented_code_line_keeps_its_words_whole() -> None:
    # A code line indented nearly the width of the page (a record layout's comment column):
    # the part that wraps stands in at most half the line, not in a column two letters wide.
    code = "LiteralEntry:\n  4  CARD32  WEIGHT\n" + " " * 40 + "FLAGS in rest: case sensitive"
    doc = Document(title="Code", language="en", blocks=[Paragraph(code, preformatted=True)])
    facts = read_back(render_large_print(doc, point_size=18))
    assert {"flags", "rest", "case", "sensitive"} <= set(facts.words)
    assert word_recall(document_words(doc), facts.words).value == 1.0


def test_a_code_listings_aligned_columns_are_not_justified_text() -> None:
    # Runs of spaces keep a listing's columns aligned: whole spaces, not a stretched gap.
    rows = [f"{name:<16}{kind:<8}{note}" for name, kind, note in (
        ("hinting", "Bool", "Whether the rasterizer should use hinting"),
        ("verticallayout", "Bool", "Use vertical layout"),
        ("file", "String", "The filename holding the font"),
        ("index", "Int", "The index of the font within the file"),
    )]
    doc = Document(title="Code", language="en",
                   blocks=[Paragraph("\n".join(rows), preformatted=True)])
    facts = read_back(render_large_print(doc, point_size=18))
    assert facts.judged_lines >= 4
    assert facts.justified_lines == 0


def test_a_stretched_gap_in_fixed_pitch_text_still_counts() -> None:
    assert _spaces_gap(3.01) == pytest.approx(1.0033, abs=1e-3)  # three whole spaces
    assert _spaces_gap(1.6) == 1.6  # one space stretched
    assert _spaces_gap(2.4) == 2.4  # not a whole number of spaces


def test_an_identifier_broken_at_the_line_end_is_recalled() -> None:
    # A code line with no break opportunity wraps mid-identifier ("reserve_ / internal"); the word
    # is said whole elsewhere, so only the line end tells the pieces are one word.
    long_line = "at syntax::tokenstream::TokenStream::reserve_internal::alloc::raw_vec::grow"
    code = "\n".join([long_line] * 3)
    doc = Document(title="Code", language="en", blocks=[
        Paragraph("The words tokenstream and reserve_internal are said whole here."),
        Paragraph(code, preformatted=True),
    ])
    facts = read_back(render_large_print(doc, point_size=18))
    assert facts.pages == 1
    truth = document_words(doc)
    assert word_recall(truth, facts.words).value < 1.0  # the pieces are there
    assert word_recall(truth, facts.words, facts.line_ends).value == 1.0


def test_numbers_each_on_a_line_of_their_own_are_no_word_broken() -> None:
    # A table's cells "15", "0", "0" on lines of their own spell "1500", a number said
    # elsewhere: numbers are no identifier broken at a line end, and stay three words.
    truth = ["1500", "15"]
    assert word_recall(truth, ["1500", "15", "0", "0"], {1, 2}).value == 1.0


def test_a_code_listing_with_ditto_marks_is_not_justified_text() -> None:
    # The ditto marks (〃) fall back to a CJK monospace, half and full width and not flagged
    # fixed-pitch: its whole-space gaps, beside single spaces, are runs of spaces too.
    rows = [
        "[ 0]  65547  7  8  4  65529  〃  〃  〃 16 〃 〃",
        "〃 12 〃  〃 〃  〃  〃 〃  〃",
        "〃 〃  〃 〃  65542 〃  〃 〃  - - - -",
    ]
    doc = Document(title="Code", language="en",
                   blocks=[Paragraph("\n".join(rows), preformatted=True)])
    facts = read_back(render_large_print(doc, point_size=18))
    assert facts.judged_lines >= 3
    assert facts.justified_lines == 0
