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
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment

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
    # Under a line closing its sentence, a line opening in another face: a run-in lead.
    above = [*ABOVE[:-1], "sent to the person identified below."]
    ops = [f"BT /F1 9 Tf 72 {611 + 11 * (len(above) - k)} Td ({t}) Tj ET"
           for k, t in enumerate(above)]
    ops.append("BT /F2 6.9 Tf 72 611 Td (FOR FURTHER INFORMATION CONTACT:) Tj /F1 9 Tf "
               "( Ian Won, Manager, Seattle) Tj ET")
    found = _blocks(tmp_path / "lead.pdf", ops)
    assert " ".join(above) in found


def _line(parts: list[tuple[str, float, str]], bottom: float) -> Fragment:
    """A line of ``parts`` (text, size, font), one glyph a point wide, its letters standing
    on ``bottom`` (a formula's glyphs in CMMI10 reach lower: its box is taller)."""
    glyphs, x = [], 72.0
    for text, size, font in parts:
        for c in text:
            low = bottom - (4.0 if font == "CMMI10" else 0.0)
            glyphs.append(Glyph(c, x, low, x + 1, bottom + size, size, False, font, 0, -1))
            x += 1
    text = "".join(t for t, _, _ in parts)
    return Fragment(glyphs, text, 72.0, min(g.y0 for g in glyphs), x,
                    max(g.y1 for g in glyphs))


@pytest.mark.parametrize(("step", "goes_on"), [(11.5, True), (23.0, False)])
def test_a_line_with_a_formula_goes_on_only_from_the_line_right_above(
    step: float, goes_on: bool
) -> None:
    # "Annahme: ϕ(g) ∩ g ≠ ∅" over "Dann ist ∠RQP = ∠RQP'": the formulas' tall boxes bring
    # a line two lines down within reach of the first; its running text, 2.4 sizes down, is
    # no next line of it.
    above = _line([("Annahme: ", 9.6, "SFRM1095"), ("ϕ(g) ∩ g ≠ ∅", 10.9, "CMMI10")], 600.0)
    below = _line([("Dann ist ", 9.6, "SFRM1095"), ("RQP = RQP", 10.9, "CMMI10")], 600 - step)
    assert reader._inline_run_goes_on(above, below) is goes_on
