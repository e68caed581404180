"""The arithmetic of growth on plain numpy arrays: pairing rows with the year before, and
the change, relative change and CAGR between two values.

Shared by `metrics.growth` (a loaded Dataset) and the streamed panel path (which never
imports pandas), so that both give the same figures and the same notes.
"""

from __future__ import annotations

from typing import Any

import numpy as np

# Machine-readable reasons a figure is missing (JSON `note`, translated in tables).
NOTE_MISSING = "missing_value"
NOTE_ZERO_BASE = "zero_base"
NOTE_NEGATIVE_BASE = "negative_base"
NOTE_TOO_LARGE = "too_large"
NOTES = [NOTE_MISSING, NOTE_ZERO_BASE, NOTE_NEGATIVE_BASE, NOTE_TOO_LARGE]

Array = np.ndarray[Any, Any]


def previous_rows(
    entity: Array, indicator: Array, year: Array, all_years: Array
) -> tuple[Array, Array, Array]:
    """For rows sorted by entity, indicator and year: each row's previous year in the data,
    whether the row before is that year of the same series, and which rows have a year before.

    Sorted, the previous year's row, when there is one, is the row just before: no join.
    Returns (previous_year, same, keep); `keep` is False for the first year of the data.
    """
    position = np.searchsorted(all_years, year)
    previous_year = np.where(position > 0, all_years[np.maximum(position - 1, 0)], -1)
    same = np.zeros(len(year), dtype=bool)
    same[1:] = (
        (entity[1:] == entity[:-1])
        & (indicator[1:] == indicator[:-1])
        & (year[:-1] == previous_year[1:])
    )
    return previous_year, same, previous_year >= 0


def shifted(values: Array, same: Array) -> Array:
    """Each row's value in the row before, NaN where that row is not the year before."""
    before = np.empty(len(values), dtype="float64")
    before[0:1] = np.nan
    before[1:] = values[:-1]
    before[~same] = np.nan
    return before


def change_figures(a: Array, b: Array, span: Array) -> tuple[Array, Array, Array, Array]:
    """Change, change in %, CAGR in % a year (spans over one year only), and note codes.

    A figure that does not exist is NaN; its note code indexes NOTES (-1: no note).
    """
    with np.errstate(all="ignore"):
        change = b - a
        positive_base = a > 0
        change_pct = np.where(positive_base, (b - a) / a * 100.0, np.nan)
        ratio = np.where(positive_base & (b >= 0), b / a, np.nan)
        cagr = np.where(span > 1, (np.power(ratio, 1.0 / span) - 1.0) * 100.0, np.nan)
    missing = np.isnan(a) | np.isnan(b)
    # Figures near the float limit (1e308) can overflow to infinity; that is no figure.
    too_large = ~missing & ~(
        np.isfinite(change) & np.isfinite(np.where(positive_base, change_pct, 0.0))
    )
    change = np.where(np.isfinite(change), change, np.nan)
    change_pct = np.where(np.isfinite(change_pct), change_pct, np.nan)
    cagr = np.where(np.isfinite(cagr), cagr, np.nan)
    codes = np.select([missing, a == 0, a < 0, too_large], [0, 1, 2, 3], default=-1).astype("int8")
    return change, change_pct, cagr, codes
