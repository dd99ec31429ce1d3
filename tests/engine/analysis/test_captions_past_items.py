"""A figure's caption set in under a list item, at the head of the next page or on the same
page, is no paragraph of the item's: it is read at the top level, where its figure is. A
paragraph that opens by naming a figure ("Figure 1 shows …") is running text and stays the
item's."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

from .handbook_pages import WORDS, add_page, item, paragraph


def _lines(n: int) -> list[str]:
    """``n`` lines of running text, each about as long as a line of the page."""
    return [WORDS[:72] if k % 2 == 0 else WORDS[72:] for k in range(n)]


def _handbook(path: Path, *, over_page: bool, opening: str) -> Path:
    """A list of two points, the second running to the foot of the first page, then a line
    opening ``opening`` set in past the labels (centred, as a caption is), heading the second
    page (``over_page``) or right under the point; then a paragraph at the margin."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Helvetica"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    tail = [*paragraph(200, 0, [opening]), *paragraph(72, -40, _lines(6))]
    first = [*paragraph(72, 760, _lines(4)), *item("1.", 72, 700, _lines(3)),
             *item("2.", 72, 650, _lines(20 if over_page else 5))]
    if over_page:
        add_page(pdf, font, 1, first)
        add_page(pdf, font, 2, [(x, y + 770, t) for x, y, t in tail])
    else:
        add_page(pdf, font, 1, first + [(x, y + 560, t) for x, y, t in tail])
    add_page(pdf, font, 3, paragraph(72, 780, _lines(10)))
    pdf.save(path)
    return path


def _items_text(path: Path) -> tuple[list[str], list[str]]:
    """The paragraphs of the list's last point, and the paragraphs at the top level."""
    doc = read_layout(path, max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    last = lists[0].items[-1]
    return (
        [b.text for b in last.blocks if isinstance(b, Paragraph)],
        [b.text for b in doc.blocks if isinstance(b, Paragraph)],
    )


@pytest.mark.parametrize("over_page", [True, False])
def test_a_caption_set_in_under_a_point_is_not_the_points(
    tmp_path: Path, over_page: bool
) -> None:
    caption = "Figure 3: The hull of the vessel"
    in_item, top = _items_text(
        _handbook(tmp_path / "handbook.pdf", over_page=over_page, opening=caption))
    assert not any(t.startswith("Figure 3") for t in in_item)
    assert caption in top


def test_a_paragraph_naming_a_figure_stays_the_points(tmp_path: Path) -> None:
    opening = "Figure 3 shows the hull of the vessel"
    in_item, _ = _items_text(
        _handbook(tmp_path / "handbook.pdf", over_page=True, opening=opening))
    assert in_item[-1].startswith(opening)
