"""Disjoint sets of indices (union-find with path halving): which items are linked into one
group, one to the next, however long the chain. Rules touching into one drawn piece
(:mod:`.tables`), heading-like lines linked into a grid (:mod:`.classify`)."""

from __future__ import annotations


class DisjointSets:
    """Which of ``count`` items (their indices) are joined into one set."""

    def __init__(self, count: int) -> None:
        #: Each item's link up towards its set's first; the first's to itself.
        self.parent = list(range(count))

    def root(self, k: int) -> int:
        """The first of the set ``k`` is in (the links on the way shortened)."""
        parent = self.parent
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    def join(self, a: int, b: int) -> None:
        """Join the sets of ``a`` and ``b`` into one (its first: ``b``'s)."""
        top_b = self.root(b)
        self.parent[self.root(a)] = top_b
