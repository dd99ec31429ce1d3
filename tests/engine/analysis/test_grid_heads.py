"""A row of four or more heading-like lines in one face, a few words apart, is a grid's
column heads (a timetable's stages or days), not section headings; so are lines in sizes
shrunk to fit, side by side and stacked in four columns or more a few sizes apart (a
timetable's acts in their slots); the headings of wide columns side by side stay headings
(:func:`workers.engine.layout.classify._grid_heads`). Small PDFs drawn here."""

from __future__ import annotations

from pathlib import Path

from workers.engine.document import Heading
from workers.engine.layout.reader import read_layout

from .drawn_pdfs import helvetica_page

SENTENCE = (
    "This paragraph is set in the body face and runs on for a while as running text does "
    "so that the body size of the page is known to the reader of the page"
)


def _prose(x: float, top: float, lines: int, width_words: int = 9) -> list[str]:
    out = []
    words = SENTENCE.split()
    for k in range(lines):
        at = (k * 5) % len(words)
        text = " ".join(words[at:at + width_words])
        out.append(f"BT /F1 10 Tf {x} {top - 12 * k} Td ({text}) Tj ET")
    return out


def _headings(path: Path) -> list[str]:
    return [b.text for b in read_layout(path, max_pages=1).blocks if isinstance(b, Heading)]


def _page(tmp_path: Path, name: str, heads: list[str], pitch: float, prose_words: int) -> Path:
    ops = ["BT /F2 20 Tf 72 740 Td (Festival Timetable) Tj ET"]
    for k, head in enumerate(heads):
        x = 72 + pitch * k
        ops.append(f"BT /F1 16 Tf {x} 700 Td ({head}) Tj ET")
        ops += _prose(x, 680, 8, prose_words)
    ops += _prose(72, 560, 10)
    return helvetica_page(tmp_path / name, ops)


def test_column_heads_of_a_narrow_grid_are_no_headings(tmp_path: Path) -> None:
    heads = ["Main", "Second", "Tent", "Arena", "Club"]
    found = _headings(_page(tmp_path, "grid.pdf", heads, 92.0, 2))
    assert "Festival Timetable" in found
    assert not set(heads) & set(found)


def test_headings_of_wide_columns_side_by_side_stay_headings(tmp_path: Path) -> None:
    # Four columns of a newsletter, each headed at the same height: ten sizes apart.
    heads = ["Roads", "Parks", "Schools", "Water"]
    found = _headings(_page(tmp_path, "columns.pdf", heads, 135.0, 4))
    assert set(heads) <= set(found)


def test_three_heads_in_a_row_are_not_a_grid(tmp_path: Path) -> None:
    heads = ["Main", "Second", "Tent"]
    found = _headings(_page(tmp_path, "three.pdf", heads, 92.0, 2))
    assert set(heads) <= set(found)


def _timetable(tmp_path: Path, pitch: float) -> Path:
    """Acts in their stages' slots, in sizes shrunk to fit, no two rows alike: no row holds
    four lines in one face, and a slot's neighbours sit at different heights."""
    ops = ["BT /F2 20 Tf 72 760 Td (Festival Timetable) Tj ET"]
    acts = [["Korn", "Opeth", "Anvil"], ["Static", "Clutch", "Voivod"],
            ["Hexes", "Logan", "Duff"], ["Sabbat", "Trivium", "Down"]]
    for stage, names in enumerate(acts):
        x = 72 + pitch * stage
        for slot, name in enumerate(names):
            size = (11, 10, 9)[(stage + slot) % 3]
            y = 700 - 90 * slot - 6 * stage
            # (Each act in its slot's box, as a timetable draws them.)
            ops.append(f"0.8 g {x - 4} {y - 8} {pitch - 8} 28 re f 0 g")
            ops.append(f"BT /F1 {size} Tf {x} {y} Td ({name}) Tj ET")
    ops += [f"BT /F1 7 Tf 72 {380 - 9 * k} Td ({SENTENCE}) Tj ET" for k in range(12)]
    return helvetica_page(tmp_path / "timetable.pdf", ops)


def test_acts_in_a_timetables_slots_are_no_headings(tmp_path: Path) -> None:
    found = _headings(_timetable(tmp_path, 60.0))
    assert found == ["Festival Timetable"]


def test_headings_of_wide_columns_stacked_stay_headings(tmp_path: Path) -> None:
    # The same lines a newsletter's columns apart: each heads the column under it.
    found = _headings(_timetable(tmp_path, 150.0))
    assert {"Anvil", "Clutch", "Hexes", "Down"} <= set(found)
