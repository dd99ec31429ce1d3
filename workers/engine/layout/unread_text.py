"""Text that pdfium's text page leaves out although it is drawn: colour emoji.

pdfium's text page skips every text object whose bounds have no width. A glyph with no
outline has empty bounds, so a text object drawing only such glyphs is skipped whole. That
is how WeasyPrint (cairo) draws a colour emoji ("✅", "🙂") from a bitmap font such as Noto
Color Emoji: a text object showing the emoji's code, in a font whose glyph has no outline,
with the picture of the emoji painted over it as an image. pdfium's text page, the glyph
reader built on it, and ``FPDFTextObj_GetText`` (which asks the text page) all read nothing
there, so "✅ Approved" read as "Approved" while Poppler reads it whole. A space drawn by a
text object of its own is skipped the same way (:func:`.glyphs._restore_dropped_spaces`).

pdfium's API does not give a text object's character codes, so they are read here from the
content stream (pikepdf), for the skipped objects only: the operator that drew each (as
:mod:`.operators` maps it), the font selected then, its ``/ToUnicode`` for the text, its widths
for the advance. A page with no such object (nearly every page) costs nothing more.

>>> to_unicode(b"1 beginbfchar <008f> <2705> endbfchar", {0x8F}, 2)
{143: '✅'}
"""

from __future__ import annotations

import ctypes
import io
import re
import weakref
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as c

from .operators import map_operators

#: Skipped text objects read per page at most (bounded work on a page of many).
MAX_UNREAD_OBJECTS = 500
#: Codes shown by one skipped object that are read at most.
MAX_CODES = 64
#: The page's content streams are parsed only up to this many bytes (a bound on the work
#: of parsing a page with pikepdf).
MAX_CONTENT_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class UnreadText:
    """The text of skipped top-level text object :attr:`obj` and where it is drawn (page
    user space): from its origin (:attr:`x`, :attr:`y`, on the baseline) :attr:`advance`
    to the right, in a face of :attr:`em` points."""

    obj: int
    text: str
    x: float
    y: float
    advance: float
    em: float


#: A box: left, bottom, right, top (page user space).
Box = tuple[float, float, float, float]


def read_unread(
    page: pdfium.PdfPage, index: int, kinds: list[str], objects: Sequence[int],
    pictures: Sequence[Box],
) -> list[UnreadText]:
    """The text of top-level text objects ``objects`` of page ``index`` (``page``, loaded),
    which the text page left out, where it is more than white space and a picture is drawn
    over it. ``kinds``: the page's top-level object kinds, as :func:`.glyphs._objects` read
    them; ``pictures``: the boxes of the page's top-level images.

    The picture is what a sighted reader sees of it: the glyphs draw nothing themselves,
    and a skipped object with no picture over it is a space that only its font's broken
    /ToUnicode calls a letter (a form whose every code reads shifted)."""
    # (The content stream is read only for objects whose origin a picture is drawn at.)
    objects = [obj for obj in objects[:MAX_UNREAD_OBJECTS] if _at_picture(page, obj, pictures)]
    if not objects:
        return []
    source = _source_of(page.pdf)
    if source is None or not 0 <= index < len(source.pages):
        return []
    shown = _shown(source.pages[index], kinds, objects)
    out: list[UnreadText] = []
    for obj, (font, strings) in shown.items():
        found = _placed(page, obj, font, strings)
        if found is not None and any(_pictured(found, box) for box in pictures):
            out.append(found)
    return out


#: How far (points) a picture drawn over a glyph may start right of its origin (rounding).
_SLACK = 1.0
#: A picture taller than this many times a glyph's font size is no picture of that glyph
#: (text set over a photograph or a scanned page: what draws its glyphs is not seen).
_PICTURE_EMS = 3.0


def _at_picture(page: pdfium.PdfPage, obj: int, pictures: Sequence[Box]) -> bool:
    """Whether a picture of a glyph's size is drawn at top-level text object ``obj``'s
    origin (its bounds' corner)."""
    handle = c.FPDFPage_GetObject(page.raw, obj)
    sides = [ctypes.c_float(0) for _ in range(4)]
    matrix = c.FS_MATRIX()
    size = ctypes.c_float(0)
    if (not handle or not c.FPDFPageObj_GetBounds(handle, *(ctypes.byref(v) for v in sides))
            or not c.FPDFPageObj_GetMatrix(handle, matrix)
            or not c.FPDFTextObj_GetFontSize(handle, size)):
        return False
    x, y, em = sides[0].value, sides[1].value, size.value * abs(matrix.d)
    return any(left - _SLACK <= x < right and bottom <= y <= top
               and top - bottom <= _PICTURE_EMS * em
               for left, bottom, right, top in pictures)


def _pictured(text: UnreadText, box: Box) -> bool:
    """Whether picture ``box`` is drawn over ``text``: across half its advance or more, and
    across its baseline, and no taller than a glyph's picture."""
    left, bottom, right, top = box
    across = min(right, text.x + text.advance) - max(left, text.x)
    return (text.advance > 0 and across >= 0.5 * text.advance and bottom <= text.y <= top
            and top - bottom <= _PICTURE_EMS * text.em)


# --- the source, as pikepdf reads it --------------------------------------------------------

#: pikepdf's reading of each pdfium document asked about, kept while the document lives.
_SOURCES: weakref.WeakKeyDictionary[pdfium.PdfDocument, pikepdf.Pdf | None] = (
    weakref.WeakKeyDictionary()
)


def read_alongside(document: pdfium.PdfDocument, pdf: pikepdf.Pdf) -> None:
    """Say that ``pdf`` (opened by the caller, who closes it) is the file pdfium read
    ``document`` from: a reader holding both has it read here, not opened a second time."""
    _SOURCES[document] = pdf


def _source_of(document: pdfium.PdfDocument) -> pikepdf.Pdf | None:
    """The file pdfium read ``document`` from, opened by pikepdf (None when it cannot be:
    a document pdfium was given as something else than a path or bytes)."""
    if document in _SOURCES:
        return _SOURCES[document]
    # (pypdfium2 keeps what the document was opened from; every reader here opens one
    # from a path or from bytes.)
    given = getattr(document, "_input", None)
    opened: pikepdf.Pdf | None = None
    try:
        if isinstance(given, str | Path):
            opened = pikepdf.open(given)
        elif isinstance(given, bytes | bytearray):
            opened = pikepdf.open(io.BytesIO(bytes(given)))
    except (pikepdf.PdfError, OSError, ValueError):
        opened = None
    _SOURCES[document] = opened
    if opened is not None:
        weakref.finalize(document, opened.close)
    return opened


# --- what each object shows ---------------------------------------------------------------

_SHOW = frozenset(("Tj", "TJ", "'", '"'))


def _shown(
    page: pikepdf.Page, kinds: list[str], objects: Iterable[int]
) -> dict[int, tuple[pikepdf.Dictionary, list[bytes]]]:
    """For each of ``objects``, the font its operator shows in and the strings it shows
    (objects whose operator is not known, or whose font is not, are left out)."""
    operator_of = map_operators(page, kinds).operator_of
    wanted: dict[int, int] = {}
    for obj in objects:
        if 0 <= obj < len(operator_of) and operator_of[obj] >= 0:
            wanted[operator_of[obj]] = obj
    if not wanted:
        return {}
    try:
        size = sum(len(s.read_raw_bytes()) for s in _content_streams(page))
        if size > MAX_CONTENT_BYTES:
            return {}
        instructions = pikepdf.parse_content_stream(page)
    except Exception:  # noqa: BLE001 - any damage only costs the text it would have given
        return {}
    resources = page.obj.get("/Resources")
    fonts = resources.get("/Font") if isinstance(resources, pikepdf.Dictionary) else None
    last = max(wanted)
    out: dict[int, tuple[pikepdf.Dictionary, list[bytes]]] = {}
    font_name: object = None
    saved: list[object] = []
    for at, instruction in enumerate(instructions):
        if at > last:
            break
        if isinstance(instruction, pikepdf.ContentStreamInlineImage):
            continue
        op = str(instruction.operator)
        operands = list(instruction.operands)
        # The font is part of the graphics state: q saves it, Q restores it.
        if op == "q":
            saved.append(font_name)
        elif op == "Q":
            font_name = saved.pop() if saved else font_name
        elif op == "Tf" and operands:
            font_name = operands[0]
        elif op in _SHOW and at in wanted and isinstance(fonts, pikepdf.Dictionary):
            font = fonts.get(font_name) if isinstance(font_name, pikepdf.Name) else None
            if isinstance(font, pikepdf.Dictionary):
                out[wanted[at]] = (font, _strings(op, operands))
    return out


def _content_streams(page: pikepdf.Page) -> list[pikepdf.Stream]:
    contents = page.obj.get("/Contents")
    items = list(contents) if isinstance(contents, pikepdf.Array) else [contents]
    return [s for s in items if isinstance(s, pikepdf.Stream)]


def _strings(op: str, operands: list[Any]) -> list[bytes]:
    """The strings a text-showing operator shows, in order."""
    if op == "TJ":
        array = operands[0] if operands else None
        if not isinstance(array, pikepdf.Array):
            return []
        return [bytes(e) for e in array if isinstance(e, pikepdf.String)]
    last = operands[-1] if operands else None
    return [bytes(last)] if isinstance(last, pikepdf.String) else []


# --- the font: codes, text, widths ------------------------------------------------------------


def code_width(font: pikepdf.Dictionary) -> int | None:
    """Bytes per character code: 1 for a simple font, 2 for a CID font with an Identity
    encoding; None for other CMaps (not read here)."""
    if font.get("/Subtype") != pikepdf.Name.Type0:
        return 1
    if font.get("/Encoding") in (pikepdf.Name("/Identity-H"), pikepdf.Name("/Identity-V")):
        return 2
    return None


# (Patterns compiled on first use, by re's cache: nearly no process reads a skipped object.)
_CHARS = rb"(?s)beginbfchar(.*?)endbfchar"
_RANGES = rb"(?s)beginbfrange(.*?)endbfrange"
_HEX = rb"<([0-9A-Fa-f\s]*)>"
_RANGE = rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f\s]*>|\[[^\]]*\])"


def to_unicode(cmap: bytes, codes: set[int], width: int) -> dict[int, str]:
    """The text a ``/ToUnicode`` CMap gives each of ``codes`` (``width`` bytes each); codes it
    does not map are left out."""
    out: dict[int, str] = {}
    for block in re.findall(_CHARS, cmap):
        values = re.findall(_HEX, block)
        for code, text in zip(values[::2], values[1::2], strict=False):
            number = _number(code, width)
            if number in codes:
                out[number] = _text(text)
    for block in re.findall(_RANGES, cmap):
        for low, high, dest in re.findall(_RANGE, block):
            first, last = _number(low, width), _number(high, width)
            for code in codes:
                if first is None or last is None or not first <= code <= last:
                    continue
                offset = code - first
                if dest.startswith(b"["):
                    texts = re.findall(_HEX, dest)
                    if offset < len(texts):
                        out[code] = _text(texts[offset])
                else:
                    start = _text(dest[1:-1])
                    if start:
                        out[code] = start[:-1] + chr(min(ord(start[-1]) + offset, 0x10FFFF))
    return out


def _number(value: bytes, width: int) -> int | None:
    digits = re.sub(rb"\s", b"", value)
    return int(digits, 16) if digits and len(digits) == 2 * width else None


def _text(value: bytes) -> str:
    digits = re.sub(rb"\s", b"", value)
    if len(digits) % 4:
        digits = digits.rjust(len(digits) + 4 - len(digits) % 4, b"0")
    return bytes.fromhex(digits.decode("ascii")).decode("utf-16-be", "replace")


def _widths(font: pikepdf.Dictionary, codes: list[int]) -> list[float]:
    """Each code's advance in thousandths of the font size (as the font's widths say)."""
    if font.get("/Subtype") == pikepdf.Name.Type0:
        descendants = font.get("/DescendantFonts")
        cid = descendants[0] if isinstance(descendants, pikepdf.Array) and descendants else None
        if not isinstance(cid, pikepdf.Dictionary):
            return [1000.0] * len(codes)
        default = _float(cid.get("/DW"), 1000.0)
        table = _cid_widths(cid.get("/W"), set(codes))
        return [table.get(code, default) for code in codes]
    widths = font.get("/Widths")
    first = int(_float(font.get("/FirstChar"), 0))
    descriptor = font.get("/FontDescriptor")
    missing = _float(descriptor.get("/MissingWidth"), 0.0) if isinstance(
        descriptor, pikepdf.Dictionary) else 0.0
    listed = list(widths) if isinstance(widths, pikepdf.Array) else []
    return [_float(listed[code - first], missing) if 0 <= code - first < len(listed)
            else missing for code in codes]


def _cid_widths(w: object, codes: set[int]) -> dict[int, float]:
    """The widths a CID font's ``/W`` array gives ``codes`` (Identity: code = CID)."""
    out: dict[int, float] = {}
    if not isinstance(w, pikepdf.Array):
        return out
    items = list(w)
    k = 0
    while k + 1 < len(items):
        start = int(_float(items[k], -1))
        following = items[k + 1]
        if isinstance(following, pikepdf.Array):
            for offset, value in enumerate(following):
                if start + offset in codes:
                    out[start + offset] = _float(value, 1000.0)
            k += 2
        elif k + 2 < len(items):
            end = int(_float(following, -1))
            for code in codes:
                if start <= code <= end:
                    out[code] = _float(items[k + 2], 1000.0)
            k += 3
        else:
            break
    return out


def _float(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


# --- where it is drawn --------------------------------------------------------------------


def _placed(
    page: pdfium.PdfPage, obj: int, font: pikepdf.Dictionary, strings: list[bytes]
) -> UnreadText | None:
    """The text object ``obj`` reads and where: None for white space only, for codes this
    does not read, and for text set at an angle."""
    width = code_width(font)
    unicode_map = font.get("/ToUnicode")
    if width is None or not isinstance(unicode_map, pikepdf.Stream):
        return None
    data = b"".join(strings)
    if not data or len(data) % width:
        return None
    codes = [int.from_bytes(data[k:k + width], "big") for k in range(0, len(data), width)]
    codes = codes[:MAX_CODES]
    try:
        cmap = unicode_map.read_bytes()
    except pikepdf.PdfError:
        return None
    texts = to_unicode(cmap, set(codes), width)
    text = "".join(texts.get(code, "") for code in codes)
    if not text.strip():
        return None
    handle = c.FPDFPage_GetObject(page.raw, obj)
    matrix = c.FS_MATRIX()
    size = ctypes.c_float(0)
    if not handle or not c.FPDFPageObj_GetMatrix(handle, matrix) or not (
        c.FPDFTextObj_GetFontSize(handle, size)
    ):
        return None
    if abs(matrix.b) > 1e-6 or abs(matrix.c) > 1e-6 or matrix.a <= 0 or matrix.d <= 0:
        return None  # turned or mirrored: not placed here
    advance = sum(_widths(font, codes)) / 1000 * size.value * matrix.a
    return UnreadText(obj, text, matrix.e, matrix.f, advance, size.value * matrix.d)
