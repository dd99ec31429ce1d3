"""HTML (and DOCX, EPUB, text) against its targets (issue "HTML output ... via pandoc").

For every PDF in ../shared/corpus/tagged/ and ../shared/corpus/untagged/: analyse it into a
Document, render the HTML page and score it:

* axe: violations reported by ../shared/tools/axe-check (axe-core in Chromium, WCAG 2.0-2.2
  A/AA and best practice), all pages in one batch — target 0 per file;
* structure: the page read back with the standard library's parser against the Document
  (checks.model_outline): heading levels and texts, list items, tables — target equal — and
  the Document's words in the page's main text in order (word recall) — target 1.0;
* review: the output's review reasons (missing-alt-text when a figure has neither alt text
  nor caption in the source).

Time: the report nearest 77 pages in the corpus (tagged/understanding-breast-cancer-booklet.pdf,
76 pages; the corpus has no 77-page file) is rendered --repeat times; the best time of
Document -> HTML (figures drawn from the source) and of analysis + HTML is compared with the
best time of poppler's ``pdftotext`` on the same file, in this run — target HTML <= 3x.

With --pandoc, DOCX, EPUB and plain text are made too and judged by checks_formats
(DOCX: opens, title, Word heading styles in order; EPUB: opens, EPUB 3, language, title, nav
with a toc, words; text: UTF-8, not empty, words).

Usage: .venv/bin/python bench/html_formats.py [--only NAME] [--keep DIR] [--no-axe] [--pandoc]
                                      [--repeat 3]
Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

# The script's own folder comes first on sys.path, where this file would shadow the standard
# library's ``html`` package: the repository takes its place.
sys.path[0] = str(Path(__file__).resolve().parents[1])

from workers.engine.analyse import analyse  # noqa: E402
from workers.engine.checks import model_outline, read_html, words_check  # noqa: E402
from workers.engine.checks_formats import check_docx, check_epub, check_text  # noqa: E402
from workers.engine.document import Document  # noqa: E402
from workers.engine.errors import ConversionError  # noqa: E402
from workers.engine.render_html import build_html  # noqa: E402
from workers.engine.render_pandoc import render_pandoc  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOLDERS = ("tagged", "untagged")
MAX_PAGES = 1500
TIMED_PAGES = 77


@dataclass
class Row:
    name: str
    pages: int = 0
    error: str = ""
    render_s: float = 0.0
    headings_ok: bool = False
    heading_detail: str = ""
    items: tuple[int, int] = (0, 0)
    tables: tuple[int, int] = (0, 0)
    words: str = ""
    words_ok: bool = False
    review: list[str] = field(default_factory=list)
    violations: dict[str, int] | None = None
    axe_error: str = ""
    output: Path | None = None
    pandoc_failed: dict[str, str] = field(default_factory=dict)
    pandoc_s: float = 0.0

    @property
    def structure_ok(self) -> bool:
        return (
            self.headings_ok
            and self.items[0] == self.items[1]
            and self.tables[0] == self.tables[1]
            and self.words_ok
        )


def measure(path: Path, out_dir: Path, *, pandoc: bool) -> Row:
    row = Row(name=f"{path.parent.name}/{path.name}")
    try:
        document = analyse(path, max_pages=MAX_PAGES)
    except ConversionError as e:
        row.error = e.code
        return row
    row.pages = len(document.pages)
    start = time.perf_counter()
    page = build_html(document, source=path)
    row.render_s = time.perf_counter() - start
    if page.figures_without_alt:
        row.review.append(f"missing-alt-text ({page.figures_without_alt})")
    score_structure(row, page.content, document)
    row.output = out_dir / (row.name.replace("/", "--") + ".html")
    row.output.write_bytes(page.content)
    if pandoc:
        judge_pandoc(row, document, path, out_dir)
    return row


def score_structure(row: Row, content: bytes, document: Document) -> None:
    facts = read_html(content)
    expected = model_outline(document)
    got = tuple(facts.main_headings)
    row.headings_ok = got == expected.headings
    if not row.headings_ok:
        first = next(
            (i for i, (a, b) in enumerate(zip(got, expected.headings, strict=False)) if a != b),
            min(len(got), len(expected.headings)),
        )
        row.heading_detail = (
            f"{len(got)} vs {len(expected.headings)} headings; first difference at {first}: "
            f"{got[first:first + 1]} vs {expected.headings[first:first + 1]}"
        )
    row.items = (facts.list_items, expected.list_items)
    row.tables = (facts.tables, expected.tables)
    check = words_check(facts.main_text(), document)
    row.words_ok = bool(check["passed"])
    row.words = str(check["detail"])


def judge_pandoc(row: Row, document: Document, path: Path, out_dir: Path) -> None:
    judges = {"docx": check_docx, "epub": check_epub, "text": check_text}
    start = time.perf_counter()
    for fmt, judge in judges.items():
        output = render_pandoc(document, fmt, source=path)  # type: ignore[arg-type]
        report = judge(output.content, document)
        checks = report["checks"]
        assert isinstance(checks, list)
        failed = [f"{c['id']}: {c['detail']}" for c in checks if not c["passed"]]
        if failed:
            row.pandoc_failed[fmt] = "; ".join(failed)
        suffix = {"text": ".txt"}.get(fmt, f".{fmt}")
        (out_dir / (row.name.replace("/", "--") + suffix)).write_bytes(output.content)
    row.pandoc_s = time.perf_counter() - start


def axe(rows: list[Row]) -> None:
    tool = SHARED / "tools" / "axe-check"
    outputs = {str(r.output): r for r in rows if r.output}
    if not outputs:
        return
    done = subprocess.run(
        [str(tool), *outputs], capture_output=True, text=True, timeout=3600
    )
    if done.returncode == 3:
        print(f"axe-check cannot run: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return
    report = json.loads(done.stdout)
    for page in report["pages"]:
        url = str(page.get("url") or page.get("page") or "")
        row = next((r for path, r in outputs.items() if url.endswith(Path(path).name)), None)
        if row is None:
            continue
        if page.get("error"):
            row.axe_error = str(page["error"])[:200]
            continue
        # axe-check gives each violation's node count (an int), not the nodes.
        row.violations = {
            v["id"]: v["nodes"] if isinstance(v["nodes"], int) else len(v["nodes"])
            for v in page.get("violations", [])
        }


def time_against_pdftotext(path: Path, repeat: int) -> None:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        print("pdftotext not installed: no timing")
        return
    document = analyse(path, max_pages=MAX_PAGES)
    text_s, html_s, both_s = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([pdftotext, "-q", str(path), "-"], capture_output=True, check=True)
        text_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        build_html(document, source=path)
        html_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        build_html(analyse(path, max_pages=MAX_PAGES), source=path)
        both_s.append(time.perf_counter() - start)
    text, html, both = min(text_s), min(html_s), min(both_s)
    print(
        f"\ntime on {path.parent.name}/{path.name} ({len(document.pages)} pages), best of "
        f"{repeat}: pdftotext {text:.3f} s; Document -> HTML {html:.3f} s "
        f"(ratio {html / text:.2f}, target <= 3); analysis + HTML {both:.3f} s "
        f"(ratio {both / text:.2f})"
    )


def print_table(rows: list[Row]) -> None:
    header = (
        f"{'file':52} {'pages':>5} {'axe':>4} {'heads':>5} {'items':>9} {'tables':>7} "
        f"{'words':>5} {'ms':>6}  review"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        if r.error:
            print(f"{r.name[:52]:52} refused: {r.error}")
            continue
        axe_count = "-" if r.violations is None else str(sum(r.violations.values()))
        print(
            f"{r.name[:52]:52} {r.pages:>5} {axe_count:>4} {'ok' if r.headings_ok else 'NO':>5} "
            f"{r.items[0]:>4}/{r.items[1]:<4} {r.tables[0]:>3}/{r.tables[1]:<3} "
            f"{'ok' if r.words_ok else 'NO':>5} {1000 * r.render_s:>6.0f}  {', '.join(r.review)}"
        )
    done = [r for r in rows if not r.error]
    if not done:
        return
    print("-" * len(header))
    print(f"files rendered: {len(done)}; refused: {len(rows) - len(done)}")
    judged = [r for r in done if r.violations is not None]
    if judged:
        clean = sum(1 for r in judged if not r.violations)
        total = sum(sum((r.violations or {}).values()) for r in judged)
        print(f"axe: {clean}/{len(judged)} files with 0 violations; {total} violation nodes")
    unjudged = [r for r in done if r.violations is None]
    if unjudged:
        print(f"axe: {len(unjudged)} file(s) not judged")
    print(
        f"structure equal to the Document: {sum(1 for r in done if r.structure_ok)}/{len(done)}"
        f" (headings {sum(1 for r in done if r.headings_ok)}, list items "
        f"{sum(1 for r in done if r.items[0] == r.items[1])}, tables "
        f"{sum(1 for r in done if r.tables[0] == r.tables[1])}, words "
        f"{sum(1 for r in done if r.words_ok)})"
    )
    print(f"outputs flagged for review: {sum(1 for r in done if r.review)}/{len(done)}")
    print(f"render time: {sum(r.render_s for r in done):.1f} s for {sum(r.pages for r in done)} "
          "source pages")
    with_pandoc = [r for r in done if r.pandoc_s]
    if with_pandoc:
        for fmt in ("docx", "epub", "text"):
            passed = sum(1 for r in with_pandoc if fmt not in r.pandoc_failed)
            print(f"{fmt}: {passed}/{len(with_pandoc)} pass their checks")
        print(f"pandoc formats: {sum(r.pandoc_s for r in with_pandoc):.1f} s in all")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")
    worst = [
        r for r in done
        if not r.structure_ok or r.violations or r.axe_error or r.pandoc_failed
    ]
    if worst:
        print("\nfiles missing a target:")
        for r in worst:
            reasons = []
            if r.violations:
                reasons.append("axe: " + ", ".join(f"{k}x{v}" for k, v in r.violations.items()))
            if r.axe_error:
                reasons.append(f"axe error: {r.axe_error}")
            if not r.headings_ok:
                reasons.append(f"headings: {r.heading_detail}")
            if r.items[0] != r.items[1]:
                reasons.append(f"list items {r.items[0]} vs {r.items[1]}")
            if r.tables[0] != r.tables[1]:
                reasons.append(f"tables {r.tables[0]} vs {r.tables[1]}")
            if not r.words_ok:
                reasons.append(f"words: {r.words}")
            reasons.extend(f"{fmt}: {why}" for fmt, why in r.pandoc_failed.items())
            print(f"  {r.name}: {'; '.join(reasons)}")


def timed_file(corpus: Path) -> Path | None:
    """The tagged or untagged corpus file whose page count (MANIFEST.tsv) is nearest 77."""
    manifest = corpus / "MANIFEST.tsv"
    best: tuple[int, Path] | None = None
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        fields = line.split("\t")
        if len(fields) < 7 or not fields[0].startswith(FOLDERS) or not fields[6].isdigit():
            continue
        distance = abs(int(fields[6]) - TIMED_PAGES)
        if best is None or distance < best[0]:
            best = (distance, corpus / fields[0])
    return best[1] if best else None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", help="only files whose name contains this")
    parser.add_argument("--keep", type=Path, help="keep the outputs in this folder")
    parser.add_argument("--no-axe", action="store_true", help="skip axe-check")
    parser.add_argument("--pandoc", action="store_true", help="make and check DOCX/EPUB/text")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs (best is kept)")
    args = parser.parse_args()
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        print(f"skipped: {corpus} not present")
        return 0
    files = sorted(p for folder in FOLDERS for p in (corpus / folder).glob("*.pdf"))
    if args.only:
        files = [p for p in files if args.only in p.name]
    with tempfile.TemporaryDirectory(prefix="bench-html-") as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        rows = []
        for path in files:
            print(f"... {path.parent.name}/{path.name}", file=sys.stderr, flush=True)
            rows.append(measure(path, out_dir, pandoc=args.pandoc))
        if not args.no_axe:
            axe(rows)
        print_table(rows)
    timed = timed_file(corpus)
    if timed is not None and timed.is_file() and args.repeat > 0:
        time_against_pdftotext(timed, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
