"""The source's fonts: what can be repaired without changing a glyph, and what must be reported.

Repaired: ``/CIDSet`` and ``/CharSet`` in font descriptors. Both are optional lists of the
glyphs a subset font contains, used by no renderer; authoring tools often get them wrong, which
PDF/UA-1 counts as a failure (veraPDF 7.21.4.2-1, -2). Dropping them changes nothing drawn.

Reported (a person, or the publisher, must act): fonts that are not embedded (7.21.4.1) — on
the pages, in Form XObjects and in annotation appearances — once :mod:`.font_embedding` has
embedded those it can without changing a glyph; fonts with character codes that cannot be
mapped to Unicode (7.21.7: neither a ``/ToUnicode`` entry nor a glyph name saying the
character, code by code), so a screen reader would get no text or the wrong text; fonts
whose /ToUnicode gives a code the text shows a value PDF/UA-1 forbids (7.21.7-2: U+0000 or a
byte-order mark — Chromium writes U+0000 for the glyphs of a shaped cluster whose text its
/ActualText carries, and a copy without that span reads nothing there); and fonts whose text
is drawn with the .notdef glyph (7.21.8), once :mod:`.notdef_glyphs` has given the blank
ones a glyph of their own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

import pikepdf
from fontTools.agl import LEGACY_AGL2UV

from ..glyph_names import NotUnderstood, code_names, to_unicode_entries
from ..pdf_entries import entry_of, name_entry
from .glyph_id_reading import ReadAs, base_font_name, font_read_as

#: CID fonts of these character collections map to Unicode through Adobe's published CMaps.
_KNOWN_ORDERINGS = frozenset({"GB1", "CNS1", "Japan1", "Korea1", "KR"})
#: Font descriptor flag: the font uses symbols outside the standard Latin set.
_SYMBOLIC = 1 << 2
#: Simple fonts (and Type 3) whose codes are read through /ToUnicode or glyph names.
_BY_CODE_OR_NAME = frozenset({"/Type1", "/MMType1", "/TrueType", "/Type3"})
#: DEL: no base encoding of PDF names code 127 (fontTools' Mac Roman table, read for them,
#: does).
_DEL = 0x7F
#: Characters a /ToUnicode value may not hold (ISO 14289-1 7.21.7; veraPDF 7.21.7-2).
_FORBIDDEN_CHARACTERS = frozenset({"\u0000", "\ufeff", "\ufffe"})
_FORBIDDEN_UNITS = frozenset({b"0000", b"FEFF", b"FFFE"})
_BFCHAR_BLOCK = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_BFRANGE_BLOCK = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_BFRANGE = re.compile(
    rb"<([0-9A-Fa-f\s]+)>\s*<([0-9A-Fa-f\s]+)>\s*(<[0-9A-Fa-f\s]*>|\[[^\]]*\])")
#: Codes of one bfrange read at most (a code is at most four bytes; a range past this is
#: damaged, and its first codes are enough to say whether it holds a forbidden value).
MAX_RANGE_CODES = 65_536
_LAST_CODE_POINT = 0x10FFFF
#: Resource dictionaries visited at most (Form XObjects inside Form XObjects…).
MAX_RESOURCES = 10_000


def drop_subset_glyph_lists(pdf: pikepdf.Pdf) -> int:
    """Remove /CIDSet and /CharSet from every font descriptor; returns how many."""
    dropped = 0
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary) and entry_of(obj, "/Type") == "/FontDescriptor":
            for key in ("/CIDSet", "/CharSet"):
                if key in obj:
                    del obj[key]
                    dropped += 1
    return dropped


@dataclass
class FontFindings:
    not_embedded: set[str] = field(default_factory=set)
    no_unicode: set[str] = field(default_factory=set)
    #: Fonts whose text is drawn with the .notdef glyph (a CID font's CID 0 read as text).
    notdef: set[str] = field(default_factory=set)
    #: Fonts whose /ToUnicode gives a code the text shows U+0000, U+FEFF or U+FFFE.
    forbidden_unicode: set[str] = field(default_factory=set)
    #: Of the fonts without Unicode, the composite ones whose codes are glyph ids of a font
    #: not embedded, by /BaseFont: how their glyphs read (:mod:`.glyph_id_reading`).
    glyph_ids: ReadAs = field(default_factory=dict)


def font_findings(pdf: pikepdf.Pdf) -> FontFindings:
    findings = FontFindings()
    notdef_candidates: dict[tuple[int, int], pikepdf.Dictionary] = {}
    forbidden: dict[tuple[int, int], tuple[pikepdf.Dictionary, set[bytes]]] = {}
    for font in _all_fonts(pdf):
        name = display_name(font)
        if not _is_embedded(font):
            findings.not_embedded.add(name)
        if "/ToUnicode" not in font and not _maps_to_unicode(font) or _unmapped_codes(font):
            findings.no_unicode.add(name)
            if chars := font_read_as(font):
                findings.glyph_ids[base_font_name(font)] = chars
        if font.is_indirect and _shows_cid_0_as_text(font):
            notdef_candidates[font.objgen] = font
        if codes := forbidden_unicode_codes(font):
            if font.is_indirect:
                forbidden[font.objgen] = (font, codes)
            else:  # no text can be told to be in it: reported as it is
                findings.forbidden_unicode.add(name)
    if notdef_candidates:
        findings.notdef = _fonts_showing_cid_0(pdf, notdef_candidates)
    if forbidden:
        findings.forbidden_unicode |= _fonts_showing(pdf, forbidden)
    return findings


def forbidden_unicode_codes(font: pikepdf.Dictionary) -> set[bytes]:
    """The codes (as the bytes a string shows) to which ``font``'s /ToUnicode gives a value
    holding U+0000, U+FEFF or U+FFFE, which PDF/UA-1 forbids; empty when it has none, or no
    /ToUnicode that can be read. (Every font of every output is asked: the values are
    looked at in their hexadecimal digits, a range's by arithmetic, no text is made.)"""
    entries = _to_unicode_entries(font)
    if entries is None:
        return set()
    chars, ranges = entries
    out = {code for code, value in chars if _forbidden_digits(value)}
    for first, end, destination in ranges:
        start = int.from_bytes(first, "big")
        count = min(end - start + 1, MAX_RANGE_CODES)
        if destination.startswith(b"["):
            offsets = [offset for offset, value in enumerate(
                _HEX_STRING.findall(destination)[:max(count, 0)])
                if _forbidden_digits(value)]
        else:
            digits = re.sub(rb"\s", b"", destination[1:-1]).upper()
            if len(digits) < 4 or len(digits) % 4:
                continue
            # Each next code adds one to the value's last unit (ISO 32000-1 9.10.3): a
            # forbidden unit before it is in every value, the last reaches one at most once.
            last_unit = int(digits[-4:], 16)
            offsets = list(range(count)) if _forbidden_digits(digits[:-4]) else [
                ord(char) - last_unit for char in _FORBIDDEN_CHARACTERS]
        out.update((start + offset).to_bytes(len(first), "big")
                   for offset in offsets if 0 <= offset < count)
    return out


def _forbidden_digits(value: bytes) -> bool:
    """A /ToUnicode value (hexadecimal digits, UTF-16BE) holds a forbidden character."""
    digits = re.sub(rb"\s", b"", value).upper()
    return any(digits[at:at + 4] in _FORBIDDEN_UNITS for at in range(0, len(digits) - 3, 4))


def to_unicode_map(font: pikepdf.Dictionary) -> dict[bytes, str | None]:
    """Code (as the bytes a string shows, of any length) -> text of ``font``'s /ToUnicode
    (bfchar and bfrange entries; None for a value that is not UTF-16); empty without one."""
    entries = _to_unicode_entries(font)
    if entries is None:
        return {}
    chars, ranges = entries
    out: dict[bytes, str | None] = {code: _utf16(value) for code, value in chars}
    for first, end, destination in ranges:
        start = int.from_bytes(first, "big")
        codes = range(start, min(end, start + MAX_RANGE_CODES - 1) + 1)
        if destination.startswith(b"["):
            texts = [_utf16(value) for value in _HEX_STRING.findall(destination)]
        else:
            base = _utf16(destination[1:-1])
            # Each next code adds one to the value's last character (ISO 32000-1 9.10.3).
            texts = [None if not base or ord(base[-1]) + offset > _LAST_CODE_POINT
                     else base[:-1] + chr(ord(base[-1]) + offset)
                     for offset in range(len(codes))]
        for code, text in zip(codes, texts, strict=False):
            out[code.to_bytes(len(first), "big")] = text
    return out


def maps_codes(font: pikepdf.Dictionary, codes: AbstractSet[bytes]) -> bool:
    """Whether ``font``'s /ToUnicode maps each of ``codes`` (the bytes a string shows): the
    keys :func:`to_unicode_map` would give hold them all, found without writing out every
    code of every range (an Identity font's ranges cover thousands; the caller asks after
    one or a few)."""
    entries = _to_unicode_entries(font)
    if entries is None:
        return not codes
    chars, ranges = entries
    wanted = set(codes).difference(code for code, _ in chars)
    for first, end, destination in ranges:
        if not wanted:
            break
        start = int.from_bytes(first, "big")
        # The codes to_unicode_map gives the range: as many as it reaches, and of an array
        # destination no more than it has values.
        count = min(end, start + MAX_RANGE_CODES - 1) + 1 - start
        if destination.startswith(b"["):
            count = min(count, len(_HEX_STRING.findall(destination)))
        wanted = {code for code in wanted if len(code) != len(first)
                  or not 0 <= int.from_bytes(code, "big") - start < count}
    return not wanted


def _to_unicode_entries(
    font: pikepdf.Dictionary,
) -> tuple[list[tuple[bytes, bytes]], list[tuple[bytes, int, bytes]]] | None:
    """``font``'s /ToUnicode entries: its bfchar (code, value) pairs and its bfrange (first
    code, last code as a number, destination) triples, codes as the bytes a string shows and
    values as written (hexadecimal digits; a destination in brackets is an array of them);
    None without a /ToUnicode that can be read. (A range whose ends differ in length is none.)"""
    to_unicode = font.get("/ToUnicode")
    if not isinstance(to_unicode, pikepdf.Stream):
        return None
    try:
        data = to_unicode.read_bytes()
    except pikepdf.PdfError:
        return None
    chars = [
        (_hex_bytes(code), value)
        for block in _BFCHAR_BLOCK.findall(data)
        for values in [_HEX_STRING.findall(block)]
        for code, value in zip(values[::2], values[1::2], strict=False)
    ]
    ranges = []
    for block in _BFRANGE_BLOCK.findall(data):
        for low, high, destination in _BFRANGE.findall(block):
            first, last = _hex_bytes(low), _hex_bytes(high)
            if len(first) == len(last) and first:
                ranges.append((first, int.from_bytes(last, "big"), destination))
    return chars, ranges


def _hex_bytes(value: bytes) -> bytes:
    digits = re.sub(rb"\s", b"", value)
    if len(digits) % 2:
        digits += b"0"  # a last odd digit is followed by 0 (ISO 32000-1 7.3.4.3)
    return bytes.fromhex(digits.decode())


def _utf16(value: bytes) -> str | None:
    """A /ToUnicode value's text; None for one that is not UTF-16BE."""
    try:
        return _hex_bytes(value).decode("utf-16-be", errors="surrogatepass")
    except (ValueError, UnicodeDecodeError):
        return None


def _fonts_showing(
    pdf: pikepdf.Pdf, fonts: dict[tuple[int, int], tuple[pikepdf.Dictionary, set[bytes]]]
) -> set[str]:
    """The names of ``fonts`` whose text shows one of its codes (read from the content
    streams, each string cut into codes of the codes' length)."""
    from .font_usage import CodesUsed  # font_usage reads this module's helpers

    usage = CodesUsed(set(fonts))
    for page in pdf.pages:
        usage.read_page(page)
    out: set[str] = set()
    for key, (font, codes) in fonts.items():
        shown = usage.shown_bytes(key)
        lengths = {len(code) for code in codes}
        if usage.unreadable or len(lengths) != 1 or any(
            shown[i:i + size] in codes for size in lengths
            for i in range(0, len(shown) - size + 1, size)
        ):
            out.add(display_name(font))
    return out


def display_name(font: pikepdf.Dictionary) -> str:
    """The font's name as a person knows it: "Arial" of "/ABCDEF+Arial" (the subset tag off)."""
    return str(font.get("/BaseFont", "unnamed font")).lstrip("/").split("+", 1)[-1]


def _all_fonts(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every font of every page, Form XObject and annotation appearance, once."""
    return reachable_fonts(root for page in pdf.pages for root in page_roots(page))


def page_roots(page: pikepdf.Page) -> Iterator[pikepdf.Object]:
    """Where a page's fonts are found: its resources and its annotations' appearances."""
    yield entry_of(page.obj, "/Resources", pikepdf.Dictionary())
    annots = entry_of(page.obj, "/Annots")
    if isinstance(annots, pikepdf.Array):
        for annot in annots:
            if isinstance(annot, pikepdf.Dictionary):
                yield from _appearance_streams(entry_of(annot, "/AP"))


def reachable_fonts(roots: Iterable[pikepdf.Object]) -> Iterator[pikepdf.Dictionary]:
    """Every font reachable from ``roots`` (resource dictionaries, Form XObjects or appearance
    streams), through nested Form XObjects and Type3 glyph resources, each once."""
    seen: set[tuple[int, int]] = set()
    stack: list[pikepdf.Object] = list(roots)
    visited = 0
    while stack and visited < MAX_RESOURCES:
        item = stack.pop()
        visited += 1
        if isinstance(item, pikepdf.Stream):  # an appearance or a Form XObject
            if _first(item, seen):
                stack.append(entry_of(item, "/Resources", pikepdf.Dictionary()))
            continue
        if not isinstance(item, pikepdf.Dictionary) or not _first(item, seen):
            continue
        fonts = entry_of(item, "/Font")
        if isinstance(fonts, pikepdf.Dictionary):
            for font in fonts.values():
                if isinstance(font, pikepdf.Dictionary) and _first(font, seen):
                    yield font
                    if entry_of(font, "/Subtype") == "/Type3":
                        stack.append(entry_of(font, "/Resources", pikepdf.Dictionary()))
        xobjects = entry_of(item, "/XObject")
        if isinstance(xobjects, pikepdf.Dictionary):
            stack.extend(
                x for x in xobjects.values()
                if isinstance(x, pikepdf.Stream) and entry_of(x, "/Subtype") == "/Form"
            )


def _appearance_streams(appearance: object) -> Iterator[pikepdf.Stream]:
    if not isinstance(appearance, pikepdf.Dictionary):
        return
    for entry in appearance.values():
        if isinstance(entry, pikepdf.Stream):
            yield entry
        elif isinstance(entry, pikepdf.Dictionary):  # states: /On, /Off…
            yield from (s for s in entry.values() if isinstance(s, pikepdf.Stream))


def _first(obj: pikepdf.Object, seen: set[tuple[int, int]]) -> bool:
    if not obj.is_indirect:
        return True
    if obj.objgen in seen:
        return False
    seen.add(obj.objgen)
    return True


def _descendant(font: pikepdf.Dictionary) -> pikepdf.Dictionary | None:
    descendants = font.get("/DescendantFonts")
    if isinstance(descendants, pikepdf.Array) and len(descendants) > 0:
        first = descendants[0]
        return first if isinstance(first, pikepdf.Dictionary) else None
    return None


def _is_embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # its glyphs are content streams inside the font
    target = _descendant(font) if font.get("/Subtype") == "/Type0" else font
    descriptor = target.get("/FontDescriptor") if target is not None else None
    return isinstance(descriptor, pikepdf.Dictionary) and any(
        key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def _maps_to_unicode(font: pikepdf.Dictionary) -> bool:
    """Without /ToUnicode: can a reader still know each code's character (ISO 32000-1 9.10.2)?"""
    subtype = font.get("/Subtype")
    if subtype == "/Type0":
        descendant = _descendant(font)
        info = descendant.get("/CIDSystemInfo") if descendant is not None else None
        ordering = str(info.get("/Ordering", "")) if isinstance(info, pikepdf.Dictionary) else ""
        return ordering in _KNOWN_ORDERINGS
    if subtype == "/Type3":
        return False
    # A simple font: its glyph names say which character each code is, unless the font is
    # symbolic (dingbats, pictograms: names like "a12"). Glyph names inside an embedded
    # program are not read here, so this errs towards passing (the bench compares it with
    # veraPDF's 7.21.7-1).
    base = str(font.get("/BaseFont", "")).lstrip("/").split("+", 1)[-1]
    if base in ("Symbol", "ZapfDingbats"):
        return False
    descriptor = font.get("/FontDescriptor")
    flags = descriptor.get("/Flags", 0) if isinstance(descriptor, pikepdf.Dictionary) else 0
    encoding = font.get("/Encoding")
    symbolic = isinstance(flags, int) and bool(flags & _SYMBOLIC)
    if symbolic and font.get("/Subtype") == "/TrueType" and encoding is None:
        return False
    differences = encoding.get("/Differences") if isinstance(encoding, pikepdf.Dictionary) else None
    if isinstance(differences, pikepdf.Array):
        # Every name the encoding gives a code must say which character it is.
        return all(_names_character(str(item)[1:]) for item in differences
                   if isinstance(item, pikepdf.Name))
    return True


def _unmapped_codes(font: pikepdf.Dictionary) -> set[int]:
    """The codes of a simple font that neither its /ToUnicode nor its glyph name maps to a
    character (ISO 32000-1 9.10.2), among the codes it can show: in a font drawing by name,
    those its encoding names; in a symbolic TrueType font drawing by code, those /Widths
    gives a width other than 0 (0 is what producers write for codes never shown).
    Empty where that cannot be known: a /ToUnicode this does not read, no /Widths, or no
    glyph names known for a font that draws by name."""
    if name_entry(font, "/Subtype") not in _BY_CODE_OR_NAME:
        return set()
    try:
        entries = to_unicode_entries(font.ToUnicode) if "/ToUnicode" in font else {}
    except NotUnderstood:
        return set()
    widths = font.get("/Widths")
    first = font.get("/FirstChar")
    if not isinstance(widths, pikepdf.Array) or not isinstance(first, int):
        return set()
    names = code_names(font)
    descriptor = font.get("/FontDescriptor")
    flags = descriptor.get("/Flags", 0) if isinstance(descriptor, pikepdf.Dictionary) else 0
    by_code = font.get("/Subtype") == "/TrueType" and isinstance(flags, int) and bool(
        flags & _SYMBOLIC) and font.get("/Encoding") is None
    if not names and not by_code:
        return set()  # names this does not read (a program's own encoding): not reported
    out: set[int] = set()
    for offset, width in enumerate(widths):
        code = int(first) + offset
        if entries.get(code) or code == _DEL:
            continue
        if by_code:
            # Code 0 of a subset drawing by code is its .notdef slot (glyph 0 of a TrueType
            # program), given a width by LibreOffice and others but shown by no text.
            if code == 0:
                continue
            try:
                if float(width) != 0:
                    out.add(code)
            except (TypeError, ValueError):
                continue
            continue
        name = names.get(code)
        # A code of a named font whose encoding names no glyph shows nothing a subset has
        # (pdfTeX writes widths for a whole range, names only the codes it uses).
        if name is not None and name != ".notdef" and not _names_character(name):
            out.add(code)
    return out


def _shows_cid_0_as_text(font: pikepdf.Dictionary) -> bool:
    """A Type 0 font with an Identity encoding: code 0 selects CID 0, the .notdef glyph, so a
    string showing it draws .notdef (whether its /ToUnicode reads a character there, as
    InDesign writes, or none, as Chromium draws a character no font had)."""
    return font.get("/Subtype") == "/Type0" and str(font.get("/Encoding")) in (
        "/Identity-H", "/Identity-V")


def _fonts_showing_cid_0(
    pdf: pikepdf.Pdf, fonts: dict[tuple[int, int], pikepdf.Dictionary]
) -> set[str]:
    """The names of ``fonts`` whose text shows code 0 (read from the content streams)."""
    from .font_usage import CodesUsed  # font_usage reads this module's helpers

    usage = CodesUsed(set(fonts))
    for page in pdf.pages:
        usage.read_page(page)
    out: set[str] = set()
    for key, font in fonts.items():
        shown = usage.shown_bytes(key)
        if usage.unreadable or any(
            shown[i] == 0 and shown[i + 1] == 0 for i in range(0, len(shown) - 1, 2)
        ):
            out.add(display_name(font))
    return out


_UNI_NAME = re.compile(r"^(uni([0-9A-F]{4})+|u[0-9A-F]{4,6})$")


def _names_character(glyph: str) -> bool:
    """A name of the Adobe Glyph List (the full list, as ISO 32000-1 9.10.2 reads names by;
    not only its subset for new fonts), a uniXXXX/uXXXXX name, or .notdef (draws nothing)."""
    base = glyph.split(".", 1)[0] if not glyph.startswith(".") else glyph
    return glyph == ".notdef" or base in LEGACY_AGL2UV or bool(_UNI_NAME.match(base))
