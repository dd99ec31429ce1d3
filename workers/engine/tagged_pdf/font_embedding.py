"""Embed the font programs a renderer already draws the source's non-embedded fonts with;
say the default CIDToGIDMap where it is left out.

A simple font (Type1, TrueType) that the source does not embed is drawn by every viewer with a
substitute of its own choosing; PDF/UA-1 requires the program in the file (7.21.4.1). pdfium
substitutes the standard 14 and their common aliases (Arial, Times New Roman…) with its
built-in metric-compatible fonts (the "Chrom" families, BSD-licensed with pdfium, so they may
be embedded and redistributed). Embedding exactly the program pdfium renders with leaves every
glyph where it was, which is the only kind of repair made here:

1. ask pdfium which program it uses for the font (a one-page probe holding just that font);
   only a plain CFF program is taken — a multiple-master substitute is reshaped per glyph to
   the widths, so embedding it would draw differently;
2. every code the text shows (read from the content streams, :mod:`.font_usage`, when the
   program does not simply agree with the font on every code) must have its glyph in the
   program, at the width /Widths gives it within one unit (veraPDF 7.21.5-1). pdfium draws
   a substitute's glyph unchanged where /Widths puts it, so a glyph off by at most a tenth
   of an em is given the /Widths advance in the program (:meth:`_Substitute.readvanced`);
   a font whose widths disagree by more for text it shows is never given another program.
   Codes no text shows (Word writes 0 widths for them) draw nothing, and their widths are
   left as they are;
3. the font becomes a Type1 font with the program as ``/FontFile3 /Type1C``, a complete font
   descriptor, and /Widths read from the program where the source had none;
4. a probe page shows those codes in a row (so advances count) at two sizes, once with the
   font as it was and once embedded: the embedding is kept only if pdfium draws the same
   pixels and reads the same text. Otherwise the font stays as it was, and is reported.

The run-time pixel check (:mod:`.checks`) still compares every page of the output.

Liberation fonts (the metric-compatible family the issue names) are not used: pdfium does
not draw with them, so embedding them would change pixels (tried: Liberation Sans in place of
Helvetica does).

Second repair: an embedded TrueType CID font without /CIDToGIDMap gets ``/Identity``, the
default, when a probe of all its glyphs draws the same (:func:`name_identity_cid_maps`).
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import TypeVar

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from fontTools.agl import UV2AGL
from fontTools.cffLib import CFFFontSet, TopDict
from fontTools.encodings.MacRoman import MacRoman
from fontTools.encodings.StandardEncoding import StandardEncoding
from fontTools.misc.psCharStrings import T2CharString, T2WidthExtractor
from fontTools.pens.boundsPen import BoundsPen
from fontTools.pens.t2CharStringPen import T2CharStringPen
from fontTools.ttLib import TTFont

from ..pdf_entries import name_entry
from .checks import drawn_page, pages_drawn_differently
from .drawn_encoding import DrawnEncoding, drawn_encoding, object_bytes, to_unicode_cmap
from .font_usage import CodesUsed, Key
from .fonts import _descendant, _is_embedded, display_name, page_roots, reachable_fonts
from .glyph_id_reading import GlyphIdFonts
from .named_to_unicode import complete_named_to_unicode
from .notdef_glyphs import give_notdef_a_blank_glyph
from .program_widths import match_program_widths
from .symbolic_truetype import drop_symbolic_encodings
from .t2_opening import charstring_width

#: Simple font types whose program can be replaced by a CFF Type1 program.
_SIMPLE = frozenset({"/Type1", "/MMType1", "/TrueType"})
#: Glyph widths within this many 1/1000 em of the dictionary's agree (veraPDF 7.21.5-1).
WIDTH_TOLERANCE = 1.0
#: A shown glyph whose substitute width is off /Widths by at most this (1/1000 em: a tenth
#: of an em) may be embedded advancing by /Widths (:meth:`_Substitute.readvanced`); a wider
#: gap says the substitute is another design there, and the font is left.
MAX_READVANCE = 100.0
#: Font descriptor flags (ISO 32000-1 9.8.2).
_FIXED_PITCH, _SERIF, _SYMBOLIC, _ITALIC, _NONSYMBOLIC = 1, 2, 4, 64, 32
#: Fonts of non-Latin symbols: their own built-in encoding, flagged symbolic.
_SYMBOL_FONTS = frozenset({"Symbol", "ZapfDingbats"})


def _win_ansi() -> list[str]:
    """PDF's WinAnsiEncoding (ISO 32000-1 D.2): Windows code page 1252 by glyph name. The
    codes past 40 (octal) it leaves unused draw the bullet (D.2 note 3), as pdfium draws and
    reads them and veraPDF measures them: ReportLab shows its list bullets as code 177."""
    names = [".notdef"] * 256
    for code in range(0x21, 0x100):
        try:
            char = bytes([code]).decode("cp1252")
        except UnicodeDecodeError:
            names[code] = "bullet"  # undefined in 1252 (D.2 note 3)
            continue
        names[code] = "bullet" if code == 0x7F else UV2AGL.get(ord(char), ".notdef")
    names[0x20] = "space"
    names[0xA0], names[0xAD] = "space", "hyphen"  # D.2 notes 6 and 7
    return names


_BASE_ENCODINGS: dict[str, list[str]] = {
    "/WinAnsiEncoding": _win_ansi(),
    "/MacRomanEncoding": list(MacRoman),
    "/StandardEncoding": list(StandardEncoding),
}


@dataclass
class FontEmbedding:
    """What :func:`embed_substitute_fonts` did: names of the fonts embedded, and the fonts
    left unembedded with why."""

    embedded: list[str] = field(default_factory=list)
    left: dict[str, str] = field(default_factory=dict)
    #: Of ``embedded``, those whose program took the /Widths advance of a glyph it shows
    #: (:meth:`_Substitute.readvanced`).
    readvanced: list[str] = field(default_factory=list)

    def notes(self) -> list[str]:
        out: list[str] = []
        if self.embedded:
            out.append(
                "fonts not embedded in the source, now embedded with the metric-compatible "
                "program the page was already drawn with (pixels unchanged): "
                + ", ".join(sorted(set(self.embedded)))
            )
        if self.readvanced:
            out.append(
                "of those, glyphs whose advance in the program differs slightly from the "
                "font's /Widths were given the /Widths advance (pdfium draws them at those "
                "positions already; pixels unchanged): " + ", ".join(sorted(set(self.readvanced)))
            )
        out.extend(f"font {name} not embedded: {why}" for name, why in sorted(self.left.items()))
        return out


def repair_fonts(
    pdf: pikepdf.Pdf, source: pdfium.PdfDocument, reread: set[str] | None = None,
    glyph_ids: GlyphIdFonts | None = None,
) -> list[str]:
    """The repairs below, and :func:`.symbolic_truetype.drop_symbolic_encodings`, on ``pdf``
    (``source``: the same document, as the source was); notes for the report. ``reread``,
    given, gets the names of the fonts whose /ToUnicode was written anew: their text reads
    otherwise in the output than in the source. ``glyph_ids``, given, gets the fonts whose
    codes are glyph ids of a font not embedded (:meth:`.glyph_id_reading.GlyphIdFonts.collect`),
    left as they are (:mod:`.named_to_unicode`)."""
    # Which fonts each page reaches is walked once: the repairs change fonts, not resources.
    fonts = indirect_fonts_by_page(pdf)
    notes = embed_substitute_fonts(pdf, fonts).notes()
    if repaired := drop_symbolic_encodings(pdf, source, fonts):
        notes.append("/Encoding dropped from symbolic TrueType fonts that draw by code, its "
                     "glyph names kept as /ToUnicode (pixels unchanged): " + ", ".join(repaired))
    if completed := name_identity_cid_maps(pdf, source, fonts):
        notes.append("/CIDToGIDMap /Identity (the default) written for: " + ", ".join(completed))
    if reread is not None:
        reread.update(repaired)
    if glyph_ids is not None:
        glyph_ids.collect(fonts)
    if named := complete_named_to_unicode(pdf, fonts):
        notes.append("/ToUnicode completed with the characters the glyph names say (TeX "
                     "names, glyphs at control codes): " + ", ".join(named))
        if reread is not None:
            reread.update(named)
    if matched := match_program_widths(pdf, fonts):
        notes.append("glyph widths in the embedded program made the /Widths the page is drawn "
                     "with (pixels unchanged): " + ", ".join(matched))
    if blank := give_notdef_a_blank_glyph(pdf, fonts):
        notes.append("text drawn with the blank .notdef glyph (CID 0) given a copy of it under "
                     "a CID of its own (pixels and text unchanged): " + ", ".join(blank))
    return notes


#: pdfium's substitute programs read so far, with their glyphs' widths (read on demand and
#: remembered). pdfium substitutes a handful of programs (its standard fonts and generic
#: ones) for every document, so a worker reads each program and each width once; both are
#: only read, never changed.
_PROGRAMS: dict[bytes, tuple[TopDict, _GlyphWidths]] = {}
#: Programs remembered at most (bounded memory: they are tens of kilobytes each).
MAX_PROGRAMS_KEPT = 32
#: What a non-embedded font comes to, by the digest of its bytes (:func:`_digest` of
#: :func:`.drawn_encoding.object_bytes`): the program pdfium draws it with
#: (:func:`pdfium_programs`), and how its codes meet that program (:meth:`_Substitute.read`).
#: Both are functions of those bytes alone, and only read once made.
_FONT_PROGRAMS: dict[bytes, bytes | None] = {}
_SUBSTITUTES: dict[bytes, _Substitute | str] = {}
#: Verdicts of :func:`draw_the_same` by the digest of what was probed (:func:`_probe_key`).
_VERDICTS: dict[bytes, bool] = {}
#: Entries remembered at most per table above (bounded memory: a digest, and a program
#: shared with :data:`_PROGRAMS` or a font's reading).
MAX_REMEMBERED = 512

_K = TypeVar("_K")
_V = TypeVar("_V")


def _remember(table: dict[_K, _V], key: _K, value: _V) -> None:
    if len(table) >= MAX_REMEMBERED:
        table.clear()
    table[key] = value


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


def embed_substitute_fonts(
    pdf: pikepdf.Pdf, page_fonts: list[list[pikepdf.Dictionary]] | None = None
) -> FontEmbedding:
    """Embed what pdfium draws each non-embedded simple font of ``pdf`` with, where that
    draws every glyph its text shows exactly as before. ``page_fonts``:
    :func:`indirect_fonts_by_page` of ``pdf``, when the caller has it."""
    result = FontEmbedding()
    fonts_by_page = _of_types(
        page_fonts if page_fonts is not None else indirect_fonts_by_page(pdf), _SIMPLE
    )
    candidates = {f.objgen: f for fonts in fonts_by_page for f in fonts if not _is_embedded(f)}
    substitutes: dict[Key, _Substitute] = {}
    programs = _PROGRAMS  # one program, many fonts (and documents)
    # A font's bytes (every entry and object it refers to) decide pdfium's program for it
    # and how its codes meet that program: equal fonts (producers repeat one font per page
    # or per form field) are read once per worker.
    digests = [_digest(object_bytes(font)) for font in candidates.values()]
    # One probe document asks pdfium for every candidate's program.
    found_programs = _programs_by_digest(list(candidates.values()), digests)
    for (key, font), program, digest in zip(
        candidates.items(), found_programs, digests, strict=True
    ):
        found = _SUBSTITUTES.get(digest)
        if found is None:
            found = _Substitute.read(font, programs, program)
            _remember(_SUBSTITUTES, digest, found)
        if isinstance(found, str):
            result.left[display_name(font)] = found
        else:
            substitutes[key] = found
    # Which codes the text shows matters only for a font with codes the substitute cannot
    # draw as the PDF says (reading every content stream is the slow part: only then).
    doubtful = {key for key, sub in substitutes.items() if sub.doubtful}
    usage = CodesUsed(doubtful)
    for index, page in enumerate(pdf.pages):
        if doubtful and any(f.objgen in doubtful for f in fonts_by_page[index]):
            usage.read_page(page)
    # Fonts to embed, if the probe agrees: the font, its embedded version, the codes shown.
    tried: list[tuple[pikepdf.Dictionary, pikepdf.Dictionary, set[int]]] = []
    readvanced: set[str] = set()
    for key, sub in substitutes.items():
        font = candidates[key]
        name = display_name(font)
        shown = sub.drawn
        if key in doubtful:
            if usage.unreadable:
                result.left[name] = "a content stream that may use it could not be read"
                continue
            shown = usage.codes(key)
            if not shown:
                continue  # shows no text: draws nothing, nothing to compare it by
            problems = sorted(shown & set(sub.doubtful))
            found = sub.readvanced(problems, shown) if problems else sub
            if isinstance(found, str):
                result.left[name] = found
                continue
            if problems:
                readvanced.add(name)
            sub = found
        tried.append((font, sub.embedded_version(pdf, font), shown))
    # One probe document for all of them (each font's pages are its own).
    for (font, embedded, _), same in zip(tried, draw_the_same(tried), strict=True):
        name = display_name(font)
        if not same:
            result.left[name] = "pdfium draws or reads its glyphs differently once embedded"
            continue
        for entry in list(font.keys()):
            del font[entry]
        for entry, value in embedded.items():
            font[entry] = value
        result.embedded.append(name)
        if name in readvanced:
            result.readvanced.append(name)
    return result


# --- which fonts ----------------------------------------------------------------------------


def indirect_fonts_by_page(pdf: pikepdf.Pdf) -> list[list[pikepdf.Dictionary]]:
    """Per page, the indirect fonts it draws with: its resources, its Form XObjects' and its
    annotation appearances' (a direct font, with no identity, is left alone)."""
    out: list[list[pikepdf.Dictionary]] = []
    # Pages often share one resource dictionary (and have no annotations): its fonts are
    # walked once. Only indirect roots have an identity to remember them by.
    known: dict[tuple[tuple[int, int], ...], list[pikepdf.Dictionary]] = {}
    for page in pdf.pages:
        roots = list(page_roots(page))
        key = tuple(root.objgen for root in roots) if all(
            root.is_indirect for root in roots) else None
        if key is not None and key in known:
            out.append(list(known[key]))
            continue
        fonts = [font for font in reachable_fonts(roots) if font.is_indirect]
        if key is not None:
            known[key] = fonts
        out.append(fonts)
    return out


def _of_types(
    page_fonts: list[list[pikepdf.Dictionary]], types: frozenset[str]
) -> list[list[pikepdf.Dictionary]]:
    return [[f for f in fonts if name_entry(f, "/Subtype") in types] for fonts in page_fonts]


# --- one font -------------------------------------------------------------------------------


@dataclass
class _Substitute:
    """pdfium's program for a font, and how the font's codes meet it."""

    program: bytes
    top: TopDict
    glyphs: _GlyphWidths
    #: Glyph name per code, once the font is embedded.
    names: list[str]
    #: The font's /Widths by code (None: it has none).
    widths: dict[int, float] | None
    #: Codes with a glyph in the program.
    drawn: set[int]
    #: Codes the substitute cannot draw as the PDF says, with why: no glyph of that name, or
    #: a width that disagrees with /Widths. Shown, any of them rules embedding out.
    doubtful: dict[int, str]
    #: A symbol font's built-in encoding as pdfium draws and reads it (not the program's
    #: own): written out as /Differences and /ToUnicode once embedded. None for other fonts.
    symbols: DrawnEncoding | None = None
    #: Codes whose width is off /Widths by more than :data:`WIDTH_TOLERANCE` but at most
    #: :data:`MAX_READVANCE`, with the /Widths width (:meth:`readvanced`).
    advances: dict[int, float] = field(default_factory=dict)

    @classmethod
    def read(
        cls, font: pikepdf.Dictionary, programs: dict[bytes, tuple[TopDict, _GlyphWidths]],
        program: bytes | None,
    ) -> _Substitute | str:
        """pdfium's program for ``font`` (``program``: :func:`pdfium_programs` of it), or why
        it cannot be embedded; ``programs``: the programs read so far, with their widths."""
        if program is None:
            return "pdfium draws it with no font program that can be read back"
        if program[:1] != b"\x01":  # a CFF starts with its major version, 1
            return "pdfium draws it with a substitute reshaped to its widths (not one program)"
        if program not in programs:
            try:
                top = _cff_top(program)
            except Exception:  # noqa: BLE001 - fontTools raises many kinds on a bad program
                return "pdfium's substitute program could not be read"
            if len(programs) >= MAX_PROGRAMS_KEPT:
                programs.clear()
            programs[program] = (top, _GlyphWidths(top))
        top, glyphs = programs[program]
        if hasattr(top, "ROS"):
            return "pdfium's substitute is a CID-keyed program"
        builtin = _builtin_encoding(top)
        if builtin is None:
            return "pdfium's substitute has an encoding that cannot be read"
        symbols = None
        if _family(str(font.get("/BaseFont", ""))) in _SYMBOL_FONTS:
            # pdfium draws Symbol and ZapfDingbats by a built-in encoding of its own, which
            # their program does not carry (it says StandardEncoding).
            symbols = drawn_encoding(font, program, top.charset)
            builtin = symbols.names
        names = code_glyph_names(font, builtin)
        widths = dictionary_widths(font)
        drawn: set[int] = set()
        doubtful: dict[int, str] = {}
        advances: dict[int, float] = {}
        for code, name in enumerate(names):
            if name == ".notdef":
                continue  # no character at this code: draws nothing, before as after
            program_width = glyphs.width(name)
            if program_width is None:
                doubtful[code] = (f"pdfium's substitute has no glyph {name} (code {code}), "
                                  "which the text shows")
                continue
            drawn.add(code)
            width = widths.get(code) if widths is not None else program_width
            if width is None or abs(program_width - width) > WIDTH_TOLERANCE:
                if width is not None and abs(program_width - width) <= MAX_READVANCE:
                    advances[code] = width
                # Never another program for glyphs the author's widths place differently.
                doubtful[code] = (f"its widths disagree with pdfium's substitute (code {code}: "
                                  f"{width} in the PDF, {program_width:g} in the substitute)")
        if not drawn:
            return "pdfium's substitute has none of its glyphs"
        return cls(program, top, glyphs, names, widths, drawn, doubtful, symbols, advances)

    def readvanced(self, codes: Sequence[int], shown: set[int]) -> _Substitute | str:
        """This substitute with the glyph of each of ``codes`` (shown, its width at odds with
        /Widths) advancing by the /Widths width, its outline unchanged — what pdfium draws
        for a non-embedded font: each glyph of the substitute where /Widths puts it (the
        probe of :func:`draw_the_same` proves it for the font's every shown code). Why not,
        where a code's width differs by more than :data:`MAX_READVANCE` (the substitute is
        not the author's font there), or a glyph is shown by two codes that need different
        widths of it. (A code the text does not show draws nothing: its width is no matter.)"""
        wanted: dict[str, float] = {}
        for code in codes:
            name = self.names[code]
            if code not in self.advances or wanted.get(name, self.advances[code]) != (
                    self.advances[code]):
                return self.doubtful[code]
            wanted[name] = self.advances[code]
        # A shown code that agreed with the program must keep its glyph's width.
        for code in shown.difference(codes):
            if self.names[code] in wanted:
                return self.doubtful[codes[0]]
        program = _with_advances(self.program, wanted)
        top = _cff_top(program)
        return replace(self, program=program, top=top, glyphs=_GlyphWidths(top),
                       doubtful={c: why for c, why in self.doubtful.items() if c not in codes})

    def embedded_version(self, pdf: pikepdf.Pdf, font: pikepdf.Dictionary) -> pikepdf.Dictionary:
        """``font`` with the program embedded, as a new dictionary (``font`` is unchanged):
        indirect, to be copied into a probe, but written only if ``font`` takes its entries."""
        embedded = pdf.make_indirect(pikepdf.Dictionary({str(k): v for k, v in font.items()}))
        if self.widths is None:
            first, last = min(self.drawn), max(self.drawn)
            embedded[pikepdf.Name.FirstChar] = first
            embedded[pikepdf.Name.LastChar] = last
            embedded[pikepdf.Name.Widths] = pikepdf.Array([
                _number(self.glyphs.width(self.names[c]) or 0) if c in self.drawn else 0
                for c in range(first, last + 1)
            ])
        embedded[pikepdf.Name.FontDescriptor] = pdf.make_indirect(
            _descriptor(pdf, font, self.top, self.program)
        )
        embedded[pikepdf.Name.Subtype] = pikepdf.Name.Type1
        if self.symbols is not None:
            embedded[pikepdf.Name.Encoding] = _differences(self.names, self.drawn)
            if "/ToUnicode" not in font:
                # Glyph names like "a20" say no character to most readers: what pdfium
                # reads for each code (its table of the font's built-in encoding) is written.
                embedded[pikepdf.Name.ToUnicode] = pdf.make_stream(to_unicode_cmap({
                    code: chars for code, chars in self.symbols.text.items()
                    if code in self.drawn
                }))
        return embedded


def _differences(names: list[str], codes: set[int]) -> pikepdf.Dictionary:
    """An /Encoding naming the glyph of each of ``codes`` (runs of consecutive codes share
    one starting code, ISO 32000-1 9.6.6.1)."""
    items: list[object] = []
    previous = -2
    for code in sorted(codes):
        if code != previous + 1:
            items.append(code)
        items.append(pikepdf.Name("/" + names[code]))
        previous = code
    return pikepdf.Dictionary(
        Type=pikepdf.Name.Encoding, Differences=pikepdf.Array(items)
    )


#: Probe text sizes, in points: body text, and large enough that a width off by a fraction
#: of a unit moves the glyphs after it by a visible part of a pixel.
_PROBE_SIZES = (10, 30)
_PROBE_CODES_PER_LINE = 12


def draws_the_same(
    font: pikepdf.Dictionary, embedded: pikepdf.Dictionary, used: set[int]
) -> bool:
    """Does pdfium draw every code in ``used`` (one after another, so advances count) to
    the same pixels, and read it as the same text, with ``embedded`` as with ``font``?
    Substituting is decided per font, so glyphs drawn the same here are drawn the same
    wherever the document shows them (the run-time pixel check compares every page too)."""
    return draw_the_same([(font, embedded, used)])[0]


def draw_the_same(
    fonts: Sequence[tuple[pikepdf.Dictionary, pikepdf.Dictionary, set[int]]],
) -> list[bool]:
    """:func:`draws_the_same` of each (font, embedded, used), all probed in one document: a
    page per font and version, each with its own copy of the font (pdfium reads a font per
    dictionary, so one page's font never stands in for another's)."""
    # The verdict is a function of what is probed (both fonts' bytes and the codes): each
    # distinct probe is made once per worker, however many fonts (or documents) repeat it.
    keys = [_probe_key(font, embedded, used) for font, embedded, used in fonts]
    verdicts = {key: _VERDICTS[key] for key in keys if key in _VERDICTS}
    unknown: dict[bytes, int] = {}
    for index, key in enumerate(keys):
        if key not in verdicts:
            unknown.setdefault(key, index)
    pages = [_probe_page(version, fonts[index][2]) for index in unknown.values()
             for version in fonts[index][:2]]
    probed = _probe_pages(pages)
    for k, key in enumerate(unknown):
        verdicts[key] = probed[2 * k] == probed[2 * k + 1]
        _remember(_VERDICTS, key, verdicts[key])
    return [verdicts[key] for key in keys]


def _probe_key(font: pikepdf.Dictionary, embedded: pikepdf.Dictionary, used: set[int]) -> bytes:
    """A digest of everything a :func:`draw_the_same` probe of (``font``, ``embedded``,
    ``used``) is made of: equal digests, the same probe pages, the same verdict."""
    parts = [object_bytes(font), object_bytes(embedded),
             ",".join(str(code) for code in sorted(used)).encode()]
    return _digest(b"".join(len(part).to_bytes(8, "big") + part for part in parts))


def _probe_page(
    font: pikepdf.Dictionary, used: set[int]
) -> tuple[pikepdf.Dictionary, list[bytes], tuple[int, ...], int]:
    """A probe page (:func:`_probe_pages`) showing ``used`` in ``font`` at each probe size."""
    codes = sorted(used)
    lines = [bytes(codes[i:i + _PROBE_CODES_PER_LINE])
             for i in range(0, len(codes), _PROBE_CODES_PER_LINE)]
    return font, lines, _PROBE_SIZES, _PROBE_CODES_PER_LINE


def _probe_pages(
    pages: Sequence[tuple[pikepdf.Dictionary, list[bytes], tuple[int, ...], int]],
) -> list[tuple[bytes, str]]:
    """Per (font, lines, sizes, per_line): a page showing each string of ``lines``
    (``per_line`` glyphs at most) in the font on a line of its own, once at each of
    ``sizes``: its pixels, and the text pdfium reads from it. All pages are made in one
    probe document, read by pdfium once."""
    if not pages:
        return []
    probe = pikepdf.new()
    for font, lines, sizes, per_line in pages:
        height = sum(len(lines) * size * 1.3 for size in sizes) + 20
        width = per_line * max(sizes) * 1.2 + 20
        content = []
        y = height - 10
        for size in sizes:
            for line in lines:
                y -= size * 1.3
                content.append(f"BT /F1 {size} Tf 10 {y:.2f} Td <{line.hex()}> Tj ET")
        probe.add_blank_page(page_size=(width, height))
        page = probe.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(
            Font=pikepdf.Dictionary(F1=probe.copy_foreign(font))
        )
        page.obj.Contents = probe.make_stream("\n".join(content).encode())
    buffer = io.BytesIO()
    probe.save(buffer, compress_streams=False)  # read by pdfium only, once
    document = pdfium.PdfDocument(buffer.getvalue())
    try:
        return [drawn_page(document, index) for index in range(len(pages))]
    finally:
        document.close()


def pdfium_program(font: pikepdf.Dictionary) -> bytes | None:
    """The font program pdfium draws ``font`` with (:func:`pdfium_programs`)."""
    return pdfium_programs([font])[0]


def _programs_by_digest(
    fonts: Sequence[pikepdf.Dictionary], digests: Sequence[bytes]
) -> list[bytes | None]:
    """:func:`pdfium_programs` of ``fonts`` (``digests``: :func:`_digest` of each one's
    :func:`.drawn_encoding.object_bytes`), each distinct font probed once per worker."""
    found = {digest: _FONT_PROGRAMS[digest] for digest in digests if digest in _FONT_PROGRAMS}
    unknown: dict[bytes, pikepdf.Dictionary] = {}
    for font, digest in zip(fonts, digests, strict=True):
        if digest not in found:
            unknown.setdefault(digest, font)
    for digest, program in zip(unknown, pdfium_programs(list(unknown.values())), strict=True):
        found[digest] = program
        _remember(_FONT_PROGRAMS, digest, program)
    return [found[digest] for digest in digests]


def pdfium_programs(fonts: Sequence[pikepdf.Dictionary]) -> list[bytes | None]:
    """The font program pdfium draws each of ``fonts`` with: a probe with a page per font
    that uses only it (its own copy: pdfium reads a font per dictionary)."""
    if not fonts:
        return []
    probe = pikepdf.new()
    for font in fonts:
        probe.add_blank_page(page_size=(100, 100))
        page = probe.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(
            Font=pikepdf.Dictionary(F1=probe.copy_foreign(font))
        )
        page.obj.Contents = probe.make_stream(b"BT /F1 10 Tf 10 10 Td (a) Tj ET")
    buffer = io.BytesIO()
    probe.save(buffer, compress_streams=False)  # read by pdfium only, once
    document = pdfium.PdfDocument(buffer.getvalue())
    try:
        out: list[bytes | None] = []
        for index in range(len(fonts)):
            page = document[index]
            try:
                out.append(_program_of(page))
            finally:
                page.close()
        return out
    finally:
        document.close()


def _program_of(page: pdfium.PdfPage) -> bytes | None:
    """The program pdfium draws the first text object of ``page`` with."""
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_TEXT]):
        handle = pdfium_c.FPDFTextObj_GetFont(obj.raw)
        if not handle:
            return None
        size = ctypes.c_size_t(0)
        if not pdfium_c.FPDFFont_GetFontData(handle, None, 0, ctypes.byref(size)):
            return None
        data = (ctypes.c_ubyte * size.value)()
        if not pdfium_c.FPDFFont_GetFontData(handle, data, size.value, ctypes.byref(size)):
            return None
        return bytes(data)
    return None


def _cff_top(program: bytes) -> TopDict:
    fonts = CFFFontSet()
    fonts.decompile(io.BytesIO(program), None)
    top: TopDict = fonts[fonts.fontNames[0]]
    return top


class _NoBoxes:
    """What fontTools' CFF compiler asks of a font: bounding boxes are left as they are."""

    recalcBBoxes = False


def _with_advances(program: bytes, advances: dict[str, float]) -> bytes:
    """``program`` (a CFF) with each glyph of ``advances`` advancing by its width there, its
    outline drawn the same (fractional coordinates kept: nothing is rounded)."""
    fonts = CFFFontSet()
    fonts.decompile(io.BytesIO(program), None)
    top = fonts[fonts.fontNames[0]]
    strings = top.CharStrings
    nominal = float(getattr(top.Private, "nominalWidthX", 0))
    scale = float(getattr(top, "FontMatrix", [0.001])[0]) * 1000
    for name, width in advances.items():
        old = strings[name]
        # The width is written less nominalWidthX (Adobe TN 5177), in the program's units.
        pen = T2CharStringPen(width / scale - nominal, strings, roundTolerance=0)
        old.draw(pen)
        strings[name] = pen.getCharString(private=old.private, globalSubrs=old.globalSubrs)
    out = io.BytesIO()
    fonts.compile(out, _NoBoxes())
    return out.getvalue()


class _WidthFound(Exception):
    """Raised once a charstring's width is known: the rest of its outline is not needed."""


class _WidthOnly(T2WidthExtractor):  # type: ignore[misc]
    """Runs a Type 2 charstring (subroutines included) only as far as its width: the width
    is an optional extra argument of the first stack-clearing operator (Adobe TN 5177)."""

    def popallWidth(self, evenOdd: int = 0) -> list[float]:  # noqa: N802, N803 - fontTools API
        super().popallWidth(evenOdd)
        raise _WidthFound


class _GlyphWidths:
    """Advance widths of a CFF program's glyphs in 1/1000 em, read on demand."""

    def __init__(self, top: TopDict) -> None:
        self._strings = top.CharStrings
        matrix = getattr(top, "FontMatrix", [0.001])
        self._scale = float(matrix[0]) * 1000
        private = top.Private
        self._default = float(getattr(private, "defaultWidthX", 0))
        self._nominal = float(getattr(private, "nominalWidthX", 0))
        self._cache: dict[str, float | None] = {}

    def width(self, name: str) -> float | None:
        """None: no such glyph (or .notdef, which draws nothing to compare)."""
        if name not in self._cache:
            found: float | None = None
            if name != ".notdef" and name in self._strings:
                found = self._read(self._strings[name]) * self._scale
            self._cache[name] = found
        return self._cache[name]

    def _read(self, charstring: T2CharString) -> float:
        # Most glyphs say their width among their first operands, or a hint subroutine's:
        # read without running the outline.
        width = charstring_width(charstring, self._nominal, self._default)
        if width is not None:
            return float(width)
        private = charstring.private
        extractor = _WidthOnly(getattr(private, "Subrs", []), charstring.globalSubrs,
                               self._nominal, self._default, private=private)
        with contextlib.suppress(_WidthFound):
            extractor.execute(charstring)
        return float(extractor.width)


def _builtin_encoding(top: TopDict) -> list[str] | None:
    encoding = getattr(top, "Encoding", "StandardEncoding")
    if encoding == "StandardEncoding":
        return list(StandardEncoding)
    if isinstance(encoding, list) and len(encoding) == 256:
        return [str(name) for name in encoding]
    return None


def code_glyph_names(font: pikepdf.Dictionary, builtin: list[str]) -> list[str]:
    """The glyph name each code selects once ``font`` is an embedded Type1 font whose
    program's own encoding is ``builtin`` (ISO 32000-1 9.6.6.1)."""
    encoding = font.get("/Encoding")
    if isinstance(encoding, pikepdf.Name):
        return list(_BASE_ENCODINGS.get(str(encoding), builtin))
    if not isinstance(encoding, pikepdf.Dictionary):
        return list(builtin)
    names = list(_BASE_ENCODINGS.get(str(encoding.get("/BaseEncoding", "")), builtin))
    differences = encoding.get("/Differences")
    if isinstance(differences, pikepdf.Array):
        code = 0
        for item in differences:
            if isinstance(item, int):
                code = item
            elif isinstance(item, pikepdf.Name):
                if 0 <= code < 256:
                    names[code] = str(item)[1:]
                code += 1
    return names


def dictionary_widths(font: pikepdf.Dictionary) -> dict[int, float] | None:
    """Code -> width from /FirstChar and /Widths; None when the font has no /Widths."""
    widths = font.get("/Widths")
    first = font.get("/FirstChar", 0)
    if not isinstance(widths, pikepdf.Array) or not isinstance(first, int):
        return None
    out: dict[int, float] = {}
    for offset, width in enumerate(widths):
        code = int(first) + offset
        # pikepdf gives a real number (333.008) as a Decimal.
        if 0 <= code < 256 and isinstance(width, int | float | Decimal | pikepdf.Object):
            try:
                out[code] = float(width)
            except (TypeError, ValueError):
                continue
    return out


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 3)


def _descriptor(
    pdf: pikepdf.Pdf, font: pikepdf.Dictionary, top: TopDict, program: bytes
) -> pikepdf.Dictionary:
    """A font descriptor for the embedded program: the source's entries where it had a
    descriptor (they describe the font the author chose), the program's for the others."""
    old = font.get("/FontDescriptor")
    new = pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor)
    if isinstance(old, pikepdf.Dictionary):
        for key, value in old.items():
            if key not in ("/FontFile", "/FontFile2", "/FontFile3", "/CIDSet", "/CharSet"):
                new[key] = value
    base = str(font.get("/BaseFont", "/UnnamedFont"))
    bbox = [float(v) for v in getattr(top, "FontBBox", [0, 0, 1000, 1000])]
    # Each default is worked out only where the source's descriptor does not say it (the
    # cap height draws a glyph of the program).
    defaults: dict[str, Callable[[], pikepdf.Object | int | float]] = {
        "/FontName": lambda: pikepdf.Name(base if base.startswith("/") else "/" + base),
        "/Flags": lambda: _flags(base.lstrip("/"), top),
        "/FontBBox": lambda: pikepdf.Array([_number(v) for v in bbox]),
        "/ItalicAngle": lambda: _number(float(getattr(top, "ItalicAngle", 0))),
        "/Ascent": lambda: _number(bbox[3]),
        "/Descent": lambda: _number(bbox[1]),
        "/CapHeight": lambda: _number(_cap_height(top, bbox[3])),
        "/StemV": lambda: _number(float(getattr(top.Private, "StdVW", 80))),
    }
    for key, default in defaults.items():
        if key not in new:
            new[key] = default()
    new[pikepdf.Name.FontFile3] = pdf.make_stream(program, Subtype=pikepdf.Name.Type1C)
    return new


def _family(base: str) -> str:
    """"Arial" of "/ABCDEF+Arial,Bold" or "Arial-BoldMT"."""
    return base.lstrip("/").split("+", 1)[-1].split(",", 1)[0].split("-", 1)[0]


def _flags(base: str, top: TopDict) -> int:
    name = _family(base)
    if name in _SYMBOL_FONTS:
        return _SYMBOLIC
    flags = _NONSYMBOLIC
    if getattr(top, "isFixedPitch", 0):
        flags |= _FIXED_PITCH
    if "Times" in name or "Serif" in str(getattr(top, "FamilyName", "")):
        flags |= _SERIF
    if float(getattr(top, "ItalicAngle", 0)) != 0 or any(
        word in base for word in ("Italic", "Oblique")
    ):
        flags |= _ITALIC
    return flags


def _cap_height(top: TopDict, fallback: float) -> float:
    """The top of the program's "H" (``fallback`` where it has none that draws), drawn once
    per program (``top`` is one of :data:`_PROGRAMS`', read only)."""
    if top not in _H_TOPS:
        if len(_H_TOPS) >= MAX_PROGRAMS_KEPT:
            _H_TOPS.clear()
        strings = top.CharStrings
        top_of_h: float | None = None
        if "H" in strings:
            pen = BoundsPen(strings)
            strings["H"].draw(pen)
            top_of_h = float(pen.bounds[3]) if pen.bounds else None
        _H_TOPS[top] = top_of_h
    found = _H_TOPS[top]
    return fallback if found is None else found


#: The top of each program's "H" (None: none drawn), by the program's parsed top dictionary.
_H_TOPS: dict[TopDict, float | None] = {}


# --- CIDToGIDMap ----------------------------------------------------------------------------


#: CID fonts with more glyphs than this are checked page by page, not with a probe.
MAX_PROBED_GLYPHS = 4096
_CIDS_PER_LINE = 64


def name_identity_cid_maps(
    pdf: pikepdf.Pdf,
    source: pdfium.PdfDocument,
    page_fonts: list[list[pikepdf.Dictionary]] | None = None,
) -> list[str]:
    """Write the default ``/CIDToGIDMap /Identity`` into embedded TrueType CID fonts that
    leave it out (ISO 32000-1 Table 117: Identity is the default; PDF/UA-1 wants it said,
    veraPDF 7.21.3.2-1). Kept only where pdfium draws and reads every glyph of the font the
    same (a probe page with each CID the program has), or, for a font too large to probe,
    where every page using it still renders as ``source`` does. Returns the fonts' names.
    ``page_fonts``: :func:`indirect_fonts_by_page` of ``pdf``, when the caller has it."""
    fonts_by_page = _of_types(
        page_fonts if page_fonts is not None else indirect_fonts_by_page(pdf),
        frozenset({"/Type0"}),
    )
    lacking = {f.objgen: f for fonts in fonts_by_page for f in fonts if _lacks_cid_map(f)}
    completed: list[str] = []
    by_pages: dict[Key, pikepdf.Dictionary] = {}
    for key, font in lacking.items():
        glyphs = _cid_glyph_count(font)
        if glyphs is None or glyphs > MAX_PROBED_GLYPHS or font.get("/Encoding") not in (
            "/Identity-H", "/Identity-V"
        ):
            by_pages[key] = font
            continue
        cids = b"".join(cid.to_bytes(2, "big") for cid in range(glyphs))
        step = 2 * _CIDS_PER_LINE
        lines = [cids[i:i + step] for i in range(0, len(cids), step)]
        descendant = _cid_font(font)
        # The font as it would be, unreachable from the document (so never written).
        completed_font = pdf.make_indirect(pikepdf.Dictionary(dict(font.items())))
        completed_descendant = pikepdf.Dictionary(dict(descendant.items()))
        completed_descendant[pikepdf.Name.CIDToGIDMap] = pikepdf.Name.Identity
        completed_font[pikepdf.Name.DescendantFonts] = pikepdf.Array(
            [pdf.make_indirect(completed_descendant)]
        )
        before, after = _probe_pages([(font, lines, (8,), _CIDS_PER_LINE),
                                      (completed_font, lines, (8,), _CIDS_PER_LINE)])
        if before == after:
            descendant[pikepdf.Name.CIDToGIDMap] = pikepdf.Name.Identity
            completed.append(display_name(font))
    if by_pages:
        pages = [i for i, fonts in enumerate(fonts_by_page)
                 if any(f.objgen in by_pages for f in fonts)]
        for font in by_pages.values():
            _cid_font(font)[pikepdf.Name.CIDToGIDMap] = pikepdf.Name.Identity
        if pages_drawn_differently(pdf, source, pages):
            for font in by_pages.values():
                del _cid_font(font)[pikepdf.Name.CIDToGIDMap]
        else:
            completed.extend(display_name(font) for font in by_pages.values())
    return sorted(set(completed))


def _cid_font(font: pikepdf.Dictionary) -> pikepdf.Dictionary:
    """The descendant of a Type0 font already found to have one."""
    descendant = _descendant(font)
    assert descendant is not None
    return descendant


def _lacks_cid_map(font: pikepdf.Dictionary) -> bool:
    descendant = _descendant(font)
    return (descendant is not None and descendant.get("/Subtype") == "/CIDFontType2"
            and "/CIDToGIDMap" not in descendant and _is_embedded(font))


def _cid_glyph_count(font: pikepdf.Dictionary) -> int | None:
    """How many glyphs the embedded TrueType program has (its 'maxp' table), if readable."""
    descendant = _descendant(font)
    descriptor = descendant.get("/FontDescriptor") if descendant is not None else None
    stream = descriptor.get("/FontFile2") if isinstance(descriptor, pikepdf.Dictionary) else None
    if not isinstance(stream, pikepdf.Stream):
        return None
    try:
        program = TTFont(io.BytesIO(stream.read_bytes()), lazy=True)
        return int(program["maxp"].numGlyphs)
    except Exception:  # noqa: BLE001 - fontTools raises many kinds on a damaged program
        return None


