"""A list's last item drawn on a picture's top edge (its transparent margin, the picture set
close under the list) goes on from the items above it: it is the list's, read with them,
and the picture (with the heading set on it) comes after it
(:func:`workers.engine.layout.order.runs_into_top`). Read as text set on the picture, the
item was read after it, split from its list ("1.4 …", picture, "1.5 …"), and on a vector
drawing it was taken for one of its labels. A label set on a
picture in another face than the text above it stays the picture's. Small PDFs drawn here."""

from __future__ import annotations

import random
from pathlib import Path

from workers.engine.document import Figure, Heading, ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page

ITEMS = [
    "Establish requirements to support national security",
    "Scale public and private collaboration",
    "Integrate the federal centers",
    "Update the federal response plans",
    "Modernize the federal defenses",
]
#: The items' pitch; the picture's top reaches into the last item's line.
PITCH = 12.0
TOP = 600.0


def _page(path: Path) -> Path:
    ops = ["BT /F2 16 Tf 90 640 Td (1 Defend critical infrastructure) Tj ET"]
    for k, item in enumerate(ITEMS):
        # (Each label at a tab stop before its text, as a report's numbered points are set.)
        ops.append(f"BT /F1 10 Tf 100 {TOP - PITCH * k} Td (1.{k + 1}:) Tj ET")
        ops.append(f"BT /F1 10 Tf 122 {TOP - PITCH * k} Td ({item}) Tj ET")
    last = TOP - PITCH * (len(ITEMS) - 1)
    top = last + 9.6  # (over the last item's line box, under the line above it)
    ops.append(f"q 400 0 0 70 80 {top - 70} cm /Im0 Do Q")
    ops.append(f"BT /F2 16 Tf 160 {top - 40} Td (2 Disrupt and dismantle threat actors) Tj ET")
    for k, item in enumerate(["Integrate the disruption activities", "Enhance the work"]):
        ops.append(f"BT /F1 10 Tf 100 {top - 90 - PITCH * k} Td (2.{k + 1}:) Tj ET")
        ops.append(f"BT /F1 10 Tf 122 {top - 90 - PITCH * k} Td ({item}) Tj ET")
    rng = random.Random(7)
    pixels = bytes(rng.randrange(256) for _ in range(60 * 20 * 3))
    return helvetica_page(path, ops, {"/Im0": (60, 20, pixels)})


def _outline(path: Path) -> list[str]:
    out = []
    for b in read_layout(path, max_pages=1).blocks:
        if isinstance(b, ListBlock):
            out.append("L " + " | ".join(item.text for item in b.items))
        elif isinstance(b, Figure):
            out.append("FIG")
        elif isinstance(b, Heading | Paragraph):
            out.append(b.text)
    return out


def _check(outline: list[str]) -> None:
    lists = [line for line in outline if line.startswith("L ")]
    assert lists and all(item in lists[0] for item in ITEMS), outline
    at = next(k for k, line in enumerate(outline) if line.startswith("L "))
    assert "FIG" in outline[at + 1:], outline
    assert not any("Modernize" in line for line in outline[:at]), outline


def test_an_item_on_a_pictures_top_edge_stays_in_its_list(tmp_path: Path) -> None:
    _check(_outline(_page(tmp_path / "image.pdf")))

