"""Every glyph of a WeasyPrint PDF maps to some text: none reads as a stray letter.

Where shaping draws one cluster of characters with several glyphs (Devanagari "हि" is the
vowel sign's glyph drawn before the consonant's; a conjunct's half forms; a base letter and
a mark the font does not compose), WeasyPrint gives the cluster's text to one glyph and an
empty string to the others in the font's ToUnicode map (``<025f> <>``). pdfium — Chrome's
viewer, and our read-back checks — takes an empty entry for none and reads the glyph's
number as a character instead: "हिन्दी" comes out as "ɟहिन्दी", and a screen reader
reading through it says the stray "ɟ". Such a glyph maps here to U+2060 WORD JOINER: no
text, no break, ignored by speech and search; the cluster's text stays with its glyph.

>>> fill_empty_entries(b"2 beginbfchar <025f> <> <003d> <0939093f> endbfchar")
b'2 beginbfchar <025f> <2060> <003d> <0939093f> endbfchar'
"""

from __future__ import annotations

import io
import re

import pikepdf

#: Invisible, and joins rather than parts the characters around it.
WORD_JOINER = b"<2060>"
#: A bfchar entry (``<code> <text>``) whose text is empty.
_EMPTY_ENTRY = re.compile(rb"(<[0-9A-Fa-f]+>\s*)<>")


def fill_empty_entries(cmap: bytes) -> bytes:
    """The ToUnicode CMap with each empty destination replaced by the word joiner."""
    return _EMPTY_ENTRY.sub(rb"\1" + WORD_JOINER, cmap)


def without_empty_unicode(pdf: bytes) -> bytes:
    """``pdf`` with no glyph mapped to empty text (unchanged, same bytes, when none is)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        changed = False
        for font in _fonts(document):
            stream = font.get("/ToUnicode")
            if not isinstance(stream, pikepdf.Stream):
                continue
            cmap = stream.read_bytes()
            filled = fill_empty_entries(cmap)
            if filled != cmap:
                stream.write(filled)  # compressed again on save
                changed = True
        if not changed:
            return pdf
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()


def _fonts(document: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every font dictionary of the file, once each."""
    return [
        obj for obj in document.objects
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == pikepdf.Name.Font
    ]
