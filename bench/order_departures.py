"""Where the layout reader's reading order departs from the truth's, for one corpus file.

bench/structure.py scores reading order as the normalised Levenshtein similarity of the two
body-word sequences; this prints what lies behind the figure:

1. per page (of the block a word starts in), the similarity and edit distance of that page's
   words, worst first: where the distance is (a block with no box, as the structure reader
   leaves its lists, counts under "p?": the words are in place in the sequence, not missing);
2. each departure (a run of words the two sequences do not share in place), with the page and
   box of the truth block and of the found block it falls in, so that the page image can be
   read at that place (``pdftoppm -r 60 -f P+1 -l P+1 -png FILE /tmp/x``).

A run deleted at one place and inserted at another is a block read elsewhere; a run only
deleted or only inserted is text one reading keeps and the other leaves out of the body (a
running line, a chart's labels). Which reading is the odd one is for the reader of the page
to say: makers' tags move sidebars, tables, footnotes and "key points" boxes to the end of a
document, or read a table's cells in content-stream order.

Usage: .venv/bin/python bench/order_departures.py FILE.pdf [--pages N] [--runs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import structure  # noqa: E402
from rapidfuzz.distance import Levenshtein  # noqa: E402

from workers.engine.captions import without_caption_paragraphs  # noqa: E402
from workers.engine.document import Document, block_text  # noqa: E402

#: One word of a body-word sequence: the word, and where its block starts ("p3 (x0,y0)").
Placed = tuple[str, str]


def placed_words(doc: Document) -> list[Placed]:
    """``structure.body_words`` with the place of the block each word is read in."""
    out: list[Placed] = []
    for block in without_caption_paragraphs(doc.blocks):
        prov = block.prov[0] if block.prov else None
        place = (f"p{prov.page} ({prov.bbox.x0:.0f},{prov.bbox.y0:.0f})" if prov
                 else "p? (no box)")
        out.extend((word, place) for word in structure.words(block_text(block)))
    return out


def page_of(place: str) -> str:
    return place.split(" ", 1)[0]


def per_page(truth: list[Placed], found: list[Placed]) -> list[tuple[int, str]]:
    """Each page's edit distance between the two readings' words, with a line saying it."""
    pages: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    for word, place in truth:
        pages[page_of(place)][0].append(word)
    for word, place in found:
        pages[page_of(place)][1].append(word)
    out = []
    for page, (tw, fw) in pages.items():
        distance = Levenshtein.distance(tw, fw)
        if distance:
            similarity = Levenshtein.normalized_similarity(tw, fw)
            out.append((distance, f"{page:5} distance {distance:5} similarity {similarity:.3f}"
                                  f" (truth {len(tw)} words, ours {len(fw)})"))
    return sorted(out, reverse=True)


def run_text(words: list[Placed], start: int, end: int) -> str:
    if start == end:
        return "-"
    text = " ".join(w for w, _ in words[start:end])
    return f"{words[start][1]}: {text[:110]!r}" + (" ..." if len(text) > 110 else "")


def departures(truth: list[Placed], found: list[Placed]) -> list[tuple[int, str]]:
    """Each run of words the two readings do not share in place, longest first."""
    tw, fw = [w for w, _ in truth], [w for w, _ in found]
    out = []
    for op in Levenshtein.opcodes(tw, fw):
        if op.tag == "equal":
            continue
        size = max(op.src_end - op.src_start, op.dest_end - op.dest_start)
        out.append((size, f"{op.tag} {size} words\n"
                          f"   truth {run_text(truth, op.src_start, op.src_end)}\n"
                          f"   ours  {run_text(found, op.dest_start, op.dest_end)}"))
    return sorted(out, key=lambda d: -d[0])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--pages", type=int, default=10, help="worst pages shown")
    parser.add_argument("--runs", type=int, default=20, help="longest departures shown")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        models = structure.truth_and_layout(args.file, Path(tmp))
    if models is None:
        print(f"{args.file.name}: tags unusable, no truth")
        return 1
    truth, found = (placed_words(doc) for doc in models)
    similarity = Levenshtein.normalized_similarity([w for w, _ in truth], [w for w, _ in found])
    print(f"{args.file.name}: order {similarity:.3f} (truth {len(truth)} words, "
          f"ours {len(found)})\nworst pages:")
    for _, line in per_page(truth, found)[:args.pages]:
        print("  " + line)
    print("longest departures:")
    for _, line in departures(truth, found)[:args.runs]:
        print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
