"""List items set side by side on one line (a form's options, each after its box: "☐ Army
☐ Navy ☐ Air Force"): each item starts right of the one before, but level with it, not
under it. Such an item is the next of the same list, not a list nested in the one before
(nesting is told by an item set further in on a line below)."""

from __future__ import annotations

from ..document import BBox

#: Two items stand on one line when their first lines overlap by at least this share of
#: the lower one's height.
LEVEL = 0.5


def beside_on_its_line(before: BBox, first_line: BBox) -> bool:
    """Whether the item whose first line is ``first_line`` stands right of the item boxed
    by ``before`` (whose last line ends there), level with that item's first line."""
    overlap = min(before.y1, first_line.y1) - max(before.y0, first_line.y0)
    height = min(before.height, first_line.height)
    return first_line.x0 >= before.x1 - 0.5 and overlap >= LEVEL * height > 0
