"""Small font programs for tests: CFF glyphs drawn as boxes of chosen heights and advances,
and the tables every small TrueType program a test builds needs."""

from __future__ import annotations

import io

from fontTools.fontBuilder import FontBuilder
from fontTools.misc.psCharStrings import T2CharString
from fontTools.pens.t2CharStringPen import T2CharStringPen


def box_program(heights: dict[str, int], *, advance: float = 600, width: int = 600) -> bytes:
    """A CFF program ("BoxFont") whose glyphs are boxes 500 units wide as high as
    ``heights`` says (0: no outline; ".notdef" first, with no outline unless given), each
    but ".notdef" mapped from its name's character; they advance ``advance`` in their
    charstrings and ``width`` in the font's metrics."""
    glyphs = {".notdef": heights.get(".notdef", 0)} | heights
    builder = FontBuilder(1000, isTTF=False)
    builder.setupGlyphOrder(list(glyphs))
    builder.setupCharacterMap({ord(name): name for name in glyphs if name != ".notdef"})
    strings: dict[str, T2CharString] = {}
    for name, height in glyphs.items():
        pen = T2CharStringPen(advance, None)
        if height:
            pen.moveTo((50, 0))
            pen.lineTo((550, 0))
            pen.lineTo((550, height))
            pen.lineTo((50, height))
            pen.closePath()
        strings[name] = pen.getCharString()
    builder.setupCFF("BoxFont", {"FullName": "BoxFont"}, strings, {})
    builder.setupHorizontalMetrics({name: (width, 50) for name in strings})
    builder.setupHorizontalHeader()
    builder.setupMaxp()
    builder.setupPost()
    builder.setupNameTable({"familyName": "BoxFont", "styleName": "Regular"})
    builder.setupOS2()
    out = io.BytesIO()
    builder.font["CFF "].cff.compile(out, builder.font)
    return out.getvalue()


def truetype_bytes(builder: FontBuilder, family: str) -> bytes:
    """The TrueType program ``builder`` holds (its glyphs, character map and horizontal
    metrics set), finished with the tables every font needs (ascent 800, descent -200, the
    family ``family`` in its regular style)."""
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupMaxp()
    builder.setupPost()
    builder.setupNameTable({"familyName": family, "styleName": "Regular"})
    builder.setupOS2()
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()
