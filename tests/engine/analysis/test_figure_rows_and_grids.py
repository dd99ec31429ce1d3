"""Figures whose box and parts the layout reader tells from what shows: rows of plots stacked
with nothing but their scales between them are one figure, captioned under the last row; a
figure's box is cut to what its clip lets show; a ruled grid holding only its heads is a
table, not a picture; the names set under a row of pictures are no table. On small PDFs drawn
here with pikepdf."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Document, Figure, Heading, Paragraph, Table
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import Picture, body_lines, make_pdf


def _walk(doc: Document, kind: type) -> list:
    return [b for b in doc.walk() if isinstance(b, kind)]


def _plot_row(top: float) -> list[str]:
    """A row of three small plots, 100 points high, ``top`` its upper edge: each a frame and
    a polyline (one cluster of shapes, wide enough for a figure)."""
    ops = ["0 G 0.5 w"]
    for left in (90, 235, 380):
        ops.append(f"{left} {top - 100} 140 100 re S")
        ops.append(f"{left + 5} {top - 20} m {left + 40} {top - 60} l {left + 80} {top - 50} l "
                   f"{left + 130} {top - 90} l S")
        ops.append(f"{left + 5} {top - 95} m {left + 130} {top - 95} l S")
    # (The rows' frames joined by a rule under them: one drawing per row.)
    ops.append(f"90 {top - 100} m 520 {top - 100} l S")
    return ops


CAPTION = "Figure 2. Absolute error in the median for three data sets."


def _rows_page(tmp_path: Path, between: str | None, caption: str = CAPTION) -> Document:
    shapes = _plot_row(700) + _plot_row(585) + _plot_row(470)
    lines = [(72.0, 350.0, caption), *body_lines(320)]
    if between is not None:
        lines.append((90.0, 590.0, between))
    return read_layout(make_pdf(tmp_path / "rows.pdf", [([], lines)], shapes=shapes),
                       max_pages=1)


def test_rows_of_plots_are_one_captioned_figure(tmp_path: Path) -> None:
    figures = _walk(_rows_page(tmp_path, None), Figure)
    assert len(figures) == 1
    assert (figures[0].caption or "").startswith("Figure 2.")
    box = figures[0].prov[0].bbox
    assert box.y1 >= 699 and box.y0 <= 371


def test_a_title_between_rows_parts_them(tmp_path: Path) -> None:
    """A line of text between two rows (the lower one's title): drawings of their own."""
    figures = _walk(_rows_page(tmp_path, "Data sets drawn from a normal distribution"), Figure)
    assert len(figures) == 2


def test_rows_without_a_caption_stay_apart(tmp_path: Path) -> None:
    """Charts stacked in a column with no caption naming them together: each its own."""
    figures = _walk(_rows_page(tmp_path, None, "Absolute error in the median, three sets."),
                    Figure)
    assert len(figures) == 3


def test_a_clipped_drawing_is_cut_to_its_clip(tmp_path: Path) -> None:
    """A plot's curve drawn far past its frame on both sides, clipped to the frame: the
    figure is the frame, not the curve's reach off the page."""
    shapes = ["0 G 0.5 w", "100 300 300 150 re S", "100 375 m 400 375 l S",
              "250 300 m 250 450 l S", "100 310 m 400 310 l S",
              "q 100 300 300 150 re W n -300 300 m 900 450 l S -300 440 m 900 310 l S Q"]
    doc = read_layout(make_pdf(tmp_path / "clip.pdf", [([], body_lines(760))], shapes=shapes),
                      max_pages=1)
    figures = _walk(doc, Figure)
    assert len(figures) == 1
    box = figures[0].prov[0].bbox
    assert box.x0 >= 98 and box.x1 <= 402, box


def test_a_ruled_grid_of_heads_over_empty_rows_is_a_table(tmp_path: Path) -> None:
    """"Key word | Description" over a ruled empty row: a table with no entries yet."""
    shapes = ["0 G 0.75 w", "72 400 m 540 400 l S", "72 380 m 540 380 l S",
              "72 355 m 540 355 l S", "72 355 m 72 400 l S", "220 355 m 220 400 l S",
              "540 355 m 540 400 l S"]
    lines = [*body_lines(760), (77.0, 386.0, "Key word"), (225.0, 386.0, "Description")]
    doc = read_layout(make_pdf(tmp_path / "grid.pdf", [([], lines)], shapes=shapes),
                      max_pages=1)
    assert _walk(doc, Figure) == []
    tables = _walk(doc, Table)
    assert len(tables) == 1
    assert [c.text for c in tables[0].rows[0].cells] == ["Key word", "Description"]


NAMES = [("Goals, subordinate", "objectives, and", "measures"),
         ("Resources,", "investments, and", "risk management"),
         ("Organizational", "roles, and", "coordination")]


def _icons_page(tmp_path: Path, pictures: list[Picture], caption: str | None = None) -> Document:
    lines = list(body_lines(760))
    if caption is not None:
        lines.append((100.0, 590.0, caption))
    for k, name in enumerate(NAMES):
        lines += [(100.0 + 150 * k, 470.0 - 13 * j, part) for j, part in enumerate(name)]
    return read_layout(make_pdf(tmp_path / "icons.pdf", [(pictures, lines)]), max_pages=1)


def test_names_under_a_row_of_pictures_are_no_table(tmp_path: Path) -> None:
    """Three pictures side by side, each named in three lines under it."""
    icons = [Picture(f"icon{k}", 100 + 150 * k, 485, 90, 90) for k in range(3)]
    doc = _icons_page(tmp_path, icons)
    assert _walk(doc, Table) == []
    texts = [b.text for b in _walk(doc, Paragraph)]
    for name in NAMES:
        assert " ".join(name) in texts
    assert not any(h.text.startswith(NAMES[0][0]) for h in _walk(doc, Heading))


def test_names_under_a_captioned_row_draw_their_own_text(tmp_path: Path) -> None:
    """Under a caption, the names are still read as text, and the operators drawing them are
    theirs: the figure claims none of them (in a tagged PDF, the figure would own the names'
    text, and the paragraphs reading them would say nothing)."""
    icons = [Picture(f"icon{k}", 100 + 150 * k, 485, 90, 90) for k in range(3)]
    doc = _icons_page(tmp_path, icons, caption="Figure 2: Extent to which the strategy works")
    figures = _walk(doc, Figure)
    assert figures and any(f.caption for f in figures)
    drawn_by_figures = {
        (p.page, op) for f in figures for p in f.prov for start, end in p.operators
        for op in range(start, end)
    }
    names = [b for b in _walk(doc, Paragraph) if b.text in {" ".join(n) for n in NAMES}]
    assert len(names) == len(NAMES)
    for name in names:
        ops = {(p.page, op) for p in name.prov for start, end in p.operators
               for op in range(start, end)}
        assert ops and not ops & drawn_by_figures


def test_lines_under_one_picture_stay_a_table(tmp_path: Path) -> None:
    """The same lines under one wide picture: its columns name no pictures of their own."""
    doc = _icons_page(tmp_path, [Picture("photo", 100, 485, 390, 90)])
    assert len(_walk(doc, Table)) == 1
