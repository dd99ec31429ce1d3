"""A table no rule or shading sets a head apart in has one where its text does
(:func:`.table_heads.set_apart_head`): words over its columns of figures, or a face of their
own (a smaller size), a row of them or two. A first row of data
(a figure where its columns hold figures, or a word its column gives again below) is none."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Cell, Row, Table
from workers.engine.layout.classify import _row_widths
from workers.engine.layout.lines import Fragment
from workers.engine.layout.table_heads import set_apart_head

from .test_bold_head_rows import _table

#: Tab stops of the columns: a label column, then three of figures.
_STOPS = (80, 240, 330, 420)

Line = tuple[tuple[float, str], ...]  # (x, text) for each cell set on the line


def _table_pdf(
    path: Path, rows: list[Line], sizes: list[float], bold: int = 0
) -> Path:
    """Each row a line of cells set at their x in Helvetica, row k in ``sizes[k]`` points
    (the last size for the rows past them), the first ``bold`` rows in its bold face."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[0]
    fonts = {
        key: pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(name),
        ))
        for key, name in (("/F", "/Helvetica"), ("/B", "/Helvetica-Bold"))
    }
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(fonts))
    ops = [
        f"BT {'/B' if k < bold else '/F'} {sizes[min(k, len(sizes) - 1)]} Tf"
        f" {x} {700 - 14 * k} Td ({text}) Tj ET".encode()
        for k, row in enumerate(rows) for x, text in row
    ]
    page.obj.Contents = pdf.make_stream(b"\n".join(ops))
    pdf.save(path)
    return path


def _row(*texts: str) -> Line:
    return tuple((x, t) for x, t in zip(_STOPS, texts, strict=True) if t)


_DATA = [
    _row("Germany", "83,200", "357,600", "233.1"),
    _row("France", "67,800", "551,700", "122.9"),
    _row("Italy", "59,000", "301,300", "195.8"),
    _row("Spain", "47,400", "506,000", "93.7"),
]


def _heads(table: Table) -> list[list[str]]:
    return [[c.text for c in row.cells if c.header and c.text] for row in table.rows]


def test_words_over_columns_of_figures_are_the_header_row(tmp_path: Path) -> None:
    rows = [_row("Country", "People", "Area", "Density"), *_DATA]
    table = _table(_table_pdf(tmp_path / "words.pdf", rows, [10]))
    assert _heads(table)[0] == ["Country", "People", "Area", "Density"]
    assert all(c.scope == "column" for c in table.rows[0].cells)
    assert not any(_heads(table)[1:])


def test_a_row_of_group_heads_over_the_column_heads_is_a_header_row_too(
    tmp_path: Path
) -> None:
    # "Size" over the People and Area columns' heads, "Ratio" over Density's.
    rows = [((290, "Size"), (420, "Ratio")), _row("Country", "People", "Area", "Density"),
            *_DATA]
    table = _table(_table_pdf(tmp_path / "group.pdf", rows, [10]))
    assert _heads(table)[:2] == [["Size", "Ratio"], ["Country", "People", "Area", "Density"]]
    assert not any(_heads(table)[2:])


def test_a_first_row_of_figures_is_no_header_row(tmp_path: Path) -> None:
    table = _table(_table_pdf(tmp_path / "data.pdf", _DATA, [10]))
    assert not any(_heads(table))


def test_a_word_its_column_gives_again_below_is_a_value(tmp_path: Path) -> None:
    # "n/a" over figures is a figure not given, as it is in a later row.
    rows = [_row("Andorra", "n/a", "n/a", "n/a"), *_DATA, _row("Monaco", "n/a", "2", "n/a")]
    table = _table(_table_pdf(tmp_path / "values.pdf", rows, [10]))
    assert not any(_heads(table))


def test_heads_in_a_face_of_their_own_are_the_header_row(tmp_path: Path) -> None:
    # Years over the figures (no words over them): the heads are told by their smaller size.
    rows = [_row("Country", "2019", "2020", "2021"), *_DATA]
    table = _table(_table_pdf(tmp_path / "face.pdf", rows, [7, 10]))
    assert _heads(table)[0] == ["Country", "2019", "2020", "2021"]
    assert not any(_heads(table)[1:])


def test_bold_heads_wrapped_over_rows_are_header_rows_but_a_total_in_bold_is_not(
    tmp_path: Path
) -> None:
    # The heads' second lines ("posted", "($)") are rows of their own, in bold as the first;
    # the total under them, in bold too, gives figures where its columns hold them.
    rows = [_row("Country", "People", "Area", "Density"), _row("", "counted", "sq. km", ""),
            _row("Total", "257,400", "1,716,600", "150.0"), *_DATA]
    table = _table(_table_pdf(tmp_path / "bold.pdf", rows, [10], bold=3))
    assert _heads(table)[:2] == [["Country", "People", "Area", "Density"], ["counted", "sq. km"]]
    assert not any(_heads(table)[2:])


def _cells(*rows: tuple[str | None, ...]) -> list[list[Fragment | None]]:
    return [[None if t is None else Fragment(text=t) for t in row] for row in rows]


def test_a_lone_word_over_a_column_of_figures_heads_it_only_over_other_heads() -> None:
    # Alone in its row, a word over the figures is the label of the rows under it (a section
    # of the table) or a title, unless the columns' own heads are under it.
    data = [("North", "1,200", "35"), ("South", "3,400", "48"), ("West", "560", "12")]
    assert set_apart_head(_cells((None, "Population", None), *data)) == 0
    assert set_apart_head(_cells((None, "Census", None), ("Region", "People", "Area"), *data)) == 2


def test_a_continued_tables_rows_count_the_columns_their_spanning_cells_take() -> None:
    # A head spanning two columns, one spanning down two rows: each row takes three.
    table = Table([
        Row([Cell("Region", header=True, row_span=2), Cell("Size", header=True, col_span=2)]),
        Row([Cell("People", header=True), Cell("Area", header=True)]),
        Row([Cell("North"), Cell("1,200"), Cell("35")]),
    ])
    assert _row_widths(table) == [3, 3, 3]
