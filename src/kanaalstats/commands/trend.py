"""`trend`: per series a sparkline over the years, first and last value, overall change."""

from __future__ import annotations

from collections.abc import Sequence

from kanaalstats.commands.base import Command, provisional_column, series_columns, wide
from kanaalstats.commands.sparkline import sparklines
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.result import Column, Kind, Result
from kanaalstats.domain.selection import resolve_indicators


class Trend(Command):
    name = "trend"
    title = "title_trend"

    def __init__(self, names: Sequence[str] | None) -> None:
        self.names = names
        self.indicators: list[str] = []

    def prepare(self, data: Dataset) -> None:
        self.indicators = resolve_indicators(self.names, data.ids)

    def block(self, data: Dataset) -> Result:
        import numpy as np

        frame, matrix = wide(data, self.indicators)
        years = data.years
        present = ~np.isnan(matrix)
        has_any = present.any(axis=1)
        first_at = np.where(has_any, present.argmax(axis=1), 0)
        last_at = np.where(has_any, len(years) - 1 - present[:, ::-1].argmax(axis=1), 0)
        rows = np.arange(len(frame))
        first = np.where(has_any, matrix[rows, first_at], np.nan)
        last = np.where(has_any, matrix[rows, last_at], np.nan)
        span = has_any & (last_at > first_at)
        with np.errstate(all="ignore"):
            change = np.where(span, last - first, np.nan)
            change_pct = np.where(span & (first > 0), (last - first) / first * 100.0, np.nan)
        year_array = np.array(years)
        frame = frame.assign(
            sparkline=sparklines(matrix),
            first_year=np.where(has_any, year_array[first_at], np.nan),
            first_value=first,
            last_year=np.where(has_any, year_array[last_at], np.nan),
            last_value=last,
            change=change,
            change_pct=change_pct,
        )
        for position, year in enumerate(years):
            frame[str(year)] = matrix[:, position]
        columns = [
            *series_columns(data, unit_shown=False),
            Column("sparkline", "col_trend", Kind.TEXT),
            Column("first_year", "col_from_year", Kind.INT),
            Column("first_value", "col_first", Kind.VALUE),
            Column("last_year", "col_to_year", Kind.INT),
            Column("last_value", "col_last", Kind.VALUE),
            Column("change", "col_change", Kind.CHANGE),
            Column("change_pct", "col_change_pct", Kind.SIGNED_PCT),
            provisional_column(frame),
        ] + [
            Column(str(y), str(y), Kind.VALUE, literal_header=True, human=False, year=y)
            for y in years
        ]
        return Result(frame, columns)
