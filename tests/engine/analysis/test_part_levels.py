"""Levels where a document changes parts (see workers/engine/layout/part_levels.py): a second
series of labelled divisions, set smaller than the first and begun once the first is over,
is a level with it when the same sub-headings head both; and a heading straight over a larger
one heads what follows, not a subsection of the part before. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Document, Heading
from workers.engine.layout.part_levels import title_over_larger_sections
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page, prose_ops


def _division(ops: list[str], top: float, size: int, title: str, sections: int) -> float:
    """A division's heading in /F1 at ``size``, two lines of prose, then ``sections``
    sub-headings a little larger than the body, each over two lines of prose."""
    ops += [f"BT /F1 {size} Tf 72 {top} Td ({title}) Tj ET", *prose_ops(top - size - 4, 2)]
    top -= size + 34
    for k in range(1, sections + 1):
        ops += [f"BT /F1 13 Tf 72 {top} Td (Section {k}.) Tj ET", *prose_ops(top - 14, 2)]
        top -= 44
    return top


def _charter(part_head: bool) -> list[str]:
    ops = ["BT /F1 30 Tf 72 750 Td (Charter) Tj ET", *prose_ops(722, 2)]
    top = 690.0
    for numeral in ("I", "II"):
        top = _division(ops, top, 22, f"Article {numeral}.", 2)
    if part_head:
        # (The amendments' part, set smaller than they are, straight over the first.)
        ops.append(f"BT /F1 14 Tf 72 {top} Td (THE AMENDMENTS TO THE CHARTER) Tj ET")
        top -= 26
    for numeral, sections in (("I", 0), ("II", 2), ("III", 0)):
        top = _division(ops, top, 18, f"Amendment {numeral}.", sections)
    return ops


def _levels(path: Path) -> dict[str, list[int]]:
    """Each heading's text, with its levels where it is read."""
    levels: dict[str, list[int]] = {}
    for b in read_layout(path, max_pages=10).blocks:
        if isinstance(b, Heading):
            levels.setdefault(b.text, []).append(b.level)
    return levels


def test_a_later_series_of_divisions_is_a_level_with_the_first(tmp_path: Path) -> None:
    levels = _levels(helvetica_page(tmp_path / "charter.pdf", _charter(part_head=False)))
    assert levels["Charter"] == [1]
    assert levels["Article I."] == levels["Article II."] == [2]
    # Smaller than the articles, after them, and headed in sections as they are: not
    # subsections of "Article II." but the next divisions of the charter.
    assert levels["Amendment I."] == levels["Amendment II."] == levels["Amendment III."] == [2]
    assert set(levels["Section 1."]) == {3}


def test_a_heading_over_a_larger_one_heads_the_part_after_it(tmp_path: Path) -> None:
    levels = _levels(helvetica_page(tmp_path / "charter.pdf", _charter(part_head=True)))
    assert levels["THE AMENDMENTS TO THE CHARTER"] == levels["Amendment I."] == [2]


def test_a_title_set_smaller_than_the_sections_heads_them(tmp_path: Path) -> None:
    # The title in the body's size in bold, first on the page; the sections set larger.
    ops = ["BT /F2 10 Tf 72 740 Td (The Evolution of the Printing Press) Tj ET",
           *prose_ops(716, 2)]
    top = 680.0
    for name in ("Movable Type", "The Rotary Press", "Offset Printing"):
        ops += [f"BT /F2 14 Tf 72 {top} Td ({name}) Tj ET", *prose_ops(top - 22, 3)]
        top -= 80
    levels = _levels(helvetica_page(tmp_path / "press.pdf", ops))
    assert levels["The Evolution of the Printing Press"] == [1]
    assert levels["Movable Type"] == levels["The Rotary Press"] == levels["Offset Printing"] == [2]


def _pages(path: Path, pages: list[list[str]]) -> Path:
    """Letter-size pages drawing ``pages``' operators with /F1 Helvetica, /F2 its bold."""
    pdf = pikepdf.new()
    fonts = pikepdf.Dictionary(**{
        key: pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(name),
            Encoding=pikepdf.Name.WinAnsiEncoding))
        for key, name in (("F1", "/Helvetica"), ("F2", "/Helvetica-Bold"))
    })
    for ops in pages:
        pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, 612, 792],
            Resources=pikepdf.Dictionary(Font=fonts),
            Contents=pdf.make_stream("\n".join(ops).encode()),
        )))
    pdf.save(path)
    return path


def test_the_title_said_again_is_the_title_not_a_level_of_its_own(tmp_path: Path) -> None:
    # A cover with the title; then the title again over the text, in another face, and the
    # sections under it.
    cover = ["BT /F1 26 Tf 72 600 Td (The Centre of Why) Tj ET", *prose_ops(560, 2)]
    text = ["BT /F2 18 Tf 72 740 Td (The Centre of Why) Tj ET", *prose_ops(710, 2)]
    top = 670.0
    for name in ("Books and More Books", "Painting and Music", "The Beauty of Computing"):
        text += [f"BT /F2 12 Tf 72 {top} Td ({name}) Tj ET", *prose_ops(top - 20, 3)]
        top -= 80
    levels = _levels(_pages(tmp_path / "why.pdf", [cover, text]))
    assert levels["The Centre of Why"] == [1, 1]
    assert levels["Books and More Books"] == levels["The Beauty of Computing"] == [2]


def test_the_contents_heading_is_a_level_with_the_chapters_it_lists(tmp_path: Path) -> None:
    # "Contents" set as large as the title; the chapters after the list set smaller.
    chapters = ("What Is Cancer", "The Breasts", "Key Questions")
    cover = ["BT /F2 26 Tf 72 600 Td (Understanding the Disease) Tj ET", *prose_ops(560, 2)]
    contents = ["BT /F2 26 Tf 72 740 Td (Contents) Tj ET"] + [
        f"BT /F1 10 Tf 72 {700 - 16 * k} Td ({name} {'.' * 40} {k + 3}) Tj ET"
        for k, name in enumerate(chapters)
    ]
    pages = [cover, contents]
    for name in chapters:
        pages.append([f"BT /F2 18 Tf 72 740 Td ({name}) Tj ET", *prose_ops(710, 4),
                      "BT /F2 12 Tf 72 640 Td (Further Reading) Tj ET", *prose_ops(620, 3)])
    levels = _levels(_pages(tmp_path / "booklet.pdf", pages))
    assert levels["Understanding the Disease"] == [1]
    assert levels["Contents"] == levels["What Is Cancer"] == levels["Key Questions"] == [2]


def test_a_title_set_beside_its_division_label_is_one_heading(tmp_path: Path) -> None:
    ops = ["BT /F2 16 Tf 72 740 Td (SECTION 2) Tj ET",
           "BT /F2 13 Tf 300 740 Td (DIESEL ENGINES) Tj ET", *prose_ops(710, 3)]
    top = 660.0
    for name in ("General", "Design and Construction", "Arrangement"):
        ops += [f"BT /F2 12 Tf 72 {top} Td ({name}) Tj ET", *prose_ops(top - 20, 3)]
        top -= 80
    levels = _levels(helvetica_page(tmp_path / "rules.pdf", ops))
    assert levels["SECTION 2 DIESEL ENGINES"] == [1]
    assert "SECTION 2" not in levels and "DIESEL ENGINES" not in levels
    assert levels["General"] == levels["Arrangement"] == [2]


def test_headings_that_all_say_the_title_are_left_as_they_are() -> None:
    # A running title read as a heading on every page, and no other heading: no sections
    # for the title to head (this raised ValueError on the empty list of the others).
    heads = [Heading(text="Annual Report", level=2) for _ in range(3)]
    doc = Document(blocks=list(heads))
    title_over_larger_sections(doc, heads, {id(h): None for h in heads})  # type: ignore[misc]
    assert [h.level for h in heads] == [2, 2, 2]
