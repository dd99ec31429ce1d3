"""The operator map's alignment (layout/operators.py) finds difflib's own matching blocks
when its inner search runs in C (layout/_longest_match.c)."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workers.engine.layout import operators

KINDS = ["text", "path", "image", "form", "shading", "unknown"]

pytestmark = pytest.mark.skipif(
    operators._longest is None, reason="the C search is not built here (no C compiler)"
)


def _blocks_both_ways(
    a: list[str], b: list[str]
) -> tuple[list[difflib.Match], list[difflib.Match]]:
    fast = operators._matcher(a, b)
    assert isinstance(fast, operators._KindMatcher)
    slow = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return fast.get_matching_blocks(), slow.get_matching_blocks()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(KINDS[:3]), max_size=60),
    st.lists(st.sampled_from(KINDS), max_size=60),
)
def test_the_c_search_finds_difflibs_blocks_on_any_two_sequences(
    a: list[str], b: list[str]
) -> None:
    fast, slow = _blocks_both_ways(a, b)
    assert fast == slow


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(KINDS), min_size=1, max_size=300),
    st.lists(
        st.tuples(st.integers(0, 299), st.integers(0, 4), st.sampled_from(KINDS)), max_size=8
    ),
)
def test_the_c_search_finds_difflibs_blocks_on_a_page_with_a_few_edits(
    a: list[str], edits: list[tuple[int, int, str]]
) -> None:
    # What operators.py meets: pdfium's objects are the prediction with a few objects
    # missing or extra (a missing font, a damaged stream).
    b = list(a)
    for at, removed, inserted in edits:
        at %= len(b) + 1
        b[at : at + removed] = [inserted]
    fast, slow = _blocks_both_ways(a, b)
    assert fast == slow
