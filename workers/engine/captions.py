"""Which paragraph of the model is a figure's or table's caption.

The layout reader keeps a caption twice: as the figure's ``caption`` (its text) and as the
paragraph that draws it, read where it stands. Every output says it once: the tagged PDF
makes that paragraph the figure's ``Caption``; HTML, large print and the pandoc formats show
the caption with the figure and leave the paragraph out (:func:`without_caption_paragraphs`).
Only a paragraph next to its figure is paired (:func:`caption_paragraphs`): taking one from
further away would change the reading order.
"""

from __future__ import annotations

from .document import BBox, Block, Figure, ListBlock, Paragraph, Prov, Table
from .layout.figures import between_pictures_and_caption
from .layout.patterns import BULLET


def caption_paragraphs(blocks: list[Block]) -> dict[int, tuple[int, bool]]:
    """Figure or table index -> (index of the paragraph that is its caption, whether it comes
    before it). The caption must read exactly as the model's caption and be the next block
    before or after the figure, or be separated from it only by text set on the figure itself
    (a diagram's labels, which the layout reader reads as short paragraphs): moving text from
    further away would change the reading order."""
    out: dict[int, tuple[int, bool]] = {}
    taken: set[int] = set()
    for k, block in enumerate(blocks):
        if not isinstance(block, Figure | Table) or not block.caption or not block.prov:
            continue
        wanted = " ".join(block.caption.split())
        # Where captions are usually set is looked at first: above a table, below a figure.
        for step in (-1, 1) if isinstance(block, Table) else (1, -1):
            at = _caption_at(blocks, k, step, wanted, taken)
            if at is not None and at not in taken:
                out[k] = (at, at < k)
                taken.add(at)
                break
    return out


def _caption_at(
    blocks: list[Block], k: int, step: int, wanted: str, taken: set[int]
) -> int | None:
    """The caption paragraph of the figure at ``k``, looked for in direction ``step``. Besides
    text set on the figure, the other pictures of a row and the names already taken by them
    may stand between (a row of pictures read before the row of their names), and so may
    the sub-figures' labelled names set between the pictures and the caption: none of them
    is text of the flow, so pairing leaves the words in their order."""
    figure = blocks[k].prov
    page = figure[-1].page
    pictures = [prov.bbox for prov in figure if prov.page == page]
    # Blocks neither taken nor on the figure nor pictured beside it, which the caption
    # found must show to stand between itself and the pictures.
    apart: list[Block] = []
    at = k + step
    while 0 <= at < len(blocks) and abs(at - k) <= _MAX_LABELS + 1:
        other = blocks[at]
        if at not in taken and isinstance(other, Paragraph) and other.prov and _reads_as(
            other.text, wanted
        ):
            return at if all(_named_under(b, page, pictures, other) for b in apart) else None
        if not (
            at in taken or _pictured_beside(other, figure[-1]) or _on_figure(other, pictures, page)
        ):
            if isinstance(other, Figure | Table):
                return None
            apart.append(other)
        at += step
    return None


def _named_under(block: Block, page: int, pictures: list[BBox], caption: Paragraph) -> bool:
    """Whether ``block`` holds the sub-figures' names, labelled ("(a) Halbraum  (b) Pair of
    pants", read as a list), set between the ``pictures`` (on ``page``) and their
    ``caption`` (see :func:`.layout.figures.between_pictures_and_caption`). A paragraph
    there is running text read between a picture and its caption: pairing the caption
    over it would change the reading order."""
    if not isinstance(block, ListBlock) or not block.prov or any(
        prov.page != page for prov in caption.prov
    ):
        return False
    box = caption.prov[0].bbox
    for prov in caption.prov[1:]:
        box = box.union(prov.bbox)
    return all(
        prov.page == page and between_pictures_and_caption(
            (prov.bbox.x0 + prov.bbox.x1) / 2, (prov.bbox.y0 + prov.bbox.y1) / 2,
            pictures, box, _ON_FIGURE)
        for prov in block.prov
    )


def _pictured_beside(block: Block, figure: Prov) -> bool:
    """A figure on the same page, level with ``figure`` (another picture of its row)."""
    if not isinstance(block, Figure) or not block.prov:
        return False
    other = block.prov[0]
    return other.page == figure.page and min(other.bbox.y1, figure.bbox.y1) > max(
        other.bbox.y0, figure.bbox.y0)


def _reads_as(text: str, caption: str) -> bool:
    """The paragraph's ``text`` reads as the ``caption``, spaces aside; an ornament opening
    the paragraph ("▌Figure 5.1 …") is none of the caption's (see
    :func:`.layout.figures.caption_text`)."""
    text = " ".join(text.split())
    return text == caption or BULLET.sub("", text, count=1) == caption


#: At most this many blocks set on a figure may stand between it and its caption: a diagram
#: has a few labels; a "figure" holding dozens of paragraphs is a table drawn with rules or a
#: text box, where moving its caption ahead of them all would change the reading order a lot.
_MAX_LABELS = 10
#: Points around a figure's box within which text is still set on the figure (sub-figure
#: labels "(a)" just under a drawing).
_ON_FIGURE = 12.0


def _on_figure(block: Block, pictures: list[BBox], page: int) -> bool:
    """Whether ``block`` is text set on the figure: drawn on its ``page``, with its middle
    inside one of the figure's ``pictures`` (give or take :data:`_ON_FIGURE`)."""
    if isinstance(block, Figure | Table) or not block.prov:
        return False
    for prov in block.prov:
        x, y = (prov.bbox.x0 + prov.bbox.x1) / 2, (prov.bbox.y0 + prov.bbox.y1) / 2
        if prov.page != page or not any(
            box.x0 - _ON_FIGURE <= x <= box.x1 + _ON_FIGURE
            and box.y0 - _ON_FIGURE <= y <= box.y1 + _ON_FIGURE
            for box in pictures
        ):
            return False
    return True


def without_caption_paragraphs(blocks: list[Block]) -> list[Block]:
    """``blocks`` less the paragraphs that are the caption of a figure or table among them."""
    taken = {at for at, _ in caption_paragraphs(blocks).values()}
    return [block for k, block in enumerate(blocks) if k not in taken] if taken else blocks
