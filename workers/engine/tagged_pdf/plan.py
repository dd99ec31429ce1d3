"""The structure to write, planned from the Document model before any PDF object is made.

A :class:`Node` is a structure element to be: a standard role (``Document``, ``H1``…, ``P``,
``L``/``LI``/``Lbl``/``LBody``, ``TOC``/``TOCI``/``Reference``,
``Table``/``THead``/``TBody``/``TR``/``TH``/``TD``, ``Figure``/``Caption``, ``Note``), its
attributes, children, and — for the elements that draw content themselves (*leaves*) — the
provenance whose operators they claim. Leaves are numbered
in reading order; that order decides who owns an operator two blocks both claim (a list label
comes before its body, and gives its drawing to the body where the two cannot be told apart:
:func:`.marked_content.yield_labels`).

>>> root = plan_structure(document)  # doctest: +SKIP
>>> [leaf.role for leaf in root.leaves()][:3]  # doctest: +SKIP
['H1', 'P', 'P']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from ..captions import caption_paragraphs
from ..document import (
    Block,
    Cell,
    Document,
    Figure,
    Heading,
    Link,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Prov,
    Table,
    block_text,
)
from ..heading_levels import HeadingLevels


@dataclass
class Node:
    role: str
    children: list[Node] = field(default_factory=list)
    #: Leaves only: where the content they draw came from.
    prov: list[Prov] = field(default_factory=list)
    #: The model's text of a leaf (for the fidelity check).
    text: str = ""
    alt: str | None = None
    #: Table header cells: "Row", "Column" or "Both".
    scope: str | None = None
    row_span: int = 1
    col_span: int = 1
    #: Why a person must look at this element (a figure without alternative text).
    review: str | None = None
    #: The element's language where it differs from what holds it (``/Lang``).
    lang: str | None = None
    #: A list's ``/ListNumbering`` attribute where one is written ("None": a definition
    #: list's terms are its labels, no numbers or bullets).
    numbering: str | None = None
    #: Set while numbering leaves; -1 for containers.
    leaf_id: int = -1
    #: A ``Lbl`` leaf: the body leaf that takes its drawing where the label's glyphs cannot be
    #: separated from the body's (one text operator the tagger could not split).
    yields_to: Node | None = field(default=None, repr=False, compare=False)
    #: A leaf with children: whether its own marked content comes before them (False for a
    #: figure whose caption is set above it: the ``Caption`` is its first child).
    content_first: bool = True

    @property
    def is_leaf(self) -> bool:
        return self.leaf_id >= 0

    def walk(self) -> Iterator[Node]:
        """This node and all below it, depth first, in document order."""
        # With a stack, not nested generators: those pass every node up through each of its
        # ancestors, and the tree is walked many times over.
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def leaves(self) -> list[Node]:
        return [node for node in self.walk() if node.is_leaf]


def plan_structure(document: Document) -> Node:
    root = Node("Document", _sequence(document.blocks))
    for number, leaf in enumerate(n for n in root.walk() if n.prov or n.role in _CELLS):
        leaf.leaf_id = number
    return root


_CELLS = ("TH", "TD")


def _sequence(blocks: list[Block]) -> list[Node]:
    """The nodes of blocks read one after the other; a figure's or table's caption, which the
    model keeps as a paragraph of its own next to it, becomes its ``Caption``."""
    captions = caption_paragraphs(blocks)
    taken = {at for at, _ in captions.values()}
    out: list[Node] = []
    for k, block in enumerate(blocks):
        if k in taken:
            continue
        nodes = _nodes(block)
        if k in captions and nodes:
            at, before = captions[k]
            caption = _leaf("Caption", blocks[at], block_text(blocks[at]))
            container = nodes[0]
            # PDF/UA allows a caption as the first or the last child: where it is read.
            if before:
                container.children.insert(0, caption)
                container.content_first = False
            else:
                container.children.append(caption)
        out.extend(nodes)
    return out


def _leaf(role: str, block: Block | Cell, text: str) -> Node:
    return Node(role, prov=list(block.prov), text=text)


def _nodes(block: Block) -> list[Node]:
    nodes = _nodes_of_kind(block)
    if nodes and block.lang:
        nodes[0].lang = block.lang
    return nodes


def _nodes_of_kind(block: Block) -> list[Node]:
    if isinstance(block, Heading):
        return [_leaf(f"H{min(max(block.level, 1), 6)}", block, block.text)]
    if isinstance(block, Paragraph) and block.preformatted:
        # A code listing: ``Code`` (a standard type, PDF 32000-1 14.8.4.4), which PDF/UA-1
        # lets stand at block level; assistive technology reads it as code.
        return [_leaf("Code", block, block.text)]
    if isinstance(block, Paragraph | Link):
        return [_leaf("P", block, block.text)]
    if isinstance(block, Note):
        return [_leaf("Note", block, block.text)]
    if isinstance(block, ListBlock) and block.contents:
        return [Node("TOC", [_contents_item(item) for item in block.items])]
    if isinstance(block, ListBlock) and block.definitions:
        # PDF/UA-1 has no definition list: a list numbered /None, each term its item's
        # label and the definition its body, as the PDF/UA community maps HTML's <dl>.
        return [Node("L", [_definition_item(item) for item in block.items], numbering="None")]
    if isinstance(block, ListBlock):
        return [Node("L", [_item(item) for item in block.items])]
    if isinstance(block, ListItem):
        return [Node("L", [_item(block)])]
    if isinstance(block, Table):
        return [_table(block)]
    if isinstance(block, Figure):
        return [_figure(block)]
    return []


def _item(item: ListItem) -> Node:
    node = Node("LI", lang=item.lang)
    body = Node("LBody", _sequence(item.blocks))
    leaves = [n for n in body.walk() if n.prov]
    if item.label_prov:
        _read_as_item(leaves, item.prov)
    if item.label_prov:
        # The reader told the label's drawing apart from the body's (the author's Lbl, or the
        # label's own glyphs): it is announced as the item's label.
        node.children.append(Node("Lbl", prov=list(item.label_prov), text=item.label,
                                  yields_to=leaves[0] if leaves else None))
    node.children.append(body)
    if item.label and not any(child.role == "Lbl" for child in node.children) and leaves:
        # The layout reader's label is drawn with the item's text (one block): it is read
        # from the body's first element, so that is the text the element is checked against.
        leaves[0].text = f"{item.label} {leaves[0].text}"
    return node


def _definition_item(item: ListItem) -> Node:
    """A definition list's entry: ``LI`` holding its term (``Lbl``, drawn apart from the
    definition) and its definition (``LBody``)."""
    node = Node("LI", lang=item.lang)
    if item.label_prov:
        node.children.append(Node("Lbl", prov=list(item.label_prov), text=item.label))
    node.children.append(Node("LBody", _sequence(item.blocks)))
    return node


def _contents_item(item: ListItem) -> Node:
    """A contents entry: ``TOCI`` holding its label (``Lbl``), its text — a ``Reference``
    where the entry links to its place in the document (the link's ``Link`` element goes
    in it), a ``P`` where it does not — and the entries under it (a ``TOC``)."""
    node = Node("TOCI")
    body = _sequence(item.blocks)
    for child in body:
        if child.role == "P" and child.prov and _links_within(item):
            child.role = "Reference"
    leaves = [n for n in Node("", body).walk() if n.prov]
    if item.label_prov:
        _read_as_item(leaves, item.prov)
        node.children.append(Node("Lbl", prov=list(item.label_prov), text=item.label,
                                  yields_to=leaves[0] if leaves else None))
    elif item.label and leaves:
        leaves[0].text = f"{item.label} {leaves[0].text}"
    node.children.extend(body)
    return node


def _read_as_item(leaves: list[Node], item_prov: list[Prov]) -> None:
    """A body told apart from its item's label has its drawing listed as drawn (what is left
    once the label's is taken away); the item's own drawing is listed as it is read (a body
    of two columns of lines, a line drawn after the one below it). The body's operators are
    put in the order the item's are, so that its marked content is read as the item is."""
    reading: dict[int, tuple[tuple[int, int], ...]] = {}
    for prov in item_prov:
        reading[prov.page] = reading.get(prov.page, ()) + prov.operators
    for leaf in leaves:
        leaf.prov = [
            replace(prov, operators=_ordered_as(prov.operators, reading[prov.page]))
            if prov.page in reading else prov
            for prov in leaf.prov
        ]


def _ordered_as(
    ranges: tuple[tuple[int, int], ...], reading: tuple[tuple[int, int], ...]
) -> tuple[tuple[int, int], ...]:
    """The operators of ``ranges`` in the order of ``reading`` (ranges in reading order that
    cover them); ``ranges`` unchanged where ``reading`` does not cover all of them."""
    pieces: list[tuple[int, int]] = []
    for start, end in reading:
        for first, last in ranges:
            low, high = max(start, first), min(end, last)
            if low < high:
                pieces.append((low, high))
    if sum(high - low for low, high in pieces) != sum(last - first for first, last in ranges):
        return ranges  # (overlapping reading ranges, or operators the item does not list)
    merged: list[tuple[int, int]] = []
    for low, high in pieces:
        if merged and merged[-1][1] == low:
            merged[-1] = (merged[-1][0], high)  # read on as drawn
        else:
            merged.append((low, high))
    return tuple(merged)


def _links_within(item: ListItem) -> bool:
    return any(
        link.target.startswith("#") for block in item.blocks
        if isinstance(block, Paragraph) for link in block.links
    )


def _table(table: Table) -> Node:
    node = Node("Table")
    rows = [
        Node("TR", [_cell(cell) for cell in row.cells]) for row in table.rows if row.cells
    ]
    _make_regular(rows)
    header_rows = 0
    while header_rows < len(table.rows) and table.rows[header_rows].cells and all(
        cell.header for cell in table.rows[header_rows].cells
    ):
        header_rows += 1
    if 0 < header_rows < len(rows):
        node.children = [Node("THead", rows[:header_rows]), Node("TBody", rows[header_rows:])]
    else:
        node.children = rows
    return node


def _make_regular(rows: list[Node]) -> None:
    """PDF/UA (veraPDF 7.2-42): every row spans the same number of columns, counting column
    spans and cells reaching down from rows above; short rows get empty cells at the end."""
    widths: list[int] = []
    reaching = [0] * len(rows)  # per row: columns taken by row spans from above
    for r, row in enumerate(rows):
        width = reaching[r]
        for cell in row.children:
            width += cell.col_span
            for below in range(r + 1, min(r + cell.row_span, len(rows))):
                reaching[below] += cell.col_span
        widths.append(width)
    widest = max(widths, default=0)
    for row, width in zip(rows, widths, strict=True):
        row.children.extend(Node("TD") for _ in range(widest - width))


def _cell(cell: Cell) -> Node:
    node = _leaf("TH" if cell.header else "TD", cell, cell.text)
    if cell.header:
        scope = {"row": "Row", "column": "Column", "both": "Both"}.get(cell.scope or "")
        node.scope = scope or "Column"
    node.lang = cell.lang
    node.row_span = cell.row_span
    node.col_span = cell.col_span
    return node


def _figure(figure: Figure) -> Node:
    node = _leaf("Figure", figure, block_text(figure))
    if figure.alt and figure.alt.strip():
        node.alt = figure.alt.strip()
    elif figure.caption and figure.caption.strip():
        # The caption describes the figure in the author's own words: not invented.
        node.alt = figure.caption.strip()
    else:
        page = figure.prov[0].page + 1 if figure.prov else None
        where = f" on page {page}" if page else ""
        node.review = (
            f"a figure{where} has no alternative text in the source and no caption: "
            "a person must describe it"
        )
    node.text = ""  # a figure's drawing is not text the reader hears; its /Alt is
    return node


def merge_unseparated_labels(root: Node, yielded: set[int], drawn: set[int]) -> int:
    """Labels whose drawing went to their body (``yielded`` leaf ids, see ``Node.yields_to``)
    and that draw nothing else (not in ``drawn``): the body's element reads the label too,
    which is what its text is checked against. Returns how many were merged."""
    merged = 0
    if not yielded:
        return merged  # (no label yielded: the tree is not walked)
    for node in root.walk():
        target = node.yields_to
        if target is None or node.leaf_id not in yielded or node.leaf_id in drawn:
            continue
        target.text = f"{node.text} {target.text}" if target.text else node.text
        node.yields_to = None
        merged += 1
    return merged


def fix_heading_levels(root: Node) -> None:
    """PDF/UA: the first heading is H1 and no level is skipped going down (H1 → H3), closed
    up as the other outputs close them (:class:`.HeadingLevels`): headings at one level under
    one parent stay siblings, so a source starting at H2 keeps its later H2s beside the first,
    not under it."""
    levels = HeadingLevels()
    for node in root.walk():
        if len(node.role) == 2 and node.role[0] == "H" and node.role[1].isdigit():
            node.role = f"H{levels.level(int(node.role[1]), node.text)}"
