"""Headings, their levels and list items: the layout reader on small PDFs the tests make."""

from __future__ import annotations

from workers.engine.document import Document, Figure, Heading, ListBlock, Paragraph
from workers.engine.layout.lines import clean
from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf, heading_texts, paragraph_texts, png_data_uri

#: The producer of the pages drawn here that stand for papers and reports: no browser's, so
#: their levels are the layout's, not the HTML's the test writes them in (see
#: :mod:`workers.engine.layout.browser_levels`).
PAPER = "pdfTeX-1.40.25"


def heading_levels(doc: Document) -> list[tuple[str, int]]:
    """The document's headings as (text, level), in reading order."""
    return [(b.text, b.level) for b in doc.blocks if isinstance(b, Heading)]


def test_sections_numbered_from_one_are_the_top_level_beside_the_title(
    html_pdf: HtmlPdf,
) -> None:
    path = html_pdf(
        f"<h1 style='bookmark-level: none'>A paper on layouts</h1>"
        f"<h2 style='bookmark-level: none'>1 Introduction</h2><p>{LOREM}</p>"
        f"<h3 style='bookmark-level: none'>1.1 Scope</h3><p>{LOREM}</p>"
        f"<h2 style='bookmark-level: none'>2 Method</h2><p>{LOREM}</p>",
        producer=PAPER,
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("A paper on layouts", 1), ("1 Introduction", 1), ("1.1 Scope", 2), ("2 Method", 1)
    ]


def test_unnumbered_sections_stay_below_the_title(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<h1>Annual report</h1><h2>Introduction</h2><p>{LOREM}</p>"
        f"<h2>Method</h2><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("Annual report", 1), ("Introduction", 2), ("Method", 2)
    ]


def test_a_single_author_dated_under_the_title_is_no_heading(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        "<h1 style='text-align: center'>Math Test One</h1>"
        "<p style='font-size: 14pt; text-align: center'>David Smith</p>"
        "<p style='text-align: center'>February 23, 2024</p>"
        f"<h2>1 Math Tests</h2><p>{LOREM * 2}</p><h2>2 More Tests</h2><p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == [
        "Math Test One", "1 Math Tests", "2 More Tests"
    ]
    assert any(isinstance(b, Paragraph) and b.text == "David Smith" for b in doc.blocks)


def test_a_subtitle_without_a_date_stays_as_it_was(html_pdf: HtmlPdf) -> None:
    # (One plain line under a title may be a subtitle the author made a heading.)
    path = html_pdf(
        "<h1>Personal plan</h1><p style='font-size: 14pt'>Power sleep</p>"
        f"<h2>Your bedroom</h2><p>{LOREM * 2}</p><h2>Your habits</h2><p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert "Power sleep" in heading_texts(doc)


def test_a_lone_line_opening_with_an_asterisk_is_a_note_not_a_list(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<h1>Home loan rates</h1><p>{LOREM}</p>"
        "<p>* The rate includes a margin above the reference rate of the bank.</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert any(
        isinstance(b, Paragraph) and b.text.startswith("* The rate") for b in doc.blocks
    )


def test_a_symbol_font_character_opening_a_line_is_a_bullet() -> None:
    # pdfium gives a symbol font's codes without a Unicode map in U+F000-U+F0FF (Wingdings
    # 2's bullet of a slide comes as U+F097).
    assert clean("\uf097 Challenges for algorithms:") == "• Challenges for algorithms:"
    assert clean("\uf097") == "•"
    assert clean("Fax \uf097 here") == "Fax here"  # inside a line, still dropped


def test_a_name_heading_a_part_of_each_section_is_a_heading_each_time(
    html_pdf: HtmlPdf,
) -> None:
    sections = "".join(
        f"<h2>Method {name}</h2><p>{LOREM}</p>"
        f"<h3 style='bookmark-level: none'>Programs to use</h3><p>{LOREM}</p>"
        for name in ("one", "two", "three")
    )
    doc = read_layout(html_pdf(f"<h1>Ways to work</h1>{sections}"), max_pages=5)
    heads = heading_levels(doc)
    assert heads.count(("Programs to use", 3)) == 3


def test_a_label_repeated_with_no_heading_between_is_no_heading(html_pdf: HtmlPdf) -> None:
    # The same heading-like line over each part of a long table or chart: a running label.
    parts = "".join(
        f"<h3 style='bookmark-level: none'>Results by region</h3><p>{LOREM * 2}</p>"
        for _ in range(3)
    )
    doc = read_layout(html_pdf(f"<h1>Ways to work</h1><p>{LOREM}</p>{parts}"), max_pages=5)
    assert heading_texts(doc) == ["Ways to work"]


def test_an_aside_opening_a_line_of_an_item_is_no_label(html_pdf: HtmlPdf) -> None:
    # "(z." opens a bracket a label would close: the item's second line, not an item.
    path = html_pdf(
        "<p>1. Konvertierung von PDF in ein barrierefreies PDF</p>"
        "<p>2. Erstellung aus einem Erstellungsprogramm<br>"
        "<span style='padding-left: 1em'>(z. B. Textverarbeitung oder Layoutprogramm)</span></p>"
    )
    doc = read_layout(path, max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [i.label for lst in lists for i in lst.items] == ["1.", "2."]
    assert lists[0].items[1].text.endswith("(z. B. Textverarbeitung oder Layoutprogramm)")


def test_lines_lined_up_with_an_items_text_past_a_narrow_label_continue_it(
    html_pdf: HtmlPdf,
) -> None:
    # A bold term after the bullet, its explanation below in a regular face, lined up with
    # the term: one item (the explanation is less indented than a nested item would be).
    mark = "<span style='display: inline-block; width: 0.45em'>•</span>"
    items = "".join(
        f"<p style='padding-left: 0.45em; text-indent: -0.45em; margin: 0.3em 0'>"
        f"<b>{mark}{term},</b><br>{why}</p>"
        for term, why in (
            ("Authoring programs", "in which things cannot be entered as they should be"),
            ("Authors and designers", "who forget to enter what is needed or enter it wrong"),
        )
    )
    doc = read_layout(html_pdf(f"<p>{LOREM}</p>{items}<h2>Next</h2>"), max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert [i.text for i in lists[0].items] == [
        "Authoring programs, in which things cannot be entered as they should be",
        "Authors and designers, who forget to enter what is needed or enter it wrong",
    ]


def test_small_print_below_a_list_does_not_continue_its_last_item(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        f"<p>{LOREM}</p><p>• several relatives with ovarian cancer</p>"
        "<p>• a relative diagnosed under the age of forty</p>"
        "<p style='font-size: 7pt; margin-left: 12em'>Key questions</p>"
    )
    doc = read_layout(path, max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert lists[0].items[-1].text == "a relative diagnosed under the age of forty"
    assert any(isinstance(b, Paragraph) and b.text == "Key questions" for b in doc.blocks)


def test_a_short_line_in_the_larger_face_of_a_forms_answers_is_no_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The labels, in small print, are most of the text; the answers typed in are larger and
    # run over several lines: their face sets nothing apart, "None" in it is an answer.
    label = "<p style='font-size: 8pt; margin: 0.2em 0'>{}</p>"
    answer = "<p style='font-size: 12pt; width: 22em; margin: 0.2em 0'>{}</p>"
    labels = "".join(
        label.format(f"Question {k}: describe what was done by the agency, the staff and"
                     " the partners, and when each step was taken, with the dates")
        for k in range(1, 13)
    )
    path = html_pdf(
        "<h1 style='font-size: 18pt'>Summary report</h1>" + labels
        + answer.format(LOREM) + label.format("Findings:") + answer.format(LOREM)
        + label.format("Recommendations:")
        + answer.format("None")
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Summary report"]
    assert any(isinstance(b, Paragraph) and b.text == "None" for b in doc.blocks)


BOLD = "font-weight: bold; bookmark-level: none"
PLAIN = "font-weight: normal; bookmark-level: none"


def _slides(html_pdf: HtmlPdf, slides: list[str]) -> list[tuple[str, int]]:
    body = "".join(f"<section style='page-break-after: always'>{s}</section>" for s in slides)
    doc = read_layout(html_pdf(body, css="@page { size: A4 landscape }"), max_pages=9)
    return heading_levels(doc)


def test_a_slide_headed_only_in_the_decks_subheading_face_goes_on_with_its_section(
    html_pdf: HtmlPdf,
) -> None:
    # (No bookmarks: the faces alone tell the levels.)
    title = f"<h1 style='font-size: 30pt; {BOLD}'>{{}}</h1><p>{{}}</p>"
    sub = f"<h2 style='font-size: 28pt; {PLAIN}'>{{}}</h2><p>{{}}</p>"
    heads = _slides(html_pdf, [
        title.format("Why tagging matters", LOREM),
        title.format("Short intro", LOREM),
        sub.format("Main rules:", LOREM) + sub.format("More rules:", LOREM),
        title.format("Advantages", LOREM),
    ])
    assert heads == [
        ("Why tagging matters", 1), ("Short intro", 1), ("Main rules:", 2),
        ("More rules:", 2), ("Advantages", 1),
    ]


def test_a_slide_title_shrunk_to_fit_is_still_a_slide_title(html_pdf: HtmlPdf) -> None:
    title = f"<h1 style='font-size: {{}}pt; {BOLD}'>{{}}</h1><p>{{}}</p>"
    heads = _slides(html_pdf, [
        title.format(30, "Why tagging matters", LOREM),
        title.format(30, "Short intro", LOREM),
        title.format(24, "A much longer title that had to be shrunk to fit", LOREM),
        title.format(30, "Advantages", LOREM),
    ])
    assert [level for _, level in heads] == [1, 1, 1, 1]


def test_a_bold_heading_in_another_face_ends_before_the_bold_line_under_it(
    html_pdf: HtmlPdf,
) -> None:
    # Sans 14.5 pt over serif 13.3 pt, both bold, set tight: sizes within the usual tolerance,
    # the gap within the leading; only the change of type style tells them apart.
    path = html_pdf(
        "<p style='font: bold 14.5pt/1.1 \"Liberation Sans\"; margin: 0'>Radio check boxes:</p>"
        "<p style='font: bold 13.3pt/1.1 \"Liberation Serif\"; margin: 0 0 0 1.5em'>"
        "Option one of three</p>"
        f"<p style='margin-top: 1em'>{LOREM * 3}</p>"
    )
    doc = read_layout(path, max_pages=5)
    texts = [b.text for b in doc.blocks]
    assert "Radio check boxes:" in texts
    assert "Option one of three" in texts


def test_a_paragraph_keeps_its_run_in_words_and_inline_sizes(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        "<p><b>Scope.</b> " + LOREM + "<span style='font-size: 13pt; font-family: "
        "\"Liberation Serif\"'>a larger serif phrase</span> " + LOREM + "</p>"
    )
    doc = read_layout(path, max_pages=5)
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 1
    assert paragraphs[0].text.startswith("Scope.")


def test_justified_lines_set_word_by_word_stay_one_paragraph(html_pdf: HtmlPdf) -> None:
    # Word spaces wider than a fragment gap leave every word a fragment of its own: the next
    # line starts under the first word of the line above, not under its last one.
    path = html_pdf(f"<p style='word-spacing: 1.2em; width: 12cm'>{LOREM * 2}</p>")
    doc = read_layout(path, max_pages=5)
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 1
    assert paragraphs[0].text.split() == (LOREM * 2).split()


def test_a_rotated_credit_in_the_margin_does_not_join_the_lines_beside_it(
    html_pdf: HtmlPdf,
) -> None:
    # The credit's box is upright and as tall as the list: taken as part of a line, it
    # would make every line beside it one line and lose the items.
    items = ["Access in a logical reading order", "Results on small screens",
             "Text reuse by copy and paste", "Better search results"]
    path = html_pdf(
        "<div style='position: absolute; right: 0; top: -1.5cm; transform: rotate(-90deg);"
        " transform-origin: right top; font-size: 8pt; white-space: nowrap'>"
        "Photo by a photographer of the agency</div>"
        "<ul style='width: 10cm'>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
        f"<p style='width: 10cm'>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [clean(item.text) for lst in lists for item in lst.items] == items


def test_a_title_bookmarked_twice_takes_the_level_of_the_bookmark_on_its_page(
    html_pdf: HtmlPdf,
) -> None:
    # A chapter opens with a list of its sections and ends with a summary that names them
    # again, one level down: each line takes the level of the bookmark leading to its page,
    # and the opening list, before the sections' pages, heads nothing.
    opening = "".join(
        f"<p style='font-weight: bold; margin-bottom: 2em'>{name}</p>"
        for name in ("Growth", "The brain")
    )
    path = html_pdf(
        f"<h1>Chapter 5</h1>{opening}<p>{LOREM}</p>"
        f"<h2 style='break-before: page'>Growth</h2><p>{LOREM}</p>"
        f"<h2 style='break-before: page'>The brain</h2><p>{LOREM}</p>"
        f"<h2 style='break-before: page'>Summary</h2>"
        f"<h3>Growth</h3><p>{LOREM}</p><h3>The brain</h3><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert [(b.text, b.level, b.prov[0].page) for b in doc.blocks if isinstance(b, Heading)] == [
        ("Chapter 5", 1, 0), ("Growth", 2, 1), ("The brain", 2, 2), ("Summary", 2, 3),
        ("Growth", 3, 3), ("The brain", 3, 3),
    ]


def test_a_heading_level_with_a_margin_note_is_a_heading_of_its_own(html_pdf: HtmlPdf) -> None:
    # The note's last line and the heading share a baseline, a short step apart: the heading
    # is no words of the note going on.
    note = "<br>".join(("Marginal", "notes sit", "in the", "margin."))
    path = html_pdf(
        "<div style='position: absolute; left: 0; top: 18pt; width: 2cm; font-size: 10pt;"
        f" line-height: 14pt'>{note}</div>"
        "<div style='position: absolute; left: 2.4cm; top: 0; width: 12cm'>"
        f"<p style='line-height: 14pt; margin: 0 0 18pt'>{LOREM}</p>"
        "<h2 style='margin: 0; font-size: 14pt; line-height: 14pt'>2.4 Theorems</h2>"
        f"<p>{LOREM}</p></div>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["2.4 Theorems"]


def test_a_bold_heading_naming_a_product_with_a_small_initial(html_pdf: HtmlPdf) -> None:
    # "iText" starts with a small letter but is a name, not a sentence going on; a bold
    # phrase in small letters still heads nothing.
    path = html_pdf(
        f"<h1>Tools</h1><p>{LOREM}</p>"
        f"<p><b>PDFlib</b></p><p>{LOREM}</p>"
        f"<p><b>iText</b></p><p>{LOREM}</p>"
        f"<p><b>and more tools</b></p><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Tools", "PDFlib", "iText"]


def test_a_heading_wrapped_with_loose_leading_is_one_heading(html_pdf: HtmlPdf) -> None:
    # Display type set with generous leading over tight body text: its lines stand further
    # apart than the body's, but each goes on in small letters under the one above.
    path = html_pdf(
        "<div style='width: 7cm; text-align: center'>"
        "<h2 style='font-size: 30pt; line-height: 48pt'>What are the claimed advantages</h2>"
        f"<p style='text-align: left; line-height: 12pt'>{LOREM * 2}</p></div>"
        "<h2 style='font-size: 30pt'>Benchmarks</h2>"
        f"<p style='line-height: 12pt'>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == [
        "What are the claimed advantages", "Benchmarks"
    ]


def test_a_bookmarked_title_run_into_its_paragraph_is_that_sections_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The bookmark names the bold words opening the paragraph: they head a section, the rest
    # is its text. A bold opening no bookmark names stays in its paragraph.
    path = html_pdf(
        f"<h1>Chapter 5</h1><p>{LOREM}</p>"
        "<p><b style='bookmark-level: 2; bookmark-label: content()'>Multiple Choice:</b> "
        f"Check your understanding. {LOREM}</p>"
        f"<p><b>Note well:</b> {LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("Chapter 5", 1), ("Multiple Choice:", 2)
    ]
    paragraphs = paragraph_texts(doc)
    assert paragraphs[1].startswith("Check your understanding.")
    assert paragraphs[2].startswith("Note well:")


def test_subsections_numbered_in_the_body_face_go_on_from_the_numbered_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The deepest levels set in the body's face, marked only by their numbers; a decimal
    # opening a sentence and a numbered clause of running text stay paragraphs.
    path = html_pdf(
        f"<h2 style='bookmark-level: none'>1 Overview</h2><p>{LOREM}</p>"
        f"<h2 style='bookmark-level: none'>2 Model</h2><p>{LOREM}</p>"
        f"<h3 style='bookmark-level: none'>2.1 Logical model</h3><p>{LOREM}</p>"
        f"<p>2.1.1 Logical view</p><p>{LOREM}</p>"
        f"<p>2.1.2 Hydro network</p><p>{LOREM}</p>"
        f"<p>2.1.2.1 Point events</p><p>{LOREM}</p>"
        f"<p>2.2 Physical model</p><p>{LOREM}</p>"
        f"<p>2.5 million people live by a river.</p>"
        f"<p>2.3 The contractor shall keep the data model up to date every year.</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("1 Overview", 1), ("2 Model", 1), ("2.1 Logical model", 2), ("2.1.1 Logical view", 3),
        ("2.1.2 Hydro network", 3), ("2.1.2.1 Point events", 4), ("2.2 Physical model", 2),
    ]
    assert "2.5 million people live by a river." in [
        b.text for b in doc.blocks if isinstance(b, Paragraph)
    ]


def test_a_contents_list_of_numbered_titles_said_again_below_heads_nothing(
    html_pdf: HtmlPdf,
) -> None:
    # A web page's table of contents: its sections' numbered titles as links in the body's
    # face, no page numbers, then the sections under their headings. The entries go on in
    # sequence from the chapter's heading as body-face subsections do, but each is said
    # again further on: the heading is the line below.
    path = html_pdf(
        "<h1 style='bookmark-level: none'>13. The tool</h1>"
        "<p>13.1. Overview</p><p>13.2. Options</p><p>13.3. Output</p>"
        f"<p>{LOREM}</p>"
        f"<h2 style='bookmark-level: none'>13.1. Overview</h2><p>{LOREM}</p>"
        f"<h2 style='bookmark-level: none'>13.2. Options</h2><p>{LOREM}</p>"
        f"<h2 style='bookmark-level: none'>13.3. Output</h2><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("13. The tool", 1), ("13.1. Overview", 2), ("13.2. Options", 2), ("13.3. Output", 2),
    ]


def test_sections_numbered_in_roman_and_lettered_subsections_in_the_body_size(
    html_pdf: HtmlPdf,
) -> None:
    # A paper's or a decision's sections set in the body's size (small capitals, italics):
    # the numbering in sequence says what they are; a line out of sequence and letters
    # listed one under the other do not.
    path = html_pdf(
        "<h1>On rivers</h1>"
        f"<p style='text-align: center'>I. Introduction</p><p>{LOREM}</p>"
        f"<p>D. Smith is with the University of Leeds</p><p>{LOREM}</p>"
        f"<p style='text-align: center'>II. Method</p><p>{LOREM}</p>"
        f"<p><i>A. Data</i></p><p>{LOREM}</p><p><i>B. Models</i></p><p>{LOREM}</p>"
        f"<p style='text-align: center'>III. Results</p><p>{LOREM}</p>"
        f"<p>A. Rivers</p><p>B. Lakes</p><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("On rivers", 1), ("I. Introduction", 1), ("II. Method", 1), ("A. Data", 2),
        ("B. Models", 2), ("III. Results", 1),
    ]
    assert any(isinstance(b, ListBlock) for b in doc.blocks)  # rivers and lakes


def test_a_title_ending_in_a_colon_takes_its_subtitle_set_under_it(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        "<h1 style='bookmark-level: none; margin: 0'>Physical Development:</h1>"
        "<h2 style='bookmark-level: none; margin: 0'>The Brain, the Body and Motor Skills</h2>"
        f"<p style='margin-top: 2em'>{LOREM}</p>"
        f"<h2 style='bookmark-level: none'>Growth</h2><p>{LOREM}</p>"
        "<h1 style='bookmark-level: none; margin-bottom: 0'>Cognition</h1>"
        "<h2 style='bookmark-level: none; margin-top: 0'>Memory</h2>"
        f"<p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    # A title without a colon keeps the heading set under it as a section of its own.
    assert heading_levels(doc) == [
        ("Physical Development: The Brain, the Body and Motor Skills", 1), ("Growth", 2),
        ("Cognition", 1), ("Memory", 2),
    ]


def _line(text: str, size: float, *, bold: bool = True, extra: str = "") -> str:
    weight = "bold" if bold else "normal"
    return (f"<p style='font-size: {size}pt; font-weight: {weight}; bookmark-level: none;"
            f" margin: 0.5em 0; {extra}'>{text}</p>")


def test_a_subtitle_in_a_smaller_face_than_the_sections_skips_no_level(
    html_pdf: HtmlPdf,
) -> None:
    # By face the subtitle is a third level (below the sections' face); under the title it
    # is one level down, as the sections are: no heading skips a level.
    path = html_pdf(
        _line("Personal plan", 22) + _line("Power sleep", 13, bold=False)
        + _line("Your bedroom", 16) + f"<p>{LOREM * 2}</p>"
        + _line("Your habits", 16) + f"<p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("Personal plan", 1), ("Power sleep", 2), ("Your bedroom", 2), ("Your habits", 2)
    ]


def test_a_covers_lines_other_than_its_title_head_nothing(html_pdf: HtmlPdf) -> None:
    page = "<div style='break-before: page'></div>"
    cover = (
        _line("National water data model", 22, extra="text-align: center")
        + _line("Edition 1.0", 18, extra="text-align: center; margin-top: 4em")
        + _line("Department of Rivers", 14, extra="text-align: center; margin-top: 4em")
    )
    body = "".join(
        _line(title, 16) + f"<p>{LOREM * 3}</p>"
        for title in ("Overview", "Rivers", "Lakes")
    )
    path = html_pdf(cover + page + body + page + _line("Annex", 16) + f"<p>{LOREM}</p>")
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == [
        "National water data model", "Overview", "Rivers", "Lakes", "Annex"
    ]
    # A cover's date set larger than its title is no title ("2018 年 04 月").
    cjk = 'font-family: "Noto Serif CJK SC"; text-align: center'
    dated = (_line("东北电气发展股份有限公司", 18, extra=cjk)
             + _line("2018 年第一季度报告", 16, bold=False, extra=cjk + "; margin-top: 4em")
             + _line("2018 年 04 月", 21, extra=cjk + "; margin-top: 8em"))
    path = html_pdf(dated + page + body + page + f"<p>{LOREM}</p>")
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc)[:2] == ["东北电气发展股份有限公司", "Overview"]
    # A cover picture before the title page: the title page is the first page with text.
    picture = f"<img src='{png_data_uri()}' style='width: 12cm'>"
    path = html_pdf(picture + page + cover + page + body + page + f"<p>{LOREM}</p>")
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc)[:2] == [
        "National water data model", "Overview"
    ]
    # A first page with running text is no cover: its lines stay as they are.
    path = html_pdf(cover + f"<p>{LOREM * 2}</p>" + page + body + page + f"<p>{LOREM}</p>")
    doc = read_layout(path, max_pages=5)
    assert "Edition 1.0" in heading_texts(doc)


def test_a_caption_set_in_bold_is_no_heading(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        _line("Water levels", 16) + f"<p>{LOREM * 2}</p>"
        + _line("Figure 1 – Specifications expansion", 11) + f"<p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [("Water levels", 1)]
    assert any(
        isinstance(b, Paragraph) and b.text == "Figure 1 – Specifications expansion"
        for b in doc.blocks
    )


def test_the_title_of_a_diagram_over_its_small_labels_is_no_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The labels alternate faces, as a diagram's do, so each is a block of its own.
    labels = "".join(
        _line(text, 6, bold=k % 2 == 1, extra="margin: 0.3em 0 0.3em 6em")
        for k, text in enumerate(["«type»", "Abstract Model::Event", "+ nid: UUID",
                                  "«type»", "Abstract Model::LinearEvent"])
    )
    path = html_pdf(
        _line("Line events", 16) + f"<p>{LOREM * 2}</p>"
        + _line("Event classes", 14, extra="margin-left: 6em") + labels
        + f"<p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [("Line events", 1)]


def test_sections_lettered_in_order_are_subsections_of_the_heading_above(
    html_pdf: HtmlPdf,
) -> None:
    sections = "".join(
        _line(f"{letter}. {title}", 11) + f"<p>{LOREM}</p>"
        for letter, title in (("A", "SLEEP ENVIRONMENT"), ("B", "SLEEP RITUALS"),
                              ("C", "SLEEP SCHEDULE"))
    )
    path = html_pdf(_line("Personal sleep study", 18) + f"<p>{LOREM}</p>" + sections)
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("Personal sleep study", 1), ("A. SLEEP ENVIRONMENT", 2), ("B. SLEEP RITUALS", 2),
        ("C. SLEEP SCHEDULE", 2),
    ]
    # Letters one under the other are a list's items, not sections.
    listed = "".join(f"<p style='margin: 0'>{x}. {w}</p>"
                     for x, w in (("A", "Rivers"), ("B", "Lakes"), ("C", "Seas")))
    path = html_pdf(_line("Personal sleep study", 18) + f"<p>{LOREM}</p>" + listed
                    + f"<p>{LOREM}</p>")
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [("Personal sleep study", 1)]


def test_a_one_off_larger_line_among_numbered_sections_does_not_push_them_down(
    html_pdf: HtmlPdf,
) -> None:
    # (A diagram's label set large between sections 1 and 2 is no part heading: no other
    # heading shares its face, so the title above still takes the sections' level.)
    path = html_pdf(
        _line("A data model", 22) + _line("1 Overview", 14) + f"<p>{LOREM * 2}</p>"
        + _line("Mandatory", 18) + f"<p>{LOREM}</p>"
        + _line("2 Network", 14) + f"<p>{LOREM}</p>" + _line("2.1 Links", 12)
        + f"<p>{LOREM}</p>" + _line("3 Events", 14) + f"<p>{LOREM}</p>",
        producer=PAPER,
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("A data model", 1), ("1 Overview", 1), ("Mandatory", 1), ("2 Network", 1),
        ("2.1 Links", 2), ("3 Events", 1),
    ]


def test_the_parts_of_a_form_are_one_level_below_its_title(html_pdf: HtmlPdf) -> None:
    # Each part's label is set to fit its box ("Sign here" as large as the title): on a
    # form the labels are parts of the form, not nested in one another.
    fields = "".join(
        f"<p style='margin: 0.4em 0'><input type='text' name='{part}{k}'></p>"
        for part in ("a",) for k in range(6)
    )
    more = fields.replace("name='a", "name='b")
    path = html_pdf(
        _line("Income tax return", 18) + f"<p>{LOREM}</p>"
        + _line("Your details", 13) + f"<p>{LOREM}</p>" + fields
        + _line("Sign here", 18) + f"<p>{LOREM}</p>" + more,
        pdf_forms=True,
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("Income tax return", 1), ("Your details", 2), ("Sign here", 2)
    ]


def test_a_label_set_large_beside_a_field_heads_a_part_of_the_form(html_pdf: HtmlPdf) -> None:
    # "Paid Preparer Use Only" in the form's margin, its fields beside it: a part's heading;
    # a label in the body's face beside its field names the field only.
    path = html_pdf(
        _line("Income tax return", 20) + f"<p>{LOREM}</p>"
        + "<p style='margin: 1em 0; display: flex'><b style='font-size: 15pt'>Paid Preparer"
        "</b> <input type='text' name='preparer' style='width: 12em; margin-left: 1em'></p>"
        + "<p style='margin: 1em 0; display: flex'><b>Firm name</b>"
        " <input type='text' name='firm' style='width: 12em; margin-left: 1em'></p>"
        + f"<p>{LOREM}</p>",
        pdf_forms=True,
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [("Income tax return", 1), ("Paid Preparer", 2)]


def test_a_chinese_sentence_set_large_is_no_heading(html_pdf: HtmlPdf) -> None:
    cjk = 'font-family: "Noto Serif CJK SC"'
    path = html_pdf(
        _line("第一节 重要提示", 18, extra=cjk) + f"<p>{LOREM}</p>"
        + _line("所有董事均已出席了审议本次季报的董事会会议。", 14, bold=False, extra=cjk)
        + f"<p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [("第一节 重要提示", 1)]


def test_a_bookmarked_title_used_again_on_other_pages_heads_only_its_own(
    html_pdf: HtmlPdf,
) -> None:
    # One bookmark leads to the "Results" section; each section after it labels its table
    # "Results" again in the body's face: those labels are the same words, no headings.
    label = "<p>Results</p>"
    path = html_pdf(
        f"<h1>Survey</h1><h2>Results</h2><p>{LOREM}</p>"
        f"<h2 style='break-before: page'>Sidewalks</h2><p>{LOREM}</p>{label}<p>{LOREM}</p>"
        f"<h2 style='break-before: page'>Crossings</h2><p>{LOREM}</p>{label}<p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("Survey", 1), ("Results", 2), ("Sidewalks", 2), ("Crossings", 2)
    ]


def test_a_bookmark_set_a_page_early_still_levels_its_heading(html_pdf: HtmlPdf) -> None:
    # The bookmark leads to the page before the one its heading opens (a heading pushed over
    # by the page break), set in the body's face: the bookmark still makes it the heading.
    path = html_pdf(
        f"<h1>Survey</h1><p>{LOREM}</p><a id='early'></a>"
        f"<p style='break-before: page'>Results</p><p>{LOREM}</p>",
        css="a#early { bookmark-level: 2; bookmark-label: 'Results' }",
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [("Survey", 1), ("Results", 2)]


def _data_model_diagram(labels: int) -> str:
    """A page-filling diagram drawn in lines and circles, ``labels`` small labels over it
    (a class's fields) and a bold one naming a box of it ("Code List")."""
    shapes = "".join(
        f"<line x1='{k * 15}' y1='0' x2='{170 - k * 15}' y2='240' stroke='#802020'/>"
        for k in range(12)
    ) + "".join(
        f"<circle cx='{20 + k * 25}' cy='{30 + (k % 3) * 60}' r='9' fill='#c0d8f0'"
        " stroke='#204080'/>" for k in range(6)
    )
    small = "".join(
        f"<div style='position: absolute; left: {1 + (k % 3) * 5.5}cm;"
        f" top: {1.5 + (k // 3) * 0.9}cm; font-size: 6pt'>+ field_{k}: DT_UUID [0..1]</div>"
        for k in range(labels)
    )
    return (
        "<div style='position: relative; width: 17cm; height: 24cm; break-before: page'>"
        "<svg style='position: absolute; left: 0; top: 0' width='17cm' height='24cm'"
        f" viewBox='0 0 170 240'>{shapes}</svg>{small}"
        "<div style='position: absolute; left: 11cm; top: 18cm; font-size: 13pt;"
        " font-weight: bold'>Code List</div></div>"
    )


def test_a_label_on_a_page_filling_diagram_is_no_heading(html_pdf: HtmlPdf) -> None:
    # The diagram's small labels hold more words than the prose: the body's size is still
    # the prose's, and the labels in small print make the page-filling drawing a diagram
    # whose bold label names a box of it, not a section.
    path = html_pdf(
        f"<h1>Data model</h1><p>{LOREM}</p><h2>1 Overview</h2><p>{LOREM}</p>"
        f"<h2>2 Model</h2><p>{LOREM}</p>{_data_model_diagram(36)}"
        f"<h2>3 Metadata</h2><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert any(isinstance(b, Figure) for b in doc.blocks)
    assert heading_levels(doc) == [
        ("Data model", 1), ("1 Overview", 2), ("2 Model", 2), ("3 Metadata", 2)
    ]


def test_the_foot_of_a_one_page_poster_heads_nothing(html_pdf: HtmlPdf) -> None:
    # The department and the authors set large in the last page's bottom margin, nothing
    # under them: the poster's foot, not sections.
    foot = "".join(
        f"<div style='position: fixed; bottom: -1.2cm; left: {left}cm; font-size: 16pt;"
        f" font-weight: bold'>{text}</div>"
        for left, text in ((0, "Department of Systems"), (10, "Ann Smith – Bo Li"))
    )
    path = html_pdf(
        f"<h1>The Go Language</h1><h2>What is Go</h2><p>{LOREM}</p>"
        f"<h2>Conclusion</h2><p>{LOREM}</p>{foot}"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [("The Go Language", 1), ("What is Go", 2), ("Conclusion", 2)]
    assert any(isinstance(b, Paragraph) and b.text == "Ann Smith – Bo Li" for b in doc.blocks)


def test_a_glossary_term_repeating_a_bookmarked_heading_on_its_page_is_no_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The margin glossary defines the word the section beside it is titled: the bookmark
    # leads to the heading, not to the small bold term.
    path = html_pdf(
        f"<h1>Brain growth</h1><p>{LOREM}</p><h2>Myelinization</h2><p>{LOREM}</p>"
        "<p style='font-size: 8pt; font-weight: bold; margin: 0'>myelinization</p>"
        "<p style='font-size: 8pt'>the process by which neurons are enclosed in sheaths</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [("Brain growth", 1), ("Myelinization", 2)]


def test_a_plain_subtitle_right_under_a_bold_title_is_no_heading(html_pdf: HtmlPdf) -> None:
    # As large as the title, in italics, right under it: the title's subtitle.
    path = html_pdf(
        "<h1 style='margin-bottom: 0'>How to make an accessible PDF</h1>"
        "<p style='font-size: 22pt; font-style: italic; margin-top: 0'>Online chapter 3</p>"
        f"<h2>Contents</h2><p>{LOREM}</p><h2>Introduction</h2><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("How to make an accessible PDF", 1), ("Contents", 2), ("Introduction", 2)
    ]
    assert any(isinstance(b, Paragraph) and b.text == "Online chapter 3" for b in doc.blocks)


def test_a_bold_title_closed_by_a_full_stop_run_into_its_paragraph_is_a_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The deepest level of a book's headings, run into the paragraph (APA's fourth level):
    # siblings one below the section; a label closed by a colon and a bold sentence stay
    # the paragraph's own words.
    path = html_pdf(
        f"<h1>Growth</h1><p>{LOREM}</p><h2>Nutrition</h2>"
        f"<p><b>Problems of Undernutrition.</b> {LOREM}</p>"
        f"<p><b>Problems of Overnutrition.</b> {LOREM}</p>"
        f"<p><b>Proposition:</b> {LOREM}</p>"
        f"<p><b>Never give a child more than the stated dose.</b> {LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("Growth", 1), ("Nutrition", 2), ("Problems of Undernutrition.", 3),
        ("Problems of Overnutrition.", 3),
    ]
    paragraphs = paragraph_texts(doc)
    assert paragraphs[1].startswith("Public bodies")  # the words after the run-in title
    assert any(p.startswith("Proposition: Public") for p in paragraphs)


def test_a_bold_name_ending_a_sentence_at_a_paragraphs_start_is_no_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The full stop is the sentence's, in the regular face: no run-in heading.
    path = html_pdf(
        f"<h1>Airworthiness</h1><p><b>Federal Register</b>. The agency will consider "
        f"the comments. {LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [("Airworthiness", 1)]


def test_a_lone_heading_at_the_foot_of_the_last_page_is_still_a_heading(
    html_pdf: HtmlPdf,
) -> None:
    # An agenda's last part, nothing under it, alone in the bottom margin: no poster's foot.
    last = ("<div style='position: fixed; bottom: -1.2cm; left: 0; font-size: 16pt;"
            " font-weight: bold'>Adjournment</div>")
    path = html_pdf(
        f"<h1>Board meeting</h1><h2>Minutes</h2><p>{LOREM}</p>"
        f"<h2>Reports</h2><p>{LOREM}</p>{last}"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("Board meeting", 1), ("Minutes", 2), ("Reports", 2), ("Adjournment", 2)
    ]


def test_a_bookmark_leading_to_no_page_showing_its_title_still_names_the_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The bookmark leads to the first page, which does not show "Results": its destination
    # is off, so the line reading it further on is the heading it names.
    path = html_pdf(
        f"<h1>Survey</h1><p>{LOREM}</p><a id='off'></a>"
        f"<p style='break-before: page'>{LOREM}</p>"
        f"<p style='break-before: page'>Results</p><p>{LOREM}</p>",
        css="a#off { bookmark-level: 2; bookmark-label: 'Results' }",
    )
    doc = read_layout(path, max_pages=5)
    assert [(b.text, b.level, b.prov[0].page) for b in doc.blocks if isinstance(b, Heading)] == [
        ("Survey", 1, 0), ("Results", 2, 2)
    ]


def test_a_bookmarked_title_in_bold_in_its_sections_text_is_no_second_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The section's text names its term in bold on a line of its own: the bookmark leads to
    # the heading in the larger face, not to the term.
    path = html_pdf(
        f"<h1>Brain growth</h1><p>{LOREM}</p><h2>Myelinization</h2><p>{LOREM}</p>"
        f"<p style='font-weight: bold; margin: 0'>Myelinization</p><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [("Brain growth", 1), ("Myelinization", 2)]


def test_a_paragraph_opening_with_the_bold_title_of_its_section_is_no_run_in_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The section is headed by a line of its own on the page its bookmark leads to: a
    # paragraph of it opening with the term in bold runs no second heading in.
    path = html_pdf(
        f"<h1>Brain growth</h1><p>{LOREM}</p><h2>Myelinization</h2><p>{LOREM}</p>"
        f"<p><b>Myelinization</b> follows a definite sequence. {LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [("Brain growth", 1), ("Myelinization", 2)]


def test_a_display_formula_set_large_is_no_heading(html_pdf: HtmlPdf) -> None:
    # (Letters standing for quantities and symbols between them make no title, however
    # large the face a formula is set in; a single word without a run of letters, "Q&A",
    # still may.)
    path = html_pdf(
        _line("Topology", 22) + f"<p>{LOREM * 2}</p>"
        + _line("f : |K| → |L|", 18, bold=False, extra="text-align: center")
        + f"<p>{LOREM * 2}</p>"
        + _line("h ↦ g · h", 16, bold=False, extra="text-align: center")
        + f"<p>{LOREM}</p>" + _line("Q&amp;A", 16) + f"<p>{LOREM}</p>"
        + _line("第1章", 16) + f"<p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    # (A Chinese character is a word on its own: "第1章", chapter 1, is a title.)
    assert heading_texts(doc) == ["Topology", "Q&A", "第1章"]


def test_sections_numbered_under_the_chapter_above_them_stay_below_it(
    html_pdf: HtmlPdf,
) -> None:
    # ("6.1", "6.2" … open at their first subsection: the heading above that bears their
    # number, "Chapter 6", is the chapter they belong to, no title beside them.)
    path = html_pdf(
        _line("CHAPTER 6 – AN OVERVIEW OF THE MARKET", 18) + f"<p>{LOREM * 2}</p>"
        + _line("6.1 Market size", 13) + f"<p>{LOREM * 2}</p>"
        + _line("6.2 Consumer demand", 13) + f"<p>{LOREM * 2}</p>"
        + _line("6.3 Seller concentration", 13) + f"<p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("CHAPTER 6 – AN OVERVIEW OF THE MARKET", 1), ("6.1 Market size", 2),
        ("6.2 Consumer demand", 2), ("6.3 Seller concentration", 2),
    ]


def test_sections_opening_at_their_first_subsection_under_a_plain_title_take_its_level(
    html_pdf: HtmlPdf,
) -> None:
    # (A book's chapter printed alone: its sections "3.1", "3.2" … are the document's top
    # level, the title set larger above them no level above theirs.)
    path = html_pdf(
        _line("How to make accessible documents", 18) + f"<p>{LOREM * 2}</p>"
        + _line("3.1 Introduction", 13) + f"<p>{LOREM * 2}</p>"
        + _line("3.2 Approach", 13) + f"<p>{LOREM * 2}</p>"
        + _line("3.3 Summary", 13) + f"<p>{LOREM * 2}</p>",
        producer=PAPER,
    )
    doc = read_layout(path, max_pages=5)
    assert [level for _, level in heading_levels(doc)] == [1, 1, 1, 1]


def test_a_web_address_set_large_by_the_title_is_no_heading(html_pdf: HtmlPdf) -> None:
    path = html_pdf(
        _line("Canvas cheat sheet", 20) + _line("http://blog.example.org/", 14, bold=False)
        + _line("Canvas element", 15) + f"<p>{LOREM * 2}</p>"
        + _line("Compositing", 15) + f"<p>{LOREM * 2}</p>"
        + _line("info@example.org", 14, bold=False) + f"<p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == [
        "Canvas cheat sheet", "Canvas element", "Compositing"
    ]


def test_an_author_dated_under_a_plain_title_with_no_bold_heading_is_no_heading(
    html_pdf: HtmlPdf,
) -> None:
    # (A paper whose class sets nothing in bold: its title, author and date, then "Abstract"
    # over its text. The line right above the running text heads it.)
    path = html_pdf(
        _line("Two-Column Document", 20, bold=False, extra="text-align: center")
        + _line("Your Name", 13, bold=False, extra="text-align: center")
        + "<p style='text-align: center'>January 3, 2024</p>"
        + _line("Abstract", 15, bold=False) + f"<p>{LOREM * 2}</p>"
        + _line("Introduction", 15, bold=False) + f"<p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == [
        "Two-Column Document", "Abstract", "Introduction"
    ]


def test_a_one_off_larger_line_between_unnumbered_sections_does_not_push_them_down(
    html_pdf: HtmlPdf,
) -> None:
    # (The sections in one face are one level, before and after a line set larger that no
    # other heading shares, a callout or a stray label: it opens no level above them.)
    path = html_pdf(
        _line("Fairy tales", 24) + _line("The buried moon", 14) + f"<p>{LOREM * 2}</p>"
        + _line("The kind giver", 14) + f"<p>{LOREM * 2}</p>"
        + _line("Stories for a rainy day", 19, bold=False) + f"<p>{LOREM}</p>"
        + _line("The honey bee", 14) + f"<p>{LOREM * 2}</p>"
        + _line("The half chick", 14) + f"<p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_levels(doc) == [
        ("Fairy tales", 1), ("The buried moon", 2), ("The kind giver", 2),
        ("Stories for a rainy day", 2), ("The honey bee", 2), ("The half chick", 2),
    ]


def test_authors_marked_for_their_affiliations_in_bold_are_no_heading(
    html_pdf: HtmlPdf,
) -> None:
    path = html_pdf(
        _line("Dense retrieval for question answering", 16, extra="text-align: center")
        + _line("Ann Karp∗, Bo Oguz∗, Sam Min†, Pat Lewis", 13,
                extra="text-align: center")
        + "<p style='text-align: center'>†University of Washington</p>"
        + _line("Abstract", 13) + f"<p>{LOREM * 2}</p>"
        + _line("1 Introduction", 13) + f"<p>{LOREM * 2}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == [
        "Dense retrieval for question answering", "Abstract", "1 Introduction"
    ]


def test_the_head_row_of_an_empty_ruled_table_is_no_heading(html_pdf: HtmlPdf) -> None:
    # A ruled table with its head row alone over an empty row, under its section's heading:
    # the two bold heads side by side in the drawn box name its columns, not sections.
    cell = "border: 1px solid black; padding: 2px; height: 14pt"
    table = (
        "<table style='border-collapse: collapse; width: 100%'><tr>"
        f"<td style='{cell}; width: 30%'><b>Key word</b></td>"
        f"<td style='{cell}'><b>Description</b></td></tr>"
        f"<tr><td style='{cell}'></td><td style='{cell}'></td></tr></table>"
    )
    path = html_pdf(
        f"<h1>Data model</h1><p>{LOREM}</p><h2>Future work</h2>{table}"
        f"<h2>Scope</h2><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert "Key word" not in heading_texts(doc)
    assert "Description" not in heading_texts(doc)
    assert heading_levels(doc) == [("Data model", 1), ("Future work", 2), ("Scope", 2)]


def test_the_speakers_name_on_the_title_slide_in_the_title_face_is_no_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The title slide: the deck's title at the top, the speaker's name set in the same face
    # far below it. The later slides have their titles; the name heads nothing.
    face = f"font-size: 30pt; {BOLD}"
    cover = (
        f"<h1 style='{face}'>The Go Programming Language</h1>"
        f"<p style='margin-top: 6cm; text-align: center; {face}'>Ann Smith</p>"
    )
    slide = f"<h1 style='{face}'>{{}}</h1><p>{{}}</p>"
    heads = _slides(html_pdf, [
        cover, slide.format("What is it?", LOREM), slide.format("Design principles", LOREM),
    ])
    assert heads == [
        ("The Go Programming Language", 1), ("What is it?", 1), ("Design principles", 1)
    ]


def test_a_box_titled_as_the_page_heading_in_a_smaller_face_opens_no_section(
    html_pdf: HtmlPdf,
) -> None:
    # An encyclopedia's page with no bookmarks: the article's title, its sections, and a box
    # of facts headed with the article's name again in a smaller bold face, which names the
    # box's subject and opens no section of the article.
    cell = "style='border: 1px solid #999'"
    box = (
        "<div style='float: right; width: 5cm; margin-left: 0.5cm'>"
        "<p style='text-align: center; font-weight: bold; font-size: 12pt'>Lorem tool</p>"
        "<table style='border-collapse: collapse'>"
        + "".join(
            f"<tr><td {cell}><b>{k}</b></td><td {cell}>{v}</td></tr>"
            for k, v in (("Developer", "Ann Smith"), ("Written in", "Python"),
                         ("Licence", "MIT"))
        )
        + "</table></div>"
    )
    none = "bookmark-level: none"
    path = html_pdf(
        f"<h1 style='font-size: 24pt; {none}'>Lorem tool</h1>{box}<p>{LOREM}</p>"
        f"<h2 style='font-size: 16pt; {none}'>History</h2><p>{LOREM}</p>"
        f"<h3 style='font-size: 12pt; {none}'>Early years</h3><p>{LOREM}</p>"
        f"<h2 style='font-size: 16pt; {none}'>Behaviour</h2><p>{LOREM}</p>"
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["Lorem tool", "History", "Early years", "Behaviour"]
    assert any(isinstance(b, Paragraph) and b.text == "Lorem tool" for b in doc.blocks)


NARROW_HEADING = "Explanation of Certain Provisions for Alternative Methods of Compliance"


def test_a_bold_heading_wrapped_onto_three_lines_of_a_narrow_column_is_a_heading(
    html_pdf: HtmlPdf,
) -> None:
    # The body's size in bold, ten words wrapped onto three lines: a title, not a paragraph.
    path = html_pdf(
        f"<div style='width: 16em'><p>{LOREM}</p><p><b>{NARROW_HEADING}</b></p>"
        f"<p>{LOREM}</p><p>{LOREM}</p></div>"
    )
    doc = read_layout(path, max_pages=5)
    assert NARROW_HEADING in heading_texts(doc)


def test_a_bold_paragraph_of_three_lines_is_no_heading(html_pdf: HtmlPdf) -> None:
    # Three lines in bold running to twenty words (no full stop closing them): a paragraph.
    bold = ("Every request for an accessible format is answered within five working days "
            "of the day on which the service received it from you")
    path = html_pdf(
        f"<div style='width: 28em'><p>{LOREM}</p><p><b>{bold}</b></p><p>{LOREM}</p></div>"
    )
    doc = read_layout(path, max_pages=5)
    assert bold in paragraph_texts(doc)
    assert not heading_texts(doc)
