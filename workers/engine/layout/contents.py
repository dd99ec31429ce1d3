"""Tables of contents: runs of entries "title ...... page" read as one contents list.

The classifier reads a contents page line by line as paragraphs (or, for numbered entries, as
a list). An entry shows itself by its page number at the end of the line, after leader dots
or set apart on the line's right; a run of them is a table of contents when the page numbers
go on growing, and either most entries have leaders, or most link to pages of the document,
or a "Contents" heading stands above them. Price lists ("Coffee .... 3.50"), forms
("Name ........") and tables of values fail those tests: decimals are no page numbers, a form
has no numbers, values do not grow down the page like page numbers.

Entries nest by their indent (or, set flush, by their numbering: "1.2" under "1"); the result
is a :class:`~..document.ListBlock` with ``contents=True`` whose items carry the printed page
number (``page_label``) and a link to the page the PDF's link annotation leads to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..document import (
    PAGE_TARGET,
    BBox,
    Block,
    Document,
    Heading,
    Link,
    ListBlock,
    ListItem,
    Paragraph,
    Prov,
    Table,
    contents_title,
    page_target,
)

#: The heading of a table of contents, in the languages of the corpus and their neighbours.
CONTENTS_HEADING = re.compile(
    r"^(?:table\s+of\s+contents|contents|sommaire|table\s+des\s+mati[eè]res|"
    r"inhalt|inhaltsverzeichnis|[ií]ndice|inhoud(?:sopgave)?|innehåll|"
    r"indholdsfortegnelse|spis\s+treści|sisällys(?:luettelo)?)\s*:?$",
    re.IGNORECASE,
)
_PAGE = r"\d{1,4}|[ivxlc]{1,6}|[IVXLC]{1,6}"
#: "Title ..... 12": a title, four leader dots or more (prose has three), a page number.
_LEADERED = re.compile(
    rf"^(?P<title>.*?[^\s.\u00b7\u2026_])\s*(?:[.\u00b7\u2024\u2025\u2026\u22ef_]\s*){{4,}}"
    rf"(?P<page>{_PAGE})$"
)
_ENDS_LEADERED = re.compile(
    rf"[^\s.\u00b7\u2026_]\s*(?:[.\u00b7\u2024\u2025\u2026\u22ef_]\s*){{4,}}(?:{_PAGE})$"
)
_LONE_PAGE = re.compile(rf"^(?:{_PAGE})$")
_LEADING_NUMBER = re.compile(r"^(\d+(?:\.\d+)*)\.?\s")
#: A run of entries is read as contents from this many entries without a heading above.
MIN_UNTITLED_ENTRIES = 3


@dataclass
class _Entry:
    text: str
    page: str
    prov: list[Prov]
    #: Leader dots between title and number (the strongest sign of an entry).
    leaders: bool
    #: Index in the list of blocks of the last block it takes.
    last: int
    links: list[Link] = field(default_factory=list)
    label: str = ""
    label_prov: list[Prov] = field(default_factory=list)
    #: For entries the classifier already made a list of: that list, kept whole.
    kept: ListBlock | None = None


def ends_with_page_number(line: str) -> bool:
    """The line ends as a contents entry does: leader dots, then a page number."""
    line = line.strip()
    if not line[-1:].isalnum() or not has_leaders(line):
        return False  # (cheap tests first: this is asked of many lines)
    return _ENDS_LEADERED.search(line) is not None


#: Runs of leader dots (or rules).
_LEADER_RUNS = (
    "....", ". . . .", "\u2026", "____", "\u00b7\u00b7", "\u2025", "\u22ef", "\u2024\u2024",
)


def has_leaders(text: str) -> bool:
    """The text has a run of leader dots (or rules) in it."""
    # (A substring test for each kind of run: a third of the time of one search for any of
    # them, which tried the alternatives at every dot of the text; asked of every page's
    # text and of every line block building sees.)
    # (A loop, not any() over a generator: resuming it for each kind cost more than the
    # substring tests themselves on a line's text.)
    for run in _LEADER_RUNS:  # noqa: SIM110
        if run in text:
            return True
    return False


def is_page_number(text: str) -> bool:
    """The text is a page number alone ("12", "iv")."""
    return _LONE_PAGE.match(text.strip()) is not None


def find_contents(doc: Document, page_links: dict[int, list[tuple[BBox, int]]]) -> None:
    """Replace runs of contents entries among ``doc.blocks`` by contents lists, in place.
    ``page_links``: per page, the boxes of link annotations and the page index each leads to
    (boxes in the space of the model's boxes)."""
    blocks = doc.blocks
    out: list[Block] = []
    at = 0
    while at < len(blocks):
        run = _run(blocks, at, page_links)
        if run and _is_contents(run, bool(out) and _is_contents_heading(out[-1])):
            out.append(_contents_list(run))
        elif run:
            # Not contents (an index, a price list): none of its parts is either.
            _drop_leaders(run, blocks)
            out.extend(blocks[at:run[-1].last + 1])
        else:
            out.append(blocks[at])
        at = run[-1].last + 1 if run else at + 1
    doc.blocks = out


def _drop_leaders(run: list[_Entry], blocks: list[Block]) -> None:
    """An index's entries, "term ....... 12", read "term, 12": the leader dots lead the eye
    across a printed column and say nothing read aloud or reflowed (a contents list drops
    them in its outputs; an index stays paragraphs, and drops them here). Only entries read
    whole from one paragraph are rewritten."""
    for entry in run:
        block = blocks[entry.last]
        if (not entry.leaders or not isinstance(block, Paragraph)
                or block.text.strip() != entry.text):
            continue
        leadered = _LEADERED.match(entry.text)
        if leadered:
            block.text = f"{leadered['title']}, {leadered['page']}"


def _run(
    blocks: list[Block], at: int, page_links: dict[int, list[tuple[BBox, int]]]
) -> list[_Entry]:
    run: list[_Entry] = []
    while at < len(blocks):
        if run and _absorb_number(run[-1], blocks[at]):
            run[-1].last = at
            at += 1
            continue
        block = blocks[at]
        if isinstance(block, Table):
            rows = _table_entries(block, at, page_links)
            if rows is None:
                break
            run.extend(rows)
            at += 1
            continue
        label = _label_before(blocks, at)
        entry = _entry(blocks, at + 1 if label else at, page_links)
        if entry is None:
            break
        if label is not None:
            entry.label, entry.label_prov = label.text.strip(), list(label.prov)
        run.append(entry)
        at = entry.last + 1
    return run


def _table_entries(
    table: Table, at: int, page_links: dict[int, list[tuple[BBox, int]]]
) -> list[_Entry] | None:
    """A table whose rows are each a title and a page number in its last column (the
    classifier reads the numbers' column as a table column): one entry a row. Weak entries,
    as a table of values looks the same: kept under a contents heading or with links only."""
    out: list[_Entry] = []
    for row in table.rows:
        filled = [cell for cell in row.cells if cell.text.strip()]
        if len(filled) != 2 or not filled[0].prov or not filled[1].prov:
            return None
        title, number = filled[0].text.strip(), filled[1].text.strip()
        if not _LONE_PAGE.match(number) or not re.search(r"[^\W\d_]", title):
            return None
        prov = [*filled[0].prov, *filled[1].prov]
        out.append(_Entry(f"{title} {number}", number, prov, False, at,
                          _links(prov, title, page_links)))
    return out or None


def _absorb_number(entry: _Entry, block: Block) -> bool:
    """A lone page number set beside one of an entry's lines: a line the classifier joined
    to the next entry's ("1 Chapter   2" above "1.1 Section ..... 2"), read with the entry."""
    if not (isinstance(block, Paragraph) and block.prov and _LONE_PAGE.match(block.text.strip())
            and entry.kept is None):
        return False
    number, whole = block.prov[0].bbox, entry.prov[-1].bbox
    if block.prov[0].page != entry.prov[-1].page or not (
        number.x0 > whole.x0 and whole.y0 - 1 <= number.y0 and number.y1 <= whole.y1 + 1
    ):
        return False
    entry.text = f"{entry.text} {block.text.strip()}"
    entry.prov.extend(block.prov)
    return True


_NUMBER_LABEL = re.compile(r"^(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[IVXLC]+\.)$")


def _label_before(blocks: list[Block], at: int) -> Paragraph | None:
    """A number read apart from the entry it numbers, set left of it on its first line
    ("1." in a column of its own, then "Mise en contexte ..... 4"): the entry's label."""
    block = blocks[at]
    following = blocks[at + 1] if at + 1 < len(blocks) else None
    if (
        isinstance(block, Paragraph)
        and isinstance(following, Paragraph)
        and block.prov
        and following.prov
        and _NUMBER_LABEL.match(block.text.strip())
        and block.prov[0].page == following.prov[0].page
        and block.prov[0].bbox.x1 < following.prov[0].bbox.x0
        and following.prov[0].bbox.y0 - 2 <= block.prov[0].bbox.y0 <= following.prov[0].bbox.y1
    ):
        return block
    return None


def _entry(
    blocks: list[Block], at: int, page_links: dict[int, list[tuple[BBox, int]]]
) -> _Entry | None:
    block = blocks[at]
    if isinstance(block, ListBlock):
        return _list_entry(block, at, page_links)
    if not isinstance(block, Paragraph | Heading) or not block.prov:
        return None
    text = block.text.strip()
    leadered = _LEADERED.match(text) if ends_with_page_number(text) else None
    if leadered and re.search(r"[^\W\d_]", leadered["title"]):
        return _Entry(text, leadered["page"], list(block.prov), True, at,
                      _links(block.prov, leadered["title"], page_links))
    following = blocks[at + 1] if at + 1 < len(blocks) else None
    if (
        isinstance(block, Paragraph)
        and isinstance(following, Paragraph)
        and following.prov
        and _LONE_PAGE.match(following.text.strip())
        and _beside(block.prov[-1], following.prov[0])
        and re.search(r"[^\W\d_]", text)
    ):
        # "1 Document structures            1": the number set apart on the title's line.
        prov = [*block.prov, *following.prov]
        page = following.text.strip()
        return _Entry(f"{text} {page}", page, prov, False, at + 1,
                      _links(prov, text, page_links))
    if isinstance(block, Paragraph) and _covered(block.prov, page_links):
        # An entry set without a page number, the whole line a link to its page.
        return _Entry(text, "", list(block.prov), False, at,
                      _links(block.prov, text, page_links))
    return None


def _covered(prov: list[Prov], page_links: dict[int, list[tuple[BBox, int]]]) -> bool:
    """Every part of the block lies under one link annotation (its width mostly)."""
    if not prov or not all(page_links.get(part.page) for part in prov):
        return False
    for part in prov:
        box = part.bbox
        if not any(
            _overlap(link, box) and min(link.x1, box.x1) - max(link.x0, box.x0)
            >= 0.8 * box.width
            for link, _ in page_links.get(part.page, [])
        ):
            return False
    return True


def _list_entry(
    block: ListBlock, at: int, page_links: dict[int, list[tuple[BBox, int]]]
) -> _Entry | None:
    """A list the classifier made of numbered entries ("1. Introduction ..... 3"), when every
    item of it (nested ones too) is an entry with leaders: it is kept, made a contents list."""
    pages = _list_pages(block)
    if pages is None or not block.items or not block.items[0].prov:
        return None
    first = block.items[0]
    # Marked (page numbers, links) now, unmarked if the run is not kept (_is_contents).
    _mark_list(block, page_links)
    links = [link for item in _items(block) for b in item.blocks
             if isinstance(b, Paragraph) for link in b.links]
    return _Entry(first.text, pages[0], list(first.prov), True, at, links, kept=block)


def _list_pages(block: ListBlock) -> list[str] | None:
    pages: list[str] = []
    for item in _items(block):
        match = _LEADERED.match(item.text.strip())
        if match is None:
            return None
        pages.append(match["page"])
    return pages


def _items(block: ListBlock) -> list[ListItem]:
    out: list[ListItem] = []
    for item in block.items:
        out.append(item)
        for inner in item.blocks:
            if isinstance(inner, ListBlock):
                out.extend(_items(inner))
    return out


def _mark_list(block: ListBlock, page_links: dict[int, list[tuple[BBox, int]]]) -> None:
    for item in block.items:
        match = _LEADERED.match(item.text.strip())
        item.page_label = match["page"] if match else ""
        for inner in item.blocks:
            if isinstance(inner, ListBlock):
                _mark_list(inner, page_links)
            elif isinstance(inner, Paragraph) and not inner.links and match:
                inner.links = _links(inner.prov, match["title"], page_links)


def _beside(title: Prov, number: Prov) -> bool:
    """The number is on the title's (last) line, clearly right of it."""
    a, b = title.bbox, number.bbox
    height = max(b.height, 1.0)
    return (
        title.page == number.page
        and b.x0 > a.x1 + height
        and abs(b.y0 - a.y0) < 0.5 * height
    )


def _links(
    prov: list[Prov], title: str, page_links: dict[int, list[tuple[BBox, int]]]
) -> list[Link]:
    """The entry's link to a page of the document, when a link annotation covers it."""
    for part in prov:
        for box, target in page_links.get(part.page, []):
            if _overlap(box, part.bbox):
                return [Link(title.strip(), page_target(target), [Prov(part.page, box)])]
    return []


def _overlap(a: BBox, b: BBox) -> bool:
    # (Asked of every entry against every link of its page: min() and max() of two values
    # spelled out with their exact semantics, ``min(p, q)`` is ``q if q < p else p``, and
    # ``max(p, q)`` is ``q if q > p else p``.)
    ax0, ay0, ax1, ay1 = a.x0, a.y0, a.x1, a.y1
    bx0, by0, bx1, by1 = b.x0, b.y0, b.x1, b.y1
    a_height, b_height = ay1 - ay0, by1 - by0
    height = b_height if b_height < a_height else a_height
    y = (by1 if by1 < ay1 else ay1) - (by0 if by0 > ay0 else ay0)
    return (bx1 if bx1 < ax1 else ax1) > (bx0 if bx0 > ax0 else ax0) and y > 0.5 * height


def _is_contents_heading(block: Block) -> bool:
    return isinstance(block, Heading | Paragraph) and bool(
        CONTENTS_HEADING.match(" ".join(block.text.split()))
    )


def _is_contents(run: list[_Entry], titled: bool) -> bool:
    keep = _judge(run, titled)
    if not keep:
        for entry in run:
            if entry.kept is not None:
                _unmark(entry.kept)
    return keep


def _judge(run: list[_Entry], titled: bool) -> bool:
    if not _growing([entry.page for entry in run]):
        return False
    if titled:
        return True
    if len(run) < MIN_UNTITLED_ENTRIES:
        return False
    if not all(entry.page for entry in run):
        # Lines that are links and no more (a chapter's list of its sections): each to a
        # page further on than the one before, as a table of contents leads.
        targets = [_target_page(entry) for entry in run]
        return all(t is not None for t in targets) and _growing(
            [str(t) for t in targets], backwards_allowed=0)
    with_leaders = sum(entry.leaders for entry in run)
    linked = sum(bool(entry.links) for entry in run)
    return 2 * with_leaders >= len(run) or 2 * linked >= len(run)


def _growing(pages: list[str], backwards_allowed: int | None = None) -> bool:
    """Page numbers never go back by much down a table of contents (roman numbers of the
    front matter are left out; a step back in ten is allowed, a new part counting anew)."""
    numbers = [int(page) for page in pages if page.isdigit()]
    backwards = sum(1 for a, b in zip(numbers, numbers[1:], strict=False) if b < a)
    allowed = len(numbers) // 10 if backwards_allowed is None else backwards_allowed
    return backwards <= allowed


def _target_page(entry: _Entry) -> int | None:
    """The page the entry's link leads to (counted from 1), when it is linked."""
    for link in entry.links:
        target = PAGE_TARGET.match(link.target)
        if target:
            return int(target[1])
    return None


def _unmark(block: ListBlock) -> None:
    for item in _items(block):
        item.page_label = ""
        for inner in item.blocks:
            if isinstance(inner, Paragraph):
                inner.links = [link for link in inner.links if not link.target.startswith(
                    "#page=")]


def _contents_list(run: list[_Entry]) -> ListBlock:
    """The entries as one contents list, nested by indent (or numbering, set flush)."""
    top = ListBlock([], ordered=False, prov=list(run[0].prov), contents=True)
    depths = _depths(run)
    stack: list[tuple[int, ListBlock]] = [(0, top)]
    for entry, depth in zip(run, depths, strict=True):
        if entry.kept is not None:
            _as_contents(entry.kept)
            stack = [(0, top)]
            if entry.kept.items:
                top.items.extend(entry.kept.items)
            continue
        while len(stack) > 1 and depth < stack[-1][0]:
            stack.pop()
        if depth > stack[-1][0] and stack[-1][1].items:
            inner = ListBlock([], ordered=False, prov=list(entry.prov), contents=True)
            stack[-1][1].items[-1].blocks.append(inner)
            stack.append((depth, inner))
        stack[-1][1].items.append(_item(entry))
    return top


def _as_contents(block: ListBlock) -> None:
    block.contents = True
    for item in block.items:
        for inner in item.blocks:
            if isinstance(inner, ListBlock):
                _as_contents(inner)


def _item(entry: _Entry) -> ListItem:
    paragraph = Paragraph(entry.text, list(entry.prov), entry.links)
    item = ListItem(entry.label, [paragraph], list(entry.prov), list(entry.label_prov),
                    page_label=entry.page)
    if entry.links:
        entry.links[0].text = contents_title(item)
    return item


def _depths(run: list[_Entry]) -> list[int]:
    """Each entry's depth: the rank of its indent among the indents of its column's entries
    (facing pages have their own margins, the columns of a page theirs), or where every
    column sets its entries flush, the depth of its numbering ("1" 0, "1.2" 1, "1.2.3" 2)."""
    tolerance = 3.0
    columns = _columns(run)
    indents: dict[tuple[int, int], list[float]] = {}
    for left, column in sorted(
        ((entry.prov[0].bbox.x0, column) for entry, column in zip(run, columns, strict=True)),
    ):
        known = indents.setdefault(column, [])
        if not known or left - known[-1] > tolerance:
            known.append(left)
    if any(len(known) > 1 for known in indents.values()):
        return [
            next(k for k, x in enumerate(indents[column])
                 if entry.prov[0].bbox.x0 - x <= tolerance)
            for entry, column in zip(run, columns, strict=True)
        ]
    depths = []
    for entry in run:
        number = _LEADING_NUMBER.match(entry.label or entry.text)
        depths.append(number[1].count(".") if number else 0)
    return depths


def _columns(run: list[_Entry]) -> list[tuple[int, int]]:
    """Each entry's column: its page, and how many times the entries before it on that page
    went back up and to the right (contents set in two columns read down the first, then
    the second)."""
    out: list[tuple[int, int]] = []
    before: Prov | None = None
    for entry in run:
        first = entry.prov[0]
        if before is None or before.page != first.page:
            out.append((first.page, 0))
        else:
            higher = first.bbox.y1 > before.bbox.y1 + 0.5 * first.bbox.height
            out.append((first.page, out[-1][1] + (higher and first.bbox.x0 > before.bbox.x0)))
        before = first
    return out
