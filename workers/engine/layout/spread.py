"""Whether values spread less than a share of their mean, quickly and with the exact answer.

The question is ``statistics.pstdev(values) / statistics.fmean(values) < limit`` (the layout
reader asks it of glyph widths, to tell fixed-pitch faces: :attr:`.lines.Fragment.fixed_pitch`).
``statistics.pstdev`` sums in exact fractions, which made it several percent of the analysis
of papers and reports, asked once per fragment. The same ratio in floating point is within a
few units in the last place of the exact one (see :func:`spread_below`), so where it is
clearly on one side of the limit it gives the same answer; only near the limit (or with
values that are not finite) is the exact computation asked, as before.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

#: Relative distance from the limit within which the float estimate is not trusted. Its error
#: is a few times 2**-52 (about 2e-16) of the ratio; this margin is a million times that.
MARGIN = 1e-9


def spread_below(values: Sequence[float], limit: float) -> bool:
    """``statistics.pstdev(values) / statistics.fmean(values) < limit``, the same answer;
    ``values``: at least one, with a positive mean."""
    mean = math.fsum(values) / len(values)  # statistics.fmean's arithmetic, without its checks
    # Two passes in floating point: fsum rounds each sum once, so the variance about the
    # rounded mean is within a few ulps of the exact one (the rounded mean adds only
    # n * (mean error)**2, negligible next to a spread near the limit), and the ratio too.
    # (Each square a product, correctly rounded: the C twin in _fragments.c squares alike.)
    estimate = math.sqrt(math.fsum([(v - mean) * (v - mean) for v in values]) / len(values)) / mean
    if math.isfinite(estimate):
        if estimate < limit * (1 - MARGIN):
            return True
        if estimate > limit * (1 + MARGIN):
            return False
    return statistics.pstdev(values) / mean < limit
