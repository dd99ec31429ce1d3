"""Untagged PDFs from makers the corpus and the held-out set do not have, made on this
machine: how the layout reader and the tagger do on them.

Makers (each left out when it is not installed): groff's own PDF writer (gropdf) and groff's
PostScript through Ghostscript's ``ps2pdf``, on manual pages and groff's documents under
/usr/share; LibreOffice Writer's untagged export of a Word document python-docx writes (a
council's decision notice: headings, lists, a ruled table, a footer) and of a report in its
default paragraph style (no indent, no space between paragraphs; footnotes, a section in two
columns); and, when they can be
imported, ReportLab (a budget report: headings, bullet and numbered lists, ruled tables,
page furniture) and fpdf2 (an HTML policy: headings, a list, tables ruled down only). No
truth comes with them, so per file:

- the run-time checks of the tagged output (pixels, tagging, text fidelity, fonts…) and, with
  veraPDF (``../shared/tools/pdfua-check``), its failed PDF/UA-1 rules;
- words the model and poppler's ``pdftotext`` part differently: ``split`` counts pairs of
  the model's words that poppler reads as one word ("Te xt" for "Text"), ``joined`` words of
  the model that poppler reads as two. Both readers can be right (poppler keeps a word broken
  at a line end in two, and runs a word into the next where the drawing sets them close):
  the examples say which.

The PDFs are made into bench/.cache/generators/ (git ignores it) each run.

Usage: PYTHONPATH=. .venv/bin/python bench/generators.py [--no-verapdf] [--keep DIR]
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import IO

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.spreadsheets import ODF_NAMESPACES  # noqa: E402
from bench.tagged_heldout import run_file  # noqa: E402
from bench.tagged_pdf import verapdf  # noqa: E402
from workers.engine.document import block_text  # noqa: E402
from workers.engine.layout.reader import read_layout  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache" / "generators"
MAN = Path("/usr/share/man/man1")
GROFF_DOCS = Path("/usr/share/doc/groff-base")
MAN_PAGES = ("tar", "grep", "bc", "bzip2", "gawk")
WORD = re.compile(r"\w[\w'’-]*\w|\w")
#: Words for the made-up documents' sentences.
VOCABULARY = (
    "council", "planning", "application", "decision", "notice", "applicant", "development",
    "site", "access", "residents", "consultation", "highway", "drainage", "condition",
    "approval", "reason", "policy", "budget", "service", "housing", "repair", "tenant",
    "inspection", "officer", "report", "committee",
)


def _run(command: list[str], data: bytes | None = None, sink: IO[bytes] | None = None) -> bool:
    """Run a maker (``data`` its input, ``sink`` where its output goes); whether it worked."""
    try:
        done = subprocess.run(command, input=data, stdout=sink or subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, timeout=300, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def _man_pages(out: Path) -> list[Path]:
    made = []
    pages = [(name, MAN / f"{name}.1.gz") for name in MAN_PAGES if (MAN / f"{name}.1.gz").exists()]
    for name, source in pages:
        text = gzip.decompress(source.read_bytes())
        if shutil.which("groff"):
            target = out / f"man-{name}.gropdf.pdf"
            with target.open("wb") as sink:
                if _run(["groff", "-man", "-Tpdf"], text, sink):
                    made.append(target)
        if shutil.which("groff") and shutil.which("ps2pdf") and name in ("grep", "bc"):
            target = out / f"man-{name}.gs.pdf"
            ps = subprocess.run(["groff", "-man", "-Tps"], input=text, capture_output=True,
                                timeout=300, check=False).stdout
            if ps and _run(["ps2pdf", "-", str(target)], ps):
                made.append(target)
    return made


def _groff_documents(out: Path) -> list[Path]:
    if not shutil.which("ps2pdf"):
        return []
    made = []
    for name in ("meintro", "meref", "pic"):
        source = GROFF_DOCS / f"{name}.ps.gz"
        target = out / f"{name}.gs.pdf"
        if source.exists() and _run(["ps2pdf", "-", str(target)],
                                     gzip.decompress(source.read_bytes())):
            made.append(target)
    return made


def _sentence(chooser: random.Random, words: int) -> str:
    text = " ".join(chooser.choice(VOCABULARY) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _libreoffice(out: Path) -> list[Path]:
    soffice = shutil.which("soffice")
    if soffice is None:
        return []
    from docx import Document  # (python-docx: the large-print Word renderer's library)

    chooser = random.Random(3)
    document = Document()
    document.add_heading("Planning Committee Decision Notice", 0)
    for section in range(1, 4):
        document.add_heading(f"{section}. {_sentence(chooser, 3)[:-1]}", 1)
        document.add_paragraph(" ".join(_sentence(chooser, 14) for _ in range(5)))
        for _ in range(3):
            document.add_paragraph(_sentence(chooser, 10), style="List Bullet")
        for _ in range(3):
            document.add_paragraph(_sentence(chooser, 9), style="List Number")
        table = document.add_table(rows=5, cols=3)
        table.style = "Table Grid"
        for k, head in enumerate(["Item", "Officer comment", "Outcome"]):
            table.cell(0, k).text = head
        for row in range(1, 5):
            table.cell(row, 0).text = f"{section}.{row}"
            table.cell(row, 1).text = _sentence(chooser, 8)
            table.cell(row, 2).text = chooser.choice(["Approved", "Refused", "Deferred"])
    document.sections[0].footer.paragraphs[0].text = "Planning Committee: decision notice"
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "lo-decision-notice.docx"
        document.save(str(source))
        if _run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out),
                 str(source)]):
            return [out / "lo-decision-notice.pdf"]
    return []


def _libreoffice_report(out: Path) -> list[Path]:
    """A report written as flat OpenDocument in Writer's default paragraph style (no indent,
    no space between paragraphs), with footnotes and a section set in two columns."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return []
    chooser = random.Random(4)
    body = ['<text:h text:outline-level="1">Parking review report</text:h>']
    for section in range(1, 4):
        body.append(f'<text:h text:outline-level="2">{section}. {_sentence(chooser, 3)[:-1]}'
                    "</text:h>")
        for k in range(3):
            note = (
                '<text:note text:note-class="footnote"><text:note-citation>'
                f"{section}</text:note-citation><text:note-body><text:p>"
                f"{_sentence(chooser, 12)}</text:p></text:note-body></text:note>"
            ) if k == 1 else ""
            body.append(f"<text:p>{_sentence(chooser, 25)} {_sentence(chooser, 18)}{note} "
                        f"{_sentence(chooser, 20)}</text:p>")
        if section == 1:
            body.append('<text:h text:outline-level="2">Summary</text:h><text:section '
                        'text:style-name="Columns" text:name="Summary">'
                        + "".join(f"<text:p>{_sentence(chooser, 30)} {_sentence(chooser, 25)}"
                                  "</text:p>" for _ in range(4))
                        + "</text:section>")
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document {ODF_NAMESPACES} '
        'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text">'
        '<office:automatic-styles><style:style style:name="Columns" style:family="section">'
        '<style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.5cm"/>'
        "</style:section-properties></style:style></office:automatic-styles>"
        "<office:body><office:text>" + "".join(body) + "</office:text></office:body>"
        "</office:document>"
    )
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "lo-report.fodt"
        source.write_text(document, encoding="utf-8")
        if _run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out),
                 str(source)]):
            return [out / "lo-report.pdf"]
    return []


def _reportlab(out: Path) -> list[Path]:
    try:
        from reportlab.lib import colors
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.styles import getSampleStyleSheet
        from reportlab.platypus import (
            ListFlowable,
            ListItem,
            Paragraph,
            SimpleDocTemplate,
            Spacer,
            Table,
            TableStyle,
        )
    except ImportError:
        return []
    chooser = random.Random(7)
    styles = getSampleStyleSheet()

    def furniture(canvas: object, document: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont("Helvetica", 9)  # type: ignore[attr-defined]
        canvas.drawString(480, 20, f"Page {document.page}")  # type: ignore[attr-defined]
        canvas.drawString(72, 20, "Annual Budget Report")  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    made = []
    for bullets in ("bullet", "1"):
        target = out / f"reportlab-budget-{'bullets' if bullets == 'bullet' else 'numbers'}.pdf"
        story: list[object] = [Paragraph("Annual Budget Report", styles["Title"])]
        for section in range(1, 5):
            story.append(Paragraph(f"{section}. {_sentence(chooser, 3)[:-1]}",
                                   styles["Heading1"]))
            story.append(Paragraph(" ".join(_sentence(chooser, 12) for _ in range(5)),
                                   styles["BodyText"]))
            story.append(ListFlowable([ListItem(Paragraph(_sentence(chooser, 10),
                                                          styles["BodyText"]))
                                       for _ in range(4)], bulletType=bullets))
            rows = [["Service", "2025", "2026", "Change"]] + [
                [chooser.choice(VOCABULARY).title(), f"{chooser.randint(100, 9999):,}",
                 f"{chooser.randint(100, 9999):,}", f"{chooser.randint(-20, 20)}%"]
                for _ in range(6)]
            table = Table(rows, hAlign="LEFT")
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                                       ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold")]))
            story += [Spacer(1, 8), table, Spacer(1, 8)]
        SimpleDocTemplate(str(target), pagesize=A4).build(
            story, onFirstPage=furniture, onLaterPages=furniture)
        made.append(target)
    return made


def _fpdf2(out: Path) -> list[Path]:
    try:
        from fpdf import FPDF
    except ImportError:
        return []
    chooser = random.Random(11)
    html = "<h1>Housing Repairs Policy</h1>"
    for section in range(1, 4):
        html += f"<h2>{section}. {_sentence(chooser, 3)[:-1]}</h2>"
        html += f"<p>{' '.join(_sentence(chooser, 12) for _ in range(5))}</p>"
        html += "<ul>" + "".join(f"<li>{_sentence(chooser, 9)}</li>" for _ in range(4)) + "</ul>"
        html += ("<table border='1'><thead><tr><th>Priority</th><th>Response</th>"
                 "<th>Example</th></tr></thead><tbody>")
        html += "".join(
            f"<tr><td>{chooser.choice(['Emergency', 'Urgent', 'Routine'])}</td>"
            f"<td>{chooser.randint(1, 28)} days</td><td>{chooser.choice(VOCABULARY)}</td></tr>"
            for _ in range(4))
        html += "</tbody></table>"
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.write_html(html)
    target = out / "fpdf2-housing-policy.pdf"
    pdf.output(str(target))
    return [target]


MAKERS: tuple[Callable[[Path], list[Path]], ...] = (
    _man_pages, _groff_documents, _libreoffice, _libreoffice_report, _reportlab, _fpdf2,
)


def word_disagreements(path: Path) -> tuple[Counter[str], Counter[str]]:
    """Pairs of the model's words poppler reads as one word ("Te|xt"), and the model's
    words poppler reads as two ("sub+section")."""
    document = read_layout(path, max_pages=1500)
    ours = [w for block in document.walk() for w in WORD.findall(block_text(block))]
    poppler = subprocess.run(["pdftotext", "-q", str(path), "-"], capture_output=True,
                             timeout=300, check=False).stdout.decode("utf-8", "replace")
    theirs = WORD.findall(poppler)
    return _read_whole_by_the_other(ours, theirs, "|"), _read_whole_by_the_other(theirs, ours, "+")


def _read_whole_by_the_other(words: list[str], other: list[str], mark: str) -> Counter[str]:
    """Pairs of ``words`` next to each other that ``other`` holds as one word more often,
    one of the two less often (written with ``mark`` between)."""
    counted, other_counted = Counter(words), Counter(other)
    found: Counter[str] = Counter()
    for a, b in zip(words, words[1:], strict=False):
        whole = a + b
        if (other_counted[whole] > counted[whole] and len(whole) > 3
                and (other_counted[a] < counted[a] or other_counted[b] < counted[b])):
            found[f"{a}{mark}{b}"] += 1
    return found


def _examples(found: Counter[str]) -> str:
    return ", ".join(f"{k}×{n}" if n > 1 else k for k, n in found.most_common(4))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-verapdf", action="store_true", help="skip the veraPDF judge")
    parser.add_argument("--keep", type=Path, help="write the tagged outputs to this folder")
    args = parser.parse_args()
    if shutil.which("pdftotext") is None:
        print("skipped: pdftotext (poppler-utils) is not installed")
        return 0
    shutil.rmtree(CACHE, ignore_errors=True)
    CACHE.mkdir(parents=True)
    files = [path for make in MAKERS for path in make(CACHE)]
    if not files:
        print("no maker is installed: nothing to measure")
        return 0
    rows: dict[str, tuple[list[str], str, Counter[str], Counter[str]]] = {}
    outputs: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        out = args.keep or Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        for path in files:
            failed, error, output = run_file(path, out)
            split, joined = word_disagreements(path)
            rows[path.name] = (failed, error, split, joined)
            if output is not None:
                outputs.append(output)
        verdicts = {} if args.no_verapdf else verapdf(outputs)
    print(f"{'file':36} {'checks':>7} {'PDF/UA-1':>10} {'split':>6} {'joined':>6}  examples")
    compliant = passed = 0
    for name, (failed, error, split, joined) in rows.items():
        verdict = verdicts.get(name)
        rules = sorted(verdict.get("failed_rules", {})) if verdict else []  # type: ignore[call-overload]
        ua = "-" if verdict is None else ("yes" if verdict.get("compliant") else " ".join(rules))
        compliant += bool(verdict and verdict.get("compliant"))
        passed += not failed and not error
        checks = "error" if error else ("pass" if not failed else "FAIL")
        print(f"{name[:36]:36} {checks:>7} {ua:>10} {sum(split.values()):6} "
              f"{sum(joined.values()):6}  {_examples(split)} | {_examples(joined)}")
        for line in [error, *failed]:
            if line:
                print(f"    {line}")
    failed_rules = Counter(rule for verdict in verdicts.values()
                           for rule in verdict.get("failed_rules", {}))  # type: ignore[attr-defined]
    print(f"\nfiles: {len(rows)}; run-time checks pass: {passed}/{len(rows)}"
          + ("" if args.no_verapdf else f"; PDF/UA-1 compliant: {compliant}/{len(rows)}")
          + "".join(f"; {rule} in {n}" for rule, n in sorted(failed_rules.items()))
          + f"; words split {sum(sum(r[2].values()) for r in rows.values())}, joined "
          f"{sum(sum(r[3].values()) for r in rows.values())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
