"""The tagger's and the checks' fast paths give what the plain ways gave: operators read once,
text read back by MCID in runs, forms without marks left unparsed, characters counted."""

from __future__ import annotations

import unicodedata
from collections import Counter
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from workers.engine.layout.glyphs import read_page
from workers.engine.layout.lines import clean
from workers.engine.tagged_pdf.checks import _content_check, decomposed, normal_counts
from workers.engine.tagged_pdf.marked_content import (
    INLINE_IMAGE,
    is_painting,
    read_operators,
    strip_form_marks,
    xobject_names,
)
from workers.engine.tagged_pdf.mcid_text import page_text_by_mcid

from .conftest import HtmlPdf, tag_and_check

#: A 2x2 grey inline image: painting that is no operator with a name of its own.
INLINE = b"q 20 0 0 20 300 500 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x80\x80\x80\x80 EI Q"


def _font(pdf: pikepdf.Pdf) -> pikepdf.Object:
    return pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))


def _form(pdf: pikepdf.Pdf, content: bytes, font: pikepdf.Object) -> pikepdf.Stream:
    form = pdf.make_stream(content)
    form.Type = pikepdf.Name.XObject
    form.Subtype = pikepdf.Name.Form
    form.BBox = [0, 0, 595, 842]
    form.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    return form


def tricky_source(path: Path) -> Path:
    """Two pages that take each fast path: page 1's content is an array of two streams (a text
    object continues into the second) with an inline image; both pages paint one Form
    XObject that holds text, page 2 also a form carrying the author's old marks."""
    pdf = pikepdf.new()
    font = _font(pdf)
    shared = _form(pdf, b"BT /F1 12 Tf 72 600 Td (Shared notice text) Tj ET", font)
    marked = _form(
        pdf, b"/P << /MCID 7 >> BDC BT /F1 12 Tf 72 500 Td (Old tags inside) Tj ET EMC", font
    )
    for _ in range(2):
        pdf.add_blank_page(page_size=(595, 842))
    first, second = pdf.pages
    for page in (first, second):
        page.obj.Resources = pikepdf.Dictionary(
            Font=pikepdf.Dictionary(F1=font),
            XObject=pikepdf.Dictionary(Fm0=shared, Fm1=marked),
        )
    first.obj.Contents = pikepdf.Array([
        pdf.make_stream(b"BT /F1 18 Tf 72 760 Td (Road closures) Tj 0 -30 Td"),
        pdf.make_stream(b"/F1 12 Tf (The bridge is shut on Sunday.) Tj ET " + INLINE
                        + b" q /Fm0 Do Q"),
    ])
    second.obj.Contents = pdf.make_stream(
        b"BT /F1 12 Tf 72 760 Td (Second page words) Tj ET q /Fm0 Do Q q /Fm1 Do Q"
    )
    pdf.save(path)
    return path


def test_operators_read_once_agree_with_is_painting(tmp_path: Path) -> None:
    with pikepdf.open(tricky_source(tmp_path / "source.pdf")) as pdf:
        for page in pdf.pages:
            instructions = list(pikepdf.parse_content_stream(page))
            names = xobject_names(page.obj.get("/Resources"))
            operators = read_operators(instructions, names)
            assert operators.painting == [is_painting(i, names) for i in instructions]
            assert len(operators.names) == len(instructions)
        first = read_operators(list(pikepdf.parse_content_stream(pdf.pages[0])),
                               xobject_names(pdf.pages[0].obj.get("/Resources")))
    assert INLINE_IMAGE in first.names  # the inline image of the second stream
    assert first.names.count("Tj") == 2  # one text object over the two streams
    # A Do of a name the resources do not have paints nothing.
    unknown = pikepdf.ContentStreamInstruction([pikepdf.Name("/Nope")], pikepdf.Operator("Do"))
    assert read_operators([unknown], frozenset({"/Fm0"})).painting == [False]


def test_tricky_source_is_tagged_and_reads_back_whole(tmp_path: Path) -> None:
    result = tag_and_check(tricky_source(tmp_path / "source.pdf"))

    assert result.check("pixels")["passed"], result.report
    assert result.check("content-tagged")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    with pikepdf.open(result.output) as pdf:
        assert pdf.pdf_version >= "1.5"  # written with object streams


def _reference_by_mcid(document: pdfium.PdfDocument, index: int) -> dict[int, str]:
    """The same grouping from the layout reader's full glyphs (what the checks used before)."""
    page = read_page(document, index)
    out: dict[int, list[str]] = {}
    for glyph in page.glyphs:
        mcid = glyph.mcid
        if mcid < 0 and 0 <= glyph.obj < len(page.object_mcids):
            mcid = page.object_mcids[glyph.obj]
        if mcid >= 0:
            out.setdefault(mcid, []).append(glyph.char)
    return {mcid: "".join(chars) for mcid, chars in out.items()}


def test_text_by_mcid_matches_the_layout_reader(tmp_path: Path) -> None:
    # A form painted on two pages inside different MCIDs, a wide gap pdfium reads as a
    # generated space, text outside any MCID, and a content array split mid text object.
    pdf = pikepdf.new()
    font = _font(pdf)
    form = _form(pdf, b"BT /F1 12 Tf 72 600 Td (Inside the form) Tj ET", font)
    for _ in range(2):
        pdf.add_blank_page(page_size=(595, 842))
    for page in pdf.pages:
        page.obj.Resources = pikepdf.Dictionary(
            Font=pikepdf.Dictionary(F1=font), XObject=pikepdf.Dictionary(Fm0=form)
        )
    pdf.pages[0].obj.Contents = pikepdf.Array([
        pdf.make_stream(b"/P << /MCID 0 >> BDC BT /F1 12 Tf 72 760 Td [(Left) -4000 (Right)] TJ"),
        pdf.make_stream(b" ET EMC /P << /MCID 1 >> BDC q /Fm0 Do Q EMC "
                        b"BT /F1 12 Tf 72 400 Td (Unmarked) Tj ET"),
    ])
    pdf.pages[1].obj.Contents = pdf.make_stream(
        b"/Artifact BMC BT /F1 9 Tf 72 40 Td (Page 2) Tj ET EMC "
        b"/P << /MCID 5 >> BDC q /Fm0 Do Q EMC"
    )
    path = tmp_path / "marked.pdf"
    pdf.save(path)

    document = pdfium.PdfDocument(str(path))
    try:
        pages = [
            {mcid: "".join(runs) for mcid, runs in page_text_by_mcid(document, i).items()}
            for i in range(2)
        ]
        assert pages == [_reference_by_mcid(document, i) for i in range(2)]
    finally:
        document.close()
    assert pages[0][0].split() == ["Left", "Right"]  # pdfium's generated space kept
    assert pages[0][1] == pages[1][5] == "Inside the form"  # the form takes each page's MCID
    assert "Unmarked" not in "".join(pages[0].values())


def test_forms_without_marks_are_left_as_they_were(tmp_path: Path) -> None:
    pdf = pikepdf.new()
    font = _font(pdf)
    # "/MPx" holds the letters of a marked point (MP) but is a name: parsed, nothing dropped.
    plain = _form(pdf, b"BT /F1 12 Tf 72 600 Td (No marks) Tj ET", font)
    named = _form(pdf, b"/MPx gs BT /F1 12 Tf 72 600 Td (A name) Tj ET", font)
    marked = _form(pdf, b"/OC /oc1 BDC /Span << /MCID 3 >> BDC BT /F1 12 Tf (Old) Tj ET "
                        b"EMC EMC 0 0 m /Tag MP", font)
    point = _form(pdf, b"/Tag << /MCID 2 >> DP BT /F1 12 Tf (Point) Tj ET", font)
    pdf.add_blank_page()
    pdf.pages[0].obj.Resources = pikepdf.Dictionary(
        XObject=pikepdf.Dictionary(Fm0=plain, Fm1=named, Fm2=marked, Fm3=point)
    )
    before = {name: form.read_bytes() for name, form in (("plain", plain), ("named", named))}

    assert strip_form_marks(pdf) == 2

    assert "DP" not in [str(i.operator) for i in pikepdf.parse_content_stream(point)]

    assert plain.read_bytes() == before["plain"] and named.read_bytes() == before["named"]
    ops = [str(i.operator) for i in pikepdf.parse_content_stream(marked)]
    assert ops.count("BDC") == 1 and ops.count("EMC") == 1 and "MP" not in ops  # /OC kept


def test_content_check_counts_unmarked_painting_whether_parsed_whole_or_filtered() -> None:
    # The content check asks qpdf for marked-content and painting instructions only, and
    # parses everything where an inline image may be (it has no operator to ask for).
    pdf = pikepdf.new()
    font = _font(pdf)
    marked = b"/Artifact BMC BT /F1 12 Tf 72 760 Td (Kept apart) Tj ET EMC "
    contents = [
        [marked + b"q 0 0 10 10 re f Q BT /F1 9 Tf (Loose) Tj ET"],  # two unmarked: filtered
        [marked + INLINE],  # an unmarked inline image: parsed whole
        [marked + b"/Artifact BMC " + INLINE + b" EMC", b"0 0 m 5 5 l S"],  # whole: one
    ]
    for streams in contents:
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
        page.obj.Contents = pikepdf.Array([pdf.make_stream(data) for data in streams])

    check = _content_check(pdf)

    assert not check["passed"]
    assert str(check["detail"]).startswith("4 painting operator(s) neither tagged nor")
    assert str(check["detail"]).endswith("pages 1, 2, 3")


def _plain_normal(text: str) -> str:
    """The character filter as written before counting came first (the reference)."""
    text = decomposed(clean(text))
    return "".join(ch for ch in text if ch.isalnum() or (
        not ch.isspace() and ch not in "-\u00ad" and unicodedata.category(ch)[0] in "PSM"))


def test_character_counts_match_the_plain_filter() -> None:
    samples = [
        "", "   ", "Co-op\u00ad erative  £12.50 (VAT)", "ﬁnal ﬂow ①②", "مرحبا بالعالم",
        "tab\tand\x07bell", "über – „quoted“ — ok?", "Laszl\u00b4o na\u00a8\u0131ve",
        "x" * 50 + "\u200b",
    ]
    for text in samples:
        assert normal_counts(text) == Counter(_plain_normal(text)), text
    assert not normal_counts(" - \u00ad ")


def test_links_are_described_from_their_own_page(html_pdf: HtmlPdf) -> None:
    # Two links at the same place on two pages: each is described by the text under it on
    # its own page (the model's links are looked up by page).
    source = html_pdf(
        '<p><a href="https://example.org/a">Timetable for buses</a></p>'
        '<p style="break-before: page"><a href="https://example.org/b">Map of the routes</a></p>'
    )
    with pikepdf.open(source) as pdf:
        for page in pdf.pages:
            for annot in page.obj.get("/Annots", []):
                if "/Contents" in annot:
                    del annot["/Contents"]
        pdf.save(source.with_name("links.pdf"))

    result = tag_and_check(source.with_name("links.pdf"))

    assert result.check("annotations")["passed"], result.report
    with pikepdf.open(result.output) as pdf:
        described = [[str(a.Contents) for a in page.obj.Annots] for page in pdf.pages]
    assert described == [["Timetable for buses (https://example.org/a)"],
                         ["Map of the routes (https://example.org/b)"]]


def test_the_faster_compression_is_for_the_output_only_and_the_collector_runs_again(
    html_pdf: HtmlPdf,
) -> None:
    import gc
    import io
    import zlib

    from workers.engine.tagged_pdf.tagger import flate_level

    def saved_size(level: int | None) -> int:
        pdf = pikepdf.new()
        pdf.add_blank_page()
        # Text that zlib's levels compress to different sizes.
        words = [b"%d" % (n * n % 9973) for n in range(30000)]
        pdf.pages[0].obj.Contents = pdf.make_stream(b" ".join(words))
        buffer = io.BytesIO()
        if level is None:
            pdf.save(buffer)
        else:
            with flate_level(level):  # type: ignore[arg-type]
                pdf.save(buffer)
        return len(buffer.getvalue())

    data = b" ".join(b"%d" % (n * n % 9973) for n in range(30000))
    assert len(zlib.compress(data, 1)) != len(zlib.compress(data, 6))  # the test means something
    default = saved_size(None)
    assert saved_size(1) > default
    assert saved_size(None) == default  # set back to zlib's default afterwards

    gc.enable()
    result = tag_and_check(html_pdf("<p>One paragraph.</p>"))
    assert result.check("pixels")["passed"], result.report
    assert gc.isenabled()
