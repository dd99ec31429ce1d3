"""Reading order: a line drawn across the page where a column ends divides the page into
sections read one after the other; a rule inside one column cuts nothing."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

LEFT = [
    "Enter your first name and the initial of your middle name",
    "and your last name as they are shown on your card",
    "Enter the home address where you live at the moment",
    "with the number and street and the apartment number",
    "Enter the city or town and the state with the postal code",
    "and if you live abroad also the country and province",
]
RIGHT = [
    "Election fund",
    "Check here if you want three dollars",
    "to go to this fund for the election",
    "which will not change your tax at all",
]


def show(x: float, y: float, text: str, size: int = 9) -> bytes:
    return b"BT /F1 %d Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (size, x, y, text.encode())


def read_words(path: Path) -> list[str]:
    return " ".join(block_text(b) for b in read_layout(path, max_pages=1).blocks).split()


def _two_columns(rule: list[bytes]) -> list[bytes]:
    """A form's first section: fields' labels on the left, a box of text on the right; then
    ``rule``; then a row on the left alone ("Someone can claim ...")."""
    ops = [show(40, 780, "Individual return", 20)]
    ops += [show(40, 740 - 14 * k, line) for k, line in enumerate(LEFT)]
    ops += [show(340, 740 - 14 * k, line) for k, line in enumerate(RIGHT)]
    ops += rule
    ops.append(show(40, 640, "Someone can claim you as a dependent"))
    ops.append(show(40, 626, "Spouse itemizes on a separate return"))
    return ops


def test_a_column_ending_at_a_rule_across_the_page_is_read_before_the_section_below(
    tmp_path: Path,
) -> None:
    # The rule across the page under the first section is drawn in pieces (each box of the
    # form draws its own stretch): one line all the same. The right column ends at it, and
    # the rows below it are the next section, read after the whole of the first.
    rule = [b"38 660 262 0.8 re f", b"300 660 262 0.8 re f"]
    words = read_words(text_page_pdf(tmp_path / "form.pdf", _two_columns(rule)))
    assert words.index("province") < words.index("Election") < words.index("Someone")
    assert words.index("all") < words.index("Someone") < words.index("itemizes")


def test_a_rule_inside_one_column_cuts_nothing(tmp_path: Path) -> None:
    # The same page with the rule under the left column only (an underline, a rule between
    # its fields): no section break; the left column reads on to its last row, then the
    # box on the right.
    rule = [b"38 660 262 0.8 re f"]
    words = read_words(text_page_pdf(tmp_path / "form.pdf", _two_columns(rule)))
    assert words.index("province") < words.index("Someone") < words.index("Election")


def test_a_rule_that_stops_short_of_the_right_column_cuts_nothing(tmp_path: Path) -> None:
    # Pieces of a rule with a gap wider than a joint between them (two columns' own rules,
    # apart at the gutter) are no line across the page.
    rule = [b"38 660 262 0.8 re f", b"340 660 222 0.8 re f"]
    words = read_words(text_page_pdf(tmp_path / "form.pdf", _two_columns(rule)))
    assert words.index("province") < words.index("Someone") < words.index("Election")


def test_a_band_across_the_page_holding_a_section_title_opens_the_next_section(
    tmp_path: Path,
) -> None:
    # A filled band across the page with the next section's title set on it: its edges are
    # lines across, and the title on it is read after the first section, before its rows.
    band = [b"0.8 g 38 650 524 16 re f 0 g", show(42, 654, "Part two")]
    words = read_words(text_page_pdf(tmp_path / "form.pdf", _two_columns(band)))
    assert words.index("province") < words.index("Election") < words.index("Part")
    assert words.index("all") < words.index("Part") < words.index("Someone")
