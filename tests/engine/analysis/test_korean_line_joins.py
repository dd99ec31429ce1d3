"""Korean sets spaces between words and breaks a line at one as a rule, but may break it
between two letters of a word too (a word processor's Korean setting). The two are told
apart by the space the typesetter drew where it broke the line: a document that draws the
space at the end of a line broken between words (:attr:`.lines.Fragment.space_after`)
broke a full line ending with none inside a word, which reads on with no space
(:func:`workers.engine.layout.blocks.join_lines`). Where no line end shows a drawn space,
a missing one tells nothing, and the line keeps its space."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import Paragraph
from workers.engine.layout.blocks import Block, Hyphenation, full_in_their_columns, join_lines
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.line_breaks import cell_text, stacked
from workers.engine.layout.lines import Fragment
from workers.engine.layout.reader import read_layout
from workers.engine.structure.reader import read_structure

from .conftest import add_structure_tree

#: A paragraph's lines, full to its right edge but the last: a line broken between words
#: (ending in the space it broke at), one broken inside "국가기관", one broken between
#: "MERS" and the particle "와" it takes.
LINES = ["대한민국 헌법은 국민의 ", "기본권을 보장하고 국가", "기관의 조직과 MERS",
         "와 같은 질병을 다룬다."]
READ = "대한민국 헌법은 국민의 기본권을 보장하고 국가기관의 조직과 MERS와 같은 질병을 다룬다."


def _korean_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """Myeongjo, one of the standard Korean fonts a reader supplies (not embedded): its codes
    are UCS-2, so the text is read back without a font file; a space half an em wide."""
    descriptor = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/HYSMyeongJo-Medium"),
        Flags=6, FontBBox=[0, -200, 1000, 900], ItalicAngle=0, Ascent=880, Descent=-120,
        CapHeight=880, StemV=93,
    ))
    cid = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType0,
        BaseFont=pikepdf.Name("/HYSMyeongJo-Medium"), FontDescriptor=descriptor, DW=1000,
        W=[1, [500]],
        CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"),
                                         Ordering=pikepdf.String("Korea1"), Supplement=1),
    ))
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/HYSMyeongJo-Medium"), Encoding=pikepdf.Name("/UniKS-UCS2-H"),
        DescendantFonts=[cid],
    ))


def korean_page(path: Path, lines: list[str], *, tagged: bool = False) -> Path:
    """One page: ``lines`` one under another in 10-point Korean, each drawn with its spaces
    (a trailing one too) by one ``Tj``; ``tagged``: in one marked sequence, the page's one
    ``P``."""
    pdf = pikepdf.new()
    ops = [f"BT /F1 10 Tf 72 {700 - 14 * k} Td <{text.encode('utf-16-be').hex()}> Tj ET"
           for k, text in enumerate(lines)]
    if tagged:
        ops = ["/P <</MCID 0>> BDC", *ops, "EMC"]
    page = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=_korean_font(pdf))),
        Contents=pdf.make_stream("\n".join(ops).encode()),
    ))
    pdf.pages.append(pikepdf.Page(page))
    if tagged:
        add_structure_tree(pdf, pdf.pages[0], _one_paragraph)
    pdf.save(path)
    return path


def _one_paragraph(pdf: pikepdf.Pdf, document: pikepdf.Object,
                   page: pikepdf.Page) -> tuple[list[pikepdf.Object], dict[int, pikepdf.Object]]:
    """The page's one ``P``, holding its one marked sequence (MCID 0)."""
    paragraph = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=document, Pg=page.obj,
        K=pikepdf.Array([0])))
    return [paragraph], {0: paragraph}


def _paragraphs(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Paragraph)]


def test_a_korean_word_broken_at_a_line_end_reads_whole(tmp_path: Path) -> None:
    # The first line ends in the space it was broken at: the typesetter draws them, so the
    # next lines, ended with none, broke inside a word ("국가" "기관의", "MERS" "와").
    assert _paragraphs(korean_page(tmp_path / "ko.pdf", LINES)) == [READ]


def test_the_structure_reader_joins_a_tagged_korean_paragraph_alike(tmp_path: Path) -> None:
    document = read_structure(korean_page(tmp_path / "ko.pdf", LINES, tagged=True),
                              max_pages=1)
    assert document.reader == "structure", document.warnings
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == [READ]


def test_korean_lines_keep_their_space_where_no_line_end_shows_one(tmp_path: Path) -> None:
    # No line ends in a drawn space (most typesetters drop it): a missing space tells
    # nothing, and Korean breaks lines between words as a rule.
    lines = [text.rstrip() for text in LINES]
    read = "대한민국 헌법은 국민의 기본권을 보장하고 국가 기관의 조직과 MERS 와 같은 질병을 다룬다."
    assert _paragraphs(korean_page(tmp_path / "ko.pdf", lines)) == [read]


def _piece(text: str, y0: float, *, before: bool | None, after: bool | None) -> Fragment:
    glyphs = [Glyph(c, 72 + 10 * k, y0, 82 + 10 * k, y0 + 10, 10.0, False, "F", 0, -1)
              for k, c in enumerate(text)]
    return Fragment(glyphs, text, 72, y0, 72 + 10 * len(text), y0 + 10, before, after)


def test_a_space_drawn_at_either_side_of_the_break_keeps_it() -> None:
    spaced = Hyphenation([])
    spaced.spaced_line_ends = True
    for before, after, read in ((False, False, "국가기관의"), (True, False, "국가 기관의"),
                                (False, True, "국가 기관의"), (None, None, "국가 기관의")):
        block = Block(0, hyphenation=spaced)
        block.add(_piece("국가", 700, before=None, after=after))
        block.add(_piece("기관의", 686, before=before, after=None))
        # (Both lines full: the block is as wide as its longer line, less than a size more.)
        assert block.text == read, (before, after)
    # Without the document's evidence, a missing space keeps its space too.
    assert join_lines(["국가", "기관의"], Hyphenation([])) == "국가 기관의"


@pytest.mark.parametrize(("lines", "read"), [
    (["보험실무상 혼선이 초래되어 이", "에 대하여"], "보험실무상 혼선이 초래되어 이에 대하여"),
    (["질병분류기호는 “U07.1”", "로 표시하고"], "질병분류기호는 “U07.1”로 표시하고"),
    (["면책사유(U00~09)", "에 포함된다고"], "면책사유(U00~09)에 포함된다고"),
    (["SARS나 MERS", "와 같이"], "SARS나 MERS와 같이"),
    # A sentence or a clause ended, a line opening in another script: the space stays.
    (["제2급감염병으로 변경되었다.", "대신에"], "제2급감염병으로 변경되었다. 대신에"),
    (["콜레라, 장티푸스,", "파라티푸스"], "콜레라, 장티푸스, 파라티푸스"),
    (["발행인 김하중 국회입법조사처장", "www.nars.go.kr"],
     "발행인 김하중 국회입법조사처장 www.nars.go.kr"),
    (["reported in", "2020"], "reported in 2020"),
])
def test_a_line_broken_with_no_space_drawn_goes_on_into_korean(
    lines: list[str], read: str
) -> None:
    # Every break here has no space drawn on either side, in a document that draws them.
    assert join_lines(lines, None, None, lambda k: True) == read


def test_a_table_cells_korean_word_broken_at_a_line_end_reads_whole() -> None:
    # A cell's lines are read as a block's: a full line ended with no space drawn, in a
    # document that draws them, broke a word ("파라" "티푸스"); one ended in its drawn
    # space broke between words.
    spaced = Hyphenation([])
    spaced.spaced_line_ends = True
    broken = stacked(_piece("장티푸스, 파라", 700, before=None, after=False),
                     _piece("티푸스, 콜레라", 686, before=False, after=None))
    assert cell_text(broken, spaced) == "장티푸스, 파라티푸스, 콜레라"
    between = stacked(_piece("장티푸스, 파라", 700, before=None, after=True),
                      _piece("티푸스, 콜레라", 686, before=False, after=None))
    assert cell_text(between, spaced) == "장티푸스, 파라 티푸스, 콜레라"
    # A piece set beside a line: the line ends where the piece does, as the piece ends.
    beside = _shifted(_piece("파라", 700, before=False, after=False), 55)
    cell = stacked(stacked(_piece("장티푸스,", 700, before=None, after=True), beside),
                   _piece("티푸스, 콜레라", 686, before=False, after=None))
    assert cell_text(cell, spaced) == "장티푸스, 파라티푸스, 콜레라"


def test_a_tagged_paragraph_over_two_columns_measures_each_line_in_its_own() -> None:
    # The left column's lines (x 72 to 92) end far short of the right column's (to 370):
    # each is full in its own column; the right column's short line is not.
    left = [_piece("국가", 700, before=None, after=False),
            _piece("기관", 686, before=None, after=None)]
    right = [_shifted(_piece("의 조직과", 700, before=None, after=None), 220),
             _shifted(_piece("권한을 정한다.", 686, before=None, after=None), 220)]
    runs_on = full_in_their_columns([*left, *right])
    assert [runs_on(k) for k in (1, 2, 3)] == [True, True, False]


def _shifted(f: Fragment, dx: float) -> Fragment:
    return Fragment(f.glyphs, f.text, f.x0 + dx, f.y0, f.x1 + dx, f.y1, f.space_before,
                    f.space_after)
