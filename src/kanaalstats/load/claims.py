"""The claims file (TOML): each claim read and checked against the kinds and the data.

A claim says what it computes, from which indicators and years, the figure as stated and how
it is worded. Nothing in the file is evaluated: each kind is a fixed formula in
`commands.check`.
"""

from __future__ import annotations

import contextlib
import difflib
import math
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any

from kanaalstats.domain.choices import DaysBasis
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import DataError, InputFileError
from kanaalstats.domain.intervals import Interval
from kanaalstats.domain.units import COUNT_UNITS, FLOW_UNITS, PERCENT
from kanaalstats.load.numbers import NumberFormatError, parse_published_row

DEFAULT_TOLERANCE = 0.10


class Wording(StrEnum):
    """How a figure is stated: as a rounded number, or approximately in some direction."""

    EXACT = "exact"  # "12%": the figure rounded to the decimals written
    ALMOST = "almost"  # "bijna een miljoen": a little under
    OVER = "over"  # "ruim een derde": a little over
    ABOUT = "about"  # "zo'n 43": near, either side


# Analysts may write the Dutch word the report uses.
_WORDING_ALIASES = {
    "bijna": Wording.ALMOST,
    "ruim": Wording.OVER,
    "zo'n": Wording.ABOUT,
    "ongeveer": Wording.ABOUT,
    "circa": Wording.ABOUT,
    "exact": Wording.EXACT,
    "precies": Wording.EXACT,
}

# kind → the fields that name its inputs (besides the common ones).
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "value": ("indicator", "year"),
    "change": ("indicator", "from", "to"),
    "pp_change": ("indicator", "from", "to"),
    "growth": ("indicator", "from", "to"),
    "cagr": ("indicator", "from", "to"),
    "per_day": ("indicator", "year"),
    "per_day_change": ("indicator", "from", "to"),
    "share": ("numerator", "denominator", "year"),
}
COMMON_FIELDS = ("id", "quote", "kind", "stated")
OPTIONAL_FIELDS = ("wording", "tolerance", "decimals", "days", "unverifiable", "note")
_INDICATOR_FIELDS = ("indicator", "numerator", "denominator")
_YEAR_FIELDS = ("year", "from", "to")


@dataclass(frozen=True)
class Claim:
    id: str
    quote: str
    kind: str
    inputs: Mapping[str, Any]  # the kind's fields: indicator(s) and year(s)
    stated: float
    decimals: int
    wording: Wording
    tolerance: float
    days: DaysBasis
    unverifiable: str  # why the data cannot check it ("" when it can)

    def stated_range(self) -> Interval:
        """The figures the statement allows, given its rounding or its approximate wording."""
        if self.wording is Wording.EXACT:
            return Interval.around(self.stated, self.decimals)
        t = self.tolerance
        # The figure may lie this far below and above the stated one, as fractions of its size.
        below, above = {Wording.ALMOST: (t, 0.0), Wording.OVER: (0.0, t)}.get(self.wording, (t, t))
        sign, size = (1.0 if self.stated >= 0 else -1.0), abs(self.stated)
        low, high = sorted(sign * (size * (1 + f)) for f in (-below, above))
        return Interval(low, high)


# --- reading and validating the file --------------------------------------------------------


def load_claims(path: Path | None, dataset: Dataset) -> list[Claim]:
    """Read a claims file and check every field against the kinds and the data."""
    chosen = path or Path(str(resources.files("kanaalstats") / "data" / "claims.toml"))
    name = str(path) if path else chosen.name
    try:
        raw = chosen.read_bytes()
    except FileNotFoundError:
        raise InputFileError("file_not_found", path=name) from None
    except IsADirectoryError:
        raise InputFileError("file_is_directory", path=name) from None
    except OSError as error:
        raise InputFileError("file_not_readable", path=name, reason=error.strerror) from None
    try:
        document = tomllib.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputFileError("file_not_decodable", path=name) from None
    except tomllib.TOMLDecodeError as error:
        raise DataError("claims_toml", path=name, reason=str(error)) from None
    except RecursionError:
        raise DataError("claims_too_deep", path=name) from None
    unknown_top = set(document) - {"claim", "defaults"}
    if unknown_top:
        raise DataError("claims_top_level", path=name, value=", ".join(sorted(unknown_top)))
    defaults = document.get("defaults", {})
    if not isinstance(defaults, dict):
        raise _not_table(name, "defaults", "[defaults]", defaults)
    entries = document.get("claim", [])
    if not isinstance(entries, list) or not entries:
        raise DataError("claims_none", path=name)
    for entry in entries:
        if not isinstance(entry, dict):
            raise _not_table(name, "claim", "[[claim]]", entry)
    seen: set[str] = set()
    claims = []
    for position, entry in enumerate(entries, start=1):
        claim = _read_claim(name, position, entry, defaults, dataset)
        if claim.id in seen:
            raise DataError("claim_duplicate_id", path=name, id=claim.id)
        seen.add(claim.id)
        claims.append(claim)
    return claims


def _not_table(name: str, field: str, form: str, value: Any) -> DataError:
    shown = repr(value)
    return DataError("claims_not_table", path=name, field=field, form=form, value=shown[:40])


def _read_claim(
    name: str, position: int, entry: dict[str, Any], defaults: dict[str, Any], dataset: Dataset
) -> Claim:
    claim_id = str(entry.get("id") or f"#{position}")

    def fail(key: str, field: str, **params: Any) -> DataError:
        return DataError(key, path=name, id=claim_id, field=field, **params)

    kind = entry.get("kind")
    for field in COMMON_FIELDS:
        if field not in entry:
            raise fail("claim_missing_field", field)
    if not isinstance(kind, str) or kind not in KIND_FIELDS:
        raise fail("claim_bad_choice", "kind", value=kind, choices=", ".join(KIND_FIELDS))
    allowed = (*COMMON_FIELDS, *KIND_FIELDS[kind], *OPTIONAL_FIELDS)
    for field in entry:
        if field not in allowed:
            close = difflib.get_close_matches(field, allowed, n=1)
            raise fail("claim_unknown_field", field, choices=", ".join(close or allowed))
    for field in KIND_FIELDS[kind]:
        if field not in entry:
            raise fail("claim_missing_field", field)
    stated, decimals = _stated(entry["stated"], fail)
    if "decimals" in entry:
        decimals = entry["decimals"]
        # More places than a double holds are no figure anyone states.
        if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 15:
            raise fail("claim_bad_number", "decimals", value=decimals)
    wording = _wording(entry.get("wording", defaults.get("wording", "exact")), fail)
    tolerance = entry.get("tolerance", defaults.get("tolerance", DEFAULT_TOLERANCE))
    if (
        not isinstance(tolerance, int | float)
        or isinstance(tolerance, bool)
        or not 0 <= tolerance < 1
    ):
        raise fail("claim_bad_tolerance", "tolerance", value=tolerance)
    days_text = str(entry.get("days", defaults.get("days", "calendar")))
    if days_text not in {b.value for b in DaysBasis}:
        raise fail("claim_bad_choice", "days", value=days_text, choices="calendar, 365")
    unverifiable = str(entry.get("unverifiable", ""))
    inputs = {field: entry[field] for field in KIND_FIELDS[kind]}
    if not unverifiable:
        _check_inputs(kind, inputs, dataset, fail)
    return Claim(
        id=claim_id,
        quote=str(entry["quote"]),
        kind=kind,
        inputs=inputs,
        stated=stated,
        decimals=decimals,
        wording=wording,
        tolerance=float(tolerance),
        days=DaysBasis(days_text),
        unverifiable=unverifiable,
    )


def _stated(value: Any, fail: Callable[..., DataError]) -> tuple[float, int]:
    """The stated figure and its decimals: a TOML number, or text as the report writes it."""
    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) > 10**300:  # beyond a double: no figure of a report
            raise fail("claim_bad_stated", "stated", value=str(value)[:20] + "…")
        return float(value), 0
    if isinstance(value, float) and math.isfinite(value):
        text = repr(value)
        return value, len(text.split(".")[1]) if "." in text and "e" not in text else 0
    if isinstance(value, str):
        with contextlib.suppress(NumberFormatError):
            cells, _ = parse_published_row([value])
            if cells[0].value is not None:
                return cells[0].value, cells[0].decimals
    raise fail("claim_bad_stated", "stated", value=value)


def _wording(value: Any, fail: Callable[..., DataError]) -> Wording:
    text = str(value).strip().lower()
    if text in _WORDING_ALIASES:
        return _WORDING_ALIASES[text]
    try:
        return Wording(text)
    except ValueError:
        choices = ", ".join([*(w.value for w in Wording), *_WORDING_ALIASES])
        raise fail("claim_bad_choice", "wording", value=value, choices=choices) from None


def _check_inputs(
    kind: str, inputs: dict[str, Any], dataset: Dataset, fail: Callable[..., DataError]
) -> None:
    ids = dataset.ids
    for field in _INDICATOR_FIELDS:
        if field in inputs and inputs[field] not in ids:
            close = difflib.get_close_matches(str(inputs[field]), ids, n=3, cutoff=0.4)
            choices = ", ".join(close or ids)
            raise fail("claim_unknown_indicator", field, value=inputs[field], choices=choices)
    years = dataset.years
    for field in _YEAR_FIELDS:
        if field in inputs:
            year = inputs[field]
            if isinstance(year, bool) or not isinstance(year, int) or year not in years:
                raise fail("claim_bad_year", field, value=year, first=min(years), last=max(years))
    if "from" in inputs and inputs["from"] >= inputs["to"]:
        raise fail("claim_years_reversed", "to", first=inputs["from"], last=inputs["to"])
    indicator_units = {f: dataset.unit(inputs[f]) for f in _INDICATOR_FIELDS if f in inputs}
    if kind == "pp_change" and indicator_units["indicator"] != PERCENT:
        raise fail("claim_needs_unit", "indicator", value=inputs["indicator"], unit="percent")
    if kind in ("per_day", "per_day_change") and indicator_units["indicator"] not in FLOW_UNITS:
        raise fail("claim_needs_unit", "indicator", value=inputs["indicator"], unit="flow")
    if kind == "share":
        for field in ("numerator", "denominator"):
            if indicator_units[field] not in COUNT_UNITS:
                raise fail("claim_needs_unit", field, value=inputs[field], unit="flow/stock")
