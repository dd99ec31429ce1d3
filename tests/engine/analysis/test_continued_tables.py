"""A table continued past a page break under its title said again ("—Continued") and its
header row again is one table: the repeated title and header are pagination artifacts, not
rows, and the header they repeat is the table's header; rows going on in the columns the
last rows fill are laid out under them (:mod:`.continued_tables`)."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import BBox, Cell, Paragraph, Prov, Row, Table, block_text
from workers.engine.layout.continued_tables import continue_table, continued_title, cut_row
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_pages_pdf
from ..tagged_pdf.conftest import tag_and_check

_COLUMNS = (72, 250, 400, 500)
_HEAD = ("Action", "Labor cost", "Parts cost", "Cost")
_PROSE = "Operators who choose to dispatch an airplane with an inoperative system would follow"


def _show(x: float, y: float, text: str, size: float = 9) -> bytes:
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET".encode("cp1252")


def _rule(x0: float, x1: float, y: float) -> bytes:
    return f"{x0} {y} {x1 - x0} 0.5 re f".encode()


def _ruled(top: float, rows: list[tuple[str, ...]]) -> list[bytes]:
    """The header row and ``rows``, each in a band between rules across the table, with
    rules between the columns."""
    ops, y = [_rule(72, 540, top)], top
    for row in [_HEAD, *rows]:
        ops += [_show(x, y - 12, cell) for x, cell in zip(_COLUMNS, row, strict=True)]
        ops += [f"{x - 6} {y - 18} 0.5 18 re f".encode() for x in _COLUMNS[1:]]
        y -= 18
        ops.append(_rule(72, 540, y))
    return ops




def _rows(words: str, first: int) -> list[tuple[str, ...]]:
    return [(f"Step {k} {words}", f"{k} work-hours", "$0", f"${85 * k}")
            for k in range(first, first + 4)]


def _costs_pdf(path: Path, title: str, again: str) -> Path:
    """Prose, then the table under its ``title`` at the foot of page 1; on page 2 the
    title said ``again`` and the header row again over the rest of its rows, then prose."""
    prose = [_show(72, 740 - 12 * k, _PROSE) for k in range(40)]
    first = [*prose, _show(250, 250, title, 10), *_ruled(240, _rows("installation", 1))]
    second = [_show(250, 740, again, 10), *_ruled(730, _rows("verification", 5)),
              *(_show(72, 560 - 12 * k, _PROSE) for k in range(30))]
    return text_pages_pdf(path, [first, second])


@pytest.mark.parametrize(("title", "again"), [
    ("ESTIMATED COSTS", "ESTIMATED COSTS—Continued"),
    ("Table 3. Estimated costs", "Table 3 (continued)"),
    ("Estimated costs", "Estimated costs (cont'd)"),
])
def test_a_table_continued_under_its_title_and_header_again_is_one_table(
    tmp_path: Path, title: str, again: str
) -> None:
    doc = read_layout(_costs_pdf(tmp_path / "costs.pdf", title, again), max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0] == list(_HEAD)
    assert [row[0] for row in cells[1:]] == [
        *(f"Step {k} installation" for k in range(1, 5)),
        *(f"Step {k} verification" for k in range(5, 9)),
    ]
    # The header row the continuation repeats is the table's header.
    assert all(c.header and c.scope == "column" for c in table.rows[0].cells)
    assert not any(c.header for row in table.rows[1:] for c in row.cells)
    # Nothing reads the repeated title; it and the repeated header are pagination
    # artifacts, with the operators that draw them (the tagged PDF marks them so).
    text = " ".join(block_text(b) for b in doc.blocks)
    assert again not in text
    repeated = [a for a in doc.artifacts if a.kind == "pagination"]
    assert [a.text for a in repeated] == [again, " ".join(_HEAD)]
    assert all(p.page == 1 and p.operators for a in repeated for p in a.prov)
    # The title where the table starts is its caption, read right before it.
    assert table.caption == title
    at = doc.blocks.index(table)
    assert isinstance(doc.blocks[at - 1], Paragraph) and doc.blocks[at - 1].text == title


def test_the_columns_that_did_not_fit_continued_over_the_same_rows_are_no_more_rows(
    tmp_path: Path,
) -> None:
    # Page 2 goes on with the next columns for the same steps (its first column again):
    # not rows of the table on page 1, which a merge would read twice over.
    prose = [_show(72, 740 - 12 * k, _PROSE) for k in range(40)]
    first = [*prose, *_ruled(240, _rows("installation", 1))]
    second = [_show(250, 740, "ESTIMATED COSTS—Continued", 10),
              *_ruled(730, [(f"Step {k} installation", f"{k} days", "yes", f"${9 * k}")
                            for k in range(1, 5)])]
    doc = read_layout(text_pages_pdf(tmp_path / "wide.pdf", [first, second]), max_pages=5)
    assert len([b for b in doc.blocks if isinstance(b, Table)]) == 2


def _row(*texts: str, page: int = 1, operator: int = 0) -> Row:
    return Row([
        Cell(t, prov=[Prov(page, BBox(0, 0, 1, 1), (), ((operator + k, operator + k + 1),))]
             if t else [])
        for k, t in enumerate(texts)
    ])


def test_a_continued_title_read_as_the_first_row_of_the_continuation_is_dropped() -> None:
    # A title set in a ruled band over the header (as a grid's first row: one cell filled).
    previous = Table([_row("Action", "Cost", page=0), _row("Fit", "$85", page=0)])
    table = Table([_row("ESTIMATED COSTS—Continued", "", operator=10),
                   _row("Action", "Cost", operator=20), _row("Test", "$3,400", operator=30)])
    artifacts = continue_table(previous, table)
    assert [[c.text for c in row.cells] for row in previous.rows] == [
        ["Action", "Cost"], ["Fit", "$85"], ["Test", "$3,400"]]
    assert [(a.kind, a.text) for a in artifacts] == [
        ("pagination", "ESTIMATED COSTS—Continued"), ("pagination", "Action Cost")]
    assert [p.operators for p in artifacts[0].prov] == [((10, 11),)]
    assert [p.operators for p in artifacts[1].prov] == [((20, 21),), ((21, 22),)]


@pytest.mark.parametrize("text", [
    "ESTIMATED COSTS—Continued", "Table 3 (continued)", "TABLE 2.—Continued",
    "Table 4 (cont.)", "Tableau 2 (suite)", "Tabelle 1 (Fortsetzung)", "续表 3",
])
def test_titles_saying_the_table_goes_on(text: str) -> None:
    assert continued_title(text)


@pytest.mark.parametrize("text", [
    "The work on the second runway will be continued",  # a sentence, not a title
    "Discontinued", "Suite 200", "Estimated costs",
])
def test_other_lines_do_not_say_a_table_goes_on(text: str) -> None:
    assert not continued_title(text)


def _marks_around(content: bytes, page: int, shown: bytes) -> list[str]:
    """The marked content open where the page draws the string ``shown``."""
    with pikepdf.open(io.BytesIO(content)) as pdf:
        open_marks: list[str] = []
        for instruction in pikepdf.parse_content_stream(pdf.pages[page]):
            op = str(instruction.operator)
            if op in ("BDC", "BMC"):
                tag = str(instruction.operands[0])
                properties = instruction.operands[1] if op == "BDC" else None
                if isinstance(properties, pikepdf.Dictionary) and "/Type" in properties:
                    tag += f" {properties.Type}"
                open_marks.append(tag)
            elif op == "EMC" and open_marks:
                open_marks.pop()
            elif op == "Tj" and bytes(instruction.operands[0]) == shown:
                return list(open_marks)
    raise AssertionError(f"{shown!r} is not drawn")


def test_the_repeated_title_and_header_are_tagged_as_pagination(tmp_path: Path) -> None:
    source = _costs_pdf(tmp_path / "costs.pdf", "ESTIMATED COSTS", "ESTIMATED COSTS—Continued")
    result = tag_and_check(source)
    content = result.tagged.content
    assert _marks_around(content, 1, "ESTIMATED COSTS—Continued".encode("cp1252")) == [
        "/Artifact /Pagination"]
    assert _marks_around(content, 1, b"Labor cost") == ["/Artifact /Pagination"]
    # (Content is marked by MCID, whatever its element.)
    assert _marks_around(content, 0, b"Labor cost") == ["/P"]
    assert _marks_around(content, 1, b"Step 5 verification") == ["/P"]
    assert result.failed() == []


_HOLDINGS = (72, 180, 290, 400, 490)


def _holdings_page(rows: list[tuple[str, ...]], top: float) -> list[bytes]:
    """``rows`` of a table of holdings from ``top`` down, each cell at its column of
    :data:`_HOLDINGS` (an empty cell left out)."""
    return [
        _show(x, top - 16 * k, cell)
        for k, row in enumerate(rows)
        for x, cell in zip(_HOLDINGS, row, strict=True) if cell
    ]


def test_a_table_going_on_in_the_columns_its_last_rows_fill_is_one_table(
    tmp_path: Path,
) -> None:
    # The last rows on the first page (the holders of free shares) fill the first and the
    # last two columns only; the rows at the top of the next page, those three columns.
    head = [("Holder", "Kind", "Share", "Held", "Pledged")]
    full = [(f"Fund {k}", "State", f"{k}.5%", f"{1000 * k}", f"{300 * k}") for k in range(1, 5)]
    free = [(f"Holder {k}", "", "", f"{900 - k}", f"{40 + k}") for k in range(1, 4)]
    more = [(f"Holder {k}", "", "", f"{900 - k}", f"{40 + k}") for k in range(4, 8)]
    first = [_show(72, 720, _PROSE), *_holdings_page(head + full + free, 680)]
    path = text_pages_pdf(tmp_path / "holdings.pdf", [first, _holdings_page(more, 740)])
    (table,) = [b for b in read_layout(path, max_pages=5).blocks if isinstance(b, Table)]
    texts = [[c.text for c in row.cells] for row in table.rows]
    assert texts[-4] == ["Holder 4", "", "", "896", "44"]
    assert texts[-1] == ["Holder 7", "", "", "893", "47"]
    assert len(texts) == 1 + 4 + 3 + 4


def _banded(top: float, rows: list[tuple[str, ...]], *, head: bool) -> list[bytes]:
    """``rows`` (under the header row when ``head``), each in a band between rules across
    the table, with rules between the columns; an empty cell draws nothing."""
    ops, y = [_rule(72, 540, top)], top
    for row in [_HEAD, *rows] if head else rows:
        ops += [_show(x, y - 12, cell) for x, cell in zip(_COLUMNS, row, strict=True) if cell]
        ops += [f"{x - 6} {y - 18} 0.5 18 re f".encode() for x in _COLUMNS[1:]]
        y -= 18
        ops.append(_rule(72, 540, y))
    return ops


def _cut_pdf(path: Path, rest: tuple[str, ...]) -> Path:
    """The table at the foot of page 1, its last row cut by the break: its first cell's
    words go on at the top of page 2 (``rest``, with no header row again), then its rows."""
    prose = [_show(72, 740 - 12 * k, _PROSE) for k in range(40)]
    cut = ("Step 4 remove the access panel and", "4 work-hours", "$0", "$340")
    first = [*prose, *_banded(240, [*_rows("installation", 1)[:3], cut], head=True)]
    second = [*_banded(730, [rest, *_rows("verification", 5)], head=False),
              *(_show(72, 560 - 12 * k, _PROSE) for k in range(30))]
    return text_pages_pdf(path, [first, second])


def test_a_row_cut_by_the_page_break_is_one_row(tmp_path: Path) -> None:
    # The row's short cells are said whole before the break; its long first cell goes on at
    # the top of the next page, the other cells there empty: one row, read on over the break.
    path = _cut_pdf(tmp_path / "cut.pdf", ("inspect the seal", "", "", ""))
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[4] == ["Step 4 remove the access panel and inspect the seal",
                        "4 work-hours", "$0", "$340"]
    assert cells[5][0] == "Step 5 verification" and len(cells) == 9
    assert [p.page for p in table.rows[4].cells[0].prov] == [0, 1]
    # The cell drawn on two pages is tagged as one (its content marked on both).
    assert tag_and_check(path).failed() == []


def test_a_row_opening_its_cells_anew_past_the_break_stays_a_row(tmp_path: Path) -> None:
    # The first row past the break fills only the first cell too, but opens it anew (a
    # capital, the text over it closed): a row of its own (a note, a group's row).
    path = _cut_pdf(tmp_path / "anew.pdf", ("Inspect the seal", "", "", ""))
    doc = read_layout(path, max_pages=5)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[4][0] == "Step 4 remove the access panel and"
    assert cells[5] == ["Inspect the seal", "", "", ""]


@pytest.mark.parametrize(("last", "first", "joined"), [
    (("Fit", "the panel and", "$85"), ("", "inspect it", ""), True),
    (("Fit", "the panel,", "$85"), ("", "Then test", ""), True),
    (("Paris", "Louvre", "9"), ("", "Orsay", "4"), False),  # a group's row, its stub said once
    (("Fit", "the panel and", "$85"), ("", "inspect it", "$9"), False),  # fills a cell anew
    (("Fit", "the panel and", "$85"), ("Test", "inspect it", "$9"), False),  # a whole row
])
def test_which_rows_past_a_break_go_on_with_the_row_over_them(
    last: tuple[str, ...], first: tuple[str, ...], joined: bool
) -> None:
    assert cut_row(_row(*last, page=0), _row(*first, page=1)) is joined
    # (Not past a page break: rows of one page are the table reader's.)
    assert not cut_row(_row(*last, page=1), _row(*first, page=1))
