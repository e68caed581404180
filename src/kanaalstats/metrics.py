"""Derived figures: change, growth, percentage points, CAGR, per-day averages, shares.

Pure functions over a Dataset's tidy values; they return tidy frames of raw floats (NaN where
a figure does not exist, with the reason in `note`). No formatting, no printing.
"""

from __future__ import annotations

import calendar
import itertools
from collections.abc import Sequence
from enum import StrEnum
from typing import TYPE_CHECKING

from kanaalstats.dataset import Dataset
from kanaalstats.errors import UndefinedError, UsageError
from kanaalstats.messages import Message
from kanaalstats.units import COUNT_UNITS, FLOW_UNITS, PERCENT, SCALE

if TYPE_CHECKING:
    import pandas as pd

# Machine-readable reasons a figure is missing (JSON `note`, translated in tables).
NOTE_MISSING = "missing_value"
NOTE_ZERO_BASE = "zero_base"
NOTE_NEGATIVE_BASE = "negative_base"
NOTE_TOO_LARGE = "too_large"


class DaysBasis(StrEnum):
    """How many days a year has for a per-day average."""

    CALENDAR = "calendar"
    FIXED_365 = "365"


def days_in_year(year: int, basis: DaysBasis) -> int:
    if basis is DaysBasis.FIXED_365:
        return 365
    return 366 if calendar.isleap(year) else 365


def _with_metadata(frame: pd.DataFrame, dataset: Dataset, key: str = "indicator") -> pd.DataFrame:
    units = dataset.indicators["unit"]
    return frame.assign(unit=frame[key].map(units))


def growth(
    dataset: Dataset,
    indicators: Sequence[str],
    from_year: int | None = None,
    to_year: int | None = None,
) -> pd.DataFrame:
    """Change from one year to another per indicator: consecutive years unless both are given.

    Columns: indicator, unit, from_year, to_year, from_value, to_value, change (in the
    indicator's unit: percentage points for percent), change_pct (relative, %), cagr_pct
    (average annual growth, % a year, only over more than one year), decimals, note.
    """
    import numpy as np
    import pandas as pd

    values = dataset.values[dataset.values["indicator"].isin(list(indicators))]
    years = dataset.years
    if from_year is not None and to_year is not None:
        pairs = [(from_year, to_year)]
    else:
        pairs = list(itertools.pairwise(years))
    pair_frame = pd.DataFrame(pairs, columns=["from_year", "to_year"])
    grid = pd.DataFrame({"indicator": list(indicators)}).merge(pair_frame, how="cross")
    start = values.rename(
        columns={"year": "from_year", "value": "from_value", "decimals": "d_from"}
    )
    end = values.rename(columns={"year": "to_year", "value": "to_value", "decimals": "d_to"})
    frame = grid.merge(start, on=["indicator", "from_year"], how="left").merge(
        end, on=["indicator", "to_year"], how="left"
    )
    a = frame["from_value"].to_numpy(dtype="float64")
    b = frame["to_value"].to_numpy(dtype="float64")
    span = (frame["to_year"] - frame["from_year"]).to_numpy(dtype="float64")
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
    note = np.select(
        [missing, a == 0, a < 0, too_large],
        [NOTE_MISSING, NOTE_ZERO_BASE, NOTE_NEGATIVE_BASE, NOTE_TOO_LARGE],
        default="",
    )
    frame = frame.assign(
        change=change,
        change_pct=change_pct,
        cagr_pct=cagr,
        decimals=np.fmax(
            frame["d_from"].to_numpy(dtype="float64"), frame["d_to"].to_numpy(dtype="float64")
        ),
        note=pd.Series(note, index=frame.index).replace("", None),
    )
    frame = _with_metadata(frame, dataset)
    return frame[
        [
            "indicator",
            "unit",
            "from_year",
            "to_year",
            "from_value",
            "to_value",
            "change",
            "change_pct",
            "cagr_pct",
            "decimals",
            "note",
        ]
    ]


def daily(
    dataset: Dataset,
    indicators: Sequence[str] | None,
    year: int | None = None,
    basis: DaysBasis = DaysBasis.CALENDAR,
) -> tuple[pd.DataFrame, list[Message]]:
    """Average per day of flow indicators, in units (millions converted).

    Named indicators that are not flows are refused; when none is named, non-flows are left
    out and a note says which. Columns: indicator, unit, year, value, days, per_day, basis.
    """
    notes: list[Message] = []
    units = dataset.indicators["unit"]
    if indicators:
        for indicator in indicators:
            if units[indicator] not in FLOW_UNITS:
                raise UsageError("not_a_flow", id=indicator, unit=units[indicator])
        chosen = list(indicators)
    else:
        chosen = [i for i in dataset.ids if units[i] in FLOW_UNITS]
        skipped = [i for i in dataset.ids if units[i] not in FLOW_UNITS]
        if skipped:
            notes.append(Message("daily_skipped", {"ids": ", ".join(skipped)}))
    values = dataset.values[dataset.values["indicator"].isin(chosen)]
    if year is not None:
        values = values[values["year"] == year]
    frame = _with_metadata(values.reset_index(drop=True), dataset)
    scale = frame["unit"].map(lambda unit: SCALE.get(unit, 1.0)).astype("float64")
    days = frame["year"].map(lambda y: days_in_year(int(y), basis)).astype("int64")
    frame = frame.assign(value=frame["value"] * scale, days=days)
    frame = frame.assign(per_day=frame["value"] / frame["days"], basis=str(basis))
    notes.append(Message(f"basis_{basis.name.lower()}", {}))
    return frame[["indicator", "unit", "year", "value", "days", "per_day", "basis"]], notes


def share(
    dataset: Dataset,
    numerator: str,
    denominator: str,
    year: int | None = None,
) -> tuple[pd.DataFrame, list[Message]]:
    """The numerator as a percentage of the denominator, per year (both in units).

    A year whose denominator is 0 has no share (null, with a note); when no selected year has
    one, that is an error. Columns: year, numerator, denominator, numerator_value,
    denominator_value, share_pct, note.
    """
    import numpy as np

    units = dataset.indicators["unit"]
    for indicator in (numerator, denominator):
        if units[indicator] not in COUNT_UNITS:
            raise UsageError("share_needs_counts", id=indicator, unit=units[indicator])
    values = dataset.values.set_index(["indicator", "year"])["value"]
    years = [year] if year is not None else dataset.years
    num = np.array([values.get((numerator, y), np.nan) for y in years], dtype="float64")
    den = np.array([values.get((denominator, y), np.nan) for y in years], dtype="float64")
    with np.errstate(all="ignore"):
        num *= SCALE.get(units[numerator], 1.0)
        den *= SCALE.get(units[denominator], 1.0)
        pct = np.where(den != 0, num / den * 100.0, np.nan)
    zero = den == 0
    notes: list[Message] = []
    if zero.any():
        zero_years = ", ".join(str(y) for y, z in zip(years, zero, strict=True) if z)
        if zero.all() or year is not None:
            raise UndefinedError("share_zero_denominator", id=denominator, years=zero_years)
        notes.append(Message("share_zero_some", {"id": denominator, "years": zero_years}))
    import pandas as pd

    frame = pd.DataFrame(
        {
            "year": years,
            "numerator": numerator,
            "denominator": denominator,
            "numerator_value": num,
            "denominator_value": den,
            "share_pct": pct,
            "note": [
                NOTE_ZERO_BASE if z else (NOTE_MISSING if np.isnan(p) else None)
                for z, p in zip(zero, pct, strict=True)
            ],
        }
    )
    return frame, notes


def percent_unit(unit: str) -> bool:
    return unit == PERCENT


def year_on_year(
    dataset: Dataset,
    indicators: Sequence[str],
    year: int,
    basis: DaysBasis = DaysBasis.CALENDAR,
) -> pd.DataFrame:
    """Each indicator in `year` against the year before it in the data, with per-day averages.

    Columns: indicator, unit, decimals, year, value, previous_year (NaN for the first year),
    previous_value, change, change_pct, direction (up/down/same, None when missing), per_day and
    previous_per_day (flows only).
    """
    import numpy as np

    years = dataset.years
    position = years.index(year)
    previous_year = years[position - 1] if position > 0 else None
    if previous_year is not None:
        frame = growth(dataset, indicators, previous_year, year)
    else:
        frame = growth(dataset, indicators, year, year)
        frame = frame.assign(from_year=np.nan, from_value=np.nan, change=np.nan, change_pct=np.nan)
    frame = frame.rename(
        columns={
            "from_year": "previous_year",
            "to_year": "year",
            "from_value": "previous_value",
            "to_value": "value",
        }
    )
    change = frame["change"].to_numpy(dtype="float64")
    frame["direction"] = np.select(
        [change > 0, change < 0, change == 0], ["up", "down", "same"], default=""
    )
    frame["direction"] = frame["direction"].replace("", None)
    flows = frame["unit"].isin(list(FLOW_UNITS)).to_numpy()
    scale = frame["unit"].map(lambda unit: SCALE.get(unit, 1.0)).to_numpy(dtype="float64")
    frame["per_day"] = np.where(flows, frame["value"] * scale / days_in_year(year, basis), np.nan)
    previous_days = days_in_year(previous_year, basis) if previous_year is not None else 365
    frame["previous_per_day"] = np.where(
        flows, frame["previous_value"] * scale / previous_days, np.nan
    )
    return frame.drop(columns=["cagr_pct", "note"])
