"""Text set in the glyph ids of a composite TrueType font not embedded (/Identity-H, no
/ToUnicode): the tagged output leaves the font as it is, for pdfium draws such a font with a
substitute whose glyphs it picks by the text its codes read as (a /ToUnicode changed the
page's pixels), and says the text, as the layout reader reads it glyph by glyph, as the
/ActualText of the elements drawing it (PDF 32000-1 14.9.4). The fidelity check reads the
elements through their /ActualText and holds each to the glyphs drawn; the font's codes
still read as no character, and are reported. Small PDFs drawn here
(:mod:`tests.engine.analysis.test_glyph_id_fonts`)."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

from workers.engine.structure.reader import read_structure
from workers.engine.tagged_pdf.checks import check_tagged_pdf

from ..analysis.test_glyph_id_fonts import EMBEDDED, SERIF, UNREAD, _page
from .conftest import tag_and_check


def _actual_texts(content: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(content)) as pdf:
        return [str(obj.ActualText) for obj in pdf.objects
                if isinstance(obj, pikepdf.Dictionary) and "/S" in obj and "/ActualText" in obj]


@pytest.mark.parametrize("embedded_too", [False, True])
def test_glyph_ids_said_by_actual_text_and_drawn_as_before(
    tmp_path: Path, embedded_too: bool
) -> None:
    if embedded_too and not SERIF.is_file():
        pytest.skip("fonts-liberation not installed")
    source = _page(tmp_path / "ids.pdf", embedded_too=embedded_too)
    result = tag_and_check(source, tmp_path / "out.pdf")
    # The page draws what the source draws (no /ToUnicode chose other glyphs), and the
    # element reads as the model through its /ActualText.
    assert result.check("pixels")["passed"], result.check("pixels")
    assert result.check("text-fidelity")["passed"], result.check("text-fidelity")
    (actual,) = _actual_texts(result.tagged.content)
    assert UNREAD in actual
    # (Beside it, in the same paragraph, text of an embedded subset of the font's name.)
    assert (EMBEDDED in actual) == embedded_too
    # The font's codes still map to no Unicode: reported, for a person to look at.
    unicode_check = result.check("fonts-unicode")
    assert not unicode_check["passed"] and "TimesNewRoman" in str(unicode_check["detail"])
    text = " ".join(getattr(b, "text", "") or ""
                    for b in read_structure(result.output, max_pages=2).blocks)
    assert UNREAD in text


def test_the_fidelity_check_holds_the_actual_text_to_the_glyphs(tmp_path: Path) -> None:
    """Without its /ActualText the element reads as the codes pdfium reads; with one saying
    other letters than the glyph ids draw, the check fails too."""
    source = _page(tmp_path / "ids.pdf")
    result = tag_and_check(source, tmp_path / "out.pdf")
    assert result.check("text-fidelity")["passed"]
    expected = result.tagged.expected_texts

    def fidelity(change: str | None) -> dict[str, object]:
        with pikepdf.open(io.BytesIO(result.tagged.content)) as pdf:
            for obj in pdf.objects:
                if isinstance(obj, pikepdf.Dictionary) and "/ActualText" in obj:
                    if change is None:
                        del obj["/ActualText"]
                    else:
                        obj.ActualText = pikepdf.String(change)
            buffer = io.BytesIO()
            pdf.save(buffer)
        checks = check_tagged_pdf(buffer.getvalue(), source=source,
                                  expected_texts=expected)["checks"]
        assert isinstance(checks, list)
        found: dict[str, object] = next(c for c in checks if c["id"] == "text-fidelity")
        return found

    assert not fidelity(None)["passed"]
    wrong = fidelity(UNREAD.replace("remplir", "respecter"))
    assert not wrong["passed"] and "other characters than drawn" in str(wrong["detail"])
