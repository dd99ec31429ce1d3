"""Spreadsheets printed by LibreOffice Calc without gridlines (its default, and how a
council's budget, register or grants list is often published): how the layout reader reads
their tables, scored against the cells the bench wrote.

Each sheet is made up here (seeded), written as CSV and printed by ``soffice --convert-to
pdf``. Calc sets figures flush right and text flush left in cells about 64 pt wide, so a
column of figures and the text column after it may stand a couple of points apart. The
cells' texts are chosen so that Calc prints them as written (no dates, which it would
reformat; no text wider than its column where the next cell is filled, which it would cut).

Per sheet, against the rows of the model's tables (all pages):

- ``rows``: the sheet's rows read as one row of a table with every cell's text equal;
- ``cells``: the sheet's cells read in the right row and column (each sheet row against the
  model's row that opens with its first cell);
- ``head``: whether the model marks the sheet's first row as column headers;
- ``tables``: how many tables the model made of the sheet (a sheet's table running over
  pages is read as one);
- ``checks`` and ``PDF/UA-1``: the run-time checks of the tagged output, and veraPDF's
  verdict on it (``../shared/tools/pdfua-check``; ``--no-verapdf`` leaves it out).

Needs ``soffice`` (Debian's libreoffice-calc-nogui); skips without it. The PDFs are made
into bench/.cache/spreadsheets/ (git ignores it).

Usage: PYTHONPATH=. .venv/bin/python bench/spreadsheets.py [--seed N] [--show] [--no-verapdf]
"""

from __future__ import annotations

import argparse
import csv
import random
import shutil
import statistics
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.office_prints import TaggedOutputs, printed_by_soffice  # noqa: E402
from workers.engine.document import Table  # noqa: E402
from workers.engine.layout.reader import read_layout  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache" / "spreadsheets"
SERVICES = (
    "Housing repairs", "Street lighting", "Parks", "Libraries", "Waste collection",
    "Planning", "Social care", "Leisure centres", "Highways", "Tax support", "Cemeteries",
    "Markets", "Licensing", "Museums", "Car parks", "Pest control",
)
OFFICERS = ("J. Smith", "A. Patel", "M. Jones", "K. Brown", "R. Evans", "S. Khan")
WARDS = ("Abbey", "Castle", "Riverside", "Northfield", "Mill Lane", "St Mary's")
DECISIONS = ("Approved", "Refused", "Deferred", "Withdrawn")

Sheet = list[list[str]]


def _figure(value: float) -> str:
    """``value`` to two places as Calc's general format prints it (no trailing zeros)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _budget(chooser: random.Random) -> Sheet:
    rows = [["Service", "Budget", "Spent", "Forecast", "Variance", "Officer"]]
    for name in chooser.sample(SERVICES, 12):
        budget = chooser.randint(100, 9000) * 1000
        forecast = int(budget * chooser.uniform(0.9, 1.1))
        rows.append([name, str(budget), str(int(budget * chooser.uniform(0.3, 0.9))),
                     str(forecast), str(forecast - budget), chooser.choice(OFFICERS)])
    return rows


def _register(chooser: random.Random) -> Sheet:
    """A planning register long enough to run over pages."""
    rows = [["Reference", "Ward", "Units", "Decision", "Days", "Officer"]]
    for number in range(1, 121):
        rows.append([f"PL/{number:04d}", chooser.choice(WARDS), str(chooser.randint(1, 40)),
                     chooser.choice(DECISIONS), str(chooser.randint(5, 90)),
                     chooser.choice(OFFICERS)])
    return rows


def _grants(chooser: random.Random) -> Sheet:
    rows = [["Ward", "Grants", "Amount", "Share", "Officer", "Notes"]]
    for ward in WARDS:
        rows.append([ward, str(chooser.randint(1, 30)), _figure(chooser.uniform(500, 90000)),
                     f"{chooser.randint(1, 60)}%", chooser.choice(OFFICERS),
                     chooser.choice(["Paid", "Part paid", "Pending", "On hold"])])
    return rows


def _alternating(chooser: random.Random) -> Sheet:
    """Figures and words in turn, every figure column flush right against a word's."""
    rows = [["Item", "Count", "Unit", "Cost", "Supplier", "Hours", "Team"]]
    for k in range(15):
        rows.append([f"Item {k + 1}", str(chooser.randint(1, 999)),
                     chooser.choice(["each", "box", "pack", "metre"]),
                     _figure(chooser.uniform(1, 5000)), chooser.choice(["Acme", "Brook", "Cole"]),
                     str(chooser.randint(1, 300)), chooser.choice(["North", "South", "East"])])
    return rows


def _sparse(chooser: random.Random) -> Sheet:
    """Some cells left blank, as a return filled in part."""
    rows = [["School", "Pupils", "Staff", "Meals", "Contact"]]
    for k in range(14):
        row = [f"School {k + 1}", str(chooser.randint(80, 1500)), str(chooser.randint(8, 90)),
               str(chooser.randint(20, 900)), chooser.choice(OFFICERS)]
        for column in (2, 3):
            if chooser.random() < 0.25:
                row[column] = ""
        rows.append(row)
    return rows


@dataclass
class Styling:
    """How a sheet written as flat OpenDocument (not CSV) is set: cells ruled all round,
    the header row in bold, columns whose figures are grouped by thousands to two places
    ("1,234.50"), columns whose text wraps within the cell (over several lines), a title
    over the table in one cell merged across it (not scored: it is no row of the table)."""

    ruled: bool = False
    grouped: frozenset[int] = frozenset()
    wrapped: frozenset[int] = frozenset()
    title: str = ""


NOTES = (
    "Work started on site in the spring and is expected to finish before the winter",
    "Waiting for the contractor's revised quote",
    "Grant funding confirmed by the government department in June",
    "Delayed by the late delivery of materials; the budget is unchanged",
    "Complete",
    "Tender under evaluation with a decision due at the next committee meeting",
)


def _grouped(value: float) -> str:
    """``value`` as Calc prints it grouped by thousands to two places."""
    return f"{value:,.2f}"


def _capital(chooser: random.Random) -> tuple[Sheet, Styling]:
    """A capital programme ruled all round, its notes wrapped in their cells."""
    rows = [["Scheme", "Budget", "Spent", "Notes", "Officer"]]
    for name in chooser.sample(SERVICES, 8):
        budget = chooser.uniform(10_000, 2_000_000)
        rows.append([name, _grouped(budget), _grouped(budget * chooser.uniform(0.1, 0.9)),
                     chooser.choice(NOTES), chooser.choice(OFFICERS)])
    return rows, Styling(ruled=True, grouped=frozenset({1, 2}), wrapped=frozenset({3}),
                         title="Capital programme 2025/26")


def _wrapped(chooser: random.Random) -> tuple[Sheet, Styling]:
    """The same kind of table without rules: its wrapped notes part no rows by a line."""
    rows = [["Scheme", "Budget", "Notes", "Officer"]]
    for name in chooser.sample(SERVICES, 8):
        rows.append([name, _grouped(chooser.uniform(10_000, 2_000_000)),
                     chooser.choice(NOTES), chooser.choice(OFFICERS)])
    return rows, Styling(grouped=frozenset({1}), wrapped=frozenset({2}))


def _fods(sheet: Sheet, styling: Styling) -> str:
    """The sheet as a flat OpenDocument spreadsheet Calc opens."""
    columns = len(sheet[0])
    border = ' fo:border="0.5pt solid #000000"' if styling.ruled else ""
    styles = [
        '<number:number-style style:name="N1"><number:number number:decimal-places="2" '
        'number:min-decimal-places="2" number:min-integer-digits="1" number:grouping="true"/>'
        "</number:number-style>",
        '<style:style style:name="wide" style:family="table-column">'
        '<style:table-column-properties style:column-width="4.5cm"/></style:style>',
        '<style:style style:name="plain" style:family="table-column">'
        '<style:table-column-properties style:column-width="2.6cm"/></style:style>',
        f'<style:style style:name="head" style:family="table-cell"><style:table-cell-properties'
        f'{border}/><style:text-properties fo:font-weight="bold"/></style:style>',
        f'<style:style style:name="text" style:family="table-cell"><style:table-cell-properties'
        f'{border} style:vertical-align="top"/></style:style>',
        f'<style:style style:name="wrap" style:family="table-cell"><style:table-cell-properties'
        f'{border} fo:wrap-option="wrap" style:vertical-align="top"/></style:style>',
        f'<style:style style:name="figure" style:family="table-cell" '
        f'style:data-style-name="N1"><style:table-cell-properties{border} '
        f'style:vertical-align="top"/></style:style>',
        '<style:style style:name="title" style:family="table-cell"><style:text-properties '
        'fo:font-size="14pt" fo:font-weight="bold"/></style:style>',
    ]
    body = [
        f'<table:table-column table:style-name="{"wide" if k in styling.wrapped else "plain"}"/>'
        for k in range(columns)
    ]
    if styling.title:
        body.append(
            f'<table:table-row><table:table-cell table:style-name="title" '
            f'table:number-columns-spanned="{columns}" office:value-type="string">'
            f"<text:p>{escape(styling.title)}</text:p></table:table-cell>"
            + '<table:covered-table-cell/>' * (columns - 1) + "</table:table-row>"
        )
        body.append("<table:table-row><table:table-cell/></table:table-row>")
    for k, row in enumerate(sheet):
        cells = []
        for column, text in enumerate(row):
            if k == 0:
                cells.append(f'<table:table-cell table:style-name="head" office:value-type='
                             f'"string"><text:p>{escape(text)}</text:p></table:table-cell>')
            elif column in styling.grouped:
                value = text.replace(",", "")
                cells.append(f'<table:table-cell table:style-name="figure" office:value-type='
                             f'"float" office:value="{value}"><text:p>{escape(text)}</text:p>'
                             "</table:table-cell>")
            else:
                style = "wrap" if column in styling.wrapped else "text"
                cells.append(f'<table:table-cell table:style-name="{style}" office:value-type='
                             f'"string"><text:p>{escape(text)}</text:p></table:table-cell>')
        body.append("<table:table-row>" + "".join(cells) + "</table:table-row>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<office:document {ODF_NAMESPACES} office:version=\"1.2\" "
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
        "<office:automatic-styles>" + "".join(styles) + "</office:automatic-styles>"
        '<office:body><office:spreadsheet><table:table table:name="Sheet1">'
        + "".join(body) + "</table:table></office:spreadsheet></office:body></office:document>"
    )


#: The OpenDocument namespaces a flat document here uses (``xmlns:…`` attributes).
ODF_NAMESPACES = " ".join(
    f'xmlns:{prefix}="urn:oasis:names:tc:opendocument:xmlns:{name}:1.0"'
    for prefix, name in (
        ("office", "office"), ("style", "style"), ("text", "text"), ("table", "table"),
        ("fo", "xsl-fo-compatible"), ("number", "datastyle"),
    )
)

STYLED_SHEETS = {"capital": _capital, "wrapped": _wrapped}


SHEETS = {
    "budget": _budget, "register": _register, "grants": _grants,
    "alternating": _alternating, "sparse": _sparse,
}


@dataclass
class Score:
    name: str
    pages: int = 0
    rows: float = 0.0
    cells: float = 0.0
    head: bool = False
    tables: int = 0
    error: str = ""
    misread: list[tuple[list[str], list[str] | None]] = field(default_factory=list)
    failed_checks: list[str] = field(default_factory=list)
    verdict: str = "-"


def _normal(text: str | None) -> str:
    return " ".join((text or "").split())


def score(sheet: Sheet, pdf: Path, name: str) -> Score:
    """How the model of ``pdf`` reads ``sheet``'s cells."""
    result = Score(name)
    try:
        document = read_layout(pdf, max_pages=200)
    except Exception as e:  # noqa: BLE001 - one sheet's failure is a row, not the end
        result.error = f"{type(e).__name__}: {e}"[:100]
        return result
    result.pages = len(document.pages)
    tables = [b for b in document.walk() if isinstance(b, Table)]
    result.tables = len(tables)
    model_rows = [[_normal(cell.text) for cell in row.cells] for t in tables for row in t.rows]
    by_first: dict[str, list[list[str]]] = {}
    for row in model_rows:
        if row:
            by_first.setdefault(row[0], []).append(row)
    whole = equal = total = 0
    for want in sheet:
        want = [_normal(text) for text in want]
        total += len(want)
        candidates = by_first.get(want[0], [])
        if any(row == want for row in model_rows):
            whole += 1
        else:
            result.misread.append((want, candidates[0] if candidates else None))
        if candidates:
            equal += max(sum(a == b for a, b in zip(row, want, strict=False))
                         for row in candidates)
    result.rows = whole / len(sheet)
    result.cells = equal / total if total else 0.0
    if tables and tables[0].rows:
        first = tables[0].rows[0]
        result.head = bool(first.cells) and all(cell.header for cell in first.cells) and (
            [_normal(cell.text) for cell in first.cells] == [_normal(t) for t in sheet[0]])
    return result


def make(name: str, sheet: Sheet, soffice: str, styling: Styling | None = None) -> Path | None:
    """The sheet printed by Calc into the cache (written as CSV, or as flat OpenDocument when
    ``styling`` says how to set it), or None when Calc failed."""
    if styling is None:
        def write_csv(source: Path) -> None:
            with source.open("w", newline="", encoding="utf-8") as handle:
                csv.writer(handle).writerows(sheet)

        return printed_by_soffice(soffice, name, ".csv", write_csv, CACHE)
    flat = _fods(sheet, styling)
    return printed_by_soffice(
        soffice, name, ".fods", lambda source: source.write_text(flat, encoding="utf-8"), CACHE)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="seed of the made-up sheets")
    parser.add_argument("--show", action="store_true", help="print the rows misread")
    parser.add_argument("--no-verapdf", action="store_true", help="skip the veraPDF judge")
    args = parser.parse_args()
    soffice = shutil.which("soffice")
    if soffice is None:
        print("skipped: soffice (LibreOffice Calc) is not installed")
        return 0
    chooser = random.Random(args.seed)
    scores = []
    with tempfile.TemporaryDirectory() as folder:
        tagged = TaggedOutputs(Path(folder))
        made: list[tuple[str, Sheet, Styling | None]] = [
            (name, maker(chooser), None) for name, maker in SHEETS.items()
        ]
        made += [(name, *styled(chooser)) for name, styled in STYLED_SHEETS.items()]
        for name, sheet, styling in made:
            pdf = make(name, sheet, soffice, styling)
            if pdf is None:
                scores.append(Score(name, error="Calc failed"))
                continue
            result = score(sheet, pdf, name)
            result.failed_checks, error = tagged.check(pdf)
            result.error = result.error or error
            scores.append(result)
        verdicts = tagged.verdicts(skip=args.no_verapdf)
    for result in scores:
        result.verdict = verdicts.get(result.name, result.verdict)
    print(f"{'sheet':14} {'pages':>5} {'rows':>6} {'cells':>6} {'head':>5} {'tables':>6} "
          f"{'checks':>7} {'PDF/UA-1':>9}")
    for s in scores:
        if s.error:
            print(f"{s.name:14} error: {s.error}")
            continue
        head = "yes" if s.head else "no"
        checks = "FAIL" if s.failed_checks else "pass"
        print(f"{s.name:14} {s.pages:5d} {s.rows:6.3f} {s.cells:6.3f} {head:>5} {s.tables:6d} "
              f"{checks:>7} {s.verdict:>9}")
        for line in s.failed_checks:
            print(f"    {line}")
        if args.show:
            for want, read in s.misread:
                print(f"    sheet {want}\n    model {read}")
    done = [s for s in scores if not s.error]
    if done:
        print(f"\nmeans over {len(done)} sheets: rows {statistics.fmean(s.rows for s in done):.3f},"
              f" cells {statistics.fmean(s.cells for s in done):.3f}, headers marked "
              f"{sum(s.head for s in done)}/{len(done)}, checks pass "
              f"{sum(not s.failed_checks for s in done)}/{len(done)}"
              + ("" if args.no_verapdf else
                 f", PDF/UA-1 compliant {sum(s.verdict == 'yes' for s in done)}/{len(done)}"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
