"""Lines in one face numbered one after another are read alike
(:mod:`workers.engine.layout.numbered_runs`): the first two of five numbered titles lying on a
picture (taken alone, a chart's labels) are headings as the other three are; such a run set
on one page after unnumbered sections of its level is a sequence within the document, not its
top sections, and leaves the title above it
(:func:`workers.engine.layout.classify._sequence_within`). Small PDFs drawn here."""

from __future__ import annotations

import random
from pathlib import Path

from workers.engine.document import Heading
from workers.engine.layout.numbered_runs import outvoted
from workers.engine.layout.reader import read_layout

from .conftest import LOREM, HtmlPdf
from .drawn_pdfs import helvetica_page

PROSE = (
    "This paragraph is set in the body face and runs on for a while, as running text does, "
    "so that the body size of the page is known to the reader."
)
TITLES = ["Defend the networks", "Disrupt the actors", "Shape the markets",
          "Invest in the future", "Forge the partnerships"]


def _page(path: Path, picture: bool) -> Path:
    ops = []
    words = PROSE.split()
    for k in range(8):
        text = " ".join(words[(k * 5) % len(words):(k * 5) % len(words) + 9])
        ops.append(f"BT /F1 10 Tf 72 {740 - 12 * k} Td ({text}) Tj ET")
    images = {}
    if picture:
        rng = random.Random("photo")
        images["/Im0"] = (40, 30, bytes(rng.randrange(256) for _ in range(40 * 30 * 3)))
        # Behind the first two titles and their points: the page's other lines stay off it.
        ops.insert(0, "q 400 0 0 150 60 470 cm /Im0 Do Q")
    top = 600.0
    for n, title in enumerate(TITLES, start=1):
        ops.append(f"BT /F2 14 Tf 72 {top} Td ({n} {title}) Tj ET")
        for k in range(2):
            ops.append(f"BT /F1 8 Tf 84 {top - 16 - 10 * k} Td ({n}.{k + 1}: a point of it) Tj ET")
        top -= 66
    return helvetica_page(path, ops, images)


def _headings(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Heading)]


def test_numbered_titles_on_a_picture_are_headings_as_the_rest_of_their_run(
    tmp_path: Path,
) -> None:
    assert _headings(_page(tmp_path / "plain.pdf", picture=False)) == [
        f"{n} {t}" for n, t in enumerate(TITLES, start=1)
    ]
    assert _headings(_page(tmp_path / "picture.pdf", picture=True)) == [
        f"{n} {t}" for n, t in enumerate(TITLES, start=1)
    ]


def test_the_treatment_most_of_a_run_gets_is_given_to_all_of_it() -> None:
    runs: list[list[object]] = [[object() for _ in range(5)]]
    first, second, *rest = runs[0]
    back, added = outvoted(runs, {id(first), id(second)})  # type: ignore[arg-type]
    assert back == {id(first), id(second)} and not added
    back, added = outvoted(runs, {id(b) for b in [first, second, *rest[:1]]})  # type: ignore[arg-type]
    assert not back and added == {id(b) for b in rest[1:]}
    tie: list[list[object]] = [[first, second]]
    assert outvoted(tie, {id(first)}) == (set(), set())  # type: ignore[arg-type]


def test_a_numbered_run_on_one_page_after_unnumbered_sections_leaves_the_title_above(
    html_pdf: HtmlPdf,
) -> None:
    # (Numbered sections starting at 1 are otherwise the document's top level, the title's.)
    para = f"<p>{LOREM}</p>"
    numbered = "".join(f"<h2>{n} {t}</h2>{para}" for n, t in enumerate(TITLES, 1))
    path = html_pdf(
        f"<h1>A strategy in five pillars</h1>{para}<h2>Background of it</h2>{para}"
        f"<h2>Approach taken</h2>{para}{numbered}"
        f"<h2 style='break-before: page'>Closing remarks</h2>{para}",
        # (No bookmarks: an outline would set the levels.)
        css="h1, h2 { bookmark-level: none } h2 { margin: 6pt 0 } p { margin: 0 0 4pt }",
    )
    levels = {
        b.text: b.level for b in read_layout(path, max_pages=2).blocks if isinstance(b, Heading)
    }
    assert levels["A strategy in five pillars"] == 1
    assert levels["Background of it"] == levels["1 Defend the networks"] == 2
    assert levels["Closing remarks"] == 2
