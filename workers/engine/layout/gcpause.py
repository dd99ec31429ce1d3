"""Pause Python's cycle collector while an analysis allocates its many small objects.

Layout analysis keeps every glyph, fragment and block of a document alive until the model is
built: hundreds of thousands of objects, none in a reference cycle. Each generation-2
collection walks all of them, and allocating that many triggers many collections: on a
250-page book that was a fifth of the analysis time, for nothing freed. Reference counting
still frees everything as usual; only cycle detection waits until the analysis ends.

Pauses nest and may overlap across threads: the collector runs again once the last one ends
(if it was running before the first began).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_active = 0
_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    global _active, _was_enabled
    with _lock:
        if _active == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _was_enabled:
                gc.enable()


def collect_young() -> None:
    """Free the reference cycles made since the last call, looking only at objects allocated
    since: each object is walked once, where the paused collector would have walked the whole
    document again and again.

    The layout reader calls it after a page that failed only (its exception's traceback holds
    the page's frames, and what they had read). A page read to the end leaves a few small
    cycles behind (pypdfium2's pointers to the page and its text page, each keeping itself
    alive through its ctypes keep-alive dictionary; now and then a ctypes array type): under
    a kilobyte a page, freed once the analysis ends, while a collection after each page walked
    every object the page's analysis keeps (a few per cent of the analysis on a long text)."""
    gc.collect(1)
