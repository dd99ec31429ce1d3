"""A list bulleted with the letter "o" set in a face of its own (a word processor's
second-level bullet), which the layout reader reads as the "◦" it stands for
(:mod:`workers.engine.layout.letter_bullets`). Tagged ``Lbl``, the label would read "o"
where the model says "◦" (the text-fidelity check fails, as it must: no /ActualText may
say other characters than drawn). So the label is decoration, an artifact, as a bullet
drawn as a shape is; the list says its bullets by ``/ListNumbering /Circle``. A bullet
that draws the sign the model reads ("•" set in a font) stays a ``Lbl``."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from workers.engine.analyse import analyse
from workers.engine.document import ListItem
from workers.engine.tagged_pdf.checks import check_tagged_pdf
from workers.engine.tagged_pdf.plan import plan_structure
from workers.engine.tagged_pdf.source_pages import SourcePages
from workers.engine.tagged_pdf.stand_in_labels import LAYOUT_STAND_INS, stand_in_labels
from workers.engine.tagged_pdf.tagger import tag_pdf

from ..analysis.test_letter_bullets_over_pages import _pages_pdf, _text

ITEMS = ["OpenACC worker parallelism for the new graphics cards",
         "Data privatization and sharing at the gang level",
         "Considerable improvements for the kernels decomposition"]


def _source(path: Path, bullet: bytes) -> Path:
    """``bullet``: the label's code in WinAnsiEncoding, set in Courier (``/F2``)."""
    ops = [_text("F1", 72, 700, "In addition to general performance tuning, new features:")]
    for k, item in enumerate(ITEMS):
        y = 680 - 16 * k
        ops += [b"BT /F2 10 Tf 88 %d Td (%s) Tj ET" % (y, bullet), _text("F1", 106, y, item)]
    ops.append(_text("F1", 72, 600, "The offload target code generation can be adjusted."))
    return _pages_pdf(path, [ops])


def _lists(content: bytes) -> list[tuple[object, int]]:
    """Each written ``L``: its /ListNumbering, and how many of its items have a ``Lbl``."""
    out = []
    with pikepdf.open(io.BytesIO(content)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/L":
                kids = obj.K if isinstance(obj.K, pikepdf.Array) else [obj.K]
                labelled = sum(
                    1 for li in kids
                    for kid in (li.K if isinstance(li.K, pikepdf.Array) else [li.K])
                    if isinstance(kid, pikepdf.Dictionary) and kid.get("/S") == "/Lbl"
                )
                attributes = obj.get("/A")
                out.append((attributes.get("/ListNumbering") if attributes else None, labelled))
    return out


def _tag(source: Path) -> tuple[bytes, dict[str, dict[str, object]]]:
    document = analyse(source, max_pages=5)
    assert [item.text for item in document.walk() if isinstance(item, ListItem)] == ITEMS
    tagged = tag_pdf(source, document)
    report = check_tagged_pdf(tagged.content, source=source,
                              expected_texts=tagged.expected_texts)
    return tagged.content, {str(c["id"]): c for c in report["checks"]}  # type: ignore[union-attr]


def test_letter_bullets_are_decoration_and_the_list_says_circle(tmp_path: Path) -> None:
    content, checks = _tag(_source(tmp_path / "o.pdf", b"o"))
    assert checks["text-fidelity"]["passed"], checks["text-fidelity"]["detail"]
    assert checks["content-tagged"]["passed"] and checks["pixels"]["passed"]
    assert _lists(content) == [("/Circle", 0)]


def test_bullets_drawn_as_the_sign_read_stay_labels(tmp_path: Path) -> None:
    content, checks = _tag(_source(tmp_path / "bullet.pdf", b"\x95"))  # "•"
    assert checks["text-fidelity"]["passed"], checks["text-fidelity"]["detail"]
    assert _lists(content) == [(None, 3)]


def test_only_labels_the_layout_reader_reads_for_letters_are_looked_at(tmp_path: Path) -> None:
    """In a layout model a "•" label draws what it reads (the reader reads a letter as a sign
    only for a letter bullet, "◦"): its page is not loaded to look at its glyph. Asked about
    any sign (a model from another reader), the page is read."""
    source = _source(tmp_path / "bullet.pdf", b"\x95")
    document = analyse(source, max_pages=5)
    assert document.reader == "layout"
    pdfium_source = pdfium.PdfDocument(str(source))
    try:
        for signs, loaded in ((LAYOUT_STAND_INS, []), (None, [0])):
            with SourcePages(pdfium_source) as pages:
                assert stand_in_labels(plan_structure(document), pages, may_stand_for=signs) == []
                assert pages.loaded == loaded
    finally:
        pdfium_source.close()


def test_letter_bullets_are_found_among_the_layout_readers_signs(tmp_path: Path) -> None:
    source = _source(tmp_path / "o.pdf", b"o")
    document = analyse(source, max_pages=5)
    pdfium_source = pdfium.PdfDocument(str(source))
    try:
        with SourcePages(pdfium_source) as pages:
            found = stand_in_labels(plan_structure(document), pages, may_stand_for=LAYOUT_STAND_INS)
            assert [label.text for label in found] == ["\u25e6"] * len(ITEMS)
    finally:
        pdfium_source.close()
