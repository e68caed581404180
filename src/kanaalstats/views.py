"""Each command's result: the metric's frame with the columns people and machines get.

This is where a metric becomes a Result; computing stays in metrics.py, formatting in
render.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from kanaalstats import metrics
from kanaalstats.dataset import Dataset
from kanaalstats.formatting import PERCENTAGE_POINTS, format_in_unit, format_percent
from kanaalstats.messages import Message, text
from kanaalstats.options import DaysBasis
from kanaalstats.result import Column, Kind, Result
from kanaalstats.units import PERCENT, SCALE

if TYPE_CHECKING:
    import pandas as pd

    from kanaalstats import claims

_ID = Column("indicator", "col_id", Kind.TEXT, human=False)
_LABEL = Column("label", "col_indicator", Kind.LABEL)
_UNIT = Column("unit", "col_unit", Kind.UNIT)
_CHANGE_UNITS = {PERCENT: "percentage_points", "score": "score"}


def _labelled(indicators: pd.Series[Any], dataset: Dataset) -> dict[str, pd.Categorical]:
    meta = dataset.indicators
    return {
        column: metrics.per_indicator(indicators, meta[column].to_dict())
        for column in ("label_nl", "label_en")
    }


def _note_column(frame: pd.DataFrame) -> Column:
    """Why a figure is missing; shown to people only when some figure is."""
    return Column("note", "col_note", Kind.NOTE, human=bool(frame["note"].notna().any()))


def _entity_columns(dataset: Dataset) -> list[Column]:
    """An `entity` column, only when the data is a panel of several entities."""
    return [Column("entity", "col_entity", Kind.TEXT)] if dataset.has_entities else []


def _wide(dataset: Dataset, indicators: Sequence[str]) -> tuple[pd.DataFrame, Any]:
    """One row per series (entity × indicator) with its metadata, and its values per year."""
    values = metrics.select(dataset, indicators)
    keys = ["entity", "indicator"]
    wide = values.pivot(index=keys, columns="year", values="value").reindex(columns=dataset.years)
    decimals = values.groupby(keys, observed=True)["decimals"].max().reindex(wide.index)
    series = wide.index.to_frame(index=False)
    series["indicator"] = series["indicator"].astype(str)
    series["entity"] = series["entity"].astype(str)
    meta = dataset.indicators
    for column in ("label_nl", "label_en", "unit", "footnote", "source"):
        series[column] = series["indicator"].map(meta[column])
    series["decimals"] = decimals.to_numpy()
    return series, wide.to_numpy(dtype="float64")


def table(dataset: Dataset, indicators: Sequence[str], lang: str) -> Result:
    """The key-figures table as published: indicators × years, with footnotes and source."""
    frame, matrix = _wide(dataset, indicators)
    marks: dict[str, str] = {}
    footer: list[str] = []
    for footnote in dict.fromkeys(frame["footnote"]):
        if footnote:
            marks[footnote] = "*" * (len(marks) + 1)
            footer.append(f"{marks[footnote]} {footnote}")
    sources = [s for s in dict.fromkeys(frame["source"]) if s]
    if sources:
        footer.append(f"{text('source_prefix', lang)}: {'; '.join(sources)}")
    frame["mark"] = frame["footnote"].map(lambda f: marks.get(f, ""))
    years = dataset.years
    for position, year in enumerate(years):
        frame[str(year)] = matrix[:, position]
    columns = [
        *_entity_columns(dataset),
        _ID,
        _LABEL,
        _UNIT,
        Column("footnote", "col_note", Kind.TEXT, human=False),
    ] + [Column(str(y), str(y), Kind.TABLE_VALUE, literal_header=True) for y in years]
    return Result("table", "title_table", frame, columns, footer=footer)


def indicators(dataset: Dataset) -> Result:
    """Ids, labels, units and the years each indicator has a value for."""
    import pandas as pd

    # In a panel each year recurs once per entity: the spans are over distinct years.
    present = dataset.values.dropna(subset=["value"])[["indicator", "year"]].drop_duplicates()
    spans = present.groupby("indicator", observed=True)["year"].agg(
        lambda ys: _year_ranges(sorted(int(y) for y in ys))
    )
    meta = dataset.indicators
    frame = pd.DataFrame(
        {
            "indicator": dataset.ids,
            "label_nl": meta["label_nl"].tolist(),
            "label_en": meta["label_en"].tolist(),
            "unit": meta["unit"].tolist(),
            "years": [spans.get(i, "") for i in dataset.ids],
            "file": meta["origin"].tolist(),
        }
    )
    columns = [
        Column("indicator", "col_id", Kind.TEXT),
        _LABEL,
        _UNIT,
        Column("years", "col_years", Kind.TEXT),
        Column("file", "col_origin", Kind.TEXT),
    ]
    return Result("indicators", "title_indicators", frame, columns)


def _year_ranges(years: list[int]) -> str:
    """`2016–2019`, or `2016, 2018–2019` where a year is missing."""
    runs: list[list[int]] = []
    for year in years:
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)


def change_unit(unit: str) -> str:
    """The unit a change is in: percentage points for a percentage, else the value's own."""
    return _CHANGE_UNITS.get(unit, "millions" if unit in SCALE else "count")


def growth_columns(
    has_entities: bool, any_cagr: bool = True, any_note: bool = True
) -> list[Column]:
    """The growth result's columns (the flags only decide what people see)."""
    return [
        *([Column("entity", "col_entity", Kind.TEXT)] if has_entities else []),
        _ID,
        _LABEL,
        Column("unit", "col_unit", Kind.UNIT, human=False),
        Column("from_year", "col_from_year", Kind.INT),
        Column("to_year", "col_to_year", Kind.INT),
        Column("from_value", "col_from_value", Kind.VALUE),
        Column("to_value", "col_to_value", Kind.VALUE),
        Column("change", "col_change", Kind.CHANGE),
        Column("change_unit", "col_unit", Kind.TEXT, human=False),
        Column("change_pct", "col_change_pct", Kind.SIGNED_PCT),
        Column("cagr_pct", "col_cagr_pct", Kind.SIGNED_PCT, human=any_cagr),
        Column("note", "col_note", Kind.NOTE, human=any_note),
    ]


def growth(
    dataset: Dataset, indicators: Sequence[str], from_year: int | None, to_year: int | None
) -> Result:
    """Change per indicator between consecutive years, or between two years with CAGR."""
    frame = metrics.growth(dataset, indicators, from_year, to_year)
    frame = frame.assign(
        **_labelled(frame["indicator"], dataset),
        change_unit=metrics.per_indicator(
            frame["indicator"],
            {i: change_unit(u) for i, u in dataset.indicators["unit"].items()},
        ),
    )
    columns = growth_columns(
        dataset.has_entities,
        any_cagr=bool(frame["cagr_pct"].notna().any()),
        any_note=_note_column(frame).human,
    )
    return Result("growth", "title_growth", frame, columns)


def daily(
    dataset: Dataset, indicators: Sequence[str] | None, year: int | None, basis: DaysBasis
) -> Result:
    """Average per day of flows, with the day basis stated."""
    frame, notes = metrics.daily(dataset, indicators, year, basis)
    frame = frame.assign(**_labelled(frame["indicator"], dataset))
    columns = [
        *_entity_columns(dataset),
        _ID,
        _LABEL,
        Column("unit", "col_unit", Kind.UNIT, human=False),
        Column("year", "col_year", Kind.INT),
        Column("value", "col_value", Kind.NUMBER, decimals=0),
        Column("days", "col_days", Kind.INT),
        Column("per_day", "col_per_day", Kind.NUMBER, decimals=1),
        Column("basis", "col_days", Kind.TEXT, human=False),
    ]
    return Result(
        "daily", "title_daily", frame, columns, notes=notes, meta={"days_basis": str(basis)}
    )


def share(
    dataset: Dataset, numerator: str, denominator: str, year: int | None, lang: str
) -> Result:
    """The numerator as a share of the denominator, per year."""
    frame, notes = metrics.share(dataset, numerator, denominator, year)
    columns = [
        *_entity_columns(dataset),
        Column("year", "col_year", Kind.INT),
        Column("numerator", "col_numerator", Kind.TEXT, human=False),
        Column("denominator", "col_denominator", Kind.TEXT, human=False),
        Column(
            "numerator_value",
            dataset.label(numerator, lang),
            Kind.NUMBER,
            decimals=0,
            literal_header=True,
        ),
        Column(
            "denominator_value",
            dataset.label(denominator, lang),
            Kind.NUMBER,
            decimals=0,
            literal_header=True,
        ),
        Column("share_pct", "col_share_pct", Kind.PCT, decimals=1),
        _note_column(frame),
    ]
    return Result("share", "title_share", frame, columns, notes=notes)


def _present(value: Any) -> bool:
    """False for None and NaN (pandas 3 stores a missing string as NaN)."""
    return value is not None and value == value


def _claim_figure(value: float | None, row: Mapping[Any, Any], decimals: int, lang: str) -> str:
    """A stated or computed figure of a claim, in the form its kind is reported in."""
    kind = row["kind"]
    if kind in ("growth", "cagr"):
        return format_percent(value, decimals, lang, signed=True)
    if kind == "share":
        return format_percent(value, decimals, lang)
    if kind == "pp_change":
        return format_in_unit(value, PERCENTAGE_POINTS, decimals, lang, change=True)
    signed = kind in ("change", "per_day_change")
    return format_in_unit(value, row["unit"], decimals, lang, change=signed)


def check(checks: list[claims.Check], dataset: Dataset, strict: bool, lang: str) -> Result:
    """The verdict per claim, with the stated figure, the computed one and its possible range."""
    from kanaalstats import claims

    frame = claims.checks_frame(checks, dataset)

    stated_text, computed_text, range_text, explanation = [], [], [], []
    for row in frame.to_dict(orient="records"):
        exact = row["wording"] == "exact"
        # An approximate figure ("bijna een miljoen") has no decimals of its own to follow.
        stated_digits = int(row["decimals"]) if exact else 1
        computed_digits = stated_digits + (0 if row["kind"] == "value" else 1)
        word = "" if exact else text(f"wording_{row['wording']}", lang) + " "
        stated_text.append(word + _claim_figure(row["stated"], row, int(row["decimals"]), lang))
        computed_text.append(_claim_figure(row["computed"], row, computed_digits, lang))
        low, high = row["computed_low"], row["computed_high"]
        range_text.append(
            f"{_claim_figure(low, row, computed_digits + 1, lang)} – "
            f"{_claim_figure(high, row, computed_digits + 1, lang)}"
            if _present(low)
            else ""
        )
        notes = []
        if _present(row["unverifiable"]):
            notes.append(str(row["unverifiable"]))
        elif _present(row["reason"]):
            notes.append(text(row["reason"], lang))
        if not exact:
            allowed = (
                _claim_figure(row[f"stated_{side}"], row, stated_digits + 1, lang)
                for side in ("low", "high")
            )
            notes.append(text("stated_means", lang, low=next(allowed), high=next(allowed)))
        if _present(row["days_basis"]):
            notes.append(text(f"days_{row['days_basis']}", lang))
        explanation.append("; ".join(notes))
    frame = frame.assign(
        stated_text=stated_text,
        computed_text=computed_text,
        range_text=range_text,
        verdict_text=[text(f"verdict_{v}", lang) for v in frame["verdict"]],
        kind_text=[text(f"kind_{k}", lang) for k in frame["kind"]],
        explanation=explanation,
    )
    counts = frame["verdict"].value_counts()
    summary = Message(
        "check_summary",
        {
            "total": len(frame),
            "consistent": int(counts.get(claims.Verdict.CONSISTENT, 0)),
            "inconsistent": int(counts.get(claims.Verdict.INCONSISTENT, 0)),
            "not_verifiable": int(counts.get(claims.Verdict.NOT_VERIFIABLE, 0)),
            "tolerance": round(claims.DEFAULT_TOLERANCE * 100),
        },
    )
    failing = {claims.Verdict.INCONSISTENT} | ({claims.Verdict.NOT_VERIFIABLE} if strict else set())
    failed = bool(frame["verdict"].isin([str(v) for v in failing]).any())
    human = {"human": True, "machine": False}
    machine = {"human": False, "machine": True}
    columns = [
        Column("id", "col_claim", Kind.TEXT),
        Column("kind", "col_kind", Kind.TEXT, **machine),
        Column("kind_text", "col_kind", Kind.TEXT, **human),
        Column("inputs", "col_inputs", Kind.TEXT),
        Column("quote", "col_claim", Kind.TEXT, **machine),
        Column("stated", "col_stated", Kind.NUMBER, **machine),
        Column("wording", "col_stated", Kind.TEXT, **machine),
        Column("stated_low", "col_range", Kind.NUMBER, **machine),
        Column("stated_high", "col_range", Kind.NUMBER, **machine),
        Column("stated_text", "col_stated", Kind.TEXT, **human),
        Column("computed", "col_computed", Kind.NUMBER, **machine),
        Column("computed_low", "col_range", Kind.NUMBER, **machine),
        Column("computed_high", "col_range", Kind.NUMBER, **machine),
        Column("computed_text", "col_computed", Kind.TEXT, **human),
        Column("range_text", "col_range", Kind.TEXT, **human),
        Column("verdict", "col_verdict", Kind.TEXT, **machine),
        Column("verdict_text", "col_verdict", Kind.TEXT, **human),
        Column("reason", "col_reason", Kind.TEXT, **machine),
        Column("unverifiable", "col_reason", Kind.TEXT, **machine),
        Column("days_basis", "col_reason", Kind.TEXT, **machine),
        Column("explanation", "col_reason", Kind.TEXT, **human),
    ]
    return Result(
        "check", "title_check", frame, columns, notes=[summary], exit_code=1 if failed else 0
    )


def report(
    dataset: Dataset, indicators: Sequence[str], year: int, basis: DaysBasis, lang: str
) -> Result:
    """One summary sentence per indicator for `year`, against the year before."""
    from kanaalstats.narrative import sentence

    frame = metrics.year_on_year(dataset, indicators, year, basis)
    meta = dataset.indicators.loc[list(frame["indicator"])]
    frame = frame.assign(
        label_nl=meta["label_nl"].tolist(),
        label_en=meta["label_en"].tolist(),
        subject_nl=meta["subject_nl"].tolist(),
        subject_en=meta["subject_en"].tolist(),
    )
    frame["sentence"] = [sentence(row, lang) for row in frame.to_dict(orient="records")]
    if dataset.has_entities:
        frame["sentence"] = frame["entity"].astype(str) + " – " + frame["sentence"]
    columns = [
        *_entity_columns(dataset),
        _ID,
        _LABEL,
        Column("unit", "col_unit", Kind.UNIT),
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
    ]
    notes = [Message(f"basis_{basis.name.lower()}", {})]
    return Result(
        "report",
        "title_report",
        frame,
        columns,
        notes=notes,
        meta={"year": year, "days_basis": str(basis)},
        prose="sentence",
    )


def trend(dataset: Dataset, indicators: Sequence[str]) -> Result:
    """Per series: a sparkline over the years, first and last value, overall change."""
    import numpy as np

    from kanaalstats.sparkline import sparklines

    frame, matrix = _wide(dataset, indicators)
    years = dataset.years
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
        *_entity_columns(dataset),
        _ID,
        _LABEL,
        Column("unit", "col_unit", Kind.UNIT, human=False),
        Column("sparkline", "col_trend", Kind.TEXT),
        Column("first_year", "col_from_year", Kind.INT),
        Column("first_value", "col_first", Kind.VALUE),
        Column("last_year", "col_to_year", Kind.INT),
        Column("last_value", "col_last", Kind.VALUE),
        Column("change", "col_change", Kind.CHANGE),
        Column("change_pct", "col_change_pct", Kind.SIGNED_PCT),
    ] + [Column(str(y), str(y), Kind.VALUE, literal_header=True, human=False) for y in years]
    return Result("trend", "title_trend", frame, columns)
