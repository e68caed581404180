"""Cells as people read them, a whole column at a time: labels in the chosen language,
figures in their row's unit and decimals, units and notes translated.

Figures are formatted per group of rows sharing unit and decimals (a handful), so a panel's
table of a million cells costs a tight loop per group instead of a dispatch per cell.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any

from kanaalstats.domain.dataset import label_in
from kanaalstats.domain.result import Column, Kind
from kanaalstats.domain.units import PERCENT
from kanaalstats.render.machine import NUMERIC_KINDS, distinct_texts
from kanaalstats.text.catalogue import text
from kanaalstats.text.numbers import MISSING_TEXT, format_numbers, unit_suffix

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

# Kinds written in the row's unit and decimals: (signed, the only unit shown; None: any).
_IN_UNIT: dict[Kind, tuple[bool, str | None]] = {
    Kind.VALUE: (False, None),
    Kind.TABLE_VALUE: (False, PERCENT),  # millions without "mln": the label says so
    Kind.CHANGE: (True, None),
}


def human_columns(frame: pd.DataFrame, columns: list[Column], lang: str) -> list[list[str]]:
    """The cells of `columns`, column by column, as people read them in `lang`."""
    return [_column(frame, column, lang) for column in columns]


def _column(frame: pd.DataFrame, column: Column, lang: str) -> list[str]:
    kind = column.kind
    if kind is Kind.LABEL:
        return _labels(frame, lang)
    if kind in NUMERIC_KINDS:
        return _figures(frame, column, lang)
    if kind is Kind.UNIT:
        return _translated(frame[column.key], "unit_", lang)
    if kind is Kind.NOTE:
        return _translated(frame[column.key], "note_", lang)
    if kind is Kind.FLAG:
        said = text(f"flag_{column.key}", lang)
        return [said if flag else "" for flag in frame[column.key].astype(bool).tolist()]
    if kind is Kind.UNIT_RULE:
        return _texts(frame[column.key], lambda value: _unit_rule(str(value), lang))
    return _texts(frame[column.key], lambda value: str(value))


def _labels(frame: pd.DataFrame, lang: str) -> list[str]:
    """The label in `lang`, with its footnote mark."""
    labels = label_in(frame, lang).astype(object)
    marks = _strings(frame, "mark")
    return list(labels.where(marks == "", labels + " " + marks).tolist())


def _strings(frame: pd.DataFrame, key: str) -> pd.Series[Any]:
    """A column as Python strings, missing (or absent) as empty."""
    import pandas as pd

    if key not in frame:
        return pd.Series([""] * len(frame), index=frame.index, dtype=object)
    column = frame[key].astype(object)
    return column.where(column.notna(), "").astype(str).astype(object)


def _translated(series: pd.Series[Any], prefix: str, lang: str) -> list[str]:
    return _texts(series, lambda value: text(f"{prefix}{value}", lang))


def _unit_rule(rule: str, lang: str) -> str:
    source, _, words = rule.partition(":")
    said = text(f"unit_rule_{source}", lang)
    return f"{said} '{words}'" if words else said


def _texts(series: pd.Series[Any], write: Any) -> list[str]:
    """Each distinct value written once by `write`; missing values are empty."""
    names, codes = distinct_texts(series)
    table = [*(write(name) for name in names), ""]
    return [table[code] for code in codes.tolist()]


def _figures(frame: pd.DataFrame, column: Column, lang: str) -> list[str]:
    import numpy as np

    values = frame[column.key].to_numpy(dtype="float64", na_value=np.nan)
    kind = column.kind
    if kind is Kind.INT:
        # Years and counts of days: a few distinct values, each written once.
        distinct, rows = np.unique(values, return_inverse=True)
        table = [str(int(x)) if math.isfinite(x) else MISSING_TEXT for x in distinct.tolist()]
        return [table[row] for row in rows.tolist()]
    if kind not in _IN_UNIT:
        suffix = "" if kind is Kind.NUMBER else "%"
        return format_numbers(values, column.decimals, lang, kind is Kind.SIGNED_PCT, suffix)
    signed, shown = _IN_UNIT[kind]
    units = _strings(frame, "unit")
    decimals = _row_decimals(frame)
    out = np.empty(len(values), dtype=object)
    unit_codes, unit_names = _factorised(units)
    groups = unit_codes.astype(np.int64) * 256 + decimals
    for group in np.unique(groups).tolist():
        rows = np.flatnonzero(groups == group)
        unit, places = unit_names[group // 256], group % 256
        suffix = unit_suffix(unit, lang, signed) if shown in (None, unit) else ""
        out[rows] = format_numbers(values[rows], places, lang, signed, suffix)
    return list(out.tolist())


def _row_decimals(frame: pd.DataFrame) -> np.ndarray[Any, Any]:
    import numpy as np

    if "decimals" not in frame:
        return np.zeros(len(frame), dtype=np.int64)
    decimals = frame["decimals"].to_numpy(dtype="float64", na_value=np.nan)
    return np.where(np.isfinite(decimals), decimals, 0).astype(np.int64)


def _factorised(series: pd.Series[Any]) -> tuple[np.ndarray[Any, Any], list[str]]:
    import pandas as pd

    codes, names = pd.factorize(series)
    return codes, [str(name) for name in names]
