"""The structure elements as written: every entry of a leaf made in one call (no element
below it) is the entry set one by one on an element with children (a figure whose caption
is read first, a list item), in both cases the same dictionaries."""

from __future__ import annotations

import io

import pikepdf

from workers.engine.document import BBox, Document, Prov
from workers.engine.tagged_pdf.plan import Node
from workers.engine.tagged_pdf.structure_tree import write_structure


def _leaf(role: str, leaf_id: int, page: int = 0, **kw: object) -> Node:
    node = Node(role, prov=[Prov(page, BBox(72, 700 - 40 * leaf_id, 300, 720 - 40 * leaf_id))],
                text=f"text {leaf_id}", **kw)  # type: ignore[arg-type]
    node.leaf_id = leaf_id
    return node


def _plan() -> Node:
    caption = _leaf("Caption", 2)
    figure = _leaf("Figure", 3, alt="A chart", content_first=False)
    figure.children = [caption]
    cell = _leaf("TD", 5, row_span=2, scope=None)
    table = Node("Table", [Node("TR", [cell])])
    item = Node("LI", [_leaf("Lbl", 6), _leaf("LBody", 7)])
    return Node("Document", [
        _leaf("H1", 0, lang="fr-FR"),
        _leaf("P", 1),  # read on two pages: an MCR for the second
        figure,
        _leaf("Note", 4),
        table,
        Node("L", [item]),
        _leaf("Note", 8),
    ])


def _written() -> tuple[pikepdf.Pdf, pikepdf.Dictionary]:
    pdf = pikepdf.new()
    for _ in range(2):
        pdf.add_blank_page(page_size=(595, 842))
    # page 0: MCIDs 0..8 belong to leaves 0..8 (leaf 1 also owns MCID 0 of page 1)
    page_mcids = [[0, 1, 2, 3, 4, 5, 6, 7, 8], [1]]
    write_structure(pdf, _plan(), page_mcids, Document())
    buffer = io.BytesIO()
    pdf.save(buffer)
    out = pikepdf.open(io.BytesIO(buffer.getvalue()))
    return out, out.Root.StructTreeRoot.K[0]


def test_leaves_and_containers_are_written_with_all_their_entries() -> None:
    pdf, document = _written()
    first, second = (page.obj for page in pdf.pages)
    kids = list(document.K)
    assert [str(k.S) for k in kids] == ["/H1", "/P", "/Figure", "/Note", "/Table", "/L", "/Note"]
    heading, paragraph, figure, note, table, lst, last_note = kids
    assert heading.K == 0 and heading.Pg.objgen == first.objgen
    assert str(heading.Lang) == "fr-FR" and heading.P.objgen == document.objgen
    assert paragraph.K[0] == 1
    mcr = paragraph.K[1]
    assert mcr.Type == pikepdf.Name.MCR and mcr.MCID == 0 and mcr.Pg.objgen == second.objgen
    # The caption read before the figure's drawing, the figure's attributes and /Alt.
    assert str(figure.K[0].S) == "/Caption" and figure.K[0].K == 2
    assert figure.K[0].P.objgen == figure.objgen
    assert figure.K[1] == 3 and figure.Pg.objgen == first.objgen
    assert str(figure.Alt) == "A chart" and str(figure.A.O) == "/Layout"
    assert [float(v) for v in figure.A.BBox] == [72, 580, 300, 600]
    cell = table.K.K
    assert cell.S == pikepdf.Name.TD and cell.K == 5
    assert str(cell.A.O) == "/Table" and cell.A.RowSpan == 2
    item = lst.K
    assert [str(k.S) for k in item.K] == ["/Lbl", "/LBody"]
    assert [k.K for k in item.K] == [6, 7]
    # Notes numbered in the order written.
    assert str(note.ID) == "note-1" and str(last_note.ID) == "note-2"
    assert all(k.Type == pikepdf.Name.StructElem and k.is_indirect for k in kids)


def test_parent_tree_names_each_leaf_element() -> None:
    pdf, document = _written()
    nums = list(pdf.Root.StructTreeRoot.ParentTree.Nums)
    first, second = list(nums[1]), list(nums[3])
    assert [e.K if isinstance(e.K, int) else e.K[0] for e in first[:2]] == [0, 1]
    assert second[0].objgen == first[1].objgen
