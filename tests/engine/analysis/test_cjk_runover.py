"""A paragraph broken by a page or column break in Korean, Chinese or Japanese is read in one
go, though those scripts have no small letters to show a sentence going on: the first half
leaves its sentence unfinished (no full stop, no Korean declarative ending "다"), the second
opens with a letter of the same script, not an item's label. A Korean word the break fell
inside reads whole where the document draws the spaces it breaks lines at (see
:mod:`.test_korean_line_joins`)."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import BBox, Paragraph, Prov
from workers.engine.layout.reader import read_layout
from workers.engine.layout.runover import paragraphs_run_on

from .test_korean_line_joins import _korean_font


def korean_pages(path: Path, pages: list[list[str]]) -> Path:
    """One page for each of ``pages``: its lines one under another in 10-point Korean, each
    drawn with its spaces (a trailing one too) by one ``Tj``, the first page's at the foot
    of the page, the others' at the head (a paragraph going on over the page break)."""
    pdf = pikepdf.new()
    font = _korean_font(pdf)
    for n, lines in enumerate(pages):
        top = 72 + 14 * (len(lines) - 1) if n == 0 else 760
        ops = [f"BT /F1 10 Tf 72 {top - 14 * k} Td <{text.encode('utf-16-be').hex()}> Tj ET"
               for k, text in enumerate(lines)]
        page = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
            Contents=pdf.make_stream("\n".join(ops).encode()),
        ))
        pdf.pages.append(pikepdf.Page(page))
    pdf.save(path)
    return path


def _paragraphs(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=5).blocks if isinstance(b, Paragraph)]


#: The first page's last paragraph: its first line ends in the space it was broken at (the
#: typesetter draws them), its last ends with none, inside "국가기관".
FOOT = ["대한민국 헌법은 국민의 ", "기본권을 보장하고 국가"]
#: The next page's first paragraph, in a column as wide.
HEAD = ["기관의 조직과 권한을 ", "정한다."]


def test_a_korean_paragraph_broken_by_the_page_is_one_paragraph(tmp_path: Path) -> None:
    path = korean_pages(tmp_path / "ko.pdf", [FOOT, HEAD])
    assert _paragraphs(path) == [
        "대한민국 헌법은 국민의 기본권을 보장하고 국가기관의 조직과 권한을 정한다."
    ]


def test_a_korean_paragraph_ended_on_its_page_stays_apart(tmp_path: Path) -> None:
    # The first page's paragraph ends its sentence ("다." or "다" without its full stop);
    # or the next page opens with an item's label ("가.").
    for foot, head in (
        (["대한민국 헌법은 국민의 ", "기본권을 보장한다."], HEAD),
        (["대한민국 헌법은 국민의 ", "기본권을 보장한다"], HEAD),
        (FOOT, ["가. 기관의 조직과 권한을 ", "정한다."]),
    ):
        path = korean_pages(tmp_path / "ko.pdf", [foot, head])
        assert len(_paragraphs(path)) == 2, (foot, head)


def _para(text: str, page: int) -> Paragraph:
    return Paragraph(text, [Prov(page, BBox(72, 100, 520, 300) if page == 0
                                 else BBox(72, 600, 520, 770))])


def test_a_chinese_paragraph_broken_by_the_page_reads_on_with_no_space() -> None:
    first, second = _para("本公司的营业收入在报告期内，", 0), _para("较上年同期增长百分之十二。", 1)
    (joined,) = paragraphs_run_on([first, second], None)
    assert isinstance(joined, Paragraph)
    assert joined.text == "本公司的营业收入在报告期内，较上年同期增长百分之十二。"
    # A sentence ended with its full stop, or an item's label opening the next page.
    ended = _para("本公司的营业收入在报告期内增长。", 0)
    assert len(paragraphs_run_on([ended, second], None)) == 2
    label = _para("一、较上年同期增长百分之十二。", 1)
    assert len(paragraphs_run_on([first, label], None)) == 2
    # A label of a few characters atop the next page is no sentence going on.
    assert len(paragraphs_run_on([first, _para("增长", 1)], None)) == 2


def test_a_korean_break_keeps_its_space_without_the_documents_evidence() -> None:
    first, second = _para("보장하고 국가", 0), _para("기관의 조직과 권한을 정한다.", 1)
    (joined,) = paragraphs_run_on([first, second], None)
    assert isinstance(joined, Paragraph)
    assert joined.text == "보장하고 국가 기관의 조직과 권한을 정한다."
    (joined,) = paragraphs_run_on([first, second], None, lambda a, b: True)
    assert isinstance(joined, Paragraph)
    assert joined.text == "보장하고 국가기관의 조직과 권한을 정한다."
