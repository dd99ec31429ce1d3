"""A paragraph opening with a run-in lead in bold ("FOR FURTHER INFORMATION CONTACT: Ian",
"Note 1 to paragraph (g): Guidance for") goes on in the regular face on the lines below: its
first line, mostly bold and perhaps set in smaller capitals, is no block of its own
(:func:`workers.engine.layout.reader._goes_on_after_lead`, in Python and in C). A bold line
that is bold to its end, and a regular line under which a lead opens the next paragraph,
still stand apart. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.analyse import analyse
from workers.engine.document import Heading, Paragraph

from .drawn_pdfs import helvetica_page
from .test_caption_beside_column import _blocks

BODY = ["doing the installation and the verification of the software can be",
        "found in the maintenance manual of the aircraft, the task named in",
        "the service bulletin, as its operators have long used it."]
ABOVE = ["Before further flight, install the new software version on both the",
         "flight control computers, as the service bulletin says to do it."]


def _ops(lead: str, lead_size: float, rest: str, top: float = 600.0) -> list[str]:
    """Two lines of a regular paragraph, then one opening with ``lead`` in Helvetica-Bold
    ``lead_size`` going on in Helvetica 9 (``rest``), with :data:`BODY` under it."""
    ops = [f"BT /F1 9 Tf 72 {top + 30 - 11 * k} Td ({t}) Tj ET" for k, t in enumerate(ABOVE)]
    ops.append(f"BT /F2 {lead_size} Tf 72 {top} Td ({lead}) Tj /F1 9 Tf ( {rest}) Tj ET")
    ops += [f"BT /F1 9 Tf 72 {top - 11 * (k + 1)} Td ({t}) Tj ET" for k, t in enumerate(BODY)]
    return ops


@pytest.mark.parametrize(("lead", "size", "rest"), [
    (r"Note 1 to paragraph \(g\):", 9.0, "Guidance for"),
    ("FOR FURTHER INFORMATION CONTACT:", 6.9, "Ian"),
])
def test_a_bold_lead_goes_on_in_the_regular_lines_below(
    tmp_path: Path, block_loop: str, lead: str, size: float, rest: str
) -> None:
    found = _blocks(tmp_path / "lead.pdf", _ops(lead, size, rest))
    first = f"{lead.replace(chr(92), '')} {rest}"
    assert " ".join([first, *BODY]) in found
    assert " ".join(ABOVE) in found


def test_the_paragraph_keeps_its_lead(tmp_path: Path) -> None:
    path = helvetica_page(tmp_path / "doc.pdf", _ops("FOR FURTHER INFORMATION CONTACT:", 6.9,
                                                     "Ian"))
    blocks = analyse(path, max_pages=5).blocks
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert " ".join(["FOR FURTHER INFORMATION CONTACT: Ian", *BODY]) in texts
    assert not any(isinstance(b, Heading) for b in blocks)


def test_a_line_bold_to_its_end_stays_apart(tmp_path: Path, block_loop: str) -> None:
    # Bold to its last letter: a heading over its paragraph, not a lead.
    ops = _ops("Explanation of Certain Provisions", 9.0, "")
    found = _blocks(tmp_path / "heading.pdf", ops)
    assert " ".join(BODY) in found


def test_a_lead_under_a_regular_line_opens_a_paragraph(tmp_path: Path, block_loop: str) -> None:
    # The lead line under a regular one: the regular line does not go on into the lead.
    ops = _ops(r"Note 1 to paragraph \(g\):", 9.0, "Guidance for")
    found = _blocks(tmp_path / "under.pdf", ops)
    assert not any(text.startswith(ABOVE[0]) and "Note 1" in text for text in found)
