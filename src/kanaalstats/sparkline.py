"""Sparklines: a series as a row of block characters, a gap where a year is missing."""

from __future__ import annotations

import math
from collections.abc import Sequence

BLOCKS = "▁▂▃▄▅▆▇█"
GAP = " "


def sparkline(values: Sequence[float | None]) -> str:
    """One character per value, scaled between the series' own minimum and maximum."""
    present = [v for v in values if v is not None and not math.isnan(v)]
    if not present:
        return GAP * len(values)
    low, high = min(present), max(present)
    span = high - low
    line = []
    for value in values:
        if value is None or math.isnan(value):
            line.append(GAP)
        elif span == 0:
            line.append(BLOCKS[len(BLOCKS) // 2])
        else:
            line.append(BLOCKS[round((value - low) / span * (len(BLOCKS) - 1))])
    return "".join(line)
