"""Damaged input found by ``bench/fuzz.py``, drawn small: each is converted with bounded
work, or refused with one of the engine's own errors, never an unexpected exception."""

from __future__ import annotations

import io
import random
import time
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest

from workers.engine.analyse import analyse
from workers.engine.errors import DocumentTooComplexError
from workers.engine.layout import lines
from workers.engine.layout.lines import MAX_MERGED_PIECES
from workers.engine.render_html import build_html
from workers.engine.tagged_pdf.checks import check_tagged_pdf, render_page
from workers.engine.tagged_pdf.tagger import tag_pdf

from .content_pdfs import text_page, text_page_pdf, text_pages_pdf
from .tagged_pdf.test_notdef_glyphs import spaced_pdf


def _convert(path: Path) -> None:
    document = analyse(path, max_pages=10)
    tag_pdf(path, document)
    build_html(document, source=path)


def test_thousands_of_scattered_letters_are_read_in_bounded_time(tmp_path: Path) -> None:
    # One-letter runs all over a page chain into one line group of thousands of pieces:
    # each neighbour's column was a scan of the group, and each merge re-read the whole
    # fragment (its size and band). Minutes.
    rng = random.Random(7)
    runs = [
        f"1 0 0 1 {rng.uniform(0, 590):.2f} {rng.uniform(0, 840):.2f} Tm ({chr(97 + k % 26)}) Tj"
        .encode() for k in range(10_000)
    ]
    path = text_page_pdf(tmp_path / "scattered.pdf", [b"BT /F1 4 Tf", *runs, b"ET"])
    started = time.monotonic()
    document = analyse(path, max_pages=10)
    assert time.monotonic() - started < 30
    assert document.blocks


def test_thousands_of_one_letter_blocks_are_read_in_bounded_time(tmp_path: Path) -> None:
    # Letters set apart, each a block of its own: side notes, margin lines, the last page's
    # lowest lines and letter bullets were each checked against every block of the page
    # (45 s for these 20,000; minutes for more).
    runs = [
        f"1 0 0 1 {5 + 5.9 * (k % 200):.2f} {5 + 8.3 * (k // 200):.2f} Tm ({chr(97 + k % 26)}) Tj"
        .encode() for k in range(20_000)
    ]
    path = text_page_pdf(tmp_path / "letters.pdf", [b"BT /F1 1 Tf", *runs, b"ET"],
                         size=(1190, 842))
    started = time.monotonic()
    document = analyse(path, max_pages=10)
    assert time.monotonic() - started < 25
    assert len(document.blocks) > 1000


def _letters_in_a_band(path: Path, count: int) -> Path:
    # One-letter runs at 1 pt scattered along a band two points high: one line group, whose
    # pieces all lie side by side within a fragment gap of the next.
    rng = random.Random(7)
    runs = [
        f"1 0 0 1 {rng.uniform(0, 590):.2f} {400 + rng.uniform(0, 2):.2f} Tm "
        f"({chr(97 + k % 26)}) Tj".encode() for k in range(count)
    ]
    return text_page_pdf(path, [b"BT /F1 1 Tf", *runs, b"ET"])


@pytest.mark.parametrize("in_c", [True, False], ids=["c", "python"])
def test_a_line_of_too_many_pieces_is_read_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_c: bool
) -> None:
    # The limit on pieces merged into one fragment keeps the line's reading bounded, but the
    # line is read otherwise than it would be: staff are told, on the page it was reached on
    # (by lines.py and by _fragments.c alike).
    if not in_c:
        monkeypatch.setattr(lines, "_accelerator", None)
    count = 3 * MAX_MERGED_PIECES
    document = analyse(_letters_in_a_band(tmp_path / "band.pdf", count), max_pages=10)
    limits = [w for w in document.warnings if w.code == "line-pieces-limit"]
    assert [w.page for w in limits] == [0]
    assert "scattered letters" in limits[0].message
    assert sum(ch.isalpha() for b in document.blocks for ch in b.text) == count  # all read


def test_a_line_under_the_piece_limit_has_no_warning(tmp_path: Path) -> None:
    document = analyse(_letters_in_a_band(tmp_path / "band.pdf", MAX_MERGED_PIECES // 2),
                       max_pages=10)
    assert not [w for w in document.warnings if w.code == "line-pieces-limit"]


def test_letters_repeated_in_the_margins_of_every_page_are_read_in_bounded_time(
    tmp_path: Path,
) -> None:
    # The same scattered letters on each of three pages: those in the margin bands repeat
    # at their places, as running headers do, and each was checked against every block of
    # its page for being set in the body's lines (38 s for these 30,000; minutes for more).
    rng = random.Random(7)
    runs = [
        f"1 0 0 1 {rng.uniform(0, 600):.2f} {rng.uniform(0, 792):.2f} Tm "
        f"({chr(97 + k % 26)}) Tj".encode() for k in range(10_000)
    ]
    path = text_pages_pdf(tmp_path / "margins.pdf", [[b"BT /F1 0.1 Tf", *runs, b"ET"]] * 3)
    started = time.monotonic()
    document = analyse(path, max_pages=10)
    assert time.monotonic() - started < 20  # (5 s with the index)
    assert len(document.artifacts) > 10_000  # (the letters the pages repeat: furniture)


def test_a_font_whose_subtype_is_no_name_is_converted(tmp_path: Path) -> None:
    pdf, page = text_page(b"BT /F1 12 Tf 72 720 Td (Bin collections) Tj ET")
    page.obj.Resources.Font.F1.Subtype = pikepdf.Dictionary()
    path = tmp_path / "subtype.pdf"
    pdf.save(path)
    _convert(path)  # (tagging looked the dictionary up in a set of names: TypeError)


def test_a_crop_box_off_the_media_box_is_converted(tmp_path: Path) -> None:
    pdf, page = text_page(b"BT /F1 12 Tf 72 720 Td (Bin collections) Tj ET")
    page.obj.CropBox = pikepdf.Array([5000, 5000, 6000, 6000])  # no area on the page
    path = tmp_path / "crop.pdf"
    pdf.save(path)
    _convert(path)
    source = pdfium.PdfDocument(str(path))
    try:
        # Rendered to prove a repair drew nothing differently (pypdfium2 refused to render
        # a page with no area: ValueError); nothing shows, before or after.
        assert render_page(source, 0) == b""
    finally:
        source.close()


def test_a_page_too_large_to_render_is_refused_clearly(tmp_path: Path) -> None:
    pdf, page = text_page(b"BT /F1 12 Tf 72 720 Td (Bin collections) Tj ET")
    page.obj.MediaBox = pikepdf.Array([0, 0, 1e9, 1e9])
    path = tmp_path / "huge.pdf"
    pdf.save(path)
    source = pdfium.PdfDocument(str(path))
    try:
        # Rendered to prove a repair drew nothing differently: its bitmap would take more
        # memory than any conversion may (MemoryError, or the worker killed).
        with pytest.raises(DocumentTooComplexError):
            render_page(source, 0)
    finally:
        source.close()


def test_a_page_too_large_to_compare_fails_the_pixel_check_clearly(tmp_path: Path) -> None:
    # The tagged PDF is made (tagging changes no page box); only the proof that it renders
    # as the source does cannot be made for the huge page. The check report says so, and
    # the conversion goes to staff instead of failing (document-too-complex).
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding))
    for box in ([0, 0, 595, 842], [0, 0, 1e9, 1e9]):
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.MediaBox = pikepdf.Array(box)
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pdf.make_stream(b"BT /F1 12 Tf 72 720 Td (Bin collections) Tj ET")
    path = tmp_path / "huge.pdf"
    pdf.save(path)
    document = analyse(path, max_pages=10)
    tagged = tag_pdf(path, document)
    report = check_tagged_pdf(tagged.content, source=path, expected_texts=tagged.expected_texts)
    checks = report["checks"]
    assert isinstance(checks, list)
    pixels = next(c for c in checks if c["id"] == "pixels")
    assert not pixels["passed"] and not report["passed"]
    assert pixels["detail"].startswith("page 2 not compared: 1000000000 x 1000000000 pixels")


def test_a_page_too_large_to_render_is_tagged_with_its_operators_whole(tmp_path: Path) -> None:
    # Each text operator draws two blocks (a column's line and, far right, the next
    # column's): tagging cuts them, and a cut is proved by rendering the page before and
    # after. No render of this page can be made, so nothing is cut (the tagging raised
    # document-too-complex, and its fallback ran out of memory rendering the page).
    pdf, page = text_page(
        b"BT /F1 12 Tf 72 720 Td [(Bin collections) -30000 (Recycling day)] TJ "
        b"0 -14 Td [(are weekly in town) -30000 (is every Monday)] TJ ET")
    page.obj.MediaBox = pikepdf.Array([0, 0, 1e9, 1e9])
    path = tmp_path / "huge-split.pdf"
    pdf.save(path)
    document = analyse(path, max_pages=10)
    tagged = tag_pdf(path, document)
    assert any("too large to render" in note for note in tagged.notes)
    with pikepdf.open(io.BytesIO(tagged.content)) as out:
        operators = [str(op) for _, op in pikepdf.parse_content_stream(out.pages[0])]
    assert operators.count("TJ") == 2  # (both kept whole)


def _form_page(tmp_path: Path, name: str, form_content: bytes, *, depth: int = 0) -> Path:
    """A page of text that also draws a form XObject of ``form_content`` (with the page's
    font), nested in ``depth`` more forms."""
    pdf, page = text_page(b"BT /F1 12 Tf 72 720 Td (Bin collections) Tj ET\nq /Fm Do Q")
    form = pdf.make_stream(form_content, Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
                           BBox=[0, 0, 595, 842], Resources=page.obj.Resources)
    for _ in range(depth):
        form = pdf.make_stream(b"q /Fn Do Q", Type=pikepdf.Name.XObject,
                               Subtype=pikepdf.Name.Form, BBox=[0, 0, 595, 842],
                               Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fn=form)))
    page.obj.Resources.XObject = pikepdf.Dictionary(Fm=form)
    path = tmp_path / name
    pdf.save(path)
    return path


def _convert_and_check(path: Path) -> dict[str, object]:
    document = analyse(path, max_pages=10)
    tagged = tag_pdf(path, document)
    return check_tagged_pdf(tagged.content, source=path, expected_texts=tagged.expected_texts)


def test_forms_nested_thousands_deep_are_checked(tmp_path: Path) -> None:
    # The check that every font is embedded walked each form's resources by calling itself
    # for the next form: RecursionError at 2,000 deep, a conversion failed as our defect.
    path = _form_page(tmp_path, "deep.pdf", b"BT /F1 10 Tf 72 600 Td (deep) Tj ET", depth=2000)
    report = _convert_and_check(path)
    checks = report["checks"]
    assert isinstance(checks, list)
    assert {c["id"] for c in checks} >= {"fonts-embedded", "pixels"}


def test_an_operator_of_bytes_no_text_reads_as_is_checked(tmp_path: Path) -> None:
    # A tagged source whose tags are kept draws a damaged form outside any tagged sequence;
    # the form opens with an operator whose bytes are no UTF-8 (b"\xa9x"), and pikepdf's
    # str() of it raised UnicodeDecodeError in the check of what the form paints.
    pdf, _ = text_page(b"BT /F1 12 Tf 72 720 Td (Bin collections are weekly) Tj ET")
    source = tmp_path / "source.pdf"
    pdf.save(source)
    tagged = tag_pdf(source, analyse(source, max_pages=10))  # sound tags, kept when read
    with pikepdf.open(io.BytesIO(tagged.content)) as out:
        page = out.pages[0]
        page.obj.Resources.XObject = pikepdf.Dictionary(Fm=out.make_stream(
            b"\xa9x 0 0 50 50 re f", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form,
            BBox=[0, 0, 595, 842]))
        page.contents_coalesce()
        page.obj.Contents = out.make_stream(
            page.obj.Contents.read_bytes() + b"\n/Span BMC q /Fm Do Q EMC\n")
        path = tmp_path / "operator.pdf"
        out.save(path)
    checks = _convert_and_check(path)["checks"]
    assert isinstance(checks, list)
    content = next(c for c in checks if c["id"] == "content-tagged")
    assert not content["passed"]  # (the form's painting: neither tagged nor an artifact)


def test_a_font_name_of_bytes_no_text_reads_as_is_converted(tmp_path: Path) -> None:
    # A damaged stream sets a font by a name whose bytes are no UTF-8 (/\xa61): pikepdf's
    # str() of the name raised UnicodeDecodeError where the check lists the codes each CID
    # font shows (to find text drawn with CID 0).
    path = spaced_pdf(tmp_path / "cid.pdf")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        page.obj.Contents = pdf.make_stream(
            page.obj.Contents.read_bytes() + b"\nBT /\xa61 8 Tf ET\n")
        pdf.save(path)
    checks = _convert_and_check(path)["checks"]
    assert isinstance(checks, list)
    assert any(c["id"] == "fonts-notdef" for c in checks)


def test_a_link_element_inside_itself_is_read_once(tmp_path: Path) -> None:
    # A damaged structure tree: a Link element whose kids are itself and the tree's root.
    # Each turn of the loop gathered the link's text again, down to the depth limit (and
    # through the whole tree at every level): minutes for one page.
    content = b"".join(
        b"/P <</MCID %d>> BDC BT /F1 12 Tf 72 %d Td (Line %d of the page) Tj ET EMC\n"
        % (k, 780 - 14 * k, k) for k in range(40)
    )
    pdf, page = text_page(content)
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    paragraphs = [pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=root, Pg=page.obj, K=k,
    )) for k in range(40)]
    link = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.Link, P=root, Pg=page.obj,
    ))
    link.K = pikepdf.Array([link, root, *paragraphs[:3]])
    root.K = pikepdf.Array([*paragraphs, link])
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
    path = tmp_path / "link-loop.pdf"
    pdf.save(path)
    started = time.monotonic()
    document = analyse(path, max_pages=10)
    assert time.monotonic() - started < 3  # (8 s before, on a fast machine)
    assert [w.code for w in document.warnings if w.code == "structure-loop"] == [
        "structure-loop"]
    assert "Line 39 of the page" in " ".join(b.text for b in document.walk() if hasattr(b, "text"))
