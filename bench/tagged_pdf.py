"""Tagged PDF output over the corpus: PDF/UA-1 compliance, pixel identity, fidelity and time.

For every PDF in ../shared/corpus/untagged/ and every PDF in ../shared/corpus/tagged/ with its
structure stripped (tree, marked content, /StructParents — what an untagged export of the same
document would be):

1. analyse (the layout reader) and tag (:mod:`workers.engine.tagged_pdf`), timed together,
   against poppler's ``pdftotext`` on the same file in this run;
2. the run-time checks (:func:`check_tagged_pdf`), timed apart: pixel identity of every page
   (pdfium, 72 dpi), content tagged, text fidelity (each element's text read back from the
   output equals the model's);
3. read-back: the structure reader on the *output* against the model that was tagged —
   body word order (normalised Levenshtein similarity), heading F1 — "no loss in tagging"
   (a row marked "read back from layout": the reader found too little of the text tagged and
   read the layout, which is the model again, so its figures say nothing about the tags);
   and how much richer structure was written: list items with a ``Lbl``, ``Caption`` elements;
4. veraPDF (``../shared/tools/pdfua-check``, all outputs in one JVM): compliance, and the table
   of failed rules (files per rule); rules only a person or the publisher can fix (7.3-1 figure
   alt text, 7.21.x source fonts) are counted apart, with whether the output was flagged.

With ``--originals``, the tagged files as published and the PDF/UA Reference Suite are added
(rows ``original/…``): sound author tags are kept there, others re-tagged.

Usage: .venv/bin/python bench/tagged_pdf.py [--only NAME] [--no-verapdf] [--originals]
Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from workers.engine.analyse import analyse  # noqa: E402
from workers.engine.captions import caption_paragraphs  # noqa: E402
from workers.engine.document import (  # noqa: E402
    Block,
    Document,
    Figure,
    Heading,
    Paragraph,
    Table,
    block_text,
)
from workers.engine.structure.reader import read_structure  # noqa: E402
from workers.engine.structure.strip import strip_structure  # noqa: E402
from workers.engine.tagged_pdf.checks import check_tagged_pdf  # noqa: E402
from workers.engine.tagged_pdf.tagger import tag_pdf  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PDFUA_CHECK = SHARED / "tools" / "pdfua-check"
MAX_PAGES = 1500


def acceptable(rule: str) -> bool:
    """Failures the target allows when flagged: figure alt text, source font problems."""
    return rule == "7.3-1" or rule.startswith("7.21.")


@dataclass
class Row:
    name: str
    pages: int = 0
    #: analyse + tag; the analysis alone
    tag_s: float = 0.0
    analyse_s: float = 0.0
    pdftotext_s: float = 0.0
    checks_s: float = 0.0
    pixels_ok: bool = False
    pages_differing: str = ""
    fidelity: str = ""
    fidelity_ok: bool = False
    flagged: bool = False
    rb_order: float | None = None
    rb_head: float | None = None
    compliant: bool | None = None
    failed_rules: dict[str, int] = field(default_factory=dict)
    error: str = ""
    #: Written list items, of them with a Lbl; Caption elements; captions the model has.
    list_items: int = 0
    labels: int = 0
    captions: int = 0
    model_captions: int = 0
    #: The author's tags were kept (only with --originals: stripped files have none).
    kept: bool = False
    #: The structure reader did not trust the output's tags and read its layout instead: the
    #: read-back then compares the model with itself, not with what the tags say.
    readback_from_layout: bool = False


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())


def body_words(doc: Document) -> list[str]:
    return [w for text in said_texts(doc.blocks) for w in words(text)]


def said_texts(blocks: list[Block]) -> list[str]:
    """Each block's text as the tags say it. A figure's or table's caption is said once: the
    layout reader keeps it both as the block's caption and as the paragraph that draws it
    (every output says it once: workers/engine/captions.py). Where that paragraph is next
    to the block it is the block's caption (its ``Caption`` element); where it is not, it
    stays a paragraph where it is drawn, and the block has no ``Caption``: its words are
    counted at the paragraph, not a second time at the block — nor at the other pictures
    of a row that the layout reader gave the row's one caption."""
    pairs = caption_paragraphs(blocks)
    taken = {at for at, _ in pairs.values()}
    # (Compared letter by letter: the caption may keep a line-end hyphen its paragraph
    # joins, "ex- amples".)
    said = {_letters(b.text) for k, b in enumerate(blocks)
            if isinstance(b, Paragraph) and k not in taken}
    said |= {_letters(b.caption or "") for k, b in enumerate(blocks) if k in pairs}
    out = []
    for k, block in enumerate(blocks):
        if k in taken:
            continue
        if isinstance(block, Figure | Table) and block.caption and k not in pairs and (
            _letters(block.caption) in said
        ):
            block = replace(block, caption=None)
        out.append(block_text(block))
    return out


def _letters(text: str) -> str:
    return "".join(words(text))


def heading_f1(a: Document, b: Document) -> float | None:
    ha = Counter(" ".join(words(h.text)) for h in a.walk() if isinstance(h, Heading))
    hb = Counter(" ".join(words(h.text)) for h in b.walk() if isinstance(h, Heading))
    total = sum(ha.values()) + sum(hb.values())
    return 2 * sum((ha & hb).values()) / total if total else None


def pdftotext_seconds(path: Path) -> float:
    started = time.perf_counter()
    subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True, check=False,
                   timeout=300)
    return time.perf_counter() - started


def run_file(source: Path, label: str, out_dir: Path) -> tuple[Row, Path | None]:
    row = Row(label)
    try:
        started = time.perf_counter()
        document = analyse(source, max_pages=MAX_PAGES)
        row.analyse_s = time.perf_counter() - started
        tagged = tag_pdf(source, document)
        row.tag_s = time.perf_counter() - started
    except Exception as e:  # noqa: BLE001 - one file's failure is a row, not the end
        row.error = f"{type(e).__name__}: {e}"[:120]
        return row, None
    row.pages = len(document.pages)
    row.list_items, row.labels, row.captions = tagged.list_items, tagged.labels, tagged.captions
    row.model_captions = sum(1 for b in document.walk()
                             if isinstance(b, Figure | Table) and b.caption)
    row.pdftotext_s = pdftotext_seconds(source)
    output = out_dir / f"{label.replace('/', '-')}"
    output.write_bytes(tagged.content)
    started = time.perf_counter()
    report = check_tagged_pdf(tagged.content, source=source,
                              expected_texts=tagged.expected_texts)
    row.checks_s = time.perf_counter() - started
    checks = {str(c["id"]): c for c in report["checks"]}  # type: ignore[union-attr]
    row.pixels_ok = bool(checks["pixels"]["passed"])
    if not row.pixels_ok:
        row.pages_differing = str(checks["pixels"]["detail"])
    row.fidelity_ok = bool(checks["text-fidelity"]["passed"])
    row.fidelity = str(checks["text-fidelity"]["detail"])
    row.flagged = bool(tagged.review) or not report["passed"]
    row.kept = tagged.kept_author_tags
    readback = read_structure(output, max_pages=MAX_PAGES)
    row.readback_from_layout = readback.reader != "structure"
    model_words, read_words = body_words(document), body_words(readback)
    if model_words or read_words:
        row.rb_order = Levenshtein.normalized_similarity(model_words, read_words)
    row.rb_head = heading_f1(document, readback)
    return row, output


def verapdf(outputs: list[Path]) -> dict[str, dict[str, object]]:
    done = subprocess.run(
        [str(PDFUA_CHECK), "-"], input="\n".join(map(str, outputs)), capture_output=True,
        text=True, timeout=7200, check=False,
    )
    verdicts = {}
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            verdict = json.loads(line)
            verdicts[Path(verdict["file"]).name] = verdict
    return verdicts


def fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="only files whose name contains this")
    parser.add_argument("--no-verapdf", action="store_true", help="skip the veraPDF judge")
    parser.add_argument(
        "--originals", action="store_true",
        help="also the tagged files as published and the PDF/UA Reference Suite (the path that "
        "keeps sound author tags)",
    )
    args = parser.parse_args()
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        print("../shared/corpus not present: nothing to measure")
        return 0
    files = [(p, f"untagged/{p.name}") for p in sorted((corpus / "untagged").glob("*.pdf"))]
    files += [(p, f"tagged/{p.name}") for p in sorted((corpus / "tagged").glob("*.pdf"))]
    if args.originals:
        files += [(p, f"original/{p.name}") for p in sorted((corpus / "tagged").glob("*.pdf"))]
        suite = corpus / "pdfua" / "PDFUA-Reference-Suite-1.1"
        files += [(p, f"original/{p.name}") for p in sorted(suite.glob("*.pdf"))]
    if args.only:
        files = [(p, label) for p, label in files if args.only in label]
    rows: list[Row] = []
    outputs: dict[str, Path] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        for path, label in files:
            source = path
            if label.startswith("tagged/"):
                source = tmp / f"stripped-{path.name}"
                strip_structure(path, source)
            row, output = run_file(source, label, tmp)
            rows.append(row)
            if output is not None:
                outputs[output.name] = output
            print(f"  {label}: {row.tag_s:.2f}s {row.error}", file=sys.stderr, flush=True)
        verdicts = {} if args.no_verapdf else verapdf(list(outputs.values()))
    for row in rows:
        verdict = verdicts.get(row.name.replace("/", "-"))
        if verdict is not None:
            row.compliant = bool(verdict.get("compliant"))
            failed = verdict.get("failed_rules") or {}
            row.failed_rules = dict(failed) if isinstance(failed, dict) else {}
    report(rows, judged=bool(verdicts))
    return 0


def report(rows: list[Row], *, judged: bool) -> None:
    print(f"{'file':52} {'pages':>5} {'tag s':>6} {'ratio':>5} {'pixels':>6} {'fidel':>5} "
          f"{'rb_ord':>6} {'rb_hd':>5} {'UA-1':>5}  failed rules")
    for r in rows:
        if r.error:
            print(f"{r.name[:52]:52} ERROR {r.error}")
            continue
        ratio = r.tag_s / r.pdftotext_s if r.pdftotext_s else 0.0
        ua = "-" if r.compliant is None else ("yes" if r.compliant else "no")
        rules = " ".join(f"{k}x{v}" for k, v in sorted(r.failed_rules.items()))
        print(f"{r.name[:52]:52} {r.pages:5d} {r.tag_s:6.2f} {ratio:5.1f} "
              f"{'same' if r.pixels_ok else 'DIFF':>6} {'ok' if r.fidelity_ok else 'loss':>5} "
              f"{fmt(r.rb_order):>6} {fmt(r.rb_head):>5} {ua:>5}  {rules}"
              + ("  [flagged]" if r.flagged else "") + ("  [author tags kept]" if r.kept else "")
              + ("  [read back from layout]" if r.readback_from_layout else ""))
    done = [r for r in rows if not r.error]
    print()
    print(f"files: {len(rows)}, tagged: {len(done)}, errors: {len(rows) - len(done)}")
    pages = sum(r.pages for r in done)
    same = sum(r.pages for r in done if r.pixels_ok)
    print(f"pixel identity: {sum(r.pixels_ok for r in done)}/{len(done)} files, "
          f"{same}/{pages} pages in files rendering identically")
    for r in done:
        if not r.pixels_ok:
            print(f"  {r.name}: {r.pages_differing}")
    tag = sum(r.tag_s for r in done)
    analysis = sum(r.analyse_s for r in done)
    text = sum(r.pdftotext_s for r in done)
    ratios = [r.tag_s / r.pdftotext_s for r in done if r.pdftotext_s]
    print(f"time: analyse+tag {tag:.1f}s (analyse {analysis:.1f}s, tag {tag - analysis:.1f}s = "
          f"{(tag - analysis) / max(analysis, 1e-9):.2f}x the analysis) vs pdftotext {text:.1f}s"
          f" = {tag / text:.2f}x overall, median {statistics.median(ratios):.2f}x per file; "
          f"run-time checks {sum(r.checks_s for r in done):.1f}s")
    print(f"text fidelity: {sum(r.fidelity_ok for r in done)}/{len(done)} files with every "
          "element's text read back exactly")
    orders = [r.rb_order for r in done if r.rb_order is not None]
    heads = [r.rb_head for r in done if r.rb_head is not None]
    if orders:
        print(f"read-back vs model: word order mean {statistics.mean(orders):.3f}, "
              f"min {min(orders):.3f}; heading F1 mean "
              f"{statistics.mean(heads) if heads else float('nan'):.3f}")
    print(f"structure: {sum(r.labels for r in done)} of {sum(r.list_items for r in done)} "
          f"list items tagged with a Lbl; {sum(r.captions for r in done)} Caption elements "
          f"(the models have {sum(r.model_captions for r in done)} figure and table captions)")
    if not judged:
        return
    judged_rows = [r for r in done if r.compliant is not None]
    compliant = sum(bool(r.compliant) for r in judged_rows)
    only_acceptable = [
        r for r in judged_rows
        if not r.compliant and r.failed_rules and all(acceptable(k) for k in r.failed_rules)
    ]
    other = [r for r in judged_rows if any(not acceptable(k) for k in r.failed_rules)]
    print(f"PDF/UA-1 (veraPDF): {compliant}/{len(judged_rows)} compliant "
          f"({compliant / max(len(judged_rows), 1):.0%}); "
          f"{len(only_acceptable)} fail only 7.3-1/7.21.x "
          f"({sum(r.flagged for r in only_acceptable)} of them flagged for review); "
          f"{len(other)} fail other rules")
    per_rule: Counter[str] = Counter()
    for r in judged_rows:
        per_rule.update(r.failed_rules.keys())
    print("failed rule        files  (allowed when flagged?)")
    for rule, n in sorted(per_rule.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"  {rule:16} {n:5d}  {'yes' if acceptable(rule) else 'NO'}")


if __name__ == "__main__":
    sys.exit(main())
