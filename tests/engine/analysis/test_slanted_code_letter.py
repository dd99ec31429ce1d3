"""A paragraph's last line, mostly code whose single letters are slanted ("py*X*.*Y*.*Z*,
py*X*.*Y*.*Z*-dev", as a browser slants a monospaced face that has no italic for a
placeholder): a slanted letter's box starts left of its origin and overhangs the glyph
after it, but the step from the upright glyph before it to the glyph after it is two of
the face's pitches, so the code is told as code set inline and the line goes on with its
paragraph, no heading of its own."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading, Paragraph
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import set_widths
from workers.engine.layout.reader import read_layout

from ..content_pdfs import fonts_page_pdf

PROSE = ["Upload of the Python core meta-packages and of several module packages that",
         "the release team names for the transition, depending on the new versions of",
         "the interpreter, its headers, its documentation and its library, that is the"]

#: Courier's pitch at 13 points (600 thousandths of an em).
PITCH = 7.8


def _code(x: float, upright: str, slanted: str, rest: str) -> bytes:
    """Courier 13 at ``x``: ``upright``, then ``slanted`` skewed (a third of its height to
    the right), then ``rest`` upright again."""
    x_slanted = x + PITCH * len(upright)
    x_rest = x_slanted + PITCH * len(slanted)
    return (f"BT /F2 13 Tf 1 0 0 1 {x:.2f} 658 Tm ({upright}) Tj"
            f" /F2 1 Tf 13 0 4.33 13 {x_slanted:.2f} 658 Tm ({slanted}) Tj"
            f" /F2 13 Tf 1 0 0 1 {x_rest:.2f} 658 Tm ({rest}) Tj ET").encode()


def _page(path: Path) -> Path:
    ops = [f"BT /F1 10 Tf 72 {700 - 14 * k} Td ({t}) Tj ET".encode()
           for k, t in enumerate(PROSE)]
    # "pyX.Y.Z" in Courier 13, its "X", "Y" and "Z" slanted (a version's placeholders), a
    # comma in Times 10, "pyX.Y.Z-dev" the same, then " and so on." in Times 10.
    x = 72.0
    for upright, slanted, rest in (("py", "X", ""), (".", "Y", ""), (".", "Z", "")):
        ops.append(_code(x, upright, slanted, rest))
        x += PITCH * (len(upright) + len(slanted) + len(rest))
    ops.append(f"BT /F1 10 Tf {x:.2f} 658 Td (, ) Tj ET".encode())
    x += 5
    for upright, slanted, rest in (("py", "X", ""), (".", "Y", ""), (".", "Z", "-dev")):
        ops.append(_code(x, upright, slanted, rest))
        x += PITCH * (len(upright) + len(slanted) + len(rest))
    ops.append(f"BT /F1 10 Tf {x:.2f} 658 Td ( and so on.) Tj ET".encode())
    ops += [f"BT /F1 10 Tf 72 {630 - 14 * k} Td ({t}) Tj ET".encode()
            for k, t in enumerate(PROSE)]
    return fonts_page_pdf(path, ops, {"F1": "/Times-Roman", "F2": "/Courier"})


def test_a_line_with_slanted_code_letters_goes_on_with_its_paragraph(
    tmp_path: Path,
) -> None:
    blocks = read_layout(_page(tmp_path / "slanted.pdf"), max_pages=1).blocks
    assert not any(isinstance(b, Heading) for b in blocks)
    paragraphs = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert len(paragraphs) == 2
    assert paragraphs[0].endswith("the pyX.Y.Z, pyX.Y.Z-dev and so on.")


def _glyph(char: str, x0: float, x1: float) -> Glyph:
    return Glyph(char, x0, 0.0, x1, 10.0, 10.0, False, "Mono", 0, -1)


def test_a_slanted_letter_after_upright_ones_is_set_at_the_pitch() -> None:
    # "3.Y-": the slanted Y's box starts 0.94 left of its origin and overhangs the "-".
    glyphs = [_glyph("3", 147.29, 155.08), _glyph(".", 155.08, 162.88),
              _glyph("Y", 161.94, 174.16), _glyph("-", 170.68, 178.48)]
    widths = set_widths(glyphs)
    assert all(abs(w - 7.8) < 0.05 for w in widths), widths
