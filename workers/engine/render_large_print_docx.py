"""Large print Word document (DOCX) from the Document model, at the reader's point size.

The same reading as the large print PDF (:mod:`workers.engine.render_large_print`), so a
reader can adjust it further in Word: the Document becomes a pandoc JSON AST — headings as
Word heading styles, real lists and tables (linearised when too wide at that size, as in the
PDF), figures with their alt text and captions — and pandoc writes the DOCX with a reference
document whose styles set the sizes (:func:`reference_docx`): body text, list and table text,
captions and footnotes at the chosen size, headings larger and bold, Arial (Liberation Sans
where Arial is missing), nothing italic, underlined or in capitals, left aligned, line spacing
1.5 with a blank line's space after each paragraph, A4 portrait with "Page N of M" in the
footer.

>>> render_large_print_docx(doc, point_size=24, source=Path("report.pdf"))  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import functools
import io
import json
import re
from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from .captions import without_caption_paragraphs
from .document import (
    Block,
    Document,
    Figure,
    Heading,
    Link,
    ListBlock,
    ListItem,
    Note,
    Paragraph,
    Table,
    block_text,
    without_leaders,
)
from .external import pandoc
from .heading_levels import HeadingLevels
from .render_large_print import (
    DEFAULT_LANGUAGE,
    DEFAULT_TITLE,
    HEADING_SCALE,
    FigureSource,
    Picture,
    clean_text,
    column_headings,
    document_title,
    header_rows,
    linearise,
    regular_rows,
    table_fits,
    text_direction,
)
from .render_pandoc import code_block, in_language, pandoc_attr, rtl_directed

#: Seconds pandoc may take for one document (a 400-page source takes a few seconds).
PANDOC_TIMEOUT = 300.0
#: Word has Arial everywhere; LibreOffice maps it to the metrically equal Liberation Sans.
DOCX_FONT = "Arial"
#: A code listing's face: fixed-pitch, so its indentation lines up (LibreOffice maps Courier
#: New to the metrically equal Liberation Mono).
DOCX_MONO = "Courier New"
#: pandoc's styles for a code block's paragraphs and its runs.
_CODE_STYLES = (("Source Code", False), ("Verbatim Char", True))
#: A4 less 20 mm margins each side: the widest a picture may be, in inches.
_TEXT_WIDTH_IN = 170 / 25.4

Json = dict[str, Any]


def render_large_print_docx(
    document: Document,
    *,
    point_size: int,
    source: Path | None = None,
    timeout: float = PANDOC_TIMEOUT,
) -> bytes:
    """The DOCX bytes; pandoc's failures and timeouts raise RenderError."""
    ast = document_ast(document, point_size=point_size, source=source)
    reference = reference_docx(point_size)
    with _temporary_file(reference, suffix=".docx") as reference_path:
        return pandoc.convert(
            json.dumps(ast, ensure_ascii=False),
            from_format="json",
            to_format="docx",
            timeout=timeout,
            extra_args=[f"--reference-doc={reference_path}"],
        )


# --- the AST -------------------------------------------------------------------------------


def document_ast(document: Document, *, point_size: int, source: Path | None = None) -> Json:
    """The pandoc JSON AST of ``document`` as large print at ``point_size``."""
    figures = FigureSource(source, document) if source else None
    builder = _AstBuilder(point_size, figures)
    title = document_title(document)
    try:
        blocks = builder.blocks(_without_title_heading(document.blocks, title))
    finally:
        if figures:
            figures.close()
    if not blocks:
        blocks = [_para("No text could be read from this document automatically.")]
    meta: Json = {
        "title": {"t": "MetaInlines", "c": _inlines(title)},
        "lang": {"t": "MetaString", "c": document.language or DEFAULT_LANGUAGE},
    }
    if text_direction(title) == "rtl":
        meta["dir"] = {"t": "MetaString", "c": "rtl"}
    return {"pandoc-api-version": list(pandoc.api_version()), "meta": meta, "blocks": blocks}


def _without_title_heading(blocks: list[Block], title: str) -> list[Block]:
    # The title is printed once, in Word's Title style, from the metadata.
    for index, block in enumerate(blocks):
        if not block_text(block).strip():
            continue
        if (
            title != DEFAULT_TITLE
            and isinstance(block, Heading)
            and clean_text(block.text).casefold() == title.casefold()
        ):
            return blocks[:index] + blocks[index + 1 :]
        break
    return blocks


class _AstBuilder:
    def __init__(self, point_size: int, figures: FigureSource | None) -> None:
        self.point_size = point_size
        self.figures = figures
        # Skipped levels closed up as in every output, siblings kept (heading_levels.py).
        self.headings = HeadingLevels()

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
            header = {"t": "Header", "c": [level, pandoc_attr(), _inlines(text)]}
            return [in_language(block.lang, rtl_directed(text, header))]
        if isinstance(block, Paragraph) and block.preformatted:
            return code_block(block)
        if isinstance(block, Paragraph | Note | Link):
            text = clean_text(block.text)
            if isinstance(block, Note) and block.label and not text.startswith(block.label):
                text = f"{clean_text(block.label)} {text}".strip()
            if isinstance(block, Link) and block.target and block.target not in text:
                text = f"{text} ({clean_text(block.target)})".strip()
            return [in_language(block.lang, rtl_directed(text, _para(text)))] if text else []
        if isinstance(block, ListBlock):
            return self._list(block)
        if isinstance(block, ListItem):
            return self._list(ListBlock(items=[block]))
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Figure):
            return self._figure(block)
        return []

    def _list(self, block: ListBlock) -> list[Json]:
        if block.definitions:
            return _definition_list(
                [(clean_text(item.label), self.blocks(item.blocks)) for item in block.items]
            )
        if block.contents:
            block = without_leaders(block)
        items = [
            self.blocks(item.blocks) or [_plain(clean_text(item.label))]
            for item in block.items
            if item.blocks or clean_text(item.label)
        ]
        if not items:
            return []
        if block.ordered:
            start = _start_number(block.items[0].label if block.items else "")
            attributes = [start, {"t": "Decimal"}, {"t": "Period"}]
            return [{"t": "OrderedList", "c": [attributes, items]}]
        return [{"t": "BulletList", "c": items}]

    def _table(self, table: Table) -> list[Json]:
        rows = [row for row in table.rows if row.cells]
        caption = clean_text(table.caption or "")
        if not caption and not any(clean_text(c.text) for row in rows for c in row.cells):
            return []
        table = Table(rows=rows, caption=caption, prov=table.prov)
        if not table_fits(table, point_size=self.point_size):
            label = f"Table: {caption}" if caption else "Table"
            columns = column_headings(table)
            intro = [_para(f"{label} (given row by row)")]
            if columns:
                intro.append(_para("Columns: " + "; ".join(columns)))
            items = []
            for title, pairs in linearise(table):
                if not pairs and title.startswith("Row "):
                    continue
                inner = [_para(title)]
                if pairs:
                    inner.append(
                        {"t": "BulletList", "c": [[_plain(f"{k}: {v}")] for k, v in pairs]}
                    )
                items.append(inner)
            return [*intro, {"t": "BulletList", "c": items}]
        grid = regular_rows(table)
        head = header_rows(table)
        width = sum(max(c.col_span, 1) for c in grid[0].cells) if grid else 0

        def row(cells: list[Any]) -> list[Any]:
            return [
                pandoc_attr(),
                [
                    [
                        pandoc_attr(),
                        {"t": "AlignDefault"},
                        1,
                        max(cell.col_span, 1),
                        [_plain(clean_text(cell.text))] if clean_text(cell.text) else [],
                    ]
                    for cell in cells
                ],
            ]

        caption_blocks = [_plain(caption)] if caption else []
        return [
            {
                "t": "Table",
                "c": [
                    pandoc_attr(),
                    [None, caption_blocks],
                    [[{"t": "AlignDefault"}, {"t": "ColWidthDefault"}]] * width,
                    [pandoc_attr(), [row(r.cells) for r in grid[:head]]],
                    [[pandoc_attr(), 0, [], [row(r.cells) for r in grid[head:]]]],
                    [pandoc_attr(), []],
                ],
            }
        ]

    def _figure(self, figure: Figure) -> list[Json]:
        alt = clean_text(figure.alt or "")
        caption = clean_text(figure.caption or "")
        picture = self.figures.draw(figure) if self.figures else None
        out: list[Json] = []
        if picture is not None:
            out.append({"t": "Para", "c": [_image(picture, alt or caption)]})
        elif alt:
            out.append(_para(alt))
        if caption:
            out.append(rtl_directed(caption, _para(caption)))
        return out


def _image(picture: Picture, alt: str) -> Json:
    width_in = min(_TEXT_WIDTH_IN, picture.css_width / 96)
    data = base64.b64encode(picture.png).decode("ascii")
    attr = ["", [], [["width", f"{width_in:.2f}in"]]]
    return {"t": "Image", "c": [attr, _inlines(alt), [f"data:image/png;base64,{data}", ""]]}


def _inlines(text: str) -> list[Json]:
    out: list[Json] = []
    for word in text.split():
        if out:
            out.append({"t": "Space"})
        out.append({"t": "Str", "c": word})
    return out


def _para(text: str) -> Json:
    return {"t": "Para", "c": _inlines(text)}


def _definition_list(entries: list[tuple[str, list[Json]]]) -> list[Json]:
    """Pandoc's definition list of (term, definition's blocks): each term in bold (pandoc
    writes it in its "Definition Term" style, the definition in "Definition")."""
    items = [
        [[{"t": "Strong", "c": _inlines(term)}] if term else [], [blocks] if blocks else []]
        for term, blocks in entries if term or blocks
    ]
    return [{"t": "DefinitionList", "c": items}] if items else []


def _plain(text: str) -> Json:
    return {"t": "Plain", "c": _inlines(text)}


def _start_number(label: str) -> int:
    match = re.search(r"\d+", label)
    return int(match.group()) if match else 1


# --- the reference document -----------------------------------------------------------------

#: Styles pandoc uses that carry document text at body size.
_BODY_STYLES = (
    "Normal",
    "Body Text",
    "First Paragraph",
    "Compact",
    "Block Text",
    "Footnote Text",
    "Caption",
    "Table Caption",
    "Image Caption",
    "Figure",
    "Captioned Figure",
    "Author",
    "Date",
    "Abstract",
    "Abstract Title",
    "Bibliography",
    "Definition Term",
    "Definition",
    "Subtitle",
    "Footer",
    "Header",
)


@functools.cache
def reference_docx(point_size: int) -> bytes:
    """pandoc's default reference.docx with its styles set for large print at ``point_size``.

    Cached per size for the life of the process (it costs one pandoc run and a few ms).
    """
    base = pandoc.default_data_file("reference.docx")
    document = docx.Document(io.BytesIO(base))
    styles = document.styles
    body_pt = float(point_size)
    for style in styles:
        # Paragraph and character styles; a heading's linked "... Char" style follows it.
        if style.type not in (1, 2) or (style.name or "").endswith(" Char"):
            continue
        _plain_font(style, body_pt)
    for name in _BODY_STYLES:
        style = _style(document, name)
        _plain_font(style, body_pt)
        _paragraph_spacing(style, body_pt, compact=name in ("Compact", "Footer", "Header"))
    for level in range(1, 10):
        style = _style(document, f"Heading {level}")
        size = body_pt * HEADING_SCALE.get(level, 1.1)
        _plain_font(style, size, bold=True)
        _paragraph_spacing(style, size, compact=False, before=True)
    for name, character in _CODE_STYLES:
        # A listing at the body size in a fixed-pitch face, its long lines wrapping.
        style = _style(document, name, character=character)
        _plain_font(style, body_pt, face=DOCX_MONO)
        if not character:
            _paragraph_spacing(style, body_pt, compact=False)
    title = _style(document, "Title")
    _plain_font(title, body_pt * 1.75, bold=True)
    _paragraph_spacing(title, body_pt * 1.75, compact=False)
    hyperlink = _style(document, "Hyperlink", character=True)
    _plain_font(hyperlink, body_pt, bold=True)
    _defaults(document, body_pt)
    _page(document, body_pt)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _style(document: Any, name: str, *, character: bool = False) -> Any:
    from docx.enum.style import WD_STYLE_TYPE

    # Word's built-in names are case-insensitive ("footer" in pandoc's file is "Footer").
    for style in document.styles:
        if (style.name or "").casefold() == name.casefold():
            return style
    else:
        kind = WD_STYLE_TYPE.CHARACTER if character else WD_STYLE_TYPE.PARAGRAPH
        style = document.styles.add_style(name, kind)
        if not character:
            style.base_style = document.styles["Normal"]
        return style


def _plain_font(
    style: Any, size: float, *, bold: bool | None = None, face: str = DOCX_FONT
) -> None:
    font = style.font
    font.size = Pt(size)
    font.name = face
    font.italic = False
    font.underline = False
    font.all_caps = False
    font.small_caps = False
    font.color.rgb = RGBColor(0, 0, 0)
    if bold is not None:
        font.bold = bold
    rpr = style.element.get_or_add_rPr()
    # Right-to-left and East Asian text use their own size, slant, weight and font slots.
    _set(rpr, "w:szCs", {"w:val": str(round(size * 2))})
    _set(rpr, "w:iCs", {"w:val": "0"})
    if bold is not None:
        _set(rpr, "w:bCs", {"w:val": "1" if bold else "0"})
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        fonts.set(qn("w:cs"), face)
        fonts.set(qn("w:eastAsia"), face)


def _paragraph_spacing(
    style: Any, size: float, *, compact: bool, before: bool = False
) -> None:
    fmt = style.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
    fmt.line_spacing = 1.5
    # One blank line (at line spacing 1.5) between paragraphs; less inside lists and tables.
    fmt.space_after = Pt(size * (0.5 if compact else 1.5))
    fmt.space_before = Pt(size * 0.75 if before else 0)


def _defaults(document: Any, size: float) -> None:
    """docDefaults: the size and face of any run whose style says nothing."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    half_points = str(round(size * 2))
    _set(rpr, "w:sz", {"w:val": half_points})
    _set(rpr, "w:szCs", {"w:val": half_points})
    _set(
        rpr,
        "w:rFonts",
        {f"w:{slot}": DOCX_FONT for slot in ("ascii", "hAnsi", "cs", "eastAsia")},
    )


def _page(document: Any, size: float) -> None:
    """A4 portrait, 20 mm margins, "Page N of M" in the footer at the body size."""
    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Mm(20))
        footer = section.footer
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        for run in list(paragraph.runs):
            run._element.getparent().remove(run._element)
        paragraph.style = _style(document, "Footer")
        for text, field in (("Page ", "PAGE"), (" of ", "NUMPAGES")):
            run = paragraph.add_run(text)
            run.font.size = Pt(size)
            simple = OxmlElement("w:fldSimple")
            simple.set(qn("w:instr"), f" {field} ")
            inner = OxmlElement("w:r")
            rpr = OxmlElement("w:rPr")
            _set(rpr, "w:sz", {"w:val": str(round(size * 2))})
            inner.append(rpr)
            placeholder = OxmlElement("w:t")
            placeholder.text = "1"
            inner.append(placeholder)
            simple.append(inner)
            paragraph._p.append(simple)


#: The schema's order of run properties (ECMA-376 CT_RPr), as python-docx keeps it.
_RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof",
    "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing", "w:w", "w:kern",
    "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
    "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
    "w:specVanish", "w:oMath",
)  # fmt: skip


def _set(parent: Any, tag: str, attributes: dict[str, str]) -> None:
    """Set ``tag``'s attributes in a run's properties, adding it in schema order if missing."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        order = _RPR_ORDER
        # Word rejects a document whose run properties are out of the schema's order.
        parent.insert_element_before(element, *order[order.index(tag) + 1 :])
    for key, value in attributes.items():
        element.set(qn(key), value)


class _temporary_file:  # noqa: N801 - used like tempfile's context managers
    """A named temporary file holding ``content``, removed on exit."""

    def __init__(self, content: bytes, *, suffix: str) -> None:
        import tempfile

        self._dir = tempfile.TemporaryDirectory(prefix="large-print-docx-")
        self.path = Path(self._dir.name) / f"reference{suffix}"
        self.path.write_bytes(content)

    def __enter__(self) -> Path:
        return self.path

    def __exit__(self, *exc: object) -> None:
        self._dir.cleanup()
