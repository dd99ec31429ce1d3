"""Runs of lines in pieces that are no table: a numbered section heading under the lone last
line of a paragraph (a texinfo manual's "4.3   DER functions" over a function's definition),
and bytes dumped in hex in a fixed-pitch face (xxd's lines: an offset, hex bytes, the bytes
as text)."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

_FONTS = {"F1": "/Times-Roman", "F2": "/Times-Bold", "F3": "/Courier"}


def _text(font: str, size: float, x: float, y: float, text: str) -> bytes:
    return f"BT /{font} {size} Tf {x} {y} Td (".encode() + pdf_string(text) + b") Tj ET"


def _manual_ops() -> list[bytes]:
    """A function reference's page: a description's last line, its bold label a gap before
    its text; the next section's heading, its number set apart from its title in a larger
    bold face; a function's name as a heading of its own; then the function's definition
    (its type, name, arguments and category in pieces across the line, the arguments
    wrapped) and its arguments described a line each."""
    return [
        _text("F1", 9.7, 119, 650, "Returns the value of a node inside a structure, as the"),
        _text("F1", 9.7, 119, 637, "caller asked for it."),
        _text("F2", 9.7, 119, 618, "Returns:"),
        _text("F1", 9.7, 165, 618, "ASN1_SUCCESS if the node exists."),
        _text("F2", 12.7, 90, 588, "4.3"),
        _text("F2", 12.7, 119, 588, "DER functions"),
        _text("F2", 11.6, 90, 561, "asn1_length_der"),
        _text("F3", 10, 90, 537, "void"),
        _text("F3", 10, 121, 537, "asn1_length_der"),
        _text("F1", 10.6, 221, 537, "(unsigned long int len, unsigned char * der,"),
        _text("F1", 9.7, 474, 537, "[Function]"),
        _text("F1", 10, 140, 523, "int * der_len)"),
        _text("F1", 9.7, 119, 511, "len: value to convert."),
        _text("F1", 9.7, 119, 493, "der: buffer to hold the returned encoding."),
        _text("F1", 9.7, 119, 476, "der_len: number of meaningful bytes of the encoding."),
    ]


def test_a_numbered_heading_under_a_lone_line_in_pieces_is_no_table_row(
    tmp_path: Path,
) -> None:
    # The paragraph's last line ("Returns:" a gap before its text) opened a run of lines in
    # pieces; the heading under it, two pieces too, went on in that run, and so did the
    # function's definition: a table whose rows were the heading and the definition. A
    # heading with its number apart, in a face clearly larger than the line above, ends
    # the run however short it is.
    path = fonts_page_pdf(tmp_path / "manual.pdf", _manual_ops(), _FONTS, size=(612, 792))
    doc = read_layout(path, max_pages=5)
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    headings = [b.text for b in doc.blocks if isinstance(b, Heading)]
    assert any(h.startswith("4.3") and h.endswith("DER functions") for h in headings)


_DUMP = [
    ("00000000", "4d 49 4d 45 2d 4d 61 67  69 63 00 0a 5b 35 30 3a", "|MIME-Magic..[50:|"),
    ("00000010", "74 65 78 74 2f 78 2d 64  69 66 66 5d 0a 3e 30 3d", "|text/x-diff].>0=|"),
    ("00000020", "00 05 64 69 66 66 09 0a  3e 30 3d 00 04 2a 2a 2a", "|..diff..>0=..***|"),
]


def _dump_ops() -> list[bytes]:
    """A paragraph, then a dump of bytes in Courier: each line its offset, sixteen bytes in
    hex, each group of digits drawn where the face's pitch puts it (a piece of its own, as
    TeX sets a verbatim line's words), and the bytes as text; then a paragraph again."""
    ops = [
        _text("F1", 10, 120, 700, "The example above would, on its own, create this file:"),
    ]
    pitch = 0.6 * 6.9  # (Courier's advance at 6.9 points)
    for row, (offset, data, chars) in enumerate(_DUMP):
        y = 680 - 11.5 * row
        ops.append(_text("F3", 6.9, 120, y, offset))
        column = 10
        for byte in data.split(" "):
            if byte:
                ops.append(_text("F3", 6.9, 120 + column * pitch, y, byte))
                column += 3
            else:
                column += 1  # (the wider gap after eight bytes)
        ops.append(_text("F3", 6.9, 120 + (column + 1) * pitch, y, chars))
    ops.append(_text("F1", 10, 120, 630, "This can be followed by other rules for the type."))
    return ops


def test_bytes_dumped_in_hex_are_read_as_a_listing_not_a_table(tmp_path: Path) -> None:
    # Most of the dump's pieces are groups of hex digits that read as numbers ("00", "64"),
    # so it passed for a fixed-pitch table of figures; but some hold a letter beside a
    # digit ("4d", "0a"), which no figure does: computer output, read line by line.
    path = fonts_page_pdf(tmp_path / "dump.pdf", _dump_ops(), _FONTS, size=(612, 792))
    doc = read_layout(path, max_pages=5)
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    said = " ".join(" ".join(b.text.split()) for b in doc.blocks)
    for offset, data, chars in _DUMP:
        assert " ".join([offset, *data.split(), chars]) in said


#: The text's right edge: prose justified to it, the definitions' kinds set flush with it.
_RIGHT = 522.0
#: The kinds of the definitions and their widths in Times-Roman at 9.7 points.
_KINDS = {"[Context struct]": 61.16, "[Constant]": 40.95, "[Function]": 40.95}


def _justified(x: float, y: float, text: str, width: float) -> bytes:
    """``text`` in Times-Roman at 9.7 points from ``x``, spaced out to reach the text's
    right edge (``width``: its natural width), a little between every two letters (TeX
    stretches word spaces, but by less than a gap between pieces)."""
    spacing = (_RIGHT - x - width) / (len(text) - 1)
    return f"{spacing:.3f} Tc ".encode() + _text("F1", 9.7, x, y, text) + b" 0 Tc"


def _definitions_ops() -> list[bytes]:
    """A reference manual's definitions (texinfo's) between paragraphs justified across the
    text: each a line of its name or signature, in a fixed-pitch face (its words pieces
    apart), and its kind in brackets flush with the text's right edge; lines describing it,
    indented, under some."""
    ops = [
        _justified(90, 730, "SHA256 is a member of the SHA2 family of hash functions. It"
                   " outputs hash values of 256 bits, or", 385.0),
        _text("F1", 9.7, 90, 717, "32 octets, and is defined in the header sha2.h."),
    ]
    entries: list[tuple[list[str], str, list[tuple[str, float | None]]]] = [
        (["struct", "sha256_ctx"], "[Context struct]", []),
        (["SHA256_DIGEST_SIZE"], "[Constant]", [("The size of a SHA256 digest, i.e. 32.", None)]),
        (["SHA256_BLOCK_SIZE"], "[Constant]", [
            ("The internal block size of SHA256. Useful for some special constructions, in"
             " particular", 338.37),
            ("HMAC-SHA256.", None),
        ]),
        (["void", "sha256_init"], "[Function]", [("Initialize the SHA256 state.", None)]),
    ]
    y = 695.0
    for name, kind, lines in entries:
        x = 90.0
        for word in name:
            ops.append(_text("F3", 10, x, y, word))
            x += 6 * (len(word) + 1) + 4  # (a wide gap: the name's words are pieces)
        ops.append(_text("F1", 9.7, _RIGHT - _KINDS[kind], y, kind))
        for line, width in lines:
            y -= 12
            ops.append(_text("F1", 9.7, 119, y, line) if width is None
                       else _justified(119, y, line, width))
        y -= 18
    ops.append(_justified(90, y, "Performs final processing and extracts the message digest,"
                          " writing it to digest. length", 329.23))
    ops.append(_text("F1", 9.7, 90, y - 12, "may be smaller than the digest size."))
    return ops


def test_a_manuals_definitions_with_their_kinds_flush_right_are_no_table(
    tmp_path: Path,
) -> None:
    # Each definition's line, its name at the left and its kind at the right edge, made a
    # row of pieces: names, descriptions and kinds were read as a table's columns. Each
    # line is read whole, its kind with its name, and the descriptions are text.
    path = fonts_page_pdf(tmp_path / "reference.pdf", _definitions_ops(), _FONTS,
                          size=(612, 792))
    doc = read_layout(path, max_pages=5)
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    texts = [" ".join(b.text.split()) for b in doc.blocks]
    assert "SHA256_DIGEST_SIZE [Constant]" in texts
    assert "struct sha256_ctx [Context struct]" in texts
    assert any("The size of a SHA256 digest" in t and "[" not in t for t in texts)
