"""Lines that name the publication, not a section: a masthead over the title on the first
page, a letterhead at the top of a later page inside a sentence, and a short mixed-script
line whose number alone is set in a taller face."""

from __future__ import annotations

from workers.engine.document import Artifact, BBox, Heading, ListBlock, Paragraph, Prov
from workers.engine.layout.reader import read_layout
from workers.engine.layout.runover import letterheads_apart

from .conftest import LOREM, HtmlPdf, heading_texts, paragraph_texts


def _line(text: str, size: float, *, bold: bool = True, extra: str = "") -> str:
    weight = "bold" if bold else "normal"
    return (f"<p style='font-size: {size}pt; font-weight: {weight}; bookmark-level: none;"
            f" margin: 0.5em 0; {extra}'>{text}</p>")


_SECTIONS = "".join(
    _line(title, 16) + f"<p>{LOREM * 3}</p>" for title in ("Introduction", "Findings")
)


def test_a_masthead_over_the_title_heads_nothing(html_pdf: HtmlPdf) -> None:
    # The series' name and the issue's number, set over the title in smaller faces, name
    # the publication; the title heads the document.
    masthead = (_line("Issues and Views", 15, extra="text-align: right")
                + _line("No. 1695", 12, extra="text-align: right"))
    path = html_pdf(masthead + _line("Paying claims after a pandemic", 26) + _SECTIONS)
    doc = read_layout(path, max_pages=3)
    assert heading_texts(doc) == ["Paying claims after a pandemic", "Introduction", "Findings"]
    assert {"Issues and Views", "No. 1695"} <= set(paragraph_texts(doc))


def test_a_numbered_masthead_line_is_no_list(html_pdf: HtmlPdf) -> None:
    # A manual's chapter printed alone: the chapter's name, numbered, set over its heading,
    # which says it again larger. The line names the part the page belongs to: read as the
    # line it is, not a list of one point numbered 10.
    path = html_pdf(_line("10. A heap profiler", 20, bold=False)
                    + _line("Using the heap profiler", 26) + _SECTIONS)
    doc = read_layout(path, max_pages=3)
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert "10. A heap profiler" in paragraph_texts(doc)
    assert heading_texts(doc)[0] == "Using the heap profiler"


def test_a_division_label_over_its_title_is_no_masthead(html_pdf: HtmlPdf) -> None:
    path = html_pdf(_line("Chapter 3", 15) + _line("Paying claims", 26) + _SECTIONS)
    doc = read_layout(path, max_pages=3)
    assert "Chapter 3" in " ".join(heading_texts(doc))


def test_a_title_in_the_bodys_size_over_running_text_keeps_its_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The title is set in the body's size in bold, its sections larger: the page opens with
    # its title and text, no masthead; its largest line is a section's.
    path = html_pdf(_line("The history of the typewriter", 11) + f"<p>{LOREM * 2}</p>"
                    + _SECTIONS)
    doc = read_layout(path, max_pages=3)
    assert heading_texts(doc)[0] == "The history of the typewriter"


def test_a_number_in_a_taller_face_does_not_make_a_heading_of_its_line(
    html_pdf: HtmlPdf,
) -> None:
    # "6.其他": a table's row label whose digits are set in a Latin face with a taller box
    # than the Chinese face of its words; the words are set as the body's are.
    cjk = "font-family: 'Noto Serif CJK SC'; font-size: 9pt"
    text = "公司按照企业会计准则编制财务报表，报告期内经营情况稳定，各项指标符合预期。" * 3
    body = "".join(f"<p style=\"{cjk}\">{text}</p>" for _ in range(4))
    row = (f"<p style=\"{cjk}\"><span style=\"font-family: 'DejaVu Serif'; font-size: 16pt\">"
           "6.</span>其他</p>")
    doc = read_layout(html_pdf(body + row + body), max_pages=3)
    assert heading_texts(doc) == []
    assert "6.其他" in paragraph_texts(doc)


def test_a_letterhead_at_the_top_of_the_next_page_is_read_as_its_header(
    html_pdf: HtmlPdf,
) -> None:
    # The sender's name set large over the second page, where the first page's paragraph
    # goes on mid-sentence: the sentence is read in one go, the name as the page's header.
    letters = "abcdefghijklmnopqrstuvwxyz"
    running = "The " + " ".join(
        f"w{letters[i // 26 % 26]}{letters[i % 26]}" for i in range(900)
    )
    css = ("@page :nth(2) { @top-left { content: 'Government Accountability Office';"
           " font: 18pt 'DejaVu Sans'; vertical-align: bottom } }")
    doc = read_layout(html_pdf(_line("Cyber strategy", 22) + f"<p>{running}</p>", css=css),
                      max_pages=3)
    assert heading_texts(doc) == ["Cyber strategy"]
    assert [p.page for p in doc.blocks[1].prov] == [0, 1]  # (one paragraph on both pages)
    assert [(a.kind, a.text) for a in doc.artifacts] == [
        ("header", "Government Accountability Office")
    ]


def _para(text: str, page: int, x0: float, y0: float, x1: float, y1: float) -> Paragraph:
    return Paragraph(text, [Prov(page, BBox(x0, y0, x1, y1))])


_BROKEN = _para("In April we reported that the goals and strategic objectives in the", 0,
                25, 60, 275, 100)
_GOING_ON = _para("strategy were not all addressed, and that the office had no plan to", 1,
                  25, 700, 300, 725)
_LETTERHEAD = Heading("Government Accountability Office", 2,
                      [Prov(1, BBox(140, 737, 280, 770))])


def test_a_heading_inside_a_sentence_broken_by_a_page_break_is_the_pages_header() -> None:
    blocks, furniture = letterheads_apart([_BROKEN, _LETTERHEAD, _GOING_ON])
    assert blocks == [_BROKEN, _GOING_ON]
    assert furniture == [Artifact("header", _LETTERHEAD.text, _LETTERHEAD.prov)]


def test_a_bookmarked_heading_inside_a_broken_sentence_stays() -> None:
    # The same lines where a bookmark leads to the heading on its page: a section's title
    # (a web page's lists of links read as a sentence broken by the page).
    blocks = [_BROKEN, _LETTERHEAD, _GOING_ON]
    assert letterheads_apart(blocks, bookmarked={id(_LETTERHEAD)}) == (blocks, [])


def test_a_heading_between_whole_sentences_stays() -> None:
    ended = _para("In April we reported that the goals and strategic objectives were met.",
                  0, 25, 60, 275, 100)
    fresh = _para("Strategy was not all addressed, and the office had no plan to do so yet",
                  1, 25, 700, 300, 725)
    for blocks in ([ended, _LETTERHEAD, _GOING_ON], [_BROKEN, _LETTERHEAD, fresh]):
        assert letterheads_apart(blocks) == (blocks, [])
    # A slide's title over a line of code starting with a small letter: no sentence.
    code = _para("type Point struct { x, y float64 }", 1, 25, 700, 300, 725)
    assert letterheads_apart([_BROKEN, _LETTERHEAD, code]) == ([_BROKEN, _LETTERHEAD, code], [])


_UNDER_HEAD = Heading("asn1_copy_node", 3, [Prov(1, BBox(90, 682, 192, 693))])
_SIGNATURE = _para("int asn1_copy_node (asn1_node dst, const char * dst_name, asn1_node_const"
                   " src, const char * src_name) copies a node", 1, 90, 640, 522, 675)
_BROKEN_SIGNATURE = _para("int asn1_number_of_elements (asn1_node_const element, const char *"
                          " name, int * num) counts the", 0, 90, 316, 438, 340)


def test_a_heading_under_the_pages_running_head_is_the_text_not_a_letterhead() -> None:
    # A manual's function heading opens the page under its running head ("Chapter 4:
    # Function reference" and the page number, down to 732), over a signature starting with
    # a small letter, while a signature of the page before breaks off: the page has its
    # furniture over the heading, which heads its section once.
    blocks = [_BROKEN_SIGNATURE, _UNDER_HEAD, _SIGNATURE]
    assert letterheads_apart(blocks, {1: 732.0}) == (blocks, [])
    # A letterhead over the page's small running line (a logo's caption reaching lower, to
    # 730) is still the page's header: it is not under that line.
    blocks, furniture = letterheads_apart([_BROKEN, _LETTERHEAD, _GOING_ON], {1: 730.0})
    assert blocks == [_BROKEN, _GOING_ON]
    assert furniture == [Artifact("header", _LETTERHEAD.text, _LETTERHEAD.prov)]


def test_a_section_opening_a_page_under_its_running_head_keeps_its_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The running head (chapter title and page number) over every page; on the second page
    # a section's heading opens the text block under it, over a paragraph starting with a
    # program's name in small letters, while a sentence of the page before broke off
    # (before a command line): the heading is read once, as a heading, not dropped as the
    # page's header.
    css = ("@page { @top-left { content: 'Chapter 3: Utilities'; font: 9pt 'DejaVu Sans';"
           " vertical-align: bottom; border-bottom: 0.5pt solid black }"
           " @top-right { content: counter(page); font: 9pt 'DejaVu Sans';"
           " vertical-align: bottom } }")
    broken = ("For example, after the schema has been read from its file, the following"
              " invocation decodes the data that the coder wrote before, as in")
    body = (
        _line("3 Utilities", 20) + f"<p>{LOREM * 4}</p>" + f"<p>{broken}</p>"
        + "<pre>$ decoder schema.asn data.der</pre>" + f"<p>{LOREM * 3}</p>"
        + "<div style='break-before: page'></div>" + _line("3.3 Invoking the decoder", 15)
        + "<p>decoder reads an encoded structure from a file with its definitions and a"
          f" binary file with its encoding. {LOREM * 2}</p>"
    )
    doc = read_layout(html_pdf(body, css=css), max_pages=3)
    assert heading_texts(doc) == ["3 Utilities", "3.3 Invoking the decoder"]
    assert "3.3 Invoking the decoder" not in [a.text for a in doc.artifacts]
