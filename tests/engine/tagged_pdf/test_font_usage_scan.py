"""The codes each font shows, read through the C scanner, are the codes pikepdf's parse gives:
strings decoded as qpdf decodes them, the last operand's strings only, fonts saved and
restored, forms followed; a stream the scanner cannot read exactly is read by pikepdf."""

from __future__ import annotations

import random

import pikepdf
import pytest

from workers.engine.tagged_pdf import font_usage
from workers.engine.tagged_pdf.font_usage import CodesUsed

scanner = pytest.importorskip("workers.engine.tagged_pdf._instruction_scan")


def _font(pdf: pikepdf.Pdf, base: str) -> pikepdf.Object:
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(base),
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))


def page_showing(content: bytes) -> tuple[pikepdf.Pdf, list[tuple[int, int]]]:
    """A PDF whose page draws ``content`` with fonts /F1 and /F2 and a form /X1 that shows
    text in the font it is painted with; the two fonts' keys."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0]
    first, second = _font(pdf, "/Helvetica"), _font(pdf, "/Courier")
    form = pdf.make_stream(b"BT (in form) Tj /F2 5 Tf <C3A9> Tj ET", Type=pikepdf.Name.XObject,
                           Subtype=pikepdf.Name.Form, BBox=[0, 0, 10, 10])
    page.obj.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(F1=first, F2=second), XObject=pikepdf.Dictionary(X1=form))
    page.obj.Contents = pdf.make_stream(content)
    return pdf, [first.objgen, second.objgen]


def read_both_ways(
    content: bytes, monkeypatch: pytest.MonkeyPatch, *, scanned: bool = True
) -> tuple[tuple[bool, list[bytes]], tuple[bool, list[bytes]]]:
    """What CodesUsed reads of ``content`` with the scanner, and with pikepdf alone.
    ``scanned``: whether the scanner reads the page (else it leaves it to pikepdf)."""
    pdf, keys = page_showing(content)
    page = pdf.pages[0].obj
    steps = font_usage._scanned_steps(page, page.Resources, None, set(keys))
    assert (steps is not None) == scanned
    read = []
    for with_scanner in (True, False):
        monkeypatch.setattr(font_usage, "_scanner", scanner if with_scanner else None)
        usage = CodesUsed(set(keys))
        usage.read_page(pdf.pages[0])
        read.append((usage.unreadable, [usage.shown_bytes(key) for key in keys]))
    return read[0], read[1]


STREAMS = [
    # Escapes, octal codes of one to three digits, nested parentheses, odd hex strings.
    rb"BT /F1 9 Tf (a\(b\)c\\d\n\r\t\b\f\101\60x\0077\4) Tj <41 42 4> Tj <> Tj ET",
    # Only the last operand counts; strings nested in a TJ array's arrays do not.
    rb"BT /F1 9 Tf (skipped) (shown) Tj [(x) -20 [(nested)] <7A>] TJ 1 2 (q) "
    b"\" (l) ' ET",
    # The font in force is saved and restored; a form shows text in its painter's font.
    rb"BT /F1 9 Tf (a) Tj q /F2 9 Tf [(b) -20 (c)] TJ Q (d) ' ET /X1 Do q /F2 1 Tf /X1 Do Q",
    # A font named by no resource, and text shown before any font is set.
    rb"BT (none yet) Tj /F9 9 Tf (unknown) Tj /F1 9 Tf (known) Tj ET",
    # Left to pikepdf: a carriage return inside a string, a Tf whose operand is no name.
    b"BT /F1 9 Tf (line\rbreak) Tj ET",
    rb"BT (/F2) 9 Tf (which font?) Tj ET",
]
LEFT_TO_PIKEPDF = 2


@pytest.mark.parametrize("number", range(len(STREAMS)))
def test_scanned_codes_are_pikepdfs(number: int, monkeypatch: pytest.MonkeyPatch) -> None:
    scanned, parsed = read_both_ways(STREAMS[number], monkeypatch,
                                     scanned=number < len(STREAMS) - LEFT_TO_PIKEPDF)
    assert scanned == parsed
    assert any(parsed[1])  # the test means something


def test_random_strings_decode_as_qpdf_decodes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """Literal strings made of the characters that matter (escapes, octal digits, balanced
    parentheses), and hex strings with spaces and odd lengths."""
    rng = random.Random(7)
    pieces = [b"\\\\", b"\\(", b"\\)", b"()", b"(x)", b"\\n", b"\\1", b"\\12", b"\\123",
              b"\\777", b"\\8", b"\\q", b"7", b"a", b" ", b"\n", b"\xe9", b"\t"]
    strings = []
    for _ in range(300):
        body = b"".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        strings.append(b"(" + body + b")")
        digits = "".join(rng.choice("0123456789abcDEF  ") for _ in range(rng.randint(0, 7)))
        strings.append(b"<" + digits.encode() + b">")
    content = b"BT /F1 9 Tf " + b"\n".join(s + b" Tj" for s in strings) + b" ET"
    scanned, parsed = read_both_ways(content, monkeypatch)
    assert scanned == parsed


def test_shown_reads_only_the_text_showing_instructions() -> None:
    data = b"BT /F1 9 Tf (ab) Tj 0 -12 Td [(c) 5 <6465>] TJ (f) ' ET"
    scanned = scanner.scan(data, [], frozenset())
    assert scanned is not None
    names, starts, ends, _ = scanned
    assert scanner.shown(data, starts, ends, names, 0, len(names)) == b"abcdef"
    assert scanner.shown(data, starts, ends, names, 3, 5) == b"cde"  # Td and TJ
    assert scanner.shown(data, starts, ends, names, 0, 2) == b""
