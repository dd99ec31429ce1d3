"""Right-to-left lines (Arabic, Hebrew, Persian) read in their logical order: figures and
Latin words inside them, the neutral characters the bidirectional algorithm moved beside
them (a section number's hyphen, a percent sign, brackets, a numbered item's full stop), and
lists whose labels stand at the right."""

from __future__ import annotations

from pathlib import Path

from tests.engine.analysis.conftest import HtmlPdf, heading_texts, paragraph_texts
from tests.engine.analysis.drawn_pdfs import helvetica_page, read_as_hebrew
from workers.engine.document import Document, ListBlock, ListItem, Paragraph
from workers.engine.layout.bidi import marks_on_their_letters
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.reader import read_layout

# (WeasyPrint indents lists on the left whatever the direction: here on the right, as a
# right-to-left document does.)
RTL_CSS = "body { direction: rtl } ol, ul { padding: 0 2.5em 0 0 }"


def _lists(doc: Document) -> list[tuple[bool, list[str], list[str]]]:
    """Each top-level list: ordered or not, its labels, its items' texts."""
    return [
        (b.ordered, [i.label for i in b.items], [i.text for i in b.items])
        for b in doc.blocks if isinstance(b, ListBlock)
    ]


def test_figures_in_a_right_to_left_line_keep_their_neighbours_in_reading_order(
    html_pdf: HtmlPdf,
) -> None:
    # Pango draws the figures left to right, the hyphen, the percent sign and the brackets
    # beside them where the bidirectional algorithm puts them (at the figure's left, or
    # mirrored): read in content order they came out "-3", "%50", ") 12 (".
    lines = [
        "حداقل 50% از توليد ساليانه يا 47.500 تن",
        "مقدار (12) و -5 و 5- درجه",
        "تاريخ ارائه مدارک 1403/09/19",
        # Drawn "001 3" (a space parts two Arabic numbers); a group of thousands drawn
        # after its figure ("3 001", a table's total) reads as drawn.
        "مجموع 3 001 صوت",
        # Hebrew letters are no Arabic letters: figures beside them join across a hyphen
        # and take the percent sign after them ("2-5", "50%" drawn as they read).
        "הנחה של 50% בין 2-5 ימים",
    ]
    path = html_pdf(
        "<h2>3- پذيرش در بورس</h2>" + "".join(f"<p>{line}</p>" for line in lines),
        css=RTL_CSS + " p { margin: 0 0 1.2em }",
    )
    doc = read_layout(path, max_pages=5)
    assert heading_texts(doc) == ["3- پذيرش در بورس"]
    assert paragraph_texts(doc) == lines


def test_latin_words_in_a_right_to_left_line_read_left_to_right(html_pdf: HtmlPdf) -> None:
    # "Word file" stands left to right in the Persian line: read from the right, piece by
    # piece, it was "file Word".
    line = "این یک Word file است و 2.5 سانتیمتر"
    doc = read_layout(html_pdf(f"<p>{line}</p>", css=RTL_CSS), max_pages=5)
    assert paragraph_texts(doc) == [line]


def test_a_right_to_left_numbered_list_has_its_labels_at_the_right(html_pdf: HtmlPdf) -> None:
    # The labels "1." and "2." stand at the right of their items, drawn ".1" and ".2"; the
    # bullet list after them starts at the same right edge (no list inside the last item)
    # and the paragraph after the lists, out at the margin, is no part of them.
    path = html_pdf(
        "<p>این یک پاراگراف است</p>"
        "<ol><li>مورد اول از فهرست</li><li>مورد دوم از فهرست</li></ol>"
        "<ul><li>مورد اول</li><li>مورد دوم</li></ul>"
        "<p>این پاراگراف دیگری است</p>",
        css=RTL_CSS,
    )
    doc = read_layout(path, max_pages=5)
    assert _lists(doc) == [
        (True, ["1.", "2."], ["مورد اول از فهرست", "مورد دوم از فهرست"]),
        (False, ["•", "•"], ["مورد اول", "مورد دوم"]),
    ]
    assert paragraph_texts(doc) == ["این یک پاراگراف است", "این پاراگراف دیگری است"]
    numbered = next(b for b in doc.blocks if isinstance(b, ListBlock))
    # The tagger tags the label apart (Lbl): its glyphs are found though drawn ".1".
    assert all(item.label_prov for item in numbered.items)
    label = numbered.items[0].label_prov[0].bbox
    body = numbered.items[0].blocks[0].prov[0].bbox
    assert label.x0 > body.x1 - 1  # right of the item's text


def test_a_right_to_left_list_inside_an_item_is_nested(html_pdf: HtmlPdf) -> None:
    # Nested further left, not further right: measured from the right edge.
    path = html_pdf(
        "<ul><li>مورد اول<ul><li>زیر مورد یک</li><li>زیر مورد دو</li></ul></li>"
        "<li>مورد دوم</li></ul><p>این پاراگراف است</p>",
        css=RTL_CSS,
    )
    doc = read_layout(path, max_pages=5)
    (outer,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [i.text for i in outer.items] == ["مورد اول", "مورد دوم"]
    inner = [b for b in outer.items[0].blocks if isinstance(b, ListBlock)]
    assert [[i.text for i in b.items] for b in inner] == [["زیر مورد یک", "زیر مورد دو"]]
    assert paragraph_texts(doc) == ["این پاراگراف است"]


def _word_style_line(path: Path) -> Path:
    """One line drawn as Word draws a right-to-left heading "3- אבג דהָ": the section number
    first, left to right ("-" left of "3", as the line shows it), then the letters one at a
    time leftwards, the vowel sign before the letter it sits on."""
    placed = [(311, "-"), (314.7, "3"), (300, "a"), (293, "b"), (286, "c"), (272, "d"),
              (266.5, "k"), (265, "e")]
    ops = [f"BT /F1 11 Tf {x} 700 Td ({char}) Tj ET" for x, char in placed]
    ops += [f"BT /F1 11 Tf 72 {y} Td (Body text of the page under the heading.) Tj ET"
            for y in (660, 646)]
    return read_as_hebrew(helvetica_page(path, ops))


def test_a_line_drawn_as_word_draws_it_reads_from_the_right(tmp_path: Path) -> None:
    doc = read_layout(_word_style_line(tmp_path / "word.pdf"), max_pages=5)
    first = doc.blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text == "3- \u05d0\u05d1\u05d2 \u05d3\u05d4\u05b8"


def test_a_right_to_left_list_item_label_is_its_own(html_pdf: HtmlPdf) -> None:
    # (What the list reader made of the items, for the walk of the whole document.)
    path = html_pdf("<ol><li>מים</li><li>לחם</li><li>מלח</li></ol>", css=RTL_CSS)
    doc = read_layout(path, max_pages=5)
    items = [i for i in doc.walk() if isinstance(i, ListItem)]
    assert [(i.label, i.text) for i in items] == [("1.", "מים"), ("2.", "לחם"), ("3.", "מלח")]


def test_numbered_items_drawn_as_word_draws_them_are_a_list(tmp_path: Path) -> None:
    # Each item's number stands apart at the right, drawn ".1" left to right; the item's
    # words are drawn a letter at a time leftwards, a tab's width from it.
    ops = []
    for k, y in enumerate((700, 680, 660), start=1):
        ops.append(f"BT /F1 11 Tf 520 {y} Td (.{k}) Tj ET")
        x = 500.0
        for word in ("abc", "de"):
            for letter in word:
                x -= 6.5
                ops.append(f"BT /F1 11 Tf {x:.1f} {y} Td ({letter}) Tj ET")
            x -= 3.1
    path = read_as_hebrew(helvetica_page(tmp_path / "items.pdf", ops))
    doc = read_layout(path, max_pages=5)
    words = "\u05d0\u05d1\u05d2 \u05d3\u05d4"
    assert _lists(doc) == [(True, ["1.", "2.", "3."], [words] * 3)]


def _glyph(char: str, x0: float, x1: float, obj: int = 1) -> Glyph:
    return Glyph(char, x0, 584.0, x1, 590.0, 11.0, False, "Arial", obj, 0)


def test_a_vowel_sign_drawn_before_its_letter_is_read_after_it() -> None:
    # "أيضًا" as pdfium reads Word's drawing of it (the structure reader reads the tagged
    # glyphs in this order): the tanween drawn before the dad it sits on, a space generated
    # before it from the jump back. Read as drawn, the word broke in two ("أي ًضا").
    alef, ya = _glyph("أ", 221.1, 222.7), _glyph("ي", 217.3, 220.6)
    space = _glyph(" ", 210.1, 210.1, obj=-1)
    mark, dad = _glyph("ً", 208.5, 210.5), _glyph("ض", 207.1, 217.7)
    last = _glyph("\u0627", 204.9, 207.5)
    assert marks_on_their_letters([alef, ya, space, mark, dad, last]) == [
        alef, ya, dad, mark, last
    ]
    # A mark drawn after its letter, and a space between words, stay where they are.
    assert marks_on_their_letters([dad, mark, space, alef]) == [dad, mark, space, alef]
