"""Headings set in the body's size, as a browser prints a narrow sans design's: a heading
straight under another is a heading of its own, not one line of a two-line heading (the
page's usual gap between lines, on a page of short paragraphs, is a paragraph break's); and
sections numbered "1.", "2." with their text set flush between them are headings, not lists
of one point each."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, ListBlock, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf, pdf_string

#: Short paragraphs of one line each: most gaps between lines on the page are paragraph breaks.
_SHORT = [
    "Consider a Fortran source file that provides a module of its own to the build.",
    "Ninja will load this file to add the module as an implicit output of the step.",
    "This ensures that the sources are always compiled in the proper order and again.",
    "Consider a tarball that we want to extract and the time recorded with a stamp.",
    "The build statements in a dyndep file must correspond to statements in the file.",
    "The console pool is a predefined pool with a depth of one for interactive jobs.",
]


def _lines(rows: list[tuple[str, str, float]]) -> list[bytes]:
    """One text line per row: (font resource, text, baseline)."""
    return [b"BT /%s 9 Tf 40 %.1f Td (%s) Tj ET" % (font.encode(), y, pdf_string(text))
            for font, text, y in rows]


def _read(path: Path, rows: list[tuple[str, str, float]]) -> list:
    fonts = {"F1": "/Helvetica", "F2": "/Helvetica-Bold"}
    return read_layout(fonts_page_pdf(path, _lines(rows), fonts), max_pages=1).blocks


def test_a_heading_straight_under_another_is_a_heading_of_its_own(tmp_path: Path) -> None:
    rows: list[tuple[str, str, float]] = []
    y = 780.0
    for text in _SHORT[:3]:
        rows.append(("F1", text, y))
        y -= 19  # a paragraph break: about a line's height between
    rows += [("F2", "Dyndep Examples", y), ("F2", "Fortran Modules", y - 17)]
    y -= 17 + 19
    for text in _SHORT[3:]:
        rows.append(("F1", text, y))
        y -= 19
    blocks = _read(tmp_path / "manual.pdf", rows)
    heads = [block_text(b) for b in blocks if isinstance(b, Heading)]
    assert "Dyndep Examples" in heads
    assert "Fortran Modules" in heads


def test_a_wrapped_heading_stays_one(tmp_path: Path) -> None:
    # (Its first line filled to the column's edge and the second at its own tight leading.)
    rows = [("F1", _SHORT[0], 780.0), ("F1", _SHORT[1], 761.0),
            ("F2", "Making other libraries uninstallable when the vendored copies", 742.0),
            ("F2", "are patched", 731.0)]
    rows += [("F1", text, 712.0 - 19 * k) for k, text in enumerate(_SHORT[2:])]
    blocks = _read(tmp_path / "wrapped.pdf", rows)
    heads = [block_text(b) for b in blocks if isinstance(b, Heading)]
    assert "Making other libraries uninstallable when the vendored copies are patched" in heads


def test_sections_numbered_across_their_text_are_headings(tmp_path: Path) -> None:
    rows = [
        ("F2", "1. Introduction", 780.0),
        ("F1", "The tool suite provides a number of debugging and profiling tools that help.", 765),
        ("F1", "You make your programs faster and more correct than they were before it all.", 754),
        ("F2", "2. Preparing your program", 730.0),
        ("F1", "Compile your program with debugging information so that messages are exact.", 715),
        ("F1", "Using no optimisation is also a good idea if you can tolerate the slowdown.", 704),
        ("F2", "3. Running your program", 680.0),
        ("F1", "If you normally run your program like this, run it under the tool instead.", 665),
    ]
    blocks = _read(tmp_path / "guide.pdf", rows)
    assert not any(isinstance(b, ListBlock) for b in blocks)
    heads = [block_text(b) for b in blocks if isinstance(b, Heading)]
    assert heads == ["1. Introduction", "2. Preparing your program", "3. Running your program"]


def test_a_bold_numbered_list_stays_a_list(tmp_path: Path) -> None:
    # (Points one under another, with no running text set between them.)
    rows = [
        ("F1", "Things to notice about the output before reading on to the next section:", 780),
        ("F2", "1. Read each message carefully", 765.0),
        ("F2", "2. The number is the process id", 754.0),
        ("F2", "3. The first line says the kind", 743.0),
        ("F1", "Most error messages look like the one above, which describes problem one.", 725),
        ("F1", "The stack trace tells you where in the program the problem occurred then.", 714),
    ]
    blocks = _read(tmp_path / "list.pdf", rows)
    assert any(isinstance(b, ListBlock) for b in blocks)



def test_a_numbered_contents_list_makes_no_headings(tmp_path: Path) -> None:
    # A contents list numbers its entries as the sections are, one under another from one
    # edge, each section's entry over its subsections' (one run over two lines, as a
    # paragraph's are); the sections follow, each printed again over its text. The entries
    # are no headings; the sections' own lines are.
    contents = [
        ("F2", "1. Background", 780.0),
        ("F1", "1.1. How do you pronounce the name of the tool?", 766.0),
        ("F2", "2. Compiling and installing", 748.0),
        ("F1", "2.1. When building it, make dies partway with an assertion failure, like", 734.0),
        ("F1", "this one, and the build stops there:", 723.0),
        ("F2", "3. Unexpected aborts", 705.0),
        ("F1", "3.1. Programs run OK under the tool, but at exit produce a bunch of errors", 691.0),
        ("F1", "and then die with a segmentation fault.", 680.0),
        ("F2", "4. Miscellaneous", 662.0),
        ("F1", "4.1. Where can I get more help?", 648.0),
    ]
    titles = ["1. Background", "2. Compiling and installing", "3. Unexpected aborts",
              "4. Miscellaneous"]
    sections: list[tuple[str, str, float]] = []
    y = 620.0
    for title, k in zip(titles, range(0, 8, 2), strict=True):
        sections += [("F2", title, y), ("F1", _SHORT[k % 6], y - 15),
                     ("F1", _SHORT[(k + 1) % 6], y - 26)]
        y -= 50
    blocks = _read(tmp_path / "contents.pdf", contents + sections)
    heads = [(block_text(b), b.prov[0].bbox.y1) for b in blocks if isinstance(b, Heading)]
    assert [text for text, _ in heads] == titles
    assert all(top < 640 for _, top in heads)  # (the sections' own lines, not the entries)


def test_sections_of_numbered_clauses_are_headings(tmp_path: Path) -> None:
    # (An agreement's sections hold clauses numbered under them, "1.1", "2.1", each running
    # over lines as a paragraph does: the sections' lines are printed once, headings.)
    rows = [
        ("F2", "1. Definitions", 780.0),
        ("F1", "1.1. The agreement means this agreement and its schedules, as amended from", 765.0),
        ("F1", "time to time by the parties in writing and signed by both of them.", 754.0),
        ("F2", "2. Term", 730.0),
        ("F1", "2.1. This agreement starts on the date it is signed and runs for a period", 715.0),
        ("F1", "three years unless ended earlier under the clauses that follow it.", 704.0),
        ("F2", "3. Payment", 680.0),
        ("F1", "3.1. The customer pays each invoice within thirty days of the date it", 665.0),
        ("F1", "is received, by transfer to the account named on the invoice itself.", 654.0),
    ]
    blocks = _read(tmp_path / "agreement.pdf", rows)
    heads = [block_text(b) for b in blocks if isinstance(b, Heading)]
    assert heads == ["1. Definitions", "2. Term", "3. Payment"]
