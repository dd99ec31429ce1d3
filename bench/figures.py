"""Figure or decoration: the layout reader's decision, image by image, against the author's.

For every tagged PDF in ../shared/corpus/tagged/ and the PDF/UA Reference Suite
(../shared/corpus/pdfua/PDFUA-Reference-Suite-1.1/):

1. the truth comes from the author's tags, read by the structure reader on the original: an
   image whose marked content (MCID) belongs to a ``Figure`` element is a *figure*; one whose
   MCID belongs to another element (a paragraph, a link, a table cell) is *content*; one in
   ``/Artifact`` or referenced by no element is *decoration*. Figures the author left without
   ``/Alt`` are shown on a row of their own ("fig-no-alt": authoring tools tag a slide
   master's ornaments so), and counted as figures in every score;
2. the structure is stripped and the layout reader analyses the stripped copy (what an
   untagged export of the same document is); an image is our *figure* when at least half of
   it lies inside one of our ``Figure`` blocks on its page, else our *decoration* (nothing
   else a reader shows is an image);
3. counts and scores: precision and recall of "figure" (against the author's figures) and of
   "decoration" (against the author's decoration; an image the author tagged as content and we
   call decoration counts against the decoration precision: hiding it is the costly error).
   Tiny images (icons, bullets: under :data:`TINY` of the page) are counted apart, so the
   many of them do not hide what happens to the pictures that matter.

Vector drawings: each of our drawing figures (and drawings we set aside as decoration) is
judged by the author's tags of the shapes inside it (a majority of their MCIDs).

Per rule: the images and drawings each rule of :mod:`workers.engine.layout.figures` set aside,
against the author's tags (the precision of that rule).

Usage: .venv/bin/python bench/figures.py [--only NAME] [--list]
Skips (exit 0) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pypdfium2 as pdfium  # noqa: E402

from workers.engine.document import (  # noqa: E402
    BBox,
    Document,
    Figure,
    Prov,
    Table,
)
from workers.engine.layout import classify, reader  # noqa: E402
from workers.engine.layout.figures import Candidate, Verdict  # noqa: E402
from workers.engine.layout.glyphs import PageContent, Rect, read_page  # noqa: E402
from workers.engine.structure.reader import read_structure  # noqa: E402
from workers.engine.structure.strip import strip_structure  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
MAX_PAGES = 1500
#: Images under this share of the page are icons and bullets, scored apart.
TINY = 0.002

TRUTHS = ("figure", "fig-no-alt", "content", "decoration")
OURS = ("figure", "decoration")


@dataclass
class Tally:
    """Counts of (truth, ours) pairs."""

    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: Tally) -> None:
        self.pairs.update(other.pairs)

    def _hits(self, label: str) -> int:
        same = self.pairs[(label, label)]
        return same + self.pairs[("fig-no-alt", label)] if label == "figure" else same

    def _truth(self, label: str) -> int:
        wanted = ("figure", "fig-no-alt") if label == "figure" else (label,)
        return sum(n for (truth, _), n in self.pairs.items() if truth in wanted)

    def precision(self, label: str) -> float | None:
        said = sum(n for (_, ours), n in self.pairs.items() if ours == label)
        return self._hits(label) / said if said else None

    def recall(self, label: str) -> float | None:
        true = self._truth(label)
        return self._hits(label) / true if true else None


def provs(doc: Document) -> list[tuple[str, Prov]]:
    """(kind, prov) of every block, nested ones (list items, table cells) included."""
    out: list[tuple[str, Prov]] = []
    for block in doc.walk():
        out.extend((block.type, p) for p in block.prov)
        if isinstance(block, Table):
            out.extend(("cell", p) for row in block.rows for cell in row.cells for p in cell.prov)
    return out


def author_labels(truth: Document) -> dict[tuple[int, int], str]:
    """(page, MCID) -> "figure", "fig-no-alt" or "content", from the author's elements."""
    labels: dict[tuple[int, int], str] = {}
    described = {id(b) for b in truth.walk() if isinstance(b, Figure) and b.alt}
    for block in truth.walk():
        if isinstance(block, Figure):
            for prov in block.prov:
                for mcid in prov.mcids:
                    labels[(prov.page, mcid)] = "figure" if id(block) in described \
                        else "fig-no-alt"
    for _, prov in provs(truth):
        for mcid in prov.mcids:
            labels.setdefault((prov.page, mcid), "content")
    return labels


def inside_share(r: Rect | BBox, box: BBox) -> float:
    w = min(r.x1, box.x1) - max(r.x0, box.x0)
    h = min(r.y1, box.y1) - max(r.y0, box.y0)
    area = (r.x1 - r.x0) * (r.y1 - r.y0)
    if area <= 0:  # a degenerate image: inside when its centre is
        cx, cy = (r.x0 + r.x1) / 2, (r.y0 + r.y1) / 2
        return float(box.x0 <= cx <= box.x1 and box.y0 <= cy <= box.y1)
    return w * h / area if w > 0 and h > 0 else 0.0


def truth_of(content: PageContent, obj: int, labels: dict[tuple[int, int], str]) -> str:
    mcid = content.object_mcids[obj] if 0 <= obj < len(content.object_mcids) else -1
    return labels.get((content.index, mcid), "decoration") if mcid >= 0 else "decoration"


@dataclass
class FileResult:
    name: str
    images: Tally = field(default_factory=Tally)
    tiny: Tally = field(default_factory=Tally)
    drawings: Tally = field(default_factory=Tally)
    #: Images we call decoration that the author tagged as a figure or as content.
    hidden: list[str] = field(default_factory=list)
    #: Per rule of .figures: the author's label of each image or drawing it set aside.
    rules: dict[str, Counter[str]] = field(default_factory=dict)
    note: str = ""


def score_file(path: Path, tmp: Path) -> FileResult:
    result = FileResult(path.name)
    truth = read_structure(path, max_pages=MAX_PAGES)
    if truth.reader != "structure":
        result.note = "tags unusable: no truth"
        return result
    labels = author_labels(truth)
    stripped = tmp / path.name
    strip_structure(path, stripped)
    found, set_aside = read_recording_rules(stripped)
    figures: dict[int, list[BBox]] = {}
    for block in found.walk():
        if isinstance(block, Figure):
            for p in block.prov:
                figures.setdefault(p.page, []).append(p.bbox)
    decorations: dict[int, list[BBox]] = {}
    for artifact in found.artifacts:
        if artifact.kind == "decoration":
            for p in artifact.prov:
                decorations.setdefault(p.page, []).append(p.bbox)
    pdf = pdfium.PdfDocument(str(path))
    try:
        for index in range(min(len(pdf), len(found.pages))):
            content = read_page(pdf, index)
            page_area = max(content.width * content.height, 1.0)
            ours_boxes = figures.get(index, [])
            for image in content.images:
                said = truth_of(content, image.obj, labels)
                ours = "figure" if any(inside_share(image, b) >= 0.5 for b in ours_boxes) \
                    else "decoration"
                area = (image.x1 - image.x0) * (image.y1 - image.y0)
                tally = result.tiny if area < TINY * page_area else result.images
                tally.pairs[(said, ours)] += 1
                rule = set_aside.get((index, place_of(image)))
                if rule is not None and ours == "decoration" and tally is result.images:
                    result.rules.setdefault(rule, Counter())[said] += 1
                if ours == "decoration" and said != "decoration" and tally is result.images:
                    result.hidden.append(
                        f"p{index + 1} {said} {image.x1 - image.x0:.0f}x{image.y1 - image.y0:.0f}"
                        f" at ({image.x0:.0f},{image.y0:.0f})"
                    )
            shapes = content.paths + content.rules
            for ours, boxes in (("figure", ours_boxes), ("decoration", decorations.get(index, []))):
                for box in boxes:
                    if any(inside_share(i, box) >= 0.5 for i in content.images):
                        continue  # a picture, scored above
                    votes = Counter(truth_of(content, s.obj, labels) for s in shapes
                                    if inside_share(s, box) >= 0.9)
                    if votes:
                        said = votes.most_common(1)[0][0]
                        result.drawings.pairs[(said, ours)] += 1
                        rule = set_aside.get((index, place_of(box)))
                        if rule is not None and ours == "decoration":
                            result.rules.setdefault(rule, Counter())[said] += 1
    finally:
        pdf.close()
    return result


def place_of(r: Rect | BBox) -> tuple[int, int, int, int]:
    return (round(r.x0), round(r.y0), round(r.x1), round(r.y1))


def read_recording_rules(path: Path) -> tuple[Document, dict[tuple[int, tuple[int, ...]], str]]:
    """The layout reader's model, and the rule that set aside each image or drawing set aside
    (by page and box). The reader's call to ``judge`` is wrapped to hear its verdicts."""
    set_aside: dict[tuple[int, tuple[int, ...]], str] = {}
    judge = classify.judge

    def recording(candidates: list[Candidate], *, pages: int) -> dict[int, Verdict]:
        verdicts = judge(candidates, pages=pages)
        for c in candidates:
            verdict = verdicts.get(id(c))
            if verdict is None:
                continue
            kept = {id(r) for r in verdict.kept}
            running = {id(r) for r in verdict.running}
            if c.drawing:
                x0, y0, x1, y1 = c.box
                set_aside[(c.page, (round(x0), round(y0), round(x1), round(y1)))] = verdict.rule
            for r, _ in c.images:
                if id(r) not in kept:
                    rule = "running-image" if id(r) in running else verdict.rule
                    set_aside[(c.page, place_of(r))] = rule
        return verdicts

    classify.judge = recording  # type: ignore[assignment]
    try:
        return reader.read_layout(path, max_pages=MAX_PAGES), set_aside
    finally:
        classify.judge = judge  # type: ignore[assignment]


def fmt(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


def table(title: str, tally: Tally) -> None:
    print(f"{title}:  (rows: the author's tags; columns: ours)")
    print(f"  {'':12} " + " ".join(f"{o:>11}" for o in OURS))
    for t in TRUTHS:
        print(f"  {t:12} " + " ".join(f"{tally.pairs[(t, o)]:11d}" for o in OURS))
    for label in OURS:
        print(f"  {label:10} precision {fmt(tally.precision(label))}  "
              f"recall {fmt(tally.recall(label))}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="substring of the file names to run")
    parser.add_argument("--list", action="store_true",
                        help="list the images we call decoration that the author did not")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"skipped: {SHARED} is absent")
        return 0
    files = sorted((SHARED / "corpus" / "tagged").glob("*.pdf")) + sorted(
        (SHARED / "corpus" / "pdfua" / "PDFUA-Reference-Suite-1.1").glob("*.pdf")
    )
    if args.only:
        files = [f for f in files if args.only in f.name]
    total, tiny, drawings = Tally(), Tally(), Tally()
    rules: dict[str, Counter[str]] = {}
    print(f"{'file':44} {'fig/fig':>7} {'fig/dec':>7} {'con/fig':>7} {'con/dec':>7} "
          f"{'dec/fig':>7} {'dec/dec':>7} {'tiny':>5} {'draw f/d':>9}")
    with tempfile.TemporaryDirectory(prefix="bench-figures-") as tmp:
        for path in files:
            try:
                r = score_file(path, Path(tmp))
            except Exception as e:  # noqa: BLE001 - a crash is a result to report
                r = FileResult(path.name, note=f"CRASH {type(e).__name__}: {e}")
            p = r.images.pairs
            draw = r.drawings.pairs
            fig = p[("figure", "figure")] + p[("fig-no-alt", "figure")]
            hid = p[("figure", "decoration")] + p[("fig-no-alt", "decoration")]
            print(f"{r.name[:44]:44} {fig:7d} {hid:7d}"
                  f" {p[('content', 'figure')]:7d} {p[('content', 'decoration')]:7d}"
                  f" {p[('decoration', 'figure')]:7d} {p[('decoration', 'decoration')]:7d}"
                  f" {sum(r.tiny.pairs.values()):5d}"
                  f" {sum(n for (_, o), n in draw.items() if o == 'figure'):4d}/"
                  f"{sum(n for (_, o), n in draw.items() if o == 'decoration'):<4d} {r.note}",
                  flush=True)
            if args.list:
                for line in r.hidden:
                    print(f"    hidden: {line}")
            for rule, counts in r.rules.items():
                rules.setdefault(rule, Counter()).update(counts)
            total.add(r.images)
            tiny.add(r.tiny)
            drawings.add(r.drawings)
    print()
    table(f"images of {TINY:.1%} of the page or more", total)
    table("tiny images", tiny)
    table("vector drawings (our figures and our decoration)", drawings)
    print("set aside as decoration, per rule (the author's tags; precision = decoration):")
    for rule, counts in sorted(rules.items()):
        n = sum(counts.values())
        labels = ", ".join(f"{label} {counts[label]}" for label in TRUTHS if counts[label])
        print(f"  {rule:16} {n:5d}  precision {counts['decoration'] / n:5.3f}  ({labels})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
