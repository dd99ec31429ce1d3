"""The structure bench's scoring of a definition list (bench/structure.py): the makers tag a
definition list's terms and definitions as paragraphs, so the entries of one the layout
reader finds are no list items for ``list_f1`` (a list nested in a definition is), and its
terms and definitions are body words in reading order, as the truth's paragraphs are."""

from __future__ import annotations

from types import ModuleType

import pytest

from workers.engine.document import Document, ListBlock, ListItem, Paragraph

from .bench_modules import bench_module


@pytest.fixture(scope="module")
def structure() -> ModuleType:
    return bench_module("structure")


TERMS = [("Version", "The release this text describes."), ("Source", "Where the work is done.")]


def test_a_definition_list_found_for_paragraphs_scores_as_they_do(
    structure: ModuleType,
) -> None:
    truth = Document(blocks=[
        Paragraph(text) for pair in TERMS for text in pair
    ] + [ListBlock([ListItem("•", [Paragraph("a point of a list")])])])
    nested = ListBlock([ListItem("•", [Paragraph("a point of a list")])])
    found = Document(blocks=[
        ListBlock(
            [ListItem(term, [Paragraph(text)]) for term, text in TERMS[:-1]]
            + [ListItem(TERMS[-1][0], [Paragraph(TERMS[-1][1]), nested])],
            definitions=True,
        )
    ])
    scores = structure.score("dl", truth, found)
    assert scores.order == 1.0 and scores.recall == 1.0
    # (The point nested in the last definition matches the truth's one point.)
    assert scores.list_f1 == 1.0 and scores.n_items == 1
    assert [i.text for i in structure.items(found)] == ["a point of a list"]
