"""A Form XObject drawing several blocks: each block's element reads its own text, through
marked content inside a per-painting copy of the form, and the pages look the same."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pypdfium2.raw as c
import pytest

from workers.engine.document import BBox, Figure
from workers.engine.layout.form_space import object_matrix
from workers.engine.layout.glyphs import read_page
from workers.engine.structure.reader import read_structure
from workers.engine.tagged_pdf import form_content
from workers.engine.tagged_pdf.checks import read_tagged_text

from .conftest import pdfua_check, tag_and_check
from .test_split_text import ROWS, one_operator_per_row

FIRST = [
    "Rivers and lakes are drawn from the national hydrography data set, which",
    "is updated every spring by the provinces and published for free reuse.",
    "Each feature keeps the identifier it had in the source survey records.",
]
SECOND = [
    "Coastlines come from a separate survey with a different update schedule,",
    "so the two layers can disagree by a few metres where they meet at river",
    "mouths; the catalogue lists every known difference of that kind here.",
]


def _form_lines() -> bytes:
    lines = [b"BT /F1 18 Tf 72 760 Td (Hydrography data) Tj ET"]
    y = 720
    for paragraph in (FIRST, SECOND):
        for line in paragraph:
            lines.append(f"BT /F1 11 Tf 72 {y} Td ({line}) Tj ET".encode())
            y -= 15
        y -= 30
    return b"\n".join(lines)


def _checkerboard(pdf: pikepdf.Pdf) -> pikepdf.Stream:
    """A 64 x 64 RGB image with edges (a picture, not decoration)."""
    side = 64
    pixels = bytes(
        value
        for y in range(side) for x in range(side)
        for value in ((255, 255, 255) if (x // 8 + y // 8) % 2 else (40, 90, 160))
    )
    return pdf.make_stream(
        zlib.compress(pixels), Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
        Width=side, Height=side, ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8,
        Filter=pikepdf.Name.FlateDecode,
    )


def form_pdf(path: Path, pages: int, *, content: bytes | None = None,
             image: bool = False, shift: int = -10) -> Path:
    """``pages`` pages, each painting the same Form XObject (its text, or ``content``) moved
    ``shift`` points up; ``image``: the form's resources name a picture ``/Im1`` too."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    form = pdf.make_stream(
        content if content is not None else _form_lines(),
        Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 595, 842],
        Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
    )
    if image:
        form.Resources.XObject = pikepdf.Dictionary(Im1=_checkerboard(pdf))
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm1=form))
        page.obj.Contents = pdf.make_stream(f"q 1 0 0 1 0 {shift} cm /Fm1 Do Q".encode())
    pdf.save(path)
    return path


def _forms_marked_inside(content: bytes) -> list[list[bool]]:
    """Per page, for each Form XObject its resources name: whether it has /StructParents."""
    with pikepdf.open(io.BytesIO(content)) as pdf:
        return [["/StructParents" in xobject for xobject in page.obj.Resources.XObject.values()]
                for page in pdf.pages]


def _marked_copy(page: pikepdf.Page) -> pikepdf.Stream:
    """The one form the page paints whose content is marked inside it."""
    (copy,) = [xobject for xobject in page.obj.Resources.XObject.values()
               if "/StructParents" in xobject]
    return copy


def test_each_block_a_form_draws_reads_as_itself(tmp_path: Path) -> None:
    result = tag_and_check(form_pdf(tmp_path / "form.pdf", 1))

    assert result.check("pixels")["passed"], result.report
    assert result.check("content-tagged")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    texts = [text.strip() for text in read_tagged_text(result.tagged.content)]
    assert "Hydrography data" in texts
    assert any(text.startswith("Rivers") and "Coastlines" not in text for text in texts)
    assert any(text.startswith("Coastlines") for text in texts)
    with pikepdf.open(io.BytesIO(result.tagged.content)) as pdf:
        copy = _marked_copy(pdf.pages[0])
        assert b"/MCID" in copy.read_bytes()
        key = int(copy.StructParents)
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        elements = next(nums[k + 1] for k in range(0, len(nums), 2) if int(nums[k]) == key)
        references = [e for e in elements if isinstance(e, pikepdf.Dictionary)]
        assert len(references) >= 3  # the heading and both paragraphs, each its own element
        for element in references:
            kids = element.K if isinstance(element.K, pikepdf.Array) else [element.K]
            assert all(kid.Type == "/MCR" and kid.Stm.objgen == copy.objgen for kid in kids)


def test_a_form_painted_on_two_pages_gets_a_copy_per_page(tmp_path: Path) -> None:
    result = tag_and_check(form_pdf(tmp_path / "twice.pdf", 2))

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    texts = read_tagged_text(result.tagged.content)
    assert sum(text.startswith("Rivers") for text in texts) == 2
    assert sum(text.startswith("Coastlines") for text in texts) == 2
    with pikepdf.open(io.BytesIO(result.tagged.content)) as pdf:
        copies = [_marked_copy(page) for page in pdf.pages]
        assert copies[0].objgen != copies[1].objgen
        assert copies[0].StructParents != copies[1].StructParents


def test_marks_inside_form_copies_are_pdf_ua(tmp_path: Path) -> None:
    result = tag_and_check(form_pdf(tmp_path / "judged.pdf", 2))

    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


def test_a_form_drawing_one_block_is_left_as_it_was(tmp_path: Path) -> None:
    content = b"\n".join(
        f"BT /F1 11 Tf 72 {720 - 15 * k} Td ({line}) Tj ET".encode()
        for k, line in enumerate(FIRST)
    )
    result = tag_and_check(form_pdf(tmp_path / "one.pdf", 1, content=content))

    assert result.check("text-fidelity")["passed"], result.report
    assert _forms_marked_inside(result.tagged.content) == [[False]]


def test_a_text_operator_inside_a_form_is_cut_between_table_cells(tmp_path: Path) -> None:
    with pikepdf.open(one_operator_per_row(tmp_path / "rows.pdf")) as rows:
        content = pikepdf.Page(rows.pages[0]).obj.Contents.read_bytes()
    result = tag_and_check(form_pdf(tmp_path / "form-rows.pdf", 1, content=content))

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    texts = [text.strip() for text in read_tagged_text(result.tagged.content)]
    for row in ROWS:
        for cell in row:
            assert cell in texts, (cell, texts)
    with pikepdf.open(io.BytesIO(result.tagged.content)) as pdf:
        copy = _marked_copy(pdf.pages[0])
        operators = [str(i.operator) for i in pikepdf.parse_content_stream(copy)]
    assert operators.count("TJ") == 3 * len(ROWS)  # one per cell, was one per row


def _picture_between_paragraphs() -> bytes:
    return b"\n".join([
        b"BT /F1 18 Tf 72 760 Td (Hydrography data) Tj ET",
        *(f"BT /F1 11 Tf 72 {720 - 15 * k} Td ({line}) Tj ET".encode()
          for k, line in enumerate(FIRST)),
        b"q 300 0 0 200 72 400 cm /Im1 Do Q",
        *(f"BT /F1 11 Tf 72 {360 - 15 * k} Td ({line}) Tj ET".encode()
          for k, line in enumerate(SECOND)),
    ])


@pytest.mark.parametrize("shift", [-10, -250])
def test_a_picture_inside_a_form_copy_is_read_back_in_its_figure(
    tmp_path: Path, shift: int
) -> None:
    # The copy's Do is painted outside any page sequence: the picture belongs to the Figure
    # through its own sequence inside the copy, and reading the tags back must find it there.
    # Moved far (-250), the picture's box in the form's own space (pdfium's) is nowhere near
    # the Figure: only its box on the page finds it.
    result = tag_and_check(form_pdf(tmp_path / "picture.pdf", 1,
                                    content=_picture_between_paragraphs(), image=True,
                                    shift=shift))

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    assert _forms_marked_inside(result.tagged.content) == [[False, True]]
    (drawn,) = [b for b in result.document.blocks if isinstance(b, Figure)]
    (read,) = [b for b in read_structure(result.output, max_pages=5).blocks
               if isinstance(b, Figure)]
    assert [p.bbox for p in read.prov] == [p.bbox for p in drawn.prov]
    assert read.prov[0].bbox.x1 - read.prov[0].bbox.x0 > 250
    # Where the page shows it (PDF space: the form's y 400-600, moved by ``shift``).
    box = drawn.prov[0].bbox
    assert (box.x0, box.y0, box.x1, box.y1) == (72, 400 + shift, 372, 600 + shift)


def test_an_object_inside_a_form_is_placed_where_the_page_paints_it(tmp_path: Path) -> None:
    path = form_pdf(tmp_path / "moved.pdf", 1, content=_picture_between_paragraphs(),
                    image=True, shift=-250)
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        (form,) = [c.FPDFPage_GetObject(page.raw, k)
                   for k in range(c.FPDFPage_CountObjects(page.raw))]
        inner = form_content._inner_objects(form)
        (picture,) = [obj for obj in inner if form_content._kind(obj) == "image"]
        assert form_content._centre(picture, object_matrix(form)) == (222, 250)
        page.close()
    finally:
        pdf.close()


TITLES = ["Water quality in the northern lakes", "Flood defences along the estuary",
          "Drinking water supply to villages"]


def letterhead_pdf(path: Path) -> Path:
    """Pages each painting a form of their own that draws the running header and the page's
    heading (a letterhead), with the body drawn on the page."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    for number, title in enumerate(TITLES, start=1):
        form = pdf.make_stream(
            b"BT /F1 8 Tf 72 800 Td (RIVERSIDE COUNTY ENVIRONMENT REPORT) Tj ET\n"
            + f"BT /F1 20 Tf 72 740 Td ({title}) Tj ET".encode(),
            Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 595, 842],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
        )
        pdf.add_blank_page(page_size=(595, 842))
        page = pdf.pages[-1]
        page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font),
                                                XObject=pikepdf.Dictionary(Fm1=form))
        body = "\n".join(f"BT /F1 11 Tf 72 {700 - 15 * k} Td ({line}) Tj ET"
                         for k, line in enumerate(FIRST))
        page.obj.Contents = pdf.make_stream(
            f"/Fm1 Do\n{body}\nBT /F1 9 Tf 290 40 Td (Page {number}) Tj ET".encode())
    pdf.save(path)
    return path


def test_a_form_drawing_the_running_header_and_a_heading_marks_the_header_artifact(
    tmp_path: Path,
) -> None:
    result = tag_and_check(letterhead_pdf(tmp_path / "letterhead.pdf"))

    assert [a.kind for a in result.document.artifacts].count("header") == len(TITLES)
    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    texts = [text.strip() for text in read_tagged_text(result.tagged.content)]
    for title in TITLES:
        assert title in texts, texts  # not "RIVERSIDE COUNTY ENVIRONMENT REPORT" + title
    # Each page paints a marked copy of its form (the original kept as it was).
    assert _forms_marked_inside(result.tagged.content) == [[False, True]] * len(TITLES)


def wrapped_form_pdf(path: Path) -> Path:
    """One page painting a form whose content only paints the form of :func:`form_pdf` (a
    chart placed by a wrapper, as LaTeX's graphics do)."""
    form_pdf(path, 1)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        inner = page.obj.Resources.XObject.Fm1
        wrapper = pdf.make_stream(
            b"q 1 0 0 1 0 5 cm /Fx Do Q",
            Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 595, 842],
            Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fx=inner)),
        )
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm1=wrapper))
        pdf.save(path)
    return path


def test_a_form_wrapped_in_another_is_divided_inside_the_wrapped_one(tmp_path: Path) -> None:
    result = tag_and_check(wrapped_form_pdf(tmp_path / "wrapped.pdf"))

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    texts = [text.strip() for text in read_tagged_text(result.tagged.content)]
    assert any(text.startswith("Rivers") and "Coastlines" not in text for text in texts)
    assert any(text.startswith("Coastlines") for text in texts)
    with pikepdf.open(io.BytesIO(result.tagged.content)) as pdf:
        painted = [x for x in pdf.pages[0].obj.Resources.XObject.values()
                   if "/StructParents" not in x and b"/MCID" not in x.read_bytes()]
        copies = [x.Resources.XObject[name] for x in painted
                  for name in x.Resources.XObject.keys() if name != "/Fx"]  # noqa: SIM118
        (copy,) = copies  # the wrapper's copy paints a marked copy of the wrapped form
        assert b"/MCID" in copy.read_bytes() and "/StructParents" in copy
    (verdict,) = pdfua_check(result.output)
    assert verdict["compliant"], verdict


def test_an_object_inside_a_wrapped_form_is_placed_where_the_page_paints_it(
    tmp_path: Path,
) -> None:
    # The page moves the wrapper 250 points down, the wrapper the wrapped form 5 points up.
    path = form_pdf(tmp_path / "moved.pdf", 1, content=_picture_between_paragraphs(),
                    image=True, shift=-250)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        wrapper = pdf.make_stream(
            b"q 1 0 0 1 0 5 cm /Fx Do Q",
            Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Form, BBox=[0, 0, 595, 842],
            Resources=pikepdf.Dictionary(XObject=pikepdf.Dictionary(
                Fx=page.obj.Resources.XObject.Fm1)),
        )
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Fm1=wrapper))
        pdf.save(path)
    document = pdfium.PdfDocument(str(path))
    try:
        page = document[0]
        (form,) = [c.FPDFPage_GetObject(page.raw, k)
                   for k in range(c.FPDFPage_CountObjects(page.raw))]
        (wrapped,) = form_content._inner_objects(form)
        (picture,) = [obj for obj in form_content._inner_objects(wrapped)
                      if form_content._kind(obj) == "image"]
        assert form_content._centre(picture, form_content._to_page(form, 1)) == (222, 255)
        page.close()
    finally:
        document.close()


def test_a_label_inside_a_form_goes_to_the_box_holding_it_whole(tmp_path: Path) -> None:
    """A diagram's labels drawn by a form, read as rows of cells: the upper row's box is
    small but reaches down over the centre of a label of the row below, which sticks out of
    it. The label is the lower row's (a block's box is the union of its glyphs' boxes), as
    on a page (:func:`.split_text.glyph_owner`)."""
    path = form_pdf(tmp_path / "labels.pdf", 1, shift=0, content=b"\n".join([
        b"BT /F1 11 Tf 100 700 Td (Upper) Tj ET",
        b"BT /F1 11 Tf 100 680 Td (b) Tj ET",
    ]))
    with pdfium.PdfDocument(str(path)) as document:
        (label,) = [g for g in read_page(document, 0).glyphs if g.char == "b"]
    cy = (label.y0 + label.y1) / 2
    lower = BBox(label.x0, label.y0 - 20, label.x1 + 80, label.y1)  # holds the label whole
    upper = BBox(label.x0 - 2, cy - 0.5, label.x1 + 30, label.y1 + 14)  # ends above its foot
    assert (upper.x1 - upper.x0) * (upper.y1 - upper.y0) < (
        lower.x1 - lower.x0) * (lower.y1 - lower.y0)  # smallest-box-first picks the upper
    with pikepdf.open(path) as pdf, pdfium.PdfDocument(str(path)) as document:
        page = pdf.pages[0]
        names = [str(i.operator) for i in pikepdf.parse_content_stream(page)]
        do = names.index("Do")
        copies = form_content.plan_form_copies(page, 0, document, {do: [1, 0]},
                                               {do: "/Fm1"}, [(1, upper), (0, lower)])
        owners = [o for o in copies[do].owners if o is not None]
    assert owners == [1, 0], owners  # "Upper" in the upper box, the label in the lower


def test_a_bullet_in_two_boxes_inside_a_form_goes_to_the_block_whose_text_lacks_it(
        tmp_path: Path) -> None:
    """A diagram's list of codes drawn by a form, its bullets each a ``Tj`` of their own:
    the model reads the first row as one block and the rest, bullets of the second row
    included, as another, whose box (the union of its glyphs') reaches up over the second
    row. That bullet lies wholly inside both boxes; the first block's text has one bullet
    only, so it is the other block's."""
    path = form_pdf(tmp_path / "codes.pdf", 1, shift=0, content=b"\n".join([
        b"BT /F1 11 Tf 100 700 Td (+) Tj ET",
        b"BT /F1 11 Tf 110 700 Td (None) Tj ET",
        b"BT /F1 11 Tf 100 686 Td (+) Tj ET",
        b"BT /F1 11 Tf 110 686 Td (Canal) Tj ET",
        b"BT /F1 11 Tf 100 672 Td (+) Tj ET",
        b"BT /F1 11 Tf 110 672 Td (Ditch or any watercourse dug by hand) Tj ET",
    ]))
    with pdfium.PdfDocument(str(path)) as document:
        glyphs = read_page(document, 0).glyphs

    def box_of(chars: list[object]) -> BBox:
        found = [g for g in glyphs if g in chars]
        return BBox(min(g.x0 for g in found), min(g.y0 for g in found),
                    max(g.x1 for g in found), max(g.y1 for g in found))
    bullets = [g for g in glyphs if g.char == "+"]
    first_row = [g for g in glyphs if g.y0 > bullets[0].y0 - 1]
    second_row_words = [g for g in glyphs if abs(g.y0 - bullets[1].y0) < 1 and g.char != "+"]
    rest = [g for g in glyphs if g.y0 < bullets[1].y0 + 1 and g not in second_row_words]
    upper = box_of(first_row + second_row_words)  # "+ None" and "Canal"
    lower = box_of(rest)  # the second and third bullets, the long third row: larger
    with pikepdf.open(path) as pdf, pdfium.PdfDocument(str(path)) as document:
        page = pdf.pages[0]
        names = [str(i.operator) for i in pikepdf.parse_content_stream(page)]
        do = names.index("Do")
        boxes: list[tuple[int | str, BBox]] = [(0, upper), (1, lower)]
        by_boxes = form_content.plan_form_copies(page, 0, document, {do: [0, 1]},
                                                 {do: "/Fm1"}, boxes)
        by_texts = form_content.plan_form_copies(page, 0, document, {do: [0, 1]},
                                                 {do: "/Fm1"}, boxes,
                                                 {0: "+ None Canal",
                                                  1: "+ + Ditch or any watercourse dug by hand"})
        shown = [o for o in by_boxes[do].owners if o is not None]
        owners = [o for o in by_texts[do].owners if o is not None]
    assert shown == [0, 0, 0, 0, 1, 1], shown  # the smaller upper box took the bullet
    assert owners == [0, 0, 1, 0, 1, 1], owners


def test_a_figure_inside_a_form_takes_its_image_not_the_number_beside_it(
    tmp_path: Path,
) -> None:
    """A form draws a small picture and the number set beside it (a numbered badge): the
    picture is a Figure, the number goes with its heading. The Figure claims the whole ``Do``,
    so the form is marked inside its copy: the Figure owns only the image."""
    content = b"\n".join([
        b"BT /F1 18 Tf 72 760 Td (Hydrography data) Tj ET",
        *(f"BT /F1 11 Tf 72 {720 - 15 * k} Td ({line}) Tj ET".encode()
          for k, line in enumerate(FIRST)),
        b"q 60 0 0 60 72 560 cm /Im1 Do Q",
        b"BT /F1 24 Tf 138 580 Td (3) Tj ET",
        b"BT /F1 16 Tf 160 580 Td (Shape market forces) Tj ET",
        *(f"BT /F1 11 Tf 72 {520 - 15 * k} Td ({line}) Tj ET".encode()
          for k, line in enumerate(SECOND)),
    ])
    result = tag_and_check(form_pdf(tmp_path / "badge.pdf", 1, content=content, image=True,
                                    shift=0))

    assert result.check("pixels")["passed"], result.report
    assert result.check("text-fidelity")["passed"], result.report
    assert _forms_marked_inside(result.tagged.content) == [[False, True]]
    (figure,) = [b for b in result.document.blocks if isinstance(b, Figure)]
    box = figure.prov[0].bbox
    assert (box.x0, box.y0, box.x1, box.y1) == (72, 560, 132, 620)
    numbered = [b.text for b in result.document.blocks if "Shape" in getattr(b, "text", "")]
    assert numbered == ["3 Shape market forces"]
    read = read_structure(result.output, max_pages=5).blocks
    assert [b.text for b in read if "Shape" in getattr(b, "text", "")] == numbered
    assert any(isinstance(b, Figure) for b in read)
