"""HTML from the Document model: one self-contained, accessible, reflowable file.

What the page has, and why:

* ``<html lang>`` (and ``dir`` when most of the text is right-to-left), a ``<title>``, a skip
  link, one ``<main>``; a table of contents (``<nav>``) before it for long documents — or,
  where the document has a contents list of its own, that list as a ``<nav>`` in its place,
  each entry linked to its heading (or its page's marker), and no second one;
* headings in order: a level skipped in the source is closed up (h1 → h4 becomes h1 → h2,
  siblings stay siblings) and every change is listed in the notes for staff;
* real, nested ``<ul>``/``<ol>`` (printed numbers kept with ``start``/``value``/``type``),
  tables with ``<caption>``, ``<th scope>`` and row and column spans, ``<figure>`` with an
  embedded image whose ``alt`` is the source's alt text or else its caption — never invented:
  an image with neither gets ``alt=""`` and the result is flagged for review;
* code listings (preformatted paragraphs) as ``<pre><code>``, their lines and indentation
  kept, long lines wrapping;
* links (only web and mail addresses become ``href``), footnotes whose reference in the text
  links to the note and whose label links back, and the source's page numbers as small
  "Page N" markers so readers can cite them;
* every piece of document text escaped; CSS in relative units only, reflowing at 320 CSS px
  (wide tables scroll inside a focusable region, 1.4.10's exception for data tables), text
  spacing left to the reader, contrast above 4.5:1 in a light and a dark scheme, and a print
  stylesheet. No JavaScript.

>>> page = build_html(document, source=Path("report.pdf"))  # doctest: +SKIP
>>> page.html[:15], page.figures_without_alt  # doctest: +SKIP
('<!DOCTYPE html>', 0)
"""

from __future__ import annotations

import base64
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import jinja2
from markupsafe import Markup
from PIL import Image

from .captions import without_caption_paragraphs
from .contents_landmarks import ContentsNames, Section
from .document import (
    PAGE_TARGET,
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
    contents_title,
    row_page,
)
from .heading_levels import HeadingLevels, shortened
from .language import declared_tag
from .render_large_print import (
    DEFAULT_TITLE,
    UNREAD_PAGE,
    FigureSource,
    clean_text,
    code_lines,
    document_title,
    header_rows,
    preformatted_text,
    text_direction,
)

DEFAULT_LANGUAGE = "en"

#: A table of contents is added when a document has at least this many pages and headings.
TOC_MIN_PAGES = 4
TOC_MIN_HEADINGS = 4
#: Deepest heading level listed in the table of contents.
TOC_MAX_LEVEL = 3
#: Pictures whose PNG is at least this big are tried as JPEG, kept when JPEG saves a third.
JPEG_FROM_BYTES = 100_000
JPEG_QUALITY = 85
_JPEG_GAIN = 0.67
#: Only these schemes become links; anything else (javascript:, file:, data:) stays text.
SAFE_SCHEMES = ("http://", "https://", "mailto:", "tel:", "ftp://")
_RTL_LANGUAGES = frozenset(
    {"ar", "arc", "dv", "fa", "he", "iw", "ku", "ps", "sd", "ug", "ur", "yi"}
)

# Contrast ratios (WCAG 2 formula) against the background: light #1b1b1b 17.2, #505050 8.1,
# links #0b4f9c 8.0; dark #ececec 15.9, #b8b8b8 9.4, links #a8cdff 11.5. Rules and borders
# (#767676, #8a8a8a) pass 3:1 for non-text contrast. Only relative units for text and boxes,
# so the reader's own font size and 200% zoom scale everything; no fixed line heights or
# letter/word spacing, so the WCAG 1.4.12 text-spacing override applies cleanly.
_CSS = """
:root { color-scheme: light dark; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, "Liberation Sans",
    "DejaVu Sans", sans-serif;
  font-size: 1rem;
  line-height: 1.5;
  color: #1b1b1b;
  background: #ffffff;
  overflow-wrap: anywhere;
}
main, .toc { max-width: 40em; margin: 0 auto; padding: 1em; }
main:focus { outline: none; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.5em 0 0.5em; }
h1 { font-size: 1.75em; margin-top: 0.5em; }
h2 { font-size: 1.5em; }
h3 { font-size: 1.25em; }
h4, h5, h6 { font-size: 1.125em; }
p { margin: 0 0 1em; }
/* Each level of a nested list is indented less on a narrow screen (at 320 px and 200% text,
   five levels of 1.75em would leave no width for the text: WCAG 1.4.10 reflow). */
ul, ol { margin: 0 0 1em; padding-inline-start: min(1.75em, 6vw); }
li { margin: 0 0 0.25em; }
li > p { margin: 0 0 0.25em; }
li > ul, li > ol { margin: 0.25em 0; }
.page-marker {
  font-size: 0.875em;
  color: #505050;
  border-top: 0.0625em solid #767676;
  padding-top: 0.25em;
  margin: 1.5em 0 0.75em;
}
/* A page that begins at a table's row is marked in the row's first cell: on its own line, set
   apart from the cell's data as a marker (small, grey, never bold in a header cell). */
td .page-marker, th .page-marker, td .page-note, th .page-note {
  display: block;
  font-weight: normal;
}
td .page-marker, th .page-marker { border-top: none; padding-top: 0; margin: 0 0 0.25em; }
.note { font-size: 0.9375em; color: #1b1b1b; }
.note-label { margin-inline-end: 0.25em; }
sup { line-height: 0; }
a { color: #0b4f9c; }
a:focus-visible, .table-region:focus-visible {
  outline: 0.1875em solid #0b4f9c;
  outline-offset: 0.125em;
}
.table-region { max-width: 100%; overflow-x: auto; margin: 0 0 1em; }
table { border-collapse: collapse; margin: 0; }
caption { text-align: start; font-weight: bold; padding: 0 0 0.5em; }
th, td {
  border: 0.0625em solid #767676;
  padding: 0.25em 0.5em;
  text-align: start;
  vertical-align: top;
  overflow-wrap: normal;
  min-width: 3em;
}
th { font-weight: bold; }
/* A code listing keeps its lines and indentation; a line too long for the screen wraps
   (no sideways scrolling at 320 px: WCAG 1.4.10), in a fixed-pitch face at the body size. */
pre {
  margin: 0 0 1em;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  font-family: ui-monospace, "Cascadia Mono", Menlo, Consolas, "Liberation Mono",
    "DejaVu Sans Mono", monospace;
  font-size: 1em;
}
pre code { font-family: inherit; font-size: 1em; }
/* Each line a block, so a line wrapped on a narrow screen goes on standing in from where its
   text starts (its hang, in the style attribute), not at the margin like a new line. */
pre .line { display: block; }
figure { margin: 0 0 1em; }
figure img { display: block; max-width: 100%; height: auto; background: #ffffff; }
figcaption { margin-top: 0.5em; font-style: italic; }
.toc ol { padding-inline-start: 1.25em; }
.toc-title { font-weight: bold; font-size: 1.25em; margin: 0.5em 0; }
ul.contents { list-style: none; padding-inline-start: 1.25em; }
/* A definition list's term stands out in bold over its definition, set in under it. */
dl { margin: 0 0 1em; }
dt { font-weight: bold; }
dd { margin: 0 0 0.5em 2em; }
.skip-link {
  position: absolute;
  left: 0.5em;
  top: -10em;
  padding: 0.5em 1em;
  background: #ffffff;
  color: #0b4f9c;
}
.skip-link:focus { top: 0.5em; }
@media (prefers-color-scheme: dark) {
  body { color: #ececec; background: #121212; }
  .note { color: #ececec; }
  .page-marker { color: #b8b8b8; border-top-color: #8a8a8a; }
  th, td { border-color: #8a8a8a; }
  a, .skip-link { color: #a8cdff; }
  .skip-link { background: #121212; }
  a:focus-visible, .table-region:focus-visible { outline-color: #a8cdff; }
}
@media print {
  body { color: #000000; background: #ffffff; }
  main, .toc { max-width: none; padding: 0; }
  .skip-link { display: none; }
  .table-region { overflow: visible; }
  a { color: #000000; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: 0.875em; }
  h1, h2, h3, h4, h5, h6, caption { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
"""

_PAGE_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ language }}"{% if rtl %} dir="rtl"{% endif %}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="accessible-formats">
<title>{{ title }}</title>
<style>{{ css }}</style>
</head>
<body>
<a class="skip-link" href="#content">Skip to content</a>
{% if toc %}
<nav class="toc" aria-labelledby="toc-title">
<p class="toc-title" id="toc-title">Contents</p>
{{ toc }}
</nav>
{% endif %}
<main id="content" tabindex="-1">
{{ body }}
</main>
</body>
</html>
"""


def dir_attr(text: str) -> Markup:
    """` dir="rtl"` for right-to-left text, nothing otherwise (ltr is inherited)."""
    return Markup(' dir="rtl"') if text_direction(text) == "rtl" else Markup("")


def template(source: str) -> jinja2.Template:
    """A template with autoescaping and the ``dir_attr`` filter, shared by the renderers."""
    environment = jinja2.Environment(
        autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True
    )
    environment.filters["dir_attr"] = dir_attr
    return environment.from_string(source)


_PAGE = template(_PAGE_TEMPLATE)


@dataclass
class HtmlPage:
    """The HTML file's text and what staff should know about it."""

    html: str
    notes: list[str] = field(default_factory=list)
    #: Figures shown as an image with no alt text and no caption in the source (alt="").
    figures_without_alt: int = 0

    @property
    def content(self) -> bytes:
        """The file's bytes (UTF-8, as the page declares)."""
        return self.html.encode("utf-8")


def render_html(document: Document, *, source: Path | None = None) -> bytes:
    """The HTML file as UTF-8 bytes (the file declares its charset)."""
    return build_html(document, source=source).content


def build_html(document: Document, *, source: Path | None = None) -> HtmlPage:
    """The page for ``document``; figures are drawn from ``source`` (the PDF it was read from).

    Without ``source``, figures give their alt text and caption only.
    """
    figures = FigureSource(source, document) if source else None
    page_rtl = is_mostly_rtl(document)
    builder = _Builder(figures, notes_by_page=_note_labels(document), page_rtl=page_rtl)
    title = document_title(document)
    try:
        body = builder.document(document, title)
    finally:
        if figures:
            figures.close()
    language, language_note = language_tag(document.language)
    notes = ([language_note] if language_note else []) + builder.notes()
    # The document's own table of contents, where it has one, is the page's (in its place,
    # linked to the headings): a second one made from the headings would only repeat it.
    toc = builder.toc() if len(document.pages) >= TOC_MIN_PAGES and not builder.contents else ""
    html = _PAGE.render(
        language=language,
        rtl=page_rtl,
        title=page_title(document, title),
        css=Markup(_CSS),
        toc=Markup(toc),
        body=Markup(body),
    )
    return HtmlPage(html=html, notes=notes, figures_without_alt=builder.figures_without_alt)


def page_title(document: Document, title: str) -> str:
    """The ``<title>``: the document's title, else the start of its first text.

    "Untitled document" says nothing in a list of tabs or bookmarks (WCAG 2.4.2).
    """
    if title != DEFAULT_TITLE:
        return title
    for block in document.walk():
        if isinstance(block, Paragraph | Note) and (text := clean_text(block.text)):
            return shortened(text, 80)
    return title


# --- footnotes -------------------------------------------------------------------------------


def _note_labels(document: Document) -> dict[int, list[tuple[int, str]]]:
    """Per source page, the (note number, label) of each footnote with a usable label."""
    found: dict[int, list[tuple[int, str]]] = {}
    number = 0
    # Numbered in reading order, as _Builder._note meets them.
    for block in document.walk():
        if isinstance(block, Note):
            number += 1
            label = clean_text(block.label)
            if _LABEL.match(label):
                found.setdefault(_page_of(block), []).append((number, label))
    return found


#: A footnote label worth looking for in the text: a number or a reference mark.
_LABEL = re.compile(r"^(\d{1,3}|[*†‡§¶]{1,3})$")


def _reference_pattern(label: str) -> re.Pattern[str]:
    # A reference is the label glued to the end of a word or a closing punctuation mark
    # ("councils.3", "word*"): never a free-standing number, which is ordinary text.
    return re.compile(r"(?<=[^\W\d_]|[.,;:)’”\]])" + re.escape(label) + r"(?![\w])")


# --- the builder -----------------------------------------------------------------------------


@dataclass
class _Span:
    """Markup around text[start:end]: a link or a footnote reference."""

    start: int
    end: int
    open: str
    close: str


class _Builder:
    def __init__(
        self,
        figures: FigureSource | None,
        *,
        notes_by_page: dict[int, list[tuple[int, str]]],
        page_rtl: bool,
    ) -> None:
        self.figures = figures
        self.headings = HeadingLevels()
        #: The page's direction (<html dir>): blocks say theirs only when it differs.
        self.page_rtl = page_rtl
        self.marked_page = -1
        #: The document being rendered (for the markers of pages that hold no text).
        self.source: Document | None = None
        self.toc_entries: list[tuple[int, str, str]] = []
        #: The document has a table of contents of its own (rendered in its place).
        self.contents = False
        self.heading_anchors: dict[str, str] = {}
        #: Each heading's level in the source, by its number (``heading-N``).
        self.source_levels: dict[int, int] = {}
        #: The heading last rendered: the section a contents list sits in.
        self.section: Section | None = None
        self.contents_names = ContentsNames()
        self.marked_pages: set[int] = set()
        self.heading_count = 0
        self.table_count = 0
        self.note_count = 0
        self.figures_without_alt = 0
        self.figures_not_drawn = 0
        self.unsafe_links = 0
        self.links_not_placed = 0
        self.title_added = False
        #: Footnotes still waiting for their reference in the text, per page.
        self.pending_notes = {page: list(labels) for page, labels in notes_by_page.items()}
        self.referenced: set[int] = set()

    # -- the document --

    def document(self, document: Document, title: str) -> str:
        out: list[str] = []
        if not any(
            isinstance(block, Heading) and clean_text(block.text) for block in document.walk()
        ):
            # A page needs a level-one heading to be navigable: with none in the source, the
            # title (from the metadata, else "Untitled document") serves, once.
            out.append(self._heading(Heading(title, 1)))
            self.title_added = True
        self._index_targets(document)
        self.source = document
        content = False
        for block in without_caption_paragraphs(document.blocks):
            # The block's marker is worked out before the block, which may mark the pages
            # its later items start on (a list running over a page break); a block that
            # renders nothing marks no page.
            marked = self.marked_page
            markers = list(self._marker(block, document))
            html = self.block(block)
            if html:
                out.extend(markers)
                out.append(html)
                content = True
            else:
                self.marked_page = marked
        out.extend(self._markers_to(document, len(document.pages) - 1, through=True))
        if not content:
            out.append("<p>No text could be read from this document automatically.</p>")
        return "\n".join(out)

    def _index_targets(self, document: Document) -> None:
        """Where a contents entry can lead: each heading's anchor by its text (the anchors
        :meth:`_heading` gives, in the same order), and the pages marked."""
        count = 0
        for block in document.walk():
            if isinstance(block, Heading) and clean_text(block.text):
                count += 1
                self.source_levels[count] = block.level
                for key in _title_keys(block.text):
                    self.heading_anchors.setdefault(key, f"heading-{count}")
        # Every page gets its marker (see :meth:`_markers_to`), up to the last with content.
        last = max((p.page for block in document.walk() for p in getattr(block, "prov", [])),
                   default=-1)
        self.marked_pages = set(range(max(len(document.pages), last + 1)))

    def notes(self) -> list[str]:
        notes: list[str] = []
        if heading_note := self.headings.note():
            notes.append(heading_note)
        if self.title_added:
            notes.append("the source has no headings: its title is given as the main heading")
        if self.pending_references():
            notes.append(
                f"{self.pending_references()} footnote(s) whose reference could not be found "
                "in the text are not linked from it"
            )
        if self.figures_without_alt:
            notes.append(
                f"{self.figures_without_alt} figure(s) have no alternative text or caption in "
                "the source and none was invented: a person should describe them"
            )
        if self.figures_not_drawn:
            notes.append(
                f"{self.figures_not_drawn} figure(s) could not be drawn from the source; their "
                "alt text and captions are given"
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

    def pending_references(self) -> int:
        return sum(len(waiting) for waiting in self.pending_notes.values())

    def toc(self) -> str:
        entries = [e for e in self.toc_entries if e[0] <= TOC_MAX_LEVEL]
        if len(entries) < TOC_MIN_HEADINGS:
            return ""
        # Nested lists following the heading levels (which never skip after normalising).
        out: list[str] = []
        depth = 0
        for level, anchor, text in entries:
            if level > depth:
                out.append("<ol>" * (level - depth))
                depth = level
            else:
                out.append("</li>")
                while depth > level:
                    out.append("</ol></li>")
                    depth -= 1
            out.append(f'<li><a href="#{anchor}">{escape(text)}</a>')
        while depth > 0:
            out.append("</li></ol>")
            depth -= 1
        return "".join(out)

    def _marker(self, block: Block, document: Document) -> Iterator[str]:
        prov = getattr(block, "prov", None)
        if isinstance(block, ListBlock) and not prov and block.items:
            prov = block.items[0].prov
        if not prov:
            return
        yield from self._markers_to(document, prov[0].page)

    def _markers_before(self, item: ListItem) -> str:
        """The markers of the pages a list's item starts on past the last one marked, set
        at the end of the item before it (where the page turns): a list running over a page
        break keeps its pages' markers, as the text around it does."""
        if not item.prov or not self.source:
            return ""
        return "".join(self._markers_to(self.source, item.prov[0].page))

    def _markers_to(
        self, document: Document, page: int, *, through: bool = False, in_cell: bool = False
    ) -> Iterator[str]:
        """The markers of the pages past the last one marked up to page index ``page``: a
        page that begins inside a block (a paragraph, a list item running over the break)
        has its marker where the block ends, before the next page's, so that every page of
        the original can be found ("see page 12"); one that begins at a table's row, at the
        start of the row's first cell (``in_cell``: inline markers, see :meth:`_row_markers`).
        A page with images but no text says so under its marker (``page`` too when
        ``through``, at the document's end)."""
        for number in range(self.marked_page + 1, page + 1):
            self.marked_page = number
            yield _cell_page_marker(number) if in_cell else _page_marker(number)
            if number < len(document.pages) and document.pages[number].needs_ocr and (
                number < page or through
            ):
                yield (
                    f'<span class="page-note">{UNREAD_PAGE}</span>' if in_cell
                    else f"<p>{UNREAD_PAGE}</p>"
                )

    def _row_markers(self, row: Row) -> str:
        """The markers of the pages a table's body row begins past the last one marked, for
        the start of its first cell: a table running over many pages keeps each page's
        marker at the row where that page begins (where EPUB and DAISY put page breaks in
        a table), not all together after the table."""
        page = row_page(row)
        if page is None or not self.source:
            return ""
        return "".join(self._markers_to(self.source, page, in_cell=True))

    # -- blocks --

    def block(self, block: Block) -> str:
        if isinstance(block, Heading):
            return self._heading(block)
        if isinstance(block, Paragraph) and block.preformatted:
            return self._code(block)
        if isinstance(block, Paragraph):
            return self._text_block(
                "p", block.text, block.links, _page_of(block), lang=block.lang
            )
        if isinstance(block, Link):
            return self._link_block(block)
        if isinstance(block, Note):
            return self._note(block)
        if isinstance(block, ListBlock):
            return self._list(block)
        if isinstance(block, ListItem):
            return self._list(ListBlock(items=[block]))
        if isinstance(block, Table):
            return self._table(block)
        if isinstance(block, Figure):
            return self._figure(block)
        return ""

    def _heading(self, heading: Heading) -> str:
        text = clean_text(heading.text)
        if not text:
            return ""
        level = self.headings.level(heading.level, text)
        self.heading_count += 1
        anchor = f"heading-{self.heading_count}"
        self.toc_entries.append((level, anchor, text))
        self.section = Section(heading.level, text, self.heading_count)
        inner = self._inline(text, heading.links, _page_of(heading))
        return f'<h{level} id="{anchor}"{self._dir(text, heading.lang)}>{inner}</h{level}>'

    def _code(self, block: Paragraph) -> str:
        """A code listing (a preformatted paragraph) as ``<pre><code>``: its lines and
        indentation kept, read as code; left to right whatever the page's direction."""
        text = preformatted_text(block.text)
        if not text:
            return ""
        page = _page_of(block)
        # The hang is at most half the listing's width: a line indented nearly as wide as a
        # narrow screen would wrap its words into a column a letter or two wide. (text-indent's
        # percentage is of the line's own content width, half the listing's at the cap: the
        # first line still starts at the margin, in Chromium as in WeasyPrint.)
        inner = "".join(
            f'<span class="line" style="padding-left: min({hang}ch, 50%); '
            f'text-indent: max(-{hang}ch, -100%)">'
            f'{self._inline(line, block.links, page) if line else " "}</span>'
            for line, hang in code_lines(text)
        )
        direction = ' dir="ltr"' if self.page_rtl else ""
        return f"<pre{direction}{_lang_attr(block.lang)}><code>{inner}</code></pre>"

    def _text_block(
        self, tag: str, raw: str, links: list[Link], page: int, *, attrs: str = "",
        lang: str | None = None,
    ) -> str:
        text = clean_text(raw)
        if not text:
            return ""
        inner = self._inline(text, links, page)
        return f"<{tag}{attrs}{self._dir(text, lang)}>{inner}</{tag}>"

    def _link_block(self, link: Link) -> str:
        text = clean_text(link.text)
        target = clean_text(link.target)
        href = safe_href(target)
        if href is None:
            if target:
                self.unsafe_links += 1
            return f"<p{self._dir(text, link.lang)}>{escape(text)}</p>" if text else ""
        # A link needs a name: the address itself when the source gives no text.
        label = text or target
        return (
            f'<p{self._dir(label, link.lang)}><a href="{escape(href)}">{escape(label)}</a></p>'
        )

    def _note(self, note: Note) -> str:
        text = clean_text(note.text)
        label = clean_text(note.label)
        self.note_count += 1
        number = self.note_count
        if label and text.startswith(label):
            text = text[len(label) :].lstrip()
        if not text and not label:
            return ""
        if number in self.referenced:
            # The label links back to the reference in the text.
            label_html = f'<a class="note-label" href="#note-ref-{number}">{escape(label)}</a>'
        else:
            label_html = f'<span class="note-label">{escape(label)}</span>' if label else ""
        inner = self._inline(text, note.links, _page_of(note))
        return (
            f'<p class="note" id="note-{number}"{self._dir(text or label, note.lang)}>'
            f"{label_html}{' ' if label_html and inner else ''}{inner}</p>"
        )

    def _contents(self, block: ListBlock) -> str:
        """A table of contents: navigation, each entry linked to its heading (or, where no
        heading has its title, to the marker of the page it leads to), its page number
        printed after it. Its landmark's name tells it from the page's other contents lists
        (a chapter's own, or the rest of one read in two pieces): see
        :mod:`.contents_landmarks`."""
        inner = self._contents_list(block)
        if not inner:
            return ""
        self.contents = True
        name = self.contents_names.name(
            self.section, self._heading_targets(block), self.source_levels
        )
        return f'<nav class="contents" aria-label="{escape(name)}">{inner}</nav>'

    def _heading_targets(self, block: ListBlock) -> list[int]:
        """The numbers of the headings a contents list's entries (nested ones too) lead to."""
        numbers: list[int] = []
        for item in block.items:
            title = clean_text(contents_title(item)) if item.blocks else ""
            href = self._entry_href(item, title) or ""
            if href.startswith("#heading-"):
                numbers.append(int(href.removeprefix("#heading-")))
            for nested in item.blocks:
                if isinstance(nested, ListBlock):
                    numbers.extend(self._heading_targets(nested))
        return numbers

    def _contents_list(self, block: ListBlock) -> str:
        parts: list[str] = []
        for item in block.items:
            title = clean_text(contents_title(item)) if item.blocks else ""
            label = clean_text(item.label)
            named = " ".join(part for part in (label, title) if part)
            nested = "".join(
                self._contents_list(b) for b in item.blocks
                if isinstance(b, ListBlock) and b.items
            )
            if not named and not nested:
                continue
            href = self._entry_href(item, title)
            entry = f'<a href="{escape(href)}">{escape(named)}</a>' if href and named else (
                escape(named))
            page = clean_text(item.page_label)
            if page:
                entry += f' <span class="contents-page">{escape(page)}</span>'
            parts.append(f"<li{self._dir(named)}>{entry}{nested}</li>")
        return f'<ul class="contents">{"".join(parts)}</ul>' if parts else ""

    def _entry_href(self, item: ListItem, title: str) -> str | None:
        for key in _title_keys(title):
            if key in self.heading_anchors:
                return "#" + self.heading_anchors[key]
        for block in item.blocks:
            for link in getattr(block, "links", []):
                target = PAGE_TARGET.match(link.target)
                if target and int(target[1]) - 1 in self.marked_pages:
                    return f"#page-{target[1]}"
                if not target and safe_href(clean_text(link.target)):
                    return safe_href(clean_text(link.target))
        return None

    def _list(self, block: ListBlock) -> str:
        if block.contents:
            return self._contents(block)
        if block.definitions:
            return self._definitions(block)
        items = [item for item in block.items if item.blocks or clean_text(item.label)]
        if not items:
            return ""
        if not block.ordered:
            parts = [f"<ul{_lang_attr(block.lang)}>"]
            for index, item in enumerate(items):
                self._mark_item(parts, index, item)
                parts.append(self._item(item, ""))
            parts.append("</ul>")
            return "".join(parts)
        numbering = ListNumbering([clean_text(item.label) for item in items])
        parts = [f"<ol{numbering.list_attrs()}{_lang_attr(block.lang)}>"]
        for index, item in enumerate(items):
            self._mark_item(parts, index, item)
            parts.append(self._item(item, numbering.item_attrs(index)))
        parts.append("</ol>")
        return "".join(parts)

    def _mark_item(self, parts: list[str], index: int, item: ListItem) -> None:
        """The markers of the page ``item`` starts on, at the end of the item before it
        (the last of ``parts``); the first item's page is the list's own, marked before it."""
        if index and (markers := self._markers_before(item)):
            parts[-1] = parts[-1].removesuffix("</li>") + markers + "</li>"

    def _definitions(self, block: ListBlock) -> str:
        """A definition list: each term a ``<dt>``, its definition the ``<dd>`` after it."""
        parts: list[str] = []
        for item in block.items:
            term = clean_text(item.label)
            if parts and (markers := self._markers_before(item)):
                parts[-1] = parts[-1].removesuffix("</dd>") + markers + "</dd>"
            definition = "".join(self.block(b) for b in item.blocks)
            if not term and not definition:
                continue
            parts.append(f"<dt{self._dir(term, item.lang)}>{escape(term)}</dt>")
            parts.append(f"<dd>{definition}</dd>")
        return f"<dl{_lang_attr(block.lang)}>{''.join(parts)}</dl>" if parts else ""

    def _item(self, item: ListItem, attrs: str) -> str:
        blocks = [b for b in item.blocks if not isinstance(b, Paragraph) or clean_text(b.text)]
        if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
            # One paragraph: its text straight in the <li>, as authors write lists.
            paragraph = blocks[0]
            text = clean_text(paragraph.text)
            inner = self._inline(text, paragraph.links, _page_of(paragraph))
            return f"<li{attrs}{self._dir(text, paragraph.lang or item.lang)}>{inner}</li>"
        inner = "".join(self.block(b) for b in blocks)
        if not inner:
            # A label with nothing after it ("3."): the label is all there is to say.
            inner = escape(clean_text(item.label))
        first = next((clean_text(b.text) for b in blocks if isinstance(b, Paragraph)), "")
        return f"<li{attrs}{self._dir(first, item.lang)}>{inner}</li>"

    def _table(self, table: Table) -> str:
        rows = [row for row in table.rows if row.cells]
        caption = clean_text(table.caption or "")
        if not caption and not any(clean_text(c.text) for row in rows for c in row.cells):
            return ""  # an empty grid (a form's boxes) says nothing
        self.table_count += 1
        number = self.table_count
        head = header_rows(Table(rows=rows))
        # A header needs data cells to head (axe th-has-data-cells): a table with no data
        # cell at all is given as plain cells.
        has_data = any(
            not (cell.header or r < head) and clean_text(cell.text)
            for r, row in enumerate(rows)
            for cell in row.cells
        )
        parts = [
            f'<div class="table-region" role="region" tabindex="0" '
            f'aria-labelledby="table-{number}-name">',
            f'<table id="table-{number}"{self._dir(_table_sample(rows), table.lang)}>',
        ]
        if caption:
            parts.append(f'<caption id="table-{number}-name">{escape(caption)}</caption>')
        else:
            # The scrolling region needs a name; a table without a caption gets its number.
            parts.append(f'<caption id="table-{number}-name">Table {number}</caption>')
        if head and has_data:
            parts.append("<thead>")
            parts.extend(self._row(row.cells, in_head=True, headers=True) for row in rows[:head])
            parts.append("</thead>")
            body = rows[head:]
        else:
            body = rows
        parts.append("<tbody>")
        # Head rows are never marked: a header repeated on each page is not where one begins.
        parts.extend(
            self._row(row.cells, in_head=False, headers=has_data, markers=self._row_markers(row))
            for row in body
        )
        parts.append("</tbody></table></div>")
        return "".join(parts)

    def _row(
        self, cells: list[Cell], *, in_head: bool, headers: bool, markers: str = ""
    ) -> str:
        """A table row; ``markers`` (the pages it begins) go before its first data cell's
        text (the first cell's when all are headers): a row header's text names every cell
        of its row, and a marker in it would be said with each of them."""
        opened: list[tuple[str, str, str]] = []  # (tag, start tag, cell text) of each cell
        for index, cell in enumerate(cells):
            text = clean_text(cell.text)
            # Empty header cells are data cells: a <th> must have text (axe empty-table-header).
            is_header = headers and bool(text) and (in_head or cell.header)
            if is_header and not in_head and index > 0 and cell.scope is None:
                # A reader's guess of a header in mid-row: a row header only when first.
                is_header = False
            attrs = ""
            if cell.col_span > 1:
                attrs += f' colspan="{cell.col_span}"'
            if cell.row_span > 1:
                attrs += f' rowspan="{cell.row_span}"'
            tag = "td"
            if is_header:
                tag = "th"
                scope = {"row": "row", "column": "col", "both": "col"}.get(cell.scope or "")
                attrs += f' scope="{scope or ("col" if in_head else "row")}"'
            opened.append((tag, f"<{tag}{attrs}{self._dir(text, cell.lang)}>", escape(text)))
        marked = next((k for k, (tag, _, _) in enumerate(opened) if tag == "td"), 0)
        out = ["<tr>"]
        for index, (tag, start, text) in enumerate(opened):
            out.append(f"{start}{markers if index == marked else ''}{text}</{tag}>")
        out.append("</tr>")
        return "".join(out)

    def _figure(self, figure: Figure) -> str:
        alt = clean_text(figure.alt or "")
        caption = clean_text(figure.caption or "")
        picture = self.figures.draw(figure) if self.figures else None
        if picture is None and not alt and not caption:
            return ""  # nothing a reader could see or hear
        parts = [f"<figure{_lang_attr(figure.lang)}>"]
        if picture is not None:
            if not alt and not caption:
                self.figures_without_alt += 1
            # Never invented: the caption may serve as the alternative (standards.md); with
            # neither, alt="" and the note asks a person to describe the image.
            parts.append(
                f'<img src="{data_uri(picture.png)}" alt="{escape(alt or caption)}" '
                f'width="{picture.css_width}" height="{picture.css_height}">'
            )
        else:
            self.figures_not_drawn += 1
            if alt:
                parts.append(f"<p{self._dir(alt)}>{escape(alt)}</p>")
        if caption:
            parts.append(f"<figcaption{self._dir(caption)}>{escape(caption)}</figcaption>")
        parts.append("</figure>")
        return "".join(parts)

    # -- inline text --

    def _inline(self, text: str, links: list[Link], page: int) -> str:
        """``text`` escaped, with its links and footnote references as markup."""
        spans = self._link_spans(text, links) + self._reference_spans(text, page)
        spans.sort(key=lambda s: (s.start, -s.end))
        out: list[str] = []
        position = 0
        for span in spans:
            if span.start < position:
                continue  # overlapping markup: the first wins, the text stays whole
            out.append(escape(text[position : span.start]))
            out.append(span.open + escape(text[span.start : span.end]) + span.close)
            position = span.end
        out.append(escape(text[position:]))
        return "".join(out)

    def _link_spans(self, text: str, links: list[Link]) -> list[_Span]:
        placed = place_links(text, links)
        self.unsafe_links += placed.unsafe
        self.links_not_placed += placed.not_found
        return [
            _Span(start, end, f'<a href="{escape(href)}">', "</a>")
            for start, end, href in placed.spans
        ]

    def _reference_spans(self, text: str, page: int) -> list[_Span]:
        waiting = self.pending_notes.get(page)
        if not waiting:
            return []
        spans: list[_Span] = []
        for number, label in list(waiting):
            match = _reference_pattern(label).search(text)
            if match is None:
                continue
            waiting.remove((number, label))
            self.referenced.add(number)
            spans.append(
                _Span(
                    match.start(),
                    match.end(),
                    f'<sup><a id="note-ref-{number}" href="#note-{number}" '
                    f'aria-label="Note {escape(label)}">',
                    "</a></sup>",
                )
            )
        return spans

    def _dir(self, text: str, lang: str | None = None) -> str:
        """The ``dir`` an element needs for ``text``, and its ``lang`` where the model says the
        text is in another language than what holds it (WCAG 3.1.2, language of parts)."""
        return _direction_attr(text, self.page_rtl) + _lang_attr(lang)


class ListNumbering:
    """The printed numbers of an ordered list, as ``start``, ``type`` and ``value``."""

    def __init__(self, labels: list[str]) -> None:
        self.kind = ""
        self.values: list[int | None] = []
        cores = [label.strip("().[] ").rstrip(".):") for label in labels]
        for kind in ("1", "i", "I", "a", "A"):
            values = [self._value(core, kind) for core in cores]
            if values and all(v is not None for v in values):
                self.kind = kind
                self.values = values
                return
        self.values = [None] * len(labels)

    def _value(self, core: str, kind: str) -> int | None:
        if kind == "1":
            return int(core) if core.isdigit() and len(core) <= 6 else None
        if kind in ("i", "I"):
            if not core or core != (core.lower() if kind == "i" else core.upper()):
                return None
            return _roman(core.lower())
        if len(core) == 1 and core.isalpha() and core.isascii():
            if core != (core.lower() if kind == "a" else core.upper()):
                return None
            return ord(core.lower()) - ord("a") + 1
        return None

    def list_attrs(self) -> str:
        if not self.kind:
            return ""
        attrs = "" if self.kind == "1" else f' type="{self.kind}"'
        first = self.values[0]
        if first is not None and first != 1:
            attrs += f' start="{first}"'
        return attrs

    def item_attrs(self, index: int) -> str:
        if not self.kind or index == 0:
            return ""
        value, previous = self.values[index], self.values[index - 1]
        if value is None or previous is None or value == previous + 1:
            return ""
        return f' value="{value}"'


def data_uri(png: bytes) -> str:
    """The picture as a ``data:`` URI: PNG, or JPEG where that is much smaller (photographs).

    Drawings and text stay PNG (sharp edges, small anyway); a photograph in PNG is several
    times larger than a good JPEG, and the page embeds every picture.
    """
    mime, data = "image/png", png
    if len(png) >= JPEG_FROM_BYTES:
        with Image.open(io.BytesIO(png)) as image:
            buffer = io.BytesIO()
            image.convert("RGB").save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
        if buffer.tell() < len(png) * _JPEG_GAIN:
            mime, data = "image/jpeg", buffer.getvalue()
    return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def _roman(text: str) -> int | None:
    values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    if not text or any(ch not in values for ch in text) or len(text) > 8:
        return None
    total = 0
    for index, ch in enumerate(text):
        value = values[ch]
        following = values[text[index + 1]] if index + 1 < len(text) else 0
        total += -value if value < following else value
    return total if total > 0 else None


@dataclass
class PlacedLinks:
    #: (start, end, href) of each link in the text, in order, not overlapping.
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    #: Links whose address is not a web or e-mail address (kept as text).
    unsafe: int = 0
    #: Links whose text is not in the block's text.
    not_found: int = 0


def place_links(text: str, links: list[Link]) -> PlacedLinks:
    """Where each of a block's links is in its (cleaned) ``text``, with a safe address."""
    placed = PlacedLinks()
    searched_from = 0
    for link in links:
        target = clean_text(link.target)
        label = clean_text(link.text)
        href = safe_href(target)
        if href is None:
            # A link to a page of the source (a contents entry's) is no address to warn of:
            # the page numbers the text prints say where it leads.
            placed.unsafe += 1 if target and not PAGE_TARGET.match(target) else 0
            continue
        start = text.find(label, searched_from) if label else -1
        if start < 0 and label:
            start = text.find(label)
        if start < 0:
            placed.not_found += 1
            continue
        end = start + len(label)
        if any(s < end and start < e for s, e, _ in placed.spans):
            placed.not_found += 1  # the same words linked twice: the first link stays
            continue
        searched_from = end
        placed.spans.append((start, end, href))
    placed.spans.sort()
    return placed


def safe_href(target: str) -> str | None:
    """``target`` if it is a web, e-mail or phone address; None for anything else."""
    if target.lower().startswith(SAFE_SCHEMES) and not any(ch.isspace() for ch in target):
        return target
    if target.lower().startswith("www."):
        return "https://" + target
    return None


def _page_marker(page: int) -> str:
    # Plain text on purpose: role=doc-pagebreak is only allowed on <hr> and carries no
    # visible text, and screen readers announce a plain "Page 7" reliably.
    return f'<p class="page-marker" id="page-{page + 1}">Page {page + 1}</p>'


def _cell_page_marker(page: int) -> str:
    # Inline, as a table cell may hold it; its own line by the style (``td .page-marker``).
    return f'<span class="page-marker" id="page-{page + 1}">Page {page + 1}</span>'


def _title_keys(text: str) -> list[str]:
    """Ways a contents entry and its heading may both write a title: as is, and without
    the section number ("2.1 Methods" and "Methods")."""
    words = " ".join(clean_text(text).lower().split())
    bare = re.sub(r"^(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])[.)]?\s+", "", words)
    return [words, bare] if bare != words and bare else [words]


def _page_of(block: Block) -> int:
    prov = getattr(block, "prov", None)
    return prov[0].page if prov else -1


def _table_sample(rows: list[Row]) -> str:
    # The table's direction follows its first cell with text.
    for row in rows:
        for cell in row.cells:
            if clean_text(cell.text):
                return cell.text
    return ""


def is_mostly_rtl(document: Document) -> bool:
    language = (document.language or "").split("-")[0].lower()
    texts = [
        block.text
        for block in document.walk()
        if isinstance(block, Heading | Paragraph | Note) and block.text.strip()
    ]
    if not texts:
        return language in _RTL_LANGUAGES
    rtl = sum(1 for text in texts if text_direction(text) == "rtl")
    return rtl * 2 > len(texts)


def _direction_attr(text: str, page_rtl: bool) -> str:
    direction = text_direction(text)
    if direction == "rtl" and not page_rtl:
        return ' dir="rtl"'
    if direction == "ltr" and page_rtl and any(ch.isalpha() for ch in text):
        return ' dir="ltr"'
    return ""


def _lang_attr(lang: str | None) -> str:
    """`` lang="…"`` for a block's language; nothing for none, or for a tag that is not one
    (it would only confuse a screen reader's voice switching)."""
    tag = declared_tag(lang)
    return f' lang="{escape(tag)}"' if tag else ""


def language_tag(language: str | None) -> tuple[str, str | None]:
    declared = declared_tag(language)
    if declared:
        return declared, None
    tag = (language or "").strip().replace("_", "-")
    note = (
        f"the source's language {tag[:20]!r} is not a valid language tag"
        if tag
        else "the source does not say its language"
    )
    return DEFAULT_LANGUAGE, f"{note}: the page says {DEFAULT_LANGUAGE!r} (English)"

