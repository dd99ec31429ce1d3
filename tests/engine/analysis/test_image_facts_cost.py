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

from workers.engine.layout import glyphs
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
