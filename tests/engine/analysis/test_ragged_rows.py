"""Rows lined up by spaces rather than in columns: a table typed into a preformatted block
set in a proportional face, whose columns drift with the words before them, is read a line
at a time (:func:`workers.engine.layout.tables._ragged_rows`); and a listing's own column of
versions and dates, in its fixed-pitch face, beside its notes is no prose, so the listing is
not parted into two columns (:func:`workers.engine.layout.order._listing_beside_prose`),
nor, at the prose's own line spacing, read as two columns or a table
(:func:`workers.engine.layout.order._one_listing`).
Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string
from .test_spanning_heads import in_order, read

LEFT, SIZE, PITCH = 60, 10, 14.0

#: A constant's name, the property it sets and its value, typed with spaces to character
#: columns (as a preformatted block holds them) and set in Times: the columns drift.
CONSTANTS = [
    ("thin", "weight", "0"), ("extralight", "weight", "40"), ("book", "weight", "75"),
    ("ultracondensed", "width", "50"), ("extracondensed", "width", "63"),
    ("condensed", "width", "75"), ("semicondensed", "width", "87"), ("normal", "width", "100"),
    ("semiexpanded", "width", "113"), ("proportional", "spacing", "0"),
]

PROSE = [
    "These paragraphs run in long lines across the page, the way a document's running text is",
    "set between its margins, so that the page reads as set text with its own column and the",
    "block of code under it is a part of that column rather than a table or a form to read.",
    "The program below compresses its input and writes what it made to its output file here.",
]


def line(font: str, y: float, text: str, scaling: float = 100) -> bytes:
    return (
        f"BT /{font} {SIZE} Tf {scaling} Tz {LEFT} {y} Td ({pdf_string(text).decode()}) Tj ET"
    ).encode()


#: Courier set narrower (every character alike, so still at one pitch), its space below a
#: fragment's gap as a monospaced face with a taller line box sets it: a word space joins
#: a line's words, two spaces part them.
CODE_SCALING = 85
#: A listing's lines stand closer than the prose's.
CODE_PITCH = 12.0


def test_rows_typed_with_spaces_in_a_proportional_face_are_read_a_row_at_a_time(
    tmp_path: Path,
) -> None:
    ops = [line("F1", 760 - PITCH * k, f"{a:<16}{b:<12}{c}") for k, (a, b, c) in
           enumerate(CONSTANTS)]
    path = fonts_page_pdf(tmp_path / "typed.pdf", ops, {"F1": "/Times-Roman"})
    # (The first rows' columns keep clear of each other: a table; the rows past a long
    # name drift, each a line read across, none read down a column with the others.)
    read_apart = [block_text(b) for b in read_layout(path, max_pages=1).blocks]
    assert [f"{a} {b} {c}" in read_apart for a, b, c in CONSTANTS[3:]] == [True] * 7


HISTORY = [
    "/* Version history:",
    "   1.0  30 Oct 2004  First version",
    "   1.1   8 Nov 2004  Add void casting for unused return values",
    "                     Use switch statement for inflate() return values",
    "   1.2   9 Nov 2004  Add assertions to document zlib guarantees",
    "   1.3   6 Apr 2005  Remove incorrect assertion in inf()",
    "   1.4  11 Dec 2005  Add hack to avoid MSDOS end-of-line conversions",
    "                     Avoid some compiler warnings for input and output",
    "buffers",
    " */",
]


def test_a_version_history_in_a_listing_stays_one_listing(tmp_path: Path) -> None:
    # Prose, then the listing at its own tighter pitch, then prose again: the gaps round
    # the listing cut it apart, to be searched for columns of its own.
    ops = [line("F1", 780 - PITCH * k, text) for k, text in enumerate(PROSE)]
    ops += [
        line("F2", 704 - CODE_PITCH * k, text, CODE_SCALING) for k, text in enumerate(HISTORY)
    ]
    ops += [line("F1", 564 - PITCH * k, text) for k, text in enumerate(PROSE)]
    path = fonts_page_pdf(
        tmp_path / "history.pdf", ops, {"F1": "/Helvetica", "F2": "/Courier"}
    )
    doc = read_layout(path, max_pages=1)
    assert not [b for b in doc.walk() if isinstance(b, Table)]
    assert in_order(read(path), ["30 Oct 2004", "First version", "8 Nov 2004", "Add void",
                                 "Use switch", "9 Nov 2004", "buffers"])


def test_a_listing_at_the_prose_spacing_stays_one_listing(tmp_path: Path) -> None:
    # The listing's lines at the prose's own pitch: no wider gap sets it apart from the
    # prose, and the rows of its dates and notes (a note's wrapped line level with no date)
    # no longer line up as a table's would; still one listing, read a line at a time.
    top = 780 - PITCH * len(PROSE)
    ops = [line("F1", 780 - PITCH * k, text) for k, text in enumerate(PROSE)]
    ops += [line("F2", top - PITCH * k, text, CODE_SCALING) for k, text in enumerate(HISTORY)]
    bottom = top - PITCH * len(HISTORY)
    ops += [line("F1", bottom - PITCH * k, text) for k, text in enumerate(PROSE)]
    path = fonts_page_pdf(
        tmp_path / "history.pdf", ops, {"F1": "/Helvetica", "F2": "/Courier"}
    )
    doc = read_layout(path, max_pages=1)
    assert not [b for b in doc.walk() if isinstance(b, Table)]
    assert in_order(read(path), ["30 Oct 2004", "First version", "8 Nov 2004", "Add void",
                                 "Use switch", "9 Nov 2004", "6 Apr 2005", "Remove", "buffers"])
