"""A cross-reference wrapped before its label ("… specified in figure 10 to paragraph" over
"(i) of this AD correspond to …"): the sentence goes on; the label opens no list item."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import ListBlock, Paragraph, block_text
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf


def _page(path: Path, second: str) -> Path:
    lines = ["Note 2 to paragraph (i): The provisions specified in figure 10 to paragraph",
             second,
             "Equipment List items 22-10-01B and 22-10-02, in the existing approved list,",
             "which can be found on the Flight Standards Information Management website."]
    ops = [b"BT /F1 16 Tf 72 780 Td (Airworthiness directives) Tj ET"]
    ops += [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (700 - 12 * k, line.encode())
            for k, line in enumerate(lines)]
    return text_page_pdf(path, ops)


def test_a_label_wrapped_after_the_name_of_the_part_it_refers_to_goes_on_the_sentence(
    tmp_path: Path,
) -> None:
    blocks = read_layout(_page(tmp_path / "rule.pdf", "(i) of this AD correspond to the Master"
                               " Minimum"), max_pages=5).blocks
    assert not any(isinstance(b, ListBlock) for b in blocks)
    paragraph = next(b for b in blocks if isinstance(b, Paragraph))
    assert "to paragraph (i) of this AD correspond to the Master Minimum Equipment" in (
        block_text(paragraph))


def test_a_label_opening_a_point_in_a_capital_still_opens_an_item(tmp_path: Path) -> None:
    # ("(i) Minimum equipment" under the same line opens a point of its own, as before.)
    blocks = read_layout(_page(tmp_path / "rule.pdf", "(i) Minimum equipment provisions for the"
                               " Master"), max_pages=5).blocks
    assert any(isinstance(b, ListBlock) for b in blocks)


def _enumeration_page(path: Path, second: str) -> Path:
    lines = ["An MMC is eligible for relicensing if it is licensed under this License, and if",
             "all works that were first published under this License somewhere other than",
             "this MMC, and subsequently incorporated in whole or in part into the MMC,",
             second,
             "prior to November 1, 2008."]
    ops = [b"BT /F1 16 Tf 72 780 Td (Relicensing) Tj ET"]
    ops += [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (700 - 12 * k, line.encode())
            for k, line in enumerate(lines)]
    return text_page_pdf(path, ops)


def test_an_enumeration_run_into_a_sentence_goes_on_the_sentence(tmp_path: Path) -> None:
    # ("(1)" opens the line, "(2)" follows on it: the sentence enumerates, no list.)
    blocks = read_layout(_enumeration_page(
        tmp_path / "mmc.pdf",
        "(1) had no cover texts or invariant sections, and (2) were thus incorporated",
    ), max_pages=1).blocks
    assert not any(isinstance(b, ListBlock) for b in blocks)
    paragraph = next(b for b in blocks if isinstance(b, Paragraph))
    assert "into the MMC, (1) had no cover texts" in block_text(paragraph)


def test_a_point_without_the_next_label_still_opens_an_item(tmp_path: Path) -> None:
    # (Without the next label on its line, a point under a comma opens an item as before.)
    blocks = read_layout(_enumeration_page(
        tmp_path / "mmc.pdf", "(1) had no cover texts or invariant sections of its own, and",
    ), max_pages=1).blocks
    assert any(isinstance(b, ListBlock) for b in blocks)


def _titled_page(path: Path, title: str, lines: list[str]) -> Path:
    """A page of ``title`` (16 pt) over ``lines`` (10 pt), brackets escaped."""
    ops = [b"BT /F1 16 Tf 72 780 Td (%s) Tj ET" % title.encode()]
    ops += [b"BT /F1 10 Tf 72 %d Td (%s) Tj ET" % (
        700 - 12 * k, line.replace("(", "\\(").replace(")", "\\)").encode())
        for k, line in enumerate(lines)]
    return text_page_pdf(path, ops)


def _range_page(path: Path, lines: list[str]) -> Path:
    return _titled_page(path, "Calling conventions", lines)


def test_a_number_ending_a_range_goes_on_the_sentence(tmp_path: Path) -> None:
    # ("through" over "11. GCC 12 ...": the range's end, wrapped, opens no point.)
    blocks = read_layout(_range_page(tmp_path / "range.pdf", [
        "The ABI returning values containing empty bases has changed. This is compatible",
        "with GCC 6 and earlier, but incompatible with GCC 7 through",
        "11. GCC 12 will report such incompatibilities as a note unless it is told not to.",
    ]), max_pages=1).blocks
    assert not any(isinstance(b, ListBlock) for b in blocks)
    paragraph = next(b for b in blocks if isinstance(b, Paragraph))
    assert "GCC 7 through 11. GCC 12 will report" in block_text(paragraph)


def test_the_next_number_of_a_list_still_opens_an_item(tmp_path: Path) -> None:
    # (Under the point numbered one less, the number opens the next point, as before.)
    blocks = read_layout(_range_page(tmp_path / "points.pdf", [
        "10. Check the returned values containing empty bases against the old",
        "11. Report such incompatibilities as a note unless told not to.",
    ]), max_pages=1).blocks
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert lists and len(lists[0].items) == 2


def _aside_page(path: Path, lines: list[str]) -> Path:
    return _titled_page(path, "Precedence", lines)


def test_a_label_closing_the_bracket_the_line_above_left_open_goes_on_the_sentence(
    tmp_path: Path,
) -> None:
    # ("(the value" over "1) to the variable": the aside wrapped at its number, no point.)
    blocks = read_layout(_aside_page(tmp_path / "aside.pdf", [
        "Most C programmers would assume this would assign the result of 3 < 5 (the value",
        "1) to the variable a. What this does here is assign the value 3 to the variable a",
        "and then compare 3 to 5. It is best to use parentheses with these operators.",
    ]), max_pages=1).blocks
    assert not any(isinstance(b, ListBlock) for b in blocks)
    paragraph = next(b for b in blocks if isinstance(b, Paragraph))
    assert "(the value 1) to the variable a" in block_text(paragraph)


def test_a_label_under_a_line_with_its_brackets_closed_still_opens_an_item(
    tmp_path: Path,
) -> None:
    # (The brackets of the line above are closed: "1)" opens the first point, as before.)
    blocks = read_layout(_aside_page(tmp_path / "points.pdf", [
        "Check the two values (the left and the right one) in this order:",
        "1) to the variable a, assign the value 3 and keep it for the next step.",
        "2) compare 3 to 5 and keep the result of the comparison.",
    ]), max_pages=1).blocks
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert lists and len(lists[0].items) == 2
