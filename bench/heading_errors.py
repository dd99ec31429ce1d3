"""Heading errors, truth against layout: per file, the truth headings the layout reader
missed and the headings it found that the truth has not, with their pages, as
``bench/structure.py`` matches them (so the lists explain each file's head_f1).

    .venv/bin/python bench/heading_errors.py [--heldout] [--only TEXT] [PDF ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import structure as bench  # noqa: E402

from workers.engine.document import Heading  # noqa: E402


def page_of(heading: Heading) -> int:
    return heading.prov[0].page if heading.prov else 0


def report(path: Path) -> float | None:
    """Print the file's missed and false headings; its head_f1 (None: no truth)."""
    with tempfile.TemporaryDirectory() as tmp:
        models = bench.truth_and_layout(path, Path(tmp))
    if models is None:
        return None
    truth, found = models
    th, fh = bench.headings(truth), bench.headings(found)
    pairs = bench.match_texts(
        [bench.heading_key(h.text) for h in th], [bench.heading_key(h.text) for h in fh], 90
    )
    score = bench.f1(len(pairs), len(th), len(fh))
    missed = sorted(set(range(len(th))) - {i for i, _ in pairs})
    false = sorted(set(range(len(fh))) - {j for _, j in pairs})
    if not missed and not false:
        return score
    print(f"== {path.name}: head_f1 {bench.fmt(score)} truth {len(th)} found {len(fh)}")
    for i in missed:
        print(f"   missed p{page_of(th[i])} H{th[i].level} {th[i].text[:90]!r}")
    for j in false:
        print(f"   false  p{page_of(fh[j])} H{fh[j].level} {fh[j].text[:90]!r}")
    return score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="files to report")
    parser.add_argument("--heldout", action="store_true",
                        help="the held-out bench's PDFs (bench/.cache/heldout; run it first)")
    parser.add_argument("--only", default="", help="substring of the PDF names to report")
    args = parser.parse_args()
    paths: list[Path] = args.pdfs
    if args.heldout:
        paths = sorted((Path(__file__).resolve().parent / ".cache" / "heldout").glob("*.pdf"))
    paths = [p for p in paths if args.only in p.name]
    scores = [s for path in paths if (s := report(path)) is not None]
    if scores:
        print(f"head_f1 mean {sum(scores) / len(scores):.3f} over {len(scores)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
