"""The output formats the engine can produce, and their options."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class OutputFormat(StrEnum):
    TAGGED_PDF = "tagged-pdf"
    HTML = "html"
    LARGE_PRINT = "large-print"
    #: The large print as a Word document, so the reader can adjust it further.
    LARGE_PRINT_DOCX = "large-print-docx"
    #: Word, EPUB 3 and plain text, written by pandoc from the Document.
    DOCX = "docx"
    EPUB = "epub"
    TEXT = "text"


#: Formats with a print size (body text in points).
LARGE_PRINT_FORMATS = frozenset({OutputFormat.LARGE_PRINT, OutputFormat.LARGE_PRINT_DOCX})


#: UKAAF: 16 pt is the minimum for large print, 18 pt the usual default.
PRINT_SIZES: tuple[int, ...] = (16, 18, 20, 24, 28)
DEFAULT_PRINT_SIZE = 18


@dataclass(frozen=True)
class ConversionOptions:
    format: OutputFormat
    #: Body text size in points; only meaningful (and then required) for large print (PDF
    #: or DOCX).
    print_size: int | None = None

    def __post_init__(self) -> None:
        if self.format in LARGE_PRINT_FORMATS:
            if self.print_size is None:
                object.__setattr__(self, "print_size", DEFAULT_PRINT_SIZE)
            elif self.print_size not in PRINT_SIZES:
                raise ValueError(f"print_size must be one of {PRINT_SIZES}")
        elif self.print_size is not None:
            # Ignored options must not split the cache: normalise them away.
            object.__setattr__(self, "print_size", None)

    def cache_key_part(self) -> str:
        """A stable string naming these options, part of the output cache key."""
        key = f"{self.format.value};size={self.print_size or '-'}"
        revision = RENDERER_REVISIONS.get(self.format)
        return f"{key};renderer={revision}" if revision else key


#: Bumped when a renderer's output for the same Document can change, so cached outputs of an
#: older revision are not served (the engine version covers the shared reader).
RENDERER_REVISIONS: dict[OutputFormat, str] = {
    OutputFormat.LARGE_PRINT: "document-2",  # linearised rows start at their edge
    OutputFormat.LARGE_PRINT_DOCX: "document-1",
    OutputFormat.HTML: "document-1",
    OutputFormat.DOCX: "document-1",
    OutputFormat.EPUB: "document-1",
    OutputFormat.TEXT: "document-1",
    #: The source itself tagged from the Document (was: a reflowed placeholder).
    OutputFormat.TAGGED_PDF: "source-tagged-1",
}


@dataclass(frozen=True)
class FormatInfo:
    media_type: str
    extension: str


FORMAT_INFO: dict[OutputFormat, FormatInfo] = {
    OutputFormat.TAGGED_PDF: FormatInfo("application/pdf", "pdf"),
    OutputFormat.HTML: FormatInfo("text/html; charset=utf-8", "html"),
    OutputFormat.LARGE_PRINT: FormatInfo("application/pdf", "pdf"),
    OutputFormat.LARGE_PRINT_DOCX: FormatInfo(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"
    ),
    OutputFormat.DOCX: FormatInfo(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"
    ),
    OutputFormat.EPUB: FormatInfo("application/epub+zip", "epub"),
    OutputFormat.TEXT: FormatInfo("text/plain; charset=utf-8", "txt"),
}
