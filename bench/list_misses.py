"""The list items the layout reader misses and invents on the held-out set, each with its cause.

bench/heldout.py gives list-item F1 per file; this prints the items behind the figure, matched
as bench/structure.py's ``score`` matches them (normalised text, greedy, cutoff 80):

- ``missed``: a truth item no found item matches, with what the layout reader made of its text
  (the found block holding most of its words: a paragraph, a heading, a list item of other
  words, ...);
- ``false``: a found item no truth item matches, with what the truth makes of its text.

Each line says whose the item is. The truth is the makers' tags, and some of their items are
no list item a reader would name: WeasyPrint tags each ``<dt>`` and each ``<dd>`` of a
definition list as an ``LI`` of its own (its tags.py: "TODO: dt should be different"), so a
term and its definition are two items. As bench/heldout.py does, such truth items (found by
their text among the source HTML's ``<dt>``/``<dd>``) are left out of a WeasyPrint PDF's
truth (counted as "left out"); a found item that is a term or a definition is marked
``maker:dt`` / ``maker:dd``. WeasyPrint also tags an item
broken across a column or a page as two ``LI``, the second with no label: both parts, and
the whole item found, are marked ``maker:split``. LibreOffice tags each paragraph of an item
that holds several as an ``LI`` of its own (the first holding the item's number in its text,
the rest unlabelled, at the item's body indent): a truth item that is one paragraph of a
longer ``<li>`` of the source HTML, and a found item holding two such parts, are marked
``maker:para``. A found item whose number or letter ("(1)", "B.") the truth keeps as the start
of a paragraph's text is one the maker did not see as a list (a plain-text README's "(1) ..."
lines, set as paragraphs), and so is one whose label and first words open a line of the source
HTML after a hard break (a ``<br>``, a ``<pre>``'s newline: a plain-text file's "(2) Run gdb"
or "* a GDB attached" line, which the makers set inside a paragraph): marked
``truth:typed``. Words that are both a ``<dt>`` and an ``<li>`` of the source (a contents'
entry and a step, "Parse the Stylesheet"): an item of them found over the ``<li>``'s count
is marked ``maker:dt``. A list set in a table's cell is read by
the structure reader as the cell's text: an item found there is marked ``truth:cell``. The
rest are ``ours``.

Usage: .venv/bin/python bench/list_misses.py [--only SUBSTR] [--maker M] [--summary]
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import heldout  # noqa: E402
import structure  # noqa: E402
from lxml import html as lxml_html  # noqa: E402

from workers.engine.document import (  # noqa: E402
    Block,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Prov,
    Table,
    block_text,
)


@dataclass
class FileReport:
    name: str
    truth: int = 0
    found: int = 0
    matched: int = 0
    #: Truth items that are a definition list's term or definition, left out (WeasyPrint).
    left_out: int = 0
    missed: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    causes: Counter[str] = field(default_factory=Counter)


def leaves(doc: Document) -> list[Block]:
    """Blocks that hold text of their own: list items, headings, paragraphs, tables, ..."""
    return [b for b in doc.walk() if not isinstance(b, ListBlock)]


def kind(block: Block) -> str:
    if isinstance(block, Heading):
        return f"H{block.level}"
    if isinstance(block, ListItem):
        return "item"
    if isinstance(block, Paragraph):
        return "paragraph"
    if isinstance(block, Table):
        return "table"
    return type(block).__name__.lower()


def best_holder(text: str, blocks: list[Block]) -> tuple[Block | None, float]:
    """The block of the other reading whose words hold most of ``text``'s words, and the
    share of them it holds."""
    best: Block | None = None
    best_share = 0.0
    for block in blocks:
        share = held_in(text, block.text if isinstance(block, ListItem) else block_text(block))
        if share > best_share:
            best, best_share = block, share
    return best, best_share


def holder(text: str, blocks: list[Block]) -> str:
    """:func:`best_holder`, said."""
    block, share = best_holder(text, blocks)
    if block is None:
        return "nowhere"
    own = block.text if isinstance(block, ListItem) else block_text(block)
    return f"{kind(block)} {structure.norm(own)[:50]!r} ({share:.0%})"


def held_in(text: str, whole: str) -> float:
    """The share of ``text``'s words found in ``whole``."""
    want = Counter(structure.words(text))
    if not want:
        return 0.0
    return sum((want & Counter(structure.words(whole))).values()) / sum(want.values())


#: Words of a piece of an item held in the whole it is part of, at least.
PART_HELD = 0.9


def split_items(items: list[ListItem], others: list[ListItem]) -> set[int]:
    """``items`` that are parts of one item of ``others``, with the item before or after
    them: a maker tags an item broken across a column or a page as two ``LI``, the second
    with no label (WeasyPrint does; the layout reader reads the item whole, as a reader
    does). Both parts are marked."""
    out: set[int] = set()
    for k in range(1, len(items)):
        first, second = items[k - 1], items[k]
        if second.label or not structure.words(second.text) or not broken_at(first, second):
            continue
        for whole in others:
            if (held_in(first.text, whole.text) >= PART_HELD
                    and held_in(second.text, whole.text) >= PART_HELD):
                out.update((k - 1, k))
                break
    return out


#: A leading list number or letter in an item's normalised text ("2 verbatim copying"): the
#: label a maker kept in the item's text, which the source ``<li>``'s text has not.
_LEADING_LABEL = re.compile(r"^(?:\d+|[a-z]|[ivxlc]+) ")


def li_texts(kinds: dict[str, str]) -> set[str]:
    """The own text of each ``<li>`` of the source HTML (``heldout.html_item_texts``)."""
    return {text for text, tag in kinds.items() if tag == "li"}


def is_paragraph_of_item(text: str, lis: set[str], before: str = "") -> bool:
    """Whether normalised ``text`` is one paragraph of an ``<li>`` that holds more: its
    start, or a long enough piece of it, but not the whole (an item read whole is no part).
    A shorter piece (a line of code, "ninja_dyndep_version 1") counts as a paragraph of an
    ``<li>`` that holds it between words and holds ``before`` too, the truth item before it
    (the item's paragraph before, found so)."""
    bare = _LEADING_LABEL.sub("", text)
    if not bare or text in lis or bare in lis:
        return False
    before_bare = _LEADING_LABEL.sub("", before)
    return any(
        holds_part(whole, bare)
        or (bool(before_bare) and f" {bare} " in f" {whole} " and holds_part(whole, before_bare))
        for whole in lis
    )


def holds_part(whole: str, part: str) -> bool:
    """Whether an ``<li>``'s normalised text ``whole`` starts with ``part`` or holds it, when
    it is long enough to tell."""
    return whole.startswith(part) or (len(part) >= heldout.PART_CHARS and part in whole)


def paragraphs_outside_items(doc: Document) -> list[Paragraph]:
    """``doc``'s paragraphs in reading order, but those of its list items."""
    inside = {id(b) for item in doc.walk() if isinstance(item, ListItem) for b in item.blocks}
    return [b for b in doc.walk() if isinstance(b, Paragraph) and id(b) not in inside]


def label_typed_in(item: ListItem, blocks: list[Paragraph]) -> bool:
    """Whether a paragraph of ``blocks`` holds ``item``'s label and first words where a
    sentence starts: the maker set a typed numbered line as a paragraph. Only a label with a
    letter or a digit counts (a bullet's sign leaves no word to find)."""
    start = " ".join(structure.words(item.text)[:5])
    if not structure.words(item.label) or not start:
        return False
    for k, block in enumerate(blocks):
        text = block_text(block)
        # (A paragraph that starts with it continues the one before when that one stops
        # mid-sentence: a line the maker tagged as a paragraph of its own.)
        before = block_text(blocks[k - 1]).rstrip() if k else ""
        if before and not before.endswith(_SENTENCE_END):
            text = f"{before} {text}"
        if typed_at_sentence_start(item.label, start, text):
            return True
    return False


#: What may come before a typed label that starts a sentence: nothing, or a sentence's end.
_SENTENCE_END = (".", ":", ";", "!", "?")


def typed_at_sentence_start(label: str, start: str, text: str) -> bool:
    """Whether ``text`` holds ``label`` followed by the normalised words ``start``, at its
    beginning or after a sentence's end (a number a wrapped sentence brings to a line's
    start, "(the value\n1) to", follows a word)."""
    at = text.find(label)
    while at >= 0:
        before = text[:at].rstrip()
        after = structure.norm(text[at + len(label):])
        if (not before or before.endswith(_SENTENCE_END)) and after.startswith(start):
            return True
        at = text.find(label, at + 1)
    return False


#: Elements whose start and end break a line wherever their text is.
_BLOCK_ELEMENTS = frozenset((
    "p", "div", "pre", "li", "dt", "dd", "blockquote", "td", "th", "tr", "table",
    "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl",
))


def hard_lined_text(html_text: str) -> str:
    """The source HTML's text with a newline only where a line is broken for sure: at a
    ``<br>``, at a block's start and end, and at each newline of a ``<pre>``; the newlines
    of the rest are a source's wrapping, read as spaces."""
    root = lxml_html.fromstring(html_text)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        in_pre = element.tag == "pre" or any(a.tag == "pre" for a in element.iterancestors())
        tail_in_pre = any(a.tag == "pre" for a in element.iterancestors())
        text, tail = element.text or "", element.tail or ""
        if not in_pre:
            text = text.replace("\n", " ")
        if not tail_in_pre:
            tail = tail.replace("\n", " ")
        if element.tag in _BLOCK_ELEMENTS:
            text, tail = "\n" + text, "\n" + tail
        elif element.tag == "br":
            tail = "\n" + tail
        element.text, element.tail = text, tail
    return str(root.text_content())


def typed_at_line_start(item: ListItem, lined_text: str) -> bool:
    """Whether the source's text (:func:`hard_lined_text`) holds ``item``'s label at a line's
    start, followed by its first words: a plain-text file's numbered or bulleted line ("(2)
    Run gdb ...", "* a GDB attached ..."), set by the maker as a line of a paragraph. Any
    label counts here, a bullet's sign too: one that the page draws from a ``<ul>``'s style is
    in no source text."""
    label = item.label.strip()
    start = " ".join(structure.words(item.text)[:5])
    if not label or not start:
        return False
    at = lined_text.find(label)
    while at >= 0:
        line_start = lined_text.rfind("\n", 0, at) + 1
        after = structure.norm(lined_text[at + len(label):at + len(label) + 4 * len(start)])
        if not lined_text[line_start:at].strip() and after.startswith(start):
            return True
        at = lined_text.find(label, at + 1)
    return False


def provs(block: ListItem) -> list[Prov]:
    return block.prov or [p for b in block.blocks for p in getattr(b, "prov", [])]


def broken_at(first: ListItem, second: ListItem) -> bool:
    """Whether ``second`` starts where ``first`` breaks off: on a later page, or in the next
    column (right of all of ``first``), not under it (a point nested in it)."""
    a, b = provs(first), provs(second)
    if not a or not b:
        return False
    if b[0].page != a[-1].page:
        return True
    return b[0].bbox.x0 >= max(p.bbox.x1 for p in a if p.page == b[0].page)


def where(block: ListItem) -> str:
    found = provs(block)
    if not found:
        return "p?"
    p = found[0]
    return f"p{p.page + 1} x{p.bbox.x0:.0f} y{p.bbox.y0:.0f}"


def report(path: Path, html_text: str, tmp: Path) -> FileReport:
    kinds, counts = heldout.html_item_texts(html_text), heldout.html_item_counts(html_text)
    out = FileReport(path.name)
    models = structure.truth_and_layout(path, tmp)
    if models is None:
        return out
    truth, found = models
    ti, fi = structure.items(truth), structure.items(found)
    if path.name.endswith(".weasyprint.pdf"):  # as bench/heldout.py scores it
        own_item = heldout.list_item_of_its_own(kinds, counts)
        kept = [i for i in ti if own_item(i)]  # (once: own_item counts what it keeps)
        out.left_out, ti = len(ti) - len(kept), kept
    tn, fn = [structure.norm(i.text) for i in ti], [structure.norm(i.text) for i in fi]
    pairs = structure.match_texts(tn, fn, 80)
    out.truth, out.found, out.matched = len(ti), len(fi), len(pairs)
    hit_t, hit_f = {i for i, _ in pairs}, {j for _, j in pairs}
    truth_leaves, found_leaves = leaves(truth), leaves(found)
    truth_paragraphs = paragraphs_outside_items(truth)
    lined_text = functools.cache(lambda: hard_lined_text(html_text))
    # (An item the maker tagged in two parts: both parts miss, and the whole is found false.)
    split = split_items(ti, fi)
    whole_of_split = {
        j for j, item in enumerate(fi)
        if sum(held_in(ti[i].text, item.text) >= PART_HELD for i in split) >= 2
    }
    # (An item of several paragraphs the maker tagged one LI a paragraph: the parts miss, and
    # the whole is found false.)
    lis = li_texts(kinds)
    para = {i for i in range(len(ti))
            if i not in split and is_paragraph_of_item(tn[i], lis, tn[i - 1] if i else "")}
    whole_of_para = {
        j for j, item in enumerate(fi)
        if sum(held_in(ti[i].text, item.text) >= PART_HELD for i in para) >= 2
    }
    for i, item in enumerate(ti):
        if i in hit_t:
            continue
        tag = heldout.element_of(tn[i], kinds, item.label)
        whose = (f"maker:{tag}" if tag in ("dt", "dd")
                 else "maker:split" if i in split
                 else "maker:para" if i in para else "ours")
        out.causes[f"missed {whose}"] += 1
        out.missed.append(f"  missed [{whose}] {where(item)} {item.label!r} {tn[i][:70]!r}"
                          f"\n         found as: {holder(item.text, found_leaves)}")
    for j, item in enumerate(fi):
        if j in hit_f:
            continue
        tag = heldout.element_of(fn[j], kinds, item.label)
        if all(heldout.term_and_item(fn[j], counts)):
            # (Words that are a term and an item too: the truth's items of them are matched
            # first, so one left over is a term.)
            tag = "dt"
        in_truth, share = best_holder(item.text, truth_leaves)
        whose = (f"maker:{tag}" if tag in ("dt", "dd")
                 else "maker:split" if j in whole_of_split
                 else "maker:para" if j in whole_of_para
                 else "truth:cell" if isinstance(in_truth, Table) and share >= PART_HELD
                 else "truth:typed" if (label_typed_in(item, truth_paragraphs)
                                        or typed_at_line_start(item, lined_text()))
                 else "ours")
        out.causes[f"false {whose}"] += 1
        out.false.append(f"  false  [{whose}] {where(item)} {item.label!r} {fn[j][:70]!r}"
                         f"\n         truth: {holder(item.text, truth_leaves)}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="substring of the PDF names to run")
    parser.add_argument("--maker", choices=heldout.MAKERS, help="only this maker's PDFs")
    parser.add_argument("--summary", action="store_true", help="counts only, no items")
    args = parser.parse_args()
    makers = heldout.available_makers()
    if args.maker:
        makers = tuple(m for m in makers if m == args.maker)
    todo = [j for j in heldout.jobs(heldout.sources(), makers) if j.pdf.is_file()]
    if args.only:
        todo = [j for j in todo if args.only in j.pdf.name]
    total: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for job in todo:
            r = report(job.pdf, job.html, Path(tmp))
            total.update(r.causes)
            f1 = structure.f1(r.matched, r.truth, r.found)
            left_out = f" (left out: {r.left_out} dt/dd)" if r.left_out else ""
            print(f"{r.name}: truth {r.truth}{left_out} found {r.found} matched {r.matched} "
                  f"F1 {structure.fmt(f1)} {dict(r.causes)}", flush=True)
            if not args.summary:
                for line in [*r.missed, *r.false]:
                    print(line)
    print(f"\nall: {dict(total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
