"""Running headers and footers glued to the text beside them, read apart.

Block building joins lines a line's gap apart in one face; where a running header sits a line's
gap above a page's title (a form's "CUI (when filled in)" over its title on page 1), the two
become one block, and artifact detection, which matches whole blocks repeated across pages
(:mod:`.classify`), never sees the header there. Split off, it is found like its repeats.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..document import BBox, Page
from .blocks import MARGIN_BAND, Block, PageResult, block_of, lines_of
from .classify import norm_running
from .lines import Fragment

#: A line repeated at the same place on other pages: its middle within this share of its
#: height, its left and right edges within this share of its height.
RUNNING_PLACE = 0.5
RUNNING_EDGE = 1.0


def running_lines_apart(results: Sequence[PageResult]) -> None:
    """Split off a block's first or last line when, in the page's margin band, that line is a
    running header or footer: a block of that line alone stands at the same place on other
    pages. Where the running line sits a line's gap above the title on one page (a form's
    "CUI (when filled in)" over its title on page 1), block building reads them as one
    block; apart, the line is found as an artifact like its repeats and the title is whole.
    As many other pages must show it as artifact detection asks (:mod:`.classify`)."""
    if len(results) < 2:
        return
    repeats = max(2, min(3, len(results) // 2))
    alone: dict[str, list[tuple[int, BBox]]] = {}  # text -> (page, its one-line block)
    for index, result in enumerate(results):
        for block in result.blocks:
            if block.kind == "text" and block.frags and _in_margin_band(block, result.page):
                line = lines_of(block.frags)
                if len(line) == 1:
                    alone.setdefault(_line_key(line[0]), []).append((index, _line_box(line[0])))
    if not alone:
        return
    for index, result in enumerate(results):
        labels = {id(b) for b in result.blocks for b in b.labels}
        out: list[Block] = []
        for block in result.blocks:
            if block.kind != "text" or id(block) in labels or not _in_margin_band(
                block, result.page
            ):
                out.append(block)
                continue
            line_list = lines_of(block.frags)
            if len(line_list) < 2:
                out.append(block)
                continue
            band = MARGIN_BAND * result.page.height
            first, last = line_list[0], line_list[-1]
            if _line_box(first).y0 - result.page.y0 > result.page.height - band and \
                    _repeated_line(first, index, alone, repeats):
                out += [block_of(block.page, first), block_of(block.page, _joined(line_list[1:]))]
            elif _line_box(last).y1 - result.page.y0 < band and \
                    _repeated_line(last, index, alone, repeats):
                out += [block_of(block.page, _joined(line_list[:-1])), block_of(block.page, last)]
            else:
                out.append(block)
        result.blocks[:] = out


def _in_margin_band(block: Block, page: Page) -> bool:
    """Whether the block reaches into the top or bottom margin band of the page."""
    band = MARGIN_BAND * page.height
    return block.y1 - page.y0 > page.height - band or block.y0 - page.y0 < band


def _line_key(line: list[Fragment]) -> str:
    return norm_running(" ".join(f.text for f in line))


def _line_box(line: list[Fragment]) -> BBox:
    """A line's box: its fragments' union."""
    return BBox(min(f.x0 for f in line), min(f.y0 for f in line),
                max(f.x1 for f in line), max(f.y1 for f in line))


def _repeated_line(
    line: list[Fragment], index: int, alone: dict[str, list[tuple[int, BBox]]], repeats: int
) -> bool:
    """Whether the line stands alone at the same place on enough other pages."""
    box = _line_box(line)
    height = max(box.y1 - box.y0, 1.0)
    middle = (box.y0 + box.y1) / 2
    pages = {
        page for page, other in alone.get(_line_key(line), [])
        if page != index
        and abs((other.y0 + other.y1) / 2 - middle) <= RUNNING_PLACE * height
        and abs(other.x0 - box.x0) <= RUNNING_EDGE * height
        and abs(other.x1 - box.x1) <= RUNNING_EDGE * height
    }
    return len(pages) + 1 >= repeats


def _joined(line_list: list[list[Fragment]]) -> list[Fragment]:
    return [f for line in line_list for f in line]


