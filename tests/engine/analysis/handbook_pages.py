"""Pages of a handbook drawn line by line, for the tests of list items read past page and
column breaks: 10-point lines at given places, a running head and a page number on each."""

from __future__ import annotations

import pikepdf

#: Running text to cut lines from.
WORDS = ("the surveyor records the readings of each test in the report and signs every "
         "page of it before the report is sent to the owner of the vessel for approval")

#: A line to draw: its left edge, its baseline and its text.
Line = tuple[float, float, str]


def add_page(pdf: pikepdf.Pdf, font: pikepdf.Object, number: int, lines: list[Line]) -> None:
    """A page of ``lines`` in 10-point type, with a running head and a page number."""
    pdf.add_blank_page(page_size=(595, 842))
    page = pdf.pages[-1]
    page.obj.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    furniture = [(250.0, 810.0, "Survey Handbook"), (290.0, 30.0, f"Page {number}")]
    ops = [f"BT /F1 10 Tf {x} {y} Td ({t}) Tj ET".encode() for x, y, t in furniture + lines]
    page.obj.Contents = pdf.make_stream(b"\n".join(ops))


def paragraph(x: float, top: float, lines: list[str]) -> list[Line]:
    """Lines set at ``x`` from ``top`` down, 12 points apart."""
    return [(x, top - 12 * k, line) for k, line in enumerate(lines)]


def item(label: str, x: float, top: float, lines: list[str]) -> list[Line]:
    """A point: its label at ``x``, its text 18 points further in, hanging."""
    return [(x, top, label), *paragraph(x + 18, top, lines)]
