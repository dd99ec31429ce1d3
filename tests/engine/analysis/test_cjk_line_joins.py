"""Chinese and Japanese set no space between words and break a line between any two
characters: a paragraph's lines go on with no space where both sides of the break are Chinese
or Japanese (ideographs, kana, their punctuation), as a reader of the printed page reads them
(:func:`workers.engine.layout.blocks.join_lines`). Korean, which writes spaces between words,
Latin text and digits next to a break, pieces of one line set apart, and a line ended short of
the block's right edge (a heading's, an option's: not broken for want of room) keep their
space."""

from __future__ import annotations

import subprocess

import pytest

from workers.engine.document import Paragraph
from workers.engine.layout.blocks import Block, join_lines
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment
from workers.engine.layout.reader import read_layout
from workers.engine.structure.reader import read_structure

from .conftest import HtmlPdf

#: A Chinese paragraph (a quarterly report's opening), long enough to wrap.
CHINESE = ("公司董事会、监事会及董事、监事、高级管理人员保证季度报告内容的真实、准确、完整，"
           "不存在虚假记载、误导性陈述或者重大遗漏，并承担个别和连带的法律责任。")


@pytest.mark.parametrize(("lines", "read"), [
    (["报告内容的真", "实、准确、完整，不存在"], "报告内容的真实、准确、完整，不存在"),
    (["完整，", "不存在虚假记载"], "完整，不存在虚假记载"),
    (["日本語のテキストは", "かなで続きます。"], "日本語のテキストはかなで続きます。"),
    (["《公", "开发行证券》"], "《公开发行证券》"),
    (["第一季度报告", "2018 年"], "第一季度报告 2018 年"),
    (["reported in", "第一季度"], "reported in 第一季度"),
    (["세계적 유행 단계에 돌", "입하였다"], "세계적 유행 단계에 돌 입하였다"),
    (["plain English", "text"], "plain English text"),
])
def test_lines_of_chinese_and_japanese_join_with_no_space(lines: list[str], read: str) -> None:
    assert join_lines(lines, None) == read


def _piece(text: str, x0: float, y0: float) -> Fragment:
    glyphs = [Glyph(c, x0 + 10 * k, y0, x0 + 10 * (k + 1), y0 + 10, 10.0, False, "SimSun", 0, -1)
              for k, c in enumerate(text)]
    return Fragment(glyphs, text, x0, y0, x0 + 10 * len(text), y0 + 10)


def test_pieces_of_one_line_keep_their_space() -> None:
    # "第一节" and "重要提示" set apart on one line (a heading's number and title): a space;
    # the next line of the block goes on with none.
    block = Block(0)
    for f in (_piece("第一节", 72, 700), _piece("重要提示", 120, 700), _piece("的内容", 72, 686)):
        block.add(f)
    assert block.text == "第一节 重要提示的内容"


def _has_chinese_font() -> bool:
    try:
        found = subprocess.run(["fc-list", ":lang=zh"], capture_output=True, text=True,
                               timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(found.strip())


@pytest.mark.skipif(not _has_chinese_font(), reason="no Chinese font installed")
def test_a_chinese_paragraph_wrapped_over_lines_reads_whole(html_pdf: HtmlPdf) -> None:
    path = html_pdf(f'<p lang="zh" style="width: 16em; font-family: \'Noto Serif CJK SC\'">'
                    f"{CHINESE}</p>")
    texts = [b.text for b in read_layout(path, max_pages=2).blocks if isinstance(b, Paragraph)]
    assert CHINESE in texts


def test_a_line_ended_short_keeps_its_space() -> None:
    # An option's line, "是 否", over a sentence running the block's width: the option line
    # was not broken for want of room.
    block = Block(0)
    for f in (_piece("是否", 72, 700), _piece("公司前名股东在报告期内", 72, 686),
              _piece("未进行约定购回交易。", 72, 672)):
        block.add(f)
    assert block.text == "是否 公司前名股东在报告期内未进行约定购回交易。"


@pytest.mark.skipif(not _has_chinese_font(), reason="no Chinese font installed")
def test_an_authors_tagged_chinese_paragraph_reads_whole(html_pdf: HtmlPdf) -> None:
    # The structure reader joins a tagged paragraph's lines as the layout reader does: full
    # lines run on, a line ended short (before a box too wide for it) keeps its space.
    path = html_pdf(f'<p lang="zh" style="width: 16em; font-family: \'Noto Serif CJK SC\'">'
                    f"重要提示<span style='display: inline-block; width: 16em'>{CHINESE}</span>"
                    "</p>", tagged=True)
    document = read_structure(path, max_pages=2)
    assert document.reader == "structure"
    texts = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert f"重要提示 {CHINESE}" in texts


#: A second paragraph, read apart from the first.
CHINESE_NEXT = "所有董事均已出席了审议本次季报的董事会会议，并对报告内容无异议。"


@pytest.mark.skipif(not _has_chinese_font(), reason="no Chinese font installed")
def test_a_chinese_paragraph_double_spaced_reads_whole(html_pdf: HtmlPdf) -> None:
    # Lines set at twice the usual leading stand further apart than a block's lines do:
    # each line full to the edge and stopping mid-sentence goes on in the flush-left line
    # under it. The next paragraph, its first line indented, is read apart.
    style = ("width: 16em; line-height: 3; text-indent: 2em; margin: 0 0 0.6em;"
             " font-family: 'Noto Serif CJK SC'")
    path = html_pdf(f'<div lang="zh"><p style="{style}">{CHINESE}</p>'
                    f'<p style="{style}">{CHINESE_NEXT}</p></div>')
    texts = [b.text for b in read_layout(path, max_pages=2).blocks if isinstance(b, Paragraph)]
    assert texts == [CHINESE, CHINESE_NEXT]


#: A report's subheading, set on its own line over its paragraph, indented as its first line.
SUBHEADING = "（二）重大资产出售事项进展"


@pytest.mark.skipif(not _has_chinese_font(), reason="no Chinese font installed")
def test_a_chinese_subheading_on_its_own_line_is_read_apart(html_pdf: HtmlPdf) -> None:
    # Chinese is set justified: a line stopping short of the right edge ends its paragraph,
    # though the next line starts at the same indent (the next paragraph's first line).
    style = "text-indent: 2em; margin: 0"
    path = html_pdf(f'<div lang="zh" style="width: 24em; font-family: \'Noto Serif CJK SC\'">'
                    f'<p style="{style}">{SUBHEADING}</p>'
                    f'<p style="{style}">{CHINESE}{CHINESE_NEXT}</p>'
                    f'<p style="{style}">{CHINESE_NEXT}</p></div>')
    texts = [b.text for b in read_layout(path, max_pages=2).blocks if isinstance(b, Paragraph)]
    assert texts == [SUBHEADING, CHINESE + CHINESE_NEXT, CHINESE_NEXT]


@pytest.mark.skipif(not _has_chinese_font(), reason="no Chinese font installed")
def test_a_japanese_line_broken_by_hand_mid_sentence_goes_on(html_pdf: HtmlPdf) -> None:
    # The author broke the line by hand inside a word ("検知機" / "構"): the next line starts
    # at the edge, no paragraph's indent, and the short line closes no sentence.
    first = "漏電遮断機構と検知機"
    rest = "構を一つの箱内に収めたものは、「漏電遮断器」と解釈し、対象として取り扱う。"
    style = "width: 16em; margin: 0; font-family: 'Noto Serif CJK JP'"
    path = html_pdf(f'<p lang="ja" style="{style}">{first}<br>{rest}</p>'
                    f'<p lang="ja" style="{style}">{rest}</p>')
    texts = [b.text for b in read_layout(path, max_pages=2).blocks if isinstance(b, Paragraph)]
    assert texts[0].startswith(first) and rest[:10] in texts[0]
