"""`daily`: the average per day of flows (events counted over a year), in units."""

from __future__ import annotations

from collections.abc import Sequence

from kanaalstats.commands.base import (
    Command,
    labelled,
    per_indicator,
    provisional_column,
    select,
    series_columns,
)
from kanaalstats.domain.choices import DaysBasis
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import UsageError
from kanaalstats.domain.message import Message
from kanaalstats.domain.result import Column, Ending, Kind, Outline, Result
from kanaalstats.domain.selection import check_year, resolve_indicators
from kanaalstats.domain.units import FLOW_UNITS, days_in_year
from kanaalstats.domain.units import scale as unit_scale


class Daily(Command):
    name = "daily"
    title = "title_daily"

    def __init__(self, names: Sequence[str] | None, year: int | None, basis: DaysBasis) -> None:
        self.names = names
        self.year = year
        self.basis = basis
        self.indicators: list[str] = []
        self.notes: list[Message] = []

    def prepare(self, data: Dataset) -> None:
        """Named indicators that are not flows are refused; when none is named, non-flows
        are left out and a note says which."""
        meta = data.indicators
        units = dict(zip(meta.index.tolist(), meta["unit"].tolist(), strict=True))
        if self.names:
            self.indicators = resolve_indicators(self.names, data.ids)
            for indicator in self.indicators:
                if units[indicator] not in FLOW_UNITS:
                    raise UsageError("not_a_flow", id=indicator, unit=units[indicator])
        else:
            self.indicators = [i for i in data.ids if units[i] in FLOW_UNITS]
            skipped = [i for i in data.ids if units[i] not in FLOW_UNITS]
            if skipped:
                self.notes.append(Message("daily_skipped", {"ids": ", ".join(skipped)}))
        if self.year is not None:
            check_year(self.year, data.years)
        self.notes.append(Message(f"basis_{self.basis.name.lower()}", {}))

    def outline(self) -> Outline:
        return Outline(self.name, self.title, {"days_basis": str(self.basis)})

    def block(self, data: Dataset) -> Result:
        import numpy as np

        values = select(data, self.indicators)
        if self.year is not None:
            values = values[values["year"] == self.year]
        values = values.reset_index(drop=True)
        unit = per_indicator(values["indicator"], data.indicators["unit"].to_dict())
        scale = unit.map(unit_scale).astype("float64")
        # A handful of distinct years, however many rows: look each up once.
        years = values["year"].to_numpy()
        distinct = np.unique(years)
        lengths = np.array([days_in_year(int(y), self.basis) for y in distinct], dtype="int64")
        days = lengths[np.searchsorted(distinct, years)]
        with np.errstate(all="ignore"):
            value = values["value"].to_numpy() * np.asarray(scale)
        frame = values[["entity", "indicator"]].assign(
            unit=unit,
            year=years,
            value=value,
            days=days,
            per_day=value / days,
            basis=str(self.basis),
            provisional=data.provisional_at(values["indicator"], years, value),
            **labelled(values["indicator"], data, in_units=True),
        )
        columns = [
            *series_columns(data, unit_shown=False),
            Column("year", "col_year", Kind.INT),
            Column("value", "col_value", Kind.NUMBER, decimals=0),
            Column("days", "col_days", Kind.INT),
            Column("per_day", "col_per_day", Kind.NUMBER, decimals=1),
            Column("basis", "col_days", Kind.TEXT, human=False),
            provisional_column(frame),
        ]
        return Result(frame, columns)

    def finish(self) -> Ending:
        return Ending(notes=self.notes)
