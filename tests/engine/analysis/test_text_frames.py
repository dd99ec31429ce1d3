"""Drawings whose inside is text, and images behind a line of text, are no figures
(:mod:`workers.engine.layout.figures`), on small PDFs drawn here with pikepdf: a table drawn
with boxes, in Chinese or in English, a box around a form's answer, a heading's background
strip. Charts and diagrams with their labels stay figures."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Document, Figure, block_text
from workers.engine.layout.figures import running_text, text_frame, word_count
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import BODY, Picture, make_pdf

WIDTH, HEIGHT = 595.0, 842.0


def figures(doc: Document) -> list[Figure]:
    return [b for b in doc.walk() if isinstance(b, Figure)]


def text_of(doc: Document) -> str:
    return " ".join(block_text(b) for b in doc.blocks)


def _cjk_font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    """Song, one of the standard Chinese fonts a reader supplies (not embedded): its codes
    are UCS-2, so the text is read back without a font file."""
    descriptor = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.FontDescriptor, FontName=pikepdf.Name("/STSong-Light"), Flags=6,
        FontBBox=[0, -200, 1000, 900], ItalicAngle=0, Ascent=880, Descent=-120,
        CapHeight=880, StemV=93,
    ))
    cid = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType0,
        BaseFont=pikepdf.Name("/STSong-Light"), FontDescriptor=descriptor, DW=1000,
        CIDSystemInfo=pikepdf.Dictionary(Registry=pikepdf.String("Adobe"),
                                         Ordering=pikepdf.String("GB1"), Supplement=2),
    ))
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/STSong-Light"), Encoding=pikepdf.Name("/UniGB-UCS2-H"),
        DescendantFonts=[cid],
    ))


def boxed_table(rows: list[list[str]], *, top: float, widths: list[float],
                row_height: float = 20.0) -> list[str]:
    """Operators drawing a table as one stroked box per cell (paths, not rules, as office
    suites draw them), and its text: ``(x, y, text)`` placed in each cell."""
    ops = ["0.5 w 0 0 0 RG"]
    for r, row in enumerate(rows):
        y = top - (r + 1) * row_height
        x = 72.0
        for width, _ in zip(widths, row, strict=True):
            ops.append(f"{x} {y} {width} {row_height} re S")
            x += width
    return ops


def cell_texts(rows: list[list[str]], *, top: float, widths: list[float],
               row_height: float = 20.0) -> list[tuple[float, float, str]]:
    out = []
    for r, row in enumerate(rows):
        y = top - (r + 1) * row_height + 6
        x = 72.0
        for width, text in zip(widths, row, strict=True):
            if text:
                out.append((x + 4, y, text))
            x += width
    return out


def cjk_page(path: Path, shapes: list[str], cjk: list[tuple[float, float, str]]) -> Path:
    """One page: English body text above, ``shapes``, and Chinese text at (x, y)."""
    pdf = pikepdf.new()
    latin = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    ops = [f"BT /F1 11 Tf 72 {760 - 14 * k} Td ({BODY[k % 2]}) Tj ET" for k in range(6)]
    ops.extend(shapes)
    for x, y, text in cjk:
        ops.append(f"BT /F2 9 Tf {x} {y} Td <{text.encode('utf-16-be').hex()}> Tj ET")
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, WIDTH, HEIGHT],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=latin, F2=_cjk_font(pdf))),
        Contents=pdf.make_stream("\n".join(ops).encode()),
    )))
    pdf.save(path)
    return path


BALANCE = [
    ["项目", "本报告期末", "上年度末"],
    ["营业收入（元）", "4,755,745.11", "5,699,227.63"],
    ["归属于上市公司股东的净利润（元）", "-4,648,866.52", "-15,561,758.44"],
    ["归属于上市公司股东的扣除非经常性损益的净利润（元）", "-7,689,855.30", "-15,424,678.15"],
    ["经营活动产生的现金流量净额（元）", "-4,194,229.68", "35,079,254.69"],
    ["基本每股收益（元/股）", "-0.0051", "-0.0178"],
    ["稀释每股收益（元/股）", "-0.0051", "-0.0178"],
    ["加权平均净资产收益率", "-2.24%", "-6.06%"],
]


def test_a_table_drawn_with_boxes_around_chinese_text_is_no_figure(tmp_path: Path) -> None:
    """Chinese is written without spaces: its running text is counted in characters."""
    widths = [250.0, 110.0, 110.0]
    path = cjk_page(tmp_path / "zh.pdf", boxed_table(BALANCE, top=650, widths=widths),
                    cell_texts(BALANCE, top=650, widths=widths))
    doc = read_layout(path, max_pages=2)
    assert figures(doc) == []
    assert "营业收入" in text_of(doc) and "4,755,745.11" in text_of(doc)


NOTE = [
    "注：本报告期内公司未发生重大资产重组事项，公司主营业务未发生变化，",
    "报告期末公司资产负债率较上年度末有所下降，主要原因是偿还了部分银行借款。",
    "本季度报告中的财务数据未经会计师事务所审计，敬请投资者注意投资风险。",
]


def test_a_box_around_chinese_running_text_is_no_figure(tmp_path: Path) -> None:
    """A note set in a shaded, ruled box: sentences without spaces are running text."""
    shapes = ["0.9 0.9 0.9 rg 72 560 450 70 re f", "0 0 0 RG 0.5 w",
              "72 630 m 522 630 l S", "72 560 m 522 560 l S", "72 560 m 72 630 l S",
              "522 560 m 522 630 l S"]
    lines = [(80.0, 612.0 - 18 * k, text) for k, text in enumerate(NOTE)]
    doc = read_layout(cjk_page(tmp_path / "note.pdf", shapes, lines), max_pages=2)
    assert figures(doc) == []
    assert "资产负债率" in text_of(doc)


def test_a_sparse_table_drawn_with_boxes_is_no_figure(tmp_path: Path) -> None:
    """Short words in every cell of a grid: a table, though no cell holds a sentence."""
    rows = [["Header", "Header", "Header"], ["Cell", "Cell", "Cell"]]
    widths = [156.0, 156.0, 156.0]
    lines = [(72.0, 760.0 - 14 * k, BODY[k % 2]) for k in range(6)]
    lines += cell_texts(rows, top=650, widths=widths, row_height=30.0)
    path = make_pdf(tmp_path / "cells.pdf", [([], lines)],
                    shapes=boxed_table(rows, top=650, widths=widths, row_height=30.0))
    doc = read_layout(path, max_pages=2)
    assert figures(doc) == []
    assert text_of(doc).count("Cell") == 3


def _chart() -> tuple[list[str], list[tuple[float, float, str]]]:
    """A bar chart: axes, gridlines, six bars, a title, category and value labels, a
    legend — the short words a chart carries. (No scale beside the axis: read with the
    value labels as rows, it would be a table of the text reader's own.)"""
    ops = ["0 0 0 RG 0.5 w", "100 300 m 100 560 l S", "100 300 m 520 300 l S"]
    ops += [f"0.8 0.8 0.8 RG 100 {300 + 50 * k} m 520 {300 + 50 * k} l S" for k in (1, 2, 3, 4)]
    labels: list[tuple[float, float, str]] = [(220.0, 570.0, "Visitors by year")]
    for k, h in enumerate([60, 120, 180, 150, 90, 200]):
        x = 115 + 65 * k
        ops.append(f"0.2 0.4 0.8 rg {x} 300 40 {h} re f")
        labels.append((x + 5, 285.0, f"{2018 + k}"))
        labels.append((x + 8, 305.0 + h, f"{h}k"))
    ops.append("0.2 0.4 0.8 rg 440 540 8 8 re f")
    labels.append((452.0, 540.0, "Visitors"))
    return ops, labels


def test_a_bar_chart_with_its_labels_stays_a_figure(tmp_path: Path) -> None:
    shapes, labels = _chart()
    lines = [(72.0, 760.0 - 14 * k, BODY[k % 2]) for k in range(6)] + labels
    doc = read_layout(make_pdf(tmp_path / "chart.pdf", [([], lines)], shapes=shapes),
                      max_pages=2)
    (figure,) = figures(doc)
    box = figure.prov[0].bbox
    assert box.x0 <= 100 and box.x1 >= 520 and box.y0 <= 300 and box.y1 >= 500


def test_a_diagram_with_letters_in_its_large_cells_stays_a_figure() -> None:
    """Axes and a rectangle, a point's name in each region: the letters lie in the grid's
    cells, but they are labels, a few hundredths of it."""
    box = (100.0, 100.0, 300.0, 300.0)
    shapes = [(100.0, 199.5, 300.0, 200.5), (199.5, 100.0, 200.5, 300.0),
              (200.0, 200.0, 260.0, 250.0), (120.0, 120.0, 180.0, 180.0)]
    labels = [((110.0, 260.0, 118.0, 270.0), "X"), ((265.0, 252.0, 272.0, 262.0), "P"),
              ((150.0, 150.0, 158.0, 160.0), "Q"), ((280.0, 190.0, 295.0, 198.0), "g1")]
    assert not text_frame(box, shapes, labels)


def test_a_box_around_a_form_answer_is_no_figure() -> None:
    box = (93.0, 438.0, 529.0, 479.0)
    shapes = [(93.0, 478.0, 529.0, 479.0), (93.0, 438.0, 529.0, 439.0),
              (93.0, 438.0, 94.0, 479.0), (528.0, 438.0, 529.0, 479.0)]
    texts = [((99.0, 465.0, 243.0, 475.0), "Effective Date: 13 May 2013"),
             ((99.0, 440.0, 202.0, 450.0), "Duration: 15 Weeks")]
    assert text_frame(box, shapes, texts)


def test_words_of_scripts_without_spaces_are_counted_by_their_characters() -> None:
    assert word_count("营业收入") == 2  # two words of two characters
    assert running_text("归属于上市公司股东的扣除非经常性损益的净利润")
    assert not running_text("营业收入（元）")
    assert not running_text("Net profit (RMB)")
    assert word_count("코로나-19 관련 보험 현황") == 4  # Korean is written with spaces


def test_an_image_behind_a_heading_line_is_decoration(tmp_path: Path) -> None:
    """A heading's background strip (an image with edges: its number's box) holding the
    heading's one line of text."""
    strip = Picture("strip", 65, 610, 234, 24)
    lines = [(72.0, 760.0 - 14 * k, BODY[k % 2]) for k in range(6)]
    lines += [(75.0, 617.0, "1   Introduction")]
    lines += [(72.0, 590.0 - 14 * k, BODY[k % 2]) for k in range(6)]
    doc = read_layout(make_pdf(tmp_path / "band.pdf", [([strip], lines)]), max_pages=2)
    assert figures(doc) == []
    assert [a.kind for a in doc.artifacts] == ["decoration"]
    assert "Introduction" in text_of(doc)


def test_a_picture_with_words_on_it_stays_a_figure(tmp_path: Path) -> None:
    """Taller than two lines of its text, or holding lines one above the other: a map, a
    photograph with a title set on it."""
    tall = Picture("photo", 65, 480, 300, 150)
    short = Picture("map", 65, 300, 234, 24)
    lines = [(72.0, 760.0 - 14 * k, BODY[k % 2]) for k in range(6)]
    lines += [(75.0, 600.0, "Harbour at dawn")]
    lines += [(75.0, 312.0, "North"), (75.0, 301.0, "South")]
    doc = read_layout(make_pdf(tmp_path / "words.pdf", [([tall, short], lines)]),
                      max_pages=2)
    assert len(figures(doc)) == 2


def test_the_glow_behind_a_titles_lines_is_decoration(tmp_path: Path) -> None:
    """A slide title's soft glow, drawn as one edgeless image behind each of its lines (the
    images overlap, so they are read as one picture of three flat pieces)."""
    glows = [Picture("flat", 60, 700 - 20 * k, 420, 24) for k in range(3)]
    lines = [(72.0, 707.0 - 20 * k, text) for k, text in
             enumerate(["Experiments in using a new", "language for optimisation", "research"])]
    lines += [(72.0, 600.0 - 14 * k, BODY[k % 2]) for k in range(8)]
    doc = read_layout(make_pdf(tmp_path / "glow.pdf", [(glows, lines)]), max_pages=2)
    assert figures(doc) == []
    assert "optimisation" in text_of(doc)


def test_flat_bars_on_a_panel_with_their_values_stay_a_figure(tmp_path: Path) -> None:
    """A chart built of flat pieces: a panel, bars standing on it, a value on each bar. The
    panel is no band behind one line."""
    panel = Picture("flat", 100, 300, 360, 220)
    bars = [Picture("flat", 120 + 80 * k, 310, 40, 24 + 40 * k) for k in range(4)]
    lines = [(72.0, 760.0 - 14 * k, BODY[k % 2]) for k in range(6)]
    lines += [(125.0 + 80 * k, 318.0 + 40 * k, f"{10 * (k + 1)}%") for k in range(4)]
    doc = read_layout(make_pdf(tmp_path / "bars.pdf", [([panel, *bars], lines)]), max_pages=2)
    assert len(figures(doc)) == 1


def _panel(x0: float, y0: float, x1: float, y1: float) -> list[str]:
    """A filled panel and its outline, drawn as two shapes (as layout programs draw them)."""
    return [f"{x0} {y0} {x1 - x0} {y1 - y0} re f",
            f"{x0 - 0.5} {y0 - 0.5} {x1 - x0 + 1} {y1 - y0 + 1} re S"]


def test_a_mastheads_panels_behind_its_title_are_decoration(tmp_path: Path) -> None:
    """A report's masthead: a rule across the top, a tall band behind the series title and a
    tab behind the issue number (each several lines of their text tall). The words are read
    as text; the ground is decoration."""
    shapes = ["0.2 0.4 0.6 rg 0.2 0.4 0.6 RG", "150 790 300 1.5 re f",
              *_panel(330, 700, 540, 775), *_panel(450, 776, 560, 812)]
    lines = [(470.0, 790.0, "No. 1695"), (360.0, 730.0, "Issues and Debates")]
    lines += [(72.0, 640.0 - 14 * k, BODY[k % 2]) for k in range(8)]
    doc = read_layout(make_pdf(tmp_path / "masthead.pdf", [([], lines)], shapes=shapes),
                      max_pages=2)
    assert figures(doc) == []
    assert [a.kind for a in doc.artifacts] == ["decoration"]
    assert "Issues and Debates" in text_of(doc) and "No. 1695" in text_of(doc)


def test_two_boxes_of_words_joined_by_a_connector_stay_a_figure(tmp_path: Path) -> None:
    """A diagram of two steps: each box holds a word, a connector joins them; what joins
    what is what the diagram says."""
    shapes = ["0 0 0 RG 0.9 0.9 0.9 rg", *_panel(100, 480, 240, 600),
              *_panel(360, 480, 500, 600), "240 539 120 1.5 re f"]
    lines = [(140.0, 536.0, "Request"), (400.0, 536.0, "Review")]
    lines += [(72.0, 760.0 - 14 * k, BODY[k % 2]) for k in range(8)]
    doc = read_layout(make_pdf(tmp_path / "steps.pdf", [([], lines)], shapes=shapes),
                      max_pages=2)
    assert len(figures(doc)) == 1


def test_two_bars_holding_their_values_stay_a_figure(tmp_path: Path) -> None:
    """Two bars of a chart, each with its number on it: numbers are no words of a title."""
    shapes = ["0.2 0.4 0.6 rg 0 0 0 RG", *_panel(150, 400, 230, 560),
              *_panel(300, 400, 380, 500), "140 399 260 1.5 re f"]
    lines = [(175.0, 540.0, "42"), (325.0, 480.0, "37")]
    lines += [(72.0, 760.0 - 14 * k, BODY[k % 2]) for k in range(8)]
    doc = read_layout(make_pdf(tmp_path / "bars.pdf", [([], lines)], shapes=shapes),
                      max_pages=2)
    assert len(figures(doc)) == 1


def test_a_frame_around_a_listing_line_is_no_figure(tmp_path: Path) -> None:
    """A manual's one-line listing in a box that leaves it much room (rules on the box's
    four edges only): its text is all it holds, read as text; no picture to describe."""
    shapes = ["0 0 0 RG 0.5 w", "72 600 m 450 600 l S", "72 556 m 450 556 l S",
              "72 556 m 72 600 l S", "450 556 m 450 600 l S"]
    lines = [(72.0, 760.0 - 14 * k, BODY[k % 2]) for k in range(6)]
    lines.append((110.0, 574.0, "<families>-<point sizes>:<name1>=<values1>"))
    doc = read_layout(make_pdf(tmp_path / "listing.pdf", [([], lines)], shapes=shapes),
                      max_pages=2)
    assert figures(doc) == []
    assert "<families>-<point sizes>:<name1>=<values1>" in text_of(doc)


def test_a_frame_with_inner_rules_is_judged_by_its_grid() -> None:
    """A box split by a rule, one cell holding a short label: its outline is not all it
    draws, so the grid's own rule decides (a diagram's cell with a letter stays a figure)."""
    box = (72.0, 556.0, 450.0, 700.0)
    shapes = [(72.0, 699.0, 450.0, 700.0), (72.0, 556.0, 450.0, 557.0),
              (72.0, 556.0, 73.0, 700.0), (449.0, 556.0, 450.0, 700.0),
              (260.0, 556.0, 261.0, 700.0)]
    label = [((80.0, 590.0, 250.0, 620.0), "x-axis values")]
    assert not text_frame(box, shapes, label)
    assert text_frame(box, shapes[:4], label)


def test_a_tables_last_row_run_on_to_a_page_is_no_figure(tmp_path: Path) -> None:
    """A table's last row run on from the page before: its frame and the rule between its
    two columns, the first cell empty, the second holding the rest of a paragraph wrapped in
    its narrow column (no line of it a sentence alone). Rules closed round text are a
    table's, no picture: the paragraph is read as text."""
    shapes = ["0 0 0 RG 0.5 w", "56 771 m 454 771 l S", "56 627 m 454 627 l S",
              "57 627 m 57 771 l S", "255 627 m 255 771 l S", "453 627 m 453 771 l S"]
    cell = ["CreateProcessA on Windows, that is", "a series of zero-terminated",
            "strings that look like", "NAME=VALUE, followed by an",
            "extra zero terminator. Note that", "this uses the local codepage", "encoding."]
    lines = [(262.0, 750.0 - 14 * k, text) for k, text in enumerate(cell)]
    lines += [(62.0, 600.0 - 14 * k, BODY[k % 2]) for k in range(6)]
    doc = read_layout(make_pdf(tmp_path / "row.pdf", [([], lines)], shapes=shapes),
                      max_pages=2)
    assert figures(doc) == []
    assert "zero terminator" in text_of(doc)


def test_a_tables_row_of_short_words_over_a_rule_is_no_figure(tmp_path: Path) -> None:
    """A table's last row run on to the top of a page (two cells ruled with thin filled
    bars, as a browser draws a table's borders; in the top margin, so no one-row table), a
    separating rule across the column under it. No cell holds a sentence, and the rule
    under the row leaves the drawing's box half empty; but each piece of text lies in a
    cell the rules close round it, and fills it: a table's row, no picture."""
    shapes = ["0.5 0.5 0.5 rg", "62 749 0.75 19.5 re f", "62 767.7 278.5 0.75 re f",
              "118.5 749 0.75 19.5 re f", "339.75 749 0.75 19.5 re f",
              "62 749 278.5 0.75 re f", "62 742.2 471 1.5 re f"]
    lines = [(67.0, 755.0, "Returns:"), (123.0, 755.0, "the generated attribute node.")]
    lines += [(62.0, 700.0 - 14 * k, BODY[k % 2]) for k in range(6)]
    doc = read_layout(make_pdf(tmp_path / "row.pdf", [([], lines)], shapes=shapes),
                      max_pages=2)
    assert figures(doc) == []
    # (Its words are kept: read, or set aside as the page's running header they stand in.)
    read = [text_of(doc), *(a.text for a in doc.artifacts)]
    assert any("the generated attribute node." in text for text in read)


def test_a_ruled_row_of_cells_mostly_empty_keeps_its_drawing() -> None:
    """A navigation bar: a ruled row of five cells, four holding icons (no text), its title
    in the last. Most of the cells its rules close hold no text: not read as a table's
    text (a chart's gridlines, too, close many cells, few holding a label)."""
    box = (45.0, 742.5, 285.5, 785.5)
    rules = [(45.0, 784.5, 285.5, 785.5), (45.0, 742.5, 285.5, 743.5)]
    rules += [(x, 742.5, x + 1.0, 785.5) for x in (45.0, 93.0, 141.0, 189.0, 237.0, 284.5)]
    title = [((193.0, 771.0 - 12 * k, 230.0, 781.0 - 12 * k), word)
             for k, word in enumerate(["Valgrind", "User", "Manual"])]
    assert not text_frame(box, rules, title)
    # (The same row with three lines of words in every cell: a table's.)
    every = [((x0 - 143.0 + 48 * k, y0, x1 - 143.0 + 48 * k, y1), word)
             for k in (0, 1, 2, 4) for (x0, y0, x1, y1), word in title]
    assert text_frame(box, rules, title + every)
