"""Captions without a keyword (:func:`workers.engine.layout.figures.styled_caption_of`): the
author's line right under a picture, set in italics or smaller, is its caption (alternative
text in the author's words); a paragraph of the body, or a line naming the source, is not."""

from __future__ import annotations

import io
import random
from base64 import b64encode

import pytest
from PIL import Image

from workers.engine.document import Figure
from workers.engine.layout import figures
from workers.engine.layout.figures import SOURCE_LINE
from workers.engine.layout.reader import read_layout

from .conftest import HtmlPdf

LOREM = (
    "The council reviewed the plans for the new library and the changes to the bus routes "
    "that serve the town centre, and agreed to publish them for comment before the summer. "
)


def photo_uri() -> str:
    """A photograph-like PNG: every pixel its own (a flat or smoothly scaled picture would be
    decoration, whatever is under it)."""
    rng = random.Random(7)
    image = Image.frombytes("RGB", (120, 80), bytes(rng.randrange(256) for _ in range(28800)))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return "data:image/png;base64," + b64encode(out.getvalue()).decode()


def only_figure(html_pdf: HtmlPdf, caption_html: str) -> Figure:
    path = html_pdf(
        f"<p>{LOREM * 3}</p><figure style='margin: 0 0 14pt'><img src='{photo_uri()}'"
        f" style='width: 8cm; display: block'>{caption_html}</figure><p>{LOREM * 3}</p>"
    )
    (figure,) = [b for b in read_layout(path, max_pages=5).walk() if isinstance(b, Figure)]
    return figure


def test_an_italic_line_under_a_picture_is_its_caption(html_pdf: HtmlPdf) -> None:
    figure = only_figure(html_pdf, "<figcaption style='font-style: italic'>The reading room"
                                   " on its opening day</figcaption>")
    assert figure.caption == "The reading room on its opening day"
    assert figure.alt is None  # the caption serves; nothing is invented


def test_a_smaller_line_under_a_picture_is_its_caption(html_pdf: HtmlPdf) -> None:
    figure = only_figure(html_pdf, "<figcaption style='font-size: 8pt'>The reading room on"
                                   " its opening day</figcaption>")
    assert figure.caption == "The reading room on its opening day"


def test_a_body_paragraph_under_a_picture_is_no_caption(html_pdf: HtmlPdf) -> None:
    figure = only_figure(html_pdf, "<p style='margin: 0'>The reading room opened in May.</p>")
    assert figure.caption is None


def test_a_source_line_under_a_picture_is_no_caption(html_pdf: HtmlPdf) -> None:
    figure = only_figure(html_pdf, "<figcaption style='font-size: 8pt'>Source: council photo"
                                   " archive</figcaption>")
    assert figure.caption is None


def test_source_and_credit_lines_are_told_from_descriptions() -> None:
    for credit in ("Source: council archive", "© City of Chelsea 2021", "Photo: J. Smith",
                   "Photograph by Ann Lee", "Quelle: Stadtarchiv", "Courtesy of the museum"):
        assert SOURCE_LINE.match(credit), credit
    for description in ("Photos of the river at dawn", "Sources of funding, 2020-2024",
                        "The reading room on its opening day"):
        assert not SOURCE_LINE.match(description), description


def test_a_caption_line_apart_from_the_picture_is_not_taken(html_pdf: HtmlPdf) -> None:
    """Far under the picture, a smaller line belongs to what follows, not to the picture."""
    figure = only_figure(html_pdf, "<figcaption style='font-size: 8pt; margin-top: 40pt'>The"
                                   " reading room on its opening day</figcaption>")
    assert figure.caption is None


def test_captions_side_by_side_under_touching_pictures_are_not_taken(
    html_pdf: HtmlPdf,
) -> None:
    """Two pictures set edge to edge are read as one figure; the captions side by side under
    it each describe one of them, neither the whole."""
    def half(caption: str) -> str:
        return (f"<div style='width: 7cm'><img src='{photo_uri()}' style='width: 7cm;"
                f" display: block'><p style='font-size: 8pt; margin: 0'>{caption}</p></div>")

    path = html_pdf(
        f"<p>{LOREM * 2}</p><div style='display: flex; margin-bottom: 14pt'>"
        f"{half('The old reading room in 1950')}{half('The new reading room today')}</div>"
        f"<p>{LOREM * 2}</p>"
    )
    figures = [b for b in read_layout(path, max_pages=5).walk() if isinstance(b, Figure)]
    assert len(figures) == 1 and figures[0].caption is None


def _items_over_a_picture(html_pdf: HtmlPdf) -> Figure:
    """A picture with three short smaller lines set at one margin, the first two over its
    lower part, the third under it."""
    items = "".join(
        f"<p style='font-size: 8pt; margin: 0 0 8pt 1cm'>1.{k}: {text}</p>"
        for k, text in enumerate(["Scale public-private collaboration",
                                  "Integrate federal cybersecurity centers",
                                  "Update federal incident response plans"], start=1)
    )
    path = html_pdf(
        f"<p>{LOREM * 3}</p><figure style='margin: 0 0 14pt'><img src='{photo_uri()}'"
        f" style='width: 8cm; display: block'></figure>"
        f"<div style='margin-top: -50pt; position: relative'>{items}</div><p>{LOREM * 3}</p>"
    )
    (figure,) = [b for b in read_layout(path, max_pages=5).walk() if isinstance(b, Figure)]
    return figure


def test_items_running_on_from_over_a_picture_are_no_caption(html_pdf: HtmlPdf) -> None:
    """Lines set over a picture's lower part and running on under it, at one margin (a
    designed page's list laid over its background photograph), are the page's text: the
    first under the picture is no caption of it."""
    assert _items_over_a_picture(html_pdf).caption is None


def test_without_the_lines_over_it_the_line_under_would_be_taken(
    html_pdf: HtmlPdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The premise of the test above: smaller and right under the picture, the third line
    # passes every other test of a caption.
    monkeypatch.setattr(figures, "_runs_on_from_over", lambda *_: False)
    assert _items_over_a_picture(html_pdf).caption == "1.3: Update federal incident response plans"


def _narrow_figure(html_pdf: HtmlPdf, caption: str, *, measure: str = "3.4cm") -> Figure:
    """A narrow picture (3 cm) set to the right of the text, its smaller caption wrapped at
    its own ``measure`` under it."""
    path = html_pdf(
        f"<div style='float: right; width: {measure}; margin-left: 12pt'>"
        f"<img src='{photo_uri()}' style='width: 3cm; display: block'>"
        f"<p style='font-size: 8pt; margin: 0'>{caption}</p></div><p>{LOREM * 6}</p>"
    )
    (figure,) = [b for b in read_layout(path, max_pages=5).walk() if isinstance(b, Figure)]
    return figure


def test_a_caption_wrapped_under_a_narrow_picture_is_its_caption(html_pdf: HtmlPdf) -> None:
    """Under a narrow picture a short caption takes four lines, and its measure runs a little
    past the picture's edge: still the author's words for that picture."""
    caption = ("Dedicated to Ann Lee: a wonderful teacher, colleague and friend of the"
               " library, 1943 to 2004")
    assert _narrow_figure(html_pdf, caption).caption == caption


def test_a_long_smaller_block_under_a_narrow_picture_is_no_caption(html_pdf: HtmlPdf) -> None:
    """Many short lines holding a paragraph's worth of words are text set beside the body,
    not a caption of the picture over them."""
    assert _narrow_figure(html_pdf, LOREM).caption is None


def test_the_first_part_of_a_caption_cut_in_two_is_no_caption(html_pdf: HtmlPdf) -> None:
    """A small block right under the picture that goes on in another block of the same face
    just under it is a piece of a caption the reader cut: alone it describes nothing."""
    path = html_pdf(
        f"<p>{LOREM * 3}</p><figure style='margin: 0 0 14pt'><img src='{photo_uri()}'"
        f" style='width: 8cm; display: block'><p style='font-size: 8pt; margin: 0'>The"
        f" stacked up</p><p style='font-size: 8pt; margin: 9pt 0 0 0.5cm'>frames that reveal"
        f" the pattern</p>"
        f"</figure><p>{LOREM * 3}</p>"
    )
    (figure,) = [b for b in read_layout(path, max_pages=5).walk() if isinstance(b, Figure)]
    assert figure.caption is None
