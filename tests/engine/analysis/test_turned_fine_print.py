"""A picture of a poster shown askew in miniature beside a paragraph (a booklet's exercise
sheet): its words, set at an angle and a fraction of the text's size, are set aside while the
page's columns are looked for. Among the page's text, its many short lines outnumbered the
paragraph's, so the column search took the part for no running text and cut it across at a
gap level with one between the paragraph's lines, reading the miniature between them; now the
paragraph is read whole. Text set at an angle at the text's own size keeps its place. Small
PDFs drawn here by text operators."""

from __future__ import annotations

import math
from pathlib import Path

from workers.engine.document import block_text
from workers.engine.layout.glyphs import Glyph
from workers.engine.layout.lines import Fragment
from workers.engine.layout.order import column_regions
from workers.engine.layout.reader import read_layout

from ..content_pdfs import text_page_pdf

#: (x, baseline, size, horizontal scale %, text) of a heading, a paragraph set 13 points
#: apart beside the miniature and a line of text under both.
LEVEL = [
    (54, 290, 12, 109, "Arm exercises"),
    (54, 271.4, 9.2, 101, "After surgery, you can slowly"),
    (54, 258.4, 9.2, 102, "begin to exercise your arm on"),
    (54, 245.4, 9.2, 102, "the advice of your treatment"),
    (54, 232.4, 9.2, 101, "team. This will help it feel"),
    (54, 219.4, 9.2, 103, "better and get back to normal"),
    (54, 206.4, 9.2, 101, "more quickly. Arm exercises"),
    (54, 193.4, 9.2, 102, "will also move any fluid that"),
    (54, 180.4, 9.2, 101, "has collected near the surgical"),
    (54, 167.4, 9.2, 106, "scar (seroma) and help to"),
    (54, 154.4, 9.2, 102, "prevent lymphoedema"),
    (54, 141.4, 9.2, 109, "(see pages 51-52)."),
    (55, 82.3, 9.2, 101, "local Cancer Council website. You can also call Cancer Council"),
]
#: (x, baseline, size, text) of the miniature's lines, each turned 9 degrees.
MINIATURE = [
    (288.6, 258.6, 1.5, "Make a fist and squeeze"),
    (288.3, 257.0, 1.5, "slowly and then gently"),
    (287.9, 254.6, 1.5, "open fingers out and relax."),
    (223.8, 246.1, 3.6, "Level two exercises"),
    (223.5, 244.1, 4.3, "E"),
    (274.7, 235.5, 4.3, "F"),
    (308.5, 224.1, 1.5, "Arm lift Keep pushing your hands"),
    (308.2, 221.8, 1.5, "together so that they support"),
    (296.8, 154.0, 1.5, "wall. Place both hands on the"),
    (296.5, 152.0, 1.5, "wall at elbow height. Use your"),
    (296.2, 149.9, 1.5, "fingers to pull your hands up the"),
    (295.9, 148.3, 1.5, "wall, going as far as you can."),
    (295.2, 144.5, 1.5, "Slowly slide your hands back"),
    (294.9, 142.6, 1.5, "down the wall and relax. You"),
    (294.6, 140.8, 1.5, "may want to mark how high"),
]


def show(x: float, y: float, text: str, size: float, angle: float = 0.0,
         scale: float = 100) -> bytes:
    """``text`` at (x, y), ``size`` points, its baseline turned ``angle`` degrees."""
    c, s = math.cos(math.radians(angle)), math.sin(math.radians(angle))
    text = text.replace("(", r"\(").replace(")", r"\)")
    return (f"BT /F1 {size} Tf {scale} Tz {c:.4f} {s:.4f} {-s:.4f} {c:.4f} {x} {y} Tm "
            f"({text}) Tj ET").encode()


def _page(path: Path, scale: float) -> list[str]:
    """The page, the miniature's type ``scale`` times its size."""
    ops = [show(x, y, text, size, scale=stretch) for x, y, size, stretch, text in LEVEL]
    ops += [show(x, y, text, size * scale, 9) for x, y, size, text in MINIATURE]
    pdf = text_page_pdf(path, ops, size=(419.5, 595.3))
    return [block_text(b) for b in read_layout(pdf, max_pages=1).blocks]


def test_a_miniature_set_askew_leaves_the_paragraph_beside_it_whole(tmp_path: Path) -> None:
    texts = _page(tmp_path / "poster.pdf", 1.0)
    opening = next(t for t in texts if t.startswith("After surgery"))
    assert "treatment team. This will help" in opening and opening.endswith("51-52)."), texts


def _between(path: Path, text: str, size: float, angle: float) -> list[str]:
    """Two paragraphs, one under the other, and between them ``text`` at ``angle`` degrees."""
    lines = [text for _, _, _, _, text in LEVEL[1:12]]
    ops = [show(60, 700 - 13 * k, text, 11) for k, text in enumerate(lines[:5])]
    ops.append(show(80, 620 if angle < 45 else 606, text, size, angle))
    ops += [show(60, 590 - 13 * k, text, 11) for k, text in enumerate(lines[5:])]
    pdf = text_page_pdf(path, ops)
    return [block_text(b) for b in read_layout(pdf, max_pages=1).blocks]


def _in_place(texts: list[str], text: str) -> bool:
    joined = " ".join(texts)
    return joined.index("the advice") < joined.index(text) < joined.index("more quickly")


def test_text_askew_at_the_text_size_keeps_its_place(tmp_path: Path) -> None:
    step = "Shoulder rolls: lift your shoulder and roll it back."
    assert _in_place(_between(tmp_path / "steps.pdf", step, 10, 8), step)


def _run(text: str, x: float, y: float, size: float, across: float, up: float) -> Fragment:
    """A fragment of ``text``, each glyph ``size`` high, the next (across, up) further on;
    turned unless it runs level."""
    turned = up != 0
    glyphs = [
        Glyph(ch, x + k * across, y + k * up, x + k * across + size / 2,
              y + k * up + size, size, False, "Helvetica", 0, -1, rotated=turned)
        for k, ch in enumerate(text)
    ]
    return Fragment(glyphs, text, min(g.x0 for g in glyphs), min(g.y0 for g in glyphs),
                    max(g.x1 for g in glyphs), max(g.y1 for g in glyphs))


def _regions_with(small: Fragment) -> list[list[Fragment]]:
    """The column search's regions of two paragraphs of level lines, one under the other,
    with ``small`` between them."""
    lines = [_run(f"line {k} of a column of running text set level", 60,
                  700 - 13 * k - (30 if k > 5 else 0), 10, 5, 0) for k in range(12)]
    return column_regions(sorted([*lines, small], key=lambda f: (-f.y1, f.x0)))


def test_fine_print_running_up_the_page_keeps_its_place() -> None:
    # (A photograph's credit up its side, an axis title: read where it stands.)
    credit = _run("Photo Works", 60, 606, 2, 0, 1)
    assert [[credit]] != _regions_with(credit)[-1:]
    # (The same fine print slanting across the page: a miniature's, set aside.)
    askew = _run("Photo Works", 60, 606, 2, 1, 0.15)
    assert [[askew]] == _regions_with(askew)[-1:]
