"""The page's drawn lines, as the reading order asks about them (order.DrawnLines)."""

from __future__ import annotations

from workers.engine.document import BBox
from workers.engine.layout.order import DrawnLines, lines_along


def test_pieces_at_one_height_join_where_they_touch_and_a_lone_piece_stays_as_drawn() -> None:
    pieces = [(500.0, 300.0, 400.0), (100.0, 50.0, 150.0), (100.5, 150.5, 250.0),
              (101.0, 400.0, 450.0), (300.0, 10.0, 20.0)]
    assert lines_along(pieces) == [
        (100.0, [(50.0, 250.0), (400.0, 450.0)]),
        (300.0, [(10.0, 20.0)]),
        (500.0, [(300.0, 400.0)]),
    ]


def test_a_line_is_within_an_extent_only_strictly_inside_it_across_its_axis() -> None:
    # A rule across at height 200 and a box whose walls stand at x 100 and 300.
    drawn = DrawnLines([BBox(50, 199.5, 450, 200.5)], [BBox(100, 600, 300, 700)])
    assert drawn.within((0.0, 500.0, 150.0, 250.0))  # the rule
    assert drawn.within((90.0, 110.0, 0.0, 50.0))  # the box's left wall, whatever its height
    assert not drawn.within((110.0, 290.0, 210.0, 590.0))  # between them all
    assert not drawn.within((110.0, 290.0, 200.0, 250.0))  # the rule at its edge only
