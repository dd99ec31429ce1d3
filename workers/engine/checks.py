"""Independent checks of an output, as a JSON-serialisable report.

The checks read the output back from its bytes with other libraries than the ones that wrote
it (pikepdf and pdfium for PDFs, the standard library's HTML parser for HTML), so a renderer
bug cannot hide from them. They cover what a program can decide cheaply; the full judges
(veraPDF for PDF/UA, axe-core for HTML) run in the test and benchmark suites.

Report shape::

    {"checks": [{"id": "lang", "passed": True, "detail": "en-GB"}, ...],
     "passed": True,
     "notes": ["..."]}
"""

from __future__ import annotations

import ctypes
import io
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import docx
import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from docx.enum.text import WD_ALIGN_PARAGRAPH

from .captions import without_caption_paragraphs
from .checks_large_print import FONT_SIZE_TOLERANCE, read_back, word_recall, words
from .document import Block, Document, Heading, ListBlock, ListItem, Table, block_text

Check = dict[str, object]
Report = dict[str, object]


def make_report(checks: list[Check], notes: list[str] | None = None) -> Report:
    return {
        "checks": checks,
        "passed": all(check["passed"] for check in checks),
        "notes": list(notes or []),
    }


def _check(check_id: str, passed: bool, detail: str) -> Check:
    return {"id": check_id, "passed": passed, "detail": detail}


# --- PDF -----------------------------------------------------------------------------------


def check_pdf(content: bytes, *, min_font_size: float | None = None) -> Report:
    """PDF/UA catalog essentials, embedded fonts and, for large print, the smallest text."""
    with pikepdf.open(io.BytesIO(content)) as pdf:
        checks = _catalog_checks(pdf)
        missing = sorted(_unembedded_fonts(pdf))
        checks.append(
            _check(
                "fonts-embedded",
                not missing,
                "all fonts embedded" if not missing else "not embedded: " + ", ".join(missing),
            )
        )
        no_glyph = _characters_without_glyph(pdf)
        checks.append(
            _check(
                "glyphs",
                not no_glyph,
                "every character has a glyph"
                if not no_glyph
                else f"{len(no_glyph)} character(s) drawn as .notdef (no installed font has "
                f"them): {''.join(sorted(no_glyph)[:20])}",
            )
        )
    if min_font_size is not None:
        smallest = _smallest_text_size(content)
        if smallest is None:
            checks.append(_check("min-font-size", False, "no text found"))
        else:
            checks.append(
                _check(
                    "min-font-size",
                    smallest >= min_font_size - FONT_SIZE_TOLERANCE,
                    f"smallest text {smallest:.1f} pt, required {min_font_size:g} pt",
                )
            )
    return make_report(checks)


def _catalog_checks(pdf: pikepdf.Pdf) -> list[Check]:
    root = pdf.Root
    mark_info = root.get("/MarkInfo")
    marked = isinstance(mark_info, pikepdf.Dictionary) and _is_true(mark_info.get("/Marked"))
    lang = root.get("/Lang")
    lang_text = str(lang).strip() if isinstance(lang, pikepdf.String) else ""
    prefs = root.get("/ViewerPreferences")
    display_title = isinstance(prefs, pikepdf.Dictionary) and _is_true(
        prefs.get("/DisplayDocTitle")
    )
    with pdf.open_metadata() as xmp:
        xmp_title = str(xmp.get("dc:title") or "").strip()
        ua_part = str(xmp.get("pdfuaid:part") or "")
    info_title = str(pdf.docinfo.get("/Title") or "").strip()
    title = info_title or xmp_title
    return [
        _check("marked", marked, "/MarkInfo /Marked true" if marked else "/MarkInfo missing"),
        _check(
            "struct-tree",
            "/StructTreeRoot" in root,
            "present" if "/StructTreeRoot" in root else "no /StructTreeRoot",
        ),
        _check("lang", bool(lang_text), lang_text or "no /Lang in the catalog"),
        _check("title", bool(title), title or "no title in the info dictionary or XMP"),
        _check(
            "display-doc-title",
            display_title,
            "set" if display_title else "/ViewerPreferences /DisplayDocTitle not true",
        ),
        _check("pdfua-identifier", ua_part == "1", f"pdfuaid:part = {ua_part or 'missing'}"),
    ]


def _is_true(value: object) -> bool:
    # pikepdf returns PDF booleans as Python bools.
    return value is True


def _unembedded_fonts(pdf: pikepdf.Pdf) -> set[str]:
    missing: set[str] = set()
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        for font in _fonts(page.obj.get("/Resources"), seen):
            if not _is_embedded(font):
                missing.add(str(font.get("/BaseFont", "unnamed font")).lstrip("/"))
    return missing


def _fonts(resources: Any, seen: set[tuple[int, int]]) -> Iterator[pikepdf.Dictionary]:
    """Fonts of a resource dictionary and of the form XObjects it uses, each once: in the
    order of a depth-first walk, made with a stack of the walks begun (forms nested
    thousands deep overflowed Python's stack when each form's walk called the next's)."""
    walks = [_resource_entries(resources, seen)]
    while walks:
        entry = next(walks[-1], None)
        if entry is None:
            walks.pop()
            continue
        is_form, found = entry
        if is_form:
            walks.append(_resource_entries(found.get("/Resources"), seen))
        else:
            yield found


def _resource_entries(
    resources: Any, seen: set[tuple[int, int]]
) -> Iterator[tuple[bool, Any]]:
    """A resource dictionary's fonts, then its form XObjects (True), each not seen before."""
    if not isinstance(resources, pikepdf.Dictionary):
        return
    fonts = resources.get("/Font")
    if isinstance(fonts, pikepdf.Dictionary):
        for font in fonts.values():
            if isinstance(font, pikepdf.Dictionary) and _first_visit(font, seen):
                yield False, font
    xobjects = resources.get("/XObject")
    if isinstance(xobjects, pikepdf.Dictionary):
        for xobject in xobjects.values():
            if (
                isinstance(xobject, pikepdf.Stream)
                and xobject.get("/Subtype") == pikepdf.Name.Form
                and _first_visit(xobject, seen)
            ):
                yield True, xobject


def _first_visit(obj: pikepdf.Object, seen: set[tuple[int, int]]) -> bool:
    if not obj.is_indirect:
        return True
    key = obj.objgen
    if key in seen:
        return False
    seen.add(key)
    return True


def _is_embedded(font: pikepdf.Object) -> bool:
    subtype = font.get("/Subtype")
    if subtype == pikepdf.Name.Type3:
        return True  # glyphs are drawn by content streams inside the font
    if subtype == pikepdf.Name.Type0:
        descendants = font.get("/DescendantFonts")
        if not isinstance(descendants, pikepdf.Array) or len(descendants) == 0:
            return False
        font = descendants[0]
    if not isinstance(font, pikepdf.Dictionary):
        return False
    descriptor = font.get("/FontDescriptor")
    return isinstance(descriptor, pikepdf.Dictionary) and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )


_CIDCHAR_BLOCK = re.compile(rb"begincidchar(.*?)endcidchar", re.S)
_CIDCHAR = re.compile(rb"<([0-9a-fA-F]+)>\s+(\d+)")
_BFCHAR_BLOCK = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFCHAR = re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>")


def _characters_without_glyph(pdf: pikepdf.Pdf) -> set[str]:
    """Characters that a font's encoding sends to CID 0, the .notdef glyph (PDF/UA 7.21.8).

    WeasyPrint does exactly that for characters no installed font covers (CJK without a CJK
    font, rare symbols): the reader would see empty boxes. The ToUnicode map names them.
    """
    found: set[str] = set()
    seen: set[tuple[int, int]] = set()
    for page in pdf.pages:
        for font in _fonts(page.obj.get("/Resources"), seen):
            encoding = font.get("/Encoding")
            if font.get("/Subtype") != pikepdf.Name.Type0 or not isinstance(
                encoding, pikepdf.Stream
            ):
                continue
            notdef = {
                code.lower()
                for block in _CIDCHAR_BLOCK.findall(encoding.read_bytes())
                for code, cid in _CIDCHAR.findall(block)
                if int(cid) == 0 and int(code, 16) != 0
            }
            if notdef:
                found |= _unicode_names(font.get("/ToUnicode"), notdef)
    return found


def _unicode_names(to_unicode: object, codes: set[bytes]) -> set[str]:
    names = {f"<{code.decode()}>" for code in codes}  # when there is no usable ToUnicode
    if not isinstance(to_unicode, pikepdf.Stream):
        return names
    for block in _BFCHAR_BLOCK.findall(to_unicode.read_bytes()):
        for code, text in _BFCHAR.findall(block):
            if code.lower() in codes:
                names.discard(f"<{code.lower().decode()}>")
                names.add(bytes.fromhex(text.decode()).decode("utf-16-be", errors="replace"))
    return names


def _smallest_text_size(content: bytes) -> float | None:
    """Smallest rendered size in points of any visible character (font size x text matrix)."""
    smallest: float | None = None
    matrix = pdfium_c.FS_MATRIX()
    pdf = pdfium.PdfDocument(content)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            try:
                for char in range(textpage.count_chars()):
                    if pdfium_c.FPDFText_IsGenerated(textpage, char) == 1:
                        continue  # spaces and line breaks pdfium inferred from the layout
                    if chr(pdfium_c.FPDFText_GetUnicode(textpage, char)).isspace():
                        continue
                    if not pdfium_c.FPDFText_GetMatrix(textpage, char, ctypes.byref(matrix)):
                        continue
                    # GetFontSize is in text space; the vertical scale of the character's
                    # matrix (text matrix x CTM) turns it into points on the page.
                    size = pdfium_c.FPDFText_GetFontSize(textpage, char) * math.hypot(
                        matrix.c, matrix.d
                    )
                    smallest = size if smallest is None else min(smallest, size)
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()
    return smallest


def check_large_print(content: bytes, *, point_size: float) -> Report:
    """:func:`check_pdf` plus the clear-print rules, read back character by character.

    Every glyph at ``point_size`` or larger (page numbers included), no italic or oblique
    font and no slanted text, no justified line (word gaps stretched beyond a space).
    """
    report = check_pdf(content)
    checks = list(_checks_of(report))
    facts = read_back(content)
    smallest = facts.smallest
    too_small = facts.too_small(point_size)
    if smallest is None:
        checks.append(_check("min-font-size", False, "no text found"))
    else:
        checks.append(
            _check(
                "min-font-size",
                too_small == 0,
                f"smallest text {smallest:.1f} pt, required {point_size:g} pt"
                + (f"; {too_small} of {facts.glyphs} glyphs smaller" if too_small else ""),
            )
        )
    slanted = facts.italic_fonts or facts.slanted_glyphs
    checks.append(
        _check(
            "no-italic",
            not slanted,
            "no italic or oblique text"
            if not slanted
            else "italic: " + ", ".join(facts.italic_fonts)
            + (f"; {facts.slanted_glyphs} slanted glyph(s)" if facts.slanted_glyphs else ""),
        )
    )
    checks.append(
        _check(
            "no-justified",
            facts.justified_lines == 0,
            f"{facts.justified_lines} of {facts.judged_lines} lines justified",
        )
    )
    return make_report(checks, [f"{facts.pages} page(s)"])


def check_large_print_docx(content: bytes, *, point_size: float) -> Report:
    """A large print DOCX: it opens, has a title, and no text is small, italic or justified.

    Each paragraph's and run's effective formatting is resolved through its style chain
    (run, character style, paragraph style, their base styles, the document defaults).
    """
    try:
        word = docx.Document(io.BytesIO(content))
    except Exception as e:  # python-docx raises several kinds on a damaged package
        return make_report([_check("opens", False, f"{type(e).__name__}: {e}")])
    checks = [_check("opens", True, "python-docx reads it")]
    title = (word.core_properties.title or "").strip()
    checks.append(_check("title", bool(title), title or "no title in the core properties"))
    default_size = _docx_default_size(word)
    smallest: float | None = None
    italic = justified = 0
    for paragraph in _docx_paragraphs(word):
        if not paragraph.text.strip():
            continue
        style_size = _style_value(paragraph.style, "size")
        if paragraph.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY or (
            _style_alignment(paragraph.style) == WD_ALIGN_PARAGRAPH.JUSTIFY
        ):
            justified += 1
        for run in paragraph.runs:
            if not run.text.strip():
                continue
            size = run.font.size or _style_value(run.style, "size") or style_size
            points = size.pt if size is not None else default_size
            if points is not None:
                smallest = points if smallest is None else min(smallest, points)
            if run.font.italic or _style_value(run.style, "italic") or (
                run.font.italic is None and _style_value(paragraph.style, "italic")
            ):
                italic += 1
    if smallest is None:
        checks.append(_check("min-font-size", False, "no sized text found"))
    else:
        checks.append(
            _check(
                "min-font-size",
                smallest >= point_size - FONT_SIZE_TOLERANCE,
                f"smallest text {smallest:.1f} pt, required {point_size:g} pt",
            )
        )
    checks.append(_check("no-italic", italic == 0, f"{italic} italic run(s)"))
    checks.append(_check("no-justified", justified == 0, f"{justified} justified paragraph(s)"))
    return make_report(checks)


def _docx_paragraphs(word: Any) -> Iterator[Any]:
    yield from word.paragraphs
    for table in word.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs
    for section in word.sections:
        yield from section.footer.paragraphs


def _style_value(style: Any, attribute: str) -> Any:
    """A font attribute from a style or the first of its base styles that sets it."""
    seen = 0
    while style is not None and seen < 20:
        value = getattr(style.font, attribute)
        if value is not None:
            return value
        style = style.base_style
        seen += 1
    return None


def _style_alignment(style: Any) -> Any:
    seen = 0
    while style is not None and seen < 20:
        value = style.paragraph_format.alignment
        if value is not None:
            return value
        style = style.base_style
        seen += 1
    return None


def _docx_default_size(word: Any) -> float | None:
    size = word.styles.element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}sz")
    if size is None:
        return 10.0  # Word's own default when the document says nothing
    return int(size.get(f"{_W}val")) / 2


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _checks_of(report: Report) -> list[Check]:
    checks = report["checks"]
    assert isinstance(checks, list)
    return checks


# --- words (outputs rendered from the Document) ---------------------------------------------

#: Every word of the Document must be in the output, in order.
MIN_WORD_RECALL = 1.0


def model_words(document: Document) -> list[str]:
    """The Document's body words in reading order, without list labels.

    List numbers and bullets become the output format's own list markers (not text), so they
    are not expected as words; a definition list's terms are words.
    """
    # A caption's paragraph is said once, with its figure (see .captions).
    return [
        w for block in without_caption_paragraphs(document.blocks)
        for w in words(_text_without_labels(block))
    ]


def _text_without_labels(block: Block) -> str:
    if isinstance(block, ListBlock) and block.definitions:
        # (A definition list's labels are its terms: words every output says.)
        return " ".join(
            " ".join([item.label, *(_text_without_labels(b) for b in item.blocks)])
            for item in block.items
        )
    if isinstance(block, ListBlock):
        return " ".join(_text_without_labels(item) for item in block.items)
    if isinstance(block, ListItem):
        return " ".join(_text_without_labels(b) for b in block.blocks)
    return block_text(block)


def words_check(output_text: str, document: Document) -> Check:
    """Every body word of ``document`` is in ``output_text``, in order (additions are free)."""
    recall = word_recall(model_words(document), words(output_text))
    detail = f"{recall.found} of {recall.total} words of the document in order"
    if recall.missing:
        detail += "; missing e.g. " + " ".join(recall.missing[:8])
    return _check("words", recall.value >= MIN_WORD_RECALL, detail)


@dataclass(frozen=True)
class Outline:
    """The structure a rendering of a Document must show: headings (level, text) with no
    skipped level, list items and tables with content, in reading order."""

    headings: tuple[tuple[int, str], ...]
    list_items: int
    tables: int


def model_outline(document: Document) -> Outline:
    """What :class:`Outline` the Document should render as.

    Heading levels are closed up the documented way (a level deeper than its parent + 1
    becomes parent + 1; the first heading is level 1); with no heading at all, the title
    (metadata, first heading or "Untitled document") is the one level-1 heading.
    """
    headings: list[tuple[int, str]] = []
    open_levels: list[tuple[int, int]] = []
    items = tables = 0
    for block in document.walk():
        if isinstance(block, Heading) and (text := " ".join(block.text.split())):
            source = max(1, min(block.level, 6))
            while open_levels and open_levels[-1][0] >= source:
                open_levels.pop()
            level = min(open_levels[-1][1] + 1, 6) if open_levels else 1
            open_levels.append((source, level))
            headings.append((level, text))
        elif isinstance(block, ListItem) and (block.label.strip() or block.blocks):
            items += 1
        elif isinstance(block, Table) and block_text(block).strip():
            tables += 1
    if not headings:
        title = " ".join((document.title or "").split())
        headings.append((1, title or "Untitled document"))
    return Outline(tuple(headings), items, tables)


# --- HTML ----------------------------------------------------------------------------------


def check_html(content: bytes, document: Document | None = None) -> Report:
    """Language, title, exactly one main landmark, no scripts, headings with no skipped level,
    an alt attribute on every image and, given the Document, all its words in order."""
    parser = read_html(content)
    title = " ".join(parser.title.split())
    skipped = [
        f"h{before}→h{after}"
        for before, after in zip([0, *parser.headings], parser.headings, strict=False)
        if after > before + 1
    ]
    checks = [
        _check("lang", bool(parser.lang), parser.lang or "no lang on <html>"),
        _check("title", bool(title), title or "no <title> text"),
        _check("one-main", parser.mains == 1, f"{parser.mains} main landmark(s)"),
        _check("no-script", parser.scripts == 0, f"{parser.scripts} <script> element(s)"),
    ]
    if document is not None:
        # Only pages from the Document are held to the structure rules.
        checks += [
            _check(
                "heading-order",
                bool(parser.headings) and not skipped,
                f"{len(parser.headings)} heading(s)"
                + (f"; skipped: {', '.join(skipped[:5])}" if skipped else ""),
            ),
            _check(
                "img-alt",
                parser.images_without_alt == 0,
                f"{parser.images_without_alt} of {parser.images} image(s) without an alt attribute",
            ),
            words_check(parser.main_text(), document),
        ]
    return make_report(checks)


def read_html(content: bytes) -> HtmlFacts:
    """What a page holds: headings (level and text), list items and tables in ``<main>``, its
    text, language and title — read with the standard library's parser, for checks,
    tests and benchmarks."""
    parser = HtmlFacts()
    parser.feed(content.decode("utf-8", errors="replace"))
    parser.close()
    return parser


#: Phrasing elements: text on either side of their tags runs on without a space.
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark",
     "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var"}
)

#: Classes of the <span>s the page's style sets as blocks (see ``HtmlFacts._spans``).
_BLOCK_SPANS = frozenset({"line", "page-marker", "page-note"})


class HtmlFacts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title = ""
        self.mains = 0
        self.scripts = 0
        self.headings: list[int] = []
        #: (level, text) of each heading inside <main>.
        self.main_headings: list[tuple[int, str]] = []
        self.list_items = 0
        self.tables = 0
        self.images = 0
        self.images_without_alt = 0
        self._in_title = False
        self._in_main = False
        self._main_text: list[str] = []
        self._heading: list[str] | None = None
        #: For each <span> open: whether the page's style sets it as a block (a code
        #: listing's line, ``pre .line``; a page marker or note in a table cell,
        #: ``td .page-marker``): its words end with it.
        self._spans: list[bool] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html" and not self.lang:
            self.lang = (attributes.get("lang") or "").strip()
        elif tag == "title":
            self._in_title = True
        elif tag == "script" or any(name.startswith("on") for name in attributes):
            self.scripts += 1
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
            if self._in_main:
                self.main_headings.append((int(tag[1]), ""))
                self._heading = []
        elif tag in ("li", "dt") and self._in_main:
            self.list_items += 1  # (a definition list's entry is its term and definition)
        elif tag == "table" and self._in_main:
            self.tables += 1
        elif tag == "img":
            self.images += 1
            if attributes.get("alt") is None:
                self.images_without_alt += 1
        if tag == "main" or attributes.get("role") == "main":
            self.mains += 1
            self._in_main = True
        if tag == "span":
            classes = (attributes.get("class") or "").split()
            self._spans.append(not _BLOCK_SPANS.isdisjoint(classes))
        if tag not in _INLINE or (tag == "span" and self._spans[-1]):
            # Block boundaries separate words; inline ones ("k<sup><a>2</a></sup>") do not,
            # as a browser reads them.
            self._main_text.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag == "main":
            self._in_main = False
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading is not None:
            level, _ = self.main_headings[-1]
            self.main_headings[-1] = (level, " ".join("".join(self._heading).split()))
            self._heading = None
        line = tag == "span" and bool(self._spans) and self._spans.pop()
        if tag not in _INLINE or line:
            self._main_text.append(" ")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_main:
            self._main_text.append(data)
        if self._heading is not None:
            self._heading.append(data)

    def main_text(self) -> str:
        return "".join(self._main_text)
