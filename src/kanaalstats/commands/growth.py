"""`growth`: the change per series between consecutive years, or between two years.

The absolute change is in the indicator's unit (percentage points for a percentage), the
relative change in %, and over more than one year the average annual growth (CAGR).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kanaalstats.commands.base import (
    Command,
    labelled,
    note_column,
    per_indicator,
    provisional_column,
    select,
    series_columns,
)
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.result import Column, Kind, Result
from kanaalstats.domain.selection import check_span, resolve_indicators
from kanaalstats.domain.units import PERCENT, SCALE

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

    Array = np.ndarray[Any, Any]

# Machine-readable reasons a figure is missing (JSON `note`, translated in tables).
NOTE_MISSING = "missing_value"
NOTE_ZERO_BASE = "zero_base"
NOTE_NEGATIVE_BASE = "negative_base"
NOTE_TOO_LARGE = "too_large"
NOTES = [NOTE_MISSING, NOTE_ZERO_BASE, NOTE_NEGATIVE_BASE, NOTE_TOO_LARGE]
_CHANGE_UNITS = {PERCENT: "percentage_points", "score": "score"}


class Growth(Command):
    name = "growth"
    title = "title_growth"

    def __init__(
        self, names: Sequence[str] | None, from_year: int | None, to_year: int | None
    ) -> None:
        self.names = names
        self.from_year = from_year
        self.to_year = to_year
        self.indicators: list[str] = []

    def prepare(self, data: Dataset) -> None:
        self.indicators = resolve_indicators(self.names, data.ids)
        check_span(self.from_year, self.to_year, data.years)

    def block(self, data: Dataset) -> Result:
        frame = growth(data, self.indicators, self.from_year, self.to_year)
        frame = frame.assign(
            **labelled(frame["indicator"], data),
            change_unit=per_indicator(
                frame["indicator"],
                {i: change_unit(u) for i, u in data.indicators["unit"].items()},
            ),
        )
        columns = growth_columns(
            data,
            any_cagr=bool(frame["cagr_pct"].notna().any()),
            any_note=note_column(frame).human,
            any_provisional=provisional_column(frame).human,
        )
        return Result(frame, columns)


def change_unit(unit: str) -> str:
    """The unit a change is in: percentage points for a percentage, else the value's own."""
    return _CHANGE_UNITS.get(unit, "millions" if unit in SCALE else "count")


def growth_columns(
    data: Dataset, any_cagr: bool, any_note: bool, any_provisional: bool
) -> list[Column]:
    """The growth result's columns (the flags only decide what people see)."""
    return [
        *series_columns(data, unit_shown=False),
        Column("from_year", "col_from_year", Kind.INT),
        Column("to_year", "col_to_year", Kind.INT),
        Column("from_value", "col_from_value", Kind.VALUE),
        Column("to_value", "col_to_value", Kind.VALUE),
        Column("change", "col_change", Kind.CHANGE),
        Column("change_unit", "col_unit", Kind.TEXT, human=False),
        Column("change_pct", "col_change_pct", Kind.SIGNED_PCT),
        Column("cagr_pct", "col_cagr_pct", Kind.SIGNED_PCT, human=any_cagr),
        Column("note", "col_note", Kind.NOTE, human=any_note),
        Column("provisional", "col_provisional", Kind.FLAG, human=any_provisional),
    ]


def growth(
    data: Dataset,
    indicators: Sequence[str],
    from_year: int | None = None,
    to_year: int | None = None,
) -> pd.DataFrame:
    """Change from one year to another per series: consecutive years unless both are given.

    Columns: entity, indicator, unit, from_year, to_year, from_value, to_value, change (in
    the indicator's unit: percentage points for percent), change_pct (relative, %), cagr_pct
    (average annual growth, % a year, only over more than one year), decimals, note.
    """
    import numpy as np
    import pandas as pd

    values = select(data, indicators)
    if from_year is not None and to_year is not None:
        pairs = _between(values, from_year, to_year)
    else:
        pairs = _consecutive(values, data.years)
    a = np.asarray(pairs["from_value"], dtype="float64")
    b = np.asarray(pairs["to_value"], dtype="float64")
    span = np.asarray(pairs["to_year"], dtype="float64") - np.asarray(pairs["from_year"])
    change, change_pct, cagr, codes = _change_figures(a, b, span)
    provisional = data.provisional_at(pairs["indicator"], pairs["from_year"], a)
    provisional |= data.provisional_at(pairs["indicator"], pairs["to_year"], b)
    indicator_column = pd.Series(pairs["indicator"], copy=False)
    # Built once, column by column: a frame built and then extended would be copied twice.
    return pd.DataFrame(
        {
            "entity": pairs["entity"],
            "indicator": pairs["indicator"],
            "unit": per_indicator(indicator_column, data.indicators["unit"].to_dict()),
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
            "provisional": provisional,
        },
        copy=False,
    )


def _between(values: pd.DataFrame, from_year: int, to_year: int) -> dict[str, Any]:
    """One row per series (entity × indicator) with its values in two given years.

    Sorted by entity, indicator and year, a series is a run of rows, and each year's row of
    it, when there is one, is found by its position: no join.
    """
    import numpy as np

    entity = values["entity"].cat.codes.to_numpy()
    indicator = values["indicator"].cat.codes.to_numpy()
    starts = np.ones(len(values), dtype=bool)
    starts[1:] = (entity[1:] != entity[:-1]) | (indicator[1:] != indicator[:-1])
    series = np.cumsum(starts) - 1
    year = values["year"].to_numpy()
    value = values["value"].to_numpy()
    decimals = values["decimals"].to_numpy().astype("float64")
    columns: dict[str, Any] = {
        "entity": values["entity"].array[starts],
        "indicator": values["indicator"].array[starts],
    }
    count = int(starts.sum())
    for wanted, figure, digits in (
        (from_year, "from_value", "d_from"),
        (to_year, "to_value", "d_to"),
    ):
        rows = np.flatnonzero(year == wanted)
        columns[figure] = np.full(count, np.nan)
        columns[figure][series[rows]] = value[rows]
        columns[digits] = np.full(count, np.nan)
        columns[digits][series[rows]] = decimals[rows]
    columns["from_year"] = [from_year] * count
    columns["to_year"] = [to_year] * count
    return columns


def _consecutive(values: pd.DataFrame, years: list[int]) -> dict[str, Any]:
    """Each row paired with the same series' row of the previous year in the data.

    Sorted by entity, indicator and year, the previous year's row, when there is one, is
    the row just before: no join. The first year of the data has no pair.
    """
    import numpy as np

    year = values["year"].to_numpy()
    all_years = np.asarray(years)
    position = np.searchsorted(all_years, year)
    previous_year = np.where(position > 0, all_years[np.maximum(position - 1, 0)], -1)
    entity = values["entity"].cat.codes.to_numpy()
    indicator = values["indicator"].cat.codes.to_numpy()
    same = np.zeros(len(year), dtype=bool)
    same[1:] = (
        (entity[1:] == entity[:-1])
        & (indicator[1:] == indicator[:-1])
        & (year[:-1] == previous_year[1:])
    )
    keep = previous_year >= 0
    value = values["value"].to_numpy()
    decimals = values["decimals"].to_numpy().astype("float64")
    return {
        "entity": values["entity"].array[keep],
        "indicator": values["indicator"].array[keep],
        "from_year": previous_year[keep],
        "to_year": year[keep],
        "from_value": _shifted(value, same)[keep],
        "to_value": value[keep],
        "d_from": _shifted(decimals, same)[keep],
        "d_to": decimals[keep],
    }


def _shifted(values: Array, same: Array) -> Array:
    """Each row's value in the row before, NaN where that row is not the year before."""
    import numpy as np

    before = np.empty(len(values), dtype="float64")
    before[0:1] = np.nan
    before[1:] = values[:-1]
    before[~same] = np.nan
    return before


def _change_figures(a: Array, b: Array, span: Array) -> tuple[Array, Array, Array, Array]:
    """Change, change in %, CAGR in % a year (spans over one year only), and note codes.

    A figure that does not exist is NaN; its note code indexes NOTES (-1: no note).
    """
    import numpy as np

    with np.errstate(all="ignore"):
        change = b - a
        positive_base = a > 0
        change_pct = np.where(positive_base, (b - a) / a * 100.0, np.nan)
        # Only over more than a year: between consecutive years there is none to compute.
        longer = span > 1
        first, last = a[longer], b[longer]
        ratio = np.where((first > 0) & (last >= 0), last / first, np.nan)
        cagr = np.full(len(a), np.nan)
        cagr[longer] = (np.power(ratio, 1.0 / span[longer]) - 1.0) * 100.0
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
