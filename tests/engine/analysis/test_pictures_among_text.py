"""Pictures among text. A vector drawing's labels (a chart's scale and legend) are read as
part of the picture when its caption describes it, and stay text otherwise; a box around a
caption beside a drawing is no piece of it (:func:`workers.engine.layout.reader.drawing_labels`,
:func:`workers.engine.layout.figures.frames_running_text`); a picture that text only grazes
is read where its column reaches it; a picture set at the head of a section, beside its text, is
read with its caption before the next section's heading standing beside it further down;
a row of pictures set on the text is read left to right, each with its caption.
Small PDFs drawn here."""

from __future__ import annotations

import random
from pathlib import Path

import pikepdf

from workers.engine.document import Document, Figure, block_text
from workers.engine.layout.blocks import Block
from workers.engine.layout.figures import frames_running_text
from workers.engine.layout.lines import Fragment
from workers.engine.layout.order import _before_section_heads, _place_of_picture, reading_order
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import BODY, helvetica_page, make_pdf

Lines = list[tuple[float, float, str]]


def figures(doc: Document) -> list[Figure]:
    return [b for b in doc.walk() if isinstance(b, Figure)]


def text_of(doc: Document) -> str:
    """What is read as text (a figure's caption apart)."""
    return " ".join(block_text(b) for b in doc.blocks if not isinstance(b, Figure))


def body() -> Lines:
    return [(72.0, 760.0 - 14 * k, BODY[k % 2]) for k in range(6)]


def chart() -> tuple[list[str], Lines]:
    """A bar chart: axes, gridlines, six bars; year and value labels, a legend."""
    ops = ["0 0 0 RG 0.5 w", "100 300 m 100 560 l S", "100 300 m 520 300 l S"]
    ops += [f"0.8 0.8 0.8 RG 100 {300 + 50 * k} m 520 {300 + 50 * k} l S" for k in (1, 2, 3, 4)]
    labels: Lines = []
    for k, h in enumerate([60, 120, 180, 150, 90, 200]):
        x = 115 + 65 * k
        ops.append(f"0.2 0.4 0.8 rg {x} 300 40 {h} re f")
        labels.append((x + 5, 305.0 + h, f"{2018 + k}"))
    ops.append("0.2 0.4 0.8 rg 440 540 8 8 re f")
    labels.append((452.0, 540.0, "Visitors"))
    return ops, labels


CAPTION = (72.0, 270.0, "Figure 1: Visitors to the park by year")


def test_a_captioned_charts_labels_are_read_as_part_of_it(tmp_path: Path) -> None:
    shapes, labels = chart()
    path = make_pdf(tmp_path / "chart.pdf", [([], body() + labels + [CAPTION])], shapes=shapes)
    doc = read_layout(path, max_pages=2)
    (figure,) = figures(doc)
    assert figure.caption == "Figure 1: Visitors to the park by year"
    text = text_of(doc)
    assert "2019" not in text and "Visitors " not in text.replace("Visitors to", "")
    assert "Public bodies publish" in text
    # The labels' drawing is tagged inside the figure: their operators are its provenance.
    with pikepdf.open(path) as pdf:
        ops = pikepdf.parse_content_stream(pdf.pages[0])
    shown = next(k for k, (operands, op) in enumerate(ops)
                 if str(op) == "Tj" and bytes(operands[0]) == b"2019")
    assert any(start <= shown < end for p in figure.prov for start, end in p.operators)


def test_an_uncaptioned_charts_labels_stay_text(tmp_path: Path) -> None:
    """Without a caption the labels are the only words a listener has of the chart."""
    shapes, labels = chart()
    path = make_pdf(tmp_path / "chart.pdf", [([], body() + labels)], shapes=shapes)
    doc = read_layout(path, max_pages=2)
    assert len(figures(doc)) == 1
    assert "2019" in text_of(doc)


def test_sentences_set_on_a_drawing_stay_text(tmp_path: Path) -> None:
    """An infographic: a sentence in short lines on a drawing is its content, not a label."""
    shapes, _ = chart()
    advice: Lines = [(120.0, 500.0 - 13 * k, line) for k, line in
                     enumerate(["If you shave your", "armpits, use a mirror", "to avoid cuts"])]
    path = make_pdf(tmp_path / "advice.pdf", [([], body() + advice + [CAPTION])],
                    shapes=shapes)
    doc = read_layout(path, max_pages=2)
    assert len(figures(doc)) == 1
    assert "armpits" in text_of(doc)


def test_a_chart_over_its_caption_in_a_box_is_a_figure(tmp_path: Path) -> None:
    """A tinted box around a caption of several lines, touching the chart above it: without
    it, the chart's shapes are the drawing."""
    shapes, labels = chart()
    shapes += ["0.9 0.9 0.9 rg 90 230 440 66 re f"]
    caption: Lines = [
        (96.0, 280.0, "Figure 1: Visitors to the park by year, counted at the two gates"),
        (96.0, 266.0, "of the park and at the visitor centre, which opened in the"),
        (96.0, 252.0, "spring of 2019 and counts the visitors who come by bus."),
    ]
    path = make_pdf(tmp_path / "boxed.pdf", [([], body() + labels + caption)], shapes=shapes)
    doc = read_layout(path, max_pages=2)
    (figure,) = figures(doc)
    box = figure.prov[0].bbox
    assert box.y0 >= 295 and box.y1 >= 500  # the chart, not the caption's box
    assert figure.caption is not None and figure.caption.startswith("Figure 1:")


def test_a_box_frames_the_running_text_it_holds() -> None:
    line = (96.0, 266.0, 380.0, 276.0)
    assert frames_running_text((90.0, 230.0, 530.0, 296.0), [line])
    assert not frames_running_text((100.0, 300.0, 520.0, 560.0), [line])  # the plot beside
    assert not frames_running_text((90.0, 229.0, 530.0, 230.0), [line])  # a rule


def _box(kind: str, x0: float, y0: float, x1: float, y1: float) -> Block:
    return Block(0, kind=kind, x0=x0, y0=y0, x1=x1, y1=y1)


def test_a_picture_grazed_by_a_notes_last_line_is_read_where_its_column_reaches_it() -> None:
    """A margin note's last line reaches into a photograph's white edge: the photograph is
    read where the margin column comes to it (before its caption), not inside the note."""
    term, note = _box("text", 105, 372, 193, 383), _box("text", 105, 323, 225, 372)
    heading, text = _box("text", 274, 183, 412, 201), _box("text", 274, 77, 609, 178)
    caption = _box("text", 105, 78, 251, 111)
    photo = _box("figure", 105, 107, 262, 341)
    ordered = [term, note, heading, text, caption]
    assert _place_of_picture(photo, ordered) == ordered.index(caption)


def test_a_picture_with_a_title_set_on_it_is_read_just_before_the_title() -> None:
    title, text = _box("text", 100, 600, 400, 640), _box("text", 72, 100, 520, 300)
    cover = _box("figure", 50, 350, 550, 800)
    ordered = [text, title]
    assert _place_of_picture(cover, ordered) == 1


def _text(x0: float, y0: float, x1: float, y1: float, size: float) -> Block:
    """A text block in type of ``size``."""
    block = Block(0)
    block.add(Fragment(text="x", x0=x0, y0=y0, x1=x1, y1=y1))
    # (A fragment without glyphs has no size: the block's is set as one read from glyphs.)
    block.__dict__["_size_cache"] = (block.frags, len(block.frags), size)
    return block


def test_a_picture_beside_a_list_whose_longest_line_touches_it_is_read_after_the_list() -> None:
    """A slide: a list on the left, a photograph on the right whose transparent margin the
    list's longest line reaches by a point. The list is read whole, then the picture, then
    the footnote under both: a line only touching the picture's edge is no text of its
    column. A line running into it by more than half an em is."""
    heading = _text(280, 778, 1543, 891, 60)
    first = _text(280, 680, 720, 752, 30)
    rest = _text(280, 595, 1388, 667, 30)
    footnote = _text(280, 128, 1744, 170, 18)
    photo = _box("figure", 1387, 180, 1921, 796)
    ordered = [heading, first, rest, footnote]
    assert _place_of_picture(photo, ordered) == ordered.index(footnote)
    rest = _text(280, 595, 1420, 667, 30)
    ordered = [heading, first, rest, footnote]
    assert _place_of_picture(photo, ordered) == ordered.index(rest)


def _words(text: str, x0: float, y0: float, x1: float, y1: float) -> Block:
    """A text block of one line reading ``text``."""
    block = Block(0)
    block.add(Fragment(text=text, x0=x0, y0=y0, x1=x1, y1=y1))
    return block


def test_a_chart_cut_in_two_by_the_order_is_read_with_its_caption() -> None:
    """The page's order cuts across a chart: the value at its top is read with the heading
    beside it, the rest of its labels with its caption under it, after the next paragraph.
    The chart is read with its caption (and the labels before it), not at that first value,
    which would part it from its caption."""
    chart = _box("figure", 88, 238, 297, 506)
    top_value = _words("200%", 88, 497, 106, 505)
    heading = _words("Muscular Development", 321, 495, 467, 513)
    text = _words("Newborns are born with all the muscle fibers they will ever have", 321, 470,
                  574, 489)
    text.add(Fragment(text="and at birth muscle tissue is a third water", x0=321, y0=252, x1=574,
                      y1=266))
    axis = _words("Size attained", 90, 288, 98, 453)
    caption = _words("Figure 5.4 Growth curves for different body systems", 69, 97, 308, 229)
    ordered = [heading, top_value, text, axis, caption]
    assert _place_of_picture(chart, ordered) == ordered.index(axis)
    # Its labels and caption read together: the chart is read before the first label.
    ordered = [heading, text, top_value, axis, caption]
    assert _place_of_picture(chart, ordered) == ordered.index(top_value)


_SENTENCE = (
    "the analysis finds what the layout shows to a sighted reader and says it in tags so that "
    "people who read with assistive technology hear the page in the order it was set"
)
_WORDS = _SENTENCE.split()


def _line(k: int, n: int) -> str:
    return " ".join(_WORDS[(k * 5 + j) % len(_WORDS)] for j in range(n))


def _photo_beside_two_sections(path: Path) -> Path:
    """A book's page: a photograph at the top left with its caption under it; beside it the
    first section's bold heading and paragraph, then the second section's heading, level
    with the photograph's lower half, over a paragraph that runs on under the caption across
    the photograph's width (text set round the picture)."""
    ops = ["q 230 0 0 220 72 480 cm /Im0 Do Q"]

    def text(x: float, y: float, words: str, font: str = "F1", size: float = 10) -> None:
        ops.append(f"BT /{font} {size} Tf {x} {y} Td ({words}) Tj ET")

    text(72, 462, "Figure 1: Two friends compare their heights in the yard.", size=9)
    text(72, 451, "They are the same age but one has started to grow.", size=9)
    text(316, 690, "First Topic", "F2", 11)
    for k in range(10):
        text(316, 676 - 12 * k, _line(k, 6))
    text(316, 550, "Second Topic", "F2", 11)
    for k in range(8):
        text(316, 536 - 12 * k, _line(k + 3, 6))
    for k in range(6):
        text(150, 536 - 12 * (k + 8), _line(k + 7, 11))
    rng = random.Random(1)
    samples = bytes(rng.randrange(256) for _ in range(40 * 30 * 3))
    return helvetica_page(path, ops, {"/Im0": (40, 30, samples)})


def test_a_picture_heading_one_section_is_read_before_the_next_sections_heading(
    tmp_path: Path,
) -> None:
    """The photograph begins level with the first section's heading: it belongs to that
    section, and it and its caption are read before the second section's heading beside
    its lower half — not between that heading and its paragraph."""
    doc = read_layout(_photo_beside_two_sections(tmp_path / "book.pdf"), max_pages=2)
    read = [block_text(b) if not isinstance(b, Figure) else "<figure>" for b in doc.blocks]
    figure = read.index("<figure>")
    caption = next(k for k, t in enumerate(read) if t.startswith("Figure 1:"))
    second = read.index("Second Topic")
    assert read.index("First Topic") < figure < second
    assert caption == figure + 1


def test_a_picture_inside_a_section_stays_after_its_heading() -> None:
    """A picture whose top lies below the heading beside it is in that heading's section:
    read after the heading, before the text under it."""
    heading = _words("Second Topic", 316, 548, 388, 561)
    # (Fragments without glyphs have no face: the heading's is set as one read from glyphs.)
    heading.__dict__["_size_cache"] = (heading.frags, 1, 11.0)
    heading.__dict__["_bold_cache"] = (heading.frags, 1, True)
    text = _words(_line(0, 6), 316, 533, 488, 545)
    text.add(Fragment(text=_line(1, 11), x0=150, y0=378, x1=488, y1=390))
    text.__dict__["_size_cache"] = (text.frags, 2, 10.0)
    text.__dict__["_bold_cache"] = (text.frags, 2, False)
    photo = _box("figure", 72, 480, 302, 540)
    ordered = [heading, text]
    assert _before_section_heads(photo, ordered, 1) == 1
    taller = _box("figure", 72, 480, 302, 700)
    assert _before_section_heads(taller, ordered, 1) == 0


def _lines(words: str, x0: float, y0: float, x1: float, y1: float, count: int) -> Block:
    """A text block of ``count`` lines, each reading ``words``, filling the box top down."""
    block = Block(0)
    step = (y1 - y0) / count
    for k in range(count):
        top = y1 - k * step
        block.add(Fragment(text=words, x0=x0, y0=top - step, x1=x1, y1=top))
    return block


def test_a_row_of_pictures_set_on_the_text_is_read_left_to_right_with_captions() -> None:
    """A memo's two photographs side by side under a paragraph, their tops reaching into its
    last line, each with a caption of two lines under it; the right one stands a little
    higher, so its caption's top is above the left one's. Read left to right, each picture
    with its caption, then the paragraph under them (not the right picture first because
    its caption's top stands higher)."""
    above = _lines("What his system could do was incredible, not just hypertext",
                   90, 503, 441, 543, 3)
    left = _box("figure", 107, 415, 225, 505)
    left_caption = _lines("Immersive screen sharing", 107, 397, 227, 415, 2)
    right = _box("figure", 282, 427, 401, 511)
    right_caption = _lines("Having a meeting using it", 282, 409, 424, 427, 2)
    below = _lines("An entire conceptual world and world view, the impact of this vision",
                   90, 358, 441, 398, 3)
    blocks = [above, left, right, right_caption, left_caption, below]
    assert reading_order(blocks) == [above, left, left_caption, right, right_caption, below]
