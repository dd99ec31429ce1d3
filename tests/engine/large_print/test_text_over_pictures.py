"""The page's running text set over a picture is left out of the picture as the outputs draw
it (workers.engine.text_over_pictures): printed as text, it is not printed again, small,
inside the picture; a short label on the picture stays in it."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
from PIL import Image

from workers.engine.document import BBox, Document, Figure, Page, Paragraph, Prov
from workers.engine.render_large_print import FigureSource

from ..content_pdfs import text_page

RUNNING = "This paragraph of running text is set over the picture by the page"
LABEL = "Fully addressed"
PICTURE = BBox(100, 400, 400, 600)
#: Where the running text's two lines and the label stand (user space).
RUNNING_BOX = BBox(105, 515, 400, 565)
LABEL_BOX = BBox(105, 415, 220, 432)


def _source(path: Path) -> Path:
    """A page with a light picture and, over it, two lines of running text and a label."""
    content = (
        b"q 300 0 0 200 100 400 cm /Im1 Do Q\n"
        b"BT /F1 12 Tf 110 550 Td (" + RUNNING[:34].encode() + b") Tj ET\n"
        b"BT /F1 12 Tf 110 525 Td (" + RUNNING[34:].encode() + b") Tj ET\n"
        b"BT /F1 12 Tf 110 420 Td (" + LABEL.encode() + b") Tj ET"
    )
    pdf, page = text_page(content)
    image = pikepdf.Stream(pdf, bytes([200, 225, 250]) * (30 * 20))
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = 30, 20, 8
    image.ColorSpace = pikepdf.Name.DeviceRGB
    page.obj.Resources.XObject = pikepdf.Dictionary(Im1=image)
    pdf.save(path)
    return path


def _dark_rows(png: bytes, box: BBox) -> int:
    """How many rows of the picture's band where ``box`` stands hold a dark (text) pixel."""
    image = Image.open(io.BytesIO(png)).convert("L")
    scale = image.height / (PICTURE.y1 - PICTURE.y0)
    top, bottom = round((PICTURE.y1 - box.y1) * scale), round((PICTURE.y1 - box.y0) * scale)
    return sum(
        any(image.getpixel((x, y)) < 100 for x in range(image.width))
        for y in range(max(top, 0), min(bottom, image.height))
    )


def test_running_text_over_a_picture_is_left_out_of_it_and_a_label_stays(
    tmp_path: Path,
) -> None:
    source = _source(tmp_path / "source.pdf")
    figure = Figure(prov=[Prov(0, PICTURE)])
    document = Document(pages=[Page(595, 842)], blocks=[
        figure,
        Paragraph(RUNNING, [Prov(0, RUNNING_BOX)]),
        Paragraph(LABEL, [Prov(0, LABEL_BOX)]),
    ])
    plain, kept = FigureSource(source), FigureSource(source, document)
    try:
        drawn, left_out = plain.draw(figure), kept.draw(figure)
    finally:
        plain.close()
        kept.close()
    assert drawn is not None and left_out is not None
    # Drawn as the page shows it, the picture holds the running text; without it, none.
    assert _dark_rows(drawn.png, RUNNING_BOX) > 0
    assert _dark_rows(left_out.png, RUNNING_BOX) == 0
    # The label on the picture is the picture's: it stays.
    assert _dark_rows(left_out.png, LABEL_BOX) == _dark_rows(drawn.png, LABEL_BOX) > 0


def test_running_text_inside_a_form_is_left_out_where_the_form_places_it(
    tmp_path: Path,
) -> None:
    # The text is drawn by a form XObject placed 100 points right and 500 up: its objects'
    # bounds are the form's own, placed on the page by its matrix.
    pdf, page = text_page(b"q 300 0 0 200 100 400 cm /Im1 Do Q\nq 1 0 0 1 100 500 cm /Fm1 Do Q")
    image = pikepdf.Stream(pdf, bytes([200, 225, 250]) * (30 * 20))
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = 30, 20, 8
    image.ColorSpace = pikepdf.Name.DeviceRGB
    form = pikepdf.Stream(pdf, b"BT /F1 12 Tf 10 50 Td (" + RUNNING[:34].encode() + b") Tj ET\n"
                          b"BT /F1 12 Tf 10 25 Td (" + RUNNING[34:].encode() + b") Tj ET")
    form.Type, form.Subtype = pikepdf.Name.XObject, pikepdf.Name.Form
    form.BBox = [0, 0, 300, 100]
    form.Resources = pikepdf.Dictionary(Font=page.obj.Resources.Font)
    page.obj.Resources.XObject = pikepdf.Dictionary(Im1=image, Fm1=form)
    source = tmp_path / "form.pdf"
    pdf.save(source)
    figure = Figure(prov=[Prov(0, PICTURE)])
    document = Document(pages=[Page(595, 842)],
                        blocks=[figure, Paragraph(RUNNING, [Prov(0, RUNNING_BOX)])])
    kept = FigureSource(source, document)
    try:
        left_out = kept.draw(figure)
    finally:
        kept.close()
    assert left_out is not None and _dark_rows(left_out.png, RUNNING_BOX) == 0
    # A box of running text elsewhere on the page leaves the form's text in place.
    elsewhere = Document(pages=[Page(595, 842)],
                         blocks=[figure, Paragraph(RUNNING, [Prov(0, BBox(105, 100, 400, 150))])])
    other = FigureSource(source, elsewhere)
    try:
        drawn = other.draw(figure)
    finally:
        other.close()
    assert drawn is not None and _dark_rows(drawn.png, RUNNING_BOX) > 0
