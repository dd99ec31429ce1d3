"""Image facts cost bounded work: an image drawn again the same way is not rendered again, and
a JPEG 2000 image with edges is judged from a half-size render alone. The facts are the same
as when every image is rendered in full."""

from __future__ import annotations

import io
import zlib
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image, features

from workers.engine.document import Document
from workers.engine.layout import glyphs, reader
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.reader import read_layout


def _gray_image(pdf: pikepdf.Pdf, pixels: bytes, size: int) -> pikepdf.Object:
    image = pdf.make_stream(zlib.compress(pixels))
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width = image.Height = size
    image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceGray, 8
    image.Filter = pikepdf.Name.FlateDecode
    return image


def _checker(size: int) -> bytes:
    return bytes(255 * ((x // 4 + y // 4) % 2) for y in range(size) for x in range(size))


def _facts(path: Path) -> list[list[glyphs.ImageFacts]]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [read_page(document, i, image_facts=True).image_facts
                for i in range(len(document))]
    finally:
        document.close()


def _count_smoothness_renders(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The images rendered to judge their smoothness from now on, in order (a list that
    fills as the reader runs)."""
    rendered: list[object] = []
    real = glyphs._smooth_image

    def counted(*args: object) -> bool:
        rendered.append(args[0])
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(glyphs, "_smooth_image", counted)
    return rendered


def _assert_same_model_when_every_image_is_judged(
    monkeypatch: pytest.MonkeyPatch, path: Path, doc: Document
) -> None:
    """The model read with fewer renders is the one read when every image of a figure is
    judged while its page is open."""
    monkeypatch.setattr(reader, "smoothness_asked", lambda c, running: [
        f for _, f in c.significant()])
    assert read_layout(path, max_pages=10).to_json() == doc.to_json()


def test_an_image_drawn_again_the_same_way_is_rendered_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    holder = pikepdf.new()
    checker = _gray_image(holder, _checker(32), 32)
    flat = _gray_image(holder, bytes([128]) * 32 * 32, 32)
    same = b"q 200 0 0 200 72 500 cm /C Do Q q 200 0 0 100 300 500 cm /F Do Q"
    moved = b"q 200 0 0 200 80 400 cm /C Do Q q 100 0 0 100 300 500 cm /F Do Q"
    pdf = pikepdf.new()
    xobjects = {"C": pdf.make_indirect(pdf.copy_foreign(holder.make_indirect(checker))),
                "F": pdf.make_indirect(pdf.copy_foreign(holder.make_indirect(flat)))}
    path = tmp_path / "repeated.pdf"
    for content in (same, same, same, moved):
        page = pdf.add_blank_page(page_size=(612, 792))
        page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(
            C=xobjects["C"], F=xobjects["F"]))
        page.obj.Contents = pdf.make_stream(content)
    pdf.save(path)
    rendered = _count_smoothness_renders(monkeypatch)
    facts = _facts(path)
    # Two images on the first page, the same again on the next two, moved on the last.
    assert len(rendered) == 4
    assert [[f.smooth for f in page] for page in facts] == [[False, True]] * 4
    assert facts[0] == facts[1] == facts[2]
    assert facts[3][0].key == facts[0][0].key  # the same pixels, drawn elsewhere
    # Rendering every image gives the same facts.
    monkeypatch.setattr(glyphs, "_drawn_as", lambda obj, key: None)
    assert _facts(path) == facts


@pytest.mark.skipif(not features.check("jpg_2000"), reason="Pillow cannot write JPEG 2000")
def test_a_jpeg_2000_image_with_edges_is_judged_from_a_half_size_render(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def jpx(pdf: pikepdf.Pdf, picture: Image.Image) -> pikepdf.Object:
        out = io.BytesIO()
        picture.save(out, "JPEG2000")
        image = pdf.make_stream(out.getvalue())
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Width, image.Height = picture.size
        image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceGray, 8
        image.Filter = pikepdf.Name.JPXDecode
        return pdf.make_indirect(image)

    pdf = pikepdf.new()
    checker = Image.frombytes("L", (64, 64), _checker(64))
    flat = Image.new("L", (64, 64), 128)
    page = pdf.add_blank_page(page_size=(612, 792))
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(
        C=jpx(pdf, checker), F=jpx(pdf, flat)))
    page.obj.Contents = pdf.make_stream(
        b"q 200 0 0 200 72 500 cm /C Do Q q 200 0 0 200 300 500 cm /F Do Q")
    path = tmp_path / "jpx.pdf"
    pdf.save(path)
    scales: list[float] = []
    real = glyphs._smooth_at

    def counted(obj: object, document: object, page_: object, scale: float) -> bool | None:
        scales.append(scale)
        return real(obj, document, page_, scale)  # type: ignore[arg-type]

    monkeypatch.setattr(glyphs, "_smooth_at", counted)
    (facts,) = _facts(path)
    assert [f.smooth for f in facts] == [False, True]
    # The checker: its half-size render shows edges, enough. The flat one: confirmed in full.
    assert scales == [glyphs.PREVIEW_SCALE, glyphs.PREVIEW_SCALE, 1.0]
    # Full renders alone give the same facts.
    monkeypatch.setattr(glyphs, "_filter_of", lambda obj: b"")
    assert _facts(path) == [facts]


def test_only_a_figures_images_are_rendered_to_judge_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A picture large enough to be a figure, and an icon (large enough to have facts, too
    # small to be a figure, far from the picture): whether an image is edgeless is asked of
    # figures' images alone, so the icon is never rendered.
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(612, 792))
    page.obj.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(
        C=pdf.make_indirect(_gray_image(pdf, _checker(32), 32)),
        I=pdf.make_indirect(_gray_image(pdf, _checker(32), 32))))
    page.obj.Contents = pdf.make_stream(
        b"q 200 0 0 200 72 500 cm /C Do Q q 20 0 0 20 500 100 cm /I Do Q")
    path = tmp_path / "icon.pdf"
    pdf.save(path)
    rendered = _count_smoothness_renders(monkeypatch)
    doc = read_layout(path, max_pages=10)
    assert len(rendered) == 1
    assert [b.type for b in doc.blocks] == ["figure"]
    # read_page, asked for every image's facts, judges both.
    rendered.clear()
    (facts,) = _facts(path)
    assert len(rendered) == 2 and [f.unjudged for f in facts] == [0, 0]


def _strip_of_three(tmp_path: Path, thirds: list[bytes]) -> Path:
    """A page per entry of ``thirds``: a text line, and a picture made of three touching
    images, two the same on every page (a logo and a band: running) and the third the page's
    own (``thirds[k]``, its pixels)."""
    pdf = pikepdf.new()
    logo = pdf.make_indirect(_gray_image(pdf, _checker(32), 32))
    band = pdf.make_indirect(_gray_image(pdf, bytes(range(0, 256, 8)) * 32, 32))
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
    for pixels in thirds:
        page = pdf.add_blank_page(page_size=(612, 792))
        page.obj.Resources = pikepdf.Dictionary(
            Font=pikepdf.Dictionary(F1=font),
            XObject=pikepdf.Dictionary(
                L=logo, B=band, T=pdf.make_indirect(_gray_image(pdf, pixels, 32))))
        page.obj.Contents = pdf.make_stream(
            b"BT /F1 12 Tf 72 100 Td (A line of text under the picture.) Tj ET "
            b"q 100 0 0 100 72 500 cm /L Do Q q 100 0 0 100 172 500 cm /B Do Q "
            b"q 100 0 0 100 272 500 cm /T Do Q")
    path = tmp_path / "strip.pdf"
    pdf.save(path)
    return path


def test_images_asked_about_only_beside_running_ones_are_judged_once_those_are_known(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Of a picture of three images, one is asked whether it is edgeless only when the other
    # two prove running (repeated on enough pages: known once every page is read). Then it is
    # judged, its page loaded again: a flat third image left beside the running logo and band
    # is decoration (the picture goes), a checkered one a figure.
    flats = [bytes([96 + 16 * k]) * 32 * 32 for k in range(3)]
    path = _strip_of_three(tmp_path, [*flats, _checker(32)])
    rendered = _count_smoothness_renders(monkeypatch)
    doc = read_layout(path, max_pages=10)
    assert [b.prov[0].page for b in doc.blocks if b.type == "figure"] == [3]
    # Each page's third image, judged after its page was read; the logo and the band too
    # (beside one image left, each might be asked), once each: drawn the same way throughout.
    assert len(rendered) == 6
    _assert_same_model_when_every_image_is_judged(monkeypatch, path, doc)


def test_images_never_asked_about_are_not_judged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # On two pages nothing is running (a picture repeated on fewer than three pages is not):
    # of a picture of three images, none under a line of text, none is asked whether it is
    # edgeless, so none is rendered, and the picture is a figure on each page.
    path = _strip_of_three(tmp_path, [bytes([128]) * 32 * 32] * 2)
    rendered = _count_smoothness_renders(monkeypatch)
    doc = read_layout(path, max_pages=10)
    assert [b.prov[0].page for b in doc.blocks if b.type == "figure"] == [0, 1]
    assert rendered == []


def _band_page(tmp_path: Path, caption: bytes) -> Path:
    """A page with a line of text set on an image hardly taller than it (a heading's band),
    ``caption`` (a line of text, or nothing) under it, and a paragraph further down."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
    page = pdf.add_blank_page(page_size=(612, 792))
    page.obj.Resources = pikepdf.Dictionary(
        Font=pikepdf.Dictionary(F1=font),
        XObject=pikepdf.Dictionary(B=pdf.make_indirect(_gray_image(pdf, _checker(32), 32))))
    page.obj.Contents = pdf.make_stream(
        b"q 400 0 0 22 72 600 cm /B Do Q "
        b"BT /F1 14 Tf 80 605 Td (A heading set on its band) Tj ET "
        + (b"BT /F1 10 Tf 72 585 Td (" + caption + b") Tj ET " if caption else b"")
        + b"BT /F1 10 Tf 72 400 Td (A paragraph of running text further down the page.) Tj ET")
    path = tmp_path / "band.pdf"
    pdf.save(path)
    return path


@pytest.mark.parametrize("caption", [b"", b"Figure 1: The band over the heading."])
def test_a_band_behind_text_none_of_whose_images_is_running_is_not_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caption: bytes
) -> None:
    # Uncaptioned, the image is a band behind its line before it is asked whether it is
    # edgeless; captioned, every verdict its edges could lead to keeps nothing of it, and a
    # captioned picture is judged only by what is kept. So it is never rendered.
    path = _band_page(tmp_path, caption)
    rendered = _count_smoothness_renders(monkeypatch)
    doc = read_layout(path, max_pages=10)
    assert rendered == []
    _assert_same_model_when_every_image_is_judged(monkeypatch, path, doc)
    assert len(rendered) == 1


def test_a_running_band_behind_text_is_not_rendered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The same band under each page's heading, on four pages: running. Whether it is edgeless
    # is never read (a band behind text, captioned or not, sets its running images aside), so
    # no page is loaded again to render it once the running images are known.
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
    band = pdf.make_indirect(_gray_image(pdf, _checker(32), 32))
    for k in range(4):
        page = pdf.add_blank_page(page_size=(612, 792))
        page.obj.Resources = pikepdf.Dictionary(
            Font=pikepdf.Dictionary(F1=font), XObject=pikepdf.Dictionary(B=band))
        page.obj.Contents = pdf.make_stream(
            b"q 400 0 0 22 72 600 cm /B Do Q "
            b"BT /F1 14 Tf 80 605 Td (Chapter " + str(k + 1).encode() + b" on its band) Tj ET "
            b"BT /F1 10 Tf 72 400 Td (A paragraph of running text further down the page.) Tj ET")
    path = tmp_path / "bands.pdf"
    pdf.save(path)
    rendered = _count_smoothness_renders(monkeypatch)
    doc = read_layout(path, max_pages=10)
    assert rendered == []
    _assert_same_model_when_every_image_is_judged(monkeypatch, path, doc)
