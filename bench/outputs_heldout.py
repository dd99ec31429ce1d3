"""HTML and large-print outputs over the held-out documents (bench/.cache/heldout/*.pdf:
Chromium, LibreOffice, WeasyPrint exports nobody tuned the engine on).

Reuses the corpus benches' pieces (``bench/html_formats.py``, ``bench/large_print.py``).
Each file's tags are stripped first (:func:`strip_structure`, as ``bench/structure.py``
does), so the layout reader's model is rendered; ``--unstripped`` renders the files as they
are (the structure reader's path). Per file: what failed; then each bench's summary.

axe-check runs on at most ``--axe-per-maker`` files per maker (Chromium is slow); pdfua-check
on all large-print outputs unless ``--no-pdfua``.

Usage: .venv/bin/python bench/outputs_heldout.py [--only NAME] [--unstripped] [--no-axe]
       [--axe-per-maker 10] [--no-pdfua] [--pandoc] [--no-large-print] [--size 18] [--keep DIR]
Skips (exit 0) when the held-out cache is absent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import TypeVar

# As in bench/html_formats.py: the script's folder must not shadow the standard ``html``.
sys.path[0] = str(Path(__file__).resolve().parents[1])

from bench import html_formats, large_print  # noqa: E402
from bench.heldout_inputs import add_input_options, cached_pdfs, read_as  # noqa: E402

R = TypeVar("R", html_formats.Row, large_print.Row)


def maker(name: str) -> str:
    """The maker is the last part of the held-out name before ``.pdf``."""
    return name.removesuffix(".pdf").rsplit(".", 1)[-1]


def axe_subset(rows: list[html_formats.Row], per_maker: int) -> list[html_formats.Row]:
    """The first ``per_maker`` rendered files of each maker (names sorted: spread over docs)."""
    taken: Counter[str] = Counter()
    chosen = []
    for row in rows:
        who = maker(row.name)
        if row.output is not None and taken[who] < per_maker:
            taken[who] += 1
            chosen.append(row)
    return chosen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_input_options(parser, "render the files as they are (the structure reader's path)")
    parser.add_argument("--no-axe", action="store_true", help="skip axe-check")
    parser.add_argument("--axe-per-maker", type=int, default=10,
                        help="files per maker judged by axe-check (0: all)")
    parser.add_argument("--no-pdfua", action="store_true", help="skip pdfua-check")
    parser.add_argument("--pandoc", action="store_true", help="make and check DOCX/EPUB/text")
    parser.add_argument("--no-html", action="store_true", help="skip the HTML bench")
    parser.add_argument("--no-large-print", action="store_true", help="skip large print")
    parser.add_argument("--size", type=int, default=18, choices=(16, 18, 20, 24, 28))
    parser.add_argument("--keep", type=Path, help="keep the outputs in this folder")
    args = parser.parse_args()
    files = cached_pdfs(args.only)
    if not files:
        print("bench/.cache/heldout not present (or nothing matches): nothing to measure")
        return 0
    html_rows: list[html_formats.Row] = []
    print_rows: list[large_print.Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-outputs-heldout-") as tmp_name:
        tmp = Path(tmp_name)
        out_dir = args.keep or tmp / "out"
        out_dir.mkdir(parents=True, exist_ok=True)
        for path in files:
            source = read_as(path, tmp / "in", unstripped=args.unstripped)
            print(f"... {path.name}", file=sys.stderr, flush=True)
            if not args.no_html:
                html_row = html_formats.measure(source, out_dir, pandoc=args.pandoc)
                html_rows.append(rename(html_row, path.name))
            if not args.no_large_print:
                print_row = large_print.measure(source, args.size, out_dir)
                print_rows.append(rename(print_row, path.name))
        if html_rows and not args.no_axe:
            per = args.axe_per_maker
            html_formats.axe(axe_subset(html_rows, per) if per > 0 else html_rows)
        if print_rows and not args.no_pdfua:
            large_print.pdfua(print_rows)
        if html_rows:
            print("== HTML ==")
            html_formats.print_table(html_rows)
            print_axe_rules(html_rows)
        if print_rows:
            print("\n== large print ==")
            large_print.print_table(print_rows, args.size)
    return 0


def rename(row: R, name: str) -> R:
    """Name the row after the held-out file, not the temporary stripped copy's folder."""
    row.name = name
    return row


def print_axe_rules(rows: list[html_formats.Row]) -> None:
    judged = [r for r in rows if r.violations is not None]
    if not judged:
        return
    nodes: Counter[str] = Counter()
    files: Counter[str] = Counter()
    for row in judged:
        for rule, count in (row.violations or {}).items():
            nodes[rule] += count
            files[rule] += 1
    by_maker = Counter(maker(r.name) for r in judged)
    print(f"axe judged: {dict(by_maker)}")
    for rule, count in nodes.most_common():
        print(f"  {rule:32} {files[rule]:3d} files {count:5d} nodes")


if __name__ == "__main__":
    sys.exit(main())
