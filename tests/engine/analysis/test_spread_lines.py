"""A justified line spread wide, because its next word (a long web address) did not fit,
stays a line of its paragraph: its pieces stand further apart than the pieces of one line
usually do (reader.LINE_STEP), but about equally, from where the line above starts to where
it ends (reader._BlockAsks.spread_line_goes_on)."""

from __future__ import annotations

from pathlib import Path

from tests.engine.content_pdfs import drawn_widths, shown_at, text_page_pdf
from workers.engine.document import block_text
from workers.engine.layout.reader import read_layout

LEFT = 72.0
ABOVE = "Execute the command named here, and return the exit status it gave (this may not be"
BELOW = "ual/html_node/Functions.html for the full details on the exit status it returns."
SPREAD = ["on", "non-POSIX", "systems.)", "See", "https://gnu.org/man-"]


def _page(tmp_path: Path, last_line: list[str], *, to_the_edge: bool) -> tuple[Path, float]:
    """A paragraph: a full line, a line of ``last_line``'s words set apart equally (out to
    the full line's right edge, or not), and a line under it. Also the gaps' width."""
    widths, height = drawn_widths(tmp_path, [ABOVE, *last_line])
    measure = widths[0]
    room = measure if to_the_edge else measure - 60
    gap = (room - sum(widths[1:])) / (len(last_line) - 1)
    operators = [b"BT /F1 10 Tf", shown_at(ABOVE, LEFT, 700)]
    x = LEFT
    for word, width in zip(last_line, widths[1:], strict=True):
        operators.append(shown_at(word, x, 688))
        x += width + gap
    operators += [shown_at(BELOW, LEFT, 676), b"ET"]
    path = text_page_pdf(tmp_path / "spread.pdf", operators)
    return path, gap / height


def _paragraphs(path: Path) -> list[str]:
    return [block_text(b) for b in read_layout(path, max_pages=1).blocks]


def test_a_line_spread_to_the_edge_goes_on(tmp_path: Path) -> None:
    path, gap = _page(tmp_path, SPREAD, to_the_edge=True)
    # (Wider than the pieces of a line are set apart, the case at hand; within the reach.)
    assert 2.0 < gap < 4.0
    paragraphs = _paragraphs(path)
    assert len(paragraphs) == 1
    assert "(this may not be on non-POSIX systems.) See https://gnu.org/man-" in paragraphs[0]


def test_a_line_spread_short_of_the_edge_stays_apart(tmp_path: Path) -> None:
    path, gap = _page(tmp_path, SPREAD, to_the_edge=False)
    assert 2.0 < gap < 4.0
    paragraphs = _paragraphs(path)
    assert not any("systems.) See" in p for p in paragraphs)


def test_unequal_gaps_stay_apart(tmp_path: Path) -> None:
    # The same words out to the edge, but the first gap much narrower than the others, each
    # wider than a line's pieces are set apart: a row's cells.
    widths, height = drawn_widths(tmp_path, [ABOVE, *SPREAD])
    gap = (widths[0] - sum(widths[1:])) / (len(SPREAD) - 1)
    gaps = [0.65 * gap] + [gap + 0.35 * gap / (len(SPREAD) - 2)] * (len(SPREAD) - 2)
    operators = [b"BT /F1 10 Tf", shown_at(ABOVE, LEFT, 700)]
    x = LEFT
    for k, (word, width) in enumerate(zip(SPREAD, widths[1:], strict=True)):
        operators.append(shown_at(word, x, 688))
        x += width + (gaps[k] if k < len(gaps) else 0)
    operators += [shown_at(BELOW, LEFT, 676), b"ET"]
    path = text_page_pdf(tmp_path / "cells.pdf", operators)
    assert min(gaps) / height > 2.0 and max(gaps) / height < 4.0
    assert not any("systems.) See" in p for p in _paragraphs(path))
