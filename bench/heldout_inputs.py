"""The held-out PDFs as the output benches take them (bench/tagged_heldout.py,
bench/outputs_heldout.py): those bench/heldout.py made, each with its tags stripped first (as
bench/structure.py strips them, so the layout reader's model is what gets rendered) unless
they are to be read as they are (the structure reader's path)."""

from __future__ import annotations

import argparse
from pathlib import Path

from workers.engine.structure.strip import strip_structure

HELDOUT = Path(__file__).resolve().parents[1] / "bench" / ".cache" / "heldout"


def add_input_options(parser: argparse.ArgumentParser, unstripped_help: str) -> None:
    """The options both benches take their PDFs by: ``--only`` (:func:`cached_pdfs`) and
    ``--unstripped`` (:func:`read_as`), whose help says what the bench then does."""
    parser.add_argument("--only", help="only files whose name contains this")
    parser.add_argument("--unstripped", action="store_true", help=unstripped_help)


def cached_pdfs(only: str | None) -> list[Path]:
    """The held-out PDFs (none when bench/heldout.py has not made them), those whose name
    holds ``only`` when it is given."""
    files = sorted(HELDOUT.glob("*.pdf"))
    return [p for p in files if only in p.name] if only else files


def read_as(path: Path, folder: Path, *, unstripped: bool) -> Path:
    """``path`` itself when ``unstripped``; else a copy without its tags, in ``folder``."""
    if unstripped:
        return path
    folder.mkdir(parents=True, exist_ok=True)
    stripped = folder / path.name
    strip_structure(path, stripped)
    return stripped
