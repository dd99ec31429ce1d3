"""Text after a ``TJ`` array holding an empty string stands where the PDF places it, not where
pdfium does (it drops the move after the array's last drawn string): workers.engine.layout.
respacing. groff's gropdf writes every word space at a font change that way."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from tests.engine.content_pdfs import text_page, text_page_pdf
from workers.engine.analyse import analyse
from workers.engine.document import block_text
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.reader import read_layout
from workers.engine.layout.respacing import Respacing, drops_a_move, may_misplace
from workers.engine.tagged_pdf.checks import check_tagged_pdf
from workers.engine.tagged_pdf.tagger import tag_pdf

#: Two words set apart by a move after the first (500/1000 of 12 pt: 6 pt), then an empty
#: string, as gropdf writes it; a third word set apart the same way without one.
GROPDF_LINE = [
    b"BT /F1 12 Tf 72 700 Td",
    b"[(See) -500 (the) -500 (subsection) -500 ()] TJ",
    b"(Special) Tj",
    b"[( File) -500] TJ (Names) Tj",
    b"ET",
]


def _text(path: Path) -> str:
    return " ".join(block_text(b) for b in read_layout(path, max_pages=5).blocks)


def test_the_move_before_an_empty_string_is_read(tmp_path: Path) -> None:
    path = text_page_pdf(tmp_path / "gropdf.pdf", GROPDF_LINE)
    # pdfium alone drops the move: the next word touches "subsection" (what this corrects).
    with pdfium.PdfDocument(str(path)) as pdf:
        glyphs = read_page(pdf, 0).glyphs
    drawn = "".join(g.char for g in glyphs)
    assert "subsectionSpecial" in drawn
    assert _text(path) == "See the subsection Special File Names"


def test_a_page_without_one_is_read_from_the_source(tmp_path: Path) -> None:
    path = text_page_pdf(tmp_path / "plain.pdf", [
        b"BT /F1 12 Tf 72 700 Td [(See) -500 (the) -500 (subsection) -500] TJ",
        b"(Special) Tj ET",
    ])
    with pdfium.PdfDocument(str(path)) as pdf:
        respacing = Respacing(path, pdf, max_pages=5)
        assert respacing.document_for(0) is pdf
        assert respacing.pages is None  # (never looked at closely: no empty string)
        respacing.close()
    assert _text(path) == "See the subsection Special"


def test_only_a_dropped_move_counts() -> None:
    def array(*items: object) -> pikepdf.Array:
        return pikepdf.Array([pikepdf.String(i) if isinstance(i, str) else i for i in items])

    assert drops_a_move(array("a", -273.7, ""))
    assert drops_a_move(array("a", "", -273.7))
    assert drops_a_move(array("", -200))  # nothing drawn: the move alone
    assert not drops_a_move(array("a", -273.7))  # no empty string: pdfium moves
    assert not drops_a_move(array("a", "", "b"))  # nothing after the last string
    assert not drops_a_move(array("a", "", 5, "b", 0))  # a move between strings is kept


def test_the_tagged_output_keeps_the_source_and_passes_its_checks(tmp_path: Path) -> None:
    path = text_page_pdf(tmp_path / "gropdf.pdf", [
        b"BT /F1 14 Tf 72 740 Td (Heading) Tj ET",
        *GROPDF_LINE,
    ])
    document = analyse(path, max_pages=5)
    tagged = tag_pdf(path, document)
    report = check_tagged_pdf(tagged.content, source=path, expected_texts=tagged.expected_texts)
    failed = [c["id"] for c in report["checks"] if not c["passed"]]  # type: ignore[union-attr]
    assert failed == []
    # The operators are the source's: the empty string is still drawn (nothing) there.
    with pikepdf.open(io.BytesIO(tagged.content)) as out:
        shown = pikepdf.parse_content_stream(out.pages[0], "TJ")
        assert any(len(bytes(item)) == 0 for i in shown for item in i.operands[0]
                   if isinstance(item, pikepdf.String))


#: TJ arrays as content bytes, and whether pdfium drops a move in each.
ARRAYS = [
    (rb"[(See) -273.7 (the) -273.7 ()] TJ", True),
    (rb"[(See) -273.7 ()]" + b"\n" + rb"TJ", True),
    (rb"[<2929> -5 <>] TJ", True),
    (rb"[() -200] TJ", True),
    (rb"[(a) () 5 (b) -30] TJ", True),
    (rb"[(a) -30] TJ", False),
    (rb"[(a)()] TJ", False),
    (rb"[(a) () 0] TJ", False),
    (rb"[(ax\()] TJ", False),  # an escaped bracket: no empty string
    (rb"[<2929>-278(:=)-277(m)-1(ax\()] TJ", False),
    (rb"() Tj [(a) -5] TJ", False),  # the empty string is no array's
    (rb"<<>> BDC [(a) -5] TJ", False),
]


def test_the_cheap_test_on_the_bytes_agrees_with_parsing() -> None:
    for content, dropped in ARRAYS:
        assert may_misplace(content) is dropped, content
        _, page = text_page(b"BT /F1 10 Tf " + content + b" ET")
        parsed = [i.operands[0] for i in pikepdf.parse_content_stream(page, "TJ")]
        assert any(drops_a_move(array) for array in parsed) is dropped, content


def test_the_cheap_test_is_bounded() -> None:
    # Empty strings everywhere and brackets far off or everywhere: each stretch of the
    # bytes is searched a few times at most, not once per empty string.
    assert not may_misplace(b"() Tj " * 200_000 + b"]")
    assert not may_misplace(b"() [ " * 200_000 + b"]")
    assert not may_misplace(b"[" + b"() " * 200_000 + b"] Tj")
