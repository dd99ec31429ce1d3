"""A row of pictures named on one line (:func:`workers.engine.layout.figures.row_name_of`):
the names drawn as one piece of text, the pen moved between them, each centred on its own
picture — on small PDFs drawn here with pikepdf."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Figure, block_text
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import Picture, body_lines, make_pdf

SIZE = 11.0
#: Helvetica's advance widths (thousandths of an em) of the letters drawn here.
_WIDTHS = {"o": 556, "v": 500, "e": 556, "r": 333, "i": 222, "n": 556, "u": 556, "t": 278,
           "c": 500, "p": 556, "d": 556, "a": 556, "s": 500, "-": 333}


NAMES = ["source-atop", "destination-in", "source-out"]


def _width(text: str) -> float:
    return sum(_WIDTHS[ch] for ch in text) * SIZE / 1000


def _one_line(names: list[str], middles: list[float], y: float) -> str:
    """``names`` drawn in one text object (one ``TJ``), the pen moved from each to the next,
    each name's middle at its ``middles``."""
    starts = [m - _width(n) / 2 for n, m in zip(names, middles, strict=True)]
    parts = [f"({names[0]})"]
    for k in range(1, len(names)):
        gap = starts[k] - (starts[k - 1] + _width(names[k - 1]))
        parts.append(f"{-gap * 1000 / SIZE:.1f} ({names[k]})")
    return f"BT /F1 {SIZE} Tf {starts[0]:.2f} {y} Td [{' '.join(parts)}] TJ ET"


def _row(tmp_path: Path, shift: float) -> list[Figure]:
    row = [Picture(name, 100 + 84 * k, 300, 80, 80)
           for k, name in enumerate(["first", "second", "third"])]
    middles = [140 + 84 * k + shift for k in range(3)]
    pdf = make_pdf(tmp_path / "row.pdf", [(row, body_lines())],
                   shapes=[_one_line(NAMES, middles, 290.0)])
    doc = read_layout(pdf, max_pages=2)
    # The line of names is still read where it stands, in its order.
    read = [block_text(b) for b in doc.blocks if not isinstance(b, Figure)]
    assert " ".join(t for t in read if "source" in t or "destination" in t) == " ".join(NAMES)
    return sorted((b for b in doc.walk() if isinstance(b, Figure)),
                  key=lambda f: f.prov[0].bbox.x0)


def test_each_name_of_a_line_centred_on_its_picture_names_it(tmp_path: Path) -> None:
    assert [f.caption for f in _row(tmp_path, 0.0)] == NAMES


def test_names_off_their_pictures_middles_name_no_picture(tmp_path: Path) -> None:
    """The same line moved a quarter of a picture to the right: each word still stands on a
    picture, but none is set to name it."""
    assert [f.caption for f in _row(tmp_path, 20.0)] == [None, None, None]


def test_sub_figures_labelled_in_turn_are_named_under_their_drawings_labels(
    tmp_path: Path,
) -> None:
    """Two drawings side by side, a drawing's lowest label at its foot, and under both, a
    little further down, "(a) …" and "(b) …" on one line, off the pictures' middles: each
    sub-figure is named by its labelled name."""
    row = [Picture("a", 100, 300, 160, 80), Picture("b", 300, 300, 160, 80)]
    lines = [*body_lines(), (176.0, 290.0, "S"), (150.0, 272.0, "(a) Spheres"),
             (320.0, 272.0, "(b) Tori")]
    doc = read_layout(make_pdf(tmp_path / "sub.pdf", [(row, lines)]), max_pages=2)
    named = sorted((f.prov[0].bbox.x0, f.caption) for f in doc.walk() if isinstance(f, Figure))
    assert [caption for _, caption in named] == ["(a) Spheres", "(b) Tori"]


def test_sub_figure_names_out_of_turn_name_no_picture(tmp_path: Path) -> None:
    row = [Picture("a", 100, 300, 160, 80), Picture("b", 300, 300, 160, 80)]
    lines = [*body_lines(), (176.0, 290.0, "S"), (150.0, 272.0, "(a) Spheres"),
             (320.0, 272.0, "(c) Tori")]
    doc = read_layout(make_pdf(tmp_path / "sub.pdf", [(row, lines)]), max_pages=2)
    assert [f.caption for f in doc.walk() if isinstance(f, Figure)] == [None, None]
