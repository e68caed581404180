"""Sparklines: a series as a row of block characters, a gap where a year is missing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

BLOCKS = "▁▂▃▄▅▆▇█"
GAP = " "


def sparklines(matrix: np.ndarray[Any, Any]) -> list[str]:
    """A sparkline of every row of a matrix (series × years, NaN where missing) at once.

    One character per value, scaled between the row's own minimum and maximum; a gap where
    a value is missing.
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
