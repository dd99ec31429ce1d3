"""Text set in columns that is no table, which read as one would be announced cell by cell:
a dump of bytes in hex whose halves a wide gap parts, and a list whose bullets are a small
letter "o" (a word processor's second-level bullet). Small PDFs drawn here: Helvetica
(``/F1``) for the prose, Courier (``/F2``) for the dump."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workers.engine.document import Document, Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string


def _pdf(path: Path, operators: Sequence[bytes]) -> Path:
    return fonts_page_pdf(path, operators, {"F1": "/Helvetica", "F2": "/Courier"})


def _text(font: str, x: float, y: float, text: str, size: float = 10, spaces: float = 0) -> bytes:
    """``spaces``: the word spacing added to each space (``Tw``), narrowing it when below 0."""
    return b"BT /%s %g Tf %g Tw %.2f %.2f Td (%s) Tj ET" % (
        font.encode(), size, spaces, x, y, pdf_string(text))


def _tables(doc: Document) -> list[Table]:
    return [b for b in doc.walk() if isinstance(b, Table)]


_PROSE = [
    "The magic file starts with a header, then the rules, each given by its priority and",
    "the type it names in brackets. The first bytes of one such file are shown below.",
]
_DUMP = [
    ("00000000", "4d 49 4d 45 2d 4d 61 67", "69 63 00 0a 5b 35 30 3a", "|MIME-Magic..[50:|"),
    ("00000010", "74 65 78 74 2f 78 2d 64", "69 66 66 5d 0a 3e 30 3d", "|text/x-diff].>0=|"),
    ("00000020", "00 05 64 69 66 66 09 0a", "3e 30 3d 00 04 2a 2a 2a", "|..diff..>0=..***|"),
    ("00000030", "09 0a 3e 30 3d 00 17 43", "6f 6d 6d 6f 6e 20 73 75", "|..>0=..Common su|"),
    ("00000040", "62 64 69 72 65 63 74 6f", "72 69 65 73 3a 20 0a 0a", "|bdirectories: .|"),
]


def test_a_hex_dump_with_its_halves_set_apart_is_no_table(tmp_path: Path) -> None:
    """Each line of the dump is an offset, two halves of eight bytes and the bytes as text,
    the halves parted by a gap wider than the bytes' spaces: pieces of eight groups each,
    counted by their groups they are a dump of bytes, read line by line, not a table."""
    ops = [_text("F1", 72, 760 - 14 * k, line) for k, line in enumerate(_PROSE)]
    for k, (offset, first, second, chars) in enumerate(_DUMP):
        y = 720 - 12 * k
        ops += [
            _text("F2", 72, y, offset), _text("F2", 132, y, first, spaces=-3),
            _text("F2", 270, y, second, spaces=-3), _text("F2", 408, y, chars),
        ]
    ops += [_text("F1", 72, 640, "The rules that follow the header are read in turn.")]
    doc = read_layout(_pdf(tmp_path / "dump.pdf", ops), max_pages=1)
    assert not _tables(doc)
    text = "\n".join(b.text for b in doc.blocks)
    assert "4d 49 4d 45 2d 4d 61 67" in text


_ITEMS = [
    "OpenACC worker parallelism for the new graphics cards of the vendor",
    "Data privatization and sharing at the OpenACC gang level",
    "Considerable improvements for the experimental kernels decomposition",
]


def test_items_bulleted_with_a_letter_o_are_no_table(tmp_path: Path) -> None:
    """A second-level list bulleted with a small "o" (its bullets a piece apart from its
    items' text), one item's line ending in a word set apart by justification: the "o"
    down the left of every row is a bullet, and the rows are a list's items, no table."""
    ops = [_text("F1", 72, 760, "In addition to general performance tuning, new features include:")]
    for k, item in enumerate(_ITEMS):
        y = 740 - 16 * k
        ops += [_text("F1", 88, y, "o"), _text("F1", 106, y, item)]
    ops += [_text("F2", 470, 740 - 16 * 2, "kernels=")]
    ops += [_text("F1", 72, 680, "The offload target code generation can now be adjusted.")]
    doc = read_layout(_pdf(tmp_path / "items.pdf", ops), max_pages=1)
    assert not _tables(doc)
