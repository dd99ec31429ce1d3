"""Whether a PDF's metadata title is a title at all.

Many producers fill the information dictionary's /Title with the name of the file the PDF
was made from ("constitution_pdf2", "odf_presentation.odp", "Microsoft Word - AGENDA
040616.doc"). A screen reader announces the title first (``/DisplayDocTitle``), and a
browser tab or a large-print cover shows it; such a name tells the reader nothing, so the
readers treat it as no title and fall back to the document's first heading.

>>> names_a_file("Microsoft Word - SPECIAL BOARD AGENDA 040616.doc")
True
>>> names_a_file("constitution_pdf2"), names_a_file("Geometrie und Topologie")
(True, False)
"""

from __future__ import annotations

import re

#: Extensions of the files PDFs are made from (word processors, spreadsheets, slides, layout
#: and drawing programs, TeX) and of PDFs themselves.
_EXTENSIONS = (
    "pdf|docx?|dotx?|rtf|odt|ods|odp|odg|xlsx?|xlsm|pptx?|ppsx?|key|pages|numbers|indd|qxd|"
    "qxp|pub|ai|eps|ps|psd|graffle|tex|dvi|txt|html?|exe|wpd"
)
_FILE_EXTENSION = re.compile(rf"\.(?:{_EXTENSIONS})$", re.IGNORECASE)
#: Office's print-to-PDF names the job after the application and the file.
_APPLICATION_PREFIX = re.compile(
    r"^Microsoft (?:Word|Excel|PowerPoint|Publisher) - ", re.IGNORECASE
)


def names_a_file(title: str) -> bool:
    """``title`` is a file's name, not a title: it ends in a document file's extension, is
    an Office print job's name, or is one token joined by underscores (no one writes a title
    with underscores for spaces)."""
    title = title.strip()
    if _FILE_EXTENSION.search(title) or _APPLICATION_PREFIX.match(title):
        return True
    return "_" in title and not any(ch.isspace() for ch in title)


def real_title(title: str | None) -> str | None:
    """``title`` with its runs of white space made single spaces, or None when it is empty
    or :func:`names_a_file`."""
    text = " ".join((title or "").split())
    return text if text and not names_a_file(text) else None
