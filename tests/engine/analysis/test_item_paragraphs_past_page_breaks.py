"""A list item's paragraphs going on past a page break, a running head and foot between: the
paragraphs set in as far as the item's text at the head of the next page are the item's, the
indents measured from each page's margin (a book's left page set further out than its right);
a paragraph broken off by the break is one paragraph again; a paragraph at the margin ends
the list; a lone point lettered as a form's parts are ("A.") is carried over no page."""

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


def _handbook(path: Path, *, shift: float = 0.0, second_opens: str = "Each",
              label: str = "1.", next_label: str = "2.") -> Path:
    """Three pages: a list whose first point's second paragraph ends the first page and whose
    next two paragraphs (the first opening with ``second_opens``) head the second, set
    ``shift`` further in than the first page (the margin moves), then the next point and a
    closing paragraph at the margin; a last page of text."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Helvetica"),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    first = [*paragraph(72, 760, _lines(4)), *item(label, 72, 700, _lines(20)),
             *paragraph(90, 440, _lines(30))[:30]]
    # (The first page's second paragraph of the point runs to its foot, breaking off.)
    first[-1] = (90, first[-1][1], "and the owner keeps a copy of")
    add_page(pdf, font, 1, first)
    m = 72 + shift
    opening = f"{second_opens} copy is kept for five years after the survey is done and " \
        "the owner keeps it"
    add_page(pdf, font, 2, [
        *paragraph(m + 18, 780, [opening, *_lines(5)]),
        *paragraph(m + 18, 700, ["The owner signs for it.", *_lines(2)]),
        *item(next_label, m, 650, _lines(3)),
        *paragraph(m, 590, _lines(4)),
    ])
    add_page(pdf, font, 3, paragraph(72, 780, _lines(10)))
    pdf.save(path)
    return path


def _lists(path: Path) -> list[ListBlock]:
    doc = read_layout(path, max_pages=5)
    return [b for b in doc.blocks if isinstance(b, ListBlock)]


def test_a_points_paragraph_heading_the_next_page_is_the_points(tmp_path: Path) -> None:
    lists = _lists(_handbook(tmp_path / "handbook.pdf"))
    assert len(lists) == 1
    first, second = lists[0].items
    assert [first.label, second.label] == ["1.", "2."]
    texts = [b.text for b in first.blocks if isinstance(b, Paragraph)]
    assert len(texts) == 4
    assert texts[2].startswith("Each copy is kept for five years")
    assert texts[3].startswith("The owner signs for it.")


@pytest.mark.parametrize("shift", [-30.0, 30.0])
def test_indents_past_the_break_are_measured_from_the_new_pages_margin(
    tmp_path: Path, shift: float
) -> None:
    lists = _lists(_handbook(tmp_path / "handbook.pdf", shift=shift))
    assert len(lists) == 1
    first, second = lists[0].items
    texts = [b.text for b in first.blocks if isinstance(b, Paragraph)]
    assert [t.split()[0] for t in texts[2:]] == ["Each", "The"]
    assert len(second.blocks) == 1  # (the closing paragraph, at the margin, is the text's)


def test_a_paragraph_broken_off_by_the_break_is_one_again(tmp_path: Path) -> None:
    lists = _lists(_handbook(tmp_path / "handbook.pdf", second_opens="each"))
    assert len(lists) == 1
    texts = [b.text for b in lists[0].items[0].blocks if isinstance(b, Paragraph)]
    assert len(texts) == 3
    assert "keeps a copy of each copy is kept for five years" in texts[1]
    assert texts[2].startswith("The owner signs for it.")


def test_a_lone_lettered_part_is_carried_over_no_page(tmp_path: Path) -> None:
    lists = _lists(_handbook(tmp_path / "form.pdf", label="A.", next_label="B."))
    assert not lists
