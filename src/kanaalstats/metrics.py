"""Derived figures: change, growth, percentage points, CAGR, per-day averages, shares.

Pure functions over a Dataset's tidy values; they return tidy frames of raw floats (NaN where
a figure does not exist, with the reason in `note`). No formatting, no printing.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kanaalstats.dataset import Dataset
from kanaalstats.errors import UndefinedError, UsageError
from kanaalstats.messages import Message
from kanaalstats.options import DaysBasis
from kanaalstats.units import COUNT_UNITS, FLOW_UNITS
from kanaalstats.units import scale as unit_scale

if TYPE_CHECKING:
    import pandas as pd

from kanaalstats.growth_core import (
    NOTE_MISSING,
    NOTE_ZERO_BASE,
    NOTES,
    change_figures,
    previous_rows,
    shifted,
)


def days_in_year(year: int, basis: DaysBasis) -> int:
    if basis is DaysBasis.FIXED_365:
        return 365
    return 366 if calendar.isleap(year) else 365


def per_indicator(indicators: pd.Series[Any], mapping: Mapping[Any, Any]) -> pd.Categorical:
    """A property of each row's indicator (unit, label), computed once per indicator.

    On a panel the same few indicators repeat over millions of rows: mapping the categories
    and reusing their codes costs nothing per row.
    """
    import numpy as np
    import pandas as pd

    codes = indicators.cat.codes.to_numpy()
    looked_up = [mapping.get(str(c), "") for c in indicators.cat.categories]
    uniques = list(dict.fromkeys(looked_up))
    positions = np.array([uniques.index(v) for v in looked_up] + [-1], dtype=np.int64)
    return pd.Categorical.from_codes(positions[codes], categories=pd.Index(uniques))


def _with_metadata(frame: pd.DataFrame, dataset: Dataset, key: str = "indicator") -> pd.DataFrame:
    return frame.assign(unit=per_indicator(frame[key], dataset.indicators["unit"].to_dict()))


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

    values = select(dataset, indicators)
    if from_year is not None and to_year is not None:
        pairs = _between(values, from_year, to_year)
    else:
        pairs = _consecutive(values, dataset.years)
    a = np.asarray(pairs["from_value"], dtype="float64")
    b = np.asarray(pairs["to_value"], dtype="float64")
    span = np.asarray(pairs["to_year"], dtype="float64") - np.asarray(pairs["from_year"])
    change, change_pct, cagr, codes = change_figures(a, b, span)
    indicator_column = pd.Series(pairs["indicator"], copy=False)
    # Built once, column by column: a frame built and then extended would be copied twice.
    return pd.DataFrame(
        {
            "entity": pairs["entity"],
            "indicator": pairs["indicator"],
            "unit": per_indicator(indicator_column, dataset.indicators["unit"].to_dict()),
            "from_year": pairs["from_year"],
            "to_year": pairs["to_year"],
            "from_value": a,
            "to_value": b,
            "change": change,
            "change_pct": change_pct,
            "cagr_pct": cagr,
            "decimals": np.fmax(
                np.asarray(pairs["d_from"], dtype="float64"),
                np.asarray(pairs["d_to"], dtype="float64"),
            ),
            # A categorical note costs a byte a row; strings would cost dozens on a panel.
            "note": pd.Categorical.from_codes(codes, categories=pd.Index(NOTES)),
        },
        copy=False,
    )


def select(dataset: Dataset, indicators: Sequence[str] | None) -> pd.DataFrame:
    """The values of some indicators (all rows, without a copy, when all are asked for)."""
    values = dataset.values
    if indicators is None or set(indicators) >= set(dataset.ids):
        return values
    return values[values["indicator"].isin(list(indicators))]


def _between(values: pd.DataFrame, from_year: int, to_year: int) -> dict[str, Any]:
    """One row per series (entity × indicator) with its values in two given years."""
    keys = ["entity", "indicator"]
    series = values[keys].drop_duplicates()
    start = values.loc[values["year"] == from_year, [*keys, "value", "decimals"]]
    end = values.loc[values["year"] == to_year, [*keys, "value", "decimals"]]
    frame = series.merge(
        start.rename(columns={"value": "from_value", "decimals": "d_from"}), on=keys, how="left"
    ).merge(end.rename(columns={"value": "to_value", "decimals": "d_to"}), on=keys, how="left")
    columns: dict[str, Any] = {name: frame[name].array for name in frame.columns}
    columns["from_year"] = [from_year] * len(frame)
    columns["to_year"] = [to_year] * len(frame)
    return columns


def _consecutive(values: pd.DataFrame, years: list[int]) -> dict[str, Any]:
    """Each row paired with the same series' row of the previous year in the data."""
    import numpy as np

    year = values["year"].to_numpy()
    previous_year, same, keep = previous_rows(
        values["entity"].cat.codes.to_numpy(),
        values["indicator"].cat.codes.to_numpy(),
        year,
        np.asarray(years),
    )
    value = values["value"].to_numpy()
    decimals = values["decimals"].to_numpy().astype("float64")
    return {
        "entity": values["entity"].array[keep],
        "indicator": values["indicator"].array[keep],
        "from_year": previous_year[keep],
        "to_year": year[keep],
        "from_value": shifted(value, same)[keep],
        "to_value": value[keep],
        "d_from": shifted(decimals, same)[keep],
        "d_to": decimals[keep],
    }


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
    import numpy as np

    values = select(dataset, chosen)
    if year is not None:
        values = values[values["year"] == year]
    frame = _with_metadata(values.reset_index(drop=True), dataset)
    scale = frame["unit"].map(unit_scale).astype("float64")
    # A handful of distinct years, however many rows: look each up once.
    years = frame["year"].to_numpy()
    distinct = np.unique(years)
    lengths = np.array([days_in_year(int(y), basis) for y in distinct], dtype="int64")
    days = lengths[np.searchsorted(distinct, years)]
    with np.errstate(all="ignore"):
        frame = frame.assign(value=frame["value"] * scale, days=days)
    frame = frame.assign(per_day=frame["value"] / frame["days"], basis=str(basis))
    notes.append(Message(f"basis_{basis.name.lower()}", {}))
    columns = ["entity", "indicator", "unit", "year", "value", "days", "per_day", "basis"]
    return frame[columns], notes


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
    import pandas as pd

    values = dataset.values
    if year is not None:
        values = values[values["year"] == year]
    columns = ["entity", "year", "value"]
    part = values.loc[values["indicator"] == numerator, columns]
    whole = values.loc[values["indicator"] == denominator, columns]
    frame = part.merge(whole, on=["entity", "year"], how="outer", suffixes=("_n", "_d"))
    if year is not None and frame.empty:
        frame = pd.DataFrame(
            {"entity": [""], "year": [year], "value_n": [np.nan], "value_d": [np.nan]}
        )
    num = frame["value_n"].to_numpy(dtype="float64")
    den = frame["value_d"].to_numpy(dtype="float64")
    with np.errstate(all="ignore"):
        num = num * unit_scale(units[numerator])
        den = den * unit_scale(units[denominator])
        pct = np.where(den != 0, num / den * 100.0, np.nan)
    zero = den == 0
    notes: list[Message] = []
    if zero.any():
        where = frame.loc[zero, ["entity", "year"]].astype(str).agg(" ".join, axis=1).str.strip()
        listed = ", ".join(where.iloc[:5]) + (" …" if len(where) > 5 else "")
        if zero.all():
            raise UndefinedError("share_zero_denominator", id=denominator, years=listed)
        notes.append(Message("share_zero_some", {"id": denominator, "years": listed}))
    codes = np.where(zero, 1, np.where(np.isnan(pct), 0, -1)).astype("int8")
    result = pd.DataFrame(
        {
            "entity": frame["entity"].astype(str),
            "year": frame["year"].astype("int64"),
            "numerator": numerator,
            "denominator": denominator,
            "numerator_value": num,
            "denominator_value": den,
            "share_pct": pct,
            "note": pd.Categorical.from_codes(
                codes, categories=pd.Index([NOTE_MISSING, NOTE_ZERO_BASE])
            ),
        }
    )
    return result, notes


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
    scale = frame["unit"].map(unit_scale).to_numpy(dtype="float64")
    frame["per_day"] = np.where(flows, frame["value"] * scale / days_in_year(year, basis), np.nan)
    previous_days = days_in_year(previous_year, basis) if previous_year is not None else 365
    frame["previous_per_day"] = np.where(
        flows, frame["previous_value"] * scale / previous_days, np.nan
    )
    return frame.drop(columns=["cagr_pct", "note"])
