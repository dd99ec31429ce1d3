"""Page-space boxes of the objects inside a Form XObject.

pdfium gives the box of an object reached through ``FPDFFormObj_GetObject`` in its form
object's own space, not the page's: the form's ``/Matrix`` is in it, but the ``cm`` in force
where the page paints the form (``FPDFPageObj_GetMatrix`` of the form object) is not (seen on
pdfium's builds in use; pypdfium2 issue #277 reports the same of images in forms). A form
inside a form adds its own form object's matrix, innermost first. So an inner box is put on
the page by the composed matrix of its enclosing form objects. The C walker
(``_glyph_reader.c``) does the same arithmetic in the same order, so both give equal floats.

Matrices are PDF's ``[a b c d e f]``, applied to row vectors: ``x' = a x + c y + e``,
``y' = b x + d y + f``.
"""

from __future__ import annotations

import ctypes
from typing import Any

import pypdfium2.raw as c

Matrix = tuple[float, float, float, float, float, float]


def object_matrix(obj: Any) -> Matrix | None:
    """The matrix pdfium keeps for a page object (for a form object: the ``cm`` in force at its
    ``Do``); None if pdfium has none. ``obj``: a typed pointer or a bare address."""
    matrix = c.FS_MATRIX()
    if not c.FPDFPageObj_GetMatrix(ctypes.cast(obj, c.FPDF_PAGEOBJECT), matrix):
        return None
    return (matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f)


def then(first: Matrix, second: Matrix) -> Matrix:
    """The matrix applying ``first``, then ``second`` (``first x second`` in PDF's order)."""
    a1, b1, c1, d1, e1, f1 = first
    a2, b2, c2, d2, e2, f2 = second
    return (
        a1 * a2 + b1 * c2, a1 * b2 + b1 * d2,
        c1 * a2 + d1 * c2, c1 * b2 + d1 * d2,
        e1 * a2 + f1 * c2 + e2, e1 * b2 + f1 * d2 + f2,
    )


def mapped_box(
    left: float, bottom: float, right: float, top: float, matrix: Matrix
) -> tuple[float, float, float, float]:
    """The box around the four corners of a box after ``matrix`` (left, bottom, right, top)."""
    a, b, c_, d, e, f = matrix
    xs = [a * x + c_ * y + e for x, y in ((left, bottom), (right, bottom), (left, top),
                                          (right, top))]
    ys = [b * x + d * y + f for x, y in ((left, bottom), (right, bottom), (left, top),
                                         (right, top))]
    return min(xs), min(ys), max(xs), max(ys)
