"""Captions opened by an ornament (:func:`workers.engine.layout.figures.caption_text`): a bar or
dingbat a book sets before its figure numbers ("▌Figure 5.1", which its font may map to "•")
is decoration, no list's bullet: the line is still the figure's caption."""

from __future__ import annotations

from dataclasses import dataclass

from workers.engine.captions import without_caption_paragraphs
from workers.engine.document import Figure, ListBlock, block_text
from workers.engine.layout.figures import caption_of, caption_text
from workers.engine.layout.reader import read_layout

from .conftest import HtmlPdf
from .test_styled_captions import LOREM, photo_uri


def test_an_ornament_before_a_figure_number_opens_a_caption() -> None:
    assert caption_text("• Figure 5.1 Gain in height") == "Figure 5.1 Gain in height"
    assert caption_text("Figure 2: Roads") == "Figure 2: Roads"
    assert caption_text("• Figures are rounded") is None
    assert caption_text("• Gain in height") is None


def test_a_numbered_dingbat_is_an_ornament_though_it_counts_as_a_figure() -> None:
    # (caption_text passes over lines opening with an ASCII letter or figure without looking
    # for an ornament: a dingbat such as "❶" is alphanumeric to str.isalnum, and is one.)
    assert "❶".isalnum()
    assert caption_text("❶ Figure 3 The stages") == "Figure 3 The stages"
    assert caption_text("3 Figures of the stages") is None


def test_a_caption_after_an_ornament_is_the_figures_not_a_list_item(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<p>{LOREM * 3}</p><figure style='margin: 0 0 14pt'><img src='{photo_uri()}'"
        " style='width: 8cm; display: block'><p style='margin: 4pt 0 0'>• Figure 4 The reading"
        f" room on its opening day</p></figure><p>{LOREM * 3}</p>"
    )
    doc = read_layout(path, max_pages=5)
    (figure,) = [b for b in doc.walk() if isinstance(b, Figure)]
    assert figure.caption == "Figure 4 The reading room on its opening day"
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    # The paragraph drawing the caption is paired with the figure: said once.
    texts = [block_text(b) for b in without_caption_paragraphs(doc.blocks)]
    assert sum("reading room" in t for t in texts) == 1


@dataclass
class _Line:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def test_a_caption_ends_at_a_line_beside_the_figure() -> None:
    # The caption's first line under a chart, run into one block with the last lines of the
    # text column beside the chart: those lines are no part of the caption.
    block = [
        _Line("Figure 5.1 Gain in height per year", 60, 130, 300, 142),
        _Line("height until full adult stature is attained", 320, 128, 570, 140),
        _Line("teens (Tanner, 1990).", 320, 116, 420, 128),
    ]
    assert caption_of((60, 150, 310, 370), [block], 842) == "Figure 5.1 Gain in height per year"


def test_a_captions_short_last_line_left_of_a_narrow_figure_is_its_own() -> None:
    # A caption as wide as the column under a narrow diagram: its last line, a word or two,
    # ends left of the diagram, but starts where the caption's lines start.
    block = [
        _Line("Figure 8. Control flow graph of a loop with two nested loops", 317, 577, 556,
              585),
        _Line("and places guards at their side exit", 317, 567, 556, 575),
        _Line("locations.", 317, 557, 360, 565),
    ]
    assert caption_of((387, 603, 487, 716), [block], 792) == (
        "Figure 8. Control flow graph of a loop with two nested loops and places guards at"
        " their side exit locations."
    )


def test_a_caption_whose_label_stands_left_of_the_figure_is_its_caption() -> None:
    # The charts' scale values lie left of their plots, outside the drawing's box: the
    # caption's label, set flush with the values, is left of the box, its words run on
    # over it.
    block = [
        _Line("Figure 2.", 48, 434, 80, 442),
        _Line("Absolute error in the median for three data sets.", 86, 434, 547, 442),
    ]
    assert caption_of((88, 474, 547, 553), [block], 842) == (
        "Figure 2. Absolute error in the median for three data sets."
    )
    # A caption of the column beside the figure, no line of it over the figure, is not its.
    beside = [_Line("Figure 3.", 20, 434, 60, 442), _Line("Sizes.", 62, 434, 80, 442)]
    assert caption_of((88, 474, 547, 553), [beside], 842) is None
