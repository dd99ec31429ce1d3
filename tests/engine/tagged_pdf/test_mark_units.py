"""The C walks of _mark_units.c (unit owners, the marks plan, the plan written as bytes, the
contested text operators) compute what their Python twins compute."""

from __future__ import annotations

import random
from typing import Any

import pikepdf
import pytest

from workers.engine.tagged_pdf.marked_content import (
    _END,
    INLINE_IMAGE,
    PAINTING_OPERATORS,
    Operators,
    Owner,
    _ActualTextBegin,
    _Begin,
    _item_bytes,
    python_plan_marks,
    python_unit_owners,
    python_write_plan,
)
from workers.engine.tagged_pdf.split_text import contested_text, python_contested_text

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


def _random_stream(rng: random.Random) -> tuple[list[str], list[bool], list[Owner | None]]:
    """A random content stream's operator names, which of them paint, and their owners."""
    count = rng.randrange(0, 300)
    names = [rng.choice(NAMES) for _ in range(count)]
    painting = [name in PAINTING_OPERATORS and rng.random() < 0.9 or name == INLINE_IMAGE
                for name in names]
    choices: list[Owner | None] = [None, None, 1, 2, 7, "header", "decoration"]
    owners = [rng.choice(choices) for _ in range(count)]
    return names, painting, owners


@pytest.mark.parametrize("seed", range(40))
def test_random_streams_as_python(seed: int) -> None:
    _both(*_random_stream(random.Random(seed)))


def _plan_inputs(seed: int) -> tuple[Any, ...]:
    """A random page for the plan's walk: operators, owners, split and replaced operators,
    cuts, and source marks some of which open optional content."""
    rng = random.Random(seed)
    names, painting, owners = _random_stream(rng)
    count = len(names)
    unit_owner, looked_at = python_unit_owners(Operators(names, painting), owners)
    showing = [i for i, name in enumerate(names) if name in ("Tj", "TJ")]
    parts = [1, 2, 7, "header"]
    splits = {i: [(rng.choice(parts), _part(i, k)) for k in range(rng.randrange(1, 4))]
              for i in showing if rng.random() < 0.2}
    bare = {i: _part(i, 9) for i, name in enumerate(names) if name == "Do"
            and i not in splits and rng.random() < 0.3}
    cuts = {i for i in range(count) if rng.random() < 0.1}
    planned = sorted(set(looked_at).union(splits, bare))
    optional = {i for i in range(count) if rng.random() < 0.5}
    return names, painting, unit_owner, planned, splits, bare, cuts, optional.__contains__


def _part(index: int, k: int) -> pikepdf.ContentStreamInstruction:
    return pikepdf.ContentStreamInstruction(
        [pikepdf.Array([pikepdf.String(f"{index}.{k}")])], pikepdf.Operator("TJ"))


def _plans(inputs: tuple[Any, ...]) -> tuple[Any, Any, list[int], list[int], list[int],
                                              list[int]]:
    found = []
    for walk in (python_plan_marks, units.plan_marks):
        owners: list[int] = []
        starts: list[int] = []
        found.append((walk(*inputs[:7], owners, starts, inputs[7], _Begin, _END), owners,
                      starts))
    (expected, owners, starts), (got, c_owners, c_starts) = found
    return expected, got, owners, c_owners, starts, c_starts


@pytest.mark.parametrize("seed", range(60))
def test_random_plans_as_python(seed: int) -> None:
    expected, got, owners, c_owners, starts, c_starts = _plans(_plan_inputs(seed))
    # Same items (runs equal, sequences' starts equal, the very parts and ends given).
    assert got[1:] == expected[1:]
    assert len(got[0]) == len(expected[0])
    for mine, theirs in zip(got[0], expected[0], strict=True):
        assert type(mine) is type(theirs)
        if isinstance(theirs, _Begin | range):
            assert mine == theirs
            assert type(getattr(mine, "owner", None)) is type(getattr(theirs, "owner", None))
        else:
            assert mine is theirs
    assert (c_owners, c_starts) == (owners, starts)


def test_a_plan_keeps_optional_content_and_drops_other_marks() -> None:
    names = ["BDC", "BT", "Tj", "ET", "EMC", "BMC", "BT", "Tj", "ET", "EMC", "MP"]
    painting = [name == "Tj" for name in names]
    unit_owner: list[Owner | None] = [None, None, 4, None, None, None, None, "", None, None,
                                      None]
    planned = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    for walk in (python_plan_marks, units.plan_marks):
        owners: list[int] = []
        starts: list[int] = []
        plan, tagged, artifacts = walk(names, painting, unit_owner, planned, {}, {}, set(),
                                       owners, starts, lambda i: i == 0, _Begin, _END)
        assert plan == [range(0, 2), _Begin(4, 0), range(2, 3), _END, range(3, 5),
                        range(6, 7), _Begin("other", None), range(7, 8), _END, range(8, 9)]
        assert (tagged, artifacts, owners, starts) == (1, 1, [4], [2])


@pytest.mark.parametrize("seed", range(30))
def test_random_plans_written_as_python(seed: int) -> None:
    inputs = _plan_inputs(seed)
    names = inputs[0]
    plan = python_plan_marks(*inputs[:7], [], [], inputs[7], _Begin, _END)[0]
    # Each instruction written as its own bytes, some with spaces between them.
    rng = random.Random(seed)
    data = b""
    starts: list[int] = []
    ends: list[int] = []
    for index, name in enumerate(names):
        data += b" " * rng.randrange(0, 3)
        starts.append(len(data))
        data += f"{index} {name}".encode()
        ends.append(len(data))
    # With a span read as the author's text, and an unnamed sequence kind of its own.
    plan = [*plan, _ActualTextBegin("ﬁ x"), _END, _Begin("", None)]
    expected = python_write_plan(data, starts, ends, plan, _Begin, _END, _item_bytes)
    assert units.write_plan(data, starts, ends, plan, _Begin, _END, _item_bytes) == expected
    assert b"/Span" in expected and b"/Artifact BMC" in expected


def test_a_plan_is_written_between_the_stream_bytes() -> None:
    data = b"q 1 0 0 1 0 0 cm BT (a) Tj ET Q"
    starts, ends = [0, 2, 17, 20, 27, 30], [1, 16, 19, 26, 29, 31]
    plan = [range(0, 3), _Begin(3, 0), range(3, 4), _END, range(4, 6),
            _Begin("decoration", None), _part(5, 0), _END]
    for write in (python_write_plan, units.write_plan):
        assert write(data, starts, ends, plan, _Begin, _END, _item_bytes) == (
            b"q 1 0 0 1 0 0 cm BT\n/P <</MCID 0>> BDC\n(a) Tj\nEMC\nET Q\n"
            b"/Artifact <</Type /Layout>> BDC\n[ (5.0) ] TJ\nEMC\n")


@pytest.mark.parametrize("seed", range(60))
@pytest.mark.parametrize("with_artifacts", [False, True])
def test_random_contested_text_as_python(seed: int, with_artifacts: bool) -> None:
    rng = random.Random(seed)
    count = rng.randrange(0, 200)
    names = [rng.choice(NAMES) for _ in range(count)]
    who: list[Owner] = [0, 1, 2, 3, 7, "header", "decoration"]
    claims: list[tuple[Owner, list[tuple[int, int]]]] = []
    for _ in range(rng.randrange(0, 30)):
        ranges = []
        for _ in range(rng.randrange(0, 4)):
            start = rng.randrange(-5, count + 5)
            ranges.append((start, start + rng.randrange(-2, 40)))
        claims.append((rng.choice(who), ranges))
    expected = python_contested_text(names, claims, with_artifacts)
    found = units.contested_text(names, claims, with_artifacts)
    assert found == expected
    assert list(found) == list(expected)  # the order split pages are cut in
    assert contested_text(names, claims, with_artifacts) == expected


def test_contested_text_of_ends_not_c_integers_is_left_to_python() -> None:
    names = ["BT", "Tj", "Tj", "ET"]
    claims: list[tuple[Owner, list[tuple[int, int]]]] = [(0, [(0, 4)]), (1, [(2, 2**70)])]
    assert units.contested_text(names, claims, False) is None
    assert contested_text(names, claims) == {2: [0, 1]}
