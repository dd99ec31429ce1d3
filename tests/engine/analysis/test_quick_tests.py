"""Quick forms of questions the layout reader asks of every page give the answers of the
plain forms they replace: the leader runs looked for by substring (one regular expression of
alternatives before), and the document's running face counted in a dict (a Counter before),
its ties going to the font seen first."""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from workers.engine.document import Page
from workers.engine.layout.blocks import Block, PageResult
from workers.engine.layout.contents import _LEADER_RUNS, has_leaders
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment
from workers.engine.layout.listings import _running_face
from workers.engine.layout.operators import OperatorMap
from workers.engine.layout.rotation import Frame

_PLAIN_LEADER_RUN = re.compile("|".join(re.escape(run) for run in _LEADER_RUNS))


def test_each_kind_of_leader_run_is_found() -> None:
    for run in _LEADER_RUNS:
        assert has_leaders(f"Chapter 1{run}12")
    assert not has_leaders("Chapter 1 ... 12")  # (three dots: an ellipsis typed, no run)
    assert not has_leaders("")


@pytest.mark.parametrize("seed", range(4))
def test_leader_runs_are_found_as_the_plain_search_finds_them(seed: int) -> None:
    rng = random.Random(seed)
    alphabet = ". _a1\n\u00b7\u2026\u2024\u2025\u22ef"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert has_leaders(text) == (_PLAIN_LEADER_RUN.search(text) is not None)


def _piece(fonts: list[str]) -> Fragment:
    glyphs = [Glyph("a", k, 0, k + 1, 1, 9.0, False, font, 0, -1) for k, font in enumerate(fonts)]
    return Fragment(glyphs, "a" * len(fonts), 0, 0, len(fonts), 1)


def _results(pieces: list[list[Fragment]]) -> list[PageResult]:
    out = []
    for frags in pieces:
        block = Block(0)
        for f in frags:
            block.add(f)
        out.append(PageResult(Page(100.0, 100.0), [block], OperatorMap(), [],
                              Frame(0, 100.0, 100.0), Page(100.0, 100.0)))
    return out


def test_the_running_face_ties_go_to_the_font_seen_first() -> None:
    # (Each piece counted by its middle glyph's font, weighted by its length: F2 and F1
    # both weigh 3, and F2 comes first.)
    results = _results([[_piece(["F1", "F2", "F1"])], [_piece(["F2", "F1", "F2"])]])
    assert _running_face(results) == "F2"
    assert _running_face(_results([[]])) == ""


@pytest.mark.parametrize("seed", range(4))
def test_the_running_face_is_the_plain_counts(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        pages = [
            [_piece([rng.choice(["F1", "F2", "F3"]) for _ in range(rng.randint(1, 5))])
             for _ in range(rng.randint(0, 4))]
            for _ in range(rng.randint(1, 3))
        ]
        fonts: Counter[str] = Counter()
        for page in pages:
            for f in page:
                fonts[f.glyphs[len(f.glyphs) // 2].font] += len(f.glyphs)
        expected = fonts.most_common(1)[0][0] if fonts else ""
        assert _running_face(_results(pages)) == expected
