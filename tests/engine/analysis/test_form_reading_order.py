"""Reading order on forms: boxes of fields and numbers at the ends of rows keep their rows."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf
from .test_layout_tables import _with_fields


def show(x: float, y: float, text: str, size: int = 9) -> bytes:
    return b"BT /F1 %d Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (size, x, y, text.encode())


def read_words(path: Path) -> list[str]:
    return " ".join(block_text(b) for b in read_layout(path, max_pages=5).blocks).split()


LINE = "Add the amounts on the lines above and enter the total here"


def test_a_box_holding_form_fields_is_read_in_place_not_after_the_page(tmp_path: Path) -> None:
    # A tax form's signature area: a shaded box holding a declaration and rows of field
    # labels over the fields to fill in, beside the section's heading, above the page's
    # footer. The form's lines outside the box carry more words than it does, but the box is
    # no tip to read after the page: it is the form's content, in its place.
    ops = [show(57, 780, "Annual return", 20)]
    ops += [show(100, 740 - 14 * k, f"line{k} {LINE}") for k in range(14)]
    ops.append(b"0.9 0.95 1 rg 130 450 440 100 re f 0 g")
    ops.append(show(40, 530, "Sign", 14))
    ops += [
        show(135, 535, "Under penalties of perjury I declare that I have examined this"),
        show(135, 521, "return and to the best of my knowledge it is true and complete"),
    ]
    ops += [show(135, 500, "Your signature"), show(300, 500, "Date"),
            show(380, 500, "Your occupation"), show(135, 470, "Phone no."),
            show(260, 470, "Email address")]
    ops.append(show(40, 410, "Go to the website for instructions and the latest information"))
    fields = [(135.0, 488.0, 270.0, 498.0), (300.0, 488.0, 370.0, 498.0),
              (380.0, 488.0, 560.0, 498.0), (135.0, 458.0, 250.0, 468.0),
              (260.0, 458.0, 560.0, 468.0)]
    path = _with_fields(text_page_pdf(tmp_path / "form.pdf", ops), fields)
    words = read_words(path)
    assert words.index("penalties") < words.index("occupation") < words.index("website")
    assert words[-1] == "information"


def test_numbers_at_the_ends_of_rows_are_read_with_their_rows(tmp_path: Path) -> None:
    # Every line of the form ends in its number, set apart in a column of its own at the
    # right, by the box where the amount is entered; the sub-lines "a" "b" have theirs in the
    # middle. The gap before the column is no gutter: each number ends its row.
    ops = [show(57, 780, "Payments", 20)]
    rows = [("15", "Other taxes, including self-employment tax"),
            ("16", "Add lines fourteen and fifteen. Your total tax"),
            ("17", "Federal income tax withheld from your forms")]
    fields = []
    for k, (number, text) in enumerate(rows):
        y = 740 - 14 * k
        ops += [show(100, y, f"{number} {text}"), show(470, y, number)]
        ops += [show(x, y, ".") for x in range(400, 460, 8)]  # leader dots to the number
        ops.append(b"95 %d 470 0.5 re f" % (y - 3))  # the rule under the row
        fields.append((490.0, y - 2.0, 560.0, y + 9.0))
    for k, letter in enumerate("abcd"):
        y = 698 - 14 * k
        ops += [show(108, y, f"{letter} Credit for line part {letter}"),
                show(300, y, f"18{letter}"), b"95 %d 470 0.5 re f" % (y - 3)]
        fields.append((320.0, y - 2.0, 400.0, y + 9.0))
    path = _with_fields(text_page_pdf(tmp_path / "form.pdf", ops), fields)
    words = [w for w in read_words(path) if w != "."]
    expected = ["Payments"] + [
        w for number, text in rows for w in (f"{number} {text} {number}").split()
    ]
    assert words[:len(expected)] == expected


def _cell(x0: float, y0: float, x1: float, y1: float) -> bytes:
    """A form's box, stroked: cells side by side share their walls, bands their edges."""
    return b"0.5 w %.1f %.1f %.1f %.1f re S" % (x0, y0, x1 - x0, y1 - y0)


def test_bands_of_ruled_cells_are_read_band_by_band_and_cell_by_cell(tmp_path: Path) -> None:
    # Two bands of labelled boxes, two boxes each: a label at the top of each box, and a
    # note in it set low in one box and high in the other. The widest white runs across the
    # first band between its labels and the low note, and the first box's label stands level
    # with the second's: cut there, the page would read the labels of a band apart from
    # their notes. A sighted reader reads each box whole, left to right, band after band.
    ops = [show(40, 760, "Application for benefits", 16)]
    ops += [_cell(30, 640, 300, 700), _cell(300, 640, 580, 700)]
    ops += [_cell(30, 580, 300, 640), _cell(300, 580, 580, 640)]
    ops += [show(36, 690, "1. TELEPHONE NUMBER"), show(36, 648, "Enter foreign number"),
            show(306, 690, "2. MAIL ADDRESS"), show(306, 679, "Agree to mail")]
    ops += [show(36, 630, "3. HOME ADDRESS"), show(36, 588, "Apartment number"),
            show(306, 630, "4. COUNTRY"), show(306, 619, "Province or state")]
    path = text_page_pdf(tmp_path / "form.pdf", ops)
    assert " ".join(read_words(path)) == (
        "Application for benefits 1. TELEPHONE NUMBER Enter foreign number 2. MAIL ADDRESS "
        "Agree to mail 3. HOME ADDRESS Apartment number 4. COUNTRY Province or state"
    )


def test_a_rule_between_columns_whose_rows_line_up_is_read_across(tmp_path: Path) -> None:
    # A box parted by a rule down its middle, the two sides' lines level with each other:
    # a table's column rule, not two cells, so it is read row by row, as before.
    ops = [show(40, 760, "Schedule of payments", 16), _cell(30, 560, 580, 700),
           b"0.5 w 300 560 m 300 700 l S"]
    rows = [("Rent for the flat", "Paid in January"), ("Heating and water", "Paid in March"),
            ("Insurance premium", "Paid in June")]
    for k, (left, right) in enumerate(rows):
        ops += [show(36, 680 - 40 * k, left), show(306, 680 - 40 * k, right)]
    path = text_page_pdf(tmp_path / "table.pdf", ops)
    expected = ["Schedule", "of", "payments"] + [
        w for left, right in rows for w in f"{left} {right}".split()
    ]
    assert read_words(path) == expected



def test_a_rule_drawn_in_pieces_between_two_rows_parts_their_text(tmp_path: Path) -> None:
    # Two rows of a form's choices, one under the other at the text's own leading, parted by
    # a rule that each of the form's boxes draws its own stretch of, the pieces meeting under
    # the choices: one rule between the rows, so the choices of the two rows are no lines of
    # one paragraph.
    ops = [show(40, 760, "Service record", 16)]
    ops += [b"30 687 220 0.6 re f", b"250 687 330 0.6 re f", b"220 687 30 0.6 re f"]
    ops += [show(40, 690, "Branch of service"), show(240, 690, "ARMY NAVY"),
            show(40, 678, "Component"), show(225, 678, "RESERVE GUARD")]
    path = text_page_pdf(tmp_path / "form.pdf", ops)
    texts = [block_text(b) for b in read_layout(path, max_pages=1).blocks]
    assert not any("NAVY" in t and "RESERVE" in t for t in texts)


def test_a_label_the_height_of_its_band_is_read_before_the_choices_beside_it(
    tmp_path: Path,
) -> None:
    # A band of two boxes: a label of three lines in the first, level with the top of a
    # grid of choices, three over two, in the second. The widest white down the band runs
    # between the choices' columns: cut there, the first column of choices would be read
    # with the label before the second. The box's wall parts the label from the choices,
    # which are read row by row.
    ops = [show(40, 760, "Review of discharge", 16)]
    ops += [_cell(30, 600, 170, 680), _cell(170, 600, 580, 680)]
    ops += [show(36, 668, "DISCHARGE TYPE"), show(36, 657, "RECEIVED, FOR THE"),
            show(36, 646, "BOARD TO REVIEW")]
    ops += [show(184, 668, "UNCHARACTERIZED"), show(330, 668, "HONORABLE"),
            show(460, 668, "BAD CONDUCT"), show(184, 646, "GENERAL CONDITIONS"),
            show(330, 646, "OTHER TERMS")]
    path = text_page_pdf(tmp_path / "form.pdf", ops)
    words = read_words(path)
    assert words.index("REVIEW") < words.index("UNCHARACTERIZED") < words.index("HONORABLE")
    assert words.index("CONDUCT") < words.index("GENERAL") < words.index("OTHER")


def test_a_rule_over_the_capitals_of_tightly_set_lines_parts_two_entries(
    tmp_path: Path,
) -> None:
    # A form's choices one under another, each wrapped over two lines set tight (line boxes
    # overlapping) and ruled off from the next: the rule stands in the top of the lower
    # line's box, over its capitals. It parts the choice above it from the one under it,
    # which are not run on as one paragraph.
    entries = [("Operation North, 03/19/2003 -", "08/31/2010"),
               ("Operation South, 08/08/2014 -", "Present"),
               ("Operation New Dawn, 09/01/2010 -", "12/15/2011")]
    ops = [show(57, 780, "Contingency operations", 16)]
    for k, (first, second) in enumerate(entries):
        top = 700 - 19.3 * k
        ops += [show(176, top, first, 11), show(176, top - 8, second, 11)]
        # (The rule under it: under the box of its last line, over the next one's capitals.)
        ops.append(b"161 %.1f 240 1 re f" % (top - 11.5))
    path = text_page_pdf(tmp_path / "form.pdf", ops)
    paragraphs = [block_text(b) for b in read_layout(path, max_pages=5).blocks][1:]
    assert paragraphs == [f"{first} {second}" for first, second in entries]


def _question_and_options(path: Path, boxes: bool) -> list[str]:
    """A question, and under it a row of options, each by its box to tick (with ``boxes``),
    the last wrapped over two lines."""
    ops = [show(57, 780, "Section three: request", 16),
           show(72, 700, "Are any of the following conditions related to your request?"),
           show(72, 689, "Select all that apply; if checked, no special consideration applies.")]
    options = [(72, "PTSD"), (140, "TBI"), (200, "Other mental")]
    for x, text in options:
        ops.append(show(x + 12, 676, text))
        if boxes:
            ops.append(b"%d 675 8 8 re S" % x)
    ops.append(show(212, 666, "health"))
    return [block_text(b) for b in read_layout(text_page_pdf(path, ops), max_pages=5).blocks]


def test_an_option_by_its_box_under_a_question_is_no_line_of_the_question(
    tmp_path: Path,
) -> None:
    # The options' line is set as close under the question as its lines are to each other,
    # and starts under it: but a box to tick opens it, an answer to choose, not the
    # question's sentence going on. An option wrapped over two lines is still one.
    texts = _question_and_options(tmp_path / "form.pdf", boxes=True)
    question = next(t for t in texts if t.startswith("Are any"))
    assert question.endswith("no special consideration applies.")
    assert any(t.startswith("PTSD") for t in texts)
    assert any(t.endswith("Other mental health") for t in texts)


def test_without_boxes_the_line_under_the_question_goes_on_with_it(tmp_path: Path) -> None:
    texts = _question_and_options(tmp_path / "form.pdf", boxes=False)
    assert any(t.startswith("Are any") and "PTSD" in t for t in texts)


def test_a_box_set_between_an_options_two_lines_leads_neither(tmp_path: Path) -> None:
    # An option wrapped over two lines, its box set by the middle of the two: the box is
    # level with neither line, and the option's second line goes on with its first.
    ops = [show(57, 780, "Section three: request", 16),
           show(84, 700, "Operation Inherent Resolve, from August 2014 -"),
           show(84, 690, "to the present day"),
           b"72 692 8 8 re S"]
    texts = [block_text(b) for b in read_layout(text_page_pdf(tmp_path / "form.pdf", ops),
                                                  max_pages=5).blocks]
    assert any(t.endswith("August 2014 - to the present day") for t in texts)


def test_a_rule_through_the_top_of_a_line_set_apart_from_the_one_above_parts_nothing(
    tmp_path: Path,
) -> None:
    # Lines with room between their boxes: a rule between them is drawn in that room, and
    # one through the top of the lower line's box (a chart's grid line behind a label) is
    # not drawn between them.
    ops = [show(57, 780, "Section three: request", 16),
           show(176, 700, "Operation North, 03/19/2003 -", 11),
           show(176, 686, "08/31/2010 and after", 11),
           b"161 694.5 240 1 re f"]
    texts = [block_text(b) for b in read_layout(text_page_pdf(tmp_path / "form.pdf", ops),
                                                  max_pages=5).blocks]
    assert "Operation North, 03/19/2003 - 08/31/2010 and after" in texts


def test_a_dot_out_in_the_margin_beside_a_line_leads_no_option(tmp_path: Path) -> None:
    # A drawing's dot in the margin, level with a paragraph's second line: it stands out of
    # the lines above, no box to tick before that line, which goes on with the paragraph.
    ops = [show(57, 780, "Section three: request", 16),
           show(72, 700, "Federal agencies and the critical infrastructure -"),
           show(72, 689, "such as energy and communications - depend on systems."),
           b"58 688 8 8 re f"]
    texts = [block_text(b) for b in read_layout(text_page_pdf(tmp_path / "form.pdf", ops),
                                                  max_pages=5).blocks]
    assert any(t.endswith("infrastructure - such as energy and communications - depend on "
                          "systems.") for t in texts)


def test_options_one_under_another_each_by_its_box_are_entries_of_their_own(
    tmp_path: Path,
) -> None:
    # Each option's box stands left of the text of the option above (by that one's box):
    # each is an entry, not a line of the option above.
    ops = [show(57, 780, "Section three: request", 16),
           show(72, 700, "Education, the highest level and year:")]
    options = ["High school diploma", "Trade certificate", "College, no degree"]
    for k, text in enumerate(options):
        ops += [show(84, 688 - 11 * k, text), b"72 %d 8 8 re S" % (687 - 11 * k)]
    texts = [block_text(b) for b in read_layout(text_page_pdf(tmp_path / "form.pdf", ops),
                                                  max_pages=5).blocks]
    assert texts[1:] == ["Education, the highest level and year:", *options]
