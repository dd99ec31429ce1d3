"""Points numbered by outline with a colon ("1.1:", "1.2:"), one a line: a list of points."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import ListBlock, Paragraph
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

POINTS = [
    "Establish cybersecurity requirements to support national security",
    "Scale public-private collaboration",
    "Integrate federal cybersecurity centers",
    "Update federal incident response plans and processes",
]


def test_outline_numbered_points_one_a_line_are_a_list(tmp_path: Path) -> None:
    # An infographic's pillar: a title, then its points each on a line of its own, numbered
    # "1.1:" to "1.4:". Read as one paragraph, a listener hears the numbers run into the text
    # ("… collaboration 1.3: Integrate …"); as a list, each point is an item.
    ops = [b"BT /F1 14 Tf 60 760 Td (1 Defend critical infrastructure) Tj ET"]
    ops += [
        f"BT /F1 9 Tf 60 {730 - 12 * k} Td (1.{k + 1}: {text}) Tj ET".encode()
        for k, text in enumerate(POINTS)
    ]
    ops += [
        f"BT /F1 10 Tf 60 {640 - 13 * k} Td (The strategy sets out five pillars, line {k}.) Tj ET"
        .encode() for k in range(6)
    ]
    blocks = read_layout(text_page_pdf(tmp_path / "points.pdf", ops), max_pages=1).blocks
    (points,) = [b for b in blocks if isinstance(b, ListBlock)]
    assert [item.label for item in points.items] == ["1.1:", "1.2:", "1.3:", "1.4:"]
    bodies = [item.blocks[0] for item in points.items]
    assert all(isinstance(b, Paragraph) for b in bodies)
    assert [b.text for b in bodies if isinstance(b, Paragraph)] == POINTS


def test_a_time_or_a_decimal_opening_a_line_is_no_label(tmp_path: Path) -> None:
    # "10:30" and "2.5 million" open sentences; only an outline number with its colon labels.
    ops = [
        b"BT /F1 10 Tf 60 700 Td (10:30 The meeting opens with the minutes.) Tj ET",
        b"BT /F1 10 Tf 60 687 Td (2.5 million readers asked for large print.) Tj ET",
    ]
    blocks = read_layout(text_page_pdf(tmp_path / "prose.pdf", ops), max_pages=1).blocks
    assert not any(isinstance(b, ListBlock) for b in blocks)
