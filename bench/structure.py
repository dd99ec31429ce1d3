"""How well the layout reader recovers structure, scored against authors' tags.

For every tagged PDF in ../shared/corpus/tagged/ and the PDF/UA Reference Suite
(../shared/corpus/pdfua/PDFUA-Reference-Suite-1.1/):

1. the truth is the structure reader's model of the original (its tags);
2. the structure is stripped (structure tree, marked content, /StructParents) and the layout
   reader analyses the stripped copy;
3. scores: reading order (normalised Levenshtein similarity of the body-text word sequences),
   word recall (truth body words found anywhere in the layout model, artifacts included),
   heading F1 (text match) and level accuracy (of matched headings: ``level`` as the two
   models give them; ``level_ua`` as the outputs carry them, both sides closed up the way every
   renderer closes them up for PDF/UA, the first heading H1 and no level skipped, so that a
   source printed without its h1 or skipping from H1 to H3 is not held against a reader whose
   outputs could never carry those levels), list-item F1, table F1
   (word-set overlap; one found table may also match a run of consecutive truth tables whose
   rows add up to its rows, the pieces a tagging writer cut it into at column and page breaks,
   and then counts as that many tables: :func:`match_tables`; ``--no-table-runs`` scores
   without that), figure recall (truth figures drawing an image, matched by box overlap);
4. time: layout analysis against poppler's ``pdftotext`` on the same stripped file, in this run;
   and the same over ../shared/corpus/untagged/ (born-digital files without truth), apart;
5. s_recall: the structure reader on the original, checked against poppler's words (a word
   poppler keeps broken at a line-end hyphen counts whole where the model reads it whole, and
   so does a word one of the two breaks elsewhere, its pieces next to each other, where the
   other reads it whole: :func:`recall_across_word_breaks`; the structure reader is the
   truth, so this is the one independent check of it).

A file whose tags cover too little of its text (the structure reader fell back to layout) has
no truth and is listed but not scored. Pages no tag refers to, which the structure reader reads
from layout, have no truth either: both models' blocks and artifacts starting there are left out
of the scores (they would score the layout reader against itself). Scores with nothing to count
(no headings in truth or prediction) are "-" and left out of the means.

Definition lists: the makers tag a definition list's terms and definitions as paragraphs
(Chromium: ``P``; LibreOffice: its "Definition Term" and "Definition" styles, mapped to
``P``; WeasyPrint's ``dt``/``dd`` items are left out of its truth by bench/heldout.py). So
the entries of a definition list the layout reader finds (``ListBlock.definitions``) are no
list items for ``list_f1`` (a list nested in a definition is), and their terms and
definitions are body words in reading order (``block_text`` reads an item's label, the
term, before its blocks), as the truth's paragraphs are.

Usage: .venv/bin/python bench/structure.py [--only NAME] [--no-memory]
Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rapidfuzz import fuzz  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from workers.engine.captions import without_caption_paragraphs  # noqa: E402
from workers.engine.document import (  # noqa: E402
    BBox,
    Block,
    Document,
    Figure,
    Heading,
    ListBlock,
    ListItem,
    Table,
    block_text,
)
from workers.engine.heading_levels import HeadingLevels  # noqa: E402
from workers.engine.layout.reader import read_layout  # noqa: E402
from workers.engine.structure.reader import read_structure  # noqa: E402
from workers.engine.structure.strip import strip_structure  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MAX_PAGES = 1500
LARGE_FILE = SHARED / "corpus" / "hostile" / "large-page-count-irs-manual-400p.pdf"
MEASURES = (
    "order", "recall", "head_f1", "level", "level_ua", "list_f1", "table_f1", "fig_rec",
    "s_recall",
)
TRUTH_COUNT = {"head_f1": "n_headings", "list_f1": "n_items", "table_f1": "n_tables"}


def words(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).lower())


def body_words(doc: Document) -> list[str]:
    # A figure's or table's caption is said once: the layout reader keeps it both as the
    # block's caption and as the paragraph that draws it (every output says it once:
    # workers/engine/captions.py); counting both would score a duplicate, not the order.
    return [w for b in without_caption_paragraphs(doc.blocks) for w in words(block_text(b))]


def all_words(doc: Document) -> list[str]:
    out = body_words(doc)
    for artifact in doc.artifacts:
        out.extend(words(artifact.text))
    return out


def recall(truth: list[str], found: list[str]) -> float | None:
    if not truth:
        return None
    have = Counter(found)
    hit = 0
    for word, count in Counter(truth).items():
        hit += min(count, have[word])
    return hit / len(truth)


def f1(matched: int, truth: int, predicted: int) -> float | None:
    if truth == 0 and predicted == 0:
        return None
    return 2 * matched / (truth + predicted)


def match_texts(truth: list[str], predicted: list[str], cutoff: float) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of texts, best similarity first (exact matches at once)."""
    pairs: list[tuple[int, int]] = []
    free = dict(enumerate(predicted))
    by_text: dict[str, list[int]] = {}
    for j, text in free.items():
        by_text.setdefault(text, []).append(j)
    pending = []
    for i, text in enumerate(truth):
        if by_text.get(text):
            j = by_text[text].pop(0)
            free.pop(j)
            pairs.append((i, j))
        else:
            pending.append(i)
    for i in pending:
        best, best_j = cutoff, -1
        for j, text in free.items():
            score = fuzz.ratio(truth[i], text)
            if score >= best:
                best, best_j = score, j
        if best_j >= 0:
            free.pop(best_j)
            pairs.append((i, best_j))
    return pairs


#: Whether one found table may match a run of consecutive truth tables (see match_tables).
TABLE_RUNS = True

#: Share of the words two tables hold in common (of all either holds) that matches them.
TABLE_MATCH = 0.5


@dataclass(frozen=True)
class TableWords:
    """A table as the table score sees it: its words, its rows, its first page and (for the
    diagnostics) the start of its text."""

    words: frozenset[str]
    rows: int
    page: int | None
    text: str
    #: Where it starts and where it ends: (page, box) of its first and last part.
    start: tuple[int, BBox] | None = None
    end: tuple[int, BBox] | None = None
    #: The pages its parts are on.
    pages: frozenset[int] = frozenset()
    #: Its rows read on over a page break (a cell drawn on two pages): the reader joined the
    #: row the break cut, which a writer tagging each piece apart holds twice.
    cut_rows: int = 0


def table_words(doc: Document) -> list[TableWords]:
    """The tables of ``doc`` that hold words, in reading order."""
    out = []
    for block in doc.walk():
        if isinstance(block, Table):
            said = words(block_text(block))
            if said:
                page = block.prov[0].page if block.prov else None
                start = (block.prov[0].page, block.prov[0].bbox) if block.prov else None
                end = (block.prov[-1].page, block.prov[-1].bbox) if block.prov else None
                # (Rows holding words: a spacer row, or a rule set as a row, holds none; a
                # writer tags it, a reader may leave it out, and either reads the table.)
                worded = sum(1 for row in block.rows if any(words(c.text) for c in row.cells))
                out.append(TableWords(
                    frozenset(said), worded, page, " ".join(said)[:80], start, end,
                    frozenset(p.page for p in block.prov),
                    sum(1 for row in block.rows if any(
                        len({p.page for p in cell.prov}) > 1 for cell in row.cells))))
    return out


def set_table_runs(on: bool) -> None:
    """Score tables with or without runs of truth tables (both benches' --no-table-runs)."""
    global TABLE_RUNS
    TABLE_RUNS = on


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b)


@dataclass
class TableMatch:
    """Which truth tables are matched, and which found tables match a run of truth tables
    (found index -> how many truth tables that run holds)."""

    truth_matched: set[int]
    found_used: set[int]
    runs: dict[int, int]

    def found_count(self, found: int) -> int:
        """The found tables counted for the F1: a table that matches a run of n truth tables
        counts n times, as the n pieces the truth cut it into."""
        return found + sum(n - 1 for n in self.runs.values())


def match_tables(
    truth: list[TableWords], found: list[TableWords], runs: bool = True,
) -> TableMatch:
    """Tables matched one to one, best first: of the pairs that share at least TABLE_MATCH of
    their words (Jaccard), the closest pair is matched first, then the closest of the rest (as
    :func:`match_texts` matches headings and items). Matching in the truth's order instead let
    a truth table that merely passes the bar take a found table whose own exact match then
    counted as missed (a one-row title band before the navigation table it shares words with).

    With ``runs``, a found table then matches a run of two or more consecutive truth tables
    left unmatched (or matched to it alone), when their rows add up to exactly its rows, their
    words together share TABLE_MATCH of its words, each piece lies on the found table's pages
    and goes on from the one before over a page break or a column break (:func:`_cut_apart`).
    Why: a tagging writer (WeasyPrint) tags each piece of a table cut by a column break or a
    page break as a table of its own, where the reader rightly joins the pieces into the one
    table they are. Such a match counts each piece as matched and the found table as that
    many tables, so the F1 is what it would be had the reader cut the table where the truth
    did. A row cut in two at a break is held twice by the truth (once in each piece): the
    pieces' rows may add up to as many more as the found table has rows it read on over a
    page break (one a break at most); other sums keep the match out. Rows are counted that
    hold words (:func:`table_words`): a spacer row or a rule the writer tags as a row is
    none a reader need keep."""
    pairs = sorted(
        (
            (-share, i, j)
            for i, t in enumerate(truth)
            for j, f in enumerate(found)
            if (share := _jaccard(t.words, f.words)) >= TABLE_MATCH
        )
    )
    truth_of: dict[int, int] = {}
    matched: set[int] = set()
    for _, i, j in pairs:
        if i not in matched and j not in truth_of:
            truth_of[j] = i
            matched.add(i)
    taken: dict[int, int] = {}
    if runs:
        for j, f in enumerate(found):
            # The one piece this table matched alone (its largest, as a rule) may be part of
            # the run, and must be: the run then takes the others as well.
            alone = truth_of.get(j)
            free = {i for i in range(len(truth)) if i not in matched or alone == i}
            run = _truth_run(truth, free, f, alone)
            if run:
                truth_of[j] = run[0]
                matched.update(run)
                taken[j] = len(run)
    return TableMatch(matched, set(truth_of), taken)


def _cut_apart(before: TableWords, after: TableWords) -> bool:
    """``after`` goes on from ``before`` over a break: it starts on a later page, or on the
    same page in another column (beside it, their boxes apart across the page). A table right
    under another (a title band over its table, tagged apart) is none."""
    if before.end is None or after.start is None:
        return False
    (end_page, end_box), (start_page, start_box) = before.end, after.start
    beside = start_box.x0 >= end_box.x1 - 1 or start_box.x1 <= end_box.x0 + 1
    return start_page > end_page or (start_page == end_page and beside)


def _truth_run(
    truth: list[TableWords], free: set[int], f: TableWords, alone: int | None,
) -> list[int]:
    """The first run of two or more consecutive ``free`` truth tables, each cut apart from the
    one before by a break and on pages ``f`` is on, whose rows add up to ``f``'s and whose
    words match ``f``'s, holding ``alone`` (the table ``f`` matched one to one) if any; empty
    when there is none. Of the runs from its first piece, the longest: a table cut by five
    page breaks, its rows cut at some of them, may add up to ``f``'s rows at its fourth
    piece already, and its fifth is as much ``f``'s."""
    for start in range(len(truth)):
        run: list[int] = []
        rows = 0
        together: frozenset[str] = frozenset()
        longest: list[int] = []
        for i in range(start, len(truth)):
            if i not in free or rows + truth[i].rows > f.rows + f.cut_rows:
                break
            if (run and not _cut_apart(truth[run[-1]], truth[i])) or not truth[i].pages <= f.pages:
                break
            run.append(i)
            rows += truth[i].rows
            together |= truth[i].words
            if (
                f.rows <= rows <= f.rows + min(f.cut_rows, len(run) - 1)
                and len(run) >= 2 and (alone is None or alone in run)
                and _jaccard(together, f.words) >= TABLE_MATCH
            ):
                longest = list(run)
        if longest:
            return longest
    return []


def norm(text: str) -> str:
    return " ".join(words(text))


def heading_key(text: str) -> str:
    """A heading's words less the section number that leads them ("2.1", "3.1 3.1."), the
    text headings are matched by. The number is printed, and the layout reader keeps it, but
    a maker may leave out of its tags a number its stylesheet prints (Chromium tags no CSS
    counter), and a number takes enough of a short heading's letters to keep "2 1 basics"
    from matching "basics" at the cutoff: the number is the heading's label, not its name.
    Both sides are keyed alike; a heading of numbers alone keeps them."""
    found = words(text)
    named = [i for i, word in enumerate(found) if not word.isdigit()]
    return " ".join(found[named[0]:] if named else found)


def output_levels(found: list[Heading]) -> list[int]:
    """The levels of ``found`` as every output carries them (the first H1, no level skipped:
    :class:`HeadingLevels`)."""
    levels = HeadingLevels()
    return [levels.level(h.level, h.text) for h in found]


def headings(doc: Document) -> list[Heading]:
    return [b for b in doc.walk() if isinstance(b, Heading) and words(b.text)]


def items(doc: Document) -> list[ListItem]:
    """The list items with words, a definition list's entries left out (see the module's
    docstring); a list nested in a definition counts."""
    out: list[ListItem] = []
    pending: list[Block] = list(reversed(doc.blocks))
    while pending:
        block = pending.pop()
        if isinstance(block, ListBlock):
            if block.definitions:
                pending.extend(b for item in reversed(block.items) for b in reversed(item.blocks))
            else:
                pending.extend(reversed(block.items))
        elif isinstance(block, ListItem):
            if words(block.text):
                out.append(block)
            pending.extend(reversed(block.blocks))
    return out


def iou(a: BBox, b: BBox) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / (a.width * a.height + b.width * b.height - inter)


@dataclass
class Scores:
    name: str
    pages: int
    order: float | None = None
    recall: float | None = None
    head_f1: float | None = None
    level: float | None = None
    level_ua: float | None = None
    list_f1: float | None = None
    table_f1: float | None = None
    fig_rec: float | None = None
    s_recall: float | None = None
    n_headings: int = 0
    n_items: int = 0
    n_tables: int = 0
    layout_s: float = 0.0
    pdftotext_s: float = 0.0
    note: str = ""


def score(
    name: str, truth: Document, found: Document,
    truth_item: Callable[[ListItem], bool] | None = None,
) -> Scores:
    """The measures of ``found`` against ``truth``; ``truth_item`` (when given) says which of the
    truth's list items are list items at all (bench/heldout.py: WeasyPrint tags each term and
    each definition of a definition list as an item of its own, against the standard)."""
    s = Scores(name, len(truth.pages))
    tw, fw = body_words(truth), body_words(found)
    if tw or fw:
        s.order = Levenshtein.normalized_similarity(tw, fw)
    s.recall = recall(tw, all_words(found))
    th, fh = headings(truth), headings(found)
    pairs = match_texts([heading_key(h.text) for h in th], [heading_key(h.text) for h in fh], 90)
    s.head_f1 = f1(len(pairs), len(th), len(fh))
    s.n_headings = len(th)
    if pairs:
        s.level = sum(th[i].level == fh[j].level for i, j in pairs) / len(pairs)
        truth_out, found_out = output_levels(th), output_levels(fh)
        s.level_ua = sum(truth_out[i] == found_out[j] for i, j in pairs) / len(pairs)
    ti, fi = items(truth), items(found)
    if truth_item is not None:
        ti = [i for i in ti if truth_item(i)]
    pairs = match_texts([norm(i.text) for i in ti], [norm(i.text) for i in fi], 80)
    s.list_f1 = f1(len(pairs), len(ti), len(fi))
    s.n_items = len(ti)
    tt, ft = table_words(truth), table_words(found)
    tables = match_tables(tt, ft, runs=TABLE_RUNS)
    s.table_f1 = f1(len(tables.truth_matched), len(tt), tables.found_count(len(ft)))
    s.n_tables = len(tt)
    figures = [
        p for b in truth.walk() if isinstance(b, Figure) for p in b.prov[:1]
        if p.bbox.width > 1 and p.bbox.height > 1
    ]
    found_figures = [p for b in found.walk() if isinstance(b, Figure) for p in b.prov[:1]]
    if figures:
        s.fig_rec = sum(
            any(f.page == p.page and iou(f.bbox, p.bbox) >= 0.5 for f in found_figures)
            for p in figures
        ) / len(figures)
    return s


def on_tagged_pages(doc: Document, untagged: set[int | None]) -> Document:
    """``doc`` without the blocks and artifacts that start on the ``untagged`` pages."""
    if not untagged:
        return doc
    return replace(
        doc,
        blocks=[b for b in doc.blocks if not (b.prov and b.prov[0].page in untagged)],
        artifacts=[a for a in doc.artifacts if not (a.prov and a.prov[0].page in untagged)],
    )


def truth_and_layout(path: Path, tmp: Path) -> tuple[Document, Document] | None:
    """The truth (the structure reader on the tagged file) and the layout reader's model of its
    stripped copy (written into ``tmp``), both kept to the pages the tags refer to, as the
    scores see them; None where the tags are unusable (no truth). For the diagnostics that
    explain one measure's misses (heading_errors, list_misses, heldout_tables)."""
    truth = read_structure(path, max_pages=MAX_PAGES)
    if truth.reader != "structure":
        return None
    stripped = tmp / path.name
    strip_structure(path, stripped)
    found = read_layout(stripped, max_pages=MAX_PAGES)
    untagged = {w.page for w in truth.warnings if w.code == "untagged-page"}
    return on_tagged_pages(truth, untagged), on_tagged_pages(found, untagged)


def joined_as_read(text: str, read: set[str]) -> str:
    """poppler's text with a word it keeps broken at a line-end hyphen ("agen-" "cies") made
    whole where the model reads it whole: either reading is the word found."""
    def join(match: re.Match[str]) -> str:
        whole = match.group(1) + match.group(2)
        found = words(whole)
        return whole if len(found) == 1 and found[0] in read else match[0]
    return _LINE_BREAK_HYPHEN.sub(join, text)


_LINE_BREAK_HYPHEN = re.compile(r"(\w+)[-\u00ad\u2010]\n(\w+)")


#: Words at most that one reading may break another's word into (a letter-spaced word, an
#: item's number and its letter in two elements, a base and its exponent).
MAX_PIECES = 4


def recall_across_word_breaks(poppler: list[str], model: list[str]) -> float | None:
    """Share of poppler's words (in its order) found in the model's (in its order), where a
    word one reading breaks in two and the other reads whole is found: poppler's pieces
    ("stre" "tch": letters set apart in a drawing) where the model reads "stretch", and
    poppler's "2a" where the tags put "2" and "a" in two elements. Only the place of a word
    break differs: every character is read, in the same order. The pieces must be next to
    each other in their reading and left over once the words read alike are matched, so
    no word is counted twice and no text missing from the model is found."""
    if not poppler:
        return None
    left = Counter(model) - Counter(poppler)  # the model's words poppler reads otherwise
    missing = Counter(poppler) - Counter(model)
    hit = len(poppler) - sum(missing.values())
    # The model breaks a word poppler reads whole.
    for size in range(2, MAX_PIECES + 1):
        for at in range(len(model) - size + 1):
            pieces = model[at:at + size]
            whole = "".join(pieces)
            if missing[whole] and not Counter(pieces) - left:
                missing[whole] -= 1
                left -= Counter(pieces)
                hit += 1
    # Poppler breaks a word the model reads whole.
    at = 0
    while at < len(poppler):
        for size in range(MAX_PIECES, 1, -1):
            pieces = poppler[at:at + size]
            whole = "".join(pieces)
            if len(pieces) == size and left[whole] and not Counter(pieces) - missing:
                left[whole] -= 1
                missing -= Counter(pieces)
                hit += size
                at += size - 1
                break
        at += 1
    return hit / len(poppler)


def pdftotext(path: Path) -> tuple[float, str]:
    """Seconds poppler takes to extract the text, and the text."""
    started = time.perf_counter()
    out = subprocess.run(
        ["pdftotext", "-q", str(path), "-"], capture_output=True, check=False, timeout=300
    )
    return time.perf_counter() - started, out.stdout.decode("utf-8", "replace")


def run_file(
    path: Path, tmp: Path, truth_item: Callable[[ListItem], bool] | None = None
) -> Scores:
    truth = read_structure(path, max_pages=MAX_PAGES)
    if truth.reader != "structure":
        return Scores(path.name, len(truth.pages), note="tags unusable: no truth")
    stripped = tmp / path.name
    strip_structure(path, stripped)
    started = time.perf_counter()
    found = read_layout(stripped, max_pages=MAX_PAGES)
    layout_s = time.perf_counter() - started
    untagged = {w.page for w in truth.warnings if w.code == "untagged-page"}
    tagged_truth = on_tagged_pages(truth, untagged)
    s = score(path.name, tagged_truth, on_tagged_pages(found, untagged), truth_item)
    s.recall = recall(body_words(tagged_truth), all_words(found))  # found anywhere
    s.layout_s = layout_s
    s.pdftotext_s, _ = pdftotext(stripped)
    # The structure reader is the truth above, so it cannot be scored against itself; what can
    # be checked is that it loses no text: poppler's words found in its model.
    _, text = pdftotext(path)
    truth_words = all_words(truth)
    s.s_recall = recall_across_word_breaks(words(joined_as_read(text, set(truth_words))),
                                           truth_words)
    return s


def fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def untagged_time() -> str:
    """The speed target on the born-digital files that have no tags (no truth to score, but
    as much a part of the work): layout analysis against pdftotext, all files together."""
    files = sorted((SHARED / "corpus" / "untagged").glob("*.pdf"))
    layout = poppler = 0.0
    ratios: list[tuple[float, str]] = []
    for path in files:
        started = time.perf_counter()
        read_layout(path, max_pages=MAX_PAGES)
        seconds = time.perf_counter() - started
        reference, _ = pdftotext(path)
        layout, poppler = layout + seconds, poppler + reference
        ratios.append((seconds / reference if reference else 0.0, path.name))
    if not files or not poppler:
        return "untagged: no files"
    worst = ", ".join(f"{name} {ratio:.1f}x" for ratio, name in sorted(ratios)[-3:][::-1])
    median = statistics.median(r for r, _ in ratios)
    return (f"untagged ({len(files)} files): layout {layout:.2f} s, pdftotext {poppler:.2f} s, "
            f"ratio {layout / poppler:.2f}x; per-file median {median:.2f}x, worst {worst}")


def memory_of_large_file() -> str:
    if not LARGE_FILE.exists():
        return "memory: large file absent"
    # The peak is the child's own high-water mark (VmHWM: its address space since exec).
    # getrusage's ru_maxrss is not: Linux keeps it across exec, so a child forked from this
    # process, grown by the files scored before, would report this process's size.
    code = (
        "import re; from pathlib import Path;"
        "from workers.engine.layout.reader import read_layout;"
        f"d=read_layout(Path({str(LARGE_FILE)!r}), max_pages=2000);"
        "hwm=re.search(r'VmHWM:\\s*(\\d+)', Path('/proc/self/status').read_text());"
        "print(len(d.pages), int(hwm.group(1)) // 1024)"
    )
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=900
    )
    seconds = time.perf_counter() - started
    if out.returncode != 0:
        return f"memory: failed: {out.stderr.strip().splitlines()[-1:]}"
    pages, rss = out.stdout.split()
    return f"memory: {LARGE_FILE.name}: {pages} pages, peak RSS {rss} MB, {seconds:.1f} s"


def header() -> str:
    line = f"{'file':44} {'pages':>5} " + " ".join(f"{m:>8}" for m in MEASURES)
    return line + f" {'layout s':>8} {'ratio':>6}"


def row(s: Scores) -> str:
    values = " ".join(f"{fmt(getattr(s, m)):>8}" for m in MEASURES)
    ratio = s.layout_s / s.pdftotext_s if s.pdftotext_s else 0.0
    return f"{s.name[:44]:44} {s.pages:5} {values} {s.layout_s:8.2f} {ratio:6.1f} {s.note}"


def mean_of(scored: list[Scores], measure: str) -> tuple[float | None, int]:
    """The mean of a measure over the files that have it ("-" ones left out), and their count."""
    values = [getattr(s, measure) for s in scored if getattr(s, measure) is not None]
    return (statistics.fmean(values) if values else None), len(values)


def time_ratio(scored: list[Scores]) -> float:
    """Layout analysis against pdftotext, all files together."""
    poppler = sum(s.pdftotext_s for s in scored)
    return sum(s.layout_s for s in scored) / poppler if poppler else 0.0


def print_means(results: list[Scores]) -> None:
    """The means over the scored files (those with no note), the time, as every bench shows."""
    scored = [s for s in results if not s.note]
    print(f"means over {len(scored)} scored files ({len(results) - len(scored)} not scored):")
    for m in MEASURES:
        mean, n = mean_of(scored, m)
        line = f"  {m:9} {fmt(mean)}  (n={n})"
        if m in TRUTH_COUNT:
            # Many authors' tags hold no headings (or lists, tables) at all: then any found is
            # a false positive. The mean over files whose tags do have them is shown beside.
            having = [getattr(s, m) for s in scored
                      if getattr(s, m) is not None and getattr(s, TRUTH_COUNT[m]) > 0]
            if having:
                line += f"   files whose tags have them: {statistics.fmean(having):5.3f}"
                line += f" (n={len(having)})"
        print(line)
    layout = sum(s.layout_s for s in scored)
    poppler = sum(s.pdftotext_s for s in scored)
    print(f"  time      layout {layout:.2f} s, pdftotext {poppler:.2f} s, "
          f"ratio {time_ratio(scored):.2f}x (all files together)")
    ratios = [s.layout_s / s.pdftotext_s for s in scored if s.pdftotext_s]
    if ratios:
        print(f"            per-file ratio median {statistics.median(ratios):.2f}x, "
              f"max {max(ratios):.2f}x")


def print_worst(results: list[Scores], count: int) -> None:
    scored = [s for s in results if not s.note]
    print(f"worst {count} by reading order:")
    for s in sorted(scored, key=lambda s: s.order if s.order is not None else 2)[:count]:
        print(f"  {s.name[:44]:44} order {fmt(s.order)} recall {fmt(s.recall)} "
              f"head_f1 {fmt(s.head_f1)} list_f1 {fmt(s.list_f1)} table_f1 {fmt(s.table_f1)}")


def run_all(
    files: list[Path], score_file: Callable[[Path, Path], Scores] = run_file
) -> list[Scores]:
    """Scores every file (a crash is a row too), printing each row as it comes."""
    results: list[Scores] = []
    print(header())
    with tempfile.TemporaryDirectory(prefix="bench-structure-") as tmp:
        for path in files:
            try:
                s = score_file(path, Path(tmp))
            except Exception as e:  # noqa: BLE001 - a crash is a result to report, not to hide
                s = Scores(path.name, 0, note=f"CRASH {type(e).__name__}: {e}")
            results.append(s)
            print(row(s), flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="substring of the file names to run")
    parser.add_argument("--no-memory", action="store_true", help="skip the 400-page RSS check")
    parser.add_argument("--worst", type=int, default=10, help="how many worst files to list")
    parser.add_argument("--no-table-runs", action="store_true",
                        help="match tables one to one only (no runs of truth tables)")
    args = parser.parse_args()
    set_table_runs(not args.no_table_runs)
    if not SHARED.exists():
        print(f"skipped: {SHARED} is absent")
        return 0
    if shutil.which("pdftotext") is None:
        print("skipped: pdftotext (poppler-utils) is not installed")
        return 0
    files = sorted((SHARED / "corpus" / "tagged").glob("*.pdf")) + sorted(
        (SHARED / "corpus" / "pdfua" / "PDFUA-Reference-Suite-1.1").glob("*.pdf")
    )
    if args.only:
        files = [f for f in files if args.only in f.name]
    results = run_all(files)
    print()
    print_means(results)
    print()
    print_worst(results, args.worst)
    if not args.only:
        print()
        print(untagged_time())
    if not args.no_memory:
        print()
        print(memory_of_large_file())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"(peak RSS of this run: {peak} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
