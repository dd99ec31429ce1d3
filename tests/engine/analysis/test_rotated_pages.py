"""A page turned by /Rotate is read as it is shown, and the model's boxes stay in user space.

The tests draw a landscape page with WeasyPrint, then make the portrait page a scanner or a
print driver would: the same drawing turned a quarter (or half) turn in user space, with
/Rotate turning it back for display. Read, both must give the same model, box for box.
"""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import BBox, Document, Heading, Table, block_text
from workers.engine.layout.reader import read_layout
from workers.engine.structure.reader import read_structure

from ..content_pdfs import text_page_pdf
from .conftest import HtmlPdf

LANDSCAPE = (
    "@page { size: A4 landscape; margin: 1.5cm } table { border-collapse: collapse }"
    " td, th { border: 1px solid black; padding: 4px }"
)
TABLE = (
    "<h1>Payments to suppliers</h1>"
    "<p>Every payment over five hundred pounds made in the quarter, by date posted.</p>"
    "<table><tr><th>Document</th><th>Date posted</th><th>Payee</th><th>Amount</th></tr>"
    + "".join(
        f"<tr><td>B-{1190 + k}</td><td>0{k + 1}/05/2019</td><td>Supplier number {k}</td>"
        f"<td>{(k + 1) * 1234}.00</td></tr>" for k in range(6)
    )
    + "</table>"
)


def turned(source: Path, target: Path, rotation: int) -> Path:
    """``source``'s page drawn turned in user space, with /Rotate ``rotation`` undoing the
    turn for display (the page looks exactly the same in a viewer)."""
    with pikepdf.open(source) as pdf:
        page = pdf.pages[0]
        x0, y0, x1, y1 = (float(v) for v in page.mediabox)
        width, height = x1 - x0, y1 - y0
        # Display space (X, Y) of the original -> user space of the turned page, the inverse
        # of how a viewer turns the page clockwise by ``rotation``.
        matrix = {
            90: (0, 1, -1, 0, height, 0),
            180: (-1, 0, 0, -1, width, height),
            270: (0, -1, 1, 0, 0, width),
        }[rotation]
        quarter = rotation in (90, 270)
        page.contents_add(pdf.make_stream(
            b"q %g %g %g %g %g %g cm " % matrix + b"1 0 0 1 %g %g cm" % (-x0, -y0)
        ), prepend=True)
        page.contents_add(pdf.make_stream(b"Q"))
        box = [0, 0, height, width] if quarter else [0, 0, width, height]
        page.obj.MediaBox = pikepdf.Array(box)
        for key in ("/CropBox", "/TrimBox", "/BleedBox", "/ArtBox"):
            if key in page.obj:
                del page.obj[key]
        page.obj.Rotate = rotation
        pdf.save(target)
    return target


def _user_box(box: BBox, rotation: int, width: float, height: float) -> BBox:
    """Where a box of the upright page lies on the turned page (user space)."""
    corners = []
    for x, y in ((box.x0, box.y0), (box.x1, box.y1)):
        if rotation == 90:
            corners.append((height - y, x))
        elif rotation == 180:
            corners.append((width - x, height - y))
        else:
            corners.append((y, width - x))
    (ax, ay), (bx, by) = corners
    return BBox(min(ax, bx), min(ay, by), max(ax, bx), max(ay, by))


def _boxes(doc: Document) -> list[BBox]:
    return [p.bbox for block in doc.walk() for p in getattr(block, "prov", [])]


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_a_turned_page_reads_as_the_upright_page(
    html_pdf: HtmlPdf, tmp_path: Path, rotation: int
) -> None:
    upright_path = html_pdf(TABLE, css=LANDSCAPE)
    upright = read_layout(upright_path, max_pages=5)
    turned_doc = read_layout(turned(upright_path, tmp_path / "turned.pdf", rotation),
                             max_pages=5)

    expected = [(b.type, block_text(b)) for b in upright.blocks]
    assert [(b.type, block_text(b)) for b in turned_doc.blocks] == expected
    assert isinstance(turned_doc.blocks[0], Heading)
    table = next(b for b in turned_doc.blocks if isinstance(b, Table))
    assert [c.text for c in table.rows[0].cells] == ["Document", "Date posted", "Payee",
                                                     "Amount"]
    page, shown = turned_doc.pages[0], upright.pages[0]
    assert page.rotation == rotation
    assert (page.width, page.height) == (
        (shown.height, shown.width) if rotation in (90, 270) else (shown.width, shown.height)
    )
    # Boxes are in the turned page's user space: where the tagger finds the drawing.
    for found, upright_box in zip(_boxes(turned_doc), _boxes(upright), strict=True):
        want = _user_box(upright_box, rotation, shown.width, shown.height)
        assert abs(found.x0 - want.x0) < 0.05 and abs(found.y1 - want.y1) < 0.05, (
            found, want)


def test_the_structure_reader_joins_the_words_of_a_turned_page(
    html_pdf: HtmlPdf, tmp_path: Path
) -> None:
    tagged = html_pdf(TABLE, css=LANDSCAPE, tagged=True)
    upright = read_structure(tagged, max_pages=5)
    turned_doc = read_structure(turned(tagged, tmp_path / "turned.pdf", 90), max_pages=5)

    assert [block_text(b) for b in turned_doc.blocks] == [
        block_text(b) for b in upright.blocks
    ]
    assert "Payments to suppliers" in block_text(turned_doc.blocks[0])


def _two_columns_with_a_side_note(path: Path) -> Path:
    """Two columns of running text, a footer line across the page, and a print job's slug
    running up the left margin beside all of it (as arXiv and the Federal Register print)."""
    sentence = ("Residents may ask the council for any of its documents in another format "
                "and the council will answer within five working days of the request")
    words = sentence.split()
    ops = [b"BT /F1 9 Tf"]
    for column, x in enumerate((60, 320)):
        for row in range(40):
            text = " ".join(words[(row + column * 7) % 10:][:6]) or "council"
            ops.append(b"1 0 0 1 %d %d Tm (%s %s %d) Tj" % (
                x, 760 - row * 15, b"Left" if column == 0 else b"Right",
                text.encode(), row))
    ops.append(b"1 0 0 1 60 30 Tm (Page footer of the council minutes, printed 4 May) Tj")
    ops.append(b"0 1 -1 0 30 30 Tm (job 2019-4471 printed by reprographics on 3 May) Tj")
    ops.append(b"ET")
    return text_page_pdf(path, ops)


def test_text_up_the_margin_does_not_hide_the_columns(tmp_path: Path) -> None:
    doc = read_layout(_two_columns_with_a_side_note(tmp_path / "slug.pdf"), max_pages=5)
    texts = [block_text(b) for b in doc.blocks] + [a.text for a in doc.artifacts]
    left = [k for k, t in enumerate(texts) if t.startswith("Left")]
    right = [k for k, t in enumerate(texts) if t.startswith("Right")]
    assert left and right and max(left) < min(right), texts  # column by column
    assert not any("Left" in t and "Right" in t for t in texts)  # never across the gutter
    slug = next(k for k, t in enumerate(texts) if "reprographics" in t)
    assert slug > max(right)  # read after the page


def test_a_figure_on_a_turned_page_is_drawn_as_shown(html_pdf: HtmlPdf, tmp_path: Path) -> None:
    """The renderers draw a figure from its box on the source page: on a turned page that box
    (user space) must be cropped from the page as pdfium shows it, turned."""
    from PIL import Image, ImageChops

    from workers.engine.document import Figure
    from workers.engine.render_large_print import FigureSource

    from .conftest import png_data_uri

    upright_path = html_pdf(
        f'<h1>Site plan</h1><p>The plan below shows the new entrance.</p>'
        f'<img src="{png_data_uri(240, 120)}" style="width: 12cm">', css=LANDSCAPE)
    turned_path = turned(upright_path, tmp_path / "turned.pdf", 90)
    pictures = []
    for path in (upright_path, turned_path):
        doc = read_layout(path, max_pages=5)
        figure = next(b for b in doc.blocks if isinstance(b, Figure))
        source = FigureSource(path)
        try:
            picture = source.draw(figure)
        finally:
            source.close()
        assert picture is not None
        pictures.append(picture)
    upright, shown = (Image.open(io.BytesIO(p.png)).convert("RGB") for p in pictures)
    assert upright.size == shown.size  # landscape, not turned on its side
    difference = ImageChops.difference(upright, shown).convert("L")
    assert sum(difference.histogram()[32:]) < 0.02 * upright.size[0] * upright.size[1]


def test_list_labels_of_a_turned_page_are_placed_in_user_space(
    html_pdf: HtmlPdf, tmp_path: Path
) -> None:
    from workers.engine.document import ListBlock

    upright_path = html_pdf(
        "<h1>Steps</h1><ol><li>Fill in the form online</li><li>Print the receipt</li>"
        "<li>Bring it to the office</li></ol>", css=LANDSCAPE)
    docs = [read_layout(path, max_pages=5) for path in (
        upright_path, turned(upright_path, tmp_path / "turned.pdf", 90))]
    labels = []
    for doc in docs:
        items = next(b for b in doc.blocks if isinstance(b, ListBlock)).items
        labels.append([p.bbox for item in items for p in item.label_prov])
    shown = docs[0].pages[0]
    assert labels[0] and len(labels[0]) == len(labels[1])
    for found, upright_box in zip(labels[1], labels[0], strict=True):
        want = _user_box(upright_box, 90, shown.width, shown.height)
        assert abs(found.x0 - want.x0) < 0.05 and abs(found.y1 - want.y1) < 0.05


def test_a_side_note_in_the_margin_is_an_artifact(tmp_path: Path) -> None:
    # The slug up the left margin, beside all the level text, is furniture: recorded, not
    # read (a preprint server's stamp read between the paragraphs tells a listener nothing).
    doc = read_layout(_two_columns_with_a_side_note(tmp_path / "slug.pdf"), max_pages=5)
    assert not any("reprographics" in block_text(b) for b in doc.blocks)
    (slug,) = [a for a in doc.artifacts if "reprographics" in a.text]
    assert slug.kind == "other" and slug.prov[0].operators


def test_turned_text_among_the_level_text_or_long_is_read(tmp_path: Path) -> None:
    # A turned label between the two columns is not beside all the level text: read. Four
    # turned lines up the margin are more than a slug or a stamp: read too.
    path = _two_columns_with_a_side_note(tmp_path / "among.pdf")
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        page = pdf.pages[0]
        extra = b"BT /F1 9 Tf 0 1 -1 0 300 400 Tm (Turned label between columns) Tj ET"
        extra += b"".join(
            b"BT /F1 9 Tf 0 1 -1 0 %d 200 Tm (Margin essay line %d of four) Tj ET" % (
                595 - 12 * k, k) for k in range(4))
        page.obj.Contents = pdf.make_stream(page.obj.Contents.read_bytes() + b"\n" + extra)
        pdf.save(path)
    doc = read_layout(path, max_pages=5)
    texts = " ".join(block_text(b) for b in doc.blocks)
    assert "Turned label between columns" in texts
    assert "Margin essay line 3 of four" in texts and "reprographics" not in texts
