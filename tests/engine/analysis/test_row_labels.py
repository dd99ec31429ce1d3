"""The labels of a row of pictures (:func:`workers.engine.layout.figures.row_label_of`): each
picture named by a word set right under it, the names lined up, gives the picture its
alternative text in the author's words — on small PDFs drawn here with pikepdf."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Document, Figure, block_text
from workers.engine.layout.reader import read_layout
from workers.engine.tagged_pdf.plan import plan_structure

from .drawn_pdfs import Picture, body_lines, make_pdf


def captions(doc: Document) -> list[str | None]:
    figures = [b for b in doc.walk() if isinstance(b, Figure)]
    return [f.caption for f in sorted(figures, key=lambda f: f.prov[0].bbox.x0)]


def test_each_picture_of_a_labelled_row_is_named_by_its_label(tmp_path: Path) -> None:
    row = [Picture(name, 100 + 120 * k, 300, 80, 80)
           for k, name in enumerate(["first", "second", "third"])]
    labels = [(110.0 + 120 * k, 288.0, text) for k, text in enumerate(["Round", "Bevel", "Miter"])]
    doc = read_layout(make_pdf(tmp_path / "row.pdf", [(row, body_lines() + labels)]),
                      max_pages=2)
    assert captions(doc) == ["Round", "Bevel", "Miter"]
    # The label is the figure's alternative text: no person is asked to describe it.
    figures = [n for n in plan_structure(doc).walk() if n.role == "Figure"]
    assert sorted(n.alt or "" for n in figures) == ["Bevel", "Miter", "Round"]
    assert all(n.review is None for n in figures)


def test_a_lone_picture_over_a_short_line_is_not_named_by_it(tmp_path: Path) -> None:
    """One picture and a word under it in the body's face: nothing says the word names it."""
    picture = Picture("alone", 100, 300, 80, 80)
    doc = read_layout(make_pdf(tmp_path / "lone.pdf",
                               [([picture], [*body_lines(), (110.0, 288.0, "Round")])]),
                      max_pages=2)
    assert captions(doc) == [None]


def test_labels_not_lined_up_name_no_picture(tmp_path: Path) -> None:
    """Two pictures side by side, a word under one, a word far under the other: not a row of
    labels."""
    row = [Picture("left", 100, 300, 80, 80), Picture("right", 220, 300, 80, 80)]
    lines = [*body_lines(), (110.0, 288.0, "Round"), (230.0, 240.0, "Bevel")]
    doc = read_layout(make_pdf(tmp_path / "apart.pdf", [(row, lines)]), max_pages=2)
    assert captions(doc) == [None, None]


def test_the_labels_of_the_row_above_name_no_picture_of_the_row_below(tmp_path: Path) -> None:
    """Two rows of pictures, labels only under the upper one, right over the lower one: they
    name the pictures they are set under."""
    upper = [Picture(f"u{k}", 100 + 120 * k, 400, 80, 80) for k in range(2)]
    lower = [Picture(f"l{k}", 100 + 120 * k, 306, 80, 80) for k in range(2)]
    labels = [(110.0 + 120 * k, 390.0, text) for k, text in enumerate(["Over", "In"])]
    doc = read_layout(make_pdf(tmp_path / "rows.pdf", [(upper + lower, body_lines() + labels)]),
                      max_pages=2)
    named = {(f.prov[0].bbox.y0 > 390, f.caption) for f in doc.walk() if isinstance(f, Figure)}
    assert named == {(True, "Over"), (True, "In"), (False, None)}


def test_the_names_of_a_row_read_after_it_become_the_captions_of_its_pictures(
    tmp_path: Path,
) -> None:
    """The row is read picture, picture, picture, then the line of names: each name is made
    its picture's ``Caption`` (said once, with the picture)."""
    row = [Picture(name, 100 + 120 * k, 300, 80, 80)
           for k, name in enumerate(["first", "second", "third"])]
    labels = [(110.0 + 120 * k, 288.0, text) for k, text in enumerate(["Round", "Bevel", "Miter"])]
    doc = read_layout(make_pdf(tmp_path / "row.pdf", [(row, body_lines() + labels)]),
                      max_pages=2)
    figures = [n for n in plan_structure(doc).walk() if n.role == "Figure"]
    assert [[(c.role, c.text) for c in n.children] for n in figures] == [
        [("Caption", "Round")], [("Caption", "Bevel")], [("Caption", "Miter")]]


def test_names_read_after_text_of_the_flow_are_not_taken(tmp_path: Path) -> None:
    """A heading of the column beside, on the line of the names, read between the row and
    its names: a name given as the picture's alternative text would be heard again later."""
    row = [Picture(name, 300 + 120 * k, 300, 80, 80) for k, name in enumerate(["p", "q"])]
    lines = [(72.0, 640.0 - 14 * k, "Some words of the first column here") for k in range(12)]
    lines += [(72.0, 288.0, "Behaviour"), (310.0, 288.0, "Round"), (430.0, 288.0, "Bevel")]
    doc = read_layout(make_pdf(tmp_path / "beside.pdf", [(row, lines)]), max_pages=2)
    read = [block_text(b) or b.type for b in doc.blocks][1:]
    assert read == ["figure", "figure", "Behaviour", "Round", "Bevel"]
    assert [f.caption for f in doc.blocks if isinstance(f, Figure)] == [None, None]
