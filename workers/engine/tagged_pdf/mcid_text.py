"""The text of a page grouped by marked-content id, as pdfium reads it: what a tagged PDF's
elements say to a screen reader.

The layout reader's :func:`..layout.glyphs.read_page` gives the same characters with their
boxes, fonts and styles; reading a tagged output back needs only each character and its MCID,
and runs on every page of every output (the fidelity check), so this reads just that: one
pdfium call per character, the rest per text object.

A character's MCID is its text object's; a text object inside a Form XObject that has none of
its own takes the MCID of the form painted on the page (the sequence around its ``Do``). Spaces
pdfium infers from wide gaps (no text object) go with the character before them.

>>> by_mcid = page_text_by_mcid(pdfium.PdfDocument("tagged.pdf"), 0)  # doctest: +SKIP
>>> "".join(by_mcid[0])  # doctest: +SKIP
'Annual report'
"""

from __future__ import annotations

import ctypes
import re
from types import ModuleType
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as c

from ..layout.glyphs import codepoint_at, page_chars, skipped_text

#: Half of a UTF-16 surrogate pair: a character beyond the BMP, read one unit per index.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Characters read per page at most (as the layout reader: a bound on time and memory).
MAX_CHARS = 200_000
#: Page objects visited per page, and Form XObject depth followed, finding forms' MCIDs.
MAX_OBJECTS = 50_000
MAX_FORM_DEPTH = 12

# FPDFText_GetTextObject taking and returning bare addresses: this runs once per character,
# and converting pypdfium2's pointer objects costs as much as the call itself.
_GET_TEXT_OBJECT = ctypes.cast(c.FPDFText_GetTextObject, ctypes.c_void_p).value or 0
_text_object_at = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)(
    _GET_TEXT_OBJECT
)

_runs: ModuleType | None
try:
    # Where the characters change text object, found in C (_object_runs.c): see
    # object_changes.
    from . import _object_runs as _runs
except ImportError:  # pragma: no cover - depends on the installation
    _runs = None


def page_text_by_mcid(document: pdfium.PdfDocument, index: int) -> dict[int, list[str]]:
    """MCID -> the text drawn in it on page ``index``, in content order, in pieces."""
    page = document[index]
    try:
        return loaded_page_text_by_mcid(page, index)
    finally:
        page.close()


def loaded_page_text_by_mcid(page: pdfium.PdfPage, index: int) -> dict[int, list[str]]:
    """:func:`page_text_by_mcid` of page ``index``, already loaded (the caller closes it)."""
    textpage = page.get_textpage()
    try:
        return _text_by_mcid(page, index, textpage)
    finally:
        textpage.close()


def _text_by_mcid(page: Any, index: int, textpage: Any) -> dict[int, list[str]]:
    """The characters of each MCID as runs: consecutive characters of one text object are
    taken as one slice of the page's text (most of a page's characters: only the text
    object of each is asked for). The text of text objects the text page skips (a colour
    emoji: :mod:`..layout.unread_text`) goes in its MCID before the runs of the objects drawn
    after it, as the layout reader reads it."""
    raw = textpage.raw
    count = min(c.FPDFText_CountChars(raw), MAX_CHARS)
    page_address = ctypes.cast(raw, ctypes.c_void_p).value or 0
    starts, addresses = object_changes(page_address, count) if count > 0 else ([], [])
    skipped = skipped_text(page, index, set(addresses))
    if skipped:
        return _with_skipped(page, runs_by_mcid(page, raw, count, starts, addresses), skipped)
    return {mcid: [text for _, text in runs]
            for mcid, runs in runs_by_mcid(page, raw, count, starts, addresses).items()}


def _with_skipped(
    page: Any, runs: dict[int, list[tuple[int, str]]], skipped: list[tuple[int, int, str]]
) -> dict[int, list[str]]:
    """``runs`` (MCID -> (text object address, text)) with the ``skipped`` objects' text (as
    :func:`..layout.glyphs.skipped_text` gives it) each before the first run of its MCID
    drawn after it (a run of an object inside a form, or pdfium's space, goes with the
    object before it)."""
    place = {ctypes.cast(c.FPDFPage_GetObject(page.raw, k), ctypes.c_void_p).value or 0: k
             for k in range(c.FPDFPage_CountObjects(page.raw))}
    out: dict[int, list[str]] = {}
    pending: dict[int, list[tuple[int, str]]] = {}
    for obj, mcid, text in skipped:
        if mcid >= 0:
            pending.setdefault(mcid, []).append((obj, text))
    for mcid, pieces in runs.items():
        waiting = pending.pop(mcid, [])
        texts: list[str] = []
        last = -1
        for address, text in pieces:
            last = place.get(address, last)
            while waiting and waiting[0][0] < last:
                texts.append(waiting.pop(0)[1])
            texts.append(text)
        texts.extend(text for _, text in waiting)
        out[mcid] = texts
    for mcid, waiting in pending.items():
        out[mcid] = [text for _, text in waiting]
    return out


def runs_by_mcid(
    page: Any, raw: Any, count: int, starts: list[int], addresses: list[int],
    chars: str | list[str] | None = None,
) -> dict[int, list[tuple[int, str]]]:
    """MCID -> the runs of the text page drawn in it, each with its text object's address
    (0: pdfium's generated space). ``chars``: the page's characters read otherwise than
    pdfium reads them (:mod:`.glyph_id_reading`), one per index."""
    out: dict[int, list[tuple[int, str]]] = {}
    if count <= 0:
        return out
    if chars is None:
        chars = page_chars(raw, count)
    # (Searched for in C: a page's text is tens of thousands of characters, each one
    # character long, so the joined text has a surrogate where one of them is one.)
    surrogates = _SURROGATE.search(chars if isinstance(chars, str) else "".join(chars)) is not None
    mcid_of: dict[int, int] = {}  # text object address -> its own MCID
    form_mcids: dict[int, int] | None = None  # built only when a text object has none
    run_start = 0
    mcid = -1  # the MCID of the run in progress (characters run_start..i-1)
    own = -1  # the running text object's own MCID: a generated space after it takes this
    seen = False
    address = 0  # the running text object's

    def take(end: int) -> None:
        if mcid >= 0 and end > run_start:
            run = chars[run_start:end]
            text = run if isinstance(run, str) else "".join(run)
            if surrogates:
                text = "".join(
                    codepoint_at(raw, run_start + k) if "\ud800" <= ch <= "\udfff" else ch
                    for k, ch in enumerate(text)
                )
                # A character beyond the BMP (a math italic x) comes as one index per UTF-16
                # unit: each pair is the one character it spells (as the glyph reader reads).
                text = text.encode("utf-16-le", "surrogatepass").decode(
                    "utf-16-le", "surrogatepass")
            out.setdefault(mcid, []).append((address, text))

    for i, at in zip(starts, addresses, strict=True):
        take(i)
        run_start, address = i, at
        if not address:
            # pdfium's generated spaces and line breaks: with the character before them.
            if seen and chars[i].isspace() and own >= 0:
                out.setdefault(own, []).append((0, " "))
            mcid = -1
            run_start = i + 1
            continue
        seen = True
        found = mcid_of.get(address)
        if found is None:
            found = mcid_of[address] = c.FPDFPageObj_GetMarkedContentID(
                c.FPDFText_GetTextObject(raw, i)
            )
        own = found
        if found < 0:
            if form_mcids is None:
                form_mcids = _form_mcids(page)
            found = form_mcids.get(address, -1)
        mcid = found
    take(count)
    return out


def object_changes(text_page: int, count: int) -> tuple[list[int], list[int]]:
    """The indices among the first ``count`` characters of the text page at address
    ``text_page`` where the text object changes: a character with none (pdfium's generated
    spaces and line breaks, each one its own), or another than the character before it's
    (none before the first); with the object's address at each (0 for none). A page's
    characters are tens of thousands, its runs of one text object few: in C where the
    extension is built, else :func:`python_object_changes`."""
    if _runs is not None:
        found: tuple[list[int], list[int]] = _runs.object_changes(
            text_page, count, _GET_TEXT_OBJECT)
        return found
    return python_object_changes(text_page, count)


def python_object_changes(text_page: int, count: int) -> tuple[list[int], list[int]]:
    """:func:`object_changes` in Python."""
    starts: list[int] = []
    addresses: list[int] = []
    last = 0
    for i in range(count):
        address = _text_object_at(text_page, i) or 0
        if address == last and address:
            continue  # the same text object as the character before: same run
        last = address
        starts.append(i)
        addresses.append(address)
    return starts, addresses


def _form_mcids(page: Any) -> dict[int, int]:
    """Address of every object inside a Form XObject painted on the page -> that form's MCID."""
    out: dict[int, int] = {}
    raw = page.raw
    visited = 0

    def visit_inside(form: Any, mcid: int, depth: int) -> None:
        """The objects of ``form`` (painted at ``depth`` - 1), and those of forms in it."""
        nonlocal visited
        for k in range(c.FPDFFormObj_CountObjects(form)):
            obj = c.FPDFFormObj_GetObject(form, k)
            if not obj:
                continue
            visited += 1
            if visited > MAX_OBJECTS or depth > MAX_FORM_DEPTH:
                continue
            out[ctypes.cast(obj, ctypes.c_void_p).value or 0] = mcid
            if c.FPDFPageObj_GetType(obj) == c.FPDF_PAGEOBJ_FORM:
                visit_inside(obj, mcid, depth + 1)

    # (Most of a page's objects are not forms: only a form's MCID is asked for.)
    for i in range(c.FPDFPage_CountObjects(raw)):
        obj = c.FPDFPage_GetObject(raw, i)
        if not obj:
            continue
        visited += 1
        if visited > MAX_OBJECTS:
            break  # (every object after it is over the bound too)
        if c.FPDFPageObj_GetType(obj) == c.FPDF_PAGEOBJ_FORM:
            visit_inside(obj, c.FPDFPageObj_GetMarkedContentID(obj), 1)
    return out
