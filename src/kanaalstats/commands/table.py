"""`table`: the key-figures table as published: indicators × years, footnotes and source."""

from __future__ import annotations

from collections.abc import Sequence

from kanaalstats.commands.base import Command, series_columns, wide
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.result import Column, Ending, Kind, Result
from kanaalstats.domain.selection import resolve_indicators
from kanaalstats.text.catalogue import text


class Table(Command):
    name = "table"
    title = "title_table"

    def __init__(self, names: Sequence[str] | None, lang: str) -> None:
        self.names = names
        self.lang = lang
        self.indicators: list[str] = []
        self.marks: dict[str, str] = {}
        self.footer: list[str] = []

    def prepare(self, data: Dataset) -> None:
        self.indicators = resolve_indicators(self.names, data.ids)
        # Footnotes are marked `*`, `**`, … in the order of the indicators, in every block.
        chosen = set(self.indicators)
        meta = data.indicators.loc[[i for i in data.ids if i in chosen]]
        for footnote in dict.fromkeys(meta["footnote"]):
            if footnote:
                self.marks[footnote] = "*" * (len(self.marks) + 1)
                self.footer.append(f"{self.marks[footnote]} {footnote}")
        if provisional := _provisional(data, self.indicators, self.lang):
            self.footer.append(f"{text('provisional_prefix', self.lang)}: {provisional}")
        sources = [s for s in dict.fromkeys(meta["source"]) if s]
        if sources:
            self.footer.append(f"{text('source_prefix', self.lang)}: {'; '.join(sources)}")

    def block(self, data: Dataset) -> Result:
        frame, matrix = wide(data, self.indicators)
        frame["mark"] = frame["footnote"].map(lambda f: self.marks.get(f, ""))
        for position, year in enumerate(data.years):
            frame[str(year)] = matrix[:, position]
        columns = [
            *series_columns(data, unit_shown=True),
            Column("footnote", "col_note", Kind.TEXT, human=False),
            # People read which years under the table (the footer); machines get the flag.
            Column("provisional", "col_provisional", Kind.FLAG, human=False),
        ] + [
            Column(str(y), str(y), Kind.TABLE_VALUE, literal_header=True, year=y)
            for y in data.years
        ]
        return Result(frame, columns)

    def finish(self) -> Ending:
        return Ending(footer=self.footer)


def _provisional(data: Dataset, indicators: list[str], lang: str) -> str:
    """The years with provisional figures, each with the indicators concerned unless all are:
    `2020; 2019 (aantal bezoeken)`."""
    by_year: dict[int, list[str]] = {}
    for indicator in indicators:
        for year in data.years:
            if (indicator, year) in data.provisional:
                by_year.setdefault(year, []).append(indicator)
    parts = []
    for year, chosen in sorted(by_year.items()):
        if len(chosen) == len(indicators):
            parts.append(str(year))
        else:
            parts.append(f"{year} ({', '.join(data.label(i, lang) for i in chosen)})")
    return "; ".join(parts)
