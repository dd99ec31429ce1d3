"""The layout reader's C loops give what their Python twins give, on pages that exercise
every branch: fonts and styles, sizes, rotated text, non-BMP characters, pdfium's generated
spaces, artifacts, marked content, text inside a Form XObject, ligatures, columns and cells.

- layout/_glyph_reader.c and glyphs._python_glyphs: the same glyphs, field for field; and
  the same page objects (images with their facts, rules, paths, kinds, marked content);
- layout/_fragments.c and lines._python_fragments: the same fragments (text, box, glyphs),
  and the same count of bold letters (lines.letter_boldness); and the values a fragment
  computes once from its glyphs (sizes, size, band, letter_counts, bold) and its text
  (words, rtl), set by _fragments.glyph_facts and text_facts, are those its properties
  compute."""

from __future__ import annotations

import dataclasses
import math
import random
import shutil
import statistics
import struct
import sys
import sysconfig
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
import weasyprint

from workers.engine.layout import glyphs, lines
from workers.engine.layout.glyphs import Glyph, PageContent, read_page
from workers.engine.layout.lines import Fragment
from workers.engine.layout.spread import MARGIN

from .drawn_pdfs import Picture, body_lines, make_pdf

_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 2cm } body { font: 11pt 'DejaVu Sans' }</style></head><body>
<h1>A heading</h1>
<p>Plain, <b>bold words</b>, <i>italic words</i>, math letters \U0001d538\U0001d539 and
ＡＢ full width; ligatures: office affinity.</p>
<p style="font-size: 6pt">tiny text</p><p style="font-size: 30pt">Huge</p>
<div style="transform: rotate(90deg); width: 10em">rotated label</div>
<table><tr><td>cell one</td><td>cell two</td></tr></table>
</body></html>"""

# Text shown by TJ with wide kerning gaps and no space characters (pdfium generates the
# spaces), an artifact, marked content with an MCID, a rotated run and a Form XObject (which
# marks a picture of its own).
_CONTENT = b"""
BT /F1 12 Tf 72 720 Td [(Kerned) -900 (words) -900 (without) -900 (spaces)] TJ ET
/Artifact BMC BT /F1 9 Tf 72 40 Td (Page 1 of 1) Tj ET EMC
/P <</MCID 0>> BDC BT /F2 14 Tf 72 680 Td (Bold marked paragraph.) Tj T* (Next line) Tj ET EMC
BT /F1 10 Tf 0 1 -1 0 560 300 Tm (Vertical margin note) Tj ET
q 1 0 0 1 72 500 cm /Fm0 Do Q
"""
_FORM = b"""BT /F1 11 Tf 0 0 Td (Text inside a form) Tj ET
/Figure <</MCID 1>> BDC q 20 0 0 20 200 0 cm /Im0 Do Q EMC"""


def _made_by_hand(path: Path) -> Path:
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(612, 792))
    fonts = pikepdf.Dictionary(
        F1=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name.Helvetica),
        F2=pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name("/Helvetica-Bold")),
    )
    form = pdf.make_stream(_FORM)
    form.Type = pikepdf.Name.XObject
    form.Subtype = pikepdf.Name.Form
    form.BBox = pikepdf.Array([0, 0, 300, 50])
    picture = pdf.make_stream(bytes([0, 255, 255, 0]), Type=pikepdf.Name.XObject,
                              Subtype=pikepdf.Name.Image, Width=2, Height=2,
                              ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)
    form.Resources = pikepdf.Dictionary(Font=fonts, XObject=pikepdf.Dictionary(Im0=picture))
    page.obj.Resources = pikepdf.Dictionary(Font=fonts, XObject=pikepdf.Dictionary(Fm0=form))
    page.obj.Contents = pdf.make_stream(_CONTENT)
    pdf.save(path)
    return path


def _glyphs_both_ways(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[list[Glyph], list[Glyph]]:
    accelerator = glyphs._accelerator
    if accelerator is None:
        pytest.skip("the C accelerator is not built here (no C compiler at install time)")
    pdf = pdfium.PdfDocument(str(path))
    try:
        fast = [g for i in range(len(pdf)) for g in read_page(pdf, i).glyphs]
        monkeypatch.setattr(glyphs, "_accelerator", None)
        slow = [g for i in range(len(pdf)) for g in read_page(pdf, i).glyphs]
    finally:
        pdf.close()
    return fast, slow


def test_c_and_python_read_the_same_glyphs_from_a_weasyprint_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "styles.pdf"
    weasyprint.HTML(string=_HTML).write_pdf(path)
    fast, slow = _glyphs_both_ways(path, monkeypatch)
    assert fast == slow
    # The page reaches the branches the comparison is meant to cover.
    assert any(g.bold for g in fast) and any(g.italic for g in fast)
    assert any(g.rotated for g in fast)
    # Non-BMP letters: pdfium gives one per UTF-16 unit; each pair is read as one glyph.
    text = "".join(g.char for g in fast)
    assert "\U0001d538\U0001d539" in text
    assert not any("\ud800" <= g.char <= "\udfff" for g in fast)
    assert any(g.obj == -1 and g.char == " " for g in fast)  # pdfium's line-end spaces
    assert len({g.size for g in fast}) >= 4


def test_c_and_python_read_the_same_glyphs_from_a_hand_made_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast, slow = _glyphs_both_ways(_made_by_hand(tmp_path / "hand.pdf"), monkeypatch)
    assert fast == slow
    text = "".join(g.char for g in fast)
    assert "Text inside a form" in text
    assert any(g.artifact for g in fast) and any(g.mcid == 0 for g in fast)
    assert any(g.rotated for g in fast) and any(g.bold for g in fast)
    assert any(g.generated for g in fast) or any(g.obj == -1 for g in fast)


# Marked content of every sort an /Artifact test must tell apart: an artifact holding a span
# (two marks, the artifact's outermost), a span holding an artifact, names that only begin
# or end like "Artifact", an artifact with properties, and more than 16 marks around one.
_MARKS = b"""
/Artifact BMC /Span <</MCID 5>> BDC BT /F1 9 Tf 72 700 Td (artifact, then span) Tj ET EMC EMC
/Span <</MCID 6>> BDC /Artifact BMC BT /F1 9 Tf 72 680 Td (span, then artifact) Tj ET EMC EMC
/Artifacts BMC BT /F1 9 Tf 72 660 Td (plural name) Tj ET EMC
/Artifac BMC BT /F1 9 Tf 72 640 Td (short name) Tj ET EMC
/Artifact <</Type /Pagination>> BDC BT /F1 9 Tf 72 620 Td (pagination) Tj ET EMC
""" + b"/X BMC " * 17 + b"/Artifact BMC BT /F1 9 Tf 72 600 Td (deep) Tj ET EMC" + b" EMC" * 17 + (
    b"\n/A BMC BT /F1 9 Tf 72 580 Td (not one) Tj ET EMC\n"
)


def test_c_reads_artifact_marks_as_python_does_without_calling_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The C glyph loop tells text objects in /Artifact marked content itself (a tagged
    page marks most of its objects: a Python call each cost more than the rest of their
    reading), and tells them as glyphs._is_artifact does."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(612, 792))
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica)))
    page.obj.Contents = pdf.make_stream(_MARKS)
    path = tmp_path / "marks.pdf"
    pdf.save(path)
    if glyphs._accelerator is None:
        pytest.skip("the C accelerator is not built here (no C compiler at install time)")

    def not_asked(address: int) -> bool:
        raise AssertionError("the C loop asked Python whether an object is an artifact")

    pdf_read = pdfium.PdfDocument(str(path))
    try:
        with monkeypatch.context() as patch:
            patch.setattr(glyphs, "_is_artifact", not_asked)
            alone = read_page(pdf_read, 0).glyphs
    finally:
        pdf_read.close()
    fast, slow = _glyphs_both_ways(path, monkeypatch)
    assert fast == slow == alone

    def artifacts(glyphs_read: list[Glyph]) -> dict[str, bool]:
        words: dict[str, bool] = {}
        for g in glyphs_read:
            if g.obj >= 0:
                words[str(g.obj)] = words.get(str(g.obj), False) or g.artifact
        return words

    assert list(artifacts(fast).values()) == [True, True, False, False, True, False, False]


def _read_with_and_without_accelerator(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[PageContent, PageContent]:
    """The first page of ``path`` read by the C walker, then by its Python twin."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        fast = read_page(pdf, 0, image_facts=True)
        with monkeypatch.context() as patch:
            patch.setattr(glyphs, "_accelerator", None)
            slow = read_page(pdf, 0, image_facts=True)
    finally:
        pdf.close()
    return fast, slow


def _fragments_both_ways(
    page_glyphs: list[Glyph], monkeypatch: pytest.MonkeyPatch
) -> tuple[list[Fragment], list[Fragment]]:
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    with monkeypatch.context() as patch:
        fast = lines.fragments(page_glyphs)
        patch.setattr(lines, "_accelerator", None)
        slow = lines.fragments(page_glyphs)
    return fast, slow


def _described(frags: list[Fragment]) -> list[tuple[object, ...]]:
    # The glyphs by identity: both loops must group the very same Glyph objects.
    return [
        (f.text, f.x0, f.y0, f.x1, f.y1, type(f.x0), [id(g) for g in f.glyphs],
         f.space_before, f.space_after) for f in frags
    ]


def test_c_and_python_make_the_same_fragments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    styled = tmp_path / "styles.pdf"
    weasyprint.HTML(string=_HTML).write_pdf(styled)
    for path in (styled, _made_by_hand(tmp_path / "hand.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        try:
            page_glyphs = [g for i in range(len(pdf)) for g in read_page(pdf, i).glyphs]
        finally:
            pdf.close()
        fast, slow = _fragments_both_ways(page_glyphs, monkeypatch)
        assert _described(fast) == _described(slow)
        assert len(fast) >= 5


def test_c_and_python_make_the_same_fragments_from_made_up_glyphs(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    # Cases pdfium rarely gives: integer coordinates, a glyph without height, a ligature's
    # shared box, right-to-left advance, rotated runs next to upright text, tiny sizes.
    def glyph(char: str, x0: float, y0: float, x1: float, y1: float, size: float = 10.0,
              rotated: bool = False) -> Glyph:
        return Glyph(char, x0, y0, x1, y1, size, False, "F", 0, -1, rotated=rotated)

    made = [
        glyph("a", 0, 0, 5, 10), glyph("b", 5, 0, 10, 10), glyph(" ", 10, 0, 12, 10),
        glyph("c", 12.0, 0.0, 17.0, 10.0), glyph("f", 17, 0, 22, 10),
        glyph("i", 17, 0, 22, 10), glyph("d", 60, 0, 65, 10), glyph("z", 65, 5, 70, 5),
        glyph("r", 80, 0, 85, 10, rotated=True), glyph("s", 80, 6, 85, 16, rotated=True),
        glyph("t", 86, 0, 90, 10), glyph("\u05d0", 120, 0, 125, 10),
        glyph("\u05d1", 114, 0, 119, 10), glyph("x", 200, 30, 200.4, 30.4, size=0.3),
        glyph("y", 200.5, 30, 200.9, 30.4, size=0.3), glyph("\t", 0, 0, 0, 0),
        glyph("w", 0, -20, 5, -10),
    ]
    fast, slow = _fragments_both_ways(made, monkeypatch)
    assert _described(fast) == _described(slow)
    assert len(fast) >= 5


def test_c_and_python_tell_the_same_drawn_spaces_at_fragment_ends(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    # Random streams of letters on a few lines, with spaces between them of every kind: a
    # page object's, one pdfium made up from a gap (generated), pdfium's line end (no
    # object), in runs of any order; rotated letters and letters of no height among them.
    chooser = random.Random(17)
    ends: set[tuple[bool | None, bool | None]] = set()
    for _ in range(300):
        made: list[Glyph] = []
        x, y = 0.0, 100.0
        for _ in range(chooser.randint(0, 40)):
            kind = chooser.random()
            if kind < 0.35:
                obj, generated = chooser.choice([(0, False), (0, True), (-1, False)])
                made.append(Glyph(" ", x, y, x + 3, y + 10, 10.0, False, "F", obj, -1,
                                  generated=generated))
                x += 3
                continue
            if kind < 0.45:
                x, y = chooser.choice([0.0, 40.0]), y - chooser.choice([12.0, 0.0, 30.0])
            height = 0.0 if chooser.random() < 0.05 else 10.0
            made.append(Glyph(chooser.choice("a가나1"), x, y, x + 5, y + height, 10.0, False,
                              "F", 0, -1, rotated=chooser.random() < 0.05))
            x += chooser.choice([5.0, 5.0, 8.0, 30.0])
        fast, slow = _fragments_both_ways(made, monkeypatch)
        assert _described(fast) == _described(slow)
        ends.update((f.space_before, f.space_after) for f in fast)
    # (The streams gave fragments with a drawn space at either end, both, and neither.)
    assert ends == {(False, False), (True, False), (False, True), (True, True)}


class _ShiftedGlyph(Glyph):
    """A Glyph whose box is read through properties: the C loops read a Glyph's fields in
    its slots directly, and must notice a type where getattr gives something else."""

    __slots__ = ()

    # (The dataclass __init__ still writes both fields: the setters take and drop the value.)
    x0 = property(lambda self: 1000.0, lambda self, value: None)  # type: ignore[assignment]
    char = property(lambda self: "Q", lambda self, value: None)  # type: ignore[assignment]


class _LooseGlyph:
    """A glyph-like object with a __dict__ and no slots (the C loops fall back to getattr)."""

    def __init__(self, char: str, x0: float, x1: float, bold: bool) -> None:
        self.char, self.x0, self.y0, self.x1, self.y1 = char, x0, 0.0, x1, 10.0
        self.size, self.bold, self.rotated = 10.0, bold, False
        self.font, self.obj = "F", 0


def test_c_reads_fields_as_getattr_does_for_any_glyph_type(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    plain = [Glyph(c, 6.0 * k, 0.0, 6.0 * k + 5, 10.0, 10.0, k % 2 == 0, "F", 0, -1)
             for k, c in enumerate("ab cd")]
    shifted = _ShiftedGlyph("z", 40.0, 0.0, 45.0, 10.0, 10.0, True, "F", 0, -1)
    loose = [_LooseGlyph("e", 50.0, 55.0, True), _LooseGlyph("f", 56.0, 61.0, False)]
    # Types alternate within one list, so a field read the fast way for one type must not be
    # read that way for the next.
    made: list[Glyph] = [*plain[:2], shifted, *plain[2:], *loose]  # type: ignore[list-item]
    fast, slow = _fragments_both_ways(made, monkeypatch)
    assert _described(fast) == _described(slow)
    assert any("Q" in f.text for f in fast)  # the property's character, not the slot's
    assert any(f.x0 == 1000.0 for f in fast)  # and its x0
    fast_counts = lines.letter_boldness(made)
    monkeypatch.setattr(lines, "_accelerator", None)
    assert fast_counts == lines.letter_boldness(made) == (7, 4)


def test_c_and_python_walk_the_same_page_objects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if glyphs._accelerator is None:
        pytest.skip("the C accelerator is not built here (no C compiler at install time)")
    # Images (a flat one, a photograph-like one, a tiny one), rules, boxes, a shading-free
    # drawing, text, and the hand-made page's Form XObject.
    shapes = ["0 0 1 rg 72 100 200 1 re f", "72 120 1 90 re f", "100 300 80 60 re f",
              "300 300 50 50 re S", "10 10 m 400 20 l 300 200 l f"]
    drawn = make_pdf(tmp_path / "drawn.pdf", [(
        [Picture("flat", 72, 500, 200, 40), Picture("photo", 300, 450, 200, 150),
         Picture("dot", 50, 50, 4, 4)], body_lines(400),
    )], shapes=shapes)
    for path in (drawn, _made_by_hand(tmp_path / "hand.pdf")):
        fast, slow = _read_with_and_without_accelerator(path, monkeypatch)
        assert fast == slow
        assert fast.object_kinds and len(fast.object_mcids) == len(fast.object_kinds)
        # (The C loop fills a Rect's slots itself: the same types as Python's Rect(...).)
        for made, read in ((fast.images, slow.images), (fast.rules, slow.rules),
                           (fast.paths, slow.paths)):
            assert [[type(getattr(r, name)) for name in glyphs.Rect.__slots__] for r in made] \
                == [[type(getattr(r, name)) for name in glyphs.Rect.__slots__] for r in read]
            assert all(type(r) is glyphs.Rect for r in made)
    assert len(fast.glyphs) > 0
    # The picture inside the form keeps its own MCID; the form's Do is not marked.
    assert [(image.mcid, fast.object_mcids[image.obj]) for image in fast.images] == [(1, -1)]
    drawn_pdf = pdfium.PdfDocument(str(drawn))
    try:
        content = read_page(drawn_pdf, 0, image_facts=True)
    finally:
        drawn_pdf.close()
    assert len(content.images) == 3 and len(content.image_facts) == 3
    assert content.image_facts[0].smooth and not content.image_facts[1].smooth
    assert content.image_facts[2] == glyphs.ImageFacts()  # too small to ask about
    assert len(content.rules) >= 2 and len(content.paths) >= 2


def test_c_and_python_count_the_same_bold_letters(monkeypatch: pytest.MonkeyPatch) -> None:
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    # Letters of several scripts, digits (letters or digits count), punctuation, spaces and
    # symbols (they do not), bold and not, and an empty run.
    chars = ["A", "b", "7", ".", " ", "\u05d0", "\u0661", "\u2022", "\u00e9", "-", "\u4e2d", "\t"]
    made = [
        Glyph(char, 0, 0, 1, 1, 10, k % 3 == 0, "F", 0, -1) for k, char in enumerate(chars * 3)
    ]
    runs = [made, made[:1], made[3:5], [], made[::2]]
    fast = [lines.letter_boldness(run) for run in runs]
    monkeypatch.setattr(lines, "_accelerator", None)
    slow = [lines.letter_boldness(run) for run in runs]
    assert fast == slow
    assert fast[0] == (21, 6) and fast[3] == (0, 0)


_GLYPH_FACTS = ("sizes", "size", "band", "letter_counts", "bold", "drawn_objects",
                "objects_interleaved")
_TEXT_FACTS = ("words", "rtl")


def _facts_both_ways(
    frags: list[Fragment], names: tuple[str, ...] = _GLYPH_FACTS
) -> list[tuple[object, object]]:
    """For each fragment whose values ``names`` the C loop set: those values, and the values
    its properties compute for a fresh copy of it (each with its type: 10 is not 10.0)."""
    out: list[tuple[object, object]] = []
    for f in frags:
        if not all(name in f.__dict__ for name in names):
            continue
        fresh = Fragment(f.glyphs, f.text, f.x0, f.y0, f.x1, f.y1)
        out.append((
            [(f.__dict__[name], type(f.__dict__[name])) for name in names],
            [(getattr(fresh, name), type(getattr(fresh, name))) for name in names],
        ))
    return out


def test_c_sets_the_values_a_fragment_computes_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    styled = tmp_path / "styles.pdf"
    weasyprint.HTML(string=_HTML).write_pdf(styled)
    for path in (styled, _made_by_hand(tmp_path / "hand.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        try:
            frags = [f for i in range(len(pdf)) for f in lines.fragments(read_page(pdf, i).glyphs)]
        finally:
            pdf.close()
        with monkeypatch.context() as patch:  # (the properties computed in Python alone)
            patch.setattr(lines, "_accelerator", None)
            compared = _facts_both_ways(frags)
            texts = _facts_both_ways(frags, _TEXT_FACTS)
        assert len(compared) == len(frags) >= 5  # (pdfium's glyphs: plain floats, all set)
        assert len(texts) == len(frags)
        for fast, slow in compared + texts:
            assert fast == slow


def test_c_sets_a_tall_fragments_band_and_leaves_odd_values_to_python() -> None:
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")

    def glyph(char: str, x0: float, y0: float, y1: float, size: float, bold: bool = False,
              x1: float | None = None) -> Glyph:
        # (Objects repeat, and come back after another: each is kept once, where it first is.)
        obj = (-1, 3, 3, 7, 3, -1, 2)[int(x0) // 4 % 7]
        return Glyph(char, x0, y0, x0 + 4.0 if x1 is None else x1, y1, size, bold, "F", obj, -1)

    tall = [  # an index and an exponent around a line's letters: the band is the letters'
        glyph("x", 0.0, 10.0, 20.0, 10.0, True), glyph("2", 4.0, 18.0, 26.0, 6.0),
        glyph("y", 8.0, 10.0, 20.0, 10.0, True), glyph("i", 12.0, 4.0, 12.0, 6.0),
        glyph("z", 16.0, 10.0, 20.0, 10.0, True), glyph("w", 20.0, 10.0, 10.0, 10.0),
        glyph("v", 24.0, 10.0, 20.0, 10.0, True),
    ]
    even = [glyph("a", 0.0, 0.0, 10.0, 9.0), glyph("b", 4.0, 0.0, 10.0, 10.0)]
    equal_sizes = [glyph(c, 4.0 * k, 0.0, 10.0, 0.0 if k % 2 else -0.0)
                   for k, c in enumerate("abc")]
    whole_numbers = [glyph("a", 0.0, 0.0, 10.0, 10), glyph("b", 4.0, 0.0, 10.0, 10)]
    not_a_number = [glyph("a", 0.0, 0.0, 10.0, math.nan), glyph("b", 4.0, 0.0, 10.0, 10.0)]
    made = [Fragment(run, "text", 0.0, min(g.y0 for g in run), 30.0, max(g.y1 for g in run))
            for run in (tall, even, equal_sizes, whole_numbers, not_a_number)]
    assert lines._accelerator.glyph_facts(made, lines.TALL_GLYPHS) == 3
    compared = _facts_both_ways(made)
    assert len(compared) == 3
    for fast, slow in compared:
        assert fast == slow
    assert made[0].band == (10.0, 20.0) and made[0].bold  # (set, and as the property says)
    assert made[1].size == 9.5
    assert made[0].drawn_objects == [-1, 3, 7, 2]
    assert made[0].objects_interleaved and not made[1].objects_interleaved  # (3, 7, then 3)
    # An object number no C long holds, or no int: that value alone is left to the property.
    for odd in (2**70, True):
        huge = [glyph("a", 0.0, 0.0, 10.0, 10.0), glyph("b", 4.0, 0.0, 10.0, 10.0)]
        huge[1].obj = odd
        fragment = Fragment(huge, "ab", 0.0, 0.0, 8.0, 10.0)
        assert lines._accelerator.glyph_facts([fragment], lines.TALL_GLYPHS) == 1
        assert "drawn_objects" not in fragment.__dict__ and "size" in fragment.__dict__
        assert "objects_interleaved" not in fragment.__dict__
        assert fragment.drawn_objects == [-1, odd]
    # Left to the properties: values that are not plainly floats (an int, NaN).
    assert "size" not in made[3].__dict__ and made[3].size == 10
    assert "size" not in made[4].__dict__


def test_c_medians_of_long_fragments_with_ties_are_the_properties() -> None:
    """The C loop sorts a fragment's sizes, and a tall one's glyph bottoms and tops, for
    their medians (its merge sort: a buffer on the stack up to 64 values, one allocated
    above): the same median float as the properties' sorted(), down to which of two equal
    values it is (0.0 or -0.0), on fragments of up to 300 glyphs with many ties."""
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    rng = random.Random(18)
    sizes = [9.0, 10.0, 10.0, 12.0, 0.0, -0.0, 7.5]
    made = []
    for count in (2, 3, 17, 63, 64, 65, 66, 129, 300):
        for _ in range(12):
            run = []
            for k in range(count):
                y0 = rng.choice((0.0, -0.0, 1.0, 2.5, 2.5, 4.0))
                y1 = y0 + rng.choice((8.0, 8.0, 10.0, 30.0, 0.0))
                run.append(Glyph("ab1"[k % 3], 4.0 * k, y0, 4.0 * k + 4.0, y1,
                                 rng.choice(sizes), False, "F", k % 5, -1))
            made.append(Fragment(run, "t", 0.0, min(g.y0 for g in run), 4.0 * count,
                                 max(g.y1 for g in run)))
    assert lines._accelerator.glyph_facts(made, lines.TALL_GLYPHS) == len(made)
    tall = 0
    for f in made:
        fresh = Fragment(f.glyphs, f.text, f.x0, f.y0, f.x1, f.y1)
        assert repr(f.__dict__["size"]) == repr(fresh.size)
        assert repr(f.__dict__["band"]) == repr(fresh.band)
        tall += f.band != (f.y0, f.y1)
    assert tall > 50  # (the bands of most long fragments are their glyphs' medians)


def test_c_counts_words_and_tells_direction_as_python_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    # Letters after digits and punctuation, white space of every kind (the unit and file
    # separators, no-break and ideographic spaces, a line separator), underscores, no letters,
    # accented and combining letters, letters beyond the BMP, Arabic and Hebrew (mostly or
    # partly: the third that makes a text right-to-left), Arabic digits, CJK.
    texts = ["", " ", "a", "9a", "a9 b", "x-y z", "3.14 42", "_a", "\x1cfoo\x1fbar", "a\tb\vc",
             "..A..", "Hello world", "éclair au café", "e\u0301t\u00e9", "\U0001d465 = 2",
             "a\u00a0b\u3000c\u2028d", "تيار المحبة", "\u0661\u0662 abc", "ab \u05d0",
             "abcdef \u05d0\u05d1", "\ufb1d\ufdff\ufe70\ufeff", "中文 text"]
    made = [Fragment([], text) for text in texts]
    assert lines._accelerator.text_facts(made) == len(texts)
    fast_counts = [lines.word_count(text) for text in texts]
    with monkeypatch.context() as patch:
        patch.setattr(lines, "_accelerator", None)
        compared = _facts_both_ways(made, _TEXT_FACTS)
        assert [lines.word_count(text) for text in texts] == fast_counts
    assert len(compared) == len(texts)
    for fast, slow in compared:
        assert fast == slow
    assert fast_counts[:5] == [0, 0, 1, 1, 2] and [f.rtl for f in made[16:20]] == [
        True, False, False, False
    ]


def test_the_accelerators_are_built_where_a_c_compiler_exists() -> None:
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        pytest.skip(f"no C compiler ({compiler}) here: the Python loops are used")
    from workers.engine.layout import operators

    missing = [
        name
        for name, module in (
            ("_glyph_reader", glyphs._accelerator),
            ("_fragments", lines._accelerator),
            ("_longest_match", operators._longest),
        )
        if module is None
    ]
    assert not missing, (
        f"a C compiler exists but {missing} (workers/engine/layout/*.c) were not built: "
        "run `pip install -e .` (make install) again and read its output"
    )


def _nested_forms(path: Path) -> Path:
    """A page painting (after a ``cm``) a form with a ``/Matrix`` that holds a picture, a rule,
    a path, text and a form of its own (painted after another ``cm``, turned a quarter, with
    its own ``/Matrix``) holding a square and text: pdfium boxes the objects inside a form in
    the form's space, which is none of these page positions."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(612, 792))
    font = pikepdf.Dictionary(Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1,
                              BaseFont=pikepdf.Name.Helvetica)
    picture = pdf.make_stream(bytes([0, 255, 255, 0]), Type=pikepdf.Name.XObject,
                              Subtype=pikepdf.Name.Image, Width=2, Height=2,
                              ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)
    inner = pdf.make_stream(b"0 0 10 10 re f BT /F1 5 Tf 0 12 Td (deep) Tj ET",
                            Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                            BBox=[0, 0, 40, 40], Matrix=[1, 0, 0, 1, 5, 0],
                            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)))
    outer = pdf.make_stream(
        b"q 100 0 0 50 10 20 cm /Im0 Do Q 0 0 200 0.5 re f 0 100 m 50 150 l 20 180 l f\n"
        b"BT /F1 6 Tf 10 250 Td (outer) Tj ET q 0 1 -1 0 100 200 cm /Fm1 Do Q",
        Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 300, 300],
        Matrix=[2, 0, 0, 2, 0, 0],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font),
                                     XObject=pikepdf.Dictionary(Im0=picture, Fm1=inner)))
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm0=outer))
    page.obj.Contents = pdf.make_stream(b"q 1 0 0 1 50 60 cm /Fm0 Do Q")
    pdf.save(path)
    return path


def test_objects_inside_forms_are_boxed_on_the_page_by_c_and_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if glyphs._accelerator is None:
        pytest.skip("the C accelerator is not built here (no C compiler at install time)")
    fast, slow = _read_with_and_without_accelerator(_nested_forms(tmp_path / "nested.pdf"),
                                                    monkeypatch)
    assert fast == slow

    def box(rect: glyphs.Rect) -> tuple[float, ...]:
        return tuple(round(v, 3) for v in (rect.x0, rect.y0, rect.x1, rect.y1))

    # Outer form: x' = 2x + 50, y' = 2y + 60 (its /Matrix, then the page's cm).
    assert [box(r) for r in fast.images] == [(70, 100, 270, 200)]
    assert [box(r) for r in fast.rules] == [(50, 60, 450, 61)]
    # The inner square: its /Matrix (x + 5), the quarter turn and shift of the outer form's
    # cm ((x, y) -> (100 - y, x + 200)), then the outer form's space to the page's.
    assert sorted(box(r) for r in fast.paths) == [(50, 260, 150, 420), (230, 470, 250, 490)]
    # Text comes from pdfium's text page, already on the page: "outer" at x 2*10 + 50.
    outer = [g for g in fast.glyphs if g.char == "o"]
    assert outer and 69 < outer[0].x0 < 75 and 555 < outer[0].y0 < 565
    deep = [g for g in fast.glyphs if g.char == "d"]
    assert deep and 210 < deep[0].x0 < 230 and 465 < deep[0].y0 < 480


def _pitch_in_python(glyph_run: list[Glyph], monkeypatch: pytest.MonkeyPatch) -> object:
    with monkeypatch.context() as patch:
        patch.setattr(lines, "_accelerator", None)
        return Fragment(glyph_run).fixed_pitch


def test_c_tells_a_fixed_pitch_face_as_python_does(monkeypatch: pytest.MonkeyPatch) -> None:
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")

    def run(widths: list[float], chars: str = "abcdefghij") -> list[Glyph]:
        out, x = [], 0.0
        for char, width in zip(chars, widths, strict=False):
            out.append(Glyph(char, x, 0.0, x + width, 10.0, 10.0, False, "F", 0, -1))
            x += width + 1.0
        return out

    # Courier-like and proportional runs, spaces left out of the count, too few glyphs, a
    # mean at or below zero, widths of mixed signs, a spread clearly on either side of the
    # limit, tiny and large widths, an empty character (counted, as str.isspace() says).
    runs = [
        run([6.0] * 8), run([6.0, 6.0, 6.0, 6.01, 5.99, 6.0]), run([2.0, 8.0, 5.0, 9.0, 3.0]),
        run([6.0, 6.0, 6.0, 6.0], "a b "), run([6.0, 6.0, 6.0]), run([0.0] * 5),
        run([-1.0, -2.0, 1.0, 1.5, 0.2]), run([5.0, 5.0, 5.0, 5.0, 6.2]),
        run([5.0, 5.0, 5.0, 5.0, 6.3]), run([1e-300, 1e-300, 2e-300, 1e-300]),
        run([1e100, 1e100, 1e100, 1e100]), run([6.0] * 5, "ab\u3000cd"),
        run([6.0] * 5, ["a", "", "b", "c", "d"]),  # type: ignore[arg-type]
    ]
    for glyph_run in runs:
        fast = lines._accelerator.fixed_pitch(glyph_run, lines.FIXED_PITCH_SPREAD, MARGIN)
        assert fast is not NotImplemented
        assert fast == _pitch_in_python(glyph_run, monkeypatch)
        assert Fragment(glyph_run).fixed_pitch == fast
    assert [Fragment(r).fixed_pitch for r in runs[:6]] == [True, True, False, None, None, None]
    # Left to Python: integer coordinates, NaN and huge widths, and a spread on the limit
    # itself (widths 9 and 11 spread exactly a tenth of their mean).
    whole = [Glyph(c, 7 * k, 0, 7 * k + 6, 10, 10.0, False, "F", 0, -1)
             for k, c in enumerate("abcd")]
    odd = [whole, run([1e200] * 4), run([9.0, 11.0, 9.0, 11.0]), run([6.0, math.nan, 6.0, 6.0])]
    for glyph_run in odd:
        assert lines._accelerator.fixed_pitch(
            glyph_run, lines.FIXED_PITCH_SPREAD, MARGIN
        ) is NotImplemented
    for glyph_run in odd[:3]:  # (statistics.pstdev cannot take a NaN: neither way answers)
        assert Fragment(glyph_run).fixed_pitch == _pitch_in_python(glyph_run, monkeypatch)


def test_c_tells_a_fixed_pitch_face_as_statistics_does_on_random_widths() -> None:
    """The C estimate squares each deviation as a product, not by libm's pow: its answer, where
    it gives one, is still the exact one (statistics' fractions), on random widths and on
    widths spread right at the limit, give or take far less than the margin."""
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    rng = random.Random(20261207)

    def glyph_run(widths: list[float]) -> list[Glyph]:
        return [Glyph("a", 10.0 * k, 0.0, 10.0 * k + w, 10.0, 10.0, False, "F", 0, -1)
                for k, w in enumerate(widths)]

    cases: list[list[float]] = []
    for _ in range(3000):
        mean = rng.uniform(0.5, 20.0)
        n = rng.randint(4, 80)
        spread = rng.choice([0.0, 0.01, 0.05, 0.099, 0.1, 0.101, 0.3])
        cases.append([rng.gauss(mean, mean * spread) for _ in range(n)])
    for _ in range(1000):
        # Half the widths at mean - d, half at mean + d: a spread of d / mean, at the limit.
        mean, half = rng.uniform(0.5, 20.0), rng.randint(2, 40)
        d = mean * (lines.FIXED_PITCH_SPREAD + rng.uniform(-1e-6, 1e-6))
        cases.append([mean - d] * half + [mean + d] * half)
    answered = 0
    for widths in cases:
        found = lines._accelerator.fixed_pitch(glyph_run(widths), lines.FIXED_PITCH_SPREAD, MARGIN)
        if found is NotImplemented:
            continue
        answered += 1
        run = glyph_run(widths)
        measured = [g.x1 - g.x0 for g in run]
        exact = (None if statistics.fmean(measured) <= 0 else
                 statistics.pstdev(measured) / statistics.fmean(measured)
                 < lines.FIXED_PITCH_SPREAD)
        assert found == exact, widths
    assert answered > 3500  # (only those within the margin of the limit are Python's)


def test_c_rounds_to_digits_as_python_does() -> None:
    """_fragments.round_to is round(x, ndigits): the same float, sign of zero included, on
    random values of every size, exact decimal ties (0.125, 2.675 as stored), values at the
    edge of the integer method (2**40), and what it leaves to round() (NaN, infinities, ints,
    other digits)."""
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    from workers.engine.layout._fragments import round_to

    rng = random.Random(20261207)
    values = [0.0, -0.0, 0.125, -0.125, 0.005, 1.005, 2.675, -2.675, 0.05, 0.15, 0.25, 0.35,
              1e-300, -1e-300, 5e-324, 2.0**40, -(2.0**40), 2.0**40 - 2.0**-12,
              2.0**39 + 0.005, 1e12 + 0.125, 1e300, math.inf, -math.inf]
    values += [k / 200 for k in range(-5000, 5000)] + [k / 20 for k in range(-5000, 5000)]
    values += [k / 8 for k in range(-1000, 1000)]
    values += [rng.uniform(-1000.0, 1000.0) for _ in range(20000)]
    values += [math.ldexp(rng.random(), rng.randint(-80, 45)) * rng.choice([1, -1])
               for _ in range(20000)]
    for value in values:
        for ndigits in (1, 2, 0, 3, -1):
            fast, slow = round_to(value, ndigits), round(value, ndigits)
            assert fast == slow and type(fast) is type(slow), (value, ndigits)
            assert math.copysign(1.0, fast) == math.copysign(1.0, slow), (value, ndigits)
    assert math.isnan(round_to(math.nan, 2))
    assert round_to(3, 2) == 3 and type(round_to(3, 2)) is int
    with pytest.raises(TypeError):
        round_to("1.5", 2)  # type: ignore[arg-type]


def _lines_described(
    made: list[lines.Line], given: list[Fragment]
) -> list[list[tuple[object, ...]]]:
    # A fragment given is passed on by identity; a merged one is described by what it holds.
    return [[(any(f is g for g in given), f.text, f.x0, f.y0, f.x1, f.y1, type(f.y0),
              [id(g) for g in f.glyphs]) for f in line.fragments] for line in made]


def _lines_both_ways(frags: list[Fragment]) -> tuple[object, object]:
    assert lines._accelerator is not None
    fast = lines._accelerator.group_lines(
        frags, lines.Line, Fragment, lines.TALLER_THAN_LINE, lines.FRAGMENT_GAP, lines.OVERPRINT,
        lines.FULL_SIZE, lines.lines_of_a_column, lines._LINE_FIELDS, lines._FRAGMENT_FIELDS,
        sys.maxsize, None, lines.SPACE_GAP, lines.ABUTTING_GAP, lines.SAME_BAND,
    )
    slow = lines._python_lines(frags)
    return (None if fast is None else _lines_described(fast, frags)), _lines_described(
        slow, frags
    )


def test_c_and_python_make_the_same_lines(tmp_path: Path) -> None:
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    styled = tmp_path / "styles.pdf"
    weasyprint.HTML(string=_HTML).write_pdf(styled)
    for path in (styled, _made_by_hand(tmp_path / "hand.pdf")):
        pdf = pdfium.PdfDocument(str(path))
        try:
            for i in range(len(pdf)):
                frags = lines.fragments(read_page(pdf, i).glyphs)
                fast, slow = _lines_both_ways(frags)
                assert fast == slow and len(slow) >= 3
        finally:
            pdf.close()


def test_c_and_python_make_the_same_lines_from_made_up_fragments() -> None:
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    chooser = random.Random(3)
    texts = ["word", "two words", "\u05d0\u05d1\u05d2", "\u0645\u0631\u062d\u0628\u0627 x",
             "x", "word"]

    def fragment(x0: float, y0: float, width: float, height: float, size: float,
                 rotated: bool = False) -> Fragment:
        text = chooser.choice(texts)
        glyphs = [Glyph(c, x0 + k, y0, x0 + k + 1, y0 + height, size, False, "F", k, -1,
                        rotated=rotated) for k, c in enumerate(text.replace(" ", ""))]
        # (Spaces drawn at either end, or not, or not known: a merged piece takes the left
        # one's and the right one's.)
        return Fragment(glyphs, text, x0, y0, x0 + width, y0 + height,
                        chooser.choice([None, False, True]), chooser.choice([None, False, True]))

    for _ in range(300):
        frags = []
        for _ in range(chooser.randint(0, 30)):
            # Lines at a few heights, pieces side by side close or apart (merged or not), tall
            # pieces reaching into other lines (a bracket), small ones (an index), words
            # drawn twice on themselves, rotated text, and pieces of no height.
            x0 = chooser.choice([0.0, 10.0, 20.0, 45.0, 200.0]) + chooser.choice([0.0, 0.5, 3.0])
            y0 = chooser.choice([0.0, 12.0, 24.0, 26.0, 60.0]) + chooser.choice([0.0, 0.4, -2.0])
            height = chooser.choice([10.0, 10.0, 4.0, 30.0, 0.0, 18.0])
            size = chooser.choice([10.0, 10.0, 8.0, 20.0, 0.5])
            width = chooser.choice([9.0, 20.0, 38.0])
            frags.append(fragment(x0, y0, width, height, size, chooser.random() < 0.08))
            if chooser.random() < 0.1:
                twin = frags[-1]
                frags.append(Fragment(twin.glyphs, twin.text, twin.x0 + 0.5, twin.y0, twin.x1,
                                      twin.y1))
        fast, slow = _lines_both_ways(frags)
        assert fast == slow
    # Left to Python: a coordinate that is an int, a band that is not a number.
    whole = fragment(0.0, 0.0, 10.0, 10.0, 10.0)
    whole.x1 = 10  # type: ignore[assignment]
    odd = fragment(0.0, 0.0, 10.0, 10.0, 10.0)
    odd.__dict__["band"] = (math.nan, 10.0)
    for frags in ([whole, fragment(12.0, 0.0, 10.0, 10.0, 10.0)], [odd]):
        fast, slow = _lines_both_ways(frags)
        assert fast is None and slow


@pytest.mark.parametrize(("maker", "expected"), [
    ("_head_over_two_lines", "Date of birth or registration number"),
    ("_head_over_three_lines", "Number of visits"),
])
def test_c_and_python_read_a_cells_stacked_lines_alike(
    tmp_path: Path, maker: str, expected: str
) -> None:
    # A cell's two (three) lines held in one line group by the row's other heads: both loops
    # read them band by band, top down (see lines.set_over, lines._in_bands).
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    from . import test_ruled_heads
    from .drawn_pdfs import helvetica_page

    path = helvetica_page(tmp_path / "stacked.pdf", getattr(test_ruled_heads, maker)())
    pdf = pdfium.PdfDocument(str(path))
    try:
        frags = lines.fragments(read_page(pdf, 0).glyphs)
    finally:
        pdf.close()
    fast, slow = _lines_both_ways(frags)
    assert fast == slow
    texts = [f.text for line in lines._python_lines(frags) for f in line.fragments]
    assert expected in texts


def test_c_and_python_join_a_words_pieces_alike() -> None:
    # Pieces of one line set against each other (a word drawn in pieces, out of order) or a
    # word space apart, on the line's band or a little off it, a space drawn at their ends
    # or not (or not known): both loops join the same pieces, with no space or with one.
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    chooser = random.Random(21)
    unspaced = spaced = 0
    for _ in range(600):
        frags: list[Fragment] = []
        x = 0.0
        for k in range(chooser.randint(2, 5)):
            size = 10.0
            y0 = chooser.choice([0.0, 0.0, 0.0, 0.5, 1.5])
            word = chooser.choice(["ORGANISM", "E", "QUI", "ASS", "URE", "(b)", ", and", "L'",
                                   "\u22121", "2"])
            glyphs = [Glyph(c, x + j * 5.0, y0, x + (j + 1) * 5.0, y0 + size, size, False, "F",
                            k, -1) for j, c in enumerate(word)]
            frags.append(Fragment(glyphs, word, x, y0, glyphs[-1].x1, y0 + size,
                                  chooser.choice([False, False, True, None]),
                                  chooser.choice([False, False, True, None])))
            x = glyphs[-1].x1 + chooser.choice([-2.0, -1.0, 0.0, 0.5, 0.79, 0.81, 1.6, 3.0])
        chooser.shuffle(frags)
        fast, slow = _lines_both_ways(frags)
        assert fast == slow
        piece_of = {id(g): k for k, f in enumerate(frags) for g in f.glyphs}
        for line in lines._python_lines(frags):
            for f in line.fragments:
                pieces = len({piece_of[id(g)] for g in f.glyphs})
                unspaced += pieces > 1 + f.text.count(" ")
                spaced += pieces > 1 and " " in f.text
    assert unspaced > 30 and spaced > 30, (unspaced, spaced)


def test_c_and_python_read_made_up_stacks_alike() -> None:
    # Cells of two to four lines, a line in one piece or two, centred or not, some pieces
    # smaller (an index, a shrunk word) or right to left, some set off the others' lines,
    # in a line group held by heads set between their lines: both loops read each run in
    # bands or leave it alike.
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    chooser = random.Random(15)

    def fragment(text: str, x0: float, y0: float, size: float) -> Fragment:
        glyphs = [Glyph(c, x0 + k * size / 2, y0, x0 + (k + 1) * size / 2, y0 + size, size,
                        False, "F", k, -1) for k, c in enumerate(text)]
        return Fragment(glyphs, text, x0, y0, glyphs[-1].x1, y0 + size)

    words = ["one", "two", "three", "\u05d0\u05d1\u05d2", "x", "longer words"]
    read_in_bands = 0
    for _ in range(300):
        # (Heads between the lines, each level with half of two: the group's bridges.)
        frags = [fragment("head", 400.0 + 60.0 * k, -3.5 - 7.0 * k, 10.0) for k in range(3)]
        for cell in range(chooser.randint(1, 3)):
            for k in range(chooser.randint(2, 4)):
                y0 = -7.0 * k + chooser.choice([0.0, 0.0, 3.0])
                size = chooser.choice([10.0, 10.0, 10.0, 6.0, 8.0])
                x0 = 100.0 * cell + chooser.choice([0.0, 2.0, 4.0, 6.0, 30.0])
                frags.append(fragment(chooser.choice(words), x0, y0, size))
                if chooser.random() < 0.3:  # the line in two pieces
                    frags.append(fragment(chooser.choice(words), frags[-1].x1 + 2.0, y0, size))
        chooser.shuffle(frags)
        fast, slow = _lines_both_ways(frags)
        assert fast == slow
        pieces = {id(f.glyphs[0]): f.x0 for f in frags}
        for line in lines._python_lines(frags):
            for f in line.fragments:
                starts = [pieces[id(g)] for g in f.glyphs if id(g) in pieces]
                read_in_bands += starts != sorted(starts) and starts != sorted(starts)[::-1]
    assert read_in_bands > 50


@dataclasses.dataclass
class _Checked(Fragment):
    """A Fragment whose __init__ does more than set its fields: the C loops must call it."""

    def __post_init__(self) -> None:
        self.__dict__["checked"] = True


def test_c_makes_fragments_and_lines_as_their_init_does() -> None:
    if lines._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    glyphs = [Glyph(c, 6.0 * k, 0.0, 6.0 * k + 5, 10.0, 10.0, False, "F", 0, -1)
              for k, c in enumerate("ab cd      ef")]
    made = lines.fragments(glyphs)
    assert len(made) >= 2
    fields = list(Fragment([]).__dict__)
    for f in made:
        # The fields in __init__'s order (the values computed once follow them).
        assert type(f) is Fragment and list(f.__dict__)[:len(fields)] == fields
        assert f == Fragment(f.glyphs, f.text, f.x0, f.y0, f.x1, f.y1, f.space_before,
                             f.space_after)
        assert f.space_before is not None and f.space_after is not None
    # Two pieces of one line close enough to merge: a merged Fragment and a Line made in C.
    left = Fragment(glyphs[:2], "ab", 0.0, 0.0, 11.0, 10.0)
    right = Fragment(glyphs[3:5], "cd", 13.0, 0.0, 29.0, 10.0)
    (line,) = lines.lines([left, right])
    (merged,) = line.fragments
    assert type(line) is lines.Line and list(line.__dict__) == ["fragments"]
    assert type(merged) is Fragment and list(merged.__dict__)[:len(fields)] == fields
    assert merged == Fragment([*left.glyphs, *right.glyphs], "ab cd", 0.0, 0.0, 29.0, 10.0)
    # A class whose __init__ does more is called.
    assert lines.assigned_fields(_Checked) is None
    checked = lines._accelerator.fragments(
        glyphs, _Checked, lines.FRAGMENT_GAP, lines.SPACE_GAP, lines.SET_BACK,
        lines.SET_BACK_GAP, lines.USUAL_AFTER, lines.RAISED, lines.SPANS_LINES,
        lines.UNDONE_SPACE, lines.TOUCHING, lines.BRACES,
        None,
    )
    assert checked and all(f.__dict__.get("checked") for f in checked)


def test_only_an_init_that_sets_its_fields_is_skipped() -> None:
    assert lines.assigned_fields(Fragment) == (
        "glyphs", "text", "x0", "y0", "x1", "y1", "space_before", "space_after",
    )
    assert lines.assigned_fields(lines.Line) == ("fragments",)

    @dataclasses.dataclass(frozen=True)
    class Frozen:
        a: int

    @dataclasses.dataclass(slots=True)
    class Slotted:
        a: int

    @dataclasses.dataclass
    class OwnInit:
        a: int

        def __init__(self, a: int) -> None:
            self.a = a + 1

    @dataclasses.dataclass
    class NotSet:
        a: int
        b: int = dataclasses.field(init=False, default=0)

    @dataclasses.dataclass
    class InitOnly:
        a: int
        b: dataclasses.InitVar[int] = 0

    class Plain:
        a = 0

    for cls in (Frozen, Slotted, OwnInit, NotSet, InitOnly, Plain, _Checked):
        assert lines.assigned_fields(cls) is None, cls


def test_c_rounds_sizes_as_python_rounds_them() -> None:
    """_glyph_reader.c rounds a glyph's size to a tenth without float.__round__ where the
    answer is certain; it must be Python's round(value, 1) bit for bit (sign of zero, ties
    of exact halves and the doubles next to them, huge and odd values)."""
    if glyphs._accelerator is None:
        pytest.skip("the C glyph reader is not built")
    round_one = glyphs._accelerator.round_one
    pick = random.Random(5)
    values = [0.0, -0.0, 0.05, -0.05, 0.25, -0.35, 1e15, 1e16, -1e300, 5e-324, math.inf,
              -math.inf]
    for k in range(-2000, 2000):
        tie = k / 20
        values += [tie, math.nextafter(tie, math.inf), math.nextafter(tie, -math.inf)]
    for _ in range(20000):
        values += [pick.uniform(-100, 100), pick.expovariate(0.01), round(pick.uniform(0, 50), 2),
                   pick.uniform(-1e14, 1e14)]
    wrong = [v for v in values
             if struct.pack("<d", round_one(v)) != struct.pack("<d", round(v, 1))]
    assert not wrong, wrong[:5]
    assert math.isnan(round_one(math.nan))


def test_c_groups_a_blocks_fragments_into_lines_as_python_does() -> None:
    from types import SimpleNamespace

    from workers.engine.layout import blocks

    if blocks._accelerator is None:
        pytest.skip("the C fragments loop is not built here (no C compiler at install time)")
    rng = random.Random(7)
    # Boxes level, overlapping by about half the shorter height (either side of it, and on
    # it exactly), one inside another, of no or negative height, NaN, infinities, and none.
    edges = [0.0, 1.0, 2.0, 4.0, 5.0, 5.5, 6.0, 10.0, -3.0, math.nan, math.inf, -math.inf]
    cases: list[list[SimpleNamespace]] = [[]]
    for _ in range(3000):
        count = rng.randint(1, 7)
        cases.append([
            SimpleNamespace(
                y0=(y0 := rng.choice(edges) if rng.random() < 0.4 else rng.uniform(0, 20)),
                y1=y0 + rng.choice([0.0, -1.0, 2.0, 4.0, 10.0, rng.uniform(0, 12)]),
            )
            for _ in range(count)
        ])
    for frags in cases:
        fast = blocks._accelerator.lines_of(frags)
        slow = blocks._python_lines_of(frags)  # type: ignore[arg-type]
        assert [[id(f) for f in line] for line in fast] == [[id(f) for f in line] for line in slow]
        assert blocks.lines_of(tuple(frags)) == slow  # type: ignore[arg-type]
        # (Each against its line's first, as reader._RowMates groups a page's fragments.)
        rows: list[list[SimpleNamespace]] = []
        for f in frags:
            if not rows or not blocks.same_line(rows[-1][0], f):  # type: ignore[arg-type]
                rows.append([])
            rows[-1].append(f)
        fast_rows = blocks._accelerator.lines_of(frags, True)
        assert [[id(f) for f in row] for row in fast_rows] == [[id(f) for f in row] for row in rows]
    # Left to Python: a box not of floats (ints, a float subclass, none to read).
    class Tall(float):
        pass

    odd = [
        [SimpleNamespace(y0=0, y1=10), SimpleNamespace(y0=0.0, y1=10.0)],
        [SimpleNamespace(y0=Tall(0.0), y1=10.0)],
        [SimpleNamespace(y0=0.0)],
    ]
    for frags in odd:
        assert blocks._accelerator.lines_of(frags) is NotImplemented
    assert blocks.lines_of(odd[0]) == [odd[0]]  # type: ignore[arg-type]
    assert blocks.lines_of(odd[2]) == [odd[2]]  # type: ignore[arg-type]
