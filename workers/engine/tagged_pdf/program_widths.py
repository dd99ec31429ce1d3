"""Embedded Type 1 programs whose glyph widths disagree with the font dictionary's /Widths.

A simple font's glyphs advance by the dictionary's /Widths (ISO 32000-1 9.2.4); the width a
glyph has in the embedded program is not used to draw it. PDF/UA-1 still asks the two to
agree within one unit (veraPDF 7.21.5-1): a tool reading widths from the program would place
the text elsewhere than it is drawn. TeX's PDFs are where they do not: a font loaded at a size
other than its design size gets /Widths from the size used and the program of another
(826 and 963 in two dictionaries, 892.86 in their one program), and a CFF program's widths are
often fractions (706.57 for a /Widths of 707; veraPDF reads a fraction's integer part only,
so it finds 705.62).

The repair writes the width the page is drawn with into the program, glyph by glyph, for
the codes whose glyph name the font's encoding gives, where the two are more than the rule's
one unit apart (a fraction read as its integer part included). Left alone: a glyph two codes
give different widths, and a /Widths of 0 (written for codes no text shows). The outlines, side
bearings and everything else stay as they are. A repaired font is kept only where pdfium draws
its codes to the same pixels and reads the same text as before (a probe of every code
repaired, at two sizes); the run-time pixel check compares every page too.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
from collections.abc import Sequence
from types import ModuleType, SimpleNamespace

import pikepdf
from fontTools.cffLib import CFFFontSet, TopDict
from fontTools.misc.psCharStrings import T1CharString, T2CharString

from ..glyph_names import code_names
from ..pdf_entries import entry_of
from .fonts import display_name
from .t2_opening import t2_opening

_crypt: ModuleType | None
try:
    # Type 1 encryption in C (_eexec.c): the Python loops below, byte for byte.
    from . import _eexec as _crypt
except ImportError:  # pragma: no cover - depends on the installation
    _crypt = None

#: PDF/UA-1's tolerance: widths at most this far apart (in 1/1000 em) agree (veraPDF 7.21.5-1).
TOLERANCE = 1.0
#: Widths beyond this (in 1/1000 em) are none a font program holds: a Type 2 charstring's
#: numbers end at 32767 (Adobe TN 5177, 3.2), and no glyph is 32 em wide.
MAX_PROGRAM_WIDTH = 32767.0
#: The one font matrix whose widths are the dictionary's units without scaling.
_THOUSANDTH = 0.001
#: Keys of the encryption of a Type 1 program's private part and of its charstrings.
_EEXEC_KEY = 55665
_CHARSTRING_KEY = 4330
_LEN_IV = re.compile(rb"/lenIV\s+(-?\d+)")
#: One charstring of a Type 1 program's /CharStrings: name, length, the operator reading it
#: (the binary charstring follows, then the operator storing it, :data:`_STORE`).
_CHARSTRING = re.compile(rb"\s*/([^\s/\[\]{}()<>]+)\s+(\d+)\s+(\S+) ")
_STORE = re.compile(rb"\s*(?:ND|\|-|noaccess\s+def)")
#: Type 2 operators that clear the stack first in a charstring, with the number of
#: arguments they take (-1: any even number); one argument more is the width (TN 5177).
_FIRST_OPERATORS = {
    "hstem": -1, "vstem": -1, "hstemhm": -1, "vstemhm": -1, "rmoveto": 2, "hmoveto": 1,
    "vmoveto": 1, "endchar": 0, "hintmask": -1, "cntrmask": -1,
}


def match_program_widths(
    pdf: pikepdf.Pdf, page_fonts: list[list[pikepdf.Dictionary]]
) -> list[str]:
    """Repair the fonts described above among ``page_fonts`` (per page, the indirect fonts
    it draws with); the names of the fonts repaired."""
    # Imported here: font_embedding imports this module for its repairs.
    from .font_embedding import draw_the_same

    seen: set[tuple[int, int]] = set()
    tried: list[tuple[pikepdf.Dictionary, pikepdf.Dictionary, set[int]]] = []
    for fonts in page_fonts:
        for font in fonts:
            if font.objgen in seen:
                continue
            seen.add(font.objgen)
            if (repaired := _repaired(pdf, font)) is not None:
                tried.append(repaired)
    done: list[str] = []
    for (font, fixed, _), same in zip(tried, draw_the_same(tried), strict=True):
        if same:
            descriptor = font.FontDescriptor
            for key in ("/FontFile", "/FontFile3"):
                if key in fixed.FontDescriptor:
                    descriptor[key] = fixed.FontDescriptor[key]
            done.append(display_name(font))
    return sorted(set(done))


def _repaired(
    pdf: pikepdf.Pdf, font: pikepdf.Dictionary
) -> tuple[pikepdf.Dictionary, pikepdf.Dictionary, set[int]] | None:
    """(font, a copy with its program's widths repaired, the codes whose glyph changed), or
    None when nothing is to be repaired (or the program is not read here)."""
    if font.get("/Subtype") not in ("/Type1", "/MMType1"):
        return None
    descriptor = font.get("/FontDescriptor")
    if not isinstance(descriptor, pikepdf.Dictionary):
        return None
    widths = _named_widths(font)
    if not widths:
        return None
    program = entry_of(descriptor, "/FontFile")
    compact = entry_of(descriptor, "/FontFile3")
    if isinstance(program, pikepdf.Stream):
        key, stream = "/FontFile", program
    elif isinstance(compact, pikepdf.Stream) and compact.get("/Subtype") == "/Type1C":
        key, stream = "/FontFile3", compact
    else:
        return None
    rewritten = _remembered_rewrite(stream, key, widths)
    if rewritten is None:
        return None
    data, extra, changed = rewritten
    codes = {code for code, (name, _) in widths.items() if name in changed}
    if not codes:
        return None
    stream = pdf.make_stream(data)
    for entry, value in extra.items():
        stream[entry] = value
    copy = pikepdf.Dictionary({k: v for k, v in font.items() if k != "/FontDescriptor"})
    copy[pikepdf.Name.FontDescriptor] = pikepdf.Dictionary(
        {k: v for k, v in descriptor.items() if k != key})
    copy.FontDescriptor[key] = stream
    return font, pdf.make_indirect(copy), codes


#: Programs rewritten (or found to need no rewriting) so far, by :func:`_rewrite_key`:
#: producers share one program among several font dictionaries (one per encoding, per page
#: or per form field), and a document's fonts recur in others; each is parsed once per
#: worker. Results are only read, never changed.
_REWRITTEN: dict[bytes, tuple[bytes, dict[str, object], set[str]] | None] = {}
#: Results remembered at most (bounded memory: a rewritten program is tens of kilobytes,
#: most results are None).
MAX_REMEMBERED = 128


def _remembered_rewrite(
    stream: pikepdf.Stream, key: str, widths: dict[int, tuple[str, float]]
) -> tuple[bytes, dict[str, object], set[str]] | None:
    """:func:`_type1_rewritten` (``key`` /FontFile) or :func:`_cff_rewritten` (/FontFile3)
    of ``stream`` and ``widths``, each distinct program and widths rewritten once."""
    rewrite = _type1_rewritten if key == "/FontFile" else _cff_rewritten
    digest = _rewrite_key(stream, key, widths)
    if digest is None:
        return rewrite(stream, widths)
    if digest not in _REWRITTEN:
        if len(_REWRITTEN) >= MAX_REMEMBERED:
            _REWRITTEN.clear()
        _REWRITTEN[digest] = rewrite(stream, widths)
    return _REWRITTEN[digest]


def _rewrite_key(
    stream: pikepdf.Stream, key: str, widths: dict[int, tuple[str, float]]
) -> bytes | None:
    """A digest of all the rewrite of ``stream`` reads: the program's bytes, for Type 1 its
    /Length1 and /Length2, and the width wanted per glyph name (the codes do not matter).
    None when the bytes cannot be read (the rewrite then decides alone)."""
    try:
        data = stream.read_bytes()
    except Exception:  # noqa: BLE001 - the rewrite meets the same error and says what it means
        return None
    lengths = [stream.get(entry) for entry in ("/Length1", "/Length2")] \
        if key == "/FontFile" else []
    wanted = sorted({name: width for name, width in widths.values()}.items())
    parts = [key.encode(), repr([v if isinstance(v, int) else None for v in lengths]).encode(),
             repr(wanted).encode(), data]
    return hashlib.blake2b(b"".join(len(part).to_bytes(8, "big") + part for part in parts),
                           digest_size=32).digest()


def _named_widths(font: pikepdf.Dictionary) -> dict[int, tuple[str, float]]:
    """Code -> (glyph name, /Widths width) for the codes whose name the encoding gives; a
    name two codes give different widths is left out (no one width to write)."""
    widths = font.get("/Widths")
    first = font.get("/FirstChar")
    if not isinstance(widths, pikepdf.Array) or not isinstance(first, int):
        return {}
    names = code_names(font)
    out: dict[int, tuple[str, float]] = {}
    for offset, width in enumerate(widths):
        code = int(first) + offset
        name = names.get(code)
        if name is None or name == ".notdef":
            continue
        try:
            value = float(width)
        except (TypeError, ValueError):
            continue
        # A width of 0 is what producers write for the codes no text shows (a glyph shown
        # with it would be drawn over by the next): nothing to match. A width no program can
        # hold (a damaged /Widths: 1e12, NaN) is none to write either.
        if value and math.isfinite(value) and abs(value) <= MAX_PROGRAM_WIDTH:
            out[code] = (name, value)
    by_name: dict[str, set[float]] = {}
    for name, width in out.values():
        by_name.setdefault(name, set()).add(width)
    return {code: (name, width) for code, (name, width) in out.items()
            if len(by_name[name]) == 1}


# --- CFF (FontFile3 /Type1C) ------------------------------------------------------------------


def _cff_rewritten(
    stream: pikepdf.Stream, widths: dict[int, tuple[str, float]]
) -> tuple[bytes, dict[str, object], set[str]] | None:
    try:
        fonts = CFFFontSet()
        fonts.decompile(io.BytesIO(stream.read_bytes()), None)
        top: TopDict = fonts[fonts.fontNames[0]]
        if hasattr(top, "ROS") or list(getattr(top, "FontMatrix", [_THOUSANDTH]))[:4] != [
            _THOUSANDTH, 0, 0, _THOUSANDTH
        ]:
            return None
        private = top.Private
        nominal = float(getattr(private, "nominalWidthX", 0))
        default = float(getattr(private, "defaultWidthX", 0))
        changed: set[str] = set()
        for name, width in {name: width for name, width in widths.values()}.items():
            if name not in top.CharStrings:
                continue
            charstring: T2CharString = top.CharStrings[name]
            # The width is read from the operands before the first operator alone; the
            # whole outline is decoded only for a glyph that changes.
            if _with_t2_width(t2_opening(charstring), width, nominal, default) is None:
                continue
            charstring.decompile()
            program = _with_t2_width(list(charstring.program), width, nominal, default)
            if program is not None:
                charstring.program = program
                charstring.bytecode = None
                changed.add(name)
        if not changed:
            return None
        out = io.BytesIO()
        # Only a TrueType/OpenType container is read for these; the bounding box stays.
        fonts.compile(out, SimpleNamespace(recalcBBoxes=False))
    except Exception:  # noqa: BLE001 - fontTools raises many kinds on a damaged program
        return None
    return out.getvalue(), {"/Subtype": pikepdf.Name.Type1C}, changed


def _with_t2_width(
    program: list[object], width: float, nominal: float, default: float
) -> list[object] | None:
    """``program`` giving the glyph ``width``; None when it already does, or when its width
    is not where this reads it (a charstring starting with a subroutine call)."""
    first = next((i for i, token in enumerate(program) if isinstance(token, str)), None)
    if first is None or program[first] not in _FIRST_OPERATORS:
        return None
    expected = _FIRST_OPERATORS[str(program[first])]
    has_width = first % 2 == 1 if expected == -1 else first == expected + 1
    if first != expected and not has_width and expected != -1:
        return None  # an argument count this does not know: leave it
    given = float(program[0]) if has_width else None  # type: ignore[arg-type]
    current = nominal + given if given is not None else default
    # A fractional width is read by some as its integer part (veraPDF: 706.57 as 705.62).
    truncated = nominal + math.floor(given) if given is not None else default
    if max(abs(current - width), abs(truncated - width)) <= TOLERANCE:
        return None
    delta = _number(width - nominal)
    return [delta, *program[1:]] if has_width else [delta, *program]


# --- Type 1 (FontFile) -------------------------------------------------------------------------


def _type1_rewritten(
    stream: pikepdf.Stream, widths: dict[int, tuple[str, float]]
) -> tuple[bytes, dict[str, object], set[str]] | None:
    lengths = [stream.get(key) for key in ("/Length1", "/Length2", "/Length3")]
    if not isinstance(lengths[0], int) or not isinstance(lengths[1], int):
        return None
    try:
        data = stream.read_bytes()
    except pikepdf.PdfError:
        return None
    clear_end, private_end = int(lengths[0]), int(lengths[0]) + int(lengths[1])
    clear, encrypted, rest = data[:clear_end], data[clear_end:private_end], data[private_end:]
    if not re.search(rb"/FontMatrix\s*\[\s*0?\.001\s+0\s+0\s+0?\.001\s+0\s+0\s*\]", clear):
        return None
    if re.fullmatch(rb"[0-9A-Fa-f\s]{4,}", encrypted[:16]):
        return None  # hexadecimal eexec: not written by the producers met, not handled
    plain = _decrypt(encrypted, _EEXEC_KEY)
    found = _LEN_IV.search(plain)
    len_iv = int(found.group(1)) if found else 4
    start = plain.find(b"/CharStrings")
    if start < 0 or len_iv < 0:
        return None
    wanted = {name: width for name, width in widths.values()}
    # The charstrings are binary: walked one after another by their lengths.
    begin = plain.find(b"begin", start)
    if begin < 0:
        return None
    position = begin + len(b"begin")
    pieces = [plain[:position]]
    changed: set[str] = set()
    while (match := _CHARSTRING.match(plain, position)) is not None:
        name = match.group(1).decode("latin-1")
        length = int(match.group(2))
        body = plain[match.end():match.end() + length]
        new_body = _type1_charstring_with_width(body, len_iv, wanted[name]) \
            if name in wanted else None
        if new_body is not None:
            changed.add(name)
            pieces.append(plain[position:match.start(2)] + str(len(new_body)).encode()
                          + plain[match.end(2):match.end()] + new_body)
        else:
            pieces.append(plain[position:match.end() + length])
        position = match.end() + length
        if (store := _STORE.match(plain, position)) is not None:
            pieces.append(plain[position:store.end()])
            position = store.end()
    pieces.append(plain[position:])
    if not changed:
        return None
    private = _encrypt(b"".join(pieces), _EEXEC_KEY)
    extra: dict[str, object] = {
        "/Length1": len(clear), "/Length2": len(private), "/Length3": len(rest),
    }
    return clear + private + rest, extra, changed


def _type1_charstring_with_width(body: bytes, len_iv: int, width: float) -> bytes | None:
    """The encrypted charstring ``body`` with the width of its ``hsbw`` made ``width``
    (its side bearing and outline as they were); None when it already has that width or
    its width is not a plain number or quotient this reads."""
    if not float(width).is_integer():
        return None  # a Type 1 charstring holds integers (a fraction takes a div)
    decrypted = _decrypt(body, _CHARSTRING_KEY)
    # Most glyphs already have their width: read from the opening hsbw's bytes, that is
    # known without decoding the whole outline (the answer is None either way).
    opening = _opening_hsbw_width(decrypted, len_iv)
    if opening is not None and abs(opening - width) <= TOLERANCE:
        return None
    charstring = T1CharString(decrypted[len_iv:])
    try:
        charstring.decompile()
    except Exception:  # noqa: BLE001 - a damaged charstring is left as it is
        return None
    program = list(charstring.program)
    if "hsbw" not in program:
        return None
    at = program.index("hsbw")
    operands = _stack_items(program[:at])
    if operands is None or len(operands) != 2:
        return None
    current = _value(operands[1])
    if current is None or abs(current - width) <= TOLERANCE:
        return None
    new_program = [*operands[0], int(width), *program[at:]]
    rewritten = T1CharString(program=new_program)
    rewritten.compile()
    return _encrypt(decrypted[:len_iv] + rewritten.bytecode, _CHARSTRING_KEY)


#: Type 1 charstring operators read before the width (Adobe Type 1 Font Format, 6.2).
_HSBW = 13
_ESCAPE = 12
_DIV = 12  # after the escape


def _opening_hsbw_width(decrypted: bytes, len_iv: int) -> float | None:
    """The width a decrypted Type 1 charstring's ``hsbw`` gives, where only numbers (and
    ``div``s of two) come before it — as fontTools reads the charstring, and
    :func:`_stack_items` and :func:`_value` its operands; None for any other opening, or
    bytes that end first (fontTools then decides)."""
    items: list[list[object]] = []
    index, end = len_iv, len(decrypted)
    while index < end:
        b0 = decrypted[index]
        index += 1
        if b0 >= 32:
            number, index = _t1_number(decrypted, b0, index)
            if number is None:
                return None
            items.append([number])
        elif b0 == _HSBW:
            return _value(items[1]) if len(items) == 2 else None
        elif b0 == _ESCAPE and index < end and decrypted[index] == _DIV and len(items) >= 2:
            index += 1
            divisor = items.pop()
            items[-1] = [*items[-1], *divisor, "div"]
        else:
            return None
    return None


def _t1_number(data: bytes, b0: int, index: int) -> tuple[int | None, int]:
    """The number whose first byte ``b0`` was read (Type 1 encoding, 6.2), and where the
    next token starts; None when the bytes end inside it."""
    if b0 <= 246:
        return b0 - 139, index
    if b0 <= 254:
        if index >= len(data):
            return None, index
        if b0 <= 250:
            return (b0 - 247) * 256 + data[index] + 108, index + 1
        return -(b0 - 251) * 256 - data[index] - 108, index + 1
    if index + 4 > len(data):
        return None, index
    return int.from_bytes(data[index:index + 4], "big", signed=True), index + 4


def _decrypt(data: bytes, key: int) -> bytes:
    """Type 1 decryption (Adobe Type 1 Font Format, 7.1): in C where it is built."""
    if _crypt is not None:
        result: bytes = _crypt.decrypt(data, key)
        return result
    return _decrypt_in_python(data, key)


def _encrypt(data: bytes, key: int) -> bytes:
    if _crypt is not None:
        result: bytes = _crypt.encrypt(data, key)
        return result
    return _encrypt_in_python(data, key)


def _decrypt_in_python(data: bytes, key: int) -> bytes:
    """Type 1 decryption in one tight loop: fontTools' works a character at a time through
    several calls, thirty times slower on a program's tens of kilobytes."""
    out = bytearray(len(data))
    r = key
    for index, cipher in enumerate(data):
        out[index] = cipher ^ (r >> 8)
        r = ((cipher + r) * 52845 + 22719) & 0xFFFF
    return bytes(out)


def _encrypt_in_python(data: bytes, key: int) -> bytes:
    out = bytearray(len(data))
    r = key
    for index, plain in enumerate(data):
        cipher = plain ^ (r >> 8)
        out[index] = cipher
        r = ((cipher + r) * 52845 + 22719) & 0xFFFF
    return bytes(out)


def _stack_items(tokens: Sequence[object]) -> list[list[object]] | None:
    """The operands before an operator as the stack items they make (a number, or two
    numbers and ``div``); None for any other operator among them."""
    items: list[list[object]] = []
    for token in tokens:
        if token == "div":
            if len(items) < 2:
                return None
            divisor = items.pop()
            items[-1] = [*items[-1], *divisor, "div"]
        elif isinstance(token, str):
            return None
        else:
            items.append([token])
    return items


def _value(item: list[object]) -> float | None:
    if len(item) == 1 and isinstance(item[0], int | float):
        return float(item[0])
    if len(item) == 3 and item[2] == "div" and isinstance(item[0], int | float) and isinstance(
        item[1], int | float
    ) and item[1] != 0:
        return float(item[0]) / float(item[1])
    return None


def _number(value: float) -> int | float:
    """An integer where the value is one (a Type 2 charstring then writes it exactly)."""
    return int(round(value)) if math.isclose(value, round(value), abs_tol=1e-6) else value
