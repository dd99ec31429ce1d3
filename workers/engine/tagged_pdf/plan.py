"""The structure to write, planned from the Document model before any PDF object is made.

A :class:`Node` is a structure element to be: a standard role (``Document``, ``H1``…, ``P``,
``L``/``LI``/``Lbl``/``LBody``, ``Table``/``THead``/``TBody``/``TR``/``TH``/``TD``,
``Figure``, ``Note``), its attributes, children, and — for the elements that draw content
themselves (*leaves*) — the provenance whose operators they claim. Leaves are numbered in
reading order; that order decides who owns an operator two blocks both claim.

>>> root = plan_structure(document)  # doctest: +SKIP
>>> [leaf.role for leaf in root.leaves()][:3]  # doctest: +SKIP
['H1', 'P', 'P']
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

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
    #: Set while numbering leaves; -1 for containers.
    leaf_id: int = -1

    @property
    def is_leaf(self) -> bool:
        return self.leaf_id >= 0

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> list[Node]:
        return [node for node in self.walk() if node.is_leaf]


def plan_structure(document: Document) -> Node:
    root = Node("Document")
    for block in document.blocks:
        root.children.extend(_nodes(block))
    for number, leaf in enumerate(n for n in root.walk() if n.prov or n.role in _CELLS):
        leaf.leaf_id = number
    return root


_CELLS = ("TH", "TD")


def _leaf(role: str, block: Block | Cell, text: str) -> Node:
    return Node(role, prov=list(block.prov), text=text)


def _nodes(block: Block) -> list[Node]:
    if isinstance(block, Heading):
        return [_leaf(f"H{min(max(block.level, 1), 6)}", block, block.text)]
    if isinstance(block, Paragraph | Link):
        return [_leaf("P", block, block.text)]
    if isinstance(block, Note):
        return [_leaf("Note", block, block.text)]
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
    node = Node("LI")
    first = item.blocks[0].prov if item.blocks else []
    if item.prov and item.prov != first:
        # The structure reader keeps the label's own drawing apart (the author's Lbl).
        node.children.append(Node("Lbl", prov=list(item.prov), text=item.label))
    body = Node("LBody")
    for block in item.blocks:
        body.children.extend(_nodes(block))
    node.children.append(body)
    leaves = [n for n in body.walk() if n.prov]
    if item.label and not any(child.role == "Lbl" for child in node.children) and leaves:
        # The layout reader's label is drawn with the item's text (one block): it is read
        # from the body's first element, so that is the text the element is checked against.
        leaves[0].text = f"{item.label} {leaves[0].text}"
    return node


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


def fix_heading_levels(root: Node) -> None:
    """PDF/UA: the first heading is H1 and no level is skipped going down (H1 → H3)."""
    previous = 0
    for node in root.walk():
        if len(node.role) == 2 and node.role[0] == "H" and node.role[1].isdigit():
            level = min(int(node.role[1]), previous + 1)
            node.role = f"H{level}"
            previous = level
