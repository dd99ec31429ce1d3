"""A preformatted paragraph (a code listing) in every output: its lines and indentation kept
and read as code — HTML ``<pre><code>``, large print PDF and DOCX in a fixed-pitch face at
the reader's size (long lines wrap at the page width), pandoc's code block in DOCX, EPUB and
plain text, and ``Code`` in the tagged PDF."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import pypdfium2 as pdfium
import pytest

from workers.engine.checks import check_html, check_large_print, read_html
from workers.engine.checks_large_print import read_back
from workers.engine.document import Document, Paragraph
from workers.engine.render_html import build_html
from workers.engine.render_large_print import preformatted_text, render_large_print
from workers.engine.render_large_print_docx import DOCX_MONO, render_large_print_docx
from workers.engine.render_pandoc import render_pandoc
from workers.engine.tagged_pdf.plan import plan_structure

LISTING = "\n".join([
    "def area(shape):",
    "    if shape.kind == 'circle':   # <round> & done",
    "        return 3.14 * shape.r ** 2",
    "",
    "    return shape.w * shape.h",
])
LONG_LINE = "    total = " + " + ".join(f"value_{k}" for k in range(40))


def _document(code: str = LISTING) -> Document:
    return Document(title="Areas", language="en", blocks=[
        Paragraph("The function below works out the area of a shape."),
        Paragraph(code, preformatted=True),
        Paragraph("Each branch returns at once."),
    ])


def test_html_keeps_lines_and_indentation_in_pre_code() -> None:
    page = build_html(_document()).html
    block = page.split("<pre>", 1)[1].split("</pre>", 1)[0]
    assert block.startswith("<code>") and block.endswith("</code>")
    # One block per line, its indent kept; a line wrapped on a narrow screen hangs two
    # characters in from where its text starts (a blank line holds a space, so it shows).
    spans = re.findall(r'<span class="line" style="padding-left: min\((\d+)ch, 50%\); '
                       r'text-indent: max\(-(\d+)ch, -100%\)">(.*?)</span>', block)
    escaped = (LISTING.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
               .replace("'", "&#x27;"))
    assert [text for _, _, text in spans] == [line or " " for line in escaped.split("\n")]
    assert [int(pad) for pad, _, _ in spans] == [2, 6, 10, 2, 6]
    assert all(pad == indent for pad, indent, _ in spans)
    # Prose stays in paragraphs; the page's checks pass, its words all read.
    assert "<p>The function below works out the area of a shape.</p>" in page
    assert check_html(page.encode(), _document())["passed"]
    assert "area(shape):" in read_html(page.encode()).main_text()


def test_html_code_hang_is_at_most_half_the_width() -> None:
    # A line indented nearly as wide as a phone's screen (320 px: about 30 characters) must
    # not wrap its words into a column two letters wide: the hang is capped at half the
    # listing's width, and the first line still starts at the margin.
    page = build_html(_document(" " * 40 + "FLAGS in rest: case sensitive")).html
    assert 'style="padding-left: min(42ch, 50%); text-indent: max(-42ch, -100%)"' in page


def test_html_pre_wraps_long_lines_in_a_fixed_pitch_face() -> None:
    page = build_html(_document()).html
    css = page.split("<style>", 1)[1].split("</style>", 1)[0]
    rule = css.split("\npre {", 1)[1].split("}", 1)[0]
    assert "white-space: pre-wrap" in rule and "monospace" in rule
    assert "font-size: 1em" in rule


def test_preformatted_text_keeps_indents_drops_controls_and_blank_ends() -> None:
    assert preformatted_text("\n\n  a\x00b  \r\n    c\t\n\n") == "  ab\n    c"


@pytest.mark.parametrize("size", [16, 24])
def test_large_print_pdf_sets_code_monospaced_at_the_size(size: int) -> None:
    content = render_large_print(_document(f"{LISTING}\n{LONG_LINE}"), point_size=size)
    facts = read_back(content)
    assert facts.too_small(size) == 0
    report = check_large_print(content, point_size=size)
    assert report["passed"], report
    pdf = pdfium.PdfDocument(content)
    try:
        text = pdf[0].get_textpage()
        whole = text.get_text_range()
        lefts = {}
        for start in ("def area", "if shape", "return 3.14", "return shape.w"):
            at = whole.index(start)
            lefts[start] = text.get_charbox(at)[0]
        pitch = text.get_charbox(whole.index("def area") + 1)[0] - lefts["def area"]
        lines = [line for page in pdf for line in page.get_textpage().get_text_range().split("\n")]
        # Where the lines the long line wraps onto start.
        wrapped_lefts = [
            text.get_charbox(at)[0] for at in range(1, len(whole))
            if whole[at - 1] == "\n" and whole[at:].lstrip("+ ").startswith("value_")
        ]
        rights = [
            text.get_charbox(i)[2] for i in range(text.count_chars())
            if text.get_text_range(i, 1).strip()
        ]
    finally:
        pdf.close()
    # Each line of the listing starts on a line of its own, at its indent (in characters of
    # the fixed-pitch face, one of which is the reader's size or wider).
    assert pitch >= 0.5 * size
    indents = [round((x - lefts["def area"]) / pitch) for x in lefts.values()]
    assert indents == [0, 4, 8, 4]
    assert any(line.startswith("def area(shape):") for line in lines)
    # The long line wraps inside the page (A4 less its margins), never shrinks.
    assert max(rights) <= 595 - 56.69 + 1
    assert sum("value_" in line for line in lines) > 3
    # Wrapped parts hang two characters in from where the line's text starts (indent 4):
    # not back at the margin, where they would read as new, unindented lines.
    assert wrapped_lefts
    assert all(round((x - lefts["def area"]) / pitch) == 6 for x in wrapped_lefts)


def test_large_print_pdf_uses_a_monospaced_face_for_code() -> None:
    from .large_print.conftest import font_names

    names = font_names(render_large_print(_document(), point_size=18))
    assert any("Mono" in n for n in names), names
    assert any("LiberationSans" in n.replace("-", "") for n in names), names


def test_large_print_docx_code_block_monospaced_at_the_size() -> None:
    content = render_large_print_docx(_document(), point_size=20)
    word = docx.Document(io.BytesIO(content))
    style = word.styles["Source Code"]
    assert style.font.name == DOCX_MONO and style.font.size.pt == 20
    assert word.styles["Verbatim Char"].font.size.pt == 20
    code = [p for p in word.paragraphs if p.style.name == "Source Code"]
    assert code
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        xml = package.read("word/document.xml").decode()
    # Lines are kept (line breaks) with their leading spaces.
    assert "<w:br />" in xml or "<w:br/>" in xml
    assert ">        return 3.14 * shape.r ** 2<" in xml


@pytest.mark.parametrize("fmt", ["text", "epub"])
def test_pandoc_formats_keep_the_listing(fmt: str) -> None:
    content = render_pandoc(_document(), fmt).content  # type: ignore[arg-type]
    if fmt == "text":
        text = content.decode()
        # Plain text indents a code block as a whole; its own indents stay under it.
        block = [line for line in text.splitlines() if "shape" in line and "area of" not in line]
        indent = len(block[0]) - len(block[0].lstrip())
        assert [line[indent:] for line in block] == [
            line for line in LISTING.split("\n") if "shape" in line
        ]
    else:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            pages = [package.read(n).decode() for n in package.namelist()
                     if n.endswith(".xhtml")]
        assert any("<pre><code>def area(shape):\n    if shape.kind" in page for page in pages)


def test_tagged_pdf_plans_code_for_a_listing() -> None:
    plan = plan_structure(_document())
    roles = [node.role for node in plan.walk()]
    assert "Code" in roles and roles.count("P") == 2
