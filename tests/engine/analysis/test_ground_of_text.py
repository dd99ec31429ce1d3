"""An image bled off the page's edge with the page's text set on it, line after line over a
good share of it (a report's cover graphic behind its title and first paragraphs), is the
page's ground: decoration, not a figure to describe
(:func:`workers.engine.layout.figures._ground_of_text`). The same image set within the
page's margins, its lines on it (a chart's labels over its bars), stays a figure, and so
does one holding a few lines. Small PDFs drawn here."""

from __future__ import annotations

import random
from pathlib import Path

from workers.engine.document import Figure
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page

LINES = [
    "Federal agencies and the critical infrastructure of the nation",
    "depend on technology systems to carry out operations and to",
    "process, maintain and report vital information. However,",
    "malicious actors are becoming more capable of carrying out",
    "cyberattacks, threatening the continuity and integrity of",
    "these essential systems. We designated information security",
    "as a government-wide high-risk area in 1997 and expanded it",
    "to include the protection of cyber critical infrastructure.",
    "Coordinating the efforts of the federal government is urgent.",
    "The strategy was issued to secure the nation against risks.",
]


def _page(path: Path, *, x: float, width: float, top: float, lines: int) -> Path:
    """An image (``x``, ``width``; its top at ``top``, 250 points tall) with the title and
    ``lines`` lines of the paragraph set on it, and a paragraph under it."""
    ops = [f"q {width} 0 0 250 {x} {top - 250} cm /Im0 Do Q"]
    ops.append(f"BT /F2 20 Tf 72 {top - 40} Td (Launching the National Strategy) Tj ET")
    for k, line in enumerate(LINES[:lines]):
        ops.append(f"BT /F1 11 Tf 72 {top - 70 - 14 * k} Td ({line}) Tj ET")
    for k, line in enumerate(LINES):
        ops.append(f"BT /F1 11 Tf 72 {top - 290 - 14 * k} Td ({line}) Tj ET")
    rng = random.Random(3)
    pixels = bytes(rng.randrange(256) for _ in range(80 * 40 * 3))
    return helvetica_page(path, ops, {"/Im0": (80, 40, pixels)})


def _figures(path: Path) -> list[Figure]:
    return [b for b in read_layout(path, max_pages=1).blocks if isinstance(b, Figure)]


def test_an_image_bled_off_the_page_under_its_text_is_its_ground(tmp_path: Path) -> None:
    # (The image runs off the page's top and right edges: 792 high, 612 wide.)
    assert _figures(_page(tmp_path / "bled.pdf", x=40, width=600, top=800, lines=10)) == []


def test_the_image_within_the_margins_stays_a_figure(tmp_path: Path) -> None:
    assert len(_figures(_page(tmp_path / "inside.pdf", x=60, width=480, top=740, lines=10))) == 1


def test_a_bled_image_with_a_few_lines_on_it_stays_a_figure(tmp_path: Path) -> None:
    assert len(_figures(_page(tmp_path / "few.pdf", x=40, width=600, top=800, lines=2))) == 1
