"""Sub-figures' names set between the pictures and their caption ("(a) … (b) …" under a row
of pictures, then "Figure 4: …"): they are part of the figure, so the pictures are one
figure and its caption is said once
(:func:`workers.engine.layout.figures.between_pictures_and_caption`)."""

from __future__ import annotations

from pathlib import Path

from workers.engine.captions import caption_paragraphs
from workers.engine.document import Figure
from workers.engine.layout.reader import read_layout
from workers.engine.render_html import render_html

from .drawn_pdfs import Picture, body_lines, make_pdf

CAPTION = "Figure 4: Two views of the town"


def _html_says(path: Path) -> tuple[int, int]:
    """How often the HTML says the caption: as a figure's caption, and as a paragraph."""
    html = render_html(read_layout(path, max_pages=5), source=path).decode()
    return html.count(f">{CAPTION}</figcaption>"), html.count(f">{CAPTION}</p>")


def test_pictures_with_names_under_them_and_one_caption_are_one_figure(tmp_path: Path) -> None:
    """Each picture's name is set well under it (more than a label's distance), the caption
    under the names: one figure, its caption said once."""
    left = Picture("river", 100, 400, 170, 150)
    right = Picture("harbour", 320, 400, 170, 150)
    lines = body_lines(760)[:4] + [
        (130.0, 378.0, "(a) The river at dawn"),
        (350.0, 378.0, "(b) The harbour"),
        (200.0, 352.0, CAPTION),
        *body_lines(320)[:3],
    ]
    path = make_pdf(tmp_path / "row.pdf", [([left, right], lines)])
    doc = read_layout(path, max_pages=5)
    (figure,) = [b for b in doc.walk() if isinstance(b, Figure)]
    assert figure.caption == CAPTION and len(figure.prov) == 2
    assert _html_says(path) == (1, 0)


def test_a_sentence_between_a_picture_and_its_caption_keeps_the_caption_apart(
    tmp_path: Path,
) -> None:
    """An unlabelled line between a picture and its caption is running text read between
    them, no sub-figure's name: the caption paragraph is read after it, where it stands."""
    photo = Picture("river", 200, 400, 150, 150)
    lines = body_lines(760)[:4] + [
        (150.0, 378.0, "The river at dawn, seen from the old bridge"),
        (200.0, 352.0, CAPTION),
        *body_lines(320)[:3],
    ]
    path = make_pdf(tmp_path / "one.pdf", [([photo], lines)])
    doc = read_layout(path, max_pages=5)
    at = next(k for k, b in enumerate(doc.blocks) if isinstance(b, Figure))
    assert at not in caption_paragraphs(doc.blocks)
    assert _html_says(path) == (1, 1)


def test_a_pictures_labelled_names_under_it_pair_its_caption_over_them(tmp_path: Path) -> None:
    """One picture of two views named "(a)" and "(b)" under it, further from it than a
    label, then the caption: the caption paragraph is the figure's (said with it), the
    names read after it."""
    photo = Picture("river", 150, 400, 300, 150)
    lines = body_lines(760)[:4] + [
        (170.0, 378.0, "(a) At dawn"),
        (330.0, 378.0, "(b) At dusk"),
        (200.0, 352.0, CAPTION),
        *body_lines(320)[:3],
    ]
    path = make_pdf(tmp_path / "views.pdf", [([photo], lines)])
    doc = read_layout(path, max_pages=5)
    at = next(k for k, b in enumerate(doc.blocks) if isinstance(b, Figure))
    assert at in caption_paragraphs(doc.blocks)
    assert _html_says(path) == (1, 0)
