"""The marking plan's and the ownership's fast paths give what the plain ways gave: operator
kinds read by one look-up, boxes tested side by side before their distance, operators picked
in C, artifact openings written once."""

from __future__ import annotations

import random

from workers.engine.document import BBox
from workers.engine.layout.glyphs import Glyph
from workers.engine.tagged_pdf.form_content import _owner_at
from workers.engine.tagged_pdf.marked_content import (
    _MARKS,
    _PAINT,
    _PATH,
    _PLANNED,
    INLINE_IMAGE,
    Operators,
    Owner,
    _Begin,
    _begin_bytes,
    _begin_instruction,
    _unit_owners,
    yield_labels,
)
from workers.engine.tagged_pdf.split_text import _TOLERANCE, contested_text, glyph_owner


def _plain_unit_owners(
    operators: Operators, owners: list[Owner | None]
) -> tuple[list[Owner | None], list[int]]:
    """The walk as it was written first: a set test per kind."""
    out: list[Owner | None] = [None] * len(operators.names)
    looked_at: list[int] = []
    path_start: int | None = None
    for index, op in enumerate(operators.names):
        if op in _PATH:
            if path_start is None:
                path_start = index
            continue
        if op in _PAINT or op == "n":
            start = path_start if path_start is not None else index
            path_start = None
            if op != "n":
                out[start] = owners[index] if owners[index] is not None else ""
                if start != index:
                    looked_at.append(start)
                looked_at.append(index)
            continue
        if operators.painting[index]:
            out[index] = owners[index] if owners[index] is not None else ""
            looked_at.append(index)
        elif op in _PLANNED:
            looked_at.append(index)
    return out, looked_at


def test_unit_owners_read_every_kind_as_before() -> None:
    kinds = sorted(_PATH | _PAINT | _PLANNED | _MARKS) + [
        "n", "Tj", "TJ", "Td", "Tf", "q", "Q", "cm", "Do", "sh", INLINE_IMAGE, "gs"]
    rng = random.Random(4)
    for _ in range(200):
        names = [rng.choice(kinds) for _ in range(rng.randint(0, 60))]
        painting = [n in {"Tj", "TJ", "sh", INLINE_IMAGE} or (n == "Do" and rng.random() < 0.7)
                    or n in _PAINT for n in names]
        owners: list[Owner | None] = [rng.choice([None, 1, 2, "header"]) for _ in names]
        operators = Operators(names, painting)
        assert _unit_owners(operators, owners) == _plain_unit_owners(operators, owners)


def _glyph(x0: float, y0: float, x1: float, y1: float) -> Glyph:
    return Glyph("a", x0, y0, x1, y1, 10.0, False, "F", 0, -1)


def test_glyph_owner_takes_the_boxes_within_the_tolerance_as_before() -> None:
    # A box reached only through the tolerance holds the glyph; one just past it does not.
    glyph = _glyph(100, 100, 110, 110)  # centre (105, 105)
    near = BBox(0, 0, 105 - _TOLERANCE, 200)
    far = BBox(0, 0, 105 - _TOLERANCE - 0.01, 200)
    assert glyph_owner(glyph, [(1, near)]) == 1
    assert glyph_owner(glyph, [(1, far)]) is None
    assert _owner_at(105, 105, [(1, near)]) == 1
    assert _owner_at(105, 105, [(1, far)]) is None
    # Of two holding it, the one holding the centre itself before the one reached through
    # the tolerance (the distance still ranks).
    inside = BBox(0, 0, 300, 300)
    assert glyph_owner(glyph, [(1, near), (2, inside)]) == 2
    assert _owner_at(105, 105, [(1, near), (2, inside)]) == 2
    rng = random.Random(7)
    for _ in range(500):
        boxes: list[tuple[Owner, BBox]] = []
        for who in range(rng.randint(1, 5)):
            x, y = rng.uniform(0, 50), rng.uniform(0, 50)
            boxes.append((who, BBox(x, y, x + rng.uniform(0, 30), y + rng.uniform(0, 30))))
        x, y = rng.uniform(0, 80), rng.uniform(0, 80)
        g = _glyph(x, y, x + 4, y + 6)
        cx, cy = x + 2, y + 3
        held = [who for who, b in boxes
                if max(b.x0 - cx, cx - b.x1, b.y0 - cy, cy - b.y1, 0.0) <= _TOLERANCE]
        owner = glyph_owner(g, boxes)
        assert (owner is None) == (not held)
        assert owner is None or owner in held


def test_contested_text_as_before() -> None:
    names = ["BT", "Tf", "Tj", "Td", "TJ", "'", "ET", "re", "f", "BT", '"', "Tj", "ET"]
    claims: list[tuple[Owner, list[tuple[int, int]]]] = [
        (1, [(0, 5)]), (2, [(4, 12)]), ("header", [(10, 13)]), (3, [(11, 13)])]
    assert contested_text(names, claims) == {4: [1, 2], 11: [2, 3]}
    assert contested_text(names, claims, with_artifacts=True) == {
        4: [1, 2], 10: [2, "header"], 11: [2, "header", 3]}


def test_labels_found_among_owners_of_every_kind() -> None:
    # Label 5 draws operator 1 whole with leaf 7's text (7 claims it too): it yields to
    # its body 6; owners that are artifacts or None are never labels.
    owners: list[Owner | None] = [None, 5, "decoration", 7, 5]
    claims: list[tuple[Owner, list[tuple[int, int]]]] = [
        (5, [(1, 2), (4, 5)]), (7, [(1, 4)]), ("decoration", [(2, 3)])]
    yielded = yield_labels(owners, claims, {}, {5: 6})
    assert yielded == {5}
    assert owners == [None, 6, "decoration", 7, 6]


def test_artifact_openings_written_as_their_instructions() -> None:
    import pikepdf

    pdf = pikepdf.new()
    for owner in ("header", "footer", "page-number", "decoration", "other", ""):
        for _ in range(2):  # the second time from what was written the first
            written = _begin_bytes(_Begin(owner, None))
            parsed = pikepdf.parse_content_stream(pdf.make_stream(written))
            expected = _begin_instruction(_Begin(owner, None))
            assert [(list(i.operands), i.operator) for i in parsed] == [
                (list(expected.operands), expected.operator)]
    assert _begin_bytes(_Begin(3, 12)) == b"/P <</MCID 12>> BDC\n"
