"""Open a source PDF and decide whether the engine can work on it.

Every way a source can be unusable becomes one of our errors here, before any real work
starts, so the rest of the engine can assume a readable, unencrypted PDF within the page limit.

>>> info = open_source(Path("report.pdf"), max_pages=500)  # doctest: +SKIP
>>> info.page_count, info.title, info.language  # doctest: +SKIP
(12, 'Annual report', 'en-GB')
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pikepdf

from .errors import CorruptPdfError, EncryptedPdfError, NotAPdfError, TooManyPagesError
from .pdf_entries import entry_of

#: Acrobat (and pdf.js, pdfium) accept a header anywhere in the first 1024 bytes; real files
#: from mail gateways and CMSs sometimes carry a few bytes of junk first, so we do the same.
HEADER_SEARCH_BYTES = 1024

# BCP 47 shape only (language, then subtags): enough to keep junk out of <html lang>.
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")


@dataclass(frozen=True)
class SourceInfo:
    page_count: int
    #: From the document information dictionary or XMP, if the publisher set one.
    title: str | None
    #: The catalog's /Lang, if it looks like a language tag.
    language: str | None


def open_source(path: Path, *, max_pages: int) -> SourceInfo:
    """Validate the PDF at ``path`` and return what the later steps need to know about it.

    Raises NotAPdfError, EncryptedPdfError, CorruptPdfError or TooManyPagesError.
    """
    pdf, info = open_checked(path, max_pages=max_pages)
    pdf.close()
    return info


def open_checked(path: Path, *, max_pages: int) -> tuple[pikepdf.Pdf, SourceInfo]:
    """:func:`open_source`, with the file it opened left open for the caller to read on (and
    close): the analysis reads the same parse rather than opening the file again. Validation
    changes nothing in it (the metadata is read, not opened for editing), so what the caller
    reads is what a fresh open would read."""
    _check_header(path)
    try:
        # An owner password only restricts permissions; qpdf opens such files with the empty
        # user password, which is what every reader does.
        pdf = pikepdf.open(path)
        try:
            page_count = len(pdf.pages)
            title = _title(pdf)
            language = _language(pdf)
        except BaseException:
            pdf.close()
            raise
    except pikepdf.PasswordError as e:
        raise EncryptedPdfError(detail=str(e)) from e
    except (pikepdf.PdfError, RuntimeError, ValueError) as e:
        # qpdf reports most damage as PdfError; a few structural problems surface as
        # RuntimeError/ValueError from the bindings.
        raise CorruptPdfError(detail=f"{type(e).__name__}: {e}") from e
    if page_count == 0:
        pdf.close()
        raise CorruptPdfError(detail="the page tree has no pages")
    if page_count > max_pages:
        pdf.close()
        raise TooManyPagesError(
            f"The document has {page_count} pages. Automatic conversion handles documents of "
            f"up to {max_pages} pages; a member of staff can help with longer ones.",
            detail=f"page_count={page_count} max_pages={max_pages}",
        )
    return pdf, SourceInfo(page_count=page_count, title=title, language=language)


def _check_header(path: Path) -> None:
    with path.open("rb") as f:
        start = f.read(HEADER_SEARCH_BYTES)
    if b"%PDF-" not in start:
        what = "an empty file" if not start else f"starts with {start[:8]!r}"
        raise NotAPdfError(detail=f"no %PDF- in the first {HEADER_SEARCH_BYTES} bytes: {what}")


def _title(pdf: pikepdf.Pdf) -> str | None:
    # Metadata is optional: damage here must not make a readable document fail.
    try:
        raw = entry_of(pdf.docinfo, "/Title")
        title = _clean(str(raw)) if raw is not None else None
        if not title:
            # Read, not opened for editing (``with``): closing an edit writes the XMP back
            # into the file, with pikepdf's marks and the information dictionary synced from
            # it, which the analysis reading this open file would then see.
            xmp = pdf.open_metadata()
            title = _clean(str(xmp.get("dc:title") or ""))
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
        return None
    return title or None


def _language(pdf: pikepdf.Pdf) -> str | None:
    try:
        raw = entry_of(pdf.Root, "/Lang")
    except (pikepdf.PdfError, ValueError, TypeError):
        return None
    if not isinstance(raw, pikepdf.String):
        return None
    lang = str(raw).strip()
    return lang if _LANGUAGE_TAG.match(lang) else None


def _clean(text: str) -> str:
    # Metadata strings often carry NULs or line breaks from the authoring tool.
    return " ".join("".join(ch for ch in text if ch.isprintable() or ch.isspace()).split())
