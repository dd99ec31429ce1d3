"""Lines that are no table's rows: a page's running head over its header rule, set above a
list whose labels line up like a column, and a line of justified prose whose wide word spaces
look like column gaps. (A caption's headnote: see test_table_caption_rows.)"""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Heading, ListBlock, Paragraph, Table
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_fonts, helvetica_page

_LINE = b"(The exercises of this chapter go over the spaces and maps that it has set out) Tj"


def _exercises_ops(number: int, *, exercises: bool = True) -> list[bytes]:
    """A page of lecture notes: its running head (the page number at the left, the section's
    title at the right) over a header rule across the text, and, when ``exercises``, the
    chapter's exercises opening the page under a heading: an exercise's title, its text, and
    two items labelled "(a)" and "(b)", running to the text's right edge."""
    ops = [
        b"BT /F1 8.5 Tf 90 807 Td (%d) Tj ET" % number,
        b"BT /F1 8.5 Tf 430 807 Td (1.6. PATHS AND KNOTS) Tj ET",
        b"90 805 450 0.4 re f",
    ]
    if exercises:
        ops += [
            b"BT /F2 13 Tf 90 772 Td (Exercises) Tj ET",
            b"BT /F2 11 Tf 90 740 Td (Exercise 1 \\(Sierpinski space\\)) Tj ET",
            b"BT /F1 9.6 Tf 118 705 Td (Let X be the set of the two points 0 and 1 with the"
            b" empty set, the point 0 and X as its open sets.) Tj ET",
            b"BT /F1 9.6 Tf 123 689 Td (\\(a\\)) Tj 19 0 Td (Prove that the two points and these"
            b" three sets make up a topological space.) Tj ET",
            b"BT /F1 9.6 Tf 123 669 Td (\\(b\\)) Tj 19 0 Td (Is this space a Hausdorff space, and"
            b" is its topology given by a metric on X?) Tj ET",
        ]
        top = 620
    else:
        top = 780
    ops += [b"BT /F1 9.6 Tf 90 %d Td " % y + _LINE + b" ET" for y in range(top, 400, -14)]
    return ops


def _notes(path: Path, pages: list[list[bytes]]) -> Path:
    pdf = pikepdf.new()
    fonts = helvetica_fonts(pdf)
    for ops in pages:
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=fonts)
        page.obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def test_a_running_head_over_its_rule_is_no_head_row_of_the_lines_under_it(
    tmp_path: Path,
) -> None:
    # The running head's two pieces, at the text's two edges, over the labelled items: read
    # as one run of rows, they made a table whose head row was the running head. The header
    # rule hugs the running head and the text starts well below it: it underlines the head
    # alone, page furniture, and the exercises under it are a heading, text and a list.
    pages = [_exercises_ops(n, exercises=n == 2) for n in range(1, 5)]
    doc = read_layout(_notes(tmp_path / "notes.pdf", pages), max_pages=10)
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    assert sorted(a.text for a in doc.artifacts if a.prov[0].page == 1) == [
        "1.6. PATHS AND KNOTS", "2",
    ]
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [item.label for item in lists[0].items] == ["(a)", "(b)"]


def test_a_heading_under_the_header_rule_is_no_running_header_however_often_it_opens_a_page(
    tmp_path: Path,
) -> None:
    # Three chapters' exercises open a page each, their heading at the same place in the top
    # margin band: it comes back often enough to pass for a running header, but it stands
    # under the rule that sets the page's running head off from the text: the body's. (A
    # heading, or a paragraph where it comes back too often to name one section.)
    pages = [_exercises_ops(n, exercises=n % 2 == 0) for n in range(1, 7)]
    doc = read_layout(_notes(tmp_path / "notes.pdf", pages), max_pages=10)
    assert [b.text for b in doc.blocks if isinstance(b, Heading | Paragraph)].count(
        "Exercises") == 3
    assert not [a for a in doc.artifacts if a.text == "Exercises"]
    assert sorted(a.text for a in doc.artifacts if a.prov[0].page == 0) == [
        "1", "1.6. PATHS AND KNOTS",
    ]


def _justified_item_ops() -> list[str]:
    """An item of a rule book's list: its first line justified to the column's measure, its
    word spaces stretched alike (wide enough to split it into pieces, each word one), its
    second line short, and a list of bullets under it, their text at one indent."""
    line = "As a minimum, the following engine data are to be"
    words = " -640 ".join(f"({w})" for w in line.split())
    ops = [
        "BT /F1 9.2 Tf 60 720 Td (b\\)) Tj 14 0 Td [" + words + "] TJ ET",
        "BT /F1 9.2 Tf 74 709 Td (measured and recorded:) Tj ET",
    ]
    for k, item in enumerate(["Engine r.p.m.", "Torque", "Exhaust gas temperature",
                              "Turbocharger speed"]):
        y = 695 - 14 * k
        ops.append(f"BT /F1 9.2 Tf 74 {y} Td (\\225) Tj 14 0 Td ({item}) Tj ET")
    return ops


def test_a_justified_line_over_a_list_is_no_table_row(tmp_path: Path) -> None:
    # The justified line's words, evenly spaced, stand where the lines under it have no
    # piece that lines up with them (the item's second line starts where its text does, the
    # bullets' text at one indent): prose, not a row of cells over the bullets' column.
    doc = read_layout(helvetica_page(tmp_path / "rules.pdf", _justified_item_ops()),
                      max_pages=5)
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    said = " ".join(b.text for b in doc.blocks if isinstance(b, Paragraph))
    said += " ".join(
        block.text for b in doc.blocks if isinstance(b, ListBlock)
        for item in b.items for block in item.blocks if isinstance(block, Paragraph)
    )
    assert "As a minimum, the following engine data are to be measured and recorded:" in said
