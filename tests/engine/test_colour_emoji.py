"""Colour emoji drawn by WeasyPrint ("✅ Approved", "🙂") are read by every reader, in place.

WeasyPrint draws an emoji of Noto Color Emoji (a bitmap font) as a picture over a glyph that
has no outline. pdfium's text page skips a text object of such glyphs (its bounds have no
width), so without :mod:`workers.engine.layout.unread_text` the layout reader, the structure
reader (both read glyphs through :func:`~workers.engine.layout.glyphs.read_page`) and the
tagger's read-back (:mod:`workers.engine.tagged_pdf.mcid_text`) all lost the emoji: a blind
reader never heard the "✅" a sighted reader sees. The PDFs are made here with WeasyPrint;
the tests skip where the colour emoji font is not installed (Debian's fonts-noto-color-emoji,
which scripts/install-system-packages.sh installs)."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
import weasyprint

from workers.engine.analyse import analyse
from workers.engine.checks import check_large_print
from workers.engine.document import Document, Heading, ListBlock, Paragraph, Table
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.lines import fragments, lines
from workers.engine.layout.reader import read_layout
from workers.engine.render_html import render_html
from workers.engine.render_large_print import render_large_print
from workers.engine.structure.strip import strip_structure
from workers.engine.tagged_pdf.checks import check_tagged_pdf, read_tagged_text
from workers.engine.tagged_pdf.tagger import tag_pdf

from .conftest import report_checks

HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Release</title>
<style>@page { size: A4; margin: 2cm } body { font: 11pt/1.4 'DejaVu Sans' }</style></head>
<body><h1>\u2705 Approved plan</h1>
<p>The build is ready \U0001F642 and the file \U0001F4C4 is attached.</p>
<ul><li>\u26a0\ufe0f Deadline tomorrow</li><li>\U0001F680 Launch next week</li></ul>
<table><tr><th>Status</th><th>Item</th></tr><tr><td>\u2705 Done</td><td>Report</td></tr>
</table></body></html>"""

HEADING = "\u2705 Approved plan"
PARAGRAPH = "The build is ready \U0001F642 and the file \U0001F4C4 is attached."
ITEMS = ["\u26a0\ufe0f Deadline tomorrow", "\U0001F680 Launch next week"]
CELL = "\u2705 Done"


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page, tagged by WeasyPrint (PDF/UA-1), its emoji drawn from the colour font."""
    path = tmp_path_factory.mktemp("emoji") / "emoji.pdf"
    weasyprint.HTML(string=HTML).write_pdf(path, pdf_variant="pdf/ua-1")
    with pikepdf.open(path) as pdf:
        fonts = pdf.pages[0].Resources.Font
        names = [str(fonts[key].get("/BaseFont", "")) for key in fonts.keys()]  # noqa: SIM118
    if not any("Emoji" in name for name in names):
        pytest.skip("no colour emoji font installed (Debian: fonts-noto-color-emoji, which "
                    f"scripts/install-system-packages.sh installs); fonts used: {names}")
    return path


@pytest.fixture(scope="module")
def stripped(tagged: Path) -> Path:
    """The same page with its tags taken off: read by the layout reader."""
    path = tagged.with_name("emoji-stripped.pdf")
    strip_structure(tagged, path)
    return path


def _texts(document: Document) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {"heading": [], "paragraph": [], "item": [], "cell": []}
    for block in document.blocks:
        if isinstance(block, Heading):
            out["heading"].append(block.text)
        elif isinstance(block, Paragraph):
            out["paragraph"].append(block.text)
        elif isinstance(block, ListBlock):
            out["item"].extend(" ".join(b.text for b in item.blocks  # type: ignore[attr-defined]
                                        ) for item in block.items)
        elif isinstance(block, Table):
            out["cell"].extend(cell.text for row in block.rows for cell in row.cells)
    return out


def _kept(texts: dict[str, list[str]]) -> None:
    assert HEADING in texts["heading"], texts
    assert any(PARAGRAPH in t for t in texts["paragraph"]), texts
    assert all(any(item in t for t in texts["item"]) for item in ITEMS), texts
    assert any(CELL in t for t in texts["cell"] + texts["paragraph"]), texts


def test_the_text_page_alone_skips_them(tagged: Path) -> None:
    # (What the readers mend: if pdfium ever reads them, this says why the others pass.)
    document = pdfium.PdfDocument(tagged)
    try:
        text = document[0].get_textpage().get_text_range()
    finally:
        document.close()
    assert "Approved plan" in text and "\u2705" not in text


def test_glyphs_keep_emoji_in_line_and_order(stripped: Path) -> None:
    document = pdfium.PdfDocument(stripped)
    try:
        content = read_page(document, 0)
    finally:
        document.close()
    line_texts = [" ".join(f.text for f in line.fragments)
                  for line in lines(fragments(content.glyphs))]
    assert HEADING in line_texts, line_texts
    emoji = [g for g in content.glyphs if g.char == "\u2705"]
    approved = next(g for g in content.glyphs if g.char == "A")
    # In the heading's line, before its first word, as big as its letters.
    assert emoji[0].x1 <= approved.x0 and emoji[0].size == approved.size
    assert emoji[0].y0 <= (approved.y0 + approved.y1) / 2 <= emoji[0].y1


def test_layout_reader_keeps_them(stripped: Path) -> None:
    _kept(_texts(read_layout(stripped, max_pages=1)))


def test_structure_reader_keeps_them(tagged: Path) -> None:
    document = analyse(tagged, max_pages=1)
    assert document.reader == "structure"
    _kept(_texts(document))


def test_html_says_them(stripped: Path) -> None:
    html = render_html(read_layout(stripped, max_pages=1), source=stripped).decode()
    assert HEADING in html and PARAGRAPH in html and CELL in html


def test_retagged_output_reads_them_back(stripped: Path) -> None:
    document = read_layout(stripped, max_pages=1)
    output = tag_pdf(stripped, document)
    assert not output.kept_author_tags
    read = read_tagged_text(output.content)
    assert any(t.startswith(HEADING) for t in read), read
    assert any(t.startswith(ITEMS[1]) for t in read), read
    assert any("ready \U0001F642" in t and "file \U0001F4C4" in t for t in read), read
    report = check_tagged_pdf(output.content, source=stripped,
                              expected_texts=output.expected_texts)
    fidelity = [c for c in report_checks(report) if c["id"] == "text-fidelity"]
    assert fidelity and fidelity[0]["passed"], fidelity


def test_kept_author_tags_read_them_back(tagged: Path) -> None:
    read = read_tagged_text(tagged.read_bytes())
    assert any(t.startswith(HEADING) for t in read), read
    assert any(t.startswith(CELL) for t in read), read


def test_large_print_prints_them_and_passes(stripped: Path) -> None:
    content = render_large_print(read_layout(stripped, max_pages=1), point_size=18,
                                 source=stripped)
    read = read_tagged_text(content)
    assert any(t.startswith(HEADING) for t in read), read
    failed = [c for c in report_checks(check_large_print(content, point_size=18))
              if not c["passed"]]
    assert not failed, failed
