"""Vector drawings are found where they are drawn and as large as they are: a path's box is
that of its curves (not pdfium's box, which reaches out to control points and to the miters of
degenerate joins); panels each too small for a figure, set in a row, are one figure; and the
values of a chart's scale set just outside its plot are the chart's labels, not paragraphs."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
import pytest

from workers.engine.document import Document, Figure, Paragraph
from workers.engine.layout import glyphs
from workers.engine.layout.glyphs import PageContent, read_page
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import Lines, body_lines, make_pdf


def figures(doc: Document) -> list[Figure]:
    return [b for b in doc.walk() if isinstance(b, Figure)]


def paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.walk() if isinstance(b, Paragraph)]


def _read_both_ways(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[PageContent]:
    """The first page read by the C walker (when built) and by its Python twin."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        read = [read_page(pdf, 0)] if glyphs._accelerator is not None else []
        with monkeypatch.context() as patch:
            patch.setattr(glyphs, "_accelerator", None)
            read.append(read_page(pdf, 0))
    finally:
        pdf.close()
    return read


def connector(x: float, y: float) -> str:
    """A connector run right then down, its corner rounded, drawn as a diagramming program
    draws it: the rounded corner ends in a curve a thousandth of a point long, and the line
    down leans a hair. pdfium's box of it (a stroke's miter at that join) reaches thousands
    of points up the page."""
    return (f"1 w {x - 27} {y} m {x - 5} {y} l {x - 2} {y} {x} {y - 2} {x} {y - 5} c "
            f"{x} {y - 5.001} {x} {y - 5.002} {x} {y - 5.003} c {x - 0.057} {y - 85} l S")


def test_a_curves_box_is_where_it_is_drawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A curve whose control points lie 150 points over its top, and a connector.
    path = make_pdf(tmp_path / "curves.pdf", [([], [])], shapes=[
        "2 w 100 100 m 100 700 200 700 200 100 c S", connector(400, 300),
    ])
    for content in _read_both_ways(path, monkeypatch):
        curve, bent = sorted(content.paths + content.rules, key=lambda r: r.x0)
        assert curve.y1 == pytest.approx(551.0, abs=0.01)  # 100 + 3/4 of 600, half a stroke
        assert (curve.x0, curve.x1) == (pytest.approx(99.0), pytest.approx(201.0))
        assert (bent.y0, bent.y1) == (pytest.approx(214.5, abs=0.01),
                                      pytest.approx(300.5, abs=0.01))


def test_c_and_python_bound_curves_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if glyphs._accelerator is None:
        pytest.skip("the C accelerator is not built here (no C compiler at install time)")
    # Curves filled and stroked, hairlines, a turned and scaled matrix, a form around them.
    shapes = ["q 0.5 0.3 -0.3 0.5 200 200 cm 3 w 0 0 m 0 300 100 300 100 0 c S Q",
              "0 w 50 50 m 60 90 120 -20 130 40 c S", "300 300 m 300 400 400 400 400 300 c f",
              connector(500, 700), "q 2 0 0 2 10 10 cm " + connector(100, 350) + " Q"]
    path = make_pdf(tmp_path / "curves.pdf", [([], [])], shapes=shapes)
    fast, slow = _read_both_ways(path, monkeypatch)
    assert fast.paths == slow.paths and fast.rules == slow.rules
    assert len(fast.paths) + len(fast.rules) == len(shapes)


def diagram(x0: float, y0: float) -> list[str]:
    """Four boxes, each joined to the next by a connector (see :func:`connector`)."""
    ops = ["0 0 0 RG"]
    for k in range(4):
        x, y = x0 + 110 * (k % 2), y0 - 100 * (k // 2)
        ops.append(f"1 w {x} {y} 80 30 re S")
    ops += [connector(x0 + 187, y0 + 15), connector(x0 + 77, y0 - 85)]
    ops.append(f"1 w {x0 + 80} {y0 + 15} m {x0 + 110} {y0 + 15} l S")
    return ops


def test_a_diagram_of_connectors_is_a_figure(tmp_path: Path) -> None:
    lines: Lines = [(200, 410, "Figure 1: How a request flows"), *body_lines(300)]
    doc = read_layout(make_pdf(tmp_path / "diagram.pdf", [([], lines)],
                               shapes=diagram(200, 600)), max_pages=1)
    (figure,) = figures(doc)
    box = figure.prov[0].bbox
    assert box.y1 < 660 and box.y0 > 420  # the boxes and connectors, not pdfium's boxes
    assert figure.caption == "Figure 1: How a request flows"


def solid(x: float, y: float) -> list[str]:
    """A small drawing (a box with its diagonals and a dot): a panel of a figure, 60 points
    square, far under the share of the page a figure alone needs."""
    return ["0 0 0 RG 1 w", f"{x} {y} 60 60 re S", f"{x} {y} m {x + 60} {y + 60} l S",
            f"{x} {y + 60} m {x + 60} {y} l S", f"{x + 25} {y + 25} 10 10 re f"]


def panels_page(path: Path, xs: list[float], lines: Lines) -> Document:
    shapes = [op for x in xs for op in solid(x, 600)]
    return read_layout(make_pdf(path, [([], lines)], shapes=shapes), max_pages=1)


def test_panels_in_a_row_are_one_figure_with_its_caption(tmp_path: Path) -> None:
    labels: Lines = [(x + 15, 585, f"({name}) Solid") for x, name in
                     zip((150, 240, 330), "abc", strict=True)]
    caption: Lines = [(150, 560, "Figure 2: Three solids")]
    doc = panels_page(tmp_path / "panels.pdf", [150, 240, 330], labels + caption
                      + body_lines(400))
    (figure,) = figures(doc)
    box = figure.prov[0].bbox
    assert (box.x0, box.x1) == (pytest.approx(149.5, abs=1), pytest.approx(390.5, abs=1))
    assert box.y0 < 590  # with the panels' labels under them
    assert figure.caption == "Figure 2: Three solids"
    assert not any("Solid" in text for text in paragraphs(doc))  # read as the figure's


def test_small_drawings_far_apart_or_out_of_line_are_no_figure(tmp_path: Path) -> None:
    # Far apart in a row, then one over and beside another (out of line): no figure.
    apart = panels_page(tmp_path / "apart.pdf", [72, 460], body_lines(400))
    assert figures(apart) == []
    shapes = solid(150, 600) + solid(220, 670)
    stepped = read_layout(make_pdf(tmp_path / "stepped.pdf", [([], body_lines(400))],
                                   shapes=shapes), max_pages=1)
    assert figures(stepped) == []


def test_panels_with_a_paragraph_between_them_are_no_figure(tmp_path: Path) -> None:
    # Two drawings one over the other, 30 points apart, a sentence running in the gap.
    between: Lines = [(150, 640, "A sentence set between the two small drawings here.")]
    shapes = solid(150, 660) + solid(150, 570)
    doc = read_layout(make_pdf(tmp_path / "between.pdf", [([], between + body_lines(400))],
                               shapes=shapes), max_pages=1)
    assert figures(doc) == []


def line_chart(x0: float, y0: float) -> tuple[list[str], Lines]:
    """A plot's frame, gridlines and a line, with the values of its scales set outside the
    frame: 0-40 down its left side, years under it."""
    w, h = 300.0, 160.0
    ops = ["0 0 0 RG 0.5 w", f"{x0} {y0} {w} {h} re S",
           *(f"{x0} {y0 + 40 * k} m {x0 + w} {y0 + 40 * k} l S" for k in (1, 2, 3)),
           "1 w", f"{x0} {y0 + 20} m {x0 + 100} {y0 + 90} l {x0 + 200} {y0 + 70} l "
           f"{x0 + w} {y0 + 150} l S"]
    values: Lines = [(x0 - 16, y0 + 40 * k - 4, str(10 * k)) for k in range(5)]
    years: Lines = [(x0 + 75 * k - 12, y0 - 12, str(2020 + k)) for k in range(5)]
    return ops, values + years


def test_a_charts_scale_values_outside_its_plot_are_its_labels(tmp_path: Path) -> None:
    ops, labels = line_chart(150, 500)
    caption: Lines = [(150, 460, "Figure 3: Visitors per year")]
    doc = read_layout(make_pdf(tmp_path / "chart.pdf", [([], labels + caption
                                                         + body_lines(400))],
                               shapes=ops), max_pages=1)
    (figure,) = figures(doc)
    box = figure.prov[0].bbox
    assert box.x0 < 140 and box.y0 < 495  # the values beside and under the plot
    texts = paragraphs(doc)
    assert not any(text in texts for text in ("10", "40", "2021"))
    assert figure.caption == "Figure 3: Visitors per year"


def test_panels_over_a_running_caption_are_one_figure(tmp_path: Path) -> None:
    # Under the panels, a letter opening a sentence that runs on under them: the letter is
    # no label to take into the figure with the sentence, which is no label of it.
    caption: Lines = [(150, 585, "(a)"),
                      (180, 585, "A box, its diagonals and one more box")]
    doc = panels_page(tmp_path / "captioned.pdf", [150, 240, 330], caption + body_lines(400))
    (figure,) = figures(doc)
    box = figure.prov[0].bbox
    assert (box.x0, box.x1) == (pytest.approx(149.5, abs=1), pytest.approx(390.5, abs=1))
    assert box.y0 > 595


def test_a_drawing_off_the_page_is_no_figure(tmp_path: Path) -> None:
    # A diagram left outside the crop box (a layout program's pasteboard): nothing shows it.
    doc = read_layout(make_pdf(tmp_path / "off.pdf", [([], body_lines(400))],
                               shapes=diagram(-400, 600)), max_pages=1)
    assert figures(doc) == []
    on_page = read_layout(make_pdf(tmp_path / "on.pdf", [([], body_lines(400))],
                                   shapes=diagram(200, 600)), max_pages=1)
    assert len(figures(on_page)) == 1
