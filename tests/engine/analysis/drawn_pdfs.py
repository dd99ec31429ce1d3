"""Small PDFs drawn with pikepdf: images (shared XObjects) and lines of Helvetica text at
given places, for the figure and decoration tests."""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium

from workers.engine.layout.glyphs import read_page

WIDTH, HEIGHT = 595.0, 842.0
BODY = (
    "Public bodies publish documents that many people read with assistive technology, so",
    "the analysis has to find what the layout shows to a sighted reader and say it in tags.",
)

#: Running text in the body face, so a page's body size is known (the heading tests).
PROSE = (
    "This paragraph is set in the body face and runs on for a while, as running text does, "
    "so that the body size of the page is known."
)


def prose_ops(top: float, lines: int, *, x: float = 72.0, size: float = 10.0) -> list[str]:
    """``lines`` lines of :data:`PROSE` in /F1 at ``size`` points, the first at ``top``,
    a leading of 1.2 times the size apart (content operators for :func:`helvetica_page`)."""
    words = PROSE.split()
    out = []
    for k in range(lines):
        text = " ".join(words[(k * 5) % len(words):(k * 5) % len(words) + 9])
        out.append(f"BT /F1 {size} Tf {x} {top - 1.2 * size * k} Td ({text}) Tj ET")
    return out


@dataclass
class Picture:
    """An image placed on a page: ``name`` picks the pixels (see :func:`_pixels`)."""

    name: str
    x: float
    y: float
    width: float
    height: float


def _pixels(name: str, width: int, height: int) -> bytes:
    if name == "flat":  # one colour: a bar, a panel
        return bytes([30, 80, 160]) * (width * height)
    # Anything else: a photograph-like picture, every pixel its own (seeded by the name).
    rng = random.Random(name)
    return bytes(rng.randrange(256) for _ in range(width * height * 3))


Lines = list[tuple[float, float, str]]


def make_pdf(
    path: Path, pages: list[tuple[list[Picture], Lines]], *, shapes: list[str] | None = None
) -> Path:
    """One page per entry: (pictures, text lines at (x, y)). Images with the same name are one
    XObject, shared by every page that draws it. ``shapes``: content-stream operators drawn
    on every page (vector drawings)."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name.Helvetica,
        Encoding=pikepdf.Name.WinAnsiEncoding,
    ))
    images: dict[str, pikepdf.Object] = {}
    for pictures, lines in pages:
        xobjects = pikepdf.Dictionary()
        ops = []
        for k, picture in enumerate(pictures):
            if picture.name not in images:
                pixels_w, pixels_h = 40, 30
                stream = pikepdf.Stream(pdf, zlib.compress(_pixels(picture.name, pixels_w,
                                                                    pixels_h)))
                stream.Type = pikepdf.Name.XObject
                stream.Subtype = pikepdf.Name.Image
                stream.Width, stream.Height = pixels_w, pixels_h
                stream.ColorSpace = pikepdf.Name.DeviceRGB
                stream.BitsPerComponent = 8
                stream.Filter = pikepdf.Name.FlateDecode
                images[picture.name] = pdf.make_indirect(stream)
            xobjects[f"/Im{k}"] = images[picture.name]
            ops.append(f"q {picture.width} 0 0 {picture.height} {picture.x} {picture.y} cm "
                       f"/Im{k} Do Q")
        ops.extend(shapes or [])
        for x, y, text in lines:
            ops.append(f"BT /F1 11 Tf {x} {y} Td ({text}) Tj ET")
        page = pikepdf.Page(pikepdf.Dictionary(
            Type=pikepdf.Name.Page, MediaBox=[0, 0, WIDTH, HEIGHT],
            Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font), XObject=xobjects),
            Contents=pdf.make_stream("\n".join(ops).encode()),
        ))
        pdf.pages.append(page)
    pdf.save(path)
    return path


def body_lines(top: float = 640.0) -> Lines:
    return [(72.0, top - 14 * k, BODY[k % 2]) for k in range(12)]


def footer_ornament() -> list[str]:
    """A running footer drawn with shapes: a rule and a small logo of four boxes."""
    boxes = [f"{x} 30 12 12 re f" for x in (480, 494, 508, 522)]
    return ["0.2 0.3 0.6 rg", "72 50 468 1.5 re f", "420 22 50 24 re f", *boxes]


def helvetica_page(
    path: Path, ops: list[str], images: dict[str, tuple[int, int, bytes]] | None = None
) -> Path:
    """A letter-size page with /F1 Helvetica and /F2 Helvetica-Bold drawing ``ops``; and
    ``images``, by name (``/Im0``): width, height and RGB samples, for ``Do``."""
    pdf = pikepdf.new()
    xobjects = pikepdf.Dictionary()
    for name, (width, height, samples) in (images or {}).items():
        image = pikepdf.Stream(pdf, zlib.compress(samples))
        image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
        image.Width, image.Height = width, height
        image.ColorSpace, image.BitsPerComponent = pikepdf.Name.DeviceRGB, 8
        image.Filter = pikepdf.Name.FlateDecode
        xobjects[name] = pdf.make_indirect(image)

    def font(name: str) -> pikepdf.Object:
        return pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(name),
            Encoding=pikepdf.Name.WinAnsiEncoding,
        ))

    pdf.pages.append(pikepdf.Page(pikepdf.Dictionary(
        Type=pikepdf.Name.Page, MediaBox=[0, 0, 612, 792],
        Resources=pikepdf.Dictionary(
            Font=pikepdf.Dictionary(F1=font("/Helvetica"), F2=font("/Helvetica-Bold")),
            XObject=xobjects),
        Contents=pdf.make_stream("\n".join(ops).encode()),
    )))
    pdf.save(path)
    return path


# Letters a-e read as Hebrew alef-he and "k" as the vowel sign qamats (the font's ToUnicode
# map): right-to-left text a test can draw with a standard font, glyph by glyph.
_HEBREW_CMAP = b"""/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Hebrew-test def /CMapType 2 def
1 begincodespacerange <00> <FF> endcodespacerange
2 beginbfrange <61> <65> <05D0> <6B> <6B> <05B8> endbfrange
3 beginbfchar <2D> <002D> <31> <0031> <33> <0033> endbfchar
endcmap CMapName currentdict /CMap defineresource pop end end"""


def read_as_hebrew(path: Path) -> Path:
    """The PDF at ``path`` with its page's /F1 reading "a"-"e" as Hebrew alef-he and "k" as
    the vowel sign qamats (digits and hyphens as themselves)."""
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.pages[0].obj.Resources.Font.F1.ToUnicode = pdf.make_stream(_HEBREW_CMAP)
        pdf.save(path)
    return path


def helvetica_widths(path: Path, texts: list[str], size: float) -> list[float]:
    """How wide each of ``texts`` is drawn in Helvetica at ``size`` points, measured on a page
    drawn first (at ``path``) and read back."""
    ops = [f"BT /F1 {size} Tf 72 {700 - 2 * size * k} Td ({t}) Tj ET" for k, t in enumerate(texts)]
    document = pdfium.PdfDocument(helvetica_page(path, ops))
    try:
        glyphs = read_page(document, 0).glyphs
    finally:
        document.close()
    return [
        max(g.x1 for g in glyphs if abs(g.y0 - (700 - 2 * size * k)) < size / 2) - 72
        for k in range(len(texts))
    ]


def justified_ops(
    path: Path, lines: list[str], *, x: float, top: float, measure: float, size: float,
    leading: float,
) -> list[str]:
    """``lines`` of a paragraph in Helvetica at ``size``, each but the last widened to
    ``measure`` points by its word spaces (``Tw``), as justified text is set; ``path`` is
    where the widths are measured (see :func:`helvetica_widths`)."""
    widths = helvetica_widths(path, lines[:-1], size)
    ops = [
        f"BT /F1 {size} Tf {(measure - w) / t.count(' '):.3f} Tw {x} {top - leading * k} Td "
        f"({t}) Tj ET"
        for k, (t, w) in enumerate(zip(lines[:-1], widths, strict=True))
    ]
    # (Word spacing is kept from one text object to the next, as the font is: set it back.)
    ops.append(
        f"BT /F1 {size} Tf 0 Tw {x} {top - leading * (len(lines) - 1)} Td ({lines[-1]}) Tj ET"
    )
    return ops


def helvetica_fonts(pdf: pikepdf.Pdf) -> pikepdf.Dictionary:
    """A page's /Font resources in ``pdf``: /F1 Helvetica and /F2 Helvetica-Bold (WinAnsi)."""

    def font(name: str) -> pikepdf.Object:
        return pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name(name),
            Encoding=pikepdf.Name.WinAnsiEncoding,
        ))

    return pikepdf.Dictionary(F1=font("/Helvetica"), F2=font("/Helvetica-Bold"))
