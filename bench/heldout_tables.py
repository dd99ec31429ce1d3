"""The held-out set's tables, one by one: each truth table the layout reader missed and each
table it found that is false, with its page, its rows and its first words.

bench/heldout.py gives one table F1 a file; this says which tables make it, to look up on
the page images (``pdftoppm -r 60 -f P+1 -l P+1 -png FILE /tmp/x``: pages here count from
0). Tables are matched as bench/structure.py matches them (their words' Jaccard overlap at
least one half, one to one, in the truth's order). Reads the PDFs bench/heldout.py made
(bench/.cache/heldout); it makes none.

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
from structure import words  # noqa: E402

from workers.engine.document import Document, Table, block_text  # noqa: E402

#: Share of the words two tables hold in common (of all either holds) that matches them.
MATCH = 0.5


@dataclass
class Found:
    page: int | None
    rows: int
    words: set[str]
    text: str


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


def tables(doc: Document) -> list[Found]:
    out = []
    for block in doc.walk():
        if isinstance(block, Table):
            said = words(block_text(block))
            if said:
                page = block.prov[0].page if block.prov else None
                out.append(Found(page, len(block.rows), set(said), " ".join(said)[:80]))
    return out


def matched(truth: list[Found], found: list[Found]) -> tuple[list[Found], list[Found]]:
    """The truth tables missed and the found tables that are false."""
    used: set[int] = set()
    missed = []
    for t in truth:
        for j, f in enumerate(found):
            if j not in used and len(t.words & f.words) / len(t.words | f.words) >= MATCH:
                used.add(j)
                break
        else:
            missed.append(t)
    return missed, [f for j, f in enumerate(found) if j not in used]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="substring of the PDF names to read")
    args = parser.parse_args()
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
        tt, ft = tables(models[0]), tables(models[1])
        if not tt and not ft:
            continue
        missed, false = matched(tt, ft)
        hits = len(tt) - len(missed)
        _, design, maker, _ = pdf.name.rsplit(".", 3)
        for key in ("all", f"maker {maker}", f"design {design}"):
            pooled[key].add(hits, len(tt), len(ft))
        one = Count(hits, len(tt), len(ft))
        print(f"{pdf.name}: truth {len(tt)}, found {len(ft)}, matched {hits}, F1 {one.f1()}")
        for t in missed:
            print(f"  missed p{t.page} rows {t.rows}: {t.text}")
        for f in false:
            print(f"  false  p{f.page} rows {f.rows}: {f.text}")
        sys.stdout.flush()
    print("\npooled over the tables (matched, truth, found, F1):")
    for key, count in sorted(pooled.items()):
        print(f"  {key:20} {count.matched:4} {count.truth:4} {count.found:4}  {count.f1()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
