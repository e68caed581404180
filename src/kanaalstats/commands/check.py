"""`check`: each claim of a report's text against the data, with a verdict.

Published values are rounded, so every figure is computed as an interval over the values that
round to the published ones; a claim is consistent when that interval meets the range its
wording allows. Each kind is a fixed formula here: nothing in a claims file is evaluated.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kanaalstats.commands.base import Command
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import UsageError
from kanaalstats.domain.intervals import Interval
from kanaalstats.domain.message import Message
from kanaalstats.domain.result import Column, Ending, Kind, Result
from kanaalstats.domain.units import PERCENT, days_in_year
from kanaalstats.domain.units import scale as unit_scale
from kanaalstats.load.claims import DEFAULT_TOLERANCE, Claim, load_claims
from kanaalstats.text.catalogue import text
from kanaalstats.text.numbers import PERCENTAGE_POINTS, format_in_unit, format_percent

if TYPE_CHECKING:
    import pandas as pd


class Verdict(StrEnum):
    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    NOT_VERIFIABLE = "not_verifiable"


@dataclass(frozen=True)
class Check:
    """One claim's outcome."""

    claim: Claim
    verdict: Verdict
    computed: float | None = None
    computed_range: Interval | None = None
    reason: str = ""  # message key for not verifiable


class CheckClaims(Command):
    name = "check"
    title = "title_check"
    per_entity = False  # a claims file is about one report, of one entity

    def __init__(self, claims_file: Path | None, strict: bool, lang: str) -> None:
        self.claims_file = claims_file
        self.strict = strict
        self.lang = lang
        self.claims: list[Claim] = []
        self.notes: list[Message] = []
        self.failed = False

    def prepare(self, data: Dataset) -> None:
        if len(data.entities) > 1:
            raise UsageError("check_needs_one_entity", count=len(data.entities))
        self.claims = load_claims(self.claims_file, data)

    def block(self, data: Dataset) -> Result:
        checks = [verify(claim, data) for claim in self.claims]
        result, summary, self.failed = _verdicts(checks, data, self.strict, self.lang)
        self.notes.append(summary)
        return result

    def finish(self) -> Ending:
        return Ending(notes=self.notes, exit_code=1 if self.failed else 0)


class _Missing(Exception):
    """An input the data does not have; the claim is then not verifiable."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _published(dataset: Dataset, indicator: str, year: int) -> tuple[float, Interval]:
    frame = dataset.values
    hit = frame[(frame["indicator"] == indicator) & (frame["year"] == year)]
    if hit.empty or math.isnan(float(hit["value"].iloc[0])):
        raise _Missing("reason_missing_value")
    value = float(hit["value"].iloc[0])
    return value, Interval.around(value, int(hit["decimals"].iloc[0]))


def _per_day(dataset: Dataset, claim: Claim, indicator: str, year: int) -> tuple[float, Interval]:
    value, interval = _published(dataset, indicator, year)
    factor = unit_scale(dataset.unit(indicator)) / days_in_year(year, claim.days)
    return value * factor, interval.scaled(factor)


def _compute(claim: Claim, dataset: Dataset) -> tuple[float, Interval]:
    """The figure the claim names, computed from the data: central value and possible range."""
    inputs = claim.inputs
    kind = claim.kind
    if kind == "value":
        return _published(dataset, inputs["indicator"], inputs["year"])
    if kind == "per_day":
        return _per_day(dataset, claim, inputs["indicator"], inputs["year"])
    if kind == "per_day_change":
        a, a_range = _per_day(dataset, claim, inputs["indicator"], inputs["from"])
        b, b_range = _per_day(dataset, claim, inputs["indicator"], inputs["to"])
        return b - a, b_range - a_range
    if kind == "share":
        year = inputs["year"]
        n, n_range = _published(dataset, inputs["numerator"], year)
        d, d_range = _published(dataset, inputs["denominator"], year)
        n_scale = unit_scale(dataset.unit(inputs["numerator"]))
        d_scale = unit_scale(dataset.unit(inputs["denominator"]))
        ratio = n_range.scaled(n_scale).ratio(d_range.scaled(d_scale))
        if ratio is None or d == 0:
            raise _Missing("reason_zero_base")
        return n * n_scale / (d * d_scale) * 100, ratio.scaled(100)
    a, a_range = _published(dataset, inputs["indicator"], inputs["from"])
    b, b_range = _published(dataset, inputs["indicator"], inputs["to"])
    if kind in ("change", "pp_change"):
        return b - a, b_range - a_range
    ratio = b_range.ratio(a_range)
    if ratio is None or a <= 0:
        raise _Missing("reason_zero_base")
    if kind == "growth":
        return (b / a - 1) * 100, Interval(ratio.low - 1, ratio.high - 1).scaled(100)
    span = inputs["to"] - inputs["from"]
    yearly = ratio.power(1 / span)
    return ((b / a) ** (1 / span) - 1) * 100, Interval(yearly.low - 1, yearly.high - 1).scaled(100)


def verify(claim: Claim, dataset: Dataset) -> Check:
    if claim.unverifiable:
        return Check(claim, Verdict.NOT_VERIFIABLE, reason="reason_not_in_data")
    try:
        computed, possible = _compute(claim, dataset)
    except _Missing as missing:
        return Check(claim, Verdict.NOT_VERIFIABLE, reason=missing.reason)
    verdict = (
        Verdict.CONSISTENT if possible.overlaps(claim.stated_range()) else Verdict.INCONSISTENT
    )
    return Check(claim, verdict, computed, possible)


def checks_frame(checks: list[Check], dataset: Dataset) -> pd.DataFrame:
    """One row per claim: what it computes, the stated and computed figures and the verdict."""
    import pandas as pd

    rows = []
    for check in checks:
        claim = check.claim
        stated = claim.stated_range()
        rows.append(
            {
                "id": claim.id,
                "kind": claim.kind,
                "inputs": _describe_inputs(claim),
                "quote": claim.quote,
                "stated": claim.stated,
                "wording": claim.wording.value,
                "stated_low": stated.low,
                "stated_high": stated.high,
                "computed": check.computed,
                "computed_low": check.computed_range.low if check.computed_range else None,
                "computed_high": check.computed_range.high if check.computed_range else None,
                "verdict": check.verdict.value,
                "reason": check.reason or None,
                "unverifiable": claim.unverifiable or None,
                "days_basis": claim.days.value if claim.kind.startswith("per_day") else None,
                "unit": _display_unit(claim, dataset),
                "decimals": claim.decimals,
            }
        )
    return pd.DataFrame(rows)


def _describe_inputs(claim: Claim) -> str:
    inputs = claim.inputs
    if claim.kind == "share":
        return f"{inputs['numerator']} / {inputs['denominator']} {inputs['year']}"
    if "year" in inputs:
        return f"{inputs['indicator']} {inputs['year']}"
    return f"{inputs['indicator']} {inputs['from']}→{inputs['to']}"


def _display_unit(claim: Claim, dataset: Dataset) -> str:
    """The unit the stated and computed figures are in, for formatting them."""
    if claim.kind in ("growth", "cagr", "share", "pp_change"):
        return PERCENT
    if claim.kind.startswith("per_day") or claim.unverifiable:
        return "flow"
    return dataset.unit(claim.inputs["indicator"])


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


def _verdicts(
    checks: list[Check], data: Dataset, strict: bool, lang: str
) -> tuple[Result, Message, bool]:
    """The verdict per claim, with the stated figure, the computed one and its possible range;
    the summary, and whether the check failed."""
    frame = checks_frame(checks, data)

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
            "consistent": int(counts.get(Verdict.CONSISTENT, 0)),
            "inconsistent": int(counts.get(Verdict.INCONSISTENT, 0)),
            "not_verifiable": int(counts.get(Verdict.NOT_VERIFIABLE, 0)),
            "tolerance": round(DEFAULT_TOLERANCE * 100),
        },
    )
    failing = {Verdict.INCONSISTENT} | ({Verdict.NOT_VERIFIABLE} if strict else set())
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
    return Result(frame, columns), summary, failed
