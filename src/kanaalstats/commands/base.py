"""What every command is, and the columns and lookups several of them share.

A command is prepared once on the whole data (names resolved, years checked: every usage
error comes before any output), then turns each block into a Result, and finally says what
is known only after the last block (notes, a verdict).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kanaalstats.domain.choices import OutputFormat
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import UsageError
from kanaalstats.domain.result import Column, Ending, Kind, Outline, Result

if TYPE_CHECKING:
    import pandas as pd

ID_COLUMN = Column("indicator", "col_id", Kind.TEXT, human=False)
LABEL_COLUMN = Column("label", "col_indicator", Kind.LABEL)


class Command:
    """The base of every command: one block of whole entities in, one Result out."""

    name = ""
    title = ""  # message key
    per_entity = True  # False: the command sees the whole data as one block

    def writes(self, fmt: OutputFormat) -> None:
        """Told the format its results go out in, before anything is read; a page to publish
        is a form of `report` only."""
        if fmt is OutputFormat.HTML:
            raise UsageError("html_only_report", command=self.name)

    def prepare(self, data: Dataset) -> None:
        """Resolve names and check years against the whole data, before any block."""

    def outline(self) -> Outline:
        return Outline(self.name, self.title)

    def block(self, data: Dataset) -> Result:
        raise NotImplementedError

    def finish(self) -> Ending:
        return Ending()

    def side_files(self) -> list[tuple[Path, str]]:
        """Text files the command writes besides its output (`check --write-claims`)."""
        return []


def per_indicator(indicators: pd.Series[Any], mapping: Mapping[Any, Any]) -> pd.Categorical:
    """A property of each row's indicator (unit, label), computed once per indicator.

    On a panel the same few indicators repeat over millions of rows: mapping the categories
    and reusing their codes costs nothing per row.
    """
    import numpy as np
    import pandas as pd

    codes = indicators.cat.codes.to_numpy()
    looked_up = [mapping.get(str(c), "") for c in indicators.cat.categories]
    position_of: dict[Any, int] = {}
    positions = np.array(
        [position_of.setdefault(value, len(position_of)) for value in looked_up] + [-1],
        dtype=np.int64,
    )
    return pd.Categorical.from_codes(positions[codes], categories=pd.Index(list(position_of)))


def labelled(
    indicators: pd.Series[Any], data: Dataset, in_units: bool = False
) -> dict[str, pd.Categorical]:
    """Each row's Dutch and English label, as columns to assign. `in_units`: the figures
    are converted from millions to units, so a label's "(in miljoenen)" would misstate them."""
    return {
        column: per_indicator(indicators, label_map(data, column, in_units))
        for column in ("label_nl", "label_en")
    }


def label_map(data: Dataset, column: str, in_units: bool = False) -> dict[Any, Any]:
    """Indicator id → its label in `column`; without the unit phrase for indicators
    in millions when the figures shown are `in_units`."""
    from kanaalstats.domain.units import SCALE, strip_unit_words

    meta = data.indicators
    # Whole columns as lists, zipped: a lookup per id, or Series.to_dict on pandas' string
    # columns, costs seconds on 100,000 indicators.
    ids = meta.index.tolist()
    labels = dict(zip(ids, meta[column].tolist(), strict=True))
    if not in_units:
        return labels
    units = dict(zip(ids, meta["unit"].tolist(), strict=True))
    return {
        indicator: strip_unit_words(label)
        if units[indicator] in SCALE and isinstance(label, str)
        else label
        for indicator, label in labels.items()
    }


def note_column(frame: pd.DataFrame) -> Column:
    """Why a figure is missing; shown to people only when some figure is."""
    return Column("note", "col_note", Kind.NOTE, human=bool(frame["note"].notna().any()))


def provisional_column(frame: pd.DataFrame) -> Column:
    """Whether a row's figures include a provisional one; shown to people only when one does."""
    return Column(
        "provisional", "col_provisional", Kind.FLAG, human=bool(frame["provisional"].any())
    )


def entity_columns(data: Dataset) -> list[Column]:
    """An `entity` column, only when the data is a panel of several entities."""
    return [Column("entity", "col_entity", Kind.TEXT)] if data.has_entities else []


def series_columns(data: Dataset, unit_shown: bool) -> list[Column]:
    """The columns that name a series: its entity (in a panel), id, label and unit."""
    unit = Column("unit", "col_unit", Kind.UNIT, human=unit_shown)
    return [*entity_columns(data), ID_COLUMN, LABEL_COLUMN, unit]


def select(data: Dataset, indicators: Sequence[str] | None) -> pd.DataFrame:
    """The values of some indicators (all rows, without a copy, when all are asked for)."""
    values = data.values
    if indicators is None or set(indicators) >= set(data.ids):
        return values
    return values[values["indicator"].isin(list(indicators))]


def wide(data: Dataset, indicators: Sequence[str]) -> tuple[pd.DataFrame, Any]:
    """One row per series (entity × indicator) with its metadata, and its values per year
    (a matrix with a column for every year of the whole data)."""
    values = select(data, indicators)
    keys = ["entity", "indicator"]
    table = values.pivot(index=keys, columns="year", values="value").reindex(columns=data.years)
    decimals = values.groupby(keys, observed=True)["decimals"].max().reindex(table.index)
    series = table.index.to_frame(index=False)
    series["indicator"] = series["indicator"].astype(str)
    series["entity"] = series["entity"].astype(str)
    meta = data.indicators
    for column in ("label_nl", "label_en", "unit", "footnote", "source"):
        series[column] = series["indicator"].map(meta[column])
    series["decimals"] = decimals.to_numpy()
    matrix = table.to_numpy(dtype="float64")
    series["provisional"] = _any_provisional(data, series["indicator"], matrix)
    return series, matrix


def _any_provisional(data: Dataset, indicators: pd.Series[Any], matrix: Any) -> Any:
    """Per series, whether any of its figures (a row of `matrix`) is marked provisional."""
    import numpy as np

    marked = np.zeros(len(indicators), dtype=bool)
    for position, year in enumerate(data.years):
        column = np.full(len(indicators), year)
        marked |= data.provisional_at(indicators, column, matrix[:, position])
    return marked
