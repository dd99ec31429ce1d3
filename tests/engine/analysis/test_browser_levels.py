"""A page a browser printed from HTML keeps the HTML's heading levels, which the browser's
default sizes tell (h1 2, h2 1.5, h3 1.17 times the body, bold): sections in h2 under no h1
are level 2, an h1 title over h3 authors keeps the level skipped. Only a browser engine's
PDF is read so; small PDFs drawn here, the producer written in their information
dictionary."""

from __future__ import annotations

from pathlib import Path

import pikepdf
from pikepdf import OutlineItem

from workers.engine.document import Document, Heading, ListBlock, ListItem, Paragraph
from workers.engine.layout.browser_levels import default_level, printed_by_browser
from workers.engine.layout.part_levels import contents_at_the_sections_level, skips_a_level
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf
from .drawn_pdfs import helvetica_page, prose_ops


def _page(path: Path, heads: list[tuple[float, str]], producer: str | None) -> Path:
    ops: list[str] = []
    top = 740.0
    for size, text in heads:
        ops += [f"BT /F2 {size} Tf 72 {top} Td ({text}) Tj ET", *prose_ops(top - 24, 3)]
        top -= 90
    helvetica_page(path, ops)
    if producer is not None:
        with pikepdf.open(path, allow_overwriting_input=True) as pdf:
            pdf.docinfo["/Producer"] = producer
            pdf.save(path)
    return path


#: Bookmarks: each title with those nested under it.
Tree = list[tuple[str, "Tree"]]


def _bookmarked(path: Path, tree: Tree) -> Path:
    """``path`` with the bookmarks ``tree``, all leading to its first page."""
    def items(tree: Tree) -> list[OutlineItem]:
        made = []
        for title, children in tree:
            item = OutlineItem(title, 0)
            item.children.extend(items(children))
            made.append(item)
        return made

    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        with pdf.open_outline() as outline:
            outline.root.extend(items(tree))
        pdf.save(path)
    return path


def _levels(path: Path) -> dict[str, int]:
    blocks = read_layout(path, max_pages=1).blocks
    return {b.text: b.level for b in blocks if isinstance(b, Heading)}


#: A reference page's sections, h2 (15 points over a 10-point body), and their h3 parts.
SECTIONS = [(15, "Synopsis"), (15, "Description"), (11.7, "Options"), (11.7, "Examples"),
            (15, "Diagnostics")]


def test_sections_under_no_h1_are_level_2(tmp_path: Path) -> None:
    levels = _levels(_page(tmp_path / "page.pdf", SECTIONS, "WeasyPrint 70.0"))
    assert levels == {"Synopsis": 2, "Description": 2, "Options": 3, "Examples": 3,
                      "Diagnostics": 2}


def test_a_title_over_h3_authors_keeps_the_level_between(tmp_path: Path) -> None:
    heads = [(20, "Users and Groups"), (11.7, "Joey Hess"), (11.7, "Colin Watson"),
             (15, "Introduction"), (15, "Groups")]
    levels = _levels(_page(tmp_path / "page.pdf", heads, "Skia/PDF m156"))
    assert levels == {"Users and Groups": 1, "Joey Hess": 3, "Colin Watson": 3,
                      "Introduction": 2, "Groups": 2}


def test_other_producers_rank_the_faces(tmp_path: Path) -> None:
    levels = _levels(_page(tmp_path / "page.pdf", SECTIONS, "LibreOffice 7.4"))
    assert levels["Synopsis"] == 1 and levels["Options"] == 2


def test_a_style_sheets_own_sizes_say_nothing(tmp_path: Path) -> None:
    # (h2 at 1.3 and h3 at 1.1 times the body: no browser's defaults.)
    heads = [(13, "Synopsis"), (11, "Options"), (13, "Description")]
    levels = _levels(_page(tmp_path / "page.pdf", heads, "WeasyPrint 70.0"))
    assert levels == {"Synopsis": 1, "Options": 2, "Description": 1}


def test_defaults() -> None:
    assert printed_by_browser("Skia/PDF m120", None)
    assert printed_by_browser(None, "Mozilla/5.0 … HeadlessChrome/120.0")
    assert not printed_by_browser("Microsoft® Word 2016", "Microsoft® Word 2016")
    assert default_level(15.0, True, 10.0) == 2
    assert default_level(15.0, False, 10.0) is None
    assert default_level(13.0, True, 10.0) is None


def test_the_contents_heading_keeps_a_skipped_level() -> None:
    # (A browser's page: its h1 title over h3 authors, then "Table of Contents" in h4's size
    # over the contents list, then the h2 sections. The contents heading takes the sections'
    # level; the authors keep theirs, not closed up under the title.)
    doc = Document(blocks=[
        Heading("Users and Groups", 1), Heading("Joey Hess", 3),
        Heading("Table of Contents", 4),
        ListBlock([ListItem("", [Paragraph("Introduction")], page_label="1")], contents=True),
        Heading("Introduction", 2),
    ])
    contents_at_the_sections_level(doc, {})
    assert [b.level for b in doc.blocks if isinstance(b, Heading)] == [1, 3, 2, 2]
    assert skips_a_level([Heading("Sections", 2)]) and not skips_a_level([Heading("Title", 1)])


#: A style sheet's faces that happen to be defaults': the title h1 at 1.5 times the body (h2's
#: default), every other level bold in the body's size (h4's), one heading at h3's size.
ONE_SIZE_SECTIONS = [(15, "Fonts"), (10, "Overview"), (10, "Matching"), (10, "Elements"),
                     (11.7, "Directories")]


def test_sizes_that_merge_nested_bookmarks_are_a_style_sheets(tmp_path: Path) -> None:
    # ("Matching" is bookmarked under "Overview", in the same size: the sizes are not the
    # HTML's levels, the bookmarks' nesting stands.)
    page = _page(tmp_path / "page.pdf", ONE_SIZE_SECTIONS, "WeasyPrint 70.0")
    _bookmarked(page, [("Fonts", [("Overview", [("Matching", [])]),
                                  ("Elements", [("Directories", [])])])])
    assert _levels(page) == {"Fonts": 1, "Overview": 2, "Matching": 3, "Elements": 2,
                             "Directories": 3}


def test_only_the_bookmarked_headings_sizes_count(tmp_path: Path) -> None:
    # (A bold line at h3's size that no bookmark names, a line of code we read as a heading,
    # does not make the title's h2 size and the sections' h4 size two levels of defaults.)
    heads = [(15, "Concepts"), (10, "Sessions"), (10, "Envelopes"), (11.7, "Sendmail")]
    page = _page(tmp_path / "page.pdf", heads, "Skia/PDF m156")
    _bookmarked(page, [("Concepts", [("Sessions", []), ("Envelopes", [])])])
    levels = _levels(page)
    assert (levels["Concepts"], levels["Sessions"], levels["Envelopes"]) == (1, 2, 2)


def test_a_bookmarked_title_repeated_on_its_page_is_no_evidence(tmp_path: Path) -> None:
    # (A reference page: h2 sections, h3 functions, each function's name repeated in bold
    # at a size of its own in the synopsis under it. The bookmark is the first line's: the
    # repeat's size is none of the HTML's, and does not hide the h2 and h3 sizes.)
    heads = [(15, "Synopsis"), (15, "Details"), (11.7, "xsltEvalXPathString ()"),
             (12.2, "xsltEvalXPathString"), (11.7, "xsltTemplateProcess ()")]
    page = _page(tmp_path / "page.pdf", heads, "Skia/PDF m156")
    _bookmarked(page, [("Synopsis", []), ("Details", [("xsltEvalXPathString ()", []),
                                                      ("xsltTemplateProcess ()", [])])])
    levels = _levels(page)
    assert (levels["Synopsis"], levels["Details"]) == (2, 2)
    assert (levels["xsltEvalXPathString ()"], levels["xsltTemplateProcess ()"]) == (3, 3)


def test_code_in_a_heading_is_not_its_size(tmp_path: Path) -> None:
    # (A reference page's h2 sections under no h1, and their h3 parts, one naming code in
    # the monospace face, here at the body's size: the heading's own face, h3's default
    # size, is the one its level is told by, and the sections stay level 2.)
    ops: list[bytes] = []
    top = 760.0
    heads: list[list[tuple[str, float, str]]] = [
        [("F2", 15, "Introduction")],
        [("F2", 11.7, "Design goals")], [("F2", 15, "More details")],
        [("F2", 11.7, "The "), ("F3", 10, "console_pool"), ("F2", 11.7, " setting")],
    ]
    for runs in heads:
        shown = " ".join(f"/{font} {size} Tf ({text}) Tj" for font, size, text in runs)
        ops.append(f"BT 72 {top} Td {shown} ET".encode())
        ops += [op.encode() for op in prose_ops(top - 24, 3)]
        top -= 80
    page = fonts_page_pdf(tmp_path / "page.pdf", ops,
                          {"F1": "/Helvetica", "F2": "/Helvetica-Bold", "F3": "/Courier-Bold"},
                          size=(612, 792))
    with pikepdf.open(page, allow_overwriting_input=True) as pdf:
        pdf.docinfo["/Producer"] = "WeasyPrint 70.0"
        pdf.save(page)
    _bookmarked(page, [("Introduction", [("Design goals", [])]),
                       ("More details", [("The console_pool setting", [])])])
    assert _levels(page) == {"Introduction": 2, "Design goals": 3, "More details": 2,
                             "The console_pool setting": 3}


#: A page's title over sections numbered "1.", "2." and "2.1" by a style sheet's counters,
#: in sizes of its own (no browser's defaults), and no bookmarks.
NUMBERED_SECTIONS = [(20, "Quick Start Guide"), (13, "1. Introduction"), (13, "2. Preparing"),
                     (11, "2.1 Compiling"), (13, "3. Running")]


def test_a_browsers_title_stays_over_its_numbered_sections(tmp_path: Path) -> None:
    # (In HTML the title is the h1, the numbered sections its h2: on a page a browser
    # printed, the numbers do not make the title the first of the sections' level.)
    levels = _levels(_page(tmp_path / "page.pdf", NUMBERED_SECTIONS, "WeasyPrint 70.0"))
    assert levels == {"Quick Start Guide": 1, "1. Introduction": 2, "2. Preparing": 2,
                      "2.1 Compiling": 3, "3. Running": 2}


def test_elsewhere_the_title_is_the_first_of_the_numbered_level(tmp_path: Path) -> None:
    levels = _levels(_page(tmp_path / "page.pdf", NUMBERED_SECTIONS, "LibreOffice 7.4"))
    assert levels["Quick Start Guide"] == levels["1. Introduction"] == 1


#: The same title over numbered sections set bold in the body's own size.
BODY_SIZE_SECTIONS = [(15, "Quick Start Guide"), (10, "1. Introduction"),
                      (10, "2. Preparing your program"), (10, "3. Running your program"),
                      (10, "4. Interpreting the output")]


def test_a_browsers_title_stays_over_body_size_numbered_sections(tmp_path: Path) -> None:
    levels = _levels(_page(tmp_path / "page.pdf", BODY_SIZE_SECTIONS, "Skia/PDF m156"))
    assert levels == {"Quick Start Guide": 1, "1. Introduction": 2,
                      "2. Preparing your program": 2, "3. Running your program": 2,
                      "4. Interpreting the output": 2}
