"""The text drawn in the glyph ids of a composite font not embedded, read as its glyphs say.

Such a font's codes are the glyph ids of a TrueType font the file names but does not embed
(:mod:`..glyph_names.glyph_ids`): pdfium reads each code as the character of its number
("QHSDV" for "nepas", U+0003 for a space), and the layout reader reads the glyphs by
TrueType's standard order. The tagged output says that text as the ``/ActualText`` of the
elements drawing it (:mod:`.logical_text`), not in a /ToUnicode: pdfium draws a font not
embedded with a substitute whose glyphs it picks by the text the codes read as, so a
/ToUnicode would change the page's pixels ("(voir" drawn where the source, in pdfium,
draws "(xqkt"). The font keeps codes no Unicode mapping reads (reported: ``fonts-unicode``).

This reads a page's marked content as the elements' /ActualText must say it: the text of
each text object set in such a font read glyph by glyph, the rest as pdfium reads it. The
tagger reads it to give the /ActualText, the fidelity check (:mod:`.checks`) to hold each
/ActualText to what is drawn.
"""

from __future__ import annotations

import ctypes
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as c

from ..glyph_names.glyph_ids import glyph_id_text
from ..layout.glyphs import page_chars
from .mcid_text import MAX_CHARS, object_changes, runs_by_mcid

#: A font's /BaseFont (as pdfium names it) -> pdfium's character for each of its codes (the
#: code itself) -> the character its glyph is.
ReadAs = dict[str, dict[str, str]]


@dataclass
class GlyphIdFonts:
    """A document's composite fonts whose codes are the glyph ids of a font not embedded."""

    read_as: ReadAs = field(default_factory=dict)
    #: The pages (0-based) that draw with one of them (in their resources, forms or
    #: annotation appearances).
    pages: set[int] = field(default_factory=set)

    def collect(self, page_fonts: list[list[pikepdf.Dictionary]]) -> None:
        """Note the composite fonts of ``page_fonts`` (per page, the indirect fonts it draws
        with) whose codes are such glyph ids, and the pages drawing with them."""
        glyph_ids: dict[tuple[int, int], bool] = {}  # objgen -> whether its codes are such
        for index, fonts in enumerate(page_fonts):
            for font in fonts:
                if font.get("/Subtype") != pikepdf.Name.Type0:
                    continue
                known = glyph_ids.get(font.objgen)
                if known is None:
                    glyph_ids[font.objgen] = self.add(index, font)
                elif known:
                    self.pages.add(index)

    def add(self, page: int, font: pikepdf.Dictionary) -> bool:
        """Note ``font``, reached from ``page``, if its codes are such glyph ids."""
        chars = font_read_as(font)
        if not chars:
            return False
        self.read_as[base_font_name(font)] = chars
        self.pages.add(page)
        return True


def font_read_as(font: pikepdf.Dictionary) -> dict[str, str]:
    """pdfium's character for each code of ``font`` (the code itself) -> the character its
    glyph is, where its codes are glyph ids of a font not embedded; else empty."""
    return {chr(code): char for code, char in glyph_id_text(font).items()}


def base_font_name(font: pikepdf.Dictionary) -> str:
    """The font's /BaseFont as pdfium gives it (subset tag and all)."""
    return str(font.get("/BaseFont", "")).lstrip("/")


def glyph_id_texts(page: pdfium.PdfPage, read_as: ReadAs) -> dict[int, str]:
    """MCID -> the text of that marked content on the loaded ``page`` with the text objects
    set in a font of ``read_as`` (and not embedded: its embedded subsets of the same name
    read by their own /ToUnicode) read glyph by glyph; only the MCIDs that draw such text.
    (A colour emoji's text, which pdfium's text page skips, is not in it: such an element's
    /ActualText is held to the text read here, and would fail the check.)"""
    if not read_as:
        return {}
    translations = {name: str.maketrans(chars) for name, chars in read_as.items()}
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        count = min(c.FPDFText_CountChars(raw), MAX_CHARS)
        if count <= 0:
            return {}
        starts, addresses = object_changes(ctypes.cast(raw, ctypes.c_void_p).value or 0, count)
        tables = {address: table for address in set(addresses) if address
                  if (table := _table_of(address, translations)) is not None}
        if not tables:
            return {}
        chars = list(page_chars(raw, count))
        for k, (start, address) in enumerate(zip(starts, addresses, strict=True)):
            table = tables.get(address)
            if table is None:
                continue
            for i in range(start, starts[k + 1] if k + 1 < len(starts) else count):
                # A space pdfium adds between words can take the text object of the glyph
                # before it: a space, not the code 32 the font's glyph ids would read ("=").
                if c.FPDFText_IsGenerated(raw, i) != 1:
                    chars[i] = chars[i].translate(table)
        read_by_ids = set(tables)
        return {mcid: "".join(text for _, text in runs)
                for mcid, runs in runs_by_mcid(page, raw, count, starts, addresses,
                                                chars).items()
                if any(address in read_by_ids for address, _ in runs)}
    finally:
        textpage.close()


def _table_of(address: int, translations: Mapping[str, dict[int, str]]) -> dict[int, str] | None:
    """The translation of the text object at ``address``, if it is set in a font of
    ``translations`` (by name) that is not embedded."""
    font: Any = c.FPDFTextObj_GetFont(ctypes.cast(address, c.FPDF_PAGEOBJECT))
    if not font or c.FPDFFont_GetIsEmbedded(font):
        return None
    buffer = ctypes.create_string_buffer(256)
    length = c.FPDFFont_GetBaseFontName(font, buffer, 256)
    name = buffer.raw[:max(0, min(length, 256) - 1)].decode("latin-1", "replace")
    return translations.get(name)
