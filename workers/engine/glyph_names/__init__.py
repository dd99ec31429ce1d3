"""Which character a simple font's glyph names say, where readers miss it.

A simple font (Type1, TrueType) without a /ToUnicode entry for a code is read by the name of
the glyph its encoding gives the code (ISO 32000-1 9.10.2): a name of the Adobe Glyph List
(AGL) or a ``uniXXXX`` name. TeX's fonts name many glyphs outside the AGL (``angbracketleft``,
``lessmuch``, ``epsilon1``); pdfium then reads the code itself as the character ('h' for code
104, ⟨), and veraPDF fails the font (PDF/UA-1 7.21.7-1). pdfium also reads the code itself
for some AGL names at control codes (``prime`` at code 2 of a TeX subset), so the character
is lost.

One table of the TeX names (``tex_glyph_names.tsv``, its source stated there) serves both
sides, so they agree: the tagged PDF writer adds those codes to the font's /ToUnicode
(:func:`missing_text`), and the layout reader reads the source's glyphs the same way
(:func:`reading_fixes`).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from pathlib import Path

import pikepdf
from fontTools.agl import LEGACY_AGL2UV
from fontTools.cffLib import CFFFontSet
from fontTools.encodings.MacRoman import MacRoman
from fontTools.encodings.StandardEncoding import StandardEncoding

from ..pdf_entries import entry_of, name_entry
from .glyph_ids import glyph_id_text

_TABLE = Path(__file__).with_name("tex_glyph_names.tsv")
#: Codes below this are control characters: pdfium's reading of the code itself says nothing.
_FIRST_PRINTABLE = 0x20
#: Characters pdfium adds of its own between words and lines (and reads as white space).
_SPACES = frozenset(" \t\n\r")
#: Simple font types whose codes select glyphs by name.
_NAMED = frozenset({"/Type1", "/MMType1", "/TrueType"})


def _read_table(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, points = line.split("\t")
        table[name] = "".join(chr(int(point, 16)) for point in points.split())
    return table


#: TeX glyph name -> the character it shows (names the AGL lacks only).
TEX_GLYPHS: Mapping[str, str] = _read_table(_TABLE)

_UNI_NAME = re.compile(r"^uni((?:[0-9A-F]{4})+)$|^u([0-9A-F]{4,6})$")


def name_text(name: str) -> str | None:
    """The character(s) a glyph name says: the AGL's first, then ``uniXXXX``/``uXXXXX``,
    then the TeX table; a suffix after a dot (``a.sc``) is a variant of the same character."""
    # Remembered by name: every font of a document names the same few hundred glyphs, and
    # each font's names are read twice (see named_fixes).
    try:
        return _name_texts[name]
    except KeyError:
        pass
    text = _name_text(name)
    if len(_name_texts) < MAX_NAME_TEXTS:
        _name_texts[name] = text
    return text


#: Glyph names remembered by :func:`name_text` at most (a bound on memory for odd fonts).
MAX_NAME_TEXTS = 20_000
_name_texts: dict[str, str | None] = {}


def _name_text(name: str) -> str | None:
    """:func:`name_text`, worked out."""
    base = name.split(".", 1)[0] if not name.startswith(".") else name
    value = LEGACY_AGL2UV.get(base)
    if value:
        return chr(value[0])
    match = _UNI_NAME.match(base)
    if match:
        points = match.group(1)
        if points:
            return "".join(chr(int(points[i:i + 4], 16)) for i in range(0, len(points), 4))
        point = int(match.group(2), 16)
        return chr(point) if point <= 0x10FFFF else None
    return TEX_GLYPHS.get(base)


def _in_agl(name: str) -> bool:
    return name.split(".", 1)[0] in LEGACY_AGL2UV


def _win_ansi() -> list[str]:
    from fontTools.agl import UV2AGL

    names = [".notdef"] * 256
    for code in range(0x20, 0x100):
        try:
            names[code] = UV2AGL.get(ord(bytes([code]).decode("cp1252")), ".notdef")
        except UnicodeDecodeError:
            continue
    return names


def _pdf_encoding(names: list[str]) -> list[str]:
    """A base encoding as PDF defines it (ISO 32000-1 Annex D): no glyph below code 32
    (fontTools' Mac Roman is the TrueType 'post' table's, with letters at control codes)."""
    return [".notdef" if code < _FIRST_PRINTABLE else name for code, name in enumerate(names)]


_BASE_ENCODINGS: dict[str, list[str]] = {
    "/WinAnsiEncoding": _win_ansi(),
    "/MacRomanEncoding": _pdf_encoding(list(MacRoman)),
    "/StandardEncoding": _pdf_encoding(list(StandardEncoding)),
}


def code_names(font: pikepdf.Dictionary) -> dict[int, str]:
    """Code -> glyph name, for the codes of a simple font whose name is known: its
    /Differences over a named base encoding, or, with no /Differences, the built-in encoding
    of its embedded Type 1 program. Empty when the names cannot be known (a TrueType font
    without /Differences draws by code, not by name)."""
    if name_entry(font, "/Subtype") not in _NAMED:
        return {}
    encoding = entry_of(font, "/Encoding")
    if isinstance(encoding, pikepdf.Dictionary) and isinstance(
        differences := entry_of(encoding, "/Differences"), pikepdf.Array
    ):
        base_name = str(entry_of(encoding, "/BaseEncoding", ""))
        base = _BASE_ENCODINGS.get(base_name)
        names = {code: name for code, name in enumerate(base) if name != ".notdef"} \
            if base else {}
        code = 0
        for item in differences:
            if isinstance(item, int):
                code = int(item)
            elif isinstance(item, pikepdf.Name):
                if 0 <= code < 256:
                    names[code] = str(item)[1:]
                code += 1
        return names
    if encoding is None and name_entry(font, "/Subtype") in ("/Type1", "/MMType1"):
        return builtin_names(font)
    return {}


_DUP = re.compile(rb"dup\s+(\d+)\s*/([^\s/\[\]{}()<>]+)\s+put")


def builtin_names(font: pikepdf.Dictionary) -> dict[int, str]:
    """Code -> name of an embedded Type 1 program's own encoding (its ``dup N /name put``
    lines; a program saying ``StandardEncoding`` has that); empty when it is not readable."""
    descriptor = entry_of(font, "/FontDescriptor")
    if not isinstance(descriptor, pikepdf.Dictionary):
        return {}
    compact = entry_of(descriptor, "/FontFile3")
    if isinstance(compact, pikepdf.Stream) and compact.get("/Subtype") == "/Type1C":
        return _cff_names(compact)
    program = descriptor.get("/FontFile")
    if not isinstance(program, pikepdf.Stream):
        return {}
    try:
        data = program.read_bytes()
    except pikepdf.PdfError:
        return {}
    clear_length = program.get("/Length1")
    clear = data[: int(clear_length)] if isinstance(clear_length, int) else data
    if b"/Encoding StandardEncoding def" in clear:
        return {code: name for code, name in enumerate(StandardEncoding) if name != ".notdef"}
    names: dict[int, str] = {}
    for match in _DUP.finditer(clear):
        code = int(match.group(1))
        if code < 256:
            names[code] = match.group(2).decode("latin-1")
    return names


_SPACE = re.compile(rb"begincodespacerange(.*?)endcodespacerange", re.S)
_CHARS = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_RANGES = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f\s]*)>")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f\s]*>|\[[^\]]*\])")


class NotUnderstood(ValueError):
    """A /ToUnicode CMap this reader does not fully read (two-byte codes, usecmap…)."""


def to_unicode_entries(stream: pikepdf.Object) -> dict[int, str]:
    """Code -> text of a simple font's /ToUnicode CMap (one-byte codes, bfchar and bfrange);
    raises :class:`NotUnderstood` for anything else, so nothing is read wrong."""
    if not isinstance(stream, pikepdf.Stream):
        raise NotUnderstood("not a stream")
    try:
        data = stream.read_bytes()
    except pikepdf.PdfError as e:
        raise NotUnderstood(str(e)) from e
    if b"usecmap" in data:
        raise NotUnderstood("usecmap")
    for block in _SPACE.findall(data):
        if any(len(value.strip()) != 2 for value in _HEX.findall(block)):
            raise NotUnderstood("codes of more than one byte")
    out: dict[int, str] = {}
    for block in _CHARS.findall(data):
        values = _HEX.findall(block)
        if len(values) % 2:
            raise NotUnderstood("odd bfchar")
        for code, text in zip(values[::2], values[1::2], strict=True):
            out[_code(code)] = _text(text)
    for block in _RANGES.findall(data):
        found = _RANGE.findall(block)
        if b"<" in _RANGE.sub(b"", block):
            raise NotUnderstood("bfrange not read whole")
        for low, high, dest in found:
            first, last = _code(low), _code(high)
            if dest.startswith(b"["):
                texts = [_text(v) for v in _HEX.findall(dest)]
                for offset, code in enumerate(range(first, last + 1)):
                    if offset < len(texts):
                        out[code] = texts[offset]
            else:
                start = _text(dest[1:-1])
                if not start:
                    continue
                for offset, code in enumerate(range(first, last + 1)):
                    out[code] = start[:-1] + chr(ord(start[-1]) + offset)
    return out


def _code(value: bytes) -> int:
    code = int(value.strip() or b"0", 16)
    if not 0 <= code < 256:
        raise NotUnderstood("code of more than one byte")
    return code


def _text(value: bytes) -> str:
    digits = re.sub(rb"\s", b"", value)
    try:
        return bytes.fromhex(digits.decode()).decode("utf-16-be")
    except (ValueError, UnicodeDecodeError) as e:
        raise NotUnderstood("text not UTF-16") from e


def missing_text(font: pikepdf.Dictionary) -> dict[int, str]:
    """Code -> character for the codes of ``font`` that its glyph names say but readers
    miss: no /ToUnicode entry, and a name the AGL lacks (a TeX name) or a control code.
    Names of several characters are left out (a reader's glyph is one character).
    Empty when there are none, or the font's /ToUnicode cannot be read whole."""
    return _missing_text(font, code_names(font))[0]


def _missing_text(
    font: pikepdf.Dictionary, names: dict[int, str]
) -> tuple[dict[int, str], dict[int, str]]:
    """:func:`missing_text` of ``font`` whose :func:`code_names` are ``names``, and the
    entries of its /ToUnicode (empty when it has none, or when nothing is missing)."""
    wanted = {
        code: text for code, name in names.items()
        if (text := name_text(name)) is not None and len(text) == 1
        and (not _in_agl(name) or code < _FIRST_PRINTABLE)
    }
    if not wanted:
        return {}, {}
    present: dict[int, str] = {}
    if "/ToUnicode" in font:
        try:
            present = to_unicode_entries(font.ToUnicode)
        except NotUnderstood:
            return {}, {}
        wanted = {code: text for code, text in wanted.items() if code not in present}
    return wanted, present


def named_fixes(font: pikepdf.Dictionary) -> dict[int, str]:
    """The codes of :func:`missing_text` that both sides change: the tagged PDF writer adds
    them to /ToUnicode, the layout reader reads pdfium's character for them (the code itself)
    as the name says. Left out, so that no character is misread: a code whose own character
    is white space (pdfium adds spaces of its own), or is what pdfium reads for another code
    of the font (its /ToUnicode entry, or its name where pdfium knows the name: an AGL or
    ``uniXXXX`` name). pdfium knows no TeX name, and reads such a code as the code itself
    (never as the character the name says), so a TeX name takes no character from another
    code: ``braceleftBigg`` at code 40 is read as "(" by pdfium whatever ``parenleftBigg``
    at code 32 says. A composite font's codes are read only where they are the glyph ids of
    a TrueType font not embedded (see :mod:`.glyph_ids`): all of them, white space too."""
    if name_entry(font, "/Subtype") == "/Type0":
        # Codes that are a TrueType font's glyph ids, the font not embedded: pdfium reads
        # each as the code itself, control codes (the space, an apostrophe) too.
        return glyph_id_text(font)
    # (The names and the /ToUnicode are read once: reading a font program's encoding and a
    # CMap are the dear part, for every font of a document.)
    names = code_names(font)
    missing, present = _missing_text(font, names)
    if not missing:
        return {}
    taken: set[str] = set(present.values())
    taken.update(text for code, name in names.items()
                 if code not in present and _pdfium_knows(name)
                 and (text := name_text(name)) is not None)
    return {code: text for code, text in missing.items()
            if chr(code) != text and chr(code) not in _SPACES and chr(code) not in taken}


def _pdfium_knows(name: str) -> bool:
    """Does pdfium read a glyph of this name as the character it says (an AGL name, or a
    ``uniXXXX``/``uXXXXX`` one)? Other names it reads as the code itself."""
    base = name.split(".", 1)[0] if not name.startswith(".") else name
    return base in LEGACY_AGL2UV or _UNI_NAME.match(base) is not None


def reading_fixes(font: pikepdf.Dictionary) -> dict[str, str]:
    """pdfium's character for each code of :func:`named_fixes` (the code itself, as pdfium
    reads a name it does not know) -> the character the name says."""
    return {chr(code): text for code, text in named_fixes(font).items()}


def _cff_names(program: pikepdf.Stream) -> dict[int, str]:
    """Code -> name of a CFF (Type1C) program's own encoding; empty when not readable (a
    CID-keyed program has none)."""
    try:
        fonts = CFFFontSet()
        fonts.decompile(io.BytesIO(program.read_bytes()), None)
        top = fonts[fonts.fontNames[0]]
        if hasattr(top, "ROS"):
            return {}
        encoding = getattr(top, "Encoding", "StandardEncoding")
    except Exception:  # noqa: BLE001 - fontTools raises many kinds on a damaged program
        return {}
    if encoding == "StandardEncoding":
        encoding = StandardEncoding
    if not isinstance(encoding, list):
        return {}  # ExpertEncoding: names of figures and small capitals, all in the AGL
    return {code: str(name) for code, name in enumerate(encoding[:256]) if name != ".notdef"}
