"""List items set as a narrow column sets its paragraphs: the bullet at the first-line indent,
the item's body going on from the column's edge, out left of the bullet (a register's or a
newspaper's three columns), under a lead-in paragraph ending with ":".

Three columns set at three leadings' offsets chain the page's lines across the gutters, so
the lead-in's last line, the line over it and the bullet line under it stood in one line
group: merged into one piece, the first item was read into the lead-in ("… the following
actions: • Installing …"). The item's body lines, starting left of its bullet, were taken
for a paragraph after the list ("<li>Revising the existing</li></ul><p>manual to …")."""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.lines import fragments, lines
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

SIZE = 9
STEP = 10
#: The first column's lines: (where the line starts, bullet, text); a bullet line's text
#: starts past the bullet (at 63), set apart from it by more than a word space.
Column = list[tuple[float, bool, str]]
#: Lines from the column's edge, first lines indented.
EDGE, INDENT, TEXT = 45, 54, 63
COLUMN: Column = [
    (INDENT, False, "The agency would require the"),
    (EDGE, False, "following actions:"),
    (TEXT, True, "Installing new control software"),
    (EDGE, False, "and doing a software installation"),
    (EDGE, False, "verification."),
    (TEXT, True, "Revising the existing flight"),
    (EDGE, False, "manual to incorporate new and"),
    (EDGE, False, "revised information and procedures,"),
    (EDGE, False, "and to remove the information that"),
    (EDGE, False, "would be no longer applicable."),
    (TEXT, True, "Requiring, for operators who wish"),
    (EDGE, False, "to allow dispatch of an airplane"),
    (EDGE, False, "with certain inoperative systems."),
    (INDENT, False, "The agency would also require"),
    (EDGE, False, "an operational readiness flight"),
    (EDGE, False, "before the airplane returns to"),
    (EDGE, False, "service, as the bulletin specifies."),
]
PROSE = [
    "Service information is available", "from the manufacturer at the address",
    "given above, and it may be viewed", "at the docket office during normal",
    "business hours on any working day", "except on the federal holidays that",
]


def _show(x: float, y: float, text: str, size: float = SIZE) -> bytes:
    return f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET".encode()


def _column(column: Column, top: float = 700, shift: float = 0) -> list[bytes]:
    """``column``'s lines from ``top`` down, ``shift`` points right of where they say."""
    ops = []
    for k, (x, bullet, text) in enumerate(column):
        y = top - STEP * k
        if bullet:
            ops += [_show(INDENT + shift, y + 0.2, "\\225", 8), _show(x + shift, y, text)]
        else:
            ops.append(_show(x + shift, y, text))
    return ops


def _page(path: Path, column: Column = COLUMN) -> Path:
    """``column`` (its bullets at :data:`INDENT`), beside two columns of prose whose
    baselines stand 4 and 6 points lower than its own."""
    ops = _column(column)
    for x, drop in ((222, 4), (399, 6)):
        ops += [_show(x, 700 - drop - STEP * k, t) for k, t in enumerate(PROSE * 3)]
    return text_page_pdf(path, ops, size=(612, 792))


def _pieces(path: Path) -> list[str]:
    pdf = pdfium.PdfDocument(path)
    try:
        glyphs = read_page(pdf, 0).glyphs
    finally:
        pdf.close()
    return [f.text for line in lines(fragments(glyphs)) for f in line.fragments]


def test_the_lead_in_and_the_bullet_line_are_no_one_piece(tmp_path: Path) -> None:
    pieces = _pieces(_page(tmp_path / "items.pdf"))
    assert "following actions:" in pieces
    assert "The agency would require the" in pieces
    assert not any("actions:" in p and "Installing" in p for p in pieces), pieces


def test_the_page_chains_its_lines_across_the_columns(tmp_path: Path) -> None:
    # The premise: the lead-in's lines and the bullet line are one line group with the
    # other columns' lines (merged, they would be one piece).
    pdf = pdfium.PdfDocument(_page(tmp_path / "items.pdf"))
    try:
        glyphs = read_page(pdf, 0).glyphs
    finally:
        pdf.close()
    groups = [" ".join(f.text for f in line.fragments) for line in lines(fragments(glyphs))]
    assert any(
        "following actions:" in group and "would require the" in group
        and "Installing" in group and "Service information" in group
        for group in groups
    ), groups


def _read(path: Path) -> list[object]:
    return list(read_layout(path, max_pages=1).blocks)


def test_the_items_keep_their_bodies_under_the_lead_in(tmp_path: Path) -> None:
    blocks = _read(_page(tmp_path / "items.pdf"))
    lead = next(b for b in blocks if isinstance(b, Paragraph) and "agency would require" in b.text)
    assert lead.text == "The agency would require the following actions:"
    (items,) = [b for b in blocks if isinstance(b, ListBlock)]
    assert [item.text for item in items.items] == [
        "Installing new control software and doing a software installation verification.",
        "Revising the existing flight manual to incorporate new and revised information"
        " and procedures, and to remove the information that would be no longer applicable.",
        "Requiring, for operators who wish to allow dispatch of an airplane with certain"
        " inoperative systems.",
    ]
    # The paragraph after the list, its first line indented as the bullets are: no item's.
    after = blocks[blocks.index(items) + 1]
    assert isinstance(after, Paragraph)
    assert after.text.startswith("The agency would also require an operational")


#: Items that hang (their lines under the text past the bullet), then a paragraph from the
#: column's edge set as close under the last: the list ends there, as before.
HANGING: Column = [
    (EDGE, False, "The agency would require these:"),
    (TEXT, True, "Installing new control software"),
    (TEXT, False, "and doing an installation check"),
    (TEXT, True, "Revising the existing flight manual"),
    (EDGE, False, "Operators may ask for more time in"),
    (EDGE, False, "writing, giving their reasons for it."),
]


def test_a_paragraph_out_left_of_hanging_items_ends_the_list(tmp_path: Path) -> None:
    blocks = _read(_page(tmp_path / "hanging.pdf", HANGING))
    (items,) = [b for b in blocks if isinstance(b, ListBlock)]
    assert [item.text for item in items.items] == [
        "Installing new control software and doing an installation check",
        "Revising the existing flight manual",
    ]
    assert any(
        isinstance(b, Paragraph) and b.text.startswith("Operators may ask") for b in blocks
    )


def test_a_list_going_on_in_the_next_column_is_one_list(tmp_path: Path) -> None:
    # The first column ends inside the list; its last items stand at the top of the next
    # column, 177 points right: the same list's points, not a list inside its last item.
    first = [(EDGE, False, line) for line in PROSE] + COLUMN[:10]
    ops = _column(first) + _column(COLUMN[10:], top=700, shift=177)
    blocks = _read(text_page_pdf(tmp_path / "across.pdf", ops, size=(612, 792)))
    (items,) = [b for b in blocks if isinstance(b, ListBlock)]
    assert [item.text[:20] for item in items.items] == [
        "Installing new contr", "Revising the existin", "Requiring, for opera",
    ]
    assert all(len(item.blocks) == 1 for item in items.items)


def test_a_labels_two_lines_beside_a_value_stay_one_piece(tmp_path: Path) -> None:
    # A chart's or a table's row: a label of two lines of words, its value centred beside
    # them holding both in one line group, two lines tall and no more (no chain of
    # columns): read as one piece, as before.
    ops = [
        _show(45, 700, "There is no safe connection with the"),
        _show(45, 690, "public transport network for trips"),
        _show(260, 695, "5%"),
    ]
    pieces = _pieces(text_page_pdf(tmp_path / "row.pdf", ops, size=(612, 792)))
    assert "There is no safe connection with the public transport network for trips" in pieces


def test_a_one_line_item_after_one_set_as_a_paragraph_is_its_sibling(tmp_path: Path) -> None:
    # The first item's lines reach out to the column's edge, the next item is one line at
    # its bullet: both stand at their bullets, one list (not a list inside the first item).
    column = [*COLUMN[:5], (TEXT, True, "Revising the flight manual."), *COLUMN[13:]]
    blocks = _read(_page(tmp_path / "short.pdf", column))
    (items,) = [b for b in blocks if isinstance(b, ListBlock)]
    assert [item.text[:20] for item in items.items] == [
        "Installing new contr", "Revising the flight ",
    ]
    assert all(len(item.blocks) == 1 for item in items.items)
