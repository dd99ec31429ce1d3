"""The held-out set's tables, one by one: each truth table the layout reader missed and each
table it found that is false, with its page, its rows and its first words.

bench/heldout.py gives one table F1 a file; this says which tables make it, to look up on
the page images (``pdftoppm -r 60 -f P+1 -l P+1 -png FILE /tmp/x``: pages here count from
0). Tables are matched as bench/structure.py matches them (structure.match_tables: their words'
Jaccard overlap at least one half, one to one, in the truth's order; then a found table left
over may match a run of truth tables, listed as "joined"; --no-table-runs leaves that out).
Reads the PDFs bench/heldout.py made (bench/.cache/heldout); it makes none.

Usage: .venv/bin/python bench/heldout_tables.py [--only SUBSTR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import structure  # noqa: E402  (bench/structure.py: the same matching as the scores)
from heldout import CACHE  # noqa: E402
from structure import match_tables, table_words  # noqa: E402


@dataclass
class Count:
    matched: int = 0
    truth: int = 0
    found: int = 0

    def add(self, matched: int, truth: int, found: int) -> None:
        self.matched += matched
        self.truth += truth
        self.found += found

    def f1(self) -> str:
        score = structure.f1(self.matched, self.truth, self.found)
        return "    -" if score is None else f"{score:5.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="substring of the PDF names to read")
    parser.add_argument("--no-table-runs", action="store_true",
                        help="match tables one to one only (no runs of truth tables)")
    args = parser.parse_args()
    structure.set_table_runs(not args.no_table_runs)
    pdfs = sorted(p for p in CACHE.glob("*.pdf") if not p.name.endswith(".part.pdf"))
    if args.only:
        pdfs = [p for p in pdfs if args.only in p.name]
    if not pdfs:
        print(f"no PDFs in {CACHE}: run bench/heldout.py first")
        return 0
    pooled: dict[str, Count] = defaultdict(Count)
    for pdf in pdfs:
        with tempfile.TemporaryDirectory() as tmp:
            models = structure.truth_and_layout(pdf, Path(tmp))
        if models is None:
            continue
        tt, ft = table_words(models[0]), table_words(models[1])
        if not tt and not ft:
            continue
        match = match_tables(tt, ft, runs=structure.TABLE_RUNS)
        hits, found = len(match.truth_matched), match.found_count(len(ft))
        _, design, maker, _ = pdf.name.rsplit(".", 3)
        for key in ("all", f"maker {maker}", f"design {design}"):
            pooled[key].add(hits, len(tt), found)
        one = Count(hits, len(tt), found)
        print(f"{pdf.name}: truth {len(tt)}, found {found}, matched {hits}, F1 {one.f1()}")
        for i, t in enumerate(tt):
            if i not in match.truth_matched:
                print(f"  missed p{t.page} rows {t.rows}: {t.text}")
        for j, f in enumerate(ft):
            if j not in match.found_used:
                print(f"  false  p{f.page} rows {f.rows}: {f.text}")
            elif j in match.runs:
                print(f"  joined p{f.page} rows {f.rows}: matches {match.runs[j]} truth tables")
        sys.stdout.flush()
    print("\npooled over the tables (matched, truth, found, F1):")
    for key, count in sorted(pooled.items()):
        print(f"  {key:20} {count.matched:4} {count.truth:4} {count.found:4}  {count.f1()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
