"""Two columns of running text set at leadings offset by half a line: each line of one is
level with two of the other's, which chains them into one line group, however short. A
column's two lines in such a group are two lines, not one piece: a word hyphenated at the
first's end is read whole ("refer-" over "enced" is "referenced", not "refer- enced").
A table row's cells, centred on one middle (three lines beside two), are read as before.
Small PDFs drawn here by text operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Table, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

SIZE = 9.0
#: The lines' step: type set close, so that a line's loose box reaches a fifth into the
#: next (as LaTeX's 10 pt type on its 12 pt step does).
STEP = 8.8


def show(x: float, y: float, text: str) -> bytes:
    return f"BT /F1 {SIZE} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET".encode()


def test_a_word_broken_in_a_column_beside_offset_lines_is_one_word(tmp_path: Path) -> None:
    ops = [show(40, 700 - 12 * k, line) for k, line in enumerate([
        "Every item of the list is referenced by its number in the",
        "text that follows it, as the text of a paper often does.",
    ])]
    # The left column's last two lines, and the right column's two, half a step lower.
    ops += [show(40, 600 - STEP * k, line) for k, line in enumerate([
        "Apart from two commands at the start to enable the tagging,",
        "the document uses standard markup for its lists and tables.",
    ])]
    ops += [show(310, 600 - STEP / 2 - STEP * k, line) for k, line in enumerate([
        "The items within such a list may be numbered, to be refer-",
        "enced by their numbers in the text of the document below.",
    ])]
    doc = read_layout(text_page_pdf(tmp_path / "columns.pdf", ops), max_pages=1)
    texts = [block_text(b) for b in doc.blocks]
    assert texts[1:] == [
        "Apart from two commands at the start to enable the tagging, the document uses "
        "standard markup for its lists and tables.",
        "The items within such a list may be numbered, to be referenced by their numbers in "
        "the text of the document below.",
    ]


def test_a_table_row_s_cells_centred_on_one_middle_keep_their_lines(tmp_path: Path) -> None:
    # A cell of three lines beside one of two, centred: the lines stand offset by half a
    # step, as the columns' above, but on one middle: one row's cells, each read whole.
    ops = [show(40, 640, "Actions"), show(310, 640, "Partners")]
    ops += [show(40, 600 - STEP * k, line) for k, line in enumerate([
        "Draw up a toolbox for deciding on the upkeep of projects,",
        "safety guides, complete street policies and so on, for the",
        "development of active transport (for example: a plan).",
    ])]
    ops += [show(310, 600 - STEP / 2, "Public works department,"),
            show(414, 600 - STEP / 2, "town planning department"),
            show(310, 600 - 1.5 * STEP, "and the department of leisure and sport services")]
    ops += [show(40, 540, "Set up a code of conduct on the network."),
            show(310, 540, "Head of active transport")]
    ops += [f"35 {y} m 560 {y} l S".encode() for y in (655, 615, 555, 530)]
    ops += [f"{x} 530 m {x} 655 l S".encode() for x in (35, 300, 560)]
    doc = read_layout(text_page_pdf(tmp_path / "row.pdf", ops), max_pages=1)
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [c.text for c in table.rows[1].cells] == [
        "Draw up a toolbox for deciding on the upkeep of projects, safety guides, complete "
        "street policies and so on, for the development of active transport (for example: a "
        "plan).",
        "Public works department, town planning department and the department of leisure and "
        "sport services",
    ]
