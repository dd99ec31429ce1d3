"""The quick passes splitting makes over a page (claims recorded range by range, the font in
use found through the operators that change it, glyphs given out run by run, the cut text
objects' page objects found by bisection) give what a step per operator or glyph gives."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest

from workers.engine.layout.glyphs import Glyph
from workers.engine.tagged_pdf.split_proof import _objects_within
from workers.engine.tagged_pdf.split_text import GlyphNeeds, PageText, contested_text, fonts_in_use

Claims = list[tuple[int | str, list[tuple[int, int]]]]


def _contested_one_by_one(names: list[str], claims: Claims,
                          with_artifacts: bool = False) -> dict[int, list[int | str]]:
    """The plain reading of :func:`contested_text`: every showing operator of every range."""
    claimants: dict[int, list[int | str]] = {}
    for who, ranges in claims:
        if not isinstance(who, int) and not with_artifacts:
            continue
        for start, end in ranges:
            for index in range(start, min(end, len(names))):
                if names[index] in ("Tj", "TJ", "'", '"'):
                    leaves = claimants.setdefault(index, [])
                    if who not in leaves:
                        leaves.append(who)
    return {i: leaves for i, leaves in claimants.items()
            if len(leaves) > 1 and isinstance(leaves[0], int)}


_NAMES = ["BT", "Tf", "Tj", "TJ", "Td", "TJ", "'", "ET", "BT", "Tj", "TJ", "ET", "re", "f"]


@pytest.mark.parametrize("claims", [
    [(0, [(0, 14)])],
    [(0, [(0, 7)]), (1, [(5, 12)])],
    # Overlaps met in another order than the operators', a claimant twice, an artifact first.
    [(2, [(9, 11)]), (0, [(0, 4), (9, 10)]), (1, [(2, 10)]), (2, [(3, 4)]), (0, [(2, 3)])],
    [("header", [(0, 4)]), (0, [(2, 6)]), ("footer", [(5, 11)]), (1, [(0, 14)])],
    [(0, []), (1, [(3, 3)]), (2, [(12, 14)]), (3, [(12, 13)])],
])
@pytest.mark.parametrize("with_artifacts", [False, True])
def test_contested_operators_and_their_claimants_in_the_order_first_claimed(
        claims: Claims, with_artifacts: bool) -> None:
    found = contested_text(_NAMES, claims, with_artifacts)
    expected = _contested_one_by_one(_NAMES, claims, with_artifacts)
    assert found == expected
    assert list(found) == list(expected)  # the order split pages are cut in


def test_the_font_in_use_follows_q_and_q_through_the_stream(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    simple = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font,
                                                  Subtype=pikepdf.Name.Type1,
                                                  BaseFont=pikepdf.Name.Helvetica))
    cid = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.Font,
                                               Subtype=pikepdf.Name.Type0,
                                               Encoding=pikepdf.Name("/Identity-H")))
    resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=simple, F2=cid))
    names = ["BT", "Tf", "Tj", "q", "Tf", "TJ", "Tf", "Tj", "Q", "TJ", "Tf", "Tj", "Tf", "Tj",
             "ET"]
    fonts = {1: "/F1", 4: "/F2", 6: "/F9", 10: "/F2", 12: None}
    text = PageText(names, fonts, {})
    found = fonts_in_use(resources, text, {2, 5, 7, 9, 11, 13})
    assert sorted(found) == [2, 5, 9, 11, 13]  # /F9 is no font: 7 is left out
    widths = {index: width for index, (width, _) in found.items()}
    assert widths == {2: 1, 5: 2, 9: 1, 11: 2, 13: 2}  # a Tf without operand keeps the font
    assert found[2][1].objgen == simple.objgen and found[13][1].objgen == cid.objgen


def _glyph(char: str) -> Glyph:
    return Glyph(char, 0.0, 0.0, 1.0, 1.0, 10.0, False, "F", 0, -1)


def test_glyphs_given_at_once_count_once_each_however_often_they_are_given() -> None:
    needs = GlyphNeeds({0: "aab", 1: "ab"})
    a, b, other_a = _glyph("a"), _glyph("b"), _glyph("a")
    needs.give_all(0, [a, b])
    assert needs.wants(0, other_a) and not needs.wants(0, _glyph("b"))
    needs.give_all(0, [a, other_a, other_a])  # ``a`` was given, ``other_a`` counts once
    assert not needs.wants(0, _glyph("a"))
    needs.give_all(1, [a, b])  # given to leaf 0 already: leaf 1 still lacks both
    assert needs.wants(1, _glyph("a")) and needs.wants(1, _glyph("b"))
    assert not needs.wants(1, _glyph(" ")) and not needs.wants(2, _glyph("a"))


@pytest.mark.parametrize("operator_of, spans", [
    ([0, 1, 1, 3, 5, 5, 8, 9, 12], [(1, 3), (8, 10)]),
    ([0, 2, 4, 6], [(3, 3)]),
    ([0, 2, 4, 6], [(0, 1), (1, 6)]),
    ([4, 2, 9, 1, 3], [(2, 4)]),  # out of order: every object is looked at
    ([], [(0, 5)]),
])
def test_the_objects_a_cut_text_object_reaches_are_found_in_order(
        operator_of: list[int], spans: list[tuple[int, int]]) -> None:
    found = list(_objects_within(operator_of, spans))
    reached = [obj for obj, operator in enumerate(operator_of)
               if any(first <= operator <= last for first, last in spans)]
    assert found == sorted(set(found))
    assert set(reached) <= set(found)
    if operator_of == sorted(operator_of):
        assert found == reached
    else:
        assert found == list(range(len(operator_of)))
