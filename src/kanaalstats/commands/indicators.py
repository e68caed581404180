"""`indicators`: ids, labels, units, the years with a value, and the file of each."""

from __future__ import annotations

from kanaalstats.commands.base import LABEL_COLUMN, Command
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.result import Column, Kind, Result


class Indicators(Command):
    name = "indicators"
    title = "title_indicators"
    per_entity = False  # one row per indicator, over every entity

    def block(self, data: Dataset) -> Result:
        import pandas as pd

        # In a panel each year recurs once per entity: the spans are over distinct years.
        present = data.values.dropna(subset=["value"])[["indicator", "year"]].drop_duplicates()
        spans = present.groupby("indicator", observed=True)["year"].agg(
            lambda ys: _year_ranges(sorted(int(y) for y in ys))
        )
        meta = data.indicators
        frame = pd.DataFrame(
            {
                "indicator": data.ids,
                "label_nl": meta["label_nl"].tolist(),
                "label_en": meta["label_en"].tolist(),
                "unit": meta["unit"].tolist(),
                "unit_rule": meta["unit_rule"].tolist(),
                "years": [spans.get(i, "") for i in data.ids],
                "file": meta["origin"].tolist(),
            }
        )
        columns = [
            Column("indicator", "col_id", Kind.TEXT),
            LABEL_COLUMN,
            Column("unit", "col_unit", Kind.UNIT),
            Column("unit_rule", "col_unit_rule", Kind.UNIT_RULE),
            Column("years", "col_years", Kind.TEXT),
            Column("file", "col_origin", Kind.TEXT),
        ]
        return Result(frame, columns)


def _year_ranges(years: list[int]) -> str:
    """`2016–2019`, or `2016, 2018–2019` where a year is missing."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
