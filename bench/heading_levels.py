"""Heading levels, truth against layout, for the files the structure bench scores.

For each tagged PDF (or those named on the command line), the headings the structure reader
reads from the author's tags are matched to those the layout reader finds on the stripped
copy, as ``bench/structure.py`` matches them; every matched pair whose levels differ is
printed with the truth's whole level sequence and the author's bookmarks, which tell an
odd truth (a title tagged H2, a skipped level) from a fault of ours.

With ``--no-outline`` the bookmarks are removed from the stripped copy too: the levels are
then the layout reader's own (faces, numbers, places), as on documents without an outline,
which the bookmarks of the corpus's files otherwise hide.

With ``--all`` every matched heading is printed (``x`` marks a wrong level); ``--heldout``
reads the held-out bench's PDFs instead of the corpus.

With ``--as-output`` both sides' levels are closed up as every output carries them (the first
heading H1, no level skipped: the structure bench's ``level_ua``), so only faults of nesting
are left.

    .venv/bin/python bench/heading_levels.py [--no-outline] [--all] [--as-output] [--heldout]
        [PDF ...]
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


def report(
    path: Path, *, no_outline: bool = False, every: bool = False, as_output: bool = False
) -> float | None:
    """Print the file's mismatched levels (``every``: all matched pairs); its level accuracy
    (None: no heading matched). ``as_output``: both sides' levels closed up as the outputs
    carry them (the structure bench's ``level_ua``)."""
    truth = bench.read_structure(path, max_pages=bench.MAX_PAGES)
    if truth.reader != "structure":
        return None
    with tempfile.TemporaryDirectory() as tmp:
        stripped = Path(tmp) / path.name
        bench.strip_structure(path, stripped)
        if no_outline:
            with pikepdf.open(stripped, allow_overwriting_input=True) as pdf:
                if "/Outlines" in pdf.Root:
                    del pdf.Root["/Outlines"]
                pdf.save(stripped)
        found = bench.read_layout(stripped, max_pages=bench.MAX_PAGES)
    th, fh = bench.headings(truth), bench.headings(found)
    pairs = bench.match_texts(
        [bench.heading_key(h.text) for h in th], [bench.heading_key(h.text) for h in fh], 90
    )
    if as_output:
        tl, fl = bench.output_levels(th), bench.output_levels(fh)
    else:
        tl, fl = [h.level for h in th], [h.level for h in fh]
    wrong = [(i, j) for i, j in pairs if tl[i] != fl[j]]
    if not pairs:
        return None
    if not wrong and not every:
        return 1.0
    print(f"== {path.name}: level {1 - len(wrong) / len(pairs):.3f}")
    print(f"   truth levels {tl}, ours {fl}")
    print(f"   bookmarks {outline_levels(path)}")
    for i, j in pairs if every else wrong:
        mark = " " if tl[i] == fl[j] else "x"
        page = fh[j].prov[0].page if fh[j].prov else 0
        print(f" {mark} truth H{tl[i]} ours H{fl[j]}  p{page}  {th[i].text[:70]!r}")
    return 1 - len(wrong) / len(pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdfs", nargs="*", type=Path, help="files to report (default: corpus)")
    parser.add_argument("--no-outline", action="store_true",
                        help="remove the bookmarks too: the levels the layout alone gives")
    parser.add_argument("--all", action="store_true",
                        help="print every matched heading, not only those whose level differs")
    parser.add_argument("--as-output", action="store_true",
                        help="levels closed up as the outputs carry them (level_ua)")
    parser.add_argument("--heldout", action="store_true",
                        help="the held-out bench's PDFs (bench/.cache/heldout; run it first)")
    args = parser.parse_args()
    if args.heldout:
        args.pdfs = sorted((Path(__file__).resolve().parent / ".cache" / "heldout").glob("*.pdf"))
    corpus = bench.SHARED / "corpus"
    if not args.pdfs and not corpus.exists():
        print(f"skipped: {corpus} is absent")
        return 0
    paths = args.pdfs or sorted(
        # (The structure bench's files: the tagged corpus and the PDF/UA Reference Suite.)
        [*corpus.glob("tagged/*.pdf"), *corpus.glob("pdfua/PDFUA-Reference-Suite-1.1/*.pdf")]
    )
    scores = [
        s for path in paths
        if (s := report(path, no_outline=args.no_outline, every=args.all,
                        as_output=args.as_output)) is not None
    ]
    if scores:
        print(f"level mean {sum(scores) / len(scores):.3f} over {len(scores)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
