"""The C walk of unit owners (_mark_units.c) computes what its Python twin computes."""

from __future__ import annotations

import random

import pytest

from workers.engine.tagged_pdf.marked_content import (
    INLINE_IMAGE,
    PAINTING_OPERATORS,
    Operators,
    Owner,
    python_unit_owners,
)

units = pytest.importorskip("workers.engine.tagged_pdf._mark_units")

#: Every kind the walk tells apart: path construction, painting and ``n``, marks and text
#: objects, text showing, other operators, an inline image, and names it must not confuse
#: with those (a longer or non-ASCII name that starts like one).
NAMES = ["m", "l", "c", "v", "y", "h", "re", "W", "W*", "f", "F", "f*", "B", "B*", "b", "b*",
         "S", "s", "n", "BDC", "BMC", "EMC", "MP", "DP", "BT", "ET", "Tj", "TJ", "'", '"',
         "Do", "sh", "q", "Q", "cm", "Tf", "Td", "gs", INLINE_IMAGE, "re*", "BTX", "ń", "W**",
         "d0", "EM", ""]


def _both(names: list[str], painting: list[bool], owners: list[Owner | None]) -> None:
    expected = python_unit_owners(Operators(names, painting), owners)
    found = units.unit_owners(names, painting, owners)
    assert found == expected
    # The owners are the very objects given (a leaf id, an artifact kind, or "").
    assert [type(o) for o in found[0]] == [type(o) for o in expected[0]]


def test_a_path_is_owned_from_its_first_construction() -> None:
    names = ["q", "m", "l", "S", "BT", "Tj", "ET", "0 0 re", "re", "W", "n", "re", "f", "Q"]
    painting = [n in PAINTING_OPERATORS for n in names]
    owners: list[Owner | None] = [None, 3, 3, 3, None, 4, None, None, None, None, None, None,
                                  "decoration", None]
    _both(names, painting, owners)
    out, looked_at = units.unit_owners(names, painting, owners)
    assert out[1] == 3 and out[3] is None  # moved to the path's start
    assert out[11] == "decoration" and out[5] == 4
    assert looked_at == [1, 3, 4, 5, 6, 11, 12]


def test_unclaimed_painting_is_an_unnamed_artifact() -> None:
    names = ["BT", "Tj", "ET", INLINE_IMAGE, "Do"]
    painting = [False, True, False, True, False]  # a Do of no XObject paints nothing
    _both(names, painting, [None] * 5)
    assert units.unit_owners(names, painting, [None] * 5)[0] == [None, "", None, "", None]


@pytest.mark.parametrize("seed", range(40))
def test_random_streams_as_python(seed: int) -> None:
    rng = random.Random(seed)
    count = rng.randrange(0, 300)
    names = [rng.choice(NAMES) for _ in range(count)]
    painting = [name in PAINTING_OPERATORS and rng.random() < 0.9 or name == INLINE_IMAGE
                for name in names]
    choices: list[Owner | None] = [None, None, 1, 2, 7, "header", "decoration"]
    owners = [rng.choice(choices) for _ in range(count)]
    _both(names, painting, owners)
