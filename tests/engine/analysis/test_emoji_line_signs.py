"""An emoji opening one line ("✅ Deployment successful!", a command's report) says
something of that line: no list's bullet. The same sign opening each of several lines in a
row marks their points, as any bullet does. Small PDFs made here with WeasyPrint.

The sign is drawn in a face made here (a box for its glyph), so that these tests need no
colour emoji font (Noto Color Emoji's glyphs WeasyPrint draws as pictures over outline-less
glyphs, read by :mod:`workers.engine.layout.unread_text`: tests/engine/test_colour_emoji.py);
what these tests check is how a sign read at a line's start is taken, whatever draws it."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from weasyprint.text.fonts import FontConfiguration

from tests.engine.tagged_pdf.box_fonts import truetype_bytes
from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf

SIGN = "\u2705"


@pytest.fixture
def sign_css(tmp_path: Path) -> str:
    """CSS giving ``.sign`` a TrueType face whose one glyph, a box, is mapped from SIGN."""
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder([".notdef", "sign"])
    builder.setupCharacterMap({ord(SIGN): "sign"})
    pen = TTGlyphPen(None)
    for x, y in ((100, 0), (800, 0), (800, 700), (100, 700)):
        (pen.lineTo if x != 100 or y != 0 else pen.moveTo)((x, y))
    pen.closePath()
    builder.setupGlyf({".notdef": TTGlyphPen(None).glyph(), "sign": pen.glyph()})
    builder.setupHorizontalMetrics({".notdef": (900, 0), "sign": (900, 100)})
    path = tmp_path / "sign-face.ttf"
    path.write_bytes(truetype_bytes(builder, "SignFace"))
    return f"@font-face {{ font-family: SignFace; src: url({path.as_uri()}) }} " \
           ".sign { font-family: SignFace }"


def sign(text: str = "") -> str:
    return f'<span class="sign">{SIGN}\ufe0e</span>{text}'


def test_an_emoji_opening_one_line_is_no_bullet(html_pdf: HtmlPdf, sign_css: str) -> None:
    path = html_pdf(
        f"<p>{LOREM}</p><p>Deploying to the cloud...<br>{sign(' Deployment successful!')}<br>"
        f"Your app is ready.</p><p>{LOREM}</p>", css=sign_css, font_config=FontConfiguration()
    )
    blocks = read_layout(path, max_pages=1).blocks
    assert not any(isinstance(b, ListBlock) for b in blocks)
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert any("\u2705 Deployment successful!" in t for t in texts), texts


def test_an_emoji_opening_several_lines_marks_their_points(
    html_pdf: HtmlPdf, sign_css: str
) -> None:
    points = ["Fast to code", "Fewer bugs", "Easy to learn"]
    path = html_pdf(
        f"<p>{LOREM}</p>" + "".join(f"<p>{sign(' ' + p)}</p>" for p in points)
        + f"<p>{LOREM}</p>", css=sign_css, font_config=FontConfiguration()
    )
    lists = [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, ListBlock)]
    assert [[item.label for item in lst.items] for lst in lists] == [["\u2705"] * 3]
    assert [item.blocks[0].text for item in lists[0].items] == points  # type: ignore[union-attr]
