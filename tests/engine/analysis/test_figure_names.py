"""Figures named by text the layout reader used to leave apart from them: a chart's title set
inside its frame, the one line under a slide's only picture, the caption over a figure drawn
in rows (the later rows are the same figure), and a picture's caption set in the top row of a
table under it (a web page's infobox). On small PDFs drawn here with pikepdf."""

from __future__ import annotations

import random
from pathlib import Path

from workers.engine.document import BBox, Document, Figure, Paragraph, Prov, Table
from workers.engine.layout.classify import _one_figure_per_caption as one_figure_per_caption
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import Picture, body_lines, helvetica_page, make_pdf, prose_ops


def _walk(doc: Document, kind: type) -> list:
    return [b for b in doc.walk() if isinstance(b, kind)]


def _text(x: float, y: float, text: str, *, size: float = 6.0, font: str = "/F1") -> str:
    return f"BT {font} {size} Tf {x} {y} Td ({text}) Tj ET"


def _chart_page(tmp_path: Path, title_x: float) -> Document:
    """Body text, then a line chart in a frame (360-560 wide, 300-480 high) with its scale
    and legend in 6 points and its title in bold 10 points at ``title_x``, at the top."""
    ops = prose_ops(720, 8)
    ops += ["0 G 0.5 w", "360 300 200 180 re S"]
    for k in range(5):  # gridlines and their values
        y = 330 + 30 * k
        ops += [f"385 {y} m 550 {y} l S", _text(366, y - 2, f"{1 + 0.2 * k:.2f}")]
    ops += ["1 0 0 RG 1.5 w 390 340 m 420 380 l 450 360 l 480 420 l 510 400 l 545 440 l S",
            "0 G", _text(420, 308, "2017 2016 5 Yr Avg")]
    ops.append(_text(title_x, 462, "Iowa Ethanol", size=10, font="/F2"))
    return read_layout(helvetica_page(tmp_path / "chart.pdf", ops), max_pages=1)


def test_a_charts_title_over_its_plot_is_its_caption(tmp_path: Path) -> None:
    figures = _walk(_chart_page(tmp_path, 430), Figure)
    assert [f.caption for f in figures] == ["Iowa Ethanol"]


def test_a_line_off_the_charts_middle_is_no_title(tmp_path: Path) -> None:
    """The same line set at the frame's left edge: a label of the plot, not its title."""
    figures = _walk(_chart_page(tmp_path, 366), Figure)
    assert len(figures) == 1 and figures[0].caption is None


def _deck(tmp_path: Path, extra: bool) -> Document:
    """A slide of text, then a slide showing one picture and one line under it (wider than
    the picture, in the body's face); ``extra``: a second line of text set higher up."""
    slide = [(72.0, 90.0, "Objective-C and Go: a new kind of progression (from a survey)")]
    if extra:
        slide.append((72.0, 800.0, "A heading of the slide"))
    pages = [([], body_lines(760)), ([Picture("table", 72, 110, 250, 400)], slide)]
    return read_layout(make_pdf(tmp_path / "deck.pdf", pages), max_pages=2)


def test_the_one_line_under_a_slides_only_picture_is_its_caption(tmp_path: Path) -> None:
    figures = _walk(_deck(tmp_path, extra=False), Figure)
    assert len(figures) == 1
    assert (figures[0].caption or "").startswith("Objective-C and Go")


def test_a_line_under_a_picture_among_other_text_is_no_caption(tmp_path: Path) -> None:
    figures = _walk(_deck(tmp_path, extra=True), Figure)
    assert len(figures) == 1 and figures[0].caption is None


CAPTION = "Figure 2: Extent to which the strategy addresses the characteristics"


def _rows_page(tmp_path: Path) -> Document:
    """Two rows of three pictures side by side (each row one figure), each picture labelled
    under it; the figure's caption over the first row, further from the second row than a
    caption reaches."""
    icons = [Picture(f"gauge{k}", 100 + 95 * k, y, 100, 100)
             for y in (510, 370) for k in range(3)]
    lines = list(body_lines(800))
    lines.append((100.0, 625.0, CAPTION))
    for y in (495.0, 355.0):
        lines += [(110.0 + 95 * k, y, name) for k, name in enumerate(("Purpose", "Problem",
                                                                       "Roles"))]
    lines += [(100.0, 330.0, "Source: an analysis of the strategy.")]
    return read_layout(make_pdf(tmp_path / "rows.pdf", [(icons, lines)]), max_pages=1)


def test_the_lower_row_of_a_figure_captioned_over_it_is_the_same_figure(
    tmp_path: Path,
) -> None:
    figures = _walk(_rows_page(tmp_path), Figure)
    assert len(figures) == 1
    assert figures[0].caption == CAPTION
    assert {round(p.bbox.y0) for p in figures[0].prov} >= {510, 370}


def _part(y0: float, y1: float, caption: str | None = None) -> Figure:
    return Figure(caption=caption, prov=[Prov(0, BBox(100, y0, 400, y1))])


def _line(y0: float, text: str) -> Paragraph:
    return Paragraph(text, [Prov(0, BBox(100, y0, 400, y0 + 10))])


def test_a_picture_under_a_figures_caption_is_another_figure() -> None:
    """A caption under the figure ends it: the picture under that caption stays apart, and
    so does one under a figure captioned over it with body text between them."""
    under = Document(blocks=[_part(600, 700, CAPTION), _line(588, CAPTION), _part(480, 585)])
    one_figure_per_caption(under)
    assert len([b for b in under.blocks if isinstance(b, Figure)]) == 2
    over = Document(blocks=[_line(705, CAPTION), _part(600, 700, CAPTION),
                            _line(560, "Body text set between the two pictures, read here."),
                            _part(480, 550)])
    one_figure_per_caption(over)
    assert len([b for b in over.blocks if isinstance(b, Figure)]) == 2
    joined = Document(blocks=[_line(705, CAPTION), _part(600, 700, CAPTION), _part(560, 595)])
    one_figure_per_caption(joined)
    assert len([b for b in joined.blocks if isinstance(b, Figure)]) == 1


def _infobox(tmp_path: Path, caption_row: bool) -> Document:
    """Body text in a left column; on the right a picture, and under it a ruled table of
    facts whose top row (one cell across) is the picture's caption in smaller print."""
    ops = prose_ops(720, 30, size=11)
    ops += ["BT /F1 11 Tf 1 0 0 1 0 0 Tm ET"]
    rng = random.Random(3)
    pixels = bytes(rng.randrange(256) for _ in range(40 * 30 * 3))
    ops += ["q 150 0 0 110 420 560 cm /Im0 Do Q"]
    rows = [("Original author", "Andreas Gal"), ("Developer", "Mozilla"),
            ("Initial release", "2 July 2011"), ("Written in", "JavaScript")]
    top = 558.0 if caption_row else 528.0
    ops.append("0 G 0.5 w")
    if caption_row:
        ops += [_text(424, 546, "The viewer in a browser, with a", size=8),
                _text(424, 536, "table of contents in the sidebar", size=8),
                f"418 {top} m 572 {top} l S"]
    ys = [528.0 - 18 * k for k in range(len(rows) + 1)]
    for y in ys:
        ops.append(f"418 {y} m 572 {y} l S")
    for x in (418, 500, 572):
        ops.append(f"{x} {ys[-1]} m {x} {528.0 if x == 500 else top} l S")
    for k, (key, value) in enumerate(rows):
        ops += [_text(422, ys[k] - 12, key, size=8), _text(504, ys[k] - 12, value, size=8)]
    path = helvetica_page(tmp_path / "infobox.pdf", ops, {"/Im0": (40, 30, pixels)})
    return read_layout(path, max_pages=1)


def test_a_pictures_caption_atop_the_table_under_it_names_the_picture(
    tmp_path: Path,
) -> None:
    doc = _infobox(tmp_path, caption_row=True)
    figures = _walk(doc, Figure)
    assert [f.caption for f in figures] == [
        "The viewer in a browser, with a table of contents in the sidebar"]
    tables = _walk(doc, Table)
    assert len(tables) == 1
    assert tables[0].rows[0].cells[0].text == "Original author"
    texts = [p.text for p in _walk(doc, Paragraph)]
    assert figures[0].caption in texts
    # The body's lines are read as they were, none run into the caption.
    assert not any("sidebar" in t and t != figures[0].caption for t in texts)


def _painted_chart_page(tmp_path: Path, scale: bool) -> Document:
    """Body text, then a chart exported as a picture (360-560 wide, 300-480 high) with its
    labels laid over it as text: the names of its bars in 6 points, its title in bold 10
    points centred at the top and, with ``scale``, its values along the bottom."""
    rng = random.Random(5)
    pixels = bytes(rng.randrange(256) for _ in range(60 * 54 * 3))
    ops = prose_ops(720, 8)
    ops.append("q 200 0 0 180 360 300 cm /Im0 Do Q")
    ops += [_text(366, 340 + 30 * k, name) for k, name in enumerate(
        ["Walking", "Cycling", "Skiing", "Running"])]
    if scale:
        ops += [_text(400 + 40 * k, 308, f"{10 * k}%") for k in range(4)]
    ops.append(_text(425, 462, "Trips by mode", size=10, font="/F2"))
    path = helvetica_page(tmp_path / "painted.pdf", ops, {"/Im0": (60, 54, pixels)})
    return read_layout(path, max_pages=1)


def test_a_charts_title_over_a_painted_plot_is_its_caption(tmp_path: Path) -> None:
    """A chart exported as an image, its scale and title laid over it as text: the scale
    says it is a chart, and its title names it."""
    figures = _walk(_painted_chart_page(tmp_path, scale=True), Figure)
    assert [f.caption for f in figures] == ["Trips by mode"]


def test_a_title_over_a_picture_without_a_scale_is_no_caption(tmp_path: Path) -> None:
    """Without a scale, the picture under the words may be a photograph or a banner: the
    larger line over it is not taken for its name."""
    figures = _walk(_painted_chart_page(tmp_path, scale=False), Figure)
    assert len(figures) == 1 and figures[0].caption is None
