"""Sub-figures' names that are their pictures' captions are said once, not again as a list
(:mod:`workers.engine.layout.lone_captions`)."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Figure, ListBlock
from workers.engine.layout.reader import read_layout
from workers.engine.render_html import render_html

from .drawn_pdfs import Picture, body_lines, make_pdf


def test_names_under_a_row_of_pictures_are_their_captions_not_a_list(tmp_path: Path) -> None:
    # Two pictures side by side, each named under it, then a larger one under them with a
    # labelled name that is no caption of its own ("Fig. 4" is), and the figure's caption.
    left = Picture("cattle", 100, 560, 170, 120)
    right = Picture("night", 320, 560, 170, 120)
    large = Picture("styled", 100, 330, 390, 180)
    lines = body_lines(760)[:4] + [
        (150.0, 545.0, "(a) Original Image"),
        (370.0, 545.0, "(b) Style image"),
        (110.0, 315.0, "(c) The style of the night applied to the photograph of the cattle."),
        (100.0, 290.0, "Fig. 4: The algorithm takes both images to produce the result."),
        *body_lines(260)[:3],
    ]
    path = make_pdf(tmp_path / "row.pdf", [([left, right, large], lines)])
    doc = read_layout(path, max_pages=5)
    captions = [b.caption for b in doc.blocks if isinstance(b, Figure)]
    assert captions[:2] == ["(a) Original Image", "(b) Style image"]
    labels = [item.label for b in doc.blocks if isinstance(b, ListBlock) for item in b.items]
    assert labels == ["(c)"]  # (no picture's caption: still read where it stands)
    html = render_html(doc, source=path).decode()
    for name in ("Original Image", "Style image"):
        assert html.count(f"{name}</figcaption>") == 1
        assert html.count(f"{name}</") == 1  # (said nowhere else: no list item, no paragraph)
