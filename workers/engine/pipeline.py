"""The conversion, start to finish: validate → read → render → check.

>>> result = convert(path, ConversionOptions(OutputFormat.HTML), max_pages=500)  # doctest: +SKIP
>>> result.media_type, result.needs_review  # doctest: +SKIP
('text/html; charset=utf-8', False)

Errors: every problem with the input is a ``ConversionError`` subclass from ``errors`` (bad
input, with a message for the requester); anything unexpected while rendering or checking is
wrapped in ``RenderError`` with the original as ``__cause__`` for the caller to log.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .analyse import analyse
from .checks import Report, check_html, check_large_print, check_large_print_docx
from .checks_formats import check_docx, check_epub, check_text
from .document import Document, block_text
from .errors import DocumentTooComplexError, RenderError, must_pass_through
from .formats import DEFAULT_PRINT_SIZE, FORMAT_INFO, ConversionOptions, OutputFormat
from .render_html import build_html
from .render_large_print import build_large_print_html, html_to_pdf
from .render_large_print_docx import render_large_print_docx
from .render_pandoc import PandocFormat, render_pandoc
from .tagged_pdf.checks import check_tagged_pdf
from .tagged_pdf.tagger import TaggedPdf, tag_pdf

#: Part of the output cache key: bump it whenever an output for the same input can change.
ENGINE_VERSION = "0.2.0"

#: Review reasons (stable strings: stored on the request and shown to staff).
NO_TEXT = "no-text"
CHECKS_FAILED = "checks-failed"
#: A figure is shown with neither alt text nor caption in the source: a person describes it.
MISSING_ALT_TEXT = "missing-alt-text"

_PANDOC: dict[OutputFormat, PandocFormat] = {
    OutputFormat.DOCX: "docx",
    OutputFormat.EPUB: "epub",
    OutputFormat.TEXT: "text",
}


@dataclass(frozen=True)
class ConversionResult:
    content: bytes
    media_type: str
    extension: str
    #: JSON-serialisable: {"checks": [...], "passed": bool, "notes": [...]}.
    report: dict[str, object]
    #: Why a person should look before delivery; empty when the output can go straight out.
    review_reasons: tuple[str, ...]

    @property
    def needs_review(self) -> bool:
        return bool(self.review_reasons)


def convert(source: Path, options: ConversionOptions, *, max_pages: int) -> ConversionResult:
    """Convert the PDF at ``source`` to the format in ``options``:
    analyse → render from the Document → check (the tagged PDF: the source itself, tagged)."""
    # analyse() validates first: bad input raises its own ConversionError unwrapped.
    with _unexpected_as_render_error("read"):
        document = analyse(source, max_pages=max_pages)
    # ConversionOptions always fills in the size for large print.
    size = options.print_size or DEFAULT_PRINT_SIZE
    notes: list[str] = []
    undescribed_figures = 0
    fmt = options.format
    tagged: TaggedPdf | None = None
    with _unexpected_as_render_error("render"):
        if fmt is OutputFormat.TAGGED_PDF:
            tagged = tag_pdf(source, document)
            content = tagged.content
            notes.extend([*tagged.notes, *tagged.review])
            undescribed_figures = len(tagged.review)
        elif fmt is OutputFormat.LARGE_PRINT_DOCX:
            content = render_large_print_docx(document, point_size=size, source=source)
        elif fmt is OutputFormat.LARGE_PRINT:
            page = build_large_print_html(document, point_size=size, source=source)
            content = html_to_pdf(page.html, images=page.images)
            notes.extend(page.notes)
        else:
            rendered = (
                build_html(document, source=source)
                if fmt is OutputFormat.HTML
                else render_pandoc(document, _PANDOC[fmt], source=source)
            )
            content = rendered.content
            notes.extend(rendered.notes)
            undescribed_figures = rendered.figures_without_alt
    with _unexpected_as_render_error("check"):
        if tagged is not None:
            report = check_tagged_pdf(
                content, source=source, expected_texts=tagged.expected_texts
            )
        else:
            report = _check_document(content, fmt, document, size)

    review_reasons: list[str] = []
    if undescribed_figures:
        review_reasons.append(MISSING_ALT_TEXT)
    if not any(block_text(block).strip() for block in document.blocks):
        # Most likely a scan: say so rather than deliver an empty document as if it were fine.
        review_reasons.append(NO_TEXT)
        notes.append("no text could be extracted from any page; the source may need OCR")
    elif needs_ocr := _pages_needing_ocr(document):
        notes.append(f"pages without text: {_ranges(needs_ocr)}")
    notes.extend(warning.message for warning in document.warnings[:10])
    if not report["passed"]:
        review_reasons.append(CHECKS_FAILED)
    report["notes"] = [*notes, *_as_list(report["notes"])]
    info_for_format = FORMAT_INFO[options.format]
    return ConversionResult(
        content=content,
        media_type=info_for_format.media_type,
        extension=info_for_format.extension,
        report=report,
        review_reasons=tuple(review_reasons),
    )


def _check_document(
    content: bytes, fmt: OutputFormat, document: Document, size: int
) -> Report:
    if fmt is OutputFormat.LARGE_PRINT_DOCX:
        return check_large_print_docx(content, point_size=size)
    if fmt is OutputFormat.LARGE_PRINT:
        return check_large_print(content, point_size=size)
    if fmt is OutputFormat.HTML:
        return check_html(content, document)
    if fmt is OutputFormat.DOCX:
        return check_docx(content, document)
    if fmt is OutputFormat.EPUB:
        return check_epub(content, document)
    return check_text(content, document)


def _pages_needing_ocr(document: Document) -> list[int]:
    return [number for number, page in enumerate(document.pages, start=1) if page.needs_ocr]


@contextmanager
def _unexpected_as_render_error(step: str) -> Iterator[None]:
    # Bad input was ruled out by open_source (and the reader raises CorruptPdfError for what
    # pdfium rejects); anything else failing now is our defect or a library's, never the
    # requester's, so it must not be reported as a problem with their PDF.
    try:
        yield
    except MemoryError as e:
        # The worker bounds each conversion's memory; hitting that bound is about this input.
        raise DocumentTooComplexError(detail=f"{step}: out of memory") from e
    except Exception as e:
        if must_pass_through(e):
            raise
        raise RenderError(detail=f"{step}: {type(e).__name__}: {e}") from e


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 7] -> '1-3, 7': short enough for a note on a long scanned appendix."""
    parts: list[str] = []
    start = previous = numbers[0]
    for number in [*numbers[1:], None]:
        if number is not None and number == previous + 1:
            previous = number
            continue
        parts.append(str(start) if start == previous else f"{start}-{previous}")
        if number is not None:
            start = previous = number
    return ", ".join(parts)


def _as_list(value: object) -> list[object]:
    return list(value) if isinstance(value, list) else []
