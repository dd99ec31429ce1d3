"""Analyse a PDF into a :class:`~workers.engine.document.Document`, choosing the reader.

A PDF with a structure tree is read from its tags (the author knows best what is a heading),
falling back to layout analysis when the tags are missing or refer to too little of the text;
any other PDF is read from its layout.

>>> doc = analyse(Path("report.pdf"), max_pages=500)  # doctest: +SKIP
>>> doc.reader, doc.blocks[0].type  # doctest: +SKIP
('structure', 'heading')
"""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from .document import Document
from .errors import CorruptPdfError
from .layout.reader import read_layout
from .pdf_entries import entry_of
from .source import open_checked
from .structure.reader import read_structure


def has_structure(pdf: pikepdf.Pdf) -> bool:
    return isinstance(entry_of(pdf.Root, "/StructTreeRoot"), pikepdf.Dictionary)


def analyse(path: Path, *, max_pages: int) -> Document:
    """Validate ``path`` (errors as in :func:`~workers.engine.source.open_source`), then read it.

    Documents longer than ``max_pages`` are refused by validation, so work stays bounded.
    The file is parsed once (pikepdf's): validation, the structure check and the reader read
    the same open file.
    """
    pdf, _ = open_checked(path, max_pages=max_pages)
    try:
        if has_structure(pdf):
            return read_structure(path, max_pages=max_pages, pdf=pdf)
        return read_layout(path, max_pages=max_pages, pdf=pdf)
    except (pikepdf.PdfError, pdfium.PdfiumError, OSError, ValueError) as e:
        raise CorruptPdfError(detail=f"analysis: {type(e).__name__}: {e}") from e
    finally:
        pdf.close()
