"""Figures or decoration (:mod:`workers.engine.layout.figures`), on small PDFs made here with
pikepdf: running logos, page backgrounds and flat bars are artifacts; pictures stay figures,
with their captions as the author wrote them."""

from __future__ import annotations

import zlib
from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import Artifact, Document, Figure, Paragraph
from workers.engine.layout.reader import read_layout
from workers.engine.render_html import render_html

from .drawn_pdfs import HEIGHT, WIDTH, Picture, body_lines, footer_ornament, make_pdf


def figures(doc: Document) -> list[Figure]:
    return [b for b in doc.walk() if isinstance(b, Figure)]


def decorations(doc: Document) -> list[Artifact]:
    return [a for a in doc.artifacts if a.kind == "decoration"]


def test_a_logo_repeated_at_the_same_place_on_every_page_is_decoration(tmp_path: Path) -> None:
    logo = Picture("logo", 450, 760, 90, 60)
    path = make_pdf(tmp_path / "logo.pdf", [([logo], body_lines()) for _ in range(3)])
    doc = read_layout(path, max_pages=10)
    assert figures(doc) == []
    assert sorted(a.prov[0].page for a in decorations(doc)) == [0, 1, 2]
    assert all(a.prov[0].operators for a in decorations(doc))  # the tagger can mark them


def test_the_same_logo_on_only_some_pages_stays_a_figure(tmp_path: Path) -> None:
    """A picture kept on two of six pages (a slide built up) is no running furniture."""
    logo = Picture("logo", 450, 760, 90, 60)
    pages = [([logo] if k < 2 else [], body_lines()) for k in range(6)]
    doc = read_layout(make_pdf(tmp_path / "some.pdf", pages), max_pages=10)
    assert [f.prov[0].page for f in figures(doc)] == [0, 1]
    assert decorations(doc) == []


def test_a_full_page_background_is_decoration(tmp_path: Path) -> None:
    background = Picture("paper", 0, 0, WIDTH, HEIGHT)
    doc = read_layout(make_pdf(tmp_path / "bg.pdf", [([background], body_lines())]),
                      max_pages=5)
    assert figures(doc) == []
    assert len(decorations(doc)) == 1
    assert any(isinstance(b, Paragraph) for b in doc.blocks)


def test_a_flat_colour_bar_is_decoration(tmp_path: Path) -> None:
    bar = Picture("flat", 72, 700, 450, 14)  # a thin bar of one colour, over 1% of the page
    doc = read_layout(make_pdf(tmp_path / "bar.pdf", [([bar], body_lines())]), max_pages=5)
    assert figures(doc) == []
    assert len(decorations(doc)) == 1


def test_a_picture_without_caption_stays_a_figure_without_alt(tmp_path: Path) -> None:
    photo = Picture("photo", 150, 200, 300, 200)
    doc = read_layout(make_pdf(tmp_path / "photo.pdf", [([photo], body_lines(700))]),
                      max_pages=5)
    (figure,) = figures(doc)
    assert figure.caption is None and figure.alt is None  # a person must describe it
    assert decorations(doc) == []


def test_a_picture_takes_its_caption_from_the_line_below(tmp_path: Path) -> None:
    photo = Picture("photo", 150, 200, 300, 200)
    lines = body_lines(700) + [(150.0, 185.0, "Fig. 3: The river at dawn")]
    doc = read_layout(make_pdf(tmp_path / "below.pdf", [([photo], lines)]), max_pages=5)
    (figure,) = figures(doc)
    assert figure.caption == "Fig. 3: The river at dawn"


def test_a_caption_above_the_picture_after_its_labels_is_found(tmp_path: Path) -> None:
    """The caption's words start at its own line, even when a label of the drawing above it
    falls into the same block; the nearest caption is the figure's own."""
    photo = Picture("photo", 150, 200, 300, 200)
    lines = body_lines(700)[:6] + [
        (150.0, 430.0, "Abbildung 2: Zwei Messreihen"),
        (150.0, 444.0, "Quelle"),
        (150.0, 160.0, "Tableau 4 : autre chose plus loin"),
    ]
    doc = read_layout(make_pdf(tmp_path / "above.pdf", [([photo], lines)]), max_pages=5)
    (figure,) = figures(doc)
    assert figure.caption == "Abbildung 2: Zwei Messreihen"


def test_pictures_side_by_side_each_take_the_caption_under_them(tmp_path: Path) -> None:
    """The right picture's caption starts a little left of it, reaching under the end of the
    left picture, and is set two points higher than the left one's: nearer to the left
    picture than its own caption, but standing under the right one. Each picture is said
    with its own caption."""
    left = Picture("photo", 72, 220, 228, 160)
    right = Picture("chart", 320, 220, 220, 160)
    lines = body_lines(760)[:6] + [
        (72.0, 200.0, "Figure 7: Self-locking nuts."),
        (290.0, 202.0, "Figure 8: A stainless steel nut and its case."),
    ]
    doc = read_layout(make_pdf(tmp_path / "row.pdf", [([left, right], lines)]), max_pages=5)
    assert [(f.prov[0].bbox.x0, f.caption) for f in figures(doc)] == [
        (72, "Figure 7: Self-locking nuts."),
        (320, "Figure 8: A stainless steel nut and its case."),
    ]


def test_a_captioned_flat_image_is_still_a_figure(tmp_path: Path) -> None:
    """The author's caption says it is a figure, however plain it looks."""
    swatch = Picture("flat", 150, 300, 200, 150)
    lines = body_lines(700)[:4] + [(150.0, 285.0, "Figure 1: The new house colour")]
    doc = read_layout(make_pdf(tmp_path / "swatch.pdf", [([swatch], lines)]), max_pages=5)
    (figure,) = figures(doc)
    assert figure.caption == "Figure 1: The new house colour"


def test_a_picture_merged_with_a_running_band_keeps_only_its_own_image(tmp_path: Path) -> None:
    """A slide's band runs down every page; a picture touching it on one page is read alone."""
    band = Picture("band", 0, 0, 40, HEIGHT)
    photo = Picture("photo", 40, 300, 300, 200)
    pages = [([band, photo] if k == 1 else [band], body_lines()) for k in range(3)]
    doc = read_layout(make_pdf(tmp_path / "band.pdf", pages), max_pages=5)
    (figure,) = figures(doc)
    box = figure.prov[0].bbox
    assert (round(box.x0), round(box.x1)) == (40, 340)
    assert len(decorations(doc)) == 3  # the band, on every page


def test_decoration_is_left_out_of_the_html(tmp_path: Path) -> None:
    logo = Picture("logo", 450, 760, 90, 60)
    photo = Picture("photo", 150, 200, 300, 200)
    pages = [([logo, photo] if k == 0 else [logo], body_lines(700)) for k in range(3)]
    path = make_pdf(tmp_path / "html.pdf", pages)
    doc = read_layout(path, max_pages=5)
    html = render_html(doc, source=path).decode()
    assert html.count("<img") == len(figures(doc)) == 1


def test_a_drawing_repeated_in_the_footer_of_every_page_is_decoration(tmp_path: Path) -> None:
    pages: list[tuple[list[Picture], list[tuple[float, float, str]]]] = [
        ([], body_lines()) for _ in range(4)
    ]
    doc = read_layout(make_pdf(tmp_path / "footer.pdf", pages, shapes=footer_ornament()),
                      max_pages=5)
    assert figures(doc) == []
    assert sorted(a.prov[0].page for a in decorations(doc)) == [0, 1, 2, 3]
    assert all(a.prov[0].operators for a in decorations(doc))


def test_a_logo_smaller_than_a_hundredth_of_the_page_is_a_figure(tmp_path: Path) -> None:
    """A form's issuer's logo (200 by 24 points: under 1% of the page, over a 35-point square)
    is a picture a reader is told of; an icon the size of a line of text is not."""
    logo = Picture("logo", 30, 760, 200, 24)
    icon = Picture("icon", 72, 300, 16, 16)
    doc = read_layout(make_pdf(tmp_path / "logo.pdf", [([logo, icon], body_lines())]),
                      max_pages=5)
    (figure,) = figures(doc)
    box = figure.prov[0].bbox
    assert (round(box.x0), round(box.x1), round(box.y1 - box.y0)) == (30, 230, 24)


#: Three drawings of a person, one above the other, each made of small pieces, with a
#: sentence of instructions beside it and a floor of tiles under both (a poster of exercises).
def _exercise_poster() -> tuple[list[str], list[tuple[float, float, str]]]:
    shapes = ["0.2 0.4 0.7 rg"]
    lines: list[tuple[float, float, str]] = []
    for row in range(3):
        floor = 300 + 64 * row
        shapes += [f"{x} {floor} 5 5 re f" for x in range(300, 541, 8)]
        shapes += [f"{310 + 6 * (k % 3)} {floor + 8 + 5 * (k // 3)} 4 4 re f" for k in range(33)]
        lines.append((360.0, floor + 30.0, "Lift your arm slowly above your head."))
    return shapes, lines


def test_an_illustration_with_sentences_on_it_stays_a_figure(tmp_path: Path) -> None:
    """Running text on a drawing of many small pieces (instructions beside each drawing of a
    poster) leaves it a picture; its sentences are still read as text."""
    shapes, lines = _exercise_poster()
    doc = read_layout(make_pdf(tmp_path / "poster.pdf", [([], body_lines(250)[:8] + lines)],
                               shapes=shapes), max_pages=5)
    (figure,) = figures(doc)
    box = figure.prov[0].bbox
    assert box.x0 == pytest.approx(300, abs=1) and box.x1 == pytest.approx(545, abs=1)
    text = " ".join(b.text for b in doc.walk() if isinstance(b, Paragraph))
    assert text.count("Lift your arm slowly") == 3


def test_sentences_between_rules_drawn_in_segments_are_no_figure(tmp_path: Path) -> None:
    """The same sentences between rules drawn in many short segments (a form's lines, a
    border) draw no picture: rules are no pieces of an illustration."""
    _, lines = _exercise_poster()
    rules = ["0.2 0.4 0.7 rg", *(
        f"{x} {300 + 64 * row} 8 1 re f" for row in range(4) for x in range(300, 541, 8)), *(
        f"{x} {y} 1 8 re f" for x in (300, 548) for y in range(300, 493, 8))]
    doc = read_layout(make_pdf(tmp_path / "rules.pdf", [([], body_lines(250)[:8] + lines)],
                               shapes=rules), max_pages=5)
    assert figures(doc) == []


def test_a_charts_bars_drawn_as_images_are_part_of_the_chart(tmp_path: Path) -> None:
    """Bars drawn as images on a chart drawn with shapes (its axes and gridlines) are pieces
    of the one chart, not figures of their own."""
    grid = ["0 0 0 RG 1 w", "100 300 m 500 300 l S", "100 300 m 100 500 l S",
            *(f"100 {y} m 500 {y} l S" for y in (350, 400, 450, 500))]
    bars = [Picture(f"bar{k}", 130 + 90 * k, 300, 40, 60 + 40 * k) for k in range(4)]
    doc = read_layout(make_pdf(tmp_path / "chart.pdf", [(bars, body_lines(250)[:8])],
                               shapes=grid), max_pages=5)
    (chart,) = figures(doc)
    box = chart.prov[0].bbox
    assert box.x0 == pytest.approx(100, abs=1) and box.x1 == pytest.approx(500, abs=1)


def test_a_badge_drawn_with_its_number_in_one_form_is_not_hidden(tmp_path: Path) -> None:
    """A flat badge (decoration) drawn by the same Form XObject as the number set on it is
    not marked an artifact: the number would be hidden with it."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding))
    badge = pikepdf.Stream(pdf, zlib.compress(bytes([30, 80, 160]) * (40 * 30)))
    badge.Type, badge.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    badge.Width, badge.Height, badge.BitsPerComponent = 40, 30, 8
    badge.ColorSpace, badge.Filter = pikepdf.Name.DeviceRGB, pikepdf.Name.FlateDecode
    form = pikepdf.Stream(pdf, b"q 60 0 0 60 0 0 cm /Im0 Do Q BT /F1 24 Tf 22 20 Td (3) Tj ET")
    form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
    form.BBox = [0, 0, 60, 60]
    form.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font),
                                        XObject=pikepdf.Dictionary(Im0=badge))
    ops = ["q 1 0 0 1 72 700 cm /Fm0 Do Q",
           "BT /F1 18 Tf 150 720 Td (Shape market forces) Tj ET",
           *(f"BT /F1 11 Tf {x} {y} Td ({text}) Tj ET" for x, y, text in body_lines())]
    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, WIDTH, HEIGHT],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font),
                                     XObject=pikepdf.Dictionary(Fm0=form)),
        Contents=pdf.make_stream("\n".join(ops).encode()))))
    path = tmp_path / "badge.pdf"
    pdf.save(path)
    doc = read_layout(path, max_pages=5)
    assert decorations(doc) == [] and figures(doc) == []


def test_two_pictures_under_one_caption_are_one_figure(tmp_path: Path) -> None:
    """A caption above two pictures set one under the other (a chart's row of icons over its
    grid): it is the nearest caption of each, but one paragraph, said once. Two figures would
    both carry it, and every output pairs the paragraph with one only: the other repeats it."""
    icons = Picture("photo", 100, 560, 300, 60)
    grid = Picture("photo", 100, 380, 300, 170)
    lines = body_lines(760)[:3] + [(100.0, 630.0, "Figure 2: Extent of the strategy")]
    path = make_pdf(tmp_path / "two.pdf", [([icons, grid], lines)])
    doc = read_layout(path, max_pages=5)
    (figure,) = figures(doc)
    assert figure.caption == "Figure 2: Extent of the strategy"
    assert [(p.bbox.y0, p.bbox.y1) for p in figure.prov] == [(560, 620), (380, 550)]
    assert all(p.operators for p in figure.prov)  # the tagger marks both pictures
    assert render_html(doc, source=path).decode().count("<figcaption>") == 1


def test_pictures_under_one_caption_with_a_paragraph_between_stay_apart(
    tmp_path: Path,
) -> None:
    """Running text between two pictures is read where it stands: they are not joined over
    it (the caption is then said with each, as it is found nearest to each)."""
    icons = Picture("photo", 100, 600, 300, 22)
    grid = Picture("photo", 100, 380, 300, 180)
    lines = [(100.0, 630.0, "Figure 2: Extent of the strategy"), *body_lines(585)[:2]]
    doc = read_layout(make_pdf(tmp_path / "apart.pdf", [([icons, grid], lines)]), max_pages=5)
    assert [f.caption for f in figures(doc)] == ["Figure 2: Extent of the strategy"] * 2
    assert any(isinstance(b, Paragraph) for b in doc.blocks[doc.blocks.index(figures(doc)[0]):])
