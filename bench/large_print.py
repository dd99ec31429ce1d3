"""Large print against its targets (issue "Large print output following UKAAF guidance").

For every PDF in ../shared/corpus/tagged/ and ../shared/corpus/untagged/: analyse it into a
Document, render large print at --size, read the PDF back with pdfium and score it:

* glyphs: share of visible characters at the size or larger (within 0.5 pt) — target 100%;
* italic: italic/oblique fonts or slanted glyphs — target none;
* justified: lines whose word gaps are stretched beyond the space width — target none;
* recall: the Document's body words found in the output in order — target >= 0.999;
* PDF/UA: ../shared/tools/pdfua-check on all outputs in one batch — target all compliant;
* time per output page: ours (Document -> HTML -> PDF/UA-1, figures drawn from the source)
  against WeasyPrint laying out the same HTML as a plain PDF (no PDF/UA variant, no
  Document processing), in this run.

Inputs the engine refuses (encrypted, too many pages) are listed with their error code.

With --docx, the DOCX is made too and judged by checks.check_large_print_docx (opens, title,
smallest text, no italic, no justified paragraph), with pandoc's time.

Usage: .venv/bin/python bench/large_print.py [--size 18] [--only NAME] [--keep DIR] [--no-pdfua]
                                             [--docx]
Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import weasyprint  # noqa: E402

from workers.engine.analyse import analyse  # noqa: E402
from workers.engine.checks import check_large_print_docx  # noqa: E402
from workers.engine.checks_large_print import (  # noqa: E402
    document_words,
    read_back,
    word_recall,
)
from workers.engine.errors import ConversionError  # noqa: E402
from workers.engine.render_large_print import (  # noqa: E402
    _ImageFetcher,
    build_large_print_html,
    html_to_pdf,
)
from workers.engine.render_large_print_docx import render_large_print_docx  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FOLDERS = ("tagged", "untagged")
MAX_PAGES = 1500


@dataclass
class Row:
    name: str
    source_pages: int = 0
    pages: int = 0
    glyphs: int = 0
    too_small: int = 0
    italic: str = ""
    justified: int = 0
    judged: int = 0
    recall: float = 1.0
    missing: tuple[str, ...] = ()
    ours_s: float = 0.0
    plain_s: float = 0.0
    compliant: bool | None = None
    failed_rules: str = ""
    error: str = ""
    output: Path | None = None
    docx_s: float = 0.0
    docx_failed: str | None = None

    @property
    def glyph_share(self) -> float:
        return 1.0 - self.too_small / self.glyphs if self.glyphs else 1.0


def measure(path: Path, size: int, out_dir: Path, *, docx: bool = False) -> Row:
    row = Row(name=f"{path.parent.name}/{path.name}")
    try:
        document = analyse(path, max_pages=MAX_PAGES)
    except ConversionError as e:
        row.error = e.code
        return row
    row.source_pages = len(document.pages)
    start = time.perf_counter()
    page = build_large_print_html(document, point_size=size, source=path)
    content = html_to_pdf(page.html, images=page.images)
    row.ours_s = time.perf_counter() - start
    start = time.perf_counter()
    weasyprint.HTML(string=page.html, url_fetcher=_ImageFetcher(page.images)).write_pdf()
    row.plain_s = time.perf_counter() - start
    facts = read_back(content)
    row.pages = facts.pages
    row.glyphs = facts.glyphs
    row.too_small = facts.too_small(size)
    italic = list(facts.italic_fonts)
    if facts.slanted_glyphs:
        italic.append(f"{facts.slanted_glyphs} slanted")
    row.italic = ", ".join(italic)
    row.justified, row.judged = facts.justified_lines, facts.judged_lines
    recall = word_recall(document_words(document), facts.words, facts.line_ends)
    row.recall, row.missing = recall.value, recall.missing
    row.output = out_dir / (row.name.replace("/", "--"))
    row.output.write_bytes(content)
    if docx:
        start = time.perf_counter()
        word = render_large_print_docx(document, point_size=size, source=path)
        row.docx_s = time.perf_counter() - start
        report = check_large_print_docx(word, point_size=size)
        checks = report["checks"]
        assert isinstance(checks, list)
        failed = [str(c["id"]) for c in checks if not c["passed"]]
        row.docx_failed = ", ".join(failed)
        row.output.with_suffix(".docx").write_bytes(word)
    return row


def pdfua(rows: list[Row]) -> None:
    tool = SHARED / "tools" / "pdfua-check"
    outputs = {str(r.output): r for r in rows if r.output}
    if not outputs:
        return
    done = subprocess.run(
        [str(tool), "-"],
        input="\n".join(outputs),
        capture_output=True,
        text=True,
        timeout=3600,
    )
    if done.returncode == 3:
        print(f"pdfua-check cannot run: {done.stderr.strip()[-300:]}", file=sys.stderr)
        return
    for line in done.stdout.splitlines():
        if not line.startswith("{"):
            continue
        result = json.loads(line)
        row = outputs.get(result["file"])
        if row is None:
            continue
        row.compliant = bool(result.get("compliant"))
        row.failed_rules = " ".join(f"{k}x{v}" for k, v in result.get("failed_rules", {}).items())


def print_table(rows: list[Row], size: int) -> None:
    header = (
        f"{'file':52} {'src':>4} {'out':>5} {'glyphs>=':>9} {'italic':>6} {'just':>5} "
        f"{'recall':>7} {'pdfua':>5} {'ms/pg':>6} {'plain':>6} {'x':>5}"
    )
    print(f"large print at {size} pt")
    print(header)
    print("-" * len(header))
    for r in rows:
        if r.error:
            print(f"{r.name[:52]:52} refused: {r.error}")
            continue
        ours = 1000 * r.ours_s / max(r.pages, 1)
        plain = 1000 * r.plain_s / max(r.pages, 1)
        ua = "-" if r.compliant is None else ("yes" if r.compliant else "NO")
        print(
            f"{r.name[:52]:52} {r.source_pages:>4} {r.pages:>5} {100 * r.glyph_share:>8.2f}% "
            f"{'yes' if r.italic else 'no':>6} {r.justified:>5} {r.recall:>7.4f} {ua:>5} "
            f"{ours:>6.0f} {plain:>6.0f} {r.ours_s / max(r.plain_s, 1e-9):>5.2f}"
        )
    done = [r for r in rows if not r.error]
    if not done:
        return
    glyphs = sum(r.glyphs for r in done)
    small = sum(r.too_small for r in done)
    checked = [r for r in done if r.compliant is not None]
    ours = sum(r.ours_s for r in done)
    plain = sum(r.plain_s for r in done)
    pages = sum(r.pages for r in done)
    print("-" * len(header))
    print(f"files rendered: {len(done)}; refused: {len(rows) - len(done)}")
    print(f"source pages: {sum(r.source_pages for r in done)}; output pages: {pages}")
    share = 100 * (1 - small / max(glyphs, 1))
    print(f"glyphs at >= {size - 0.5} pt: {glyphs - small}/{glyphs} ({share:.3f}%)")
    print(f"files with italic/oblique text: {sum(1 for r in done if r.italic)}")
    print(
        f"justified lines: {sum(r.justified for r in done)} of {sum(r.judged for r in done)} judged"
    )
    recalls = sorted(r.recall for r in done)
    print(
        f"word recall in order: min {recalls[0]:.4f}, mean {sum(recalls) / len(recalls):.4f}; "
        f"files >= 0.999: {sum(1 for v in recalls if v >= 0.999)}/{len(recalls)}"
    )
    if checked:
        print(f"pdfua-check compliant: {sum(1 for r in checked if r.compliant)}/{len(checked)}")
    print(
        f"render time: ours {ours:.1f} s ({1000 * ours / max(pages, 1):.0f} ms/page), plain "
        f"WeasyPrint on the same HTML {plain:.1f} s ({1000 * plain / max(pages, 1):.0f} ms/page), "
        f"ratio {ours / max(plain, 1e-9):.2f}"
    )
    with_docx = [r for r in done if r.docx_failed is not None]
    if with_docx:
        bad = [r for r in with_docx if r.docx_failed]
        print(
            f"DOCX: {len(with_docx) - len(bad)}/{len(with_docx)} pass check_large_print_docx; "
            f"pandoc and AST {sum(r.docx_s for r in with_docx):.1f} s in all"
            + "".join(f"\n  {r.name}: {r.docx_failed}" for r in bad)
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB")
    worst = [r for r in done if r.recall < 0.999 or r.too_small or r.italic or r.justified]
    worst += [r for r in checked if not r.compliant and r not in worst]
    if worst:
        print("\nfiles missing a target:")
        for r in sorted(worst, key=lambda r: r.recall):
            reasons = []
            if r.recall < 0.999:
                reasons.append(f"recall {r.recall:.4f} (missing e.g. {' '.join(r.missing[:8])})")
            if r.too_small:
                reasons.append(f"{r.too_small} small glyphs")
            if r.italic:
                reasons.append(f"italic: {r.italic}")
            if r.justified:
                reasons.append(f"{r.justified} justified lines")
            if r.compliant is False:
                reasons.append(f"pdfua: {r.failed_rules}")
            print(f"  {r.name}: {'; '.join(reasons)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=18, choices=(16, 18, 20, 24, 28))
    parser.add_argument("--only", help="only files whose name contains this")
    parser.add_argument("--keep", type=Path, help="keep the outputs in this folder")
    parser.add_argument("--no-pdfua", action="store_true", help="skip pdfua-check")
    parser.add_argument("--docx", action="store_true", help="make and check the DOCX too")
    args = parser.parse_args()
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        print(f"skipped: {corpus} not present")
        return 0
    files = sorted(p for folder in FOLDERS for p in (corpus / folder).glob("*.pdf"))
    if args.only:
        files = [p for p in files if args.only in p.name]
    # Warm up (fontconfig, WeasyPrint's stylesheets) so the first file's time is not skewed.
    html_to_pdf('<html lang="en"><title>w</title><p>warm up</p></html>')
    weasyprint.HTML(string="<p>warm up</p>").write_pdf()
    with tempfile.TemporaryDirectory(prefix="bench-large-print-") as tmp:
        out_dir = args.keep or Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        rows = []
        for path in files:
            print(f"... {path.parent.name}/{path.name}", file=sys.stderr, flush=True)
            rows.append(measure(path, args.size, out_dir, docx=args.docx))
        if not args.no_pdfua:
            pdfua(rows)
        print_table(rows, args.size)
    return 0


if __name__ == "__main__":
    sys.exit(main())
