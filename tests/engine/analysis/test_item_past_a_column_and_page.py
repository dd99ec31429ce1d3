"""A list item in the right column of a page set in two columns goes on at the head of the
next page's left column: its indent there is measured from that column's left edge, and the
item's was from the right column's. A paragraph at the left column's edge ends the list."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

from .handbook_pages import WORDS, add_page, item, paragraph

#: The left edges of the two columns, each about 230 points wide.
_LEFT, _RIGHT = 50.0, 315.0


def _lines(n: int) -> list[str]:
    """``n`` lines of running text, each about as long as a line of a column."""
    chunks = [WORDS[k:k + 40].strip() for k in range(0, 160, 40)]
    return [chunks[k % len(chunks)] for k in range(n)]


def _article(path: Path, *, indent: float) -> Path:
    """Three pages in two columns: the first's right column holds a list whose second point
    runs to its foot; the second page's left column opens with a paragraph set ``indent``
    in from its edge, then one at the edge; a last page of text."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Helvetica"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    add_page(pdf, font, 1, [
        *paragraph(_LEFT, 780, _lines(60)),
        *paragraph(_RIGHT, 780, _lines(10)),
        *item("1.", _RIGHT, 650, _lines(5)),
        *item("2.", _RIGHT, 580, _lines(44)),
    ])
    opening = "Each copy is kept for five years and"
    add_page(pdf, font, 2, [
        *paragraph(_LEFT + indent, 780, [opening, *_lines(5)]),
        *paragraph(_LEFT, 700, _lines(50)),
        *paragraph(_RIGHT, 780, _lines(60)),
    ])
    add_page(pdf, font, 3,
             [*paragraph(_LEFT, 780, _lines(60)), *paragraph(_RIGHT, 780, _lines(60))])
    pdf.save(path)
    return path


@pytest.mark.parametrize("indent", [18.0, 0.0])
def test_a_point_goes_on_from_a_right_column_into_the_next_pages_left(
    tmp_path: Path, indent: float
) -> None:
    doc = read_layout(_article(tmp_path / "article.pdf", indent=indent), max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    last = lists[0].items[-1]
    texts = [b.text for b in last.blocks if isinstance(b, Paragraph)]
    goes_on = any(t.startswith("Each copy is kept") for t in texts)
    assert goes_on == (indent > 0)
