"""``round(x, ndigits)`` as the reader rounds its boxes, in C where built.

Every block's box is rounded to hundredths (its :class:`~workers.engine.document.Prov`'s,
and the places the run-over pass keys blocks by), and every fragment's band to tenths; with
digits, Python's ``round`` writes the float as a decimal string and reads it back, many times
dearer than the rest of each of those lines. ``_fragments.round_to`` gives the same value by
exact integer arithmetic (a test holds the two equal, ties and signed zeros included).
"""

from __future__ import annotations

from collections.abc import Callable

_round_to: Callable[[float, int], float]
try:
    # Built by `pip install` where a C compiler exists; without it, Python's own round.
    from ._fragments import round_to as _round_to
except ImportError:  # pragma: no cover - depends on the installation
    _round_to = round

#: ``round(x, ndigits)``, the same value (and type: an int stays an int).
round_to: Callable[[float, int], float] = _round_to
