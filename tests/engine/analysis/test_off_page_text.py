"""Text drawn wholly outside the visible page is not read, and the tagged output marks it as
an artifact: the other half of a spread drawn beside the page, a title set above the crop box.
A line the page's edge cuts is read where it shows."""

from __future__ import annotations

import math
from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import Document, block_text
from workers.engine.layout import off_page
from workers.engine.layout.glyphs import Glyph, PageContent
from workers.engine.layout.off_page import all_inside, take_off_page
from workers.engine.layout.reader import read_layout
from workers.engine.tagged_pdf.tagger import tag_pdf

from ..tagged_pdf.conftest import checks_by_id
from .drawn_pdfs import helvetica_page

SHOWN = "Every payment over five hundred pounds made in the quarter is listed here."


def _words(doc: Document) -> list[str]:
    return " ".join(block_text(b) for b in doc.blocks).split()


def _spread_half(path: Path) -> Path:
    """A letter page showing its own paragraph, with the facing page's table drawn beside it
    (to the right of the page, x > 612) and a title set above its top, as a spread exported
    page by page leaves them."""
    ops = [f"BT /F1 11 Tf 72 {700 - 14 * k} Td ({SHOWN}) Tj ET" for k in range(4)]
    ops += [f"BT /F1 11 Tf 700 {600 - 14 * k} Td (Facing cell {k}) Tj ET" for k in range(5)]
    ops += ["BT /F2 16 Tf 72 820 Td (Title above the page) Tj ET"]
    return helvetica_page(path, ops)


def test_text_beside_the_page_is_an_artifact_not_read(tmp_path: Path) -> None:
    doc = read_layout(_spread_half(tmp_path / "spread.pdf"), max_pages=5)
    words = _words(doc)
    assert "Facing" not in words and "Title" not in words
    assert words.count("payment") == 4
    (off,) = [a for a in doc.artifacts if "Facing" in a.text]
    assert "Title above the page" in off.text
    assert off.prov[0].operators  # (so the tagger marks its operators)
    assert off.prov[0].bbox.x1 > 612


def test_spaces_alone_past_the_edge_are_left_as_they_are() -> None:
    content = PageContent(0, 612.0, 792.0, 0)
    word = [Glyph(ch, 560 + 8 * k, 700, 567 + 8 * k, 710, 11, False, "F1", 0, -1)
            for k, ch in enumerate("edge")]
    space = Glyph(" ", 620, 700, 620, 710, 11, False, "F1", -1, -1)
    content.glyphs = [*word, space]
    assert take_off_page(content, (0, 0, 612, 792)) == []
    assert content.glyphs == [*word, space]
    far = Glyph("x", 700, 700, 706, 710, 11, False, "F1", 1, -1)
    content.glyphs = [*word, space, far]
    assert take_off_page(content, (0, 0, 612, 792)) == [space, far]
    assert content.glyphs == word


def test_text_outside_the_crop_box_is_not_read(tmp_path: Path) -> None:
    # The media box holds the text; the crop box, what is shown, does not.
    path = helvetica_page(tmp_path / "cropped.pdf", [
        f"BT /F1 11 Tf 72 700 Td ({SHOWN}) Tj ET",
        "BT /F1 11 Tf 72 100 Td (Printer's slug below the trim) Tj ET",
    ])
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].obj.CropBox = [0, 200, 612, 792]
        pdf.save(path)
    words = _words(read_layout(path, max_pages=5))
    assert "slug" not in words and "payment" in words


def test_text_on_a_page_whose_media_box_is_inherited_is_read(tmp_path: Path) -> None:
    # An A4 page inheriting its /MediaBox from the page tree node: pdfium's box accessors do
    # not find it (pypdfium2 falls back to US Letter, 792 high), but the page is drawn A4,
    # its title at 820 in sight.
    path = helvetica_page(tmp_path / "a4.pdf", [
        "BT /F2 16 Tf 72 820 Td (Title at the top of an A4 page) Tj ET",
        f"BT /F1 11 Tf 72 700 Td ({SHOWN}) Tj ET",
    ])
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        del pdf.pages[0].obj["/MediaBox"]
        pdf.Root.Pages.MediaBox = pikepdf.Array([0, 0, 595.28, 841.89])
        pdf.save(path)
    words = _words(read_layout(path, max_pages=5))
    assert "Title" in words and "payment" in words


def test_a_line_cut_by_the_edge_is_read_where_it_shows(tmp_path: Path) -> None:
    # One operator draws "Visible start" on the page and "hidden end" past its right edge:
    # the shown words are read, the rest is cut off into an artifact, pixels unchanged.
    path = helvetica_page(tmp_path / "edge.pdf", [
        f"BT /F1 11 Tf 72 700 Td ({SHOWN}) Tj ET",
        "BT /F1 11 Tf 520 500 Td (Visible start                 hidden end) Tj ET",
    ])
    doc = read_layout(path, max_pages=5)
    words = _words(doc)
    assert "Visible" in words and "start" in words
    assert "hidden" not in words and "end" not in words
    tagged = tag_pdf(path, doc)
    checks = checks_by_id(tagged, path)
    for check in ("pixels", "content-tagged", "text-fidelity"):
        assert checks[check]["passed"], checks[check]


SANS = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


def _sans_page(path: Path, operators: list[bytes]) -> Path:
    """A letter page drawing ``operators`` with /F1 Liberation Sans, embedded, in
    WinAnsiEncoding (printable ASCII), its descriptor giving no ascent or descent, as
    LibreOffice writes it: pdfium then boxes each glyph by its own outline's height."""
    from fontTools.ttLib import TTFont

    program = SANS.read_bytes()
    face = TTFont(SANS)
    scale = 1000 / face["head"].unitsPerEm
    cmap, metrics = face.getBestCmap(), face["hmtx"].metrics
    widths = [round(metrics[cmap[code]][0] * scale) for code in range(32, 127)]
    pdf = pikepdf.new()
    descriptor = pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/LiberationSans"), Flags=32,
        FontBBox=[-544, -303, 1302, 980], ItalicAngle=0, Ascent=0, Descent=0,
        CapHeight=729, StemV=80, FontFile2=pdf.make_stream(program, Length1=len(program)),
    )
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.TrueType,
        BaseFont=pikepdf.Name("/LiberationSans"), FirstChar=32, LastChar=126, Widths=widths,
        Encoding=pikepdf.Name.WinAnsiEncoding, FontDescriptor=pdf.make_indirect(descriptor),
    ))
    page = pdf.add_blank_page(page_size=(612, 792))
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(b"\n".join(operators))
    pdf.save(path)
    return path


def test_a_word_run_off_the_foot_is_not_read_by_its_tall_letters(tmp_path: Path) -> None:
    # A slide's text overflowing its foot: the last line's baseline 29 pt under the page,
    # only the tops of "i" and "d" reaching onto it. Its words are an artifact, not read as the
    # letters that reach onto the page ("Review waste ... the id it"), and the operator is
    # not cut inside a word.
    # (A face embedded as LibreOffice embeds it, so that each glyph is as tall as its own
    # outline; a standard face not embedded is boxed by its ascent and descent.)
    if not SANS.is_file():
        pytest.skip("fonts-liberation not installed")
    path = _sans_page(tmp_path / "overflow.pdf", [
        b"BT /F1 20 Tf 72 40 Td (Review waste collection where the) Tj ET",
        b"BT /F1 40 Tf 72 -29.2 Td (evidence supports) Tj ET",
    ])
    doc = read_layout(path, max_pages=5)
    assert _words(doc) == ["Review", "waste", "collection", "where", "the"]
    (off,) = [a for a in doc.artifacts if "evidence" in a.text]
    assert off.text == "evidence supports"
    tagged = tag_pdf(path, doc)
    checks = checks_by_id(tagged, path)
    for check in ("pixels", "content-tagged", "text-fidelity"):
        assert checks[check]["passed"], checks[check]


def test_a_word_mostly_on_the_page_is_read_whole() -> None:
    # "edge" with its last letter past the right edge: three of four letters show.
    content = PageContent(0, 612.0, 792.0, 0)
    word = [Glyph(ch, 590 + 8 * k, 700, 597 + 8 * k, 710, 11, False, "F1", 0, -1)
            for k, ch in enumerate("edge")]
    content.glyphs = list(word)
    assert take_off_page(content, (0, 0, 612, 792)) == [word[-1]]
    # "edges" with three of five letters wholly past it: the word goes with them.
    wider = [Glyph(ch, 598 + 8 * k, 700, 605 + 8 * k, 710, 11, False, "F1", 0, -1)
             for k, ch in enumerate("edges")]
    content.glyphs = list(wider)
    assert take_off_page(content, (0, 0, 612, 792)) == wider


def test_c_and_python_tell_alike_whether_every_glyph_is_on_the_page() -> None:
    if off_page._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    bounds = (-1.0, -1.0, 613.0, 793.0)
    inside = Glyph("a", 10.0, 10.0, 16.0, 20.0, 11.0, False, "F1", 0, -1)
    edges = [  # (each edge of the bounds touched, and just passed)
        Glyph("b", 613.0, 10.0, 620.0, 20.0, 11.0, False, "F1", 0, -1),
        Glyph("c", 613.5, 10.0, 620.0, 20.0, 11.0, False, "F1", 0, -1),
        Glyph("d", -9.0, 10.0, -1.0, 20.0, 11.0, False, "F1", 0, -1),
        Glyph("e", -9.0, 10.0, -1.5, 20.0, 11.0, False, "F1", 0, -1),
        Glyph("f", 10.0, 793.0, 16.0, 800.0, 11.0, False, "F1", 0, -1),
        Glyph("g", 10.0, 793.5, 16.0, 800.0, 11.0, False, "F1", 0, -1),
        Glyph("h", 10.0, -9.0, 16.0, -1.0, 11.0, False, "F1", 0, -1),
        Glyph("i", 10.0, -9.0, 16.0, -1.5, 11.0, False, "F1", 0, -1),
        Glyph("j", math.nan, 10.0, 16.0, 20.0, 11.0, False, "F1", 0, -1),
        Glyph("k", 10.0, 10.0, 16.0, math.inf, 11.0, False, "F1", 0, -1),
        Glyph("l", 10, 10, 16, 20, 11, False, "F1", 0, -1),  # (ints: left to Python)
        Glyph("m", 700, 10.0, 706, 20.0, 11.0, False, "F1", 0, -1),
    ]
    runs = [[], [inside], *([inside, g] for g in edges), [inside, *edges]]
    fast = [all_inside(run, *bounds) for run in runs]
    slow = [off_page._python_all_inside(run, *bounds) for run in runs]
    assert fast == slow
    assert fast[:4] == [True, True, True, False]
    assert off_page._accelerator.all_inside(runs[-3], *bounds) is NotImplemented
    assert off_page._accelerator.all_inside([inside], 0, 0, 612.0, 792.0) is NotImplemented
