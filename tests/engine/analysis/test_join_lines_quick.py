"""join_lines' quick answer (lines joined by spaces where no line break asks more) is the
line-by-line join's, whatever the lines hold."""

from __future__ import annotations

import random

import pytest

from workers.engine.layout.blocks import _HYPHENS, Hyphenation, _join_each, join_lines

#: Pieces lines are made of: words of either case, both hyphens a line can end in, a soft
#: hyphen, spaces, Chinese, Japanese and Korean (which alone sets spaces; in syllables and in
#: conjoining jamo, below U+2E80), and nothing at all.
PIECES = ["word", "Name", "well", "known", "docu", "ment", "x", "7", " ", "", "\u00ad",
          *_HYPHENS, "- ", "\u00ad ", "会计", "カナ", "。", "보험", "\u1100\u1161"]


def _lines(rng: random.Random) -> list[str]:
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 4)))
            for _ in range(rng.randint(0, 5))]


@pytest.mark.parametrize("evidence", [None, ["docu", "-", "ment"], ["well-known", "Name"]])
def test_join_lines_as_line_by_line(evidence: list[str] | None) -> None:
    hyphenation = None if evidence is None else Hyphenation([[" ".join(evidence)]])
    rng = random.Random(7)
    for _ in range(20_000):
        lines = _lines(rng)
        assert join_lines(lines, hyphenation) == _join_each(lines, hyphenation), lines


def test_join_lines_as_line_by_line_where_korean_may_go_on_unspaced() -> None:
    rng = random.Random(11)
    for _ in range(20_000):
        lines = _lines(rng)
        assert join_lines(lines, None, None, _always) == _join_each(lines, None, None, _always)


def _always(k: int) -> bool:
    return True


def test_quick_answer_taken_for_plain_lines() -> None:
    assert join_lines(["A first line", "and a second."], None) == "A first line and a second."
    assert join_lines(("", "after an empty line"), None) == "after an empty line"
    assert join_lines(["a word bro-", "ken"], Hyphenation([["a word broken"]])) == (
        "a word broken"
    )
