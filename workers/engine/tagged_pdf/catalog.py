"""Catalog and metadata of a tagged PDF: what PDF/UA-1 asks of the document as a whole.

``/MarkInfo /Marked true``, ``/Lang``, ``/ViewerPreferences /DisplayDocTitle true``, a title
in the information dictionary and in XMP (``dc:title``), and the PDF/UA identifier
(``pdfuaid:part`` 1) in XMP. The title is the source's own (information dictionary or XMP)
unless that only names a file (:func:`..titles.names_a_file`), else the model's (which
falls back to the first heading); never made up.
"""

from __future__ import annotations

import warnings

import pikepdf

from ..document import Document, block_text
from ..pdf_entries import entry_of
from ..titles import names_a_file

#: Used when neither the source nor the model says which language the text is in (the
#: other renderers do the same); the report says so, as a screen reader would read it so.
DEFAULT_LANGUAGE = "en"


def remove_old_structure(pdf: pikepdf.Pdf) -> bool:
    """Drop the source's structure tree and the keys pointing into it; True if it had one."""
    had = "/StructTreeRoot" in pdf.Root
    for key in ("/StructTreeRoot", "/MarkInfo"):
        if key in pdf.Root:
            del pdf.Root[key]
    for page in pdf.pages:
        if "/StructParents" in page.obj:
            del page.obj["/StructParents"]
        annots = entry_of(page.obj, "/Annots")
        if isinstance(annots, pikepdf.Array):
            for annot in annots:
                if isinstance(annot, pikepdf.Dictionary) and "/StructParent" in annot:
                    del annot["/StructParent"]
    return had


def write_catalog(pdf: pikepdf.Pdf, document: Document) -> list[str]:
    """Set the catalog entries and metadata; returns notes for the report."""
    notes: list[str] = []
    root = pdf.Root
    root[pikepdf.Name.MarkInfo] = pikepdf.Dictionary(Marked=True)
    language = document.language or _source_language(pdf)
    if not language:
        language = DEFAULT_LANGUAGE
        notes.append(
            f"the source does not say which language it is in: marked as {DEFAULT_LANGUAGE!r}"
        )
    root[pikepdf.Name.Lang] = pikepdf.String(language)
    preferences = root.get("/ViewerPreferences")
    if not isinstance(preferences, pikepdf.Dictionary):
        preferences = pikepdf.Dictionary()
        root[pikepdf.Name.ViewerPreferences] = preferences
    preferences[pikepdf.Name.DisplayDocTitle] = True
    title = _source_title(pdf) or (document.title or "").strip()
    if not title:
        title = _opening_words(document)
        if title:
            notes.append(f"the source has no title and no heading: titled by its first words, "
                         f"{title!r}")
        else:
            notes.append("the source has no title and no text: the output has no title")
    if title:
        pdf.docinfo[pikepdf.Name.Title] = pikepdf.String(title)
    _write_xmp(pdf, title)
    _name_optional_content_configurations(pdf)
    return notes


def _write_xmp(pdf: pikepdf.Pdf, title: str) -> None:
    """A fresh XMP packet from the information dictionary, plus dc:title and the PDF/UA
    identifier. Sources' own packets are too often pre-standard (no ``x:xmpmeta``, bare
    ``about``) for validators to read; what they say is mostly in the info dictionary too."""
    if "/Metadata" in pdf.Root:
        del pdf.Root["/Metadata"]
    with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
        try:
            with warnings.catch_warnings():
                # Keys without an XMP equivalent (/Trapped…) stay in the info dictionary.
                warnings.simplefilter("ignore", UserWarning)
                xmp.load_from_docinfo(pdf.docinfo, raise_failure=False)
        except (ValueError, TypeError):
            pass  # a damaged date or name in the info dictionary: only that part is lost
        if title:
            xmp["dc:title"] = title
        xmp["pdfuaid:part"] = "1"


def _name_optional_content_configurations(pdf: pikepdf.Pdf) -> None:
    """PDF/UA-1 7.10: each optional content configuration has a /Name and no /AS. /AS only
    switches layers on print or export events; what the page shows on screen is unchanged."""
    properties = pdf.Root.get("/OCProperties")
    if not isinstance(properties, pikepdf.Dictionary):
        return
    configurations = [properties.get("/D")]
    others = properties.get("/Configs")
    if isinstance(others, pikepdf.Array):
        configurations.extend(others)
    for number, configuration in enumerate(configurations, start=1):
        if not isinstance(configuration, pikepdf.Dictionary):
            continue
        name = configuration.get("/Name")
        if not isinstance(name, pikepdf.String) or not str(name).strip():
            configuration[pikepdf.Name.Name] = pikepdf.String(
                "Default" if number == 1 else f"Configuration {number}"
            )
        if "/AS" in configuration:
            del configuration["/AS"]


#: A title made of the document's first words is cut at a word boundary around this length.
TITLE_FROM_TEXT_LENGTH = 80


def _opening_words(document: Document) -> str:
    for block in document.walk():
        text = " ".join(block_text(block).split())
        if text:
            if len(text) <= TITLE_FROM_TEXT_LENGTH:
                return text
            cut = text[:TITLE_FROM_TEXT_LENGTH].rsplit(" ", 1)[0]
            return f"{cut}…"
    return ""


def _source_title(pdf: pikepdf.Pdf) -> str:
    try:
        raw = pdf.docinfo.get("/Title")
        title = " ".join(str(raw).split()) if raw is not None else ""
        if not title:
            with pdf.open_metadata() as xmp:
                title = " ".join(str(xmp.get("dc:title") or "").split())
    except (pikepdf.PdfError, ValueError, TypeError, AttributeError):
        return ""
    # (A file's name for a title is no title: the model's, from the first heading, is used.)
    return "" if names_a_file(title) else "".join(ch for ch in title if ch.isprintable())


def _source_language(pdf: pikepdf.Pdf) -> str:
    lang = pdf.Root.get("/Lang")
    return str(lang).strip() if isinstance(lang, pikepdf.String) else ""
