"""Write the planned structure as a PDF structure tree, with its ParentTree and annotations.

Input: the plan (:mod:`.plan`) and, per page, which leaf each new MCID belongs to
(:mod:`.marked_content`). Leaves that got no content are left out (a heading the content
stream does not draw would only mislead), except table cells, which keep rows regular.
Annotations become ``Link`` (links), ``Form`` (widgets) or ``Annot`` elements pointing at
them through ``/OBJR``, placed in the element whose text they sit on, with ``/StructParent``
keys in the ParentTree and ``/Tabs /S`` on their page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pikepdf

from ..document import BBox, Block, Document, block_text
from ..pdf_entries import entry_of
from .marked_content import ReadingKey
from .plan import Node, fix_heading_levels

# Names written for every element, made once: each ``pikepdf.Name.X`` builds a new object
# (microseconds), and documents have tens of thousands of elements. Names are direct,
# immutable objects, so one can be shared by every dictionary and document.
_STRUCT_ELEM = pikepdf.Name.StructElem
_MCR = pikepdf.Name.MCR
_K, _PG = pikepdf.Name.K, pikepdf.Name.Pg
_ROLE_NAMES: dict[str, pikepdf.Name] = {}


def _role_name(role: str) -> pikepdf.Name:
    name = _ROLE_NAMES.get(role)
    if name is None:
        name = _ROLE_NAMES[role] = pikepdf.Name("/" + role)
    return name


#: Annotation subtypes that are not content of their own (ISO 14289-1 7.18.1).
_NOT_CONTENT = frozenset({"/Popup", "/PrinterMark", "/TrapNet"})
#: Annotation flag bit 2: hidden.
_HIDDEN = 1 << 1


@dataclass
class TreeSummary:
    elements: int = 0
    leaves_dropped: int = 0
    #: The model's text of each element written with content, in tree order (figures left
    #: out: their text is their /Alt), for the fidelity check.
    expected_texts: list[str] = field(default_factory=list)
    annotations_tagged: int = 0
    #: Review reasons (figures without alternative text, annotations without a description).
    review: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Leaf id -> its element as written, and its (page, MCID) in reading order.
    leaf_elements: dict[int, pikepdf.Dictionary] = field(default_factory=dict)
    leaf_marks: dict[int, list[tuple[int, int]]] = field(default_factory=dict)


def write_structure(
    pdf: pikepdf.Pdf, root: Node, page_mcids: list[list[int]], document: Document,
    mcid_places: Sequence[Sequence[ReadingKey]] | None = None,
    mcid_streams: list[dict[int, pikepdf.Stream]] | None = None,
) -> TreeSummary:
    """Build ``/StructTreeRoot`` from ``root``; ``page_mcids[p][mcid]`` = leaf id.
    ``mcid_places[p][mcid]``: where that sequence is read in its leaf (an element's kids are
    its reading order, which is not always the order it is drawn in); stream order without.
    ``mcid_streams[p]``: the page's MCIDs marked inside a Form XObject painted on it -> that
    form (ISO 32000-1 14.7.4.3: the form gets ``/StructParents``, its element an ``/MCR``
    with ``/Stm``)."""
    summary = TreeSummary()
    leaf_mcids: dict[int, list[tuple[int, int]]] = {}
    for page, owners in enumerate(page_mcids):
        read_at = mcid_places[page] if mcid_places is not None else None
        ordered = range(len(owners)) if read_at is None else sorted(
            range(len(owners)), key=read_at.__getitem__)
        for mcid in ordered:
            leaf_mcids.setdefault(owners[mcid], []).append((page, mcid))
    root.children = [kept for child in root.children for kept in _prune(child, leaf_mcids,
                                                                           summary)]
    fix_heading_levels(root)

    tree_root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    pages = [page.obj for page in pdf.pages]
    streams = mcid_streams if mcid_streams is not None else [{} for _ in page_mcids]
    writer = _Writer(pdf, pages, leaf_mcids, summary, streams)
    document_element = writer.element(root, tree_root)
    parent_tree: list[int | pikepdf.Object] = []
    for page_index, owners in enumerate(page_mcids):
        pages[page_index][pikepdf.Name.StructParents] = page_index
        in_forms = streams[page_index]
        parent_tree.extend([page_index, pikepdf.Array([
            None if mcid in in_forms else writer.by_leaf[o] for mcid, o in enumerate(owners)
        ])])
    next_key = len(page_mcids)
    for page_index, owners in enumerate(page_mcids):
        by_form: dict[tuple[int, int], tuple[pikepdf.Stream, list[int]]] = {}
        for mcid, form in streams[page_index].items():
            by_form.setdefault(form.objgen, (form, []))[1].append(mcid)
        for form, mcids in by_form.values():
            # Indexed by MCID like the page's array; the page's own MCIDs are null here.
            elements: list[pikepdf.Object | None] = [None] * (max(mcids) + 1)
            for mcid in mcids:
                elements[mcid] = writer.by_leaf[owners[mcid]]
            form[pikepdf.Name.StructParents] = next_key
            parent_tree.extend([next_key, pikepdf.Array(elements)])
            next_key += 1
    places = _TextPlaces(document)
    for page_index, page_dict in enumerate(pages):
        next_key = _tag_annotations(
            page_dict, page_index, next_key, writer, document_element, parent_tree, places
        )
    tree_root[pikepdf.Name.K] = pikepdf.Array([document_element])
    tree_root[pikepdf.Name.ParentTree] = pdf.make_indirect(
        pikepdf.Dictionary(Nums=pikepdf.Array(parent_tree))
    )
    tree_root[pikepdf.Name.ParentTreeNextKey] = next_key
    pdf.Root[pikepdf.Name.StructTreeRoot] = tree_root
    summary.leaf_elements, summary.leaf_marks = writer.by_leaf, leaf_mcids
    return summary


def _prune(
    node: Node, leaf_mcids: dict[int, list[tuple[int, int]]], summary: TreeSummary
) -> list[Node]:
    """Drop leaves without content and containers left empty: what stays in place of
    ``node`` (nothing, itself, or the caption of a figure that draws nothing)."""
    if node.role == "Table":
        node.children = [
            child for child in node.children
            if child.role != "Caption" or _prune(child, leaf_mcids, summary)
        ]
        cells = [n for n in node.walk() if n.is_leaf]
        if any(cell.leaf_id in leaf_mcids for cell in cells):
            return [node]
        captions = [child for child in node.children if child.role == "Caption"]
        summary.leaves_dropped += len(cells) - len(captions)
        for caption in captions:
            caption.role = "P"  # a caption without its table is a paragraph
        return captions
    children = [kept for child in node.children for kept in _prune(child, leaf_mcids, summary)]
    node.children = children
    if node.is_leaf:
        if node.leaf_id in leaf_mcids:
            if node.review:
                summary.review.append(node.review)
            return [node]
        summary.leaves_dropped += 1
        for child in children:
            if child.role == "Caption":
                child.role = "P"  # a caption without its figure is a paragraph
        return children
    if node.role == "LI" and not any(child.role == "LBody" for child in node.children):
        node.children.append(Node("LBody"))  # an item whose label alone was drawn
    return [node] if node.children or node.role == "Document" else []


class _Writer:
    def __init__(
        self,
        pdf: pikepdf.Pdf,
        pages: list[pikepdf.Dictionary],
        leaf_mcids: dict[int, list[tuple[int, int]]],
        summary: TreeSummary,
        streams: list[dict[int, pikepdf.Stream]],
    ) -> None:
        self.pdf = pdf
        self.streams = streams
        self.pages = pages
        self.leaf_mcids = leaf_mcids
        self.summary = summary
        self.by_leaf: dict[int, pikepdf.Dictionary] = {}
        #: Kept leaves per page with their boxes, to place annotations in.
        self.leaf_boxes: dict[int, list[tuple[BBox, pikepdf.Dictionary]]] = {}
        self.notes = 0

    def element(self, node: Node, parent: pikepdf.Dictionary) -> pikepdf.Dictionary:
        # (From a dict with the keys spelled out: keyword arguments are renamed one by one.)
        element = self.pdf.make_indirect(
            pikepdf.Dictionary({"/Type": _STRUCT_ELEM, "/S": _role_name(node.role), "/P": parent})
        )
        self.summary.elements += 1
        kids: list[int | pikepdf.Dictionary] = []
        children = list(node.children)
        if not node.content_first and children:
            # A caption set above its figure: read (and written) before the figure's drawing.
            kids.append(self.element(children.pop(0), element))
        if node.is_leaf:
            self.by_leaf[node.leaf_id] = element
            kids.extend(self._content(node, element))
            if node.leaf_id in self.leaf_mcids and node.role != "Figure":
                self.summary.expected_texts.append(node.text)
        for child in children:
            kids.append(self.element(child, element))
        if kids:
            element[_K] = kids[0] if len(kids) == 1 else pikepdf.Array(kids)
        attributes = self._attributes(node)
        if attributes is not None:
            element[pikepdf.Name.A] = attributes
        if node.alt:
            element[pikepdf.Name.Alt] = pikepdf.String(node.alt)
        if node.lang:
            # A passage in another language than the document's: a screen reader switches
            # voice by it (PDF 32000-1 14.9.2).
            element[pikepdf.Name.Lang] = pikepdf.String(node.lang)
        if node.role == "Note":
            # PDF/UA-1 7.9: every Note has a unique ID.
            self.notes += 1
            element[pikepdf.Name.ID] = pikepdf.String(f"note-{self.notes}")
        return element

    def _content(
        self, node: Node, element: pikepdf.Dictionary
    ) -> list[int | pikepdf.Dictionary]:
        marks = self.leaf_mcids.get(node.leaf_id, [])
        if not marks:
            return []
        first_page = marks[0][0]
        element[_PG] = self.pages[first_page]
        for prov in node.prov:
            self.leaf_boxes.setdefault(prov.page, []).append((prov.bbox, element))
        kids: list[int | pikepdf.Dictionary] = []
        for page, mcid in marks:
            form = self.streams[page].get(mcid)
            if form is not None:
                kids.append(pikepdf.Dictionary(Type=_MCR, Pg=self.pages[page], Stm=form,
                                               MCID=mcid))
            elif page == first_page:
                kids.append(mcid)
            else:
                kids.append(
                    pikepdf.Dictionary(Type=_MCR, Pg=self.pages[page], MCID=mcid)
                )
        return kids

    def _attributes(self, node: Node) -> pikepdf.Object | None:
        if node.role == "Figure" and node.prov:
            box = node.prov[0].bbox
            return pikepdf.Dictionary(
                O=pikepdf.Name.Layout,
                BBox=pikepdf.Array([round(v, 2) for v in (box.x0, box.y0, box.x1, box.y1)]),
            )
        if node.role == "L" and node.numbering:
            return pikepdf.Dictionary(
                O=pikepdf.Name.List, ListNumbering=pikepdf.Name("/" + node.numbering)
            )
        if node.role in ("TH", "TD"):
            table: dict[str, object] = {}
            if node.scope:
                table["/Scope"] = pikepdf.Name("/" + node.scope)
            if node.row_span > 1:
                table["/RowSpan"] = node.row_span
            if node.col_span > 1:
                table["/ColSpan"] = node.col_span
            if table:
                attributes = pikepdf.Dictionary(table)
                attributes[pikepdf.Name.O] = pikepdf.Name.Table
                return attributes
        return None


def _tag_annotations(
    page: pikepdf.Dictionary,
    page_index: int,
    next_key: int,
    writer: _Writer,
    document_element: pikepdf.Dictionary,
    parent_tree: list[int | pikepdf.Object],
    places: _TextPlaces,
) -> int:
    annots = entry_of(page, "/Annots")
    if not isinstance(annots, pikepdf.Array):
        return next_key
    tagged = False
    for annot in annots:
        if not isinstance(annot, pikepdf.Dictionary) or not annot.is_indirect:
            continue
        subtype = str(entry_of(annot, "/Subtype", ""))
        flags = entry_of(annot, "/F", 0)
        if subtype in _NOT_CONTENT or (isinstance(flags, int) and flags & _HIDDEN):
            continue
        role = {"/Link": "Link", "/Widget": "Form"}.get(subtype, "Annot")
        rect = _rect(annot)
        parent = _parent_for(rect, writer.leaf_boxes.get(page_index, []), role, document_element)
        element = writer.pdf.make_indirect(
            pikepdf.Dictionary(
                Type=pikepdf.Name.StructElem, S=pikepdf.Name("/" + role), P=parent, Pg=page,
                K=pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=annot, Pg=page),
            )
        )
        _append_kid(parent, element)
        annot[pikepdf.Name.StructParent] = next_key
        parent_tree.extend([next_key, element])
        next_key += 1
        tagged = True
        writer.summary.annotations_tagged += 1
        description = _description(annot, role, rect, page_index, places)
        if description:
            if "/Contents" not in annot or not str(annot.get("/Contents")).strip():
                annot[pikepdf.Name.Contents] = pikepdf.String(description)
        elif role == "Annot":
            writer.summary.review.append(
                f"a {subtype[1:]} annotation on page {page_index + 1} has no description"
            )
        if role == "Form":
            describe_field(annot, element)
    if tagged:
        page[pikepdf.Name.Tabs] = pikepdf.Name.S
    return next_key


def _rect(annot: pikepdf.Dictionary) -> BBox | None:
    try:
        x0, y0, x1, y1 = (float(v) for v in annot.get("/Rect", []))
    except (TypeError, ValueError):
        return None
    return BBox(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))


def _parent_for(
    rect: BBox | None,
    boxes: list[tuple[BBox, pikepdf.Dictionary]],
    role: str,
    fallback: pikepdf.Dictionary,
) -> pikepdf.Dictionary:
    """The smallest tagged block the annotation's centre falls in (links inside their
    paragraph); widgets and unplaced annotations go to the document element."""
    if rect is None or role == "Form":
        return fallback
    cx, cy = (rect.x0 + rect.x1) / 2, (rect.y0 + rect.y1) / 2
    inside = [(b.width * b.height, element) for b, element in boxes
              if b.x0 - 1 <= cx <= b.x1 + 1 and b.y0 - 1 <= cy <= b.y1 + 1]
    if not inside:
        return fallback
    return min(inside, key=lambda pair: pair[0])[1]


def _append_kid(parent: pikepdf.Dictionary, kid: pikepdf.Dictionary) -> None:
    existing = parent.get("/K")
    if existing is None:
        parent[pikepdf.Name.K] = pikepdf.Array([kid])
    elif isinstance(existing, pikepdf.Array):
        existing.append(kid)
    else:
        parent[pikepdf.Name.K] = pikepdf.Array([existing, kid])


class _TextPlaces:
    """Where the model's links and blocks are, page by page, in reading order: indexed once
    (on first use) rather than walking the whole model for each of a document's links."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._links: dict[int, list[tuple[BBox, str]]] | None = None
        self._blocks: dict[int, list[tuple[BBox, Block]]] | None = None

    def links(self, page: int) -> list[tuple[BBox, str]]:
        """The model's links drawn on ``page``: box and text, in reading order."""
        if self._links is None:
            self._links = {}
            for block in self.document.walk():
                for link in getattr(block, "links", []):
                    for prov in link.prov:
                        self._links.setdefault(prov.page, []).append((prov.bbox, link.text))
        return self._links.get(page, [])

    def blocks(self, page: int) -> list[tuple[BBox, Block]]:
        """The model's blocks drawn on ``page``, one entry per box, in reading order."""
        if self._blocks is None:
            self._blocks = {}
            for block in self.document.walk():
                for prov in block.prov:
                    self._blocks.setdefault(prov.page, []).append((prov.bbox, block))
        return self._blocks.get(page, [])


def _description(
    annot: pikepdf.Dictionary, role: str, rect: BBox | None, page: int, places: _TextPlaces
) -> str | None:
    """What the annotation is, in words the source already has: its /Contents, or for a link
    the text it sits on (from the model), else its address."""
    contents = entry_of(annot, "/Contents")
    if isinstance(contents, pikepdf.String) and str(contents).strip():
        return str(contents)
    if role != "Link":
        return None
    target = uri_of(annot)
    if rect is not None:
        for box, text in places.links(page):
            if _close(box, rect) and text.strip():
                return f"{text.strip()} ({target})" if target else text.strip()
    if target:
        return target
    text = _text_under(rect, page, places)
    return f"Link: {text}" if text else "Link within the document"


def _close(a: BBox, b: BBox) -> bool:
    return abs(a.x0 - b.x0) < 1 and abs(a.y0 - b.y0) < 1 and abs(a.x1 - b.x1) < 1 and (
        abs(a.y1 - b.y1) < 1
    )


def _text_under(rect: BBox | None, page: int, places: _TextPlaces) -> str:
    if rect is None:
        return ""
    for box, block in places.blocks(page):
        if box.x0 <= rect.x0 + 1 and rect.x1 <= box.x1 + 1 and box.y0 <= rect.y0 + 1 \
                and rect.y1 <= box.y1 + 1:
            return block_text(block)[:80]
    return ""


def uri_of(annot: pikepdf.Dictionary) -> str | None:
    action = entry_of(annot, "/A")
    if isinstance(action, pikepdf.Dictionary):
        uri = entry_of(action, "/URI")
        if uri is not None and str(uri).strip():
            return str(uri)
    return None


def describe_field(annot: pikepdf.Dictionary, element: pikepdf.Dictionary) -> None:
    """A form field's tooltip (/TU) names it for assistive technology; its name (/T) is the
    author's own words for it where no tooltip was given."""
    field_dict = annot
    for _ in range(10):
        if "/TU" in field_dict or "/T" in field_dict or "/Parent" not in field_dict:
            break
        parent = field_dict.get("/Parent")
        if not isinstance(parent, pikepdf.Dictionary):
            return
        field_dict = parent
    name = entry_of(field_dict, "/TU") or entry_of(field_dict, "/T")
    if isinstance(name, pikepdf.String) and str(name).strip():
        element[pikepdf.Name.Alt] = pikepdf.String(str(name))
