"""Sub-figures' names labelled "(a)", "(b)" that are their pictures' captions: no list.

A row of pictures names each under it, "(a) Original Image", "(b) Style image", and the
reader takes each name for its picture's caption. Read as a list besides (their labels a
list's), the names are said twice: the outputs show a caption with its figure and leave out
only the paragraph that draws it (see :mod:`..captions`), not a list's item. Each name is
the paragraph of its caption, where the list stood.
"""

from __future__ import annotations

from ..document import Block, Figure, ListBlock, ListItem, Paragraph


def names_as_captions(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each list whose every item reads as the caption of a figure of the
    run of figures right before it or right after it turned into those captions'
    paragraphs."""
    out: list[Block] = []
    for at, block in enumerate(blocks):
        if isinstance(block, ListBlock) and _names_figures(blocks, at, block):
            out.extend(_caption_paragraph(item) for item in block.items)
        else:
            out.append(block)
    return out


def _said(item: ListItem) -> str | None:
    """The item read whole, its label first; None unless it holds paragraphs alone."""
    if not item.label or not item.blocks or not all(isinstance(b, Paragraph) for b in item.blocks):
        return None
    text = " ".join(b.text for b in item.blocks if isinstance(b, Paragraph))
    return " ".join(f"{item.label} {text}".split())


def _names_figures(blocks: list[Block], at: int, block: ListBlock) -> bool:
    captions: set[str] = set()
    for step in (-1, 1):
        k = at + step
        while 0 <= k < len(blocks) and isinstance(figure := blocks[k], Figure):
            if figure.caption:
                captions.add(" ".join(figure.caption.split()))
            k += step
    return bool(captions) and all(_said(item) in captions for item in block.items)


def _caption_paragraph(item: ListItem) -> Paragraph:
    paragraphs = [b for b in item.blocks if isinstance(b, Paragraph)]
    return Paragraph(
        _said(item) or item.text, item.prov or [p for b in paragraphs for p in b.prov],
        [link for b in paragraphs for link in b.links], item.lang,
    )
