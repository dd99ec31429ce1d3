"""What the benches that make their documents with LibreOffice share (bench/spreadsheets.py,
bench/presentations.py): printing a source file to PDF with ``soffice``, tagging each PDF
with its run-time checks, and veraPDF's verdicts on the tagged outputs, said per document;
and, with bench/latex_reports.py, a document's result row and the table of them, the nested
list a document's points make as truth, and the list items a model reads with their depth."""

from __future__ import annotations

import statistics
import subprocess
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bench.structure import norm
from bench.tagged_heldout import run_file
from bench.tagged_pdf import verapdf
from workers.engine.document import Block, Document, ListBlock, ListItem, Paragraph


def printed_by_soffice(
    soffice: str, name: str, suffix: str, write: Callable[[Path], None], cache: Path,
) -> Path | None:
    """The document ``write`` writes (to the path it is given, ``name`` + ``suffix``, in a
    folder of its own) printed to PDF by LibreOffice into ``cache``, or None when it failed."""
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"{name}{suffix}"
        write(source)
        try:
            subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir",
                            str(cache), str(source)], capture_output=True, timeout=300,
                           check=False)
        except (OSError, subprocess.TimeoutExpired):
            return None
    made = cache / f"{name}.pdf"
    return made if made.exists() else None


class TaggedOutputs:
    """The tagged outputs of a bench's PDFs, written into ``folder`` (one the bench keeps
    until veraPDF has judged them)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.paths: list[Path] = []

    def check(self, pdf: Path) -> tuple[list[str], str]:
        """``pdf`` analysed and tagged: the run-time checks it failed (with their details)
        and an error, if any; the output is kept for :meth:`verdicts`."""
        failed, error, output = run_file(pdf, self.folder)
        if output is not None:
            self.paths.append(output)
        return failed, error

    def verdicts(self, *, skip: bool) -> dict[str, str]:
        """:func:`pdfua_verdicts` of the outputs kept."""
        return pdfua_verdicts(self.paths, skip=skip)


def pdfua_verdicts(outputs: list[Path], *, skip: bool) -> dict[str, str]:
    """veraPDF's verdict on each output, by its name without ".pdf": "yes" when compliant,
    else the rules it failed; none when ``skip``."""
    verdicts = {} if skip else verapdf(outputs)
    said = {}
    for output in outputs:
        verdict = verdicts.get(output.name)
        if verdict is not None:
            rules = " ".join(sorted(verdict.get("failed_rules", {})))  # type: ignore[call-overload]
            said[output.stem] = "yes" if verdict.get("compliant") else rules
    return said


@dataclass
class Result:
    """One made document's scores, its failed run-time checks, veraPDF's verdict and what
    it misread (printed with ``--show``)."""

    name: str
    pages: int = 0
    measures: dict[str, float | None] = field(default_factory=dict)
    error: str = ""
    failed_checks: list[str] = field(default_factory=list)
    verdict: str = "-"
    shown: list[str] = field(default_factory=list)


def judged_documents(
    documents: Iterable[tuple[str, Path | None, Callable[[Path], Result]]], failure: str,
    *, skip_verapdf: bool,
) -> list[Result]:
    """Each made document (its name, its PDF or None when its maker failed, and how to judge
    it) judged and tagged with its run-time checks, then given veraPDF's verdict (none when
    ``skip_verapdf``); ``failure`` is the row's error for a document that was not made."""
    results: list[Result] = []
    with tempfile.TemporaryDirectory() as folder:
        tagged = TaggedOutputs(Path(folder))
        for name, pdf, judge in documents:
            if pdf is None:
                results.append(Result(name, error=failure))
                continue
            result = judge(pdf)
            result.failed_checks, error = tagged.check(pdf)
            result.error = result.error or error
            results.append(result)
        verdicts = tagged.verdicts(skip=skip_verapdf)
    for result in results:
        result.verdict = verdicts.get(result.name, result.verdict)
    return results


def print_results(results: list[Result], measures: tuple[str, ...], *, kind: str, plural: str,
                  show: bool, verapdf: bool) -> None:
    """A row per document (``kind`` heads their names' column), then the means over the
    ``plural`` read without an error."""
    print(f"{kind:12} {'pages':>5} " + " ".join(f"{m:>6}" for m in measures)
          + f" {'checks':>7} {'PDF/UA-1':>9}")
    for r in results:
        if r.error:
            print(f"{r.name:12} error: {r.error}")
            continue
        cells = " ".join("     -" if r.measures.get(m) is None else f"{r.measures[m]:6.3f}"
                         for m in measures)
        checks = "FAIL" if r.failed_checks else "pass"
        print(f"{r.name:12} {r.pages:5d} {cells} {checks:>7} {r.verdict:>9}")
        for line in r.failed_checks:
            print(f"    {line}")
        if show:
            for line in r.shown:
                print(f"    {line}")
    done = [r for r in results if not r.error]
    if done:
        means = []
        for m in measures:
            values = [v for r in done if (v := r.measures.get(m)) is not None]
            means.append(f"{m} {statistics.fmean(values):.3f}" if values else f"{m} -")
        print(f"\nmeans over {len(done)} {plural}: " + ", ".join(means)
              + f"; checks pass {sum(not r.failed_checks for r in done)}/{len(done)}"
              + ("" if not verapdf else
                 f", PDF/UA-1 compliant {sum(r.verdict == 'yes' for r in done)}/{len(done)}"))


def nested_list(
    points: Iterable[tuple[int, str]], label: Callable[[int, int], str],
    ordered: Callable[[int], bool],
) -> ListBlock:
    """The truth of a document's points, each (its level, its text): one list, a deeper
    point opening a list inside the item above it. ``label`` gives the label printed for a
    point (its level, its count in its list), ``ordered`` whether a list at a level is."""
    top = ListBlock(ordered=ordered(0))
    open_lists = [top]  # (the open list at each level)
    for level, text in points:
        del open_lists[level + 1:]
        while len(open_lists) <= level:
            nested = ListBlock(ordered=ordered(len(open_lists)))
            open_lists[-1].items[-1].blocks.append(nested)
            open_lists.append(nested)
        count = len(open_lists[-1].items) + 1
        open_lists[-1].items.append(ListItem(label(level, count), [Paragraph(text)]))
    return top


def item_depths(doc: Document) -> list[tuple[str, int, int]]:
    """Each list item's words, how deep it is nested (0 for an item of a top-level list) and
    how many paragraphs its text is read as (a point is one)."""
    out: list[tuple[str, int, int]] = []

    def visit(blocks: list[Block], depth: int) -> None:
        for block in blocks:
            if isinstance(block, ListBlock):
                for item in block.items:
                    paragraphs = sum(1 for b in item.blocks if not isinstance(b, ListBlock))
                    out.append((norm(item.text), depth, paragraphs))
                    visit(item.blocks, depth + 1)

    visit(doc.blocks, 0)
    return out
