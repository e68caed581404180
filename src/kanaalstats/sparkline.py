"""Sparklines: a series as a row of block characters, a gap where a year is missing."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

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


def sparklines(matrix: np.ndarray[Any, Any]) -> list[str]:
    """`sparkline` of every row of a matrix (series × years, NaN where missing) at once.

    The same arithmetic in the same order, and numpy rounds half to even as round() does,
    so each line is the one `sparkline` draws.
    """
    import numpy as np

    values = np.asarray(matrix, dtype="float64")
    rows, width = values.shape
    if rows == 0 or width == 0:
        return [""] * rows
    missing = np.isnan(values)
    filled_low = np.where(missing, np.inf, values).min(axis=1, keepdims=True)
    filled_high = np.where(missing, -np.inf, values).max(axis=1, keepdims=True)
    span = filled_high - filled_low
    with np.errstate(all="ignore"):
        scaled = np.round((values - filled_low) / span * (len(BLOCKS) - 1))
    flat = np.broadcast_to(span == 0, values.shape)
    codes = np.where(flat, len(BLOCKS) // 2, np.nan_to_num(scaled, nan=0.0)).astype(np.int64)
    codes[missing] = len(BLOCKS)  # the gap, after the blocks
    characters = np.array(list(BLOCKS + GAP))[codes]
    # Each row's characters side by side are one string of `width` characters.
    lines = np.ascontiguousarray(characters).view(f"<U{width}")[:, 0]
    return list(lines.tolist())
