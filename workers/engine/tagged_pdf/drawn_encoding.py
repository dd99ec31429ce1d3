"""Which glyph of a program pdfium draws for each code of a symbol font with no /Encoding;
what pdfium reads for a code.

Symbol and ZapfDingbats written without an /Encoding use "the font's built-in encoding"
(ISO 32000-1 9.6.6.1). pdfium keeps that encoding in a table of its own: the program it draws
them with says StandardEncoding, which would select "four" for code 52 where ZapfDingbats
shows its check mark (a20). Embedding that program therefore needs the encoding written out as
/Differences, code by code — and the codes are read from pdfium itself rather than from a
table copied here: a probe page shows every code with the font as the source has it, another
shows every glyph of the program by name, and a code takes the glyph that draws the same
pixels. A code that matches no glyph, or several, is left out (it then draws nothing once
embedded, which the embedding's own probe of the codes the text shows would catch).

The same probe, reading text instead of pixels, tells what pdfium reads for any code of any
font (:func:`code_text`): :mod:`.split_text` aligns it with a text operator's characters.
"""

from __future__ import annotations

import ctypes
import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

#: Probe grid: codes per row, cell size and glyph size in points (rendered at 72 dpi, so one
#: point is one pixel); glyph origins fall on whole pixels, so one glyph draws the same
#: pixels in every cell it is put in.
_PER_ROW = 16
_CELL = 48
_SIZE = 30
#: Codes a simple font can show.
_CODES = range(1, 256)

_K = TypeVar("_K")
_V = TypeVar("_V")


@dataclass
class DrawnEncoding:
    #: Per code 0-255, the glyph name pdfium draws it with (".notdef": none, or unsure).
    names: list[str]
    #: Per code, the text pdfium reads for it with the font as it is (its own table).
    text: dict[int, str]


def drawn_encoding(
    font: pikepdf.Dictionary, program: bytes, glyph_names: Sequence[str]
) -> DrawnEncoding:
    """Per code 0-255, the name of the glyph of ``program`` (a CFF whose glyphs are
    ``glyph_names``) that pdfium draws for it with ``font`` as it is, ".notdef" where a code
    draws nothing or matches no single glyph; and the text pdfium reads for each code."""
    names = [name for name in glyph_names if name != ".notdef"][: len(_CODES)]
    font_bytes = object_bytes(font)
    known = _DRAWN.get((program, font_bytes, tuple(names)))
    if known is not None:
        return known
    base_font = font.get("/BaseFont", pikepdf.Name("/Probe"))
    glyph_key = (program, object_bytes(base_font), tuple(names))
    by_glyph = _GLYPH_CELLS.get(glyph_key)
    if by_glyph is None:
        by_glyph, _ = _cells(lambda probe: _named_font(probe, base_font, program, names),
                             [bytes([_CODES[k]]) for k in range(len(names))])
        _remember(_GLYPH_CELLS, glyph_key, by_glyph)
    glyph_of: dict[str, str] = {}
    ambiguous: set[str] = set()
    for index, digest in enumerate(by_glyph):
        if digest is None:
            continue
        if digest in glyph_of:
            ambiguous.add(digest)
        glyph_of[digest] = names[index]
    out = [".notdef"] * 256
    by_code, text = _cells(lambda probe: probe.copy_foreign(font), [bytes([c]) for c in _CODES])
    for index, digest in enumerate(by_code):
        if digest is not None and digest in glyph_of and digest not in ambiguous:
            out[_CODES[index]] = glyph_of[digest]
    found = DrawnEncoding(out, {_CODES[index]: chars for index, chars in text.items()})
    _remember(_DRAWN, (program, font_bytes, tuple(names)), found)
    return found


#: What pdfium drew and read, remembered for the worker's life (results are only read, never
#: changed). Symbol and ZapfDingbats fonts without a program recur across documents, pdfium
#: substitutes the same program for them, and a probe is two pages rendered: a result is a
#: function of the program, the glyph names and the font dictionary's bytes (every entry and
#: every object it refers to, :func:`object_bytes`), so an equal key draws the same.
_GLYPH_CELLS: dict[tuple[bytes, bytes, tuple[str, ...]], list[str | None]] = {}
_DRAWN: dict[tuple[bytes, bytes, tuple[str, ...]], DrawnEncoding] = {}
#: Results remembered at most per table (bounded memory).
MAX_REMEMBERED = 64


def _remember(table: dict[_K, _V], key: _K, value: _V) -> None:
    if len(table) >= MAX_REMEMBERED:
        table.clear()
    table[key] = value


def object_bytes(obj: pikepdf.Object) -> bytes:
    """``obj`` written out with every object it refers to in place (a stream as its
    dictionary and raw data): equal bytes, equal objects, whatever their object numbers.
    An object met again on the way (a cycle, or shared) is written as a back-reference; a
    dictionary or array that refers to no other object, as qpdf writes it."""
    out = bytearray()
    seen: dict[tuple[int, int], int] = {}

    def write(item: object) -> None:
        if not isinstance(item, pikepdf.Object):  # pikepdf gives numbers, booleans, null
            out.extend(f"{type(item).__name__}:{item!r} ".encode())
            return
        if item.is_indirect:
            if item.objgen in seen:
                out.extend(b"@%d " % seen[item.objgen])
                return
            seen[item.objgen] = len(seen)
        if isinstance(item, pikepdf.Dictionary | pikepdf.Array) and not isinstance(
            item, pikepdf.Stream
        ):
            # Written whole by qpdf when it refers to no other object (a reference reads
            # "n g R"; any R sends it the long way): a /Widths array is one call, not one
            # per number.
            text = bytes(item.unparse(resolved=True))
            if b"R" not in text:
                out.extend(b"u%d:" % len(text) + text)
                return
        if isinstance(item, pikepdf.Stream):
            out.extend(b"stream<<")
            for key in sorted(item.keys()):
                out.extend(key.encode() + b" ")
                write(item[key])
            data = item.read_raw_bytes()
            out.extend(b">>%d:" % len(data) + data)
        elif isinstance(item, pikepdf.Dictionary):
            out.extend(b"<<")
            for key in sorted(item.keys()):
                out.extend(key.encode() + b" ")
                write(item[key])
            out.extend(b">>")
        elif isinstance(item, pikepdf.Array):
            out.extend(b"[")
            for element in item:
                write(element)
            out.extend(b"]")
        else:
            out.extend(bytes(item.unparse(resolved=True)) + b" ")

    write(obj)
    return bytes(out)


def to_unicode_cmap(text: dict[int, str], *, code_bytes: int = 1) -> bytes:
    """A /ToUnicode CMap giving each code its text: one-byte codes, a simple font's, or
    ``code_bytes`` bytes each (two: a composite font's /Identity-H codes)."""
    digits = 2 * code_bytes
    entries = [
        f"<{code:0{digits}X}> <{chars.encode('utf-16-be').hex().upper()}>"
        for code, chars in sorted(text.items()) if chars
    ]
    blocks = [
        f"{len(chunk)} beginbfchar\n" + "\n".join(chunk) + "\nendbfchar"
        for chunk in (entries[i:i + 100] for i in range(0, len(entries), 100))
    ]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<{'00' * code_bytes}> <{'FF' * code_bytes}>",
        "endcodespacerange",
        *blocks,
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]).encode()


def _named_font(
    probe: pikepdf.Pdf, base_font: pikepdf.Object, program: bytes, names: Sequence[str]
) -> pikepdf.Object:
    """A font named ``base_font`` with ``program`` embedded and codes 1, 2… selecting
    ``names`` in order, made in ``probe``."""
    differences: list[object] = [_CODES[0], *(pikepdf.Name("/" + name) for name in names)]
    return probe.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type1,
        BaseFont=base_font,
        Encoding=pikepdf.Dictionary(Differences=pikepdf.Array(differences)),
        FontDescriptor=pikepdf.Dictionary(
            Type=pikepdf.Name.FontDescriptor,
            FontName=base_font,
            Flags=4,
            FontBBox=pikepdf.Array([0, 0, 1000, 1000]),
            ItalicAngle=0,
            Ascent=1000,
            Descent=0,
            CapHeight=1000,
            StemV=80,
            FontFile3=probe.make_stream(program, Subtype=pikepdf.Name.Type1C),
        ),
    ))


def code_text(font: pikepdf.Dictionary, codes: Sequence[bytes]) -> dict[bytes, str]:
    """The text pdfium reads for each of ``codes`` (one character code each: one byte for a
    simple font, two for an Identity-encoded CID font) shown alone in ``font``."""
    unique = list(dict.fromkeys(codes))
    # Only the text is asked for: the probe is read, not rendered.
    document, height = _probe(lambda probe: probe.copy_foreign(font), unique)
    try:
        page = document[0]
        try:
            text = _text_by_cell(page, height, len(unique))
        finally:
            page.close()
    finally:
        document.close()
    return {unique[index]: chars for index, chars in text.items()}


def _cells(
    font_in: Callable[[pikepdf.Pdf], pikepdf.Object], codes: Sequence[bytes]
) -> tuple[list[str | None], dict[int, str]]:
    """Each of ``codes`` in the font ``font_in`` makes in a probe, alone in a cell of the
    probe's page: a digest of each cell's pixels (None for a cell left blank), and the text
    pdfium reads in each cell (by the code's index)."""
    count = len(codes)
    document, height = _probe(font_in, codes)
    try:
        page = document[0]
        try:
            image = page.render(scale=1).to_pil().convert("L")
            text = _text_by_cell(page, height, count)
        finally:
            page.close()
    finally:
        document.close()
    blank = bytes([255]) * (_CELL * _CELL)
    out: list[str | None] = []
    for index in range(count):
        row, column = divmod(index, _PER_ROW)
        left, top = column * _CELL, row * _CELL
        pixels = image.crop((left, top, left + _CELL, top + _CELL)).tobytes()
        out.append(None if pixels == blank else hashlib.blake2b(pixels).hexdigest())
    return out, text


def _probe(
    font_in: Callable[[pikepdf.Pdf], pikepdf.Object], codes: Sequence[bytes]
) -> tuple[pdfium.PdfDocument, int]:
    """The probe of :func:`_cells` as pdfium reads it (the caller closes it), and its page's
    height."""
    count = len(codes)
    rows = (count + _PER_ROW - 1) // _PER_ROW
    width, height = _PER_ROW * _CELL, rows * _CELL
    content = []
    for index, code in enumerate(codes):
        row, column = divmod(index, _PER_ROW)
        x, y = column * _CELL + 8, height - (row + 1) * _CELL + 12
        content.append(f"BT /F1 {_SIZE} Tf {x} {y} Td <{code.hex()}> Tj ET")
    probe = pikepdf.new()
    probe.add_blank_page(page_size=(width, height))
    page = probe.pages[0]
    page.obj.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(F1=font_in(probe))
    )
    page.obj.Contents = probe.make_stream("\n".join(content).encode())
    buffer = io.BytesIO()
    probe.save(buffer, compress_streams=False)  # read by pdfium only, once
    return pdfium.PdfDocument(buffer.getvalue()), height


def _text_by_cell(page: pdfium.PdfPage, height: float, count: int) -> dict[int, str]:
    """The characters pdfium reads on a probe page, by the cell of the first ``count`` each
    one's origin is in (characters pdfium adds between words and lines are left out). The
    origin is where the cell put the glyph; its box may reach far outside the cell (a
    delimiter of a TeX extension font is three times the type size), so it says nothing of
    which code was shown."""
    textpage = page.get_textpage()
    out: dict[int, str] = {}
    try:
        for index in range(pdfium_c.FPDFText_CountChars(textpage.raw)):
            if pdfium_c.FPDFText_IsGenerated(textpage.raw, index) == 1:
                continue
            x, y = ctypes.c_double(), ctypes.c_double()
            if not pdfium_c.FPDFText_GetCharOrigin(textpage.raw, index, x, y):
                continue
            row, column = int((height - y.value) // _CELL), int(x.value // _CELL)
            cell = row * _PER_ROW + column
            if not (0 <= column < _PER_ROW and 0 <= cell < count):
                continue
            out[cell] = out.get(cell, "") + chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, index))
    finally:
        textpage.close()
    return out
