"""What the bookmarks say of the headings: levels by depth, and the pages they lead to."""

from __future__ import annotations

from pathlib import Path

import pikepdf
from pikepdf import OutlineItem

from workers.engine.layout.catalog_facts import read_outline


def _three_pages(path: Path) -> pikepdf.Pdf:
    pdf = pikepdf.new()
    for _ in range(3):
        pdf.add_blank_page()
    pdf.save(path)
    return pikepdf.open(path)


def test_bookmarks_lead_to_pages_by_explicit_named_and_action_destinations(
    tmp_path: Path,
) -> None:
    pdf = _three_pages(tmp_path / "blank.pdf")
    pages = pdf.pages
    names = pikepdf.Dictionary(Names=pikepdf.Array([
        pikepdf.String("sec.summary"), pikepdf.Array([pages[2].obj, pikepdf.Name.Fit]),
    ]))
    pdf.Root.Names = pikepdf.Dictionary(Dests=pdf.make_indirect(names))
    with pdf.open_outline() as outline:
        growth = OutlineItem("Growth", 1)  # an explicit destination, page 1
        summary = OutlineItem("Summary")
        summary.destination = pikepdf.String("sec.summary")  # a named one, page 2
        again = OutlineItem("Growth")  # the summary's entry, by a GoTo action, page 2
        again.action = pikepdf.Dictionary(
            S=pikepdf.Name.GoTo, D=pikepdf.Array([pages[2].obj, pikepdf.Name.Fit])
        )
        summary.children.append(again)
        outline.root.extend([growth, summary])
    pdf.save(tmp_path / "marked.pdf")

    read = read_outline(pikepdf.open(tmp_path / "marked.pdf"))
    assert read.levels == {"growth": 1, "summary": 1}  # the first bookmark of a title
    assert read.places == {"growth": {1: 1, 2: 2}, "summary": {2: 1}}


def test_reading_the_outline_leaves_the_pdf_as_it_was(tmp_path: Path) -> None:
    # Reading writes nothing back: no /Outlines is added to a PDF without bookmarks (the
    # outline's context manager writes one on exit), and no bookmark is rewritten.
    pdf = _three_pages(tmp_path / "blank.pdf")
    assert read_outline(pdf).levels == {}
    assert "/Outlines" not in pdf.Root
    with pdf.open_outline() as outline:
        outline.root.append(OutlineItem("Growth", 1))
    pdf.save(tmp_path / "marked.pdf")
    marked = pikepdf.open(tmp_path / "marked.pdf")
    first = marked.Root.Outlines.First
    first.Extra = pikepdf.Name.Kept  # (an entry the outline's writer would not write back)
    assert read_outline(marked).levels == {"growth": 1}
    assert marked.Root.Outlines.First.get("/Extra") == pikepdf.Name.Kept
