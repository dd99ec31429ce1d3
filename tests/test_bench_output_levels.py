"""The level score as the outputs carry levels (bench/structure.py's ``level_ua``): both the
truth's and the found headings are closed up as every renderer closes them up (the first H1,
no level skipped, siblings kept), so a source printed without its h1 is not held against a
reader that starts at H1 — while a wrong nesting still counts as wrong."""

from __future__ import annotations

from types import ModuleType

import pytest

from workers.engine.document import Document, Heading

from .bench_modules import bench_module


@pytest.fixture(scope="module")
def structure() -> ModuleType:
    return bench_module("structure")


def _document(*levels_and_texts: tuple[int, str]) -> Document:
    return Document(blocks=[Heading(text=text, level=level) for level, text in levels_and_texts])


def test_a_truth_starting_at_h2_scores_the_same_nesting_in_full(structure: ModuleType) -> None:
    truth = _document((2, "Synopsis"), (2, "Description"), (3, "Options"), (2, "See also"))
    found = _document((1, "Synopsis"), (1, "Description"), (2, "Options"), (1, "See also"))
    scores = structure.score("t", truth, found)
    assert scores.level == 0.0
    assert scores.level_ua == 1.0


def test_a_wrong_nesting_still_counts_as_wrong(structure: ModuleType) -> None:
    truth = _document((2, "Synopsis"), (2, "Description"), (3, "Options"), (2, "See also"))
    # "Description" and "See also" read as children of "Synopsis": two of four wrong.
    found = _document((1, "Synopsis"), (2, "Description"), (2, "Options"), (2, "See also"))
    scores = structure.score("t", truth, found)
    assert scores.level_ua == 0.5
