"""Heading levels, truth against layout, for the files the structure bench scores.

For each tagged PDF (or those named on the command line), the headings the structure reader
reads from the author's tags are matched to those the layout reader finds on the stripped
copy, as ``bench/structure.py`` matches them; every matched pair whose levels differ is
printed with the truth's whole level sequence and the author's bookmarks, which tell an
odd truth (a title tagged H2, a skipped level) from a fault of ours.

    .venv/bin/python bench/heading_levels.py [PDF ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import pikepdf

sys.path.insert(0, str(Path(__file__).resolve().parent))

import structure as bench  # noqa: E402


def outline_levels(path: Path) -> list[tuple[int, str]]:
    """The bookmarks of ``path`` in order, with their depth (1 for the top)."""
    found: list[tuple[int, str]] = []

    def walk(items: list[pikepdf.OutlineItem], depth: int) -> None:
        for item in items:
            found.append((depth, item.title))
            walk(item.children, depth + 1)

    with pikepdf.open(path) as pdf, pdf.open_outline() as outline:
        walk(outline.root, 1)
    return found


def report(path: Path) -> None:
    truth = bench.read_structure(path, max_pages=bench.MAX_PAGES)
    if truth.reader != "structure":
        return
    with tempfile.TemporaryDirectory() as tmp:
        stripped = Path(tmp) / path.name
        bench.strip_structure(path, stripped)
        found = bench.read_layout(stripped, max_pages=bench.MAX_PAGES)
    th, fh = bench.headings(truth), bench.headings(found)
    pairs = bench.match_texts(
        [bench.norm(h.text) for h in th], [bench.norm(h.text) for h in fh], 90
    )
    wrong = [(i, j) for i, j in pairs if th[i].level != fh[j].level]
    if not wrong:
        return
    print(f"== {path.name}: level {1 - len(wrong) / len(pairs):.3f}")
    print(f"   truth levels {[h.level for h in th]}, ours {[h.level for h in fh]}")
    print(f"   bookmarks {outline_levels(path)}")
    for i, j in wrong:
        print(f"   truth H{th[i].level} ours H{fh[j].level}  {th[i].text[:70]!r}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="files to report (default: corpus)")
    args = parser.parse_args()
    corpus = bench.SHARED / "corpus"
    if not args.pdfs and not corpus.exists():
        print(f"skipped: {corpus} is absent")
        return 0
    paths = args.pdfs or sorted(
        [*corpus.glob("tagged/*.pdf"), *corpus.glob("pdfua/**/*.pdf")]
    )
    for path in paths:
        report(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
