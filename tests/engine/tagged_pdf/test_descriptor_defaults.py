"""An embedded substitute's font descriptor: the program's values only where the source's
descriptor says none, each worked out only then; the cap height ("H"'s top) drawn once per
program."""

from __future__ import annotations

import pikepdf
import pytest

from workers.engine.tagged_pdf import font_embedding
from workers.engine.tagged_pdf.font_embedding import _cff_top, _descriptor

from .box_fonts import box_program


def _program(glyphs: dict[str, int]) -> bytes:
    """A CFF program whose glyphs are boxes as high as ``glyphs`` says (its bounding box
    theirs)."""
    return box_program(glyphs)


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the glyphs drawn for a cap height; nothing remembered from other tests."""
    monkeypatch.setattr(font_embedding, "_H_TOPS", {})
    calls: list[int] = []
    real = font_embedding.BoundsPen

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(font_embedding, "BoundsPen", counting)
    return calls


def _font(pdf: pikepdf.Pdf, descriptor: pikepdf.Dictionary | None) -> pikepdf.Dictionary:
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name("/BoxFont"))
    if descriptor is not None:
        font[pikepdf.Name.FontDescriptor] = descriptor
    return pdf.make_indirect(font)


def test_the_cap_height_is_the_top_of_h_drawn_once_per_program(drawn: list[int]) -> None:
    pdf = pikepdf.new()
    program = _program({"H": 700, "l": 800})
    top = _cff_top(program)
    first = _descriptor(pdf, _font(pdf, None), top, program)
    again = _descriptor(pdf, _font(pdf, None), top, program)
    assert first.CapHeight == again.CapHeight == 700
    assert first.Ascent == 800 and first.Descent == 0  # the bounding box's
    assert len(drawn) == 1


def test_without_h_the_cap_height_is_the_ascent(drawn: list[int]) -> None:
    pdf = pikepdf.new()
    program = _program({"x": 450, "l": 800})
    top = _cff_top(program)
    assert _descriptor(pdf, _font(pdf, None), top, program).CapHeight == 800
    assert _descriptor(pdf, _font(pdf, None), top, program).CapHeight == 800
    assert drawn == []


def test_what_the_source_says_is_kept_and_not_worked_out(drawn: list[int]) -> None:
    pdf = pikepdf.new()
    program = _program({"H": 700})
    said = pikepdf.Dictionary(Type=pikepdf.Name.FontDescriptor, CapHeight=650, Flags=32,
                              Ascent=880)
    new = _descriptor(pdf, _font(pdf, said), _cff_top(program), program)
    assert (new.CapHeight, new.Flags, new.Ascent, new.Descent) == (650, 32, 880, 0)
    assert drawn == []  # the source's cap height stands: no glyph drawn for one
