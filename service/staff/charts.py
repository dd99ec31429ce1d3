"""Small bar charts drawn on the server as SVG: no script, nothing to load, and the same
figures are always given as a table beside them (the chart is a picture of the table).

Geometry only; ``templates/staff/_charts.html`` turns a ``BarChart`` into SVG markup.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

WIDTH = 640
HEIGHT = 240
_LEFT = 56  # room for the y-axis labels
_RIGHT = 8
_TOP = 12
_BOTTOM = 36  # room for the day labels


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    #: Read by screen readers and shown as a tooltip: "Fri 27 Nov: 12 requests".
    title: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class AxisLabel:
    x: float
    label: str


@dataclass(frozen=True)
class BarChart:
    id: str
    title: str
    width: int
    height: int
    bars: list[Bar]
    ticks: list[Tick]
    x_labels: list[AxisLabel]
    baseline: float
    plot_left: float
    plot_right: float


def _nice_ceiling(value: float) -> float:
    """1, 2, 2.5, 5 or 10 times a power of ten, at least ``value``: round axis figures."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return step * power
    return 10 * power


def bar_chart(
    chart_id: str,
    title: str,
    points: Sequence[tuple[str, str, float | None]],
    *,
    value_text: Callable[[float | None], str],
    tick_text: Callable[[float], str],
) -> BarChart:
    """``points`` are (short axis label, full label, value); a missing value draws no bar."""
    top = _nice_ceiling(max((v for _, _, v in points if v is not None), default=0.0))
    plot_width = WIDTH - _LEFT - _RIGHT
    plot_height = HEIGHT - _TOP - _BOTTOM
    baseline = float(HEIGHT - _BOTTOM)
    slot = plot_width / max(1, len(points))
    bars: list[Bar] = []
    labels: list[AxisLabel] = []
    for index, (short, full, value) in enumerate(points):
        x = _LEFT + index * slot
        height = 0.0 if value is None else plot_height * value / top
        bars.append(
            Bar(
                x=round(x + slot * 0.15, 1),
                y=round(baseline - height, 1),
                width=round(slot * 0.7, 1),
                height=round(height, 1),
                title=f"{full}: {value_text(value)}",
            )
        )
        # Every other day is labelled, counting back from the last, so labels never overlap.
        if (len(points) - 1 - index) % 2 == 0:
            labels.append(AxisLabel(round(x + slot / 2, 1), short))
    ticks = [
        Tick(round(baseline - plot_height * fraction, 1), tick_text(top * fraction))
        for fraction in (0.0, 0.5, 1.0)
    ]
    return BarChart(
        id=chart_id,
        title=title,
        width=WIDTH,
        height=HEIGHT,
        bars=bars,
        ticks=ticks,
        x_labels=labels,
        baseline=baseline,
        plot_left=float(_LEFT),
        plot_right=float(WIDTH - _RIGHT),
    )
