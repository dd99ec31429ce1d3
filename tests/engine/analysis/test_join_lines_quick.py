"""join_lines' quick answer (lines joined by spaces where no line break asks more) is the
line-by-line join's, whatever the lines hold; and a block's text read so, settled, is the
text any hyphenation reads (a block keeps it when the document's hyphenation is set)."""

from __future__ import annotations

import random

import pytest

from workers.engine.layout.blocks import (
    _HYPHENS,
    Block,
    Hyphenation,
    _join_each,
    join_lines,
    lines_text,
    settled_lines_text,
)
from workers.engine.layout.lines import Fragment

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


def _stacked(texts: list[str]) -> list[Fragment]:
    """One fragment a line, each under the last, each drawn with its spaces (as a word
    processor draws a Korean line's last space)."""
    return [Fragment([], text, 72.0, 700.0 - 14 * k, 72.0 + 6 * len(text), 712.0 - 14 * k,
                     space_before=False, space_after=False)
            for k, text in enumerate(texts)]


def _hyphenations() -> list[Hyphenation | None]:
    spaced = Hyphenation([["docu-", "ment"], ["well-known"]])
    spaced.spaced_line_ends = True
    return [None, Hyphenation([["docu-", "ment"], ["well-known"]]), spaced]


def test_a_settled_text_is_what_every_hyphenation_reads() -> None:
    rng = random.Random(13)
    hyphenations = _hyphenations()
    for _ in range(5_000):
        frags = _stacked(_lines(rng))
        for hyphenation in hyphenations:
            text, settled = settled_lines_text(frags, 300.0, hyphenation)
            assert text == lines_text(frags, 300.0, hyphenation)
            if settled:
                assert all(lines_text(frags, 300.0, other) == text for other in hyphenations)


def test_a_block_keeps_a_settled_text_and_reads_a_broken_word_again() -> None:
    plain = Block(0)
    for f in _stacked(["A first line", "and a second."]):
        plain.add(f)
    broken = Block(0)
    for f in _stacked(["a well-", "known name"]):
        broken.add(f)
    assert (plain.text, broken.text) == ("A first line and a second.", "a wellknown name")
    # (The document writes the compound with its hyphen: the break keeps it.)
    plain.hyphenation = broken.hyphenation = Hyphenation([["a well-known name"]])
    assert (plain.text, broken.text) == ("A first line and a second.", "a well-known name")
