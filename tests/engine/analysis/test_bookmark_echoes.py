"""Lines repeating a bookmark's title on the page it leads to that are not its heading.

A heading numbered by a counter the bookmarks leave out ("1. Introduction" under the
bookmark "Introduction", as a style sheet's ``h2::before`` numbers it): the table of
contents' bare entry "Introduction" on the same page is the bookmark's echo, not its
heading; the numbered line is. And a function's name in its synopsis, in a typewriter face
whose box measures larger than the heading's serif: the code is the echo, the heading in
the text's face the bookmark's heading."""

from __future__ import annotations

from pathlib import Path

import pikepdf
from pikepdf import OutlineItem

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf
from .drawn_pdfs import helvetica_page, prose_ops


def _bookmarked(path: Path, title: str, under: list[str]) -> Path:
    """``path`` with the bookmark ``title`` and those ``under`` it, all to its first page."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        with pdf.open_outline() as outline:
            top_item = OutlineItem(title, 0)
            top_item.children.extend(OutlineItem(t, 0) for t in under)
            outline.root.append(top_item)
        pdf.save(path)
    return path


def _tutorial(path: Path) -> Path:
    ops = ["BT /F2 20 Tf 72 740 Td (Tutorial) Tj ET"]
    ops += [f"BT /F1 10 Tf 72 {y} Td ({entry}) Tj ET"
            for y, entry in ((700, "Introduction"), (680, "Methods"), (660, "Results"))]
    ops += prose_ops(630, 3)
    top = 590.0
    for number, title in (("1.", "Introduction"), ("2.", "Methods"), ("3.", "Results")):
        ops += [f"BT /F2 15 Tf 72 {top} Td ({number} {title}) Tj ET", *prose_ops(top - 24, 4)]
        top -= 110
    helvetica_page(path, ops)
    return _bookmarked(path, "Tutorial", ["Introduction", "Methods", "Results"])


def test_the_contents_entry_is_no_heading_beside_the_numbered_one(tmp_path: Path) -> None:
    blocks = read_layout(_tutorial(tmp_path / "tutorial.pdf"), max_pages=1).blocks
    heads = [b.text for b in blocks if isinstance(b, Heading)]
    assert heads == ["Tutorial", "1. Introduction", "2. Methods", "3. Results"]


PROSE = ["Reads the configuration file at the path given and returns the settings it",
         "holds, each checked against the schema of the program; a setting it does not",
         "know is reported and left out of what it returns to the caller."]


def _reference(path: Path) -> Path:
    """A library's reference: each function's heading in Times bold 12, its synopsis in
    Courier 14 (the name apart, a wide gap after the type), its description in Times 10."""
    ops = [b"BT /F2 16 Tf 72 740 Td (Configuration reference) Tj ET"]
    for top, name in ((640, "parse_config"), (520, "free_config")):
        ops += [
            f"BT /F2 12 Tf 72 {top} Td ({name} \\(\\)) Tj ET".encode(),
            f"BT /F3 14 Tf 72 {top - 26} Td (settings *) Tj ET".encode(),
            f"BT /F3 14 Tf 200 {top - 26} Td ({name}) Tj ET".encode(),
            f"BT /F3 14 Tf 72 {top - 42} Td (\\(const char *path\\);) Tj ET".encode(),
        ]
        ops += [f"BT /F1 10 Tf 72 {top - 66 - 13 * k} Td ({t}) Tj ET".encode()
                for k, t in enumerate(PROSE)]
    fonts_page_pdf(path, ops, {"F1": "/Times-Roman", "F2": "/Times-Bold", "F3": "/Courier"})
    return _bookmarked(
        path, "Configuration reference", ["parse_config ()", "free_config ()"]
    )


def test_a_functions_name_in_its_synopsis_is_no_heading(tmp_path: Path) -> None:
    blocks = read_layout(_reference(tmp_path / "reference.pdf"), max_pages=1).blocks
    heads = [b.text for b in blocks if isinstance(b, Heading)]
    assert heads == ["Configuration reference", "parse_config ()", "free_config ()"]
