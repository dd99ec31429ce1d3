"""The HTML page from the Document: its structure is the model's, its text is escaped, and it
stays usable with bad input (markup in text, right-to-left, huge tables, odd pictures)."""

from __future__ import annotations

import base64
import io
import re
import time
from pathlib import Path

import pytest
from PIL import Image

from workers.engine.checks import check_html, model_outline, read_html, words_check
from workers.engine.document import (
    Cell,
    Document,
    Heading,
    Link,
    ListBlock,
    ListItem,
    Page,
    Paragraph,
    Row,
    Table,
)
from workers.engine.heading_levels import HeadingLevels
from workers.engine.render_html import build_html, data_uri

from ..conftest import page_crossing_document, row_headed, table_over_pages_document
from .conftest import (
    ARABIC,
    HEBREW,
    HOSTILE,
    picture_document,
    picture_pdf,
    prov,
    rich_document,
)


@pytest.fixture(scope="module")
def rich() -> str:
    return build_html(rich_document()).html


def test_structure_equals_the_model(rich: str) -> None:
    document = rich_document()
    facts = read_html(rich.encode())
    outline = model_outline(document)
    assert tuple(facts.main_headings) == outline.headings
    assert outline.headings == (
        (1, "Garden waste collections"),
        (2, "Charges"),
        (2, "When we collect"),
        (3, "Prices"),
        (2, "Contact"),
    )
    assert facts.list_items == outline.list_items == 4
    assert facts.tables == outline.tables == 1
    assert words_check(facts.main_text(), document)["passed"]
    assert check_html(rich.encode(), document)["passed"]


def test_heading_changes_are_recorded_for_staff() -> None:
    notes = build_html(rich_document()).notes
    assert any(
        note.startswith("3 heading level(s) changed") and "“Charges” h3→h2" in note
        for note in notes
    ), notes


def test_heading_levels_close_up_without_flattening_siblings() -> None:
    levels = HeadingLevels()
    assert [levels.level(n, "") for n in (2, 4, 4, 5, 3, 1, 6)] == [1, 2, 2, 3, 2, 1, 2]


def test_page_skeleton(rich: str) -> None:
    assert rich.startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB">' in rich
    assert "<title>Garden waste collections</title>" in rich
    assert rich.count("<main") == 1
    assert '<a class="skip-link" href="#content">Skip to content</a>' in rich
    assert '<main id="content" tabindex="-1">' in rich
    assert "<script" not in rich.lower() and "javascript:" not in rich.lower()


def test_nested_lists_keep_their_numbering(rich: str) -> None:
    assert re.search(
        r"<ol><li>Every other Tuesday\.</li><li><p>Not on bank holidays, except:</p>"
        r"<ul><li>Good Friday</li><li>Easter Monday</li></ul></li></ol>",
        rich,
    ), rich
    numbered = build_html(
        Document(
            blocks=[
                ListBlock(
                    [ListItem(f"({c})", [Paragraph(f"Item {c}")]) for c in "cdf"], ordered=True
                )
            ]
        )
    ).html
    assert '<ol type="a" start="3"><li>Item c</li><li>Item d</li><li value="6">Item f</li>' in (
        numbered
    )


def test_table_has_caption_scopes_and_spans(rich: str) -> None:
    assert '<caption id="table-1-name">Table 1. Yearly charges</caption>' in rich
    assert '<thead><tr><th scope="col">Bin</th><th colspan="2" scope="col">Cost per year</th>' in (
        rich
    )
    assert '<th scope="row">140 litre</th><td>£50</td><td>£45</td>' in rich
    # Wide tables scroll inside their own focusable, named region, not the page.
    assert (
        '<div class="table-region" role="region" tabindex="0" aria-labelledby="table-1-name">'
        in rich
    )


def test_links_and_footnotes(rich: str) -> None:
    assert (
        'Pay online at <a href="https://www.example.gov.uk/garden">www.example.gov.uk/garden</a>'
        in rich
    )
    assert '<p><a href="https://www.example.gov.uk/contact">Contact form</a></p>' in rich
    # The reference links to the note, whose label links back.
    assert (
        'agreed.<sup><a id="note-ref-1" href="#note-1" aria-label="Note 1">1</a></sup>' in rich
    )
    assert (
        '<p class="note" id="note-1"><a class="note-label" href="#note-ref-1">1</a> '
        "Decision of the cabinet, 3 March.</p>" in rich
    )
    # A javascript: address never becomes a link.
    assert "<p>Unsafe link here.</p>" in rich


def test_page_markers_and_table_of_contents(rich: str) -> None:
    markers = re.findall(r'<p class="page-marker" id="page-(\d+)">Page (\d+)</p>', rich)
    assert [a for a, _ in markers] == ["1", "2", "3", "4", "5", "6"]
    assert rich.index('id="page-2"') < rich.index("When we collect</h2>")
    toc = rich[rich.index('<nav class="toc"') : rich.index("</nav>")]
    assert '<a href="#heading-2">Charges</a>' in toc and '<a href="#heading-4">Prices</a>' in toc
    assert rich.index("</nav>") < rich.index("<main")
    short = build_html(rich_document(pages=2)).html
    assert "<nav" not in short


def test_css_is_relative_with_dark_and_print_schemes(rich: str) -> None:
    css = rich[rich.index("<style>") : rich.index("</style>")]
    assert "prefers-color-scheme: dark" in css and "@media print" in css
    screen = css[: css.index("@media print")]
    assert not re.search(r"\d(px|pt)\b", screen), "screen CSS in absolute units"


def test_markup_in_text_is_escaped() -> None:
    document = Document(
        title="<i>Title</i>",
        blocks=[
            Heading(HOSTILE, 1),
            Paragraph(HOSTILE, links=[Link("quotes", 'https://x.example/"><script>')]),
            Table(rows=[Row([Cell("<td>", header=True)]), Row([Cell("</table>")])]),
        ],
    )
    html = build_html(document).html
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;" in html
    assert "<title>&lt;i&gt;Title&lt;/i&gt;</title>" in html
    assert '<a href="https://x.example/&quot;&gt;&lt;script&gt;">' in html
    assert "<td>&lt;/table&gt;</td>" in html
    facts = read_html(html.encode())
    assert facts.scripts == 0
    assert facts.main_headings[0] == (1, HOSTILE)


def test_control_characters_never_reach_the_output() -> None:
    html = build_html(Document(blocks=[Paragraph("a\x00b\x0bc\x1fd\ufffe")])).html
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]", html)


def test_right_to_left_and_mixed_text_get_dir() -> None:
    english = build_html(
        Document(language="en", blocks=[Paragraph("Hello there"), Paragraph(HEBREW)])
    ).html
    assert '<html lang="en">' in english
    assert f'<p dir="rtl">{HEBREW}</p>' in english and "<p>Hello there</p>" in english
    arabic = build_html(
        Document(
            language="ar",
            blocks=[Heading(ARABIC, 1), Paragraph(ARABIC), Paragraph("Contact: Ms Smith")],
        )
    ).html
    assert '<html lang="ar" dir="rtl">' in arabic
    assert f"<p>{ARABIC}</p>" in arabic
    assert '<p dir="ltr">Contact: Ms Smith</p>' in arabic


def test_invalid_or_missing_language_falls_back_with_a_note() -> None:
    page = build_html(Document(language="x-\u0000bad tag", blocks=[Paragraph("Text")]))
    assert '<html lang="en">' in page.html
    assert any("not a valid language tag" in note for note in page.notes)


def test_huge_table_renders_whole_and_fast() -> None:
    rows = [Row([Cell(f"Heading {c}", header=True) for c in range(8)])]
    rows += [Row([Cell(f"r{r}c{c}") for c in range(8)]) for r in range(5000)]
    document = Document(blocks=[Heading("Big", 1), Table(rows=rows)])
    start = time.perf_counter()
    html = build_html(document).html
    assert time.perf_counter() - start < 10
    assert html.count("<tr>") == 5001 and "r4999c7" in html
    assert check_html(html.encode(), document)["passed"]


@pytest.mark.parametrize("colour_space", ["cmyk", "indexed", "lab", "separation", "gray"])
def test_pictures_in_unusual_colour_spaces_are_embedded_as_rgb_png(
    tmp_path: Path, colour_space: str
) -> None:
    source = picture_pdf(tmp_path / f"{colour_space}.pdf", colour_space)
    page = build_html(picture_document(alt="A test pattern"), source=source)
    match = re.search(r'<img src="data:image/png;base64,([^"]+)" alt="A test pattern"', page.html)
    assert match, page.html[-800:]
    image = Image.open(io.BytesIO(base64.b64decode(match.group(1))))
    assert image.format == "PNG" and image.mode == "RGB"
    # The picture was drawn in colour, not left blank (the page is white).
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert any(colour != (255, 255, 255) for _, colour in colours)
    assert page.figures_without_alt == 0


def test_undecodable_picture_is_described_not_fatal(tmp_path: Path) -> None:
    source = picture_pdf(tmp_path / "broken.pdf", "broken")
    page = build_html(picture_document(alt="A chart of collections"), source=source)
    # pdfium draws what it can (here nothing readable): the page still has the figure's text.
    assert "A chart of collections" in page.html
    assert check_html(page.content, picture_document(alt="x"))["passed"]


def test_missing_alt_is_empty_and_flagged(tmp_path: Path) -> None:
    source = picture_pdf(tmp_path / "gray.pdf", "gray")
    page = build_html(picture_document(), source=source)
    assert re.search(r'<img src="data:image/png;base64,[^"]+" alt=""', page.html)
    assert page.figures_without_alt == 1
    assert any("a person should describe them" in note for note in page.notes)
    # A caption serves as the alternative: nothing is invented, nothing flagged.
    captioned = build_html(picture_document(caption="Figure 2. Bins"), source=source)
    assert 'alt="Figure 2. Bins"' in captioned.html
    assert "<figcaption>Figure 2. Bins</figcaption>" in captioned.html
    assert captioned.figures_without_alt == 0


def test_empty_document_says_so_under_a_heading() -> None:
    html = build_html(Document(pages=[Page(595, 842)])).html
    assert '<h1 id="heading-1">Untitled document</h1>' in html
    assert "No text could be read from this document automatically." in html


def test_scanned_pages_are_marked() -> None:
    document = Document(
        pages=[Page(595, 842), Page(595, 842, needs_ocr=True), Page(595, 842)],
        blocks=[Heading("Report", 1, prov(0)), Paragraph("Last page", prov(2))],
    )
    html = build_html(document).html
    assert re.search(
        r'id="page-2">Page 2</p>\n<p>No text could be read from this page automatically.</p>'
        r'\n<p class="page-marker" id="page-3">',
        html,
    ), html


def test_photographs_are_embedded_as_jpeg_drawings_as_png() -> None:
    noise = Image.effect_noise((800, 600), 60).convert("RGB")
    drawing = Image.new("RGB", (800, 600), (255, 255, 255))
    drawing.paste((0, 0, 0), (100, 100, 700, 110))

    def png(image: Image.Image) -> bytes:
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()

    photo_uri = data_uri(png(noise))
    assert photo_uri.startswith("data:image/jpeg;base64,")
    jpeg = Image.open(io.BytesIO(base64.b64decode(photo_uri.split(",", 1)[1])))
    assert jpeg.size == (800, 600)
    assert data_uri(png(drawing)).startswith("data:image/png;base64,")


def test_a_caption_is_said_once_with_its_figure(tmp_path: Path) -> None:
    """The layout reader keeps a caption as the figure's caption and as the paragraph that
    draws it: the page shows it once, as the figure's <figcaption>."""
    source = picture_pdf(tmp_path / "gray.pdf", "gray")
    document = picture_document(caption="Figure 2. Bins by street")
    document.blocks.append(Paragraph("Figure 2. Bins by street", prov(0)))
    document.blocks.append(Paragraph("Collections start in May.", prov(0)))
    page = build_html(document, source=source)

    assert "<figcaption>Figure 2. Bins by street</figcaption>" in page.html
    assert "<p>Figure 2. Bins by street</p>" not in page.html
    assert "<p>Collections start in May.</p>" in page.html
    assert words_check(read_html(page.html.encode()).main_text(), document)["passed"]


def test_lists_running_over_page_breaks_keep_their_pages_markers() -> None:
    # A list (and a definition list) whose items start on later pages: each page's marker
    # is at the end of the item before the page's first item, where the page turns (a
    # scanned page passed over on the way is marked there too), none twice or out of order.
    pages = [Page(595, 842) for _ in range(5)]
    pages[3] = Page(595, 842, needs_ocr=True)
    document = Document(
        pages=pages,
        blocks=[
            Heading("Options", 1, prov(0)),
            ListBlock(items=[
                ListItem("•", [Paragraph("First", prov(0))], prov(0)),
                ListItem("•", [Paragraph("Second", prov(1))], prov(1)),
            ]),
            ListBlock(definitions=True, items=[
                ListItem("-a", [Paragraph("All of them.", prov(2))], prov(2)),
                ListItem("-b", [Paragraph("Both of them.", prov(2))], prov(2)),
                ListItem("-c", [Paragraph("Count them.", prov(4))], prov(4)),
            ]),
        ],
    )
    html = build_html(document).html
    assert re.findall(r'id="page-(\d+)"', html) == ["1", "2", "3", "4", "5"]
    assert '<li>First<p class="page-marker" id="page-2">Page 2</p></li><li>Second</li>' in html
    assert '<p class="page-marker" id="page-3">Page 3</p>\n<dl>' in html
    assert (
        '<dd><p>Both of them.</p><p class="page-marker" id="page-4">Page 4</p>'
        "<p>No text could be read from this page automatically.</p>"
        '<p class="page-marker" id="page-5">Page 5</p></dd><dt>-c</dt>'
    ) in html


def test_pages_beginning_inside_a_block_are_marked_where_it_ends() -> None:
    # A reader told "see page 4" finds every page: one the table runs onto has its marker
    # right after the table (not between rows: no valid place), one begun inside a list item
    # at the end of that item, and the blank last page at the end; none twice or out of order.
    html = build_html(page_crossing_document()).html
    assert re.findall(r'id="page-(\d+)"', html) == ["1", "2", "3", "4", "5", "6"]
    assert re.search(
        r'</table></div>\n<p class="page-marker" id="page-2">Page 2</p>\n'
        r'<p class="page-marker" id="page-3">Page 3</p>\n<p>After the table</p>', html)
    assert (
        '<li>Long item<p class="page-marker" id="page-4">Page 4</p>'
        '<p class="page-marker" id="page-5">Page 5</p></li><li>Next</li>'
    ) in html
    assert html.index('id="page-6"') > html.index("<li>Next</li>")
    document = page_crossing_document()
    assert check_html(build_html(document).content, document)["passed"]


def test_pages_beginning_at_a_table_row_are_marked_in_its_first_cell() -> None:
    # A reader told "see page 2" finds the row where page 2 begins: each page a table runs
    # onto is marked inline at the start of the first cell of the row beginning it (the
    # header row, on page 1, never), not after the table; each page marked once.
    html = build_html(table_over_pages_document()).html
    assert re.findall(r'id="page-(\d+)"', html) == ["1", "2", "3"]
    assert (
        '<tr><td><span class="page-marker" id="page-2">Page 2</span>Bravo</td>' in html
    )
    assert (
        '<tr><td><span class="page-marker" id="page-3">Page 3</span>Charlie</td>' in html
    )
    assert "<td>Alpha</td>" in html and "<td>Delta</td>" in html
    assert "page-marker" not in html[html.index("<thead>"):html.index("</thead>")]
    assert re.search(r"</table></div>\n<p>After the table</p>", html)
    # The marker is read apart from the cell's text ("Page 2", then "Bravo"), and the page
    # still holds all the model's words in order.
    page = read_html(html.encode())
    assert "Page 2 Bravo" in " ".join(page.main_text().split())
    report = check_html(html.encode(), table_over_pages_document())
    assert report["passed"], report


def test_a_page_marker_goes_in_the_first_data_cell_after_a_row_header() -> None:
    # A row header names every cell of its row: "Page 2" in it would be said with each one.
    html = build_html(row_headed(table_over_pages_document(3))).html
    assert re.findall(r'id="page-(\d+)"', html) == ["1", "2", "3"]
    assert re.search(
        r'<th scope="row">Bravo</th><td><span class="page-marker" id="page-2">Page 2</span>'
        r"Bravo-value-1", html)
