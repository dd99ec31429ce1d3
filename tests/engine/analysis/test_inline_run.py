"""A run of small capitals (or any run set smaller, or in another weight) inside a line of
running text is no new face for the paragraph: "should be sent to the person identified" over
"in the FOR FURTHER INFORMATION" over "CONTACT section. Any commentary that" is one paragraph,
though the run makes most of the middle line smaller and bold
(:func:`workers.engine.layout.reader._inline_run_goes_on`, in Python and in C). A heading in
bold or a larger size over running text, and a run-in lead opening a line under running text,
still stand apart. Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers.engine.analyse import analyse
from workers.engine.document import Heading, Paragraph
from workers.engine.layout import reader

from .drawn_pdfs import helvetica_page
from .test_caption_beside_column import _blocks

ABOVE = ["it is important that you clearly designate the submitted comments",
         "as confidential. Submissions containing such information should be",
         "sent to the person identified"]
BELOW = ["but the rest of the comments which are not specifically designated",
         "as such will be placed in the public docket for this rulemaking."]


def _ops(font: str, small: float, *, top: float = 600.0) -> list[str]:
    """:data:`ABOVE` in Helvetica 9, then "in the FOR FURTHER INFORMATION" and "CONTACT
    section. Any commentary that", their capitals in ``font`` of size ``small``, then
    :data:`BELOW`."""
    ops = [f"BT /F1 9 Tf 72 {top + 11 * (len(ABOVE) - k)} Td ({t}) Tj ET"
           for k, t in enumerate(ABOVE)]
    ops.append(f"BT /F1 9 Tf 72 {top} Td (in the ) Tj /{font} {small} Tf "
               "(FOR FURTHER INFORMATION) Tj ET")
    ops.append(f"BT /{font} {small} Tf 72 {top - 11} Td (CONTACT) Tj /F1 9 Tf "
               "( section. Any commentary that) Tj ET")
    ops += [f"BT /F1 9 Tf 72 {top - 11 * (k + 2)} Td ({t}) Tj ET" for k, t in enumerate(BELOW)]
    return ops


WHOLE = " ".join([*ABOVE, "in the FOR FURTHER INFORMATION CONTACT section. Any commentary that",
                  *BELOW])


@pytest.fixture(params=["c", "python"])
def loop(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Block building in C (where built) and in Python."""
    if request.param == "python":
        monkeypatch.setattr(reader, "_blocks_accelerator", None)
    return str(request.param)


@pytest.mark.parametrize(("font", "small"), [("F2", 6.9), ("F1", 7.0), ("F2", 9.0)])
def test_a_run_of_small_capitals_stays_in_its_paragraph(
    tmp_path: Path, loop: str, font: str, small: float
) -> None:
    assert WHOLE in _blocks(tmp_path / "run.pdf", _ops(font, small))


def test_the_paragraph_is_read_as_one(tmp_path: Path) -> None:
    path = helvetica_page(tmp_path / "doc.pdf", _ops("F2", 6.9))
    blocks = analyse(path, max_pages=5).blocks
    assert WHOLE in [b.text for b in blocks if isinstance(b, Paragraph)]
    assert not any(isinstance(b, Heading) for b in blocks)


@pytest.mark.parametrize("heading", ["/F2 9 Tf (Confidential Business Information)",
                                     "/F1 13 Tf (Confidential Business Information)",
                                     "/F2 10 Tf (Comments) Tj /F1 7 Tf ( \\(continued\\))"])
def test_a_heading_over_a_line_with_a_run_stays_apart(
    tmp_path: Path, loop: str, heading: str
) -> None:
    # A bold or larger heading right over the paragraph whose first line holds the run.
    ops = [f"BT 72 612 Td {heading} Tj ET"]
    ops += _ops("F2", 6.9)[len(ABOVE):]
    found = _blocks(tmp_path / "heading.pdf", ops)
    assert not any("Confidential" in t and "FURTHER" in t for t in found)
    assert not any("Comments" in t and "FURTHER" in t for t in found)


def test_a_run_in_lead_under_running_text_opens_a_paragraph(tmp_path: Path, loop: str) -> None:
    # The line opens in another face than the one above ends in: a run-in lead.
    ops = [f"BT /F1 9 Tf 72 {611 + 11 * (len(ABOVE) - k)} Td ({t}) Tj ET"
           for k, t in enumerate(ABOVE)]
    ops.append("BT /F2 6.9 Tf 72 611 Td (FOR FURTHER INFORMATION CONTACT:) Tj /F1 9 Tf "
               "( Ian Won, Manager, Seattle) Tj ET")
    found = _blocks(tmp_path / "lead.pdf", ops)
    assert " ".join(ABOVE) in found
