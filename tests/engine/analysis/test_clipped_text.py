"""Words a clip path hides wholly are not read, and the tagged output marks them as an
artifact: an axis label its chart's frame clips away, text behind nested clips (q/Q, with the
matrix in force). A word the clip cuts shows in part and is read whole, and so is a text run
that shows in part (a spreadsheet cell's text run on under the next cell); text outside a
curved clip but inside the box of its points is read (the clip is bounded by that box alone).
The clips' boxes are read alike in C and in Python, and so are the glyphs they hide."""

from __future__ import annotations

import math
import random
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from workers.engine.document import Document, block_text
from workers.engine.layout import clipped, glyphs
from workers.engine.layout.glyphs import Glyph, OpenedPage
from workers.engine.layout.reader import read_layout
from workers.engine.tagged_pdf.tagger import tag_pdf

from ..tagged_pdf.conftest import checks_by_id
from .drawn_pdfs import helvetica_page

SHOWN = "Every payment over five hundred pounds made in the quarter is listed here."


def _words(doc: Document) -> list[str]:
    return " ".join(block_text(b) for b in doc.blocks).split()


def _prose(top: float = 740.0) -> list[str]:
    return [f"BT /F1 11 Tf 72 {top - 14 * k} Td ({SHOWN}) Tj ET" for k in range(4)]


def _tagged_as_drawn(path: Path, doc: Document) -> None:
    checks = checks_by_id(tag_pdf(path, doc), path)
    for check in ("pixels", "content-tagged", "text-fidelity"):
        assert checks[check]["passed"], checks[check]


def test_text_a_clip_hides_wholly_is_an_artifact_not_read(tmp_path: Path) -> None:
    # A chart's frame clips its drawing; an axis label set below the frame, inside the same
    # clip, shows nowhere.
    path = helvetica_page(tmp_path / "chart.pdf", [*_prose(), (
        "q 72 300 300 200 re W n 0 0 1 RG 80 320 m 360 480 l S "
        "BT /F1 9 Tf 150 280 Td (Hidden axis label) Tj ET "
        "BT /F1 9 Tf 150 400 Td (Growth curve) Tj ET Q"
    )])
    doc = read_layout(path, max_pages=5)
    words = _words(doc)
    assert "Hidden" not in words and "axis" not in words and "label" not in words
    assert "Growth" in words and words.count("payment") == 4
    (hidden,) = [a for a in doc.artifacts if "Hidden" in a.text]
    assert hidden.text == "Hidden axis label"
    assert hidden.prov[0].operators  # (so the tagger marks its operators)
    _tagged_as_drawn(path, doc)


def test_a_word_the_clip_cuts_is_read_whole(tmp_path: Path) -> None:
    # One text object: "Visible" inside the clip, "Partly" across its right edge (x = 140),
    # "Gone" wholly past it. Only "Gone" is taken out, cut from the same operators.
    path = helvetica_page(tmp_path / "cut.pdf", [*_prose(), (
        "q 60 590 80 40 re W n BT /F1 11 Tf 72 600 Td (Visible) Tj 58 0 Td (Partly) Tj "
        "60 0 Td (Gone) Tj ET Q"
    )])
    doc = read_layout(path, max_pages=5)
    words = _words(doc)
    assert "Visible" in words and "Partly" in words
    assert "Gone" not in words
    assert any(a.text == "Gone" for a in doc.artifacts)
    _tagged_as_drawn(path, doc)


def test_a_cells_text_run_on_under_the_next_cell_is_read_whole(tmp_path: Path) -> None:
    # A spreadsheet cell clips its text at its right edge (x = 140): "Firma Beispiel GmbH"
    # is one text run, its last word wholly under the next cell. The run shows in part, and
    # its words are the author's: read whole, as the export's own tags read them.
    path = helvetica_page(tmp_path / "cell.pdf", [*_prose(), (
        "q 60 590 80 40 re W n BT /F1 11 Tf 72 600 Td (Firma Beispiel GmbH) Tj ET Q"
    )])
    doc = read_layout(path, max_pages=5)
    assert "Firma Beispiel GmbH" in " ".join(_words(doc))
    assert not any("GmbH" in a.text for a in doc.artifacts)


def test_nested_clips_hide_through_q_and_q(tmp_path: Path) -> None:
    # The outer clip (drawn at twice the size, its matrix undone after) lets the bottom half
    # of the page show; the inner one, the right half of that. After the inner Q the outer
    # clip alone holds; after the outer Q, nothing clips.
    path = helvetica_page(tmp_path / "nested.pdf", [*_prose(), (
        "q 2 0 0 2 0 0 cm 0 0 306 200 re W n 0.5 0 0 0.5 0 0 cm "
        "q 300 0 312 792 re W n "
        "BT /F1 11 Tf 72 300 Td (Innermost hidden) Tj ET "
        "BT /F1 11 Tf 320 300 Td (Inner shown) Tj ET Q "
        "BT /F1 11 Tf 72 350 Td (Outer shown) Tj ET "
        "BT /F1 11 Tf 72 600 Td (Outer hidden) Tj ET Q "
        "BT /F1 11 Tf 72 560 Td (Free again) Tj ET"
    )])
    doc = read_layout(path, max_pages=5)
    words = _words(doc)
    for word in ("Inner", "Outer", "shown", "Free", "again"):
        assert word in words, word
    assert "Innermost" not in words and "hidden" not in words
    assert words.count("Outer") == 1 and words.count("shown") == 2
    hidden = " ".join(a.text for a in doc.artifacts)
    assert "Innermost hidden" in hidden and "Outer hidden" in hidden
    _tagged_as_drawn(path, doc)


def test_text_inside_a_curved_clips_box_is_read(tmp_path: Path) -> None:
    # A triangle clip: text in the corner of its box that the triangle leaves out is read
    # still (only the box is known to hold what shows); text beyond the box is not.
    path = helvetica_page(tmp_path / "triangle.pdf", [*_prose(), (
        "q 72 300 m 472 300 l 72 500 l h W n "
        "BT /F1 11 Tf 380 480 Td (Corner word) Tj ET "
        "BT /F1 11 Tf 72 200 Td (Below everything) Tj ET Q"
    )])
    doc = read_layout(path, max_pages=5)
    words = _words(doc)
    assert "Corner" in words and "word" in words
    assert "Below" not in words and "everything" not in words


def test_clip_boxes_are_read_alike_in_c_and_python(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = helvetica_page(tmp_path / "clips.pdf", [
        "BT /F1 11 Tf 72 740 Td (Not clipped) Tj ET",
        "q 72 300 300 200 re W n BT /F1 9 Tf 150 280 Td (Rectangle) Tj ET Q",
        "q 2 0 0 2 0 0 cm 0 0 306 200 re W n 0.5 0 0 0.5 0 0 cm q 300 0 312 792 re W n "
        "BT /F1 11 Tf 72 300 Td (Nested) Tj ET Q BT /F1 11 Tf 72 600 Td (Outer) Tj ET Q",
        "q 72 300 m 472 300 l 72 500 l h W* n BT /F1 11 Tf 380 480 Td (Triangle) Tj ET Q",
        "q 100 100 m 200 300 300 -50 400 100 c h W n BT /F1 11 Tf 90 90 Td (Curve) Tj ET Q",
        "q 72 600 0 20 re W n BT /F1 11 Tf 72 605 Td (No area) Tj ET Q",
    ])
    pdf = pdfium.PdfDocument(str(path))
    try:
        with OpenedPage(pdf, 0) as opened:
            everything = list(range(len(opened.content.object_kinds) + 2))
            answers = []
            if glyphs._accelerator is not None:
                # (From the walk's object table, and from pdfium asked again: the same.)
                answers.append(opened.clip_boxes(everything))
                answers.append(glyphs._accelerator.clip_boxes(
                    glyphs._address(opened.page.raw), everything, glyphs._CLIP_FUNCTIONS,
                    glyphs.CLIP_MIN_SIDE))
            with monkeypatch.context() as patch:
                patch.setattr(glyphs, "_accelerator", None)
                answers.append(opened.clip_boxes(everything))
    finally:
        pdf.close()
    assert all(a == answers[-1] for a in answers)
    boxes = answers[-1]
    kinds = opened.content.object_kinds
    assert kinds.count("text") == 7 and len(boxes) == 5  # (not the unclipped, not no area)
    assert boxes[1] == (72.0, 300.0, 372.0, 500.0)
    assert boxes[2] == (300.0, 0.0, 612.0, 400.0)  # (inner and outer, page space)
    assert boxes[3] == (0.0, 0.0, 612.0, 400.0)
    assert boxes[4] == (72.0, 300.0, 472.0, 500.0)
    assert boxes[5] == (100.0, -50.0, 400.0, 300.0)  # (the curve's control points)


def _with_forms(path: Path, page_ops: list[str], forms: dict[str, str]) -> Path:
    """:func:`helvetica_page` drawing ``page_ops``, with Form XObjects (their own Helvetica)
    drawing ``forms[name]`` in page space."""
    helvetica_page(path, page_ops)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        xobjects = pikepdf.Dictionary()
        for name, ops in forms.items():
            form = pikepdf.Stream(pdf, ops.encode())
            form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
            form.BBox = [0, 0, 612, 792]
            form.Resources = pikepdf.Dictionary(Font=page.Resources.Font)
            xobjects[name] = pdf.make_indirect(form)
        page.Resources.XObject = xobjects
        pdf.save(path)
    return path


def test_a_form_its_clip_hides_wholly_is_an_artifact(tmp_path: Path) -> None:
    # The clip in force where /Fm0 is painted hides all it draws: an artifact. /Fm1 shows one
    # line and has one hidden: its Do, tagged whole with what it shows, keeps both read (so
    # the tagged output reads back as the model). The clips inside a form are not asked.
    path = _with_forms(tmp_path / "form.pdf", [
        *_prose(), "q 0 0 612 400 re W n /Fm0 Do Q", "q 0 0 612 400 re W n /Fm1 Do Q",
    ], {
        "/Fm0": "BT /F1 11 Tf 72 500 Td (Caption hidden wholly) Tj ET",
        "/Fm1": "BT /F1 11 Tf 72 300 Td (Form line shown) Tj ET "
                "BT /F1 11 Tf 72 520 Td (Form line kept) Tj ET "
                "q 0 0 300 792 re W n BT /F1 11 Tf 400 200 Td (Inner clipped) Tj ET Q",
    })
    doc = read_layout(path, max_pages=5)
    words = _words(doc)
    assert "Caption" not in words and "wholly" not in words
    assert "shown" in words and "kept" in words and "Inner" in words
    (hidden,) = [a for a in doc.artifacts if "Caption" in a.text]
    assert hidden.text == "Caption hidden wholly" and hidden.prov[0].operators
    _tagged_as_drawn(path, doc)


def test_the_glyphs_clips_hide_are_found_alike_in_c_and_python() -> None:
    """clipped.hidden_glyphs (C where built) finds the glyphs the Python loop finds: glyphs of
    objects clipped or not (or with no clip known), inside, outside by less and by more than
    their tolerance (the share of a large size or the points of a small one), on the edge,
    spaces and words, a NaN among the coordinates; a value that is no float is left to
    Python."""
    chooser = random.Random(11)
    clips: dict[int, tuple[float, float, float, float] | None] = {
        0: (100.0, 100.0, 300.0, 400.0), 1: (0.0, 0.0, 50.0, 50.0), 2: None,
        3: (200.0, 200.0, 200.5, 201.0),
    }
    found = {"none": 0, "some": 0}
    for _ in range(300):
        page = []
        for _ in range(chooser.randrange(0, 12)):
            x0 = float(chooser.choice([0, 49.5, 51.0, 98.9, 99.5, 100, 150, 299, 301.5, 320]))
            y0 = float(chooser.choice([0, 49.5, 60, 99, 150, 399.5, 401, 420]))
            if chooser.random() < 0.02:
                x0 = math.nan
            size = chooser.choice([4.0, 9.0, 10.0, 30.0])
            page.append(Glyph(chooser.choice(["a", " ", "b", "\u00a0"]), x0, y0,
                              x0 + chooser.choice([0.0, 0.5, 6.0]), y0 + 8.0, size, False,
                              "F1", chooser.randrange(-1, 5), -1))
        fast = clipped.hidden_glyphs(page, clips)
        assert fast == clipped._python_hidden_glyphs(page, clips)
        found["none" if fast is None else "some"] += 1
    assert found["none"] > 30 and found["some"] > 30
    odd = [Glyph("a", 10, 10, 16, 20, 11, False, "F1", 1, -1)]  # (ints: left to Python)
    assert clipped._accelerator is not None
    assert clipped._accelerator.clip_hidden(odd, clips, 1.0, 0.1) is NotImplemented
    assert clipped.hidden_glyphs(odd, clips) == clipped._python_hidden_glyphs(odd, clips)
    assert clipped._accelerator.clip_hidden([], {1: (1, 2, 3, 4)}, 1.0, 0.1) is None
