"""A definition list set as bold terms in the text's size, each with its definition flush
under it and bound to it more tightly than paragraphs are spaced, several in a row, is read
as text, not as headings; bold lines spaced as paragraphs are, numbered, or heading stacks of
short lines stay headings (:mod:`workers.engine.layout.definition_terms`). Small PDFs drawn
here."""

from __future__ import annotations

from pathlib import Path

import pikepdf

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page

SENTENCE = (
    "This paragraph is set in the body face and runs on for a while as running text does "
    "so that the body size of the page is known to the reader of the page"
)
TERMS = ["Version", "Download", "Source code", "Keywords"]
DEFINITIONS = [
    "The release this text describes and the date it came out on",
    "Where the packages of each release can be fetched from the web",
    "The repository where the work on the next release is done",
    "The words the project is found by in the package index",
]


def _line(font: str, y: float, text: str, x: float = 72) -> str:
    return f"BT /{font} 10 Tf {x} {y} Td ({text}) Tj ET"


def _paragraphs(top: float) -> tuple[list[str], float]:
    """Three paragraphs of three lines (12 pt leading, 10 pt between them); the baseline
    the next paragraph would start on."""
    ops, y, words = [], top, SENTENCE.split()
    for p in range(3):
        for k in range(3):
            at = (p * 3 + k) * 4 % len(words)
            ops.append(_line("F1", y, " ".join(words[at:at + 12])))
            y -= 12
        y -= 10
    return ops, y


def _page(tmp_path: Path, name: str, under: float, lines: list[list[str]],
          terms: list[str] = TERMS, term_x: float = 72, between: float = 10,
          after: float = 10) -> Path:
    """A title, paragraphs, then each term in bold (at ``term_x``) with its lines ``under``
    points under it (baseline to baseline), the pairs ``between`` points apart over a
    line's leading (as paragraphs are by default); paragraphs ``after`` points further."""
    ops = ["BT /F2 18 Tf 72 740 Td (Project Overview) Tj ET"]
    more, y = _paragraphs(710)
    ops += more
    for term, body in zip(terms, lines, strict=True):
        ops.append(_line("F2", y, term, term_x))
        y -= under
        for text in body:
            ops.append(_line("F1", y, text))
            y -= 12
        y -= between
    more, y = _paragraphs(y + between - after)
    ops += more
    return helvetica_page(tmp_path / name, ops)


def _headings(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Heading)]


def test_terms_bound_to_their_definitions_are_no_headings(tmp_path: Path) -> None:
    found = _headings(_page(tmp_path, "terms.pdf", 12, [[d] for d in DEFINITIONS]))
    assert "Project Overview" in found
    assert not set(TERMS) & set(found)


def test_terms_set_a_few_points_in_are_flush_with_their_definitions(tmp_path: Path) -> None:
    # A word processor's "List Heading" set 4 points right of its "List Contents", by the
    # style's own padding: the terms are still flush with their definitions.
    found = _headings(_page(tmp_path, "padded.pdf", 12, [[d] for d in DEFINITIONS],
                            term_x=76))
    assert "Project Overview" in found
    assert not set(TERMS) & set(found)


def test_bold_lines_spaced_as_paragraphs_stay_headings(tmp_path: Path) -> None:
    # The same lines with a paragraph's space under them: headings made in bold.
    found = _headings(_page(tmp_path, "spaced.pdf", 22, [[d] for d in DEFINITIONS]))
    assert set(TERMS) <= set(found)


OPTIONS = ["--timing", "--verbose", "--version"]


def test_terms_spaced_as_the_lists_options_are_terms(tmp_path: Path) -> None:
    # A word processor's list spaced as its paragraphs are under each term (16 points), and
    # more over each: the options ("--timing"), which no heading could be, show the list's
    # spacing, and the names set as they are ("Catalog Files") are its terms too.
    terms = [*OPTIONS, "Catalog Files", "Search Path"]
    found = _headings(_page(tmp_path, "options.pdf", 28, [[d] for d in DEFINITIONS + [
        DEFINITIONS[0]]], terms, between=30, after=16))
    assert "Project Overview" in found
    assert not {"Catalog Files", "Search Path"} & set(found)


def test_names_spaced_as_paragraphs_without_options_stay_headings(tmp_path: Path) -> None:
    # The same names and spacing with no terms beside them that no heading could be.
    terms = ["Timing", "Verbose", "Version", "Catalog Files", "Search Path"]
    found = _headings(_page(tmp_path, "names.pdf", 28, [[d] for d in DEFINITIONS + [
        DEFINITIONS[0]]], terms, between=30, after=16))
    assert set(terms) <= set(found)


def test_numbered_lines_stay_headings(tmp_path: Path) -> None:
    numbered = [f"1.{k + 1} {term}" for k, term in enumerate(TERMS)]
    found = _headings(_page(tmp_path, "numbered.pdf", 12, [[d] for d in DEFINITIONS],
                            numbered))
    assert set(numbered) <= set(found)


def test_bold_lines_over_stacks_of_short_lines_stay_headings(tmp_path: Path) -> None:
    # Each bold line heads a list of links, one short line each: a list's heading.
    links = [["address one", "option range of the address", "option fork"]] * len(TERMS)
    found = _headings(_page(tmp_path, "links.pdf", 12, links))
    assert set(TERMS) <= set(found)


def test_terms_run_on_over_a_page_break(tmp_path: Path) -> None:
    # One term with its definition at the foot of a page, the next at the top of the one
    # after, each page numbered at its foot: one list, broken by the page.
    ops = ["BT /F2 18 Tf 72 740 Td (Project Overview) Tj ET"]
    more, y = _paragraphs(710)
    ops += more
    more, y = _paragraphs(y)
    ops += more + [_line("F2", y, TERMS[0]), _line("F1", y - 12, DEFINITIONS[0])]
    ops.append("BT /F1 9 Tf 300 40 Td (1) Tj ET")
    first = helvetica_page(tmp_path / "first.pdf", ops)
    ops = [_line("F2", 740, TERMS[1]), _line("F1", 728, DEFINITIONS[1])]
    more, _ = _paragraphs(706)
    ops += more + ["BT /F1 9 Tf 300 40 Td (2) Tj ET"]
    second = helvetica_page(tmp_path / "second.pdf", ops)
    path = tmp_path / "broken.pdf"
    with pikepdf.open(first) as pdf, pikepdf.open(second) as more_pages:
        pdf.pages.extend(more_pages.pages)
        pdf.save(path)
    found = [b.text for b in read_layout(path, max_pages=2).blocks if isinstance(b, Heading)]
    assert "Project Overview" in found
    assert not set(TERMS[:2]) & set(found)


def test_terms_in_lower_case_keep_their_neighbours_terms(tmp_path: Path) -> None:
    # Every other term starts in lower case (a variable's name), which no heading does:
    # they are terms of the list all the same, and so are the terms beside them.
    terms = ["Version", "names", "Strings", "last"]
    found = _headings(_page(tmp_path, "lower.pdf", 12, [[d] for d in DEFINITIONS], terms))
    assert "Project Overview" in found
    assert not set(terms) & set(found)
