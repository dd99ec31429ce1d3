"""Two columns of running text set a narrow gutter apart, their lines level with each other, where
the column search finds no gutter (a heading in a script face reaching into it): the lines of
the two columns are not read on into each other as one line past the gap. A line's parts set
apart on it (a number and its title) still read as one line. Small PDFs drawn here by text
operators."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

LEFT = ["Passed by Congress in February and ratified after.",
        "The right of citizens to vote shall not be denied",
        "or abridged by any State on account of their race."]
RIGHT = ["Passed by Congress in December and repealed later.",
         "After one year from the ratification of this article",
         "the sale of liquors within the country is prohibited."]


def show(x: float, y: float, text: str, size: float = 8) -> bytes:
    return f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm ({text}) Tj ET".encode()


def _texts(path: Path, ops: list[bytes]) -> list[str]:
    return [block_text(b) for b in read_layout(text_page_pdf(path, ops), max_pages=1).blocks]


def test_lines_of_two_columns_a_narrow_gutter_apart_stay_apart(tmp_path: Path) -> None:
    # The second heading starts over the end of the first column's lines: no gutter runs
    # down the page. The columns' lines are 17 points apart, under twice their height.
    ops = [show(60, 712, "Amendment Fifteen", 22), show(240, 712, "Amendment Eighteen", 22)]
    for k in range(3):
        ops += [show(72, 700 - 10 * k, LEFT[k]), show(268, 700 - 10 * k, RIGHT[k])]
    texts = _texts(tmp_path / "columns.pdf", ops)
    assert " ".join(LEFT) in texts
    assert " ".join(RIGHT) in texts


def test_a_number_set_apart_before_its_title_is_one_line(tmp_path: Path) -> None:
    # Control: a short piece past the same gap goes on with the line.
    ops = [show(72, 700, "12"), show(92, 700, "The right of citizens to vote in the elections")]
    texts = _texts(tmp_path / "title.pdf", ops)
    assert "12 The right of citizens to vote in the elections" in texts
