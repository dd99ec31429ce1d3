"""Tables of contents: found by the layout reader on generated pages (entries with leaders,
numbers set apart, links to pages; nesting), not found in price lists, forms and tables of
values; kept through JSON, read from TOC/TOCI tags by the structure reader."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import (
    Document,
    Heading,
    ListBlock,
    ListItem,
    Paragraph,
    Table,
    contents_title,
    without_leaders,
)
from workers.engine.layout.reader import read_layout

WIDTH, HEIGHT = 595.0, 842.0


@dataclass
class Text:
    x: float
    y: float
    text: str
    size: float = 11.0


@dataclass
class PageLink:
    """A link annotation over ``box`` (x0, y0, x1, y1) leading to page index ``to``."""

    box: tuple[float, float, float, float]
    to: int


def make_pages(path: Path, pages: list[list[Text]], links: list[list[PageLink]] | None = None
               ) -> Path:
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    for texts in pages:
        ops = [f"BT /F1 {t.size} Tf {t.x} {t.y} Td ({t.text}) Tj ET" for t in texts]
        pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, WIDTH, HEIGHT],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
            Contents=pdf.make_stream("\n".join(ops).encode()),
        )))
    for index, page_links in enumerate(links or []):
        annots = pikepdf.Array()
        for link in page_links:
            annots.append(pdf.make_indirect(pikepdf.Dictionary(
                Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link,
                Rect=pikepdf.Array(list(link.box)), Border=pikepdf.Array([0, 0, 0]),
                Dest=pikepdf.Array([pdf.pages[link.to].obj, pikepdf.Name.Fit]),
            )))
        pdf.pages[index].obj.Annots = annots
    pdf.save(path)
    return path


def leaders(title: str, page: str, width: int = 60) -> str:
    return f"{title} {'.' * max(width - len(title), 4)} {page}"


BODY = "Public bodies publish documents that many people read with assistive technology."


def chapter_pages() -> list[list[Text]]:
    """Pages 2 to 4 of the document: the chapters the contents list leads to."""
    return [
        [Text(72, 760, "1 Introduction", 18), Text(72, 730, BODY),
         Text(72, 690, "1.1 Background", 14), Text(72, 660, BODY)],
        [Text(72, 760, "2 Methods", 18), Text(72, 730, BODY)],
        [Text(72, 760, "3 Results", 18), Text(72, 730, BODY)],
    ]


def contents_document(tmp_path: Path, *, with_links: bool = True) -> Path:
    entries = [
        (72, "1 Introduction", "2"), (90, "1.1 Background", "2"),
        (72, "2 Methods", "3"), (72, "3 Results", "4"),
    ]
    texts = [Text(72, 760, "Contents", 18)]
    links: list[PageLink] = []
    for k, (x, title, page) in enumerate(entries):
        y = 720 - 20 * k
        texts.append(Text(x, y, leaders(title, page, 70 if x == 72 else 66)))
        links.append(PageLink((x, y - 3, 520, y + 10), int(page) - 1))
    return make_pages(tmp_path / "contents.pdf", [texts, *chapter_pages()],
                      [links] if with_links else None)


def contents_lists(doc: Document) -> list[ListBlock]:
    return [b for b in doc.blocks if isinstance(b, ListBlock) and b.contents]


def entries(block: ListBlock) -> list[tuple[int, str, str]]:
    """(depth, title, page number) of every entry, depth first."""
    out: list[tuple[int, str, str]] = []

    def walk(lst: ListBlock, depth: int) -> None:
        for item in lst.items:
            out.append((depth, contents_title(item), item.page_label))
            for inner in item.blocks:
                if isinstance(inner, ListBlock):
                    walk(inner, depth + 1)

    walk(block, 0)
    return out


def test_a_contents_page_with_leaders_is_one_nested_contents_list(tmp_path: Path) -> None:
    doc = read_layout(contents_document(tmp_path), max_pages=10)
    found = contents_lists(doc)
    assert len(found) == 1
    assert entries(found[0]) == [
        (0, "1 Introduction", "2"), (1, "1.1 Background", "2"),
        (0, "2 Methods", "3"), (0, "3 Results", "4"),
    ]
    # It stands where the page has it, after its heading; the chapters stay headings.
    top = doc.blocks
    assert isinstance(top[0], Heading) and top[0].text == "Contents"
    assert top[1] is found[0]
    assert [b.text for b in top[2:] if isinstance(b, Heading)][:2] == [
        "1 Introduction", "1.1 Background"]


def test_entries_link_to_the_pages_their_annotations_lead_to(tmp_path: Path) -> None:
    doc = read_layout(contents_document(tmp_path), max_pages=10)
    (found,) = contents_lists(doc)
    first = found.items[0].blocks[0]
    assert isinstance(first, Paragraph)
    assert [(link.text, link.target) for link in first.links] == [("1 Introduction", "#page=2")]
    last = found.items[-1].blocks[0]
    assert isinstance(last, Paragraph) and last.links[0].target == "#page=4"


def test_without_a_heading_leaders_and_growing_numbers_still_make_contents(
    tmp_path: Path,
) -> None:
    titles = ["Overview", "Scope of the review", "Findings", "Recommendations", "Annexes"]
    texts = [Text(72, 720 - 20 * k, leaders(t, str(3 + 4 * k))) for k, t in enumerate(titles)]
    doc = read_layout(make_pages(tmp_path / "untitled.pdf", [texts]), max_pages=5)
    (found,) = contents_lists(doc)
    assert [page for _, _, page in entries(found)] == ["3", "7", "11", "15", "19"]


def test_numbers_set_apart_without_leaders_under_a_contents_heading(tmp_path: Path) -> None:
    texts = [Text(72, 760, "Table of contents", 18)]
    for k, (title, page) in enumerate([("Introduction", "1"), ("Methods", "4"),
                                       ("Results", "9")]):
        texts += [Text(72, 720 - 20 * k, title), Text(500, 720 - 20 * k, page)]
    doc = read_layout(make_pages(tmp_path / "plain.pdf", [texts]), max_pages=5)
    (found,) = contents_lists(doc)
    assert [(t, p) for _, t, p in entries(found)] == [
        ("Introduction", "1"), ("Methods", "4"), ("Results", "9")]


def test_a_price_list_is_no_contents(tmp_path: Path) -> None:
    prices = [("Coffee", "3.50"), ("Tea", "2.80"), ("Cake", "4.10"), ("Juice", "3.20")]
    texts = [Text(72, 760, "Menu", 18)] + [
        Text(72, 720 - 20 * k, leaders(name, price)) for k, (name, price) in enumerate(prices)
    ]
    doc = read_layout(make_pages(tmp_path / "prices.pdf", [texts]), max_pages=5)
    assert contents_lists(doc) == []


def test_whole_prices_that_do_not_grow_are_no_contents(tmp_path: Path) -> None:
    prices = [("Coffee", "4"), ("Tea", "2"), ("Cake", "5"), ("Juice", "3"), ("Soup", "6"),
              ("Bread", "1")]
    texts = [Text(72, 720 - 20 * k, leaders(name, price)) for k, (name, price) in
             enumerate(prices)]
    doc = read_layout(make_pages(tmp_path / "whole-prices.pdf", [texts]), max_pages=5)
    assert contents_lists(doc) == []


def test_a_form_with_dotted_answer_lines_is_no_contents(tmp_path: Path) -> None:
    fields = ["Name", "Address", "Postcode", "Telephone"]
    texts = [Text(72, 760, "Application form", 18)] + [
        Text(72, 720 - 20 * k, f"{name} {'.' * 60}") for k, name in enumerate(fields)
    ]
    doc = read_layout(make_pages(tmp_path / "form.pdf", [texts]), max_pages=5)
    assert contents_lists(doc) == []


def test_a_table_of_values_set_apart_is_no_contents(tmp_path: Path) -> None:
    # Numbers set apart on their lines, growing even, but no leaders, no links and no
    # "Contents" heading: a table of values, not a table of contents.
    texts = [Text(72, 760, "Population by year", 18)]
    for k, (region, value) in enumerate([("North", "120"), ("South", "340"),
                                         ("East", "560"), ("West", "780")]):
        texts += [Text(72, 720 - 20 * k, region), Text(500, 720 - 20 * k, value)]
    doc = read_layout(make_pages(tmp_path / "values.pdf", [texts]), max_pages=5)
    assert contents_lists(doc) == []


def test_prose_ending_in_an_ellipsis_and_a_year_is_one_paragraph(tmp_path: Path) -> None:
    texts = [Text(72, 720, "The survey went on and on... 1990"),
             Text(72, 706, "was the year it ended, and the results were published.")]
    doc = read_layout(make_pages(tmp_path / "prose.pdf", [texts]), max_pages=5)
    assert contents_lists(doc) == []
    assert len([b for b in doc.blocks if isinstance(b, Paragraph)]) == 1


def test_contents_survive_json_and_older_json_reads_as_a_plain_list() -> None:
    item = ListItem("", [Paragraph("2 Methods ........ 7")], page_label="7")
    doc = Document(blocks=[ListBlock([item], contents=True)])
    assert Document.from_json(doc.to_json()) == doc
    data = json.loads(doc.to_json())
    del data["blocks"][0]["contents"]
    del data["blocks"][0]["items"][0]["page_label"]
    older = Document.from_dict(data).blocks[0]
    assert isinstance(older, ListBlock) and not older.contents
    assert older.items[0].page_label == ""


def test_without_leaders_reads_title_and_page() -> None:
    inner = ListBlock([ListItem("", [Paragraph("1.1 Scope . . . . . . . 3")], page_label="3")],
                      contents=True)
    top = ListBlock([ListItem("", [Paragraph("1 Introduction ..........2"), inner],
                              page_label="2")], contents=True)
    plain = without_leaders(top)
    first = plain.items[0].blocks[0]
    nested = plain.items[0].blocks[1]
    assert isinstance(first, Paragraph) and first.text == "1 Introduction 2"
    assert isinstance(nested, ListBlock)
    assert [b.text for b in nested.items[0].blocks if isinstance(b, Paragraph)] == ["1.1 Scope 3"]
    # The model itself is not changed.
    assert isinstance(top.items[0].blocks[0], Paragraph)
    assert top.items[0].blocks[0].text == "1 Introduction ..........2"


def test_lines_linked_to_their_chapters_under_a_contents_heading(tmp_path: Path) -> None:
    # No page numbers: each line a link to its chapter's page (an e-book's contents). The
    # lines are set as close as a paragraph's; their links keep them apart.
    titles = ["Introduction", "Methods", "Results"]
    texts = [Text(72, 760, "Contents", 18)]
    links = []
    for k, title in enumerate(titles):
        y = 720 - 14 * k
        texts.append(Text(72, y, title))
        links.append(PageLink((70, y - 2, 72 + 7 * len(title), y + 10), k + 1))
    doc = read_layout(make_pages(tmp_path / "linked.pdf", [texts, *chapter_pages()], [links]),
                      max_pages=10)
    (found,) = contents_lists(doc)
    assert [(t, p) for _, t, p in entries(found)] == [(t, "") for t in titles]
    targets = [b.links[0].target for item in found.items for b in item.blocks
               if isinstance(b, Paragraph)]
    assert targets == ["#page=2", "#page=3", "#page=4"]


def test_linked_lines_without_a_heading_leading_on_through_the_document(
    tmp_path: Path,
) -> None:
    # A chapter's opening list of its sections: links, no numbers, no heading; each leads
    # further on than the one before.
    titles = ["Growth", "The brain", "Motor skills"]
    texts = [Text(72, 720 - 14 * k, t) for k, t in enumerate(titles)]
    links = [PageLink((70, 720 - 14 * k - 2, 150, 720 - 14 * k + 10), k + 1) for k in range(3)]
    doc = read_layout(make_pages(tmp_path / "chapter.pdf", [texts, *chapter_pages()], [links]),
                      max_pages=10)
    (found,) = contents_lists(doc)
    assert [t for _, t, _ in entries(found)] == titles


def test_linked_lines_leading_back_and_forth_without_a_heading_are_no_contents(
    tmp_path: Path,
) -> None:
    texts = [Text(72, 720 - 14 * k, t) for k, t in enumerate(["See the", "annexes", "below"])]
    links = [PageLink((70, 720 - 14 * k - 2, 140, 720 - 14 * k + 10), to)
             for k, to in enumerate([3, 1, 2])]
    doc = read_layout(make_pages(tmp_path / "xref.pdf", [texts, *chapter_pages()], [links]),
                      max_pages=10)
    assert contents_lists(doc) == []


def test_a_chapter_entry_without_leaders_is_not_joined_to_the_section_below(
    tmp_path: Path,
) -> None:
    # LaTeX sets a chapter's entry without leaders, its page number far right, and the
    # sections' entries right below it (their leaders reach the same right edge), as close as
    # a paragraph's lines.
    texts = [Text(72, 760, "Contents", 18), Text(72, 720, "1 Foundations"), Text(500, 720, "2"),
             Text(84, 706, leaders("1.1 Spaces", "2", 126)),
             Text(84, 692, leaders("1.2 Maps", "6", 127)),
             Text(72, 670, "2 Structures"), Text(500, 670, "9"),
             Text(84, 656, leaders("2.1 Groups", "9", 126))]
    doc = read_layout(make_pages(tmp_path / "chapters.pdf", [texts]), max_pages=5)
    (found,) = contents_lists(doc)
    assert entries(found) == [
        (0, "1 Foundations", "2"), (1, "1.1 Spaces", "2"), (1, "1.2 Maps", "6"),
        (0, "2 Structures", "9"), (1, "2.1 Groups", "9"),
    ]


def test_an_index_with_leaders_is_no_contents(tmp_path: Path) -> None:
    # Terms in alphabetical order: their page numbers jump back and forth.
    terms = [("Agriculture", "12"), ("Apples", "3"), ("Bridges", "41"), ("Budget", "7"),
             ("Canals", "25"), ("Census", "2"), ("Dams", "33")]
    texts = [Text(72, 760, "Index", 18)] + [
        Text(72, 720 - 20 * k, leaders(term, page)) for k, (term, page) in enumerate(terms)
    ]
    doc = read_layout(make_pages(tmp_path / "index.pdf", [texts]), max_pages=5)
    assert contents_lists(doc) == []


def test_an_index_s_entries_read_without_their_leaders(tmp_path: Path) -> None:
    # The dots lead the eye to the page number; read aloud or reflowed they say nothing.
    terms = [("Agriculture", "12"), ("Apples", "3"), ("Bridges", "41"), ("Budget", "7")]
    texts = [Text(72, 760, "Index", 18)] + [
        Text(72, 720 - 20 * k, leaders(term, page)) for k, (term, page) in enumerate(terms)
    ]
    doc = read_layout(make_pages(tmp_path / "index.pdf", [texts]), max_pages=5)
    read = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert read == [f"{term}, {page}" for term, page in terms]


def test_an_index_in_two_columns_is_read_down_each_column(tmp_path: Path) -> None:
    # Letters heading each group, level across the gutter; no running text on the page, only
    # entries whose dots fill their column.
    left = [("A", None), ("Apples", "3"), ("Axles", "9"), ("B", None), ("Bridges", "41"),
            ("Budget", "7")]
    right = [("M", None), ("Maps", "5"), ("Mills", "2"), ("P", None), ("Ports", "8"),
             ("Pumps", "4")]
    texts = [Text(72, 780, "Index", 18)]
    for x, column in ((72, left), (310, right)):
        for k, (term, page) in enumerate(column):
            y = 740 - 16 * k
            texts.append(Text(x, y, term, 14) if page is None
                         else Text(x, y, leaders(term, page, 50)))
    doc = read_layout(make_pages(tmp_path / "index2.pdf", [texts]), max_pages=5)
    words = [b.text.split(",")[0] for b in doc.blocks if isinstance(b, Paragraph | Heading)]
    assert words == ["Index", *(term for term, _ in left + right)]


def test_values_set_apart_from_names_do_not_cut_the_names_apart(tmp_path: Path) -> None:
    # A table's names in a column, their values far right (a benchmark table): with no
    # contents entry below them, the names are read as they are without the values (whole,
    # in order: the table's cells, a column of names one word each, hold them so).
    names = ["3d-cube", "3d-morph", "access-nbody", "crypto-aes", "string-base64"]
    named = [Text(72, 720 - 12 * k, name) for k, name in enumerate(names)]
    values = [Text(480, 720 - 12 * k, str(25 + k)) for k in range(len(names))]

    def words(texts: list[Text], name: str) -> list[str]:
        doc = read_layout(make_pages(tmp_path / name, [texts]), max_pages=5)
        assert not contents_lists(doc)
        read = [b.text for b in doc.walk() if isinstance(b, Paragraph)] + [
            c.text for t in doc.walk() if isinstance(t, Table) for r in t.rows for c in r.cells
        ]
        return [w for text in read for w in text.split() if w in names]

    assert words(named + values, "with-values.pdf") == words(named, "names.pdf") == names


def test_links_to_one_page_part_entries_but_not_a_wrapped_title(tmp_path: Path) -> None:
    # Each line its own link; two entries lead to one page; a long title wraps under a
    # hanging indent, its second line a link to the same page.
    lines = [(72, "Introduction", 1), (72, "Background", 1),
             (72, "Methods of the review and of the", 2), (84, "consultation", 2),
             (72, "Results", 3)]
    texts = [Text(72, 760, "Contents", 18)]
    links = []
    for k, (x, text, to) in enumerate(lines):
        y = 720 - 13 * k
        texts.append(Text(x, y, text))
        links.append(PageLink((x - 1, y - 2, x + 6 * len(text), y + 10), to))
    doc = read_layout(make_pages(tmp_path / "same-page.pdf", [texts, *chapter_pages()],
                                 [links]), max_pages=10)
    (found,) = contents_lists(doc)
    assert [t for _, t, _ in entries(found)] == [
        "Introduction", "Background", "Methods of the review and of the consultation",
        "Results"]


def dotted_line(x: float, y: float, title: str, page: str | None, *, number: str = "",
                size: float = 11.0) -> list[Text]:
    """A LaTeX contents line: its number, its title, then (unless ``page`` is None, a
    chapter's line) leader dots drawn one by one on a grid common to every line, so that they
    line up down the page, and the page number set flush right."""
    texts = []
    if number:
        texts.append(Text(x, y, number, size))
        x += 8 * len(number) + 10
    texts.append(Text(x, y, title, size))
    title_end = x + 0.5 * size * len(title)  # (about: Helvetica's letters are narrower)
    if page is None:
        return texts
    grid = 10.0  # (wide enough that each dot is a piece of its own)
    k = int((title_end + 2 - 72) / grid) + 1
    while 72 + k * grid < 500:
        texts.append(Text(72 + k * grid, y, ".", size))
        k += 1
    return [*texts, Text(520 - 0.55 * size * len(page), y, page, size)]


def dotted_contents(tmp_path: Path) -> Path:
    # Chapters without leaders, numbered sections and unnumbered exercises and back matter
    # with leaders drawn dot by dot (how LaTeX sets them).
    texts = [Text(72, 780, "Contents", 18)]
    y = 740.0
    chapters = [("1", "Topological spaces", 2, ["Open sets", "Metric spaces", "Continuity"]),
                ("2", "Manifolds", 24, ["Charts", "Smooth maps"]),
                ("3", "Curvature", 44, ["Curves", "Surfaces", "Gauss curvature"])]
    for number, title, page, sections in chapters:
        texts += dotted_line(72, y, title, None, number=number)
        texts.append(Text(520 - 6 * len(str(page)), y, str(page)))
        y -= 14
        for k, section in enumerate(sections):
            texts += dotted_line(88, y, section, str(page + 3 * k), number=f"{number}.{k + 1}")
            y -= 14
        texts += dotted_line(88, y, "Exercises", str(page + 10))
        y -= 24
    for k, title in enumerate(["Solutions", "Sources of the figures", "Index"]):
        texts += dotted_line(72, y, title, str(60 + 5 * k))
        y -= 24
    return make_pages(tmp_path / "dotted.pdf", [texts])


def test_leader_dots_drawn_one_by_one_make_a_contents_list_not_a_table(tmp_path: Path) -> None:
    # Each dot apart, the dots of all lines on one grid: the page looks like columns of dots to
    # the table finder. A reader wants entries and their pages, not a grid of dots.
    doc = read_layout(dotted_contents(tmp_path), max_pages=5)
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    (found,) = contents_lists(doc)
    assert entries(found) == [
        (0, "1 Topological spaces", "2"), (1, "1.1 Open sets", "2"),
        (1, "1.2 Metric spaces", "5"), (1, "1.3 Continuity", "8"), (1, "Exercises", "12"),
        (0, "2 Manifolds", "24"), (1, "2.1 Charts", "24"), (1, "2.2 Smooth maps", "27"),
        (1, "Exercises", "34"),
        (0, "3 Curvature", "44"), (1, "3.1 Curves", "44"), (1, "3.2 Surfaces", "47"),
        (1, "3.3 Gauss curvature", "50"), (1, "Exercises", "54"),
        (0, "Solutions", "60"), (0, "Sources of the figures", "65"), (0, "Index", "70"),
    ]


def two_column_contents(tmp_path: Path, *, dots_apart: bool, leading: float = 16) -> Path:
    """Contents set in two columns, side by side on the same rows, the pages going on from
    the foot of the left column to the top of the right; sections indented under parts.
    Set solid (``leading`` 12), without a heading, no gap cuts the page across."""
    texts = [Text(72, 780, "Contents", 18)] if leading > 12 else []
    columns = [(72, 280, [(0, "Introduction", 1), (1, "Background", 3), (1, "Scope", 5),
                          (0, "Methods", 8), (1, "Data", 11), (1, "Survey", 14)]),
               (320, 528, [(0, "Results", 17), (1, "Housing", 19), (1, "Transport", 22),
                           (0, "Discussion", 25), (0, "Annexes", 28), (1, "Tables", 31)])]
    for x0, x1, column in columns:
        for k, (depth, title, page) in enumerate(column):
            y, x = 740 - leading * k, x0 + 12 * depth
            if dots_apart:
                texts.append(Text(x, y, title))
                start = int((x + 6 * len(title) + 4) / 10) + 1
                texts += [Text(10 * j, y, ".") for j in range(start, int((x1 - 20) / 10))]
                texts.append(Text(x1 - 6 * len(str(page)), y, str(page)))
            else:
                texts.append(Text(x, y, f"{title} {'.' * (30 - len(title) - 2 * depth)} {page}"))
    return make_pages(tmp_path / "two-columns.pdf", [texts])


@pytest.mark.parametrize(("dots_apart", "leading"), [(False, 16), (True, 16), (True, 12)])
def test_contents_in_two_columns_read_down_each_column(
    tmp_path: Path, dots_apart: bool, leading: float
) -> None:
    # The entries of the two columns stand on the same rows, as a table's cells do; read
    # across, the pages would jump back and forth (1, 17, 3, 19): read down each column, they
    # follow the document. Each column's indents are its own. (With the dots drawn apart,
    # every piece of an entry is short, as the numbers ending a form's rows are.)
    doc = read_layout(two_column_contents(tmp_path, dots_apart=dots_apart, leading=leading),
                      max_pages=5)
    assert not [b for b in doc.blocks if isinstance(b, Table)]
    (found,) = contents_lists(doc)
    assert [(depth, title.rstrip(" ."), page) for depth, title, page in entries(found)] == [
        (0, "Introduction", "1"), (1, "Background", "3"), (1, "Scope", "5"),
        (0, "Methods", "8"), (1, "Data", "11"), (1, "Survey", "14"),
        (0, "Results", "17"), (1, "Housing", "19"), (1, "Transport", "22"),
        (0, "Discussion", "25"), (0, "Annexes", "28"), (1, "Tables", "31"),
    ]


def test_a_table_with_dotted_labels_stays_a_table(tmp_path: Path) -> None:
    # A statement's rows: a label, leader dots drawn one by one, then a figure for each year.
    # The dots run to the first figure, not to the row's last: no contents entry.
    texts = [Text(72, 780, "Statement of income", 18), Text(380, 750, "2022"),
             Text(460, 750, "2023")]
    rows = [("Revenue", 120, 130), ("Grants", 45, 52), ("Interest", 3, 4), ("Rents", 17, 9)]
    for k, (label, first, second) in enumerate(rows):
        y = 730 - 16 * k
        texts.append(Text(72, y, label))
        start = int((72 + 6 * len(label) + 4) / 10) + 1
        texts += [Text(10 * j, y, ".") for j in range(start, 36)]
        texts += [Text(390, y, str(first)), Text(470, y, str(second))]
    doc = read_layout(make_pages(tmp_path / "statement.pdf", [texts]), max_pages=5)
    assert contents_lists(doc) == []
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[c.text for c in row.cells][-2:] for row in table.rows][1:3] == [
        ["120", "130"], ["45", "52"]]


@pytest.mark.parametrize("to", [(2, 1), (1, 1)])
def test_citations_linked_on_two_lines_stay_in_their_paragraph(
    tmp_path: Path, to: tuple[int, int]
) -> None:
    # Running text citing two works, each citation a link to its reference: one ends a
    # line, the other opens the next. The links lead to different pages, or by two links to
    # one page; each line reaches out of its link: the sentence goes on, one paragraph.
    lines = ["Retrieval can be done efficiently using maximum inner product",
             "search algorithms (e.g., Shrivastava and Li (2014);", "Guo et al. (2016))."]
    texts = [Text(72, 700 - 13 * k, t.replace("(", "\\(").replace(")", "\\)"))
             for k, t in enumerate(lines)]
    links = [PageLink((190, 685, 314, 697), to[0]), PageLink((71, 672, 153, 684), to[1])]
    doc = read_layout(make_pages(tmp_path / "cited.pdf", [texts, *chapter_pages()], [links]),
                      max_pages=10)
    assert [b.text for b in doc.blocks if b.text.startswith(lines[0][:20])] == [" ".join(lines)]
