"""Documents for the large print tests, built directly (no reader involved) or from PDFs the
tests make with WeasyPrint; corpus samples skip without ../shared."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pikepdf
import pytest

from workers.engine.document import (
    BBox,
    Cell,
    Document,
    Heading,
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

WORDS = (
    "The council will collect garden waste every other week from April to November, and "
    "residents should put their bins out by seven in the morning. "
)
LONG_URL = "https://www.example.gov.uk/" + "very-long-path-segment-" * 12 + "end.pdf"
HEBREW = "המועצה תאסוף פסולת גינה כל שבוע שני מאפריל עד נובמבר, ויש להוציא את הפחים בבוקר."


def prov(page: int) -> list[Prov]:
    return [Prov(page=page, bbox=BBox(50, 50, 500, 700))]


def sample_document() -> Document:
    """A small Document with one of each kind of block."""
    return Document(
        title="Garden waste collections",
        language="en-GB",
        pages=[Page(595, 842), Page(595, 842)],
        blocks=[
            Heading("Garden waste collections", 1, prov(0)),
            Paragraph(WORDS * 3, prov(0)),
            Heading("When we collect", 2, prov(0)),
            ListBlock(
                [
                    ListItem("1.", [Paragraph("Every other Tuesday.")]),
                    ListItem("2.", [Paragraph("Not on bank holidays.")]),
                ],
                ordered=True,
                prov=prov(0),
            ),
            Table(
                [
                    Row([Cell("Month", header=True), Cell("Day", header=True)]),
                    Row([Cell("April"), Cell("Tuesday")]),
                    Row([Cell("May"), Cell("Wednesday")]),
                ],
                caption="Collection days",
                prov=prov(1),
            ),
            Note("Charges apply from 2026.", "1", prov(1)),
            Paragraph(WORDS * 2, prov(1)),
        ],
    )


def wide_table(columns: int = 12) -> Table:
    head = Row([Cell(f"Heading {c}", header=True, scope="column") for c in range(columns)])
    rows = [Row([Cell(f"value-{r}-{c}") for c in range(columns)]) for r in range(3)]
    return Table([head, *rows], caption="Wide table")


def pdf_text(content: bytes) -> str:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(content)
    try:
        return "\n".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def font_names(content: bytes) -> set[str]:
    with pikepdf.open(io.BytesIO(content)) as pdf:
        return {
            str(font.get("/BaseFont"))
            for page in pdf.pages
            for font in page.Resources.get("/Font", {}).values()
        }


def pdfua_check(*files: Path) -> list[dict[str, object]]:
    tool = SHARED / "tools" / "pdfua-check"
    if not tool.is_file():
        pytest.skip("shared judges not present")
    done = subprocess.run(
        [str(tool), *map(str, files)], capture_output=True, text=True, timeout=600
    )
    if done.returncode == 3:
        pytest.skip(f"pdfua-check cannot run here: {done.stderr.strip()[-200:]}")
    assert done.returncode in (0, 1), done.stderr[-2000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
