"""DOCX, EPUB 3 and plain text from the Document model, written by pandoc.

The Document becomes a pandoc JSON AST with the same reading as the
HTML page (:mod:`workers.engine.render_html`): headings with no skipped level (Word's
"Heading N" styles, the EPUB's chapters and navigation), real nested lists keeping the
printed numbering, real tables with header rows, row headers and spans, figures as images
with the source's alt text (or caption) and captions, links with safe addresses, footnotes in
place, code listings as code blocks (their lines and indentation kept), right-to-left
paragraphs marked ``dir=rtl``. pandoc is run through
:mod:`workers.engine.external.pandoc` (timeout, stderr logged, RenderError on failure).

>>> docx = render_pandoc(document, "docx", source=Path("report.pdf"))  # doctest: +SKIP
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .captions import without_caption_paragraphs
from .document import (
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
    Row,
    Table,
    without_leaders,
)
from .external import pandoc
from .heading_levels import HeadingLevels
from .language import declared_tag
from .render_html import (
    ListNumbering,
    data_uri,
    is_mostly_rtl,
    language_tag,
    place_links,
    safe_href,
)
from .render_large_print import (
    FigureSource,
    Picture,
    clean_text,
    document_title,
    header_rows,
    preformatted_text,
    text_direction,
)

PandocFormat = Literal["docx", "epub", "text"]

#: Seconds pandoc may take for one document (a 400-page source takes a few seconds).
PANDOC_TIMEOUT = 300.0
#: Widest a picture may be in a Word page or an e-book, in inches (A4 less 20 mm margins).
_MAX_IMAGE_INCHES = 170 / 25.4
#: As render_large_print's figures: smaller (points) is a rule or a speck, not a picture.
_MIN_PICTURE_PT = 12.0

_WRITER_ARGS: dict[PandocFormat, tuple[str, list[str]]] = {
    "docx": ("docx", []),
    # EPUB 3 with its navigation document; one chapter per level-1 heading.
    "epub": ("epub3", ["--split-level=1"]),
    # One line per paragraph: the reader's software wraps, and braille displays and screen
    # readers are not interrupted by hard line breaks. Wide columns keep table cells whole.
    "text": ("plain", ["--wrap=none", "--columns=10000"]),
}

Json = dict[str, Any]


@dataclass
class PandocOutput:
    content: bytes
    notes: list[str]
    #: Figures drawn as images with neither alt text nor caption in the source.
    figures_without_alt: int


def render_pandoc(
    document: Document,
    output: PandocFormat,
    *,
    source: Path | None = None,
    timeout: float = PANDOC_TIMEOUT,
) -> PandocOutput:
    """``document`` as DOCX, EPUB 3 or UTF-8 plain text; pandoc's failures raise RenderError.

    Figures are drawn from ``source`` (the PDF the Document was read from), except in plain
    text, which has no images (their alt text and captions are given).
    """
    images = output != "text"
    figures = FigureSource(source, document) if source and images else None
    builder = _AstBuilder(figures, images=images)
    try:
        ast = builder.document(document)
    finally:
        if figures:
            figures.close()
    writer, args = _WRITER_ARGS[output]
    if output == "text":
        args = [*args, "--standalone"]  # the title block, from the metadata
    content = pandoc.convert(
        json.dumps(ast, ensure_ascii=False),
        from_format="json",
        to_format=writer,
        timeout=timeout,
        extra_args=args,
    )
    return PandocOutput(content, builder.notes(), builder.figures_without_alt)


class _AstBuilder:
    def __init__(self, figures: FigureSource | None, *, images: bool) -> None:
        self.figures = figures
        #: Plain text: no pictures, and table captions as paragraphs before their tables.
        self.images = images
        self.caption_first = not images
        self.headings = HeadingLevels()
        self.figures_without_alt = 0
        self.unsafe_links = 0
        self.links_not_placed = 0

    def document(self, document: Document) -> Json:
        title = document_title(document)
        # Every writer prints the title from the metadata (Word's Title style, the EPUB's
        # title page, the text's first line): a first heading repeating it is left out.
        blocks = _without_title_heading(document.blocks, title)
        body = self.blocks(blocks)
        if not body:
            body = [_para("No text could be read from this document automatically.")]
        language, _ = language_tag(document.language)
        meta: Json = {
            "title": {"t": "MetaInlines", "c": _words(title)},
            "lang": {"t": "MetaString", "c": language},
        }
        if is_mostly_rtl(document):
            meta["dir"] = {"t": "MetaString", "c": "rtl"}
        return {"pandoc-api-version": list(pandoc.api_version()), "meta": meta, "blocks": body}

    def notes(self) -> list[str]:
        notes: list[str] = []
        if heading_note := self.headings.note():
            notes.append(heading_note)
        if self.figures_without_alt:
            notes.append(
                f"{self.figures_without_alt} figure(s) have no alternative text or caption in "
                "the source and none was invented: a person should describe them"
            )
        if self.unsafe_links:
            notes.append(
                f"{self.unsafe_links} link(s) with an address that is not a web or e-mail "
                "address are kept as text"
            )
        if self.links_not_placed:
            notes.append(
                f"{self.links_not_placed} link(s) whose text could not be found in their "
                "paragraph are not linked"
            )
        return notes

    def blocks(self, blocks: list[Block]) -> list[Json]:
        out: list[Json] = []
        for block in without_caption_paragraphs(blocks):
            out.extend(self.block(block))
        return out

    def block(self, block: Block) -> list[Json]:
        if isinstance(block, Heading):
            text = clean_text(block.text)
            if not text:
                return []
            level = self.headings.level(block.level, text)
            header = {"t": "Header", "c": [level, pandoc_attr(), self._inlines(text, block.links)]}
            return [in_language(block.lang, rtl_directed(text, header))]
        if isinstance(block, Paragraph) and block.preformatted:
            return code_block(block)
        if isinstance(block, Paragraph):
            text = clean_text(block.text)
            para = _para_of(self._inlines(text, block.links))
            return [in_language(block.lang, rtl_directed(text, para))] if text else []
        if isinstance(block, Note):
            text = clean_text(block.text)
            label = clean_text(block.label)
            if label and not text.startswith(label):
                text = f"{label} {text}".strip()
            para = _para_of(self._inlines(text, block.links))
            return [in_language(block.lang, rtl_directed(text, para))] if text else []
        if isinstance(block, Link):
            return self._link_block(block)
        if isinstance(block, ListBlock):
            return self._list(block)
        if isinstance(block, ListItem):
            return self._list(ListBlock(items=[block]))
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Figure):
            return self._figure(block)
        return []

    def _inlines(self, text: str, links: list[Link]) -> list[Json]:
        placed = place_links(text, links)
        self.unsafe_links += placed.unsafe
        self.links_not_placed += placed.not_found
        out: list[Json] = []
        position = 0
        for start, end, href in placed.spans:
            out.extend(_words(text[position:start], leading=bool(out)))
            out.append({"t": "Link", "c": [pandoc_attr(), _words(text[start:end]), [href, ""]]})
            position = end
        out.extend(_words(text[position:], leading=bool(out)))
        return _tidy_spaces(out)

    def _link_block(self, link: Link) -> list[Json]:
        text = clean_text(link.text)
        target = clean_text(link.target)
        href = safe_href(target)
        if href is None:
            if target:
                self.unsafe_links += 1
            return [_para(text)] if text else []
        label = text or target
        return [_para_of([{"t": "Link", "c": [pandoc_attr(), _words(label), [href, ""]]}])]

    def _list(self, block: ListBlock) -> list[Json]:
        if block.definitions:
            return self._definitions(block)
        if block.contents:
            block = without_leaders(block)
        items = [item for item in block.items if item.blocks or clean_text(item.label)]
        if not items:
            return []
        contents = [self.blocks(item.blocks) or [_plain(clean_text(item.label))] for item in items]
        # Tight lists: a single paragraph per item is Plain, as pandoc reads "- item".
        contents = [
            [_plain_of(c[0]["c"])] if len(c) == 1 and c[0]["t"] == "Para" else c for c in contents
        ]
        if not block.ordered:
            return [{"t": "BulletList", "c": contents}]
        numbering = ListNumbering([clean_text(item.label) for item in items])
        style = {
            "1": "Decimal",
            "i": "LowerRoman",
            "I": "UpperRoman",
            "a": "LowerAlpha",
            "A": "UpperAlpha",
        }.get(numbering.kind, "DefaultStyle")
        start = numbering.values[0] if numbering.values and numbering.values[0] else 1
        attributes = [start, {"t": style}, {"t": "Period"}]
        return [{"t": "OrderedList", "c": [attributes, contents]}]

    def _definitions(self, block: ListBlock) -> list[Json]:
        """A definition list: each term in bold, its definition's blocks under it (pandoc
        writes a docx's in its "Definition Term" and "Definition" styles, HTML's as
        ``<dl>``)."""
        items: list[list[Any]] = []  # (each a term's inlines and its definitions)
        for item in block.items:
            term, inner = clean_text(item.label), self.blocks(item.blocks)
            if term or inner:
                strong = [{"t": "Strong", "c": _words(term)}] if term else []
                items.append([strong, [inner] if inner else []])
        return [{"t": "DefinitionList", "c": items}] if items else []

    def _table(self, table: Table) -> list[Json]:
        rows = [row for row in table.rows if row.cells]
        caption = clean_text(table.caption or "")
        if not caption and not any(clean_text(c.text) for row in rows for c in row.cells):
            return []
        head = header_rows(Table(rows=rows))
        grid, width = table_grid(rows)
        body_rows = rows[head:]
        row_heads = (
            1
            if body_rows
            and all(r.cells[0].header and clean_text(r.cells[0].text) for r in body_rows)
            else 0
        )
        caption_blocks = [_plain(caption)] if caption else []
        before: list[Json] = []
        if self.caption_first and caption:
            # pandoc's plain text writes a caption after its table: it is read first instead.
            before, caption_blocks = [rtl_directed(caption, _para(caption))], []
        return [
            *before,
            {
                "t": "Table",
                "c": [
                    pandoc_attr(),
                    [None, caption_blocks],
                    [[{"t": "AlignDefault"}, {"t": "ColWidthDefault"}]] * width,
                    [pandoc_attr(), [_row(r) for r in grid[:head]]],
                    [[pandoc_attr(), row_heads, [], [_row(r) for r in grid[head:]]]],
                    [pandoc_attr(), []],
                ],
            }
        ]

    def _figure(self, figure: Figure) -> list[Json]:
        alt = clean_text(figure.alt or "")
        caption = clean_text(figure.caption or "")
        picture = self.figures.draw(figure) if self.figures else None
        if not alt and not caption:
            if picture is not None or (not self.images and _picture_sized(figure)):
                # Shown (or, in plain text, left out) with nothing said about it.
                self.figures_without_alt += 1
            if picture is None:
                return []
        content: list[Json] = []
        if picture is not None:
            # Never invented: the caption may serve as the alternative (standards.md).
            content.append(_plain_of([_image(picture, alt or caption)]))
        elif alt:
            content.append(rtl_directed(alt, _para(alt)))
        if caption and picture is not None:
            captioned = {"t": "Figure", "c": [pandoc_attr(), [None, [_plain(caption)]], content]}
            return [rtl_directed(caption, captioned)]
        if caption:
            content.append(rtl_directed(caption, _para(caption)))
        return content


@dataclass(frozen=True)
class GridCell:
    cell: Cell
    row_span: int
    col_span: int


def table_grid(rows: list[Row]) -> tuple[list[list[GridCell]], int]:
    """The rows as a grid pandoc accepts, and its width in columns.

    Readers give ragged rows and spans that run off the table or into other cells; pandoc
    refuses a table with a grid position no cell covers ("unassigned table cell"). Cells are
    placed in reading order as a browser would (skipping positions taken by a row span from
    above), spans are cut where they would overlap or leave the table, and holes are filled
    with empty cells, so every position is covered exactly once.
    """
    taken: dict[tuple[int, int], bool] = {}
    placed: list[list[tuple[int, GridCell]]] = []
    for r, row in enumerate(rows):
        column = 0
        cells: list[tuple[int, GridCell]] = []
        for cell in row.cells:
            while (r, column) in taken:
                column += 1
            col_span = 1
            while col_span < max(cell.col_span, 1) and (r, column + col_span) not in taken:
                col_span += 1
            row_span = 1
            while (
                row_span < max(cell.row_span, 1)
                and r + row_span < len(rows)
                and all((r + row_span, column + k) not in taken for k in range(col_span))
            ):
                row_span += 1
            for dr in range(row_span):
                for dc in range(col_span):
                    taken[(r + dr, column + dc)] = True
            cells.append((column, GridCell(cell, row_span, col_span)))
            column += col_span
        placed.append(cells)
    width = max((c + 1 for _, c in taken), default=0)
    grid: list[list[GridCell]] = []
    for r, cells in enumerate(placed):
        holes = [(c, GridCell(Cell(""), 1, 1)) for c in range(width) if (r, c) not in taken]
        grid.append([cell for _, cell in sorted(cells + holes, key=lambda pair: pair[0])])
    return grid, width


def _row(cells: list[GridCell]) -> list[Any]:
    return [pandoc_attr(), [_cell(cell) for cell in cells]]


def _cell(placed: GridCell) -> list[Any]:
    text = clean_text(placed.cell.text)
    return [
        pandoc_attr(),
        {"t": "AlignDefault"},
        placed.row_span,
        placed.col_span,
        [_plain(text)] if text else [],
    ]


def _image(picture: Picture, alt: str) -> Json:
    inches = min(_MAX_IMAGE_INCHES, picture.css_width / 96)
    attr = ["", [], [["width", f"{inches:.2f}in"]]]
    return {"t": "Image", "c": [attr, _words(alt), [data_uri(picture.png), ""]]}


def _without_title_heading(blocks: list[Block], title: str) -> list[Block]:
    """Without a first heading that repeats the title (pandoc prints the title itself)."""
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and clean_text(block.text):
            if clean_text(block.text).casefold() == title.casefold():
                return blocks[:index] + blocks[index + 1 :]
            return blocks
        if not isinstance(block, Figure):
            return blocks
    return blocks


def _picture_sized(figure: Figure) -> bool:
    # The size FigureSource draws: smaller is a rule or a speck, not a picture.
    box = figure.prov[0].bbox if figure.prov else None
    return box is not None and box.width >= _MIN_PICTURE_PT and box.height >= _MIN_PICTURE_PT


def pandoc_attr() -> list[Any]:
    """Pandoc's empty attribute triple (identifier, classes, key-values)."""
    return ["", [], []]


def _words(text: str, *, leading: bool = False) -> list[Json]:
    """Str and Space inlines for ``text``; a leading/trailing space is kept as a Space."""
    out: list[Json] = []
    if leading and text[:1].isspace():
        out.append({"t": "Space"})
    for word in text.split():
        if out and out[-1]["t"] != "Space":
            out.append({"t": "Space"})
        out.append({"t": "Str", "c": word})
    if text[-1:].isspace() and text.strip():
        out.append({"t": "Space"})
    return out


def _tidy_spaces(inlines: list[Json]) -> list[Json]:
    out: list[Json] = []
    for inline in inlines:
        if inline["t"] == "Space" and (not out or out[-1]["t"] == "Space"):
            continue
        out.append(inline)
    while out and out[-1]["t"] == "Space":
        out.pop()
    return out


def _para(text: str) -> Json:
    return {"t": "Para", "c": _words(text)}


def _para_of(inlines: list[Json]) -> Json:
    return {"t": "Para", "c": inlines}


def _plain(text: str) -> Json:
    return {"t": "Plain", "c": _words(text)}


def _plain_of(inlines: list[Json]) -> Json:
    return {"t": "Plain", "c": inlines}


def code_block(block: Paragraph) -> list[Json]:
    """A code listing (a preformatted paragraph) as pandoc's CodeBlock: its lines and
    indentation kept (Word's "Source Code" style, an EPUB's ``<pre><code>``, plain text's
    indented block)."""
    text = preformatted_text(block.text)
    return [{"t": "CodeBlock", "c": [pandoc_attr(), text]}] if text else []


def in_language(lang: str | None, block: Json) -> Json:
    """``block`` in a Div saying its language, where the model gives the block one of its own
    (a passage in another language than the document's: WCAG 3.1.2; Word marks its runs)."""
    tag = declared_tag(lang)
    if not tag:
        return block
    return {"t": "Div", "c": [["", [], [["lang", tag]]], [block]]}


def rtl_directed(text: str, block: Json) -> Json:
    """Right-to-left text in a Div with dir=rtl (Word's bidi, the EPUB's dir attribute)."""
    if text_direction(text) != "rtl":
        return block
    return {"t": "Div", "c": [["", [], [["dir", "rtl"]]], [block]]}
