"""Pages with /Rotate are read as they are shown.

A landscape table is often a portrait page turned by /Rotate 90: its text runs up the page in
user space, and read there its columns would be lines and its lines columns. The layout reader
therefore works in *display space* — the crop box turned as a viewer turns it, origin at its
lower-left corner — and the model's boxes are turned back to user space at the end (the tagger,
the renderers and the model's ``Page`` entries all speak user space).

``/Rotate`` turns the page clockwise when shown (ISO 32000-1 7.7.3.3).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from ..document import BBox, Document, Page, Prov
from .glyphs import PageContent
from .rounding import round_to


@dataclass(frozen=True)
class Frame:
    """One page's crop box in user space and how it is turned when shown."""

    rotation: int
    width: float
    height: float
    x0: float = 0.0
    y0: float = 0.0

    @property
    def turned(self) -> bool:
        return self.rotation in (90, 180, 270)

    def to_display(
        self, x0: float, y0: float, x1: float, y1: float
    ) -> tuple[float, float, float, float]:
        """A user-space box, as shown."""
        return _box(self._point_to_display(x0, y0), self._point_to_display(x1, y1))

    def to_user(
        self, x0: float, y0: float, x1: float, y1: float
    ) -> tuple[float, float, float, float]:
        """A box as shown, in user space."""
        return _box(self._point_to_user(x0, y0), self._point_to_user(x1, y1))

    def _point_to_display(self, x: float, y: float) -> tuple[float, float]:
        x, y = x - self.x0, y - self.y0
        if self.rotation == 90:
            return y, self.width - x
        if self.rotation == 180:
            return self.width - x, self.height - y
        if self.rotation == 270:
            return self.height - y, x
        return x + self.x0, y + self.y0

    def _point_to_user(self, x: float, y: float) -> tuple[float, float]:
        if self.rotation == 90:
            return self.width - y + self.x0, x + self.y0
        if self.rotation == 180:
            return self.width - x + self.x0, self.height - y + self.y0
        if self.rotation == 270:
            return y + self.x0, self.height - x + self.y0
        return x, y

    def display_page(self, page: Page) -> Page:
        """``page`` as shown: sides swapped by a quarter turn, origin at its corner."""
        if not self.turned:
            return page
        quarter = self.rotation in (90, 270)
        return dataclasses.replace(
            page,
            width=page.height if quarter else page.width,
            height=page.width if quarter else page.height,
            rotation=0, x0=0.0, y0=0.0,
        )


def _box(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float, float, float]:
    """The box with corners ``a`` and ``b`` (turned, either may be any corner)."""
    return min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1])


def frame_of(content: PageContent) -> Frame:
    return Frame(content.rotation % 360, content.width, content.height, content.x0, content.y0)


def to_display_space(content: PageContent, frame: Frame) -> None:
    """Turn everything read from a page into display space, in place (the objects were read
    for this page alone). Which glyphs run at an angle is already judged as shown
    (:mod:`.glyphs` reads it with the page's rotation)."""
    if not frame.turned:
        return
    for glyph in content.glyphs:
        glyph.x0, glyph.y0, glyph.x1, glyph.y1 = frame.to_display(
            glyph.x0, glyph.y0, glyph.x1, glyph.y1
        )
    for rect in (*content.images, *content.rules, *content.paths):
        rect.x0, rect.y0, rect.x1, rect.y1 = frame.to_display(rect.x0, rect.y0, rect.x1, rect.y1)
    if frame.rotation in (90, 270):
        content.width, content.height = content.height, content.width
    content.x0 = content.y0 = 0.0


def box_to_display(box: BBox, frame: Frame) -> BBox:
    return BBox(*frame.to_display(box.x0, box.y0, box.x1, box.y1)) if frame.turned else box


def to_user_space(doc: Document, frames: list[Frame]) -> None:
    """Turn every box of the model (blocks, their parts, links, artifacts) back to user
    space, in place."""
    if not any(frame.turned for frame in frames):
        return
    for block in (*doc.blocks, *doc.artifacts):
        _turn_back(block, frames)


def _turn_back(item: Any, frames: list[Frame]) -> None:
    if isinstance(item, list):
        for element in item:
            _turn_back(element, frames)
        return
    if not dataclasses.is_dataclass(item) or isinstance(item, type):
        return
    for f in dataclasses.fields(item):
        value = getattr(item, f.name)
        if f.name.endswith("prov") and isinstance(value, list):  # prov, label_prov
            setattr(item, f.name, [_prov_to_user(p, frames) for p in value])
        elif isinstance(value, list):
            _turn_back(value, frames)


def _prov_to_user(prov: Prov, frames: list[Frame]) -> Prov:
    frame = frames[prov.page] if 0 <= prov.page < len(frames) else None
    if frame is None or not frame.turned:
        return prov
    box = prov.bbox
    x0, y0, x1, y1 = frame.to_user(box.x0, box.y0, box.x1, box.y1)
    return dataclasses.replace(
        prov, bbox=BBox(round_to(x0, 2), round_to(y0, 2), round_to(x1, 2), round_to(y1, 2))
    )
