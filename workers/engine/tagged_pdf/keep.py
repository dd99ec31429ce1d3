"""Keep a well-tagged source's own tags, adding only what PDF/UA-1 still needs.

An author's tags say more than our model can (table-of-contents entries, spans with their own
language, form fields, the exact extent of each element). When they are already sound they are
kept, and only the gaps are filled:

* content painted outside any marked content becomes ``/Artifact`` (the author tagged all the
  real content; what is left is furniture — the checks below make sure that is so);
* a figure without ``/Alt`` gets the element's own ``/ActualText``, else its caption's text;
  otherwise it is flagged for a person, never invented;
* a ``Note`` without ``/ID`` gets one; pages with annotations get ``/Tabs /S``;
* the catalog and metadata (:mod:`.catalog`), the fonts' optional glyph lists
  (:mod:`.fonts`), and the programs of fonts the source does not embed where the one pdfium
  draws them with can be embedded unchanged (:mod:`.font_embedding`).

"Sound" means: every structure type is standard or role-maps to one without a loop, every
MCID painted on a page is in the ParentTree, every annotation is tagged (a link's in a
``Link`` element), headings do not skip levels, header cells are scoped, and the tags refer
to (nearly) all the text the model found — the model came from these very tags
(``Document.reader == "structure"``). Anything less, and :func:`keep_author_tags` returns
None: the document is re-tagged from the model instead.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf

from ..document import Document
from ..operator_names import operator_name
from ..pdf_entries import name_entry
from .catalog import write_catalog
from .checks import STANDARD_TYPES, element_kids, property_lists
from .font_embedding import embed_substitute_fonts
from .fonts import drop_subset_glyph_lists
from .marked_content import is_painting, xobject_names
from .structure_tree import describe_field, uri_of

#: Structure elements visited at most before the tree is judged too big to trust.
MAX_ELEMENTS = 200_000
_NOT_CONTENT_ANNOTS = frozenset({"/Popup", "/PrinterMark", "/TrapNet"})


@dataclass
class KeptTags:
    content: bytes
    review: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    artifacts_added: int = 0


class _NotSound(Exception):
    """The source's tags cannot be kept as they are (the message says why)."""


def keep_author_tags(source: Path, document: Document) -> KeptTags | None:
    """The source with its own tags completed, or None when they are not sound."""
    if document.reader != "structure" or any(
        w.code in ("structure-unusable", "structure-truncated") for w in document.warnings
    ):
        return None
    with pikepdf.open(source) as pdf:
        try:
            return _keep(pdf, document)
        except _NotSound:
            return None
        except (
            pikepdf.PdfError, pikepdf.DependencyError, ValueError, TypeError, KeyError,
            RecursionError,
        ):
            return None  # damaged tags: re-tagging from the model is the safe way


def _keep(pdf: pikepdf.Pdf, document: Document) -> KeptTags:
    root = pdf.Root.get("/StructTreeRoot")
    if not isinstance(root, pikepdf.Dictionary):
        raise _NotSound("no structure tree")
    roles = _role_map(root)
    annotation_elements: dict[int, pikepdf.Dictionary] = {}
    referenced = _parent_tree(root, annotation_elements)
    result = KeptTags(b"")
    elements = list(_elements(root))
    _check_elements(elements, roles)
    for page in pdf.pages:
        _check_annotations(page, annotation_elements, roles)
        key = page.obj.get("/StructParents")
        known: set[int] = referenced.get(int(key), set()) if isinstance(key, int) else set()
        result.artifacts_added += _complete_page(pdf, page, known)
        if isinstance(page.obj.get("/Annots"), pikepdf.Array) and len(page.obj.Annots) > 0:
            page.obj[pikepdf.Name.Tabs] = pikepdf.Name.S
    result.review.extend(_describe_figures(elements, roles))
    _identify_notes(elements, roles)
    drop_subset_glyph_lists(pdf)
    result.notes.extend(embed_substitute_fonts(pdf).notes())
    result.notes.extend(write_catalog(pdf, document))
    result.notes.append(
        "the author's tags were sound and are kept; only what PDF/UA-1 still needed was added"
    )
    buffer = io.BytesIO()
    if pdf.pdf_version > "1.7":
        pdf.save(buffer, encryption=False, fix_metadata_version=True, force_version="1.7")
    else:
        pdf.save(buffer, encryption=False, fix_metadata_version=True)
    result.content = buffer.getvalue()
    return result


def _role_map(root: pikepdf.Dictionary) -> dict[str, str]:
    mapping: dict[str, str] = {}
    role_map = root.get("/RoleMap")
    if isinstance(role_map, pikepdf.Dictionary):
        for key in role_map.keys():  # noqa: SIM118 - pikepdf Dictionary
            value = role_map.get(key)
            if isinstance(value, pikepdf.Name):
                mapping[str(key)[1:]] = str(value)[1:]
    return mapping


def _standard(role: str, roles: dict[str, str]) -> str:
    seen = {role}
    while role not in STANDARD_TYPES:
        role = roles.get(role, "")
        if not role or role in seen:
            raise _NotSound("a structure type maps to no standard type (or in a loop)")
        seen.add(role)
    return role


def _parent_tree(
    root: pikepdf.Dictionary, objects: dict[int, pikepdf.Dictionary] | None = None
) -> dict[int, set[int]]:
    """ParentTree key -> MCIDs with an element; ``objects`` gets key -> element for the
    entries of annotations and XObjects."""
    out: dict[int, set[int]] = {}
    tree = root.get("/ParentTree")
    if not isinstance(tree, pikepdf.Dictionary):
        raise _NotSound("no ParentTree")
    stack = [tree]
    visited = 0
    while stack:
        node = stack.pop()
        visited += 1
        if visited > MAX_ELEMENTS:
            raise _NotSound("ParentTree too big")
        nums = node.get("/Nums")
        if isinstance(nums, pikepdf.Array):
            for k in range(0, len(nums) - 1, 2):
                value = nums[k + 1]
                if isinstance(value, pikepdf.Array):
                    out[int(nums[k])] = {
                        i for i, e in enumerate(value) if isinstance(e, pikepdf.Dictionary)
                    }
                elif isinstance(value, pikepdf.Dictionary) and objects is not None:
                    objects[int(nums[k])] = value
        kids = node.get("/Kids")
        if isinstance(kids, pikepdf.Array):
            stack.extend(k for k in kids if isinstance(k, pikepdf.Dictionary))
    return out


def _elements(root: pikepdf.Dictionary) -> Iterator[pikepdf.Dictionary]:
    stack = list(reversed(element_kids(root)))
    seen: set[tuple[int, int]] = set()
    while stack:
        element = stack.pop()
        if element.is_indirect:
            if element.objgen in seen:
                raise _NotSound("an element appears twice in the tree (a loop)")
            seen.add(element.objgen)
        if len(seen) > MAX_ELEMENTS:
            raise _NotSound("structure tree too big")
        yield element
        stack.extend(reversed(element_kids(element)))


#: What each grouping element may contain (ISO 32000-1 14.8.4; veraPDF 7.2-x).
_ALLOWED_KIDS = {
    "Table": {"TR", "THead", "TBody", "TFoot", "Caption"},
    "THead": {"TR"}, "TBody": {"TR"}, "TFoot": {"TR"},
    "TR": {"TH", "TD"},
    "L": {"LI", "L", "Caption"},
    "LI": {"Lbl", "LBody"},
}
#: Where each element may sit.
_ALLOWED_PARENTS = {
    "TR": {"Table", "THead", "TBody", "TFoot"},
    "TH": {"TR"}, "TD": {"TR"},
    "LI": {"L"}, "LBody": {"LI"},
}


def _check_elements(elements: list[pikepdf.Dictionary], roles: dict[str, str]) -> None:
    if any(name in STANDARD_TYPES for name in roles):
        raise _NotSound("a standard type is role-mapped (PDF/UA-1 7.1)")
    previous = 0
    for element in elements:
        name = element.get("/S")
        if not isinstance(name, pikepdf.Name):
            raise _NotSound("an element without a type")
        role = _standard(str(name)[1:], roles)
        parent = element.get("/P")
        parent_role = (
            _standard(str(parent.get("/S", "/Document"))[1:], roles)
            if isinstance(parent, pikepdf.Dictionary) and parent.get("/Type") != "/StructTreeRoot"
            else "Document"
        )
        if role in _ALLOWED_PARENTS and parent_role not in _ALLOWED_PARENTS[role]:
            raise _NotSound(f"{role} inside {parent_role}")
        allowed = _ALLOWED_KIDS.get(role)
        if allowed is not None and any(
            _standard(str(kid.get("/S", "/P"))[1:], roles) not in allowed
            for kid in element_kids(element)
        ):
            raise _NotSound(f"{role} with children it may not have")
        if role == "H":
            raise _NotSound("unnumbered headings (H) are re-tagged as H1-H6")
        if len(role) == 2 and role[0] == "H" and role[1].isdigit():
            level = int(role[1])
            if level > previous + 1:
                raise _NotSound("heading levels skipped")
            previous = level
        if role == "Formula" and not str(element.get("/Alt", "")).strip():
            raise _NotSound("a formula without /Alt")
        if role == "Form" and not _has_attribute(element, "/Role") and _kid_count(element) != 1:
            raise _NotSound("a Form element that is not exactly one widget")
        if role == "Table":
            _check_regular(element, roles)
        if role == "TH" and not _has_attribute(element, "/Scope"):
            _scope_header(element, parent, roles)


def _kid_count(element: pikepdf.Dictionary) -> int:
    kids = element.get("/K")
    return len(kids) if isinstance(kids, pikepdf.Array) else int(kids is not None)


def _rows(table: pikepdf.Dictionary, roles: dict[str, str]) -> list[pikepdf.Dictionary]:
    rows: list[pikepdf.Dictionary] = []
    for kid in element_kids(table):
        role = _standard(str(kid.get("/S", "/P"))[1:], roles)
        if role == "TR":
            rows.append(kid)
        elif role in ("THead", "TBody", "TFoot"):
            rows.extend(element_kids(kid))
    return rows


def _span(cell: pikepdf.Dictionary, key: str) -> int:
    attributes = cell.get("/A")
    items = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
    for item in items:
        if isinstance(item, pikepdf.Dictionary) and key in item:
            try:
                return max(1, int(item[key]))
            except (TypeError, ValueError):
                return 1
    return 1


def _check_regular(table: pikepdf.Dictionary, roles: dict[str, str]) -> None:
    """PDF/UA (veraPDF 7.2-42, -43): every row spans the same number of columns."""
    rows = _rows(table, roles)
    reaching = [0] * len(rows)
    widths = []
    for r, row in enumerate(rows):
        width = reaching[r]
        for cell in element_kids(row):
            columns = _span(cell, "/ColSpan")
            width += columns
            for below in range(r + 1, min(r + _span(cell, "/RowSpan"), len(rows))):
                reaching[below] += columns
        widths.append(width)
    if len(set(widths)) > 1:
        raise _NotSound("table rows of different widths")


def _scope_header(cell: pikepdf.Dictionary, row: object, roles: dict[str, str]) -> None:
    """A header cell's scope, where the table's shape says it: the first row's headers are
    column headers, a row's leading header is a row header. Anything else is not guessed."""
    if not isinstance(row, pikepdf.Dictionary):
        raise _NotSound("a header cell outside a row")
    table = row.get("/P")
    if isinstance(table, pikepdf.Dictionary) and _standard(
        str(table.get("/S", "/P"))[1:], roles
    ) in ("THead", "TBody", "TFoot"):
        table = table.get("/P")
    rows = _rows(table, roles) if isinstance(table, pikepdf.Dictionary) else []
    cells = element_kids(row)
    if rows and rows[0].objgen == row.objgen:
        scope = pikepdf.Name.Column
    elif cells and cells[0].objgen == cell.objgen:
        scope = pikepdf.Name.Row
    else:
        raise _NotSound("a header cell whose scope the table does not show")
    attribute = pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=scope)
    existing = cell.get("/A")
    if existing is None:
        cell[pikepdf.Name.A] = attribute
    elif isinstance(existing, pikepdf.Array):
        existing.append(attribute)
    else:
        cell[pikepdf.Name.A] = pikepdf.Array([existing, attribute])


def _has_attribute(element: pikepdf.Dictionary, key: str) -> bool:
    attributes = element.get("/A")
    items = list(attributes) if isinstance(attributes, pikepdf.Array) else [attributes]
    return any(isinstance(a, pikepdf.Dictionary) and key in a for a in items)


def _check_annotations(
    page: pikepdf.Page, elements: dict[int, pikepdf.Dictionary], roles: dict[str, str]
) -> None:
    annots = page.obj.get("/Annots")
    if not isinstance(annots, pikepdf.Array):
        return
    for annot in annots:
        if not isinstance(annot, pikepdf.Dictionary):
            continue
        flags = annot.get("/F", 0)
        if name_entry(annot, "/Subtype") in _NOT_CONTENT_ANNOTS or (
            isinstance(flags, int) and flags & 2
        ):
            continue
        if "/StructParent" not in annot:
            raise _NotSound("an annotation is not tagged")
        element = elements.get(int(annot.StructParent))
        if element is None:
            raise _NotSound("an annotation's /StructParent leads nowhere")
        if annot.get("/Subtype") == "/Link" and _standard(
            str(element.get("/S", "/"))[1:], roles
        ) != "Link":
            # PDF/UA-1 7.18.5 (veraPDF 7.18.5-1): a link's annotation is a Link element's.
            # (WeasyPrint puts the second of two annotations over one link in a NonStruct.)
            raise _NotSound("a link annotation outside a Link element")
        if annot.get("/Subtype") == "/Widget" and not str(element.get("/Alt", "")).strip():
            describe_field(annot, element)
        if annot.get("/Subtype") == "/Link" and not str(annot.get("/Contents", "")).strip():
            target = uri_of(annot)
            if not target:
                raise _NotSound("a link without /Contents or an address to describe it")
            annot[pikepdf.Name.Contents] = pikepdf.String(target)


def _complete_page(pdf: pikepdf.Pdf, page: pikepdf.Page, known: set[int]) -> int:
    """Wrap painting outside any marked content in /Artifact; refuse unreferenced MCIDs."""
    instructions = list(pikepdf.parse_content_stream(page))
    names = xobject_names(page.obj.get("/Resources"))
    named = property_lists(page.obj.get("/Resources"))
    out: list[pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage] = []
    depth = 0
    open_artifact = False
    added = 0
    path_start: int | None = None  # where the path being built starts in ``out``

    def close() -> None:
        nonlocal open_artifact
        if open_artifact:
            out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))
            open_artifact = False

    for instruction in instructions:
        if not isinstance(instruction, pikepdf.ContentStreamInlineImage):
            op = operator_name(instruction.operator)
            if op in ("BDC", "BMC"):
                close()
                depth += 1
                _check_mark(instruction, known, named)
            elif op == "EMC":
                close()
                depth = max(depth - 1, 0)
            elif op in ("BT", "ET"):
                close()
            elif op in ("m", "re") and path_start is None:
                path_start = len(out)
            elif op == "n":
                path_start = None
        if depth == 0 and is_painting(instruction, names) and not open_artifact:
            at = path_start if path_start is not None else len(out)
            out.insert(at, pikepdf.ContentStreamInstruction(
                [pikepdf.Name.Artifact], pikepdf.Operator("BMC")))
            open_artifact = True
            added += 1
        if not isinstance(instruction, pikepdf.ContentStreamInlineImage) and str(
            instruction.operator
        ) in ("f", "F", "f*", "B", "B*", "b", "b*", "S", "s"):
            path_start = None
        out.append(instruction)
    close()
    if added:
        page.obj[pikepdf.Name.Contents] = pdf.make_stream(pikepdf.unparse_content_stream(out))
    return added


def _check_mark(
    instruction: pikepdf.ContentStreamInstruction,
    known: set[int],
    named: dict[str, pikepdf.Dictionary],
) -> None:
    operands = list(instruction.operands)
    properties = operands[1] if len(operands) > 1 else None
    if isinstance(properties, pikepdf.Name):
        properties = named.get(str(properties))
    if (
        isinstance(properties, pikepdf.Dictionary)
        and "/MCID" in properties
        and int(properties["/MCID"]) not in known
    ):
        raise _NotSound("an MCID the ParentTree does not know")


def _describe_figures(elements: list[pikepdf.Dictionary], roles: dict[str, str]) -> list[str]:
    review: list[str] = []
    for element in elements:
        if _standard(str(element.get("/S"))[1:], roles) != "Figure":
            continue
        if str(element.get("/Alt", "")).strip():
            continue
        actual = str(element.get("/ActualText", "")).strip()
        caption = _caption_text(element, roles)
        if actual or caption:
            element[pikepdf.Name.Alt] = pikepdf.String(actual or caption)
        else:
            review.append("a figure has no alternative text in the source and no caption: "
                          "a person must describe it")
    return review


def _caption_text(figure: pikepdf.Dictionary, roles: dict[str, str]) -> str:
    """The /ActualText or /Alt of a Caption inside the figure or beside it (the author's
    words; the caption's drawn text is not collected here)."""
    parent = figure.get("/P")
    candidates = element_kids(figure)
    if isinstance(parent, pikepdf.Dictionary):
        candidates += element_kids(parent)
    for kid in candidates:
        if _standard(str(kid.get("/S", "/P"))[1:], roles) == "Caption":
            text = str(kid.get("/ActualText", "") or kid.get("/Alt", "")).strip()
            if text:
                return text
    return ""


def _identify_notes(elements: list[pikepdf.Dictionary], roles: dict[str, str]) -> None:
    used = {str(e.get("/ID")) for e in elements if "/ID" in e}
    number = 0
    for element in elements:
        if _standard(str(element.get("/S"))[1:], roles) == "Note" and "/ID" not in element:
            number += 1
            while f"note-{number}" in used:
                number += 1
            element[pikepdf.Name.ID] = pikepdf.String(f"note-{number}")
