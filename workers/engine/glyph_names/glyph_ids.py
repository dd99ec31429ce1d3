"""Which character a font's codes say where they are the glyph ids of a font not embedded.

A composite font over a TrueType font (/Type0 over /CIDFontType2), encoded /Identity-H with no
/CIDToGIDMap, selects glyphs by their ids in the font program: its codes are glyph ids. With
no /ToUnicode and no program embedded, nothing in the file says which character a glyph is,
and pdfium reads the code itself ("QHSDV" for "nepas"; U+0003 for a space). Office writers
leave such fonts when the system's own font is named but not embedded ("TimesNewRoman").
Those system fonts set their first 258 glyphs in the Macintosh standard order of TrueType's
'post' table (glyph 3 the space, 36 "A", 68 "a", 112 "é"), which says each glyph's name.

The order is only trusted where the font's widths (/W) agree with it: the ten figures, glyphs
19 to 28, all of one width (text faces set figures to one width, for columns of figures), the
space narrower than "A". A font not so ordered gives widths by other glyphs at those ids.
"""

from __future__ import annotations

import pikepdf
from fontTools.ttLib.standardGlyphOrder import standardGlyphOrder

from ..pdf_entries import entry_of, name_entry

#: The glyph id of the space in the standard order (pdfium reads it as U+0003).
SPACE_ID = 3
#: The glyph ids of the figures 0 to 9 and of "A" in the standard order.
FIGURE_IDS = range(19, 29)
CAPITAL_A_ID = 36
#: Glyph ids past the standard order's 258 name nothing known.
ORDERED_IDS = len(standardGlyphOrder)


def glyph_id_text(font: pikepdf.Dictionary) -> dict[int, str]:
    """Code -> character for a composite font whose codes are the glyph ids of a TrueType
    font not embedded (see the module's note); empty for any other font, or where its
    widths do not bear the standard order out."""
    if (
        name_entry(font, "/Subtype") != "/Type0"
        or name_entry(font, "/Encoding") not in ("/Identity-H", "/Identity-V")
        or "/ToUnicode" in font
    ):
        return {}
    descendants = entry_of(font, "/DescendantFonts")
    if not isinstance(descendants, pikepdf.Array) or len(descendants) != 1:
        return {}
    cid_font = descendants[0]
    if not isinstance(cid_font, pikepdf.Dictionary) or name_entry(
        cid_font, "/Subtype"
    ) != "/CIDFontType2":
        return {}
    gid_map = entry_of(cid_font, "/CIDToGIDMap")
    if gid_map is not None and name_entry(cid_font, "/CIDToGIDMap") != "/Identity":
        return {}
    descriptor = entry_of(cid_font, "/FontDescriptor")
    if not isinstance(descriptor, pikepdf.Dictionary) or any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
    ):
        return {}  # (embedded: the program's own tables say what its glyphs are)
    widths = _widths(entry_of(cid_font, "/W"))
    figures = {widths.get(gid) for gid in FIGURE_IDS}
    space, capital = widths.get(SPACE_ID), widths.get(CAPITAL_A_ID)
    if None in figures or len(figures) != 1 or space is None or capital is None or not (
        0 < space < capital
    ):
        return {}
    from . import name_text  # (the package's reading of a name, which imports this module)

    out: dict[int, str] = {}
    for gid in range(SPACE_ID, ORDERED_IDS):
        text = name_text(standardGlyphOrder[gid])
        if text is not None and len(text) == 1:
            out[gid] = text
    return out


#: Glyph ids read from a /W array at most (the standard order's are the first 258).
_MAX_WIDTH_IDS = 4096


def _widths(array: object) -> dict[int, float]:
    """Glyph id -> width of a CID font's /W array (``c [w1 w2 …]`` and ``c1 c2 w`` entries),
    for the ids below :data:`_MAX_WIDTH_IDS`; empty when it is no array."""
    if not isinstance(array, pikepdf.Array):
        return {}
    items = list(array)
    out: dict[int, float] = {}
    k = 0
    while k + 1 < len(items):
        first, second = items[k], items[k + 1]
        try:
            start = int(first)
        except (TypeError, ValueError):
            break
        if isinstance(second, pikepdf.Array):
            for offset, each in enumerate(second):
                if start + offset < _MAX_WIDTH_IDS:
                    out[start + offset] = float(each)
            k += 2
        elif k + 2 < len(items):
            try:
                end, same = int(second), float(items[k + 2])
            except (TypeError, ValueError):
                break
            for gid in range(start, min(end, _MAX_WIDTH_IDS - 1) + 1):
                out[gid] = same
            k += 3
        else:
            break
    return out
