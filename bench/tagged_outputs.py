"""Fingerprints and CPU time of the tagged PDF writer's outputs over the tagged-PDF bench's files.

For speed work on :mod:`workers.engine.tagged_pdf`: a change meant to leave the outputs alone
must leave every line's fingerprints as they were. Each line: the file, the md5 of the output
(its trailer /ID left out: the second half is new at every save), the md5 of what the
result says besides (expected texts, notes, review, operator counts), and the CPU seconds
tagging took (process time: steadier than wall time on a shared machine).

The analyses are made once and kept (pickled) in ``--cache``, so that runs before and after a
change tag the same models, and only tagging is timed.

Usage: .venv/bin/python bench/tagged_outputs.py [--only NAME] [--cache FILE] > fingerprints.txt
then ``diff`` two such files (the time column aside: ``cut -f1-3``).
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from workers.engine.analyse import analyse  # noqa: E402
from workers.engine.document import Document  # noqa: E402
from workers.engine.structure.strip import strip_structure  # noqa: E402
from workers.engine.tagged_pdf.tagger import TaggedPdf, tag_pdf  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
MAX_PAGES = 1500
_TRAILER_ID = re.compile(rb"/ID \[<[0-9a-f]*><[0-9a-f]*>\]")


def bench_files(corpus: Path) -> list[tuple[Path, str]]:
    """The files of bench/tagged_pdf.py, in its order."""
    files = [(p, f"untagged/{p.name}") for p in sorted((corpus / "untagged").glob("*.pdf"))]
    files += [(p, f"tagged/{p.name}") for p in sorted((corpus / "tagged").glob("*.pdf"))]
    return files


def analysed(files: list[tuple[Path, str]], sources: Path) -> list[tuple[Path, str, Document]]:
    """Each file's source as tagged (a tagged file stripped, as the bench does) and model."""
    out = []
    for path, label in files:
        source = path
        if label.startswith("tagged/"):
            source = sources / f"stripped-{path.name}"
            strip_structure(path, source)
        out.append((source, label, analyse(source, max_pages=MAX_PAGES)))
    return out


def fingerprints(result: TaggedPdf) -> tuple[str, str]:
    content = hashlib.md5(_TRAILER_ID.sub(b"", result.content)).hexdigest()
    said = repr((result.expected_texts, result.notes, result.review,
                 result.tagged_operators, result.artifact_operators))
    return content, hashlib.md5(said.encode()).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="files whose name contains this")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir())
                        / "tagged-outputs-models.pkl", help="the analyses, made once")
    args = parser.parse_args()
    if not (SHARED / "corpus").is_dir():
        print("../shared/corpus not present: nothing to measure")
        return 0
    sys.setrecursionlimit(100_000)  # the models are deep trees: pickled recursively
    if not args.cache.exists():
        sources = args.cache.with_suffix(".sources")
        sources.mkdir(exist_ok=True)
        with args.cache.open("wb") as out:
            pickle.dump(analysed(bench_files(SHARED / "corpus"), sources), out)
    with args.cache.open("rb") as cached:
        models: list[tuple[Path, str, Document]] = pickle.load(cached)  # noqa: S301 - our own
    total = 0.0
    for source, label, document in models:
        if args.only not in label:
            continue
        started = time.process_time()
        result = tag_pdf(source, document)
        seconds = time.process_time() - started
        total += seconds
        content, said = fingerprints(result)
        print(f"{label}\t{content}\t{said}\t{seconds:.3f}", flush=True)
    print(f"tagging CPU time: {total:.2f}s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
