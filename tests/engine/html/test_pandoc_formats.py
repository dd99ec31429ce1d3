"""DOCX, EPUB 3 and plain text from the Document via pandoc, read back by other libraries."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import ebooklib
import pytest
from ebooklib import epub

from workers.engine.checks import model_outline, words_check
from workers.engine.checks_formats import check_docx, check_epub, check_text
from workers.engine.document import Cell, Document, Heading, Paragraph, Row, Table
from workers.engine.errors import RenderError
from workers.engine.render_pandoc import render_pandoc, table_grid

from .conftest import HEBREW, HOSTILE, picture_document, picture_pdf, rich_document


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    document = rich_document()
    document.blocks.append(Paragraph(HOSTILE))
    document.blocks.append(Paragraph(HEBREW))
    return {fmt: render_pandoc(document, fmt).content for fmt in ("docx", "epub", "text")}


def hostile_rich() -> Document:
    document = rich_document()
    document.blocks.extend([Paragraph(HOSTILE), Paragraph(HEBREW)])
    return document


def test_docx_has_word_heading_styles_tables_and_lists(outputs: dict[str, bytes]) -> None:
    word = docx.Document(io.BytesIO(outputs["docx"]))
    headings = [
        (int(p.style.name.split()[-1]), p.text)
        for p in word.paragraphs
        if p.style is not None and p.style.name.startswith("Heading ")
    ]
    # The first heading repeats the title, which Word shows in its Title style.
    outline = model_outline(hostile_rich())
    assert [p.text for p in word.paragraphs if p.style.name == "Title"] == [outline.headings[0][1]]
    assert headings == [(level - 1, text) for level, text in outline.headings[1:]]
    assert word.core_properties.title == "Garden waste collections"
    (table,) = word.tables
    assert [c.text for c in table.rows[1].cells] == ["140 litre", "£50", "£45"]
    assert table.rows[0].cells[1].text == "Cost per year"  # spans two columns
    texts = [p.text for p in word.paragraphs]
    assert HOSTILE in texts and HEBREW in texts
    assert check_docx(outputs["docx"], hostile_rich())["passed"]


def test_docx_pictures_carry_their_alt_text(tmp_path: Path) -> None:
    source = picture_pdf(tmp_path / "cmyk.pdf", "cmyk")
    content = render_pandoc(picture_document(alt="A test pattern"), "docx", source=source).content
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        xml = package.read("word/document.xml").decode()
        assert any(name.startswith("word/media/") for name in package.namelist())
    assert 'descr="A test pattern"' in xml


def test_epub_opens_with_nav_language_and_title(outputs: dict[str, bytes], tmp_path: Path) -> None:
    path = tmp_path / "book.epub"
    path.write_bytes(outputs["epub"])
    book = epub.read_epub(str(path))
    assert book.get_metadata("DC", "language")[0][0] == "en-GB"
    assert book.get_metadata("DC", "title")[0][0] == "Garden waste collections"
    navs = [item for item in book.get_items() if isinstance(item, epub.EpubNav)]
    assert navs, "no navigation document"
    nav = navs[0].get_content().decode()
    assert 'epub:type="toc"' in nav and "Charges" in nav
    text = " ".join(
        item.get_content().decode() for item in book.get_items_of_type(ebooklib.ITEM_DOCUMENT)
    )
    assert "&lt;script&gt;" in text and "<script>" not in text
    assert 'dir="rtl"' in text
    report = check_epub(outputs["epub"], hostile_rich())
    assert report["passed"], report


def test_plain_text_has_every_word_in_order(outputs: dict[str, bytes]) -> None:
    text = outputs["text"].decode("utf-8")
    assert HOSTILE in text  # plain text needs no escaping: the characters are the text
    assert "Garden waste collections" in text.splitlines()[0]
    assert words_check(text, hostile_rich())["passed"]
    assert check_text(outputs["text"], hostile_rich())["passed"]


def test_checks_fail_outputs_that_lost_something() -> None:
    document = hostile_rich()
    shorter = rich_document()
    shorter.blocks = [b for b in shorter.blocks if not isinstance(b, Heading)]
    docx_bytes = render_pandoc(shorter, "docx").content
    assert not check_docx(docx_bytes, document)["passed"]
    assert not check_text(render_pandoc(shorter, "text").content, document)["passed"]
    assert not check_epub(b"PK not really a zip", document)["passed"]
    assert not check_docx(b"not a docx", document)["passed"]


def test_pandoc_timeout_becomes_render_error() -> None:
    with pytest.raises(RenderError) as caught:
        render_pandoc(rich_document(), "epub", timeout=0.001)
    assert "timed out" in (caught.value.detail or "")
    assert not caught.value.bad_input


def test_missing_alt_is_counted_in_every_format(tmp_path: Path) -> None:
    source = picture_pdf(tmp_path / "gray.pdf", "gray")
    for fmt in ("docx", "epub", "text"):
        output = render_pandoc(picture_document(), fmt, source=source)  # type: ignore[arg-type]
        assert output.figures_without_alt == 1, fmt
        assert any("a person should describe them" in note for note in output.notes)


def test_ragged_tables_with_clashing_spans_are_made_whole() -> None:
    # As readers give them: a short row, a row span running off the table, a column span
    # running into a row span from above. pandoc refuses such a grid ("unassigned table
    # cell") unless every position is covered once.
    table = Table(
        rows=[
            Row([Cell("A", header=True), Cell("B", header=True), Cell("C", header=True)]),
            Row([Cell("tall", row_span=5), Cell("wide", col_span=4)]),
            Row([Cell("x", col_span=3)]),
            Row([Cell("short")]),
        ]
    )
    grid, width = table_grid(table.rows)
    assert width == 5
    # Every position covered once: the cells' areas add up to the grid's, and no span runs
    # off the bottom.
    assert sum(c.row_span * c.col_span for row in grid for c in row) == width * len(grid)
    assert all(r + c.row_span <= len(grid) for r, row in enumerate(grid) for c in row)
    assert [c.cell.text for c in grid[1]] == ["tall", "wide"]
    assert (grid[1][0].row_span, grid[1][1].col_span) == (3, 4)
    document = Document(title="T", blocks=[Heading("T", 1), table])
    for fmt in ("docx", "epub", "text"):
        content = render_pandoc(document, fmt).content  # type: ignore[arg-type]
        assert content, fmt
    assert check_text(render_pandoc(document, "text").content, document)["passed"]
