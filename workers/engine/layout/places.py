"""Each item's place in a sequence, by identity: the index the layout reader looks glyphs up by.

A page's glyphs (its stream, in drawing order) are indexed so: tens of thousands of them on a
page of small print, and pages are indexed several times over (formulas, walls, letter
spacing, drawn underscores)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import count
from typing import Generic, TypeVar

_T = TypeVar("_T")


def places_by_id(items: Iterable[object]) -> dict[int, int]:
    """``{id(item): k for k, item in enumerate(items)}``, built at C speed (no Python loop per
    item): the same keys, in the same order, with the same places (an item listed twice has
    its last)."""
    return dict(zip(map(id, items), count()))


class Places(Generic[_T]):
    """:func:`places_by_id` of one sequence, indexed on the first question and kept: the
    passes that look up a page's glyph stream (letter spacing, code in cells, walls,
    formulas) share one index of it, most pages asking none. The sequence must not change
    while the index is in use (a page's glyphs are final once its fragments are made)."""

    def __init__(self, items: Sequence[_T]) -> None:
        self.items = items
        self._at: dict[int, int] | None = None

    def at(self) -> dict[int, int]:
        """Each item's place, by identity."""
        if self._at is None:
            self._at = places_by_id(self.items)
        return self._at
