"""Charts drawn with vector shapes (a frame, axes, gridlines, bars) are figures, also where
their frames touch a ruled table's edge and the rules framing the page run on from the table
to them: the rules are the table's and the page's, not pieces joining one drawing of it all.
Tables stay tables, and running text beside a chart stays paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.document import Document, Figure, Paragraph, Table, block_text
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import Lines, make_pdf

#: The table's top edge and row height, and its rows: the chart beside it is as tall.
TOP, ROW, ROWS = 798.0, 25.0, 14
BOTTOM = TOP - ROW * ROWS
YEARS = ["2010", "2011", "2012", "2013"]
TITLE = "Shops open by year"


def bar_chart(x0: float, y0: float, width: float, height: float) -> tuple[list[str], Lines]:
    """A bar chart on a tinted ground: its ground, axes, gridlines and four bars, and its
    labels (its title, the scale's values at the left, the years under the bars)."""
    ax, ay = x0 + 30, y0 + 30
    step = (height - 60) / 3
    bar = (width - 50) / 8
    ops = ["0.95 g", f"{x0} {y0} {width} {height} re f", "0 0 0 RG 0.5 w",
           f"{ax} {ay} m {x0 + width - 10} {ay} l S", f"{ax} {ay} m {ax} {y0 + height - 30} l S",
           *(f"{ax} {ay + step * k} m {x0 + width - 10} {ay + step * k} l S" for k in (1, 2, 3)),
           "0.2 0.4 0.8 rg",
           *(f"{ax + bar * (2 * k + 0.5)} {ay} {bar} {step * (0.6 * k + 0.5)} re f"
             for k in range(4))]
    labels = [(x0 + 8, ay + step * k - 4, str(10 * k)) for k in range(4)]
    labels += [(ax + bar * (2 * k + 0.5), y0 + 12, year) for k, year in enumerate(YEARS)]
    labels.append((x0 + 40, y0 + height - 20, TITLE))
    return ops, labels


def ruled_table(x0: float, columns: int = 3, width: float = 100) -> tuple[list[str], Lines]:
    """A table ruled on every row and column: a region's name and two numbers a row."""
    ops = ["0 0 0 RG 1 w"]
    ops += [f"{x0} {TOP - ROW * r} m {x0 + width * columns} {TOP - ROW * r} l S"
            for r in range(ROWS + 1)]
    ops += [f"{x0 + width * c} {TOP} m {x0 + width * c} {BOTTOM} l S" for c in range(columns + 1)]
    cells = [(x0 + 5 + width * c, TOP - ROW * r - 17,
              f"Region {r}" if c == 0 else f"{r * c * 13}.{c}5")
             for r in range(ROWS) for c in range(columns)]
    return ops, cells


def page_frame(x0: float, x1: float) -> list[str]:
    """Rules framing the table and the chart together, running from one to the other."""
    return ["0 0 0 RG 1 w", f"{x0} {TOP + 2} m {x1} {TOP + 2} l S",
            f"{x0} {BOTTOM} m {x1} {BOTTOM} l S", f"{x0} {BOTTOM} m {x0} {TOP + 2} l S",
            f"{x1} {BOTTOM} m {x1} {TOP + 2} l S"]


def figures(doc: Document) -> list[Figure]:
    return [b for b in doc.walk() if isinstance(b, Figure)]


def paragraphs(doc: Document) -> list[str]:
    return [b.text for b in doc.walk() if isinstance(b, Paragraph)]


def chart_beside_table(path: Path, caption: Lines = ()) -> Document:
    table, cells = ruled_table(30)
    chart, labels = bar_chart(332, BOTTOM + 2, 231, TOP - BOTTOM)
    return read_layout(make_pdf(path, [([], cells + labels + list(caption))],
                                shapes=page_frame(28, 565) + table + chart), max_pages=2)


def test_a_chart_whose_frame_touches_a_tables_edge_is_a_figure(tmp_path: Path) -> None:
    doc = chart_beside_table(tmp_path / "chart.pdf")
    (chart,) = figures(doc)
    box = chart.prov[0].bbox
    assert (box.x0, box.x1) == (pytest.approx(332, abs=1), pytest.approx(563, abs=1))
    assert box.y1 == pytest.approx(TOP + 2, abs=1)
    (table,) = [b for b in doc.walk() if isinstance(b, Table)]
    text = block_text(table)
    assert "Region 13" in text and "338.25" in text
    assert not any(year in text for year in YEARS)  # the chart's labels are no cells
    # Without a caption, its title is all a listener has of the chart: read right after it;
    # the values along its scales say nothing without the picture that shows them: they are
    # artifacts (a chart program's tags say so too), their words still in the model.
    after = doc.blocks[doc.blocks.index(chart) + 1]
    assert isinstance(after, Paragraph) and after.text == TITLE
    assert not any(value in p for p in paragraphs(doc) for value in [*YEARS, "30"])
    set_apart = " ".join(a.text for a in doc.artifacts)
    assert all(value in set_apart for value in [*YEARS, "30"])


def test_a_captioned_chart_beside_a_table_holds_its_labels(tmp_path: Path) -> None:
    doc = chart_beside_table(tmp_path / "captioned.pdf",
                             [(332.0, BOTTOM - 16, "Figure 1: Sales by year")])
    (chart,) = figures(doc)
    assert chart.caption == "Figure 1: Sales by year"
    # The caption stands for the picture: its labels, its title too, are read as part of it.
    assert not any(label in p for p in paragraphs(doc) for label in [*YEARS, TITLE])


def test_a_ruled_table_of_numbers_is_no_figure(tmp_path: Path) -> None:
    table, cells = ruled_table(72, columns=4)
    doc = read_layout(make_pdf(tmp_path / "table.pdf", [([], cells)], shapes=table),
                      max_pages=2)
    assert figures(doc) == []
    (found,) = [b for b in doc.walk() if isinstance(b, Table)]
    assert len(found.rows) == ROWS and "507.35" in block_text(found)


def test_running_text_beside_a_chart_stays_paragraphs(tmp_path: Path) -> None:
    sentences = [
        "Sales rose in each of the four years,",
        "most of all in the last year, when the",
        "new shops opened in the northern towns",
        "and the older ones stayed open later.",
    ] * 4
    lines = [(40.0, TOP - 20 - 14 * k, s) for k, s in enumerate(sentences)]
    chart, labels = bar_chart(332, 560, 231, 220)
    doc = read_layout(make_pdf(tmp_path / "beside.pdf", [([], lines + labels)], shapes=chart),
                      max_pages=2)
    assert len(figures(doc)) == 1
    text = " ".join(paragraphs(doc))
    assert "new shops opened in the northern towns" in text
    assert not any(isinstance(b, Table) for b in doc.walk())


def test_an_infographics_numbers_stay_text(tmp_path: Path) -> None:
    """Numbers set large in the calendars of an infographic ("1 yearly") are its message, not
    the values along a chart's scale: they are read, not set apart."""
    # Three calendars (a ring pair on each) joined by arrows.
    boxes = ["0.9 0.7 0.1 rg", *(f"{x} 600 120 90 re f" for x in (80, 220, 360)),
             "1 1 1 rg", *(f"{x + 10} 610 100 60 re f" for x in (80, 220, 360)),
             "0.2 0.2 0.6 rg", *(f"{x + dx} 665 6 14 re f" for x in (80, 220, 360)
                                  for dx in (30, 84)),
             "0 0 0 RG 2 w", "200 645 m 220 645 l S", "340 645 m 360 645 l S"]
    numbers = [f"0 g BT /F1 24 Tf {x + 50} 640 Td ({n}) Tj ET"
               for x, n in ((80, "1"), (220, "2"), (360, "4"))]
    words: Lines = [(x + 40, 620, "yearly") for x in (80, 220, 360)]
    body: Lines = [(72.0, 500 - 14 * k, "Check-ups are set by your doctor, who sees the scans.")
                   for k in range(6)]
    doc = read_layout(make_pdf(tmp_path / "info.pdf", [([], words + body)],
                               shapes=boxes + numbers), max_pages=2)
    assert len(figures(doc)) == 1
    text = " ".join(paragraphs(doc)).split()
    assert {"1", "2", "4"} <= set(text)



def line_chart(x0: float, y0: float, w: float = 170, h: float = 220) -> tuple[list[str], Lines]:
    """A line chart in a frame, without ground or gridlines: its axes, a falling curve drawn
    in pieces, a legend's two swatches, and its labels in the frame: four values up its
    scale, four along it, the legend's two names."""
    ax, ay = x0 + 25, y0 + 25
    dx, dy = (w - 35) / 10, (h - 60) / 10
    curve = [(ax + dx * k, ay + dy * (10 - k) - (dy / 2 if k % 2 else 0)) for k in range(11)]
    ops = ["0 0 0 RG 0.5 w", f"{x0} {y0} {w} {h} re S", f"{ax} {ay} m {x0 + w - 5} {ay} l S",
           f"{ax} {ay} m {ax} {y0 + h - 5} l S", "0 0 1 RG",
           *(f"{a[0]} {a[1]} m {b[0]} {b[1]} l S" for a, b in zip(curve, curve[1:], strict=False)),
           f"{x0 + w - 70} {y0 + h - 15} m {x0 + w - 55} {y0 + h - 15} l S",
           "1 0 0 RG", f"{x0 + w - 70} {y0 + h - 28} m {x0 + w - 55} {y0 + h - 28} l S"]
    labels = [(x0 + 4, ay + dy * 3 * k - 3, f"0.{2 * k}") for k in range(4)]
    labels += [(ax + dx * 3 * k - 6, y0 + 8, f"{k + 1}.0") for k in range(4)]
    labels += [(x0 + w - 50, y0 + h - 18, "Noisy"), (x0 + w - 50, y0 + h - 31, "Exact")]
    return ops, labels


def charts_in_a_row(path: Path, size: tuple[float, float]) -> Document:
    """Three charts in a row, a caption under them: their scale values and legends line up
    from one chart to the next as a table's rows and columns would."""
    ops: list[str] = []
    labels: Lines = []
    for x0 in (40.0, 220.0, 400.0):
        chart, texts = line_chart(x0, 780 - size[1], *size)
        ops += chart
        labels += texts
    caption = (40.0, 750 - size[1], "Figure 2: Error of the noisy and the exact method")
    return read_layout(make_pdf(path, [([], [*labels, caption])], shapes=ops), max_pages=2)


def test_charts_whose_labels_line_up_in_a_grid_are_figures(tmp_path: Path) -> None:
    """The labels lined up are set sparsely over the plots: no table, but the labels of the
    charts, which are figures, with the caption under them."""
    doc = charts_in_a_row(tmp_path / "row.pdf", (170, 220))
    assert not any(isinstance(b, Table) for b in doc.walk())
    assert "Figure 2: Error of the noisy and the exact method" in [
        f.caption for f in figures(doc)
    ]


def test_small_charts_crowded_with_labels_are_left_as_they_were(tmp_path: Path) -> None:
    """Labels over much of the plots they are set on may be a table's cells: not taken."""
    doc = charts_in_a_row(tmp_path / "small.pdf", (150, 110))
    assert any(isinstance(b, Table) for b in doc.walk())


def test_a_table_of_numbers_without_a_drawing_under_it_stays_a_table(tmp_path: Path) -> None:
    """Numbers lined up in rows and columns, with no plots drawn under them, are a table."""
    rows = [(60.0 + 90 * c, 700.0 - 16 * r, f"{r + 1}.{c}{r}") for r in range(8) for c in range(5)]
    doc = read_layout(make_pdf(tmp_path / "numbers.pdf", [([], rows)]), max_pages=2)
    assert figures(doc) == []
    assert any(isinstance(b, Table) for b in doc.walk())
