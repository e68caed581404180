"""`share`: one indicator as a percentage of another, per year (both in units)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kanaalstats.commands.base import Command, entity_columns, note_column, provisional_column
from kanaalstats.commands.growth import NOTE_MISSING, NOTE_ZERO_BASE
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import UndefinedError, UsageError
from kanaalstats.domain.message import Message
from kanaalstats.domain.result import Column, Ending, Kind, Result
from kanaalstats.domain.selection import check_year, resolve_indicator
from kanaalstats.domain.units import COUNT_UNITS, SCALE, strip_unit_words
from kanaalstats.domain.units import scale as unit_scale

if TYPE_CHECKING:
    import pandas as pd

_LISTED = 5  # places named in the note on a denominator of 0


class Share(Command):
    name = "share"
    title = "title_share"
    roles = ("numerator", "denominator")

    def __init__(self, numerator: str, denominator: str, year: int | None, lang: str) -> None:
        self.names = (numerator, denominator)
        self.year = year
        self.lang = lang
        self.numerator = self.denominator = ""
        self.nothing_in_year = self.said_nothing = False
        self.zero_base: list[str] = []  # entity and year of each row whose denominator is 0

    def prepare(self, data: Dataset) -> None:
        self.numerator, self.denominator = (resolve_indicator(n, data.ids) for n in self.names)
        if self.year is not None:
            check_year(self.year, data.years)
        for indicator in (self.numerator, self.denominator):
            if data.unit(indicator) not in COUNT_UNITS:
                raise UsageError("share_needs_counts", id=indicator, unit=data.unit(indicator))
        # Decided on the whole data, before any block is written: whether the year has no
        # figure at all (one row saying so), and whether no share is defined anywhere (exit 5).
        pairs = self._pairs(data)
        self.nothing_in_year = self.year is not None and pairs.empty
        rows = max(len(pairs), 1 if self.nothing_in_year else 0)
        zero = pairs["value_d"].to_numpy(dtype="float64") == 0
        where = pairs.loc[zero, ["entity", "year"]].astype(str).agg(" ".join, axis=1)
        self.zero_base = where.str.strip().tolist() if zero.any() else []
        if self.zero_base and len(self.zero_base) == rows:
            raise UndefinedError(
                "share_zero_denominator", id=self.denominator, years=self._listed()
            )

    def _pairs(self, data: Dataset) -> pd.DataFrame:
        """Numerator and denominator side by side per entity and year (outer join)."""
        values = data.values
        if self.year is not None:
            values = values[values["year"] == self.year]
        wanted = ["entity", "year", "value"]
        part = values.loc[values["indicator"] == self.numerator, wanted]
        whole = values.loc[values["indicator"] == self.denominator, wanted]
        return part.merge(whole, on=["entity", "year"], how="outer", suffixes=("_n", "_d"))

    def _listed(self) -> str:
        listed = ", ".join(self.zero_base[:_LISTED])
        return listed + (" …" if len(self.zero_base) > _LISTED else "")

    def block(self, data: Dataset) -> Result:
        import numpy as np
        import pandas as pd

        frame = self._pairs(data)
        if self.nothing_in_year and not self.said_nothing:
            self.said_nothing = True  # in the first block only
            frame = pd.DataFrame(
                {"entity": [""], "year": [self.year], "value_n": [np.nan], "value_d": [np.nan]}
            )
        num = frame["value_n"].to_numpy(dtype="float64")
        den = frame["value_d"].to_numpy(dtype="float64")
        with np.errstate(all="ignore"):
            num = num * unit_scale(data.unit(self.numerator))
            den = den * unit_scale(data.unit(self.denominator))
            pct = np.where(den != 0, num / den * 100.0, np.nan)
        zero = den == 0
        years = frame["year"].to_numpy()
        provisional = data.provisional_at(
            [self.numerator] * len(frame), years, num
        ) | data.provisional_at([self.denominator] * len(frame), years, den)
        codes = np.where(zero, 1, np.where(np.isnan(pct), 0, -1)).astype("int8")
        result = pd.DataFrame(
            {
                "entity": frame["entity"].astype(str),
                "year": frame["year"].astype("int64"),
                "numerator": self.numerator,
                "denominator": self.denominator,
                "numerator_value": num,
                "denominator_value": den,
                "share_pct": pct,
                "provisional": provisional,
                "note": pd.Categorical.from_codes(
                    codes, categories=pd.Index([NOTE_MISSING, NOTE_ZERO_BASE])
                ),
            }
        )
        columns = [
            *entity_columns(data),
            Column("year", "col_year", Kind.INT),
            Column("numerator", "col_numerator", Kind.TEXT, human=False),
            Column("denominator", "col_denominator", Kind.TEXT, human=False),
            *(
                Column(f"{role}_value", self._header(data, indicator), Kind.NUMBER, 0, True)
                for role, indicator in (
                    ("numerator", self.numerator),
                    ("denominator", self.denominator),
                )
            ),
            Column("share_pct", "col_share_pct", Kind.PCT, decimals=1),
            note_column(result),
            provisional_column(result),
        ]
        return Result(result, columns)

    def _header(self, data: Dataset, indicator: str) -> str:
        """The indicator's label over its figures, which are in units: "(in miljoenen)" goes."""
        label = data.label(indicator, self.lang)
        return strip_unit_words(label) if data.unit(indicator) in SCALE else label

    def finish(self) -> Ending:
        """A note on the years whose denominator is 0."""
        if not self.zero_base:
            return Ending()
        listed = self._listed()
        return Ending(notes=[Message("share_zero_some", {"id": self.denominator, "years": listed})])
