"""The box a path's curves really cover, not the box pdfium gives it.

pdfium bounds a path object by all of its points, the control points of its Bézier curves
included, and a stroked one by the miters of its joins as well: at a join with a curve of
almost no length (the rounded corner of a diagram's connector, ending in a curve a thousandth
of a point long) the miter's direction is unsure and its box shoots thousands of points off
the page. Such a box is no picture of where the path is drawn: clusters of shapes join across
a page, and a diagram of connectors reads as larger than the page, no figure. The extent of a
cubic curve is that of its end points and of the points where its derivative is zero along x
or y (the roots of a quadratic), which :func:`cubic_span` finds; a stroke widens it by half
its width (a miter's point at a sharp corner is left out: a point or two). The box is never
taken larger than pdfium's. The C walker (``_glyph_reader.c``) does the same arithmetic in
the same order, so both give equal floats.

A segment list is pdfium's: each point with its kind, a curve's three points (two controls and
its end) each of kind :data:`BEZIER`.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Sequence
from typing import Any

import pypdfium2.raw as c

from .form_space import Matrix, mapped_box

#: pdfium's FPDF_SEGMENT_BEZIERTO.
BEZIER = c.FPDF_SEGMENT_BEZIERTO
#: Segments per path read at most (bounded work; a path of more keeps pdfium's box).
MAX_SEGMENTS = 20_000

Box = tuple[float, float, float, float]


def cubic_span(p0: float, p1: float, p2: float, p3: float) -> tuple[float, float]:
    """The least and greatest value along one axis of the cubic Bézier curve with these
    coordinates of its end points (``p0``, ``p3``) and control points (``p1``, ``p2``).

    >>> cubic_span(0.0, 10.0, 10.0, 0.0)
    (0.0, 7.5)
    >>> cubic_span(0.0, 1.0, 2.0, 3.0)
    (0.0, 3.0)
    """
    lo = p0 if p0 < p3 else p3
    hi = p0 if p0 > p3 else p3
    if lo <= p1 <= hi and lo <= p2 <= hi:
        return lo, hi  # the curve lies within its end points' span (hull property)
    # B'(t) / 3 = a t^2 + b t + c
    a = -p0 + 3.0 * p1 - 3.0 * p2 + p3
    b = 2.0 * (p0 - 2.0 * p1 + p2)
    cc = p1 - p0
    roots: list[float] = []
    if abs(a) < 1e-12:
        if abs(b) > 1e-12:
            roots.append(-cc / b)
    else:
        disc = b * b - 4.0 * a * cc
        if disc >= 0.0:
            root = math.sqrt(disc)
            roots.append((-b + root) / (2.0 * a))
            roots.append((-b - root) / (2.0 * a))
    for t in roots:
        if 0.0 < t < 1.0:
            u = 1.0 - t
            v = u * u * u * p0 + 3.0 * u * u * t * p1 + 3.0 * u * t * t * p2 + t * t * t * p3
            if v < lo:
                lo = v
            if v > hi:
                hi = v
    return lo, hi


def curve_box(points: Sequence[tuple[float, float, int]]) -> Box | None:
    """The box a path's segments cover (``points``: x, y and pdfium's segment kind, in
    order); None when the path has no curve (its points' box is already exact) or no point.

    >>> curve_box([(0.0, 0.0, 2), (0.0, 100.0, 1), (10.0, 100.0, 1), (10.0, 0.0, 1)])
    (0.0, 0.0, 10.0, 75.0)
    >>> curve_box([(0, 0, 2), (10, 10, 0)]) is None
    True
    """
    if not points or not any(kind == BEZIER for _, _, kind in points):
        return None
    x0 = x1 = points[0][0]
    y0 = y1 = points[0][1]
    k = 1
    while k < len(points):
        x, y, kind = points[k]
        if kind == BEZIER and k + 2 < len(points):
            # (A curve's three points follow its start point, the point before them.)
            sx, sy = points[k - 1][0], points[k - 1][1]
            (ax, ay, _), (bx, by, _), (ex, ey, _) = points[k], points[k + 1], points[k + 2]
            lo, hi = cubic_span(sx, ax, bx, ex)
            x0, x1 = (lo if lo < x0 else x0), (hi if hi > x1 else x1)
            lo, hi = cubic_span(sy, ay, by, ey)
            y0, y1 = (lo if lo < y0 else y0), (hi if hi > y1 else y1)
            k += 3
            continue
        x0, x1 = (x if x < x0 else x0), (x if x > x1 else x1)
        y0, y1 = (y if y < y0 else y0), (y if y > y1 else y1)
        k += 1
    return x0, y0, x1, y1


def tightened(pdfium_box: Box, obj: Any) -> Box:
    """``pdfium_box`` (pdfium's box of the path object ``obj``, a bare address) cut down to
    where its curves are drawn: the curves' box in the path's space, widened by half the
    stroke's width when stroked (as pdfium widens its own), put on the page by the path's
    matrix. Never larger than pdfium's box; the same box for a path without curves."""
    points = _segments(obj)
    own = curve_box(points) if points else None
    if own is None:
        return pdfium_box
    matrix = c.FS_MATRIX()
    if not c.FPDFPageObj_GetMatrix(ctypes.cast(obj, c.FPDF_PAGEOBJECT), matrix):
        return pdfium_box
    fill, stroke = ctypes.c_int(0), ctypes.c_int(0)
    width = ctypes.c_float(0)
    handle = ctypes.cast(obj, c.FPDF_PAGEOBJECT)
    stroked = bool(c.FPDFPath_GetDrawMode(handle, ctypes.byref(fill), ctypes.byref(stroke))
                   and stroke.value)
    if stroked and c.FPDFPageObj_GetStrokeWidth(handle, ctypes.byref(width)):
        half = width.value / 2.0
    else:
        half = 0.0
    return within(own, half, (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f),
                  stroked and half == 0.0, pdfium_box)


def within(own: Box, half: float, matrix: Matrix, hairline: bool, pdfium_box: Box) -> Box:
    """The curves' box ``own`` (path space) widened by ``half`` a stroke, put on the page by
    ``matrix`` (widened half a point more for a ``hairline``, a stroke of width 0, as pdfium
    does), and kept within ``pdfium_box``."""
    x0, y0, x1, y1 = mapped_box(own[0] - half, own[1] - half, own[2] + half, own[3] + half,
                                matrix)
    if hairline:
        x0, y0, x1, y1 = x0 - 0.5, y0 - 0.5, x1 + 0.5, y1 + 0.5
    left, bottom, right, top = pdfium_box
    x0, y0 = (x0 if x0 > left else left), (y0 if y0 > bottom else bottom)
    x1, y1 = (x1 if x1 < right else right), (y1 if y1 < top else top)
    if x0 > x1 or y0 > y1:
        return pdfium_box  # (no overlap: a box pdfium computed otherwise; keep its own)
    return x0, y0, x1, y1


def _segments(obj: Any) -> list[tuple[float, float, int]]:
    """The path's points with their kinds (none for a path of too many)."""
    handle = ctypes.cast(obj, c.FPDF_PAGEOBJECT)
    count = c.FPDFPath_CountSegments(handle)
    if count <= 0 or count > MAX_SEGMENTS:
        return []
    x, y = ctypes.c_float(0), ctypes.c_float(0)
    out = []
    for k in range(count):
        segment = c.FPDFPath_GetPathSegment(handle, k)
        if not segment or not c.FPDFPathSegment_GetPoint(segment, ctypes.byref(x),
                                                         ctypes.byref(y)):
            return []
        out.append((float(x.value), float(y.value), int(c.FPDFPathSegment_GetType(segment))))
    return out
