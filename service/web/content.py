"""Words shared by the pages and the e-mails: format names, assistive technologies, states."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from service.db.models import RequestState
from service.working_days import LONDON
from workers.engine.formats import LARGE_PRINT_FORMATS, OutputFormat


@dataclass(frozen=True)
class Choice:
    value: str
    label: str
    hint: str = ""


FORMATS = (
    Choice(
        OutputFormat.HTML.value,
        "Web page (HTML)",
        "Reflows to any screen and text size; works well with screen readers and reading software.",
    ),
    Choice(
        OutputFormat.TAGGED_PDF.value,
        "Tagged PDF",
        "A PDF with headings, reading order and structure that screen readers can follow.",
    ),
    Choice(
        OutputFormat.LARGE_PRINT.value,
        "Large print PDF",
        "Reflowed onto A4 pages in a clear typeface at the size you choose, to read on "
        "screen or print.",
    ),
    Choice(
        OutputFormat.LARGE_PRINT_DOCX.value,
        "Large print Word document",
        "The same large print as a Word file, so you can change the text, size or spacing.",
    ),
    Choice(
        OutputFormat.DOCX.value,
        "Word document",
        "A Word file at normal text size, with headings, lists and tables you can change.",
    ),
    Choice(
        OutputFormat.EPUB.value,
        "E-book (EPUB)",
        "For e-book readers and reading apps; the text reflows and you can set its size.",
    ),
    Choice(
        OutputFormat.TEXT.value,
        "Plain text",
        "Just the words, with no layout or pictures: works with any device, including "
        "braille displays.",
    ),
)
FORMAT_LABELS = {choice.value: choice.label for choice in FORMATS}
#: The format as it reads inside a sentence: "often choose large print".
FORMAT_IN_SENTENCE = {
    OutputFormat.HTML.value: "a web page (HTML)",
    OutputFormat.TAGGED_PDF.value: "a tagged PDF",
    OutputFormat.LARGE_PRINT.value: "large print",
    OutputFormat.LARGE_PRINT_DOCX.value: "a large print Word document",
    OutputFormat.DOCX.value: "a Word document",
    OutputFormat.EPUB.value: "an e-book (EPUB)",
    OutputFormat.TEXT.value: "plain text",
}
DOWNLOAD_LABELS = {
    OutputFormat.HTML.value: "Download the web page",
    OutputFormat.TAGGED_PDF.value: "Download the tagged PDF",
    OutputFormat.LARGE_PRINT.value: "Download the large print PDF",
    OutputFormat.LARGE_PRINT_DOCX.value: "Download the large print Word document",
    OutputFormat.DOCX.value: "Download the Word document",
    OutputFormat.EPUB.value: "Download the e-book",
    OutputFormat.TEXT.value: "Download the plain text",
}

ASSISTIVE_TECHNOLOGIES = (
    Choice("screen-reader", "Screen reader (for example JAWS, NVDA or VoiceOver)"),
    Choice("magnifier", "Screen magnifier or large text settings"),
    Choice("reading-software", "Text-to-speech or reading software"),
    Choice("braille", "Refreshable braille display"),
    Choice("voice-control", "Voice control"),
    Choice("switch", "Switch access"),
    Choice("other", "Something else"),
)
AT_LABELS = {choice.value: choice.label for choice in ASSISTIVE_TECHNOLOGIES}

#: Which format usually suits which technology: offered as a suggestion, never imposed.
SUGGESTED_FORMAT = {
    "screen-reader": OutputFormat.HTML.value,
    "braille": OutputFormat.HTML.value,
    "reading-software": OutputFormat.HTML.value,
    "magnifier": OutputFormat.LARGE_PRINT.value,
    "voice-control": OutputFormat.HTML.value,
    "switch": OutputFormat.HTML.value,
}

#: What each state means to the person who asked, and what happens next.
STATE_HEADINGS = {
    RequestState.QUEUED: "Waiting to start",
    RequestState.PROCESSING: "Being converted",
    RequestState.READY: "Ready to download",
    RequestState.DELIVERED: "Ready to download",
    RequestState.NEEDS_REVIEW: "Being checked by a member of staff",
    RequestState.FAILED: "We could not convert it automatically",
    RequestState.CANCELLED: "Cancelled",
    RequestState.EXPIRED: "No longer available",
}


def format_label(format_value: str, print_size: int | None) -> str:
    label = FORMAT_LABELS.get(format_value, format_value)
    if format_value in LARGE_PRINT_FORMATS and print_size:
        label = f"{label}, {print_size} point"
    return label


def document_name(document_url: str) -> str:
    """The file name a person would recognise: ``annual-report.pdf``."""
    name = PurePosixPath(unquote(urlsplit(document_url).path)).name
    return name or urlsplit(document_url).netloc or document_url


def document_site(document_url: str) -> str:
    return urlsplit(document_url).hostname or ""


def london_date(moment: datetime) -> str:
    """``Friday 4 December 2026``, in London time (GOV.UK style: no leading zero)."""
    local = moment.astimezone(LONDON)
    return f"{local:%A} {local.day} {local:%B %Y}"


def london_time(moment: datetime) -> str:
    """``2:05pm on Friday 4 December 2026`` in London time."""
    local = moment.astimezone(LONDON)
    hour = local.hour % 12 or 12
    return f"{hour}:{local:%M}{'am' if local.hour < 12 else 'pm'} on {london_date(moment)}"
