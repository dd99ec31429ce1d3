"""Image facts (pixels' identity, edgelessness) are read only when asked: the layout reader
asks, the structure reader and the tagger do not (rendering every image was their dearest
step). Asked or not, a page gives the same images, glyphs and objects."""

from __future__ import annotations

import random
import zlib
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image

from workers.engine.layout import glyphs
from workers.engine.layout.glyphs import _smooth, read_page


def _page_with_images(path: Path) -> Path:
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(612, 792))
    flat = pdf.make_stream(zlib.compress(bytes([128]) * 32 * 32))
    flat.Type, flat.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    flat.Width = flat.Height = 32
    flat.ColorSpace, flat.BitsPerComponent = pikepdf.Name.DeviceGray, 8
    flat.Filter = pikepdf.Name.FlateDecode
    checker = pdf.make_stream(
        zlib.compress(bytes(255 * ((x // 4 + y // 4) % 2) for y in range(32) for x in range(32)))
    )
    checker.Type, checker.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    checker.Width = checker.Height = 32
    checker.ColorSpace, checker.BitsPerComponent = pikepdf.Name.DeviceGray, 8
    checker.Filter = pikepdf.Name.FlateDecode
    fonts = pikepdf.Dictionary(F1=pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica))
    page.obj.Resources = pikepdf.Dictionary(
        Font=fonts, XObject=pikepdf.Dictionary(Flat=flat, Checker=checker))
    page.obj.Contents = pdf.make_stream(
        b"q 200 0 0 200 72 500 cm /Flat Do Q q 200 0 0 200 300 500 cm /Checker Do Q "
        b"BT /F1 12 Tf 72 400 Td (A caption) Tj ET"
    )
    pdf.save(path)
    return path


def test_facts_only_when_asked(tmp_path: Path) -> None:
    pdf = pdfium.PdfDocument(str(_page_with_images(tmp_path / "images.pdf")))
    try:
        plain = read_page(pdf, 0)
        full = read_page(pdf, 0, image_facts=True)
    finally:
        pdf.close()
    assert plain.image_facts == []
    assert len(full.image_facts) == len(full.images) == 2
    flat, checker = full.image_facts
    assert flat.smooth and not checker.smooth
    assert flat.key and checker.key and flat.key != checker.key
    assert plain.images == full.images
    assert plain.glyphs == full.glyphs
    assert plain.object_kinds == full.object_kinds
    assert (plain.rules, plain.paths) == (full.rules, full.paths)


def test_an_opaque_image_prints_on_white_as_it_is() -> None:
    # _smooth skips compositing opaque images on white: the composite is the image itself,
    # every value of every channel.
    data = bytes(v for x in range(256) for v in (x, 255 - x, (x * 7) % 256, 255))
    image = Image.frombytes("RGBA", (256, 1), data)
    printed = Image.new("RGBA", image.size, (255, 255, 255, 255))
    printed.alpha_composite(image)
    assert printed.convert("RGB").tobytes() == image.convert("RGB").tobytes()


def test_smoothness_of_opaque_and_translucent_images() -> None:
    flat = Image.new("RGBA", (40, 30), (200, 30, 30, 255))
    glow = Image.new("RGBA", (40, 30), (200, 30, 30, 128))
    edged = flat.copy()
    edged.paste((0, 0, 0, 255), (10, 0, 30, 30))
    faint_edge = glow.copy()
    faint_edge.paste((0, 0, 0, 0), (10, 0, 30, 30))  # transparent: white where it prints
    assert _smooth(flat) and _smooth(glow)
    assert not _smooth(edged) and not _smooth(faint_edge)


def _smooth_whole(image: Image.Image) -> bool:
    """_smooth's verdict counted over the whole image at once (before it counted by bands)."""
    inner = glyphs.printed_inside(image)
    if inner is None:
        return False
    w, h = inner.size
    return glyphs.edge_steps(inner, 0, h - 1) <= glyphs.EDGE_SHARE * ((w - 1) * (h - 1))


@pytest.mark.parametrize("band", [1, 2, 7, glyphs.SMOOTH_BAND])
def test_smoothness_counted_by_bands_is_the_whole_images(
    band: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Edges near the share allowed, anywhere (on a band's first or last row, at the bottom),
    # sharp or just under the edge step: the bands' verdict is the whole image's.
    monkeypatch.setattr(glyphs, "SMOOTH_BAND", band)
    rng = random.Random(band)
    verdicts = set()
    for _ in range(60):
        width, height = rng.randint(3, 90), rng.randint(3, 200)
        image = Image.new("RGBA", (width, height), (120, 140, 160, rng.choice((255, 200))))
        for _ in range(rng.choice((0, 1, 2, 5, 40))):
            x, y = rng.randrange(width), rng.randrange(height)
            step = rng.choice((glyphs.EDGE - 1, glyphs.EDGE, 200))
            image.putpixel((x, y), (120 + step if step < 136 else 0, 140, 160, 255))
        verdict = glyphs._smooth(image)
        assert verdict == _smooth_whole(image)
        verdicts.add(verdict)
    assert verdicts == {True, False}


def _bgra_bitmap(rng: random.Random, width: int, height: int) -> pdfium.PdfBitmap:
    """A rendered-like opaque BGRA bitmap: one colour with a few pixels stepping off it (by
    just under, at or well over the edge step)."""
    bitmap = pdfium.PdfBitmap.new_native(width, height, pdfium.raw.FPDFBitmap_BGRA)
    ground = [rng.randrange(256) for _ in range(3)]
    row = bytes([*ground, 255]) * width + bytes(bitmap.stride - 4 * width)
    bitmap.buffer[:] = row * height
    for _ in range(rng.choice((0, 1, 2, 5, 40, 400))):
        at = rng.randrange(height) * bitmap.stride + 4 * rng.randrange(width) + rng.randrange(3)
        step = rng.choice((glyphs.EDGE - 1, glyphs.EDGE, 200))
        value = bitmap.buffer[at]
        bitmap.buffer[at] = value + step if value + step < 256 else value - min(step, value)
    return bitmap


def _c_counts_as_pil(seed: int, made: Callable[[random.Random], pdfium.PdfBitmap]) -> None:
    """The C count's verdict on 300 bitmaps ``made`` is PIL's, and both verdicts occur."""
    if glyphs._edges is None:
        pytest.skip("the C extension is not built")
    rng = random.Random(seed)
    verdicts = set()
    for _ in range(300):
        bitmap = made(rng)
        verdict = glyphs._counted_smooth(bitmap)
        assert verdict is not None
        assert verdict == _smooth(bitmap.to_pil())
        verdicts.add(verdict)
    assert verdicts == {True, False}


def test_the_c_edge_count_of_an_opaque_render_is_pils() -> None:
    # _image_edges.c counts an opaque render's edges on pdfium's bytes; PIL's count (the
    # bitmap copied into an image, printed on white, counted band by band) gives the same
    # verdict, edges near the share allowed or not, on the first or last rows and columns.
    _c_counts_as_pil(17, lambda rng: _bgra_bitmap(rng, rng.randint(5, 90), rng.randint(5, 160)))


def test_the_c_edge_count_of_a_translucent_render_is_pils() -> None:
    # A render with translucent pixels is counted in C too, each pixel composited over white
    # through the table PIL's compositing gives (glyphs._printed_bytes): the verdict is the
    # one PIL's count gives (each pixel printed on white with alpha_composite), for alphas
    # from none to full, over grounds and steps of any colour.
    def translucent(rng: random.Random) -> pdfium.PdfBitmap:
        width, height = rng.randint(5, 90), rng.randint(5, 160)
        bitmap = _bgra_bitmap(rng, width, height)
        alpha = rng.choice((0, 1, 2, 127, 128, 200, 254))
        for y in range(height):
            for x in range(width):
                if rng.random() < rng.choice((0.02, 0.5, 1.0)):
                    bitmap.buffer[y * bitmap.stride + 4 * x + 3] = (
                        alpha if rng.random() < 0.9 else rng.randrange(256))
        bitmap.buffer[rng.randrange(height) * bitmap.stride + 4 * rng.randrange(width) + 3] = 254
        return bitmap

    _c_counts_as_pil(29, translucent)


def test_the_printed_table_is_pils_compositing() -> None:
    # Every colour byte of every alpha prints as PIL prints it on white, whatever the
    # pixel's other channels are; an opaque one as itself.
    table = glyphs._printed_bytes()
    assert table[255 * 256:] == bytes(range(256))
    rng = random.Random(5)
    pixels = [tuple(rng.randrange(256) for _ in range(4)) for _ in range(4000)]
    image = Image.new("RGBA", (len(pixels), 1))
    image.putdata(pixels)
    printed = Image.new("RGBA", image.size, (255, 255, 255, 255))
    printed.alpha_composite(image)
    for (*colour, alpha), out in zip(pixels, printed.getdata(), strict=True):
        assert tuple(out) == (*(table[alpha * 256 + v] for v in colour), 255)


def test_a_tiny_render_is_left_to_pil() -> None:
    rng = random.Random(3)
    assert glyphs._counted_smooth(_bgra_bitmap(rng, 4, 30)) is None


def test_an_opened_page_without_pypdfium2s_wrapper_reads_as_its_page(tmp_path: Path) -> None:
    # OpenedPage loads its page with pdfium's own call (glyphs._BarePage) and closes it
    # itself: what it reads, and the page's box, are what pypdfium2's page gives.
    pdf = pdfium.PdfDocument(str(_page_with_images(tmp_path / "images.pdf")))
    try:
        with glyphs.OpenedPage(pdf, 0) as opened:
            assert isinstance(opened.page, glyphs._BarePage)
            bare, box = opened.content, opened.page.get_bbox()
        assert opened.page.raw is None  # (closed with the OpenedPage)
        page = pdf[0]
        try:
            wrapped = glyphs.read_loaded_page(page, 0)
            assert box == page.get_bbox()
        finally:
            page.close()
    finally:
        pdf.close()
    assert bare.glyphs == wrapped.glyphs and bare.images == wrapped.images
    assert (bare.width, bare.height, bare.rotation) == (wrapped.width, wrapped.height,
                                                        wrapped.rotation)
    assert bare.object_kinds == wrapped.object_kinds
