"""Text no one sees is not read, and the tagged output marks it as an artifact: words painted
white on the white page or on a white box, in render mode 3 (invisible), or with alpha 0 on
bare page. White text on a coloured band or a picture shows and is read; invisible text over
a scan (an OCR layer) or over drawn shapes (words turned to outlines) is the page's text and
is read. What each text object paints is read alike in C and in Python."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from workers.engine.document import Document, block_text
from workers.engine.layout import glyphs
from workers.engine.layout.glyphs import NO_INK, WHITE_INK, OpenedPage, text_paints
from workers.engine.layout.reader import read_layout
from workers.engine.tagged_pdf.tagger import tag_pdf

from ..tagged_pdf.conftest import checks_by_id
from .drawn_pdfs import helvetica_page

SHOWN = "Every payment over five hundred pounds made in the quarter is listed here."


def _words(doc: Document) -> list[str]:
    return " ".join(block_text(b) for b in doc.blocks).split()


def _prose(top: float = 740.0) -> list[str]:
    return [f"BT /F1 11 Tf 72 {top - 14 * k} Td ({SHOWN}) Tj ET" for k in range(4)]


def _hidden(doc: Document) -> str:
    return " ".join(a.text for a in doc.artifacts)


def test_white_text_on_the_white_page_is_an_artifact_not_read(tmp_path: Path) -> None:
    # A template's "SPACER TEXT" in white at the foot of the page, one glyph per text object
    # (as Quartz writes it), and a near-white keyword line: no one sees either.
    spacer = " ".join(f"BT /F1 10 Tf {20 + 8 * k} 30 Td ({ch}) Tj ET"
                      for k, ch in enumerate("SPACER"))
    path = helvetica_page(tmp_path / "white.pdf", [
        *_prose(), f"q 1 g {spacer} Q",
        "q 0.98 0.98 0.98 rg BT /F1 8 Tf 300 60 Td (keywords hidden for search) Tj ET Q",
    ])
    doc = read_layout(path, max_pages=5)
    words = _words(doc)
    assert "SPACER" not in words and "keywords" not in words and words.count("payment") == 4
    assert "SPACER" in _hidden(doc) and "keywords hidden for search" in _hidden(doc)
    checks = checks_by_id(tag_pdf(path, doc), path)
    for check in ("pixels", "content-tagged", "text-fidelity"):
        assert checks[check]["passed"], checks[check]


def test_white_text_on_a_white_box_is_unseen_on_a_coloured_band_read(tmp_path: Path) -> None:
    # A white box over a blue band: white text on the box shows nothing; white text on the
    # band beside the box is a heading everyone sees. A grey box under white text: read, and
    # white on a black glyph.
    path = helvetica_page(tmp_path / "boxes.pdf", [
        *_prose(),
        "0 0 0.6 rg 60 480 480 40 re f 1 g 300 470 200 60 re f",
        "1 g BT /F2 14 Tf 72 495 Td (Banner heading) Tj ET",
        "1 g BT /F1 10 Tf 320 495 Td (Filler on white) Tj ET",
        "0.5 g 60 400 300 30 re f 1 g BT /F1 10 Tf 72 410 Td (Grey band label) Tj ET",
        # (a white step number on a black glyph: the glyph is its background)
        "0 g BT /F2 40 Tf 72 300 Td (M) Tj ET 1 g BT /F2 12 Tf 82 310 Td (7) Tj ET",
    ])
    doc = read_layout(path, max_pages=5)
    words = _words(doc)
    assert "Banner" in words and "Grey" in words and "7" in " ".join(words)
    assert "Filler" not in words and "Filler on white" in _hidden(doc)


def test_invisible_text_is_unseen_on_bare_page_and_read_over_a_scan(tmp_path: Path) -> None:
    # Render mode 3 and a fill of alpha 0 on bare page: unseen (the mode is set back after
    # each, as it outlasts ET). Mode 3 over an image (an OCR
    # layer; here drawn before the image, as some scanners do) and over drawn shapes (words
    # turned to outlines): the page's text, read.
    path = helvetica_page(tmp_path / "invisible.pdf", [
        *_prose(),
        "BT 3 Tr /F1 10 Tf 72 600 Td (Invisible aside) Tj 0 Tr ET",
        "q /Gs0 gs BT /F1 10 Tf 72 580 Td (Transparent aside) Tj ET Q",
        "BT 3 Tr /F1 10 Tf 72 300 Td (Scanned words read) Tj 0 Tr ET",
        "q 200 0 0 40 60 290 cm /Im0 Do Q",
        "0 g 300 200 m 400 200 l 400 215 l h f",
        "BT 3 Tr /F1 10 Tf 300 202 Td (Outlined words read) Tj ET",
    ], images={"/Im0": (2, 2, bytes([200, 180, 160] * 4))})
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].Resources.ExtGState = pikepdf.Dictionary(
            Gs0=pikepdf.Dictionary(Type=pikepdf.Name.ExtGState, ca=0))
        pdf.save(path)
    doc = read_layout(path, max_pages=5)
    words = _words(doc)
    assert "Invisible" not in words and "Transparent" not in words
    assert "Scanned" in words and "Outlined" in words
    assert "Invisible aside" in _hidden(doc) and "Transparent aside" in _hidden(doc)
    checks = checks_by_id(tag_pdf(path, doc), path)
    for check in ("pixels", "content-tagged"):
        assert checks[check]["passed"], checks[check]


def test_text_paints_are_read_alike_in_c_and_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = helvetica_page(tmp_path / "paints.pdf", [
        f"q {ops} Q" for ops in (
            "BT /F1 11 Tf 72 740 Td (Black) Tj ET",
            "1 g BT /F1 11 Tf 72 720 Td (White) Tj ET",
            "BT 3 Tr /F1 11 Tf 72 700 Td (Invisible) Tj ET",
            "1 G BT 1 Tr /F1 11 Tf 72 680 Td (White outline) Tj ET",
            "1 g 0 G BT 2 Tr /F1 11 Tf 72 660 Td (White with black outline) Tj ET",
            "BT 7 Tr /F1 11 Tf 72 640 Td (Clip) Tj ET",
            "0.97 0.99 1 rg BT /F1 11 Tf 72 620 Td (Near white) Tj ET",
        )
    ])
    pdf = pdfium.PdfDocument(str(path))
    try:
        with OpenedPage(pdf, 0) as opened:
            page = glyphs._address(opened.page.raw)
            everything = list(range(-1, len(opened.content.object_kinds) + 2))
            answers = []
            if glyphs._accelerator is not None:
                # (In C, the objects asked of pdfium, or taken from the walk's object table:
                # the same objects; an index past the page's objects has none either way.)
                answers.append(text_paints(page, everything))
                assert opened.content.object_table is not None
                answers.append(text_paints(page, everything, opened.content.object_table))
            with monkeypatch.context() as patch:
                patch.setattr(glyphs, "_accelerator", None)
                answers.append(text_paints(page, everything))
    finally:
        pdf.close()
    assert opened.content.object_table is None  # (the addresses went with the page)
    assert all(a == answers[-1] for a in answers)
    assert answers[-1] == {1: WHITE_INK, 2: NO_INK, 3: WHITE_INK, 6: WHITE_INK}


def test_a_white_space_between_words_that_show_is_kept(tmp_path: Path) -> None:
    # Each word and each space its own text object (as Quartz writes them), the spaces
    # painted white: the words still read apart, and no artifact is made of spaces alone.
    x, ops = 72.0, []
    for word in ("Payments", "  ", "are", "  ", "listed"):
        colour = "1 g " if word.isspace() else ""
        ops.append(f"q {colour}BT /F1 11 Tf {x} 500 Td ({word}) Tj ET Q")
        x += 6 * len(word) + 1
    path = helvetica_page(tmp_path / "spaces.pdf", [*_prose(), *ops])
    doc = read_layout(path, max_pages=5)
    assert "Payments are listed" in " ".join(_words(doc))
    assert not doc.artifacts
