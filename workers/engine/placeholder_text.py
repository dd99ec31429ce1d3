"""PLACEHOLDER reader: plain paragraphs of text per page, nothing more.

The document-analysis issue replaces this module with the real reader that builds the
``Document`` model (headings, lists, tables, figures, provenance). Until then the renderers get
only what pdfium's text extraction gives: text in pdfium's order (content-stream order with
line detection, so multi-column layouts may interleave), split into paragraphs on big vertical
gaps. It never invents text: a page without extractable text (a scan) stays empty and is
reported, so a person can decide whether it needs OCR.

>>> doc = read_plain_text(Path("report.pdf"), info)  # doctest: +SKIP
>>> doc.pages[0][:2]  # doctest: +SKIP
['Annual report 2024', 'This report sets out ...']
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from .errors import CorruptPdfError
from .source import SourceInfo

DEFAULT_TITLE = "Untitled document"
#: A first paragraph longer than this is body text, not a usable title.
MAX_DERIVED_TITLE = 120

# Heuristics on loose (font-height) line boxes, as fractions of the line height. Ordinary
# leading leaves well under half a line between lines; a paragraph gap is about a line.
_PARAGRAPH_GAP = 0.6
_SIZE_CHANGE = 0.25

_LINE = re.compile(r"[^\r\n]+")
# Word exports Symbol and Wingdings list bullets as private-use code points (U+F000 + the
# font's byte); these few are common enough to keep, as the characters they draw.
_SYMBOL_FONT_BULLETS = str.maketrans(
    {"\uf0b7": "•", "\uf0a7": "▪", "\uf06c": "●", "\uf06e": "■", "\uf0d8": "➢", "\uf0fc": "✓"}
)
_PDFIUM_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-"})
_SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True)
class PlainDocument:
    title: str
    language: str | None
    #: One list of paragraphs per source page, in page order; an empty list = no text found.
    pages: list[list[str]]

    @property
    def pages_without_text(self) -> list[int]:
        """1-based numbers of the pages where no text could be extracted."""
        return [number for number, page in enumerate(self.pages, start=1) if not page]

    @property
    def has_text(self) -> bool:
        return any(self.pages)


@dataclass(frozen=True)
class _Line:
    """A line of text with the font boxes (top, bottom) of its first and last characters.

    Both ends matter: pdfium sometimes merges a hyphenated line with the next one, so a
    "line" can start on one visual line and end on the next.
    """

    text: str
    top: float
    bottom: float
    end_top: float
    end_bottom: float

    @property
    def height(self) -> float:
        return self.top - self.bottom


def read_plain_text(path: Path, info: SourceInfo) -> PlainDocument:
    """Extract the paragraphs of every page of a PDF that ``open_source`` accepted."""
    try:
        pages = _read_pages(path, info.page_count)
    except pdfium.PdfiumError as first:
        # qpdf accepted this file in open_source and recovers damage (broken xref, truncated
        # trailer) that pdfium gives up on: read qpdf's rewritten copy before failing.
        with tempfile.TemporaryDirectory(prefix="engine-repair-") as tmp:
            repaired = Path(tmp) / "repaired.pdf"
            try:
                with pikepdf.open(path) as pdf:
                    pdf.save(repaired, encryption=False)
                pages = _read_pages(repaired, info.page_count)
            except (pdfium.PdfiumError, pikepdf.PdfError) as e:
                raise CorruptPdfError(detail=f"pdfium: {first}; after qpdf repair: {e}") from e
    return PlainDocument(title=_title(info, pages), language=info.language, pages=pages)


def _read_pages(path: Path, page_count: int) -> list[list[str]]:
    pdf = pdfium.PdfDocument(str(path))
    try:
        # pdfium may rebuild a damaged page tree differently from qpdf; never read more pages
        # than the validated count, which is what the page limit was checked against.
        pages = [_read_page(pdf, index) for index in range(min(len(pdf), page_count))]
    finally:
        pdf.close()
    return pages + [[] for _ in range(page_count - len(pages))]


def _read_page(pdf: Any, index: int) -> list[str]:
    # One page and its text page at a time, closed at once: memory stays flat on long documents.
    page = pdf[index]
    try:
        textpage = page.get_textpage()
        try:
            return _paragraphs(list(_lines(textpage)))
        finally:
            textpage.close()
    finally:
        page.close()


def _lines(textpage: Any) -> Iterator[_Line]:
    """pdfium ends every line it detects with CRLF; pair each line with its vertical extent."""
    count = textpage.count_chars()
    if count <= 0:
        return
    text: str = textpage.get_text_range(0, count)
    for match in _LINE.finditer(text):
        line = _clean(match.group())
        if not line:
            continue
        raw = match.group()
        first = match.start() + len(raw) - len(raw.lstrip())
        last = match.start() + len(raw.rstrip()) - 1
        yield _Line(line, *_vertical_extent(textpage, first), *_vertical_extent(textpage, last))


def _vertical_extent(textpage: Any, text_index: int) -> tuple[float, float]:
    """(top, bottom) of a character's font box; (0, 0) = unknown, which never splits text."""
    char_index = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, text_index)
    if char_index < 0:
        return 0.0, 0.0
    try:
        _left, bottom, _right, top = textpage.get_charbox(char_index, loose=True)
    except pdfium.PdfiumError:
        return 0.0, 0.0
    return top, bottom


def _paragraphs(lines: list[_Line]) -> list[str]:
    paragraphs: list[str] = []
    current = ""
    previous: _Line | None = None
    for line in lines:
        if previous is None or _breaks(previous, line):
            if current:
                paragraphs.append(current)
            current = line.text
        else:
            current = _join(current, line.text)
        previous = line
    if current:
        paragraphs.append(current)
    return [paragraph.removesuffix(_SOFT_HYPHEN) for paragraph in paragraphs]


def _breaks(previous: _Line, line: _Line) -> bool:
    height = max(previous.height, line.height)
    if height <= 0:
        return False  # no geometry (unmapped char): keep the text together
    gap = previous.end_bottom - line.top
    moved_up = line.top > previous.end_top + height / 2  # next column or a new block
    size_changed = abs(previous.height - line.height) > _SIZE_CHANGE * height  # e.g. a heading
    return gap > _PARAGRAPH_GAP * height or moved_up or size_changed


def _join(paragraph: str, line: str) -> str:
    if paragraph.endswith(_SOFT_HYPHEN):
        return paragraph[:-1] + line
    if paragraph.endswith("-"):
        # Could be a hard hyphen ("well-known") or a broken word; keeping it loses nothing.
        return paragraph + line
    return f"{paragraph} {line}"


def _clean(line: str) -> str:
    # pdfium replaces a hyphen it judges to be a line-break hyphen with U+FFFE (U+0002 in
    # older builds), even mid-line after its own line merging. It is as often a compound's
    # hard hyphen ("well-known"), so keep it as a hyphen: that never loses a character.
    line = line.translate(_PDFIUM_HYPHENS)
    line = line.translate(_SYMBOL_FONT_BULLETS)
    # Control characters, lone surrogates and noncharacters are invalid in HTML and XML;
    # private-use code points mean something only in the source's own font (they would show
    # as empty boxes and be read as nothing).
    kept = "".join(ch for ch in line if _is_text(ch))
    # Layout spacing (runs of spaces, tabs) carries no meaning once the text is reflowed.
    return " ".join(kept.split())


def _is_text(ch: str) -> bool:
    return unicodedata.category(ch) not in ("Cc", "Cs", "Co") and ch not in "\ufffe\uffff"


def _title(info: SourceInfo, pages: list[list[str]]) -> str:
    if info.title:
        return info.title
    first = next((paragraph for page in pages for paragraph in page), "")
    return first if 0 < len(first) <= MAX_DERIVED_TITLE else DEFAULT_TITLE
