"""The claims file (TOML): each claim read and checked against the kinds and the data.

A claim says what it computes, from which indicators and years, the figure as stated and how
it is worded. Nothing in the file is evaluated: each kind is a fixed formula in
`commands.check`.
"""

from __future__ import annotations

import contextlib
import difflib
import math
import re
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Any

from kanaalstats.domain.choices import DaysBasis
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import DataError, InputFileError
from kanaalstats.domain.intervals import Interval
from kanaalstats.domain.message import Message
from kanaalstats.domain.units import COUNT_UNITS, FLOW_UNITS, PERCENT
from kanaalstats.domain.units import scale as unit_scale
from kanaalstats.load.numbers import NumberFormatError, parse_published_row
from kanaalstats.load.source import guarded


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
    "direction": ("indicator", "from", "to"),
    "trend": ("indicator", "from", "to"),
    "comparison": ("indicator", "year", "against"),
    "identity": ("indicator", "parts"),
    "ranking": ("indicator", "from", "to"),
    "first_since": ("indicator", "from", "to"),
    "level_ranking": ("indicator", "year"),
}
# Kinds stated in words, not figures: `stated` is a direction.
WORDED_KINDS = frozenset(
    {"direction", "trend", "comparison", "identity", "ranking", "first_since", "level_ranking"}
)
DIRECTIONS = {
    "up": 1.0,
    "down": -1.0,
    "same": 0.0,
    "higher": 1.0,
    "lower": -1.0,
    "omhoog": 1.0,
    "gestegen": 1.0,
    "toegenomen": 1.0,
    "omlaag": -1.0,
    "gedaald": -1.0,
    "afgenomen": -1.0,
    "gelijk": 0.0,
    "hoger": 1.0,
    "lager": -1.0,
    "highest": 1.0,  # a ranking of levels: the largest of the rows
    "lowest": -1.0,
    "hoogst": 1.0,
    "laagst": -1.0,
    "holds": 0.0,  # an identity: the row is the sum of its parts
    "klopt": 0.0,
}
# How far a direction goes ("iets gedaald", "sterk toegenomen"): `degree` of a direction.
DEGREES = {
    "slight": "slight",
    "iets": "slight",
    "licht": "slight",
    "strong": "strong",
    "sterk": "strong",
    "flink": "strong",
    "fors": "strong",
}
# A fraction or round word ("een derde", "een miljoen") stands for its value give or take
# this fraction of it; a hedge widens that to ROUND_WORD_HEDGE in its own direction.
ROUND_WORD_PLAIN = 0.05
ROUND_WORD_HEDGE = 0.10
COMMON_FIELDS = ("id", "quote", "kind", "stated")
OPTIONAL_FIELDS = (
    "wording",
    "tolerance",
    "decimals",
    "days",
    "unverifiable",
    "note",
    "among",
)
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
    tolerance: float | None  # an explicit override of the hedge's band, as a fraction
    days: DaysBasis
    unverifiable: str  # why the data cannot check it ("" when it can)
    round_word: bool = False  # stated as a fraction or round word: "een derde", "een miljoen"
    stated_words: str = ""  # the figure or words as the text states them (from --text)
    unlinked: Message | None = None  # why a statement of the text has no indicator or year
    degree: str = ""  # a direction's degree: "slight" ("iets"), "strong" ("sterk"), "" any

    def stated_range(self) -> Interval:
        """The figures the statement allows, given its rounding or its approximate wording.

        Exact: what rounds to the figure at the decimals written (12% → 11,5–12,5). A hedge
        moves the band in its direction only, as far as the figure's own roundness: one step
        of its last non-zero digit (a step of 5 for a figure ending in 500 or 5.000):
        "bijna 6.200" → 6.100–6.200, "ruim 2.300" → 2.300–2.400, "zo'n 600" → 550–650,
        "zo'n 646" → 645,5–646,5. A round word or fraction has a band of its own
        (ROUND_WORD_PLAIN, ROUND_WORD_HEDGE); `tolerance` overrides the band as a fraction.
        """
        if self.kind in WORDED_KINDS:
            return Interval(self.stated, self.stated)
        if self.wording is Wording.EXACT and not self.round_word:
            return Interval.around(self.stated, self.decimals)
        sign, size = (1.0 if self.stated >= 0 else -1.0), abs(self.stated)
        if self.tolerance is not None or self.round_word:
            if self.tolerance is not None:
                t = self.tolerance
            else:
                t = ROUND_WORD_PLAIN if self.wording is Wording.EXACT else ROUND_WORD_HEDGE
            below, above = {
                Wording.ALMOST: (t, 0.0),
                Wording.OVER: (0.0, t),
            }.get(self.wording, (t, t))
            low, high = sorted(sign * (size * (1 + f)) for f in (-below, above))
            return Interval(low, high)
        step = roundness(size, self.decimals)
        below, above = {
            Wording.ALMOST: (step, 0.0),
            Wording.OVER: (0.0, step),
        }.get(self.wording, (step / 2, step / 2))
        low, high = sorted(sign * (size + f) for f in (-below, above))
        return Interval(low, high)


def roundness(size: float, decimals: int) -> float:
    """The step a figure is round to: a unit of its last non-zero digit, or 5 of them when
    that digit is a 5 followed by two zeros or more (127.500, 5.000)."""
    unit = 10.0**-decimals
    digits = round(size / unit)
    if digits == 0:
        return unit
    zeros = 0
    while digits % 10 == 0:
        digits //= 10
        zeros += 1
    step = unit * 10.0**zeros
    return step * 5 if zeros >= 2 and digits % 10 == 5 and digits > 5 else step


# --- writing claims for a person to review --------------------------------------------------

_HEDGE_WORDS = re.compile(
    r"^(bijna|ruim|zo['’]n|circa|ca\.|ongeveer|nagenoeg|rond|meer dan|minder dan|krap)\s+", re.I
)
_WORDED = {1.0: "up", -1.0: "down", 0.0: "same"}


def claims_to_toml(claims: Sequence[Claim], unlinked: Mapping[str, str], source: str) -> str:
    """A claims file of what a text holds, for a person to review and run with --claims:
    the linked statements as claims, the others commented out with the reason (`unlinked`:
    claim id → reason, in the reader's language)."""
    lines = [
        f"# Claims found by `kanaalstats check --text` in {source}.",
        "# Review every claim (indicator, years, stated figure), then run",
        "# `kanaalstats check --claims THIS_FILE`. Statements that could not be linked to the",
        "# table are commented out, with the reason: complete them by hand or leave them out.",
        "",
    ]
    for claim in claims:
        body = _claim_lines(claim)
        if claim.unlinked is not None:
            lines.append(f"# {claim.id}: {unlinked.get(claim.id, '')}")
            lines.extend("# " + line for line in body)
        else:
            lines.extend(body)
        lines.append("")
    return "\n".join(lines)


def _claim_lines(claim: Claim) -> list[str]:
    lines = ["[[claim]]", f"id = {_quoted(claim.id)}", f"quote = {_quoted(claim.quote)}"]
    lines.append(f"kind = {_quoted(claim.kind)}")
    for field, value in claim.inputs.items():
        if isinstance(value, list):
            items = (_quoted(v) if isinstance(v, str) else str(v) for v in value)
            shown = "[" + ", ".join(items) + "]"
        else:
            shown = _quoted(value) if isinstance(value, str) else str(value)
        lines.append(f"{field} = {shown}")
    lines.append(f"stated = {_stated_text(claim)}")
    if claim.degree:
        lines.append(f"degree = {_quoted(claim.degree)}")
    if claim.wording is not Wording.EXACT and claim.kind not in WORDED_KINDS:
        lines.append(f"wording = {_quoted(claim.wording.value)}")
    if claim.days is not DaysBasis.CALENDAR and claim.kind.startswith("per_day"):
        lines.append(f"days = {_quoted(claim.days.value)}")
    if claim.decimals < 0 and not claim.round_word and claim.kind not in WORDED_KINDS:
        # A claims file has no negative decimals: the rounding is left to the reviewer.
        step = f"{10.0**-claim.decimals:.0f}"
        lines.append(f"# stated as {claim.stated_words!r}, rounded to {step}: set tolerance")
    return lines


def _stated_text(claim: Claim) -> str:
    if claim.kind in WORDED_KINDS:
        if claim.kind == "identity":
            return _quoted("holds")
        if claim.kind == "ranking":
            return _quoted("up" if claim.stated > 0 else "down")
        if claim.kind == "level_ranking":
            return _quoted("highest" if claim.stated > 0 else "lowest")
        if claim.kind == "comparison":
            return _quoted("higher" if claim.stated > 0 else "lower")
        return _quoted(_WORDED.get(claim.stated, "same"))
    if claim.round_word and claim.stated_words:
        return _quoted(_HEDGE_WORDS.sub("", claim.stated_words.strip()))
    decimals = max(claim.decimals, 0)
    if decimals == 0:
        return str(round(claim.stated))
    return f"{claim.stated:.{decimals}f}"


def _quoted(text: str) -> str:
    import json

    # A JSON string is a TOML basic string: the same quotes and escapes.
    return json.dumps(text, ensure_ascii=False)


# --- reading and validating the file --------------------------------------------------------


def load_claims(path: Path | None, dataset: Dataset) -> list[Claim]:
    """Read a claims file and check every field against the kinds and the data."""
    chosen = path or Path(str(resources.files("kanaalstats") / "data" / "claims.toml"))
    name = str(path) if path else chosen.name
    raw = guarded(chosen, name, chosen.read_bytes)
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
    if kind == "direction":
        allowed = (*allowed, "degree")
    for field in entry:
        if field not in allowed:
            close = difflib.get_close_matches(field, allowed, n=1)
            raise fail("claim_unknown_field", field, choices=", ".join(close or allowed))
    for field in KIND_FIELDS[kind]:
        if field not in entry:
            raise fail("claim_missing_field", field)
    if kind in WORDED_KINDS:
        stated, decimals, round_word = _direction(entry["stated"], fail), 0, False
    else:
        stated, decimals, round_word = _stated(entry["stated"], fail)
    if "decimals" in entry:
        decimals = entry["decimals"]
        # More places than a double holds are no figure anyone states.
        if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 15:
            raise fail("claim_bad_number", "decimals", value=decimals)
    wording = _wording(entry.get("wording", defaults.get("wording", "exact")), fail)
    tolerance = entry.get("tolerance", defaults.get("tolerance"))
    if tolerance is not None and (
        not isinstance(tolerance, int | float)
        or isinstance(tolerance, bool)
        or not 0 <= tolerance < 1
    ):
        raise fail("claim_bad_tolerance", "tolerance", value=tolerance)
    days_text = str(entry.get("days", defaults.get("days", "calendar")))
    if days_text not in {b.value for b in DaysBasis}:
        raise fail(
            "claim_bad_choice",
            "days",
            value=days_text,
            choices=", ".join(b.value for b in DaysBasis),
        )
    unverifiable = str(entry.get("unverifiable", ""))
    inputs = {field: entry[field] for field in KIND_FIELDS[kind]}
    degree = ""
    if "degree" in entry:
        degree = DEGREES.get(str(entry["degree"]).strip().lower(), "")
        if not degree:
            raise fail(
                "claim_bad_choice", "degree", value=entry["degree"], choices=", ".join(DEGREES)
            )
    if kind in ("ranking", "level_ranking") and "among" in entry:
        inputs["among"] = entry["among"]
    if not unverifiable:
        _check_inputs(kind, inputs, dataset, fail)
        if round_word and kind in ("value", "change"):
            # A round word is in units ("een miljoen"); the claim is in the indicator's unit.
            factor = unit_scale(dataset.unit(inputs["indicator"]))
            stated, decimals = stated / factor, decimals + round(math.log10(factor))
    return Claim(
        id=claim_id,
        quote=str(entry["quote"]),
        kind=kind,
        inputs=inputs,
        stated=stated,
        decimals=decimals,
        wording=wording,
        tolerance=None if tolerance is None else float(tolerance),
        days=DaysBasis(days_text),
        unverifiable=unverifiable,
        round_word=round_word,
        # A round word reads best as the report writes it: "bijna twee derde".
        stated_words=_as_written(entry, wording) if round_word else "",
        degree=degree,
    )


def _as_written(entry: dict[str, Any], wording: Wording) -> str:
    written = str(entry.get("wording", "")).strip()
    hedge = {
        Wording.ALMOST: "bijna",
        Wording.OVER: "ruim",
        Wording.ABOUT: "zo'n",
    }.get(wording, "")
    word = (
        written if written.lower() in _WORDING_ALIASES and wording is not Wording.EXACT else hedge
    )
    return f"{word} {entry['stated']}".strip()


def _stated(value: Any, fail: Callable[..., DataError]) -> tuple[float, int, bool]:
    """The stated figure, its decimals and whether it is a round word: a TOML number, text as
    the report writes it ("12%", "18.671"), or a fraction or round word ("twee derde" is
    66,67%, "een miljoen" 1.000.000)."""
    from kanaalstats.load.statements import word_figure

    if isinstance(value, int) and not isinstance(value, bool):
        if abs(value) > 10**300:  # beyond a double: no figure of a report
            raise fail("claim_bad_stated", "stated", value=str(value)[:20] + "…")
        return float(value), 0, False
    if isinstance(value, float) and math.isfinite(value):
        text = repr(value)
        return value, len(text.split(".")[1]) if "." in text and "e" not in text else 0, False
    if isinstance(value, str):
        with contextlib.suppress(NumberFormatError):
            cells, _ = parse_published_row([value])
            if cells[0].value is not None:
                return cells[0].value, cells[0].decimals, False
        word = word_figure(value)
        if word is not None:
            return word, 0, True
    raise fail("claim_bad_stated", "stated", value=value)


def _parts(value: Any, ids: Sequence[str], fail: Callable[..., DataError]) -> list[str]:
    """An identity's parts: ids (or unique prefixes), each with `-` in front to subtract."""
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise fail("claim_bad_parts", "parts", value=value)
    parts = []
    for part in value:
        sign, name = ("-", part[1:].strip()) if part.startswith("-") else ("", part.strip())
        starting = [i for i in ids if i == name] or [i for i in ids if i.startswith(name)]
        if len(starting) != 1:
            close = difflib.get_close_matches(name, ids, n=3, cutoff=0.4)
            choices = ", ".join(starting[:10] or close or ids)
            raise fail("claim_unknown_indicator", "parts", value=name, choices=choices)
        parts.append(sign + starting[0])
    return parts


def _direction(value: Any, fail: Callable[..., DataError]) -> float:
    text = str(value).strip().lower()
    if text in DIRECTIONS:
        return DIRECTIONS[text]
    raise fail("claim_bad_choice", "stated", value=value, choices=", ".join(DIRECTIONS))


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
            # A unique prefix names an indicator, as on the command line.
            starting = [i for i in ids if i.startswith(str(inputs[field]))]
            if len(starting) == 1:
                inputs[field] = starting[0]
                continue
            if len(starting) > 1:
                raise fail(
                    "claim_ambiguous_indicator",
                    field,
                    value=inputs[field],
                    choices=", ".join(starting[:10]),
                )
            close = difflib.get_close_matches(str(inputs[field]), ids, n=3, cutoff=0.4)
            choices = ", ".join(close or ids)
            raise fail("claim_unknown_indicator", field, value=inputs[field], choices=choices)
    if "parts" in inputs:
        inputs["parts"] = _parts(inputs["parts"], ids, fail)
    if "among" in inputs:
        inputs["among"] = [part.lstrip("-") for part in _parts(inputs["among"], ids, fail)]
    years = dataset.years
    for field in _YEAR_FIELDS:
        if field in inputs:
            year = inputs[field]
            if isinstance(year, bool) or not isinstance(year, int) or year not in years:
                raise fail("claim_bad_year", field, value=year, first=min(years), last=max(years))
    if "against" in inputs:
        against = inputs["against"]
        if isinstance(against, int) and not isinstance(against, bool):
            against = [against]
        if not isinstance(against, list) or not against:
            raise fail(
                "claim_bad_year", "against", value=against, first=min(years), last=max(years)
            )
        for year in against:
            if isinstance(year, bool) or not isinstance(year, int) or year not in years:
                raise fail(
                    "claim_bad_year", "against", value=year, first=min(years), last=max(years)
                )
        inputs["against"] = against
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
