"""Symbolic TrueType fonts that carry an /Encoding they do not draw by.

Some producers embed a subset TrueType font flagged symbolic, whose program picks glyphs by
code (a (3,0) or (1,0) cmap, no glyph names), and still write an /Encoding with /Differences
naming what each code is ("C", "a", "n"…). A viewer draws by the codes; the names only say
which character each code shows. PDF/UA-1 forbids the /Encoding on a symbolic TrueType font
(veraPDF 7.21.6-3). The repair keeps the meaning and drops the entry: the names become a
/ToUnicode (only names of the Adobe Glyph List, so each says one character), and the change is
kept only where pdfium draws every page using the font to the same pixels and reads the same
text, as it did before. A name outside that list (Wingdings' ``onesansinv``, ``head2left``)
says no character to a reader (ISO 32000-1 9.10.2), before as after: its code is given no
/ToUnicode entry — not the base encoding's character either, which the name replaced — so
nothing is invented, and the entry is still dropped.
"""

from __future__ import annotations

import io

import pikepdf
import pypdfium2 as pdfium
from fontTools.agl import LEGACY_AGL2UV
from fontTools.ttLib import TTFont

from ..pdf_entries import entry_of
from .checks import pages_drawn_differently
from .drawn_encoding import to_unicode_cmap
from .fonts import display_name, page_roots, reachable_fonts

_SYMBOLIC = 4
#: (platform, encoding) of the cmaps that let a program be looked up by code: Microsoft
#: Symbol, or Macintosh Roman.
_BY_CODE = {(3, 0), (1, 0)}


def drop_symbolic_encodings(
    pdf: pikepdf.Pdf,
    source: pdfium.PdfDocument,
    page_fonts: list[list[pikepdf.Dictionary]] | None = None,
) -> list[str]:
    """Repair the fonts described above in ``pdf`` (``source``: the document as it was);
    the names of the fonts repaired. ``page_fonts``: per page, the indirect fonts it draws
    with, when the caller has them."""
    fonts_by_page = page_fonts if page_fonts is not None else [
        [f for f in reachable_fonts(page_roots(page)) if f.is_indirect] for page in pdf.pages
    ]
    candidates = {
        f.objgen: f for fonts in fonts_by_page for f in fonts if _repairable(f)
    }
    if not candidates:
        return []
    saved = {key: (font.Encoding, font.get("/ToUnicode")) for key, font in candidates.items()}
    for font in candidates.values():
        font[pikepdf.Name.ToUnicode] = pdf.make_stream(to_unicode_cmap(_named_text(font) or {}))
        del font[pikepdf.Name.Encoding]
    pages = [i for i, fonts in enumerate(fonts_by_page)
             if any(f.objgen in candidates for f in fonts)]
    if pages_drawn_differently(pdf, source, pages, text=True):
        for key, font in candidates.items():
            encoding, to_unicode = saved[key]
            font[pikepdf.Name.Encoding] = encoding
            if to_unicode is None:
                del font[pikepdf.Name.ToUnicode]
        return []
    return sorted({display_name(f) for f in candidates.values()})


def _repairable(font: pikepdf.Dictionary) -> bool:
    descriptor = entry_of(font, "/FontDescriptor")
    encoding = entry_of(font, "/Encoding")
    if entry_of(font, "/Subtype") != "/TrueType" or "/ToUnicode" in font or not isinstance(
        descriptor, pikepdf.Dictionary
    ) or encoding is None:
        return False
    flags = entry_of(descriptor, "/Flags", 0)
    program = entry_of(descriptor, "/FontFile2")
    if not isinstance(flags, int) or not flags & _SYMBOLIC or not isinstance(
        program, pikepdf.Stream
    ):
        return False
    if not isinstance(encoding, pikepdf.Dictionary) or "/BaseEncoding" in encoding and (
        encoding.BaseEncoding != "/WinAnsiEncoding"
    ):
        return False
    if _named_text(font) is None:
        return False
    try:
        cmaps = {(t.platformID, t.platEncID) for t in TTFont(
            io.BytesIO(program.read_bytes()), lazy=True)["cmap"].tables}
    except Exception:  # noqa: BLE001 - fontTools raises many kinds on a bad program
        return False
    return bool(cmaps & _BY_CODE)


def _named_text(font: pikepdf.Dictionary) -> dict[int, str] | None:
    """Code -> character, from the names of the font's /Differences over its base encoding
    (a code whose name says no character has none); None without /Differences."""
    encoding = font.get("/Encoding")
    differences = encoding.get("/Differences") if isinstance(encoding, pikepdf.Dictionary) \
        else None
    if not isinstance(differences, pikepdf.Array):
        return None
    out: dict[int, str] = {}
    if isinstance(encoding, pikepdf.Dictionary) and encoding.get("/BaseEncoding") == (
        "/WinAnsiEncoding"
    ):
        # Codes the differences leave alone mean what WinAnsiEncoding (code page 1252) says.
        for base in range(0x20, 0x100):
            try:
                char = bytes([base]).decode("cp1252")
            except UnicodeDecodeError:
                continue
            if char.isprintable():
                out[base] = char
    code = 0
    for item in differences:
        if isinstance(item, int):
            code = int(item)
            continue
        name = str(item)[1:]
        if name == ".notdef":
            out.pop(code, None)  # no glyph here, whatever the base encoding says
            code += 1
            continue
        value = LEGACY_AGL2UV.get(name)
        # A few names stand for one character encoded twice (Delta: U+2206 or U+0394).
        char = value[0] if isinstance(value, list | tuple) and value else value
        if char is None:
            out.pop(code, None)  # the name replaced the base encoding's character
        elif 0 <= code < 256:
            out[code] = chr(char)
        code += 1
    return out
