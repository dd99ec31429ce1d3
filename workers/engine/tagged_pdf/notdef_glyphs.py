"""CID fonts whose text shows CID 0, the .notdef glyph, as a blank.

Some producers (InDesign's CID subsets) draw a character the font lacks — often a special
space — with CID 0, the glyph every CID font keeps for "no glyph", give it the width of a
space and map its code to U+0020 in /ToUnicode. WeasyPrint, for a character no installed font
has (an emoji), writes a code its embedded CMap sends to CID 0, with the character in
/ToUnicode; its TrueType subsets' .notdef has no outline, so nothing is drawn. Where that
glyph draws nothing the page looks as the producer drew it, but PDF/UA-1 forbids any reference
to .notdef (veraPDF 7.21.8-1: another viewer may draw .notdef as a box).

The repair gives those codes a glyph of their own: a copy of the blank .notdef under a CID
no text shows — in a CID-keyed CFF program its charstring, unchanged; in a TrueType program
(CID = glyph index) a glyph with no outline after the last, advancing by the width /W gives
CID 0; an embedded CMap maps every code to the CID it had (Identity, or the source's CMap)
except the codes that selected CID 0, which now select the copy, and /W gives the copy the
width CID 0 had. Nothing drawn changes (a probe of the font's codes, old against new, must
render and read the same); /ToUnicode is by code, so the text read stays what it was. Only a
.notdef that draws nothing is copied: one drawing a box is what the page shows, and left as it
is. And only where /ToUnicode reads every code shown with it as a character: Chromium draws a
character no font had with code 0 and reads it as none; copied, its glyph would fail 7.21.7-1
with nothing left to report it (:mod:`.fonts` reports text drawn with .notdef).
"""

from __future__ import annotations

import io
import re
import sys
from array import array
from dataclasses import dataclass
from types import SimpleNamespace

import pikepdf
import pypdfium2 as pdfium
from fontTools.cffLib import CFFFontSet, TopDict
from fontTools.misc.psCharStrings import T2CharString
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables._g_l_y_f import Glyph

from .checks import drawn_page
from .font_usage import CodesUsed
from .fonts import _descendant, display_name, maps_codes

#: Type 2 operators that draw nothing (hints, and the end): a charstring of only these is blank.
_BLANK_OPERATORS = frozenset({"endchar", "hstem", "vstem", "hstemhm", "vstemhm", "hintmask",
                              "cntrmask"})
_IDENTITY = frozenset({"/Identity-H", "/Identity-V"})
#: The code an Identity encoding sends to CID 0.
_NOTDEF_CODE = b"\0\0"
#: Highest CID an Identity CMap reaches (two-byte codes).
_LAST_CID = 0xFFFF
#: An embedded CMap read here: two-byte codes mapped to CIDs by cidchar and cidrange.
_CODESPACE = re.compile(rb"begincodespacerange\s*<0000>\s*<[Ff]{4}>\s*endcodespacerange")
_CIDCHAR = re.compile(rb"begincidchar(.*?)endcidchar", re.S)
_CIDRANGE = re.compile(rb"begincidrange(.*?)endcidrange", re.S)
_CHAR_ENTRY = re.compile(rb"<([0-9A-Fa-f]{4})>\s*(\d+)")
_RANGE_ENTRY = re.compile(rb"<([0-9A-Fa-f]{4})>\s*<([0-9A-Fa-f]{4})>\s*(\d+)")
#: Entries per cidchar block a CMap may hold (Adobe TN 5014: at most 100).
_PER_BLOCK = 100
#: Probe: codes per line and text size (points).
_PER_LINE = 16
_SIZE = 24


@dataclass
class _Found:
    """A Type 0 font whose .notdef draws nothing: its program, read, and how its codes
    select CIDs (None: Identity; else the source's embedded CMap, code -> CID)."""

    cff: tuple[CFFFontSet, TopDict] | None
    truetype: TTFont | None
    cids: dict[int, int] | None
    vertical: bool

    def cid(self, code: int) -> int:
        # A code an embedded CMap does not list selects CID 0 (ISO 32000-1 9.7.6.3).
        return code if self.cids is None else self.cids.get(code, 0)


def give_notdef_a_blank_glyph(
    pdf: pikepdf.Pdf, page_fonts: list[list[pikepdf.Dictionary]]
) -> list[str]:
    """Repair the fonts described above among ``page_fonts`` (per page, the indirect fonts
    it draws with); the names of the fonts repaired."""
    unique = {font.objgen: font for fonts in page_fonts for font in fonts}
    programs = {key: found for key, font in unique.items()
                if (found := _blank_notdef(font)) is not None}
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
        notdef = {code.to_bytes(2, "big") for code in shown if found.cid(code) == 0}
        # Each code shown with .notdef must read as a character: one that reads as none is
        # a character the source lost (Chromium's, for a character no font had), reported.
        if notdef and maps_codes(unique[key], notdef) and (
            repaired := _repaired(pdf, unique[key], found, shown)
        ) is not None:
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


def _blank_notdef(font: pikepdf.Dictionary) -> _Found | None:
    """What :class:`_Found` says of a Type 0 font whose .notdef draws nothing and whose codes
    (Identity, or an embedded CMap of two-byte codes) may select it; None for any other."""
    if font.get("/Subtype") != "/Type0":
        return None
    encoding = font.get("/Encoding")
    if str(encoding) in _IDENTITY:
        # Code 0 draws .notdef: a producer drawing a character with it maps its code in
        # /ToUnicode (fonts that do not are not read further: their text lacks it).
        if not maps_codes(font, {_NOTDEF_CODE}):
            return None
        cids, vertical = None, str(encoding) == "/Identity-V"
    elif isinstance(encoding, pikepdf.Stream):
        read = _embedded_cmap(encoding)
        if read is None or 0 not in read[0].values():
            return None
        cids, vertical = read
    else:
        return None
    cid_font = _descendant(font)
    descriptor = cid_font.get("/FontDescriptor") if cid_font is not None else None
    if cid_font is None or not isinstance(descriptor, pikepdf.Dictionary):
        return None
    if cid_font.get("/Subtype") == "/CIDFontType0":
        program = descriptor.get("/FontFile3")
        if not isinstance(program, pikepdf.Stream) or program.get("/Subtype") != \
                "/CIDFontType0C":
            return None
        cff = _blank_cff(program)
        return _Found(cff, None, cids, vertical) if cff is not None else None
    if cid_font.get("/Subtype") == "/CIDFontType2":
        program = descriptor.get("/FontFile2")
        # CID = glyph index: only then is the copy's CID the glyph index it is added at.
        if not isinstance(program, pikepdf.Stream) or cid_font.get(
                "/CIDToGIDMap", pikepdf.Name.Identity) != pikepdf.Name.Identity:
            return None
        truetype = _blank_truetype(program)
        return _Found(None, truetype, cids, vertical) if truetype is not None else None
    return None


def _embedded_cmap(stream: pikepdf.Stream) -> tuple[dict[int, int], bool] | None:
    """Code -> CID of an embedded CMap of two-byte codes (cidchar and cidrange entries
    only), and whether it is vertical; None for any other CMap."""
    try:
        data = stream.read_bytes()
    except pikepdf.PdfError:
        return None
    if b"usecmap" in data or b"notdef" in data or len(_CODESPACE.findall(data)) != 1 or \
            b"begincodespacerange" in _CODESPACE.sub(b"", data):
        return None
    cids: dict[int, int] = {}
    for block in _CIDCHAR.findall(data):
        if _CHAR_ENTRY.sub(b"", block).strip():
            return None
        for code, cid in _CHAR_ENTRY.findall(block):
            cids[int(code, 16)] = int(cid)
    for block in _CIDRANGE.findall(data):
        if _RANGE_ENTRY.sub(b"", block).strip():
            return None
        for low, high, cid in _RANGE_ENTRY.findall(block):
            for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                cids[code] = int(cid) + offset
    if not cids or max(cids.values()) > _LAST_CID:
        return None
    mode = stream.get("/WMode", 0)
    return cids, (isinstance(mode, int) and int(mode) == 1) or b"/WMode 1" in data


def _blank_cff(program: pikepdf.Stream) -> tuple[CFFFontSet, TopDict] | None:
    """A CID-keyed CFF program whose .notdef charstring draws nothing, read; else None."""
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


def _blank_truetype(program: pikepdf.Stream) -> TTFont | None:
    """A TrueType program whose glyph 0 (.notdef) has no outline, read; else None."""
    try:
        font = TTFont(io.BytesIO(program.read_bytes()))
        if "glyf" not in font or "CFF " in font:
            return None
        notdef = font["glyf"][font.getGlyphOrder()[0]]
    except Exception:  # noqa: BLE001 - fontTools raises many kinds on a damaged program
        return None
    return font if notdef.numberOfContours == 0 else None


def _repaired(
    pdf: pikepdf.Pdf, font: pikepdf.Dictionary, found: _Found, shown: set[int],
) -> pikepdf.Dictionary | None:
    """A copy of ``font`` whose codes that selected CID 0 select a blank glyph of its own
    (see above); ``shown``: the codes its text shows."""
    cid_font = _descendant(font)
    if cid_font is None:
        return None
    width = _cid_width(cid_font, 0)
    used = {found.cid(code) for code in shown}
    if width is None:
        return None
    try:
        if found.cff is not None:
            fonts, top = found.cff
            present = {int(name[3:]) for name in top.charset if name.startswith("cid")}
            free = next((cid for cid in range(1, _LAST_CID + 1)
                         if cid not in present and cid not in used), None)
            if free is None:
                return None
            program, key = _with_copy_of_notdef(fonts, top, free), "/FontFile3"
        elif found.truetype is not None:
            free = found.truetype["maxp"].numGlyphs
            if free > _LAST_CID or free in used:
                return None
            program, key = _with_blank_glyph(found.truetype, width), "/FontFile2"
        else:
            return None
    except Exception:  # noqa: BLE001 - fontTools raises many kinds on a damaged program
        return None
    descriptor = pikepdf.Dictionary({k: v for k, v in cid_font.FontDescriptor.items()
                                     if k not in (key, "/CIDSet")})
    stream = pdf.make_stream(program)
    if key == "/FontFile3":
        stream.Subtype = pikepdf.Name.CIDFontType0C
    else:
        stream.Length1 = len(program)
    descriptor[key] = stream
    new_cid_font = pikepdf.Dictionary({k: v for k, v in cid_font.items()
                                       if k not in ("/FontDescriptor", "/W")})
    new_cid_font.FontDescriptor = descriptor
    widths = cid_font.get("/W")
    new_cid_font.W = pikepdf.Array([*(widths if isinstance(widths, pikepdf.Array) else []),
                                    free, pikepdf.Array([width])])
    copy = pikepdf.Dictionary({k: v for k, v in font.items()
                               if k not in ("/DescendantFonts", "/Encoding")})
    copy.DescendantFonts = pikepdf.Array([pdf.make_indirect(new_cid_font)])
    copy.Encoding = _cmap(pdf, cid_font, free, found, shown)
    return pdf.make_indirect(copy)


def _with_blank_glyph(font: TTFont, width: float) -> bytes:
    """``font`` with a glyph of no outline added after the last, advancing ``width``
    (thousandths of an em)."""
    order = font.getGlyphOrder()
    name = next(f"notdef.blank{n or ''}" for n in range(len(order) + 1)
                if f"notdef.blank{n or ''}" not in order)
    glyf = font["glyf"]
    glyf.glyphs[name] = Glyph()
    glyf.glyphOrder = [*order, name]
    font.setGlyphOrder([*order, name])
    font["hmtx"].metrics[name] = (round(width * font["head"].unitsPerEm / 1000), 0)
    font["maxp"].numGlyphs = len(order) + 1
    if "vmtx" in font:
        font["vmtx"].metrics[name] = font["vmtx"].metrics[order[0]]
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


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
    pdf: pikepdf.Pdf, cid_font: pikepdf.Dictionary, cid: int, found: _Found, shown: set[int]
) -> pikepdf.Stream:
    """An embedded CMap of two-byte codes: each code selects the CID it did (Identity, or the
    source's CMap ``found.cids``), but the codes that selected CID 0 select ``cid``."""
    info = cid_font.get("/CIDSystemInfo")
    registry = str(info.get("/Registry", "Adobe")) if isinstance(info, pikepdf.Dictionary) \
        else "Adobe"
    ordering = str(info.get("/Ordering", "Identity")) if isinstance(
        info, pikepdf.Dictionary) else "Identity"
    supplement = int(info.get("/Supplement", 0)) if isinstance(info, pikepdf.Dictionary) else 0
    vertical = found.vertical
    name = f"{registry}-{ordering}-{'V' if vertical else 'H'}-BlankNotdef"
    if found.cids is None:
        ranges, chars = [(1, _LAST_CID, 1)], [(0, cid)]
    else:
        mapping = dict(found.cids)
        mapping.update({code: cid for code in shown if found.cid(code) == 0})
        mapping.update({code: cid for code, was in found.cids.items() if was == 0})
        ranges, chars = _runs(mapping)
    body: list[str] = []
    for at in range(0, len(ranges), _PER_BLOCK):
        block = ranges[at:at + _PER_BLOCK]
        body += [f"{len(block)} begincidrange",
                 *(f"<{low:04X}> <{high:04X}> {first}" for low, high, first in block),
                 "endcidrange"]
    for at in range(0, len(chars), _PER_BLOCK):
        entries = chars[at:at + _PER_BLOCK]
        body += [f"{len(entries)} begincidchar",
                 *(f"<{code:04X}> {value}" for code, value in entries), "endcidchar"]
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
        *body,
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


def _runs(mapping: dict[int, int]) -> tuple[list[tuple[int, int, int]], list[tuple[int, int]]]:
    """``mapping`` (code -> CID) as cidranges (codes and CIDs both rising by one, three codes
    or more) and cidchars (the rest), each by code."""
    ranges: list[tuple[int, int, int]] = []
    chars: list[tuple[int, int]] = []
    codes = sorted(mapping)
    at = 0
    while at < len(codes):
        end = at
        while end + 1 < len(codes) and codes[end + 1] == codes[end] + 1 and \
                mapping[codes[end + 1]] == mapping[codes[end]] + 1:
            end += 1
        if end - at >= 2:
            ranges.append((codes[at], codes[end], mapping[codes[at]]))
        else:
            chars.extend((code, mapping[code]) for code in codes[at:end + 1])
        at = end + 1
    return ranges, chars


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
