"""Two columns of rules text whose paragraphs hang their labels ("a)", "b)") in a margin left
of the text, and a footer line running across the gutter (date, name, page number). The
right column's labels stand in the gutter, a label's width short of its text: the gap
between them is narrower than the gutter but, with the footer bridging the gutter, it is
the only gap running the page's height. It is no gutter: each label belongs to the text on
its right, and the columns are read one after the other, each item with its label. An item's
first line, justified with word spaces wide enough to split it into words, over bullets, is
no table (its evenly spaced words make columns nothing else fills). Small PDFs drawn here by
text operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .test_justified_columns_on_one_grid import _width

SIZE = 9.0
LEADING = 11.0
MEASURE = 216.0  # each column's text, right of its labels
LABEL_INDENT = 14.0  # from a label to its text
LEFT_X, RIGHT_X = 60.0, 320.0  # where each column's labels stand

TEXT = (
    "the engine is to be operated at the load points important for the designer and the "
    "pertaining values are to be recorded while the conditions to be tested are specified "
    "in the applicable approval programme and witnessed by the attending surveyor"
)
WORDS = TEXT.split()


def _lines(start: int, count: int) -> list[str]:
    """``count`` lines of about one measure each, from the words' ``start``."""
    out = []
    for k in range(count):
        words = [WORDS[(start + 8 * k + j) % len(WORDS)] for j in range(8)]
        out.append(" ".join(words))
    return out


def _show(x: float, y: float, text: str, width: float | None = None) -> bytes:
    # (A line set to the full measure by scaling it across, so each fills its column.)
    scale = 100.0 if width is None else 100 * width / _width(text)
    shown = text.replace("(", r"\(").replace(")", r"\)")
    return f"BT /F1 {SIZE} Tf {scale:.2f} Tz 1 0 0 1 {x} {y} Tm ({shown}) Tj ET".encode("latin-1")


def _column(x: float, top: float, labels: str, start: int) -> tuple[list[bytes], list[str]]:
    ops, items = [], []
    y = top
    for n, label in enumerate(labels):
        lines = _lines(start + 3 * n, 3)
        ops.append(_show(x, y, f"{label})"))
        for line in lines:
            ops.append(_show(x + LABEL_INDENT, y, line, MEASURE))
            y -= LEADING
        y -= 4
        items.append(f"{label}) " + " ".join(lines))
    return ops, items


def _page(path: Path, footer: bool = True) -> tuple[Path, list[str], list[str]]:
    left_ops, left = _column(LEFT_X, 740, "abcde", 0)
    right_ops, right = _column(RIGHT_X, 740, "abcdef", 5)
    ops = left_ops + right_ops
    if footer:
        ops += [_show(60, 40, "January 2020"), _show(266, 40, "Bureau Veritas"),
                _show(540, 40, "63")]
    return text_page_pdf(path, ops), left, right


def _texts(path: Path) -> str:
    return "\n".join(block_text(b) for b in read_layout(path, max_pages=1).blocks)


def test_each_column_is_read_whole_with_its_labels(tmp_path: Path) -> None:
    path, left, right = _page(tmp_path / "hanging.pdf")
    text = _texts(path)
    assert " ".join(left) in text
    assert " ".join(right) in text
    assert text.index(left[-1]) < text.index(right[0])


def test_labels_in_the_margin_of_a_lone_column_keep_their_items(tmp_path: Path) -> None:
    # Control: one column with its labels hung in the margin and no footer: one list, its
    # items in order (the labels' gap, alone, was never a gutter).
    ops, items = _column(RIGHT_X, 740, "abcdef", 5)
    text = _texts(text_page_pdf(tmp_path / "one.pdf", ops))
    assert " ".join(items) in text


def _justified(x: float, y: float, words: list[str], width: float) -> bytes:
    """``words`` set to ``width`` by moving each on by one stretched space (as a justified
    line is drawn: every word space of the line alike)."""
    stretch = (width - sum(map(_width, words))) / (len(words) - 1)
    kern = f" {-stretch * 1000 / SIZE:.1f} "
    shown = kern.join(f"({w})" for w in words)
    return f"BT /F1 {SIZE} Tf 100 Tz 1 0 0 1 {x} {y} Tm [{shown}] TJ ET".encode()


FIRST_LINE = "As a minimum the following data are to be"


def test_a_justified_line_over_bullets_is_no_table(tmp_path: Path) -> None:
    # An item's first line, justified with word spaces wider than a fragment's gap (each
    # word a piece), then its last line and two bullets: the words are no table's columns.
    words = FIRST_LINE.split()
    ops = [
        _show(LEFT_X, 700, "b)"),
        _justified(LEFT_X + LABEL_INDENT, 700, words, MEASURE),
        _show(LEFT_X + LABEL_INDENT, 689, "measured and recorded:"),
        _show(LEFT_X + LABEL_INDENT, 678, "\x95"),
        _show(LEFT_X + 2 * LABEL_INDENT, 678, "Engine speed"),
        _show(LEFT_X + LABEL_INDENT, 667, "\x95"),
        _show(LEFT_X + 2 * LABEL_INDENT, 667, "Torque"),
    ]
    path = text_page_pdf(tmp_path / "justified.pdf", ops)
    blocks = read_layout(path, max_pages=1).blocks
    assert "table" not in [b.type for b in blocks]
    text = "\n".join(block_text(b) for b in blocks)
    assert "b) As a minimum the following data are to be measured and recorded:" in text


def test_an_equation_number_ending_a_column_line_is_no_hung_label(tmp_path: Path) -> None:
    # Control: an equation's number "(1)", flush right in the left column, level with a
    # line of the right column a gutter away: it ends its column's line (the column's lines
    # reach past its start), and the gutter still parts the columns.
    gutter = 20.0
    right_x = LEFT_X + MEASURE + gutter
    left, right = _lines(0, 8), _lines(3, 8)
    ops = []
    for k in range(8):
        y = 700 - LEADING * k
        ops.append(_show(right_x, y, right[k], MEASURE))
        if k == 4:
            ops += [_show(140, y, "sim = q p"), _show(LEFT_X + MEASURE - 12, y, "(1)")]
        else:
            ops.append(_show(LEFT_X, y, left[k], MEASURE))
    text = _texts(text_page_pdf(tmp_path / "equation.pdf", ops))
    assert " ".join(right) in text.replace("\n", " ")
    assert " ".join(left[:4]) in text.replace("\n", " ")


def test_a_table_head_set_one_gap_apart_stays_a_table(tmp_path: Path) -> None:
    # Control: a table's head set as LaTeX sets one, one gap between its columns (evenly
    # spaced words), over two rows of figures that fill those columns: still a table.
    heads = ["Method", "Top-1", "Top-5", "Top-20", "Top-100"]
    rows = [["Gold", "44.9", "66.8", "78.1", "85.0"], ["Sup.", "43.9", "65.3", "77.1", "84.4"]]
    ops, x = [], LEFT_X
    for k, head in enumerate(heads):
        ops.append(_show(x, 700, head))
        for n, row in enumerate(rows):
            ops.append(_show(x, 689 - LEADING * n, row[k]))
        x += max(_width(head), *(_width(row[k]) for row in rows)) + 10
    blocks = read_layout(text_page_pdf(tmp_path / "table.pdf", ops), max_pages=1).blocks
    assert [b.type for b in blocks] == ["table"]
