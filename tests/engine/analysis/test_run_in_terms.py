"""Terms run in: a definition list set as LaTeX's ``description`` sets it, each term in bold at
the text's edge, its definition going on after it on the same line in the regular face, and
the definition's further lines hung at an indent. The entries are a definition list (terms as
the items' labels), one of one line among them; paragraphs that open with a bold lead but set
their lines flush are not. Small PDFs drawn here in Helvetica and Helvetica-Bold, 10 points,
the term and its definition in one text object (a word space apart, or a wider gap as LaTeX
sets its label's separation)."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page

ENTRIES = [
    ("Household", ["Effective tax rates were estimated as the classification changed."]),
    ("Income", ["The fieldwork was benchmarked in every region except the North East.",
                "Population estimates remained broadly flat over the year."]),
    ("Wealth", ["Inflation was revised although the confidence intervals overlap.",
                "The response rate remained broadly flat because of the change."]),
    ("Arrears", ["Public sector finances were weighted when the figures are deflated.",
                 "Official statistics fell although the confidence intervals overlap."]),
]

#: The paragraphs before and after the list, a line each.
OPENING = [
    "The survey measures four things about each household that takes part in it, and it",
    "asks the same questions in every region, so that the figures can be set side by side.",
    "Each of the four is described below, with what changed in the year to March.",
]
CLOSING = [
    "The next section sets out how the survey was weighted and checked against the other",
    "sources of the same figures, and where the two differ the reasons that are known.",
    "The tables at the end of the report give the figures for each region in full.",
]


def _ops(gap: int, hang: float) -> list[str]:
    """The entries from y 676 down, 12 points a line and 9 more between entries, each further
    line ``hang`` points in; the term and the definition's first line ``gap`` thousandths
    of the size apart after a space (0: a word space)."""
    ops = [f"BT /F1 10 Tf 72 {724 - 12 * k} Td ({line}) Tj ET" for k, line in enumerate(OPENING)]
    y = 676.0
    for term, lines in ENTRIES:
        ops.append(f"BT /F2 10 Tf 72 {y} Td ({term}) Tj /F1 10 Tf [{-gap} ( {lines[0]})] TJ ET")
        for line in lines[1:]:
            y -= 12
            ops.append(f"BT /F1 10 Tf {72 + hang} {y} Td ({line}) Tj ET")
        y -= 21
    ops += [f"BT /F1 10 Tf 72 {y - 6 - 12 * k} Td ({line}) Tj ET" for k, line in enumerate(CLOSING)]
    return ops


@pytest.mark.parametrize("gap", [0, 300])
def test_bold_terms_run_in_over_hung_lines_are_a_definition_list(
    tmp_path: Path, gap: int
) -> None:
    doc = read_layout(helvetica_page(tmp_path / "terms.pdf", _ops(gap, 27)), max_pages=1)
    (terms,) = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert terms.definitions
    assert [item.label for item in terms.items] == [term for term, _ in ENTRIES]
    assert [item.text for item in terms.items] == [" ".join(lines) for _, lines in ENTRIES]
    assert [b.text for b in doc.blocks if isinstance(b, Paragraph)] == [
        " ".join(OPENING), " ".join(CLOSING)
    ]


def test_bold_leads_over_flush_lines_are_no_definition_list(tmp_path: Path) -> None:
    # The same entries, their further lines flush with their first: paragraphs opening with
    # a bold lead (run-in heads), no list.
    doc = read_layout(helvetica_page(tmp_path / "leads.pdf", _ops(0, 0)), max_pages=1)
    assert not [b for b in doc.blocks if isinstance(b, ListBlock)]
