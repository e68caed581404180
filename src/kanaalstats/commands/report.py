"""`report`: one summary sentence per series for a year, against the year before it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from kanaalstats.commands.base import Command, select, series_columns, wide
from kanaalstats.commands.growth import growth
from kanaalstats.domain.choices import DaysBasis, OutputFormat
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.message import Message
from kanaalstats.domain.result import Column, Ending, Kind, Outline, Result
from kanaalstats.domain.selection import check_year, resolve_indicators
from kanaalstats.domain.units import FLOW_UNITS, days_in_year
from kanaalstats.domain.units import scale as unit_scale
from kanaalstats.text.catalogue import text
from kanaalstats.text.sentences import OF_WHICH, Stated, Style, clean_label, sentence

if TYPE_CHECKING:
    import pandas as pd


class Report(Command):
    name = "report"
    title = "title_report"

    def __init__(
        self,
        names: Sequence[str] | None,
        year: int | None,
        basis: DaysBasis,
        lang: str,
        per_day: bool | None = None,
        context: bool = False,
    ) -> None:
        self.names = names
        self.year = year
        self.basis = basis
        self.lang = lang
        self.style = Style(per_day=per_day, working_days=basis is DaysBasis.WORKING)
        self.context = context
        self.indicators: list[str] = []
        self.summarised = 0
        self.parents: dict[str, tuple[str, str]] = {}
        self.notes: list[Message] = []
        self.page = False

    def writes(self, fmt: OutputFormat) -> None:
        # A page to publish also needs the table's years and the check of its own sentences.
        self.page = fmt is OutputFormat.HTML

    def prepare(self, data: Dataset) -> None:
        self.indicators = resolve_indicators(self.names, data.ids)
        if self.year is not None:
            self.summarised = check_year(self.year, data.years)
        else:
            self.summarised, note = default_year(data, self.indicators, self.lang)
            self.notes.append(note)
        self.parents = parents(data)

    def outline(self) -> Outline:
        meta = {"year": self.summarised, "days_basis": str(self.basis)}
        return Outline(self.name, self.title, meta)

    def block(self, data: Dataset) -> Result:
        import pandas as pd

        frame = year_on_year(data, self.indicators, self.summarised, self.basis)
        meta = data.indicators.loc[list(frame["indicator"])]
        frame = frame.assign(
            label_nl=meta["label_nl"].tolist(),
            label_en=meta["label_en"].tolist(),
            subject_nl=meta["subject_nl"].tolist(),
            subject_en=meta["subject_en"].tolist(),
            parent_nl=[self.parents.get(str(i), ("", ""))[0] for i in frame["indicator"]],
            parent_en=[self.parents.get(str(i), ("", ""))[1] for i in frame["indicator"]],
        )
        if self.context:
            frame = self._with_context(data, frame)
        records = frame.to_dict(orient="records")
        stated: list[list[Stated]] = [[] for _ in records]
        sentences = [
            sentence(row, self.lang, self.style, said)
            for row, said in zip(records, stated, strict=True)
        ]
        sentences = provisional_said(data, frame, sentences, self.lang)
        if data.has_entities:
            # An unnamed entity (the municipality as a whole) gets no "name – " in front.
            entities = frame["entity"].astype(str).tolist()
            sentences = [
                f"{entity} – {said}" if entity else said
                for entity, said in zip(entities, sentences, strict=True)
            ]
        frame["sentence"] = pd.Series(sentences, index=frame.index, dtype=object)
        if self.page:
            frame = self._for_the_page(data, frame, records, stated)
        columns = [
            *series_columns(data, unit_shown=True),
            Column("year", "col_year", Kind.INT),
            Column("value", "col_value", Kind.VALUE),
            Column("previous_year", "col_from_year", Kind.INT),
            Column("previous_value", "col_from_value", Kind.VALUE),
            Column("direction", "col_note", Kind.TEXT),
            Column("change", "col_change", Kind.CHANGE),
            Column("change_pct", "col_change_pct", Kind.SIGNED_PCT),
            Column("per_day", "col_per_day", Kind.NUMBER),
            Column("previous_per_day", "col_per_day", Kind.NUMBER),
            Column("sentence", "col_sentence", Kind.TEXT),
            Column("provisional", "col_provisional", Kind.FLAG, human=False),
        ]
        return Result(frame, columns, prose="sentence")

    def _with_context(self, data: Dataset, frame: pd.DataFrame) -> pd.DataFrame:
        from dataclasses import asdict

        from kanaalstats.commands.context import contexts

        series, matrix = wide(data, self.indicators)
        found = contexts(frame, data.years, matrix, _series_rows(series, frame))
        fields = [asdict(context) for context in found]
        return frame.assign(**{name: [f[name] for f in fields] for name in fields[0]})

    def _for_the_page(
        self,
        data: Dataset,
        frame: pd.DataFrame,
        records: list[dict[Any, Any]],
        stated: list[list[Stated]],
    ) -> pd.DataFrame:
        """The report's rows with what a page shows besides them: every year's value (for
        the key-figures table and the chart), the footnote and source, and the verdict of
        `check` on each figure the sentence states."""
        import pandas as pd

        series, matrix = wide(data, self.indicators)
        rows = _series_rows(series, frame)
        extra = {str(year): matrix[rows, position] for position, year in enumerate(data.years)}
        # Per row, the years of its figures marked provisional, for the page's table.
        extra["provisional_years"] = pd.Series(
            [
                [y for y in data.years if (str(i), y) in data.provisional]
                for i in frame["indicator"].astype(str)
            ],
            index=frame.index,
            dtype=object,
        )
        extra["footnote"] = series["footnote"].to_numpy()[rows]
        extra["source"] = series["source"].to_numpy()[rows]
        checks = own_checks(data, records, stated, frame["sentence"].tolist(), self)
        extra["checks"] = pd.Series(checks, index=frame.index, dtype=object)
        return frame.assign(**extra)

    def finish(self) -> Ending:
        basis = [Message(f"basis_{self.basis.name.lower()}", {})]
        return Ending(notes=[*self.notes, *basis])


def provisional_said(
    data: Dataset, frame: pd.DataFrame, sentences: list[str], lang: str
) -> list[str]:
    """Each sentence that states a provisional figure, followed by one saying which."""
    if not data.provisional:
        return sentences
    indicators = frame["indicator"]
    now = data.provisional_at(indicators, frame["year"], frame["value"]).tolist()
    before = data.provisional_at(
        indicators, frame["previous_year"], frame["previous_value"]
    ).tolist()
    said = []
    years_now, years_before = frame["year"].tolist(), frame["previous_year"].tolist()
    rows = zip(sentences, now, before, years_now, years_before, strict=True)
    for words, this, that, year, previous in rows:
        years = [int(y) for y, marked in ((previous, that), (year, this)) if marked]
        if len(years) == 2:
            words += " " + text("report_provisional_two", lang, first=years[0], second=years[1])
        elif years:
            words += " " + text("report_provisional_one", lang, year=years[0])
        said.append(words)
    return said


def _series_rows(series: pd.DataFrame, frame: pd.DataFrame) -> list[int]:
    """For each row of `frame`, the row of `wide`'s series (and matrix) of its entity and
    indicator."""
    at = {
        (str(e), str(i)): n
        for n, (e, i) in enumerate(zip(series["entity"], series["indicator"], strict=True))
    }
    keys = zip(frame["entity"].astype(str), frame["indicator"].astype(str), strict=True)
    return [at[key] for key in keys]


def own_checks(
    data: Dataset,
    records: list[dict[Any, Any]],
    stated: list[list[Stated]],
    sentences: list[str],
    report: Report,
) -> list[list[dict[str, Any]]]:
    """Each figure a sentence states, made a claim of `check` and verified against the data
    of the sentence's entity: the report checks its own text the way `check` checks an
    analyst's."""
    from dataclasses import replace

    from kanaalstats.commands.check import check_row, verify
    from kanaalstats.load.claims import Claim, Wording

    of_entity: dict[str, Dataset] = {}
    verdicts = []
    for row, said, quote in zip(records, stated, sentences, strict=True):
        entity = str(row.get("entity") or "")
        if entity not in of_entity:
            values = data.values
            mine = values[values["entity"].astype(str) == entity].reset_index(drop=True)
            of_entity[entity] = replace(data, values=mine)
        dataset = of_entity[entity]
        checks = []
        for number, figure in enumerate(said, start=1):
            years = figure.years
            inputs: dict[str, Any] = {"indicator": str(row["indicator"])}
            inputs.update(
                {"year": years[0]}
                if len(years) == 1
                else dict(zip(("from", "to"), years, strict=True))
            )
            claim = Claim(
                id=f"{row['indicator']}-{number}",
                quote=quote,
                kind=figure.kind,
                inputs=inputs,
                stated=figure.figure,
                decimals=figure.decimals,
                wording=Wording(figure.wording),
                tolerance=None,
                days=report.basis,
                unverifiable="",
            )
            checks.append(check_row(verify(claim, dataset), dataset, report.lang))
        verdicts.append(checks)
    return verdicts


def default_year(data: Dataset, indicators: Sequence[str], lang: str) -> tuple[int, Message]:
    """The last year in which most of the series have a value, and a note saying so.

    The last year of a table often holds a row or two only (figures published early);
    summarising it would say "no figure" in nearly every sentence. When no year has a value
    for most series, the last year with the most values is taken.
    """
    values = select(data, indicators)
    present = values[values["value"].notna()]
    series = max(len(values[["entity", "indicator"]].drop_duplicates()), 1)
    grouped = present.groupby("year").size().reindex(data.years, fill_value=0)
    counts = {int(y): int(n) for y, n in zip(data.years, grouped.tolist(), strict=True)}
    last = data.years[-1]
    majority = [y for y, n in counts.items() if n * 2 > series]
    if majority:
        chosen = majority[-1]
        key = "report_year_last" if chosen == last else "report_year_most"
    else:
        best = max(counts.values())
        chosen = max(y for y, n in counts.items() if n == best)
        key = "report_year_fewer"
    figures = {
        "year": chosen,
        "count": counts[chosen],
        "total": series,
        "what": text("report_series" if data.has_entities else "report_indicators", lang),
        "last": last,
        "last_count": counts[last],
    }
    return chosen, Message(key, figures)


def parents(data: Dataset) -> dict[str, tuple[str, str]]:
    """For each "waarvan" row, the Dutch and English label of the row it is part of: the
    nearest row above it that is not a "waarvan" row itself."""
    found: dict[str, tuple[str, str]] = {}
    above: tuple[str, str] | None = None
    meta = data.indicators
    for indicator, dutch, english in zip(
        meta.index, meta["label_nl"], meta["label_en"], strict=True
    ):
        dutch, english = str(dutch or ""), str(english or "")
        if OF_WHICH.match(clean_label(dutch)):
            if above is not None:
                found[str(indicator)] = above
        else:
            above = (dutch, english or dutch)
    return found


def year_on_year(
    data: Dataset, indicators: Sequence[str], year: int, basis: DaysBasis
) -> pd.DataFrame:
    """Each series in `year` against the year before it in the data, with per-day averages.

    Columns: indicator, unit, decimals, year, value, previous_year (NaN for the first year),
    previous_value, change, change_pct, direction (up/down/same, None when missing), per_day and
    previous_per_day (flows only).
    """
    import numpy as np

    years = data.years
    position = years.index(year)
    previous_year = years[position - 1] if position > 0 else None
    if previous_year is not None:
        frame = growth(data, indicators, previous_year, year)
    else:
        frame = growth(data, indicators, year, year)
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
    # `note` stays for the sentences (a base of 0 or below); the report's columns leave it out.
    return frame.drop(columns=["cagr_pct"])
