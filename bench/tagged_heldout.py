"""Tagged PDF output over the held-out documents (bench/.cache/heldout/*.pdf: Chromium,
LibreOffice, WeasyPrint exports nobody tuned the engine on).

Each file's tags are stripped first (:func:`strip_structure`, as ``bench/structure.py``
does), so that the layout reader's model is what gets tagged; with ``--unstripped`` the
files are tagged as they are (the structure reader's path). Per file: the run-time checks
that failed (:func:`check_tagged_pdf`: pixels, text fidelity, ...) and, with veraPDF
(``../shared/tools/pdfua-check``), the failed PDF/UA-1 rules; then a summary table.

Usage: .venv/bin/python bench/tagged_heldout.py [--only NAME] [--unstripped] [--no-verapdf]
       [--keep DIR]
Skips (exit 0) when the held-out cache is absent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.heldout_inputs import add_input_options, cached_pdfs, read_as  # noqa: E402
from bench.tagged_pdf import acceptable, verapdf  # noqa: E402
from workers.engine.analyse import analyse  # noqa: E402
from workers.engine.tagged_pdf.checks import check_tagged_pdf  # noqa: E402
from workers.engine.tagged_pdf.tagger import tag_pdf  # noqa: E402

MAX_PAGES = 1500


def run_file(source: Path, out_dir: Path) -> tuple[list[str], str, Path | None]:
    """The failed run-time checks (with their details), an error, and the output written."""
    try:
        document = analyse(source, max_pages=MAX_PAGES)
        tagged = tag_pdf(source, document)
    except Exception as e:  # noqa: BLE001 - one file's failure is a row, not the end
        return [], f"{type(e).__name__}: {e}"[:160], None
    output = out_dir / source.name
    output.write_bytes(tagged.content)
    report = check_tagged_pdf(tagged.content, source=source,
                              expected_texts=tagged.expected_texts)
    failed = [f"{c['id']} ({c['detail']})" for c in report["checks"]  # type: ignore[union-attr]
              if not c["passed"]]
    return failed, "", output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_input_options(parser,
                      "tag the files as they are (their tags read by the structure reader)")
    parser.add_argument("--no-verapdf", action="store_true", help="skip the veraPDF judge")
    parser.add_argument("--keep", type=Path, help="write the outputs to this folder")
    args = parser.parse_args()
    files = cached_pdfs(args.only)
    if not files:
        print("bench/.cache/heldout not present (or nothing matches): nothing to measure")
        return 0
    failures: dict[str, list[str]] = {}
    errors: dict[str, str] = {}
    outputs: dict[str, Path] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        out_dir = args.keep or tmp / "out"
        out_dir.mkdir(parents=True, exist_ok=True)
        for path in files:
            source = read_as(path, tmp, unstripped=args.unstripped)
            failed, error, output = run_file(source, out_dir)
            failures[path.name] = failed
            if error:
                errors[path.name] = error
            if output is not None:
                outputs[path.name] = output
            print(f"  {path.name}: {error or '; '.join(failed) or 'checks pass'}",
                  file=sys.stderr, flush=True)
        verdicts = {} if args.no_verapdf else verapdf(list(outputs.values()))
    report(files, failures, errors, verdicts)
    return 0


def report(files: list[Path], failures: dict[str, list[str]], errors: dict[str, str],
           verdicts: dict[str, dict[str, object]]) -> None:
    print(f"{'file':58} {'checks':>6} {'UA-1':>4}  failed")
    by_check: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    compliant = judged = 0
    for path in files:
        name = path.name
        if name in errors:
            print(f"{name[:58]:58} ERROR {errors[name]}")
            continue
        failed = failures[name]
        by_check.update(f.split(" ", 1)[0] for f in failed)
        verdict = verdicts.get(name)
        rules: dict[str, int] = {}
        ua = "-"
        if verdict is not None:
            judged += 1
            raw = verdict.get("failed_rules") or {}
            rules = dict(raw) if isinstance(raw, dict) else {}
            compliant += bool(verdict.get("compliant"))
            ua = "yes" if verdict.get("compliant") else "no"
            by_rule.update(rules.keys())
        said = "; ".join(failed + [f"{k}x{v}" for k, v in sorted(rules.items())])
        print(f"{name[:58]:58} {'ok' if not failed else 'FAIL':>6} {ua:>4}  {said}")
    done = len(files) - len(errors)
    print()
    print(f"files: {len(files)}, tagged: {done}, errors: {len(errors)}")
    print(f"run-time checks: {done - sum(1 for n in failures if failures[n])}/{done} pass all")
    for check, n in by_check.most_common():
        print(f"  {check:20} {n:4d} files")
    if judged:
        print(f"PDF/UA-1 (veraPDF): {compliant}/{judged} compliant")
        print("failed rule        files  (allowed when flagged?)")
        for rule, n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {rule:16} {n:5d}  {'yes' if acceptable(rule) else 'NO'}")


if __name__ == "__main__":
    sys.exit(main())
