"""Slides as PowerPoint and Impress print them (bench/presentations.py makes whole decks):

- a numbered point whose number fills its hanging indent is drawn right against its text,
  the number a text object of its own ("1.Improve"); it is the point's label
  (layout/abutting_labels.py), where a number drawn in its word's own run is not;
- two boxes of points side by side on a slide are two lists, whatever their bullets (a
  slide's text does not flow from one column into the next);
- a slide's points set larger than the deck's body (a box whose text was not shrunk to fit)
  are points, not numbered headings: a slide's heading is its title.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from tests.engine.content_pdfs import pdf_string, text_page_pdf, text_pages_pdf
from workers.engine.document import Document, Heading, ListBlock, Paragraph
from workers.engine.layout.abutting_labels import abutting_label_walls
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.lines import fragments
from workers.engine.layout.reader import read_layout

#: Helvetica's advance widths (per 1000) of the figures and the full stop.
_FIGURE_WIDTH, _STOP_WIDTH = 556, 278
SIZE = 14.0
LABEL_X = 72.0
#: Where "N." drawn at LABEL_X ends: the text's object starts there, no gap.
TEXT_X = LABEL_X + (_FIGURE_WIDTH + _STOP_WIDTH) * SIZE / 1000
SLIDE = (720.0, 540.0)

POINTS = [
    ("Improve the town centre where the evidence supports it and", "residents agree"),
    ("Bring forward the capital programme subject to the", "cabinet's approval"),
    ("Review waste collection across every ward by the", "end of March"),
]


def _object(text: str, x: float, y: float, size: float = SIZE) -> bytes:
    """A text object of its own drawing ``text`` from (x, y)."""
    return f"BT /F1 {size:g} Tf {x:.3f} {y:g} Td ({pdf_string(text).decode()}) Tj ET".encode()


def _numbered_points(*, number_apart: bool, after: str = "") -> list[bytes]:
    operators = [_object("What we propose", LABEL_X, 760, 20)]
    y = 730.0
    for k, (first, second) in enumerate(POINTS, start=1):
        if number_apart:
            operators += [_object(f"{k}.", LABEL_X, y), _object(after + first, TEXT_X, y)]
        else:
            operators.append(_object(f"{k}.{after}{first}", LABEL_X, y))
        operators.append(_object(second, TEXT_X, y - 17))
        y -= 40
    return operators


def _lists(document: Document) -> list[ListBlock]:
    return [b for b in document.blocks if isinstance(b, ListBlock)]


def test_a_number_drawn_against_its_text_labels_a_point(tmp_path: Path) -> None:
    path = text_page_pdf(tmp_path / "points.pdf", _numbered_points(number_apart=True))
    document = read_layout(path, max_pages=1)
    [points] = _lists(document)
    assert points.ordered
    assert [item.label for item in points.items] == ["1.", "2.", "3."]
    assert [item.text for item in points.items] == [f"{a} {b}" for a, b in POINTS]


def test_a_number_in_its_words_own_run_is_no_label_drawn_apart(tmp_path: Path) -> None:
    # The same text, each line's number and words one object: nothing tells them apart.
    path = text_page_pdf(tmp_path / "run.pdf", _numbered_points(number_apart=False))
    with pdfium.PdfDocument(str(path)) as pdf:
        assert abutting_label_walls(fragments(read_page(pdf, 0).glyphs)) == []
    document = read_layout(path, max_pages=1)
    assert not _lists(document)
    assert any(isinstance(b, Paragraph) and b.text.startswith("1.Improve")
               for b in document.blocks)


def test_a_number_drawn_against_a_figure_is_left_whole(tmp_path: Path) -> None:
    # "1." then "5 million" drawn by two objects: a decimal, not a label and its point.
    operators = [_object("1.", LABEL_X, 700), _object("5 million pounds were spent", TEXT_X, 700)]
    path = text_page_pdf(tmp_path / "figure.pdf", operators)
    with pdfium.PdfDocument(str(path)) as pdf:
        assert abutting_label_walls(fragments(read_page(pdf, 0).glyphs)) == []


def test_a_number_opening_no_line_is_left_whole(tmp_path: Path) -> None:
    # "see point 2." with the "2." an object of its own against "Next": mid-line, no label.
    # ("as in point" ends about 70 pt on, a word space before the number.)
    operators = [_object("as in point", LABEL_X, 700), _object("2.", 146.0, 700),
                 _object("Next we turn", 146.0 + TEXT_X - LABEL_X, 700)]
    path = text_page_pdf(tmp_path / "midline.pdf", operators)
    with pdfium.PdfDocument(str(path)) as pdf:
        assert abutting_label_walls(fragments(read_page(pdf, 0).glyphs)) == []


def test_running_text_wrapped_before_a_number_drawn_apart_is_left_whole(
    tmp_path: Path,
) -> None:
    # A paragraph's line opening with a version's number drawn by an object of its own
    # ("2." then "Y runtime", as a word processor parts a run): the lines above and below
    # start where it does, as a paragraph's lines do, and none is numbered.
    operators = [
        _object("The directory /usr/local/lib/python2.Y/site-packages is in the Python", 72, 700),
        _object("2.", 72, 683), _object("Y runtime module search path, as the site module", TEXT_X,
                                        683),
        _object("documents in the official documentation of Python.", 72, 666),
    ]
    path = text_page_pdf(tmp_path / "running.pdf", operators)
    with pdfium.PdfDocument(str(path)) as pdf:
        assert abutting_label_walls(fragments(read_page(pdf, 0).glyphs)) == []
    document = read_layout(path, max_pages=1)
    assert not _lists(document)
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == [
        "The directory /usr/local/lib/python2.Y/site-packages is in the Python 2.Y runtime "
        "module search path, as the site module documents in the official documentation of "
        "Python."
    ]


def _slide(
    title: str, left: list[str], right: list[str], size: float = 18.0, right_size: float = 0.0,
) -> list[bytes]:
    """A slide: its title, and two boxes of bulleted points side by side (the right box's
    text in ``right_size`` when given: a box whose text was shrunk less); a point holding
    "/" goes on to a second line there."""
    operators = [_object(title, 60, 470, 32)]
    for x, points, points_size in ((40.0, left, size), (380.0, right, right_size or size)):
        y = 400.0
        for point in points:
            operators.append(
                f"BT /F1 {points_size:g} Tf {x:g} {y:g} Td (\x95) Tj ET".encode("latin-1"))
            for line in point.split(" / "):
                operators.append(_object(line, x + 20, y, points_size))
                y -= 1.2 * points_size
            y -= 0.4 * points_size
    return operators


def test_boxes_of_points_side_by_side_are_lists_of_their_own(tmp_path: Path) -> None:
    # The left box's lines run close to the right box's, and its points hold sub-points:
    # the two boxes' lines are read in one region, the right box's after the left's.
    left = ["Protect the library service in line / with the strategy agreed last year",
            "Repair the roads and the pavements / across every ward of the borough",
            "Build more homes for social rent on / land the council already owns"]
    slides = [
        _slide("Our priorities", left, ["Cut waiting / times", "Plant trees"], 16, 24),
        _slide("Risks", left, ["Grants end / early", "Rates rise"], 16, 24),
        _slide("Next steps", left, ["Publish the / plan", "Start work"], 16, 24),
    ]
    path = text_pages_pdf(tmp_path / "deck.pdf", slides, size=SLIDE)
    document = read_layout(path, max_pages=3)
    lists = _lists(document)
    assert len(lists) == 6
    for lst in lists:
        # (No point holds a list: the right box's points are no sub-points of the left's.)
        assert all(not any(isinstance(b, ListBlock) for b in item.blocks) for item in lst.items)
    assert [item.text for item in lists[1].items] == ["Cut waiting times", "Plant trees"]


def test_numbered_points_set_larger_than_the_decks_body_are_points(tmp_path: Path) -> None:
    slides = [
        _slide("Our priorities", ["Protect libraries", "Repair the roads", "Build homes"],
               ["Cut waiting times", "Plant trees"], size=16),
        _slide("Risks", ["Costs rise", "Staff leave", "Demand grows"],
               ["Grants end", "Rates rise"], size=16),
    ]
    larger = [_object("Next steps", 60, 470, 32)]
    for k, point in enumerate(["Consult residents on the plan", "Report to the cabinet",
                               "Decide in May"], start=1):
        larger.append(_object(f"{k}. {point}", 40, 400 - 40 * k, 24))
    path = text_pages_pdf(tmp_path / "deck.pdf", [*slides, larger], size=SLIDE)
    document = read_layout(path, max_pages=3)
    last = document.blocks[[isinstance(b, Heading) and b.text == "Next steps"
                            for b in document.blocks].index(True) + 1:]
    assert len(last) == 1 and isinstance(last[0], ListBlock)
    assert [item.label for item in last[0].items] == ["1.", "2.", "3."]
