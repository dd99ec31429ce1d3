"""Bullets drawn as shapes, not set in a font (LaTeX beamer's filled squares and discs, a
triangle): the lines they lead are a list's points, as lines opening with "•" are. A legend's
keys beside a chart, on the chart's panel, stay no list."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.engine.content_pdfs import text_page_pdf
from workers.engine.analyse import analyse
from workers.engine.document import Figure, ListBlock, ListItem, Paragraph
from workers.engine.layout.reader import read_layout
from workers.engine.tagged_pdf.checks import check_tagged_pdf
from workers.engine.tagged_pdf.tagger import tag_pdf

_ITEMS = ["Apples grow on trees in the orchard", "Pears ripen later in the autumn",
          "Plums are best eaten fresh", "Cherries need a warm summer"]
_KAPPA = 0.5523  # a quarter circle's control points, as a share of its radius


def _disc(cx: float, cy: float, r: float) -> bytes:
    k = _KAPPA * r
    return (
        f"{cx + r} {cy} m {cx + r} {cy + k} {cx + k} {cy + r} {cx} {cy + r} c "
        f"{cx - k} {cy + r} {cx - r} {cy + k} {cx - r} {cy} c "
        f"{cx - r} {cy - k} {cx - k} {cy - r} {cx} {cy - r} c "
        f"{cx + k} {cy - r} {cx + r} {cy - k} {cx + r} {cy} c f"
    ).encode()


def _shape(kind: str, x: float, y: float) -> bytes:
    if kind == "square":
        return f"{x} {y + 0.75} 4.5 4.5 re f".encode()
    if kind == "disc":
        return _disc(x + 2.25, y + 3.0, 2.25)
    return f"{x} {y + 0.5} m {x} {y + 5.5} l {x + 4.3} {y + 3} l h f".encode()


def _page(path: Path, kind: str, panel: bool = False) -> Path:
    ops = [b"BT /F1 14 Tf 72 760 Td (Fruit of the season) Tj ET",
           b"BT /F1 11 Tf 72 735 Td (The orchard gives these fruits each year:) Tj ET"]
    if panel:
        # A chart's panel: a plot (a bar) and the legend's keys on one drawn box.
        ops += [b"0.9 g 60 600 400 130 re f", b"0.2 g 100 610 40 100 re f", b"0 g"]
    for k, text in enumerate(_ITEMS):
        y = 710 - 18 * k
        ops.append(_shape(kind, 80, y))
        ops.append(f"BT /F1 11 Tf 92 {y} Td ({text}) Tj ET".encode())
    ops.append(b"BT /F1 11 Tf 72 560 Td (That is all the fruit there is to tell this year.) Tj ET")
    return text_page_pdf(path, ops)


@pytest.mark.parametrize("kind", ["square", "disc", "triangle"])
def test_lines_led_by_drawn_bullets_are_a_list(tmp_path: Path, kind: str) -> None:
    doc = read_layout(_page(tmp_path / f"{kind}.pdf", kind), max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    # (No character is printed for a drawn bullet: the items have no label in the text.)
    assert [i.label for i in lists[0].items] == [""] * 4
    assert [i.blocks[0].text for i in lists[0].items] == _ITEMS
    assert not lists[0].ordered


def test_legend_keys_on_a_charts_panel_are_no_bullets(tmp_path: Path) -> None:
    doc = read_layout(_page(tmp_path / "legend.pdf", "square", panel=True), max_pages=5)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    assert any(isinstance(b, Paragraph) and b.text.startswith("Apples") for b in doc.blocks)


def test_one_small_square_alone_is_no_bullet(tmp_path: Path) -> None:
    ops = [b"BT /F1 11 Tf 72 735 Td (The orchard gives these fruits each year:) Tj ET",
           _shape("square", 80, 710),
           b"BT /F1 11 Tf 92 710 Td (Apples grow on trees in the orchard) Tj ET"]
    doc = read_layout(text_page_pdf(tmp_path / "one.pdf", ops), max_pages=5)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)


def test_a_list_of_drawn_bullets_tags_faithfully(tmp_path: Path) -> None:
    # (The items' text is what is drawn: no "•" said that no glyph draws.)
    source = _page(tmp_path / "disc.pdf", "disc")
    tagged = tag_pdf(source, analyse(source, max_pages=5))
    assert tagged.list_items == 4
    report = check_tagged_pdf(tagged.content, source=source,
                              expected_texts=tagged.expected_texts)
    assert report["passed"], [c for c in report["checks"] if not c["passed"]]


def _ring(cx: float, cy: float, r: float) -> bytes:
    """A hollow bullet as Chromium draws "◦": a circle stroked, not filled."""
    return _disc(cx, cy, r)[:-1] + b"0.6 w S"


_FRUITS = ("apples", "pears on walls", "plums", "cherries", "quinces and medlars", "damsons",
           "apricots indoors")
#: Under the fourth section of each part, two of its own, led by drawn squares.
_KINDS = ("sweet", "sour")


def _entries() -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for part in ("Growing fruit", "Picking fruit", "Keeping fruit"):
        out.append((0, part))
        for k, fruit in enumerate(_FRUITS):
            out.append((1, f"{part[:-6]} {fruit}"))
            if k == 3:
                out += [(2, f"{kind} {fruit}") for kind in _KINDS]
    return out


def _contents_page(path: Path) -> Path:
    """A contents list as a browser prints one: each entry a link, underlined by a thin rule
    under each run of its text, led by a drawn disc, its sections nested under it led by
    drawn rings, theirs by drawn squares."""
    ops = [b"BT /F1 14 Tf 72 760 Td (The Fruit Manual) Tj ET"]
    y = 730.0
    for level, text in _entries():
        x = 92 + 30 * level
        ops.append([_disc(x - 8, y + 3, 1.5), _ring(x - 8, y + 3, 1.5),
                    f"{x - 10} {y + 1.5} 3 3 re f".encode()][level])
        ops.append(f"BT /F1 8.5 Tf {x} {y} Td ({text}) Tj ET".encode())
        half = 2.1 * len(text)
        ops.append(f"{x} {y - 1.5} {half} 0.75 re f".encode())
        ops.append(f"{x + half} {y - 1.5} {half} 0.75 re f".encode())
        y -= 10.5
    ops.append(b"BT /F1 11 Tf 72 400 Td (Each part tells the fruit of one season.) Tj ET")
    return text_page_pdf(path, ops)


def test_a_contents_list_of_underlined_links_is_no_drawing(tmp_path: Path) -> None:
    # The bullets and the links' underlines, many small shapes close together, would make
    # a cluster a drawing's; the bullets are text's labels, so the list is read as one.
    doc = read_layout(_contents_page(tmp_path / "contents.pdf"), max_pages=5)
    assert not any(isinstance(b, Figure) for b in doc.blocks)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1

    def entries(items: list[ListItem], level: int) -> list[tuple[int, str]]:
        out = []
        for item in items:
            out.append((level, item.text))
            for nested in item.blocks:
                if isinstance(nested, ListBlock):
                    out += entries(nested.items, level + 1)
        return out

    assert entries(lists[0].items, 0) == _entries()


def test_a_lone_ring_nested_under_drawn_discs_leads_a_point(tmp_path: Path) -> None:
    # One point nested in a list of disc-led points, led by the one ring on the page (of a
    # size of its own: each level of a browser's nested list has its own mark).
    ops = [b"BT /F1 11 Tf 72 735 Td (The orchard gives these fruits each year:) Tj ET"]
    y = 710
    for k, text in enumerate(_ITEMS):
        ops += [_disc(82, y + 3, 1.5), f"BT /F1 9 Tf 92 {y} Td ({text}) Tj ET".encode()]
        y -= 11
        if k == 1:
            ops += [_ring(112, y + 3, 1.9),
                    f"BT /F1 9 Tf 122 {y} Td (Conference pears keep longest) Tj ET".encode()]
            y -= 11
    doc = read_layout(text_page_pdf(tmp_path / "ring.pdf", ops), max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert len(lists) == 1
    assert [i.text for i in lists[0].items] == _ITEMS
    nested = [b for b in lists[0].items[1].blocks if isinstance(b, ListBlock)]
    assert [[i.text for i in n.items] for n in nested] == [["Conference pears keep longest"]]


def _lone_item_page(path: Path, *extra: bytes) -> Path:
    """A list's last item opening a page as a browser prints it: one disc, a fifth of the
    line's height, level with the item's first line, a label's gap left of its text."""
    ops = [_disc(84.5, 763, 1.2),
           b"BT /F1 11 Tf 92 760 Td (Cherries need a warm summer and a sheltered wall) Tj ET",
           b"BT /F1 11 Tf 72 730 Td (That is all the fruit there is to tell this year.) Tj ET",
           *extra]
    return text_page_pdf(path, ops)


def test_a_lone_disc_set_as_a_bullet_leads_an_item(tmp_path: Path) -> None:
    doc = read_layout(_lone_item_page(tmp_path / "lone.pdf"), max_pages=5)
    lists = [b for b in doc.blocks if isinstance(b, ListBlock)]
    assert [[i.text for i in b.items] for b in lists] == [
        ["Cherries need a warm summer and a sheltered wall"]]


def test_a_lone_disc_beside_a_drawing_is_no_bullet(tmp_path: Path) -> None:
    # (A chart's legend key: its plot drawn just by it.)
    plot = b"0.2 g 60 770 6 20 re f 70 770 6 28 re f 0 g"
    doc = read_layout(_lone_item_page(tmp_path / "key.pdf", plot), max_pages=5)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)


def test_disclosure_triangles_far_apart_lead_no_list(tmp_path: Path) -> None:
    """A browser's collapsed sections: a triangle before each summary line ("▶ Or use async
    def..."), far apart down the page with the text between; no list's points."""
    ops = [b"BT /F1 14 Tf 72 760 Td (Example) Tj ET"]
    y = 730
    for summary in ("Or use async def...", "About the command fastapi dev..."):
        ops += [_shape("triangle", 72, y), f"BT /F1 11 Tf 84 {y} Td ({summary}) Tj ET".encode()]
        y -= 24
        for _ in range(12):
            ops.append(b"BT /F1 11 Tf 72 %d Td (The text of the page goes on between the two "
                       b"summary lines.) Tj ET" % y)
            y -= 16
        y -= 10
    doc = read_layout(text_page_pdf(tmp_path / "details.pdf", ops), max_pages=5)
    assert not any(isinstance(b, ListBlock) for b in doc.blocks)
    texts = [b.text for b in doc.blocks if isinstance(b, Paragraph)]
    assert "Or use async def..." in texts


def test_triangles_near_each_other_lead_a_list(tmp_path: Path) -> None:
    doc = read_layout(_page(tmp_path / "triangle.pdf", "triangle"), max_pages=5)
    assert [len(b.items) for b in doc.blocks if isinstance(b, ListBlock)] == [4]
