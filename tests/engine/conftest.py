"""Source PDFs for the engine tests, made by the tests themselves (WeasyPrint and pikepdf)."""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pikepdf
import pytest
import weasyprint

from workers.engine.document import (
    BBox,
    Block,
    Cell,
    Document,
    Heading,
    ListBlock,
    ListItem,
    Page,
    Paragraph,
    Prov,
    Row,
    Table,
)

#: The shared folder sits beside the repository: <root>/../shared.
SHARED = Path(__file__).resolve().parents[2].parent / "shared"

MakePdf = Callable[..., Path]


def report_checks(report: dict[str, object]) -> list[dict[str, object]]:
    checks = report["checks"]
    assert isinstance(checks, list)
    return checks


def report_notes(report: dict[str, object]) -> list[str]:
    notes = report["notes"]
    assert isinstance(notes, list)
    return [str(note) for note in notes]


def html_pages(
    pages: list[list[str]], *, title: str | None = "Test document", lang: str = "en-GB"
) -> str:
    """An HTML document with one printed page per item of ``pages``, one <p> per paragraph."""
    head = f"<title>{html.escape(title)}</title>" if title else ""
    body = "".join(
        '<div style="break-after: page; min-height: 1em">'
        + "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in page)
        + "</div>"
        for page in pages
    )
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}'
        "<style>@page { size: A4; margin: 2cm } body { font: 11pt/1.3 'DejaVu Sans' }"
        " p { margin: 0 0 1em }</style>"
        f"</head><body>{body}</body></html>"
    )


def write_pdf(path: Path, pages: list[list[str]], **kwargs: Any) -> Path:
    weasyprint.HTML(string=html_pages(pages, **kwargs)).write_pdf(path)
    return path


def blank_pdf(path: Path, pages: int = 1, **save_kwargs: object) -> Path:
    pdf = pikepdf.new()
    for _ in range(pages):
        pdf.add_blank_page(page_size=(595, 842))
    pdf.save(path, **save_kwargs)  # type: ignore[arg-type]
    return path


@pytest.fixture
def make_pdf(tmp_path: Path) -> MakePdf:
    """make_pdf([["para 1", "para 2"], ["page 2 para"]], title=..., lang=...) -> path."""
    counter = iter(range(1_000_000))

    def make(pages: list[list[str]], **kwargs: Any) -> Path:
        return write_pdf(tmp_path / f"source-{next(counter)}.pdf", pages, **kwargs)

    return make


def page_crossing_document() -> Document:
    """A table on pages 1 to 3 (page 2 begins inside it), a paragraph on page 3, a list whose
    first item runs from page 3 over all of page 4 into page 5, and a blank page 6: where the
    page markers of pages begun inside a block go, in every output."""

    def prov(page: int) -> list[Prov]:
        return [Prov(page=page, bbox=BBox(50, 50, 500, 700))]

    table = Table(
        [Row([Cell("Year"), Cell("Tonnes")]), *(Row([Cell(f"{y}"), Cell("9")]) for y in range(3))],
        prov=[*prov(0), *prov(1), *prov(2)],
    )
    first = Paragraph("Long item", [*prov(2), *prov(3), *prov(4)])
    return Document(
        pages=[Page(595, 842) for _ in range(6)],
        blocks=[
            Heading("Tonnage", 1, prov(0)),
            table,
            Paragraph("After the table", prov(2)),
            ListBlock(items=[
                ListItem("•", [first], first.prov),
                ListItem("•", [Paragraph("Next", prov(4))], prov(4)),
            ]),
        ],
    )


def table_over_pages_document(columns: int = 2) -> Document:
    """A table whose rows run over pages 1 to 3 (its cells' ``prov`` say so): a header row
    and a first row on page 1, a row beginning page 2, two rows on page 3 (the header is
    repeated there, as a long table's is), then a paragraph on page 3. ``columns`` of long
    words make it too wide for large print, which then gives it row by row."""

    def prov(page: int) -> list[Prov]:
        return [Prov(page=page, bbox=BBox(50, 50, 500, 700))]

    def row(name: str, page: int) -> Row:
        values = [Cell(f"{name}-value-{c}-wide-enough", prov=prov(page)) for c in range(1, columns)]
        return Row([Cell(name, prov=prov(page)), *values])

    head = Row([Cell(f"Heading {c}", header=True, prov=prov(0)) for c in range(columns)])
    table = Table(
        [head, row("Alpha", 0), row("Bravo", 1), row("Charlie", 2), row("Delta", 2)],
        prov=[*prov(0), *prov(1), *prov(2)],
    )
    return Document(
        title="Rows",
        language="en",
        pages=[Page(595, 842) for _ in range(3)],
        blocks=[Heading("Rows", 1, prov(0)), table, Paragraph("After the table", prov(2))],
    )


def row_headed(document: Document) -> Document:
    """``document`` with the first cell of each table body row made its row header."""
    def headed(block: Block) -> Block:
        if not isinstance(block, Table):
            return block
        rows = [block.rows[0], *(
            Row([replace(row.cells[0], header=True, scope="row"), *row.cells[1:]])
            for row in block.rows[1:]
        )]
        return replace(block, rows=rows)

    return replace(document, blocks=[headed(block) for block in document.blocks])
