"""The benchmarks are not run in CI (they take minutes), but they must still start.

A script runs with ``bench/`` first on ``sys.path``, so a file there named like a standard
library module (``bench/html.py`` once did) shadows it for every import the engine makes, and
the benchmark dies before measuring anything.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
SCRIPTS = sorted(BENCH.glob("*.py"))
#: The ones run as commands (the others are modules the commands import: office_designs.py).
COMMANDS = [path for path in SCRIPTS if 'if __name__ == "__main__"' in path.read_text()]


def test_there_are_benchmarks() -> None:
    assert SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_no_benchmark_shadows_the_standard_library(script: Path) -> None:
    assert script.stem not in sys.stdlib_module_names


@pytest.mark.parametrize("script", COMMANDS, ids=lambda path: path.name)
def test_benchmark_starts(script: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(script), "--help"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "usage" in result.stdout.lower()
