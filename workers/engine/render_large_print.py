"""Large print PDF from the Document model, after UKAAF (G003) and RNIB clear-print guidance.

The Document is reflowed onto A4 portrait pages at the reader's point size — never an
enlargement of the original pages:

* every piece of text at that size or larger: body, table text, captions, notes, list labels
  and the page numbers in the page margins; headings larger still, and bold;
* a plain sans-serif face installed by the project (Liberation Sans, metrically Arial; DejaVu
  Sans, Noto Sans CJK and the Noto Sans face of each other script for the scripts it lacks,
  Noto Color Emoji for emoji): every character printed; no italics, underlining or small caps;
* left-aligned (right-aligned for right-to-left paragraphs), ragged, never justified, never
  hyphenated; a word too long for a line (a URL) wraps instead of shrinking;
* line spacing 1.5, a blank line between paragraphs, at most about 65 characters a line;
* tables that would not fit across the page at full size are linearised — each row a
  labelled list — rather than shrunk (:func:`table_fits`);
* figures scaled to the page width, rasterised from the source page at a bounded resolution
  (so an enormous image is downsampled), without the page's running text set over them
  (:mod:`.text_over_pictures`: printed once, at the reader's size), with the source's alt
  text and caption;
* "Original page N" markers so a reader can follow references to the printed pages.

The PDF is tagged PDF/UA-1 by WeasyPrint (``pdf_variant="pdf/ua-1"``), with the document's
title and language in its metadata. Every piece of document text goes through Jinja2's
autoescaping; the stylesheet is ours.

>>> pdf = render_large_print(document, point_size=18, source=Path("report.pdf"))  # doctest: +SKIP
"""

from __future__ import annotations

import dataclasses
import io
import logging
import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import pypdfium2 as pdfium
import weasyprint
from markupsafe import Markup

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
    Page,
    Paragraph,
    Row,
    Table,
    block_text,
    row_page,
    without_leaders,
)
from .errors import RenderError, must_pass_through
from .external.weasyprint_logs import route_weasyprint_logs
from .heading_levels import HeadingLevels
from .language import declared_tag
from .layout.rotation import Frame
from .page_boxes import media_box
from .text_over_pictures import hide_text_over, running_text_boxes
from .unicode_maps import without_empty_unicode

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "en"
DEFAULT_TITLE = "Untitled document"

#: Liberation Sans is metrically Arial, the face UKAAF suggests (SIL OFL); DejaVu Sans covers
#: Arabic, Hebrew and most symbols; Noto Sans CJK the Chinese, Japanese and Korean text. Every
#: other script (Devanagari, Bengali, Tamil, Thai...) falls back through ``sans-serif`` to its
#: Noto Sans face (fonts-noto-core) and emoji to Noto Color Emoji (fonts-noto-color-emoji):
#: a character no face has would print as an empty box and fail PDF/UA (7.21.8, .notdef).
#: The emoji face is left to fontconfig's fallback, not named here: named, Pango draws digits,
#: "#" and "*" (which it also maps, for keycaps) with it. WeasyPrint draws each emoji as an
#: image over an empty outline, so the character stays text (read aloud, searched) in its
#: tagged span, and the file passes PDF/UA.
SANS_SERIF = (
    '"Liberation Sans", Arimo, Arial, "DejaVu Sans", "Noto Sans CJK JP", "Noto Sans CJK SC", '
    "sans-serif"
)

#: A code listing's face: fixed-pitch, so its indentation lines up as printed (Liberation Mono
#: is metrically Courier New; DejaVu Sans Mono covers more scripts).
MONOSPACE = '"Liberation Mono", Cousine, "DejaVu Sans Mono", "Noto Sans Mono CJK JP", monospace'

#: Under the marker of a page with images but no text (as the HTML says it).
UNREAD_PAGE = "No text could be read from this page automatically."
#: Source page markers say "Original" so they are not confused with this PDF's own numbers.
MARKER_LABEL = "Original page"

#: A4 with 2 cm side margins leaves 170 mm for text.
A4_WIDTH_PT = 595.28
SIDE_MARGIN_PT = 56.69
TEXT_WIDTH_PT = A4_WIDTH_PT - 2 * SIDE_MARGIN_PT

#: A4 height less the top margin and the smallest bottom margin.
A4_TEXT_HEIGHT_PT = 841.89 - 56.69 - 70.87
#: The most of a page's height one table row may be estimated to take.
_ROW_PAGE_SHARE = 0.4

#: Heading size as a multiple of the body size, by level (UKAAF: headings larger and bold).
HEADING_SCALE = {1: 1.5, 2: 1.35, 3: 1.2, 4: 1.1, 5: 1.1, 6: 1.1}

#: Average advance of a character of Liberation Sans, in ems, for judging table widths
#: (lower-case text averages about 0.5 em; bold and digits run wider).
_CHAR_EM = 0.58
#: Cell padding plus border, in ems, per column.
_CELL_EXTRA_EM = 1.1
#: A column no narrower than this many characters, even for one-word cells.
_MIN_COLUMN_CHARS = 4
#: Figures are rasterised at most this many pixels wide (about 200 dpi over 170 mm) and at
#: most 2x the source's point size: enough for print, bounded for enormous images.
MAX_FIGURE_PIXELS = 1400
_FIGURE_SCALE = 2.0
#: Smaller than this (points) in either direction is a rule or a speck, not a figure.
_MIN_FIGURE_PT = 12.0


# --- the HTML ------------------------------------------------------------------------------

_CSS = """
@page {
  size: A4 portrait;
  margin: 20mm {{ side_margin }}pt {{ bottom_margin }}pt;
  @bottom-left {
    content: "Page " counter(page) " of " counter(pages);
    font-family: {{ font }};
    font-size: {{ body }}pt;
    font-weight: normal;
    font-style: normal;
    color: #000000;
  }
}
html {
  font-family: {{ font }};
  font-size: {{ body }}pt;
  color: #000000;
  background: #ffffff;
}
body { margin: 0; line-height: 1.5; }
main { max-width: 65ch; }
/* Clear print: nothing slanted, underlined, capitalised or smaller than the body text. */
* {
  font-style: normal !important;
  font-variant: normal !important;
  text-transform: none !important;
  text-decoration: none !important;
  letter-spacing: normal !important;
  text-align: start !important;
  hyphens: none !important;
  overflow-wrap: anywhere;
  word-break: normal;
}
em, i, b, strong, cite, dfn, var, mark { font-weight: bold; }
small, sub, sup, caption, figcaption, th, td, li, dt, dd { font-size: 1rem; }
sub, sup { vertical-align: baseline; }
p { margin: 0 0 1.5em; } /* one blank line at line-height 1.5 */
h1, h2, h3, h4, h5, h6 {
  font-weight: bold;
  line-height: 1.25;
  margin: 1em 0 0.75em;
  break-after: avoid;
}
{% for level, size in headings %}
h{{ level }} { font-size: {{ size }}pt; }
{% endfor %}
.page-marker { font-weight: bold; margin: 0 0 1em; break-after: avoid; }
ul, ol { list-style: none; margin: 0 0 1.5em; padding: 0; }
li { margin: 0 0 0.5em; padding-left: 2.5em; }
li > p { margin: 0 0 0.5em; }
li > p:first-child { text-indent: -2.5em; }
.label { display: inline-block; min-width: 2.2em; padding-right: 0.3em; text-indent: 0; }
li li { padding-left: 2em; }
.note { margin: 0 0 1.5em; }
/* A definition list: each term in bold on a line of its own, its definition set in under it. */
dl { margin: 0 0 1.5em; }
dt { font-weight: bold; margin: 0 0 0.5em; break-after: avoid; }
dd { margin: 0 0 0.5em 2.5em; }
dd > p { margin: 0 0 0.5em; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.5em; }
caption { font-weight: bold; text-align: start; caption-side: top; padding: 0 0 0.5em; }
th, td {
  border: 1.5pt solid #000000;
  padding: 0.2em 0.3em;
  vertical-align: top;
  overflow-wrap: break-word; /* words stay whole in tables: table_fits() made room */
}
th { font-weight: bold; }
thead { display: table-header-group; }
/* WeasyPrint can drop a cell's text when it splits a row: rows never split (table_fits
   keeps every row well under a page). */
tr { break-inside: avoid; }
.table-label { font-weight: bold; margin: 0 0 0.5em; break-after: avoid; }
.linear > li { padding-left: 0; }
.linear > li > p:first-child { text-indent: 0; font-weight: bold; }
/* A row that begins a page of the original has its marker before its title. */
.linear > li > p.page-marker + p:not(.page-marker) { font-weight: bold; }
/* A page that begins at a table's row is marked in the row's first cell, on its own line. */
td .page-marker, th .page-marker, td .page-note, th .page-note { display: block; }
td .page-marker, th .page-marker { margin: 0 0 0.25em; }
.linear ul { margin: 0 0 0.5em; }
.linear ul li { padding-left: 1em; }
/* A row's "Heading: value" lines hang their wrapped lines, not their first line: that starts
   at the row's edge, never out in the margin or under the label of an item holding the table
   (the rule above for items' labels would set it 2.5em out). */
.linear ul li > p:first-child { text-indent: -1em; }
figure { margin: 0 0 1.5em; break-inside: avoid; }
figure img { display: block; max-width: 100%; height: auto; margin: 0 0 0.5em; }
figcaption { font-weight: bold; }
.picture {
  max-width: 100%;
  background-size: contain;
  background-repeat: no-repeat;
  margin: 0 0 0.5em;
}
.alt { margin: 0; }
/* A code listing: its lines and indentation kept, in a fixed-pitch face at the body size; a
   line too long for the page wraps (never shrinks, never runs off the page). */
pre {
  font-family: {{ mono }};
  font-size: 1rem;
  line-height: 1.5;
  white-space: pre-wrap;
  margin: 0 0 1.5em;
}
pre code { font-family: inherit; font-size: 1rem; }
/* Each line a block of its own, so that the part of a line wrapped onto the next stands in
   from where the line's text starts (its hang, in the style attribute): not taken for a new
   line at the margin. */
pre .line { display: block; }
"""

# Each block is a dict built by _Builder; the template only lays them out.
_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ language }}">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
<style>{{ css }}</style>
</head>
<body>
<main>
{% macro text_block(tag, b, cls="") %}
<{{ tag }}{% if cls %} class="{{ cls }}"{% endif %}{% if b.rtl %} dir="rtl"{% endif %}
{%- if b.lang %} lang="{{ b.lang }}"{% endif %}>
{%- if b.label %}<span class="label">{{ b.label }}</span> {% endif %}{{ b.text }}</{{ tag }}>
{% endmacro %}
{% macro blocks(items) %}
{% for b in items %}
{% if b.kind == "marker" %}
<p class="page-marker">{{ marker_label }} {{ b.page }}</p>
{% elif b.kind == "heading" %}
{{ text_block("h" ~ b.level, b) }}
{% elif b.kind == "paragraph" %}
{{ text_block("p", b) }}
{% elif b.kind == "note" %}
{{ text_block("p", b, "note") }}
{% elif b.kind == "code" %}
<pre dir="ltr"><code>
{%- for line, hang in b.lines -%}
<span class="line" style="padding-left: {{ hang }}ch; text-indent: -{{ hang }}ch">
{{- line or " " -}}
</span>
{%- endfor -%}
</code></pre>
{% elif b.kind == "list" %}
<{{ "ol" if b.ordered else "ul" }}{% if b.cls %} class="{{ b.cls }}"{% endif %}>
{% for item in b.entries %}
<li{% if item.rtl %} dir="rtl"{% endif %}>
{{ blocks(item.blocks) }}
</li>
{% endfor %}
</{{ "ol" if b.ordered else "ul" }}>
{% elif b.kind == "definitions" %}
<dl>
{% for item in b.entries %}
<dt{% if item.rtl %} dir="rtl"{% endif %}>{{ item.term }}</dt>
<dd>
{{ blocks(item.blocks) }}
</dd>
{% endfor %}
</dl>
{% elif b.kind == "table" %}
<table{% if b.rtl %} dir="rtl"{% endif %}>
{% if b.caption %}
<caption{% if b.caption_rtl %} dir="rtl"{% endif %}>{{ b.caption }}</caption>
{% endif %}
{% if b.head %}
<thead>
{% for row in b.head %}{{ table_row(row) }}{% endfor %}
</thead>
{% endif %}
<tbody>
{% for row in b.body %}{{ table_row(row) }}{% endfor %}
</tbody>
</table>
{% elif b.kind == "figure" %}
<figure>
{% if b.src and b.alt %}
<img src="{{ b.src }}" alt="{{ b.alt }}" width="{{ b.width }}" height="{{ b.height }}">
{% elif b.src %}
{# No alt text to give: drawn as a background, which WeasyPrint marks as an artifact. #}
<div class="picture" aria-hidden="true" style="background-image: url({{ b.src }});
 width: {{ b.width }}px; height: {{ b.height }}px"></div>
{% elif b.alt %}<p class="alt"{% if b.alt_rtl %} dir="rtl"{% endif %}>{{ b.alt }}</p>
{% endif %}
{% if b.caption %}
<figcaption{% if b.caption_rtl %} dir="rtl"{% endif %}>{{ b.caption }}</figcaption>
{% endif %}
</figure>
{% endif %}
{% endfor %}
{% endmacro %}
{% macro table_row(row) %}
<tr>
{% for c in row %}
<{{ c.tag }}{% if c.scope %} scope="{{ c.scope }}"{% endif %}
{%- if c.colspan > 1 %} colspan="{{ c.colspan }}"{% endif %}
{%- if c.rowspan > 1 %} rowspan="{{ c.rowspan }}"{% endif %}
{%- if c.rtl %} dir="rtl"{% endif %}>
{%- for m in c.markers %}
{%- if m.kind == "marker" %}<span class="page-marker">{{ marker_label }} {{ m.page }}</span>
{%- else %}<span class="page-note">{{ m.text }}</span>{% endif %}
{%- endfor %}{{ c.text }}</{{ c.tag }}>
{% endfor %}
</tr>
{% endmacro %}
{{ blocks(body) }}
{% if not content %}
<p>No text could be read from this document automatically.</p>
{% endif %}
</main>
</body>
</html>
"""

_ENV = jinja2.Environment(
    autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
)
_PAGE = _ENV.from_string(_TEMPLATE)
# The stylesheet is trusted code, not document text: rendered without HTML escaping.
_STYLESHEET = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined).from_string(
    _CSS
)


@dataclass
class LargePrintHtml:
    """The HTML of a large print document, the images it refers to, and what to tell staff."""

    html: str
    images: dict[str, bytes] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def render_large_print(
    document: Document, *, point_size: int, source: Path | None = None
) -> bytes:
    """Large print PDF/UA-1 with body text (and every other text) at ``point_size`` or more.

    ``source`` is the PDF the Document was read from; figures are drawn from it. Without it,
    figures show their alt text and caption only.
    """
    page = build_large_print_html(document, point_size=point_size, source=source)
    return html_to_pdf(page.html, images=page.images)


def build_large_print_html(
    document: Document, *, point_size: int, source: Path | None = None
) -> LargePrintHtml:
    """The HTML (with its stylesheet) that :func:`render_large_print` lays out."""
    builder = _Builder(point_size, FigureSource(source, document) if source else None)
    builder.unread_pages = {n for n, page in enumerate(document.pages) if page.needs_ocr}
    title = document_title(document)
    try:
        blocks = builder.blocks(document.blocks, top_level=True)
        # Nothing read but page markers (and their notes): the whole document says so too.
        content = any(b["kind"] != "marker" and b.get("text") != UNREAD_PAGE for b in blocks)
        body = builder.title(title, document) + blocks
        # (pages after the last block)
        body.extend(builder.markers_to(len(document.pages) - 1, through=True))
    finally:
        builder.close()
    css = _STYLESHEET.render(
        font=SANS_SERIF,
        mono=MONOSPACE,
        body=point_size,
        headings=[(level, _fmt(point_size * scale)) for level, scale in HEADING_SCALE.items()],
        side_margin=_fmt(SIDE_MARGIN_PT),
        # Room below the text for a page number line at the body size.
        bottom_margin=_fmt(max(25 * 72 / 25.4, point_size * 2.6)),
    )
    html = _PAGE.render(
        language=document.language or DEFAULT_LANGUAGE,
        title=title,
        css=Markup(css),
        marker_label=MARKER_LABEL,
        body=body,
        content=content,
    )
    return LargePrintHtml(html=html, images=builder.images, notes=builder.notes())


def document_title(document: Document) -> str:
    """The title for the PDF's metadata: the Document's, else its first heading."""
    if document.title and document.title.strip():
        return clean_text(document.title)
    for block in document.walk():
        if isinstance(block, Heading) and block.text.strip():
            return clean_text(block.text)
    return DEFAULT_TITLE


def html_to_pdf(html: str, *, images: dict[str, bytes] | None = None) -> bytes:
    """Lay out ``html`` with WeasyPrint as tagged PDF/UA-1; it may load only ``images``."""
    route_weasyprint_logs()
    fetcher = _ImageFetcher(images or {})
    try:
        pdf: Any = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf(
            pdf_variant="pdf/ua-1"
        )
    except Exception as e:
        if must_pass_through(e):
            raise
        raise RenderError(detail=f"weasyprint: {type(e).__name__}: {e}") from e
    if not isinstance(pdf, bytes):  # write_pdf() without a target returns the bytes
        raise RenderError(detail=f"weasyprint returned {type(pdf).__name__}, not bytes")
    # A glyph sharing its cluster's text would read as a stray letter (see .unicode_maps).
    return without_empty_unicode(pdf)


# --- tables --------------------------------------------------------------------------------


def table_fits(table: Table, *, point_size: int, width_pt: float = TEXT_WIDTH_PT) -> bool:
    """True if ``table`` can be laid out across ``width_pt`` at ``point_size`` with no word split.

    Each column needs room for its longest word (a table cell never breaks a word), and a
    column of short cells its whole text; padding and borders come on top. Estimated with
    Liberation Sans' average character width, on the generous side: a wrong "fits" would
    squeeze words, a wrong "does not fit" only linearises a table that could have stayed.
    """
    columns = _column_count(table)
    if columns == 0:
        return True
    needs = [float(_MIN_COLUMN_CHARS)] * columns
    for row in table.rows:
        position = 0
        for cell in row.cells:
            words = cell.text.split()
            longest = max((_width_chars(w) for w in words), default=0.0)
            whole = _width_chars(cell.text)
            # Short cells ("Yes", "£1,200") are best kept on one line.
            need = max(longest, whole if whole <= 12 else 0.0)
            span = max(cell.col_span, 1)
            for column in range(position, min(position + span, columns)):
                needs[column] = max(needs[column], need / span)
            position += span
    em = point_size
    total = sum(n * _CHAR_EM * em + _CELL_EXTRA_EM * em for n in needs)
    if total > width_pt:
        return False
    # A row taller than the page would have to split across pages, and WeasyPrint can lose
    # a cell's text when it splits a row: rows must stay well under half a page.
    column_pt = width_pt / columns
    lines_allowed = _ROW_PAGE_SHARE * A4_TEXT_HEIGHT_PT / (1.5 * em)
    for row in table.rows:
        for cell in row.cells:
            room = column_pt * max(cell.col_span, 1) - _CELL_EXTRA_EM * em
            per_line = max(1.0, room / (_CHAR_EM * em))
            if _width_chars(cell.text) / per_line > lines_allowed:
                return False
    return True


def _column_count(table: Table) -> int:
    return max((sum(max(c.col_span, 1) for c in row.cells) for row in table.rows), default=0)


def _width_chars(text: str) -> float:
    # East Asian wide characters take about two Latin characters' width.
    return float(sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text))


def header_rows(table: Table) -> int:
    """How many leading rows are all header cells (the table's column headings)."""
    count = 0
    for row in table.rows:
        if row.cells and all(cell.header for cell in row.cells):
            count += 1
        else:
            break
    # A table that is all headers has no body: treat none of it as the head.
    return count if count < len(table.rows) else 0


def linearise(table: Table) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each body row as (its title, [(column label, cell text)]) — a table read row by row.

    The title is the row's header cell (or "Row N"); labels are the column headings, joined
    over several heading rows, or "Column N" when the table has none. Empty cells are left
    out: "Price: " with nothing after it says nothing.
    """
    head = header_rows(table)
    labels = _column_labels(table.rows[:head])
    out: list[tuple[str, list[tuple[str, str]]]] = []
    for number, row in enumerate(table.rows[head:], start=1):
        title = ""
        pairs: list[tuple[str, str]] = []
        position = 0
        for index, cell in enumerate(row.cells):
            text = clean_text(cell.text)
            label = labels.get(position, "") or f"Column {position + 1}"
            position += max(cell.col_span, 1)
            if index == 0 and cell.header and not title:
                title = text
                continue
            if text:
                pairs.append((label, text))
        out.append((title or f"Row {number}", pairs))
    return out


def regular_rows(table: Table) -> list[Row]:
    """The rows made regular: every row spans the same columns, and no cell spans rows.

    PDF/UA (7.2-41, 7.2-42) wants regular tables; readers often give ragged ones (a merged
    cell lost, a short last row), so holes are filled with empty cells where they are. A cell
    spanning rows keeps its text in its first row and leaves empty cells below: WeasyPrint
    tags a row span broken by a page break as an irregular table.
    """
    grid: list[dict[int, Cell]] = [{} for _ in table.rows]
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(table.rows):
        column = 0
        for cell in row.cells:
            while (r, column) in taken:
                column += 1
            col_span = max(cell.col_span, 1)
            grid[r][column] = dataclasses.replace(cell, row_span=1, col_span=col_span)
            for dc in range(col_span):
                taken.add((r, column + dc))
            for dr in range(1, max(cell.row_span, 1)):
                # The rows below keep the spanned columns, as empty cells.
                if r + dr < len(table.rows):
                    grid[r + dr][column] = Cell(text="", col_span=col_span)
                    for dc in range(col_span):
                        taken.add((r + dr, column + dc))
            column += col_span
    total = max((c + 1 for _, c in taken), default=0)
    out: list[Row] = []
    for cells in grid:
        row_cells: list[Cell] = []
        column = 0
        while column < total:
            # Filler cells are data cells: WeasyPrint tags an empty <th> without a scope.
            cell = cells.get(column) or Cell(text="")
            row_cells.append(cell)
            column += max(cell.col_span, 1)
        out.append(Row(cells=row_cells))
    return out


def column_headings(table: Table) -> list[str]:
    """The text of the heading rows, in order: said once before a linearised table's rows."""
    return [
        text for row in table.rows[: header_rows(table)] for cell in row.cells
        if (text := clean_text(cell.text))
    ]


def _column_labels(rows: list[Row]) -> dict[int, str]:
    labels: dict[int, list[str]] = {}
    for row in rows:
        position = 0
        for cell in row.cells:
            text = clean_text(cell.text)
            for column in range(position, position + max(cell.col_span, 1)):
                if text and (not labels.get(column) or labels[column][-1] != text):
                    labels.setdefault(column, []).append(text)
            position += max(cell.col_span, 1)
    return {column: ", ".join(parts) for column, parts in labels.items()}


# --- Document -> template blocks ----------------------------------------------------------


class _Builder:
    """Turns Document blocks into plain dicts for the template, noting what it changed."""

    def __init__(self, point_size: int, figures: FigureSource | None) -> None:
        self.point_size = point_size
        self.figures = figures
        self.images: dict[str, bytes] = {}
        # Skipped levels closed up as in every output, siblings kept (heading_levels.py).
        self.headings = HeadingLevels()
        self.marked_page = -1
        #: Indexes of the pages with images but no text (``Page.needs_ocr``).
        self.unread_pages: set[int] = set()
        self.linearised = 0
        self.figures_without_alt = 0
        self.figures_without_image = 0
        self.capital_blocks = 0

    def close(self) -> None:
        if self.figures:
            self.figures.close()

    def notes(self) -> list[str]:
        notes = []
        if self.linearised:
            notes.append(
                f"{self.linearised} table(s) too wide for the page at {self.point_size} pt "
                "are given row by row, each row as a labelled list"
            )
        if self.figures_without_alt:
            notes.append(
                f"{self.figures_without_alt} figure(s) have no alternative text in the source "
                "and none was invented: a person should describe them"
            )
        if self.figures_without_image:
            notes.append(
                f"{self.figures_without_image} figure(s) could not be drawn from the source; "
                "their alt text and captions are given"
            )
        if self.capital_blocks:
            notes.append(
                f"{self.capital_blocks} block(s) printed in capitals are kept as written "
                "(changing case could change meaning, e.g. acronyms)"
            )
        return notes

    def title(self, title: str, document: Document) -> list[dict[str, Any]]:
        """The title as the first heading, unless the document starts with it already."""
        first = next((b for b in document.blocks if block_text(b).strip()), None)
        if title == DEFAULT_TITLE or (
            isinstance(first, Heading) and clean_text(first.text).casefold() == title.casefold()
        ):
            return []
        return [self._text("heading", title, level=self.headings.level(1, title))]

    def blocks(self, blocks: list[Block], *, top_level: bool = False) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for block in without_caption_paragraphs(blocks):
            if top_level:
                out.extend(self._marker(block))
            out.extend(self.block(block))
        return out

    def _marker(self, block: Block) -> Iterator[dict[str, Any]]:
        prov = getattr(block, "prov", None)
        if isinstance(block, ListBlock) and not prov and block.items:
            prov = block.items[0].prov
        if prov:
            yield from self.markers_to(prov[0].page)

    def markers_to(self, page: int, *, through: bool = False) -> Iterator[dict[str, Any]]:
        """The markers of the pages past the last one marked up to page index ``page``: a
        page that begins inside a block (a paragraph, a list item running over the break)
        has its marker where the block ends, before the next page's, as in the HTML, so that
        every page of the original can be found; one that begins at a table's row, with that
        row (see :meth:`_row_markers`). A page with images but no text
        says so under its marker, in the HTML's words, so that a reader knows it was not
        left out (``page`` too when ``through``, at the document's end)."""
        for number in range(self.marked_page + 1, page + 1):
            self.marked_page = number
            yield {"kind": "marker", "page": number + 1}
            if number in self.unread_pages and (number < page or through):
                yield self._text("paragraph", UNREAD_PAGE)

    def block(self, block: Block) -> list[dict[str, Any]]:
        if isinstance(block, Heading):
            text = clean_text(block.text)
            if not text:
                return []
            # Headings never skip a level (PDF/UA, WCAG): a jump from h1 to h4 becomes h2.
            level = self.headings.level(block.level, text)
            self._count_capitals(text)
            return [self._text("heading", text, level=level, lang=block.lang)]
        if isinstance(block, Paragraph) and block.preformatted:
            text = preformatted_text(block.text)
            lines = code_lines(text, code_hang_limit(self.point_size))
            return [{**self._text("code", text), "lines": lines}] if text else []
        if isinstance(block, Paragraph | Link):
            text = _link_text(block) if isinstance(block, Link) else clean_text(block.text)
            if not text:
                return []
            self._count_capitals(text)
            return [self._text("paragraph", text, lang=block.lang)]
        if isinstance(block, Note):
            text = clean_text(block.text)
            label = clean_text(block.label)
            if label and text.startswith(label):
                label = ""  # the reader kept the label in the text
            return [self._text("note", text, label=label, lang=block.lang)] if text or label else []
        if isinstance(block, ListBlock) and block.definitions:
            return self._definitions(block)
        if isinstance(block, ListBlock):
            if block.contents:
                block = without_leaders(block)
            items: list[dict[str, Any]] = []
            for item in block.items:
                self._mark_entry(items, item)
                entry = self._item(item)
                if entry["blocks"]:
                    items.append(entry)
            if not items:
                return []
            return [{"kind": "list", "ordered": block.ordered, "entries": items, "cls": ""}]
        if isinstance(block, ListItem):
            return self.block(ListBlock(items=[block]))
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Figure):
            return self._figure(block)
        return []

    def _text(
        self, kind: str, text: str, *, level: int = 0, label: str = "", lang: str | None = None,
    ) -> dict[str, Any]:
        return {
            "kind": kind,
            "text": text,
            "label": label,
            "level": level,
            "rtl": text_direction(text) == "rtl",
            # A passage in another language than the document's is spoken in its own voice
            # (WCAG 3.1.2); a tag that is none would only confuse the voice switching.
            "lang": declared_tag(lang) or "",
        }

    def _definitions(self, block: ListBlock) -> list[dict[str, Any]]:
        """A definition list: each term (in bold) over its definition's blocks."""
        entries: list[dict[str, Any]] = []
        for item in block.items:
            self._mark_entry(entries, item)
            term, inner = clean_text(item.label), self.blocks(item.blocks)
            if term or inner:
                self._count_capitals(term)
                rtl = text_direction(term) == "rtl"
                entries.append({"term": term, "blocks": inner, "rtl": rtl})
        return [{"kind": "definitions", "entries": entries}] if entries else []

    def _mark_entry(self, entries: list[dict[str, Any]], item: ListItem) -> None:
        """The marker of the page ``item`` starts on past the last one marked, at the end of
        the entry before it (where the page turns): a list running over a page break keeps
        its pages' markers, as the text around it does. The first entry's page is the
        list's own, marked before the list."""
        if entries and item.prov:
            entries[-1]["blocks"].extend(self.markers_to(item.prov[0].page))

    def _item(self, item: ListItem) -> dict[str, Any]:
        label = clean_text(item.label)
        inner = self.blocks(item.blocks)
        if inner and inner[0]["kind"] in ("paragraph", "note") and not inner[0]["label"]:
            inner[0]["label"] = label
        elif label:
            inner.insert(0, self._text("paragraph", "", label=label))
        rtl = any(b.get("rtl") for b in inner[:1])
        return {"blocks": inner, "rtl": rtl}

    def _table(self, table: Table) -> list[dict[str, Any]]:
        rows = [row for row in table.rows if row.cells]
        caption = clean_text(table.caption or "")
        if not caption and not any(clean_text(c.text) for row in rows for c in row.cells):
            return []  # an empty grid (a form's boxes) says nothing in large print
        table = Table(rows=rows, caption=caption, prov=table.prov)
        if table_fits(table, point_size=self.point_size):
            head = header_rows(table)
            grid = _consistent_row_headers(regular_rows(table), head)
            return [
                {
                    "kind": "table",
                    "caption": caption,
                    "caption_rtl": text_direction(caption) == "rtl",
                    "rtl": _mostly_rtl(table),
                    "head": [self._cells(row, head=True) for row in grid[:head]],
                    # Head rows are never marked: a repeated header is not where a page
                    # begins.
                    "body": [
                        self._cells(row, head=False, markers=self._row_markers(row))
                        for row in grid[head:]
                    ],
                }
            ]
        self.linearised += 1
        out: list[dict[str, Any]] = []
        label = f"Table: {caption}" if caption else "Table"
        out.append(self._text("paragraph", f"{label} (given row by row)"))
        columns = column_headings(table)
        if columns:
            out.append(self._text("paragraph", "Columns: " + "; ".join(columns)))
        items = []
        body = table.rows[header_rows(table):]
        for (title, pairs), row in zip(linearise(table), body, strict=True):
            if not pairs and title.startswith("Row "):
                continue  # a row with nothing in it
            inner: list[dict[str, Any]] = [
                *self._row_markers(row), self._text("paragraph", title)
            ]
            if pairs:
                inner.append(
                    {
                        "kind": "list",
                        "ordered": False,
                        "cls": "",
                        "entries": [
                            {
                                "blocks": [self._text("paragraph", f"{name}: {text}")],
                                "rtl": text_direction(text) == "rtl",
                            }
                            for name, text in pairs
                        ],
                    }
                )
            items.append({"blocks": inner, "rtl": text_direction(title) == "rtl"})
        out.append({"kind": "list", "ordered": False, "cls": "linear", "entries": items})
        return out

    def _row_markers(self, row: Row) -> list[dict[str, Any]]:
        """The markers of the pages a table's body row begins past the last one marked, as
        in the HTML: at the start of its first cell (or before its title, row by row), not
        all together after a table running over many pages."""
        page = row_page(row)
        return [] if page is None else list(self.markers_to(page))

    def _cells(
        self, row: Row, *, head: bool, markers: list[dict[str, Any]] | None = None
    ) -> list[dict[str, Any]]:
        """A row's cells for the template; ``markers`` go before the first data cell's text
        (the first cell's when all are headers)."""
        out: list[dict[str, Any]] = []
        for index, cell in enumerate(row.cells):
            if not head and index > 0 and cell.header:
                # A header cell inside a body row (a reader's guess) leaves veraPDF unable
                # to find the headers of the cells around it (7.5-1): only the first cell of
                # a body row is a row header.
                cell = dataclasses.replace(cell, header=False)
            if (cell.header or head) and cell.col_span > 1 and cell.text.strip():
                # WeasyPrint writes no /ColSpan for a <th>, so veraPDF cannot place the
                # header (7.5-1): a heading over several columns is given over each.
                single = dataclasses.replace(cell, col_span=1)
                out.extend(_cell(single, in_head=head) for _ in range(cell.col_span))
            else:
                out.append(_cell(cell, in_head=head))
        if out and markers:
            # In the first data cell: a row header's text names every cell of its row, and
            # a marker in it would be said with each of them.
            first_data = next((c for c in out if c["tag"] == "td"), out[0])
            first_data["markers"] = markers
        return out

    def _figure(self, figure: Figure) -> list[dict[str, Any]]:
        alt = clean_text(figure.alt or "")
        caption = clean_text(figure.caption or "")
        picture = self.figures.draw(figure) if self.figures else None
        if picture is None and not alt and not caption:
            return []  # nothing a reader could see or hear
        if picture is None:
            self.figures_without_image += 1
        if not alt:
            self.figures_without_alt += 1
        src = ""
        width = height = 0
        if picture is not None:
            src = f"figure:{len(self.images)}"
            self.images[src] = picture.png
            width, height = picture.css_width, picture.css_height
        return [
            {
                "kind": "figure",
                "src": src,
                "width": width,
                "height": height,
                # Never invented: the caption may serve (standards.md), else the image has
                # empty alt and the note above asks a person to describe it.
                "alt": alt or caption,
                "alt_rtl": text_direction(alt) == "rtl",
                "caption": caption,
                "caption_rtl": text_direction(caption) == "rtl",
            }
        ]

    def _count_capitals(self, text: str) -> None:
        if is_capitals_block(text):
            self.capital_blocks += 1


def _consistent_row_headers(rows: list[Row], head: int) -> list[Row]:
    """Where most body rows start with a row header, every body row does.

    veraPDF (7.5-1) cannot find the headers of a data cell in a row without one when the
    others have them; such a row is nearly always a sub-heading spanning the table.
    """
    body = rows[head:]
    starts = [bool(r.cells) and r.cells[0].header and bool(r.cells[0].text.strip()) for r in body]
    if not body or sum(starts) * 2 < len(body) or all(starts):
        return rows
    fixed = list(rows[:head])
    for row, started in zip(body, starts, strict=True):
        if not started and row.cells and row.cells[0].text.strip():
            first = dataclasses.replace(row.cells[0], header=True, scope="row")
            row = Row(cells=[first, *row.cells[1:]])
        fixed.append(row)
    return fixed


def _mostly_rtl(table: Table) -> bool:
    """A table mostly in a right-to-left script runs its columns from the right."""
    texts = [c.text for row in table.rows for c in row.cells if c.text.strip()]
    rtl = sum(1 for text in texts if text_direction(text) == "rtl")
    return rtl * 2 > len(texts)


def _cell(cell: Cell, *, in_head: bool) -> dict[str, Any]:
    text = clean_text(cell.text)
    # Every cell of a heading row is a <th> (veraPDF wants a TD's headers findable); an empty
    # header cell elsewhere is a <td>, since WeasyPrint tags an empty <th> without a scope.
    header = in_head or (cell.header and bool(text))
    scope = ""
    if header:
        scope = {"row": "row", "column": "col", "both": "col"}.get(cell.scope or "", "")
        scope = scope or ("col" if in_head else "row")
    return {
        "tag": "th" if header else "td",
        "scope": scope,
        "text": text,
        "colspan": max(cell.col_span, 1),
        "rowspan": max(cell.row_span, 1),
        "rtl": text_direction(text) == "rtl",
        "markers": [],
    }


def _link_text(link: Link) -> str:
    text = clean_text(link.text)
    target = clean_text(link.target)
    # On paper a link is only useful if its address is printed.
    if target and target not in text:
        return f"{text} ({target})" if text else target
    return text


# --- figures -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Picture:
    png: bytes
    css_width: int
    css_height: int


class FigureSource:
    """Draws a figure's area of its source page, at a resolution bounded for print.

    ``document``: the Document read from ``path``; where given, the text it prints as running
    text is left out of the pictures it lies over (:mod:`.text_over_pictures`)."""

    def __init__(self, path: Path, document: Document | None = None) -> None:
        self.path = path
        self._pdf: Any = None
        self._running = running_text_boxes(document) if document is not None else {}

    def close(self) -> None:
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None

    def draw(self, figure: Figure) -> Picture | None:
        if not figure.prov:
            return None
        prov = figure.prov[0]
        box = prov.bbox
        if box.width < _MIN_FIGURE_PT or box.height < _MIN_FIGURE_PT:
            return None
        try:
            if self._pdf is None:
                self._pdf = pdfium.PdfDocument(str(self.path))
            if not 0 <= prov.page < len(self._pdf):
                return None
            page = self._pdf[prov.page]
            try:
                hide_text_over(page.raw, box, self._running.get(prov.page, ()))
                return self._render(page, box.x0, box.y0, box.x1, box.y1)
            finally:
                page.close()
        except (pdfium.PdfiumError, OSError, ValueError) as e:
            log.info("figure on page %d not drawn: %s", prov.page + 1, e)
            return None

    def _render(self, page: Any, x0: float, y0: float, x1: float, y1: float) -> Picture | None:
        left, bottom, right, top = media_box(page)
        x0, x1 = max(x0, left), min(x1, right)
        y0, y1 = max(y0, bottom), min(y1, top)
        # pdfium renders the page as shown (turned by its /Rotate) and crops what it shows:
        # the figure's box, in user space, is turned the same way first.
        frame = Frame(page.get_rotation() % 360, right - left, top - bottom, left, bottom)
        x0, y0, x1, y1 = frame.to_display(x0, y0, x1, y1) if frame.turned else (
            x0 - left, y0 - bottom, x1 - left, y1 - bottom)
        shown = frame.display_page(Page(right - left, top - bottom))
        width, height = x1 - x0, y1 - y0
        if width < _MIN_FIGURE_PT or height < _MIN_FIGURE_PT:
            return None
        scale = min(_FIGURE_SCALE, MAX_FIGURE_PIXELS / width, MAX_FIGURE_PIXELS / height)
        # The crop is measured inwards from each edge of the page as shown.
        crop = (x0, y0, shown.width - x1, shown.height - y1)
        bitmap = page.render(scale=scale, crop=crop, rotation=0, may_draw_forms=True)
        try:
            image = bitmap.to_pil()
        finally:
            bitmap.close()
        buffer = io.BytesIO()
        image.convert("RGB").save(buffer, format="PNG", optimize=False)
        # Enlarged with the text, up to the page width; a picture is never shrunk below its
        # printed size unless it is wider than the page.
        ratio = min(1.5, TEXT_WIDTH_PT / width)
        css_width = max(1, math.floor(width * ratio / 0.75))  # CSS px are 0.75 pt
        css_height = max(1, math.floor(height * ratio / 0.75))
        return Picture(buffer.getvalue(), css_width, css_height)


class _ImageFetcher(weasyprint.urls.URLFetcher):  # type: ignore[misc]
    """Serves our rasterised figures and refuses every other URL.

    Document text never becomes a URL, but refusing everything else means a stray one could
    never make the worker fetch from the network or read a local file.
    """

    def __init__(self, images: dict[str, bytes]) -> None:
        super().__init__(allowed_protocols=frozenset({"figure"}))
        self.images = images

    def fetch(self, url: str, headers: Any = None) -> Any:
        content = self.images.get(url)
        if content is None:
            raise ValueError(f"refused to fetch {url[:80]!r}")
        return weasyprint.urls.URLFetcherResponse(
            url, body=content, headers={"Content-Type": "image/png"}
        )


# --- text ----------------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")


def clean_text(text: str) -> str:
    """Layout whitespace collapsed; characters invalid in HTML/XML or meaningless left out."""
    kept = "".join(ch for ch in text if _is_text(ch))
    return _SPACES.sub(" ", kept).strip()


def preformatted_text(text: str) -> str:
    """A preformatted block's text (a code listing) as it is to be shown: its line breaks and
    each line's leading spaces kept (they carry its meaning), characters invalid in HTML/XML
    or meaningless left out, each line's trailing spaces and the blank lines at either end
    dropped."""
    kept = "".join(ch for ch in text.replace("\r\n", "\n") if _is_text(ch) and ch != "\r")
    lines = [line.rstrip() for line in kept.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


#: How far the wrapped part of a code line stands in from where the line's own text starts,
#: in character widths.
CODE_HANG = 2


def code_lines(text: str, max_hang: int | None = None) -> list[tuple[str, int]]:
    """The lines of a :func:`preformatted_text`, each with its hang: the width (in character
    widths, ``ch``) that the part of the line wrapped onto the next stands in from the
    margin, its leading spaces and :data:`CODE_HANG` more. A line too long for the page must
    wrap (text never shrinks or runs off the page), and a wrapped part back at the margin
    reads as a line of its own, unindented: a different program.

    ``max_hang`` caps the hang: a line indented nearly as wide as the page would otherwise
    wrap its words into a column a letter or two wide ("FL / AG / S")."""
    lines = []
    for line in text.split("\n"):
        hang = len(line) - len(line.lstrip(" ")) + CODE_HANG
        lines.append((line, hang if max_hang is None else min(hang, max_hang)))
    return lines


#: The advance of Liberation Mono's glyphs (and Courier's, DejaVu Sans Mono's): 0.6 em.
MONO_ADVANCE_EM = 0.6


def code_hang_limit(point_size: int, width_pt: float = TEXT_WIDTH_PT) -> int:
    """The most a code line's wrapped part may stand in, in ``ch``: half the characters a line
    of the page holds at ``point_size``, so the wrapped text keeps half the width."""
    return int(width_pt / (MONO_ADVANCE_EM * point_size)) // 2


def _is_text(ch: str) -> bool:
    if ch in "\t\n\r":
        return True
    return unicodedata.category(ch) not in ("Cc", "Cs", "Co") and ch not in "\ufffe\uffff"


def text_direction(text: str) -> str:
    """'rtl' or 'ltr' from the first strongly directional character (HTML's dir=auto rule)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "ltr"


def is_capitals_block(text: str) -> bool:
    """A run of at least four words all in capitals (hard to read in large print)."""
    words = [w for w in text.split() if any(ch.isalpha() for ch in w)]
    return len(words) >= 4 and all(w.upper() == w and w.lower() != w for w in words)


def _fmt(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
