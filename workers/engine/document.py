"""The Document model: what a reader understood about a PDF, and what every renderer reads.

A small typed tree of blocks in reading order, plus the page furniture (artifacts) kept apart.
Every block carries provenance (:class:`Prov`): the page, its bounding box, and references to
the source content that drew it — marked-content ids (MCIDs) where the source had them, and
ranges of content-stream operator indices — so the tagged-PDF renderer can wrap the original
drawing operators in marked content without analysing the PDF again.

Coordinates are PDF user space of the page (points, origin bottom-left, y upwards), the space
``/MediaBox`` is written in, so boxes compare directly with the source's operators.

The JSON form is versioned (:data:`SCHEMA_VERSION`); every object is a JSON object and every
block has a ``"type"`` key naming its kind. ``from_json(to_json(doc)) == doc`` always.

>>> doc = Document(title="Report", language="en", pages=[Page(595.0, 842.0)],
...                blocks=[Heading(text="Report", level=1), Paragraph(text="Hello.")])
>>> Document.from_json(doc.to_json()) == doc
True

Schema (version 1), as produced by :meth:`Document.to_dict`::

    {"schema_version": 1, "reader": "layout" | "structure", "title": str | null,
     "language": str | null, "pages": [{"width", "height", "rotation", "needs_ocr", "x0", "y0"}],
     "blocks": [Block], "artifacts": [Artifact], "warnings": [{"code", "message", "page"}]}
    Block = heading {text, level 1-6} | paragraph {text, preformatted}
          | list {ordered, contents, definitions, items: [list_item]}
          | list_item {label, blocks: [Block], label_prov: [prov], page_label}
          | table {rows: [{cells: [cell]}], caption}
          | cell {text, header, scope: "row"|"column"|"both"|null, row_span, col_span}
          | figure {image, caption, alt} | note {label, text} | link {text, target}
    and every block and artifact also has "prov": [{"page", "bbox": [x0, y0, x1, y1],
    "mcids": [int], "operators": [[start, end]]}] and text blocks "links": [link]; a prov whose
    text reads one operator's glyphs on both sides of another's also has "interleaved": true
    (absent when false), and one whose text joins accents drawn apart to their letters
    ("László", drawn "Laszl´o") "joined_accents": true (absent when false), and one whose
    text parts words the drawing sets together (a note's mark, "1 The" drawn "1The")
    "spaced_apart": true (absent when false), and one whose text runs a word on over a line
    break the drawing sets apart with no hyphen (a cell's "github.c" / "om" read "github.com")
    "run_on": true (absent when false), and one whose text reads underscores drawn as rules
    ("asn1_node", drawn "asn1 node") "drawn_underscores": true (absent when false).
    Every block (and cell) also has "lang": str | null (optional when decoding).
    A paragraph's "preformatted" (bool, optional when decoding, absent when false) says its
    text is a code listing or other preformatted text: its lines ("\n") and leading spaces
    are the author's and must be kept, the text read as code.

A block's ``lang`` is the natural language of its text (a BCP 47 tag such as "de-DE", as the
source's ``/Lang`` says it) where it differs from the language of what holds it — the list,
item or table around it, else the document's ``language``; null where it is the same (the
language is inherited, PDF 32000-1 14.9.2), so a screen reader speaks that passage in its own
voice.

A table of contents is a list with ``"contents": true``: each item is an entry, its blocks the
entry as printed (title, leader dots, page number), its ``page_label`` the page number printed
for it ("12", "iv"; empty when none is printed), and its paragraph's links the entry's target
when the PDF links it ("#page=N", N counted from 1, for a page of the document); entries
nested below an entry are a contents list in its blocks. Both keys are optional when decoding
(JSON written before they existed reads as a plain list).

A definition list (HTML's ``<dl>``, a glossary, a manual page's options) is a list with
``"definitions": true`` (optional when decoding, absent when false): each item's ``label`` is
the term as printed ("-v, --verbose"), its ``label_prov`` where the term is drawn, and its
blocks the definition. Renderers give it as ``<dl>``/``<dt>``/``<dd>`` (a term in bold where
a format has no such list); the tagged PDF as ``L`` with ``/ListNumbering /None``, each term
the ``Lbl`` of its ``LI`` and the definition its ``LBody``.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal, Union

#: Bumped whenever a field is renamed, removed or changes meaning (adding an optional one is not).
SCHEMA_VERSION = 1

Scope = Literal["row", "column", "both"]
#: ("pagination": what a page break made the page repeat, other than its running lines: a
#: table's title and header row said again where the table goes on.)
ArtifactKind = Literal["header", "footer", "page-number", "pagination", "decoration", "other"]


@dataclass(frozen=True, init=False)
class BBox:
    """A rectangle in page user space: left, bottom, right, top (points)."""

    x0: float
    y0: float
    x1: float
    y1: float

    def __init__(self, x0: float, y0: float, x1: float, y1: float) -> None:
        # (A frozen dataclass's own __init__ sets each field through object.__setattr__, a
        # call per field; the reader makes a box for every glyph group and block, so the
        # fields are written straight into the instance's dict: the same object.)
        fields = self.__dict__
        fields["x0"] = x0
        fields["y0"] = y0
        fields["x1"] = x1
        fields["y1"] = y1

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def union(self, other: BBox) -> BBox:
        return BBox(
            min(self.x0, other.x0),
            min(self.y0, other.y0),
            max(self.x1, other.x1),
            max(self.y1, other.y1),
        )


@dataclass(frozen=True)
class ActualText:
    """Text the author gave in place of some drawing (``/ActualText``, PDF 32000-1 14.9.4): a
    logo drawn in pieces ("LaTeX"), a ligature, a hyphen that only breaks a line. The block's
    text already says ``text``; ``operators`` (as :attr:`Prov.operators`) are what it replaces,
    so that a tagged output can say it over exactly that drawing."""

    text: str
    operators: tuple[tuple[int, int], ...]


@dataclass(frozen=True, init=False)
class Prov:
    """Where on a source page a block (or the part of it on that page) came from.

    ``page`` is 0-based. ``operators`` are half-open ``(start, end)`` ranges of indices into
    ``pikepdf.parse_content_stream(page)`` (the page's own content streams, concatenated);
    an operator inside a Form XObject is referred to by the ``Do`` that paints the form.
    """

    page: int
    bbox: BBox
    mcids: tuple[int, ...] = ()
    operators: tuple[tuple[int, int], ...] = ()
    #: Parts of the drawing read as other text than the glyphs drawn (the author's word).
    actual_texts: tuple[ActualText, ...] = ()
    #: The text reads some operator's glyphs, then another operator's, then the first's again
    #: (a line "NEEL KASHKARI REP 247" whose name and votes one operator draws, its party
    #: another): wrapped whole, in drawing order, the operators would read otherwise. Written
    #: to JSON only when true.
    interleaved: bool = field(default=False, metadata={"omitted_when": False})
    #: The text joins accents drawn apart to their letters ("o" and a spacing "´" set over
    #: it read "ó", see :mod:`.layout.accents`): the drawing, read in order, says
    #: "Laszl´o". Written to JSON only when true.
    joined_accents: bool = field(default=False, metadata={"omitted_when": False})
    #: The text parts words the drawing sets together: a note's raised mark and its first
    #: word ("1 The", drawn "1The", see :mod:`.layout.footnotes`). Written to JSON only when
    #: true.
    spaced_apart: bool = field(default=False, metadata={"omitted_when": False})
    #: The text runs a word on over a line break the drawing sets apart, with no hyphen: a
    #: web address broken at a narrow cell's edge ("github.c" / "om" read "github.com", see
    #: :func:`.layout.line_breaks.cell_text`). Written to JSON only when true.
    run_on: bool = field(default=False, metadata={"omitted_when": False})
    #: The text reads underscores drawn as rules, not glyphs ("asn1_node", drawn "asn1" and
    #: "node" with a rule between, see :mod:`.layout.drawn_underscores`): the drawing's text
    #: has a space or nothing there. Written to JSON only when true.
    drawn_underscores: bool = field(default=False, metadata={"omitted_when": False})

    def __init__(
        self,
        page: int,
        bbox: BBox,
        mcids: tuple[int, ...] = (),
        operators: tuple[tuple[int, int], ...] = (),
        actual_texts: tuple[ActualText, ...] = (),
        interleaved: bool = False,
        joined_accents: bool = False,
        spaced_apart: bool = False,
        run_on: bool = False,
        drawn_underscores: bool = False,
    ) -> None:
        # (Written straight into the instance's dict, as BBox's: one per block and part.)
        fields = self.__dict__
        fields["page"] = page
        fields["bbox"] = bbox
        fields["mcids"] = mcids
        fields["operators"] = operators
        fields["actual_texts"] = actual_texts
        fields["interleaved"] = interleaved
        fields["joined_accents"] = joined_accents
        fields["spaced_apart"] = spaced_apart
        fields["run_on"] = run_on
        fields["drawn_underscores"] = drawn_underscores


@dataclass
class Link:
    text: str
    target: str
    prov: list[Prov] = field(default_factory=list)
    lang: str | None = None
    type: ClassVar[str] = "link"


@dataclass
class Heading:
    text: str
    level: int = 1
    prov: list[Prov] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    lang: str | None = None
    type: ClassVar[str] = "heading"


@dataclass
class Paragraph:
    text: str
    prov: list[Prov] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    lang: str | None = None
    #: A code listing or other preformatted text (set in a fixed-pitch face, apart from the
    #: running text): ``text`` keeps its line breaks ("\n") and each line's leading spaces,
    #: and is rendered and tagged as code. Written to JSON only when true.
    preformatted: bool = field(default=False, metadata={"omitted_when": False})
    type: ClassVar[str] = "paragraph"


@dataclass
class ListItem:
    #: The bullet or number as printed ("•", "3.", "(b)"); empty when there is none.
    label: str
    blocks: list[Block] = field(default_factory=list)
    prov: list[Prov] = field(default_factory=list)
    #: Where the label alone is drawn, when its glyphs can be told apart from the body's (the
    #: tagger tags them ``Lbl``); empty when they cannot, or when the reader does not know.
    label_prov: list[Prov] = field(default_factory=list)
    #: An entry of a table of contents: the page number printed for it ("12", "iv"), which is
    #: also the end of its text as drawn; empty in other lists, or when none is printed.
    page_label: str = ""
    lang: str | None = None
    type: ClassVar[str] = "list_item"

    @property
    def text(self) -> str:
        """The item's own text, without the label and without lists nested in it."""
        return " ".join(block_text(b) for b in self.blocks if not isinstance(b, ListBlock))


@dataclass
class ListBlock:
    items: list[ListItem] = field(default_factory=list)
    ordered: bool = False
    prov: list[Prov] = field(default_factory=list)
    #: The list is a table of contents (tagged ``TOC``/``TOCI``, rendered as navigation).
    contents: bool = False
    #: A definition list: each item's label is a term, its blocks the term's definition
    #: (rendered ``<dl>``, tagged ``L`` numbered ``/None``). Written to JSON only when true.
    definitions: bool = field(default=False, metadata={"omitted_when": False})
    lang: str | None = None
    type: ClassVar[str] = "list"


@dataclass
class Cell:
    text: str
    header: bool = False
    scope: Scope | None = None
    row_span: int = 1
    col_span: int = 1
    prov: list[Prov] = field(default_factory=list)
    lang: str | None = None
    type: ClassVar[str] = "cell"


@dataclass
class Row:
    cells: list[Cell] = field(default_factory=list)
    type: ClassVar[str] = "row"


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    caption: str | None = None
    prov: list[Prov] = field(default_factory=list)
    lang: str | None = None
    type: ClassVar[str] = "table"


@dataclass
class Figure:
    #: Where the image is: "page:N/object:K" (pdfium page-object index) or an XObject name.
    image: str | None = None
    caption: str | None = None
    #: Only from the source (/Alt); never invented.
    alt: str | None = None
    prov: list[Prov] = field(default_factory=list)
    lang: str | None = None
    type: ClassVar[str] = "figure"


@dataclass
class Note:
    text: str
    label: str = ""
    prov: list[Prov] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    lang: str | None = None
    type: ClassVar[str] = "note"


@dataclass
class Artifact:
    kind: ArtifactKind
    text: str = ""
    prov: list[Prov] = field(default_factory=list)
    type: ClassVar[str] = "artifact"


Block = Union[Heading, Paragraph, ListBlock, ListItem, Table, Figure, Note, Link]  # noqa: UP007


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    rotation: int = 0
    #: The page draws images but no text: its content can only be read after OCR.
    needs_ocr: bool = False
    #: Lower-left corner of the crop box: user space need not start at (0, 0).
    x0: float = 0.0
    y0: float = 0.0


@dataclass(frozen=True)
class Warning:
    """Something the reader could not do fully; the model is still usable."""

    code: str
    message: str
    page: int | None = None


@dataclass
class Document:
    title: str | None = None
    language: str | None = None
    pages: list[Page] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    artifacts: list[Artifact] = field(default_factory=list)
    warnings: list[Warning] = field(default_factory=list)
    #: Which reader built the model: "layout" or "structure".
    reader: str = "layout"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema_version": SCHEMA_VERSION}
        out.update(_encode(self))
        return out

    def to_json(self, *, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise ValueError(f"unsupported Document schema version {version!r}")
        body = {k: v for k, v in data.items() if k != "schema_version"}
        decoded = _decode(cls, body)
        assert isinstance(decoded, Document)
        return decoded

    @classmethod
    def from_json(cls, text: str) -> Document:
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a Document must be a JSON object")
        return cls.from_dict(data)

    def walk(self) -> typing.Iterator[Block]:
        """Every block, depth first, in reading order (list items and their contents too)."""
        yield from _walk(self.blocks)


def _walk(blocks: list[Block]) -> typing.Iterator[Block]:
    for block in blocks:
        yield block
        if isinstance(block, ListBlock):
            yield from _walk(list(block.items))
        elif isinstance(block, ListItem):
            yield from _walk(block.blocks)


#: Leader dots (or rules) between a contents entry's title and its page number.
_LEADERS = re.compile(r"(?:\s*[.\u00b7\u2024\u2025\u2026\u22ef_])+\s*$")

#: The target a contents entry links to within the document: "#page=N" (N from 1).
PAGE_TARGET = re.compile(r"^#page=(\d+)$")


def contents_title(item: ListItem) -> str:
    """A contents entry's title: its text without the page number and leaders printed after
    it ("2.1 Methods ........ 7" -> "2.1 Methods")."""
    text = item.text.strip()
    if item.page_label and text.endswith(item.page_label):
        text = text[: len(text) - len(item.page_label)]
    return _LEADERS.sub("", text).strip() or item.text.strip()


def without_leaders(contents: ListBlock) -> ListBlock:
    """A copy of a contents list whose entries read "title page" (the leader dots dropped):
    for outputs that reflow the text, where a line of dots says nothing and wraps."""
    items = []
    for item in contents.items:
        blocks: list[Block] = []
        for block in item.blocks:
            if isinstance(block, ListBlock) and block.contents:
                blocks.append(without_leaders(block))
            elif isinstance(block, Paragraph) and not blocks:
                text = " ".join(p for p in (contents_title(item), item.page_label) if p)
                blocks.append(Paragraph(text, block.prov, block.links))
            else:
                blocks.append(block)
        items.append(dataclasses.replace(item, blocks=blocks))
    return dataclasses.replace(contents, items=items)


def page_target(page: int) -> str:
    """The link target of page index ``page`` (0-based) of the document itself."""
    return f"#page={page + 1}"


def row_page(row: Row) -> int | None:
    """The page index a table row begins on: the first page among its cells' ``prov``
    (None when no cell says where it came from)."""
    return min((p.page for cell in row.cells for p in cell.prov), default=None)


def block_text(block: Block) -> str:
    """The plain text a block reads as, in order (tables row by row)."""
    if isinstance(block, Heading | Paragraph | Note | Link):
        return block.text
    if isinstance(block, ListItem):
        parts = [block.label, *(block_text(b) for b in block.blocks)]
        return " ".join(part for part in parts if part)
    if isinstance(block, ListBlock):
        return " ".join(block_text(item) for item in block.items)
    if isinstance(block, Table):
        cells = [cell.text for row in block.rows for cell in row.cells]
        return " ".join(part for part in [block.caption or "", *cells] if part)
    return block.caption or ""


# --- JSON encoding: dataclass fields by name, blocks tagged with "type" -----------------------

_BLOCK_TYPES: dict[str, type[Any]] = {
    cls.type: cls for cls in (Heading, Paragraph, ListBlock, ListItem, Table, Figure, Note, Link)
}


def _encode(value: Any) -> Any:
    if isinstance(value, BBox):
        return [value.x0, value.y0, value.x1, value.y1]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out: dict[str, Any] = {}
        kind = getattr(type(value), "type", None)
        if isinstance(kind, str):
            out["type"] = kind
        for f in dataclasses.fields(value):
            field_value = getattr(value, f.name)
            if "omitted_when" in f.metadata and field_value == f.metadata["omitted_when"]:
                continue  # (a field added later, left out where it says nothing)
            out[f.name] = _encode(field_value)
        return out
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    return value


def _decode(hint: Any, data: Any) -> Any:
    origin = typing.get_origin(hint)
    if hint is BBox:
        x0, y0, x1, y1 = (float(v) for v in data)
        return BBox(x0, y0, x1, y1)
    if origin in (Union, types.UnionType):
        args = typing.get_args(hint)
        if data is None and type(None) in args:
            return None
        if isinstance(data, dict) and "type" in data:
            return _decode(_BLOCK_TYPES[data["type"]], data)
        (inner,) = [a for a in args if a is not type(None)]
        return _decode(inner, data)
    if origin is list:
        (inner,) = typing.get_args(hint)
        return [_decode(inner, v) for v in data]
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in data)
        return tuple(_decode(a, v) for a, v in zip(args, data, strict=True))
    if origin is Literal:
        if data not in typing.get_args(hint):
            raise ValueError(f"{data!r} is not one of {typing.get_args(hint)}")
        return data
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _type_hints(hint)
        kwargs = {
            f.name: _decode(hints[f.name], data[f.name])
            for f in dataclasses.fields(hint)
            if f.name in data
        }
        return hint(**kwargs)
    if hint is float:
        return float(data)
    if hint is int or hint is str or hint is bool or hint is Any:
        return data
    raise TypeError(f"cannot decode {hint!r}")


@functools.cache
def _type_hints(cls: type[Any]) -> dict[str, Any]:
    """``typing.get_type_hints(cls)``, worked out once per class: it compiles each forward
    reference ("list[Block]") again at every call, which made decoding a long document's
    model take seconds (a call per block, cell and provenance)."""
    return typing.get_type_hints(cls)


def _hint_types() -> None:
    # Resolve forward references once, so a typo in a field type fails at import, not in use
    # (and decoding finds them worked out).
    for cls in (*_BLOCK_TYPES.values(), Document, Prov, Page, Warning, Artifact, Row, Cell):
        _type_hints(cls)


_hint_types()
