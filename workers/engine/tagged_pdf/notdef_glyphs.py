"""CID fonts whose text shows CID 0, the .notdef glyph, as a blank.

Some producers (InDesign's CID subsets) draw a character the font lacks — often a special
space — with CID 0, the glyph every CID font keeps for "no glyph", give it the width of a
space and map its code to U+0020 in /ToUnicode. Where that glyph draws nothing the page looks
as the author meant, but PDF/UA-1 forbids any reference to .notdef (veraPDF 7.21.8-1: another
viewer may draw .notdef as a box).

The repair gives the code a glyph of its own: a copy of the blank .notdef (its charstring,
so its width, unchanged) under a CID no text shows, in a CID-keyed CFF program; an embedded
CMap maps every code to the CID it had (Identity) except code 0, which now selects the copy,
and /W gives the copy the width CID 0 had. Nothing drawn changes (a probe of the font's codes,
old against new, must render and read the same); /ToUnicode is by code, so the text read
stays what it was. Only a .notdef that draws nothing is copied: one drawing a box is what the
page shows, and left as it is.
"""

from __future__ import annotations

import io
import re
import sys
from array import array
from types import SimpleNamespace

import pikepdf
import pypdfium2 as pdfium
from fontTools.cffLib import CFFFontSet, TopDict
from fontTools.misc.psCharStrings import T2CharString

from .checks import drawn_page
from .font_usage import CodesUsed
from .fonts import _descendant, display_name

#: Type 2 operators that draw nothing (hints, and the end): a charstring of only these is blank.
_BLANK_OPERATORS = frozenset({"endchar", "hstem", "vstem", "hstemhm", "vstemhm", "hintmask",
                              "cntrmask"})
_IDENTITY = frozenset({"/Identity-H", "/Identity-V"})
#: A /ToUnicode entry (bfchar or the start of a bfrange) for the two-byte code 0.
_MAPS_CODE_0 = re.compile(rb"<0000>\s*<[0-9A-Fa-f]")
#: Highest CID an Identity CMap reaches (two-byte codes).
_LAST_CID = 0xFFFF
#: Probe: codes per line and text size (points).
_PER_LINE = 16
_SIZE = 24


def give_notdef_a_blank_glyph(
    pdf: pikepdf.Pdf, page_fonts: list[list[pikepdf.Dictionary]]
) -> list[str]:
    """Repair the fonts described above among ``page_fonts`` (per page, the indirect fonts
    it draws with); the names of the fonts repaired."""
    unique = {font.objgen: font for fonts in page_fonts for font in fonts}
    programs = {key: found for key, font in unique.items()
                if (found := _blank_notdef_program(font)) is not None}
    if not programs:
        return []
    usage = CodesUsed(set(programs))
    for page, fonts in zip(pdf.pages, page_fonts, strict=True):
        if any(font.objgen in programs for font in fonts):
            usage.read_page(page)
    if usage.unreadable:
        return []
    tried: list[tuple[pikepdf.Dictionary, pikepdf.Dictionary, set[int]]] = []
    for key, found in programs.items():
        shown = _two_byte_codes(usage.shown_bytes(key))
        if 0 in shown and (repaired := _repaired(pdf, unique[key], found, shown)) is not None:
            tried.append((unique[key], repaired, shown))
    done: list[str] = []
    for (font, repaired, _), same in zip(tried, _draw_the_same(tried), strict=True):
        if same:
            for entry in list(font.keys()):
                del font[entry]
            for entry, value in repaired.items():
                font[entry] = value
            done.append(display_name(font))
    return sorted(set(done))


def _two_byte_codes(shown: bytes) -> set[int]:
    codes = array("H", shown[: len(shown) // 2 * 2])
    if sys.byteorder == "little":
        codes.byteswap()  # the codes are big-endian
    return set(codes)


def _blank_notdef_program(font: pikepdf.Dictionary) -> tuple[CFFFontSet, TopDict] | None:
    """The CID-keyed CFF program of a Type 0 font with an Identity encoding whose .notdef
    draws nothing; None for any other font."""
    if font.get("/Subtype") != "/Type0" or str(font.get("/Encoding")) not in _IDENTITY:
        return None
    # A producer showing CID 0 for text maps its code in /ToUnicode: fonts that do not are
    # not read further (their text would be read for nothing).
    to_unicode = font.get("/ToUnicode")
    try:
        mapped = isinstance(to_unicode, pikepdf.Stream) and _MAPS_CODE_0.search(
            to_unicode.read_bytes()) is not None
    except pikepdf.PdfError:
        mapped = False
    if not mapped:
        return None
    cid_font = _descendant(font)
    descriptor = cid_font.get("/FontDescriptor") if cid_font is not None else None
    if cid_font is None or cid_font.get("/Subtype") != "/CIDFontType0" or not isinstance(
        descriptor, pikepdf.Dictionary
    ):
        return None
    program = descriptor.get("/FontFile3")
    if not isinstance(program, pikepdf.Stream) or program.get("/Subtype") != "/CIDFontType0C":
        return None
    try:
        fonts = CFFFontSet()
        fonts.decompile(io.BytesIO(program.read_bytes()), None)
        top: TopDict = fonts[fonts.fontNames[0]]
        if not hasattr(top, "ROS") or top.charset[0] != ".notdef":
            return None
        notdef: T2CharString = top.CharStrings[".notdef"]
        notdef.decompile()
    except Exception:  # noqa: BLE001 - fontTools raises many kinds on a damaged program
        return None
    operators = {token for token in notdef.program if isinstance(token, str)}
    return (fonts, top) if operators <= _BLANK_OPERATORS else None


def _repaired(
    pdf: pikepdf.Pdf, font: pikepdf.Dictionary, found: tuple[CFFFontSet, TopDict],
    shown: set[int],
) -> pikepdf.Dictionary | None:
    """A copy of ``font`` (its program ``found``) whose code 0 selects a blank glyph of its
    own (see above); ``shown``: the codes its text shows."""
    cid_font = _descendant(font)
    if cid_font is None:
        return None
    fonts, top = found
    present = {int(name[3:]) for name in top.charset if name.startswith("cid")}
    free = next((cid for cid in range(1, _LAST_CID + 1)
                 if cid not in present and cid not in shown), None)
    width = _cid_width(cid_font, 0)
    if free is None or width is None:
        return None
    try:
        program = _with_copy_of_notdef(fonts, top, free)
    except Exception:  # noqa: BLE001 - fontTools raises many kinds on a damaged program
        return None
    descriptor = pikepdf.Dictionary({k: v for k, v in cid_font.FontDescriptor.items()
                                     if k not in ("/FontFile3", "/CIDSet")})
    stream = pdf.make_stream(program)
    stream.Subtype = pikepdf.Name.CIDFontType0C
    descriptor.FontFile3 = stream
    new_cid_font = pikepdf.Dictionary({k: v for k, v in cid_font.items()
                                       if k not in ("/FontDescriptor", "/W")})
    new_cid_font.FontDescriptor = descriptor
    widths = cid_font.get("/W")
    new_cid_font.W = pikepdf.Array([*(widths if isinstance(widths, pikepdf.Array) else []),
                                    free, pikepdf.Array([width])])
    copy = pikepdf.Dictionary({k: v for k, v in font.items()
                               if k not in ("/DescendantFonts", "/Encoding")})
    copy.DescendantFonts = pikepdf.Array([pdf.make_indirect(new_cid_font)])
    copy.Encoding = _cmap(pdf, cid_font, free, vertical=str(font.Encoding) == "/Identity-V")
    return pdf.make_indirect(copy)


def _cid_width(cid_font: pikepdf.Dictionary, cid: int) -> float | None:
    """The width /W (else /DW) gives ``cid``."""
    widths = cid_font.get("/W")
    items = list(widths) if isinstance(widths, pikepdf.Array) else []
    index = 0
    try:
        while index < len(items):
            first = int(items[index])
            following = items[index + 1]
            if isinstance(following, pikepdf.Array):
                if first <= cid < first + len(following):
                    return float(following[cid - first])
                index += 2
            else:
                if first <= cid <= int(following):
                    return float(items[index + 2])
                index += 3
        return float(cid_font.get("/DW", 1000))
    except (IndexError, TypeError, ValueError):
        return None


def _with_copy_of_notdef(fonts: CFFFontSet, top: TopDict, cid: int) -> bytes:
    notdef: T2CharString = top.CharStrings[".notdef"]
    copy = T2CharString(program=list(notdef.program), private=notdef.private,
                        globalSubrs=notdef.globalSubrs)
    if hasattr(notdef, "fdSelectIndex"):
        copy.fdSelectIndex = notdef.fdSelectIndex
    name = f"cid{cid:05d}"
    strings = top.CharStrings
    if strings.charStringsAreIndexed:
        strings.charStringsIndex.append(copy)
        strings.charStrings[name] = len(strings.charStringsIndex) - 1
    else:
        strings.charStrings[name] = copy
    top.charset.append(name)
    select = getattr(top, "FDSelect", None)
    if select is not None:
        select.gidArray.append(select.gidArray[0])
    top.CIDCount = max(int(getattr(top, "CIDCount", 8720)), cid + 1)
    out = io.BytesIO()
    # Only a TrueType/OpenType container is read for these; the bounding box stays.
    fonts.compile(out, SimpleNamespace(recalcBBoxes=False))
    return out.getvalue()


def _cmap(
    pdf: pikepdf.Pdf, cid_font: pikepdf.Dictionary, cid: int, *, vertical: bool
) -> pikepdf.Stream:
    """An embedded CMap: two-byte codes, each its own CID, but code 0 -> ``cid``."""
    info = cid_font.get("/CIDSystemInfo")
    registry = str(info.get("/Registry", "Adobe")) if isinstance(info, pikepdf.Dictionary) \
        else "Adobe"
    ordering = str(info.get("/Ordering", "Identity")) if isinstance(
        info, pikepdf.Dictionary) else "Identity"
    supplement = int(info.get("/Supplement", 0)) if isinstance(info, pikepdf.Dictionary) else 0
    name = f"{registry}-{ordering}-{'V' if vertical else 'H'}-BlankNotdef"
    text = "\n".join([
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        f"/CIDSystemInfo << /Registry ({registry}) /Ordering ({ordering}) "
        f"/Supplement {supplement} >> def",
        f"/CMapName /{name} def",
        "/CMapType 1 def",
        f"/WMode {1 if vertical else 0} def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
        "1 begincidrange",
        "<0001> <FFFF> 1",
        "endcidrange",
        "1 begincidchar",
        f"<0000> {cid}",
        "endcidchar",
        "endcmap",
        "CMapName currentdict /CMap defineresource pop",
        "end",
        "end",
    ]).encode()
    stream = pdf.make_stream(text)
    stream.Type = pikepdf.Name.CMap
    stream.CMapName = pikepdf.Name("/" + name)
    stream.CIDSystemInfo = pikepdf.Dictionary(
        Registry=pikepdf.String(registry), Ordering=pikepdf.String(ordering),
        Supplement=supplement)
    stream.WMode = 1 if vertical else 0
    return stream


def _draw_the_same(
    fonts: list[tuple[pikepdf.Dictionary, pikepdf.Dictionary, set[int]]],
) -> list[bool]:
    """For each (old, new, shown): does pdfium draw the codes ``shown`` (one after another,
    so advances count) to the same pixels, and read them as the same text, with ``new`` as
    with ``old``? All in one probe document: a page per font and version."""
    if not fonts:
        return []
    probe = pikepdf.new()
    for old, new, shown in fonts:
        codes = sorted(shown)
        lines = [b"".join(code.to_bytes(2, "big") for code in codes[i:i + _PER_LINE])
                 for i in range(0, len(codes), _PER_LINE)]
        height = len(lines) * _SIZE * 1.5 + 20
        width = _PER_LINE * _SIZE * 1.5 + 20
        for font in (old, new):
            probe.add_blank_page(page_size=(width, height))
            page = probe.pages[-1]
            page.obj.Resources = pikepdf.Dictionary(
                Font=pikepdf.Dictionary(F1=probe.copy_foreign(font)))
            page.obj.Contents = probe.make_stream("\n".join(
                f"BT /F1 {_SIZE} Tf 10 {height - (row + 1) * _SIZE * 1.5:.2f} Td "
                f"<{line.hex()}> Tj ET" for row, line in enumerate(lines)).encode())
    buffer = io.BytesIO()
    probe.save(buffer, compress_streams=False)  # read by pdfium only, once
    document = pdfium.PdfDocument(buffer.getvalue())
    try:
        drawn = [drawn_page(document, index) for index in range(len(probe.pages))]
    finally:
        document.close()
    return [drawn[2 * k] == drawn[2 * k + 1] for k in range(len(fonts))]
