"""Remove a PDF's logical structure, leaving exactly what it draws.

Used by the structure benchmark and tests: the stripped copy is what an untagged export of the
same document would look like, so the layout reader can be scored against the original's tags.
Removes the structure tree, ``/MarkInfo``, ``/StructParents`` and ``/StructParent`` keys, and
every marked-content operator (``BDC``, ``BMC``, ``EMC``, ``MP``, ``DP``) from page and Form
XObject content streams.
"""

from __future__ import annotations

from pathlib import Path

import pikepdf

from ..operator_names import operator_name

_MARKED = {"BDC", "BMC", "EMC", "MP", "DP"}


def strip_structure(source: Path, target: Path) -> None:
    with pikepdf.open(source) as pdf:
        for key in ("/StructTreeRoot", "/MarkInfo"):
            if key in pdf.Root:
                del pdf.Root[key]
        for page in pdf.pages:
            if "/StructParents" in page.obj:
                del page.obj["/StructParents"]
            _strip_stream(pdf, page)
            annots = page.obj.get("/Annots")
            if isinstance(annots, pikepdf.Array):
                for annot in annots:
                    if isinstance(annot, pikepdf.Dictionary) and "/StructParent" in annot:
                        del annot["/StructParent"]
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream) and obj.get("/Subtype") == pikepdf.Name.Form:
                if "/StructParents" in obj:
                    del obj["/StructParents"]
                if "/StructParent" in obj:
                    del obj["/StructParent"]
                _strip_stream(pdf, obj)
        pdf.save(target, encryption=False)


def _strip_stream(pdf: pikepdf.Pdf, owner: pikepdf.Page | pikepdf.Stream) -> None:
    try:
        instructions = pikepdf.parse_content_stream(owner)
    except (pikepdf.PdfError, ValueError, TypeError):
        return
    kept = [
        i
        for i in instructions
        if isinstance(i, pikepdf.ContentStreamInlineImage)
        or operator_name(i.operator) not in _MARKED
    ]
    if len(kept) == len(instructions):
        return
    data = pikepdf.unparse_content_stream(kept)
    if isinstance(owner, pikepdf.Page):
        owner.obj.Contents = pdf.make_stream(data)
    else:
        owner.write(data)
