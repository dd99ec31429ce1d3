"""Two columns of justified text on one grid of baselines (as LaTeX sets a two-column page), a
narrow gutter apart: the left column's word spaces are stretched wider than a fragment's gap,
so each of its lines comes apart into words, none of them long enough to look like running
text. The column search still finds the gutter (the words of a line joined again are the
column's lines), and the columns are read one after the other, not line by line across as a
table's rows. A table whose rows hold figures beside a column of text stays a table. Small
PDFs drawn here by text operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

#: Helvetica's advance widths (thousandths of the size) of the characters used here.
WIDTHS = {
    "a": 556, "b": 556, "c": 500, "d": 556, "e": 556, "f": 278, "g": 556, "h": 556, "i": 222,
    "l": 222, "m": 833, "n": 556, "o": 556, "p": 556, "q": 556, "r": 333, "s": 500, "t": 278,
    "u": 556, "v": 500, ".": 278, ",": 278, " ": 278,
}
SIZE = 9.0
WIDTH = 270.0  # the column's measure
GUTTER = 12.0

LEFT = [
    "nam dui ligula fringilla a euismod sodales sollicitudin vel",
    "morbi auctor lorem non justo nam lacus libero pretium at",
    "lobortis vitae ultricies et tellus donec aliquet tortor sed",
    "accumsan bibendum erat ligula aliquet magna vitae ornare",
    "odio metus a mi morbi ac orci et nisl hendrerit mollis",
    "suspendisse ut massa cras nec ante pellentesque a nulla",
    "cum sociis natoque penatibus et magnis dis parturient",
    "montes nascetur ridiculus mus aliquam tincidunt urna nunc",
]
RIGHT = [
    "Fusce mauris. Vestibulum luctus nibh at lectus.",
    "Sed bibendum, nulla a faucibus semper, leo velit",
    "ultricies tellus, ac venenatis arcu wisi vel nisl.",
    "Vestibulum diam. Aliquam pellentesque, augue quis",
    "sagittis posuere, turpis lacus congue quam, in",
    "hendrerit risus eros eget felis. Maecenas eget erat",
    "in sapien mattis porttitor. Vestibulum porttitor.",
    "Nulla facilisi. Sed a turpis eu lacus commodo.",
]


def _width(text: str) -> float:
    return sum(WIDTHS.get(c.lower(), 556) for c in text) * SIZE / 1000


def _justified(x: float, y: float, line: str) -> bytes:
    """``line`` set to the full measure by kerning its words apart (no space characters, as
    TeX draws a line: each word shown, then moved on by the stretched space)."""
    words = line.split()
    stretch = (WIDTH - sum(map(_width, words))) / (len(words) - 1)
    kern = -stretch * 1000 / SIZE
    pieces = f" {kern:.1f} ".join(f"({w})" for w in words)
    return f"BT /F1 {SIZE} Tf 1 0 0 1 {x} {y} Tm [{pieces}] TJ ET".encode()


def _plain(x: float, y: float, line: str) -> bytes:
    return f"BT /F1 {SIZE} Tf 1 0 0 1 {x} {y} Tm ({line}) Tj ET".encode()


def _texts(path: Path, ops: list[bytes]) -> list[str]:
    return [block_text(b) for b in read_layout(text_page_pdf(path, ops), max_pages=1).blocks]


def test_the_stretched_word_spaces_are_wider_than_a_fragment_gap() -> None:
    # (What makes the case: each left line's words are set further apart than a fragment
    # gap, about half the type's box height, yet closer than a table's columns.)
    for line in LEFT:
        words = line.split()
        stretch = (WIDTH - sum(map(_width, words))) / (len(words) - 1)
        assert 6.5 < stretch < 11.5


def test_justified_columns_on_one_grid_are_read_one_after_the_other(tmp_path: Path) -> None:
    ops = []
    for k, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
        y = 700 - 12 * k
        ops += [_justified(72, y, left), _plain(72 + WIDTH + GUTTER, y, right)]
    texts = _texts(tmp_path / "columns.pdf", ops)
    assert " ".join(LEFT) in texts
    assert " ".join(RIGHT) in texts


LABELS = ["Sales of goods and services", "Changes in work in progress", "Other income and grants",
          "Costs of raw materials", "Services bought in", "Rent of equipment", "Staff costs",
          "Depreciation of assets"]


def test_figures_beside_a_column_of_labels_stay_a_table(tmp_path: Path) -> None:
    # Control: the right-hand side's rows are figures (no words to join into lines of text),
    # beside labels of several words on the same rows: read as a table, row by row.
    ops = []
    for k, label in enumerate(LABELS):
        y = 700 - 12 * k
        ops += [_plain(72, y, label)] + [
            _plain(222 + 40 * c, y, f"{(k + 1) * (c + 3) * 1000 + 17:,}") for c in range(4)
        ]
    blocks = read_layout(text_page_pdf(tmp_path / "table.pdf", ops), max_pages=1).blocks
    assert [b.type for b in blocks] == ["table"]


def _pieces(x: float, y: float, words: list[str], gaps: list[float]) -> bytes:
    kerns = [f" {-g * 1000 / SIZE:.1f} " for g in gaps]
    shown = "".join(f"({w})" + (kerns[k] if k < len(kerns) else "") for k, w in enumerate(words))
    return f"BT /F1 {SIZE} Tf 1 0 0 1 {x} {y} Tm [{shown}] TJ ET".encode()


def _scaled(x: float, y: float, line: str, width: float) -> bytes:
    """``line`` scaled across (``Tz``) to run ``width`` points from ``x``."""
    scale = 100 * width / _width(line)
    return f"BT /F1 {SIZE} Tf {scale:.2f} Tz 1 0 0 1 {x} {y} Tm ({line}) Tj ET".encode()


def test_a_word_space_of_a_line_across_is_no_gutter(tmp_path: Path) -> None:
    # A paragraph's justified line, its words stretched apart, over two captions set side by
    # side: the only band clear down the part is one of that line's word spaces (a little
    # narrower than its others), under which the captions part. The line's words, joined
    # again either side of that space, would make two "columns" of text; but a gutter is
    # wider than the word spaces beside it, and the line reads on across.
    first = ["the", "augmentation", "of", "human", "intellect", "via", "an", "interactive",
             "vehicle", "navigating", "through"]
    gaps = [8.0] * 6 + [6.5] + [8.0] * 3
    start = 72 + sum(map(_width, first[:7])) + sum(gaps[:6])  # where the narrow space is
    end = start + gaps[6]
    ops = [_pieces(72, 700, first, gaps), _plain(72, 688, "thought vectors in concept space.")]
    for y, left, right in (
        (640, "Doug Engelbart, the father of personal", "the first mouse, and a chord keyboard"),
        (630, "computing, at his desk in the laboratory", "for the left hand, on the same desk"),
    ):
        ops += [_scaled(72, y, left, start - 72 - 3), _scaled(end, y, right, 460 - end)]
    texts = _texts(tmp_path / "line.pdf", ops)
    assert any(t.startswith(" ".join(first)) for t in texts), texts
