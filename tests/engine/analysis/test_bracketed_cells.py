"""A cell whose text leaves a bracket open goes on in the lines under it: a reference card's
methods, "transform(" over its arguments hung under the name ("float m11, float m12,"), set
at the rows' own pitch and far from the column's edge. Those lines are the cell's, not rows
of their own (:func:`workers.engine.layout.tables._own_row`), even where they run past the
widest cell above them (:func:`workers.engine.layout.tables._last_column_wrapped`); and a
column of lines opening with calls named in lower case ("rotate(") is no sentence running on
(:func:`workers.engine.layout.tables._runs_on`). Read as text, the types' column ran into
one paragraph ("void void void void") and the calls into others. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Paragraph, Table
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

#: Left edges of the two columns, and of the arguments hung under a call's name.
TYPE_X, NAME_X, ARGS_X = 72.0, 150.0, 160.0
#: The rows' pitch: a cell's wrapped lines are set at the same one.
PITCH = 11.5


def _show(x: float, y: float, text: str) -> bytes:
    escaped = text.replace("(", r"\(").replace(")", r"\)")  # (a PDF string's brackets)
    return f"BT /F1 8 Tf {x} {y} Td ({escaped}) Tj ET".encode()


def _methods(rows: list[tuple[str, list[str]]]) -> list[bytes]:
    """A heading, then the heads "Return" and "Name" and a row for each method: its type,
    its name, and its arguments' lines (if any) hung under the name, all at one pitch."""
    ops = [b"BT /F1 12 Tf 72 760 Td (Methods) Tj ET"]
    y = 736.0
    ops += [_show(TYPE_X, y, "Return"), _show(NAME_X, y, "Name")]
    for kind, lines in rows:
        y -= PITCH
        ops += [_show(TYPE_X, y, kind), _show(NAME_X, y, lines[0])]
        for line in lines[1:]:
            y -= PITCH
            ops.append(_show(ARGS_X, y, line))
    y -= 3 * PITCH
    ops.append(b"BT /F1 10 Tf 72 %.1f Td (The methods above draw on the canvas.) Tj ET" % y)
    return ops


def _rows(path: Path) -> list[list[str]]:
    blocks = read_layout(path, max_pages=1).blocks
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1, [getattr(b, "text", "") for b in blocks]
    return [[c.text.replace("\n", " ") for c in row.cells] for row in tables[0].rows]


def test_arguments_hung_under_a_call_are_its_cell(tmp_path: Path) -> None:
    rows = _rows(text_page_pdf(tmp_path / "calls.pdf", _methods([
        ("void", ["scale( float x, float y)"]),
        ("void", ["rotate( float angle)"]),
        ("void", ["translate( float x, float y)"]),
        ("void", ["transform(", "float m11, float m12,", "float m21, float m22,",
                  "float dx, float dy)"]),
        ("void", ["setTransform(", "float m11, float m12,", "float dx, float dy)"]),
    ])))
    assert rows == [
        ["Return", "Name"],
        ["void", "scale( float x, float y)"],
        ["void", "rotate( float angle)"],
        ["void", "translate( float x, float y)"],
        ["void", "transform( float m11, float m12, float m21, float m22, float dx, float dy)"],
        ["void", "setTransform( float m11, float m12, float dx, float dy)"],
    ]


def test_arguments_running_past_the_rows_above_stay_in_the_table(tmp_path: Path) -> None:
    rows = _rows(text_page_pdf(tmp_path / "long.pdf", _methods([
        ("string", ["toDataURL(", "[Optional] string type, [Variadic] any args, any more)"]),
        ("Object", ["getContext( string contextId)"]),
        ("void", ["save( )"]),
    ])))
    assert rows == [
        ["Return", "Name"],
        ["string", "toDataURL( [Optional] string type, [Variadic] any args, any more)"],
        ["Object", "getContext( string contextId)"],
        ["void", "save( )"],
    ]


def test_a_sentence_wrapped_beside_a_column_is_still_text(tmp_path: Path) -> None:
    """Lines running on mid-clause, in lower case, beside short labels: no table (no line
    opens with a call: the sentence goes on from line to line)."""
    ops = [b"BT /F1 12 Tf 72 760 Td (Notes) Tj ET"]
    lines = [
        ("Note", "the first line of a sentence that runs on and on"),
        ("", "across the lines of a column set beside its label,"),
        ("Also", "and each of them goes on with the sentence above"),
        ("", "so that the column reads as running text does, in"),
        ("More", "lower case from line to line and never a table"),
    ]
    y = 736.0
    for label, text in lines:
        if label:
            ops.append(_show(TYPE_X, y, label))
        ops.append(_show(NAME_X, y, text))
        y -= PITCH
    blocks = read_layout(text_page_pdf(tmp_path / "prose.pdf", ops), max_pages=1).blocks
    assert not [b for b in blocks if isinstance(b, Table)]
    assert any(isinstance(b, Paragraph) for b in blocks)
