"""Code listings (lines in a fixed-pitch face set apart from the running text) are read as
preformatted paragraphs (:mod:`workers.engine.layout.listings`): their lines kept, each
line's indent spelled in spaces. Inline code inside a paragraph, a typewritten page and
a justified paragraph in a typewriter face stay prose. Small PDFs drawn here: Helvetica
(``/F1``) for the prose, Courier (``/F2``) for the code."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pikepdf

from workers.engine.document import Document, Heading, ListBlock, ListItem, Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import pdf_string

_LISTING = [
    "def area(shape):",
    "    if shape.kind == 'circle':",
    "        return 3.14 * shape.r ** 2",
    "    return shape.w * shape.h",
]
_PROSE = [
    "The function below works out the area of a shape, whatever kind of shape",
    "it is given, and returns it to the caller as a number of square units.",
]
_AFTER = [
    "Each branch returns at once, so the last line is only reached for shapes",
    "that are not circles, as the reader can check by running the example.",
]


def _pdf(path: Path, operators: Sequence[bytes], *, body_font: str = "/Helvetica") -> Path:
    """A page drawing ``operators``: ``/F1`` is ``body_font``, ``/F2`` Courier."""
    return _pages_pdf(path, [operators], body_font=body_font)


def _pages_pdf(path: Path, pages: Sequence[Sequence[bytes]], *,
               body_font: str = "/Helvetica") -> Path:
    """A page for each list of operators, with ``/F1`` ``body_font`` and ``/F2`` Courier."""
    pdf = pikepdf.new()

    def font(base: str) -> pikepdf.Object:
        return pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(base),
            Encoding=pikepdf.Name.WinAnsiEncoding,
        ))

    fonts = pikepdf.Dictionary(F1=font(body_font), F2=font("/Courier"))
    for operators in pages:
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=fonts)
        page.obj.Contents = pdf.make_stream(b"\n".join(operators))
    pdf.save(path)
    return path


def _lines(font: bytes, lines: Sequence[str], top: float, *, pitch: float = 6.0,
           step: float = 12.0) -> list[bytes]:
    """Each line drawn by its own text object; a line's leading spaces become its start
    (``pitch`` points each), as a listing's generator sets them."""
    out = []
    for k, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        out.append(b"BT /%s 10 Tf %.2f %.2f Td (%s) Tj ET" % (
            font, 72 + indent * pitch, top - k * step, pdf_string(line.lstrip(" "))))
    return out


def _page(tmp_path: Path, listing: Sequence[str] = _LISTING) -> Document:
    ops = [
        *_lines(b"F1", _PROSE, 720),
        *_lines(b"F2", listing, 690),
        *_lines(b"F1", _AFTER, 690 - 12 * len(listing) - 18),
    ]
    return read_layout(_pdf(tmp_path / "code.pdf", ops), max_pages=1)


def _preformatted(doc: Document) -> list[Paragraph]:
    return [b for b in doc.blocks if isinstance(b, Paragraph) and b.preformatted]


def test_courier_block_between_paragraphs_is_preformatted(tmp_path: Path) -> None:
    doc = _page(tmp_path)
    (code,) = _preformatted(doc)
    assert code.text == "\n".join(_LISTING)
    # The prose around it stays prose, whole.
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph) and not b.preformatted]
    assert texts == [" ".join(_PROSE), " ".join(_AFTER)]


def test_blank_line_inside_a_listing_is_kept(tmp_path: Path) -> None:
    listing = [*_LISTING[:2], "", *_LISTING[2:]]
    (code,) = _preformatted(_page(tmp_path, listing))
    assert code.text == "\n".join(listing).replace("\n\n", "\n\n")
    assert code.text.split("\n")[2] == ""


def test_listing_lines_read_in_any_order_are_put_top_down(tmp_path: Path) -> None:
    # The closing line drawn right after the opening one, before the lines between.
    ops = [
        *_lines(b"F1", _PROSE, 720),
        *_lines(b"F2", _LISTING[:1], 690),
        *_lines(b"F2", ["}"], 690 - 12 * len(_LISTING)),
        *_lines(b"F2", _LISTING[1:], 678),
        *_lines(b"F1", _AFTER, 690 - 12 * len(_LISTING) - 30),
    ]
    doc = read_layout(_pdf(tmp_path / "order.pdf", ops), max_pages=1)
    (code,) = _preformatted(doc)
    assert code.text == "\n".join([*_LISTING, "}"])


def test_inline_code_in_a_paragraph_stays_prose(tmp_path: Path) -> None:
    # A word in Courier inside each line of a paragraph.
    ops = []
    for k, (before, code, after) in enumerate([
        ("Call the function ", "area(shape)", " to work out the area of any shape that"),
        ("the caller gives it; the ", "kind", " field of the shape tells which of the"),
        ("branches is taken, and ", "None", " is never returned, whatever the shape."),
    ]):
        ops.append(b"BT /F1 10 Tf 72 %d Td (%s) Tj /F2 10 Tf (%s) Tj /F1 10 Tf (%s) Tj ET" % (
            700 - 12 * k, pdf_string(before), pdf_string(code), pdf_string(after)))
    doc = read_layout(_pdf(tmp_path / "inline.pdf", ops), max_pages=1)
    assert not _preformatted(doc)


def test_typewritten_page_is_no_listing(tmp_path: Path) -> None:
    # Every line in Courier: the running text itself is set in the fixed-pitch face.
    lines = [
        "The witness was asked where she had been on the night",
        "of the fourth, and she said that she had stayed at home",
        "with her sister, who had been ill for some days.",
        "    Q.  Did anyone else see you there that night?",
        "    A.  The neighbour came by at about nine o'clock.",
    ]
    ops = _lines(b"F2", lines, 700)
    doc = read_layout(_pdf(tmp_path / "typed.pdf", ops, body_font="/Courier"), max_pages=1)
    assert not _preformatted(doc)


def test_justified_typewriter_paragraph_is_no_listing(tmp_path: Path) -> None:
    # Words in Courier spread by stretched word spaces (Tw) to a justified edge.
    words = [
        "alpha-one, beta-two, gamma-three, delta-four,",
        "epsilon-five, zeta-six, eta-seven, theta-eight,",
        "iota-nine, kappa-ten, lambda-eleven, mu-twelve.",
    ]
    ops = [*_lines(b"F1", _PROSE, 720)]
    for k, line in enumerate(words):
        stretch = (300 - 6 * len(line)) / max(line.count(" "), 1)
        ops.append(b"BT /F2 10 Tf %.2f Tw 72 %d Td (%s) Tj ET" % (
            stretch, 690 - 12 * k, pdf_string(line)))
    ops += _lines(b"F1", _AFTER, 640)
    doc = read_layout(_pdf(tmp_path / "justified.pdf", ops), max_pages=1)
    assert not _preformatted(doc)


def test_preformatted_paragraph_round_trips_through_json(tmp_path: Path) -> None:
    doc = _page(tmp_path)
    again = Document.from_json(doc.to_json())
    assert again == doc
    assert _preformatted(again)[0].text == "\n".join(_LISTING)


def test_centred_typewriter_lines_are_no_listing(tmp_path: Path) -> None:
    # A title page's addresses in Courier, centred under the authors' names.
    lines = ["{ada, alan, grace}@example.org", "kurt@math.example.edu", "emmy@example.de"]
    ops = [*_lines(b"F1", _PROSE, 720)]
    for k, line in enumerate(lines):
        ops.append(b"BT /F2 10 Tf %.2f %d Td (%s) Tj ET" % (
            297.5 - 3 * len(line), 690 - 12 * k, pdf_string(line)))
    ops += _lines(b"F1", _AFTER, 640)
    doc = read_layout(_pdf(tmp_path / "centred.pdf", ops), max_pages=1)
    assert not _preformatted(doc)


def test_listing_broken_by_a_page_break_is_one_listing(tmp_path: Path) -> None:
    listing = [*_LISTING, "", "def perimeter(shape):", "    return 2 * (shape.w + shape.h)",
               "    # (circles are left out)"]
    first = [*_lines(b"F1", _PROSE * 12, 780), *_lines(b"F2", listing[:4], 780 - 12 * 24 - 18)]
    second = [*_lines(b"F2", listing[5:], 780), *_lines(b"F1", _AFTER, 780 - 12 * 3 - 18)]
    doc = read_layout(_pages_pdf(tmp_path / "two.pdf", [first, second]), max_pages=2)
    (code,) = _preformatted(doc)
    assert code.text == "\n".join(listing[:4] + listing[5:])
    assert [p.page for p in code.prov] == [0, 1]


def test_numbered_listing_lines_title_no_section(tmp_path: Path) -> None:
    # Under the numbered heading "2 Results", a listing whose lines are numbered 2.1, 2.2 …
    # stays a listing: it is no subsection's title.
    listing = ["2.1 load r1, [sp]", "2.2 add r1, r2", "2.3 store r1, [sp]"]
    ops = [
        b"BT /F1 16 Tf 72 760 Td (1 Setup) Tj ET",
        *_lines(b"F1", _PROSE, 736),
        b"BT /F1 16 Tf 72 700 Td (2 Results) Tj ET",
        *_lines(b"F1", _PROSE, 676),
        *_lines(b"F2", listing, 646),
        *_lines(b"F1", _AFTER, 646 - 12 * len(listing) - 18),
    ]
    doc = read_layout(_pdf(tmp_path / "numbered.pdf", ops), max_pages=1)
    (code,) = _preformatted(doc)
    assert code.text == "\n".join(listing)


def test_prose_lines_of_a_page_set_in_a_typewriter_face_are_no_code(tmp_path: Path) -> None:
    # A slide set in Courier throughout: the lines leading into the code and the sentence
    # after it are prose; the statements between them are the listing.
    lines = ["Equivalent declarations:", 'var s string = "Hello";', 'var s = "Hello";',
             's := "Hello"; // the short form', "Declares s to be a new variable of type string"]
    ops = [*_lines(b"F1", _PROSE, 720), *_lines(b"F2", lines, 690),
           *_lines(b"F1", _AFTER, 690 - 12 * len(lines) - 18)]
    doc = read_layout(_pdf(tmp_path / "slide.pdf", ops), max_pages=1)
    (code,) = _preformatted(doc)
    assert code.text == "\n".join(lines[1:4])
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph) and not b.preformatted]
    assert texts == [" ".join(_PROSE), lines[0], lines[4], " ".join(_AFTER)]


def test_a_listing_s_first_line_left_at_the_foot_of_a_page_is_the_listing_s(
    tmp_path: Path,
) -> None:
    # "/*" alone at the foot of the page, the comment it opens and the code at the head
    # of the next: one listing.
    listing = ["/*", " * Works out the area.", " */", "int area(int w, int h) {",
               "    return w * h;", "}"]
    first = [*_lines(b"F1", _PROSE * 12, 780), *_lines(b"F2", listing[:1], 780 - 12 * 24 - 18)]
    second = [*_lines(b"F2", listing[1:], 780), *_lines(b"F1", _AFTER, 780 - 12 * 5 - 18)]
    doc = read_layout(_pages_pdf(tmp_path / "foot.pdf", [first, second]), max_pages=2)
    (code,) = _preformatted(doc)
    assert code.text == "\n".join(listing)
    assert [p.page for p in code.prov] == [0, 1]


def test_a_lone_line_s_value_set_far_out_stays_in_the_listing_s_line(tmp_path: Path) -> None:
    # A summary's last lines at the head of the next page, fewer than a listing's: each
    # value set out past its name by a run of spaces in the one text object, wider than two
    # line heights, is read as a piece of its own. It is still the line's, in the listing.
    listing = ["==1== Total:     823,849 bytes", "==1== At t-gmax: 133,485 bytes",
               "==1== At t-end:  258,002 bytes", "==1== Reads:         2,807,182 bytes",
               "==1== Writes:    1,149,617 bytes"]
    # (One paragraph of 24 lines: its sentences run on over the line ends, as a paragraph's
    # do, but for its last. A line ending a sentence with room for the next line's first
    # word is a paragraph's end.)
    prose = [line.replace("units.", "units, and") for line in _PROSE * 11] + _PROSE
    first = [*_lines(b"F1", prose, 780), *_lines(b"F2", listing[:3], 780 - 12 * 24 - 18)]
    second = [*_lines(b"F2", listing[3:], 780), *_lines(b"F1", _AFTER, 780 - 12 * 2 - 18)]
    doc = read_layout(_pages_pdf(tmp_path / "values.pdf", [first, second]), max_pages=2)
    (code,) = _preformatted(doc)
    assert code.text == "\n".join(listing)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph) and not b.preformatted]
    assert texts == [" ".join(prose), " ".join(_AFTER)]


_BRACED = ["func main() {", "    for i := 0; i < 3; i++ {", "        total += i", "    }",
           '    fmt.Println("total", total)', "}"]


def test_code_structured_by_braces_in_a_proportional_face_is_a_listing(tmp_path: Path) -> None:
    # A slide's code set in Helvetica: no fixed pitch, but a block its braces open and
    # close, the lines inside it set further in. The title over it is prose.
    ops = [b"BT /F1 14 Tf 72 740 Td (Loops in Go) Tj ET",
           *_lines(b"F1", _BRACED, 710, pitch=5.0), *_lines(b"F1", _AFTER, 620)]
    doc = read_layout(_pdf(tmp_path / "braced.pdf", ops), max_pages=1)
    (code,) = _preformatted(doc)
    # (Its indents are counted in the face's usual step between two letters, which is no
    # space's width: deeper lines are further in, by as many spaces as that step gives.)
    read = code.text.split("\n")
    assert [line.strip() for line in read] == [line.strip() for line in _BRACED]
    assert _ranks([_indent(line) for line in read]) == _ranks([_indent(x) for x in _BRACED])
    texts = [b.text for b in doc.blocks if not (isinstance(b, Paragraph) and b.preformatted)]
    assert texts == ["Loops in Go", " ".join(_AFTER)]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _ranks(indents: list[int]) -> list[int]:
    """Each indent's place among the distinct indents (0 for the least)."""
    return [sorted(set(indents)).index(x) for x in indents]


def test_code_set_in_cells_is_spelled_from_its_glyphs(tmp_path: Path) -> None:
    # Each character drawn on its own in the middle of a cell 6 points wide, in Helvetica
    # (a narrow "i" in a wide cell leaves gaps as wide as a word space): its text is read
    # from the cells.
    doc = read_layout(code_in_cells_pdf(tmp_path / "cells.pdf"), max_pages=1)
    (code,) = _preformatted(doc)
    assert code.text == "\n".join(_BRACED)


def code_in_cells_pdf(path: Path) -> Path:
    """A title, the braced code with each character drawn on its own in the middle of a cell
    6 points wide, in Helvetica, and a paragraph under it."""
    ops = [b"BT /F1 14 Tf 72 740 Td (Loops in Go) Tj ET"]
    for k, line in enumerate(_BRACED):
        for column, char in enumerate(line):
            if char != " ":
                ops.append(b"BT /F1 10 Tf %.2f %d Td (%s) Tj ET" % (
                    72 + 6 * column + (6 - _HELVETICA_WIDTHS.get(char, 5.56)) / 2,
                    710 - 12 * k, pdf_string(char)))
    return _pdf(path, [*ops, *_lines(b"F1", _AFTER, 620)])


#: Helvetica's widths at 10 points of the narrow and wide characters of the code above.
_HELVETICA_WIDTHS = {"i": 2.22, "l": 2.22, "f": 2.78, "t": 2.78, "(": 3.33, ")": 3.33,
                     "{": 3.34, "}": 3.34, ";": 2.78, ":": 2.78, ",": 2.78, ".": 2.78,
                     '"': 3.55, "m": 8.33, "=": 5.84, "+": 5.84, "<": 5.84, "P": 6.67,
                     "r": 3.33, "F": 6.11}


def test_prose_with_braces_is_no_listing(tmp_path: Path) -> None:
    # A paragraph whose lines hold braces but open no block of lines under them.
    lines = ["The set {a, b} holds two letters, and the set {c} holds one; their",
             "union {a, b, c} holds three. A set written as {} holds nothing at all,",
             "and {x | x > 0} holds every number greater than nought."]
    ops = [*_lines(b"F1", _PROSE, 720), *_lines(b"F1", lines, 690)]
    doc = read_layout(_pdf(tmp_path / "sets.pdf", ops), max_pages=1)
    assert not _preformatted(doc)


def test_a_usage_message_under_a_heading_and_a_paragraph_is_a_listing(tmp_path: Path) -> None:
    # The section's number ("3.1": figures of one width and a point) and the paragraph
    # opening with the program's name in Courier look, at first, like the listing's lines;
    # the run reaching over them holds glyphs of many widths, the message under them not.
    usage = ["Usage: wordcount [OPTION] FILE", "Read FILE and write a table of its words.",
             "", "  -c, --check     checks the syntax only", "  -h, --help      display help"]
    ops = [b"BT /F1 14 Tf 72 760 Td (3.1) Tj ET",
           b"BT /F1 14 Tf 100 760 Td (Invoking the tool) Tj ET",
           b"BT /F2 10 Tf 72 736 Td (wordcount) Tj /F1 10 Tf ( reads a file of words and writes a"
           b" table of them.) Tj ET",
           *_lines(b"F2", usage, 716),
           *_lines(b"F1", _AFTER, 716 - 12 * len(usage) - 18)]
    doc = read_layout(_pdf(tmp_path / "usage.pdf", ops), max_pages=1)
    (code,) = _preformatted(doc)
    assert code.text == "\n".join(usage)


def _display_page(tmp_path: Path, display: Sequence[str], name: str = "display") -> Document:
    """A paragraph, ``display``'s lines in Courier, a paragraph."""
    ops = [*_lines(b"F1", _PROSE, 720), *_lines(b"F2", display, 690),
           *_lines(b"F1", _AFTER, 690 - 12 * len(display) - 18)]
    return read_layout(_pdf(tmp_path / f"{name}.pdf", ops), max_pages=1)


def test_a_one_line_command_between_paragraphs_is_code(tmp_path: Path) -> None:
    (code,) = _preformatted(_display_page(tmp_path, ["$ tool words.txt table.out"]))
    assert code.text == "$ tool words.txt table.out"


def test_a_two_line_declaration_between_paragraphs_is_code(tmp_path: Path) -> None:
    lines = ["-- INCORRECT", "Version ::=INTEGER"]
    (code,) = _preformatted(_display_page(tmp_path, lines))
    assert code.text == "\n".join(lines)


def test_addresses_and_names_in_a_typewriter_face_are_no_code(tmp_path: Path) -> None:
    # An author block's e-mail addresses (braces and all), a licence's web address, names.
    for k, lines in enumerate([["{gal,brendan}@mozilla.com"], ["http://fsf.org/"],
                               ["Ada Lovelace", "Charles Babbage"]]):
        assert not _preformatted(_display_page(tmp_path, lines, f"lines{k}")), lines


def test_a_heading_in_a_typewriter_face_is_no_code(tmp_path: Path) -> None:
    # A manual's section named after the element it describes, larger than the text.
    ops = [*_lines(b"F1", _PROSE, 720),
           b'BT /F2 14 Tf 72 690 Td (<dir prefix="default">) Tj ET',
           *_lines(b"F1", _AFTER, 666)]
    doc = read_layout(_pdf(tmp_path / "heading.pdf", ops), max_pages=1)
    assert not _preformatted(doc)


def test_a_short_display_inside_a_list_item_stays_in_the_item(tmp_path: Path) -> None:
    # A release's notes: a point, an example set in under its text, the next point.
    ops = [*_lines(b"F1", _PROSE, 760),
           b"BT /F1 10 Tf 72 720 Td (\x95) Tj ET",
           b"BT /F1 10 Tf 90 720 Td (Pattern matching now covers records and arrays, as in:) Tj ET",
           b"BT /F2 10 Tf 90 700 Td (Sign := Multiply\\(S1, S2\\);) Tj ET",
           b"BT /F1 10 Tf 72 680 Td (\x95) Tj ET",
           b"BT /F1 10 Tf 90 680 Td (Loops may name the values they run over directly.) Tj ET"]
    doc = read_layout(_pdf(tmp_path / "items.pdf", ops), max_pages=1)
    (listed,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(listed.items) == 2
    assert [p.text for p in listed.items[0].blocks
            if isinstance(p, Paragraph) and p.preformatted] == ["Sign := Multiply(S1, S2);"]


_SIGNATURES = [
    "xmlChar * xsltEvalTemplateString(ctxt,",
    "                 xmlNodePtr contextNode,",
    "                 xmlNodePtr inst);",
    "xmlAttrPtr xsltAttrListTemplateProcess(",
    "                 xmlNodePtr target,",
    "                 xmlAttrPtr attrs);",
]


def test_numbered_headings_stand_out_from_the_prose_not_from_the_code(tmp_path: Path) -> None:
    """A reference manual holds more code than prose (function signatures): the body size is
    the prose's, not the listings' (set in another face and size), so "2. Synopsis" set
    larger than the prose, over a listing, is a numbered heading, not a numbered list's
    point."""
    ops: list[bytes] = []
    top = 780.0
    for number, title in ((1, "Templates"), (2, "Synopsis"), (3, "Details")):
        ops.append(b"BT /F1 12 Tf 72 %.2f Td (%d. %s) Tj ET" % (top, number, title.encode()))
        top -= 22
        if number == 1:
            ops += _lines(b"F1", [*_PROSE, *_AFTER], top)
            top -= 12 * 4 + 12
        code = _lines(b"F2", _SIGNATURES, top, pitch=7.2, step=14)
        ops += [op.replace(b"/F2 10 Tf", b"/F2 12 Tf") for op in code]
        top -= 14 * len(code) + 20
    doc = read_layout(_pdf(tmp_path / "manual.pdf", ops), max_pages=1)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    assert [b.text for b in doc.blocks if isinstance(b, Heading)] == [
        "1. Templates", "2. Synopsis", "3. Details"]


def test_bulleted_names_in_a_typewriter_face_are_a_list(tmp_path: Path) -> None:
    # Each line a point: a bullet in the text's face, a name in Courier after it at a tab
    # stop. The names are of one width, but the bullets make them a list, not a listing.
    names = ["std::basic_string::resize_and_overwrite", "std::move_only_function",
             "std::invoke_r", "std::type_info::operator=="]
    ops = [*_lines(b"F1", ["The library gained experimental support, including:"], 720)]
    for k, name in enumerate(names):
        y = 704 - 12 * k
        ops += [b"BT /F1 10 Tf 80 %d Td (\x95) Tj ET" % y,
                b"BT /F2 10 Tf 92 %d Td (%s) Tj ET" % (y, pdf_string(name))]
    ops += _lines(b"F1", _AFTER, 640)
    doc = read_layout(_pdf(tmp_path / "points.pdf", ops), max_pages=1)
    assert not _preformatted(doc)
    items = [b.text for b in doc.walk() if isinstance(b, ListItem)]
    assert [i.split()[-1] for i in items] == names, items


def test_a_line_in_the_codes_face_under_the_box_round_a_listing_is_not_its_line(
    tmp_path: Path,
) -> None:
    # (A manual's element heading, "<fontconfig>", set in the code's face two lines under
    # the box drawn round the listing above it: the box holds the listing.)
    ops = [
        *_lines(b"F1", _PROSE, 740),
        # (Its border drawn as a browser draws one: four thin filled bars.)
        b"66 640 420 0.8 re f 66 705.2 420 0.8 re f 66 640 0.8 66 re f 485.2 640 0.8 66 re f",
        *_lines(b"F2", _LISTING, 690),
        *_lines(b"F2", ["<fontconfig>"], 620),
        *_lines(b"F1", _AFTER, 596),
    ]
    doc = read_layout(_pdf(tmp_path / "boxed.pdf", ops), max_pages=1)
    (code,) = _preformatted(doc)
    assert code.text == "\n".join(_LISTING)
