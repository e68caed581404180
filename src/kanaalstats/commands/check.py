"""`check`: each claim of a report's text against the data, with a verdict.

Published values are rounded, so every figure is computed as an interval over the values that
round to the published ones; a claim is consistent when that interval meets the range its
wording allows. Each kind is a fixed formula here: nothing in a claims file is evaluated.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from kanaalstats.commands.base import Command
from kanaalstats.domain.dataset import Dataset
from kanaalstats.domain.errors import UsageError
from kanaalstats.domain.intervals import Interval
from kanaalstats.domain.message import Message
from kanaalstats.domain.result import Column, Ending, Kind, Result
from kanaalstats.domain.units import PERCENT, days_in_year
from kanaalstats.domain.units import scale as unit_scale
from kanaalstats.load.claims import DEFAULT_TOLERANCE, Claim, Wording, load_claims
from kanaalstats.text.catalogue import text
from kanaalstats.text.numbers import PERCENTAGE_POINTS, format_in_unit, format_percent


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
        """The verdict per claim, with the stated figure, the computed one and its possible
        range; the summary is a note, and whether the check failed the exit code."""
        import pandas as pd

        checks = [verify(claim, data) for claim in self.claims]
        counts = {verdict.value: sum(c.verdict is verdict for c in checks) for verdict in Verdict}
        tolerance = round(DEFAULT_TOLERANCE * 100)
        summary = {"total": len(checks), **counts, "tolerance": tolerance}
        self.notes.append(Message("check_summary", summary))
        failing = {Verdict.INCONSISTENT} | ({Verdict.NOT_VERIFIABLE} if self.strict else set())
        self.failed = any(check.verdict in failing for check in checks)
        return Result(
            pd.DataFrame([check_row(check, data, self.lang) for check in checks]), _COLUMNS
        )

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
    if ratio.low < 0:  # no yearly rate of a level that may have passed below zero
        raise _Missing("reason_zero_base")
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


def check_row(check: Check, dataset: Dataset, lang: str) -> dict[str, Any]:
    """One claim's row: what it computes, the stated and computed figures and the verdict,
    for machines as numbers and for people as text."""
    claim, computed = check.claim, check.computed_range
    stated = claim.stated_range()
    unit = _display_unit(claim, dataset)
    exact = claim.wording is Wording.EXACT
    # An approximate figure ("bijna een miljoen") has no decimals of its own to follow.
    stated_digits = claim.decimals if exact else 1
    computed_digits = stated_digits + (0 if claim.kind == "value" else 1)

    def figure(value: float | None, decimals: int) -> str:
        return _claim_figure(value, claim.kind, unit, decimals, lang)

    notes = []
    if claim.unverifiable:
        notes.append(claim.unverifiable)
    elif check.reason:
        notes.append(text(check.reason, lang))
    if not exact:
        low, high = (figure(bound, stated_digits + 1) for bound in (stated.low, stated.high))
        notes.append(text("stated_means", lang, low=low, high=high))
    per_day = claim.kind.startswith("per_day")
    if per_day:
        notes.append(text(f"days_{claim.days.value}", lang))
    word = "" if exact else text(f"wording_{claim.wording.value}", lang) + " "
    bounds = (computed.low, computed.high) if computed else ()
    return {
        "id": claim.id,
        "kind": claim.kind,
        "inputs": _describe_inputs(claim),
        "quote": claim.quote,
        "stated": claim.stated,
        "wording": claim.wording.value,
        "stated_low": stated.low,
        "stated_high": stated.high,
        "computed": check.computed,
        "computed_low": computed.low if computed else None,
        "computed_high": computed.high if computed else None,
        "verdict": check.verdict.value,
        "reason": check.reason or None,
        "unverifiable": claim.unverifiable or None,
        "days_basis": claim.days.value if per_day else None,
        "unit": unit,
        "decimals": claim.decimals,
        "stated_text": word + figure(claim.stated, claim.decimals),
        "computed_text": figure(check.computed, computed_digits),
        "range_text": " – ".join(figure(bound, computed_digits + 1) for bound in bounds),
        "verdict_text": text(f"verdict_{check.verdict.value}", lang),
        "kind_text": text(f"kind_{claim.kind}", lang),
        "explanation": "; ".join(notes),
    }


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


def _claim_figure(value: float | None, kind: str, unit: str, decimals: int, lang: str) -> str:
    """A stated or computed figure of a claim, in the form its kind is reported in."""
    if kind in ("growth", "cagr"):
        return format_percent(value, decimals, lang, signed=True)
    if kind == "share":
        return format_percent(value, decimals, lang)
    if kind == "pp_change":
        return format_in_unit(value, PERCENTAGE_POINTS, decimals, lang, change=True)
    signed = kind in ("change", "per_day_change")
    return format_in_unit(value, unit, decimals, lang, change=signed)


# Machines get the figures, people the same as text; `human`/`machine` say who sees a column.
_COLUMNS = [
    Column("id", "col_claim", Kind.TEXT),
    Column("kind", "col_kind", Kind.TEXT, human=False),
    Column("kind_text", "col_kind", Kind.TEXT, machine=False),
    Column("inputs", "col_inputs", Kind.TEXT),
    Column("quote", "col_claim", Kind.TEXT, human=False),
    Column("stated", "col_stated", Kind.NUMBER, human=False),
    Column("wording", "col_stated", Kind.TEXT, human=False),
    Column("stated_low", "col_range", Kind.NUMBER, human=False),
    Column("stated_high", "col_range", Kind.NUMBER, human=False),
    Column("stated_text", "col_stated", Kind.TEXT, machine=False),
    Column("computed", "col_computed", Kind.NUMBER, human=False),
    Column("computed_low", "col_range", Kind.NUMBER, human=False),
    Column("computed_high", "col_range", Kind.NUMBER, human=False),
    Column("computed_text", "col_computed", Kind.TEXT, machine=False),
    Column("range_text", "col_range", Kind.TEXT, machine=False),
    Column("verdict", "col_verdict", Kind.TEXT, human=False),
    Column("verdict_text", "col_verdict", Kind.TEXT, machine=False),
    Column("reason", "col_reason", Kind.TEXT, human=False),
    Column("unverifiable", "col_reason", Kind.TEXT, human=False),
    Column("days_basis", "col_reason", Kind.TEXT, human=False),
    Column("explanation", "col_reason", Kind.TEXT, machine=False),
]
