"""Reports typeset with LaTeX (``pdflatex``), as a statistics office, a research council or a
university publishes them: how the layout reader reads them, scored against the reports the
bench wrote.

Each report is made up here (seeded) as LaTeX source and typeset by ``pdflatex`` with the
standard classes and packages (untagged, as nearly every LaTeX PDF is, and with no ToUnicode
maps: the text is known by the Type 1 fonts' glyph names). The reports:

- ``article``: numbered sections and subsections, justified paragraphs (hyphenated at line
  ends, with the "fi", "ff" and "ffi" ligatures), nested bulleted and numbered lists, a table
  ruled with booktabs and its caption, a captioned chart, footnotes, page numbers;
- ``twocolumn``: the same kinds of content set in two columns;
- ``furnished``: running heads (fancyhdr: the section's title and the page number) and a
  running foot, tables ruled all round with sums in pounds (\\pounds), lettered lists;
- ``plain``: unnumbered headings (``\\section*``), a description list, long numbered lists.

Per report, the truth is the report as written: its title and headings (with their numbers,
as printed), paragraphs, list items (with their nesting), tables and figures, in the order
written. The scores are bench/structure.py's (reading order, word recall, heading F1 and level
accuracy, list-item F1, table F1), plus:

- ``depth``: of the list items matched, the share nested as deep as written;
- ``notes``: footnotes read as notes (with their marks), of those written; footnotes are left
  out of the reading order on both sides (where a note is read is the reader's choice);
- ``figs``: charts read as a figure with their caption;
- ``furn``: running heads, feet and page numbers kept out of the body, of those drawn;
- ``checks`` and ``PDF/UA-1``: the run-time checks of the tagged output, and veraPDF's
  verdict on it (``../shared/tools/pdfua-check``; ``--no-verapdf`` leaves it out).

Sections are read H1 and subsections H2, as LaTeX's own tagging has them, the title H1 before
them; a report with unnumbered sections has them read H2 under its title (``level`` counts
that against the reader). A description list is read as paragraphs, each opening with its
term (``depth`` and ``--show`` count its items as missed; ``items`` leaves them out, as
bench/structure.py does).

Needs ``pdflatex`` with the standard packages and Type 1 faces (Debian's texlive-latex-base,
texlive-latex-recommended and cm-super: without cm-super, pdflatex draws the list bullets
from bitmap Type 3 glyphs that name no character, which no reader can read as bullets);
skips without it. The PDFs are made into bench/.cache/latex/ (git
ignores it).

Usage: PYTHONPATH=. .venv/bin/python bench/latex_reports.py [--seed N] [--show] [--no-verapdf]
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz.distance import Levenshtein  # noqa: E402

from bench.office_prints import (  # noqa: E402
    Result,
    item_depths,
    judged_documents,
    nested_list,
    print_results,
)
from bench.presentations import bar_chart  # noqa: E402
from bench.structure import body_words, match_texts, norm, score, words  # noqa: E402
from workers.engine.document import (  # noqa: E402
    Block,
    Cell,
    Document,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Row,
    Table,
    block_text,
)
from workers.engine.layout.reader import read_layout  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache" / "latex"

SUBJECTS = (
    "household income", "the labour market", "regional productivity", "public sector finances",
    "housing affordability", "official statistics", "the first survey wave", "office rents",
    "effective tax rates", "the sample design", "inflation", "the difference in outcomes",
    "population estimates", "the fieldwork", "the response rate", "financial resilience",
)
VERBS = (
    "increased", "fell", "was revised", "remained broadly flat", "was affected",
    "differed significantly", "was estimated", "was weighted", "was benchmarked",
)
CLAUSES = (
    "compared with the previous quarter", "after seasonal adjustment",
    "in every region except the North East", "because of the change in methodology",
    "although the confidence intervals overlap", "once the definitions were harmonised",
    "according to the administrative data", "as the classification was modified",
    "for households with dependent children", "when the figures are deflated",
)
TOPICS = (
    "Background", "Methodology", "Main findings", "Data sources", "Quality and reliability",
    "Revisions", "Regional differences", "Comparisons over time", "Limitations",
    "Further information", "Definitions", "Users and uses",
)
REGIONS = ("North East", "North West", "Yorkshire", "East Midlands", "West Midlands",
           "London", "South East", "South West", "Wales", "Scotland")


@dataclass(frozen=True)
class Item:
    text: str
    level: int = 0


@dataclass
class ItemList:
    items: list[Item]
    numbered: bool = False


@dataclass
class Terms:
    """A description list: each term in bold, its definition run on after it."""

    pairs: list[tuple[str, str]]


@dataclass
class TableSpec:
    rows: list[list[str]]
    caption: str
    ruled_all_round: bool = False


@dataclass
class Chart:
    caption: str


@dataclass
class Text:
    text: str
    #: A footnote marked at the paragraph's end.
    footnote: str = ""


Part = Text | ItemList | Terms | TableSpec | Chart


@dataclass
class Section:
    title: str
    #: 1 a section, 2 a subsection.
    level: int
    parts: list[Part] = field(default_factory=list)


@dataclass
class Report:
    title: str
    author: str
    sections: list[Section]
    two_columns: bool = False
    numbered: bool = True
    #: Running heads and a running foot (fancyhdr) instead of the page number alone.
    running: str = ""
    #: Enumerations lettered "(a)" at the top level, as many reports number their points.
    lettered: bool = False


def _sentence(chooser: random.Random) -> str:
    subject = chooser.choice(SUBJECTS)
    return (f"{subject[0].upper()}{subject[1:]} {chooser.choice(VERBS)} "
            f"{chooser.choice(CLAUSES)}")


def _paragraph(chooser: random.Random, sentences: tuple[int, int] = (3, 6)) -> str:
    return " ".join(f"{_sentence(chooser)}." for _ in range(chooser.randint(*sentences)))


def _items(chooser: random.Random, count: int, deepest: int, numbered: bool) -> ItemList:
    out: list[Item] = []
    level = 0
    for _ in range(count):
        level = chooser.randint(0, min(level + 1, deepest)) if out else 0
        text = _sentence(chooser)
        if chooser.random() < 0.3:
            text += f", and {_sentence(chooser).lower()}"
        out.append(Item(text, level))
    return ItemList(out, numbered)


def _table(chooser: random.Random, pounds: bool) -> TableSpec:
    head = ["Region", "2025", "2026", "Change (%)"]
    rows = [head]
    for region in chooser.sample(REGIONS, chooser.randint(4, 7)):
        before = chooser.randint(200, 9000)
        after = before + chooser.randint(-150, 400)
        money = "£" if pounds else ""
        rows.append([region, f"{money}{before:,}", f"{money}{after:,}",
                     f"{100 * (after - before) / before:.1f}"])
    return TableSpec(rows, f"{chooser.choice(SUBJECTS).capitalize()} by region, "
                     f"2025 and 2026", ruled_all_round=pounds)


def _sections(chooser: random.Random, count: int, *, pounds: bool = False) -> list[Section]:
    sections: list[Section] = []
    for index, topic in enumerate(chooser.sample(TOPICS, count)):
        section = Section(topic, 1, [Text(_paragraph(chooser))])
        if index % 2 == 0:
            section.parts.append(_items(chooser, chooser.randint(3, 6), 1, numbered=False))
        else:
            section.parts.append(_items(chooser, chooser.randint(3, 5), 1, numbered=True))
        section.parts.append(Text(_paragraph(chooser),
                                  footnote=_sentence(chooser) + "." if index % 2 else ""))
        sections.append(section)
        if index in (1, 3):
            sub = Section(f"{chooser.choice(SUBJECTS).capitalize()} in detail", 2,
                          [Text(_paragraph(chooser))])
            if index == 1:
                sub.parts.append(_table(chooser, pounds))
            else:
                sub.parts.append(Chart(f"{chooser.choice(SUBJECTS).capitalize()}, "
                                       f"2019 to 2026"))
            sub.parts.append(Text(_paragraph(chooser)))
            sections.append(sub)
    return sections


def _article(chooser: random.Random) -> Report:
    return Report("Household finances survey: quarterly bulletin", "Office for Statistics",
                  _sections(chooser, 5))


def _twocolumn(chooser: random.Random) -> Report:
    return Report("Regional productivity: methods and findings", "Research unit",
                  _sections(chooser, 5), two_columns=True)


def _furnished(chooser: random.Random) -> Report:
    return Report("Public sector finances: annual report", "Treasury analysis team",
                  _sections(chooser, 6, pounds=True), running="Public sector finances 2026",
                  lettered=True)


def _plain(chooser: random.Random) -> Report:
    sections = [Section(topic, 1, [Text(_paragraph(chooser))])
                for topic in chooser.sample(TOPICS, 4)]
    sections[0].parts.append(Terms([(word, _paragraph(chooser, (1, 3))) for word in
                                    ("Household", "Income", "Wealth", "Arrears")]))
    sections[1].parts.append(_items(chooser, 12, 0, numbered=True))
    sections[2].parts.append(Text(_paragraph(chooser), footnote=_sentence(chooser) + "."))
    sections[3].parts.append(_items(chooser, 5, 2, numbered=False))
    return Report("Guide to the wealth and assets survey", "Survey team", sections,
                  numbered=False)


REPORTS: dict[str, Callable[[random.Random], Report]] = {
    "article": _article, "twocolumn": _twocolumn, "furnished": _furnished, "plain": _plain,
}


def _tex(text: str) -> str:
    """``text`` as LaTeX source (the made-up text has no other special characters)."""
    return text.replace("£", "\\pounds{}").replace("%", "\\%")


def _list_source(items: ItemList, lettered: bool) -> list[str]:
    environment = "enumerate" if items.numbered else "itemize"
    out = [f"\\begin{{{environment}}}"]
    if items.numbered and lettered:
        out.append("\\renewcommand{\\labelenumi}{(\\alph{enumi})}")
    level = 0
    for item in items.items:
        while level < item.level:
            out.append(f"\\begin{{{environment}}}")
            level += 1
        while level > item.level:
            out.append(f"\\end{{{environment}}}")
            level -= 1
        out.append(f"\\item {_tex(item.text)}")
    out += [f"\\end{{{environment}}}"] * (level + 1)
    return out


def _table_source(table: TableSpec) -> list[str]:
    columns = len(table.rows[0])
    out = ["\\begin{table}[htbp]", "\\centering", f"\\caption{{{_tex(table.caption)}}}"]
    if table.ruled_all_round:
        out.append("\\begin{tabular}{|l|" + "r|" * (columns - 1) + "}")
        out.append("\\hline")
        for row in table.rows:
            out.append(" & ".join(_tex(c) for c in row) + " \\\\ \\hline")
    else:
        out.append("\\begin{tabular}{l" + "r" * (columns - 1) + "}")
        out.append("\\toprule")
        for r, row in enumerate(table.rows):
            out.append(" & ".join(_tex(c) for c in row) + " \\\\")
            if r == 0:
                out.append("\\midrule")
        out.append("\\bottomrule")
    out += ["\\end{tabular}", "\\end{table}"]
    return out


def latex_source(report: Report, chart: Path) -> str:
    options = "11pt,a4paper" + (",twocolumn" if report.two_columns else "")
    out = [f"\\documentclass[{options}]{{article}}", "\\usepackage{graphicx}",
           "\\usepackage{booktabs}"]
    if report.running:
        out += ["\\usepackage{fancyhdr}", "\\pagestyle{fancy}", "\\fancyhf{}",
                "\\fancyhead[L]{\\leftmark}", "\\fancyhead[R]{\\thepage}",
                f"\\fancyfoot[C]{{{_tex(report.running)}}}"]
    out += [f"\\title{{{_tex(report.title)}}}", f"\\author{{{_tex(report.author)}}}",
            "\\date{1 December 2026}", "\\begin{document}", "\\maketitle"]
    if report.running:
        out.append("\\thispagestyle{fancy}")
    star = "" if report.numbered else "*"
    for section in report.sections:
        command = "section" if section.level == 1 else "subsection"
        out.append(f"\\{command}{star}{{{_tex(section.title)}}}")
        for part in section.parts:
            if isinstance(part, Text):
                note = f"\\footnote{{{_tex(part.footnote)}}}" if part.footnote else ""
                out += [_tex(part.text) + note, ""]
            elif isinstance(part, ItemList):
                out += _list_source(part, report.lettered)
            elif isinstance(part, Terms):
                out.append("\\begin{description}")
                out += [f"\\item[{_tex(term)}] {_tex(text)}" for term, text in part.pairs]
                out.append("\\end{description}")
            elif isinstance(part, TableSpec):
                out += _table_source(part)
            else:
                out += ["\\begin{figure}[htbp]", "\\centering",
                        f"\\includegraphics[width=0.8\\linewidth]{{{chart.name}}}",
                        f"\\caption{{{_tex(part.caption)}}}", "\\end{figure}"]
    out.append("\\end{document}")
    return "\n".join(out) + "\n"


def typeset(name: str, report: Report, pdflatex: str) -> Path | None:
    """The report typeset into the cache, or None when pdflatex failed."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        chart = Path(folder) / "chart.png"
        bar_chart(chart, len(name))
        source = Path(folder) / f"{name}.tex"
        source.write_text(latex_source(report, chart))
        for _ in range(2):  # (twice: the running heads and references settle on the second)
            try:
                done = subprocess.run([pdflatex, "-interaction=nonstopmode", source.name],
                                      cwd=folder, capture_output=True, timeout=120,
                                      check=False)
            except (OSError, subprocess.TimeoutExpired):
                return None
            if done.returncode != 0:
                return None
        made = CACHE / f"{name}.pdf"
        shutil.copyfile(source.with_suffix(".pdf"), made)
    return made


def truth(report: Report) -> tuple[Document, list[str]]:
    """The report as the model should read it, and its footnotes' texts in order."""
    blocks: list[Block] = [Heading(report.title, 1), Paragraph(report.author),
                           Paragraph("1 December 2026")]
    notes: list[str] = []
    numbers = [0, 0]
    tables = figures = 0
    for section in report.sections:
        number = ""
        if report.numbered:
            numbers[section.level - 1] += 1
            if section.level == 1:
                numbers[1] = 0
            number = ".".join(str(n) for n in numbers[:section.level]) + " "
        # (Sections are H1 and subsections H2, as LaTeX's own tagging has them; the title is
        # the document's, read as H1 before them.)
        blocks.append(Heading(number + section.title, section.level))
        for part in section.parts:
            if isinstance(part, Text):
                if part.footnote:
                    notes.append(part.footnote)
                    # (The paragraph ends in the note's mark, raised.)
                    blocks.append(Paragraph(f"{part.text}{len(notes)}"))
                else:
                    blocks.append(Paragraph(part.text))
            elif isinstance(part, ItemList):
                blocks.append(_nested_list(part, report.lettered))
            elif isinstance(part, Terms):
                blocks.append(ListBlock([ListItem(term, [Paragraph(text)])
                                         for term, text in part.pairs], definitions=True))
            elif isinstance(part, TableSpec):
                tables += 1
                blocks.append(Table([Row([Cell(text, header=r == 0) for text in row])
                                     for r, row in enumerate(part.rows)],
                                    caption=f"Table {tables}: {part.caption}"))
            else:
                figures += 1
                blocks.append(Figure(caption=f"Figure {figures}: {part.caption}"))
    return Document(blocks=blocks), notes


def _nested_list(items: ItemList, lettered: bool) -> ListBlock:
    return nested_list(
        ((item.level, item.text) for item in items.items),
        partial(_label, items.numbered, lettered), lambda _: items.numbered,
    )


def _label(numbered: bool, lettered: bool, level: int, count: int) -> str:
    """The label LaTeX prints for the ``count``-th item at ``level`` (the standard classes'
    labels; a lettered report's top level "(a)")."""
    if not numbered:
        return ("•", "–", "∗")[level]
    if level == 1 or (level == 0 and lettered):
        return f"({chr(ord('a') + count - 1)})"
    if level == 2:
        return f"{('i', 'ii', 'iii', 'iv', 'v', 'vi')[count - 1]}."
    return f"{count}."


def _without_notes(doc: Document) -> Document:
    return Document(blocks=[b for b in doc.blocks if not isinstance(b, Note)],
                    artifacts=doc.artifacts, pages=doc.pages)


def _without_floats(doc: Document) -> Document:
    """``doc`` without its notes, tables and figures, nor the paragraphs that caption them."""
    captions = {norm(b.caption or "") for b in doc.walk() if isinstance(b, Table | Figure)}
    return Document(blocks=[b for b in doc.blocks if not isinstance(b, Note | Table | Figure)
                            and not (isinstance(b, Paragraph) and norm(b.text) in captions)],
                    pages=doc.pages)



def judge(name: str, report: Report, pdf: Path) -> Result:
    result = Result(name)
    try:
        found = read_layout(pdf, max_pages=200)
    except Exception as e:  # noqa: BLE001 - one report's failure is a row, not the end
        result.error = f"{type(e).__name__}: {e}"[:100]
        return result
    result.pages = len(found.pages)
    want, notes = truth(report)
    want.pages = found.pages
    scores = score(name, want, _without_notes(found))
    # (Tables and figures float: LaTeX sets them where they fit, at a page's or a column's
    # top, not where the source has them, and a reader takes them where they stand. The
    # order is the text's, without them; tables and figures are scored apart.)
    order = Levenshtein.normalized_similarity(body_words(_without_floats(want)),
                                              body_words(_without_floats(found)))
    result.measures = {"order": order, "recall": scores.recall, "head": scores.head_f1,
                       "level": scores.level, "items": scores.list_f1,
                       "tables": scores.table_f1}
    truth_items, found_items = item_depths(want), item_depths(found)
    pairs = match_texts([t for t, _, _ in truth_items], [t for t, _, _ in found_items], 80)
    result.measures["depth"] = (sum(truth_items[i][1] == found_items[j][1] for i, j in pairs)
                                / len(pairs) if pairs else None)
    matched = {i for i, _ in pairs}
    result.shown += [f"item missed (depth {d}): {t[:70]}"
                     for k, (t, d, _) in enumerate(truth_items) if k not in matched]
    result.shown += [f"depth {truth_items[i][1]} read {found_items[j][1]}: "
                     f"{truth_items[i][0][:60]}" for i, j in pairs
                     if truth_items[i][1] != found_items[j][1]]
    paired = {j for _, j in pairs}
    result.shown += [f"item invented: {t[:70]}" for k, (t, _, _) in enumerate(found_items)
                     if k not in paired]
    if notes:
        found_notes = [(b.label, norm(b.text)) for b in found.walk() if isinstance(b, Note)]
        # (A note's text is read with its mark, as printed.)
        read = sum(any(label == str(k) and text in (norm(note), norm(f"{k} {note}"))
                       for label, text in found_notes)
                   for k, note in enumerate(notes, start=1))
        result.measures["notes"] = read / len(notes)
        if read < len(notes):
            result.shown.append(f"notes read {read} of {len(notes)}: found {found_notes[:3]}")
    # Running text read as the body's: a block that is a page number, the running foot, or a
    # running head (a section's title, in capitals) beyond the section's own heading.
    titles = {norm(b.text) for b in want.walk() if isinstance(b, Heading)}
    seen: dict[str, int] = {}
    leaked = 0
    for block in found.blocks:
        text = norm(block_text(block))
        seen[text] = seen.get(text, 0) + 1
        running = bool(report.running) and text == norm(report.running)
        if re.fullmatch(r"\d+", text) or running or (text in titles and seen[text] > 1):
            leaked += 1
    drawn = (len(found.pages) - 1) + (2 * len(found.pages) if report.running else 0)
    if drawn:
        result.measures["furn"] = 1 - min(leaked, drawn) / drawn
        if leaked:
            result.shown.append(f"running text read in the body {leaked} of {drawn} times")
    pictures = [b for b in want.walk() if isinstance(b, Figure)]
    if pictures:
        captions = [norm(b.caption or "") for b in found.walk() if isinstance(b, Figure)]
        result.measures["figs"] = sum(norm(b.caption or "") in captions
                                      for b in pictures) / len(pictures)
        result.shown += [f"figure not read with its caption: {b.caption}" for b in pictures
                         if norm(b.caption or "") not in captions]
    heads = {norm(b.text): b.level for b in found.walk() if isinstance(b, Heading)}
    for b in want.walk():
        if isinstance(b, Heading) and norm(b.text) not in heads:
            result.shown.append(f"heading missed: {b.text}")
        elif isinstance(b, Heading) and heads[norm(b.text)] != b.level:
            result.shown.append(f"heading H{b.level} read H{heads[norm(b.text)]}: {b.text}")
    wanted = {norm(b.text) for b in want.walk() if isinstance(b, Heading)}
    result.shown += [f"heading invented: {b.text[:70]}" for b in found.walk()
                     if isinstance(b, Heading) and norm(b.text) not in wanted]
    odd = sorted({w for w in words(" ".join(block_text(b) for b in found.blocks))
                  if not re.fullmatch(r"[a-z0-9]+", w)})
    if odd:
        result.shown.append(f"words with other characters: {odd[:8]}")
    return result


MEASURES = ("order", "recall", "head", "level", "items", "depth", "tables", "notes", "figs",
            "furn")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="seed of the made-up reports")
    parser.add_argument("--show", action="store_true", help="print what each report misread")
    parser.add_argument("--no-verapdf", action="store_true", help="skip the veraPDF judge")
    args = parser.parse_args()
    pdflatex = shutil.which("pdflatex")
    if pdflatex is None:
        print("skipped: pdflatex is not installed")
        return 0
    chooser = random.Random(args.seed)
    def reports() -> Iterator[tuple[str, Path | None, Callable[[Path], Result]]]:
        for name, maker in REPORTS.items():
            report = maker(chooser)
            yield name, typeset(name, report, pdflatex), partial(judge, name, report)

    results = judged_documents(reports(), "pdflatex failed", skip_verapdf=args.no_verapdf)
    print_results(results, MEASURES, kind="report", plural="reports", show=args.show,
                  verapdf=not args.no_verapdf)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
