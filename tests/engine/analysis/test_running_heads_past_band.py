"""Running heads and feet set a little past the margin band are found by their repetition:
the same line (its numbers as one) opening or closing many pages at one place, set apart
from the text by a gap (LaTeX sets its head 12-14% of a letter page from its top); lone
numbers there that count on with the pages are page numbers. A line repeated so but close
over the text, or well inside the page, stays the text's."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import HEIGHT, Lines, make_pdf

#: Where the head's baseline stands: 13% of the page from its top, past the 12% band.
HEAD = HEIGHT - 0.13 * HEIGHT - 11


def _body(top: float, k: int) -> Lines:
    return [(72.0, top - 14 * n, f"Line {n} of the text on page {k + 1} reads on here.")
            for n in range(20)]


def _texts(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    doc = read_layout(path, max_pages=50)
    return [block_text(b) for b in doc.blocks], [(a.kind, a.text) for a in doc.artifacts]


def test_a_head_past_the_band_on_every_page_is_a_running_head(tmp_path: Path) -> None:
    pages = []
    for k in range(5):
        # (Facing pages: the title at the outer edge, the folio at the other.)
        left, right = (72.0, 500.0) if k % 2 else (380.0, 72.0)
        head = [(left, HEAD, "A STUDY OF PAGE LAYOUT"), (right, HEAD, str(k + 1))]
        pages.append(([], head + _body(HEAD - 30, k)))
    body, artifacts = _texts(make_pdf(tmp_path / "heads.pdf", pages))
    assert not any("STUDY" in t for t in body)
    assert ("header", "A STUDY OF PAGE LAYOUT") in artifacts
    assert sorted(t for kind, t in artifacts if kind == "page-number") == ["1", "2", "3", "4", "5"]


def test_a_changing_chapter_title_beside_its_folio_is_the_running_head(tmp_path: Path) -> None:
    pages = []
    for k in range(5):
        head = [(72.0, HEAD, f"CHAPTER {k // 2 + 1}. PART {'ABCDE'[k]}"), (500.0, HEAD, str(k + 7))]
        pages.append(([], head + _body(HEAD - 30, k)))
    body, artifacts = _texts(make_pdf(tmp_path / "chapters.pdf", pages))
    assert not any("CHAPTER" in t for t in body)
    assert sorted(t for kind, t in artifacts if kind == "page-number") == [
        "10", "11", "7", "8", "9"
    ]


def test_a_line_repeated_close_over_the_text_stays_the_texts(tmp_path: Path) -> None:
    # (A table's head or a section's heading opens each page, a line's gap over the text.)
    pages = [([], [(72.0, HEAD, "Name of the member and place")] + _body(HEAD - 14, k))
             for k in range(5)]
    body, artifacts = _texts(make_pdf(tmp_path / "close.pdf", pages))
    assert any("Name of the member" in t for t in body)
    assert not any("Name of the member" in t for _, t in artifacts)


def test_a_line_repeated_well_inside_the_page_stays_the_texts(tmp_path: Path) -> None:
    # (On three pages of seven: a line on most pages at one place is the page's furniture
    # wherever it stands.)
    top = HEIGHT - 0.3 * HEIGHT
    pages = [([], [(72.0, top, "Summary of the findings")] * (k % 3 == 0) + _body(top - 30, k))
             for k in range(7)]
    body, artifacts = _texts(make_pdf(tmp_path / "inside.pdf", pages))
    assert any("Summary of the findings" in t for t in body)
    assert not any("Summary" in t for _, t in artifacts)


def test_a_table_head_repeated_over_each_pages_rows_stays_the_tables(tmp_path: Path) -> None:
    # (A long table's head row opens a page of it, set a little apart from its rows: on three
    # pages of seven, as a line on most pages at one place is furniture wherever it stands.)
    columns = (72.0, 250.0, 450.0)
    pages = []
    for k in range(7):
        head = [(x, HEAD, t) for x, t in zip(columns, ("Name", "Place", "Amount"), strict=True)
                if k % 3 == 0]
        rows = [
            (x, HEAD - 30 - 14 * n, t) for n in range(20)
            for x, t in zip(columns, (f"Member {k}{n}", f"Town {n}", f"{100 + n}.00"), strict=True)
        ]
        pages.append(([], head + rows))
    _, artifacts = _texts(make_pdf(tmp_path / "table.pdf", pages))
    assert not any(t in ("Name", "Place", "Amount") for _, t in artifacts)


def test_a_foot_past_the_band_on_every_page_is_a_running_foot(tmp_path: Path) -> None:
    foot = 0.13 * HEIGHT
    line = "Draft report of the standing committee on public accounts and audit"
    pages = [([], _body(foot + 30 + 14 * 19, k) + [(72.0, foot, line)])
             for k in range(5)]
    body, artifacts = _texts(make_pdf(tmp_path / "feet.pdf", pages))
    assert not any("Draft report" in t for t in body)
    assert ("footer", line) in artifacts


def test_a_head_whose_folio_counts_on_from_the_first_pages_foot(tmp_path: Path) -> None:
    # (LaTeX's article: its title page numbered at the foot, the next pages at the head,
    # beside the section's title.)
    pages = [
        ([], _body(700.0, 0) + [(290.0, 0.09 * HEIGHT, "1")]),
        ([], [(72.0, HEAD, "3 CITATIONS"), (500.0, HEAD, "2")] + _body(HEAD - 30, 1)),
    ]
    body, artifacts = _texts(make_pdf(tmp_path / "article.pdf", pages))
    assert not any("CITATIONS" in t for t in body)
    assert ("header", "3 CITATIONS") in artifacts
    assert [t for kind, t in artifacts if kind == "page-number"] == ["1", "2"]
