"""Documents for the HTML, DOCX, EPUB and text tests, built directly (no reader involved), and
source PDFs with one picture each, made with pikepdf in a chosen colour space."""

from __future__ import annotations

import json
import subprocess
import zlib
from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import (
    BBox,
    Cell,
    Document,
    Figure,
    Heading,
    Link,
    ListBlock,
    ListItem,
    Note,
    Page,
    Paragraph,
    Prov,
    Row,
    Table,
)

from ..conftest import SHARED

TOOLS = SHARED / "tools"
HEBREW = "המועצה תאסוף פסולת גינה כל שבוע שני מאפריל עד נובמבר."
ARABIC = "تجمع البلدية نفايات الحدائق كل أسبوعين من أبريل إلى نوفمبر."
HOSTILE = "Beta has <script>alert('x')</script> & \"quotes\" <b>bold</b> in it"
#: A picture's box on the source page (points): 200 x 150 at (100, 500).
PICTURE_BOX = BBox(100, 500, 300, 650)


BODY_BOX = BBox(50, 50, 500, 700)


def prov(page: int, box: BBox = BODY_BOX) -> list[Prov]:
    return [Prov(page=page, bbox=box)]


def rich_document(pages: int = 6) -> Document:
    """One of every block kind, with a skipped heading level, a nested list, a footnote, a
    table with spans and a figure; ``pages`` source pages (a TOC from 4 on)."""
    return Document(
        title="Garden waste collections",
        language="en-GB",
        pages=[Page(595, 842) for _ in range(pages)],
        blocks=[
            Heading("Garden waste collections", 1, prov(0)),
            Paragraph(
                "We collect garden waste every other week, as the council agreed.1",
                prov(0),
                links=[],
            ),
            Heading("Charges", 3, prov(0)),  # skips h2: becomes h2
            Paragraph(
                "Pay online at www.example.gov.uk/garden or call us.",
                prov(0),
                links=[Link("www.example.gov.uk/garden", "https://www.example.gov.uk/garden")],
            ),
            Note("1 Decision of the cabinet, 3 March.", "1", prov(0)),
            Heading("When we collect", 3, prov(1)),  # a sibling of Charges: h2 too
            ListBlock(
                [
                    ListItem("1.", [Paragraph("Every other Tuesday.")]),
                    ListItem(
                        "2.",
                        [
                            Paragraph("Not on bank holidays, except:"),
                            ListBlock(
                                [
                                    ListItem("•", [Paragraph("Good Friday")]),
                                    ListItem("•", [Paragraph("Easter Monday")]),
                                ]
                            ),
                        ],
                    ),
                ],
                ordered=True,
                prov=prov(1),
            ),
            Heading("Prices", 4, prov(2)),
            Table(
                rows=[
                    Row([Cell("Bin", header=True), Cell("Cost per year", header=True, col_span=2)]),
                    Row([Cell("140 litre", header=True, scope="row"), Cell("£50"), Cell("£45")]),
                    Row([Cell("240 litre", header=True, scope="row"), Cell("£70"), Cell("£65")]),
                ],
                caption="Table 1. Yearly charges",
                prov=prov(2),
            ),
            Figure(image="page:3/object:0", caption="Figure 1. A brown bin", prov=prov(3)),
            Heading("Contact", 2, prov(4)),
            Link("Contact form", "https://www.example.gov.uk/contact", prov(4)),
            Paragraph("Unsafe link here.", prov(5), links=[Link("here", "javascript:alert(1)")]),
        ],
    )


def picture_pdf(path: Path, colour_space: str) -> Path:
    """A one-page PDF drawing a 16 x 16 image in ``colour_space`` at :data:`PICTURE_BOX`.

    ``broken`` is an image whose compressed data is garbage: a reader cannot decode it.
    """
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=(595, 842))
    size = 16
    if colour_space == "cmyk":
        data = bytes([0, 200, 200, 0] * size * size)
        space: object = pikepdf.Name.DeviceCMYK
        components = 4
    elif colour_space == "indexed":
        palette = pikepdf.String(bytes([255, 0, 0, 0, 128, 0]))
        space = pikepdf.Array([pikepdf.Name.Indexed, pikepdf.Name.DeviceRGB, 1, palette])
        data = bytes((x + y) % 2 for y in range(size) for x in range(size))
        components = 1
    elif colour_space == "lab":
        space = pikepdf.Array(
            [pikepdf.Name.Lab, pikepdf.Dictionary(WhitePoint=[0.9505, 1.0, 1.089])]
        )
        data = bytes([128, 200, 100] * size * size)
        components = 3
    elif colour_space == "separation":
        tint = pikepdf.Dictionary(
            FunctionType=2, Domain=[0, 1], C0=[0, 0, 0, 0], C1=[0, 0.6, 1, 0], N=1
        )
        space = pikepdf.Array(
            [pikepdf.Name.Separation, pikepdf.Name("/Spot Orange"), pikepdf.Name.DeviceCMYK, tint]
        )
        data = bytes(range(size)) * size
        components = 1
    elif colour_space in ("gray", "broken"):
        space = pikepdf.Name.DeviceGray
        data = bytes(range(0, 256, 16)) * size
        components = 1
    else:
        raise ValueError(colour_space)
    assert len(data) == size * size * components
    stream = b"not zlib data at all" if colour_space == "broken" else zlib.compress(data)
    image = pikepdf.Stream(pdf, stream)
    image.Type = pikepdf.Name.XObject
    image.Subtype = pikepdf.Name.Image
    image.Width = size
    image.Height = size
    image.ColorSpace = space
    image.BitsPerComponent = 8
    image.Filter = pikepdf.Name.FlateDecode
    page = pdf.pages[0]
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    box = PICTURE_BOX
    content = f"q {box.width} 0 0 {box.height} {box.x0} {box.y0} cm /Im0 Do Q".encode()
    page.Contents = pikepdf.Stream(pdf, content)
    pdf.save(path)
    return path


def picture_document(*, alt: str | None = None, caption: str | None = None) -> Document:
    """A Document whose one figure is the picture of :func:`picture_pdf`."""
    return Document(
        title="Picture",
        language="en",
        pages=[Page(595, 842)],
        blocks=[
            Heading("Picture", 1, prov(0)),
            Figure(alt=alt, caption=caption, prov=[Prov(0, PICTURE_BOX)]),
        ],
    )


def run_axe(*pages: Path) -> dict[str, dict[str, int]]:
    """axe-check on ``pages``: {page name: {rule id: nodes}}; skips when it cannot run."""
    if not (TOOLS / "axe-check").exists():
        pytest.skip("shared judges not present")
    done = subprocess.run(
        [str(TOOLS / "axe-check"), *map(str, pages)], capture_output=True, text=True, timeout=600
    )
    if done.returncode == 3:
        pytest.skip(f"axe-check cannot run here: {done.stderr.strip()[-200:]}")
    assert done.returncode in (0, 1), done.stderr[-2000:]
    report = json.loads(done.stdout)
    found: dict[str, dict[str, int]] = {}
    for page in report["pages"]:
        assert "error" not in page, page
        name = Path(str(page.get("page") or page.get("url"))).name
        # axe-check gives each violation's node count (an int); a list in older reports.
        found[name] = {
            v["id"]: v["nodes"] if isinstance(v["nodes"], int) else len(v["nodes"])
            for v in page["violations"]
        }
    assert len(found) == len(pages)
    return found
