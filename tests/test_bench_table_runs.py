"""The table score (bench/structure.py's match_tables): one found table may match the run of
truth tables a tagging writer cut it into at column and page breaks, their rows adding up to
its rows; it then counts as that many tables. Rows that do not add up keep the match out, as
do pieces off the found table's pages and a table tagged right under another (no break
between them); tables matched one to one score as before. Rows are those holding words (a
spacer row, a rule set as a row, holds none), and of the runs that add up, the longest.
"""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType

import pytest

from workers.engine.document import BBox, Cell, Document, Prov, Row, Table

from .bench_modules import bench_module


@pytest.fixture(scope="module")
def structure() -> ModuleType:
    return bench_module("structure")


def _table(
    structure: ModuleType, text: str, rows: int, *parts: tuple[int, tuple[float, ...]],
) -> object:
    """A table of ``rows`` holding ``text``, its ``parts`` (page, box) in order."""
    boxes = [(page, structure.BBox(*box)) for page, box in parts]
    return structure.TableWords(
        frozenset(text.split()), rows, boxes[0][0], text, boxes[0], boxes[-1],
        frozenset(page for page, _ in boxes),
    )


LEFT, RIGHT = (50.0, 70.0, 280.0, 780.0), (315.0, 70.0, 545.0, 780.0)


def _pieces(structure: ModuleType) -> list[object]:
    # The first two side by side on a page (a column break), the third on the next page.
    return [
        _table(structure, "query dump inputs outputs", 3, (2, LEFT)),
        _table(structure, "browse graph dependency web", 5, (2, RIGHT)),
        _table(structure, "targets list rules depth", 5, (3, LEFT)),
    ]


WHOLE = "query dump inputs outputs browse graph dependency web targets list rules depth"


def test_a_table_joined_across_breaks_matches_the_pieces_the_truth_holds(
    structure: ModuleType,
) -> None:
    whole = _table(structure, WHOLE, 13, (2, LEFT), (2, RIGHT), (3, LEFT))
    match = structure.match_tables(_pieces(structure), [whole])
    assert match.truth_matched == {0, 1, 2}
    assert match.found_count(1) == 3
    assert structure.f1(len(match.truth_matched), 3, match.found_count(1)) == 1.0
    # Scored one to one, the joined table matches none of its pieces.
    alone = structure.match_tables(_pieces(structure), [whole], runs=False)
    assert not alone.truth_matched


def test_a_found_table_matched_to_its_largest_piece_takes_the_others_too(
    structure: ModuleType,
) -> None:
    truth = [
        _table(structure, "ctxt context comp expression returns", 3, (6, LEFT)),
        _table(structure, "nsnr number namespaces", 2, (7, LEFT)),
    ]
    found = _table(structure, "ctxt context comp expression returns nsnr number namespaces", 5,
                   (6, LEFT), (7, LEFT))
    match = structure.match_tables(truth, [found])
    assert match.truth_matched == {0, 1}
    assert match.found_count(1) == 2


def test_rows_that_do_not_add_up_keep_the_run_out(structure: ModuleType) -> None:
    whole = _table(structure, WHOLE, 12, (2, LEFT), (2, RIGHT), (3, LEFT))
    match = structure.match_tables(_pieces(structure), [whole])
    assert not match.truth_matched
    assert match.found_count(1) == 1


def test_a_row_the_reader_read_on_over_the_break_is_held_twice_by_the_pieces(
    structure: ModuleType,
) -> None:
    # The row cut at the page break is in the second piece and in the third: the found table,
    # which joined it (a cell drawn on two pages), has one row fewer than the pieces.
    whole = _table(structure, WHOLE, 12, (2, LEFT), (2, RIGHT), (3, LEFT))
    match = structure.match_tables(_pieces(structure), [replace(whole, cut_rows=1)])
    assert match.truth_matched == {0, 1, 2}
    assert match.found_count(1) == 3
    # No more than a row a break: two rows short over the two breaks, one of them read on.
    short = _table(structure, WHOLE, 11, (2, LEFT), (2, RIGHT), (3, LEFT))
    assert not structure.match_tables(_pieces(structure), [replace(short, cut_rows=1)]).runs


def test_a_title_band_tagged_over_its_table_is_no_piece_of_it(structure: ModuleType) -> None:
    # One table right under the other on the same page: no break between them.
    truth = [
        _table(structure, "plan of action legend", 1, (26, (37.0, 518.0, 957.0, 565.0))),
        _table(structure, "axis marketing actions schedule resources partners", 8,
               (26, (34.0, 131.0, 975.0, 519.0))),
    ]
    found = _table(structure, "plan of action legend axis marketing actions schedule "
                   "resources partners", 9, (26, (34.0, 131.0, 975.0, 565.0)))
    match = structure.match_tables(truth, [found])
    assert match.truth_matched == {1}
    assert match.found_count(1) == 1


def test_a_run_on_pages_the_found_table_is_not_on_is_none(structure: ModuleType) -> None:
    truth = _pieces(structure)
    found = _table(structure, WHOLE, 13, (2, LEFT), (2, RIGHT))
    assert not structure.match_tables(truth, [found]).truth_matched


def test_of_the_runs_that_add_up_the_longest_is_taken(structure: ModuleType) -> None:
    # Five pieces, two rows read on over the page breaks: the first four already add up to
    # the found table's rows, give or take the rows cut; the fifth is its too.
    truth = [
        _table(structure, "query dump inputs", 3, (2, LEFT)),
        _table(structure, "browse graph web", 5, (2, RIGHT)),
        _table(structure, "targets list rules", 5, (3, LEFT)),
        _table(structure, "clean remove files", 5, (3, RIGHT)),
        _table(structure, "environment block", 1, (4, LEFT)),
    ]
    whole = _table(
        structure, " ".join(" ".join(t.words) for t in truth), 17,
        (2, LEFT), (2, RIGHT), (3, LEFT), (3, RIGHT), (4, LEFT),
    )
    match = structure.match_tables(truth, [replace(whole, cut_rows=2)])
    assert match.truth_matched == {0, 1, 2, 3, 4}
    assert match.found_count(1) == 5


def test_rows_holding_no_words_are_not_counted(structure: ModuleType) -> None:
    # A table of questions tags a spacer row between each answer and the next question.
    box = BBox(50.0, 70.0, 545.0, 780.0)
    table = Table(rows=[
        Row([Cell("1.1."), Cell("Why does the build stop?")]),
        Row([Cell(""), Cell("Answer")]),
        Row([Cell(""), Cell(" ")]),
        Row([Cell("1.2."), Cell("Why is the output empty?")]),
    ], prov=[Prov(0, box)])
    [words] = structure.table_words(Document(blocks=[table]))
    assert words.rows == 3
