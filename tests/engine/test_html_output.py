"""The HTML output end to end (PDF → Document → page): the source's words, in order, escaped,
in an accessible page. The renderer's own tests are in tests/engine/html/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workers.engine.document import (
    Cell,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Row,
    Table,
)
from workers.engine.formats import ConversionOptions, OutputFormat
from workers.engine.pipeline import convert
from workers.engine.render_html import render_html

from .conftest import MakePdf, write_pdf

LONG = (
    "This paragraph is long enough to wrap over several lines in the source document, so the "
    "reader has to join the lines back into one paragraph without losing or reordering words."
)
PARAGRAPHS = [
    ["Alpha comes first", LONG, "Beta has <script>alert('x')</script> & \"quotes\" in it"],
    ["Gamma is on page two"],
]


@pytest.fixture(scope="module")
def html(tmp_path_factory: pytest.TempPathFactory) -> str:
    source = write_pdf(tmp_path_factory.mktemp("html") / "source.pdf", PARAGRAPHS, title="Notice")
    return convert(source, ConversionOptions(OutputFormat.HTML), max_pages=10).content.decode()


def paragraphs(html: str) -> list[str]:
    return re.findall(r"<p(?: [^>]*)?>(.*?)</p>", html, flags=re.S)


def test_text_appears_in_order(html: str) -> None:
    positions = [html.index(marker) for marker in ("Alpha", "This paragraph", "Beta", "Gamma")]
    assert positions == sorted(positions)


def test_wrapped_lines_join_into_one_paragraph(html: str) -> None:
    assert LONG in paragraphs(html)


def test_source_text_is_escaped(html: str) -> None:
    assert "<script>" not in html
    assert (
        "Beta has &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;quotes&quot; in it"
        in html
    )


def test_page_structure(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert '<html lang="en-GB">' in html
    assert "<title>Notice</title>" in html
    assert html.count("<main") == 1
    assert '<a class="skip-link" href="#content">' in html and '<main id="content"' in html
    # No heading in the source: the title is the one level-1 heading.
    assert html.count("<h1") == 1 and '<h1 id="heading-1">Notice</h1>' in html
    assert '<p class="page-marker" id="page-1">Page 1</p>' in html
    assert '<p class="page-marker" id="page-2">Page 2</p>' in html


def test_page_markers_precede_their_text(html: str) -> None:
    assert (
        html.index(">Page 1<") < html.index("Alpha") < html.index(">Page 2<") < html.index("Gamma")
    )


def test_no_javascript_and_relative_units(html: str) -> None:
    assert "<script" not in html.lower() and "javascript:" not in html.lower()
    css = html[html.index("<style>") : html.index("</style>")]
    assert "prefers-color-scheme: dark" in css
    # Font sizes in relative units only, so the reader's own size setting is respected.
    assert not re.search(r"font-size:\s*[\d.]+(px|pt)", css)


def test_language_defaults_to_english() -> None:
    html = render_html(Document(title="T", language=None, blocks=[Paragraph("x")])).decode()
    assert '<html lang="en">' in html


def test_passages_in_another_language_say_it() -> None:
    # (WCAG 3.1.2: a screen reader switches voice where the model says the language changes;
    # a tag that is no language tag is left out rather than passed on.)
    blocks = [
        Heading("Zusammenfassung", level=1, lang="de-DE"),
        Paragraph("Hello"),
        Paragraph("Bonjour à tous", lang="fr"),
        Paragraph("Odd", lang="not a tag!"),
        ListBlock(items=[ListItem(label="•", blocks=[Paragraph("Hei", lang="nn-NO")])]),
        Table(rows=[Row(cells=[Cell("Hallo", lang="de"), Cell("Hi")]),
                    Row(cells=[Cell("1"), Cell("2")])]),
    ]
    html = render_html(Document(title="T", language="en", blocks=blocks)).decode()
    assert re.search(r'<h1 id="[^"]+" lang="de-DE">Zusammenfassung</h1>', html)
    assert "<p>Hello</p>" in html
    assert '<p lang="fr">Bonjour à tous</p>' in html
    assert "<p>Odd</p>" in html
    assert '<li lang="nn-NO">Hei</li>' in html
    assert re.search(r'<t[dh][^>]* lang="de">Hallo</t[dh]>', html)


def test_right_to_left_paragraphs_get_dir() -> None:
    blocks = [Paragraph("مرحبا بالعالم"), Paragraph("Hello")]
    html = render_html(Document(title="T", language="en", blocks=blocks)).decode()
    assert '<p dir="rtl">مرحبا بالعالم</p>' in html
    assert "<p>Hello</p>" in html


def test_title_falls_back_to_first_paragraph(make_pdf: MakePdf) -> None:
    source = make_pdf([["Parking permits", "Apply online."]], title=None)
    html = convert(source, ConversionOptions(OutputFormat.HTML), max_pages=10).content.decode()
    assert "<title>Parking permits</title>" in html


def test_control_characters_never_reach_the_output() -> None:
    # They are invalid in HTML; the renderer drops any the reader let through.
    html = render_html(Document(title="T", blocks=[Paragraph("pl\x00ai\x1bn")])).decode()
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", html)


def test_output_is_utf8(tmp_path: Path, make_pdf: MakePdf) -> None:
    source = make_pdf([["Café – naïve ‘quotes’ €5"]])
    content = convert(source, ConversionOptions(OutputFormat.HTML), max_pages=10).content
    assert "Café – naïve ‘quotes’ €5" in content.decode("utf-8")
    assert b'<meta charset="utf-8">' in content


def test_symbol_font_bullets_are_kept_and_other_private_use_dropped(make_pdf: MakePdf) -> None:
    from workers.engine.layout.lines import clean

    assert clean("\uf0b7 First item") == "• First item"
    assert clean("Clause \ue020 one") == "Clause one"


def test_hyphens_at_line_ends_are_kept(tmp_path: Path) -> None:
    # pdfium marks every line-end hyphen with U+FFFE; dropping it would turn "well-known" into
    # "wellknown". A narrow column makes the compounds break at the end of lines, and nothing
    # in the document shows a typesetter that hyphenates words, so the hyphens are kept.
    import weasyprint

    words = "aaaa bbbb cccc well-known dddd eeee ffff gggg hhhh self-evident things multi-coloured"
    source = tmp_path / "narrow.pdf"
    weasyprint.HTML(
        string=f'<html lang="en"><body style="width: 4.7cm; font: 12pt DejaVu Sans"><p>{words}</p>'
    ).write_pdf(source)
    html = convert(source, ConversionOptions(OutputFormat.HTML), max_pages=10).content.decode()
    assert f"<p>{words}</p>" in html
