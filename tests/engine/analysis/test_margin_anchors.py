"""Margin notes that say where they belong (a glossary's term, a picture's caption) are read
after the paragraph that uses or cites them."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.margin_anchors import caption_label, reference_user, term_user
from workers.engine.layout.reader import read_layout

from .conftest import HtmlPdf


def read_words(path: Path) -> list[str]:
    return " ".join(block_text(b) for b in read_layout(path, max_pages=5).blocks).split()


def margin_page(html_pdf: HtmlPdf, margin: str, paragraphs: list[str], top: int = 0) -> Path:
    """A narrow margin of small type (``margin``, ``top`` points down) beside paragraphs."""
    body = "".join(f"<p style='margin: 0 0 8pt 0'>{p}</p>" for p in paragraphs)
    return html_pdf(
        "<div style='display: flex; gap: 1cm'>"
        f"<div style='width: 3.5cm; font-size: 8pt; padding-top: {top}pt'>{margin}</div>"
        f"<div style='flex: 1'>{body}</div></div>"
    )


def words(prefix: str, count: int) -> str:
    return " ".join(f"{prefix}{i}" for i in range(count))


def test_a_term_found_by_its_first_word_is_read_after_the_paragraph_using_it(
    html_pdf: HtmlPdf,
) -> None:
    # The term stands beside the end of the first paragraph; the second uses only its first
    # word, with a gloss where its second would be ("proximodistal (center-outward)").
    first = words("a", 90)
    second = f"{words('b', 40)} in a proximodistal (outward) direction {words('c', 40)}"
    definition = words("d", 14)
    path = margin_page(
        html_pdf,
        "<div style='font-weight: bold; margin-bottom: 6pt'>proximodistal development</div>"
        f"<div>{definition}</div>",
        [first, second], top=80,
    )
    assert read_words(path) == (
        first.split() + second.split() + ["proximodistal", "development"] + definition.split()
    )


def test_a_caption_in_the_margin_is_read_after_the_paragraph_citing_it(
    html_pdf: HtmlPdf,
) -> None:
    # The caption stands level with the first paragraph; the second, starting a few lines
    # below it, sends the reader to it.
    first = words("a", 40)
    second = f"{words('b', 40)} as Figure 3 shows {words('c', 40)}"
    third = words("e", 60)
    caption = "Figure 3 " + words("f", 12)
    path = margin_page(html_pdf, f"<div>{caption}</div>", [first, second, third])
    assert read_words(path) == first.split() + second.split() + caption.split() + third.split()


def test_a_term_set_under_a_caption_is_read_with_its_own_paragraph(html_pdf: HtmlPdf) -> None:
    # The caption and the term under it, close together in the margin: the caption goes
    # with the paragraph citing it, the term (and its definition) with the one using it.
    first = f"{words('a', 60)} as Figure 3 shows {words('a', 30)}"
    second = f"{words('b', 40)} the lattice {words('c', 40)}"
    caption = "Figure 3 " + words("f", 12)
    definition = words("d", 14)
    path = margin_page(
        html_pdf,
        f"<div>{caption}</div><div style='font-weight: bold; margin-top: 2pt'>lattice</div>"
        f"<div>{definition}</div>",
        [first, second], top=40,
    )
    assert read_words(path) == (
        first.split() + caption.split() + second.split() + ["lattice"] + definition.split()
    )


def test_terms_and_references_are_found_as_words() -> None:
    paragraphs = [(0, "the proximal end"), (1, "grows in a proximodistal way"), (2, "x")]
    assert term_user("proximodistal development", paragraphs) == 1
    assert term_user("soft spot", [(0, "a soft chair"), (1, "soft spots close")]) == 1
    assert term_user("axis", [(0, "the axes"), (1, "taxis")]) is None
    assert caption_label("• Figure 5.3 X-rays showing") == "figure 5.3"
    assert caption_label("The figures show") is None
    assert reference_user("figure 5.3", [(0, "see Figure 5.31"), (1, "in Figure 5.3, we")]) == 1
