"""Asides are not read inside a paragraph broken by a page break."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import BBox, Paragraph, Prov, block_text
from workers.engine.layout.reader import read_layout
from workers.engine.layout.runover import asides_after_runover

from .conftest import HtmlPdf


def read_words(path: Path) -> list[str]:
    return " ".join(block_text(b) for b in read_layout(path, max_pages=5).blocks).split()


def test_a_caption_beside_a_paragraph_broken_by_the_page_is_read_after_it_ends(
    html_pdf: HtmlPdf,
) -> None:
    # The running text's last paragraph on the first page goes on on the second; a caption
    # in the margin at the foot of the first page is read after the paragraph, not inside.
    letters = "abcdefghijklmnopqrstuvwxyz"
    running = " ".join(f"w{letters[i // 26 % 26]}{letters[i % 26]}" for i in range(900))
    caption = "Picture " + " ".join(f"cap{letters[i]}" for i in range(10))
    path = html_pdf(
        "<div style='position: absolute; left: 0; top: 22cm; width: 3.5cm; font-size: 8pt'>"
        f"{caption}</div>"
        f"<p style='margin: 0 0 0 4.5cm; line-height: 14pt'>{running}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert len({b.prov[0].page for b in doc.blocks if b.prov}) == 2
    assert read_words(path) == running.split() + caption.split()


def para(text: str, page: int, x0: float, y0: float, x1: float, y1: float) -> Paragraph:
    return Paragraph(text, [Prov(page, BBox(x0, y0, x1, y1))])


def test_only_asides_of_a_broken_paragraph_move() -> None:
    broken = para("the bridge was closed for", 0, 200, 80, 560, 300)
    caption = para("A photo of the bridge.", 0, 40, 80, 180, 120)
    rest = para("three weeks in June.", 1, 200, 700, 560, 760)
    assert asides_after_runover([broken, caption, rest]) == [broken, rest, caption]
    # A column of an index ends in page numbers: no sentence broken off.
    entries = para("marasmus 192", 0, 200, 80, 560, 300)
    assert asides_after_runover([entries, caption, rest]) == [entries, caption, rest]
    # Running text under the paragraph, as wide: the paragraph was not the page's last.
    under = para("Another paragraph of the page.", 0, 200, 20, 560, 70)
    assert asides_after_runover([broken, under, rest]) == [broken, under, rest]
    # A heading-less new page starting with a capital: no sentence goes on.
    fresh = para("Three weeks later.", 1, 200, 700, 560, 760)
    assert asides_after_runover([broken, caption, fresh]) == [broken, caption, fresh]


def test_a_sentence_going_on_under_a_formula_is_not_moved() -> None:
    # "Then the map / α: X → Y / is an isomorphism." with a diagram's label "γ" atop the
    # next page: the short line under the formula is the sentence's end, no aside.
    formula = para("α : π(X, a) → π(X, b) [δ ∗ γ]", 0, 200, 300, 400, 320)
    end = para("is an isomorphism.", 0, 72, 280, 190, 295)
    label = para("γ", 1, 300, 700, 310, 710)
    assert asides_after_runover([formula, end, label]) == [formula, end, label]
    going_on = para("is an isomorphism of groups.", 1, 72, 700, 500, 760)
    assert asides_after_runover([formula, end, going_on]) == [formula, end, going_on]
