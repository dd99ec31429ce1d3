"""The bench scripts (bench/*.py: scripts, not a package) imported as modules, for the tests
of their scoring rules."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[1] / "bench"


def bench_module(name: str) -> ModuleType:
    """``bench/<name>.py`` as a module; the bench folder is on the path only while it (and the
    bench modules it imports, as ``structure``) are imported."""
    sys.path.insert(0, str(BENCH))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(BENCH))
