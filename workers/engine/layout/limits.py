"""Limits that keep the reading of a damaged page bounded, and the note that one was reached.

Deep in the layout reader (grouping a page's text into lines, say) a limit can make a page
read differently from how it would read without it; the reader's functions there are pure
and know no page. They say :func:`reached` with a limit's code; the page reader collects the
codes for the page it reads (:func:`noted`) and records each as a warning in the model, so
staff know the page was read with a limit.

>>> with noted() as limits:
...     reached("line-pieces-limit", "a line of too many pieces was read in parts")
>>> limits
{'line-pieces-limit': 'a line of too many pieces was read in parts'}
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_noted: ContextVar[dict[str, str] | None] = ContextVar("layout_limits_noted", default=None)


def reached(code: str, message: str) -> None:
    """Say that limit ``code`` changed how the page being read is read; ``message`` says how,
    for staff (nothing is noted when no page is being read: a function asked on its own)."""
    limits = _noted.get()
    if limits is not None:
        limits.setdefault(code, message)


@contextmanager
def noted() -> Iterator[dict[str, str]]:
    """The limits reached while the block runs, code to message (a fresh dict each time)."""
    limits: dict[str, str] = {}
    token = _noted.set(limits)
    try:
        yield limits
    finally:
        _noted.reset(token)
