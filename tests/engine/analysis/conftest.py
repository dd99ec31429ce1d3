"""Small PDFs made from HTML with WeasyPrint, for the reader tests."""

from __future__ import annotations

import struct
import zlib
from base64 import b64encode
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pikepdf
import pypdfium2 as pdfium
import pytest
import weasyprint

from workers.engine.document import Document, Heading, Paragraph, Table
from workers.engine.layout import reader
from workers.engine.layout.glyphs import read_page
from workers.engine.layout.lines import Line, fragments, lines

HtmlPdf = Callable[..., Path]
#: Builds a hand-made structure tree's elements under the Document element: given the PDF,
#: that element and the page, the elements in order and each MCID's element.
StructureBuild = Callable[
    [pikepdf.Pdf, pikepdf.Object, pikepdf.Page],
    tuple[list[pikepdf.Object], dict[int, pikepdf.Object]],
]

#: Running text for the pages the tests make: long enough to read as body text.
LOREM = (
    "Public bodies publish documents that many people need to read with assistive technology "
    "so the analysis has to find the structure that the layout shows to sighted readers. "
)


def heading_texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Heading)]


def paragraph_texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def tables_read(path: Path, pages: int) -> list[Table]:
    """The tables the layout reader finds in the first ``pages`` pages of ``path``."""
    doc = reader.read_layout(path, max_pages=pages)
    return [b for b in doc.blocks if isinstance(b, Table)]


def first_page_lines(path: Path) -> list[Line]:
    """The lines the reader groups the first page of ``path`` into."""
    document = pdfium.PdfDocument(path)
    try:
        content = read_page(document, 0)
    finally:
        document.close()
    return lines(fragments(content.glyphs))


def first_page_pieces(path: Path) -> list[str]:
    """The text of each piece of those lines, in order."""
    return [f.text for line in first_page_lines(path) for f in line.fragments]

STYLE = (
    "@page { size: A4; margin: 2cm } body { font: 11pt/1.35 'DejaVu Sans' }"
    " h1 { font-size: 22pt } h2 { font-size: 16pt } p { margin: 0 0 0.8em }"
)


def png_data_uri(width: int = 60, height: int = 40) -> str:
    """A PNG picture (grey and dark blue squares: it has edges, as pictures do, where one
    flat colour would be decoration), made here so no image file is needed."""
    def pixel(x: int, y: int) -> bytes:
        return b"\x80\x80\x80" if (x // 4 + y // 4) % 2 else b"\x10\x20\x60"

    raw = b"".join(
        b"\x00" + b"".join(pixel(x, y) for x in range(width)) for y in range(height)
    )

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    png = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    return "data:image/png;base64," + b64encode(png).decode()


@pytest.fixture(params=["c", "python"])
def block_loop(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """A test that asks for it runs twice: block building in C (where built) and in Python,
    which must read pages alike."""
    if request.param == "python":
        monkeypatch.setattr(reader, "_blocks_accelerator", None)
    return str(request.param)


@pytest.fixture
def html_pdf(tmp_path: Path) -> HtmlPdf:
    """html_pdf("<h1>..</h1>", css="", tagged=False) -> path of the PDF WeasyPrint made.
    ``producer``: the /Producer to write instead of WeasyPrint's, for a page drawn here that
    stands for a document no browser printed (a paper), whose levels are not the HTML's."""
    counter = iter(range(1_000_000))

    def make(
        body: str, *, css: str = "", tagged: bool = False, producer: str | None = None,
        **kwargs: Any,
    ) -> Path:
        path = tmp_path / f"doc-{next(counter)}.pdf"
        html = (
            '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">'
            f"<title>Test</title><style>{STYLE} {css}</style></head><body>{body}</body></html>"
        )
        options: dict[str, Any] = {"pdf_variant": "pdf/ua-1"} if tagged else {}
        weasyprint.HTML(string=html).write_pdf(path, **options, **kwargs)
        if producer is not None:
            with pikepdf.open(path, allow_overwriting_input=True) as pdf:
                pdf.docinfo["/Producer"] = producer
                pdf.save(path)
        return path

    return make


def add_structure_tree(pdf: pikepdf.Pdf, page: pikepdf.Page, build: StructureBuild) -> None:
    """Tag ``pdf``'s one page by hand: a structure tree root over a Document element holding
    what ``build`` makes, the parent tree of the page's MCIDs, and ``/MarkInfo``."""
    page.obj.StructParents = 0
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document, P=root))
    elements, parents = build(pdf, document, page)
    document.K = pikepdf.Array(elements)
    root.K = document
    root.ParentTree = pdf.make_indirect(pikepdf.Dictionary(Nums=pikepdf.Array([
        0, pikepdf.Array([parents[m] for m in sorted(parents)])])))
    pdf.Root.StructTreeRoot = root
    pdf.Root.MarkInfo = pikepdf.Dictionary(Marked=True)
